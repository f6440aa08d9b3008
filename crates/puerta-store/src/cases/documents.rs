use puerta_domain::ids::{CaseId, DocumentId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, fetch_one, fetch_optional, refusable, repository};

repository!(
    /// Documents attached to cases: the row of each stored (encrypted) object.
    Documents
);

/// One document's row. The object is ciphertext under `storage_key`; `wrapped_key` is its file
/// key sealed under the master key (sealed text, never the key itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    pub id: DocumentId,
    pub case_id: CaseId,
    pub storage_key: String,
    pub wrapped_key: String,
    /// SHA-256 of the plaintext, lower-case hexadecimal.
    pub sha256: String,
    /// Plaintext bytes.
    pub size: i64,
    /// `application/pdf`, `image/jpeg`, `image/png` or `image/tiff`.
    pub content_type: String,
    /// The checked, tidied name from the traveler's device, for display only.
    pub display_name: Option<String>,
    /// What it is: `passport`, `national_id`, `birth_certificate`, `evidence`, `appeal`, `other`.
    pub kind: String,
    pub uploaded_by: Option<UserId>,
    pub uploaded_at: i64,
}

const COLUMNS: &str = "id, case_id, storage_key, wrapped_key, sha256, size, content_type, display_name, kind, \
     uploaded_by, uploaded_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    case_id: String,
    storage_key: String,
    wrapped_key: String,
    sha256: String,
    size: i64,
    content_type: String,
    display_name: Option<String>,
    kind: String,
    uploaded_by: Option<String>,
    uploaded_at: i64,
}

#[derive(sqlx::FromRow)]
struct RowWithAccount {
    #[sqlx(flatten)]
    document: Row,
    account_id: String,
}

impl TryFrom<Row> for DocumentRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: DocumentId::parse(&r.id).map_err(|_| StoreError::Corrupt("document id".into()))?,
            case_id: CaseId::parse(&r.case_id).map_err(|_| StoreError::Corrupt("case id".into()))?,
            storage_key: r.storage_key,
            wrapped_key: r.wrapped_key,
            sha256: r.sha256,
            size: r.size,
            content_type: r.content_type,
            display_name: r.display_name,
            kind: r.kind,
            uploaded_by: r.uploaded_by.as_deref().map(user_id).transpose()?,
            uploaded_at: r.uploaded_at,
        })
    }
}

impl<M> Documents<'_, M> {
    pub async fn find(&mut self, id: &DocumentId) -> Result<Option<DocumentRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM documents WHERE id = $1");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str())?.map(DocumentRecord::try_from).transpose()
    }

    /// A case's documents, oldest first.
    pub async fn list_for_case(&mut self, case: &CaseId) -> Result<Vec<DocumentRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM documents WHERE case_id = $1 ORDER BY uploaded_at, id");
        fetch_all!(&mut self.conn, Row, &sql, case.as_str())?
            .into_iter()
            .map(DocumentRecord::try_from)
            .collect()
    }

    /// A document and the account holder of its case (who may read it besides staff).
    pub async fn find_with_account(
        &mut self,
        id: &DocumentId,
    ) -> Result<Option<(DocumentRecord, UserId)>, StoreError> {
        let columns: String = COLUMNS.split(", ").map(|c| format!("d.{c}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT {columns}, c.account_id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = $1"
        );
        let Some(row) = fetch_optional!(&mut self.conn, RowWithAccount, &sql, id.as_str())? else {
            return Ok(None);
        };
        let account = user_id(&row.account_id)?;
        Ok(Some((DocumentRecord::try_from(row.document)?, account)))
    }

    /// Up to `limit` documents' (id, storage key, wrapped key) after `after` in id order (from
    /// the first when `None`): the pages a master-key rotation walks through.
    pub async fn wrapped_keys_after(
        &mut self,
        after: Option<&DocumentId>,
        limit: i64,
    ) -> Result<Vec<(DocumentId, String, String)>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String, String, String),
            "SELECT id, storage_key, wrapped_key FROM documents WHERE ($1 IS NULL OR id > $1) \
             ORDER BY id LIMIT $2",
            after.map(DocumentId::as_str),
            limit
        )?;
        rows.into_iter()
            .map(|(id, storage_key, wrapped)| {
                let id = DocumentId::parse(&id).map_err(|_| StoreError::Corrupt("document id".into()))?;
                Ok((id, storage_key, wrapped))
            })
            .collect()
    }

    /// The bytes stored for a case so far (0 for none), for its quota.
    pub async fn total_size_for_case(&mut self, case: &CaseId) -> Result<i64, StoreError> {
        let (total,) = fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM documents WHERE case_id = $1",
            case.as_str()
        )?;
        Ok(total)
    }

    /// When the newest photo (`kind = 'photo'`) was added to a case, if any.
    pub async fn latest_photo_at(&mut self, case: &CaseId) -> Result<Option<i64>, StoreError> {
        let (latest,) = fetch_one!(
            &mut self.conn,
            (Option<i64>,),
            "SELECT MAX(uploaded_at) FROM documents WHERE case_id = $1 AND kind = 'photo'",
            case.as_str()
        )?;
        Ok(latest)
    }
}

impl Documents<'_, crate::Write> {
    /// Takes the case's row lock (a write that changes nothing), so two uploads to one case
    /// check its quota one after the other on PostgreSQL too; SQLite has one writer anyway.
    /// `false` when there is no such case.
    pub async fn lock_case(&mut self, case: &CaseId) -> Result<bool, StoreError> {
        let changed =
            exec!(&mut self.conn, "UPDATE cases SET updated_at = updated_at WHERE id = $1", case.as_str())?;
        Ok(changed == 1)
    }

    /// Replaces a document's wrapped key (a master-key rotation), only if it still is `old`:
    /// `false` when the row is gone or was changed meanwhile. The object is not touched.
    pub async fn replace_wrapped_key(
        &mut self,
        id: &DocumentId,
        old: &str,
        new: &str,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE documents SET wrapped_key = $1 WHERE id = $2 AND wrapped_key = $3",
            new,
            id.as_str(),
            old
        )?;
        Ok(changed == 1)
    }

    /// `StoreError::Conflict` when the storage key is taken.
    pub async fn create(&mut self, d: &DocumentRecord) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO documents ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        );
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                &sql,
                d.id.as_str(),
                d.case_id.as_str(),
                d.storage_key.as_str(),
                d.wrapped_key.as_str(),
                d.sha256.as_str(),
                d.size,
                d.content_type.as_str(),
                d.display_name.as_deref(),
                d.kind.as_str(),
                d.uploaded_by.as_ref().map(UserId::as_str),
                d.uploaded_at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(())
    }
}
