//! Case reference numbers: the receipt number a traveler keeps, types back and reads out.
//!
//! Same shape as a USCIS receipt number (3 letters + 10 digits, e.g. `IOE0912345678`), which this
//! audience already knows. The nine digits after the prefix are random — supplied by the caller, so
//! the domain stays pure — and the tenth is a Damm check digit over them, so a mistyped number is
//! refused before any lookup. Uniqueness is the store's job (a unique index, retry on conflict);
//! 10⁹ numbers per prefix keep a guess from landing on a real case.

use std::fmt;
use std::str::FromStr;

use super::damm;

/// The three letters in front of every number: exactly three ASCII letters, kept upper case.
/// Configurable per deployment (default `PUE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReferencePrefix([u8; 3]);

/// A prefix from configuration is not three ASCII letters. Shown to operators only, so in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a reference number prefix is exactly three ASCII letters, like PUE")]
pub struct ReferencePrefixError;

impl ReferencePrefix {
    pub const DEFAULT: ReferencePrefix = ReferencePrefix(*b"PUE");

    pub fn parse(input: &str) -> Result<Self, ReferencePrefixError> {
        match input.trim().as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => {
                Ok(Self([a, b, c].map(|l| l.to_ascii_uppercase())))
            }
            _ => Err(ReferencePrefixError),
        }
    }

    pub fn as_str(&self) -> &str {
        // Three ASCII letters, checked when the prefix was made.
        std::str::from_utf8(&self.0).unwrap_or("PUE")
    }
}

impl Default for ReferencePrefix {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl fmt::Display for ReferencePrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A valid reference number: prefix, nine random digits, one Damm check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReferenceNumber([u8; ReferenceNumber::LEN]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// Not 3 letters followed by 10 digits (after removing spaces and dashes).
    #[error("error-reference-format")]
    Format,
    /// The right shape, but the last digit does not match: a typing mistake.
    #[error("error-reference-check-digit")]
    CheckDigit,
}

impl ReferenceNumber {
    /// Characters in the canonical form: 3 letters + 10 digits.
    pub const LEN: usize = 13;
    /// Random digits before the check digit.
    pub const RANDOM_DIGITS: usize = 9;

    /// A new number from nine random digits drawn with `next_digit`.
    ///
    /// Any source works: a value of 250 or more is drawn again and the rest are taken modulo 10,
    /// so random bytes give evenly spread digits (250 is the largest multiple of 10 below 256) and
    /// a source of digits 0–9 is used as it is. The first digit may be 0.
    pub fn generate(prefix: ReferencePrefix, mut next_digit: impl FnMut() -> u8) -> Self {
        let mut digits = [0u8; Self::RANDOM_DIGITS];
        for slot in &mut digits {
            *slot = loop {
                let value = next_digit();
                if value < 250 {
                    break value % 10;
                }
            };
        }
        Self::from_digits(prefix, digits)
    }

    /// The number for these nine digits (each taken modulo 10), with its check digit.
    pub fn from_digits(prefix: ReferencePrefix, digits: [u8; Self::RANDOM_DIGITS]) -> Self {
        let digits = digits.map(|d| d % 10);
        let mut bytes = [0u8; Self::LEN];
        bytes[..3].copy_from_slice(&prefix.0);
        for (slot, d) in bytes[3..12].iter_mut().zip(digits) {
            *slot = b'0' + d;
        }
        bytes[12] = b'0' + damm::check_digit(&digits);
        Self(bytes)
    }

    /// Reads a number as people type it: any case, with spaces or dashes anywhere (`pue-4829 3017
    /// 58`). The check digit is verified here, so a typing mistake never reaches a lookup.
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let compact: Vec<char> = input.chars().filter(|&c| !is_separator(c)).collect();
        if compact.len() != Self::LEN {
            return Err(ReferenceError::Format);
        }
        let (letters, digits) = compact.split_at(3);
        if !letters.iter().all(char::is_ascii_alphabetic) || !digits.iter().all(char::is_ascii_digit) {
            return Err(ReferenceError::Format);
        }
        let mut bytes = [0u8; Self::LEN];
        for (slot, c) in bytes.iter_mut().zip(&compact) {
            // ASCII, checked above.
            *slot = (*c as u8).to_ascii_uppercase();
        }
        let values: Vec<u8> = bytes[3..].iter().map(|b| b - b'0').collect();
        if !damm::is_valid(&values) {
            return Err(ReferenceError::CheckDigit);
        }
        Ok(Self(bytes))
    }

    /// The canonical form, `PUE4829301758`: what is stored, sent in the API and put in QR codes.
    pub fn as_str(&self) -> &str {
        // ASCII letters and digits only, by construction.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    pub fn prefix(&self) -> ReferencePrefix {
        ReferencePrefix([self.0[0], self.0[1], self.0[2]])
    }

    /// For printing and reading aloud: `PUE 4829 3017 58`. [`ReferenceNumber::parse`] reads it back.
    pub fn grouped(&self) -> String {
        let s = self.as_str();
        format!("{} {} {} {}", &s[..3], &s[3..7], &s[7..11], &s[11..])
    }
}

/// What people put between groups of characters: spaces of any kind and dashes of any kind
/// (phones turn `-` into `–` or `‑`).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FF0D}')
}

impl fmt::Display for ReferenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReferenceNumber {
    type Err = ReferenceError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl serde::Serialize for ReferenceNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// SplitMix64: a small, seeded generator so the exhaustive tests see the same numbers each run.
    struct SplitMix(u64);

    impl SplitMix {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn byte(&mut self) -> u8 {
            self.next().to_le_bytes()[0]
        }
    }

    fn with_digits(number: &ReferenceNumber, digits: &[u8; 10]) -> String {
        let mut s = number.prefix().to_string();
        s.extend(digits.iter().map(|d| char::from(b'0' + d)));
        s
    }

    fn digits_of(number: &ReferenceNumber) -> [u8; 10] {
        let mut digits = [0u8; 10];
        for (slot, b) in digits.iter_mut().zip(&number.as_str().as_bytes()[3..]) {
            *slot = b - b'0';
        }
        digits
    }

    #[test]
    fn display_is_canonical_and_grouped_is_for_print() {
        let number = ReferenceNumber::from_digits(ReferencePrefix::DEFAULT, [4, 8, 2, 9, 3, 0, 1, 7, 5]);
        assert_eq!(number.to_string(), "PUE4829301758");
        assert_eq!(number.grouped(), "PUE 4829 3017 58");
        assert_eq!(ReferenceNumber::parse("PUE4829301758"), Ok(number));
        // The example in the brief for this work, with a wrong last digit: caught.
        assert_eq!(ReferenceNumber::parse("PUE4829301756"), Err(ReferenceError::CheckDigit));
    }

    #[test]
    fn typed_forms_are_accepted() {
        let number = ReferenceNumber::from_digits(ReferencePrefix::DEFAULT, [4, 8, 2, 9, 3, 0, 1, 7, 5]);
        for typed in [
            "pue4829301758",
            " PUE 4829 3017 58 ",
            "pue-4829-3017-58",
            "Pue 482-930-175-8",
            "PUE\u{00A0}4829\u{2013}3017\u{2011}58",
            "P U E 4 8 2 9 3 0 1 7 5 8",
        ] {
            assert_eq!(ReferenceNumber::parse(typed), Ok(number), "{typed:?}");
        }
    }

    #[test]
    fn wrong_shapes_are_format_errors() {
        for bad in [
            "",
            "PUE",
            "PUE482930175",
            "PUE48293017566",
            "PU4829301756",
            "PUEE4829301756",
            "1234829301756",
            "PUE48293O1756",
            "PUE4829301756.",
            "PUÉ4829301756",
            "PUE４829301756",
            "PUE_4829301756",
        ] {
            assert_eq!(ReferenceNumber::parse(bad), Err(ReferenceError::Format), "{bad:?}");
        }
    }

    #[test]
    fn generated_numbers_may_start_with_zero_and_use_the_prefix() {
        let prefix = ReferencePrefix::parse("ioe").unwrap();
        let number = ReferenceNumber::generate(prefix, || 0);
        assert_eq!(number.as_str(), "IOE0000000000");
        assert_eq!(number.prefix(), prefix);
        // Values of 250 and more are drawn again; the rest are reduced modulo 10.
        let mut source = [255u8, 250, 13, 9, 10, 21, 32, 43, 54, 65, 76, 87].into_iter();
        let number = ReferenceNumber::generate(ReferencePrefix::DEFAULT, || source.next().unwrap());
        assert_eq!(&number.as_str()[3..12], "390123456");
        assert!(ReferenceNumber::parse(number.as_str()).is_ok());
    }

    #[test]
    fn random_bytes_give_every_digit_about_equally() {
        let mut rng = SplitMix(7);
        let mut counts = [0u32; 10];
        for _ in 0..2_000 {
            let number = ReferenceNumber::generate(ReferencePrefix::DEFAULT, || rng.byte());
            for d in &digits_of(&number)[..9] {
                counts[usize::from(*d)] += 1;
            }
        }
        // 18,000 digits: 1,800 expected each; ±10% is more than 7 standard deviations.
        assert!(counts.iter().all(|&c| (1_620..=1_980).contains(&c)), "{counts:?}");
    }

    #[test]
    fn prefix_is_exactly_three_ascii_letters() {
        assert_eq!(ReferencePrefix::default().as_str(), "PUE");
        assert_eq!(ReferencePrefix::parse(" abc ").map(|p| p.to_string()), Ok("ABC".into()));
        for bad in ["", "PU", "PUER", "PU1", "P E", "ÑUE", "PUÉ", "123", "P-E"] {
            assert_eq!(ReferencePrefix::parse(bad), Err(ReferencePrefixError), "{bad:?}");
        }
    }

    /// For thousands of numbers: every one of the 90 single-digit changes and every swap of two
    /// different neighbouring digits (check digit included) is refused as a check-digit error.
    #[test]
    fn every_single_digit_error_and_adjacent_transposition_is_caught() {
        let mut rng = SplitMix(2024);
        let mut checked = 0u32;
        for _ in 0..5_000 {
            let number = ReferenceNumber::generate(ReferencePrefix::DEFAULT, || rng.byte());
            let digits = digits_of(&number);
            assert_eq!(ReferenceNumber::parse(&with_digits(&number, &digits)), Ok(number));
            for position in 0..10 {
                for replacement in 0..10 {
                    if replacement == digits[position] {
                        continue;
                    }
                    let mut typo = digits;
                    typo[position] = replacement;
                    assert_eq!(
                        ReferenceNumber::parse(&with_digits(&number, &typo)),
                        Err(ReferenceError::CheckDigit),
                        "{number} with digit {position} → {replacement}"
                    );
                    checked += 1;
                }
            }
            for position in 0..9 {
                if digits[position] == digits[position + 1] {
                    continue;
                }
                let mut swapped = digits;
                swapped.swap(position, position + 1);
                assert_eq!(
                    ReferenceNumber::parse(&with_digits(&number, &swapped)),
                    Err(ReferenceError::CheckDigit),
                    "{number} with digits {position} and {} swapped",
                    position + 1
                );
                checked += 1;
            }
        }
        assert!(checked > 5_000 * 90);
    }

    proptest! {
        #[test]
        fn numbers_round_trip(
            letters in "[A-Za-z]{3}",
            digits in proptest::array::uniform9(0u8..10),
        ) {
            let prefix = ReferencePrefix::parse(&letters).unwrap();
            let number = ReferenceNumber::from_digits(prefix, digits);
            prop_assert_eq!(ReferenceNumber::parse(number.as_str()), Ok(number));
            prop_assert_eq!(ReferenceNumber::parse(&number.grouped()), Ok(number));
            prop_assert_eq!(ReferenceNumber::parse(&number.as_str().to_lowercase()), Ok(number));
            prop_assert_eq!(number.as_str().len(), ReferenceNumber::LEN);
            prop_assert_eq!(number.prefix(), prefix);
        }

        #[test]
        fn parsing_never_panics(input in "\\PC{0,20}") {
            let _ = ReferenceNumber::parse(&input);
        }
    }
}
