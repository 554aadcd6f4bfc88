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
}

impl Audited {
    /// Prints notes and statistics; the exit code for skipped inputs.
    pub fn finish(mut self, cli: &Cli) -> Result<u8, String> {
        print_notes(cli, &self.report.warnings, &self.report.skipped);
        if cli.stats {
            self.stats
                .stage("report", self.t0.elapsed() - self.stats.total());
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
    pub clusters_with: Option<&'a dyn Fn(&pipeline::FileMeta) -> bool>,
    /// Leave the provenance graph out (`check` does not report it).
    pub no_provenance: bool,
}

/// Files known from an index: the index, and by indexed file the file as
/// listed now, or `None` to leave it out.
pub struct Prior {
    pub index: stemma::store::Index,
    pub current: Vec<Option<corpus::InputFile>>,
}

/// Runs the audit (and dedup, and provenance) over `inputs`.
pub fn run_audit(
    cli: &Cli,
    inputs: corpus::Inputs,
    max_file_bytes: u64,
    opts: &AuditOptions,
    run: RunOptions,
) -> Result<Audited, String> {
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
    let out = pipeline::audit_corpus(inputs, &cfg, &acfg, run.diffs, audited);
    let mut fp = out.fingerprinted;
    if let Some(prior) = run.prior {
        // Only indexed passages that can pair with the checked documents'.
        let probe = run.clusters_with.and_then(|keep| {
            let doc = |d: usize| keep(&fp.files[fp.docs[d].file as usize]);
            stemma::store::Probe::new(&fp, doc, &cfg)
        });
        let prior = prior.index.load(&prior.current, probe.as_ref());
        files += prior.files.len();
        fp.append(prior);
    }
    let (mut clusters, counts) = dedup::find(&fp, &cfg);
    // Only the clustering reads the signatures, the bulk of the fingerprints:
    // freed before the provenance graph is built, memory's peak.
    fp.sigs = Vec::new();
    fp.sig_units = Vec::new();
    if let Some(keep) = run.clusters_with {
        clusters.retain(|c| {
            c.members.iter().any(|m| {
                let doc = &fp.docs[fp.units[m.first as usize].doc as usize];
                keep(&fp.files[doc.file as usize])
            })
        });
    }
    fp.stats.stage("dedup index", counts.index_time);
    let t_dups = Instant::now();
    let dedup = report::dedup_report(&fp, &clusters, &cfg);
    fp.stats.stage("duplicates", t_dups.elapsed());
    let mut stats = std::mem::take(&mut fp.stats);
    drop((fp, clusters));
    let t_prov = Instant::now();
    // Documents known only from prior fingerprints are listed too.
    let mut documents = out.documents;
    let known: std::collections::HashSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    documents.extend(
        dedup
            .documents
            .into_iter()
            .filter(|d| !known.contains(&d.id)),
    );
    let report = report::audit::assemble(
        documents,
        out.findings,
        out.coverage,
        dedup.duplicates,
        dedup.skipped,
        dedup.warnings,
        (!run.no_provenance).then_some(&opts.provenance()),
    );
    let stage = if run.no_provenance {
        "assemble"
    } else {
        "provenance"
    };
    stats.stage(stage, t_prov.elapsed());
    Ok(Audited {
        report,
        stats,
        files,
        t0,
    })
}

pub fn audit(cli: &Cli, args: &AuditArgs) -> Result<u8, String> {
    let inputs =
        corpus::resolve(&args.corpus.paths, &args.corpus.primary).map_err(|e| e.to_string())?;
    let out = args.output.output.as_deref();
    refuse_input_as_output(out, &inputs)?;
    let diffs = matches!(args.format, OutputFormat::Human);
    let run = run_audit(
        cli,
        inputs,
        args.corpus.max_file_size,
        &args.options,
        RunOptions {
            diffs,
            ..RunOptions::default()
        },
    )?;
    write_audit(&run.report, args.format, out)?;
    run.finish(cli)
}

pub fn compare(cli: &Cli, args: &CompareArgs) -> Result<u8, String> {
    let inputs = corpus::resolve(
        std::slice::from_ref(&args.secondary),
        std::slice::from_ref(&args.source),
    )
    .map_err(|e| e.to_string())?;
    let out = args.output.output.as_deref();
    refuse_input_as_output(out, &inputs)?;
    let diffs = matches!(args.format, OutputFormat::Human);
    let run = run_audit(
        cli,
        inputs,
        args.max_file_size,
        &args.options,
        RunOptions {
            pair: true,
            diffs,
            ..RunOptions::default()
        },
    )?;
    write_audit(&run.report, args.format, out)?;
    run.finish(cli)
}

fn write_audit(
    report: &AuditReport,
    format: OutputFormat,
    out: Option<&std::path::Path>,
) -> Result<(), String> {
    let color = color(out);
    write_output(out, |w| match format {
        OutputFormat::Human => w.write_all(report::audit::human(report, color).as_bytes()),
        OutputFormat::Json => report::json::write(report, w),
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
