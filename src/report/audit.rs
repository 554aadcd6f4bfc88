//! The audit report: the `stemma.audit/1` JSON contract, and the terminal
//! view (findings grouped by secondary document with an inline word diff,
//! then a summary table).

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

use super::{DocumentRecord, DuplicateRecord, Skipped, Span, make_span};
use crate::align::Tag;
use crate::audit::{AuditResult, Finding, Loaded};
use crate::classify::{Edit, Kind};
use crate::provenance::{self, Deviation, Edge};

pub const AUDIT_SCHEMA: &str = "stemma.audit/1";

#[derive(Clone, Debug, Serialize)]
pub struct FindingRecord {
    pub id: String,
    pub kind: Kind,
    pub secondary: Span,
    pub source: Option<Span>,
    pub in_quotes: bool,
    /// A negation appears or disappears against the source.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negation: bool,
    pub score: f64,
    pub edits: Vec<Edit>,
    pub message: String,
    /// The inline word diff (`[-source-]{+secondary+}`), for people.
    #[serde(skip)]
    pub diff: String,
    /// How the passage departs from its source, for provenance.
    #[serde(skip)]
    pub deviations: Vec<Deviation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CoverageRecord {
    pub doc: String,
    pub passages: usize,
    pub words: usize,
    pub traced_words: usize,
    /// Sources drawn on, most words first.
    pub sources: Vec<SourceShare>,
}

/// How much of one source a secondary draws on.
#[derive(Clone, Debug, Serialize)]
pub struct SourceShare {
    pub doc: String,
    /// Words of the secondary matching this source.
    pub words: usize,
    /// Words of the source the secondary's passages match (each counted once).
    pub source_covered: usize,
    /// Words of the source.
    pub source_words: usize,
}

/// Everything `stemma audit` reports.
#[derive(Clone, Debug, Serialize)]
pub struct AuditReport {
    pub schema: &'static str,
    pub documents: Vec<DocumentRecord>,
    pub findings: Vec<FindingRecord>,
    /// The provenance graph: `derives_from` and `copies` edges.
    pub provenance: Vec<Edge>,
    pub duplicates: Vec<DuplicateRecord>,
    pub coverage: Vec<CoverageRecord>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

fn span_of(loaded: &Loaded, doc: usize, toks: &std::ops::Range<usize>) -> Span {
    let (d, a) = &loaded.docs[doc];
    let (s, e) = super::closing::passage_range(&d.file.text, a, toks);
    let mut span = make_span(&d.id, &d.file, s, e);
    span.boilerplate = None;
    span
}

/// Content-based id: kind, secondary path, the normalized words of both
/// sides, and the source document. The same finding keeps its id when the
/// file changes elsewhere (line numbers are not part of it).
fn finding_id(loaded: &Loaded, f: &Finding) -> String {
    let (d, a) = &loaded.docs[f.doc];
    // Streamed: the digest of the key's bytes, without collecting them.
    let mut key = Xxh3::new();
    key.update(f.verdict.kind.name().as_bytes());
    key.update(d.file.rel.as_bytes());
    for t in &a.tokens[f.tokens.clone()] {
        key.update(&t.to_le_bytes());
    }
    if let Some((s, r)) = &f.source {
        key.update(&[0xff]);
        key.update(loaded.docs[*s].0.id.as_bytes());
        for t in &loaded.docs[*s].1.tokens[r.clone()] {
            key.update(&t.to_le_bytes());
        }
    }
    format!("{:016x}", key.digest())
}

/// The inline diff of a finding, in original text.
fn inline_diff(loaded: &Loaded, f: &Finding) -> String {
    let sec = crate::classify::Side {
        text: &loaded.docs[f.doc].0.file.text,
        a: &loaded.docs[f.doc].1,
    };
    let Some((src_doc, _)) = &f.source else {
        return String::new();
    };
    let src = crate::classify::Side {
        text: &loaded.docs[*src_doc].0.file.text,
        a: &loaded.docs[*src_doc].1,
    };
    let abs = |r: &std::ops::Range<usize>| f.tokens.start + r.start..f.tokens.start + r.end;
    let mut out = String::new();
    for o in &f.ops {
        let s = abs(&o.sec);
        let gap = if s.is_empty() {
            " "
        } else {
            sec.gap_after(s.end - 1, &f.tokens)
        };
        match o.tag {
            Tag::Equal => out.push_str(&sec.text_of(&s)),
            Tag::Delete => out.push_str(&format!("[-{}-]", src.text_of(&o.src))),
            Tag::Insert => out.push_str(&format!("{{+{}+}}", sec.text_of(&s))),
            Tag::Replace => out.push_str(&format!(
                "[-{}-]{{+{}+}}",
                src.text_of(&o.src),
                sec.text_of(&s)
            )),
        }
        out.push_str(gap);
    }
    out.trim_end().to_string()
}

/// The report's records for the secondary documents of one audit pass.
/// Finding ids are not yet made unique (see [`unique_ids`]).
pub fn records(
    loaded: &Loaded,
    result: &AuditResult,
    diffs: bool,
) -> (Vec<FindingRecord>, Vec<CoverageRecord>) {
    let findings = result
        .findings
        .iter()
        .map(|f| FindingRecord {
            id: finding_id(loaded, f),
            kind: f.verdict.kind,
            secondary: span_of(loaded, f.doc, &f.tokens),
            source: f.source.as_ref().map(|(d, r)| span_of(loaded, *d, r)),
            in_quotes: f.verdict.in_quotes,
            negation: f.verdict.negation,
            score: (f.score * 1000.0).round() / 1000.0,
            edits: f.verdict.edits.clone(),
            message: f.verdict.message.clone(),
            diff: if diffs {
                inline_diff(loaded, f)
            } else {
                String::new()
            },
            deviations: provenance::deviations(loaded, f),
        })
        .collect();
    let coverage = result
        .coverage
        .iter()
        .map(|c| {
            let mine: Vec<&Finding> = result.findings.iter().filter(|f| f.doc == c.doc).collect();
            let cover = provenance::source_cover(&mine);
            CoverageRecord {
                doc: loaded.docs[c.doc].0.id.to_string(),
                passages: c.passages,
                words: c.words,
                traced_words: c.traced_words,
                sources: c
                    .sources
                    .iter()
                    .map(|&(d, words)| SourceShare {
                        doc: loaded.docs[d].0.id.to_string(),
                        words,
                        source_covered: cover.iter().find(|x| x.0 == d).map_or(0, |x| x.1),
                        source_words: loaded.docs[d].1.tokens.len(),
                    })
                    .collect(),
            }
        })
        .collect();
    (findings, coverage)
}

/// The contract's record of a document.
pub fn document_record(d: &crate::ingest::Document) -> DocumentRecord {
    DocumentRecord {
        id: d.id.to_string(),
        path: d.file.rel.to_string(),
        role: d.role.contract_name(),
        title: d.title.clone(),
        date: d.date.clone(),
        link: d.link.clone(),
        author: d.author.clone(),
        start: d.file.file_offset(d.range.start),
        end: d.file.file_offset(d.range.end),
        unlisted: d.unlisted,
        display_path: d.file.path.display().to_string(),
    }
}

/// Makes finding ids unique: a repeated identical finding gets `-2`, `-3`,
/// … in document order.
pub fn unique_ids(findings: &mut [FindingRecord]) {
    let nth: Vec<u32> = {
        let mut seen: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        findings
            .iter()
            .map(|f| {
                let n = seen.entry(f.id.as_str()).or_insert(0);
                *n += 1;
                *n
            })
            .collect()
    };
    for (f, n) in findings.iter_mut().zip(nth) {
        if n > 1 {
            f.id = format!("{}-{n}", f.id);
        }
    }
}

/// The report from its records and [`Tail`].
pub fn assembled(
    documents: Vec<DocumentRecord>,
    findings: Vec<FindingRecord>,
    coverage: Vec<CoverageRecord>,
    tail: Tail,
) -> AuditReport {
    AuditReport {
        schema: AUDIT_SCHEMA,
        documents,
        findings,
        provenance: tail.provenance,
        duplicates: tail.duplicates,
        coverage,
        skipped: tail.skipped,
        warnings: tail.warnings,
    }
}

/// The parts of an [`AuditReport`] after its findings.
pub struct Tail {
    pub provenance: Vec<Edge>,
    pub duplicates: Vec<DuplicateRecord>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// Writes the JSON report while its tail is still being computed: `rest`
/// runs on a thread of its own while the documents and findings (the bulk of
/// the bytes) are written; then its tail follows, its long arrays
/// serialized in parallel. The bytes are those of [`super::json::write`] of
/// the assembled report (a test checks). `rest` always runs to its end and
/// its result is returned, whatever became of the writing (a reader that
/// closed the pipe early is not an error of the run; a write that fails
/// early still waits for `rest`).
pub fn write_overlapped<W: std::io::Write, X: Send>(
    documents: &[DocumentRecord],
    findings: &[FindingRecord],
    coverage: &[CoverageRecord],
    rest: impl FnOnce() -> (Tail, X) + Send,
    w: W,
) -> (std::io::Result<()>, Tail, X) {
    use super::json::{write_array_at, write_at};
    use std::io::Write as _;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    // The fields of the report, in [`AuditReport`]'s order, each value
    // written one level deep.
    let key = |w: &mut std::io::BufWriter<W>, k: &str| write!(w, ",\n  \"{k}\": ");
    let (head, (tail, x)) = std::thread::scope(|scope| {
        let rest = scope.spawn(rest);
        let head = (|| {
            write!(w, "{{\n  \"schema\": ")?;
            write_at(&mut w, AUDIT_SCHEMA, 1)?;
            key(&mut w, "documents")?;
            write_at(&mut w, documents, 1)?;
            key(&mut w, "findings")?;
            write_at(&mut w, findings, 1)
        })();
        let done = rest
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (head, done)
    });
    let written = head.and_then(|()| {
        key(&mut w, "provenance")?;
        write_array_at(&mut w, &tail.provenance, 1)?;
        key(&mut w, "duplicates")?;
        write_array_at(&mut w, &tail.duplicates, 1)?;
        key(&mut w, "coverage")?;
        write_array_at(&mut w, coverage, 1)?;
        key(&mut w, "skipped")?;
        write_at(&mut w, &tail.skipped, 1)?;
        key(&mut w, "warnings")?;
        write_at(&mut w, &tail.warnings, 1)?;
        w.write_all(b"\n}\n")?;
        w.flush()
    });
    (written, tail, x)
}

/// A report's records looked up by document id (views walk documents, so
/// they must not scan every finding for each).
pub struct ByDoc<'a> {
    pub documents: HashMap<&'a str, &'a DocumentRecord>,
    pub findings: HashMap<&'a str, Vec<&'a FindingRecord>>,
}

impl<'a> ByDoc<'a> {
    pub fn new(report: &'a AuditReport) -> Self {
        let mut findings: HashMap<&str, Vec<&FindingRecord>> = HashMap::new();
        for f in &report.findings {
            findings.entry(&*f.secondary.doc).or_default().push(f);
        }
        ByDoc {
            documents: report
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
            findings,
        }
    }

    pub fn findings_of(&self, doc: &str) -> &[&'a FindingRecord] {
        self.findings.get(doc).map_or(&[], Vec::as_slice)
    }

    /// How many findings of `doc` are of `kind`.
    pub fn count(&self, doc: &str, kind: Kind) -> usize {
        self.findings_of(doc)
            .iter()
            .filter(|f| f.kind == kind)
            .count()
    }
}

/// ANSI colours for the terminal view (off when `color` is false).
struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn diff(&self, d: &str) -> String {
        if !self.color {
            return d.to_string();
        }
        d.replace("[-", "\x1b[31m[-")
            .replace("-]", "-]\x1b[0m")
            .replace("{+", "\x1b[32m{+")
            .replace("+}", "+}\x1b[0m")
    }
}

/// Renders the report for a terminal: findings other than verbatim copies,
/// grouped by secondary document, then a summary table.
pub fn human(report: &AuditReport, color: bool) -> String {
    let by_doc = ByDoc::new(report);
    let paint = Paint { color };
    let mut out = String::new();
    for c in &report.coverage {
        let doc = by_doc.documents.get(c.doc.as_str());
        let title = doc.and_then(|d| d.title.clone()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}",
            paint.wrap(
                "1",
                &if title.is_empty() {
                    format!("== {}", c.doc)
                } else {
                    format!("== {}  {title:?}", c.doc)
                }
            )
        );
        let traced = pct(c.traced_words, c.words);
        let sources: Vec<String> = c
            .sources
            .iter()
            .map(|s| format!("{} ({}%)", s.doc, pct(s.words, c.words)))
            .collect();
        let _ = writeln!(
            out,
            "   {} sentences, {traced}% of words traced{}",
            c.passages,
            if sources.is_empty() {
                String::new()
            } else {
                format!(" to {}", sources.join(", "))
            }
        );
        for f in by_doc
            .findings_of(&c.doc)
            .iter()
            .filter(|f| f.kind != Kind::Verbatim)
        {
            let s = &f.secondary;
            let _ = writeln!(
                out,
                "\n  {}:{}:{}  {}  {}",
                s.display_path,
                s.line,
                s.col,
                paint.wrap("33", f.kind.name()),
                f.message
            );
            if let Some(src) = &f.source {
                let _ = writeln!(
                    out,
                    "    source {}:{}:{}",
                    src.display_path, src.line, src.col
                );
            }
            let body = if f.diff.is_empty() {
                super::human::excerpt(&s.text, 300)
            } else {
                f.diff.clone()
            };
            let _ = writeln!(
                out,
                "    {}",
                paint.diff(&super::human::excerpt(&body, 600))
            );
        }
        out.push('\n');
    }
    out.push_str(&summary_table(report, &by_doc));
    out
}

fn pct(a: usize, b: usize) -> usize {
    (100 * a + b / 2).checked_div(b).unwrap_or(0)
}

fn summary_table(report: &AuditReport, by_doc: &ByDoc) -> String {
    let mut out = String::new();
    let heads = [
        "verbatim", "copy_err", "truncat", "paraphr", "misquote", "numeric", "unsupp",
    ];
    let _ = write!(out, "{:<58} {:>5} {:>6}", "document", "sent", "traced");
    for h in heads {
        let _ = write!(out, " {h:>8}");
    }
    out.push('\n');
    for c in &report.coverage {
        let chars = c.doc.chars().count();
        let name = if chars > 58 {
            format!("…{}", c.doc.chars().skip(chars - 57).collect::<String>())
        } else {
            c.doc.clone()
        };
        let _ = write!(
            out,
            "{name:<58} {:>5} {:>5}%",
            c.passages,
            pct(c.traced_words, c.words)
        );
        for k in Kind::ALL {
            let _ = write!(out, " {:>8}", by_doc.count(&c.doc, k));
        }
        out.push('\n');
    }
    out
}
