use puerta_domain::ports::{PortCode, reference_ports};

use crate::harness::on_each_backend;

#[tokio::test]
async fn seeding_inserts_the_eight_ports_once() {
    on_each_backend(|store, backend| async move {
        assert_eq!(store.seed_ports(&reference_ports()).await.ok(), Some(8), "{backend}");
        assert_eq!(store.seed_ports(&reference_ports()).await.ok(), Some(0), "{backend}: second seed");
        let ports = store.list_ports().await.expect("list");
        assert_eq!(
            ports,
            {
                let mut expected = reference_ports();
                expected.sort_by(|a, b| a.code.cmp(&b.code));
                expected
            },
            "{backend}: ports come back as seeded, ordered by code"
        );
    })
    .await;
}

#[tokio::test]
async fn a_port_is_found_by_code_and_an_unknown_code_is_absent() {
    on_each_backend(|store, backend| async move {
        store.seed_ports(&reference_ports()).await.expect("seed");
        let code = PortCode::parse("ELP").expect("code");
        let port = store.find_port(&code).await.expect("find").expect("present");
        assert_eq!(port.time_zone, chrono_tz::America::Denver, "{backend}");
        let unknown = PortCode::parse("XXX").expect("code");
        assert_eq!(store.find_port(&unknown).await.ok(), Some(None), "{backend}");
    })
    .await;
}
