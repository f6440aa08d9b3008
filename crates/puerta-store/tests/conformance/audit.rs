//! The audit log: appended, listed newest first with every filter and the cursor, never changed.

use puerta_domain::audit::{AuditAction, AuditEntry, AuditFilter, NewAuditEntry};

use crate::fixtures::uid;
use crate::harness::{Db, on_each_backend};

fn entries() -> Vec<NewAuditEntry> {
    let e = |at_ms, actor: Option<&str>, action, target: Option<&str>| NewAuditEntry {
        at_ms,
        actor_id: actor.map(uid),
        action,
        target_id: target.map(uid),
        ip: None,
        user_agent: None,
        detail: None,
    };
    vec![
        NewAuditEntry {
            ip: Some("10.0.0.1".into()),
            user_agent: Some("Firefox".into()),
            detail: Some("password".into()),
            ..e(10, Some("a1"), AuditAction::SignInFailed, Some("u1"))
        },
        e(20, None, AuditAction::SignInSucceeded, Some("u1")),
        NewAuditEntry {
            detail: Some("officer->admin".into()),
            ..e(30, Some("a1"), AuditAction::RoleChanged, Some("u2"))
        },
        e(40, Some("u2"), AuditAction::SignInFailed, Some("u2")),
        e(50, Some("a1"), AuditAction::SignInFailed, Some("u1")),
        e(60, None, AuditAction::ContentEdited, None),
    ]
}

async fn list(db: &Db, filter: AuditFilter) -> Vec<AuditEntry> {
    let mut read = db.store.read().await.expect("read");
    read.audit().list(&AuditFilter { limit: filter.limit.max(1), ..filter }).await.expect("list")
}

fn times(rows: &[AuditEntry]) -> Vec<i64> {
    rows.iter().map(|r| r.entry.at_ms).collect()
}

async fn appended(db: &Db) -> Vec<AuditEntry> {
    let mut tx = db.store.write().await.expect("write");
    for e in entries() {
        tx.audit().append(&e).await.expect("append");
    }
    tx.commit().await.expect("commit");
    list(db, AuditFilter { limit: 100, ..AuditFilter::default() }).await
}

#[tokio::test]
async fn entries_read_back_whole_and_newest_first() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let all = appended(&db).await;
        let mut expected = entries();
        expected.reverse();
        assert_eq!(all.iter().map(|r| r.entry.clone()).collect::<Vec<_>>(), expected, "{b}");
        assert!(all.windows(2).all(|w| w[0].id > w[1].id), "{b}: ids descend: {all:?}");
    })
    .await;
}

#[tokio::test]
async fn every_filter_narrows_the_list() {
    on_each_backend(|db| async move {
        let b = db.backend;
        appended(&db).await;
        let filter = |f: AuditFilter| AuditFilter { limit: 100, ..f };
        let d = AuditFilter::default;
        let failed = AuditFilter { action: Some(AuditAction::SignInFailed), ..d() };
        assert_eq!(times(&list(&db, filter(failed.clone())).await), [50, 40, 10], "{b}: action");
        let by_a1 = AuditFilter { actor_id: Some(uid("a1")), ..d() };
        assert_eq!(times(&list(&db, filter(by_a1)).await), [50, 30, 10], "{b}: actor");
        let on_u2 = AuditFilter { target_id: Some(uid("u2")), ..d() };
        assert_eq!(times(&list(&db, filter(on_u2)).await), [40, 30], "{b}: target");
        let since = AuditFilter { since_ms: Some(20), ..d() };
        assert_eq!(times(&list(&db, filter(since)).await), [60, 50, 40, 30, 20], "{b}: since, inclusive");
        let until = AuditFilter { until_ms: Some(30), ..d() };
        assert_eq!(times(&list(&db, filter(until)).await), [20, 10], "{b}: until, exclusive");
        let window = AuditFilter { since_ms: Some(20), until_ms: Some(50), ..d() };
        assert_eq!(times(&list(&db, filter(window)).await), [40, 30, 20], "{b}: window");
        let all_three = AuditFilter { actor_id: Some(uid("a1")), target_id: Some(uid("u1")), ..failed };
        assert_eq!(times(&list(&db, filter(all_three)).await), [50, 10], "{b}: combined");
        let none = AuditFilter { actor_id: Some(uid("nobody")), ..d() };
        assert!(list(&db, filter(none)).await.is_empty(), "{b}");
        assert_eq!(times(&list(&db, AuditFilter { limit: 2, ..d() }).await), [60, 50], "{b}: limit");
    })
    .await;
}

#[tokio::test]
async fn the_cursor_pages_back_through_the_log() {
    on_each_backend(|db| async move {
        let b = db.backend;
        appended(&db).await;
        let mut pages = Vec::new();
        let mut before_id = None;
        loop {
            let page = list(&db, AuditFilter { before_id, limit: 4, ..AuditFilter::default() }).await;
            let Some(last) = page.last() else { break };
            before_id = Some(last.id);
            pages.push(times(&page));
        }
        assert_eq!(pages, [vec![60, 50, 40, 30], vec![20, 10]], "{b}");
        let failed =
            AuditFilter { action: Some(AuditAction::SignInFailed), limit: 1, ..AuditFilter::default() };
        let first = list(&db, failed.clone()).await;
        assert_eq!(times(&first), [50], "{b}");
        let next = list(&db, AuditFilter { before_id: Some(first[0].id), ..failed }).await;
        assert_eq!(times(&next), [40], "{b}: the cursor combines with a filter");
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let before = appended(&db).await;
        assert_eq!(before.len(), 6, "{b}");
        let update = db.raw_execute("UPDATE audit_log SET action = 'signed_out'").await;
        assert!(update.is_err(), "{b}: UPDATE refused: {update:?}");
        let delete = db.raw_execute("DELETE FROM audit_log").await;
        assert!(delete.is_err(), "{b}: DELETE refused: {delete:?}");
        let one = db.raw_execute("DELETE FROM audit_log WHERE at = 10").await;
        assert!(one.is_err(), "{b}: a single DELETE refused: {one:?}");
        let after = list(&db, AuditFilter { limit: 100, ..AuditFilter::default() }).await;
        assert_eq!(after, before, "{b}: unchanged");
    })
    .await;
}
