//! The storage round trip on a temporary directory, and on an S3-compatible server (moto, which
//! the test command starts).

use futures::StreamExt;

use super::*;
use crate::documents::{UploadLimits, check_upload, samples};
use crate::security::file_keys::{CHUNK_SIZE, rewrap};

fn local(dir: &std::path::Path, master: &MasterKey) -> DocumentStorage {
    let config = StorageConfig::Local { root: dir.join("documents") };
    DocumentStorage::new(&config, master.clone(), None).unwrap()
}

fn checked(bytes: &[u8], name: &str) -> CheckedDocument {
    check_upload(bytes, Some(name), &UploadLimits::default()).unwrap()
}

/// A PDF bigger than a few chunks, so streaming is exercised.
fn big_pdf() -> Vec<u8> {
    let filler = format!("<< /Type /Catalog /Pages 2 0 R /Filler ({}) >>", "x".repeat(3 * CHUNK_SIZE));
    samples::pdf_from_objects(&[&filler, "<< /Type /Pages /Kids [] /Count 0 >>"]).into_bytes()
}

fn object_file(dir: &std::path::Path, stored: &StoredDocument) -> std::path::PathBuf {
    dir.join("documents").join(&stored.key)
}

#[tokio::test]
async fn each_type_round_trips_encrypted_under_a_server_made_key() {
    let dir = tempfile::tempdir().unwrap();
    let master = MasterKey::generate().unwrap();
    let storage = local(dir.path(), &master);
    for (bytes, name, kind) in [
        (samples::pdf(), "passport.pdf", DocumentType::Pdf),
        (big_pdf(), "big.pdf", DocumentType::Pdf),
        (samples::jpeg_with_gps(), "photo.jpg", DocumentType::Jpeg),
        (samples::png(), "scan.png", DocumentType::Png),
        (samples::tiff(), "fax.tiff", DocumentType::Tiff),
    ] {
        let document = checked(&bytes, name);
        let stored = storage.put(&document).await.unwrap();
        assert_eq!(stored.key, format!("documents/{}", stored.id));
        assert!(!stored.key.contains(name.split('.').next().unwrap()));
        assert_eq!(stored.content_type, kind);
        assert_eq!(stored.size, document.bytes().len() as u64);
        assert_eq!(stored.sha256, data_encoding::HEXLOWER.encode(&Sha256::digest(document.bytes())));

        // On disk: ciphertext only.
        let on_disk = std::fs::read(object_file(dir.path(), &stored)).unwrap();
        assert!(on_disk.starts_with(b"PDOC"));
        assert!(!on_disk.windows(8).any(|w| document.bytes().windows(8).take(64).any(|p| p == w)));

        let mut stream = storage.open(&stored.key, &stored.wrapped_key).await.unwrap();
        let mut pieces = 0;
        let mut plaintext = Vec::new();
        while let Some(piece) = stream.next().await {
            plaintext.extend_from_slice(&piece.unwrap());
            pieces += 1;
        }
        assert_eq!(plaintext, document.bytes(), "{name}");
        assert_eq!(pieces, document.bytes().len().div_ceil(CHUNK_SIZE), "{name}");
    }
}

#[tokio::test]
async fn tampered_truncated_or_missing_objects_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let master = MasterKey::generate().unwrap();
    let storage = local(dir.path(), &master);
    let stored = storage.put(&checked(&big_pdf(), "big.pdf")).await.unwrap();
    let path = object_file(dir.path(), &stored);
    let original = std::fs::read(&path).unwrap();

    let mut flipped = original.clone();
    flipped[original.len() / 2] ^= 0x01;
    std::fs::write(&path, &flipped).unwrap();
    let error = storage.read_all(&stored.key, &stored.wrapped_key).await.unwrap_err();
    assert!(matches!(error, StorageError::Crypto(FileCryptoError::Tampered)), "{error:?}");

    for len in [original.len() - 1, 24 + CHUNK_SIZE + 16, 10, 0] {
        std::fs::write(&path, &original[..len]).unwrap();
        let error = storage.read_all(&stored.key, &stored.wrapped_key).await.unwrap_err();
        assert!(matches!(error, StorageError::Crypto(FileCryptoError::Tampered)), "cut to {len}: {error:?}");
    }

    // Another document's object under this one's key does not open either.
    let other = storage.put(&checked(&samples::pdf(), "a.pdf")).await.unwrap();
    std::fs::copy(object_file(dir.path(), &other), &path).unwrap();
    assert!(storage.read_all(&stored.key, &stored.wrapped_key).await.is_err());

    std::fs::write(&path, &original).unwrap();
    assert_eq!(storage.read_all(&stored.key, &stored.wrapped_key).await.unwrap(), big_pdf());

    storage.delete(&stored.key).await.unwrap();
    storage.delete(&stored.key).await.unwrap();
    assert!(!path.exists());
    let error = storage.read_all(&stored.key, &stored.wrapped_key).await.unwrap_err();
    assert!(matches!(error, StorageError::NotFound), "{error:?}");

    for bad in
        ["../master.key", "documents/../../master.key", "documents/not-a-uuid", &stored.key.to_uppercase()]
    {
        assert!(matches!(storage.open(bad, &stored.wrapped_key).await, Err(StorageError::BadKey)), "{bad}");
        assert!(matches!(storage.delete(bad).await, Err(StorageError::BadKey)), "{bad}");
    }
}

#[tokio::test]
async fn a_wrong_master_key_or_another_documents_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let master = MasterKey::generate().unwrap();
    let storage = local(dir.path(), &master);
    let first = storage.put(&checked(&samples::png(), "a.png")).await.unwrap();
    let second = storage.put(&checked(&samples::png(), "b.png")).await.unwrap();

    let stranger = local(dir.path(), &MasterKey::generate().unwrap());
    let error = stranger.open(&first.key, &first.wrapped_key).await.err().unwrap();
    assert!(matches!(error, StorageError::KeyUnwrap(_)), "{error:?}");
    // The key wrapped for the second document does not open the first.
    let error = storage.open(&first.key, &second.wrapped_key).await.err().unwrap();
    assert!(matches!(error, StorageError::KeyUnwrap(_)), "{error:?}");
}

#[tokio::test]
async fn rotation_rewraps_keys_without_touching_objects() {
    let dir = tempfile::tempdir().unwrap();
    let old = MasterKey::generate().unwrap();
    let new = MasterKey::generate().unwrap();
    let before = local(dir.path(), &old);
    let stored = before.put(&checked(&samples::tiff(), "fax.tif")).await.unwrap();
    let path = object_file(dir.path(), &stored);
    let object = std::fs::read(&path).unwrap();

    // During the rotation, storage with both keys still reads the old wrapping.
    let config = StorageConfig::Local { root: dir.path().join("documents") };
    let rotating = DocumentStorage::new(&config, new.clone(), Some(old.clone())).unwrap();
    let expected = before.read_all(&stored.key, &stored.wrapped_key).await.unwrap();
    assert_eq!(rotating.read_all(&stored.key, &stored.wrapped_key).await.unwrap(), expected);

    let rewrapped = rewrap(&stored.wrapped_key, stored.id, &old, &new).unwrap();
    let after = local(dir.path(), &new);
    assert_eq!(after.read_all(&stored.key, &rewrapped).await.unwrap(), expected);
    assert!(after.open(&stored.key, &stored.wrapped_key).await.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), object, "the object is not rewritten");
}

/// The variable naming the S3-compatible server (moto's server mode) the S3 test uses.
const S3_ENDPOINT_VAR: &str = "PUERTA_TEST_S3_ENDPOINT";

/// The S3 server's endpoint. `scripts/test.sh` (the README's test command, and CI) starts
/// `moto_server` on a free loopback port and sets it; a run without it fails rather than pass
/// having tested nothing.
fn s3_endpoint() -> String {
    match std::env::var(S3_ENDPOINT_VAR) {
        Ok(endpoint) if !endpoint.trim().is_empty() => endpoint.trim_end_matches('/').to_owned(),
        _ => panic!(
            "{S3_ENDPOINT_VAR} is not set: this test needs an S3-compatible server. Run the tests \
             with `bash scripts/test.sh`, or wrap the command in `bash scripts/moto.sh`, e.g. \
             `bash scripts/moto.sh cargo nextest run -p puerta-app round_trip_on_s3` (it installs \
             moto into target/moto-venv, starts it on the loopback and sets {S3_ENDPOINT_VAR})."
        ),
    }
}

fn s3_storage(endpoint: &str, bucket: &str, master: &MasterKey) -> DocumentStorage {
    let config = StorageConfig::S3(S3Config {
        endpoint: Some(endpoint.to_owned()),
        region: "us-east-1".into(),
        bucket: bucket.to_owned(),
        access_key_id: "test".into(),
        secret_access_key: SecretString::from("test"),
        allow_http: true,
    });
    DocumentStorage::new(&config, master.clone(), None).unwrap()
}

/// Every object key in the bucket, as the bucket lists them.
async fn keys_in(storage: &DocumentStorage) -> Vec<String> {
    let listed: Vec<_> = storage.objects.list(None).collect().await;
    let mut keys: Vec<String> = listed.into_iter().map(|o| o.unwrap().location.to_string()).collect();
    keys.sort();
    keys
}

/// Against an S3-compatible server: moto's server mode, which `scripts/test.sh` starts (see
/// [`s3_endpoint`]). The test makes its own bucket, so runs do not see each other's objects.
#[tokio::test]
async fn round_trip_on_s3() {
    let endpoint = s3_endpoint();
    let bucket = format!("puerta-test-{}", uuid::Uuid::new_v4().simple());
    // moto accepts any credentials; create the bucket with a plain path-style PUT.
    let created = reqwest::Client::new().put(format!("{endpoint}/{bucket}")).send().await.unwrap();
    assert!(created.status().is_success(), "creating the bucket: {}", created.status());
    let master = MasterKey::generate().unwrap();
    let storage = s3_storage(&endpoint, &bucket, &master);

    let mut kept = Vec::new();
    for (bytes, name) in [(big_pdf(), "big.pdf"), (samples::jpeg(), "a.jpg"), (samples::png(), "scan.png")] {
        let document = checked(&bytes, name);
        let stored = storage.put(&document).await.unwrap();
        assert_eq!(
            storage.read_all(&stored.key, &stored.wrapped_key).await.unwrap(),
            document.bytes(),
            "{name}"
        );

        // What the bucket holds is ciphertext: no run of the plaintext is in it.
        let object = storage.objects.get(&ObjectPath::from(stored.key.as_str())).await.unwrap();
        let object = object.bytes().await.unwrap();
        assert!(object.starts_with(b"PDOC"), "{name}");
        let pieces: std::collections::HashSet<&[u8]> = document.bytes().chunks_exact(16).collect();
        assert!(!object.windows(16).any(|w| pieces.contains(w)), "{name}: the stored object holds plaintext");
        // A download opens only under this master key.
        let stranger = s3_storage(&endpoint, &bucket, &MasterKey::generate().unwrap());
        assert!(matches!(
            stranger.open(&stored.key, &stored.wrapped_key).await.err(),
            Some(StorageError::KeyUnwrap(_))
        ));
        kept.push(stored);
    }
    let mut expected: Vec<String> = kept.iter().map(|s| s.key.clone()).collect();
    expected.sort();
    assert_eq!(keys_in(&storage).await, expected);

    // An upload that fails (here: a bucket that does not exist) is an error and stores nothing.
    let missing = format!("puerta-missing-{}", uuid::Uuid::new_v4().simple());
    let failing = s3_storage(&endpoint, &missing, &master);
    let error = failing.put(&checked(&samples::pdf(), "lost.pdf")).await.unwrap_err();
    // (S3 answers NoSuchBucket with a 404, which object_store reports as not found.)
    assert!(matches!(error, StorageError::Backend(_) | StorageError::NotFound), "{error:?}");
    let listed = reqwest::Client::new().get(format!("{endpoint}/{missing}")).send().await.unwrap();
    assert_eq!(listed.status(), 404, "the failed upload made no bucket");
    assert_eq!(keys_in(&storage).await, expected, "and nothing appeared elsewhere");

    for stored in &kept {
        storage.delete(&stored.key).await.unwrap();
        storage.delete(&stored.key).await.unwrap();
        assert!(matches!(
            storage.read_all(&stored.key, &stored.wrapped_key).await,
            Err(StorageError::NotFound)
        ));
    }
    assert_eq!(keys_in(&storage).await, Vec::<String>::new(), "deleted from the bucket");
}
