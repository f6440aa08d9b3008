//! Users: creating, finding, listing and editing accounts.

use puerta_domain::accounts::{Language, Role};
use puerta_store::StoreError;
use puerta_store::accounts::{NewUser, UserCursor};

use crate::fixtures::{admin, create_users, secret, shown, stored_user, traveler, uid};
use crate::harness::on_each_backend;

#[tokio::test]
async fn one_email_has_one_account_found_by_id_and_by_email() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut ana = traveler("u1", "ana@example.org");
        ana.phone = Some("+525512345678".into());
        create_users(&db, &[ana]).await;

        let mut tx = db.store.write().await.expect("write");
        let second = tx.users().create(&traveler("u2", "ana@example.org")).await;
        assert!(matches!(second, Err(StoreError::Conflict)), "{b}: {second:?}");
        drop(tx);

        let mut read = db.store.read().await.expect("read");
        let u = read.users().find(&uid("u1")).await.expect("find").expect("u1");
        assert_eq!(u.id, uid("u1"), "{b}");
        assert_eq!(u.email, "ana@example.org", "{b}");
        assert_eq!(u.email_verified_at, None, "{b}");
        assert_eq!(shown(&u.password_hash), "hash-u1", "{b}");
        assert_eq!(u.full_name, "Name u1", "{b}");
        assert_eq!(u.phone.as_deref(), Some("+525512345678"), "{b}");
        assert_eq!(u.language, Language::Es, "{b}");
        assert_eq!(u.role, Role::Traveler, "{b}");
        assert!(u.totp_secret.is_none() && u.totp_enabled_at.is_none(), "{b}");
        assert!(!u.must_reset_password, "{b}");
        assert_eq!(
            (u.disabled_at, u.deleted_at, u.created_at, u.updated_at),
            (None, None, 1_000, 1_000),
            "{b}"
        );

        let by_email = read.users().find_by_email("ana@example.org").await.expect("find").expect("ana");
        assert_eq!(by_email.id, uid("u1"), "{b}");
        assert!(
            read.users().find(&uid("u2")).await.expect("find").is_none(),
            "{b}: the duplicate left nothing"
        );
        assert!(
            read.users().find_by_email("ANA@example.org").await.expect("find").is_none(),
            "{b}: exact match"
        );
        assert!(read.users().find_by_email("nobody@example.org").await.expect("find").is_none(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn users_are_listed_oldest_first_in_pages_without_the_deleted() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let at =
            |id: &str, created_at: i64| NewUser { created_at, ..traveler(id, &format!("{id}@example.org")) };
        // u2 and u3 share a creation time: the id breaks the tie.
        create_users(
            &db,
            &[at("u3", 2_000), at("u1", 1_000), at("u5", 4_000), at("u2", 2_000), at("u4", 3_000)],
        )
        .await;
        let mut tx = db.store.write().await.expect("write");
        tx.users().anonymize(&uid("u4"), 5_000).await.expect("delete u4");
        tx.users().set_disabled(&uid("u5"), Some(5_000), 5_000).await.expect("disable u5");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let ids = |users: &[puerta_store::accounts::User]| {
            users.iter().map(|u| u.id.to_string()).collect::<Vec<_>>()
        };
        let first = read.users().list(None, 2).await.expect("page 1");
        assert_eq!(ids(&first), ["u1", "u2"], "{b}");
        let cursor = UserCursor { created_at: first[1].created_at, id: first[1].id.clone() };
        assert_eq!(cursor, UserCursor { created_at: 2_000, id: uid("u2") }, "{b}");
        let second = read.users().list(Some(&cursor), 2).await.expect("page 2");
        assert_eq!(ids(&second), ["u3", "u5"], "{b}: deleted u4 skipped, disabled u5 listed");
        let cursor = UserCursor { created_at: 4_000, id: uid("u5") };
        assert!(read.users().list(Some(&cursor), 2).await.expect("page 3").is_empty(), "{b}");
        assert_eq!(ids(&read.users().list(None, 10).await.expect("all")), ["u1", "u2", "u3", "u5"], "{b}");
    })
    .await;
}

#[tokio::test]
async fn only_live_admins_are_counted_and_the_admin_lock_works_in_a_transaction() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("a1"), admin("a2"), admin("a3"), traveler("t1", "t1@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.users().lock_admins().await.expect("lock");
        assert_eq!(tx.users().count_active_admins().await.expect("count"), 3, "{b}");
        tx.users().set_disabled(&uid("a3"), Some(2_000), 2_000).await.expect("disable a3");
        tx.users().set_role(&uid("a2"), Role::Supervisor, 2_000).await.expect("demote a2");
        assert_eq!(tx.users().count_active_admins().await.expect("count"), 1, "{b}: own writes seen");
        tx.users().lock_admins().await.expect("the lock may be taken twice");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.users().count_active_admins().await.expect("count"), 1, "{b}");
        let a2 = stored_user(&db, "a2").await;
        assert_eq!((a2.role, a2.updated_at), (Role::Supervisor, 2_000), "{b}");
        let a3 = stored_user(&db, "a3").await;
        assert_eq!((a3.role, a3.disabled_at), (Role::Admin, Some(2_000)), "{b}");
        assert!(!a3.is_active_admin(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn an_email_is_verified_once() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.users().mark_email_verified(&uid("u1"), 2_000).await.expect("verify"), "{b}");
        assert!(!tx.users().mark_email_verified(&uid("u1"), 3_000).await.expect("again"), "{b}");
        assert!(!tx.users().mark_email_verified(&uid("nobody"), 3_000).await.expect("unknown"), "{b}");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!((u.email_verified_at, u.updated_at), (Some(2_000), 2_000), "{b}: the first time stays");
    })
    .await;
}

#[tokio::test]
async fn an_unverified_accounts_password_is_replaced_by_a_new_registration_and_a_verified_one_is_not() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.users().start_totp(&uid("u1"), "xc1:pending", 1_500).await.expect("start"), "{b}");
        assert!(tx.users().use_totp_step(&uid("u1"), 77).await.expect("step"), "{b}");
        let newcomer = NewUser {
            id: uid("ignored"),
            email: "ignored@example.org".into(),
            password_hash: secret("hash-new"),
            full_name: "Ana Nueva".into(),
            phone: Some("+15550001111".into()),
            language: Language::Fr,
            role: Role::Admin,
            email_verified_at: Some(1),
            created_at: 2_000,
        };
        assert!(tx.users().replace_unverified(&uid("u1"), &newcomer).await.expect("replace"), "{b}");
        tx.commit().await.expect("commit");

        let u = stored_user(&db, "u1").await;
        assert_eq!(shown(&u.password_hash), "hash-new", "{b}");
        assert_eq!(u.phone.as_deref(), Some("+15550001111"), "{b}");
        // Name and language stay the first registrant's: a stranger cannot change them.
        assert_eq!((u.full_name.as_str(), u.language), ("Name u1", Language::Es), "{b}");
        assert!(u.totp_secret.is_none() && u.totp_enabled_at.is_none(), "{b}: the enrolment is dropped");
        assert_eq!(u.updated_at, 2_000, "{b}");
        assert_eq!(
            (u.email.as_str(), u.role, u.email_verified_at),
            ("ana@example.org", Role::Traveler, None),
            "{b}"
        );
        assert!(stored_user_absent(&db, "ignored").await, "{b}: no second account");

        let mut tx = db.store.write().await.expect("write");
        // The replacement cleared the last used step: step 77 is accepted again.
        assert!(tx.users().use_totp_step(&uid("u1"), 77).await.expect("step"), "{b}");
        assert!(tx.users().mark_email_verified(&uid("u1"), 3_000).await.expect("verify"), "{b}");
        let later = NewUser { password_hash: secret("hash-late"), created_at: 4_000, ..newcomer };
        assert!(!tx.users().replace_unverified(&uid("u1"), &later).await.expect("replace"), "{b}: verified");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!((shown(&u.password_hash), u.updated_at), ("hash-new", 3_000), "{b}");
    })
    .await;
}

async fn stored_user_absent(db: &crate::harness::Db, id: &str) -> bool {
    let mut read = db.store.read().await.expect("read");
    read.users().find(&uid(id)).await.expect("find").is_none()
}

#[tokio::test]
async fn a_new_password_clears_a_forced_reset() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.users().set_must_reset_password(&uid("u1"), 2_000).await.expect("force");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!((u.must_reset_password, u.updated_at), (true, 2_000), "{b}");

        let mut tx = db.store.write().await.expect("write");
        tx.users().set_password_hash(&uid("u1"), &secret("hash-2"), 3_000).await.expect("set");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!(
            (shown(&u.password_hash), u.must_reset_password, u.updated_at),
            ("hash-2", false, 3_000),
            "{b}"
        );
    })
    .await;
}

#[tokio::test]
async fn an_email_change_to_a_taken_address_conflicts() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        let taken = tx.users().set_email(&uid("u1"), "bea@example.org", 2_000).await;
        assert!(matches!(taken, Err(StoreError::Conflict)), "{b}: {taken:?}");
        drop(tx);
        assert_eq!(stored_user(&db, "u1").await.email, "ana@example.org", "{b}");

        let mut tx = db.store.write().await.expect("write");
        tx.users().set_email(&uid("u1"), "ana.new@example.org", 3_000).await.expect("free address");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!(
            (u.email.as_str(), u.email_verified_at, u.updated_at),
            ("ana.new@example.org", Some(3_000), 3_000),
            "{b}: the new address counts as verified"
        );
        let mut read = db.store.read().await.expect("read");
        assert!(read.users().find_by_email("ana@example.org").await.expect("find").is_none(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn language_and_phone_are_set_and_the_phone_cleared() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.users().set_language(&uid("u1"), Language::Ht, 2_000).await.expect("language");
        tx.users().set_phone(&uid("u1"), Some("+525511112222"), 3_000).await.expect("phone");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!(
            (u.language, u.phone.as_deref(), u.updated_at),
            (Language::Ht, Some("+525511112222"), 3_000),
            "{b}"
        );

        let mut tx = db.store.write().await.expect("write");
        tx.users().set_phone(&uid("u1"), None, 4_000).await.expect("clear phone");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!((u.language, u.phone, u.updated_at), (Language::Ht, None, 4_000), "{b}");
    })
    .await;
}
