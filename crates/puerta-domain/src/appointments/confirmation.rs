//! Appointment confirmation numbers: 10 Crockford base32 characters (50 random bits) and
//! Crockford's check symbol (the value modulo 37), e.g. `7K3M-9QXD-2H` + `T`.
//!
//! Easy to read aloud and to type on a phone: no I, L, O or U; typing `I`/`L` for 1, `O` for 0,
//! lower case, spaces and dashes are all accepted. Any one wrong character and any swap of two
//! neighbours is caught by the check symbol before a lookup (37 is prime and larger than the
//! alphabet, which is what makes both detections certain).

use std::fmt;

/// The 32 value symbols, then the 5 extra check symbols.
const SYMBOLS: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
const LENGTH: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConfirmationNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ConfirmationNumberError {
    #[error("a confirmation number has 10 characters and a check character")]
    Length,
    #[error("a confirmation number has letters and digits only")]
    Character,
    #[error("the check character does not match: a character was mistyped")]
    Check,
}

impl ConfirmationNumberError {
    /// The Fluent message that explains it.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Length => "error-confirmation-length",
            Self::Character => "error-confirmation-character",
            Self::Check => "error-confirmation-check",
        }
    }
}

/// The value of one typed character, with Crockford's forgiving reading.
fn value_of(c: char) -> Option<u64> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    SYMBOLS[..32].iter().position(|s| char::from(*s) == c).map(|p| p as u64)
}

impl ConfirmationNumber {
    /// A fresh number from 50 random bits given by `random` (the caller's CSPRNG).
    pub fn generate(random: u64) -> Self {
        Self::from_value(random & ((1 << 50) - 1))
    }

    fn from_value(value: u64) -> Self {
        let mut text = String::with_capacity(LENGTH + 1);
        for i in (0..LENGTH).rev() {
            text.push(char::from(SYMBOLS[usize::try_from((value >> (5 * i)) & 31).unwrap_or(0)]));
        }
        text.push(char::from(SYMBOLS[usize::try_from(value % 37).unwrap_or(0)]));
        Self(text)
    }

    /// Reads a typed number: case, spaces and dashes do not matter; the check symbol must agree.
    pub fn parse(input: &str) -> Result<Self, ConfirmationNumberError> {
        let chars: Vec<char> = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if chars.len() != LENGTH + 1 {
            return Err(ConfirmationNumberError::Length);
        }
        let mut value = 0u64;
        for c in &chars[..LENGTH] {
            value = (value << 5) | value_of(*c).ok_or(ConfirmationNumberError::Character)?;
        }
        let check = chars[LENGTH].to_ascii_uppercase();
        let check = match check {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let expected = char::from(SYMBOLS[usize::try_from(value % 37).unwrap_or(0)]);
        if !SYMBOLS.iter().any(|s| char::from(*s) == check) {
            return Err(ConfirmationNumberError::Character);
        }
        if check != expected {
            return Err(ConfirmationNumberError::Check);
        }
        Ok(Self::from_value(value))
    }

    /// The canonical 11 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For reading aloud and printing: `7K3M-9QXD-2HT`.
    pub fn grouped(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

impl fmt::Display for ConfirmationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_number_reads_back_in_every_typed_form() {
        let n = ConfirmationNumber::generate(0x2_1234_5678_9ABC);
        assert_eq!(n.as_str().len(), 11);
        assert_eq!(ConfirmationNumber::parse(n.as_str()), Ok(n.clone()));
        assert_eq!(ConfirmationNumber::parse(&n.grouped()), Ok(n.clone()));
        assert_eq!(ConfirmationNumber::parse(&n.grouped().to_lowercase()), Ok(n.clone()));
        let zero = ConfirmationNumber::generate(0);
        assert_eq!(zero.as_str(), "00000000000");
        assert_eq!(ConfirmationNumber::parse("oooo-oooo-ooo"), Ok(zero));
    }

    #[test]
    fn bad_shapes_are_named() {
        assert_eq!(ConfirmationNumber::parse("123"), Err(ConfirmationNumberError::Length));
        assert_eq!(ConfirmationNumber::parse("0000000000U0"), Err(ConfirmationNumberError::Length));
        assert_eq!(ConfirmationNumber::parse("000000000U0"), Err(ConfirmationNumberError::Character));
    }

    proptest! {
        #[test]
        fn any_single_wrong_character_is_caught(random in any::<u64>(), at in 0usize..11, replacement in 0usize..37) {
            let n = ConfirmationNumber::generate(random);
            let mut chars: Vec<char> = n.as_str().chars().collect();
            let new = char::from(SYMBOLS[replacement]);
            prop_assume!(chars[at] != new && !(at < 10 && replacement >= 32));
            chars[at] = new;
            let typed: String = chars.into_iter().collect();
            prop_assert!(ConfirmationNumber::parse(&typed).is_err(), "{typed} passed for {n}");
        }

        #[test]
        fn any_swap_of_two_neighbours_is_caught(random in any::<u64>(), at in 0usize..10) {
            let n = ConfirmationNumber::generate(random);
            let mut chars: Vec<char> = n.as_str().chars().collect();
            prop_assume!(chars[at] != chars[at + 1]);
            chars.swap(at, at + 1);
            let typed: String = chars.into_iter().collect();
            prop_assert!(ConfirmationNumber::parse(&typed).is_err(), "{typed} passed for {n}");
        }
    }
}
