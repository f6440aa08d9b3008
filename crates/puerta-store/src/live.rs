//! Live announcements: short texts a transaction publishes to every instance's listeners once,
//! and only if, it commits. On PostgreSQL they travel by `NOTIFY` (transactional: delivered at
//! commit, to every instance that `LISTEN`s); on SQLite there is one process, and the
//! transaction hands them to the in-process channel right after its commit.

use std::sync::Arc;

use tokio::sync::{Mutex, broadcast};

use crate::StoreError;

/// The PostgreSQL channel every instance listens on.
pub(crate) const CHANNEL: &str = "puerta_live";

/// What a listener receives. `Resync` means announcements may have been missed (the listening
/// connection was lost and made again): listeners should reload what they show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Announcement {
    Text(Arc<str>),
    Resync,
}

/// The in-process side: one broadcast channel per store, fed by commits (SQLite) or by the one
/// `LISTEN` connection (PostgreSQL), started on the first subscription.
pub(crate) struct Live {
    pub(crate) sender: broadcast::Sender<Announcement>,
    listening: Mutex<bool>,
}

impl Live {
    pub(crate) fn new() -> Arc<Self> {
        let (sender, _) = broadcast::channel(16_384);
        Arc::new(Self { sender, listening: Mutex::new(false) })
    }

    /// Starts the PostgreSQL listener once, and returns after it listens (so whatever commits
    /// after a subscription is seen by it).
    pub(crate) async fn listen_postgres(self: &Arc<Self>, pool: &sqlx::PgPool) -> Result<(), StoreError> {
        let mut started = self.listening.lock().await;
        if *started {
            return Ok(());
        }
        let mut listener = listener(pool).await?;
        *started = true;
        let live = Arc::clone(self);
        let pool = pool.clone();
        tokio::spawn(async move {
            loop {
                // `try_recv` answers `None` when the connection was lost, after sqlx has made it
                // again and listens anew; what was sent meanwhile is gone.
                match listener.try_recv().await {
                    Ok(Some(n)) => {
                        let _ = live.sender.send(Announcement::Text(Arc::from(n.payload())));
                    }
                    Ok(None) => {
                        tracing::warn!("live: the listening connection was lost and made again");
                        let _ = live.sender.send(Announcement::Resync);
                    }
                    // The store is closing (shutdown): nothing more to listen for.
                    Err(sqlx::Error::PoolClosed) => return,
                    Err(e) => {
                        tracing::warn!(error = %e, "live: listening failed; trying again");
                        let _ = live.sender.send(Announcement::Resync);
                        // Listen again on a fresh connection, and say `Resync` once more when it
                        // listens: a listener that reloaded between the failure and now (a
                        // cache, say) may have missed what was announced meanwhile.
                        loop {
                            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                            match self::listener(&pool).await {
                                Ok(fresh) => {
                                    listener = fresh;
                                    let _ = live.sender.send(Announcement::Resync);
                                    break;
                                }
                                Err(sqlx::Error::PoolClosed) => return,
                                Err(e) => tracing::warn!(error = %e, "live: cannot listen yet; trying again"),
                            }
                        }
                    }
                }
            }
        });
        Ok(())
    }
}

/// A listener on [`CHANNEL`], listening when it is returned.
async fn listener(pool: &sqlx::PgPool) -> Result<sqlx::postgres::PgListener, sqlx::Error> {
    let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}
