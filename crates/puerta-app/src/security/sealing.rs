//! Small secrets sealed at rest under a master key held outside the database: TOTP secrets now,
//! the document store's keys later.
//!
//! The cipher is XChaCha20-Poly1305 (the `chacha20poly1305` crate). Each value gets a fresh random
//! 24-byte nonce, and the *purpose* (for example `"totp_secret"`) is the associated data, so a
//! value sealed for one field cannot be opened as another. A sealed value is text:
//! `xc1:` followed by standard base64 (with padding) of `nonce || ciphertext || tag`.
//!
//! The master key is `PUERTA_MASTER_KEY` (32 bytes as base64 or as 64 hexadecimal characters)
//! or, when that is not set, `<data_dir>/master.key`, created on first start with mode 0600.
//! Rotation: values sealed under `PUERTA_MASTER_KEY_PREVIOUS` open through
//! [`open_with_fallback`], which says when a value should be sealed again under the current key.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use data_encoding::{BASE64, Encoding, HEXLOWER_PERMISSIVE};
use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretBox};

/// What every sealed value starts with; the `1` is the format's version.
pub const SEALED_PREFIX: &str = "xc1:";

/// The environment variable holding the current master key.
pub const MASTER_KEY_VAR: &str = "PUERTA_MASTER_KEY";

/// The environment variable holding the previous master key during a rotation.
pub const PREVIOUS_MASTER_KEY_VAR: &str = "PUERTA_MASTER_KEY_PREVIOUS";

/// The key file's name inside the data directory.
pub const KEY_FILE_NAME: &str = "master.key";

const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// A key file is one line of 44 characters; anything much longer is not a key file.
const MAX_KEY_FILE_LEN: usize = 1024;

/// Why a key could not be loaded or a value sealed or opened. No variant holds key material,
/// plaintext or the text that failed to parse.
#[derive(Debug, thiserror::Error)]
pub enum SealingError {
    #[error(
        "{var} must be 32 bytes written as base64 (44 characters with padding) or as 64 \
         hexadecimal characters; {reason} (the value is not shown)"
    )]
    InvalidEnvKey { var: &'static str, reason: &'static str },

    #[error(
        "the master key file {} must hold 32 bytes written as base64 (44 characters with \
         padding) or as 64 hexadecimal characters; {reason}", path.display()
    )]
    InvalidKeyFile { path: PathBuf, reason: &'static str },

    #[error(
        "the master key file {} can be read by other users (mode {mode:03o}); run `chmod 600 {}` \
         and start again", path.display(), path.display()
    )]
    KeyFileTooOpen { path: PathBuf, mode: u32 },

    #[error("could not {action} {}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("the operating system's random number generator failed")]
    Random,

    #[error("encryption failed")]
    Seal,

    #[error("the value is not sealed in the {SEALED_PREFIX} format, or is damaged")]
    Format,

    #[error("the sealed value could not be opened: another master key, another purpose, or altered")]
    Open,
}

/// The 32-byte master key. Kept in a [`SecretBox`], so it is zeroed when dropped; its `Debug`
/// shows nothing of it.
pub struct MasterKey(SecretBox<[u8; KEY_LEN]>);

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey([redacted])")
    }
}

impl Clone for MasterKey {
    fn clone(&self) -> Self {
        Self(SecretBox::init_with_mut(|key: &mut [u8; KEY_LEN]| {
            key.copy_from_slice(self.0.expose_secret());
        }))
    }
}

impl MasterKey {
    /// The master key from `PUERTA_MASTER_KEY` (`env_value`, its content) when set, else from
    /// `<data_dir>/master.key`, which is created (32 random bytes, base64, mode 0600) when
    /// missing. Two processes starting at once end with the same key: the file appears whole or
    /// not at all, and the one that loses the race reads the winner's. A key file readable by
    /// group or others is refused.
    pub fn from_env_or_file(env_value: Option<&str>, data_dir: &Path) -> Result<Self, SealingError> {
        if let Some(value) = env_value {
            return Self::from_env_value(MASTER_KEY_VAR, value);
        }
        let path = data_dir.join(KEY_FILE_NAME);
        match read_key_file(&path) {
            Err(SealingError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                create_key_file(data_dir, &path)
            }
            other => other,
        }
    }

    /// The previous master key during a rotation, from `PUERTA_MASTER_KEY_PREVIOUS`
    /// (`env_value`, its content); `None` when it is not set.
    pub fn previous_from_env(env_value: Option<&str>) -> Result<Option<Self>, SealingError> {
        env_value.map(|value| Self::from_env_value(PREVIOUS_MASTER_KEY_VAR, value)).transpose()
    }

    /// A new random key (tests, and tools that make one for an operator).
    pub fn generate() -> Result<Self, SealingError> {
        let mut failed = false;
        let key = SecretBox::init_with_mut(|key: &mut [u8; KEY_LEN]| {
            failed = OsRng.try_fill_bytes(key).is_err();
        });
        if failed { Err(SealingError::Random) } else { Ok(Self(key)) }
    }

    /// Encrypts `plaintext` for `purpose` (associated data): `xc1:` + base64(nonce || ciphertext).
    pub fn seal(&self, purpose: &str, plaintext: &[u8]) -> Result<String, SealingError> {
        let mut nonce = XNonce::default();
        OsRng.try_fill_bytes(&mut nonce).map_err(|_| SealingError::Random)?;
        let ciphertext = self
            .cipher()
            .encrypt(&nonce, Payload { msg: plaintext, aad: purpose.as_bytes() })
            .map_err(|_| SealingError::Seal)?;
        let mut blob = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        blob.extend_from_slice(&nonce);
        blob.extend_from_slice(&ciphertext);
        let mut sealed = String::with_capacity(SEALED_PREFIX.len() + BASE64.encode_len(blob.len()));
        sealed.push_str(SEALED_PREFIX);
        BASE64.encode_append(&blob, &mut sealed);
        Ok(sealed)
    }

    /// Decrypts a value made by [`MasterKey::seal`] with the same key and purpose.
    /// [`SealingError::Format`] when it is not such a value, [`SealingError::Open`] when the key or
    /// purpose differ or it was altered.
    pub fn open(&self, purpose: &str, sealed: &str) -> Result<Vec<u8>, SealingError> {
        let blob = parse_sealed(sealed)?;
        self.open_blob(purpose, &blob)
    }

    fn open_blob(&self, purpose: &str, blob: &[u8]) -> Result<Vec<u8>, SealingError> {
        let (nonce, ciphertext) = blob.split_at_checked(NONCE_LEN).ok_or(SealingError::Format)?;
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad: purpose.as_bytes() })
            .map_err(|_| SealingError::Open)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        // The cipher keeps its own copy of the key and zeroes it when dropped.
        XChaCha20Poly1305::new(Key::from_slice(self.0.expose_secret()))
    }

    fn from_env_value(var: &'static str, value: &str) -> Result<Self, SealingError> {
        parse_key_text(value).map_err(|reason| SealingError::InvalidEnvKey { var, reason })
    }
}

/// Whether `text` is a sealed value (by its prefix), so values stored before sealing was
/// introduced can be found and sealed.
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEALED_PREFIX)
}

/// Which key opened a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyUsed {
    Current,
    Previous,
}

/// A value opened by [`open_with_fallback`].
pub struct Opened {
    pub plaintext: Vec<u8>,
    pub key: KeyUsed,
}

impl Opened {
    /// The value was sealed under the previous key: seal it again under the current one.
    pub fn needs_reseal(&self) -> bool {
        self.key == KeyUsed::Previous
    }
}

impl fmt::Debug for Opened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Opened").field("plaintext", &"[redacted]").field("key", &self.key).finish()
    }
}

/// Opens `sealed` under `current`, else under `previous` (a rotation in progress). The result
/// says which key worked; [`SealingError::Open`] when neither does.
pub fn open_with_fallback(
    current: &MasterKey,
    previous: Option<&MasterKey>,
    purpose: &str,
    sealed: &str,
) -> Result<Opened, SealingError> {
    let blob = parse_sealed(sealed)?;
    match current.open_blob(purpose, &blob) {
        Ok(plaintext) => Ok(Opened { plaintext, key: KeyUsed::Current }),
        Err(SealingError::Open) => match previous {
            Some(previous) => previous
                .open_blob(purpose, &blob)
                .map(|plaintext| Opened { plaintext, key: KeyUsed::Previous }),
            None => Err(SealingError::Open),
        },
        Err(other) => Err(other),
    }
}

/// The bytes after the prefix, checked to be long enough for a nonce and a tag.
fn parse_sealed(sealed: &str) -> Result<Vec<u8>, SealingError> {
    let encoded = sealed.strip_prefix(SEALED_PREFIX).ok_or(SealingError::Format)?;
    let blob = BASE64.decode(encoded.as_bytes()).map_err(|_| SealingError::Format)?;
    if blob.len() < NONCE_LEN + TAG_LEN {
        return Err(SealingError::Format);
    }
    Ok(blob)
}

/// 32 bytes as standard base64 with padding, or as 64 hexadecimal characters (either case);
/// surrounding whitespace is ignored. The error is a reason that shows nothing of the text.
fn parse_key_text(text: &str) -> Result<MasterKey, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("it is empty");
    }
    let is_hex = text.len() == 2 * KEY_LEN && text.bytes().all(|b| b.is_ascii_hexdigit());
    let encoding = if is_hex { &HEXLOWER_PERMISSIVE } else { &BASE64 };
    let decoded =
        decode_zeroizing(encoding, text.as_bytes()).ok_or("it is neither base64 nor hexadecimal")?;
    if decoded.len() != KEY_LEN {
        return Err("it does not decode to 32 bytes");
    }
    Ok(MasterKey(SecretBox::init_with_mut(|key: &mut [u8; KEY_LEN]| {
        key.copy_from_slice(&decoded);
    })))
}

/// Decodes into a buffer that is zeroed when dropped, whatever the outcome.
fn decode_zeroizing(encoding: &Encoding, input: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let len = encoding.decode_len(input.len()).ok()?;
    let mut output = Zeroizing::new(vec![0u8; len]);
    // `output` has exactly `decode_len` bytes, as `decode_mut` requires.
    let written = encoding.decode_mut(input, &mut output).ok()?;
    output.truncate(written);
    Some(output)
}

fn read_key_file(path: &Path) -> Result<MasterKey, SealingError> {
    let io_error = |action| move |source| SealingError::Io { action, path: path.to_owned(), source };
    let file = File::open(path).map_err(io_error("open the master key file"))?;
    // Checked on the open file, so what is checked is what is read.
    let metadata = file.metadata().map_err(io_error("read the metadata of"))?;
    if !metadata.is_file() {
        return Err(SealingError::InvalidKeyFile {
            path: path.to_owned(),
            reason: "it is not a regular file",
        });
    }
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(SealingError::KeyFileTooOpen { path: path.to_owned(), mode });
    }
    let mut content = Zeroizing::new(Vec::with_capacity(MAX_KEY_FILE_LEN + 1));
    file.take(MAX_KEY_FILE_LEN as u64 + 1)
        .read_to_end(&mut content)
        .map_err(io_error("read the master key file"))?;
    let invalid = |reason| SealingError::InvalidKeyFile { path: path.to_owned(), reason };
    if content.len() > MAX_KEY_FILE_LEN {
        return Err(invalid("it is far too long"));
    }
    let text = std::str::from_utf8(&content).map_err(|_| invalid("it is not text"))?;
    parse_key_text(text).map_err(invalid)
}

/// Writes a new key to a private temporary file, then links it into place: `link` never
/// replaces an existing file, so the key file appears whole or not at all, and a process that
/// loses the race to create it reads the one that won.
fn create_key_file(data_dir: &Path, path: &Path) -> Result<MasterKey, SealingError> {
    let key = MasterKey::generate()?;
    let mut text = Zeroizing::new(String::with_capacity(BASE64.encode_len(KEY_LEN) + 1));
    BASE64.encode_append(key.0.expose_secret(), &mut text);
    text.push('\n');

    let mut suffix = [0u8; 8];
    OsRng.try_fill_bytes(&mut suffix).map_err(|_| SealingError::Random)?;
    let temporary = data_dir.join(format!(
        ".{KEY_FILE_NAME}.{}.{}.tmp",
        std::process::id(),
        data_encoding::HEXLOWER.encode(&suffix)
    ));
    let written = write_private_file(&temporary, text.as_bytes());
    let linked = written.and_then(|()| {
        fs::hard_link(&temporary, path).map_err(|source| SealingError::Io {
            action: "create the master key file",
            path: path.to_owned(),
            source,
        })
    });
    // The temporary name has served its purpose whatever happened; a leftover holds a key no
    // one uses, readable only by its owner.
    let _ = fs::remove_file(&temporary);
    match linked {
        Ok(()) => {
            // Make the new name durable; best effort, as some file systems cannot sync a
            // directory, and the key file itself is already synced.
            if let Ok(dir) = File::open(data_dir) {
                let _ = dir.sync_all();
            }
            Ok(key)
        }
        Err(SealingError::Io { source, .. }) if source.kind() == io::ErrorKind::AlreadyExists => {
            read_key_file(path)
        }
        Err(other) => Err(other),
    }
}

fn write_private_file(path: &Path, content: &[u8]) -> Result<(), SealingError> {
    let io_error = |action| move |source| SealingError::Io { action, path: path.to_owned(), source };
    let mut file =
        OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(io_error("create"))?;
    file.write_all(content).map_err(io_error("write"))?;
    file.sync_all().map_err(io_error("sync"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use data_encoding::{HEXLOWER, HEXUPPER};

    const PURPOSE: &str = "totp_secret";

    fn key_bytes(key: &MasterKey) -> [u8; KEY_LEN] {
        *key.0.expose_secret()
    }

    fn mode_of(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn round_trip() {
        let key = MasterKey::generate().unwrap();
        for plaintext in [&b""[..], b"JBSWY3DPEHPK3PXP", &[0u8, 255, 7, 128][..], &[42u8; 4096]] {
            let sealed = key.seal(PURPOSE, plaintext).unwrap();
            assert!(sealed.starts_with("xc1:"));
            assert!(is_sealed(&sealed));
            let blob = BASE64.decode(&sealed.as_bytes()["xc1:".len()..]).unwrap();
            assert_eq!(blob.len(), NONCE_LEN + plaintext.len() + TAG_LEN);
            assert_eq!(key.open(PURPOSE, &sealed).unwrap(), plaintext);
        }
    }

    #[test]
    fn each_seal_uses_a_new_nonce() {
        let key = MasterKey::generate().unwrap();
        let first = key.seal(PURPOSE, b"same").unwrap();
        let second = key.seal(PURPOSE, b"same").unwrap();
        assert_ne!(first, second);
        assert_ne!(first[4..36], second[4..36]);
    }

    #[test]
    fn wrong_purpose_fails() {
        let key = MasterKey::generate().unwrap();
        let sealed = key.seal(PURPOSE, b"JBSWY3DPEHPK3PXP").unwrap();
        assert!(matches!(key.open("document_key", &sealed), Err(SealingError::Open)));
        assert!(matches!(key.open("", &sealed), Err(SealingError::Open)));
    }

    #[test]
    fn any_tampered_byte_fails() {
        let key = MasterKey::generate().unwrap();
        let sealed = key.seal(PURPOSE, b"JBSWY3DPEHPK3PXP").unwrap();
        let blob = BASE64.decode(&sealed.as_bytes()[4..]).unwrap();
        // Nonce, ciphertext and tag alike.
        for index in 0..blob.len() {
            let mut altered = blob.clone();
            altered[index] ^= 0x01;
            let text = format!("xc1:{}", BASE64.encode(&altered));
            assert!(matches!(key.open(PURPOSE, &text), Err(SealingError::Open)), "byte {index}");
        }
        // Cut short or lengthened.
        let short = format!("xc1:{}", BASE64.encode(&blob[..blob.len() - 1]));
        assert!(matches!(key.open(PURPOSE, &short), Err(SealingError::Open)));
        let mut longer = blob.clone();
        longer.push(0);
        let longer = format!("xc1:{}", BASE64.encode(&longer));
        assert!(matches!(key.open(PURPOSE, &longer), Err(SealingError::Open)));
    }

    #[test]
    fn another_key_fails() {
        let key = MasterKey::generate().unwrap();
        let other = MasterKey::generate().unwrap();
        let sealed = key.seal(PURPOSE, b"JBSWY3DPEHPK3PXP").unwrap();
        assert!(matches!(other.open(PURPOSE, &sealed), Err(SealingError::Open)));
    }

    #[test]
    fn bad_formats_fail_without_panic() {
        let key = MasterKey::generate().unwrap();
        let too_short = format!("xc1:{}", BASE64.encode(&[0u8; NONCE_LEN + TAG_LEN - 1]));
        // 41 bytes: base64 ends in one `=`.
        let sealed = key.seal(PURPOSE, b"x").unwrap();
        let unpadded = sealed.trim_end_matches('=').to_owned();
        for text in [
            "",
            "xc1:",
            "xc1",
            "JBSWY3DPEHPK3PXP",
            "xc2:AAAA",
            "xc1:not base64!",
            "xc1:AAA",
            &too_short,
            &format!(" {sealed}"),
            &format!("{sealed}\n"),
            &unpadded,
        ] {
            assert!(matches!(key.open(PURPOSE, text), Err(SealingError::Format)), "{text:?}");
        }
        assert!(!is_sealed("JBSWY3DPEHPK3PXP"));
        assert!(!is_sealed(""));
        assert!(!is_sealed("XC1:AAAA"));
    }

    #[test]
    fn env_key_in_base64_and_hex_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let bytes: [u8; KEY_LEN] = std::array::from_fn(|i| i as u8 * 7 + 1);
        for text in [
            BASE64.encode(&bytes),
            format!("  {}\n", BASE64.encode(&bytes)),
            HEXLOWER.encode(&bytes),
            HEXUPPER.encode(&bytes),
        ] {
            let key = MasterKey::from_env_or_file(Some(&text), dir.path()).unwrap();
            assert_eq!(key_bytes(&key), bytes);
        }
        // The environment wins, and no key file is made.
        assert!(!dir.path().join(KEY_FILE_NAME).exists());
    }

    #[test]
    fn env_key_of_the_wrong_shape_is_refused_without_echo() {
        let dir = tempfile::tempdir().unwrap();
        let unpadded = BASE64.encode(&[9u8; KEY_LEN]).trim_end_matches('=').to_owned();
        for text in [
            String::new(),
            "   ".to_owned(),
            BASE64.encode(&[9u8; 16]),
            BASE64.encode(&[9u8; 33]),
            HEXLOWER.encode(&[9u8; 31]),
            HEXLOWER.encode(&[9u8; 33]),
            unpadded,
            format!("{}zz", &HEXLOWER.encode(&[9u8; 31])),
            "correct horse battery staple, twice over, for length".to_owned(),
        ] {
            let error = MasterKey::from_env_or_file(Some(&text), dir.path()).unwrap_err();
            assert!(matches!(error, SealingError::InvalidEnvKey { .. }), "{text:?}");
            let message = error.to_string();
            assert!(message.contains("PUERTA_MASTER_KEY"), "{message}");
            assert!(!message.contains("PUERTA_MASTER_KEY_PREVIOUS"), "{message}");
            if !text.trim().is_empty() {
                assert!(!message.contains(text.trim()), "{message}");
            }
        }
    }

    #[test]
    fn key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE_NAME);
        let first = MasterKey::from_env_or_file(None, dir.path()).unwrap();
        assert_eq!(mode_of(&path), 0o600);
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("{}\n", BASE64.encode(&key_bytes(&first))));
        // Nothing else left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        let second = MasterKey::from_env_or_file(None, dir.path()).unwrap();
        assert_eq!(key_bytes(&first), key_bytes(&second));
        let sealed = first.seal(PURPOSE, b"kept").unwrap();
        assert_eq!(second.open(PURPOSE, &sealed).unwrap(), b"kept");
    }

    #[test]
    fn processes_starting_at_once_share_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let barrier = std::sync::Barrier::new(8);
        let keys: Vec<[u8; KEY_LEN]> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        barrier.wait();
                        key_bytes(&MasterKey::from_env_or_file(None, dir.path()).unwrap())
                    })
                })
                .collect();
            handles.into_iter().map(|handle| handle.join().unwrap()).collect()
        });
        assert!(keys.iter().all(|key| *key == keys[0]));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn key_file_readable_by_others_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE_NAME);
        MasterKey::from_env_or_file(None, dir.path()).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        for mode in [0o644, 0o640, 0o604, 0o660] {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            let error = MasterKey::from_env_or_file(None, dir.path()).unwrap_err();
            assert!(matches!(error, SealingError::KeyFileTooOpen { mode: m, .. } if m == mode), "{error:?}");
            let message = error.to_string();
            assert!(message.contains("chmod 600"), "{message}");
            assert!(message.contains(&path.display().to_string()), "{message}");
            assert!(!message.contains(text.trim()), "{message}");
        }
        // Refused, not replaced.
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
        MasterKey::from_env_or_file(None, dir.path()).unwrap();
    }

    #[test]
    fn key_file_written_by_an_operator_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE_NAME);
        let bytes = [0xabu8; KEY_LEN];
        write_private_file(&path, HEXLOWER.encode(&bytes).as_bytes()).unwrap();
        let key = MasterKey::from_env_or_file(None, dir.path()).unwrap();
        assert_eq!(key_bytes(&key), bytes);
    }

    #[test]
    fn damaged_key_file_is_refused_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE_NAME);
        write_private_file(&path, b"").unwrap();
        let error = MasterKey::from_env_or_file(None, dir.path()).unwrap_err();
        assert!(matches!(error, SealingError::InvalidKeyFile { .. }), "{error:?}");
        assert!(error.to_string().contains(&path.display().to_string()));
        assert_eq!(fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn missing_data_dir_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nowhere");
        let error = MasterKey::from_env_or_file(None, &missing).unwrap_err();
        assert!(matches!(error, SealingError::Io { .. }), "{error:?}");
    }

    #[test]
    fn debug_shows_nothing_of_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let bytes: [u8; KEY_LEN] = std::array::from_fn(|i| 200 - i as u8);
        let key = MasterKey::from_env_or_file(Some(&BASE64.encode(&bytes)), dir.path()).unwrap();
        for shown in [format!("{key:?}"), format!("{key:#?}"), format!("{:?}", key.clone())] {
            assert!(!shown.contains(&BASE64.encode(&bytes)), "{shown}");
            assert!(!shown.contains(&HEXLOWER.encode(&bytes)), "{shown}");
            assert!(!shown.contains(&format!("{bytes:?}")), "{shown}");
            assert!(!shown.contains("200"), "{shown}");
            assert!(shown.contains("redacted"), "{shown}");
        }
        let opened =
            open_with_fallback(&key, None, PURPOSE, &key.seal(PURPOSE, b"SECRETTOTP").unwrap()).unwrap();
        assert!(!format!("{opened:?}").contains("SECRETTOTP"));
    }

    #[test]
    fn clone_is_the_same_key() {
        let key = MasterKey::generate().unwrap();
        let copy = key.clone();
        assert_eq!(copy.open(PURPOSE, &key.seal(PURPOSE, b"v").unwrap()).unwrap(), b"v");
    }

    #[test]
    fn fallback_opens_under_the_previous_key_and_asks_for_a_reseal() {
        let old = MasterKey::generate().unwrap();
        let new = MasterKey::generate().unwrap();
        let under_old = old.seal(PURPOSE, b"JBSWY3DPEHPK3PXP").unwrap();
        let under_new = new.seal(PURPOSE, b"KRSXG5CTMVRXEZLU").unwrap();

        let opened = open_with_fallback(&new, Some(&old), PURPOSE, &under_old).unwrap();
        assert_eq!(opened.plaintext, b"JBSWY3DPEHPK3PXP");
        assert_eq!(opened.key, KeyUsed::Previous);
        assert!(opened.needs_reseal());

        let opened = open_with_fallback(&new, Some(&old), PURPOSE, &under_new).unwrap();
        assert_eq!(opened.plaintext, b"KRSXG5CTMVRXEZLU");
        assert_eq!(opened.key, KeyUsed::Current);
        assert!(!opened.needs_reseal());

        // Re-sealed, it opens under the new key alone.
        let resealed = new
            .seal(PURPOSE, &open_with_fallback(&new, Some(&old), PURPOSE, &under_old).unwrap().plaintext)
            .unwrap();
        assert_eq!(new.open(PURPOSE, &resealed).unwrap(), b"JBSWY3DPEHPK3PXP");

        // Without the previous key, or with the wrong purpose or a third key, it fails.
        assert!(matches!(open_with_fallback(&new, None, PURPOSE, &under_old), Err(SealingError::Open)));
        assert!(matches!(
            open_with_fallback(&new, Some(&old), "document_key", &under_old),
            Err(SealingError::Open)
        ));
        let third = MasterKey::generate().unwrap();
        assert!(matches!(
            open_with_fallback(&third, Some(&new), PURPOSE, &under_old),
            Err(SealingError::Open)
        ));
        assert!(matches!(
            open_with_fallback(&new, Some(&old), PURPOSE, "JBSWY3DPEHPK3PXP"),
            Err(SealingError::Format)
        ));
    }

    #[test]
    fn previous_key_comes_from_its_own_variable() {
        assert!(MasterKey::previous_from_env(None).unwrap().is_none());
        let bytes = [5u8; KEY_LEN];
        let previous = MasterKey::previous_from_env(Some(&BASE64.encode(&bytes))).unwrap().unwrap();
        assert_eq!(key_bytes(&previous), bytes);
        let error = MasterKey::previous_from_env(Some("short")).unwrap_err();
        assert!(error.to_string().contains("PUERTA_MASTER_KEY_PREVIOUS"), "{error}");
    }
}
