//! The reader's inbox: their notifications and the policy notices of every audience they belong
//! to, newest first, in their language and zone; unread counts; marking as read; and how each
//! notification's emails and SMS are doing.

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::{Language, Role};
use puerta_domain::ids::{NoticeId, NotificationId, UserId};
use puerta_domain::notifications::Kind;
use puerta_store::notifications::{NoticeRecord, NotificationRecord};

use super::live::LiveEvent;
use super::{Args, render};
use crate::accounts::Actor;
use crate::{App, AppError};

/// One inbox entry, in its reader's words.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InboxItem {
    /// A notification's id or a policy notice's id.
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
    /// For policy notices: dismissed from the dashboard and the requirements page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismissed_at: Option<i64>,
    /// How its emails and SMS went (filled in by [`App::inbox`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deliveries: Vec<DeliveryNote>,
}

/// One email or SMS of a notification: "sent by SMS, not delivered; sent by email instead".
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeliveryNote {
    /// `email` or `sms`.
    pub channel: String,
    /// `created`, `sending`, `delivered`, `temporary_failure`, `permanent_failure`,
    /// `technical_failure`.
    pub status: String,
    /// Sent because the other channel failed for good.
    pub fallback: bool,
}

/// A page of the inbox.
#[derive(Debug, Clone)]
pub struct InboxPage {
    pub items: Vec<InboxItem>,
    pub unread: UnreadCounts,
}

/// What the dashboard badge counts.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct UnreadCounts {
    pub notifications: i64,
    /// Threads with an officer's message the traveler has not opened (officers: threads
    /// waiting for them).
    pub messages: i64,
}

/// Who reads, with what a stream needs to render without asking again.
#[derive(Debug, Clone)]
pub struct Reader {
    pub user_id: UserId,
    pub role: Role,
    pub language: Language,
    pub zone: String,
}

/// The audience class the store's notice test takes.
pub(crate) fn class(role: Role) -> &'static str {
    match role {
        Role::Traveler => "traveler",
        Role::Officer | Role::Supervisor | Role::Admin => "staff",
        Role::Partner => "other",
    }
}

fn pick(map_json: &str, language: Language) -> String {
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(map_json).unwrap_or_default();
    map.get(language.code())
        .or_else(|| map.get("en"))
        .or_else(|| map.values().next())
        .cloned()
        .unwrap_or_default()
}

impl Reader {
    fn notification(&self, n: &NotificationRecord) -> InboxItem {
        let kind = Kind::parse(&n.kind).unwrap_or(Kind::CaseUpdated);
        let args: Args = serde_json::from_str(&n.args).unwrap_or_default();
        let (title, body) = render(self.language, &self.zone, kind, &args);
        InboxItem {
            id: n.id.to_string(),
            kind: kind.as_str(),
            title,
            body,
            created_at: n.created_at,
            read_at: n.read_at,
            dismissed_at: None,
            deliveries: Vec::new(),
        }
    }

    pub(crate) fn notice(
        &self,
        n: &NoticeRecord,
        read_at: Option<i64>,
        dismissed_at: Option<i64>,
    ) -> InboxItem {
        InboxItem {
            id: n.id.to_string(),
            kind: Kind::PolicyNotice.as_str(),
            title: pick(&n.title, self.language),
            body: pick(&n.body, self.language),
            created_at: n.publish_at,
            read_at,
            dismissed_at,
            deliveries: Vec::new(),
        }
    }
}

impl App {
    /// The actor as a reader of notifications (their zone from the account).
    pub async fn reader_of(&self, actor: &Actor) -> Result<Reader, AppError> {
        actor.authorize(Action::OwnAccount, Target::User(&actor.user_id))?;
        let user = self.reader().await?.users().find(&actor.user_id).await?.ok_or(AppError::NotFound)?;
        Ok(Reader {
            user_id: actor.user_id.clone(),
            role: actor.role,
            language: user.language,
            zone: user.time_zone.name().to_string(),
        })
    }

    /// The inbox, newest first: at most `limit` entries, only unread ones if asked.
    pub async fn inbox(&self, actor: &Actor, unread_only: bool, limit: i64) -> Result<InboxPage, AppError> {
        let reader = self.reader_of(actor).await?;
        let limit = limit.clamp(1, 200);
        let now = self.now();
        let mut read = self.reader().await?;
        let notes = read.notifications().list(&reader.user_id, unread_only, None, limit).await?;
        let notices = read
            .notices()
            .for_reader(&reader.user_id, class(reader.role), now, unread_only, None, limit)
            .await?;
        let deliveries =
            read.notifications().deliveries(&notes.iter().map(|n| n.id.clone()).collect::<Vec<_>>()).await?;
        let mut items: Vec<InboxItem> = notes
            .iter()
            .map(|n| {
                let mut item = reader.notification(n);
                item.deliveries = deliveries
                    .iter()
                    .filter(|d| d.notification_id == n.id)
                    .map(|d| DeliveryNote {
                        channel: d.channel.clone(),
                        status: d.status.clone(),
                        fallback: d.fallback_of.is_some(),
                    })
                    .collect();
                item
            })
            .chain(notices.iter().map(|v| reader.notice(&v.notice, v.read_at, v.dismissed_at)))
            .collect();
        items.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| b.id.cmp(&a.id)));
        items.truncate(usize::try_from(limit).unwrap_or(200));
        drop(read);
        let unread = self.unread_counts(actor).await?;
        Ok(InboxPage { items, unread })
    }

    /// Unread notifications and messages, for the badge.
    pub async fn unread_counts(&self, actor: &Actor) -> Result<UnreadCounts, AppError> {
        actor.authorize(Action::OwnAccount, Target::User(&actor.user_id))?;
        let mut read = self.reader().await?;
        let notifications = read.notifications().count_unread(&actor.user_id).await?
            + read.notices().count_unread(&actor.user_id, class(actor.role), self.now()).await?;
        let messages = match actor.role {
            Role::Traveler => read.threads().count_unread_for_owner(&actor.user_id).await?,
            Role::Officer | Role::Supervisor => {
                read.threads().count_waiting_for_staff(&actor.user_id).await?
            }
            _ => 0,
        };
        Ok(UnreadCounts { notifications, messages })
    }

    /// Policy notices published to the actor and not dismissed (the dashboard and the entry
    /// requirements show them until dismissed).
    pub async fn standing_notices(&self, actor: &Actor) -> Result<Vec<InboxItem>, AppError> {
        let reader = self.reader_of(actor).await?;
        let views = self
            .reader()
            .await?
            .notices()
            .for_reader(&reader.user_id, class(reader.role), self.now(), false, None, 20)
            .await?;
        Ok(views
            .iter()
            .filter(|v| v.dismissed_at.is_none())
            .map(|v| reader.notice(&v.notice, v.read_at, None))
            .collect())
    }

    /// Marks one entry read (a notification or a policy notice). Someone else's is not found.
    pub async fn mark_read(&self, actor: &Actor, id: &str) -> Result<(), AppError> {
        self.touch_entry(actor, id, false).await
    }

    /// Dismisses a policy notice from the dashboard and the requirements page (and reads it).
    pub async fn dismiss_notice(&self, actor: &Actor, id: &str) -> Result<(), AppError> {
        self.touch_entry(actor, id, true).await
    }

    async fn touch_entry(&self, actor: &Actor, id: &str, dismiss: bool) -> Result<(), AppError> {
        actor.authorize(Action::OwnAccount, Target::User(&actor.user_id))?;
        let now = self.now();
        let mut tx = self.begin().await?;
        if !dismiss
            && let Ok(nid) = NotificationId::parse(id)
            && tx.notifications().mark_read(&actor.user_id, &nid, now).await?
        {
            return self.commit(tx).await;
        }
        let notice = NoticeId::parse(id).map_err(|_| AppError::NotFound)?;
        let found = tx.notices().find(&notice).await?.filter(|n| n.publish_at <= now);
        if found.is_none() || !tx.notices().is_member(&notice, &actor.user_id, class(actor.role)).await? {
            return Err(AppError::NotFound);
        }
        if dismiss {
            tx.notices().dismiss(&notice, &actor.user_id, now).await?;
        } else {
            tx.notices().mark_read(&notice, &actor.user_id, now).await?;
        }
        self.commit(tx).await
    }

    /// Everything in the inbox since `since` (epoch ms), oldest first: what a live stream missed
    /// while it was away.
    pub async fn inbox_since(&self, reader: &Reader, since: i64) -> Result<Vec<InboxItem>, AppError> {
        let mut read = self.reader().await?;
        let notes = read.notifications().since(&reader.user_id, since, 500).await?;
        let notices = read
            .notices()
            .for_reader(&reader.user_id, class(reader.role), self.now(), false, Some(since), 100)
            .await?;
        let mut items: Vec<InboxItem> = notes
            .iter()
            .map(|n| reader.notification(n))
            .chain(notices.iter().map(|v| reader.notice(&v.notice, v.read_at, v.dismissed_at)))
            .collect();
        items.sort_by(|a, b| a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id)));
        Ok(items)
    }

    /// What a live event means to `reader`: an inbox entry, a thread to reload, or nothing.
    pub async fn live_item(&self, reader: &Reader, event: &LiveEvent) -> Result<Option<InboxItem>, AppError> {
        match event {
            LiveEvent::Notification { user, id } if *user == reader.user_id => {
                let found = self.reader().await?.notifications().find(user, id).await?;
                Ok(found.map(|n| reader.notification(&n)))
            }
            LiveEvent::Notice(notice) => {
                let admitted = match notice.audience.as_str() {
                    "all" => true,
                    "staff" => class(reader.role) == "staff",
                    _ => {
                        class(reader.role) == "traveler"
                            && self
                                .reader()
                                .await?
                                .notices()
                                .is_member(&notice.id, &reader.user_id, "traveler")
                                .await?
                    }
                };
                Ok(admitted.then(|| reader.notice(notice, None, None)))
            }
            _ => Ok(None),
        }
    }
}
