//! Puerta's HTTP face. [`router::build`] is the whole route table; start reading there.
//!
//! - `api/`: the JSON API under `/api/v1`, documented by utoipa, errors as RFC 9457 problems.
//! - `pages/`: server-rendered pages (askama, Fluent), working without JavaScript.
//! - `auth/`: client address, API and page actors, CSRF.
//! - `ops/`: `/healthz`, `/readyz`, `/metrics`.
//! - `middleware/`: what wraps every request (request id, tracing, metrics, security headers,
//!   body limits, time limits, compression, panic recovery, problem bodies for bare errors).
//!
//! Handlers only translate HTTP to a `puerta-app` use case and back; no rule lives here.

pub mod api;
pub mod auth;
pub mod locale;
pub mod middleware;
pub mod ops;
pub mod pages;
pub mod public_cache;
pub mod router;
mod state;

pub use router::{UPLOAD_OVERHEAD_BYTES, WebConfig, build};
pub use state::AppState;
