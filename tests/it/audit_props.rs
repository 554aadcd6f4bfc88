//! Property: the audit never panics on arbitrary text, and every span it
//! reports is valid bytes of the original.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use stemma::audit::{AuditConfig, Loaded, SourceSet, audit};
use stemma::corpus::{InputFile, Role};
use stemma::normalize::Lexer;
use stemma::pipeline::analyze_file;
use stemma::report::audit::records;
use stemma::source::decode;

const WORDS: &[&str] = &[
    "the",
    "police",
    "have",
    "disrupted",
    "43",
    "thirteen",
    "per",
    "cent",
    "13%",
    "not",
    "never",
    "“",
    "”",
    "\"",
    "'",
    "…",
    "...",
    "said:",
    "MI5",
    "attack",
    "plots",
    "since",
    "March",
    "2017,",
    "<p>",
    "</p>",
    "&nbsp;",
    "\n\n",
    "\n",
    "—",
    "twenty-five",
    "don’t",
    "(https://x.org)",
    "é",
    "日本",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..80).prop_map(|w| w.join(" "))
}

fn analyzed(text: &str, role: Role) -> Vec<(stemma::ingest::Document, stemma::segment::Analysis)> {
    let Ok(file) = decode(Path::new("x.txt"), "x.txt", text.as_bytes().to_vec()) else {
        return Vec::new();
    };
    let input = InputFile {
        role,
        ..InputFile::new("x.txt", "x.txt")
    };
    analyze_file(
        &input,
        Arc::new(file),
        &mut Lexer::default(),
        true,
        &mut Vec::new(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn audit_is_total_and_spans_are_valid(src in text(), sec in text()) {
        let primaries = analyzed(&src, Role::Primary);
        let secondaries = analyzed(&sec, Role::Secondary);
        let cfg = AuditConfig::default();
        let set = SourceSet::build(&primaries, &cfg);
        let mut loaded = Loaded { docs: primaries.iter().collect(), primaries: primaries.len() };
        loaded.docs.extend(secondaries.iter());
        let result = audit(&loaded, &set, &cfg);
        let (findings, _) = records(&loaded, &result, true);
        for f in &findings {
            for (span, text) in [(Some(&f.secondary), &sec), (f.source.as_ref(), &src)] {
                if let Some(s) = span {
                    prop_assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
                }
            }
        }
    }
}
