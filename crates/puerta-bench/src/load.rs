//! The load generator: a fixed number of HTTP/1.1 keep-alive connections, each sending its next
//! request as soon as the previous answer is read (closed loop), or requests started at a fixed
//! rate (open loop, for the sign-in storm). Latency is recorded per request in an HDR histogram
//! (microseconds), only inside the measuring window after a warm-up.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;

/// Builds request number `n` (counted over all connections from 0). `None` ends the run for the
/// connection that asked (e.g. every traveler has asked once).
pub type MakeRequest = Arc<dyn Fn(u64) -> Option<Request<Full<Bytes>>> + Send + Sync>;
/// Sees each answer: request number, status, body. Runs on the connection's task: keep it cheap.
pub type OnResponse = Arc<dyn Fn(u64, StatusCode, &hyper::HeaderMap, &Bytes) + Send + Sync>;

#[derive(Clone)]
pub struct Spec {
    pub addr: SocketAddr,
    pub connections: usize,
    /// Requests answered in this first stretch are not counted.
    pub warmup: Duration,
    pub duration: Duration,
}

/// What a run measured.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Outcome {
    /// Answered inside the window.
    pub requests: u64,
    pub seconds: f64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Status code → count (inside the window).
    pub statuses: BTreeMap<u16, u64>,
    /// Connection errors and requests that got no answer (whole run).
    pub errors: u64,
    /// Response body bytes inside the window.
    pub body_bytes: u64,
    /// p99 latency (ms) of the answers of each status inside the window: a quick 503 and a
    /// slow 201 must not hide in one another's percentiles (the overload scenario).
    pub p99_ms_by_status: BTreeMap<u16, f64>,
}

impl Outcome {
    /// Answers that were not 2xx or 3xx, plus transport errors.
    pub fn failures(&self) -> u64 {
        self.errors + self.statuses.iter().filter(|(s, _)| **s >= 400).map(|(_, n)| n).sum::<u64>()
    }

    pub fn count(&self, status: u16) -> u64 {
        self.statuses.get(&status).copied().unwrap_or(0)
    }
}

/// How long a request still in flight when the window ends may take before it is given up
/// (counted as an error): keeps every run bounded in time whatever the server does.
pub const GRACE: Duration = Duration::from_secs(5);

struct Tally {
    histogram: Histogram<u64>,
    /// Per status, at 2 significant digits (about 21 KB each, where the main one takes 147 KB:
    /// thousands of connections each hold a few).
    by_status: BTreeMap<u16, Histogram<u64>>,
    statuses: BTreeMap<u16, u64>,
    errors: u64,
    body_bytes: u64,
    requests: u64,
}

impl Tally {
    fn new() -> Self {
        Self {
            // 1 µs to 120 s, 3 significant digits.
            histogram: Histogram::new_with_bounds(1, 120_000_000, 3).unwrap_or_else(|_| unreachable_hist()),
            by_status: BTreeMap::new(),
            statuses: BTreeMap::new(),
            errors: 0,
            body_bytes: 0,
            requests: 0,
        }
    }

    /// One answer inside the window.
    fn record(&mut self, status: u16, micros: u64, body_len: usize) {
        let micros = micros.max(1);
        let _ = self.histogram.record(micros);
        let per_status = self.by_status.entry(status).or_insert_with(|| {
            Histogram::new_with_bounds(1, 120_000_000, 2).unwrap_or_else(|_| unreachable_hist())
        });
        let _ = per_status.record(micros);
        *self.statuses.entry(status).or_default() += 1;
        self.body_bytes += body_len as u64;
        self.requests += 1;
    }

    fn merge(&mut self, other: Tally) {
        let _ = self.histogram.add(&other.histogram);
        for (s, h) in other.by_status {
            match self.by_status.get_mut(&s) {
                Some(mine) => {
                    let _ = mine.add(&h);
                }
                None => {
                    self.by_status.insert(s, h);
                }
            }
        }
        for (s, n) in other.statuses {
            *self.statuses.entry(s).or_default() += n;
        }
        self.errors += other.errors;
        self.body_bytes += other.body_bytes;
        self.requests += other.requests;
    }
}

fn unreachable_hist() -> Histogram<u64> {
    // The bounds above are valid constants; this keeps the code free of `expect`.
    Histogram::new(3).unwrap_or_else(|_| std::process::abort())
}

struct Window {
    start: Instant,
    end: Instant,
}

impl Window {
    fn contains(&self, at: Instant) -> bool {
        at >= self.start && at < self.end
    }
}

/// Closed loop: `spec.connections` connections, each one request at a time.
pub async fn closed(spec: &Spec, make: MakeRequest, on: Option<OnResponse>) -> Outcome {
    let counter = Arc::new(AtomicU64::new(0));
    let begin = Instant::now();
    let window = Arc::new(Window { start: begin + spec.warmup, end: begin + spec.warmup + spec.duration });
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::with_capacity(spec.connections);
    for _ in 0..spec.connections {
        let (make, on, counter, window, stop) =
            (make.clone(), on.clone(), counter.clone(), window.clone(), stop.clone());
        let addr = spec.addr;
        tasks.push(tokio::spawn(async move { connection(addr, make, on, counter, window, stop).await }));
    }
    let mut tally = Tally::new();
    for t in tasks {
        if let Ok(t) = t.await {
            tally.merge(t);
        }
    }
    let measured = Instant::now().min(window.end).saturating_duration_since(window.start);
    outcome(tally, measured)
}

async fn connection(
    addr: SocketAddr,
    make: MakeRequest,
    on: Option<OnResponse>,
    counter: Arc<AtomicU64>,
    window: Arc<Window>,
    stop: Arc<AtomicBool>,
) -> Tally {
    let mut tally = Tally::new();
    let mut sender: Option<hyper::client::conn::http1::SendRequest<Full<Bytes>>> = None;
    while Instant::now() < window.end && !stop.load(Ordering::Relaxed) {
        // Past the window plus the grace, a connect or an answer still awaited is given up.
        let give_up = tokio::time::Instant::from_std(window.end + GRACE);
        let mut s = match sender.take() {
            Some(s) if !s.is_closed() => s,
            _ => match tokio::time::timeout_at(give_up, open(addr)).await {
                Ok(Ok(s)) => s,
                Ok(Err(_)) | Err(_) => {
                    tally.errors += 1;
                    // The server refused or reset the connection (overload): back off a little so
                    // a refusing server is not spun on.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        if s.ready().await.is_err() {
            continue;
        }
        let n = counter.fetch_add(1, Ordering::Relaxed);
        let Some(request) = make(n) else {
            break;
        };
        let sent = Instant::now();
        let answer = tokio::time::timeout_at(give_up, async {
            let response = s.send_request(request).await?;
            let (parts, body) = response.into_parts();
            let body = body.collect().await?.to_bytes();
            Ok::<_, hyper::Error>((parts, body))
        })
        .await;
        let done = Instant::now();
        match answer {
            Ok(Ok((parts, body))) => {
                if let Some(on) = &on {
                    on(n, parts.status, &parts.headers, &body);
                }
                if window.contains(done) {
                    let micros = u64::try_from(done.duration_since(sent).as_micros()).unwrap_or(u64::MAX);
                    tally.record(parts.status.as_u16(), micros, body.len());
                }
                let close = parts
                    .headers
                    .get(hyper::header::CONNECTION)
                    .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"close"));
                if !close {
                    sender = Some(s);
                }
            }
            Ok(Err(_)) | Err(_) => tally.errors += 1,
        }
    }
    tally
}

async fn open(addr: SocketAddr) -> anyhow::Result<hyper::client::conn::http1::SendRequest<Full<Bytes>>> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

/// Open loop: starts a request every `1 / rate` seconds for `duration` (each on its own
/// connection, as separate people signing in would), whatever the answers' pace.
pub async fn open_rate(
    addr: SocketAddr,
    rate: f64,
    duration: Duration,
    make: MakeRequest,
    on: Option<OnResponse>,
) -> Outcome {
    let begin = Instant::now();
    let window = Arc::new(Window { start: begin, end: begin + duration });
    let mut ticker = tokio::time::interval(Duration::from_secs_f64(1.0 / rate.max(0.001)));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut tasks = Vec::new();
    let mut n = 0u64;
    while Instant::now() < window.end {
        ticker.tick().await;
        let Some(request) = make(n) else { break };
        let on = on.clone();
        let number = n;
        let window_end = window.end;
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::new();
            let sent = Instant::now();
            let give_up = tokio::time::Instant::from_std(window_end + GRACE);
            let answer = tokio::time::timeout_at(give_up, async {
                let mut s = open(addr).await?;
                let response = s.send_request(request).await?;
                let (parts, body) = response.into_parts();
                let body = body.collect().await?.to_bytes();
                Ok::<_, anyhow::Error>((parts, body))
            })
            .await;
            match answer {
                Ok(Ok((parts, body))) => {
                    if let Some(on) = &on {
                        on(number, parts.status, &parts.headers, &body);
                    }
                    let micros = u64::try_from(sent.elapsed().as_micros()).unwrap_or(u64::MAX);
                    tally.record(parts.status.as_u16(), micros, body.len());
                }
                Ok(Err(_)) | Err(_) => tally.errors += 1,
            }
            tally
        }));
        n += 1;
    }
    let mut tally = Tally::new();
    for t in tasks {
        if let Ok(t) = t.await {
            tally.merge(t);
        }
    }
    outcome(tally, duration)
}

fn outcome(tally: Tally, measured: Duration) -> Outcome {
    let ms = |q: f64| tally.histogram.value_at_quantile(q) as f64 / 1000.0;
    let seconds = measured.as_secs_f64();
    Outcome {
        requests: tally.requests,
        seconds,
        per_second: if seconds > 0.0 { tally.requests as f64 / seconds } else { 0.0 },
        p50_ms: ms(0.5),
        p90_ms: ms(0.9),
        p99_ms: ms(0.99),
        max_ms: tally.histogram.max() as f64 / 1000.0,
        p99_ms_by_status: tally
            .by_status
            .iter()
            .map(|(s, h)| (*s, h.value_at_quantile(0.99) as f64 / 1000.0))
            .collect(),
        statuses: tally.statuses,
        errors: tally.errors,
        body_bytes: tally.body_bytes,
    }
}

/// A plain GET with the given headers.
pub fn get(path: &str, headers: &[(&str, &str)]) -> Request<Full<Bytes>> {
    let mut b = Request::get(path).header(hyper::header::HOST, "127.0.0.1");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Full::new(Bytes::new())).unwrap_or_else(|_| Request::new(Full::new(Bytes::new())))
}

/// A POST of a JSON body with the given headers.
pub fn post_json(path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Request<Full<Bytes>> {
    let mut b = Request::post(path)
        .header(hyper::header::HOST, "127.0.0.1")
        .header(hyper::header::CONTENT_TYPE, "application/json");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Full::new(Bytes::from(body))).unwrap_or_else(|_| Request::new(Full::new(Bytes::new())))
}

/// One request on a fresh connection, for set-up and checks: status, headers, body. Given up
/// after a minute, so that a server that stopped answering cannot hang the suite.
pub async fn once(
    addr: SocketAddr,
    request: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, hyper::HeaderMap, Bytes)> {
    tokio::time::timeout(Duration::from_secs(60), async {
        let mut s = open(addr).await?;
        let response = s.send_request(request).await?;
        let (parts, body) = response.into_parts();
        Ok((parts.status, parts.headers, body.collect().await?.to_bytes()))
    })
    .await
    .map_err(|_| anyhow::anyhow!("no answer from {addr} within 60 s"))?
}

/// A POST of a form (`application/x-www-form-urlencoded`) with the given headers.
pub fn post_form(path: &str, headers: &[(&str, &str)], fields: &[(&str, &str)]) -> Request<Full<Bytes>> {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut b = Request::post(path)
        .header(hyper::header::HOST, "127.0.0.1")
        .header(hyper::header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Full::new(Bytes::from(body))).unwrap_or_else(|_| Request::new(Full::new(Bytes::new())))
}

/// `application/x-www-form-urlencoded` encoding of one name or value.
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The bytes a response's status line and headers take on the wire (HTTP/1.1).
pub fn head_bytes(status: StatusCode, headers: &hyper::HeaderMap) -> u64 {
    let status_line = format!("HTTP/1.1 {status}\r\n").len();
    let fields: usize = headers.iter().map(|(k, v)| k.as_str().len() + 2 + v.len() + 2).sum();
    (status_line + fields + 2) as u64
}
