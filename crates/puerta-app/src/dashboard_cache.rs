//! Travelers' dashboards in memory: the busiest signed-in read (on release day hundreds of
//! thousands of people reload it) answered without a database read while nothing it shows has
//! changed.
//!
//! Nothing remembered may outlive a change to what it shows:
//!
//! - **Account stamps.** The store's repositories note, in each write transaction, the account
//!   whose own records they changed (or everyone, for a policy notice or a draw), and the
//!   account's [`AccountStamp`] moves once the transaction ends (`puerta_store::touches`). A
//!   dashboard is stored with the stamp noted *before* it was read, and believed only while the
//!   stamp is unchanged: whatever commits after the read moves it.
//! - **Time.** What the clock alone changes is bounded too: an entry is not believed once an
//!   offer it lists reaches its deadline or a scheduled policy notice falls due.
//! - **Another process's writes.** The store notices another process's commits on the file
//!   within about a second and moves everyone's stamp (`puerta_store`'s `foreign_commits`).
//! - **A bounded life.** Whatever else happens, an entry is read again after at most [`TTL`]
//!   (between half of it and all of it, drawn per entry, so that entries read together are not
//!   all read again at once).
//! - **SQLite only.** The stamps see every write of this process, which on SQLite is every
//!   write. On PostgreSQL other instances write too, and announcing each of their changes would
//!   add a `NOTIFY` (which PostgreSQL serializes at commit) to every write; there the dashboard
//!   is read from the database, which has the connections to spare.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use puerta_domain::ids::UserId;
use puerta_store::touches::AccountStamp;

use crate::dashboard::Dashboard;

/// How long an entry is believed, whatever happens: long, since every change is seen (half a
/// minute made ten thousand dashboards expire together in the middle of a busy hour).
pub const TTL: Duration = Duration::from_secs(300);
/// Entries at most (a dashboard is about a kilobyte): the travelers an instance serves at once.
pub const DEFAULT_CAPACITY: usize = 32_768;
/// Locks split the map so that requests on many cores rarely wait for each other.
const SHARDS: usize = 64;

struct Entry {
    dashboard: Arc<Dashboard>,
    stamp: AccountStamp,
    stored: Instant,
    /// This entry's share of [`TTL`] (spread, so that entries read together expire apart).
    life: Duration,
    /// The app clock's time (ms) from which the clock alone may change what it shows.
    until: i64,
}

pub(crate) struct DashboardCache {
    shards: Box<[Mutex<HashMap<UserId, Entry>>]>,
    per_shard: usize,
    ttl: Duration,
}

impl DashboardCache {
    pub(crate) fn new(capacity: usize, ttl: Duration) -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            per_shard: capacity.div_ceil(SHARDS).max(1),
            ttl,
        }
    }

    /// `user`'s dashboard, if it was read under `stamp` (their records have not changed since),
    /// is young enough, and `now` (the app clock, ms) has not reached a deadline it shows.
    pub(crate) fn get(&self, user: &UserId, stamp: AccountStamp, now: i64) -> Option<Arc<Dashboard>> {
        let mut shard = self.shard(user);
        let entry = shard.get(user)?;
        if entry.stamp != stamp || now >= entry.until || entry.stored.elapsed() >= entry.life {
            shard.remove(user);
            return None;
        }
        Some(entry.dashboard.clone())
    }

    /// Stores what was read after `stamp` was noted, believed until `until` (app clock, ms).
    pub(crate) fn insert(&self, user: &UserId, dashboard: Arc<Dashboard>, stamp: AccountStamp, until: i64) {
        let mut shard = self.shard(user);
        if shard.len() >= self.per_shard && !shard.contains_key(user) {
            shard.retain(|_, e| e.stored.elapsed() < e.life);
            if shard.len() >= self.per_shard
                && let Some(victim) = shard.keys().next().cloned()
            {
                // Full of live entries: any one goes (a hash map's order is as good as random).
                shard.remove(&victim);
            }
        }
        let life = crate::accounts::session_cache::spread(self.ttl);
        shard.insert(user.clone(), Entry { dashboard, stamp, stored: Instant::now(), life, until });
    }

    fn shard(&self, user: &UserId) -> MutexGuard<'_, HashMap<UserId, Entry>> {
        // SipHash with fixed keys: the same shard for an account throughout the process.
        let mut hasher = std::hash::DefaultHasher::new();
        user.as_str().hash(&mut hasher);
        let i = usize::try_from(hasher.finish() % SHARDS as u64).unwrap_or(0);
        // A poisoned lock only means a panic elsewhere mid-update of a plain map: still usable.
        self.shards[i].lock().unwrap_or_else(PoisonError::into_inner)
    }
}
