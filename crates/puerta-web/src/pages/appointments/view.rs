//! What the appointment pages show of an appointment, in the reader's language and zones.

use puerta_app::appointments::AppointmentView;
use puerta_domain::appointments::{AppointmentStatus, ConfirmationNumber};
use puerta_i18n::{Language, format_in_zone, t};

/// One offer or appointment on the traveler's pages.
pub struct AppointmentRow {
    pub href: String,
    pub id: String,
    pub tag: String,
    pub port_name: String,
    pub port_address: String,
    /// At the port, in the port's zone (named).
    pub when: String,
    /// "Confirm before …", in the reader's zone, while offered.
    pub deadline: Option<String>,
    pub offered: bool,
    pub confirmed: bool,
    pub cancellable: bool,
    pub number_grouped: Option<String>,
    pub qr_svg: Option<String>,
    pub travelers: Vec<TravelerRow>,
}

pub struct TravelerRow {
    pub id: String,
    pub name: String,
    pub photo_current: bool,
}

/// The number as a QR code drawn by the server (SVG, no script, no third party).
pub fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(180, 180).quiet_zone(true).build()
        })
        .unwrap_or_default()
}

pub fn row(lang: Language, reader_zone: chrono_tz::Tz, v: &AppointmentView, now: i64) -> AppointmentRow {
    let r = &v.record;
    let offered = r.status == AppointmentStatus::Offered && r.offer_expires_at > now;
    let number = r.confirmation_number.as_deref().and_then(|n| ConfirmationNumber::parse(n).ok());
    AppointmentRow {
        href: format!("/appointments/{}", r.id),
        id: r.id.to_string(),
        tag: t(lang, &format!("appt-tag-{}", r.status.as_str())),
        port_name: v.port_name.clone(),
        port_address: v.port_address.unwrap_or_default().to_string(),
        when: format_in_zone(lang, r.scheduled_at, v.port_zone),
        deadline: offered.then(|| format_in_zone(lang, r.offer_expires_at, reader_zone)),
        offered,
        confirmed: r.status == AppointmentStatus::Confirmed,
        cancellable: r.status.holds_places(),
        number_grouped: number.as_ref().map(ConfirmationNumber::grouped),
        qr_svg: number.as_ref().map(|n| qr_svg(n.as_str())),
        travelers: v
            .travelers
            .iter()
            .map(|t| TravelerRow {
                id: t.traveler_id.to_string(),
                name: format!("{} {}", t.given_name, t.family_name),
                photo_current: t.photo_at.is_some_and(|at| at >= r.offered_at),
            })
            .collect(),
    }
}
