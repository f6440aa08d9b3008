//! Case checks: the watchlist (replaced whole by each upload) and each case's latest result of
//! each check, with its reasons as JSON. Also the few cross-table reads the checks make: other
//! open cases of travelers born on a day, and the groups whose applications give one ZIP code.

use puerta_domain::cases::ReferenceNumber;
use puerta_domain::cases::screening::{CheckKind, CheckOutcome, CheckReason};
use puerta_domain::ids::{ApplicationId, CaseId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, on, repository};

repository!(
    /// The watchlist case checks screen travelers against.
    Watchlist
);
repository!(
    /// The latest result of each check on each case.
    CaseChecks
);

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.into())
}

/// One row of an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWatchlistEntry {
    pub id: String,
    pub full_name: String,
    pub normalized_name: String,
    /// `YYYY-MM-DD`, `YYYY` or empty.
    pub date_of_birth: String,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WatchlistEntry {
    pub id: String,
    pub full_name: String,
    pub normalized_name: String,
    pub date_of_birth: String,
}

/// Which list is in force: its version, when and by whom it was uploaded, how many entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchlistVersion {
    pub version: String,
    pub uploaded_at: i64,
    pub uploaded_by: Option<UserId>,
    pub entries: i64,
}

/// Rows per INSERT: 7 binds each stays far under both backends' limits on bound values.
const INSERT_CHUNK: usize = 500;

impl<M> Watchlist<'_, M> {
    /// Every entry, in the order of the upload.
    pub async fn entries(&mut self) -> Result<Vec<WatchlistEntry>, StoreError> {
        Ok(fetch_all!(
            &mut self.conn,
            WatchlistEntry,
            "SELECT id, full_name, normalized_name, date_of_birth FROM watchlist_entries ORDER BY id"
        )?)
    }

    /// The list in force; `None` before the first upload.
    pub async fn version(&mut self) -> Result<Option<WatchlistVersion>, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (String, i64, Option<String>, i64),
            "SELECT list_version, MAX(uploaded_at), MAX(uploaded_by), COUNT(*) FROM watchlist_entries \
             GROUP BY list_version"
        )?;
        row.map(|(version, uploaded_at, by, entries)| {
            Ok(WatchlistVersion {
                version,
                uploaded_at,
                uploaded_by: by.as_deref().map(user_id).transpose()?,
                entries,
            })
        })
        .transpose()
    }
}

impl Watchlist<'_, crate::Write> {
    /// Replaces the whole list with `entries` (ids in upload order), all tagged with `version`.
    pub async fn replace(
        &mut self,
        entries: &[NewWatchlistEntry],
        version: &str,
        uploaded_at: i64,
        uploaded_by: Option<&UserId>,
    ) -> Result<(), StoreError> {
        exec!(&mut self.conn, "DELETE FROM watchlist_entries")?;
        let by = uploaded_by.map(UserId::as_str);
        for chunk in entries.chunks(INSERT_CHUNK) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let b = i * 7;
                    format!(
                        "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
                        b + 1,
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5,
                        b + 6,
                        b + 7
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO watchlist_entries (id, full_name, normalized_name, date_of_birth, list_version, \
                 uploaded_at, uploaded_by) VALUES {}",
                values.join(", ")
            );
            on!(&mut self.conn, c => {
                let mut query = sqlx::query(&sql);
                for e in chunk {
                    query = query
                        .bind(&e.id)
                        .bind(&e.full_name)
                        .bind(&e.normalized_name)
                        .bind(&e.date_of_birth)
                        .bind(version)
                        .bind(uploaded_at)
                        .bind(by);
                }
                query.execute(&mut **c).await.map(|_| ())
            })?;
        }
        Ok(())
    }
}

/// A check's result on a case.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRecord {
    pub case_id: CaseId,
    pub kind: CheckKind,
    pub outcome: CheckOutcome,
    pub reasons: Vec<CheckReason>,
    pub ran_at: i64,
    /// `None` when it ran on its own (at submission, or because another case was submitted).
    pub ran_by: Option<UserId>,
}

#[derive(sqlx::FromRow)]
struct CheckRow {
    case_id: String,
    kind: String,
    outcome: String,
    reasons: String,
    ran_at: i64,
    ran_by: Option<String>,
}

impl TryFrom<CheckRow> for CheckRecord {
    type Error = StoreError;

    fn try_from(r: CheckRow) -> Result<Self, StoreError> {
        Ok(Self {
            case_id: CaseId::parse(&r.case_id).map_err(|_| corrupt("case id"))?,
            kind: CheckKind::parse(&r.kind).ok_or_else(|| corrupt("check kind"))?,
            outcome: CheckOutcome::parse(&r.outcome).ok_or_else(|| corrupt("check outcome"))?,
            reasons: serde_json::from_str(&r.reasons).map_err(|_| corrupt("check reasons"))?,
            ran_at: r.ran_at,
            ran_by: r.ran_by.as_deref().map(user_id).transpose()?,
        })
    }
}

/// Another open case whose traveler was born on the day asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCaseOfBirthday {
    pub case_id: CaseId,
    pub reference_number: ReferenceNumber,
    pub account_id: UserId,
    pub given_name: String,
    pub family_name: String,
}

/// A group's US destination, as its application gives it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GroupAddress {
    pub account_id: String,
    pub us_line1: String,
    pub us_city: String,
    pub us_state: String,
    pub us_postal_code: String,
}

impl<M> CaseChecks<'_, M> {
    /// The case's results, one per kind, in kind order.
    pub async fn list(&mut self, case: &CaseId) -> Result<Vec<CheckRecord>, StoreError> {
        let mut rows: Vec<CheckRecord> = fetch_all!(
            &mut self.conn,
            CheckRow,
            "SELECT case_id, kind, outcome, reasons, ran_at, ran_by FROM case_checks WHERE case_id = $1",
            case.as_str()
        )?
        .into_iter()
        .map(CheckRecord::try_from)
        .collect::<Result<_, _>>()?;
        rows.sort_by_key(|r| r.kind);
        Ok(rows)
    }

    /// Open cases (not decided for good, not withdrawn) other than `except` whose traveler was
    /// born on `date_of_birth` (`YYYY-MM-DD`).
    pub async fn open_cases_born_on(
        &mut self,
        date_of_birth: &str,
        except: &CaseId,
    ) -> Result<Vec<OpenCaseOfBirthday>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String, String, String, String, String),
            "SELECT c.id, c.reference_number, c.account_id, t.given_name, t.family_name \
             FROM cases c JOIN travelers t ON t.id = c.traveler_id \
             WHERE t.date_of_birth = $1 AND c.id <> $2 \
             AND c.status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn') \
             ORDER BY c.opened_at, c.id",
            date_of_birth,
            except.as_str()
        )?;
        rows.into_iter()
            .map(|(id, reference, account, given_name, family_name)| {
                Ok(OpenCaseOfBirthday {
                    case_id: CaseId::parse(&id).map_err(|_| corrupt("case id"))?,
                    reference_number: ReferenceNumber::parse(&reference).map_err(|_| corrupt("reference"))?,
                    account_id: user_id(&account)?,
                    given_name,
                    family_name,
                })
            })
            .collect()
    }

    /// The destination of one application.
    pub async fn application_address(
        &mut self,
        application: &ApplicationId,
    ) -> Result<Option<GroupAddress>, StoreError> {
        Ok(fetch_optional!(
            &mut self.conn,
            GroupAddress,
            "SELECT account_id, us_line1, us_city, us_state, us_postal_code FROM applications WHERE id = $1",
            application.as_str()
        )?)
    }

    /// Every application's destination in `state` whose ZIP code starts with the five digits
    /// `zip5` (`78520` and `78520-1234` alike), one row per distinct account and address.
    pub async fn addresses_in_zip(
        &mut self,
        state: &str,
        zip5: &str,
    ) -> Result<Vec<GroupAddress>, StoreError> {
        Ok(fetch_all!(
            &mut self.conn,
            GroupAddress,
            "SELECT DISTINCT account_id, us_line1, us_city, us_state, us_postal_code FROM applications \
             WHERE us_state = $1 AND (us_postal_code = $2 OR us_postal_code LIKE $3) \
             ORDER BY account_id, us_line1, us_city, us_state, us_postal_code",
            state,
            zip5,
            format!("{zip5}-%")
        )?)
    }
}

impl CaseChecks<'_, crate::Write> {
    /// Records `check` as the case's latest result of its kind (replacing the one before).
    pub async fn save(&mut self, check: &CheckRecord) -> Result<(), StoreError> {
        let reasons = serde_json::to_string(&check.reasons).map_err(|_| corrupt("check reasons"))?;
        exec!(
            &mut self.conn,
            "INSERT INTO case_checks (case_id, kind, outcome, reasons, ran_at, ran_by) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (case_id, kind) DO UPDATE SET outcome = excluded.outcome, reasons = excluded.reasons, \
             ran_at = excluded.ran_at, ran_by = excluded.ran_by",
            check.case_id.as_str(),
            check.kind.as_str(),
            check.outcome.as_str(),
            reasons,
            check.ran_at,
            check.ran_by.as_ref().map(UserId::as_str),
        )?;
        Ok(())
    }
}
