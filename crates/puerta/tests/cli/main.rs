//! The `puerta` binary as an operator uses it: commands, help, configuration, and a real
//! `serve` started with no configuration in an empty folder and stopped with SIGTERM.

// Test code: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn puerta(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_puerta"));
    command.current_dir(dir).env_remove("PUERTA_DATABASE_URL").env_remove("PUERTA_ADDR");
    command
}

fn output(command: &mut Command) -> (i32, String, String) {
    let out = command.output().expect("puerta runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn version_is_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, stdout, _) = output(puerta(dir.path()).arg("--version"));
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), format!("puerta {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn every_command_explains_itself() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, top, _) = output(puerta(dir.path()).arg("--help"));
    for (command, says) in [
        ("serve", "Run the web server"),
        ("migrate", "Apply database migrations"),
        ("config", "Print the effective configuration"),
        ("draw", "The daily appointment draw"),
    ] {
        assert!(top.contains(command) && top.contains(says), "{top}");
        let (code, help, _) = output(puerta(dir.path()).args([command, "--help"]));
        assert_eq!(code, 0);
        assert!(help.contains(says), "{command}: {help}");
    }
}

#[test]
fn config_prints_the_effective_settings_with_secrets_redacted() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, stdout, _) = output(
        puerta(dir.path())
            .arg("config")
            .env("PUERTA_DATABASE_URL", "postgres://app:s3cret@db/puerta")
            .args(["--addr", "0.0.0.0:9999"]),
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("addr = \"0.0.0.0:9999\""), "{stdout}");
    assert!(stdout.contains("postgres://app:REDACTED@db/puerta") && !stdout.contains("s3cret"), "{stdout}");
}

#[test]
fn an_unknown_setting_stops_the_start_with_its_name() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("puerta.toml"), "listen = \"127.0.0.1:1\"\n").expect("write");
    let (code, _, stderr) = output(puerta(dir.path()).args(["--config", "puerta.toml", "serve"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("listen"), "{stderr}");
    let (code, _, stderr) =
        output(puerta(dir.path()).arg("serve").env("PUERTA_REQUEST_TIMEOUT_SECS", "soon"));
    assert_eq!(code, 2);
    assert!(stderr.to_lowercase().contains("request_timeout_secs"), "{stderr}");
}

#[test]
fn migrate_creates_the_database_and_seeds_once() {
    let dir = tempfile::tempdir().expect("dir");
    let (code, stdout, stderr) = output(puerta(dir.path()).arg("migrate"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("8 port(s) added"), "{stdout}");
    assert!(dir.path().join("data/puerta.db").is_file());
    let (_, stdout, _) = output(puerta(dir.path()).arg("migrate"));
    assert!(stdout.contains("0 port(s) added"), "{stdout}");
}

/// Starts `puerta serve` and returns it with the URL it logged.
fn serve(dir: &Path, env: &[(&str, &str)]) -> (Child, String) {
    let mut child = puerta(dir)
        .arg("serve")
        .env("PUERTA_ADDR", "127.0.0.1:0")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.split("listening on ").nth(1) {
                let _ = tx.send(Ok(url.trim().to_string()));
            }
            if line.contains("database closed") {
                let _ = tx.send(Err(line));
            }
        }
    });
    let url = rx.recv_timeout(Duration::from_secs(60)).expect("server logs its URL").expect("url first");
    std::thread::spawn(move || while rx.recv().is_ok() {});
    (child, url)
}

fn terminate(mut child: Child) -> i32 {
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status.code().unwrap_or(-1);
        }
        assert!(started.elapsed() < Duration::from_secs(30), "server did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn get(url: &str) -> (u16, String) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let response = reqwest::get(url).await.expect("request");
        (response.status().as_u16(), response.text().await.expect("body"))
    })
}

#[test]
fn serve_with_no_configuration_creates_data_serves_ports_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().expect("dir");
    let (child, url) = serve(dir.path(), &[]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(dir.path().join("data/puerta.db").is_file(), "./data/puerta.db created");
    let key = std::fs::metadata(dir.path().join("data/master.key")).expect("./data/master.key created");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&key.permissions()) & 0o777,
        0o600,
        "readable by its owner only"
    );
    let (status, body) = get(&format!("{url}/api/v1/ports"));
    assert_eq!(status, 200);
    assert_eq!(body.matches("\"code\"").count(), 8, "{body}");
    assert_eq!(terminate(child), 0);
    // A clean close checkpoints the write-ahead log into the database file.
    let wal = dir.path().join("data/puerta.db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) == 0, "WAL left behind");
}

#[test]
fn serve_runs_on_postgresql_when_configured() {
    let Ok(admin_url) = std::env::var("PUERTA_TEST_POSTGRES_URL") else { return };
    let name = format!("puerta_cli_{}", uuid::Uuid::new_v4().simple());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let admin = |sql: String| {
        let admin_url = admin_url.clone();
        runtime.block_on(async move {
            use sqlx::{Connection, Executor};
            let mut c = sqlx::PgConnection::connect(&admin_url).await.expect("connect");
            c.execute(sql.as_str()).await.expect("admin sql");
        });
    };
    admin(format!(r#"CREATE DATABASE "{name}""#));
    let (base, _) = admin_url.rsplit_once('/').expect("url has a database");
    let db_url = format!("{base}/{name}");
    let dir = tempfile::tempdir().expect("dir");
    let (child, url) = serve(dir.path(), &[("PUERTA_DATABASE_URL", &db_url)]);
    let (status, body) = get(&format!("{url}/api/v1/ports/XXX"));
    assert_eq!(status, 404);
    assert!(body.contains("\"code\":\"not_found\""), "{body}");
    let (_, body) = get(&format!("{url}/api/v1/ports"));
    assert_eq!(body.matches("\"code\"").count(), 8);
    assert!(!dir.path().join("data/puerta.db").exists(), "no SQLite file when on PostgreSQL");
    assert_eq!(terminate(child), 0);
    admin(format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#));
}

fn with_stdin(command: &mut Command, input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child =
        command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn operators_create_staff_accounts_and_change_roles_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let create = |email: &str, role: &str, password: &str| {
        with_stdin(
            puerta(dir.path()).env("PUERTA_PASSWORD_HASH_MEMORY_KIB", "8192").args([
                "user",
                "create",
                "--email",
                email,
                "--role",
                role,
                "--password-stdin",
            ]),
            &format!("{password}\n"),
        )
    };
    let (code, stdout, stderr) = create("chief@example.org", "officer", "a long river of stars");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("created officer account"), "{stdout}");
    let (code, _, stderr) = create("chief@example.org", "officer", "a long river of stars");
    assert_ne!(code, 0, "the same email twice");
    assert!(stderr.contains("email_taken"), "{stderr}");
    let (code, _, stderr) = create("weak@example.org", "admin", "password");
    assert_ne!(code, 0);
    assert!(stderr.contains("password: Your password must have at least 12 characters"), "{stderr}");
    let (code, _, stderr) = create("root@example.org", "emperor", "a long river of stars");
    assert_ne!(code, 0);
    assert!(stderr.contains("role"), "{stderr}");

    let (code, stdout, stderr) = output(puerta(dir.path()).args([
        "user",
        "set-role",
        "--email",
        "chief@example.org",
        "--role",
        "supervisor",
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("supervisor"));
    let (code, _, stderr) = output(puerta(dir.path()).args([
        "user",
        "set-role",
        "--email",
        "nobody@example.org",
        "--role",
        "admin",
    ]));
    assert_ne!(code, 0);
    assert!(stderr.contains("no account"), "{stderr}");
    let (code, _, stderr) =
        output(puerta(dir.path()).args(["user", "create", "--email", "x@example.org", "--role", "admin"]));
    assert_eq!(code, 2, "the password must come from stdin: {stderr}");
}

/// A small published draw: three groups at one port with two places (the issue's example).
fn published_draw() -> puerta_domain::appointments::PublishedDraw {
    use puerta_domain::appointments::{DrawEntry, DrawInput, PublishedDraw};
    let entries = [("a", 2, 1_000), ("b", 1, 2_000), ("c", 1, 3_000)]
        .into_iter()
        .map(|(id, size, at)| DrawEntry {
            id: id.repeat(64),
            port: "SYS".into(),
            group_size: size,
            registered_at: at,
        })
        .collect();
    let input = DrawInput {
        entries,
        capacity: std::collections::BTreeMap::from([("SYS".to_string(), 2)]),
        oldest_share_permille: 500,
    };
    PublishedDraw::run("2026-12-02", b"the secret committed before the window", input, None).expect("draw")
}

#[test]
fn draw_verify_checks_a_published_file_offline_and_fails_on_one_altered_entry() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("results.json");
    let published = published_draw();
    let placed: u32 = published.outcome.placements.iter().map(|p| p.places).sum();
    assert_eq!(placed, 2, "two places, groups whole");
    std::fs::write(&file, serde_json::to_string_pretty(&published).expect("json")).expect("written");
    // No database, no data folder: only the file.
    let (code, stdout, stderr) = output(puerta(dir.path()).args(["draw", "verify", "--file"]).arg(&file));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("the draw of 2026-12-02 matches"), "{stdout}");
    assert!(!dir.path().join("data").exists(), "verifying touches no database");

    let mut altered = published.clone();
    altered.input.entries[2].group_size = 2;
    std::fs::write(&file, serde_json::to_string(&altered).expect("json")).expect("written");
    let (code, stdout, _) = output(puerta(dir.path()).args(["draw", "verify", "--file"]).arg(&file));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("does NOT match") && stdout.contains("digest"), "{stdout}");

    std::fs::write(&file, "not json").expect("written");
    let (code, _, stderr) = output(puerta(dir.path()).args(["draw", "verify", "--file"]).arg(&file));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a published draw"), "{stderr}");
}

#[test]
fn operators_set_places_run_and_verify_a_draw_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    // A window open all day, so the places can be set for today's draw whatever the hour.
    let run = |args: &[&str]| {
        output(
            puerta(dir.path())
                .env("PUERTA_SCHEDULING__WINDOW_OPENS", "00:00")
                .env("PUERTA_SCHEDULING__WINDOW_CLOSES", "23:59")
                .args(args),
        )
    };
    let (code, stdout, stderr) =
        run(&["capacity", "set", "--port", "SYS", "--draw-date", "2030-01-02", "--places", "2"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("SYS gives 2 place(s) in the draw of 2030-01-02"), "{stdout}");
    let (code, _, stderr) =
        run(&["capacity", "set", "--port", "XXX", "--draw-date", "2030-01-02", "--places", "2"]);
    assert_eq!(code, 1, "{stderr}");
    let (code, _, stderr) = run(&["draw", "verify", "--date", "2030-01-02"]);
    assert_eq!(code, 1, "not drawn yet: {stderr}");
    assert!(stderr.contains("has not run"), "{stderr}");
    let (code, stdout, stderr) = run(&["draw", "run", "--date", "2030-01-02"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 request(s), 0 group(s) placed"), "{stdout}");
    let (code, _, stderr) = run(&["draw", "run", "--date", "2030-01-02"]);
    assert_eq!(code, 1, "a draw runs once");
    assert!(stderr.contains("draw_already_run"), "{stderr}");
    let (code, stdout, stderr) = run(&["draw", "verify", "--date", "2030-01-02"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("matches"), "{stdout}");
    let (code, _, stderr) = run(&["draw", "run", "--date", "2031-05-05"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("there is no draw on that date"), "{stderr}");
    let (code, _, stderr) =
        run(&["draw", "randomness", "--date", "2030-01-02", "--source", "x", "--value-hex", "zz"]);
    assert_eq!(code, 1, "{stderr}");
}
