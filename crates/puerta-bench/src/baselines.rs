//! The baseline servers, each the machine's ceiling for one kind of request, run as their own
//! process on the same runtime settings as Puerta (Tokio's multi-threaded runtime, one worker a
//! core, jemalloc):
//!
//! - `hello`: an axum hello-world, the HTTP ceiling (a);
//! - `bytes`: an axum handler answering the exact bytes and content type of the Puerta response
//!   under test from memory (a′);
//! - `storage`: a bare axum + sqlx endpoint doing exactly the SQL of an appointment request, one
//!   transaction per request (b), see [`crate::scenarios::surge`].

use std::path::PathBuf;

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use bytes::Bytes;
use clap::Args;

#[derive(Args, Debug)]
pub struct BaselineArgs {
    /// hello | bytes | storage
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub port: u16,
    /// `bytes`: the body to answer.
    #[arg(long)]
    pub body_file: Option<PathBuf>,
    /// `bytes`: its content type.
    #[arg(long, default_value = "application/json")]
    pub content_type: String,
    /// `storage`: the database (a `sqlite://` path or a `postgres://` URL).
    #[arg(long)]
    pub database: Option<String>,
}

pub fn run(args: BaselineArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let app = match args.kind.as_str() {
            "hello" => Router::new().fallback(|| async { "Hello, World!" }),
            "bytes" => {
                let path = args.body_file.clone().ok_or_else(|| anyhow::anyhow!("--body-file"))?;
                let body = Bytes::from(std::fs::read(path)?);
                let content_type = args.content_type.clone();
                Router::new().fallback(move || {
                    let (body, content_type) = (body.clone(), content_type.clone());
                    async move { ([(CONTENT_TYPE, content_type)], body).into_response() }
                })
            }
            "storage" => {
                let url = args.database.clone().ok_or_else(|| anyhow::anyhow!("--database"))?;
                crate::scenarios::surge::storage_baseline(&url).await?
            }
            other => anyhow::bail!("unknown baseline kind {other}"),
        };
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await?;
        axum::serve(listener, app).await?;
        Ok(())
    })
}
