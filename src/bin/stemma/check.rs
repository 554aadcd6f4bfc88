//! `stemma check`: the audit, reduced to the gate's findings, compared
//! with the baseline; the exit code says whether anything new is wrong.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use stemma::check::baseline::{Baseline, Entry};
use stemma::check::format::{self, Outcome};
use stemma::check::{self, Level};
use stemma::corpus::{self, BASELINE_NAME, InputFile, Inputs, Role};
use stemma::pipeline;
use stemma::store::{Index, Shape, Stamp};

use crate::cli::{CheckArgs, CheckFormat, Cli, FailLevel};
use crate::commands::{Prior, RunOptions, run_audit};
use crate::exit;
use crate::output::{refuse_input_as_output, write_file_atomically, write_output};

fn default_baseline(paths: &[PathBuf]) -> PathBuf {
    match paths.first() {
        Some(p) if p.is_dir() => p.join(BASELINE_NAME),
        _ => PathBuf::from(BASELINE_NAME),
    }
}

/// Which relative paths are checked: all (`None`), or those changed since
/// the revision (deleted ones included, so their baseline entries can go
/// stale). A changed primary changes every finding: all are checked.
fn scope(args: &CheckArgs, inputs: &Inputs) -> Result<Option<HashSet<String>>, String> {
    let Some(rev) = &args.since else {
        return Ok(None);
    };
    let changed = check::git::changed_since(rev, &args.corpus.paths)?;
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let is_changed = |f: &InputFile| changed.contains(&canonical(&f.path));
    if inputs
        .files
        .iter()
        .any(|f| f.role == Role::Primary && is_changed(f))
    {
        return Ok(None);
    }
    let mut rels: HashSet<String> = inputs
        .files
        .iter()
        .filter(|f| is_changed(f))
        .map(|f| f.rel.clone())
        .collect();
    if let Some(root) = args.corpus.paths.first().filter(|p| p.is_dir()) {
        let root = canonical(root);
        for p in &changed {
            if let Ok(rel) = p.strip_prefix(&root) {
                rels.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(Some(rels))
}

/// What an index spares: the fingerprints of the files it holds unchanged
/// (primaries excepted: the audit reads them), and which files changed.
struct Indexed {
    prior: Prior,
    changed: HashSet<String>,
}

/// Whether the manifest lists a file as it did when it was indexed (a
/// changed role, format, title or date changes its fingerprints or report).
fn listed_alike(a: &InputFile, b: &InputFile) -> bool {
    (a.role, a.format, &a.date, &a.title, &a.origin)
        == (b.role, b.format, &b.date, &b.title, &b.origin)
}

/// By indexed file: whether the index holds it as it is now (in the corpus,
/// listed alike, same stamp, and not to be re-read anyway).
fn fresh(
    index: &Index,
    now: &FxHashMap<&str, &InputFile>,
    reread: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<bool> {
    index
        .files()
        .par_iter()
        .zip(index.stamps())
        .map(|(f, stamp)| {
            now.get(f.input.rel.as_str()).is_some_and(|cur| {
                stamp.is_some()
                    && !reread(&cur.rel)
                    && listed_alike(cur, &f.input)
                    && Stamp::of(&cur.path) == *stamp
            })
        })
        .collect()
}

/// Opens the index and splits the corpus into files it holds unchanged and
/// the rest (and those `reread` names: changed since the revision of
/// `--since`); `inputs` keeps the files to read. `None` when a primary
/// changed since the index was built (everything must then be re-read).
fn use_index(
    path: &Path,
    inputs: &mut Inputs,
    reread: &(dyn Fn(&str) -> bool + Sync),
    quiet: bool,
) -> Result<Option<Indexed>, String> {
    let index = Index::open(path, &Shape::of(&pipeline::Config::default()))?;
    let now: FxHashMap<&str, &InputFile> =
        inputs.files.iter().map(|f| (f.rel.as_str(), f)).collect();
    let fresh = fresh(&index, &now, reread);
    let fresh_rels: FxHashSet<&str> = index
        .files()
        .iter()
        .zip(&fresh)
        .filter(|(_, ok)| **ok)
        .map(|(f, _)| f.input.rel.as_str())
        .collect();
    if let Some(p) = inputs
        .files
        .iter()
        .find(|f| f.role == Role::Primary && !fresh_rels.contains(f.rel.as_str()))
    {
        if !quiet {
            eprintln!(
                "stemma: warning: primary {} changed since the index was built: checking everything (rebuild the index with `stemma index build`)",
                p.rel
            );
        }
        return Ok(None);
    }
    let current = index
        .files()
        .iter()
        .zip(&fresh)
        .map(|(f, &ok)| {
            // A fresh file is in the corpus now.
            let now = now.get(f.input.rel.as_str()).filter(|_| ok)?;
            (now.role != Role::Primary).then(|| (*now).clone())
        })
        .collect();
    // Changed: files not indexed as they are, and indexed files gone from
    // the corpus (their baseline entries must be checked, and go stale).
    let changed: HashSet<String> = inputs
        .files
        .iter()
        .filter(|f| !fresh_rels.contains(f.rel.as_str()))
        .map(|f| f.rel.clone())
        .chain(
            index
                .files()
                .iter()
                .filter(|f| !now.contains_key(f.input.rel.as_str()))
                .map(|f| f.input.rel.clone()),
        )
        .collect();
    inputs
        .files
        .retain(|f| f.role == Role::Primary || changed.contains(&f.rel));
    Ok(Some(Indexed {
        prior: Prior { index, current },
        changed,
    }))
}

/// Runs `stemma check`: audits what is in scope, compares the findings with
/// the baseline, reports them and returns the exit code.
pub fn run(cli: &Cli, args: &CheckArgs) -> Result<u8, String> {
    let mut inputs =
        corpus::resolve(&args.corpus.paths, &args.corpus.primary).map_err(|e| e.to_string())?;
    let out = args.output.output.as_deref();
    refuse_input_as_output(out, &inputs)?;
    let baseline_path = args
        .baseline
        .clone()
        .unwrap_or_else(|| default_baseline(&args.corpus.paths));
    let baseline = Baseline::load(&baseline_path)?;
    let scope = scope(args, &inputs)?;
    let (scope, prior) = indexed_scope(cli, args, &mut inputs, scope)?;
    let in_scope = |rel: &str| scope.as_ref().is_none_or(|s| s.contains(rel));
    let audited = |f: &InputFile| in_scope(&f.rel);
    let scoped_file = |f: &pipeline::FileMeta| in_scope(&f.input.rel);
    let mut run = run_audit(
        cli,
        inputs,
        args.corpus.max_file_size,
        &args.options,
        RunOptions {
            audited: Some(&audited),
            prior,
            clusters_with: Some(&scoped_file),
            no_provenance: true,
            ..RunOptions::default()
        },
    )?;
    let mut findings = check::collect(&mut run.report, &in_scope);
    let baseline = baseline.unwrap_or_default();
    let shown = baseline_path.display().to_string();
    if args.write_baseline {
        let fresh = baseline.regenerate(&findings, &in_scope);
        write_baseline(&fresh, &baseline_path, &shown)?;
        return run.finish(cli);
    }
    let mut comparison = baseline.apply(&mut findings, &in_scope);
    if args.prune_baseline && !comparison.stale.is_empty() {
        prune_baseline(&baseline, &comparison.stale, &baseline_path, &shown)?;
        comparison.stale.clear();
    }
    let outcome = Outcome {
        findings: &findings,
        stale: &comparison.stale,
        fail_level: level(args.fail_level),
        baseline: shown.clone(),
    };
    report(cli, args, out, &outcome, &shown)?;
    let failed = outcome.failing() > 0 || !comparison.stale.is_empty();
    let code = run.finish(cli)?;
    Ok(exit_code(code, failed && !args.exit_zero))
}

/// The gate's level for `--fail-level`.
fn level(fail_level: FailLevel) -> Level {
    match fail_level {
        FailLevel::Note => Level::Note,
        FailLevel::Warning => Level::Warning,
        FailLevel::Error => Level::Error,
    }
}

/// The exit code: the run's own when it failed, else whether findings fail
/// the check.
fn exit_code(code: u8, failed: bool) -> u8 {
    if code != exit::OK {
        code
    } else if failed {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Narrows the scope (`None`: everything) to what changed since the index
/// of `--index`, and gives what the index spares; `inputs` keeps the files
/// to read.
fn indexed_scope(
    cli: &Cli,
    args: &CheckArgs,
    inputs: &mut Inputs,
    mut scope: Option<HashSet<String>>,
) -> Result<(Option<HashSet<String>>, Option<Prior>), String> {
    let t_index = std::time::Instant::now();
    let indexed = match &args.index {
        // A primary changed since REV: every finding may have changed, and
        // the index holds no findings, only fingerprints.
        Some(_) if args.since.is_some() && scope.is_none() => {
            if !cli.quiet {
                eprintln!(
                    "stemma: note: a primary changed since the revision: checking everything without the index"
                );
            }
            None
        }
        Some(path) => {
            let since = scope.as_ref();
            let reread = |rel: &str| since.is_some_and(|s| s.contains(rel));
            use_index(path, inputs, &reread, cli.quiet)?
        }
        None => None,
    };
    if cli.stats && args.index.is_some() {
        eprintln!(
            "  index load            {:.3} s",
            t_index.elapsed().as_secs_f64()
        );
    }
    let mut prior = None;
    if let Some(ix) = indexed {
        // Checked: what changed since the index (and since REV, if given;
        // those files were re-read).
        scope = Some(
            scope
                .unwrap_or_default()
                .into_iter()
                .chain(ix.changed)
                .collect(),
        );
        prior = Some(ix.prior);
    }
    Ok((scope, prior))
}

/// Writes the regenerated baseline, and says so.
fn write_baseline(fresh: &Baseline, path: &Path, shown: &str) -> Result<(), String> {
    write_file_atomically(path, |w| w.write_all(fresh.to_json().as_bytes()))?;
    eprintln!(
        "stemma: wrote {} accepted finding(s) to {shown}",
        fresh.findings.len()
    );
    Ok(())
}

/// Rewrites the baseline without its `stale` entries, and says so.
fn prune_baseline(
    baseline: &Baseline,
    stale: &[Entry],
    path: &Path,
    shown: &str,
) -> Result<(), String> {
    let baseline = baseline.without(stale);
    write_file_atomically(path, |w| w.write_all(baseline.to_json().as_bytes()))?;
    eprintln!(
        "stemma: removed {} stale entr{} from {shown}",
        stale.len(),
        if stale.len() == 1 { "y" } else { "ies" }
    );
    Ok(())
}

/// Writes the outcome in the chosen format (to `out`, or stdout), with a
/// summary line on stderr for the formats that lack one.
fn report(
    cli: &Cli,
    args: &CheckArgs,
    out: Option<&Path>,
    outcome: &Outcome,
    shown: &str,
) -> Result<(), String> {
    write_output(out, |w| {
        let text = match args.format {
            CheckFormat::Json => return format::write_json(outcome, w),
            CheckFormat::Human => format::human(outcome),
            CheckFormat::Brief => format::brief(outcome),
            CheckFormat::Jsonl => format::jsonl(outcome),
            CheckFormat::Sarif => format::sarif(outcome),
            CheckFormat::Github => format::github(outcome),
        };
        w.write_all(text.as_bytes())
    })?;
    if !matches!(args.format, CheckFormat::Human) && !cli.quiet {
        eprintln!(
            "stemma: {}",
            outcome.summary().line(outcome.fail_level, shown)
        );
    }
    Ok(())
}
