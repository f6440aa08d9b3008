//! Watchlist screening: the administrators' list (replaced whole by each upload) against the
//! traveler's name and date of birth, by the domain's fuzzy rules
//! (`puerta_domain::cases::screening`).

use async_trait::async_trait;
use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::parse_iso_date;
use puerta_domain::cases::screening::{
    CheckKind, CheckOutcome, CheckReason, ListedPerson, ScreeningList, parse_watchlist,
};
use puerta_store::WriteTx;
use puerta_store::cases::NewWatchlistEntry;

use super::{CaseCheck, CheckSubject, Finding};
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError, FieldProblem};

pub(super) struct WatchlistCheck;

#[async_trait]
impl CaseCheck for WatchlistCheck {
    fn kind(&self) -> CheckKind {
        CheckKind::Watchlist
    }

    async fn run(&self, tx: &mut WriteTx, subjects: &[CheckSubject]) -> Result<Vec<Finding>, AppError> {
        if subjects.is_empty() {
            return Ok(Vec::new());
        }
        let entries = tx.watchlist().entries().await?;
        if entries.is_empty() {
            return Ok(subjects
                .iter()
                .map(|_| Finding::new(CheckOutcome::Clear, vec![CheckReason::NoWatchlist]))
                .collect());
        }
        let list = ScreeningList::new(entries.iter().map(|e| ListedPerson {
            id: &e.id,
            full_name: &e.full_name,
            date_of_birth: &e.date_of_birth,
        }));
        let searched = i64::try_from(list.len()).unwrap_or(i64::MAX);
        Ok(subjects
            .iter()
            .map(|s| {
                let name = format!("{} {}", s.traveler.given_name, s.traveler.family_name);
                let found = parse_iso_date(&s.traveler.date_of_birth)
                    .map(|born| list.screen(&name, born))
                    .unwrap_or_default();
                if found.is_empty() {
                    return Finding::new(
                        CheckOutcome::Clear,
                        vec![CheckReason::WatchlistSearched { entries: searched }],
                    );
                }
                let reasons = found
                    .into_iter()
                    .map(|m| CheckReason::WatchlistMatch {
                        entry_id: m.entry_id,
                        listed_name: m.listed_name,
                        listed_date_of_birth: m.listed_date_of_birth,
                        score: m.score,
                        date_of_birth: m.birth,
                    })
                    .collect();
                Finding::new(CheckOutcome::Hit, reasons)
            })
            .collect())
    }
}

/// The list now in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchlistSummary {
    pub entries: i64,
    pub version: String,
    pub uploaded_at: i64,
}

impl App {
    /// An administrator replaces the watchlist with the CSV `bytes` (header
    /// `full_name,date_of_birth`, UTF-8, at most 5 MB and 100 000 rows). A file with any bad
    /// line changes nothing and names each bad line (field `file`, the message's `line`
    /// argument; 0 for the whole file). Open cases keep their results until checks run again.
    pub async fn replace_watchlist(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        bytes: &[u8],
    ) -> Result<WatchlistSummary, AppError> {
        actor.authorize(Action::ManageWatchlist, Target::None)?;
        let rows = parse_watchlist(bytes).map_err(|errors| {
            AppError::Validation(
                errors
                    .into_iter()
                    .map(|e| FieldProblem::new("file", e.problem).with_arg("line", e.line))
                    .collect(),
            )
        })?;
        let version = uuid::Uuid::new_v4().simple().to_string();
        // Ids keep the file's order (entries are listed by id).
        let entries: Vec<NewWatchlistEntry> = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| NewWatchlistEntry {
                id: format!("{version}-{i:06}"),
                full_name: r.full_name,
                normalized_name: r.normalized_name,
                date_of_birth: r.date_of_birth,
            })
            .collect();
        let now = self.now();
        let mut tx = self.begin().await?;
        tx.watchlist().replace(&entries, &version, now, Some(&actor.user_id)).await?;
        let count = i64::try_from(entries.len()).unwrap_or(i64::MAX);
        let detail = Some(format!("{version} {count}"));
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::WatchlistReplaced, None, detail).await?;
        self.commit(tx).await?;
        Ok(WatchlistSummary { entries: count, version, uploaded_at: now })
    }

    /// The list in force, for the administrators' page; `None` before the first upload.
    pub async fn watchlist_summary(&self, actor: &Actor) -> Result<Option<WatchlistSummary>, AppError> {
        actor.authorize(Action::ManageWatchlist, Target::None)?;
        let mut read = self.reader().await?;
        Ok(read.watchlist().version().await?.map(|v| WatchlistSummary {
            entries: v.entries,
            version: v.version,
            uploaded_at: v.uploaded_at,
        }))
    }
}
