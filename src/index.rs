//! Index: candidate pairs of passages without comparing all pairs. Three
//! channels, each a sort of (key, passage) followed by a scan of equal keys:
//!
//! * simhash tables: the 64 bits cut into `k + 1` blocks; two hashes within
//!   Hamming distance `k` agree on at least one block (pigeonhole);
//! * MinHash LSH: `bands` keys of `rows` bins each; a pair agreeing on any
//!   band is a candidate, kept if its estimated Jaccard reaches the threshold;
//! * winnowed shingle postings with a document-frequency cap, for partial
//!   reuse (a passage that takes part of a longer one).
//!
//! A bucket larger than `max_bucket` is not expanded into all its pairs: its
//! members are chained (each to the next) so the work stays linear; chained
//! members still end up in one cluster when they are alike.

use rayon::prelude::*;

use crate::fingerprint::{Bin, band_key, hamming, jaccard_estimate};

/// A candidate pair of passage ids, `a < b`.
pub type Pair = (u32, u32);

/// Which channels find near-duplicate candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channels {
    Simhash,
    Minhash,
    Both,
}

impl Channels {
    pub fn simhash(self) -> bool {
        matches!(self, Channels::Simhash | Channels::Both)
    }
    pub fn minhash(self) -> bool {
        matches!(self, Channels::Minhash | Channels::Both)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct IndexConfig {
    pub channels: Channels,
    /// Largest simhash Hamming distance for a near-duplicate.
    pub hamming: u32,
    pub bands: usize,
    pub rows: usize,
    /// Smallest estimated Jaccard similarity (3-shingles) for a near-duplicate.
    pub min_jaccard: f64,
    /// Buckets larger than this are chained, not expanded.
    pub max_bucket: usize,
}

impl Default for IndexConfig {
    fn default() -> Self {
        IndexConfig {
            channels: Channels::Both,
            hamming: 3,
            bands: 20,
            rows: 5,
            min_jaccard: 0.6,
            max_bucket: 64,
        }
    }
}

/// Scans sorted (key, id) entries; calls `f` on each candidate pair.
fn bucket_pairs(entries: &mut [(u64, u32)], max_bucket: usize, mut f: impl FnMut(u32, u32)) {
    entries.sort_unstable();
    let mut i = 0;
    while i < entries.len() {
        let mut j = i + 1;
        while j < entries.len() && entries[j].0 == entries[i].0 {
            j += 1;
        }
        let run = &entries[i..j];
        if run.len() <= max_bucket {
            for x in 0..run.len() {
                for y in x + 1..run.len() {
                    f(run[x].1, run[y].1);
                }
            }
        } else {
            for w in run.windows(2) {
                f(w[0].1, w[1].1);
            }
        }
        i = j;
    }
}

/// Like [`bucket_pairs`] for items `0..n` with one key each, sorting single
/// `u64`s: the key's high bits with the item index in the low bits. Keys that
/// agree on their high bits are grouped (a rare false agreement only adds a
/// candidate, which the caller verifies); half the memory traffic of sorting
/// (key, id) tuples.
fn packed_pairs(
    keys: impl Iterator<Item = u64>,
    n: usize,
    max_bucket: usize,
    mut f: impl FnMut(u32, u32),
) {
    let id_bits = (usize::BITS - n.leading_zeros()).max(1);
    let high = u64::MAX << id_bits;
    let mut packed: Vec<u64> = keys
        .enumerate()
        .map(|(i, k)| (k & high) | i as u64)
        .collect();
    packed.sort_unstable();
    let id = |x: u64| (x & !high) as u32;
    for run in packed.chunk_by(|a, b| a & high == b & high) {
        if run.len() <= max_bucket {
            for x in 0..run.len() {
                for y in x + 1..run.len() {
                    f(id(run[x]), id(run[y]));
                }
            }
        } else {
            for w in run.windows(2) {
                f(id(w[0]), id(w[1]));
            }
        }
    }
}

fn ordered(a: u32, b: u32) -> Pair {
    if a < b { (a, b) } else { (b, a) }
}

fn finish(mut pairs: Vec<Pair>) -> Vec<Pair> {
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Pairs of `(id, simhash)` items within Hamming distance `k`.
pub fn simhash_pairs(items: &[(u32, u64)], k: u32, max_bucket: usize) -> Vec<Pair> {
    let blocks = (k as usize + 1).min(64);
    let width = 64 / blocks;
    let pairs: Vec<Pair> = (0..blocks)
        .into_par_iter()
        .flat_map_iter(|b| {
            let shift = b * width;
            let bits = if b == blocks - 1 { 64 - shift } else { width };
            let mask = if bits == 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            };
            // The block's bits go to the top of the key.
            let keys = items
                .iter()
                .map(|&(_, h)| ((h >> shift) & mask) << (64 - bits));
            let mut out = Vec::new();
            packed_pairs(keys, items.len(), max_bucket, |a, c| {
                let (a, c) = (items[a as usize], items[c as usize]);
                if hamming(a.1, c.1) <= k {
                    out.push(ordered(a.0, c.0));
                }
            });
            out
        })
        .collect();
    finish(pairs)
}

/// MinHash signatures of passages: passage `ids[i]` has the signature in
/// row `rows[i]` of `sigs` (`k` bins a row).
pub struct Signatures<'a> {
    pub ids: &'a [u32],
    pub rows: &'a [u32],
    pub sigs: &'a [Bin],
    pub k: usize,
}

impl Signatures<'_> {
    pub fn get(&self, i: usize) -> &[Bin] {
        let r = self.rows[i] as usize;
        &self.sigs[r * self.k..(r + 1) * self.k]
    }
}

/// Pairs that share an LSH band and whose estimated Jaccard is high enough.
/// Band keys are computed band by band, never stored all at once.
pub fn lsh_pairs(s: &Signatures<'_>, cfg: &IndexConfig) -> Vec<Pair> {
    let n = s.ids.len();
    let pairs: Vec<Pair> = (0..cfg.bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let keys = (0..n).map(|i| band_key(s.get(i), band, cfg.rows));
            let mut out = Vec::new();
            packed_pairs(keys, n, cfg.max_bucket, |a, b| {
                if jaccard_estimate(s.get(a as usize), s.get(b as usize)) >= cfg.min_jaccard {
                    out.push(ordered(s.ids[a as usize], s.ids[b as usize]));
                }
            });
            out
        })
        .collect();
    finish(pairs)
}

/// Winnowing (Schleimer et al. 2003): the smallest hash of every window of
/// `w` consecutive shingle hashes, each selected position once. Two texts
/// sharing a run of `w + 2` words share at least one selected hash.
pub fn winnow(hashes: &[u64], w: usize, out: &mut Vec<u64>) {
    out.clear();
    if hashes.len() <= w {
        out.extend(hashes.iter().min());
        return;
    }
    let mut last = usize::MAX;
    for start in 0..=hashes.len() - w {
        let win = &hashes[start..start + w];
        let (off, _) = win
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|&(_, h)| *h)
            .expect("window is not empty");
        if start + off != last {
            last = start + off;
            out.push(hashes[last]);
        }
    }
}

/// An inverted index from winnowed shingle hashes to the passages holding
/// them. Hashes held by more than `max_df` passages are dropped (formulaic
/// text: they would make every passage a candidate of every other).
pub struct Postings {
    entries: Vec<(u64, u32)>,
}

impl Postings {
    pub fn build(mut entries: Vec<(u64, u32)>, max_df: usize) -> Postings {
        entries.par_sort_unstable();
        entries.dedup();
        let mut keep = Vec::with_capacity(entries.len());
        let mut i = 0;
        while i < entries.len() {
            let mut j = i + 1;
            while j < entries.len() && entries[j].0 == entries[i].0 {
                j += 1;
            }
            if j - i <= max_df {
                keep.extend_from_slice(&entries[i..j]);
            }
            i = j;
        }
        Postings { entries: keep }
    }

    /// Passages holding `hash`.
    pub fn get(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let lo = self.entries.partition_point(|e| e.0 < hash);
        self.entries[lo..]
            .iter()
            .take_while(move |e| e.0 == hash)
            .map(|e| e.1)
    }

    /// Pairs of passages sharing at least `min_shared` postings.
    pub fn pairs(&self, min_shared: u32) -> Vec<Pair> {
        let mut co: Vec<Pair> = Vec::new();
        bucket_pairs(&mut self.entries.clone(), usize::MAX, |a, b| {
            co.push(ordered(a, b))
        });
        co.par_sort_unstable();
        let mut out = Vec::new();
        let mut i = 0;
        while i < co.len() {
            let mut j = i + 1;
            while j < co.len() && co[j] == co[i] {
                j += 1;
            }
            if (j - i) as u32 >= min_shared {
                out.push(co[i]);
            }
            i = j;
        }
        out
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simhash_pigeonhole_finds_close_hashes_only() {
        let a = 0xDEAD_BEEF_0123_4567u64;
        let items = [(0, a), (1, a ^ 0b1011), (2, !a), (3, a ^ (0xFF << 20))];
        assert_eq!(simhash_pairs(&items, 3, 64), [(0, 1)]);
    }

    #[test]
    fn big_buckets_are_chained_not_expanded() {
        let items: Vec<(u32, u64)> = (0..200).map(|i| (i, 42)).collect();
        let pairs = simhash_pairs(&items, 0, 10);
        assert_eq!(pairs.len(), 199);
    }

    #[test]
    fn winnowing_selects_shared_minimum() {
        let a = [5u64, 3, 9, 1, 7, 8, 2, 6];
        let mut out = Vec::new();
        winnow(&a, 4, &mut out);
        assert_eq!(out, [1, 2]);
    }

    #[test]
    fn postings_cap_and_pairs() {
        let mut e = vec![(7u64, 0u32), (7, 1), (8, 0), (8, 1), (9, 2)];
        e.extend((0..10).map(|i| (1u64, i)));
        let p = Postings::build(e, 5);
        assert_eq!(p.get(1).count(), 0);
        assert_eq!(p.pairs(2), [(0, 1)]);
        assert_eq!(p.pairs(3), []);
    }
}
