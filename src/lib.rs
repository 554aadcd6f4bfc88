//! stemma audits secondary text (news, feeds, summaries) against its primary
//! sources (speeches as delivered), passage by passage, with exact positions.
//!
//! The pipeline, one module per stage (data flows one way):
//!
//! * [`corpus`]: which files to read and what each one is (manifest, roles);
//! * [`source`]: reading files safely (limits, binary, encodings, offsets);
//! * [`ingest`]: files into documents of visible-text blocks (HTML, Markdown,
//!   feed dumps split into items, hard wraps joined, boilerplate marked);
//! * [`normalize`]: blocks into lexemes with matching forms and byte ranges;
//! * [`segment`]: lexemes into paragraphs, sentences and quotations;
//! * [`fingerprint`]: xxh3 exact hashes, simhash, MinHash signatures;
//! * [`index`]: candidate pairs without all-pairs (simhash tables, LSH bands,
//!   winnowed shingle postings);
//! * [`dedup`]: duplicate clusters;
//! * [`align`], [`classify`], [`audit`]: secondary passages aligned to the
//!   primaries, diffed word by word and classified;
//! * [`provenance`]: who draws on which source, and who copied whom;
//! * [`check`]: the CI gate (levels, baseline, SARIF and other formats);
//! * [`store`]: the persistent index of fingerprints;
//! * [`report`]: terminal, JSON, DOT and Mermaid output;
//! * [`pipeline`]: wires the stages, owns parallelism and progress.
//!
//! The command line (`src/bin/stemma/`) turns flags into a
//! [`pipeline::Config`]; the library never sees clap types.

pub mod align;
pub mod audit;
pub mod check;
pub mod classify;
pub mod corpus;
pub mod dedup;
pub mod fingerprint;
pub mod index;
pub mod ingest;
pub mod normalize;
pub mod pipeline;
pub mod provenance;
pub mod report;
pub mod segment;
pub mod source;
pub mod stats;
pub mod store;
