//! Document storage, not yet tied to cases: an upload is checked and cleaned
//! ([`DocumentIntake::check`] / [`check_upload`] → [`CheckedDocument`]), then encrypted and
//! stored ([`DocumentStorage::put`] → [`StoredDocument`], whose fields go in the document's row),
//! and read back as a stream of decrypted pieces ([`DocumentStorage::open`]).
//!
//! - [`content_type`]: PDF, JPEG, PNG and TIFF only, known by content, agreeing with the name;
//!   empty, too big, truncated, damaged, polyglot and multi-page TIFF files are refused.
//! - [`name`]: the uploaded name, checked for path tricks and kept only as display text.
//! - [`strip`]: images decoded and encoded again, so EXIF (GPS), XMP and comments are gone.
//! - [`store`]: object storage (local or S3-compatible) of ciphertext under `documents/<uuid>`,
//!   with per-file keys wrapped by the master key ([`crate::security::file_keys`]).
//! - [`rotation`]: at start, file keys still wrapped under the previous master key are wrapped
//!   again under the current one, a page of rows per transaction; objects are not touched.
//! - Every refusal is a [`DocumentRefusal`] with its Fluent message id.

pub mod content_type;
mod image_end;
mod intake;
pub mod name;
mod pdf;
mod refusal;
mod rotation;
#[cfg(test)]
mod samples;
mod signatures;
pub mod store;
pub mod strip;

pub use content_type::{DEFAULT_MAX_BYTES, DocumentType, UploadLimits};
pub use intake::{CheckedDocument, DocumentIntake, IntakeError, check_upload};
pub use name::DisplayName;
pub use refusal::DocumentRefusal;
pub use rotation::REWRAP_BATCH;
pub use store::{DocumentStorage, DocumentStream, S3Config, StorageConfig, StorageError, StoredDocument};
