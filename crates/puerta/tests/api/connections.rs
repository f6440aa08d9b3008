//! Connections cannot be held open for free: a request's head must arrive in time, an idle
//! keep-alive connection is closed, and only so many are served at once (one more is told 503
//! and closed). Plain TCP, so the test controls every byte.

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

/// Reads one response and returns its head (lower case) and body.
async fn read_whole(stream: &mut TcpStream) -> (String, String) {
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk).await.expect("read");
        if n == 0 {
            break;
        }
        received.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&received).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a head");
    (head.to_ascii_lowercase(), body.to_string())
}

#[tokio::test]
async fn over_the_connection_cap_the_next_one_is_told_503_and_closed() {
    let app = TestApp::sqlite_with(|s| {
        s.max_connections = 1;
        s.header_read_timeout_secs = 3600;
        s.keep_alive_idle_secs = 3600;
    })
    .await;
    // One connection served and kept open: the cap is reached.
    let mut held = connect(&app).await;
    held.write_all(&get("/healthz")).await.expect("sent");
    assert_eq!(read_response(&mut held).await, 200);

    // The next one is answered at once, and closed: no waiting in the listen queue.
    let mut over = connect(&app).await;
    over.write_all(&get("/healthz")).await.expect("sent");
    let (head, body) =
        tokio::time::timeout(GENEROUS, read_whole(&mut over)).await.expect("answered and closed");
    assert!(head.starts_with("http/1.1 503"), "{head}");
    for line in ["retry-after: 1", "connection: close", "content-type: application/problem+json"] {
        assert!(head.lines().any(|l| l == line), "{line} in {head}");
    }
    let problem: serde_json::Value = serde_json::from_str(&body).expect("a problem document");
    assert_eq!((problem["status"].as_u64(), problem["code"].as_str()), (Some(503), Some("overloaded")));

    // The one held was never disturbed.
    held.write_all(&get("/healthz")).await.expect("sent");
    assert_eq!(read_response(&mut held).await, 200);
    // Once it closes (the server sees that a moment later), a new one is served.
    drop(held);
    let deadline = tokio::time::Instant::now() + GENEROUS;
    loop {
        let mut next = connect(&app).await;
        next.write_all(&get("/healthz")).await.expect("sent");
        let (head, _) = tokio::time::timeout(GENEROUS, async {
            let mut first = [0u8; 12];
            next.read_exact(&mut first).await.expect("a status line");
            (String::from_utf8_lossy(&first).into_owned(), ())
        })
        .await
        .expect("answered");
        if head.ends_with("200") {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "a place never came free: {head}");
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn the_defaults_limit_connections() {
    let settings = puerta::settings::Settings::default();
    assert!((1..=30).contains(&settings.header_read_timeout_secs), "{}", settings.header_read_timeout_secs);
    assert!((1..=75).contains(&settings.keep_alive_idle_secs), "{}", settings.keep_alive_idle_secs);
    assert!((64..=65_536).contains(&settings.max_connections), "{}", settings.max_connections);
}
