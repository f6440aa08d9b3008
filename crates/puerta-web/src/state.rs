use std::sync::Arc;

use puerta_app::App;

use crate::ops::metrics::Metrics;

/// What every handler can reach: the use cases and the metrics registry.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(app: App) -> Self {
        Self { app, metrics: Arc::new(Metrics::new()) }
    }
}
