/// Every route the application serves, by method and OpenAPI path. Adding a route means adding it
/// here, and the test then fails until the route is also in the document.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/ports"),
    ("get", "/api/v1/ports/{code}"),
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("post", "/api/v1/accounts"),
    ("post", "/api/v1/accounts/verify"),
    ("post", "/api/v1/accounts/verify/resend"),
    ("post", "/api/v1/password-resets"),
    ("post", "/api/v1/password-resets/complete"),
    ("get", "/api/v1/challenge"),
    ("post", "/api/v1/sessions"),
    ("delete", "/api/v1/sessions/current"),
    ("post", "/api/v1/sessions/wasnt-me"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("post", "/api/v1/me/password"),
    ("post", "/api/v1/me/email"),
    ("post", "/api/v1/me/email/confirm"),
    ("post", "/api/v1/me/totp"),
    ("post", "/api/v1/me/totp/confirm"),
    ("get", "/api/v1/me/export"),
    ("post", "/api/v1/me/deletion"),
    ("get", "/api/v1/staff/overview"),
    ("get", "/api/v1/admin/users"),
    ("patch", "/api/v1/admin/users/{id}"),
    ("post", "/api/v1/admin/users/{id}/mfa-reset"),
    ("get", "/api/v1/admin/audit"),
    ("get", "/api/v1/admin/deliveries"),
    ("get", "/api/v1/partner/overview"),
    ("get", "/api/v1/entry-requirements"),
    ("get", "/api/v1/entry-requirements/{slug}"),
];

on_both_backends! {
    async fn the_openapi_document_is_3_1_and_lists_every_route(app) {
        let response = app.get("/api/v1/openapi.json").await;
        assert_eq!(response.status(), 200);
        let doc: serde_json::Value = response.json().await.expect("json");
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", doc["openapi"]);
        for (method, path) in ROUTES {
            assert!(doc["paths"][path][method].is_object(), "{method} {path} missing from the OpenAPI document");
            let served = app.client.request(method.to_uppercase().parse().expect("method"), app.url(&path.replace("{code}", "SYS").replace("{id}", "x").replace("{slug}", "documents-to-bring"))).send().await.expect("sent");
            // `/metrics` is off (404) without a metrics token; `hardening.rs` tests it with one.
            if *path != "/metrics" {
                assert_ne!(served.status(), 404, "{method} {path} is documented but not served");
            }
        }
        let documented = doc["paths"].as_object().map_or(0, |p| p.values().map(|m| m.as_object().map_or(0, |m| m.len())).sum());
        assert_eq!(documented, ROUTES.len(), "the document lists routes this test does not know");
        assert!(doc["components"]["schemas"]["Problem"].is_object(), "problem schema");
        assert!(doc["paths"]["/api/v1/ports/{code}"]["get"]["responses"]["404"]["content"]["application/problem+json"].is_object());
    }

    async fn the_api_docs_page_is_served_from_the_binary(app) {
        let response = app.get("/api/docs/").await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.expect("html");
        assert!(html.contains("swagger-ui"), "{html}");
        for asset in ["/api/docs/swagger-ui.css", "/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-initializer.js"] {
            assert_eq!(app.get(asset).await.status(), 200, "{asset}");
        }
        assert!(!html.contains("https://"), "no third-party assets");
    }
}
