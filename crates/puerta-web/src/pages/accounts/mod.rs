//! Account pages: register, verify, sign in (and second step), sign out, password reset,
//! "this wasn't me", the account page and its changes, two-step set-up, own data.

mod account;
mod recovery;
mod register;
mod sign_in;

use axum::Router;
use axum::routing::{get, post};

pub use register::urlencode;
pub use sign_in::choose_language;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/register", get(register::form).post(register::submit))
        .route("/verify", get(register::verify_form).post(register::verify_submit))
        .route("/verify/resend", post(register::resend))
        .route("/sign-in", get(sign_in::form).post(sign_in::submit))
        .route("/sign-in/second-factor", get(sign_in::second_factor_form).post(sign_in::second_factor_submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/session/keep-alive", post(sign_in::keep_alive))
        .route("/forgot-password", get(recovery::forgot_form).post(recovery::forgot_submit))
        .route("/reset-password", get(recovery::reset_form).post(recovery::reset_submit))
        .route("/account/wasnt-me", get(recovery::wasnt_me_form).post(recovery::wasnt_me_submit))
        .route("/account", get(account::show))
        .route("/account/password", get(account::password_form).post(account::password_submit))
        .route("/account/email", get(account::email_form).post(account::email_submit))
        .route("/account/email/confirm", get(account::email_confirm_form).post(account::email_confirm_submit))
        .route("/account/phone", get(account::phone_form).post(account::phone_submit))
        .route("/account/time-zone", get(account::time_zone_form).post(account::time_zone_submit))
        .route("/account/two-step", get(account::totp_form).post(account::totp_submit))
        .route("/account/export", get(account::export))
        .route("/account/delete", get(account::delete_form).post(account::delete_submit))
}
