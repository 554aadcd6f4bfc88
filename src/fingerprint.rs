//! Fingerprint: every passage gets an exact hash (xxh3 of its matching
//! tokens), a 64-bit simhash over word 3-shingles, and paragraphs long enough
//! to matter get a MinHash signature (one-permutation hashing with optimal
//! densification) whose bands feed the LSH channel of the index. All hashes
//! are xxh3, never `std::hash`, so they are stable and can be persisted with
//! [`ALGORITHM_VERSION`].

use xxhash_rust::xxh3::xxh3_64;

/// Bump when any fingerprint would change for the same input.
pub const ALGORITHM_VERSION: u32 = 8;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// Exact and near fingerprints of one passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// For each byte value, its 8 bits spread into the 8 bytes of a `u64`.
static SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut v = 0;
    while v < 256 {
        let mut bit = 0;
        while bit < 8 {
            if v >> bit & 1 == 1 {
                t[v] |= 1 << (8 * bit);
            }
            bit += 1;
        }
        v += 1;
    }
    t
};

/// 64-bit simhash (Charikar) of a set of feature hashes, unweighted.
/// Bit counts are kept eight to a `u64` (one byte each, flushed before they
/// can overflow), so each feature costs eight table lookups and adds.
pub fn simhash(features: &[u64]) -> u64 {
    let mut counts = [0u32; 64];
    for batch in features.chunks(255) {
        let mut packed = [0u64; 8];
        for &h in batch {
            for (byte, p) in packed.iter_mut().enumerate() {
                *p += SPREAD[(h >> (8 * byte)) as usize & 0xFF];
            }
        }
        for (byte, p) in packed.iter().enumerate() {
            for bit in 0..8 {
                counts[8 * byte + bit] += (p >> (8 * bit)) as u32 & 0xFF;
            }
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
///
/// Each shingle is placed in three bins (three rotations of its high half
/// pick them). Every bin still holds the minimum over a fixed, hash-chosen
/// subset of shingles, so two sets agree on a bin with probability equal to
/// their Jaccard similarity; with three choices far fewer bins are empty
/// (about 9% instead of 45% for an 80-shingle paragraph in 100 bins), and
/// densification, whose probing dominated the cost, has little left to do.
pub fn minhash(shingles: &[u64], sig: &mut [u32]) {
    let k = sig.len();
    assert!(k <= MAX_BINS, "at most {MAX_BINS} MinHash bins");
    sig.fill(EMPTY);
    if shingles.is_empty() || k == 0 {
        return;
    }
    // Branch-free: whether a bin's minimum falls, or a bin is filled, is a
    // coin toss that a branch would mispredict (LLVM turns a plain `min` into
    // a branch in this loop; the masks keep most of it a select: 7% faster
    // in the `simhash/minhash-only` bench). The three choices are written
    // out, not looped over: the loop cost 40% more in that bench.
    let update = |sig: &mut [u32], r: u32, v: u32| {
        let bin = ((r as u64 * k as u64) >> 32) as usize;
        let old = sig[bin];
        let lower = 0u32.wrapping_sub(u32::from(v < old));
        sig[bin] = old ^ ((old ^ v) & lower);
    };
    for &h in shingles {
        let v = (h as u32) - u32::from(h as u32 == EMPTY);
        let r = (h >> 32) as u32;
        update(sig, r, v);
        update(sig, r.rotate_left(11), v);
        update(sig, r.rotate_left(22), v);
    }
    let mut filled = [0u64; MAX_BINS / 64];
    for (i, &v) in sig.iter().enumerate() {
        filled[i / 64] |= u64::from(v != EMPTY) << (i % 64);
    }
    let is_filled = |j: usize| filled[j / 64] >> (j % 64) & 1 == 1;
    let probes = &*PROBES;
    for i in 0..k {
        if is_filled(i) {
            continue;
        }
        let mut attempt = 0;
        loop {
            let r = match probes.get(i * PROBE_DEPTH + attempt) {
                Some(&r) if attempt < PROBE_DEPTH => r,
                _ => (splitmix64(((i as u64) << 32) | attempt as u64) >> 32) as u32,
            };
            attempt += 1;
            let j = ((r as u64 * k as u64) >> 32) as usize;
            if is_filled(j) {
                sig[i] = sig[j];
                break;
            }
        }
    }
}

/// Probes tabulated per bin (more are computed when needed).
const PROBE_DEPTH: usize = 16;

/// The fixed probe sequence of densification: `PROBES[i * PROBE_DEPTH + a]`
/// is the `a`-th probe of bin `i`, a 32-bit value mapped onto the bins.
static PROBES: std::sync::LazyLock<Vec<u32>> = std::sync::LazyLock::new(|| {
    (0..MAX_BINS * PROBE_DEPTH)
        .map(|x| {
            let (i, a) = (x / PROBE_DEPTH, x % PROBE_DEPTH);
            (splitmix64(((i as u64) << 32) | a as u64) >> 32) as u32
        })
        .collect()
});

/// Most MinHash bins supported (`bands * rows`).
pub const MAX_BINS: usize = 256;

/// SplitMix64 (Steele et al.): the fixed probe sequence of densification.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A stored signature bin: the low 16 bits of the bin's minimum. Two sets
/// agree on a stored bin when they agree on the full value, and otherwise by
/// chance once in 65,536 bins: negligible next to the estimate's own spread,
/// and it halves the memory of the largest structure dedup keeps.
pub type Bin = u16;

/// Stores a signature compactly.
pub fn compact(sig: &[u32], out: &mut Vec<Bin>) {
    out.extend(sig.iter().map(|&v| v as Bin));
}

/// Estimated Jaccard similarity: the share of bins that agree.
pub fn jaccard_estimate<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// The LSH key of band `band`: its `rows` bins folded together, band mixed
/// in, then finished so that the high bits (which the index sorts on) are
/// well mixed. A collision only adds a candidate pair, which is verified.
/// (xxh3 over the bins' bytes cost twice as much, for nothing here.)
pub fn band_key(sig: &[Bin], band: usize, rows: usize) -> u64 {
    let rows = &sig[band * rows..((band + 1) * rows).min(sig.len())];
    let h = rows.iter().fold(band as u64, |h, &v| {
        (h.rotate_left(16) ^ u64::from(v)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    });
    splitmix64(h)
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
    fn simhash_is_the_bitwise_majority() {
        let features: Vec<u64> = (0..1000u64).map(|i| xxh3_64(&i.to_le_bytes())).collect();
        let mut want = 0u64;
        for b in 0..64 {
            let ones = features.iter().filter(|&&h| h >> b & 1 == 1).count();
            if 2 * ones > features.len() {
                want |= 1 << b;
            }
        }
        assert_eq!(simhash(&features), want);
        assert_eq!(simhash(&[0b1011]), 0b1011);
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
