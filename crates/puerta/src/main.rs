//! `puerta`: parses the command line and hands over to the library; nothing but wiring.

use std::process::ExitCode;

use clap::Parser;
use std::sync::Arc;

use puerta::cli::{CapacityCommand, Cli, Command, DrawCommand, UserCommand};
use puerta::settings::Settings;
use puerta::startup::{Application, open_app, shutdown_signal};
use puerta::telemetry;
use puerta_app::clock::SystemClock;

/// jemalloc, not the system allocator: it returns freed memory to the system on its own (the
/// 19 MiB an argon2id hash borrows, the buffers of connections that closed), where glibc keeps
/// it, and packs the many small per-connection allocations of live streams more tightly.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
    // Offline: a published file and nothing else, so anyone can check a draw.
    if let Command::Draw(DrawCommand::Verify { file: Some(file), .. }) = &cli.command {
        return verify_draw_file(file);
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

/// `puerta draw verify --file F`: exit 0 when the published draw recomputes exactly, 1 when it
/// does not (saying what differs), 2 when the file cannot be read as a published draw.
fn verify_draw_file(file: &std::path::Path) -> ExitCode {
    use puerta_domain::appointments::PublishedDraw;
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("puerta: cannot read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let published: PublishedDraw = match serde_json::from_str(&text) {
        Ok(published) => published,
        Err(e) => {
            eprintln!("puerta: {} is not a published draw: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    report_verification(&published)
}

/// Prints whether `published` recomputes exactly: exit 0 when it does, 1 when it does not.
fn report_verification(published: &puerta_domain::appointments::PublishedDraw) -> ExitCode {
    match published.verify() {
        Ok(()) => {
            let places: u32 = published.outcome.placements.iter().map(|p| p.places).sum();
            println!(
                "the draw of {} matches: {} requests, {} placed ({} places) at {} ports",
                published.date,
                published.input.entries.len(),
                published.outcome.placements.len(),
                places,
                published.input.capacity.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("the draw of {} does NOT match: {e}", published.date);
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
            let (app, report) = open_app(&settings, Arc::new(SystemClock)).await?;
            app.close().await;
            println!("database migrated; {} port(s) added", report.ports_added);
            Ok(())
        }
        Command::Config => Ok(()),
        Command::Draw(command) => {
            let (app, _) = open_app(&settings, Arc::new(SystemClock)).await?;
            let result = draw_command(&app, command).await;
            app.close().await;
            result
        }
        Command::Capacity(CapacityCommand::Set { port, draw_date, places }) => {
            let (app, _) = open_app(&settings, Arc::new(SystemClock)).await?;
            let ctx = puerta_app::accounts::RequestContext::default();
            let result =
                app.set_draw_capacity(&ctx, None, &port, &draw_date, places).await.map_err(describe_draw);
            app.close().await;
            result?;
            println!("{port} gives {places} place(s) in the draw of {draw_date}");
            Ok(())
        }
        Command::User(command) => {
            let (app, _) = open_app(&settings, Arc::new(SystemClock)).await?;
            let result = user_command(&app, command).await;
            app.close().await;
            result
        }
    }
}

async fn draw_command(app: &puerta_app::App, command: DrawCommand) -> anyhow::Result<()> {
    let ctx = puerta_app::accounts::RequestContext::default();
    match command {
        DrawCommand::Run { date } => {
            let done = app.run_draw(&ctx, &date).await.map_err(describe_draw)?;
            println!(
                "the draw of {} ran: {} request(s), {} group(s) placed, {} place(s) offered",
                done.date, done.requests, done.groups_placed, done.places_offered
            );
            Ok(())
        }
        DrawCommand::Randomness { date, source, value_hex } => {
            app.set_draw_public_randomness(&ctx, None, &date, &source, &value_hex)
                .await
                .map_err(describe_draw)?;
            println!("public randomness recorded for the draw of {date}");
            Ok(())
        }
        DrawCommand::Verify { date: Some(date), .. } => {
            let published = app.draw_results(&date).await.map_err(|e| match e {
                puerta_app::AppError::NotFound => anyhow::anyhow!("the draw of {date} has not run"),
                other => describe(other),
            })?;
            if report_verification(&published) == ExitCode::SUCCESS {
                Ok(())
            } else {
                Err(anyhow::anyhow!("the draw of {date} does not match its publication"))
            }
        }
        DrawCommand::Verify { .. } => Ok(()),
    }
}

async fn user_command(app: &puerta_app::App, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create { email, role, name, password_stdin: _ } => {
            let mut password = String::new();
            std::io::stdin().read_line(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']);
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_string());
            let id = app.create_user_by_operator(&email, &name, &role, password).await.map_err(describe)?;
            println!("created {role} account {id}");
            Ok(())
        }
        UserCommand::SetRole { email, role } => {
            app.set_role_by_operator(&email, &role).await.map_err(describe)?;
            println!("role set to {role}");
            Ok(())
        }
    }
}

/// [`describe`] for the draw and capacity commands, where "not found" is a day without a draw.
fn describe_draw(error: puerta_app::AppError) -> anyhow::Error {
    match error {
        puerta_app::AppError::NotFound => anyhow::anyhow!("there is no draw on that date"),
        other => describe(other),
    }
}

/// An operator-facing message, in English, naming each invalid field.
fn describe(error: puerta_app::AppError) -> anyhow::Error {
    match error {
        puerta_app::AppError::Validation(problems) => anyhow::anyhow!(
            "{}",
            problems
                .iter()
                .map(|p| format!("{}: {}", p.field, puerta_i18n::t(puerta_i18n::Language::En, &p.message_id)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        puerta_app::AppError::NotFound => anyhow::anyhow!("no account has this email"),
        puerta_app::AppError::Conflict(code) => anyhow::anyhow!("refused: {code}"),
        other => anyhow::anyhow!("{other}"),
    }
}
