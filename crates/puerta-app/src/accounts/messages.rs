//! Composing the account emails and SMS in the recipient's language.

use puerta_i18n::{Arg, Language, t, t_args};

use crate::delivery::{OutgoingEmail, OutgoingSms};

/// An email made of whole Fluent messages: greeting, body paragraphs, the "ignore" line, signature.
pub(crate) fn email(
    language: Language,
    to: &str,
    name: &str,
    subject: (&str, Vec<(&str, Arg<'_>)>),
    paragraphs: Vec<(&str, Vec<(&str, Arg<'_>)>)>,
    with_ignore_line: bool,
) -> OutgoingEmail {
    let mut body = vec![t_args(language, "email-greeting", vec![("name", name.into())])];
    for (id, args) in paragraphs {
        body.push(t_args(language, id, args));
    }
    if with_ignore_line {
        body.push(t(language, "email-ignore"));
    }
    body.push(t(language, "email-signature"));
    OutgoingEmail {
        to: to.to_string(),
        subject: t_args(language, subject.0, subject.1),
        body: body.join("\n\n"),
    }
}

pub(crate) fn sms(language: Language, to: &str, id: &str, args: Vec<(&str, Arg<'_>)>) -> OutgoingSms {
    OutgoingSms { to: to.to_string(), body: t_args(language, id, args) }
}
