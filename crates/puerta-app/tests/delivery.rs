//! The real senders against real peers on loopback: an SMTP conversation with a minimal server,
//! an HTTP webhook, and the outbox files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use puerta_app::delivery::{
    EmailSender, FileEmailSender, FileSmsSender, OutgoingEmail, OutgoingSms, SmsSender, SmtpEmailSender,
    WebhookSmsSender,
};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

fn email() -> OutgoingEmail {
    OutgoingEmail {
        to: "ana@example.org".into(),
        subject: "Su código de Puerta: 123456".into(),
        body: "Hola, Ana:\n\nSu código es 123456.".into(),
        idempotency_key: "event-1:email".into(),
    }
}

/// Speaks just enough SMTP (RFC 5321) to accept one message, and returns what it received.
async fn smtp_server() -> (u16, tokio::task::JoinHandle<String>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 test ESMTP\r\n").await.unwrap();
        let mut transcript = String::new();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            transcript.push_str(&line);
            transcript.push('\n');
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 queued\r\n").await.unwrap();
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
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(reply).await.unwrap();
        }
        transcript
    });
    (port, handle)
}

#[tokio::test]
async fn smtp_delivers_the_message_with_its_code_readable() {
    let (port, server) = smtp_server().await;
    let sender =
        SmtpEmailSender::new(&format!("smtp://127.0.0.1:{port}"), "Puerta <no-reply@puerta.invalid>")
            .unwrap();
    sender.send(&email()).await.expect("sent over SMTP");
    drop(sender);
    let transcript = tokio::time::timeout(std::time::Duration::from_secs(10), server).await.unwrap().unwrap();
    assert!(transcript.contains("RCPT TO:<ana@example.org>"), "{transcript}");
    assert!(transcript.contains("Su código es 123456."), "{transcript}");
}

#[tokio::test]
async fn the_sms_webhook_receives_recipient_and_text_as_json() {
    let received: Arc<Mutex<Vec<serde_json::Value>>> = Arc::default();
    let store = received.clone();
    let app = axum::Router::new().route(
        "/sms",
        axum::routing::post(move |axum::Json(body): axum::Json<serde_json::Value>| {
            let store = store.clone();
            async move {
                store.lock().unwrap().push(body);
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let sender = WebhookSmsSender::new(&format!("http://127.0.0.1:{port}/sms")).unwrap();
    sender
        .send(&OutgoingSms {
            to: "+525512345678".into(),
            body: "Puerta: hola".into(),
            idempotency_key: "e:sms".into(),
        })
        .await
        .expect("sent");
    assert_eq!(
        received.lock().unwrap().clone(),
        vec![serde_json::json!({"to": "+525512345678", "body": "Puerta: hola"})]
    );

    let failing = WebhookSmsSender::new(&format!("http://127.0.0.1:{port}/missing")).unwrap();
    assert!(
        failing
            .send(&OutgoingSms {
                to: "+525512345678".into(),
                body: "x".into(),
                idempotency_key: "e2:sms".into()
            })
            .await
            .is_err(),
        "a 404 is a failure"
    );
}

#[tokio::test]
async fn the_outbox_holds_rfc_5322_emails_and_sms_text_files() {
    let dir = tempfile::tempdir().unwrap();
    FileEmailSender::new(dir.path().to_path_buf(), "Puerta <no-reply@puerta.invalid>")
        .unwrap()
        .send(&email())
        .await
        .unwrap();
    FileSmsSender::new(dir.path().to_path_buf())
        .send(&OutgoingSms {
            to: "+525512345678".into(),
            body: "hola".into(),
            idempotency_key: "e:sms".into(),
        })
        .await
        .unwrap();
    // A retry of the same message (same key) writes nothing more.
    FileEmailSender::new(dir.path().to_path_buf(), "Puerta <no-reply@puerta.invalid>")
        .unwrap()
        .send(&email())
        .await
        .unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    let eml = names.iter().find(|n| n.ends_with(".eml")).unwrap();
    let text = std::fs::read_to_string(dir.path().join(eml)).unwrap();
    assert!(text.contains("To: ana@example.org\r\n") && text.contains("\r\n\r\nHola, Ana:\r\n"), "{text}");
    assert!(text.contains("Content-Transfer-Encoding: 8bit"));
    assert!(text.contains("Message-ID: <event-1.email@puerta.invalid>"), "{text}");
    let sms = names.iter().find(|n| n.ends_with(".sms.txt")).unwrap();
    assert_eq!(std::fs::read_to_string(dir.path().join(sms)).unwrap(), "To: +525512345678\n\nhola\n");
}
