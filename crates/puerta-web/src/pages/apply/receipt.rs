//! The receipt: each traveler's reference number, large and grouped for reading aloud, and as a
//! QR code drawn here (no outside service), with what happens next. Printable; readable later by
//! its account holder only (anyone else gets 404).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::view::render;
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::PageActor;
use crate::pages::Ctx;
use crate::pages::frame::Frame;

pub struct Line {
    pub name: String,
    pub grouped: String,
    pub reference: String,
    pub qr_svg: String,
}

#[derive(Template)]
#[template(path = "apply_receipt.html")]
struct ReceiptPage {
    frame: Frame,
    submitted: String,
    lines: Vec<Line>,
}

/// The QR code of a reference number, as SVG.
fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(160, 160).quiet_zone(true).build()
        })
        .unwrap_or_default()
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    match state.app.application_receipt(&actor, &id).await {
        Ok(receipt) => {
            let frame = ctx.frame(&state, Some(&actor));
            let lines = receipt
                .lines
                .iter()
                .map(|l| Line {
                    name: l.traveler_name.clone(),
                    grouped: l.reference_number.grouped(),
                    reference: l.reference_number.to_string(),
                    qr_svg: qr_svg(&l.reference_number.to_string()),
                })
                .collect();
            // In the reader's language and own time zone, the zone named, as every traveler time.
            let submitted = match state.app.me(&actor).await {
                Ok(me) => puerta_i18n::format_in_zone(frame.lang, receipt.submitted_at, me.time_zone),
                Err(e) => return ApiError::from(e).into_response(),
            };
            render(&ReceiptPage { frame, submitted, lines }, StatusCode::OK)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}
