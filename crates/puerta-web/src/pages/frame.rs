//! What every page shares: language, CSRF token, who is signed in, navigation, notices.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, SameSite};
use puerta_app::accounts::Actor;
use puerta_domain::accounts::Role;
use puerta_i18n::{Arg, Language, t, t_args};

use super::assets::{CSS, JS};
use crate::AppState;
use crate::auth::csrf;
use crate::locale::request_language;

/// The CSRF cookie value of this request when it came without one: made fresh by the
/// `middleware::csrf_cookie` layer, which sends it with the answer.
#[derive(Clone)]
pub struct CsrfCookie(pub String);

/// A first-party cookie: HttpOnly, SameSite=Lax, path `/`, `Secure` over HTTPS.
pub fn cookie(name: &'static str, value: String, https: bool) -> Cookie<'static> {
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Lax).secure(https).build()
}

/// Tells the browser to forget its session cookie (after sign-out or deletion).
pub fn clear_session_cookie(response: &mut Response, https: bool) {
    let mut gone = cookie(crate::auth::SESSION_COOKIE, String::new(), https);
    gone.make_removal();
    append_cookie(response, gone);
}

pub fn append_cookie(response: &mut Response, cookie: Cookie<'_>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// The request facts a page needs before it knows who is signed in.
pub struct PageCtx {
    pub language: Language,
    pub csrf_cookie: String,
    pub path: String,
    pub notice: Option<String>,
}

/// Notices a redirect may ask a page to show (`?notice=…`); anything else is ignored.
const NOTICES: &[&str] = &[
    "verify-done",
    "verify-resent",
    "signed-out",
    "session-expired",
    "reset-done",
    "account-password-changed",
    "account-email-changed",
    "account-language-changed",
    "account-phone-changed",
    "account-time-zone-changed",
    "account-deleted",
    "admin-users-updated",
    "staff-mfa-needed",
    "admin-content-saved",
    "casepage-notice-uploaded",
    "casepage-notice-evidence-sent",
    "casepage-notice-appealed",
    "casepage-notice-withdrawn",
    "bo-notice-claimed",
    "bo-notice-assigned",
    "bo-notice-note-added",
    "bo-notice-moved",
    "bo-notice-evidence-requested",
    "bo-notice-decided",
    "bo-notice-appeal-decided",
    "bo-notice-checks-run",
    "bo-notice-reason-added",
    "bo-notice-reason-retired",
    "checks-notice-replaced",
    "appt-notice-requested",
    "appt-notice-withdrawn",
    "appt-notice-photo",
    "appt-notice-confirmed",
    "appt-notice-cancelled",
    "appt-notice-checked-in",
    "appt-notice-no-show",
    "appt-notice-rules-saved",
    "appt-notice-capacity-saved",
    "appt-notice-randomness-saved",
    "msgpage-notice-sent",
    "msgpage-notice-replied",
    "notifpage-notice-read",
    "notifpage-notice-dismissed",
    "notifpage-notice-preferences-saved",
    "staffmsg-notice-taken",
    "staffmsg-notice-released",
    "staffmsg-notice-assigned",
    "staffmsg-notice-sent",
    "adminnotice-notice-published",
    "adminnotice-notice-scheduled",
];

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &AppState) -> Result<Self, Self::Rejection> {
        let csrf_cookie = parts
            .extensions
            .get::<CsrfCookie>()
            .map(|c| c.0.clone())
            .or_else(|| csrf::cookie_value(&parts.headers))
            .unwrap_or_default();
        let query = parts.uri.query().unwrap_or("");
        let notice = query.split('&').filter_map(|pair| pair.split_once('=')).find_map(|(k, v)| match k {
            "notice" => NOTICES.iter().find(|n| **n == v).map(|n| n.to_string()),
            "expired" => Some("session-expired".to_string()),
            _ => None,
        });
        Ok(Self {
            language: request_language(&parts.headers),
            csrf_cookie,
            // With its query, so the language page and "stay signed in" come back to this very
            // page (`/verify?email=…` keeps its address).
            path: parts
                .uri
                .path_and_query()
                .map_or_else(|| parts.uri.path().to_string(), |p| p.as_str().to_string()),
            notice,
        })
    }
}

impl PageCtx {
    /// The frame for this page; a signed-in person's own language wins over cookie and browser.
    pub fn frame(&self, state: &AppState, actor: Option<&Actor>) -> Frame {
        let lang = actor.map_or(self.language, |a| a.language);
        let role = actor.map(|a| a.role);
        Frame {
            lang,
            csrf: csrf::token_for(&state.csrf_key, &self.csrf_cookie),
            signed_in: actor.is_some(),
            staff: role.is_some_and(|r| r.is_staff() && r != Role::Partner),
            partner: role == Some(Role::Partner),
            admin: role == Some(Role::Admin),
            path: self.path.clone(),
            idle_deadline: actor.and_then(|a| a.idle_deadline),
            notice: self.notice.as_ref().map(|id| t(lang, id)),
            css_href: CSS.href.clone(),
            js_href: JS.href.clone(),
        }
    }
}

pub struct Frame {
    pub lang: Language,
    pub csrf: String,
    pub signed_in: bool,
    /// Officers, supervisors and admins (the staff home).
    pub staff: bool,
    /// Partners (their own home).
    pub partner: bool,
    pub admin: bool,
    pub path: String,
    pub idle_deadline: Option<i64>,
    pub notice: Option<String>,
    pub css_href: String,
    pub js_href: String,
}

impl Frame {
    pub fn t(&self, id: &str) -> String {
        t(self.lang, id)
    }

    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        t_args(self.lang, id, vec![(name, Arg::from(value))])
    }

    /// For the language page: (code, name in itself, is current).
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Language::ALL.iter().map(|l| (l.code(), l.native_name(), *l == self.lang)).collect()
    }

    /// The header's language link: the language page, which comes back to this page (on the
    /// language page itself, the same page, keeping its way back).
    pub fn language_href(&self) -> String {
        if self.on_language_page() {
            self.path.clone()
        } else {
            format!("/language?next={}", query_value(&self.path))
        }
    }

    pub fn on_language_page(&self) -> bool {
        self.path == "/language" || self.path.starts_with("/language?")
    }

    /// Where the site name leads: a signed-in person's own home, else the public home page.
    pub fn home_href(&self) -> &'static str {
        match (self.signed_in, self.partner, self.staff) {
            (false, _, _) => "/",
            (true, true, _) => "/partner",
            (true, false, true) => "/staff",
            (true, false, false) => "/dashboard",
        }
    }

    /// A UTC date and time, `2026-11-25 21:14 UTC` (times at ports use the port's zone).
    pub fn date(&self, epoch_ms: &i64) -> String {
        chrono::DateTime::from_timestamp_millis(*epoch_ms)
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default()
    }
}

/// `text` as one query value: everything but unreserved characters and `/` percent-encoded.
fn query_value(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Pages anyone may see, which the service worker may keep for offline reading.
pub fn is_public_page(path: &str) -> bool {
    matches!(path, "/" | "/offline" | "/entry-requirements") || path.starts_with("/entry-requirements/")
}

// What may be stored of each page (and of the API) is decided in `middleware::cache_control`.

#[cfg(test)]
mod tests {
    use super::query_value;

    #[test]
    fn the_way_back_is_one_query_value() {
        assert_eq!(query_value("/entry-requirements/on-the-day"), "/entry-requirements/on-the-day");
        assert_eq!(
            query_value("/verify?email=a+b@x.org&notice=verify-resent"),
            "/verify%3Femail%3Da%2Bb%40x.org%26notice%3Dverify-resent"
        );
        assert_eq!(query_value("/caf%C3%A9 #"), "/caf%25C3%25A9%20%23");
    }
}
