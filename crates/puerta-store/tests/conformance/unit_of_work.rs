//! The unit of work: everything written through one `WriteTx` commits together or not at all.

use puerta_domain::audit::{AuditAction, AuditFilter, NewAuditEntry};
use puerta_store::WriteTx;
use puerta_store::outbox::DeliveryFilter;

use crate::fixtures::{message, traveler, uid};
use crate::harness::{Db, on_each_backend};

/// A user, their audit row and their welcome message, written in `tx`.
async fn register(tx: &mut WriteTx, id: &str) {
    tx.users().create(&traveler(id, &format!("{id}@example.org"))).await.expect("user");
    let entry = NewAuditEntry {
        at_ms: 1_000,
        actor_id: Some(uid(id)),
        action: AuditAction::AccountRegistered,
        target_id: Some(uid(id)),
        ip: None,
        user_agent: None,
        detail: None,
    };
    tx.audit().append(&entry).await.expect("audit");
    assert!(tx.outbox().enqueue(&message(&format!("m-{id}"), Some(id), 1_000)).await.expect("outbox"));
    tx.throttles().hit(&format!("register:{id}"), 0).await.expect("throttle");
}

/// What a reader sees of `register(id)`: (user, audit rows, messages, throttle count).
async fn seen(db: &Db, id: &str) -> (bool, usize, usize, i64) {
    let mut read = db.store.read().await.expect("read");
    let user = read.users().find(&uid(id)).await.expect("find").is_some();
    let filter = AuditFilter { target_id: Some(uid(id)), limit: 10, ..AuditFilter::default() };
    let audit = read.audit().list(&filter).await.expect("audit").len();
    let filter = DeliveryFilter { recipient_id: Some(uid(id)), limit: 10, ..DeliveryFilter::default() };
    let messages = read.outbox().list(&filter).await.expect("outbox").len();
    let throttle = read.throttles().count(&format!("register:{id}"), 0).await.expect("throttle");
    (user, audit, messages, throttle)
}

const NOTHING: (bool, usize, usize, i64) = (false, 0, 0, 0);
const EVERYTHING: (bool, usize, usize, i64) = (true, 1, 1, 1);

#[tokio::test]
async fn a_transaction_dropped_without_commit_leaves_nothing() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        register(&mut tx, "u1").await;
        assert!(tx.users().find(&uid("u1")).await.expect("find").is_some(), "{b}: seen inside");
        drop(tx);
        assert_eq!(seen(&db, "u1").await, NOTHING, "{b}");
        // The writer is free again and the same records can be written.
        let mut tx = db.store.write().await.expect("write after drop");
        register(&mut tx, "u1").await;
        tx.commit().await.expect("commit");
        assert_eq!(seen(&db, "u1").await, EVERYTHING, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_rolled_back_transaction_leaves_nothing() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        register(&mut tx, "u1").await;
        tx.rollback().await.expect("rollback");
        assert_eq!(seen(&db, "u1").await, NOTHING, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM users").await, 0, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM outbox").await, 0, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_commit_makes_every_write_visible_together() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        register(&mut tx, "u1").await;
        register(&mut tx, "u2").await;
        assert_eq!(seen(&db, "u1").await, NOTHING, "{b}: a reader sees nothing before the commit");
        tx.commit().await.expect("commit");
        assert_eq!(seen(&db, "u1").await, EVERYTHING, "{b}");
        assert_eq!(seen(&db, "u2").await, EVERYTHING, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_read_handle_sees_each_commit_as_it_lands() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut read = db.store.read().await.expect("read");
        assert!(read.users().find(&uid("u1")).await.expect("find").is_none(), "{b}");
        let mut tx = db.store.write().await.expect("write");
        register(&mut tx, "u1").await;
        tx.commit().await.expect("commit");
        assert!(read.users().find(&uid("u1")).await.expect("find").is_some(), "{b}: no stale snapshot");
    })
    .await;
}

/// After a statement the database refuses (`Conflict`, `LastAdmin`), the transaction stays
/// usable on both backends (the statement ran in a savepoint), so a commit that answers Ok has
/// stored the earlier writes. Without the savepoint PostgreSQL aborted the whole transaction
/// and `commit()` still answered Ok having stored nothing.
#[tokio::test]
async fn a_commit_that_answers_ok_has_stored_the_writes_before_a_refused_statement() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        register(&mut tx, "u1").await;
        let duplicate = tx.users().create(&traveler("u2", "u1@example.org")).await;
        assert!(matches!(duplicate, Err(puerta_store::StoreError::Conflict)), "{b}: {duplicate:?}");
        let committed = tx.commit().await;
        if committed.is_ok() {
            assert_eq!(seen(&db, "u1").await, EVERYTHING, "{b}: commit answered Ok, so u1 must be stored");
        }
    })
    .await;
}
