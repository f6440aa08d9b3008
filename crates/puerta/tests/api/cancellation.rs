//! A request cancelled at any moment (the time limit, a client that goes away) leaves all of
//! its use case or nothing: the change, the end of the sessions and the audit row commit
//! together. Each use case is started as a task and aborted after a growing number of
//! scheduler turns (0, 1, 3, 7 … 2^17 - 1), so aborts land before, during and after its
//! transaction; a last round is never aborted and must finish. The assertions hold wherever an
//! abort lands, so the test does not depend on timing.

use puerta_app::accounts::{RequestContext, SessionKind};
use puerta_domain::audit::{AuditAction, AuditFilter};
use secrecy::ExposeSecret;

use crate::helpers::TestApp;

const PASSWORD: &str = "a long river of stars";
const NEW_PASSWORD: &str = "another long river";
/// Yields before each abort; the last, `usize::MAX`, waits for the use case to finish.
fn rounds() -> impl Iterator<Item = (usize, usize)> {
    (0..18).map(|i| (1usize << i) - 1).chain([usize::MAX]).enumerate()
}

/// What the database holds for `email`: (password hash, must reset, TOTP on, audit rows of `action`).
async fn state(app: &TestApp, email: &str, action: AuditAction) -> (String, bool, bool, usize) {
    let store = app.store().await;
    let mut read = store.read().await.expect("read");
    let user = read.users().find_by_email(email).await.expect("q").expect("user");
    let filter = AuditFilter {
        action: Some(action),
        target_id: Some(user.id.clone()),
        limit: 10,
        ..Default::default()
    };
    let audited = read.audit().list(&filter).await.expect("audit").len();
    drop(read);
    store.close().await;
    (user.password_hash.expose_secret().to_string(), user.must_reset_password, user.mfa_enabled(), audited)
}

/// Runs `use_case` as a task and aborts it after `turns` yields; `true` if it finished first.
async fn abort_after<F>(turns: usize, use_case: F) -> bool
where
    F: std::future::Future<Output = Result<(), puerta_app::AppError>> + Send + 'static,
{
    let task = tokio::spawn(use_case);
    for _ in 0..turns {
        if task.is_finished() {
            break;
        }
        tokio::task::yield_now().await;
    }
    task.abort();
    matches!(task.await, Ok(Ok(())))
}

/// Whether the session still signs in. Only "unauthenticated" means it ended: any other
/// failure (a connection still being cleaned after the aborted use case, a busy pool on a
/// loaded machine) is asked again, with a generous deadline, rather than read as an ending.
async fn session_alive(app: &TestApp, token: &str) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match app.app.authenticate(token, SessionKind::Bearer).await {
            Ok(_) => return true,
            Err(puerta_app::AppError::Unauthenticated) => return false,
            Err(other) => {
                assert!(std::time::Instant::now() < deadline, "the session could not be read: {other}");
                tokio::task::yield_now().await;
            }
        }
    }
}

/// The account's state and whether `token` still signs in, read as one settled picture. An
/// abort can land while the COMMIT is already on its way to the server, so the change may
/// become visible a moment after the task was dropped: the state is read before and after the
/// session, and read again until both agree (all or nothing is about what is stored, not about
/// when a commit sent before the abort becomes visible).
async fn observe(
    app: &TestApp,
    email: &str,
    action: AuditAction,
    token: &str,
) -> ((String, bool, bool, usize), bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let first = state(app, email, action).await;
        let alive = session_alive(app, token).await;
        let second = state(app, email, action).await;
        if first == second {
            return (first, alive);
        }
        assert!(std::time::Instant::now() < deadline, "the account's state did not settle");
    }
}

on_both_backends! {
    async fn a_cancelled_password_change_changes_all_or_nothing(app) {
        for (round, turns) in rounds() {
            let email = format!("change{round}@example.org");
            app.verified_traveler(&email, PASSWORD).await;
            let keep = app.token(&email, PASSWORD).await;
            let other = app.token(&email, PASSWORD).await;
            let (before, ..) = state(&app, &email, AuditAction::PasswordChanged).await;
            let actor = app.app.authenticate(&keep, SessionKind::Bearer).await.expect("actor");
            let use_case = app.app.clone();
            let finished = abort_after(turns, async move {
                use_case.change_password(&RequestContext::default(), &actor, PASSWORD, NEW_PASSWORD).await
            })
            .await;
            let ((after, _, _, audited), other_alive) = observe(&app, &email, AuditAction::PasswordChanged, &other).await;
            let changed = after != before;
            assert_eq!(changed, !other_alive, "round {round}: the other session ends exactly when the password changes");
            assert_eq!(usize::from(changed), audited, "round {round}: audited exactly when changed");
            assert!(!finished || changed, "round {round}: a finished change is stored");
            assert!(session_alive(&app, &keep).await, "round {round}: the session making the change stays");
            assert!(turns != usize::MAX || finished, "the round that is never aborted finishes");
        }
    }

    async fn a_cancelled_this_wasnt_me_ends_all_sessions_and_forces_a_reset_or_nothing(app) {
        for (round, turns) in rounds() {
            let email = format!("alarm{round}@example.org");
            app.verified_traveler(&email, PASSWORD).await;
            let token = app.token(&email, PASSWORD).await;
            let notice = app.last_email_to(&email).await.expect("sign-in notice");
            let link = notice.split("wasnt-me?token=").nth(1).and_then(|s| s.split_whitespace().next()).expect("link").to_string();
            let use_case = app.app.clone();
            let finished = abort_after(turns, async move { use_case.wasnt_me(&RequestContext::default(), &link).await }).await;
            let ((_, must_reset, _, audited), alive) = observe(&app, &email, AuditAction::AllSessionsEnded, &token).await;
            assert!(turns != usize::MAX || (finished && must_reset), "the round that is never aborted finishes");
            assert_eq!(must_reset, !alive, "round {round}: sessions end exactly when a reset is forced");
            assert_eq!(usize::from(must_reset), audited, "round {round}");
        }
    }

    async fn a_cancelled_password_reset_changes_all_or_nothing(app) {
        for (round, turns) in rounds() {
            let email = format!("reset{round}@example.org");
            app.verified_traveler(&email, PASSWORD).await;
            let token = app.token(&email, PASSWORD).await;
            assert_eq!(app.post_json("/api/v1/password-resets", serde_json::json!({"email": email})).await.status(), 202);
            let code = app.last_code_for(&email).await;
            let (before, ..) = state(&app, &email, AuditAction::PasswordReset).await;
            let (use_case, address) = (app.app.clone(), email.clone());
            let finished = abort_after(turns, async move {
                use_case.reset_password(&RequestContext::default(), Some(&address), Some(&code), None, NEW_PASSWORD).await
            })
            .await;
            let ((after, _, _, audited), alive) = observe(&app, &email, AuditAction::PasswordReset, &token).await;
            let changed = after != before;
            assert!(turns != usize::MAX || (finished && changed), "the round that is never aborted finishes");
            assert_eq!(changed, !alive, "round {round}");
            assert_eq!(usize::from(changed), audited, "round {round}");
        }
    }

    async fn a_cancelled_second_factor_reset_by_an_admin_changes_all_or_nothing(app) {
        app.staff("desk@example.org", "admin", PASSWORD).await;
        let admin_token = app.token("desk@example.org", PASSWORD).await;
        app.enrol_totp(&admin_token).await;
        let admin = app.app.authenticate(&admin_token, SessionKind::Bearer).await.expect("admin");
        for (round, turns) in rounds() {
            let email = format!("lost{round}@example.org");
            app.verified_traveler(&email, PASSWORD).await;
            let token = app.token(&email, PASSWORD).await;
            app.enrol_totp(&token).await;
            let id = app.get_with("/api/v1/me", &token).await.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
            let (use_case, admin) = (app.app.clone(), admin.clone());
            let finished = abort_after(turns, async move { use_case.admin_reset_mfa(&RequestContext::default(), &admin, &id).await }).await;
            let ((_, _, mfa, audited), alive) = observe(&app, &email, AuditAction::MfaResetByAdmin, &token).await;
            assert!(turns != usize::MAX || (finished && !mfa), "the round that is never aborted finishes");
            assert_eq!(mfa, alive, "round {round}: sessions end exactly when the factor goes");
            assert_eq!(usize::from(!mfa), audited, "round {round}");
        }
    }
}
