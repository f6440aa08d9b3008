//! The outbox seen from outside the worker: queueing, finding, listing, the next due time.

use puerta_domain::delivery::DeliveryRecord;
use puerta_domain::delivery::{Channel, DeliveryStatus};
use puerta_domain::ids::OutboxId;
use puerta_store::outbox::{DeliveryFilter, NewMessage};

use crate::fixtures::{create_users, enqueue_all, message, oid, traveler, uid};
use crate::harness::{Db, on_each_backend};

pub async fn record(db: &Db, id: &str) -> DeliveryRecord {
    let mut read = db.store.read().await.expect("read");
    read.outbox().find(&oid(id)).await.expect("find").unwrap_or_else(|| panic!("{}: {id} exists", db.backend))
}

async fn listed(db: &Db, filter: DeliveryFilter) -> Vec<String> {
    let mut read = db.store.read().await.expect("read");
    let rows =
        read.outbox().list(&DeliveryFilter { limit: filter.limit.max(1), ..filter }).await.expect("list");
    rows.iter().map(|r| r.id.to_string()).collect()
}

async fn next_due(db: &Db) -> Option<i64> {
    let mut read = db.store.read().await.expect("read");
    read.outbox().next_due().await.expect("next due")
}

#[tokio::test]
async fn a_message_is_queued_once_per_idempotency_key() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.outbox().enqueue(&message("m1", Some("u1"), 1_000)).await.expect("enqueue"), "{b}");
        let again = NewMessage { id: oid("m2"), created_at: 1_500, ..message("m1", Some("u1"), 1_000) };
        assert!(!tx.outbox().enqueue(&again).await.expect("enqueue"), "{b}: same key");
        let sms = NewMessage {
            id: oid("m3"),
            idempotency_key: "m1:sms".into(),
            channel: Channel::Sms,
            recipient_id: None,
            ..message("m1", None, 1_200)
        };
        assert!(tx.outbox().enqueue(&sms).await.expect("enqueue"), "{b}: another channel, another key");
        tx.commit().await.expect("commit");

        let expected = DeliveryRecord {
            id: oid("m1"),
            channel: Channel::Email,
            kind: "verify_email".into(),
            recipient_id: Some(uid("u1")),
            status: DeliveryStatus::Created,
            attempts: 0,
            next_attempt_at: Some(1_000),
            last_error: None,
            created_at: 1_000,
            updated_at: 1_000,
        };
        assert_eq!(record(&db, "m1").await, expected, "{b}: due at once");
        let m3 = record(&db, "m3").await;
        assert_eq!(
            (m3.channel, m3.recipient_id, m3.next_attempt_at),
            (Channel::Sms, None, Some(1_200)),
            "{b}"
        );
        let mut read = db.store.read().await.expect("read");
        assert!(
            read.outbox().find(&oid("m2")).await.expect("find").is_none(),
            "{b}: the duplicate left nothing"
        );
        drop(read);
        let stored = r#"SELECT COUNT(*) FROM outbox WHERE id = 'm1' AND address = 'm1@example.org'
                        AND payload = '{"m":"m1"}' AND language = 'pt' AND idempotency_key = 'm1:email'"#;
        assert_eq!(db.raw_i64(stored).await, 1, "{b}");
    })
    .await;
}

#[tokio::test]
async fn delivery_records_are_listed_newest_first_by_status_and_recipient_with_a_cursor() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        enqueue_all(
            &db,
            &[
                message("m1", Some("u1"), 1_000),
                message("m2", Some("u2"), 2_000),
                message("m3", Some("u1"), 2_000),
                message("m4", None, 3_000),
                message("m5", Some("u1"), 4_000),
            ],
        )
        .await;
        let mut tx = db.store.write().await.expect("write");
        let claimed: Vec<_> =
            tx.outbox().claim_due(2_500, 62_500, 2).await.expect("claim").into_iter().map(|c| c.id).collect();
        assert_eq!(sorted(claimed), [oid("m1"), oid("m2")], "{b}: due first, then by id");
        let done = tx
            .outbox()
            .record_outcome(&oid("m1"), 1, DeliveryStatus::Delivered, None, None, 2_600)
            .await
            .expect("outcome");
        assert!(done, "{b}");
        tx.commit().await.expect("commit");

        let d = DeliveryFilter::default;
        let all = DeliveryFilter { limit: 10, ..d() };
        assert_eq!(listed(&db, all).await, ["m5", "m4", "m3", "m2", "m1"], "{b}: ties by id");
        let mut pages = Vec::new();
        let mut before: Option<(i64, OutboxId)> = None;
        loop {
            let mut read = db.store.read().await.expect("read");
            let page = read
                .outbox()
                .list(&DeliveryFilter { before: before.clone(), limit: 2, ..d() })
                .await
                .expect("list");
            let Some(last) = page.last() else { break };
            before = Some((last.created_at, last.id.clone()));
            pages.push(page.iter().map(|r| r.id.to_string()).collect::<Vec<_>>());
        }
        assert_eq!(pages, [vec!["m5", "m4"], vec!["m3", "m2"], vec!["m1"]], "{b}: no overlap, nothing lost");

        let status = |s| DeliveryFilter { status: Some(s), limit: 10, ..d() };
        assert_eq!(listed(&db, status(DeliveryStatus::Delivered)).await, ["m1"], "{b}");
        assert_eq!(listed(&db, status(DeliveryStatus::Sending)).await, ["m2"], "{b}");
        assert_eq!(listed(&db, status(DeliveryStatus::Created)).await, ["m5", "m4", "m3"], "{b}");
        assert!(listed(&db, status(DeliveryStatus::PermanentFailure)).await.is_empty(), "{b}");
        let to_u1 = || DeliveryFilter { recipient_id: Some(uid("u1")), limit: 10, ..d() };
        assert_eq!(listed(&db, to_u1()).await, ["m5", "m3", "m1"], "{b}");
        let created_to_u1 = DeliveryFilter { status: Some(DeliveryStatus::Created), ..to_u1() };
        assert_eq!(listed(&db, created_to_u1).await, ["m5", "m3"], "{b}");
        let older_to_u1 = DeliveryFilter { before: Some((2_000, oid("m3"))), ..to_u1() };
        assert_eq!(listed(&db, older_to_u1).await, ["m1"], "{b}: cursor and recipient together");
        assert_eq!(listed(&db, DeliveryFilter { limit: 1, ..d() }).await, ["m5"], "{b}: limit");
    })
    .await;
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

#[tokio::test]
async fn the_next_due_time_follows_schedules_and_leases() {
    on_each_backend(|db| async move {
        let b = db.backend;
        assert_eq!(next_due(&db).await, None, "{b}: nothing queued");
        enqueue_all(&db, &[message("m1", None, 1_000), message("m2", None, 5_000)]).await;
        assert_eq!(next_due(&db).await, Some(1_000), "{b}");

        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.outbox().claim_due(1_000, 61_000, 1).await.expect("claim").len(), 1, "{b}");
        tx.commit().await.expect("commit");
        assert_eq!(next_due(&db).await, Some(5_000), "{b}: m1 is leased until 61 000");

        let mut tx = db.store.write().await.expect("write");
        let retry = tx
            .outbox()
            .record_outcome(&oid("m1"), 1, DeliveryStatus::TemporaryFailure, Some(70_000), None, 2_000)
            .await
            .expect("outcome");
        assert!(retry, "{b}");
        assert_eq!(tx.outbox().claim_due(5_000, 8_000, 10).await.expect("claim").len(), 1, "{b}: m2");
        tx.commit().await.expect("commit");
        assert_eq!(next_due(&db).await, Some(8_000), "{b}: m2's lease ends first");

        let mut tx = db.store.write().await.expect("write");
        let sent = tx
            .outbox()
            .record_outcome(&oid("m2"), 1, DeliveryStatus::Delivered, None, None, 6_000)
            .await
            .expect("outcome");
        assert!(sent, "{b}");
        tx.commit().await.expect("commit");
        assert_eq!(next_due(&db).await, Some(70_000), "{b}: only m1's retry waits");

        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.outbox().claim_due(70_000, 71_000, 10).await.expect("claim").len(), 1, "{b}");
        let gave_up = tx
            .outbox()
            .record_outcome(&oid("m1"), 2, DeliveryStatus::PermanentFailure, None, None, 70_500)
            .await
            .expect("outcome");
        assert!(gave_up, "{b}");
        tx.commit().await.expect("commit");
        assert_eq!(next_due(&db).await, None, "{b}: all final");
    })
    .await;
}
