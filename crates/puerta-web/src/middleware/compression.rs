//! Response compression (gzip, brotli…), except for the live stream: an event stream is never
//! compressed (compression would hold events back), and a response that passes through
//! `tower_http`'s compression is boxed in its body type (about 5.7 KB, sized by the inline
//! brotli encoder) for the response's whole life, which for 10,000 open streams is 57 MB of
//! nothing. So the stream skips the layer altogether.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tower::{Layer, ServiceExt};
use tower_http::compression::CompressionLayer;

/// The path of the live notifications stream.
const STREAM_PATH: &str = "/api/v1/notifications/stream";

pub async fn compress(request: Request, next: Next) -> Response {
    if request.uri().path() == STREAM_PATH {
        return next.run(request).await;
    }
    match CompressionLayer::new().layer(next).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}
