//! The scenarios of issue 13, each in its own file, each adding its figures to the run.

pub mod dashboard;
pub mod draw;
pub mod footprint;
pub mod http;
pub mod overload;
pub mod page_weight;
pub mod public_reads;
pub mod seed;
pub mod streams;
pub mod surge;

use std::path::{Path, PathBuf};

use clap::Args;

use crate::db::Backend;
use crate::report::{Figure, Machine};

#[derive(Args, Debug, Clone)]
pub struct Options {
    /// A smoke check in under 2 minutes: fewer travelers, shorter runs.
    #[arg(long)]
    pub quick: bool,
    /// Run on a fresh database created on this PostgreSQL server (an admin URL, e.g.
    /// postgres://postgres@127.0.0.1:5432/test), instead of SQLite.
    #[arg(long)]
    pub postgres: Option<String>,
    /// Only these scenarios (comma-separated): http, public_reads, surge, dashboard, draw,
    /// streams, page_weight, footprint, overload.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Print only: leave bench/results.json and docs/BENCHMARKS.md alone.
    #[arg(long)]
    pub no_write: bool,
    /// The server binary [default: target/release/puerta of this workspace].
    #[arg(long)]
    pub bin: Option<PathBuf>,
    /// Also print each figure's note (connections, durations, breakdowns) as it is taken.
    #[arg(long)]
    pub notes: bool,
}

/// What every scenario gets.
pub struct Ctx {
    pub quick: bool,
    pub root: PathBuf,
    /// `target/release/puerta`.
    pub bin: PathBuf,
    /// The PostgreSQL admin URL, when the run is on PostgreSQL.
    pub postgres: Option<String>,
    /// A folder for this run's data (removed at the end).
    pub work: PathBuf,
    pub figures: Vec<Figure>,
    /// Print each figure's note as it is added.
    pub notes: bool,
}

impl Ctx {
    /// "sqlite" or "postgres".
    pub fn backend_key(&self) -> &'static str {
        if self.postgres.is_some() { "postgres" } else { "sqlite" }
    }

    /// A fresh folder and database for one scenario.
    pub async fn fresh(&self, name: &str) -> anyhow::Result<(PathBuf, Backend)> {
        let dir = self.work.join(name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let backend = Backend::create(&dir, name, self.postgres.as_deref()).await?;
        Ok((dir, backend))
    }

    pub fn add(&mut self, figure: Figure) {
        println!(
            "  {:<58} {:>12.2} {:<8} ratio {:>6} met {}",
            figure.name,
            figure.value,
            figure.unit,
            figure.ratio.map_or("—".into(), |r| format!("{r:.2}")),
            figure.met.map_or("—", |m| if m { "yes" } else { "NO" })
        );
        if self.notes && !figure.note.is_empty() {
            println!("      {}", figure.note);
        }
        self.figures.push(figure);
    }

    /// Pick `quick` or `full`.
    pub fn pick<T>(&self, quick: T, full: T) -> T {
        if self.quick { quick } else { full }
    }
}

type Scenario = for<'a> fn(&'a mut Ctx) -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<()>> + 'a>>;

macro_rules! scenario {
    ($name:ident) => {
        (stringify!($name), (|ctx| Box::pin($name::run(ctx))) as Scenario)
    };
}

pub async fn all(options: Options, root: PathBuf) -> anyhow::Result<()> {
    let bin = options.bin.clone().unwrap_or_else(|| root.join("target/release/puerta"));
    if !bin.exists() {
        anyhow::bail!(
            "{} is missing: cargo build --release --locked -p puerta (bench/run does)",
            bin.display()
        );
    }
    let work = std::env::temp_dir().join(format!("puerta-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let machine = Machine::read(options.quick);
    let mut ctx = Ctx {
        quick: options.quick,
        root: root.clone(),
        bin,
        postgres: options.postgres.clone(),
        work: work.clone(),
        figures: Vec::new(),
        notes: options.notes,
    };
    let scenarios: [(&str, Scenario); 9] = [
        scenario!(http),
        scenario!(public_reads),
        scenario!(page_weight),
        scenario!(footprint),
        scenario!(surge),
        scenario!(dashboard),
        scenario!(overload),
        scenario!(draw),
        scenario!(streams),
    ];
    let started = std::time::Instant::now();
    let mut failed = Vec::new();
    for (name, run) in scenarios {
        if !options.only.is_empty() && !options.only.iter().any(|o| o == name) {
            continue;
        }
        println!("== {name} ({}, {:.0} s into the run)", ctx.backend_key(), started.elapsed().as_secs_f64());
        if let Err(e) = run(&mut ctx).await {
            println!("  {name} failed: {e:#}");
            failed.push(format!("{name}: {e:#}"));
        }
    }
    println!("done in {:.0} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&work);
    if !options.no_write {
        crate::report::write(&root, ctx.backend_key(), &machine, &ctx.figures)?;
        println!("wrote bench/results.json and docs/BENCHMARKS.md");
    }
    let missed: Vec<&Figure> = ctx.figures.iter().filter(|f| f.met == Some(false)).collect();
    println!("{} figures, {} targets missed", ctx.figures.len(), missed.len());
    if !failed.is_empty() {
        anyhow::bail!("scenarios failed: {}", failed.join("; "));
    }
    Ok(())
}

/// Reads a file of the workspace (for scenarios wrapping an example's output).
pub fn read_json(path: &Path) -> anyhow::Result<serde_json::Value> {
    Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
}
