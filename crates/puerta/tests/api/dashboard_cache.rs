//! The dashboard answered from memory (SQLite) is never a change behind: each kind of change
//! to what it shows is on the very next read, including what only the clock changes, and a read
//! racing with changes never keeps a stale answer. The same runs on PostgreSQL, which reads the
//! database each time.

use puerta_app::accounts::RequestContext;
use serde_json::json;

use crate::appointments::{DRAW_DATE, TIJUANA, at, group, into_window, staff, upload_photo};
use crate::helpers::{PASSWORD, TestApp, bearer_post as post, json_of};

async fn dashboard(app: &TestApp, token: &str) -> serde_json::Value {
    json_of(app.get_with("/api/v1/dashboard", token).await, 200).await
}

/// The unread counts as the database has them (never remembered).
async fn counts(app: &TestApp, token: &str) -> serde_json::Value {
    json_of(app.get_with("/api/v1/notifications/unread-count", token).await, 200).await
}

fn ms(rfc3339: &serde_json::Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339.as_str().expect("a time"))
        .expect("RFC 3339")
        .timestamp_millis()
}

fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).expect("a time").to_rfc3339()
}

on_both_backends! {
    async fn every_change_to_what_the_dashboard_shows_is_on_the_next_read(app) {
        into_window(&app);
        let ctx = RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "SYS", DRAW_DATE, 3).await.expect("capacity set");
        let admin = staff(&app, "root@example.org", "admin").await;
        let officer = staff(&app, "officer@example.org", "officer").await;
        let (a, a_ids) = group(&app, "a@example.org", 2).await;
        let (b, b_ids) = group(&app, "b@example.org", 1).await;
        let first = dashboard(&app, &a).await;
        assert_eq!(first["language"], "es");
        let case = first["cases"][0]["reference_number"].as_str().expect("a case").to_string();

        // The account's own settings.
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&a).json(&json!({"language": "ht"})).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        assert_eq!(dashboard(&app, &a).await["language"], "ht");

        // A message from an officer, then the traveler reading it.
        let thread = json_of(post(&app, &a, "/api/v1/threads", json!({"subject": "Dosye m", "body": "Bonjou", "case_reference": case})).await, 201).await;
        let path = format!("/api/v1/threads/{}", thread["id"].as_str().expect("id"));
        assert_eq!(dashboard(&app, &a).await["unread"]["messages"], 0);
        json_of(post(&app, &officer, &format!("{path}/messages"), json!({"body": "Nou resevwa l."})).await, 201).await;
        let answered = dashboard(&app, &a).await;
        assert_eq!(answered["unread"]["messages"], 1);
        assert_eq!(answered["unread"], counts(&app, &a).await);
        json_of(app.get_with(&path, &a).await, 200).await;
        assert_eq!(dashboard(&app, &a).await["unread"]["messages"], 0);

        // Notifications read one by one.
        let unread = dashboard(&app, &a).await["unread"]["notifications"].as_i64().expect("count");
        assert!(unread > 0, "the officer's answer was notified");
        let inbox = json_of(app.get_with("/api/v1/notifications?unread=true", &a).await, 200).await;
        let id = inbox[0]["id"].as_str().expect("id");
        assert_eq!(post(&app, &a, &format!("/api/v1/notifications/{id}/read"), json!({})).await.status(), 200);
        assert_eq!(dashboard(&app, &a).await["unread"]["notifications"].as_i64(), Some(unread - 1));

        // Requests, the draw, a confirmation; the other group's offer lapses with the clock.
        for (token, ids) in [(&a, &a_ids), (&b, &b_ids)] {
            let body = json!({"port_code": "SYS", "traveler_ids": ids, "location": at(TIJUANA, 30.0)});
            json_of(post(&app, token, "/api/v1/appointment-requests", body).await, 201).await;
            assert_eq!(dashboard(&app, token).await["requests"].as_array().map(Vec::len), Some(1));
        }
        app.app.run_draw(&ctx, DRAW_DATE).await.expect("the draw runs");
        let offered = dashboard(&app, &a).await;
        assert_eq!(offered["requests"], json!([]));
        let offer = offered["offers"][0]["id"].as_str().expect("an offer").to_string();
        let b_offer = dashboard(&app, &b).await["offers"][0].clone();
        assert!(b_offer.is_object(), "both groups fit");
        for traveler in &a_ids {
            assert!(upload_photo(&app, &a, traveler).await.status().is_success());
        }
        let confirmed = json_of(post(&app, &a, &format!("/api/v1/appointments/{offer}/confirm"), json!({"location": at(TIJUANA, 20.0)})).await, 200).await;
        let after = dashboard(&app, &a).await;
        assert_eq!(after["offers"], json!([]));
        assert_eq!(after["appointments"][0]["confirmation_number"], confirmed["confirmation_number"]);
        // A policy notice scheduled for later (posted now: staff tokens do not outlive the clock
        // moves below).
        let lapses = ms(&b_offer["offer_expires_at"]);
        assert!(lapses > app.clock_ms());
        let due = lapses + 3_600_000;
        let text = json!({"en": "New hours", "es": "Nuevo horario", "ht": "Nouvo lè"});
        let notice = json!({"title": text, "body": text, "audience": {"kind": "all"}, "publish_at": rfc3339(due)});
        let notice = json_of(post(&app, &admin, "/api/v1/admin/notices", notice).await, 201).await;
        assert_eq!(dashboard(&app, &b).await["notices"], json!([]));
        // No write happens when an offer lapses or the notice's time comes: the clock alone
        // takes the one off and puts the other on (signing in again after each move, which
        // leaves the remembered dashboard alone).
        app.clock.advance_secs((lapses - app.clock_ms()) / 1000 + 1);
        let b = app.token("b@example.org", PASSWORD).await;
        let lapsed = dashboard(&app, &b).await;
        assert_eq!(lapsed["offers"], json!([]), "a lapsed offer is not shown");
        assert_eq!(lapsed["notices"], json!([]), "not yet");
        app.clock.advance_secs((due - app.clock_ms()) / 1000 + 1);
        let b = app.token("b@example.org", PASSWORD).await;
        let shown = dashboard(&app, &b).await;
        assert_eq!(shown["notices"][0]["id"], notice["id"]);
        assert_eq!(shown["unread"], counts(&app, &b).await);
        // Dismissed, it goes.
        let id = notice["id"].as_str().expect("id");
        assert_eq!(post(&app, &b, &format!("/api/v1/notifications/{id}/dismiss"), json!({})).await.status(), 200);
        assert_eq!(dashboard(&app, &b).await["notices"], json!([]));
    }

    async fn a_dashboard_read_racing_with_changes_never_keeps_a_stale_answer(app) {
        let officer = staff(&app, "officer@example.org", "officer").await;
        let (a, _) = group(&app, "a@example.org", 1).await;
        let case = dashboard(&app, &a).await["cases"][0]["reference_number"].as_str().expect("a case").to_string();
        let thread = json_of(post(&app, &a, "/api/v1/threads", json!({"subject": "Dosye m", "body": "Bonjou", "case_reference": case})).await, 201).await;
        let path = format!("/api/v1/threads/{}/messages", thread["id"].as_str().expect("id"));
        // Officers answer (each answer notifies the traveler) while readers keep reading.
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut readers = Vec::new();
        for _ in 0..4 {
            let (client, url, token, done) = (app.client.clone(), app.url("/api/v1/dashboard"), a.clone(), done.clone());
            readers.push(tokio::spawn(async move {
                let mut reads = 0_u32;
                while !done.load(std::sync::atomic::Ordering::SeqCst) || reads == 0 {
                    let r = client.get(&url).bearer_auth(&token).send().await.expect("sent");
                    assert_eq!(r.status(), 200);
                    reads += 1;
                }
                reads
            }));
        }
        let mut writers = Vec::new();
        for i in 0..12 {
            let (client, url, token) = (app.client.clone(), app.url(&path), officer.clone());
            writers.push(tokio::spawn(async move {
                let r = client.post(&url).bearer_auth(&token).json(&json!({"body": format!("Repons {i}")})).send().await.expect("sent");
                assert_eq!(r.status(), 201);
            }));
        }
        for w in writers {
            w.await.expect("a writer");
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        for r in readers {
            assert!(r.await.expect("a reader") > 0);
        }
        let truth = counts(&app, &a).await;
        assert_eq!(truth["messages"], 1);
        assert!(truth["notifications"].as_i64().is_some_and(|n| n >= 1), "{truth}");
        assert_eq!(dashboard(&app, &a).await["unread"], truth, "the next read after the last change shows it");
    }
}
