use std::collections::HashSet;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::full_name::is_invisible;

/// A password a person chose, checked against the policy (NIST SP 800-63B, as Login.gov applies
/// it): 12 to 128 characters, any characters, no composition rules, not a common password, and
/// hard to guess by estimate (zxcvbn score 3 or more, knowing the person's email and name).
/// Invisible characters (zero-width spaces, joiners, …) count for nothing in the length and the
/// estimate, but the password is kept exactly as typed. Never logged: `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("error-password-too-short")]
    TooShort,
    #[error("error-password-too-long")]
    TooLong,
    #[error("error-password-common")]
    Common,
    /// Long enough, but easy to guess: repeats, keyboard rows, sequences, the person's own
    /// email or name, "puerta".
    #[error("error-password-weak")]
    Weak,
}

/// What we know about the person choosing the password, so that it cannot be built from it.
/// Raw input is fine: each part is only used as words to avoid.
#[derive(Clone, Copy, Default)]
pub struct PasswordContext<'a> {
    pub email: &'a str,
    pub name: &'a str,
}

impl PasswordContext<'_> {
    /// Words an attacker who knows the person would try first: the email, its local part and
    /// the pieces of both, the name, its words and the name run together, and "puerta".
    /// The most obvious first: zxcvbn ranks each word by its place in the list.
    fn words(&self) -> Vec<String> {
        let email = self.email.trim().to_lowercase();
        let name = self.name.trim().to_lowercase();
        let mut words = vec![email.clone(), name.clone(), name.split_whitespace().collect()];
        if let Some((local, domain)) = email.rsplit_once('@') {
            words.push(local.to_string());
            words.extend(local.split(['.', '_', '-', '+']).map(str::to_string));
            words.extend(domain.split('.').next().map(str::to_string));
        }
        words.extend(name.split_whitespace().map(str::to_string));
        words.extend(["puerta", "cbpone", "cbp"].map(str::to_string));
        // "Pérez" is also typed "perez", and "ana.perez" also "anaperez".
        let plain: Vec<String> = words
            .iter()
            .flat_map(|w| [without_accents(w), w.chars().filter(|c| c.is_alphanumeric()).collect()])
            .collect();
        words.extend(plain);
        let mut seen = HashSet::new();
        words.retain(|w| w.chars().count() >= 3 && seen.insert(w.clone()));
        words
    }
}

fn without_accents(word: &str) -> String {
    word.nfd().filter(|&c| !is_combining_mark(c)).collect()
}

/// Below this zxcvbn score (0–4) a password is refused: 3 means an estimated 10^8 guesses or
/// more, beyond what an online attacker gets and costly offline against argon2id.
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// Bundled list of common and breached passwords; provenance in `data/PROVENANCE.md`.
static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../../data/common-passwords.txt").lines().map(str::trim).collect());

pub fn common_password_count() -> usize {
    COMMON.len()
}

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(input: &str, context: &PasswordContext<'_>) -> Result<Self, PasswordError> {
        if input.chars().count() > Self::MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        let visible: String = input.chars().filter(|&c| !is_invisible(c)).collect();
        if visible.chars().count() < Self::MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if COMMON.contains(visible.trim().to_lowercase().as_str()) {
            return Err(PasswordError::Common);
        }
        let words = context.words();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if zxcvbn::zxcvbn(&visible, &words).score() < MIN_SCORE {
            return Err(PasswordError::Weak);
        }
        Ok(Self(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([hidden])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANA: PasswordContext<'static> =
        PasswordContext { email: "ana.perez@example.org", name: "Ana Pérez" };

    fn check(password: &str) -> Result<(), PasswordError> {
        NewPassword::parse(password, &ANA).map(|_| ())
    }

    #[test]
    fn the_bundled_list_has_at_least_ten_thousand_entries() {
        assert!(common_password_count() >= 10_000, "{}", common_password_count());
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert_eq!(check("ñññññññññññ"), Err(PasswordError::TooShort));
        assert_eq!(check("ñandú caminó lejos del río"), Ok(()));
        assert_eq!(check(&"x".repeat(129)), Err(PasswordError::TooLong));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        let long_common = COMMON.iter().find(|p| p.chars().count() >= 12).expect("a long common password");
        assert_eq!(check(long_common), Err(PasswordError::Common));
        assert_eq!(check(&long_common.to_uppercase()), Err(PasswordError::Common));
    }

    #[test]
    fn easy_to_guess_passwords_are_refused_by_estimate() {
        for weak in [
            "aaaaaaaaaaaa",
            "123456789012",
            "passwordpassword",
            "qwertyuiopasdf",
            "puertapuerta",
            "PuertaPuerta2024",
            "            ",
            "abcdefghijklmn",
            "ana.perez@example.org",
            "Ana.Perez@Example.ORG",
            "anaperez2024",
        ] {
            assert!(
                matches!(check(weak), Err(PasswordError::Weak | PasswordError::Common)),
                "{weak:?}: {:?}",
                check(weak)
            );
        }
        assert_eq!(check("aaaaaaaaaaaa"), Err(PasswordError::Weak));
        assert_eq!(check("puertapuerta"), Err(PasswordError::Weak));
        assert_eq!(check("ana.perez@example.org"), Err(PasswordError::Weak));
    }

    #[test]
    fn the_persons_own_email_and_name_count_against_the_password() {
        // Strong enough for a stranger, but built from this person's address and name.
        let other = PasswordContext { email: "luis@example.org", name: "Luis Díaz" };
        let own = "zorrilla.mendoza@example.net";
        let zorrilla = PasswordContext { email: own, name: "Carmen Zorrilla Mendoza" };
        assert!(NewPassword::parse(own, &other).is_ok());
        assert_eq!(NewPassword::parse(own, &zorrilla).map(|_| ()), Err(PasswordError::Weak));
        for built in ["Carmen Zorrilla Mendoza", "carmenzorrillamendoza", "zorrilla.mendoza"] {
            assert!(NewPassword::parse(built, &other).is_ok(), "{built}");
            assert_eq!(NewPassword::parse(built, &zorrilla).map(|_| ()), Err(PasswordError::Weak), "{built}");
        }
    }

    #[test]
    fn invisible_characters_count_for_nothing() {
        assert_eq!(check(&"\u{200B}".repeat(12)), Err(PasswordError::TooShort));
        assert_eq!(check(&"\u{200B}".repeat(128)), Err(PasswordError::TooShort));
        assert_eq!(check(&"\u{200B}".repeat(129)), Err(PasswordError::TooLong));
        // Zero-width characters between the letters do not hide a weak password.
        let padded: String = "aaaaaaaaaaaa".chars().flat_map(|c| [c, '\u{200B}', '\u{FEFF}']).collect();
        assert_eq!(check(&padded), Err(PasswordError::Weak));
        let short: String = "aaaaaaa".chars().flat_map(|c| [c, '\u{2060}']).collect();
        assert_eq!(check(&short), Err(PasswordError::TooShort));
    }

    #[test]
    fn a_good_passphrase_is_accepted_and_kept_as_typed() {
        for good in
            ["correct horse battery staple river", "a long river of stars", "Tres perros azules cantan"]
        {
            assert_eq!(check(good), Ok(()), "{good}");
        }
        let typed = "correct horse\u{200B} battery staple river";
        assert_eq!(NewPassword::parse(typed, &ANA).map(|p| p.expose().to_string()), Ok(typed.to_string()));
    }

    #[test]
    fn an_empty_context_still_estimates() {
        assert_eq!(
            NewPassword::parse("qwertyuiopasdf", &PasswordContext::default()).map(|_| ()),
            Err(PasswordError::Weak)
        );
        assert!(
            NewPassword::parse("correct horse battery staple river", &PasswordContext::default()).is_ok()
        );
    }

    #[test]
    fn debug_never_shows_the_password() {
        let p = NewPassword::parse("correct horse battery staple", &ANA).expect("valid");
        assert!(!format!("{p:?}").contains("horse"));
    }
}
