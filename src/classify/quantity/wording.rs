//! How a quantity is qualified and signed around its number: "more than",
//! "about", "nearly" (and whether a rounding so qualified stays true), the
//! currency a word names, and a rise told as a fall.

use super::*;

/// Words that qualify a number the same way, in their matching forms.
static QUALIFIERS: LazyLock<Vec<Vec<Vec<u64>>>> = LazyLock::new(|| {
    let group = |phrases: &[&str]| -> Vec<Vec<u64>> {
        phrases
            .iter()
            .map(|p| p.split(' ').map(form_hash).collect())
            .collect()
    };
    vec![
        group(&["more than", "over", "in excess of"]),
        group(&["less than", "fewer than", "under"]),
        group(&["about", "around", "roughly", "approximately", "some"]),
        group(&["almost", "nearly", "close to"]),
    ]
});

/// The words of token range `r` when a number follows it (a qualifier's
/// place), as matching forms.
fn before_number(side: &Side<'_>, r: &Range<usize>) -> Option<Vec<u64>> {
    (r.end < side.a.tokens.len() && side.lexeme(r.end).kind == LexKind::Number)
        .then(|| r.clone().map(|t| side.lexeme(t).hash).collect())
}

/// Which group of [`QUALIFIERS`] holds the phrase `words`, if one does.
fn group_of(words: &[u64]) -> Option<usize> {
    QUALIFIERS.iter().position(|g| g.iter().any(|p| p == words))
}

/// Do the two token ranges, each just before the same number, qualify it
/// the same way ("more than 750" and "over 750")?
pub(in crate::classify) fn same_qualifier(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    let (Some(a), Some(b)) = (before_number(src, p), before_number(sec, s)) else {
        return false;
    };
    group_of(&a).is_some() && group_of(&a) == group_of(&b)
}

/// Does the secondary loosen the source's bound on the same number into an
/// approximation ("about 2,300 calls" for "more than 2,300 calls", "around
/// 50" for "nearly 50")? Outside quotation marks that is the writer's
/// rounding, still true; "about" for "less than" or "under" is not taken
/// as one (a cap is a claim of its own).
pub(in crate::classify) fn loosened_qualifier(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    let (Some(a), Some(b)) = (before_number(src, p), before_number(sec, s)) else {
        return false;
    };
    src.lexeme(p.end).hash == sec.lexeme(s.end).hash && loosened(group_of(&a), group_of(&b))
}

/// Is a bound (group "more than" or "nearly") loosened into "about"?
fn loosened(from: Option<usize>, to: Option<usize>) -> bool {
    matches!(from, Some(0 | 3)) && to == Some(2)
}

/// The qualifier of the first figure of an aligned passage, changed where
/// the alignment starts ("Fewer than 30 people attended" for "More than 30
/// people attended": the diff matches from "than", and the words before
/// it read as the writer's framing). `src_at` and `sec_at` are the first
/// tokens of the aligned core on each side, which match. Returns the two
/// qualified figures' words when their qualifiers say different things
/// (not a bound loosened into "about", see [`loosened_qualifier`]).
pub(in crate::classify) fn qualifier_changed_at(
    src: &Side<'_>,
    src_at: usize,
    sec: &Side<'_>,
    sec_at: usize,
) -> Option<(String, String, Range<usize>)> {
    let is_number = |side: &Side<'_>, t: usize| {
        t < side.a.tokens.len() && side.lexeme(t).kind == LexKind::Number
    };
    let k = (0..2).find(|&k| is_number(sec, sec_at + k) && is_number(src, src_at + k))?;
    let group_before = |side: &Side<'_>, n: usize| {
        (1..=2).rev().find_map(|len| {
            let from = n.checked_sub(len)?;
            let words: Vec<u64> = (from..n).map(|t| side.lexeme(t).hash).collect();
            Some((group_of(&words)?, from))
        })
    };
    let (a, from_a) = group_before(src, src_at + k)?;
    let (b, from_b) = group_before(sec, sec_at + k)?;
    if a == b || loosened(Some(a), Some(b)) || from_b >= sec_at && from_a >= src_at {
        return None;
    }
    let end = |at: usize| at + k + 1;
    Some((
        src.text_of(&(from_a..end(src_at))),
        sec.text_of(&(from_b..end(sec_at))),
        from_b..end(sec_at),
    ))
}

/// Phrases that set a ceiling on the number after them.
static CEILINGS: LazyLock<Vec<Vec<u64>>> = LazyLock::new(|| {
    [
        "up to",
        "as many as",
        "as much as",
        "at most",
        "a maximum of",
        "no more than",
    ]
    .iter()
    .map(|p| p.split(' ').map(form_hash).collect())
    .collect()
});

/// Words that make what follows a most, not a measure: capacity.
static CAPACITY: LazyLock<Vec<u64>> = LazyLock::new(|| {
    "capable capacity able can could maximum max peak limit"
        .split(' ')
        .map(form_hash)
        .collect()
});

/// The ceiling phrase that token range `r` ends with, right before a
/// number, if it does: its first token.
fn ceiling_before(side: &Side<'_>, r: &Range<usize>) -> Option<usize> {
    quantity_at(side, r.end)?;
    CEILINGS.iter().find_map(|c| {
        let from = r.end.checked_sub(c.len()).filter(|&f| f >= r.start)?;
        (from..r.end)
            .map(|t| side.lexeme(t).hash)
            .eq(c.iter().copied())
            .then_some(from)
    })
}

/// A ceiling the source puts on a number, left out by an edit right before
/// the same number ("14% more likely" for "up to 14% more likely", "half
/// of his sentence" for "up to half of that sentence"): the most becomes
/// the figure. Returns the source's and the secondary's
/// figures and the secondary's tokens, unless the secondary qualifies the
/// number itself.
pub(in crate::classify) fn ceiling_dropped(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> Option<(String, String, Range<usize>)> {
    let from = ceiling_before(src, p)?;
    let n = s.end;
    let (x, y) = (quantity_at(src, p.end)?, quantity_at(sec, n)?);
    // (Nor where the writer's words for the source's give the ceiling
    // their own way: "capable of carrying 900 megawatts" for "will carry
    // up to 900 megawatts".)
    let own = s.clone().any(|t| CAPACITY.contains(&sec.lexeme(t).hash));
    if differ(src, &x, sec, &y) || qualified(sec, n) || own {
        return None;
    }
    let shown = |side: &Side<'_>, x: &Item| x.shown(&(x.tokens.start..side.a.tokens.len()));
    let mine = shown(sec, &y);
    Some((
        src.text_of(&(from..shown(src, &x).end)),
        sec.text_of(&mine),
        mine,
    ))
}

/// The quantity with a value that starts at token `t`, a number or a
/// fraction ("14", "14%", "half").
fn quantity_at(side: &Side<'_>, t: usize) -> Option<Item> {
    let to = (t + 4).min(side.a.tokens.len());
    items(side, &(t..to))
        .into_iter()
        .next()
        .filter(|x| x.tokens.start == t && x.value.is_some())
}

/// Is the quantity starting at token `t` qualified by the words before it
/// ("more than", "nearly", "just over", "up to", "at least", the
/// [`CEILINGS`])?
pub(in crate::classify) fn qualified(side: &Side<'_>, t: usize) -> bool {
    static MORE: LazyLock<Vec<Vec<u64>>> = LazyLock::new(|| {
        ["at least", "an estimated", "just"]
            .iter()
            .map(|p| p.split(' ').map(form_hash).collect())
            .collect()
    });
    QUALIFIERS
        .iter()
        .flatten()
        .chain(MORE.iter())
        .chain(CEILINGS.iter())
        .any(|phrase| ends_before(side, t, phrase))
}

/// Do the words right before token `t` make `phrase` (matching forms)?
fn ends_before(side: &Side<'_>, t: usize, phrase: &[u64]) -> bool {
    t >= phrase.len()
        && (t - phrase.len()..t)
            .map(|i| side.lexeme(i).hash)
            .eq(phrase.iter().copied())
}

/// Which group of [`QUALIFIERS`] the words right before token `t` are a
/// phrase of, if any.
fn group_before(side: &Side<'_>, t: usize) -> Option<usize> {
    QUALIFIERS
        .iter()
        .position(|g| g.iter().any(|phrase| ends_before(side, t, phrase)))
}

/// Could the words before the quantity at token `t`, of value `n`, make it
/// a true account of source value `v`? Unqualified, no; "about", "more
/// than", "nearly" and their kin only within [`true_rounding`]'s reach
/// ("some 1,500" is not 1,200); any other qualifier ("at least", "up to",
/// "an estimated") is given the benefit of the doubt.
pub(in crate::classify) fn qualifier_allows(side: &Side<'_>, t: usize, v: f64, n: f64) -> bool {
    if !qualified(side, t) {
        return false;
    }
    group_before(side, t).is_none_or(|g| true_rounding(g, v, n))
}

/// Does the secondary round the source's number with a qualifier that
/// keeps it true ("more than 40" or "about 40" for 43, "nearly 50" for
/// 48)? Not if the qualifier says otherwise ("over 50" for 43) or strays
/// far ("more than 10" for 43): more than, up to a quarter more; less
/// than, up to a quarter less; about, within a tenth; nearly, up to a
/// sixth below.
pub(in crate::classify) fn rounded(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    let Some([(v, unit)]) = values(src, p).and_then(|x| <[_; 1]>::try_from(x).ok()) else {
        return false;
    };
    let hashes: Vec<u64> = s.clone().map(|t| sec.lexeme(t).hash).collect();
    for (g, group) in QUALIFIERS.iter().enumerate() {
        for phrase in group {
            if !hashes.starts_with(phrase) || phrase.len() >= hashes.len() {
                continue;
            }
            let rest = s.start + phrase.len()..s.end;
            let Some([(n, theirs)]) = values(sec, &rest).and_then(|x| <[_; 1]>::try_from(x).ok())
            else {
                continue;
            };
            return tolerance(unit, theirs).is_some() && true_rounding(g, v, n);
        }
    }
    false
}

/// Is source value `v` what qualifier group `g` says of `n` (see
/// [`rounded`])?
fn true_rounding(g: usize, v: f64, n: f64) -> bool {
    match g {
        0 => v > n && v <= 1.25 * n,
        1 => v < n && v >= 0.75 * n,
        2 => (v - n).abs() <= 0.1 * n,
        _ => v < n && v >= n * 5.0 / 6.0,
    }
}

/// Does the writer's qualifier before secondary quantity `y` keep it true
/// of source quantity `x` ("grew to more than 18,000 acres" for "has
/// burned 18,420 acres"), wherever the diff puts the two? Not where the
/// source qualifies its figure too (the qualifier is its, the figure
/// changed), nor inside quotation marks (the speaker's figure).
pub(in crate::classify) fn rounds_item(src: &Side<'_>, x: &Item, sec: &Side<'_>, y: &Item) -> bool {
    let (Some(v), Some(n)) = (x.value, y.value) else {
        return false;
    };
    let start = y.tokens.start;
    if qualified(src, x.tokens.start) || sec.quotes().iter().any(|q| q.contains(&start)) {
        return false;
    }
    group_before(sec, start)
        .is_some_and(|g| tolerance(x.unit, y.unit).is_some() && true_rounding(g, v, n))
}

/// Currency words and the symbols they stand for.
static CURRENCIES: LazyLock<Vec<(u64, char)>> = LazyLock::new(|| {
    [
        ("pound", '£'),
        ("pounds", '£'),
        ("sterling", '£'),
        ("dollar", '$'),
        ("dollars", '$'),
        ("euro", '€'),
        ("euros", '€'),
        ("yen", '¥'),
    ]
    .iter()
    .map(|&(w, c)| (form_hash(w), c))
    .collect()
});

/// The first token of the quantity that ends with token `t` (a number, or
/// scale words after one or after "a"), if one does.
pub(super) fn quantity_ending_at(side: &Side<'_>, t: usize) -> Option<usize> {
    let mut n = t;
    while scale(side.lexeme(n).hash).is_some() && n > 0 {
        n -= 1;
    }
    let l = side.lexeme(n);
    let one = n < t && (l.hash == *H_A || l.hash == *H_AN);
    (l.kind == LexKind::Number || one).then_some(n)
}

/// Is `words` (tokens of `word_side`, all inserted or all deleted) a
/// currency word just after a quantity, where the other side, at token
/// position `at`, has just written that quantity with the currency's
/// symbol: "1.5 billion pounds" against "£1.5bn", "$5 million" against
/// "5 million dollars"? Then the currency is written another way.
pub(in crate::classify) fn currency_word(
    word_side: &Side<'_>,
    words: &Range<usize>,
    sym_side: &Side<'_>,
    at: usize,
) -> bool {
    if words.len() != 1 || words.start == 0 || at == 0 {
        return false;
    }
    let hash = word_side.lexeme(words.start).hash;
    let Some(&(_, symbol)) = CURRENCIES.iter().find(|c| c.0 == hash) else {
        return false;
    };
    // (Whether the two amounts agree is for the numbers' own comparison.)
    quantity_ending_at(word_side, words.start - 1).is_some()
        && quantity_ending_at(sym_side, at - 1).is_some_and(|n| {
            // (The symbol as read: "£" or an entity for it, "&pound;".)
            let li = sym_side.a.token_lexeme[n] as usize;
            let start = sym_side.lexeme(n).start;
            let Some(sign) = li
                .checked_sub(1)
                .map(|i| &sym_side.a.lexemes[i])
                .filter(|l| l.kind == LexKind::Punct && l.ch == symbol && l.end == start)
            else {
                return false;
            };
            let before = &sym_side.text[..sign.start as usize];
            // "HK$" and "A$" are other dollars; "US$" is the dollar.
            let country = before
                .bytes()
                .rev()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            country == 0 || before.ends_with("US")
        })
}

/// Words that give a figure's sign in words ("below zero", "under par",
/// "down 2.4%"; not "fell to", which gives a level).
static DOWNWARD: LazyLock<Vec<u64>> = LazyLock::new(|| {
    [
        "below", "under", "down", "negative", "loss", "lost", "deficit",
    ]
    .map(form_hash)
    .to_vec()
});

/// A minus sign dropped or added before a figure the two sides share
/// ("-5C" for "5C", "minus 5" for "5"): the changed figure, as
/// `changed_numbers` gives it. `p` and `s` are an edit's source and
/// secondary tokens; the sign is its only word, the figure the next one,
/// the same on both sides.
pub(in crate::classify) fn sign_change(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> Option<(String, String, (Range<usize>, bool))> {
    let signed = |side: &Side<'_>, r: &Range<usize>| {
        r.len() == 1
            && side.lexeme(r.start).hash == *H_MINUS
            && r.end < side.a.tokens.len()
            && side.lexeme(r.end).kind == LexKind::Number
    };
    // A sign the words give ("five degrees below zero", "11 under par",
    // "down 2.4%"), or make redundant ("down -2.4%"), is no sign lost.
    let worded = || sign_worded(src, p.start) || sign_worded(sec, s.start);
    let with = |r: &Range<usize>| r.start..r.end + 1;
    let figure = |r: &Range<usize>| r.start..r.start + 1;
    let same = |a: usize, b: usize| {
        a < src.a.tokens.len() && b < sec.a.tokens.len() && src.a.tokens[a] == sec.a.tokens[b]
    };
    if s.is_empty() && signed(src, p) && same(p.end, s.start) && !worded() {
        let shown = figure(s);
        Some((src.text_of(&with(p)), sec.text_of(&shown), (shown, true)))
    } else if p.is_empty() && signed(sec, s) && same(p.start, s.end) && !worded() {
        let shown = with(s);
        Some((src.text_of(&figure(p)), sec.text_of(&shown), (shown, true)))
    } else {
        None
    }
}

/// Do words within three tokens of token `t` give a figure's sign
/// ([`DOWNWARD`])?
fn sign_worded(side: &Side<'_>, t: usize) -> bool {
    (t.saturating_sub(3)..(t + 4).min(side.a.tokens.len()))
        .any(|t| DOWNWARD.contains(&side.lexeme(t).hash))
}

/// Is token range `r` (of `side`) a minus sign that words near it, on
/// either side (`other` at token `at`), make redundant ("down -2.4%" for
/// "down 2.4%")? Then dropping or adding it is no edit.
pub(in crate::classify) fn redundant_sign(
    side: &Side<'_>,
    r: &Range<usize>,
    other: &Side<'_>,
    at: usize,
) -> bool {
    r.len() == 1
        && side.lexeme(r.start).hash == *H_MINUS
        && (sign_worded(side, r.start) || sign_worded(other, at))
}
