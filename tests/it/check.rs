//! `stemma check`: the CI gate. Exit codes, the baseline (write, stale,
//! prune), `--since`, and every output format (SARIF validated against the
//! official schema).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::util::*;

const MAGAZINE: &str = "secondary/2024-10_mi5-threat-update-2024_magazine-article.txt";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A copy of the bundled corpus (with its committed baseline) in `dir/corpus`.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("corpus"), &dir.path().join("corpus"));
    dir
}

/// A reprint of the magazine article with one quotation altered: quotation
/// marks put around a sentence whose words were changed.
fn add_reprint(dir: &Path) {
    let text = std::fs::read_to_string(dir.join("corpus").join(MAGAZINE)).unwrap();
    let from = "He said: Today’s Islamic State is not the force";
    let i = text
        .find(from)
        .expect("the magazine article has this sentence");
    let j = text[i..].find("ago.").unwrap() + i + 4;
    let altered = format!(
        "{}He said: “Today’s Islamic State is now a greater force{}”{}",
        &text[..i],
        &text[i + from.len()..j],
        &text[j..]
    );
    std::fs::write(dir.join("corpus/secondary/reprint.txt"), altered).unwrap();
}

fn check(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check", "corpus"];
    all.extend_from_slice(args);
    stemma(&all, dir)
}

#[test]
fn bundled_corpus_passes_against_its_baseline() {
    let out = stemma(&["check", "corpus"], &root());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).starts_with("0 new findings"),
        "{}",
        stdout(&out)
    );
    // Without the baseline, the corpus's real errors fail the gate.
    let out = stemma(&["check", "corpus", "--baseline", "none.json"], &root());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(": warning truncation: drops"), "{text}");
    assert!(text.contains(": error unsupported: quotation"), "{text}");
}

#[test]
fn a_reprint_with_an_altered_quotation_fails_until_accepted() {
    let dir = corpus_copy();
    add_reprint(dir.path());
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["schema"], "stemma.check/1");
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["path"] == "secondary/reprint.txt")
    );
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    // Both findings named: the duplicate of the magazine, and the misquote.
    let duplicate = findings
        .iter()
        .find(|f| f["kind"] == "duplicate" && f["source"]["doc"] == MAGAZINE)
        .unwrap_or_else(|| panic!("{kinds:?}"));
    assert_eq!(duplicate["level"], "error");
    let misquote = findings
        .iter()
        .find(|f| f["kind"] == "misquote")
        .unwrap_or_else(|| panic!("{kinds:?}"));
    assert!(
        misquote["message"]
            .as_str()
            .unwrap()
            .contains("now a greater"),
        "{misquote:#}"
    );
    assert!(kinds.contains(&"unlisted"), "{kinds:?}");
    // Every entry of the bundled corpus's baseline still matches.
    let accepted = committed_baseline_len();
    assert_eq!(v["summary"]["baselined"], accepted);
    // Accept them: the baseline is rewritten and the check passes.
    let out = check(dir.path(), &["--write-baseline"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("corpus/stemma-baseline.json")).unwrap(),
    )
    .unwrap();
    let entries = baseline["findings"].as_array().unwrap();
    assert_eq!(entries.len(), accepted + findings.len());
    let keys: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap();
            (s("path"), s("kind"), s("id"))
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
}

#[test]
fn edits_elsewhere_do_not_churn_ids() {
    // Lines added above every finding move them, but their ids stay.
    let dir = corpus_copy();
    let path = dir.path().join("corpus").join(MAGAZINE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("Updated.\n\nAn editor's note.\n\n{text}")).unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn stale_entries_fail_until_pruned() {
    let dir = corpus_copy();
    let path = dir.path().join("corpus/stemma-baseline.json");
    let mut baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    baseline["findings"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "0123456789abcdef", "kind": "misquote", "path": MAGAZINE,
            "text": "a finding fixed since", "reason": "accepted in review"
        }));
    std::fs::write(&path, serde_json::to_string_pretty(&baseline).unwrap()).unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("stale baseline entry 0123456789abcdef"),
        "{}",
        stdout(&out)
    );
    // --exit-zero reports without failing.
    assert_eq!(check(dir.path(), &["--exit-zero"]).status.code(), Some(0));
    let out = check(dir.path(), &["--prune-baseline"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let pruned = std::fs::read_to_string(&path).unwrap();
    assert!(!pruned.contains("0123456789abcdef"));
    assert_eq!(
        pruned,
        std::fs::read_to_string(root().join("corpus/stemma-baseline.json")).unwrap()
    );
    assert_eq!(check(dir.path(), &[]).status.code(), Some(0));
}

#[test]
fn reasons_survive_a_rewrite() {
    let dir = corpus_copy();
    let path = dir.path().join("corpus/stemma-baseline.json");
    let mut baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    baseline["findings"][0]["reason"] = "the magazine's house style".into();
    let id = baseline["findings"][0]["id"].clone();
    std::fs::write(&path, serde_json::to_string_pretty(&baseline).unwrap()).unwrap();
    assert_eq!(
        check(dir.path(), &["--write-baseline"]).status.code(),
        Some(0)
    );
    let rewritten: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let entry = rewritten["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap();
    assert_eq!(entry["reason"], "the magazine's house style");
}

#[test]
fn fail_level_and_bad_baselines() {
    let dir = corpus_copy();
    std::fs::write(dir.path().join("b.json"), "{\"schema\": 1").unwrap();
    let out = check(dir.path(), &["--baseline", "b.json"]);
    assert_refused(&out, "b.json: malformed baseline");
    // Without a baseline the corpus has errors, so --fail-level error fails;
    // with a baseline holding just the errors it passes, but the warnings
    // left still fail at the default level.
    let out = check(
        dir.path(),
        &["--baseline", "none.json", "--fail-level", "error"],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&check(
        dir.path(),
        &["--baseline", "none.json", "--format", "json"],
    ));
    let errors: Vec<Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["level"] == "error")
        .map(|f| {
            serde_json::json!({"id": f["id"], "kind": f["kind"], "path": f["path"], "text": ""})
        })
        .collect();
    let only_errors = serde_json::json!({"schema": "stemma.baseline/1", "findings": errors});
    std::fs::write(dir.path().join("e.json"), only_errors.to_string()).unwrap();
    let out = check(
        dir.path(),
        &["--baseline", "e.json", "--fail-level", "error"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = check(dir.path(), &["--baseline", "e.json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "warnings fail at the default level"
    );
}

#[test]
fn since_checks_only_what_changed() {
    let dir = corpus_copy();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.email=t@example.org", "-c", "user.name=t"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    };
    git(&["init", "-q"]);
    // An empty baseline: the corpus's own findings are not new since HEAD.
    std::fs::remove_file(dir.path().join("corpus/stemma-baseline.json")).unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "corpus"]);
    assert_eq!(
        check(dir.path(), &["--since", "HEAD"]).status.code(),
        Some(0)
    );
    add_reprint(dir.path());
    let out = check(dir.path(), &["--since", "HEAD", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["kind"] == "misquote"));
    assert!(
        findings
            .iter()
            .all(|f| f["path"] == "secondary/reprint.txt")
    );
    // The reprint's findings accepted, then indexed: a check since the
    // revision re-reads it (it changed since), so its entries are not stale.
    let out = check(dir.path(), &["--since", "HEAD", "--write-baseline"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = stemma(&["index", "build", "corpus"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = check(
        dir.path(),
        &["--since", "HEAD", "--index", "corpus/.stemma-index"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(" 0 stale"), "{}", stdout(&out));
    assert!(accepted(&out) > 0, "{}", stdout(&out));
    assert_refused(
        &check(dir.path(), &["--since", "no-such-rev"]),
        "no-such-rev",
    );
    // A primary changed since the revision: everything is checked, also
    // with an index built after the change.
    let speech = dir
        .path()
        .join("corpus/primary/2021-07-14_mi5-director-general-annual-threat-update_speech.txt");
    let text = std::fs::read_to_string(&speech).unwrap();
    std::fs::write(&speech, format!("{text}\nA closing line.\n")).unwrap();
    let out = stemma(&["index", "build", "corpus"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = check(
        dir.path(),
        &[
            "--since",
            "HEAD",
            "--index",
            "corpus/.stemma-index",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    let paths: std::collections::BTreeSet<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.len() >= 3, "{paths:?}");
}

#[test]
fn brief_jsonl_and_github_formats() {
    let dir = corpus_copy();
    add_reprint(dir.path());
    let run = |format: &str| {
        let out = check(dir.path(), &["--format", format]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        stdout(&out)
    };
    let brief = run("brief");
    for line in brief.lines() {
        let parts: Vec<&str> = line.splitn(5, ':').collect();
        assert_eq!(parts[0], "corpus/secondary/reprint.txt", "{line}");
        assert!(
            parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok(),
            "{line}"
        );
        assert!(!parts[4].is_empty());
    }
    assert!(brief.lines().any(|l| l.contains(":misquote:")), "{brief}");
    let jsonl = run("jsonl");
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), brief.lines().count());
    assert!(lines.iter().all(|f| f["id"].as_str().unwrap().len() >= 16));
    let github = run("github");
    let first = github.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=corpus/secondary/reprint.txt,line="),
        "{first}"
    );
    assert!(
        first.contains(",endLine=") && first.contains(",title=stemma "),
        "{first}"
    );
    // Most severe first, and no raw newline or comma inside a property.
    let levels: Vec<u8> = github
        .lines()
        .map(|l| match l.split(' ').next().unwrap() {
            "::error" => 2,
            "::warning" => 1,
            _ => 0,
        })
        .collect();
    assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{github}");
    assert!(github.contains("title=stemma duplicate::near duplicate of a passage of"));
}

#[test]
fn sarif_validates_against_the_schema() {
    let dir = corpus_copy();
    add_reprint(dir.path());
    let out = check(dir.path(), &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let log = json(&out);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("file:///sarif-schema-2.1.0.json", schema)
        .unwrap();
    let idx = compiler
        .compile("file:///sarif-schema-2.1.0.json", &mut schemas)
        .unwrap();
    if let Err(e) = schemas.validate(&log, idx) {
        panic!("SARIF output is invalid: {e:#}");
    }
    // A broken log is refused: the validation can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(schemas.validate(&broken, idx).is_err());
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(r["partialFingerprints"]["stemmaFindingId/v1"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            loc["artifactLocation"]["uri"],
            "corpus/secondary/reprint.txt"
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn an_index_spares_rereading_and_finds_the_same() {
    let dir = corpus_copy();
    let out = stemma(&["index", "build", "corpus"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let index = dir.path().join("corpus/.stemma-index");
    assert!(index.is_file());
    assert!(!dir.path().join("corpus").read_dir().unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains("stemma-tmp")
    }));
    // Nothing changed: nothing to check.
    let out = check(dir.path(), &["--index", "corpus/.stemma-index"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("0 new findings"),
        "{}",
        stdout(&out)
    );
    add_reprint(dir.path());
    let ids = |args: &[&str]| {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let out = check(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let mut ids: Vec<String> = json(&out)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {} {}", f["path"], f["kind"], f["id"]))
            .collect();
        ids.sort();
        ids
    };
    let with_index = ids(&["--index", "corpus/.stemma-index"]);
    assert!(
        with_index.iter().any(|f| f.contains("misquote")),
        "{with_index:#?}"
    );
    assert!(
        with_index.iter().any(|f| f.contains("duplicate")),
        "{with_index:#?}"
    );
    assert_eq!(with_index, ids(&[]), "the index changes nothing but speed");
    // A changed primary makes the index unusable for it: everything is checked.
    let speech = dir
        .path()
        .join("corpus/primary/2021-07-14_mi5-director-general-annual-threat-update_speech.txt");
    let text = std::fs::read_to_string(&speech).unwrap();
    std::fs::write(&speech, format!("{text}\nA closing line.\n")).unwrap();
    let out = check(dir.path(), &["--index", "corpus/.stemma-index"]);
    assert!(
        stderr(&out).contains("changed since the index was built"),
        "{}",
        stderr(&out)
    );
}

/// The count in the summary line's "N accepted".
fn accepted(out: &Output) -> usize {
    let text = stdout(out);
    let before = text.split(" accepted").next().unwrap();
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn a_file_listed_differently_is_rechecked_with_the_same_ids() {
    let dir = corpus_copy();
    let out = stemma(&["index", "build", "corpus"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = check(dir.path(), &["--index", "corpus/.stemma-index"]);
    assert_eq!(accepted(&out), 0, "{}", stdout(&out));
    // A new title in the manifest, the file itself untouched: the index no
    // longer describes the document, which is checked again. Its accepted
    // findings, the duplicates of another document's passages included,
    // keep their ids in a check of that file alone.
    let manifest = dir.path().join("corpus/stemma.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let renamed = text.replace(
        "title = \"Counter Terror Business - Threat Landscape (RSS feed, flattened)\"",
        "title = \"Threat Landscape feed\"",
    );
    assert_ne!(text, renamed);
    std::fs::write(&manifest, renamed).unwrap();
    let out = check(dir.path(), &["--index", "corpus/.stemma-index"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(accepted(&out) > 0, "{}", stdout(&out));
    assert!(stdout(&out).contains(" 0 stale"), "{}", stdout(&out));
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("corpus/stemma-baseline.json")).unwrap(),
    )
    .unwrap();
    let dups = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "duplicate" && f["path"].as_str().unwrap().contains("feed"))
        .count();
    assert!(
        dups > 0,
        "the feed shares passages with the magazine article"
    );
}

#[test]
fn a_file_gone_since_the_index_leaves_its_entries_stale() {
    let dir = corpus_copy();
    add_reprint(dir.path());
    let out = check(dir.path(), &["--write-baseline"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = stemma(&["index", "build", "corpus"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_file(dir.path().join("corpus/secondary/reprint.txt")).unwrap();
    // As without the index: the reprint's accepted findings match nothing.
    for args in [&["--index", "corpus/.stemma-index"][..], &[]] {
        let out = check(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("stale baseline entry") && stdout(&out).contains("reprint.txt"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}

/// The run was refused (exit 2) with `message` on stderr.
fn assert_refused(out: &Output, message: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    assert!(stderr(out).contains(message), "{}", stderr(out));
}

#[test]
fn bad_indexes_are_refused() {
    let dir = corpus_copy();
    let index = |name: &str| check(dir.path(), &["--index", name]);
    std::fs::write(dir.path().join("junk"), "not an index").unwrap();
    assert_refused(&index("junk"), "junk: not a stemma index");
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    assert_refused(&index("folder"), "folder: not a file");
    assert_refused(&index("missing"), "missing: cannot read index");
    let out = stemma(&["index", "build", "corpus", "-o", "ix"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("ix")).unwrap();
    std::fs::write(dir.path().join("ix"), &bytes[..bytes.len() / 2]).unwrap();
    assert_refused(&index("ix"), "ix: corrupt index");
    let mut future = bytes.clone();
    future[8] = 99;
    std::fs::write(dir.path().join("ix"), &future).unwrap();
    assert_refused(&index("ix"), "index format 99");
}

/// How many findings the bundled corpus's committed baseline accepts.
fn committed_baseline_len() -> usize {
    let text = std::fs::read_to_string(root().join("corpus/stemma-baseline.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["findings"].as_array().unwrap().len()
}

#[test]
fn a_file_the_manifest_does_not_list_is_read_with_a_warning() {
    let dir = corpus_copy();
    std::fs::write(
        dir.path().join("corpus/notes.txt"),
        "Notes to self: check the 2021 figures.\n",
    )
    .unwrap();
    let out = stemma(&["audit", "corpus", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("notes.txt: not listed in the manifest"),
        "{}",
        stderr(&out)
    );
    let v = json(&out);
    let notes = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "notes.txt")
        .expect("read, not skipped");
    assert_eq!(notes["unlisted"], true);
    assert!(
        v["warnings"].to_string().contains("not listed"),
        "{}",
        v["warnings"]
    );
}

#[test]
fn a_manifest_path_written_with_dot_slash_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The council approved the budget for the new leisure centre on Monday evening.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("stemma.toml"),
        "[[document]]\npath = \"./a.txt\"\nrole = \"primary\"\n",
    )
    .unwrap();
    let out = stemma(&["audit", ".", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("not listed"), "{}", stderr(&out));
    let v = json(&out);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1, "{docs:#?}");
    assert_eq!(docs[0]["path"], "a.txt");
}
