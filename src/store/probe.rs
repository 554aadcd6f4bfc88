//! Which indexed passages can pair with the passages of the documents being
//! checked: the same exact hash, a simhash within the Hamming distance, or
//! a shared signature band. Checking a few documents then clusters a
//! handful of indexed passages, not the corpus (clusters among indexed
//! passages alone are lost, which `check` does not report anyway).
//!
//! Each test is a bit lookup before any comparison: simhashes by the
//! pigeonhole principle (split into `hamming + 1` blocks, two simhashes
//! within the distance agree on at least one block), bands by a hash of
//! their bins.

use rustc_hash::FxHashSet;

use crate::fingerprint::{Bin, hamming};
use crate::pipeline::{Config, Fingerprinted};

/// Most probe passages for which narrowing pays off; beyond, the whole
/// index is loaded.
pub const MAX_PROBE_UNITS: usize = 20_000;

/// A set of 64-bit keys with a bitmap in front: most lookups miss, and a
/// miss costs one bit test.
struct Keys {
    bits: Vec<u64>,
    shift: u32,
    keys: FxHashSet<u64>,
}

impl Keys {
    fn new(keys: FxHashSet<u64>) -> Keys {
        // About 64 bits per key: few false hits, and small enough for the cache.
        let log = (keys.len().max(64) * 64)
            .next_power_of_two()
            .trailing_zeros();
        let mut bits = vec![0u64; 1 << (log - 6)];
        let shift = 64 - log;
        for &k in &keys {
            let b = (k >> shift) as usize;
            bits[b / 64] |= 1 << (b % 64);
        }
        Keys { bits, shift, keys }
    }

    fn contains(&self, k: u64) -> bool {
        let b = (k >> self.shift) as usize;
        self.bits[b / 64] & (1 << (b % 64)) != 0 && self.keys.contains(&k)
    }
}

/// Spreads a value over all 64 bits (a bitmap is indexed by the top ones).
fn mix(v: u64) -> u64 {
    let v = (v ^ (v >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    v ^ (v >> 29)
}

/// The passages being checked, as what an indexed passage must share with one.
pub struct Probe {
    exact: FxHashSet<u64>,
    simhashes: Vec<u64>,
    hamming: u32,
    /// Bit ranges of the simhash blocks (`hamming + 1` of them).
    blocks: Vec<(u32, u32)>,
    block_keys: Keys,
    rows: usize,
    bands: Keys,
}

impl Probe {
    /// The probe for the documents `doc` accepts in `fp`; `None` when they
    /// hold more than [`MAX_PROBE_UNITS`] passages (load everything then).
    pub fn new(fp: &Fingerprinted, doc: impl Fn(usize) -> bool, cfg: &Config) -> Option<Probe> {
        let probed: Vec<usize> = (0..fp.units.len())
            .filter(|&u| doc(fp.units[u].doc as usize))
            .collect();
        if probed.len() > MAX_PROBE_UNITS {
            return None;
        }
        let hamming = cfg.index.hamming.min(63);
        let n = hamming + 1;
        let blocks: Vec<(u32, u32)> = (0..n).map(|b| (b * 64 / n, (b + 1) * 64 / n)).collect();
        let simhashes: Vec<u64> = probed.iter().map(|&u| fp.units[u].print.simhash).collect();
        let block_keys = simhashes
            .iter()
            .flat_map(|&s| (0..blocks.len()).map(move |b| (s, b)))
            .map(|(s, b)| block_key(&blocks, b, s))
            .collect();
        let (bands, rows) = (cfg.index.bands, cfg.index.rows);
        let k = bands * rows;
        let mut band_keys = FxHashSet::default();
        for (j, &u) in fp.sig_units.iter().enumerate() {
            if doc(fp.units[u as usize].doc as usize) {
                let sig: Vec<u8> = fp.sigs[j * k..(j + 1) * k]
                    .iter()
                    .flat_map(|v| v.to_le_bytes())
                    .collect();
                let width = rows * std::mem::size_of::<Bin>();
                band_keys.extend(
                    sig.chunks_exact(width)
                        .enumerate()
                        .map(|(b, band)| band_key(b, band)),
                );
            }
        }
        Some(Probe {
            exact: probed.iter().map(|&u| fp.units[u].print.exact).collect(),
            simhashes,
            hamming,
            blocks,
            block_keys: Keys::new(block_keys),
            rows,
            bands: Keys::new(band_keys),
        })
    }

    /// Whether a passage with these hashes is an exact or simhash
    /// near-duplicate of a probe passage.
    pub fn near(&self, exact: u64, simhash: u64) -> bool {
        if self.exact.contains(&exact) {
            return true;
        }
        let candidate = (0..self.blocks.len()).any(|b| {
            self.block_keys
                .contains(block_key(&self.blocks, b, simhash))
        });
        // Rare (a shared block): confirm against every probe simhash.
        candidate
            && self
                .simhashes
                .iter()
                .any(|&s| hamming(s, simhash) <= self.hamming)
    }

    /// Whether a signature (bins as little-endian bytes) shares a band
    /// with a probe passage's.
    pub fn shares_band(&self, sig: &[u8]) -> bool {
        sig.chunks_exact(self.rows * std::mem::size_of::<Bin>())
            .enumerate()
            .any(|(b, band)| self.bands.contains(band_key(b, band)))
    }
}

fn block_key(blocks: &[(u32, u32)], b: usize, simhash: u64) -> u64 {
    let (lo, hi) = blocks[b];
    let width = hi - lo;
    let value = if width >= 64 {
        simhash
    } else {
        (simhash >> lo) & ((1 << width) - 1)
    };
    mix(value ^ (b as u64).rotate_right(8))
}

const _: () = assert!(std::mem::size_of::<Bin>() == 2, "band_key reads u16 bins");

/// A hash of band `b`'s bins, as little-endian bytes (collisions only load
/// a passage more).
fn band_key(b: usize, bytes: &[u8]) -> u64 {
    bytes.chunks_exact(2).fold(b as u64, |h, c| {
        (h.rotate_left(5) ^ u64::from(u16::from_le_bytes([c[0], c[1]])))
            .wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simhash_blocks_find_every_near_simhash() {
        let blocks: Vec<(u32, u32)> = (0..4).map(|b| (b * 16, (b + 1) * 16)).collect();
        let a = 0x0123_4567_89ab_cdef_u64;
        // Flip up to 3 bits anywhere: at least one block still agrees.
        for (i, j, k) in [(0, 17, 33), (1, 2, 3), (60, 61, 62), (15, 31, 47)] {
            let b = a ^ (1 << i) ^ (1 << j) ^ (1 << k);
            assert!((0..4).any(|x| block_key(&blocks, x, a) == block_key(&blocks, x, b)));
        }
        let far = a ^ 1 ^ (1 << 16) ^ (1 << 32) ^ (1 << 48);
        assert!((0..4).all(|x| block_key(&blocks, x, a) != block_key(&blocks, x, far)));
    }

    #[test]
    fn keys_hold_what_was_put_in() {
        let set: FxHashSet<u64> = (0..1000u64).map(mix).collect();
        let keys = Keys::new(set);
        assert!((0..1000u64).all(|v| keys.contains(mix(v))));
        assert!(!(1000..2000u64).any(|v| keys.contains(mix(v))));
    }
}
