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
    mine.iter()
        .filter(|(y, unit, _)| !holds(&theirs, *y, *unit))
        .find_map(|(y, unit, r)| {
            let what = counts(&sec, r);
            let (_, _, q) = theirs.iter().find(|(x, u, q)| {
                u == unit
                    && !holds(&mine, *x, *u)
                    && !quantity::qualifier_allows(&sec, r.start, *x, *y)
                    && *x > 0.0
                    && y / x <= 2.0
                    && x / y <= 2.0
                    && counts(&src, q).iter().any(|h| what.contains(h))
            })?;
            let figure = (src.text_of(q), sec.text_of(r), (r.clone(), true));
            (!super::heading::own_date(&sec, &src, &figure)).then_some((figure.0, figure.1))
        })
}
