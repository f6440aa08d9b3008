use puerta_store::StoreError;
use puerta_store::accounts::{AuditEntry, AuditFilter, CodeRecord, NewUser, SessionRecord};

use crate::harness::{on_each_backend, on_each_backend_raw, raw_execute};

fn user(id: &str, email: &str) -> NewUser {
    NewUser {
        id: id.into(),
        email: email.into(),
        password_hash: "hash".into(),
        full_name: "Ana".into(),
        phone: None,
        language: "es".into(),
        role: "traveler".into(),
        email_verified_at: None,
        created_at: 1_000,
    }
}

fn code(id: &str, user_id: &str, created_at: i64) -> CodeRecord {
    CodeRecord {
        id: id.into(),
        user_id: user_id.into(),
        purpose: "verify_email".into(),
        code_hash: format!("h-{id}"),
        link_token_hash: None,
        new_email: None,
        attempts: 0,
        expires_at: created_at + 600_000,
        consumed_at: None,
        created_at,
    }
}

#[tokio::test]
async fn one_email_has_one_account() {
    on_each_backend(|store, backend| async move {
        store.create_user(&user("u1", "ana@example.org")).await.expect("first");
        let second = store.create_user(&user("u2", "ana@example.org")).await;
        assert!(matches!(second, Err(StoreError::Conflict)), "{backend}: {second:?}");
        let found = store.find_user_by_email("ana@example.org").await.expect("find").expect("present");
        assert_eq!((found.id.as_str(), found.must_reset_password), ("u1", false), "{backend}");
    })
    .await;
}

#[tokio::test]
async fn a_new_code_retires_the_old_one_and_a_code_is_consumed_once() {
    on_each_backend(|store, backend| async move {
        store.create_user(&user("u1", "ana@example.org")).await.expect("user");
        store.issue_code(&code("c1", "u1", 1_000)).await.expect("c1");
        store.issue_code(&code("c2", "u1", 2_000)).await.expect("c2");
        let active = store.active_code("u1", "verify_email", 3_000).await.expect("q").expect("one");
        assert_eq!(active.id, "c2", "{backend}");
        assert_eq!(store.add_code_attempt("c2").await.ok(), Some(1), "{backend}");
        assert_eq!(store.consume_code("c2", 4_000).await.ok(), Some(true), "{backend}");
        assert_eq!(store.consume_code("c2", 4_001).await.ok(), Some(false), "{backend}: not twice");
        assert!(store.active_code("u1", "verify_email", 5_000).await.expect("q").is_none(), "{backend}");
        store.issue_code(&code("c3", "u1", 6_000)).await.expect("c3");
        assert!(
            store.active_code("u1", "verify_email", 6_000 + 600_001).await.expect("q").is_none(),
            "{backend}: expired"
        );
    })
    .await;
}

#[tokio::test]
async fn sessions_are_revoked_one_by_one_or_all_but_one() {
    on_each_backend(|store, backend| async move {
        store.create_user(&user("u1", "ana@example.org")).await.expect("user");
        for hash in ["s1", "s2", "s3"] {
            let session = SessionRecord {
                token_hash: hash.into(),
                user_id: "u1".into(),
                kind: "bearer".into(),
                second_factor_pending: false,
                created_at: 1,
                last_seen_at: 1,
                expires_at: 100,
                revoked_at: None,
            };
            store.create_session(&session).await.expect("session");
        }
        store.revoke_session("s1", 5).await.expect("revoke");
        assert_eq!(
            store.revoke_user_sessions("u1", Some("s2"), 6).await.ok(),
            Some(1),
            "{backend}: only s3 left to revoke"
        );
        let s2 = store.find_session("s2").await.expect("q").expect("s2");
        assert!(s2.revoked_at.is_none(), "{backend}");
        let s1 = store.find_session("s1").await.expect("q").expect("s1");
        assert_eq!(s1.revoked_at, Some(5), "{backend}");
    })
    .await;
}

#[tokio::test]
async fn throttle_counters_count_per_key_and_window() {
    on_each_backend(|store, backend| async move {
        for expected in 1..=3 {
            assert_eq!(store.throttle_hit("k", 60_000).await.ok(), Some(expected), "{backend}");
        }
        assert_eq!(store.throttle_count("k", 60_000).await.ok(), Some(3), "{backend}");
        assert_eq!(store.throttle_count("k", 120_000).await.ok(), Some(0), "{backend}: a new window");
        assert_eq!(store.throttle_count("other", 60_000).await.ok(), Some(0), "{backend}");
        assert_eq!(store.purge_throttles(100_000).await.ok(), Some(1), "{backend}");
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_is_append_only_and_filtered_newest_first() {
    on_each_backend_raw(|store, backend, raw_url| async move {
        for (at, action) in [(1, "sign_in_failed"), (2, "sign_in_succeeded"), (3, "sign_in_failed")] {
            let entry = AuditEntry {
                id: 0,
                at,
                actor_id: None,
                action: action.into(),
                target_id: Some("u1".into()),
                ip: Some("127.0.0.1".into()),
                user_agent: None,
                detail: None,
            };
            store.append_audit(&entry).await.expect("append");
        }
        let failed = store
            .list_audit(&AuditFilter {
                action: Some("sign_in_failed".into()),
                limit: 10,
                ..AuditFilter::default()
            })
            .await
            .expect("list");
        assert_eq!(failed.iter().map(|e| e.at).collect::<Vec<_>>(), [3, 1], "{backend}");
        let since = store
            .list_audit(&AuditFilter { since: Some(2), limit: 10, ..AuditFilter::default() })
            .await
            .expect("list");
        assert_eq!(since.len(), 2, "{backend}");
        assert!(
            raw_execute(&raw_url, "UPDATE audit_log SET action = 'x'").await.is_err(),
            "{backend}: UPDATE refused"
        );
        assert!(raw_execute(&raw_url, "DELETE FROM audit_log").await.is_err(), "{backend}: DELETE refused");
        assert_eq!(
            store
                .list_audit(&AuditFilter { limit: 10, ..AuditFilter::default() })
                .await
                .map(|v| v.len())
                .ok(),
            Some(3)
        );
    })
    .await;
}

#[tokio::test]
async fn the_server_secret_is_created_once_and_shared() {
    on_each_backend(|store, backend| async move {
        let first = store.server_secret("hmac", "candidate-a").await.expect("secret");
        let second = store.server_secret("hmac", "candidate-b").await.expect("secret");
        assert_eq!((first.as_str(), second.as_str()), ("candidate-a", "candidate-a"), "{backend}");
    })
    .await;
}

#[tokio::test]
async fn anonymizing_keeps_the_id_and_erases_the_person() {
    on_each_backend(|store, backend| async move {
        let mut u = user("u1", "ana@example.org");
        u.phone = Some("+525512345678".into());
        store.create_user(&u).await.expect("user");
        store.anonymize_user("u1", 9).await.expect("anonymize");
        let gone = store.find_user("u1").await.expect("q").expect("kept");
        assert_eq!(
            (gone.full_name.as_str(), gone.phone.as_deref(), gone.deleted_at),
            ("", None, Some(9)),
            "{backend}"
        );
        assert!(!gone.email.contains("ana"), "{backend}");
        store.create_user(&user("u2", "ana@example.org")).await.expect("the address is free again");
    })
    .await;
}
