use crate::helpers::assert_problem;

on_both_backends! {
    async fn an_unknown_route_is_a_404_problem(app) {
        assert_problem(app.get("/api/v1/nothing-here").await, 404, "not_found").await;
        assert_problem(app.get("/definitely/not/here").await, 404, "not_found").await;
    }

    async fn a_wrong_method_is_a_405_problem_with_allow(app) {
        let response = app.client.delete(app.url("/api/v1/ports")).send().await.expect("sent");
        let allow = response.headers().get("allow").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        assert!(allow.contains("GET"), "Allow: {allow}");
        assert_problem(response, 405, "method_not_allowed").await;
    }

    async fn a_body_over_the_limit_is_a_413_problem(app) {
        let body = vec![b'x'; 2 * 1024 * 1024];
        let response = app.client.post(app.url("/api/v1/ports")).body(body).send().await.expect("sent");
        assert_problem(response, 413, "payload_too_large").await;
    }

    async fn malformed_json_is_a_400_problem(app) {
        let r = app.client.post(app.url("/api/v1/accounts")).header("content-type", "application/json").body("{\"email\": ").send().await.expect("sent");
        assert_problem(r, 400, "malformed_json").await;
    }

    async fn a_body_that_is_not_json_is_a_415_problem(app) {
        let r = app.client.post(app.url("/api/v1/accounts")).header("content-type", "text/plain").body("email=a").send().await.expect("sent");
        assert_problem(r, 415, "unsupported_media_type").await;
    }

    async fn a_wrongly_typed_field_is_a_422_problem_naming_it(app) {
        let r = app.client.post(app.url("/api/v1/accounts")).json(&serde_json::json!({"email": 5, "password": "x", "full_name": "y", "language": "en"})).send().await.expect("sent");
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "email");
        assert_eq!(body["errors"][0]["code"], "invalid");
    }
}
