//! Findings of the outside security test (issue 8) on the web side: what may be stored, how a
//! throttled answer looks, who may read metrics, cookies over HTTPS, the CSRF origin without a
//! configured `public_url`, the content editor's languages, and admins who never verified.

use std::collections::BTreeMap;

use puerta::settings::Settings;
use puerta_domain::accounts::{Language, Role};
use puerta_domain::ids::UserId;
use puerta_store::StoreError;
use puerta_store::accounts::NewUser;
use reqwest::header::{HeaderMap, HeaderValue};
use secrecy::SecretString;
use serde_json::json;

use crate::helpers::{TestApp, assert_problem};

const PASSWORD: &str = "a long river of stars";
const METRICS_TOKEN: &str = "metrics-token-for-the-tests-0123456789";
const PUBLIC_URL: &str = "https://puerta.example";

/// Like `on_both_backends!`, with settings changed by `$settings` (a function of `&mut Settings`).
macro_rules! on_both_backends_with {
    ($settings:ident; $(async fn $name:ident($app:ident) $body:block)*) => {
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

fn with_metrics_token(s: &mut Settings) {
    s.metrics_token = Some(SecretString::from(METRICS_TOKEN.to_string()));
}

fn over_https(s: &mut Settings) {
    s.public_url = Some(PUBLIC_URL.parse().expect("url"));
}

fn one_registration_an_hour(s: &mut Settings) {
    s.throttle_registrations_per_ip_per_hour = 1;
}

/// A browser with its cookies in plain view: each `Set-Cookie` is kept by its name as sent, and
/// every request carries them all (whatever `Secure` says: the tests speak plain HTTP).
struct Browser<'a> {
    app: &'a TestApp,
    origin: String,
    cookies: BTreeMap<String, String>,
}

struct Answer {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn set_cookies(&self) -> Vec<String> {
        self.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(String::from).collect()
    }

    fn csrf_token(&self) -> String {
        self.body
            .split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a form with a CSRF token")
            .to_string()
    }
}

impl<'a> Browser<'a> {
    fn new(app: &'a TestApp, origin: &str) -> Self {
        Self { app, origin: origin.to_string(), cookies: BTreeMap::new() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let mut request = request.header("accept", "text/html").header("accept-language", "en");
        if !self.cookies.is_empty() {
            request = request.header("cookie", self.cookie_header());
        }
        let response = request.send().await.expect("sent");
        let answer = Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: String::new(),
        };
        let body = response.text().await.unwrap_or_default();
        let answer = Answer { body, ..answer };
        for set in answer.set_cookies() {
            let pair = set.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() || set.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_string(), value.to_string());
                }
            }
        }
        answer
    }

    async fn get(&mut self, path: &str) -> Answer {
        let request = self.app.client.get(self.app.url(path));
        self.send(request).await
    }

    /// Posts `fields` and the CSRF token of the page at `form_path`, from this browser's origin.
    async fn submit(&mut self, form_path: &str, action: &str, fields: &[(&str, &str)]) -> Answer {
        let token = self.get(form_path).await.csrf_token();
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        let request = self.app.client.post(self.app.url(action)).header("origin", &self.origin).form(&form);
        self.send(request).await
    }

    /// Signs in through the page (with the second step when `totp` names a secret).
    async fn sign_in(&mut self, email: &str, totp: Option<&str>) {
        let signed = self.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(signed.status, 303, "{}", signed.body);
        if let Some(secret) = totp {
            assert_eq!(signed.header("location"), Some("/sign-in/second-factor"));
            // The enrolment used the code of this step: the next step's code is fresh.
            self.app.clock.advance_secs(30);
            let code = self.app.totp_now(secret);
            let done =
                self.submit("/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
            assert_eq!(done.status, 303, "{}", done.body);
        }
    }
}

fn cache_control(response: &reqwest::Response) -> String {
    response.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

on_both_backends! {
    async fn api_answers_with_tokens_or_personal_data_are_never_stored(app) {
        app.verified_traveler("stored@example.org", PASSWORD).await;
        let signed_in = app.post_json("/api/v1/sessions", json!({"email": "stored@example.org", "password": PASSWORD})).await;
        assert_eq!((signed_in.status().as_u16(), cache_control(&signed_in).as_str()), (201, "no-store"), "the bearer token");
        let token = signed_in.json::<serde_json::Value>().await.expect("json")["token"].as_str().expect("token").to_string();
        let me = app.get_with("/api/v1/me", &token).await;
        assert_eq!((me.status().as_u16(), cache_control(&me).as_str()), (200, "no-store"), "personal data");
        let totp = app.client.post(app.url("/api/v1/me/totp")).bearer_auth(&token).send().await.expect("sent");
        assert_eq!(cache_control(&totp), "no-store", "a TOTP secret ({})", totp.status());
        let refused = app.get("/api/v1/me").await;
        assert_eq!((refused.status().as_u16(), cache_control(&refused).as_str()), (401, "no-store"));
        // The public reference reads may be kept.
        for path in ["/api/v1/ports", "/api/v1/ports/SYS", "/api/v1/entry-requirements", "/api/v1/entry-requirements/on-the-day", "/api/v1/openapi.json"] {
            let r = app.get(path).await;
            assert_eq!(r.status(), 200, "{path}");
            assert!(!cache_control(&r).contains("no-store"), "{path}: {}", cache_control(&r));
        }
    }

    async fn a_public_page_shown_to_a_signed_in_person_is_never_stored(app) {
        app.verified_traveler("reader@example.org", PASSWORD).await;
        let mut browser = Browser::new(&app, &app.address);
        browser.sign_in("reader@example.org", None).await;
        for path in ["/entry-requirements", "/entry-requirements/on-the-day", "/", "/dashboard"] {
            let page = browser.get(path).await;
            assert_eq!(page.status, 200, "{path}");
            assert_eq!(page.header("cache-control"), Some("no-store, private"), "{path}");
        }
        // The same public page for a visitor is revalidated, and may be kept for offline reading.
        let mut visitor = Browser::new(&app, &app.address);
        let page = visitor.get("/entry-requirements/on-the-day").await;
        assert_eq!(page.header("cache-control"), Some("no-cache"));
    }

    async fn without_public_url_the_host_header_is_not_taken_for_our_origin(app) {
        let mut browser = Browser::new(&app, "http://evil.example");
        // The language page holds a form (the header's language choice is a link to it).
        let page = browser.get("/language").await;
        assert!(page.set_cookies().iter().any(|c| c.starts_with("puerta_csrf=") && !c.contains("Secure")), "plain HTTP: plain names, {:?}", page.set_cookies());
        let token = page.csrf_token();
        // A forged Host that matches the forged Origin: refused.
        let forged = app.client.post(app.url("/language")).header("host", "evil.example").header("origin", "http://evil.example")
            .header("cookie", browser.cookie_header()).form(&[("lang", "es"), ("next", "/"), ("csrf_token", &token)]).send().await.expect("sent");
        assert_eq!(forged.status(), 403);
        // Our own listening address, by its address or its loopback name: accepted.
        let port = app.address.rsplit(':').next().expect("port").to_string();
        for origin in [app.address.clone(), format!("http://localhost:{port}")] {
            let ours = app.client.post(app.url("/language")).header("origin", &origin)
                .header("cookie", browser.cookie_header()).form(&[("lang", "es"), ("next", "/"), ("csrf_token", &token)]).send().await.expect("sent");
            assert_eq!(ours.status(), 303, "{origin}");
        }
    }

    async fn an_unverified_admin_does_not_stand_in_for_the_last_verified_one(app) {
        app.staff("real-admin@example.org", "admin", PASSWORD).await;
        let store = app.store().await;
        let mut tx = store.write().await.expect("tx");
        let ghost = NewUser {
            id: UserId::parse("ghost-admin").expect("id"),
            email: "ghost@example.org".into(),
            password_hash: SecretString::from("!".to_string()),
            full_name: "Never Verified".into(),
            phone: None,
            language: Language::En,
            role: Role::Admin,
            email_verified_at: None,
            created_at: app.clock_ms(),
        };
        tx.users().create(&ghost).await.expect("created");
        tx.commit().await.expect("committed");
        let real = store.read().await.expect("read").users().find_by_email("real-admin@example.org").await.expect("q").expect("user");
        assert!(real.is_active_admin());
        let counted = store.read().await.expect("read").users().count_active_admins().await.expect("count");
        assert_eq!(counted, 1, "the unverified admin is not counted");

        // The use case refuses (an operator demoting the real admin)…
        let demoted = app.app.set_role_by_operator("real-admin@example.org", "officer").await;
        assert!(matches!(demoted, Err(puerta_app::AppError::Conflict("last_admin"))), "{demoted:?}");
        // …and so does the database, asked directly.
        for change in ["disable", "demote"] {
            let mut tx = store.write().await.expect("tx");
            tx.users().lock_admins().await.expect("lock");
            let outcome = match change {
                "disable" => tx.users().set_disabled(&real.id, Some(app.clock_ms()), app.clock_ms()).await,
                _ => tx.users().set_role(&real.id, Role::Officer, app.clock_ms()).await,
            };
            assert!(matches!(outcome, Err(StoreError::LastAdmin)), "{change}: {outcome:?}");
            drop(tx);
        }
        let still = store.read().await.expect("read").users().find_by_email("real-admin@example.org").await.expect("q").expect("user");
        assert!(still.is_active_admin(), "{still:?}");
        // The unverified one may go: it never counted.
        app.app.set_role_by_operator("ghost@example.org", "traveler").await.expect("the ghost is demoted");
        store.close().await;
    }

    async fn the_content_editor_refuses_an_unknown_language(app) {
        app.staff("editor@example.org", "admin", PASSWORD).await;
        let token = app.token("editor@example.org", PASSWORD).await;
        let (secret, _) = app.enrol_totp(&token).await;
        let mut browser = Browser::new(&app, &app.address);
        browser.sign_in("editor@example.org", Some(&secret)).await;
        let form = "/admin/entry-requirements/on-the-day?lang=es";
        assert_eq!(browser.get(form).await.status, 200);
        let fields = [("lang", "xx"), ("title", "Replaced"), ("summary", "S"), ("body", "Not English."), ("action", "save")];
        let refused = browser.submit(form, "/admin/entry-requirements/on-the-day", &fields).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("Choose one of the languages in the list."), "{}", refused.body);
        let english: serde_json::Value = app.get("/api/v1/entry-requirements/on-the-day?lang=en").await.json().await.expect("json");
        assert_eq!((english["version"].as_i64(), english["title"].as_str() == Some("Replaced")), (Some(1), false), "nothing saved as English");
        // A language from the list is saved as that language.
        let saved = browser.submit(form, "/admin/entry-requirements/on-the-day", &[("lang", "ht"), ("title", "Jou randevou a"), ("summary", "S"), ("body", "Vini bonè."), ("action", "save")]).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let creole: serde_json::Value = app.get("/api/v1/entry-requirements/on-the-day?lang=ht").await.json().await.expect("json");
        assert_eq!(creole["title"], "Jou randevou a");
    }

    async fn the_service_worker_keeps_only_what_a_visitor_may_see(app) {
        let sw = app.get("/sw.js").await.text().await.expect("js");
        assert!(sw.contains("credentials: \"omit\""), "public pages are stored as a visitor sees them");
        assert!(sw.contains("no-store|private") && sw.contains("Set-Cookie"), "answers that may not be stored are not");
        assert!(!sw.contains("\"/dashboard\"") && !sw.contains("\"/account\""), "no personal page is named for the cache");
    }
}

on_both_backends_with! {
    one_registration_an_hour;

    async fn a_throttled_answer_carries_one_retry_after(app) {
        assert_eq!(app.register("first@example.org", PASSWORD).await.status(), 202);
        let refused = app.register("second@example.org", PASSWORD).await;
        let values: Vec<HeaderValue> = refused.headers().get_all("retry-after").iter().cloned().collect();
        assert_eq!(values.len(), 1, "{values:?}");
        assert!(values[0].to_str().ok().and_then(|v| v.parse::<u64>().ok()).is_some_and(|s| (1..=3600).contains(&s)), "{values:?}");
        assert_problem(refused, 429, "too_many_requests").await;
    }
}

on_both_backends_with! {
    with_metrics_token;

    async fn metrics_need_the_metrics_token(app) {
        app.get("/api/v1/ports").await;
        app.get("/api/v1/ports/SYS").await;
        app.get("/api/v1/ports/XXX").await;
        let anonymous = app.get("/metrics").await;
        assert_eq!(anonymous.headers().get("www-authenticate").and_then(|v| v.to_str().ok()), Some("Bearer realm=\"metrics\""));
        assert_problem(anonymous, 401, "unauthenticated").await;
        assert_problem(app.get_with("/metrics", "not-the-metrics-token-at-all").await, 401, "unauthenticated").await;
        // A person's bearer token is not the metrics token either.
        app.verified_traveler("curious@example.org", PASSWORD).await;
        let token = app.token("curious@example.org", PASSWORD).await;
        assert_problem(app.get_with("/metrics", &token).await, 401, "unauthenticated").await;

        let response = app.get_with("/metrics", METRICS_TOKEN).await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("text/plain"));
        let text = response.text().await.expect("text");
        assert!(text.contains(r#"puerta_http_requests_total{method="GET",route="/api/v1/ports",status="200"} 1"#), "{text}");
        assert!(text.contains(r#"route="/api/v1/ports/{code}",status="404"} 1"#), "{text}");
        assert!(text.contains("puerta_http_request_duration_seconds_bucket"), "{text}");
        assert!(text.contains(r#"puerta_db_pool_connections{state="max"}"#), "{text}");
        assert!(!text.contains("XXX"), "raw paths are never labels");
    }
}

on_both_backends! {
    async fn without_a_metrics_token_there_are_no_metrics(app) {
        assert_problem(app.get("/metrics").await, 404, "not_found").await;
        assert_problem(app.get_with("/metrics", METRICS_TOKEN).await, 404, "not_found").await;
    }
}

on_both_backends_with! {
    over_https;

    async fn over_https_the_session_and_csrf_cookies_carry_the_host_prefix(app) {
        app.verified_traveler("secure@example.org", PASSWORD).await;
        let mut browser = Browser::new(&app, PUBLIC_URL);
        let page = browser.get("/sign-in").await;
        let csrf = page.set_cookies().into_iter().find(|c| c.contains("puerta_csrf=")).expect("a CSRF cookie");
        assert!(csrf.starts_with("__Host-puerta_csrf="), "{csrf}");
        for attribute in ["Secure", "Path=/", "HttpOnly"] {
            assert!(csrf.split(';').any(|a| a.trim() == attribute), "{attribute} in {csrf}");
        }
        assert!(!csrf.to_ascii_lowercase().contains("domain="), "{csrf}");

        // A plain-named CSRF cookie (planted over HTTP, or by a sibling domain) does not count.
        let token = page.csrf_token();
        let value = browser.cookies.get("__Host-puerta_csrf").expect("kept").clone();
        let planted = app.client.post(app.url("/language")).header("origin", PUBLIC_URL)
            .header("cookie", format!("puerta_csrf={value}")).form(&[("lang", "es"), ("next", "/"), ("csrf_token", &token)]).send().await.expect("sent");
        assert_eq!(planted.status(), 403);
        let prefixed = app.client.post(app.url("/language")).header("origin", PUBLIC_URL)
            .header("cookie", format!("__Host-puerta_csrf={value}")).form(&[("lang", "es"), ("next", "/"), ("csrf_token", &token)]).send().await.expect("sent");
        assert_eq!(prefixed.status(), 303);

        browser.sign_in("secure@example.org", None).await;
        let session = browser.cookies.get("__Host-puerta_session").expect("a prefixed session cookie").clone();
        assert!(!browser.cookies.contains_key("puerta_session"), "{:?}", browser.cookies);
        assert_eq!(browser.get("/dashboard").await.status, 200);
        // The same session under the plain name is not a session over HTTPS.
        let plain = app.client.get(app.url("/dashboard")).header("cookie", format!("puerta_session={session}")).send().await.expect("sent");
        assert_eq!(plain.status(), 303, "signed out without the prefix");
    }
}
