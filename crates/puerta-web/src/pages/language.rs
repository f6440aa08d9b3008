//! The language page: the five languages, each named in itself, the current one marked. Every
//! page's header links here (`Frame::language_href`, one tap, no JavaScript); choosing one posts
//! to `/language` (`accounts::choose_language`), which sets the `lang` cookie (and a signed-in
//! person's language) and goes back to the page the reader came from.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::Ctx;
use super::form::html;
use super::frame::Frame;
use crate::AppState;
use crate::auth::PageActor;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LanguageQuery {
    next: String,
}

#[derive(Template)]
#[template(path = "language.html")]
struct LanguagePage {
    frame: Frame,
    /// Where choosing (or going back) leads: one of our own paths.
    next: String,
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    actor: Option<PageActor>,
    Query(query): Query<LanguageQuery>,
) -> Response {
    let frame = ctx.frame(&state, actor.as_ref().map(|a| &a.0));
    let next = own_path(&query.next).to_string();
    html(&LanguagePage { frame, next })
}

/// Only our own paths, as `accounts::sign_in::safe_next` decides for the choice itself (this
/// page also shows the way back as a link, so it checks before it shows it).
fn own_path(next: &str) -> &str {
    let plain = next.bytes().all(|b| b > 0x20 && b != 0x7f && b != b'\\');
    let ours = next.starts_with('/') && !next.starts_with("//");
    if plain && ours { next } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::own_path;

    #[test]
    fn the_way_back_stays_on_this_site() {
        assert_eq!(own_path("/verify?email=a%40b.org"), "/verify?email=a%40b.org");
        for bad in
            ["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "evil", ""]
        {
            assert_eq!(own_path(bad), "/", "{bad:?}");
        }
    }
}
