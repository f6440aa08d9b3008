use puerta_domain::accounts::{EmailAddress, FullName, Language, NewPassword, PhoneNumber, Role};
use puerta_store::StoreError;
use puerta_store::accounts::{CodeRecord, NewUser};

use super::messages::email;
use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::security::random_code;
use crate::{App, AppError, FieldProblem};

/// What a person types to register; validated by [`App::register`].
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub language: String,
}

pub(crate) struct ValidRegistration {
    pub email: EmailAddress,
    pub password: NewPassword,
    pub full_name: FullName,
    pub phone: Option<PhoneNumber>,
    pub language: Language,
}

impl Registration {
    /// Checks every field and reports all problems at once, each beside its field.
    pub(crate) fn validate(&self) -> Result<ValidRegistration, AppError> {
        let mut problems = Vec::new();
        let email =
            EmailAddress::parse(&self.email).map_err(|e| problems.push(FieldProblem::new("email", e))).ok();
        let password = NewPassword::parse(&self.password)
            .map_err(|e| problems.push(FieldProblem::new("password", e)))
            .ok();
        let full_name = FullName::parse(&self.full_name)
            .map_err(|e| problems.push(FieldProblem::new("full_name", e)))
            .ok();
        let phone = match self.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => Some(None),
            Some(p) => {
                PhoneNumber::parse(p).map(Some).map_err(|e| problems.push(FieldProblem::new("phone", e))).ok()
            }
        };
        let language = Language::parse(&self.language)
            .ok_or(())
            .map_err(|()| problems.push(FieldProblem::new("language", "error-language-invalid")))
            .ok();
        match (email, password, full_name, phone, language) {
            (Some(email), Some(password), Some(full_name), Some(phone), Some(language))
                if problems.is_empty() =>
            {
                Ok(ValidRegistration { email, password, full_name, phone, language })
            }
            _ => Err(AppError::Validation(problems)),
        }
    }
}

impl App {
    /// Registers a traveler and emails a verification code. An email that already has an
    /// account gets the same answer, and its owner gets a notice (or, if still unverified, a new
    /// code) instead: nobody learns from the answer whether an address is registered.
    pub async fn register(&self, ctx: &RequestContext, input: Registration) -> Result<(), AppError> {
        let ip = ctx.ip.as_deref().unwrap_or("-");
        self.throttle("register-ip", ip, self.inner.limits.registrations_per_ip_per_hour, 3600).await?;
        let valid = input.validate()?;
        // Codes and notices to one address are limited whether or not it has an account, so a
        // mailbox cannot be flooded through this form and the 429 reveals nothing.
        self.throttle_code_send(ctx, valid.email.as_str()).await?;
        // Hash before looking the address up, so both paths take the same time.
        let password_hash = self.inner.hasher.hash(valid.password.expose()).await?;
        let now = self.now();
        let user = NewUser {
            id: uuid::Uuid::new_v4().to_string(),
            email: valid.email.to_string(),
            password_hash,
            full_name: valid.full_name.as_str().to_string(),
            phone: valid.phone.as_ref().map(|p| p.as_str().to_string()),
            language: valid.language.code().to_string(),
            role: Role::Traveler.as_str().to_string(),
            email_verified_at: None,
            created_at: now,
        };
        match self.store().create_user(&user).await {
            Ok(()) => {
                self.audit(ctx, Some(&user.id), AuditAction::AccountRegistered, Some(&user.id), None).await?;
                self.send_verification_code(&user.id, valid.language, &user.email, &user.full_name).await
            }
            Err(StoreError::Conflict) => self.notify_existing_owner(&valid.email, &user).await,
            Err(e) => Err(e.into()),
        }
    }

    async fn notify_existing_owner(&self, address: &EmailAddress, attempt: &NewUser) -> Result<(), AppError> {
        let Some(owner) = self.store().find_user_by_email(address.as_str()).await? else { return Ok(()) };
        if !owner.is_live() {
            return Ok(());
        }
        let language = owner.language_value();
        if owner.email_verified_at.is_none() && self.store().replace_unverified(&owner.id, attempt).await? {
            // Nobody proved this address yet: the newest registration wins, so someone who
            // registers another person's address first cannot take the account over later.
            let language = Language::parse(&attempt.language).unwrap_or(language);
            return self.send_verification_code(&owner.id, language, &owner.email, &attempt.full_name).await;
        }
        let message = email(
            language,
            &owner.email,
            &owner.full_name,
            ("email-already-registered-subject", vec![]),
            vec![("email-already-registered-body", vec![])],
            false,
        );
        self.inner.delivery.send_email(message).await;
        Ok(())
    }

    /// Issues a fresh verification code (retiring older ones) and emails it.
    pub(crate) async fn send_verification_code(
        &self,
        user_id: &str,
        language: puerta_i18n::Language,
        address: &str,
        name: &str,
    ) -> Result<(), AppError> {
        let code = random_code();
        let now = self.now();
        let record = CodeRecord {
            id: uuid::Uuid::new_v4().to_string(),
            user_id: user_id.to_string(),
            purpose: "verify_email".into(),
            code_hash: self.keys()?.mac(&[user_id, "verify_email", &code]),
            link_token_hash: None,
            new_email: None,
            attempts: 0,
            expires_at: now + self.inner.policy.email_code_secs * 1000,
            consumed_at: None,
            created_at: now,
        };
        self.store().issue_code(&record).await?;
        let message = email(
            language,
            address,
            name,
            ("email-verify-subject", vec![("code", code.as_str().into())]),
            vec![("email-verify-body", vec![("code", code.as_str().into())])],
            true,
        );
        self.inner.delivery.send_email(message).await;
        Ok(())
    }
}
