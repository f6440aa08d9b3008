use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// The scheduling rules an administrator changed, and the places each port gives each draw.
    Scheduling
);

/// What an administrator set; `None` keeps the configured default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchedulingOverrides {
    pub window_opens: Option<String>,
    pub window_closes: Option<String>,
    pub time_zone: Option<String>,
    pub oldest_share_permille: Option<i64>,
    pub lead_days: Option<i64>,
    pub service_policy: Option<String>,
}

/// A port's places for one draw and how many offers and appointments hold.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CapacityRecord {
    pub draw_date: String,
    pub port_code: String,
    pub places: i64,
    pub held: i64,
}

#[derive(sqlx::FromRow)]
struct OverridesRow {
    window_opens: Option<String>,
    window_closes: Option<String>,
    time_zone: Option<String>,
    oldest_share_permille: Option<i64>,
    lead_days: Option<i64>,
    service_policy: Option<String>,
}

impl<M> Scheduling<'_, M> {
    pub async fn overrides(&mut self) -> Result<SchedulingOverrides, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            OverridesRow,
            "SELECT window_opens, window_closes, time_zone, CAST(oldest_share_permille AS BIGINT) AS oldest_share_permille, \
             CAST(lead_days AS BIGINT) AS lead_days, service_policy FROM scheduling_settings WHERE id = 1",
        )?;
        Ok(row
            .map(|r| SchedulingOverrides {
                window_opens: r.window_opens,
                window_closes: r.window_closes,
                time_zone: r.time_zone,
                oldest_share_permille: r.oldest_share_permille,
                lead_days: r.lead_days,
                service_policy: r.service_policy,
            })
            .unwrap_or_default())
    }

    /// Every port's places for `date` set so far (an admin's, or the draw's once frozen).
    pub async fn capacity(&mut self, date: &str) -> Result<Vec<CapacityRecord>, StoreError> {
        Ok(fetch_all!(
            &mut self.conn,
            CapacityRecord,
            "SELECT draw_date, port_code, CAST(places AS BIGINT) AS places, CAST(held AS BIGINT) AS held \
             FROM draw_capacity WHERE draw_date = $1 ORDER BY port_code",
            date,
        )?)
    }
}

impl Scheduling<'_, crate::Write> {
    /// Replaces what administrators set (every field: `None` goes back to the default).
    pub async fn set_overrides(&mut self, o: &SchedulingOverrides, at: i64) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO scheduling_settings (id, window_opens, window_closes, time_zone, oldest_share_permille, \
             lead_days, service_policy, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (id) DO UPDATE SET window_opens = excluded.window_opens, \
             window_closes = excluded.window_closes, time_zone = excluded.time_zone, \
             oldest_share_permille = excluded.oldest_share_permille, lead_days = excluded.lead_days, \
             service_policy = excluded.service_policy, updated_at = excluded.updated_at",
            o.window_opens.as_deref(),
            o.window_closes.as_deref(),
            o.time_zone.as_deref(),
            o.oldest_share_permille,
            o.lead_days,
            o.service_policy.as_deref(),
            at,
        )?;
        Ok(())
    }

    /// Sets a port's places for a draw (before it is frozen: the caller holds the draw's lock).
    /// Refused (`Conflict`) below what is already held.
    pub async fn set_places(&mut self, date: &str, port: &str, places: i64) -> Result<(), StoreError> {
        let done = crate::unit_of_work::refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "INSERT INTO draw_capacity (draw_date, port_code, places, held) VALUES ($1, $2, $3, 0) \
                 ON CONFLICT (draw_date, port_code) DO UPDATE SET places = excluded.places",
                date,
                port,
                places,
            )
        });
        done.map_err(|e| match &e {
            sqlx::Error::Database(db) if db.is_check_violation() => StoreError::Conflict,
            _ => StoreError::Database(e),
        })?;
        Ok(())
    }

    /// Holds `n` of a port's places for a draw; `false` when fewer than `n` are free. A guarded
    /// increment (the database's `CHECK` is the last word), so parallel holds never exceed.
    pub async fn hold(&mut self, date: &str, port: &str, n: i64) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE draw_capacity SET held = held + $3 WHERE draw_date = $1 AND port_code = $2 AND held + $3 <= places",
            date,
            port,
            n,
        )?;
        Ok(changed == 1)
    }

    /// Gives `n` held places back.
    pub async fn release(&mut self, date: &str, port: &str, n: i64) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE draw_capacity SET held = held - $3 WHERE draw_date = $1 AND port_code = $2",
            date,
            port,
            n,
        )?;
        Ok(())
    }
}
