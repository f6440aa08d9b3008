use pulldown_cmark::{Options, Parser, html};

/// Markdown to HTML (pulldown-cmark), then sanitized (ammonia): whatever an editor types, the
/// page gets no script, no event handler, no style and no foreign frame.
pub fn render_markdown(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default().link_rel(Some("noopener noreferrer")).clean(&unsafe_html).to_string()
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
}
