//! A traveler's profile: the advance information for one person of a group.
//!
//! [`TravelerProfile::parse`] checks every field and reports **all** problems at once, under the
//! field names the API uses, so a page can mark each field and the API can return one 422.

use chrono::NaiveDate;
use puerta_i18n::Language;

use super::{
    CountryCode, DateOfBirth, DocumentNumber, DocumentType, FieldErrors, Gender, IdentityDocument,
    PersonName, TextLine, parse_expiry_date,
};
use crate::accounts::{EmailAddress, PhoneNumber};

/// The message id for a language that is not one of ours (the same as on the account pages).
const LANGUAGE_INVALID: &str = "error-language-invalid";

/// What a form or API body sends for a traveler. Optional fields may be absent or blank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TravelerInput {
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub nationality: String,
    pub country_of_birth: String,
    pub city_of_birth: String,
    pub country_of_residence: String,
    pub gender: Option<String>,
    /// A language code (`es`, `es-MX`, …).
    pub language: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub document: Option<DocumentInput>,
}

/// What is sent for `document`: `{type, number, issuing_country, expiry_date?}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentInput {
    /// `document.type` in the API (`type` is a keyword here).
    pub kind: String,
    pub number: String,
    pub issuing_country: String,
    pub expiry_date: Option<String>,
}

/// A valid traveler profile. Every field is a validated type, so one that exists is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelerProfile {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub nationality: CountryCode,
    pub country_of_birth: CountryCode,
    pub city_of_birth: TextLine,
    pub country_of_residence: CountryCode,
    pub gender: Option<Gender>,
    pub language: Language,
    pub phone: Option<PhoneNumber>,
    pub email: Option<EmailAddress>,
    pub document: Option<IdentityDocument>,
}

/// A field name and the Fluent id of a notice that is not an error (shown to the officer, and to
/// the traveler on "check your answers").
pub type Notice = (&'static str, &'static str);

/// The notice for an identity document past its expiry date.
pub const NOTICE_DOCUMENT_EXPIRED: Notice = ("document.expiry_date", "notice-document-expired");

/// `Some(trimmed)` for a value that was given, `None` for absent or blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Parses an optional field: absent → `Some(None)`, valid → `Some(Some(v))`, invalid → `None`
/// (and its error recorded).
fn optional<T, E: ToString>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &Option<String>,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Option<Option<T>> {
    match given(value) {
        Some(v) => errors.check(field, parse(v)).map(Some),
        None => Some(None),
    }
}

impl TravelerProfile {
    /// Validates `input` as of `today` (the date where the traveler is). Every problem is
    /// reported, in form order.
    pub fn parse(input: &TravelerInput, today: NaiveDate) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let given_name = e.check("given_name", PersonName::parse(&input.given_name));
        let family_name = e.check("family_name", PersonName::parse(&input.family_name));
        let date_of_birth = e.check("date_of_birth", DateOfBirth::parse(&input.date_of_birth, today));
        let nationality = e.check("nationality", CountryCode::parse(&input.nationality));
        let country_of_birth = e.check("country_of_birth", CountryCode::parse(&input.country_of_birth));
        let city_of_birth = e.check("city_of_birth", TextLine::parse(&input.city_of_birth));
        let country_of_residence =
            e.check("country_of_residence", CountryCode::parse(&input.country_of_residence));
        let gender = optional(&mut e, "gender", &input.gender, Gender::parse);
        let language = e.check("language", Language::parse(&input.language).ok_or(LANGUAGE_INVALID));
        let phone = optional(&mut e, "phone", &input.phone, PhoneNumber::parse);
        let email = optional(&mut e, "email", &input.email, EmailAddress::parse);
        let document = match &input.document {
            Some(document) => parse_document(&mut e, document, today).map(Some),
            None => Some(None),
        };
        let parsed = (|| {
            Some(Self {
                given_name: given_name?,
                family_name: family_name?,
                date_of_birth: date_of_birth?,
                nationality: nationality?,
                country_of_birth: country_of_birth?,
                city_of_birth: city_of_birth?,
                country_of_residence: country_of_residence?,
                gender: gender?,
                language: language?,
                phone: phone?,
                email: email?,
                document: document?,
            })
        })();
        match parsed {
            Some(profile) if e.is_empty() => Ok(profile),
            _ => Err(e),
        }
    }

    /// What is worth pointing out without refusing it (an expired document).
    pub fn notices(&self, today: NaiveDate) -> Vec<Notice> {
        let mut notices = Vec::new();
        if self.document.as_ref().is_some_and(|d| d.is_expired(today)) {
            notices.push(NOTICE_DOCUMENT_EXPIRED);
        }
        notices
    }
}

fn parse_document(e: &mut FieldErrors, input: &DocumentInput, today: NaiveDate) -> Option<IdentityDocument> {
    let kind = e.check("document.type", DocumentType::parse(&input.kind));
    let number = e.check("document.number", DocumentNumber::parse(&input.number));
    let issuing_country = e.check("document.issuing_country", CountryCode::parse(&input.issuing_country));
    let expires_on = optional(e, "document.expiry_date", &input.expiry_date, |v| parse_expiry_date(v, today));
    Some(IdentityDocument {
        kind: kind?,
        number: number?,
        issuing_country: issuing_country?,
        expires_on: expires_on?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
    }

    fn valid() -> TravelerInput {
        TravelerInput {
            given_name: "María José".into(),
            family_name: "Pérez Núñez".into(),
            date_of_birth: "1990-07-04".into(),
            nationality: "ve".into(),
            country_of_birth: "VE".into(),
            city_of_birth: "Maracaibo".into(),
            country_of_residence: "MX".into(),
            gender: Some("non_binary".into()),
            language: "es-MX".into(),
            phone: Some("+52 55 1234 5678".into()),
            email: Some(" Maria@Example.org ".into()),
            document: Some(DocumentInput {
                kind: "passport".into(),
                number: "ab 123 456".into(),
                issuing_country: "VE".into(),
                expiry_date: Some("2024-01-31".into()),
            }),
        }
    }

    #[test]
    fn a_complete_profile() {
        let profile = TravelerProfile::parse(&valid(), today()).unwrap();
        assert_eq!(profile.given_name.as_str(), "María José");
        assert_eq!(profile.nationality.as_str(), "VE");
        assert_eq!(profile.language, Language::Es);
        assert_eq!(profile.gender, Some(Gender::NonBinary));
        assert_eq!(profile.email.as_ref().map(|e| e.as_str()), Some("maria@example.org"));
        assert_eq!(profile.phone.as_ref().map(|p| p.as_str()), Some("+525512345678"));
        let document = profile.document.as_ref().unwrap();
        assert_eq!(document.number.as_str(), "AB123456");
        // Expired, accepted, flagged.
        assert_eq!(profile.notices(today()), [NOTICE_DOCUMENT_EXPIRED]);
    }

    #[test]
    fn optional_fields_may_be_absent_or_blank() {
        let minimal = TravelerInput {
            gender: Some(" ".into()),
            phone: None,
            email: Some(String::new()),
            document: None,
            ..valid()
        };
        let profile = TravelerProfile::parse(&minimal, today()).unwrap();
        assert!(profile.notices(today()).is_empty());
        assert_eq!(
            (profile.gender, profile.phone, profile.email, profile.document),
            (None, None, None, None)
        );
        let no_expiry = TravelerInput {
            document: Some(DocumentInput {
                kind: "birth_certificate".into(),
                number: "123".into(),
                issuing_country: "HT".into(),
                expiry_date: None,
            }),
            ..valid()
        };
        assert!(TravelerProfile::parse(&no_expiry, today()).is_ok());
    }

    #[test]
    fn every_problem_is_reported_at_once_with_api_field_names() {
        let errors = TravelerProfile::parse(
            &TravelerInput {
                gender: Some("other".into()),
                phone: Some("12".into()),
                email: Some("nope".into()),
                document: Some(DocumentInput {
                    expiry_date: Some("tomorrow".into()),
                    ..DocumentInput::default()
                }),
                ..TravelerInput::default()
            },
            today(),
        )
        .unwrap_err();
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.message_id.as_str())).collect();
        assert_eq!(
            found,
            [
                ("given_name", "error-field-required"),
                ("family_name", "error-field-required"),
                ("date_of_birth", "error-date-of-birth-format"),
                ("nationality", "error-country-invalid"),
                ("country_of_birth", "error-country-invalid"),
                ("city_of_birth", "error-field-required"),
                ("country_of_residence", "error-country-invalid"),
                ("gender", "error-gender-invalid"),
                ("language", "error-language-invalid"),
                ("phone", "error-phone-invalid"),
                ("email", "error-email-invalid"),
                ("document.type", "error-document-type-invalid"),
                ("document.number", "error-document-number-required"),
                ("document.issuing_country", "error-country-invalid"),
                ("document.expiry_date", "error-document-expiry-format"),
            ]
        );
    }

    #[test]
    fn one_bad_field_is_one_error() {
        type Change = fn(&mut TravelerInput);
        let cases: [(&str, Change, &str); 6] = [
            ("date_of_birth", |t| t.date_of_birth = "2026-03-16".into(), "error-date-of-birth-future"),
            ("date_of_birth", |t| t.date_of_birth = "1899-01-01".into(), "error-date-of-birth-too-old"),
            ("nationality", |t| t.nationality = "XK".into(), "error-country-invalid"),
            ("given_name", |t| t.given_name = "Ana\u{2066}".into(), "error-text-bidi"),
            ("family_name", |t| t.family_name = "x".repeat(101), "error-text-too-long"),
            (
                "document.number",
                |t| t.document.as_mut().unwrap().number = "A/1".into(),
                "error-document-number-invalid",
            ),
        ];
        for (field, change, message_id) in cases {
            let mut input = valid();
            change(&mut input);
            let errors = TravelerProfile::parse(&input, today()).unwrap_err();
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert_eq!(errors.message_for(field), Some(message_id));
        }
    }
}
