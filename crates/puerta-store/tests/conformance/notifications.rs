//! Notifications, policy notices, preferences, threads, live announcements and the outbox's
//! priority order, on both backends.

use puerta_domain::accounts::{Language, Role};
use puerta_domain::ids::{NoticeId, NotificationId, ThreadId, ThreadMessageId};
use puerta_store::messaging::{NewThread, StaffFilter, ThreadMessageRecord};
use puerta_store::notifications::{NoticeRecord, NotificationRecord, PreferenceRow};

use crate::fixtures::{create_users, enqueue_all, message, traveler, uid};
use crate::harness::on_each_backend;

fn nid(id: &str) -> NotificationId {
    NotificationId::parse(id).unwrap()
}

fn notice(id: &str, audience: &str, port: Option<&str>, publish_at: i64) -> NoticeRecord {
    NoticeRecord {
        id: NoticeId::parse(id).unwrap(),
        title: r#"{"en":"T"}"#.into(),
        body: r#"{"en":"B"}"#.into(),
        audience: audience.into(),
        port_code: port.map(str::to_string),
        publish_at,
        created_by: None,
        created_at: 1,
        announced_at: None,
    }
}

#[tokio::test]
async fn notifications_list_newest_first_and_are_read_only_by_their_owner() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("u1", "u1@example.org"), traveler("u2", "u2@example.org")]).await;
        let mut tx = db.store.write().await.unwrap();
        for (id, at) in [("n1", 10), ("n2", 20), ("n3", 30)] {
            let row = NotificationRecord {
                id: nid(id),
                user_id: uid("u1"),
                kind: "case_updated".into(),
                args: "{}".into(),
                created_at: at,
                read_at: None,
            };
            tx.notifications().insert(&row).await.unwrap();
        }
        assert!(!tx.notifications().mark_read(&uid("u2"), &nid("n2"), 40).await.unwrap(), "{b}: not u2's");
        assert!(tx.notifications().mark_read(&uid("u1"), &nid("n2"), 40).await.unwrap());
        tx.commit().await.unwrap();
        let mut read = db.store.read().await.unwrap();
        let all: Vec<_> = read
            .notifications()
            .list(&uid("u1"), false, None, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|n| n.id.to_string())
            .collect();
        assert_eq!(all, ["n3", "n2", "n1"], "{b}");
        let unread = read.notifications().list(&uid("u1"), true, None, 10).await.unwrap();
        assert_eq!(unread.len(), 2, "{b}");
        assert_eq!(read.notifications().count_unread(&uid("u1")).await.unwrap(), 2);
        let page = read.notifications().list(&uid("u1"), false, Some((30, "n3")), 10).await.unwrap();
        assert_eq!(page.len(), 2, "{b}: after the cursor");
        let since = read.notifications().since(&uid("u1"), 20, 10).await.unwrap();
        assert_eq!(since.iter().map(|n| n.id.to_string()).collect::<Vec<_>>(), ["n2", "n3"], "{b}");
        assert!(read.notifications().find(&uid("u2"), &nid("n1")).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn notices_are_found_by_audience_when_read_so_later_accounts_see_them_too() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("t1", "t1@example.org")]).await;
        let mut tx = db.store.write().await.unwrap();
        tx.ports().seed(&puerta_domain::ports::reference_ports()).await.unwrap();
        tx.notices().insert(&notice("all1", "all", None, 100)).await.unwrap();
        tx.notices().insert(&notice("staff1", "staff", None, 100)).await.unwrap();
        tx.notices().insert(&notice("port1", "port", Some("SYS"), 100)).await.unwrap();
        tx.notices().insert(&notice("later1", "all", None, 10_000)).await.unwrap();
        tx.commit().await.unwrap();
        // An account made after the notices.
        create_users(&db, &[traveler("t2", "t2@example.org")]).await;
        let mut read = db.store.read().await.unwrap();
        for user in ["t1", "t2"] {
            let seen: Vec<_> = read
                .notices()
                .for_reader(&uid(user), "traveler", 500, false, None, 10)
                .await
                .unwrap()
                .into_iter()
                .map(|v| v.notice.id.to_string())
                .collect();
            assert_eq!(seen, ["all1"], "{b}: {user} sees the published notice for everyone only");
        }
        let staff: Vec<_> = read
            .notices()
            .for_reader(&uid("t1"), "staff", 500, false, None, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.notice.id.to_string())
            .collect();
        assert!(
            staff.contains(&"staff1".to_string()) && !staff.contains(&"port1".to_string()),
            "{b}: {staff:?}"
        );
        assert_eq!(read.notices().count_unread(&uid("t1"), "traveler", 500).await.unwrap(), 1);
        assert!(
            !read
                .notices()
                .is_member(&NoticeId::parse("port1").unwrap(), &uid("t1"), "traveler")
                .await
                .unwrap()
        );
        drop(read);
        let mut tx = db.store.write().await.unwrap();
        tx.notices().mark_read(&NoticeId::parse("all1").unwrap(), &uid("t1"), 600).await.unwrap();
        tx.notices().dismiss(&NoticeId::parse("all1").unwrap(), &uid("t2"), 700).await.unwrap();
        tx.commit().await.unwrap();
        let mut read = db.store.read().await.unwrap();
        assert_eq!(read.notices().count_unread(&uid("t1"), "traveler", 800).await.unwrap(), 0, "{b}");
        let t2 = read.notices().for_reader(&uid("t2"), "traveler", 800, false, None, 10).await.unwrap();
        assert_eq!((t2[0].read_at, t2[0].dismissed_at), (Some(700), Some(700)), "{b}");
        // Stored once: no row per person for a notice nobody acted on.
        assert_eq!(db.raw_i64("SELECT COUNT(*) FROM notice_reads").await, 2, "{b}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_notice_is_announced_by_exactly_one_of_many_concurrent_workers() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.unwrap();
        tx.notices().insert(&notice("once", "all", None, 1)).await.unwrap();
        tx.commit().await.unwrap();
        let tasks: Vec<_> = (0..8)
            .map(|n| {
                let store = db.store.clone();
                tokio::spawn(async move {
                    let mut tx = store.write().await.unwrap();
                    let won =
                        tx.notices().mark_announced(&NoticeId::parse("once").unwrap(), n).await.unwrap();
                    tokio::task::yield_now().await;
                    tx.commit().await.unwrap();
                    won
                })
            })
            .collect();
        let mut winners = 0;
        for t in tasks {
            winners += i32::from(t.await.unwrap());
        }
        assert_eq!(winners, 1, "{b}");
    })
    .await;
}

#[tokio::test]
async fn preferences_default_to_nothing_and_keep_the_last_choice() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("p1", "p1@example.org")]).await;
        let mut tx = db.store.write().await.unwrap();
        assert!(tx.notification_preferences().list(&uid("p1")).await.unwrap().is_empty());
        let row = |email, sms| PreferenceRow { category: "offers".into(), email, sms };
        tx.notification_preferences().set(&uid("p1"), &row(true, false)).await.unwrap();
        tx.notification_preferences().set(&uid("p1"), &row(false, true)).await.unwrap();
        tx.commit().await.unwrap();
        let mut read = db.store.read().await.unwrap();
        assert_eq!(
            read.notification_preferences().find(&uid("p1"), "offers").await.unwrap(),
            Some(row(false, true)),
            "{b}"
        );
    })
    .await;
}

#[tokio::test]
async fn threads_track_unread_on_each_side_and_list_for_officers() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut officer = traveler("o1", "o1@example.org");
        officer.role = Role::Officer;
        create_users(&db, &[traveler("t1", "t1@example.org"), officer]).await;
        let id = ThreadId::parse("th1").unwrap();
        let mut tx = db.store.write().await.unwrap();
        tx.threads()
            .insert(&NewThread {
                id: id.clone(),
                owner_id: uid("t1"),
                case_id: None,
                subject: "Q".into(),
                language: Language::Ht,
                created_at: 10,
            })
            .await
            .unwrap();
        let msg = |mid: &str, role: &str, author: &str, at| ThreadMessageRecord {
            id: ThreadMessageId::parse(mid).unwrap(),
            thread_id: id.clone(),
            author_id: Some(uid(author)),
            author_role: role.into(),
            body: "<b>hi</b>".into(),
            sent_at: at,
        };
        tx.threads().add_message(&msg("m1", "traveler", "t1", 10)).await.unwrap();
        tx.commit().await.unwrap();
        let mut read = db.store.read().await.unwrap();
        let t = read.threads().find(&id).await.unwrap().unwrap();
        assert!(t.unread_by_staff() && !t.unread_by_owner(), "{b}");
        assert_eq!(read.threads().list_for_staff(&StaffFilter::Unassigned, 10).await.unwrap().len(), 1);
        assert_eq!(read.threads().count_waiting_for_staff(&uid("o1")).await.unwrap(), 1);
        drop(read);
        let mut tx = db.store.write().await.unwrap();
        tx.threads().assign(&id, Some(&uid("o1"))).await.unwrap();
        tx.threads().add_message(&msg("m2", "officer", "o1", 20)).await.unwrap();
        tx.commit().await.unwrap();
        let mut read = db.store.read().await.unwrap();
        let t = read.threads().find(&id).await.unwrap().unwrap();
        assert!(!t.unread_by_staff() && t.unread_by_owner(), "{b}");
        assert_eq!(read.threads().count_unread_for_owner(&uid("t1")).await.unwrap(), 1);
        assert!(read.threads().list_for_staff(&StaffFilter::Unassigned, 10).await.unwrap().is_empty());
        assert_eq!(
            read.threads().list_for_staff(&StaffFilter::AssignedTo(uid("o1")), 10).await.unwrap().len(),
            1
        );
        let messages = read.threads().messages(&id).await.unwrap();
        assert_eq!(
            messages.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(),
            ["<b>hi</b>", "<b>hi</b>"],
            "{b}: stored as written"
        );
    })
    .await;
}

#[tokio::test]
async fn announcements_reach_listeners_only_when_their_transaction_commits() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut live = db.store.subscribe().await.unwrap();
        let mut tx = db.store.write().await.unwrap();
        tx.announce("rolled back").await.unwrap();
        tx.rollback().await.unwrap();
        let mut tx = db.store.write().await.unwrap();
        tx.announce("committed").await.unwrap();
        tx.commit().await.unwrap();
        let got = tokio::time::timeout(std::time::Duration::from_secs(30), live.recv())
            .await
            .expect("in time")
            .unwrap();
        assert_eq!(got, puerta_store::live::Announcement::Text("committed".into()), "{b}");
    })
    .await;
}

#[tokio::test]
async fn the_outbox_hands_out_urgent_messages_before_bulk_ones() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut bulk = message("bulk", None, 1);
        bulk.priority = 2;
        let mut code = message("code", None, 5);
        code.priority = 0;
        enqueue_all(&db, &[bulk, code]).await;
        let mut tx = db.store.write().await.unwrap();
        let first = tx.outbox().claim_due(10, 1_000, 1).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(first[0].id.to_string(), "code", "{b}: queued later, sent first");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_messages_in_one_thread_keep_distinct_times_in_the_order_they_commit() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[traveler("t1", "t1@example.org")]).await;
        let id = ThreadId::parse("busy").unwrap();
        let mut tx = db.store.write().await.unwrap();
        tx.threads()
            .insert(&NewThread {
                id: id.clone(),
                owner_id: uid("t1"),
                case_id: None,
                subject: "Q".into(),
                language: Language::Es,
                created_at: 10,
            })
            .await
            .unwrap();
        tx.commit().await.unwrap();
        // Every message written at the same millisecond.
        let tasks: Vec<_> = (0..10)
            .map(|n| {
                let (store, id) = (db.store.clone(), id.clone());
                tokio::spawn(async move {
                    let mut tx = store.write().await.unwrap();
                    let message = ThreadMessageRecord {
                        id: ThreadMessageId::parse(&format!("m{n}")).unwrap(),
                        thread_id: id,
                        author_id: Some(uid("t1")),
                        author_role: "traveler".into(),
                        body: format!("{n}"),
                        sent_at: 50,
                    };
                    let at = tx.threads().add_message(&message).await.unwrap();
                    tokio::task::yield_now().await;
                    tx.commit().await.unwrap();
                    at
                })
            })
            .collect();
        let mut times = Vec::new();
        for t in tasks {
            times.push(t.await.unwrap());
        }
        times.sort_unstable();
        times.dedup();
        assert_eq!(times.len(), 10, "{b}: distinct times {times:?}");
        let mut read = db.store.read().await.unwrap();
        let stored = read.threads().messages(&id).await.unwrap();
        assert_eq!(stored.len(), 10, "{b}");
        assert!(stored.windows(2).all(|w| w[0].sent_at < w[1].sent_at), "{b}");
        assert_eq!(read.threads().find(&id).await.unwrap().unwrap().last_message_at, *times.last().unwrap());
    })
    .await;
}
