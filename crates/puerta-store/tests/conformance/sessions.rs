//! Sessions: created, found, touched, promoted past the second factor, revoked.

use puerta_domain::accounts::SessionKind;
use puerta_store::accounts::Session;

use crate::fixtures::{create_users, secret, session, shown, traveler, uid};
use crate::harness::{Db, on_each_backend};

async fn found(db: &Db, hash: &str) -> Option<Session> {
    let mut read = db.store.read().await.expect("read");
    read.sessions().find(&secret(hash)).await.expect("find")
}

#[tokio::test]
async fn a_session_reads_back_as_created() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let s = Session {
            token_hash: secret("t1"),
            user_id: uid("u1"),
            kind: SessionKind::Bearer,
            second_factor_pending: true,
            created_at: 10,
            last_seen_at: 20,
            expires_at: 30,
            revoked_at: Some(25),
        };
        let mut tx = db.store.write().await.expect("write");
        tx.sessions().create(&s).await.expect("create");
        tx.commit().await.expect("commit");
        let got = found(&db, "t1").await.expect("t1");
        assert_eq!(shown(&got.token_hash), "t1", "{b}");
        assert_eq!(
            (got.user_id, got.kind, got.second_factor_pending),
            (uid("u1"), SessionKind::Bearer, true),
            "{b}"
        );
        assert_eq!(
            (got.created_at, got.last_seen_at, got.expires_at, got.revoked_at),
            (10, 20, 30, Some(25)),
            "{b}"
        );
        assert!(found(&db, "t2").await.is_none(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_session_is_touched_only_after_the_gap_and_never_once_revoked() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let t = secret("t1");
        let mut tx = db.store.write().await.expect("write");
        tx.sessions().create(&session("t1", "u1", 1_000)).await.expect("create");
        assert!(!tx.sessions().touch(&t, 1_050, 100).await.expect("touch"), "{b}: within the gap");
        assert!(!tx.sessions().touch(&t, 1_099, 100).await.expect("touch"), "{b}: within the gap");
        assert!(tx.sessions().touch(&t, 1_200, 100).await.expect("touch"), "{b}: past the gap");
        assert!(!tx.sessions().touch(&t, 1_250, 100).await.expect("touch"), "{b}: the gap counts from 1 200");
        assert!(!tx.sessions().touch(&secret("nope"), 9_000, 100).await.expect("touch"), "{b}: unknown");
        tx.commit().await.expect("commit");
        assert_eq!(found(&db, "t1").await.expect("t1").last_seen_at, 1_200, "{b}");

        let mut tx = db.store.write().await.expect("write");
        tx.sessions().revoke(&t, 1_300).await.expect("revoke");
        assert!(!tx.sessions().touch(&t, 50_000, 100).await.expect("touch"), "{b}: revoked");
        tx.commit().await.expect("commit");
        let s = found(&db, "t1").await.expect("t1");
        assert_eq!((s.last_seen_at, s.revoked_at), (1_200, Some(1_300)), "{b}");
    })
    .await;
}

#[tokio::test]
async fn the_second_factor_is_completed_once_and_not_on_a_revoked_session() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org")]).await;
        let pending = |hash: &str| Session { second_factor_pending: true, ..session(hash, "u1", 1_000) };
        let mut tx = db.store.write().await.expect("write");
        tx.sessions().create(&pending("p1")).await.expect("p1");
        tx.sessions().create(&pending("p2")).await.expect("p2");
        tx.sessions().create(&session("full", "u1", 1_000)).await.expect("full");
        tx.sessions().revoke(&secret("p2"), 1_100).await.expect("revoke p2");
        let mut done = Vec::new();
        for hash in ["p1", "p1", "p2", "full", "unknown"] {
            done.push(tx.sessions().complete_second_factor(&secret(hash)).await.expect("complete"));
        }
        assert_eq!(done, [true, false, false, false, false], "{b}");
        tx.commit().await.expect("commit");
        assert!(!found(&db, "p1").await.expect("p1").second_factor_pending, "{b}");
        assert!(found(&db, "p2").await.expect("p2").second_factor_pending, "{b}: revoked stays pending");
    })
    .await;
}

#[tokio::test]
async fn sessions_are_revoked_one_by_one_or_all_but_one() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let u1 = uid("u1");
        let mut tx = db.store.write().await.expect("write");
        for (hash, user) in [("s1", "u1"), ("s2", "u1"), ("s3", "u1"), ("s4", "u1"), ("o1", "u2")] {
            tx.sessions().create(&session(hash, user, 1)).await.expect("session");
        }
        tx.sessions().revoke(&secret("s4"), 2).await.expect("revoke");
        tx.sessions().revoke(&secret("s4"), 3).await.expect("revoking again is harmless");
        assert_eq!(
            tx.sessions().revoke_all(&u1, Some(&secret("s2")), 6).await.expect("all but s2"),
            2,
            "{b}"
        );
        tx.commit().await.expect("commit");

        let revoked_at = async |hash: &str| found(&db, hash).await.expect("session").revoked_at;
        assert_eq!(
            [revoked_at("s1").await, revoked_at("s2").await, revoked_at("s3").await, revoked_at("s4").await],
            [Some(6), None, Some(6), Some(2)],
            "{b}: s4 keeps its first revocation"
        );
        assert_eq!(revoked_at("o1").await, None, "{b}: another user's session");

        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.sessions().revoke_all(&u1, None, 7).await.expect("all"), 1, "{b}: only s2 was live");
        assert_eq!(tx.sessions().revoke_all(&u1, None, 8).await.expect("all"), 0, "{b}");
        tx.commit().await.expect("commit");
        assert_eq!(found(&db, "s2").await.expect("s2").revoked_at, Some(7), "{b}");
        assert_eq!(found(&db, "o1").await.expect("o1").revoked_at, None, "{b}");
    })
    .await;
}
