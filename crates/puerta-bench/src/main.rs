//! `puerta-bench`: Puerta's benchmark suite (issue 13). `bench/run` builds it and Puerta in
//! release mode and runs `puerta-bench all`; see `bench/README.md`.
//!
//! Every figure is measured against a baseline taken in the same run on the same machine (the
//! machine is shared and noisy: a ratio travels, an absolute figure does not), and written to
//! `bench/results.json` and the section "Release-day suite" of `docs/BENCHMARKS.md`.

#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod baselines;
mod db;
mod load;
mod people;
mod report;
mod scenarios;
mod server;
mod totp;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(about = "Puerta's benchmark suite: every scenario against same-run baselines")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Runs the scenarios and writes the figures.
    All(scenarios::Options),
    /// A baseline server (started by `all`, not by hand).
    Baseline(baselines::BaselineArgs),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Baseline(args) => baselines::run(args),
        Command::All(options) => {
            let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
            runtime.block_on(scenarios::all(options, root()))
        }
    }
}

/// The workspace (where `bench/` and `docs/` are).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
