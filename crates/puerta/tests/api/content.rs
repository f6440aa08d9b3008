//! Entry Requirements: public, in every language, versioned, edited by administrators.

use puerta_app::content::EntryEdit;
use puerta_domain::content::ContentVersion;
use puerta_i18n::Language;

use crate::helpers::assert_problem;

on_both_backends! {
    async fn the_list_is_seeded_in_every_language(app) {
        for (lang, word) in [("en", "Documents"), ("es", "Documentos"), ("ht", "Dokiman")] {
            let r = app.get(&format!("/api/v1/entry-requirements?lang={lang}")).await;
            assert_eq!(r.status(), 200);
            let body: serde_json::Value = r.json().await.expect("json");
            assert!(body["next_cursor"].is_null(), "{body}");
            let items: Vec<serde_json::Value> = body["items"].as_array().expect("items").clone();
            assert!(items.len() >= 14, "{lang}: {}", items.len());
            for item in &items {
                assert_eq!(item["language"], lang);
                assert_eq!(item["fallback"], false);
                for key in ["slug", "title", "summary", "updated_at"] {
                    assert!(item[key].as_str().is_some_and(|v| !v.is_empty()), "{lang} {key}: {item}");
                }
            }
            let docs = items.iter().find(|i| i["slug"] == "documents-to-bring").expect("documents");
            assert!(docs["title"].as_str().is_some_and(|t| t.contains(word)), "{lang}: {docs}");
        }
    }

    async fn an_item_is_sanitized_html_with_its_version(app) {
        let r = app.get("/api/v1/entry-requirements/port-sys?lang=es").await;
        assert_eq!(r.status(), 200);
        let item: serde_json::Value = r.json().await.expect("json");
        assert_eq!((item["slug"].as_str(), item["version"].as_i64(), item["language"].as_str()), (Some("port-sys"), Some(1), Some("es")));
        let html = item["body_html"].as_str().expect("html");
        assert!(html.contains("<h2>") || html.contains("<p>"), "{html}");
        assert!(!html.contains("<script"));
        assert_problem(app.get("/api/v1/entry-requirements/no-such-page").await, 404, "not_found").await;
        assert_problem(app.get("/api/v1/entry-requirements/..%2Fetc").await, 404, "not_found").await;
    }

    async fn an_untranslated_item_falls_back_to_english_and_says_so(app) {
        let english_only = ContentVersion {
            slug: "new-rule".into(),
            language: Language::En,
            version: 1,
            position: 5,
            title: "A new rule".into(),
            summary: "Only in English so far.".into(),
            body_md: "Read this.".into(),
            author_id: None,
            created_at_ms: 1,
        };
        let store = app.store().await;
        let mut tx = store.write().await.expect("tx");
        tx.content().add_version(&english_only).await.expect("stored");
        tx.commit().await.expect("committed");
        store.close().await;
        let item: serde_json::Value = app.get("/api/v1/entry-requirements/new-rule?lang=ht").await.json().await.expect("json");
        assert_eq!((item["language"].as_str(), item["fallback"].as_bool()), (Some("en"), Some(true)));
        let list: serde_json::Value = app.get("/api/v1/entry-requirements?lang=ht").await.json().await.expect("json");
        let list = list["items"].as_array().expect("items").clone();
        let listed = list.iter().find(|i| i["slug"] == "new-rule").expect("listed");
        assert_eq!(listed["fallback"], true);
        let page = app.client.get(app.url("/entry-requirements/new-rule")).header("accept-language", "ht").send().await.expect("sent").text().await.expect("html");
        assert!(page.contains("<article lang=\"en\">") && page.contains("banner warning"), "{page}");
    }

    async fn pages_are_spanish_when_asked_and_light_on_the_wire(app) {
        let r = app.client.get(app.url("/entry-requirements")).header("accept-language", "es").header("accept-encoding", "br").send().await.expect("sent");
        assert_eq!(r.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("br"));
        assert_eq!(r.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-cache"));
        let compressed = r.bytes().await.expect("bytes").len();
        let html = app.client.get(app.url("/entry-requirements")).header("accept-language", "es").send().await.expect("sent").text().await.expect("html");
        assert!(html.contains("<html lang=\"es\">") && html.contains("Requisitos de entrada"), "{html}");
        assert!(compressed < 30 * 1024);
    }

    async fn a_port_page_shows_the_time_there_with_the_zone_named(app) {
        let page = app.client.get(app.url("/entry-requirements/port-nog")).header("accept-language", "es").send().await.expect("sent").text().await.expect("html");
        assert!(page.contains("hora de Arizona"), "{page}");
        let page = app.client.get(app.url("/entry-requirements/port-sys")).header("accept-language", "en").send().await.expect("sent").text().await.expect("html");
        assert!(page.contains("Pacific Time"), "{page}");
    }

    async fn only_an_administrator_edits_and_each_edit_is_a_new_version(app) {
        app.staff("editor@example.org", "admin", "a long river of stars").await;
        let token = app.token("editor@example.org", "a long river of stars").await;
        app.enrol_totp(&token).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        let actor_id = me["id"].as_str().expect("id").to_string();
        // Through the use case the page calls (the page test covers the form itself).
        let actor = app.app.authenticate(&token, puerta_app::accounts::SessionKind::Bearer).await.expect("actor");
        let ctx = puerta_app::accounts::RequestContext::default();
        let version = app.app
            .edit_entry_requirement(&ctx, &actor, EntryEdit { slug: "on-the-day", language: puerta_i18n::Language::Es, title: "El día de la cita", summary: "Qué pasa.", body_md: "## Llegue temprano\n\n<script>x()</script>Traiga agua." })
            .await
            .expect("saved");
        assert_eq!(version, 2);
        let item: serde_json::Value = app.get("/api/v1/entry-requirements/on-the-day?lang=es").await.json().await.expect("json");
        assert_eq!((item["version"].as_i64(), item["title"].as_str()), (Some(2), Some("El día de la cita")));
        assert!(!item["body_html"].as_str().unwrap_or("").contains("<script"));
        let english: serde_json::Value = app.get("/api/v1/entry-requirements/on-the-day?lang=en").await.json().await.expect("json");
        assert_eq!(english["version"], 1, "other languages untouched");
        let audit: serde_json::Value = app.get_with("/api/v1/admin/audit?action=content_edited", &token).await.json().await.expect("json"); let audit = audit["items"].clone();
        assert_eq!((audit[0]["actor_id"].as_str(), audit[0]["detail"].as_str()), (Some(actor_id.as_str()), Some("on-the-day es v2")));
        let bad = app.app.edit_entry_requirement(&ctx, &actor, EntryEdit { slug: "on-the-day", language: puerta_i18n::Language::Es, title: "", summary: "", body_md: "" }).await;
        assert!(matches!(bad, Err(puerta_app::AppError::Validation(ref p)) if p.len() == 2), "{bad:?}");

        app.verified_traveler("reader@example.org", "a long river of stars").await;
        let reader_token = app.token("reader@example.org", "a long river of stars").await;
        let reader = app.app.authenticate(&reader_token, puerta_app::accounts::SessionKind::Bearer).await.expect("actor");
        let refused = app.app.edit_entry_requirement(&ctx, &reader, EntryEdit { slug: "on-the-day", language: puerta_i18n::Language::Es, title: "X", summary: "", body_md: "Y" }).await;
        assert!(matches!(refused, Err(puerta_app::AppError::Forbidden)), "{refused:?}");
    }

    async fn the_app_installs_and_works_offline(app) {
        let manifest: serde_json::Value = app.get("/manifest.webmanifest").await.json().await.expect("json");
        assert_eq!((manifest["display"].as_str(), manifest["start_url"].as_str()), (Some("standalone"), Some("/dashboard")));
        let icons = manifest["icons"].as_array().expect("icons");
        assert!(icons.len() >= 3);
        for icon in icons {
            let r = app.get(icon["src"].as_str().expect("src")).await;
            assert_eq!(r.status(), 200, "{icon}");
        }
        let sw = app.get("/sw.js").await;
        assert!(sw.headers()["content-type"].to_str().unwrap_or("").starts_with("text/javascript"));
        let sw = sw.text().await.expect("js");
        assert!(sw.contains("/static/app.") && sw.contains("/entry-requirements") && !sw.contains("__CSS__"), "{sw}");
        assert_eq!(app.get("/offline").await.status(), 200);
    }
}
