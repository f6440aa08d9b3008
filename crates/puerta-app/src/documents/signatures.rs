//! Signatures of other formats where other programs look for them, so a file that one program
//! opens as our document and another as something else (a polyglot) is refused. Each is looked
//! for only where it counts, which keeps false alarms on compressed data near nil: browsers sniff
//! HTML in the first bytes, PDF readers accept `%PDF-` within the first 1024 bytes, and ZIP
//! readers find an archive by its end record at the end of the file.

/// Bytes sniffed at the start of a file by browsers and PDF readers.
const HEAD: usize = 1024;

/// Markup and script openers that make a browser or a server treat bytes as a page or code.
const MARKUP: &[&[u8]] =
    &[b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg", b"<!doctype", b"<?php", b"<%@"];

/// Whether `bytes` carry another format's signature. `is_pdf`: the `%PDF-` at byte 0 is the
/// document's own.
pub(super) fn has_foreign_signature(bytes: &[u8], is_pdf: bool) -> bool {
    let head = &bytes[..bytes.len().min(HEAD)];
    let lowered = head.to_ascii_lowercase();
    if MARKUP.iter().any(|marker| contains(&lowered, marker)) {
        return true;
    }
    let pdf_from = if is_pdf { 1 } else { 0 };
    if contains(&head[pdf_from.min(head.len())..], b"%PDF-") {
        return true;
    }
    has_zip_end_record(bytes)
}

/// A ZIP archive's end-of-central-directory record (`PK\x05\x06`, 22 bytes plus a comment of
/// at most 65,535 bytes) whose comment length reaches exactly to the end of the file, as ZIP
/// readers look for it.
fn has_zip_end_record(bytes: &[u8]) -> bool {
    let from = bytes.len().saturating_sub(22 + 65_535);
    let tail = &bytes[from..];
    tail.windows(4).enumerate().any(|(i, window)| {
        window == b"PK\x05\x06"
            && tail.get(i + 20..i + 22).is_some_and(|length| {
                let comment = usize::from(u16::from_le_bytes([length[0], length[1]]));
                i + 22 + comment == tail.len()
            })
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    #[test]
    fn clean_files_have_no_foreign_signature() {
        assert!(!has_foreign_signature(&samples::pdf(), true));
        for image in [samples::jpeg(), samples::png(), samples::tiff(), samples::jpeg_with_gps()] {
            assert!(!has_foreign_signature(&image, false));
        }
    }

    #[test]
    fn markup_pdf_headers_and_zip_archives_are_seen() {
        let mut with_html = samples::pdf();
        with_html.splice(9..9, b"%<HTML><Script>alert(1)</script>\n".iter().copied());
        assert!(has_foreign_signature(&with_html, true));

        let mut tiff_with_pdf = samples::tiff();
        tiff_with_pdf.splice(8..8, b"%PDF-1.4".iter().copied());
        assert!(has_foreign_signature(&tiff_with_pdf, false));
        // A second PDF header inside a PDF's first bytes.
        let mut two_headers = samples::pdf();
        two_headers.splice(9..9, b"%PDF-1.4\n".iter().copied());
        assert!(has_foreign_signature(&two_headers, true));

        let mut with_zip = samples::tiff();
        with_zip.extend_from_slice(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x03\0abc");
        assert!(has_foreign_signature(&with_zip, false));
        // The same bytes not at the end are not a ZIP reader's end record.
        with_zip.extend_from_slice(b"more");
        assert!(!has_foreign_signature(&with_zip, false));
    }
}
