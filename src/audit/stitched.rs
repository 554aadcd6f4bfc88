//! Quotations that run over several sentences: each sentence is aligned on
//! its own, so each may be verbatim while the quotation as a whole joins
//! places of the source that are apart ("We are a nation of laws. Let us
//! pass a law to protect the right to vote." from two paragraphs), which the
//! reader takes for one passage. Without an ellipsis between them, that is
//! a misquote.

use super::Finding;
use crate::classify::{Kind, Side};

/// Source words that may lie between two sentences quoted one after the
/// other (a word the diff left out at the seam) before they count as two
/// places.
const SEAM: usize = 3;

/// Marks as misquotes the sentences of a quotation that the writer joins,
/// without an ellipsis, to the one before from another place of the same
/// source. `findings`: a document's, in order; `sentence_end(doc, t)`:
/// where the sentence of source token `t` ends (a sentence cut short before
/// the next is reported as cut, not again as joined).
pub(super) fn mark_stitched<'t>(
    sec: &Side<'_>,
    findings: &mut [Finding],
    sentence_end: &dyn Fn(usize, usize) -> Option<usize>,
    tokens: &dyn Fn(usize) -> &'t [u64],
) {
    for i in 1..findings.len() {
        let (before, rest) = findings.split_at_mut(i);
        let (a, b) = (&before[i - 1], &mut rest[0]);
        let (Some((doc_a, src_a)), Some((doc_b, src_b))) = (&a.source, &b.source) else {
            continue;
        };
        if doc_a != doc_b
            || matches!(b.verdict.kind, Kind::Misquote | Kind::Unsupported)
            || b.tokens.start < a.tokens.end
            || b.tokens.start - a.tokens.end > SEAM
            || a.tokens.is_empty()
            || !one_quotation(sec, a.tokens.end - 1, b.tokens.start)
            || sec.ellipsis_before(b.tokens.start)
        {
            continue;
        }
        let joined = src_b.start >= src_a.end
            && (src_b.start - src_a.end <= SEAM
                || (a.verdict.kind == Kind::Truncation
                    && src_a
                        .end
                        .checked_sub(1)
                        .and_then(|t| sentence_end(*doc_a, t))
                        .is_some_and(|end| src_b.start.abs_diff(end) <= SEAM)));
        // The source may say the first sentence again right before the
        // second (a refrain): the quotation is that place.
        let said_again = || {
            let t = tokens(*doc_a);
            let words = &t[src_a.clone()];
            (src_b.start.saturating_sub(SEAM)..=src_b.start)
                .any(|end| end >= words.len() && t.get(end - words.len()..end) == Some(words))
        };
        if joined || said_again() {
            continue;
        }
        let (words, place) = if src_b.start >= src_a.end {
            (src_b.start - src_a.end, "later")
        } else {
            (src_a.end - src_b.start, "earlier")
        };
        b.verdict.kind = Kind::Misquote;
        b.verdict.in_quotes = true;
        b.verdict.message = format!(
            "the quotation joins this to the sentence before it from {words} words {place} in the source, without an ellipsis; {}",
            b.verdict.message
        );
    }
}

/// Are secondary tokens `a` and `b` inside one quotation?
fn one_quotation(sec: &Side<'_>, a: usize, b: usize) -> bool {
    let quotes = sec.quotes();
    let at = quotes.partition_point(|q| q.end <= a);
    quotes.get(at).is_some_and(|q| q.start <= a && b < q.end)
}
