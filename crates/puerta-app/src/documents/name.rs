//! The name a file had on the traveler's device. It is kept only as text to show (and, escaped,
//! in a download's `Content-Disposition`); objects are stored under keys the server makes, so a
//! name never reaches a path. Names that try to be paths or devices are refused rather than
//! repaired, so what is shown is what was sent.

use std::fmt;

use super::DocumentRefusal;

/// At most this many bytes of UTF-8: the common file-system limit for one name.
pub const MAX_NAME_BYTES: usize = 255;

/// Device names that Windows opens as devices whatever the extension (`CON.pdf` is the
/// console), compared without case on the part before the first dot.
const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"];

/// A checked, tidied file name for display.
#[derive(Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Checks `raw` and tidies its spaces (ends trimmed, runs of spaces made one).
    ///
    /// Refused ([`DocumentRefusal::Name`]): empty; longer than [`MAX_NAME_BYTES`]; any `/`, `\`
    /// or `:` (paths, drives, Windows streams); NUL and every control character; characters that
    /// reorder or hide text (bidirectional controls, zero-width characters), with which
    /// `invoice` + U+202E + `fdp.exe` shows as `invoiceexe.pdf`; names made only of dots or starting with
    /// `..`; names ending in a dot; Windows device names (`CON`, `nul.pdf`, `COM1`, `LPT9.tif`).
    pub fn parse(raw: &str) -> Result<Self, DocumentRefusal> {
        if raw.len() > MAX_NAME_BYTES * 4 {
            // Do not even tidy something this long.
            return Err(DocumentRefusal::Name);
        }
        if raw.chars().any(is_forbidden) {
            return Err(DocumentRefusal::Name);
        }
        let tidy = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if tidy.is_empty()
            || tidy.len() > MAX_NAME_BYTES
            || tidy.starts_with("..")
            || tidy.ends_with('.')
            || is_reserved(&tidy)
        {
            return Err(DocumentRefusal::Name);
        }
        Ok(Self(tidy))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The extension in lower case (`"pdf"` for `Scan.PDF`), if the name has one.
    pub fn extension(&self) -> Option<String> {
        let (stem, extension) = self.0.rsplit_once('.')?;
        (!stem.is_empty() && !extension.is_empty()).then(|| extension.to_ascii_lowercase())
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DisplayName({:?})", self.0)
    }
}

fn is_forbidden(c: char) -> bool {
    matches!(c, '/' | '\\' | ':')
        || c.is_control()
        // Bidirectional embeddings, overrides and isolates, and the marks.
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        // Zero-width and invisible characters, and the byte-order mark.
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_ascii_uppercase();
    if RESERVED.contains(&upper.as_str()) {
        return true;
    }
    // COM0–COM9 and LPT0–LPT9, and the superscript digits Windows also treats as ports.
    let port = upper.strip_prefix("COM").or_else(|| upper.strip_prefix("LPT"));
    port.is_some_and(|digit| {
        let mut chars = digit.chars();
        matches!((chars.next(), chars.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_are_kept_and_tidied() {
        for (raw, shown) in [
            ("passport.pdf", "passport.pdf"),
            ("  Acta de nacimiento  (copia).JPG ", "Acta de nacimiento (copia).JPG"),
            ("pasaporte\u{a0}José.png", "pasaporte José.png"),
            ("Paspò Jean-Baptiste.tiff", "Paspò Jean-Baptiste.tiff"),
            ("صورة.jpeg", "صورة.jpeg"),
            ("a..b.pdf", "a..b.pdf"),
            ("console.pdf", "console.pdf"),
            ("COM10.pdf", "COM10.pdf"),
            ("no extension", "no extension"),
        ] {
            assert_eq!(DisplayName::parse(raw).unwrap().as_str(), shown, "{raw:?}");
        }
        assert_eq!(DisplayName::parse("Scan.PDF").unwrap().extension().as_deref(), Some("pdf"));
        assert_eq!(DisplayName::parse(".pdf").unwrap().extension(), None);
        assert_eq!(DisplayName::parse("scan").unwrap().extension(), None);
    }

    #[test]
    fn path_tricks_and_devices_are_refused() {
        let long = format!("{}.pdf", "a".repeat(MAX_NAME_BYTES));
        let long_multibyte = format!("{}.pdf", "é".repeat(130));
        for raw in [
            "",
            "   ",
            "../../etc/passwd",
            "..\\..\\windows\\system32.pdf",
            "docs/passport.pdf",
            "C:passport.pdf",
            "passport.pdf:hidden",
            "pass\0port.pdf",
            "pass\nport.pdf",
            "pass\tport.pdf",
            "pass\u{7f}port.pdf",
            "pass\u{85}port.pdf",
            "invoice\u{202E}fdp.exe",
            "invoice\u{2067}.pdf",
            "pass\u{200B}port.pdf",
            "\u{FEFF}passport.pdf",
            ".",
            "..",
            "...",
            "..pdf",
            "passport.pdf.",
            "CON",
            "con.pdf",
            "Nul.tar.pdf",
            "aux .pdf",
            "COM1.jpg",
            "lpt9.tif",
            "COM¹.png",
            &long,
            &long_multibyte,
            &"x".repeat(MAX_NAME_BYTES * 5),
        ] {
            assert_eq!(DisplayName::parse(raw), Err(DocumentRefusal::Name), "{raw:?}");
        }
    }
}
