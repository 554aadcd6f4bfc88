//! Quotations joined by ellipses: parts each found verbatim, in order, in
//! one source are an honest elision joining distant places, not a
//! misquote.

use std::ops::Range;

use super::{DocAudit, Finding, side};
use crate::align::{self, Alignment};
use crate::classify::{self, Kind, Side, Verdict};

impl DocAudit<'_> {
    /// A quotation whose parts, split at its ellipses, are each found
    /// verbatim, in order, in one source: an honest elision joining distant
    /// places, not a misquote. Returns the finding for the quotation, if
    /// that is what it is.
    pub(super) fn ellipsis_join(&self, sentence: &Range<usize>) -> Option<Finding> {
        let sec = side(self.loaded, self.doc);
        let quote = sec
            .quotes()
            .iter()
            .find(|q| q.start < sentence.end && sentence.start < q.end)?;
        let quote = quote.start.max(sentence.start)..quote.end.min(sentence.end);
        let parts = self.verbatim_parts(sec, &quote)?;
        let src_doc = self.primaries[parts[0].source as usize];
        let src = side(self.loaded, src_doc);
        let left_out: Vec<String> = parts
            .windows(2)
            .map(|w| src.text_of(&(w[0].src.end..w[1].src.start)))
            .collect();
        let words: usize = parts
            .windows(2)
            .map(|w| w[1].src.start - w[0].src.end)
            .sum();
        Some(Finding {
            doc: self.doc,
            tokens: quote.clone(),
            source: Some((src_doc, parts[0].src.start..parts[parts.len() - 1].src.end)),
            verdict: Verdict {
                kind: Kind::Verbatim,
                edits: left_out
                    .iter()
                    .map(|t| classify::Edit {
                        op: "elide",
                        source: excerpt_words(t, 40),
                        secondary: String::new(),
                    })
                    .collect(),
                message: format!(
                    "verbatim in {} parts joined by ellipses, leaving out {words} words of the source",
                    parts.len()
                ),
                in_quotes: true,
                negation: false,
            },
            score: 1.0,
            ops: Vec::new(),
        })
    }

    /// The alignments of the parts of `quote` between its ellipses, if there
    /// are ellipses and each part is verbatim in one source, after the part
    /// before it.
    fn verbatim_parts(&self, sec: Side<'_>, quote: &Range<usize>) -> Option<Vec<Alignment>> {
        let cuts: Vec<usize> = (quote.start + 1..quote.end)
            .filter(|&t| sec.ellipsis_before(t))
            .collect();
        if cuts.is_empty() {
            return None;
        }
        let bounds: Vec<usize> = std::iter::once(quote.start)
            .chain(cuts)
            .chain(std::iter::once(quote.end))
            .collect();
        let mut parts = Vec::new();
        for w in bounds.windows(2) {
            let tokens = &sec.a.tokens[w[0]..w[1]];
            let al = align::align(self.index, self.sources, tokens, &self.cfg.align)?;
            let verbatim = al.ops.iter().all(|o| o.tag == align::Tag::Equal);
            if !verbatim
                || parts
                    .last()
                    .is_some_and(|p: &Alignment| p.source != al.source || al.src.start < p.src.end)
            {
                return None;
            }
            parts.push(al);
        }
        Some(parts)
    }
}

/// At most `max` words of `text`, with "…" when cut.
fn excerpt_words(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= max {
        return words.join(" ");
    }
    format!("{} …", words[..max].join(" "))
}
