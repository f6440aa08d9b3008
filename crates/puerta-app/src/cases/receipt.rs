//! The receipt of a submitted application, readable again later by its account holder only:
//! each traveler's name and reference number. Anyone else gets `NotFound`, as if it did not exist.

use puerta_domain::access::{Action, Target};
use puerta_domain::cases::{CaseStatus, ReferenceNumber};
use puerta_domain::ids::ApplicationId;

use crate::accounts::Actor;
use crate::{App, AppError};

/// One traveler's line of the receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptLine {
    pub traveler_name: String,
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
}

/// A submitted application as its receipt shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationReceipt {
    pub application_id: ApplicationId,
    pub submitted_at: i64,
    /// In the order the travelers were entered.
    pub lines: Vec<ReceiptLine>,
}

impl App {
    pub async fn application_receipt(&self, actor: &Actor, id: &str) -> Result<ApplicationReceipt, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let id = ApplicationId::parse(id.trim()).map_err(|_| AppError::NotFound)?;
        let mut read = self.reader().await?;
        let application = read.applications().find(&id).await?.ok_or(AppError::NotFound)?;
        if application.account_id != actor.user_id {
            return Err(AppError::NotFound);
        }
        let cases = read.cases().of_application(&id).await?;
        let mut lines = Vec::with_capacity(cases.len());
        for case in cases {
            let traveler = read.travelers().find_for_account(&actor.user_id, &case.traveler_id).await?;
            let (name, entered) = traveler
                .map(|t| (format!("{} {}", t.given_name, t.family_name), t.created_at))
                .unwrap_or_default();
            lines.push((
                entered,
                ReceiptLine {
                    traveler_name: name,
                    reference_number: case.reference_number,
                    status: case.status,
                },
            ));
        }
        lines.sort_by_key(|(entered, _)| *entered);
        Ok(ApplicationReceipt {
            application_id: application.id,
            submitted_at: application.submitted_at,
            lines: lines.into_iter().map(|(_, l)| l).collect(),
        })
    }
}
