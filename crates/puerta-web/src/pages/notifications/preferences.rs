//! `/account/notifications`: one row per category with Email and Text message checkboxes. The
//! inbox always has everything; a critical category (offers, deadlines, decisions) says it
//! keeps at least one channel, and turning both off is refused beside that category (422).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::accounts::Actor;
use puerta_app::notifications::PreferenceView;
use puerta_domain::notifications::{Category, Channels, choose};
use puerta_i18n::{Language, t};

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

pub struct Row {
    /// The category's name (`offers`): the fieldset's id and the checkboxes' value.
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub email: bool,
    pub sms: bool,
    pub critical: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "notifications_preferences.html")]
struct PreferencesPage {
    frame: Frame,
    rows: Vec<Row>,
    has_phone: bool,
    /// (anchor, message) for the error summary.
    errors: Vec<(String, String)>,
}

/// The words of a category: `notifpage-category-case-updates` and its `-hint`.
fn row(lang: Language, view: &PreferenceView) -> Row {
    let key = view.category.as_str().replace('_', "-");
    Row {
        name: view.category.as_str(),
        label: t(lang, &format!("notifpage-category-{key}")),
        hint: t(lang, &format!("notifpage-category-{key}-hint")),
        email: view.email,
        sms: view.sms,
        critical: view.critical,
        error: None,
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    views: Vec<PreferenceView>,
    errors: Vec<(String, String)>,
) -> Response {
    let has_phone = match state.app.me(actor).await {
        Ok(profile) => profile.phone.is_some(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let frame = ctx.frame(state, Some(actor));
    let lang = frame.lang;
    let mut rows: Vec<Row> = views.iter().map(|v| row(lang, v)).collect();
    let mut summary = Vec::new();
    for (field, message) in errors {
        match rows.iter_mut().find(|r| r.name == field) {
            Some(r) => {
                summary.push((format!("{}-email", r.name), message.clone()));
                r.error.get_or_insert(message);
            }
            // Not about one category: beside the first.
            None => match rows.first_mut() {
                Some(first) => {
                    summary.push((format!("{}-email", first.name), message.clone()));
                    first.error.get_or_insert(message);
                }
                None => summary.push((field, message)),
            },
        }
    }
    let status = if summary.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut response = html(&PreferencesPage { frame, rows, has_phone, errors: summary });
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

pub async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.notification_preferences(&actor).await {
        Ok(views) => render(&state, &ctx, &actor, views, Vec::new()).await,
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// The form as sent: each row's `category` (hidden), and the `email` and `sms` checkboxes
/// ticked, whose value is the category. Unknown categories are ignored.
fn changes(pairs: &[(String, String)]) -> Vec<(Category, Channels)> {
    let ticked =
        |field: &str, category: Category| pairs.iter().any(|(k, v)| k == field && v == category.as_str());
    let mut changes: Vec<(Category, Channels)> = Vec::new();
    for (key, value) in pairs {
        if key != "category" {
            continue;
        }
        let Some(category) = Category::parse(value) else { continue };
        if changes.iter().any(|(c, _)| *c == category) {
            continue;
        }
        changes.push((category, Channels { email: ticked("email", category), sms: ticked("sms", category) }));
    }
    changes
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let changes = changes(&pairs);
    let lang = ctx.frame(&state, Some(&actor)).lang;
    // Every refused category at once (the use case stops at the first and decides the same).
    let mut errors: Vec<(String, String)> = changes
        .iter()
        .filter_map(|(category, channels)| {
            choose(*category, *channels)
                .err()
                .map(|e| (category.as_str().to_string(), t(lang, &e.to_string())))
        })
        .collect();
    if errors.is_empty() {
        match state.app.set_notification_preferences(&actor, &client, &changes).await {
            Ok(_) => return redirect_notice("/account/notifications", "notifpage-notice-preferences-saved"),
            Err(e) => match form_errors(&e, lang, "") {
                Some(found) => errors = found,
                None => return ApiError::from(e).into_response(),
            },
        }
    }
    // Shown again as sent, so the reader sees what they chose.
    let views = match state.app.notification_preferences(&actor).await {
        Ok(views) => views,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let views = views
        .into_iter()
        .map(|v| match changes.iter().find(|(c, _)| *c == v.category) {
            Some((_, chosen)) => PreferenceView { email: chosen.email, sms: chosen.sms, ..v },
            None => v,
        })
        .collect();
    render(&state, &ctx, &actor, views, errors).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_becomes_one_change_per_category_shown() {
        let pairs: Vec<(String, String)> = [
            ("category", "offers"),
            ("sms", "offers"),
            ("category", "messages"),
            ("email", "messages"),
            ("category", "nonsense"),
            ("category", "offers"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            changes(&pairs),
            vec![
                (Category::Offers, Channels { email: false, sms: true }),
                (Category::Messages, Channels { email: true, sms: false }),
            ]
        );
    }
}
