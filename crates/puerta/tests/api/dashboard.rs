//! `GET /api/v1/dashboard`: what the dashboard page shows its reader, as JSON: only their own
//! cases, requests and offers, and a sign-in first.

use puerta_app::accounts::RequestContext;
use serde_json::json;

use crate::appointments::{DRAW_DATE, TIJUANA, at, group, into_window, staff};
use crate::helpers::{TestApp, assert_problem, bearer_post as post, json_of};

async fn dashboard(app: &TestApp, token: &str) -> serde_json::Value {
    json_of(app.get_with("/api/v1/dashboard", token).await, 200).await
}

fn references(d: &serde_json::Value) -> Vec<String> {
    d["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["reference_number"].as_str().expect("ref").to_string())
        .collect()
}

on_both_backends! {
    async fn the_dashboard_shows_its_reader_their_own_and_nothing_else(app) {
        assert_problem(app.get("/api/v1/dashboard").await, 401, "unauthenticated").await;
        assert_problem(app.get_with("/api/v1/dashboard", "not-a-token").await, 401, "unauthenticated").await;

        into_window(&app);
        let ctx = RequestContext::default();
        app.app.set_draw_capacity(&ctx, None, "SYS", DRAW_DATE, 2).await.expect("capacity set");
        let admin = staff(&app, "root@example.org", "admin").await;
        let (a, a_ids) = group(&app, "a@example.org", 2).await;
        let (b, _) = group(&app, "b@example.org", 1).await;

        let first = dashboard(&app, &a).await;
        assert_eq!(first["full_name"], "Ana Pérez");
        assert_eq!(first["language"], "es");
        assert_eq!(first["unread"]["messages"], 0);
        assert!(first["unread"]["notifications"].is_i64());
        assert_eq!(first["notices"], json!([]));
        for list in ["requests", "offers", "appointments"] {
            assert_eq!(first[list], json!([]), "{list}");
        }
        assert_eq!(first["more_cases"], false);
        let cases = first["cases"].as_array().expect("cases");
        assert_eq!(cases.len(), 2, "one case per traveler of the group");
        for case in cases {
            assert!(case["reference_number"].as_str().is_some_and(|r| r.starts_with("PUE")), "{case}");
            assert!(case["status"].is_string() && case["updated_at"].is_string(), "{case}");
        }
        let (a_refs, b_refs) = (references(&first), references(&dashboard(&app, &b).await));
        assert_eq!(b_refs.len(), 1);
        assert!(!a_refs.contains(&b_refs[0]), "only one's own cases");

        // A request, then a policy notice: both show, to their reader only.
        let body = json!({"port_code": "SYS", "traveler_ids": a_ids, "location": at(TIJUANA, 30.0)});
        json_of(post(&app, &a, "/api/v1/appointment-requests", body).await, 201).await;
        let title = json!({"en": "New hours", "es": "Nuevo horario", "ht": "Nouvo lè"});
        let text = json!({"en": "Ports open at 7.", "es": "Los puertos abren a las 7.", "ht": "Pò yo ouvri a 7è."});
        let notice = json!({"title": title, "body": text, "audience": {"kind": "all"}});
        let notice = json_of(post(&app, &admin, "/api/v1/admin/notices", notice).await, 201).await;
        let with_request = dashboard(&app, &a).await;
        let requests = with_request["requests"].as_array().expect("requests");
        assert_eq!(requests.len(), 1);
        assert_eq!(
            (requests[0]["status"].as_str(), requests[0]["port_code"].as_str(), requests[0]["group_size"].as_i64()),
            (Some("requested"), Some("SYS"), Some(2))
        );
        assert_eq!(requests[0]["draw_date"], DRAW_DATE);
        let notices = with_request["notices"].as_array().expect("notices");
        assert_eq!(notices.len(), 1);
        assert_eq!((notices[0]["id"].as_str(), notices[0]["title"].as_str()), (notice["id"].as_str(), Some("Nuevo horario")));
        let unread = |d: &serde_json::Value| d["unread"]["notifications"].as_i64().expect("count");
        assert!(unread(&with_request) > unread(&first), "the notice is unread");
        assert_eq!(dashboard(&app, &b).await["requests"], json!([]));

        // The draw offers the group its places.
        app.app.run_draw(&ctx, DRAW_DATE).await.expect("the draw runs");
        let offered = dashboard(&app, &a).await;
        assert_eq!(offered["requests"], json!([]), "selected: no longer standing");
        let offers = offered["offers"].as_array().expect("offers");
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0]["port_code"], "SYS");
        assert!(offers[0]["offer_expires_at"].is_string() && offers[0]["scheduled_at"].is_string());
        assert!(offers[0]["confirmation_number"].is_null());
        assert_eq!(dashboard(&app, &b).await["offers"], json!([]));
    }
}
