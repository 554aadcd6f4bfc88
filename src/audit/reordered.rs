//! Sentences that give a source sentence's words in another order, found
//! where the ordered alignment fails (`classify::reordered` judges them).

use std::ops::Range;

use super::{DocAudit, Finding, side};
use crate::align::Alignment;
use crate::{align, classify};

/// A reordered reading replaces an ordered alignment only if it matches at
/// least this many more words (a whole seed's worth).
const BETTER_BY: usize = 3;

impl DocAudit<'_> {
    /// The reordered readings of `sentences` (none for most): where a
    /// sentence does not align in order (`regions`: the source window that
    /// held the most of its seeds), or aligns on under three quarters of its
    /// words and on fewer of them than the source sentence's words in
    /// another order (its ordered alignment is then dropped; a closer copy
    /// has too few words left to gain, and is not tried). Sentences with a quotation are left to the quotation's
    /// own judgement.
    pub(super) fn reorderings(
        &self,
        sentences: &[Range<usize>],
        aligned: &mut [Option<Alignment>],
        regions: &[Option<(u32, Range<usize>)>],
    ) -> Vec<Option<Finding>> {
        let mut out: Vec<Option<Finding>> = Vec::with_capacity(sentences.len());
        for (k, s) in sentences.iter().enumerate() {
            let region = match &aligned[k] {
                None => regions[k].clone(),
                Some(al) if al.matched * 4 < s.len() * 3 => {
                    let len = self.sources[al.source as usize].len();
                    let wide =
                        al.src.start.saturating_sub(s.len())..(al.src.end + s.len()).min(len);
                    Some((al.source, wide))
                }
                Some(_) => None,
            };
            let f = region
                .filter(|_| !self.has_quotation(s))
                .and_then(|r| self.reordered(s, &r))
                .filter(|f| {
                    aligned[k]
                        .as_ref()
                        .is_none_or(|al| f.ops_matched() >= al.matched + BETTER_BY)
                });
            if f.is_some() {
                aligned[k] = None;
            }
            out.push(f);
        }
        out
    }

    /// Sentence `s`, which does not align in order, as a reordered copy of
    /// the source window that holds the most of its seeds, if it is one.
    pub(super) fn reordered(
        &self,
        s: &Range<usize>,
        region: &(u32, Range<usize>),
    ) -> Option<Finding> {
        let (source, window) = region;
        let sec = side(self.loaded, self.doc);
        let src_doc = self.primaries[*source as usize];
        let src = side(self.loaded, src_doc);
        let sentence_end = |p: usize| classify::sentence_of(&src, p).map_or(usize::MAX, |x| x.end);
        let passage = &sec.a.tokens[s.clone()];
        let runs = align::shared_runs(self.index, passage, (*source, window), &sentence_end);
        let (al, verdict) = classify::reordered(sec, s, src, *source, &runs, &self.cfg.align)?;
        // The same words about other figures are no copy (as for ordered
        // alignments).
        if classify::other_figures(sec, s, src, &al) {
            return None;
        }
        Some(Finding {
            doc: self.doc,
            tokens: s.clone(),
            source: Some((src_doc, al.src.clone())),
            verdict,
            score: al.coverage,
            ops: al.ops,
        })
    }
}
