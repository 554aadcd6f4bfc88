//! The condition a passage placed by its content leaves out: a proviso
//! of the source sentence it retells (not of a neighbouring sentence, nor
//! of a clause it does not take up).

use std::ops::Range;

use super::condition::{clause_end, condition_at};
use super::cut::echoed;
use super::{Side, edges};

/// The condition of source range `window` that `passage`, placed there
/// by its content (a retelling: no diff pairs its words), leaves out: an
/// exception or a proviso ("unless your vehicle is being held as
/// evidence", "provided that ...", "as long as ..."; not a plain "if",
/// which a retelling often turns into words of its own) whose words the
/// passage does not echo, where the passage opens no such clause itself.
pub(super) fn condition_left_out(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    window: &Range<usize>,
) -> Option<Range<usize>> {
    let if_ = crate::normalize::form_hash("if");
    let proviso = |side: Side<'_>, t: usize, end: usize| {
        condition_at(side, t, end) && side.lexeme(t).hash != if_
    };
    // The writer's own "if" keeps a condition ("… a year early – if allies
    // do their part"), unless it asks or compares ("asked if", "as if",
    // "even if") or the source has an "if" of its own there.
    static NOT_IF: std::sync::LazyLock<[u64; 6]> = std::sync::LazyLock::new(|| {
        ["as", "even", "asked", "asks", "ask", "wondered"].map(crate::normalize::form_hash)
    });
    let (sources_if, not_if) = (window.clone().any(|t| src.lexeme(t).hash == if_), &*NOT_IF);
    let writers_if = |t: usize| {
        if sources_if {
            return false;
        }
        sec.lexeme(t).hash == if_
            && (t == passage.start || !not_if.contains(&sec.lexeme(t - 1).hash))
    };
    if passage
        .clone()
        .any(|t| proviso(sec, t, passage.end) || writers_if(t))
    {
        return None;
    }
    let start = window.clone().find(|&t| proviso(src, t, window.end))?;
    let sentence = edges::sentence_of(&src, start)?;
    let condition = start..clause_end(src, start, &sentence).min(window.end);
    (!echoed(sec, passage, src, &condition)
        && drawn_from(sec, passage, src, window, &sentence)
        && attached(sec, passage, src, &sentence, start))
    .then_some(condition)
}

/// Words that open a clause of their own after a comma ("…, so that
/// description is broadly consistent …").
static CLAUSE_OPENERS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    ["so", "and", "but", "which", "while", "whereas", "although"]
        .map(crate::normalize::form_hash)
        .to_vec()
});

/// Is the clause a condition at source token `start` closes (back to the
/// clause boundary before it: a semicolon, a colon, or a comma and "so",
/// "and", "but" …) one the passage draws on? Not where the passage shares
/// at most one content word with it and more with the clauses before:
/// "Net migration has fallen to 318,000" takes the first clause of "Net
/// migration has fallen … to 318,000, so that description is broadly
/// consistent with our figures, provided you are comparing with the revised
/// peak", not the one the proviso qualifies.
fn attached(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    sentence: &Range<usize>,
    start: usize,
) -> bool {
    let boundary = (sentence.start + 1..start).rev().find(|&t| {
        let gap = src.gap_after(t - 1, sentence);
        gap.contains([';', ':'])
            || (gap.contains(',') && CLAUSE_OPENERS.contains(&src.lexeme(t).hash))
    });
    let Some(b) = boundary else {
        return true;
    };
    let mine = content_set(&sec, passage.clone());
    let shared = |r: Range<usize>| shared_with(&mine, &src, r);
    let own = shared(b..start);
    own > 1 || shared(sentence.start..b) <= own
}

/// The content words (four letters or more, or numbers) of tokens `r`,
/// sorted, once each.
fn content_set(side: &Side<'_>, r: Range<usize>) -> Vec<u64> {
    let mut words: Vec<u64> = r
        .filter_map(|t| {
            let l = side.lexeme(t);
            (l.end - l.start >= 4 || l.kind == crate::normalize::LexKind::Number).then_some(l.hash)
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How many content words of tokens `r` of `side` are in `mine` (sorted).
fn shared_with(mine: &[u64], side: &Side<'_>, r: Range<usize>) -> usize {
    content_set(side, r)
        .iter()
        .filter(|h| mine.binary_search(h).is_ok())
        .count()
}

/// Is `sentence` of the source window one the passage draws on most: no
/// other sentence of the window shares more of its content words? (A
/// passage placed over two source sentences may retell the second alone:
/// the first's condition is none it dropped.)
fn drawn_from(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    window: &Range<usize>,
    sentence: &Range<usize>,
) -> bool {
    if sentence.start <= window.start && window.end <= sentence.end {
        return true;
    }
    let mine = content_set(&sec, passage.clone());
    let shared = |r: Range<usize>| shared_with(&mine, &src, r);
    let own = shared(sentence.clone());
    let mut t = window.start;
    while t < window.end {
        let Some(other) = edges::sentence_of(&src, t) else {
            break;
        };
        if other != *sentence && shared(other.clone()) > own {
            return false;
        }
        t = other.end.max(t + 1);
    }
    true
}
