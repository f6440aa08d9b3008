//! Every appointment notification is created by its cause (issue 12): the offer, the warning
//! three hours before it lapses, the confirmation, the reminder a day before, a port's
//! cancellation; each in the holder's inbox in their language, and by email.

use puerta_i18n::{Language, t};
use serde_json::json;

use crate::appointments::{DRAW_DATE, TIJUANA, at, group, into_window, staff, upload_photo};
use crate::helpers::{TestApp, bearer_post as post, json_of};

async fn kinds(app: &TestApp, token: &str) -> Vec<(String, String)> {
    let list = json_of(app.get_with("/api/v1/notifications", token).await, 200).await;
    list.as_array()
        .expect("list")
        .iter()
        .map(|n| {
            (n["kind"].as_str().unwrap_or("").to_string(), n["title"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

fn ms(text: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text).expect("time").timestamp_millis()
}

on_both_backends! {
    async fn an_offer_its_warning_the_confirmation_the_reminder_and_a_ports_cancellation_each_notify(app) {
        into_window(&app);
        let ctx = puerta_app::accounts::RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "SYS", DRAW_DATE, 1).await.expect("capacity set");
        let (token, ids) = group(&app, "holder@example.org", 1).await;
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"language": "ht"})).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        let body = json!({"port_code": "SYS", "traveler_ids": ids, "location": at(TIJUANA, 30.0)});
        json_of(post(&app, &token, "/api/v1/appointment-requests", body).await, 201).await;
        app.app.run_draw(&ctx, DRAW_DATE).await.expect("the draw runs");
        let offer = json_of(app.get_with("/api/v1/appointments", &token).await, 200).await[0].clone();
        let id = offer["id"].as_str().expect("id").to_string();
        let seen = kinds(&app, &token).await;
        assert!(seen.contains(&("appointment_offered".into(), t(Language::Ht, "notification-appointment-offered-title"))), "{seen:?}");
        assert!(!seen.iter().any(|(k, _)| k == "offer_expiring"), "not before its time");
        // Three hours before the deadline, the warning.
        let deadline = ms(offer["offer_expires_at"].as_str().expect("deadline"));
        app.clock.advance_secs((deadline - 3 * 3_600_000 - app.clock_ms()) / 1000 + 1);
        let token = app.token("holder@example.org", crate::helpers::PASSWORD).await;
        app.flush_outbox().await;
        let seen = kinds(&app, &token).await;
        assert!(seen.contains(&("offer_expiring".into(), t(Language::Ht, "notification-offer-expiring-title"))), "{seen:?}");
        let mail = app.all_emails_to("holder@example.org").await;
        assert!(mail.len() >= 3, "offer, warning, receipt at least: {}", mail.len());
        // Confirmed: the confirmation now, the reminder a day before.
        json_of(upload_photo(&app, &token, &ids[0]).await, 201).await;
        let confirmed = json_of(post(&app, &token, &format!("/api/v1/appointments/{id}/confirm"), json!({"location": at(TIJUANA, 20.0)})).await, 200).await;
        assert!(kinds(&app, &token).await.iter().any(|(k, _)| k == "appointment_confirmed"));
        let scheduled = ms(confirmed["scheduled_at"].as_str().expect("time"));
        app.clock.advance_secs((scheduled - 24 * 3_600_000 - app.clock_ms()) / 1000 + 1);
        let token = app.token("holder@example.org", crate::helpers::PASSWORD).await;
        app.flush_outbox().await;
        assert!(kinds(&app, &token).await.iter().any(|(k, _)| k == "appointment_reminder"));
        // The port cancels (a supervisor): the group is told; an officer may not.
        let officer = staff(&app, "officer@example.org", "officer").await;
        let supervisor = staff(&app, "lead@example.org", "supervisor").await;
        let cancel = format!("/api/v1/staff/appointments/{id}/cancellation");
        assert_eq!(post(&app, &officer, &cancel, json!({})).await.status(), 403);
        assert_eq!(post(&app, &supervisor, &cancel, json!({})).await.status(), 204);
        assert_eq!(post(&app, &supervisor, &cancel, json!({})).await.status(), 409);
        let seen = kinds(&app, &token).await;
        assert!(seen.contains(&("appointment_cancelled".into(), t(Language::Ht, "notification-appointment-cancelled-title"))), "{seen:?}");
        let after = json_of(app.get_with(&format!("/api/v1/appointments/{id}"), &token).await, 200).await;
        assert_eq!(after["status"], "cancelled");
    }
}
