//! What travels to open pages and API clients as it happens. Use cases announce a small
//! [`LiveEvent`] inside their transaction (it is published only if they commit); one task per
//! instance turns the store's announcements back into events, reading a policy notice once
//! for every stream; each stream keeps what is its reader's.

use std::sync::Arc;

use puerta_domain::ids::{NoticeId, NotificationId, ThreadId, UserId};
use puerta_store::live::Announcement;
use puerta_store::notifications::NoticeRecord;
use tokio::sync::broadcast;

use crate::{App, AppError};

/// Something happened that open streams may show.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// A notification for one account.
    Notification { user: UserId, id: NotificationId },
    /// A new message in one of the account's threads (their open thread page shows it).
    Thread { user: UserId, thread: ThreadId },
    /// A policy notice's time has come; each stream decides whether its reader is in the
    /// audience.
    Notice(Arc<NoticeRecord>),
    /// Events may have been missed: reload.
    Resync,
}

/// The compact text announced through the store (PostgreSQL `NOTIFY` payloads are small).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum Wire {
    Notification { u: String, i: String },
    Thread { u: String, i: String },
    Notice { i: String },
}

impl LiveEvent {
    pub(crate) fn to_wire(&self) -> String {
        let wire = match self {
            Self::Notification { user, id } => Wire::Notification { u: user.to_string(), i: id.to_string() },
            Self::Thread { user, thread } => Wire::Thread { u: user.to_string(), i: thread.to_string() },
            Self::Notice(n) => Wire::Notice { i: n.id.to_string() },
            Self::Resync => return String::new(),
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    pub(crate) fn notice_wire(id: &NoticeId) -> String {
        serde_json::to_string(&Wire::Notice { i: id.to_string() }).unwrap_or_default()
    }
}

/// How many events a slow stream may fall behind before it is told to reload.
const BACKLOG: usize = 16_384;

impl App {
    /// Every live event from now on. The first call starts this instance's relay (and, on
    /// PostgreSQL, its `LISTEN`), and returns once it is listening.
    pub async fn subscribe_live(&self) -> Result<broadcast::Receiver<Arc<LiveEvent>>, AppError> {
        let sender = self
            .inner
            .live
            .get_or_try_init(|| async {
                let announcements = self.inner.store.subscribe().await?;
                let (sender, _) = broadcast::channel(BACKLOG);
                tokio::spawn(relay(self.clone(), announcements, sender.clone()));
                Ok::<_, AppError>(sender)
            })
            .await?;
        Ok(sender.subscribe())
    }
}

async fn relay(app: App, mut from: broadcast::Receiver<Announcement>, to: broadcast::Sender<Arc<LiveEvent>>) {
    loop {
        let event = match from.recv().await {
            Ok(Announcement::Text(text)) => match parse(&app, &text).await {
                Some(event) => event,
                None => continue,
            },
            Ok(Announcement::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => LiveEvent::Resync,
            Err(broadcast::error::RecvError::Closed) => return,
        };
        let _ = to.send(Arc::new(event));
    }
}

/// The event an announcement carries; `None` for texts that are not for streams (an account's
/// sessions forgotten, `cache:user:<id>`) or that this version does not know.
async fn parse(app: &App, text: &str) -> Option<LiveEvent> {
    if text.starts_with(crate::accounts::session_cache::ANNOUNCEMENT_PREFIX) {
        return None;
    }
    let wire: Wire = serde_json::from_str(text).ok()?;
    Some(match wire {
        Wire::Notification { u, i } => {
            LiveEvent::Notification { user: UserId::parse(&u).ok()?, id: NotificationId::parse(&i).ok()? }
        }
        Wire::Thread { u, i } => {
            LiveEvent::Thread { user: UserId::parse(&u).ok()?, thread: ThreadId::parse(&i).ok()? }
        }
        Wire::Notice { i } => {
            // Read once here, not once per stream.
            let id = NoticeId::parse(&i).ok()?;
            let mut read = app.reader().await.ok()?;
            LiveEvent::Notice(Arc::new(read.notices().find(&id).await.ok()??))
        }
    })
}
