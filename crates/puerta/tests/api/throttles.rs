//! Per-IP limits, configured low to see them work; the defaults are checked to stay generous.

use serde_json::json;

use crate::helpers::{TestApp, assert_problem};

#[tokio::test]
async fn registrations_per_address_are_limited_by_the_configured_value() {
    let app = TestApp::sqlite_with(|s| s.throttle_registrations_per_ip_per_hour = 3).await;
    for i in 0..3 {
        assert_eq!(app.register(&format!("p{i}@example.org"), "a long river of stars").await.status(), 202);
    }
    let refused = app.register("p4@example.org", "a long river of stars").await;
    let retry = refused
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    assert!(retry.is_some_and(|r| (1..=3600).contains(&r)), "{retry:?}");
    assert_problem(refused, 429, "too_many_requests").await;
    assert_eq!(app.emails_to("p4@example.org").await, 0);
    app.clock.advance_secs(3600);
    assert_eq!(app.register("p4@example.org", "a long river of stars").await.status(), 202, "a new hour");
}

#[tokio::test]
async fn the_default_per_address_limits_leave_room_for_a_shelter() {
    let settings = puerta::settings::Settings::default();
    assert!(settings.throttle_registrations_per_ip_per_hour >= 100);
    assert!(settings.throttle_code_sends_per_ip_per_hour >= 100);
}

/// Registers `email` as if sent on behalf of `client` by a proxy; returns the status.
async fn register_via(app: &TestApp, client: &str, email: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/accounts"))
        .header("x-forwarded-for", client)
        .json(
            &json!({"email": email, "password": "a long river of stars", "full_name": "F", "language": "en"}),
        )
        .send()
        .await
        .expect("sent")
        .status()
        .as_u16()
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_a_trusted_proxy() {
    // Untrusted: a forged X-Forwarded-For does not dodge the per-address limit.
    let app = TestApp::sqlite_with(|s| s.throttle_registrations_per_ip_per_hour = 1).await;
    assert_eq!(register_via(&app, "203.0.113.1", "f1@example.org").await, 202);
    assert_eq!(register_via(&app, "203.0.113.2", "f2@example.org").await, 429);

    // Trusted: each forwarded client has its own count.
    let app = TestApp::sqlite_with(|s| {
        s.throttle_registrations_per_ip_per_hour = 1;
        s.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
    })
    .await;
    assert_eq!(register_via(&app, "203.0.113.1", "g1@example.org").await, 202);
    assert_eq!(register_via(&app, "203.0.113.2", "g2@example.org").await, 202);
    assert_eq!(register_via(&app, "203.0.113.1", "g3@example.org").await, 429);
}
