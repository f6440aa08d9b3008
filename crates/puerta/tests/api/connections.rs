//! Connections cannot be held open for free: a request's head must arrive in time, an idle
//! keep-alive connection is closed, and only so many are served at once. Plain TCP, so the test
//! controls every byte.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::TestApp;

/// Far longer than any limit under test: reaching it means the server did not act.
const GENEROUS: Duration = Duration::from_secs(60);

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connected")
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").into_bytes()
}

/// Reads one response (head, then a `Content-Length` body) and returns its status.
async fn read_response(stream: &mut TcpStream) -> u16 {
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut chunk).await.expect("read");
        assert!(n > 0, "closed before a response: {:?}", String::from_utf8_lossy(&received));
        received.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&received[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("content-length");
    while received.len() < head_end + length {
        let n = stream.read(&mut chunk).await.expect("read");
        assert!(n > 0, "closed mid-body");
        received.extend_from_slice(&chunk[..n]);
    }
    head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("status")
}

/// True once the server has closed the connection (a read returns 0 or fails), whatever it sent
/// before; false if it is still open at the deadline.
async fn closed_by_server(stream: &mut TcpStream, deadline: Duration) -> bool {
    let mut sink = [0u8; 1024];
    tokio::time::timeout(deadline, async {
        loop {
            match stream.read(&mut sink).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .is_ok()
}

#[tokio::test]
async fn a_connection_that_sends_half_its_headers_is_closed() {
    let app = TestApp::sqlite_with(|s| {
        s.header_read_timeout_secs = 1;
        s.keep_alive_idle_secs = 3600;
    })
    .await;
    let mut stream = connect(&app).await;
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Never-Finished: ").await.expect("sent");
    assert!(closed_by_server(&mut stream, GENEROUS).await, "a half-sent head holds the connection open");

    // A request whose head arrives in time is served as usual.
    let mut stream = connect(&app).await;
    stream.write_all(&get("/healthz")).await.expect("sent");
    assert_eq!(read_response(&mut stream).await, 200);
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let app = TestApp::sqlite_with(|s| {
        s.header_read_timeout_secs = 3600;
        s.keep_alive_idle_secs = 1;
    })
    .await;
    let mut stream = connect(&app).await;
    stream.write_all(&get("/healthz")).await.expect("sent");
    assert_eq!(read_response(&mut stream).await, 200);
    stream.write_all(&get("/healthz")).await.expect("sent");
    assert_eq!(read_response(&mut stream).await, 200, "kept alive between requests");
    assert!(closed_by_server(&mut stream, GENEROUS).await, "an idle connection is kept open forever");
}

#[tokio::test]
async fn over_the_connection_cap_the_next_one_waits_until_one_closes() {
    let app = TestApp::sqlite_with(|s| {
        s.max_connections = 2;
        s.header_read_timeout_secs = 3600;
        s.keep_alive_idle_secs = 3600;
    })
    .await;
    // Two connections served and kept open: the cap is reached.
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut stream = connect(&app).await;
        stream.write_all(&get("/healthz")).await.expect("sent");
        assert_eq!(read_response(&mut stream).await, 200);
        held.push(stream);
    }
    // A third one connects (the kernel queues it) and asks, but is not served. This waits for
    // something that must not happen: on a correct server it cannot fail, whatever the load.
    let mut third = connect(&app).await;
    third.write_all(&get("/healthz")).await.expect("sent");
    let mut byte = [0u8; 1];
    let early = tokio::time::timeout(Duration::from_secs(1), third.peek(&mut byte)).await;
    assert!(early.is_err(), "a connection over the cap was served: {early:?}");
    // One closes: the third is served now.
    drop(held.pop());
    let status =
        tokio::time::timeout(GENEROUS, read_response(&mut third)).await.expect("served once a place is free");
    assert_eq!(status, 200);
    // The one still held was never disturbed.
    let mut first = held.pop().expect("held");
    first.write_all(&get("/healthz")).await.expect("sent");
    assert_eq!(read_response(&mut first).await, 200);
}

#[tokio::test]
async fn the_defaults_limit_connections() {
    let settings = puerta::settings::Settings::default();
    assert!((1..=30).contains(&settings.header_read_timeout_secs), "{}", settings.header_read_timeout_secs);
    assert!((1..=75).contains(&settings.keep_alive_idle_secs), "{}", settings.keep_alive_idle_secs);
    assert!((64..=65_536).contains(&settings.max_connections), "{}", settings.max_connections);
}
