//! What a file is, decided by its content: the four accepted types, identified by their magic
//! bytes and then checked by walking (JPEG, PNG), parsing (PDF, TIFF) and, for images, fully
//! decoding them (in [`super::strip`]). A name's extension must agree with the content, so the
//! name shown to staff never misleads about what they open.

use super::name::DisplayName;
use super::{DocumentRefusal, image_end, pdf, signatures};

/// 6 MiB: the default largest upload.
pub const DEFAULT_MAX_BYTES: u64 = 6 * 1024 * 1024;

/// The accepted document types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentType {
    Pdf,
    Jpeg,
    Png,
    Tiff,
}

impl DocumentType {
    pub const ALL: [Self; 4] = [Self::Pdf, Self::Jpeg, Self::Png, Self::Tiff];

    /// The media type sent with a download.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Tiff => "image/tiff",
        }
    }

    /// The media type's name as stored (`content_type` column); [`DocumentType::from_mime`]
    /// reads it back.
    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.mime() == mime)
    }

    /// The usual extension, for a download's file name when none was given.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Tiff => "tif",
        }
    }

    fn accepts_extension(self, extension: &str) -> bool {
        match self {
            Self::Pdf => extension == "pdf",
            Self::Jpeg => matches!(extension, "jpg" | "jpeg"),
            Self::Png => extension == "png",
            Self::Tiff => matches!(extension, "tif" | "tiff"),
        }
    }

    /// The type by magic bytes alone, or `None`.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            Some(Self::Tiff)
        } else {
            None
        }
    }

    pub(super) fn image_format(self) -> Option<image::ImageFormat> {
        match self {
            Self::Pdf => None,
            Self::Jpeg => Some(image::ImageFormat::Jpeg),
            Self::Png => Some(image::ImageFormat::Png),
            Self::Tiff => Some(image::ImageFormat::Tiff),
        }
    }
}

/// How large an upload may be, in bytes and, for images, in pixels and decoding memory (a small
/// compressed file can decode to gigabytes: a "decompression bomb").
#[derive(Debug, Clone)]
pub struct UploadLimits {
    pub max_bytes: u64,
    /// Widest and tallest image decoded, in pixels.
    pub max_side: u32,
    /// Memory one decode may use, in bytes.
    pub max_decode_bytes: u64,
    /// Images checked and re-encoded at the same time; more wait their turn.
    pub concurrent: usize,
}

impl Default for UploadLimits {
    fn default() -> Self {
        // An A4 page scanned at 600 dpi is 4,961 × 7,016 pixels (about 100 MiB as RGB).
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            max_side: 12_000,
            max_decode_bytes: 256 * 1024 * 1024,
            concurrent: 2,
        }
    }
}

/// The checks that need no decoding, in the order a person would want to hear about them:
/// empty, too big, name, type, name against type, structure, other formats inside.
pub(super) fn check_envelope(
    bytes: &[u8],
    name: Option<&DisplayName>,
    limits: &UploadLimits,
) -> Result<DocumentType, DocumentRefusal> {
    if bytes.is_empty() {
        return Err(DocumentRefusal::Empty);
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(DocumentRefusal::TooBig { limit_bytes: limits.max_bytes });
    }
    let kind = DocumentType::sniff(bytes).ok_or(DocumentRefusal::Type)?;
    if name.and_then(DisplayName::extension).is_some_and(|extension| !kind.accepts_extension(&extension)) {
        return Err(DocumentRefusal::NameMismatch);
    }
    // The foreign signatures first: a PDF with a ZIP appended is a polyglot before it is a PDF
    // with data after its end.
    if signatures::has_foreign_signature(bytes, kind == DocumentType::Pdf) {
        return Err(DocumentRefusal::Polyglot);
    }
    let end = match kind {
        DocumentType::Pdf => return pdf::check(bytes).map(|()| kind),
        DocumentType::Jpeg => image_end::jpeg_end(bytes)?,
        DocumentType::Png => image_end::png_end(bytes)?,
        DocumentType::Tiff => {
            if image_end::tiff_pages(bytes)? > 1 {
                return Err(DocumentRefusal::Pages);
            }
            bytes.len()
        }
    };
    if end != bytes.len() {
        return Err(DocumentRefusal::Polyglot);
    }
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::samples;

    fn check(bytes: &[u8], name: Option<&str>) -> Result<DocumentType, DocumentRefusal> {
        let name = name.map(|n| DisplayName::parse(n).unwrap());
        check_envelope(bytes, name.as_ref(), &UploadLimits::default())
    }

    #[test]
    fn each_type_is_known_by_content_and_matching_names_pass() {
        for (bytes, kind, names) in [
            (samples::pdf(), DocumentType::Pdf, &["a.pdf", "A.PDF"][..]),
            (samples::jpeg(), DocumentType::Jpeg, &["a.jpg", "a.JPEG"]),
            (samples::png(), DocumentType::Png, &["a.png"]),
            (samples::tiff(), DocumentType::Tiff, &["a.tif", "a.TIFF"]),
        ] {
            assert_eq!(check(&bytes, None), Ok(kind));
            assert_eq!(check(&bytes, Some("no extension")), Ok(kind));
            for name in names {
                assert_eq!(check(&bytes, Some(name)), Ok(kind), "{name}");
            }
            assert_eq!(DocumentType::from_mime(kind.mime()), Some(kind));
        }
    }

    #[test]
    fn a_name_that_says_another_type_is_refused() {
        assert_eq!(check(&samples::jpeg(), Some("scan.pdf")), Err(DocumentRefusal::NameMismatch));
        assert_eq!(check(&samples::pdf(), Some("scan.png")), Err(DocumentRefusal::NameMismatch));
        assert_eq!(check(&samples::png(), Some("scan.exe")), Err(DocumentRefusal::NameMismatch));
        assert_eq!(check(&samples::tiff(), Some("scan.html")), Err(DocumentRefusal::NameMismatch));
    }

    #[test]
    fn empty_big_and_unknown_files_are_refused() {
        assert_eq!(check(b"", None), Err(DocumentRefusal::Empty));
        let limits = UploadLimits { max_bytes: 100, ..UploadLimits::default() };
        assert_eq!(
            check_envelope(&samples::pdf(), None, &limits),
            Err(DocumentRefusal::TooBig { limit_bytes: 100 })
        );
        for other in [
            &b"GIF89a\x01\0\x01\0"[..],
            b"PK\x03\x04\x14\0\0\0",
            b"<html><script>alert(1)</script></html>",
            b"\x7fELF\x02\x01\x01",
            b"MZ\x90\0",
            b"RIFF\0\0\0\0WEBPVP8 ",
            b"  %PDF-1.7",
        ] {
            assert_eq!(check(other, None), Err(DocumentRefusal::Type));
        }
    }

    #[test]
    fn data_after_an_image_is_refused() {
        let zip = b"PK\x03\x04\x14\0\0\0\0\0payload";
        for image in [samples::jpeg(), samples::png()] {
            for tail in [&samples::pdf()[..], zip, b"<?php system($_GET[1]); ?>", b"\0"] {
                let mut polyglot = image.clone();
                polyglot.extend_from_slice(tail);
                assert_eq!(check(&polyglot, None), Err(DocumentRefusal::Polyglot));
            }
        }
    }

    #[test]
    fn truncated_files_and_multi_page_tiffs_are_refused() {
        for bytes in [samples::pdf(), samples::jpeg(), samples::png()] {
            assert_eq!(check(&bytes[..bytes.len() - 3], None), Err(DocumentRefusal::Corrupt));
        }
        assert_eq!(check(&samples::two_page_tiff(), None), Err(DocumentRefusal::Pages));
    }
}
