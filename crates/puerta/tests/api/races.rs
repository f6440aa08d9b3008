//! Invariants under real concurrency: the same requests sent at once, on both backends. Each
//! use case is one transaction, and the database holds the invariant too.

use serde_json::json;
use tokio::task::JoinSet;

use crate::helpers::{TestApp, assert_problem};

const PASSWORD: &str = "a long river of stars";

/// An admin with a second factor: (token, id).
async fn admin(app: &TestApp, email: &str) -> (String, String) {
    app.staff(email, "admin", PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    app.enrol_totp(&token).await;
    let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
    (token, me["id"].as_str().expect("id").to_string())
}

async fn active_admins(app: &TestApp) -> i64 {
    let store = app.store().await;
    let count = store.read().await.expect("read").users().count_active_admins().await.expect("count");
    store.close().await;
    count
}

on_both_backends! {
    async fn concurrent_demotions_disables_and_deletions_always_leave_an_active_admin(app) {
        let mut admins = Vec::new();
        for i in 0..3 {
            admins.push(admin(&app, &format!("admin{i}@example.org")).await);
        }
        let mut tasks = JoinSet::new();
        for (i, (token, _)) in admins.iter().enumerate() {
            let next = &admins[(i + 1) % admins.len()].1;
            let after = &admins[(i + 2) % admins.len()].1;
            let client = app.client.clone();
            let (token, demote, disable) = (token.clone(), app.url(&format!("/api/v1/admin/users/{next}")), app.url(&format!("/api/v1/admin/users/{after}")));
            let delete = app.url("/api/v1/me/deletion");
            tasks.spawn(async move {
                let a = client.patch(demote).bearer_auth(&token).json(&json!({"role": "officer"})).send();
                let b = client.patch(disable).bearer_auth(&token).json(&json!({"disabled": true})).send();
                let c = client.post(delete).bearer_auth(&token).json(&json!({"password": PASSWORD})).send();
                let (a, b, c) = tokio::join!(a, b, c);
                [a, b, c].into_iter().map(|r| r.expect("sent").status().as_u16()).collect::<Vec<_>>()
            });
        }
        let mut statuses = Vec::new();
        while let Some(done) = tasks.join_next().await {
            statuses.extend(done.expect("task"));
        }
        // 403: an admin demoted a moment earlier may no longer act as one.
        assert!(statuses.iter().all(|s| [204, 401, 403, 404, 409].contains(s)), "{statuses:?}");
        assert!(statuses.contains(&409), "at least one change was refused as the last admin: {statuses:?}");
        assert_eq!(active_admins(&app).await, 1, "exactly one active admin is left: {statuses:?}");
    }

    async fn a_second_tab_never_turns_an_enabled_second_factor_off(app) {
        for i in 0..4 {
            let email = format!("tabs{i}@example.org");
            app.verified_traveler(&email, PASSWORD).await;
            let token = app.token(&email, PASSWORD).await;
            let started: serde_json::Value = app.client.post(app.url("/api/v1/me/totp")).bearer_auth(&token).send().await.expect("sent").json().await.expect("json");
            let secret = started["secret"].as_str().expect("secret").to_string();
            let code = app.totp_now(&secret);
            let confirm = app.client.post(app.url("/api/v1/me/totp/confirm")).bearer_auth(&token).json(&json!({"password": PASSWORD, "code": code})).send();
            let second_tab = app.client.post(app.url("/api/v1/me/totp")).bearer_auth(&token).send();
            let (confirm, second_tab) = tokio::join!(confirm, second_tab);
            let (confirmed, restarted) = (confirm.expect("sent").status().as_u16(), second_tab.expect("sent").status().as_u16());
            let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
            if confirmed == 200 {
                assert_eq!(me["mfa_enabled"], true, "confirmed, so enabled (second tab answered {restarted})");
                assert!(restarted == 409 || restarted == 200, "{restarted}");
                // The factor that was confirmed is the one that signs in, one step later.
                app.clock.advance_secs(30);
                let signed = app.post_json("/api/v1/sessions", json!({"email": email, "password": PASSWORD, "totp_code": app.totp_now(&secret)})).await;
                assert_eq!(signed.status(), 201, "the confirmed secret still works");
            } else {
                // The second tab replaced the enrolment first: the code of the old secret no
                // longer matches (422) or the confirmation found nothing to confirm (409).
                assert!(matches!((confirmed, restarted), (422 | 409, 200)), "{confirmed} {restarted}");
                assert_eq!(me["mfa_enabled"], false);
            }
        }
    }

    async fn a_profile_change_with_one_bad_field_changes_nothing(app) {
        app.verified_traveler("atomic@example.org", PASSWORD).await;
        let token = app.token("atomic@example.org", PASSWORD).await;
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"language": "fr", "phone": "not a phone"})).send().await.expect("sent");
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "phone", "{body}");
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!((me["language"].as_str(), me["phone"].as_str()), (Some("es"), None), "the language did not change either");
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"language": "fr", "phone": "+525512345678"})).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        let me: serde_json::Value = r.json().await.expect("json");
        assert_eq!((me["language"].as_str(), me["phone"].as_str()), (Some("fr"), Some("+525512345678")));
    }

    async fn an_admins_role_and_disable_change_is_one_change_and_a_refusal_leaves_no_audit_row(app) {
        let (token, own_id) = admin(&app, "only@example.org").await;
        app.verified_traveler("carla@example.org", PASSWORD).await;
        let carla = app.token("carla@example.org", PASSWORD).await;
        let carla_id = app.get_with("/api/v1/me", &carla).await.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
        let r = app.client.patch(app.url(&format!("/api/v1/admin/users/{carla_id}"))).bearer_auth(&token).json(&json!({"role": "officer", "disabled": true})).send().await.expect("sent");
        assert_eq!(r.status(), 204);
        let audit: serde_json::Value = app.get_with(&format!("/api/v1/admin/audit?target_id={carla_id}"), &token).await.json().await.expect("json");
        let actions: Vec<&str> = audit["items"].as_array().expect("items").iter().filter_map(|e| e["action"].as_str()).collect();
        assert!(actions.contains(&"role_changed") && actions.contains(&"account_disabled"), "{actions:?}");
        assert_problem(app.get_with("/api/v1/me", &carla).await, 401, "unauthenticated").await;

        // The last admin demoting and disabling themself: refused, and nothing of it is kept.
        let r = app.client.patch(app.url(&format!("/api/v1/admin/users/{own_id}"))).bearer_auth(&token).json(&json!({"role": "officer", "disabled": true})).send().await.expect("sent");
        assert_problem(r, 409, "last_admin").await;
        let audit: serde_json::Value = app.get_with(&format!("/api/v1/admin/audit?target_id={own_id}&action=role_changed"), &token).await.json().await.expect("json");
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(0), "no audit row without its change");
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["role"], "admin");
    }

    async fn concurrent_resends_leave_one_live_code_and_only_the_newest_works(app) {
        assert_eq!(app.register("codes@example.org", PASSWORD).await.status(), 202);
        let mut tasks = JoinSet::new();
        for _ in 0..4 {
            let client = app.client.clone();
            let url = app.url("/api/v1/accounts/verify/resend");
            tasks.spawn(async move { client.post(url).json(&json!({"email": "codes@example.org"})).send().await.expect("sent").status().as_u16() });
        }
        while let Some(done) = tasks.join_next().await {
            assert_eq!(done.expect("task"), 202);
        }
        let store = app.store().await;
        let mut read = store.read().await.expect("read");
        let user = read.users().find_by_email("codes@example.org").await.expect("q").expect("user");
        let live = read.codes().active(&user.id, puerta_domain::accounts::CodePurpose::VerifyEmail, app.clock_ms()).await.expect("q");
        assert!(live.is_some(), "one live code");
        drop(read);
        store.close().await;
        // The mailbox gets the first three codes of the hour, then one per five minutes (they may
        // arrive in any order); exactly one of them works.
        app.flush_outbox().await;
        let codes: Vec<String> = std::fs::read_dir(&app.outbox).expect("outbox").filter_map(Result::ok)
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .filter(|m| m.contains("To: codes@example.org"))
            .filter_map(|m| crate::helpers::six_digits(m.split_once("\r\n\r\n").map_or("", |(_, b)| b)))
            .collect();
        assert_eq!(codes.len(), 3, "{codes:?}");
        let mut worked = 0;
        for code in &codes {
            let r = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": code})).await;
            worked += usize::from(r.status() == 200);
        }
        assert_eq!(worked, 1, "only the live code verifies");
    }
}
