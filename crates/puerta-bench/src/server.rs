//! The processes under test: `target/release/puerta serve` on a fresh data folder (and database),
//! and the baseline servers (this binary's `baseline` subcommand, a process of its own so that
//! it runs on the same runtime settings as Puerta and shares nothing with the load generator).

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// A free port on 127.0.0.1.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// What `/proc/<pid>` says about a process.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct ProcSample {
    pub rss_kib: u64,
    pub hwm_kib: u64,
    pub threads: u64,
}

pub fn sample(pid: u32) -> anyhow::Result<ProcSample> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).context("process gone")?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Ok(ProcSample { rss_kib: field("VmRSS:"), hwm_kib: field("VmHWM:"), threads: field("Threads:") })
}

/// Megabytes of 10^6 bytes, as the targets are written.
pub fn mb(kib: u64) -> f64 {
    kib as f64 * 1024.0 / 1_000_000.0
}

/// A `puerta` binary with its environment: runs its commands and serves.
#[derive(Clone)]
pub struct Puerta {
    pub bin: PathBuf,
    pub env: Vec<(String, String)>,
    pub data_dir: PathBuf,
    pub addr: SocketAddr,
}

impl Puerta {
    /// A fresh data folder under `dir`, a free port, the database given (or SQLite in the folder).
    pub fn new(bin: &Path, dir: &Path, database_url: Option<&str>) -> anyhow::Result<Self> {
        let data_dir = dir.to_path_buf();
        std::fs::create_dir_all(&data_dir)?;
        let addr: SocketAddr = format!("127.0.0.1:{}", free_port()?).parse()?;
        let mut env = vec![
            ("PUERTA_ADDR".to_string(), addr.to_string()),
            ("PUERTA_DATA_DIR".to_string(), data_dir.display().to_string()),
            // No scheduler: nothing else runs on a timer during the measurements.
            ("PUERTA_SCHEDULING__SCHEDULER".to_string(), "false".to_string()),
            ("PUERTA_LOG_LEVEL".to_string(), "warn".to_string()),
        ];
        if let Some(url) = database_url {
            env.push(("PUERTA_DATABASE_URL".to_string(), url.to_string()));
        }
        Ok(Self { bin: bin.to_path_buf(), env, data_dir, addr })
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.to_string(), value.to_string()));
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.bin);
        c.args(args);
        for (key, _) in std::env::vars() {
            if key.starts_with("PUERTA_") {
                c.env_remove(key);
            }
        }
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c
    }

    /// Runs `puerta <args>` to the end (e.g. `migrate`, `user create`), with `stdin` fed.
    pub fn run(&self, args: &[&str], stdin: Option<&str>) -> anyhow::Result<String> {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot run {}", self.bin.display()))?;
        if let Some(text) = stdin {
            child.stdin.take().context("stdin")?.write_all(text.as_bytes())?;
        }
        let out = child.wait_with_output()?;
        if !out.status.success() {
            bail!(
                "`puerta {}` failed: {}{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Starts `puerta serve` and waits until `/healthz` answers; returns the process and how long
    /// it took from spawn to the first answer.
    pub async fn serve(&self, log_name: &str) -> anyhow::Result<(Running, Duration)> {
        let log = std::fs::File::create(self.data_dir.join(log_name))?;
        let started = Instant::now();
        let child = self
            .command(&["serve"])
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", self.bin.display()))?;
        let mut running = Running { child, log: self.data_dir.join(log_name) };
        let ready = wait_ready(self.addr, &mut running.child, Duration::from_secs(120)).await?;
        Ok((running, ready.duration_since(started)))
    }
}

/// A server process; stopped (SIGTERM, then SIGKILL) when dropped.
pub struct Running {
    pub child: Child,
    pub log: PathBuf,
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running (it did not crash).
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Lines of the server's log at WARN or ERROR.
    pub fn warnings(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("WARN") || l.contains("ERROR"))
            .map(str::to_string)
            .collect()
    }

    pub fn stop(&mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let until = Instant::now() + Duration::from_secs(30);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.alive() {
            self.stop();
        }
    }
}

/// Polls `GET /healthz` until it answers 200 (or the process exits, or `deadline` passes).
pub async fn wait_ready(addr: SocketAddr, child: &mut Child, deadline: Duration) -> anyhow::Result<Instant> {
    let until = Instant::now() + deadline;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            bail!("the server exited before it was ready: {status}");
        }
        if let Ok((status, _, _)) = crate::load::once(addr, crate::load::get("/healthz", &[])).await
            && status.is_success()
        {
            return Ok(Instant::now());
        }
        if Instant::now() > until {
            bail!("the server on {addr} was not ready within {deadline:?}");
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Starts a baseline server (`puerta-bench baseline <args>`) on a free port.
pub async fn baseline(args: &[&str]) -> anyhow::Result<(Running, SocketAddr)> {
    let port = free_port()?;
    // This very program, even when `target/release/puerta-bench` was rebuilt (replaced) while
    // the suite runs: `/proc/self/exe` still opens the image that is running, where the path
    // would name a deleted file.
    let exe = if Path::new("/proc/self/exe").exists() {
        PathBuf::from("/proc/self/exe")
    } else {
        std::env::current_exe()?
    };
    let log = std::env::temp_dir().join(format!("puerta-bench-baseline-{port}.log"));
    let file = std::fs::File::create(&log)?;
    let child = Command::new(&exe)
        .arg("baseline")
        .arg("--port")
        .arg(port.to_string())
        .args(args)
        .stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file)
        .spawn()
        .with_context(|| format!("cannot start the baseline server {}", exe.display()))?;
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse()?;
    let mut running = Running { child, log };
    wait_ready(addr, &mut running.child, Duration::from_secs(60)).await?;
    Ok((running, addr))
}
