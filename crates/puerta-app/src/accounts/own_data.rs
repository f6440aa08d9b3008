use puerta_store::accounts::AuditFilter;

use super::sessions::Actor;
use super::{AuditAction, RequestContext};
use crate::{App, AppError};

impl App {
    /// Everything Puerta holds about the actor, as one JSON document. Secrets (password hash,
    /// TOTP secret, token hashes) are described, not copied.
    pub async fn export_my_data(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
    ) -> Result<serde_json::Value, AppError> {
        let profile = self.me(actor).await?;
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let about_me = self
            .store()
            .list_audit(&AuditFilter {
                target_id: Some(actor.user_id.clone()),
                limit: 10_000,
                ..AuditFilter::default()
            })
            .await?;
        self.audit(ctx, Some(&actor.user_id), AuditAction::DataExported, Some(&actor.user_id), None).await?;
        Ok(serde_json::json!({
            "exported_at_ms": self.now(),
            "account": profile,
            "email_verified_at_ms": user.email_verified_at,
            "password": "stored only as an argon2id hash",
            "second_factor": if user.totp_enabled_at.is_some() { "authenticator app (secret not exported)" } else { "none" },
            "activity": about_me,
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
        self.confirm_password(actor, "password", password).await?;
        if actor.role == puerta_domain::accounts::Role::Admin
            && self.store().count_active_admins().await? <= 1
        {
            return Err(AppError::Conflict("last_admin"));
        }
        self.store().anonymize_user(&actor.user_id, self.now()).await?;
        self.audit(ctx, Some(&actor.user_id), AuditAction::AccountDeleted, Some(&actor.user_id), None).await
    }
}
