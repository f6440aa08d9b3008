use puerta_domain::accounts::{Language, Role};
use puerta_store::accounts::UserRecord;

use crate::AppError;

/// Reading domain values back out of a stored row.
pub(crate) trait UserRecordExt {
    fn language_value(&self) -> Language;
    fn role_value(&self) -> Result<Role, AppError>;
    fn is_live(&self) -> bool;
    fn mfa_enabled(&self) -> bool;
}

impl UserRecordExt for UserRecord {
    fn language_value(&self) -> Language {
        Language::parse(&self.language).unwrap_or_default()
    }

    fn role_value(&self) -> Result<Role, AppError> {
        Role::parse(&self.role).map_err(|_| AppError::Internal("stored role is unknown".into()))
    }

    fn is_live(&self) -> bool {
        self.disabled_at.is_none() && self.deleted_at.is_none()
    }

    fn mfa_enabled(&self) -> bool {
        self.totp_enabled_at.is_some()
    }
}
