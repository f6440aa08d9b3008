use std::sync::Arc;

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::AppError;

/// How hard and how many at once.
#[derive(Debug, Clone)]
pub struct HashingLimits {
    /// Memory in KiB, iterations, lanes. OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane.
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
    /// Hashes computed at the same time; more wait their turn instead of exhausting memory.
    pub concurrent: usize,
}

impl Default for HashingLimits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self { memory_kib: 19 * 1024, iterations: 2, lanes: 1, concurrent: cores * 2 }
    }
}

/// argon2id on Tokio's blocking pool, bounded by a semaphore.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    permits: Arc<Semaphore>,
    /// A hash of a random password, verified against when the email is unknown so that a
    /// wrong email and a wrong password take the same time. Made at the first such sign-in, not
    /// at start-up: a hash borrows 19 MiB, which an idle server has no reason to hold.
    dummy: Arc<tokio::sync::OnceCell<String>>,
}

impl PasswordHasher {
    pub fn new(limits: &HashingLimits) -> Result<Self, AppError> {
        let params = Params::new(limits.memory_kib, limits.iterations, limits.lanes, None)
            .map_err(|e| AppError::Internal(format!("argon2 parameters: {e}")))?;
        Ok(Self {
            params,
            permits: Arc::new(Semaphore::new(limits.concurrent.max(1))),
            dummy: Arc::new(tokio::sync::OnceCell::new()),
        })
    }

    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let _permit = self.permits.acquire().await.map_err(|_| AppError::Internal("hasher closed".into()))?;
        let params = self.params.clone();
        let password = password.to_string();
        tokio::task::spawn_blocking(move || hash_blocking(&params, &password))
            .await
            .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?
    }

    /// Verifies against `hash`, or against the dummy when there is no account.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, AppError> {
        let _permit = self.permits.acquire().await.map_err(|_| AppError::Internal("hasher closed".into()))?;
        let known = hash.is_some();
        let hash = match hash {
            Some(hash) => hash.to_string(),
            None => {
                let params = self.params.clone();
                self.dummy
                    .get_or_try_init(|| async move {
                        tokio::task::spawn_blocking(move || hash_blocking(&params, &super::random_token()))
                            .await
                            .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?
                    })
                    .await?
                    .clone()
            }
        };
        let password = password.to_string();
        let matches = tokio::task::spawn_blocking(move || {
            // A malformed stored hash (e.g. "!" for a deleted account) simply never matches.
            PasswordHash::new(&hash)
                .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        })
        .await
        .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?;
        Ok(known && matches)
    }
}

fn hash_blocking(params: &Params, password: &str) -> Result<String, AppError> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
        .map_err(|e| AppError::Internal(format!("salt: {e}")))?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("argon2: {e}")))
}
