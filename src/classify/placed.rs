//! Verdicts for passages placed loosely (by their content or between
//! their neighbours' sources, not by shared wording): a figure changed
//! against the place, and a proviso of the place left out.

use std::ops::Range;

use super::{Side, moved, quantity};

/// The words of a condition of source range `window` that `passage`, a
/// retelling placed there by its content, leaves out, if it leaves one out
/// (see `proviso::condition_left_out`).
pub fn condition_left_out(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    window: &Range<usize>,
) -> Option<String> {
    super::proviso::condition_left_out((sec, passage), src, window).map(|c| src.text_of(&c))
}

/// Does `passage` plainly give one of the figures of source range `window`
/// another value? A figure of the passage that the window does not hold,
/// with no qualifier before it that keeps it true ("more than", "nearly",
/// "just over"; "some 1,500" is no account of 1,200, see
/// `quantity::qualifier_allows`), and one of the window's, of the same
/// unit, that the passage does not hold, within a factor of two of it,
/// both counting the same thing (a content word among the three after each
/// or the one before): "1,500 affordable homes" for "1,300 new affordable
/// homes", not "for 45 minutes" for "in 23 years". For passages placed
/// loosely (by content or between their neighbours' sources), where a diff
/// pairs figures by position and a rewording moves them ("a third of a
/// metre" for "38 centimetres" stands where "4.62" did).
pub fn plain_figure_change(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    window: &Range<usize>,
) -> bool {
    figure_changed(sec, passage, src, window).is_some()
}

/// The figure [`plain_figure_change`] finds changed: the source's words
/// for it and the passage's.
pub fn figure_changed(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    window: &Range<usize>,
) -> Option<(String, String)> {
    changed_figure(sec, passage, src, window, (&|_| true, 1))
}

/// Which of the passage's figures (token ranges) to compare.
type Take<'f> = &'f dyn Fn(&Range<usize>) -> bool;

/// [`figure_changed`], for the passage's figures that `take` accepts, and
/// pairs whose figures share `alike` of the words around them that say
/// what they count.
fn changed_figure(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    window: &Range<usize>,
    (take, alike): (Take<'_>, usize),
) -> Option<(String, String)> {
    use quantity::Unit;
    type Figure = (f64, Unit, Range<usize>);
    let valued = |side: &Side<'_>, r: &Range<usize>| -> Vec<Figure> {
        quantity::items(side, r)
            .iter()
            .filter(|i| i.unit != Unit::Fraction)
            .filter_map(|i| Some((i.value?, i.unit, i.tokens.clone())))
            .collect()
    };
    let (mine, theirs) = (valued(&sec, passage), valued(&src, window));
    let holds = |list: &[Figure], v: f64, u: Unit| {
        list.iter()
            .any(|(w, unit, _)| *unit == u && (v - w).abs() <= 1e-9 * v.abs().max(1.0))
    };
    let counts = moved::counted;
    // (A figure its qualifier keeps true of one of the window's is an
    // account of it, not another value of its neighbour: "more than 18,000
    // acres" for 18,420, not 11,900.)
    let allowed = |y: f64, unit: Unit, r: &Range<usize>| {
        theirs
            .iter()
            .any(|(x, u, _)| *u == unit && quantity::qualifier_allows(&sec, r.start, *x, y))
    };
    mine.iter()
        .filter(|(y, unit, r)| !holds(&theirs, *y, *unit) && !allowed(*y, *unit, r) && take(r))
        .find_map(|(y, unit, r)| {
            let what = counts(&sec, r);
            let (_, _, q) = theirs.iter().find(|(x, u, q)| {
                u == unit
                    && !holds(&mine, *x, *u)
                    && *x > 0.0
                    && y / x <= 2.0
                    && x / y <= 2.0
                    && counts(&src, q).iter().filter(|h| what.contains(h)).count() >= alike
            })?;
            let figure = (src.text_of(q), sec.text_of(r), (r.clone(), true));
            (!super::heading::own_date(&sec, &src, &figure)).then_some((figure.0, figure.1))
        })
}

/// The figure of a passage aligned by shared wording that gives another
/// value to one of the source sentences it draws on or the sentence before
/// or after them, where the diff paired neither ("2,100 spaces, mostly for
/// disabled supporters" aligned from "spaces" on, for "There will be 1,200
/// car parking spaces … Most of those spaces will be for disabled
/// supporters"): the same tests as [`figure_changed`] (same unit, within
/// a factor of two, counting the same thing), over that wider window.
pub fn figure_beside(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    window: &Range<usize>,
) -> Option<(String, String)> {
    use super::edges::sentence_of;
    let first = sentence_of(&src, window.start)?;
    let last = sentence_of(&src, window.end.checked_sub(1)?)?;
    let before = first
        .start
        .checked_sub(1)
        .and_then(|t| sentence_of(&src, t))
        .map_or(first.start, |s| s.start);
    let after = sentence_of(&src, last.end).map_or(last.end, |s| s.end);
    // Not a figure the source gives anywhere, in any unit ("12.6% and
    // 15.6%" for "12.6 and 15.6 per cent"; "jailed for eight years" where
    // the sentence is given further on), nor part of a time of day ("13:30").
    let nowhere = |r: &Range<usize>| {
        let given = |t: usize| src.a.tokens.contains(&sec.a.tokens[t]);
        // (Read on the lexemes, checked: the figure may be the document's
        // last word.)
        let colon = |l: usize| {
            sec.a
                .lexemes
                .get(l)
                .is_some_and(|x| x.kind == crate::normalize::LexKind::Punct && x.ch == ':')
        };
        let number = |l: usize| {
            sec.a
                .lexemes
                .get(l)
                .is_some_and(|x| x.kind == crate::normalize::LexKind::Number)
        };
        let clock = |t: usize| {
            let l = sec.a.token_lexeme[t] as usize;
            (colon(l + 1) && number(l + 2)) || (l >= 2 && colon(l - 1) && number(l - 2))
        };
        !r.clone().any(|t| {
            sec.lexeme(t).kind == crate::normalize::LexKind::Number && (given(t) || clock(t))
        })
    };
    // (In the sentences it draws on, one word of what they count in
    // common; in those around them two: "would meet for 60 days" is not
    // "report within 90 days".)
    changed_figure(sec, passage, src, &(first.start..last.end), (&nowhere, 1))
        .or_else(|| changed_figure(sec, passage, src, &(before..after), (&nowhere, 2)))
}
