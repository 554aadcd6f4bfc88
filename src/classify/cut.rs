//! Where a copy stops: at its source sentence's end, cut short, or at an
//! ellipsis that says so.

use std::ops::Range;

use super::{ClassifyConfig, Side, edges};
use crate::align::{Alignment, Tag};

/// How a copy stops before its source sentence ends.
pub(super) enum Stop {
    /// Where the source sentence ends, or taking a phrase from it.
    Whole,
    /// Cut short: this many more words follow in the source.
    Cut(usize),
    /// Cut at an ellipsis, which declares these source words left out.
    Elided(Range<usize>),
}

/// Cut short: most of a source sentence copied, then stopped (taking a
/// phrase from the middle of a sentence is quoting, not cutting), without
/// an ellipsis to say so.
pub(super) fn cut_short(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    al: &Alignment,
    core: &[crate::align::Op],
    (continues, cfg): (bool, &ClassifyConfig),
) -> Stop {
    let (cut_after, sentence_len) = sentence_rest(src, al.src.end);
    let ends_with_match = core.last().is_some_and(|o| o.tag == Tag::Equal);
    // The rest of the sentence, given before the matched words ("For too
    // long, policing has been cut back" for "... cut back for too long"),
    // moved: it was not cut.
    let moved = || appears_in(sec, passage, src, &(al.src.end..al.src.end + cut_after));
    // An ellipsis where the copy stops declares the cut ("too high for too
    // long … On the other"): the reader is told words were left out.
    let declared = || {
        core.last()
            .is_some_and(|o| sec.ellipsis_after(passage.start + o.sec.end - 1))
    };
    let truncated_tail = !continues
        && ends_with_match
        && cut_after >= cfg.min_cut_words
        && 2 * al.src.len() >= sentence_len
        && !moved();
    match truncated_tail {
        false => Stop::Whole,
        true if declared() => Stop::Elided(al.src.end..al.src.end + cut_after),
        true => Stop::Cut(cut_after),
    }
}

/// Do source tokens `p` stand, in order, somewhere in the passage?
pub(super) fn appears_in(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    p: &Range<usize>,
) -> bool {
    let words = &src.a.tokens[p.clone()];
    !words.is_empty()
        && sec.a.tokens[passage.clone()]
            .windows(words.len())
            .any(|w| w == words)
}

/// Words left in the source sentence after token `end`, and that sentence's length.
fn sentence_rest(src: Side<'_>, end: usize) -> (usize, usize) {
    end.checked_sub(1)
        .and_then(|t| edges::sentence_of(&src, t))
        .map_or((0, 0), |s| (s.end - end, s.len()))
}
