//! Logging: `tracing` to standard output, as text for people or JSON for log collectors.
//!
//! `log_level` sets how much Puerta's own crates say; other people's crates (the HTML sanitizer,
//! the database driver, hyper…) say only errors, so that an odd input cannot make a library
//! write thousands of warnings per request. `RUST_LOG`, when set, replaces the whole filter.

use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, Settings};

/// The prefix of every target of Puerta's own crates (`puerta`, `puerta_web`, `puerta_app`…):
/// `tracing` matches a directive's target as a prefix.
const OWN_TARGETS: &str = "puerta";

/// Installs the global subscriber. Call once, before anything logs.
pub fn init(settings: &Settings) {
    let filter = filter(&settings.log_level, std::env::var("RUST_LOG").ok().as_deref());
    // Colours only for a person at a terminal, never in files or log collectors.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_ansi(ansi);
    let result = match settings.log_format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).try_init(),
    };
    if let Err(e) = result {
        eprintln!("logging was already initialised: {e}");
    }
}

/// `RUST_LOG` when it is set and valid; else `log_level` for Puerta's crates and `error` for
/// everyone else's.
pub fn filter(log_level: &str, rust_log: Option<&str>) -> EnvFilter {
    if let Some(filter) = rust_log.filter(|v| !v.trim().is_empty()).and_then(|v| EnvFilter::try_new(v).ok()) {
        return filter;
    }
    // The settings were validated; fall back to `info` for our own rather than fail here.
    EnvFilter::try_new(directives(log_level))
        .unwrap_or_else(|_| EnvFilter::new(format!("error,{OWN_TARGETS}=info")))
}

/// `info` → `error,puerta=info`; `puerta_web=debug,info` → `error,puerta_web=debug,puerta=info`.
/// A bare level is about Puerta; a directive naming a target (even a library's) is kept as is.
fn directives(log_level: &str) -> String {
    let mut out = vec!["error".to_string()];
    for directive in log_level.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let bare_level = !directive.contains(['=', '[', '{'])
            && directive.parse::<tracing_subscriber::filter::LevelFilter>().is_ok();
        out.push(if bare_level { format!("{OWN_TARGETS}={directive}") } else { directive.to_string() });
    }
    out.join(",")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use tracing::Subscriber;
    use tracing_subscriber::Layer;
    use tracing_subscriber::layer::{Context, SubscriberExt};

    use super::*;

    #[test]
    fn a_bare_level_is_for_puerta_and_libraries_say_only_errors() {
        assert_eq!(directives("info"), "error,puerta=info");
        assert_eq!(directives("puerta_web=debug,info"), "error,puerta_web=debug,puerta=info");
        assert_eq!(directives("sqlx=warn"), "error,sqlx=warn", "a library named on purpose is heard");
    }

    /// Counts the events that pass the filter.
    struct Count(Arc<AtomicUsize>);

    impl<S: Subscriber> Layer<S> for Count {
        fn on_event(&self, _event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Lines logged while rendering `markdown` under `filter` (the `log` records of html5ever
    /// and friends included, as `init` bridges them).
    fn lines_logged(filter: EnvFilter, markdown: &str) -> usize {
        // The bridge from the `log` crate is global; another test may have installed it first.
        let _ = tracing_log::LogTracer::init();
        let count = Arc::new(AtomicUsize::new(0));
        let subscriber = tracing_subscriber::registry().with(filter).with(Count(Arc::clone(&count)));
        tracing::subscriber::with_default(subscriber, || {
            let _ = puerta_app::content::render_markdown(markdown);
            tracing::info!(target: "puerta_app::content", "rendered");
        });
        count.load(Ordering::Relaxed)
    }

    #[test]
    fn an_odd_large_body_does_not_flood_the_log() {
        // Raw HTML that the sanitizer's parser must foster-parent, 48 KB of it: html5ever warns
        // at every occurrence.
        let odd = "<table>stray text<tr><td>x</td></tr>inside</table>\n".repeat(1000);
        assert!(odd.len() >= 48 * 1000);
        let flooded = lines_logged(EnvFilter::new("info"), &odd);
        assert!(flooded > 100, "the body is odd enough to make the libraries talk: {flooded}");
        let ours = lines_logged(filter("info", None), &odd);
        assert_eq!(ours, 1, "only Puerta's own line passes the default filter");
        assert!(lines_logged(filter("info", Some("debug")), &odd) > 100, "RUST_LOG replaces the filter");
    }
}
