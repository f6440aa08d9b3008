//! A draw as it is published after it ran, and its verification: anyone holding the file can
//! recompute the commitment, the inputs' digest, the seed and the draw, and see whether they
//! match what was published (`puerta draw verify --file`, no database needed; `docs/DRAW.md`).

use sha2::{Digest, Sha256};

use super::draw::{DRAW_VERSION, DrawInput, DrawOutcome, ShareError, draw, inputs_digest, seed_from};

/// A value nobody could know when the request window closed (e.g. a named round of a public
/// randomness beacon), and where it was published.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicRandomness {
    /// Where anyone can look the value up (a beacon's name and round, or an address).
    pub source: String,
    /// The value, as hex.
    pub value_hex: String,
}

/// Everything published about one draw.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublishedDraw {
    pub version: String,
    /// The draw date (the day the requests were made), `YYYY-MM-DD`.
    pub date: String,
    /// SHA-256 of the secret, published before the request window opened (hex).
    pub seed_commitment: String,
    /// The secret itself, revealed after the draw (hex).
    pub secret_hex: String,
    /// The digest of the inputs, published when the window closed (hex).
    pub inputs_digest: String,
    pub public_randomness: Option<PublicRandomness>,
    pub input: DrawInput,
    pub outcome: DrawOutcome,
}

/// Why a published draw does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the file is for {found}, this program checks {DRAW_VERSION}")]
    Version { found: String },
    #[error("{field} is not hexadecimal")]
    NotHex { field: &'static str },
    #[error("the revealed secret does not hash to the commitment published before the window opened")]
    Commitment,
    #[error("the inputs do not hash to the digest published when the window closed")]
    Digest,
    #[error("the draw over these inputs refuses them: {0}")]
    Refused(ShareError),
    #[error("recomputing the draw gives a different result: {0}")]
    Outcome(String),
}

fn unhex(field: &'static str, text: &str) -> Result<Vec<u8>, VerifyError> {
    hex::decode(text.trim()).map_err(|_| VerifyError::NotHex { field })
}

/// SHA-256 of `secret`, as published before the window opens.
pub fn commitment(secret: &[u8]) -> String {
    hex::encode(Sha256::digest(secret))
}

impl PublishedDraw {
    /// Builds the publication of a draw from its parts, running the draw (what the server
    /// publishes and what a test can tamper with).
    pub fn run(
        date: &str,
        secret: &[u8],
        input: DrawInput,
        public_randomness: Option<PublicRandomness>,
    ) -> Result<Self, VerifyError> {
        let digest = inputs_digest(&input);
        let beacon = public_randomness
            .as_ref()
            .map(|r| unhex("public_randomness.value_hex", &r.value_hex))
            .transpose()?;
        let seed = seed_from(secret, &digest, beacon.as_deref());
        let outcome = draw(&input, &seed).map_err(VerifyError::Refused)?;
        Ok(Self {
            version: DRAW_VERSION.to_string(),
            date: date.to_string(),
            seed_commitment: commitment(secret),
            secret_hex: hex::encode(secret),
            inputs_digest: hex::encode(digest),
            public_randomness,
            input,
            outcome,
        })
    }

    /// Recomputes every published value from the inputs and the secret, in the order a reader
    /// would: commitment, digest, seed, draw.
    pub fn verify(&self) -> Result<(), VerifyError> {
        if self.version != DRAW_VERSION {
            return Err(VerifyError::Version { found: self.version.clone() });
        }
        let secret = unhex("secret_hex", &self.secret_hex)?;
        if commitment(&secret) != self.seed_commitment.trim().to_ascii_lowercase() {
            return Err(VerifyError::Commitment);
        }
        let digest = inputs_digest(&self.input);
        if hex::encode(digest) != self.inputs_digest.trim().to_ascii_lowercase() {
            return Err(VerifyError::Digest);
        }
        let beacon = self
            .public_randomness
            .as_ref()
            .map(|r| unhex("public_randomness.value_hex", &r.value_hex))
            .transpose()?;
        let seed = seed_from(&secret, &digest, beacon.as_deref());
        let recomputed = draw(&self.input, &seed).map_err(VerifyError::Refused)?;
        if recomputed.placements != self.outcome.placements {
            let at = recomputed
                .placements
                .iter()
                .zip(&self.outcome.placements)
                .position(|(a, b)| a != b)
                .unwrap_or(recomputed.placements.len().min(self.outcome.placements.len()));
            return Err(VerifyError::Outcome(format!(
                "placements differ from position {} ({} recomputed, {} published)",
                at + 1,
                recomputed.placements.len(),
                self.outcome.placements.len()
            )));
        }
        if recomputed.waitlist != self.outcome.waitlist {
            return Err(VerifyError::Outcome("the waitlist differs".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::appointments::DrawEntry;

    fn published() -> PublishedDraw {
        let entries = (0..30)
            .map(|n| DrawEntry {
                id: format!("{:064x}", n * 7919),
                port: if n % 3 == 0 { "SYS".into() } else { "BRO".into() },
                group_size: 1 + n % 5,
                registered_at: 1_700_000_000_000 + i64::from(n) * 86_400_000,
            })
            .collect();
        let input = DrawInput {
            entries,
            capacity: BTreeMap::from([("SYS".to_string(), 6), ("BRO".to_string(), 9)]),
            oldest_share_permille: 500,
        };
        let beacon = PublicRandomness { source: "test beacon, round 42".into(), value_hex: "ab".repeat(32) };
        PublishedDraw::run("2026-12-02", b"a secret of 32 bytes, more or less", input, Some(beacon))
            .expect("draw")
    }

    #[test]
    fn a_published_draw_verifies_and_survives_a_round_trip_through_json() {
        let p = published();
        assert_eq!(p.verify(), Ok(()));
        let text = serde_json::to_string_pretty(&p).expect("json");
        let back: PublishedDraw = serde_json::from_str(&text).expect("json");
        assert_eq!(back.verify(), Ok(()));
    }

    #[test]
    fn any_altered_added_or_removed_entry_fails() {
        let mut altered = published();
        altered.input.entries[3].group_size += 1;
        assert_eq!(altered.verify(), Err(VerifyError::Digest));
        let mut added = published();
        let mut extra = added.input.entries[0].clone();
        extra.id = "f".repeat(64);
        added.input.entries.push(extra);
        assert_eq!(added.verify(), Err(VerifyError::Digest));
        let mut removed = published();
        removed.input.entries.pop();
        assert_eq!(removed.verify(), Err(VerifyError::Digest));
        let mut registered = published();
        registered.input.entries[5].registered_at -= 1;
        assert_eq!(registered.verify(), Err(VerifyError::Digest));
    }

    #[test]
    fn a_changed_result_secret_or_beacon_fails() {
        let mut moved = published();
        moved.outcome.placements.swap(0, 1);
        assert!(matches!(moved.verify(), Err(VerifyError::Outcome(_))));
        let mut dropped = published();
        dropped.outcome.placements.pop();
        assert!(matches!(dropped.verify(), Err(VerifyError::Outcome(_))));
        let mut secret = published();
        secret.secret_hex = hex::encode(b"another secret");
        assert_eq!(secret.verify(), Err(VerifyError::Commitment));
        let mut beacon = published();
        if let Some(r) = beacon.public_randomness.as_mut() {
            r.value_hex = "cd".repeat(32);
        }
        assert!(
            matches!(beacon.verify(), Err(VerifyError::Outcome(_))),
            "another beacon value, another draw"
        );
        let mut version = published();
        version.version = "puerta-draw-v0".into();
        assert!(matches!(version.verify(), Err(VerifyError::Version { .. })));
    }
}
