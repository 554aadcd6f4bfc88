//! Quotations judged on their own: in a sentence that does not align, in
//! one placed by its neighbours, and where a sentence quotes two places of
//! its source apart ("to act against “those who seek to harm our
//! citizens” and said “significant threats” had been identified").

use std::ops::Range;

use super::{DocAudit, Finding, side, unsupported_quote, verbatim_quote};
use crate::align::{self, Alignment, Op, Tag};
use crate::classify;

/// The message of a quotation found as it is inside a passage otherwise
/// reworded or copied with changes.
const QUOTED_AS_IS: &str =
    "verbatim quotation: the source's words as they are, in a passage changed around them";

/// Words between a verb of saying and a short quotation it gives.
const SAID_WITHIN: usize = 6;

/// Fewest words of a quotation reported as it is on its own (a term in
/// quotation marks, "Islamist terrorism", is no quotation to check).
const QUOTED_WORDS: usize = 3;

impl DocAudit<'_> {
    /// The quotations of a passage reworded or copied with changes around
    /// them that hold the source's words as they are, each a verbatim
    /// finding of its own: "Castellan said the £9.4 million community
    /// package was “ring-fenced and cannot be touched for anything else”"
    /// reworded the sentence, not her words. So do those of a passage
    /// whose figure changed outside them: "put the cost at €54 million,
    /// “roughly a fifth of the profit we made last year”" has the speaker's
    /// words right and the writer's figure wrong.
    pub(super) fn verbatim_quotes(&self, f: &Finding) -> Vec<Finding> {
        use crate::classify::Kind;
        let Some((src, _)) = &f.source else {
            return Vec::new();
        };
        // (Not where the quotation marks themselves are the damage, nor
        // where a negation changed what the quoted words claim.)
        if !matches!(
            f.verdict.kind,
            Kind::Paraphrase | Kind::CopyError | Kind::NumericChange
        ) || f.verdict.negation
            || f.verdict.edits.iter().any(|e| e.op == "quote")
        {
            return Vec::new();
        }
        let quotes = self.quotes_in(&f.tokens);
        // (A figure changed between two quotations is set in the speaker's
        // words: "disrupted" 20 "late-stage attack plots" changes what they
        // said.)
        let between = |t: usize| {
            quotes.first().is_some_and(|q| q.start < t)
                && quotes.last().is_some_and(|q| t < q.end)
                && !quotes.iter().any(|q| q.contains(&t))
        };
        let edited_between = f.ops.iter().any(|o| {
            o.tag != crate::align::Tag::Equal && o.sec.clone().any(|t| between(f.tokens.start + t))
        });
        if f.verdict.kind == Kind::NumericChange && edited_between {
            return Vec::new();
        }
        // (A quotation that runs on into the next sentence is judged here
        // by its part in this one.)
        quotes
            .iter()
            .filter(|q| q.start >= f.tokens.start && q.start < f.tokens.end)
            .map(|q| q.start..q.end.min(f.tokens.end))
            .filter(|q| q.len() >= QUOTED_WORDS && q.len() < f.tokens.len())
            .filter_map(|q| {
                let found = f.copied_whole(&q)?;
                let mut v = verbatim_quote(self.doc, q.clone(), (*src, found));
                v.verdict.message = QUOTED_AS_IS.into();
                Some(v)
            })
            .collect()
    }

    /// Sentence `s`'s alignment with each quotation in it matched whole
    /// where `al` breaks one up that its source stretch holds as it is
    /// (see `align::anchor_quotes`), if that changes it.
    pub(super) fn anchored_quotes(&self, s: &Range<usize>, al: &Alignment) -> Option<Alignment> {
        let sec = side(self.loaded, self.doc);
        let quotes: Vec<Range<usize>> = self
            .quotes_in(s)
            .iter()
            .map(|q| q.start.max(s.start) - s.start..q.end.min(s.end) - s.start)
            .filter(|q| q.start < q.end)
            .collect();
        let source = self.sources[al.source as usize];
        let passage = &sec.a.tokens[s.clone()];
        align::anchor_quotes(source, passage, al, &quotes, self.cfg.align.deadline)
    }

    /// The document's quotations that overlap token range `s` (quotations do
    /// not overlap each other, so they are in order by both ends: a binary
    /// search, not a scan per sentence).
    fn quotes_in(&self, s: &Range<usize>) -> &[Range<usize>] {
        let quotes = &self.loaded.docs[self.doc].1.quotes;
        let lo = quotes.partition_point(|q| q.end <= s.start);
        let hi = quotes.partition_point(|q| q.start < s.end).max(lo);
        &quotes[lo..hi]
    }

    /// Does the sentence hold a quotation long enough to align on its own?
    pub(super) fn has_quotation(&self, sentence: &Range<usize>) -> bool {
        self.quotes_in(sentence).iter().any(|q| {
            q.end
                .min(sentence.end)
                .saturating_sub(q.start.max(sentence.start))
                >= self.cfg.align.min_words
        })
    }

    /// Quotations in a sentence that does not align: each is aligned on its
    /// own (a quote may be a fragment of the source); those that still find
    /// no source are unsupported.
    pub(super) fn unaligned_quotes(&self, sentence: &Range<usize>) -> Vec<Finding> {
        let (doc, cfg) = (self.doc, self.cfg);
        let sec = side(self.loaded, doc);
        let mut out = Vec::new();
        for q in self.quotes_in(sentence) {
            let q = q.start.max(sentence.start)..q.end.min(sentence.end);
            if q.len() < cfg.align.min_words {
                let unfound = || self.short_unfound(q.clone());
                out.extend(self.negation_left_out(q.clone()).or_else(unfound));
                continue;
            }
            match self.quote_finding(q.clone()) {
                Some(f) => out.push(f),
                None if sec.a.block_quotes.iter().any(|b| b.contains(&q.start)) => {}
                None => out.push(unsupported_quote(
                    doc,
                    q,
                    "quotation found in no source of the corpus",
                )),
            }
        }
        out
    }

    /// A quotation one word too short to align on its own ("never a
    /// penalty") that the writer gives to a primary's speaker with a verb of
    /// saying ("He also said the penalty was “never a penalty”") and that
    /// no source holds as it is: words put in the speaker's mouth. (A term
    /// or a scare quotation comes without a verb of saying.)
    fn short_unfound(&self, q: Range<usize>) -> Option<Finding> {
        let sec = side(self.loaded, self.doc);
        let words = &sec.a.tokens[q.clone()];
        if words.len() + 1 != self.cfg.align.min_words
            || sec.a.block_quotes.iter().any(|b| b.contains(&q.start))
        {
            return None;
        }
        // The verb right before it, no other quotation between ("said the
        // penalty was “…”"; not "…, and the club's “…” slogan").
        let sentence = classify::sentence_of(&sec, q.start)?;
        let near = q.start.saturating_sub(SAID_WITHIN).max(sentence.start)..q.start;
        let quotes = sec.quotes();
        let said = near
            .clone()
            .rev()
            .take_while(|&t| !quotes.iter().any(|r| r.contains(&t)))
            .any(|t| classify::is_saying(sec.lexeme(t).hash));
        if !said {
            return None;
        }
        let speakers = super::judge::Speakers::of(self.loaded, self.primaries);
        let held = || {
            self.sources
                .iter()
                .any(|s| s.windows(words.len()).any(|w| w == words))
        };
        (speakers.given(&sec, &q).is_some() && !held())
            .then(|| unsupported_quote(self.doc, q, "quotation found in no source of the corpus"))
    }

    /// A short quotation (two words or more, too few to align) that the
    /// sources hold only negated ("we are not declaring victory"), given
    /// without a negation before it (officers were “declaring victory”):
    /// the quotation marks claim the opposite of what was said.
    fn negation_left_out(&self, q: Range<usize>) -> Option<Finding> {
        use crate::classify::{Edit, Kind, Verdict, denial_at, is_negation};
        const BEFORE: usize = 2;
        let sec = side(self.loaded, self.doc);
        let words = &sec.a.tokens[q.clone()];
        let negated_before = |side: &classify::Side<'_>, at: usize| {
            (at.saturating_sub(BEFORE)..at).find(|&t| is_negation(side.lexeme(t).hash))
        };
        // (The writer's words may negate them further back: "stopped short
        // of “declaring victory”", "refused to start “declaring victory”".)
        let denied = (q.start.saturating_sub(2 * BEFORE)..q.start)
            .any(|t| is_negation(sec.lexeme(t).hash) || denial_at(&sec, t));
        if words.len() < 2 || denied {
            return None;
        }
        let mut found = None;
        for (i, source) in self.sources.iter().enumerate() {
            let src = side(self.loaded, self.primaries[i]);
            for at in (0..source.len().saturating_sub(words.len() - 1))
                .filter(|&at| source[at..at + words.len()] == *words)
            {
                // Every place the sources say them, they are negated.
                let neg = negated_before(&src, at)?;
                found.get_or_insert((i, neg, at));
            }
        }
        let (i, neg, at) = found?;
        let src_doc = self.primaries[i];
        let src = side(self.loaded, src_doc);
        let said = src.text_of(&(neg..at + words.len()));
        let ops = vec![
            Op {
                tag: Tag::Delete,
                src: neg..at,
                sec: 0..0,
            },
            Op {
                tag: Tag::Equal,
                src: at..at + words.len(),
                sec: 0..words.len(),
            },
        ];
        Some(Finding {
            doc: self.doc,
            tokens: q,
            source: Some((src_doc, neg..at + words.len())),
            verdict: Verdict {
                kind: Kind::Misquote,
                edits: vec![Edit::new("delete", src.text_of(&(neg..at)), String::new())],
                message: format!(
                    "negation changed: the source says {said:?}; the quotation leaves out its negation"
                ),
                in_quotes: true,
                negation: true,
            },
            score: 1.0,
            ops,
        })
    }

    /// Quotation `q` aligned on its own, if it aligns anywhere, and its
    /// finding.
    fn quote_finding(&self, q: Range<usize>) -> Option<Finding> {
        let (doc, cfg) = (self.doc, self.cfg);
        let sec = side(self.loaded, doc);
        let tokens = &sec.a.tokens[q.clone()];
        let al = align::align_quote(self.index, self.sources, tokens, &cfg.align)?;
        let src_doc = self.primaries[al.source as usize];
        let src = side(self.loaded, src_doc);
        let source = self.sources[al.source as usize];
        let al = classify::drop_lone_edges(&src, source, tokens, al, &cfg.align);
        let paired = classify::pair_quoted_edges(sec, &q, src, &al, 0..usize::MAX);
        let al = paired.unwrap_or(al);
        let verdict = classify::classify(sec, q.clone(), src, &al, true, &cfg.classify);
        Some(Finding {
            doc,
            tokens: q,
            source: Some((src_doc, al.src.clone())),
            verdict,
            score: al.coverage,
            ops: al.ops,
        })
    }

    /// A short quotation found as it is at source tokens `p` of primary
    /// `source` (by index among the primaries) that stops right before a
    /// condition the source puts on it: a truncation.
    fn short_quote_cut(&self, q: &Range<usize>, source: u32, p: Range<usize>) -> Option<Finding> {
        if q.len() < QUOTED_WORDS {
            return None;
        }
        let src_doc = self.primaries[source as usize];
        let src = side(self.loaded, src_doc);
        let condition = classify::condition_right_after(src, &p)?;
        let mut f = verbatim_quote(self.doc, q.clone(), (src_doc, p.start..condition.end));
        let words = src.text_of(&condition);
        f.verdict.kind = classify::Kind::Truncation;
        f.verdict.message = format!(
            "the quotation stops right before the condition the source puts on it, {words:?}"
        );
        f.verdict.edits = vec![classify::Edit::new("delete", words, String::new())];
        f.ops.push(Op {
            tag: Tag::Delete,
            src: p.end..condition.end,
            sec: q.len()..q.len(),
        });
        f.ops[0].src = p;
        Some(f)
    }

    /// The quotations of aligned sentence `s` that its alignment leaves out
    /// whole (inserted words, all of them) but that align elsewhere: a
    /// second quotation from another place, not words added to the first.
    /// Returns the sentence's alignment without them, if there were any,
    /// and their own findings.
    pub(super) fn separate_quotes(
        &self,
        s: &Range<usize>,
        al: &Alignment,
    ) -> (Option<Alignment>, Vec<Finding>) {
        let sec = side(self.loaded, self.doc);
        let rel = |q: &Range<usize>| q.start - s.start..q.end - s.start;
        let inserted = |r: &Range<usize>| {
            let inside = |t: usize| {
                al.ops
                    .iter()
                    .any(|o| o.tag == Tag::Insert && o.sec.contains(&t))
            };
            r.clone().all(inside)
        };
        let mut found = Vec::new();
        let mut apart = Vec::new();
        let source = self.sources[al.source as usize];
        for q in self.quotes_in(s) {
            // (A quotation that runs on into the next sentence: its part in
            // this one.)
            let q = &(q.start.max(s.start)..q.end.min(s.end));
            if q.is_empty() || !inserted(&rel(q)) {
                continue;
            }
            if q.len() < self.cfg.align.min_words {
                // Too short to align: set apart if the source has it as is,
                // and cut short where it stops right before the source's
                // condition ("“no compulsory redundancies”" for "no
                // compulsory redundancies, as long as colleagues …").
                let words = &sec.a.tokens[q.clone()];
                if let Some(at) = source.windows(words.len()).position(|w| w == words) {
                    apart.push(rel(q));
                    found.extend(self.short_quote_cut(q, al.source, at..at + words.len()));
                }
            } else if let Some(f) = self.quote_finding(q.clone()) {
                apart.push(rel(q));
                found.push(f);
            }
        }
        if apart.is_empty() {
            return (None, found);
        }
        let ops = al.ops.iter().flat_map(|o| without(o, &apart)).collect();
        (Some(Alignment { ops, ..al.clone() }), found)
    }
}

/// Operation `o` without the passage tokens of `apart` (only insertions
/// hold them whole).
fn without(o: &Op, apart: &[Range<usize>]) -> Vec<Op> {
    if o.tag != Tag::Insert {
        return vec![o.clone()];
    }
    let mut out = Vec::new();
    let mut start = o.sec.start;
    for t in o.sec.clone() {
        let gone = apart.iter().any(|r| r.contains(&t));
        if gone {
            if t > start {
                out.push(Op {
                    sec: start..t,
                    ..o.clone()
                });
            }
            start = t + 1;
        }
    }
    if o.sec.end > start {
        out.push(Op {
            sec: start..o.sec.end,
            ..o.clone()
        });
    }
    out
}
