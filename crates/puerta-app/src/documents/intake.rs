//! An upload from bytes to a [`CheckedDocument`]: the name, the envelope checks, then for images
//! a full decode and re-encode. Only a `CheckedDocument` can be stored, so nothing unchecked
//! reaches the store.

use std::sync::Arc;

use tokio::sync::Semaphore;

use super::name::DisplayName;
use super::{DocumentRefusal, DocumentType, UploadLimits, content_type, strip};

/// A document that passed every check, holding the bytes to store (for an image, re-encoded
/// without metadata; for a PDF, as uploaded).
#[derive(Clone)]
pub struct CheckedDocument {
    content_type: DocumentType,
    bytes: Vec<u8>,
    display_name: Option<DisplayName>,
}

impl CheckedDocument {
    pub fn content_type(&self) -> DocumentType {
        self.content_type
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The uploaded name, checked and tidied, for display only.
    pub fn display_name(&self) -> Option<&DisplayName> {
        self.display_name.as_ref()
    }
}

impl std::fmt::Debug for CheckedDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckedDocument")
            .field("content_type", &self.content_type)
            .field("size", &self.bytes.len())
            .field("display_name", &self.display_name)
            .finish()
    }
}

/// Checks an upload and strips an image's metadata. CPU-bound (an image is decoded whole):
/// call it through [`DocumentIntake::check`] from async code.
pub fn check_upload(
    bytes: &[u8],
    name: Option<&str>,
    limits: &UploadLimits,
) -> Result<CheckedDocument, DocumentRefusal> {
    // An absent name and a blank one (a form sends `filename=""`) are the same.
    let display_name = match name.filter(|n| !n.trim().is_empty()) {
        Some(name) => Some(DisplayName::parse(name)?),
        None => None,
    };
    let content_type = content_type::check_envelope(bytes, display_name.as_ref(), limits)?;
    let bytes = match content_type {
        DocumentType::Pdf => bytes.to_vec(),
        image => strip::strip_metadata(bytes, image, limits)?,
    };
    Ok(CheckedDocument { content_type, bytes, display_name })
}

/// [`check_upload`] on Tokio's blocking pool, a bounded number at a time, since a decode may
/// take a core and up to [`UploadLimits::max_decode_bytes`] of memory.
#[derive(Clone)]
pub struct DocumentIntake {
    limits: Arc<UploadLimits>,
    permits: Arc<Semaphore>,
}

/// Why [`DocumentIntake::check`] gave no document.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error(transparent)]
    Refused(#[from] DocumentRefusal),
    /// The blocking task failed (a panic in a decoder) or the intake was closed.
    #[error("document check failed: {0}")]
    Internal(String),
}

impl DocumentIntake {
    pub fn new(limits: UploadLimits) -> Self {
        let permits = Arc::new(Semaphore::new(limits.concurrent.max(1)));
        Self { limits: Arc::new(limits), permits }
    }

    pub fn limits(&self) -> &UploadLimits {
        &self.limits
    }

    pub async fn check(&self, bytes: Vec<u8>, name: Option<String>) -> Result<CheckedDocument, IntakeError> {
        let _permit =
            self.permits.acquire().await.map_err(|_| IntakeError::Internal("intake closed".into()))?;
        let limits = Arc::clone(&self.limits);
        tokio::task::spawn_blocking(move || check_upload(&bytes, name.as_deref(), &limits))
            .await
            .map_err(|e| IntakeError::Internal(format!("document check task: {e}")))?
            .map_err(IntakeError::Refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    #[test]
    fn pdfs_are_kept_as_sent_and_images_re_encoded() {
        let pdf = samples::pdf();
        let checked = check_upload(&pdf, Some(" Passport.pdf "), &UploadLimits::default()).unwrap();
        assert_eq!(checked.content_type(), DocumentType::Pdf);
        assert_eq!(checked.bytes(), pdf);
        assert_eq!(checked.display_name().unwrap().as_str(), "Passport.pdf");

        let jpeg = samples::jpeg_with_gps();
        let checked = check_upload(&jpeg, Some(""), &UploadLimits::default()).unwrap();
        assert_eq!(checked.content_type(), DocumentType::Jpeg);
        assert_ne!(checked.bytes(), jpeg);
        assert!(checked.display_name().is_none());
    }

    #[test]
    fn a_bad_name_is_refused_before_the_content_is_read() {
        let refusal = check_upload(&samples::pdf(), Some("../../passport.pdf"), &UploadLimits::default());
        assert_eq!(refusal.unwrap_err(), DocumentRefusal::Name);
        assert_eq!(
            check_upload(b"", Some("nul.pdf"), &UploadLimits::default()).unwrap_err(),
            DocumentRefusal::Name
        );
    }

    #[tokio::test]
    async fn the_intake_runs_checks_off_the_async_workers() {
        let intake = DocumentIntake::new(UploadLimits::default());
        let checked = intake.check(samples::png(), Some("scan.png".into())).await.unwrap();
        assert_eq!(checked.content_type(), DocumentType::Png);
        let refused = intake.check(Vec::new(), None).await.unwrap_err();
        assert!(matches!(refused, IntakeError::Refused(DocumentRefusal::Empty)));
    }
}
