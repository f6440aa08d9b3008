//! Past `max_in_flight` requests at once, one more is answered at once `503` `overloaded` with
//! `Retry-After`, in its reader's language; health checks still answer.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, assert_problem};

/// A request that stays in its handler: its body is announced but only half sent, so the
/// handler waits for the rest.
async fn held_request(app: &TestApp) -> TcpStream {
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connected");
    let head = "POST /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{";
    stream.write_all(head.as_bytes()).await.expect("sent");
    stream
}

/// The status of the response `stream` receives.
async fn status_of(stream: &mut TcpStream) -> u16 {
    let mut received = Vec::new();
    let mut chunk = [0u8; 1024];
    while !received.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await.expect("read");
        assert!(n > 0, "closed before a response");
        received.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&received);
    text.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status")
}

#[tokio::test]
async fn past_the_in_flight_limit_a_request_is_answered_503_overloaded_at_once() {
    let app = TestApp::sqlite_with(|s| s.max_in_flight = 1).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let mut held = held_request(&app).await;
    // Probe until the held request is in its handler (the probe is then shed). Should a probe
    // have held the one place when the held request arrived, that one was shed instead: start
    // it again.
    let shed = loop {
        let probe = app.client.get(app.url("/api/v1/ports")).header("accept-language", "es").send().await;
        let probe = probe.expect("sent");
        if probe.status() == 503 {
            break probe;
        }
        let mut byte = [0u8; 1];
        if held.try_read(&mut byte).is_ok() {
            held = held_request(&app).await;
        }
        assert!(tokio::time::Instant::now() < deadline, "the held request never held its place");
        tokio::task::yield_now().await;
    };
    assert_eq!(shed.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("1"));
    let problem = assert_problem(shed, 503, "overloaded").await;
    assert_eq!(problem["detail"], puerta_i18n::t(puerta_i18n::Language::Es, "problem-overloaded"));

    // Health checks are never shed.
    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/readyz").await.status(), 200);

    // The held request finishes; its place is free again.
    held.write_all(b"}").await.expect("sent");
    assert_ne!(status_of(&mut held).await, 503);
    assert_eq!(app.get("/api/v1/ports").await.status(), 200);
}

#[tokio::test]
async fn the_default_bound_on_requests_in_flight_is_sane() {
    let settings = puerta::settings::Settings::default();
    assert!((64..=4096).contains(&settings.max_in_flight), "{}", settings.max_in_flight);
    assert!(settings.max_in_flight <= settings.max_connections);
}
