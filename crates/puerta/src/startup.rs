//! Building and running the server. [`Application::build`] does everything `puerta serve` does
//! before accepting connections, so the integration tests start the real thing on port 0.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use puerta_app::accounts::{AccountLimits, PressureLimit, SessionPolicy};
use puerta_app::clock::{Clock, SystemClock};
use puerta_app::delivery::{Delivery, OutboxPolicy, SmtpEmailSender, WebhookSmsSender, run_delivery_worker};
use puerta_app::security::{HashingLimits, MasterKey};
use puerta_app::{App, AppDeps, ConnectOptions, SeedReport};
use puerta_web::{AppState, WebConfig};
use secrecy::ExposeSecret;
use tokio::net::TcpListener;

use crate::settings::Settings;

mod connections;

use connections::ConnectionLimits;

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    app: App,
    grace: Duration,
    limits: ConnectionLimits,
    /// Run the appointment scheduler in this instance.
    scheduler: bool,
}

fn deps(settings: &Settings, clock: Arc<dyn Clock>) -> anyhow::Result<AppDeps> {
    let mut delivery = Delivery::outbox(settings.data_dir.join("outbox"), &settings.email_from)
        .map_err(|e| anyhow::anyhow!("cannot prepare the outbox: {e}"))?;
    if let Some(url) = &settings.smtp_url {
        delivery.email = Arc::new(
            SmtpEmailSender::new(url.expose_secret(), &settings.email_from)
                .map_err(|e| anyhow::anyhow!("`smtp_url`: {e}"))?,
        );
    }
    if let Some(url) = &settings.sms_webhook_url {
        delivery.sms = Arc::new(
            WebhookSmsSender::new(url.expose_secret())
                .map_err(|e| anyhow::anyhow!("`sms_webhook_url`: {e}"))?,
        );
    }
    let i = |v: u32| i64::from(v);
    let default_concurrency = HashingLimits::default().concurrent;
    let master_key = MasterKey::from_env_or_file(
        settings.master_key.as_ref().map(|k| k.expose_secret()),
        &settings.data_dir,
    )
    .context("`master_key`")?;
    let previous_master_key =
        MasterKey::previous_from_env(settings.master_key_previous.as_ref().map(|k| k.expose_secret()))
            .context("`master_key_previous`")?;
    Ok(AppDeps {
        clock,
        delivery,
        outbox: OutboxPolicy {
            email_per_second: settings.email_per_second.max(1),
            sms_per_second: settings.sms_per_second.max(1),
            ..OutboxPolicy::default()
        },
        master_key,
        previous_master_key,
        reference_prefix: puerta_domain::cases::ReferencePrefix::parse(&settings.reference_prefix)
            .map_err(|e| anyhow::anyhow!("`reference_prefix`: {e}"))?,
        hashing: HashingLimits {
            memory_kib: settings.password_hash_memory_kib,
            iterations: settings.password_hash_iterations,
            lanes: 1,
            concurrent: match settings.password_hash_concurrency {
                0 => default_concurrency,
                n => usize::try_from(n).unwrap_or(default_concurrency),
            },
        },
        limits: {
            let soft = i(settings.proof_of_work_after_per_ip_per_hour);
            AccountLimits {
                sign_in_failures_ip: PressureLimit::per_hour(
                    soft,
                    i(settings.throttle_sign_in_failures_per_ip_per_hour),
                ),
                registrations_ip: PressureLimit::per_hour(
                    soft,
                    i(settings.throttle_registrations_per_ip_per_hour),
                ),
                code_sends_ip: PressureLimit::per_hour(soft, i(settings.throttle_code_sends_per_ip_per_hour)),
                code_sends_per_email_per_hour: i(settings.throttle_code_sends_per_email_per_hour),
                code_attempts: i(settings.code_attempts),
                proof_base_work: u64::from(settings.proof_of_work_base),
                ..AccountLimits::default()
            }
        },
        sessions: SessionPolicy {
            idle_secs: i(settings.session_idle_minutes) * 60,
            absolute_secs: i(settings.session_absolute_hours) * 3600,
            api_token_secs: i(settings.api_token_hours) * 3600,
            ..SessionPolicy::default()
        },
        public_url: settings.public_base(),
        documents: settings.document_storage().map_err(|e| anyhow::anyhow!("{e}"))?,
        scheduling: settings.scheduling.config().map_err(|e| anyhow::anyhow!("{e}"))?,
        document_limits: puerta_app::DocumentLimits {
            max_bytes: settings.documents_max_bytes,
            case_quota_bytes: settings.documents_case_quota_bytes,
        },
    })
}

/// Creates the data directory, opens the database, migrates, seeds reference data, loads keys.
pub async fn open_app(settings: &Settings, clock: Arc<dyn Clock>) -> anyhow::Result<(App, SeedReport)> {
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("cannot create the data directory {}", settings.data_dir.display()))?;
    let url = settings.database_url().context("`database_url` is not a supported database URL")?;
    let options = ConnectOptions {
        max_connections: settings.database_max_connections,
        durable_commits: settings.database_durable_commits,
        ..ConnectOptions::default()
    };
    let store = puerta_store::connect(&url, &options)
        .await
        .with_context(|| format!("cannot open the database {url}"))?;
    let app = App::new(store, deps(settings, clock)?).map_err(|e| anyhow::anyhow!("{e}"))?;
    let report = app.prepare_database().await.context("cannot prepare the database")?;
    Ok((app, report))
}

impl Application {
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// Like [`Self::build`], with a clock the caller controls (tests move time with it).
    pub async fn build_with_clock(settings: &Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let (app, report) = open_app(settings, clock).await?;
        tracing::info!(
            ports_added = report.ports_added,
            secrets_sealed = report.secrets_sealed,
            document_keys_rewrapped = report.document_keys_rewrapped,
            "database ready"
        );
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("cannot listen on {}", settings.addr))?;
        let bound = listener.local_addr().context("cannot read the address listened on")?;
        if settings.public_url.is_none() {
            tracing::warn!(
                "`public_url` is not set: only http://{bound} (and its loopback names) counts as \
                 our own origin for sign-in and forms, and cookies are not `Secure`. Production must \
                 set `public_url` (PUERTA_PUBLIC_URL) to the https:// address people use."
            );
        }
        let config = WebConfig {
            max_body_bytes: settings.max_body_bytes,
            upload_body_bytes: usize::try_from(settings.documents_max_bytes)
                .unwrap_or(usize::MAX)
                .saturating_add(puerta_web::UPLOAD_OVERHEAD_BYTES),
            request_timeout: settings.request_timeout(),
            https: settings.https(),
            own_origins: settings.own_origins(bound),
            trusted_proxies: settings.trusted_proxies.clone(),
            metrics_token: settings.metrics_token.clone(),
            max_in_flight: usize::try_from(settings.max_in_flight).unwrap_or(usize::MAX),
        };
        let state = AppState::new(app.clone(), &config).map_err(|e| anyhow::anyhow!("{e}"))?;
        let router = puerta_web::build(state, &config);
        let limits = ConnectionLimits {
            header_read_timeout: settings.header_read_timeout(),
            keep_alive_idle: settings.keep_alive_idle(),
            max_connections: connections::fit_to_open_files(settings.max_connections),
        };
        Ok(Self {
            listener,
            router,
            app,
            grace: settings.shutdown_grace(),
            limits,
            scheduler: settings.scheduling.scheduler,
        })
    }

    /// The use cases, for operators' tools and test set-up.
    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish (for at most the
    /// configured grace period), lets the delivery worker finish the sends it has started
    /// (it claims nothing new), and closes the database cleanly.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let (stopping_tx, mut stopping_rx) = tokio::sync::watch::channel(false);
        let housekeeping = tokio::spawn(housekeeping(self.app.clone()));
        let scheduler = self.scheduler.then(|| tokio::spawn(scheduler(self.app.clone())));
        let worker = tokio::spawn(run_delivery_worker(self.app.clone(), stopping_rx.clone()));
        let server = connections::serve(self.listener, self.router, self.limits, async move {
            shutdown.await;
            tracing::info!("shutting down: finishing requests in flight");
            let _ = stopping_tx.send(true);
        });
        let grace = self.grace;
        let deadline = async move {
            let _ = stopping_rx.wait_for(|stopping| *stopping).await;
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            () = server => {},
            () = deadline => tracing::warn!("shutdown grace period over: stopping with requests still open"),
        }
        housekeeping.abort();
        if let Some(scheduler) = scheduler {
            scheduler.abort();
        }
        // The worker saw `stopping` too: it finishes the sends in progress, within the grace.
        if tokio::time::timeout(grace, worker).await.is_err() {
            tracing::warn!("shutdown grace period over: delivery worker still sending");
        }
        self.app.close().await;
        tracing::info!("database closed; goodbye");
        Ok(())
    }
}

/// Periodic clean-up: throttle counters of windows long gone.
async fn housekeeping(app: App) {
    let mut tick = tokio::time::interval(Duration::from_secs(600));
    loop {
        tick.tick().await;
        if let Err(e) = app.purge_throttles().await {
            tracing::warn!(error = %e, "throttle purge failed");
        }
    }
}

/// The appointment scheduler's round every 30 seconds (and once at start): draws created before
/// their windows open, frozen when they close, run at their hour (once, across instances),
/// offers expired at their deadline. A failed round is logged and tried again next time.
async fn scheduler(app: App) {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        match app.scheduler_round().await {
            Ok(round) if round != Default::default() => tracing::info!(
                frozen = round.frozen,
                drawn = round.drawn,
                expired = round.expired,
                "scheduler round"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "scheduler round failed"),
        }
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
