//! Where a reported passage starts and ends: the words the audit matched,
//! with the quotation mark that opens them and the marks that close them
//! (the sentence's full stop, question mark or ellipsis, and the quotation
//! marks or brackets the passage opened), so that a span reads as the writer
//! wrote it: `“Do not keep children indoors.”`, not `Do not keep children
//! indoors`.

use crate::ingest::markup::parse_entity;

/// The character at byte `at` of `text` and where it ends, reading an HTML
/// entity (`&rdquo;`, `&#8221;`) as the character it stands for.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let c = text[at..].chars().next()?;
    if c == '&'
        && let Some((end, decoded)) = parse_entity(text, at)
        && let Some(d) = decoded.chars().next()
    {
        return Some((d, end));
    }
    Some((c, at + c.len_utf8()))
}

/// The kinds of paired marks: double quotes, single quotes, round brackets.
const PAIRS: usize = 3;

/// Could `c` open or close a pair (the cheap test before [`mark`])?
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '«' | '»' | '"' | '‘' | '’' | '\'' | '(' | ')'
    )
}

/// Which pair `c` opens or closes (`Some((pair, opens))`), given the
/// characters around it: a straight quote opens after a space or at the
/// start and before a non-space, and closes otherwise; a right single quote
/// or straight apostrophe between letters is an apostrophe.
fn mark(c: char, before: Option<char>, after: Option<char>) -> Option<(usize, bool)> {
    let spaced = |x: Option<char>| x.is_none_or(|x| x.is_whitespace() || x == '(');
    let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '«' => Some((0, true)),
        '”' | '»' => Some((0, false)),
        '"' => Some((0, spaced(before) && !spaced(after))),
        '‘' => Some((1, true)),
        '’' | '\'' if letter(after) && !spaced(before) => None,
        '’' => Some((1, false)),
        '\'' => Some((1, spaced(before) && letter(after))),
        '(' => Some((2, true)),
        ')' => Some((2, false)),
        _ => None,
    }
}

/// The bytes that may start a mark: quotation marks and brackets, entities,
/// and the lead bytes of the curly and angled marks.
static MAY_MARK: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i as u8, b'"' | b'\'' | b'(' | b')' | b'&' | 0xE2 | 0xC2);
        i += 1;
    }
    t
};

/// For each pair, how many marks `text[start..end]` opens without closing,
/// and how many it closes that it did not open.
fn unmatched(text: &str, start: usize, end: usize) -> [(u32, u32); PAIRS] {
    let mut out = [(0u32, 0u32); PAIRS];
    let bytes = text.as_bytes();
    let mut at = start;
    // Only bytes that may start a mark are looked at.
    while let Some(i) = bytes[at..end].iter().position(|&b| MAY_MARK[b as usize]) {
        at += i;
        let Some((c, next)) = char_at(text, at) else {
            break;
        };
        if is_mark(c) {
            let before = char_before(text, at).map(|(c, _)| c);
            let after = text[next..].chars().next();
            if let Some((pair, opens)) = mark(c, before, after) {
                let (open, closed) = &mut out[pair];
                if opens {
                    *open += 1;
                } else if *open > 0 {
                    *open -= 1;
                } else {
                    *closed += 1;
                }
            }
        }
        at = next;
        if at >= end {
            break;
        }
    }
    out
}

/// Bytes an HTML entity may take (`parse_entity` reads at most 34 to its `;`).
const ENTITY_MAX: usize = 40;

/// The character that ends `text[..at]` and where it starts, reading an
/// HTML entity that ends there as the character it stands for.
fn char_before(text: &str, at: usize) -> Option<(char, usize)> {
    let before = &text[..at];
    let c = before.chars().next_back()?;
    // (An entity is short: look back no further than the longest.)
    let from = (at.saturating_sub(ENTITY_MAX)..at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let entity = text[from..at]
        .rfind('&')
        .map(|i| from + i)
        .filter(|&amp| parse_entity(text, amp).is_some_and(|(end, _)| end == at))
        .and_then(|amp| Some((char_at(text, amp)?.0, amp)));
    Some(entity.unwrap_or((c, at - c.len_utf8())))
}

/// Where tokens `toks` (not empty) of a document analyzed as `a` are
/// reported: from the first one's start to the last one's end, [`widened`]
/// to the marks that open and close them. Every span of a finding, and the
/// pieces of it that provenance reports, are placed by this one rule.
pub fn passage_range(
    text: &str,
    a: &crate::segment::Analysis,
    toks: &std::ops::Range<usize>,
) -> (usize, usize) {
    let (s, _) = a.token_span(toks.start as u32);
    let (_, e) = a.token_span(toks.end as u32 - 1);
    widened(text, s as usize, e as usize)
}

/// The span `start..end` of a passage's words widened to the marks that
/// open and close it: back over the opening quotation marks or bracket right
/// before it whose closing marks the span holds (`I agree,” she said` takes
/// its `“`), and on over sentence punctuation (`.` `!` `?` `…`) and the
/// closing marks of what the span opened, for as long as only such marks
/// follow.
pub fn widened(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    let mut closed = unmatched(text, start, end).map(|(_, c)| c);
    while let Some((c, at)) = char_before(text, s) {
        let before = char_before(text, at).map(|(c, _)| c);
        match mark(c, before, text[s..].chars().next()) {
            Some((pair, true)) if closed[pair] > 0 => closed[pair] -= 1,
            _ => break,
        }
        s = at;
    }
    let mut open = unmatched(text, s, end).map(|(o, _)| o);
    let mut e = end;
    while let Some((c, next)) = char_at(text, e) {
        if !matches!(c, '.' | '!' | '?' | '…') {
            let before = char_before(text, e).map(|(c, _)| c);
            match mark(c, before, text[next..].chars().next()) {
                Some((pair, false)) if open[pair] > 0 => open[pair] -= 1,
                _ => break,
            }
        }
        e = next;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widened span of the passage from `from` to the end of `last`.
    fn widen(text: &str, from: &str, last: &str) -> String {
        let start = text.find(from).unwrap();
        let end = text.find(last).unwrap() + last.len();
        let (s, e) = widened(text, start, end);
        text[s..e].to_string()
    }

    #[test]
    fn a_sentence_takes_its_full_stop_and_the_quotation_marks_it_opened() {
        let t = "She said: “Do not keep children indoors.” Then she left.";
        assert_eq!(
            widen(t, "She", "indoors"),
            "She said: “Do not keep children indoors.”"
        );
        // A quotation's words alone take the full stop, not the marks.
        assert_eq!(widen(t, "Do", "indoors"), "Do not keep children indoors.");
        assert_eq!(widen(t, "Then", "left"), "Then she left.");
    }

    #[test]
    fn a_quotation_running_on_past_its_closing_mark_takes_its_opening_mark() {
        let t = "Then: \"I make no apology,\" she said. \"But I will not pretend.\" x";
        assert_eq!(
            widen(t, "I make", "pretend"),
            "\"I make no apology,\" she said. \"But I will not pretend.\""
        );
        let t = "(&ldquo;Keep it short,&rdquo; she said) and left";
        assert_eq!(
            widen(t, "Keep", "said"),
            "&ldquo;Keep it short,&rdquo; she said"
        );
    }

    #[test]
    fn entities_straight_quotes_and_brackets() {
        let t = "He said &ldquo;not this year&rdquo;. Next, \"a bridge?\" (Or two.) x";
        assert_eq!(
            widen(t, "He", "year"),
            "He said &ldquo;not this year&rdquo;."
        );
        assert_eq!(widen(t, "\"a", "bridge"), "\"a bridge?\"");
        assert_eq!(widen(t, "(Or", "two"), "(Or two.)");
        // A straight quote after an entity for a space opens.
        let t = "insisted that&nbsp;&quot;no library will close&quot;. Next";
        assert_eq!(
            widen(t, "insisted", "close"),
            "insisted that&nbsp;&quot;no library will close&quot;."
        );
    }

    #[test]
    fn marks_inside_a_sentence_and_apostrophes_stay_out() {
        let t = "“It is ours,” she said, “and the town’s.” It’s the dogs’ day";
        assert_eq!(widen(t, "“It", "ours"), "“It is ours");
        assert_eq!(widen(t, "“and", "town"), "“and the town");
        assert_eq!(widen(t, "“and", "town’s"), "“and the town’s.”");
        assert_eq!(widen(t, "It’s", "day"), "It’s the dogs’ day");
        assert_eq!(widen(t, "the dogs", "dogs"), "the dogs");
    }
}
