//! Documents attached to cases: rows round trip, a case lists only its own, the quota's total,
//! a storage key is used once, and the database refuses what is not one of the four types.

use puerta_domain::cases::{ReferenceNumber, ReferencePrefix};
use puerta_domain::ids::{ApplicationId, CaseId, DocumentId, TravelerId};
use puerta_store::StoreError;
use puerta_store::cases::{DocumentRecord, NewApplication, NewCase, TravelerRecord};

use crate::fixtures::{create_users, traveler, uid};
use crate::harness::{Db, on_each_backend};

fn kid(id: &str) -> CaseId {
    CaseId::parse(id).expect("case id")
}

fn did(id: &str) -> DocumentId {
    DocumentId::parse(id).expect("document id")
}

fn reference(n: u8) -> ReferenceNumber {
    let mut digits = [0u8; ReferenceNumber::RANDOM_DIGITS];
    digits[ReferenceNumber::RANDOM_DIGITS - 1] = n;
    ReferenceNumber::from_digits(ReferencePrefix::DEFAULT, digits)
}

fn profile(id: &str, account: &str) -> TravelerRecord {
    TravelerRecord {
        id: TravelerId::parse(id).expect("traveler id"),
        account_id: uid(account),
        given_name: "Ana".into(),
        family_name: "Pérez".into(),
        date_of_birth: "1990-04-17".into(),
        nationality: "MX".into(),
        country_of_birth: "MX".into(),
        city_of_birth: "Puebla".into(),
        country_of_residence: "MX".into(),
        gender: None,
        language: "es".into(),
        phone: None,
        email: None,
        document_type: None,
        document_number: None,
        document_country: None,
        document_expiry: None,
        created_at: 1_000,
        updated_at: 1_000,
    }
}

/// Account `u1` with cases `k1` and `k2` (travelers `t1`, `t2`, application `a1`).
async fn seed(db: &Db) {
    create_users(db, &[traveler("u1", "ana@example.org")]).await;
    let mut tx = db.store.write().await.expect("write");
    for t in ["t1", "t2"] {
        tx.travelers().create(&profile(t, "u1")).await.expect("traveler");
    }
    let application = ApplicationId::parse("a1").expect("application id");
    tx.applications()
        .create(&NewApplication {
            id: application.clone(),
            account_id: uid("u1"),
            us_line1: "100 Main St".into(),
            us_line2: None,
            us_city: "Austin".into(),
            us_state: "TX".into(),
            us_postal_code: "78701".into(),
            port_code: None,
            submitted_at: 1_000,
        })
        .await
        .expect("application");
    for (n, (case, t)) in [("k1", "t1"), ("k2", "t2")].into_iter().enumerate() {
        tx.cases()
            .create(&NewCase {
                id: kid(case),
                reference_number: reference(u8::try_from(n).expect("n") + 1),
                application_id: application.clone(),
                traveler_id: TravelerId::parse(t).expect("traveler id"),
                account_id: uid("u1"),
                opened_at: 1_000,
            })
            .await
            .expect("case");
    }
    tx.commit().await.expect("commit");
}

fn document(id: &str, case: &str, size: i64, at: i64) -> DocumentRecord {
    DocumentRecord {
        id: did(id),
        case_id: kid(case),
        storage_key: format!("documents/{id}"),
        wrapped_key: format!("xc1:sealed-{id}"),
        sha256: "a".repeat(64),
        size,
        content_type: "application/pdf".into(),
        display_name: Some("Pasaporte José.pdf".into()),
        kind: "passport".into(),
        uploaded_by: Some(uid("u1")),
        uploaded_at: at,
    }
}

#[tokio::test]
async fn documents_round_trip_per_case_with_their_total() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db).await;
        let first = document("d1", "k1", 1_000, 2_000);
        let second = DocumentRecord {
            content_type: "image/jpeg".into(),
            display_name: None,
            kind: "evidence".into(),
            uploaded_by: None,
            ..document("d2", "k1", 6 * 1024 * 1024, 2_500)
        };
        let other = document("d3", "k2", 7, 1_500);
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.documents().lock_case(&kid("k1")).await.expect("lock"), "{b}");
        assert!(!tx.documents().lock_case(&kid("k9")).await.expect("lock"), "{b}: no such case");
        for d in [&first, &second, &other] {
            tx.documents().create(d).await.unwrap_or_else(|e| panic!("{b}: create {:?}: {e}", d.id));
        }
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let mut docs = read.documents();
        assert_eq!(docs.find(&did("d1")).await.expect("find").as_ref(), Some(&first), "{b}");
        assert_eq!(docs.find(&did("d2")).await.expect("find").as_ref(), Some(&second), "{b}");
        assert_eq!(docs.find(&did("d9")).await.expect("find"), None, "{b}");
        assert_eq!(
            docs.find_with_account(&did("d3")).await.expect("find"),
            Some((other.clone(), uid("u1"))),
            "{b}: with its case's account holder"
        );
        assert_eq!(docs.find_with_account(&did("d9")).await.expect("find"), None, "{b}");
        assert_eq!(
            docs.list_for_case(&kid("k1")).await.expect("list"),
            vec![first.clone(), second.clone()],
            "{b}: only k1's, oldest first"
        );
        assert_eq!(docs.list_for_case(&kid("k9")).await.expect("list"), Vec::new(), "{b}");
        assert_eq!(
            docs.total_size_for_case(&kid("k1")).await.expect("total"),
            1_000 + 6 * 1024 * 1024,
            "{b}"
        );
        assert_eq!(docs.total_size_for_case(&kid("k2")).await.expect("total"), 7, "{b}");
        assert_eq!(docs.total_size_for_case(&kid("k9")).await.expect("total"), 0, "{b}: none yet");
    })
    .await;
}

#[tokio::test]
async fn a_storage_key_is_used_once_and_bad_rows_are_refused() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db).await;
        let mut tx = db.store.write().await.expect("write");
        tx.documents().create(&document("d1", "k1", 10, 2_000)).await.expect("first");
        let same_key =
            DocumentRecord { storage_key: "documents/d1".into(), ..document("d2", "k1", 10, 2_000) };
        let refused = tx.documents().create(&same_key).await;
        assert!(matches!(refused, Err(StoreError::Conflict)), "{b}: {refused:?}");
        // The refusal undid its own statement only.
        tx.documents().create(&document("d3", "k1", 10, 2_000)).await.expect("after");
        tx.commit().await.expect("commit");

        for (what, bad) in [
            ("type", DocumentRecord { content_type: "image/gif".into(), ..document("d4", "k1", 10, 1) }),
            ("kind", DocumentRecord { kind: "selfie".into(), ..document("d5", "k1", 10, 1) }),
            ("size", document("d6", "k1", 0, 1)),
            ("case", document("d7", "k9", 10, 1)),
            ("key", DocumentRecord { storage_key: "../etc/passwd".into(), ..document("d8", "k1", 10, 1) }),
        ] {
            let mut tx = db.store.write().await.expect("write");
            assert!(tx.documents().create(&bad).await.is_err(), "{b}: a bad {what} is refused");
        }
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.documents().list_for_case(&kid("k1")).await.expect("list").len(), 2, "{b}");
    })
    .await;
}
