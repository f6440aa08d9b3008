//! Cryptographic building blocks, each from a well-kept crate: argon2id password hashing off the
//! async workers, random tokens and codes, SHA-256 for high-entropy tokens, HMAC-SHA-256 (keyed
//! by a server secret) for low-entropy codes, TOTP.

mod password_hasher;
mod tokens;

pub use password_hasher::{HashingLimits, PasswordHasher};
pub use tokens::{Keys, random_code, random_recovery_code, random_token, sha256_hex};
