//! Reads do not write: a bearer token never records activity, and a cookie session records it
//! at most once a minute, so the idle limit stays right to the minute.

use puerta_app::accounts::{RequestContext, SessionKind, SignIn};
use puerta_app::security::sha256_hex;
use secrecy::{ExposeSecret, SecretString};

use crate::helpers::TestApp;

const PASSWORD: &str = "a long river of stars";

async fn last_seen(app: &TestApp, token: &str) -> i64 {
    let store = app.store().await;
    let hash = SecretString::from(sha256_hex(token));
    let session =
        store.read().await.expect("read").sessions().find(&hash).await.expect("q").expect("session");
    store.close().await;
    session.last_seen_at
}

on_both_backends! {
    async fn a_bearer_token_never_writes_and_a_cookie_session_writes_once_a_minute(app) {
        app.verified_traveler("reader@example.org", PASSWORD).await;
        let bearer = app.token("reader@example.org", PASSWORD).await;
        let created = last_seen(&app, &bearer).await;
        app.clock.advance_secs(120);
        assert_eq!(app.get_with("/api/v1/me", &bearer).await.status(), 200);
        assert_eq!(last_seen(&app, &bearer).await, created, "a bearer read wrote nothing");

        let input = SignIn { email: "reader@example.org".into(), password: SecretString::from(PASSWORD.to_string()), totp_code: None };
        let cookie = app.app.sign_in(&RequestContext::default(), input, SessionKind::Cookie).await.expect("signed in").token;
        let cookie = cookie.expose_secret().to_string();
        let opened = last_seen(&app, &cookie).await;
        app.clock.advance_secs(59);
        let actor = app.app.authenticate(&cookie, SessionKind::Cookie).await.expect("live");
        assert_eq!(last_seen(&app, &cookie).await, opened, "within the minute: no write");
        assert_eq!(actor.idle_deadline, Some(opened + 15 * 60 * 1000), "the idle limit counts from the last record");
        app.clock.advance_secs(2);
        let actor = app.app.authenticate(&cookie, SessionKind::Cookie).await.expect("live");
        assert_eq!(last_seen(&app, &cookie).await, opened + 61_000, "over a minute: recorded");
        assert_eq!(actor.idle_deadline, Some(opened + 61_000 + 15 * 60 * 1000));
        // Idle for the whole limit after that record: the session ends.
        app.clock.advance_secs(15 * 60);
        assert!(app.app.authenticate(&cookie, SessionKind::Cookie).await.is_err(), "idle limit");
    }
}
