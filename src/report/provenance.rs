//! Views of the provenance graph: a terminal summary (one table per
//! secondary: sources, coverage, findings, copied from), Graphviz DOT and
//! Mermaid, and the `stemma.provenance/1` JSON.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use super::DocumentRecord;
use super::audit::{AuditReport, ByDoc, CoverageRecord};
use crate::classify::Kind;
use crate::provenance::Edge;

pub const PROVENANCE_SCHEMA: &str = "stemma.provenance/1";

/// What `stemma provenance --format json` writes: the documents, their
/// coverage and the graph (the same records as in `stemma.audit/1`).
#[derive(Serialize)]
pub struct ProvenanceReport<'a> {
    pub schema: &'static str,
    pub documents: &'a [DocumentRecord],
    pub coverage: &'a [CoverageRecord],
    pub provenance: &'a [Edge],
}

pub fn json_view(report: &AuditReport) -> ProvenanceReport<'_> {
    ProvenanceReport {
        schema: PROVENANCE_SCHEMA,
        documents: &report.documents,
        coverage: &report.coverage,
        provenance: &report.provenance,
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn copies_label(e: &Edge) -> String {
    let dev = e
        .evidence
        .iter()
        .filter(|v| matches!(v, crate::provenance::Evidence::SharedDeviation { .. }))
        .count();
    let text = e.evidence.len() - dev;
    let mut parts = Vec::new();
    if dev > 0 {
        parts.push(format!("{dev} shared deviations"));
    }
    if text > 0 {
        parts.push(format!("{text} shared passages"));
    }
    parts.join(", ")
}

/// The terminal summary: a table per secondary, then each primary with the
/// documents derived from it.
pub fn human(report: &AuditReport) -> String {
    let mut out = String::new();
    let by_doc = ByDoc::new(report);
    // Edges by the documents they touch.
    let mut touching: HashMap<&str, Vec<&Edge>> = HashMap::new();
    for e in &report.provenance {
        touching.entry(e.from.as_str()).or_default().push(e);
        if e.to != e.from {
            touching.entry(e.to.as_str()).or_default().push(e);
        }
    }
    for c in &report.coverage {
        let doc = by_doc.documents.get(c.doc.as_str());
        let edges: &[&Edge] = touching.get(c.doc.as_str()).map_or(&[], Vec::as_slice);
        let title = doc.and_then(|d| d.title.as_deref()).unwrap_or("");
        let date = doc.and_then(|d| d.date.as_deref()).unwrap_or("undated");
        let _ = writeln!(out, "{}  {title:?} ({date})", c.doc);
        let sources: Vec<String> = edges
            .iter()
            .filter(|e| e.relation == "derives_from" && e.from == c.doc)
            .map(|e| {
                format!(
                    "{} ({} of its words; covers {} of the source)",
                    e.to,
                    pct(e.coverage.from),
                    pct(e.coverage.to)
                )
            })
            .collect();
        row(&mut out, "sources", &sources, "none in the corpus");
        let counts: Vec<String> = Kind::ALL
            .iter()
            .filter_map(|&k| {
                let n = by_doc.count(&c.doc, k);
                (n > 0).then(|| format!("{n} {}", k.name()))
            })
            .collect();
        row(&mut out, "findings", &[counts.join(", ")], "none");
        let copied_from: Vec<String> = edges
            .iter()
            .filter(|e| e.relation == "copies" && e.from == c.doc)
            .map(|e| format!("{} ({}; {})", e.to, copies_label(e), e.direction))
            .collect();
        row(&mut out, "copied from", &copied_from, "none found");
        let copied_by: Vec<String> = edges
            .iter()
            .filter(|e| e.relation == "copies" && e.to == c.doc)
            .map(|e| format!("{} ({}; {})", e.from, copies_label(e), e.direction))
            .collect();
        if !copied_by.is_empty() {
            row(&mut out, "copied by", &copied_by, "");
        }
        for e in edges
            .iter()
            .filter(|e| e.relation == "copies" && (e.from == c.doc || e.to == c.doc))
        {
            let _ = writeln!(out, "  {:<12} {}", "why", e.reason);
        }
        out.push('\n');
    }
    for d in report.documents.iter().filter(|d| d.role == "primary") {
        let edges: &[&Edge] = touching.get(d.id.as_str()).map_or(&[], Vec::as_slice);
        let derived: Vec<String> = edges
            .iter()
            .filter(|e| e.relation == "derives_from" && e.to == d.id)
            .map(|e| format!("{} ({} of the speech covered)", e.from, pct(e.coverage.to)))
            .collect();
        let _ = writeln!(out, "{} (primary)", d.id);
        row(&mut out, "derived", &derived, "no derived documents");
    }
    out
}

fn row(out: &mut String, head: &str, items: &[String], empty: &str) {
    let items: Vec<&String> = items.iter().filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        let _ = writeln!(out, "  {head:<12} {empty}");
    }
    for (i, item) in items.iter().enumerate() {
        let _ = writeln!(out, "  {:<12} {item}", if i == 0 { head } else { "" });
    }
}

/// Documents worth drawing: every primary, and every document on an edge.
fn drawn(report: &AuditReport) -> Vec<&DocumentRecord> {
    report
        .documents
        .iter()
        .filter(|d| {
            d.role == "primary"
                || report
                    .provenance
                    .iter()
                    .any(|e| e.from == d.id || e.to == d.id)
        })
        .collect()
}

fn node_label(d: &DocumentRecord) -> String {
    let title = d.title.as_deref().unwrap_or(&d.id);
    let title = super::human::excerpt(title, 60);
    match &d.date {
        Some(date) => format!("{title}\n{} ({date})", d.id),
        None => format!("{title}\n{}", d.id),
    }
}

fn edge_label(e: &Edge) -> String {
    if e.relation == "derives_from" {
        format!(
            "{} of its words\n{} of the source",
            pct(e.coverage.from),
            pct(e.coverage.to)
        )
    } else {
        format!("copies: {}\n({})", copies_label(e), e.direction)
    }
}

/// Graphviz DOT: primaries as boxes, secondaries as ellipses; `derives_from`
/// solid, `copies` dashed (undirected when the direction is undetermined).
pub fn dot(report: &AuditReport) -> String {
    let q = |s: &str| {
        let mut o = String::from("\"");
        for ch in s.chars() {
            match ch {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                c => o.push(c),
            }
        }
        o.push('"');
        o
    };
    let mut out = String::from(
        "digraph stemma {\n  rankdir=RL;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n",
    );
    for d in drawn(report) {
        let shape = if d.role == "primary" {
            "box"
        } else {
            "ellipse"
        };
        let _ = writeln!(
            out,
            "  {} [label={}, shape={shape}];",
            q(&d.id),
            q(&node_label(d))
        );
    }
    for e in &report.provenance {
        let style = match (e.relation, e.direction) {
            ("derives_from", _) => "solid",
            (_, "undetermined") => "dashed, dir=none",
            _ => "dashed",
        };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}, style={style}];",
            q(&e.from),
            q(&e.to),
            q(&edge_label(e))
        );
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart, for READMEs: the same graph as [`dot`].
pub fn mermaid(report: &AuditReport) -> String {
    let nodes = drawn(report);
    let id = |doc: &str| {
        nodes
            .iter()
            .position(|d| d.id == doc)
            .map(|i| format!("d{i}"))
            .unwrap_or_default()
    };
    let q = |s: &str| {
        let s = s
            .replace('"', "#quot;")
            .replace('<', "#lt;")
            .replace('>', "#gt;")
            .replace('\n', "<br/>");
        format!("\"{s}\"")
    };
    let mut out = String::from("flowchart RL\n");
    for (i, d) in nodes.iter().enumerate() {
        let label = q(&node_label(d));
        if d.role == "primary" {
            let _ = writeln!(out, "  d{i}[{label}]");
        } else {
            let _ = writeln!(out, "  d{i}({label})");
        }
    }
    for e in &report.provenance {
        let arrow = match (e.relation, e.direction) {
            ("derives_from", _) => "-->",
            (_, "undetermined") => "-.-",
            _ => "-.->",
        };
        let _ = writeln!(
            out,
            "  {} {arrow}|{}| {}",
            id(&e.from),
            q(&edge_label(e)),
            id(&e.to)
        );
    }
    out
}
