//! The baseline: findings accepted by hand, committed next to the manifest
//! (`stemma-baseline.json`). Entries are sorted (path, kind, id) with
//! relative POSIX paths, so the file diffs well; an entry may carry a
//! `reason`. Entries that match nothing any more are stale and fail the
//! check until pruned, as ESLint does with unused suppressions.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CheckFinding;

pub const BASELINE_SCHEMA: &str = "stemma.baseline/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub findings: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub kind: String,
    pub path: String,
    /// The passage, for the reviewer (not used to match).
    pub text: String,
    /// Why the finding was accepted (kept when the baseline is rewritten).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Default for Baseline {
    fn default() -> Self {
        Baseline {
            schema: BASELINE_SCHEMA.to_string(),
            findings: Vec::new(),
        }
    }
}

/// What comparing the findings with the baseline gave.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Findings the baseline accepts.
    pub baselined: usize,
    /// Entries in scope that match no finding.
    pub stale: Vec<Entry>,
}

impl Baseline {
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if b.schema != BASELINE_SCHEMA {
            return Err(format!("schema {:?} is not {BASELINE_SCHEMA:?}", b.schema));
        }
        Ok(b)
    }

    /// Reads a baseline; a missing file is an empty baseline (`None`).
    pub fn load(path: &Path) -> Result<Option<Baseline>, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Baseline::parse(&text)
                .map(Some)
                .map_err(|e| format!("{}: malformed baseline: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: cannot read baseline: {e}", path.display())),
        }
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline serializes");
        s.push('\n');
        s
    }

    /// Marks the findings the baseline accepts and lists the entries in
    /// scope that match none.
    pub fn apply(
        &self,
        findings: &mut [CheckFinding],
        in_scope: &dyn Fn(&str) -> bool,
    ) -> Comparison {
        let ids: HashSet<&str> = self.findings.iter().map(|e| e.id.as_str()).collect();
        let mut baselined = 0;
        for f in findings.iter_mut() {
            f.baselined = ids.contains(f.id.as_str());
            baselined += usize::from(f.baselined);
        }
        let current: HashSet<&str> = findings.iter().map(|f| f.id.as_str()).collect();
        let stale = self
            .findings
            .iter()
            .filter(|e| in_scope(&e.path) && !current.contains(e.id.as_str()))
            .cloned()
            .collect();
        Comparison { baselined, stale }
    }

    /// The baseline accepting every current finding: entries out of scope
    /// are kept as they are, reasons are kept by id.
    pub fn regenerate(
        &self,
        findings: &[CheckFinding],
        in_scope: &dyn Fn(&str) -> bool,
    ) -> Baseline {
        let reasons: HashMap<&str, &String> = self
            .findings
            .iter()
            .filter_map(|e| e.reason.as_ref().map(|r| (e.id.as_str(), r)))
            .collect();
        let mut entries: Vec<Entry> = self
            .findings
            .iter()
            .filter(|e| !in_scope(&e.path))
            .cloned()
            .collect();
        entries.extend(findings.iter().map(|f| Entry {
            id: f.id.clone(),
            kind: f.kind.to_string(),
            path: f.path.to_string(),
            text: crate::report::human::excerpt(&f.text, 120),
            reason: reasons.get(f.id.as_str()).map(|r| (*r).clone()),
        }));
        Baseline::sorted(entries)
    }

    /// The baseline without the given (stale) entries.
    pub fn without(&self, stale: &[Entry]) -> Baseline {
        let gone: HashSet<&str> = stale.iter().map(|e| e.id.as_str()).collect();
        Baseline::sorted(
            self.findings
                .iter()
                .filter(|e| !gone.contains(e.id.as_str()))
                .cloned()
                .collect(),
        )
    }

    fn sorted(mut entries: Vec<Entry>) -> Baseline {
        entries.sort_by(|a, b| (&a.path, &a.kind, &a.id).cmp(&(&b.path, &b.kind, &b.id)));
        entries.dedup_by(|a, b| a.id == b.id && a.path == b.path);
        Baseline {
            schema: BASELINE_SCHEMA.to_string(),
            findings: entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_baselines_are_refused() {
        assert!(Baseline::parse("{").is_err());
        assert!(Baseline::parse(r#"{"schema":"other/1","findings":[]}"#).is_err());
        let extra = r#"{"schema":"stemma.baseline/1","findings":[{"id":"a","kind":"k","path":"p","text":"t","line":3}]}"#;
        assert!(Baseline::parse(extra).unwrap_err().contains("line"));
        let ok = r#"{"schema":"stemma.baseline/1","findings":[{"id":"a","kind":"k","path":"p","text":"t","reason":"fine"}]}"#;
        assert_eq!(
            Baseline::parse(ok).unwrap().findings[0].reason.as_deref(),
            Some("fine")
        );
    }
}
