//! Integration tests: one binary (faster to link), one module per topic.

mod attribution;
mod audit;
mod audit_props;
mod bad_input;
mod ceilings;
mod check;
mod dedup;
mod editions;
mod extraction;
mod feeds;
mod figures;
mod golden;
mod misread;
mod needless;
mod offsets;
mod provenance;
mod quote_bounds;
mod quotes;
mod relayed;
mod reordered;
mod reported;
mod reworded;
mod tails;
mod times;
mod transcripts;
mod util;
