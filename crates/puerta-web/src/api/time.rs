//! One time format in every response: RFC 3339 in UTC with milliseconds, e.g.
//! `2026-12-01T20:40:31.000Z` (see docs/API.md).

/// Epoch milliseconds as RFC 3339 UTC.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// An RFC 3339 time (any offset) as epoch milliseconds; `None` when it is not one or lies
/// outside 1900–2200.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let ms = chrono::DateTime::parse_from_rfc3339(text.trim()).ok()?.timestamp_millis();
    (-2_208_988_800_000..=7_258_118_400_000).contains(&ms).then_some(ms)
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_utc_with_milliseconds() {
        assert_eq!(super::rfc3339(1_795_000_000_123), "2026-11-18T11:06:40.123Z");
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(super::parse_rfc3339("2026-11-18T12:06:40.123+01:00"), Some(1_795_000_000_123));
        assert_eq!(super::parse_rfc3339("9999-01-01T00:00:00Z"), None);
        assert_eq!(super::parse_rfc3339("tomorrow"), None);
    }
}
