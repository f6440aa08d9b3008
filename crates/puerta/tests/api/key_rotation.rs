//! Rotating the master key re-wraps every document's file key (issue 10): documents uploaded
//! under key A still download after a restart with key B (A as the previous key), every row's
//! wrapped key then opens under B alone, the encrypted objects are not rewritten, and once A is
//! dropped downloads still work. The re-wrap runs a page of rows per transaction, only touches
//! what is still under A, and can be run again.

use std::collections::BTreeMap;

use puerta::settings::Settings;
use puerta_app::security::MasterKey;
use puerta_app::security::file_keys::{FileKey, WrappedKey, rewrap};
use puerta_domain::ids::DocumentId;
use secrecy::SecretString;

use crate::documents::{data_dir, download, jpeg_with_gps, pdf, traveler_with_case, upload};
use crate::helpers::TestApp;

/// Two master keys as an operator gives them (64 hexadecimal digits).
const KEY_A: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
const KEY_B: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
/// Neither of them.
const KEY_C: &str = "5555555555555555555555555555555555555555555555555555555555555555";

fn key(hex: &str) -> MasterKey {
    MasterKey::previous_from_env(Some(hex)).expect("a valid key").expect("set")
}

fn only_a(settings: &mut Settings) {
    settings.master_key = Some(SecretString::from(KEY_A));
}

fn b_rotating_out_a(settings: &mut Settings) {
    settings.master_key = Some(SecretString::from(KEY_B));
    settings.master_key_previous = Some(SecretString::from(KEY_A));
}

fn only_b(settings: &mut Settings) {
    settings.master_key = Some(SecretString::from(KEY_B));
    settings.master_key_previous = None;
}

/// Every document row: id → (storage key, wrapped key).
async fn wrapped_keys(app: &TestApp) -> BTreeMap<String, (String, String)> {
    let store = app.store().await;
    let mut read = store.read().await.expect("read");
    let rows = read.documents().wrapped_keys_after(None, 10_000).await.expect("rows");
    drop(read);
    store.close().await;
    rows.into_iter().map(|(id, storage, wrapped)| (id.to_string(), (storage, wrapped))).collect()
}

fn opens_under(master: &MasterKey, id: &str, wrapped: &str) -> bool {
    let uuid = uuid::Uuid::parse_str(id).expect("uuid");
    FileKey::unwrap(&WrappedKey::from_stored(wrapped.to_string()), master, uuid).is_ok()
}

/// Each object's bytes as stored (ciphertext), by document id.
fn objects(app: &TestApp, ids: &[String]) -> BTreeMap<String, Vec<u8>> {
    let root = data_dir(app).join("documents/documents");
    ids.iter().map(|id| (id.clone(), std::fs::read(root.join(id)).expect("object"))).collect()
}

async fn rotation_rewraps_every_document_key(app: TestApp) {
    let (token, reference) = traveler_with_case(&app, "rotate@example.org").await;
    let mut originals = BTreeMap::new();
    for (i, (name, bytes)) in [
        ("a.pdf", pdf()),
        ("b.jpg", jpeg_with_gps()),
        ("c.pdf", pdf()),
        ("d.pdf", pdf()),
        ("e.jpg", jpeg_with_gps()),
    ]
    .into_iter()
    .enumerate()
    {
        app.clock.advance_secs(1);
        let r = upload(&app, &token, &reference, "evidence", name, &bytes).await;
        assert_eq!(r.status(), 201, "upload {i}");
        let id = r.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
        // What a download gives now (images come back re-encoded), to compare after rotation.
        let back = download(&app, &token, &id).await.bytes().await.expect("bytes").to_vec();
        originals.insert(id, back);
    }
    let ids: Vec<String> = originals.keys().cloned().collect();
    let (a, b) = (key(KEY_A), key(KEY_B));
    let before = wrapped_keys(&app).await;
    assert_eq!(before.len(), ids.len());
    assert!(before.iter().all(|(id, (_, w))| opens_under(&a, id, w) && !opens_under(&b, id, w)));
    let stored_objects = objects(&app, &ids);

    // Restart with B, A as the previous key: start-up re-wraps every key.
    let app = app.restart_with(b_rotating_out_a).await;
    let after = wrapped_keys(&app).await;
    for (id, (storage, wrapped)) in &after {
        assert_ne!(wrapped, &before[id].1, "{id} re-wrapped");
        assert_eq!(storage, &before[id].0, "{id} keeps its object");
        assert!(opens_under(&b, id, wrapped) && !opens_under(&a, id, wrapped), "{id} under B only");
    }
    assert_eq!(objects(&app, &ids), stored_objects, "the objects are not rewritten");
    for (id, bytes) in &originals {
        let r = download(&app, &token, id).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.bytes().await.expect("bytes").as_ref(), bytes.as_slice(), "{id} the same bytes");
    }
    // Idempotent: another start (here, its preparation step) finds nothing to do.
    let report = app.app.prepare_database().await.expect("prepared");
    assert_eq!(report.document_keys_rewrapped, 0);
    assert_eq!(wrapped_keys(&app).await, after);

    // Resumable: an interrupted rotation left some keys under A. Put three back under A and
    // re-wrap two rows per transaction: exactly those three are re-wrapped, the rest untouched.
    let store = app.store().await;
    let mut tx = store.write().await.expect("write");
    for id in ids.iter().step_by(2) {
        let uuid = uuid::Uuid::parse_str(id).expect("uuid");
        let current = WrappedKey::from_stored(after[id].1.clone());
        let old = rewrap(&current, uuid, &b, &a).expect("re-wrap under A");
        let document = DocumentId::parse(id).expect("id");
        assert!(
            tx.documents().replace_wrapped_key(&document, current.as_str(), old.as_str()).await.expect("set")
        );
    }
    tx.commit().await.expect("commit");
    store.close().await;
    assert_eq!(app.app.rewrap_document_keys_in_batches(2).await.expect("re-wrapped"), 3);
    let resumed = wrapped_keys(&app).await;
    for (i, id) in ids.iter().enumerate() {
        assert!(opens_under(&b, id, &resumed[id].1), "{id} under B");
        assert_eq!(resumed[id].1 == after[id].1, i % 2 == 1, "{id}: only those under A changed");
    }
    assert_eq!(app.app.rewrap_document_keys_in_batches(2).await.expect("again"), 0);

    // A dropped: B alone opens everything.
    let app = app.restart_with(only_b).await;
    assert_eq!(app.app.rewrap_document_keys().await.expect("nothing to do"), 0, "no previous key, no work");
    for (id, bytes) in &originals {
        let r = download(&app, &token, id).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.bytes().await.expect("bytes").as_ref(), bytes.as_slice(), "{id} after A is gone");
    }
    assert_eq!(objects(&app, &ids), stored_objects, "still the same objects");
}

/// A previous key that is not the one the documents were stored under stops the start, rather
/// than leaving documents nobody can open; nothing is changed, and the right key still works.
async fn a_wrong_previous_key_stops_the_start(mut app: TestApp) {
    let (token, reference) = traveler_with_case(&app, "wrong@example.org").await;
    let r = upload(&app, &token, &reference, "passport", "p.pdf", &pdf()).await;
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.expect("json")["id"].as_str().expect("id").to_string();
    let before = wrapped_keys(&app).await;
    app.stop().await.expect("server task").expect("stopped");

    let mut settings = app.settings();
    settings.master_key = Some(SecretString::from(KEY_B));
    settings.master_key_previous = Some(SecretString::from(KEY_C));
    let error = puerta::startup::Application::build(&settings).await.err().expect("the start is refused");
    let message = format!("{error:#}");
    assert!(message.contains("opens under neither master key"), "{message}");
    assert!(!message.contains(KEY_B) && !message.contains(KEY_C), "no key in the message");
    assert_eq!(wrapped_keys(&app).await, before, "nothing was changed");

    let app = app.restart_with(only_a).await;
    let r = download(&app, &token, &id).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.expect("bytes").as_ref(), pdf().as_slice());
}

mod rotating_the_master_key {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        rotation_rewraps_every_document_key(TestApp::sqlite_with(only_a).await).await;
    }

    #[tokio::test]
    async fn postgres() {
        let Some(app) = TestApp::postgres_with(only_a).await else { return };
        rotation_rewraps_every_document_key(app).await;
    }
}

mod a_wrong_previous_key {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        a_wrong_previous_key_stops_the_start(TestApp::sqlite_with(only_a).await).await;
    }

    #[tokio::test]
    async fn postgres() {
        let Some(app) = TestApp::postgres_with(only_a).await else { return };
        a_wrong_previous_key_stops_the_start(app).await;
    }
}
