//! A current photo of each traveler, for confirmation: taken with the phone's camera on the
//! confirmation page (or sent through the API), stored as a `photo` document on the traveler's
//! open case with every check and the encryption of the document store. The officer compares
//! it with the person at the port; no software judges the face.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::TravelerId;

use crate::accounts::{Actor, RequestContext};
use crate::cases::DocumentSummary;
use crate::{App, AppError};

/// A photo is a JPEG or PNG picture (the camera's own formats); the intake checks the rest.
fn is_picture(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
}

impl App {
    /// Adds a photo of one of the account holder's travelers (anyone else's: `NotFound`).
    pub async fn upload_traveler_photo(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        traveler: &str,
        bytes: Vec<u8>,
    ) -> Result<DocumentSummary, AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let id = TravelerId::parse(traveler.trim()).map_err(|_| AppError::NotFound)?;
        let case = {
            let mut read = self.reader().await?;
            read.travelers().find_for_account(&actor.user_id, &id).await?.ok_or(AppError::NotFound)?;
            read.cases().open_for_traveler(&id).await?
        };
        let case = case.ok_or_else(|| AppError::field("traveler", "appointment-error-no-case"))?;
        actor.authorize(Action::ScheduleAppointment, Target::Group { account_holder: &case.account_id })?;
        if bytes.is_empty() {
            return Err(AppError::field("file", "appointment-error-photo-missing"));
        }
        if !is_picture(&bytes) {
            return Err(AppError::field("file", "appointment-error-photo-type"));
        }
        self.store_case_document(ctx, actor, &case, "photo", None, bytes, AuditAction::PhotoUploaded).await
    }
}
