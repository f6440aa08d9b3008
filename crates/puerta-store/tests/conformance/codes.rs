//! One-time codes: one live code per account and purpose, attempts counted, consumed once.

use puerta_domain::accounts::CodePurpose;
use puerta_store::accounts::Code;

use crate::fixtures::{cid, code, create_users, secret, shown, shown_opt, traveler, uid};
use crate::harness::{Db, on_each_backend};

async fn live(db: &Db, user: &str, purpose: CodePurpose, now: i64) -> Option<Code> {
    let mut read = db.store.read().await.expect("read");
    read.codes().active(&uid(user), purpose, now).await.expect("active")
}

#[tokio::test]
async fn a_new_code_retires_the_older_live_one_of_its_purpose_only() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let mut change = code("c2", "u1", CodePurpose::ChangeEmail, 2_000);
        change.new_email = Some("ana.new@example.org".into());
        change.link_token_hash = None;
        let mut tx = db.store.write().await.expect("write");
        tx.codes().issue(&code("c1", "u1", CodePurpose::VerifyEmail, 1_000)).await.expect("c1");
        tx.codes().issue(&change).await.expect("c2");
        tx.codes().issue(&code("o1", "u2", CodePurpose::VerifyEmail, 1_000)).await.expect("o1");
        tx.codes().issue(&code("c3", "u1", CodePurpose::VerifyEmail, 3_000)).await.expect("c3");
        tx.commit().await.expect("commit");

        let c = live(&db, "u1", CodePurpose::VerifyEmail, 3_500).await.expect("live");
        assert_eq!((c.id, c.user_id, c.purpose), (cid("c3"), uid("u1"), CodePurpose::VerifyEmail), "{b}");
        assert_eq!(
            (shown(&c.code_hash), shown_opt(c.link_token_hash.as_ref())),
            ("h-c3", Some("l-c3")),
            "{b}"
        );
        assert_eq!((c.new_email, c.attempts, c.expires_at), (None, 0, 603_000), "{b}");
        assert_eq!((c.consumed_at, c.created_at), (None, 3_000), "{b}");
        let retired = "SELECT consumed_at FROM one_time_codes WHERE id = 'c1'";
        assert_eq!(db.raw_i64(retired).await, 3_000, "{b}: retired when c3 was made");

        let c = live(&db, "u1", CodePurpose::ChangeEmail, 3_500).await.expect("change email code");
        assert_eq!(
            (c.id, c.new_email.as_deref(), c.link_token_hash.is_none()),
            (cid("c2"), Some("ana.new@example.org"), true),
            "{b}"
        );
        let o = live(&db, "u2", CodePurpose::VerifyEmail, 3_500).await.expect("u2's code");
        assert_eq!(o.id, cid("o1"), "{b}: another account is untouched");
        assert!(live(&db, "u1", CodePurpose::ResetPassword, 3_500).await.is_none(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn an_expired_code_is_neither_active_nor_found_by_its_link() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.codes().issue(&code("c1", "u1", CodePurpose::ResetPassword, 1_000)).await.expect("c1");
        tx.commit().await.expect("commit");
        let expires = 601_000;
        assert!(live(&db, "u1", CodePurpose::ResetPassword, expires - 1).await.is_some(), "{b}");
        assert!(live(&db, "u1", CodePurpose::ResetPassword, expires).await.is_none(), "{b}: expired");

        let mut read = db.store.read().await.expect("read");
        let link = secret("l-c1");
        let by_link = read.codes().active_by_link(&link, expires - 1).await.expect("by link").expect("found");
        assert_eq!((by_link.id, by_link.purpose), (cid("c1"), CodePurpose::ResetPassword), "{b}");
        assert!(
            read.codes().active_by_link(&link, expires).await.expect("by link").is_none(),
            "{b}: expired"
        );
        assert!(read.codes().active_by_link(&secret("l-c9"), 2_000).await.expect("by link").is_none(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn attempts_are_counted_and_a_code_is_consumed_once() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let c1 = cid("c1");
        let mut tx = db.store.write().await.expect("write");
        tx.codes().issue(&code("c1", "u1", CodePurpose::VerifyEmail, 1_000)).await.expect("c1");
        let mut counts = Vec::new();
        for _ in 0..3 {
            counts.push(tx.codes().add_attempt(&c1).await.expect("attempt"));
        }
        assert_eq!(counts, [1, 2, 3], "{b}");
        tx.commit().await.expect("commit");
        assert_eq!(live(&db, "u1", CodePurpose::VerifyEmail, 2_000).await.expect("live").attempts, 3, "{b}");

        let mut tx = db.store.write().await.expect("write");
        assert!(tx.codes().consume(&c1, 4_000).await.expect("consume"), "{b}");
        assert!(!tx.codes().consume(&c1, 4_001).await.expect("again"), "{b}: not twice");
        assert!(!tx.codes().consume(&cid("c9"), 4_001).await.expect("unknown"), "{b}");
        tx.commit().await.expect("commit");
        assert!(live(&db, "u1", CodePurpose::VerifyEmail, 4_002).await.is_none(), "{b}");
        let mut read = db.store.read().await.expect("read");
        assert!(read.codes().active_by_link(&secret("l-c1"), 4_002).await.expect("link").is_none(), "{b}");
        assert_eq!(db.raw_i64("SELECT consumed_at FROM one_time_codes WHERE id = 'c1'").await, 4_000, "{b}");
    })
    .await;
}

#[tokio::test]
async fn the_database_refuses_a_second_live_code_inserted_around_the_store() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let mut tx = db.store.write().await.expect("write");
        tx.codes().issue(&code("c1", "u1", CodePurpose::VerifyEmail, 1_000)).await.expect("c1");
        tx.commit().await.expect("commit");
        let insert = |id: &str, purpose: &str, consumed: &str| {
            format!(
                "INSERT INTO one_time_codes (id, user_id, purpose, code_hash, attempts, expires_at, consumed_at, created_at) \
                 VALUES ('{id}', 'u1', '{purpose}', 'h', 0, 9999999, {consumed}, 2000)"
            )
        };
        let second = db.raw_execute(&insert("c2", "verify_email", "NULL")).await;
        assert!(second.is_err(), "{b}: a second live code: {second:?}");
        assert_eq!(db.raw_execute(&insert("c3", "verify_email", "1500")).await.ok(), Some(1), "{b}: consumed is fine");
        assert_eq!(db.raw_execute(&insert("c4", "reset_password", "NULL")).await.ok(), Some(1), "{b}: other purpose");
        let live_codes = "SELECT COUNT(*) FROM one_time_codes WHERE user_id = 'u1' AND purpose = 'verify_email' \
                          AND consumed_at IS NULL";
        assert_eq!(db.raw_i64(live_codes).await, 1, "{b}");
    })
    .await;
}
