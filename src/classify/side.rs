//! One side of a comparison: a document's text and analysis, read by token.

use std::ops::Range;

use crate::normalize::LexKind;
use crate::segment::Analysis;

/// Most words a transcript's speaker label has ("Anita Desai, Financial
/// Courier:").
const LABEL_WORDS: usize = 6;

/// A document's text and analysis.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub text: &'a str,
    pub a: &'a Analysis,
}

impl<'a> Side<'a> {
    /// Original text of tokens `r` (from the first one's start to the last one's end).
    pub fn text_of(&self, r: &Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let (s, _) = self.a.token_span(r.start as u32);
        let (_, e) = self.a.token_span(r.end as u32 - 1);
        self.text[s as usize..e as usize].to_string()
    }

    /// The text between token `t` and the next one (spaces, punctuation),
    /// or nothing after the last token of `within`.
    pub fn gap_after(&self, t: usize, within: &Range<usize>) -> &str {
        if t + 1 >= within.end {
            return "";
        }
        let (_, e) = self.a.token_span(t as u32);
        let (s, _) = self.a.token_span(t as u32 + 1);
        &self.text[e as usize..s as usize]
    }

    /// Is there an ellipsis ("…" or "...") between token `t - 1` and token `t`?
    pub fn ellipsis_before(&self, t: usize) -> bool {
        if t == 0 || t >= self.a.token_lexeme.len() {
            return false;
        }
        let (a, b) = (
            self.a.token_lexeme[t - 1] as usize + 1,
            self.a.token_lexeme[t] as usize,
        );
        let between = &self.a.lexemes[a..b];
        between
            .iter()
            .any(|l| l.kind == LexKind::Punct && l.ch == '…')
            || between
                .windows(3)
                .any(|w| w.iter().all(|l| l.kind == LexKind::Punct && l.ch == '.'))
    }

    /// Does an ellipsis follow token `t` ("too long …" or "too long...")
    /// before the next word?
    pub fn ellipsis_after(&self, t: usize) -> bool {
        if t + 1 < self.a.token_lexeme.len() {
            return self.ellipsis_before(t + 1);
        }
        let Some(&at) = self.a.token_lexeme.get(t) else {
            return false;
        };
        let after = &self.a.lexemes[at as usize + 1..];
        let after = &after[..after.len().min(4)];
        after
            .first()
            .is_some_and(|l| l.kind == LexKind::Punct && l.ch == '…')
            || (after.len() >= 3
                && after[..3]
                    .iter()
                    .all(|l| l.kind == LexKind::Punct && l.ch == '.'))
    }

    /// Is token `t` inside square brackets ("[the government has]"): a
    /// `[` before it and a `]` after it, each within a few lexemes and
    /// with no other bracket between?
    pub fn in_brackets(&self, t: usize) -> bool {
        const REACH: usize = 12;
        let at = self.a.token_lexeme[t] as usize;
        let ls = &self.a.lexemes;
        let bracket = |l: &crate::normalize::Lexeme| {
            (l.kind == LexKind::Punct && matches!(l.ch, '[' | ']')).then_some(l.ch)
        };
        let before = ls[at.saturating_sub(REACH)..at]
            .iter()
            .rev()
            .find_map(bracket);
        let after = ls[at + 1..(at + 1 + REACH).min(ls.len())]
            .iter()
            .find_map(bracket);
        before == Some('[') && after == Some(']')
    }

    /// The lexeme of token `t`.
    pub fn lexeme(&self, t: usize) -> &'a crate::normalize::Lexeme {
        &self.a.lexemes[self.a.token_lexeme[t] as usize]
    }

    /// Is token `t` in the speaker label a paragraph of a transcript opens
    /// with ("Governor Marsh:", "Anita Desai, Financial Courier:", "Q:"):
    /// at most [`LABEL_WORDS`] words from the paragraph's start up to a
    /// colon, each capitalized (or a function word), with words after it?
    pub fn in_speaker_label(&self, t: usize) -> bool {
        let a = self.a;
        let at = t as u32;
        let Some(block) = a
            .block_tokens
            .get(a.block_tokens.partition_point(|b| b.end <= at))
        else {
            return false;
        };
        let (start, end) = (block.start as usize, block.end as usize);
        let words = start..end.min(start + LABEL_WORDS);
        let Some(last) = words
            .clone()
            .find(|&k| self.gap_after(k, &(start..end)).contains(':'))
        else {
            return false;
        };
        t <= last
            && (start..=last).all(|k| {
                let l = self.lexeme(k);
                l.cap || crate::normalize::is_function_word(l.hash)
            })
    }

    /// Token ranges of the quotations.
    pub fn quotes(&self) -> &'a [Range<usize>] {
        &self.a.quotes
    }

    /// A quotation opened and never closed (to the end of its paragraph)
    /// that overlaps tokens `r`: its token range. Not one whose next
    /// paragraph opens with a quotation mark: that is how a quotation runs
    /// over several paragraphs.
    pub fn unbalanced_quote_in(&self, r: &Range<usize>) -> Option<Range<usize>> {
        if r.is_empty() {
            return None;
        }
        // The block of `r`'s first token, then its few passages (passages
        // are in block order).
        let a = self.a;
        let t = r.start as u32;
        let block = a.block_tokens.partition_point(|b| b.end <= t) as u32;
        let from = a.passages.partition_point(|p| p.block < block);
        a.passages[from..]
            .iter()
            .take_while(|p| p.block == block)
            .filter(|p| p.kind == crate::segment::PassageKind::Quote && p.unbalanced)
            .map(|p| p.toks.start as usize..p.toks.end as usize)
            .find(|q| q.start < r.end && r.start < q.end)
            .filter(|_| !self.opens_with_quote(block as usize + 1))
    }

    /// Does quotation `q` run on into the next paragraph: left open at the
    /// end of its own, the next opening with a quotation mark?
    pub fn quote_runs_on(&self, q: &Range<usize>) -> bool {
        let a = self.a;
        let Some(block) = (q.start < a.tokens.len())
            .then(|| a.block_tokens.partition_point(|b| b.end <= q.start as u32))
        else {
            return false;
        };
        let from = a.passages.partition_point(|p| p.block < block as u32);
        let open = a.passages[from..]
            .iter()
            .take_while(|p| p.block == block as u32)
            .any(|p| {
                p.kind == crate::segment::PassageKind::Quote
                    && p.unbalanced
                    && p.toks.start as usize == q.start
            });
        open && self.opens_with_quote(block + 1)
    }

    /// Does block `b` start with an opening quotation mark?
    fn opens_with_quote(&self, b: usize) -> bool {
        let a = self.a;
        a.block_lexemes
            .get(b)
            .and_then(|r| a.lexemes.get(r.start as usize))
            .is_some_and(|l| {
                l.kind == LexKind::Punct && matches!(l.ch, '"' | '“' | '‘' | '\'' | '«' | '„')
            })
    }
}
