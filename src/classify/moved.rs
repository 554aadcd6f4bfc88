//! A figure moved and changed: the diff pairs the words around a figure,
//! not the figure, when a rewording puts it elsewhere ("Free cash flow for
//! the year hit a record $3.1 million" for "Free cash flow for the year
//! was $3.1 billion, which is a record"): the source's figure is dropped in
//! one place and another added in another.

use std::ops::Range;

use super::{Side, quantity, variant};
use crate::align::{Op, Tag};
use crate::normalize::is_function_word;

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
    // of the framing are no figures the source gave); a count of two
    // digits only with its digits swapped (below).
    let small = |x: &quantity::Item| {
        let plain = x.tokens.len() == 1 && x.unit == quantity::Unit::Plain;
        plain
            && x.value
                .is_some_and(|v| v.fract() == 0.0 && (10.0..100.0).contains(&v))
    };
    let figure = |x: &quantity::Item| {
        let plain = x.tokens.len() == 1 && x.unit == quantity::Unit::Plain;
        small(x)
            || x.value.is_some_and(|v| {
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
    let (a, b) = (lead_digits(&src, x), lead_digits(&sec, y));
    // ("64 of the cancelled operations" for "46": a count this small,
    // changed by one digit, is as often another count of the source's.)
    let swapped = || a.bytes().rev().eq(b.bytes()) && a != b;
    (x.unit == y.unit
        && quantity::differ(&src, x, &sec, y)
        && misread(&a, &b)
        && (!(small(x) || small(y)) || swapped()))
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

/// What a figure counts: the content words right after it ("homes",
/// "miles per hour"), or the one before it.
pub(super) fn counted(side: &Side<'_>, r: &Range<usize>) -> Vec<u64> {
    let n = side.a.tokens.len();
    let after = r.end..(r.end + 3).min(n);
    let before = r.start.saturating_sub(1)..r.start;
    after
        .chain(before)
        .map(|t| side.lexeme(t).hash)
        .filter(|&h| !is_function_word(h))
        .collect()
}

/// Source tokens either side of an alignment searched for the figure a
/// passage misread (about two sentences).
const NEAR: usize = 60;

/// The digits of a number token, told without allocating: how many of each
/// (four bits a digit; the same count is the same digits in any order),
/// and the last sixteen in order.
struct Digits {
    count: u64,
    seq: u64,
    len: usize,
}

impl Digits {
    fn of(side: &Side<'_>, t: usize) -> Digits {
        let mut d = Digits {
            count: 0,
            seq: 0,
            len: 0,
        };
        let (a, b) = side.a.token_span(t as u32);
        for b in side.text.as_bytes()[a as usize..b as usize]
            .iter()
            .filter(|b| b.is_ascii_digit())
        {
            let v = u64::from(b - b'0');
            d.count += 1 << (4 * v);
            d.seq = d.seq << 4 | v;
            d.len += 1;
        }
        d
    }
}

/// A figure of the passage that is a figure of the source nearby misread:
/// its digits in another order ("17 countries" for "71 countries", "£210m"
/// for "£120 million"), or another scale word ("$3.1 million" for "$3.1
/// billion"), where the diff paired neither (a rewording moved it, or the
/// passage merges in the sentence that states it). Neither is stated by
/// the other side: the passage's figure nowhere in the source document,
/// the source's nowhere in the passage. A whole number under 100 must count
/// the same thing on both sides ("countries", "years"). (A digit changed,
/// "4.9" for "4.6", is too often another figure to be read this far from
/// the diff.) A figure given with a qualifier ("more than")
/// is none. Only one such pair: more is no misreading.
pub(super) fn misread_nearby(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    aligned: &Range<usize>,
) -> Option<(String, String, (Range<usize>, bool))> {
    let valued = |side: &Side<'_>, r: &Range<usize>| -> Vec<quantity::Item> {
        quantity::items(side, r)
            .into_iter()
            .filter(|x| x.value.is_some() && x.unit != quantity::Unit::Fraction)
            .collect()
    };
    let n = src.a.tokens.len();
    let near = aligned.start.saturating_sub(NEAR)..(aligned.end + NEAR).min(n);
    // Most passages have no figure, or none whose digits a figure near
    // could be misread from: told by the number tokens alone, before any
    // quantity is read.
    let number =
        |side: &Side<'_>, t: usize| side.lexeme(t).kind == crate::normalize::LexKind::Number;
    // (The same digits must stand before another word: "3.1 | million".)
    let next =
        |side: &Side<'_>, t: usize| (t + 1 < side.a.tokens.len()).then(|| side.lexeme(t + 1).hash);
    let wanted: Vec<(Digits, Option<u64>)> = passage
        .clone()
        .filter(|&t| number(&sec, t))
        .map(|t| (Digits::of(&sec, t), next(&sec, t)))
        .filter(|(d, _)| d.len >= 2)
        .collect();
    if wanted.is_empty()
        || !near.clone().filter(|&t| number(&src, t)).any(|t| {
            let d = Digits::of(&src, t);
            wanted
                .iter()
                .any(|(w, after)| d.count == w.count && (d.seq != w.seq || next(&src, t) != *after))
        })
    {
        return None;
    }
    let mine = valued(&sec, passage);
    let theirs = valued(&src, &near);
    let (year, small) = (is_year, small_count);
    let mut pairs = Vec::new();
    // (A figure with a qualifier, "more than 7.1 million", is a rounding.)
    let plain = |y: &&quantity::Item| !year(y) && !quantity::qualified(&sec, y.tokens.start);
    for y in mine.iter().filter(plain) {
        for x in theirs.iter().filter(|x| !year(x) && x.unit == y.unit) {
            let (a, b) = (
                Digits::of(&src, x.tokens.start),
                Digits::of(&sec, y.tokens.start),
            );
            if a.len < 2 || a.count != b.count || !quantity::differ(&src, x, &sec, y) {
                continue;
            }
            let anchored = || {
                let what = counted(&sec, &y.tokens);
                counted(&src, &x.tokens).iter().any(|h| what.contains(h))
            };
            if (small(x) || small(y)) && !anchored() {
                continue;
            }
            if holds(&mine, &sec, &src, x) {
                continue;
            }
            pairs.push((x, y));
        }
    }
    // The passage's figure stated anywhere in the source is taken from
    // there.
    pairs.retain(|(_, y)| !stated(sec, src, y));
    let [(x, y)] = pairs.as_slice() else {
        return None;
    };
    let (p, s) = (x.shown(&near), y.shown(passage));
    Some((src.text_of(&p), sec.text_of(&s), (s, false)))
}

/// Are two values alike as a misreading is (see [`misread_nearby`]): the
/// same significant digits, in another order or at another scale ("17" and
/// "71", "3.1 million" and "3.1 billion"), two digits or more; digits in
/// another order only within a factor of ten.
pub(super) fn alike(x: f64, y: f64) -> bool {
    let significant = |v: f64| -> Vec<u8> {
        let s = format!("{}", v.abs());
        let d: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        let lead = d.iter().take_while(|&&c| c == b'0').count();
        let trail = d.iter().rev().take_while(|&&c| c == b'0').count();
        d[lead.min(d.len())..d.len() - trail.min(d.len() - lead.min(d.len()))].to_vec()
    };
    let (mut a, mut b) = (significant(x), significant(y));
    if a.len() < 2 || a == b {
        return a.len() >= 2;
    }
    // Digits in another order give a figure of the same size ("4,300" is no
    // misreading of "34").
    let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
    a.sort_unstable();
    b.sort_unstable();
    a == b && hi < 10.0 * lo
}

/// Is the quantity a year ("in 2023"): a plain whole number, 1800 to 2100?
fn is_year(x: &quantity::Item) -> bool {
    let v = x.value.unwrap_or(0.0);
    x.unit == quantity::Unit::Plain && v.fract() == 0.0 && (1800.0..=2100.0).contains(&v)
}

/// Is quantity `y` of the secondary stated anywhere in the source? (Looked
/// for where the source has the figure's first word: reading every
/// quantity of the source would cost more than the rest.)
fn stated(sec: Side<'_>, src: Side<'_>, y: &quantity::Item) -> bool {
    let n = src.a.tokens.len();
    let h = sec.lexeme(y.tokens.start).hash;
    (0..n).filter(|&t| src.lexeme(t).hash == h).any(|t| {
        let around = t.saturating_sub(2)..(t + 4).min(n);
        quantity::items(&src, &around)
            .iter()
            .filter(|x| x.value.is_some() && x.unit != quantity::Unit::Fraction)
            .any(|x| !quantity::differ(&src, x, &sec, y))
    })
}

/// A figure of the passage that the source gives nearby with another value
/// in the same words, the word before it and the word after it alike
/// ("would report within 60 days" where the next sentence says "We expect
/// its report within 90 days"), where the diff paired neither (the passage
/// merges in the sentence that states it, outside the words aligned).
/// Neither is stated by the other
/// side; not a year, nor a figure the writer qualifies. Only one such
/// pair: more is another list of figures.
pub(super) fn reframed_nearby(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    aligned: &Range<usize>,
) -> Option<(String, String, (Range<usize>, bool))> {
    let n = src.a.tokens.len();
    let near = aligned.start.saturating_sub(NEAR)..(aligned.end + NEAR).min(n);
    let number =
        |side: &Side<'_>, t: usize| side.lexeme(t).kind == crate::normalize::LexKind::Number;
    let frame = |side: &Side<'_>, t: usize| (side.a.tokens[t - 1], side.a.tokens[t + 1]);
    // Told by the number tokens and their neighbours alone, before any
    // quantity is read.
    let inner = |r: &Range<usize>| r.start + 1..r.end.saturating_sub(1);
    let frames: Vec<(u64, u64)> = inner(passage)
        .filter(|&t| number(&sec, t))
        .map(|t| frame(&sec, t))
        .collect();
    if frames.is_empty()
        || !inner(&near)
            .filter(|&t| number(&src, t))
            .any(|t| frames.contains(&frame(&src, t)))
    {
        return None;
    }
    let plain = |side: &Side<'_>, x: &quantity::Item, r: &Range<usize>| {
        x.value.is_some()
            && !is_year(x)
            && x.tokens.start > r.start
            && x.tokens.end < r.end
            && !quantity::qualified(side, x.tokens.start)
    };
    let mine: Vec<quantity::Item> = quantity::items(&sec, passage)
        .into_iter()
        .filter(|y| plain(&sec, y, passage))
        .collect();
    // (Outside the aligned words: a figure inside them that the diff did
    // not pair is a sentence reworded about something else.)
    let outside =
        |x: &quantity::Item| x.tokens.end <= aligned.start || x.tokens.start >= aligned.end;
    let theirs: Vec<quantity::Item> = quantity::items(&src, &near)
        .into_iter()
        .filter(|x| plain(&src, x, &near) && outside(x))
        .collect();
    let framed = |side: &Side<'_>, x: &quantity::Item| {
        (
            side.a.tokens[x.tokens.start - 1],
            side.a.tokens[x.tokens.end],
        )
    };
    let mut pairs = Vec::new();
    for y in &mine {
        let same = |x: &&quantity::Item| {
            x.unit == y.unit
                && framed(&src, x) == framed(&sec, y)
                && no_words_of_its_own(sec, passage, src, aligned, x)
        };
        for x in theirs.iter().filter(same) {
            let held = mine.iter().any(|z| !quantity::differ(&src, x, &sec, z));
            if quantity::differ(&src, x, &sec, y) && !held && !stated(sec, src, y) {
                pairs.push((x, y));
            }
        }
    }
    let [(x, y)] = pairs.as_slice() else {
        return None;
    };
    let (p, s) = (x.shown(&near), y.shown(passage));
    Some((src.text_of(&p), sec.text_of(&s), (s, false)))
}

/// Does the passage say nothing but what the aligned source words and the
/// sentence of source figure `x` say: no content word of its own (a verb
/// of saying aside)? "Burglary has fallen by 4 per cent" is about
/// something else than "violent crime has fallen by 10 per cent", though
/// the figure sits in the same words.
fn no_words_of_its_own(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    aligned: &Range<usize>,
    x: &quantity::Item,
) -> bool {
    let Some(sentence) = super::edges::sentence_of(&src, x.tokens.start) else {
        return false;
    };
    let theirs = &src.a.tokens;
    let said =
        |h: &u64| theirs[aligned.clone()].contains(h) || theirs[sentence.clone()].contains(h);
    passage.clone().all(|t| {
        let l = sec.lexeme(t);
        l.end - l.start < 4
            || l.kind == crate::normalize::LexKind::Number
            || is_function_word(l.hash)
            || super::framing::is_saying(l.hash)
            || said(&l.hash)
    })
}

/// A figure of the passage that gives a figure of the very source sentence
/// it is aligned to (`aligned`, widened to its sentences) with one digit
/// changed or its digits in another order ("will be €500m" for "contribute
/// €400 million", "has scored 16 goals" for "has scored 14 goals"), where
/// the diff paired neither: a rewording put it elsewhere, or the alignment
/// took another part of the sentence. Within the sentence, unlike nearby
/// ([`misread_nearby`]), a digit changed is no other figure. Neither side
/// states the other's figure; not a year, nor a figure the writer
/// qualifies; a whole number under 100 only where both count the same
/// thing. Only one such pair.
pub(super) fn changed_in_sentence(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    aligned: &Range<usize>,
) -> Option<(String, String, (Range<usize>, bool))> {
    let has_number = |side: &Side<'_>, r: Range<usize>| {
        r.into_iter()
            .any(|t| side.lexeme(t).kind == crate::normalize::LexKind::Number)
    };
    if aligned.is_empty() {
        return None;
    }
    let sentence = |t: usize| super::edges::sentence_of(&src, t);
    let window = sentence(aligned.start).map_or(aligned.start, |s| s.start)
        ..sentence(aligned.end - 1).map_or(aligned.end, |s| s.end);
    // (A time of day, "6.45am", is one word to the lexer, no number.)
    if let Some((p, s, at)) = quantity::time_moved(&sec, passage, &src, &window) {
        return Some((p, s, (at, false)));
    }
    if !has_number(&sec, passage.clone()) || !has_number(&src, window.clone()) {
        return None;
    }
    let valued = |side: &Side<'_>, r: &Range<usize>| -> Vec<quantity::Item> {
        quantity::items(side, r)
            .into_iter()
            .filter(|x| x.value.is_some() && x.unit != quantity::Unit::Fraction && !is_year(x))
            .collect()
    };
    let (mine, theirs) = (valued(&sec, passage), valued(&src, &window));
    let small = small_count;
    let mut pairs = Vec::new();
    for y in mine
        .iter()
        .filter(|y| !quantity::qualified(&sec, y.tokens.start))
    {
        if holds(&theirs, &src, &sec, y) || stated(sec, src, y) {
            continue;
        }
        for x in theirs.iter().filter(|x| x.unit == y.unit) {
            let anchored = || {
                let what = counted(&sec, &y.tokens);
                counted(&src, &x.tokens).iter().any(|h| what.contains(h))
            };
            if !quantity::differ(&src, x, &sec, y)
                || holds(&mine, &sec, &src, x)
                || !misread(&lead_digits(&src, x), &lead_digits(&sec, y))
                || ((small(x) || small(y)) && !anchored())
            {
                continue;
            }
            pairs.push((x, y));
        }
    }
    let [(x, y)] = pairs.as_slice() else {
        return None;
    };
    let (p, s) = (x.shown(&window), y.shown(passage));
    Some((src.text_of(&p), sec.text_of(&s), (s, false)))
}

/// Does one of `all` (quantities of `side`) state `x` (of `other`)?
fn holds(all: &[quantity::Item], side: &Side<'_>, other: &Side<'_>, x: &quantity::Item) -> bool {
    all.iter().any(|y| !quantity::differ(side, y, other, x))
}

/// Is the quantity a single whole number under 100, of no unit: a count
/// too small to be read as a misreading unless something anchors it?
fn small_count(x: &quantity::Item) -> bool {
    let v = x.value.unwrap_or(0.0);
    x.tokens.len() == 1 && x.unit == quantity::Unit::Plain && v.fract() == 0.0 && v < 100.0
}

/// The digits of a quantity's first token ("1,200" gives "1200").
fn lead_digits(side: &Side<'_>, x: &quantity::Item) -> String {
    let first = x.tokens.start..x.tokens.start + 1;
    side.text_of(&first)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}
