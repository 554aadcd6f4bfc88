//! The short opening sentence of a quotation, taken with the rest of it. A
//! quotation that opens with a sentence too short to be a passage of its
//! own ("“Nobody was hurt. All of our people are safe,” she said"; "“No.
//! I'm not worried about my job”") leaves that sentence without a finding,
//! and the finding of the next one starts inside the quotation. Where the
//! short sentence's words are the source's words just before that
//! finding's, it is the same copy: the finding takes it in, and so covers
//! the whole quotation it reports on.

use std::ops::Range;

use super::{Finding, Loaded, side};
use crate::align;
use crate::classify::{Kind, verbatim_count};
use crate::segment::PassageKind;

/// At most this many words: a sentence as long as a passage has its own
/// finding or none for a reason.
const MAX_OPENING: usize = 6;

/// Takes into each finding of secondary `doc` the short sentence before it
/// (see the module's note): same quotation, same paragraph, no finding of
/// its own, and word for word the source's words before the finding's.
pub(super) fn take_openings(loaded: &Loaded, doc: usize, findings: &mut [Finding]) {
    let sec = side(loaded, doc);
    let a = sec.a;
    let sentences: Vec<Range<usize>> = a
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Sentence)
        .map(|p| p.toks.start as usize..p.toks.end as usize)
        .collect();
    let covered: Vec<Range<usize>> = findings.iter().map(|f| f.tokens.clone()).collect();
    for f in findings.iter_mut() {
        let Some((src_doc, rs)) = &f.source else {
            continue;
        };
        let Some(first) = f.ops.first() else {
            continue;
        };
        // (A paraphrase's message counts its words: it is left as it is.)
        if f.verdict.kind == Kind::Paraphrase
            || first.tag != align::Tag::Equal
            || first.sec.start != 0
            || first.src.start != rs.start
        {
            continue;
        }
        let t0 = f.tokens.start;
        let Some(prev) = sentences.iter().find(|s| s.end == t0 && !s.is_empty()) else {
            continue;
        };
        let n = prev.len();
        let same_quote = sec
            .quotes()
            .iter()
            .any(|q| q.start <= prev.start && q.end > t0);
        let same_block = a
            .block_tokens
            .iter()
            .any(|b| b.start as usize <= prev.start && b.end as usize > t0);
        if n > MAX_OPENING
            || rs.start < n
            || !same_quote
            || !same_block
            || covered.iter().any(|c| c.start < t0 && c.end > prev.start)
        {
            continue;
        }
        let src = side(loaded, *src_doc);
        let before = rs.start - n..rs.start;
        if src.a.tokens[before.clone()] != a.tokens[prev.clone()] {
            continue;
        }
        take(f, before, n);
    }
}

/// Prepends `n` words of the secondary, matching source tokens `before`.
fn take(f: &mut Finding, before: Range<usize>, n: usize) {
    for o in &mut f.ops {
        o.sec = o.sec.start + n..o.sec.end + n;
    }
    f.ops.insert(
        0,
        align::Op {
            tag: align::Tag::Equal,
            src: before.clone(),
            sec: 0..n,
        },
    );
    f.tokens.start -= n;
    if let Some((_, rs)) = &mut f.source {
        rs.start = before.start;
    }
    let (matched, len) = (align::matched_words(&f.ops), f.tokens.len());
    f.score = matched as f64 / len.max(1) as f64;
    if f.verdict.kind == Kind::Verbatim && f.verdict.message.ends_with(" words)") {
        let framed = f.verdict.message.contains("within");
        f.verdict.message = verbatim_count(framed, matched, len);
    }
}
