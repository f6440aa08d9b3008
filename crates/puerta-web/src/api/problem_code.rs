//! Every problem `code` the API can answer, as one enum: a client can rely on this list, and a
//! test checks that each code has its message in every language.

macro_rules! codes {
    ($($variant:ident => $code:literal,)*) => {
        /// A stable, snake_case problem code (`docs/API.md` lists them with their statuses).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ProblemCode {
            $($variant,)*
        }

        impl ProblemCode {
            pub const ALL: &'static [ProblemCode] = &[$(Self::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }
        }
    };
}

codes! {
    NotFound => "not_found",
    MethodNotAllowed => "method_not_allowed",
    PayloadTooLarge => "payload_too_large",
    UnsupportedMediaType => "unsupported_media_type",
    MalformedJson => "malformed_json",
    UnreadableBody => "unreadable_body",
    ValidationFailed => "validation_failed",
    TooManyRequests => "too_many_requests",
    InternalError => "internal_error",
    TimedOut => "timed_out",
    DatabaseUnavailable => "database_unavailable",
    Overloaded => "overloaded",
    BadRequest => "bad_request",
    InvalidCredentials => "invalid_credentials",
    EmailNotVerified => "email_not_verified",
    TotpRequired => "totp_required",
    TotpInvalid => "totp_invalid",
    Unauthenticated => "unauthenticated",
    Forbidden => "forbidden",
    MfaRequired => "mfa_required",
    CsrfFailed => "csrf_failed",
    CodeInvalid => "code_invalid",
    AccountDisabled => "account_disabled",
    TotpAlreadyEnabled => "totp_already_enabled",
    TotpNotStarted => "totp_not_started",
    Conflict => "conflict",
    LastAdmin => "last_admin",
    PasswordResetRequired => "password_reset_required",
    EmailTaken => "email_taken",
    SignInLocked => "sign_in_locked",
    ProofRequired => "proof_required",
    GroupFull => "group_full",
    AlreadyOpen => "already_open",
    IllegalTransition => "illegal_transition",
    EvidenceNotDue => "evidence_not_due",
    AppealLate => "appeal_late",
    AppealAlreadyMade => "appeal_already_made",
    AppealSameDecider => "appeal_same_decider",
    AlreadyClaimed => "already_claimed",
    ReasonCodeTaken => "reason_code_taken",
    RequestWindowClosed => "request_window_closed",
    OutsideServiceArea => "outside_service_area",
    LocationImprecise => "location_imprecise",
    AlreadyRequested => "already_requested",
    AlreadyScheduled => "already_scheduled",
    DrawClosed => "draw_closed",
    DrawFrozen => "draw_frozen",
    DrawNotFrozen => "draw_not_frozen",
    DrawAlreadyRun => "draw_already_run",
    PublicRandomnessMissing => "public_randomness_missing",
    OfferExpired => "offer_expired",
    NotOffered => "not_offered",
    NotCancellable => "not_cancellable",
    PhotoRequired => "photo_required",
    AlreadyCheckedIn => "already_checked_in",
}

impl ProblemCode {
    /// The code of an application conflict; an unknown name is the generic `conflict`.
    pub fn conflict(name: &str) -> Self {
        Self::ALL.iter().copied().find(|c| c.as_str() == name).unwrap_or(Self::Conflict)
    }

    /// The Fluent id of the problem's `detail`.
    pub fn message_id(self) -> String {
        format!("problem-{}", self.as_str())
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use puerta_i18n::{Arg, Language, t_args};

    use super::*;

    #[test]
    fn every_code_has_a_message_in_every_language() {
        for code in ProblemCode::ALL {
            for language in Language::ALL {
                let id = code.message_id();
                let args =
                    vec![("seconds", Arg::from(30)), ("minutes", Arg::from(2)), ("time", Arg::from("12:00"))];
                let text = t_args(language, &id, args);
                assert!(
                    !text.is_empty() && text != id && !text.contains("problem-"),
                    "{language} lacks {id}"
                );
            }
        }
    }

    #[test]
    fn codes_are_unique_snake_case_and_conflicts_map_to_their_code() {
        let mut seen = std::collections::HashSet::new();
        for code in ProblemCode::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert!(code.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{code}");
        }
        assert_eq!(ProblemCode::conflict("last_admin"), ProblemCode::LastAdmin);
        assert_eq!(ProblemCode::conflict("something_new"), ProblemCode::Conflict);
    }
}
