//! Live streams: one `puerta serve` holding 10,000 Server-Sent Events streams (1,000 in quick
//! mode), its resident memory, the time to publish a policy notice to every account, and the time
//! until every stream has it, each next to the same with one stream open (the baseline). Wraps
//! the existing example `crates/puerta/examples/sse_bench.rs` (built by `bench/run`; it starts
//! its own server and client), run as a child process with `--json`, so `bench/notices.json` is
//! left alone.

use anyhow::Context;
use serde_json::Value;

use super::draw::example;
use super::{Ctx, read_json};
use crate::report::{Figure, Target};

const SCENARIO: &str = "live streams";

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let json = ctx.work.join("notices.json");
    // Quick: a smoke check (1,000 streams held 3 s, one notice); full: the example's own
    // defaults (1,000,000 accounts, 10,000 streams held 25 s, three notices). The comparison
    // with plain keep-alive connections is the example's own business, not a target.
    let mut args: Vec<String> = if ctx.quick {
        ["--streams", "1000", "--accounts", "20000", "--rounds", "1", "--idle-secs", "3"]
            .map(str::to_string)
            .to_vec()
    } else {
        Vec::new()
    };
    args.extend(["--no-plain".to_string(), "--json".into(), json.display().to_string()]);
    if let Some(url) = &ctx.postgres {
        args.extend(["--postgres".to_string(), url.clone()]);
    }
    example(&ctx.root, &ctx.work, "sse_bench", &args).await?;
    let v = read_json(&json)?;
    let run = &v["runs"][ctx.backend_key()];
    let key = ctx.backend_key();
    let streams = run["opening"]["opened"].as_u64().context("sse_bench: no opening.opened")?;
    let accounts = run["settings"]["accounts"].as_u64().unwrap_or(0);
    let mb = |kib: &Value| kib.as_f64().unwrap_or(0.0) * 1024.0 / 1e6;
    let held = mb(&run["server"]["streams_held"]["rss_kib"]);
    let none = mb(&run["server"]["no_stream"]["rss_kib"]);
    ctx.add(
        Figure::new(SCENARIO, &format!("resident memory with {streams} streams open"), held, "MB", key)
            .baseline("no stream open", none)
            .target(Target::AtMost(200.0))
            .note(format!(
                "crates/puerta/examples/sse_bench.rs: VmRSS after the streams were held {} s; {} failed to open, {} ended \
                 while held; peak {:.1} MB",
                run["settings"]["idle_secs"],
                run["opening"]["failed"],
                run["ended_while_held"],
                mb(&run["server"]["streams_closed"]["peak_rss_kib"])
            )),
    );
    let rounds = run["rounds"].as_array().cloned().unwrap_or_default();
    let baseline = run["baseline_one_stream"].as_array().cloned().unwrap_or_default();
    let missing: u64 = rounds.iter().map(|r| r["missing"].as_u64().unwrap_or(0)).sum();
    // A round with streams still waiting counts its whole waiting window (60 s at most).
    let delivery = rounds
        .iter()
        .map(|r| {
            let last = r["last_secs"].as_f64().unwrap_or(60.0);
            if r["missing"].as_u64().unwrap_or(0) > 0 {
                r["window_secs"].as_f64().unwrap_or(60.0)
            } else {
                last
            }
        })
        .fold(0.0, f64::max);
    let one = |field: &str| median(baseline.iter().filter_map(|r| r[field].as_f64()).collect());
    ctx.add(
        Figure::new(SCENARIO, &format!("a notice reaches all {streams} streams"), delivery, "s", key)
            .baseline("one stream open", one("last_secs"))
            .target(Target::AtMost(2.0))
            .note(format!(
                "from sending POST /api/v1/admin/notices to the last stream having it, worst of {} notice(s); p50 {} s, \
                 p99 {} s; {missing} deliveries missing; {} notices in the wrong words",
                rounds.len(),
                list(&rounds, "p50_secs"),
                list(&rounds, "p99_secs"),
                run["wrong_words"]
            )),
    );
    let publish = rounds.iter().filter_map(|r| r["post_secs"].as_f64()).fold(0.0, f64::max);
    ctx.add(
        Figure::new(SCENARIO, &format!("publishing a notice to {accounts} accounts"), publish, "s", key)
            .baseline("one stream open", one("post_secs"))
            .target(Target::AtMost(1.0))
            .note(format!(
                "POST /api/v1/admin/notices answered, worst of {} with {streams} streams open: {} s",
                rounds.len(),
                list(&rounds, "post_secs")
            )),
    );
    Ok(())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn list(rounds: &[Value], field: &str) -> String {
    rounds
        .iter()
        .map(|r| r[field].as_f64().map_or("—".into(), |x| format!("{x:.3}")))
        .collect::<Vec<_>>()
        .join(" / ")
}
