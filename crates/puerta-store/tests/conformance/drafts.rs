//! Drafts of advance information: half-finished traveler profiles and the group's destination
//! draft, each only ever seen by its account holder; and the traveler edits allowed before a
//! profile is in any case.

use puerta_domain::ids::TravelerId;
use puerta_store::cases::TravelerDraftRecord;

use crate::cases::{create_cases, new_case, seed};
use crate::fixtures::{create_users, traveler, uid};
use crate::harness::on_each_backend;

fn draft(id: &str, account: &str, data: &str, at: i64) -> TravelerDraftRecord {
    TravelerDraftRecord {
        id: id.into(),
        account_id: uid(account),
        data: data.into(),
        created_at: at,
        updated_at: at,
    }
}

#[tokio::test]
async fn traveler_drafts_are_kept_changed_and_deleted_for_their_account_only() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.drafts().create_traveler(&draft("d2", "u1", r#"{"n":2}"#, 20)).await.expect("d2");
        tx.drafts().create_traveler(&draft("d1", "u1", r#"{"n":1}"#, 10)).await.expect("d1");
        tx.drafts().create_traveler(&draft("x1", "u2", "{}", 5)).await.expect("x1");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let mine = read.drafts().list_travelers(&uid("u1")).await.expect("list");
        assert_eq!(mine.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d1", "d2"], "{b}: oldest first");
        assert_eq!(mine[0], draft("d1", "u1", r#"{"n":1}"#, 10), "{b}: reads back as written");
        assert_eq!(read.drafts().count_travelers(&uid("u1")).await.expect("count"), 2, "{b}");
        assert_eq!(
            read.drafts().find_traveler(&uid("u1"), "x1").await.expect("find"),
            None,
            "{b}: not theirs"
        );
        drop(read);

        let mut tx = db.store.write().await.expect("write");
        assert!(
            tx.drafts().update_traveler(&uid("u1"), "d1", r#"{"n":3}"#, 30).await.expect("update"),
            "{b}"
        );
        assert!(
            !tx.drafts().update_traveler(&uid("u1"), "x1", "{}", 30).await.expect("update"),
            "{b}: not theirs"
        );
        assert!(!tx.drafts().delete_traveler(&uid("u1"), "x1").await.expect("delete"), "{b}: not theirs");
        assert!(tx.drafts().delete_traveler(&uid("u1"), "d2").await.expect("delete"), "{b}");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let d1 = read.drafts().find_traveler(&uid("u1"), "d1").await.expect("find").expect("d1");
        assert_eq!((d1.data.as_str(), d1.updated_at, d1.created_at), (r#"{"n":3}"#, 30, 10), "{b}");
        assert_eq!(read.drafts().count_travelers(&uid("u1")).await.expect("count"), 1, "{b}");
        assert_eq!(read.drafts().count_travelers(&uid("u2")).await.expect("count"), 1, "{b}: untouched");
    })
    .await;
}

#[tokio::test]
async fn the_application_draft_is_one_per_account_and_replaced() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.drafts().put_application(&uid("u1"), r#"{"city":"Austin"}"#, 1).await.expect("put");
        tx.drafts().put_application(&uid("u1"), r#"{"city":"El Paso"}"#, 2).await.expect("replace");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let found = read.drafts().find_application(&uid("u1")).await.expect("find");
        assert_eq!(found.as_deref(), Some(r#"{"city":"El Paso"}"#), "{b}");
        assert_eq!(read.drafts().find_application(&uid("u2")).await.expect("find"), None, "{b}");
        drop(read);
        let mut tx = db.store.write().await.expect("write");
        tx.drafts().delete_application(&uid("u1")).await.expect("delete");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.drafts().find_application(&uid("u1")).await.expect("find"), None, "{b}");
    })
    .await;
}

#[tokio::test]
async fn travelers_in_no_case_can_be_changed_or_removed_by_their_account_only() {
    on_each_backend(|db| async move {
        let b = db.backend;
        seed(&db, 3).await;
        create_cases(&db, &[new_case("k1", 1, "a1", "t1", "u1", 2_000)]).await;
        let t = |id: &str| TravelerId::parse(id).expect("id");
        let mut read = db.store.read().await.expect("read");
        let open: Vec<String> = read
            .travelers()
            .list_unsubmitted_for_account(&uid("u1"))
            .await
            .expect("list")
            .into_iter()
            .map(|r| r.id.to_string())
            .collect();
        assert_eq!(open, ["t2", "t3"], "{b}: t1 is in a case");
        assert!(read.travelers().has_case(&t("t1")).await.expect("has"), "{b}");
        assert!(!read.travelers().has_case(&t("t2")).await.expect("has"), "{b}");
        let mut t2 = read.travelers().find(&t("t2")).await.expect("find").expect("t2");
        drop(read);

        t2.given_name = "Changed".into();
        t2.gender = Some("female".into());
        t2.updated_at = 5_000;
        let mut stranger = t2.clone();
        stranger.account_id = uid("o1");
        let mut tx = db.store.write().await.expect("write");
        assert!(!tx.travelers().update(&stranger).await.expect("update"), "{b}: not theirs");
        assert!(tx.travelers().update(&t2).await.expect("update"), "{b}");
        assert!(!tx.travelers().delete(&uid("o1"), &t("t3")).await.expect("delete"), "{b}: not theirs");
        assert!(tx.travelers().delete(&uid("u1"), &t("t3")).await.expect("delete"), "{b}");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        assert_eq!(
            read.travelers().find(&t("t2")).await.expect("find"),
            Some(t2),
            "{b}: reads back as written"
        );
        assert_eq!(read.travelers().find(&t("t3")).await.expect("find"), None, "{b}");
    })
    .await;
}
