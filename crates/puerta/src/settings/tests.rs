#![allow(clippy::result_large_err)] // figment::Jail dictates the closure type
use figment::Jail;

use super::*;

fn load_in_jail(file: Option<&str>, overrides: &Overrides) -> Result<Settings, String> {
    let path = file.map(|_| Path::new("puerta.toml"));
    Settings::load(path, overrides).map_err(|e| e.to_string())
}

#[test]
fn with_nothing_configured_puerta_uses_sqlite_in_data_on_port_8080() {
    Jail::expect_with(|_jail| {
        let s = load_in_jail(None, &Overrides::default())?;
        assert_eq!(s.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(s.data_dir, PathBuf::from("./data"));
        assert_eq!(s.database_url().map(|u| u.to_string()), Some("sqlite:./data/puerta.db".into()));
        Ok(())
    });
}

#[test]
fn layers_apply_file_then_environment_then_flags() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "puerta.toml",
            "addr = \"127.0.0.1:9000\"\nlog_level = \"debug\"\nrequest_timeout_secs = 5",
        )?;
        jail.set_env("PUERTA_ADDR", "127.0.0.1:9001");
        jail.set_env("PUERTA_LOG_FORMAT", "json");
        let s = load_in_jail(Some("puerta.toml"), &Overrides::default())?;
        assert_eq!((s.addr.port(), s.log_level.as_str(), s.request_timeout_secs), (9001, "debug", 5));
        assert_eq!(s.log_format, LogFormat::Json);
        let flags = Overrides { addr: Some("127.0.0.1:9002".into()), ..Overrides::default() };
        assert_eq!(load_in_jail(Some("puerta.toml"), &flags)?.addr.port(), 9002);
        Ok(())
    });
}

#[test]
fn an_unknown_key_is_refused_by_name() {
    Jail::expect_with(|jail| {
        jail.create_file("puerta.toml", "adress = \"127.0.0.1:9000\"")?;
        let error = load_in_jail(Some("puerta.toml"), &Overrides::default()).expect_err("refused");
        assert!(error.contains("adress"), "{error}");
        jail.create_file("puerta.toml", "")?;
        jail.set_env("PUERTA_DATA_DIRECTORY", "/tmp");
        let error = load_in_jail(Some("puerta.toml"), &Overrides::default()).expect_err("refused");
        assert!(error.contains("data_directory"), "{error}");
        Ok(())
    });
}

#[test]
fn test_variables_are_not_settings() {
    Jail::expect_with(|jail| {
        jail.set_env("PUERTA_TEST_POSTGRES_URL", "postgres://x@127.0.0.1/test");
        assert!(load_in_jail(None, &Overrides::default()).is_ok());
        Ok(())
    });
}

#[test]
fn bad_values_are_refused_naming_the_key() {
    for (key, value) in [
        ("PUERTA_ADDR", "not-an-address"),
        ("PUERTA_LOG_FORMAT", "xml"),
        ("PUERTA_REQUEST_TIMEOUT_SECS", "soon"),
        ("PUERTA_DATABASE_URL", "mysql://x"),
        ("PUERTA_MAX_BODY_BYTES", "0"),
        ("PUERTA_LOG_LEVEL", "[[["),
        ("PUERTA_THROTTLE_SIGN_IN_FAILURES_PER_MINUTE", "0"),
        ("PUERTA_CODE_ATTEMPTS", "0"),
        ("PUERTA_SESSION_ABSOLUTE_HOURS", "0"),
        ("PUERTA_HEADER_READ_TIMEOUT_SECS", "0"),
        ("PUERTA_KEEP_ALIVE_IDLE_SECS", "0"),
        ("PUERTA_MAX_CONNECTIONS", "0"),
        ("PUERTA_METRICS_TOKEN", "short"),
    ] {
        Jail::expect_with(|jail| {
            jail.set_env(key, value);
            let error = load_in_jail(None, &Overrides::default()).expect_err("refused");
            let name = key.trim_start_matches("PUERTA_").to_lowercase();
            assert!(error.to_lowercase().contains(&name), "{key}: {error}");
            Ok(())
        });
    }
}

#[test]
fn a_missing_config_file_is_an_error() {
    Jail::expect_with(|_jail| {
        let error = load_in_jail(Some("puerta.toml"), &Overrides::default()).expect_err("refused");
        assert!(error.contains("puerta.toml"), "{error}");
        Ok(())
    });
}

#[test]
fn the_printed_configuration_hides_database_passwords() {
    Jail::expect_with(|jail| {
        jail.set_env("PUERTA_DATABASE_URL", "postgres://puerta:hunter2@db:5432/puerta?sslpassword=x2");
        let shown = load_in_jail(None, &Overrides::default())?.to_redacted_toml();
        assert!(!shown.contains("hunter2") && !shown.contains("x2"), "{shown}");
        assert!(shown.contains("postgres://puerta:REDACTED@db:5432/puerta"), "{shown}");
        let debug = format!("{:?}", load_in_jail(None, &Overrides::default())?);
        assert!(!debug.contains("hunter2"), "{debug}");
        Ok(())
    });
}

#[test]
fn https_public_url_turns_on_hsts() {
    Jail::expect_with(|jail| {
        assert!(!load_in_jail(None, &Overrides::default())?.https());
        jail.set_env("PUERTA_PUBLIC_URL", "https://puerta.example");
        assert!(load_in_jail(None, &Overrides::default())?.https());
        Ok(())
    });
}

#[test]
fn connection_limits_and_the_metrics_token_come_from_the_environment() {
    Jail::expect_with(|jail| {
        let s = load_in_jail(None, &Overrides::default())?;
        assert_eq!((s.header_read_timeout_secs, s.keep_alive_idle_secs, s.max_connections), (10, 5, 4096));
        assert!(s.metrics_token.is_none(), "metrics are off unless asked for");
        jail.set_env("PUERTA_HEADER_READ_TIMEOUT_SECS", "3");
        jail.set_env("PUERTA_KEEP_ALIVE_IDLE_SECS", "20");
        jail.set_env("PUERTA_MAX_CONNECTIONS", "100");
        jail.set_env("PUERTA_METRICS_TOKEN", "a-long-and-random-metrics-token");
        let s = load_in_jail(None, &Overrides::default())?;
        assert_eq!((s.header_read_timeout_secs, s.keep_alive_idle_secs, s.max_connections), (3, 20, 100));
        let shown = s.to_redacted_toml();
        assert!(
            !shown.contains("a-long-and-random") && shown.contains("metrics_token = \"(set, hidden)\""),
            "{shown}"
        );
        assert!(!format!("{s:?}").contains("a-long-and-random"));
        Ok(())
    });
}

#[test]
fn the_bound_on_requests_in_flight_comes_from_the_environment_and_is_at_least_one() {
    Jail::expect_with(|jail| {
        assert_eq!(load_in_jail(None, &Overrides::default())?.max_in_flight, 2_048);
        jail.set_env("PUERTA_MAX_IN_FLIGHT", "64");
        let s = load_in_jail(None, &Overrides::default())?;
        assert_eq!(s.max_in_flight, 64);
        assert!(s.to_redacted_toml().contains("max_in_flight = 64"));
        jail.set_env("PUERTA_MAX_IN_FLIGHT", "0");
        let refused = load_in_jail(None, &Overrides::default()).err().unwrap_or_default();
        assert!(refused.contains("max_in_flight"), "{refused}");
        Ok(())
    });
}

#[test]
fn our_own_origins_come_from_public_url_else_the_listening_address_never_the_host_header() {
    Jail::expect_with(|jail| {
        let bound: SocketAddr = "127.0.0.1:8123".parse().map_err(|e| format!("{e}"))?;
        let s = load_in_jail(None, &Overrides::default())?;
        assert_eq!(
            s.own_origins(bound),
            ["http://127.0.0.1:8123", "http://localhost:8123", "http://[::1]:8123"],
            "loopback: its names"
        );
        let everywhere: SocketAddr = "0.0.0.0:80".parse().map_err(|e| format!("{e}"))?;
        assert_eq!(s.own_origins(everywhere), ["http://127.0.0.1", "http://localhost", "http://[::1]"]);
        let lan: SocketAddr = "192.0.2.7:8080".parse().map_err(|e| format!("{e}"))?;
        assert_eq!(s.own_origins(lan), ["http://192.0.2.7:8080"]);
        jail.set_env("PUERTA_PUBLIC_URL", "https://puerta.example/app/");
        let s = load_in_jail(None, &Overrides::default())?;
        assert_eq!(s.own_origins(bound), ["https://puerta.example"], "public_url only");
        Ok(())
    });
}
