use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use pulldown_cmark::{Options, Parser, html};
use sha2::{Digest, Sha256};

/// Markdown to HTML (pulldown-cmark), then sanitized (ammonia): whatever an editor types, the
/// page gets no script, no event handler, no style and no foreign frame. This does the work every
/// time (for previews of drafts); stored versions are read through [`rendered_body`].
pub fn render_markdown(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default().link_rel(Some("noopener noreferrer")).clean(&unsafe_html).to_string()
}

/// Rendered bodies by the SHA-256 of their Markdown. Rendering is a pure function of the text,
/// so the digest names a version's HTML exactly, in every database, and a stored version is
/// parsed and sanitized once per process instead of at every read.
struct Rendered {
    by_digest: HashMap<[u8; 32], Arc<str>>,
    bytes: usize,
}

/// Far above every version of every item (bodies are at most 50,000 characters); when reached,
/// the cache starts again empty rather than grow.
const BUDGET_BYTES: usize = 32 * 1024 * 1024;

static RENDERED: LazyLock<Mutex<Rendered>> =
    LazyLock::new(|| Mutex::new(Rendered { by_digest: HashMap::new(), bytes: 0 }));

fn digest(markdown: &str) -> [u8; 32] {
    Sha256::digest(markdown.as_bytes()).into()
}

/// The sanitized HTML of a stored body, rendered at its first read only.
pub(crate) fn rendered_body(markdown: &str) -> Arc<str> {
    let key = digest(markdown);
    if let Some(hit) = RENDERED.lock().unwrap_or_else(PoisonError::into_inner).by_digest.get(&key) {
        return Arc::clone(hit);
    }
    // Rendered outside the lock: two first readers may both render; one result is kept.
    let html: Arc<str> = render_markdown(markdown).into();
    let mut cache = RENDERED.lock().unwrap_or_else(PoisonError::into_inner);
    if cache.bytes + html.len() > BUDGET_BYTES {
        cache.by_digest.clear();
        cache.bytes = 0;
    }
    let kept = Arc::clone(cache.by_digest.entry(key).or_insert_with(|| Arc::clone(&html)));
    if Arc::ptr_eq(&kept, &html) {
        cache.bytes += html.len();
    }
    kept
}

#[cfg(test)]
pub(crate) fn is_cached(markdown: &str) -> bool {
    RENDERED.lock().unwrap_or_else(PoisonError::into_inner).by_digest.contains_key(&digest(markdown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_without_anything_dangerous() {
        let html = render_markdown(
            "## Bring\n\n- passport\n\n<script>alert(1)</script><a href=\"javascript:x\" onclick=\"y\">z</a>",
        );
        assert!(html.contains("<h2>Bring</h2>") && html.contains("<li>passport</li>"), "{html}");
        assert!(
            !html.contains("<script") && !html.contains("javascript:") && !html.contains("onclick"),
            "{html}"
        );
    }

    #[test]
    fn a_stored_body_is_rendered_once_and_then_read_from_memory() {
        let body = format!("## Once {}\n\n<script>x()</script>text", uuid::Uuid::new_v4());
        assert!(!is_cached(&body));
        let first = rendered_body(&body);
        assert!(is_cached(&body));
        let second = rendered_body(&body);
        assert!(Arc::ptr_eq(&first, &second), "the second read did not render again");
        assert_eq!(&*first, render_markdown(&body), "the same HTML as rendering afresh");
        assert!(!first.contains("<script"));
    }
}
