use puerta_domain::access::{Action, Subject, Target, authorize};
pub use puerta_domain::accounts::SessionKind;
use puerta_domain::accounts::{Language, Role};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::accounts::{Session, User};
use secrecy::SecretString;

use super::RequestContext;
use crate::security::{random_token, sha256_hex};
use crate::{App, AppError};

/// Activity is recorded at most this often per cookie session: reads stay reads, and the idle
/// limit stays right to the minute.
const TOUCH_EVERY_MS: i64 = 60_000;

/// The signed-in person acting in a request.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    pub language: Language,
    pub mfa_enabled: bool,
    /// Hash of the session token (never the token itself).
    pub session_hash: SecretString,
    pub session_kind: SessionKind,
    /// When the session ends if idle, in epoch ms (cookie sessions), for the page warning.
    pub idle_deadline: Option<i64>,
}

impl Actor {
    /// Asks the access policy whether this person may take `action` on `target`.
    pub fn authorize(&self, action: Action, target: Target<'_>) -> Result<(), AppError> {
        let subject = Subject { user_id: &self.user_id, role: self.role, second_factor: self.mfa_enabled };
        Ok(authorize(subject, action, target)?)
    }

    /// The person's own account, as the policy's target.
    pub(crate) fn own(&self) -> Result<(), AppError> {
        self.authorize(Action::OwnAccount, Target::User(&self.user_id))
    }
}

/// A new session: the token goes to the client once; only its hash is stored.
pub struct NewSession {
    pub token: SecretString,
    pub expires_at: i64,
}

impl App {
    /// Creates a session inside the caller's transaction.
    pub(crate) async fn open_session(
        &self,
        tx: &mut WriteTx,
        user_id: &UserId,
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
        let record = Session {
            token_hash: SecretString::from(sha256_hex(&token)),
            user_id: user_id.clone(),
            kind,
            second_factor_pending,
            created_at: now,
            last_seen_at: now,
            expires_at: now + lifetime * 1000,
            revoked_at: None,
        };
        tx.sessions().create(&record).await?;
        Ok(NewSession { token: SecretString::from(token), expires_at: record.expires_at })
    }

    /// Turns a presented token into the acting person, or `Unauthenticated` if the session is
    /// unknown, revoked, expired, idle too long, waiting for its second factor, of the other
    /// kind, or its account is disabled or deleted.
    ///
    /// Reads from a reader. Only a cookie session records activity, and only when its last
    /// record is over a minute old; a bearer token never writes.
    pub async fn authenticate(&self, token: &str, kind: SessionKind) -> Result<Actor, AppError> {
        let (session, user) = self.live_session(token, kind).await?;
        if session.second_factor_pending {
            return Err(AppError::Unauthenticated);
        }
        let now = self.now();
        if kind == SessionKind::Cookie && now - session.last_seen_at >= TOUCH_EVERY_MS {
            let mut tx = self.begin().await?;
            tx.sessions().touch(&session.token_hash, now, TOUCH_EVERY_MS).await?;
            tx.commit().await?;
        }
        let last_seen = if now - session.last_seen_at >= TOUCH_EVERY_MS { now } else { session.last_seen_at };
        Ok(Actor {
            role: user.role,
            language: user.language,
            mfa_enabled: user.mfa_enabled(),
            user_id: user.id,
            session_hash: session.token_hash,
            session_kind: kind,
            idle_deadline: (kind == SessionKind::Cookie)
                .then(|| last_seen + self.inner.policy.idle_secs * 1000),
        })
    }

    pub(crate) async fn live_session(
        &self,
        token: &str,
        kind: SessionKind,
    ) -> Result<(Session, User), AppError> {
        let hash = SecretString::from(sha256_hex(token));
        let mut read = self.reader().await?;
        let session = read.sessions().find(&hash).await?.ok_or(AppError::Unauthenticated)?;
        let now = self.now();
        let idle_limit = self.inner.policy.idle_secs * 1000;
        let dead = session.revoked_at.is_some()
            || session.kind != kind
            || now >= session.expires_at
            || (kind == SessionKind::Cookie && now - session.last_seen_at >= idle_limit);
        if dead {
            return Err(AppError::Unauthenticated);
        }
        let user = read.users().find(&session.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if !user.is_live() {
            return Err(AppError::Unauthenticated);
        }
        Ok((session, user))
    }

    /// Ends the actor's current session.
    pub async fn sign_out(&self, ctx: &RequestContext, actor: &Actor) -> Result<(), AppError> {
        let mut tx = self.begin().await?;
        tx.sessions().revoke(&actor.session_hash, self.now()).await?;
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::SignedOut, Some(&actor.user_id), None)
            .await?;
        self.commit(tx).await
    }

    /// Ends a session from its token alone (a page sign-out while the second factor is pending).
    pub async fn end_session_token(&self, token: &str) -> Result<(), AppError> {
        let mut tx = self.begin().await?;
        tx.sessions().revoke(&SecretString::from(sha256_hex(token)), self.now()).await?;
        self.commit(tx).await
    }
}
