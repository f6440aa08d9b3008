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

    // `/metrics` needs the metrics token: see `hardening::metrics_need_the_metrics_token`.

    async fn every_response_carries_a_request_id(app) {
        let a = app.get("/healthz").await;
        let b = app.get("/api/v1/nothing").await;
        let id = |r: &reqwest::Response| r.headers().get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
        assert!(id(&a).is_some() && id(&b).is_some());
        assert_ne!(id(&a), id(&b));
    }
}
