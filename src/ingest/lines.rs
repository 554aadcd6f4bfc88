//! Plain text and Markdown: paragraphs are separated by blank lines; inside a
//! paragraph, hard-wrapped lines are joined back, while lines that were broken
//! on purpose (headings, list items, short title lines, repeated lines) stay
//! blocks of their own.

use std::ops::Range;

use super::Piece;

/// Hard wrapping is not assumed for lines wider than this: nobody wraps prose
/// at 200 columns, and long lines in a chunk are paragraphs of their own.
pub const MAX_WRAP_WIDTH: usize = 200;

/// A line: byte range without its line ending.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

/// Splits `range` of `text` into block ranges (see the module docs).
pub fn blocks(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut chunk: Vec<Line> = Vec::new();
    let mut pos = range.start;
    for raw in text[range.clone()].split_inclusive('\n') {
        let mut kept = raw.len();
        while kept > 0 && matches!(raw.as_bytes()[kept - 1], b'\n' | b'\r') {
            kept -= 1;
        }
        let line_end = pos + kept;
        let line = Line {
            start: pos,
            end: line_end,
        };
        pos += raw.len();
        if text[line.start..line.end].trim().is_empty() {
            split_chunk(text, &chunk, &mut out);
            chunk.clear();
        } else {
            chunk.push(line);
        }
    }
    split_chunk(text, &chunk, &mut out);
    out
}

fn split_chunk(text: &str, lines: &[Line], out: &mut Vec<Range<usize>>) {
    let Some(first) = lines.first() else { return };
    if lines.len() == 1 {
        out.push(first.start..first.end);
        return;
    }
    // Each line trimmed and measured once.
    let t: Vec<(&str, usize)> = lines
        .iter()
        .map(|l| {
            let s = text[l.start..l.end].trim();
            (s, char_len(s))
        })
        .collect();
    let width = t.iter().map(|x| x.1).max().unwrap_or(0);
    let repeated = repeated_lines(&t);
    let mut start = first.start;
    for k in 1..lines.len() {
        let (a, b) = (t[k - 1], t[k]);
        if !is_wrap(a, b.0, width) || repeated[k - 1] || repeated[k] {
            out.push(start..lines[k - 1].end);
            start = lines[k].start;
        }
    }
    out.push(start..lines[lines.len() - 1].end);
}

/// Which of the (trimmed) lines occur more than once in the chunk. Lines of
/// a chunk are few: they are compared directly, lengths first, without
/// building a table; long chunks use one.
fn repeated_lines(t: &[(&str, usize)]) -> Vec<bool> {
    let mut rep = vec![false; t.len()];
    if t.len() <= 32 {
        for i in 0..t.len() {
            for j in i + 1..t.len() {
                if t[i].0.len() == t[j].0.len() && t[i].0 == t[j].0 {
                    rep[i] = true;
                    rep[j] = true;
                }
            }
        }
        return rep;
    }
    let mut counts: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    for x in t {
        *counts.entry(x.0).or_default() += 1;
    }
    for (r, x) in rep.iter_mut().zip(t) {
        *r = counts[x.0] > 1;
    }
    rep
}

/// Was the break between lines `a` and `b` made by wrapping? It was if the
/// first word of `b` would not have fitted on `a` within the chunk's width,
/// and neither line is Markdown block structure.
/// (`a` comes with its length in characters.)
fn is_wrap((a, a_len): (&str, usize), b: &str, width: usize) -> bool {
    // A Markdown block quotation: its `>` lines are one paragraph (a `>`
    // line with nothing else separates two); a line without `>` after
    // one is not part of it.
    fn quoted(l: &str) -> Option<&str> {
        l.strip_prefix('>').map(str::trim)
    }
    if quoted(a).is_some() || quoted(b).is_some() {
        return quoted(a).is_some_and(|t| !t.is_empty())
            && quoted(b).is_some_and(|t| !t.is_empty());
    }
    if width > MAX_WRAP_WIDTH || starts_block(b) || starts_block(a) && a.starts_with('#') {
        return false;
    }
    if a.starts_with('|') || a.ends_with("  ") {
        return false;
    }
    if broken_word(a, b) || runs_on(a, b) {
        return true;
    }
    let first_word = b.split_whitespace().next().unwrap_or("");
    a_len + 1 + char_len(first_word) > width
}

/// Does the sentence of (trimmed) line `a` run on into line `b`: `a` ends
/// on a word or a comma, not a sentence's or a clause's end, and `b` starts
/// in lower case? Then the break is a wrap whatever the line lengths (a
/// paragraph's last line may be its longest: the width says nothing).
fn runs_on(a: &str, b: &str) -> bool {
    let ends = a
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '…'));
    !ends && b.chars().next().is_some_and(char::is_lowercase)
}

/// Does (trimmed) line `a` end in a word broken by a hyphen that (trimmed)
/// line `b` continues: "na-" then "tional"? (A letter before the hyphen,
/// a lower-case letter after the break.)
fn broken_word(a: &str, b: &str) -> bool {
    let mut end = a.chars().rev();
    end.next() == Some('-')
        && end.next().is_some_and(char::is_alphabetic)
        && b.chars().next().is_some_and(char::is_lowercase)
}

/// Joins the words that hard wrapping broke with a hyphen ("na-\ntional"):
/// the hyphen, the line break and the next line's indent become a piece
/// that reads as nothing, so that the word is matched whole while its
/// bytes, hyphen and break included, stay what the report shows. A
/// compound broken at its own hyphen ("well-\nknown") reads closed up,
/// which matching takes for the same words (`classify::same_words`).
pub fn join_broken_words(text: &str, pieces: &mut Vec<Piece>) {
    let range = |p: &Piece| p.start as usize..p.end as usize;
    if pieces
        .iter()
        .all(|p| p.repl.is_some() || breaks(text, range(p)).is_empty())
    {
        return;
    }
    let mut out = Vec::with_capacity(pieces.len() + 2);
    for p in pieces.drain(..) {
        if p.repl.is_some() {
            out.push(p);
            continue;
        }
        let (mut from, end) = (p.start as usize, p.end as usize);
        for (cut, next, reads) in breaks(text, range(&p)) {
            out.push(Piece::verbatim(from, cut));
            out.push(Piece::replaced(cut, next, reads.to_string()));
            from = next;
        }
        out.push(Piece::verbatim(from, end));
    }
    *pieces = out;
}

/// The hyphenated line breaks inside `range`: from each hyphen to the first
/// letter of the next line, and what that stretch reads as (nothing, or the
/// hyphen of a number word).
fn breaks(text: &str, range: Range<usize>) -> Vec<(usize, usize, &'static str)> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    for (i, _) in s.match_indices('-') {
        let line_end =
            i + 1 + s[i + 1..].len() - s[i + 1..].trim_start_matches([' ', '\t', '\r']).len();
        if !s[line_end..].starts_with('\n') {
            continue;
        }
        let rest = s[line_end + 1..].trim_start_matches([' ', '\t']);
        let next = s.len() - rest.len();
        let before = s[..i].chars().next_back();
        if before.is_some_and(char::is_alphabetic)
            && rest.chars().next().is_some_and(char::is_lowercase)
        {
            let reads = if number_words(&s[..i], rest) { "-" } else { "" };
            out.push((range.start + i, range.start + next, reads));
        }
    }
    out
}

/// Are the words before a hyphen (`head` ends there) and after the break
/// (`rest` starts there) a tens word and a units word, "twenty-" / "three"?
/// Such a hyphen belongs to the number, which reads as one only with it
/// ("twenty-three" is 23): the break alone reads as nothing.
fn number_words(head: &str, rest: &str) -> bool {
    let before = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let after = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    crate::normalize::TENS.contains(&before.as_str()) && crate::normalize::unit_word(&after)
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Markdown block starts: headings, list items, quotes, rules, tables, fences.
pub(super) fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('#') || t.starts_with('>') || t.starts_with('|') || t.starts_with("```") {
        return true;
    }
    if let Some(rest) = t.strip_prefix(['-', '*', '+', '•']) {
        return rest.starts_with(' ') || rest.is_empty();
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits < 4
        && t[digits..].starts_with(['.', ')'])
        && t[digits + 1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        blocks(t, 0..t.len()).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let t = "MI5 Director\nGeneral Ken\nMcCallum\ntoday gave\nhis latest.\n\nNext para.";
        assert_eq!(
            texts(t),
            [
                "MI5 Director\nGeneral Ken\nMcCallum\ntoday gave\nhis latest.",
                "Next para."
            ]
        );
    }

    #[test]
    fn deliberate_breaks_are_kept() {
        let t = "A title line\nA long paragraph that follows the title and runs on well past its width.\n# Heading\n- item one\n- item two";
        assert_eq!(
            texts(t),
            [
                "A title line",
                "A long paragraph that follows the title and runs on well past its width.",
                "# Heading",
                "- item one",
                "- item two"
            ]
        );
    }

    #[test]
    fn repeated_lines_stay_apart() {
        let t = "same line of text here\nsame line of text here\nsame line of text here";
        assert_eq!(texts(t).len(), 3);
    }

    #[test]
    fn a_line_ending_in_a_broken_word_is_wrapped() {
        // The second line is short, but its hyphen says it was wrapped.
        let t = "A paragraph of text whose lines were wrapped at forty\ncolumns and a broken na-\ntional word.";
        assert_eq!(texts(t).len(), 1);
        // A capital after the break, or a space before the hyphen: no.
        assert_eq!(
            texts("A long first line of some text here\nshort line -\nNext one"),
            [
                "A long first line of some text here\nshort line -",
                "Next one"
            ]
        );
    }

    #[test]
    fn a_sentence_running_on_into_a_lower_case_line_is_wrapped() {
        // The last line is the longest: the width alone would cut each line.
        let t = "The Hansa was never a state, and for most of its history\nit was not a formal league with a treaty, a treasury\nor a standing army of its own. It was instead a loose community of merchants.";
        assert_eq!(texts(t).len(), 1);
        // A sentence's end, or a capital after the break, keeps it.
        assert_eq!(
            texts("A short line.\nthen a long line that goes on and on and on").len(),
            2
        );
        assert_eq!(
            texts("A short line\nThen a long line that goes on and on and on").len(),
            2
        );
    }

    fn pieces(t: &str) -> Vec<(&str, Option<String>)> {
        let mut p = vec![Piece::verbatim(0, t.len())];
        join_broken_words(t, &mut p);
        p.iter()
            .map(|p| {
                (
                    &t[p.start as usize..p.end as usize],
                    p.repl.as_deref().map(String::from),
                )
            })
            .collect()
    }

    #[test]
    fn broken_words_are_joined_by_a_piece_that_reads_as_nothing() {
        assert_eq!(
            pieces("na-\r\n  tional se-\ncurity"),
            [
                ("na", None),
                ("-\r\n  ", Some(String::new())),
                ("tional se", None),
                ("-\n", Some(String::new())),
                ("curity", None)
            ]
        );
        // A number word keeps its hyphen: "twenty-three" is one number.
        assert_eq!(
            pieces("Twenty-\nthree"),
            [
                ("Twenty", None),
                ("-\n", Some("-".to_string())),
                ("three", None)
            ]
        );
        for kept in [
            "anti-\nAmerican",
            "well - \nknown",
            "one-two",
            "end-\n",
            "-\nx",
            "13-\nfold",
        ] {
            assert_eq!(pieces(kept), [(kept, None)]);
        }
    }

    #[test]
    fn crlf_lines() {
        let t = "one two\r\nthree\r\n\r\nfour";
        assert_eq!(texts(t), ["one two\r\nthree", "four"]);
    }
}
