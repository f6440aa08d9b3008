//! The outbox seen by the worker: claims with leases, attempts, outcomes, messages pending.

use puerta_domain::accounts::Language;
use puerta_domain::delivery::{Channel, DeliveryStatus};
use puerta_store::outbox::Claimed;

use crate::fixtures::{create_users, enqueue_all, message, oid, shown, traveler, uid};
use crate::harness::{Db, on_each_backend};
use crate::outbox::record;

async fn claim(db: &Db, now: i64, lease_until: i64, limit: i64) -> Vec<Claimed> {
    let mut tx = db.store.write().await.expect("write");
    let mut claimed = tx.outbox().claim_due(now, lease_until, limit).await.expect("claim");
    tx.commit().await.expect("commit");
    claimed.sort_by(|a, z| a.id.cmp(&z.id));
    claimed
}

fn ids_and_attempts(claimed: &[Claimed]) -> Vec<(String, i64)> {
    claimed.iter().map(|c| (c.id.to_string(), c.attempt)).collect()
}

fn pair(id: &str, attempt: i64) -> (String, i64) {
    (id.to_string(), attempt)
}

async fn pending(db: &Db, now: i64) -> i64 {
    let mut read = db.store.read().await.expect("read");
    read.outbox().count_pending(now).await.expect("pending")
}

async fn outcome(
    db: &Db,
    id: &str,
    attempt: i64,
    status: DeliveryStatus,
    next: Option<i64>,
    error: Option<&str>,
    now: i64,
) -> bool {
    let mut tx = db.store.write().await.expect("write");
    let changed =
        tx.outbox().record_outcome(&oid(id), attempt, status, next, error, now).await.expect("outcome");
    tx.commit().await.expect("commit");
    changed
}

/// Whether the message still holds its address and payload (`true`) or both were wiped.
async fn holds_content(db: &Db, id: &str) -> bool {
    let kept = format!(
        r#"SELECT COUNT(*) FROM outbox WHERE id = '{id}' AND address = '{id}@example.org' AND payload = '{{"m":"{id}"}}'"#
    );
    let wiped =
        format!("SELECT COUNT(*) FROM outbox WHERE id = '{id}' AND address = '' AND payload = '{{}}'");
    match (db.raw_i64(&kept).await, db.raw_i64(&wiped).await) {
        (1, 0) => true,
        (0, 1) => false,
        other => panic!("{}: {id} is neither intact nor wiped: {other:?}", db.backend),
    }
}

#[tokio::test]
async fn due_messages_are_claimed_whole_with_a_lease_and_an_attempt_count() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        enqueue_all(
            &db,
            &[message("m1", Some("u1"), 1_000), message("m2", None, 2_000), message("m3", None, 5_000)],
        )
        .await;
        let first = claim(&db, 3_000, 63_000, 10).await;
        assert_eq!(ids_and_attempts(&first), [pair("m1", 1), pair("m2", 1)], "{b}: only the due ones");
        let m1 = &first[0];
        assert_eq!(
            (m1.idempotency_key.as_str(), m1.channel, m1.kind.as_str()),
            ("m1:email", Channel::Email, "verify_email"),
            "{b}"
        );
        assert_eq!((m1.recipient_id.clone(), m1.language), (Some(uid("u1")), Language::Pt), "{b}");
        assert_eq!((shown(&m1.address), shown(&m1.payload)), ("m1@example.org", r#"{"m":"m1"}"#), "{b}");
        let r = record(&db, "m1").await;
        assert_eq!(
            (r.status, r.attempts, r.next_attempt_at, r.updated_at),
            (DeliveryStatus::Sending, 1, Some(1_000), 3_000),
            "{b}"
        );

        assert!(claim(&db, 4_000, 64_000, 10).await.is_empty(), "{b}: leased, and m3 is not due");
        assert_eq!(pending(&db, 4_000).await, 2, "{b}: claimed rows keep their due time");
        assert_eq!(
            [pending(&db, 999).await, pending(&db, 1_000).await, pending(&db, 6_000).await],
            [0, 1, 3],
            "{b}"
        );
        assert_eq!(ids_and_attempts(&claim(&db, 6_000, 66_000, 10).await), [pair("m3", 1)], "{b}");
        assert_eq!(pending(&db, 6_000).await, 3, "{b}: still pending while being sent");
        assert!(claim(&db, 62_999, 70_000, 10).await.is_empty(), "{b}: not before the lease ends");

        assert_eq!(
            ids_and_attempts(&claim(&db, 63_000, 123_000, 1).await),
            [pair("m1", 2)],
            "{b}: oldest first, limit"
        );
        assert_eq!(
            ids_and_attempts(&claim(&db, 63_000, 123_000, 10).await),
            [pair("m2", 2)],
            "{b}: reclaimed"
        );
        assert_eq!(record(&db, "m2").await.attempts, 2, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_final_outcome_wipes_the_message_and_a_retry_keeps_it() {
    on_each_backend(|db| async move {
        let b = db.backend;
        enqueue_all(
            &db,
            &[message("m1", None, 1_000), message("m2", None, 1_000), message("m3", None, 1_000)],
        )
        .await;
        assert_eq!(claim(&db, 3_000, 63_000, 10).await.len(), 3, "{b}");
        // The lease of m1 ran out and another worker took it: the first worker's outcome is stale.
        assert_eq!(ids_and_attempts(&claim(&db, 63_000, 123_000, 1).await), [pair("m1", 2)], "{b}");
        assert!(
            !outcome(&db, "m1", 1, DeliveryStatus::Delivered, None, None, 63_100).await,
            "{b}: stale attempt"
        );
        assert_eq!(
            (record(&db, "m1").await.status, holds_content(&db, "m1").await),
            (DeliveryStatus::Sending, true),
            "{b}"
        );

        assert!(outcome(&db, "m1", 2, DeliveryStatus::Delivered, None, None, 63_500).await, "{b}");
        let r = record(&db, "m1").await;
        assert_eq!(
            (r.status, r.attempts, r.next_attempt_at, r.last_error),
            (DeliveryStatus::Delivered, 2, None, None),
            "{b}"
        );
        assert_eq!(r.updated_at, 63_500, "{b}");
        assert!(!holds_content(&db, "m1").await, "{b}: delivered, so wiped");
        assert!(
            !outcome(&db, "m1", 2, DeliveryStatus::Delivered, None, None, 63_600).await,
            "{b}: not sending now"
        );

        let retry = outcome(
            &db,
            "m2",
            1,
            DeliveryStatus::TemporaryFailure,
            Some(200_000),
            Some("smtp_unavailable"),
            64_000,
        );
        assert!(retry.await, "{b}");
        let r = record(&db, "m2").await;
        assert_eq!(
            (r.status, r.next_attempt_at, r.last_error.as_deref()),
            (DeliveryStatus::TemporaryFailure, Some(200_000), Some("smtp_unavailable")),
            "{b}"
        );
        assert!(holds_content(&db, "m2").await, "{b}: kept for the retry");
        assert_eq!(pending(&db, 64_000).await, 1, "{b}: m3 only (m1 is done, m2 waits until 200 000)");
        assert_eq!(pending(&db, 200_000).await, 2, "{b}");

        // m3's worker died: its lease ends at 63 000 and it is claimed again before m2 is due.
        assert_eq!(ids_and_attempts(&claim(&db, 199_999, 259_999, 10).await), [pair("m3", 2)], "{b}");
        let again = claim(&db, 200_000, 260_000, 10).await;
        assert_eq!(ids_and_attempts(&again), [pair("m2", 2)], "{b}");
        assert_eq!(shown(&again[0].payload), r#"{"m":"m2"}"#, "{b}: the retry has its content");

        assert!(
            outcome(&db, "m2", 2, DeliveryStatus::TechnicalFailure, None, Some("render"), 200_100).await,
            "{b}"
        );
        assert!(
            outcome(&db, "m3", 2, DeliveryStatus::TemporaryFailure, None, Some("gave_up"), 200_100).await,
            "{b}"
        );
        for id in ["m2", "m3"] {
            assert!(!holds_content(&db, id).await, "{b}: {id} is final, so wiped");
            assert_eq!(record(&db, id).await.next_attempt_at, None, "{b}: {id}");
        }
        assert_eq!(record(&db, "m3").await.status, DeliveryStatus::TemporaryFailure, "{b}: gave up");
        assert!(claim(&db, i64::MAX / 2, i64::MAX / 2 + 1, 10).await.is_empty(), "{b}: nothing left to try");
        assert_eq!(pending(&db, i64::MAX / 2).await, 0, "{b}");
    })
    .await;
}
