//! Why an upload was refused. Each variant is one Fluent message (in `locales/<lang>/main.ftl`),
//! so the web layer can answer with a problem in the reader's language without holding text.

/// An upload that will not be stored. Nothing about the file's content is kept in the error:
/// a refusal may be logged, and the content is the traveler's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentRefusal {
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Larger than the configured limit (`limit_bytes`, for the message's `$limit`).
    #[error("the file is larger than {limit_bytes} bytes")]
    TooBig { limit_bytes: u64 },
    /// Not a PDF, JPEG, PNG or TIFF by its content.
    #[error("the file is not a PDF, JPEG, PNG or TIFF")]
    Type,
    /// The content is one of the four types, but the name's extension says another
    /// (or names a type we do not take), so the name would mislead whoever opens it.
    #[error("the file's name does not match its content")]
    NameMismatch,
    /// Truncated, damaged, or not decodable as the type it claims to be.
    #[error("the file is damaged or incomplete")]
    Corrupt,
    /// More than one thing at once: data after the image's or PDF's end, or the signature of
    /// another format (ZIP, HTML, script, PDF inside an image) where other programs look for it.
    #[error("the file holds other content besides the document")]
    Polyglot,
    /// A PDF with active content (JavaScript, launch actions, embedded files).
    #[error("the PDF holds scripts, actions or attached files")]
    ActiveContent,
    /// A password-protected (encrypted) PDF, which staff could not read.
    #[error("the PDF is protected by a password")]
    Encrypted,
    /// An image wider or taller than we decode, or one that would need too much memory.
    #[error("the image has too many pixels")]
    Pixels,
    /// A TIFF with several pages: re-encoding keeps one page, so the others would be lost.
    #[error("the TIFF has more than one page")]
    Pages,
    /// A name with path tricks (`/`, `\`, `..`, NUL, control or bidirectional characters),
    /// a reserved device name, or too long.
    #[error("the file's name is not acceptable")]
    Name,
}

impl DocumentRefusal {
    /// The Fluent message id that explains the refusal and what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "error-document-empty",
            Self::TooBig { .. } => "error-document-too-big",
            Self::Type => "error-document-type",
            Self::NameMismatch => "error-document-name-mismatch",
            Self::Corrupt => "error-document-corrupt",
            Self::Polyglot => "error-document-polyglot",
            Self::ActiveContent => "error-document-active-content",
            Self::Encrypted => "error-document-encrypted",
            Self::Pixels => "error-document-pixels",
            Self::Pages => "error-document-pages",
            Self::Name => "error-document-name",
        }
    }

    /// A short machine code for the API's problem `code` (the message id without its prefix).
    pub fn code(self) -> &'static str {
        self.message_id().trim_start_matches("error-document-")
    }
}

#[cfg(test)]
mod tests {
    use super::DocumentRefusal::*;

    #[test]
    fn every_refusal_has_its_own_message() {
        let all = [
            Empty,
            TooBig { limit_bytes: 1 },
            Type,
            NameMismatch,
            Corrupt,
            Polyglot,
            ActiveContent,
            Encrypted,
            Pixels,
            Pages,
            Name,
        ];
        let ids: std::collections::BTreeSet<_> = all.iter().map(|r| r.message_id()).collect();
        assert_eq!(ids.len(), all.len());
        assert!(ids.iter().all(|id| id.starts_with("error-document-")));
        assert_eq!(TooBig { limit_bytes: 9 }.code(), "too-big");
    }
}
