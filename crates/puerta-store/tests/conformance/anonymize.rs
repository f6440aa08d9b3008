//! Deleting an account: the id stays, the person and everything that reaches them goes.

use puerta_domain::accounts::CodePurpose;
use puerta_domain::delivery::DeliveryStatus;

use crate::fixtures::{
    code, create_users, enqueue_all, message, oid, secret, session, stored_user, traveler, uid,
};
use crate::harness::on_each_backend;

#[tokio::test]
async fn anonymizing_erases_the_person_their_credentials_and_their_queued_messages() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut ana = traveler("u1", "ana@example.org");
        ana.phone = Some("+525512345678".into());
        create_users(&db, &[ana, traveler("u2", "bea@example.org")]).await;
        enqueue_all(&db, &[message("m1", Some("u1"), 1_000), message("m2", Some("u1"), 1_100), message("m3", Some("u2"), 1_200)])
            .await;
        let (u1, u2) = (uid("u1"), uid("u2"));
        let mut tx = db.store.write().await.expect("write");
        for (hash, user) in [("s1", "u1"), ("s2", "u1"), ("s3", "u2")] {
            tx.sessions().create(&session(hash, user, 1_000)).await.expect("session");
        }
        tx.codes().issue(&code("c1", "u1", CodePurpose::VerifyEmail, 1_000)).await.expect("code");
        tx.codes().issue(&code("c2", "u1", CodePurpose::ResetPassword, 1_000)).await.expect("code");
        tx.codes().issue(&code("c3", "u2", CodePurpose::VerifyEmail, 1_000)).await.expect("code");
        assert!(tx.users().start_totp(&u1, "xc1:s", 1_000).await.expect("start"), "{b}");
        assert!(tx.users().enable_totp(&u1, "xc1:s", 1_000).await.expect("enable"), "{b}");
        tx.recovery_codes().replace(&u1, &[secret("r1"), secret("r2")]).await.expect("recovery");
        tx.recovery_codes().replace(&u2, &[secret("r1")]).await.expect("recovery");
        tx.commit().await.expect("commit");

        let mut tx = db.store.write().await.expect("write");
        tx.users().anonymize(&u1, 9_000).await.expect("anonymize");
        tx.commit().await.expect("commit");

        let u = stored_user(&db, "u1").await;
        assert_eq!(u.email, "deleted-u1@deleted.invalid", "{b}");
        assert_eq!((u.full_name.as_str(), u.phone.as_deref()), ("", None), "{b}");
        assert_eq!(crate::fixtures::shown(&u.password_hash), "!", "{b}");
        assert!(u.totp_secret.is_none() && u.totp_enabled_at.is_none(), "{b}");
        assert_eq!((u.deleted_at, u.disabled_at, u.updated_at), (Some(9_000), Some(9_000), 9_000), "{b}");

        let count = |table: &str, user: &str| format!("SELECT COUNT(*) FROM {table} WHERE user_id = '{user}'");
        for table in ["sessions", "one_time_codes", "recovery_codes"] {
            assert_eq!(db.raw_i64(&count(table, "u1")).await, 0, "{b}: {table} of u1");
        }
        assert_eq!(
            [
                db.raw_i64(&count("sessions", "u2")).await,
                db.raw_i64(&count("one_time_codes", "u2")).await,
                db.raw_i64(&count("recovery_codes", "u2")).await
            ],
            [1, 1, 1],
            "{b}: u2 keeps everything"
        );
        let wiped = "SELECT COUNT(*) FROM outbox WHERE recipient_id = 'u1' AND address = '' AND payload = '{}'";
        assert_eq!(db.raw_i64(wiped).await, 2, "{b}: both of u1's messages wiped");
        let kept = r#"SELECT COUNT(*) FROM outbox WHERE id = 'm3' AND address = 'm3@example.org' AND payload = '{"m":"m3"}'"#;
        assert_eq!(db.raw_i64(kept).await, 1, "{b}: u2's message untouched");

        let mut read = db.store.read().await.expect("read");
        assert!(read.sessions().find(&secret("s1")).await.expect("find").is_none(), "{b}");
        assert!(read.sessions().find(&secret("s3")).await.expect("find").is_some(), "{b}");
        assert!(read.users().find_by_email("ana@example.org").await.expect("find").is_none(), "{b}");
        let record = read.outbox().find(&oid("m1")).await.expect("find").expect("the record stays");
        assert_eq!(
            (record.recipient_id, record.status, record.next_attempt_at, record.last_error.as_deref()),
            (Some(u1.clone()), DeliveryStatus::PermanentFailure, None, Some("account_deleted")),
            "{b}: a message not yet sent is dropped, not sent"
        );
        assert_eq!(read.recovery_codes().remaining(&u2).await.expect("remaining"), 1, "{b}");
        drop(read);

        create_users(&db, &[traveler("u3", "ana@example.org")]).await;
    })
    .await;
}
