use puerta_domain::ids::UserId;
use secrecy::{ExposeSecret, SecretString};

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_one, repository};

repository!(
    /// Second-factor recovery codes, as keyed hashes, each usable once.
    RecoveryCodes
);

impl<M> RecoveryCodes<'_, M> {
    /// How many unused codes the user has left.
    pub async fn remaining(&mut self, user: &UserId) -> Result<i64, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
            user.as_str()
        )?
        .0)
    }
}

impl RecoveryCodes<'_, crate::Write> {
    pub async fn replace(&mut self, user: &UserId, hashes: &[SecretString]) -> Result<(), StoreError> {
        exec!(&mut self.conn, "DELETE FROM recovery_codes WHERE user_id = $1", user.as_str())?;
        for hash in hashes {
            exec!(
                &mut self.conn,
                "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)",
                user.as_str(),
                hash.expose_secret()
            )?;
        }
        Ok(())
    }

    /// Uses a recovery code once; `false` if unknown or already used.
    pub async fn use_code(
        &mut self,
        user: &UserId,
        hash: &SecretString,
        at: i64,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
            user.as_str(),
            hash.expose_secret(),
            at
        )?;
        Ok(changed == 1)
    }
}
