//! The daily draw over 1,000,000 requests (50,000 in quick mode), end to end from the database,
//! against baseline (c): a plain read of the same rows. Wraps the existing example
//! `crates/puerta/examples/draw_bench.rs` (built by `bench/run`), run as a child process with
//! `--json`, so its figures come to the suite and `bench/draw.json` and `docs/BENCHMARKS.md`
//! are left alone.

use std::path::Path;
use std::process::Stdio;

use anyhow::{Context, bail};

use super::{Ctx, read_json};
use crate::report::{Figure, Target};

const SCENARIO: &str = "the draw";

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    // Quick: 50,000, which the example seeds, freezes, reads six times and draws in about 15 s on
    // a busy 2-core machine (100,000 took 27 s, too much of the quick run's 2 minutes).
    let requests: u64 = ctx.pick(50_000, 1_000_000);
    let json = ctx.work.join("draw.json");
    let mut args =
        vec!["--requests".to_string(), requests.to_string(), "--json".into(), json.display().to_string()];
    if let Some(url) = &ctx.postgres {
        args.extend(["--postgres".to_string(), url.clone()]);
    }
    example(&ctx.root, &ctx.work, "draw_bench", &args).await?;
    let v = read_json(&json)?;
    let run = &v["runs"][ctx.backend_key()];
    let draw = run["draw"]["secs"].as_f64().context("draw_bench: no draw.secs")?;
    let read = run["plain_read"]["median_secs"].as_f64().context("draw_bench: no plain_read.median_secs")?;
    ctx.add(
        Figure::new(SCENARIO, &format!("draw over {requests} requests, end to end"), draw, "s", ctx.backend_key())
            .baseline("(c) plain read of its rows", read)
            .target(Target::RatioAtMost(2.0))
            .note(format!(
                "crates/puerta/examples/draw_bench.rs: App::run_draw once; baseline the median of {} reads of the same \
                 {} rows through a fresh connection; {} groups placed, {} places offered",
                run["plain_read"]["before_draw_secs"].as_array().map_or(0, Vec::len)
                    + run["plain_read"]["after_draw_secs"].as_array().map_or(0, Vec::len),
                run["plain_read"]["rows"],
                run["draw"]["groups_placed"],
                run["draw"]["places_offered"],
            )),
    );
    Ok(())
}

/// Runs `target/release/examples/<name>` to its end with `args`, its output in a log file of the
/// run's folder; on failure, says so with the log's last lines.
pub async fn example(root: &Path, work: &Path, name: &str, args: &[String]) -> anyhow::Result<()> {
    let bin = root.join("target/release/examples").join(name);
    if !bin.exists() {
        bail!(
            "{} is missing: cargo build --release --locked -p puerta --example {name} (bench/run does)",
            bin.display()
        );
    }
    let log = work.join(format!("{name}.log"));
    let file = std::fs::File::create(&log)?;
    // Bounded in time whatever happens: past the limit the child is killed (on drop).
    let limit = std::time::Duration::from_secs(15 * 60);
    let mut child = tokio::process::Command::new(&bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file)
        .kill_on_drop(true)
        .spawn()?;
    let status = match tokio::time::timeout(limit, child.wait()).await {
        Ok(status) => status?,
        Err(_) => bail!("{name} did not finish within {limit:?}; its log: {}", log.display()),
    };
    if !status.success() {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(15).collect::<Vec<_>>().into_iter().rev().collect();
        bail!("{name} failed ({status}):\n{}", tail.join("\n"));
    }
    Ok(())
}
