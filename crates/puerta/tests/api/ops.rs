on_both_backends! {
    async fn healthz_answers_while_the_process_runs(app) {
        let response = app.get("/healthz").await;
        assert_eq!(response.status(), 200);
    }

    async fn readyz_answers_when_the_database_does(app) {
        let response = app.get("/readyz").await;
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["status"], "ready");
    }

    async fn metrics_count_requests_per_route_and_show_the_pool(app) {
        app.get("/api/v1/ports").await;
        app.get("/api/v1/ports/SYS").await;
        app.get("/api/v1/ports/XXX").await;
        let response = app.get("/metrics").await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("text/plain"));
        let text = response.text().await.expect("text");
        assert!(text.contains(r#"puerta_http_requests_total{method="GET",route="/api/v1/ports",status="200"} 1"#), "{text}");
        assert!(text.contains(r#"route="/api/v1/ports/{code}",status="404"} 1"#), "{text}");
        assert!(text.contains("puerta_http_request_duration_seconds_bucket"), "{text}");
        assert!(text.contains(r#"puerta_db_pool_connections{state="max"}"#), "{text}");
        assert!(!text.contains("XXX"), "raw paths are never labels");
    }

    async fn every_response_carries_a_request_id(app) {
        let a = app.get("/healthz").await;
        let b = app.get("/api/v1/nothing").await;
        let id = |r: &reqwest::Response| r.headers().get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
        assert!(id(&a).is_some() && id(&b).is_some());
        assert_ne!(id(&a), id(&b));
    }
}
