//! `puerta`: parses the command line and hands over to the library; nothing but wiring.

use std::process::ExitCode;

use clap::Parser;
use puerta::cli::{Cli, Command};
use puerta::settings::Settings;
use puerta::startup::{Application, open_app, shutdown_signal};
use puerta::telemetry;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.settings.config.as_deref(), &cli.settings.overrides()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("puerta: {e}");
            return ExitCode::from(2);
        }
    };
    if let Command::Config = cli.command {
        print!("{}", settings.to_redacted_toml());
        return ExitCode::SUCCESS;
    }
    telemetry::init(&settings);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("puerta: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command, settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("puerta: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let app = Application::build(&settings).await?;
            let addr = app.local_addr()?;
            tracing::info!("Puerta is listening on http://{addr}");
            app.run_until(shutdown_signal()).await
        }
        Command::Migrate => {
            let (app, report) = open_app(&settings).await?;
            app.store().close().await;
            println!("database migrated; {} port(s) added", report.ports_added);
            Ok(())
        }
        Command::Config => Ok(()),
    }
}
