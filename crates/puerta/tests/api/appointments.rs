//! Appointments through the API (issue 11): requests in the window from inside the service
//! area, a draw that places whole groups and verifies, confirmation with photos and a
//! confirmation number, a partner's check, the port day's check-in moving cases to review.

use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post as post, json_of};

/// 2026-11-18 12:30 in New York (17:30 UTC): inside the default window of that day.
pub const IN_WINDOW_MS: i64 = 1_795_023_000_000;
pub const DRAW_DATE: &str = "2026-11-18";

pub const TIJUANA: (f64, f64) = (32.5149, -117.0382);
pub const TAPACHULA: (f64, f64) = (14.9031, -92.2575);

pub fn at(place: (f64, f64), accuracy_m: f64) -> serde_json::Value {
    json!({"latitude": place.0, "longitude": place.1, "accuracy_m": accuracy_m})
}

pub fn into_window(app: &TestApp) {
    let now = app.clock_ms();
    assert!(now <= IN_WINDOW_MS, "the test clock starts before the window");
    app.clock.advance_secs((IN_WINDOW_MS - now) / 1000);
}

/// A small PNG, as a phone's camera input might send.
pub fn photo() -> Vec<u8> {
    let picture = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(24, 32, |x, y| {
        image::Rgb([u8::try_from(x * 9).unwrap_or(0), u8::try_from(y * 7).unwrap_or(0), 90])
    }));
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).expect("png");
    out.into_inner()
}

fn traveler(given: &str, nationality: &str, born: &str) -> serde_json::Value {
    json!({
        "given_name": given, "family_name": "Joseph", "date_of_birth": born,
        "nationality": nationality, "country_of_birth": nationality, "city_of_birth": "Jacmel",
        "country_of_residence": "MX", "language": "ht"
    })
}

/// A verified account holder whose `n` travelers have submitted advance information:
/// (token, traveler ids).
pub async fn group(app: &TestApp, email: &str, n: usize) -> (String, Vec<String>) {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    let mut ids = Vec::new();
    for i in 0..n {
        let body = traveler(&format!("Rose{i}"), "HT", &format!("199{i}-03-0{}", i + 1));
        let body = json_of(post(app, &token, "/api/v1/travelers", body).await, 201).await;
        ids.push(body["id"].as_str().expect("id").to_string());
    }
    let destination =
        json!({"line1": "1 Main St", "city": "San Diego", "state": "CA", "postal_code": "92101"});
    let body = json!({"traveler_ids": ids, "us_destination": destination});
    json_of(post(app, &token, "/api/v1/applications", body).await, 201).await;
    (token, ids)
}

/// A staff account with a second factor: its token.
pub async fn staff(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

pub async fn upload_photo(app: &TestApp, token: &str, traveler: &str) -> reqwest::Response {
    // A `kind` part too: it is read and dropped.
    let (content_type, body) = crate::documents::multipart("photo", "me.png", &photo());
    app.client
        .post(app.url(&format!("/api/v1/travelers/{traveler}/photo")))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("sent")
}

on_both_backends! {
    async fn three_groups_two_places_a_verifiable_draw_confirmation_and_check_in(app) {
        into_window(&app);
        let ctx = puerta_app::accounts::RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "SYS", DRAW_DATE, 2).await.expect("capacity set");

        let (a, a_ids) = group(&app, "a@example.org", 2).await;
        let (b, b_ids) = group(&app, "b@example.org", 1).await;
        let (c, c_ids) = group(&app, "c@example.org", 1).await;
        let mut entries = Vec::new();
        for (token, ids) in [(&a, &a_ids), (&b, &b_ids), (&c, &c_ids)] {
            let body = json!({"port_code": "SYS", "traveler_ids": ids, "location": at(TIJUANA, 30.0)});
            let made = json_of(post(&app, token, "/api/v1/appointment-requests", body).await, 201).await;
            assert_eq!(made["draw_date"], DRAW_DATE);
            assert_eq!(made["status"], "requested");
            entries.push(made["entry_id"].as_str().expect("entry id").to_string());
        }
        // One standing request per traveler per draw.
        let again = json!({"port_code": "SYS", "location": at(TIJUANA, 30.0)});
        assert_problem(post(&app, &a, "/api/v1/appointment-requests", again).await, 409, "already_requested").await;

        let before = json_of(app.get(&format!("/api/v1/draws/{DRAW_DATE}")).await, 200).await;
        assert_eq!(before["status"], "open");
        assert!(before["seed"].is_null());
        let commitment = before["seed_commitment"].as_str().expect("commitment").to_string();
        assert_eq!(commitment.len(), 64);
        let sys = before["capacity"].as_array().expect("capacity").iter().find(|p| p["port_code"] == "SYS").cloned();
        assert_eq!(sys.expect("SYS")["places"], 2);

        let done = app.app.run_draw(&ctx, DRAW_DATE).await.expect("the draw runs");
        assert_eq!(done.requests, 3);
        assert!((1..=2).contains(&done.places_offered), "{done:?}");
        let twice = app.app.run_draw(&ctx, DRAW_DATE).await;
        assert!(matches!(twice, Err(puerta_app::AppError::Conflict("draw_already_run"))), "{twice:?}");

        let after = json_of(app.get(&format!("/api/v1/draws/{DRAW_DATE}")).await, 200).await;
        assert_eq!(after["status"], "drawn");
        assert_eq!(after["seed_commitment"], commitment.as_str());
        let results = json_of(app.get(&format!("/api/v1/draws/{DRAW_DATE}/results")).await, 200).await;
        let published: puerta_domain::appointments::PublishedDraw =
            serde_json::from_value(results.clone()).expect("a publication");
        assert_eq!(published.verify(), Ok(()));
        assert_eq!(published.seed_commitment, commitment);
        for entry in &entries {
            assert!(published.input.entries.iter().any(|e| &e.id == entry), "each traveler finds their entry");
        }
        let text = results.to_string();
        assert!(!text.contains("Rose") && !text.contains("example.org"), "no personal data is published");
        let mut altered = published.clone();
        altered.input.entries[0].group_size = if altered.input.entries[0].group_size == 1 { 2 } else { 1 };
        assert!(altered.verify().is_err());

        // Whole groups only, within the places.
        let mut offered = Vec::new();
        for (token, ids) in [(&a, &a_ids), (&b, &b_ids), (&c, &c_ids)] {
            let list = json_of(app.get_with("/api/v1/appointments", token).await, 200).await;
            for appointment in list.as_array().expect("list") {
                assert_eq!(appointment["status"], "offered");
                assert_eq!(appointment["traveler_ids"].as_array().expect("ids").len(), ids.len());
                offered.push((token.clone(), ids.clone(), appointment["id"].as_str().expect("id").to_string()));
            }
        }
        let placed: usize = offered.iter().map(|(_, ids, _)| ids.len()).sum();
        assert!((1..=2).contains(&placed));
        assert_eq!(placed as u32, done.places_offered);

        let (token, ids, appointment) = offered[0].clone();
        let confirm = format!("/api/v1/appointments/{appointment}/confirm");
        let body = json!({"location": at(TIJUANA, 20.0)});
        let missing = assert_problem(post(&app, &token, &confirm, body.clone()).await, 422, "photo_required").await;
        assert_eq!(missing["errors"].as_array().expect("errors").len(), ids.len());
        for id in &ids {
            json_of(upload_photo(&app, &token, id).await, 201).await;
        }
        let far = json!({"location": at(TAPACHULA, 20.0)});
        assert_problem(post(&app, &token, &confirm, far).await, 422, "outside_service_area").await;
        let confirmed = json_of(post(&app, &token, &confirm, body).await, 200).await;
        assert_eq!(confirmed["status"], "confirmed");
        let number = confirmed["confirmation_number"].as_str().expect("number").to_string();
        assert!(puerta_domain::appointments::ConfirmationNumber::parse(&number).is_ok(), "{number}");
        assert!(confirmed["port_address"].as_str().is_some_and(|a| a.contains("San Ysidro")));

        // A partner checks it with a date of birth; nothing else is told.
        let partner = staff(&app, "shelter@example.org", "partner").await;
        let dob = "1990-03-01";
        let valid = json_of(app.get_with(&format!("/api/v1/appointments/validate?confirmation_number={number}&date_of_birth={dob}"), &partner).await, 200).await;
        assert_eq!(valid, json!({"valid": true}));
        let wrong = json_of(app.get_with(&format!("/api/v1/appointments/validate?confirmation_number={number}&date_of_birth=1980-01-01"), &partner).await, 200).await;
        assert_eq!(wrong, json!({"valid": false}));
        assert_problem(app.get_with(&format!("/api/v1/appointments/validate?confirmation_number={number}&date_of_birth={dob}"), &token).await, 403, "forbidden").await;

        // The officer's port day, then the check-in moves the cases to review.
        let officer = staff(&app, "officer@example.org", "officer").await;
        let scheduled = confirmed["scheduled_at"].as_str().expect("time");
        // 07:00 or 07:30 in San Ysidro (one slot per group placed), 15 days on.
        assert!(scheduled.starts_with("2026-12-03T15:00") || scheduled.starts_with("2026-12-03T15:30"), "{scheduled}");
        let day = json_of(app.get_with("/api/v1/staff/ports/SYS/days/2026-12-03", &officer).await, 200).await;
        let groups = day.as_array().expect("groups");
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0]["confirmation_number"], number.as_str());
        let check_in = format!("/api/v1/staff/appointments/{number}/check-in");
        let bad_number = format!("/api/v1/staff/appointments/{}X/check-in", &number[..number.len() - 1]);
        assert_problem(post(&app, &officer, &bad_number, json!({"arrived_traveler_ids": ids})).await, 422, "validation_failed").await;
        let done = json_of(post(&app, &officer, &check_in, json!({"arrived_traveler_ids": ids, "date_of_birth": dob})).await, 200).await;
        assert_eq!(done["status"], "checked_in");
        assert_eq!(done["cases_in_review"].as_array().expect("cases").len(), ids.len());
        assert_problem(post(&app, &officer, &check_in, json!({"arrived_traveler_ids": ids})).await, 409, "already_checked_in").await;
        let cases = json_of(app.get_with("/api/v1/cases", &token).await, 200).await;
        for case in cases["items"].as_array().expect("items") {
            assert_eq!(case["status"], "in_review", "{case}");
        }
        let valid = json_of(app.get_with(&format!("/api/v1/appointments/validate?confirmation_number={number}&date_of_birth={dob}"), &partner).await, 200).await;
        assert_eq!(valid, json!({"valid": false}), "a used appointment is no longer valid");
    }

    async fn outside_the_window_or_the_area_is_refused_with_reasons(app) {
        let (token, _) = group(&app, "early@example.org", 1).await;
        let body = json!({"port_code": "SYS", "location": at(TIJUANA, 30.0)});
        let closed = assert_problem(post(&app, &token, "/api/v1/appointment-requests", body.clone()).await, 409, "request_window_closed").await;
        // 12:00 in New York that day, in UTC.
        assert_eq!(closed["next_opens_at"], "2026-11-18T17:00:00.000Z");
        // Said in the traveler's zone (Mexico City: 11:00).
        assert!(closed["detail"].as_str().is_some_and(|d| d.contains("11:00")), "{closed}");

        into_window(&app);
        let far = json!({"port_code": "SYS", "location": at(TAPACHULA, 30.0)});
        let outside = assert_problem(post(&app, &token, "/api/v1/appointment-requests", far).await, 422, "outside_service_area").await;
        assert!(outside["detail"].as_str().is_some_and(|d| d.contains("Monterrey")), "{outside}");
        let vague = json!({"port_code": "SYS", "location": at(TIJUANA, 9_000.0)});
        assert_problem(post(&app, &token, "/api/v1/appointment-requests", vague).await, 422, "location_imprecise").await;
        let nowhere = json!({"port_code": "SYS", "location": {"latitude": 95.0, "longitude": 0.0, "accuracy_m": 5.0}});
        assert_problem(post(&app, &token, "/api/v1/appointment-requests", nowhere).await, 422, "validation_failed").await;
        // Dates at the calendar's far ends are refused as dates, never computed with.
        for date in ["262143-12-31", "0001-01-01", "2026-02-30", "tomorrow"] {
            assert_problem(app.get(&format!("/api/v1/draws/{date}")).await, 422, "validation_failed").await;
            let e = app.app.set_draw_capacity(&Default::default(), None, "SYS", date, 5).await;
            assert!(matches!(e, Err(puerta_app::AppError::Validation(_))), "{date}: {e:?}");
        }
        let unknown = json!({"port_code": "XXX", "location": at(TIJUANA, 30.0)});
        assert_problem(post(&app, &token, "/api/v1/appointment-requests", unknown).await, 422, "validation_failed").await;
        json_of(post(&app, &token, "/api/v1/appointment-requests", body).await, 201).await;

        // Staff and strangers cannot ask, and nobody sees another group's appointments.
        let officer = staff(&app, "o@example.org", "officer").await;
        assert_problem(post(&app, &officer, "/api/v1/appointment-requests", json!({"port_code": "SYS", "location": at(TIJUANA, 30.0)})).await, 403, "forbidden").await;
        let (other, _) = group(&app, "other@example.org", 1).await;
        let mine = json_of(app.get_with("/api/v1/appointment-requests", &token).await, 200).await;
        let id = mine["items"][0]["id"].as_str().expect("id").to_string();
        let theirs = app.client.delete(app.url(&format!("/api/v1/appointment-requests/{id}"))).bearer_auth(&other).send().await.expect("sent");
        assert_problem(theirs, 404, "not_found").await;
        let withdrawn = app.client.delete(app.url(&format!("/api/v1/appointment-requests/{id}"))).bearer_auth(&token).send().await.expect("sent");
        assert_eq!(withdrawn.status(), 204);
        // Taken back, the traveler may ask again in the same draw.
        json_of(post(&app, &token, "/api/v1/appointment-requests", json!({"port_code": "NOG", "location": at(TIJUANA, 30.0)})).await, 201).await;
    }

    async fn an_unconfirmed_offer_expires_and_its_place_goes_to_the_waitlist(app) {
        into_window(&app);
        let ctx = puerta_app::accounts::RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "ELP", DRAW_DATE, 1).await.expect("capacity");
        let emails: Vec<String> = (0..4).map(|i| format!("g{i}@example.org")).collect();
        for email in &emails {
            let (token, _) = group(&app, email, 1).await;
            json_of(post(&app, &token, "/api/v1/appointment-requests", json!({"port_code": "ELP", "location": at(TIJUANA, 30.0)})).await, 201).await;
        }
        app.app.run_draw(&ctx, DRAW_DATE).await.expect("draw");
        let first = statuses(&app, &emails).await;
        assert_eq!(first.iter().filter(|(_, s)| s == "offered").count(), 1, "{first:?}");
        // 23 hours and a minute later the offer lapses; the next group on the waitlist gets it.
        app.clock.advance_secs(23 * 3600 + 60);
        assert_eq!(app.app.expire_offers().await.expect("expiry"), 1);
        let second = statuses(&app, &emails).await;
        assert_eq!(second.iter().filter(|(_, s)| s == "offered").count(), 1, "{second:?}");
        assert_eq!(second.iter().filter(|(_, s)| s == "expired").count(), 1, "{second:?}");
        let (holder, _) = second.iter().find(|(_, s)| s == "offered").cloned().expect("an offer");
        let token = app.token(&emails[holder], PASSWORD).await;
        let list = json_of(app.get_with("/api/v1/appointments", &token).await, 200).await;
        let id = list[0]["id"].as_str().expect("id").to_string();
        // Cancelling gives the place to the next one again.
        json_of(post(&app, &token, &format!("/api/v1/appointments/{id}/cancel"), json!({})).await, 200).await;
        let third = statuses(&app, &emails).await;
        assert_eq!(third.iter().filter(|(_, s)| s == "offered").count(), 1, "{third:?}");
        assert_eq!(third.iter().filter(|(_, s)| s == "cancelled").count(), 1, "{third:?}");
        assert_eq!(third.iter().filter(|(_, s)| s == "expired").count(), 1, "{third:?}");
    }
}

/// (account index, status) of every appointment of these accounts.
async fn statuses(app: &TestApp, emails: &[String]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, email) in emails.iter().enumerate() {
        let token = app.token(email, PASSWORD).await;
        let list = json_of(app.get_with("/api/v1/appointments", &token).await, 200).await;
        for a in list.as_array().expect("list") {
            found.push((i, a["status"].as_str().expect("status").to_string()));
        }
    }
    found
}

/// 2027-03-13 16:30 UTC: 11:30 in New York, the day before clocks go forward.
const BEFORE_SPRING_MS: i64 = 1_804_955_400_000;

on_both_backends! {
    async fn windows_deadlines_and_expiry_follow_the_clocks_across_daylight_saving(app) {
        group(&app, "dst@example.org", 1).await;
        app.clock.advance_secs((BEFORE_SPRING_MS - app.clock_ms()) / 1000);
        let token = app.token("dst@example.org", PASSWORD).await;
        let body = json!({"port_code": "HID", "location": at(TIJUANA, 30.0)});
        // 11:30 EST: closed; it opens at 12:00 EST = 17:00 UTC.
        let closed = assert_problem(post(&app, &token, "/api/v1/appointment-requests", body.clone()).await, 409, "request_window_closed").await;
        assert_eq!(closed["next_opens_at"], "2027-03-13T17:00:00.000Z");
        // The next day (clocks went forward in the night), 16:30 UTC is 12:30 EDT: open. The
        // window of 2027-03-14 opened at 16:00 UTC, an hour earlier in UTC than the day before.
        app.clock.advance_secs(24 * 3600);
        let token = app.token("dst@example.org", PASSWORD).await;
        let made = json_of(post(&app, &token, "/api/v1/appointment-requests", body).await, 201).await;
        assert_eq!(made["draw_date"], "2027-03-14");
        let draw = json_of(app.get("/api/v1/draws/2027-03-14").await, 200).await;
        assert_eq!(draw["window"]["opens_at"], "2027-03-14T16:00:00.000Z");
        assert_eq!(draw["window"]["closes_at"], "2027-03-15T04:00:00.000Z");
        assert_eq!(draw["runs_at"], "2027-03-15T16:00:00.000Z");

        // The scheduler: nothing before the close; frozen after it; drawn at its hour.
        assert_eq!(app.app.scheduler_round().await.expect("round").frozen, 0);
        app.clock.advance_secs(12 * 3600);
        let round = app.app.scheduler_round().await.expect("round");
        assert_eq!((round.frozen, round.drawn), (1, 0), "{round:?}");
        let frozen = json_of(app.get("/api/v1/draws/2027-03-14").await, 200).await;
        assert_eq!(frozen["status"], "frozen");
        assert!(frozen["inputs_digest"].as_str().is_some_and(|d| d.len() == 64));
        app.clock.advance_secs(12 * 3600);
        let round = app.app.scheduler_round().await.expect("round");
        assert_eq!(round.drawn, 1, "{round:?}");
        let token = app.token("dst@example.org", PASSWORD).await;
        let list = json_of(app.get_with("/api/v1/appointments", &token).await, 200).await;
        let offer = &list[0];
        assert_eq!(offer["status"], "offered");
        // 23 hours of real time, whatever the clocks do; the appointment 15 days after the requests, at 07:00 in
        // Hidalgo (Central Daylight Time, UTC-5).
        assert_eq!(offer["scheduled_at"], "2027-03-29T12:00:00.000Z");
        let offered_at = app.clock_ms();
        let deadline = chrono::DateTime::parse_from_rfc3339(offer["offer_expires_at"].as_str().expect("deadline")).expect("time");
        assert_eq!(deadline.timestamp_millis() - offered_at, 23 * 3_600_000);
        // A minute before: still there; a minute after: expired.
        app.clock.advance_secs(23 * 3600 - 60);
        assert_eq!(app.app.scheduler_round().await.expect("round").expired, 0);
        app.clock.advance_secs(120);
        assert_eq!(app.app.scheduler_round().await.expect("round").expired, 1);
    }

    async fn two_instances_run_a_draw_exactly_once(app) {
        into_window(&app);
        let (token, _) = group(&app, "once@example.org", 2).await;
        json_of(post(&app, &token, "/api/v1/appointment-requests", json!({"port_code": "LRD", "location": at(TIJUANA, 30.0)})).await, 201).await;
        // A second instance on the same database and the same clock.
        let second = puerta::startup::Application::build_with_clock(&app.settings(), app.clock.clone()).await.expect("second instance");
        let other = second.app().clone();
        // Past the close and the draw's hour (12:00 in New York the next day).
        app.clock.advance_secs(24 * 3600);
        let ctx = puerta_app::accounts::RequestContext::default();
        let (a, b, c, d) = tokio::join!(
            app.app.run_draw(&ctx, DRAW_DATE),
            other.run_draw(&ctx, DRAW_DATE),
            app.app.scheduler_round(),
            other.scheduler_round()
        );
        let ran = [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count()
            + [c.as_ref().map(|r| r.drawn).unwrap_or(0), d.as_ref().map(|r| r.drawn).unwrap_or(0)].iter().sum::<usize>();
        assert_eq!(ran, 1, "{a:?} {b:?} {c:?} {d:?}");
        for result in [&a, &b] {
            if let Err(e) = result {
                assert!(matches!(e, puerta_app::AppError::Conflict("draw_already_run")), "{e:?}");
            }
        }
        let token = app.token("once@example.org", PASSWORD).await;
        let list = json_of(app.get_with("/api/v1/appointments", &token).await, 200).await;
        assert_eq!(list.as_array().expect("list").len(), 1, "one offer, not two: {list}");
        other.close().await;
    }
}

on_both_backends! {
    async fn simultaneous_confirmations_and_cancellations_never_hold_more_than_the_places(app) {
        into_window(&app);
        let ctx = puerta_app::accounts::RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "CLX", DRAW_DATE, 10).await.expect("capacity");
        let mut tokens = Vec::new();
        for i in 0..40 {
            let (token, ids) = group(&app, &format!("race{i}@example.org"), 1).await;
            json_of(post(&app, &token, "/api/v1/appointment-requests", json!({"port_code": "CLX", "location": at(TIJUANA, 30.0)})).await, 201).await;
            tokens.push((token, ids));
        }
        app.app.run_draw(&ctx, DRAW_DATE).await.expect("draw");
        // Every group placed takes its photo; then each confirms, and every other one also
        // cancels at the same moment (its place going down the waitlist while others confirm).
        let mut offered = Vec::new();
        for (token, ids) in &tokens {
            let list = json_of(app.get_with("/api/v1/appointments", token).await, 200).await;
            if let Some(a) = list.as_array().and_then(|l| l.first()) {
                json_of(upload_photo(&app, token, &ids[0]).await, 201).await;
                offered.push((token.clone(), a["id"].as_str().expect("id").to_string()));
            }
        }
        assert_eq!(offered.len(), 10);
        let mut tasks = Vec::new();
        for (i, (token, id)) in offered.iter().enumerate() {
            let (client, base, token, id) = (app.client.clone(), app.address.clone(), token.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                let confirm = client.post(format!("{base}/api/v1/appointments/{id}/confirm")).bearer_auth(&token).json(&json!({"location": at(TIJUANA, 20.0)}));
                let cancel = client.post(format!("{base}/api/v1/appointments/{id}/cancel")).bearer_auth(&token);
                if i % 2 == 0 {
                    let (a, b) = tokio::join!(confirm.send(), cancel.send());
                    vec![a.expect("sent").status().as_u16(), b.expect("sent").status().as_u16()]
                } else {
                    vec![confirm.send().await.expect("sent").status().as_u16()]
                }
            }));
        }
        for task in tasks {
            for status in task.await.expect("task") {
                assert!([200, 409].contains(&status), "only answers and refusals, never an error: {status}");
            }
        }
        let mut live = 0;
        let mut confirmed = 0;
        for (token, _) in &tokens {
            let list = json_of(app.get_with("/api/v1/appointments", token).await, 200).await;
            let statuses: Vec<&str> = list.as_array().expect("list").iter().filter_map(|a| a["status"].as_str()).collect();
            let holding = statuses.iter().filter(|s| **s == "offered" || **s == "confirmed").count();
            assert!(holding <= 1, "a group holds one place at most: {statuses:?}");
            live += holding;
            confirmed += statuses.iter().filter(|s| **s == "confirmed").count();
        }
        assert_eq!(live, 10, "every place given back was offered again, none twice");
        assert!((5..=10).contains(&confirmed), "{confirmed} confirmed");
    }
}

on_both_backends! {
    async fn requests_racing_each_other_and_the_draw_stand_once_and_never_after_the_freeze(app) {
        // A request's checks are read beside the writer and re-checked inside its inserts: a
        // traveler asking twice at once stands once, and no request answered 201 can miss the
        // draw it raced (each is in the published inputs, or was refused as too late).
        into_window(&app);
        let ctx = puerta_app::accounts::RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "CLX", DRAW_DATE, 5).await.expect("capacity");
        let body = json!({"port_code": "CLX", "location": at(TIJUANA, 30.0)});
        let (twice, _) = group(&app, "twice@example.org", 1).await;
        let mut tasks = Vec::new();
        for _ in 0..6 {
            let (client, url, token, body) = (app.client.clone(), app.url("/api/v1/appointment-requests"), twice.clone(), body.clone());
            tasks.push(tokio::spawn(async move {
                let r = client.post(url).bearer_auth(token).json(&body).send().await.expect("sent");
                let status = r.status().as_u16();
                (status, r.json::<serde_json::Value>().await.expect("json"))
            }));
        }
        let mut entries = Vec::new();
        let mut refused = 0;
        for task in tasks {
            match task.await.expect("task") {
                (201, made) => entries.push(made["entry_id"].as_str().expect("entry").to_string()),
                (409, problem) => {
                    assert_eq!(problem["code"], "already_requested", "{problem}");
                    refused += 1;
                }
                other => panic!("only a request or a refusal: {other:?}"),
            }
        }
        assert_eq!((entries.len(), refused), (1, 5), "one traveler stands once");

        let mut tokens = Vec::new();
        for i in 0..12 {
            tokens.push(group(&app, &format!("racer{i}@example.org"), 1).await.0);
        }
        let mut tasks = Vec::new();
        for token in tokens {
            let (client, url, body) = (app.client.clone(), app.url("/api/v1/appointment-requests"), body.clone());
            tasks.push(tokio::spawn(async move {
                let r = client.post(url).bearer_auth(token).json(&body).send().await.expect("sent");
                let status = r.status().as_u16();
                (status, r.json::<serde_json::Value>().await.expect("json"))
            }));
        }
        app.app.run_draw(&ctx, DRAW_DATE).await.expect("the draw runs while requests arrive");
        for task in tasks {
            match task.await.expect("task") {
                (201, made) => entries.push(made["entry_id"].as_str().expect("entry").to_string()),
                (409, problem) => assert_eq!(problem["code"], "request_window_closed", "{problem}"),
                other => panic!("only a request or a refusal: {other:?}"),
            }
        }
        let results = json_of(app.get(&format!("/api/v1/draws/{DRAW_DATE}/results")).await, 200).await;
        let published: puerta_domain::appointments::PublishedDraw =
            serde_json::from_value(results).expect("a publication");
        assert_eq!(published.verify(), Ok(()));
        for entry in &entries {
            assert!(published.input.entries.iter().any(|e| &e.id == entry), "answered 201, so in the draw: {entry}");
        }
        assert_eq!(published.input.entries.len(), entries.len(), "and nothing else");
    }
}
