use puerta_domain::accounts::{
    CodePurpose, EmailAddress, FullName, Language, NewPassword, PasswordContext, PhoneNumber, Role,
};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::accounts::NewUser;
use puerta_store::{StoreError, WriteTx};
use secrecy::SecretString;

use super::RequestContext;
use crate::delivery::Message;
use crate::unit_of_work::Recipient;
use crate::{App, AppError, FieldProblem, ids};

/// What a person types to register; validated by [`App::register`].
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: String,
    pub password: SecretString,
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
        let context = PasswordContext { email: &self.email, name: &self.full_name };
        let password = NewPassword::parse(secrecy::ExposeSecret::expose_secret(&self.password), &context)
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
        // Not refunded: every registration counts against its source address.
        let _counted =
            self.under_pressure(ctx, "register-ip", ip, &self.inner.limits.registrations_ip).await?;
        let valid = input.validate()?;
        // Codes and notices to one address are limited per source address whether or not it has
        // an account (the 429 reveals nothing), and per mailbox in the transaction below.
        self.throttle_code_send(ctx, valid.email.as_str()).await?;
        // Slow work first, outside the transaction (and on both paths, so both take as long).
        let password_hash = SecretString::from(self.inner.hasher.hash(valid.password.expose()).await?);
        let user = NewUser {
            id: ids::user_id(),
            email: valid.email.to_string(),
            password_hash,
            full_name: valid.full_name.as_str().to_string(),
            phone: valid.phone.as_ref().map(|p| p.as_str().to_string()),
            language: valid.language,
            role: Role::Traveler,
            email_verified_at: None,
            created_at: self.now(),
        };
        // Two registrations of one address at once: the loser of the insert sees the winner's
        // account on its second try and takes the "already registered" path.
        for _ in 0..2 {
            let mut tx = self.begin().await?;
            let existing = tx.users().find_by_email(&user.email).await?;
            let outcome = match existing {
                None => self.register_new(&mut tx, ctx, &user).await,
                Some(owner) => self.register_existing(&mut tx, owner, &user).await,
            };
            match outcome {
                Ok(()) => return self.commit(tx).await,
                Err(AppError::Store(StoreError::Conflict)) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(AppError::Conflict("conflict"))
    }

    async fn register_new(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        user: &NewUser,
    ) -> Result<(), AppError> {
        tx.users().create(user).await?;
        self.audit(tx, ctx, Some(&user.id), AuditAction::AccountRegistered, Some(&user.id), None).await?;
        // The first code always goes; it counts on the mailbox's budget like every later one.
        self.mailbox_may_receive(tx, &user.id, "verify").await?;
        self.send_verification_code(tx, &user.id, user.language, &user.email).await
    }

    async fn register_existing(
        &self,
        tx: &mut WriteTx,
        owner: puerta_store::accounts::User,
        attempt: &NewUser,
    ) -> Result<(), AppError> {
        if !owner.is_live() {
            return Ok(());
        }
        if owner.email_verified_at.is_none() && tx.users().replace_unverified(&owner.id, attempt).await? {
            // Nobody proved this address yet: the newest registration wins the password, so
            // someone who registers another person's address first cannot take the account over
            // later. The name and language stay the first ones: a stranger cannot change what
            // the account shows or which language its emails are in.
            if !self.mailbox_may_receive(tx, &owner.id, "verify").await? {
                return Ok(());
            }
            return self.send_verification_code(tx, &owner.id, owner.language, &owner.email).await;
        }
        // However often the address is registered again, its owner hears about it a few times
        // an hour at most.
        if !self.mailbox_may_receive(tx, &owner.id, "already_registered").await? {
            return Ok(());
        }
        let to = Recipient { user_id: Some(&owner.id), address: &owner.email, language: owner.language };
        self.queue(tx, &ids::event_id(), to, &Message::AlreadyRegistered { name: owner.full_name.clone() })
            .await
    }

    /// Issues a fresh verification code (retiring older ones) and queues it, in `tx`. The
    /// address is not proven yet, so the email holds no text a registrant chose (not the name).
    pub(crate) async fn send_verification_code(
        &self,
        tx: &mut WriteTx,
        user_id: &UserId,
        language: Language,
        address: &str,
    ) -> Result<(), AppError> {
        let lifetime = self.inner.policy.email_code_secs;
        let issued = self.issue_code(tx, user_id, CodePurpose::VerifyEmail, lifetime, None, None).await?;
        let to = Recipient { user_id: Some(user_id), address, language };
        let message = Message::VerifyEmail { code: issued.code };
        self.queue(tx, &ids::event_id(), to, &message).await
    }
}
