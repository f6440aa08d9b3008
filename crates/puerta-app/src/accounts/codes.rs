//! One-time codes: issuing (one live code per account and purpose) and checking, inside the
//! caller's transaction.

use puerta_domain::accounts::{CodePurpose, OneTimeCode};
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::accounts::Code;
use secrecy::{ExposeSecret, SecretString};

use crate::security::random_code;
use crate::{App, AppError, ids};

/// The guard on typed codes, per address (see `GuardPolicy::CODES`).
pub(crate) const CODE_GUARD: &str = "codes";

/// A code just issued: the digits (for the message) and, for resets, the link token.
pub(crate) struct Issued {
    pub code: String,
}

/// Whether a presented code matched. A miss is still an attempt that must be committed.
pub(crate) enum Checked {
    Valid(Code),
    Invalid,
}

impl App {
    /// Issues a fresh code for `purpose`, retiring the user's older live one, in `tx`.
    pub(crate) async fn issue_code(
        &self,
        tx: &mut WriteTx,
        user: &UserId,
        purpose: CodePurpose,
        lifetime_secs: i64,
        link_token_hash: Option<SecretString>,
        new_email: Option<String>,
    ) -> Result<Issued, AppError> {
        let code = random_code();
        let now = self.now();
        let record = Code {
            id: ids::code_id(),
            user_id: user.clone(),
            purpose,
            code_hash: SecretString::from(self.keys()?.mac(&[user.as_str(), purpose.as_str(), &code])),
            link_token_hash,
            new_email,
            attempts: 0,
            expires_at: now + lifetime_secs * 1000,
            consumed_at: None,
            created_at: now,
        };
        tx.codes().issue(&record).await?;
        Ok(Issued { code })
    }

    /// Finds the user's live code for `purpose`, counts the attempt, and checks it, in `tx`.
    pub(crate) async fn check_code(
        &self,
        tx: &mut WriteTx,
        user: &UserId,
        purpose: CodePurpose,
        code: &OneTimeCode,
    ) -> Result<Checked, AppError> {
        match tx.codes().active(user, purpose, self.now()).await? {
            Some(record) => self.check_record(tx, record, code.as_str()).await,
            None => Ok(Checked::Invalid),
        }
    }

    /// Counts an attempt on `record` and compares; out of tries, the code dies.
    pub(crate) async fn check_record(
        &self,
        tx: &mut WriteTx,
        record: Code,
        code: &str,
    ) -> Result<Checked, AppError> {
        let attempts = tx.codes().add_attempt(&record.id).await?;
        if attempts > self.inner.limits.code_attempts {
            tx.codes().consume(&record.id, self.now()).await?;
            return Ok(Checked::Invalid);
        }
        let parts = [record.user_id.as_str(), record.purpose.as_str(), code];
        if self.keys()?.mac_matches(&parts, record.code_hash.expose_secret()) {
            Ok(Checked::Valid(record))
        } else {
            Ok(Checked::Invalid)
        }
    }
}
