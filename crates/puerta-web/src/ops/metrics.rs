//! Prometheus metrics: per-route request counts and latency, and database pool gauges; served
//! only to `Authorization: Bearer <metrics_token>`.
//!
//! The registry belongs to one [`Metrics`] value (not a global) so that tests running several
//! applications in one process each see only their own figures.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::api::problem::{ApiError, Problem, ProblemCode};

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
    /// The counter and histogram of each (route, method, status) seen, resolved once: finding
    /// them by label values hashes three strings and takes the vectors' locks at every request.
    handles: RwLock<HashMap<Box<str>, Vec<Handles>>>,
}

/// One label set's series.
struct Handles {
    method: &'static str,
    status: u16,
    requests: IntCounter,
    latency: Histogram,
}

impl Metrics {
    #[allow(clippy::expect_used)] // metric definitions are literals; they fail only if malformed
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("puerta".into()), None).expect("valid registry prefix");
        let labels = ["method", "route", "status"];
        let requests =
            IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests answered"), &labels)
                .expect("valid counter");
        let latency = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "Time to answer an HTTP request")
                .buckets(vec![0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]),
            &labels,
        )
        .expect("valid histogram");
        let pool =
            IntGaugeVec::new(Opts::new("db_pool_connections", "Database pool connections"), &["state"])
                .expect("valid gauge");
        for metric in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(pool.clone()),
        ] {
            registry.register(metric).expect("metric names are unique");
        }
        Self { registry, requests, latency, pool, handles: RwLock::default() }
    }

    /// Records one answered request. `route` is the matched route pattern (never the raw path,
    /// which could hold personal data and would make unbounded label sets).
    pub fn observe(&self, method: &'static str, route: &str, status: StatusCode, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        let code = status.as_u16();
        let record = |handles: &Handles| {
            handles.requests.inc();
            handles.latency.observe(seconds);
        };
        {
            let known = self.handles.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(h) =
                known.get(route).and_then(|all| all.iter().find(|h| h.method == method && h.status == code))
            {
                return record(h);
            }
        }
        let labels = [method, route, status.as_str()];
        let handles = Handles {
            method,
            status: code,
            requests: self.requests.with_label_values(&labels),
            latency: self.latency.with_label_values(&labels),
        };
        record(&handles);
        // Bounded like the label sets themselves: route patterns × methods × statuses.
        let mut known = self.handles.write().unwrap_or_else(PoisonError::into_inner);
        let all = known.entry(route.into()).or_default();
        if !all.iter().any(|h| h.method == method && h.status == code) {
            all.push(handles);
        }
    }

    fn render(&self, pool: puerta_app::PoolStats) -> Result<Vec<u8>, prometheus::Error> {
        self.pool.with_label_values(&["open"]).set(i64::from(pool.size));
        self.pool.with_label_values(&["idle"]).set(i64::from(pool.idle));
        self.pool.with_label_values(&["max"]).set(i64::from(pool.max));
        let mut buffer = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut buffer)?;
        Ok(buffer)
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether `headers` carry `Authorization: Bearer <token>` (compared in constant time).
fn bearer_matches(headers: &HeaderMap, token: &SecretString) -> bool {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    presented.is_some_and(|p| bool::from(p.as_bytes().ct_eq(token.expose_secret().as_bytes())))
}

/// Prometheus text exposition, for the monitoring system only: it needs
/// `Authorization: Bearer <metrics_token>`; without a configured `metrics_token` the endpoint
/// does not exist (404).
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses(
        (status = 200, description = "Prometheus text format", content_type = "text/plain; version=0.0.4", body = String),
        (status = 401, description = "`unauthenticated`: no or the wrong `Authorization: Bearer <metrics_token>`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no `metrics_token` is configured, so metrics are off", body = Problem, content_type = "application/problem+json")
    ))]
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &state.metrics_token else { return ApiError::not_found().into_response() };
    if !bearer_matches(&headers, token) {
        let mut refused =
            ApiError::new(StatusCode::UNAUTHORIZED, ProblemCode::Unauthenticated).into_response();
        refused
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"metrics\""));
        return refused;
    }
    match state.metrics.render(state.app.pool_stats()) {
        Ok(body) => {
            let mut response = body.into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            );
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "metrics encoding failed");
            ApiError::internal().into_response()
        }
    }
}
