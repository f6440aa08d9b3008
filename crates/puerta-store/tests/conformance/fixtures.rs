//! Records to write in tests, with every field spelled out once here.

use puerta_domain::accounts::{CodePurpose, Language, Role, SessionKind};
use puerta_domain::delivery::Channel;
use puerta_domain::ids::{CodeId, OutboxId, UserId};
use puerta_store::accounts::{Code, NewUser, Session};
use puerta_store::outbox::NewMessage;
use secrecy::{ExposeSecret, SecretString};

use crate::harness::Db;

pub fn uid(id: &str) -> UserId {
    UserId::parse(id).expect("user id")
}

pub fn cid(id: &str) -> CodeId {
    CodeId::parse(id).expect("code id")
}

pub fn oid(id: &str) -> OutboxId {
    OutboxId::parse(id).expect("outbox id")
}

pub fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_string())
}

pub fn shown(s: &SecretString) -> &str {
    s.expose_secret()
}

pub fn shown_opt(s: Option<&SecretString>) -> Option<&str> {
    s.map(ExposeSecret::expose_secret)
}

/// An unverified traveler, created at 1 000, whose password hash is `hash-<id>`.
pub fn traveler(id: &str, email: &str) -> NewUser {
    NewUser {
        id: uid(id),
        email: email.into(),
        password_hash: secret(&format!("hash-{id}")),
        full_name: format!("Name {id}"),
        phone: None,
        language: Language::Es,
        role: Role::Traveler,
        email_verified_at: None,
        created_at: 1_000,
    }
}

/// A verified administrator.
pub fn admin(id: &str) -> NewUser {
    NewUser {
        role: Role::Admin,
        email_verified_at: Some(1_000),
        ..traveler(id, &format!("{id}@example.org"))
    }
}

/// Creates `users` in one committed transaction.
pub async fn create_users(db: &Db, users: &[NewUser]) {
    let mut tx = db.store.write().await.expect("write");
    for u in users {
        tx.users().create(u).await.unwrap_or_else(|e| panic!("{}: create {:?}: {e}", db.backend, u.id));
    }
    tx.commit().await.expect("commit");
}

/// A live code that expires 600 000 ms after it was made, with hash `h-<id>` and link `l-<id>`.
pub fn code(id: &str, user: &str, purpose: CodePurpose, created_at: i64) -> Code {
    Code {
        id: cid(id),
        user_id: uid(user),
        purpose,
        code_hash: secret(&format!("h-{id}")),
        link_token_hash: Some(secret(&format!("l-{id}"))),
        new_email: None,
        attempts: 0,
        expires_at: created_at + 600_000,
        consumed_at: None,
        created_at,
    }
}

/// A live cookie session seen last at `last_seen_at`.
pub fn session(hash: &str, user: &str, last_seen_at: i64) -> Session {
    Session {
        token_hash: secret(hash),
        user_id: uid(user),
        kind: SessionKind::Cookie,
        second_factor_pending: false,
        created_at: last_seen_at,
        last_seen_at,
        expires_at: last_seen_at + 1_000_000,
        revoked_at: None,
    }
}

/// An email with key `<id>:email`, address `<id>@example.org` and payload `{"m":"<id>"}`.
pub fn message(id: &str, recipient: Option<&str>, created_at: i64) -> NewMessage {
    NewMessage {
        id: oid(id),
        idempotency_key: format!("{id}:email"),
        channel: Channel::Email,
        kind: "verify_email".into(),
        recipient_id: recipient.map(uid),
        address: secret(&format!("{id}@example.org")),
        language: Language::Pt,
        payload: secret(&format!(r#"{{"m":"{id}"}}"#)),
        created_at,
        priority: 0,
        notification_id: None,
        fallback_payload: None,
        fallback_of: None,
    }
}

/// Queues `messages` in one committed transaction.
pub async fn enqueue_all(db: &Db, messages: &[NewMessage]) {
    let mut tx = db.store.write().await.expect("write");
    for m in messages {
        assert!(tx.outbox().enqueue(m).await.expect("enqueue"), "{}: {:?} queued", db.backend, m.id);
    }
    tx.commit().await.expect("commit");
}

/// The user as stored now, read through a read handle.
pub async fn stored_user(db: &Db, id: &str) -> puerta_store::accounts::User {
    let mut read = db.store.read().await.expect("read");
    read.users().find(&uid(id)).await.expect("find").unwrap_or_else(|| panic!("{}: {id} exists", db.backend))
}
