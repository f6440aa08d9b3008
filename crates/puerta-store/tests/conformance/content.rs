//! Published content: versions numbered per (slug, language), the newest shown, seeded once.

use puerta_domain::accounts::Language;
use puerta_domain::content::ContentVersion;

use crate::fixtures::{admin, create_users, uid};
use crate::harness::{Db, on_each_backend};

fn item(slug: &str, language: Language, position: i64, title: &str, at: i64) -> ContentVersion {
    ContentVersion {
        slug: slug.into(),
        language,
        version: 0,
        position,
        title: title.into(),
        summary: format!("summary of {title}"),
        body_md: format!("# {title}"),
        author_id: Some(uid("a1")),
        created_at_ms: at,
    }
}

fn keys(rows: &[ContentVersion]) -> Vec<(String, i64, String)> {
    rows.iter().map(|r| (r.slug.clone(), r.version, r.title.clone())).collect()
}

fn key(slug: &str, version: i64, title: &str) -> (String, i64, String) {
    (slug.into(), version, title.into())
}

async fn add(db: &Db, items: &[ContentVersion]) -> Vec<i64> {
    let mut tx = db.store.write().await.expect("write");
    let mut versions = Vec::new();
    for i in items {
        versions.push(tx.content().add_version(i).await.expect("add"));
    }
    tx.commit().await.expect("commit");
    versions
}

#[tokio::test]
async fn versions_are_numbered_per_slug_and_language_and_the_newest_is_shown() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("a1")]).await;
        let docs = |title, at| item("documents", Language::Es, 2, title, at);
        let mut ignored = docs("Documentos v1", 100);
        ignored.version = 99;
        let versions = add(
            &db,
            &[
                ignored,
                docs("Documentos v2", 200),
                item("documents", Language::En, 2, "Documents", 150),
                item("arrival", Language::Es, 1, "Llegada", 110),
                docs("Documentos v3", 300),
                item("zeta", Language::Es, 2, "Zeta", 120),
            ],
        )
        .await;
        assert_eq!(versions, [1, 2, 1, 1, 3, 1], "{b}: the version field is ignored");

        let mut read = db.store.read().await.expect("read");
        let latest = read.content().latest(Language::Es).await.expect("latest");
        assert_eq!(
            keys(&latest),
            [key("arrival", 1, "Llegada"), key("documents", 3, "Documentos v3"), key("zeta", 1, "Zeta")],
            "{b}: by position, then slug"
        );
        let newest =
            read.content().latest_item("documents", Language::Es).await.expect("item").expect("present");
        assert_eq!(newest, ContentVersion { version: 3, ..docs("Documentos v3", 300) }, "{b}: whole record");
        let en = read.content().latest_item("documents", Language::En).await.expect("item").expect("present");
        assert_eq!((en.version, en.title.as_str()), (1, "Documents"), "{b}");
        assert!(read.content().latest_item("documents", Language::Fr).await.expect("item").is_none(), "{b}");
        assert!(read.content().latest(Language::Pt).await.expect("latest").is_empty(), "{b}");

        let history = read.content().history("documents", Language::Es).await.expect("history");
        assert_eq!(
            keys(&history),
            [
                key("documents", 3, "Documentos v3"),
                key("documents", 2, "Documentos v2"),
                key("documents", 1, "Documentos v1")
            ],
            "{b}: newest first"
        );
        assert_eq!(history.iter().map(|h| h.created_at_ms).collect::<Vec<_>>(), [300, 200, 100], "{b}");
        assert!(read.content().history("missing", Language::Es).await.expect("history").is_empty(), "{b}");
    })
    .await;
}

#[tokio::test]
async fn seeding_adds_version_one_of_missing_items_only() {
    on_each_backend(|db| async move {
        let b = db.backend;
        create_users(&db, &[admin("a1")]).await;
        add(&db, &[item("edited", Language::Es, 3, "Editado", 50)]).await;
        let seed = [
            item("arrival", Language::Es, 1, "Llegada", 100),
            item("arrival", Language::En, 1, "Arrival", 100),
            item("edited", Language::Es, 3, "Seed text", 100),
        ];
        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.content().seed(&seed).await.expect("seed"), 2, "{b}: the edited item is skipped");
        assert_eq!(tx.content().seed(&seed).await.expect("seed"), 0, "{b}: idempotent");
        tx.commit().await.expect("commit");

        let mut read = db.store.read().await.expect("read");
        let arrival =
            read.content().latest_item("arrival", Language::Es).await.expect("item").expect("seeded");
        assert_eq!(
            arrival,
            ContentVersion {
                version: 1,
                author_id: None,
                ..item("arrival", Language::Es, 1, "Llegada", 100)
            },
            "{b}: version 1, no author"
        );
        let edited = read.content().history("edited", Language::Es).await.expect("history");
        assert_eq!(keys(&edited), [key("edited", 1, "Editado")], "{b}: never overwritten");
        drop(read);
        assert_eq!(add(&db, &[item("arrival", Language::Es, 1, "Llegada 2", 200)]).await, [2], "{b}");
    })
    .await;
}
