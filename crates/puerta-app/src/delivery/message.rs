//! Every email and SMS Puerta sends, as a typed value. A use case stores one in the outbox, in
//! its own transaction; the delivery worker renders it in the recipient's language when it
//! sends it.

use puerta_domain::delivery::Channel;
use puerta_i18n::{Arg, Language, t, t_args};

/// A message and the data it needs. Serialized (JSON, tagged by `kind`) into the outbox row.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Message {
    /// The 6-digit code that confirms a new account's address.
    VerifyEmail {
        name: String,
        code: String,
    },
    /// Someone tried to register an address that already has an account.
    AlreadyRegistered {
        name: String,
    },
    /// A password reset: code and link.
    ResetPassword {
        name: String,
        code: String,
        link: String,
    },
    PasswordChanged {
        name: String,
    },
    /// The code that confirms a new address, sent to that address.
    ChangeEmail {
        name: String,
        code: String,
    },
    /// Sent to the old address once the change is done.
    EmailChanged {
        name: String,
    },
    /// Every sign-in, with a "this wasn't me" link.
    SignInNotice {
        name: String,
        at_ms: i64,
        link: String,
    },
    SignInNoticeSms {
        at_ms: i64,
    },
}

/// Only the kind: a message may hold a code or a link that signs someone in.
impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Message({})", self.kind())
    }
}

/// What a sender gets: the message rendered.
pub enum Rendered {
    Email { subject: String, body: String },
    Sms { body: String },
}

impl Message {
    /// The stable name stored beside the row (and shown in the delivery status list).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::VerifyEmail { .. } => "verify_email",
            Self::AlreadyRegistered { .. } => "already_registered",
            Self::ResetPassword { .. } => "reset_password",
            Self::PasswordChanged { .. } => "password_changed",
            Self::ChangeEmail { .. } => "change_email",
            Self::EmailChanged { .. } => "email_changed",
            Self::SignInNotice { .. } => "sign_in_notice",
            Self::SignInNoticeSms { .. } => "sign_in_notice_sms",
        }
    }

    pub fn channel(&self) -> Channel {
        match self {
            Self::SignInNoticeSms { .. } => Channel::Sms,
            _ => Channel::Email,
        }
    }

    /// The message in `language`, from whole Fluent messages.
    pub fn render(&self, language: Language) -> Rendered {
        let code = |c: &str| vec![("code", Arg::from(c.to_string()))];
        match self {
            Self::VerifyEmail { name, code: c } => email(
                language,
                name,
                ("email-verify-subject", code(c)),
                vec![("email-verify-body", code(c))],
                true,
            ),
            Self::AlreadyRegistered { name } => email(
                language,
                name,
                ("email-already-registered-subject", vec![]),
                vec![("email-already-registered-body", vec![])],
                false,
            ),
            Self::ResetPassword { name, code: c, link } => {
                let mut args = code(c);
                args.push(("link", Arg::from(link.clone())));
                email(
                    language,
                    name,
                    ("email-reset-subject", code(c)),
                    vec![("email-reset-body", args)],
                    true,
                )
            }
            Self::PasswordChanged { name } => email(
                language,
                name,
                ("email-password-changed-subject", vec![]),
                vec![("email-password-changed-body", vec![])],
                false,
            ),
            Self::ChangeEmail { name, code: c } => email(
                language,
                name,
                ("email-change-subject", code(c)),
                vec![("email-change-body", code(c))],
                true,
            ),
            Self::EmailChanged { name } => email(
                language,
                name,
                ("email-email-changed-subject", vec![]),
                vec![("email-email-changed-body", vec![])],
                false,
            ),
            Self::SignInNotice { name, at_ms, link } => email(
                language,
                name,
                ("email-sign-in-subject", vec![]),
                vec![
                    ("email-sign-in-body", vec![("time", Arg::from(utc_minute(*at_ms)))]),
                    ("email-sign-in-wasnt-me", vec![("link", Arg::from(link.clone()))]),
                ],
                false,
            ),
            Self::SignInNoticeSms { at_ms } => Rendered::Sms {
                body: t_args(language, "sms-sign-in", vec![("time", Arg::from(utc_minute(*at_ms)))]),
            },
        }
    }
}

fn utc_minute(at_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(at_ms)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// An email made of whole Fluent messages: greeting, body paragraphs, the "ignore" line, signature.
fn email(
    language: Language,
    name: &str,
    subject: (&str, Vec<(&str, Arg<'_>)>),
    paragraphs: Vec<(&str, Vec<(&str, Arg<'_>)>)>,
    with_ignore_line: bool,
) -> Rendered {
    let mut body = vec![t_args(language, "email-greeting", vec![("name", name.into())])];
    for (id, args) in paragraphs {
        body.push(t_args(language, id, args));
    }
    if with_ignore_line {
        body.push(t(language, "email-ignore"));
    }
    body.push(t(language, "email-signature"));
    Rendered::Email { subject: t_args(language, subject.0, subject.1), body: body.join("\n\n") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_survives_the_outbox_and_renders_in_every_language() {
        let message = Message::VerifyEmail { name: "Ana".into(), code: "123456".into() };
        let stored = serde_json::to_string(&message).unwrap_or_default();
        assert!(stored.contains(r#""kind":"verify_email""#), "{stored}");
        let back: Message =
            serde_json::from_str(&stored).unwrap_or(Message::PasswordChanged { name: String::new() });
        assert_eq!(back, message);
        for language in Language::ALL {
            match back.render(language) {
                Rendered::Email { subject, body } => {
                    assert!(body.contains("123456") && body.contains("Ana"), "{language}: {body}");
                    assert!(!subject.is_empty());
                }
                Rendered::Sms { .. } => panic!("an email"),
            }
        }
    }
}
