//! The middleware stack, exercised through routes that only tests have: a JSON echo (bad bodies),
//! a handler that panics, and one slower than the time limit.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use http_body_util::BodyExt;
use std::sync::Arc;

use puerta_app::accounts::{AccountLimits, SessionPolicy};
use puerta_app::clock::SystemClock;
use puerta_app::delivery::{Delivery, OutboxPolicy};
use puerta_app::security::{HashingLimits, MasterKey};
use puerta_app::{App, AppDeps, ConnectOptions, DatabaseUrl, connect};
use serde::Deserialize;
use tower::ServiceExt;

use crate::api::json::ApiJson;
use crate::{AppState, WebConfig};

#[derive(Deserialize)]
#[allow(dead_code)] // the fields exist to be deserialized
struct Payload {
    name: String,
    age: u32,
}

async fn boom() -> &'static str {
    panic!("deliberate test panic")
}

async fn throttled() -> crate::api::problem::ApiError {
    puerta_app::AppError::Throttled { retry_after_secs: 42 }.into()
}

async fn app() -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store =
        connect(&DatabaseUrl::sqlite_in(dir.path()), &ConnectOptions::default()).await.expect("store");
    let outbox =
        Delivery::outbox(dir.path().join("outbox"), "Puerta <no-reply@puerta.invalid>").expect("outbox");
    let deps = AppDeps {
        clock: Arc::new(SystemClock),
        delivery: outbox,
        hashing: HashingLimits { memory_kib: 8 * 1024, iterations: 1, lanes: 1, concurrent: 2 },
        limits: AccountLimits::default(),
        sessions: SessionPolicy::default(),
        public_url: "http://127.0.0.1".into(),
        outbox: OutboxPolicy::default(),
        master_key: MasterKey::generate().expect("key"),
        previous_master_key: None,
        reference_prefix: puerta_domain::cases::ReferencePrefix::DEFAULT,
        documents: puerta_app::documents::StorageConfig::Local { root: dir.path().join("documents") },
        document_limits: puerta_app::DocumentLimits::default(),
        scheduling: puerta_app::appointments::SchedulingConfig::default(),
    };
    let app = App::new(store, deps).expect("app");
    app.prepare_database().await.expect("database");
    let config = WebConfig {
        max_body_bytes: 64,
        upload_body_bytes: 64,
        request_timeout: Duration::from_millis(200),
        https: true,
        ..WebConfig::default()
    };
    let state = AppState::new(app, &config).expect("state");
    let routes: Router<AppState> = Router::new()
        .route("/echo", post(|ApiJson(p): ApiJson<Payload>| async move { Json(p.name) }))
        .route("/boom", get(boom))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        )
        .route("/throttled", get(throttled))
        .route("/api/v1/throttled", get(throttled))
        .fallback(crate::api::problem::not_found);
    (super::stack(routes, state.clone(), &config).with_state(state), dir)
}

async fn send(
    router: &Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, serde_json::Value) {
    let response = router.clone().oneshot(request).await.expect("infallible");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (parts.status, parts.headers, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

fn post_json(body: &str, content_type: Option<&str>) -> Request<Body> {
    let mut builder = Request::post("/echo");
    if let Some(ct) = content_type {
        builder = builder.header(header::CONTENT_TYPE, ct);
    }
    builder.body(Body::from(body.to_string())).expect("request")
}

fn assert_problem(headers: &axum::http::HeaderMap, body: &serde_json::Value, status: StatusCode, code: &str) {
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(body["status"], status.as_u16());
    assert_eq!(body["code"], code);
    for key in ["type", "title", "detail"] {
        assert!(body[key].is_string(), "{key} missing in {body}");
    }
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let (router, _dir) = app().await;
    let (status, headers, body) = send(&router, post_json("{\"name\": ", Some("application/json"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_problem(&headers, &body, status, "malformed_json");
}

#[tokio::test]
async fn a_body_without_json_content_type_is_a_415_problem() {
    let (router, _dir) = app().await;
    let (status, headers, body) = send(&router, post_json("{}", Some("text/plain"))).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_problem(&headers, &body, status, "unsupported_media_type");
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_problem() {
    let (router, _dir) = app().await;
    let big = format!("{{\"name\": \"{}\", \"age\": 1}}", "x".repeat(500));
    let (status, headers, body) = send(&router, post_json(&big, Some("application/json"))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_problem(&headers, &body, status, "payload_too_large");
}

#[tokio::test]
async fn missing_and_mistyped_fields_are_named_in_a_422_problem() {
    let (router, _dir) = app().await;
    let (status, headers, body) = send(&router, post_json("{\"age\": 3}", Some("application/json"))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_problem(&headers, &body, status, "validation_failed");
    assert_eq!(body["errors"][0]["field"], "name");

    let (_, _, body) =
        send(&router, post_json("{\"name\": \"a\", \"age\": \"old\"}", Some("application/json"))).await;
    assert_eq!(body["errors"][0]["field"], "age");
    assert!(!body.to_string().contains("old"), "the submitted value is not echoed: {body}");
}

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_server_goes_on() {
    let (router, _dir) = app().await;
    let (status, headers, body) =
        send(&router, Request::get("/boom").body(Body::empty()).expect("req")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_problem(&headers, &body, status, "internal_error");
    assert!(!body.to_string().contains("deliberate"), "no panic text leaks: {body}");
    assert!(headers.contains_key("x-request-id"));
    let (status, _, _) =
        send(&router, post_json("{\"name\":\"a\",\"age\":1}", Some("application/json"))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_request_over_the_time_limit_is_a_503_problem() {
    let (router, _dir) = app().await;
    let (status, headers, body) =
        send(&router, Request::get("/slow").body(Body::empty()).expect("req")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_problem(&headers, &body, status, "timed_out");
}

#[tokio::test]
async fn hsts_is_sent_when_served_over_https() {
    let (router, _dir) = app().await;
    let (_, headers, _) = send(&router, Request::get("/nowhere").body(Body::empty()).expect("req")).await;
    assert!(headers[header::STRICT_TRANSPORT_SECURITY].to_str().unwrap_or("").contains("max-age="));
}

#[tokio::test]
async fn a_client_supplied_request_id_is_replaced() {
    let (router, _dir) = app().await;
    let request =
        Request::get("/nowhere").header("x-request-id", "forged-id").body(Body::empty()).expect("req");
    let (_, headers, _) = send(&router, request).await;
    let id = headers["x-request-id"].to_str().unwrap_or("");
    assert_ne!(id, "forged-id");
    assert_eq!(id.len(), 36, "a UUID: {id}");
}

#[tokio::test]
async fn a_throttled_answer_has_one_retry_after_as_json_and_as_a_page() {
    let (router, _dir) = app().await;
    for (path, accept) in [
        ("/api/v1/throttled", "application/json"),
        ("/throttled", "application/json"),
        ("/throttled", "text/html"),
    ] {
        let request = Request::get(path).header(header::ACCEPT, accept).body(Body::empty()).expect("req");
        let response = router.clone().oneshot(request).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{path} {accept}");
        let values: Vec<_> = response.headers().get_all(header::RETRY_AFTER).iter().collect();
        assert_eq!(values, ["42"], "{path} {accept}");
    }
}

#[tokio::test]
async fn api_answers_are_not_stored_except_public_reference_reads() {
    let (router, _dir) = app().await;
    let (_, headers, _) =
        send(&router, Request::get("/api/v1/throttled").body(Body::empty()).expect("req")).await;
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    for (method, path, public) in [
        ("GET", "/api/v1/ports", true),
        ("GET", "/api/v1/entry-requirements/on-the-day", true),
        ("GET", "/api/v1/openapi.json", true),
        ("POST", "/api/v1/ports", false),
        ("GET", "/api/v1/me", false),
        ("GET", "/api/v1/portsx", false),
    ] {
        let method: axum::http::Method = method.parse().expect("method");
        assert_eq!(super::cache_control::is_public_api_read(&method, path), public, "{method} {path}");
    }
}
