//! Notifications: one model for everything that happens to a person. A use case calls
//! [`App::notify`] inside its own transaction: that writes the inbox row, queues the email and
//! SMS the person chose (with the other channel as fallback), and announces it to live streams
//! on commit. Policy notices are stored once for their whole audience ([`notices`]).
//!
//! - [`words`]: a notification's title and body, in the reader's language and zone.
//! - [`inbox`]: the reader's list, unread counts, mark as read, delivery status per notification.
//! - [`live`]: the live stream (Server-Sent Events) and what travels on it.
//! - [`preferences`]: channels per category; critical ones cannot be silenced.
//! - [`notices`]: policy notices: publish, announce when due, send to those who opted in.
//! - [`reminders`]: "your offer ends in 3 hours", "your appointment is tomorrow".

mod inbox;
mod live;
mod notices;
mod notify;
mod preferences;
mod reminders;
mod words;

pub(crate) use inbox::class as audience_class;
pub use inbox::{DeliveryNote, InboxItem, InboxPage, Reader, UnreadCounts};
pub use live::LiveEvent;
pub use notices::{NewNotice, NoticeSummary, NoticeText};
pub(crate) use notify::inbox_of;
pub use preferences::PreferenceView;
pub use words::{Args, args, render};
