//! Answers that are the same for everyone, kept as bytes: the ports' and the Entry
//! Requirements' JSON, and the Entry Requirements pages as a visitor (signed out, no query)
//! sees them. Each is made from one of the application's published snapshots and kept under
//! that snapshot's generation ([`puerta_app::content::PublishedEntries::generation`]): when an
//! edit moves the generation, the next request makes the bytes again. A page showing the time
//! at a port is also kept for its minute only.
//!
//! Each kept answer carries a weak `ETag` (a digest of its bytes), and a request whose
//! `If-None-Match` names it is answered `304 Not Modified` without a body. Weak, because the same
//! content goes out in several encodings: each answer is also kept brotli- and gzip-compressed
//! (made at the first request that accepts them), so a browser's request costs no compression
//! (the compression layer leaves an encoded answer as it is).

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use axum::body::{Body, Bytes};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use data_encoding::HEXLOWER;
use puerta_i18n::Language;
use sha2::{Digest, Sha256};

/// What kind of answer, with its language, names a shelf; the item on it is named by a slug
/// or a port code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shelf {
    PortList,
    Port,
    EntryList,
    EntryItem,
    EntryListPage,
    EntryItemPage,
}

/// One kept answer body.
pub struct Kept {
    bytes: Bytes,
    etag: HeaderValue,
    generation: u64,
    minute: Option<i64>,
    brotli: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
}

impl Kept {
    fn new(bytes: Bytes, generation: u64, minute: Option<i64>) -> Self {
        let digest = Sha256::digest(&bytes);
        let etag = format!("W/\"{}\"", HEXLOWER.encode(&digest[..12]));
        // Hex digits and quotes only: always a valid header value.
        let etag = HeaderValue::from_str(&etag).unwrap_or_else(|_| HeaderValue::from_static("W/\"-\""));
        Self { bytes, etag, generation, minute, brotli: OnceLock::new(), gzip: OnceLock::new() }
    }

    /// The body in `encoding` (`None` if it could not be encoded: then sent as it is).
    fn encoded(&self, encoding: Encoding) -> Option<Bytes> {
        let (kept, encode): (_, Encoder) = match encoding {
            Encoding::Brotli => (&self.brotli, brotli_of),
            Encoding::Gzip => (&self.gzip, gzip_of),
        };
        if let Some(bytes) = kept.get() {
            return Some(bytes.clone());
        }
        match encode(&self.bytes) {
            Ok(encoded) => Some(kept.get_or_init(|| Bytes::from(encoded)).clone()),
            Err(e) => {
                tracing::error!(error = %e, "a kept answer does not compress");
                None
            }
        }
    }
}

/// Compresses a body.
type Encoder = fn(&[u8]) -> std::io::Result<Vec<u8>>;

/// The encodings kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Self::Brotli => "br",
            Self::Gzip => "gzip",
        }
    }
}

/// Compressed once per kept answer, so harder than the compression layer compresses per request.
fn brotli_of(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams { quality: 9, lgwin: 22, ..Default::default() };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

fn gzip_of(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// The encoding to send for `Accept-Encoding`: the kept one with the highest weight (brotli on
/// a tie), as the compression layer chooses; none when neither is accepted.
fn chosen(accept_encoding: Option<&HeaderValue>) -> Option<Encoding> {
    let text = accept_encoding?.to_str().ok()?;
    let weight = |encoding: Encoding| {
        text.split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let name = pieces.next()?.trim();
                name.eq_ignore_ascii_case(encoding.name()).then(|| {
                    pieces
                        .find_map(|p| p.trim().strip_prefix("q="))
                        .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                        .unwrap_or(0.0)
                })
            })
            .next()
            .unwrap_or(0.0)
    };
    let (br, gzip) = (weight(Encoding::Brotli), weight(Encoding::Gzip));
    if br > 0.0 && br >= gzip {
        Some(Encoding::Brotli)
    } else if gzip > 0.0 {
        Some(Encoding::Gzip)
    } else {
        None
    }
}

type Items = HashMap<Box<str>, Arc<Kept>>;

/// Every kept answer. Its size is bounded by what is published: only found items are kept
/// (a slug or code is checked against the snapshot first), one per language and kind.
#[derive(Default)]
pub struct PublicCache {
    shelves: RwLock<HashMap<(Shelf, Language), Items>>,
}

impl PublicCache {
    /// The kept answer for `name`, if it was made under `generation` (and `minute`); else
    /// `make` makes it, and it is kept. With no generation (the application did not keep the
    /// snapshot), it is made and not kept.
    pub fn get_or_make<E>(
        &self,
        (shelf, language, name): (Shelf, Language, &str),
        generation: Option<u64>,
        minute: Option<i64>,
        make: impl FnOnce() -> Result<Bytes, E>,
    ) -> Result<Arc<Kept>, E> {
        let Some(generation) = generation else {
            return Ok(Arc::new(Kept::new(make()?, 0, minute)));
        };
        {
            let shelves = self.shelves.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(kept) = shelves.get(&(shelf, language)).and_then(|items| items.get(name))
                && kept.generation == generation
                && kept.minute == minute
            {
                return Ok(Arc::clone(kept));
            }
        }
        let kept = Arc::new(Kept::new(make()?, generation, minute));
        let mut shelves = self.shelves.write().unwrap_or_else(PoisonError::into_inner);
        shelves.entry((shelf, language)).or_default().insert(name.into(), Arc::clone(&kept));
        Ok(kept)
    }
}

/// What a kept answer needs of the request, taken without copying the other headers.
pub struct CacheHeaders {
    if_none_match: Option<HeaderValue>,
    accept_encoding: Option<HeaderValue>,
}

impl<S: Send + Sync> FromRequestParts<S> for CacheHeaders {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self {
            if_none_match: parts.headers.get(header::IF_NONE_MATCH).cloned(),
            accept_encoding: parts.headers.get(header::ACCEPT_ENCODING).cloned(),
        })
    }
}

/// What an answer varies with: its encoding always, and the language when the `lang` cookie or
/// `Accept-Language` chose it.
const BY_ENCODING: &str = "accept-encoding";
const BY_ENCODING_AND_LANGUAGE: &str = "accept-encoding, accept-language, cookie";

/// `200` with the kept bytes (compressed when the request accepts it), or `304` when the
/// request already holds them. `cache_control` (when given) and `Vary` go on both.
pub fn answer(
    kept: &Kept,
    request: &CacheHeaders,
    content_type: &'static str,
    cache_control: Option<&'static str>,
    by_language: bool,
) -> Response {
    let not_modified = request.if_none_match.as_ref().is_some_and(|v| matches(v, &kept.etag));
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let encoded = chosen(request.accept_encoding.as_ref())
            .and_then(|encoding| Some((encoding, kept.encoded(encoding)?)));
        let mut response = match encoded {
            Some((encoding, bytes)) => {
                let mut response = Response::new(Body::from(bytes));
                let name = HeaderValue::from_static(encoding.name());
                response.headers_mut().insert(header::CONTENT_ENCODING, name);
                response
            }
            None => Response::new(Body::from(kept.bytes.clone())),
        };
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        response
    };
    let out = response.headers_mut();
    out.insert(header::ETAG, kept.etag.clone());
    let vary = if by_language { BY_ENCODING_AND_LANGUAGE } else { BY_ENCODING };
    out.insert(header::VARY, HeaderValue::from_static(vary));
    if let Some(policy) = cache_control {
        out.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// `If-None-Match` (a list of entity tags, or `*`) against ours, by weak comparison: the
/// opaque tags, ignoring `W/`.
fn matches(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(list) = if_none_match.to_str() else { return false };
    let ours = etag.to_str().unwrap_or_default();
    list.split(',').any(|tag| tag.trim() == "*" || opaque(tag) == opaque(ours))
}

fn opaque(tag: &str) -> &str {
    tag.trim().trim_start_matches("W/")
}

pub const JSON: &str = "application/json";
pub const HTML: &str = "text/html; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &'static str, generation: u64) -> Kept {
        Kept::new(Bytes::from_static(text.as_bytes()), generation, None)
    }

    #[test]
    fn kept_bytes_are_served_only_under_their_generation_and_minute() {
        let cache = PublicCache::default();
        let key = (Shelf::EntryItem, Language::Es, "on-the-day");
        let made = |text: &'static str| move || Ok::<_, ()>(Bytes::from_static(text.as_bytes()));
        let first = cache.get_or_make(key, Some(1), None, made("one")).unwrap_or_else(|()| unreachable!());
        let again = cache.get_or_make(key, Some(1), None, made("two")).unwrap_or_else(|()| unreachable!());
        assert_eq!(again.bytes, first.bytes, "kept");
        let edited = cache.get_or_make(key, Some(2), None, made("two")).unwrap_or_else(|()| unreachable!());
        assert_eq!(edited.bytes, "two", "made again under the new generation");
        let later =
            cache.get_or_make(key, Some(2), Some(9), made("three")).unwrap_or_else(|()| unreachable!());
        assert_eq!(later.bytes, "three", "another minute");
        let other = (Shelf::EntryItem, Language::Ht, "on-the-day");
        let ht = cache.get_or_make(other, Some(2), Some(9), made("ht")).unwrap_or_else(|()| unreachable!());
        assert_eq!(ht.bytes, "ht", "languages apart");
        let unkept = cache.get_or_make(key, None, Some(9), made("four")).unwrap_or_else(|()| unreachable!());
        assert_eq!(unkept.bytes, "four");
        let still =
            cache.get_or_make(key, Some(2), Some(9), made("five")).unwrap_or_else(|()| unreachable!());
        assert_eq!(still.bytes, "three", "an unkept read replaces nothing");
    }

    fn asking(if_none_match: Option<&str>, accept_encoding: Option<&'static str>) -> CacheHeaders {
        CacheHeaders {
            if_none_match: if_none_match.and_then(|v| HeaderValue::from_str(v).ok()),
            accept_encoding: accept_encoding.map(HeaderValue::from_static),
        }
    }

    #[test]
    fn a_request_holding_the_bytes_gets_304_with_the_same_etag() {
        let body = kept("{\"a\":1}", 1);
        let fresh = answer(&body, &asking(None, None), JSON, Some("no-cache"), false);
        assert_eq!(fresh.status(), StatusCode::OK);
        let etag = fresh.headers()[header::ETAG].to_str().unwrap_or_default().to_string();
        assert!(etag.starts_with("W/\""), "{etag}");
        for held in [etag.clone(), format!("\"x\", {}", &etag[2..]), "*".into()] {
            let again = answer(&body, &asking(Some(&held), None), JSON, Some("no-cache"), true);
            assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{held}");
            let headers = again.headers();
            assert_eq!(
                (headers[header::ETAG].to_str().ok(), headers[header::CACHE_CONTROL].to_str().ok()),
                (Some(etag.as_str()), Some("no-cache"))
            );
            assert_eq!(headers[header::VARY], BY_ENCODING_AND_LANGUAGE);
        }
        assert_eq!(
            answer(&body, &asking(Some("W/\"other\""), None), JSON, None, false).status(),
            StatusCode::OK
        );
    }

    #[tokio::test]
    async fn the_bytes_go_out_compressed_as_the_request_accepts() {
        use http_body_util::BodyExt;
        use std::io::Read;

        let text = "<p>Traiga su pasaporte y la confirmación.</p>".repeat(50);
        let body = Kept::new(Bytes::from(text.clone()), 1, None);
        for (accept, encoding) in [
            (None, None),
            (Some("gzip, deflate, br"), Some("br")),
            (Some("gzip"), Some("gzip")),
            (Some("br;q=0.5, gzip"), Some("gzip")),
            (Some("br;q=0, gzip;q=0"), None),
            (Some("deflate"), None),
        ] {
            let response = answer(&body, &asking(None, accept), HTML, None, false);
            let sent = response
                .headers()
                .get(header::CONTENT_ENCODING)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            assert_eq!(sent.as_deref(), encoding, "{accept:?}");
            assert_eq!(response.headers()[header::VARY], BY_ENCODING);
            let bytes = response.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            let mut plain = String::new();
            let read = match encoding {
                Some("br") => brotli::Decompressor::new(&bytes[..], 4096).read_to_string(&mut plain),
                Some(_) => flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut plain),
                None => (&bytes[..]).read_to_string(&mut plain),
            };
            assert!(read.is_ok(), "{accept:?}");
            assert_eq!(plain, text, "{accept:?}");
            if encoding.is_some() {
                assert!(bytes.len() < text.len() / 4, "{accept:?}: {}", bytes.len());
            }
        }
    }
}
