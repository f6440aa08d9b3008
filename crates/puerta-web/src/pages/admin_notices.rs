//! `/admin/notices`: administrators write a policy notice — a title and a text in each language
//! (English, Spanish and Haitian Creole required; Portuguese and French optional), who it is for
//! (everyone, travelers with a request at one port, staff) and, if not now, when it appears. The
//! time is read in the administrator's own time zone. The use case judges everything; a refusal
//! shows the form again with each message beside its field and nothing typed lost.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{NaiveDateTime, TimeZone};
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_app::notifications::NewNotice;
use puerta_domain::access::{Action, Target};
use puerta_domain::notifications::Audience;
use puerta_i18n::{Arg, Language, t, t_args, zone_name};

use super::form::{CsrfForm, form_errors, html};
use super::frame::Frame;
use super::{Ctx, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};

const PATH: &str = "/admin/notices";

/// The languages of the form, in order, and whether the notice must be written in it.
const LANGUAGES: [(Language, bool); 5] = [
    (Language::En, true),
    (Language::Es, true),
    (Language::Ht, true),
    (Language::Pt, false),
    (Language::Fr, false),
];

pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(page).post(publish))
}

/// One language's part of the form.
pub struct LanguageBlock {
    pub code: &'static str,
    pub legend: String,
    pub title: String,
    pub body: String,
    pub title_error: Option<String>,
    pub body_error: Option<String>,
}

/// What the administrator typed (empty on a fresh form).
#[derive(Default)]
struct Typed {
    /// (title, body) by language code.
    text: BTreeMap<&'static str, (String, String)>,
    audience: String,
    port_code: String,
    publish_at: String,
}

impl Typed {
    fn from_form(fields: &[(String, String)]) -> Self {
        let value =
            |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
        Self {
            text: LANGUAGES
                .iter()
                .map(|(l, _)| {
                    let code = l.code();
                    (code, (value(&format!("title_{code}")), value(&format!("body_{code}"))))
                })
                .collect(),
            audience: value("audience").trim().to_string(),
            port_code: value("port_code").trim().to_ascii_uppercase(),
            publish_at: value("publish_at").trim().to_string(),
        }
    }

    fn words(&self, code: &str, body: bool) -> &str {
        self.text.get(code).map_or("", |(title, text)| if body { text } else { title })
    }

    /// Titles or texts by language code, as the use case takes them.
    fn map(&self, body: bool) -> BTreeMap<String, String> {
        self.text
            .iter()
            .map(|(code, (title, text))| ((*code).to_string(), if body { text } else { title }.clone()))
            .collect()
    }
}

/// Messages beside the fields: anchor (the field's id) → message; and the summary, in order.
#[derive(Default)]
struct Errors {
    beside: BTreeMap<String, String>,
    summary: Vec<(String, String)>,
}

impl Errors {
    fn add(&mut self, anchor: String, message: String) {
        self.beside.entry(anchor.clone()).or_insert_with(|| message.clone());
        self.summary.push((anchor, message));
    }
}

#[derive(Template)]
#[template(path = "admin_notices.html")]
struct NoticesPage {
    frame: Frame,
    blocks: Vec<LanguageBlock>,
    audience: String,
    audience_error: Option<String>,
    /// (code, "code · name", selected).
    ports: Vec<(String, String, bool)>,
    port_error: Option<String>,
    publish_at: String,
    publish_hint: String,
    publish_error: Option<String>,
    general_error: Option<String>,
    errors: Vec<(String, String)>,
    /// Notices already written: (title in the reader's language, audience, when, state).
    existing: Vec<(String, String, String, String)>,
}

/// Staff without a second factor are sent to set one up; others get the error page.
fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => ApiError::from(e).into_response(),
    }
}

fn language_name(lang: Language, language: Language) -> String {
    super::staff_messages::language_name(lang, language)
}

async fn render(state: &AppState, ctx: &Ctx, actor: &Actor, typed: Typed, errors: Errors) -> Response {
    if let Err(e) = actor.authorize(Action::PublishNotices, Target::None) {
        return refused(e);
    }
    let ports = match state.app.list_ports().await {
        Ok(ports) => ports,
        Err(e) => return refused(e),
    };
    let zone = match state.app.me(actor).await {
        Ok(profile) => profile.time_zone,
        Err(e) => return refused(e),
    };
    let notices = match state.app.list_notices(actor).await {
        Ok(notices) => notices,
        Err(e) => return refused(e),
    };
    let frame = ctx.frame(state, Some(actor));
    let lang = frame.lang;
    let existing = notices
        .iter()
        .map(|n| {
            let title = n.title.get(lang.code()).or_else(|| n.title.get("en")).cloned().unwrap_or_default();
            let audience = match n.port_code.as_deref() {
                Some(port) => format!("{} ({port})", t(lang, "adminnotice-audience-port")),
                None if n.audience == "staff" => t(lang, "adminnotice-audience-staff"),
                None => t(lang, "adminnotice-audience-all"),
            };
            let state =
                if n.announced { "adminnotice-state-published" } else { "adminnotice-state-scheduled" };
            (title, audience, puerta_i18n::format_in_zone(lang, n.publish_at, zone), t(lang, state))
        })
        .collect();
    let mut beside = errors.beside;
    let blocks = LANGUAGES
        .iter()
        .map(|(l, required)| {
            let code = l.code();
            let name = language_name(lang, *l);
            let id = if *required { "adminnotice-legend-required" } else { "adminnotice-legend-optional" };
            LanguageBlock {
                code,
                legend: t_args(lang, id, vec![("language", Arg::from(name))]),
                title: typed.words(code, false).to_string(),
                body: typed.words(code, true).to_string(),
                title_error: beside.remove(&format!("title-{code}")),
                body_error: beside.remove(&format!("body-{code}")),
            }
        })
        .collect();
    let mut port_options =
        vec![(String::new(), frame.t("adminnotice-port-choose"), typed.port_code.is_empty())];
    port_options.extend(ports.iter().map(|p| {
        let code = p.code.to_string();
        let selected = code.eq_ignore_ascii_case(&typed.port_code);
        (code.clone(), format!("{code} · {}", p.name), selected)
    }));
    let status = if errors.summary.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = NoticesPage {
        blocks,
        audience: typed.audience,
        audience_error: beside.remove("audience-all"),
        ports: port_options,
        port_error: beside.remove("port_code"),
        publish_at: typed.publish_at,
        publish_hint: t_args(
            lang,
            "adminnotice-publish-hint",
            vec![("zone", Arg::from(zone_name(lang, zone)))],
        ),
        publish_error: beside.remove("publish_at"),
        general_error: beside.remove("notice-form"),
        errors: errors.summary,
        existing,
        frame,
    };
    let mut response = html(&page);
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    render(&state, &ctx, &actor, Typed::default(), Errors::default()).await
}

/// The `datetime-local` value (`2026-03-27T09:30`, seconds optional; a space for the `T` when a
/// browser shows a plain text box) as a moment in `zone`. `Err` with the message id when it is
/// not a date and time, or a time the clocks skip in that zone. An hour the clocks repeat is read
/// as its first occurrence.
fn moment(text: &str, zone: chrono_tz::Tz) -> Result<i64, &'static str> {
    let naive = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or("adminnotice-error-publish-format")?;
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|at| at.timestamp_millis())
        .ok_or("adminnotice-error-publish-skipped")
}

/// Places the use case's messages beside the fields. A missing language goes beside each
/// required field left empty; a text too long beside the longest ones (the use case names one
/// problem per language, and whichever are too long are the longest).
fn place(lang: Language, typed: &Typed, problems: Vec<(String, String, String)>, errors: &mut Errors) {
    let mut too_long: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (field, message_id, message) in &problems {
        match (field.as_str(), message_id.as_str()) {
            (kind @ ("title" | "body"), "error-notice-languages-missing") => {
                let body = kind == "body";
                let missing: Vec<Language> = LANGUAGES
                    .iter()
                    .filter(|(l, required)| *required && typed.words(l.code(), body).trim().is_empty())
                    .map(|(l, _)| *l)
                    .collect();
                if missing.is_empty() {
                    errors.add(format!("{kind}-en"), message.clone());
                }
                let id =
                    if body { "adminnotice-error-body-missing" } else { "adminnotice-error-title-missing" };
                for l in missing {
                    let text = t_args(lang, id, vec![("language", Arg::from(language_name(lang, l)))]);
                    errors.add(format!("{kind}-{}", l.code()), text);
                }
            }
            ("title", "error-notice-too-long") => *too_long.entry("title").or_default() += 1,
            ("body", "error-notice-too-long") => *too_long.entry("body").or_default() += 1,
            ("title" | "body", _) => errors.add(format!("{field}-en"), message.clone()),
            ("audience.port_code", _) => errors.add("port_code".into(), message.clone()),
            ("audience" | "audience.kind", _) => errors.add("audience-all".into(), message.clone()),
            ("publish_at", _) => errors.add("publish_at".into(), message.clone()),
            _ => errors.add("notice-form".into(), message.clone()),
        }
    }
    for (kind, count) in too_long {
        let body = kind == "body";
        let mut longest: Vec<&'static str> = LANGUAGES.iter().map(|(l, _)| l.code()).collect();
        longest.sort_by_key(|code| std::cmp::Reverse(typed.words(code, body).trim().chars().count()));
        for code in longest.into_iter().take(count) {
            errors.add(format!("{kind}-{code}"), t(lang, "error-notice-too-long"));
        }
    }
}

async fn publish(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let typed = Typed::from_form(&fields);
    let lang = ctx.frame(&state, Some(&actor)).lang;
    let mut errors = Errors::default();
    // What only the form can get wrong: no audience chosen, a time that is not one.
    let audience = match typed.audience.as_str() {
        "all" => Some(Audience::All),
        "staff" => Some(Audience::Staff),
        "port" => Some(Audience::Port { port_code: typed.port_code.clone() }),
        _ => {
            errors.add("audience-all".into(), t(lang, "error-notice-audience"));
            None
        }
    };
    let publish_at = if typed.publish_at.is_empty() {
        None
    } else {
        let zone = match state.app.me(&actor).await {
            Ok(profile) => profile.time_zone,
            Err(e) => return refused(e),
        };
        match moment(&typed.publish_at, zone) {
            Ok(at) => Some(at),
            Err(id) => {
                errors.add("publish_at".into(), t(lang, id));
                None
            }
        }
    };
    let Some(audience) = audience.filter(|_| errors.summary.is_empty()) else {
        // Nothing is published: the required languages left empty are marked now too, so that
        // every message shows at once.
        let missing = ["title", "body"]
            .into_iter()
            .filter(|kind| {
                LANGUAGES.iter().any(|(l, required)| {
                    *required && typed.words(l.code(), *kind == "body").trim().is_empty()
                })
            })
            .map(|kind| {
                let id = "error-notice-languages-missing";
                (kind.to_string(), id.to_string(), t(lang, id))
            })
            .collect();
        place(lang, &typed, missing, &mut errors);
        return render(&state, &ctx, &actor, typed, errors).await;
    };
    let notice = NewNotice { title: typed.map(false), body: typed.map(true), audience, publish_at };
    match state.app.publish_notice(&actor, &client, notice).await {
        Ok(_) => {
            let scheduled = publish_at.is_some_and(|at| at > state.app.now_ms());
            let notice =
                if scheduled { "adminnotice-notice-scheduled" } else { "adminnotice-notice-published" };
            redirect_notice(PATH, notice)
        }
        Err(AppError::Validation(problems)) => {
            let problems = problems
                .into_iter()
                .map(|p| {
                    let message = t(lang, &p.message_id);
                    (p.field, p.message_id, message)
                })
                .collect();
            place(lang, &typed, problems, &mut errors);
            render(&state, &ctx, &actor, typed, errors).await
        }
        Err(error) => match form_errors(&error, lang, "notice-form") {
            Some(messages) => {
                for (anchor, message) in messages {
                    errors.add(anchor, message);
                }
                render(&state, &ctx, &actor, typed, errors).await
            }
            None => refused(error),
        },
    }
}
