//! The daily draw: which requests get the day's places at each port.
//!
//! The rules (PRODUCT.md, "How the real scheduling worked", made verifiable):
//! - each port's places are allocated among that port's requests only;
//! - a published share of the places (default 50 %) goes to the oldest registrations, in
//!   registration order; a group that does not fit in what is left of the share is passed over
//!   (it keeps its chance in the random part) and the next oldest is tried;
//! - the rest are drawn at random: every request not yet placed is put in one random order
//!   (a Fisher–Yates shuffle driven by ChaCha20 from the draw's seed), and groups are placed in
//!   that order while they fit; the ones that do not fit, in that same order, are the waitlist
//!   that later re-offers follow;
//! - a group is placed whole or not at all; no request is placed twice; places are never
//!   exceeded.
//!
//! Everything here is a function of the inputs and the seed: the same inputs give the same
//! result on any machine, which is what `puerta draw verify` checks. Ties are broken by the
//! entry's id, and the random order is computed over the entries sorted by id, so the order in
//! which requests arrived or were stored changes nothing.

use std::collections::{BTreeMap, HashSet};

use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use sha2::{Digest, Sha256};

/// Named in every digest and seed so that a future change of rules cannot be confused with
/// this one.
pub const DRAW_VERSION: &str = "puerta-draw-v1";

/// One request, as the draw sees it (and as it is published: no personal data).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct DrawEntry {
    /// Opaque and unique: a salted hash of the request, which its traveler can find on their
    /// page and look up in the published inputs.
    pub id: String,
    pub port: String,
    /// Travelers in the group (1–10).
    pub group_size: u32,
    /// When the group's registration was made (epoch ms): older goes first in the share.
    pub registered_at: i64,
}

/// Everything the draw depends on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DrawInput {
    pub entries: Vec<DrawEntry>,
    /// Places per port for the appointment day.
    pub capacity: BTreeMap<String, u32>,
    /// The share of each port's places for the oldest registrations, in thousandths (500 = 50 %).
    pub oldest_share_permille: u32,
}

/// How a request was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Selection {
    Oldest,
    Random,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Placement {
    pub entry_id: String,
    pub port: String,
    pub places: u32,
    pub selection: Selection,
}

/// The result: placements in the order they were made, and per port the waitlist (entries not
/// placed, in random-draw order).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct DrawOutcome {
    pub placements: Vec<Placement>,
    pub waitlist: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("the oldest share must be from 0 to 1000 thousandths")]
    OutOfRange,
    #[error("entry ids must be unique")]
    DuplicateEntry,
    #[error("a group has 1 to 10 travelers")]
    GroupSize,
}

/// The digest of the inputs, published when the request window closes: SHA-256 over one line
/// per fact, in a fixed order (entries sorted by id), so anyone can recompute it from the
/// published list.
pub fn inputs_digest(input: &DrawInput) -> [u8; 32] {
    use std::fmt::Write;
    let mut hash = Sha256::new();
    hash.update(format!("{DRAW_VERSION}\nshare,{}\n", input.oldest_share_permille));
    for (port, places) in &input.capacity {
        hash.update(format!("capacity,{port},{places}\n"));
    }
    let mut entries: Vec<&DrawEntry> = input.entries.iter().collect();
    // Stable and adaptive: inputs that come sorted by id (as the store reads them) cost one pass.
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    // One buffer for every line (a million entries would otherwise allocate a million times).
    let mut line = String::with_capacity(128);
    for e in entries {
        line.clear();
        let _ = writeln!(line, "entry,{},{},{},{}", e.id, e.port, e.group_size, e.registered_at);
        hash.update(line.as_bytes());
    }
    hash.finalize().into()
}

/// The draw's seed: SHA-256 of the version, the secret committed to before the window opened,
/// the inputs' digest, and the public randomness (e.g. a beacon round published after the
/// window closed) when there is one. Knowing the secret alone does not let anyone pick a
/// winning input: the inputs are fixed by their digest before the beacon value exists.
pub fn seed_from(secret: &[u8], inputs_digest: &[u8; 32], public_randomness: Option<&[u8]>) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(DRAW_VERSION.as_bytes());
    hash.update((secret.len() as u64).to_be_bytes());
    hash.update(secret);
    hash.update(inputs_digest);
    if let Some(value) = public_randomness {
        hash.update((value.len() as u64).to_be_bytes());
        hash.update(value);
    }
    hash.finalize().into()
}

/// Runs the draw. Refuses inputs that break its premises (share out of range, an id twice, a
/// group size outside 1–10) rather than guessing.
pub fn draw(input: &DrawInput, seed: &[u8; 32]) -> Result<DrawOutcome, ShareError> {
    if input.oldest_share_permille > 1000 {
        return Err(ShareError::OutOfRange);
    }
    let mut seen = HashSet::with_capacity(input.entries.len());
    for e in &input.entries {
        if !(1..=10).contains(&e.group_size) {
            return Err(ShareError::GroupSize);
        }
        if !seen.insert(e.id.as_str()) {
            return Err(ShareError::DuplicateEntry);
        }
    }
    let mut by_port: BTreeMap<&str, Vec<&DrawEntry>> = BTreeMap::new();
    for e in &input.entries {
        by_port.entry(e.port.as_str()).or_default().push(e);
    }
    let mut outcome = DrawOutcome::default();
    for (port, mut entries) in by_port {
        let capacity = input.capacity.get(port).copied().unwrap_or(0);
        let share = u32::try_from(u64::from(capacity) * u64::from(input.oldest_share_permille) / 1000)
            .unwrap_or(capacity);
        // By id (kept for the random part), and the oldest first, ties by id.
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = entries.clone();
        entries.sort_by(|a, b| a.registered_at.cmp(&b.registered_at).then_with(|| a.id.cmp(&b.id)));
        let mut used = 0u32;
        let mut placed = HashSet::new();
        for e in &entries {
            // A full share fits nobody more (every group has at least one traveler).
            if used == share {
                break;
            }
            if used + e.group_size <= share {
                used += e.group_size;
                placed.insert(e.id.as_str());
                outcome.placements.push(Placement {
                    entry_id: e.id.clone(),
                    port: port.to_string(),
                    places: e.group_size,
                    selection: Selection::Oldest,
                });
            }
        }
        // Everyone else, in one random order computed over the entries sorted by id.
        let mut rest: Vec<&DrawEntry> =
            by_id.into_iter().filter(|e| !placed.contains(e.id.as_str())).collect();
        let mut rng = ChaCha20Rng::from_seed(port_seed(seed, port));
        shuffle(&mut rest, &mut rng);
        let mut waitlist = Vec::new();
        for e in rest {
            if used + e.group_size <= capacity {
                used += e.group_size;
                outcome.placements.push(Placement {
                    entry_id: e.id.clone(),
                    port: port.to_string(),
                    places: e.group_size,
                    selection: Selection::Random,
                });
            } else {
                waitlist.push(e.id.clone());
            }
        }
        outcome.waitlist.insert(port.to_string(), waitlist);
    }
    Ok(outcome)
}

/// Each port draws from its own stream: SHA-256 of the seed and the port code.
fn port_seed(seed: &[u8; 32], port: &str) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(seed);
    hash.update(port.as_bytes());
    hash.finalize().into()
}

/// Fisher–Yates from the last position down; each index drawn uniformly by rejection from the
/// stream's 64-bit words (little-endian, as `rand_chacha` gives them), so an outside
/// implementation can reproduce it exactly.
fn shuffle<T>(items: &mut [T], rng: &mut ChaCha20Rng) {
    for i in (1..items.len()).rev() {
        let bound = (i as u64) + 1;
        let zone = u64::MAX - (u64::MAX % bound);
        let j = loop {
            let word = rng.next_u64();
            if word < zone {
                break word % bound;
            }
        };
        items.swap(i, usize::try_from(j).unwrap_or(0));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    fn entry(id: &str, port: &str, size: u32, at: i64) -> DrawEntry {
        DrawEntry { id: id.into(), port: port.into(), group_size: size, registered_at: at }
    }

    fn input(entries: Vec<DrawEntry>, capacity: &[(&str, u32)], share: u32) -> DrawInput {
        DrawInput {
            entries,
            capacity: capacity.iter().map(|(p, n)| (p.to_string(), *n)).collect(),
            oldest_share_permille: share,
        }
    }

    #[test]
    fn three_groups_two_places_the_ones_that_fit_whole_are_placed() {
        let i = input(
            vec![entry("a", "SYS", 3, 1), entry("b", "SYS", 1, 2), entry("c", "SYS", 1, 3)],
            &[("SYS", 2)],
            500,
        );
        let out = draw(&i, &[7; 32]).expect("draw");
        let placed: u32 = out.placements.iter().map(|p| p.places).sum();
        assert_eq!(placed, 2);
        assert!(out.placements.iter().all(|p| p.entry_id != "a"), "the group of 3 cannot fit");
        // One place of the share: the oldest that fits is b.
        assert_eq!(
            out.placements[0],
            Placement { entry_id: "b".into(), port: "SYS".into(), places: 1, selection: Selection::Oldest }
        );
        assert_eq!(out.waitlist["SYS"], vec!["a".to_string()]);
    }

    #[test]
    fn the_seed_and_nothing_else_decides_the_random_part() {
        let entries: Vec<DrawEntry> =
            (0..50).map(|n| entry(&format!("e{n:02}"), "BRO", 1 + n % 4, 1000)).collect();
        let i = input(entries.clone(), &[("BRO", 20)], 0);
        let a = draw(&i, &[1; 32]).expect("draw");
        let mut reversed = i.clone();
        reversed.entries.reverse();
        assert_eq!(draw(&reversed, &[1; 32]).expect("draw"), a, "the order of arrival changes nothing");
        assert_ne!(draw(&i, &[2; 32]).expect("draw"), a, "another seed, another order");
        assert_eq!(inputs_digest(&i), inputs_digest(&reversed));
    }

    #[test]
    fn a_changed_entry_changes_the_digest_and_so_the_seed() {
        let i = input(vec![entry("a", "SYS", 1, 1), entry("b", "SYS", 2, 2)], &[("SYS", 2)], 500);
        let mut altered = i.clone();
        altered.entries[1].group_size = 1;
        assert_ne!(inputs_digest(&i), inputs_digest(&altered));
        let mut added = i.clone();
        added.entries.push(entry("c", "SYS", 1, 0));
        assert_ne!(inputs_digest(&i), inputs_digest(&added));
        let d = inputs_digest(&i);
        assert_ne!(seed_from(b"secret", &d, None), seed_from(b"secret", &d, Some(b"round 1")));
        assert_ne!(seed_from(b"secret", &d, None), seed_from(b"secreu", &d, None));
    }

    #[test]
    fn bad_inputs_are_refused() {
        assert_eq!(draw(&input(vec![], &[], 1001), &[0; 32]), Err(ShareError::OutOfRange));
        let twice = input(vec![entry("a", "SYS", 1, 1), entry("a", "BRO", 1, 1)], &[], 500);
        assert_eq!(draw(&twice, &[0; 32]), Err(ShareError::DuplicateEntry));
        assert_eq!(
            draw(&input(vec![entry("a", "SYS", 11, 1)], &[], 500), &[0; 32]),
            Err(ShareError::GroupSize)
        );
    }

    fn entries() -> impl Strategy<Value = Vec<DrawEntry>> {
        prop::collection::vec((0u8..3, 1u32..=10, 0i64..50), 0..120).prop_map(|raw| {
            raw.into_iter()
                .enumerate()
                .map(|(n, (port, size, at))| {
                    entry(&format!("id{n}"), ["SYS", "BRO", "ELP"][usize::from(port)], size, at)
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn capacity_is_never_exceeded_groups_are_whole_and_nobody_is_placed_twice(
            entries in entries(), caps in prop::array::uniform3(0u32..60), share in 0u32..=1000, seed in any::<[u8; 32]>()
        ) {
            let i = input(entries.clone(), &[("SYS", caps[0]), ("BRO", caps[1]), ("ELP", caps[2])], share);
            let out = draw(&i, &seed).expect("draw");
            let mut seen = BTreeSet::new();
            for p in &out.placements {
                prop_assert!(seen.insert(p.entry_id.clone()), "placed twice");
                let e = entries.iter().find(|e| e.id == p.entry_id).expect("a real entry");
                prop_assert_eq!(p.places, e.group_size, "a group is placed whole");
                prop_assert_eq!(&p.port, &e.port, "at the port it asked for");
            }
            for (port, cap) in [("SYS", caps[0]), ("BRO", caps[1]), ("ELP", caps[2])] {
                let used: u32 = out.placements.iter().filter(|p| p.port == port).map(|p| p.places).sum();
                prop_assert!(used <= cap, "{port}: {used} > {cap}");
                let oldest: u32 = out.placements.iter().filter(|p| p.port == port && p.selection == Selection::Oldest).map(|p| p.places).sum();
                prop_assert!(oldest <= cap * share / 1000, "the share is not exceeded");
                // Nobody waits who would have fitted in what was left.
                let left = cap - used;
                for id in out.waitlist.get(port).into_iter().flatten() {
                    let e = entries.iter().find(|e| &e.id == id).expect("a real entry");
                    prop_assert!(e.group_size > left, "{id} fitted in the {left} places left");
                    prop_assert!(!seen.contains(id));
                }
            }
            // Every entry is either placed or waiting, once.
            let waiting: usize = out.waitlist.values().map(Vec::len).sum();
            prop_assert_eq!(out.placements.len() + waiting, entries.len());
            prop_assert_eq!(draw(&i, &seed).expect("draw"), out, "same seed, same result");
        }

        #[test]
        fn the_share_goes_to_the_oldest_that_fit(
            entries in entries(), cap in 0u32..60, share in 0u32..=1000
        ) {
            let i = input(entries.clone(), &[("SYS", cap)], share);
            let out = draw(&i, &[9; 32]).expect("draw");
            let quota = cap * share / 1000;
            let mut oldest_first: Vec<&DrawEntry> = entries.iter().filter(|e| e.port == "SYS").collect();
            oldest_first.sort_by(|a, b| a.registered_at.cmp(&b.registered_at).then_with(|| a.id.cmp(&b.id)));
            let mut used = 0;
            let mut expected = Vec::new();
            for e in oldest_first {
                if used + e.group_size <= quota {
                    used += e.group_size;
                    expected.push(e.id.clone());
                }
            }
            let got: Vec<String> = out.placements.iter().filter(|p| p.selection == Selection::Oldest).map(|p| p.entry_id.clone()).collect();
            prop_assert_eq!(got, expected);
        }
    }
}

#[cfg(test)]
mod known_answer {
    use super::*;

    /// 3,000 requests over three ports (ids, sizes and registrations from a fixed formula), so
    /// that a change of the computation — or an outside implementation — can be checked against
    /// one known result: the SHA-256 of the outcome's placements and waitlists, line by line.
    fn fixture() -> (DrawInput, [u8; 32]) {
        let ports = ["CLX", "ELP", "SYS"];
        let entries = (0..3000u64)
            .map(|n| {
                let mix = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
                DrawEntry {
                    id: format!("{mix:016x}"),
                    port: ports[(mix % 3) as usize].to_string(),
                    group_size: u32::try_from(1 + (mix >> 8) % 10).unwrap_or(1),
                    registered_at: 1_700_000_000_000 + i64::try_from((mix >> 16) % 10_000_000).unwrap_or(0),
                }
            })
            .collect();
        let capacity =
            [("CLX", 100), ("ELP", 200), ("SYS", 300)].iter().map(|(p, n)| (p.to_string(), *n)).collect();
        (DrawInput { entries, capacity, oldest_share_permille: 500 }, [42; 32])
    }

    fn outcome_digest(outcome: &DrawOutcome) -> String {
        let mut hash = Sha256::new();
        for p in &outcome.placements {
            let selection = match p.selection {
                Selection::Oldest => "oldest",
                Selection::Random => "random",
            };
            hash.update(format!("{},{},{},{selection}\n", p.entry_id, p.port, p.places));
        }
        for (port, waiting) in &outcome.waitlist {
            for id in waiting {
                hash.update(format!("wait,{port},{id}\n"));
            }
        }
        hex::encode(hash.finalize())
    }

    /// The answer computed when the rules were first published (and unchanged since, through
    /// every speed-up): changing it means changing `DRAW_VERSION`.
    #[test]
    fn the_known_answer_is_unchanged() {
        let (input, seed) = fixture();
        let outcome = draw(&input, &seed).expect("draw");
        assert_eq!(
            hex::encode(inputs_digest(&input)),
            "dec7c27111dc67f9566b959cd1d014abfc7f60e8e931cebbacd23586bb6f17ac"
        );
        assert_eq!(
            outcome_digest(&outcome),
            "2f3f1c5ec99f504f41a1c7a9f0a35f6ba369ef2665bd2835febe0b969a349782"
        );
    }
}
