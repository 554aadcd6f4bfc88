//! Property: for arbitrary input, every block piece, lexeme and passage maps
//! back to a valid byte range of the original file, and re-reading a token's
//! original bytes gives the same token.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use stemma::corpus::{Format, InputFile};
use stemma::ingest::{lines, markup};
use stemma::normalize::{Lexeme, Lexer};
use stemma::pipeline::analyze_file;
use stemma::source::decode;

fn input(format: Option<Format>) -> InputFile {
    InputFile {
        format,
        ..InputFile::new("t.txt", "t.txt")
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,8}",
        "[0-9]{1,4}(,[0-9]{3})?%?",
        Just(" ".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("&nbsp;".to_string()),
        Just("&rsquo;".to_string()),
        Just("&amp;".to_string()),
        Just("&#8220;".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<b>".to_string()),
        Just("<br/>".to_string()),
        Just("é".to_string()),
        Just("—".to_string()),
        Just("“".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("日本".to_string()),
        Just("🙂".to_string()),
        Just(". ".to_string()),
        Just("per cent".to_string()),
        Just("twenty-one".to_string()),
        Just("[link](https://x.org/a)".to_string()),
        Just("# ".to_string()),
        Just("<".to_string()),
        Just("&".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{ad}".to_string()),
        Just("-\n".to_string()),
        Just("ﬁ".to_string()),
        Just("１".to_string()),
    ]
}

fn check(text: &str, format: Option<Format>) -> Result<(), TestCaseError> {
    let Ok(file) = decode(Path::new("t.txt"), "t.txt", text.as_bytes().to_vec()) else {
        return Ok(());
    };
    let file = Arc::new(file);
    let t = file.text.as_str();
    let mut lexer = Lexer::default();
    let mut warnings = Vec::new();
    for (doc, a) in analyze_file(
        &input(format),
        file.clone(),
        &mut lexer,
        true,
        &mut warnings,
    ) {
        for b in &doc.blocks {
            prop_assert!(b.start <= b.end && b.end as usize <= t.len());
            for p in &b.pieces {
                prop_assert!(t.get(p.start as usize..p.end as usize).is_some());
            }
        }
        let mut prev = None;
        for l in &a.lexemes {
            let orig = t.get(l.start as usize..l.end as usize);
            prop_assert!(orig.is_some(), "lexeme {}..{} in {:?}", l.start, l.end, t);
            if l.is_token() {
                // Re-read the original bytes of the token: same matching form.
                let mut blocks = Vec::new();
                markup::scan(t, l.start as usize..l.end as usize, true, &mut blocks);
                // (Except the second part of a word read as two, "'m" of
                // "I'm" or "k" of "1k", which stands for its expansion only
                // after its first part: a token right after another, in the
                // same whitespace-delimited chunk.)
                let joined = |p: &Lexeme| p.is_token() && !l.space_before;
                if prev.is_some_and(joined) {
                    prev = Some(l);
                    continue;
                }
                let mut again = Vec::new();
                for b in &mut blocks {
                    lines::join_broken_words(t, &mut b.pieces);
                    lexer.lex_block(t, &b.pieces, &mut again);
                }
                let first = again.iter().find(|x| x.is_token()).map(|x| x.hash);
                prop_assert_eq!(first, Some(l.hash), "token {:?} in {:?}", orig, t);
            }
            prev = Some(l);
        }
        for p in &a.passages {
            prop_assert!(p.start < p.end);
            prop_assert!(t.get(p.start as usize..p.end as usize).is_some());
            prop_assert!(p.start as usize >= doc.range.start && p.end as usize <= doc.range.end);
        }
    }
    // File offsets of every position are in the file.
    prop_assert_eq!(file.file_offset(t.len()), text.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_map_back_to_the_original(parts in prop::collection::vec(fragment(), 0..60)) {
        let text: String = parts.concat();
        check(&text, None)?;
        check(&text, Some(Format::Html))?;
        check(&text, Some(Format::Text))?;
    }
}
