//! Sentences that no alignment or placement reaches but that give a figure
//! of the primary the document draws on with its digits in another order
//! ("The company has since added 210 call handlers" for "We have added 120
//! call handlers this afternoon"; "Some 98.4 percent of those voting backed
//! strikes" for "of those who voted, 89.4% voted yes to strike action"):
//! placed on the source sentence of that figure, where the two share
//! content words, as a changed figure. A figure the writer takes from
//! elsewhere seldom holds the same digits. (Not "Vacancies dipped to
//! 791,000" for "… to 719,000": one content word in common is too few.)

use std::ops::Range;

use crate::align::{self, AlignConfig, Alignment};
use crate::classify::{Side, sentence_of};
use crate::normalize::LexKind;

/// Content words (stems) a sentence must share with the source sentence of
/// the figure it misreads; one more for a figure of two digits.
const SHARED: usize = 2;

/// Sentences aligned to one primary before a document counts as drawing on
/// it here.
const DRAWN_ON: usize = 2;

/// For each sentence not aligned, the source token and the sentence's
/// token of the figure it misreads, where it is placed by it; `aligned` gets
/// the alignments. `sources`: the primaries' token ids; `primary_side`: the
/// side of primary `p` (an index into `sources`).
pub(super) fn anchor<'a>(
    sec: &Side<'_>,
    sentences: &[Range<usize>],
    aligned: &mut [Option<Alignment>],
    (sources, primary_side): (&[&[u64]], &dyn Fn(u32) -> Side<'a>),
    cfg: &AlignConfig,
) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; sentences.len()];
    let Some(p) = drawn_on(aligned) else {
        return out;
    };
    let number = |side: &Side<'_>, t: usize| side.lexeme(t).kind == LexKind::Number;
    let open: Vec<usize> = (0..sentences.len())
        .filter(|&k| aligned[k].is_none() && sentences[k].clone().any(|t| number(sec, t)))
        .collect();
    if open.is_empty() {
        return out;
    }
    let src = primary_side(p);
    let figures: Vec<(usize, String)> = (0..src.a.tokens.len())
        .filter(|&t| number(&src, t))
        .map(|t| (t, shape(&src, t)))
        .collect();
    for k in open {
        let s = &sentences[k];
        let Some((x, y)) = misread_in(sec, s, &src, &figures) else {
            continue;
        };
        let Some(sentence) = sentence_of(&src, x) else {
            continue;
        };
        let passage = &sec.a.tokens[s.clone()];
        aligned[k] = Some(align::align_to(
            sources[p as usize],
            p,
            sentence,
            passage,
            cfg,
        ));
        out[k] = Some((x, y));
    }
    out
}

/// The primary most of the aligned sentences draw on, if [`DRAWN_ON`] do.
fn drawn_on(aligned: &[Option<Alignment>]) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for al in aligned.iter().flatten() {
        match counts.iter_mut().find(|c| c.0 == al.source) {
            Some(c) => c.1 += 1,
            None => counts.push((al.source, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|c| c.1 >= DRAWN_ON)
        .max_by_key(|c| (c.1, std::cmp::Reverse(c.0)))
        .map(|c| c.0)
}

/// The one figure of sentence `s` that a figure of the source gives with
/// its digits in another order (the same shape, "98.4" and "89.4"), neither
/// stated on the other side, the source's sentence sharing content words
/// with `s`: (source token, sentence token).
fn misread_in(
    sec: &Side<'_>,
    s: &Range<usize>,
    src: &Side<'_>,
    figures: &[(usize, String)],
) -> Option<(usize, usize)> {
    let mine: Vec<(usize, String)> = s
        .clone()
        .filter(|&t| sec.lexeme(t).kind == LexKind::Number)
        .map(|t| (t, shape(sec, t)))
        .filter(|(_, f)| !is_year(f))
        .collect();
    let stated = |f: &str, list: &[(usize, String)]| list.iter().any(|(_, g)| g == f);
    let words = stems(sec, s.clone());
    let mut found = None;
    for (y, fy) in mine.iter().filter(|(_, f)| !stated(f, figures)) {
        for (x, fx) in figures.iter().filter(|(_, f)| !stated(f, &mine)) {
            if !swapped(fx, fy) {
                continue;
            }
            let Some(sentence) = sentence_of(src, *x) else {
                continue;
            };
            let theirs = stems(src, sentence);
            let shared = words.iter().filter(|w| theirs.contains(w)).count();
            let digits = fy.bytes().filter(u8::is_ascii_digit).count();
            if shared < SHARED + usize::from(digits < 3) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some((*x, *y));
        }
    }
    found
}

/// A figure's text with its thousands commas dropped ("1,416" is "1416").
fn shape(side: &Side<'_>, t: usize) -> String {
    side.text_of(&(t..t + 1)).replace(',', "")
}

/// A year: four digits, 1800 to 2100.
fn is_year(f: &str) -> bool {
    f.len() == 4 && f.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// The same digits in another order, in the same shape (digits and marks
/// at the same places: "98.4" and "89.4", not "9.84"), two digits or more.
fn swapped(a: &str, b: &str) -> bool {
    let mask = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { 'd' } else { c })
            .collect()
    };
    let sorted = |s: &str| {
        let mut v: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        v.sort_unstable();
        v
    };
    a != b
        && mask(a) == mask(b)
        && sorted(a).len() >= 2
        && sorted(a) == sorted(b)
        && !a.starts_with('0')
        && !b.starts_with('0')
}

/// The stems (first five letters) of the words of four letters or more of
/// tokens `r`, numbers and stop words aside.
fn stems(side: &Side<'_>, r: Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = r
        .filter(|&t| {
            let l = side.lexeme(t);
            l.kind != LexKind::Number && !super::is_stop_word(l.hash)
        })
        .map(|t| side.text_of(&(t..t + 1)).to_lowercase())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(|w| w.chars().take(5).collect())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::swapped;

    #[test]
    fn digits_swapped_in_the_same_shape() {
        for (a, b) in [
            ("98.4", "89.4"),
            ("120", "210"),
            ("1416", "1146"),
            ("719000", "791000"),
        ] {
            assert!(swapped(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("98.4", "9.84"),
            ("120", "120"),
            ("12", "123"),
            ("7", "7"),
            ("05", "50"),
        ] {
            assert!(!swapped(a, b), "{a} {b}");
        }
    }
}
