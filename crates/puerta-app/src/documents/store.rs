//! Where documents live: an object store (local files under a directory by default, an
//! S3-compatible bucket when configured), holding only ciphertext under keys the server makes
//! (`documents/<uuid>`). The wrapped file key, the size, the SHA-256 of the plaintext and the
//! type go in the document's row, which the caller writes; without the row and the master key an
//! object is noise.

use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use futures::StreamExt;
use futures::stream::BoxStream;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{CheckedDocument, DocumentType};
use crate::security::MasterKey;
use crate::security::file_keys::{ChunkDecryptor, FileCryptoError, FileKey, WrappedKey};

/// Every object key starts with this.
const PREFIX: &str = "documents/";

/// Where the objects go.
#[derive(Debug, Clone)]
pub enum StorageConfig {
    /// Files under `root` (by default `<data_dir>/documents`), created with mode 0700 if missing.
    Local { root: PathBuf },
    /// An S3-compatible bucket.
    S3(S3Config),
}

/// An S3-compatible bucket. `endpoint` for a service other than AWS (MinIO, Garage, a local
/// test server); requests use path-style URLs, which those all accept.
#[derive(Debug, Clone)]
pub struct S3Config {
    pub endpoint: Option<String>,
    pub region: String,
    pub bucket: String,
    pub access_key_id: String,
    pub secret_access_key: SecretString,
    /// Plain `http://` endpoints (a test server on the loopback); never in production.
    pub allow_http: bool,
}

/// What was stored, for the document's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: Uuid,
    /// The object's key, `documents/<id>`.
    pub key: String,
    /// Plaintext bytes (what a download gives).
    pub size: u64,
    /// SHA-256 of the plaintext, lower-case hexadecimal.
    pub sha256: String,
    pub content_type: DocumentType,
    /// The file key sealed under the master key for this id; keep it in the row.
    pub wrapped_key: WrappedKey,
}

/// Why storing, reading or deleting failed. None of these is the traveler's doing; the web
/// layer answers them as internal errors (or, for [`StorageError::NotFound`], 404).
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("document storage is misconfigured: {0}")]
    Config(String),
    #[error("not a document key")]
    BadKey,
    #[error("no such stored document")]
    NotFound,
    #[error("the document's key does not open under the master key: {0}")]
    KeyUnwrap(#[source] crate::security::SealingError),
    #[error(transparent)]
    Crypto(#[from] FileCryptoError),
    #[error("object storage: {0}")]
    Backend(#[source] object_store::Error),
}

impl From<object_store::Error> for StorageError {
    fn from(error: object_store::Error) -> Self {
        match error {
            object_store::Error::NotFound { .. } => Self::NotFound,
            other => Self::Backend(other),
        }
    }
}

/// A download: the plaintext in pieces, as they are decrypted. An `Err` item ends it; the bytes
/// before it were authentic, but the document is not whole, so the answer must be aborted.
pub type DocumentStream = BoxStream<'static, Result<Bytes, StorageError>>;

/// Encrypting document storage. Cheap to clone.
#[derive(Clone)]
pub struct DocumentStorage {
    objects: Arc<dyn ObjectStore>,
    master_key: Arc<MasterKey>,
    previous_master_key: Option<Arc<MasterKey>>,
}

impl std::fmt::Debug for DocumentStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentStorage").field("objects", &self.objects.to_string()).finish_non_exhaustive()
    }
}

impl DocumentStorage {
    /// Storage from `config`, encrypting under `master_key`; `previous_master_key` (a rotation
    /// in progress) still opens keys wrapped before it.
    pub fn new(
        config: &StorageConfig,
        master_key: MasterKey,
        previous_master_key: Option<MasterKey>,
    ) -> Result<Self, StorageError> {
        let objects: Arc<dyn ObjectStore> =
            match config {
                StorageConfig::Local { root } => {
                    use std::os::unix::fs::DirBuilderExt;
                    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(root).map_err(|e| {
                        StorageError::Config(format!("cannot create {}: {e}", root.display()))
                    })?;
                    Arc::new(
                        LocalFileSystem::new_with_prefix(root)
                            .map_err(|e| StorageError::Config(e.to_string()))?,
                    )
                }
                StorageConfig::S3(s3) => {
                    let mut builder = AmazonS3Builder::new()
                        .with_region(&s3.region)
                        .with_bucket_name(&s3.bucket)
                        .with_access_key_id(&s3.access_key_id)
                        .with_secret_access_key(s3.secret_access_key.expose_secret())
                        .with_allow_http(s3.allow_http);
                    if let Some(endpoint) = &s3.endpoint {
                        builder = builder.with_endpoint(endpoint);
                    }
                    Arc::new(builder.build().map_err(|e| StorageError::Config(e.to_string()))?)
                }
            };
        Ok(Self {
            objects,
            master_key: Arc::new(master_key),
            previous_master_key: previous_master_key.map(Arc::new),
        })
    }

    /// Encrypts and stores a checked document under a new key, in one write (an object appears
    /// whole or not at all).
    pub async fn put(&self, document: &CheckedDocument) -> Result<StoredDocument, StorageError> {
        let id = Uuid::new_v4();
        let plaintext = document.bytes();
        let file_key = FileKey::generate()?;
        let wrapped_key = file_key.wrap(&self.master_key, id).map_err(StorageError::KeyUnwrap)?;
        let sha256 = data_encoding::HEXLOWER.encode(&Sha256::digest(plaintext));
        let object = file_key.encrypt(plaintext)?;
        let key = format!("{PREFIX}{id}");
        self.objects.put(&ObjectPath::from(key.as_str()), PutPayload::from(object)).await?;
        Ok(StoredDocument {
            id,
            key,
            size: plaintext.len() as u64,
            sha256,
            content_type: document.content_type(),
            wrapped_key,
        })
    }

    /// Reads and decrypts a stored document as a stream of plaintext pieces. The key is unwrapped
    /// before anything is fetched, so a wrong master key fails here; damage to the object shows
    /// as an `Err` item ([`FileCryptoError::Tampered`]) where it is found.
    pub async fn open(&self, key: &str, wrapped_key: &WrappedKey) -> Result<DocumentStream, StorageError> {
        let id = parse_key(key)?;
        let previous = self.previous_master_key.as_deref();
        let (file_key, _) = FileKey::unwrap_with_fallback(wrapped_key, &self.master_key, previous, id)
            .map_err(StorageError::KeyUnwrap)?;
        let object = self.objects.get(&ObjectPath::from(key)).await?;
        let state = Reading { pieces: object.into_stream(), decryptor: Some(file_key.decryptor()) };
        Ok(futures::stream::unfold(state, Reading::next).boxed())
    }

    /// The whole plaintext at once (small documents, tests).
    pub async fn read_all(&self, key: &str, wrapped_key: &WrappedKey) -> Result<Vec<u8>, StorageError> {
        let mut stream = self.open(key, wrapped_key).await?;
        let mut plaintext = Vec::new();
        while let Some(piece) = stream.next().await {
            plaintext.extend_from_slice(&piece?);
        }
        Ok(plaintext)
    }

    /// Removes a stored document; removing one already gone is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        parse_key(key)?;
        match self.objects.delete(&ObjectPath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(other) => Err(StorageError::Backend(other)),
        }
    }

    /// The master key new file keys are wrapped under (for a rotation job's [`rewrap`] calls).
    ///
    /// [`rewrap`]: crate::security::file_keys::rewrap
    pub fn master_key(&self) -> &MasterKey {
        &self.master_key
    }
}

/// The id in `documents/<uuid>`; anything else is not ours to open.
pub(crate) fn parse_key(key: &str) -> Result<Uuid, StorageError> {
    let id = key.strip_prefix(PREFIX).ok_or(StorageError::BadKey)?;
    let parsed = Uuid::parse_str(id).map_err(|_| StorageError::BadKey)?;
    // Only the form we write (hyphenated, lower case), so one document has one key.
    if parsed.hyphenated().to_string() != id {
        return Err(StorageError::BadKey);
    }
    Ok(parsed)
}

/// The state of a download: the object's pieces still to come, and the decryptor until the end
/// or the first error.
struct Reading {
    pieces: BoxStream<'static, object_store::Result<Bytes>>,
    decryptor: Option<ChunkDecryptor>,
}

impl Reading {
    async fn next(mut self) -> Option<(Result<Bytes, StorageError>, Self)> {
        loop {
            self.decryptor.as_ref()?;
            let result = match self.pieces.next().await {
                Some(Ok(piece)) => match self.decryptor.as_mut()?.push(&piece) {
                    Ok(plaintext) if plaintext.is_empty() => continue,
                    Ok(plaintext) => Ok(Bytes::from(plaintext)),
                    Err(error) => Err(StorageError::from(error)),
                },
                Some(Err(error)) => Err(StorageError::from(error)),
                None => match self.decryptor.take()?.finish() {
                    Ok(plaintext) if plaintext.is_empty() => return None,
                    other => other.map(Bytes::from).map_err(StorageError::from),
                },
            };
            if result.is_err() {
                self.decryptor = None;
            }
            return Some((result, self));
        }
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
