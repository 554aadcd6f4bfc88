//! Benchmarks on a generated corpus (`STEMMA_BENCH_MB`, default 100 MB,
//! produced deterministically by `support`): fingerprinting (ingest, lex,
//! segment, hashes) on 1 and 2 threads, our simhash against the `simhash`
//! crate, candidate search and clustering, and the whole `dedup` pipeline.
//!
//!     cargo bench --bench pipeline
//!     STEMMA_BENCH_MB=10 cargo bench --bench pipeline -- fingerprint

mod support;

use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use stemma::corpus::{self, InputFile};
use stemma::fingerprint;
use stemma::normalize::Lexer;
use stemma::pipeline::{self, Config};
use stemma::{dedup, source};

fn input(i: usize) -> InputFile {
    InputFile::new(format!("doc{i}.txt"), &format!("doc{i}.txt"))
}

/// Ingest, lex, segment and fingerprint in-memory documents (no file I/O).
fn fingerprint_docs(docs: &[String], cfg: &Config) -> usize {
    docs.par_iter()
        .enumerate()
        .map_init(Lexer::default, |lexer, (i, d)| {
            let inp = input(i);
            let file = source::decode(&inp.path, &inp.rel, d.as_bytes().to_vec())
                .expect("generated text decodes");
            let mut warnings = Vec::new();
            let mut sh = Vec::new();
            let mut sig = vec![0u32; cfg.index.bands * cfg.index.rows];
            let mut n = 0;
            for (_, a) in pipeline::analyze_file(&inp, Arc::new(file), lexer, false, &mut warnings)
            {
                for p in a.paragraphs() {
                    let toks = &a.tokens[p.toks.start as usize..p.toks.end as usize];
                    fingerprint::shingles(toks, &mut sh);
                    n += fingerprint::simhash(&sh).count_ones() as usize;
                    fingerprint::minhash(&sh, &mut sig);
                }
            }
            n
        })
        .sum()
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

fn benches(c: &mut Criterion) {
    let mb = support::bench_mb();
    let docs = support::documents(mb);
    let bytes: usize = docs.iter().map(String::len).sum();
    let cfg = Config::default();

    let mut g = c.benchmark_group("fingerprint");
    g.sample_size(10)
        .throughput(Throughput::Bytes(bytes as u64));
    for threads in [1, 2] {
        let p = pool(threads);
        g.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, _| {
            b.iter(|| p.install(|| fingerprint_docs(&docs, &cfg)))
        });
    }
    g.finish();

    // Simhash of word 3-shingles: ours (xxh3 shingles) against the `simhash`
    // crate (std-hashed unigrams over the same text).
    let paras: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.split("\n\n"))
        .take(20_000)
        .collect();
    let pbytes: usize = paras.iter().map(|p| p.len()).sum();
    let mut g = c.benchmark_group("simhash");
    g.sample_size(10)
        .throughput(Throughput::Bytes(pbytes as u64));
    g.bench_function("stemma-xxh3-3shingles", |b| {
        let mut sh = Vec::new();
        b.iter(|| {
            paras
                .iter()
                .map(|p| {
                    let toks: Vec<u64> = stemma::normalize::lex_str(p)
                        .iter()
                        .filter(|l| l.is_token())
                        .map(|l| l.hash)
                        .collect();
                    fingerprint::shingles(&toks, &mut sh);
                    fingerprint::simhash(&sh)
                })
                .fold(0u64, |a, h| a ^ h)
        })
    });
    let shingled: Vec<Vec<u64>> = paras
        .iter()
        .map(|p| {
            let toks: Vec<u64> = stemma::normalize::lex_str(p)
                .iter()
                .filter(|l| l.is_token())
                .map(|l| l.hash)
                .collect();
            let mut sh = Vec::new();
            fingerprint::shingles(&toks, &mut sh);
            sh
        })
        .collect();
    g.bench_function("lex-only", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| stemma::normalize::lex_str(p).len())
                .sum::<usize>()
        })
    });
    g.bench_function("simhash-only", |b| {
        b.iter(|| {
            shingled
                .iter()
                .map(|sh| fingerprint::simhash(sh))
                .fold(0u64, |a, h| a ^ h)
        })
    });
    g.bench_function("minhash-only", |b| {
        let mut sig = vec![0u32; cfg.index.bands * cfg.index.rows];
        b.iter(|| {
            shingled
                .iter()
                .map(|sh| {
                    fingerprint::minhash(sh, &mut sig);
                    sig[0]
                })
                .fold(0u32, |a, h| a ^ h)
        })
    });
    g.bench_function("simhash-crate", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| simhash::simhash(p))
                .fold(0u64, |a, h| a ^ h)
        })
    });
    g.finish();

    // Candidate search and clustering over an already fingerprinted corpus.
    let dir = support::corpus_dir(mb);
    let fp = pipeline::fingerprint_corpus(
        corpus::resolve(std::slice::from_ref(&dir), &[]).expect("no manifest"),
        &cfg,
    );
    let mut g = c.benchmark_group("search");
    g.sample_size(10)
        .throughput(Throughput::Bytes(fp.stats.bytes as u64));
    g.bench_function("index+cluster", |b| {
        b.iter(|| dedup::find(&fp, &cfg).0.len())
    });
    g.finish();

    // The whole `stemma dedup` minus printing: read files, fingerprint, search.
    let mut g = c.benchmark_group("dedup");
    g.sample_size(10)
        .throughput(Throughput::Bytes(fp.stats.bytes as u64));
    for threads in [1, 2] {
        let p = pool(threads);
        g.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, _| {
            b.iter(|| {
                p.install(|| {
                    let inputs =
                        corpus::resolve(std::slice::from_ref(&dir), &[]).expect("no manifest");
                    let fp = pipeline::fingerprint_corpus(inputs, &cfg);
                    dedup::find(&fp, &cfg).0.len()
                })
            })
        });
    }
    g.finish();
}

/// The whole audit (read, analyze, align, classify, report records) on a
/// generated corpus with planted reuse of every kind.
fn audit_benches(c: &mut Criterion) {
    let mb = support::bench_mb();
    let dir = support::audit::audit_corpus_dir(mb);
    let inputs = || corpus::resolve(std::slice::from_ref(&dir), &[]).expect("manifest is valid");
    let bytes: u64 = inputs()
        .files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0))
        .sum();
    let cfg = Config::default();
    let acfg = stemma::audit::AuditConfig::default();
    let mut g = c.benchmark_group("audit");
    g.sample_size(10).throughput(Throughput::Bytes(bytes));
    for threads in [1, 2] {
        let p = pool(threads);
        g.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, _| {
            b.iter(|| {
                p.install(|| {
                    pipeline::audit_corpus(inputs(), &cfg, &acfg, false, &|_| true)
                        .findings
                        .len()
                })
            })
        });
    }
    g.finish();
}

criterion_group!(pipeline_benches, benches, audit_benches);
criterion_main!(pipeline_benches);
