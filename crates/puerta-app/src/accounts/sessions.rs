use puerta_domain::access::{Action, Subject, Target, authorize};
pub use puerta_domain::accounts::SessionKind;
use puerta_domain::accounts::{Language, Role};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::accounts::{Session, User};
use secrecy::{ExposeSecret, SecretString};

use super::RequestContext;
use super::session_cache::{self, Remembered};
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
    /// Answers from this instance's memory of the session when it has one (see
    /// `session_cache`: every change that would refuse it is forgotten at its commit), else
    /// reads a reader. Only a cookie session records activity, and only when its last record
    /// is over a minute old; a bearer token never writes.
    pub async fn authenticate(&self, token: &str, kind: SessionKind) -> Result<Actor, AppError> {
        let hash = sha256_hex(token);
        let now = self.now();
        let remembered = match self.inner.sessions.get(&hash) {
            Some(r) if self.alive(&r, kind, now) => r,
            // Unknown here, or dead by what this instance saw: the database decides (another
            // instance may have recorded activity since).
            _ => self.load_session(&hash, kind).await?,
        };
        let last_seen = if kind == SessionKind::Cookie && now - remembered.last_seen_at >= TOUCH_EVERY_MS {
            let mut tx = self.begin().await?;
            let hash = SecretString::from(hash.clone());
            let recorded = tx.sessions().touch(&hash, now, TOUCH_EVERY_MS).await?;
            tx.commit().await?;
            if recorded {
                self.inner.sessions.touch(hash.expose_secret(), now);
            } else {
                // Recorded by another instance meanwhile, or revoked: read it again next time.
                self.inner.sessions.forget_token(hash.expose_secret());
            }
            now
        } else {
            remembered.last_seen_at
        };
        Ok(Actor {
            role: remembered.role,
            language: remembered.language,
            mfa_enabled: remembered.mfa_enabled,
            user_id: remembered.user_id,
            session_hash: SecretString::from(hash),
            session_kind: kind,
            idle_deadline: (kind == SessionKind::Cookie)
                .then(|| last_seen + self.inner.policy.idle_secs * 1000),
        })
    }

    /// Whether a session of `kind` with these times is usable `now` (its revocation and its
    /// account's state are the database's to say).
    fn alive(&self, r: &Remembered, kind: SessionKind, now: i64) -> bool {
        let idle_limit = self.inner.policy.idle_secs * 1000;
        r.kind == kind
            && now < r.expires_at
            && !(kind == SessionKind::Cookie && now - r.last_seen_at >= idle_limit)
    }

    /// Reads a session that may be used (second factor done) and remembers it.
    async fn load_session(&self, hash: &str, kind: SessionKind) -> Result<Remembered, AppError> {
        // Listening first, then the epoch, then the read: a change committed after the read is
        // heard, and one forgotten during it keeps what was read from being stored.
        let following = self.follow_account_changes().await;
        let before = self.inner.sessions.epoch();
        let (session, user) = self.read_live_session(&SecretString::from(hash.to_string()), kind).await?;
        if session.second_factor_pending {
            return Err(AppError::Unauthenticated);
        }
        let remembered = Remembered {
            mfa_enabled: user.mfa_enabled(),
            user_id: user.id,
            role: user.role,
            language: user.language,
            kind: session.kind,
            last_seen_at: session.last_seen_at,
            expires_at: session.expires_at,
        };
        if following {
            self.inner.sessions.insert(hash, remembered.clone(), before);
        }
        Ok(remembered)
    }

    /// Starts, once, applying announcements of changed accounts to this instance's memory of
    /// sessions. `false` while that cannot be done (nothing is remembered then).
    async fn follow_account_changes(&self) -> bool {
        let started = self
            .inner
            .sessions_followed
            .get_or_try_init(|| async {
                let announcements = self.inner.store.subscribe().await?;
                let cache = std::sync::Arc::clone(&self.inner.sessions);
                tokio::spawn(async move { cache.follow(announcements).await });
                Ok::<_, AppError>(())
            })
            .await;
        if let Err(e) = &started {
            tracing::warn!(error = %e, "cannot follow account changes: sessions are read each time");
        }
        started.is_ok()
    }

    /// A session as the database has it, if it is usable (the second factor may be pending).
    pub(crate) async fn live_session(
        &self,
        token: &str,
        kind: SessionKind,
    ) -> Result<(Session, User), AppError> {
        self.read_live_session(&SecretString::from(sha256_hex(token)), kind).await
    }

    async fn read_live_session(
        &self,
        hash: &SecretString,
        kind: SessionKind,
    ) -> Result<(Session, User), AppError> {
        let mut read = self.reader().await?;
        let session = read.sessions().find(hash).await?.ok_or(AppError::Unauthenticated)?;
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

    /// Commits `tx`, in which `user`'s sessions or what `authenticate` reads of the account
    /// changed: announced to every instance inside the transaction (heard at its commit), and
    /// forgotten by this one right after it, so the next request reads the database.
    pub(crate) async fn commit_account_change(&self, mut tx: WriteTx, user: &UserId) -> Result<(), AppError> {
        // Forgets when this ends, however it ends: after the commit, after a failed one (it may
        // have committed all the same: a connection lost at COMMIT), and when the request is
        // cancelled mid-commit. Forgetting is always safe.
        let _forget = ForgetOnDrop { cache: &self.inner.sessions, user };
        tx.announce(&session_cache::announcement(user)).await?;
        self.commit(tx).await
    }

    /// Ends the actor's current session.
    pub async fn sign_out(&self, ctx: &RequestContext, actor: &Actor) -> Result<(), AppError> {
        let mut tx = self.begin().await?;
        tx.sessions().revoke(&actor.session_hash, self.now()).await?;
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::SignedOut, Some(&actor.user_id), None)
            .await?;
        self.commit_account_change(tx, &actor.user_id).await
    }

    /// Ends a session from its token alone (a page sign-out while the second factor is pending).
    pub async fn end_session_token(&self, token: &str) -> Result<(), AppError> {
        let hash = SecretString::from(sha256_hex(token));
        let mut tx = self.begin().await?;
        let Some(session) = tx.sessions().find(&hash).await? else { return Ok(()) };
        tx.sessions().revoke(&hash, self.now()).await?;
        self.commit_account_change(tx, &session.user_id).await
    }
}

/// Forgets an account's remembered sessions when dropped.
struct ForgetOnDrop<'a> {
    cache: &'a session_cache::SessionCache,
    user: &'a UserId,
}

impl Drop for ForgetOnDrop<'_> {
    fn drop(&mut self) {
        self.cache.forget_user(self.user);
    }
}
