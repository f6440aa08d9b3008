//! A small proof of work, in the spirit of ALTCHA (the same challenge shape): the server picks a
//! random number below `maxnumber` and publishes `SHA-256(salt ‖ number)`; the client finds the
//! number by trying them in turn. Asked for only when a source address is under pressure, so a
//! shelter's hundreds of honest people pay a fraction of a second each, while someone sending
//! thousands of requests pays for every one. Stateless: the challenge is signed with the server
//! key and carries its expiry; a solved challenge is accepted once.

use data_encoding::{BASE64, HEXLOWER};
use rand::Rng;
use sha2::{Digest, Sha256};

use super::tokens::Keys;

/// A challenge for the client, as ALTCHA's widget expects it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Challenge {
    pub algorithm: String,
    /// Hex `SHA-256(salt ‖ number)`.
    pub challenge: String,
    /// The number lies in `0..=maxnumber`: the work, on average `maxnumber / 2` hashes.
    pub maxnumber: u64,
    /// Random hex, then `?expires=<unix seconds>`.
    pub salt: String,
    pub signature: String,
}

/// A client's answer (sent base64-encoded JSON in the `Puerta-Proof` header or `altcha` field).
#[derive(Debug, Clone, serde::Deserialize)]
struct Solution {
    algorithm: String,
    challenge: String,
    number: u64,
    salt: String,
    signature: String,
    #[serde(default)]
    maxnumber: Option<u64>,
}

const ALGORITHM: &str = "SHA-256";

fn digest(salt: &str, number: u64) -> String {
    HEXLOWER.encode(&Sha256::digest(format!("{salt}{number}").as_bytes()))
}

fn sign(keys: &Keys, challenge: &str, salt: &str, maxnumber: u64) -> String {
    keys.mac(&["proof-of-work", challenge, salt, &maxnumber.to_string()])
}

/// A fresh challenge of `maxnumber` that expires at `expires_secs` (Unix seconds).
pub fn new_challenge(keys: &Keys, maxnumber: u64, expires_secs: i64) -> Challenge {
    let maxnumber = maxnumber.max(1);
    let salt = format!("{}?expires={expires_secs}", HEXLOWER.encode(&rand::random::<[u8; 12]>()));
    let number = rand::rng().random_range(0..=maxnumber);
    let challenge = digest(&salt, number);
    let signature = sign(keys, &challenge, &salt, maxnumber);
    Challenge { algorithm: ALGORITHM.into(), challenge, maxnumber, salt, signature }
}

/// A verified proof: its challenge (to be recorded as used) and the work it was worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub challenge: String,
    pub maxnumber: u64,
    pub expires_secs: i64,
}

/// Checks a client's answer: signed by us, not expired at `now_secs`, and solved. Whether it
/// was used before is the caller's to check (it needs the database).
pub fn verify(keys: &Keys, encoded: &str, now_secs: i64) -> Option<Verified> {
    let json = BASE64.decode(encoded.trim().as_bytes()).ok().filter(|j| j.len() <= 2048)?;
    let s: Solution = serde_json::from_slice(&json).ok()?;
    let maxnumber = s.maxnumber?;
    let expires_secs: i64 = s.salt.split_once("?expires=")?.1.parse().ok()?;
    let valid = s.algorithm == ALGORITHM
        && expires_secs > now_secs
        && s.number <= maxnumber
        && keys.mac_matches(&["proof-of-work", &s.challenge, &s.salt, &maxnumber.to_string()], &s.signature)
        && digest(&s.salt, s.number) == s.challenge;
    valid.then_some(Verified { challenge: s.challenge, maxnumber, expires_secs })
}

/// Solves a challenge by trying every number (for tests and scripted clients); `None` if it has
/// no answer in range.
pub fn solve(challenge: &Challenge) -> Option<String> {
    let number = (0..=challenge.maxnumber).find(|n| digest(&challenge.salt, *n) == challenge.challenge)?;
    let answer = serde_json::json!({
        "algorithm": challenge.algorithm, "challenge": challenge.challenge, "number": number,
        "salt": challenge.salt, "signature": challenge.signature, "maxnumber": challenge.maxnumber,
    });
    Some(BASE64.encode(answer.to_string().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::new(vec![7; 32])
    }

    #[test]
    fn a_solved_challenge_verifies_and_a_tampered_one_does_not() {
        let c = new_challenge(&keys(), 500, 2_000);
        let answer = solve(&c).expect("solvable");
        let verified = verify(&keys(), &answer, 1_000).expect("valid");
        assert_eq!(verified.maxnumber, 500);
        // Expired, wrong key, or an easier difficulty claimed: refused.
        assert!(verify(&keys(), &answer, 2_000).is_none());
        assert!(verify(&Keys::new(vec![8; 32]), &answer, 1_000).is_none());
        let json = String::from_utf8(BASE64.decode(answer.as_bytes()).unwrap()).unwrap();
        let easier = json.replace("\"maxnumber\":500", "\"maxnumber\":5");
        assert!(verify(&keys(), &BASE64.encode(easier.as_bytes()), 1_000).is_none());
        assert!(verify(&keys(), "not base64 !", 1_000).is_none());
    }

    #[test]
    fn a_wrong_number_does_not_verify() {
        let c = new_challenge(&keys(), 50, 2_000);
        let right = solve(&c).unwrap();
        let json = String::from_utf8(BASE64.decode(right.as_bytes()).unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let n = v["number"].as_u64().unwrap();
        let wrong = json.replace(&format!("\"number\":{n}"), &format!("\"number\":{}", (n + 1) % 51));
        assert!(verify(&keys(), &BASE64.encode(wrong.as_bytes()), 1_000).is_none());
    }
}
