//! Accounts against a determined attacker, and a shelter's shared network (issue 8): answers
//! that take the same work whether or not an address has an account, password guessing limited
//! per account across every source address, typed-code guessing that shrinks over time, proofs
//! of work instead of blocks for a busy network, and nobody able to stop a stranger's codes.

use puerta_app::accounts::RequestContext;
use puerta_app::security::proof_of_work;
use puerta_domain::audit::{AuditAction, AuditFilter};
use puerta_domain::delivery::DeliveryStatus;
use puerta_store::outbox::DeliveryFilter;
use serde_json::json;

use crate::helpers::{IdleApp, PASSWORD, TestApp, assert_problem, idle_app};

/// Requests reach the app through a proxy on 127.0.0.1, so each may come from its own address.
fn behind_a_proxy(s: &mut puerta::settings::Settings) {
    s.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
}

/// A small proof of work after three requests per source address, so the tests stay quick.
fn busy_network(s: &mut puerta::settings::Settings) {
    behind_a_proxy(s);
    s.proof_of_work_after_per_ip_per_hour = 3;
    s.proof_of_work_base = 2_000;
}

/// Runs `$body` on SQLite and PostgreSQL with settings changed by `$settings`.
macro_rules! on_both_with {
    ($settings:path; $(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                #[tokio::test]
                async fn sqlite() {
                    let $app = TestApp::sqlite_with($settings).await;
                    $body
                }

                #[tokio::test]
                async fn postgres() {
                    let Some($app) = TestApp::postgres_with($settings).await else { return };
                    $body
                }
            }
        )*
    };
}

async fn post_from(app: &TestApp, ip: &str, path: &str, body: serde_json::Value) -> reqwest::Response {
    app.client.post(app.url(path)).header("x-forwarded-for", ip).json(&body).send().await.expect("sent")
}

/// What a use case left in the database, as counts: jobs waiting, messages queued, codes live
/// for the account, and reset audit rows.
async fn footprint(idle: &IdleApp, account: &puerta_domain::ids::UserId) -> (i64, usize, bool, usize) {
    let mut read = idle.store.read().await.expect("read");
    let jobs = read.jobs().count_due(i64::MAX).await.expect("jobs");
    let all = DeliveryFilter { limit: 1000, ..DeliveryFilter::default() };
    let messages = read.outbox().list(&all).await.expect("outbox").len();
    let code = read
        .codes()
        .active(account, puerta_domain::accounts::CodePurpose::ResetPassword, 0)
        .await
        .expect("codes")
        .is_some();
    let audit = AuditFilter {
        action: Some(AuditAction::PasswordResetRequested),
        limit: 100,
        ..AuditFilter::default()
    };
    let resets = read.audit().list(&audit).await.expect("audit").len();
    (jobs, messages, code, resets)
}

async fn reset_requests_do_the_same_work_for_known_and_unknown_addresses(postgres: bool) {
    let Some(idle) = idle_app(postgres).await else { return };
    let known = idle
        .app
        .create_user_by_operator("known@example.org", "Ana", "traveler", PASSWORD)
        .await
        .expect("user");
    let ctx = RequestContext { ip: Some("203.0.113.1".into()), ..RequestContext::default() };
    let before = footprint(&idle, &known).await;
    assert_eq!(before, (0, 0, false, 0));

    // The request itself: one sealed job either way, and nothing else (no lookup result shows).
    idle.app.request_password_reset(&ctx, "known@example.org").await.expect("known");
    let after_known = footprint(&idle, &known).await;
    idle.app.request_password_reset(&ctx, "nobody@example.org").await.expect("unknown");
    let after_unknown = footprint(&idle, &known).await;
    assert_eq!(after_known, (1, 0, false, 0), "the known address only queued a job");
    assert_eq!(after_unknown, (2, 0, false, 0), "the unknown address queued the same job");

    // The background half: the known address gets its code, the unknown one nothing, and both
    // jobs are gone.
    idle.app.flush_outbox().await.expect("flushed");
    let done = footprint(&idle, &known).await;
    assert_eq!((done.0, done.2, done.3), (0, true, 1), "{done:?}");
    let mut read = idle.store.read().await.expect("read");
    let sent =
        read.outbox().list(&DeliveryFilter { limit: 10, ..DeliveryFilter::default() }).await.expect("outbox");
    assert_eq!(sent.len(), 1, "one email, to the known address");
    assert_eq!((sent[0].kind.as_str(), sent[0].status), ("reset_password", DeliveryStatus::Delivered));
}

#[tokio::test]
async fn reset_requests_do_the_same_work_for_known_and_unknown_addresses_sqlite() {
    reset_requests_do_the_same_work_for_known_and_unknown_addresses(false).await;
}

#[tokio::test]
async fn reset_requests_do_the_same_work_for_known_and_unknown_addresses_postgres() {
    reset_requests_do_the_same_work_for_known_and_unknown_addresses(true).await;
}

async fn resends_do_the_same_work_for_known_and_unknown_addresses(postgres: bool) {
    let Some(idle) = idle_app(postgres).await else { return };
    let ctx = RequestContext { ip: Some("203.0.113.1".into()), ..RequestContext::default() };
    let registration = puerta_app::accounts::Registration {
        email: "fresh@example.org".into(),
        password: PASSWORD.to_string().into(),
        full_name: "Ana".into(),
        phone: None,
        language: "es".into(),
    };
    idle.app.register(&ctx, registration).await.expect("registered");
    idle.app.flush_outbox().await.expect("flushed");
    let mut read = idle.store.read().await.expect("read");
    let user = read.users().find_by_email("fresh@example.org").await.expect("q").expect("user");
    drop(read);
    let (jobs, messages, _, _) = footprint(&idle, &user.id).await;
    assert_eq!((jobs, messages), (0, 1));
    idle.app.resend_verification(&ctx, "fresh@example.org").await.expect("known");
    assert_eq!(footprint(&idle, &user.id).await.0..=footprint(&idle, &user.id).await.1 as i64, 1..=1);
    idle.app.resend_verification(&ctx, "nobody@example.org").await.expect("unknown");
    let (jobs, messages, _, _) = footprint(&idle, &user.id).await;
    assert_eq!((jobs, messages), (2, 1), "two jobs, no message yet, for either address");
    idle.app.flush_outbox().await.expect("flushed");
    let (jobs, messages, _, _) = footprint(&idle, &user.id).await;
    assert_eq!((jobs, messages), (0, 2), "only the unverified account got a new code");
}

#[tokio::test]
async fn resends_do_the_same_work_for_known_and_unknown_addresses_sqlite() {
    resends_do_the_same_work_for_known_and_unknown_addresses(false).await;
}

#[tokio::test]
async fn resends_do_the_same_work_for_known_and_unknown_addresses_postgres() {
    resends_do_the_same_work_for_known_and_unknown_addresses(true).await;
}

on_both_with! { behind_a_proxy;
    async fn wrong_passwords_from_many_addresses_count_on_one_account(app) {
        app.verified_traveler("target@example.org", PASSWORD).await;
        // Six source addresses, one guess each, for a real account and for an address without one.
        for email in ["target@example.org", "ghost@example.org"] {
            let mut statuses = Vec::new();
            for i in 0..6 {
                let r = post_from(&app, &format!("2001:db8::{i}"), "/api/v1/sessions", json!({"email": email, "password": "wrong guess number one"})).await;
                statuses.push(r.status().as_u16());
            }
            assert_eq!(statuses, [401, 401, 401, 401, 401, 429], "{email}: the sixth waits, whatever its address");
        }
        // Even the right password waits, from a new address; the wait grows with each failure.
        let r = post_from(&app, "198.51.100.9", "/api/v1/sessions", json!({"email": "target@example.org", "password": PASSWORD})).await;
        let retry: u64 = r.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).expect("Retry-After");
        assert!((1..=60).contains(&retry), "{retry}");
        assert_problem(r, 429, "sign_in_locked").await;
        app.clock.advance_secs(61);
        let r = post_from(&app, "2001:db8::7", "/api/v1/sessions", json!({"email": "target@example.org", "password": "wrong guess number two"})).await;
        assert_eq!(r.status(), 401);
        app.clock.advance_secs(61);
        let r = post_from(&app, "2001:db8::8", "/api/v1/sessions", json!({"email": "target@example.org", "password": PASSWORD})).await;
        assert_problem(r, 429, "sign_in_locked").await;

        // The owner is never locked out for good: a reset by the code sent to the address lets
        // them in at once.
        assert_eq!(app.post_json("/api/v1/password-resets", json!({"email": "target@example.org"})).await.status(), 202);
        let code = app.last_code_for("target@example.org").await;
        let reset = app.post_json("/api/v1/password-resets/complete", json!({"email": "target@example.org", "code": code, "new_password": "a fresh harbour of lanterns"})).await;
        assert_eq!(reset.status(), 204);
        app.token("target@example.org", "a fresh harbour of lanterns").await;
    }

    async fn typed_reset_codes_get_fewer_tries_over_time_but_the_link_always_works(app) {
        app.verified_traveler("codes@example.org", PASSWORD).await;
        let mut wrong_answers = 0;
        let mut last_mail = String::new();
        // Codes come and go; wrong guesses across all of them add up on the address.
        for round in 0..3 {
            app.clock.advance_secs(3600);
            assert_eq!(post_from(&app, &format!("192.0.2.{round}"), "/api/v1/password-resets", json!({"email": "codes@example.org"})).await.status(), 202);
            last_mail = app.last_email_to("codes@example.org").await.expect("mail");
            let code = crate::helpers::six_digits(last_mail.split_once("\r\n\r\n").map_or("", |(_, b)| b)).expect("code");
            let wrong = if code == "000000" { "111111" } else { "000000" };
            for _ in 0..10 {
                let r = app.post_json("/api/v1/password-resets/complete", json!({"email": "codes@example.org", "code": wrong, "new_password": "a fresh harbour of lanterns"})).await;
                if r.status() == 429 {
                    break;
                }
                assert_eq!(r.status(), 400);
                wrong_answers += 1;
            }
        }
        // Twenty free tries over the first two codes; the hour before the third ended the first
        // wait, so one more try, and now the wait is two minutes.
        assert_eq!(wrong_answers, 21, "twenty wrong codes, then one per growing wait");
        let code = crate::helpers::six_digits(last_mail.split_once("\r\n\r\n").map_or("", |(_, b)| b)).expect("code");
        let r = app.post_json("/api/v1/password-resets/complete", json!({"email": "codes@example.org", "code": code, "new_password": "a fresh harbour of lanterns"})).await;
        assert_eq!(r.status(), 429, "even the right code waits now");
        // The emailed link cannot be guessed, so it is not held back.
        let token = last_mail.split("reset-password?token=").nth(1).and_then(|s| s.split_whitespace().next()).expect("link").to_string();
        let r = app.post_json("/api/v1/password-resets/complete", json!({"token": token, "new_password": "a fresh harbour of lanterns"})).await;
        assert_eq!(r.status(), 204);
    }

    async fn a_third_party_cannot_stop_someone_elses_codes(app) {
        app.register("owner@example.org", PASSWORD).await;
        // Someone else asks for the owner's codes again and again from one address: they are
        // stopped, and the owner's mailbox gets a few emails an hour at most.
        let mut refused = 0;
        for _ in 0..12 {
            let r = post_from(&app, "203.0.113.66", "/api/v1/accounts/verify/resend", json!({"email": "owner@example.org"})).await;
            refused += usize::from(r.status() == 429);
        }
        assert_eq!(refused, 7, "five an hour from one address");
        let mails = app.emails_to("owner@example.org").await;
        assert_eq!(mails, 3, "registration and two resends, then the mailbox waits five minutes");
        // The owner, from their own address, is not refused; the newest email's code works.
        let r = post_from(&app, "198.51.100.20", "/api/v1/accounts/verify/resend", json!({"email": "owner@example.org"})).await;
        assert_eq!(r.status(), 202);
        // One of the codes in the mailbox works: the one sent last (mails sent in one batch may
        // be written in any order, so each is tried).
        app.flush_outbox().await;
        let codes: Vec<String> = std::fs::read_dir(&app.outbox).expect("outbox").filter_map(Result::ok)
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .filter(|m| m.contains("To: owner@example.org"))
            .filter_map(|m| crate::helpers::six_digits(m.split_once("\r\n\r\n").map_or("", |(_, b)| b)))
            .collect();
        let mut worked = 0;
        for code in &codes {
            let r = app.post_json("/api/v1/accounts/verify", json!({"email": "owner@example.org", "code": code})).await;
            worked += usize::from(r.status() == 200);
        }
        assert_eq!(worked, 1, "the last code sent works: {codes:?}");
    }
}

on_both_with! { busy_network;
    async fn a_busy_network_proves_work_instead_of_being_refused(app) {
        // Three people behind one shelter address ask for codes as usual.
        for i in 0..3 {
            let r = post_from(&app, "192.0.2.50", "/api/v1/password-resets", json!({"email": format!("p{i}@example.org")})).await;
            assert_eq!(r.status(), 202);
        }
        // The fourth is asked for a small proof of work, not refused.
        let r = post_from(&app, "192.0.2.50", "/api/v1/password-resets", json!({"email": "p3@example.org"})).await;
        let body = assert_problem(r, 428, "proof_required").await;
        let challenge: proof_of_work::Challenge = serde_json::from_value(body["challenge"].clone()).expect("challenge");
        assert!(challenge.maxnumber >= 2_000);
        let answer = proof_of_work::solve(&challenge).expect("solved");
        let send = |proof: &str| {
            app.client.post(app.url("/api/v1/password-resets")).header("x-forwarded-for", "192.0.2.50")
                .header("puerta-proof", proof.to_string()).json(&json!({"email": "p3@example.org"})).send()
        };
        assert_eq!(send(&answer).await.expect("sent").status(), 202, "with the proof it goes through");
        let replay = send(&answer).await.expect("sent");
        assert_problem(replay, 428, "proof_required").await;
        // Someone on another network is not asked for anything.
        let r = post_from(&app, "198.51.100.3", "/api/v1/password-resets", json!({"email": "p4@example.org"})).await;
        assert_eq!(r.status(), 202);
        // A challenge can be fetched and solved ahead of time.
        let ahead: proof_of_work::Challenge = app.get("/api/v1/challenge").await.json().await.expect("json");
        let answer = proof_of_work::solve(&ahead).expect("solved");
        assert_eq!(send(&answer).await.expect("sent").status(), 202);
    }
}

on_both_with! { behind_a_proxy;
    async fn turning_on_the_second_factor_needs_the_password_ends_other_sessions_and_tells_the_owner(app) {
        app.verified_traveler("two@example.org", PASSWORD).await;
        let other = app.token("two@example.org", PASSWORD).await;
        let token = app.token("two@example.org", PASSWORD).await;
        let started: serde_json::Value = app.client.post(app.url("/api/v1/me/totp")).bearer_auth(&token).send().await.expect("sent").json().await.expect("json");
        let secret = started["secret"].as_str().expect("secret").to_string();
        let code = app.totp_now(&secret);
        let confirm = |password: &str, code: &str| {
            app.client.post(app.url("/api/v1/me/totp/confirm")).bearer_auth(&token)
                .json(&json!({"password": password, "code": code})).send()
        };
        let r = confirm("not my password at all", &code).await.expect("sent");
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "password");
        assert_eq!(app.get_with("/api/v1/me", &other).await.status(), 200, "nothing changed yet");
        assert_eq!(confirm(PASSWORD, &code).await.expect("sent").status(), 200);
        assert_problem(app.get_with("/api/v1/me", &other).await, 401, "unauthenticated").await;
        assert_eq!(app.get_with("/api/v1/me", &token).await.status(), 200, "this session stays");
        app.flush_outbox().await;
        let store = app.store().await;
        let mut read = store.read().await.expect("read");
        let kinds: Vec<String> = read.outbox().list(&DeliveryFilter { limit: 50, ..DeliveryFilter::default() }).await.expect("outbox").into_iter().map(|m| m.kind).collect();
        assert!(kinds.iter().any(|k| k == "second_factor_enabled"), "the owner is told: {kinds:?}");
    }
}

/// A cookie-keeping client that posts forms like a browser without JavaScript, from `ip`.
struct Page<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    ip: &'static str,
}

impl<'a> Page<'a> {
    fn new(app: &'a TestApp, ip: &'static str) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self { app, client, ip }
    }

    async fn get(&self, path: &str) -> String {
        let r = self
            .client
            .get(self.app.url(path))
            .header("x-forwarded-for", self.ip)
            .send()
            .await
            .expect("sent");
        r.text().await.expect("html")
    }

    /// Posts `fields` with the CSRF token of the form at `form_path`: (status, location, body).
    async fn submit(&self, form_path: &str, action: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let html = self.get(form_path).await;
        let token = html
            .split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string();
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        let r = self
            .client
            .post(self.app.url(action))
            .header("x-forwarded-for", self.ip)
            .header("origin", &self.app.address)
            .form(&form)
            .send()
            .await
            .expect("sent");
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location, r.text().await.unwrap_or_default())
    }
}

/// The challenge a page embeds for its script, unescaped from the attribute.
fn page_challenge(html: &str) -> Option<proof_of_work::Challenge> {
    let attribute = html.split("data-proof=\"").nth(1)?.split('"').next()?;
    let json =
        attribute.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    serde_json::from_str(&json).ok()
}

on_both_with! { busy_network;
    async fn a_busy_network_page_asks_for_the_check_and_then_sends(app) {
        let page = Page::new(&app, "192.0.2.80");
        for i in 0..3 {
            let (status, location, _) = page.submit("/forgot-password", "/forgot-password", &[("email", &format!("q{i}@example.org"))]).await;
            assert_eq!((status, location.starts_with("/reset-password")), (303, true));
        }
        let (status, _, html) = page.submit("/forgot-password", "/forgot-password", &[("email", "q3@example.org")]).await;
        assert_eq!(status, 428);
        assert!(html.contains("name=\"altcha\"") && html.contains("<noscript>"), "{html}");
        assert!(html.contains("Many people are using this connection"), "the reason is beside the form: {html}");
        // What the page's script does: solve, fill the field, send again.
        let challenge = page_challenge(&html).expect("challenge in the page");
        let answer = proof_of_work::solve(&challenge).expect("solved");
        let (status, location, _) = page.submit("/forgot-password", "/forgot-password", &[("email", "q3@example.org"), ("altcha", &answer)]).await;
        assert_eq!((status, location.starts_with("/reset-password")), (303, true), "sent with the check done");
    }
}

/// The value of cookie `name` set by `response`, if it sets one.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find_map(|c| {
        let (pair, _) = c.split_once(';').unwrap_or((c, ""));
        let (key, value) = pair.split_once('=')?;
        (key.trim() == name && !value.is_empty()).then(|| value.to_string())
    })
}

on_both_with! { behind_a_proxy;
    async fn the_session_id_changes_when_the_second_factor_completes(app) {
        app.staff("officer@example.org", "officer", PASSWORD).await;
        let token = app.token("officer@example.org", PASSWORD).await;
        let (secret, _) = app.enrol_totp(&token).await;
        app.clock.advance_secs(30);
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        let form = client.get(app.url("/sign-in")).send().await.expect("sent");
        let csrf = set_cookie(&form, "puerta_csrf").expect("csrf cookie");
        let html = form.text().await.expect("html");
        let field = html.split("name=\"csrf_token\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("token").to_string();
        let post = |path: &'static str, cookies: String, fields: Vec<(&'static str, String)>| {
            client.post(app.url(path)).header("origin", &app.address).header("cookie", cookies).form(&fields).send()
        };
        let first = post("/sign-in", format!("puerta_csrf={csrf}"), vec![("email", "officer@example.org".into()), ("password", PASSWORD.into()), ("csrf_token", field.clone())]).await.expect("sent");
        assert_eq!(first.headers().get("location").and_then(|v| v.to_str().ok()), Some("/sign-in/second-factor"));
        let pending = set_cookie(&first, "puerta_session").expect("pending session");
        let csrf = set_cookie(&first, "puerta_csrf").unwrap_or(csrf);
        let page = client.get(app.url("/sign-in/second-factor")).header("cookie", format!("puerta_csrf={csrf}; puerta_session={pending}")).send().await.expect("sent").text().await.expect("html");
        let field = page.split("name=\"csrf_token\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("token").to_string();
        let code = app.totp_now(&secret);
        let second = post("/sign-in/second-factor", format!("puerta_csrf={csrf}; puerta_session={pending}"), vec![("code", code), ("csrf_token", field)]).await.expect("sent");
        assert_eq!(second.status(), 303);
        let fresh = set_cookie(&second, "puerta_session").expect("a new session cookie");
        assert_ne!(fresh, pending, "the session id changes when the second factor completes");
        let with = |session: &str| client.get(app.url("/account")).header("cookie", format!("puerta_session={session}")).send();
        assert_eq!(with(&fresh).await.expect("sent").status(), 200);
        assert_eq!(with(&pending).await.expect("sent").status(), 303, "the pending id is worth nothing now");
    }
}
