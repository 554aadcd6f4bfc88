//! The `stemma` binary: parse flags, run the library, print from one thread.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{AuditOptions, Cli, Command, DedupArgs, OutputFormat};
use stemma::{corpus, dedup, pipeline, report, stats};

/// Exit codes scripts can rely on.
mod exit {
    /// Success (a report was written, whatever it found).
    pub const OK: u8 = 0;
    /// Usage, configuration or input error (some input could not be used).
    pub const INPUT: u8 = 2;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
    {
        eprintln!("stemma: cannot start {n} threads: {e}");
        return ExitCode::from(exit::INPUT);
    }
    let result = match &cli.command {
        Command::Dedup(args) => run_dedup(&cli, args),
        Command::Audit(args) => corpus::resolve(&args.corpus.paths, &args.corpus.primary)
            .map_err(|e| e.to_string())
            .and_then(|inputs| {
                run_audit(
                    &cli,
                    inputs,
                    args.corpus.max_file_size,
                    &args.options,
                    false,
                )
            }),
        Command::Compare(args) => corpus::resolve(
            std::slice::from_ref(&args.secondary),
            std::slice::from_ref(&args.source),
        )
        .map_err(|e| e.to_string())
        .and_then(|inputs| run_audit(&cli, inputs, args.max_file_size, &args.options, true)),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("stemma: {e}");
            ExitCode::from(exit::INPUT)
        }
    }
}

fn run_dedup(cli: &Cli, args: &DedupArgs) -> Result<u8, String> {
    let t0 = Instant::now();
    let progress = !cli.quiet && std::io::stderr().is_terminal();
    let cfg = args.config(progress)?;
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
    if !rep.skipped.is_empty() {
        eprintln!(
            "stemma: {} input(s) could not be used (listed above)",
            rep.skipped.len()
        );
        return Ok(exit::INPUT);
    }
    if fp.files.is_empty() {
        return Err("no input files".into());
    }
    Ok(exit::OK)
}

/// `pair`: the user named the source of the secondary (`compare`), so the
/// secondary is taken as coverage of it, whatever its title.
fn run_audit(
    cli: &Cli,
    inputs: corpus::Inputs,
    max_file_bytes: u64,
    opts: &AuditOptions,
    pair: bool,
) -> Result<u8, String> {
    let t0 = Instant::now();
    let mut acfg = opts.config()?;
    if pair {
        acfg.judge_documents = false;
    }
    let cfg = pipeline::Config {
        max_file_bytes,
        progress: !cli.quiet && std::io::stderr().is_terminal(),
        ..pipeline::Config::default()
    };
    let human = matches!(opts.format, OutputFormat::Human);
    refuse_input_as_output(opts.output.as_deref(), &inputs)?;
    let out = pipeline::audit_corpus(inputs, &cfg, &acfg, human);
    let mut fp = out.fingerprinted;
    let (clusters, counts) = dedup::find(&fp, &cfg);
    let t_report = Instant::now();
    let dedup = report::dedup_report(&fp, &clusters, &cfg);
    let n_docs = out.documents.len();
    let rep = report::audit::assemble(
        out.documents,
        out.findings,
        out.coverage,
        dedup.duplicates,
        dedup.skipped,
        dedup.warnings,
    );
    let color = opts.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    write_output(opts.output.as_deref(), |w| match opts.format {
        OutputFormat::Human => w.write_all(report::audit::human(&rep, color).as_bytes()),
        OutputFormat::Json => report::json::write(&rep, w),
    })?;
    print_notes(cli, &rep.warnings, &rep.skipped);
    if cli.stats {
        let mut st = std::mem::take(&mut fp.stats);
        st.stage("dedup index", counts.index_time);
        st.stage("report", t_report.elapsed());
        eprint!(
            "{}",
            stats::render(
                &st,
                fp.files.len(),
                n_docs,
                rep.findings.len(),
                t0.elapsed()
            )
        );
    }
    if !rep.skipped.is_empty() {
        eprintln!(
            "stemma: {} input(s) could not be used (listed above)",
            rep.skipped.len()
        );
        return Ok(exit::INPUT);
    }
    if n_docs == 0 {
        return Err("no input files".into());
    }
    Ok(exit::OK)
}

/// stemma never writes to the files it reads: `--output` may not name one.
fn refuse_input_as_output(
    output: Option<&std::path::Path>,
    inputs: &corpus::Inputs,
) -> Result<(), String> {
    let Some(out) = output.and_then(|p| std::fs::canonicalize(p).ok()) else {
        return Ok(());
    };
    match inputs
        .files
        .iter()
        .find(|f| std::fs::canonicalize(&f.path).is_ok_and(|p| p == out))
    {
        Some(f) => Err(format!(
            "{}: is an input; refusing to write the report over it",
            f.path.display()
        )),
        None => Ok(()),
    }
}

/// Warnings (unless `--quiet`) and skipped inputs, on stderr.
fn print_notes(cli: &Cli, warnings: &[String], skipped: &[report::Skipped]) {
    if !cli.quiet {
        for w in warnings {
            eprintln!("stemma: warning: {w}");
        }
    }
    for s in skipped {
        eprintln!("stemma: skipped {}: {}", s.path, s.reason);
    }
}

/// Writes the report to a file (atomically: a temporary file, then rename)
/// or to stdout. A closed stdout (`stemma ... | head`) is not an error.
fn write_output(
    path: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match path {
        // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written in place:
        // renaming a temporary file over it would replace it.
        Some(p) if p.exists() && !p.is_file() => {
            let result = std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .and_then(|f| {
                    let mut w = std::io::BufWriter::new(f);
                    write(&mut w)?;
                    w.flush()
                });
            result.map_err(|e| format!("{}: cannot write: {e}", p.display()))
        }
        Some(p) => {
            let tmp = p.with_extension("stemma-tmp");
            let result = std::fs::File::create(&tmp).and_then(|f| {
                let mut w = std::io::BufWriter::new(f);
                write(&mut w)?;
                w.flush()
            });
            result.and_then(|_| std::fs::rename(&tmp, p)).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                format!("{}: cannot write: {e}", p.display())
            })
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| format!("cannot write to stdout: {e}")),
            }
        }
    }
}
