use std::fmt;

/// A language Puerta speaks completely. English is the source; every other locale has every
/// message (a test enforces it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Es,
    Ht,
    Pt,
    Fr,
}

impl Language {
    pub const ALL: [Language; 5] = [Language::En, Language::Es, Language::Ht, Language::Pt, Language::Fr];

    /// The BCP 47 tag, as used in `<html lang>`, the `lang` cookie and the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::Ht => "ht",
            Self::Pt => "pt",
            Self::Fr => "fr",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Es => "Español",
            Self::Ht => "Kreyòl ayisyen",
            Self::Pt => "Português",
            Self::Fr => "Français",
        }
    }

    /// Accepts a tag with or without region (`es-MX` → Spanish), in any case.
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The best language for an `Accept-Language` header: highest `q` first, then header order;
/// English when nothing matches.
pub fn negotiate(accept_language: Option<&str>) -> Language {
    let Some(header) = accept_language else { return Language::En };
    let mut candidates: Vec<(f32, usize, Language)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.split(';');
            let language = Language::parse(pieces.next()?)?;
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0).then_some((q, position, language))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.first().map_or(Language::En, |c| c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_highest_quality_supported_language_wins() {
        assert_eq!(negotiate(Some("de-DE, ht;q=0.9, es;q=0.8")), Language::Ht);
        assert_eq!(negotiate(Some("pt-BR,pt;q=0.9")), Language::Pt);
        assert_eq!(negotiate(Some("fr-CA")), Language::Fr);
        assert_eq!(negotiate(Some("es-MX,es;q=0.9,en;q=0.8")), Language::Es);
        assert_eq!(negotiate(Some("de, ht;q=0")), Language::En);
        assert_eq!(negotiate(None), Language::En);
        assert_eq!(negotiate(Some(";;;,q=")), Language::En);
    }
}
