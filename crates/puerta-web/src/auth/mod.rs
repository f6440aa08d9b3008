//! Who is asking, and may they: the client's address and user agent ([`Client`]), the signed-in
//! person for the API ([`ApiActor`]: bearer token, or session cookie plus CSRF checks) and for
//! pages ([`PageActor`]), and CSRF tokens for forms ([`csrf`]).
//! Whether an actor may do something is decided in `puerta-app`, never here.

mod client;
pub mod csrf;
mod extractors;

pub use client::{Client, TrustedProxies};
pub use extractors::{ApiActor, PageActor, SESSION_COOKIE, session_token};
