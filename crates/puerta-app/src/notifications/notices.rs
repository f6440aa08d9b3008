//! Policy notices. An administrator writes one (title and body per language, an audience, a
//! publish time); it is stored once. Readers find it by audience when they read, so an account
//! created later sees it too. When its time comes it is announced to live streams, and a chain
//! of background jobs sends it, a batch per transaction, to the audience members who chose
//! policy notices by email or SMS, at bulk priority (behind codes and deadlines).

use std::collections::BTreeMap;

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Language;
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::NoticeId;
use puerta_domain::notifications::{Audience, Priority};
use puerta_store::WriteTx;
use puerta_store::notifications::NoticeRecord;

use super::live::LiveEvent;
use crate::accounts::{Actor, RequestContext};
use crate::delivery::Message;
use crate::jobs::Job;
use crate::unit_of_work::{Queued, Recipient};
use crate::{App, AppError, FieldProblem, ids};

/// Words by language code.
pub type NoticeText = BTreeMap<String, String>;

/// A notice as an administrator writes it.
#[derive(Debug, Clone)]
pub struct NewNotice {
    pub title: NoticeText,
    pub body: NoticeText,
    pub audience: Audience,
    /// Epoch ms; `None` or a past time: now.
    pub publish_at: Option<i64>,
}

/// Languages a notice must be written in (others fall back to English).
const REQUIRED: [Language; 3] = [Language::En, Language::Es, Language::Ht];
const TITLE_MAX: usize = 200;
const BODY_MAX: usize = 5000;
/// Accounts sent to per transaction of the sending job.
const BATCH: i64 = 500;
/// The latest a notice may be scheduled (the calendar's sane end).
const LATEST_MS: i64 = 7_258_118_400_000; // 2200-01-01

fn check_text(
    field: &'static str,
    text: &NoticeText,
    max: usize,
    problems: &mut Vec<FieldProblem>,
) -> NoticeText {
    let mut clean = NoticeText::new();
    for (code, words) in text {
        if Language::parse(code).map(Language::code) != Some(code.as_str()) {
            problems.push(FieldProblem::new(field, "error-notice-language-unknown"));
            continue;
        }
        let words = words.trim();
        if words.chars().count() > max {
            problems.push(FieldProblem::new(field, "error-notice-too-long"));
        } else if !words.is_empty() {
            clean.insert(code.clone(), words.to_string());
        }
    }
    if REQUIRED.iter().any(|l| !clean.contains_key(l.code())) {
        problems.push(FieldProblem::new(field, "error-notice-languages-missing"));
    }
    clean
}

/// A notice in the administrators' list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NoticeSummary {
    pub id: String,
    pub title: NoticeText,
    pub body: NoticeText,
    /// `all`, `port` or `staff`.
    pub audience: String,
    pub port_code: Option<String>,
    pub publish_at: i64,
    /// Announced to live streams and sent (or being sent) to those who chose it.
    pub announced: bool,
}

impl App {
    /// Every notice, latest first (administrators): what is published and what is scheduled.
    pub async fn list_notices(&self, actor: &Actor) -> Result<Vec<NoticeSummary>, AppError> {
        actor.authorize(Action::PublishNotices, Target::None)?;
        let rows = self.reader().await?.notices().list(200).await?;
        Ok(rows
            .into_iter()
            .map(|n| NoticeSummary {
                id: n.id.to_string(),
                title: serde_json::from_str(&n.title).unwrap_or_default(),
                body: serde_json::from_str(&n.body).unwrap_or_default(),
                audience: n.audience,
                port_code: n.port_code,
                publish_at: n.publish_at,
                announced: n.announced_at.is_some(),
            })
            .collect())
    }

    /// Publishes a policy notice (administrators). Answers its id.
    pub async fn publish_notice(
        &self,
        actor: &Actor,
        ctx: &RequestContext,
        notice: NewNotice,
    ) -> Result<NoticeId, AppError> {
        actor.authorize(Action::PublishNotices, Target::None)?;
        let mut problems = Vec::new();
        let title = check_text("title", &notice.title, TITLE_MAX, &mut problems);
        let body = check_text("body", &notice.body, BODY_MAX, &mut problems);
        let now = self.now();
        let publish_at = notice.publish_at.unwrap_or(now).max(now);
        if publish_at > LATEST_MS {
            problems.push(FieldProblem::new("publish_at", "error-notice-publish-at"));
        }
        let port_code = match &notice.audience {
            Audience::Port { port_code } => {
                let known = puerta_domain::ports::PortCode::parse(port_code).ok();
                let found = match &known {
                    Some(code) => self.reader().await?.ports().find(code).await?.is_some(),
                    None => false,
                };
                if !found {
                    problems.push(FieldProblem::new("audience.port_code", "error-notice-port-unknown"));
                }
                Some(port_code.clone())
            }
            _ => None,
        };
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        let text =
            |m: &NoticeText| serde_json::to_string(m).map_err(|e| AppError::Internal(format!("notice: {e}")));
        let record = NoticeRecord {
            id: ids::notice_id(),
            title: text(&title)?,
            body: text(&body)?,
            audience: notice.audience.as_str().to_string(),
            port_code,
            publish_at,
            created_by: Some(actor.user_id.clone()),
            created_at: now,
            announced_at: None,
        };
        let mut tx = self.begin().await?;
        tx.notices().insert(&record).await?;
        if publish_at <= now {
            // Announced in the same transaction: every open stream has it as soon as it commits.
            tx.notices().mark_announced(&record.id, now).await?;
            tx.announce(&LiveEvent::notice_wire(&record.id)).await?;
        }
        self.queue_job_at(
            &mut tx,
            &Job::NoticeDelivery { notice: record.id.to_string(), after: None },
            publish_at,
        )
        .await?;
        let me = Some(&actor.user_id);
        let detail = Some(format!("{} {}", record.id, record.audience));
        self.audit(&mut tx, ctx, me, AuditAction::NoticePublished, None, detail).await?;
        self.commit(tx).await?;
        Ok(record.id)
    }

    /// The job's step: announce the notice if nobody has, then send one batch and queue the next.
    pub(crate) async fn deliver_notice_batch(
        &self,
        tx: &mut WriteTx,
        notice: &str,
        after: Option<&str>,
    ) -> Result<(), AppError> {
        let Ok(id) = NoticeId::parse(notice) else { return Ok(()) };
        let Some(record) = tx.notices().find(&id).await? else { return Ok(()) };
        if tx.notices().mark_announced(&id, self.now()).await? {
            tx.announce(&LiveEvent::notice_wire(&id)).await?;
        }
        let people = tx.notices().opted_in(&id, after, BATCH).await?;
        let title: NoticeText = serde_json::from_str(&record.title).unwrap_or_default();
        let body: NoticeText = serde_json::from_str(&record.body).unwrap_or_default();
        let bulk = Priority::Bulk.rank();
        for person in &people {
            let event = ids::event_id();
            let message = |sms| Message::PolicyNotice { title: title.clone(), body: body.clone(), sms };
            if person.by_email {
                let to = Recipient {
                    user_id: Some(&person.user_id),
                    address: &person.email,
                    language: person.language,
                };
                let how = Queued { priority: bulk, notification: None, fallback: None };
                self.queue_with(tx, &event, to, &message(false), how).await?;
            }
            if person.by_sms
                && let Some(phone) = &person.phone
            {
                let to =
                    Recipient { user_id: Some(&person.user_id), address: phone, language: person.language };
                let how = Queued { priority: bulk, notification: None, fallback: None };
                self.queue_with(tx, &event, to, &message(true), how).await?;
            }
        }
        if i64::try_from(people.len()).unwrap_or(i64::MAX) >= BATCH
            && let Some(last) = people.last()
        {
            let next =
                Job::NoticeDelivery { notice: notice.to_string(), after: Some(last.user_id.to_string()) };
            self.queue_job_at(tx, &next, self.now()).await?;
        }
        Ok(())
    }
}
