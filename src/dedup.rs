//! Dedup: exact and near-duplicate clusters of passages, within and across
//! documents. Exact groups come from equal hashes; near pairs from the index
//! channels; clusters are the connected components; clusters whose members
//! all continue into the next passage together are merged into one region
//! (a repeated sidebar is one finding, not one per paragraph).

use std::time::{Duration, Instant};

use crate::index::{self, Pair, Signatures};
use crate::pipeline::{Config, Fingerprinted};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DupKind {
    Exact,
    Near,
}

impl DupKind {
    pub fn name(self) -> &'static str {
        match self {
            DupKind::Exact => "exact",
            DupKind::Near => "near",
        }
    }
}

/// One copy: the units `first..=last` (indices into `Fingerprinted::units`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Member {
    pub first: u32,
    pub last: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub kind: DupKind,
    /// Sorted by position in the corpus.
    pub members: Vec<Member>,
}

/// Counts for `--stats`.
#[derive(Clone, Debug, Default)]
pub struct DedupCounts {
    pub compared: usize,
    pub exact_groups: usize,
    pub simhash_pairs: usize,
    pub minhash_pairs: usize,
    /// Time spent finding candidates, and building clusters.
    pub index_time: Duration,
    pub cluster_time: Duration,
}

struct UnionFind(Vec<u32>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n as u32).collect())
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let p = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = p;
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi as usize] = lo;
        }
    }
}

/// Finds the duplicate clusters of a fingerprinted corpus.
pub fn find(fp: &Fingerprinted, cfg: &Config) -> (Vec<Cluster>, DedupCounts) {
    let t0 = Instant::now();
    let units = &fp.units;
    let eligible: Vec<u32> = (0..units.len() as u32)
        .filter(|&u| units[u as usize].words as usize >= cfg.min_words)
        .collect();
    let mut counts = DedupCounts {
        compared: eligible.len(),
        ..DedupCounts::default()
    };
    let mut uf = UnionFind::new(units.len());
    // Exact groups; one representative of each goes on to the near search.
    let mut by_hash: Vec<(u64, u32)> = eligible
        .iter()
        .map(|&u| (units[u as usize].print.exact, u))
        .collect();
    by_hash.sort_unstable();
    let mut representative = vec![true; units.len()];
    for run in by_hash.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            counts.exact_groups += 1;
            for w in run.windows(2) {
                uf.union(w[0].1, w[1].1);
                representative[w[1].1 as usize] = false;
            }
        }
    }
    let mut pairs: Vec<Pair> = Vec::new();
    if cfg.index.channels.simhash() {
        let items: Vec<(u32, u64)> = eligible
            .iter()
            .filter(|&&u| representative[u as usize])
            .map(|&u| (u, units[u as usize].print.simhash))
            .collect();
        let p = index::simhash_pairs(&items, cfg.index.hamming, cfg.index.max_bucket);
        counts.simhash_pairs = p.len();
        pairs.extend(p);
    }
    if cfg.index.channels.minhash() {
        let k = cfg.index.bands * cfg.index.rows;
        let rows: Vec<u32> = (0..fp.sig_units.len() as u32)
            .filter(|&i| representative[fp.sig_units[i as usize] as usize])
            .collect();
        let ids: Vec<u32> = rows.iter().map(|&i| fp.sig_units[i as usize]).collect();
        let s = Signatures {
            ids: &ids,
            rows: &rows,
            sigs: &fp.sigs,
            k,
        };
        let p = index::lsh_pairs(&s, &cfg.index);
        counts.minhash_pairs = p.len();
        pairs.extend(p);
    }
    counts.index_time = t0.elapsed();
    let t1 = Instant::now();
    for (a, b) in pairs {
        uf.union(a, b);
    }
    let mut by_root: Vec<(u32, u32)> = eligible.iter().map(|&u| (uf.find(u), u)).collect();
    by_root.sort_unstable();
    let mut clusters: Vec<Cluster> = by_root
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.len() > 1)
        .map(|g| {
            let g: Vec<u32> = g.iter().map(|x| x.1).collect();
            let exact = g
                .iter()
                .all(|&u| units[u as usize].print.exact == units[g[0] as usize].print.exact);
            Cluster {
                kind: if exact { DupKind::Exact } else { DupKind::Near },
                members: g
                    .into_iter()
                    .map(|u| Member { first: u, last: u })
                    .collect(),
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.members[0]);
    let clusters = merge_runs(clusters, &eligible, fp);
    counts.cluster_time = t1.elapsed();
    (clusters, counts)
}

/// Extends cluster A by cluster B when every member of A is followed, in its
/// document, by a member of B (skipping passages too short to compare). B is
/// absorbed when nothing of it is left; otherwise (B also has copies that do
/// not follow A's, like a title repeated both in a sidebar and above the
/// article) B is still reported on its own.
fn merge_runs(clusters: Vec<Cluster>, eligible: &[u32], fp: &Fingerprinted) -> Vec<Cluster> {
    const NONE: u32 = u32::MAX;
    let mut next_of = vec![NONE; fp.units.len()];
    for w in eligible.windows(2) {
        if fp.units[w[0] as usize].doc == fp.units[w[1] as usize].doc {
            next_of[w[0] as usize] = w[1];
        }
    }
    let next = |u: u32| Some(next_of[u as usize]).filter(|&n| n != NONE);
    let mut owner_of = vec![NONE; fp.units.len()];
    for (i, c) in clusters.iter().enumerate() {
        for m in &c.members {
            owner_of[m.first as usize] = i as u32;
        }
    }
    let owner = |u: u32| Some(owner_of[u as usize] as usize).filter(|&o| o != NONE as usize);
    let mut absorbed = vec![false; clusters.len()];
    let mut out = Vec::new();
    for i in 0..clusters.len() {
        if absorbed[i] {
            continue;
        }
        let mut a = clusters[i].clone();
        loop {
            let followers: Option<Vec<u32>> = a.members.iter().map(|m| next(m.last)).collect();
            let Some(followers) = followers else { break };
            let Some(j) = owner(followers[0]) else {
                break;
            };
            let b = &clusters[j];
            if j == i || absorbed[j] || !followers.iter().all(|&f| owner(f) == Some(j)) {
                break;
            }
            for (m, &f) in a.members.iter_mut().zip(&followers) {
                m.last = f;
            }
            if b.kind == DupKind::Near {
                a.kind = DupKind::Near;
            }
            absorbed[j] = b.members.len() == followers.len();
        }
        out.push(a);
    }
    out
}
