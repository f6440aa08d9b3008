//! Every word a template shows comes from Fluent: once `{{ … }}`, `{% … %}`, `{# … #}` and then
//! tags are removed, no letters may remain in any template.

/// Removes every `open … close` span.
fn strip(source: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start + open.len()..].find(close) {
            Some(end) => rest = &rest[start + open.len() + end + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn templates_hold_no_user_visible_text_outside_fluent() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("templates folder") {
        let path = entry.expect("entry").path();
        let source = std::fs::read_to_string(&path).expect("template");
        let text = [("{{", "}}"), ("{%", "%}"), ("{#", "#}"), ("<", ">")]
            .iter()
            .fold(source, |text, (open, close)| strip(&text, open, close));
        let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
        assert!(letters.is_empty(), "{} shows text not from Fluent: {:?}", path.display(), text.trim());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} templates found");
}

#[test]
fn the_check_catches_a_literal_word() {
    let text = strip(&strip("<p>{{ frame.t(\"x\") }} Hello</p>", "{{", "}}"), "<", ">");
    assert!(text.contains("Hello"));
}
