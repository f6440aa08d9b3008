//! Envelope encryption of stored documents. Each file gets its own random 32-byte key; the file
//! is encrypted under it with XChaCha20-Poly1305 in the STREAM construction (fixed 64 KiB
//! chunks, each with a 32-bit big-endian counter and a last-chunk flag in its nonce), so a
//! download decrypts chunk by chunk without holding the file, and reordered, dropped, appended
//! or truncated chunks do not open. The file key is sealed ("wrapped") under the master key
//! with [`MasterKey::seal`], its purpose bound to the document's id, and kept beside the
//! document's row, never in the object: a copied object or a key moved to another row opens
//! nothing. Rotating the master key re-wraps the small file keys ([`rewrap`]); the files are
//! not touched.
//!
//! An object is `PDOC` ‖ version `1` ‖ 19-byte random nonce prefix ‖ chunks; each chunk is at
//! most 64 KiB of plaintext plus a 16-byte tag, and its associated data is that 24-byte header.

use std::fmt;

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305};
use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretBox};
use uuid::Uuid;

use super::{KeyUsed, MasterKey, SealingError, open_with_fallback};

/// Plaintext bytes in each chunk but the last.
pub const CHUNK_SIZE: usize = 64 * 1024;
const TAG_LEN: usize = 16;
/// Ciphertext bytes in each chunk but the last.
const SEALED_CHUNK: usize = CHUNK_SIZE + TAG_LEN;
const MAGIC: &[u8; 4] = b"PDOC";
const VERSION: u8 = 1;
/// XChaCha20's 24-byte nonce less STREAM's 5 bytes of counter and flag.
const NONCE_PREFIX_LEN: usize = 19;
/// The header every object starts with.
pub const HEADER_LEN: usize = MAGIC.len() + 1 + NONCE_PREFIX_LEN;
const KEY_LEN: usize = 32;

/// Why a file could not be encrypted or decrypted. Nothing of the key or the content is in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FileCryptoError {
    #[error("the operating system's random number generator failed")]
    Random,
    #[error("encryption failed")]
    Encrypt,
    /// Altered, truncated, extended, reordered, or encrypted under another key.
    #[error("the stored document does not open: altered, truncated or under another key")]
    Tampered,
}

/// The associated data that binds a wrapped file key to its document.
pub fn wrap_purpose(document_id: Uuid) -> String {
    format!("document_key:{document_id}")
}

/// A file key sealed under the master key (`xc1:` text), as stored in the document's row.
#[derive(Clone, PartialEq, Eq)]
pub struct WrappedKey(String);

impl WrappedKey {
    /// A value read back from the database.
    pub fn from_stored(text: String) -> Self {
        Self(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WrappedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Sealed, but still nothing to print in a log.
        f.write_str("WrappedKey([sealed])")
    }
}

/// One document's own key; zeroed when dropped.
pub struct FileKey(SecretBox<[u8; KEY_LEN]>);

impl fmt::Debug for FileKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FileKey([redacted])")
    }
}

impl FileKey {
    pub fn generate() -> Result<Self, FileCryptoError> {
        let mut failed = false;
        let key = SecretBox::init_with_mut(|key: &mut [u8; KEY_LEN]| {
            failed = OsRng.try_fill_bytes(key).is_err();
        });
        if failed { Err(FileCryptoError::Random) } else { Ok(Self(key)) }
    }

    /// Seals this key under `master` for `document_id`.
    pub fn wrap(&self, master: &MasterKey, document_id: Uuid) -> Result<WrappedKey, SealingError> {
        master.seal(&wrap_purpose(document_id), self.0.expose_secret()).map(WrappedKey)
    }

    /// Opens a wrapped key under `master`; [`SealingError::Open`] for another master key,
    /// another document, or an altered value.
    pub fn unwrap(wrapped: &WrappedKey, master: &MasterKey, document_id: Uuid) -> Result<Self, SealingError> {
        Self::unwrap_with_fallback(wrapped, master, None, document_id).map(|(key, _)| key)
    }

    /// Opens under `current`, else under `previous` during a rotation; says which worked, so
    /// the caller can [`rewrap`] what still needs it.
    pub fn unwrap_with_fallback(
        wrapped: &WrappedKey,
        current: &MasterKey,
        previous: Option<&MasterKey>,
        document_id: Uuid,
    ) -> Result<(Self, KeyUsed), SealingError> {
        let opened = open_with_fallback(current, previous, &wrap_purpose(document_id), wrapped.as_str())?;
        let key = opened.key;
        let plaintext = Zeroizing::new(opened.plaintext);
        if plaintext.len() != KEY_LEN {
            return Err(SealingError::Format);
        }
        Ok((Self(SecretBox::init_with_mut(|k: &mut [u8; KEY_LEN]| k.copy_from_slice(&plaintext))), key))
    }

    /// The whole object for `plaintext`: header and chunks.
    pub fn encrypt(&self, plaintext: &[u8]) -> Result<Vec<u8>, FileCryptoError> {
        let mut header = [0u8; HEADER_LEN];
        header[..4].copy_from_slice(MAGIC);
        header[4] = VERSION;
        OsRng.try_fill_bytes(&mut header[5..]).map_err(|_| FileCryptoError::Random)?;
        let mut encryptor = EncryptorBE32::from_aead(self.cipher(), header[5..].into());
        let chunks = plaintext.len().div_ceil(CHUNK_SIZE).max(1);
        let mut out = Vec::with_capacity(HEADER_LEN + plaintext.len() + chunks * TAG_LEN);
        out.extend_from_slice(&header);
        let mut rest = plaintext;
        while rest.len() > CHUNK_SIZE {
            let (chunk, after) = rest.split_at(CHUNK_SIZE);
            let sealed = encryptor
                .encrypt_next(Payload { msg: chunk, aad: &header })
                .map_err(|_| FileCryptoError::Encrypt)?;
            out.extend_from_slice(&sealed);
            rest = after;
        }
        // The last chunk (perhaps a full one, perhaps empty) carries the last-chunk flag.
        let sealed = encryptor
            .encrypt_last(Payload { msg: rest, aad: &header })
            .map_err(|_| FileCryptoError::Encrypt)?;
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// A decryptor to feed an object's bytes as they arrive.
    pub fn decryptor(&self) -> ChunkDecryptor {
        ChunkDecryptor { cipher: Some(self.cipher()), header: None, stream: None, buffer: Vec::new() }
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(self.0.expose_secret()))
    }
}

/// Opens `wrapped` under `old` and seals the same file key under `new`: rotation, without
/// reading or re-encrypting the file.
pub fn rewrap(
    wrapped: &WrappedKey,
    document_id: Uuid,
    old: &MasterKey,
    new: &MasterKey,
) -> Result<WrappedKey, SealingError> {
    FileKey::unwrap(wrapped, old, document_id)?.wrap(new, document_id)
}

/// Decrypts an object fed in pieces of any size. A chunk is opened only once the next byte is
/// seen (or the end), so the last chunk is always opened as the last and truncation at a chunk
/// boundary is found.
pub struct ChunkDecryptor {
    cipher: Option<XChaCha20Poly1305>,
    header: Option<[u8; HEADER_LEN]>,
    stream: Option<DecryptorBE32<XChaCha20Poly1305>>,
    buffer: Vec<u8>,
}

impl ChunkDecryptor {
    /// Takes more of the object; returns the plaintext of the chunks now complete (maybe none).
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<u8>, FileCryptoError> {
        self.buffer.extend_from_slice(bytes);
        if self.header.is_none() {
            if self.buffer.len() < HEADER_LEN {
                return Ok(Vec::new());
            }
            let mut header = [0u8; HEADER_LEN];
            header.copy_from_slice(&self.buffer[..HEADER_LEN]);
            if &header[..4] != MAGIC || header[4] != VERSION {
                return Err(FileCryptoError::Tampered);
            }
            let cipher = self.cipher.take().ok_or(FileCryptoError::Tampered)?;
            self.stream = Some(DecryptorBE32::from_aead(cipher, header[5..].into()));
            self.header = Some(header);
            self.buffer.drain(..HEADER_LEN);
        }
        let (Some(header), Some(stream)) = (self.header.as_ref(), self.stream.as_mut()) else {
            return Err(FileCryptoError::Tampered);
        };
        let mut plaintext = Vec::new();
        let mut start = 0;
        while self.buffer.len() - start > SEALED_CHUNK {
            let chunk = &self.buffer[start..start + SEALED_CHUNK];
            let opened = stream
                .decrypt_next(Payload { msg: chunk, aad: header })
                .map_err(|_| FileCryptoError::Tampered)?;
            plaintext.extend_from_slice(&opened);
            start += SEALED_CHUNK;
        }
        self.buffer.drain(..start);
        Ok(plaintext)
    }

    /// The end of the object: opens the last chunk.
    pub fn finish(mut self) -> Result<Vec<u8>, FileCryptoError> {
        let (Some(header), Some(stream)) = (self.header.take(), self.stream.take()) else {
            return Err(FileCryptoError::Tampered);
        };
        stream
            .decrypt_last(Payload { msg: &self.buffer, aad: &header })
            .map_err(|_| FileCryptoError::Tampered)
    }
}

/// Decrypts a whole object at once (tests and small tools).
pub fn decrypt_all(key: &FileKey, object: &[u8]) -> Result<Vec<u8>, FileCryptoError> {
    let mut decryptor = key.decryptor();
    let mut plaintext = decryptor.push(object)?;
    plaintext.extend_from_slice(&decryptor.finish()?);
    Ok(plaintext)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn round_trips_at_every_chunk_boundary_and_piece_size() {
        let key = FileKey::generate().unwrap();
        for len in [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE, 3 * CHUNK_SIZE + 17] {
            let plaintext = content(len);
            let object = key.encrypt(&plaintext).unwrap();
            assert_eq!(object.len(), HEADER_LEN + len + len.div_ceil(CHUNK_SIZE).max(1) * TAG_LEN);
            for piece in [1, 7, 4096, SEALED_CHUNK, SEALED_CHUNK + 1, usize::MAX] {
                let mut decryptor = key.decryptor();
                let mut opened = Vec::new();
                for part in object.chunks(piece.min(object.len()).max(1)) {
                    opened.extend_from_slice(&decryptor.push(part).unwrap());
                }
                opened.extend_from_slice(&decryptor.finish().unwrap());
                assert_eq!(opened, plaintext, "len {len}, pieces of {piece}");
            }
        }
    }

    #[test]
    fn altered_truncated_extended_or_reordered_objects_do_not_open() {
        let key = FileKey::generate().unwrap();
        let plaintext = content(3 * CHUNK_SIZE + 100);
        let object = key.encrypt(&plaintext).unwrap();
        let tampered = |object: &[u8]| decrypt_all(&key, object);

        for position in [0, 4, 5, HEADER_LEN, HEADER_LEN + CHUNK_SIZE + 3, object.len() - 1] {
            let mut altered = object.clone();
            altered[position] ^= 1;
            assert_eq!(tampered(&altered), Err(FileCryptoError::Tampered), "byte {position}");
        }
        // Truncated at a chunk boundary (the missing last flag), inside a chunk, to the header.
        for len in
            [HEADER_LEN + SEALED_CHUNK, HEADER_LEN + 2 * SEALED_CHUNK, object.len() - 1, HEADER_LEN, 3, 0]
        {
            assert_eq!(tampered(&object[..len]), Err(FileCryptoError::Tampered), "cut to {len}");
        }
        let mut extended = object.clone();
        extended.extend_from_slice(&[0; TAG_LEN + 1]);
        assert_eq!(tampered(&extended), Err(FileCryptoError::Tampered));
        // Two chunks swapped.
        let mut swapped = object[..HEADER_LEN].to_vec();
        let first = &object[HEADER_LEN..HEADER_LEN + SEALED_CHUNK];
        let second = &object[HEADER_LEN + SEALED_CHUNK..HEADER_LEN + 2 * SEALED_CHUNK];
        swapped.extend_from_slice(second);
        swapped.extend_from_slice(first);
        swapped.extend_from_slice(&object[HEADER_LEN + 2 * SEALED_CHUNK..]);
        assert_eq!(tampered(&swapped), Err(FileCryptoError::Tampered));
        // Another file key.
        let other = FileKey::generate().unwrap();
        assert_eq!(decrypt_all(&other, &object), Err(FileCryptoError::Tampered));
        assert_eq!(decrypt_all(&key, &object).unwrap(), plaintext);
    }

    #[test]
    fn wrapped_keys_open_only_for_their_document_and_master_key() {
        let master = MasterKey::generate().unwrap();
        let id = Uuid::new_v4();
        let key = FileKey::generate().unwrap();
        let object = key.encrypt(b"passport").unwrap();
        let wrapped = key.wrap(&master, id).unwrap();
        assert!(wrapped.as_str().starts_with("xc1:"));
        assert!(!format!("{wrapped:?}{key:?}").contains("xc1"));

        let opened = FileKey::unwrap(&wrapped, &master, id).unwrap();
        assert_eq!(decrypt_all(&opened, &object).unwrap(), b"passport");
        let other_master = MasterKey::generate().unwrap();
        assert!(matches!(FileKey::unwrap(&wrapped, &other_master, id), Err(SealingError::Open)));
        assert!(matches!(FileKey::unwrap(&wrapped, &master, Uuid::new_v4()), Err(SealingError::Open)));
        // A value of the right shape sealed for the right document but not 32 bytes long.
        let short = WrappedKey::from_stored(master.seal(&wrap_purpose(id), b"short").unwrap());
        assert!(matches!(FileKey::unwrap(&short, &master, id), Err(SealingError::Format)));
    }

    #[test]
    fn rotation_rewraps_the_key_and_leaves_the_file_alone() {
        let old = MasterKey::generate().unwrap();
        let new = MasterKey::generate().unwrap();
        let id = Uuid::new_v4();
        let key = FileKey::generate().unwrap();
        let object = key.encrypt(&content(CHUNK_SIZE + 5)).unwrap();
        let wrapped = key.wrap(&old, id).unwrap();

        let (_, used) = FileKey::unwrap_with_fallback(&wrapped, &new, Some(&old), id).unwrap();
        assert_eq!(used, KeyUsed::Previous);
        let rewrapped = rewrap(&wrapped, id, &old, &new).unwrap();
        assert_ne!(rewrapped, wrapped);
        let opened = FileKey::unwrap(&rewrapped, &new, id).unwrap();
        assert_eq!(decrypt_all(&opened, &object).unwrap(), content(CHUNK_SIZE + 5));
        assert!(matches!(FileKey::unwrap(&rewrapped, &old, id), Err(SealingError::Open)));
        assert!(matches!(rewrap(&wrapped, id, &new, &old), Err(SealingError::Open)));
    }
}
