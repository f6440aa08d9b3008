//! Server secrets every instance shares (the HMAC key for codes, links and CSRF tokens).

use secrecy::SecretString;

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_one, repository};

repository!(
    /// Named server secrets.
    Secrets
);

impl Secrets<'_, crate::Write> {
    /// The named secret; the first caller's `candidate` wins and every instance then shares it.
    pub async fn get_or_create(
        &mut self,
        name: &str,
        candidate: &SecretString,
    ) -> Result<SecretString, StoreError> {
        use secrecy::ExposeSecret;
        exec!(
            &mut self.conn,
            "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            name,
            candidate.expose_secret()
        )?;
        let (value,) =
            fetch_one!(&mut self.conn, (String,), "SELECT value FROM server_secrets WHERE name = $1", name)?;
        Ok(SecretString::from(value))
    }
}
