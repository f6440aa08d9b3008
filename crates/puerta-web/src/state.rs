use std::sync::Arc;

use puerta_app::App;

use crate::WebConfig;
use crate::auth::TrustedProxies;
use crate::ops::metrics::Metrics;

/// What every handler can reach: the use cases, metrics, and the web settings it needs.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub metrics: Arc<Metrics>,
    pub trusted_proxies: TrustedProxies,
    /// Key for CSRF tokens, derived from the server secret (shared by all instances).
    pub csrf_key: Arc<str>,
    /// Our own origin (`https://puerta.example.org`) for the CSRF Origin check; `None` trusts
    /// the Host header, which is right when Puerta is reached directly.
    pub own_origin: Option<Arc<str>>,
    /// Set `Secure` on cookies.
    pub https: bool,
}

impl AppState {
    /// Call after `App::prepare_database`, which loads the server keys.
    pub fn new(app: App, config: &WebConfig) -> Result<Self, puerta_app::AppError> {
        let csrf_key = app.csrf_key()?;
        Ok(Self {
            app,
            metrics: Arc::new(Metrics::new()),
            trusted_proxies: TrustedProxies(Arc::new(config.trusted_proxies.clone())),
            csrf_key: csrf_key.into(),
            own_origin: config.public_origin.as_deref().map(Into::into),
            https: config.https,
        })
    }
}
