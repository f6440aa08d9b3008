//! Signed-in requests without a database read: what `authenticate` needs of a session and its
//! account, remembered per instance, keyed by the token's hash (never the token).
//!
//! Nothing remembered may outlive a change that would refuse it:
//!
//! - **Per-account generations.** Every use case that changes what `authenticate` answers for
//!   an account (sign-out, revocations, disabling, deletion, role, second factor, language…)
//!   commits through `App::commit_account_change`, which bumps the account's generation right
//!   after the commit. An entry remembers the generation it was read under, and a different
//!   one at lookup means "read again". Generations live in a fixed array of stripes (an
//!   account's id picks one), so the bookkeeping never grows; two accounts sharing a stripe
//!   only cost each other a re-read.
//! - **No stale insert.** A request that read the database just before a change committed must
//!   not store what it read after the change was forgotten. Every forgetting also bumps one
//!   `epoch`, first; a request notes the epoch before it reads, and stores only if it has not
//!   moved (checked under the shard's lock, after reading the generation it stores).
//! - **Other instances** hear `cache:user:<id>`, announced inside the changing transaction
//!   (PostgreSQL `NOTIFY` at commit), and forget the same way; a missed stretch (`Resync`, a
//!   listener that fell behind) forgets everything.
//! - **Another process's writes.** On SQLite the store notices another process's commits on
//!   its file within about a second and announces `Resync` (see `puerta_store`'s
//!   `foreign_commits`), which forgets everything too.
//! - **A bounded life.** Whatever else happens (a listening connection lost and made again, an
//!   operator's direct SQL on PostgreSQL), an entry is read again after at most [`TTL`] on
//!   PostgreSQL and [`TTL_SQLITE`] on SQLite, where nothing but a bug in this bookkeeping can
//!   leave an entry stale (see `spread`).
//!
//! The idle limit and the absolute expiry are checked at each request against the remembered
//! times, like the database's; a cookie's once-a-minute activity record updates the entry.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use puerta_domain::accounts::{Language, Role, SessionKind};
use puerta_domain::ids::UserId;
use puerta_store::live::Announcement;
use tokio::sync::broadcast;

/// How long an entry is believed without a database read, whatever happens (PostgreSQL).
pub const TTL: Duration = Duration::from_secs(30);
/// The same on SQLite: long, because every change is seen (ours by the generations, another
/// process's by the store's watch), and a short one made every remembered session expire
/// together, mid-surge, half a minute after the surge began.
pub const TTL_SQLITE: Duration = Duration::from_secs(300);

/// The announcement that `user`'s sessions or account changed.
pub(crate) const ANNOUNCEMENT_PREFIX: &str = "cache:user:";

/// Locks split the map so that requests on many cores rarely wait for each other.
const SHARDS: usize = 64;
/// Generation stripes: 32 KiB, and a one-in-4,096 chance that a change costs a stranger a read.
const STRIPES: usize = 4096;
/// Entries at most (about 250 bytes each): far above the sessions an instance serves at once.
pub const DEFAULT_CAPACITY: usize = 131_072;

/// What a request needs of its session and account, as read from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Remembered {
    pub user_id: UserId,
    pub role: Role,
    pub language: Language,
    pub mfa_enabled: bool,
    pub kind: SessionKind,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

struct Entry {
    remembered: Remembered,
    generation: u64,
    stored: Instant,
    /// This entry's share of [`TTL`] (see `spread`).
    life: Duration,
}

pub(crate) struct SessionCache {
    shards: Box<[Mutex<HashMap<String, Entry>>]>,
    generations: Box<[AtomicU64]>,
    epoch: AtomicU64,
    per_shard: usize,
    ttl: Duration,
}

/// A moment before a database read: what is read may be stored only if nothing was forgotten
/// since.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Epoch(u64);

impl SessionCache {
    pub(crate) fn new(capacity: usize, ttl: Duration) -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            generations: (0..STRIPES).map(|_| AtomicU64::new(0)).collect(),
            epoch: AtomicU64::new(0),
            per_shard: capacity.div_ceil(SHARDS).max(1),
            ttl,
        }
    }

    /// The entry for `token_hash`, if it is remembered, young enough and of the account's
    /// current generation.
    pub(crate) fn get(&self, token_hash: &str) -> Option<Remembered> {
        let mut shard = self.shard(token_hash);
        let entry = shard.get(token_hash)?;
        let current = self.generation(&entry.remembered.user_id).load(Ordering::SeqCst);
        if entry.generation != current || entry.stored.elapsed() >= entry.life {
            shard.remove(token_hash);
            return None;
        }
        Some(entry.remembered.clone())
    }

    /// Notes the moment before a database read (see [`Self::insert`]).
    pub(crate) fn epoch(&self) -> Epoch {
        Epoch(self.epoch.load(Ordering::SeqCst))
    }

    /// Stores what was read after `before`, unless something was forgotten since then (what was
    /// read may predate that change).
    pub(crate) fn insert(&self, token_hash: &str, remembered: Remembered, before: Epoch) {
        // The generation first, then the epoch: a change whose epoch bump comes after the
        // check below bumps the generation after this read, so the entry is already stale to it.
        let generation = self.generation(&remembered.user_id).load(Ordering::SeqCst);
        let mut shard = self.shard(token_hash);
        if self.epoch.load(Ordering::SeqCst) != before.0 {
            return;
        }
        if shard.len() >= self.per_shard && !shard.contains_key(token_hash) {
            shard.retain(|_, e| e.stored.elapsed() < e.life);
            if shard.len() >= self.per_shard
                && let Some(victim) = shard.keys().next().cloned()
            {
                // Full of live entries: any one goes (a hash map's order is as good as random).
                shard.remove(&victim);
            }
        }
        let life = spread(self.ttl);
        shard.insert(token_hash.to_string(), Entry { remembered, generation, stored: Instant::now(), life });
    }

    /// A cookie session's activity was recorded at `at`.
    pub(crate) fn touch(&self, token_hash: &str, at: i64) {
        if let Some(entry) = self.shard(token_hash).get_mut(token_hash) {
            entry.remembered.last_seen_at = entry.remembered.last_seen_at.max(at);
        }
    }

    /// Forgets every session of `user` (after a change to it or to the account committed).
    pub(crate) fn forget_user(&self, user: &UserId) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
        self.generation(user).fetch_add(1, Ordering::SeqCst);
    }

    /// Forgets one session.
    pub(crate) fn forget_token(&self, token_hash: &str) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
        self.shard(token_hash).remove(token_hash);
    }

    /// Forgets everything (announcements may have been missed).
    pub(crate) fn clear(&self) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
        for shard in &self.shards {
            shard.lock().unwrap_or_else(PoisonError::into_inner).clear();
        }
    }

    /// How many entries are held (expired ones included until they are met).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.shards.iter().map(|s| s.lock().unwrap_or_else(PoisonError::into_inner).len()).sum()
    }

    fn shard(&self, token_hash: &str) -> MutexGuard<'_, HashMap<String, Entry>> {
        // A poisoned lock only means a panic elsewhere mid-update of a plain map: still usable.
        self.shards[index(token_hash, SHARDS)].lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn generation(&self, user: &UserId) -> &AtomicU64 {
        &self.generations[index(user.as_str(), STRIPES)]
    }

    /// Applies other instances' (and, on SQLite, this one's own) announcements until the store
    /// closes.
    pub(crate) async fn follow(&self, mut announcements: broadcast::Receiver<Announcement>) {
        loop {
            match announcements.recv().await {
                Ok(Announcement::Text(text)) => {
                    let Some(id) = text.strip_prefix(ANNOUNCEMENT_PREFIX) else { continue };
                    match UserId::parse(id) {
                        Ok(user) => self.forget_user(&user),
                        // Not ours to read: forgetting everything is always safe.
                        Err(_) => self.clear(),
                    }
                }
                Ok(Announcement::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => self.clear(),
                Err(broadcast::error::RecvError::Closed) => return,
            }
        }
    }
}

/// The announcement that `user`'s sessions or account changed.
pub(crate) fn announcement(user: &UserId) -> String {
    format!("{ANNOUNCEMENT_PREFIX}{user}")
}

/// A lifetime between half of `ttl` and all of it, drawn per entry: entries read together (every
/// session after a restart, a crowd signing in at 9 a.m.) are then not all read again in the
/// same second when their time is up.
pub(crate) fn spread(ttl: Duration) -> Duration {
    ttl.mul_f64(rand::random_range(0.5..=1.0))
}

fn index(key: &str, buckets: usize) -> usize {
    // SipHash with fixed keys: the same bucket for a key throughout the process.
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    usize::try_from(hasher.finish() % buckets as u64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(n: u8) -> UserId {
        UserId::parse(&format!("{n:032x}")).expect("id")
    }

    fn remembered(user: &UserId) -> Remembered {
        Remembered {
            user_id: user.clone(),
            role: Role::Traveler,
            language: Language::En,
            mfa_enabled: false,
            kind: SessionKind::Bearer,
            last_seen_at: 1,
            expires_at: 2,
        }
    }

    #[test]
    fn what_is_stored_is_found_until_its_account_changes() {
        let cache = SessionCache::new(1000, TTL);
        let (a, b) = (user(1), user(2));
        cache.insert("ha", remembered(&a), cache.epoch());
        cache.insert("hb", remembered(&b), cache.epoch());
        assert_eq!(cache.get("ha"), Some(remembered(&a)));
        cache.forget_user(&a);
        assert_eq!(cache.get("ha"), None, "a's change forgets a");
        // Unless a and b share a stripe, b is untouched.
        if index(a.as_str(), STRIPES) != index(b.as_str(), STRIPES) {
            assert_eq!(cache.get("hb"), Some(remembered(&b)));
        }
    }

    #[test]
    fn a_read_from_before_a_change_is_not_stored_after_it() {
        let cache = SessionCache::new(1000, TTL);
        let a = user(1);
        let before = cache.epoch();
        // The change commits and is forgotten while the read is in flight…
        cache.forget_user(&a);
        // …so what the read found is not stored.
        cache.insert("ha", remembered(&a), before);
        assert_eq!(cache.get("ha"), None);
        // A read begun after the change is.
        cache.insert("ha", remembered(&a), cache.epoch());
        assert!(cache.get("ha").is_some());
    }

    #[test]
    fn entries_expire_and_tokens_and_everything_can_be_forgotten() {
        let cache = SessionCache::new(1000, Duration::ZERO);
        let a = user(1);
        cache.insert("ha", remembered(&a), cache.epoch());
        assert_eq!(cache.get("ha"), None, "older than the time to live");

        let cache = SessionCache::new(1000, TTL);
        cache.insert("ha", remembered(&a), cache.epoch());
        cache.insert("hb", remembered(&a), cache.epoch());
        cache.forget_token("ha");
        assert_eq!(cache.get("ha"), None);
        assert!(cache.get("hb").is_some());
        cache.clear();
        assert_eq!(cache.get("hb"), None);
    }

    #[test]
    fn activity_moves_last_seen_forward_only() {
        let cache = SessionCache::new(1000, TTL);
        let a = user(1);
        cache.insert("ha", remembered(&a), cache.epoch());
        cache.touch("ha", 500);
        cache.touch("ha", 100);
        assert_eq!(cache.get("ha").map(|r| r.last_seen_at), Some(500));
    }

    #[test]
    fn the_size_is_bounded() {
        let cache = SessionCache::new(SHARDS * 4, TTL);
        let a = user(1);
        for i in 0..SHARDS * 40 {
            cache.insert(&format!("h{i}"), remembered(&a), cache.epoch());
        }
        assert!(cache.len() <= SHARDS * 4, "{}", cache.len());
    }

    #[tokio::test]
    async fn announcements_forget_their_account_and_a_resync_forgets_all() {
        let cache = std::sync::Arc::new(SessionCache::new(1000, TTL));
        let (sender, receiver) = broadcast::channel(16);
        let follower = tokio::spawn({
            let cache = std::sync::Arc::clone(&cache);
            async move { cache.follow(receiver).await }
        });
        let (a, b) = (user(1), user(2));
        cache.insert("ha", remembered(&a), cache.epoch());
        cache.insert("hb", remembered(&b), cache.epoch());
        sender.send(Announcement::Text(std::sync::Arc::from("{\"t\":\"notice\"}"))).expect("sent");
        sender.send(Announcement::Text(std::sync::Arc::from(announcement(&a)))).expect("sent");
        sender.send(Announcement::Resync).expect("sent");
        drop(sender);
        follower.await.expect("follower ends when the channel closes");
        assert_eq!(cache.get("ha"), None);
        assert_eq!(cache.get("hb"), None, "a resync forgets everything");
    }
}
