use puerta_domain::accounts::{Language, Role};
use puerta_store::accounts::SessionRecord;

use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::security::{random_token, sha256_hex};
use crate::{App, AppError};

/// Pages use a cookie session (idle and absolute limits); the API uses a bearer token
/// (absolute limit only, as native apps keep it in secure storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Cookie,
    Bearer,
}

impl SessionKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Cookie => "cookie",
            Self::Bearer => "bearer",
        }
    }
}

/// The signed-in person acting in a request.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: String,
    pub role: Role,
    pub language: Language,
    pub mfa_enabled: bool,
    /// Hash of the session token (never the token itself).
    pub session_hash: String,
    pub session_kind: SessionKind,
    /// When the session ends if idle, in epoch ms (cookie sessions), for the page warning.
    pub idle_deadline: Option<i64>,
}

impl Actor {
    /// Staff functions: the role must be one of `roles`, and a second factor must be on.
    pub fn require_staff(&self, roles: &[Role]) -> Result<(), AppError> {
        if !self.role.is_staff() || !roles.contains(&self.role) {
            return Err(AppError::Forbidden);
        }
        if !self.mfa_enabled {
            return Err(AppError::MfaRequired);
        }
        Ok(())
    }
}

/// A new session: the token goes to the client once; only its hash is stored.
pub struct NewSession {
    pub token: String,
    pub expires_at: i64,
}

impl App {
    pub(crate) async fn open_session(
        &self,
        user_id: &str,
        kind: SessionKind,
        second_factor_pending: bool,
    ) -> Result<NewSession, AppError> {
        let token = random_token();
        let now = self.now();
        let policy = &self.inner.policy;
        let lifetime = match kind {
            SessionKind::Cookie => policy.absolute_secs,
            SessionKind::Bearer => policy.api_token_secs,
        };
        let record = SessionRecord {
            token_hash: sha256_hex(&token),
            user_id: user_id.to_string(),
            kind: kind.as_str().to_string(),
            second_factor_pending,
            created_at: now,
            last_seen_at: now,
            expires_at: now + lifetime * 1000,
            revoked_at: None,
        };
        self.store().create_session(&record).await?;
        Ok(NewSession { token, expires_at: record.expires_at })
    }

    /// Turns a presented token into the acting person, or `Unauthenticated` if the session is
    /// unknown, revoked, expired, idle too long, waiting for its second factor, of the other
    /// kind, or its account is disabled or deleted. A live session's idle clock restarts.
    pub async fn authenticate(&self, token: &str, kind: SessionKind) -> Result<Actor, AppError> {
        let (session, user) = self.live_session(token, kind).await?;
        if session.second_factor_pending {
            return Err(AppError::Unauthenticated);
        }
        let now = self.now();
        self.store().touch_session(&session.token_hash, now).await?;
        Ok(Actor {
            role: user.role_value()?,
            language: user.language_value(),
            mfa_enabled: user.mfa_enabled(),
            user_id: user.id,
            session_hash: session.token_hash,
            session_kind: kind,
            idle_deadline: (kind == SessionKind::Cookie).then(|| now + self.inner.policy.idle_secs * 1000),
        })
    }

    pub(crate) async fn live_session(
        &self,
        token: &str,
        kind: SessionKind,
    ) -> Result<(SessionRecord, puerta_store::accounts::UserRecord), AppError> {
        let hash = sha256_hex(token);
        let session = self.store().find_session(&hash).await?.ok_or(AppError::Unauthenticated)?;
        let now = self.now();
        let idle_limit = self.inner.policy.idle_secs * 1000;
        let dead = session.revoked_at.is_some()
            || session.kind != kind.as_str()
            || now >= session.expires_at
            || (kind == SessionKind::Cookie && now - session.last_seen_at >= idle_limit);
        if dead {
            return Err(AppError::Unauthenticated);
        }
        let user = self.store().find_user(&session.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if !user.is_live() {
            return Err(AppError::Unauthenticated);
        }
        Ok((session, user))
    }

    /// Ends the actor's current session.
    pub async fn sign_out(&self, ctx: &RequestContext, actor: &Actor) -> Result<(), AppError> {
        self.store().revoke_session(&actor.session_hash, self.now()).await?;
        self.audit(ctx, Some(&actor.user_id), AuditAction::SignedOut, Some(&actor.user_id), None).await
    }

    /// Ends a session from its token alone (a page sign-out while the second factor is pending).
    pub async fn end_session_token(&self, token: &str) -> Result<(), AppError> {
        self.store().revoke_session(&sha256_hex(token), self.now()).await?;
        Ok(())
    }
}
