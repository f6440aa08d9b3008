//! Account pages in a cookie-keeping client, as a browser without JavaScript would use them.

use crate::helpers::TestApp;

const PASSWORD: &str = "a long river of stars";

/// A browser: keeps cookies, sends our Origin on form posts, reads the CSRF token from forms.
struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    language: &'static str,
}

impl<'a> Browser<'a> {
    fn new(app: &'a TestApp, language: &'static str) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self { app, client, language }
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let r = self
            .client
            .get(self.app.url(path))
            .header("accept", "text/html")
            .header("accept-language", self.language)
            .send()
            .await
            .expect("sent");
        (r.status().as_u16(), r.text().await.expect("html"))
    }

    /// GETs `form_path`, then posts `fields` with its CSRF token; returns (status, location, body).
    async fn submit(&self, form_path: &str, action: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let (_, html) = self.get(form_path).await;
        let token = csrf_token(&html).unwrap_or_default();
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.post(action, &form, Some(&self.app.address)).await
    }

    async fn post(&self, action: &str, form: &[(&str, &str)], origin: Option<&str>) -> (u16, String, String) {
        let mut request = self
            .client
            .post(self.app.url(action))
            .header("accept", "text/html")
            .header("accept-language", self.language)
            .form(form);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let r = request.send().await.expect("sent");
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (r.status().as_u16(), location, r.text().await.unwrap_or_default())
    }
}

fn csrf_token(html: &str) -> Option<String> {
    html.split("name=\"csrf_token\" value=\"").nth(1)?.split('"').next().map(str::to_string)
}

async fn registered_and_signed_in<'a>(app: &'a TestApp, email: &str, language: &'static str) -> Browser<'a> {
    let browser = Browser::new(app, language);
    let (status, location, _) = browser
        .submit(
            "/register",
            "/register",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("full_name", "Jean Pierre"),
                ("phone", ""),
                ("language", language),
            ],
        )
        .await;
    assert_eq!((status, location.starts_with("/verify")), (303, true), "{location}");
    let code = app.last_code_for(email).await;
    let (status, location, _) =
        browser.submit(&location, "/verify", &[("email", email), ("code", &code)]).await;
    assert_eq!((status, location.as_str()), (303, "/sign-in?notice=verify-done"));
    let (status, location, _) =
        browser.submit("/sign-in", "/sign-in", &[("email", email), ("password", PASSWORD)]).await;
    assert_eq!((status, location.as_str()), (303, "/dashboard"));
    browser
}

on_both_backends! {
    async fn the_this_wasnt_me_page_is_titled_for_what_it_asks_not_for_what_it_did(app) {
        let browser = Browser::new(&app, "en");
        let (status, html) = browser.get("/account/wasnt-me?token=abc").await;
        assert_eq!(status, 200);
        assert!(html.contains("<h1>Protect your account</h1>"), "{html}");
        assert!(!html.contains("secured"), "nothing was done yet: {html}");
    }

    async fn a_newcomer_registers_verifies_signs_in_and_out_in_haitian_creole(app) {
        let browser = registered_and_signed_in(&app, "jean@example.org", "ht").await;
        let (status, html) = browser.get("/dashboard").await;
        assert_eq!(status, 200);
        assert!(html.contains("<html lang=\"ht\">"), "{html}");
        assert!(html.contains("Jean Pierre"));
        let (status, html) = browser.get("/account").await;
        assert_eq!(status, 200);
        assert!(html.contains("jean@example.org"));
        let (status, location, _) = browser.submit("/account", "/sign-out", &[]).await;
        assert_eq!((status, location.as_str()), (303, "/sign-in?notice=signed-out"));
        let (status, _) = browser.get("/account").await;
        assert_eq!(status, 303, "signed out: the account page sends you to sign in");
    }

    async fn pages_follow_the_browser_language_and_the_switcher(app) {
        let browser = Browser::new(&app, "es-MX,es;q=0.9");
        let (_, html) = browser.get("/sign-in").await;
        assert!(html.contains("<html lang=\"es\">") && html.contains("Iniciar sesión"), "{html}");
        let (status, location, _) = browser.submit("/sign-in", "/language", &[("lang", "ht"), ("next", "/sign-in")]).await;
        assert_eq!((status, location.as_str()), (303, "/sign-in"));
        let (_, html) = browser.get("/sign-in").await;
        assert!(html.contains("<html lang=\"ht\">"), "the cookie now wins: {html}");
        let (_, location, _) = browser.submit("/sign-in", "/language", &[("lang", "en"), ("next", "https://evil.example/")]).await;
        assert_eq!(location, "/", "never an open redirect");
    }

    async fn forms_refuse_a_missing_or_wrong_csrf_token_or_a_foreign_origin(app) {
        let browser = Browser::new(&app, "en");
        let (_, html) = browser.get("/register").await;
        let token = csrf_token(&html).expect("token");
        let fields = [("email", "x@example.org"), ("password", PASSWORD), ("full_name", "X"), ("language", "en")];
        let (status, _, body) = browser.post("/register", &fields, Some(&app.address)).await;
        assert_eq!(status, 403, "missing token");
        assert!(body.contains("<html"), "a page, not JSON");
        let mut wrong = fields.to_vec();
        wrong.push(("csrf_token", "0000"));
        assert_eq!(browser.post("/register", &wrong, Some(&app.address)).await.0, 403, "wrong token");
        let mut right = fields.to_vec();
        right.push(("csrf_token", &token));
        assert_eq!(browser.post("/register", &right, Some("http://evil.example")).await.0, 403, "foreign origin");
        assert_eq!(browser.post("/register", &right, None).await.0, 403, "no origin or referer");
        // A token from another browser's cookie does not fit this one.
        let other = Browser::new(&app, "en");
        assert_eq!(other.post("/register", &right, Some(&app.address)).await.0, 403, "someone else's token");
        assert_eq!(app.emails_to("x@example.org").await, 0);
        assert_eq!(browser.post("/register", &right, Some(&app.address)).await.0, 303, "the real thing passes");
    }

    async fn form_errors_are_summarised_and_shown_beside_their_fields(app) {
        let browser = Browser::new(&app, "es");
        let (status, _, html) = browser
            .submit("/register", "/register", &[("email", "nope"), ("password", "short"), ("full_name", ""), ("language", "es")])
            .await;
        assert_eq!(status, 422);
        assert!(html.contains("class=\"error-summary\""));
        assert!(html.contains("href=\"#email\"") && html.contains("href=\"#password\"") && html.contains("href=\"#full_name\""));
        assert!(html.contains("id=\"password-error\"") && html.contains("aria-invalid=\"true\""));
        assert!(html.contains("12 caracteres"), "in Spanish: {html}");
        assert!(html.contains("value=\"nope\""), "what was typed is kept");
    }

    async fn a_session_ends_after_fifteen_idle_minutes_and_at_sign_in_the_id_changes(app) {
        let browser = registered_and_signed_in(&app, "idle@example.org", "en").await;
        assert_eq!(browser.get("/account").await.0, 200);
        app.clock.advance_secs(14 * 60);
        assert_eq!(browser.get("/account").await.0, 200, "activity restarts the idle clock");
        app.clock.advance_secs(15 * 60);
        let r = browser.client.get(app.url("/account")).send().await.expect("sent");
        assert_eq!(r.headers().get("location").and_then(|v| v.to_str().ok()), Some("/sign-in?expired=1"));
    }

    async fn sessions_last_at_most_twelve_hours(app) {
        let browser = registered_and_signed_in(&app, "long@example.org", "en").await;
        // Active every 14.5 minutes for 11 h 50.5 min: still signed in.
        for step in 0..49 {
            app.clock.advance_secs(14 * 60 + 30);
            assert_eq!(browser.get("/account").await.0, 200, "step {step}");
        }
        app.clock.advance_secs(14 * 60 + 30);
        assert_eq!(browser.get("/account").await.0, 303, "ended by the 12-hour limit");
    }

    async fn a_cookie_session_needs_the_csrf_header_for_api_writes(app) {
        let browser = registered_and_signed_in(&app, "mixed@example.org", "en").await;
        let me = browser.client.get(app.url("/api/v1/me")).send().await.expect("sent");
        assert_eq!(me.status(), 200, "reads with the cookie work");
        let write = browser.client.patch(app.url("/api/v1/me")).header("origin", &app.address).json(&serde_json::json!({"language": "es"})).send().await.expect("sent");
        assert_eq!(write.status(), 403);
        let body: serde_json::Value = write.json().await.expect("json");
        assert_eq!(body["code"], "csrf_failed");
        let me: serde_json::Value = browser.client.get(app.url("/api/v1/me")).send().await.expect("sent").json().await.expect("json");
        assert_eq!(me["language"], "en", "the refused write changed nothing");

        // With the page's CSRF token in the header, the same write goes through.
        let (_, html) = browser.get("/account").await;
        let token = csrf_token(&html).expect("token");
        let write = browser.client.patch(app.url("/api/v1/me")).header("origin", &app.address).header("x-csrf-token", &token).json(&serde_json::json!({"language": "es"})).send().await.expect("sent");
        assert_eq!(write.status(), 200);
        let me: serde_json::Value = write.json().await.expect("json");
        assert_eq!(me["language"], "es");
    }

    async fn a_partner_signs_in_to_the_partners_home(app) {
        app.staff("shelter@example.org", "partner", PASSWORD).await;
        let browser = Browser::new(&app, "en");
        let (status, location, _) = browser.submit("/sign-in", "/sign-in", &[("email", "shelter@example.org"), ("password", PASSWORD)]).await;
        assert_eq!((status, location.as_str()), (303, "/partner"), "partners start at their own home");
        let r = browser.client.get(app.url("/partner")).send().await.expect("sent");
        assert_eq!(r.headers().get("location").and_then(|v| v.to_str().ok()), Some("/account/two-step?notice=staff-mfa-needed"));
        let (_, html) = browser.get("/account/two-step").await;
        let secret = html.split("class=\"secret\">").nth(1).and_then(|s| s.split('<').next()).expect("secret").to_string();
        let code = app.totp_now(&secret);
        let (status, _, _) = browser.submit("/account/two-step", "/account/two-step", &[("password", PASSWORD), ("code", &code)]).await;
        assert_eq!(status, 200);
        let (status, html) = browser.get("/partner").await;
        assert_eq!(status, 200);
        assert!(html.contains("<h1>Partner home</h1>") && html.contains("1450"), "{html}");
        assert!(html.contains("href=\"/partner\""), "the navigation leads home: {html}");
        assert_eq!(browser.get("/staff").await.0, 403, "the staff home is not theirs");
    }

    async fn an_officer_is_sent_to_set_up_two_step_before_the_staff_home(app) {
        app.staff("officer@example.org", "officer", PASSWORD).await;
        let browser = Browser::new(&app, "en");
        let (status, location, _) = browser.submit("/sign-in", "/sign-in", &[("email", "officer@example.org"), ("password", PASSWORD)]).await;
        assert_eq!((status, location.as_str()), (303, "/staff"), "staff start at the staff home");
        let r = browser.client.get(app.url("/staff")).send().await.expect("sent");
        assert_eq!(r.headers().get("location").and_then(|v| v.to_str().ok()), Some("/account/two-step?notice=staff-mfa-needed"));
        let (status, html) = browser.get("/account/two-step").await;
        assert_eq!(status, 200);
        assert!(html.contains("<svg"), "the QR code is drawn by the server");
        let secret = html.split("class=\"secret\">").nth(1).and_then(|s| s.split('<').next()).expect("secret").to_string();
        let code = app.totp_now(&secret);
        let (status, _, html) = browser.submit("/account/two-step", "/account/two-step", &[("password", PASSWORD), ("code", &code)]).await;
        assert_eq!(status, 200);
        assert_eq!(html.matches("<li><code>").count(), 10, "ten recovery codes");
        assert_eq!(browser.get("/staff").await.0, 200);

        // Next sign-in asks for the second factor on its own page.
        let next = Browser::new(&app, "en");
        let (_, location, _) = next.submit("/sign-in", "/sign-in", &[("email", "officer@example.org"), ("password", PASSWORD)]).await;
        assert_eq!(location, "/sign-in/second-factor");
        assert_eq!(next.get("/staff").await.0, 303, "not signed in until the second step");
        app.clock.advance_secs(30); // the enrolment's code is spent: the app shows the next one
        let code = app.totp_now(&secret);
        let (status, location, _) = next.submit("/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
        assert_eq!((status, location.as_str()), (303, "/staff"));
        let (status, html) = next.get("/staff").await;
        assert_eq!(status, 200);
        assert!(html.contains("1450") && html.contains("Pacific Time"), "the staff home shows capacity: {html}");
        assert!(!html.contains("href=\"/dashboard\""), "staff have their own navigation");
    }

    async fn error_pages_are_friendly_localized_and_carry_the_request_id(app) {
        let browser = Browser::new(&app, "ht");
        let r = browser.client.get(app.url("/no-such-page")).header("accept", "text/html").header("accept-language", "ht").send().await.expect("sent");
        assert_eq!(r.status(), 404);
        let id = r.headers().get("x-request-id").and_then(|v| v.to_str().ok()).expect("id").to_string();
        let html = r.text().await.expect("html");
        assert!(html.contains("<html lang=\"ht\">") && html.contains(&id), "{html}");
    }
}

/// Bytes on the wire (brotli) for a GET in this browser.
async fn wire_size(browser: &Browser<'_>, path: &str) -> (u16, usize, String) {
    let r = browser
        .client
        .get(browser.app.url(path))
        .header("accept-encoding", "br")
        .header("accept", "text/html")
        .send()
        .await
        .expect("sent");
    let status = r.status().as_u16();
    let bytes = r.bytes().await.expect("bytes");
    let plain = browser
        .client
        .get(browser.app.url(path))
        .header("accept", "text/html")
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .unwrap_or_default();
    (status, bytes.len(), plain)
}

fn asset_hrefs(html: &str) -> Vec<String> {
    html.split("href=\"/static/")
        .skip(1)
        .chain(html.split("src=\"/static/").skip(1))
        .filter_map(|s| s.split('"').next())
        .filter(|s| s.ends_with(".css") || s.ends_with(".js"))
        .map(|s| format!("/static/{s}"))
        .collect()
}

on_both_backends! {
    async fn every_traveler_page_weighs_under_30_kilobytes_on_the_wire(app) {
        let browser = registered_and_signed_in(&app, "light@example.org", "es").await;
        let list: serde_json::Value = app.get("/api/v1/entry-requirements?lang=es").await.json().await.expect("json");
        let items = list["items"].as_array().expect("items").clone();
        let mut paths: Vec<String> = ["/", "/dashboard", "/account", "/entry-requirements", "/account/password", "/account/phone"].iter().map(|s| s.to_string()).collect();
        paths.extend(items.iter().filter_map(|i| i["slug"].as_str()).map(|s| format!("/entry-requirements/{s}")));
        let anonymous = Browser::new(&app, "ht");
        for path in ["/register", "/sign-in", "/forgot-password", "/offline"] {
            let (status, html_bytes, html) = wire_size(&anonymous, path).await;
            assert_eq!(status, 200, "{path}");
            let assets: usize = {
                let mut total = 0;
                for href in asset_hrefs(&html) { total += wire_size(&anonymous, &href).await.1; }
                total
            };
            assert!(html_bytes + assets <= 30 * 1024, "{path}: {html_bytes} + {assets} bytes");
        }
        for path in paths {
            let (status, html_bytes, html) = wire_size(&browser, &path).await;
            assert_eq!(status, 200, "{path}");
            let hrefs = asset_hrefs(&html);
            assert_eq!(hrefs.len(), 2, "{path}: one stylesheet, one script: {hrefs:?}");
            let mut assets = 0;
            for href in hrefs {
                let r = browser.client.get(app.url(&href)).send().await.expect("sent");
                assert!(r.headers().get("cache-control").and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("immutable")), "{href}");
                assets += wire_size(&browser, &href).await.1;
            }
            assert!(!html.contains("http://") && !html.contains("https://"), "{path}: no third-party request");
            assert!(html_bytes + assets <= 30 * 1024, "{path}: {html_bytes} + {assets} bytes");
        }
    }

    async fn pages_with_personal_data_are_never_stored(app) {
        let browser = registered_and_signed_in(&app, "private@example.org", "en").await;
        for path in ["/dashboard", "/account"] {
            let r = browser.client.get(app.url(path)).send().await.expect("sent");
            assert_eq!(r.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store, private"), "{path}");
        }
        // A public page, but shown to a signed-in person (their navigation, their forms).
        let r = browser.client.get(app.url("/entry-requirements/on-the-day")).send().await.expect("sent");
        assert_eq!(r.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store, private"));
    }
}
