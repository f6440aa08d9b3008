//! The task list: each person of the group with their status, "Add a person", the shared US
//! destination, the port, and "Check your answers and submit".

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::accounts::Actor;
use puerta_domain::cases::MAX_GROUP_SIZE;
use puerta_i18n::Arg;

use super::questions::Empty;
use super::view::{refused_status, render};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::Ctx;
use crate::pages::form::{CsrfForm, form_errors};
use crate::pages::frame::Frame;

/// One line of the task list: its link, its name, its status (the words, not a colour).
pub struct Task {
    pub href: String,
    pub name: String,
    pub status: String,
    /// Where "Remove" posts to, for a person.
    pub remove: Option<String>,
}

#[derive(Template)]
#[template(path = "apply_task_list.html")]
struct TaskListPage {
    frame: Frame,
    people: Vec<Task>,
    can_add: bool,
    max_people: String,
    group: Vec<Task>,
    can_check: bool,
    errors: Vec<(String, String)>,
}

async fn page(state: &AppState, frame: Frame, actor: &Actor) -> Result<TaskListPage, puerta_app::AppError> {
    let travelers = state.app.unsubmitted_travelers(actor).await?;
    let drafts = state.app.traveler_drafts(actor).await?;
    let application = state.app.application_draft(actor).await?;
    let all_travelers = state.app.travelers(actor).await?.len();
    let mut people: Vec<Task> = travelers
        .iter()
        .map(|t| Task {
            href: format!("/apply/travelers/{}/name", t.id),
            name: format!("{} {}", t.given_name, t.family_name),
            status: frame.t("apply-status-completed"),
            remove: Some(format!("/apply/travelers/{}/remove", t.id)),
        })
        .collect();
    for draft in &drafts {
        let name = format!("{} {}", draft.fields.given_name.trim(), draft.fields.family_name.trim());
        let href = match draft.next_unanswered() {
            Some(step) => format!("/apply/drafts/{}/{}", draft.id, step.slug()),
            None => format!("/apply/drafts/{}", draft.id),
        };
        people.push(Task {
            href,
            name: if name.trim().is_empty() { frame.t("apply-new-person") } else { name.trim().to_string() },
            status: frame.t(if draft.answered.is_empty() {
                "apply-status-not-started"
            } else {
                "apply-status-in-progress"
            }),
            remove: Some(format!("/apply/drafts/{}/discard", draft.id)),
        });
    }
    let status = |done: bool, id: &str| frame.t(if done { "apply-status-completed" } else { id });
    let group = vec![
        Task {
            href: "/apply/address".into(),
            name: frame.t("apply-task-address"),
            status: status(application.address_done, "apply-status-not-started"),
            remove: None,
        },
        Task {
            href: "/apply/port".into(),
            name: frame.t("apply-task-port"),
            status: status(application.port_done, "apply-status-optional"),
            remove: None,
        },
    ];
    Ok(TaskListPage {
        can_add: all_travelers + drafts.len() < MAX_GROUP_SIZE,
        max_people: puerta_i18n::t_args(
            frame.lang,
            "apply-add-person-hint",
            vec![("count", Arg::from(i64::try_from(MAX_GROUP_SIZE).unwrap_or(10)))],
        ),
        can_check: !travelers.is_empty() && drafts.is_empty() && application.address_done,
        people,
        group,
        errors: Vec::new(),
        frame,
    })
}

pub async fn show(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let frame = ctx.frame(&state, Some(&actor));
    match page(&state, frame, &actor).await {
        Ok(p) => render(&p, StatusCode::OK),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// "Add a person": a new draft, then its first page. The eleventh person is refused here.
pub async fn add_person(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match state.app.start_traveler_draft(&client, &actor).await {
        Ok(draft) => Redirect::to(&format!("/apply/drafts/{}/name", draft.id)).into_response(),
        Err(e) => {
            let frame = ctx.frame(&state, Some(&actor));
            let Some(errors) = form_errors(&e, frame.lang, "add-person") else {
                return ApiError::from(e).into_response();
            };
            match page(&state, frame, &actor).await {
                Ok(mut p) => {
                    p.errors = errors;
                    render(&p, refused_status(&e))
                }
                Err(e) => ApiError::from(e).into_response(),
            }
        }
    }
}
