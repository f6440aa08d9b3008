//! Threads from both sides.

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Role;
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::ReferenceNumber;
use puerta_domain::ids::{CaseId, DocumentId, ThreadId};
use puerta_domain::messaging;
use puerta_domain::notifications::Kind;
use puerta_store::WriteTx;
use puerta_store::messaging::{NewThread, ThreadMessageRecord, ThreadRecord};

use super::MESSAGES_PER_HOUR;
use crate::accounts::{Actor, RequestContext};
use crate::notifications::{LiveEvent, args};
use crate::{App, AppError, FieldProblem, ids};

/// A thread in a list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ThreadSummary {
    pub id: String,
    pub subject: String,
    /// The case's reference number, grouped (`PUE-1234-5678`), when the thread is about one.
    pub case_reference: Option<String>,
    pub last_message_at: i64,
    /// Unread by the one asking (the traveler: an officer's answer; officers: the traveler's).
    pub unread: bool,
    /// Officers only: who holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// Whether the last message is the officers'.
    pub answered: bool,
}

/// A whole thread.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ThreadView {
    pub id: String,
    pub subject: String,
    pub case_reference: Option<String>,
    pub messages: Vec<MessageView>,
    /// Officers only.
    #[serde(skip)]
    pub assigned_to: Option<String>,
    /// The traveler's language (reply templates are offered in it).
    #[serde(skip)]
    pub language: puerta_domain::accounts::Language,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MessageView {
    pub id: String,
    /// `traveler` or `officer` (a supervisor answers as an officer: travelers see the office,
    /// not ranks).
    pub author_role: &'static str,
    pub body: String,
    pub sent_at: i64,
    pub attachments: Vec<AttachmentView>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct AttachmentView {
    pub document_id: String,
    pub name: Option<String>,
    pub content_type: String,
    pub size: i64,
}

fn grouped(reference: Option<&String>) -> Option<String> {
    reference.and_then(|r| ReferenceNumber::parse(r).ok()).map(|r| r.grouped())
}

pub(crate) fn summary(t: &ThreadRecord, for_staff: bool) -> ThreadSummary {
    ThreadSummary {
        id: t.id.to_string(),
        subject: t.subject.clone(),
        case_reference: grouped(t.case_reference.as_ref()),
        last_message_at: t.last_message_at,
        unread: if for_staff { t.unread_by_staff() } else { t.unread_by_owner() },
        assigned_to: if for_staff { t.assigned_to.as_ref().map(ToString::to_string) } else { None },
        answered: t.last_from_staff,
    }
}

fn text_error(field: &'static str, e: messaging::TextError) -> AppError {
    AppError::Validation(vec![FieldProblem::new(field, e)])
}

impl App {
    /// A traveler starts a thread, about one of their cases or not. Answers its id.
    pub async fn start_thread(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        subject: &str,
        body: &str,
        case_reference: Option<&str>,
    ) -> Result<ThreadId, AppError> {
        actor.authorize(Action::MessageOfficers, Target::None)?;
        let mut problems = Vec::new();
        let subject =
            messaging::subject(subject).map_err(|e| problems.push(FieldProblem::new("subject", e))).ok();
        let body = messaging::body(body).map_err(|e| problems.push(FieldProblem::new("body", e))).ok();
        let case_id = match case_reference.map(str::trim).filter(|r| !r.is_empty()) {
            Some(reference) => match self.own_case(actor, reference).await {
                Ok(id) => Some(id),
                Err(_) => {
                    problems.push(FieldProblem::new("case_reference", "error-message-case-unknown"));
                    None
                }
            },
            None => None,
        };
        let (Some(subject), Some(body)) = (subject, body) else { return Err(AppError::Validation(problems)) };
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        self.throttle("message", actor.user_id.as_str(), MESSAGES_PER_HOUR, 3600).await?;
        let now = self.now();
        let id = ids::thread_id();
        let mut tx = self.begin().await?;
        let language = tx.users().find(&actor.user_id).await?.map_or(actor.language, |u| u.language);
        tx.threads()
            .insert(&NewThread {
                id: id.clone(),
                owner_id: actor.user_id.clone(),
                case_id,
                subject,
                language,
                created_at: now,
            })
            .await?;
        self.add_message(&mut tx, actor, &id, body, now).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::ThreadStarted, me, Some(id.to_string())).await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// The traveler's case by its reference number (someone else's is not found).
    async fn own_case(&self, actor: &Actor, reference: &str) -> Result<CaseId, AppError> {
        let reference = ReferenceNumber::parse(reference).map_err(|_| AppError::NotFound)?;
        let case =
            self.reader().await?.cases().find_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ReadCase, Target::Case { account_holder: &case.account_id })?;
        Ok(case.id)
    }

    async fn add_message(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        thread: &ThreadId,
        body: String,
        now: i64,
    ) -> Result<ThreadMessageRecord, AppError> {
        let mut message = ThreadMessageRecord {
            id: ids::thread_message_id(),
            thread_id: thread.clone(),
            author_id: Some(actor.user_id.clone()),
            author_role: actor.role.as_str().to_string(),
            body,
            sent_at: now,
        };
        message.sent_at = tx.threads().add_message(&message).await?;
        Ok(message)
    }

    /// The thread, if the actor may reach it: its owner, or an officer (answered as not found
    /// to anyone else, so ids cannot be probed).
    async fn reachable_thread(&self, actor: &Actor, id: &str) -> Result<ThreadRecord, AppError> {
        let is_staff = matches!(actor.role, Role::Officer | Role::Supervisor);
        let action = if is_staff { Action::AnswerMessages } else { Action::MessageOfficers };
        actor.authorize(action, Target::None)?;
        let id = ThreadId::parse(id).map_err(|_| AppError::NotFound)?;
        let thread = self.reader().await?.threads().find(&id).await?.ok_or(AppError::NotFound)?;
        actor.authorize(action, Target::Thread { owner: &thread.owner_id })?;
        Ok(thread)
    }

    /// Writes in a thread: the owner, or an officer answering. Documents (ids of documents of
    /// the thread's case) travel with it. The other side is notified.
    pub async fn post_message(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        thread_id: &str,
        body: &str,
        document_ids: &[String],
    ) -> Result<String, AppError> {
        let thread = self.reachable_thread(actor, thread_id).await?;
        let body = messaging::body(body).map_err(|e| text_error("body", e))?;
        if document_ids.len() > messaging::ATTACHMENTS_MAX {
            return Err(text_error("document_ids", messaging::TextError::TooManyAttachments));
        }
        let mut documents = Vec::new();
        for raw in document_ids {
            let refused = || AppError::field("document_ids", "error-message-attachment-unknown");
            let id = DocumentId::parse(raw).map_err(|_| refused())?;
            let case = thread
                .case_id
                .as_ref()
                .ok_or_else(|| AppError::field("document_ids", "error-message-attachment-needs-case"))?;
            let found = self.reader().await?.documents().find(&id).await?.ok_or_else(refused)?;
            if &found.case_id != case || found.kind == "photo" {
                return Err(refused());
            }
            if !documents.contains(&id) {
                documents.push(id);
            }
        }
        self.throttle("message", actor.user_id.as_str(), MESSAGES_PER_HOUR, 3600).await?;
        let now = self.now();
        let from_staff = actor.role != Role::Traveler;
        let mut tx = self.begin().await?;
        let message = self.add_message(&mut tx, actor, &thread.id, body, now).await?;
        for document in &documents {
            tx.threads().attach(&message.id, document).await?;
        }
        if from_staff && thread.assigned_to.is_none() {
            // Whoever answers an unassigned thread holds it from then on.
            tx.threads().assign(&thread.id, Some(&actor.user_id)).await?;
        }
        let me = Some(&actor.user_id);
        let detail = Some(format!("{} {}", thread.id, message.id));
        self.audit(&mut tx, ctx, me, AuditAction::MessageSent, Some(&thread.owner_id), detail).await?;
        if from_staff && let Some(owner) = tx.users().find(&thread.owner_id).await? {
            let args = args([("subject", thread.subject.clone())]);
            self.notify(&mut tx, &owner, Kind::NewMessage, args, None, None).await?;
        }
        tx.announce(
            &LiveEvent::Thread { user: thread.owner_id.clone(), thread: thread.id.clone() }.to_wire(),
        )
        .await?;
        self.commit(tx).await?;
        Ok(message.id.to_string())
    }

    /// The traveler's own threads, latest first.
    pub async fn my_threads(&self, actor: &Actor) -> Result<Vec<ThreadSummary>, AppError> {
        actor.authorize(Action::MessageOfficers, Target::None)?;
        let threads = self.reader().await?.threads().list_for_owner(&actor.user_id, 200).await?;
        Ok(threads.iter().map(|t| summary(t, false)).collect())
    }

    /// One thread with its messages. Reading marks it read on the reader's side; an officer's
    /// read is audited.
    pub async fn thread(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<ThreadView, AppError> {
        let thread = self.reachable_thread(actor, id).await?;
        let mut tx = self.begin().await?;
        if actor.role == Role::Traveler {
            if thread.unread_by_owner() {
                tx.threads().mark_read_by_owner(&thread.id).await?;
            }
        } else {
            if thread.unread_by_staff() {
                tx.threads().mark_read_by_staff(&thread.id).await?;
            }
            let me = Some(&actor.user_id);
            self.audit(
                &mut tx,
                ctx,
                me,
                AuditAction::ThreadReadByStaff,
                Some(&thread.owner_id),
                Some(thread.id.to_string()),
            )
            .await?;
        }
        let messages = tx.threads().messages(&thread.id).await?;
        let attachments = tx.threads().attachments(&thread.id).await?;
        self.commit(tx).await?;
        let messages = messages
            .into_iter()
            .map(|m| MessageView {
                attachments: attachments
                    .iter()
                    .filter(|a| a.message_id == m.id)
                    .map(|a| AttachmentView {
                        document_id: a.document_id.to_string(),
                        name: a.display_name.clone(),
                        content_type: a.content_type.clone(),
                        size: a.size,
                    })
                    .collect(),
                id: m.id.to_string(),
                author_role: if m.author_role == "traveler" { "traveler" } else { "officer" },
                body: m.body,
                sent_at: m.sent_at,
            })
            .collect();
        Ok(ThreadView {
            id: thread.id.to_string(),
            subject: thread.subject.clone(),
            case_reference: grouped(thread.case_reference.as_ref()),
            messages,
            assigned_to: thread.assigned_to.as_ref().map(ToString::to_string),
            language: thread.language,
        })
    }

    /// The thread's case reference, ungrouped, and owner (for pages that upload an attachment
    /// to the case before writing).
    pub async fn thread_case(&self, actor: &Actor, id: &str) -> Result<Option<String>, AppError> {
        let thread = self.reachable_thread(actor, id).await?;
        Ok(thread.case_reference)
    }

    pub(crate) async fn staff_thread_record(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<ThreadRecord, AppError> {
        self.reachable_thread(actor, id).await
    }
}
