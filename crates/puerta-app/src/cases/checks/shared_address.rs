//! Many unrelated groups giving the same US address: the pattern of fraud the Inspector General
//! found unexamined. Counts the distinct account holders whose applications give this case's
//! destination (normalized: street line, city, state, five-digit ZIP; the apartment line left
//! out), this group included.

use std::collections::BTreeSet;

use async_trait::async_trait;
use puerta_domain::cases::screening::{CheckKind, CheckOutcome, CheckReason, address_key};
use puerta_store::WriteTx;
use puerta_store::cases::GroupAddress;

use super::{CaseCheck, CheckSubject, Finding};
use crate::AppError;

/// From this many unrelated groups at one address, it is a hit.
pub const SHARED_ADDRESS_THRESHOLD: i64 = 3;

pub(super) struct SharedAddressCheck {
    pub threshold: i64,
}

fn key(a: &GroupAddress) -> String {
    address_key(&a.us_line1, &a.us_city, &a.us_state, &a.us_postal_code)
}

#[async_trait]
impl CaseCheck for SharedAddressCheck {
    fn kind(&self) -> CheckKind {
        CheckKind::SharedAddress
    }

    async fn run(&self, tx: &mut WriteTx, subjects: &[CheckSubject]) -> Result<Vec<Finding>, AppError> {
        let mut findings = Vec::with_capacity(subjects.len());
        for s in subjects {
            let own = key(&s.address);
            let zip5: String = s.address.us_postal_code.chars().take(5).collect();
            let nearby = tx.case_checks().addresses_in_zip(&s.address.us_state, &zip5).await?;
            let mut groups: BTreeSet<&str> =
                nearby.iter().filter(|a| key(a) == own).map(|a| a.account_id.as_str()).collect();
            groups.insert(s.address.account_id.as_str());
            let groups = i64::try_from(groups.len()).unwrap_or(i64::MAX);
            let outcome = if groups >= self.threshold { CheckOutcome::Hit } else { CheckOutcome::Clear };
            findings.push(Finding::new(
                outcome,
                vec![CheckReason::SharedAddress { groups, threshold: self.threshold }],
            ));
        }
        Ok(findings)
    }
}
