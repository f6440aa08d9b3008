//! The day's draw: created with a committed secret before its window opens, frozen when the
//! window closes (inputs and their digest published), run once (offers written, secret and
//! results published), readable by anyone. `docs/DRAW.md` is the procedure in plain words.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use puerta_domain::appointments::{
    DrawEntry, DrawInput, DrawStatus, PublicRandomness, PublishedDraw, RequestStatus, appointment_day,
    commitment, inputs_digest, offer_deadline, slot_time,
};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::AppointmentRequestId;
use puerta_store::WriteTx;
use puerta_store::appointments::{DrawRecord, NewAppointment, NewDraw};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};

use super::config::Rules;
use super::parse_date;
use crate::accounts::RequestContext;
use crate::{App, AppError, ids};

/// A port's places for a draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortPlaces {
    pub port_code: String,
    pub places: u32,
}

/// What anyone may read about a draw.
#[derive(Debug, Clone)]
pub struct DrawView {
    pub date: String,
    /// `upcoming`, `open`, `closed` (waiting to be frozen), `frozen`, `drawn`.
    pub status: &'static str,
    pub opens_at: i64,
    pub closes_at: i64,
    pub runs_at: i64,
    pub seed_commitment: String,
    pub inputs_digest: Option<String>,
    pub public_randomness: Option<PublicRandomness>,
    /// Revealed once drawn.
    pub seed: Option<String>,
    pub oldest_share_permille: u32,
    pub capacity: Vec<PortPlaces>,
    pub requests: Option<u64>,
}

/// What running a draw did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawSummary {
    pub date: String,
    pub requests: usize,
    pub groups_placed: usize,
    pub places_offered: u32,
}

/// Publications kept in memory (the last few days' draws, whose waitlists are in use).
const PUBLICATIONS_KEPT: usize = 4;

fn poisoned() -> AppError {
    AppError::Internal("the publication cache is poisoned".into())
}

/// The draw's inputs from its stored rows: each request's published id, port, group size and
/// registration; each port's places; the share fixed at the freeze.
fn input_of(
    requests: &[puerta_store::appointments::RequestRecord],
    capacity: &[puerta_store::appointments::CapacityRecord],
    draw: &DrawRecord,
) -> DrawInput {
    DrawInput {
        entries: requests
            .iter()
            .map(|r| DrawEntry {
                id: r.entry_id.clone(),
                port: r.port_code.clone(),
                group_size: u32::try_from(r.group_size).unwrap_or(0),
                registered_at: r.registered_at,
            })
            .collect(),
        capacity: capacity
            .iter()
            .map(|c| (c.port_code.clone(), u32::try_from(c.places).unwrap_or(0)))
            .collect::<BTreeMap<_, _>>(),
        oldest_share_permille: u32::try_from(draw.oldest_share_permille).unwrap_or(0),
    }
}

fn public_randomness_of(draw: &DrawRecord) -> Option<PublicRandomness> {
    match (&draw.public_randomness_source, &draw.public_randomness_value) {
        (Some(source), Some(value_hex)) => {
            Some(PublicRandomness { source: source.clone(), value_hex: value_hex.clone() })
        }
        _ => None,
    }
}

fn secret_purpose(date: &str) -> String {
    format!("draw_secret:{date}")
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

impl App {
    /// The draw of `date`, created (secret drawn, sealed, its hash fixed) if it does not exist.
    pub(crate) async fn ensure_draw(
        &self,
        tx: &mut WriteTx,
        date: NaiveDate,
        rules: &Rules,
    ) -> Result<DrawRecord, AppError> {
        let key = iso(date);
        if let Some(draw) = tx.draws().find(&key).await? {
            return Ok(draw);
        }
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        let sealed = self
            .inner
            .master_key
            .seal(&secret_purpose(&key), &secret)
            .map_err(|e| AppError::Internal(format!("sealing a draw secret: {e}")))?;
        let (opens_at, closes_at) = rules.window.bounds(date);
        let draw = NewDraw {
            draw_date: key.clone(),
            sealed_secret: SecretString::from(sealed),
            seed_commitment: commitment(&secret),
            opens_at,
            closes_at,
            runs_at: rules.window.draw_time(date),
            oldest_share_permille: i64::from(rules.oldest_share_permille),
            created_at: self.now(),
        };
        tx.draws().create_if_missing(&draw).await?;
        tx.draws()
            .find(&key)
            .await?
            .ok_or_else(|| AppError::Internal("a draw just created is missing".into()))
    }

    /// Opens a draw's sealed secret (under the current master key, or the previous one during a
    /// rotation).
    fn draw_secret(&self, draw: &DrawRecord) -> Result<Vec<u8>, AppError> {
        crate::security::open_with_fallback(
            &self.inner.master_key,
            self.inner.previous_master_key.as_ref(),
            &secret_purpose(&draw.draw_date),
            draw.sealed_secret.expose_secret(),
        )
        .map(|opened| opened.plaintext)
        .map_err(|e| AppError::Internal(format!("opening a draw secret: {e}")))
    }

    /// Anyone: a draw's window, commitment, share and places; its digest once frozen, and its
    /// seed once drawn. `NotFound` for a day without a draw.
    pub async fn draw_view(&self, date: &str) -> Result<DrawView, AppError> {
        let date = parse_date("date", date)?;
        let key = iso(date);
        let mut read = self.reader().await?;
        let draw = read.draws().find(&key).await?.ok_or(AppError::NotFound)?;
        let set = read.scheduling().capacity(&key).await?;
        let ports = read.ports().list().await?;
        drop(read);
        let now = self.now();
        let status = match draw.status {
            DrawStatus::Drawn => "drawn",
            DrawStatus::Frozen => "frozen",
            DrawStatus::Open if now < draw.opens_at => "upcoming",
            DrawStatus::Open if now < draw.closes_at => "open",
            DrawStatus::Open => "closed",
        };
        // Before the freeze: an admin's places, else the port's default; after it, the frozen ones.
        let capacity = ports
            .iter()
            .map(|p| {
                let places = set
                    .iter()
                    .find(|c| c.port_code == p.code.as_str())
                    .and_then(|c| u32::try_from(c.places).ok())
                    .unwrap_or(p.daily_capacity.get());
                PortPlaces { port_code: p.code.as_str().to_string(), places }
            })
            .collect();
        let requests = match draw.status {
            DrawStatus::Open => None,
            _ => Some(
                u64::try_from(self.reader().await?.appointment_requests().count_for_draw(&key).await?)
                    .unwrap_or(0),
            ),
        };
        let public_randomness = match (&draw.public_randomness_source, &draw.public_randomness_value) {
            (Some(source), Some(value_hex)) => {
                Some(PublicRandomness { source: source.clone(), value_hex: value_hex.clone() })
            }
            _ => None,
        };
        let seed = if draw.status == DrawStatus::Drawn {
            let secret = self.draw_secret(&draw)?;
            let digest = draw.inputs_digest.as_deref().and_then(|d| hex::decode(d).ok());
            match digest.and_then(|d| <[u8; 32]>::try_from(d).ok()) {
                Some(digest) => {
                    let beacon = public_randomness.as_ref().and_then(|r| hex::decode(&r.value_hex).ok());
                    Some(hex::encode(puerta_domain::appointments::seed_from(
                        &secret,
                        &digest,
                        beacon.as_deref(),
                    )))
                }
                None => None,
            }
        } else {
            None
        };
        Ok(DrawView {
            date: key,
            status,
            opens_at: draw.opens_at,
            closes_at: draw.closes_at,
            runs_at: draw.runs_at,
            seed_commitment: draw.seed_commitment,
            inputs_digest: draw.inputs_digest,
            public_randomness,
            seed,
            oldest_share_permille: u32::try_from(draw.oldest_share_permille).unwrap_or(0),
            capacity,
            requests,
        })
    }

    /// Anyone, after the draw: the whole publication (secret, inputs without personal data,
    /// results), as `puerta draw verify --file` reads it. `NotFound` before.
    pub async fn draw_results(&self, date: &str) -> Result<PublishedDraw, AppError> {
        let date = parse_date("date", date)?;
        Ok(self.publication(&iso(date)).await?.as_ref().clone())
    }

    /// A drawn draw's publication, recomputed from its stored inputs (requests and places no
    /// longer change after the freeze) and checked against the digest fixed then. Kept in
    /// memory for the few draws whose waitlists are still in use.
    pub(crate) async fn publication(&self, key: &str) -> Result<Arc<PublishedDraw>, AppError> {
        if let Some(found) = self.inner.publications.lock().map_err(|_| poisoned())?.get(key) {
            return Ok(found.clone());
        }
        let mut read = self.reader().await?;
        let draw = read.draws().find(key).await?.ok_or(AppError::NotFound)?;
        if draw.status != DrawStatus::Drawn {
            return Err(AppError::NotFound);
        }
        let requests = read.appointment_requests().for_draw(key).await?;
        let capacity = read.scheduling().capacity(key).await?;
        drop(read);
        let published = self.publish(&draw, input_of(&requests, &capacity, &draw))?;
        let published = Arc::new(published);
        let mut cache = self.inner.publications.lock().map_err(|_| poisoned())?;
        if cache.len() >= PUBLICATIONS_KEPT
            && let Some(oldest) = cache.keys().min().cloned()
        {
            cache.remove(&oldest);
        }
        cache.insert(key.to_string(), published.clone());
        Ok(published)
    }

    /// Runs the draw over `input` with the draw's secret and public value, and checks that the
    /// inputs are the ones whose digest was published when the window closed.
    fn publish(&self, draw: &DrawRecord, input: DrawInput) -> Result<PublishedDraw, AppError> {
        let secret = self.draw_secret(draw)?;
        let published = PublishedDraw::run(&draw.draw_date, &secret, input, public_randomness_of(draw))
            .map_err(|e| AppError::Internal(format!("the draw refused its inputs: {e}")))?;
        if Some(published.inputs_digest.as_str()) != draw.inputs_digest.as_deref() {
            return Err(AppError::Internal("the draw's inputs do not match their published digest".into()));
        }
        Ok(published)
    }

    /// Fixes a draw's inputs: its standing requests, each port's places (an admin's, else the
    /// port's default) and the share, with their digest. Idempotent: `false` when it was not
    /// open. Runs when the window closes (the scheduler) or when an operator draws early.
    pub async fn freeze_draw(&self, date: NaiveDate) -> Result<bool, AppError> {
        let key = iso(date);
        let now = self.now();
        let mut tx = self.begin().await?;
        let rules = self.rules(&tx.scheduling().overrides().await?)?;
        self.ensure_draw(&mut tx, date, &rules).await?;
        if !tx.draws().lock_open(&key).await? {
            return Ok(false);
        }
        // Every port gets its row of places (an admin's, else its default): fixed from now on.
        let set = tx.scheduling().capacity(&key).await?;
        for port in tx.ports().list().await? {
            if !set.iter().any(|c| c.port_code == port.code.as_str()) {
                let places = i64::from(port.daily_capacity.get());
                tx.scheduling().set_places(&key, port.code.as_str(), places).await?;
            }
        }
        let capacity = tx.scheduling().capacity(&key).await?;
        let requests = tx.appointment_requests().for_draw(&key).await?;
        let mut draw = tx.draws().find(&key).await?.ok_or(AppError::NotFound)?;
        draw.oldest_share_permille = i64::from(rules.oldest_share_permille);
        let digest = hex::encode(inputs_digest(&input_of(&requests, &capacity, &draw)));
        if !tx.draws().freeze(&key, &digest, draw.oldest_share_permille, now).await? {
            return Ok(false);
        }
        self.commit(tx).await?;
        Ok(true)
    }

    /// Records the public random value a draw's seed will include (an admin, or an operator on
    /// the command line). Only between the freeze and the draw: nobody knew it when the inputs
    /// were fixed, and it cannot change once the draw ran.
    pub async fn set_draw_public_randomness(
        &self,
        ctx: &RequestContext,
        actor: Option<&crate::accounts::Actor>,
        date: &str,
        source: &str,
        value_hex: &str,
    ) -> Result<(), AppError> {
        if let Some(actor) = actor {
            actor.authorize(
                puerta_domain::access::Action::ManageScheduling,
                puerta_domain::access::Target::None,
            )?;
        }
        let date = parse_date("date", date)?;
        let source = source.trim();
        if source.is_empty() || source.chars().count() > 200 {
            return Err(AppError::field("source", "appointment-error-randomness-source"));
        }
        let value = value_hex.trim().to_ascii_lowercase();
        if value.len() < 32 || value.len() > 1024 || hex::decode(&value).is_err() {
            return Err(AppError::field("value_hex", "appointment-error-randomness-value"));
        }
        let mut tx = self.begin().await?;
        if tx.draws().find(&iso(date)).await?.is_none() {
            return Err(AppError::NotFound);
        }
        if !tx.draws().set_public_randomness(&iso(date), source, &value).await? {
            return Err(AppError::Conflict("draw_not_frozen"));
        }
        let by = actor.map(|a| &a.user_id);
        self.audit(&mut tx, ctx, by, AuditAction::DrawPublicRandomnessSet, None, Some(iso(date))).await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// Runs the draw of `date` once: freezes it first if its window is still open (an operator
    /// drawing early closes it), then, in one transaction, claims it, computes the result,
    /// writes an offer for each group placed (places held, 23-hour deadline, slot in the port's
    /// day), the waitlists, the publication, the audit row and each chosen group's notices.
    /// A second run (another instance, or twice by hand) is `draw_already_run`.
    pub async fn run_draw(&self, ctx: &RequestContext, date: &str) -> Result<DrawSummary, AppError> {
        let date = parse_date("date", date)?;
        let key = iso(date);
        // Only a day that has a draw (made before its window opened) can be drawn.
        self.reader().await?.draws().find(&key).await?.ok_or(AppError::NotFound)?;
        self.freeze_draw(date).await?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let rules = self.rules(&tx.scheduling().overrides().await?)?;
        let draw = tx.draws().find(&key).await?.ok_or(AppError::NotFound)?;
        if draw.status == DrawStatus::Drawn {
            return Err(AppError::Conflict("draw_already_run"));
        }
        if rules.require_public_randomness && draw.public_randomness_value.is_none() {
            return Err(AppError::Conflict("public_randomness_missing"));
        }
        if !tx.draws().claim_run(&key, now).await? {
            return Err(AppError::Conflict("draw_already_run"));
        }
        // One read of the draw's requests: its inputs, and who each placed entry is.
        let rows = tx.appointment_requests().for_draw(&key).await?;
        let capacity = tx.scheduling().capacity(&key).await?;
        let published = self.publish(&draw, input_of(&rows, &capacity, &draw))?;
        let requests: HashMap<&str, (&AppointmentRequestId, &puerta_domain::ids::UserId)> =
            rows.iter().map(|r| (r.entry_id.as_str(), (&r.id, &r.account_id))).collect();
        let ports: HashMap<String, chrono_tz::Tz> = tx
            .ports()
            .list()
            .await?
            .into_iter()
            .map(|p| (p.code.as_str().to_string(), p.time_zone))
            .collect();
        let day = appointment_day(date, rules.lead_days);
        let mut slot_of_port: HashMap<&str, usize> = HashMap::new();
        let mut places_offered = 0;
        for placement in &published.outcome.placements {
            let (request_id, account) = requests
                .get(placement.entry_id.as_str())
                .ok_or_else(|| AppError::Internal("a placed entry has no request".into()))?;
            let zone = ports.get(&placement.port).copied().unwrap_or(chrono_tz::America::New_York);
            let slot = slot_of_port.entry(placement.port.as_str()).or_insert(0);
            let scheduled_at = slot_time(zone, day, *slot);
            *slot += 1;
            let places = i64::from(placement.places);
            if !tx.scheduling().hold(&key, &placement.port, places).await? {
                return Err(AppError::Internal("the draw placed more than a port's places".into()));
            }
            let travelers = tx.appointment_requests().travelers(request_id).await?;
            let appointment = NewAppointment {
                id: ids::appointment_id(),
                request_id: (*request_id).clone(),
                draw_date: key.clone(),
                account_id: (*account).clone(),
                port_code: placement.port.clone(),
                places,
                scheduled_at,
                selection: Some(placement.selection),
                offered_at: now,
                offer_expires_at: offer_deadline(now, scheduled_at).unwrap_or(scheduled_at.max(now)),
                travelers,
            };
            tx.appointments().create(&appointment).await?;
            tx.appointment_requests()
                .set_status(request_id, RequestStatus::Requested, RequestStatus::Selected, now)
                .await?;
            self.notify_offer(&mut tx, &appointment).await?;
            places_offered += placement.places;
        }
        self.audit(&mut tx, ctx, None, AuditAction::DrawRun, None, Some(key.clone())).await?;
        self.commit(tx).await?;
        let summary = DrawSummary {
            date: key.clone(),
            requests: published.input.entries.len(),
            groups_placed: published.outcome.placements.len(),
            places_offered,
        };
        // The waitlists are read from the publication from now on.
        if let Ok(mut cache) = self.inner.publications.lock() {
            cache.insert(key, Arc::new(published));
        }
        Ok(summary)
    }

    /// The draw date a request made now counts for, in the rules' zone (for pages that show it).
    pub fn draw_date_of(rules: &Rules, at_ms: i64) -> NaiveDate {
        DateTime::from_timestamp_millis(at_ms)
            .map(|t| t.with_timezone(&rules.window.zone).date_naive())
            .unwrap_or_default()
    }
}
