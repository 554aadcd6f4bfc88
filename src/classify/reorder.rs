//! A sentence that gives a source sentence's words in another order ("He
//! said 34 late-stage attack plots had been disrupted since March 2017" for
//! "Since March 2017, we have disrupted 43 late-stage attack plots"). An
//! ordered word diff finds only one stretch of it; the runs of words it
//! shares with the source, each in order, show where it comes from. It is a
//! paraphrase of the source there, unless it puts words of its own where
//! the source has others (shared phrasing about something else); a figure
//! outside the runs that the source sentence gives otherwise ("34" where it
//! says "43") is a numeric change.

use std::ops::Range;

use super::negation::is_negation;
use super::{Edit, Kind, Side, Verdict, quantity};
use crate::align::{AlignConfig, Alignment, Op, Run, Tag};
use crate::normalize::LexKind;

/// The alignment and verdict of sentence `s` (secondary tokens) from the
/// `runs` it shares with `src` (source position, passage position, length,
/// in passage order), if they make a reordered copy: at least two runs, out
/// of the source's order and all in one source sentence, holding half the
/// sentence and at least `min_words + 4` words.
pub fn reordered(
    sec: Side<'_>,
    s: &Range<usize>,
    src: Side<'_>,
    source: u32,
    runs: &[Run],
    cfg: &AlignConfig,
) -> Option<(Alignment, Verdict)> {
    let n = s.len();
    let matched: usize = runs.iter().map(|r| r.2).sum();
    let out_of_order = runs.windows(2).any(|w| w[1].0 < w[0].0);
    if runs.len() < 2 || !out_of_order || matched < (cfg.min_words + 4).max(n.div_ceil(2)) {
        return None;
    }
    // All from one source sentence: runs of common words scattered over a
    // stretch of the source are chance.
    let span = runs.iter().map(|r| r.0).min()?..runs.iter().map(|r| r.0 + r.2).max()?;
    let sentence = super::sentence_of(&src, span.start).filter(|x| x.end >= span.end)?;
    if substitutes(sec, s, src, &span, runs) {
        return None;
    }
    let changed = changed_numbers(sec, s, src, &sentence, runs);
    // The span holds the changed numbers too.
    let span = changed
        .iter()
        .fold(span, |a, &(_, p)| a.start.min(p)..a.end.max(p + 1));
    let near = |r: Range<usize>, within: &Range<usize>| {
        r.start.saturating_sub(1).max(within.start)..(r.end + 1).min(within.end)
    };
    let mine = near(
        s.start + runs[0].1..s.start + runs[runs.len() - 1].1 + runs[runs.len() - 1].2,
        s,
    );
    let negation = negations(sec, mine, runs, |r| r.1 + s.start)
        != negations(src, near(span.clone(), &sentence), runs, |r| r.0);
    let al = Alignment {
        source,
        src: span,
        ops: ops(runs, n, &changed),
        matched,
        coverage: matched as f64 / n.max(1) as f64,
        timed_out: false,
    };
    let mut verdict = verdict(sec, s, src, (runs.len(), matched), &changed, negation);
    // Less said than the source sentence said: a proviso of it left out
    // ("Halevu was ready to take part in debt-for-climate swaps" for "...
    // Halevu is ready to take part, but only if the terms are set with us").
    if verdict.kind == Kind::Paraphrase
        && let Some(c) = super::proviso::condition_left_out((sec, s), src, &sentence)
    {
        let text = src.text_of(&c);
        verdict.kind = Kind::Truncation;
        verdict.message = format!(
            "drops the condition the source puts on it, {text:?}; {}",
            verdict.message
        );
        verdict.edits.push(Edit::new("delete", text, String::new()));
    }
    Some((al, verdict))
}

/// Does the sentence say something else in the source's phrasing: a word
/// of its own outside its runs where the source has a word of its own in
/// their span ("Burglary has fallen by 4 per cent" against "violent crime
/// has fallen by 10 per cent")? Words are compared by their first four
/// letters ("disrupted" is "disrupt"); function words, verbs of saying and
/// numbers are not counted.
fn substitutes(
    sec: Side<'_>,
    s: &Range<usize>,
    src: Side<'_>,
    span: &Range<usize>,
    runs: &[Run],
) -> bool {
    let stem = |side: &Side<'_>, t: usize| -> Option<String> {
        let l = side.lexeme(t);
        (l.kind == LexKind::Word
            && !crate::normalize::is_function_word(l.hash)
            && !super::is_saying(l.hash))
        .then(|| {
            side.text_of(&(t..t + 1))
                .to_lowercase()
                .chars()
                .take(4)
                .collect()
        })
    };
    let in_runs = |t: usize, at: &dyn Fn(&Run) -> usize| {
        runs.iter().any(|r| (at(r)..at(r) + r.2).contains(&t))
    };
    let theirs: Vec<String> = span.clone().filter_map(|p| stem(&src, p)).collect();
    let mine: Vec<String> = s.clone().filter_map(|t| stem(&sec, t)).collect();
    let added = (0..s.len())
        .filter(|&t| !in_runs(t, &|r| r.1))
        .filter_map(|t| stem(&sec, s.start + t))
        .any(|w| !theirs.contains(&w));
    let dropped = span
        .clone()
        .filter(|&p| !in_runs(p, &|r| r.0))
        .filter_map(|p| stem(&src, p))
        .any(|w| !mine.contains(&w));
    added && dropped
}

/// The verdict on reordered sentence `s` (in `runs` runs holding `matched`
/// words), its `changed` numbers and whether a negation differs.
fn verdict(
    sec: Side<'_>,
    s: &Range<usize>,
    src: Side<'_>,
    (runs, matched): (usize, usize),
    changed: &[(usize, usize)],
    negation: bool,
) -> Verdict {
    let quotes = sec.quotes();
    let in_quotes = s.clone().any(|t| quotes.iter().any(|q| q.contains(&t)));
    let text = |side: &Side<'_>, t: usize| side.text_of(&(t..t + 1));
    let edits: Vec<Edit> = changed
        .iter()
        .map(|&(t, p)| Edit::new("replace", text(&src, p), text(&sec, s.start + t)))
        .collect();
    let order = format!(
        "the source's words in another order ({matched} of its {} words in {runs} runs of the source)",
        s.len()
    );
    let (kind, message) = match edits.first() {
        Some(e) => (
            Kind::NumericChange,
            format!(
                "number changed: the source says {:?}, the secondary {:?}; {order}",
                e.source, e.secondary
            ),
        ),
        None => (Kind::Paraphrase, format!("paraphrase: {order}")),
    };
    let message = if negation {
        format!("negation changed; {message}")
    } else {
        message
    };
    Verdict {
        kind,
        edits,
        message,
        in_quotes,
        negation,
    }
}

/// The figures the sentence changed: the numbers that no run holds, in the
/// sentence and in the source sentence, less those whose value the other
/// side also has, paired in order where as many are left on both sides
/// ("one" as in "one of the" is no figure). (Passage position, source
/// position.)
/// Source words on either side of the runs where a changed figure of a
/// long sentence is looked for.
const NEAR_RUNS: usize = 3;

fn changed_numbers(
    sec: Side<'_>,
    s: &Range<usize>,
    src: Side<'_>,
    sentence: &Range<usize>,
    runs: &[Run],
) -> Vec<(usize, usize)> {
    let figures =
        |side: &Side<'_>, r: Range<usize>, at: &dyn Fn(&Run) -> usize| -> Vec<(usize, f64)> {
            r.filter(|&t| !runs.iter().any(|x| (at(x)..at(x) + x.2).contains(&t)))
                .filter(|&t| {
                    side.lexeme(t).kind == LexKind::Number
                        && !side.text_of(&(t..t + 1)).eq_ignore_ascii_case("one")
                })
                .filter_map(|t| Some((t, quantity::items(side, &(t..t + 1)).first()?.value?)))
                .collect()
        };
    let mut mine = figures(&sec, s.clone(), &|r| r.1 + s.start);
    let mut theirs = figures(&src, sentence.clone(), &|r| r.0);
    mine.retain(|&(_, v)| match theirs.iter().position(|x| x.1 == v) {
        Some(i) => {
            theirs.remove(i);
            false
        }
        None => true,
    });
    // A long sentence may give other figures in other clauses ("for seven
    // consecutive months, and for the first time in a decade, ... more
    // than 65 weeks"): then only those within a few words of the runs.
    if mine.len() != theirs.len() {
        let lo = runs.iter().map(|r| r.0).min().unwrap_or(0);
        let hi = runs.iter().map(|r| r.0 + r.2).max().unwrap_or(0);
        let near = lo.saturating_sub(NEAR_RUNS)..hi + NEAR_RUNS;
        theirs.retain(|(p, _)| near.contains(p));
    }
    if mine.len() != theirs.len() {
        return Vec::new();
    }
    mine.iter()
        .zip(&theirs)
        .map(|(&(t, _), &(p, _))| (t - s.start, p))
        .collect()
}

/// The ops of a reordered alignment, in passage order: each run equal, the
/// words between added, a changed number replacing the source's.
fn ops(runs: &[Run], n: usize, changed: &[(usize, usize)]) -> Vec<Op> {
    let mut out = Vec::new();
    let added = |out: &mut Vec<Op>, sec: Range<usize>, at: usize| {
        let mut from = sec.start;
        for &(t, p) in changed.iter().filter(|c| sec.contains(&c.0)) {
            if t > from {
                out.push(Op {
                    tag: Tag::Insert,
                    src: at..at,
                    sec: from..t,
                });
            }
            out.push(Op {
                tag: Tag::Replace,
                src: p..p + 1,
                sec: t..t + 1,
            });
            from = t + 1;
        }
        if sec.end > from {
            out.push(Op {
                tag: Tag::Insert,
                src: at..at,
                sec: from..sec.end,
            });
        }
    };
    let mut cursor = 0;
    for r in runs {
        added(&mut out, cursor..r.1, r.0);
        out.push(Op {
            tag: Tag::Equal,
            src: r.0..r.0 + r.2,
            sec: r.1..r.1 + r.2,
        });
        cursor = r.1 + r.2;
    }
    let end = runs.last().map_or(0, |r| r.0 + r.2);
    added(&mut out, cursor..n, end);
    out
}

/// Negations among the words of `r` outside the runs (`start` gives a run's
/// first position on this side).
fn negations(
    side: Side<'_>,
    r: Range<usize>,
    runs: &[Run],
    start: impl Fn(&Run) -> usize,
) -> usize {
    r.filter(|&t| !runs.iter().any(|x| (start(x)..start(x) + x.2).contains(&t)))
        .filter(|&t| is_negation(side.lexeme(t).hash))
        .count()
}
