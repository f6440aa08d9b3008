//! Published content: the rules for what an editor may save.

/// `documents-to-bring`, `port-sys`: lower-case letters, digits and single dashes, 1–80 long.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ContentSlug(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("error-content-slug")]
    Slug,
    #[error("error-content-title")]
    Title,
    #[error("error-content-summary")]
    Summary,
    #[error("error-content-body")]
    Body,
}

impl ContentSlug {
    pub fn parse(input: &str) -> Result<Self, ContentError> {
        let valid = (1..=80).contains(&input.len())
            && input.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-')
            && !input.contains("--");
        if valid { Ok(Self(input.to_string())) } else { Err(ContentError::Slug) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One version of one item in one language. Every edit adds a version; the newest is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentVersion {
    pub slug: String,
    pub language: crate::accounts::Language,
    pub version: i64,
    pub position: i64,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub author_id: Option<crate::ids::UserId>,
    pub created_at_ms: i64,
}

/// Checks an edit: a title of 1–200 characters, a summary of at most 300, a body of 1–50,000.
pub fn check_edit(title: &str, summary: &str, body: &str) -> Vec<(&'static str, ContentError)> {
    let mut problems = Vec::new();
    if !(1..=200).contains(&title.trim().chars().count()) {
        problems.push(("title", ContentError::Title));
    }
    if summary.trim().chars().count() > 300 {
        problems.push(("summary", ContentError::Summary));
    }
    if !(1..=50_000).contains(&body.trim().chars().count()) {
        problems.push(("body", ContentError::Body));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_lower_case_words() {
        assert!(ContentSlug::parse("port-sys").is_ok());
        for bad in ["", "Port", "a--b", "-a", "a-", "a/b", "ñ"] {
            assert_eq!(ContentSlug::parse(bad), Err(ContentError::Slug), "{bad}");
        }
    }

    #[test]
    fn an_edit_needs_a_title_and_a_body() {
        assert_eq!(check_edit("", "", "").iter().map(|p| p.0).collect::<Vec<_>>(), ["title", "body"]);
        assert!(check_edit("T", "S", "B").is_empty());
    }
}
