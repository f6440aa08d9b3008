//! Cryptographic building blocks, each from a well-kept crate: argon2id password hashing off the
//! async workers, random tokens and codes, SHA-256 for high-entropy tokens, HMAC-SHA-256 (keyed
//! by a server secret) for low-entropy codes, TOTP, and XChaCha20-Poly1305 sealing of secrets at
//! rest under a master key.

pub mod file_keys;
mod password_hasher;
pub mod proof_of_work;
mod sealing;
mod tokens;

pub use password_hasher::{HashingLimits, PasswordHasher};
pub use sealing::{
    KEY_FILE_NAME, KeyUsed, MASTER_KEY_VAR, MasterKey, Opened, PREVIOUS_MASTER_KEY_VAR, SEALED_PREFIX,
    SealingError, is_sealed, open_with_fallback,
};
pub use tokens::{Keys, random_code, random_recovery_code, random_token, sha256_hex};
