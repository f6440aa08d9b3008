//! The Entry Requirements every installation starts with: `content/entry-requirements/<lang>/
//! <slug>.md` in the repository, compiled in. Each file opens with `title:`, `summary:` and
//! `order:` lines, a blank line, then Markdown.

use include_dir::{Dir, include_dir};
use puerta_domain::content::ContentVersion;
use puerta_i18n::Language;

static CONTENT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../content/entry-requirements");

/// Parses every bundled file; a malformed one is skipped with a log line (and fails the tests).
pub(crate) fn seed_items(now: i64) -> Vec<ContentVersion> {
    let mut items = Vec::new();
    for language_dir in CONTENT.dirs() {
        let language = language_dir.path().file_name().and_then(|n| n.to_str()).unwrap_or_default();
        for file in language_dir.files() {
            let slug = file.path().file_stem().and_then(|n| n.to_str()).unwrap_or_default();
            match file.contents_utf8().and_then(|text| parse(slug, language, text, now)) {
                Some(item) => items.push(item),
                None => tracing::error!(slug, language, "bundled content file is malformed"),
            }
        }
    }
    items
}

fn parse(slug: &str, language: &str, text: &str, now: i64) -> Option<ContentVersion> {
    let (head, body) = text.split_once("\n\n")?;
    let field = |name: &str| head.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_string());
    Some(ContentVersion {
        slug: slug.to_string(),
        language: Language::parse(language)?,
        version: 1,
        position: field("order:")?.parse().ok()?,
        title: field("title:")?,
        summary: field("summary:")?,
        body_md: body.trim().to_string(),
        author_id: None,
        created_at_ms: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_item_parses_and_exists_in_every_language() {
        let items = seed_items(0);
        let count = CONTENT.dirs().map(|d| d.files().count()).sum::<usize>();
        assert_eq!(items.len(), count, "a file failed to parse");
        let english: Vec<&str> =
            items.iter().filter(|i| i.language == Language::En).map(|i| i.slug.as_str()).collect();
        assert!(english.len() >= 12, "{english:?}");
        for language in Language::ALL {
            for slug in &english {
                assert!(
                    items.iter().any(|i| i.language == language && i.slug == *slug),
                    "{language} lacks {slug}"
                );
            }
        }
        for item in &items {
            assert!(puerta_domain::content::ContentSlug::parse(&item.slug).is_ok(), "{}", item.slug);
            assert!(
                puerta_domain::content::check_edit(&item.title, &item.summary, &item.body_md).is_empty(),
                "{}",
                item.slug
            );
        }
    }
}
