//! The steps an officer or supervisor takes from the case page. Each is a CSRF-checked form
//! that calls one use case; success comes back to the case with a notice, a refusal shows the
//! case page again with its message ([`step_refused`]).

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::case_page::Step;
use super::case_view::step_refused;
use super::path_safe;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::form::CsrfForm;
use crate::pages::{Ctx, redirect_notice};

/// The form of a step that asks nothing (the CSRF token only).
#[derive(Deserialize, Default)]
pub struct NoFields {}

fn back(reference: &str, notice: &str) -> Response {
    redirect_notice(&format!("/staff/cases/{}", path_safe(reference)), notice)
}

pub async fn claim(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    match state.app.claim_case(&client, &actor, &reference).await {
        Ok(()) => back(&reference, "bo-notice-claimed"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Claim, |_| {}).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    officer_id: String,
}

pub async fn assign(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Response {
    match state.app.assign_case(&client, &actor, &reference, &form.officer_id).await {
        Ok(()) => back(&reference, "bo-notice-assigned"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Assign, |_| {}).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoteForm {
    body: String,
}

pub async fn add_note(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(form): CsrfForm<NoteForm>,
) -> Response {
    match state.app.add_case_note(&client, &actor, &reference, &form.body).await {
        Ok(_) => back(&reference, "bo-notice-note-added"),
        Err(e) => {
            step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Note, |errors| {
                errors.note_value = form.body;
            })
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    /// `in_review` (start or resume the review) or `evidence_received` (the documents came by
    /// other means).
    to: String,
}

pub async fn move_case(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> Response {
    match state.app.transition_case(&client, &actor, &reference, &form.to).await {
        Ok(moved) => back(moved.reference_number.as_str(), "bo-notice-moved"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Move, |_| {}).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EvidenceForm {
    /// One document a line.
    items: String,
    due_day: String,
    due_month: String,
    due_year: String,
}

impl EvidenceForm {
    fn items(&self) -> Vec<String> {
        self.items.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    }

    /// The due date as the use case reads it (`YYYY-MM-DD`); `None` when all three are empty
    /// (the default, 30 days). Anything else, the use case judges.
    fn due_date(&self) -> Option<String> {
        let (d, m, y) = (self.due_day.trim(), self.due_month.trim(), self.due_year.trim());
        if d.is_empty() && m.is_empty() && y.is_empty() {
            return None;
        }
        Some(format!("{y:0>4}-{m:0>2}-{d:0>2}"))
    }
}

pub async fn request_evidence(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(form): CsrfForm<EvidenceForm>,
) -> Response {
    let due = form.due_date();
    match state.app.request_evidence(&client, &actor, &reference, &form.items(), due.as_deref()).await {
        Ok(_) => back(&reference, "bo-notice-evidence-requested"),
        Err(e) => {
            step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Evidence, |errors| {
                errors.items_value = form.items;
                errors.due_day = form.due_day;
                errors.due_month = form.due_month;
                errors.due_year = form.due_year;
            })
            .await
        }
    }
}

/// The decision form has one `reason_codes` pair per ticked box, so it is read as pairs.
pub async fn decide(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let value =
        |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let outcome = value("outcome");
    let narrative = value("narrative");
    let codes: Vec<String> =
        pairs.iter().filter(|(k, _)| k == "reason_codes").map(|(_, v)| v.clone()).collect();
    // An approval cites no reasons: boxes left ticked before choosing "approve" do not count.
    let cited: &[String] = if outcome == "approved" { &[] } else { &codes };
    match state.app.decide_case(&client, &actor, &reference, &outcome, cited, &narrative).await {
        Ok(_) => back(&reference, "bo-notice-decided"),
        Err(e) => {
            step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Decide, |errors| {
                errors.outcome_value = outcome;
                errors.reasons_chosen = codes;
                errors.narrative_value = narrative;
            })
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AppealDecisionForm {
    outcome: String,
    narrative: String,
}

pub async fn decide_appeal(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(form): CsrfForm<AppealDecisionForm>,
) -> Response {
    match state.app.decide_appeal(&client, &actor, &reference, &form.outcome, &form.narrative).await {
        Ok(moved) => back(moved.reference_number.as_str(), "bo-notice-appeal-decided"),
        Err(e) => {
            step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Appeal, |errors| {
                errors.appeal_outcome_value = form.outcome;
                errors.appeal_narrative_value = form.narrative;
            })
            .await
        }
    }
}

pub async fn run_checks(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    match state.app.run_checks(&client, &actor, &reference).await {
        Ok(_) => back(&reference, "bo-notice-checks-run"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &reference, e, Step::Checks, |_| {}).await,
    }
}

#[cfg(test)]
mod tests {
    use super::EvidenceForm;

    #[test]
    fn the_three_date_fields_make_one_date_and_all_empty_means_the_default() {
        let form = |d: &str, m: &str, y: &str| EvidenceForm {
            items: " a \n\n b\r\n".into(),
            due_day: d.into(),
            due_month: m.into(),
            due_year: y.into(),
        };
        assert_eq!(form("", " ", "").due_date(), None);
        assert_eq!(form("5", "3", "2027").due_date().as_deref(), Some("2027-03-05"));
        assert_eq!(form("", "3", "2027").due_date().as_deref(), Some("2027-03-00"));
        assert_eq!(form("1", "1", "1").items(), ["a", "b"]);
    }
}
