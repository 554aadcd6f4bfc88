//! How `stemma check` prints its findings: `human`, `brief`
//! (`path:line:col:kind:message`), `json` (schema `stemma.check/1`),
//! `jsonl` (one finding per line), `sarif` (SARIF 2.1.0) and `github`
//! (workflow commands, most severe first). Only new findings are printed;
//! stale baseline entries follow them.

use std::fmt::Write;

use serde::Serialize;

use super::baseline::Entry;
use super::{CHECK_SCHEMA, CheckFinding, Level};

/// Everything one check run found, for printing.
pub struct Outcome<'a> {
    /// All findings in scope; those with `baselined` are accepted.
    pub findings: &'a [CheckFinding],
    pub stale: &'a [Entry],
    pub fail_level: Level,
    /// The baseline file, as the user would name it.
    pub baseline: String,
}

impl Outcome<'_> {
    pub fn new_findings(&self) -> impl Iterator<Item = &CheckFinding> {
        self.findings.iter().filter(|f| !f.baselined)
    }

    /// New findings at or above the fail level.
    pub fn failing(&self) -> usize {
        self.new_findings()
            .filter(|f| f.level >= self.fail_level)
            .count()
    }

    pub fn summary(&self) -> Summary {
        let count = |l: Level| self.new_findings().filter(|f| f.level == l).count();
        Summary {
            new: self.new_findings().count(),
            failing: self.failing(),
            errors: count(Level::Error),
            warnings: count(Level::Warning),
            notes: count(Level::Note),
            baselined: self.findings.len() - self.new_findings().count(),
            stale: self.stale.len(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub new: usize,
    /// New findings at or above the fail level.
    pub failing: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub baselined: usize,
    pub stale: usize,
}

impl Summary {
    pub fn line(&self, fail_level: Level, baseline: &str) -> String {
        format!(
            "{} new finding{} ({} error{}, {} warning{}, {} note{}; {} at or above {}), {} accepted in {baseline}, {} stale baseline entr{}",
            self.new,
            plural(self.new),
            self.errors,
            plural(self.errors),
            self.warnings,
            plural(self.warnings),
            self.notes,
            plural(self.notes),
            self.failing,
            fail_level.name(),
            self.baselined,
            self.stale,
            if self.stale == 1 { "y" } else { "ies" }
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn stale_message(e: &Entry) -> String {
    format!(
        "stale baseline entry {} ({} in {}: {:?}) matches no finding; remove it with --prune-baseline",
        e.id, e.kind, e.path, e.text
    )
}

pub fn human(o: &Outcome) -> String {
    let mut out = String::new();
    for f in o.new_findings() {
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {}: {}",
            f.display_path,
            f.line,
            f.col,
            f.level.name(),
            f.kind,
            f.message
        );
        if !f.text.is_empty() {
            let _ = writeln!(out, "    | {}", f.text.replace('\n', " "));
        }
        if let Some(s) = &f.source {
            let _ = writeln!(out, "    source {}:{}:{}", s.display_path, s.line, s.col);
        }
        let _ = writeln!(out, "    id {}", f.id);
    }
    for e in o.stale {
        let _ = writeln!(out, "{}", stale_message(e));
    }
    let _ = writeln!(out, "{}", o.summary().line(o.fail_level, &o.baseline));
    out
}

pub fn brief(o: &Outcome) -> String {
    let mut out = String::new();
    for f in o.new_findings() {
        let _ = writeln!(
            out,
            "{}:{}:{}:{}:{}",
            f.display_path, f.line, f.col, f.kind, f.message
        );
    }
    for e in o.stale {
        let _ = writeln!(
            out,
            "{}:0:0:stale_baseline_entry:{}",
            e.path,
            stale_message(e)
        );
    }
    out
}

#[derive(Serialize)]
struct CheckReport<'a> {
    schema: &'static str,
    fail_level: Level,
    summary: Summary,
    findings: Vec<&'a CheckFinding>,
    stale: &'a [Entry],
}

/// The `json` format, streamed to `w` (a corpus checked without a
/// baseline can have many thousands of new findings).
pub fn write_json(o: &Outcome, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let report = CheckReport {
        schema: CHECK_SCHEMA,
        fail_level: o.fail_level,
        summary: o.summary(),
        findings: o.new_findings().collect(),
        stale: o.stale,
    };
    crate::report::json::write(&report, w)
}

/// One JSON object per line: new findings, then stale entries (with
/// `"stale": true`).
pub fn jsonl(o: &Outcome) -> String {
    #[derive(Serialize)]
    struct Stale<'a> {
        stale: bool,
        #[serde(flatten)]
        entry: &'a Entry,
    }
    let mut out = String::new();
    for f in o.new_findings() {
        out.push_str(&serde_json::to_string(f).expect("serializes"));
        out.push('\n');
    }
    for e in o.stale {
        let line = Stale {
            stale: true,
            entry: e,
        };
        out.push_str(&serde_json::to_string(&line).expect("serializes"));
        out.push('\n');
    }
    out
}

/// GitHub workflow commands: data escapes `%`, CR and LF; property values
/// also `:` and `,`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions annotations, most severe first (only the first few of a
/// step are shown).
pub fn github(o: &Outcome) -> String {
    let mut findings: Vec<&CheckFinding> = o.new_findings().collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.level));
    let mut out = String::new();
    for e in o.stale {
        let _ = writeln!(
            out,
            "::error file={},title={}::{}",
            escape_property(&e.path),
            escape_property("stemma: stale baseline entry"),
            escape_data(&stale_message(e))
        );
    }
    for f in findings {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&f.display_path),
            f.line,
            f.col,
            f.end_line,
            f.end_col,
            escape_property(&format!("stemma {}", f.kind)),
            escape_data(&f.message)
        );
    }
    out
}

pub fn sarif(o: &Outcome) -> String {
    super::sarif::render(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
