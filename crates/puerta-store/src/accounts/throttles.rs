use crate::StoreError;
use crate::unit_of_work::{exec, fetch_one, fetch_optional, repository};

repository!(
    /// Fixed-window counters. Keys are hashed by the application: no email or address is stored.
    Throttles
);

impl<M> Throttles<'_, M> {
    pub async fn count(&mut self, key: &str, window_start: i64) -> Result<i64, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (i64,),
            "SELECT count FROM throttle_counters WHERE key = $1 AND window_start = $2",
            key,
            window_start
        )?;
        Ok(row.map_or(0, |(c,)| c))
    }
}

impl Throttles<'_, crate::Write> {
    /// Adds one to the counter of `key` in the window and returns the new count.
    pub async fn hit(&mut self, key: &str, window_start: i64) -> Result<i64, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "INSERT INTO throttle_counters (key, window_start, count) VALUES ($1, $2, 1) \
             ON CONFLICT (key, window_start) DO UPDATE SET count = throttle_counters.count + 1 RETURNING count",
            key,
            window_start
        )?
        .0)
    }

    /// Takes one back (an attempt reserved with `hit` that turned out not to count).
    pub async fn release(&mut self, key: &str, window_start: i64) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE throttle_counters SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0",
            key,
            window_start
        )?;
        Ok(())
    }

    pub async fn purge(&mut self, before: i64) -> Result<u64, StoreError> {
        Ok(exec!(&mut self.conn, "DELETE FROM throttle_counters WHERE window_start < $1", before)?)
    }
}
