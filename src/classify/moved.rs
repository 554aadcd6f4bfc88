//! A figure moved and changed: the diff pairs the words around a figure,
//! not the figure, when a rewording puts it elsewhere ("Free cash flow for
//! the year hit a record $3.1 million" for "Free cash flow for the year
//! was $3.1 billion, which is a record"): the source's figure is dropped in
//! one place and another added in another.

use std::ops::Range;

use super::{Side, quantity, variant};
use crate::align::{Op, Tag};

/// The one figure the core drops and the one it adds, of the same unit and
/// different values but alike in their digits ([`misread`]), where neither
/// side states the other's figure: a
/// changed figure, as `changed_numbers` gives it (not "clean": the edits
/// around it are a rewording). `passage` is the secondary passage, `ops`
/// all its operations, framing included (passage tokens relative to
/// `passage.start`).
pub(super) fn moved_figure(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    ops: &[Op],
) -> Option<(String, String, (Range<usize>, bool))> {
    let abs = |r: &Range<usize>| passage.start + r.start..passage.start + r.end;
    let (first, last) = (ops.first()?, ops.last()?);
    let src_range = first.src.start..last.src.end;
    // Edits that are no edit (a figure rounded with a true qualifier,
    // written another way) hold no changed figure.
    let edited = |o: &Op| !variant::same_words(o.tag, &src, &o.src, &sec, &abs(&o.sec));
    // Only figures of substance are paired: a decimal, a scaled figure, a
    // percentage or 100 and more, not a year ("1." of a list, "in 2023"
    // of the framing are no figures the source gave).
    let figure = |x: &quantity::Item| {
        let plain = x.tokens.len() == 1 && x.unit == quantity::Unit::Plain;
        x.value.is_some_and(|v| {
            let whole = v.fract() == 0.0;
            let year = whole && (1800.0..=2100.0).contains(&v);
            !plain || !whole || (v >= 100.0 && !year)
        })
    };
    // The figures the edits drop (of the source) and add (of the passage).
    // Most passages have none: the rest is not looked at.
    let figures = |tags: [Tag; 2], side: &Side<'_>, range: &dyn Fn(&Op) -> Range<usize>| {
        let mut out: Vec<quantity::Item> = Vec::new();
        for o in ops.iter().filter(|o| tags.contains(&o.tag)) {
            let items: Vec<quantity::Item> = quantity::items(side, &range(o))
                .into_iter()
                .filter(figure)
                .collect();
            if !items.is_empty() && edited(o) {
                out.extend(items);
            }
        }
        out
    };
    let dropped = figures([Tag::Delete, Tag::Replace], &src, &|o| o.src.clone());
    if dropped.is_empty() {
        return None;
    }
    let added = figures([Tag::Insert, Tag::Replace], &sec, &|o| abs(&o.sec));
    if added.is_empty() {
        return None;
    }
    let (mine, theirs) = (
        quantity::items(&sec, passage),
        quantity::items(&src, &src_range),
    );
    let stated = |side: &Side<'_>, all: &[quantity::Item], other: &Side<'_>, x: &quantity::Item| {
        all.iter().any(|y| !quantity::differ(side, y, other, x))
    };
    let dropped: Vec<quantity::Item> = dropped
        .into_iter()
        .filter(|x| !stated(&sec, &mine, &src, x))
        .collect();
    let added: Vec<quantity::Item> = added
        .into_iter()
        .filter(|y| !stated(&src, &theirs, &sec, y))
        .collect();
    let ([x], [y]) = (dropped.as_slice(), added.as_slice()) else {
        return None;
    };
    let at = passage.clone();
    let digits = |side: &Side<'_>, x: &quantity::Item| -> String {
        let first = x.tokens.start..x.tokens.start + 1;
        side.text_of(&first)
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    };
    (x.unit == y.unit
        && quantity::differ(&src, x, &sec, y)
        && misread(&digits(&src, x), &digits(&sec, y)))
    .then(|| {
        let (p, s) = (x.shown(&src_range), y.shown(&at));
        (src.text_of(&p), sec.text_of(&s), (s, false))
    })
}

/// Could one figure be the other misread or mistyped: the same digits
/// (another scale word, "3.1 million" for "3.1 billion"), the same digits in
/// another order ("64.8" for "68.4"), or one digit changed ("4.9" for
/// "4.6")? A figure the writer adds from elsewhere (a forecast, a target,
/// another measure) is seldom so close to the one it drops.
fn misread(a: &str, b: &str) -> bool {
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    let changed = a.chars().zip(b.chars()).filter(|(x, y)| x != y).count();
    changed <= 1 || sorted(a) == sorted(b)
}
