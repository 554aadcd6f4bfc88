//! Report: turns results into what people and scripts read. Spans always
//! carry the file path (relative to the corpus root), byte offsets into the
//! original file, line and column, and the exact original text.

pub mod audit;
pub mod closing;
pub mod human;
pub mod json;
pub mod provenance;

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::dedup::Cluster;
use crate::pipeline::{Config, Fingerprinted, load};
use crate::source::{InputError, SourceFile};

/// A located piece of original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Document id (`path`, or `path#N` for a feed item).
    pub doc: Arc<str>,
    /// Path relative to the corpus root, `/`-separated.
    pub path: Arc<str>,
    /// Byte offsets into the original file, `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (column in characters) of `start`.
    pub line: u32,
    pub col: u32,
    /// The original text (for a transcoded file, decoded to UTF-8).
    pub text: String,
    /// Why the passage is boilerplate, if it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<crate::ingest::Boilerplate>,
    /// Where the user can open the file (not part of the JSON contract).
    #[serde(skip)]
    pub display_path: Arc<str>,
}

impl Span {
    /// The span's place without its text (to build a piece of it).
    pub fn clone_without_text(&self) -> Span {
        Span {
            doc: self.doc.clone(),
            path: self.path.clone(),
            start: self.start,
            end: self.end,
            line: self.line,
            col: self.col,
            text: String::new(),
            boilerplate: None,
            display_path: self.display_path.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentRecord {
    pub id: String,
    pub path: String,
    pub role: &'static str,
    pub title: Option<String>,
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unlisted: bool,
    /// Where the user can open the file (not part of the JSON contract).
    #[serde(skip)]
    pub display_path: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DuplicateRecord {
    pub kind: &'static str,
    pub spans: Vec<Span>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// Everything `stemma dedup` reports.
#[derive(Clone, Debug, Serialize)]
pub struct DedupReport {
    pub schema: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corpus: Option<String>,
    pub documents: Vec<DocumentRecord>,
    pub duplicates: Vec<DuplicateRecord>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

pub const DEDUP_SCHEMA: &str = "stemma.dedup/1";

pub fn skipped(e: &InputError) -> Skipped {
    Skipped {
        path: e.path.display().to_string(),
        reason: e.problem.to_string(),
    }
}

/// A span with its cluster and member index.
type PlacedSpan = (usize, usize, Span);

/// Builds the dedup report, re-reading the files its spans quote.
pub fn dedup_report(fp: &Fingerprinted, clusters: &[Cluster], cfg: &Config) -> DedupReport {
    // Each file is re-read once, its spans cut, and its text dropped: memory
    // holds the quoted text, never the corpus.
    let mut wanted: Vec<(u32, usize, usize)> = clusters
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| {
            c.members.iter().enumerate().map(move |(mi, m)| {
                let doc = fp.units[m.first as usize].doc;
                (fp.docs[doc as usize].file, ci, mi)
            })
        })
        .collect();
    wanted.sort_unstable();
    let per_file: Vec<Result<Vec<PlacedSpan>, InputError>> = wanted
        .par_chunk_by(|a, b| a.0 == b.0)
        .map(|group| {
            let f = group[0].0;
            let file = load(&fp.files[f as usize].input, cfg)?;
            Ok(group
                .iter()
                .map(|&(_, ci, mi)| {
                    let m = clusters[ci].members[mi];
                    let (a, b) = (&fp.units[m.first as usize], &fp.units[m.last as usize]);
                    let doc = &fp.docs[a.doc as usize];
                    let mut s = make_span(
                        &doc.id.as_str().into(),
                        &file,
                        a.start as usize,
                        b.end as usize,
                    );
                    s.boilerplate = a.boilerplate;
                    (ci, mi, s)
                })
                .collect())
        })
        .collect();
    let mut slots: Vec<Vec<Option<Span>>> = clusters
        .iter()
        .map(|c| vec![None; c.members.len()])
        .collect();
    let mut skipped_now = Vec::new();
    for r in per_file {
        match r {
            Ok(spans) => spans
                .into_iter()
                .for_each(|(ci, mi, s)| slots[ci][mi] = Some(s)),
            Err(e) => skipped_now.push(e),
        }
    }
    // A cluster is reported whole or not at all (a file that vanished since
    // it was fingerprinted is listed under `skipped`).
    let duplicates = clusters
        .iter()
        .zip(slots)
        .filter_map(|(c, spans)| {
            let spans: Option<Vec<Span>> = spans.into_iter().collect();
            spans.map(|spans| DuplicateRecord {
                kind: c.kind.name(),
                spans,
            })
        })
        .collect();
    DedupReport {
        schema: DEDUP_SCHEMA,
        corpus: fp.name.clone(),
        documents: documents(fp),
        duplicates,
        skipped: fp.skipped.iter().chain(&skipped_now).map(skipped).collect(),
        warnings: fp
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .collect(),
    }
}

/// A span of `file` text `[start, end)` (positions in the decoded text).
pub fn make_span(doc: &Arc<str>, file: &SourceFile, start: usize, end: usize) -> Span {
    let (line, col) = file.line_col(start);
    Span {
        doc: doc.clone(),
        path: file.rel.clone(),
        start: file.file_offset(start),
        end: file.file_offset(end),
        line,
        col,
        text: file.text[start..end].to_string(),
        boilerplate: None,
        display_path: file.display.clone(),
    }
}

fn documents(fp: &Fingerprinted) -> Vec<DocumentRecord> {
    fp.docs
        .iter()
        .map(|d| {
            let f = &fp.files[d.file as usize];
            DocumentRecord {
                id: d.id.clone(),
                path: f.input.rel.clone(),
                role: d.role.contract_name(),
                title: d.title.clone(),
                date: d.date.clone(),
                link: d.link.clone(),
                author: d.author.clone(),
                start: d.start as usize,
                end: d.end as usize,
                unlisted: f.input.unlisted,
                display_path: f.input.path.display().to_string(),
            }
        })
        .collect()
}
