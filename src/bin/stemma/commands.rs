//! The report commands: dedup, audit, compare, provenance.

use std::time::Instant;

use stemma::report::audit::AuditReport;
use stemma::{corpus, dedup, pipeline, report, stats};

use crate::cli::{
    AuditArgs, AuditOptions, Cli, CompareArgs, DedupArgs, GraphFormat, OutputFormat, ProvenanceArgs,
};
use crate::exit;
use crate::output::{color, print_notes, progress, refuse_input_as_output, write_output};

pub fn dedup(cli: &Cli, args: &DedupArgs) -> Result<u8, String> {
    let t0 = Instant::now();
    let cfg = args.config(progress(cli))?;
    let inputs =
        corpus::resolve(&args.corpus.paths, &args.corpus.primary).map_err(|e| e.to_string())?;
    refuse_input_as_output(args.output.as_deref(), &inputs)?;
    let mut fp = pipeline::fingerprint_corpus(inputs, &cfg);
    let (clusters, counts) = dedup::find(&fp, &cfg);
    fp.stats.stage("index", counts.index_time);
    fp.stats.stage("cluster", counts.cluster_time);
    let t_report = Instant::now();
    let rep = report::dedup_report(&fp, &clusters, &cfg);
    write_output(args.output.as_deref(), |w| match args.format {
        OutputFormat::Human => w.write_all(report::human::dedup(&rep).as_bytes()),
        OutputFormat::Json => report::json::write(&rep, w),
    })?;
    fp.stats.stage("report", t_report.elapsed());
    print_notes(cli, &rep.warnings, &rep.skipped);
    if cli.stats {
        eprint!(
            "{}",
            stats::render(
                &fp.stats,
                fp.files.len(),
                fp.docs.len(),
                counts.compared,
                t0.elapsed()
            )
        );
        eprintln!(
            "  candidates: {} exact groups, {} simhash pairs, {} minhash pairs",
            counts.exact_groups, counts.simhash_pairs, counts.minhash_pairs
        );
    }
    if fp.files.is_empty() && rep.skipped.is_empty() {
        return Err("no input files".into());
    }
    Ok(skipped_code(rep.skipped.len()))
}

/// Exit 2 when some input could not be used (after the report is written).
fn skipped_code(skipped: usize) -> u8 {
    if skipped == 0 {
        return exit::OK;
    }
    eprintln!("stemma: {skipped} input(s) could not be used (listed above)");
    exit::INPUT
}

/// An audit run: the report, and what `--stats` prints.
pub struct Audited {
    pub report: AuditReport,
    stats: stemma::pipeline::Stats,
    files: usize,
    t0: Instant,
    /// Duplicates and provenance were computed while the report was written.
    overlapped: bool,
}

impl Audited {
    /// Prints notes and statistics; the exit code for skipped inputs.
    pub fn finish(mut self, cli: &Cli) -> Result<u8, String> {
        print_notes(cli, &self.report.warnings, &self.report.skipped);
        if cli.stats {
            if !self.overlapped {
                let rest = self.stats.total();
                self.stats.stage("report", self.t0.elapsed() - rest);
            }
            eprint!(
                "{}",
                stats::render(
                    &self.stats,
                    self.files,
                    self.report.documents.len(),
                    self.report.findings.len(),
                    self.t0.elapsed()
                )
            );
            if self.overlapped {
                eprintln!(
                    "  (dedup index, duplicates and provenance ran while the report was written, duplicates and provenance side by side)"
                );
            }
        }
        if self.report.documents.is_empty() && self.report.skipped.is_empty() {
            return Err("no input files".into());
        }
        let code = skipped_code(self.report.skipped.len());
        // The process ends with this report: freeing its millions of small
        // allocations one by one would only delay the exit (0.2 s at 100 MB).
        std::mem::forget(self.report);
        Ok(code)
    }
}

/// How one audit run goes beyond the defaults.
#[derive(Default)]
pub struct RunOptions<'a> {
    /// The user named the source of the secondary (`compare`), so the
    /// secondary is taken as coverage of it, whatever its title.
    pub pair: bool,
    /// Render inline word diffs (the terminal view).
    pub diffs: bool,
    /// Which secondary files to audit (default: all); the others are only
    /// fingerprinted, for duplicates.
    pub audited: Option<&'a (dyn Fn(&corpus::InputFile) -> bool + Sync)>,
    /// Fingerprints of files this run does not read (from an index).
    pub prior: Option<Prior>,
    /// Keep only duplicate clusters with a member in a file this accepts.
    pub clusters_with: Option<&'a (dyn Fn(&pipeline::FileMeta) -> bool + Sync)>,
    /// Leave the provenance graph out (`check` does not report it).
    pub no_provenance: bool,
}

/// Files known from an index: the index, and by indexed file the file as
/// listed now, or `None` to leave it out.
pub struct Prior {
    pub index: stemma::store::Index,
    pub current: Vec<Option<corpus::InputFile>>,
}

/// The audit's first part: its records, and the fingerprints the rest
/// (duplicates, provenance) is computed from.
struct Audit {
    documents: Vec<report::DocumentRecord>,
    findings: Vec<report::audit::FindingRecord>,
    coverage: Vec<report::audit::CoverageRecord>,
    fp: pipeline::Fingerprinted,
    cfg: pipeline::Config,
    files: usize,
    t0: Instant,
}

/// Reads and audits `inputs` (findings with their final ids).
fn audit_part(
    cli: &Cli,
    inputs: corpus::Inputs,
    max_file_bytes: u64,
    opts: &AuditOptions,
    run: &mut RunOptions,
) -> Result<Audit, String> {
    let t0 = Instant::now();
    let mut acfg = opts.config()?;
    if run.pair {
        acfg.judge_documents = false;
    }
    let cfg = pipeline::Config {
        max_file_bytes,
        progress: progress(cli),
        ..pipeline::Config::default()
    };
    let mut files = inputs.files.len();
    let all = |_: &corpus::InputFile| true;
    let audited = run.audited.unwrap_or(&all);
    let mut out = pipeline::audit_corpus(inputs, &cfg, &acfg, run.diffs, audited);
    let mut fp = out.fingerprinted;
    if let Some(prior) = run.prior.take() {
        // Only indexed passages that can pair with the checked documents'.
        let probe = run.clusters_with.and_then(|keep| {
            let doc = |d: usize| keep(&fp.files[fp.docs[d].file as usize]);
            stemma::store::Probe::new(&fp, doc, &cfg)
        });
        let prior = prior.index.load(&prior.current, probe.as_ref());
        files += prior.files.len();
        fp.append(prior);
    }
    report::audit::unique_ids(&mut out.findings);
    Ok(Audit {
        documents: out.documents,
        findings: out.findings,
        coverage: out.coverage,
        fp,
        cfg,
        files,
        t0,
    })
}

/// The rest of a run, from the fingerprints: duplicate clusters, then the
/// provenance graph over `documents` (plus the documents known only from
/// prior fingerprints, returned with the tail). The graph's first half, which
/// needs no clusters, is built while the clusters become records.
fn rest(
    mut fp: pipeline::Fingerprinted,
    cfg: &pipeline::Config,
    (documents, findings, coverage): Records<'_>,
    clusters_with: Option<&(dyn Fn(&pipeline::FileMeta) -> bool + Sync)>,
    provenance: Option<&stemma::provenance::ProvenanceConfig>,
) -> (report::audit::Tail, RestOf) {
    let (mut clusters, counts) = dedup::find(&fp, cfg);
    // Only the clustering reads the signatures, the bulk of the fingerprints:
    // freed before the provenance graph is built, memory's peak.
    fp.sigs = Vec::new();
    fp.sig_units = Vec::new();
    if let Some(keep) = clusters_with {
        clusters.retain(|c| {
            c.members.iter().any(|m| {
                let doc = &fp.docs[fp.units[m.first as usize].doc as usize];
                keep(&fp.files[doc.file as usize])
            })
        });
    }
    fp.stats.stage("dedup index", counts.index_time);
    let ((dedup, t_dups), (prepared, t_prep)) = rayon::join(
        || timed(|| report::dedup_report(&fp, &clusters, cfg)),
        || {
            timed(|| {
                provenance.map(|p| stemma::provenance::prepare(documents, findings, coverage, p))
            })
        },
    );
    fp.stats.stage("duplicates", t_dups);
    let mut stats = std::mem::take(&mut fp.stats);
    drop((fp, clusters));
    let t_prov = Instant::now();
    // Documents known only from prior fingerprints are listed too.
    let known: std::collections::HashSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let extra: Vec<report::DocumentRecord> = dedup
        .documents
        .into_iter()
        .filter(|d| !known.contains(d.id.as_str()))
        .collect();
    let provenance_edges = prepared.map_or_else(Vec::new, |p| {
        if extra.is_empty() {
            p.finish(documents, &dedup.duplicates)
        } else {
            p.finish(&[documents, &extra].concat(), &dedup.duplicates)
        }
    });
    let stage = if provenance.is_some() {
        "provenance"
    } else {
        "assemble"
    };
    stats.stage(stage, t_prep + t_prov.elapsed());
    let tail = report::audit::Tail {
        provenance: provenance_edges,
        duplicates: dedup.duplicates,
        skipped: dedup.skipped,
        warnings: dedup.warnings,
    };
    (tail, RestOf { extra, stats })
}

/// `f`'s result and the time it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, std::time::Duration) {
    let t = Instant::now();
    (f(), t.elapsed())
}

/// What [`rest`] gives besides the report's tail: the documents known only
/// from prior fingerprints, and the run's statistics so far.
struct RestOf {
    extra: Vec<report::DocumentRecord>,
    stats: pipeline::Stats,
}

/// What the provenance graph is built from: documents, findings, coverage.
type Records<'a> = (
    &'a [report::DocumentRecord],
    &'a [report::audit::FindingRecord],
    &'a [report::audit::CoverageRecord],
);

/// Runs the audit (and dedup, and provenance) over `inputs`.
pub fn run_audit(
    cli: &Cli,
    inputs: corpus::Inputs,
    max_file_bytes: u64,
    opts: &AuditOptions,
    mut run: RunOptions,
) -> Result<Audited, String> {
    let a = audit_part(cli, inputs, max_file_bytes, opts, &mut run)?;
    let pcfg = opts.provenance();
    let (tail, RestOf { extra, stats }) = rest(
        a.fp,
        &a.cfg,
        (&a.documents, &a.findings, &a.coverage),
        run.clusters_with,
        (!run.no_provenance).then_some(&pcfg),
    );
    let mut documents = a.documents;
    documents.extend(extra);
    Ok(Audited {
        report: report::audit::assembled(documents, a.findings, a.coverage, tail),
        stats,
        files: a.files,
        t0: a.t0,
        overlapped: false,
    })
}

/// [`run_audit`] with its JSON report written to `out` while the duplicates
/// and the provenance graph are computed (byte-identical output). `pair`
/// as in [`RunOptions`]; nothing else beyond the defaults.
fn run_audit_json(
    cli: &Cli,
    inputs: corpus::Inputs,
    max_file_bytes: u64,
    opts: &AuditOptions,
    pair: bool,
    out: Option<&std::path::Path>,
) -> Result<Audited, String> {
    let mut run = RunOptions {
        pair,
        ..RunOptions::default()
    };
    let a = audit_part(cli, inputs, max_file_bytes, opts, &mut run)?;
    let pcfg = opts.provenance();
    let (fp, cfg) = (a.fp, &a.cfg);
    let records = (&a.documents[..], &a.findings[..], &a.coverage[..]);
    let mut done = None;
    let t_report = Instant::now();
    write_output(out, |w| {
        let rest = || rest(fp, cfg, records, None, Some(&pcfg));
        let (written, tail, x) =
            report::audit::write_overlapped(records.0, records.1, records.2, rest, w);
        done = Some((tail, x));
        written
    })?;
    // `write_output` fails unless it ran the writer, which always sets this.
    let (tail, RestOf { extra, mut stats }) = done.expect("the writer ran");
    stats.stage("report", t_report.elapsed());
    debug_assert!(extra.is_empty(), "no prior fingerprints in an audit");
    Ok(Audited {
        report: report::audit::assembled(a.documents, a.findings, a.coverage, tail),
        stats,
        files: a.files,
        t0: a.t0,
        overlapped: true,
    })
}

pub fn audit(cli: &Cli, args: &AuditArgs) -> Result<u8, String> {
    let inputs =
        corpus::resolve(&args.corpus.paths, &args.corpus.primary).map_err(|e| e.to_string())?;
    let (size, out) = (args.corpus.max_file_size, args.output.output.as_deref());
    audit_and_write(cli, inputs, size, &args.options, args.format, false, out)
}

pub fn compare(cli: &Cli, args: &CompareArgs) -> Result<u8, String> {
    let inputs = corpus::resolve(
        std::slice::from_ref(&args.secondary),
        std::slice::from_ref(&args.source),
    )
    .map_err(|e| e.to_string())?;
    let (size, out) = (args.max_file_size, args.output.output.as_deref());
    audit_and_write(cli, inputs, size, &args.options, args.format, true, out)
}

/// `audit` and `compare`: the run, its report in `format` to `out`.
fn audit_and_write(
    cli: &Cli,
    inputs: corpus::Inputs,
    max_file_bytes: u64,
    opts: &AuditOptions,
    format: OutputFormat,
    pair: bool,
    out: Option<&std::path::Path>,
) -> Result<u8, String> {
    refuse_input_as_output(out, &inputs)?;
    let run = match format {
        OutputFormat::Json => run_audit_json(cli, inputs, max_file_bytes, opts, pair, out)?,
        OutputFormat::Human => {
            let run = RunOptions {
                pair,
                diffs: true,
                ..RunOptions::default()
            };
            let run = run_audit(cli, inputs, max_file_bytes, opts, run)?;
            write_human(&run.report, out)?;
            run
        }
    };
    run.finish(cli)
}

fn write_human(report: &AuditReport, out: Option<&std::path::Path>) -> Result<(), String> {
    let color = color(out);
    write_output(out, |w| {
        w.write_all(report::audit::human(report, color).as_bytes())
    })
}

pub fn provenance(cli: &Cli, args: &ProvenanceArgs) -> Result<u8, String> {
    let inputs =
        corpus::resolve(&args.corpus.paths, &args.corpus.primary).map_err(|e| e.to_string())?;
    let out = args.output.output.as_deref();
    refuse_input_as_output(out, &inputs)?;
    let run = run_audit(
        cli,
        inputs,
        args.corpus.max_file_size,
        &args.options,
        RunOptions::default(),
    )?;
    use report::provenance as view;
    write_output(out, |w| match args.format {
        GraphFormat::Human => w.write_all(view::human(&run.report).as_bytes()),
        GraphFormat::Json => report::json::write(&view::json_view(&run.report), w),
        GraphFormat::Dot => w.write_all(view::dot(&run.report).as_bytes()),
        GraphFormat::Mermaid => w.write_all(view::mermaid(&run.report).as_bytes()),
    })?;
    run.finish(cli)
}

pub fn index_build(cli: &Cli, args: &crate::cli::IndexBuildArgs) -> Result<u8, String> {
    let t0 = Instant::now();
    let inputs =
        corpus::resolve(&args.corpus.paths, &args.corpus.primary).map_err(|e| e.to_string())?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| match args.corpus.paths.first() {
            Some(p) if p.is_dir() => p.join(stemma::store::DEFAULT_NAME),
            _ => std::path::PathBuf::from(stemma::store::DEFAULT_NAME),
        });
    refuse_input_as_output(Some(&path), &inputs)?;
    let cfg = pipeline::Config {
        max_file_bytes: args.corpus.max_file_size,
        progress: progress(cli),
        ..pipeline::Config::default()
    };
    let mut fp = pipeline::fingerprint_corpus(inputs, &cfg);
    let skipped: Vec<report::Skipped> = fp.skipped.iter().map(report::skipped).collect();
    let warnings: Vec<String> = fp
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.path, w.message))
        .collect();
    let stats = std::mem::take(&mut fp.stats);
    let (files, docs, units) = (fp.files.len(), fp.docs.len(), fp.units.len());
    if files == 0 && skipped.is_empty() {
        return Err("no input files".into());
    }
    let t_write = Instant::now();
    crate::output::write_file_atomically(&path, |w| stemma::store::write(&fp, &cfg, w))?;
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    print_notes(cli, &warnings, &skipped);
    if !cli.quiet {
        eprintln!(
            "stemma: indexed {files} files, {docs} documents, {units} passages into {} ({:.1} MB)",
            path.display(),
            size as f64 / 1e6
        );
    }
    if cli.stats {
        let mut st = stats;
        st.stage("write index", t_write.elapsed());
        eprint!("{}", stats::render(&st, files, docs, units, t0.elapsed()));
    }
    Ok(skipped_code(skipped.len()))
}
