//! The command line: clap types live here and are turned into a plain
//! [`stemma::pipeline::Config`] once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use stemma::align::AlignConfig;
use stemma::audit::AuditConfig;
use stemma::classify::ClassifyConfig;
use stemma::index::{Channels, IndexConfig};
use stemma::pipeline::{Config, Level};
use stemma::provenance::ProvenanceConfig;

#[derive(Parser, Debug)]
#[command(
    name = "stemma",
    version,
    about = "Audit secondary text (news, feeds, summaries) against its primary sources.",
    long_about = "Audit secondary text (news, feeds, summaries) against its primary sources, \
passage by passage, with exact positions.\n\n\
Exit codes: 0 success; 2 usage, configuration or input error (unreadable, binary, \
empty or malformed input; the other files are still processed and reported, and \
every skipped file is listed)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no warnings on stderr (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Print documents, passages, bytes, time per stage, MB/s and peak memory to stderr.
    #[arg(long, global = true)]
    pub stats: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Align every secondary sentence to the primaries and say what it did:
    /// verbatim, copy_error, truncation, paraphrase, misquote, numeric_change,
    /// unsupported.
    Audit(AuditArgs),
    /// The audit for one ad-hoc pair of files: SOURCE is the primary, and the
    /// secondary is taken as drawing on it (--related-title and
    /// --min-evidence-words do not apply; a quotation not in SOURCE is a misquote).
    Compare(CompareArgs),
    /// Exact and near-duplicate passages within and across documents.
    Dedup(DedupArgs),
    /// Who draws on which primary (coverage both ways) and which secondaries
    /// copied each other (shared deviations from the source, dates).
    Provenance(ProvenanceArgs),
    /// The CI gate for corpus additions: fails (exit 1) on findings not in
    /// the baseline: misquotes, numeric changes, duplicates of documents
    /// already in the corpus, unsupported quotations (errors); truncations,
    /// copy errors, unsupported passages, unlisted files (warnings).
    /// Exit 0 clean, 1 new findings at or above --fail-level or stale
    /// baseline entries, 2 usage, configuration or input error.
    Check(CheckArgs),
    /// The persistent index: fingerprints of a corpus on disk, so that
    /// `check --index` compares new documents without re-reading the corpus.
    #[command(subcommand)]
    Index(IndexCommand),
}

#[derive(Args, Debug)]
pub struct AuditOptions {
    /// Share of words that must match a source between a sentence's first and
    /// last matching word for the sentence to count as taken from it (words a
    /// secondary wraps around the source, "He said that ...", do not count
    /// against it; the match must also hold a quarter of the sentence).
    /// Below it, a sentence is the secondary's own words (its quotations are
    /// still checked on their own).
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    pub min_coverage: f64,
    /// Words per alignment seed: a run of this many shared words starts an
    /// alignment. 3 finds fragments of quotes without matching stock phrases.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub seed_words: usize,
    /// Seeds found more often than this in the sources are formulaic and ignored.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub max_seed_df: usize,
    /// Sentences and quotations with fewer words are not aligned. A partial
    /// match needs two words more; a quotation aligned on its own may
    /// instead rest on five words in a row that make half of it.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub min_words: usize,
    /// A copy with errors matches at least this share of its words, with
    /// edits of at most --max-copy-edit words; otherwise it is a paraphrase.
    #[arg(long, value_name = "SHARE", default_value_t = 0.85)]
    pub copy_coverage: f64,
    /// Longest edit (in words) that still counts as mechanical damage.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub max_copy_edit: usize,
    /// A run of at least this many source words dropped is a cut clause (truncation).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_cut_words: usize,
    /// Longest time one word diff may take, in milliseconds; an alignment
    /// that runs out is reported as timed out.
    #[arg(long, value_name = "MS", default_value_t = 200)]
    pub deadline_ms: u64,
    /// A secondary draws on the primaries only if one of its passages
    /// matches one near-verbatim (any kind but paraphrase) over at least this
    /// many words; otherwise its loose matches are topic similarity (the
    /// same sentence shapes about another event) and are not reported.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub min_evidence_words: usize,
    /// A secondary whose title holds at least this share of a primary title's
    /// content words presents itself as coverage of such a speech; if it also
    /// shows no evidence of reuse (--min-evidence-words), it is reported as
    /// unsupported.
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    pub related_title: f64,
    /// Provenance: two secondaries are linked by a `copies` edge when their
    /// shared evidence weighs at least this much: each deviation from a
    /// source at the same place (the same dropped words, the same wording
    /// around the same quotation) counts 1, or 1/2 for a single word; each
    /// passage both hold that no primary does counts 2. One can be chance;
    /// two rarely are.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_shared: usize,
    /// Provenance: a deviation or passage shared by more documents than this
    /// is house style or a wire text reprinted everywhere, not evidence of
    /// who copied whom, and is ignored (duplicates are still reported).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub max_sharers: usize,
}

/// Where a report goes.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Write the report to FILE instead of stdout (atomically: a temporary
    /// file, then rename; a device such as /dev/null is written in place).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub options: AuditOptions,
}

#[derive(Args, Debug)]
pub struct ProvenanceArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: GraphFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub options: AuditOptions,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The accepted findings (default: stemma-baseline.json in the first
    /// PATH when it is a directory, else in the current directory). A
    /// missing file is an empty baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Accept every current finding: rewrite the baseline (sorted; reasons
    /// kept; with --since, entries of unchanged files kept) and exit 0.
    #[arg(long, conflicts_with = "prune_baseline")]
    pub write_baseline: bool,
    /// Remove baseline entries that match no finding any more, then check.
    #[arg(long)]
    pub prune_baseline: bool,
    /// Check only the files changed since this git revision (committed or
    /// not, and untracked files); they are still compared with the whole
    /// corpus. A changed primary checks everything.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// An index built by `stemma index build`: files it holds unchanged
    /// (same size, modification time and manifest entry) are not re-read;
    /// the others, files it does not hold, and with --since the files
    /// changed since REV, are checked against the whole corpus.
    #[arg(long, value_name = "FILE")]
    pub index: Option<PathBuf>,
    /// Fail on new findings at or above this level.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_level: FailLevel,
    /// Report, but exit 0 even with new findings or stale entries.
    #[arg(long)]
    pub exit_zero: bool,
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub options: AuditOptions,
}

#[derive(Subcommand, Debug)]
pub enum IndexCommand {
    /// Fingerprint the corpus and write the index (atomically: a temporary
    /// file, then rename).
    Build(IndexBuildArgs),
}

#[derive(Args, Debug)]
pub struct IndexBuildArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Where to write the index (default: .stemma-index in the first PATH
    /// when it is a directory, else in the current directory).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailLevel {
    Note,
    Warning,
    Error,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CheckFormat {
    /// Each new finding at path:line:col with its passage, then a summary.
    Human,
    /// path:line:col:kind:message, one per line.
    Brief,
    /// Schema stemma.check/1: summary, new findings, stale entries.
    Json,
    /// One JSON object per line: new findings, then stale entries.
    Jsonl,
    /// SARIF 2.1.0, the finding id in partialFingerprints.
    Sarif,
    /// GitHub Actions workflow commands (::error file=…), most severe first.
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum GraphFormat {
    /// A table per secondary: sources, coverage, findings, copied from.
    Human,
    /// The graph as JSON (schema stemma.provenance/1).
    Json,
    /// Graphviz DOT (`| dot -Tsvg > graph.svg`).
    Dot,
    /// A Mermaid flowchart, for Markdown.
    Mermaid,
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// The primary source.
    pub source: PathBuf,
    /// The secondary text to check against it.
    pub secondary: PathBuf,
    /// Refuse files larger than this many bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    pub max_file_size: u64,
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub options: AuditOptions,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum OutputFormat {
    /// For people: each finding or copy at path:line:col, with an excerpt or a word diff.
    Human,
    /// The JSON contract: schema stemma.audit/1 (audit, compare) or stemma.dedup/1 (dedup).
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LevelArg {
    Paragraph,
    Sentence,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ChannelArg {
    /// Simhash tables only (fast, but misses most edited copies).
    Simhash,
    /// MinHash LSH bands only.
    Minhash,
    /// Both channels; a pair found by either is verified and kept.
    Both,
}

#[derive(Args, Debug)]
pub struct CorpusArgs {
    /// Files or directories. A directory with a stemma.toml manifest is read as
    /// the manifest says (a file in it that the manifest does not list is read
    /// as a secondary, with a warning, never skipped unseen); any other
    /// directory is walked (hidden files skipped).
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// Mark a file as a primary source (repeatable); without a manifest, every
    /// other file is secondary.
    #[arg(long, value_name = "PATH")]
    pub primary: Vec<PathBuf>,
    /// Refuse files larger than this many bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    pub max_file_size: u64,
}

#[derive(Args, Debug)]
pub struct DedupArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// Write the report to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare paragraphs (blocks) or sentences.
    #[arg(long, value_enum, default_value = "paragraph")]
    pub level: LevelArg,
    /// Passages with fewer words are not compared (shorter ones are
    /// formulaic: headings, bylines, "Read more"). Default 8: the shortest
    /// title lines that a capture repeats are about 10 words.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub min_words: usize,
    /// Which index channels find near-duplicate candidates.
    #[arg(long, value_enum, default_value = "both")]
    pub index: ChannelArg,
    /// Simhash channel: largest Hamming distance between 64-bit simhashes
    /// (k+1 tables by pigeonhole). Default 3 (Manku et al. 2007).
    #[arg(long, value_name = "K", default_value_t = 3)]
    pub hamming: u32,
    /// MinHash channel: number of LSH bands. 20 bands x 5 rows puts the
    /// S-curve's steep part at Jaccard 0.5-0.6, so pairs at 0.7 are found
    /// with probability 0.97 (see README, "Choosing the thresholds").
    #[arg(long, value_name = "B", default_value_t = 20)]
    pub bands: usize,
    /// MinHash channel: bins per band.
    #[arg(long, value_name = "R", default_value_t = 5)]
    pub rows: usize,
    /// Smallest estimated 3-shingle Jaccard similarity for a near-duplicate.
    /// Default 0.6: planted copies at a true 0.7 estimate above it 99% of the time.
    #[arg(long, value_name = "J", default_value_t = 0.6)]
    pub min_jaccard: f64,
    /// Buckets with more passages than this are chained (each to the next)
    /// instead of compared pairwise, so time stays linear.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_bucket: usize,
}

impl AuditOptions {
    pub fn provenance(&self) -> ProvenanceConfig {
        ProvenanceConfig {
            min_shared: self.min_shared,
            max_sharers: self.max_sharers,
        }
    }

    pub fn config(&self) -> Result<AuditConfig, String> {
        for (name, v) in [
            ("--min-coverage", self.min_coverage),
            ("--copy-coverage", self.copy_coverage),
            ("--related-title", self.related_title),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("{name} must be between 0 and 1"));
            }
        }
        if self.seed_words == 0 {
            return Err("--seed-words must be at least 1".into());
        }
        if self.min_shared == 0 || self.max_sharers < 2 {
            return Err("--min-shared must be at least 1 and --max-sharers at least 2".into());
        }
        Ok(AuditConfig {
            align: AlignConfig {
                seed_words: self.seed_words,
                max_seed_df: self.max_seed_df.max(1),
                min_coverage: self.min_coverage,
                min_words: self.min_words.max(self.seed_words),
                deadline: std::time::Duration::from_millis(self.deadline_ms.max(1)),
            },
            classify: ClassifyConfig {
                copy_coverage: self.copy_coverage,
                max_copy_edit: self.max_copy_edit,
                min_cut_words: self.min_cut_words.max(1),
            },
            min_evidence_words: self.min_evidence_words.max(1),
            judge_documents: true,
            related_title: self.related_title,
        })
    }
}

/// Parses `512M`, `2G`, `100K` or a plain number of bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 1u64 << 10),
        Some((i, 'M' | 'm')) => (&s[..i], 1 << 20),
        Some((i, 'G' | 'g')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mult))
        .map_err(|_| format!("{s:?} is not a size (e.g. 512M, 2G, 1000)"))
}

impl DedupArgs {
    pub fn config(&self, progress: bool) -> Result<Config, String> {
        if self.bands == 0
            || self.rows == 0
            || self.rows > 16
            || self.bands * self.rows > stemma::fingerprint::MAX_BINS
        {
            return Err(format!(
                "--bands must be at least 1, --rows between 1 and 16, and bands x rows at most {}",
                stemma::fingerprint::MAX_BINS
            ));
        }
        if !(0.0..=1.0).contains(&self.min_jaccard) {
            return Err("--min-jaccard must be between 0 and 1".into());
        }
        if self.hamming > 63 {
            return Err("--hamming must be below 64".into());
        }
        Ok(Config {
            max_file_bytes: self.corpus.max_file_size,
            min_words: self.min_words.max(1),
            level: match self.level {
                LevelArg::Paragraph => Level::Paragraph,
                LevelArg::Sentence => Level::Sentence,
            },
            index: IndexConfig {
                channels: match self.index {
                    ChannelArg::Simhash => Channels::Simhash,
                    ChannelArg::Minhash => Channels::Minhash,
                    ChannelArg::Both => Channels::Both,
                },
                hamming: self.hamming,
                bands: self.bands,
                rows: self.rows,
                min_jaccard: self.min_jaccard,
                max_bucket: self.max_bucket.max(2),
            },
            progress,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("10"), Ok(10));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
