use puerta_domain::appointments::DrawStatus;
use secrecy::SecretString;

use super::corrupt;
use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// Each request day's draw: commitment, frozen inputs, publication.
    Draws
);

/// A draw as created before its window opens: the secret sealed, its hash published.
#[derive(Debug, Clone)]
pub struct NewDraw {
    pub draw_date: String,
    pub sealed_secret: SecretString,
    pub seed_commitment: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub runs_at: i64,
    pub oldest_share_permille: i64,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct DrawRecord {
    pub draw_date: String,
    pub sealed_secret: SecretString,
    pub seed_commitment: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub runs_at: i64,
    pub status: DrawStatus,
    pub oldest_share_permille: i64,
    /// The digest of the inputs, fixed when the window closed.
    pub inputs_digest: Option<String>,
    pub public_randomness_source: Option<String>,
    pub public_randomness_value: Option<String>,
    pub frozen_at: Option<i64>,
    pub drawn_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Row {
    draw_date: String,
    sealed_secret: String,
    seed_commitment: String,
    opens_at: i64,
    closes_at: i64,
    runs_at: i64,
    status: String,
    oldest_share_permille: i64,
    inputs_digest: Option<String>,
    public_randomness_source: Option<String>,
    public_randomness_value: Option<String>,
    frozen_at: Option<i64>,
    drawn_at: Option<i64>,
}

const COLUMNS: &str = "draw_date, sealed_secret, seed_commitment, opens_at, closes_at, runs_at, status, \
    oldest_share_permille, inputs_digest, public_randomness_source, public_randomness_value, frozen_at, drawn_at";

impl TryFrom<Row> for DrawRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            status: DrawStatus::parse(&r.status).ok_or_else(|| corrupt("draw status"))?,
            draw_date: r.draw_date,
            sealed_secret: SecretString::from(r.sealed_secret),
            seed_commitment: r.seed_commitment,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            runs_at: r.runs_at,
            oldest_share_permille: r.oldest_share_permille,
            inputs_digest: r.inputs_digest,
            public_randomness_source: r.public_randomness_source,
            public_randomness_value: r.public_randomness_value,
            frozen_at: r.frozen_at,
            drawn_at: r.drawn_at,
        })
    }
}

impl<M> Draws<'_, M> {
    pub async fn find(&mut self, date: &str) -> Result<Option<DrawRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM draws WHERE draw_date = $1");
        fetch_optional!(&mut self.conn, Row, &sql, date)?.map(DrawRecord::try_from).transpose()
    }

    /// Draws whose window has closed but which are not drawn yet (`open` or `frozen`), oldest
    /// first: the scheduler freezes them, then runs them when their hour comes.
    pub async fn unfinished_closed_by(&mut self, now: i64) -> Result<Vec<DrawRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM draws WHERE status <> 'drawn' AND closes_at <= $1 ORDER BY draw_date LIMIT 30"
        );
        fetch_all!(&mut self.conn, Row, &sql, now)?.into_iter().map(DrawRecord::try_from).collect()
    }

    /// The dates of draws still open.
    pub async fn open_dates(&mut self) -> Result<Vec<String>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String,),
            "SELECT draw_date FROM draws WHERE status = 'open' ORDER BY draw_date"
        )?;
        Ok(rows.into_iter().map(|(d,)| d).collect())
    }

    /// The latest drawn draw before `date` (for a traveler's estimate), if any.
    pub async fn latest_drawn(&mut self) -> Result<Option<DrawRecord>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM draws WHERE status = 'drawn' ORDER BY draw_date DESC LIMIT 1");
        fetch_optional!(&mut self.conn, Row, &sql)?.map(DrawRecord::try_from).transpose()
    }
}

impl Draws<'_, crate::Write> {
    /// Creates the draw unless it exists; `true` when this call created it.
    pub async fn create_if_missing(&mut self, d: &NewDraw) -> Result<bool, StoreError> {
        crate::touches::everyone(&mut self.touched);
        use secrecy::ExposeSecret;
        let created = exec!(
            &mut self.conn,
            "INSERT INTO draws (draw_date, sealed_secret, seed_commitment, opens_at, closes_at, runs_at, status, \
             oldest_share_permille, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) \
             ON CONFLICT (draw_date) DO NOTHING",
            &d.draw_date,
            d.sealed_secret.expose_secret(),
            &d.seed_commitment,
            d.opens_at,
            d.closes_at,
            d.runs_at,
            d.oldest_share_permille,
            d.created_at,
        )?;
        Ok(created == 1)
    }

    /// Takes the draw's row lock while it is `open` (a write that changes nothing): taken first
    /// by whatever must happen before the freeze (a request, a capacity change), and by the
    /// freeze itself, so they run one after the other. `false` when it is no longer open.
    pub async fn lock_open(&mut self, date: &str) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE draws SET created_at = created_at WHERE draw_date = $1 AND status = 'open'",
            date,
        )?;
        Ok(changed == 1)
    }

    /// Moves an open draw's window and hour (the rules changed).
    pub async fn set_window(
        &mut self,
        date: &str,
        opens: i64,
        closes: i64,
        runs: i64,
    ) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE draws SET opens_at = $2, closes_at = $3, runs_at = $4 WHERE draw_date = $1 AND status = 'open'",
            date,
            opens,
            closes,
            runs,
        )?;
        Ok(())
    }

    /// Whether the draw is `open`, holding it so until this transaction ends: a shared row lock
    /// on PostgreSQL (`FOR SHARE`), so that requests run side by side while the freeze, which
    /// updates the row, waits for them and they for it; SQLite's one writer orders them anyway.
    /// A request must not slip in after the inputs' digest is computed.
    pub async fn hold_open(&mut self, date: &str) -> Result<bool, StoreError> {
        let sql = if self.conn.is_postgres() {
            "SELECT status FROM draws WHERE draw_date = $1 FOR SHARE"
        } else {
            "SELECT status FROM draws WHERE draw_date = $1"
        };
        let row = fetch_optional!(&mut self.conn, (String,), sql, date)?;
        Ok(row.is_some_and(|(status,)| status == "open"))
    }

    /// Fixes the inputs: `open` → `frozen` with their digest and the share; `false` when the
    /// draw was not open (another instance froze it first).
    pub async fn freeze(
        &mut self,
        date: &str,
        digest: &str,
        share: i64,
        at: i64,
    ) -> Result<bool, StoreError> {
        crate::touches::everyone(&mut self.touched);
        let changed = exec!(
            &mut self.conn,
            "UPDATE draws SET status = 'frozen', inputs_digest = $2, oldest_share_permille = $3, frozen_at = $4 \
             WHERE draw_date = $1 AND status = 'open'",
            date,
            digest,
            share,
            at,
        )?;
        Ok(changed == 1)
    }

    /// Records the public random value for a frozen draw; `false` unless frozen and without one.
    pub async fn set_public_randomness(
        &mut self,
        date: &str,
        source: &str,
        value_hex: &str,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE draws SET public_randomness_source = $2, public_randomness_value = $3 \
             WHERE draw_date = $1 AND status = 'frozen' AND public_randomness_value IS NULL",
            date,
            source,
            value_hex,
        )?;
        Ok(changed == 1)
    }

    /// Claims the draw for running: `frozen` → `drawn`. The first statement of the draw's
    /// transaction: on PostgreSQL a second instance waits on the row and then finds it drawn
    /// (`false`), so a draw runs exactly once.
    pub async fn claim_run(&mut self, date: &str, at: i64) -> Result<bool, StoreError> {
        crate::touches::everyone(&mut self.touched);
        let changed = exec!(
            &mut self.conn,
            "UPDATE draws SET status = 'drawn', drawn_at = $2 WHERE draw_date = $1 AND status = 'frozen'",
            date,
            at,
        )?;
        Ok(changed == 1)
    }
}
