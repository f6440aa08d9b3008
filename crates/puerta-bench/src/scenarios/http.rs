//! Middleware cost: Puerta's `GET /healthz` against an axum hello-world (baseline a), both at
//! 64 connections. The handler does nothing, so the gap is what the layers around every route
//! cost.

use std::sync::Arc;
use std::time::Duration;

use super::Ctx;
use crate::load::{self, Spec};
use crate::report::{Figure, Target};
use crate::server::{self, Puerta};

pub const CONNECTIONS: usize = 64;

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let (dir, backend) = ctx.fresh("http").await?;
    let puerta = Puerta::new(&ctx.bin, &dir, backend.server_url())?;
    puerta.run(&["migrate"], None)?;
    let (mut running, _) = puerta.serve("server.log").await?;
    let (mut hello, hello_addr) = server::baseline(&["--kind", "hello"]).await?;
    let duration = ctx.pick(Duration::from_secs(3), Duration::from_secs(10));
    let warmup = Duration::from_secs(1);
    let make: load::MakeRequest = Arc::new(|_| Some(load::get("/healthz", &[])));
    let base = load::closed(
        &Spec { addr: hello_addr, connections: CONNECTIONS, warmup, duration },
        make.clone(),
        None,
    )
    .await;
    let ours =
        load::closed(&Spec { addr: puerta.addr, connections: CONNECTIONS, warmup, duration }, make, None)
            .await;
    hello.stop();
    running.stop();
    backend.drop_database().await?;
    let backend = ctx.backend_key();
    ctx.add(
        Figure::new("middleware cost", "GET /healthz requests/s", ours.per_second, "req/s", backend)
            .baseline("(a) axum hello-world", base.per_second)
            .target(Target::RatioAtLeast(0.7))
            .note(format!(
                "{CONNECTIONS} connections, {:.0} s; p99 {:.1} ms (baseline {:.1} ms); {} failures",
                ours.seconds,
                ours.p99_ms,
                base.p99_ms,
                ours.failures()
            )),
    );
    Ok(())
}
