use puerta_domain::accounts::{
    CodePurpose, EmailAddress, GuardPolicy, Language, NewPassword, OneTimeCode, PasswordContext, PhoneNumber,
    Role, parse_time_zone,
};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::StoreError;
use secrecy::{ExposeSecret, SecretString};

use super::RequestContext;
use super::codes::Checked;
use super::sessions::Actor;
use super::sign_in::SIGN_IN_GUARD;
use crate::delivery::Message;
use crate::unit_of_work::Recipient;
use crate::{App, AppError, FieldProblem, ids};

/// What a person sees about their own account.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Profile {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub role: Role,
    pub language: Language,
    /// Where the person reads times.
    #[serde(serialize_with = "iana_name")]
    pub time_zone: chrono_tz::Tz,
    pub mfa_enabled: bool,
    pub created_at: i64,
}

fn iana_name<S: serde::Serializer>(zone: &chrono_tz::Tz, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(zone.name())
}

/// A change to one's own details: each field left `None` stays as it is. For the phone,
/// `Some("")` removes the number.
#[derive(Debug, Clone, Default)]
pub struct ProfileChange {
    pub language: Option<String>,
    pub phone: Option<String>,
    /// An IANA name from `puerta_domain::accounts::TIME_ZONES`.
    pub time_zone: Option<String>,
}

impl App {
    pub async fn me(&self, actor: &Actor) -> Result<Profile, AppError> {
        actor.own()?;
        let user =
            self.reader().await?.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        Ok(Profile {
            role: user.role,
            language: user.language,
            time_zone: user.time_zone,
            mfa_enabled: user.mfa_enabled(),
            id: user.id,
            email: user.email,
            full_name: user.full_name,
            phone: user.phone,
            created_at: user.created_at,
        })
    }

    /// Checks the actor's current password (for changes that need it). Slow: call it before
    /// the use case's transaction.
    pub(crate) async fn confirm_password(
        &self,
        actor: &Actor,
        field: &'static str,
        password: &str,
    ) -> Result<(), AppError> {
        let user =
            self.reader().await?.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        // Wrong passwords here count on the account's sign-in guard: a stolen session cannot
        // be used to guess the password at a faster rate than signing in.
        let attempt = self.guard_attempt(SIGN_IN_GUARD, &user.email, &GuardPolicy::SIGN_IN).await?;
        if self.inner.hasher.verify(password, Some(user.password_hash.expose_secret())).await? {
            let mut tx = self.begin().await?;
            self.guard_clear(&mut tx, attempt).await?;
            tx.commit().await?;
            Ok(())
        } else {
            Err(AppError::field(field, "error-current-password-wrong"))
        }
    }

    /// Changes the password and ends every other session, in one commit.
    pub async fn change_password(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        actor.own()?;
        let me = self.reader().await?.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let context = PasswordContext { email: &me.email, name: &me.full_name };
        let new = NewPassword::parse(new, &context).map_err(|e| AppError::field("new_password", e))?;
        self.confirm_password(actor, "current_password", current).await?;
        let hash = SecretString::from(self.inner.hasher.hash(new.expose()).await?);
        let now = self.now();
        let mut tx = self.begin().await?;
        tx.users().set_password_hash(&actor.user_id, &hash, now).await?;
        tx.sessions().revoke_all(&actor.user_id, Some(&actor.session_hash), now).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::PasswordChanged, me, None).await?;
        self.notify_password_changed(&mut tx, &actor.user_id).await?;
        self.commit_account_change(tx, &actor.user_id).await
    }

    /// Sends a code to the new address; the change happens when it is confirmed. An address that
    /// belongs to another account gets no code, but the answer is the same.
    pub async fn request_email_change(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        new_email: &str,
        password: &str,
    ) -> Result<(), AppError> {
        actor.own()?;
        let address = EmailAddress::parse(new_email).map_err(|e| AppError::field("new_email", e))?;
        self.confirm_password(actor, "password", password).await?;
        self.throttle_code_send(ctx, address.as_str()).await?;
        let mut tx = self.begin().await?;
        if tx.users().find_by_email(address.as_str()).await?.is_some() {
            return Ok(());
        }
        let user = tx.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let lifetime = self.inner.policy.email_code_secs;
        let issued = self
            .issue_code(
                &mut tx,
                &user.id,
                CodePurpose::ChangeEmail,
                lifetime,
                None,
                Some(address.to_string()),
            )
            .await?;
        let to = Recipient { user_id: Some(&user.id), address: address.as_str(), language: user.language };
        let message = Message::ChangeEmail { code: issued.code };
        self.queue(&mut tx, &ids::event_id(), to, &message).await?;
        self.commit(tx).await
    }

    /// Confirms the new address with its code; the old address is told, in the same commit.
    pub async fn confirm_email_change(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        code: &str,
    ) -> Result<(), AppError> {
        actor.own()?;
        let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
        let mut tx = self.begin().await?;
        let Checked::Valid(record) =
            self.check_code(&mut tx, &actor.user_id, CodePurpose::ChangeEmail, &code).await?
        else {
            self.commit(tx).await?;
            return Err(AppError::CodeInvalid);
        };
        let new_email = record.new_email.clone().ok_or(AppError::CodeInvalid)?;
        let now = self.now();
        if !tx.codes().consume(&record.id, now).await? {
            return Err(AppError::CodeInvalid);
        }
        let old = tx.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        match tx.users().set_email(&actor.user_id, &new_email, now).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::CodeInvalid),
            Err(e) => return Err(e.into()),
        }
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::EmailChanged, me, None).await?;
        // To the old address: no account id, so it is sent there even though the account's
        // address has changed.
        let to = Recipient { user_id: None, address: &old.email, language: old.language };
        self.queue(&mut tx, &ids::event_id(), to, &Message::EmailChanged { name: old.full_name.clone() })
            .await?;
        self.commit_account_change(tx, &actor.user_id).await
    }

    /// Changes language and/or phone together: every field is checked first, then all change
    /// in one commit or none does.
    pub async fn update_profile(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        change: ProfileChange,
    ) -> Result<(), AppError> {
        actor.own()?;
        let mut problems = Vec::new();
        let language = match change.language.as_deref() {
            None => None,
            Some(l) => Language::parse(l)
                .ok_or(())
                .map_err(|()| problems.push(FieldProblem::new("language", "error-language-invalid")))
                .ok(),
        };
        let phone = match change.phone.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(p) => {
                PhoneNumber::parse(p).map(Some).map_err(|e| problems.push(FieldProblem::new("phone", e))).ok()
            }
        };
        let time_zone = match change.time_zone.as_deref() {
            None => None,
            Some(z) => parse_time_zone(z)
                .ok_or(())
                .map_err(|()| problems.push(FieldProblem::new("time_zone", "error-time-zone-invalid")))
                .ok(),
        };
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        let now = self.now();
        let me = Some(&actor.user_id);
        let mut tx = self.begin().await?;
        if let Some(language) = language {
            tx.users().set_language(&actor.user_id, language, now).await?;
            let detail = Some(language.code().to_string());
            self.audit(&mut tx, ctx, me, AuditAction::LanguageChanged, me, detail).await?;
        }
        if let Some(phone) = phone {
            tx.users().set_phone(&actor.user_id, phone.as_ref().map(PhoneNumber::as_str), now).await?;
            self.audit(&mut tx, ctx, me, AuditAction::PhoneChanged, me, None).await?;
        }
        if let Some(zone) = time_zone {
            tx.users().set_time_zone(&actor.user_id, zone, now).await?;
            let detail = Some(zone.name().to_string());
            self.audit(&mut tx, ctx, me, AuditAction::TimeZoneChanged, me, detail).await?;
        }
        // The language is the actor's: requests after this one must see the new one.
        self.commit_account_change(tx, &actor.user_id).await
    }

    pub async fn change_language(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        language: &str,
    ) -> Result<(), AppError> {
        let change = ProfileChange { language: Some(language.to_string()), ..ProfileChange::default() };
        self.update_profile(ctx, actor, change).await
    }

    /// Sets the mobile number, or removes it when `phone` is empty.
    pub async fn change_phone(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        phone: &str,
    ) -> Result<(), AppError> {
        self.update_profile(
            ctx,
            actor,
            ProfileChange { phone: Some(phone.to_string()), ..ProfileChange::default() },
        )
        .await
    }

    pub async fn change_time_zone(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        time_zone: &str,
    ) -> Result<(), AppError> {
        let change = ProfileChange { time_zone: Some(time_zone.to_string()), ..ProfileChange::default() };
        self.update_profile(ctx, actor, change).await
    }
}
