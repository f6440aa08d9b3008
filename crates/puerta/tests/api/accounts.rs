//! Accounts through the API: every flow, and its abuse.

use serde_json::json;

use crate::helpers::assert_problem;

const PASSWORD: &str = "a long river of stars";

on_both_backends! {
    async fn a_newcomer_registers_verifies_from_the_outbox_signs_in_and_out(app) {
        let response = app.register("ana@example.org", PASSWORD).await;
        assert_eq!(response.status(), 202);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body, json!({"status": "verification_sent"}));
        let mail = app.last_email_to("ana@example.org").await.expect("verification email");
        assert!(mail.contains("Subject:"), "an RFC 5322 message: {mail}");
        assert!(mail.contains("Hola:") && !mail.contains("Pérez"), "in the registrant's language (es), with no name: {mail}");
        let code = app.last_code_for("ana@example.org").await;
        let verified = app.post_json("/api/v1/accounts/verify", json!({"email": "ana@example.org", "code": code})).await;
        assert_eq!(verified.status(), 200);

        let token = app.token("ANA@example.org", PASSWORD).await;
        let me = app.get_with("/api/v1/me", &token).await;
        assert_eq!(me.status(), 200);
        let me: serde_json::Value = me.json().await.expect("json");
        assert_eq!((me["email"].as_str(), me["role"].as_str(), me["language"].as_str()), (Some("ana@example.org"), Some("traveler"), Some("es")));
        assert_eq!(me["full_name"], "Ana Pérez");

        let out = app.client.delete(app.url("/api/v1/sessions/current")).bearer_auth(&token).send().await.expect("sent");
        assert_eq!(out.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &token).await, 401, "unauthenticated").await;
        assert_problem(app.get("/api/v1/me").await, 401, "unauthenticated").await;
    }

    async fn registering_a_taken_email_answers_the_same_and_tells_the_owner(app) {
        app.verified_traveler("taken@example.org", PASSWORD).await;
        let before = app.emails_to("taken@example.org").await;
        let again = app.register("taken@example.org", "another good passphrase").await;
        assert_eq!(again.status(), 202);
        let body: serde_json::Value = again.json().await.expect("json");
        assert_eq!(body, json!({"status": "verification_sent"}));
        assert_eq!(app.emails_to("taken@example.org").await, before + 1, "the owner is told");
        let notice = app.last_email_to("taken@example.org").await.expect("notice");
        assert!(notice.contains("ya tiene una"), "a notice, not a code: {notice}");
        // The original password still works: nothing was overwritten.
        app.token("taken@example.org", PASSWORD).await;
    }

    async fn someone_who_registers_an_address_first_cannot_take_it_over(app) {
        assert_eq!(app.register("victim@example.org", "the attacker's own passphrase").await.status(), 202);
        assert_eq!(app.register("victim@example.org", PASSWORD).await.status(), 202);
        // Two codes went out, the first retired by the second; the two emails may be written in
        // either order (one delivery batch), so "the newest file" is not always the live code.
        let mut verified = 0;
        for mail in app.all_emails_to("victim@example.org").await {
            let body = mail.split_once("\r\n\r\n").map_or(mail.as_str(), |(_, body)| body);
            if let Some(code) = crate::helpers::six_digits(body) {
                let answer = app.post_json("/api/v1/accounts/verify", json!({"email": "victim@example.org", "code": code})).await;
                if answer.status() == 200 {
                    verified += 1;
                }
            }
        }
        assert_eq!(verified, 1, "exactly one live code verifies the address");
        app.token("victim@example.org", PASSWORD).await;
        let attacker = app.post_json("/api/v1/sessions", json!({"email": "victim@example.org", "password": "the attacker's own passphrase"})).await;
        assert_problem(attacker, 401, "invalid_credentials").await;
    }

    async fn parallel_guesses_stay_within_the_limit(app) {
        app.verified_traveler("burst@example.org", PASSWORD).await;
        let mut guesses = tokio::task::JoinSet::new();
        for i in 0..12 {
            let (client, url) = (app.client.clone(), app.url("/api/v1/sessions"));
            guesses.spawn(async move {
                let body = json!({"email": "burst@example.org", "password": format!("guess number {i} here")});
                client.post(url).json(&body).send().await.expect("sent").status().as_u16()
            });
        }
        let statuses: Vec<u16> = guesses.join_all().await;
        assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 5, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 7, "{statuses:?}");
    }

    async fn sign_in_before_verifying_answers_email_not_verified(app) {
        app.register("new@example.org", PASSWORD).await;
        let response = app.post_json("/api/v1/sessions", json!({"email": "new@example.org", "password": PASSWORD})).await;
        assert_problem(response, 403, "email_not_verified").await;
    }

    async fn an_unknown_email_and_a_wrong_password_answer_identically(app) {
        app.verified_traveler("real@example.org", PASSWORD).await;
        let wrong = app.post_json("/api/v1/sessions", json!({"email": "real@example.org", "password": "not the right one"})).await;
        let unknown = app.post_json("/api/v1/sessions", json!({"email": "ghost@example.org", "password": "not the right one"})).await;
        assert_eq!(wrong.status(), unknown.status());
        let a = assert_problem(wrong, 401, "invalid_credentials").await;
        let b = assert_problem(unknown, 401, "invalid_credentials").await;
        assert_eq!(a, b, "same body");
    }

    async fn five_wrong_passwords_make_even_the_right_one_wait_a_minute(app) {
        app.verified_traveler("brute@example.org", PASSWORD).await;
        for _ in 0..5 {
            let r = app.post_json("/api/v1/sessions", json!({"email": "brute@example.org", "password": "guess guess guess"})).await;
            assert_eq!(r.status(), 401);
        }
        let throttled = app.post_json("/api/v1/sessions", json!({"email": "brute@example.org", "password": PASSWORD})).await;
        let retry: u64 = throttled.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).expect("Retry-After");
        assert!((1..=60).contains(&retry), "{retry}");
        let body = assert_problem(throttled, 429, "sign_in_locked").await;
        assert!(body["detail"].as_str().is_some_and(|d| d.contains("reset your password")), "{body}");
        app.clock.advance_secs(61);
        app.token("brute@example.org", PASSWORD).await;
    }

    async fn verification_codes_are_single_use_expire_and_allow_ten_tries(app) {
        app.register("codes@example.org", PASSWORD).await;
        let code = app.last_code_for("codes@example.org").await;
        let wrong = if code == "000000" { "111111" } else { "000000" };
        let r = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": wrong})).await;
        assert_problem(r, 400, "code_invalid").await;
        let r = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": "12ab"})).await;
        let body = assert_problem(r, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "code");

        // Expired after 10 minutes.
        app.clock.advance_secs(601);
        let r = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": code})).await;
        assert_problem(r, 400, "code_invalid").await;

        // A new code, and ten wrong tries kill it.
        app.post_json("/api/v1/accounts/verify/resend", json!({"email": "codes@example.org"})).await;
        let fresh = app.last_code_for("codes@example.org").await;
        let wrong = if fresh == "000000" { "111111" } else { "000000" };
        for _ in 0..10 {
            app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": wrong})).await;
        }
        let r = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": fresh})).await;
        assert_problem(r, 400, "code_invalid").await;

        // A third code works once, then not again.
        app.clock.advance_secs(3600);
        app.post_json("/api/v1/accounts/verify/resend", json!({"email": "codes@example.org"})).await;
        let third = app.last_code_for("codes@example.org").await;
        let ok = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": third})).await;
        assert_eq!(ok.status(), 200);
        let reused = app.post_json("/api/v1/accounts/verify", json!({"email": "codes@example.org", "code": third})).await;
        assert_problem(reused, 400, "code_invalid").await;
    }

    async fn resending_codes_is_throttled_per_address(app) {
        app.register("resend@example.org", PASSWORD).await;
        let mut last = 0;
        for _ in 0..6 {
            last = app.post_json("/api/v1/accounts/verify/resend", json!({"email": "resend@example.org"})).await.status().as_u16();
        }
        assert_eq!(last, 429);
    }

    async fn weak_and_malformed_registrations_are_refused_field_by_field(app) {
        let common = app.register("weak@example.org", "password1234").await;
        let body = assert_problem(common, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "password");
        assert_eq!(body["errors"][0]["code"], "password_common");
        let r = app.post_json("/api/v1/accounts", json!({"email": "not-an-email", "password": "short", "full_name": " ", "phone": "12", "language": "xx"})).await;
        let body = assert_problem(r, 422, "validation_failed").await;
        let fields: Vec<&str> = body["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
        assert_eq!(fields, ["email", "password", "full_name", "phone", "language"]);
        assert_eq!(app.emails_to("weak@example.org").await, 0, "nothing stored, nothing sent");
        let missing = app.post_json("/api/v1/accounts", json!({"email": "a@example.org"})).await;
        let body = assert_problem(missing, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["code"], "required");
    }

    async fn problem_details_speak_the_readers_language(app) {
        let r = app.client.get(app.url("/api/v1/me")).header("accept-language", "ht").send().await.expect("sent");
        let body = assert_problem(r, 401, "unauthenticated").await;
        assert!(body["detail"].as_str().is_some_and(|d| d.contains("konekte")), "{body}");
        let r = app.client.get(app.url("/api/v1/me")).header("accept-language", "es-MX").send().await.expect("sent");
        let body = assert_problem(r, 401, "unauthenticated").await;
        assert!(body["detail"].as_str().is_some_and(|d| d.contains("sesión")), "{body}");
    }

    async fn a_second_factor_is_enrolled_and_then_required(app) {
        app.verified_traveler("mfa@example.org", PASSWORD).await;
        let token = app.token("mfa@example.org", PASSWORD).await;
        let (secret, recovery) = app.enrol_totp(&token).await;
        assert_eq!(recovery.len(), 10);
        let again = app.client.post(app.url("/api/v1/me/totp")).bearer_auth(&token).send().await.expect("sent");
        assert_problem(again, 409, "totp_already_enabled").await;

        let missing = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD})).await;
        assert_problem(missing, 401, "totp_required").await;
        let wrong = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD, "totp_code": "000000"})).await;
        assert_problem(wrong, 401, "totp_invalid").await;
        let confirmed_with = app.totp_now(&secret);
        let replayed = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD, "totp_code": confirmed_with})).await;
        assert_problem(replayed, 401, "totp_invalid").await;
        app.clock.advance_secs(30);
        let code = app.totp_now(&secret);
        let ok = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD, "totp_code": code})).await;
        assert_eq!(ok.status(), 201);
        let again = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD, "totp_code": code})).await;
        assert_problem(again, 401, "totp_invalid").await;
        let by_recovery = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD, "totp_code": recovery[0]})).await;
        assert_eq!(by_recovery.status(), 201, "a recovery code signs in once");
        app.clock.advance_secs(60);
        let reused = app.post_json("/api/v1/sessions", json!({"email": "mfa@example.org", "password": PASSWORD, "totp_code": recovery[0]})).await;
        assert_problem(reused, 401, "totp_invalid").await;
    }

    async fn staff_cannot_use_a_staff_function_until_a_second_factor_is_on(app) {
        app.staff("officer@example.org", "officer", PASSWORD).await;
        let token = app.token("officer@example.org", PASSWORD).await;
        assert_problem(app.get_with("/api/v1/staff/overview", &token).await, 403, "mfa_required").await;
        app.enrol_totp(&token).await;
        let ok = app.get_with("/api/v1/staff/overview", &token).await;
        assert_eq!(ok.status(), 200);
        let body: serde_json::Value = ok.json().await.expect("json");
        assert_eq!(body["total_daily_capacity"], 1450);
        assert_problem(app.get_with("/api/v1/admin/users", &token).await, 403, "forbidden").await;
    }

    async fn a_traveler_cannot_escalate_or_read_staff_data(app) {
        app.verified_traveler("eve@example.org", PASSWORD).await;
        let token = app.token("eve@example.org", PASSWORD).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        let id = me["id"].as_str().expect("id");
        let r = app.client.patch(app.url(&format!("/api/v1/admin/users/{id}"))).bearer_auth(&token).json(&json!({"role": "admin"})).send().await.expect("sent");
        assert_problem(r, 403, "forbidden").await;
        assert_problem(app.get_with("/api/v1/admin/audit", &token).await, 403, "forbidden").await;
        assert_problem(app.get_with("/api/v1/staff/overview", &token).await, 403, "forbidden").await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["role"], "traveler");
    }

    async fn an_admin_disables_an_account_and_its_tokens_stop_at_once(app) {
        app.staff("root@example.org", "admin", PASSWORD).await;
        let admin = app.token("root@example.org", PASSWORD).await;
        app.enrol_totp(&admin).await;
        app.verified_traveler("bob@example.org", PASSWORD).await;
        let bob = app.token("bob@example.org", PASSWORD).await;
        let users: serde_json::Value = app.get_with("/api/v1/admin/users", &admin).await.json().await.expect("json"); let users = users["items"].clone();
        let bob_id = users.as_array().expect("list").iter().find(|u| u["email"] == "bob@example.org").expect("bob")["id"].as_str().expect("id").to_string();
        let r = app.client.patch(app.url(&format!("/api/v1/admin/users/{bob_id}"))).bearer_auth(&admin).json(&json!({"disabled": true})).send().await.expect("sent");
        assert_eq!(r.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &bob).await, 401, "unauthenticated").await;
        let again = app.post_json("/api/v1/sessions", json!({"email": "bob@example.org", "password": PASSWORD})).await;
        assert_problem(again, 403, "account_disabled").await;

        let r = app.client.patch(app.url(&format!("/api/v1/admin/users/{bob_id}"))).bearer_auth(&admin).json(&json!({"role": "officer"})).send().await.expect("sent");
        assert_eq!(r.status(), 204);
        let audit: serde_json::Value = app.get_with("/api/v1/admin/audit?action=role_changed", &admin).await.json().await.expect("json"); let audit = audit["items"].clone();
        let entry = &audit[0];
        assert_eq!((entry["target_id"].as_str(), entry["detail"].as_str()), (Some(bob_id.as_str()), Some("traveler -> officer")));
        let disabled: serde_json::Value = app.get_with(&format!("/api/v1/admin/audit?action=account_disabled&target_id={bob_id}"), &admin).await.json().await.expect("json"); let disabled = disabled["items"].clone();
        assert_eq!(disabled.as_array().map(Vec::len), Some(1));
        let me: serde_json::Value = app.get_with("/api/v1/me", &admin).await.json().await.expect("json");
        let own_id = me["id"].as_str().expect("id");
        assert_eq!(disabled[0]["actor_id"].as_str(), Some(own_id), "the admin who did it");

        let r = app.client.patch(app.url(&format!("/api/v1/admin/users/{own_id}"))).bearer_auth(&admin).json(&json!({"role": "traveler"})).send().await.expect("sent");
        assert_problem(r, 409, "last_admin").await;
    }

    async fn sign_ins_and_failures_are_audited_with_address_and_agent(app) {
        app.staff("auditor@example.org", "admin", PASSWORD).await;
        app.post_json("/api/v1/sessions", json!({"email": "auditor@example.org", "password": "wrong wrong wrong"})).await;
        let signed = app.client.post(app.url("/api/v1/sessions")).header("user-agent", "PuertaTest/1.0 (shelter kiosk)").json(&json!({"email": "auditor@example.org", "password": PASSWORD})).send().await.expect("sent");
        assert_eq!(signed.status(), 201);
        let token = signed.json::<serde_json::Value>().await.expect("json")["token"].as_str().expect("token").to_string();
        app.enrol_totp(&token).await;
        let failures: serde_json::Value = app.get_with("/api/v1/admin/audit?action=sign_in_failed", &token).await.json().await.expect("json"); let failures = failures["items"].clone();
        assert_eq!(failures.as_array().map(Vec::len), Some(1));
        assert_eq!(failures[0]["ip"], "127.0.0.1");
        let ok: serde_json::Value = app.get_with("/api/v1/admin/audit?action=sign_in_succeeded", &token).await.json().await.expect("json"); let ok = ok["items"].clone();
        assert_eq!(ok.as_array().map(Vec::len), Some(1));
        assert_eq!((ok[0]["user_agent"].as_str(), ok[0]["ip"].as_str()), (Some("PuertaTest/1.0 (shelter kiosk)"), Some("127.0.0.1")));
        let mfa: serde_json::Value = app.get_with("/api/v1/admin/audit?action=mfa_enabled", &token).await.json().await.expect("json"); let mfa = mfa["items"].clone();
        assert_eq!(mfa.as_array().map(Vec::len), Some(1));
    }

    async fn a_password_reset_ends_every_session_and_its_code_works_once(app) {
        app.verified_traveler("reset@example.org", PASSWORD).await;
        let old = app.token("reset@example.org", PASSWORD).await;
        let r = app.post_json("/api/v1/password-resets", json!({"email": "reset@example.org"})).await;
        assert_eq!(r.status(), 202);
        let unknown = app.post_json("/api/v1/password-resets", json!({"email": "nobody@example.org"})).await;
        assert_eq!(unknown.status(), 202, "no enumeration");
        let code = app.last_code_for("reset@example.org").await;
        let body = json!({"email": "reset@example.org", "code": code, "new_password": "a brand new passphrase"});
        assert_eq!(app.post_json("/api/v1/password-resets/complete", body.clone()).await.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &old).await, 401, "unauthenticated").await;
        assert_problem(app.post_json("/api/v1/password-resets/complete", body).await, 400, "code_invalid").await;
        app.token("reset@example.org", "a brand new passphrase").await;
        let old_password = app.post_json("/api/v1/sessions", json!({"email": "reset@example.org", "password": PASSWORD})).await;
        assert_problem(old_password, 401, "invalid_credentials").await;
    }

    async fn the_reset_link_works_and_expires_after_thirty_minutes(app) {
        app.verified_traveler("link@example.org", PASSWORD).await;
        app.post_json("/api/v1/password-resets", json!({"email": "link@example.org"})).await;
        let mail = app.last_email_to("link@example.org").await.expect("mail");
        let token = mail.split("reset-password?token=").nth(1).and_then(|s| s.split_whitespace().next()).expect("link").to_string();
        app.clock.advance_secs(31 * 60);
        let late = app.post_json("/api/v1/password-resets/complete", json!({"token": token, "new_password": "a brand new passphrase"})).await;
        assert_problem(late, 400, "code_invalid").await;
        let again = app.post_json("/api/v1/password-resets", json!({"email": "link@example.org"})).await;
        assert_eq!(again.status(), 202);
        let mail = app.last_email_to("link@example.org").await.expect("mail");
        let token = mail.split("reset-password?token=").nth(1).and_then(|s| s.split_whitespace().next()).expect("link").to_string();
        let ok = app.post_json("/api/v1/password-resets/complete", json!({"token": token, "new_password": "a brand new passphrase"})).await;
        assert_eq!(ok.status(), 204, "{mail}");
    }

    async fn this_wasnt_me_ends_every_session_and_forces_a_reset(app) {
        app.verified_traveler("victim@example.org", PASSWORD).await;
        let token = app.token("victim@example.org", PASSWORD).await;
        let notice = app.last_email_to("victim@example.org").await.expect("sign-in notice");
        let link = notice.split("wasnt-me?token=").nth(1).and_then(|s| s.split_whitespace().next()).expect("link").to_string();
        let forged = app.post_json("/api/v1/sessions/wasnt-me", json!({"token": format!("{link}0")})).await;
        assert_problem(forged, 400, "code_invalid").await;
        assert_eq!(app.post_json("/api/v1/sessions/wasnt-me", json!({"token": link})).await.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &token).await, 401, "unauthenticated").await;
        let again = app.post_json("/api/v1/sessions", json!({"email": "victim@example.org", "password": PASSWORD})).await;
        assert_problem(again, 403, "password_reset_required").await;

        // A link works once: used again, refused; after the reset too, and the new password
        // keeps working.
        let again = app.post_json("/api/v1/sessions/wasnt-me", json!({"token": link})).await;
        assert_problem(again, 400, "code_invalid").await;
        assert_eq!(app.post_json("/api/v1/password-resets", json!({"email": "victim@example.org"})).await.status(), 202);
        let code = app.last_code_for("victim@example.org").await;
        let reset = app.post_json("/api/v1/password-resets/complete", json!({"email": "victim@example.org", "code": code, "new_password": "another long passphrase"})).await;
        assert_eq!(reset.status(), 204, "reset");
        let reused = app.post_json("/api/v1/sessions/wasnt-me", json!({"token": link})).await;
        assert_problem(reused, 400, "code_invalid").await;
        app.token("victim@example.org", "another long passphrase").await;
    }

    async fn an_admin_cannot_remove_their_own_second_factor(app) {
        app.staff("self@example.org", "admin", PASSWORD).await;
        let token = app.token("self@example.org", PASSWORD).await;
        app.enrol_totp(&token).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        let id = me["id"].as_str().expect("id");
        let r = app.client.post(app.url(&format!("/api/v1/admin/users/{id}/mfa-reset"))).bearer_auth(&token).send().await.expect("sent");
        assert_problem(r, 403, "forbidden").await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["mfa_enabled"], true, "still on");
        let audit: serde_json::Value = app.get_with("/api/v1/admin/audit?action=mfa_reset_by_admin", &token).await.json().await.expect("json");
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(0));
    }

    async fn admins_see_delivery_status_without_addresses_or_codes(app) {
        app.staff("ops@example.org", "admin", PASSWORD).await;
        let token = app.token("ops@example.org", PASSWORD).await;
        app.enrol_totp(&token).await;
        assert_eq!(app.register("dora@example.org", PASSWORD).await.status(), 202);
        let code = app.last_code_for("dora@example.org").await;
        let r = app.get_with("/api/v1/admin/deliveries?status=delivered&limit=1", &token).await;
        assert_eq!(r.status(), 200);
        let text = r.text().await.expect("body");
        assert!(!text.contains("dora@example.org") && !text.contains(&code), "no address, no code: {text}");
        let page: serde_json::Value = serde_json::from_str(&text).expect("json");
        let first = &page["items"][0];
        assert_eq!((first["status"].as_str(), first["channel"].as_str()), (Some("delivered"), Some("email")), "{page}");
        assert!(first["created_at"].as_str().is_some_and(|t| t.ends_with('Z') && t.contains('T')), "RFC 3339: {first}");
        let cursor = page["next_cursor"].as_str().expect("more than one delivered message");
        let next: serde_json::Value = app.get_with(&format!("/api/v1/admin/deliveries?status=delivered&limit=1&cursor={cursor}"), &token).await.json().await.expect("json");
        assert_ne!(next["items"][0]["id"], first["id"], "the next page starts after the first");
        assert_problem(app.get_with("/api/v1/admin/deliveries?status=lost", &token).await, 422, "validation_failed").await;
        let verified = app.post_json("/api/v1/accounts/verify", json!({"email": "dora@example.org", "code": code})).await;
        assert_eq!(verified.status(), 200);
        let traveler = app.token("dora@example.org", PASSWORD).await;
        assert_problem(app.get_with("/api/v1/admin/deliveries", &traveler).await, 403, "forbidden").await;
    }

    async fn changing_the_password_ends_other_sessions(app) {
        app.verified_traveler("change@example.org", PASSWORD).await;
        let first = app.token("change@example.org", PASSWORD).await;
        let second = app.token("change@example.org", PASSWORD).await;
        let wrong = app.client.post(app.url("/api/v1/me/password")).bearer_auth(&second).json(&json!({"current_password": "nope nope nope", "new_password": "a brand new passphrase"})).send().await.expect("sent");
        let body = assert_problem(wrong, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "current_password");
        let ok = app.client.post(app.url("/api/v1/me/password")).bearer_auth(&second).json(&json!({"current_password": PASSWORD, "new_password": "a brand new passphrase"})).send().await.expect("sent");
        assert_eq!(ok.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &first).await, 401, "unauthenticated").await;
        assert_eq!(app.get_with("/api/v1/me", &second).await.status(), 200);
    }

    async fn email_language_and_phone_changes(app) {
        app.verified_traveler("old@example.org", PASSWORD).await;
        let token = app.token("old@example.org", PASSWORD).await;
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"language": "ht", "phone": "+52 55 1234 5678"})).send().await.expect("sent");
        let me: serde_json::Value = r.json().await.expect("json");
        assert_eq!((me["language"].as_str(), me["phone"].as_str()), (Some("ht"), Some("+525512345678")));
        let bad = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"phone": "555"})).send().await.expect("sent");
        assert_problem(bad, 422, "validation_failed").await;

        let r = app.client.post(app.url("/api/v1/me/email")).bearer_auth(&token).json(&json!({"new_email": "new@example.org", "password": PASSWORD})).send().await.expect("sent");
        assert_eq!(r.status(), 202);
        let code = app.last_code_for("new@example.org").await;
        let mail = app.last_email_to("new@example.org").await.expect("mail");
        assert!(mail.contains("Bonjou") || mail.contains("kòd"), "in Haitian Creole now: {mail}");
        let r = app.client.post(app.url("/api/v1/me/email/confirm")).bearer_auth(&token).json(&json!({"code": code})).send().await.expect("sent");
        assert_eq!(r.status(), 200);
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["email"], "new@example.org");
        assert!(app.last_email_to("old@example.org").await.is_some_and(|m| m.contains("Subject:")), "the old address is told");
    }

    async fn a_traveler_downloads_their_data_and_deletes_their_account(app) {
        app.verified_traveler("leaving@example.org", PASSWORD).await;
        let token = app.token("leaving@example.org", PASSWORD).await;
        let export: serde_json::Value = app.get_with("/api/v1/me/export", &token).await.json().await.expect("json");
        assert_eq!(export["account"]["email"], "leaving@example.org");
        assert!(export["activity"].as_array().is_some_and(|a| a.iter().any(|e| e["action"] == "account_registered")));
        assert!(!export.to_string().contains("argon2id$"), "no hashes exported");
        let wrong = app.client.post(app.url("/api/v1/me/deletion")).bearer_auth(&token).json(&json!({"password": "wrong wrong wrong"})).send().await.expect("sent");
        assert_problem(wrong, 422, "validation_failed").await;
        let ok = app.client.post(app.url("/api/v1/me/deletion")).bearer_auth(&token).json(&json!({"password": PASSWORD})).send().await.expect("sent");
        assert_eq!(ok.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &token).await, 401, "unauthenticated").await;
        let gone = app.post_json("/api/v1/sessions", json!({"email": "leaving@example.org", "password": PASSWORD})).await;
        assert_problem(gone, 401, "invalid_credentials").await;
        assert_eq!(app.register("leaving@example.org", PASSWORD).await.status(), 202, "the address is free again");
    }

    // (The CSRF rule for cookie writes is `pages::a_cookie_session_needs_the_csrf_header_for_api_writes`.)
    async fn a_bearer_token_presented_as_a_session_cookie_is_refused(app) {
        app.verified_traveler("cookie@example.org", PASSWORD).await;
        let token = app.token("cookie@example.org", PASSWORD).await;
        // A bearer token presented as a cookie is the wrong kind of session, for reads and writes.
        let r = app.client.get(app.url("/api/v1/me")).header("cookie", format!("puerta_session={token}")).send().await.expect("sent");
        assert_problem(r, 401, "unauthenticated").await;
        let r = app.client.patch(app.url("/api/v1/me")).header("cookie", format!("puerta_session={token}")).json(&json!({"language": "fr"})).send().await.expect("sent");
        assert_problem(r, 401, "unauthenticated").await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        assert_eq!(me["language"], "es", "nothing changed");
    }

    async fn an_admin_removes_a_lost_second_factor_without_deleting_the_account(app) {
        app.staff("helpdesk@example.org", "admin", PASSWORD).await;
        let admin = app.token("helpdesk@example.org", PASSWORD).await;
        app.enrol_totp(&admin).await;
        app.verified_traveler("lost@example.org", PASSWORD).await;
        let token = app.token("lost@example.org", PASSWORD).await;
        app.enrol_totp(&token).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &token).await.json().await.expect("json");
        let id = me["id"].as_str().expect("id").to_string();
        assert_problem(app.post_json("/api/v1/sessions", json!({"email": "lost@example.org", "password": PASSWORD})).await, 401, "totp_required").await;

        let r = app.client.post(app.url(&format!("/api/v1/admin/users/{id}/mfa-reset"))).bearer_auth(&admin).send().await.expect("sent");
        assert_eq!(r.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &token).await, 401, "unauthenticated").await;
        let again = app.token("lost@example.org", PASSWORD).await;
        let me: serde_json::Value = app.get_with("/api/v1/me", &again).await.json().await.expect("json");
        assert_eq!((me["id"].as_str(), me["mfa_enabled"].as_bool()), (Some(id.as_str()), Some(false)), "same account, no second factor");
        let audit: serde_json::Value = app.get_with(&format!("/api/v1/admin/audit?action=mfa_reset_by_admin&target_id={id}"), &admin).await.json().await.expect("json"); let audit = audit["items"].clone();
        assert_eq!(audit.as_array().map(Vec::len), Some(1));

        let traveler_tries = app.client.post(app.url(&format!("/api/v1/admin/users/{id}/mfa-reset"))).bearer_auth(&again).send().await.expect("sent");
        assert_problem(traveler_tries, 403, "forbidden").await;
    }
}

on_both_backends! {
    async fn totp_secrets_are_sealed_at_rest_and_clear_ones_are_sealed_at_start(app) {
        app.verified_traveler("sealed@example.org", PASSWORD).await;
        let token = app.token("sealed@example.org", PASSWORD).await;
        let (secret, _) = app.enrol_totp(&token).await;
        let store = app.store().await;
        let user = store.read().await.expect("read").users().find_by_email("sealed@example.org").await.expect("q").expect("user");
        let stored = user.totp_secret.clone().expect("stored");
        let stored = secrecy::ExposeSecret::expose_secret(&stored).to_string();
        assert!(stored.starts_with("xc1:") && !stored.contains(&secret), "sealed, not the secret itself");

        // As an older version stored it: in the clear. The next start seals it again.
        let mut tx = store.write().await.expect("write");
        let clear = secrecy::SecretString::from(stored.clone());
        assert!(tx.users().reseal_totp_secret(&user.id, &clear, &secret).await.expect("q"));
        tx.commit().await.expect("commit");
        let report = app.app.prepare_database().await.expect("prepared");
        assert_eq!(report.secrets_sealed, 1);
        let again = store.read().await.expect("read").users().find(&user.id).await.expect("q").expect("user");
        let again = secrecy::ExposeSecret::expose_secret(again.totp_secret.as_ref().expect("stored")).to_string();
        assert!(again.starts_with("xc1:") && again != stored, "sealed anew");
        store.close().await;
        app.clock.advance_secs(30);
        let signed = app.post_json("/api/v1/sessions", json!({"email": "sealed@example.org", "password": PASSWORD, "totp_code": app.totp_now(&secret)})).await;
        assert_eq!(signed.status(), 201, "the resealed secret still signs in");
    }
}
