//! A sentence that gives a source sentence's words in another order ("He
//! said 34 late-stage attack plots had been disrupted since March 2017" for
//! "Since March 2017, we have disrupted 43 late-stage attack plots"). An
//! ordered word diff finds only one stretch of it; the runs of words it
//! shares with the source, each in order, show where it comes from. It is a
//! paraphrase of the source there, and a number next to a run on both sides
//! ("34 | late-stage attack plots" and "43 | late-stage attack plots") is
//! compared: a different value is a numeric change.

use std::ops::Range;

use super::{Edit, Kind, Side, Verdict, is_negation, quantity};
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
    let changed = changed_numbers(sec, s, src, runs);
    let al = Alignment {
        source,
        src: span,
        ops: ops(runs, n, &changed),
        matched,
        coverage: matched as f64 / n.max(1) as f64,
        timed_out: false,
    };
    let negation = negations(sec, s.clone(), runs, |r| r.1 + s.start)
        != negations(src, sentence, runs, |r| r.0);
    let verdict = verdict(sec, s, src, (runs.len(), matched), &changed, negation);
    Some((al, verdict))
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

/// Numbers right before or right after a run on both sides whose values
/// differ: (passage position, source position).
fn changed_numbers(
    sec: Side<'_>,
    s: &Range<usize>,
    src: Side<'_>,
    runs: &[Run],
) -> Vec<(usize, usize)> {
    let in_run = |t: usize| runs.iter().any(|r| (r.1..r.1 + r.2).contains(&t));
    let value = |side: &Side<'_>, t: usize| {
        (side.lexeme(t).kind == LexKind::Number)
            .then(|| quantity::items(side, &(t..t + 1)).first()?.value)
            .flatten()
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for r in runs {
        let before = (r.1.checked_sub(1), r.0.checked_sub(1));
        let after = (Some(r.1 + r.2).filter(|&t| t < s.len()), Some(r.0 + r.2));
        for (t, p) in [before, after] {
            let (Some(t), Some(p)) = (t, p) else { continue };
            if in_run(t) || p >= src.a.tokens.len() || out.iter().any(|o| o.0 == t) {
                continue;
            }
            if let (Some(a), Some(b)) = (value(&sec, s.start + t), value(&src, p))
                && a != b
            {
                out.push((t, p));
            }
        }
    }
    out.sort_unstable();
    out
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
