//! The reviewed golden snapshot of `stemma audit corpus --format json`: one
//! line per finding (kind, secondary location, source location, message), per
//! document's coverage and per provenance edge (with its shared deviations).
//! `STEMMA_BLESS=1 cargo test --release golden`
//! rewrites it; review the diff by eye before committing.

use serde_json::Value;

use crate::util::*;

fn loc(span: &Value) -> String {
    if span.is_null() {
        return "-".into();
    }
    format!(
        "{}:{}:{}",
        span["doc"].as_str().unwrap(),
        span["line"],
        span["col"]
    )
}

fn render(v: &Value) -> String {
    let mut out = String::new();
    for c in v["coverage"].as_array().unwrap() {
        out.push_str(&format!(
            "coverage {} sentences={} words={} traced={}\n",
            c["doc"].as_str().unwrap(),
            c["passages"],
            c["words"],
            c["traced_words"]
        ));
    }
    for f in v["findings"].as_array().unwrap() {
        out.push_str(&format!(
            "{} {} <- {} | {}\n",
            f["kind"].as_str().unwrap(),
            loc(&f["secondary"]),
            loc(&f["source"]),
            f["message"].as_str().unwrap()
        ));
    }
    for e in v["provenance"].as_array().unwrap() {
        out.push_str(&format!(
            "provenance {} {} {} coverage={}/{} direction={} evidence={}\n",
            e["from"].as_str().unwrap(),
            e["relation"].as_str().unwrap(),
            e["to"].as_str().unwrap(),
            e["coverage"]["from"],
            e["coverage"]["to"],
            e["direction"].as_str().unwrap(),
            e["evidence"].as_array().unwrap().len()
        ));
        for x in e["evidence"].as_array().unwrap() {
            if x["type"] == "findings" {
                out.push_str(&format!("  findings {} {}\n", x["count"], x["by_kind"]));
                continue;
            }
            let text = |s: &Value| {
                let t = s["text"].as_str().unwrap_or("");
                format!("{:?}", t.chars().take(100).collect::<String>())
            };
            out.push_str(&format!(
                "  {} {} {} -> {} at {} / {}\n",
                x["type"].as_str().unwrap(),
                x["op"].as_str().unwrap_or("-"),
                text(&x["source"]),
                text(&x["from"]),
                loc(&x["from"]),
                loc(&x["to"])
            ));
        }
    }
    out
}

#[test]
fn golden_audit_of_the_bundled_corpus() {
    let out = stemma(&["audit", "corpus", "--format", "json"], &root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = render(&json(&out));
    let path = root().join("tests/golden/audit-corpus.txt");
    if std::env::var_os("STEMMA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("golden file (bless with STEMMA_BLESS=1)");
    assert!(
        got == want,
        "audit output changed; diff against {}:\n{got}",
        path.display()
    );
}

/// The report written while its tail is computed (what `stemma audit
/// --format json` does) is byte for byte the assembled report.
#[test]
fn overlapped_json_is_the_assembled_report() {
    use stemma::report::audit::{Tail, assembled, unique_ids, write_overlapped};
    use stemma::{dedup, pipeline, provenance, report};
    let inputs = stemma::corpus::resolve(&[root().join("corpus")], &[]).unwrap();
    let cfg = pipeline::Config::default();
    let acfg = stemma::audit::AuditConfig::default();
    let out = pipeline::audit_corpus(inputs, &cfg, &acfg, false, &|_| true);
    let mut findings = out.findings;
    unique_ids(&mut findings);
    let (clusters, _) = dedup::find(&out.fingerprinted, &cfg);
    let dups = report::dedup_report(&out.fingerprinted, &clusters, &cfg);
    let pcfg = provenance::ProvenanceConfig::default();
    let rest = || {
        let provenance = provenance::build(
            &out.documents,
            &findings,
            &out.coverage,
            &dups.duplicates,
            &pcfg,
        );
        let tail = Tail {
            provenance,
            duplicates: dups.duplicates.clone(),
            skipped: dups.skipped.clone(),
            warnings: vec!["a warning".into()],
        };
        (tail, 7)
    };
    let mut streamed = Vec::new();
    let (written, tail, x) = write_overlapped(
        &out.documents,
        &findings,
        &out.coverage,
        rest,
        &mut streamed,
    );
    written.unwrap();
    assert_eq!(x, 7);
    assert!(!tail.provenance.is_empty() && !tail.duplicates.is_empty());
    let whole = assembled(out.documents, findings, out.coverage, tail);
    assert!(!whole.findings.is_empty());
    let streamed = String::from_utf8(streamed).unwrap();
    assert_eq!(streamed, report::json::to_string(&whole));
}
