//! Secure messaging: an account holder writes to the officers, generally or about one of their
//! cases; officers answer from a shared inbox (unassigned, mine, all), take or give threads,
//! and start from reply templates in the traveler's language. Messages are plain text.
//! Attachments are documents of the thread's case, uploaded with every check and encryption of
//! the document store. A traveler reaches only their own threads; every staff read is audited.
//!
//! - [`threads`]: start, write, read (both sides).
//! - [`staff`]: the officers' inbox and assignment.
//! - [`templates`]: reply templates.

mod staff;
mod templates;
mod threads;

pub use staff::InboxFilter;
pub use templates::{ReplyTemplate, reply_templates};
pub use threads::{AttachmentView, MessageView, ThreadSummary, ThreadView};

/// Messages one account may send per hour (travelers and officers alike): enough for any
/// conversation, too few to flood the officers' inbox.
pub const MESSAGES_PER_HOUR: i64 = 30;
