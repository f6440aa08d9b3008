//! Every problem with a form at once, field by field, so a traveler fixes everything in one pass
//! instead of discovering one mistake per submission (GOV.UK error summary).

/// One field's problem: the field's name as the API spells it (`given_name`, `document.type`) and
/// the Fluent id of its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message_id: String,
}

/// The problems found, in form order. Empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records `message_id` (any error whose `Display` is a message id) against `field`.
    pub fn push(&mut self, field: &'static str, message_id: impl ToString) {
        self.0.push(FieldError { field, message_id: message_id.to_string() });
    }

    /// The value if `result` is `Ok`; otherwise records its error against `field`.
    pub fn check<T, E: ToString>(&mut self, field: &'static str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.push(field, error);
                None
            }
        }
    }

    /// Adds another form's problems (a nested object), keeping their order.
    pub fn extend(&mut self, other: FieldErrors) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// The message for `field`, if it has a problem (the first one: each field reports one).
    pub fn message_for(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message_id.as_str())
    }

    /// The fields with problems, in order.
    pub fn fields(&self) -> Vec<&'static str> {
        self.0.iter().map(|e| e.field).collect()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_in_order() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.check::<u8, &str>("a", Ok(1)), Some(1));
        assert_eq!(errors.check::<u8, &str>("b", Err("error-b")), None);
        errors.push("c", "error-c");
        assert_eq!(errors.fields(), ["b", "c"]);
        assert_eq!(errors.message_for("c"), Some("error-c"));
        assert_eq!(errors.message_for("a"), None);
        assert_eq!(errors.len(), 2);
    }
}
