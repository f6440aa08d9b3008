use unicode_normalization::UnicodeNormalization;

/// A person's full name as they write it: any script, trimmed, normalized to Unicode NFC,
/// 1–200 characters. We never split it into "first" and "last": many names do not fit that shape.
///
/// A name ends up in pages and emails, so text that changes how the text around it reads is
/// refused: control characters, bidi controls (which can reverse what follows them) and line or
/// paragraph separators. Invisible characters carry nothing in a name and are removed, except the
/// zero-width joiner and non-joiner that Persian, Indic and emoji spellings need; a name made only
/// of invisible characters is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FullNameError {
    #[error("error-full-name-required")]
    Empty,
    #[error("error-full-name-too-long")]
    TooLong,
    /// A control character (a line break, a tab inside the name, …).
    #[error("error-full-name-control")]
    Control,
    /// A bidi control: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C.
    #[error("error-full-name-bidi")]
    Bidi,
    /// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR.
    #[error("error-full-name-separator")]
    Separator,
}

impl FullName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<Self, FullNameError> {
        if input.chars().any(is_bidi_control) {
            return Err(FullNameError::Bidi);
        }
        if input.chars().any(|c| matches!(c, '\u{2028}' | '\u{2029}')) {
            return Err(FullNameError::Separator);
        }
        // Line breaks and tabs around the name (a paste) are trimmed; inside it they are refused.
        let trimmed = input.trim();
        if trimmed.chars().any(char::is_control) {
            return Err(FullNameError::Control);
        }
        let kept: String =
            trimmed.nfc().filter(|&c| !is_invisible(c) || matches!(c, '\u{200C}' | '\u{200D}')).collect();
        let cleaned = kept.trim();
        if cleaned.chars().all(|c| is_invisible(c) || c.is_whitespace()) {
            return Err(FullNameError::Empty);
        }
        if cleaned.chars().count() > Self::MAX_CHARS {
            return Err(FullNameError::TooLong);
        }
        Ok(Self(cleaned.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the
/// marks (U+200E, U+200F, U+061C).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that show nothing: the Unicode format characters (general category Cf: zero-width
/// space and joiners, soft hyphen, word joiner, byte-order mark, bidi controls, tags, …), the
/// combining grapheme joiner and the Hangul fillers.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        // Cf, Unicode 16.
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            // Not Cf, but as blank.
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> Result<String, FullNameError> {
        FullName::parse(input).map(|n| n.as_str().to_string())
    }

    #[test]
    fn names_in_any_script_are_kept() {
        assert_eq!(parsed(" Jean-Baptiste Dézafi "), Ok("Jean-Baptiste Dézafi".into()));
        assert_eq!(parsed("محمد رضایی"), Ok("محمد رضایی".into()));
        assert_eq!(parsed("  \n "), Err(FullNameError::Empty));
        assert_eq!(parsed(&"a".repeat(201)), Err(FullNameError::TooLong));
        assert_eq!(parsed(&"é".repeat(200)), Ok("é".repeat(200)));
    }

    #[test]
    fn names_are_normalized_to_nfc() {
        // "e" + COMBINING ACUTE ACCENT becomes the one character "é".
        assert_eq!(parsed("Jose\u{0301} Pe\u{0301}rez"), Ok("José Pérez".into()));
        assert_eq!(parsed(&"e\u{0301}".repeat(200)).map(|n| n.chars().count()), Ok(200));
    }

    #[test]
    fn names_of_invisible_characters_only_are_empty() {
        for name in [
            "\u{200B}\u{200B}\u{200B}",
            "\u{200D}",
            "\u{00AD}",
            "\u{2060}",
            "\u{FEFF}",
            " \u{200C} \u{3164} ",
        ] {
            assert_eq!(parsed(name), Err(FullNameError::Empty), "{name:?}");
        }
    }

    #[test]
    fn invisible_characters_are_removed_but_joiners_kept() {
        assert_eq!(parsed("\u{FEFF}A\u{200B}na\u{00AD} Pérez\u{2060}"), Ok("Ana Pérez".into()));
        // Persian needs the zero-width non-joiner: "Mehrnaz" written with one stays as written.
        assert_eq!(parsed("مهر\u{200C}ناز"), Ok("مهر\u{200C}ناز".into()));
    }

    #[test]
    fn bidi_controls_are_refused() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            assert_eq!(parsed(&format!("Ana {c}zeréP")), Err(FullNameError::Bidi), "{:04X}", c as u32);
        }
    }

    #[test]
    fn line_and_paragraph_separators_are_refused() {
        assert_eq!(parsed("Ana\u{2028}Your appointment is cancelled"), Err(FullNameError::Separator));
        assert_eq!(parsed("Ana\u{2029}"), Err(FullNameError::Separator));
    }

    #[test]
    fn control_characters_inside_a_name_are_refused() {
        for name in
            ["Ana\nPérez", "Ana\rPérez", "Ana\tPérez", "Ana\u{0000}", "Ana\u{0085}Pérez", "Ana\u{001B}[31m"]
        {
            assert_eq!(parsed(name), Err(FullNameError::Control), "{name:?}");
        }
        assert_eq!(parsed("\tAna Pérez\r\n"), Ok("Ana Pérez".into()));
    }
}
