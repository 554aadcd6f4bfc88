//! The `copies` edges: pairs of secondaries that share deviations from a
//! source, or text found in no primary, and which of the two copied.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Edge, EdgeCoverage, Evidence, ProvenanceConfig, ratio};
use crate::report::audit::FindingRecord;
use crate::report::{DocumentRecord, DuplicateRecord, Span};

/// Two documents' shared deviation: (finding, deviation) in the first and
/// in the second.
type SharedDeviation = ((usize, usize), (usize, usize));

/// Evidence collected for one pair of documents (indices in `documents`).
#[derive(Default)]
struct PairEvidence<'a> {
    deviations: Vec<SharedDeviation>,
    texts: Vec<(&'a Span, &'a Span)>,
}

/// What the `copies` edges need besides the duplicate clusters: each
/// document's place and findings, and the pairs sharing deviations.
pub struct Pending<'a> {
    index: FxHashMap<&'a str, usize>,
    by_doc: FxHashMap<usize, Vec<usize>>,
    shared: FxHashMap<(usize, usize), Vec<SharedDeviation>>,
    findings: &'a [FindingRecord],
    cfg: ProvenanceConfig,
}

/// The shared deviations of `documents`' findings.
pub fn pending<'a>(
    documents: &'a [DocumentRecord],
    findings: &'a [FindingRecord],
    cfg: &ProvenanceConfig,
) -> Pending<'a> {
    let index: FxHashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let doc_of = |id: &str| index.get(id).copied();
    let (keyed, by_doc) = keyed_deviations(findings, &doc_of);
    let shared = pair_deviations(&keyed, cfg);
    Pending {
        index,
        by_doc,
        shared,
        findings,
        cfg: *cfg,
    }
}

impl Pending<'_> {
    /// The `copies` edges: pairs of secondaries whose shared deviations and
    /// shared text weigh at least `min_shared`, in order of their documents.
    /// `documents`: those given to [`pending`], then any more.
    pub fn edges(self, documents: &[DocumentRecord], duplicates: &[DuplicateRecord]) -> Vec<Edge> {
        let (findings, cfg, by_doc) = (self.findings, &self.cfg, &self.by_doc);
        let known = self.index.len();
        let more: FxHashMap<&str, usize> = documents[known..]
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), known + i))
            .collect();
        let doc_of = |id: &str| self.index.get(id).or_else(|| more.get(id)).copied();
        let mut pairs: FxHashMap<(usize, usize), PairEvidence> = self
            .shared
            .into_iter()
            .map(|(k, deviations)| {
                let texts = Vec::new();
                (k, PairEvidence { deviations, texts })
            })
            .collect();
        let is_traced = |d: usize, span: &Span| traced(findings, by_doc, d, span);
        pair_texts(&mut pairs, documents, duplicates, &doc_of, &is_traced, cfg);
        let mut keys: Vec<(usize, usize)> = pairs.keys().copied().collect();
        keys.sort_unstable();
        keys.into_par_iter()
            .filter_map(|k| {
                let ev = &pairs[&k];
                (weight(findings, ev) >= 2 * cfg.min_shared)
                    .then(|| copies_edge(documents, findings, by_doc, k, ev))
            })
            .collect()
    }
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
/// `max_sharers`), by pair of documents.
fn pair_deviations(
    keyed: &[Keyed],
    cfg: &ProvenanceConfig,
) -> FxHashMap<(usize, usize), Vec<SharedDeviation>> {
    let mut pairs: FxHashMap<(usize, usize), Vec<SharedDeviation>> = FxHashMap::default();
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
                e.push(((a.1, a.2), (b.1, b.2)));
            }
        }
    }
    pairs
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
        .and_then(crate::corpus::date_range)
        .zip(db.date.as_deref().and_then(crate::corpus::date_range));
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
