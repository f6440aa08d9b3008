//! The second factor: enrolling, enabling, clearing, re-sealing and replay protection.

use puerta_domain::ids::UserId;
use secrecy::SecretString;

use crate::fixtures::{create_users, secret, shown, shown_opt, stored_user, traveler, uid};
use crate::harness::on_each_backend;

#[tokio::test]
async fn an_enrolment_is_enabled_once_with_its_own_secret_and_never_replaced_after() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let u1 = uid("u1");
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.users().start_totp(&u1, "xc1:one", 2_000).await.expect("start"), "{b}");
        assert!(
            tx.users().start_totp(&u1, "xc1:two", 2_100).await.expect("restart"),
            "{b}: a new tab re-enrols"
        );
        assert!(
            !tx.users().enable_totp(&u1, "xc1:one", 2_200).await.expect("enable"),
            "{b}: replaced secret"
        );
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!((shown_opt(u.totp_secret.as_ref()), u.totp_enabled_at), (Some("xc1:two"), None), "{b}");

        let mut tx = db.store.write().await.expect("write");
        assert!(tx.users().enable_totp(&u1, "xc1:two", 3_000).await.expect("enable"), "{b}");
        assert!(!tx.users().enable_totp(&u1, "xc1:two", 3_100).await.expect("again"), "{b}: only once");
        assert!(
            !tx.users().start_totp(&u1, "xc1:three", 3_200).await.expect("start"),
            "{b}: enabled already"
        );
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!(shown_opt(u.totp_secret.as_ref()), Some("xc1:two"), "{b}: the enabled secret stays");
        assert_eq!((u.totp_enabled_at, u.updated_at), (Some(3_000), 3_000), "{b}");
        assert!(u.mfa_enabled(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn clearing_the_second_factor_removes_its_recovery_codes() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let (u1, u2) = (uid("u1"), uid("u2"));
        let codes = [secret("r1"), secret("r2"), secret("r3")];
        let mut tx = db.store.write().await.expect("write");
        for u in [&u1, &u2] {
            assert!(tx.users().start_totp(u, "xc1:s", 2_000).await.expect("start"), "{b}");
            assert!(tx.users().enable_totp(u, "xc1:s", 2_000).await.expect("enable"), "{b}");
            tx.recovery_codes().replace(u, &codes).await.expect("codes");
        }
        assert!(tx.users().use_totp_step(&u1, 500).await.expect("step"), "{b}");
        tx.users().clear_totp(&u1, 3_000).await.expect("clear");
        tx.commit().await.expect("commit");

        let u = stored_user(&db, "u1").await;
        assert!(u.totp_secret.is_none() && u.totp_enabled_at.is_none(), "{b}");
        assert_eq!(u.updated_at, 3_000, "{b}");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM recovery_codes WHERE user_id = 'u1'").await, 0, "{b}");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.recovery_codes().remaining(&u2).await.expect("u2"), 3, "{b}: only u1's went");
        drop(read);

        let mut tx = db.store.write().await.expect("write");
        assert!(tx.users().start_totp(&u1, "xc1:new", 4_000).await.expect("start"), "{b}: enrols again");
        assert!(tx.users().use_totp_step(&u1, 10).await.expect("step"), "{b}: the old step was forgotten");
        tx.commit().await.expect("commit");
    })
    .await;
}

#[tokio::test]
async fn a_time_step_is_accepted_once_and_never_an_earlier_one() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let (u1, u2) = (uid("u1"), uid("u2"));
        let mut tx = db.store.write().await.expect("write");
        let mut steps = Vec::new();
        for step in [100, 100, 99, 101, 50, 102] {
            steps.push(tx.users().use_totp_step(&u1, step).await.expect("step"));
        }
        assert_eq!(steps, [true, false, false, true, false, true], "{b}");
        assert!(tx.users().use_totp_step(&u2, 100).await.expect("step"), "{b}: per account");
        tx.commit().await.expect("commit");
        let mut tx = db.store.write().await.expect("write");
        assert!(!tx.users().use_totp_step(&u1, 102).await.expect("step"), "{b}: kept after commit");
    })
    .await;
}

#[tokio::test]
async fn a_clear_secret_is_resealed_only_while_it_is_unchanged() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let u1 = uid("u1");
        let mut tx = db.store.write().await.expect("write");
        assert!(tx.users().start_totp(&u1, "JBSWY3DPEHPK3PXP", 2_000).await.expect("start"), "{b}");
        let wrong = secret("SOMETHINGELSE");
        assert!(!tx.users().reseal_totp_secret(&u1, &wrong, "xc1:sealed").await.expect("reseal"), "{b}");
        let old = secret("JBSWY3DPEHPK3PXP");
        assert!(tx.users().reseal_totp_secret(&u1, &old, "xc1:sealed").await.expect("reseal"), "{b}");
        assert!(!tx.users().reseal_totp_secret(&u1, &old, "xc1:other").await.expect("reseal"), "{b}: done");
        tx.commit().await.expect("commit");
        let u = stored_user(&db, "u1").await;
        assert_eq!(shown_opt(u.totp_secret.as_ref()), Some("xc1:sealed"), "{b}");
    })
    .await;
}

#[tokio::test]
async fn secrets_are_listed_by_whether_they_are_sealed() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let users = ["u1", "u2", "u3", "u4", "u5"].map(|id| traveler(id, &format!("{id}@example.org")));
        create_users(&db, &users).await;
        let mut tx = db.store.write().await.expect("write");
        for (id, stored) in [("u1", "xc1:aaa"), ("u2", "PLAINTEXT"), ("u4", "xc2:bbb"), ("u5", "xc1:ccc")] {
            assert!(tx.users().start_totp(&uid(id), stored, 2_000).await.expect("start"), "{b}");
        }
        tx.commit().await.expect("commit");

        let listed = |mut rows: Vec<(UserId, SecretString)>| {
            rows.sort_by(|a, z| a.0.cmp(&z.0));
            rows.iter().map(|(id, s)| (id.to_string(), shown(s).to_string())).collect::<Vec<_>>()
        };
        let pair = |id: &str, s: &str| (id.to_string(), s.to_string());
        let mut read = db.store.read().await.expect("read");
        let sealed = listed(read.users().sealed_totp_secrets("xc1:").await.expect("sealed"));
        assert_eq!(sealed, [pair("u1", "xc1:aaa"), pair("u5", "xc1:ccc")], "{b}");
        let unsealed = listed(read.users().unsealed_totp_secrets("xc1:").await.expect("unsealed"));
        assert_eq!(unsealed, [pair("u2", "PLAINTEXT"), pair("u4", "xc2:bbb")], "{b}: u3 has none");
    })
    .await;
}
