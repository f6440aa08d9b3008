on_both_backends! {
    async fn security_headers_are_on_every_response(app) {
        for path in ["/api/v1/ports", "/nowhere", "/healthz", "/api/docs/"] {
            let response = app.get(path).await;
            let h = response.headers();
            let csp = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
            assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), "{path}: {csp}");
            assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
            assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
            assert!(h.contains_key("referrer-policy"), "{path}");
            assert!(!h.contains_key("strict-transport-security"), "no HSTS over plain HTTP");
        }
    }

    async fn responses_are_compressed_with_gzip_or_brotli(app) {
        for encoding in ["gzip", "br"] {
            let response = app.client.get(app.url("/api/docs/swagger-ui-bundle.js")).header("accept-encoding", encoding).send().await.expect("sent");
            assert_eq!(response.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some(encoding));
        }
    }
}
