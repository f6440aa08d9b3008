//! Country names for the selects, in the reader's language, from CLDR (ICU4X compiled data), in
//! that language's alphabetical order (CLDR collation). Nothing here is hand-typed: the codes
//! are the domain's ISO 3166-1 list, the names and the order are CLDR's.
//!
//! Haitian Creole: ICU4X's compiled CLDR data has no region names for `ht` (checked at start-up
//! in [`names_for`]: it would come back as the root/English names), so Haitian readers see the
//! French names, the other language of Haiti and the one most of them read.

use std::sync::OnceLock;

use icu_collator::Collator;
use icu_collator::options::CollatorOptions;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale_core::Locale;
use icu_locale_core::subtags::Region;
use puerta_domain::cases::COUNTRY_CODES;
use puerta_i18n::Language;

/// (ISO code, name) in display order.
pub type CountryList = Vec<(&'static str, String)>;

fn locale(tag: &str) -> Option<Locale> {
    tag.parse::<Locale>().ok()
}

/// The CLDR names for `tag`, or `None` when CLDR has none of its own for that language.
fn cldr_names(tag: &str) -> Option<Vec<(&'static str, String)>> {
    let locale = locale(tag)?;
    let names = RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default()).ok()?;
    let list: Vec<(&'static str, String)> = COUNTRY_CODES
        .iter()
        .map(|code| {
            let name = code
                .parse::<Region>()
                .ok()
                .and_then(|r| names.of(r).map(str::to_string))
                .unwrap_or_else(|| (*code).to_string());
            (*code, name)
        })
        .collect();
    Some(list)
}

/// Whether CLDR really has names in this language (not the root fallback): the name of the
/// United States must differ from the English one, except for English itself.
fn names_for(lang: Language) -> (Language, CountryList) {
    let english = cldr_names("en").unwrap_or_default();
    let own = cldr_names(lang.code()).filter(|list| lang == Language::En || list != &english);
    let (used, mut list) = match own {
        Some(list) => (lang, list),
        None => (Language::Fr, cldr_names("fr").unwrap_or(english)),
    };
    sort(used, &mut list);
    (used, list)
}

/// In the language's collation order; by code point if the collator cannot load.
fn sort(lang: Language, list: &mut CountryList) {
    let collator =
        locale(lang.code()).and_then(|l| Collator::try_new((&l).into(), CollatorOptions::default()).ok());
    match collator {
        Some(c) => list.sort_by(|a, b| c.compare(&a.1, &b.1)),
        None => list.sort_by(|a, b| a.1.cmp(&b.1)),
    }
}

static LISTS: OnceLock<Vec<(Language, Language, CountryList)>> = OnceLock::new();

fn lists() -> &'static [(Language, Language, CountryList)] {
    LISTS.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|l| {
                let (used, list) = names_for(*l);
                (*l, used, list)
            })
            .collect()
    })
}

/// Every country, named and ordered for a reader of `lang`.
pub fn countries(lang: Language) -> &'static [(&'static str, String)] {
    lists().iter().find(|(l, _, _)| *l == lang).map_or(&[], |(_, _, list)| list.as_slice())
}

/// The language whose names `lang` readers see (French for Haitian Creole without CLDR names).
#[cfg(test)]
pub fn names_language(lang: Language) -> Language {
    lists().iter().find(|(l, _, _)| *l == lang).map_or(lang, |(_, used, _)| *used)
}

/// One country's name for a reader of `lang`; the code itself when unknown.
pub fn country_name(lang: Language, code: &str) -> String {
    countries(lang).iter().find(|(c, _)| *c == code).map_or_else(|| code.to_string(), |(_, n)| n.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_cldr_in_each_language() {
        assert_eq!(country_name(Language::En, "MX"), "Mexico");
        assert_eq!(country_name(Language::Es, "MX"), "México");
        assert_eq!(country_name(Language::Fr, "MX"), "Mexique");
        assert_eq!(country_name(Language::Pt, "DE"), "Alemanha");
        assert_eq!(countries(Language::Es).len(), COUNTRY_CODES.len());
    }

    #[test]
    fn lists_are_in_the_languages_alphabetical_order() {
        // Collation, not code points: "É" sorts with "E" (by code point it would follow "Z").
        let fr = countries(Language::Fr);
        let position = |name: &str| fr.iter().position(|(_, n)| n == name).expect(name);
        assert!(position("Dominique") < position("Égypte"));
        assert!(position("Égypte") < position("Espagne"));
        assert!(position("Espagne") < position("Zimbabwe"));
        let es = countries(Language::Es);
        let position = |name: &str| es.iter().position(|(_, n)| n == name).expect(name);
        assert!(position("Perú") < position("Polonia"), "{:?}", &es[170..190]);
    }

    #[test]
    fn haitian_creole_readers_get_cldr_names_or_the_french_ones() {
        let used = names_language(Language::Ht);
        // ICU4X's CLDR data has no Haitian Creole region names today: French it is.
        assert!(used == Language::Ht || used == Language::Fr);
        assert_ne!(country_name(Language::Ht, "US"), "United States");
    }
}
