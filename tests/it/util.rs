use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn stemma(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stemma"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("stemma runs")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stderr(o)))
}

/// Asserts that every span's bytes in the original file equal its text.
pub fn assert_spans_exact(base: &Path, spans: &[&serde_json::Value]) {
    for s in spans {
        let path = base.join(s["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let text = std::str::from_utf8(&bytes[a..b]).expect("span is UTF-8");
        assert_eq!(
            text,
            s["text"].as_str().unwrap(),
            "span {a}..{b} of {}",
            path.display()
        );
        // Line and column (in characters, 1-based) of the start.
        if let Ok(whole) = std::str::from_utf8(&bytes) {
            let before = &whole[..a];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(
                (s["line"].as_u64(), s["col"].as_u64()),
                (Some(line as u64), Some(col as u64)),
                "line:col of span {a}..{b} of {}",
                path.display()
            );
        }
    }
}

/// Every span in a JSON document: each object with `path`, `start`, `end`
/// and `text`, however deep.
pub fn all_spans(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if ["path", "start", "end", "text"]
                    .iter()
                    .all(|k| m.contains_key(*k))
                {
                    out.push(v);
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    out
}

/// The findings of a successful `--format json` run in `dir`, every span
/// checked against the files' bytes.
pub fn checked_findings(out: &Output, dir: &Path) -> Vec<serde_json::Value> {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    let v = json(out);
    assert_eq!(v["schema"], "stemma.audit/1");
    let findings = v["findings"].as_array().unwrap().clone();
    let spans: Vec<&serde_json::Value> = findings
        .iter()
        .flat_map(|f| [&f["secondary"], &f["source"]])
        .filter(|s| !s.is_null())
        .collect();
    assert_spans_exact(dir, &spans);
    findings
}

/// The findings of `stemma audit --format json` on a corpus described by a
/// manifest: each document as (path, its manifest fields, its text).
pub fn audit_manifest(docs: &[(&str, &str, &str)]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let mut manifest = String::from("[corpus]\nname = \"test\"\n");
    for (path, fields, text) in docs {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        manifest.push_str(&format!("\n[[document]]\npath = \"{path}\"\n{fields}\n"));
    }
    std::fs::write(dir.path().join("stemma.toml"), manifest).unwrap();
    let out = stemma(&["audit", ".", "--format", "json"], dir.path());
    checked_findings(&out, dir.path())
}
