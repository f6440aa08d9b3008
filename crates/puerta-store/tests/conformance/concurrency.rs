//! Real concurrent tasks, each with its own write transaction. On SQLite they queue for the one
//! writer; on PostgreSQL they overlap, and the store's locks must keep the results exact.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use puerta_domain::accounts::{CodePurpose, Role};
use puerta_domain::ids::{CodeId, OutboxId};

use crate::fixtures::{admin, cid, code, create_users, enqueue_all, message, traveler, uid};
use crate::harness::on_each_backend;

/// Lets the other tasks run while this one holds its transaction (no fixed wait: the results
/// must be exact whatever the interleaving).
async fn hold() {
    tokio::task::yield_now().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_workers_claim_every_message_exactly_once() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let messages: Vec<_> = (0..40).map(|i| message(&format!("m{i:02}"), None, 1_000 + i)).collect();
        enqueue_all(&db, &messages).await;
        let holding = Arc::new(AtomicUsize::new(0));
        let most_at_once = Arc::new(AtomicUsize::new(0));
        // On PostgreSQL every worker holds its first claim open until all eight have claimed:
        // that only completes if claims skip each other's locked rows (SKIP LOCKED), and it makes
        // the overlap certain instead of a matter of timing. SQLite has one writer, so no wait.
        let together = Arc::new(tokio::sync::Barrier::new(8));
        let workers: Vec<_> = (0..8)
            .map(|_| {
                let (store, holding, most_at_once, together) =
                    (db.store.clone(), holding.clone(), most_at_once.clone(), together.clone());
                tokio::spawn(async move {
                    let mut mine = Vec::new();
                    let mut first = b == "postgres";
                    loop {
                        let mut tx = store.write().await.expect("write");
                        let claimed = tx.outbox().claim_due(10_000, 70_000, 5).await.expect("claim");
                        if claimed.is_empty() {
                            return mine;
                        }
                        let now = holding.fetch_add(1, Ordering::SeqCst) + 1;
                        most_at_once.fetch_max(now, Ordering::SeqCst);
                        if std::mem::take(&mut first) {
                            tokio::time::timeout(Duration::from_secs(60), together.wait())
                                .await
                                .expect("every worker claimed while the others held their rows");
                        }
                        hold().await;
                        holding.fetch_sub(1, Ordering::SeqCst);
                        tx.commit().await.expect("commit");
                        assert!(claimed.len() <= 5 && claimed.iter().all(|c| c.attempt == 1), "{claimed:?}");
                        mine.extend(claimed.into_iter().map(|c| c.id));
                    }
                })
            })
            .collect();
        let mut all: Vec<OutboxId> = Vec::new();
        let mut per_worker = Vec::new();
        for w in workers {
            let mine = w.await.expect("worker");
            per_worker.push(mine.len());
            all.extend(mine);
        }
        let distinct: BTreeSet<_> = all.iter().cloned().collect();
        assert_eq!(all.len(), 40, "{b}: {per_worker:?}");
        assert_eq!(
            distinct,
            messages.iter().map(|m| m.id.clone()).collect(),
            "{b}: every message, none twice"
        );
        let leased =
            "SELECT COUNT(*) FROM outbox WHERE status = 'sending' AND attempts = 1 AND locked_until = 70000";
        assert_eq!(db.raw_i64(leased).await, 40, "{b}");
        if b == "postgres" {
            let overlap = most_at_once.load(Ordering::SeqCst);
            assert_eq!(overlap, 8, "{b}: all eight claims were held at once");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_demotions_leave_exactly_one_admin() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let admins: Vec<_> = (0..10).map(|i| format!("a{i}")).collect();
        create_users(&db, &admins.iter().map(|id| admin(id)).collect::<Vec<_>>()).await;
        let tasks: Vec<_> = admins
            .iter()
            .map(|id| {
                let (store, id) = (db.store.clone(), uid(id));
                tokio::spawn(async move {
                    let mut tx = store.write().await.expect("write");
                    tx.users().lock_admins().await.expect("lock");
                    let count = tx.users().count_active_admins().await.expect("count");
                    hold().await;
                    if count > 1 {
                        tx.users().set_role(&id, Role::Officer, 2_000).await.expect("demote");
                        tx.commit().await.expect("commit");
                        true
                    } else {
                        drop(tx);
                        false
                    }
                })
            })
            .collect();
        let mut demoted = 0;
        for t in tasks {
            demoted += usize::from(t.await.expect("task"));
        }
        assert_eq!(demoted, 9, "{b}");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.users().count_active_admins().await.expect("count"), 1, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM users WHERE role = 'admin'").await, 1, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM users WHERE role = 'officer'").await, 9, "{b}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_codes_for_one_purpose_leave_exactly_one_live() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let ids: Vec<CodeId> = (0..12).map(|i| cid(&format!("c{i:02}"))).collect();
        let tasks: Vec<_> = (0..12)
            .map(|i| {
                let store = db.store.clone();
                tokio::spawn(async move {
                    let c = code(&format!("c{i:02}"), "u1", CodePurpose::VerifyEmail, 1_000 + i);
                    let mut tx = store.write().await.expect("write");
                    let issued = tx.codes().issue(&c).await;
                    hold().await;
                    if issued.is_ok() {
                        tx.commit().await.expect("commit");
                    }
                    issued.map_err(|e| format!("{}: {e}", c.id))
                })
            })
            .collect();
        for t in tasks {
            let issued = t.await.expect("task");
            assert!(issued.is_ok(), "{b}: every issue succeeds: {issued:?}");
        }
        let live = "SELECT COUNT(*) FROM one_time_codes WHERE user_id = 'u1' AND purpose = 'verify_email' \
                    AND consumed_at IS NULL";
        assert_eq!(db.raw_i64(live).await, 1, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM one_time_codes").await, 12, "{b}: all stored");
        let mut read = db.store.read().await.expect("read");
        let active = read.codes().active(&uid("u1"), CodePurpose::VerifyEmail, 2_000).await.expect("active");
        let active = active.expect("one live code");
        assert!(ids.contains(&active.id), "{b}: {:?}", active.id);
    })
    .await;
}
