//! A US address reduced to what identifies the place, so that `100 Main Street, Apt. 4` and
//! `100 MAIN ST APT 4` count as one address when many groups give it.

use super::name::NormalizedName;

/// The usual USPS abbreviations of street words and directions: each word on the left is
/// counted as the one on the right.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("street", "st"),
    ("avenue", "ave"),
    ("av", "ave"),
    ("road", "rd"),
    ("drive", "dr"),
    ("boulevard", "blvd"),
    ("lane", "ln"),
    ("court", "ct"),
    ("place", "pl"),
    ("highway", "hwy"),
    ("parkway", "pkwy"),
    ("circle", "cir"),
    ("terrace", "ter"),
    ("apartment", "apt"),
    ("suite", "ste"),
    ("unit", "apt"),
    ("north", "n"),
    ("south", "s"),
    ("east", "e"),
    ("west", "w"),
];

fn words(text: &str) -> String {
    NormalizedName::new(text)
        .parts()
        .iter()
        .map(|p| {
            ABBREVIATIONS
                .iter()
                .find(|(long, _)| *long == p.latin)
                .map_or(p.latin.as_str(), |(_, short)| short)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One text per place: street line, city, state and the five-digit ZIP, each normalized (case,
/// accents, punctuation, the usual abbreviations). The second address line (apartment) is left
/// out: a fraud ring gives one building with many unit numbers.
pub fn address_key(line1: &str, city: &str, state: &str, postal_code: &str) -> String {
    let zip: String = postal_code.chars().filter(char::is_ascii_digit).take(5).collect();
    format!("{}|{}|{}|{zip}", words(line1), words(city), state.trim().to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_of_one_address_does_not_matter() {
        let a = address_key("100 Main Street", "Brownsville", "TX", "78520");
        assert_eq!(a, address_key("100 MAIN ST.", "brownsville ", "tx", "78520-1234"));
        assert_eq!(a, "100 main st|brownsville|TX|78520");
        assert_eq!(
            address_key("5 North Avenue", "San José", "CA", "95112"),
            address_key("5 N. Ave", "SAN JOSE", "CA", "95112")
        );
        assert_ne!(a, address_key("102 Main Street", "Brownsville", "TX", "78520"));
        assert_ne!(a, address_key("100 Main Street", "Brownsville", "TX", "78521"));
    }
}
