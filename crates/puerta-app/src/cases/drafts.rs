//! Drafts of advance information: a traveler profile entered one short page at a time (GOV.UK
//! "one thing per page"), kept half-finished between visits, and the group's US destination and
//! port chosen before submitting. A step is checked on its own fields only; finishing checks the
//! whole profile and turns the draft into a saved traveler in one transaction.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{
    DocumentInput, TravelerInput, TravelerProfile, UsAddress, UsAddressInput, check_room_for_one_more,
};
use puerta_domain::ports::PortCode;
use puerta_store::cases::{TravelerDraftRecord, TravelerRecord};
use serde::{Deserialize, Serialize};

use super::{Traveler, invalid};
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError, ids};

/// One page of the traveler questions, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftStep {
    Name,
    DateOfBirth,
    Birth,
    Residence,
    Gender,
    Language,
    Contact,
    Document,
}

impl DraftStep {
    pub const ALL: [DraftStep; 8] = [
        Self::Name,
        Self::DateOfBirth,
        Self::Birth,
        Self::Residence,
        Self::Gender,
        Self::Language,
        Self::Contact,
        Self::Document,
    ];

    /// Its part of the page address (`/apply/drafts/{id}/{slug}`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::DateOfBirth => "date-of-birth",
            Self::Birth => "birth",
            Self::Residence => "residence",
            Self::Gender => "gender",
            Self::Language => "language",
            Self::Contact => "contact",
            Self::Document => "document",
        }
    }

    pub fn parse(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The profile fields this page asks for, as `TravelerProfile::parse` names them.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Name => &["given_name", "family_name"],
            Self::DateOfBirth => &["date_of_birth"],
            Self::Birth => &["nationality", "country_of_birth", "city_of_birth"],
            Self::Residence => &["country_of_residence"],
            Self::Gender => &["gender"],
            Self::Language => &["language"],
            Self::Contact => &["phone", "email"],
            Self::Document => {
                &["document.type", "document.number", "document.issuing_country", "document.expiry_date"]
            }
        }
    }

    /// The page after this one, `None` after the last.
    pub fn next(self) -> Option<Self> {
        let i = Self::ALL.iter().position(|s| *s == self)?;
        Self::ALL.get(i + 1).copied()
    }

    /// Copies this page's fields from `from` into `into`.
    fn copy(self, from: &DraftFields, into: &mut DraftFields) {
        let f = from.clone();
        match self {
            Self::Name => (into.given_name, into.family_name) = (f.given_name, f.family_name),
            Self::DateOfBirth => {
                (into.birth_day, into.birth_month, into.birth_year) =
                    (f.birth_day, f.birth_month, f.birth_year)
            }
            Self::Birth => {
                (into.nationality, into.country_of_birth, into.city_of_birth) =
                    (f.nationality, f.country_of_birth, f.city_of_birth)
            }
            Self::Residence => into.country_of_residence = f.country_of_residence,
            Self::Gender => into.gender = f.gender,
            Self::Language => into.language = f.language,
            Self::Contact => (into.phone, into.email) = (f.phone, f.email),
            Self::Document => {
                (into.document_type, into.document_number, into.document_country) =
                    (f.document_type, f.document_number, f.document_country);
                (into.expiry_day, into.expiry_month, into.expiry_year) =
                    (f.expiry_day, f.expiry_month, f.expiry_year);
            }
        }
    }
}

/// The form fields of a traveler as typed, kept as text so a half-finished or mistyped answer
/// comes back exactly as it was entered. Dates are kept as day, month and year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftFields {
    pub given_name: String,
    pub family_name: String,
    pub birth_day: String,
    pub birth_month: String,
    pub birth_year: String,
    pub nationality: String,
    pub country_of_birth: String,
    pub city_of_birth: String,
    pub country_of_residence: String,
    pub gender: String,
    pub language: String,
    pub phone: String,
    pub email: String,
    pub document_type: String,
    pub document_number: String,
    pub document_country: String,
    pub expiry_day: String,
    pub expiry_month: String,
    pub expiry_year: String,
}

/// `YYYY-MM-DD` from three numeric fields; blank when all are blank; something the date parser
/// refuses (with its "format" message) when a part is not a number.
fn compose_date(day: &str, month: &str, year: &str) -> String {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return String::new();
    }
    match (d.parse::<u32>(), m.parse::<u32>(), y.parse::<u32>()) {
        (Ok(d), Ok(m), Ok(y)) if y <= 9999 => format!("{y:04}-{m:02}-{d:02}"),
        _ => format!("{y}-{m}-{d}"),
    }
}

/// `(day, month, year)` of a stored `YYYY-MM-DD`.
fn split_date(date: &str) -> (String, String, String) {
    let mut parts = date.splitn(3, '-');
    let (y, m, d) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let trim = |s: &str| s.trim_start_matches('0').to_string();
    (trim(d), trim(m), y.to_string())
}

fn optional(value: &str) -> Option<String> {
    Some(value.trim().to_string()).filter(|v| !v.is_empty())
}

impl DraftFields {
    /// What `TravelerProfile::parse` reads. No document when none of its fields was filled in.
    pub fn to_input(&self) -> TravelerInput {
        let expiry = compose_date(&self.expiry_day, &self.expiry_month, &self.expiry_year);
        let any_document = [&self.document_type, &self.document_number, &self.document_country, &expiry]
            .iter()
            .any(|v| !v.trim().is_empty());
        TravelerInput {
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            date_of_birth: compose_date(&self.birth_day, &self.birth_month, &self.birth_year),
            nationality: self.nationality.clone(),
            country_of_birth: self.country_of_birth.clone(),
            city_of_birth: self.city_of_birth.clone(),
            country_of_residence: self.country_of_residence.clone(),
            gender: optional(&self.gender),
            language: self.language.clone(),
            phone: optional(&self.phone),
            email: optional(&self.email),
            document: any_document.then(|| DocumentInput {
                kind: self.document_type.clone(),
                number: self.document_number.clone(),
                issuing_country: self.document_country.clone(),
                expiry_date: optional(&expiry),
            }),
        }
    }

    /// The fields of a saved traveler, to change one answer.
    pub fn from_traveler(t: &TravelerRecord) -> Self {
        let (birth_day, birth_month, birth_year) = split_date(&t.date_of_birth);
        let (expiry_day, expiry_month, expiry_year) =
            t.document_expiry.as_deref().map(split_date).unwrap_or_default();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            given_name: t.given_name.clone(),
            family_name: t.family_name.clone(),
            birth_day,
            birth_month,
            birth_year,
            nationality: t.nationality.clone(),
            country_of_birth: t.country_of_birth.clone(),
            city_of_birth: t.city_of_birth.clone(),
            country_of_residence: t.country_of_residence.clone(),
            gender: text(&t.gender),
            language: t.language.clone(),
            phone: text(&t.phone),
            email: text(&t.email),
            document_type: text(&t.document_type),
            document_number: text(&t.document_number),
            document_country: text(&t.document_country),
            expiry_day,
            expiry_month,
            expiry_year,
        }
    }

    /// `fields` with `step`'s answers taken from `answers`.
    pub fn with_step(&self, step: DraftStep, answers: &DraftFields) -> Self {
        let mut merged = self.clone();
        step.copy(answers, &mut merged);
        merged
    }
}

/// What is stored in a draft row: the fields and which pages were answered.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct DraftData {
    fields: DraftFields,
    answered: Vec<String>,
}

/// A half-finished traveler profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelerDraft {
    pub id: String,
    pub fields: DraftFields,
    /// The pages answered so far.
    pub answered: Vec<DraftStep>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl TravelerDraft {
    /// The first page not answered yet, `None` when every page was.
    pub fn next_unanswered(&self) -> Option<DraftStep> {
        DraftStep::ALL.into_iter().find(|s| !self.answered.contains(s))
    }
}

fn to_draft(record: TravelerDraftRecord) -> TravelerDraft {
    // A row we wrote is our JSON; anything unreadable starts over rather than failing the page.
    let data: DraftData = serde_json::from_str(&record.data).unwrap_or_default();
    TravelerDraft {
        id: record.id,
        fields: data.fields,
        answered: data.answered.iter().filter_map(|s| DraftStep::parse(s)).collect(),
        created_at: record.created_at,
        updated_at: record.updated_at,
    }
}

fn to_json(fields: &DraftFields, answered: &[DraftStep]) -> Result<String, AppError> {
    let data = DraftData {
        fields: fields.clone(),
        answered: answered.iter().map(|s| s.slug().to_string()).collect(),
    };
    serde_json::to_string(&data).map_err(|e| AppError::Internal(e.to_string()))
}

/// The group's choices besides the travelers: the shared US destination and the port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationDraft {
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    /// Set once the address page was saved with a valid address.
    pub address_done: bool,
    /// A port code, blank for "I do not know yet".
    pub port: String,
    /// Set once the port page was answered (either way).
    pub port_done: bool,
}

impl ApplicationDraft {
    pub fn address_input(&self) -> UsAddressInput {
        UsAddressInput {
            line1: self.line1.clone(),
            line2: optional(&self.line2),
            city: self.city.clone(),
            state: self.state.clone(),
            postal_code: self.postal_code.clone(),
        }
    }
}

/// Only the errors of `step`'s fields (the other pages are not answered yet).
fn step_errors(step: DraftStep, fields: &DraftFields, app: &App) -> Result<(), AppError> {
    match TravelerProfile::parse(&fields.to_input(), app.today()) {
        Ok(_) => Ok(()),
        Err(errors) => {
            let mine: Vec<_> = errors.into_iter().filter(|e| step.fields().contains(&e.field)).collect();
            if mine.is_empty() {
                return Ok(());
            }
            let mut only = puerta_domain::cases::FieldErrors::new();
            for e in mine {
                only.push(e.field, e.message_id);
            }
            Err(invalid(only))
        }
    }
}

impl App {
    /// Starts a new person of the group. Refused (`group_full`) when the travelers and the
    /// drafts already make a group of ten.
    pub async fn start_traveler_draft(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
    ) -> Result<TravelerDraft, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let travelers = tx.travelers().count_for_account(&actor.user_id).await?;
        let drafts = tx.drafts().count_travelers(&actor.user_id).await?;
        let people = usize::try_from(travelers + drafts).unwrap_or(usize::MAX);
        check_room_for_one_more(people).map_err(|_| AppError::Conflict("group_full"))?;
        let record = TravelerDraftRecord {
            // Random and unguessable, like every id here.
            id: uuid::Uuid::new_v4().to_string(),
            account_id: actor.user_id.clone(),
            data: to_json(&DraftFields::default(), &[])?,
            created_at: now,
            updated_at: now,
        };
        tx.drafts().create_traveler(&record).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::TravelerDraftSaved, me, Some(record.id.clone())).await?;
        self.commit(tx).await?;
        Ok(to_draft(record))
    }

    /// The account holder's half-finished profiles, oldest first.
    pub async fn traveler_drafts(&self, actor: &Actor) -> Result<Vec<TravelerDraft>, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let rows = self.reader().await?.drafts().list_travelers(&actor.user_id).await?;
        Ok(rows.into_iter().map(to_draft).collect())
    }

    /// One of the account holder's drafts; anyone else's is `NotFound`.
    pub async fn traveler_draft(&self, actor: &Actor, id: &str) -> Result<TravelerDraft, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let row = self.reader().await?.drafts().find_traveler(&actor.user_id, id).await?;
        row.map(to_draft).ok_or(AppError::NotFound)
    }

    /// Saves one page's answers into the draft, after checking that page's fields.
    pub async fn save_traveler_step(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
        step: DraftStep,
        answers: &DraftFields,
    ) -> Result<TravelerDraft, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let row = tx.drafts().find_traveler(&actor.user_id, id).await?.ok_or(AppError::NotFound)?;
        let mut draft = to_draft(row);
        draft.fields = draft.fields.with_step(step, answers);
        step_errors(step, &draft.fields, self)?;
        if !draft.answered.contains(&step) {
            draft.answered.push(step);
        }
        let data = to_json(&draft.fields, &draft.answered)?;
        tx.drafts().update_traveler(&actor.user_id, id, &data, now).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::TravelerDraftSaved, me, Some(id.to_string())).await?;
        self.commit(tx).await?;
        draft.updated_at = now;
        Ok(draft)
    }

    /// Throws a draft away.
    pub async fn discard_traveler_draft(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let mut tx = self.begin().await?;
        if !tx.drafts().delete_traveler(&actor.user_id, id).await? {
            return Err(AppError::NotFound);
        }
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::TravelerDraftDiscarded, me, Some(id.to_string())).await?;
        self.commit(tx).await
    }

    /// Checks the whole profile and saves it as a traveler of the group, deleting the draft in
    /// the same transaction. Every problem is reported at once, under the API's field names.
    pub async fn finish_traveler_draft(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<Traveler, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let row = tx.drafts().find_traveler(&actor.user_id, id).await?.ok_or(AppError::NotFound)?;
        let draft = to_draft(row);
        let profile = TravelerProfile::parse(&draft.fields.to_input(), self.today()).map_err(invalid)?;
        let count = tx.travelers().count_for_account(&actor.user_id).await?;
        check_room_for_one_more(usize::try_from(count).unwrap_or(usize::MAX))
            .map_err(|_| AppError::Conflict("group_full"))?;
        let record = super::travelers::to_record(ids::traveler_id(), actor, &profile, now);
        tx.travelers().create(&record).await?;
        tx.drafts().delete_traveler(&actor.user_id, id).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::TravelerAdded, me, Some(record.id.to_string())).await?;
        self.commit(tx).await?;
        Ok(record)
    }

    /// The group's destination and port as chosen so far (empty when nothing was saved).
    pub async fn application_draft(&self, actor: &Actor) -> Result<ApplicationDraft, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let data = self.reader().await?.drafts().find_application(&actor.user_id).await?;
        Ok(data.and_then(|d| serde_json::from_str(&d).ok()).unwrap_or_default())
    }

    /// Saves the shared US destination after checking it (`us_destination.<field>` errors).
    pub async fn save_application_address(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        address: &UsAddressInput,
    ) -> Result<ApplicationDraft, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let parsed = UsAddress::parse(address).map_err(invalid)?;
        self.change_application_draft(ctx, actor, |draft| {
            draft.line1 = parsed.line1.as_str().to_string();
            draft.line2 = parsed.line2.as_ref().map(|l| l.as_str().to_string()).unwrap_or_default();
            draft.city = parsed.city.as_str().to_string();
            draft.state = parsed.state.as_str().to_string();
            draft.postal_code = parsed.postal_code.as_str().to_string();
            draft.address_done = true;
        })
        .await
    }

    /// Saves the port the group plans to use; blank is "I do not know yet". An unknown code is a
    /// field error on `port`.
    pub async fn save_application_port(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        port: &str,
    ) -> Result<ApplicationDraft, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let port = port.trim();
        let code = if port.is_empty() {
            String::new()
        } else {
            let unknown = || AppError::field("port", "apply-error-port-unknown");
            let code = PortCode::parse(port).map_err(|_| unknown())?;
            self.reader().await?.ports().find(&code).await?.ok_or_else(unknown)?;
            code.to_string()
        };
        self.change_application_draft(ctx, actor, |draft| {
            draft.port = code;
            draft.port_done = true;
        })
        .await
    }

    /// Forgets the destination and port (after the application was submitted).
    pub async fn discard_application_draft(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
    ) -> Result<(), AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let mut tx = self.begin().await?;
        tx.drafts().delete_application(&actor.user_id).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::ApplicationDraftDiscarded, me, None).await?;
        self.commit(tx).await
    }

    async fn change_application_draft(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        change: impl FnOnce(&mut ApplicationDraft),
    ) -> Result<ApplicationDraft, AppError> {
        let now = self.now();
        let mut tx = self.begin().await?;
        let stored = tx.drafts().find_application(&actor.user_id).await?;
        let mut draft: ApplicationDraft =
            stored.and_then(|d| serde_json::from_str(&d).ok()).unwrap_or_default();
        change(&mut draft);
        let data = serde_json::to_string(&draft).map_err(|e| AppError::Internal(e.to_string()))?;
        tx.drafts().put_application(&actor.user_id, &data, now).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::ApplicationDraftSaved, me, None).await?;
        self.commit(tx).await?;
        Ok(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_composed_from_three_fields() {
        assert_eq!(compose_date(" 4", "7", "1990"), "1990-07-04");
        assert_eq!(compose_date("", "", ""), "");
        assert_eq!(compose_date("x", "7", "1990"), "1990-7-x");
        assert_eq!(split_date("1990-07-04"), ("4".into(), "7".into(), "1990".into()));
    }

    #[test]
    fn steps_follow_each_other_and_name_their_pages() {
        assert_eq!(DraftStep::Name.next(), Some(DraftStep::DateOfBirth));
        assert_eq!(DraftStep::Document.next(), None);
        for step in DraftStep::ALL {
            assert_eq!(DraftStep::parse(step.slug()), Some(step));
        }
    }

    #[test]
    fn an_empty_document_is_no_document() {
        assert_eq!(DraftFields::default().to_input().document, None);
        let some = DraftFields { document_number: "A1".into(), ..DraftFields::default() };
        assert!(some.to_input().document.is_some());
    }
}
