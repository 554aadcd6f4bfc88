//! The CI gate (`stemma check`): the audit's findings that say something
//! went wrong, each with a level, a content-based id and a location,
//! compared with a committed baseline of accepted findings.
//!
//! What is checked: misquotes, numeric changes, truncations, copy errors,
//! unsupported passages (from the audit), duplicates of passages that
//! another secondary document of the corpus already holds, and files in the
//! corpus folder that the manifest does not list. Verbatim copies and
//! paraphrases are not problems and are not checked.

pub mod baseline;
pub mod format;
pub mod git;
mod sarif;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::classify::Kind;
use crate::report::Span;
use crate::report::audit::{AuditReport, FindingRecord};

pub const CHECK_SCHEMA: &str = "stemma.check/1";

/// How serious a finding is (SARIF's levels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// The kinds of finding `check` reports, with their level and meaning.
pub const RULES: [(&str, Level, &str); 7] = [
    (
        "misquote",
        Level::Error,
        "Words inside quotation marks that the source does not say there.",
    ),
    (
        "numeric_change",
        Level::Error,
        "A number whose value differs from the aligned source number.",
    ),
    (
        "duplicate",
        Level::Error,
        "An exact or near duplicate of a passage another secondary document of the corpus holds.",
    ),
    (
        "unsupported",
        Level::Error,
        "A passage, or a quotation, that no source in the corpus backs (warning outside quotation marks).",
    ),
    (
        "truncation",
        Level::Warning,
        "A clipped copy: a quotation or sentence cut short, or a qualifying clause dropped.",
    ),
    (
        "copy_error",
        Level::Warning,
        "A near-verbatim copy with mechanical damage: dropped or changed words, typos, lost quotation marks (error when a negation changes).",
    ),
    (
        "unlisted",
        Level::Warning,
        "A file in the corpus folder that the manifest does not list (checked as a secondary document).",
    ),
];

/// Where a related place is (the source of a finding, the earlier copy).
#[derive(Clone, Debug, Serialize)]
pub struct Location {
    pub doc: Arc<str>,
    pub path: Arc<str>,
    pub line: u32,
    pub col: u32,
    pub text: String,
    #[serde(skip)]
    pub display_path: Arc<str>,
}

impl Location {
    fn of(s: &Span) -> Location {
        Location {
            doc: s.doc.clone(),
            path: s.path.clone(),
            line: s.line,
            col: s.col,
            text: crate::report::human::excerpt(&s.text, 200),
            display_path: s.display_path.clone(),
        }
    }
}

/// One finding of the gate.
#[derive(Clone, Debug, Serialize)]
pub struct CheckFinding {
    /// Content-based: kind, relative path, normalized words of both sides
    /// and the source document; `-2`, `-3` … for repeats.
    pub id: String,
    pub kind: &'static str,
    pub level: Level,
    pub doc: Arc<str>,
    /// Relative to the corpus root, `/`-separated.
    pub path: Arc<str>,
    /// 1-based; the end is exclusive (the character after the passage).
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub message: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Location>,
    /// Accepted in the baseline.
    pub baselined: bool,
    /// The path as the user gave it (for `path:line:col` output).
    #[serde(skip)]
    pub display_path: Arc<str>,
}

/// A finding's level, if the gate reports its kind at all.
fn level_of(f: &FindingRecord) -> Option<Level> {
    if f.negation && f.kind != Kind::Verbatim {
        return Some(Level::Error);
    }
    match f.kind {
        Kind::Verbatim | Kind::Paraphrase => None,
        Kind::Misquote | Kind::NumericChange => Some(Level::Error),
        Kind::Unsupported if f.in_quotes => Some(Level::Error),
        Kind::Unsupported | Kind::Truncation | Kind::CopyError => Some(Level::Warning),
    }
}

/// Line and column just after a span's text.
fn end_of(s: &Span) -> (u32, u32) {
    match s.text.rfind('\n') {
        Some(i) => (
            s.line + s.text.matches('\n').count() as u32,
            s.text[i + 1..].chars().count() as u32 + 1,
        ),
        None => (s.line, s.col + s.text.chars().count() as u32),
    }
}

fn located(
    id: String,
    kind: &'static str,
    level: Level,
    s: &Span,
    message: String,
    source: Option<Location>,
) -> CheckFinding {
    let (end_line, end_col) = end_of(s);
    CheckFinding {
        id,
        kind,
        level,
        doc: s.doc.clone(),
        path: s.path.clone(),
        line: s.line,
        col: s.col,
        end_line,
        end_col,
        message,
        text: crate::report::human::excerpt(&s.text, 200),
        source,
        baselined: false,
        display_path: s.display_path.clone(),
    }
}

/// A content-based id from parts: the normalized words of text parts.
fn content_id(kind: &str, path: &str, texts: &[&str], other: &str) -> String {
    let mut h = Xxh3::new();
    h.update(kind.as_bytes());
    h.update(path.as_bytes());
    for t in texts {
        h.update(b"\xff");
        for l in crate::normalize::lex_str(t).iter().filter(|l| l.is_token()) {
            h.update(&l.hash.to_le_bytes());
        }
    }
    h.update(other.as_bytes());
    format!("{:016x}", h.digest())
}

/// The gate's findings in documents whose path `in_scope` accepts, sorted
/// by path and position. Duplicates are reported on each copy in scope,
/// pointing at the first copy in corpus order (by path, then position); a
/// first copy in scope whose copies are all out of scope is reported
/// pointing at the second. The report's finding records are consumed (each
/// freed as its gate finding is made: a corpus has many).
pub fn collect(report: &mut AuditReport, in_scope: &dyn Fn(&str) -> bool) -> Vec<CheckFinding> {
    let mut out = duplicates(report, in_scope);
    out.extend(
        std::mem::take(&mut report.findings)
            .into_iter()
            .filter(|f| in_scope(&f.secondary.path))
            .filter_map(|f| {
                let level = level_of(&f)?;
                let source = f.source.as_ref().map(Location::of);
                Some(located(
                    f.id,
                    f.kind.name(),
                    level,
                    &f.secondary,
                    f.message,
                    source,
                ))
            }),
    );
    let mut seen_unlisted = std::collections::HashSet::new();
    for d in &report.documents {
        if d.unlisted && in_scope(&d.path) && seen_unlisted.insert(d.path.clone()) {
            let span = Span {
                doc: d.id.as_str().into(),
                path: d.path.as_str().into(),
                start: 0,
                end: 0,
                line: 1,
                col: 1,
                text: String::new(),
                boilerplate: None,
                display_path: d.display_path.as_str().into(),
            };
            out.push(located(
                content_id("unlisted", &d.path, &[], ""),
                "unlisted",
                Level::Warning,
                &span,
                format!(
                    "{} is not listed in the manifest ({}): it was checked as a secondary document; add it with its role, date and title",
                    d.path,
                    crate::corpus::MANIFEST_NAME
                ),
                None,
            ));
        }
    }
    out.sort_by(|a, b| {
        (&a.path, a.line, a.col, a.kind, &a.id).cmp(&(&b.path, b.line, b.col, b.kind, &b.id))
    });
    unique_ids(&mut out);
    out
}

/// A member of a duplicate cluster: in scope, document index, span.
type Member<'a> = (bool, usize, &'a Span);

fn duplicates(report: &AuditReport, in_scope: &dyn Fn(&str) -> bool) -> Vec<CheckFinding> {
    let index: std::collections::HashMap<&str, usize> = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let role = |doc: &str| index.get(doc).map(|&i| (i, report.documents[i].role));
    let mut out = Vec::new();
    for dup in &report.duplicates {
        let mut members: Vec<Member> = Vec::new();
        let mut primary_texts = Vec::new();
        for s in dup.spans.iter().filter(|s| s.boilerplate.is_none()) {
            match role(&s.doc) {
                Some((_, "primary")) => primary_texts.push(normalized(&s.text)),
                Some((i, _)) if !members.iter().any(|m| m.1 == i) => {
                    members.push((in_scope(&s.path), i, s))
                }
                _ => {}
            }
        }
        // Secondaries that resemble a primary are quoting it (the audit's
        // business), unless they are identical to each other and not to it.
        let (kind, groups) = if primary_texts.is_empty() {
            (dup.kind, vec![members])
        } else {
            let mut groups: Vec<(u64, Vec<Member>)> = Vec::new();
            for m in members {
                let n = normalized(&m.2.text);
                if primary_texts.contains(&n) {
                    continue;
                }
                match groups.iter_mut().find(|g| g.0 == n) {
                    Some(g) => g.1.push(m),
                    None => groups.push((n, vec![m])),
                }
            }
            ("exact", groups.into_iter().map(|g| g.1).collect())
        };
        for mut members in groups.into_iter().filter(|g| g.len() >= 2) {
            // The first in corpus order is the original, whatever the scope,
            // so that a scoped check reports a subset of the full check's
            // findings (with the same ids).
            members.sort_by(|a, b| (&a.2.path, a.2.start).cmp(&(&b.2.path, b.2.start)));
            let first = members[0];
            let mut pairs: Vec<(&Span, &Span)> = members[1..]
                .iter()
                .filter(|m| m.0)
                .map(|m| (m.2, first.2))
                .collect();
            if pairs.is_empty() && first.0 {
                // Only the first copy is in scope (say, a new file whose
                // path sorts first): it carries the finding.
                pairs.push((first.2, members[1].2));
            }
            for (s, of) in pairs {
                out.push(located(
                    duplicate_id(s, of),
                    "duplicate",
                    Level::Error,
                    s,
                    format!(
                        "{kind} duplicate of a passage of {} ({}:{}:{})",
                        of.doc, of.display_path, of.line, of.col
                    ),
                    Some(Location::of(of)),
                ));
            }
        }
    }
    out
}

/// A duplicate's id: the same whichever of the two passages it is reported on.
fn duplicate_id(a: &Span, b: &Span) -> String {
    let (lo, hi) = if (&a.doc, a.start) <= (&b.doc, b.start) {
        (a, b)
    } else {
        (b, a)
    };
    content_id("duplicate", &lo.doc, &[&lo.text, &hi.text], &hi.doc)
}

/// A hash of a text's matching forms (case, quotes, dashes, spacing folded).
fn normalized(text: &str) -> u64 {
    let mut h = Xxh3::new();
    for l in crate::normalize::lex_str(text)
        .iter()
        .filter(|l| l.is_token())
    {
        h.update(&l.hash.to_le_bytes());
    }
    h.digest()
}

/// Repeated ids get `-2`, `-3` … in order (ids of audit findings already are).
fn unique_ids(findings: &mut [CheckFinding]) {
    let mut seen = std::collections::HashMap::new();
    for f in findings {
        let n = seen.entry(f.id.clone()).or_insert(0u32);
        *n += 1;
        if *n > 1 {
            f.id = format!("{}-{n}", f.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, line: u32, col: u32) -> Span {
        Span {
            doc: "d".into(),
            path: "d".into(),
            start: 0,
            end: text.len(),
            line,
            col,
            text: text.into(),
            boilerplate: None,
            display_path: "d".into(),
        }
    }

    #[test]
    fn ends_are_exclusive() {
        assert_eq!(end_of(&span("abc", 3, 5)), (3, 8));
        assert_eq!(end_of(&span("ab\ncdé", 3, 5)), (4, 4));
        assert_eq!(end_of(&span("", 1, 1)), (1, 1));
    }

    #[test]
    fn ids_ignore_case_and_quote_style() {
        let a = content_id("duplicate", "p", &["He said: “Hello there”"], "x");
        let b = content_id("duplicate", "p", &["he said: \"hello   there\""], "x");
        assert_eq!(a, b);
        assert_ne!(
            a,
            content_id("duplicate", "q", &["He said: Hello there"], "x")
        );
    }
}
