//! Edits that are not edits: the same words written another way. A
//! quantity in other figures or words ("5,000" for "five thousand"), a
//! qualifier in other words ("over 750" for "more than 750"), a currency
//! symbol spelt out ("1.5 billion pounds" for "£1.5bn"), and a compound or
//! abbreviation closed up or broken ("counterterrorism" for
//! "counter-terrorism" or "counter terrorism", "UK" for "U.K."), and,
//! outside quotation marks, a figure rounded with a qualifier that keeps it
//! true ("more than 40" for 43), a date's day and month in the other
//! order ("October 8" for "8 October"), and a verb put in the past for
//! reported speech ("net migration had more than quadrupled" for "has").

use std::ops::Range;
use std::sync::LazyLock;

use super::{Side, quantity};
use crate::align::{Alignment, Op, Tag};
use crate::normalize::{LexKind, form_hash};

/// Month names and their short forms (matching forms), each with its
/// month's number ("Nov" is "November"), sorted by form.
static MONTHS: LazyLock<Vec<(u64, u8)>> = LazyLock::new(|| {
    let names = "january february march april may june july august september october november \
         december jan feb mar apr may jun jul aug sep oct nov dec sept";
    let mut m: Vec<(u64, u8)> = crate::normalize::lex_str(names)
        .iter()
        .enumerate()
        .map(|(i, l)| (l.hash, if i == 24 { 9 } else { (i % 12) as u8 + 1 }))
        .collect();
    m.sort_unstable();
    m.dedup();
    m
});

/// The month a word names, if it is a month's name or short form.
fn month_of(hash: u64) -> Option<u8> {
    MONTHS
        .binary_search_by_key(&hash, |m| m.0)
        .ok()
        .map(|i| MONTHS[i].1)
}

/// The days of the week (matching forms).
static WEEKDAYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    crate::normalize::lex_str("monday tuesday wednesday thursday friday saturday sunday")
        .iter()
        .map(|l| l.hash)
        .collect()
});

/// Is token range `r` of `side` a day of the week (capitalized) right
/// before a date's day or month ("Monday 3 November", "Monday, November
/// 3")? Left out or added, it says nothing the date does not.
pub(super) fn weekday_of_date(side: &Side<'_>, r: &Range<usize>) -> bool {
    let next = r.end;
    r.len() == 1
        && next < side.a.tokens.len()
        && side.lexeme(r.start).cap
        && WEEKDAYS.contains(&side.lexeme(r.start).hash)
        && (side.lexeme(next).kind == LexKind::Number || month_of(side.lexeme(next).hash).is_some())
}

/// The same month, written short on one side ("Nov." for "November";
/// capitalized on both sides: "may" and "mar" are words).
fn same_month(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, s: &Range<usize>) -> bool {
    let (a, b) = (src.lexeme(p.start), sec.lexeme(s.start));
    p.len() == 1
        && s.len() == 1
        && a.cap
        && b.cap
        && month_of(a.hash).is_some_and(|m| month_of(b.hash) == Some(m))
}

/// Is one word of a date put for another, source token range `p` for
/// passage range `s`: a month ("November" for "December", capitalized on
/// both sides: "may" is no month) or a decade ("1960s" for "1950s")? A date
/// is a value: changed, it is a numeric change.
pub(super) fn date_word_changed(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    if p.len() != 1 || s.len() != 1 {
        return false;
    }
    let (a, b) = (src.lexeme(p.start), sec.lexeme(s.start));
    let month = |l: &crate::normalize::Lexeme| l.cap && month_of(l.hash).is_some();
    let decade = |side: &Side<'_>, t: usize| {
        let w = side.text_of(&(t..t + 1));
        let digits = w.strip_suffix('s').unwrap_or("");
        let digits = digits.strip_prefix(['\'', '’']).unwrap_or(digits);
        matches!(digits.len(), 2 | 4)
            && digits.ends_with('0')
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let months_differ = month(a) && month(b) && month_of(a.hash) != month_of(b.hash);
    a.hash != b.hash && (months_differ || (decade(src, p.start) && decade(sec, s.start)))
}

/// The day and month of a date written in two tokens, either order.
fn day_month(side: &Side<'_>, r: &Range<usize>) -> Option<(u64, u64)> {
    if r.len() != 2 {
        return None;
    }
    let (a, b) = (side.lexeme(r.start), side.lexeme(r.start + 1));
    if a.kind == LexKind::Number
        && let Some(m) = month_of(b.hash)
    {
        Some((a.hash, u64::from(m)))
    } else if let Some(m) = month_of(a.hash)
        && b.kind == LexKind::Number
    {
        Some((b.hash, u64::from(m)))
    } else {
        None
    }
}

/// Is the replacement of source tokens `p` by secondary tokens `s` the
/// same date with its day and month in the other order?
fn date_order(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, s: &Range<usize>) -> bool {
    let x = day_month(src, p);
    x.is_some() && x == day_month(sec, s) && src.lexeme(p.start).hash != sec.lexeme(s.start).hash
}

/// The alignment with a date's day and month written in the other order
/// ("On October 8, 2024" for "On 8 October 2024": the month added before
/// the day and dropped after it) made one replacement of both, which
/// [`same_words`] then finds the same words (or, with another day, a
/// changed number). None if there is no such date.
pub fn dates_in_order(
    sec: &Side<'_>,
    passage: &Range<usize>,
    src: &Side<'_>,
    al: &Alignment,
) -> Option<Alignment> {
    // The same month, the day the same or not (then the replacement is a
    // changed number), in the other order.
    let swapped = |src_r: &Range<usize>, sec_r: &Range<usize>| {
        let abs = passage.start + sec_r.start..passage.start + sec_r.end;
        let (x, y) = (day_month(src, src_r), day_month(sec, &abs));
        x.zip(y).is_some_and(|(x, y)| x.1 == y.1)
            && src.lexeme(src_r.start).hash != sec.lexeme(abs.start).hash
    };
    let replace = |src: Range<usize>, sec: Range<usize>| Op {
        tag: Tag::Replace,
        src,
        sec,
    };
    let one = |o: &Op, tag: Tag| o.tag == tag && o.src.len().max(o.sec.len()) == 1;
    let given = weekdays_apart(sec, passage, src, &al.ops);
    let mut ops: Vec<Op> = Vec::with_capacity(given.len());
    let mut range = al.src.clone();
    let mut swaps = 0;
    let mut i = 0;
    while i < given.len() {
        if let [a, b, c] = &given[i..(i + 3).min(given.len())] {
            let moved = one(b, Tag::Equal)
                && ((one(a, Tag::Insert) && one(c, Tag::Delete))
                    || (one(a, Tag::Delete) && one(c, Tag::Insert)));
            let src_r = a.src.start.min(b.src.start)..c.src.end.max(b.src.end);
            let sec_r = a.sec.start.min(b.sec.start)..c.sec.end.max(b.sec.end);
            if moved && swapped(&src_r, &sec_r) {
                ops.push(replace(src_r, sec_r));
                swaps += 1;
                i += 3;
                continue;
            }
        }
        ops.push(given[i].clone());
        i += 1;
    }
    // At the alignment's end, the source's month just past it ("on March
    // 12." for "on 12 March."); at its start, just before it.
    if let [.., a, b] = &ops[..]
        && one(a, Tag::Insert)
        && one(b, Tag::Equal)
        && range.end < src.a.tokens.len()
    {
        let (src_r, sec_r) = (b.src.start..range.end + 1, a.sec.start..b.sec.end);
        if swapped(&src_r, &sec_r) {
            range.end += 1;
            ops.truncate(ops.len() - 2);
            ops.push(replace(src_r, sec_r));
            swaps += 1;
        }
    }
    if let [b, a, ..] = &ops[..]
        && one(b, Tag::Equal)
        && one(a, Tag::Insert)
        && range.start > 0
    {
        let (src_r, sec_r) = (range.start - 1..b.src.end, b.sec.start..a.sec.end);
        if swapped(&src_r, &sec_r) {
            range.start -= 1;
            ops.splice(0..2, [replace(src_r, sec_r)]);
            swaps += 1;
        }
    }
    (swaps > 0).then(|| {
        let matched = crate::align::matched_words(&ops);
        Alignment {
            src: range,
            ops,
            matched,
            coverage: matched as f64 / passage.len().max(1) as f64,
            ..al.clone()
        }
    })
}

/// The ops with a date's day of the week set apart from the edit it opens
/// ("Monday 3" dropped before "November" kept, for "November 3"): the
/// weekday an edit of its own (no edit, see [`weekday_of_date`]), the rest
/// free to read as the date's day and month in the other order.
fn weekdays_apart(sec: &Side<'_>, passage: &Range<usize>, src: &Side<'_>, ops: &[Op]) -> Vec<Op> {
    let op = |tag, src: Range<usize>, sec: Range<usize>| Op { tag, src, sec };
    let rest = |src: Range<usize>, sec: Range<usize>| match (src.is_empty(), sec.is_empty()) {
        (_, true) => op(Tag::Delete, src, sec),
        (true, false) => op(Tag::Insert, src, sec),
        (false, false) => op(Tag::Replace, src, sec),
    };
    let mut out = Vec::with_capacity(ops.len() + 1);
    for o in ops {
        let (p, q) = (o.src.clone(), o.sec.clone());
        let head = |r: &Range<usize>| r.start..r.start + 1;
        let abs = |r: Range<usize>| passage.start + r.start..passage.start + r.end;
        let long = |r: &Range<usize>| r.len() > 1 || o.tag == Tag::Replace;
        if o.tag != Tag::Insert && !p.is_empty() && long(&p) && weekday_of_date(src, &head(&p)) {
            out.push(op(Tag::Delete, head(&p), q.start..q.start));
            out.push(rest(p.start + 1..p.end, q));
        } else if o.tag != Tag::Delete
            && !q.is_empty()
            && long(&q)
            && weekday_of_date(sec, &abs(head(&q)))
        {
            out.push(op(Tag::Insert, p.start..p.start, head(&q)));
            out.push(rest(p, q.start + 1..q.end));
        } else {
            out.push(o.clone());
        }
    }
    out
}

/// Does the edit `tag` between source tokens `p` and secondary tokens `s`
/// only write the same words another way? Such an edit is no finding, and
/// no evidence of copying either (`provenance`).
pub fn same_words(
    tag: Tag,
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    match tag {
        Tag::Replace => {
            date_order(src, p, sec, s)
                || same_month(src, p, sec, s)
                || quantity::same(src, p, sec, s)
                || quantity::same_time(src, p, sec, s)
                || quantity::same_qualifier(src, p, sec, s)
                || (quantity::rounded(src, p, sec, s) && !quoted(sec, s))
                || (quantity::loosened_qualifier(src, p, sec, s) && !quoted(sec, s))
                || (backshift(src, p, sec, s) && !quoted(sec, s))
                || same_letters(&src.text_of(p), &sec.text_of(s))
                || scale_left_out(src, p, sec, s)
        }
        Tag::Insert => {
            range_unit_repeated(sec, s, src, p.start)
                || weekday_of_date(sec, s)
                || quantity::currency_word(sec, s, src, p.start)
                || dollar_country(sec, s)
                || quantity::redundant_sign(sec, s, src, p.start)
        }
        Tag::Delete => {
            range_dash(src, p, sec, s.start)
                || weekday_of_date(src, p)
                || quantity::currency_word(src, p, sec, s.start)
                || dollar_country(src, p)
                || quantity::redundant_sign(src, p, sec, s.start)
        }
        Tag::Equal => true,
    }
}

/// A range's "to" written as a dash ("10–11%" for "10 to 11 per cent"):
/// source token `p`, "to" between two numbers, against a dash between the
/// same two numbers at secondary token `at`.
fn range_dash(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, at: usize) -> bool {
    let number = |side: &Side<'_>, t: usize| {
        t < side.a.tokens.len() && side.lexeme(t).kind == LexKind::Number
    };
    p.len() == 1
        && p.start > 0
        && src.lexeme(p.start).hash == form_hash("to")
        && number(src, p.start - 1)
        && number(src, p.end)
        && at > 0
        && number(sec, at - 1)
        && number(sec, at)
        && sec
            .gap_after(at - 1, &(at - 1..at + 1))
            .contains(['-', '–', '—'])
}

/// A range's unit given after both its numbers ("10% to 11%" for "10 to 11
/// per cent"): the unit inserted at secondary tokens `s` right after the
/// first number, where the source's range, at token `at`, goes on to a
/// number with that unit after it.
fn range_unit_repeated(sec: &Side<'_>, s: &Range<usize>, src: &Side<'_>, at: usize) -> bool {
    let h = |side: &Side<'_>, t: usize| (t < side.a.tokens.len()).then(|| side.lexeme(t).hash);
    let number = |side: &Side<'_>, t: usize| {
        t < side.a.tokens.len() && side.lexeme(t).kind == LexKind::Number
    };
    let unit = h(sec, s.start);
    s.len() == 1
        && s.start > 0
        && number(sec, s.start - 1)
        && matches!(h(src, at), Some(w) if w == form_hash("to") || w == form_hash("and"))
        && number(src, at + 1)
        && h(src, at + 2) == unit
        && unit.is_some_and(|u| sec.lexeme(s.start).kind == LexKind::Word && u != form_hash("to"))
}

/// "US" before a dollar sign ("US$15.8 billion" for "$15.8 billion"):
/// given or left out, the same currency. "A$", "HK$" and the like are other
/// dollars (as `quantity::currency_word` has it).
fn dollar_country(side: &Side<'_>, r: &Range<usize>) -> bool {
    if r.len() != 1 {
        return false;
    }
    let word = side.lexeme(r.start);
    let next = side
        .a
        .lexemes
        .get(side.a.token_lexeme[r.start] as usize + 1);
    side.text_of(r) == "US"
        && next.is_some_and(|l| {
            l.kind == crate::normalize::LexKind::Punct && l.ch == '$' && l.start == word.end
        })
}

/// Degrees with a scale on one side and without on the other ("1.5C" for
/// "1.5 degrees"): the scale is given or left out, not changed. Celsius
/// for Fahrenheit is a change.
fn scale_left_out(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, s: &Range<usize>) -> bool {
    use crate::normalize::{H_DEG_C, H_DEG_F, H_DEGREES};
    if p.len() != 1 || s.len() != 1 {
        return false;
    }
    let (a, b) = (src.lexeme(p.start).hash, sec.lexeme(s.start).hash);
    let scaled = |h: u64| h == *H_DEG_C || h == *H_DEG_F;
    (a == *H_DEGREES && scaled(b)) || (scaled(a) && b == *H_DEGREES)
}

/// Auxiliaries and their past forms, as reported speech shifts them ("He
/// said it would" for "it will").
static BACKSHIFT: LazyLock<Vec<(u64, u64)>> = LazyLock::new(|| {
    [
        ("is", "was"),
        ("are", "were"),
        ("am", "was"),
        ("has", "had"),
        ("have", "had"),
        ("will", "would"),
        ("can", "could"),
        ("may", "might"),
        ("shall", "should"),
    ]
    .iter()
    .map(|(a, b)| (form_hash(a), form_hash(b)))
    .collect()
});

/// The speaker's first person and what reported speech makes of it ("since
/// he signed" for "since I signed", "their plan" for "our plan").
static PERSON_SHIFT: LazyLock<Vec<(u64, u64)>> = LazyLock::new(|| {
    [
        ("i", &["he", "she"][..]),
        ("me", &["him", "her"]),
        ("my", &["his", "her"]),
        ("we", &["they", "he", "she", "it"]),
        ("us", &["them", "him", "her", "it"]),
        ("our", &["their", "his", "her", "its"]),
        ("ours", &["theirs", "his", "hers"]),
    ]
    .iter()
    .flat_map(|(a, bs)| bs.iter().map(move |b| (form_hash(a), form_hash(b))))
    .collect()
});

/// Is the edit one verb for its past form, or the speaker's first
/// person for the third, as reported speech puts them? Outside quotation
/// marks that is the writer's grammar, not the speaker's words changed;
/// inside them it stays an edit.
/// Is word form `b` (a hash) auxiliary `a` put in the past ("would" for
/// "will", "was" for "is")?
pub(super) fn auxiliary_in_past(a: u64, b: u64) -> bool {
    BACKSHIFT.contains(&(a, b))
}

fn backshift(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, s: &Range<usize>) -> bool {
    if p.len() != 1 || s.len() != 1 {
        return false;
    }
    let pair = (src.lexeme(p.start).hash, sec.lexeme(s.start).hash);
    BACKSHIFT.contains(&pair)
        || PERSON_SHIFT.contains(&pair)
        || super::tense::put_in_past(&src.text_of(p), &sec.text_of(s))
}

/// Are any of tokens `s` inside quotation marks? (A rounded figure is the
/// writer's rounding, not the speaker's words.)
fn quoted(sec: &Side<'_>, s: &Range<usize>) -> bool {
    sec.quotes()
        .iter()
        .any(|q| q.start < s.end && s.start < q.end)
}

/// Letters from which a word with one letter changed inside it is taken
/// for mistyped ("accountible"): shorter words change into other words.
const LONG_WORD: usize = 8;

/// Is `b` word `a` mistyped: one letter added or dropped inside it, two
/// neighbours swapped, or a letter changed inside a word of [`LONG_WORD`]
/// letters or more ("yeras" for "years", "goverment" for "government",
/// "accountible"), in words of letters only, four at least? A letter
/// changed in a shorter word, or one added or dropped at either end, is too
/// often another word ("fire" for "hire", "plots" for "plot"); a change of
/// case is none.
pub fn typo(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let word = |w: &[char]| w.len() >= 4 && w.iter().all(|c| c.is_alphabetic());
    if !word(&a) || !word(&b) || a == b {
        return false;
    }
    let lower = |w: &[char]| -> Vec<char> { w.iter().flat_map(|c| c.to_lowercase()).collect() };
    let (a, b) = (lower(&a), lower(&b));
    if a == b {
        return false;
    }
    // The common start and end; what is left between must be one edit.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (x, y) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    // A letter dropped or added inside the word, or two swapped: a letter
    // changed, or one at either end, makes another word too often ("hire"
    // and "fire", "risk" and "rise", "lose" and "lost").
    let inside = head > 0 && head + 1 < a.len().max(b.len());
    match (x.len(), y.len()) {
        (0, 1) | (1, 0) => inside,
        // A letter changed inside a long word ("accountible"): short ones
        // change into other words ("rise", "rose").
        (1, 1) => inside && a.len() >= LONG_WORD,
        (2, 2) => x[0] == y[1] && x[1] == y[0],
        _ => false,
    }
}

/// Are two stretches of text the same letters, one word written closed,
/// hyphenated or with points ("cooperate", "co-operate"; "UK", "U.K.")?
/// Written apart, it is the same only as two long parts ("cyber attack",
/// "counter terrorism": four letters each at least, ten in all); short
/// words apart ("every one" for "everyone", "a part" for "apart") may mean
/// something else, and stay edits. So do digits ("1.5" for "15"),
/// apostrophes ("cant" for "can't", a lost negation) and the prefix "re-"
/// ("re-sign" for "resign").
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |t: &str| -> Option<String> {
        let mut out = String::new();
        for c in t.chars() {
            if c.is_alphabetic() {
                out.extend(c.to_lowercase());
            } else if !(c == '.' || c.is_whitespace() || crate::normalize::is_dash(c)) {
                return None;
            }
        }
        (!out.is_empty()).then_some(out)
    };
    match (letters(a), letters(b)) {
        (Some(x), Some(y)) => x == y && joined(a) && joined(b),
        _ => false,
    }
}

/// Is `t` one word however broken (but not "re-"), or two long words apart
/// (see [`same_letters`])? A word broken by a hyphen at a line's end
/// ("well-\nknown", hard-wrapped text) is one word.
fn joined(t: &str) -> bool {
    let size = |p: &str| p.chars().filter(|c| c.is_alphabetic()).count();
    let t = &close_line_breaks(t);
    let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if first.eq_ignore_ascii_case("re") && first.len() < t.len() {
        return false;
    }
    let parts: Vec<&str> = t.split_whitespace().collect();
    match parts.len() {
        1 => true,
        2 => {
            parts.iter().all(|p| size(p) >= 4) && parts.iter().map(|p| size(p)).sum::<usize>() >= 10
        }
        _ => false,
    }
}

/// `t` with the white space after a dash left out where it holds a line
/// break.
fn close_line_breaks(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find(crate::normalize::is_dash) {
        let dash = rest[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..i + dash]);
        rest = &rest[i + dash..];
        let after = rest.trim_start();
        if rest[..rest.len() - after.len()].contains('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Is token `t` a word that fits words into a sentence, not one that says
/// what they claim: a function word, or a possessive, relative or
/// auxiliary ("my", "who", "did")? (Never a negation, nor a word in
/// capitals: "US" is no "us".)
pub(super) fn grammar_token(side: &Side<'_>, t: usize) -> bool {
    let l = side.lexeme(t);
    let text = &side.text[l.start as usize..l.end as usize];
    let capitals = text.len() > 1 && !text.chars().any(char::is_lowercase);
    !capitals && grammar_word(l.hash)
}

fn grammar_word(hash: u64) -> bool {
    use std::sync::LazyLock;
    static MORE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "my your me him who whom whose which what do does did am"
            .split_whitespace()
            .map(crate::normalize::form_hash)
            .collect()
    });
    crate::normalize::is_function_word(hash) || MORE.contains(&hash)
}

/// The kinds of hedge or limit that tokens `r` put on a claim, one bit
/// each: a ceiling ("up to", "at most"), a floor ("at least"), an estimate
/// ("about", "nearly", "some"), a possibility ("may", "could"), an intent
/// or expectation ("aim", "expect", "likely"), "unlikely", an exclusive
/// ("only", "just"), more ("more", "over", "above") or less ("fewer",
/// "under"). A passage that puts in, leaves out or swaps a kind says more
/// or less than its source ("about" for "up to", "fewer than" for "more
/// than"); one that swaps words of a kind does not ("could" for "may").
/// ("would" and "should" are the grammar of reported speech: "we will"
/// told as "would".)
pub(super) fn hedges(side: &Side<'_>, r: &Range<usize>) -> u16 {
    use std::sync::LazyLock;
    static KINDS: LazyLock<Vec<(u64, u16)>> = LazyLock::new(|| {
        [
            "up most maximum",
            "least minimum",
            "about around approximately roughly nearly almost some",
            "may might could",
            "aim aims aiming hope hopes expect expects expected likely probably possibly perhaps",
            "unlikely",
            "only just",
            "more over above greater higher exceeding",
            "less fewer under below lower",
        ]
        .iter()
        .enumerate()
        .flat_map(|(i, words)| {
            words
                .split_whitespace()
                .map(move |w| (crate::normalize::form_hash(w), 1u16 << i))
        })
        .collect()
    });
    r.clone()
        .filter_map(|t| KINDS.iter().find(|(h, _)| *h == side.a.tokens[t]))
        .fold(0, |bits, (_, bit)| bits | bit)
}

/// Does a token of `r` name someone or something: a word with a capital,
/// not the first of its sentence ("Republicans" for "Democrats", "US"
/// added)? Who or what is named is a fact, not a choice of words.
pub(super) fn named(side: &Side<'_>, r: &Range<usize>) -> bool {
    r.clone().any(|t| {
        side.lexeme(t).cap && super::edges::sentence_of(side, t).is_none_or(|s| s.start != t)
    })
}

/// Is the word (its form) "a", "an" or "the"?
pub(super) fn is_article(hash: u64) -> bool {
    use std::sync::LazyLock;
    static ARTICLES: LazyLock<[u64; 3]> =
        LazyLock::new(|| ["a", "an", "the"].map(crate::normalize::form_hash));
    ARTICLES.contains(&hash)
}

/// Are the words of an edit, source tokens `p` and passage tokens `s`, all
/// articles ("a", "an", "the"), one at least?
pub(super) fn articles_only(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    let all =
        |side: &Side<'_>, r: &Range<usize>| r.clone().all(|t| is_article(side.lexeme(t).hash));
    p.len() + s.len() > 0 && all(src, p) && all(sec, s)
}

/// Is source token range `p`, dropped, one word that the sense does not
/// need: "that" opening a clause ("want to know [that] you are safe"), or
/// a preposition repeated after "and" or "or" ("to the least developed
/// countries and [to] small island states")?
pub(super) fn needless_word(src: &Side<'_>, p: &Range<usize>) -> bool {
    use std::sync::LazyLock;
    static THAT_AND_OR: LazyLock<[u64; 3]> =
        LazyLock::new(|| ["that", "and", "or"].map(crate::normalize::form_hash));
    static PREPOSITIONS: LazyLock<[u64; 8]> = LazyLock::new(|| {
        ["to", "for", "in", "on", "at", "of", "by", "with"].map(crate::normalize::form_hash)
    });
    let [that, and, or] = *THAT_AND_OR;
    if p.len() != 1 || p.start == 0 {
        return false;
    }
    let (t, h) = (p.start, |t: usize| src.lexeme(t).hash);
    h(t) == that
        || (PREPOSITIONS.contains(&h(t))
            && [and, or].contains(&h(t - 1))
            && (t.saturating_sub(10)..t - 1).any(|u| h(u) == h(t)))
}

#[cfg(test)]
mod tests {
    use super::{same_letters, typo};

    #[test]
    fn typos_are_one_letter_off() {
        for (a, b) in [
            ("years", "yeras"),
            ("government", "goverment"),
            ("inflation", "inflaton"),
            ("from", "form"),
            ("pressure", "presure"),
            ("accountable", "accountible"),
            ("record", "recrod"),
        ] {
            assert!(typo(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("plot", "plots"),
            ("hire", "fire"),
            ("risk", "rise"),
            ("lose", "lost"),
            ("sold", "told"),
            ("rise", "rose"),
            ("use", "used"),
            ("inflation", "deflation"),
            ("rise", "fall"),
            ("years", "Years"),
            ("not", "now"),
            ("1.5", "1.6"),
        ] {
            assert!(!typo(a, b), "{a} {b}");
        }
    }

    #[test]
    fn compounds_and_abbreviations_are_the_same_letters() {
        assert!(same_letters("counter-terrorism", "counterterrorism"));
        assert!(same_letters("U.K.", "UK"));
        assert!(same_letters("e‑mail", "Email"));
        assert!(!same_letters("a part", "apart"));
        assert!(!same_letters("any one", "anyone"));
        assert!(!same_letters("every one", "everyone"));
        assert!(!same_letters("some time", "sometime"));
        // Digits, apostrophes and "re-" are never only spelling.
        assert!(!same_letters("1.5", "15"));
        assert!(!same_letters("1-2", "12"));
        assert!(!same_letters("can't", "cant"));
        assert!(!same_letters("re-sign", "resign"));
        assert!(same_letters("health care", "healthcare"));
        assert!(same_letters("cyber attack", "cyberattack"));
        assert!(same_letters("Counter terrorism", "counterterrorism"));
        assert!(!same_letters("counter terror ism", "counterterrorism"));
        assert!(!same_letters("counter-terrorism", "counter-terror"));
        assert!(!same_letters("", ""));
        assert!(!same_letters("--", "—"));
        // A compound broken at its hyphen by hard wrapping.
        assert!(same_letters("well-\n  known", "well-known"));
        assert!(same_letters("na-\r\ntional", "national"));
        assert!(!same_letters("well- known", "wellknown"));
    }
}
