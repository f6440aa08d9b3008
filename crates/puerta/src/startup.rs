//! Building and running the server. [`Application::build`] does everything `puerta serve` does
//! before accepting connections, so the integration tests start the real thing on port 0.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use puerta_app::{App, SeedReport};
use puerta_store::{ConnectOptions, Store};
use puerta_web::{AppState, WebConfig};
use tokio::net::TcpListener;

use crate::settings::Settings;

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    store: Arc<dyn Store>,
    grace: std::time::Duration,
}

/// Creates the data directory, opens the database, migrates and seeds reference data.
pub async fn open_app(settings: &Settings) -> anyhow::Result<(App, SeedReport)> {
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("cannot create the data directory {}", settings.data_dir.display()))?;
    let url = settings.database_url().context("`database_url` is not a supported database URL")?;
    let options =
        ConnectOptions { max_connections: settings.database_max_connections, ..ConnectOptions::default() };
    let store = puerta_store::connect(&url, &options)
        .await
        .with_context(|| format!("cannot open the database {url}"))?;
    let app = App::new(store);
    let report = app.prepare_database().await.context("cannot prepare the database")?;
    Ok((app, report))
}

impl Application {
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        let (app, report) = open_app(settings).await?;
        tracing::info!(ports_added = report.ports_added, "database ready");
        let store = app.store().clone();
        let config = WebConfig {
            max_body_bytes: settings.max_body_bytes,
            request_timeout: settings.request_timeout(),
            https: settings.https(),
        };
        let router = puerta_web::build(AppState::new(app), &config);
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("cannot listen on {}", settings.addr))?;
        Ok(Self { listener, router, store, grace: settings.shutdown_grace() })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish (for at most the
    /// configured grace period) and closes the database cleanly.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let (stopping_tx, mut stopping_rx) = tokio::sync::watch::channel(false);
        let server =
            axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(async move {
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
            result = server => result.context("server error")?,
            () = deadline => tracing::warn!("shutdown grace period over: stopping with requests still open"),
        }
        self.store.close().await;
        tracing::info!("database closed; goodbye");
        Ok(())
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
