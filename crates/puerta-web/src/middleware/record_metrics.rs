use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use axum::response::Response;

use super::hook::Hook;
use crate::ops::metrics::Metrics;

/// Counts every answer and its time, by method, route pattern and status.
#[derive(Clone)]
pub(crate) struct Record(pub Arc<Metrics>);

pub(crate) struct Seen {
    method: &'static str,
    /// The route pattern (shared with the router: no copy).
    route: Option<MatchedPath>,
    started: Instant,
}

impl Hook for Record {
    type Seen = Seen;

    fn before(&self, request: &mut Request) -> Result<Seen, Response> {
        Ok(Seen {
            method: known_method(request.method()),
            route: request.extensions().get::<MatchedPath>().cloned(),
            started: Instant::now(),
        })
    }

    fn after(&self, seen: Seen, response: Response) -> Response {
        let route = seen.route.as_ref().map_or("unmatched", MatchedPath::as_str);
        self.0.observe(seen.method, route, response.status(), seen.started.elapsed());
        response
    }
}

/// Bounded label values: any method outside the standard set is counted as `OTHER`.
fn known_method(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}
