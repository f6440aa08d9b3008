//! Everything an appointment request is decided on, in one read: on release day every request
//! asks it, and each statement is a trip to the connection's own thread.

use std::sync::LazyLock;

use puerta_domain::appointments::DrawStatus;
use puerta_domain::ids::UserId;

use super::corrupt;
use crate::StoreError;
use crate::cases::TravelerRecord;
use crate::unit_of_work::fetch_all;

/// One of the account's travelers, and where they stand for one draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelerStanding {
    pub traveler: TravelerRecord,
    /// A case still open (not decided for good, not withdrawn).
    pub open_case: bool,
    /// Holds an offer or a confirmed appointment.
    pub scheduled: bool,
    /// Has a standing request in this draw.
    pub requested: bool,
}

/// An account's travelers (oldest first, as `Travelers::list_for_account`) with where each
/// stands, the draw's status (`None`: nobody asked yet, so it is not made), and when the
/// account registered. No travelers (or no such account): all empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DrawStanding {
    pub travelers: Vec<TravelerStanding>,
    pub draw_status: Option<DrawStatus>,
    pub registered_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    traveler: crate::cases::travelers::Row,
    open_case: i32,
    scheduled: i32,
    requested: i32,
    draw_status: Option<String>,
    registered_at: i64,
}

/// The same checks as `Cases::open_for_traveler`, `Appointments::traveler_has_live` and
/// `AppointmentRequests::traveler_requested`, one row per traveler. Each is a subquery that
/// stops at its first row, not `EXISTS`, which PostgreSQL may plan as a hash of the whole table
/// (it halved the release-day figure there).
static SQL: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<String> =
        crate::cases::travelers::COLUMNS.split(", ").map(|c| format!("t.{}", c.trim())).collect();
    format!(
        "SELECT {}, \
         CASE WHEN (SELECT 1 FROM cases c WHERE c.traveler_id = t.id \
           AND c.status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn') LIMIT 1) \
           IS NOT NULL THEN 1 ELSE 0 END AS open_case, \
         CASE WHEN (SELECT 1 FROM appointment_travelers x JOIN appointments a ON a.id = x.appointment_id \
           WHERE x.traveler_id = t.id AND a.status IN ('offered', 'confirmed') LIMIT 1) IS NOT NULL THEN 1 ELSE 0 END AS scheduled, \
         CASE WHEN (SELECT 1 FROM appointment_request_travelers r \
           WHERE r.traveler_id = t.id AND r.draw_date = $2 AND r.active = 1 LIMIT 1) IS NOT NULL THEN 1 ELSE 0 END AS requested, \
         (SELECT d.status FROM draws d WHERE d.draw_date = $2) AS draw_status, \
         u.created_at AS registered_at \
         FROM travelers t JOIN users u ON u.id = t.account_id \
         WHERE t.account_id = $1 ORDER BY t.created_at, t.id",
        columns.join(", ")
    )
});

impl<M> super::AppointmentRequests<'_, M> {
    /// Where `account` and each of its travelers stand for the draw of `date` (see
    /// [`DrawStanding`]; without a date, nobody has requested and there is no draw), in one
    /// statement.
    pub async fn standing(
        &mut self,
        account: &UserId,
        date: Option<&str>,
    ) -> Result<DrawStanding, StoreError> {
        let rows = fetch_all!(&mut self.conn, Row, SQL.as_str(), account.as_str(), date)?;
        let mut standing = DrawStanding::default();
        for row in rows {
            standing.registered_at = Some(row.registered_at);
            standing.draw_status = match &row.draw_status {
                Some(s) => Some(DrawStatus::parse(s).ok_or_else(|| corrupt("draw status"))?),
                None => None,
            };
            standing.travelers.push(TravelerStanding {
                traveler: TravelerRecord::try_from(row.traveler)?,
                open_case: row.open_case != 0,
                scheduled: row.scheduled != 0,
                requested: row.requested != 0,
            });
        }
        Ok(standing)
    }
}
