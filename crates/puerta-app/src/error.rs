use puerta_store::StoreError;

/// A field that failed validation: the field's name as sent, and the Fluent id of the message
/// that tells the person how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub message_id: String,
    /// The message's Fluent arguments as text (e.g. `limit` = `6 MB`); usually none.
    pub args: Vec<(&'static str, String)>,
}

impl FieldProblem {
    pub fn new(field: &'static str, message_id: impl ToString) -> Self {
        Self { field: field.to_string(), message_id: message_id.to_string(), args: Vec::new() }
    }

    /// The same problem with one more argument for its message.
    #[must_use]
    pub fn with_arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// Why a use case did not succeed. The web layer maps each variant to one problem `code` (API)
/// or one message beside a field (pages).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("validation failed")]
    Validation(Vec<FieldProblem>),
    /// Unknown email and wrong password alike.
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("email not verified")]
    EmailNotVerified,
    #[error("password reset required")]
    PasswordResetRequired,
    #[error("second factor required")]
    TotpRequired,
    #[error("second factor invalid")]
    TotpInvalid,
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// A staff account tried a staff function before enrolling a second factor.
    #[error("second factor enrolment required")]
    MfaRequired,
    #[error("code invalid or expired")]
    CodeInvalid,
    #[error("throttled")]
    Throttled { retry_after_secs: u64 },
    /// Too many wrong passwords for this address, from anywhere: wait, or reset the password.
    #[error("sign-in locked")]
    SignInLocked { retry_after_secs: u64 },
    /// The source address is under pressure: solve this challenge and send the request again.
    #[error("proof of work required")]
    ProofRequired { challenge: Box<crate::security::proof_of_work::Challenge> },
    #[error("account disabled")]
    AccountDisabled,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Appointment requests are not taken now; the window opens next at `next_opens_ms`.
    #[error("request window closed")]
    WindowClosed { next_opens_ms: i64, zone: String },
    /// These travelers (ids) have no photo taken since the offer was made.
    #[error("photo required")]
    PhotoRequired { travelers: Vec<String> },
    /// The traveler's position is outside the area served to them (or too vague to tell): the
    /// Fluent id of the message naming the area served, or asking for a precise location.
    #[error("outside the service area")]
    OutsideServiceArea { message_id: &'static str, imprecise: bool },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    pub fn field(field: &'static str, message_id: impl ToString) -> Self {
        Self::Validation(vec![FieldProblem::new(field, message_id)])
    }
}

impl From<puerta_domain::access::Denied> for AppError {
    fn from(denied: puerta_domain::access::Denied) -> Self {
        use puerta_domain::access::Denied;
        match denied {
            Denied::Forbidden => Self::Forbidden,
            Denied::SecondFactorRequired => Self::MfaRequired,
            Denied::NotFound => Self::NotFound,
        }
    }
}

/// The database's own refusals become the answers the use cases give for them.
pub(crate) fn last_admin(error: StoreError) -> AppError {
    match error {
        StoreError::LastAdmin => AppError::Conflict("last_admin"),
        other => AppError::Store(other),
    }
}
