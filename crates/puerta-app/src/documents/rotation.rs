//! Master-key rotation for documents: every file key still wrapped under the previous master
//! key is opened and wrapped again under the current one. Only the small wrapped keys in the
//! rows change; the encrypted objects are never read or rewritten.
//!
//! It runs at start (from [`App::prepare_database`], like the TOTP secrets' re-sealing) when
//! `master_key_previous` is set. Rows are walked in id order, a page at a time, each page one
//! transaction, so a large archive does not hold one long write lock, and an interrupted start
//! keeps the pages already committed. Running it again is safe: a key that already opens under
//! the current master key is left as it is, so a second run only reads.

use puerta_domain::ids::DocumentId;

use crate::security::KeyUsed;
use crate::security::file_keys::{FileKey, WrappedKey};
use crate::{App, AppError};

/// Rows per transaction: small enough to keep each write short, large enough to be quick.
pub const REWRAP_BATCH: u32 = 200;

impl App {
    /// Re-wraps every document key still under the previous master key (none to do without
    /// one). Answers how many were re-wrapped. A key that opens under neither master key stops
    /// here with an error, as a TOTP secret does: the previous key given is not the one the
    /// documents were stored with.
    pub async fn rewrap_document_keys(&self) -> Result<u64, AppError> {
        self.rewrap_document_keys_in_batches(REWRAP_BATCH).await
    }

    /// [`Self::rewrap_document_keys`], `batch` rows per transaction (tests use small pages).
    pub async fn rewrap_document_keys_in_batches(&self, batch: u32) -> Result<u64, AppError> {
        let Some(previous) = self.inner.previous_master_key.as_ref() else { return Ok(0) };
        let current = &self.inner.master_key;
        let limit = i64::from(batch.max(1));
        let mut after: Option<DocumentId> = None;
        let mut rewrapped = 0;
        loop {
            let mut tx = self.begin().await?;
            let page = tx.documents().wrapped_keys_after(after.as_ref(), limit).await?;
            let Some((last, ..)) = page.last() else { break };
            after = Some(last.clone());
            let full = page.len() == usize::try_from(limit).unwrap_or(usize::MAX);
            for (id, storage_key, stored) in page {
                // The key is bound to the id in the object's key, as a download opens it.
                let uuid = super::store::parse_key(&storage_key)
                    .map_err(|_| AppError::Internal(format!("document {id}: not a document key")))?;
                let wrapped = WrappedKey::from_stored(stored);
                let (file_key, used) = FileKey::unwrap_with_fallback(&wrapped, current, Some(previous), uuid)
                    .map_err(|e| {
                        AppError::Internal(format!(
                            "document {id}: its key opens under neither master key: {e}"
                        ))
                    })?;
                if used == KeyUsed::Current {
                    continue;
                }
                let fresh = file_key
                    .wrap(current, uuid)
                    .map_err(|e| AppError::Internal(format!("document {id}: cannot wrap its key: {e}")))?;
                // Compare-and-set: a row changed meanwhile (another instance rotating) is left
                // to that change.
                if tx.documents().replace_wrapped_key(&id, wrapped.as_str(), fresh.as_str()).await? {
                    rewrapped += 1;
                }
            }
            tx.commit().await?;
            if !full {
                break;
            }
        }
        Ok(rewrapped)
    }
}
