//! Which accounts' own records a write transaction changed, so that what an instance remembers
//! of an account (its dashboard) is never believed after a change to it.
//!
//! The repositories that write a traveler's own records (the account itself, its notifications
//! and notice reads, threads, cases, appointment requests and appointments) note the account
//! they changed in their transaction ([`Touches`]); a write that reaches many accounts at once
//! (a policy notice, a draw) or whose account is not at hand notes "everyone". Noting lives in
//! the store, not in the use cases, so a new use case cannot forget it.
//!
//! When the transaction has committed, [`AccountStamps`] moves on: a stripe per account (an
//! account's id picks one of a fixed number, so the bookkeeping never grows; two accounts on
//! one stripe only cost each other a fresh read) and one counter for everyone. A reader notes an
//! account's [`AccountStamp`] *before* it reads, and what it read is current for as long as the
//! stamp has not moved: any commit after the read moves it.
//!
//! The stamps are this process's: they see every write on SQLite, where one process holds the
//! database, and only this instance's on PostgreSQL (so only SQLite instances remember
//! dashboards; see `puerta-app`'s `dashboard_cache`).

use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Stripes: 32 KiB, and a one-in-4,096 chance that a change costs a stranger a read.
const STRIPES: usize = 4096;

/// What one write transaction changed, noted by its repositories.
#[derive(Debug, Default)]
pub(crate) struct Touches {
    everyone: bool,
    accounts: Vec<usize>,
}

impl Touches {
    /// `account`'s own records changed.
    pub(crate) fn account(&mut self, account: &str) {
        let stripe = stripe(account);
        if !self.accounts.contains(&stripe) {
            self.accounts.push(stripe);
        }
    }

    /// Records of many accounts, or of one not at hand, changed.
    pub(crate) fn everyone(&mut self) {
        self.everyone = true;
    }

    fn is_empty(&self) -> bool {
        !self.everyone && self.accounts.is_empty()
    }
}

/// Notes on a repository's optional [`Touches`] (a read handle has none).
pub(crate) fn account(touches: &mut Option<&mut Touches>, account: &str) {
    if let Some(t) = touches {
        t.account(account);
    }
}

/// See [`Touches::everyone`].
pub(crate) fn everyone(touches: &mut Option<&mut Touches>) {
    if let Some(t) = touches {
        t.everyone();
    }
}

/// Where an account's records stand in this process: equal stamps, no change committed
/// between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountStamp {
    everyone: u64,
    stripe: u64,
}

/// The counters a commit moves (one per store, shared by its clones).
pub(crate) struct AccountStamps {
    everyone: AtomicU64,
    stripes: Box<[AtomicU64]>,
}

impl AccountStamps {
    pub(crate) fn new() -> Self {
        Self { everyone: AtomicU64::new(0), stripes: (0..STRIPES).map(|_| AtomicU64::new(0)).collect() }
    }

    pub(crate) fn stamp(&self, account: &str) -> AccountStamp {
        AccountStamp {
            everyone: self.everyone.load(Ordering::SeqCst),
            stripe: self.stripes[stripe(account)].load(Ordering::SeqCst),
        }
    }

    /// Moves the stamps of what `touches` changed. Called once the transaction has ended
    /// (committed, or failed or cancelled while committing, when it may have committed all the
    /// same): moving a stamp is always safe, it only costs a fresh read.
    pub(crate) fn advance(&self, touches: &Touches) {
        if touches.everyone {
            self.everyone.fetch_add(1, Ordering::SeqCst);
        }
        for &s in &touches.accounts {
            self.stripes[s].fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Everything anyone remembers is stale (a database changed outside the stamps' sight).
    pub(crate) fn advance_everyone(&self) {
        self.everyone.fetch_add(1, Ordering::SeqCst);
    }
}

/// Advances the stamps when dropped: after a commit returns, and also when the commit's caller
/// is cancelled while waiting for it (group commit may still commit it).
pub(crate) struct AdvanceOnDrop {
    pub(crate) stamps: std::sync::Arc<AccountStamps>,
    pub(crate) touches: Touches,
}

impl Drop for AdvanceOnDrop {
    fn drop(&mut self) {
        if !self.touches.is_empty() {
            self.stamps.advance(&self.touches);
        }
    }
}

fn stripe(account: &str) -> usize {
    // SipHash with fixed keys: the same stripe for an account throughout the process.
    let mut hasher = std::hash::DefaultHasher::new();
    account.hash(&mut hasher);
    usize::try_from(hasher.finish() % STRIPES as u64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_moves_its_account_and_everyone_moves_all() {
        let stamps = AccountStamps::new();
        let (a, b) = ("0190a1b2-0000-7000-8000-000000000001", "0190a1b2-0000-7000-8000-000000000002");
        let (a0, b0) = (stamps.stamp(a), stamps.stamp(b));
        let mut t = Touches::default();
        t.account(a);
        t.account(a);
        stamps.advance(&t);
        assert_ne!(stamps.stamp(a), a0);
        // Another account moves only if it shares the stripe.
        assert_eq!(stamps.stamp(b) == b0, stripe(a) != stripe(b));
        let (a1, b1) = (stamps.stamp(a), stamps.stamp(b));
        let mut all = Touches::default();
        all.everyone();
        stamps.advance(&all);
        assert_ne!(stamps.stamp(a), a1);
        assert_ne!(stamps.stamp(b), b1);
    }

    #[test]
    fn nothing_noted_moves_nothing() {
        let stamps = std::sync::Arc::new(AccountStamps::new());
        let before = stamps.stamp("x");
        drop(AdvanceOnDrop { stamps: stamps.clone(), touches: Touches::default() });
        assert_eq!(stamps.stamp("x"), before);
        let mut touches = Touches::default();
        touches.account("x");
        drop(AdvanceOnDrop { stamps: stamps.clone(), touches });
        assert_ne!(stamps.stamp("x"), before);
    }
}
