use puerta_domain::access::{Action, Target};
use puerta_domain::audit::{AuditAction, AuditEntry, AuditFilter};
use puerta_domain::ids::UserId;

use super::Actor;
use crate::{App, AppError, FieldProblem};

/// One row of the audit log, as shown.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<UserId>,
    pub action: AuditAction,
    pub target_id: Option<UserId>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub detail: Option<String>,
}

impl From<AuditEntry> for AuditRow {
    fn from(e: AuditEntry) -> Self {
        let n = e.entry;
        Self {
            id: e.id,
            at: n.at_ms,
            actor_id: n.actor_id,
            action: n.action,
            target_id: n.target_id,
            ip: n.ip,
            user_agent: n.user_agent,
            detail: n.detail,
        }
    }
}

/// A page of the audit log, newest first, and the cursor of the next page.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub next_cursor: Option<String>,
}

/// The audit log's filters as they arrive (query strings), checked by [`App::audit_log`].
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub action: Option<String>,
    pub actor_id: Option<String>,
    pub target_id: Option<String>,
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

impl App {
    /// The audit log, newest first (administrators). Unknown actions and malformed ids are
    /// refused beside their field rather than silently matching nothing.
    pub async fn audit_log(&self, actor: &Actor, q: AuditQuery) -> Result<AuditPage, AppError> {
        actor.authorize(Action::ReadAuditLog, Target::None)?;
        let mut problems = Vec::new();
        let empty = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let action = empty(&q.action).and_then(|a| {
            AuditAction::parse(a.trim()).or_else(|| {
                problems.push(FieldProblem::new("action", "error-audit-action-unknown"));
                None
            })
        });
        let mut id = |field: &'static str, v: Option<String>| {
            v.and_then(|v| {
                UserId::parse(v.trim()).map_err(|e| problems.push(FieldProblem::new(field, e))).ok()
            })
        };
        let actor_id = id("actor_id", empty(&q.actor_id));
        let target_id = id("target_id", empty(&q.target_id));
        let before_id = match empty(&q.cursor) {
            Some(c) => c.parse::<i64>().map(Some).unwrap_or_else(|_| {
                problems.push(FieldProblem::new("cursor", "error-cursor-invalid"));
                None
            }),
            None => None,
        };
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        let limit = q.limit.unwrap_or(100).clamp(1, 500);
        let filter = AuditFilter {
            action,
            actor_id,
            target_id,
            since_ms: q.since_ms,
            until_ms: q.until_ms,
            before_id,
            limit: limit + 1,
        };
        let mut rows: Vec<AuditRow> =
            self.reader().await?.audit().list(&filter).await?.into_iter().map(AuditRow::from).collect();
        let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
        rows.truncate(usize::try_from(limit).unwrap_or(0));
        let next_cursor = more.then(|| rows.last().map(|r| r.id.to_string())).flatten();
        Ok(AuditPage { rows, next_cursor })
    }
}
