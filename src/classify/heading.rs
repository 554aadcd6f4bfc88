//! The heading of a primary (title, speaker, place and date lines): no
//! sentence that a copy could be cut short of, and a date that a report's
//! own is no change of. A report dated a day or two after the speech
//! ("Lakeside, 4 July 2025 - ...", "spoke to her on Tuesday 14 October, the
//! day after") gives its own day of the month where the heading gives the
//! day the speech was delivered ("Delivered at the Grand Auditorium,
//! Lakeside, 3 July 2025").

use std::ops::Range;
use std::sync::LazyLock;

use super::{Figure, Side};
use crate::normalize::{LexKind, form_hash};

/// Blocks at the head of a primary read for its date (title, speaker,
/// place and date lines).
const HEADING_BLOCKS: usize = 4;

/// Most days a report's own date falls after the speech's.
const DAYS_AFTER: u32 = 3;

/// Is `figure` a day of the month the secondary gives one to
/// [`DAYS_AFTER`] days after the date in the primary's heading, in the
/// same month, the source's figure being that day?
pub(super) fn own_date(sec: &Side<'_>, src: &Side<'_>, figure: &Figure) -> bool {
    let (theirs, _, (s, _)) = figure;
    let Some((day, month)) = date_at(sec, s) else {
        return false;
    };
    let Ok(source_day) = theirs.trim().parse::<u32>() else {
        return false;
    };
    (1..=DAYS_AFTER).contains(&day.wrapping_sub(source_day))
        && heading_dates(src).contains(&(source_day, month))
}

/// The day and month (as its word's hash) that tokens `r` give, where they
/// are one number with a month name after it ("4 July") or before it
/// ("July 4").
fn date_at(side: &Side<'_>, r: &Range<usize>) -> Option<(u32, u64)> {
    if r.len() != 1 || side.lexeme(r.start).kind != LexKind::Number {
        return None;
    }
    let day = day_of(side, r.start)?;
    let n = side.a.tokens.len();
    let month = [r.end, r.start.wrapping_sub(1)]
        .into_iter()
        .filter(|&t| t < n)
        .map(|t| side.lexeme(t).hash)
        .find(|h| MONTHS.contains(h))?;
    Some((day, month))
}

/// The day of the month token `t` writes ("4", "4th"), if it is one.
fn day_of(side: &Side<'_>, t: usize) -> Option<u32> {
    let text = side.text_of(&(t..t + 1));
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    let day = digits.parse::<u32>().ok()?;
    ((1..=31).contains(&day) && matches!(rest, "" | "st" | "nd" | "rd" | "th")).then_some(day)
}

/// The dates (day, month) in the heading of a document ([`heading_blocks`]).
fn heading_dates(side: &Side<'_>) -> Vec<(u32, u64)> {
    let blocks = &side.a.block_tokens[..heading_blocks(side)];
    blocks
        .iter()
        .flat_map(|b| b.start as usize..b.end as usize)
        .filter_map(|t| date_at(side, &(t..t + 1)))
        .collect()
}

/// How many blocks a document's heading has: its first blocks (at most
/// [`HEADING_BLOCKS`]) before the first that ends on a full stop, a
/// question or an exclamation mark (the text begins there).
fn heading_blocks(side: &Side<'_>) -> usize {
    let a = side.a;
    let ends_sentence = |lexemes: &Range<u32>| {
        let last = a.lexemes[lexemes.start as usize..lexemes.end as usize]
            .iter()
            .rev()
            .find(|l| !matches!(l.ch, '"' | '\'' | '”' | '’' | ')'));
        last.is_some_and(|l| l.kind == LexKind::Punct && matches!(l.ch, '.' | '!' | '?'))
    };
    a.block_lexemes
        .iter()
        .take(HEADING_BLOCKS)
        .take_while(|b| !ends_sentence(b))
        .count()
}

/// Is token `t` in the heading of its document (title, speaker, place and
/// date lines): no sentence a copy of it could be cut short of?
pub(super) fn in_heading(side: &Side<'_>, t: usize) -> bool {
    let block = side
        .a
        .block_tokens
        .partition_point(|b| (b.end as usize) <= t);
    block < heading_blocks(side)
}

/// The months' names, in matching form (a few abbreviations too).
static MONTHS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    "january february march april may june july august september october november december \
     jan feb mar apr jun jul aug sep sept oct nov dec"
        .split_whitespace()
        .map(form_hash)
        .collect()
});
