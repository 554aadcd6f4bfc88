//! Provenance: which primaries each secondary draws on (coverage both
//! ways), and which secondaries copied each other. Copying is told the way
//! textual scholars build a stemma: two texts that share the same
//! *deviations* from the source (the same dropped word, the same wording
//! around a quotation, the same paraphrase) did not deviate independently.
//! A copy keeps its exemplar's deviations and adds its own, so the text
//! closer to the source is the earlier one when dates do not decide.
//!
//! The graph is built from the report's records alone (findings with their
//! deviations, coverage, duplicate clusters), so it needs no document text
//! in memory and costs time linear in the number of deviations.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

use crate::align::Tag;
use crate::audit::{Finding, Loaded};
use crate::report::audit::{CoverageRecord, FindingRecord};
use crate::report::{DocumentRecord, DuplicateRecord, Span};

#[derive(Clone, Copy, Debug)]
pub struct ProvenanceConfig {
    /// Two secondaries are linked by a `copies` edge when their shared
    /// evidence weighs at least this much: a shared deviation from a source
    /// at the same place counts 1, or 1/2 when it is a single word (two
    /// reporters may both turn "we" into "he"), and a shared passage found
    /// in no primary counts 2. One shared deviation can be chance; two
    /// rarely are.
    pub min_shared: usize,
    /// A deviation or passage shared by more documents than this is
    /// formulaic (house style, a wire text reprinted everywhere) and says
    /// nothing about who copied whom.
    pub max_sharers: usize,
}

impl Default for ProvenanceConfig {
    fn default() -> Self {
        ProvenanceConfig {
            min_shared: 2,
            max_sharers: 8,
        }
    }
}

/// One way a secondary passage departs from its source: an edit of the
/// word diff, or quotation marks lost. `key` identifies it across
/// documents: the source place, the kind of edit and the words involved.
/// Its places are pieces of the finding's spans (kept small: a corpus has
/// many deviations), turned into spans only for an edge's evidence.
#[derive(Clone, Debug)]
pub struct Deviation {
    pub key: u64,
    /// Index in [`OPS`].
    op: u8,
    /// Words involved (the longer side).
    pub words: u32,
    /// The source words, in the finding's source span (empty where words
    /// were inserted).
    pub source: Piece,
    /// The secondary words, in the finding's secondary span (empty where
    /// words were dropped).
    pub secondary: Piece,
}

/// The kinds of deviation.
const OPS: [&str; 4] = ["delete", "insert", "replace", "quote"];

impl Deviation {
    /// `delete`, `insert`, `replace` (word-diff edits) or `quote` (quotation
    /// marks lost).
    pub fn op(&self) -> &'static str {
        OPS[self.op as usize]
    }
}

/// A piece of a span: byte offsets in the original file, and the byte
/// range of its text within the span's text (32 bits, as passages are
/// stored: a corpus has millions of deviations).
#[derive(Clone, Debug)]
pub struct Piece {
    pub start: u32,
    pub end: u32,
    text_start: u32,
    text_end: u32,
}

impl Piece {
    /// The piece's byte range within its span's text.
    pub fn text(&self) -> Range<usize> {
        self.text_start as usize..self.text_end as usize
    }

    /// The piece as a span of its own (line and column counted from the
    /// span's).
    pub fn resolve(&self, span: &Span) -> Span {
        let before = &span.text[..self.text_start as usize];
        let (line, col) = match before.rfind('\n') {
            Some(i) => (
                span.line + before.matches('\n').count() as u32,
                before[i + 1..].chars().count() as u32 + 1,
            ),
            None => (span.line, span.col + before.chars().count() as u32),
        };
        Span {
            start: self.start as usize,
            end: self.end as usize,
            line,
            col,
            text: span.text[self.text()].to_string(),
            ..span.clone_without_text()
        }
    }
}

/// Where tokens `toks` of `doc` are, as a piece of the span that starts at
/// (decoded) byte `base`. Empty ranges are places: before token
/// `toks.start`, or after the token before it when `at_end`.
fn piece(loaded: &Loaded, doc: usize, toks: Range<usize>, at_end: bool, base: u32) -> Piece {
    let (d, a) = &loaded.docs[doc];
    let (s, e) = if toks.is_empty() {
        // An empty span at the place: before token `toks.start`, or after
        // the last token.
        let pos = match (toks.start < a.tokens.len(), toks.start) {
            (true, t) if !at_end => a.token_span(t as u32).0,
            (_, 0) => 0,
            (_, t) => a.token_span((t - 1).min(a.tokens.len() - 1) as u32).1,
        };
        (pos, pos)
    } else {
        (
            a.token_span(toks.start as u32).0,
            a.token_span(toks.end as u32 - 1).1,
        )
    };
    Piece {
        start: d.file.file_offset(s as usize) as u32,
        end: d.file.file_offset(e as usize) as u32,
        text_start: s - base,
        text_end: e - base,
    }
}

/// The deviations of one finding from its source.
pub fn deviations(loaded: &Loaded, f: &Finding) -> Vec<Deviation> {
    let Some((src_doc, src_range)) = &f.source else {
        return Vec::new();
    };
    let sec_base = loaded.docs[f.doc].1.token_span(f.tokens.start as u32).0;
    let src_base = loaded.docs[*src_doc].1.token_span(src_range.start as u32).0;
    let src_id = &loaded.docs[*src_doc].0.id;
    let sec_tokens = &loaded.docs[f.doc].1.tokens;
    let src_tokens = &loaded.docs[*src_doc].1.tokens;
    let key = |op: &str, src: &Range<usize>, sec: &Range<usize>| {
        let mut h = Xxh3::new();
        h.update(op.as_bytes());
        h.update(src_id.as_bytes());
        h.update(&(src.start as u64).to_le_bytes());
        h.update(&(src.end as u64).to_le_bytes());
        for t in &src_tokens[src.clone()] {
            h.update(&t.to_le_bytes());
        }
        h.update(b"|");
        for t in &sec_tokens[sec.clone()] {
            h.update(&t.to_le_bytes());
        }
        h.digest()
    };
    let side = |d: usize| crate::classify::Side {
        text: &loaded.docs[d].0.file.text,
        a: &loaded.docs[d].1,
    };
    let (src_side, sec_side) = (side(*src_doc), side(f.doc));
    let mut out = Vec::new();
    for o in &f.ops {
        let op = match o.tag {
            Tag::Equal => continue,
            Tag::Delete => 0,
            Tag::Insert => 1,
            Tag::Replace => 2,
        };
        let sec = f.tokens.start + o.sec.start..f.tokens.start + o.sec.end;
        // The same words written another way ("5,000" for "five thousand")
        // are a house style, which unrelated writers share: no evidence.
        if crate::classify::same_words(o.tag, &src_side, &o.src, &sec_side, &sec) {
            continue;
        }
        out.push(Deviation {
            key: key(OPS[op as usize], &o.src, &sec),
            op,
            words: o.src.len().max(o.sec.len()) as u32,
            source: piece(
                loaded,
                *src_doc,
                o.src.clone(),
                o.src.start > src_range.start,
                src_base,
            ),
            secondary: piece(loaded, f.doc, sec.clone(), o.sec.start > 0, sec_base),
        });
    }
    if f.verdict.edits.iter().any(|e| e.op == "quote") {
        out.push(Deviation {
            key: key(OPS[3], src_range, &f.tokens),
            op: 3,
            words: 2,
            source: piece(loaded, *src_doc, src_range.clone(), false, src_base),
            secondary: piece(loaded, f.doc, f.tokens.clone(), false, sec_base),
        });
    }
    out
}

/// Source words covered by a document's findings, per source document:
/// the union of the source words its passages match.
pub fn source_cover(findings: &[&Finding]) -> Vec<(usize, usize)> {
    let mut per_source: FxHashMap<usize, Vec<Range<usize>>> = FxHashMap::default();
    for f in findings {
        if let Some((s, _)) = &f.source {
            let ranges = per_source.entry(*s).or_default();
            ranges.extend(
                f.ops
                    .iter()
                    .filter(|o| o.tag == Tag::Equal)
                    .map(|o| o.src.clone()),
            );
        }
    }
    let mut out: Vec<(usize, usize)> = per_source
        .into_iter()
        .map(|(s, mut ranges)| {
            ranges.sort_by_key(|r| r.start);
            let (mut covered, mut end) = (0, 0);
            for r in ranges {
                let start = r.start.max(end);
                if r.end > start {
                    covered += r.end - start;
                    end = r.end;
                }
            }
            (s, covered)
        })
        .collect();
    out.sort_unstable();
    out
}

/// `from` and `to` shares of an edge (see [`Edge`]).
#[derive(Clone, Debug, Serialize)]
pub struct EdgeCoverage {
    pub from: f64,
    pub to: f64,
}

/// What an edge rests on.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Evidence {
    /// The secondary's findings aligned to the source, counted by kind (the
    /// findings themselves are in the report, with their `source`).
    Findings {
        count: usize,
        by_kind: std::collections::BTreeMap<&'static str, usize>,
    },
    /// The same deviation from the source in both secondaries.
    /// (Spans are boxed: most evidence is findings, and stays small.)
    SharedDeviation {
        op: &'static str,
        source: Box<Span>,
        from: Box<Span>,
        to: Box<Span>,
    },
    /// A passage both secondaries hold that no primary does.
    SharedText { from: Box<Span>, to: Box<Span> },
}

/// An edge of the provenance graph.
///
/// `derives_from`: `from` (a secondary) draws on `to` (a primary);
/// coverage `from` is the share of the secondary's words traced to the
/// source, `to` the share of the source's words the secondary covers.
///
/// `copies`: `from` copied `to` (or, with direction `undetermined`, the two
/// are linked and `from` is simply listed first); coverage `from` is the
/// share of `from`'s deviations (where both cover the same source) that
/// `to` shares, and `to` the reverse.
#[derive(Clone, Debug, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub relation: &'static str,
    pub coverage: EdgeCoverage,
    /// `roles` (a secondary draws on a primary), `dates`,
    /// `closer_to_source`, or `undetermined`.
    pub direction: &'static str,
    pub reason: String,
    pub evidence: Vec<Evidence>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        (a as f64 / b as f64 * 1000.0).round() / 1000.0
    }
}

/// Builds the provenance graph from the report's records: `derives_from`
/// edges in document order, then `copies` edges in order of their documents.
pub fn build(
    documents: &[DocumentRecord],
    findings: &[FindingRecord],
    coverage: &[CoverageRecord],
    duplicates: &[DuplicateRecord],
    cfg: &ProvenanceConfig,
) -> Vec<Edge> {
    let mut edges = derives_from(findings, coverage);
    edges.extend(copies(documents, findings, duplicates, cfg));
    edges
}

fn derives_from(findings: &[FindingRecord], coverage: &[CoverageRecord]) -> Vec<Edge> {
    let mut by_doc: FxHashMap<&str, Vec<&FindingRecord>> = FxHashMap::default();
    for f in findings {
        by_doc.entry(&*f.secondary.doc).or_default().push(f);
    }
    let edges_of = |c: &CoverageRecord| -> Vec<Edge> {
        let mine = by_doc.get(c.doc.as_str()).map_or(&[][..], Vec::as_slice);
        c.sources.iter().map(|s| {
            let mut by_kind = std::collections::BTreeMap::new();
            let mut count = 0;
            for f in mine
                .iter()
                .filter(|f| f.source.as_ref().is_some_and(|x| *x.doc == *s.doc))
            {
                *by_kind.entry(f.kind.name()).or_insert(0) += 1;
                count += 1;
            }
            let evidence = vec![Evidence::Findings { count, by_kind }];
            Edge {
                from: c.doc.clone(),
                to: s.doc.clone(),
                relation: "derives_from",
                coverage: EdgeCoverage {
                    from: ratio(s.words, c.words),
                    to: ratio(s.source_covered, s.source_words),
                },
                direction: "roles",
                reason: format!(
                    "{} of its {} words match the primary, covering {} of the primary's {} words",
                    s.words, c.words, s.source_covered, s.source_words
                ),
                evidence,
            }
        })
        .collect()
    };
    coverage.par_iter().flat_map_iter(edges_of).collect()
}

/// Evidence collected for one pair of documents (indices in `documents`).
#[derive(Default)]
struct PairEvidence<'a> {
    /// (deviation in the first, deviation in the second), by finding and
    /// deviation index.
    deviations: Vec<((usize, usize), (usize, usize))>,
    texts: Vec<(&'a Span, &'a Span)>,
}

/// The `copies` edges: pairs of secondaries whose shared deviations and
/// shared text weigh at least `min_shared`, in order of their documents.
fn copies(
    documents: &[DocumentRecord],
    findings: &[FindingRecord],
    duplicates: &[DuplicateRecord],
    cfg: &ProvenanceConfig,
) -> Vec<Edge> {
    let index: FxHashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let doc_of = |id: &str| index.get(id).copied();
    let mut pairs: FxHashMap<(usize, usize), PairEvidence> = FxHashMap::default();
    let (keyed, by_doc) = keyed_deviations(findings, &doc_of);
    pair_deviations(&mut pairs, &keyed, cfg);
    let is_traced = |d: usize, span: &Span| traced(findings, &by_doc, d, span);
    pair_texts(&mut pairs, documents, duplicates, &doc_of, &is_traced, cfg);
    let mut keys: Vec<(usize, usize)> = pairs.keys().copied().collect();
    keys.sort_unstable();
    keys.into_par_iter()
        .filter_map(|k| {
            let ev = &pairs[&k];
            (weight(findings, ev) >= 2 * cfg.min_shared)
                .then(|| copies_edge(documents, findings, &by_doc, k, ev))
        })
        .collect()
}

/// A deviation's place in the report: (key, document, finding, deviation).
type Keyed = (u64, u32, u32, u32);

/// The deviations of all findings, sorted by key (so that runs share a
/// key), and the findings of each document (by index in `documents`).
fn keyed_deviations(
    findings: &[FindingRecord],
    doc_of: &dyn Fn(&str) -> Option<usize>,
) -> (Vec<Keyed>, FxHashMap<usize, Vec<usize>>) {
    // A flat sorted table, not a map of vectors: a corpus has millions of
    // them.
    let mut keyed: Vec<Keyed> = Vec::new();
    let mut by_doc: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (fi, f) in findings.iter().enumerate() {
        let Some(d) = doc_of(&f.secondary.doc) else {
            continue;
        };
        by_doc.entry(d).or_default().push(fi);
        for (k, dv) in f.deviations.iter().enumerate() {
            keyed.push((dv.key, d as u32, fi as u32, k as u32));
        }
    }
    keyed.par_sort_unstable();
    (keyed, by_doc)
}

/// Shared deviations: the same key in two documents (and in no more than
/// `max_sharers`), added to the evidence of each pair.
fn pair_deviations(
    pairs: &mut FxHashMap<(usize, usize), PairEvidence>,
    keyed: &[Keyed],
    cfg: &ProvenanceConfig,
) {
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        let mut members: Vec<(usize, usize, usize)> = run
            .iter()
            .map(|m| (m.1 as usize, m.2 as usize, m.3 as usize))
            .collect();
        members.dedup_by_key(|m| m.0);
        if members.len() < 2 || members.len() > cfg.max_sharers {
            continue;
        }
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                let e = pairs.entry((a.0, b.0)).or_default();
                e.deviations.push(((a.1, a.2), (b.1, b.2)));
            }
        }
    }
}

/// Is most of the span, in bytes, covered by findings of document `d` with
/// a source?
fn traced(
    findings: &[FindingRecord],
    by_doc: &FxHashMap<usize, Vec<usize>>,
    d: usize,
    span: &Span,
) -> bool {
    let covered: usize = by_doc
        .get(&d)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|&fi| &findings[fi])
        .filter(|f| f.source.is_some())
        .map(|f| {
            let (a, b) = (
                f.secondary.start.max(span.start),
                f.secondary.end.min(span.end),
            );
            b.saturating_sub(a)
        })
        .sum();
    2 * covered > span.end.saturating_sub(span.start)
}

/// Shared text: a duplicate cluster of secondaries only (and of no more
/// than `max_sharers`), added to the evidence of each pair.
fn pair_texts<'a>(
    pairs: &mut FxHashMap<(usize, usize), PairEvidence<'a>>,
    documents: &[DocumentRecord],
    duplicates: &'a [DuplicateRecord],
    doc_of: &dyn Fn(&str) -> Option<usize>,
    traced: &dyn Fn(usize, &Span) -> bool,
    cfg: &ProvenanceConfig,
) {
    for dup in duplicates {
        let mut by_doc: Vec<(usize, &Span)> = dup
            .spans
            .iter()
            .filter(|s| s.boilerplate.is_none())
            .filter_map(|s| doc_of(&s.doc).map(|d| (d, s)))
            .collect();
        if by_doc.iter().any(|(d, _)| documents[*d].role == "primary") {
            continue;
        }
        // Nor text that the secondaries took from a primary (the paragraphs
        // of the primary cut differently, so that the duplicate clustering
        // did not pair them with it): quoting the same speech is no
        // evidence; what they changed in common is counted as deviations.
        if by_doc.iter().any(|&(d, span)| traced(d, span)) {
            continue;
        }
        by_doc.sort_by_key(|(d, s)| (*d, s.start));
        by_doc.dedup_by_key(|(d, _)| *d);
        if by_doc.len() > cfg.max_sharers {
            continue;
        }
        for (i, a) in by_doc.iter().enumerate() {
            for b in &by_doc[i + 1..] {
                let e = pairs.entry((a.0, b.0)).or_default();
                e.texts.push((a.1, b.1));
            }
        }
    }
}

/// The weight of a pair's evidence, in half points.
fn weight(findings: &[FindingRecord], ev: &PairEvidence) -> usize {
    ev.deviations
        .iter()
        .map(|&((f, d), _)| {
            if findings[f].deviations[d].words >= 2 {
                2
            } else {
                1
            }
        })
        .sum::<usize>()
        + 4 * ev.texts.len()
}

/// A date as the range of days it may mean (`2024-10` is any day of October).
fn date_range(date: &str) -> Option<(u32, u32)> {
    let mut parts = date.trim().splitn(3, '-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = parts.next().and_then(|m| m.parse().ok());
    let d: Option<u32> = parts
        .next()
        .and_then(|d| d.get(..2).unwrap_or(d).parse().ok());
    let base = y * 10_000;
    Some(match (m, d) {
        (Some(m), Some(d)) => (base + m * 100 + d, base + m * 100 + d),
        (Some(m), None) => (base + m * 100 + 1, base + m * 100 + 31),
        _ => (base + 101, base + 1231),
    })
}

/// Deviations of document `a` where `b` covers the same source (by byte
/// ranges in the source files) that `b` does not share.
fn own_deviations(
    findings: &[FindingRecord],
    a: &[usize],
    b: &[usize],
    shared: &[(usize, usize)],
) -> (usize, usize) {
    let covered: Vec<(&str, usize, usize)> = b
        .iter()
        .filter_map(|&f| findings[f].source.as_ref())
        .map(|s| (&*s.doc, s.start, s.end))
        .collect();
    let shared: std::collections::HashSet<&(usize, usize)> = shared.iter().collect();
    let mut own = 0;
    let mut in_common = 0;
    for &fi in a {
        let Some(src) = &findings[fi].source else {
            continue;
        };
        for (k, dv) in findings[fi].deviations.iter().enumerate() {
            let s = (dv.source.start as usize, dv.source.end as usize);
            let overlaps = covered
                .iter()
                .any(|(d, st, en)| *d == &*src.doc && s.0 <= *en && *st <= s.1);
            if overlaps {
                in_common += 1;
                if !shared.contains(&(fi, k)) {
                    own += 1;
                }
            }
        }
    }
    (own, in_common)
}

/// The `copies` edge between documents `a` and `b`, directed by their dates
/// or else by which is closer to the source.
fn copies_edge(
    documents: &[DocumentRecord],
    findings: &[FindingRecord],
    by_doc: &FxHashMap<usize, Vec<usize>>,
    (a, b): (usize, usize),
    ev: &PairEvidence,
) -> Edge {
    let (da, db) = (&documents[a], &documents[b]);
    let shared_a: Vec<(usize, usize)> = ev.deviations.iter().map(|x| x.0).collect();
    let shared_b: Vec<(usize, usize)> = ev.deviations.iter().map(|x| x.1).collect();
    let none = Vec::new();
    let (fa, fb) = (
        by_doc.get(&a).unwrap_or(&none),
        by_doc.get(&b).unwrap_or(&none),
    );
    let (own_a, common_a) = own_deviations(findings, fa, fb, &shared_a);
    let (own_b, common_b) = own_deviations(findings, fb, fa, &shared_b);
    // `true`: a copied b.
    let (a_copies, direction, reason) = copy_direction(da, db, own_a, own_b);
    let share = |shared: usize, common: usize| ratio(shared, common.max(shared));
    let n = ev.deviations.len();
    let (cov_a, cov_b) = (share(n, common_a), share(n, common_b));
    let (from, to, cov_from, cov_to) = if a_copies {
        (da, db, cov_a, cov_b)
    } else {
        (db, da, cov_b, cov_a)
    };
    Edge {
        from: from.id.clone(),
        to: to.id.clone(),
        relation: "copies",
        coverage: EdgeCoverage {
            from: cov_from,
            to: cov_to,
        },
        direction,
        reason,
        evidence: copies_evidence(findings, ev, a_copies),
    }
}

/// Whether `da` copied `db` (rather than the reverse), the `direction` of
/// the edge and its reason: dates that do not overlap decide, else the
/// number of deviations each has of its own (`own_a`, `own_b`).
fn copy_direction(
    da: &DocumentRecord,
    db: &DocumentRecord,
    own_a: usize,
    own_b: usize,
) -> (bool, &'static str, String) {
    let dates = da
        .date
        .as_deref()
        .and_then(date_range)
        .zip(db.date.as_deref().and_then(date_range));
    match dates {
        Some((ra, rb)) if ra.1 < rb.0 || rb.1 < ra.0 => {
            let a_later = rb.1 < ra.0;
            let (later, earlier) = if a_later { (da, db) } else { (db, da) };
            (
                a_later,
                "dates",
                format!(
                    "dated {}, after {} ({})",
                    later.date.as_deref().unwrap_or_default(),
                    earlier.date.as_deref().unwrap_or_default(),
                    earlier.id
                ),
            )
        }
        _ if own_a != own_b => {
            let a_later = own_a > own_b;
            let (later, earlier, more, fewer) = if a_later {
                (da, db, own_a, own_b)
            } else {
                (db, da, own_b, own_a)
            };
            let reason = closer_reason(earlier, later, more, fewer, dates.is_some());
            (a_later, "closer_to_source", reason)
        }
        _ => (
            true,
            "undetermined",
            "no dates that order them, and both are as close to the source".to_string(),
        ),
    }
}

/// Why `earlier` (with `fewer` deviations of its own) comes before `later`
/// (with `more`); `dated`: both have dates, which do not order them.
fn closer_reason(
    earlier: &DocumentRecord,
    later: &DocumentRecord,
    more: usize,
    fewer: usize,
    dated: bool,
) -> String {
    format!(
        "{} is closer to the source: where both cover it, {} has {more} deviations of its own and {} {fewer} (a copy keeps its exemplar's deviations and adds its own){}{}",
        earlier.id,
        later.id,
        earlier.id,
        if fewer > 0 {
            "; as both have deviations of their own, they may share a lost exemplar"
        } else {
            ""
        },
        if dated {
            "; their dates do not order them"
        } else {
            ""
        }
    )
}

/// The shared deviations and texts of a pair as the evidence of its edge,
/// `from` the copy `to` its exemplar (`a_copies`: the first document is the
/// copy), in order of place in the first document.
fn copies_evidence(findings: &[FindingRecord], ev: &PairEvidence, a_copies: bool) -> Vec<Evidence> {
    let mut evidence: Vec<(usize, Evidence)> = ev
        .deviations
        .iter()
        .map(|&((fa, ka), (fb, kb))| {
            let (x, y) = (&findings[fa].deviations[ka], &findings[fb].deviations[kb]);
            let (sx, sy) = (
                x.secondary.resolve(&findings[fa].secondary),
                y.secondary.resolve(&findings[fb].secondary),
            );
            let source = findings[fa]
                .source
                .as_ref()
                .map(|s| x.source.resolve(s))
                .expect("a deviation has a source");
            let (from, to) = if a_copies { (sx, sy) } else { (sy, sx) };
            (
                x.secondary.start as usize,
                Evidence::SharedDeviation {
                    op: x.op(),
                    source: Box::new(source),
                    from: Box::new(from),
                    to: Box::new(to),
                },
            )
        })
        .chain(ev.texts.iter().map(|(x, y)| {
            let (from, to) = if a_copies { (x, y) } else { (y, x) };
            (
                x.start,
                Evidence::SharedText {
                    from: Box::new((*from).clone()),
                    to: Box::new((*to).clone()),
                },
            )
        }))
        .collect();
    evidence.sort_by_key(|e| e.0);
    evidence.into_iter().map(|e| e.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_ranges() {
        assert_eq!(date_range("2024-10-09"), Some((20241009, 20241009)));
        assert_eq!(date_range("2024-10"), Some((20241001, 20241031)));
        assert_eq!(date_range("2024"), Some((20240101, 20241231)));
        assert_eq!(
            date_range("2024-10-09T10:00:00Z"),
            Some((20241009, 20241009))
        );
        assert_eq!(date_range("October"), None);
    }
}
