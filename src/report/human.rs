//! Terminal output: one block per duplicate cluster, each copy as
//! `path:line:col` (clickable in most terminals and editors) and its text.

use std::fmt::Write;

use super::{DedupReport, Span};

/// Longest excerpt shown per copy, in characters.
const EXCERPT_CHARS: usize = 160;

/// One line of text: whitespace collapsed, cut at a character boundary.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn location(s: &Span) -> String {
    format!("{}:{}:{}", s.display_path, s.line, s.col)
}

/// Renders the dedup report for a terminal.
pub fn dedup(report: &DedupReport) -> String {
    let mut out = String::new();
    for (i, d) in report.duplicates.iter().enumerate() {
        let words = d.spans[0].text.split_whitespace().count();
        let docs = {
            let mut ids: Vec<&str> = d.spans.iter().map(|s| &*s.doc).collect();
            ids.dedup();
            ids.len()
        };
        let scope = if docs == 1 {
            "within one document".to_string()
        } else {
            format!("across {docs} documents")
        };
        let _ = writeln!(
            out,
            "{} {} duplicate: {} copies {}, ~{} words",
            i + 1,
            d.kind,
            d.spans.len(),
            scope,
            words
        );
        for s in &d.spans {
            let tag = s
                .boilerplate
                .map(|b| {
                    format!(
                        " [{}]",
                        serde_json::to_value(b)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default()
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(out, "  {}{}", location(s), tag);
            let _ = writeln!(out, "    {}", excerpt(&s.text, EXCERPT_CHARS));
        }
        out.push('\n');
    }
    let exact = report
        .duplicates
        .iter()
        .filter(|d| d.kind == "exact")
        .count();
    let _ = writeln!(
        out,
        "{} duplicate clusters ({} exact, {} near) in {} documents",
        report.duplicates.len(),
        exact,
        report.duplicates.len() - exact,
        report.documents.len()
    );
    out
}
