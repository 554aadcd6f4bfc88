//! Times of day: "11.20pm", "11:20 p.m.", "23:20" are one time; "10.20pm"
//! for "11.20pm" is a changed figure. The lexer reads "11.20pm" as a word
//! and "23:20" as two numbers, so times are read here from the text.

use std::ops::Range;

use super::Side;

/// The minutes after midnight of the one time of day that `text` is, with
/// nothing else around it but spaces: an hour with "am" or "pm" ("6am",
/// "6.45am", "11:20 p.m."), or hours and minutes with a colon ("23:20",
/// "01:35"). "6.45" alone is a decimal, not a time.
fn time_of(text: &str) -> Option<u32> {
    let t = text.trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    let lower = t.to_ascii_lowercase();
    let suffix = |forms: [&str; 3]| forms.iter().find_map(|f| lower.strip_suffix(f));
    let (clock, half) = match suffix(["am", "a.m.", "a.m"])
        .map(|c| (c, Some(false)))
        .or_else(|| suffix(["pm", "p.m.", "p.m"]).map(|c| (c, Some(true))))
    {
        Some((c, half)) => (c.trim_end(), half),
        None => (lower.as_str(), None),
    };
    let (h, m) = match clock.split_once([':', '.']) {
        Some((h, m)) if digits(h) && m.len() == 2 && digits(m) => (h, m),
        None if digits(clock) && half.is_some() => (clock, "0"),
        _ => return None,
    };
    // (A stop between hours and minutes only with am or pm.)
    if half.is_none() && !clock.contains(':') {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if m >= 60 {
        return None;
    }
    let h = match half {
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None if h <= 24 => h % 24,
        None => return None,
    };
    Some(h * 60 + m)
}

/// The text of tokens `r` as the file has it, read in place.
fn text_at<'a>(side: &Side<'a>, r: &Range<usize>) -> &'a str {
    let (x, y) = (
        side.lexeme(r.start).start as usize,
        side.lexeme(r.end - 1).end as usize,
    );
    side.text.get(x..y).unwrap_or("")
}

/// The time of day tokens `r` are, if they are one: at most four tokens,
/// the first opening on a digit (most are not read at all).
fn time_at(side: &Side<'_>, r: &Range<usize>) -> Option<u32> {
    let opens = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    if r.is_empty() || r.len() > 4 || !opens(text_at(side, &(r.start..r.start + 1))) {
        return None;
    }
    time_of(text_at(side, r))
}

/// The time of day each token range is, if each is one.
fn times(src: &Side<'_>, p: &Range<usize>, sec: &Side<'_>, s: &Range<usize>) -> Option<(u32, u32)> {
    Some((time_at(src, p)?, time_at(sec, s)?))
}

/// Are the two ranges the same time of day, written two ways?
pub(in crate::classify) fn same_time(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    times(src, p, sec, s).is_some_and(|(a, b)| a == b)
}

/// The two times, as written, where a replacement puts one time of day
/// for another ("10.20pm" for "11.20pm", also amid other words replaced:
/// "4pm, starting" -> "6pm from"), and the secondary's time's tokens. Only
/// one time on each side: more is another list of times.
pub(in crate::classify) fn time_changed(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> Option<(String, String, Range<usize>)> {
    if let Some((a, b)) = times(src, p, sec, s) {
        return (a != b).then(|| (src.text_of(p), sec.text_of(s), s.clone()));
    }
    let (theirs, mine) = (times_in(src, p), times_in(sec, s));
    match (theirs.as_slice(), mine.as_slice()) {
        ([(x, a)], [(y, b)]) if a != b => Some((src.text_of(x), sec.text_of(y), y.clone())),
        _ => None,
    }
}

/// The times of day in token range `r`: (tokens, minutes), read over one
/// to four tokens, the longest first ("6.45am", "6.45 am", "18:45", "11:20
/// p.m.").
fn times_in(side: &Side<'_>, r: &Range<usize>) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    let mut t = r.start;
    while t < r.end {
        let found = (1..=4)
            .rev()
            .filter(|k| t + k <= r.end)
            .find_map(|k| time_at(side, &(t..t + k)).map(|m| (t..t + k, m)));
        match found {
            Some((span, m)) => {
                t = span.end;
                out.push((span, m));
            }
            None => t += 1,
        }
    }
    out
}

/// The one time of day of `passage` against the one of source range
/// `window` (its aligned sentence), where they differ and the source gives
/// the passage's time nowhere: "the failure began at 6.45am" for "at
/// 6.15am, a failure …", wherever a rewording put it.
pub(in crate::classify) fn time_moved(
    sec: &Side<'_>,
    passage: &Range<usize>,
    src: &Side<'_>,
    window: &Range<usize>,
) -> Option<(String, String, Range<usize>)> {
    let mine = times_in(sec, passage);
    let [(s, b)] = mine.as_slice() else {
        return None;
    };
    let theirs = times_in(src, window);
    let [(p, a)] = theirs.as_slice() else {
        return None;
    };
    let everywhere = times_in(src, &(0..src.a.tokens.len()));
    (a != b && !everywhere.iter().any(|(_, m)| m == b))
        .then(|| (src.text_of(p), sec.text_of(s), s.clone()))
}

#[cfg(test)]
mod tests {
    use super::time_of;

    #[test]
    fn times_of_day_are_read_in_their_forms() {
        let at = |h: u32, m: u32| Some(h * 60 + m);
        assert_eq!(time_of("11.20pm"), at(23, 20));
        assert_eq!(time_of("11:20 p.m."), at(23, 20));
        assert_eq!(time_of("11:20 p.m"), at(23, 20));
        assert_eq!(time_of("23:20"), at(23, 20));
        assert_eq!(time_of("6am"), at(6, 0));
        assert_eq!(time_of("12am"), at(0, 0));
        assert_eq!(time_of("12.05pm"), at(12, 5));
        assert_eq!(time_of("01:35"), at(1, 35));
        // Decimals, scores and other words are no times.
        for not in ["6.45", "3-1", "13pm", "7:75", "pm", "2.5bn", "10.20pm on"] {
            assert_eq!(time_of(not), None, "{not}");
        }
    }
}
