//! The watchlist an administrator uploads, and screening one traveler against it.
//!
//! The file is CSV, UTF-8, with the header `full_name,date_of_birth`; a date of birth is
//! `YYYY-MM-DD`, a year, or empty. Every row is checked before anything is replaced, and each
//! bad row is reported by its line number. [`ScreeningList`] normalizes the list once and
//! screens travelers against it.

use chrono::NaiveDate;

use super::date_of_birth::{BirthAgreement, ListedBirth, birth_agreement};
use super::name::{NAME_MATCH_THRESHOLD, NormalizedName, name_similarity};
use crate::accounts::FullName;

/// Largest file accepted, in bytes.
pub const WATCHLIST_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most rows accepted (the header not counted).
pub const WATCHLIST_MAX_ROWS: usize = 100_000;
/// At most this many bad lines are reported; past that, fixing the file's export comes first.
pub const MAX_REPORTED_LINES: usize = 50;

/// One valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchlistRow {
    /// As given (cleaned: trimmed, NFC, no control characters).
    pub full_name: String,
    /// `NormalizedName::text` of the name.
    pub normalized_name: String,
    /// Canonical: `YYYY-MM-DD`, `YYYY` or empty.
    pub date_of_birth: String,
}

/// Why a file or one of its lines is refused. Displays as the Fluent id of its message; the
/// line number is the message's `line` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WatchlistProblem {
    #[error("checks-error-too-large")]
    TooLarge,
    #[error("checks-error-too-many-rows")]
    TooManyRows,
    #[error("checks-error-header")]
    Header,
    #[error("checks-error-empty")]
    Empty,
    #[error("checks-error-not-utf8")]
    NotUtf8,
    #[error("checks-error-columns")]
    Columns,
    #[error("checks-error-name")]
    Name,
    #[error("checks-error-date-of-birth")]
    DateOfBirth,
    /// The CSV itself cannot be read there (a stray quote).
    #[error("checks-error-unreadable")]
    Unreadable,
}

/// One refusal: the line (1 is the header; 0 for the whole file) and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchlistError {
    pub line: u64,
    pub problem: WatchlistProblem,
}

fn whole(problem: WatchlistProblem) -> Vec<WatchlistError> {
    vec![WatchlistError { line: 0, problem }]
}

/// Every row of the file, or every bad line (at most [`MAX_REPORTED_LINES`]).
pub fn parse_watchlist(bytes: &[u8]) -> Result<Vec<WatchlistRow>, Vec<WatchlistError>> {
    if bytes.len() > WATCHLIST_MAX_BYTES {
        return Err(whole(WatchlistProblem::TooLarge));
    }
    // Spreadsheet programs start UTF-8 exports with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(bytes);
    let mut records = reader.byte_records();
    let header_ok = match records.next() {
        None => return Err(whole(WatchlistProblem::Empty)),
        Some(Ok(h)) => {
            h.len() == 2
                && h[0].eq_ignore_ascii_case(b"full_name")
                && h[1].eq_ignore_ascii_case(b"date_of_birth")
        }
        Some(Err(_)) => false,
    };
    if !header_ok {
        return Err(vec![WatchlistError { line: 1, problem: WatchlistProblem::Header }]);
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let fail = |errors: &mut Vec<WatchlistError>, bad_lines: &mut usize, line: u64, problem| {
        *bad_lines += 1;
        if errors.len() < MAX_REPORTED_LINES {
            errors.push(WatchlistError { line, problem });
        }
    };
    let mut bad_lines = 0usize;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                fail(
                    &mut errors,
                    &mut bad_lines,
                    e.position().map_or(0, csv::Position::line),
                    WatchlistProblem::Unreadable,
                );
                // The reader cannot find the next row reliably after a broken quote.
                break;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(<[u8]>::is_empty) {
            continue;
        }
        if rows.len() + bad_lines >= WATCHLIST_MAX_ROWS {
            return Err(whole(WatchlistProblem::TooManyRows));
        }
        if record.len() != 2 {
            fail(&mut errors, &mut bad_lines, line, WatchlistProblem::Columns);
            continue;
        }
        let (Ok(name), Ok(birth)) = (std::str::from_utf8(&record[0]), std::str::from_utf8(&record[1])) else {
            fail(&mut errors, &mut bad_lines, line, WatchlistProblem::NotUtf8);
            continue;
        };
        let Ok(name) = FullName::parse(name) else {
            fail(&mut errors, &mut bad_lines, line, WatchlistProblem::Name);
            continue;
        };
        let normalized = NormalizedName::new(name.as_str());
        if normalized.is_empty() {
            fail(&mut errors, &mut bad_lines, line, WatchlistProblem::Name);
            continue;
        }
        let Ok(birth) = ListedBirth::parse(birth) else {
            fail(&mut errors, &mut bad_lines, line, WatchlistProblem::DateOfBirth);
            continue;
        };
        rows.push(WatchlistRow {
            full_name: name.as_str().to_string(),
            normalized_name: normalized.text(),
            date_of_birth: birth.text(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(whole(WatchlistProblem::Empty));
    }
    Ok(rows)
}

/// One listed person, as stored.
#[derive(Debug, Clone)]
pub struct ListedPerson<'a> {
    pub id: &'a str,
    pub full_name: &'a str,
    pub date_of_birth: &'a str,
}

/// A list entry that matched: which, how alike the names are (0–1, three decimals), and how
/// the dates agree.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchlistMatch {
    pub entry_id: String,
    pub listed_name: String,
    pub listed_date_of_birth: String,
    pub score: f64,
    pub birth: BirthAgreement,
}

#[derive(Debug, Clone)]
struct Listed {
    id: String,
    full_name: String,
    date_of_birth: String,
    name: NormalizedName,
    /// `None` for a date that does not parse (a list stored by an older rule): it agrees with
    /// nothing.
    birth: Option<ListedBirth>,
}

/// The list ready to screen many travelers: each name normalized once.
#[derive(Debug, Clone, Default)]
pub struct ScreeningList {
    entries: Vec<Listed>,
}

impl ScreeningList {
    pub fn new<'a>(entries: impl IntoIterator<Item = ListedPerson<'a>>) -> Self {
        let entries = entries
            .into_iter()
            .map(|e| Listed {
                id: e.id.to_string(),
                full_name: e.full_name.to_string(),
                date_of_birth: e.date_of_birth.to_string(),
                name: NormalizedName::new(e.full_name),
                birth: ListedBirth::parse(e.date_of_birth).ok(),
            })
            .collect();
        Self { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry whose date of birth agrees with `born` and whose name is at least
    /// [`NAME_MATCH_THRESHOLD`] alike `name`, best first. Empty: clear.
    pub fn screen(&self, name: &str, born: NaiveDate) -> Vec<WatchlistMatch> {
        let traveler = NormalizedName::new(name);
        let mut found: Vec<WatchlistMatch> = self
            .entries
            .iter()
            .filter_map(|entry| {
                // The date first: it is cheap and rules out nearly every entry.
                let birth = birth_agreement(born, entry.birth?)?;
                let score = name_similarity(&traveler, &entry.name);
                (score >= NAME_MATCH_THRESHOLD).then(|| WatchlistMatch {
                    entry_id: entry.id.clone(),
                    listed_name: entry.full_name.clone(),
                    listed_date_of_birth: entry.date_of_birth.clone(),
                    score: (score * 1000.0).round() / 1000.0,
                    birth,
                })
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.entry_id.cmp(&b.entry_id)));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::parse_iso_date;

    fn lines(result: Result<Vec<WatchlistRow>, Vec<WatchlistError>>) -> Vec<(u64, WatchlistProblem)> {
        result.err().unwrap_or_default().into_iter().map(|e| (e.line, e.problem)).collect()
    }

    #[test]
    fn a_good_file_is_read_row_by_row() {
        let file = "\u{feff}full_name,date_of_birth\r\n\"PEREZ GARCIA, Jose Maria\",1990-07-04\nВладимир Петров,1975\n\nAna Núñez,\n";
        let rows = parse_watchlist(file.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].full_name, "PEREZ GARCIA, Jose Maria");
        assert_eq!(rows[0].normalized_name, "perez garcia jose maria");
        assert_eq!(rows[1].date_of_birth, "1975");
        assert_eq!(rows[2].date_of_birth, "");
    }

    #[test]
    fn bad_lines_are_reported_by_number() {
        let file = "full_name,date_of_birth\nAna,1990-01-01\n,1990-01-01\nBeto,04/07/1990\nCarla\nDora,1990-01-01,x\n";
        assert_eq!(
            lines(parse_watchlist(file.as_bytes())),
            [
                (3, WatchlistProblem::Name),
                (4, WatchlistProblem::DateOfBirth),
                (5, WatchlistProblem::Columns),
                (6, WatchlistProblem::Columns)
            ]
        );
        assert_eq!(lines(parse_watchlist(b"name,dob\nAna,1990\n")), [(1, WatchlistProblem::Header)]);
        assert_eq!(lines(parse_watchlist(b"")), [(0, WatchlistProblem::Empty)]);
        assert_eq!(lines(parse_watchlist(b"full_name,date_of_birth\n")), [(0, WatchlistProblem::Empty)]);
        assert_eq!(
            lines(parse_watchlist(b"full_name,date_of_birth\nAna,1990\n\xff\xfe,1990\n")),
            [(3, WatchlistProblem::NotUtf8)]
        );
        let big = vec![b'a'; WATCHLIST_MAX_BYTES + 1];
        assert_eq!(lines(parse_watchlist(&big)), [(0, WatchlistProblem::TooLarge)]);
    }

    #[test]
    fn too_many_rows_are_refused() {
        let mut file = String::from("full_name,date_of_birth\n");
        for _ in 0..=WATCHLIST_MAX_ROWS {
            file.push_str("A B,\n");
        }
        assert_eq!(lines(parse_watchlist(file.as_bytes())), [(0, WatchlistProblem::TooManyRows)]);
    }

    #[test]
    fn screening_finds_the_listed_person_with_reasons_and_clears_others() {
        let born = parse_iso_date("1990-07-04").unwrap_or_default();
        let list = [
            ListedPerson { id: "e1", full_name: "PEREZ GARCIA, Jose Maria", date_of_birth: "1990-04-07" },
            ListedPerson { id: "e2", full_name: "Jose Maria Perez Garcia", date_of_birth: "1961-01-01" },
            ListedPerson { id: "e3", full_name: "Ana Lucía Torres", date_of_birth: "1990-07-04" },
        ];
        let list = ScreeningList::new(list);
        assert_eq!(list.len(), 3);
        let found = list.screen("José María Pérez García", born);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].entry_id, "e1");
        assert_eq!(found[0].birth, BirthAgreement::DayMonthSwapped);
        assert!(found[0].score > 0.99);
        let other = list.screen("Marie Joseph", born);
        assert!(other.is_empty(), "{other:?}");
    }
}
