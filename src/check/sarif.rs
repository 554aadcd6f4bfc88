//! SARIF 2.1.0 output (GitHub code scanning and other viewers): one rule
//! per finding kind, one result per new finding, with the finding id in
//! `partialFingerprints` so that viewers track a finding across commits.

use serde_json::{Value, json};

use super::format::Outcome;
use super::{CheckFinding, Level, Location, RULES};

pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A path as a URI reference: `/`-separated, with anything but unreserved
/// characters percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn level(l: Level) -> &'static str {
    l.name()
}

fn location(display_path: &str, region: Value) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(display_path) },
            "region": region,
        }
    })
}

fn result(f: &CheckFinding) -> Value {
    let rule = RULES.iter().position(|r| r.0 == f.kind).unwrap_or(0);
    let mut region = json!({
        "startLine": f.line,
        "startColumn": f.col,
        "endLine": f.end_line,
        "endColumn": f.end_col,
    });
    if !f.text.is_empty() {
        region["snippet"] = json!({ "text": f.text });
    }
    let mut r = json!({
        "ruleId": f.kind,
        "ruleIndex": rule,
        "level": level(f.level),
        "message": { "text": f.message },
        "locations": [location(&f.display_path, region)],
        "partialFingerprints": { "stemmaFindingId/v1": f.id },
    });
    if let Some(Location {
        display_path,
        line,
        col,
        text,
        ..
    }) = &f.source
    {
        let mut related = location(
            display_path,
            json!({ "startLine": line, "startColumn": col, "snippet": { "text": text } }),
        );
        related["id"] = json!(1);
        related["message"] = json!({ "text": "source" });
        r["relatedLocations"] = json!([related]);
    }
    r
}

pub fn render(o: &Outcome) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|(id, l, text)| {
            json!({
                "id": id,
                "name": id,
                "shortDescription": { "text": text },
                "defaultConfiguration": { "level": level(*l) },
            })
        })
        .collect();
    let results: Vec<Value> = o.new_findings().map(result).collect();
    let log = json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "stemma",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).expect("serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_encoded() {
        assert_eq!(super::uri("./corpus/a b/ü.txt"), "corpus/a%20b/%C3%BC.txt");
    }
}
