//! The figures a passage changes: those its edits replace, one moved or
//! misread from nearby, a qualifier changed where the match starts, and
//! the message that names them.

use std::ops::Range;

use super::{ClassifyConfig, Core, EditScan, Figure, Side, moved, quantity, scope};
use crate::align::{Alignment, Tag};
use crate::normalize::LexKind;

/// The figures the passage changes, into `scan.numeric`: those its edits
/// change, else one moved, misread from nearby or its qualifier changed
/// where the match starts, and, for a loose copy, those of the source's
/// nearby sentences. Returns whether they are all another sentence's
/// (then cleared: the passage retells that one, it changes none).
pub(super) fn scan_figures(
    scan: &mut EditScan,
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    al: &Alignment,
    core: &Core,
    cfg: &ClassifyConfig,
) -> bool {
    if scan.numeric.is_empty() {
        scan.numeric
            .extend(time_unit_changed(sec, passage, src, core));
    }
    if scan.numeric.is_empty() {
        scan.numeric
            .extend(range_end_changed(sec, passage, src, core));
    }
    if scan.numeric.is_empty() {
        scan.numeric
            .extend(moved::moved_figure(sec, passage, src, &core.ops));
    }
    if scan.numeric.is_empty() {
        scan.numeric
            .extend(moved::misread_nearby(sec, passage, src, &al.src));
    }
    if scan.numeric.is_empty() {
        scan.numeric
            .extend(moved::reframed_nearby(sec, passage, src, &al.src));
    }
    if scan.numeric.is_empty() {
        scan.numeric
            .extend(moved::changed_in_sentence(sec, passage, src, &al.src));
    }
    if scan.numeric.is_empty()
        && let Some(first) = core.ops().first().filter(|o| o.tag == Tag::Equal)
    {
        let at = passage.start + first.sec.start;
        let changed = quantity::qualifier_changed_at(&src, first.src.start, &sec, at);
        scan.numeric
            .extend(changed.map(|(p, s, r)| (p, s, (r, true))));
    }
    if (core.matched as f64) < cfg.copy_coverage * core.len as f64 {
        figures_from_nearby(scan, sec, src, al);
    }
    scan.numeric.retain(|f| {
        !super::heading::own_date(&sec, &src, f) && !moved_with_its_name(sec, src, &al.src, &f.2.0)
    });
    let elsewhere =
        !scan.numeric.is_empty() && scope::figures_of_another_sentence(sec, passage, src, al);
    if elsewhere {
        scan.numeric.clear();
    }
    elsewhere
}

/// Words either side of a figure searched for the name it goes with.
const NAME_WORDS: usize = 5;

/// Is the passage's figure at tokens `r` one the source states in `window`
/// next to the same name, a name not next to the figure the diff paired it
/// with ("In London, 89% …, against 78% in the North East" for "78 per
/// cent of secondary schools … In London, the figure is 89 per cent")?
/// The figures were put in another order with what they belong to, not
/// changed; two figures swapped between names still are.
fn moved_with_its_name(
    sec: Side<'_>,
    src: Side<'_>,
    window: &Range<usize>,
    r: &Range<usize>,
) -> bool {
    let Some(t) = r.clone().find(|&t| sec.lexeme(t).kind == LexKind::Number) else {
        return false;
    };
    let names = |side: &Side<'_>, t: usize| -> Vec<u64> {
        let Some(sentence) = super::edges::sentence_of(side, t) else {
            return Vec::new();
        };
        let lo = t.saturating_sub(NAME_WORDS).max(sentence.start);
        let hi = (t + NAME_WORDS + 1).min(sentence.end);
        (lo..hi)
            .filter(|&u| u != sentence.start && u != t && side.lexeme(u).cap)
            .map(|u| side.a.tokens[u])
            .collect()
    };
    let mine = names(&sec, t);
    if mine.is_empty() {
        return false;
    }
    let hash = sec.a.tokens[t];
    let near = |u: usize| names(&src, u).iter().any(|n| mine.contains(n));
    let placed: Vec<usize> = window
        .clone()
        .filter(|&u| src.a.tokens[u] == hash)
        .collect();
    // (The source figure it was paired with: its name is not the one.)
    let paired_elsewhere = window
        .clone()
        .filter(|&u| src.lexeme(u).kind == LexKind::Number && src.a.tokens[u] != hash)
        .any(near);
    placed.into_iter().any(near) && !paired_elsewhere
}

/// A unit of time replaced by another after the same number, the one word
/// changed ("within two weeks" for "within two days"): the figure with its
/// unit, as a changed figure.
fn time_unit_changed(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    core: &Core,
) -> Option<Figure> {
    core.ops().iter().find_map(|o| {
        let s = passage.start + o.sec.start;
        let one = o.tag == Tag::Replace && o.src.len() == 1 && o.sec.len() == 1;
        (one && s > passage.start && quantity::time_unit_changed(&src, o.src.start, &sec, s)).then(
            || {
                let (p, s) = (o.src.start - 1..o.src.end, s - 1..s + 1);
                (src.text_of(&p), sec.text_of(&s), (s, true))
            },
        )
    })
}

/// A range whose first figure is copied and whose other end is changed
/// ("$85m to $105m" for "between 85 and 95 million"), wherever the diff
/// puts the second: the two second figures, as a changed figure.
fn range_end_changed(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    core: &Core,
) -> Option<Figure> {
    let number = |side: &Side<'_>, t: usize| side.lexeme(t).kind == LexKind::Number;
    core.ops()
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .flat_map(|o| o.src.clone().zip(passage.start + o.sec.start..))
        .filter(|&(p, s)| number(&src, p) && number(&sec, s))
        .find_map(|(p, s)| quantity::range_end_changed(&src, p, &sec, s))
        .map(|(p, s)| (src.text_of(&p), sec.text_of(&s), (s, false)))
}

/// "number changed: the source says "22", the secondary "19"", naming
/// every figure changed (once each, in order).
pub(super) fn figures_changed(numeric: &[Figure]) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (p, s, _) in numeric {
        if !pairs.contains(&(p.as_str(), s.as_str())) {
            pairs.push((p, s));
        }
    }
    let (theirs, mine): (Vec<&str>, Vec<&str>) = pairs.into_iter().unzip();
    let what = if theirs.len() > 1 {
        "numbers"
    } else {
        "number"
    };
    format!(
        "{what} changed: the source says {}, the secondary {}",
        and_list(&theirs),
        and_list(&mine)
    )
}

/// "\"a\"", "\"a\" and \"b\"", "\"a\", \"b\" and \"c\"".
fn and_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|x| format!("{x:?}")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// Numbers replaced by other numbers in one edit: the source's and the
/// secondary's numbers, in order, paired where they differ.
pub(super) fn changed_numbers(
    src: Side<'_>,
    p: &Range<usize>,
    sec: Side<'_>,
    s: &Range<usize>,
) -> Vec<(String, String, (Range<usize>, bool))> {
    // Quantities, each a number with the scale word after it ("1.5
    // billion" is not "1.5 million"; "five thousand" is "5,000").
    let (a, b) = (quantity::items(&src, p), quantity::items(&sec, s));
    a.iter()
        .zip(&b)
        .filter(|(x, y)| {
            quantity::differ(&src, x, &sec, y) && !quantity::rounds_item(&src, x, &sec, y)
        })
        .map(|(x, y)| {
            let shown = y.shown(s);
            // A figure for a figure and nothing else is the source's place
            // taken with its number changed; words changed around it may
            // be a rewording that brings a figure from elsewhere.
            let clean = x.shown(p) == *p && shown == *s;
            (
                src.text_of(&x.shown(p)),
                sec.text_of(&shown),
                (shown, clean),
            )
        })
        .collect()
}

/// Source words on either side of an alignment where a loose rewording may
/// have taken a figure from (about two sentences).
const NEAR_FIGURES: usize = 60;

/// Keeps the changed figures of a loose rewording (not a copy) that the
/// source does not state nearby: "She said inflation, now at 2.8%, was
/// expected to rise" merges "Today it stands at 2.8 per cent" into the
/// sentence about "our 2 per cent target"; the 2.8 is the source's, not a
/// change of the 2. In a copy, or where the edit replaced the figure alone
/// ("risen to [5 -> 3] per cent"), a figure of a neighbouring sentence is
/// still a changed number: the classic error of the wrong figure.
fn figures_from_nearby(scan: &mut EditScan, sec: Side<'_>, src: Side<'_>, al: &Alignment) {
    if scan.numeric.is_empty() {
        return;
    }
    let near = al.src.start.saturating_sub(NEAR_FIGURES)
        ..(al.src.end + NEAR_FIGURES).min(src.a.tokens.len());
    let theirs = quantity::items(&src, &near);
    scan.numeric.retain(|(_, _, (at, clean))| {
        if *clean {
            return true;
        }
        let stated = |y: &quantity::Item| {
            y.value.is_some()
                && theirs
                    .iter()
                    .any(|z| z.value.is_some() && !quantity::differ(&src, z, &sec, y))
        };
        !quantity::items(&sec, at).first().is_some_and(stated)
    });
}
