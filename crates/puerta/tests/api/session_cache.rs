//! Signed-in requests are answered from each instance's memory of sessions, and a revocation
//! still counts at once: each test uses a token first (so it is remembered), changes something
//! that must refuse it, and checks the very next request. Across instances on PostgreSQL the
//! change travels by `NOTIFY`: the other instance refuses the token as soon as it has heard it,
//! long before an entry's 30-second life would run out.

use std::time::Duration;

use puerta_app::accounts::{RequestContext, SessionKind, SignIn};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_problem, bearer_post as post};

const NEW_PASSWORD: &str = "an orchard of quiet lanterns";

async fn signed_in_traveler(app: &TestApp, email: &str) -> String {
    app.verified_traveler(email, PASSWORD).await;
    let token = app.token(email, PASSWORD).await;
    assert_eq!(app.get_with("/api/v1/me", &token).await.status(), 200, "used, so remembered");
    token
}

/// An administrator with a second factor: its token.
async fn admin(app: &TestApp) -> String {
    app.staff("root@example.org", "admin", PASSWORD).await;
    let token = app.token("root@example.org", PASSWORD).await;
    app.enrol_totp(&token).await;
    token
}

async fn user_id(app: &TestApp, token: &str) -> String {
    let me: serde_json::Value = app.get_with("/api/v1/me", token).await.json().await.expect("json");
    me["id"].as_str().expect("id").to_string()
}

on_both_backends! {
    async fn a_signed_out_token_is_refused_at_the_next_request(app) {
        let token = signed_in_traveler(&app, "out@example.org").await;
        assert_eq!(app.get_with("/api/v1/dashboard", &token).await.status(), 200);
        let out = app.client.delete(app.url("/api/v1/sessions/current")).bearer_auth(&token).send().await.expect("sent");
        assert_eq!(out.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &token).await, 401, "unauthenticated").await;

        // A cookie session too, through the use cases the pages call.
        let input = SignIn { email: "out@example.org".into(), password: SecretString::from(PASSWORD.to_string()), totp_code: None };
        let cookie = app.app.sign_in(&RequestContext::default(), input, SessionKind::Cookie).await.expect("signed in").token;
        let cookie = cookie.expose_secret().to_string();
        let actor = app.app.authenticate(&cookie, SessionKind::Cookie).await.expect("live");
        app.app.authenticate(&cookie, SessionKind::Cookie).await.expect("still live, from memory");
        app.app.sign_out(&RequestContext::default(), &actor).await.expect("signed out");
        assert!(app.app.authenticate(&cookie, SessionKind::Cookie).await.is_err(), "refused at once");
    }

    async fn a_password_change_ends_the_other_sessions_at_once(app) {
        let kept = signed_in_traveler(&app, "pw@example.org").await;
        let other = app.token("pw@example.org", PASSWORD).await;
        assert_eq!(app.get_with("/api/v1/me", &other).await.status(), 200);
        let body = json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD});
        assert_eq!(post(&app, &kept, "/api/v1/me/password", body).await.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &other).await, 401, "unauthenticated").await;
        assert_eq!(app.get_with("/api/v1/me", &kept).await.status(), 200, "the session that changed it stays");
    }

    async fn a_disabled_account_is_refused_at_the_next_request(app) {
        let admin = admin(&app).await;
        let token = signed_in_traveler(&app, "off@example.org").await;
        let id = user_id(&app, &token).await;
        let disable = app.client.patch(app.url(&format!("/api/v1/admin/users/{id}"))).bearer_auth(&admin);
        let r = disable.json(&json!({"disabled": true})).send().await.expect("sent");
        assert_eq!(r.status(), 204);
        assert_problem(app.get_with("/api/v1/me", &token).await, 401, "unauthenticated").await;
    }

    async fn a_role_change_and_a_language_change_are_seen_by_the_next_request(app) {
        let admin = admin(&app).await;
        let token = signed_in_traveler(&app, "roles@example.org").await;
        let actor = app.app.authenticate(&token, SessionKind::Bearer).await.expect("live");
        assert_eq!(actor.language, puerta_domain::accounts::Language::Es);
        let r = app.client.patch(app.url("/api/v1/me")).bearer_auth(&token).json(&json!({"language": "fr"})).send().await.expect("sent");
        assert!(r.status().is_success(), "{}", r.status());
        let actor = app.app.authenticate(&token, SessionKind::Bearer).await.expect("live");
        assert_eq!(actor.language, puerta_domain::accounts::Language::Fr);

        let id = actor.user_id.to_string();
        let promote = app.client.patch(app.url(&format!("/api/v1/admin/users/{id}"))).bearer_auth(&admin);
        assert_eq!(promote.json(&json!({"role": "officer"})).send().await.expect("sent").status(), 204);
        let actor = app.app.authenticate(&token, SessionKind::Bearer).await.expect("live");
        assert_eq!(actor.role, puerta_domain::accounts::Role::Officer);
        // An officer without a second factor: refused staff functions, as the policy says.
        assert_problem(app.get_with("/api/v1/staff/queue", &token).await, 403, "mfa_required").await;
    }
}

/// Polls `other` until it refuses `token`, within a deadline far shorter than an entry's life
/// (so the announcement, not the time to live, is what refused it).
async fn refused_soon(other: &puerta_app::App, token: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        if other.authenticate(token, SessionKind::Bearer).await.is_err() {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "the other instance still accepts the token");
        tokio::task::yield_now().await;
    }
}

/// Two instances on one PostgreSQL database: a sign-out and a disabled account on one are
/// refused by the other, whose memory held both sessions.
#[tokio::test]
async fn on_postgresql_a_revocation_on_one_instance_reaches_the_others() {
    let Some(app) = TestApp::postgres().await else { return };
    let second = puerta::startup::Application::build_with_clock(&app.settings(), app.clock.clone())
        .await
        .expect("second instance");
    let other = second.app().clone();
    let admin = admin(&app).await;
    let first = signed_in_traveler(&app, "twice@example.org").await;
    let kept = app.token("twice@example.org", PASSWORD).await;
    for token in [&first, &kept] {
        other.authenticate(token, SessionKind::Bearer).await.expect("remembered by the other instance");
    }

    let out = app
        .client
        .delete(app.url("/api/v1/sessions/current"))
        .bearer_auth(&first)
        .send()
        .await
        .expect("sent");
    assert_eq!(out.status(), 204);
    refused_soon(&other, &first).await;
    other.authenticate(&kept, SessionKind::Bearer).await.expect("the other session is untouched");

    let id = user_id(&app, &kept).await;
    let disable = app.client.patch(app.url(&format!("/api/v1/admin/users/{id}"))).bearer_auth(&admin);
    assert_eq!(disable.json(&json!({"disabled": true})).send().await.expect("sent").status(), 204);
    refused_soon(&other, &kept).await;
    other.close().await;
}
