//! Page weight: the bytes on the wire of each traveler-facing page as a first visit fetches it,
//! with `Accept-Encoding: br, gzip` as browsers send it: the page's status line, headers and
//! (compressed) body, plus every stylesheet, script, icon and manifest it links, each fetched
//! the same way. Target: at most 30,000 bytes a page.
//!
//! The signed-in pages are read by a traveler made with `puerta user create` whose page session
//! is written by SQL (as `open_session` writes it); the form pages that need a record (a
//! traveler being entered, a message thread) get one first through the traveler's own forms.
//! Redirects are followed, and counted, as a browser would.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use anyhow::{Context, bail};
use serde_json::json;

use super::Ctx;
use crate::db::{Backend, Plain};
use crate::load;
use crate::people::{self, Jar};
use crate::report::{Figure, Target};
use crate::server::Puerta;

const SCENARIO: &str = "page weight";
const TARGET_BYTES: f64 = 30_000.0;
const TRAVELER: &str = "traveler@bench.example.org";
const ACCEPT_LANGUAGE: &str = "es-MX,es;q=0.9,en;q=0.5";
const ACCEPT_ENCODING: &str = "br, gzip";

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let (dir, backend) = ctx.fresh("page_weight").await?;
    let puerta = Puerta::new(&ctx.bin, &dir, backend.server_url())?;
    puerta.run(&["migrate"], None)?;
    people::create_traveler(&puerta, TRAVELER)?;
    let (mut running, _) = puerta.serve("server.log").await?;
    let outcome = measure(ctx, &puerta, &backend).await;
    running.stop();
    backend.drop_database().await?;
    outcome
}

/// One fetched resource: bytes on the wire, and how they were sent.
#[derive(Clone)]
struct Fetched {
    wire: u64,
    encoding: String,
    uncompressed: u64,
}

async fn measure(ctx: &mut Ctx, puerta: &Puerta, backend: &Backend) -> anyhow::Result<()> {
    let addr = puerta.addr;
    // The traveler reads in Spanish and holds a page session.
    let mut conn = Plain::open(backend).await?;
    conn.execute(&format!("UPDATE users SET language = 'es' WHERE email = '{TRAVELER}'")).await?;
    let id = people::user_id(&mut conn, TRAVELER).await?;
    let token = people::seed_sessions(&mut conn, backend, &[id], "cookie").await?.pop().context("session")?;
    conn.close().await?;
    let mut jar = Jar::default();
    jar.set("puerta_session", &token);

    // Records the form pages need: a traveler being entered (POST /apply/people, as the task
    // list's button does) and a message thread (the API, with the page session and CSRF token).
    let (status, headers, page) = fetch(addr, "/apply", &jar, None).await?;
    if status != 200 {
        bail!("GET /apply as the traveler: HTTP {status}");
    }
    jar.take(&headers);
    let csrf = people::csrf_field(&String::from_utf8_lossy(&page)).context("no CSRF token on /apply")?;
    let origin = format!("http://{addr}");
    let cookie = jar.header();
    let (status, headers, _) = load::once(
        addr,
        load::post_form(
            "/apply/people",
            &[("cookie", &cookie), ("origin", &origin)],
            &[("csrf_token", csrf.as_str())],
        ),
    )
    .await?;
    let draft_page = headers
        .get(hyper::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .with_context(|| format!("POST /apply/people: HTTP {status}, no redirect"))?;
    let thread = people::json_call(
        addr,
        load::post_json(
            "/api/v1/threads",
            &[("cookie", &cookie), ("origin", &origin), ("x-csrf-token", &csrf)],
            json!({"subject": "¿Qué documentos necesito?", "body": "Hola, quiero saber qué documentos llevar a la cita."})
                .to_string()
                .into_bytes(),
        ),
        201,
        "POST /api/v1/threads",
    )
    .await?;
    let thread_id = thread["id"].as_str().context("no thread id")?.to_string();
    let entries =
        people::json_call(addr, load::get("/api/v1/entry-requirements?lang=es", &[]), 200, "entries").await?;
    let slug = entries["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["slug"].as_str())
        .find(|s| !s.starts_with("port-"))
        .context("no entry requirement")?
        .to_string();

    let visitor = Jar::default();
    // (label, path, who reads it): ids in a path would make a new figure name every run.
    let item = format!("/entry-requirements/{slug}");
    let thread = format!("/messages/{thread_id}");
    let pages: Vec<(&str, &str, &Jar)> = vec![
        ("/", "/", &visitor),
        ("/sign-in", "/sign-in", &visitor),
        ("/register", "/register", &visitor),
        ("/forgot-password", "/forgot-password", &visitor),
        ("/language", "/language", &visitor),
        ("/entry-requirements", "/entry-requirements", &visitor),
        ("/entry-requirements/{slug}", &item, &visitor),
        ("/offline", "/offline", &visitor),
        ("/dashboard", "/dashboard", &jar),
        ("/apply", "/apply", &jar),
        ("/apply/drafts/{id}/name (a traveler's form)", &draft_page, &jar),
        ("/apply/address", "/apply/address", &jar),
        ("/apply/port", "/apply/port", &jar),
        ("/apply/check", "/apply/check", &jar),
        ("/appointments", "/appointments", &jar),
        ("/cases", "/cases", &jar),
        ("/messages", "/messages", &jar),
        ("/messages/{id} (a thread)", &thread, &jar),
        ("/notifications", "/notifications", &jar),
        ("/account", "/account", &jar),
        ("/account/notifications", "/account/notifications", &jar),
    ];
    let mut assets: BTreeMap<String, Fetched> = BTreeMap::new();
    let key = ctx.backend_key();
    for (label, path, jar) in pages {
        let signed_in = !std::ptr::eq(jar, &visitor);
        let (html, final_path, hops) = page_html(addr, path, jar).await?;
        let mut total = html.wire;
        let mut parts = vec![format!(
            "HTML {} B ({}, {} B uncompressed{})",
            html.wire,
            html.encoding,
            html.uncompressed,
            if hops > 0 { format!(", {hops} redirect(s) to {final_path}") } else { String::new() }
        )];
        let body = fetch_text(addr, &final_path, jar).await?;
        for href in linked(&body) {
            let asset = match assets.get(&href) {
                Some(a) => a.clone(),
                None => {
                    let a = resource(addr, &href).await?;
                    assets.insert(href.clone(), a.clone());
                    a
                }
            };
            total += asset.wire;
            parts.push(format!("{} {} B ({})", short(&href), asset.wire, asset.encoding));
        }
        ctx.add(
            Figure::new(
                SCENARIO,
                &format!("{label}{} bytes on the wire", if signed_in { ", signed in" } else { "" }),
                total as f64,
                "B",
                key,
            )
            .target(Target::AtMost(TARGET_BYTES))
            .note(format!(
                "{path}: first visit, es, Accept-Encoding: {ACCEPT_ENCODING}; {}",
                parts.join(", ")
            )),
        );
    }
    Ok(())
}

async fn fetch(
    addr: SocketAddr,
    path: &str,
    jar: &Jar,
    encoding: Option<&str>,
) -> anyhow::Result<(hyper::StatusCode, hyper::HeaderMap, bytes::Bytes)> {
    let cookie = jar.header();
    let mut headers = vec![("accept-language", ACCEPT_LANGUAGE), ("accept", "text/html")];
    if !cookie.is_empty() {
        headers.push(("cookie", &cookie));
    }
    if let Some(e) = encoding {
        headers.push(("accept-encoding", e));
    }
    load::once(addr, load::get(path, &headers)).await
}

/// The page as a browser gets it (following redirects, each counted), and where it ended.
async fn page_html(addr: SocketAddr, path: &str, jar: &Jar) -> anyhow::Result<(Fetched, String, usize)> {
    let mut path = path.to_string();
    let mut wire = 0;
    for hops in 0..4 {
        let (status, headers, body) = fetch(addr, &path, jar, Some(ACCEPT_ENCODING)).await?;
        wire += load::head_bytes(status, &headers) + body.len() as u64;
        if status.is_redirection() {
            path = headers
                .get(hyper::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .with_context(|| format!("{path}: a redirect without Location"))?
                .to_string();
            continue;
        }
        if status != 200 {
            bail!("GET {path}: HTTP {status}");
        }
        let encoding = encoding_of(&headers);
        let plain = fetch_text(addr, &path, jar).await?;
        return Ok((Fetched { wire, encoding, uncompressed: plain.len() as u64 }, path, hops));
    }
    bail!("{path}: too many redirects")
}

/// The page's HTML uncompressed (no `Accept-Encoding`), to read its links and size.
async fn fetch_text(addr: SocketAddr, path: &str, jar: &Jar) -> anyhow::Result<String> {
    let (status, _, body) = fetch(addr, path, jar, None).await?;
    if status != 200 {
        bail!("GET {path}: HTTP {status}");
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

async fn resource(addr: SocketAddr, href: &str) -> anyhow::Result<Fetched> {
    let (status, headers, body) =
        load::once(addr, load::get(href, &[("accept-encoding", ACCEPT_ENCODING)])).await?;
    if status != 200 {
        bail!("GET {href}: HTTP {status}");
    }
    let (_, _, plain) = load::once(addr, load::get(href, &[])).await?;
    Ok(Fetched {
        wire: load::head_bytes(status, &headers) + body.len() as u64,
        encoding: encoding_of(&headers),
        uncompressed: plain.len() as u64,
    })
}

fn encoding_of(headers: &hyper::HeaderMap) -> String {
    headers
        .get(hyper::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_string()
}

fn short(href: &str) -> &str {
    href.rsplit('/').next().unwrap_or(href)
}

/// What the page makes a browser fetch: `<link href>` of a stylesheet, icon or manifest,
/// `<script src>` and `<img src>` on this server (same-origin paths).
fn linked(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (tag, attribute) in [("<link ", "href"), ("<script ", "src"), ("<img ", "src")] {
        let mut rest = html;
        while let Some(at) = rest.find(tag) {
            let after = &rest[at..];
            let end = after.find('>').unwrap_or(after.len());
            let element = &after[..end];
            rest = &after[end..];
            if tag == "<link " {
                let rel = attr(element, "rel").unwrap_or_default();
                let fetched = rel.split_whitespace().any(|r| {
                    matches!(
                        r,
                        "stylesheet" | "icon" | "apple-touch-icon" | "manifest" | "preload" | "modulepreload"
                    )
                });
                if !fetched {
                    continue;
                }
            }
            if let Some(url) = attr(element, attribute)
                && url.starts_with('/')
                && !url.starts_with("//")
                && !out.contains(&url)
            {
                out.push(url);
            }
        }
    }
    out
}

fn attr(element: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = element.find(&key)? + key.len();
    let end = element[at..].find('"')?;
    Some(element[at..at + end].replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_those_a_browser_fetches() {
        let html = r#"<head><link rel="manifest" href="/manifest.webmanifest"><link rel="icon" href="/static/icons/icon.svg" type="image/svg+xml">
<link rel="canonical" href="/x"><link rel="stylesheet" href="/static/app.1.css"><script src="/static/app.2.js" defer></script>
<script>inline()</script><img alt="" src="https://elsewhere.example/x.png"></head>"#;
        assert_eq!(
            linked(html),
            vec!["/manifest.webmanifest", "/static/icons/icon.svg", "/static/app.1.css", "/static/app.2.js"]
        );
    }
}
