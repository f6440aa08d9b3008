//! Every email and SMS Puerta sends, as a typed value. A use case stores one in the outbox, in
//! its own transaction; the delivery worker renders it in the recipient's language when it
//! sends it.

use puerta_domain::delivery::Channel;
use puerta_i18n::{Arg, Language, t, t_args};

/// A message and the data it needs. Serialized (JSON, tagged by `kind`) into the outbox row.
///
/// A message to an address nobody has proven yet (a new account's, a new address being
/// confirmed, a reset to an account that may never have been verified) holds no text that a
/// registrant chose, not even the name: otherwise anyone could make Puerta's own sender deliver
/// their words to a stranger. Only messages to verified addresses greet the person by name.
/// (Rows queued before a field was dropped still read: unknown fields are ignored.)
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Message {
    /// The 6-digit code that confirms a new account's address.
    VerifyEmail {
        code: String,
    },
    /// Someone tried to register an address that already has an account.
    AlreadyRegistered {
        name: String,
    },
    /// A password reset: code and link.
    ResetPassword {
        code: String,
        link: String,
    },
    PasswordChanged {
        name: String,
    },
    /// The receipt for submitted advance information: each traveler's reference number.
    ApplicationReceived {
        name: String,
        references: Vec<String>,
    },
    /// A second factor was added to the account (and its other sessions ended).
    SecondFactorEnabled {
        name: String,
    },
    /// The code that confirms a new address, sent to that address.
    ChangeEmail {
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
        /// The reader's time zone (IANA name) when it was queued; rows from before it was
        /// stored read as the default zone.
        #[serde(default = "default_zone")]
        zone: String,
        link: String,
    },
    SignInNoticeSms {
        at_ms: i64,
        #[serde(default = "default_zone")]
        zone: String,
    },
    /// A case moved (taken up, evidence received, appeal received): sign in to see it.
    CaseUpdated {
        name: String,
        reference: String,
        status: String,
    },
    /// An officer asks for documents, by a due date.
    EvidenceRequested {
        name: String,
        reference: String,
        items: Vec<String>,
        due_ms: i64,
    },
    CaseApproved {
        name: String,
        reference: String,
    },
    /// The denial notice: the reasons (codes, shown as `reason-<code>`), the right to appeal and
    /// its deadline (exclusive).
    CaseDenied {
        name: String,
        reference: String,
        reason_codes: Vec<String>,
        /// The words, by language, of reasons an admin added (seeded ones are Fluent messages).
        #[serde(default)]
        titles: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
        deadline_ms: i64,
    },
    /// To the officer holding a case: the traveler has sent the evidence asked for.
    EvidenceArrived {
        reference: String,
    },
    AppealDecided {
        name: String,
        reference: String,
        granted: bool,
    },
    /// The draw chose the group (or a place came free on the waitlist): confirm by the deadline.
    AppointmentOffered {
        name: String,
        port: String,
        /// The appointment, shown in the port's zone; the deadline in the reader's.
        scheduled_at_ms: i64,
        port_zone: String,
        deadline_ms: i64,
        zone: String,
    },
    /// The same news by SMS, for an account holder with a phone number.
    AppointmentOfferedSms {
        port: String,
        deadline_ms: i64,
        zone: String,
    },
    AppointmentConfirmed {
        name: String,
        port: String,
        scheduled_at_ms: i64,
        port_zone: String,
        confirmation: String,
    },
    /// The offer lapsed unconfirmed, or the traveler cancelled: the places went to others.
    AppointmentReleased {
        name: String,
        port: String,
        expired: bool,
    },
    /// An administrator changed the scheduling rules or a port's places for a draw the group
    /// has requested in.
    SchedulingChanged {
        name: String,
    },
    /// Any notification, in its own words (`notification-<kind>-title`/`-body`): the SMS of
    /// every kind, the email of kinds without a longer one, and what a failed channel falls
    /// back to. `zone` is the reader's when it was queued.
    Notification {
        notification: String,
        args: crate::notifications::Args,
        zone: String,
        sms: bool,
    },
    /// A policy notice by email or SMS: the administrator's own words, by language.
    PolicyNotice {
        title: std::collections::BTreeMap<String, String>,
        body: std::collections::BTreeMap<String, String>,
        sms: bool,
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
            Self::SecondFactorEnabled { .. } => "second_factor_enabled",
            Self::ApplicationReceived { .. } => "application_received",
            Self::ChangeEmail { .. } => "change_email",
            Self::EmailChanged { .. } => "email_changed",
            Self::SignInNotice { .. } => "sign_in_notice",
            Self::SignInNoticeSms { .. } => "sign_in_notice_sms",
            Self::CaseUpdated { .. } => "case_updated",
            Self::EvidenceRequested { .. } => "evidence_requested",
            Self::CaseApproved { .. } => "case_approved",
            Self::CaseDenied { .. } => "case_denied",
            Self::EvidenceArrived { .. } => "evidence_arrived",
            Self::AppealDecided { .. } => "appeal_decided",
            Self::AppointmentOffered { .. } => "appointment_offered",
            Self::AppointmentOfferedSms { .. } => "appointment_offered_sms",
            Self::AppointmentConfirmed { .. } => "appointment_confirmed",
            Self::AppointmentReleased { .. } => "appointment_released",
            Self::SchedulingChanged { .. } => "scheduling_changed",
            Self::Notification { notification, sms, .. } => {
                match (puerta_domain::notifications::Kind::parse(notification), sms) {
                    (Some(kind), false) => kind.as_str(),
                    (Some(kind), true) => sms_kind(kind),
                    (None, _) => "notification",
                }
            }
            Self::PolicyNotice { sms: false, .. } => "policy_notice",
            Self::PolicyNotice { sms: true, .. } => "policy_notice_sms",
        }
    }

    pub fn channel(&self) -> Channel {
        match self {
            Self::SignInNoticeSms { .. } | Self::AppointmentOfferedSms { .. } => Channel::Sms,
            Self::Notification { sms: true, .. } | Self::PolicyNotice { sms: true, .. } => Channel::Sms,
            _ => Channel::Email,
        }
    }

    /// The message in `language`, from whole Fluent messages.
    pub fn render(&self, language: Language) -> Rendered {
        let code = |c: &str| vec![("code", Arg::from(c.to_string()))];
        match self {
            Self::VerifyEmail { code: c } => email(
                language,
                None,
                ("email-verify-subject", code(c)),
                vec![("email-verify-body", code(c))],
                true,
            ),
            Self::AlreadyRegistered { name } => email(
                language,
                Some(name),
                ("email-already-registered-subject", vec![]),
                vec![("email-already-registered-body", vec![])],
                false,
            ),
            Self::ResetPassword { code: c, link } => {
                let mut args = code(c);
                args.push(("link", Arg::from(link.clone())));
                email(
                    language,
                    None,
                    ("email-reset-subject", code(c)),
                    vec![("email-reset-body", args)],
                    true,
                )
            }
            Self::PasswordChanged { name } => email(
                language,
                Some(name),
                ("email-password-changed-subject", vec![]),
                vec![("email-password-changed-body", vec![])],
                false,
            ),
            Self::ApplicationReceived { name, references } => email(
                language,
                Some(name),
                ("email-application-received-subject", vec![]),
                vec![(
                    "email-application-received-body",
                    vec![("references", Arg::from(references.join("\n")))],
                )],
                false,
            ),
            Self::SecondFactorEnabled { name } => email(
                language,
                Some(name),
                ("email-mfa-enabled-subject", vec![]),
                vec![("email-mfa-enabled-body", vec![])],
                false,
            ),
            Self::ChangeEmail { code: c } => email(
                language,
                None,
                ("email-change-subject", code(c)),
                vec![("email-change-body", code(c))],
                true,
            ),
            Self::EmailChanged { name } => email(
                language,
                Some(name),
                ("email-email-changed-subject", vec![]),
                vec![("email-email-changed-body", vec![])],
                false,
            ),
            Self::SignInNotice { name, at_ms, zone, link } => email(
                language,
                Some(name),
                ("email-sign-in-subject", vec![]),
                vec![
                    ("email-sign-in-body", vec![("time", Arg::from(local_minute(language, *at_ms, zone)))]),
                    ("email-sign-in-wasnt-me", vec![("link", Arg::from(link.clone()))]),
                ],
                false,
            ),
            Self::SignInNoticeSms { at_ms, zone } => Rendered::Sms {
                body: t_args(
                    language,
                    "sms-sign-in",
                    vec![("time", Arg::from(local_minute(language, *at_ms, zone)))],
                ),
            },
            Self::CaseUpdated { name, reference, status } => {
                let reference = || vec![("reference", Arg::from(reference.clone()))];
                email(
                    language,
                    Some(name),
                    ("email-case-updated-subject", reference()),
                    vec![
                        ("email-case-updated-body", reference()),
                        (&format!("case-status-{status}"), vec![]),
                        (&format!("case-next-{status}"), vec![]),
                    ],
                    false,
                )
            }
            Self::EvidenceRequested { name, reference, items, due_ms } => {
                let list: Vec<String> = items.iter().map(|i| format!("- {i}")).collect();
                email(
                    language,
                    Some(name),
                    ("email-evidence-requested-subject", vec![("reference", Arg::from(reference.clone()))]),
                    vec![(
                        "email-evidence-requested-body",
                        vec![
                            ("reference", Arg::from(reference.clone())),
                            ("items", Arg::from(list.join("\n"))),
                            ("date", Arg::from(last_day(language, *due_ms))),
                        ],
                    )],
                    false,
                )
            }
            Self::CaseApproved { name, reference } => {
                let reference = || vec![("reference", Arg::from(reference.clone()))];
                email(
                    language,
                    Some(name),
                    ("email-case-approved-subject", reference()),
                    vec![("email-case-approved-body", reference())],
                    false,
                )
            }
            Self::CaseDenied { name, reference, reason_codes, titles, deadline_ms } => {
                let reasons: Vec<String> = reason_codes
                    .iter()
                    .map(|c| format!("- {}", crate::cases::reason_text(language, c, titles.get(c))))
                    .collect();
                email(
                    language,
                    Some(name),
                    ("email-case-denied-subject", vec![("reference", Arg::from(reference.clone()))]),
                    vec![
                        (
                            "email-case-denied-body",
                            vec![
                                ("reference", Arg::from(reference.clone())),
                                ("reasons", Arg::from(reasons.join("\n"))),
                            ],
                        ),
                        (
                            "email-case-denied-appeal",
                            vec![("date", Arg::from(last_day(language, *deadline_ms)))],
                        ),
                    ],
                    false,
                )
            }
            Self::EvidenceArrived { reference } => {
                let reference = || vec![("reference", Arg::from(reference.clone()))];
                email(
                    language,
                    None,
                    ("email-evidence-arrived-subject", reference()),
                    vec![("email-evidence-arrived-body", reference())],
                    false,
                )
            }
            Self::AppealDecided { name, reference, granted } => {
                let reference = || vec![("reference", Arg::from(reference.clone()))];
                let body = if *granted { "email-appeal-granted-body" } else { "email-appeal-upheld-body" };
                email(
                    language,
                    Some(name),
                    ("email-appeal-decided-subject", reference()),
                    vec![(body, reference())],
                    false,
                )
            }
            Self::AppointmentOffered { name, port, scheduled_at_ms, port_zone, deadline_ms, zone } => email(
                language,
                Some(name),
                ("email-appointment-offered-subject", vec![]),
                vec![(
                    "email-appointment-offered-body",
                    vec![
                        ("port", Arg::from(crate::ports::port_name(port))),
                        ("time", Arg::from(local_minute(language, *scheduled_at_ms, port_zone))),
                        ("deadline", Arg::from(local_minute(language, *deadline_ms, zone))),
                    ],
                )],
                false,
            ),
            Self::AppointmentOfferedSms { port, deadline_ms, zone } => Rendered::Sms {
                body: t_args(
                    language,
                    "sms-appointment-offered",
                    vec![
                        ("port", Arg::from(crate::ports::port_name(port))),
                        ("deadline", Arg::from(local_minute(language, *deadline_ms, zone))),
                    ],
                ),
            },
            Self::AppointmentConfirmed { name, port, scheduled_at_ms, port_zone, confirmation } => email(
                language,
                Some(name),
                ("email-appointment-confirmed-subject", vec![]),
                vec![(
                    "email-appointment-confirmed-body",
                    vec![
                        ("port", Arg::from(crate::ports::port_name(port))),
                        ("time", Arg::from(local_minute(language, *scheduled_at_ms, port_zone))),
                        ("number", Arg::from(confirmation.clone())),
                    ],
                )],
                false,
            ),
            Self::AppointmentReleased { name, port, expired } => email(
                language,
                Some(name),
                ("email-appointment-released-subject", vec![]),
                vec![(
                    if *expired {
                        "email-appointment-expired-body"
                    } else {
                        "email-appointment-cancelled-body"
                    },
                    vec![("port", Arg::from(crate::ports::port_name(port)))],
                )],
                false,
            ),
            Self::SchedulingChanged { name } => email(
                language,
                Some(name),
                ("email-scheduling-changed-subject", vec![]),
                vec![("email-scheduling-changed-body", vec![])],
                false,
            ),
            Self::Notification { notification, args, zone, sms } => {
                let kind = puerta_domain::notifications::Kind::parse(notification)
                    .unwrap_or(puerta_domain::notifications::Kind::CaseUpdated);
                let (title, body) = crate::notifications::render(language, zone, kind, args);
                notification_text(language, title, body, *sms)
            }
            Self::PolicyNotice { title, body, sms } => {
                let pick = |m: &std::collections::BTreeMap<String, String>| {
                    m.get(language.code())
                        .or_else(|| m.get("en"))
                        .or_else(|| m.values().next())
                        .cloned()
                        .unwrap_or_default()
                };
                notification_text(language, pick(title), pick(body), *sms)
            }
        }
    }
}

/// The SMS kind's name for the delivery list (`<kind>_sms`).
fn sms_kind(kind: puerta_domain::notifications::Kind) -> &'static str {
    use puerta_domain::notifications::Kind as K;
    match kind {
        K::ApplicationReceived => "application_received_sms",
        K::CaseUpdated => "case_updated_sms",
        K::EvidenceRequested => "evidence_requested_sms",
        K::CaseApproved => "case_approved_sms",
        K::CaseDenied => "case_denied_sms",
        K::AppealDecided => "appeal_decided_sms",
        K::AppointmentOffered => "appointment_offered_sms",
        K::OfferExpiring => "offer_expiring_sms",
        K::AppointmentConfirmed => "appointment_confirmed_sms",
        K::AppointmentReminder => "appointment_reminder_sms",
        K::AppointmentReleased => "appointment_released_sms",
        K::AppointmentCancelled => "appointment_cancelled_sms",
        K::SchedulingChanged => "scheduling_changed_sms",
        K::NewMessage => "new_message_sms",
        K::SignIn => "sign_in_notice_sms",
        K::PolicyNotice => "policy_notice_sms",
    }
}

/// A notification as an SMS (title and body on one line, then where to read more) or as an
/// email (unnamed greeting: the notification holds no name; body; "sign in to read"; signature).
fn notification_text(language: Language, title: String, body: String, sms: bool) -> Rendered {
    if sms {
        return Rendered::Sms { body: format!("{title}: {body} {}", t(language, "sms-sign-in-to-read")) };
    }
    let parts = [
        t(language, "email-greeting-unnamed"),
        body,
        t(language, "email-sign-in-to-read"),
        t(language, "email-signature"),
    ];
    Rendered::Email { subject: title, body: parts.join("\n\n") }
}

fn default_zone() -> String {
    puerta_domain::accounts::DEFAULT_TIME_ZONE.name().to_string()
}

/// The last day before an exclusive deadline, as a date in the reader's language (UTC).
fn last_day(language: Language, deadline_ms: i64) -> String {
    puerta_i18n::format_date(language, deadline_ms.saturating_sub(1))
}

/// A time as the reader reads every other time: their language, their zone, the zone named.
fn local_minute(language: Language, at_ms: i64, zone: &str) -> String {
    let zone = zone.parse().unwrap_or(puerta_domain::accounts::DEFAULT_TIME_ZONE);
    puerta_i18n::format_in_zone(language, at_ms, zone)
}

/// An email made of whole Fluent messages: greeting (by name only to a verified address),
/// body paragraphs, the "ignore" line, signature.
fn email(
    language: Language,
    name: Option<&String>,
    subject: (&str, Vec<(&str, Arg<'_>)>),
    paragraphs: Vec<(&str, Vec<(&str, Arg<'_>)>)>,
    with_ignore_line: bool,
) -> Rendered {
    let greeting = match name {
        Some(name) => t_args(language, "email-greeting", vec![("name", name.as_str().into())]),
        None => t(language, "email-greeting-unnamed"),
    };
    let mut body = vec![greeting];
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

    fn body_of(rendered: Rendered) -> String {
        match rendered {
            Rendered::Email { subject, body } => format!("{subject}\n{body}"),
            Rendered::Sms { body } => body,
        }
    }

    #[test]
    fn a_message_survives_the_outbox_and_renders_in_every_language() {
        let message = Message::SignInNotice {
            name: "Ana".into(),
            at_ms: 0,
            zone: "America/Tijuana".into(),
            link: "https://x/l".into(),
        };
        let stored = serde_json::to_string(&message).unwrap_or_default();
        assert!(stored.contains(r#""kind":"sign_in_notice""#), "{stored}");
        let back: Message =
            serde_json::from_str(&stored).unwrap_or(Message::PasswordChanged { name: String::new() });
        assert_eq!(back, message);
        for language in Language::ALL {
            let body = body_of(back.render(language));
            assert!(body.contains("Ana") && body.contains("https://x/l"), "{language}: {body}");
        }
    }

    #[test]
    fn messages_to_unproven_addresses_hold_no_name() {
        let name = "Your appointment is cancelled, call +1 555 0100";
        // A row queued before the name was dropped still reads, and its name is not shown.
        let old = format!(r#"{{"kind":"verify_email","name":"{name}","code":"123456"}}"#);
        let verify: Message =
            serde_json::from_str(&old).unwrap_or(Message::PasswordChanged { name: String::new() });
        assert_eq!(verify, Message::VerifyEmail { code: "123456".into() });
        let reset = Message::ResetPassword { code: "654321".into(), link: "https://x/r".into() };
        let change = Message::ChangeEmail { code: "111222".into() };
        for language in Language::ALL {
            for (message, code) in [(&verify, "123456"), (&reset, "654321"), (&change, "111222")] {
                let body = body_of(message.render(language));
                assert!(body.contains(code) && !body.contains("appointment"), "{language}: {body}");
                assert!(!body.contains("{") && !body.contains("$name"), "{language}: {body}");
            }
        }
    }
}
