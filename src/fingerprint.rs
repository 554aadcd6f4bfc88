//! Fingerprint: every passage gets an exact hash (xxh3 of its matching
//! tokens), a 64-bit simhash over word 3-shingles, and paragraphs long enough
//! to matter get a MinHash signature (one-permutation hashing with optimal
//! densification) whose bands feed the LSH channel of the index. All hashes
//! are xxh3, never `std::hash`, so they are stable and can be persisted with
//! [`ALGORITHM_VERSION`].

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Bump when any fingerprint would change for the same input.
pub const ALGORITHM_VERSION: u32 = 1;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// Exact and near fingerprints of one passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Print {
    pub exact: u64,
    pub simhash: u64,
}

/// Hash of a sequence of token hashes (little-endian bytes, so the value
/// does not depend on the machine).
pub fn hash_tokens(tokens: &[u64], buf: &mut Vec<u8>) -> u64 {
    buf.clear();
    for t in tokens {
        buf.extend_from_slice(&t.to_le_bytes());
    }
    xxh3_64(buf)
}

/// Word 3-shingle hashes of a token sequence (a shorter sequence is one
/// shingle of all its tokens; an empty one has none).
pub fn shingles(tokens: &[u64], out: &mut Vec<u64>) {
    out.clear();
    if tokens.is_empty() {
        return;
    }
    if tokens.len() < SHINGLE_WORDS {
        let mut buf = Vec::with_capacity(8 * SHINGLE_WORDS);
        out.push(hash_tokens(tokens, &mut buf));
        return;
    }
    let mut b = [0u8; 8 * SHINGLE_WORDS];
    for w in tokens.windows(SHINGLE_WORDS) {
        for (k, t) in w.iter().enumerate() {
            b[8 * k..8 * k + 8].copy_from_slice(&t.to_le_bytes());
        }
        out.push(xxh3_64(&b));
    }
}

/// 64-bit simhash (Charikar) of a set of feature hashes, unweighted.
pub fn simhash(features: &[u64]) -> u64 {
    let mut counts = [0u32; 64];
    for &h in features {
        for (b, c) in counts.iter_mut().enumerate() {
            *c += ((h >> b) & 1) as u32;
        }
    }
    let n = features.len() as u32;
    counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| 2 * c > n)
        .fold(0u64, |acc, (b, _)| acc | (1 << b))
}

/// Number of differing bits.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

const EMPTY: u32 = u32::MAX;

/// One-permutation MinHash with optimal densification (Shrivastava 2017):
/// each shingle goes to one of `sig.len()` bins by its high bits and keeps
/// the minimum of its low bits there; an empty bin borrows the value of the
/// bin found by probing a fixed hash sequence, so that two sets agree in a
/// bin with probability equal to their Jaccard similarity. Cost: one step per
/// shingle plus a few per empty bin, against one hash per shingle *per bin*
/// for classic MinHash.
pub fn minhash(shingles: &[u64], sig: &mut [u32]) {
    let k = sig.len();
    sig.fill(EMPTY);
    if shingles.is_empty() || k == 0 {
        return;
    }
    for &h in shingles {
        let bin = (((h >> 32) * k as u64) >> 32) as usize;
        let v = (h as u32).min(EMPTY - 1);
        if v < sig[bin] {
            sig[bin] = v;
        }
    }
    let filled: Vec<bool> = sig.iter().map(|&v| v != EMPTY).collect();
    for i in 0..k {
        if filled[i] {
            continue;
        }
        let mut attempt = 0u64;
        loop {
            attempt += 1;
            let r = xxh3_64_with_seed(&(i as u64).to_le_bytes(), attempt);
            let j = (((r >> 32) * k as u64) >> 32) as usize;
            if filled[j] {
                sig[i] = sig[j];
                break;
            }
        }
    }
}

/// Estimated Jaccard similarity: the share of bins that agree.
pub fn jaccard_estimate(a: &[u32], b: &[u32]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// LSH band keys: `rows` consecutive bins hashed together, band index mixed in.
pub fn band_keys(sig: &[u32], rows: usize) -> impl Iterator<Item = u64> + '_ {
    sig.chunks(rows).enumerate().map(|(band, rows)| {
        let mut b = [0u8; 4 * 16];
        let n = rows.len().min(16);
        for (k, v) in rows[..n].iter().enumerate() {
            b[4 * k..4 * k + 4].copy_from_slice(&v.to_le_bytes());
        }
        xxh3_64_with_seed(&b[..4 * n], band as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<u64> {
        s.split_whitespace()
            .map(|w| xxh3_64(w.as_bytes()))
            .collect()
    }

    #[test]
    fn simhash_close_for_close_text() {
        let a =
            "the quick brown fox jumps over the lazy dog and runs far away into the woods today";
        let b =
            "the quick brown fox jumps over the lazy cat and runs far away into the woods today";
        let c = "an entirely different sentence about state threats and terrorism in the united kingdom";
        let mut sa = Vec::new();
        let mut sb = Vec::new();
        let mut sc = Vec::new();
        shingles(&toks(a), &mut sa);
        shingles(&toks(b), &mut sb);
        shingles(&toks(c), &mut sc);
        assert!(hamming(simhash(&sa), simhash(&sb)) < hamming(simhash(&sa), simhash(&sc)));
    }

    #[test]
    fn minhash_estimates_jaccard() {
        // Two sets of 400 features sharing 300: Jaccard 300/500 = 0.6.
        let a: Vec<u64> = (0..400u64).map(|i| xxh3_64(&i.to_le_bytes())).collect();
        let b: Vec<u64> = (100..500u64).map(|i| xxh3_64(&i.to_le_bytes())).collect();
        let (mut sa, mut sb) = (vec![0; 256], vec![0; 256]);
        minhash(&a, &mut sa);
        minhash(&b, &mut sb);
        let j = jaccard_estimate(&sa, &sb);
        assert!((j - 0.6).abs() < 0.1, "{j}");
        let mut sa2 = vec![0; 256];
        minhash(&a, &mut sa2);
        assert_eq!(sa, sa2);
    }

    #[test]
    fn densified_small_sets_still_agree() {
        let a: Vec<u64> = (0..20u64).map(|i| xxh3_64(&i.to_le_bytes())).collect();
        let (mut sa, mut sb) = (vec![0; 100], vec![0; 100]);
        minhash(&a, &mut sa);
        minhash(&a, &mut sb);
        assert_eq!(jaccard_estimate(&sa, &sb), 1.0);
        assert!(sa.iter().all(|&v| v != EMPTY));
    }
}
