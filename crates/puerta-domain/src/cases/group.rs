//! A group: the account holder and up to 9 companions, who travel together, share one US
//! destination address and are submitted as one application (each still gets their own case and
//! decision).

use std::collections::HashSet;
use std::hash::Hash;

/// The account holder + 9 companions.
pub const MAX_GROUP_SIZE: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    /// An 11th traveler (`422 group_full`).
    #[error("problem-group_full")]
    Full,
    /// An application with no traveler in it.
    #[error("error-group-empty")]
    Empty,
    /// The same traveler twice in one application.
    #[error("error-group-duplicate")]
    Duplicate,
}

impl GroupError {
    pub fn problem_code(&self) -> &'static str {
        match self {
            Self::Full => "group_full",
            Self::Empty | Self::Duplicate => "validation_failed",
        }
    }
}

/// Whether one more traveler fits beside the `current` ones.
pub fn check_room_for_one_more(current: usize) -> Result<(), GroupError> {
    if current < MAX_GROUP_SIZE { Ok(()) } else { Err(GroupError::Full) }
}

/// An application's travelers: at least one, at most [`MAX_GROUP_SIZE`], none twice.
pub fn check_application<T: Eq + Hash>(travelers: &[T]) -> Result<(), GroupError> {
    if travelers.is_empty() {
        return Err(GroupError::Empty);
    }
    if travelers.len() > MAX_GROUP_SIZE {
        return Err(GroupError::Full);
    }
    let mut seen = HashSet::new();
    if travelers.iter().all(|t| seen.insert(t)) { Ok(()) } else { Err(GroupError::Duplicate) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_traveler_is_refused() {
        for current in 0..10 {
            assert_eq!(check_room_for_one_more(current), Ok(()));
        }
        assert_eq!(check_room_for_one_more(10), Err(GroupError::Full));
        assert_eq!(GroupError::Full.problem_code(), "group_full");
        assert_eq!(GroupError::Full.to_string(), "problem-group_full");
    }

    #[test]
    fn applications() {
        assert_eq!(check_application::<u8>(&[]), Err(GroupError::Empty));
        assert_eq!(check_application(&[1]), Ok(()));
        assert_eq!(check_application(&(0..10).collect::<Vec<_>>()), Ok(()));
        assert_eq!(check_application(&(0..11).collect::<Vec<_>>()), Err(GroupError::Full));
        assert_eq!(check_application(&[1, 2, 1]), Err(GroupError::Duplicate));
    }
}
