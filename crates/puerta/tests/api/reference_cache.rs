//! Ports and Entry Requirements are served from memory (issue 13), and an administrator's edit
//! shows on the very next request: in the API and on the pages, in Spanish and Haitian Creole,
//! on both backends, and on another instance sharing the PostgreSQL database.

use std::collections::BTreeMap;
use std::time::Duration;

use puerta_domain::ports::Port;

use crate::helpers::{PASSWORD, TestApp};

/// An administrator signed in through the pages, with a cookie session.
struct Editor {
    cookies: BTreeMap<String, String>,
}

impl Editor {
    async fn new(app: &TestApp) -> Self {
        app.staff("editor@example.org", "admin", PASSWORD).await;
        let token = app.token("editor@example.org", PASSWORD).await;
        let (secret, _) = app.enrol_totp(&token).await;
        let mut editor = Self { cookies: BTreeMap::new() };
        let signed = editor
            .submit(app, "/sign-in", "/sign-in", &[("email", "editor@example.org"), ("password", PASSWORD)])
            .await;
        assert_eq!(signed.0, 303, "{}", signed.1);
        // The enrolment used this step's code: the next one is fresh.
        app.clock.advance_secs(30);
        let code = app.totp_now(&secret);
        let done =
            editor.submit(app, "/sign-in/second-factor", "/sign-in/second-factor", &[("code", &code)]).await;
        assert_eq!(done.0, 303, "{}", done.1);
        editor
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> (u16, String) {
        let cookies = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let request = request.header("accept", "text/html").header("accept-language", "en");
        let request = if cookies.is_empty() { request } else { request.header("cookie", cookies) };
        let response = request.send().await.expect("sent");
        let status = response.status().as_u16();
        for set in response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()) {
            if let Some((name, value)) = set.split(';').next().and_then(|pair| pair.split_once('=')) {
                if value.is_empty() || set.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_string(), value.to_string());
                }
            }
        }
        (status, response.text().await.unwrap_or_default())
    }

    async fn get(&mut self, app: &TestApp, path: &str) -> (u16, String) {
        self.send(app.client.get(app.url(path))).await
    }

    /// Posts `fields` with the CSRF token of the form at `form`, from our own origin.
    async fn submit(
        &mut self,
        app: &TestApp,
        form: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String) {
        let (_, page) = self.get(app, form).await;
        let token = page
            .split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a form")
            .to_string();
        let mut fields = fields.to_vec();
        fields.push(("csrf_token", &token));
        self.send(app.client.post(app.url(action)).header("origin", &app.address).form(&fields)).await
    }

    /// Saves `on-the-day` in `lang` through the admin page, as an administrator does.
    async fn save(&mut self, app: &TestApp, lang: &str, title: &str, body: &str) {
        let form = format!("/admin/entry-requirements/on-the-day?lang={lang}");
        let fields = [("lang", lang), ("title", title), ("summary", "S"), ("body", body), ("action", "save")];
        let saved = self.submit(app, &form, "/admin/entry-requirements/on-the-day", &fields).await;
        assert_eq!(saved.0, 303, "{}", saved.1);
    }
}

/// A visitor's GET (no cookies) in `lang`: status, `ETag` and body.
async fn visit(
    base: &str,
    client: &reqwest::Client,
    path: &str,
    lang: &str,
    etag: Option<&str>,
) -> (u16, Option<String>, String) {
    let mut request = client.get(format!("{base}{path}")).header("accept-language", lang);
    if let Some(etag) = etag {
        request = request.header("if-none-match", etag);
    }
    let response = request.send().await.expect("sent");
    let status = response.status().as_u16();
    let etag = response.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string);
    (status, etag, response.text().await.expect("body"))
}

fn title_of(json: &str) -> String {
    let item: serde_json::Value = serde_json::from_str(json).expect("json");
    item["title"].as_str().unwrap_or_default().to_string()
}

on_both_backends! {
    async fn an_edit_shows_on_the_next_request_in_the_api_and_on_the_pages(app) {
        let mut editor = Editor::new(&app).await;
        let base = app.address.clone();
        for (lang, title, body) in [("es", "Llegue temprano, por favor", "Traiga **agua**."), ("ht", "Vini bonè, tanpri", "Pote **dlo**.")] {
            let item = format!("/api/v1/entry-requirements/on-the-day?lang={lang}");
            // Read once so that every answer below would come from memory.
            let (status, api_etag, before) = visit(&base, &app.client, &item, "en", None).await;
            assert_eq!(status, 200);
            assert_ne!(title_of(&before), title);
            let api_etag = api_etag.expect("an ETag");
            assert_eq!(visit(&base, &app.client, &item, "en", Some(&api_etag)).await.0, 304, "kept: not modified");
            let (_, page_etag, page) = visit(&base, &app.client, "/entry-requirements/on-the-day", lang, None).await;
            let page_etag = page_etag.expect("a visitor's page has an ETag");
            assert!(!page.contains("csrf_token") && !page.contains(title), "a visitor's page holds nobody's token");
            assert_eq!(visit(&base, &app.client, "/entry-requirements/on-the-day", lang, Some(&page_etag)).await.0, 304);
            visit(&base, &app.client, "/entry-requirements", lang, None).await;
            visit(&base, &app.client, "/api/v1/entry-requirements", lang, None).await;

            editor.save(&app, lang, title, body).await;

            // The very next request, each way in.
            let (status, etag, after) = visit(&base, &app.client, &item, "en", Some(&api_etag)).await;
            assert_eq!((status, title_of(&after).as_str()), (200, title), "{after}");
            assert_ne!(etag.as_deref(), Some(api_etag.as_str()));
            let by_header = visit(&base, &app.client, "/api/v1/entry-requirements/on-the-day", lang, None).await.2;
            assert_eq!(title_of(&by_header), title, "the language from Accept-Language");
            let list = visit(&base, &app.client, "/api/v1/entry-requirements", lang, None).await.2;
            assert!(list.contains(title), "{list}");
            let (status, _, page) = visit(&base, &app.client, "/entry-requirements/on-the-day", lang, Some(&page_etag)).await;
            assert_eq!(status, 200);
            assert!(page.contains(title) && page.contains("<strong>"), "{page}");
            let list_page = visit(&base, &app.client, "/entry-requirements", lang, None).await.2;
            assert!(list_page.contains(title), "{list_page}");
        }
        // The administrator's own page is made for them (their sign-out form), never a kept one.
        let (_, own) = editor.get(&app, "/entry-requirements/on-the-day").await;
        assert!(own.contains("csrf_token"), "{own}");
    }

    async fn a_port_page_kept_for_visitors_shows_the_time_there_to_the_minute(app) {
        let base = app.address.clone();
        let page = |body: &str| body.split("class=\"port-time\"").nth(1).and_then(|s| s.split("</p>").next()).unwrap_or_default().to_string();
        let first = visit(&base, &app.client, "/entry-requirements/port-sys", "es", None).await.2;
        let again = visit(&base, &app.client, "/entry-requirements/port-sys", "es", None).await.2;
        assert_eq!(page(&first), page(&again));
        app.clock.advance_secs(120);
        let later = visit(&base, &app.client, "/entry-requirements/port-sys", "es", None).await.2;
        assert!(!page(&later).is_empty() && page(&later) != page(&first), "{} / {}", page(&first), page(&later));
    }

    async fn ports_are_kept_and_revalidated(app) {
        let base = app.address.clone();
        let (status, etag, body) = visit(&base, &app.client, "/api/v1/ports", "en", None).await;
        assert_eq!(status, 200);
        let etag = etag.expect("an ETag");
        assert_eq!(visit(&base, &app.client, "/api/v1/ports", "en", Some(&etag)).await.0, 304);
        assert_eq!(visit(&base, &app.client, "/api/v1/ports", "en", None).await.2, body, "the same bytes");
        let one = visit(&base, &app.client, "/api/v1/ports/SYS", "en", None).await;
        assert_eq!(visit(&base, &app.client, "/api/v1/ports/SYS", "en", one.1.as_deref()).await.0, 304);
        assert_eq!(visit(&base, &app.client, "/api/v1/ports/NOG", "en", one.1.as_deref()).await.0, 200, "another port");
    }
}

/// Polls `path` on `base` (a generous deadline) until its body holds `text`.
async fn until_shown(client: &reqwest::Client, base: &str, path: &str, lang: &str, text: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let body = visit(base, client, path, lang, None).await.2;
        if body.contains(text) {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "{path} on {base} never showed {text}: {body}");
        tokio::task::yield_now().await;
    }
}

/// Two instances on one PostgreSQL database: an edit through one is what the other serves next
/// (its caches are dropped by the edit's announcement). SQLite runs as one instance.
#[tokio::test]
async fn on_postgresql_an_edit_through_one_instance_shows_on_another() {
    let Some(app) = TestApp::postgres().await else { return };
    let second = puerta::startup::Application::build_with_clock(&app.settings(), app.clock.clone())
        .await
        .expect("second instance");
    let other = format!("http://{}", second.local_addr().expect("bound"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(second.run_until(async move {
        let _ = stopped.await;
    }));
    let mut editor = Editor::new(&app).await;
    let item = "/api/v1/entry-requirements/on-the-day?lang=es";
    // The other instance keeps what it read.
    let before = visit(&other, &app.client, item, "es", None).await;
    assert_eq!(before.0, 200);
    visit(&other, &app.client, "/entry-requirements/on-the-day", "es", None).await;

    editor.save(&app, "es", "Desde la otra instancia", "Texto nuevo.").await;

    // The edit waited until its own instance heard its announcement, so PostgreSQL has handed
    // it to the other instance too; the poll only covers that instance's own scheduling.
    until_shown(&app.client, &other, item, "es", "Desde la otra instancia").await;
    until_shown(&app.client, &other, "/entry-requirements/on-the-day", "es", "Desde la otra instancia").await;
    let _ = stop.send(());
    server.await.expect("joined").expect("the second instance stopped cleanly");
}

/// Ports change only when reference data is seeded: an instance that seeds a new port (a newer
/// version starting beside running ones) announces it, and running instances read afresh.
#[tokio::test]
async fn on_postgresql_a_port_seeded_by_another_instance_is_listed_next() {
    let Some(app) = TestApp::postgres().await else { return };
    let base = app.address.clone();
    let listed = visit(&base, &app.client, "/api/v1/ports", "en", None).await.2;
    assert!(!listed.contains("\"ZZZ\""));
    let store = app.store().await;
    let mut tx = store.write().await.expect("tx");
    let port =
        Port::from_parts("ZZZ", "Test crossing".into(), "Test".into(), "Texas".into(), "America/Chicago", 10)
            .expect("a port");
    tx.ports().seed(&[port]).await.expect("seeded");
    tx.announce("cache:ports:1").await.expect("announced");
    tx.commit().await.expect("committed");
    until_shown(&app.client, &base, "/api/v1/ports", "en", "\"ZZZ\"").await;
    until_shown(&app.client, &base, "/api/v1/ports/ZZZ", "en", "Test crossing").await;
    store.close().await;
}
