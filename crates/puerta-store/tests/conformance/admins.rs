//! The last active administrator: the database refuses to lose it, whichever way it is asked.

use puerta_domain::accounts::Role;
use puerta_store::StoreError;

use crate::fixtures::{admin, create_users, stored_user, traveler, uid};
use crate::harness::{Db, on_each_backend};

/// Runs one change in a transaction of its own (on PostgreSQL a refused statement ends the
/// transaction) and commits it when it succeeds.
async fn change(db: &Db, what: &str) -> Result<(), StoreError> {
    let mut tx = db.store.write().await.expect("write");
    tx.users().lock_admins().await.expect("lock");
    let (verb, id) = what.split_once(' ').expect("verb and id");
    let id = uid(id);
    let outcome = match verb {
        "demote" => tx.users().set_role(&id, Role::Officer, 2_000).await,
        "promote" => tx.users().set_role(&id, Role::Admin, 2_000).await,
        "disable" => tx.users().set_disabled(&id, Some(2_000), 2_000).await,
        "enable" => tx.users().set_disabled(&id, None, 2_000).await,
        "anonymize" => tx.users().anonymize(&id, 2_000).await,
        _ => unreachable!("{what}"),
    };
    if outcome.is_ok() {
        tx.commit().await.expect("commit");
    }
    outcome
}

fn is_last_admin(outcome: &Result<(), StoreError>) -> bool {
    matches!(outcome, Err(StoreError::LastAdmin))
}

#[tokio::test]
async fn the_last_admin_cannot_be_demoted_disabled_or_anonymized() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("a1"), traveler("t1", "t1@example.org")]).await;
        for what in ["demote a1", "disable a1", "anonymize a1"] {
            let outcome = change(&db, what).await;
            assert!(is_last_admin(&outcome), "{b}: {what}: {outcome:?}");
        }
        let a1 = stored_user(&db, "a1").await;
        assert!(a1.is_active_admin(), "{b}: {a1:?}");
        assert_eq!((a1.email.as_str(), a1.updated_at), ("a1@example.org", 1_000), "{b}: nothing changed");
        // Other accounts are not held back by the rule.
        change(&db, "disable t1").await.expect("a traveler is disabled");
        change(&db, "anonymize t1").await.expect("a traveler is anonymized");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.users().count_active_admins().await.expect("count"), 1, "{b}");
    })
    .await;
}

#[tokio::test]
async fn an_admin_may_go_while_another_remains() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("a1"), admin("a2")]).await;
        change(&db, "demote a1").await.expect("a2 remains");
        assert_eq!(stored_user(&db, "a1").await.role, Role::Officer, "{b}");
        assert!(is_last_admin(&change(&db, "demote a2").await), "{b}: a2 is the last now");
        assert!(is_last_admin(&change(&db, "disable a2").await), "{b}");
        change(&db, "promote a1").await.expect("promote");

        change(&db, "disable a1").await.expect("a2 remains");
        assert_eq!(stored_user(&db, "a1").await.disabled_at, Some(2_000), "{b}");
        assert!(is_last_admin(&change(&db, "anonymize a2").await), "{b}");
        change(&db, "enable a1").await.expect("enable");

        change(&db, "anonymize a2").await.expect("a1 remains");
        assert_eq!(stored_user(&db, "a2").await.deleted_at, Some(2_000), "{b}");
        assert!(is_last_admin(&change(&db, "demote a1").await), "{b}");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.users().count_active_admins().await.expect("count"), 1, "{b}");
    })
    .await;
}

#[tokio::test]
async fn the_database_itself_refuses_a_raw_update_of_the_last_admin() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("a1")]).await;
        for sql in [
            "UPDATE users SET role = 'traveler' WHERE id = 'a1'",
            "UPDATE users SET disabled_at = 5 WHERE id = 'a1'",
            "UPDATE users SET deleted_at = 5 WHERE id = 'a1'",
        ] {
            let refused = db.raw_execute(sql).await;
            let message = refused.as_ref().map_err(ToString::to_string).err().unwrap_or_default();
            assert!(message.contains("last_admin"), "{b}: {sql}: {refused:?}");
        }
        assert_eq!(
            db.raw_execute("UPDATE users SET full_name = 'x' WHERE id = 'a1'").await.ok(),
            Some(1),
            "{b}"
        );
        assert!(stored_user(&db, "a1").await.is_active_admin(), "{b}");
    })
    .await;
}
