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

mod copies;

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
    // Pieces are placed within the finding's spans, which start where
    // the report starts them (at a quotation's opening mark, say).
    let base = |d: usize, r: &Range<usize>| {
        let (doc, a) = &loaded.docs[d];
        match r.is_empty() {
            true => a.token_span(r.start as u32).0,
            false => crate::report::closing::passage_range(&doc.file.text, a, r).0 as u32,
        }
    };
    let (sec_base, src_base) = (base(f.doc, &f.tokens), base(*src_doc, src_range));
    let src_id = &loaded.docs[*src_doc].0.id;
    let sec_tokens = &loaded.docs[f.doc].1.tokens;
    let src_tokens = &loaded.docs[*src_doc].1.tokens;
    let key = |op: &str, src: &Range<usize>, sec: &Range<usize>| {
        let mut h = Xxh3::new();
        h.update(op.as_bytes());
        h.update(src_id.as_bytes());
        h.update(&(src.start as u64).to_le_bytes());
        h.update(&(src.end as u64).to_le_bytes());
        // (Ranges are checked, not trusted: an edit out of order must not
        // take the whole audit down.)
        for t in src_tokens.get(src.clone()).unwrap_or_default() {
            h.update(&t.to_le_bytes());
        }
        h.update(b"|");
        for t in sec_tokens.get(sec.clone()).unwrap_or_default() {
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
        // So are the words every writer puts around a quotation ("he said").
        if o.tag == Tag::Insert && crate::classify::stock_attribution(&sec_side, &sec) {
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
    prepare(documents, findings, coverage, cfg).finish(documents, duplicates)
}

/// The part of the graph that needs no duplicate clusters: the
/// `derives_from` edges, and the pairs of secondaries that share
/// deviations. It can be built while the clusters are found.
pub struct Prepared<'a> {
    derives: Vec<Edge>,
    copies: copies::Pending<'a>,
}

/// [`build`]'s first half, from the findings and coverage alone.
pub fn prepare<'a>(
    documents: &'a [DocumentRecord],
    findings: &'a [FindingRecord],
    coverage: &[CoverageRecord],
    cfg: &ProvenanceConfig,
) -> Prepared<'a> {
    let (derives, copies) = rayon::join(
        || derives_from(findings, coverage),
        || copies::pending(documents, findings, cfg),
    );
    Prepared { derives, copies }
}

impl Prepared<'_> {
    /// The whole graph, given the duplicate clusters. `documents` are those
    /// given to [`prepare`], possibly followed by more (documents known only
    /// from prior fingerprints, which have no findings).
    pub fn finish(self, documents: &[DocumentRecord], duplicates: &[DuplicateRecord]) -> Vec<Edge> {
        let mut edges = self.derives;
        edges.extend(self.copies.edges(documents, duplicates));
        edges
    }
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
