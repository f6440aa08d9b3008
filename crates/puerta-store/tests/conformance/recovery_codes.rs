//! Recovery codes: replaced as a set, each used once.

use crate::fixtures::{create_users, secret, traveler, uid};
use crate::harness::on_each_backend;

#[tokio::test]
async fn recovery_codes_are_replaced_as_a_set_and_each_is_used_once() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "ana@example.org"), traveler("u2", "bea@example.org")]).await;
        let (u1, u2) = (uid("u1"), uid("u2"));
        let mut tx = db.store.write().await.expect("write");
        tx.recovery_codes().replace(&u1, &[secret("r1"), secret("r2"), secret("r3")]).await.expect("replace");
        tx.recovery_codes().replace(&u2, &[secret("x1")]).await.expect("replace");
        assert_eq!(tx.recovery_codes().remaining(&u1).await.expect("remaining"), 3, "{b}");
        let mut used = Vec::new();
        for (user, hash) in [(&u1, "r2"), (&u1, "r2"), (&u1, "nope"), (&u1, "x1"), (&u2, "r1")] {
            used.push(tx.recovery_codes().use_code(user, &secret(hash), 2_000).await.expect("use"));
        }
        assert_eq!(used, [true, false, false, false, false], "{b}: once, and only the owner's");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.recovery_codes().remaining(&u1).await.expect("remaining"), 2, "{b}");
        assert_eq!(read.recovery_codes().remaining(&u2).await.expect("remaining"), 1, "{b}");
        drop(read);
        assert_eq!(
            db.raw_i64("SELECT used_at FROM recovery_codes WHERE code_hash = 'r2'").await,
            2_000,
            "{b}"
        );

        let mut tx = db.store.write().await.expect("write");
        tx.recovery_codes().replace(&u1, &[secret("r4")]).await.expect("replace");
        assert!(
            !tx.recovery_codes().use_code(&u1, &secret("r1"), 3_000).await.expect("use"),
            "{b}: replaced"
        );
        assert!(tx.recovery_codes().use_code(&u1, &secret("r4"), 3_000).await.expect("use"), "{b}");
        assert_eq!(tx.recovery_codes().remaining(&u1).await.expect("remaining"), 0, "{b}");
        tx.recovery_codes().replace(&u1, &[]).await.expect("empty set");
        tx.commit().await.expect("commit");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM recovery_codes WHERE user_id = 'u1'").await, 0, "{b}");
        let mut read = db.store.read().await.expect("read");
        assert_eq!(read.recovery_codes().remaining(&u2).await.expect("remaining"), 1, "{b}");
    })
    .await;
}
