//! Times a traveler can read: the sign-in notice shows the time in the reader's language and
//! chosen time zone, with the zone named, never `UTC`.

use serde_json::json;

use crate::helpers::{PASSWORD, assert_problem};

on_both_backends! {
    async fn the_sign_in_notice_shows_the_readers_own_time_and_zone(app) {
        app.verified_traveler("zona@example.org", PASSWORD).await;
        let token = app.token("zona@example.org", PASSWORD).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["time_zone"], "America/Mexico_City", "the default");
        let bad = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"time_zone": "Mars/Olympus"})).send().await.expect("sent");
        let body = assert_problem(bad, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "time_zone");
        let set = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"time_zone": "America/Tijuana", "language": "es"})).send().await.expect("sent");
        assert_eq!(set.status(), 200);
        let me: serde_json::Value = set.json().await.expect("json");
        assert_eq!((me["time_zone"].as_str(), me["language"].as_str()), (Some("America/Tijuana"), Some("es")));

        // The test clock stands at 2026-11-18 11:06 UTC: 03:06 in Tijuana.
        app.token("zona@example.org", PASSWORD).await;
        app.flush_outbox().await;
        let notice = std::fs::read_dir(&app.outbox).expect("outbox").filter_map(Result::ok)
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .filter(|m| m.contains("To: zona@example.org") && m.contains("03:06"))
            .last()
            .expect("a sign-in notice at 03:06");
        let body = decoded_body(&notice);
        assert!(body.contains("18 de noviembre de 2026, 03:06, hora del Pacífico (Tijuana, Mexicali)"), "{body}");
        assert!(!body.contains("UTC"), "{body}");
    }
}

/// The body of an `.eml` file, with quoted-printable soft breaks and escapes undone.
fn decoded_body(mail: &str) -> String {
    let body = mail.split_once("\r\n\r\n").map_or(mail, |(_, b)| b);
    let joined = body.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
