//! The store itself: ping, pool figures, migrations, the backend, closing.

use puerta_store::Backend;

use crate::harness::on_each_backend;

#[tokio::test]
async fn a_migrated_store_answers_a_ping_and_reports_its_pool() {
    on_each_backend(|db| async move {
        let b = db.backend;
        db.store.ping().await.unwrap_or_else(|e| panic!("{b}: {e}"));
        let stats = db.store.pool_stats();
        // Default options: 10 connections; SQLite has at most twice the cores of readers, and
        // its one writer.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
        let max = if db.store.backend() == Backend::Sqlite { 10.min(2 * cores) + 1 } else { 10 };
        assert_eq!(stats.max, max, "{b}: {stats:?}");
        assert!(stats.size >= 1 && stats.size <= stats.max && stats.idle <= stats.size, "{b}: {stats:?}");
    })
    .await;
}

#[tokio::test]
async fn each_store_names_its_backend() {
    on_each_backend(|db| async move {
        let expected = if db.backend == "sqlite" { Backend::Sqlite } else { Backend::Postgres };
        assert_eq!(db.store.backend(), expected, "{}", db.backend);
    })
    .await;
}

#[tokio::test]
async fn migrating_twice_is_harmless() {
    on_each_backend(|db| async move {
        db.store.migrate().await.unwrap_or_else(|e| panic!("{}: {e}", db.backend));
        db.store.ping().await.unwrap_or_else(|e| panic!("{}: {e}", db.backend));
    })
    .await;
}

#[tokio::test]
async fn a_closed_store_hands_out_nothing() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let clone = db.store.clone();
        db.store.close().await;
        assert!(clone.write().await.is_err(), "{b}: no writer after close");
        assert!(clone.read().await.is_err(), "{b}: no reader after close");
        assert!(clone.ping().await.is_err(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn closing_keeps_what_was_committed_and_refuses_later_writes_without_hanging() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        tx.users()
            .create(&crate::fixtures::traveler("u-before", "before@example.org"))
            .await
            .expect("create");
        tx.commit().await.expect("commit");
        let limit = std::time::Duration::from_secs(60);
        tokio::time::timeout(limit, db.store.close()).await.unwrap_or_else(|_| panic!("{b}: close hung"));
        let later =
            tokio::time::timeout(limit, db.store.write()).await.unwrap_or_else(|_| panic!("{b}: hung"));
        assert!(later.is_err(), "{b}: a write after close is refused");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM users WHERE id = 'u-before'").await, 1, "{b}");
    })
    .await;
}
