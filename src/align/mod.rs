//! Align: a secondary passage is matched to the place in the sources it
//! comes from, in the spirit of the PAN text-alignment systems: *seed* with
//! shared word 3-grams from an index of the sources, *extend* to the densest
//! region of seeds (a passage may merge two source sentences or take one
//! clause of a long one), then *filter* by a word-level diff (`similar`,
//! over token ids, with a deadline) and the share of the passage it covers.

use std::ops::Range;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

mod anchor;
mod slide;

pub use anchor::anchor_quotes;

/// Alignment thresholds (each is a documented flag of `stemma audit`).
#[derive(Clone, Copy, Debug)]
pub struct AlignConfig {
    /// Words per seed (a shared run this long starts an alignment).
    pub seed_words: usize,
    /// Seeds found more often than this in the sources are formulaic and
    /// ignored ("in the UK", "as well as").
    pub max_seed_df: usize,
    /// Share of words that must match the source between the passage's
    /// first and last matching word (words the passage adds around the
    /// source, "He said that ...", do not count against it); the matching
    /// words must also be at least `min_words` and a quarter of the passage.
    pub min_coverage: f64,
    /// Passages with fewer words are not aligned on their own.
    pub min_words: usize,
    /// Longest time one diff may take; a diff that runs out is reported as
    /// timed out, never as "everything changed".
    pub deadline: Duration,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            seed_words: 3,
            max_seed_df: 32,
            min_coverage: 0.5,
            min_words: 4,
            deadline: Duration::from_millis(200),
        }
    }
}

/// Passage words that `ops` match to the source.
pub fn matched_words(ops: &[Op]) -> usize {
    ops.iter()
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| o.sec.len())
        .sum()
}

/// A seed: (source, source position, passage position).
type Seed = (u32, u32, u32);

/// Marks a posting holding its only hit (positions stay below 2^31).
const ONE: u32 = 1 << 31;

/// Hash of a seed: its token hashes (already xxh3, so well mixed) folded
/// with a rotate and a multiply, order-sensitive. The seed lookups (every
/// 3-word window of every secondary sentence) cost 40% less than with xxh3
/// over the seed's bytes.
fn seed_hash(w: &[u64]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let h = w
        .iter()
        .fold(0u64, |h, &t| (h.rotate_left(23) ^ t).wrapping_mul(K));
    h ^ (h >> 31)
}

/// Word 3-gram postings over every source's tokens.
pub struct SourceIndex {
    /// A bit per hash prefix: most passage seeds are in no source, and a
    /// miss then costs one bit test, not a probe of the (larger) map.
    filter: Vec<u64>,
    shift: u32,
    /// Seed hash -> its one (source, position | [`ONE`]), or its range in
    /// `hits` (one flat table, not a vector each; most seeds occur once, and
    /// are found without a second memory access).
    postings: FxHashMap<u64, (u32, u32)>,
    /// (source, position), grouped by seed.
    hits: Vec<(u32, u32)>,
    seed_words: usize,
}

impl SourceIndex {
    /// `sources[s]` is the token sequence of source `s`.
    pub fn build(sources: &[&[u64]], cfg: &AlignConfig) -> SourceIndex {
        let k = cfg.seed_words.max(1);
        let mut seeds: Vec<(u64, u32, u32)> = Vec::new();
        for (s, toks) in sources.iter().enumerate() {
            for (pos, w) in toks.windows(k).enumerate() {
                seeds.push((seed_hash(w), s as u32, pos as u32));
            }
        }
        seeds.sort_unstable();
        let log = (seeds.len().max(64) * 16)
            .next_power_of_two()
            .trailing_zeros();
        let shift = 64 - log;
        let mut filter = vec![0u64; 1 << (log - 6)];
        let mut postings = FxHashMap::default();
        let mut hits = Vec::with_capacity(seeds.len());
        for run in seeds.chunk_by(|a, b| a.0 == b.0) {
            if run.len() <= cfg.max_seed_df {
                let bit = (run[0].0 >> shift) as usize;
                filter[bit / 64] |= 1 << (bit % 64);
                if let [(_, s, p)] = run {
                    postings.insert(run[0].0, (*s, *p | ONE));
                } else {
                    postings.insert(run[0].0, (hits.len() as u32, run.len() as u32));
                    hits.extend(run.iter().map(|&(_, s, p)| (s, p)));
                }
            }
        }
        SourceIndex {
            filter,
            shift,
            postings,
            hits,
            seed_words: k,
        }
    }

    /// Seeds of `tokens` into `out`: (source, source position, passage
    /// position).
    fn seeds(&self, tokens: &[u64], out: &mut Vec<Seed>) {
        out.clear();
        for (i, w) in tokens.windows(self.seed_words).enumerate() {
            let h = seed_hash(w);
            let bit = (h >> self.shift) as usize;
            if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            if let Some(&(a, b)) = self.postings.get(&h) {
                if b & ONE != 0 {
                    out.push((a, b & !ONE, i as u32));
                    continue;
                }
                let hits = &self.hits[a as usize..(a + b) as usize];
                out.extend(hits.iter().map(|&(s, p)| (s, p, i as u32)));
            }
        }
    }
}

/// One step of a word diff: source tokens `src` (absolute indices in the
/// source) against passage tokens `sec` (indices in the passage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub tag: Tag,
    pub src: Range<usize>,
    pub sec: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Equal,
    /// In the source, not in the passage.
    Delete,
    /// In the passage, not in the source.
    Insert,
    Replace,
}

/// A passage aligned to a source.
#[derive(Clone, Debug)]
pub struct Alignment {
    pub source: u32,
    /// Token range in the source, from the first matching word to the last.
    pub src: Range<usize>,
    pub ops: Vec<Op>,
    /// Passage words that match the source.
    pub matched: usize,
    /// `matched` over the passage's length.
    pub coverage: f64,
    pub timed_out: bool,
}

/// Aligns `passage` (token hashes) to the best region of the sources, if any
/// region holds enough of it.
pub fn align(
    index: &SourceIndex,
    sources: &[&[u64]],
    passage: &[u64],
    cfg: &AlignConfig,
) -> Option<Alignment> {
    align_as(index, sources, passage, cfg, usize::MAX).ok()
}

/// [`align`], or, when the passage does not align, the source and window
/// that held the most of its seeds, if any (where [`shared_runs`] may find
/// the source's words in another order).
pub fn align_or_region(
    index: &SourceIndex,
    sources: &[&[u64]],
    passage: &[u64],
    cfg: &AlignConfig,
) -> Result<Alignment, Option<(u32, Range<usize>)>> {
    align_as(index, sources, passage, cfg, usize::MAX)
}

/// Aligns a quotation like [`align`], except that [`LONG_RUN`] words in a
/// row match it if they make half of it: a writer who quotes five words of
/// a source in a row and changes the sixth is misquoting that source. (A
/// sentence needs more: five words in a row of common words, "and the rest
/// of the", are chance between any two texts.)
pub fn align_quote(
    index: &SourceIndex,
    sources: &[&[u64]],
    passage: &[u64],
    cfg: &AlignConfig,
) -> Option<Alignment> {
    align_as(index, sources, passage, cfg, LONG_RUN).ok()
}

/// Fewest passage words with a seed in the next best window for it to be
/// tried (two may be a stock phrase; most sentences that do not align have
/// no such window, and are spared a second diff).
const RUNNER_UP_SEEDS: usize = 3;

/// [`align_or_region`], with a match of `long_run` words in a row enough.
/// Where the window with the most seeds does not hold the passage, the
/// next best window elsewhere is tried: a sentence may share a name with a
/// source's heading ("Northgate University Hospitals NHS Trust") as well as
/// a clause with its body, and the heading wins a tie of seeds.
fn align_as(
    index: &SourceIndex,
    sources: &[&[u64]],
    passage: &[u64],
    cfg: &AlignConfig,
    long_run: usize,
) -> Result<Alignment, Option<(u32, Range<usize>)>> {
    if passage.len() < cfg.min_words.max(1) {
        return Err(None);
    }
    let region = best_region(index, sources, passage, None, 2).ok_or(None)?;
    if let Some(al) = align_in(sources, passage, cfg, long_run, &region) {
        return Ok(al);
    }
    best_region(index, sources, passage, Some(&region), RUNNER_UP_SEEDS)
        .and_then(|other| align_in(sources, passage, cfg, long_run, &other))
        .ok_or(Some(region))
}

/// The alignment of `passage` in `region` (a source and a window of it),
/// if it holds the passage (see [`AlignConfig::min_coverage`]).
fn align_in(
    sources: &[&[u64]],
    passage: &[u64],
    cfg: &AlignConfig,
    long_run: usize,
    (source, window): &(u32, Range<usize>),
) -> Option<Alignment> {
    let (n, source, window) = (passage.len(), *source, window.clone());
    let src = sources[source as usize];
    let (ops, timed_out) = diff(&src[window.clone()], passage, window.start, cfg.deadline);
    if timed_out {
        return Some(Alignment {
            source,
            src: window,
            ops,
            matched: 0,
            coverage: 0.0,
            timed_out,
        });
    }
    let kept = trim(&ops)?;
    let trimmed = extend_edges(src, passage, kept.clone(), &ops);
    let al = if trimmed == kept {
        restrict(source, kept, ops, n)
    } else {
        align_to(src, source, trimmed, passage, cfg)
    };
    // The passage may wrap the source in words of its own ("He said that
    // ..."): what must hold most of the source's words is the stretch from
    // the first matching word to the last, and that stretch must be a real
    // part of the passage, not a stock phrase inside a long sentence.
    let equal = al.ops.iter().filter(|o| o.tag == Tag::Equal);
    let core = match (equal.clone().next(), equal.clone().next_back()) {
        (Some(a), Some(b)) => b.sec.end - a.sec.start,
        _ => n,
    };
    let core_coverage = al.matched as f64 / core.max(1) as f64;
    // A partial match needs two words more than the shortest passage
    // aligned at all: four shared words inside a longer quote are chance.
    let least = if al.matched == n {
        cfg.min_words
    } else {
        cfg.min_words + 2
    };
    let run = al
        .ops
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| o.sec.len())
        .max()
        .unwrap_or(0);
    // And, where it holds under half the passage, shared words of
    // substance: "the ... of ... so it is important to" is chance between
    // any two texts.
    let substantial = (al.matched >= least.max(n.div_ceil(4))
        || (run >= long_run && 2 * al.matched >= n))
        && (2 * al.matched >= n || has_substance(&al, passage));
    (core_coverage >= cfg.min_coverage && substantial || al.timed_out).then_some(al)
}

/// A run of words shared in order: source position, passage position,
/// length.
pub type Run = (usize, usize, usize);

/// The runs of at least a seed's length that `passage` shares with `window`
/// of source `source`, each passage and source word in one run at most
/// (the longest runs first, a shorter one trimmed to what is left of it),
/// in passage order. No run crosses a source sentence's end
/// (`sentence_end` of a source position: where its sentence ends).
pub fn shared_runs(
    index: &SourceIndex,
    passage: &[u64],
    (source, window): (u32, &Range<usize>),
    sentence_end: &dyn Fn(usize) -> usize,
) -> Vec<Run> {
    let mut seeds = Vec::new();
    index.seeds(passage, &mut seeds);
    seeds.retain(|s| s.0 == source && window.contains(&(s.1 as usize)));
    // Seeds on one diagonal, one passage word apart, make one run.
    seeds.sort_unstable_by_key(|s| (s.1 as i64 - s.2 as i64, s.2));
    let k = index.seed_words;
    let mut runs: Vec<Run> = Vec::new();
    for s in &seeds {
        let (sp, pp) = (s.1 as usize, s.2 as usize);
        match runs.last_mut() {
            Some(r) if r.0 as i64 - r.1 as i64 == sp as i64 - pp as i64 && pp <= r.1 + r.2 => {
                r.2 = r.2.max(pp + k - r.1);
            }
            _ => runs.push((sp, pp, k)),
        }
    }
    let mut runs: Vec<Run> = runs
        .into_iter()
        .flat_map(|r| split_at_sentences(r, sentence_end))
        .filter(|r| r.2 >= k)
        .collect();
    runs.sort_by_key(|r| (std::cmp::Reverse(r.2), r.1));
    let mut kept: Vec<Run> = Vec::new();
    for r in runs {
        if let Some(free) = unclaimed(r, &kept).filter(|f| f.2 >= k) {
            kept.push(free);
        }
    }
    kept.sort_by_key(|r| r.1);
    kept
}

/// Run `r` cut where source sentences end.
fn split_at_sentences(r: Run, sentence_end: &dyn Fn(usize) -> usize) -> Vec<Run> {
    let mut out = Vec::new();
    let (mut sp, mut pp, end) = (r.0, r.1, r.0 + r.2);
    while sp < end {
        let stop = sentence_end(sp).clamp(sp + 1, end);
        out.push((sp, pp, stop - sp));
        pp += stop - sp;
        sp = stop;
    }
    out
}

/// The longest stretch of run `r` whose passage and source words no run of
/// `kept` holds.
fn unclaimed(r: Run, kept: &[Run]) -> Option<Run> {
    let claimed = |i: usize| {
        kept.iter()
            .any(|q| (q.1..q.1 + q.2).contains(&(r.1 + i)) || (q.0..q.0 + q.2).contains(&(r.0 + i)))
    };
    let (mut best, mut from) = (None::<(usize, usize)>, 0);
    for i in 0..=r.2 {
        if i == r.2 || claimed(i) {
            if i > from && best.is_none_or(|b| i - from > b.1 - b.0) {
                best = Some((from, i));
            }
            from = i + 1;
        }
    }
    best.map(|(a, b)| (r.0 + a, r.1 + a, b - a))
}

/// Words in a row that make a match of a quotation on their own, however
/// long the quotation.
pub const LONG_RUN: usize = 5;

/// Content words (not [`crate::normalize::is_function_word`]) a partial
/// match must share with its source.
const MIN_CONTENT: usize = 2;

/// Does alignment `al` of `passage` match [`MIN_CONTENT`] words of
/// substance, not only function words?
pub fn has_substance(al: &Alignment, passage: &[u64]) -> bool {
    al.ops
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .flat_map(|o| o.sec.clone())
        .filter(|&i| !crate::normalize::is_function_word(passage[i]))
        .take(MIN_CONTENT)
        .count()
        >= MIN_CONTENT
}

/// Passages this short may align on a single seed.
const MIN_SEEDLESS: usize = 5;

/// Aligns `passage` to a given stretch `window` of source `source`, with no
/// acceptance test (the caller placed it): the word diff and its counts.
pub fn align_to(
    src: &[u64],
    source: u32,
    window: Range<usize>,
    passage: &[u64],
    cfg: &AlignConfig,
) -> Alignment {
    let (ops, timed_out) = diff(&src[window.clone()], passage, window.start, cfg.deadline);
    let matched = matched_words(&ops);
    Alignment {
        source,
        src: window,
        ops,
        matched,
        coverage: matched as f64 / passage.len().max(1) as f64,
        timed_out,
    }
}

/// The alignment to `window`, a stretch from one matching word of `ops` (a
/// diff over a wider window) to another: the ops between them, and the
/// passage's words outside them as added. A second diff over `window` alone
/// finds the same, bar ties between equally short diffs, and costs time:
/// without it the 103 MB audit bench runs 4% faster, the bundled corpus's
/// findings are byte for byte the same, and 2% of the bench's findings (chance
/// alignments of its generated filler words) change.
fn restrict(source: u32, window: Range<usize>, ops: Vec<Op>, n: usize) -> Alignment {
    let inside =
        |o: &Op| o.tag == Tag::Equal && window.start <= o.src.start && o.src.end <= window.end;
    let first = ops
        .iter()
        .position(inside)
        .expect("window starts at a match");
    let last = ops
        .iter()
        .rposition(inside)
        .expect("window ends at a match");
    let (lead, tail) = (ops[first].sec.start, ops[last].sec.end);
    let mut out = Vec::with_capacity(last - first + 3);
    if lead > 0 {
        out.push(Op {
            tag: Tag::Insert,
            src: window.start..window.start,
            sec: 0..lead,
        });
    }
    out.extend(ops.into_iter().skip(first).take(last + 1 - first));
    if tail < n {
        out.push(Op {
            tag: Tag::Insert,
            src: window.end..window.end,
            sec: tail..n,
        });
    }
    let matched = matched_words(&out);
    Alignment {
        source,
        src: window,
        ops: out,
        matched,
        coverage: matched as f64 / n.max(1) as f64,
        timed_out: false,
    }
}

/// The source and token window holding the most seeds of the passage.
/// (`except`: seeds inside this source window are not counted; `least`:
/// the fewest passage words with a seed there, unless the passage is very
/// short.)
fn best_region(
    index: &SourceIndex,
    sources: &[&[u64]],
    passage: &[u64],
    except: Option<&(u32, Range<usize>)>,
    least: usize,
) -> Option<(u32, Range<usize>)> {
    thread_local! {
        /// Seeds and window counts, kept between calls (a million calls an
        /// audit of 100 MB; most find nothing).
        static SCRATCH: std::cell::RefCell<(Vec<Seed>, Vec<u32>)> =
            const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    SCRATCH.with_borrow_mut(|(seeds, held)| {
        index.seeds(passage, seeds);
        if let Some((s, w)) = except {
            seeds.retain(|x| x.0 != *s || !w.contains(&(x.1 as usize)));
        }
        region_of(sources, passage, (seeds, held), least)
    })
}

fn region_of(
    sources: &[&[u64]],
    passage: &[u64],
    (seeds, held): (&mut [Seed], &mut Vec<u32>),
    least: usize,
) -> Option<(u32, Range<usize>)> {
    let n = passage.len();
    if seeds.is_empty() {
        return None;
    }
    seeds.sort_unstable();
    let span = 2 * n + 8;
    let mut best: Option<(usize, u32, Range<usize>)> = None;
    // Distinct passage positions in the sliding window, kept incrementally.
    held.clear();
    held.resize(n, 0);
    for group in seeds.chunk_by(|a, b| a.0 == b.0) {
        held.fill(0);
        let mut count = 0;
        let mut lo = 0;
        for hi in 0..group.len() {
            let i = group[hi].2 as usize;
            count += usize::from(held[i] == 0);
            held[i] += 1;
            while group[hi].1 - group[lo].1 > span as u32 {
                let j = group[lo].2 as usize;
                held[j] -= 1;
                count -= usize::from(held[j] == 0);
                lo += 1;
            }
            if best.as_ref().is_none_or(|b| count > b.0) {
                let starts = group[lo..=hi].iter().map(|s| s.1 as i64 - s.2 as i64);
                let first = starts.clone().min().unwrap_or(0);
                let last = starts.max().unwrap_or(0) + n as i64;
                let slack = (n / 4 + 3) as i64;
                let len = sources[group[0].0 as usize].len() as i64;
                let a = (first - slack).clamp(0, len) as usize;
                let b = (last + slack).clamp(0, len) as usize;
                best = Some((count, group[0].0, a..b));
            }
        }
    }
    // One shared 3-word run cannot make a match of the six words a partial
    // match needs; short passages can still match whole on one seed.
    let (count, s, r) = best?;
    (count >= least || n <= MIN_SEEDLESS).then_some((s, r))
}

/// Diffs of at most this many word pairs (source x passage) need no deadline.
const SMALL_DIFF: usize = 64 * 1024;

/// Word diff of a source window (starting at token `offset`) against the passage.
fn diff(src: &[u64], passage: &[u64], offset: usize, deadline: Duration) -> (Vec<Op>, bool) {
    // Small diffs finish in microseconds: they run without a deadline, which
    // spares the clock reads a deadline costs on every step.
    let small = src.len() * passage.len() <= SMALL_DIFF;
    let until = Instant::now() + deadline;
    let raw =
        capture_diff_slices_deadline(Algorithm::Myers, src, passage, (!small).then_some(until));
    let timed_out = !small && Instant::now() >= until;
    let ops = raw
        .into_iter()
        .map(|op| {
            let (tag, o, s) = match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => (
                    Tag::Equal,
                    old_index..old_index + len,
                    new_index..new_index + len,
                ),
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (
                    Tag::Delete,
                    old_index..old_index + old_len,
                    new_index..new_index,
                ),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (
                    Tag::Insert,
                    old_index..old_index,
                    new_index..new_index + new_len,
                ),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (
                    Tag::Replace,
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ),
            };
            Op {
                tag,
                src: o.start + offset..o.end + offset,
                sec: s,
            }
        })
        .collect();
    let mut ops = ops;
    slide::slide_edges(&mut ops, src, passage, offset);
    (ops, timed_out)
}

/// Grows the source range over words the passage also has just before its
/// first match and just after its last (the diff may have paired them with
/// another occurrence that trimming then dropped).
fn extend_edges(src: &[u64], passage: &[u64], mut r: Range<usize>, ops: &[Op]) -> Range<usize> {
    let first = ops
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| o.sec.start)
        .min()
        .unwrap_or(0);
    let last = ops
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| o.sec.end)
        .max()
        .unwrap_or(passage.len());
    // Words of the passage before its first match in the trimmed range.
    let lead = ops
        .iter()
        .find(|o| o.tag == Tag::Equal && o.src.start >= r.start)
        .map_or(first, |o| o.sec.start);
    let mut k = lead;
    while k > 0 && r.start > 0 && src[r.start - 1] == passage[k - 1] {
        r.start -= 1;
        k -= 1;
    }
    let tail = ops
        .iter()
        .rev()
        .find(|o| o.tag == Tag::Equal && o.src.end <= r.end)
        .map_or(last, |o| o.sec.end);
    let mut k = tail;
    while k < passage.len() && r.end < src.len() && src[r.end] == passage[k] {
        r.end += 1;
        k += 1;
    }
    r
}

/// The source range from the first to the last matching word, ignoring
/// lone matches of a single word stranded far from the rest (a "the" the
/// diff happened to pair up in the source's surrounding text).
fn trim(ops: &[Op]) -> Option<Range<usize>> {
    let equal: Vec<&Op> = ops.iter().filter(|o| o.tag == Tag::Equal).collect();
    // A single word is stranded when three source words or two words of the
    // passage separate it from the next match.
    let stranded = |a: &Op, b: &Op| {
        let (first, second) = if a.src.start < b.src.start {
            (a, b)
        } else {
            (b, a)
        };
        a.src.len() == 1
            && (second.src.start.saturating_sub(first.src.end) >= 3
                || second.sec.start.saturating_sub(first.sec.end) >= 2)
    };
    let mut lo = 0;
    while lo + 1 < equal.len() && stranded(equal[lo], equal[lo + 1]) {
        lo += 1;
    }
    let mut hi = equal.len().checked_sub(1)?;
    while hi > lo && stranded(equal[hi], equal[hi - 1]) {
        hi -= 1;
    }
    Some(equal[lo].src.start..equal[hi].src.end)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::normalize::lex_str;

    /// A text's token forms.
    pub(in crate::align) fn toks(s: &str) -> Vec<u64> {
        lex_str(s)
            .iter()
            .filter(|l| l.is_token())
            .map(|l| l.hash)
            .collect()
    }

    const SOURCE: &str = "Thank you for coming. Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. Some of those plotters were trying to get hold of firearms. Our vital work together has saved numerous lives.";

    #[test]
    fn aligns_an_edited_copy_to_its_place() {
        let src = toks(SOURCE);
        let sources = [src.as_slice()];
        let cfg = AlignConfig::default();
        let index = SourceIndex::build(&sources, &cfg);
        let sec =
            toks("Since March 2017, MI5 and police have disrupted 43 late-stage attack plots.");
        let a = align(&index, &sources, &sec, &cfg).expect("aligned");
        assert_eq!(a.source, 0);
        // "since" is source token 4; "plots" ends the sentence.
        assert_eq!(a.src, 4..19);
        assert_eq!(a.matched, sec.len());
        let deleted: Vec<Range<usize>> = a
            .ops
            .iter()
            .filter(|o| o.tag == Tag::Delete)
            .map(|o| o.src.clone())
            .collect();
        assert_eq!(deleted, [9..10, 12..13]);
    }

    #[test]
    fn the_alignment_is_the_diff_of_its_own_window() {
        // The ops kept from the wide first diff are those a diff of the
        // trimmed window alone finds: words the writer adds around the
        // quotation, a stranded "the" before it, dropped and changed words.
        let src = toks(SOURCE);
        let sources = [src.as_slice()];
        let cfg = AlignConfig::default();
        let index = SourceIndex::build(&sources, &cfg);
        for text in [
            "He told the room that MI5 and police have disrupted 43 late-stage plots, officials said.",
            "Some of the plotters were trying to get hold of firearms, and our work has saved lives.",
            "Thank you. Since March 2017 MI5 and the police disrupted 34 late-stage attack plots.",
        ] {
            let sec = toks(text);
            let a = align(&index, &sources, &sec, &cfg).expect(text);
            let fresh = align_to(&src, a.source, a.src.clone(), &sec, &cfg);
            assert_eq!(a.ops, fresh.ops, "{text}");
            assert_eq!(a.matched, fresh.matched, "{text}");
        }
    }

    #[test]
    fn unrelated_text_does_not_align() {
        let src = toks(SOURCE);
        let sources = [src.as_slice()];
        let cfg = AlignConfig::default();
        let index = SourceIndex::build(&sources, &cfg);
        let sec = toks("The weather in Lisbon was warm and sunny for most of the week.");
        assert!(align(&index, &sources, &sec, &cfg).is_none());
    }
}
