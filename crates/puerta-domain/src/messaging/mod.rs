//! Secure messaging between an account holder and the officers: what a subject and a message
//! may be. Messages are plain text: they are stored as written and always shown escaped, with
//! no link made clickable (a message is exactly where a scammer would put one).

/// The longest subject, in characters.
pub const SUBJECT_MAX: usize = 200;
/// The longest message, in characters.
pub const BODY_MAX: usize = 5000;
/// The most documents one message may carry.
pub const ATTACHMENTS_MAX: usize = 5;

/// Why a subject or a message is refused; each is a Fluent id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("error-message-subject-missing")]
    SubjectMissing,
    #[error("error-message-subject-too-long")]
    SubjectTooLong,
    #[error("error-message-body-missing")]
    BodyMissing,
    #[error("error-message-body-too-long")]
    BodyTooLong,
    #[error("error-message-attachments-too-many")]
    TooManyAttachments,
}

/// A thread's subject: one line, trimmed, 1 to [`SUBJECT_MAX`] characters. Control characters
/// (line breaks included) become spaces.
pub fn subject(input: &str) -> Result<String, TextError> {
    let one_line: String = input.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let trimmed = one_line.trim();
    match trimmed.chars().count() {
        0 => Err(TextError::SubjectMissing),
        n if n > SUBJECT_MAX => Err(TextError::SubjectTooLong),
        _ => Ok(trimmed.to_string()),
    }
}

/// A message: trimmed, 1 to [`BODY_MAX`] characters; line breaks and tabs kept, other control
/// characters dropped (they would hide text), `\r\n` read as `\n`.
pub fn body(input: &str) -> Result<String, TextError> {
    let kept: String =
        input.replace("\r\n", "\n").chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    let trimmed = kept.trim();
    match trimmed.chars().count() {
        0 => Err(TextError::BodyMissing),
        n if n > BODY_MAX => Err(TextError::BodyTooLong),
        _ => Ok(trimmed.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_one_trimmed_line_within_the_limit() {
        assert_eq!(subject("  My case \n question "), Ok("My case   question".to_string()));
        assert_eq!(subject(" \n\t "), Err(TextError::SubjectMissing));
        assert_eq!(subject(&"é".repeat(SUBJECT_MAX)).map(|s| s.chars().count()), Ok(SUBJECT_MAX));
        assert_eq!(subject(&"é".repeat(SUBJECT_MAX + 1)), Err(TextError::SubjectTooLong));
    }

    #[test]
    fn bodies_keep_lines_and_drop_hidden_characters() {
        assert_eq!(body("Bonjou\r\nMèsi\u{7}\u{200b}"), Ok("Bonjou\nMèsi\u{200b}".to_string()));
        assert_eq!(body("<script>alert(1)</script>"), Ok("<script>alert(1)</script>".to_string()));
        assert_eq!(body("   "), Err(TextError::BodyMissing));
        assert_eq!(body(&"a".repeat(BODY_MAX + 1)), Err(TextError::BodyTooLong));
    }
}
