use crate::harness::on_each_backend;

#[tokio::test]
async fn a_migrated_store_answers_a_ping_and_reports_its_pool() {
    on_each_backend(|store, backend| async move {
        store.ping().await.unwrap_or_else(|e| panic!("{backend}: {e}"));
        let stats = store.pool_stats();
        assert!(stats.max >= 1 && stats.size <= stats.max, "{backend}: {stats:?}");
    })
    .await;
}

#[tokio::test]
async fn migrating_twice_is_harmless() {
    on_each_backend(|store, backend| async move {
        store.migrate().await.unwrap_or_else(|e| panic!("{backend}: {e}"));
    })
    .await;
}
