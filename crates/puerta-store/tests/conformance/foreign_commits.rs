//! SQLite: another process's commit on the file is noticed (everyone's stamp moves and `Resync`
//! is announced, so nothing remembered outlives it), and this process's own commits never are.

use std::time::{Duration, Instant};

use puerta_store::live::Announcement;

use crate::fixtures::{traveler, uid};
use crate::harness::{Db, on_each_backend};

/// Waits until the watch has completed `n` more looks at the writer than `since`.
async fn looked(db: &Db, since: u64, n: u64) {
    let mut checks = db.store.watch_foreign_commit_checks();
    let looked = tokio::time::timeout(Duration::from_secs(60), checks.wait_for(|c| *c >= since + n)).await;
    assert!(looked.is_ok_and(|r| r.is_ok()), "the watch never looked {n} times");
}

#[tokio::test]
async fn another_process_commit_is_noticed_and_our_own_commits_are_not() {
    on_each_backend(|db| async move {
        if db.backend != "sqlite" {
            // Every PostgreSQL instance announces its own changes: nothing to watch.
            assert_eq!(db.store.foreign_commit_checks(), 0);
            return;
        }
        let mut live = db.store.subscribe().await.expect("subscribe");
        let someone = uid("u-own-0");
        // The watch has a baseline before our commits.
        looked(&db, db.store.foreign_commit_checks(), 1).await;
        for i in 0..5 {
            let mut tx = db.store.write().await.expect("write");
            tx.users()
                .create(&traveler(&format!("u-own-{i}"), &format!("own{i}@example.org")))
                .await
                .expect("create");
            tx.commit().await.expect("commit");
        }
        let stamp = db.store.account_stamp(&someone);
        // Two looks that began after our commits: they saw them, and took none for another's.
        looked(&db, db.store.foreign_commit_checks(), 2).await;
        while let Ok(announcement) = live.try_recv() {
            assert_ne!(announcement, Announcement::Resync, "our own commit was taken for another's");
        }
        assert_eq!(db.store.account_stamp(&someone), stamp, "our own commits moved nobody else's stamp");

        // Another connection (as another process would) changes a row behind the store's back.
        db.raw_execute("UPDATE users SET full_name = 'Changed behind our back' WHERE id = 'u-own-1'")
            .await
            .expect("raw update");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, live.recv()).await {
                Ok(Ok(Announcement::Resync)) => break,
                Ok(Ok(Announcement::Text(_))) => continue,
                Ok(Err(e)) => panic!("the announcements ended: {e}"),
                Err(_) => panic!("another process's commit was not noticed within 60 s"),
            }
        }
        assert_ne!(db.store.account_stamp(&someone), stamp, "everyone's stamp moved");
    })
    .await;
}
