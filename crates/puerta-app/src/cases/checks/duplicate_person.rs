//! The same person in more than one open case: another open case, under any account, whose
//! traveler has the same normalized name (parts in any order, accents and scripts aside) and
//! the same date of birth. Both cases get the hit.

use async_trait::async_trait;
use puerta_domain::cases::screening::{CheckKind, CheckOutcome, CheckReason, NormalizedName};
use puerta_store::WriteTx;

use super::{CaseCheck, CheckSubject, Finding};
use crate::AppError;

pub(super) struct DuplicatePersonCheck;

fn name_key(given: &str, family: &str) -> String {
    NormalizedName::new(&format!("{given} {family}")).key()
}

#[async_trait]
impl CaseCheck for DuplicatePersonCheck {
    fn kind(&self) -> CheckKind {
        CheckKind::DuplicatePerson
    }

    async fn run(&self, tx: &mut WriteTx, subjects: &[CheckSubject]) -> Result<Vec<Finding>, AppError> {
        let mut findings = Vec::with_capacity(subjects.len());
        for s in subjects {
            let key = name_key(&s.traveler.given_name, &s.traveler.family_name);
            let same: Vec<_> = tx
                .case_checks()
                .open_cases_born_on(&s.traveler.date_of_birth, &s.case.id)
                .await?
                .into_iter()
                .filter(|other| !key.is_empty() && name_key(&other.given_name, &other.family_name) == key)
                .collect();
            if same.is_empty() {
                findings.push(Finding::new(CheckOutcome::Clear, vec![CheckReason::NoOtherOpenCase]));
                continue;
            }
            let reasons = same
                .iter()
                .map(|o| CheckReason::SamePersonOpenCase { reference_number: o.reference_number.to_string() })
                .collect();
            findings.push(Finding {
                outcome: CheckOutcome::Hit,
                reasons,
                also_affects: same.into_iter().map(|o| o.reference_number).collect(),
            });
        }
        Ok(findings)
    }
}
