//! Ports of entry: seeded once, listed by code, found by code, admin edits never overwritten.

use puerta_domain::ports::{PortCode, reference_ports};

use crate::harness::on_each_backend;

#[tokio::test]
async fn seeding_inserts_the_eight_ports_once_and_lists_them_by_code() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.ports().seed(&reference_ports()).await.expect("seed"), 8, "{b}");
        assert_eq!(tx.ports().seed(&reference_ports()).await.expect("seed"), 0, "{b}: second seed");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let mut expected = reference_ports();
        expected.sort_by(|a, z| a.code.cmp(&z.code));
        assert_eq!(read.ports().list().await.expect("list"), expected, "{b}: as seeded, ordered by code");
        let codes: Vec<_> = expected.iter().map(|p| p.code.as_str().to_string()).collect();
        assert_eq!(codes, ["BRO", "CLX", "EGP", "ELP", "HID", "LRD", "NOG", "SYS"], "{b}");
    })
    .await;
}

#[tokio::test]
async fn a_port_is_found_by_code_and_a_reseed_keeps_an_admin_edit() {
    on_each_backend(|db| async move {
        let b = db.backend;
        let mut read = db.store.read().await.expect("read");
        assert!(read.ports().list().await.expect("list").is_empty(), "{b}: nothing before the seed");
        drop(read);
        let mut tx = db.store.write().await.expect("write");
        tx.ports().seed(&reference_ports()).await.expect("seed");
        tx.commit().await.expect("commit");

        let elp = PortCode::parse("ELP").expect("code");
        let mut read = db.store.read().await.expect("read");
        let port = read.ports().find(&elp).await.expect("find").expect("present");
        let reference = reference_ports().into_iter().find(|p| p.code == elp).expect("ELP");
        assert_eq!(port, reference, "{b}");
        assert_eq!((port.time_zone, port.daily_capacity.get()), (chrono_tz::America::Denver, 200), "{b}");
        let unknown = PortCode::parse("XXX").expect("code");
        assert!(read.ports().find(&unknown).await.expect("find").is_none(), "{b}");
        drop(read);

        db.raw_execute("UPDATE ports SET daily_capacity = 7 WHERE code = 'ELP'").await.expect("admin edit");
        let mut tx = db.store.write().await.expect("write");
        assert_eq!(tx.ports().seed(&reference_ports()).await.expect("seed"), 0, "{b}");
        tx.commit().await.expect("commit");
        let mut read = db.store.read().await.expect("read");
        let port = read.ports().find(&elp).await.expect("find").expect("present");
        assert_eq!(port.daily_capacity.get(), 7, "{b}: the edit stays");
    })
    .await;
}
