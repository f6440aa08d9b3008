use puerta_domain::appointments::{AppointmentStatus, Selection};
use puerta_domain::ids::{AppointmentId, AppointmentRequestId, CaseId, TravelerId, UserId};

use super::corrupt;
use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, refusable, repository};

repository!(
    /// Offers and appointments, and each traveler's arrival at the port.
    Appointments
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAppointment {
    pub id: AppointmentId,
    pub request_id: AppointmentRequestId,
    pub draw_date: String,
    pub account_id: UserId,
    pub port_code: String,
    pub places: i64,
    pub scheduled_at: i64,
    /// `None` for an offer from the waitlist.
    pub selection: Option<Selection>,
    pub offered_at: i64,
    pub offer_expires_at: i64,
    pub travelers: Vec<TravelerId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentRecord {
    pub id: AppointmentId,
    pub request_id: AppointmentRequestId,
    pub draw_date: String,
    pub account_id: UserId,
    pub port_code: String,
    pub places: i64,
    pub scheduled_at: i64,
    pub status: AppointmentStatus,
    /// `oldest`, `random` or `waitlist`.
    pub selection: String,
    pub offered_at: i64,
    pub offer_expires_at: i64,
    pub confirmation_number: Option<String>,
    pub confirmed_at: Option<i64>,
}

/// One traveler of an appointment: whether they arrived, and the case it was linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentTraveler {
    pub traveler_id: TravelerId,
    /// `arrived`, `no_show`, or `None` before the port day.
    pub arrival: Option<String>,
    pub case_id: Option<CaseId>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    request_id: String,
    draw_date: String,
    account_id: String,
    port_code: String,
    places: i64,
    scheduled_at: i64,
    status: String,
    selection: String,
    offered_at: i64,
    offer_expires_at: i64,
    confirmation_number: Option<String>,
    confirmed_at: Option<i64>,
}

const COLUMNS: &str = "id, request_id, draw_date, account_id, port_code, CAST(places AS BIGINT) AS places, \
    scheduled_at, status, selection, offered_at, offer_expires_at, confirmation_number, confirmed_at";

impl TryFrom<Row> for AppointmentRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: AppointmentId::parse(&r.id).map_err(|_| corrupt("appointment id"))?,
            request_id: AppointmentRequestId::parse(&r.request_id).map_err(|_| corrupt("request id"))?,
            account_id: crate::accounts::records::user_id(&r.account_id)?,
            status: AppointmentStatus::parse(&r.status).ok_or_else(|| corrupt("appointment status"))?,
            draw_date: r.draw_date,
            port_code: r.port_code,
            places: r.places,
            scheduled_at: r.scheduled_at,
            selection: r.selection,
            offered_at: r.offered_at,
            offer_expires_at: r.offer_expires_at,
            confirmation_number: r.confirmation_number,
            confirmed_at: r.confirmed_at,
        })
    }
}

fn records(rows: Vec<Row>) -> Result<Vec<AppointmentRecord>, StoreError> {
    rows.into_iter().map(AppointmentRecord::try_from).collect()
}

impl<M> Appointments<'_, M> {
    pub async fn find(&mut self, id: &AppointmentId) -> Result<Option<AppointmentRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM appointments WHERE id = $1");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str())?.map(AppointmentRecord::try_from).transpose()
    }

    pub async fn find_by_confirmation(
        &mut self,
        number: &str,
    ) -> Result<Option<AppointmentRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM appointments WHERE confirmation_number = $1");
        fetch_optional!(&mut self.conn, Row, &sql, number)?.map(AppointmentRecord::try_from).transpose()
    }

    /// The account holder's appointments, newest offer first (at most 60).
    pub async fn list_for_account(&mut self, account: &UserId) -> Result<Vec<AppointmentRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM appointments WHERE account_id = $1 ORDER BY offered_at DESC, id LIMIT 60"
        );
        records(fetch_all!(&mut self.conn, Row, &sql, account.as_str())?)
    }

    /// Offers whose deadline has passed, oldest deadline first.
    pub async fn offers_due(&mut self, now: i64, limit: i64) -> Result<Vec<AppointmentRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM appointments WHERE status = 'offered' AND offer_expires_at <= $1 \
             ORDER BY offer_expires_at, id LIMIT $2"
        );
        records(fetch_all!(&mut self.conn, Row, &sql, now, limit)?)
    }

    /// A port's confirmed, checked-in and no-show appointments scheduled in [from, to).
    pub async fn for_port_day(
        &mut self,
        port: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<AppointmentRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM appointments WHERE port_code = $1 AND scheduled_at >= $2 AND scheduled_at < $3 \
             AND status IN ('confirmed', 'checked_in', 'no_show') ORDER BY scheduled_at, id"
        );
        records(fetch_all!(&mut self.conn, Row, &sql, port, from, to)?)
    }

    pub async fn travelers(&mut self, id: &AppointmentId) -> Result<Vec<AppointmentTraveler>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String, Option<String>, Option<String>),
            // In the order the account holder entered them, as on every other page.
            "SELECT a.traveler_id, a.arrival, a.case_id FROM appointment_travelers a \
             JOIN travelers t ON t.id = a.traveler_id WHERE a.appointment_id = $1 ORDER BY t.created_at, t.id",
            id.as_str(),
        )?;
        rows.into_iter()
            .map(|(traveler, arrival, case)| {
                Ok(AppointmentTraveler {
                    traveler_id: TravelerId::parse(&traveler).map_err(|_| corrupt("traveler id"))?,
                    arrival,
                    case_id: case.map(|c| CaseId::parse(&c).map_err(|_| corrupt("case id"))).transpose()?,
                })
            })
            .collect()
    }

    /// Whether the traveler is in an offered or confirmed appointment.
    pub async fn traveler_has_live(&mut self, traveler: &TravelerId) -> Result<bool, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (String,),
            "SELECT a.id FROM appointment_travelers t JOIN appointments a ON a.id = t.appointment_id \
             WHERE t.traveler_id = $1 AND a.status IN ('offered', 'confirmed') LIMIT 1",
            traveler.as_str(),
        )?;
        Ok(row.is_some())
    }
}

impl Appointments<'_, crate::Write> {
    /// Stores an offer and its travelers.
    pub async fn create(&mut self, a: &NewAppointment) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, a.account_id.as_str());
        let selection = match a.selection {
            Some(Selection::Oldest) => "oldest",
            Some(Selection::Random) => "random",
            None => "waitlist",
        };
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "INSERT INTO appointments (id, request_id, draw_date, account_id, port_code, places, scheduled_at, \
                 status, selection, offered_at, offer_expires_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'offered', $8, $9, $10, $9)",
                a.id.as_str(),
                a.request_id.as_str(),
                &a.draw_date,
                a.account_id.as_str(),
                &a.port_code,
                a.places,
                a.scheduled_at,
                selection,
                a.offered_at,
                a.offer_expires_at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        for traveler in &a.travelers {
            exec!(
                &mut self.conn,
                "INSERT INTO appointment_travelers (appointment_id, traveler_id) VALUES ($1, $2)",
                a.id.as_str(),
                traveler.as_str(),
            )?;
        }
        Ok(())
    }

    /// Confirms an offer still open at `at`; `false` when it is no longer offered or its
    /// deadline has passed. `Conflict` when the number is taken (the caller draws another).
    pub async fn confirm(&mut self, id: &AppointmentId, number: &str, at: i64) -> Result<bool, StoreError> {
        let changed = refusable!(&mut self.conn, conn => {
            fetch_optional!(
                conn,
                (String,),
                "UPDATE appointments SET status = 'confirmed', confirmation_number = $2, confirmed_at = $3, updated_at = $3 \
                 WHERE id = $1 AND status = 'offered' AND offer_expires_at > $3 RETURNING account_id",
                id.as_str(),
                number,
                at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(self.touched_appointment(changed))
    }

    /// Moves an appointment from `from` to `to`; `false` when it was no longer in `from`.
    pub async fn set_status(
        &mut self,
        id: &AppointmentId,
        from: AppointmentStatus,
        to: AppointmentStatus,
        at: i64,
    ) -> Result<bool, StoreError> {
        let changed = fetch_optional!(
            &mut self.conn,
            (String,),
            "UPDATE appointments SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2 RETURNING account_id",
            id.as_str(),
            from.as_str(),
            to.as_str(),
            at,
        )?;
        Ok(self.touched_appointment(changed))
    }

    /// Notes the account of an appointment an update changed (the `RETURNING` row); `false`
    /// when none was.
    fn touched_appointment(&mut self, changed: Option<(String,)>) -> bool {
        let Some((account,)) = changed else { return false };
        crate::touches::account(&mut self.touched, &account);
        true
    }

    /// Records whether a traveler came, and the case their arrival moved (what the account
    /// holder sees of it is the case's status, noted by `Cases`, so nothing is noted here).
    pub async fn set_arrival(
        &mut self,
        id: &AppointmentId,
        traveler: &TravelerId,
        arrived: bool,
        case: Option<&CaseId>,
    ) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE appointment_travelers SET arrival = $3, case_id = $4 WHERE appointment_id = $1 AND traveler_id = $2",
            id.as_str(),
            traveler.as_str(),
            if arrived { "arrived" } else { "no_show" },
            case.map(CaseId::as_str),
        )?;
        Ok(())
    }
}
