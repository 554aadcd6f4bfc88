//! Sentences shaped like a source's that state other facts: other figures
//! throughout, or a figure about another place ("At Riverside Hospital,
//! 4,312 patients have waited more than a year" against "190,000 patients
//! have now waited longer than a year"). Such a sentence is no copy of the
//! source, and its figures are no changes of the source's.

use std::ops::Range;
use std::sync::LazyLock;

use super::{Side, edges, moved, quantity};
use crate::align::{Alignment, Tag};
use crate::normalize::LexKind;
use crate::normalize::form_hash;

/// Are the figures of a passage that changes one, those its aligned
/// sentences do not state (two or more), all stated together in one other
/// source sentence near its alignment?
/// Then the passage is that sentence's, aligned by the words the two share
/// ("31% lower risk ... (hazard ratio 0.69; 95% CI 0.58-0.82)" against the
/// next sentence's "46 per cent lower ... (hazard ratio 0.54 ..."), and its
/// figure is no change. (A passage's only figure taken from a neighbouring
/// sentence is still the classic error of the wrong figure.)
pub(super) fn figures_of_another_sentence(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
) -> bool {
    const NEAR: usize = 60;
    // The passage's figures that the sentences it aligns to do not state.
    let aligned = quantity::items(&src, &sentence_bounds(src, al.src.clone()));
    let mine: Vec<quantity::Item> = quantity::items(&sec, passage)
        .into_iter()
        .filter(|y| y.value.is_some())
        .filter(|y| {
            !aligned
                .iter()
                .any(|z| z.value.is_some() && !quantity::differ(&src, z, &sec, y))
        })
        .collect();
    if mine.len() < 2 {
        return false;
    }
    let near = al.src.start.saturating_sub(NEAR)..(al.src.end + NEAR).min(src.a.tokens.len());
    let mut t = near.start;
    while t < near.end {
        let Some(s) = edges::sentence_of(&src, t) else {
            t += 1;
            continue;
        };
        if s.end <= al.src.start || s.start >= al.src.end {
            // Each figure stated by a figure of its own there.
            let mut theirs = quantity::items(&src, &s);
            let all = mine.iter().all(|y| {
                let at = theirs
                    .iter()
                    .position(|z| z.value.is_some() && !quantity::differ(&src, z, &sec, y));
                at.map(|i| theirs.remove(i)).is_some()
            });
            if all {
                return true;
            }
        }
        t = s.end.max(t + 1);
    }
    false
}

/// Does the passage state other figures than its aligned source? True when
/// the passage holds at least two numbers, the source sentences it aligns
/// to hold at least one, and no number is common to both (nor half of
/// either side's misread from the other's, below): the same sentence
/// shape about other facts ("Since the start of 2020, ... 19 plots" against
/// "Since March 2017, ... 43 plots") is not a copy of the source. Numbers
/// are compared by value ("200,000" is "two hundred thousand"), and one
/// misread from another counts as the same ("$3.1 million" for "$3.1
/// billion" is an error in the copy, not another fact).
pub fn other_figures(sec: Side<'_>, passage: &Range<usize>, src: Side<'_>, al: &Alignment) -> bool {
    let mine = quantity::amounts(&sec, passage);
    if mine.len() < 2 {
        return false;
    }
    let around = sentence_bounds(src, al.src.clone());
    let theirs = quantity::amounts(&src, &around);
    // (A figure misread from one of the source's counts for one only: of
    // five figures against nine, "61.2" against "21.6" alone does not make
    // a copy; against the source's one figure, it does.)
    let same = mine.iter().any(|n| theirs.contains(n));
    let misread = mine
        .iter()
        .filter(|n| theirs.iter().any(|t| kin(n, t)))
        .count();
    !theirs.is_empty()
        && !same
        && 2 * misread < mine.len().min(theirs.len())
        && !figures_alone_changed(sec, passage, src, al)
}

/// Least words a copy whose figures alone changed keeps as they are.
const COPIED_WORDS: usize = 6;

/// Is the passage a copy of its source whose only edits replace figures
/// with figures ("Revenue rose 19% to $1.5 billion, driven by ..." for
/// "rose 22% to $1.8 billion, driven by ...")? That is the source's claim
/// with its figures wrong, not the same shape about other facts, unless a
/// year changed with them ("in 2024" for "in 2025": last year's figures).
fn figures_alone_changed(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
) -> bool {
    let Some(first) = al.ops.iter().position(|o| o.tag == Tag::Equal) else {
        return false;
    };
    let last = al
        .ops
        .iter()
        .rposition(|o| o.tag == Tag::Equal)
        .unwrap_or(first);
    let core = &al.ops[first..=last];
    let figure = |side: &Side<'_>, t: usize| {
        let l = side.lexeme(t);
        let text = &side.text[l.start as usize..l.end as usize];
        let year = text.len() == 4
            && text.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&text.parse::<u32>().unwrap_or(0));
        (l.kind == LexKind::Number && !year) || quantity::is_unit_word(l.hash)
    };
    let copied: usize = core
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| o.sec.len())
        .sum();
    copied >= COPIED_WORDS
        && core.iter().any(|o| o.tag == Tag::Replace)
        && core.iter().filter(|o| o.tag != Tag::Equal).all(|o| {
            o.tag == Tag::Replace
                && o.src.clone().all(|t| figure(&src, t))
                && o.sec.clone().all(|t| figure(&sec, passage.start + t))
        })
}

/// The same figure, or one misread from the other (digits in another order,
/// another scale word: "$3.1 million" for "$3.1 billion").
fn kin(a: &quantity::Amount, b: &quantity::Amount) -> bool {
    match (a, b) {
        (quantity::Amount::Value(x), quantity::Amount::Value(y)) => a == b || moved::alike(*x, *y),
        _ => a == b,
    }
}

/// Does the passage open on a place the source never names ("At Riverside
/// Hospital," "In Northfield,") and give figures none of which its aligned
/// source sentences hold? The figures are that place's, not changes of the
/// source's. A place the source names, or a month or weekday ("In March,"),
/// does not count: there a changed figure is one.
pub fn other_scope(sec: Side<'_>, passage: &Range<usize>, src: Side<'_>, al: &Alignment) -> bool {
    let names = scope_names(sec, passage);
    if names.is_empty() || names.iter().all(|h| src.a.tokens.contains(h)) {
        return false;
    }
    let mine = quantity::amounts(&sec, passage);
    let around = sentence_bounds(src, al.src.clone());
    let theirs = quantity::amounts(&src, &around);
    !mine.is_empty() && !theirs.is_empty() && !mine.iter().any(|n| theirs.contains(n))
}

/// Longest scope phrase read, in words after its preposition.
const SCOPE_WORDS: usize = 5;

/// The capitalized words (their forms) of a place phrase opening the
/// passage, a preposition of place and then capitalized words, "the" or
/// "of" among them, up to a comma: "At Riverside Hospital," "In the Vale
/// of Ardle,". Months and weekdays are none.
fn scope_names(sec: Side<'_>, passage: &Range<usize>) -> Vec<u64> {
    static PLACE: LazyLock<[u64; 4]> =
        LazyLock::new(|| ["at", "in", "across", "inside"].map(form_hash));
    static LINKS: LazyLock<[u64; 3]> = LazyLock::new(|| ["the", "of", "and"].map(form_hash));
    let p = passage.start;
    if passage.len() < 4 || !PLACE.contains(&sec.lexeme(p).hash) {
        return Vec::new();
    }
    let mut names = Vec::new();
    for t in p + 1..passage.end.min(p + 1 + SCOPE_WORDS) {
        let l = sec.lexeme(t);
        if sec.text[l.start as usize..].starts_with(char::is_uppercase) {
            if is_date_name(l.hash) {
                return Vec::new();
            }
            names.push(l.hash);
        } else if !LINKS.contains(&l.hash) {
            return Vec::new();
        }
        if sec.gap_after(t, passage).contains(',') {
            return names;
        }
    }
    Vec::new()
}

/// A month's or a weekday's name.
fn is_date_name(h: u64) -> bool {
    static DATES: LazyLock<Vec<u64>> = LazyLock::new(|| {
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .map(form_hash)
        .to_vec()
    });
    DATES.contains(&h)
}

/// The source range grown to whole sentences.
fn sentence_bounds(src: Side<'_>, r: Range<usize>) -> Range<usize> {
    // Sentences do not overlap: only those holding the first and the last
    // token can reach outside `r`.
    if r.is_empty() {
        return r;
    }
    let start = edges::sentence_of(&src, r.start).map_or(r.start, |s| s.start.min(r.start));
    let end = edges::sentence_of(&src, r.end - 1).map_or(r.end, |s| s.end.max(r.end));
    start..end
}
