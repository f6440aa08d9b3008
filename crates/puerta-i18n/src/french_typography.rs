//! French typography: a narrow no-break space (U+202F; U+00A0 is accepted) goes before `: ; ? !`
//! and inside `« »`, so that a mark never wraps alone onto the next line of a small phone screen.
//! Checked in every French message (rendered, every plural form) and every French Entry
//! Requirements page (title, summary and Markdown body). URLs, Markdown link targets, times
//! like 03:06 and the literal HTTP header `Content-Type:` are left alone.

use std::path::Path;

use crate::{Arg, Language, message_ids, t_args};

const NARROW_NBSP: char = '\u{202F}';
const NBSP: char = '\u{00A0}';

/// Marks that take a no-break space before them in French.
const SPACED_BEFORE: [char; 5] = [':', ';', '?', '!', '»'];

fn is_no_break_space(c: char) -> bool {
    c == NARROW_NBSP || c == NBSP
}

/// `text` with URLs, Markdown link targets, times and code literals replaced by `_`, so that
/// their `:` and `?` are not checked.
fn prose(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text.chars().collect();
    let blank = |chars: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut chars[from..to] {
            *c = '_';
        }
    };
    // URLs, up to the next whitespace, `)` or `>`.
    for scheme in ["https://", "http://", "mailto:"] {
        let pattern: Vec<char> = scheme.chars().collect();
        let mut i = 0;
        while i + pattern.len() <= chars.len() {
            if chars[i..i + pattern.len()] == pattern[..] {
                let end = (i..chars.len())
                    .find(|&j| chars[j].is_whitespace() || chars[j] == ')' || chars[j] == '>')
                    .unwrap_or(chars.len());
                blank(&mut chars, i, end);
                i = end;
            } else {
                i += 1;
            }
        }
    }
    // Markdown link targets: `](…)`.
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i] == ']' && chars[i + 1] == '(' {
            let end = (i..chars.len()).find(|&j| chars[j] == ')').map_or(chars.len(), |j| j + 1);
            blank(&mut chars, i + 1, end);
            i = end;
        } else {
            i += 1;
        }
    }
    // Literal header names that keep their English form.
    for literal in ["Content-Type:"] {
        let pattern: Vec<char> = literal.chars().collect();
        let mut i = 0;
        while i + pattern.len() <= chars.len() {
            if chars[i..i + pattern.len()] == pattern[..] {
                blank(&mut chars, i, i + pattern.len());
                i += pattern.len();
            } else {
                i += 1;
            }
        }
    }
    // Times like 03:06 or 12:00.
    for i in 1..chars.len().saturating_sub(1) {
        if chars[i] == ':' && chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit() {
            chars[i] = '_';
        }
    }
    chars
}

/// Every typography fault in `text`, each with a little context.
fn faults(text: &str) -> Vec<String> {
    let chars = prose(text);
    let original: Vec<char> = text.chars().collect();
    let context = |i: usize| -> String {
        let from = i.saturating_sub(20);
        let to = (i + 20).min(original.len());
        original[from..to].iter().collect::<String>().replace([NARROW_NBSP, NBSP], "⍽").replace('\n', "⏎")
    };
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if SPACED_BEFORE.contains(&c) {
            match i.checked_sub(1).map(|p| chars[p]) {
                Some(' ') => found.push(format!("ordinary space before `{c}` in `{}`", context(i))),
                Some(p) if p.is_whitespace() && !is_no_break_space(p) => {
                    found.push(format!("a breaking space before `{c}` in `{}`", context(i)))
                }
                // No space at all ("Puerta:", "vous?") is wrong in French too; `»` always needs one.
                Some(p) if !p.is_whitespace() && p != '_' => {
                    found.push(format!("no no-break space before `{c}` in `{}`", context(i)))
                }
                _ => {}
            }
        }
        if c == '«' {
            match chars.get(i + 1) {
                Some(' ') => found.push(format!("ordinary space after `«` in `{}`", context(i))),
                Some(&n) if !is_no_break_space(n) => {
                    found.push(format!("no no-break space after `«` in `{}`", context(i)))
                }
                _ => {}
            }
        }
    }
    found
}

#[test]
fn the_checker_finds_ordinary_spaces_and_accepts_no_break_spaces() {
    assert_eq!(faults("Mot de passe oublié ?").len(), 1);
    assert_eq!(faults("Puerta : nouvelle connexion").len(), 1);
    assert_eq!(faults("le mot « Puerta »").len(), 2);
    assert_eq!(faults("Attention !").len(), 1);
    assert_eq!(faults("Puerta: sans espace").len(), 1);
    assert!(faults("Mot de passe oublié\u{202F}?").is_empty());
    assert!(faults("le mot «\u{202F}Puerta\u{202F}»\u{a0}; ensuite\u{202F}!").is_empty());
    assert!(faults("à 03:06, heure du Pacifique").is_empty());
    assert!(faults("ouvrez https://puerta.example/reset?code=1 maintenant").is_empty());
    assert!(faults("lisez [cette page](https://puerta.example/a?b=c) ici").is_empty());
    assert!(faults("avec Content-Type: application/json").is_empty());
}

#[test]
fn every_french_message_puts_a_no_break_space_before_high_punctuation() {
    let mut found = Vec::new();
    for id in message_ids(Language::Fr) {
        // Two counts, so that both plural forms are rendered.
        for count in [1, 3] {
            let args = [
                "name",
                "code",
                "time",
                "link",
                "seconds",
                "minutes",
                "id",
                "email",
                "date",
                "version",
                "port",
                "deadline",
                "number",
                "references",
                "reference",
                "status",
                "scheduled_at",
                "due",
                "at",
                "granted",
                "expired",
                "subject",
                "zone",
            ]
            .into_iter()
            .map(|name| (name, Arg::from("x")))
            .chain([("count", Arg::from(count))])
            .collect();
            let text = t_args(Language::Fr, &id, args);
            for fault in faults(&text) {
                let fault = format!("fr {id}: {fault}");
                if !found.contains(&fault) {
                    found.push(fault);
                }
            }
        }
    }
    assert!(found.is_empty(), "French typography (use U+202F):\n{}", found.join("\n"));
}

#[test]
fn every_french_entry_requirements_page_puts_a_no_break_space_before_high_punctuation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/entry-requirements/fr");
    let mut pages = 0;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the French pages") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        pages += 1;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("a UTF-8 page");
        let (head, body) = text.split_once("\n\n").unwrap_or(("", &text));
        // The `title:`, `summary:` and `order:` keys are syntax; only their values are French.
        let values = head.lines().map(|line| line.split_once(':').map_or(line, |(_, value)| value));
        for part in values.chain([body]) {
            found.extend(faults(part).into_iter().map(|f| format!("{name}: {f}")));
        }
    }
    assert!(pages >= 12, "only {pages} French pages in {}", dir.display());
    assert!(found.is_empty(), "French typography (use U+202F):\n{}", found.join("\n"));
}
