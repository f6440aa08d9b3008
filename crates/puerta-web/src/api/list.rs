//! The one list shape of the API: `{"items": [...], "next_cursor": "…" | null}`, asked for with
//! `?cursor=&limit=` (see docs/API.md). Lists that the application pages in the database build
//! the body themselves; small reference lists (ports, Entry Requirements) are paged here.

use serde::Deserialize;
use utoipa::IntoParams;

use super::problem::ApiError;

/// `?cursor=<next_cursor>&limit=<n>`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct PageParams {
    /// The `next_cursor` of the previous page; leave out for the first page.
    #[param(max_length = 200)]
    pub cursor: Option<String>,
    /// Items per page, 1–100; default 100.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

/// One page of `items` (already in their order) after the item whose key is the cursor, and
/// the cursor of the next page. An unknown cursor is refused, never silently restarted.
pub fn page<T>(
    items: Vec<T>,
    key: impl Fn(&T) -> String,
    params: &PageParams,
) -> Result<(Vec<T>, Option<String>), ApiError> {
    let limit = usize::try_from(params.limit.unwrap_or(100).clamp(1, 100)).unwrap_or(100);
    let start = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => 0,
        Some(cursor) => {
            items
                .iter()
                .position(|item| key(item) == cursor)
                .ok_or_else(|| ApiError::field("cursor", "error-cursor-invalid"))?
                + 1
        }
    };
    let rest: Vec<T> = items.into_iter().skip(start).collect();
    let more = rest.len() > limit;
    let page: Vec<T> = rest.into_iter().take(limit).collect();
    let next = if more { page.last().map(&key) } else { None };
    Ok((page, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(cursor: Option<&str>, limit: i64) -> PageParams {
        PageParams { cursor: cursor.map(str::to_string), limit: Some(limit) }
    }

    #[test]
    fn pages_follow_each_other_to_the_end_and_a_bad_cursor_is_refused() {
        let items = vec!["a", "b", "c"];
        let key = |s: &&str| s.to_string();
        assert_eq!(page(items.clone(), key, &params(None, 2)).ok(), Some((vec!["a", "b"], Some("b".into()))));
        assert_eq!(page(items.clone(), key, &params(Some("b"), 2)).ok(), Some((vec!["c"], None)));
        assert_eq!(
            page(items.clone(), key, &params(None, 0)).ok(),
            Some((vec!["a"], Some("a".into()))),
            "at least one"
        );
        assert!(page(items, key, &params(Some("zz"), 2)).is_err());
    }
}
