//! The command line: `puerta serve | migrate | config`, with settings flags on every command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::settings::{LogFormat, Overrides};

#[derive(Debug, Parser)]
#[command(
    name = "puerta",
    version,
    about = "Puerta: lawful, fair and multilingual appointments at US land ports of entry.",
    long_about = "Puerta: lawful, fair and multilingual appointments at US land ports of entry.\n\n\
                  Settings come from defaults, then the --config file, then PUERTA_* environment \
                  variables, then these flags. See docs/CONFIGURATION.md."
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: SettingsFlags,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct SettingsFlags {
    /// A TOML configuration file.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to listen on [env: PUERTA_ADDR] [default: 127.0.0.1:8080].
    #[arg(long, global = true, value_name = "HOST:PORT")]
    pub addr: Option<String>,
    /// Folder for the SQLite database, documents and the outbox [env: PUERTA_DATA_DIR] [default: ./data].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// postgres://… or sqlite:path [env: PUERTA_DATABASE_URL] [default: SQLite in the data dir].
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// Log as human-readable text or as JSON lines [env: PUERTA_LOG_FORMAT].
    #[arg(long, global = true, value_enum)]
    pub log_format: Option<LogFormatArg>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LogFormatArg {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server: creates the data folder, migrates, seeds reference data, listens.
    Serve,
    /// Apply database migrations and seed reference data, then exit.
    Migrate,
    /// Print the effective configuration (secrets redacted) and exit.
    Config,
    /// Manage accounts from the command line (operators).
    #[command(subcommand)]
    User(UserCommand),
    /// The daily appointment draw.
    #[command(subcommand)]
    Draw(DrawCommand),
    /// Places per port for a draw.
    #[command(subcommand)]
    Capacity(CapacityCommand),
}

#[derive(Debug, Subcommand)]
pub enum CapacityCommand {
    /// Set the places that the draw of DATE gives at PORT (before that draw is frozen).
    Set {
        #[arg(long)]
        port: String,
        /// The draw's date (the request day, as in a request's `draw_date`), YYYY-MM-DD.
        #[arg(long)]
        draw_date: String,
        #[arg(long)]
        places: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum DrawCommand {
    /// Recompute a published draw (commitment, inputs' digest, seed, result) and say whether it
    /// matches. With --file it works offline (no database); with --date it reads the draw's
    /// publication from the database.
    Verify {
        /// The published draw (the JSON of `GET /api/v1/draws/{date}/results`).
        #[arg(long, conflicts_with = "date", required_unless_present = "date")]
        file: Option<std::path::PathBuf>,
        /// A draw in this server's database, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
    },
    /// Run the draw of DATE now (its window closes early if still open). Runs once: a second
    /// run, here or on another instance, is refused.
    Run {
        #[arg(long)]
        date: String,
    },
    /// Record the public random value the draw's seed includes (between the freeze and the draw).
    Randomness {
        #[arg(long)]
        date: String,
        /// Where anyone can look it up (e.g. a beacon's name and round).
        #[arg(long)]
        source: String,
        /// The value, hexadecimal.
        #[arg(long)]
        value_hex: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a verified account with a role; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        /// traveler, officer, supervisor, admin or partner.
        #[arg(long)]
        role: String,
        /// The person's full name [default: the part of the email before @].
        #[arg(long)]
        name: Option<String>,
        /// Read the password from the first line of standard input (required: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Change the role of an existing account.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
}

impl SettingsFlags {
    pub fn overrides(&self) -> Overrides {
        Overrides {
            addr: self.addr.clone(),
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
            log_format: self.log_format.map(|f| match f {
                LogFormatArg::Text => LogFormat::Text,
                LogFormatArg::Json => LogFormat::Json,
            }),
        }
    }
}
