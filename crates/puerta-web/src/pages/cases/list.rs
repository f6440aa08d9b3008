//! `/cases`: the traveler's cases, newest first, each with its status tag (text), the traveler's
//! name and the reference number grouped as on the receipt.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use puerta_domain::ids::CaseId;
use serde::Deserialize;

use super::detail::tag;
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::Ctx;
use crate::pages::form::html;
use crate::pages::frame::Frame;

/// Cases on one page.
const PAGE_SIZE: i64 = 20;

pub struct CaseRow {
    pub href: String,
    pub reference_grouped: String,
    pub traveler_name: String,
    pub tag: String,
    pub status_text: String,
}

#[derive(Template)]
#[template(path = "case_list.html")]
struct CaseListPage {
    frame: Frame,
    cases: Vec<CaseRow>,
    /// The next page's address, when there are older cases.
    older: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    /// `<opened_at>.<case id>` of the last case of the previous page.
    cursor: String,
}

fn parse_cursor(cursor: &str) -> Option<Option<(i64, CaseId)>> {
    if cursor.is_empty() {
        return Some(None);
    }
    let (at, id) = cursor.split_once('.')?;
    Some(Some((at.parse().ok()?, CaseId::parse(id).ok()?)))
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Query(query): Query<ListQuery>,
) -> Response {
    // A cursor we did not make leads nowhere (never silently back to the first page).
    let Some(before) = parse_cursor(&query.cursor) else {
        return ApiError::from_status(axum::http::StatusCode::NOT_FOUND).into_response();
    };
    let page = match state.app.cases(&client, &actor, None, before, PAGE_SIZE).await {
        Ok(page) => page,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let frame = ctx.frame(&state, Some(&actor));
    let cases = page
        .items
        .into_iter()
        .map(|c| CaseRow {
            href: format!("/cases/{}", c.reference_number.as_str()),
            reference_grouped: c.reference_number.grouped(),
            traveler_name: c.traveler_name,
            tag: tag(frame.lang, c.status),
            status_text: frame.t(c.status.public_message_id()),
        })
        .collect();
    let older = page.next.map(|(at, id)| format!("/cases?cursor={at}.{id}"));
    html(&CaseListPage { frame, cases, older })
}
