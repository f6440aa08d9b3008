//! Names as a screening list and a traveler give them, made comparable: any script to Latin
//! letters, accents and case gone, punctuation out, and the order of the parts set aside.
//!
//! Normalization: Unicode NFKD with combining marks dropped (`José` → `jose`), then each
//! remaining non-ASCII character transliterated (`any_ascii`: Cyrillic `Пётр` → `petr`, Arabic,
//! Greek, Han…), lowercased; hyphens, commas, dots and spaces separate parts, apostrophes join
//! them (`O'Connor` → `oconnor`). Names are compared as sets of parts, so `PEREZ GARCIA, Jose
//! Maria` and `José María Pérez García` are the same name, and a missing middle name still
//! matches.
//!
//! Arabic and Hebrew are written without most vowels, so a part from those scripts is compared
//! by its consonant skeleton (`محمد` → `mhmd`, `Mohammed` → `mhmd`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Two names match from this similarity (0–1) up: the mean Jaro-Winkler similarity of their
/// paired parts. 0.90 keeps one-letter slips in long names (`Rodrigues`/`Rodriguez`) and
/// transliteration variants (`Dmitriy`/`Dmitrii`) while two different names fall well below.
pub const NAME_MATCH_THRESHOLD: f64 = 0.90;

/// Every paired part must be at least this similar: one strong surname cannot carry a name
/// whose other parts differ.
pub const PART_MATCH_MINIMUM: f64 = 0.80;

/// When the longer name has parts the shorter lacks, every pair must be at least this similar
/// (nearly the same spelling): otherwise `Marie Joseph` would pass for `Jose Maria Perez
/// Garcia` on its two given names alone.
pub const PART_MATCH_MINIMUM_WITH_GAPS: f64 = 0.95;

/// The longer name may have at most this many parts the shorter one lacks (a middle name, a
/// second surname).
pub const MAX_UNPAIRED_PARTS: usize = 2;

/// One part of a name, in Latin letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePart {
    pub latin: String,
    /// Written in an abjad (Arabic, Hebrew): compared by consonants.
    pub abjad: bool,
}

/// A name ready for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedName {
    parts: Vec<NamePart>,
}

fn is_abjad(c: char) -> bool {
    matches!(u32::from(c),
        0x0590..=0x05FF | 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´')
}

/// Collects parts letter by letter.
#[derive(Default)]
struct Parts {
    done: Vec<NamePart>,
    current: String,
    abjad: bool,
}

impl Parts {
    fn push(&mut self, latin: char) {
        if latin.is_ascii_alphanumeric() {
            self.current.push(latin.to_ascii_lowercase());
        } else if !is_apostrophe(latin) {
            self.end();
        }
    }

    fn end(&mut self) {
        if !self.current.is_empty() {
            self.done.push(NamePart { latin: std::mem::take(&mut self.current), abjad: self.abjad });
        }
        self.abjad = false;
    }
}

impl NormalizedName {
    pub fn new(raw: &str) -> Self {
        let mut parts = Parts::default();
        for c in raw.nfkd() {
            if is_combining_mark(c) || is_apostrophe(c) {
                continue;
            }
            if c.is_ascii() {
                parts.push(c);
            } else {
                parts.abjad |= is_abjad(c);
                any_ascii::any_ascii_char(c).chars().for_each(|l| parts.push(l));
            }
        }
        parts.end();
        Self { parts: parts.done }
    }

    pub fn parts(&self) -> &[NamePart] {
        &self.parts
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The parts in their order, joined by spaces (what is stored and shown).
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.latin.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// The parts sorted: equal for the same name in any order (the key of "the same person").
    pub fn key(&self) -> String {
        let mut parts: Vec<&str> = self.parts.iter().map(|p| p.latin.as_str()).collect();
        parts.sort_unstable();
        parts.join(" ")
    }
}

/// Vowels (and the letters abjads use for long vowels) out, doubled letters once.
fn skeleton(latin: &str) -> String {
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w')) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn part_similarity(a: &NamePart, b: &NamePart) -> f64 {
    if a.abjad || b.abjad {
        let (x, y) = (skeleton(&a.latin), skeleton(&b.latin));
        if x.is_empty() || y.is_empty() {
            return 0.0;
        }
        strsim::jaro_winkler(&x, &y)
    } else {
        strsim::jaro_winkler(&a.latin, &b.latin)
    }
}

/// How alike two names are, 0–1, regardless of the order of their parts: each part of the
/// shorter name is paired with the most similar unpaired part of the longer one (the best pair
/// first), and the score is the pairs' mean. 0 when the names cannot be the same: a single part
/// against several, more than [`MAX_UNPAIRED_PARTS`] left over, or a pair under
/// [`PART_MATCH_MINIMUM`] ([`PART_MATCH_MINIMUM_WITH_GAPS`] when parts are left over).
pub fn name_similarity(a: &NormalizedName, b: &NormalizedName) -> f64 {
    let (short, long) = if a.parts.len() <= b.parts.len() { (a, b) } else { (b, a) };
    let (s, l) = (short.parts.len(), long.parts.len());
    if s == 0 || l - s > MAX_UNPAIRED_PARTS || (s == 1 && l > 1) {
        return 0.0;
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::with_capacity(s * l);
    for (i, x) in short.parts.iter().enumerate() {
        for (j, y) in long.parts.iter().enumerate() {
            pairs.push((part_similarity(x, y), i, j));
        }
    }
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0));
    let (mut short_used, mut long_used) = (vec![false; s], vec![false; l]);
    let (mut total, mut weakest, mut paired) = (0.0, 1.0_f64, 0);
    for (score, i, j) in pairs {
        if short_used[i] || long_used[j] {
            continue;
        }
        short_used[i] = true;
        long_used[j] = true;
        total += score;
        weakest = weakest.min(score);
        paired += 1;
    }
    let minimum = if l > s { PART_MATCH_MINIMUM_WITH_GAPS } else { PART_MATCH_MINIMUM };
    if paired < s || weakest < minimum {
        return 0.0;
    }
    total / f64::from(u32::try_from(s).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        name_similarity(&NormalizedName::new(a), &NormalizedName::new(b))
    }

    #[test]
    fn accents_case_punctuation_and_scripts_are_normalized() {
        assert_eq!(NormalizedName::new("  José  María PÉREZ-García ").text(), "jose maria perez garcia");
        assert_eq!(NormalizedName::new("Seán O'Connor").text(), "sean oconnor");
        assert_eq!(NormalizedName::new("Ngô Bảo Châu").text(), "ngo bao chau");
        assert_eq!(NormalizedName::new("Владимир Петров").text(), "vladimir petrov");
        assert_eq!(NormalizedName::new("Jürgen Groß").text(), "jurgen gross");
        assert!(NormalizedName::new("محمد").parts()[0].abjad);
        assert!(NormalizedName::new("?? --").is_empty());
    }

    #[test]
    fn the_same_name_in_another_order_and_spelling_matches() {
        assert!(sim("José María Pérez García", "PEREZ GARCIA, Jose Maria") > 0.99);
        assert!(sim("Jean-Baptiste Éloi", "Eloi Jean Baptiste") > 0.99);
        assert!(sim("José Pérez García", "PEREZ GARCIA, Jose Maria") > 0.99, "a missing middle name");
        assert!(sim("Maria Rodrigues", "María Rodríguez") >= NAME_MATCH_THRESHOLD);
        assert_eq!(
            NormalizedName::new("José María Pérez García").key(),
            NormalizedName::new("PEREZ GARCIA, Jose Maria").key()
        );
    }

    #[test]
    fn cyrillic_and_arabic_are_compared_in_latin_letters() {
        assert!(sim("Владимир Иванович Петров", "PETROV, Vladimir") > 0.99);
        assert!(sim("Дмитрий Соколов", "Dmitriy Sokolov") >= NAME_MATCH_THRESHOLD);
        assert!(sim("محمد حسن", "Mohamed Hassan") >= NAME_MATCH_THRESHOLD);
        assert!(sim("محمد حسن", "Hassan Mohammed") >= NAME_MATCH_THRESHOLD);
        assert!(sim("محمد حسن", "Samir Khalil") < NAME_MATCH_THRESHOLD);
    }

    #[test]
    fn a_different_person_does_not_match() {
        assert!(sim("Ana Lucía Torres", "José María Pérez García") < NAME_MATCH_THRESHOLD);
        assert!(sim("Marie Joseph", "Jean Pierre") < NAME_MATCH_THRESHOLD);
        assert!(
            sim("Marie Joseph", "PEREZ GARCIA, Jose Maria") < NAME_MATCH_THRESHOLD,
            "given names alike, no surname"
        );
        assert!(sim("Pérez", "José María Pérez García") < NAME_MATCH_THRESHOLD, "a surname alone");
        assert!(sim("José Pérez", "José Pérez Luis Ana Gómez") < NAME_MATCH_THRESHOLD, "too many left over");
        assert_eq!(sim("", "José"), 0.0);
    }

    proptest! {
        #[test]
        fn order_and_case_never_matter(parts in proptest::collection::vec("[A-Za-zÀ-ÿ]{2,10}", 1..5), rotate in 0usize..5) {
            let name = parts.join(" ");
            let mut turned = parts.clone();
            let by = rotate % turned.len();
            turned.rotate_left(by);
            let other = turned.join(", ").to_uppercase();
            let (a, b) = (NormalizedName::new(&name), NormalizedName::new(&other));
            prop_assume!(!a.is_empty());
            prop_assert_eq!(a.key(), b.key());
            prop_assert!(name_similarity(&a, &b) > 0.999);
        }

        #[test]
        fn similarity_is_symmetric_and_between_0_and_1(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            let (x, y) = (NormalizedName::new(&a), NormalizedName::new(&b));
            let (s, t) = (name_similarity(&x, &y), name_similarity(&y, &x));
            prop_assert!((0.0..=1.0).contains(&s));
            prop_assert!((s - t).abs() < 1e-9);
        }
    }
}
