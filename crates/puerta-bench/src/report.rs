//! The figures of a run: `bench/results.json` and the table of the section "Release-day suite"
//! of `docs/BENCHMARKS.md` (everything between its two markers is replaced).

use std::path::Path;

use serde::Serialize;

/// How a figure is judged against its target.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// value / baseline must be at least this.
    RatioAtLeast(f64),
    /// value / baseline must be at most this.
    RatioAtMost(f64),
    /// The value itself must be at least this.
    AtLeast(f64),
    /// The value itself must be at most this.
    AtMost(f64),
    /// Recorded, not judged (context for another figure).
    None,
}

impl Target {
    fn describe(&self, unit: &str) -> String {
        match self {
            Self::RatioAtLeast(r) => format!("≥ {r}× baseline"),
            Self::RatioAtMost(r) => format!("≤ {r}× baseline"),
            Self::AtLeast(v) => format!("≥ {} {unit}", trim(*v)),
            Self::AtMost(v) => format!("≤ {} {unit}", trim(*v)),
            Self::None => "—".into(),
        }
    }
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Figure {
    /// The scenario, e.g. "public reads".
    pub scenario: String,
    /// What was measured, e.g. "GET /api/v1/ports requests/s".
    pub name: String,
    pub value: f64,
    pub unit: String,
    /// The baseline's value in the same unit, and what it is.
    pub baseline: Option<f64>,
    pub baseline_name: Option<String>,
    pub ratio: Option<f64>,
    pub target: Target,
    pub met: Option<bool>,
    /// "sqlite" or "postgres".
    pub backend: String,
    /// Anything a reader needs to trust the figure (connections, duration, errors…).
    pub note: String,
}

impl Figure {
    pub fn new(scenario: &str, name: &str, value: f64, unit: &str, backend: &str) -> Self {
        Self {
            scenario: scenario.into(),
            name: name.into(),
            value,
            unit: unit.into(),
            baseline: None,
            baseline_name: None,
            ratio: None,
            target: Target::None,
            met: None,
            backend: backend.into(),
            note: String::new(),
        }
    }

    pub fn baseline(mut self, name: &str, value: f64) -> Self {
        self.baseline = Some(value);
        self.baseline_name = Some(name.into());
        self.ratio = (value > 0.0).then(|| self.value / value);
        self.judge()
    }

    pub fn target(mut self, target: Target) -> Self {
        self.target = target;
        self.judge()
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }

    fn judge(mut self) -> Self {
        self.met = match (self.target, self.ratio) {
            (Target::RatioAtLeast(r), Some(x)) => Some(x >= r),
            (Target::RatioAtMost(r), Some(x)) => Some(x <= r),
            (Target::RatioAtLeast(_) | Target::RatioAtMost(_), None) => Some(false),
            (Target::AtLeast(v), _) => Some(self.value >= v),
            (Target::AtMost(v), _) => Some(self.value <= v),
            (Target::None, _) => None,
        };
        self
    }
}

/// Where and when the figures were taken.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Machine {
    pub date: String,
    pub cores: usize,
    pub memory_gib: f64,
    pub load_average_at_start: String,
    pub cpu: String,
    pub quick: bool,
    /// Set when this run re-measured only some scenarios: the date of the run the others come
    /// from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub others_from: Option<String>,
}

impl Machine {
    pub fn read(quick: bool) -> Self {
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let kib = meminfo
            .lines()
            .find(|l| l.starts_with("MemTotal:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0);
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split(':').nth(1))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        let load = std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
            cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
            memory_gib: (kib / 1024.0 / 1024.0 * 10.0).round() / 10.0,
            load_average_at_start: load,
            cpu,
            quick,
            others_from: None,
        }
    }
}

const BEGIN: &str = "<!-- bench/run: begin -->";
const END: &str = "<!-- bench/run: end -->";

fn trim(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{:.0}", v)
    } else if v.abs() >= 10.0 {
        format!("{:.1}", v)
    } else {
        format!("{:.2}", v)
    }
}

/// The markdown table of a run.
pub fn table(machine: &Machine, figures: &[Figure]) -> String {
    let mut out = format!(
        "### {} — {} cores, {} GiB, {} (load average {} at start){}\n\n",
        machine.date,
        machine.cores,
        machine.memory_gib,
        machine.cpu,
        machine.load_average_at_start,
        if machine.quick { " — quick mode (smoke check, smaller and shorter)" } else { "" }
    );
    if let Some(others) = &machine.others_from {
        out.push_str(&format!(
            "Re-measured in this run: the scenarios whose figures are listed last; the others are from the run of {others}.\n\n"
        ));
    }
    out.push_str("| backend | scenario | figure | value | baseline | ratio | target | met | notes |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for f in figures {
        let baseline = match (&f.baseline, &f.baseline_name) {
            (Some(v), Some(n)) => format!("{} {} ({n})", trim(*v), f.unit),
            _ => "—".into(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} {} | {} | {} | {} | {} | {} |\n",
            f.backend,
            f.scenario,
            f.name,
            trim(f.value),
            f.unit,
            baseline,
            f.ratio.map_or("—".into(), |r| format!("{r:.2}×")),
            f.target.describe(&f.unit),
            match f.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "—",
            },
            f.note.replace('|', "/"),
        ));
    }
    out
}

/// Writes this backend's run into `bench/results.json` (the other backend's last run is kept)
/// and rewrites the section between the markers of `docs/BENCHMARKS.md` from it.
pub fn write(root: &Path, backend: &str, machine: &Machine, figures: &[Figure]) -> anyhow::Result<()> {
    let json_path = root.join("bench/results.json");
    let mut runs = std::fs::read_to_string(&json_path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("runs").cloned())
        .filter(serde_json::Value::is_object)
        .unwrap_or_else(|| serde_json::json!({}));
    // A run of some scenarios (`--only`) replaces those scenarios' figures and keeps the rest
    // of the backend's last run, each figure with the machine line of the run that took it.
    let mut kept: Vec<Figure> = runs
        .get(backend)
        .and_then(|run| serde_json::from_value::<Vec<Figure>>(run["figures"].clone()).ok())
        .unwrap_or_default();
    kept.retain(|old| !figures.iter().any(|new| new.scenario == old.scenario));
    let earlier = runs
        .get(backend)
        .and_then(|run| serde_json::from_value::<Machine>(run["machine"].clone()).ok())
        .map(|m| m.others_from.unwrap_or(m.date));
    let mut machine = machine.clone();
    if !kept.is_empty() {
        machine.others_from = earlier;
    }
    kept.extend(figures.iter().cloned());
    runs[backend] = serde_json::json!({ "machine": machine, "figures": kept });
    let json = serde_json::json!({
        "about": "Written by bench/run (crates/puerta-bench); one entry per backend, the last run of each.",
        "runs": runs,
    });
    std::fs::write(&json_path, serde_json::to_string_pretty(&json)? + "\n")?;

    let mut tables = String::new();
    for key in ["sqlite", "postgres"] {
        let Some(run) = json["runs"].get(key) else { continue };
        let machine: Machine = serde_json::from_value(run["machine"].clone())?;
        let figures: Vec<Figure> = serde_json::from_value(run["figures"].clone())?;
        tables.push_str(&table(&machine, &figures));
        tables.push('\n');
    }
    let path = root.join("docs/BENCHMARKS.md");
    let doc = std::fs::read_to_string(&path)?;
    let section = format!("{BEGIN}\n{tables}{END}");
    let doc = match (doc.find(BEGIN), doc.find(END)) {
        (Some(a), Some(b)) if b > a => format!("{}{}{}", &doc[..a], section, &doc[b + END.len()..]),
        _ => format!("{doc}\n{section}\n"),
    };
    std::fs::write(path, doc)?;
    Ok(())
}
