use data_encoding::{BASE64URL_NOPAD, HEXLOWER};
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// 256 random bits, URL-safe: session ids, API tokens, link tokens.
pub fn random_token() -> String {
    BASE64URL_NOPAD.encode(&rand::random::<[u8; 32]>())
}

/// A 6-digit one-time code, uniformly drawn.
pub fn random_code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

/// `xxxx-xxxx` from letters and digits that cannot be confused when written by hand.
pub fn random_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let mut pick = || char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]);
    let first: String = (0..4).map(|_| pick()).collect();
    let second: String = (0..4).map(|_| pick()).collect();
    format!("{first}-{second}")
}

/// For high-entropy secrets (tokens): a plain hash is enough to make a stolen table useless.
pub fn sha256_hex(value: &str) -> String {
    HEXLOWER.encode(&Sha256::digest(value.as_bytes()))
}

/// Server-held keys, shared by every instance through the database.
#[derive(Clone)]
pub struct Keys {
    hmac_key: Vec<u8>,
}

impl Keys {
    pub fn new(hmac_key: Vec<u8>) -> Self {
        Self { hmac_key }
    }

    /// For low-entropy secrets (6-digit codes, recovery codes) and signed links: a keyed hash, so
    /// a copy of the database alone cannot be brute-forced.
    pub fn mac(&self, parts: &[&str]) -> String {
        HEXLOWER.encode(&self.mac_bytes(parts))
    }

    fn mac_bytes(&self, parts: &[&str]) -> Vec<u8> {
        // HMAC accepts keys of any length, so construction cannot fail.
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.hmac_key).unwrap_or_else(|_| unreachable!());
        for part in parts {
            mac.update(part.as_bytes());
            mac.update(&[0x1f]); // unit separator: ("ab","c") and ("a","bc") differ
        }
        mac.finalize().into_bytes().to_vec()
    }

    /// Constant-time comparison of a presented value's MAC with a stored one.
    pub fn mac_matches(&self, parts: &[&str], stored_hex: &str) -> bool {
        self.mac(parts).as_bytes().ct_eq(stored_hex.as_bytes()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_promised_shapes() {
        assert!(random_code().len() == 6 && random_code().bytes().all(|b| b.is_ascii_digit()));
        let r = random_recovery_code();
        assert_eq!(r.len(), 9);
        assert!(!r.contains(['0', 'o', '1', 'l', 'i']));
        assert_ne!(random_token(), random_token());
    }

    #[test]
    fn macs_separate_their_parts_and_compare() {
        let keys = Keys::new(b"k".to_vec());
        assert_ne!(keys.mac(&["ab", "c"]), keys.mac(&["a", "bc"]));
        let stored = keys.mac(&["user", "123456"]);
        assert!(keys.mac_matches(&["user", "123456"], &stored));
        assert!(!keys.mac_matches(&["user", "123457"], &stored));
    }
}
