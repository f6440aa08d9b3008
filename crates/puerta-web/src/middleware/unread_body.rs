//! Request bodies that nobody read. A request refused before its body is looked at (401 from the
//! actor extractor, 415 for the wrong content type, 404, 405) leaves the body unread; hyper then
//! closes the connection after the answer, but without saying so in the answer. A client that
//! keeps connections alive sends its next request into the closed connection and gets no answer
//! ("connection closed without response"). This layer reads and discards what the handler left,
//! up to [`DRAIN_LIMIT`] bytes and [`DRAIN_TIME`], so the connection stays usable; past either
//! bound the answer carries `Connection: close`, so the client knows.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use pin_project_lite::pin_project;
use tokio::sync::oneshot;
use tower::{Layer, Service};

/// At most this much of an unread body is read to keep its connection.
pub const DRAIN_LIMIT: usize = 256 * 1024;
/// And for at most this long.
pub const DRAIN_TIME: Duration = Duration::from_secs(2);

#[derive(Clone, Copy)]
pub(crate) struct DrainLayer;

impl<S> Layer<S> for DrainLayer {
    type Service = Drain<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Drain { inner }
    }
}

#[derive(Clone)]
pub(crate) struct Drain<S> {
    inner: S,
}

impl<S> Service<Request> for Drain<S>
where
    S: Service<Request, Error = Infallible>,
    S::Response: IntoResponse,
{
    type Response = Response;
    type Error = Infallible;
    type Future = DrainFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        // With `Expect: 100-continue` the client sends the body only once asked for it: a refusal
        // before that needs no draining (and draining would ask for the body).
        if request.body().is_end_stream() || request.headers().contains_key(header::EXPECT) {
            return DrainFuture { inner: self.inner.call(request), left: None, draining: None };
        }
        let (parts, body) = request.into_parts();
        let (left_tx, left_rx) = oneshot::channel();
        let body = Body::new(Tracked { inner: Some(body), left: Some(left_tx) });
        DrainFuture {
            inner: self.inner.call(Request::from_parts(parts, body)),
            left: Some(left_rx),
            draining: None,
        }
    }
}

type Draining = Pin<Box<dyn Future<Output = bool> + Send>>;

pin_project! {
    pub(crate) struct DrainFuture<F> {
        #[pin]
        inner: F,
        // Where the handler's leftover body arrives (only for requests with a body).
        left: Option<oneshot::Receiver<Body>>,
        // The answer, while the leftover is read (rare: boxed).
        draining: Option<(Draining, Response)>,
    }
}

impl<F, R> Future for DrainFuture<F>
where
    F: Future<Output = Result<R, Infallible>>,
    R: IntoResponse,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let (mut drained, mut response) = match this.draining.take() {
            Some(draining) => draining,
            None => {
                let Ok(response) = ready!(this.inner.poll(cx));
                let response = response.into_response();
                let Some(rest) = this.left.take().and_then(|mut left| left.try_recv().ok()) else {
                    return Poll::Ready(Ok(response));
                };
                let drained: Draining = Box::pin(async move {
                    matches!(tokio::time::timeout(DRAIN_TIME, discard(rest)).await, Ok(true))
                });
                (drained, response)
            }
        };
        match drained.as_mut().poll(cx) {
            Poll::Pending => {
                *this.draining = Some((drained, response));
                Poll::Pending
            }
            Poll::Ready(complete) => {
                if !complete {
                    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
                }
                Poll::Ready(Ok(response))
            }
        }
    }
}

/// Reads `body` to its end; false if it is longer than [`DRAIN_LIMIT`] or fails.
async fn discard(mut body: Body) -> bool {
    let mut seen = 0usize;
    loop {
        match std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            None => return true,
            Some(Err(_)) => return false,
            Some(Ok(frame)) => {
                seen += frame.data_ref().map_or(0, Bytes::len);
                if seen > DRAIN_LIMIT {
                    return false;
                }
            }
        }
    }
}

/// The request body as the handler sees it; dropped before its end, it hands the rest back.
struct Tracked {
    inner: Option<Body>,
    left: Option<oneshot::Sender<Body>>,
}

impl HttpBody for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.get_mut();
        let Some(inner) = this.inner.as_mut() else { return Poll::Ready(None) };
        let polled = Pin::new(inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) {
            // Read to the end (or broken): nothing to hand back.
            this.left = None;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.as_ref().is_none_or(HttpBody::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.as_ref().map_or_else(|| SizeHint::with_exact(0), HttpBody::size_hint)
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let (Some(left), Some(inner)) = (self.left.take(), self.inner.take())
            && !inner.is_end_stream()
        {
            // The receiver is gone only if the answer was already sent; then hyper decides.
            let _ = left.send(inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::Router;
    use axum::http::StatusCode;
    use axum::routing::post;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    /// A keep-alive connection: a POST refused without reading its body (its body arrives after
    /// the head, as from a client that writes them separately; with `late`, only after the
    /// answer), then a second request on the same connection: its answer's length.
    async fn second_request_is_answered(router: Router, late: bool) -> (String, usize) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        let body = "{\"password\":\"x\"}";
        let head = format!(
            "POST /refuse HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.expect("head");
        let first = if late {
            let first = read_response(&mut stream).await;
            let _ = stream.write_all(body.as_bytes()).await;
            first
        } else {
            // A second write: the server may see the head alone first, or both at once; the
            // answer must be the same either way.
            stream.flush().await.expect("head sent");
            stream.write_all(body.as_bytes()).await.expect("body");
            read_response(&mut stream).await
        };
        let _ = stream.write_all(b"POST /refuse HTTP/1.1\r\nhost: test\r\ncontent-length: 0\r\n\r\n").await;
        let second = read_response(&mut stream).await;
        (first, second.len())
    }

    async fn read_response(stream: &mut TcpStream) -> String {
        let mut buf = vec![0u8; 4096];
        match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf)).await {
            Ok(Ok(n)) => String::from_utf8_lossy(&buf[..n]).into_owned(),
            _ => String::new(),
        }
    }

    fn refusing() -> Router {
        Router::new().route("/refuse", post(|| async { StatusCode::UNAUTHORIZED }))
    }

    #[tokio::test]
    async fn a_refused_body_is_read_so_the_connection_answers_the_next_request() {
        let (first, second) = second_request_is_answered(refusing().layer(super::DrainLayer), false).await;
        assert!(first.starts_with("HTTP/1.1 401"), "{first}");
        assert!(!first.to_ascii_lowercase().contains("connection: close"), "{first}");
        assert!(second > 0, "the second request on the connection had no answer");
    }

    #[tokio::test]
    async fn without_the_layer_the_connection_closes_silently() {
        // What the layer is for: hyper closes the connection without `Connection: close`.
        let (first, second) = second_request_is_answered(refusing(), true).await;
        assert!(first.starts_with("HTTP/1.1 401"), "{first}");
        assert!(!first.to_ascii_lowercase().contains("connection: close"), "{first}");
        assert_eq!(second, 0, "hyper's behaviour changed: this layer may no longer be needed");
    }

    #[tokio::test]
    async fn a_body_that_does_not_come_closes_the_connection_and_says_so() {
        let router = refusing().layer(super::DrainLayer);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        stream
            .write_all(b"POST /refuse HTTP/1.1\r\nhost: test\r\ncontent-length: 100\r\n\r\n")
            .await
            .expect("head");
        let first = read_response(&mut stream).await;
        assert!(first.starts_with("HTTP/1.1 401"), "{first}");
        assert!(first.to_ascii_lowercase().contains("connection: close"), "{first}");
    }

    #[tokio::test]
    async fn only_bodies_up_to_the_limit_are_read() {
        assert!(super::discard(axum::body::Body::from(vec![0u8; super::DRAIN_LIMIT])).await);
        assert!(!super::discard(axum::body::Body::from(vec![0u8; super::DRAIN_LIMIT + 1])).await);
    }
}
