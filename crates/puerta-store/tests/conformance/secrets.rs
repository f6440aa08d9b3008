//! Server secrets: the first candidate wins and is shared from then on.

use crate::fixtures::{secret, shown};
use crate::harness::on_each_backend;

#[tokio::test]
async fn the_first_candidate_wins_and_is_shared() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        let first = tx.secrets().get_or_create("hmac", &secret("candidate-a")).await.expect("secret");
        let same_tx = tx.secrets().get_or_create("hmac", &secret("candidate-b")).await.expect("secret");
        tx.commit().await.expect("commit");
        assert_eq!((shown(&first), shown(&same_tx)), ("candidate-a", "candidate-a"), "{b}");

        let mut tx = db.store.write().await.expect("write");
        let later = tx.secrets().get_or_create("hmac", &secret("candidate-c")).await.expect("secret");
        let other = tx.secrets().get_or_create("csrf", &secret("candidate-d")).await.expect("secret");
        tx.commit().await.expect("commit");
        assert_eq!((shown(&later), shown(&other)), ("candidate-a", "candidate-d"), "{b}: per name");

        let mut tx = db.store.write().await.expect("write");
        let lost = tx.secrets().get_or_create("rolled-back", &secret("first")).await.expect("secret");
        assert_eq!(shown(&lost), "first", "{b}");
        tx.rollback().await.expect("rollback");
        let mut tx = db.store.write().await.expect("write");
        let kept = tx.secrets().get_or_create("rolled-back", &secret("second")).await.expect("secret");
        assert_eq!(shown(&kept), "second", "{b}: a rolled-back candidate never won");
        tx.commit().await.expect("commit");
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM server_secrets").await, 3, "{b}");
    })
    .await;
}
