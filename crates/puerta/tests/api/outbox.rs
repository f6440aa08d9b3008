//! The transactional outbox end to end: a code queued while the mail server is down is
//! delivered once when it comes back, and a restart loses nothing.

use std::sync::{Arc, Mutex};

use puerta::settings::Settings;
use puerta::startup::open_app;
use puerta_app::accounts::{Registration, RequestContext};
use puerta_app::clock::ManualClock;
use puerta_domain::delivery::DeliveryStatus;
use secrecy::SecretString;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::helpers::TestApp;

const PASSWORD: &str = "a long river of stars";

/// A port with nothing listening on it (bound once to find it, then released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// Speaks enough SMTP (RFC 5321) to accept any number of messages on `port`; every message's
/// DATA is pushed to the returned list.
async fn smtp_server(port: u16) -> Arc<Mutex<Vec<String>>> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind smtp");
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test ESMTP\r\n").await.ok();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            store.lock().expect("lock").push(data.take().unwrap_or_default());
                            write.write_all(b"250 queued\r\n").await.ok();
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250-test\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.ok();
                }
            });
        }
    });
    received
}

async fn deliveries(app: &TestApp) -> Vec<puerta_domain::delivery::DeliveryRecord> {
    let store = app.store().await;
    let filter = puerta_store::outbox::DeliveryFilter { limit: 50, ..Default::default() };
    let rows = store.read().await.expect("read").outbox().list(&filter).await.expect("list");
    store.close().await;
    rows
}

fn smtp_settings(port: u16) -> impl FnOnce(&mut Settings) {
    move |s: &mut Settings| s.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")))
}

mod a_code_queued_while_the_mail_server_is_down_is_delivered_once_when_it_returns {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        let port = free_port();
        down_then_up(TestApp::sqlite_with(smtp_settings(port)).await, port).await;
    }

    #[tokio::test]
    async fn postgres() {
        let port = free_port();
        let Some(app) = TestApp::postgres_with(smtp_settings(port)).await else { return };
        down_then_up(app, port).await;
    }
}

async fn down_then_up(app: TestApp, port: u16) {
    {
        assert_eq!(
            app.register("ana@example.org", PASSWORD).await.status(),
            202,
            "the answer does not wait for mail"
        );
        app.flush_outbox().await;
        let rows = deliveries(&app).await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(
            (rows[0].status, rows[0].attempts, rows[0].last_error.as_deref()),
            (DeliveryStatus::TemporaryFailure, 1, Some("smtp_unavailable"))
        );
        assert!(rows[0].next_attempt_at.is_some(), "a retry is planned");

        let received = smtp_server(port).await;
        app.flush_outbox().await;
        assert_eq!(received.lock().expect("lock").len(), 0, "not before the retry is due");
        app.clock.advance_secs(6);
        app.flush_outbox().await;
        let rows = deliveries(&app).await;
        assert_eq!(
            (rows[0].status, rows[0].attempts, rows[0].next_attempt_at),
            (DeliveryStatus::Delivered, 2, None)
        );
        let mails = received.lock().expect("lock").clone();
        assert_eq!(mails.len(), 1, "delivered once");
        assert!(mails[0].contains("Message-ID: <"), "with its idempotency key");
        let code = crate::helpers::six_digits(mails[0].split_once("\n\n").map_or("", |(_, body)| body))
            .expect("code");
        let r = app
            .post_json(
                "/api/v1/accounts/verify",
                serde_json::json!({"email": "ana@example.org", "code": code}),
            )
            .await;
        assert_eq!(r.status(), 200, "the delivered code works");
        // Much later, with every backoff long over: still sent only once.
        app.clock.advance_secs(7200);
        app.flush_outbox().await;
        assert_eq!(received.lock().expect("lock").len(), 1, "never sent twice");
    }
}

#[tokio::test]
async fn a_restart_loses_nothing_queued() {
    let data = tempfile::tempdir().expect("dir");
    let port = free_port();
    let settings = Settings {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data.path().to_path_buf(),
        smtp_url: Some(SecretString::from(format!("smtp://127.0.0.1:{port}"))),
        password_hash_memory_kib: 8 * 1024,
        password_hash_iterations: 1,
        ..Settings::default()
    };
    let clock = Arc::new(ManualClock::new(1_795_000_000_000));
    let (first, _) = open_app(&settings, clock.clone()).await.expect("first start");
    let registration = Registration {
        email: "rosa@example.org".into(),
        password: SecretString::from(PASSWORD.to_string()),
        full_name: "Rosa".into(),
        phone: None,
        language: "ht".into(),
    };
    first.register(&RequestContext::default(), registration).await.expect("registered");
    // Stopped before any delivery was tried (no worker ran).
    first.close().await;

    // What waits in the outbox is sealed: a copy of the database shows no code and no name.
    let store =
        puerta_store::connect(&puerta_store::DatabaseUrl::sqlite_in(data.path()), &Default::default())
            .await
            .expect("store");
    let mut peek = store.write().await.expect("write");
    let waiting = peek.outbox().claim_due(i64::MAX / 2, i64::MAX / 2, 10).await.expect("claim");
    let payload = secrecy::ExposeSecret::expose_secret(&waiting[0].payload).to_string();
    assert!(
        payload.starts_with("xc1:") && !payload.contains("Rosa") && !payload.contains("verify_email"),
        "{payload}"
    );
    drop(peek); // rolled back: the claim never happened
    store.close().await;

    let received = smtp_server(port).await;
    let (second, _) = open_app(&settings, clock).await.expect("second start");
    second.flush_outbox().await.expect("delivered");
    second.flush_outbox().await.expect("nothing more");
    second.close().await;
    let mails = received.lock().expect("lock").clone();
    assert_eq!(mails.len(), 1, "the code queued before the restart is sent once");
    assert!(mails[0].contains("To: rosa@example.org"), "{}", mails[0]);
}

/// An SMTP peer that holds its answer to the first message until `release` is notified, and
/// says when that message has arrived (`arrived`).
async fn slow_smtp_server(port: u16) -> (tokio::sync::oneshot::Receiver<()>, Arc<tokio::sync::Notify>) {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind smtp");
    let (arrived_tx, arrived) = tokio::sync::oneshot::channel();
    let release = Arc::new(tokio::sync::Notify::new());
    let hold = release.clone();
    tokio::spawn(async move {
        let mut arrived_tx = Some(arrived_tx);
        while let Ok((socket, _)) = listener.accept().await {
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 test ESMTP\r\n").await.ok();
            let mut in_data = false;
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        if let Some(tx) = arrived_tx.take() {
                            let _ = tx.send(());
                            hold.notified().await;
                        }
                        write.write_all(b"250 queued\r\n").await.ok();
                    }
                    continue;
                }
                let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "EHLO" | "HELO" => b"250-test\r\n250 8BITMIME\r\n",
                    "DATA" => {
                        in_data = true;
                        b"354 go on\r\n"
                    }
                    "QUIT" => {
                        write.write_all(b"221 bye\r\n").await.ok();
                        break;
                    }
                    _ => b"250 ok\r\n",
                };
                write.write_all(reply).await.ok();
            }
        }
    });
    (arrived, release)
}

mod a_graceful_stop_finishes_the_send_in_progress_and_claims_nothing_new {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        let port = free_port();
        graceful_stop(TestApp::sqlite_with(smtp_settings(port)).await, port).await;
    }

    #[tokio::test]
    async fn postgres() {
        let port = free_port();
        let Some(app) = TestApp::postgres_with(smtp_settings(port)).await else { return };
        graceful_stop(app, port).await;
    }
}

async fn graceful_stop(mut app: TestApp, port: u16) {
    let (arrived, release) = slow_smtp_server(port).await;
    assert_eq!(app.register("first@example.org", PASSWORD).await.status(), 202);
    // The background worker is sending the code now; the mail server holds its answer.
    tokio::time::timeout(std::time::Duration::from_secs(60), arrived)
        .await
        .expect("the send started")
        .expect("peer");
    let stopped = app.stop();
    // The server stops accepting connections once it has begun to stop (and the worker has
    // been told); wait for that, polling with a generous deadline.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    while app.client.get(app.url("/healthz")).send().await.is_ok() {
        assert!(tokio::time::Instant::now() < deadline, "the server did not begin to stop");
        tokio::task::yield_now().await;
    }
    // Queued after the stop began: the stopping worker must leave it for the next start.
    let registration = Registration {
        email: "second@example.org".into(),
        password: SecretString::from(PASSWORD.to_string()),
        full_name: "Second".into(),
        phone: None,
        language: "es".into(),
    };
    app.app.register(&RequestContext::default(), registration).await.expect("queued");
    release.notify_one();
    tokio::time::timeout(std::time::Duration::from_secs(60), stopped)
        .await
        .expect("stopped in time")
        .expect("task")
        .expect("clean stop");
    let rows = deliveries(&app).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    let store = app.store().await;
    let second = store
        .read()
        .await
        .expect("read")
        .users()
        .find_by_email("second@example.org")
        .await
        .expect("q")
        .expect("user");
    store.close().await;
    let (never, sent): (Vec<_>, Vec<_>) =
        rows.iter().partition(|r| r.recipient_id.as_ref() == Some(&second.id));
    assert_eq!(
        (never[0].status, never[0].attempts),
        (DeliveryStatus::Created, 0),
        "queued after the stop began: never claimed"
    );
    assert_eq!(
        (sent[0].status, sent[0].attempts),
        (DeliveryStatus::Delivered, 1),
        "the send in progress finished and was recorded"
    );
}
