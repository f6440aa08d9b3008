use puerta_domain::appointments::RequestStatus;
use puerta_domain::ids::{AppointmentRequestId, TravelerId, UserId};

use super::corrupt;
use crate::StoreError;
use crate::unit_of_work::{Conn, exec, fetch_all, fetch_optional, refusable, repository};

repository!(
    /// Groups' requests for a place in a draw, and each port's waitlist after it.
    AppointmentRequests
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub id: AppointmentRequestId,
    pub draw_date: String,
    pub account_id: UserId,
    pub port_code: String,
    /// The opaque id published with the draw's inputs.
    pub entry_id: String,
    pub registered_at: i64,
    pub travelers: Vec<TravelerId>,
    pub created_at: i64,
}

/// What [`AppointmentRequests::create_checked`] did. Anything but `Stored` leaves the
/// transaction with part of the request written: the caller rolls it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    Stored,
    /// The draw is no longer open (frozen or drawn meanwhile).
    DrawNotOpen,
    /// This traveler is not the account's, has no open case, or holds an offer or appointment.
    NotEligible(TravelerId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub id: AppointmentRequestId,
    pub draw_date: String,
    pub account_id: UserId,
    pub port_code: String,
    pub entry_id: String,
    pub group_size: i64,
    pub registered_at: i64,
    pub status: RequestStatus,
    pub created_at: i64,
}

/// The next group on a port's waitlist that fits the places given back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitlistCandidate {
    pub request_id: AppointmentRequestId,
    pub account_id: UserId,
    pub group_size: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    draw_date: String,
    account_id: String,
    port_code: String,
    entry_id: String,
    group_size: i64,
    registered_at: i64,
    status: String,
    created_at: i64,
}

const COLUMNS: &str = "id, draw_date, account_id, port_code, entry_id, CAST(group_size AS BIGINT) AS group_size, \
    registered_at, status, created_at";

impl TryFrom<Row> for RequestRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: AppointmentRequestId::parse(&r.id).map_err(|_| corrupt("request id"))?,
            account_id: crate::accounts::records::user_id(&r.account_id)?,
            status: RequestStatus::parse(&r.status).ok_or_else(|| corrupt("request status"))?,
            draw_date: r.draw_date,
            port_code: r.port_code,
            entry_id: r.entry_id,
            group_size: r.group_size,
            registered_at: r.registered_at,
            created_at: r.created_at,
        })
    }
}

fn traveler_ids(rows: Vec<(String,)>) -> Result<Vec<TravelerId>, StoreError> {
    rows.into_iter().map(|(id,)| TravelerId::parse(&id).map_err(|_| corrupt("traveler id"))).collect()
}

impl<M> AppointmentRequests<'_, M> {
    pub async fn find(&mut self, id: &AppointmentRequestId) -> Result<Option<RequestRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM appointment_requests WHERE id = $1");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str())?.map(RequestRecord::try_from).transpose()
    }

    /// The account holder's requests, newest first (at most 60: two months of daily requests).
    pub async fn list_for_account(&mut self, account: &UserId) -> Result<Vec<RequestRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM appointment_requests WHERE account_id = $1 ORDER BY created_at DESC, id LIMIT 60"
        );
        fetch_all!(&mut self.conn, Row, &sql, account.as_str())?
            .into_iter()
            .map(RequestRecord::try_from)
            .collect()
    }

    /// The draw's inputs: every request of the draw not withdrawn (withdrawal ends at the
    /// freeze, so after it this set no longer changes), in the order of their published ids,
    /// which is the order the digest and the draw read them in (their sorts then cost one pass).
    pub async fn for_draw(&mut self, date: &str) -> Result<Vec<RequestRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM appointment_requests WHERE draw_date = $1 AND status <> 'withdrawn' ORDER BY entry_id"
        );
        fetch_all!(&mut self.conn, Row, &sql, date)?.into_iter().map(RequestRecord::try_from).collect()
    }

    /// How many requests a draw has (withdrawn ones aside).
    pub async fn count_for_draw(&mut self, date: &str) -> Result<i64, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM appointment_requests WHERE draw_date = $1 AND status <> 'withdrawn'",
            date,
        )?;
        Ok(row.map_or(0, |(n,)| n))
    }

    pub async fn travelers(&mut self, id: &AppointmentRequestId) -> Result<Vec<TravelerId>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String,),
            "SELECT traveler_id FROM appointment_request_travelers WHERE request_id = $1 ORDER BY traveler_id",
            id.as_str(),
        )?;
        traveler_ids(rows)
    }

    /// Whether `traveler` has a standing request in the draw of `date`.
    pub async fn traveler_requested(
        &mut self,
        traveler: &TravelerId,
        date: &str,
    ) -> Result<bool, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (String,),
            "SELECT request_id FROM appointment_request_travelers WHERE traveler_id = $1 AND draw_date = $2 AND active = 1",
            traveler.as_str(),
            date,
        )?;
        Ok(row.is_some())
    }

    /// How many requests, and travelers in them, a draw had at a port (withdrawn ones aside).
    pub async fn demand(&mut self, date: &str, port: &str) -> Result<(i64, i64), StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (i64, i64),
            "SELECT COUNT(*), CAST(COALESCE(SUM(group_size), 0) AS BIGINT) FROM appointment_requests \
             WHERE draw_date = $1 AND port_code = $2 AND status <> 'withdrawn'",
            date,
            port,
        )?;
        Ok(row.unwrap_or((0, 0)))
    }

    /// Account holders with a standing request (in the draw of `date` and at `port`, when given).
    pub async fn accounts_with_standing_requests(
        &mut self,
        date: Option<&str>,
        port: Option<&str>,
    ) -> Result<std::collections::BTreeSet<UserId>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String,),
            "SELECT DISTINCT account_id FROM appointment_requests WHERE status = 'requested' \
             AND ($1 IS NULL OR draw_date = $1) AND ($2 IS NULL OR port_code = $2)",
            date,
            port,
        )?;
        rows.into_iter().map(|(id,)| crate::accounts::records::user_id(&id)).collect()
    }

    /// After a draw, the groups at a port still waiting (not placed, not withdrawn) with at most
    /// `max_size` travelers, by their published entry id: the waitlist's order comes from the
    /// draw's result.
    pub async fn waiting_at_port(
        &mut self,
        date: &str,
        port: &str,
        max_size: i64,
    ) -> Result<Vec<(String, WaitlistCandidate)>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String, String, String, i64),
            "SELECT entry_id, id, account_id, CAST(group_size AS BIGINT) FROM appointment_requests \
             WHERE draw_date = $1 AND port_code = $2 AND status = 'requested' AND group_size <= $3",
            date,
            port,
            max_size,
        )?;
        rows.into_iter()
            .map(|(entry, id, account, size)| {
                let candidate = WaitlistCandidate {
                    request_id: AppointmentRequestId::parse(&id).map_err(|_| corrupt("request id"))?,
                    account_id: crate::accounts::records::user_id(&account)?,
                    group_size: size,
                };
                Ok((entry, candidate))
            })
            .collect()
    }
}

impl AppointmentRequests<'_, crate::Write> {
    /// Stores a request and its travelers. `Conflict` when one of them already has a standing
    /// request in that draw (the database's unique index: parallel requests cannot both pass).
    pub async fn create(&mut self, r: &NewRequest) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, r.account_id.as_str());
        let size = i64::try_from(r.travelers.len()).map_err(|_| corrupt("group size"))?;
        exec!(
            &mut self.conn,
            "INSERT INTO appointment_requests (id, draw_date, account_id, port_code, entry_id, group_size, \
             registered_at, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $8)",
            r.id.as_str(),
            &r.draw_date,
            r.account_id.as_str(),
            &r.port_code,
            &r.entry_id,
            size,
            r.registered_at,
            r.created_at,
        )?;
        for traveler in &r.travelers {
            refusable!(&mut self.conn, conn => {
                exec!(
                    conn,
                    "INSERT INTO appointment_request_travelers (request_id, traveler_id, draw_date, active) \
                     VALUES ($1, $2, $3, 1)",
                    r.id.as_str(),
                    traveler.as_str(),
                    &r.draw_date,
                )
            })
            .map_err(crate::error::conflict_on_unique)?;
        }
        Ok(())
    }

    /// Stores a request as [`Self::create`] does, with what may have changed since the caller
    /// looked checked inside the writes themselves, so a request costs the one writer a
    /// statement per row (on SQLite all of them in one trip to the writer's thread): the draw still open (on PostgreSQL its row is also held against a
    /// concurrent freeze, as [`crate::Draws::hold_open`] does; SQLite's one writer orders them),
    /// and each traveler still the account's, with an open case and no offer or appointment.
    /// `Conflict` as for `create`; then too the caller rolls back (on PostgreSQL the refused
    /// insert has ended the transaction: a commit would store nothing).
    pub async fn create_checked(&mut self, r: &NewRequest) -> Result<Checked, StoreError> {
        crate::touches::account(&mut self.touched, r.account_id.as_str());
        if self.conn.is_postgres() {
            let held = fetch_optional!(
                &mut self.conn,
                (String,),
                "SELECT status FROM draws WHERE draw_date = $1 FOR SHARE",
                &r.draw_date
            )?;
            if held.is_none_or(|(status,)| status != "open") {
                return Ok(Checked::DrawNotOpen);
            }
        }
        let size = i64::try_from(r.travelers.len()).map_err(|_| corrupt("group size"))?;
        if let Conn::Sqlite(conn) = &mut self.conn {
            return create_checked_sqlite(conn, r, size).await;
        }
        let stored = exec!(
            &mut self.conn,
            INSERT_REQUEST,
            r.id.as_str(),
            &r.draw_date,
            r.account_id.as_str(),
            &r.port_code,
            &r.entry_id,
            size,
            r.registered_at,
            r.created_at,
        )?;
        if stored == 0 {
            return Ok(Checked::DrawNotOpen);
        }
        for traveler in &r.travelers {
            let stored = exec!(
                &mut self.conn,
                &insert_traveler(4),
                r.id.as_str(),
                &r.draw_date,
                r.account_id.as_str(),
                traveler.as_str(),
            )
            .map_err(crate::error::conflict_on_unique)?;
            if stored == 0 {
                return Ok(Checked::NotEligible(traveler.clone()));
            }
        }
        Ok(Checked::Stored)
    }

    /// Moves a request from `from` to `to`; `false` when it was no longer in `from`. A request
    /// that stops standing (withdrawn) frees its travelers to request again in that draw.
    pub async fn set_status(
        &mut self,
        id: &AppointmentRequestId,
        from: RequestStatus,
        to: RequestStatus,
        at: i64,
    ) -> Result<bool, StoreError> {
        let changed = fetch_optional!(
            &mut self.conn,
            (String,),
            "UPDATE appointment_requests SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2 \
             RETURNING account_id",
            id.as_str(),
            from.as_str(),
            to.as_str(),
            at,
        )?;
        let Some((account,)) = changed else { return Ok(false) };
        crate::touches::account(&mut self.touched, &account);
        if to == RequestStatus::Withdrawn {
            exec!(
                &mut self.conn,
                "UPDATE appointment_request_travelers SET active = 0 WHERE request_id = $1",
                id.as_str()
            )?;
        }
        Ok(true)
    }
}

/// The request, if its draw is still open ($1 id, $2 draw, $3 account, … $8 created).
const INSERT_REQUEST: &str = "INSERT INTO appointment_requests (id, draw_date, account_id, port_code, entry_id, \
     group_size, registered_at, status, created_at, updated_at) SELECT $1, $2, $3, $4, $5, $6, $7, 'requested', \
     $8, $8 WHERE EXISTS (SELECT 1 FROM draws WHERE draw_date = $2 AND status = 'open')";

/// One traveler of request $1 (draw $2, account $3) given as `$param`, if the request was
/// stored and the traveler is still the account's, with an open case and no offer or
/// appointment.
fn insert_traveler(param: usize) -> String {
    format!(
        "INSERT INTO appointment_request_travelers (request_id, traveler_id, draw_date, active) \
         SELECT $1, ${param}, $2, 1 WHERE EXISTS (SELECT 1 FROM appointment_requests WHERE id = $1) \
         AND EXISTS (SELECT 1 FROM travelers WHERE id = ${param} AND account_id = $3) \
         AND EXISTS (SELECT 1 FROM cases WHERE traveler_id = ${param} \
           AND status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn')) \
         AND NOT EXISTS (SELECT 1 FROM appointment_travelers t JOIN appointments a \
           ON a.id = t.appointment_id WHERE t.traveler_id = ${param} AND a.status IN ('offered', 'confirmed'))"
    )
}

/// `create_checked` on SQLite: the request and its travelers in one trip to the writer's thread
/// (SQLite runs a text of several statements with one set of numbered parameters), the
/// travelers from `$9`. Only when fewer rows than asked were written does a second statement
/// say which check refused.
async fn create_checked_sqlite(
    conn: &mut sqlx::SqliteConnection,
    r: &NewRequest,
    size: i64,
) -> Result<Checked, StoreError> {
    let mut sql = String::from(INSERT_REQUEST);
    for i in 0..r.travelers.len() {
        sql.push_str("; ");
        sql.push_str(&insert_traveler(9 + i));
        // Only while every traveler before it was stored: after the first refusal the others
        // write nothing (as the statement-by-statement path stops), so that refusal answers.
        sql.push_str(&format!(
            " AND (SELECT COUNT(*) FROM appointment_request_travelers WHERE request_id = $1) = {i}"
        ));
    }
    let mut query = sqlx::query(&sql)
        .bind(r.id.as_str())
        .bind(&r.draw_date)
        .bind(r.account_id.as_str())
        .bind(&r.port_code)
        .bind(&r.entry_id)
        .bind(size)
        .bind(r.registered_at)
        .bind(r.created_at);
    for traveler in &r.travelers {
        query = query.bind(traveler.as_str());
    }
    let stored = query.execute(&mut *conn).await.map_err(crate::error::conflict_on_unique)?.rows_affected();
    if stored == 1 + r.travelers.len() as u64 {
        return Ok(Checked::Stored);
    }
    if stored == 0 {
        return Ok(Checked::DrawNotOpen);
    }
    let written: Vec<(String,)> =
        sqlx::query_as("SELECT traveler_id FROM appointment_request_travelers WHERE request_id = $1")
            .bind(r.id.as_str())
            .fetch_all(&mut *conn)
            .await?;
    let refused = r.travelers.iter().find(|t| !written.iter().any(|(w,)| w == t.as_str()));
    refused.map(|t| Checked::NotEligible(t.clone())).ok_or_else(|| corrupt("request travelers written"))
}
