//! Message threads between account holders and officers, their messages and attachments.

use puerta_domain::accounts::Language;
use puerta_domain::ids::{CaseId, DocumentId, ThreadId, ThreadMessageId, UserId};

use crate::StoreError;
use crate::accounts::records::{language, opt_user_id, user_id};
use crate::unit_of_work::{exec, fetch_all, fetch_one, fetch_optional, repository};

repository!(
    /// Threads, messages and their attachments.
    Threads
);

/// A thread as stored, with its case's reference number when it is about one.
#[derive(Debug, Clone)]
pub struct ThreadRecord {
    pub id: ThreadId,
    pub owner_id: UserId,
    pub case_id: Option<CaseId>,
    /// The case's reference number (13 characters, ungrouped).
    pub case_reference: Option<String>,
    pub subject: String,
    /// The owner's language when the thread began (reply templates are offered in it).
    pub language: Language,
    pub assigned_to: Option<UserId>,
    pub created_at: i64,
    pub last_message_at: i64,
    /// Whether the last message came from an officer.
    pub last_from_staff: bool,
    pub owner_read_at: Option<i64>,
    pub staff_read_at: Option<i64>,
}

impl ThreadRecord {
    /// The owner has a message from the officers they have not opened.
    pub fn unread_by_owner(&self) -> bool {
        self.last_from_staff && self.owner_read_at.is_none_or(|at| at < self.last_message_at)
    }

    /// The officers have a message from the owner nobody has opened.
    pub fn unread_by_staff(&self) -> bool {
        !self.last_from_staff && self.staff_read_at.is_none_or(|at| at < self.last_message_at)
    }
}

#[derive(Debug, Clone)]
pub struct NewThread {
    pub id: ThreadId,
    pub owner_id: UserId,
    pub case_id: Option<CaseId>,
    pub subject: String,
    pub language: Language,
    pub created_at: i64,
}

/// One message. `author_role` is `traveler`, `officer` or `supervisor`.
#[derive(Debug, Clone)]
pub struct ThreadMessageRecord {
    pub id: ThreadMessageId,
    pub thread_id: ThreadId,
    pub author_id: Option<UserId>,
    pub author_role: String,
    pub body: String,
    pub sent_at: i64,
}

/// A document attached to a message.
#[derive(Debug, Clone)]
pub struct AttachmentRecord {
    pub message_id: ThreadMessageId,
    pub document_id: DocumentId,
    pub display_name: Option<String>,
    pub content_type: String,
    pub size: i64,
}

/// Which threads an officer lists.
#[derive(Debug, Clone)]
pub enum StaffFilter {
    Unassigned,
    AssignedTo(UserId),
    All,
}

const THREAD_COLUMNS: &str = "t.id, t.owner_id, t.case_id, c.reference_number, t.subject, t.language, t.assigned_to, \
     t.created_at, t.last_message_at, t.last_from_staff, t.owner_read_at, t.staff_read_at";
const THREAD_FROM: &str = "threads t LEFT JOIN cases c ON c.id = t.case_id";

#[derive(sqlx::FromRow)]
struct ThreadRow {
    id: String,
    owner_id: String,
    case_id: Option<String>,
    reference_number: Option<String>,
    subject: String,
    language: String,
    assigned_to: Option<String>,
    created_at: i64,
    last_message_at: i64,
    last_from_staff: i64,
    owner_read_at: Option<i64>,
    staff_read_at: Option<i64>,
}

impl TryFrom<ThreadRow> for ThreadRecord {
    type Error = StoreError;

    fn try_from(r: ThreadRow) -> Result<Self, StoreError> {
        Ok(Self {
            id: ThreadId::parse(&r.id).map_err(|_| StoreError::Corrupt("thread id".into()))?,
            owner_id: user_id(&r.owner_id)?,
            case_id: r
                .case_id
                .map(|c| CaseId::parse(&c).map_err(|_| StoreError::Corrupt("case id".into())))
                .transpose()?,
            case_reference: r.reference_number,
            subject: r.subject,
            language: language(&r.language)?,
            assigned_to: opt_user_id(r.assigned_to)?,
            created_at: r.created_at,
            last_message_at: r.last_message_at,
            last_from_staff: r.last_from_staff != 0,
            owner_read_at: r.owner_read_at,
            staff_read_at: r.staff_read_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    id: String,
    thread_id: String,
    author_id: Option<String>,
    author_role: String,
    body: String,
    sent_at: i64,
}

impl TryFrom<MessageRow> for ThreadMessageRecord {
    type Error = StoreError;

    fn try_from(r: MessageRow) -> Result<Self, StoreError> {
        Ok(Self {
            id: ThreadMessageId::parse(&r.id).map_err(|_| StoreError::Corrupt("message id".into()))?,
            thread_id: ThreadId::parse(&r.thread_id).map_err(|_| StoreError::Corrupt("thread id".into()))?,
            author_id: opt_user_id(r.author_id)?,
            author_role: r.author_role,
            body: r.body,
            sent_at: r.sent_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct AttachmentRow {
    message_id: String,
    document_id: String,
    display_name: Option<String>,
    content_type: String,
    size: i64,
}

fn rows(list: Vec<ThreadRow>) -> Result<Vec<ThreadRecord>, StoreError> {
    list.into_iter().map(ThreadRecord::try_from).collect()
}

impl<M> Threads<'_, M> {
    pub async fn find(&mut self, id: &ThreadId) -> Result<Option<ThreadRecord>, StoreError> {
        let sql = format!("SELECT {THREAD_COLUMNS} FROM {THREAD_FROM} WHERE t.id = $1");
        fetch_optional!(&mut self.conn, ThreadRow, &sql, id.as_str())?.map(ThreadRecord::try_from).transpose()
    }

    /// One account holder's threads, latest activity first.
    pub async fn list_for_owner(
        &mut self,
        owner: &UserId,
        limit: i64,
    ) -> Result<Vec<ThreadRecord>, StoreError> {
        let sql = format!(
            "SELECT {THREAD_COLUMNS} FROM {THREAD_FROM} WHERE t.owner_id = $1 \
             ORDER BY t.last_message_at DESC, t.id DESC LIMIT $2"
        );
        rows(fetch_all!(&mut self.conn, ThreadRow, &sql, owner.as_str(), limit)?)
    }

    /// The officers' inbox, latest activity first.
    pub async fn list_for_staff(
        &mut self,
        filter: &StaffFilter,
        limit: i64,
    ) -> Result<Vec<ThreadRecord>, StoreError> {
        let (clause, who) = match filter {
            StaffFilter::Unassigned => ("t.assigned_to IS NULL AND $1 IS NULL", None),
            StaffFilter::AssignedTo(id) => ("t.assigned_to = $1", Some(id.as_str())),
            StaffFilter::All => ("$1 IS NULL", None),
        };
        let sql = format!(
            "SELECT {THREAD_COLUMNS} FROM {THREAD_FROM} WHERE {clause} \
             ORDER BY t.last_message_at DESC, t.id DESC LIMIT $2"
        );
        rows(fetch_all!(&mut self.conn, ThreadRow, &sql, who, limit)?)
    }

    /// Threads with an officer's message the owner has not opened.
    pub async fn count_unread_for_owner(&mut self, owner: &UserId) -> Result<i64, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM threads WHERE owner_id = $1 AND last_from_staff = 1 \
             AND (owner_read_at IS NULL OR owner_read_at < last_message_at)",
            owner.as_str()
        )?
        .0)
    }

    /// Threads waiting for the officers: unassigned or held by `officer`, last written by the owner.
    pub async fn count_waiting_for_staff(&mut self, officer: &UserId) -> Result<i64, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM threads WHERE (assigned_to IS NULL OR assigned_to = $1) AND last_from_staff = 0 \
             AND (staff_read_at IS NULL OR staff_read_at < last_message_at)",
            officer.as_str()
        )?
        .0)
    }

    /// A thread's messages, oldest first.
    pub async fn messages(&mut self, thread: &ThreadId) -> Result<Vec<ThreadMessageRecord>, StoreError> {
        fetch_all!(
            &mut self.conn,
            MessageRow,
            "SELECT id, thread_id, author_id, author_role, body, sent_at FROM thread_messages \
             WHERE thread_id = $1 ORDER BY sent_at, id",
            thread.as_str()
        )?
        .into_iter()
        .map(ThreadMessageRecord::try_from)
        .collect()
    }

    /// Every attachment of a thread's messages.
    pub async fn attachments(&mut self, thread: &ThreadId) -> Result<Vec<AttachmentRecord>, StoreError> {
        fetch_all!(
            &mut self.conn,
            AttachmentRow,
            "SELECT a.message_id, a.document_id, d.display_name, d.content_type, d.size \
             FROM thread_attachments a JOIN thread_messages m ON m.id = a.message_id \
             JOIN documents d ON d.id = a.document_id WHERE m.thread_id = $1 ORDER BY m.sent_at, d.uploaded_at, d.id",
            thread.as_str()
        )?
        .into_iter()
        .map(|r| {
            Ok(AttachmentRecord {
                message_id: ThreadMessageId::parse(&r.message_id)
                    .map_err(|_| StoreError::Corrupt("message id".into()))?,
                document_id: DocumentId::parse(&r.document_id)
                    .map_err(|_| StoreError::Corrupt("document id".into()))?,
                display_name: r.display_name,
                content_type: r.content_type,
                size: r.size,
            })
        })
        .collect()
    }

    /// Whether `document` is attached to a message of `thread` (so a thread's reader may open it).
    pub async fn has_attachment(
        &mut self,
        thread: &ThreadId,
        document: &DocumentId,
    ) -> Result<bool, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM thread_attachments a JOIN thread_messages m ON m.id = a.message_id \
             WHERE m.thread_id = $1 AND a.document_id = $2",
            thread.as_str(),
            document.as_str()
        )?
        .0 > 0)
    }
}

impl Threads<'_, crate::Write> {
    pub async fn insert(&mut self, t: &NewThread) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, t.owner_id.as_str());
        exec!(
            &mut self.conn,
            // No message yet: `last_message_at` 0 until the first (same transaction) sets it.
            "INSERT INTO threads (id, owner_id, case_id, subject, language, created_at, last_message_at, last_from_staff, \
             owner_read_at) VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $6)",
            t.id.as_str(),
            t.owner_id.as_str(),
            t.case_id.as_ref().map(CaseId::as_str),
            &t.subject,
            t.language.code(),
            t.created_at,
        )?;
        Ok(())
    }

    /// Adds a message and moves the thread's activity; the writer's side has read it all.
    /// Answers the time the message is stored with: `sent_at`, or just after the thread's last
    /// message if that is not earlier (so messages keep the order they were written in, even
    /// within one millisecond; the thread's row lock orders concurrent writers).
    pub async fn add_message(&mut self, m: &ThreadMessageRecord) -> Result<i64, StoreError> {
        let from_staff = i64::from(m.author_role != "traveler");
        let (at, owner) = fetch_one!(
            &mut self.conn,
            (i64, String),
            "UPDATE threads SET last_message_at = CASE WHEN last_message_at >= $2 THEN last_message_at + 1 ELSE $2 END, \
             last_from_staff = $3 WHERE id = $1 RETURNING last_message_at, owner_id",
            m.thread_id.as_str(),
            m.sent_at,
            from_staff,
        )?;
        crate::touches::account(&mut self.touched, &owner);
        exec!(
            &mut self.conn,
            "UPDATE threads SET owner_read_at = CASE WHEN $2 = 0 THEN $3 ELSE owner_read_at END, \
             staff_read_at = CASE WHEN $2 = 1 THEN $3 ELSE staff_read_at END WHERE id = $1",
            m.thread_id.as_str(),
            from_staff,
            at,
        )?;
        exec!(
            &mut self.conn,
            "INSERT INTO thread_messages (id, thread_id, author_id, author_role, body, sent_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            m.id.as_str(),
            m.thread_id.as_str(),
            m.author_id.as_ref().map(UserId::as_str),
            &m.author_role,
            &m.body,
            at,
        )?;
        Ok(at)
    }

    pub async fn attach(
        &mut self,
        message: &ThreadMessageId,
        document: &DocumentId,
    ) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO thread_attachments (message_id, document_id) VALUES ($1, $2)",
            message.as_str(),
            document.as_str(),
        )?;
        Ok(())
    }

    /// The owner has read everything up to the thread's last message (read in the same
    /// transaction as what is shown, so nothing unseen is marked read).
    pub async fn mark_read_by_owner(&mut self, id: &ThreadId) -> Result<(), StoreError> {
        let owner = fetch_optional!(
            &mut self.conn,
            (String,),
            "UPDATE threads SET owner_read_at = last_message_at WHERE id = $1 RETURNING owner_id",
            id.as_str()
        )?;
        if let Some((owner,)) = owner {
            crate::touches::account(&mut self.touched, &owner);
        }
        Ok(())
    }

    pub async fn mark_read_by_staff(&mut self, id: &ThreadId) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE threads SET staff_read_at = last_message_at WHERE id = $1",
            id.as_str()
        )?;
        Ok(())
    }

    /// Gives the thread to `officer` (`None`: back to the unassigned list).
    pub async fn assign(&mut self, id: &ThreadId, officer: Option<&UserId>) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE threads SET assigned_to = $2 WHERE id = $1",
            id.as_str(),
            officer.map(UserId::as_str)
        )?;
        Ok(())
    }
}
