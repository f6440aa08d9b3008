//! Case checks: the watchlist is replaced whole (and a rolled-back upload leaves the old one),
//! each case keeps its latest result per check with its reasons intact, and the checks' reads
//! find other open cases born on a day and the groups at one ZIP code.

use puerta_domain::cases::screening::{BirthAgreement, CheckKind, CheckOutcome, CheckReason};
use puerta_domain::cases::{CaseStatus, ReferenceNumber};
use puerta_domain::ids::{ApplicationId, CaseId};
use puerta_store::cases::{CheckRecord, NewWatchlistEntry};

use crate::cases::{create_cases, kid, new_case, seed};
use crate::fixtures::{admin, create_users, traveler, uid};
use crate::harness::{Db, on_each_backend};

fn entry(id: &str, name: &str, born: &str) -> NewWatchlistEntry {
    NewWatchlistEntry {
        id: id.into(),
        full_name: name.into(),
        normalized_name: name.to_lowercase(),
        date_of_birth: born.into(),
    }
}

/// An application of `account` with this destination, written around the store (its fields
/// are another area's).
async fn raw_application(db: &Db, id: &str, account: &str, line1: &str, zip: &str) {
    db.raw_execute(&format!(
        "INSERT INTO applications (id, account_id, us_line1, us_city, us_state, us_postal_code, submitted_at) \
         VALUES ('{id}', '{account}', '{line1}', 'Austin', 'TX', '{zip}', 950)"
    ))
    .await
    .unwrap_or_else(|e| panic!("{}: application {id}: {e}", db.backend));
}

#[tokio::test]
async fn an_upload_replaces_the_whole_list_and_a_rolled_back_one_changes_nothing() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("adm")]).await;
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.watchlist().version().await.expect("version"), None, "{b}: no list yet");
        drop(read);

        let first: Vec<NewWatchlistEntry> =
            (0..1_203).map(|i| entry(&format!("w1-{i:05}"), &format!("Name {i}"), "1990")).collect();
        let mut tx = db.store.write().await.expect("write");
        tx.watchlist().replace(&first, "v1", 5_000, Some(&uid("adm"))).await.expect("replace");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let version = read.watchlist().version().await.expect("version").expect("a list");
        assert_eq!(
            (version.version.as_str(), version.uploaded_at, version.entries),
            ("v1", 5_000, 1_203),
            "{b}"
        );
        assert_eq!(version.uploaded_by, Some(uid("adm")), "{b}");
        assert_eq!(
            read.watchlist().entries().await.expect("entries").len(),
            1_203,
            "{b}: every chunk written"
        );
        drop(read);

        let second = vec![
            entry("w2-1", "PEREZ GARCIA, José María", "1990-07-04"),
            entry("w2-2", "Владимир Петров", ""),
        ];
        let mut tx = db.store.write().await.expect("write");
        tx.watchlist().replace(&second, "v2", 6_000, None).await.expect("replace");
        tx.commit().await.expect("commit");
        let mut tx = db.store.write().await.expect("write");
        tx.watchlist().replace(&[entry("w3-1", "Never", "")], "v3", 7_000, None).await.expect("replace");
        tx.rollback().await.expect("rollback");

        let mut read = db.store.read().await.expect("read");
        let entries = read.watchlist().entries().await.expect("entries");
        let got: Vec<(&str, &str, &str)> =
            entries.iter().map(|e| (e.id.as_str(), e.full_name.as_str(), e.date_of_birth.as_str())).collect();
        assert_eq!(
            got,
            [("w2-1", "PEREZ GARCIA, José María", "1990-07-04"), ("w2-2", "Владимир Петров", "")],
            "{b}: the second list, text intact"
        );
        let version = read.watchlist().version().await.expect("version").expect("a list");
        assert_eq!((version.version.as_str(), version.entries, version.uploaded_by), ("v2", 2, None), "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_case_keeps_its_latest_result_of_each_check_with_its_reasons() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 1).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;
        let hit = CheckRecord {
            case_id: kid("k1"),
            kind: CheckKind::Watchlist,
            outcome: CheckOutcome::Hit,
            reasons: vec![CheckReason::WatchlistMatch {
                entry_id: "w-1".into(),
                listed_name: "PEREZ GARCIA, José María".into(),
                listed_date_of_birth: "1990".into(),
                score: 0.953,
                date_of_birth: BirthAgreement::SameYear,
            }],
            ran_at: 2_000,
            ran_by: None,
        };
        let address = CheckRecord {
            kind: CheckKind::SharedAddress,
            outcome: CheckOutcome::Clear,
            reasons: vec![CheckReason::SharedAddress { groups: 1, threshold: 3 }],
            ..hit.clone()
        };
        let mut tx = db.store.write().await.expect("write");
        tx.case_checks().save(&address).await.expect("save");
        tx.case_checks().save(&hit).await.expect("save");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(
            read.case_checks().list(&kid("k1")).await.expect("list"),
            vec![hit.clone(), address.clone()],
            "{b}"
        );
        drop(read);

        let rerun = CheckRecord {
            outcome: CheckOutcome::Clear,
            reasons: vec![CheckReason::WatchlistSearched { entries: 2 }],
            ran_at: 3_000,
            ran_by: Some(uid("o1")),
            ..hit.clone()
        };
        let mut tx = db.store.write().await.expect("write");
        tx.case_checks().save(&rerun).await.expect("save again");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(
            read.case_checks().list(&kid("k1")).await.expect("list"),
            vec![rerun, address],
            "{b}: replaced"
        );
        assert!(read.case_checks().list(&kid("k9")).await.expect("list").is_empty(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn the_checks_find_other_open_cases_born_on_a_day_and_the_groups_at_one_zip_code() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 2).await;
        create_cases(
            &db,
            &[new_case("k1", 1, "a1", "t1", "u1", 1_000), new_case("k2", 2, "a1", "t2", "u1", 1_001)],
        )
        .await;
        let mut read = db.store.read().await.expect("read");
        let others = read.case_checks().open_cases_born_on("1990-04-17", &kid("k1")).await.expect("others");
        assert_eq!(others.iter().map(|o| o.case_id.clone()).collect::<Vec<CaseId>>(), [kid("k2")], "{b}");
        assert_eq!(others[0].given_name, "Given t2", "{b}");
        assert_eq!(others[0].account_id, uid("u1"), "{b}");
        assert!(ReferenceNumber::parse(others[0].reference_number.as_str()).is_ok());
        assert!(
            read.case_checks().open_cases_born_on("1991-01-01", &kid("k1")).await.expect("none").is_empty()
        );
        drop(read);
        let mut tx = db.store.write().await.expect("write");
        let withdrawn = CaseStatus::parse("withdrawn").expect("status");
        assert!(
            tx.cases().set_status(&kid("k2"), CaseStatus::INITIAL, withdrawn, 2_000).await.expect("withdraw")
        );
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        assert!(
            read.case_checks().open_cases_born_on("1990-04-17", &kid("k1")).await.expect("others").is_empty(),
            "{b}: a closed case is not a duplicate"
        );
        drop(read);

        create_users(&db, &[traveler("u2", "u2@example.org"), traveler("u3", "u3@example.org")]).await;
        raw_application(&db, "a2", "u2", "100 MAIN STREET", "78701-1234").await;
        raw_application(&db, "a3", "u2", "100 MAIN STREET", "78701-1234").await;
        raw_application(&db, "a4", "u3", "9 Elm St", "78702").await;
        let mut read = db.store.read().await.expect("read");
        let at = read.case_checks().addresses_in_zip("TX", "78701").await.expect("addresses");
        let accounts: Vec<&str> = at.iter().map(|a| a.account_id.as_str()).collect();
        assert_eq!(accounts, ["u1", "u2"], "{b}: one row per account and address, 5-digit and ZIP+4 alike");
        let own = read
            .case_checks()
            .application_address(&ApplicationId::parse("a4").expect("id"))
            .await
            .expect("address")
            .expect("found");
        assert_eq!((own.us_line1.as_str(), own.us_postal_code.as_str()), ("9 Elm St", "78702"), "{b}");
    })
    .await;
}
