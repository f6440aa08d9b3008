//! Requests for evidence, reason codes, decisions and appeals: they round-trip on both
//! backends, a case has one decision and one appeal, and an appeal is decided once.

use puerta_store::StoreError;
use puerta_store::cases::{Appeal, Decision, EvidenceRequest, Outcome};

use crate::cases::{create_cases, kid, new_case, seed};
use crate::fixtures::uid;
use crate::harness::on_each_backend;

#[tokio::test]
async fn evidence_requests_round_trip_and_are_answered_together() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 1).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;
        let request = |id: &str, at: i64| EvidenceRequest {
            id: id.into(),
            case_id: kid("k1"),
            items: vec!["Birth certificate".into(), "Une pièce « d'identité »".into()],
            due_at: at + 30 * 86_400_000,
            created_by: Some(uid("o1")),
            created_at: at,
            answered_at: None,
        };
        let mut tx = db.store.write().await.expect("write");
        tx.evidence_requests().create(&request("r2", 2_000)).await.expect("create");
        tx.evidence_requests().create(&request("r1", 1_500)).await.expect("create");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let listed = read.evidence_requests().list(&kid("k1")).await.expect("list");
        assert_eq!(
            listed,
            vec![request("r1", 1_500), request("r2", 2_000)],
            "{b}: oldest first, items intact"
        );
        drop(read);
        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.evidence_requests().mark_answered(&kid("k1"), 3_000).await.expect("answer"), 2, "{b}");
        assert_eq!(tx.evidence_requests().mark_answered(&kid("k1"), 4_000).await.expect("answer"), 0, "{b}");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let listed = read.evidence_requests().list(&kid("k1")).await.expect("list");
        assert!(listed.iter().all(|r| r.answered_at == Some(3_000)), "{b}");
    })
    .await;
}

#[tokio::test]
async fn reason_codes_are_seeded_by_the_migration() {
    on_each_backend(|db| async move {
        let mut read = db.store.read().await.expect("read");
        let codes = read.reason_codes().list().await.expect("list");
        let names: Vec<&str> = codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(
            names,
            [
                "identity_not_established",
                "incomplete_information",
                "inconsistent_information",
                "insufficient_evidence",
                "no_evidence_response"
            ],
            "{}",
            db.backend
        );
        assert!(codes.iter().all(|c| !c.title.is_empty()));
    })
    .await;
}

#[tokio::test]
async fn a_case_has_one_decision_and_one_appeal_decided_once() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 1).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;
        let decision = Decision {
            case_id: kid("k1"),
            outcome: Outcome::Denied,
            reason_codes: vec!["identity_not_established".into(), "insufficient_evidence".into()],
            narrative: "Illegible.\nSecond line.".into(),
            decided_by: Some(uid("o1")),
            decided_at: 5_000,
            appeal_deadline_at: Some(5_000 + 30 * 86_400_000),
        };
        let mut tx = db.store.write().await.expect("write");
        tx.decisions().create(&decision).await.expect("decide");
        let again = tx.decisions().create(&Decision { outcome: Outcome::Approved, ..decision.clone() }).await;
        assert!(matches!(again, Err(StoreError::Conflict)), "{b}: decided twice: {again:?}");
        let appeal = Appeal {
            case_id: kid("k1"),
            statement: "Please look again.".into(),
            submitted_by: Some(uid("u1")),
            submitted_at: 6_000,
            outcome: None,
            narrative: None,
            decided_by: None,
            decided_at: None,
        };
        tx.appeals().create(&appeal).await.expect("appeal");
        assert!(
            matches!(tx.appeals().create(&appeal).await, Err(StoreError::Conflict)),
            "{b}: appealed twice"
        );
        // The refusals undid their statement only: the transaction goes on.
        assert!(
            tx.appeals()
                .decide(&kid("k1"), "granted", "Legible now.", &uid("o2"), 7_000)
                .await
                .expect("decide")
        );
        assert!(
            !tx.appeals().decide(&kid("k1"), "upheld", "No.", &uid("o2"), 8_000).await.expect("decide"),
            "{b}"
        );
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.decisions().find(&kid("k1")).await.expect("find"), Some(decision), "{b}");
        let stored = read.appeals().find(&kid("k1")).await.expect("find").expect("appeal");
        assert_eq!(
            (stored.outcome.as_deref(), stored.narrative.as_deref(), stored.decided_at),
            (Some("granted"), Some("Legible now."), Some(7_000)),
            "{b}"
        );
        assert_eq!(read.decisions().find(&kid("k2")).await.expect("find"), None);
    })
    .await;
}
