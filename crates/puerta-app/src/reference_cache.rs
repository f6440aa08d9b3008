//! Reference data kept in memory: the ports and the published Entry Requirements (with their
//! rendered HTML), read by every visitor and changed a few times a year.
//!
//! Each area has a **generation**, a counter bumped whenever what is published may have changed.
//! A snapshot is tagged with the generation read *before* its rows were read, and is served
//! only while that is still the area's generation; so a snapshot read before an edit's commit is
//! never served after the bump, and one read after it holds the edit.
//!
//! The bumps:
//! - in this process, by the editing use case right after its commit, before it returns (so its
//!   own next request, and every later one here, reads afresh);
//! - on every instance, by a small announcement sent inside the edit's transaction
//!   (`cache:<area>:<nonce>`, `WriteTx::announce`: `NOTIFY` on PostgreSQL, so only if it commits),
//!   heard by one relay task per instance; the editing use case then waits (briefly, bounded)
//!   until its own instance hears it, so by the time the edit answers PostgreSQL has handed the
//!   announcement to every listening instance;
//! - for both areas when announcements may have been missed (`Resync`: the listening connection
//!   was lost; or this relay fell behind).
//!
//! Nothing is cached until this instance listens: before that (or when listening fails), reads
//! go to the database as they always did. The notification relay
//! (`notifications::live`) ignores these texts (they are not its JSON).

use std::collections::VecDeque;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use puerta_i18n::Language;
use puerta_store::live::Announcement;
use puerta_store::{Store, WriteTx};
use tokio::sync::broadcast;

use crate::AppError;

/// What one announcement names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Area {
    Ports,
    Content,
}

impl Area {
    fn name(self) -> &'static str {
        match self {
            Self::Ports => "ports",
            Self::Content => "content",
        }
    }
}

/// The prefix of every cache announcement.
const PREFIX: &str = "cache:";

/// How long an edit waits to hear its own announcement back (a listener that is down only
/// delays the edit's answer by this much; the local caches were cleared already).
const ECHO_WAIT: Duration = Duration::from_secs(2);

/// How long reads go to the database after listening failed, before listening is tried again.
const LISTEN_RETRY: Duration = Duration::from_secs(10);

/// The announcements heard lately, by nonce, for edits waiting on their own.
const HEARD_KEPT: usize = 256;

/// A snapshot that knows the generation it was read under (`None`: not cacheable, because this
/// instance was not listening when it was read).
pub(crate) trait Tagged {
    fn tag(&self) -> Option<u64>;
}

/// One cached value and a lock so that only one request rebuilds it at a time.
pub(crate) struct Slot<T> {
    current: RwLock<Option<Arc<T>>>,
    building: tokio::sync::Mutex<()>,
}

impl<T: Tagged> Slot<T> {
    fn new() -> Self {
        Self { current: RwLock::new(None), building: tokio::sync::Mutex::new(()) }
    }

    fn get(&self, generation: u64) -> Option<Arc<T>> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.as_ref().filter(|v| v.tag() == Some(generation)).cloned()
    }

    fn put(&self, value: Arc<T>) {
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(value);
    }
}

pub(crate) struct ReferenceCache {
    ports_generation: AtomicU64,
    content_generation: AtomicU64,
    pub(crate) ports: Slot<crate::ports::PublishedPorts>,
    /// One per language, indexed by `Language as usize`.
    pub(crate) content: [Slot<crate::content::PublishedEntries>; Language::ALL.len()],
    /// Set once this instance listens for announcements (the relay runs).
    listening: tokio::sync::OnceCell<()>,
    /// When to try listening again after a failure.
    retry_at: Mutex<Option<Instant>>,
    heard: Mutex<VecDeque<u64>>,
    heard_changed: tokio::sync::Notify,
}

impl ReferenceCache {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self {
            ports_generation: AtomicU64::new(0),
            content_generation: AtomicU64::new(0),
            ports: Slot::new(),
            content: std::array::from_fn(|_| Slot::new()),
            listening: tokio::sync::OnceCell::new(),
            retry_at: Mutex::new(None),
            heard: Mutex::new(VecDeque::with_capacity(HEARD_KEPT)),
            heard_changed: tokio::sync::Notify::new(),
        })
    }

    fn generation_of(&self, area: Area) -> &AtomicU64 {
        match area {
            Area::Ports => &self.ports_generation,
            Area::Content => &self.content_generation,
        }
    }

    /// What `area` may hold changed: every snapshot read before now is stale.
    pub(crate) fn invalidate(&self, area: Area) {
        self.generation_of(area).fetch_add(1, Ordering::AcqRel);
    }

    fn invalidate_all(&self) {
        self.invalidate(Area::Ports);
        self.invalidate(Area::Content);
    }

    /// Starts this instance's relay once (and, on PostgreSQL, its `LISTEN`); true when it runs.
    /// A failure is tried again [`LISTEN_RETRY`] later (not at every read: a database that
    /// refuses `LISTEN`, behind a transaction pooler say, would be asked at every request);
    /// until then nothing is cached.
    pub(crate) async fn listen(self: &Arc<Self>, store: &Store) -> bool {
        if self.listening.initialized() {
            return true;
        }
        if self.retry_at.lock().unwrap_or_else(PoisonError::into_inner).is_some_and(|at| Instant::now() < at)
        {
            return false;
        }
        let started = self
            .listening
            .get_or_try_init(|| async {
                let announcements = store.subscribe().await?;
                tokio::spawn(relay(Arc::clone(self), announcements));
                Ok::<_, AppError>(())
            })
            .await;
        match started {
            Ok(()) => true,
            Err(e) => {
                *self.retry_at.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some(Instant::now() + LISTEN_RETRY);
                tracing::warn!(error = %e, "reference cache: cannot listen for edits; reading the database");
                false
            }
        }
    }

    /// The snapshot of `slot` for `area`: the cached one while its generation holds, else one
    /// read by `build` (one request builds, the others wait for it).
    pub(crate) async fn get_or_build<T, F, Fut>(
        self: &Arc<Self>,
        store: &Store,
        area: Area,
        slot: &Slot<T>,
        build: F,
    ) -> Result<Arc<T>, AppError>
    where
        T: Tagged,
        F: FnOnce(Option<u64>) -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
    {
        if !self.listen(store).await {
            return Ok(Arc::new(build(None).await?));
        }
        let generation = self.generation_of(area).load(Ordering::Acquire);
        if let Some(hit) = slot.get(generation) {
            return Ok(hit);
        }
        let _building = slot.building.lock().await;
        // Read again: the generation may have moved while this request waited.
        let generation = self.generation_of(area).load(Ordering::Acquire);
        if let Some(hit) = slot.get(generation) {
            return Ok(hit);
        }
        let built = Arc::new(build(Some(generation)).await?);
        // Kept even if the generation moved meanwhile: then its tag no longer matches, and the
        // next read builds again.
        slot.put(Arc::clone(&built));
        Ok(built)
    }

    /// Announces, inside `tx`, that `area` changes when `tx` commits; the nonce lets the editor
    /// wait for its own announcement ([`Self::after_commit`]).
    pub(crate) async fn announce(tx: &mut WriteTx, area: Area) -> Result<u64, AppError> {
        let nonce: u64 = rand::random();
        tx.announce(&format!("{PREFIX}{}:{nonce:016x}", area.name())).await?;
        Ok(nonce)
    }

    /// After the edit's commit: this process's snapshots of `area` are stale at once, and the
    /// edit answers once this instance has heard its own announcement (so every instance's
    /// listener has been handed it), or after [`ECHO_WAIT`].
    pub(crate) async fn after_commit(&self, area: Area, nonce: u64) {
        self.invalidate(area);
        if !self.listening.initialized() {
            return;
        }
        let deadline = tokio::time::Instant::now() + ECHO_WAIT;
        loop {
            // Registered before the check, so an announcement heard in between still wakes it.
            let mut notified = std::pin::pin!(self.heard_changed.notified());
            notified.as_mut().enable();
            if self.heard.lock().unwrap_or_else(PoisonError::into_inner).contains(&nonce) {
                return;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                tracing::warn!(
                    area = area.name(),
                    "reference cache: the edit's announcement was not heard back in time"
                );
                return;
            }
        }
    }

    fn heard(&self, area: Option<Area>, nonce: Option<u64>) {
        // An area this version does not know (a newer instance's) is not kept here either.
        if let Some(area) = area {
            self.invalidate(area);
        }
        if let Some(nonce) = nonce {
            let mut heard = self.heard.lock().unwrap_or_else(PoisonError::into_inner);
            if heard.len() == HEARD_KEPT {
                heard.pop_front();
            }
            heard.push_back(nonce);
        }
        self.heard_changed.notify_waiters();
    }
}

/// `cache:<area>:<nonce>` → the area (`None` if unknown) and the nonce; `None` for any other
/// text (the notifications' JSON, other announcements).
fn parse(text: &str) -> Option<(Option<Area>, Option<u64>)> {
    let rest = text.strip_prefix(PREFIX)?;
    let (name, nonce) = rest.split_once(':').unwrap_or((rest, ""));
    let area = [Area::Ports, Area::Content].into_iter().find(|a| a.name() == name);
    Some((area, u64::from_str_radix(nonce, 16).ok()))
}

async fn relay(cache: Arc<ReferenceCache>, mut from: broadcast::Receiver<Announcement>) {
    loop {
        match from.recv().await {
            Ok(Announcement::Text(text)) => {
                if let Some((area, nonce)) = parse(&text) {
                    cache.heard(area, nonce);
                }
            }
            // Announcements may have been missed: nothing read before now can be trusted.
            Ok(Announcement::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => cache.invalidate_all(),
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cache_announcements_are_read() {
        assert_eq!(parse("cache:ports:00000000000000ff"), Some((Some(Area::Ports), Some(255))));
        assert_eq!(parse("cache:content:1"), Some((Some(Area::Content), Some(1))));
        assert_eq!(parse("cache:content"), Some((Some(Area::Content), None)));
        assert_eq!(parse("cache:schedules:2"), Some((None, Some(2))));
        assert_eq!(parse(r#"{"t":"notification","u":"x","i":"y"}"#), None);
    }

    struct Value(Option<u64>);

    impl Tagged for Value {
        fn tag(&self) -> Option<u64> {
            self.0
        }
    }

    #[test]
    fn a_snapshot_is_served_only_under_the_generation_it_was_read_under() {
        let cache = ReferenceCache::new();
        let slot: Slot<Value> = Slot::new();
        let before = cache.generation_of(Area::Content).load(Ordering::Acquire);
        slot.put(Arc::new(Value(Some(before))));
        assert!(slot.get(before).is_some());
        cache.invalidate(Area::Ports);
        assert_eq!(cache.generation_of(Area::Content).load(Ordering::Acquire), before, "areas are apart");
        cache.heard(Some(Area::Content), Some(7));
        let after = cache.generation_of(Area::Content).load(Ordering::Acquire);
        assert!(slot.get(after).is_none(), "stale after the bump");
        slot.put(Arc::new(Value(None)));
        assert!(slot.get(after).is_none(), "an uncacheable read is never served again");
    }

    #[tokio::test]
    async fn an_edit_waits_for_its_own_announcement() {
        let cache = ReferenceCache::new();
        // Listening is marked without a store: only the waiting is under test.
        cache.listening.set(()).expect("not yet set");
        let waiting = tokio::spawn({
            let cache = Arc::clone(&cache);
            async move { cache.after_commit(Area::Content, 42).await }
        });
        cache.heard(Some(Area::Content), Some(41));
        cache.heard(Some(Area::Content), Some(42));
        tokio::time::timeout(Duration::from_secs(30), waiting).await.expect("in time").expect("joined");
    }
}
