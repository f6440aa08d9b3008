use puerta_domain::ids::{CaseId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, repository};

repository!(
    /// Officer-only notes on a case: never shown to the traveler.
    CaseNotes
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseNote {
    pub id: String,
    pub case_id: CaseId,
    pub author_id: Option<UserId>,
    pub body: String,
    pub at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    case_id: String,
    author_id: Option<String>,
    body: String,
    at: i64,
}

impl<M> CaseNotes<'_, M> {
    /// A case's notes, oldest first.
    pub async fn list(&mut self, case: &CaseId) -> Result<Vec<CaseNote>, StoreError> {
        fetch_all!(
            &mut self.conn,
            Row,
            "SELECT id, case_id, author_id, body, at FROM case_notes WHERE case_id = $1 ORDER BY at, id",
            case.as_str(),
        )?
        .into_iter()
        .map(|r| {
            Ok(CaseNote {
                id: r.id,
                case_id: CaseId::parse(&r.case_id).map_err(|_| StoreError::Corrupt("case id".into()))?,
                author_id: r.author_id.as_deref().map(user_id).transpose()?,
                body: r.body,
                at: r.at,
            })
        })
        .collect()
    }
}

impl CaseNotes<'_, crate::Write> {
    pub async fn add(&mut self, note: &CaseNote) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO case_notes (id, case_id, author_id, body, at) VALUES ($1, $2, $3, $4, $5)",
            &note.id,
            note.case_id.as_str(),
            note.author_id.as_ref().map(UserId::as_str),
            &note.body,
            note.at,
        )?;
        Ok(())
    }
}
