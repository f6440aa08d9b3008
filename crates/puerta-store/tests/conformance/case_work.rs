//! The officers' side of cases in the store: the work queue (oldest first, with its filters
//! and cursor), the cases of one application, assignment, officer-only notes, the port an
//! application names, and reason codes an admin adds and retires.

use std::collections::BTreeMap;

use puerta_domain::cases::CaseStatus;
use puerta_domain::ids::{ApplicationId, CaseId};
use puerta_domain::ports::reference_ports;
use puerta_store::StoreError;
use puerta_store::cases::{CaseNote, EvidenceRequest, NewApplication, QueueFilter, ReasonCode};

use crate::cases::{create_cases, kid, new_case, seed};
use crate::fixtures::uid;
use crate::harness::{Db, on_each_backend};

async fn queued(db: &Db, filter: &QueueFilter) -> Vec<String> {
    let mut read = db.store.read().await.expect("read");
    read.cases().queue(filter).await.expect("queue").into_iter().map(|c| c.id.as_str().to_string()).collect()
}

fn all(limit: i64) -> QueueFilter {
    QueueFilter { limit, ..QueueFilter::default() }
}

#[tokio::test]
async fn the_queue_is_oldest_first_and_each_filter_narrows_it() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 4).await;
        let mut tx = db.store.write().await.expect("write");
        tx.ports().seed(&reference_ports()).await.expect("ports");
        let at_sys = NewApplication {
            id: ApplicationId::parse("a2").expect("id"),
            account_id: uid("u1"),
            us_line1: "1 Elm St".into(),
            us_line2: None,
            us_city: "San Diego".into(),
            us_state: "CA".into(),
            us_postal_code: "92101".into(),
            port_code: Some("SYS".into()),
            submitted_at: 950,
        };
        tx.applications().create(&at_sys).await.expect("application");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let found = read.applications().find(&at_sys.id).await.expect("find");
        assert_eq!(found.as_ref(), Some(&at_sys), "{b}: an application reads back with its port");
        drop(read);
        create_cases(
            &db,
            &[
                new_case("k3", 3, "a1", "t3", "u1", 3_000),
                new_case("k1", 1, "a1", "t1", "u1", 1_000),
                new_case("k2", 2, "a2", "t2", "u1", 2_000),
                new_case("k4", 4, "a2", "t4", "u1", 2_000),
            ],
        )
        .await;
        assert_eq!(queued(&db, &all(10)).await, ["k1", "k2", "k4", "k3"], "{b}: oldest first, ties by id");
        let first = queued(&db, &all(2)).await;
        assert_eq!(first, ["k1", "k2"]);
        let after = QueueFilter { after: Some((2_000, kid("k2"))), ..all(10) };
        assert_eq!(queued(&db, &after).await, ["k4", "k3"], "{b}: the cursor continues in order");
        let port = QueueFilter { port_code: Some("SYS".into()), ..all(10) };
        assert_eq!(queued(&db, &port).await, ["k2", "k4"], "{b}: by port");
        let old = QueueFilter { opened_at_or_before: Some(2_000), ..all(10) };
        assert_eq!(queued(&db, &old).await, ["k1", "k2", "k4"], "{b}: by age");

        let mut tx = db.store.write().await.expect("write");
        assert!(tx.cases().claim(&kid("k1"), &uid("o1"), 4_000).await.expect("claim"));
        tx.cases().assign(&kid("k1"), &uid("o2"), 4_001).await.expect("assign");
        assert!(
            tx.cases()
                .set_status(&kid("k3"), CaseStatus::Received, CaseStatus::InReview, 4_002)
                .await
                .expect("move")
        );
        assert!(
            tx.cases()
                .set_status(&kid("k3"), CaseStatus::InReview, CaseStatus::EvidenceRequested, 4_003)
                .await
                .expect("move")
        );
        tx.evidence_requests()
            .create(&EvidenceRequest {
                id: "r1".into(),
                case_id: kid("k3"),
                items: vec!["Birth certificate".into()],
                due_at: 10_000,
                created_by: Some(uid("o1")),
                created_at: 4_003,
                answered_at: None,
            })
            .await
            .expect("request");
        tx.commit().await.expect("commit");
        let mine = QueueFilter { assigned_to: Some(uid("o2")), ..all(10) };
        assert_eq!(queued(&db, &mine).await, ["k1"], "{b}: the assignment replaced the claim");
        let theirs = QueueFilter { assigned_to: Some(uid("o1")), ..all(10) };
        assert!(queued(&db, &theirs).await.is_empty(), "{b}");
        let free = QueueFilter { unassigned: true, ..all(10) };
        assert_eq!(queued(&db, &free).await, ["k2", "k4", "k3"], "{b}: unassigned");
        let status = QueueFilter { status: Some(CaseStatus::EvidenceRequested), ..all(10) };
        assert_eq!(queued(&db, &status).await, ["k3"], "{b}: by status");
        let not_yet = QueueFilter { evidence_due_by: Some(9_999), ..all(10) };
        assert!(queued(&db, &not_yet).await.is_empty(), "{b}: not due yet");
        let overdue = QueueFilter { evidence_due_by: Some(10_000), ..all(10) };
        assert_eq!(queued(&db, &overdue).await, ["k3"], "{b}: overdue evidence");
        let mut tx = db.store.write().await.expect("write");
        tx.evidence_requests().mark_answered(&kid("k3"), 5_000).await.expect("answered");
        tx.commit().await.expect("commit");
        assert!(queued(&db, &overdue).await.is_empty(), "{b}: an answered request is not overdue");

        let mut read = db.store.read().await.expect("read");
        let group: Vec<CaseId> =
            read.cases().of_application(&at_sys.id).await.expect("group").into_iter().map(|c| c.id).collect();
        assert_eq!(group, [kid("k2"), kid("k4")], "{b}: the cases of one application");
    })
    .await;
}

#[tokio::test]
async fn a_note_stays_with_its_case_and_an_unknown_port_is_refused() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 2).await;
        create_cases(
            &db,
            &[new_case("k1", 1, "a1", "t1", "u1", 1_000), new_case("k2", 2, "a1", "t2", "u1", 1_000)],
        )
        .await;
        let mut tx = db.store.write().await.expect("write");
        for (id, case, at) in [("n2", "k1", 2_000), ("n1", "k1", 1_500), ("n3", "k2", 1_000)] {
            let note = CaseNote {
                id: id.into(),
                case_id: kid(case),
                author_id: Some(uid("o1")),
                body: format!("note {id}"),
                at,
            };
            tx.case_notes().add(&note).await.expect("note");
        }
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let notes: Vec<String> =
            read.case_notes().list(&kid("k1")).await.expect("notes").into_iter().map(|n| n.id).collect();
        assert_eq!(notes, ["n1", "n2"], "{b}: oldest first, this case only");
        drop(read);

        let mut tx = db.store.write().await.expect("write");
        let nowhere = NewApplication {
            id: ApplicationId::parse("a9").expect("id"),
            account_id: uid("u1"),
            us_line1: "1 Elm St".into(),
            us_line2: None,
            us_city: "San Diego".into(),
            us_state: "CA".into(),
            us_postal_code: "92101".into(),
            port_code: Some("ZZZ".into()),
            submitted_at: 950,
        };
        assert!(
            tx.applications().create(&nowhere).await.is_err(),
            "{b}: the database refuses a port it does not know"
        );
    })
    .await;
}

#[tokio::test]
async fn an_added_reason_keeps_its_words_and_a_retired_one_stays_listed() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let words: BTreeMap<String, String> = [("en", "Expired."), ("es", "Vencido.")]
            .into_iter()
            .map(|(l, w)| (l.to_string(), w.to_string()))
            .collect();
        let reason = ReasonCode {
            code: "document_expired".into(),
            title: "Expired document".into(),
            titles: Some(words),
            retired_at: None,
        };
        let mut tx = db.store.write().await.expect("write");
        tx.reason_codes().add(&reason).await.expect("add");
        assert!(
            matches!(tx.reason_codes().add(&reason).await, Err(StoreError::Conflict)),
            "{b}: a code once"
        );
        let seeded = ReasonCode {
            code: "incomplete_information".into(),
            title: "x".into(),
            titles: None,
            retired_at: None,
        };
        assert!(
            matches!(tx.reason_codes().add(&seeded).await, Err(StoreError::Conflict)),
            "{b}: nor a seeded one"
        );
        tx.commit().await.expect("commit");
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.reason_codes().retire("document_expired", 7_000).await.expect("retire"));
        assert!(
            !tx.reason_codes().retire("document_expired", 7_001).await.expect("retire"),
            "{b}: retired once"
        );
        assert!(!tx.reason_codes().retire("made_up", 7_001).await.expect("retire"), "{b}");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let listed = read.reason_codes().list().await.expect("list");
        let found = listed.iter().find(|r| r.code == "document_expired").expect("still listed");
        assert_eq!(found.retired_at, Some(7_000), "{b}");
        assert_eq!(
            found.titles.as_ref().and_then(|t| t.get("es")).map(String::as_str),
            Some("Vencido."),
            "{b}"
        );
        assert!(
            listed.iter().any(|r| r.code == "incomplete_information" && r.titles.is_none()),
            "{b}: seeded codes have no stored words"
        );
    })
    .await;
}
