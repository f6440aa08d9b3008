//! Throttle counters: per key and window, released but never below zero, purged by age.

use crate::harness::on_each_backend;

#[tokio::test]
async fn throttle_counters_count_per_key_and_window_and_never_go_below_zero() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        let mut hits = Vec::new();
        for _ in 0..3 {
            hits.push(tx.throttles().hit("k", 60_000).await.expect("hit"));
        }
        assert_eq!(hits, [1, 2, 3], "{b}");
        assert_eq!(tx.throttles().hit("k", 120_000).await.expect("hit"), 1, "{b}: a new window");
        assert_eq!(tx.throttles().hit("other", 60_000).await.expect("hit"), 1, "{b}: another key");
        tx.throttles().release("k", 60_000).await.expect("release");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.throttles().count("k", 60_000).await.expect("count"), 2, "{b}");
        assert_eq!(read.throttles().count("k", 120_000).await.expect("count"), 1, "{b}");
        assert_eq!(read.throttles().count("k", 180_000).await.expect("count"), 0, "{b}: no row");
        assert_eq!(read.throttles().count("missing", 60_000).await.expect("count"), 0, "{b}");
        drop(read);

        let mut tx = db.store.write().await.expect("write");
        for _ in 0..4 {
            tx.throttles().release("k", 60_000).await.expect("release");
        }
        tx.throttles().release("missing", 60_000).await.expect("releasing nothing is harmless");
        assert_eq!(tx.throttles().count("k", 60_000).await.expect("count"), 0, "{b}: not below zero");
        assert_eq!(tx.throttles().hit("k", 60_000).await.expect("hit"), 1, "{b}: counts up from zero");
        assert_eq!(tx.throttles().count("missing", 60_000).await.expect("count"), 0, "{b}");
        assert_eq!(tx.throttles().purge(120_000).await.expect("purge"), 2, "{b}: both 60 000 windows");
        assert_eq!(tx.throttles().purge(120_000).await.expect("purge"), 0, "{b}");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.throttles().count("k", 60_000).await.expect("count"), 0, "{b}");
        assert_eq!(read.throttles().count("other", 60_000).await.expect("count"), 0, "{b}");
        assert_eq!(read.throttles().count("k", 120_000).await.expect("count"), 1, "{b}: kept");
    })
    .await;
}
