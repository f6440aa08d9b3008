//! One typed settings struct, layered: defaults → TOML file (`--config`) → `PUERTA_*`
//! environment variables → command-line flags. Unknown keys and bad values stop the start with a
//! message naming the key. Every setting is documented in `docs/CONFIGURATION.md`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use puerta_store::DatabaseUrl;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

/// Environment variables with this prefix are settings (except `PUERTA_TEST_*`, for the tests).
pub const ENV_PREFIX: &str = "PUERTA_";

/// The most `max_connections` may be (a semaphore's permits, and far above any real need).
const MAX_CONNECTIONS_LIMIT: u32 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Address and port to listen on.
    pub addr: SocketAddr,
    /// Holds the SQLite database, documents and the outbox.
    pub data_dir: PathBuf,
    /// `postgres://…` or `sqlite:path`; unset means SQLite in the data directory.
    pub database_url: Option<SecretString>,
    pub database_max_connections: u32,
    /// SQLite: answer a write only once it is on disk (`synchronous = FULL`, one flush per
    /// group-commit batch). `false` survives a crash of the process, not a power cut.
    pub database_durable_commits: bool,
    pub log_format: LogFormat,
    /// A `tracing` filter, e.g. `info` or `puerta_web=debug,info`.
    pub log_level: String,
    /// The address people use to reach Puerta; `https://` turns on HSTS.
    pub public_url: Option<url::Url>,
    pub max_body_bytes: usize,
    pub request_timeout_secs: u64,
    /// How long in-flight requests may run after SIGINT/SIGTERM before the server stops anyway.
    pub shutdown_grace_secs: u64,
    /// A connection must deliver a request's whole head (request line and headers) within this
    /// long, counted from when it starts waiting for that request; else it is closed.
    pub header_read_timeout_secs: u64,
    /// A keep-alive connection that waits this long for its next request is closed.
    pub keep_alive_idle_secs: u64,
    /// Connections open at once; one more is answered 503 with `Retry-After` and closed. Lowered
    /// at start to what the open-files limit allows.
    pub max_connections: u32,
    /// Requests worked on at once; one more is answered 503 `overloaded` with `Retry-After`.
    pub max_in_flight: u32,
    /// `GET /metrics` answers only `Authorization: Bearer <metrics_token>`; unset: 404.
    pub metrics_token: Option<SecretString>,
    /// `smtp://…` or `smtps://user:pass@host`; unset writes emails to `<data_dir>/outbox/`.
    pub smtp_url: Option<SecretString>,
    /// The sender of every email.
    pub email_from: String,
    /// The three letters every case reference number starts with.
    pub reference_prefix: String,
    /// An HTTP endpoint that sends SMS (`POST {"to","body"}`); unset writes them to the outbox.
    pub sms_webhook_url: Option<SecretString>,
    /// Emails handed to the provider per second at most, per instance (a token bucket).
    pub email_per_second: u32,
    /// SMS handed to the provider per second at most, per instance.
    pub sms_per_second: u32,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub session_idle_minutes: u32,
    pub session_absolute_hours: u32,
    pub api_token_hours: u32,
    /// Hard limits per source address (a shelter may hold hundreds of people behind one).
    pub throttle_sign_in_failures_per_ip_per_hour: u32,
    pub throttle_registrations_per_ip_per_hour: u32,
    /// Codes for one address asked from one source address.
    pub throttle_code_sends_per_email_per_hour: u32,
    pub throttle_code_sends_per_ip_per_hour: u32,
    /// Past this many requests of a kind per source address in an hour, each must carry a
    /// small proof of work (the hard limits above still apply).
    pub proof_of_work_after_per_ip_per_hour: u32,
    /// The proof of work's size at that point (`maxnumber`; doubling with the load).
    pub proof_of_work_base: u32,
    pub code_attempts: u32,
    pub password_hash_memory_kib: u32,
    pub password_hash_iterations: u32,
    /// Password hashes computed at once; 0 means twice the number of cores.
    pub password_hash_concurrency: u32,
    /// 32 bytes (base64 or 64 hex digits) that seal secrets at rest (TOTP secrets); unset means
    /// `<data_dir>/master.key`, created with mode 0600 on first start.
    pub master_key: Option<SecretString>,
    /// The key being rotated out: values sealed under it are sealed again under `master_key` at
    /// start (see docs/SECURITY.md).
    pub master_key_previous: Option<SecretString>,
    /// Largest document one upload may be, in bytes (default 6 MiB).
    pub documents_max_bytes: u64,
    /// Every document of one case together, in bytes (default 50 MiB).
    pub documents_case_quota_bytes: u64,
    /// An S3-compatible service's URL (MinIO, Garage, a local test server); unset with a bucket
    /// means AWS. `http://` is accepted for a server on the loopback only.
    pub documents_s3_endpoint: Option<String>,
    /// The bucket documents go to; unset keeps them as files under `<data_dir>/documents`.
    pub documents_s3_bucket: Option<String>,
    pub documents_s3_region: Option<String>,
    pub documents_s3_access_key_id: Option<String>,
    pub documents_s3_secret_access_key: Option<SecretString>,
    /// The daily request window, the draw and the service area (`[scheduling]`; environment
    /// `PUERTA_SCHEDULING__<KEY>`). Administrators may change some of them at run time.
    pub scheduling: SchedulingSettings,
}

/// `[scheduling]`: what the daily draw and the request window start from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SchedulingSettings {
    /// Local time (`HH:MM`) requests are first taken each day.
    pub window_opens: String,
    /// The last minute (`HH:MM`) requests are taken.
    pub window_closes: String,
    /// The IANA zone of the window and of the draw's hour.
    pub time_zone: String,
    /// The draw of a day runs the next day at this local time.
    pub draw_at: String,
    /// Thousandths of each port's places for the oldest registrations.
    pub oldest_share_permille: u32,
    /// Days from the draw to the appointment day.
    pub lead_days: u32,
    /// `north-of-19` or `aug-2024`.
    pub service_policy: String,
    /// A position vaguer than this (metres) is refused.
    pub max_accuracy_m: f64,
    /// The draw waits for a public random value entered by an admin or the CLI.
    pub require_public_randomness: bool,
    /// Whether this instance runs the scheduler (draws created, frozen and run at their hours,
    /// offers expired). Off, draws run only by `puerta draw run` (or another instance).
    pub scheduler: bool,
}

impl Default for SchedulingSettings {
    fn default() -> Self {
        Self {
            window_opens: "12:00".into(),
            window_closes: "23:59".into(),
            time_zone: "America/New_York".into(),
            draw_at: "12:00".into(),
            oldest_share_permille: 500,
            lead_days: 14,
            service_policy: puerta_domain::appointments::DEFAULT_POLICY.into(),
            max_accuracy_m: puerta_domain::appointments::DEFAULT_MAX_ACCURACY_M,
            require_public_randomness: false,
            scheduler: true,
        }
    }
}

impl SchedulingSettings {
    /// The application's configuration, or which key is wrong.
    pub fn config(&self) -> Result<puerta_app::appointments::SchedulingConfig, String> {
        use puerta_app::appointments::config::{parse_hhmm, parse_zone};
        let time = |key: &str, v: &str| {
            parse_hhmm(v).ok_or_else(|| format!("`scheduling.{key}`: must be a local time HH:MM, e.g. 12:00"))
        };
        let zone = parse_zone(&self.time_zone)
            .ok_or("`scheduling.time_zone`: must be an IANA time zone, e.g. America/New_York")?;
        let window = puerta_domain::appointments::RequestWindow::new(
            time("window_opens", &self.window_opens)?,
            time("window_closes", &self.window_closes)?,
            zone,
            time("draw_at", &self.draw_at)?,
        )
        .map_err(|_| "`scheduling.window_opens`: must be before `window_closes`".to_string())?;
        if self.oldest_share_permille > 1000 {
            return Err("`scheduling.oldest_share_permille`: must be from 0 to 1000".into());
        }
        if self.lead_days > 60 {
            return Err("`scheduling.lead_days`: must be from 0 to 60".into());
        }
        if puerta_domain::appointments::ServicePolicy::named(&self.service_policy).is_err() {
            return Err("`scheduling.service_policy`: must be `north-of-19` or `aug-2024`".into());
        }
        if !(self.max_accuracy_m.is_finite() && self.max_accuracy_m > 0.0) {
            return Err("`scheduling.max_accuracy_m`: must be a number of metres above 0".into());
        }
        Ok(puerta_app::appointments::SchedulingConfig {
            window,
            oldest_share_permille: self.oldest_share_permille,
            lead_days: self.lead_days,
            service_policy: self.service_policy.clone(),
            max_accuracy_m: self.max_accuracy_m,
            require_public_randomness: self.require_public_randomness,
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./data"),
            database_url: None,
            database_max_connections: 10,
            database_durable_commits: true,
            log_format: LogFormat::Text,
            log_level: "info".into(),
            public_url: None,
            max_body_bytes: 1024 * 1024,
            request_timeout_secs: 30,
            shutdown_grace_secs: 30,
            header_read_timeout_secs: 10,
            keep_alive_idle_secs: 5,
            max_connections: 4096,
            max_in_flight: 2_048,
            metrics_token: None,
            smtp_url: None,
            email_from: "Puerta <no-reply@puerta.invalid>".into(),
            reference_prefix: "PUE".into(),
            sms_webhook_url: None,
            email_per_second: 50,
            sms_per_second: 10,
            trusted_proxies: Vec::new(),
            session_idle_minutes: 15,
            session_absolute_hours: 12,
            api_token_hours: 12,
            throttle_sign_in_failures_per_ip_per_hour: 3000,
            throttle_registrations_per_ip_per_hour: 2000,
            throttle_code_sends_per_email_per_hour: 5,
            throttle_code_sends_per_ip_per_hour: 3000,
            proof_of_work_after_per_ip_per_hour: 60,
            proof_of_work_base: 50_000,
            code_attempts: 10,
            password_hash_memory_kib: 19 * 1024,
            password_hash_iterations: 2,
            password_hash_concurrency: 0,
            master_key: None,
            master_key_previous: None,
            documents_max_bytes: 6 * 1024 * 1024,
            documents_case_quota_bytes: 50 * 1024 * 1024,
            documents_s3_endpoint: None,
            documents_s3_bucket: None,
            documents_s3_region: None,
            documents_s3_access_key_id: None,
            documents_s3_secret_access_key: None,
            scheduling: SchedulingSettings::default(),
        }
    }
}

/// Values given on the command line; `None` leaves the lower layers' value.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_format: Option<LogFormat>,
}

/// A setting that cannot be used; the message always names the key.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("configuration file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl Settings {
    /// Reads every layer from the real environment.
    pub fn load(config_file: Option<&Path>, overrides: &Overrides) -> Result<Self, SettingsError> {
        Self::from_figment(Self::figment(config_file, overrides)?)
    }

    fn figment(config_file: Option<&Path>, overrides: &Overrides) -> Result<Figment, SettingsError> {
        let mut figment = Figment::new();
        if let Some(path) = config_file {
            if !path.is_file() {
                return Err(SettingsError::MissingFile(path.to_path_buf()));
            }
            figment = figment.merge(Toml::file_exact(path));
        }
        Ok(figment
            .merge(
                Env::prefixed(ENV_PREFIX)
                    .filter(|key| !key.as_str().to_ascii_lowercase().starts_with("test_"))
                    // `PUERTA_SCHEDULING__WINDOW_OPENS` is `scheduling.window_opens`.
                    .split("__"),
            )
            .merge(Serialized::defaults(overrides)))
    }

    fn from_figment(figment: Figment) -> Result<Self, SettingsError> {
        let settings: Self = figment.extract().map_err(|e| {
            // figment reports one error per bad key; list them all, each with its key and source.
            SettingsError::Invalid(e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
        })?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), SettingsError> {
        let invalid = |key: &str, why: &str| Err(SettingsError::Invalid(format!("`{key}`: {why}")));
        if self.database_url().is_none() {
            return invalid("database_url", "must start with postgres://, postgresql:// or sqlite:");
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log_level).is_err() {
            return invalid("log_level", "is not a tracing filter such as `info` or `puerta=debug`");
        }
        if self.max_body_bytes == 0 {
            return invalid("max_body_bytes", "must be at least 1");
        }
        if self.request_timeout_secs == 0 {
            return invalid("request_timeout_secs", "must be at least 1");
        }
        for (key, value) in [
            ("header_read_timeout_secs", self.header_read_timeout_secs),
            ("keep_alive_idle_secs", self.keep_alive_idle_secs),
            ("max_connections", u64::from(self.max_connections)),
            ("max_in_flight", u64::from(self.max_in_flight)),
        ] {
            if value == 0 {
                return invalid(key, "must be at least 1");
            }
        }
        if self.max_connections > MAX_CONNECTIONS_LIMIT {
            return invalid("max_connections", "must be at most 1000000");
        }
        if self.max_in_flight > MAX_CONNECTIONS_LIMIT {
            return invalid("max_in_flight", "must be at most 1000000");
        }
        if let Some(token) = &self.metrics_token
            && token.expose_secret().trim().chars().count() < 16
        {
            return invalid(
                "metrics_token",
                "must be at least 16 characters (or unset to turn /metrics off)",
            );
        }
        if self.documents_max_bytes == 0 {
            return invalid("documents_max_bytes", "must be at least 1");
        }
        if self.documents_max_bytes > 1024 * 1024 * 1024 {
            return invalid("documents_max_bytes", "must be at most 1 GiB");
        }
        if self.documents_case_quota_bytes < self.documents_max_bytes {
            return invalid("documents_case_quota_bytes", "must be at least `documents_max_bytes`");
        }
        if let Err(why) = self.document_storage() {
            return Err(SettingsError::Invalid(why));
        }
        if let Err(why) = self.scheduling.config() {
            return Err(SettingsError::Invalid(why));
        }
        if puerta_domain::cases::ReferencePrefix::parse(&self.reference_prefix).is_err() {
            return invalid("reference_prefix", "must be exactly 3 letters A to Z, e.g. `PUE`");
        }
        if !self.email_from.contains('@') {
            return invalid("email_from", "must be an email address, e.g. `Puerta <no-reply@example.org>`");
        }
        for (key, value) in [
            ("session_idle_minutes", self.session_idle_minutes),
            ("session_absolute_hours", self.session_absolute_hours),
            ("api_token_hours", self.api_token_hours),
        ] {
            if value == 0 {
                return invalid(key, "must be at least 1");
            }
        }
        for (key, value) in [
            ("throttle_sign_in_failures_per_ip_per_hour", self.throttle_sign_in_failures_per_ip_per_hour),
            ("throttle_registrations_per_ip_per_hour", self.throttle_registrations_per_ip_per_hour),
            ("throttle_code_sends_per_email_per_hour", self.throttle_code_sends_per_email_per_hour),
            ("throttle_code_sends_per_ip_per_hour", self.throttle_code_sends_per_ip_per_hour),
            ("proof_of_work_after_per_ip_per_hour", self.proof_of_work_after_per_ip_per_hour),
            ("proof_of_work_base", self.proof_of_work_base),
            ("code_attempts", self.code_attempts),
        ] {
            // Zero would lock everyone out of signing in or registering.
            if value == 0 {
                return invalid(key, "must be at least 1");
            }
        }
        if self.password_hash_memory_kib < 8 * 1024 || self.password_hash_iterations == 0 {
            return invalid(
                "password_hash_memory_kib",
                "must be at least 8192 KiB with at least 1 iteration",
            );
        }
        if self.database_max_connections == 0 {
            return invalid("database_max_connections", "must be at least 1");
        }
        if let Some(url) = &self.public_url
            && !matches!(url.scheme(), "http" | "https")
        {
            return invalid("public_url", "must start with http:// or https://");
        }
        Ok(())
    }

    /// The database to use: the configured URL, else SQLite in the data directory.
    pub fn database_url(&self) -> Option<DatabaseUrl> {
        match &self.database_url {
            Some(url) => DatabaseUrl::parse(url.expose_secret()),
            None => Some(DatabaseUrl::sqlite_in(&self.data_dir)),
        }
    }

    /// The base of links in emails: `public_url`, else the listening address.
    pub fn public_base(&self) -> String {
        self.public_url
            .as_ref()
            .map_or_else(|| format!("http://{}", self.addr), |u| u.as_str().trim_end_matches('/').to_string())
    }

    /// `scheme://host[:port]` of `public_url`, for the CSRF origin check.
    pub fn public_origin(&self) -> Option<String> {
        self.public_url.as_ref().map(|u| u.origin().ascii_serialization())
    }

    /// The origins whose cookie-authenticated writes are ours (the CSRF Origin check):
    /// `public_url`'s; without it, only the address Puerta listens on, `bound` (the port
    /// actually bound), and its loopback names when it listens on loopback or every interface.
    /// The `Host` header is never believed: anyone can send any `Host`.
    pub fn own_origins(&self, bound: SocketAddr) -> Vec<String> {
        if let Some(origin) = self.public_origin() {
            return vec![origin];
        }
        let port = match bound.port() {
            80 => String::new(),
            p => format!(":{p}"),
        };
        let ip = bound.ip();
        let mut origins = Vec::new();
        if ip.is_loopback() || ip.is_unspecified() {
            for host in ["127.0.0.1", "localhost", "[::1]"] {
                origins.push(format!("http://{host}{port}"));
            }
        } else {
            let host = match ip {
                std::net::IpAddr::V4(v4) => v4.to_string(),
                std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            };
            origins.push(format!("http://{host}{port}"));
        }
        origins
    }

    pub fn https(&self) -> bool {
        self.public_url.as_ref().is_some_and(|u| u.scheme() == "https")
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }

    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_secs(self.shutdown_grace_secs)
    }

    pub fn header_read_timeout(&self) -> Duration {
        Duration::from_secs(self.header_read_timeout_secs)
    }

    pub fn keep_alive_idle(&self) -> Duration {
        Duration::from_secs(self.keep_alive_idle_secs)
    }

    /// Where documents are stored: the S3-compatible bucket when `documents_s3_bucket` is set,
    /// else files under `<data_dir>/documents`.
    pub fn document_storage(&self) -> Result<puerta_app::documents::StorageConfig, String> {
        use puerta_app::documents::{S3Config, StorageConfig};
        let Some(bucket) = self.documents_s3_bucket.as_ref().filter(|b| !b.trim().is_empty()) else {
            return Ok(StorageConfig::Local { root: self.data_dir.join("documents") });
        };
        let required = |key: &str, value: Option<&String>| {
            value
                .filter(|v| !v.trim().is_empty())
                .cloned()
                .ok_or_else(|| format!("`{key}`: must be set when `documents_s3_bucket` is"))
        };
        let access_key_id = required("documents_s3_access_key_id", self.documents_s3_access_key_id.as_ref())?;
        let secret_access_key = self
            .documents_s3_secret_access_key
            .clone()
            .filter(|s| !s.expose_secret().is_empty())
            .ok_or("`documents_s3_secret_access_key`: must be set when `documents_s3_bucket` is")?;
        let endpoint = self.documents_s3_endpoint.clone().filter(|e| !e.trim().is_empty());
        let allow_http = match &endpoint {
            None => false,
            Some(e) => {
                let url =
                    url::Url::parse(e).map_err(|_| "`documents_s3_endpoint`: is not a URL".to_string())?;
                match url.scheme() {
                    "https" => false,
                    "http" if matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]")) => true,
                    _ => {
                        return Err(
                            "`documents_s3_endpoint`: must be https:// (http:// only on the loopback)".into(),
                        );
                    }
                }
            }
        };
        Ok(StorageConfig::S3(S3Config {
            endpoint,
            region: self.documents_s3_region.clone().unwrap_or_else(|| "us-east-1".into()),
            bucket: bucket.clone(),
            access_key_id,
            secret_access_key,
            allow_http,
        }))
    }

    /// The effective configuration as TOML, with secrets redacted, for `puerta config`.
    pub fn to_redacted_toml(&self) -> String {
        #[derive(Serialize)]
        struct Shown<'a> {
            addr: String,
            data_dir: String,
            database_url: String,
            database_max_connections: u32,
            database_durable_commits: bool,
            log_format: LogFormat,
            log_level: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            public_url: Option<String>,
            max_body_bytes: usize,
            request_timeout_secs: u64,
            shutdown_grace_secs: u64,
            header_read_timeout_secs: u64,
            keep_alive_idle_secs: u64,
            max_connections: u32,
            max_in_flight: u32,
            metrics_token: &'a str,
            smtp_url: String,
            email_from: &'a str,
            reference_prefix: &'a str,
            sms_webhook_url: String,
            email_per_second: u32,
            sms_per_second: u32,
            trusted_proxies: Vec<String>,
            session_idle_minutes: u32,
            session_absolute_hours: u32,
            api_token_hours: u32,
            throttle_sign_in_failures_per_ip_per_hour: u32,
            throttle_registrations_per_ip_per_hour: u32,
            throttle_code_sends_per_email_per_hour: u32,
            throttle_code_sends_per_ip_per_hour: u32,
            proof_of_work_after_per_ip_per_hour: u32,
            proof_of_work_base: u32,
            code_attempts: u32,
            password_hash_memory_kib: u32,
            password_hash_iterations: u32,
            password_hash_concurrency: u32,
            master_key: &'a str,
            master_key_previous: &'a str,
            documents_max_bytes: u64,
            documents_case_quota_bytes: u64,
            #[serde(skip_serializing_if = "Option::is_none")]
            documents_s3_endpoint: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            documents_s3_bucket: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            documents_s3_region: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            documents_s3_access_key_id: Option<&'a str>,
            documents_s3_secret_access_key: &'a str,
            scheduling: &'a SchedulingSettings,
        }
        let set = |s: &Option<SecretString>| if s.is_some() { "(set, hidden)" } else { "(unset)" };
        let secret = |s: &Option<SecretString>| {
            s.as_ref().map_or_else(|| "(unset)".to_string(), |s| redact_url(s.expose_secret()))
        };
        let shown = Shown {
            addr: self.addr.to_string(),
            data_dir: self.data_dir.display().to_string(),
            database_url: match &self.database_url {
                Some(url) => redact_url(url.expose_secret()),
                None => format!("{} (default)", DatabaseUrl::sqlite_in(&self.data_dir)),
            },
            database_max_connections: self.database_max_connections,
            database_durable_commits: self.database_durable_commits,
            log_format: self.log_format,
            log_level: &self.log_level,
            public_url: self.public_url.as_ref().map(url::Url::to_string),
            max_body_bytes: self.max_body_bytes,
            request_timeout_secs: self.request_timeout_secs,
            shutdown_grace_secs: self.shutdown_grace_secs,
            header_read_timeout_secs: self.header_read_timeout_secs,
            keep_alive_idle_secs: self.keep_alive_idle_secs,
            max_connections: self.max_connections,
            max_in_flight: self.max_in_flight,
            metrics_token: set(&self.metrics_token),
            smtp_url: secret(&self.smtp_url),
            email_from: &self.email_from,
            reference_prefix: &self.reference_prefix,
            sms_webhook_url: secret(&self.sms_webhook_url),
            email_per_second: self.email_per_second,
            sms_per_second: self.sms_per_second,
            trusted_proxies: self.trusted_proxies.iter().map(ToString::to_string).collect(),
            session_idle_minutes: self.session_idle_minutes,
            session_absolute_hours: self.session_absolute_hours,
            api_token_hours: self.api_token_hours,
            throttle_sign_in_failures_per_ip_per_hour: self.throttle_sign_in_failures_per_ip_per_hour,
            throttle_registrations_per_ip_per_hour: self.throttle_registrations_per_ip_per_hour,
            throttle_code_sends_per_email_per_hour: self.throttle_code_sends_per_email_per_hour,
            throttle_code_sends_per_ip_per_hour: self.throttle_code_sends_per_ip_per_hour,
            proof_of_work_after_per_ip_per_hour: self.proof_of_work_after_per_ip_per_hour,
            proof_of_work_base: self.proof_of_work_base,
            code_attempts: self.code_attempts,
            password_hash_memory_kib: self.password_hash_memory_kib,
            password_hash_iterations: self.password_hash_iterations,
            password_hash_concurrency: self.password_hash_concurrency,
            master_key: set(&self.master_key),
            master_key_previous: set(&self.master_key_previous),
            documents_max_bytes: self.documents_max_bytes,
            documents_case_quota_bytes: self.documents_case_quota_bytes,
            documents_s3_endpoint: self.documents_s3_endpoint.as_deref(),
            documents_s3_bucket: self.documents_s3_bucket.as_deref(),
            documents_s3_region: self.documents_s3_region.as_deref(),
            documents_s3_access_key_id: self.documents_s3_access_key_id.as_deref(),
            documents_s3_secret_access_key: set(&self.documents_s3_secret_access_key),
            scheduling: &self.scheduling,
        };
        toml::to_string(&shown).unwrap_or_else(|e| format!("# cannot show configuration: {e}\n"))
    }
}

/// Keeps scheme, user, host, port and database; hides the password and every query parameter
/// (libpq accepts `?password=` too).
fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut url) => {
            if url.password().is_some() {
                let _ = url.set_password(Some("REDACTED"));
            }
            if url.query().is_some() {
                url.set_query(Some("REDACTED"));
            }
            url.to_string()
        }
        Err(_) => "[unparseable, redacted]".into(),
    }
}

#[cfg(test)]
mod tests;
