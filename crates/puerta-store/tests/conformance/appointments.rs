//! Appointments in the store: one standing request per traveler per draw, the draw claimed once,
//! and — under 1,000 concurrent confirmations, cancellations and re-offers against 100 places —
//! never more places held, or travelers confirmed, than the port gives.

use puerta_domain::appointments::{AppointmentStatus, RequestStatus};
use puerta_domain::ids::{AppointmentId, AppointmentRequestId};
use puerta_domain::ports::reference_ports;
use puerta_store::StoreError;
use puerta_store::appointments::{Checked, NewAppointment, NewDraw, NewRequest};

use crate::cases::{create_cases, new_case, seed, tid};
use crate::fixtures::{create_users, secret, traveler, uid};
use crate::harness::{Db, on_each_backend};

const DATE: &str = "2026-12-07";
const PLACES: i64 = 100;
const GROUPS: usize = 1_000;

fn rid(n: usize) -> AppointmentRequestId {
    AppointmentRequestId::parse(&format!("r{n}")).expect("id")
}

fn appointment(id: &str, request: usize, scheduled_at: i64) -> NewAppointment {
    NewAppointment {
        id: AppointmentId::parse(id).expect("id"),
        request_id: rid(request),
        draw_date: DATE.into(),
        account_id: uid("u1"),
        port_code: "SYS".into(),
        places: 1,
        scheduled_at,
        selection: None,
        offered_at: 10,
        offer_expires_at: 1_000_000,
        travelers: vec![tid(&format!("t{request}"))],
    }
}

/// The draw of `DATE`, open.
fn open_draw() -> NewDraw {
    NewDraw {
        draw_date: DATE.into(),
        sealed_secret: secret("sealed"),
        seed_commitment: "0".repeat(64),
        opens_at: 0,
        closes_at: 1,
        runs_at: 2,
        oldest_share_permille: 500,
        created_at: 0,
    }
}

/// A draw with `GROUPS` one-traveler requests at SYS, all waiting, and `PLACES` places.
async fn prepared(db: &Db) {
    seed(db, GROUPS).await;
    let mut tx = db.store.write().await.expect("write");
    tx.ports().seed(&reference_ports()).await.expect("ports");
    let draw = open_draw();
    assert!(tx.draws().create_if_missing(&draw).await.expect("draw"));
    assert!(!tx.draws().create_if_missing(&draw).await.expect("draw again"), "created once");
    tx.scheduling().set_places(DATE, "SYS", PLACES).await.expect("places");
    for n in 1..=GROUPS {
        let request = NewRequest {
            id: rid(n),
            draw_date: DATE.into(),
            account_id: uid("u1"),
            port_code: "SYS".into(),
            entry_id: format!("e{n}"),
            registered_at: 5,
            travelers: vec![tid(&format!("t{n}"))],
            created_at: 5,
        };
        tx.appointment_requests().create(&request).await.expect("request");
    }
    tx.commit().await.expect("commit");
}

/// Offers the next group on the waitlist one place, as a re-offer does; `false` when none is
/// left or no place is free. Each call is one transaction.
async fn reoffer(db: &Db, id: String) -> bool {
    let mut tx = db.store.write().await.expect("write");
    loop {
        // The draw's order comes from its publication; here, the lowest request number waiting.
        let waiting = tx.appointment_requests().waiting_at_port(DATE, "SYS", 1).await.expect("waiting");
        let first = waiting
            .into_iter()
            .min_by_key(|(entry, _)| entry.trim_start_matches('e').parse::<usize>().unwrap_or(usize::MAX));
        let Some((_, next)) = first else {
            return false;
        };
        if !tx.scheduling().hold(DATE, "SYS", 1).await.expect("hold") {
            return false;
        }
        let moved = tx
            .appointment_requests()
            .set_status(&next.request_id, RequestStatus::Requested, RequestStatus::Selected, 20)
            .await
            .expect("select");
        if !moved {
            tx.scheduling().release(DATE, "SYS", 1).await.expect("release");
            continue;
        }
        let n: usize = next.request_id.as_str().trim_start_matches('r').parse().expect("n");
        tx.appointments().create(&appointment(&id, n, 100)).await.expect("offer");
        tx.commit().await.expect("commit");
        return true;
    }
}

/// A request checked inside its writes: stored only while its draw is open and each traveler is
/// the account's, with an open case; the unique index still refuses a second standing request.
#[tokio::test]
async fn a_checked_request_is_stored_only_while_its_draw_and_travelers_allow_it() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 3).await;
        create_users(&db, &[traveler("u2", "bea@example.org")]).await;
        create_cases(
            &db,
            &[new_case("k1", 1, "a1", "t1", "u1", 10), new_case("k3", 3, "a1", "t3", "u1", 10)],
        )
        .await;
        let mut tx = db.store.write().await.expect("write");
        tx.ports().seed(&reference_ports()).await.expect("ports");
        tx.draws().create_if_missing(&open_draw()).await.expect("draw");
        tx.commit().await.expect("commit");
        let request = |n: usize, account: &str, traveler: &str| NewRequest {
            id: rid(n),
            draw_date: DATE.into(),
            account_id: uid(account),
            port_code: "SYS".into(),
            entry_id: format!("e{n}"),
            registered_at: 5,
            travelers: vec![tid(traveler)],
            created_at: 5,
        };
        let attempt = |r: NewRequest| {
            let store = db.store.clone();
            async move {
                let mut tx = store.write().await.expect("write");
                let outcome = tx.appointment_requests().create_checked(&r).await;
                if matches!(outcome, Ok(Checked::Stored)) {
                    tx.commit().await.expect("commit");
                } else {
                    tx.rollback().await.expect("rollback");
                }
                outcome
            }
        };
        // No open case; another account's traveler: refused, nothing kept.
        assert_eq!(
            attempt(request(1, "u1", "t2")).await.expect("checked"),
            Checked::NotEligible(tid("t2")),
            "{b}"
        );
        assert_eq!(
            attempt(request(1, "u2", "t1")).await.expect("checked"),
            Checked::NotEligible(tid("t1")),
            "{b}"
        );
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM appointment_requests").await, 0, "{b}: rolled back");
        // Eligible: stored; a second standing request for the traveler: the index refuses it.
        assert_eq!(attempt(request(1, "u1", "t1")).await.expect("checked"), Checked::Stored, "{b}");
        let twice = attempt(request(2, "u1", "t1")).await;
        assert!(matches!(twice, Err(StoreError::Conflict)), "{b}: {twice:?}");
        // The draw frozen meanwhile: refused.
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.draws().freeze(DATE, "d", 500, 8).await.expect("freeze"), "{b}");
        tx.commit().await.expect("commit");
        assert_eq!(attempt(request(3, "u1", "t3")).await.expect("checked"), Checked::DrawNotOpen, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM appointment_requests").await, 1, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM appointment_request_travelers").await, 1, "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_traveler_stands_once_per_draw_and_a_draw_is_claimed_once() {
    on_each_backend(|db| async move {
        let b = db.backend;
        prepared(&db).await;
        let mut tx = db.store.write().await.expect("write");
        let twice = NewRequest {
            id: AppointmentRequestId::parse("again").expect("id"),
            draw_date: DATE.into(),
            account_id: uid("u1"),
            port_code: "SYS".into(),
            entry_id: "again".into(),
            registered_at: 5,
            travelers: vec![tid("t1")],
            created_at: 7,
        };
        let refused = tx.appointment_requests().create(&twice).await;
        assert!(matches!(refused, Err(StoreError::Conflict)), "{b}: {refused:?}");
        // Not frozen yet: nothing to claim; frozen: claimed once.
        assert!(!tx.draws().claim_run(DATE, 9).await.expect("claim"), "{b}");
        assert!(tx.draws().lock_open(DATE).await.expect("lock"));
        assert!(tx.draws().freeze(DATE, "d", 500, 8).await.expect("freeze"), "{b}");
        assert!(!tx.draws().lock_open(DATE).await.expect("lock"), "{b}: frozen is not open");
        assert!(tx.draws().claim_run(DATE, 9).await.expect("claim"), "{b}");
        assert!(!tx.draws().claim_run(DATE, 9).await.expect("claim"), "{b}: once");
        // The places: never above, never below what is held.
        assert!(tx.scheduling().hold(DATE, "SYS", PLACES).await.expect("hold all"), "{b}");
        assert!(!tx.scheduling().hold(DATE, "SYS", 1).await.expect("hold one more"), "{b}");
        let lower = tx.scheduling().set_places(DATE, "SYS", PLACES - 1).await;
        assert!(matches!(lower, Err(StoreError::Conflict)), "{b}: {lower:?}");
        tx.commit().await.expect("commit");
        let places =
            db.raw_i64("SELECT CAST(places AS BIGINT) FROM draw_capacity WHERE port_code = 'SYS'").await;
        assert_eq!(places, PLACES, "{b}: the refused change undid only itself");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_confirmations_cancellations_and_re_offers_never_exceed_the_places() {
    on_each_backend(|db| async move {
        let b = db.backend;
        prepared(&db).await;
        // The draw's first offers: the first 100 groups.
        for n in 0..PLACES {
            assert!(reoffer(&db, format!("first{n}")).await, "{b}");
        }
        // 1,000 tasks at once: half confirm an offer, half cancel one and re-offer its place.
        let tasks: Vec<_> = (0..GROUPS)
            .map(|i| {
                let db = db.clone();
                tokio::spawn(async move {
                    let target = AppointmentId::parse(&format!("first{}", i % 100)).expect("id");
                    if i % 2 == 0 {
                        let mut tx = db.store.write().await.expect("write");
                        let number = format!("N{i:010}");
                        match tx.appointments().confirm(&target, &number, 50).await {
                            Ok(true) => tx.commit().await.expect("commit"),
                            Ok(false) => {}
                            Err(e) => panic!("confirm: {e}"),
                        }
                    } else {
                        let mut tx = db.store.write().await.expect("write");
                        let cancelled = tx
                            .appointments()
                            .set_status(&target, AppointmentStatus::Offered, AppointmentStatus::Cancelled, 50)
                            .await
                            .expect("cancel");
                        if cancelled {
                            tx.scheduling().release(DATE, "SYS", 1).await.expect("release");
                            tx.commit().await.expect("commit");
                        } else {
                            drop(tx);
                        }
                        reoffer(&db, format!("again{i}")).await;
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("task");
        }
        let held = db.raw_i64("SELECT CAST(held AS BIGINT) FROM draw_capacity WHERE port_code = 'SYS'").await;
        let live = db
            .raw_i64("SELECT CAST(COALESCE(SUM(places), 0) AS BIGINT) FROM appointments WHERE status IN ('offered', 'confirmed')")
            .await;
        let confirmed = db.raw_i64("SELECT COUNT(*) FROM appointments WHERE status = 'confirmed'").await;
        assert!(held <= PLACES, "{b}: {held} held of {PLACES}");
        assert_eq!(held, live, "{b}: what is held is exactly what offers and appointments use");
        assert!(confirmed <= PLACES, "{b}: {confirmed} confirmed");
        assert!(confirmed > 0, "{b}: some confirmations won");
        // Nobody twice: each traveler in at most one live appointment.
        let travelers = db
            .raw_i64(
                "SELECT COUNT(*) FROM (SELECT t.traveler_id FROM appointment_travelers t JOIN appointments a \
                 ON a.id = t.appointment_id WHERE a.status IN ('offered', 'confirmed') \
                 GROUP BY t.traveler_id HAVING COUNT(*) > 1) AS twice",
            )
            .await;
        assert_eq!(travelers, 0, "{b}");
    })
    .await;
}
