//! Typed identifiers. Each record kind has its own id type, so a user id can never be passed
//! where another record's id is expected. Ids are opaque text (UUIDs made by the application);
//! `parse` only bounds what may come from outside (a URL path segment, a stored row).

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Accepts 1–64 characters of `[A-Za-z0-9_-]` (a UUID in any of its usual spellings).
            pub fn parse(input: &str) -> Result<Self, IdError> {
                let valid = !input.is_empty()
                    && input.len() <= 64
                    && input.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if valid { Ok(Self(input.to_string())) } else { Err(IdError::Invalid) }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }
    };
}

id_type!(
    /// An account (traveler, staff or partner).
    UserId
);
id_type!(
    /// One message in the outbox (an email or an SMS waiting for, or past, delivery).
    OutboxId
);
id_type!(
    /// A one-time code (verification, reset, email change).
    CodeId
);
id_type!(
    /// A background job (work a request handed over, e.g. a password reset to look up).
    JobId
);
id_type!(
    /// An event that causes messages: its (event, channel) pair is the delivery idempotency key.
    EventId
);

id_type!(
    /// A traveler profile (the account holder or a companion), entered by an account holder.
    TravelerId
);
id_type!(
    /// One submission of advance information for a group.
    ApplicationId
);
id_type!(
    /// One traveler's case (looked up from outside by its reference number, not this id).
    CaseId
);
id_type!(
    /// One event in a case's history.
    CaseEventId
);
id_type!(
    /// A document attached to a case.
    DocumentId
);
id_type!(
    /// A group's request for a place in one day's draw.
    AppointmentRequestId
);
id_type!(
    /// An offered or confirmed appointment.
    AppointmentId
);
id_type!(
    /// A conversation between an account holder and the officers.
    ThreadId
);
id_type!(
    /// One message in a thread.
    ThreadMessageId
);
id_type!(
    /// One thing that happened to one account, in its inbox.
    NotificationId
);
id_type!(
    /// A policy notice, stored once for its whole audience.
    NoticeId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("error-id-invalid")]
    Invalid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_uuids_and_refuse_anything_else() {
        assert!(UserId::parse("0b9f7c3e-2f6a-4c1e-9d1a-7a0e5a3c2b11").is_ok());
        assert!(UserId::parse("0b9f7c3e2f6a4c1e9d1a7a0e5a3c2b11").is_ok());
        for bad in ["", "a/b", "a b", "ü", &"x".repeat(65), "1;DROP"] {
            assert_eq!(UserId::parse(bad), Err(IdError::Invalid), "{bad:?}");
        }
        assert_eq!(UserId::parse("abc").map(|id| id.to_string()), Ok("abc".to_string()));
    }
}
