//! The shape of most layers: look at the request before the handler, at the response after,
//! awaiting nothing of their own. As a plain tower service the step costs no allocation and no
//! clone of the services inside it (an `axum::middleware::from_fn` layer boxes its future and
//! clones every service beneath it, on every request).

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use pin_project_lite::pin_project;
use tower::{Layer, Service};

/// One step around the handler.
pub(crate) trait Hook: Clone + Send + Sync + 'static {
    /// What [`Hook::after`] needs to know of the request.
    type Seen: Send + 'static;

    /// Looks at (and may change) the request; `Err` answers at once, without the layers and the
    /// handler inside.
    // A response by value, as axum's extractors reject with: the refusal is the rare way.
    #[allow(clippy::result_large_err)]
    fn before(&self, request: &mut Request) -> Result<Self::Seen, Response>;

    /// Looks at (and may change, or replace) the response.
    fn after(&self, seen: Self::Seen, response: Response) -> Response;
}

/// A [`Hook`] as a layer.
#[derive(Clone)]
pub(crate) struct HookLayer<H>(pub H);

impl<S, H: Hook> Layer<S> for HookLayer<H> {
    type Service = Hooked<S, H>;

    fn layer(&self, inner: S) -> Self::Service {
        Hooked { inner, hook: self.0.clone() }
    }
}

#[derive(Clone)]
pub(crate) struct Hooked<S, H> {
    inner: S,
    hook: H,
}

impl<S, H> Service<Request> for Hooked<S, H>
where
    S: Service<Request, Error = Infallible>,
    S::Response: IntoResponse,
    H: Hook,
{
    type Response = Response;
    type Error = Infallible;
    type Future = HookFuture<S::Future, H>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request) -> Self::Future {
        match self.hook.before(&mut request) {
            Ok(seen) => {
                HookFuture::Inner { inner: self.inner.call(request), after: Some((self.hook.clone(), seen)) }
            }
            Err(response) => HookFuture::Answered { response: Some(response) },
        }
    }
}

pin_project! {
    #[project = HookProj]
    pub(crate) enum HookFuture<F, H: Hook> {
        Inner { #[pin] inner: F, after: Option<(H, H::Seen)> },
        Answered { response: Option<Response> },
    }
}

impl<F, R, H> Future for HookFuture<F, H>
where
    F: Future<Output = Result<R, Infallible>>,
    R: IntoResponse,
    H: Hook,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            HookProj::Inner { inner, after } => {
                let Ok(response) = ready!(inner.poll(cx));
                let response = response.into_response();
                Poll::Ready(Ok(match after.take() {
                    Some((hook, seen)) => hook.after(seen, response),
                    // Polled again after it finished (a bug of the caller): answer as is.
                    None => response,
                }))
            }
            HookProj::Answered { response } => Poll::Ready(Ok(response.take().unwrap_or_default())),
        }
    }
}
