//! The appointment pages in a cookie-keeping browser without JavaScript (issue 11): a traveler
//! asks from the page (the position as the page's script would send it), sees a refusal beside
//! the location, confirms an offer with a photo of each traveler and gets the number large with
//! a QR code; an officer finds the group by number and date of birth and records the arrival;
//! an administrator changes the rules; nobody sees another group's appointment.

use crate::appointments::{DRAW_DATE, TAPACHULA, TIJUANA, group, into_window, photo};
use crate::backoffice_pages::{Browser, csrf_token, staff};
use crate::case_pages::multipart;
use crate::helpers::{PASSWORD, TestApp, json_of};

/// Signed in through the pages, reading English (the pages use the account's language).
async fn traveler_browser<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let token = app.token(email, PASSWORD).await;
    let english = serde_json::json!({"language": "en"});
    let r = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .json(&english)
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
    let browser = Browser::new(app);
    let (status, location, body) =
        browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!((status, location.as_str()), (303, "/dashboard"), "{body}");
    browser
}

on_both_backends! {
    async fn a_traveler_asks_confirms_with_photos_and_an_officer_records_the_arrival(app) {
        into_window(&app);
        let (_, ids) = group(&app, "pages@example.org", 2).await;
        let browser = traveler_browser(&app, "pages@example.org").await;
        let (status, html) = browser.get("/appointments").await;
        assert_eq!(status, 200);
        assert!(html.contains("data-geolocate") && html.contains("name=\"latitude\""), "{html}");
        assert!(html.contains("Appointments are free"), "the scam warning is on the page");

        // From Tapachula: refused beside the location, nothing stored, the choices kept.
        let far = [("port_code", "SYS"), ("traveler", ids[0].as_str()), ("traveler", ids[1].as_str()),
            ("latitude", "14.9031"), ("longitude", "-92.2575"), ("accuracy_m", "20")];
        let _ = TAPACHULA;
        let (status, _, html) = browser.submit("/appointments", "/appointments", &far).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("error-summary") && html.contains("href=\"#location\""), "{html}");
        assert!(html.contains("Monterrey"), "the refusal names the area served: {html}");
        assert!(html.contains("<option value=\"SYS\" selected>"), "the chosen port is kept");
        // Without a position (no JavaScript): refused with the message that says what to do.
        let (status, _, html) = browser.submit("/appointments", "/appointments", &[("port_code", "SYS")]).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("We could not read your location"), "{html}");

        let (lat, lon) = (TIJUANA.0.to_string(), TIJUANA.1.to_string());
        let near = [("port_code", "SYS"), ("traveler", ids[0].as_str()), ("traveler", ids[1].as_str()),
            ("latitude", lat.as_str()), ("longitude", lon.as_str()), ("accuracy_m", "20")];
        let (status, location, _) = browser.submit("/appointments", "/appointments", &near).await;
        assert_eq!((status, location.as_str()), (303, "/appointments?notice=appt-notice-requested"));
        let (_, html) = browser.get("/appointments").await;
        assert!(html.contains("Waiting for the draw") && html.contains("class=\"entry\""), "{html}");

        app.app.run_draw(&Default::default(), DRAW_DATE).await.expect("draw");
        let (_, html) = browser.get("/appointments").await;
        let href = html.split("href=\"/appointments/").nth(1).and_then(|r| r.split('"').next()).expect("an offer").to_string();
        let page = format!("/appointments/{href}");
        let (status, html) = browser.get(&page).await;
        assert_eq!(status, 200);
        assert!(html.contains("capture=\"user\"") && html.contains("Confirm before"), "{html}");

        // Confirming before the photos: the page says what is missing.
        let (status, _, html) = browser.submit(&page, &format!("{page}/confirm"), &[("latitude", &lat), ("longitude", &lon), ("accuracy_m", "15")]).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("href=\"#photo\""), "{html}");
        for id in &ids {
            let (_, html) = browser.get(&page).await;
            let token = csrf_token(&html).expect("token");
            let (content_type, body) = multipart(&[("csrf_token", None, token.as_bytes()), ("traveler", None, id.as_bytes()), ("file", Some("me.png"), &photo())]);
            let (status, _, html) = browser.post_multipart(&format!("{page}/photo"), content_type, body).await;
            assert_eq!(status, 303, "{html}");
        }
        let (status, location, _) = browser.submit(&page, &format!("{page}/confirm"), &[("latitude", &lat), ("longitude", &lon), ("accuracy_m", "15")]).await;
        assert_eq!((status, location.as_str()), (303, format!("{page}?notice=appt-notice-confirmed").as_str()));
        let (_, html) = browser.get(&page).await;
        assert!(html.contains("Your appointment is confirmed") && html.contains("<svg"), "{html}");
        assert!(html.contains("San Ysidro") && html.contains("What to bring"), "{html}");
        let number = html.split("class=\"reference-number\">").nth(1).and_then(|r| r.split('<').next()).expect("number").to_string();
        assert!(puerta_domain::appointments::ConfirmationNumber::parse(&number).is_ok(), "{number}");

        // The photos are on the traveler's case, named for what they are.
        let token = app.token("pages@example.org", PASSWORD).await;
        let cases = json_of(app.get_with("/api/v1/cases", &token).await, 200).await;
        let reference = cases["items"][0]["reference_number"].as_str().expect("reference").to_string();
        let (_, html) = browser.get(&format!("/cases/{reference}")).await;
        assert!(html.contains("Photo taken for the appointment"), "{html}");

        // A shelter checks the number on its page: yes for the right date of birth, no otherwise.
        app.staff("shelter-page@example.org", "partner", PASSWORD).await;
        let partner_token = app.token("shelter-page@example.org", PASSWORD).await;
        let (secret, _) = app.enrol_totp(&partner_token).await;
        app.clock.advance_secs(30);
        let partner = Browser::new(&app);
        partner.submit("/sign-in", "/sign-in", &[("email", "shelter-page@example.org"), ("password", PASSWORD)]).await;
        let code = app.totp_now(&secret);
        let (_, location, _) = partner.submit("/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
        assert_eq!(location, "/partner");
        let (status, html) = partner.get(&format!("/partner/validate?number={number}&birth=1990-03-01")).await;
        assert_eq!(status, 200);
        assert!(html.contains("This is a real, confirmed appointment."), "{html}");
        let (_, html) = partner.get(&format!("/partner/validate?number={number}&birth=1990-03-02")).await;
        assert!(html.contains("This is not a confirmed appointment."), "{html}");
        assert_eq!(browser.get("/partner/validate").await.0, 403, "travelers do not get the partners' form");

        // Another traveler: 404.
        let _ = group(&app, "stranger@example.org", 1).await;
        let stranger = traveler_browser(&app, "stranger@example.org").await;
        assert_eq!(stranger.get(&page).await.0, 404);

        // The officer finds the group by number and date of birth, and records the arrival.
        let (officer, _) = staff(&app, "door@example.org", "officer").await;
        let (status, html) = officer.get(&format!("/staff/check-in?number={number}&birth=1980-01-01")).await;
        assert_eq!(status, 422, "a date of birth of nobody in the group: {html}");
        let find = format!("/staff/check-in?number={number}&birth=1990-03-01");
        let (status, html) = officer.get(&find).await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("Rose0 Joseph") && html.contains("name=\"arrived\""), "{html}");
        let (status, location, _) = officer.submit(&find, "/staff/check-in", &[("number", &number), ("birth", "1990-03-01"), ("arrived", &ids[0]), ("arrived", &ids[1])]).await;
        assert_eq!(status, 303, "{location}");
        let (_, html) = officer.get(&location).await;
        assert!(html.contains("arrived"), "{html}");
        let (status, html) = officer.get("/staff/port-day?port=SYS&date=2026-12-03").await;
        assert_eq!(status, 200);
        assert!(html.contains("Rose1 Joseph"), "{html}");
        let token = app.token("pages@example.org", PASSWORD).await;
        let cases = json_of(app.get_with("/api/v1/cases", &token).await, 200).await;
        assert!(cases["items"].as_array().expect("items").iter().all(|c| c["status"] == "in_review"), "{cases}");
        // Travelers do not see the port day.
        assert_eq!(browser.get("/staff/port-day").await.0, 403);
    }

    async fn an_administrator_changes_the_rules_and_a_bad_value_is_a_message(app) {
        let (admin, _) = staff(&app, "rules@example.org", "admin").await;
        let (status, html) = admin.get("/admin/scheduling").await;
        assert_eq!(status, 200);
        assert!(html.contains("value=\"12:00\"") && html.contains("America/New_York"), "{html}");
        let (status, _, html) = admin.submit("/admin/scheduling", "/admin/scheduling", &[("window_opens", "25:00"), ("oldest_share", "1200")]).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("Enter a time like 12:00") && html.contains("Enter a number from 0 to 1000"), "{html}");
        let (status, location, _) = admin.submit("/admin/scheduling", "/admin/scheduling", &[("window_opens", "11:00"), ("oldest_share", "600"), ("service_policy", "aug-2024")]).await;
        assert_eq!((status, location.as_str()), (303, "/admin/scheduling?notice=appt-notice-rules-saved"));
        let rules = app.app.scheduling_rules().await.expect("rules");
        assert_eq!(rules.oldest_share_permille, 600);
        assert_eq!(rules.policy.name(), "aug-2024");
        assert_eq!(rules.window.opens.format("%H:%M").to_string(), "11:00");
        let (status, location, _) = admin.submit("/admin/scheduling", "/admin/scheduling/capacity", &[("port_code", "NOG"), ("draw_date", "2026-11-20"), ("places", "80")]).await;
        assert_eq!((status, location.as_str()), (303, "/admin/scheduling?notice=appt-notice-capacity-saved"));
        let (status, _, html) = admin.submit("/admin/scheduling", "/admin/scheduling/randomness", &[("date", "2026-11-20"), ("source", "beacon round 1"), ("value_hex", "00ff")]).await;
        assert_eq!(status, 422, "{html}");
    }
}
