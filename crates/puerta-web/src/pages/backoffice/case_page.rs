//! The staff view of one case as a page: what it shows (profile, destination, group, documents,
//! checks, requests for evidence, decision, appeal, history with who did what, officer-only
//! notes, who holds it) and which steps it offers, from what the use cases answer. What a refused
//! step puts on it is [`StepErrors`].

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use puerta_app::accounts::Profile;
use puerta_app::cases::checks::{CaseCheckResult, reason_text};
use puerta_app::cases::{AssignableStaff, StaffCase, size_text};
use puerta_domain::accounts::Role;
use puerta_domain::cases::screening::CheckOutcome;
use puerta_domain::cases::{CaseCommand, CaseStatus, Party};
use puerta_i18n::{Arg, Language, format_date, t, t_args};

use crate::api::problem::ApiError;
use crate::pages::frame::Frame;

/// The short status tag (text, never colour alone), as the traveler's pages name it.
pub fn tag(lang: Language, status: CaseStatus) -> String {
    t(lang, &format!("casepage-tag-{}", status.as_str()))
}

/// Text someone wrote over several lines, a paragraph a line.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// The message `id`, or `fallback` when no such message exists.
fn t_or(lang: Language, id: &str, fallback: &str) -> String {
    let text = t(lang, id);
    if text == id { fallback.to_string() } else { text }
}

/// Which form a refused step came from: its fields' messages go beside that form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Claim,
    Assign,
    Note,
    Move,
    Evidence,
    Decide,
    Appeal,
    Checks,
}

/// What a refused step puts on the page: the summary (anchor, message), each message beside its
/// field, and what the officer typed, so nothing is lost.
#[derive(Default)]
pub struct StepErrors {
    pub summary: Vec<(String, String)>,
    /// A refusal about the case as a whole (already claimed, a step its status does not allow).
    pub general: Option<String>,
    pub note: Option<String>,
    pub officer: Option<String>,
    pub items: Option<String>,
    pub due_date: Option<String>,
    pub outcome: Option<String>,
    pub reason_codes: Option<String>,
    pub narrative: Option<String>,
    pub appeal_outcome: Option<String>,
    pub appeal_narrative: Option<String>,
    pub note_value: String,
    pub items_value: String,
    pub due_day: String,
    pub due_month: String,
    pub due_year: String,
    pub outcome_value: String,
    pub reasons_chosen: Vec<String>,
    pub narrative_value: String,
    pub appeal_outcome_value: String,
    pub appeal_narrative_value: String,
}

impl StepErrors {
    /// Sorts `problems` (field, message) beside the fields of `step`'s form; the rest goes
    /// beside who holds the case, at the top.
    pub fn from_problems(step: Step, problems: Vec<(String, String)>) -> Self {
        let mut errors = Self::default();
        for (field, message) in problems {
            let (anchor, slot) = match (step, field.as_str()) {
                (Step::Note, "body") => ("note-body", &mut errors.note),
                (Step::Assign, "officer_id") => ("assign-officer", &mut errors.officer),
                (Step::Evidence, "items") => ("evidence-items", &mut errors.items),
                (Step::Evidence, "due_date") => ("due-day", &mut errors.due_date),
                (Step::Decide, "outcome") => ("decide-outcome", &mut errors.outcome),
                (Step::Decide, "reason_codes") => ("decide-reasons", &mut errors.reason_codes),
                (Step::Decide, "narrative") => ("decide-narrative", &mut errors.narrative),
                (Step::Appeal, "outcome") => ("appeal-outcome", &mut errors.appeal_outcome),
                (Step::Appeal, "narrative") => ("appeal-narrative", &mut errors.appeal_narrative),
                _ => ("case-message", &mut errors.general),
            };
            if slot.is_none() {
                *slot = Some(message.clone());
            }
            errors.summary.push((anchor.to_string(), message));
        }
        errors
    }

    pub fn chose_reason(&self, code: &str) -> bool {
        self.reasons_chosen.iter().any(|c| c == code)
    }
}

pub struct DocumentRow {
    pub href: String,
    pub kind: String,
    pub format: &'static str,
    pub size: String,
    pub uploaded: String,
}

pub struct CheckRow {
    pub kind: String,
    pub hit: bool,
    pub outcome: String,
    pub reasons: Vec<String>,
    pub ran: String,
}

pub struct EvidenceView {
    pub items: Vec<String>,
    pub asked: String,
    pub due: String,
    pub overdue: bool,
    pub answered: Option<String>,
}

pub struct DecisionView {
    pub outcome: String,
    pub reasons: Vec<String>,
    pub narrative: Vec<String>,
    pub decided: String,
}

pub struct AppealView {
    pub statement: Vec<String>,
    pub submitted: String,
    pub outcome: Option<String>,
    pub narrative: Vec<String>,
    pub decided: Option<String>,
}

pub struct HistoryRow {
    pub when: String,
    /// Who moved the case to which status, in one sentence.
    pub what: String,
    pub note: Vec<String>,
}

pub struct NoteRow {
    pub when: String,
    pub who: String,
    pub body: Vec<String>,
}

/// What the page needs besides the case itself.
pub struct Extras {
    pub checks: Vec<CaseCheckResult>,
    /// (code, staff title) of the reasons an officer may cite now.
    pub reasons: Vec<(String, String)>,
    /// Empty for anyone who may not assign.
    pub assignees: Vec<AssignableStaff>,
    pub now: i64,
    /// Who reads the page (every time is shown in their time zone).
    pub reader: Profile,
}

#[derive(Template)]
#[template(path = "staff_case.html")]
pub struct StaffCasePage {
    pub frame: Frame,
    pub reference: String,
    pub reference_grouped: String,
    pub traveler_name: String,
    pub tag: String,
    pub days_open: String,
    pub days_waiting: String,
    /// (label, value) of the traveler's profile.
    pub profile: Vec<(String, String)>,
    pub destination: Vec<String>,
    pub port: Option<String>,
    /// (href, name, tag) of the group's other cases.
    pub group: Vec<(String, String, String)>,
    pub documents: Vec<DocumentRow>,
    pub checks: Vec<CheckRow>,
    /// Newest first.
    pub evidence: Vec<EvidenceView>,
    pub decision: Option<DecisionView>,
    pub appeal: Option<AppealView>,
    pub history: Vec<HistoryRow>,
    pub notes: Vec<NoteRow>,
    pub holder: String,
    pub can_claim: bool,
    /// (id, name and role, selected); empty for anyone who may not assign.
    pub assignees: Vec<(String, String, bool)>,
    pub can_start_review: bool,
    pub can_mark_received: bool,
    pub can_request_evidence: bool,
    pub can_decide: bool,
    /// A decision while evidence is awaited is only on the record after the due date.
    pub decide_on_record: bool,
    pub can_decide_appeal: bool,
    pub decided_by_me: bool,
    /// (code, staff title, checked) of the reasons an officer may cite now.
    pub reasons: Vec<(String, String, bool)>,
    pub due_hint: String,
    pub errors: StepErrors,
}

const MS_PER_DAY: i64 = 86_400_000;
const MS_PER_DAY_U: u64 = 86_400_000;

fn whole_days(ms: u64) -> i64 {
    i64::try_from(ms / MS_PER_DAY_U).unwrap_or(i64::MAX)
}

/// `PDF`, `JPEG`…: the format's own name (the same in every language).
fn format_name(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/tiff" => "TIFF",
        _ => "",
    }
}

fn profile_rows(lang: Language, case: &StaffCase) -> Vec<(String, String)> {
    let p = &case.traveler;
    let none = || t(lang, "bo-not-given");
    let opt = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let language =
        Language::parse(&p.language).map_or_else(|| p.language.clone(), |l| l.native_name().into());
    let gender = opt(&p.gender).map(|g| t_or(lang, &format!("gender-{g}"), &g));
    let document = opt(&p.document_type).map(|d| t_or(lang, &format!("casepage-kind-{d}"), &d));
    [
        ("bo-profile-name", Some(format!("{} {}", p.given_name, p.family_name))),
        ("bo-profile-born", Some(p.date_of_birth.clone())),
        ("bo-profile-nationality", Some(p.nationality.clone())),
        ("bo-profile-birthplace", Some(format!("{}, {}", p.city_of_birth, p.country_of_birth))),
        ("bo-profile-residence", Some(p.country_of_residence.clone())),
        ("bo-profile-gender", gender),
        ("bo-profile-language", Some(language)),
        ("bo-profile-phone", opt(&p.phone)),
        ("bo-profile-email", opt(&p.email)),
        ("bo-profile-document", document),
        ("bo-profile-document-number", opt(&p.document_number)),
        ("bo-profile-document-country", opt(&p.document_country)),
        ("bo-profile-document-expiry", opt(&p.document_expiry)),
    ]
    .into_iter()
    .map(|(label, value)| (t(lang, label), value.unwrap_or_else(none)))
    .collect()
}

/// Whether the reader's party may give `command` from `status` at all (the use case still
/// decides, with the facts it alone knows: the due date, who decided).
fn offers(status: CaseStatus, party: Option<Party>, command: CaseCommand) -> bool {
    party.is_some_and(|p| command.parties().contains(&p)) && command.sources().contains(&status)
}

impl StaffCasePage {
    pub fn new(frame: Frame, role: Role, case: StaffCase, extras: Extras, errors: StepErrors) -> Self {
        let lang = frame.lang;
        let zone = extras.reader.time_zone;
        let when = |ms: i64| puerta_i18n::format_in_zone(lang, ms, zone);
        let detail = &case.detail;
        let status = detail.status;
        let party = Party::for_role(role, false);
        let days = |id: &str, count: i64| t_args(lang, id, vec![("count", Arg::from(count))]);
        let app = &case.application;
        let destination = [
            Some(app.us_line1.clone()),
            app.us_line2.clone().filter(|l| !l.trim().is_empty()),
            Some(format!("{}, {} {}", app.us_city, app.us_state, app.us_postal_code)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let documents = detail
            .documents
            .iter()
            .rev()
            .map(|d| DocumentRow {
                href: format!("/staff/documents/{}", d.id),
                kind: t_or(lang, &format!("casepage-kind-{}", d.kind), &d.kind),
                format: format_name(&d.content_type),
                size: size_text(u64::try_from(d.size).unwrap_or(0)),
                uploaded: when(d.uploaded_at),
            })
            .collect();
        let checks = extras
            .checks
            .iter()
            .map(|c| CheckRow {
                kind: t_or(lang, &format!("bo-check-kind-{}", c.kind.as_str()), c.kind.as_str()),
                hit: c.outcome == CheckOutcome::Hit,
                outcome: t(lang, &format!("bo-check-{}", c.outcome.as_str())),
                reasons: c.reasons.iter().map(|r| reason_text(lang, r)).collect(),
                ran: when(c.ran_at),
            })
            .collect();
        let evidence = detail
            .evidence_requests
            .iter()
            .rev()
            .map(|r| EvidenceView {
                items: r.items.clone(),
                asked: when(r.created_at),
                // The due moment is the end of the due date: the date is the millisecond before.
                due: format_date(lang, r.due_at - 1),
                overdue: r.answered_at.is_none() && r.due_at <= extras.now,
                answered: r.answered_at.map(when),
            })
            .collect();
        let decision = detail.decision.as_ref().map(|d| DecisionView {
            outcome: t(lang, &format!("bo-outcome-{}", d.outcome)),
            reasons: d.reason_codes.iter().map(|c| format!("{c}: {}", d.reason_text(lang, c))).collect(),
            narrative: paragraphs(&d.narrative),
            decided: when(d.decided_at),
        });
        let appeal = case.appeal.as_ref().map(|a| AppealView {
            statement: paragraphs(&a.statement),
            submitted: when(a.submitted_at),
            outcome: a.outcome.as_deref().map(|o| t(lang, &format!("bo-appeal-outcome-{o}"))),
            narrative: a.narrative.as_deref().map(paragraphs).unwrap_or_default(),
            decided: a.decided_at.map(when),
        });
        let nobody = t(lang, "bo-history-nobody");
        let history = case
            .history
            .iter()
            .rev()
            .map(|e| HistoryRow {
                when: when(e.at),
                what: t_args(
                    lang,
                    "bo-history-entry",
                    vec![
                        ("name", Arg::from(e.actor_name.clone().unwrap_or_else(|| nobody.clone()))),
                        ("status", Arg::from(tag(lang, e.to))),
                    ],
                ),
                note: e.note.as_deref().map(paragraphs).unwrap_or_default(),
            })
            .collect();
        let notes = case
            .notes
            .iter()
            .rev()
            .map(|n| NoteRow {
                when: when(n.at),
                who: n.author_name.clone().unwrap_or_else(|| nobody.clone()),
                body: paragraphs(&n.body),
            })
            .collect();
        let holder = match &case.assigned_to {
            None => t(lang, "bo-holder-nobody"),
            Some(_) if case.assigned_to_me => t(lang, "bo-holder-you"),
            Some((_, name)) => name.clone(),
        };
        let held_by = case.assigned_to.as_ref().map(|(id, _)| id.as_str().to_string());
        let assignees = extras
            .assignees
            .iter()
            .map(|s| {
                let role_name = t(lang, &format!("role-{}", s.role.as_str()));
                let id = s.id.as_str().to_string();
                let selected = held_by.as_deref() == Some(id.as_str());
                (id, format!("{} ({role_name})", s.full_name), selected)
            })
            .collect();
        let reasons = extras
            .reasons
            .iter()
            .map(|(code, title)| (code.clone(), title.clone(), errors.chose_reason(code)))
            .collect();
        let default_due =
            format_date(lang, extras.now + puerta_app::cases::EVIDENCE_DEFAULT_DAYS * MS_PER_DAY);
        let can_decide = offers(status, party, CaseCommand::Approve);
        Self {
            reference: detail.reference_number.as_str().to_string(),
            reference_grouped: detail.reference_number.grouped(),
            traveler_name: detail.traveler_name.clone(),
            tag: tag(lang, status),
            days_open: days("bo-days", whole_days(case.clock.running_ms)),
            days_waiting: days("bo-days", whole_days(case.clock.suspended_ms)),
            profile: profile_rows(lang, &case),
            destination,
            port: app.port_code.clone(),
            group: case
                .group
                .iter()
                .map(|g| {
                    (
                        format!("/staff/cases/{}", g.reference_number.as_str()),
                        g.traveler_name.clone(),
                        tag(lang, g.status),
                    )
                })
                .collect(),
            documents,
            checks,
            evidence,
            decision,
            appeal,
            history,
            notes,
            holder,
            can_claim: !case.assigned_to_me && party.is_some(),
            assignees,
            can_start_review: offers(status, party, CaseCommand::StartReview),
            can_mark_received: offers(status, party, CaseCommand::EvidenceReceived),
            can_request_evidence: offers(status, party, CaseCommand::RequestEvidence),
            can_decide,
            decide_on_record: can_decide && status == CaseStatus::EvidenceRequested,
            can_decide_appeal: offers(status, party, CaseCommand::GrantAppeal),
            decided_by_me: case.decided_by.as_ref() == Some(&extras.reader.id),
            reasons,
            due_hint: t_args(lang, "bo-evidence-due-hint", vec![("date", Arg::from(default_due))]),
            errors,
            frame,
        }
    }

    pub fn render_with(self, status: StatusCode) -> Response {
        match self.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "template failed");
                ApiError::internal().into_response()
            }
        }
    }
}
