use puerta_store::StoreError;

/// Why a use case did not succeed. The web layer maps each variant to one problem `code`.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}
