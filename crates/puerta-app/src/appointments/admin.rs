//! Administrators set the scheduling rules (window, zone, oldest share, lead time, service
//! area) and each port's places for a draw; operators set places on the command line. Every
//! change is audited and announced to the travelers it affects (those with a standing request).

use std::collections::BTreeSet;

use puerta_domain::access::{Action, Target};
use puerta_domain::appointments::{DrawStatus, RequestWindow, ServicePolicy};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_domain::ports::PortCode;
use puerta_store::WriteTx;
use puerta_store::appointments::SchedulingOverrides;

use super::config::{Rules, parse_hhmm, parse_zone};
use super::parse_date;
use crate::accounts::{Actor, RequestContext};
use crate::delivery::Message;
use crate::{App, AppError, FieldProblem};

/// The rules in force and what an administrator set.
#[derive(Debug, Clone)]
pub struct SchedulingView {
    pub rules: Rules,
    pub overrides: SchedulingOverrides,
    pub policies: Vec<&'static str>,
}

/// A change of the rules: every field given replaces the value in force.
#[derive(Debug, Clone, Default)]
pub struct SchedulingUpdate {
    pub window_opens: Option<String>,
    pub window_closes: Option<String>,
    pub time_zone: Option<String>,
    pub oldest_share_permille: Option<i64>,
    pub lead_days: Option<i64>,
    pub service_policy: Option<String>,
}

impl App {
    pub async fn scheduling_settings(&self, actor: &Actor) -> Result<SchedulingView, AppError> {
        actor.authorize(Action::ManageScheduling, Target::None)?;
        let overrides = self.reader().await?.scheduling().overrides().await?;
        let rules = self.rules(&overrides)?;
        let policies = ServicePolicy::names().map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(SchedulingView { rules, overrides, policies })
    }

    /// Changes the rules. Each field is checked (a message beside each bad one); the window of
    /// draws still open moves with it. Audited, and announced to travelers with a standing
    /// request.
    pub async fn update_scheduling(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        update: SchedulingUpdate,
    ) -> Result<SchedulingView, AppError> {
        actor.authorize(Action::ManageScheduling, Target::None)?;
        let mut problems = Vec::new();
        let mut check = |ok: bool, field: &'static str, id: &'static str| {
            if !ok {
                problems.push(FieldProblem::new(field, id));
            }
        };
        let text =
            |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let (opens, closes, zone, policy) = (
            text(&update.window_opens),
            text(&update.window_closes),
            text(&update.time_zone),
            text(&update.service_policy),
        );
        check(
            opens.as_deref().is_none_or(|t| parse_hhmm(t).is_some()),
            "window_opens",
            "appointment-error-time",
        );
        check(
            closes.as_deref().is_none_or(|t| parse_hhmm(t).is_some()),
            "window_closes",
            "appointment-error-time",
        );
        check(zone.as_deref().is_none_or(|z| parse_zone(z).is_some()), "time_zone", "appointment-error-zone");
        check(
            update.oldest_share_permille.is_none_or(|s| (0..=1000).contains(&s)),
            "oldest_share_permille",
            "appointment-error-share",
        );
        check(
            update.lead_days.is_none_or(|d| (0..=60).contains(&d)),
            "lead_days",
            "appointment-error-lead-days",
        );
        check(
            policy.as_deref().is_none_or(|p| ServicePolicy::named(p).is_ok()),
            "service_policy",
            "appointment-error-policy",
        );
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        let now = self.now();
        let mut tx = self.begin().await?;
        let mut o = tx.scheduling().overrides().await?;
        let normal = |t: String| parse_hhmm(&t).map(|t| t.format("%H:%M").to_string());
        if let Some(t) = opens {
            o.window_opens = normal(t);
        }
        if let Some(t) = closes {
            o.window_closes = normal(t);
        }
        if let Some(z) = zone {
            o.time_zone = parse_zone(&z).map(|z| z.name().to_string());
        }
        if let Some(s) = update.oldest_share_permille {
            o.oldest_share_permille = Some(s);
        }
        if let Some(d) = update.lead_days {
            o.lead_days = Some(d);
        }
        if let Some(p) = policy {
            o.service_policy = Some(p);
        }
        let current = self.rules(&o).ok();
        let Some(rules) = current else {
            return Err(AppError::Validation(vec![FieldProblem::new(
                "window_closes",
                "appointment-error-window",
            )]));
        };
        if RequestWindow::new(
            rules.window.opens,
            rules.window.closes,
            rules.window.zone,
            rules.window.draw_at,
        )
        .is_err()
        {
            return Err(AppError::Validation(vec![FieldProblem::new(
                "window_closes",
                "appointment-error-window",
            )]));
        }
        tx.scheduling().set_overrides(&o, now).await?;
        for date in tx.draws().open_dates().await? {
            if let Ok(day) = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
                let (opens, closes) = rules.window.bounds(day);
                tx.draws().set_window(&date, opens, closes, rules.window.draw_time(day)).await?;
            }
        }
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::SchedulingChanged, None, None).await?;
        let affected = tx.appointment_requests().accounts_with_standing_requests(None, None).await?;
        self.announce_change(&mut tx, affected).await?;
        self.commit(tx).await?;
        self.scheduling_settings(actor).await
    }

    /// Sets `port`'s places for the draw of `date` (the places that draw gives; editable until
    /// the draw is frozen). `actor` is `None` for an operator on the command line.
    pub async fn set_draw_capacity(
        &self,
        ctx: &RequestContext,
        actor: Option<&Actor>,
        port: &str,
        date: &str,
        places: i64,
    ) -> Result<(), AppError> {
        if let Some(actor) = actor {
            actor.authorize(Action::ManageScheduling, Target::None)?;
        }
        let code =
            PortCode::parse(port.trim()).map_err(|_| AppError::field("port_code", "error-port-unknown"))?;
        let day = parse_date("draw_date", date)?;
        if !(0..=i64::from(puerta_domain::ports::DailyCapacity::MAX)).contains(&places) {
            return Err(AppError::field("places", "appointment-error-places"));
        }
        let mut tx = self.begin().await?;
        if tx.ports().find(&code).await?.is_none() {
            return Err(AppError::field("port_code", "error-port-unknown"));
        }
        let rules = self.rules(&tx.scheduling().overrides().await?)?;
        let draw = self.ensure_draw(&mut tx, day, &rules).await?;
        if draw.status != DrawStatus::Open || !tx.draws().lock_open(&draw.draw_date).await? {
            return Err(AppError::Conflict("draw_frozen"));
        }
        tx.scheduling().set_places(&draw.draw_date, code.as_str(), places).await?;
        let detail = Some(format!("{} {} {places}", code.as_str(), draw.draw_date));
        self.audit(&mut tx, ctx, actor.map(|a| &a.user_id), AuditAction::CapacityChanged, None, detail)
            .await?;
        let affected = tx
            .appointment_requests()
            .accounts_with_standing_requests(Some(&draw.draw_date), Some(code.as_str()))
            .await?;
        self.announce_change(&mut tx, affected).await?;
        self.commit(tx).await?;
        Ok(())
    }

    async fn announce_change(&self, tx: &mut WriteTx, accounts: BTreeSet<UserId>) -> Result<(), AppError> {
        for account in accounts {
            self.notify_account(tx, &account, |name| Message::SchedulingChanged { name }).await?;
        }
        Ok(())
    }
}
