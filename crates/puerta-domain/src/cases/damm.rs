//! The Damm check digit (H. Michael Damm, 2004).
//!
//! Chosen because one digit catches every single-digit error and every swap of two neighbouring
//! digits, the two mistakes people make most when copying a number from paper or reading it over
//! the phone. Luhn misses the swap 09 ↔ 90; Verhoeff catches as much but needs three tables.
//! It is an error check, not a secret: anyone can compute it, so it says nothing about whether a
//! number was ever issued.

/// The standard weakly totally anti-symmetric quasigroup of order 10, with zeros on the diagonal
/// (Damm's table as published). Row = interim digit, column = next digit.
pub(crate) const DAMM_TABLE: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The interim digit after `digits` (each 0–9). Appending it makes the interim of the whole 0.
pub(crate) fn interim(digits: &[u8]) -> u8 {
    digits.iter().fold(0, |state, &d| DAMM_TABLE[usize::from(state)][usize::from(d)])
}

/// The check digit for `digits`: the one that, appended, makes the whole sequence valid.
pub(crate) fn check_digit(digits: &[u8]) -> u8 {
    // Because the diagonal is all zeros, the check digit is the interim itself.
    interim(digits)
}

/// Whether `digits` (data followed by their check digit) is valid.
pub(crate) fn is_valid(digits: &[u8]) -> bool {
    interim(digits) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // The worked example in Damm's description: 572 → 4.
        assert_eq!(check_digit(&[5, 7, 2]), 4);
        assert!(is_valid(&[5, 7, 2, 4]));
        assert!(!is_valid(&[5, 7, 2, 5]));
        assert_eq!(check_digit(&[]), 0);
    }

    #[test]
    fn the_table_is_a_latin_square_with_a_zero_diagonal() {
        for (i, table_row) in DAMM_TABLE.iter().enumerate() {
            assert_eq!(table_row[i], 0);
            let mut row: Vec<u8> = table_row.to_vec();
            let mut column: Vec<u8> = (0..10).map(|r| DAMM_TABLE[r][i]).collect();
            row.sort_unstable();
            column.sort_unstable();
            assert_eq!(row, (0..10).collect::<Vec<u8>>(), "row {i}");
            assert_eq!(column, (0..10).collect::<Vec<u8>>(), "column {i}");
        }
    }

    /// The algebra behind "every adjacent transposition is caught", checked for every interim state
    /// and every pair of different digits: (x∗a)∗b ≠ (x∗b)∗a. Together with the Latin square (every
    /// single substitution changes the interim, and every later step is a bijection) this proves
    /// both guarantees for numbers of any length, not only the ones a test happens to draw.
    #[test]
    fn the_table_is_weakly_totally_anti_symmetric() {
        let op = |x: u8, y: u8| DAMM_TABLE[usize::from(x)][usize::from(y)];
        for x in 0..10 {
            for a in 0..10 {
                for b in 0..10 {
                    if a != b {
                        assert_ne!(op(op(x, a), b), op(op(x, b), a), "x={x} a={a} b={b}");
                    }
                }
            }
        }
    }
}
