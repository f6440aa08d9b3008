//! A cheap structural check of a PDF, without a PDF library: hostile PDFs are the classic attack
//! on PDF parsers, and staff open these files in their own viewers, so we only check what a
//! complete, ordinary PDF always has, and refuse what we cannot vouch for.
//!
//! Checked: the `%PDF-1.x`/`%PDF-2.x` header at byte 0; a final `%%EOF` with nothing but
//! white space after it (data after the end is how PDF polyglots and appended payloads are made);
//! a `startxref` offset that points at either a cross-reference table whose every in-use entry
//! points at the object it names, followed by a trailer naming the `/Root`, or at a
//! cross-reference stream (`/Type /XRef`) naming the `/Root`. Refused besides: encryption
//! (`/Encrypt`: staff could not read it) and active content named anywhere in the file outside
//! compressed streams (JavaScript, launch and submit actions, embedded files, rich media, XFA).
//! Not checked: objects inside compressed object streams, older revisions (`/Prev`).

use super::DocumentRefusal;

/// `%%EOF` and `startxref` are looked for in this many bytes at the end, as readers do.
const TAIL: usize = 1024;
/// More cross-reference entries than this is not a document a traveler scanned.
const MAX_ENTRIES: usize = 500_000;

/// Names that make a PDF do something when opened, compared after `#xx` escapes are decoded
/// (`/J#61vaScript` is `/JavaScript`).
const ACTIVE_NAMES: &[&[u8]] = &[
    b"JavaScript",
    b"JS",
    b"Launch",
    b"SubmitForm",
    b"ImportData",
    b"GoToE",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
];

/// Checks `bytes`, which start with `%PDF-`.
pub(super) fn check(bytes: &[u8]) -> Result<(), DocumentRefusal> {
    let version = bytes.get(5..8).ok_or(DocumentRefusal::Corrupt)?;
    if !matches!(version, [b'1' | b'2', b'.', b'0'..=b'9']) {
        return Err(DocumentRefusal::Corrupt);
    }
    let tail_start = bytes.len().saturating_sub(TAIL);
    let eof = rfind(&bytes[tail_start..], b"%%EOF").ok_or(DocumentRefusal::Corrupt)? + tail_start;
    if !bytes[eof + 5..].iter().all(|&b| is_white(b)) {
        return Err(DocumentRefusal::Polyglot);
    }
    let search_from = eof.saturating_sub(TAIL);
    let startxref =
        rfind(&bytes[search_from..eof], b"startxref").ok_or(DocumentRefusal::Corrupt)? + search_from;
    let (offset, _) = token(bytes, startxref + 9).ok_or(DocumentRefusal::Corrupt)?;
    let offset = number(offset).filter(|&o| o < startxref).ok_or(DocumentRefusal::Corrupt)?;

    let trailer = match token(bytes, offset) {
        Some((b"xref", next)) => xref_table(bytes, next)?,
        Some(_) => xref_stream(bytes, offset)?,
        None => return Err(DocumentRefusal::Corrupt),
    };
    if find(trailer, b"/Root").is_none() {
        return Err(DocumentRefusal::Corrupt);
    }
    if find(trailer, b"/Encrypt").is_some() {
        return Err(DocumentRefusal::Encrypted);
    }
    if has_active_content(bytes) {
        return Err(DocumentRefusal::ActiveContent);
    }
    Ok(())
}

/// A classic table: subsections of `first count` and `count` entries `offset generation n|f`,
/// then `trailer` and its dictionary. Returns the dictionary's text.
fn xref_table(bytes: &[u8], mut pos: usize) -> Result<&[u8], DocumentRefusal> {
    let mut entries = 0usize;
    loop {
        let (word, next) = token(bytes, pos).ok_or(DocumentRefusal::Corrupt)?;
        if word == b"trailer" {
            let end = find(&bytes[next..], b"startxref").ok_or(DocumentRefusal::Corrupt)? + next;
            return Ok(&bytes[next..end]);
        }
        let first = number(word).ok_or(DocumentRefusal::Corrupt)?;
        let (count, mut next) = token(bytes, next).ok_or(DocumentRefusal::Corrupt)?;
        let count = number(count).ok_or(DocumentRefusal::Corrupt)?;
        entries = entries.saturating_add(count);
        if entries > MAX_ENTRIES {
            return Err(DocumentRefusal::Corrupt);
        }
        for object in first..first.saturating_add(count) {
            let (offset, after_offset) = token(bytes, next).ok_or(DocumentRefusal::Corrupt)?;
            let (generation, after_generation) =
                token(bytes, after_offset).ok_or(DocumentRefusal::Corrupt)?;
            let (kind, after_kind) = token(bytes, after_generation).ok_or(DocumentRefusal::Corrupt)?;
            let offset = number(offset).ok_or(DocumentRefusal::Corrupt)?;
            let generation = number(generation).ok_or(DocumentRefusal::Corrupt)?;
            match kind {
                b"n" => object_at(bytes, offset, object, generation)?,
                b"f" => {}
                _ => return Err(DocumentRefusal::Corrupt),
            }
            next = after_kind;
        }
        pos = next;
    }
}

/// A cross-reference stream: `N G obj << /Type /XRef … >> stream`. Returns the dictionary.
fn xref_stream(bytes: &[u8], offset: usize) -> Result<&[u8], DocumentRefusal> {
    let (_, after_header) = object_header(bytes, offset).ok_or(DocumentRefusal::Corrupt)?;
    let length = find(&bytes[after_header..], b"stream").ok_or(DocumentRefusal::Corrupt)?;
    let dictionary = &bytes[after_header..after_header + length];
    let compact: Vec<u8> = dictionary.iter().copied().filter(|&b| !is_white(b)).collect();
    if find(&compact, b"/Type/XRef").is_none() {
        return Err(DocumentRefusal::Corrupt);
    }
    Ok(dictionary)
}

/// The object the table names starts where the table says.
fn object_at(bytes: &[u8], offset: usize, object: usize, generation: usize) -> Result<(), DocumentRefusal> {
    match object_header(bytes, offset) {
        Some(((found_object, found_generation), _))
            if found_object == object && found_generation == generation =>
        {
            Ok(())
        }
        _ => Err(DocumentRefusal::Corrupt),
    }
}

/// `N G obj` at `offset`: the numbers and the position after `obj`.
fn object_header(bytes: &[u8], offset: usize) -> Option<((usize, usize), usize)> {
    let (object, next) = token(bytes, offset)?;
    let (generation, next) = token(bytes, next)?;
    let (keyword, next) = token(bytes, next)?;
    (keyword == b"obj").then_some(((number(object)?, number(generation)?), next))
}

/// Whether any name token in the file is one of [`ACTIVE_NAMES`].
fn has_active_content(bytes: &[u8]) -> bool {
    let mut pos = 0;
    while let Some(slash) = bytes[pos..].iter().position(|&b| b == b'/') {
        let start = pos + slash + 1;
        let end = bytes[start..].iter().position(|&b| !is_regular(b)).map_or(bytes.len(), |n| start + n);
        let name = decode_name(&bytes[start..end]);
        if ACTIVE_NAMES.contains(&name.as_slice()) {
            return true;
        }
        pos = end.max(start);
    }
    false
}

/// A name's bytes with `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (raw[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'#', Some(byte)) => {
                name.push(byte);
                i += 3;
            }
            (byte, _) => {
                name.push(byte);
                i += 1;
            }
        }
    }
    name
}

/// The next token from `pos`: white space skipped, then a run of regular characters, or one
/// delimiter. Returns it and the position after it.
fn token(bytes: &[u8], pos: usize) -> Option<(&[u8], usize)> {
    let start = pos + bytes.get(pos..)?.iter().position(|&b| !is_white(b))?;
    let length = bytes[start..].iter().position(|&b| !is_regular(b)).unwrap_or(bytes.len() - start);
    let end = start + length.max(1);
    Some((&bytes[start..end], end))
}

/// A non-negative decimal integer of at most 10 digits (offsets in a 6 MB file need 7).
fn number(token: &[u8]) -> Option<usize> {
    if token.is_empty() || token.len() > 10 || !token.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(token).ok()?.parse().ok()
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    #[test]
    fn a_well_formed_pdf_passes() {
        check(&samples::pdf()).unwrap();
        check(&samples::pdf_with_xref_stream()).unwrap();
    }

    #[test]
    fn truncated_or_broken_structure_is_corrupt() {
        let pdf = samples::pdf();
        for cut in [8, pdf.len() / 2, pdf.len() - 7, pdf.len() - 3] {
            assert_eq!(check(&pdf[..cut]), Err(DocumentRefusal::Corrupt), "cut at {cut}");
        }
        // An offset in the table that no longer points at its object (bytes removed inside).
        let text = String::from_utf8(pdf.clone()).unwrap();
        let shifted = text.replacen("/Type /Catalog", "/Type/Catalog", 1);
        assert_eq!(check(shifted.as_bytes()), Err(DocumentRefusal::Corrupt));
        // A startxref that points nowhere.
        let nowhere = text.replace("startxref\n", "startxref\n9");
        assert_eq!(check(nowhere.as_bytes()), Err(DocumentRefusal::Corrupt));
        // No /Root in the trailer.
        let rootless = text.replace("/Root 1 0 R", "/Size 4   ");
        assert_eq!(check(rootless.as_bytes()), Err(DocumentRefusal::Corrupt));
        assert_eq!(check(b"%PDF-x.y\n%%EOF"), Err(DocumentRefusal::Corrupt));
    }

    #[test]
    fn data_after_the_end_is_refused() {
        let mut pdf = samples::pdf();
        pdf.extend_from_slice(b"\r\n  \n");
        check(&pdf).unwrap();
        pdf.extend_from_slice(b"PK\x03\x04 appended archive");
        assert_eq!(check(&pdf), Err(DocumentRefusal::Polyglot));
    }

    #[test]
    fn encrypted_and_active_pdfs_are_refused() {
        let text = String::from_utf8(samples::pdf()).unwrap();
        let encrypted = text.replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 9 0 R");
        assert_eq!(check(encrypted.as_bytes()), Err(DocumentRefusal::Encrypted));
        for action in ["/JavaScript", "/JS", "/J#53", "/Launch", "/EmbeddedFiles", "/XFA"] {
            let active = text.replace("/Type /Catalog", &format!("/Type /Catalog {action}"));
            let active = samples::fix_xref(&active);
            assert_eq!(check(active.as_bytes()), Err(DocumentRefusal::ActiveContent), "{action}");
        }
        // A name that merely starts like one is fine.
        let harmless = samples::fix_xref(&text.replace("/Type /Catalog", "/Type /Catalog /JSON 1"));
        check(harmless.as_bytes()).unwrap();
    }
}
