//! Concurrent writers to one record: content versions, a server secret, a throttle counter.
//! Each task opens its own write transaction; on SQLite they queue, on PostgreSQL they overlap.

use std::collections::BTreeSet;

use puerta_domain::accounts::Language;
use puerta_domain::content::ContentVersion;
use puerta_store::StoreError;

use crate::fixtures::{secret, shown};
use crate::harness::on_each_backend;

const TASKS: i64 = 10;

/// Lets the other tasks run while this one holds its transaction (no fixed wait).
async fn hold() {
    tokio::task::yield_now().await;
}

fn edit(n: i64) -> ContentVersion {
    ContentVersion {
        slug: "documents".into(),
        language: Language::En,
        version: 0,
        position: 1,
        title: format!("edit {n}"),
        summary: String::new(),
        body_md: "body".into(),
        author_id: None,
        created_at_ms: n,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_edits_get_distinct_versions_or_a_conflict() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let tasks: Vec<_> = (0..TASKS)
            .map(|n| {
                let store = db.store.clone();
                tokio::spawn(async move {
                    let mut tx = store.write().await.expect("write");
                    let added = tx.content().add_version(&edit(n)).await;
                    hold().await;
                    if added.is_ok() {
                        tx.commit().await.expect("commit");
                    }
                    added
                })
            })
            .collect();
        let (mut versions, mut conflicts) = (Vec::new(), 0);
        for t in tasks {
            match t.await.expect("task") {
                Ok(v) => versions.push(v),
                Err(StoreError::Conflict) => conflicts += 1,
                Err(e) => panic!("{b}: neither a version nor a conflict: {e}"),
            }
        }
        versions.sort_unstable();
        let ok = i64::try_from(versions.len()).expect("count");
        assert_eq!(versions, (1..=ok).collect::<Vec<_>>(), "{b}: distinct versions, no gap");
        assert_eq!(ok + conflicts, TASKS, "{b}");
        if b == "sqlite" {
            assert_eq!(conflicts, 0, "{b}: writers take turns, so nobody collides");
        }
        let mut read = db.store.read().await.expect("read");
        let history = read.content().history("documents", Language::En).await.expect("history");
        assert_eq!(history.len(), versions.len(), "{b}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_instances_share_the_first_secret() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let tasks: Vec<_> = (0..TASKS)
            .map(|n| {
                let store = db.store.clone();
                tokio::spawn(async move {
                    let mut tx = store.write().await.expect("write");
                    let value = tx.secrets().get_or_create("hmac", &secret(&format!("candidate-{n}"))).await;
                    let value = value.expect("secret");
                    hold().await;
                    tx.commit().await.expect("commit");
                    shown(&value).to_string()
                })
            })
            .collect();
        let mut values = Vec::new();
        for t in tasks {
            values.push(t.await.expect("task"));
        }
        let distinct: BTreeSet<_> = values.iter().collect();
        assert_eq!(distinct.len(), 1, "{b}: one secret for everybody: {values:?}");
        let stored =
            format!("SELECT COUNT(*) FROM server_secrets WHERE name = 'hmac' AND value = '{}'", values[0]);
        assert_eq!(db.raw_i64(&stored).await, 1, "{b}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_hits_each_get_their_own_count() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let tasks: Vec<_> = (0..TASKS)
            .map(|_| {
                let store = db.store.clone();
                tokio::spawn(async move {
                    let mut tx = store.write().await.expect("write");
                    let count = tx.throttles().hit("sign-in:abc", 60_000).await.expect("hit");
                    hold().await;
                    tx.commit().await.expect("commit");
                    count
                })
            })
            .collect();
        let mut counts = Vec::new();
        for t in tasks {
            counts.push(t.await.expect("task"));
        }
        counts.sort_unstable();
        assert_eq!(counts, (1..=TASKS).collect::<Vec<_>>(), "{b}: no two guesses share a count");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.throttles().count("sign-in:abc", 60_000).await.expect("count"), TASKS, "{b}");
    })
    .await;
}
