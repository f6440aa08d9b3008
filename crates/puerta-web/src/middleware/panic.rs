use std::any::Any;
use std::convert::Infallible;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use pin_project_lite::pin_project;
use tower::{Layer, Service};

use crate::api::problem::ApiError;

/// A panic in a handler ends that request only: it is logged inside the request's span (so with
/// its request id) and answered 500 as a problem, while the server goes on. (What
/// `tower_http::catch_panic` does, without boxing the answer's body.)
#[derive(Clone, Copy)]
pub(crate) struct CatchPanicLayer;

impl<S> Layer<S> for CatchPanicLayer {
    type Service = CatchPanic<S>;

    fn layer(&self, inner: S) -> Self::Service {
        CatchPanic { inner }
    }
}

#[derive(Clone)]
pub(crate) struct CatchPanic<S> {
    inner: S,
}

impl<S> Service<Request> for CatchPanic<S>
where
    S: Service<Request, Error = Infallible>,
    S::Response: IntoResponse,
{
    type Response = Response;
    type Error = Infallible;
    type Future = PanicFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        // A handler may panic before its future exists (while extracting, say).
        match catch_unwind(AssertUnwindSafe(|| self.inner.call(request))) {
            Ok(inner) => PanicFuture::Running { inner },
            Err(payload) => PanicFuture::Panicked { response: Some(answer_panic(payload)) },
        }
    }
}

pin_project! {
    #[project = PanicProj]
    pub(crate) enum PanicFuture<F> {
        Running { #[pin] inner: F },
        Panicked { response: Option<Response> },
    }
}

impl<F, R> Future for PanicFuture<F>
where
    F: Future<Output = Result<R, Infallible>>,
    R: IntoResponse,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            PanicProj::Running { inner } => match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
                Ok(Poll::Pending) => Poll::Pending,
                Ok(Poll::Ready(Ok(response))) => Poll::Ready(Ok(response.into_response())),
                Err(payload) => Poll::Ready(Ok(answer_panic(payload))),
            },
            PanicProj::Panicked { response } => Poll::Ready(Ok(response.take().unwrap_or_default())),
        }
    }
}

fn answer_panic(payload: Box<dyn Any + Send + 'static>) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into());
    tracing::error!(panic = %message, "handler panicked");
    ApiError::internal().into_response()
}
