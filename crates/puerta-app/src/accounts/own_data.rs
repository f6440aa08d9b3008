use puerta_domain::accounts::Role;
use puerta_domain::audit::{AuditAction, AuditFilter};

use super::RequestContext;
use super::audit::AuditRow;
use super::sessions::Actor;
use crate::error::last_admin;
use crate::{App, AppError};

impl App {
    /// Everything Puerta holds about the actor, as one JSON document. Secrets (password hash,
    /// TOTP secret, token hashes) are described, not copied, and so is other people's data:
    /// the activity names no one else and shows no one else's address. The export is audited.
    pub async fn export_my_data(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
    ) -> Result<serde_json::Value, AppError> {
        actor.own()?;
        let profile = self.me(actor).await?;
        let mut read = self.reader().await?;
        let user = read.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let filter =
            AuditFilter { target_id: Some(actor.user_id.clone()), limit: 10_000, ..AuditFilter::default() };
        let about_me: Vec<AuditRow> =
            read.audit().list(&filter).await?.into_iter().map(AuditRow::from).collect();
        drop(read);
        let mut tx = self.begin().await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::DataExported, me, None).await?;
        self.commit(tx).await?;
        let rfc3339 = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        };
        // What was done to the account and when, for every entry; who did it and from where
        // only when it was the person themself. A staff member's id, address and browser are
        // theirs, not the traveler's, and neither is the address of someone who tried to sign
        // in or asked for a reset without being signed in.
        let activity: Vec<serde_json::Value> = about_me
            .into_iter()
            .map(|r| {
                let by_you = r.actor_id.as_ref() == Some(&actor.user_id);
                let mut entry = serde_json::json!({
                    "at": rfc3339(r.at), "action": r.action, "detail": r.detail, "by_you": by_you,
                });
                if by_you {
                    entry["ip"] = r.ip.into();
                    entry["user_agent"] = r.user_agent.into();
                }
                entry
            })
            .collect();
        Ok(serde_json::json!({
            "exported_at": rfc3339(self.now()),
            "account": {
                "id": profile.id, "email": profile.email, "full_name": profile.full_name,
                "phone": profile.phone, "role": profile.role, "language": profile.language,
                "mfa_enabled": profile.mfa_enabled, "created_at": rfc3339(profile.created_at),
            },
            "email_verified_at": user.email_verified_at.and_then(rfc3339),
            "password": "stored only as an argon2id hash",
            "second_factor": if user.totp_enabled_at.is_some() { "authenticator app (secret not exported)" } else { "none" },
            "activity": activity,
        }))
    }

    /// Deletes the actor's account after checking their password: personal data and
    /// credentials are erased, sessions end, and only the anonymous id remains to keep legal
    /// records (audit log, future case decisions) consistent. See docs/SECURITY.md.
    pub async fn delete_my_account(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        password: &str,
    ) -> Result<(), AppError> {
        actor.own()?;
        self.confirm_password(actor, "password", password).await?;
        let mut tx = self.begin().await?;
        tx.users().lock_admins().await?;
        if actor.role == Role::Admin && tx.users().count_active_admins().await? <= 1 {
            return Err(AppError::Conflict("last_admin"));
        }
        tx.users().anonymize(&actor.user_id, self.now()).await.map_err(last_admin)?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::AccountDeleted, me, None).await?;
        self.commit_account_change(tx, &actor.user_id).await
    }
}
