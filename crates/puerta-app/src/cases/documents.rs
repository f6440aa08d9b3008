//! Documents attached to a case: upload (the case's account holder, or staff who process cases)
//! and download (the account holder and staff; anyone else `NotFound`; every staff read audited).
//!
//! An upload is checked and cleaned first, off the async workers and outside any transaction
//! ([`crate::documents::DocumentIntake`]); then one transaction takes the case's lock, checks the
//! case's quota, stores the encrypted object, and commits the row with its audit row. If anything
//! after the object is stored fails (or the request is dropped), the object is deleted again, so
//! nothing is half stored.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::ReferenceNumber;
use puerta_domain::ids::{CaseId, DocumentId, UserId};
use puerta_store::cases::{CaseRecord, DocumentRecord};

use crate::accounts::{Actor, RequestContext};
use crate::documents::{DocumentRefusal, DocumentStorage, DocumentStream, IntakeError};
use crate::security::file_keys::WrappedKey;
use crate::{App, AppError, FieldProblem};

/// What a document may be, as the `kind` field names it.
pub const DOCUMENT_KINDS: &[&str] =
    &["passport", "national_id", "birth_certificate", "evidence", "appeal", "other"];

/// A document as listed on its case (no content, no name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub kind: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_at: i64,
}

impl From<&DocumentRecord> for DocumentSummary {
    fn from(d: &DocumentRecord) -> Self {
        Self {
            id: d.id.clone(),
            kind: d.kind.clone(),
            content_type: d.content_type.clone(),
            size: d.size,
            sha256: d.sha256.clone(),
            uploaded_at: d.uploaded_at,
        }
    }
}

/// A download: the document's facts, its checked display name, and its decrypted bytes as a
/// stream (an `Err` item means the stored object is damaged: abort the answer).
pub struct DocumentDownload {
    pub document: DocumentSummary,
    pub display_name: Option<String>,
    pub stream: DocumentStream,
}

impl std::fmt::Debug for DocumentDownload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentDownload").field("document", &self.document).finish_non_exhaustive()
    }
}

/// `6 MB` for 6 MiB: a limit as people read it.
pub fn size_text(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        let tenths = (bytes * 10 + MIB / 2) / MIB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn refused(refusal: DocumentRefusal) -> AppError {
    let problem = FieldProblem::new("file", refusal.message_id());
    let problem = match refusal {
        DocumentRefusal::TooBig { limit_bytes } => problem.with_arg("limit", size_text(limit_bytes)),
        _ => problem,
    };
    AppError::Validation(vec![problem])
}

fn storage_failure(error: crate::documents::StorageError) -> AppError {
    AppError::Internal(format!("document storage: {error}"))
}

/// Deletes a stored object when dropped while armed: an upload whose row did not commit (an
/// error, or the request dropped mid-way) leaves no object behind.
struct Uncommitted {
    storage: DocumentStorage,
    key: Option<String>,
}

impl Uncommitted {
    fn disarm(mut self) {
        self.key = None;
    }
}

impl Drop for Uncommitted {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            let storage = self.storage.clone();
            if let Ok(handle) = tokio::runtime::Handle::try_current() {
                handle.spawn(async move {
                    if let Err(error) = storage.delete(&key).await {
                        tracing::error!(%error, key, "could not delete an uncommitted document");
                    }
                });
            }
        }
    }
}

impl App {
    /// Finds the case and decides whether `actor` may add documents to it: its account holder,
    /// or staff who process cases. Another traveler's case is `NotFound`.
    async fn case_for_documents(&self, actor: &Actor, reference: &str) -> Result<CaseRecord, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let reference =
            ReferenceNumber::parse(reference).map_err(|e| AppError::field("reference_number", e))?;
        let mut read = self.reader().await?;
        let case = read.cases().find_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ReadCase, Target::Case { account_holder: &case.account_id })?;
        if actor.role.is_staff() {
            actor.authorize(Action::ProcessCase, Target::None)?;
        }
        Ok(case)
    }

    /// Adds a document to a case. `kind` is one of [`DOCUMENT_KINDS`]; `name` is the file's name
    /// on the device (checked for path tricks, kept for display only).
    pub async fn upload_document(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        kind: &str,
        name: Option<String>,
        bytes: Vec<u8>,
    ) -> Result<DocumentSummary, AppError> {
        let case = self.case_for_documents(actor, reference).await?;
        let kind = kind.trim();
        if !DOCUMENT_KINDS.contains(&kind) {
            return Err(AppError::field("kind", "error-document-kind"));
        }
        self.store_case_document(ctx, actor, &case, kind, name, bytes, AuditAction::DocumentUploaded).await
    }

    /// Checks, encrypts and stores one document on `case` (whose access the caller decided):
    /// content checked first, then one transaction with the case's lock, its quota, the object
    /// and the row with its audit row (`action`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn store_case_document(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        case: &CaseRecord,
        kind: &str,
        name: Option<String>,
        bytes: Vec<u8>,
        action: AuditAction,
    ) -> Result<DocumentSummary, AppError> {
        let checked = self.inner.document_intake.check(bytes, name).await.map_err(|e| match e {
            IntakeError::Refused(refusal) => refused(refusal),
            IntakeError::Internal(why) => AppError::Internal(why),
        })?;
        let size = checked.bytes().len() as u64;

        let mut tx = self.begin().await?;
        if !tx.documents().lock_case(&case.id).await? {
            return Err(AppError::NotFound);
        }
        let stored_so_far = u64::try_from(tx.documents().total_size_for_case(&case.id).await?).unwrap_or(0);
        let quota = self.inner.document_limits.case_quota_bytes;
        if stored_so_far.saturating_add(size) > quota {
            let problem =
                FieldProblem::new("file", "error-document-quota").with_arg("limit", size_text(quota));
            return Err(AppError::Validation(vec![problem]));
        }
        let storage = &self.inner.document_storage;
        let stored = storage.put(&checked).await.map_err(storage_failure)?;
        let guard = Uncommitted { storage: storage.clone(), key: Some(stored.key.clone()) };
        let record = DocumentRecord {
            id: DocumentId::parse(&stored.id.to_string())
                .map_err(|_| AppError::Internal("document id".into()))?,
            case_id: case.id.clone(),
            storage_key: stored.key.clone(),
            wrapped_key: stored.wrapped_key.as_str().to_string(),
            sha256: stored.sha256.clone(),
            size: i64::try_from(stored.size).map_err(|_| AppError::Internal("document size".into()))?,
            content_type: stored.content_type.mime().to_string(),
            display_name: checked.display_name().map(|n| n.as_str().to_string()),
            kind: kind.to_string(),
            uploaded_by: Some(actor.user_id.clone()),
            uploaded_at: self.now(),
        };
        tx.documents().create(&record).await?;
        let detail = Some(format!("{} {}", case.reference_number, record.id));
        let target = (case.account_id != actor.user_id).then_some(&case.account_id);
        self.audit(&mut tx, ctx, Some(&actor.user_id), action, target, detail).await?;
        self.commit(tx).await?;
        guard.disarm();
        Ok(DocumentSummary::from(&record))
    }

    /// A case's documents, oldest first (for the case view; the caller has authorized the read).
    pub(crate) async fn documents_of_case(
        read: &mut puerta_store::ReadTx,
        case: &CaseId,
    ) -> Result<Vec<DocumentSummary>, AppError> {
        Ok(read.documents().list_for_case(case).await?.iter().map(DocumentSummary::from).collect())
    }

    /// One document with its decrypted bytes: for the case's account holder and staff only
    /// (anyone else, and an unknown id, `NotFound`). A staff read is audited.
    pub async fn document(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<DocumentDownload, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let id = DocumentId::parse(id).map_err(|_| AppError::NotFound)?;
        let mut read = self.reader().await?;
        let (record, account_holder): (DocumentRecord, UserId) =
            read.documents().find_with_account(&id).await?.ok_or(AppError::NotFound)?;
        drop(read);
        actor.authorize(Action::ReadCase, Target::Case { account_holder: &account_holder })?;
        let wrapped = WrappedKey::from_stored(record.wrapped_key.clone());
        let stream =
            self.inner.document_storage.open(&record.storage_key, &wrapped).await.map_err(storage_failure)?;
        if actor.role.is_staff() {
            let mut tx = self.begin().await?;
            let detail = Some(record.id.to_string());
            self.audit(
                &mut tx,
                ctx,
                Some(&actor.user_id),
                AuditAction::DocumentReadByStaff,
                Some(&account_holder),
                detail,
            )
            .await?;
            self.commit(tx).await?;
        }
        Ok(DocumentDownload {
            document: DocumentSummary::from(&record),
            display_name: record.display_name.clone(),
            stream,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn limits_read_as_people_say_them() {
        assert_eq!(size_text(6 * 1024 * 1024), "6 MB");
        assert_eq!(size_text(50 * 1024 * 1024), "50 MB");
        assert_eq!(size_text(1024 * 1024 + 512 * 1024), "1.5 MB");
        assert_eq!(size_text(1000), "1 KB");
    }
}
