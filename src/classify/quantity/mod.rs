//! Quantities written differently: "five thousand" = "5,000", "1.5 million"
//! = "1,500,000" = "1.5m", "a million" = "1m", "two hundred thousand" =
//! "200,000", "more than 750" = "over 750". A replacement
//! between two ways of writing the same quantity is a format change, not an
//! edit; a replacement between two quantities is a numeric change.

use std::ops::Range;
use std::sync::LazyLock;

use super::Side;
use crate::normalize::{H_MINUS, H_PERCENT, LexKind, form_hash, is_dash, number_word};

mod clock;
mod multiplier;
mod wording;
pub(super) use clock::{same_time, time_changed, time_moved};
pub(super) use multiplier::multiplier_changed;
use wording::quantity_ending_at;
pub(super) use wording::{
    ceiling_dropped, currency_word, loosened_qualifier, qualified, qualifier_allows,
    qualifier_changed_at, redundant_sign, rounded, rounds_item, same_qualifier, sign_change,
};

/// Scale words and what they multiply by.
static SCALES: LazyLock<[(u64, f64); 5]> = LazyLock::new(|| {
    [
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
    ]
    .map(|(w, x)| (form_hash(w), x))
});

static H_A: LazyLock<u64> = LazyLock::new(|| form_hash("a"));
static H_AN: LazyLock<u64> = LazyLock::new(|| form_hash("an"));
static H_AND: LazyLock<u64> = LazyLock::new(|| form_hash("and"));

/// What a scale word multiplies by, if the hash is one's.
fn scale(hash: u64) -> Option<f64> {
    SCALES.iter().find(|s| s.0 == hash).map(|s| s.1)
}

/// Is the word a figure's scale or percent sign ("billion", "%")?
pub(super) fn is_unit_word(hash: u64) -> bool {
    hash == *H_PERCENT || scale(hash).is_some()
}

/// The value of number token `t`: digits ("5,000", "1.5") or number words
/// ("five", "twenty-five").
fn value(side: &Side<'_>, t: usize) -> Option<f64> {
    let text = side.text_of(&(t..t + 1)).replace(',', "");
    if let Ok(v) = text.parse::<f64>() {
        return Some(v);
    }
    let lower = text.to_lowercase();
    lower
        .split(is_dash)
        .map(number_word)
        .try_fold(0.0, |sum, v| v.map(|v| sum + f64::from(v)))
}

/// One quantity in a token range: its tokens (a number phrase, see
/// [`number_phrase`], or a scale word alone) and its value, where it has one.
pub(super) struct Item {
    pub tokens: Range<usize>,
    pub value: Option<f64>,
    pub unit: Unit,
}

impl Item {
    /// The tokens that show the quantity within range `r`: with its "per
    /// cent", for a percentage.
    pub(super) fn shown(&self, r: &Range<usize>) -> Range<usize> {
        let percent = self.unit == Unit::Percent && self.tokens.end < r.end;
        self.tokens.start..self.tokens.end + usize::from(percent)
    }
}

/// What a quantity counts: a plain number, a percentage (a number before
/// "per cent" or "%", which the lexer reads as one word), or a fraction
/// word, valued as a percentage ("half" is 50).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Plain,
    Percent,
    Fraction,
}

/// Can quantities of these units be compared, and within what (a fraction
/// is a rounded percentage: "a third" is 33 or 34 per cent)? A fraction is
/// no count: "half" and "50" are not compared.
fn tolerance(a: Unit, b: Unit) -> Option<f64> {
    match (a, b) {
        (Unit::Fraction, Unit::Plain) | (Unit::Plain, Unit::Fraction) => None,
        (Unit::Fraction, _) | (_, Unit::Fraction) => Some(1.0),
        _ => Some(0.0),
    }
}

/// Fraction words, as (words, percentage): "half", "a third", "two-thirds"
/// (read as two words), "three quarters".
static FRACTIONS: LazyLock<Vec<(Vec<u64>, f64)>> = LazyLock::new(|| {
    [
        ("half", 50.0),
        ("a half", 50.0),
        ("one half", 50.0),
        ("a third", 100.0 / 3.0),
        ("one third", 100.0 / 3.0),
        ("two thirds", 200.0 / 3.0),
        ("a quarter", 25.0),
        ("one quarter", 25.0),
        ("three quarters", 75.0),
        ("a fifth", 20.0),
        ("one fifth", 20.0),
    ]
    .iter()
    .map(|&(w, v)| {
        (
            crate::normalize::lex_str(w)
                .iter()
                .map(|l| l.hash)
                .collect(),
            v,
        )
    })
    .collect()
});

/// The words that make a fraction of [`FRACTIONS`] one.
static FRACTION_WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    crate::normalize::lex_str("half third thirds quarter quarters fifth")
        .iter()
        .map(|l| l.hash)
        .collect()
});

/// The quantity (a number, or a fraction's words) that ends with token
/// `last` and starts at `lo` or after.
pub(super) fn quantity_ending(side: &Side<'_>, last: usize, lo: usize) -> Option<Range<usize>> {
    if side.lexeme(last).kind == LexKind::Number {
        // The whole phrase: "[four thousand two hundred and] sixteen".
        let first = (lo.max(last.saturating_sub(PHRASE_WORDS))..last)
            .find(|&s| {
                side.lexeme(s).kind == LexKind::Number
                    && number_phrase(side, s, last + 1, value(side, s)).0 == last + 1
            })
            .unwrap_or(last);
        return Some(first..last + 1);
    }
    // A number and its scale words ("25 million").
    if scale(side.lexeme(last).hash).is_some()
        && let Some(first) = quantity_ending_at(side, last).filter(|&f| f >= lo && f < last)
    {
        return Some(first..last + 1);
    }
    (last.saturating_sub(1).max(lo)..=last)
        .find(|&s| fraction_at(side, s, last + 1).is_some_and(|(len, _)| s + len == last + 1))
        .map(|s| s..last + 1)
}

/// The one quantity in `r` (of `side`) written with the same scale word or
/// "per cent" as quantity `p` of `src`, if there is exactly one, `p` has
/// one, and their values differ: a changed figure ("£35 million" for "£25
/// million"; a bare number, a year, has no scale).
pub(super) fn same_unit(
    src: &Side<'_>,
    p: &Range<usize>,
    side: &Side<'_>,
    r: &Range<usize>,
) -> Option<Range<usize>> {
    let unit = |s: &Side<'_>, i: &Item| -> Option<u64> {
        let last = s.lexeme(i.tokens.end - 1).hash;
        if scale(last).is_some() {
            Some(last)
        } else {
            (i.unit == Unit::Percent).then_some(*H_PERCENT)
        }
    };
    let theirs = items(src, p);
    let [their] = &theirs[..] else { return None };
    let want = unit(src, their)?;
    let mine: Vec<Item> = items(side, r)
        .into_iter()
        .filter(|i| unit(side, i) == Some(want))
        .collect();
    match &mine[..] {
        [one] if differ(src, their, side, one) => Some(one.tokens.clone()),
        _ => None,
    }
}

/// The quantity (a number, or a fraction's words) that starts with token
/// `first` and ends before `hi`.
pub(super) fn quantity_starting(side: &Side<'_>, first: usize, hi: usize) -> Option<Range<usize>> {
    if side.lexeme(first).kind == LexKind::Number {
        let (end, _) = number_phrase(side, first, hi, value(side, first));
        return Some(first..end);
    }
    fraction_at(side, first, hi).map(|(len, _)| first..first + len)
}

/// The fraction starting at token `t` (ending before `end`): its length in
/// tokens and its percentage; the longest that fits.
fn fraction_at(side: &Side<'_>, t: usize, end: usize) -> Option<(usize, f64)> {
    // Every fraction has its fraction word first or second: most tokens are
    // ruled out by two lookups.
    let word = |i: usize| i < end && FRACTION_WORDS.contains(&side.lexeme(i).hash);
    if !word(t) && !word(t + 1) {
        return None;
    }
    FRACTIONS
        .iter()
        .filter(|(w, _)| {
            t + w.len() <= end
                && w.iter()
                    .enumerate()
                    .all(|(i, &h)| side.lexeme(t + i).hash == h)
        })
        .max_by_key(|(w, _)| w.len())
        .map(|(w, v)| (w.len(), *v))
}

/// One bit (of the hash's low six) for each word that can start a
/// quantity other than a number: the words of [`FRACTIONS`], "a", "an" and
/// the scale words. A word whose bit is clear starts none (most words: a
/// passage's tokens are skipped by one test each).
static STARTS: LazyLock<u64> = LazyLock::new(|| {
    let bit = |h: u64| 1u64 << (h & 63);
    let fractions = FRACTIONS.iter().flat_map(|(w, _)| w.iter().copied());
    let scales = SCALES.iter().map(|s| s.0);
    fractions
        .chain(scales)
        .chain([*H_A, *H_AN])
        .fold(0, |m, h| m | bit(h))
});

/// The quantities of token range `r`, in order, other words skipped.
pub(super) fn items(side: &Side<'_>, r: &Range<usize>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut t = r.start;
    let starts = *STARTS;
    while t < r.end {
        let l = side.lexeme(t);
        if l.kind != LexKind::Number && (starts >> (l.hash & 63)) & 1 == 0 {
            t += 1;
            continue;
        }
        // "half a million" is 500,000, a count, not a fraction.
        if let Some(item) = half_a_scale(side, t) {
            t = item.tokens.end;
            out.push(item);
            continue;
        }
        if let Some((len, value)) = fraction_at(side, t, r.end) {
            out.push(Item {
                tokens: t..t + len,
                value: Some(value),
                unit: Unit::Fraction,
            });
            t += len;
            continue;
        }
        let l = side.lexeme(t);
        // "a million" is one million.
        let one = l.hash == *H_A || l.hash == *H_AN;
        // (The scale word may be past the range: "[a] million" against
        // "[1] million".)
        let scaled_one =
            one && t + 1 < side.a.tokens.len() && scale(side.lexeme(t + 1).hash).is_some();
        if l.kind == LexKind::Number || scaled_one {
            let first = if scaled_one {
                Some(1.0)
            } else {
                value(side, t)
            };
            let (end, value) = number_phrase(side, t, r.end, first);
            let value = match value {
                Some(v) if end == t + 1 => Some(v * range_scale(side, t, v).unwrap_or(1.0)),
                v => v,
            };
            let percent = end < side.a.tokens.len() && side.lexeme(end).hash == *H_PERCENT;
            out.push(Item {
                tokens: t..end,
                value,
                unit: if percent { Unit::Percent } else { Unit::Plain },
            });
            t = end;
        } else {
            if let Some(x) = scale(l.hash) {
                // A scale word whose number is just before the range
                // ("1.5 [billion]" against "1.5[m]") goes with it.
                let number = t == r.start && t > 0 && side.lexeme(t - 1).kind == LexKind::Number;
                out.push(match number {
                    true => Item {
                        tokens: t - 1..t + 1,
                        value: value(side, t - 1).map(|v| v * x),
                        unit: Unit::Plain,
                    },
                    false => Item {
                        tokens: t..t + 1,
                        value: None,
                        unit: Unit::Plain,
                    },
                });
            }
            t += 1;
        }
    }
    out
}

/// "half a million", "half a billion" at token `t`: half the scale.
fn half_a_scale(side: &Side<'_>, t: usize) -> Option<Item> {
    static HALF: LazyLock<u64> = LazyLock::new(|| form_hash("half"));
    let n = side.a.tokens.len();
    let h = |i: usize| (i < n).then(|| side.lexeme(i).hash);
    let x = scale(h(t + 2)?)?;
    (h(t)? == *HALF && (h(t + 1)? == *H_A || h(t + 1)? == *H_AN)).then(|| Item {
        tokens: t..t + 3,
        value: Some(0.5 * x),
        unit: Unit::Plain,
    })
}

static H_TO: LazyLock<u64> = LazyLock::new(|| form_hash("to"));

/// The other end of a range the number at token `t` opens: "between 85
/// and 95 million", "85 to 95 million", "85–95 million". Its token.
fn range_other(side: &Side<'_>, t: usize) -> Option<usize> {
    let n = side.a.tokens.len();
    let number = |i: usize| i < n && side.lexeme(i).kind == LexKind::Number;
    // (Past the number's own scale word: "$85m to $105m".)
    let scaled = t + 1 < n && scale(side.lexeme(t + 1).hash).is_some();
    let t = t + usize::from(scaled);
    let next = t + 1;
    let linked = next < n && [*H_TO, *H_AND].contains(&side.lexeme(next).hash);
    // (A dash between the two numbers, not two numbers side by side.)
    let dashed = number(next) && {
        let gap = side.gap_after(t, &(t..next + 1)).trim();
        !gap.is_empty() && gap.chars().all(is_dash)
    };
    let other = match (linked, dashed) {
        (true, _) => next + 1,
        (false, true) => next,
        _ => return None,
    };
    number(other).then_some(other)
}

/// The scale word that ends a range the bare number at token `t` (of value
/// `v`) opens, which scales it too: "between 85 and 95 million" is 85
/// million to 95 million. Not where the numbers are of other sizes: "up by
/// 19,000 to 30.42 million" is a rise and a level.
fn range_scale(side: &Side<'_>, t: usize, v: f64) -> Option<f64> {
    let other = range_other(side, t)?;
    let w = value(side, other)?;
    let k = (other + 1 < side.a.tokens.len())
        .then(|| scale(side.lexeme(other + 1).hash))
        .flatten()?;
    (v < 1000.0 && v <= 10.0 * w && w <= 10.0 * v).then_some(k)
}

/// The other end of the range that number `t` opens, where side `a` and
/// side `b` (number `u`) both open one: its value differs, the two ends as
/// written ("between 85 and 95 million" for "$85m to $105m": "95
/// million", "$105m").
pub(super) fn range_end_changed(
    a: &Side<'_>,
    t: usize,
    b: &Side<'_>,
    u: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let end = |side: &Side<'_>, t: usize| {
        let o = range_other(side, t)?;
        let to = (o + 4).min(side.a.tokens.len());
        items(side, &(o..to)).into_iter().next()
    };
    let (x, y) = (end(a, t)?, end(b, u)?);
    (x.unit == y.unit && differ(a, &x, b, &y)).then_some((x.tokens, y.tokens))
}

/// A quantity as compared across passages: its value, or, without one,
/// the hash of its words.
#[derive(Clone, Copy, Debug)]
pub(super) enum Amount {
    Value(f64),
    Words(u64),
}

impl PartialEq for Amount {
    fn eq(&self, other: &Amount) -> bool {
        match (self, other) {
            (Amount::Value(x), Amount::Value(y)) => close(*x, *y),
            (Amount::Words(x), Amount::Words(y)) => x == y,
            _ => false,
        }
    }
}

/// The quantities of token range `r`, in order.
pub(super) fn amounts(side: &Side<'_>, r: &Range<usize>) -> Vec<Amount> {
    // Most passages hold no number at all: one pass over the kinds and
    // hashes finds that before any text is read.
    let numeric = |t: usize| {
        let l = side.lexeme(t);
        l.kind == LexKind::Number || scale(l.hash).is_some()
    };
    if !r.clone().any(numeric) {
        return Vec::new();
    }
    items(side, r)
        .iter()
        .map(|i| match i.value {
            Some(v) => Amount::Value(v),
            None => Amount::Words(
                i.tokens
                    .clone()
                    .fold(0, |h: u64, t| h.rotate_left(5) ^ side.lexeme(t).hash),
            ),
        })
        .collect()
}

/// The number phrase that starts with the number at token `t` (of value
/// `first`), read the way English writes them: a hundred multiplies what
/// came since the last larger scale word, a larger scale word everything
/// not yet scaled, and a number word after a scale word, or "and" and a
/// number after one, adds to it ("four thousand two hundred and sixteen"
/// is 4,216, "two hundred eighty" 280, "two hundred and fifty thousand"
/// 250,000; "1.5 billion" is 1,500,000,000); a units word adds to the tens
/// word before it ("twenty five"), "point" and digit words make decimals
/// ("one point six million"), two number words of two digits make a year
/// ("nineteen eighty-seven" is 1987), and "dollars and forty cents" adds
/// the cents. Where it ends (before `end` at most), and its value.
fn number_phrase(
    side: &Side<'_>,
    t: usize,
    end: usize,
    first: Option<f64>,
) -> (usize, Option<f64>) {
    // A word joins the phrase only right after the one before it (a comma
    // between, "fifteen, twenty years", makes two numbers) and not as the
    // head of a compound ("twenty five-year-olds" are 20).
    let word_value = |i: usize| (i < end && joined(side, i)).then(|| word_value_at(side, i))?;
    if let Some(year) = year_at(side, t, end) {
        return (t + 2, Some(year));
    }
    let (mut total, mut current) = (0.0, first);
    let mut i = t + 1;
    while i < end {
        let l = side.lexeme(i);
        if let Some(k) = scale(l.hash) {
            let after_large = scale(side.lexeme(i - 1).hash).is_some_and(|p| p > 100.0);
            if k > 100.0 && after_large {
                // "300 thousand million": the scale words multiply.
                total *= k;
            } else {
                current = current.map(|c| c * k);
                if k > 100.0 {
                    total += current.unwrap_or(0.0);
                    current = current.map(|_| 0.0);
                }
            }
            i += 1;
            continue;
        }
        let after_scale = scale(side.lexeme(i - 1).hash).is_some();
        let before = (i - 1 == t || joined(side, i - 1))
            .then(|| word_value_at(side, i - 1))
            .flatten();
        let tens = before.is_some_and(|v| (20.0..=90.0).contains(&v) && v % 10.0 == 0.0);
        if let Some(n) = word_value(i)
            .filter(|&n| (after_scale && n < 100.0) || (tens && (1.0..=9.0).contains(&n)))
        {
            // "two hundred eighty", "twenty five".
            current = current.map(|c| c + n);
            i += 1;
            continue;
        }
        // ("At one point three officers": the idiom, not 1.3; "at one
        // point five per cent" is a figure.)
        let figure_after = |len: usize| {
            let next = i + 1 + len;
            next < side.a.tokens.len()
                && (scale(side.lexeme(next).hash).is_some() || side.lexeme(next).hash == *H_PERCENT)
        };
        let idiom = t > 0
            && side.lexeme(t - 1).hash == *H_AT
            && first == Some(1.0)
            && !decimals_at(side, i + 1, end).is_some_and(|(len, _)| figure_after(len));
        if l.hash == *H_POINT
            && !idiom
            && joined(side, i)
            && let Some((len, decimals)) = decimals_at(side, i + 1, end)
            && before.is_some_and(|v| v.fract() == 0.0)
        {
            current = current.map(|c| c + decimals);
            i += 1 + len;
            continue;
        }
        // "and" joins a number to the scale word before it, not two numbers
        // ("2024 and 2025" are two).
        let joins = l.hash == *H_AND
            && after_scale
            && i + 1 < end
            && side.lexeme(i + 1).kind == LexKind::Number;
        if joins {
            let next = value(side, i + 1);
            current = current.zip(next).map(|(c, n)| c + n);
            i += 2;
            continue;
        }
        if let Some((len, cents)) = cents_at(side, i, end) {
            current = current.map(|c| c + cents);
            i += len;
        }
        break;
    }
    (i, current.map(|c| total + c))
}

/// Words a number phrase is looked for back over ("four thousand two
/// hundred and sixteen" has seven).
const PHRASE_WORDS: usize = 10;

static H_POINT: LazyLock<u64> = LazyLock::new(|| form_hash("point"));
static H_AT: LazyLock<u64> = LazyLock::new(|| form_hash("at"));

/// Does token `i` follow the token before it with only spaces between,
/// and stand whole (no hyphen right after it: "five-year-olds")?
fn joined(side: &Side<'_>, i: usize) -> bool {
    let (_, before_end) = side.a.token_span(i as u32 - 1);
    let (start, end) = side.a.token_span(i as u32);
    let text = side.text.as_bytes();
    text[before_end as usize..start as usize]
        .iter()
        .all(u8::is_ascii_whitespace)
        && !matches!(text.get(end as usize), Some(b'-'))
}

/// The value of number word `i`, if it is one.
fn word_value_at(side: &Side<'_>, i: usize) -> Option<f64> {
    is_number_word(side, i).then(|| value(side, i)).flatten()
}

/// Is number token `i` written in words ("five", "twenty-five"), not digits?
fn is_number_word(side: &Side<'_>, i: usize) -> bool {
    let l = side.lexeme(i);
    l.kind == LexKind::Number
        && side.text[l.start as usize..l.end as usize]
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic())
}

/// "nineteen eighty-seven", "twenty twenty-four": a year read in two
/// number words of two digits each, starting at token `t`.
fn year_at(side: &Side<'_>, t: usize, end: usize) -> Option<f64> {
    let two_digits = |i: usize| {
        (i < end && (i == t || joined(side, i)))
            .then(|| word_value_at(side, i))?
            .filter(|v| (10.0..100.0).contains(v) && v.fract() == 0.0)
    };
    let (century, rest) = (two_digits(t)?, two_digits(t + 1)?);
    // Years of 1100 to 2099, not a range or a count ("sixty seventy
    // pupils", "fifty fifty", "fifteen twenty years", "twelve thirteen
    // thousand").
    let counted = t + 2 < side.a.tokens.len() && {
        let h = side.lexeme(t + 2).hash;
        scale(h).is_some() || h == *H_PERCENT || COUNTED.contains(&h)
    };
    ((11.0..=20.0).contains(&century) && !counted).then_some(century * 100.0 + rest)
}

/// Words that count what a number before them is, so no year is read in
/// the two numbers before them.
static COUNTED: LazyLock<Vec<u64>> = LazyLock::new(|| {
    [
        "year", "years", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week",
        "months", "month", "seconds", "times", "per", "people", "pupils", "miles", "metres",
    ]
    .map(form_hash)
    .to_vec()
});

/// The digit words after "point" from token `i` ("six" in "one point
/// six", "two five" in "three point two five"): how many, and the
/// fraction they make.
fn decimals_at(side: &Side<'_>, i: usize, end: usize) -> Option<(usize, f64)> {
    let mut fraction = 0.0;
    let mut scale = 0.1;
    let mut len = 0;
    while i + len < end && is_number_word(side, i + len) && joined(side, i + len) {
        let Some(d) = value(side, i + len).filter(|d| *d < 10.0 && d.fract() == 0.0) else {
            break;
        };
        fraction += d * scale;
        scale /= 10.0;
        len += 1;
    }
    (len > 0).then_some((len, fraction))
}

/// Currency words that can take cents or pence after "and".
static H_MONEY: LazyLock<[u64; 4]> =
    LazyLock::new(|| ["dollars", "pounds", "euros", "dollar"].map(form_hash));
static H_CENTS: LazyLock<[u64; 3]> = LazyLock::new(|| ["cents", "pence", "p"].map(form_hash));

/// "dollars and forty cents" at token `i`: its length, and the cents as a
/// fraction of the unit.
fn cents_at(side: &Side<'_>, i: usize, end: usize) -> Option<(usize, f64)> {
    if i + 3 >= end
        || !H_MONEY.contains(&side.lexeme(i).hash)
        || side.lexeme(i + 1).hash != *H_AND
        || side.lexeme(i + 2).kind != LexKind::Number
        || !H_CENTS.contains(&side.lexeme(i + 3).hash)
    {
        return None;
    }
    let cents = value(side, i + 2).filter(|c| *c < 100.0)?;
    Some((4, cents / 100.0))
}

/// Do two quantities differ: in value where both have one, else in words?
pub(super) fn differ(src: &Side<'_>, a: &Item, sec: &Side<'_>, b: &Item) -> bool {
    if let (Some(x), Some(y)) = (basis_points(src, a), basis_points(sec, b)) {
        return !close(x, y);
    }
    if let (Some(x), Some(y)) = (duration(src, a), duration(sec, b))
        && x.unit != y.unit
    {
        // "48 hours" is "two days"; "three months", about "90 days".
        let within = if x.exact && y.exact { 1e-9 } else { 0.05 };
        return (x.days - y.days).abs() > within * x.days.max(y.days);
    }
    match (a.value, b.value) {
        (Some(x), Some(y)) => !same_value((x, a.unit), (y, b.unit)),
        _ => {
            let words = |side: &Side<'_>, r: &Range<usize>| -> Vec<u64> {
                r.clone().map(|t| side.lexeme(t).hash).collect()
            };
            words(src, &a.tokens) != words(sec, &b.tokens)
        }
    }
}

/// The value in basis points of a quantity given in basis points or in
/// percentage points, read from the words after it: "25 basis points",
/// "0.25 percentage points", "a quarter of a percentage point", "a
/// quarter-point", "half a point" (a fraction is valued as a percentage:
/// of a point, that is basis points).
fn basis_points(side: &Side<'_>, item: &Item) -> Option<f64> {
    static WORDS: LazyLock<[u64; 6]> =
        LazyLock::new(|| ["basis", "point", "points", "percentage", "of", "a"].map(form_hash));
    let [basis, point, points, percentage, of, a] = *WORDS;
    let v = item.value?;
    let after: Vec<u64> = (item.tokens.end..(item.tokens.end + 4).min(side.a.tokens.len()))
        .map(|t| side.lexeme(t).hash)
        .collect();
    let unit = |i: usize, first: u64| {
        after.get(i) == Some(&first) && after.get(i + 1).is_some_and(|&h| h == point || h == points)
    };
    // ("A quarter-point", "half a point": a fraction of a point is of a
    // percentage point.)
    let point_after = after.first().is_some_and(|&h| h == point);
    match item.unit {
        Unit::Plain if unit(0, basis) => Some(v),
        Unit::Plain if unit(0, percentage) => Some(v * 100.0),
        Unit::Fraction if after.first() == Some(&of) && unit(2, percentage) => Some(v),
        Unit::Fraction if point_after => Some(v),
        Unit::Fraction if after.first() == Some(&a) && after.get(1) == Some(&point) => Some(v),
        _ => None,
    }
}

/// Units of time and their length in days (a month's and a year's as the
/// calendar's average, so not exact).
static DURATIONS: LazyLock<Vec<(u64, u64, f64, bool)>> = LazyLock::new(|| {
    let units: [(&str, &str, f64, bool); 9] = [
        ("second", "seconds", 1.0 / 86_400.0, true),
        ("minute", "minutes", 1.0 / 1_440.0, true),
        ("hour", "hours", 1.0 / 24.0, true),
        ("day", "days", 1.0, true),
        ("week", "weeks", 7.0, true),
        ("fortnight", "fortnights", 14.0, true),
        ("month", "months", 30.44, false),
        ("year", "years", 365.25, false),
        ("decade", "decades", 3_652.5, false),
    ];
    units
        .iter()
        .flat_map(|&(one, many, days, exact)| {
            let unit = form_hash(one);
            [
                (unit, unit, days, exact),
                (form_hash(many), unit, days, exact),
            ]
        })
        .collect()
});

/// Is source token `p` a unit of time that secondary token `s` gives as
/// another, after the same number ("two weeks" for "two days")? The length
/// changed, though no figure did.
pub(super) fn time_unit_changed(src: &Side<'_>, p: usize, sec: &Side<'_>, s: usize) -> bool {
    let unit = |side: &Side<'_>, t: usize| {
        let h = side.lexeme(t).hash;
        DURATIONS.iter().find(|d| d.0 == h).map(|d| d.1)
    };
    let number = |side: &Side<'_>, t: usize| {
        t.checked_sub(1)
            .filter(|&n| side.lexeme(n).kind == LexKind::Number)
            .map(|n| side.a.tokens[n])
    };
    matches!((unit(src, p), unit(sec, s)), (Some(a), Some(b)) if a != b)
        && number(src, p).is_some()
        && number(src, p) == number(sec, s)
}

/// A quantity of time: its length in days, and the unit it is given in.
struct Duration {
    days: f64,
    unit: u64,
    exact: bool,
}

/// The quantity as a length of time, when a unit of time follows it.
fn duration(side: &Side<'_>, item: &Item) -> Option<Duration> {
    let v = item.value.filter(|_| item.unit == Unit::Plain)?;
    if item.tokens.end >= side.a.tokens.len() {
        return None;
    }
    let word = side.lexeme(item.tokens.end).hash;
    let &(_, unit, days, exact) = DURATIONS.iter().find(|d| d.0 == word)?;
    Some(Duration {
        days: v * days,
        unit,
        exact,
    })
}

/// Are two valued quantities the same (see [`tolerance`])?
fn same_value((x, a): (f64, Unit), (y, b): (f64, Unit)) -> bool {
    match tolerance(a, b) {
        Some(t) if t > 0.0 => (x - y).abs() <= t,
        Some(_) => close(x, y),
        None => false,
    }
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1.0)
}

/// The values of token range `r`, if it holds quantities with values and
/// nothing else (a percentage's "per cent" included), with their units.
fn values(side: &Side<'_>, r: &Range<usize>) -> Option<Vec<(f64, Unit)>> {
    // Most replacements hold no quantity: told by kinds and hashes alone.
    let quantity = |t: usize| {
        let l = side.lexeme(t);
        let scaled = |i: usize| i < side.a.tokens.len() && scale(side.lexeme(i).hash).is_some();
        l.kind == LexKind::Number
            || scaled(t)
            || FRACTION_WORDS.contains(&l.hash)
            // "[a] million", its scale word past the range.
            || ((l.hash == *H_A || l.hash == *H_AN) && scaled(t + 1))
    };
    if !r.clone().any(quantity) {
        return None;
    }
    let items = items(side, r);
    let covered: usize = items
        .iter()
        .map(|i| i.shown(r).end - i.tokens.start.max(r.start))
        .sum();
    (covered == r.len() && !items.is_empty())
        .then(|| items.iter().map(|i| Some((i.value?, i.unit))).collect())
        .flatten()
}

/// Do the two token ranges write the same quantities ("five thousand" and
/// "5,000", "half" and "50 per cent")?
pub(super) fn same(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, s: &Range<usize>) -> bool {
    match (values(src, p), values(sec, s)) {
        (Some(a), Some(b)) => {
            a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| same_value(*x, *y))
        }
        _ => false,
    }
}
