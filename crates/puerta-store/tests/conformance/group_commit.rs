//! Write transactions queued together (SQLite's group commit): each still commits or leaves
//! nothing on its own, is answered only once its batch is committed, and a failure, rollback or
//! cancellation in one does not touch the others of its batch. On PostgreSQL the same tests hold
//! with one transaction each.

use std::time::{Duration, Instant};

use puerta_store::StoreError;

use crate::fixtures::{traveler, uid};
use crate::harness::{Db, on_each_backend};

/// Waits until `n` write transactions are queued for the writer (SQLite; at once elsewhere).
async fn queued(db: &Db, n: usize) {
    if db.backend != "sqlite" {
        return;
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while db.store.write_queue() < n {
        assert!(Instant::now() < deadline, "{n} writers never queued");
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

async fn exists(db: &Db, id: &str) -> bool {
    let mut read = db.store.read().await.expect("read");
    read.users().find(&uid(id)).await.expect("find").is_some()
}

/// What each queued use case does.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ending {
    Commit,
    Rollback,
    Drop,
    /// Writes a user whose email is taken, then gives up on the conflict.
    Conflict,
}

#[tokio::test]
async fn use_cases_queued_together_each_commit_or_leave_nothing() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let before = db.store.group_commits();
        // One holds the writer while 40 queue behind it, so on SQLite they share batches.
        let mut holder = db.store.write().await.expect("write");
        holder.users().create(&traveler("u-holder", "taken@example.org")).await.expect("holder");
        let endings = [Ending::Commit, Ending::Rollback, Ending::Commit, Ending::Drop, Ending::Conflict];
        let mut tasks = Vec::new();
        for i in 0..40 {
            let (store, ending) = (db.store.clone(), endings[i % endings.len()]);
            tasks.push(tokio::spawn(async move {
                let id = format!("u-{i:02}");
                let mut tx = store.write().await.expect("write");
                match ending {
                    Ending::Conflict => {
                        let refused = tx.users().create(&traveler(&id, "taken@example.org")).await;
                        assert!(matches!(refused, Err(StoreError::Conflict)), "{refused:?}");
                        // The same transaction can still write after the refused statement.
                        tx.users()
                            .create(&traveler(&format!("{id}-x"), &format!("{id}@x.org")))
                            .await
                            .expect("x");
                        drop(tx);
                    }
                    _ => {
                        tx.users()
                            .create(&traveler(&id, &format!("{id}@example.org")))
                            .await
                            .expect("create");
                        match ending {
                            Ending::Commit => tx.commit().await.expect("commit"),
                            Ending::Rollback => tx.rollback().await.expect("rollback"),
                            _ => drop(tx),
                        }
                    }
                }
                (id, ending)
            }));
        }
        queued(&db, 40).await;
        holder.commit().await.expect("holder commit");
        for task in tasks {
            let (id, ending) = task.await.expect("task");
            assert_eq!(exists(&db, &id).await, ending == Ending::Commit, "{b}: {id} {ending:?}");
            assert!(!exists(&db, &format!("{id}-x")).await, "{b}: {id}-x");
        }
        assert!(exists(&db, "u-holder").await, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM users").await, 1 + 16, "{b}");
        if let (Some((batches, members)), Some((b0, m0))) = (db.store.group_commits(), before) {
            // The holder's batch was handed on to everyone queued: far fewer commits than use
            // cases (each batch ends with a commit once nobody is waiting).
            assert_eq!(members - m0, 1 + 16, "{b}: members");
            assert!(batches - b0 <= 3, "{b}: {} batches for 17 commits", batches - b0);
        }
    })
    .await;
}

#[tokio::test]
async fn a_use_case_cancelled_in_its_transaction_leaves_nothing_and_the_queue_goes_on() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let (held, holding) = tokio::sync::oneshot::channel();
        let store = db.store.clone();
        let stuck = tokio::spawn(async move {
            let mut tx = store.write().await.expect("write");
            tx.users().create(&traveler("u-stuck", "stuck@example.org")).await.expect("create");
            let _ = held.send(());
            // Never finishes: the task is aborted with the transaction open.
            std::future::pending::<()>().await;
            drop(tx);
        });
        holding.await.expect("holding");
        let store = db.store.clone();
        let next = tokio::spawn(async move {
            let mut tx = store.write().await.expect("write after the cancelled one");
            tx.users().create(&traveler("u-next", "next@example.org")).await.expect("create");
            tx.commit().await.expect("commit");
        });
        queued(&db, 1).await;
        stuck.abort();
        let _ = stuck.await;
        next.await.expect("next");
        assert!(!exists(&db, "u-stuck").await, "{b}: the cancelled write is gone");
        assert!(exists(&db, "u-next").await, "{b}");
        // The writer is free: one more commit on its own.
        let mut tx = db.store.write().await.expect("write");
        tx.users().create(&traveler("u-last", "last@example.org")).await.expect("create");
        tx.commit().await.expect("commit");
        assert!(exists(&db, "u-last").await, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_commit_cancelled_while_it_waits_for_its_batch_still_lands_and_others_are_answered() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut holder = db.store.write().await.expect("write");
        holder.users().create(&traveler("u-holder", "holder@example.org")).await.expect("holder");
        let store = db.store.clone();
        // Queued behind the holder: its commit is cancelled right after it is asked for.
        let impatient = tokio::spawn(async move {
            let mut tx = store.write().await.expect("write");
            tx.users().create(&traveler("u-impatient", "impatient@example.org")).await.expect("create");
            let _ = tokio::time::timeout(Duration::ZERO, tx.commit()).await;
        });
        let store = db.store.clone();
        let patient = tokio::spawn(async move {
            let mut tx = store.write().await.expect("write");
            tx.users().create(&traveler("u-patient", "patient@example.org")).await.expect("create");
            tx.commit().await.expect("commit");
        });
        queued(&db, 2).await;
        holder.commit().await.expect("holder commit");
        impatient.await.expect("impatient");
        patient.await.expect("patient");
        assert!(exists(&db, "u-holder").await, "{b}");
        assert!(exists(&db, "u-patient").await, "{b}");
        if b == "sqlite" {
            // Asked to commit, then no longer waiting for the answer: the write is kept, as a
            // transaction whose client went away after COMMIT. The writer passed to the patient
            // one only once the impatient one's commit had joined the batch, so the patient's
            // answer means both are committed. (On PostgreSQL a commit cancelled that early may
            // or may not have reached the server: either is allowed there.)
            assert!(exists(&db, "u-impatient").await, "{b}: the impatient commit was lost");
        }
    })
    .await;
}

/// Refuses audit rows whose detail is "refuse me" (a stand-in for any refused row).
async fn refuse_some_audit_rows(db: &Db) {
    if db.backend == "sqlite" {
        db.raw_execute(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.detail = 'refuse me' \
             BEGIN SELECT RAISE(ABORT, 'refused'); END",
        )
        .await
        .expect("trigger");
    } else {
        db.raw_execute(
            "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN \
             IF NEW.detail = 'refuse me' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; \
             CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
        )
        .await
        .expect("trigger");
    }
}

#[tokio::test]
async fn a_refused_audit_row_undoes_its_use_case_alone_and_the_others_keep_theirs() {
    on_each_backend(|db| async move {
        let b = db.backend;
        refuse_some_audit_rows(&db).await;
        let mut holder = db.store.write().await.expect("write");
        holder.users().create(&traveler("u-holder", "holder@example.org")).await.expect("holder");
        let mut tasks = Vec::new();
        for i in 0..6 {
            let store = db.store.clone();
            tasks.push(tokio::spawn(async move {
                let id = format!("u-{i:02}");
                let mut tx = store.write().await.expect("write");
                tx.users().create(&traveler(&id, &format!("{id}@example.org"))).await.expect("create");
                let entry = puerta_domain::audit::NewAuditEntry {
                    at_ms: 1,
                    actor_id: Some(uid(&id)),
                    action: puerta_domain::audit::AuditAction::ALL[0],
                    target_id: None,
                    ip: None,
                    user_agent: None,
                    detail: Some(if i == 3 { "refuse me" } else { "fine" }.to_string()),
                };
                // PostgreSQL refuses the row at once, SQLite with the commit that writes it.
                let committed = match tx.append_audit(&entry).await {
                    Ok(()) => tx.commit().await.is_ok(),
                    Err(_) => false,
                };
                (id, i, committed)
            }));
        }
        queued(&db, 6).await;
        holder.commit().await.expect("holder commit");
        for task in tasks {
            let (id, i, committed) = task.await.expect("task");
            assert_eq!(committed, i != 3, "{b}: {id}");
            assert_eq!(
                exists(&db, &id).await,
                committed,
                "{b}: {id} stored with its audit row or not at all"
            );
        }
        assert!(exists(&db, "u-holder").await, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM audit_log WHERE detail = 'fine'").await, 5, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM audit_log WHERE detail = 'refuse me'").await, 0, "{b}");
    })
    .await;
}
