//! The reviewed golden snapshot of `stemma audit corpus --format json`: one
//! line per finding (kind, secondary location, source location, message) and
//! per document's coverage. `STEMMA_BLESS=1 cargo test --release golden`
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
