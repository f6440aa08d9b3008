//! Dates and times in the reader's language, in a given time zone, with the zone named.
//! Time-zone arithmetic is chrono-tz's (IANA data); month and day names are chrono's locales.

use chrono::{DateTime, Locale, TimeZone, Utc};
use chrono_tz::Tz;

use crate::{Language, t};

fn locale(language: Language) -> Locale {
    match language {
        Language::En => Locale::en_US,
        Language::Es => Locale::es_MX,
        Language::Ht => Locale::ht_HT,
        Language::Pt => Locale::pt_BR,
        Language::Fr => Locale::fr_FR,
    }
}

/// How each language writes a date: "March 3, 2026" in (US) English, "3 de marzo de 2026" in
/// Spanish and Portuguese, "3 mars 2026" in French, "3 mas 2026" in Creole.
fn date_pattern(language: Language) -> &'static str {
    match language {
        Language::En => "%B %-d, %Y",
        Language::Es | Language::Pt => "%-d de %B de %Y",
        Language::Ht | Language::Fr => "%-d %B %Y",
    }
}

/// The weekday before the date: "Tuesday, March 3, 2026", "terça, 3 de março de 2026",
/// "martes 3 de marzo de 2026", "mardi 3 mars 2026" (weekday names are chrono's locale data).
fn weekday_pattern(language: Language) -> &'static str {
    match language {
        Language::En | Language::Pt => "%A, ",
        Language::Es | Language::Ht | Language::Fr => "%A ",
    }
}

/// `Tuesday, March 3, 2026, 09:30, Pacific Time (San Diego)` (in the reader's language).
pub fn format_in_zone(language: Language, epoch_ms: i64, zone: Tz) -> String {
    let Some(utc) = DateTime::<Utc>::from_timestamp_millis(epoch_ms) else { return String::new() };
    let local = zone.from_utc_datetime(&utc.naive_utc());
    let pattern = format!("{}{}, %H:%M", weekday_pattern(language), date_pattern(language));
    let when = local.format_localized(&pattern, locale(language)).to_string();
    format!("{when}, {}", zone_name(language, zone))
}

/// A date without time, `March 3, 2026`, in UTC (for "last updated").
pub fn format_date(language: Language, epoch_ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(epoch_ms)
        .map(|d| d.format_localized(date_pattern(language), locale(language)).to_string())
        .unwrap_or_default()
}

/// The zone's everyday name (`Pacific Time`), else its IANA id.
pub fn zone_name(language: Language, zone: Tz) -> String {
    let id = format!("zone-{}", zone.name().to_lowercase().replace(['/', '_'], "-"));
    let name = t(language, &id);
    if name == id { zone.name().to_string() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_at_a_port_is_shown_in_its_zone_and_language() {
        // 2026-03-03T17:30:00Z is 09:30 in Tijuana/San Ysidro (PST, UTC-8).
        let ms = 1_772_559_000_000;
        let en = format_in_zone(Language::En, ms, chrono_tz::America::Los_Angeles);
        assert_eq!(en, "Tuesday, March 3, 2026, 09:30, Pacific Time (San Diego)");
        let es = format_in_zone(Language::Es, ms, chrono_tz::America::Los_Angeles);
        assert!(es.starts_with("martes 3 de marzo de 2026, 09:30"), "{es}");
        let pt = format_in_zone(Language::Pt, ms, chrono_tz::America::Mexico_City);
        assert!(pt.starts_with("terça, 3 de março de 2026, 11:30"), "{pt}");
        let fr = format_in_zone(Language::Fr, ms, chrono_tz::America::Tijuana);
        assert!(fr.starts_with("mardi 3 mars 2026, 09:30"), "{fr}");
        // Arizona keeps standard time all year: 10:30 at Nogales.
        assert!(format_in_zone(Language::En, ms, chrono_tz::America::Phoenix).contains("10:30"));
        let ht = format_in_zone(Language::Ht, ms, chrono_tz::America::Chicago);
        assert!(ht.contains("11:30"), "{ht}");
    }
}
