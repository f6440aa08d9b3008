//! Another process's commits on SQLite's file (an operator's `sqlite3` session, a `puerta`
//! command run beside the server), noticed within about a second.
//!
//! What this process remembers of the database (sessions, dashboards, reference data) follows
//! its own commits exactly (account stamps, announcements); a commit by another process moves
//! neither. SQLite's `PRAGMA data_version`, read on the writer connection, moves on every commit
//! by any *other* connection, and this process writes only through that one connection, so a
//! change means another process wrote. The watch then moves everyone's stamp and announces
//! `Resync`, which every listener takes as "forget what you remember and read again".

use std::sync::{Arc, Weak};
use std::time::Duration;

use super::Pools;
use crate::live::{Announcement, Live};
use crate::touches::AccountStamps;

/// How often the writer's `data_version` is read: one turn at the writer a second.
pub(crate) const EVERY: Duration = Duration::from_secs(1);

/// Looks at the writer every [`EVERY`] until the store is dropped or closed. `checks` counts
/// the looks that completed (for tests: "the watch has looked since").
pub(crate) fn watch(
    pools: Weak<Pools>,
    live: Arc<Live>,
    stamps: Arc<AccountStamps>,
    checks: Arc<tokio::sync::watch::Sender<u64>>,
) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last: Option<(u64, i64)> = None;
        loop {
            ticks.tick().await;
            let Some(pools) = pools.upgrade() else { return };
            let Pools::Sqlite { write, group, .. } = &*pools else { return };
            if write.is_closed() {
                return;
            }
            let group = group.clone();
            drop(pools);
            match group.data_version().await {
                Ok(now) => {
                    // Only a value read on the same connection compares. A new connection
                    // (after a failed batch, most often another process holding the file's
                    // write lock too long) counts as a change: that process has likely
                    // committed meanwhile, and a needless `Resync` is cheap.
                    if last.is_some_and(|(lost, version)| lost != now.0 || version != now.1) {
                        tracing::info!("another process wrote to the database: cached reads are forgotten");
                        stamps.advance_everyone();
                        let _ = live.sender.send(Announcement::Resync);
                    }
                    last = Some(now);
                    checks.send_modify(|n| *n += 1);
                }
                // Closing, or the writer busy past its time-out: look again at the next tick.
                Err(e) => tracing::debug!(error = %e, "could not look at the writer's data_version"),
            }
        }
    });
}
