//! The pipeline: wires the stages together, owns the parallelism (rayon) and
//! the progress bar. Files are read, ingested, segmented and fingerprinted in
//! parallel; the text is then dropped, so memory holds fingerprints, not the
//! corpus. Reports re-read the few files they quote.

use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{InputFile, Inputs, Role};
use crate::fingerprint::{self, Print};
use crate::index::IndexConfig;
use crate::ingest::{self, Boilerplate, Warning, boilerplate};
use crate::normalize::{LexKind, Lexer};
use crate::segment::{self, Analysis, PassageKind};
use crate::source::{self, Encoding, InputError, SourceFile};

/// Which passages are compared for duplicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Paragraph,
    Sentence,
}

/// Everything the library needs to know; built once from the command line.
#[derive(Clone, Debug)]
pub struct Config {
    pub max_file_bytes: u64,
    /// Passages with fewer matching words are not compared.
    pub min_words: usize,
    pub level: Level,
    pub index: IndexConfig,
    /// Show a progress bar (the bar also hides itself off a terminal).
    pub progress: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_file_bytes: source::DEFAULT_MAX_FILE_BYTES,
            min_words: 8,
            level: Level::Paragraph,
            index: IndexConfig::default(),
            progress: false,
        }
    }
}

/// A file that was read.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileMeta {
    pub input: InputFile,
    pub encoding: Encoding,
    pub bytes: usize,
}

/// A document (a file, or one item of a feed), without its text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    pub file: u32,
    pub role: Role,
    pub title: Option<String>,
    pub date: Option<String>,
    pub link: Option<String>,
    pub author: Option<String>,
    /// Byte range in the original file.
    pub start: u32,
    pub end: u32,
}

/// A compared passage (a paragraph, or a sentence with `--level sentence`).
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct Unit {
    pub doc: u32,
    /// Position among the document's units (for merging runs of duplicates).
    pub rank: u32,
    pub start: u32,
    pub end: u32,
    pub words: u32,
    pub print: Print,
    pub boilerplate: Option<Boilerplate>,
}

/// Time spent per stage, and sizes, for `--stats`.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Stage, time, and peak memory so far when the stage ended.
    pub stages: Vec<(&'static str, Duration, Option<u64>)>,
    pub bytes: usize,
    pub paragraphs: usize,
    pub sentences: usize,
}

impl Stats {
    /// Records a stage that has just ended.
    pub fn stage(&mut self, name: &'static str, time: Duration) {
        self.stages
            .push((name, time, crate::stats::peak_rss_bytes()));
    }

    /// Time of the stages recorded so far.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|s| s.1).sum()
    }
}

/// The fingerprinted corpus.
#[derive(Debug, Default)]
pub struct Fingerprinted {
    pub name: Option<String>,
    pub files: Vec<FileMeta>,
    pub docs: Vec<DocMeta>,
    pub units: Vec<Unit>,
    /// Units with MinHash signatures (at least `min_words` words).
    pub sig_units: Vec<u32>,
    pub sigs: Vec<fingerprint::Bin>,
    pub skipped: Vec<InputError>,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
}

impl Fingerprinted {
    /// Appends the files of `other` (fingerprinted with the same settings).
    pub fn append(&mut self, other: Fingerprinted) {
        let (file0, doc0, unit0) = (
            self.files.len() as u32,
            self.docs.len() as u32,
            self.units.len() as u32,
        );
        self.files.extend(other.files);
        self.docs.extend(other.docs.into_iter().map(|d| DocMeta {
            file: d.file + file0,
            ..d
        }));
        self.units.extend(other.units.into_iter().map(|u| Unit {
            doc: u.doc + doc0,
            ..u
        }));
        self.sig_units
            .extend(other.sig_units.into_iter().map(|u| u + unit0));
        self.sigs.extend(other.sigs);
    }
}

/// What one file contributes (doc and unit indices local to the file).
struct FileOut {
    meta: FileMeta,
    docs: Vec<DocMeta>,
    units: Vec<Unit>,
    sig_units: Vec<u32>,
    sigs: Vec<fingerprint::Bin>,
    paragraphs: usize,
    sentences: usize,
    warnings: Vec<Warning>,
}

fn progress_bar(show: bool, len: u64, what: &str) -> ProgressBar {
    let target = if show {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len), target);
    let style = ProgressStyle::with_template("{msg:12} [{bar:30}] {pos}/{len} files ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}

/// Reads and decodes one input, as a shared source file.
pub fn load(input: &InputFile, cfg: &Config) -> Result<Arc<SourceFile>, InputError> {
    source::read_source(&input.path, &input.rel, cfg.max_file_bytes).map(Arc::new)
}

/// Ingests one decoded file and analyzes its documents, boilerplate marked.
/// `fine`: also cut sentences and quotations (see [`segment::analyze`]).
pub fn analyze_file(
    input: &InputFile,
    file: Arc<SourceFile>,
    lexer: &mut Lexer,
    fine: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<(ingest::Document, Analysis)> {
    let docs = ingest::ingest(input, file, warnings);
    docs.into_iter()
        .map(|mut doc| {
            let mut a = segment::analyze(&doc, lexer, fine);
            let stats = block_stats(&a);
            boilerplate::mark(&mut doc.blocks, &stats, &doc.file.text);
            for p in &mut a.passages {
                p.boilerplate = doc.blocks[p.block as usize].boilerplate.is_some();
            }
            (doc, a)
        })
        .collect()
}

fn block_stats(a: &Analysis) -> Vec<boilerplate::BlockStats> {
    let mut buf = Vec::new();
    a.block_lexemes
        .iter()
        .zip(&a.block_tokens)
        .map(|(r, t)| {
            let ls = &a.lexemes[r.start as usize..r.end as usize];
            let toks = &a.tokens[t.start as usize..t.end as usize];
            boilerplate::BlockStats {
                exact: fingerprint::hash_tokens(toks, &mut buf),
                words: toks.len(),
                urls: ls.iter().filter(|l| l.kind == LexKind::Url).count(),
            }
        })
        .collect()
}

/// A file read and analyzed: its documents, what it is, and the warnings.
pub type ReadFile = (Vec<(ingest::Document, Analysis)>, FileMeta, Vec<Warning>);

/// Reads one file and analyzes it (`fine`: sentences and quotations too).
pub fn read_and_analyze(
    input: &InputFile,
    cfg: &Config,
    lexer: &mut Lexer,
    fine: bool,
) -> Result<ReadFile, InputError> {
    let file = load(input, cfg)?;
    let mut warnings = Vec::new();
    if file.encoding == Encoding::Windows1252 {
        warnings.push(Warning {
            path: input.rel.clone(),
            message: "not valid UTF-8: decoded as windows-1252".into(),
        });
    }
    if input.unlisted {
        warnings.push(Warning {
            path: input.rel.clone(),
            message: "not listed in the manifest: read as a secondary document".into(),
        });
    }
    let meta = FileMeta {
        input: input.clone(),
        encoding: file.encoding,
        bytes: file.file_len(),
    };
    let analyzed = analyze_file(input, file, lexer, fine, &mut warnings);
    Ok((analyzed, meta, warnings))
}

fn process_file(input: &InputFile, cfg: &Config, lexer: &mut Lexer) -> Result<FileOut, InputError> {
    let (analyzed, meta, warnings) =
        read_and_analyze(input, cfg, lexer, cfg.level == Level::Sentence)?;
    Ok(fingerprint_file(meta, &analyzed, warnings, cfg))
}

/// Fingerprints the compared passages of an analyzed file.
fn fingerprint_file(
    meta: FileMeta,
    analyzed: &[(ingest::Document, Analysis)],
    warnings: Vec<Warning>,
    cfg: &Config,
) -> FileOut {
    let mut out = FileOut {
        meta,
        docs: Vec::new(),
        units: Vec::new(),
        sig_units: Vec::new(),
        sigs: Vec::new(),
        paragraphs: 0,
        sentences: 0,
        warnings,
    };
    let mut buf = Vec::new();
    let mut sh = Vec::new();
    let mut sig = vec![0u32; cfg.index.bands * cfg.index.rows];
    for (d, (doc, a)) in analyzed.iter().enumerate() {
        out.docs.push(DocMeta {
            id: doc.id.to_string(),
            file: 0,
            role: doc.role,
            title: doc.title.clone(),
            date: doc.date.clone(),
            link: doc.link.clone(),
            author: doc.author.clone(),
            start: doc.file.file_offset(doc.range.start) as u32,
            end: doc.file.file_offset(doc.range.end) as u32,
        });
        let want = match cfg.level {
            Level::Paragraph => PassageKind::Paragraph,
            Level::Sentence => PassageKind::Sentence,
        };
        let mut rank = 0;
        for p in &a.passages {
            match p.kind {
                PassageKind::Paragraph => out.paragraphs += 1,
                PassageKind::Sentence => out.sentences += 1,
                PassageKind::Quote => {}
            }
            if p.kind != want {
                continue;
            }
            let toks = &a.tokens[p.toks.start as usize..p.toks.end as usize];
            fingerprint::shingles(toks, &mut sh);
            let print = Print {
                exact: fingerprint::hash_tokens(toks, &mut buf),
                simhash: fingerprint::simhash(&sh),
            };
            if toks.len() >= cfg.min_words && cfg.index.channels.minhash() {
                out.sig_units.push(out.units.len() as u32);
                fingerprint::minhash(&sh, &mut sig);
                fingerprint::compact(&sig, &mut out.sigs);
            }
            out.units.push(Unit {
                doc: d as u32,
                rank,
                start: p.start,
                end: p.end,
                words: toks.len() as u32,
                print,
                boilerplate: doc.blocks[p.block as usize].boilerplate,
            });
            if toks.len() >= cfg.min_words {
                rank += 1;
            }
        }
    }
    out
}

/// Files per batch of parallel work.
const FILE_BATCH: usize = 1024;

fn merge(fp: &mut Fingerprinted, out: FileOut, cfg: &Config) {
    let k = cfg.index.bands * cfg.index.rows;
    let (file, doc0, unit0) = (
        fp.files.len() as u32,
        fp.docs.len() as u32,
        fp.units.len() as u32,
    );
    fp.stats.bytes += out.meta.bytes;
    fp.stats.paragraphs += out.paragraphs;
    fp.stats.sentences += out.sentences;
    fp.files.push(out.meta);
    fp.docs
        .extend(out.docs.into_iter().map(|d| DocMeta { file, ..d }));
    fp.units.extend(out.units.into_iter().map(|u| Unit {
        doc: u.doc + doc0,
        ..u
    }));
    fp.sig_units.extend(out.sig_units.iter().map(|u| u + unit0));
    debug_assert_eq!(out.sigs.len(), out.sig_units.len() * k);
    fp.sigs.extend(out.sigs);
    fp.warnings.extend(out.warnings);
}

/// Reads, ingests, segments and fingerprints every input, in parallel.
pub fn fingerprint_corpus(inputs: Inputs, cfg: &Config) -> Fingerprinted {
    let t0 = Instant::now();
    let bar = progress_bar(cfg.progress, inputs.files.len() as u64, "fingerprint");
    let mut fp = Fingerprinted {
        name: inputs.name,
        skipped: inputs.problems,
        ..Fingerprinted::default()
    };
    // Files are processed in batches, merged as each batch ends, so that
    // memory never holds two copies of the fingerprints.
    for batch in inputs.files.chunks(FILE_BATCH) {
        let results: Vec<Result<FileOut, InputError>> = batch
            .par_iter()
            .map_init(Lexer::default, |lexer, input| {
                let r = process_file(input, cfg, lexer);
                bar.inc(1);
                r
            })
            .collect();
        for r in results {
            match r {
                Ok(out) => merge(&mut fp, out, cfg),
                Err(e) => fp.skipped.push(e),
            }
        }
    }
    bar.finish_and_clear();
    fp.stats.stage("read+fingerprint", t0.elapsed());
    fp
}

/// What the audit of a corpus gives: the report's records, and the
/// fingerprints of the same reading, for its duplicates section.
pub struct AuditOutput {
    pub documents: Vec<crate::report::DocumentRecord>,
    pub findings: Vec<crate::report::audit::FindingRecord>,
    pub coverage: Vec<crate::report::audit::CoverageRecord>,
    pub fingerprinted: Fingerprinted,
}

/// Per file: its documents' records, findings and coverage.
type AuditedFile = (
    Vec<crate::report::DocumentRecord>,
    Vec<crate::report::audit::FindingRecord>,
    Vec<crate::report::audit::CoverageRecord>,
);

/// Audits a corpus: the primaries are read and indexed first; secondary
/// files are then read, audited and reduced to report records (and dedup
/// fingerprints) in parallel batches, so memory holds the primaries and a
/// batch of files, never the whole corpus, and every file is read once.
/// A secondary file's audit records and its dedup fingerprints.
type AuditedAndPrinted = (AuditedFile, FileOut);

/// What auditing one secondary file needs.
struct SecondaryAudit<'a> {
    cfg: &'a Config,
    acfg: &'a crate::audit::AuditConfig,
    diffs: bool,
    set: &'a crate::audit::SourceSet<'a>,
    primaries: &'a [&'a (ingest::Document, Analysis)],
}

impl SecondaryAudit<'_> {
    /// Reads, audits (when `audit`) and fingerprints one secondary file.
    fn file(
        &self,
        input: &InputFile,
        audit: bool,
        lexer: &mut Lexer,
    ) -> Result<AuditedAndPrinted, InputError> {
        use crate::report::audit::{document_record, records};
        let cfg = self.cfg;
        if !audit {
            let fine = cfg.level == Level::Sentence;
            return read_and_analyze(input, cfg, lexer, fine).map(|(docs, meta, w)| {
                let documents = docs.iter().map(|(d, _)| document_record(d)).collect();
                (
                    (documents, Vec::new(), Vec::new()),
                    fingerprint_file(meta, &docs, w, cfg),
                )
            });
        }
        read_and_analyze(input, cfg, lexer, true).map(|(docs, meta, warnings)| {
            let mut loaded = crate::audit::Loaded {
                docs: self.primaries.to_vec(),
                primaries: self.primaries.len(),
            };
            loaded.docs.extend(docs.iter());
            let result = crate::audit::audit(&loaded, self.set, self.acfg);
            let (findings, coverage) = records(&loaded, &result, self.diffs);
            let documents = docs.iter().map(|(d, _)| document_record(d)).collect();
            (
                (documents, findings, coverage),
                fingerprint_file(meta, &docs, warnings, cfg),
            )
        })
    }
}

/// The records of every file, in input order, and the fingerprints.
fn assemble(
    per_input: Vec<Option<Result<AuditedFile, InputError>>>,
    fp: Fingerprinted,
) -> AuditOutput {
    // Exact capacities: growing by doubling would hold two copies at once.
    let total = |pick: fn(&AuditedFile) -> usize| -> usize {
        per_input.iter().flatten().flatten().map(pick).sum()
    };
    let mut out = AuditOutput {
        documents: Vec::with_capacity(total(|a| a.0.len())),
        findings: Vec::with_capacity(total(|a| a.1.len())),
        coverage: Vec::with_capacity(total(|a| a.2.len())),
        fingerprinted: fp,
    };
    for r in per_input.into_iter().flatten() {
        match r {
            Ok((d, f, c)) => {
                out.documents.extend(d);
                out.findings.extend(f);
                out.coverage.extend(c);
            }
            Err(e) => out.fingerprinted.skipped.push(e),
        }
    }
    out
}

/// `diffs`: render the inline word diff of each finding (the terminal view
/// shows it; JSON does not carry it). `audited`: which secondary files are
/// audited; the others are only fingerprinted (for duplicates) and listed.
pub fn audit_corpus(
    inputs: Inputs,
    cfg: &Config,
    acfg: &crate::audit::AuditConfig,
    diffs: bool,
    audited: &(dyn Fn(&InputFile) -> bool + Sync),
) -> AuditOutput {
    use crate::audit::SourceSet;
    use crate::report::audit::document_record;
    let t0 = Instant::now();
    let bar = progress_bar(cfg.progress, inputs.files.len() as u64, "audit");
    let is_primary = |f: &InputFile| f.role == Role::Primary;
    let mut per_input: Vec<Option<Result<AuditedFile, InputError>>> = Vec::new();
    per_input.resize_with(inputs.files.len(), || None);
    let read_primaries: Vec<(usize, Result<ReadFile, InputError>)> = inputs
        .files
        .par_iter()
        .enumerate()
        .filter(|(_, f)| is_primary(f))
        .map_init(Lexer::default, |lexer, (i, f)| {
            (i, read_and_analyze(f, cfg, lexer, true))
        })
        .collect();
    // Fingerprints are merged as files finish (primaries, then each batch,
    // in input order), so at most two batches of them wait in memory.
    let mut fp = Fingerprinted {
        name: inputs.name.clone(),
        skipped: inputs.problems.clone(),
        ..Fingerprinted::default()
    };
    let mut primaries = Vec::new();
    for (i, r) in read_primaries {
        bar.inc(1);
        per_input[i] = Some(r.map(|(docs, meta, warnings)| {
            let records = docs.iter().map(|(d, _)| document_record(d)).collect();
            merge(&mut fp, fingerprint_file(meta, &docs, warnings, cfg), cfg);
            primaries.extend(docs);
            (records, Vec::new(), Vec::new())
        }));
    }
    let set = SourceSet::build(&primaries, acfg);
    let prim_refs: Vec<&(ingest::Document, Analysis)> = primaries.iter().collect();
    let secondary: Vec<usize> = (0..inputs.files.len())
        .filter(|&i| !is_primary(&inputs.files[i]))
        .collect();
    let ctx = SecondaryAudit {
        cfg,
        acfg,
        diffs,
        set: &set,
        primaries: &prim_refs,
    };
    let audit_file = |lexer: &mut Lexer, &i: &usize| {
        let input = &inputs.files[i];
        let r = ctx.file(input, audited(input), lexer);
        bar.inc(1);
        (i, r)
    };
    // Each batch's fingerprints are merged while the next batch is audited
    // (the merge is serial: waited for, it left a core idle).
    let mut merge_batch = |done: Vec<(usize, Result<AuditedAndPrinted, InputError>)>| {
        for (i, r) in done {
            per_input[i] = Some(r.map(|(audited, prints)| {
                merge(&mut fp, prints, cfg);
                audited
            }));
        }
    };
    let mut pending = Vec::new();
    for batch in secondary.chunks(FILE_BATCH) {
        let next = || {
            batch
                .par_iter()
                .map_init(Lexer::default, audit_file)
                .collect::<Vec<_>>()
        };
        let ((), done) = rayon::join(|| merge_batch(std::mem::take(&mut pending)), next);
        pending = done;
    }
    merge_batch(pending);
    bar.finish_and_clear();
    let mut out = assemble(per_input, fp);
    out.fingerprinted.stats.stage("read+audit", t0.elapsed());
    out
}
