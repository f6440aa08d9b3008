//! Public reads: the ports API, and the Entry Requirements list page, one item page and their
//! API in Spanish and Haitian Creole, each against a baseline (a′) answering exactly the same
//! bytes with the same content type from memory, both at 64 connections. Then an
//! administrator's edits (an entry requirement in both languages, a port's places for a draw)
//! must be visible on the very next request, whatever Puerta keeps in memory.
//!
//! The language is chosen as a browser chooses it, with `Accept-Language` (the `lang` cookie is
//! only set by the language switcher). No `Accept-Encoding`: the bodies are compared as sent.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use super::Ctx;
use crate::db::{Backend, Plain};
use crate::load::{self, Outcome, Spec};
use crate::people::{self, Jar};
use crate::report::{Figure, Target};
use crate::server::{self, Puerta};

pub const CONNECTIONS: usize = 64;
const SCENARIO: &str = "public reads";
const SPANISH: &str = "es-MX,es;q=0.9,en;q=0.5";
const CREOLE: &str = "ht,fr;q=0.8,en;q=0.5";

/// One endpoint under test.
struct Endpoint {
    label: String,
    path: String,
    headers: Vec<(&'static str, &'static str)>,
}

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let (dir, backend) = ctx.fresh("public_reads").await?;
    let puerta = Puerta::new(&ctx.bin, &dir, backend.server_url())?;
    puerta.run(&["migrate"], None)?;
    people::create_admin(&puerta)?;
    let (mut running, _) = puerta.serve("server.log").await?;
    let outcome = measure(ctx, &puerta, &backend, &dir).await;
    let alive = running.alive();
    running.stop();
    backend.drop_database().await?;
    if !alive {
        bail!("the server exited during the scenario (see {})", running.log.display());
    }
    outcome
}

async fn measure(ctx: &mut Ctx, puerta: &Puerta, backend: &Backend, dir: &Path) -> anyhow::Result<()> {
    let addr = puerta.addr;
    // What to read: the first port, and the first general (not per-port) entry requirement.
    let ports = people::json_call(addr, load::get("/api/v1/ports", &[]), 200, "GET /api/v1/ports").await?;
    let code = ports["items"][0]["code"].as_str().context("no port")?.to_string();
    let list =
        people::json_call(addr, load::get("/api/v1/entry-requirements?lang=es", &[]), 200, "entries").await?;
    let slugs: Vec<String> = list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["slug"].as_str().map(str::to_string))
        .collect();
    let slug = slugs.iter().find(|s| !s.starts_with("port-")).or(slugs.first()).context("no entry")?.clone();

    let mut endpoints = vec![
        Endpoint { label: "GET /api/v1/ports".into(), path: "/api/v1/ports".into(), headers: vec![] },
        Endpoint {
            label: format!("GET /api/v1/ports/{code}"),
            path: format!("/api/v1/ports/{code}"),
            headers: vec![],
        },
    ];
    for (lang, accept) in [("es", SPANISH), ("ht", CREOLE)] {
        let headers = vec![("accept-language", accept)];
        endpoints.push(Endpoint {
            label: format!("page /entry-requirements ({lang})"),
            path: "/entry-requirements".into(),
            headers: headers.clone(),
        });
        endpoints.push(Endpoint {
            label: format!("page /entry-requirements/{slug} ({lang})"),
            path: format!("/entry-requirements/{slug}"),
            headers: headers.clone(),
        });
        endpoints.push(Endpoint {
            label: format!("GET /api/v1/entry-requirements ({lang})"),
            path: "/api/v1/entry-requirements".into(),
            headers: headers.clone(),
        });
        endpoints.push(Endpoint {
            label: format!("GET /api/v1/entry-requirements/{slug} ({lang})"),
            path: format!("/api/v1/entry-requirements/{slug}"),
            headers,
        });
    }

    // Quick mode is a smoke check within the suite's 2 minutes: the ports, and each kind of
    // Entry Requirements read in one of the two languages (alternating, so both are read), 1 s
    // each. The full run measures all ten, 8 s each.
    if ctx.quick {
        // Of [ports, port, es: page list, page item, API list, API item, ht: the same four]:
        // the ports, the es page list and API item, the ht page item and API list.
        const QUICK: [usize; 6] = [0, 1, 2, 5, 7, 8];
        endpoints =
            endpoints.into_iter().enumerate().filter(|(i, _)| QUICK.contains(i)).map(|(_, e)| e).collect();
    }
    let warmup = ctx.pick(Duration::from_millis(500), Duration::from_secs(1));
    let duration = ctx.pick(Duration::from_secs(1), Duration::from_secs(8));
    let key = ctx.backend_key();
    for (i, e) in endpoints.iter().enumerate() {
        let (status, headers, body) = load::once(addr, load::get(&e.path, &e.headers)).await?;
        if status != 200 {
            bail!("{}: HTTP {status}", e.label);
        }
        let content_type = headers
            .get(hyper::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/octet-stream")
            .to_string();
        let language = answered_language(&body, &content_type);
        let file = dir.join(format!("body-{i}"));
        std::fs::write(&file, &body)?;
        let file_arg = file.display().to_string();
        let (mut base_server, base_addr) =
            server::baseline(&["--kind", "bytes", "--body-file", &file_arg, "--content-type", &content_type])
                .await?;
        let make = |path: String, headers: Vec<(&'static str, &'static str)>| -> load::MakeRequest {
            Arc::new(move |_| Some(load::get(&path, &headers)))
        };
        let base = load::closed(
            &Spec { addr: base_addr, connections: CONNECTIONS, warmup, duration },
            make(e.path.clone(), e.headers.clone()),
            None,
        )
        .await;
        base_server.stop();
        let ours = load::closed(
            &Spec { addr, connections: CONNECTIONS, warmup, duration },
            make(e.path.clone(), e.headers.clone()),
            None,
        )
        .await;
        let (ours_ok, base_ok) = (successes_per_second(&ours), successes_per_second(&base));
        let note = format!(
            "{CONNECTIONS} connections, {:.0} s after {:.1} s warm-up; {} B {content_type}{language}; \
             p50 {:.2} ms, p99 {:.2} ms (baseline p99 {:.2} ms); answers other than 2xx {}, errors {}",
            ours.seconds,
            warmup.as_secs_f64(),
            body.len(),
            ours.p50_ms,
            ours.p99_ms,
            base.p99_ms,
            others(&ours),
            ours.errors
        );
        ctx.add(
            Figure::new(SCENARIO, &format!("{} requests/s", e.label), ours_ok, "req/s", key)
                .baseline("(a′) same bytes from memory", base_ok)
                .target(Target::RatioAtLeast(0.5))
                .note(note.clone()),
        );
        ctx.add(
            Figure::new(SCENARIO, &format!("{} p99", e.label), ours.p99_ms, "ms", key)
                .baseline("(a′) same bytes from memory", base.p99_ms)
                .target(Target::AtMost(20.0))
                .note(format!(
                    "{CONNECTIONS} connections; p90 {:.2} ms, max {:.2} ms",
                    ours.p90_ms, ours.max_ms
                )),
        );
    }

    // The administrator signs in once, with the second factor enrolled through the API (staff
    // functions need one).
    let admin_token = people::admin_bearer(addr).await?;
    let checks = edits_visible(addr, backend, &slug).await?;
    let (passed, failed): (Vec<_>, Vec<_>) = checks.iter().partition(|(_, ok)| *ok);
    ctx.add(
        Figure::new(SCENARIO, "an admin's entry requirement edit is visible on the next request", f64::from(u8::from(failed.is_empty())), "yes", key)
            .target(Target::AtLeast(1.0))
            .note(format!(
                "edited {slug} in es and ht through the admin page (POST /admin/entry-requirements/{slug}), then at once: \
                 {} checks passed{}",
                passed.len(),
                if failed.is_empty() {
                    " (API item and list, page item and list, each language: new title and text)".to_string()
                } else {
                    format!("; failed: {}", failed.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "))
                }
            )),
    );
    let capacity = capacity_visible(addr, &admin_token, &code).await;
    let (value, note) = match capacity {
        Ok(note) => (1.0, note),
        Err(e) => (0.0, format!("{e:#}")),
    };
    ctx.add(
        Figure::new(SCENARIO, "an admin's capacity change is visible on the next request", value, "yes", key)
            .target(Target::AtLeast(1.0))
            .note(format!(
                "{note}. A port's daily capacity in /api/v1/ports has no editing API (set by migration/SQL), \
                 so the per-draw places are what an admin changes"
            )),
    );
    Ok(())
}

/// 2xx answers per second (a shed or refused request is no read served).
fn successes_per_second(o: &Outcome) -> f64 {
    let ok: u64 = o.statuses.iter().filter(|(s, _)| (200..300).contains(*s)).map(|(_, n)| n).sum();
    if o.seconds > 0.0 { ok as f64 / o.seconds } else { 0.0 }
}

fn others(o: &Outcome) -> String {
    let other: Vec<String> = o
        .statuses
        .iter()
        .filter(|(s, _)| !(200..300).contains(*s))
        .map(|(s, n)| format!("{n}×{s}"))
        .collect();
    if other.is_empty() { "0".into() } else { other.join(" ") }
}

/// The language the answer is in, for the note (a page's `<html lang>`, the API's `language`).
fn answered_language(body: &[u8], content_type: &str) -> String {
    let text = String::from_utf8_lossy(body);
    if content_type.starts_with("text/html") {
        let lang = text.find("<html lang=\"").map(|i| &text[i + 12..]).and_then(|r| r.split('"').next());
        return lang.map(|l| format!(", lang {l}")).unwrap_or_default();
    }
    let v: Value = serde_json::from_slice(body).unwrap_or_default();
    let one = v.get("language").or_else(|| v["items"].get(0).and_then(|i| i.get("language")));
    one.and_then(Value::as_str).map(|l| format!(", language {l}")).unwrap_or_default()
}

/// Edits the entry `slug` in Spanish and in Haitian Creole through the administrators' page (a
/// cookie session with a second factor, the form's CSRF token), then reads it back at once in
/// every form a reader sees. Returns each check and whether it passed.
async fn edits_visible(
    addr: SocketAddr,
    backend: &Backend,
    slug: &str,
) -> anyhow::Result<Vec<(String, bool)>> {
    // The page session is written by SQL as `open_session` writes it: signing in through the
    // page would ask for a code from the 30 s step the enrolment just used, which replay
    // protection refuses.
    let mut conn = Plain::open(backend).await?;
    let admin = people::user_id(&mut conn, people::ADMIN_EMAIL).await?;
    let token =
        people::seed_sessions(&mut conn, backend, &[admin], "cookie").await?.pop().context("session")?;
    let mut jar = Jar::default();
    jar.set("puerta_session", &token);
    let origin = format!("http://{addr}");
    let mut checks = Vec::new();
    for (lang, accept) in [("es", SPANISH), ("ht", CREOLE)] {
        let marker = format!("bench{:08x}", rand::random::<u32>());
        let current = conn
            .strings(&format!(
                "SELECT title FROM content_versions WHERE slug = '{slug}' AND language = '{lang}' \
                 ORDER BY version DESC LIMIT 1"
            ))
            .await?;
        let summary = conn
            .strings(&format!(
                "SELECT summary FROM content_versions WHERE slug = '{slug}' AND language = '{lang}' \
                 ORDER BY version DESC LIMIT 1"
            ))
            .await?;
        let body = conn
            .strings(&format!(
                "SELECT body_md FROM content_versions WHERE slug = '{slug}' AND language = '{lang}' \
                 ORDER BY version DESC LIMIT 1"
            ))
            .await?;
        let (Some(title), Some(summary), Some(body)) = (current.first(), summary.first(), body.first())
        else {
            bail!("no {lang} version of {slug}");
        };
        let form_path = format!("/admin/entry-requirements/{slug}?lang={lang}");
        let cookie = jar.header();
        let (status, headers, page) =
            load::once(addr, load::get(&form_path, &[("cookie", cookie.as_str())])).await?;
        if status != 200 {
            bail!("GET {form_path}: HTTP {status} {}", String::from_utf8_lossy(&page));
        }
        jar.take(&headers);
        let csrf =
            people::csrf_field(&String::from_utf8_lossy(&page)).context("no CSRF token on the editor")?;
        let new_title = format!("{title} {marker}");
        let new_body = format!("{marker}\n\n{body}");
        let cookie = jar.header();
        let (status, headers, answer) = load::once(
            addr,
            load::post_form(
                &format!("/admin/entry-requirements/{slug}"),
                &[("cookie", cookie.as_str()), ("origin", origin.as_str())],
                &[
                    ("csrf_token", &csrf),
                    ("lang", lang),
                    ("title", &new_title),
                    ("summary", summary),
                    ("body", &new_body),
                    ("action", "save"),
                ],
            ),
        )
        .await?;
        if !status.is_redirection() {
            bail!("saving {slug} ({lang}): HTTP {status} {}", String::from_utf8_lossy(&answer));
        }
        jar.take(&headers);
        // The very next requests, as a reader (no session) in that language.
        let api_item = get_text(addr, &format!("/api/v1/entry-requirements/{slug}?lang={lang}"), &[]).await?;
        let item: Value = serde_json::from_str(&api_item).unwrap_or_default();
        checks.push((
            format!("API item ({lang})"),
            item["title"].as_str() == Some(new_title.as_str())
                && item["body_html"].as_str().is_some_and(|b| b.contains(&marker)),
        ));
        let api_list = get_text(addr, "/api/v1/entry-requirements", &[("accept-language", accept)]).await?;
        let list: Value = serde_json::from_str(&api_list).unwrap_or_default();
        checks.push((
            format!("API list ({lang})"),
            list["items"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|i| i["slug"].as_str() == Some(slug) && i["title"].as_str() == Some(new_title.as_str())),
        ));
        let page_item =
            get_text(addr, &format!("/entry-requirements/{slug}"), &[("accept-language", accept)]).await?;
        checks.push((
            format!("page item ({lang})"),
            page_item.contains(&format!("<p>{marker}</p>")) && page_item.matches(&marker).count() >= 2,
        ));
        let page_list = get_text(addr, "/entry-requirements", &[("accept-language", accept)]).await?;
        checks.push((format!("page list ({lang})"), page_list.contains(&marker)));
    }
    conn.close().await?;
    Ok(checks)
}

async fn get_text(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> anyhow::Result<String> {
    let (status, _, body) = load::once(addr, load::get(path, headers)).await?;
    if status != 200 {
        bail!("GET {path}: HTTP {status}");
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// Sets the places of `port` for a draw a fortnight ahead twice through
/// `PUT /api/v1/admin/capacity` (read in between, so that anything kept in memory is warm), and
/// checks that the public `GET /api/v1/draws/{date}` shows the second value at once.
async fn capacity_visible(addr: SocketAddr, token: &str, port: &str) -> anyhow::Result<String> {
    let bearer = format!("Bearer {token}");
    let date = (chrono::Utc::now() + chrono::Duration::days(14)).format("%Y-%m-%d").to_string();
    let places_of = |draw: &Value| {
        draw["capacity"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["port_code"].as_str() == Some(port))
            .and_then(|p| p["places"].as_i64())
    };
    let mut seen = Vec::new();
    for places in [37, 41] {
        people::json_call(
            addr,
            put_json(
                "/api/v1/admin/capacity",
                &bearer,
                json!({"port_code": port, "draw_date": date, "places": places}),
            ),
            204,
            "PUT /api/v1/admin/capacity",
        )
        .await?;
        let draw = people::json_call(addr, load::get(&format!("/api/v1/draws/{date}"), &[]), 200, "GET draw")
            .await?;
        let shown = places_of(&draw);
        seen.push(format!("{places} → {}", shown.map_or("none".into(), |p| p.to_string())));
        if shown != Some(places) {
            bail!(
                "set {port} to {places} places for {date}, the next GET /api/v1/draws/{date} showed {shown:?}"
            );
        }
    }
    Ok(format!(
        "{port}'s places for the draw of {date} set twice, each shown by the next GET /api/v1/draws/{date}: {}",
        seen.join(", ")
    ))
}

fn put_json(path: &str, bearer: &str, body: Value) -> hyper::Request<http_body_util::Full<bytes::Bytes>> {
    let mut request = load::post_json(path, &[("authorization", bearer)], body.to_string().into_bytes());
    *request.method_mut() = hyper::Method::PUT;
    request
}
