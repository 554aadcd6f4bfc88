//! Sentences reworded throughout, placed by their content. A story that
//! retells a primary in fresh words ("Engineers have thrown up temporary
//! defences at Millbrook Green" for "The agency's teams have installed
//! temporary barriers at Millbrook Green") shares too few words in a row
//! for a seed, and no aligned neighbours frame it. What it keeps are the
//! source's names and figures and its content words. Topic words alone are
//! no source (coverage of another year's speech shares the speaker, the
//! institution and the subject), so a primary counts as drawn on only when
//! sentences of the document each share several content words, names or
//! figures among them, with one sentence of it (or when three of its
//! sentences are copies of the primary's); the document's other reworded
//! sentences are then placed on the sentence they share most with.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Loaded, side};
use crate::align::{self, AlignConfig, Alignment};
use crate::classify::Side;
use crate::ingest::Document;
use crate::normalize::{LexKind, is_function_word};
use crate::segment::Analysis;

/// Words of a sentence are compared up to this many (bits of a mask).
const MAX_WORDS: usize = 64;
/// A content word in more source sentences than this says nothing of place.
const MAX_POSTINGS: usize = 48;
/// Names and figures a document must share with a primary before its
/// sentences are compared with that primary's (a cheap first look).
const GATE_NAMES: usize = 3;
/// A sentence that shares this many content words with one source
/// sentence (or two adjacent ones), [`STRONG_NAMES`] of them names or
/// figures, and at least two fifths of its own, is evidence of reuse.
const STRONG_WORDS: usize = 5;
const STRONG_NAMES: usize = 2;
/// Of them, this many must be other content words: a story of the same
/// event from other sources shares its people and places, and little else
/// of one sentence (a dateline, "RAVENSBY, May 22", and four names).
const STRONG_OTHER: usize = 2;
/// A name or figure in at most this many sentences of a source is specific.
const SPECIFIC: u32 = 2;
/// Sentences shorter than this (headings, captions) are no evidence.
const EVIDENCE_MIN_WORDS: usize = 8;
/// Once a primary is drawn on, a sentence is placed with this many shared
/// content words, one a name or figure, and a third of its own.
const PLACE_WORDS: usize = 4;
/// Sentences that must be evidence (or one, and a seeded match of the
/// document to the same primary).
const EVIDENCE_SENTENCES: usize = 2;
/// Seeded matches (each of `min_evidence_words`) that show a document draws
/// on a primary without any sentence placed: two may be stock phrases and
/// another year's sentence shapes (its figures changed), three are copying.
pub(super) const SEEDED_EVIDENCE: usize = 3;
/// A document of at most this many sentences (a feed item, a brief) needs
/// one strong match for evidence; its aligned sentences together may be
/// evidence too (`judge`).
pub(super) const SHORT_DOCUMENT: usize = 3;

/// A sentence's content words (four letters or more, stop words out, and
/// figures of two characters or more) and, among them, its names and
/// figures: capitalized words inside the sentence and numbers.
#[derive(Debug, Default)]
pub(super) struct Words {
    pub all: Vec<u64>,
    pub names: Vec<u64>,
    /// Among the names, the figures.
    pub figures: Vec<u64>,
    /// Capitalized words anywhere, the first of the sentence included.
    pub caps: Vec<u64>,
}

/// The content words and names of sentence `r` of `side`.
pub(super) fn words_of(side: &Side<'_>, r: Range<usize>) -> Words {
    let mut w = Words::default();
    for t in r.clone() {
        let l = side.lexeme(t);
        let h = hash_of(side, t);
        if l.cap {
            w.caps.push(h);
        }
        if is_name(side, &r, t) {
            w.names.push(h);
            if l.kind == LexKind::Number {
                w.figures.push(h);
            }
            w.all.push(h);
        } else if l.end - l.start >= 4 && !super::is_stop_word(l.hash) {
            w.all.push(h);
        }
    }
    for v in [&mut w.all, &mut w.names, &mut w.figures, &mut w.caps] {
        v.sort_unstable();
        v.dedup();
    }
    w
}

/// The matching form of token `t`, a possessive "'s" dropped ("Harwick's
/// mayor" names Harwick).
fn hash_of(side: &Side<'_>, t: usize) -> u64 {
    let l = side.lexeme(t);
    let text = &side.text[l.start as usize..l.end as usize];
    if text.ends_with("'s") || text.ends_with("’s") {
        super::speakers::word(side, t)
    } else {
        l.hash
    }
}

/// Is token `t` of sentence `r` a name or a figure: a number of two
/// characters or more, or a capitalized word of three letters or more
/// inside the sentence (not a function word)?
fn is_name(side: &Side<'_>, r: &Range<usize>, t: usize) -> bool {
    let a = side.a;
    let li = a.token_lexeme[t] as usize;
    let l = &a.lexemes[li];
    let len = l.end - l.start;
    let name = match l.kind {
        LexKind::Number => len >= 2,
        _ => l.cap && t > r.start && len >= 3 && after_word(a, li),
    };
    name && !is_function_word(l.hash)
}

/// Does lexeme `li` follow a word, number or comma (not the opening of a
/// quotation, a colon or a dash, after which capitals start a sentence)?
fn after_word(a: &Analysis, li: usize) -> bool {
    li.checked_sub(1)
        .map(|p| &a.lexemes[p])
        .is_some_and(|p| p.is_token() || p.ch == ',')
}

/// One primary's sentences by content word.
#[derive(Debug, Default)]
struct Primary {
    sentences: Vec<Range<usize>>,
    postings: FxHashMap<u64, Vec<u32>>,
    /// Names and figures, with the number of sentences holding each.
    names: FxHashMap<u64, u32>,
    /// The words of its title (or first block): the speaker's name, which a
    /// report of a first-person speech adds to every sentence it retells.
    title: FxHashSet<u64>,
}

/// The primaries' sentences by content word.
#[derive(Debug, Default)]
pub struct ContentIndex {
    primaries: Vec<Primary>,
    /// The names and figures of all of them (a first look for every
    /// document, most of which share none).
    names: FxHashSet<u64>,
}

impl ContentIndex {
    pub fn build(primaries: &[(Document, Analysis)]) -> Self {
        let primaries = primaries
            .iter()
            .map(|(d, a)| {
                let side = Side {
                    text: &d.file.text,
                    a,
                };
                let mut p = Primary {
                    title: crate::normalize::lex_str(&super::judge::title_text(d))
                        .iter()
                        .filter(|l| l.is_token())
                        .map(|l| l.hash)
                        .collect(),
                    ..Primary::default()
                };
                for s in super::body_sentences(a) {
                    let w = words_of(&side, s.clone());
                    let id = p.sentences.len() as u32;
                    for h in w.all {
                        p.postings.entry(h).or_default().push(id);
                    }
                    for h in w.names {
                        *p.names.entry(h).or_default() += 1;
                    }
                    p.sentences.push(s);
                }
                p.postings.retain(|_, v| v.len() <= MAX_POSTINGS);
                p
            })
            .collect::<Vec<Primary>>();
        let names = primaries
            .iter()
            .flat_map(|p| p.names.keys().copied())
            .collect();
        ContentIndex { primaries, names }
    }
}

/// The source sentence (or two adjacent ones) a sentence shares most with.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Match {
    pub shared: usize,
    pub names: usize,
    /// Shared names or figures that few sentences of the source hold (a
    /// fact of it, not one of its recurring actors).
    specific: usize,
    single: bool,
    /// Source sentences `first..=last` (reversed for ordering: the earlier wins).
    first: std::cmp::Reverse<u32>,
    last: u32,
    /// Names and figures of the sentence that the source sentences do not
    /// hold, less the words of the source's title and one figure (a figure
    /// changed is reported as such).
    foreign: usize,
    /// Shared words that are no name or figure where the sentence writes
    /// them (a word the source writes as a name may open the sentence).
    other: usize,
}

impl Match {
    fn strong(&self, mine: usize) -> bool {
        self.shared >= STRONG_WORDS
            && self.names >= STRONG_NAMES
            && self.other >= STRONG_OTHER
            && self.specific >= STRONG_NAMES
            && (5 * self.shared >= 2 * mine
                || self.specific > STRONG_NAMES
                || self.shared >= 2 * STRONG_WORDS)
    }

    /// `mine`: the sentence's words. One shared word at least is no name or
    /// figure (a byline shares a date and names with a statement's heading,
    /// and nothing else). It brings no more names and figures of
    /// its own than it shares (the speaker's, from the source's title, and
    /// one figure aside): a background line of the writer's shares a figure
    /// or a name and brings more of its own ("in 1974, when 1,300 council
    /// homes went up in Eastmoor and Coldbrook").
    fn placeable(&self, mine: &Words) -> bool {
        self.shared >= PLACE_WORDS
            && self.names >= 1
            && self.other >= 1
            && 3 * self.shared >= mine.all.len()
            && self.foreign <= self.names
    }
}

/// The best match of `mine` among the sentences of primary `p`.
fn best_match(p: &Primary, mine: &Words) -> Option<Match> {
    let mut masks: FxHashMap<u32, u64> = FxHashMap::default();
    let (mut name_mask, mut specific_mask, mut title_mask) = (0u64, 0u64, 0u64);
    let (mut own_mask, mut figure_mask) = (0u64, 0u64);
    for (bit, w) in mine.all.iter().take(MAX_WORDS).enumerate() {
        let own = mine.names.binary_search(w).is_ok();
        own_mask |= u64::from(own) << bit;
        figure_mask |= u64::from(mine.figures.binary_search(w).is_ok()) << bit;
        // (A word the source writes as a name is one capitalized at the
        // start of a sentence too.)
        if own || (mine.caps.binary_search(w).is_ok() && p.names.contains_key(w)) {
            name_mask |= 1 << bit;
            if p.title.contains(w) {
                title_mask |= 1 << bit;
            }
            if p.names.get(w).is_some_and(|&n| n <= SPECIFIC) {
                specific_mask |= 1 << bit;
            }
        }
        for &s in p.postings.get(w).into_iter().flatten() {
            *masks.entry(s).or_default() |= 1 << bit;
        }
    }
    let score = |m: u64, first: u32, last: u32| Match {
        shared: m.count_ones() as usize,
        names: (m & name_mask).count_ones() as usize,
        specific: (m & specific_mask).count_ones() as usize,
        single: first == last,
        first: std::cmp::Reverse(first),
        last,
        foreign: {
            let unshared = name_mask & !m & !title_mask;
            let figures = (unshared & figure_mask).count_ones() as usize;
            (unshared & !figure_mask).count_ones() as usize + figures.saturating_sub(1)
        },
        other: (m & !own_mask).count_ones() as usize,
    };
    masks
        .iter()
        .flat_map(|(&s, &m)| {
            // Two sentences folded into one: each must give words of its own.
            let next = masks
                .get(&(s + 1))
                .filter(|&&n| (m & !n).count_ones() >= 2 && (n & !m).count_ones() >= 2)
                .map(|&n| score(m | n, s, s + 1));
            std::iter::once(score(m, s, s)).chain(next)
        })
        .max()
}

/// What placing by content did in one document: per sentence, the match
/// it was placed by, and the primaries (by index among them) it evidenced.
#[derive(Debug, Default)]
pub(super) struct Placed {
    pub by: Vec<Option<Match>>,
    pub evidenced: Vec<u32>,
}

/// The document being placed: its sentences, which of them are free to
/// place (neither aligned nor reordered), and which primaries its seeded
/// matches already show evidence of.
pub(super) struct Doc<'s> {
    pub side: Side<'s>,
    /// At most [`SHORT_DOCUMENT`] sentences, headings aside.
    pub short: bool,
    pub sentences: &'s [Range<usize>],
    pub free: &'s [bool],
    pub seeded: &'s [u32],
    /// The primaries that [`SEEDED_EVIDENCE`] or more of its seeded
    /// matches draw on: evidence enough without any sentence placed.
    pub drawn_on: &'s [u32],
}

/// Places the document's free sentences by content, where sentences of it
/// show evidence of a primary (see the module's note); fills `aligned`.
pub(super) fn place(
    index: &ContentIndex,
    loaded: &Loaded,
    doc: &Doc<'_>,
    aligned: &mut [Option<Alignment>],
    cfg: &AlignConfig,
) -> Placed {
    let mut out = Placed {
        by: vec![None; doc.sentences.len()],
        evidenced: Vec::new(),
    };
    let eligible: Vec<usize> = (0..doc.sentences.len())
        .filter(|&k| doc.free[k] && doc.sentences[k].len() >= cfg.min_words + 2)
        .collect();
    let gated = gate(index, doc, &eligible);
    if gated.is_empty() {
        return out;
    }
    let free: Vec<(usize, Words)> = eligible
        .into_iter()
        .map(|k| (k, words_of(&doc.side, doc.sentences[k].clone())))
        .filter(|(_, w)| w.all.len() >= PLACE_WORDS && !w.names.is_empty())
        .collect();
    // Each free sentence's best match over the gated primaries.
    let best: Vec<Option<(u32, Match)>> = free
        .iter()
        .map(|(_, w)| {
            gated
                .iter()
                .filter_map(|&p| Some((p, best_match(&index.primaries[p as usize], w)?)))
                .filter(|(_, m)| m.placeable(w))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        })
        .collect();
    out.evidenced = gated
        .into_iter()
        .filter(|&p| evidence_of(doc, p, &free, &best))
        .collect();
    for ((k, _), b) in free.iter().zip(best) {
        let Some((p, m)) = b.filter(|(p, _)| out.evidenced.contains(p)) else {
            continue;
        };
        let primary = &index.primaries[p as usize];
        let window =
            primary.sentences[m.first.0 as usize].start..primary.sentences[m.last as usize].end;
        let src = side(loaded, p as usize);
        let passage = &doc.side.a.tokens[doc.sentences[*k].clone()];
        let al = align::align_to(&src.a.tokens, p, window, passage, cfg);
        if align::has_substance(&al, passage) {
            aligned[*k] = Some(al);
            out.by[*k] = Some(m);
        }
    }
    out
}

/// The primaries that hold [`GATE_NAMES`] of the names and figures of the
/// `eligible` sentences: a first look, without sorting or allocating per
/// sentence (most documents share none with any primary).
fn gate(index: &ContentIndex, doc: &Doc<'_>, eligible: &[usize]) -> Vec<u32> {
    let mut names: Vec<u64> = eligible
        .iter()
        .flat_map(|&k| {
            let r = &doc.sentences[k];
            r.clone().filter(move |&t| is_name(&doc.side, r, t))
        })
        .map(|t| hash_of(&doc.side, t))
        .filter(|h| index.names.contains(h))
        .collect();
    if names.len() < GATE_NAMES {
        return Vec::new();
    }
    names.sort_unstable();
    names.dedup();
    (0..index.primaries.len() as u32)
        .filter(|&p| {
            let theirs = &index.primaries[p as usize].names;
            names.iter().filter(|h| theirs.contains_key(h)).count() >= GATE_NAMES
        })
        .collect()
}

/// Do the document's sentences show evidence of primary `p`: two strong
/// matches to it (not headings), or one and a seeded match, or enough
/// seeded matches on their own?
fn evidence_of(
    doc: &Doc<'_>,
    p: u32,
    free: &[(usize, Words)],
    best: &[Option<(u32, Match)>],
) -> bool {
    let strong = free
        .iter()
        .zip(best)
        .filter(|((k, w), b)| {
            doc.sentences[*k].len() >= EVIDENCE_MIN_WORDS
                && b.as_ref()
                    .is_some_and(|(q, m)| *q == p && m.strong(w.all.len()))
        })
        .count();
    // (A feed item or a brief of a few sentences has few to show: one is
    // enough there.)
    let needed = if doc.short { 1 } else { EVIDENCE_SENTENCES };
    strong >= needed || (strong >= 1 && doc.seeded.contains(&p)) || doc.drawn_on.contains(&p)
}
