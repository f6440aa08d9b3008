//! Advance information and cases: traveler profiles, applications, cases (unique reference, one
//! open case per traveler, guarded status changes, claims) and each case's history of events.

use puerta_domain::accounts::Role;
use puerta_domain::cases::{CaseStatus, ReferenceNumber, ReferencePrefix};
use puerta_domain::ids::{ApplicationId, CaseEventId, CaseId, TravelerId};
use puerta_store::StoreError;
use puerta_store::accounts::NewUser;
use puerta_store::cases::{CaseEvent, CaseFilter, CaseRecord, NewApplication, NewCase, TravelerRecord};

use crate::fixtures::{create_users, traveler, uid};
use crate::harness::{Db, on_each_backend};

pub(crate) fn tid(id: &str) -> TravelerId {
    TravelerId::parse(id).expect("traveler id")
}

fn aid(id: &str) -> ApplicationId {
    ApplicationId::parse(id).expect("application id")
}

pub(crate) fn kid(id: &str) -> CaseId {
    CaseId::parse(id).expect("case id")
}

fn eid(id: &str) -> CaseEventId {
    CaseEventId::parse(id).expect("event id")
}

/// `PUE` and the nine digits of `n` (zero-padded), with its check digit.
fn reference(n: u32) -> ReferenceNumber {
    let mut digits = [0u8; ReferenceNumber::RANDOM_DIGITS];
    let mut rest = n;
    for d in digits.iter_mut().rev() {
        *d = u8::try_from(rest % 10).expect("digit");
        rest /= 10;
    }
    ReferenceNumber::from_digits(ReferencePrefix::DEFAULT, digits)
}

/// A verified officer.
fn officer(id: &str) -> NewUser {
    NewUser {
        role: Role::Officer,
        email_verified_at: Some(1_000),
        ..traveler(id, &format!("{id}@example.org"))
    }
}

/// A profile with every optional field unset.
fn bare_profile(id: &str, account: &str, created_at: i64) -> TravelerRecord {
    TravelerRecord {
        id: tid(id),
        account_id: uid(account),
        given_name: format!("Given {id}"),
        family_name: format!("Family {id}"),
        date_of_birth: "1990-04-17".into(),
        nationality: "MX".into(),
        country_of_birth: "GT".into(),
        city_of_birth: "Quetzaltenango".into(),
        country_of_residence: "MX".into(),
        gender: None,
        language: "es".into(),
        phone: None,
        email: None,
        document_type: None,
        document_number: None,
        document_country: None,
        document_expiry: None,
        created_at,
        updated_at: created_at,
    }
}

/// A profile with every optional field set.
fn full_profile(id: &str, account: &str, created_at: i64) -> TravelerRecord {
    TravelerRecord {
        given_name: "José María".into(),
        family_name: "Núñez O'Connor".into(),
        gender: Some("non_binary".into()),
        language: "pt".into(),
        phone: Some("+525512345678".into()),
        email: Some("jose@example.org".into()),
        document_type: Some("passport".into()),
        document_number: Some("G12345678".into()),
        document_country: Some("MX".into()),
        document_expiry: Some("2031-12-31".into()),
        updated_at: created_at + 5,
        ..bare_profile(id, account, created_at)
    }
}

fn application(id: &str, account: &str, submitted_at: i64) -> NewApplication {
    NewApplication {
        id: aid(id),
        account_id: uid(account),
        us_line1: "100 Main St".into(),
        us_line2: None,
        us_city: "Austin".into(),
        us_state: "TX".into(),
        us_postal_code: "78701".into(),
        port_code: None,
        submitted_at,
    }
}

pub(crate) fn new_case(
    id: &str,
    n: u32,
    app: &str,
    traveler: &str,
    account: &str,
    opened_at: i64,
) -> NewCase {
    NewCase {
        id: kid(id),
        reference_number: reference(n),
        application_id: aid(app),
        traveler_id: tid(traveler),
        account_id: uid(account),
        opened_at,
    }
}

/// Account holder `u1` with profiles `t1`..`t<travelers>` (created at 1 000 + i) and application
/// `a1`; officers `o1` and `o2`.
pub(crate) async fn seed(db: &Db, travelers: usize) {
    create_users(db, &[traveler("u1", "ana@example.org"), officer("o1"), officer("o2")]).await;
    let mut tx = db.store.write().await.expect("write");
    for i in 1..=travelers {
        let at = 1_000 + i64::try_from(i).expect("i");
        tx.travelers().create(&bare_profile(&format!("t{i}"), "u1", at)).await.expect("traveler");
    }
    tx.applications().create(&application("a1", "u1", 900)).await.expect("application");
    tx.commit().await.expect("commit");
}

pub(crate) async fn create_cases(db: &Db, cases: &[NewCase]) {
    let mut tx = db.store.write().await.expect("write");
    for c in cases {
        tx.cases().create(c).await.unwrap_or_else(|e| panic!("{}: create {:?}: {e}", db.backend, c.id));
    }
    tx.commit().await.expect("commit");
}

async fn stored_case(db: &Db, n: u32) -> CaseRecord {
    let mut read = db.store.read().await.expect("read");
    read.cases()
        .find_by_reference(&reference(n))
        .await
        .expect("find")
        .unwrap_or_else(|| panic!("{}: case {n} exists", db.backend))
}

/// The ids `list` answers, in its order.
async fn listed(db: &Db, filter: &CaseFilter) -> Vec<String> {
    let mut read = db.store.read().await.expect("read");
    let cases = read.cases().list(filter).await.expect("list");
    cases.into_iter().map(|c| c.id.as_str().to_string()).collect()
}

fn ids(expected: &[&str]) -> Vec<String> {
    expected.iter().map(|s| (*s).to_string()).collect()
}

#[tokio::test]
async fn a_traveler_profile_round_trips_and_stays_with_its_account() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let full = full_profile("t1", "u1", 2_000);
        let bare = bare_profile("t2", "u1", 1_500);
        let other = bare_profile("t3", "u2", 1_000);
        let mut tx = db.store.write().await.expect("write");
        for t in [&full, &bare, &other] {
            tx.travelers().create(t).await.unwrap_or_else(|e| panic!("{b}: create {:?}: {e}", t.id));
        }
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let mut t = read.travelers();
        assert_eq!(t.find(&tid("t1")).await.expect("find").as_ref(), Some(&full), "{b}: every field set");
        assert_eq!(t.find(&tid("t2")).await.expect("find").as_ref(), Some(&bare), "{b}: every option unset");
        assert_eq!(t.find(&tid("t9")).await.expect("find"), None, "{b}");
        assert_eq!(
            t.list_for_account(&uid("u1")).await.expect("list"),
            vec![bare.clone(), full.clone()],
            "{b}: only u1's, oldest first"
        );
        assert_eq!(t.list_for_account(&uid("u2")).await.expect("list"), vec![other.clone()], "{b}");
        assert_eq!(
            t.find_for_account(&uid("u1"), &tid("t1")).await.expect("find").as_ref(),
            Some(&full),
            "{b}"
        );
        assert_eq!(
            t.find_for_account(&uid("u2"), &tid("t1")).await.expect("find"),
            None,
            "{b}: another account's profile is never shown"
        );
        assert_eq!(t.find_for_account(&uid("u1"), &tid("t3")).await.expect("find"), None, "{b}");
        assert_eq!(t.count_for_account(&uid("u1")).await.expect("count"), 2, "{b}");
        assert_eq!(t.count_for_account(&uid("u2")).await.expect("count"), 1, "{b}");
        assert_eq!(t.count_for_account(&uid("u9")).await.expect("count"), 0, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_new_case_is_received_unassigned_and_listed_newest_first() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 3).await;
        create_users(&db, &[traveler("u2", "bea@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.travelers().create(&bare_profile("s1", "u2", 1_000)).await.expect("traveler");
        let mut a2 = application("a2", "u2", 1_400);
        a2.us_line2 = Some("Apt 5".into());
        tx.applications().create(&a2).await.expect("application");
        tx.commit().await.expect("commit");
        let stored_a2 = "SELECT COUNT(*) FROM applications WHERE id = 'a2' AND account_id = 'u2' \
                         AND us_line1 = '100 Main St' AND us_line2 = 'Apt 5' AND us_city = 'Austin' \
                         AND us_state = 'TX' AND us_postal_code = '78701' AND submitted_at = 1400";
        assert_eq!(db.raw_i64(stored_a2).await, 1, "{b}: the application as written");

        create_cases(
            &db,
            &[
                new_case("k1", 1, "a1", "t1", "u1", 1_000),
                new_case("k2", 2, "a1", "t2", "u1", 2_000),
                new_case("k3", 3, "a1", "t3", "u1", 2_000),
                new_case("k4", 4, "a2", "s1", "u2", 1_500),
            ],
        )
        .await;
        let expected = CaseRecord {
            id: kid("k1"),
            reference_number: reference(1),
            application_id: aid("a1"),
            traveler_id: tid("t1"),
            account_id: uid("u1"),
            status: CaseStatus::Received,
            assigned_to: None,
            opened_at: 1_000,
            updated_at: 1_000,
        };
        assert_eq!(stored_case(&db, 1).await, expected, "{b}");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.cases().find_by_reference(&reference(9)).await.expect("find"), None, "{b}");
        drop(read);

        let mut tx = db.store.write().await.expect("write");
        assert!(
            tx.cases()
                .set_status(&kid("k2"), CaseStatus::Received, CaseStatus::InReview, 3_000)
                .await
                .expect("status")
        );
        assert!(tx.cases().claim(&kid("k3"), &uid("o1"), 3_000).await.expect("claim"), "{b}");
        tx.commit().await.expect("commit");

        let all = CaseFilter { limit: 10, ..CaseFilter::default() };
        assert_eq!(listed(&db, &all).await, ids(&["k3", "k2", "k4", "k1"]), "{b}: newest first, then id");
        let mine = CaseFilter { account_id: Some(uid("u1")), ..all.clone() };
        assert_eq!(listed(&db, &mine).await, ids(&["k3", "k2", "k1"]), "{b}");
        let received = CaseFilter { status: Some(CaseStatus::Received), ..all.clone() };
        assert_eq!(listed(&db, &received).await, ids(&["k3", "k4", "k1"]), "{b}");
        let in_review = CaseFilter { status: Some(CaseStatus::InReview), ..all.clone() };
        assert_eq!(listed(&db, &in_review).await, ids(&["k2"]), "{b}");
        let claimed = CaseFilter { assigned_to: Some(uid("o1")), ..all.clone() };
        assert_eq!(listed(&db, &claimed).await, ids(&["k3"]), "{b}");
        let nobody = CaseFilter { assigned_to: Some(uid("o2")), ..all.clone() };
        assert!(listed(&db, &nobody).await.is_empty(), "{b}");
        let both = CaseFilter { status: Some(CaseStatus::Received), ..mine.clone() };
        assert_eq!(listed(&db, &both).await, ids(&["k3", "k1"]), "{b}: filters combine");

        let first = CaseFilter { limit: 2, ..all.clone() };
        assert_eq!(listed(&db, &first).await, ids(&["k3", "k2"]), "{b}: a page");
        let next = CaseFilter { before: Some((2_000, kid("k2"))), ..first.clone() };
        assert_eq!(listed(&db, &next).await, ids(&["k4", "k1"]), "{b}: the page after (2000, k2)");
        let tie = CaseFilter { before: Some((2_000, kid("k3"))), limit: 1, ..all.clone() };
        assert_eq!(listed(&db, &tie).await, ids(&["k2"]), "{b}: same opened_at, smaller id");
        let end = CaseFilter { before: Some((1_000, kid("k1"))), ..all.clone() };
        assert!(listed(&db, &end).await.is_empty(), "{b}: nothing before the oldest");

        // Paging one by one visits every case once, in the same order as one big page.
        let mut paged = Vec::new();
        let mut cursor = None;
        loop {
            let mut read = db.store.read().await.expect("read");
            let page =
                read.cases().list(&CaseFilter { before: cursor.clone(), limit: 1, ..all.clone() }).await;
            let Some(c) = page.expect("list").pop() else { break };
            paged.push(c.id.as_str().to_string());
            cursor = Some((c.opened_at, c.id));
        }
        assert_eq!(paged, ids(&["k3", "k2", "k4", "k1"]), "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_taken_reference_is_a_conflict_that_leaves_the_transaction_usable() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 3).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;

        let mut tx = db.store.write().await.expect("write");
        tx.cases().create(&new_case("k2", 2, "a1", "t2", "u1", 2_000)).await.expect("k2, before");
        let taken = tx.cases().create(&new_case("kx", 1, "a1", "t3", "u1", 2_000)).await;
        assert!(matches!(taken, Err(StoreError::Conflict)), "{b}: {taken:?}");
        tx.cases().create(&new_case("k3", 3, "a1", "t3", "u1", 2_000)).await.expect("k3, after");
        tx.commit().await.expect("commit");

        assert_eq!(stored_case(&db, 1).await.id, kid("k1"), "{b}: the first holder keeps its number");
        assert_eq!(stored_case(&db, 2).await.id, kid("k2"), "{b}: the insert before the refusal stays");
        assert_eq!(stored_case(&db, 3).await.traveler_id, tid("t3"), "{b}: the insert after it commits");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM cases").await, 3, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM cases WHERE id = 'kx'").await, 0, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_traveler_has_one_open_case_until_it_is_closed() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 2).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;

        let mut tx = db.store.write().await.expect("write");
        let twice = tx.cases().create(&new_case("k2", 2, "a1", "t1", "u1", 2_000)).await;
        assert!(matches!(twice, Err(StoreError::Conflict)), "{b}: {twice:?}");
        tx.cases().create(&new_case("k3", 3, "a1", "t2", "u1", 2_000)).await.expect("another traveler");
        let withdrawn =
            tx.cases().set_status(&kid("k1"), CaseStatus::Received, CaseStatus::Withdrawn, 2_500).await;
        assert!(withdrawn.expect("withdraw"), "{b}");
        tx.cases().create(&new_case("k2", 2, "a1", "t1", "u1", 3_000)).await.expect("after withdrawal");
        let third = tx.cases().create(&new_case("k4", 4, "a1", "t1", "u1", 3_000)).await;
        assert!(matches!(third, Err(StoreError::Conflict)), "{b}: k2 is open now: {third:?}");
        tx.commit().await.expect("commit");

        assert_eq!(stored_case(&db, 1).await.status, CaseStatus::Withdrawn, "{b}");
        assert_eq!(stored_case(&db, 2).await.traveler_id, tid("t1"), "{b}");
        assert_eq!(stored_case(&db, 3).await.traveler_id, tid("t2"), "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM cases").await, 3, "{b}");
    })
    .await;
}

/// Which statuses free the traveler for a new case: the migration's list, the same on both.
#[tokio::test]
async fn the_statuses_that_close_a_case_are_the_same_on_both_backends() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, CaseStatus::ALL.len()).await;
        let mut closing = Vec::new();
        for (i, status) in CaseStatus::ALL.into_iter().enumerate() {
            let n = u32::try_from(i).expect("i");
            let t = format!("t{}", i + 1);
            let mut tx = db.store.write().await.expect("write");
            tx.cases().create(&new_case(&format!("k{n}"), n, "a1", &t, "u1", 1_000)).await.expect("first");
            let set = tx.cases().set_status(&kid(&format!("k{n}")), CaseStatus::INITIAL, status, 1_500).await;
            assert!(set.expect("set"), "{b}: {status}");
            let again = tx.cases().create(&new_case(&format!("n{n}"), 100 + n, "a1", &t, "u1", 2_000)).await;
            match again {
                Ok(()) => closing.push(status),
                Err(StoreError::Conflict) => {}
                Err(e) => panic!("{b}: {status}: neither accepted nor a conflict: {e}"),
            }
            tx.commit().await.expect("commit");
        }
        let expected = [
            CaseStatus::Approved,
            CaseStatus::Denied,
            CaseStatus::AppealUpheld,
            CaseStatus::AppealGranted,
            CaseStatus::Withdrawn,
        ];
        assert_eq!(closing, expected, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_status_change_from_a_stale_status_changes_nothing() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 1).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;

        let mut tx = db.store.write().await.expect("write");
        let stale =
            tx.cases().set_status(&kid("k1"), CaseStatus::InReview, CaseStatus::Approved, 2_000).await;
        assert!(!stale.expect("stale"), "{b}: it is not in review");
        tx.commit().await.expect("commit");
        let c = stored_case(&db, 1).await;
        assert_eq!((c.status, c.updated_at), (CaseStatus::Received, 1_000), "{b}: untouched");

        let mut tx = db.store.write().await.expect("write");
        let moved =
            tx.cases().set_status(&kid("k1"), CaseStatus::Received, CaseStatus::InReview, 3_000).await;
        assert!(moved.expect("move"), "{b}");
        let again =
            tx.cases().set_status(&kid("k1"), CaseStatus::Received, CaseStatus::Withdrawn, 4_000).await;
        assert!(!again.expect("again"), "{b}: a parallel change won");
        let unknown =
            tx.cases().set_status(&kid("k9"), CaseStatus::Received, CaseStatus::InReview, 4_000).await;
        assert!(!unknown.expect("unknown"), "{b}: no such case");
        tx.commit().await.expect("commit");
        let c = stored_case(&db, 1).await;
        assert_eq!((c.status, c.updated_at, c.opened_at), (CaseStatus::InReview, 3_000, 1_000), "{b}");
    })
    .await;
}

/// Cases claimed by two officers at once, one after the other.
const ROUNDS: u32 = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_officers_claiming_at_once_one_wins() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 5).await;
        let cases: Vec<_> = (1..=ROUNDS)
            .map(|n| new_case(&format!("k{n}"), n, "a1", &format!("t{n}"), "u1", 1_000))
            .collect();
        create_cases(&db, &cases).await;

        for n in 1..=ROUNDS {
            let tasks: Vec<_> = ["o1", "o2"]
                .into_iter()
                .map(|officer| {
                    let store = db.store.clone();
                    tokio::spawn(async move {
                        let mut tx = store.write().await.expect("write");
                        let won = tx.cases().claim(&kid(&format!("k{n}")), &uid(officer), 2_000).await;
                        let won = won.expect("claim");
                        tokio::task::yield_now().await;
                        tx.commit().await.expect("commit");
                        (officer, won)
                    })
                })
                .collect();
            let mut winners = Vec::new();
            for t in tasks {
                let (officer, won) = t.await.expect("task");
                if won {
                    winners.push(officer);
                }
            }
            assert_eq!(winners.len(), 1, "{b}: case {n}: exactly one claim wins: {winners:?}");
            let c = stored_case(&db, n).await;
            assert_eq!(c.assigned_to, Some(uid(winners[0])), "{b}: case {n} is the winner's");
            assert_eq!(c.updated_at, 2_000, "{b}");
        }

        let mut tx = db.store.write().await.expect("write");
        let late = tx.cases().claim(&kid("k1"), &uid("o1"), 3_000).await.expect("claim");
        assert!(!late, "{b}: a held case is not claimed again, even by its holder");
        tx.commit().await.expect("commit");
    })
    .await;
}

#[tokio::test]
async fn case_events_are_listed_oldest_first_and_outlive_their_actor() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 2).await;
        create_cases(
            &db,
            &[new_case("k1", 1, "a1", "t1", "u1", 1_000), new_case("k2", 2, "a1", "t2", "u1", 1_000)],
        )
        .await;
        let opened = CaseEvent {
            id: eid("e1"),
            case_id: kid("k1"),
            at: 1_000,
            actor_id: Some(uid("u1")),
            from: None,
            to: CaseStatus::Received,
            note: None,
        };
        let review = CaseEvent {
            id: eid("e2"),
            at: 2_000,
            actor_id: Some(uid("o1")),
            from: Some(CaseStatus::Received),
            to: CaseStatus::InReview,
            note: Some("Checking the passport «G123»".into()),
            ..opened.clone()
        };
        let asked = CaseEvent {
            id: eid("e3"),
            from: Some(CaseStatus::InReview),
            to: CaseStatus::EvidenceRequested,
            note: None,
            ..review.clone()
        };
        let late = CaseEvent { id: eid("e4"), at: 3_000, actor_id: None, ..opened.clone() };
        let elsewhere = CaseEvent { id: eid("e5"), case_id: kid("k2"), ..opened.clone() };
        let mut tx = db.store.write().await.expect("write");
        for e in [&late, &asked, &elsewhere, &review, &opened] {
            tx.case_events().append(e).await.unwrap_or_else(|err| panic!("{b}: append {:?}: {err}", e.id));
        }
        assert!(tx.cases().claim(&kid("k1"), &uid("o1"), 2_000).await.expect("claim"), "{b}");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let history = read.case_events().list(&kid("k1")).await.expect("list");
        let expected = vec![opened.clone(), review.clone(), asked.clone(), late.clone()];
        assert_eq!(history, expected, "{b}: oldest first (then by id), this case's only");
        assert_eq!(read.case_events().list(&kid("k2")).await.expect("list"), vec![elsewhere], "{b}");
        assert!(read.case_events().list(&kid("k9")).await.expect("list").is_empty(), "{b}");
        drop(read);

        let removed = db.raw_execute("DELETE FROM users WHERE id = 'o1'").await;
        assert_eq!(removed.ok(), Some(1), "{b}: the officer's row is removed");
        let mut read = db.store.read().await.expect("read");
        let history = read.case_events().list(&kid("k1")).await.expect("list");
        let anonymous = |e: &CaseEvent| CaseEvent { actor_id: None, ..e.clone() };
        assert_eq!(
            history,
            vec![opened, anonymous(&review), anonymous(&asked), late],
            "{b}: kept, actor gone"
        );
        assert_eq!(stored_case(&db, 1).await.assigned_to, None, "{b}: the case is unassigned again");
    })
    .await;
}

#[tokio::test]
async fn the_database_refuses_a_status_outside_the_list() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, CaseStatus::ALL.len() + 1).await;
        let insert = |id: &str, reference: &str, traveler: &str, status: &str| {
            format!(
                "INSERT INTO cases (id, reference_number, application_id, traveler_id, account_id, status, \
                 assigned_to, opened_at, updated_at) \
                 VALUES ('{id}', '{reference}', 'a1', '{traveler}', 'u1', '{status}', NULL, 1000, 1000)"
            )
        };
        let bogus = db.raw_execute(&insert("kx", "PUE9999999999", "t1", "bogus")).await;
        assert!(bogus.is_err(), "{b}: 'bogus' is refused");
        let upper = db.raw_execute(&insert("ky", "PUE9999999998", "t1", "RECEIVED")).await;
        assert!(upper.is_err(), "{b}: one spelling only");
        for (i, status) in CaseStatus::ALL.into_iter().enumerate() {
            let (id, traveler) = (format!("k{i}"), format!("t{}", i + 2));
            let reference = format!("PUE00000000{i:02}");
            let accepted = db.raw_execute(&insert(&id, &reference, &traveler, status.as_str())).await;
            assert_eq!(accepted.ok(), Some(1), "{b}: {status} is accepted");
        }
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM cases").await, 10, "{b}");
    })
    .await;
}

/// Appealing an old denial while the traveler has a new open case would make two open cases:
/// the database refuses, the refusal undoes only that statement on both backends, and what else
/// the transaction wrote still commits.
#[tokio::test]
async fn reopening_a_denied_case_beside_an_open_one_is_refused_and_the_rest_commits() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 2).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 1_000)]).await;
        let mut tx = db.store.write().await.expect("write");
        assert!(
            tx.cases()
                .set_status(&kid("k1"), CaseStatus::Received, CaseStatus::Denied, 1_500)
                .await
                .expect("deny")
        );
        tx.cases()
            .create(&new_case("k2", 2, "a1", "t1", "u1", 2_000))
            .await
            .expect("a new case after the denial");
        let reopened =
            tx.cases().set_status(&kid("k1"), CaseStatus::Denied, CaseStatus::AppealReceived, 2_500).await;
        assert!(matches!(reopened, Err(StoreError::Conflict)), "{b}: {reopened:?}");
        tx.cases()
            .create(&new_case("k3", 3, "a1", "t2", "u1", 3_000))
            .await
            .expect("the transaction is still usable");
        tx.commit().await.expect("commit");
        assert_eq!(stored_case(&db, 1).await.status, CaseStatus::Denied, "{b}: unchanged");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM cases").await, 3, "{b}: both new cases stored");
    })
    .await;
}
