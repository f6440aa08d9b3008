//! The HTTP server loop: hyper's HTTP/1 connections, with limits so that nobody can hold
//! connections open for free.
//!
//! - **Header read time-out**: a connection must deliver a request's head (request line and
//!   headers) within `header_read_timeout` of starting to wait for it, or it is closed. (The
//!   request time limit in the middleware starts only once the head has arrived.)
//! - **Idle keep-alive**: a connection with no request in progress and no bytes moving for
//!   `keep_alive_idle` is closed. An event stream (`text/event-stream`, the live notifications)
//!   is a response still in progress: it may be quiet between its keep-alive comments, so its
//!   connection is closed only after [`STREAM_IDLE`] without a byte moving (a client that
//!   stopped reading).
//! - **How many at once**: at most `max_connections` are served. One more is accepted all the
//!   same and answered at once `503` (`overloaded`, `Retry-After: 1`, `Connection: close`)
//!   and closed, rather than left hanging in the kernel's listen queue with no word: a client
//!   (or a load balancer) then knows to come back or go elsewhere. That answer costs a few
//!   tasks at most ([`REFUSING_AT_ONCE`], each done within [`REFUSAL_TIME`]); past them an
//!   extra connection is closed without a word. At start the open-files limit is raised as far
//!   as the system allows, and `max_connections` lowered to fit under it
//!   ([`fit_to_open_files`]), so the cap is met before `accept` fails for want of a descriptor.
//! - **Graceful stop**: when `shutdown` completes the listener closes, idle connections close,
//!   and the others finish the request in progress and then close; [`serve`] returns when all
//!   have.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::time::Instant;
use tower::ServiceExt;

/// How long an event stream's connection may move no bytes (its keep-alive comment comes every
/// 20 s) before it is taken for a client that stopped reading.
pub const STREAM_IDLE: Duration = Duration::from_secs(60);

/// Connections over the cap being answered at once; past this many, one more is simply closed.
pub const REFUSING_AT_ONCE: usize = 64;

/// The longest one refusal may take (writing the answer, then reading what the client sent
/// until it hangs up, so that closing does not reset the connection before it has read it).
pub const REFUSAL_TIME: Duration = Duration::from_secs(2);

/// File descriptors kept for everything but served connections: the listener, the database
/// pool and its listening connection, documents being stored, logs, connections being refused.
const DESCRIPTORS_KEPT: u64 = 256;

/// Raises this process's open-files limit to the most the system allows (the soft limit to the
/// hard one) and answers how many connections fit under it: `configured`, or fewer (with a
/// warning) when the limit is too low for it.
pub fn fit_to_open_files(configured: u32) -> u32 {
    let limit = match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read or raise the open-files limit");
            return configured;
        }
    };
    let room = limit.saturating_sub(DESCRIPTORS_KEPT).max(1);
    if u64::from(configured) <= room {
        return configured;
    }
    let fitted = u32::try_from(room).unwrap_or(configured);
    tracing::warn!(
        max_connections = configured,
        open_files_limit = limit,
        serving = fitted,
        "`max_connections` is more than the open-files limit allows: raise `ulimit -n` (the hard limit)"
    );
    fitted
}

/// The answer to a connection over the cap, made at the first refusal rather than at start:
/// rendering it loads every language's messages (a few MB of parsed Fluent), which a server that
/// has only answered `/healthz` does not need yet.
static OVERLOADED_ANSWER: LazyLock<Box<[u8]>> = LazyLock::new(overloaded_answer);

/// The answer to a connection over the cap, as bytes on the wire: the same problem document as
/// the `overloaded` answer to a request (in English: the request is never read).
fn overloaded_answer() -> Box<[u8]> {
    use puerta_web::api::problem::{ApiError, ProblemCode};
    let error = ApiError::new(hyper::StatusCode::SERVICE_UNAVAILABLE, ProblemCode::Overloaded);
    let body = serde_json::to_vec(&error.problem(puerta_i18n::Language::En)).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/problem+json\r\n\
         retry-after: 1\r\nconnection: close\r\ncache-control: no-store\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    [head.into_bytes(), body].concat().into()
}

/// The limits every connection lives under.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub header_read_timeout: Duration,
    pub keep_alive_idle: Duration,
    pub max_connections: u32,
}

/// Serves `router` on `listener` until `shutdown` completes, then stops gracefully: returns once
/// every connection has closed.
pub async fn serve(
    listener: TcpListener,
    router: axum::Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let (stopping_tx, stopping) = watch::channel(false);
    let permits = Arc::new(Semaphore::new(limits.max_connections as usize));
    let refusing = Arc::new(Semaphore::new(REFUSING_AT_ONCE));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout).keep_alive(true);
    let http = Arc::new(http);
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            refuse(stream, &refusing);
            continue;
        };
        let connection = serve_connection(
            Arc::clone(&http),
            stream,
            peer,
            router.clone(),
            limits.keep_alive_idle,
            stopping.clone(),
        );
        tokio::spawn(async move {
            connection.await;
            drop(permit);
        });
    }
    drop(listener);
    let _ = stopping_tx.send(true);
    // Every connection holds a permit until it closes: having them all back means all closed.
    let _all_closed = permits.acquire_many(limits.max_connections).await;
}

/// Over the cap: tells the connection so and closes it, from one of a few tasks; with none free,
/// closes it at once.
fn refuse(stream: TcpStream, refusing: &Arc<Semaphore>) {
    let Ok(slot) = Arc::clone(refusing).try_acquire_owned() else {
        tracing::debug!("over the connection cap and busy refusing: closed without an answer");
        return;
    };
    tokio::spawn(async move {
        let _ = tokio::time::timeout(REFUSAL_TIME, answer_overloaded(stream, &OVERLOADED_ANSWER)).await;
        drop(slot);
    });
}

async fn answer_overloaded(mut stream: TcpStream, answer: &[u8]) -> std::io::Result<()> {
    let _ = stream.set_nodelay(true);
    stream.write_all(answer).await?;
    // The answer is whole: say so (FIN), then read what the client sent, so that closing with
    // its request unread does not reset the connection before it has read the answer.
    stream.shutdown().await?;
    let mut sink = [0u8; 1024];
    let mut left: usize = 64 * 1024;
    while left > 0 {
        match stream.read(&mut sink).await? {
            0 => break,
            n => left = left.saturating_sub(n),
        }
    }
    Ok(())
}

/// A client that hung up early is routine; anything else (too many open files) is logged, and
/// the loop pauses a moment rather than spin.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::ConnectionRefused
    ) {
        return;
    }
    tracing::error!(error = %e, "cannot accept a connection");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

async fn serve_connection(
    http: Arc<hyper::server::conn::http1::Builder>,
    stream: TcpStream,
    peer: SocketAddr,
    router: axum::Router,
    keep_alive_idle: Duration,
    mut stopping: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched { inner: stream, activity: Arc::clone(&activity) });
    let requests = Arc::clone(&activity);
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        // Handlers find the peer address where axum's `into_make_service_with_connect_info` puts it.
        request.extensions_mut().insert(ConnectInfo(peer));
        let busy = Busy::new(Arc::clone(&requests));
        let router = router.clone();
        let streams = Arc::clone(&requests);
        async move {
            let response = router.oneshot(request).await;
            drop(busy);
            response.map(|response| keep_streaming(response, &streams))
        }
    });
    let mut connection = pin!(http.serve_connection(io, service));
    let mut idle = pin!(idle_for(Arc::clone(&activity), keep_alive_idle));
    let mut stopping_seen = *stopping.borrow();
    if stopping_seen {
        connection.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    // Header time-outs, clients that vanish mid-request: routine, not errors.
                    tracing::debug!(error = %e, "connection ended");
                }
                return;
            }
            // Nothing in progress and nothing moving: drop the connection (closes the socket).
            () = &mut idle => return,
            // The only change is to `true` (or the server is gone): stop. An idle connection
            // closes now, a busy one after the response in progress.
            _ = stopping.changed(), if !stopping_seen => {
                stopping_seen = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}

/// An event stream's body carries a guard: while it is alive the connection is streaming,
/// and idle only after [`STREAM_IDLE`] without a byte moving.
fn keep_streaming(response: axum::response::Response, activity: &Arc<Activity>) -> axum::response::Response {
    use http_body_util::BodyExt;
    let streaming = response
        .headers()
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    if !streaming {
        return response;
    }
    let guard = Streaming::new(Arc::clone(activity));
    response.map(move |body| {
        axum::body::Body::new(body.map_frame(move |frame| {
            let _alive = &guard;
            frame
        }))
    })
}

/// One event stream in progress on the connection.
struct Streaming(Arc<Activity>);

impl Streaming {
    fn new(activity: Arc<Activity>) -> Self {
        activity.streaming.fetch_add(1, Ordering::Relaxed);
        Self(activity)
    }
}

impl Drop for Streaming {
    fn drop(&mut self) {
        self.0.touch();
        self.0.streaming.fetch_sub(1, Ordering::Relaxed);
    }
}

/// What a connection is doing: when bytes last moved (or a request ended), how many requests
/// are in progress, and how many event streams.
struct Activity {
    start: Instant,
    last_ms: AtomicU64,
    in_flight: AtomicUsize,
    streaming: AtomicUsize,
}

impl Activity {
    fn new() -> Self {
        Self {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            streaming: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    fn last(&self) -> u64 {
        self.last_ms.load(Ordering::Relaxed)
    }
}

/// Completes once the connection has had no request in progress and no bytes moving for `idle`
/// (for [`STREAM_IDLE`] while an event stream is open on it).
async fn idle_for(activity: Arc<Activity>, idle: Duration) {
    loop {
        let seen = activity.last();
        let streaming = activity.streaming.load(Ordering::Relaxed) > 0;
        let limit = if streaming { idle.max(STREAM_IDLE) } else { idle };
        tokio::time::sleep_until(activity.start + Duration::from_millis(seen) + limit).await;
        if activity.in_flight.load(Ordering::Relaxed) > 0 {
            // A handler is working (it has its own time limit): count idleness from now on.
            activity.touch();
            continue;
        }
        if activity.last() == seen {
            if !streaming && activity.streaming.load(Ordering::Relaxed) > 0 {
                // A stream began while this wait was shorter: wait the stream's time.
                continue;
            }
            return;
        }
    }
}

/// One request in progress; its end counts as activity.
struct Busy(Arc<Activity>);

impl Busy {
    fn new(activity: Arc<Activity>) -> Self {
        activity.in_flight.fetch_add(1, Ordering::Relaxed);
        activity.touch();
        Self(activity)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The socket, noting each time bytes move either way.
struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
