/// How many people a port can process on one day. Zero is allowed: a port can be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct DailyCapacity(u32);

impl DailyCapacity {
    /// No real crossing processes more than this in a day; a larger number is a typing mistake.
    pub const MAX: u32 = 10_000;

    pub fn new(value: u32) -> Option<Self> {
        (value <= Self::MAX).then_some(Self(value))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for DailyCapacity {
    type Error = ();

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        u32::try_from(value).ok().and_then(Self::new).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_is_bounded() {
        assert_eq!(DailyCapacity::new(0).map(DailyCapacity::get), Some(0));
        assert_eq!(DailyCapacity::new(DailyCapacity::MAX + 1), None);
        assert!(DailyCapacity::try_from(-1_i64).is_err());
    }
}
