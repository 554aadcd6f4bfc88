//! A quotation as an anchor. Where a passage's diff breaks up a quotation
//! that the aligned stretch of its source holds word for word, the diff is
//! redone on either side of it, the quotation matched whole. A speech that
//! repeats a phrase ("She stopped answering the door. She stopped answering
//! the phone.") gives the diff two places to pair the phrase with, and a
//! tie between them may pick the wrong one ("“She stopped answering the
//! door”" read as "phone" -> "door"): the quotation decides.

use std::ops::Range;
use std::time::Duration;

use super::{Alignment, Op, Tag, diff, matched_words};

/// The alignment of `passage` with its quotations (`quotes`, passage
/// positions, three words or more) each matched whole where `al` breaks one
/// up and its source stretch holds it, if that matches as many words as
/// `al` does. `source`: the tokens of `al`'s source.
pub fn anchor_quotes(
    source: &[u64],
    passage: &[u64],
    al: &Alignment,
    quotes: &[Range<usize>],
    deadline: Duration,
) -> Option<Alignment> {
    quotes.iter().find_map(|q| {
        if q.len() < 3 || q.end > passage.len() || al.timed_out {
            return None;
        }
        let whole = al
            .ops
            .iter()
            .any(|o| o.tag == Tag::Equal && o.sec.start <= q.start && q.end <= o.sec.end);
        if whole {
            return None;
        }
        let words = &passage[q.clone()];
        let last = al.src.end.checked_sub(words.len())?;
        let at = (al.src.start..=last).find(|&j| source[j..j + words.len()] == *words)?;
        let end = at + words.len();
        let (mut ops, _) = diff(
            &source[al.src.start..at],
            &passage[..q.start],
            al.src.start,
            deadline,
        );
        ops.push(Op {
            tag: Tag::Equal,
            src: at..end,
            sec: q.clone(),
        });
        let (after, _) = diff(&source[end..al.src.end], &passage[q.end..], end, deadline);
        ops.extend(after.into_iter().map(|o| Op {
            sec: o.sec.start + q.end..o.sec.end + q.end,
            ..o
        }));
        // The stretch runs from the first match to the last; the passage's
        // words outside it are its own, added (as `restrict` has them).
        let first = ops.iter().position(|o| o.tag == Tag::Equal)?;
        let last = ops.iter().rposition(|o| o.tag == Tag::Equal)?;
        let (start, stop) = (ops[first].src.start, ops[last].src.end);
        let (lead, tail) = (ops[first].sec.start, ops[last].sec.end);
        let mut kept: Vec<Op> = Vec::with_capacity(ops.len());
        if lead > 0 {
            kept.push(Op {
                tag: Tag::Insert,
                src: start..start,
                sec: 0..lead,
            });
        }
        kept.extend(ops.drain(first..=last));
        if tail < passage.len() {
            kept.push(Op {
                tag: Tag::Insert,
                src: stop..stop,
                sec: tail..passage.len(),
            });
        }
        let ops = kept;
        let matched = matched_words(&ops);
        (matched >= al.matched).then(|| Alignment {
            src: start..stop,
            ops,
            matched,
            coverage: matched as f64 / passage.len().max(1) as f64,
            ..al.clone()
        })
    })
}
