use std::sync::Arc;

use puerta_app::App;
use secrecy::SecretString;

use crate::WebConfig;
use crate::auth::TrustedProxies;
use crate::ops::metrics::Metrics;

/// What every handler can reach: the use cases, metrics, and the web settings it needs. One
/// reference count to clone: axum clones the state for every request.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// The fields of [`AppState`] (reached through it).
pub struct Shared {
    pub app: App,
    pub metrics: Arc<Metrics>,
    pub trusted_proxies: TrustedProxies,
    /// Key for CSRF tokens, derived from the server secret (shared by all instances).
    pub csrf_key: Arc<str>,
    /// Our own origins (`https://puerta.example.org`) for the CSRF Origin check, from the
    /// configuration only (never the request's `Host`).
    pub own_origins: Arc<[String]>,
    /// Set `Secure` on cookies (and name them `__Host-…`).
    pub https: bool,
    /// What `/metrics` asks for (`Authorization: Bearer …`); `None`: `/metrics` is off.
    pub metrics_token: Option<Arc<SecretString>>,
    /// Public answers kept as bytes (ports, Entry Requirements).
    pub public_cache: Arc<crate::public_cache::PublicCache>,
}

impl AppState {
    /// Call after `App::prepare_database`, which loads the server keys.
    pub fn new(app: App, config: &WebConfig) -> Result<Self, puerta_app::AppError> {
        let csrf_key = app.csrf_key()?;
        Ok(Self(Arc::new(Shared {
            app,
            metrics: Arc::new(Metrics::new()),
            trusted_proxies: TrustedProxies(Arc::new(config.trusted_proxies.clone())),
            csrf_key: csrf_key.into(),
            own_origins: config.own_origins.clone().into(),
            https: config.https,
            metrics_token: config.metrics_token.clone().map(Arc::new),
            public_cache: Arc::default(),
        })))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}
