//! Response compression (gzip, brotli), by `tower_http`'s compression, applied to the answer once
//! it is known rather than around the handler: an answer that passes through that layer is boxed
//! in its body type (about 5.7 KB, sized by the inline brotli encoder) even when nothing is
//! compressed, for the answer's whole life. So only an answer that will be compressed goes
//! through it: not the live stream (compression would hold events back, and 10,000 open streams
//! would hold 57 MB of nothing), not an answer already encoded (the public answers kept
//! compressed, `public_cache`), and not one for a client that accepts no encoding (most
//! programs), which is only marked `Vary: accept-encoding` as the layer would mark it.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Response, header};
use axum::response::IntoResponse;
use pin_project_lite::pin_project;
use tower::{Layer, Service};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::{Compression, ResponseFuture};

/// The path of the live notifications stream.
const STREAM_PATH: &str = "/api/v1/notifications/stream";

#[derive(Clone, Copy)]
pub(crate) struct CompressLayer;

impl<S> Layer<S> for CompressLayer {
    type Service = Compress<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Compress { inner }
    }
}

#[derive(Clone)]
pub(crate) struct Compress<S> {
    inner: S,
}

impl<S> Service<Request> for Compress<S>
where
    S: Service<Request, Response = axum::response::Response, Error = Infallible>,
{
    type Response = axum::response::Response;
    type Error = Infallible;
    type Future = CompressFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let accepted = match request.uri().path() {
            STREAM_PATH => Accepted::Stream,
            _ => match request.headers().get(header::ACCEPT_ENCODING) {
                Some(value) => Accepted::Encodings(value.clone()),
                None => Accepted::Nothing,
            },
        };
        CompressFuture::Handling { inner: self.inner.call(request), accepted: Some(accepted) }
    }
}

/// What the request said it accepts.
pub(crate) enum Accepted {
    Stream,
    Nothing,
    Encodings(HeaderValue),
}

/// The handler's answer, handed to the compression layer as if from a service.
struct Answered(Option<axum::response::Response>);

impl Service<Request<()>> for Answered {
    type Response = axum::response::Response;
    type Error = Infallible;
    type Future = std::future::Ready<Result<axum::response::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _request: Request<()>) -> Self::Future {
        std::future::ready(Ok(self.0.take().unwrap_or_default()))
    }
}

type Compressing =
    ResponseFuture<std::future::Ready<Result<axum::response::Response, Infallible>>, DefaultPredicate>;

pin_project! {
    #[project = CompressProj]
    pub(crate) enum CompressFuture<F> {
        Handling { #[pin] inner: F, accepted: Option<Accepted> },
        Compressing { #[pin] compressing: Compressing },
    }
}

impl<F> Future for CompressFuture<F>
where
    F: Future<Output = Result<axum::response::Response, Infallible>>,
{
    type Output = Result<axum::response::Response, Infallible>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        loop {
            match self.as_mut().project() {
                CompressProj::Handling { inner, accepted } => {
                    let Ok(mut response) = ready!(inner.poll(cx));
                    let encodings = match accepted.take() {
                        Some(Accepted::Encodings(value)) if would_compress(&response) => value,
                        // Already encoded, too small, an image…: the layer would leave it as it
                        // is (and mark nothing).
                        Some(Accepted::Encodings(_) | Accepted::Stream) | None => {
                            return Poll::Ready(Ok(response));
                        }
                        Some(Accepted::Nothing) => {
                            mark_vary(&mut response);
                            return Poll::Ready(Ok(response));
                        }
                    };
                    let mut asked = Request::new(());
                    asked.headers_mut().insert(header::ACCEPT_ENCODING, encodings);
                    let compressing = Compression::new(Answered(Some(response))).call(asked);
                    self.set(CompressFuture::Compressing { compressing });
                }
                CompressProj::Compressing { compressing } => {
                    let Ok(response) = ready!(compressing.poll(cx));
                    return Poll::Ready(Ok(response.into_response()));
                }
            }
        }
    }
}

/// Whether the compression layer would compress `response` for a client accepting an encoding:
/// its own test.
fn would_compress(response: &Response<Body>) -> bool {
    let headers = response.headers();
    !headers.contains_key(header::CONTENT_ENCODING)
        && !headers.contains_key(header::CONTENT_RANGE)
        && DefaultPredicate::new().should_compress(response)
}

/// What the compression layer does to an answer it would compress for a client that accepts
/// no encoding: `Vary: accept-encoding`, nothing else.
fn mark_vary(response: &mut Response<Body>) {
    let marked = response
        .headers()
        .get_all(header::VARY)
        .iter()
        .any(|v| v.as_bytes().windows(15).any(|w| w.eq_ignore_ascii_case(b"accept-encoding")));
    if would_compress(response) && !marked {
        response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    async fn answer(accept_encoding: Option<&str>, path: &str) -> axum::response::Response {
        let long = "a fairly long answer that is well over thirty-two bytes long";
        let router = Router::new()
            .route("/page", get(move || async move { long }))
            .route("/tiny", get(|| async { "ok" }))
            .route("/encoded", get(move || async move { ([(header::CONTENT_ENCODING, "br")], long) }))
            .route(STREAM_PATH, get(move || async move { long }))
            .layer(CompressLayer);
        let mut request = Request::get(path);
        if let Some(encoding) = accept_encoding {
            request = request.header(header::ACCEPT_ENCODING, encoding);
        }
        router.oneshot(request.body(Body::empty()).unwrap_or_default()).await.unwrap_or_else(|e| match e {})
    }

    fn header_of(response: &axum::response::Response, name: header::HeaderName) -> Vec<String> {
        response.headers().get_all(name).iter().filter_map(|v| v.to_str().ok().map(str::to_string)).collect()
    }

    #[tokio::test]
    async fn without_accept_encoding_the_answer_is_only_marked_as_the_layer_would() {
        for (path, vary) in [("/page", vec!["accept-encoding".to_string()]), ("/tiny", vec![])] {
            let plain = answer(None, path).await;
            assert_eq!(header_of(&plain, header::VARY), vary, "{path}");
            assert!(header_of(&plain, header::CONTENT_ENCODING).is_empty());
            // The same as the compression layer does for a client accepting only `identity`.
            let identity = answer(Some("identity"), path).await;
            assert_eq!(header_of(&identity, header::VARY), header_of(&plain, header::VARY), "{path}");
        }
        let tiny = answer(Some("gzip"), "/tiny").await;
        assert!(
            header_of(&tiny, header::VARY).is_empty()
                && header_of(&tiny, header::CONTENT_ENCODING).is_empty()
        );
        let gzip = answer(Some("gzip"), "/page").await;
        assert_eq!(header_of(&gzip, header::CONTENT_ENCODING), ["gzip"]);
        assert_eq!(header_of(&gzip, header::VARY), ["accept-encoding"]);
        let encoded = answer(Some("gzip"), "/encoded").await;
        assert_eq!(header_of(&encoded, header::CONTENT_ENCODING), ["br"], "never encoded twice");
        let stream = answer(Some("gzip"), STREAM_PATH).await;
        assert!(
            header_of(&stream, header::CONTENT_ENCODING).is_empty()
                && header_of(&stream, header::VARY).is_empty()
        );
    }
}
