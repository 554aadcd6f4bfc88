//! One finding for one run of copied text: verbatim findings that follow
//! each other with no word between them, in the secondary and in the same
//! source, are one passage copied whole ("A surplus is not a trophy. It is
//! the people's money"), reported once rather than once per sentence.

use super::Finding;
use crate::align;
use crate::classify::{Kind, verbatim_count};
use crate::segment::Analysis;

/// The block (paragraph) that holds token `t`.
fn block_of(a: &Analysis, t: usize) -> usize {
    a.block_tokens.partition_point(|r| r.end as usize <= t)
}

/// Whether `b` continues `a`: both verbatim, quoted alike, no negation, and
/// `b` starts at the word after `a` ends, in the secondary and in the same
/// source; or both quotations found nowhere, for the same reason, one
/// running on from the other. Never across paragraphs: a span is read as
/// one stretch of text.
fn continues(doc: &Analysis, a: &Finding, b: &Finding) -> bool {
    if a.doc != b.doc
        || b.tokens.start != a.tokens.end
        || block_of(doc, a.tokens.start) != block_of(doc, b.tokens.end - 1)
    {
        return false;
    }
    // (Only plain counts: a verbatim finding that says more, an ellipsis
    // or brackets it declares, a quotation kept in a passage changed
    // around it, keeps what it says.)
    let verbatim = |f: &Finding| {
        let v = &f.verdict;
        v.kind == Kind::Verbatim
            && !v.negation
            && v.edits.is_empty()
            && v.message.starts_with("verbatim")
            && v.message.ends_with(" words)")
    };
    match (&a.source, &b.source) {
        (Some((sa, ra)), Some((sb, rb))) => {
            verbatim(a)
                && verbatim(b)
                && a.verdict.in_quotes == b.verdict.in_quotes
                && sa == sb
                && rb.start == ra.end
        }
        (None, None) => {
            let unfound = |f: &Finding| f.verdict.kind == Kind::Unsupported && f.verdict.in_quotes;
            unfound(a) && unfound(b) && a.verdict.message == b.verdict.message
        }
        _ => false,
    }
}

/// `b` appended to `a`: the diff of both, and the verdict's count of words.
fn append(a: &mut Finding, b: Finding) {
    let shift = b.tokens.start - a.tokens.start;
    a.ops.extend(b.ops.into_iter().map(|o| align::Op {
        sec: o.sec.start + shift..o.sec.end + shift,
        ..o
    }));
    a.tokens.end = b.tokens.end;
    if let (Some((_, ra)), Some((_, rb))) = (&mut a.source, &b.source) {
        ra.end = rb.end;
    }
    a.verdict.edits.extend(b.verdict.edits);
    if a.source.is_none() {
        return;
    }
    let (matched, n) = (align::matched_words(&a.ops), a.tokens.len());
    a.score = matched as f64 / n.max(1) as f64;
    a.verdict.message = verbatim_count(matched < n, matched, n);
}

/// Joins every run of verbatim findings that continue each other (see
/// [`continues`]) in the secondary document analyzed as `doc`. Findings
/// come out in order of their first word.
pub(super) fn join_runs(doc: &Analysis, mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| f.tokens.start);
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    // Where each verbatim finding of `out` ends, to find the one a finding
    // continues (other findings may lie between: a sentence's own finding
    // overlaps the quotation's).
    let mut open: Vec<usize> = Vec::new();
    for f in findings {
        let from = f.tokens.start;
        let joined = open
            .iter()
            .position(|&i| continues(doc, &out[i], &f))
            .map(|k| open[k]);
        match joined {
            Some(i) => append(&mut out[i], f),
            None => {
                if matches!(f.verdict.kind, Kind::Verbatim | Kind::Unsupported) {
                    open.push(out.len());
                }
                out.push(f);
            }
        }
        // A verbatim finding can only be continued by one that starts where
        // it ends; those ending before the latest start are done.
        open.retain(|&i| out[i].tokens.end >= from);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Verdict;

    fn verbatim(tokens: std::ops::Range<usize>, src: std::ops::Range<usize>) -> Finding {
        let n = tokens.len();
        Finding {
            doc: 3,
            source: Some((0, src.clone())),
            verdict: Verdict {
                kind: Kind::Verbatim,
                edits: Vec::new(),
                message: format!("verbatim ({n} of {n} words)"),
                in_quotes: true,
                negation: false,
            },
            score: 1.0,
            ops: vec![align::Op {
                tag: align::Tag::Equal,
                src,
                sec: 0..n,
            }],
            tokens,
        }
    }

    /// A document whose paragraphs end before the given tokens (and at 100).
    fn paragraphs(breaks: &[u32]) -> Analysis {
        let mut ends = breaks.to_vec();
        ends.push(100);
        let starts = std::iter::once(0).chain(breaks.iter().copied());
        Analysis {
            block_tokens: starts.zip(ends).map(|(s, e)| s..e).collect(),
            ..Analysis::default()
        }
    }

    #[test]
    fn consecutive_sentences_of_one_quotation_are_one_finding() {
        let one = paragraphs(&[]);
        let joined = join_runs(
            &one,
            vec![verbatim(10..15, 40..45), verbatim(15..27, 45..57)],
        );
        assert_eq!(joined.len(), 1);
        let f = &joined[0];
        assert_eq!(f.tokens, 10..27);
        assert_eq!(f.source.as_ref().unwrap().1, 40..57);
        assert_eq!(f.verdict.message, "verbatim (17 of 17 words)");
        assert_eq!(f.ops[1].sec, 5..17);
    }

    #[test]
    fn a_gap_on_either_side_or_another_kind_keeps_findings_apart() {
        let one = &paragraphs(&[]);
        // A word between them in the source: another stretch of it.
        assert_eq!(
            join_runs(
                one,
                vec![verbatim(10..15, 40..45), verbatim(15..20, 46..51)]
            )
            .len(),
            2
        );
        // A word between them in the secondary.
        assert_eq!(
            join_runs(
                one,
                vec![verbatim(10..15, 40..45), verbatim(16..21, 45..50)]
            )
            .len(),
            2
        );
        let mut copy = verbatim(15..20, 45..50);
        copy.verdict.kind = Kind::CopyError;
        assert_eq!(
            join_runs(one, vec![verbatim(10..15, 40..45), copy]).len(),
            2
        );
        let mut unquoted = verbatim(15..20, 45..50);
        unquoted.verdict.in_quotes = false;
        assert_eq!(
            join_runs(one, vec![verbatim(10..15, 40..45), unquoted]).len(),
            2
        );
        // A verbatim finding that declares an ellipsis keeps its message.
        let mut elided = verbatim(15..20, 45..50);
        elided.verdict.edits.push(crate::classify::Edit::new(
            "elide",
            "x".into(),
            String::new(),
        ));
        elided.verdict.message += ", the ellipsis standing for \"x\"";
        assert_eq!(
            join_runs(one, vec![verbatim(10..15, 40..45), elided]).len(),
            2
        );
        // Another paragraph.
        let two = &paragraphs(&[15]);
        assert_eq!(
            join_runs(
                two,
                vec![verbatim(10..15, 40..45), verbatim(15..20, 45..50)]
            )
            .len(),
            2
        );
    }
}
