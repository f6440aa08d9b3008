//! Secure messaging and notifications end to end (issue 12): who may reach a thread, text kept
//! as text, attachments held to the document rules, a notification for every answer in the
//! reader's language (inbox and email), the live stream and its catching up after a reconnect,
//! policy notices for accounts made before and after, preferences, and SMS falling back to email.

use std::time::Duration;

use puerta_i18n::{Language, t};
use serde_json::json;

use crate::documents::{pdf, traveler_with_case, upload};
use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post, json_of};

async fn staff_token(app: &TestApp, email: &str, role: &str) -> String {
    app.staff(email, role, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

async fn set_language(app: &TestApp, token: &str, language: &str) {
    let r = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(token)
        .json(&json!({"language": language}))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
}

async fn notifications(app: &TestApp, token: &str) -> Vec<serde_json::Value> {
    json_of(app.get_with("/api/v1/notifications", token).await, 200)
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// One Server-Sent Events stream, read event by event.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    async fn open(app: &TestApp, token: &str, last_event_id: Option<&str>) -> Self {
        let mut request = app.client.get(app.url("/api/v1/notifications/stream")).bearer_auth(token);
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id);
        }
        let response = request.send().await.expect("stream");
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("text/event-stream"));
        Self { response, buffer: String::new() }
    }

    /// The next event (name, id, data), skipping keep-alive comments; fails after a generous
    /// deadline.
    async fn next(&mut self) -> (String, Option<String>, serde_json::Value) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let (mut name, mut id, mut data) = ("message".to_string(), None, String::new());
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = v.trim().to_string();
                    } else if let Some(v) = line.strip_prefix("id:") {
                        id = Some(v.trim().to_string());
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push_str(v.trim());
                    }
                }
                if data.is_empty() {
                    continue;
                }
                return (name, id, serde_json::from_str(&data).unwrap_or(serde_json::Value::Null));
            }
            let chunk =
                tokio::time::timeout_at(deadline, self.response.chunk()).await.expect("an event in time");
            let chunk = chunk.expect("read").expect("stream still open");
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// The next event named `name`.
    async fn next_named(&mut self, name: &str) -> (Option<String>, serde_json::Value) {
        loop {
            let (got, id, data) = self.next().await;
            if got == name {
                return (id, data);
            }
        }
    }
}

on_both_backends! {
    async fn a_thread_is_its_travelers_and_the_officers_and_nobody_elses(app) {
        let (a, case) = traveler_with_case(&app, "a@example.org").await;
        let (b, _) = traveler_with_case(&app, "b@example.org").await;
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let admin = staff_token(&app, "root@example.org", "admin").await;
        let partner = staff_token(&app, "shelter@example.org", "partner").await;
        let started = json_of(bearer_post(&app, &a, "/api/v1/threads", json!({"subject": "Kesyon sou dosye m", "body": "<script>alert(1)</script> https://evil.example", "case_reference": case})).await, 201).await;
        let id = started["id"].as_str().expect("id").to_string();
        let path = format!("/api/v1/threads/{id}");
        // The owner reads it, text exactly as written (pages escape it; the API never renders).
        let thread = json_of(app.get_with(&path, &a).await, 200).await;
        assert_eq!(thread["messages"][0]["body"], "<script>alert(1)</script> https://evil.example");
        assert_eq!(thread["messages"][0]["author_role"], "traveler");
        assert!(thread["case_reference"].as_str().is_some_and(|r| r.contains(' ')), "{thread}");
        // Another traveler: as if it did not exist; nor is it in their list.
        assert_problem(app.get_with(&path, &b).await, 404, "not_found").await;
        assert_problem(bearer_post(&app, &b, &format!("{path}/messages"), json!({"body": "hi"})).await, 404, "not_found").await;
        assert_eq!(json_of(app.get_with("/api/v1/threads", &b).await, 200).await, json!([]));
        // A partner and an admin are not officers.
        for token in [&partner, &admin] {
            assert_eq!(app.get_with(&path, token).await.status(), 403);
            assert_eq!(app.get_with("/api/v1/staff/threads", token).await.status(), 403);
        }
        // Officers see it waiting, read it (audited), answer; it is theirs from then on.
        let waiting = json_of(app.get_with("/api/v1/staff/threads?filter=unassigned", &officer).await, 200).await;
        assert_eq!(waiting[0]["id"], id.as_str());
        assert_eq!(waiting[0]["unread"], true);
        json_of(app.get_with(&path, &officer).await, 200).await;
        json_of(bearer_post(&app, &officer, &format!("{path}/messages"), json!({"body": "Nou resevwa mesaj ou."})).await, 201).await;
        let mine = json_of(app.get_with("/api/v1/staff/threads?filter=mine", &officer).await, 200).await;
        assert_eq!(mine[0]["id"], id.as_str());
        assert_eq!(json_of(app.get_with("/api/v1/staff/threads", &officer).await, 200).await, json!([]));
        assert_problem(app.get_with("/api/v1/staff/threads?filter=everything", &officer).await, 422, "validation_failed").await;
        let audit = json_of(app.get_with("/api/v1/admin/audit?action=thread_read_by_staff", &admin).await, 200).await;
        assert!(audit.to_string().contains(&id), "{audit}");
        // The traveler's list shows the answer unread, until opened.
        let list = json_of(app.get_with("/api/v1/threads", &a).await, 200).await;
        assert_eq!((list[0]["unread"].as_bool(), list[0]["answered"].as_bool()), (Some(true), Some(true)));
        let counts = json_of(app.get_with("/api/v1/notifications/unread-count", &a).await, 200).await;
        assert_eq!(counts["messages"], 1);
        json_of(app.get_with(&path, &a).await, 200).await;
        let counts = json_of(app.get_with("/api/v1/notifications/unread-count", &a).await, 200).await;
        assert_eq!(counts["messages"], 0);
    }

    async fn bad_messages_are_refused_beside_their_field_and_change_nothing(app) {
        let (a, case) = traveler_with_case(&app, "a@example.org").await;
        let (b, other_case) = traveler_with_case(&app, "b@example.org").await;
        let r = bearer_post(&app, &a, "/api/v1/threads", json!({"subject": " ", "body": "x".repeat(5001)})).await;
        let problem = assert_problem(r, 422, "validation_failed").await;
        assert!(problem.to_string().contains("subject") && problem.to_string().contains("body"), "{problem}");
        let r = bearer_post(&app, &a, "/api/v1/threads", json!({"subject": "Hi", "body": "Hi", "case_reference": other_case})).await;
        assert_problem(r, 422, "validation_failed").await;
        assert_eq!(json_of(app.get_with("/api/v1/threads", &a).await, 200).await, json!([]));
        // Attachments: only documents of the thread's case.
        let mine = json_of(upload(&app, &a, &case, "evidence", "letter.pdf", &pdf()).await, 201).await["id"].as_str().expect("id").to_string();
        let theirs = json_of(upload(&app, &b, &other_case, "evidence", "x.pdf", &pdf()).await, 201).await["id"].as_str().expect("id").to_string();
        let about = json_of(bearer_post(&app, &a, "/api/v1/threads", json!({"subject": "Papers", "body": "Here.", "case_reference": case})).await, 201).await["id"].as_str().expect("id").to_string();
        let general = json_of(bearer_post(&app, &a, "/api/v1/threads", json!({"subject": "General", "body": "Hello"})).await, 201).await["id"].as_str().expect("id").to_string();
        let post = |thread: &str, docs: serde_json::Value| {
            let path = format!("/api/v1/threads/{thread}/messages");
            let body = json!({"body": "See attached", "document_ids": docs});
            let (app, a) = (&app, &a);
            async move { bearer_post(app, a, &path, body).await }
        };
        assert_problem(post(&about, json!([theirs])).await, 422, "validation_failed").await;
        assert_problem(post(&general, json!([mine])).await, 422, "validation_failed").await;
        assert_problem(post(&about, json!(["not-a-document"])).await, 422, "validation_failed").await;
        assert_problem(post(&about, json!([mine, mine, mine, mine, mine, mine])).await, 422, "validation_failed").await;
        json_of(post(&about, json!([mine])).await, 201).await;
        let thread = json_of(app.get_with(&format!("/api/v1/threads/{about}"), &a).await, 200).await;
        assert_eq!(thread["messages"].as_array().map(Vec::len), Some(2));
        assert_eq!(thread["messages"][1]["attachments"][0]["document_id"], mine.as_str());
    }

    async fn an_officers_answer_reaches_the_open_stream_the_inbox_and_the_email_in_haitian_creole(app) {
        let (a, case) = traveler_with_case(&app, "a@example.org").await;
        set_language(&app, &a, "ht").await;
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let id = json_of(bearer_post(&app, &a, "/api/v1/threads", json!({"subject": "Dosye mwen", "body": "Bonjou, ki kote dosye m ye?", "case_reference": case})).await, 201).await["id"].as_str().expect("id").to_string();
        let mut live = Stream::open(&app, &a, None).await;
        let (_, ready) = live.next_named("ready").await;
        let before = ready["notifications"].as_i64().expect("count");
        // Another request, another connection: the answer.
        json_of(bearer_post(&app, &officer, &format!("/api/v1/threads/{id}/messages"), json!({"body": "Nou ap gade l."})).await, 201).await;
        let (event_id, note) = live.next_named("notification").await;
        assert_eq!(note["kind"], "new_message");
        assert_eq!(note["title"], t(Language::Ht, "notification-new-message-title"));
        assert!(note["body"].as_str().is_some_and(|b| b.contains("Dosye mwen")), "{note}");
        assert!(event_id.is_some());
        let (_, thread) = live.next_named("thread").await;
        assert_eq!(thread["id"], id.as_str());
        let inbox = notifications(&app, &a).await;
        assert!(inbox.iter().any(|n| n["id"] == note["id"] && n["read_at"].is_null()));
        let counts = json_of(app.get_with("/api/v1/notifications/unread-count", &a).await, 200).await;
        assert_eq!(counts["notifications"].as_i64(), Some(before + 1));
        let mail = app.all_emails_to("a@example.org").await;
        assert!(mail.iter().any(|m| m.contains("Dosye mwen")), "{mail:?}");
        // Mark it read: gone from the unread list; someone else's id is not found.
        assert_eq!(bearer_post(&app, &a, &format!("/api/v1/notifications/{}/read", note["id"].as_str().unwrap_or("")), json!({})).await.status(), 200);
        let unread = json_of(app.get_with("/api/v1/notifications?unread=true", &a).await, 200).await;
        assert!(!unread.as_array().expect("list").iter().any(|n| n["id"] == note["id"]));
        assert_problem(bearer_post(&app, &officer, &format!("/api/v1/notifications/{}/read", note["id"].as_str().unwrap_or("")), json!({})).await, 404, "not_found").await;
        // Away, then back with Last-Event-ID: what came meanwhile is sent first.
        drop(live);
        json_of(bearer_post(&app, &officer, &format!("/api/v1/threads/{id}/messages"), json!({"body": "Nou jwenn li."})).await, 201).await;
        let newest = notifications(&app, &a).await.into_iter().find(|n| n["kind"] == "new_message" && n["id"] != note["id"]).expect("second");
        let mut again = Stream::open(&app, &a, event_id.as_deref()).await;
        let mut replayed = Vec::new();
        while replayed.len() < 10 {
            let (name, _, data) = again.next().await;
            if name == "notification" {
                let found = data["id"] == newest["id"];
                replayed.push(data);
                if found {
                    break;
                }
            }
        }
        assert!(replayed.iter().any(|n| n["id"] == newest["id"]), "{replayed:?}");
        assert!(!replayed.iter().any(|n| n["id"] == note["id"]), "the last event seen is not sent again");
    }

    async fn a_policy_notice_reaches_accounts_made_before_and_after_it_and_only_its_audience(app) {
        let admin = staff_token(&app, "root@example.org", "admin").await;
        app.verified_traveler("before@example.org", PASSWORD).await;
        let before = app.token("before@example.org", PASSWORD).await;
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let mut live = Stream::open(&app, &before, None).await;
        live.next_named("ready").await;
        let title = json!({"en": "New hours", "es": "Nuevo horario", "ht": "Nouvo lè"});
        let body = json!({"en": "Ports open at 7.", "es": "Los puertos abren a las 7.", "ht": "Pò yo ouvri a 7è."});
        // Refused: Haitian Creole missing, an unknown port, an unknown audience.
        let r = bearer_post(&app, &admin, "/api/v1/admin/notices", json!({"title": {"en": "x", "es": "y"}, "body": body, "audience": {"kind": "all"}})).await;
        assert_problem(r, 422, "validation_failed").await;
        let r = bearer_post(&app, &admin, "/api/v1/admin/notices", json!({"title": title, "body": body, "audience": {"kind": "port", "port_code": "XXX"}})).await;
        assert_problem(r, 422, "validation_failed").await;
        assert_eq!(bearer_post(&app, &before, "/api/v1/admin/notices", json!({"title": title, "body": body, "audience": {"kind": "all"}})).await.status(), 403);
        let id = json_of(bearer_post(&app, &admin, "/api/v1/admin/notices", json!({"title": title, "body": body, "audience": {"kind": "all"}})).await, 201).await["id"].as_str().expect("id").to_string();
        let (_, live_notice) = live.next_named("notification").await;
        assert_eq!((live_notice["id"].as_str(), live_notice["kind"].as_str()), (Some(id.as_str()), Some("policy_notice")));
        assert_eq!(live_notice["title"], "Nuevo horario", "the traveler registered in Spanish");
        app.verified_traveler("after@example.org", PASSWORD).await;
        let after = app.token("after@example.org", PASSWORD).await;
        for token in [&before, &after, &officer] {
            assert!(notifications(&app, token).await.iter().any(|n| n["id"] == id.as_str()));
        }
        let listed = json_of(app.get_with("/api/v1/admin/notices", &admin).await, 200).await;
        assert_eq!((listed[0]["id"].as_str(), listed[0]["announced"].as_bool()), (Some(id.as_str()), Some(true)));
        assert_eq!(app.get_with("/api/v1/admin/notices", &officer).await.status(), 403);
        // Staff only: not a traveler's.
        let staff_only = json_of(bearer_post(&app, &admin, "/api/v1/admin/notices", json!({"title": title, "body": body, "audience": {"kind": "staff"}})).await, 201).await["id"].as_str().expect("id").to_string();
        assert!(notifications(&app, &officer).await.iter().any(|n| n["id"] == staff_only.as_str()));
        assert!(!notifications(&app, &after).await.iter().any(|n| n["id"] == staff_only.as_str()));
        assert_problem(bearer_post(&app, &after, &format!("/api/v1/notifications/{staff_only}/read"), json!({})).await, 404, "not_found").await;
        // Dismissed: still in the inbox, read.
        assert_eq!(bearer_post(&app, &after, &format!("/api/v1/notifications/{id}/dismiss"), json!({})).await.status(), 200);
        let kept = notifications(&app, &after).await.into_iter().find(|n| n["id"] == id.as_str()).expect("kept");
        assert!(kept["read_at"].is_string());
    }

    async fn preferences_keep_critical_kinds_and_policy_notices_go_by_email_to_those_who_ask(app) {
        let admin = staff_token(&app, "root@example.org", "admin").await;
        app.verified_traveler("reader@example.org", PASSWORD).await;
        let token = app.token("reader@example.org", PASSWORD).await;
        let prefs = json_of(app.get_with("/api/v1/me/notification-preferences", &token).await, 200).await;
        let offers = prefs["preferences"].as_array().expect("list").iter().find(|p| p["category"] == "offers").expect("offers").clone();
        assert_eq!((offers["critical"].as_bool(), offers["email"].as_bool()), (Some(true), Some(true)));
        let put = |body: serde_json::Value| {
            let (app, token) = (&app, &token);
            async move { app.client.put(app.url("/api/v1/me/notification-preferences")).bearer_auth(token).json(&body).send().await.expect("sent") }
        };
        assert_problem(put(json!({"preferences": [{"category": "offers", "email": false, "sms": false}]})).await, 422, "validation_failed").await;
        assert_problem(put(json!({"preferences": [{"category": "nonsense", "email": true, "sms": false}]})).await, 422, "validation_failed").await;
        let saved = json_of(put(json!({"preferences": [{"category": "policy_notices", "email": true, "sms": false}]})).await, 200).await;
        assert!(saved["preferences"].as_array().expect("list").iter().any(|p| p["category"] == "policy_notices" && p["email"] == true));
        let before = app.emails_to("reader@example.org").await;
        let title = json!({"en": "Closure", "es": "Cierre", "ht": "Fèmen"});
        let body = json!({"en": "Closed Sunday.", "es": "Cerrado el domingo.", "ht": "Fèmen dimanch."});
        json_of(bearer_post(&app, &admin, "/api/v1/admin/notices", json!({"title": title, "body": body, "audience": {"kind": "all"}})).await, 201).await;
        let mail = app.all_emails_to("reader@example.org").await;
        assert_eq!(mail.len(), before + 1);
        assert!(mail.iter().any(|m| m.contains("Cerrado el domingo.")), "{mail:?}");
    }
}

mod delivery {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// An SMS provider answering every request with `status`; records each request's
    /// idempotency key.
    async fn sms_provider(status: u16) -> (String, Arc<Mutex<Vec<String>>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}/sms", listener.local_addr().expect("addr"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let keys = seen.clone();
        tokio::spawn(async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            while let Ok((mut socket, _)) = listener.accept().await {
                let mut request = vec![0u8; 16384];
                let n = socket.read(&mut request).await.unwrap_or(0);
                let text = String::from_utf8_lossy(&request[..n]).to_lowercase();
                let key = text
                    .lines()
                    .find_map(|l| l.strip_prefix("idempotency-key:"))
                    .unwrap_or("")
                    .trim()
                    .to_string();
                keys.lock().expect("lock").push(key);
                let reply = format!("HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
                socket.write_all(reply.as_bytes()).await.ok();
            }
        });
        (url, seen)
    }

    #[tokio::test]
    async fn an_sms_refused_for_good_is_sent_by_email_instead_and_both_show_on_the_notification() {
        let (url, requests) = sms_provider(400).await;
        let app = TestApp::sqlite_with(|s| s.sms_webhook_url = Some(url.into())).await;
        app.verified_traveler("phone@example.org", PASSWORD).await;
        let token = app.token("phone@example.org", PASSWORD).await;
        let r = app
            .client
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .json(&json!({"phone": "+52 55 1234 5678"}))
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), 200);
        // Sign-in notices by SMS only.
        let r = app
            .client
            .put(app.url("/api/v1/me/notification-preferences"))
            .bearer_auth(&token)
            .json(&json!({"preferences": [{"category": "security", "email": false, "sms": true}]}))
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), 200);
        let emails_before = app.emails_to("phone@example.org").await;
        let token = app.token("phone@example.org", PASSWORD).await;
        app.flush_outbox().await;
        assert_eq!(requests.lock().expect("lock").len(), 1, "one try: a 400 is final");
        let emails = app.all_emails_to("phone@example.org").await;
        assert_eq!(emails.len(), emails_before + 1, "the fallback email");
        let sign_in = notifications(&app, &token)
            .await
            .into_iter()
            .find(|n| n["kind"] == "sign_in" && n["deliveries"].as_array().is_some_and(|d| d.len() == 2))
            .expect("the last sign-in");
        let deliveries = &sign_in["deliveries"];
        assert_eq!(
            (deliveries[0]["channel"].as_str(), deliveries[0]["status"].as_str()),
            (Some("sms"), Some("permanent_failure"))
        );
        assert_eq!(
            (
                deliveries[1]["channel"].as_str(),
                deliveries[1]["status"].as_str(),
                deliveries[1]["fallback"].as_bool()
            ),
            (Some("email"), Some("delivered"), Some(true))
        );
    }

    /// Speaks enough SMTP to take messages while `refuse` is false, and refuses every
    /// recipient for good (550) while it is true.
    async fn smtp_server(refuse: Arc<std::sync::atomic::AtomicBool>) -> String {
        use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("smtp://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let refuse = refuse.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    write.write_all(b"220 test ESMTP\r\n").await.ok();
                    let mut in_data = false;
                    while let Ok(Some(line)) = lines.next_line().await {
                        if in_data {
                            if line == "." {
                                in_data = false;
                                write.write_all(b"250 queued\r\n").await.ok();
                            }
                            continue;
                        }
                        let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250-test\r\n250 8BITMIME\r\n",
                            "RCPT" if refuse.load(std::sync::atomic::Ordering::SeqCst) => {
                                b"550 no such user\r\n"
                            }
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
                });
            }
        });
        url
    }

    #[tokio::test]
    async fn an_email_refused_for_good_is_sent_by_sms_instead() {
        let refuse = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let url = smtp_server(refuse.clone()).await;
        let app = TestApp::sqlite_with(|s| s.smtp_url = Some(url.into())).await;
        // Emails go to the SMTP server, not the outbox folder: the account is made the operators' way.
        app.staff("mailbox@example.org", "traveler", PASSWORD).await;
        let traveler = app.token("mailbox@example.org", PASSWORD).await;
        let r = app
            .client
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&traveler)
            .json(&json!({"phone": "+52 55 1234 5678"}))
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), 200);
        let officer = staff_token(&app, "officer@example.org", "officer").await;
        let id = json_of(
            bearer_post(
                &app,
                &traveler,
                "/api/v1/threads",
                json!({"subject": "Mailbox gone", "body": "Hello"}),
            )
            .await,
            201,
        )
        .await["id"]
            .as_str()
            .expect("id")
            .to_string();
        app.flush_outbox().await;
        // The traveler's mailbox is gone; messages are by email only (the default).
        refuse.store(true, std::sync::atomic::Ordering::SeqCst);
        json_of(
            bearer_post(&app, &officer, &format!("/api/v1/threads/{id}/messages"), json!({"body": "Answer"}))
                .await,
            201,
        )
        .await;
        app.flush_outbox().await;
        let note = notifications(&app, &traveler)
            .await
            .into_iter()
            .find(|n| n["kind"] == "new_message")
            .expect("the notification");
        let deliveries = &note["deliveries"];
        assert_eq!(
            (deliveries[0]["channel"].as_str(), deliveries[0]["status"].as_str()),
            (Some("email"), Some("permanent_failure")),
            "{note}"
        );
        assert_eq!(
            (
                deliveries[1]["channel"].as_str(),
                deliveries[1]["status"].as_str(),
                deliveries[1]["fallback"].as_bool()
            ),
            (Some("sms"), Some("delivered"), Some(true)),
            "{note}"
        );
        let sms: Vec<String> = std::fs::read_dir(&app.outbox)
            .expect("outbox")
            .filter_map(Result::ok)
            .filter(|e| e.path().to_string_lossy().ends_with(".sms.txt"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        assert!(sms.iter().any(|m| m.contains("Mailbox gone")), "{sms:?}");
    }

    #[tokio::test]
    async fn an_sms_provider_that_is_down_is_tried_again_with_the_same_idempotency_key() {
        let (url, requests) = sms_provider(503).await;
        let app = TestApp::sqlite_with(|s| s.sms_webhook_url = Some(url.into())).await;
        app.verified_traveler("phone@example.org", PASSWORD).await;
        let token = app.token("phone@example.org", PASSWORD).await;
        let r = app
            .client
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .json(&json!({"phone": "+52 55 1234 5678"}))
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), 200);
        app.token("phone@example.org", PASSWORD).await;
        app.flush_outbox().await;
        assert_eq!(requests.lock().expect("lock").len(), 1);
        // Past the backoff, it is tried again: same key.
        app.clock.advance_secs(3600);
        app.flush_outbox().await;
        let keys = requests.lock().expect("lock").clone();
        assert!(keys.len() >= 2, "{keys:?}");
        assert!(!keys[0].is_empty() && keys.iter().all(|k| *k == keys[0]), "{keys:?}");
    }
}

/// Two instances on one PostgreSQL database: a notification written through one reaches the
/// live subscribers of the other (LISTEN/NOTIFY). SQLite runs as one instance.
#[tokio::test]
async fn on_postgresql_live_events_cross_instances() {
    let Some(app) = TestApp::postgres().await else { return };
    let second = puerta::startup::Application::build_with_clock(&app.settings(), app.clock.clone())
        .await
        .expect("second instance");
    let other = second.app().clone();
    let mut on_other = other.subscribe_live().await.expect("subscribed");
    app.verified_traveler("live@example.org", PASSWORD).await;
    // Signing in (through the first instance's server) notifies the account.
    app.token("live@example.org", PASSWORD).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let event = tokio::time::timeout_at(deadline, on_other.recv())
            .await
            .expect("an event in time")
            .expect("open");
        if matches!(&*event, puerta_app::notifications::LiveEvent::Notification { .. }) {
            break;
        }
    }
    other.close().await;
}

/// A live stream is a response in progress: quiet longer than the idle keep-alive limit between
/// its keep-alive comments, it stays open (the connection watchdog once cut every stream after
/// `keep_alive_idle_secs`, 5 s by default).
#[tokio::test]
async fn a_quiet_stream_outlives_the_idle_keep_alive_limit() {
    let app = TestApp::sqlite_with(|s| s.keep_alive_idle_secs = 1).await;
    app.verified_traveler("quiet@example.org", PASSWORD).await;
    let token = app.token("quiet@example.org", PASSWORD).await;
    let mut live = Stream::open(&app, &token, None).await;
    live.next_named("ready").await;
    // A plain keep-alive connection that goes quiet after the stream did: once the server has
    // closed it as idle (an event, not a guess at the time), the stream has been quiet longer
    // than the idle limit too.
    plain_connection_closed_as_idle(&app).await;
    app.token("quiet@example.org", PASSWORD).await;
    let (_, note) = live.next_named("notification").await;
    assert_eq!(note["kind"], "sign_in");
}

/// Sends one request on a fresh keep-alive connection, then waits (generous deadline) until
/// the server closes it for being idle.
async fn plain_connection_closed_as_idle(app: &TestApp) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address).await.expect("connect");
    socket.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").await.expect("request");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = tokio::time::timeout_at(deadline, socket.read(&mut buffer))
            .await
            .expect("the idle connection is closed in time")
            .unwrap_or(0);
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buffer[..n]);
    }
    assert!(String::from_utf8_lossy(&seen).starts_with("HTTP/1.1 200"), "the request was answered first");
}
