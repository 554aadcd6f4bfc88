//! Segment: a document's blocks become passages (paragraphs, sentences and
//! quotations), each a byte range in the file and a range of matching tokens.

use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::ingest::Document;
use crate::normalize::{LexKind, Lexeme, Lexer, form_hash};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PassageKind {
    Paragraph,
    Sentence,
    /// The words between a pair of quotation marks (or from an opening mark
    /// to the end of the paragraph when it is never closed).
    Quote,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub kind: PassageKind,
    /// Index of the block in the document.
    pub block: u32,
    /// Byte range in the decoded file text.
    pub start: u32,
    pub end: u32,
    /// Range into [`Analysis::tokens`].
    pub toks: Range<u32>,
    /// A quotation whose closing mark is missing.
    pub unbalanced: bool,
    /// The block is marked as boilerplate.
    pub boilerplate: bool,
}

/// A document cut into lexemes, tokens and passages.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Token ranges of the quotations that are block quotations without
    /// quotation marks (HTML `<blockquote>`, Markdown `> `): held to their
    /// source where they align, but not claims of the speaker's words where
    /// they do not (embedded posts, other people's words).
    pub block_quotes: Vec<Range<usize>>,
    pub lexemes: Vec<Lexeme>,
    /// Matching-form hashes of the word and number lexemes, in order.
    pub tokens: Vec<u64>,
    /// For each token, its lexeme index.
    pub token_lexeme: Vec<u32>,
    /// For each block, its range of lexemes.
    pub block_lexemes: Vec<Range<u32>>,
    /// For each block, its range of tokens.
    pub block_tokens: Vec<Range<u32>>,
    pub passages: Vec<Passage>,
    /// Token ranges of the quotation passages, in passage order (looked up
    /// for every aligned sentence: collected once, not per lookup).
    pub quotes: Vec<Range<usize>>,
}

impl Analysis {
    /// Byte range of a token in the decoded file text.
    pub fn token_span(&self, t: u32) -> (u32, u32) {
        let l = &self.lexemes[self.token_lexeme[t as usize] as usize];
        (l.start, l.end)
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Passage> {
        self.passages
            .iter()
            .filter(|p| p.kind == PassageKind::Paragraph)
    }
}

/// Lexes every block and cuts passages: paragraphs always, sentences and
/// quotations when `fine` is set (dedup at paragraph level does not need
/// them, and skips their cost).
pub fn analyze(doc: &Document, lexer: &mut Lexer, fine: bool) -> Analysis {
    let text = doc.file.text.as_str();
    let mut a = Analysis::default();
    a.lexemes.reserve(doc.range.len() / 5);
    a.tokens.reserve(doc.range.len() / 6);
    a.token_lexeme.reserve(doc.range.len() / 6);
    for block in &doc.blocks {
        let from = a.lexemes.len() as u32;
        lexer.lex_block(text, &block.pieces, &mut a.lexemes);
        a.block_lexemes.push(from..a.lexemes.len() as u32);
    }
    for (i, l) in a.lexemes.iter().enumerate() {
        if l.is_token() {
            a.tokens.push(l.hash);
            a.token_lexeme.push(i as u32);
        }
    }
    let mut first_token = 0u32;
    for (b, range) in a.block_lexemes.clone().into_iter().enumerate() {
        let boilerplate = doc.blocks[b].boilerplate.is_some();
        let quoted = doc.blocks[b].quoted;
        let n = a.lexemes[range.start as usize..range.end as usize]
            .iter()
            .filter(|l| l.is_token())
            .count() as u32;
        let mut cut = Cutter {
            a: &mut a,
            block: b as u32,
            first_token,
            boilerplate,
            quoted,
            fine,
        };
        cut.block(range);
        a.block_tokens.push(first_token..first_token + n);
        first_token += n;
    }
    a.quotes = a
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Quote)
        .map(|p| p.toks.start as usize..p.toks.end as usize)
        .collect();
    a
}

struct Cutter<'a> {
    a: &'a mut Analysis,
    block: u32,
    first_token: u32,
    boilerplate: bool,
    /// The block is a block quotation.
    quoted: bool,
    fine: bool,
}

impl Cutter<'_> {
    /// Token index range covered by a lexeme range.
    fn tokens_in(&self, lex: Range<usize>) -> Range<u32> {
        let t = &self.a.token_lexeme;
        let lo = t.partition_point(|&x| (x as usize) < lex.start) as u32;
        let hi = t.partition_point(|&x| (x as usize) < lex.end) as u32;
        lo.max(self.first_token)..hi.max(lo.max(self.first_token))
    }

    fn push(&mut self, kind: PassageKind, lex: Range<usize>, unbalanced: bool) {
        if lex.is_empty() {
            return;
        }
        let toks = self.tokens_in(lex.clone());
        if toks.is_empty() {
            return;
        }
        let ls = &self.a.lexemes;
        self.a.passages.push(Passage {
            kind,
            block: self.block,
            start: ls[lex.start].start,
            end: ls[lex.end - 1].end,
            toks,
            unbalanced,
            boilerplate: self.boilerplate,
        });
    }

    fn block(&mut self, range: Range<u32>) {
        let range = range.start as usize..range.end as usize;
        self.push(PassageKind::Paragraph, range.clone(), false);
        if !self.fine {
            return;
        }
        let mut start = range.start;
        let ends = sentence_ends(&self.a.lexemes, range.clone());
        let mut pieces = Vec::new();
        for end in ends.into_iter().chain([range.end]) {
            bounded(&self.a.lexemes, start..end, &mut pieces);
            for piece in pieces.drain(..) {
                self.push(PassageKind::Sentence, piece, false);
            }
            start = end;
        }
        let marked = quotes(&self.a.lexemes, range.clone());
        if self.quoted && marked.is_empty() {
            // A block quotation without quotation marks is one quotation,
            // from its first word to its last. (With marks, they say which
            // words are quoted: `> "...," he said.`)
            let ls = &self.a.lexemes;
            let first = (range.clone()).find(|&i| ls[i].is_token());
            let last = (range.clone()).rev().find(|&i| ls[i].is_token());
            if let (Some(a), Some(b)) = (first, last) {
                self.push(PassageKind::Quote, a..b + 1, false);
                let toks = self.a.passages.last().map(|p| p.toks.clone());
                self.a
                    .block_quotes
                    .extend(toks.map(|t| t.start as usize..t.end as usize));
            }
            return;
        }
        for (q, unbalanced) in marked {
            self.push(PassageKind::Quote, q, unbalanced);
        }
    }
}

static ABBREVIATIONS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "inc", "ltd", "co", "gen",
        "col", "lt", "rev", "fig", "hon", "sgt", "capt", "approx", "sen", "rep", "gov", "pres",
        "supt", "atty",
    ]
    .iter()
    .map(|w| form_hash(w))
    .collect()
});

/// Months as the American press shortens them, and "No.": an abbreviation
/// only before a number ("on Aug. 14", "by Sept. 30", "No. 10"); "in Jan.
/// The" may end a sentence, and so does the answer "No. Net migration
/// will fall", or "No, no, no. Four points is nothing" (a number word in
/// capitals starts a sentence).
static MONTHS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    ]
    .iter()
    .map(|w| form_hash(w))
    .collect()
});

fn is_terminal(l: &Lexeme) -> bool {
    l.kind == LexKind::Punct && matches!(l.ch, '.' | '!' | '?' | '…')
}

fn is_closer(l: &Lexeme) -> bool {
    l.kind == LexKind::Punct && matches!(l.ch, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_opener(l: &Lexeme) -> bool {
    l.kind == LexKind::Punct && matches!(l.ch, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '„')
}

/// Lexeme indices where sentences end (exclusive) inside a block.
fn sentence_ends(ls: &[Lexeme], range: Range<usize>) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !is_terminal(&ls[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < range.end && is_closer(&ls[j]) && !ls[j].space_before {
            j += 1;
        }
        let abbreviation = i > range.start && {
            let prev = &ls[i - 1];
            ls[i].ch == '.'
                && !ls[i].space_before
                && prev.kind == LexKind::Word
                // (An initial, "J. Smith", not a "%" nor a scale letter
                // after a number: "to 4.25%. Two members", "€6.3m. Tickets".)
                && ((prev.end - prev.start == 1
                    && prev.hash != *crate::normalize::H_PERCENT
                    && !(i >= 2 + range.start
                        && ls[i - 2].kind == LexKind::Number
                        && ls[i - 2].end == prev.start))
                    || ABBREVIATIONS.contains(&prev.hash)
                    || (MONTHS.contains(&prev.hash)
                        && ls
                            .get(j)
                            .is_some_and(|n| n.kind == LexKind::Number && !n.cap)))
        };
        let next_starts = j < range.end
            && ls[j].space_before
            && match ls[j].kind {
                LexKind::Word => ls[j].cap,
                LexKind::Number => true,
                LexKind::Punct => is_opener(&ls[j]),
                LexKind::Url => false,
            };
        if next_starts && !abbreviation {
            ends.push(j);
        }
        i = j.max(i + 1);
    }
    ends
}

/// Longest sentence, in words: a longer run (a transcript or extraction
/// without sentence punctuation) is cut into pieces no longer, at a clause
/// mark (`, ; :` or a dash) where there is one after `MIN_PIECE_WORDS` (25).
/// Every word stays in exactly one piece. (No sentence of the bundled
/// corpus or of the generated benchmarks is this long; an unbounded one
/// made the seed search and the word diff quadratic.)
pub const MAX_SENTENCE_WORDS: usize = 100;
const MIN_PIECE_WORDS: usize = 25;

/// The lexeme range of one sentence as pieces of at most
/// [`MAX_SENTENCE_WORDS`] words, appended to `out`.
fn bounded(ls: &[Lexeme], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    // (No more lexemes than the limit: no more words either, no scan.)
    if range.len() <= MAX_SENTENCE_WORDS {
        return out.push(range);
    }
    let (mut start, mut words, mut clause) = (range.start, 0, None);
    for i in range.clone() {
        let l = &ls[i];
        if l.is_token() {
            if words == MAX_SENTENCE_WORDS {
                let cut = clause.unwrap_or(i);
                out.push(start..cut);
                start = cut;
                words = ls[cut..i].iter().filter(|l| l.is_token()).count();
                clause = None;
            }
            words += 1;
        } else if l.kind == LexKind::Punct
            && (matches!(l.ch, ',' | ';' | ':') || crate::normalize::is_dash(l.ch))
            && words >= MIN_PIECE_WORDS
        {
            clause = Some(i + 1);
        }
    }
    out.push(start..range.end);
}

/// Quotation ranges (inner lexemes) in a block, with "unbalanced" flags.
fn quotes(ls: &[Lexeme], range: Range<usize>) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for i in range.clone() {
        let l = &ls[i];
        if l.kind != LexKind::Punct {
            continue;
        }
        let double = matches!(l.ch, '"' | '“' | '”' | '„' | '«' | '»');
        let single = matches!(l.ch, '\'' | '‘' | '’');
        if !double && !single {
            continue;
        }
        // Position decides direction; the glyph breaks ties.
        let opens = match (l.space_before, l.space_after) {
            (true, false) => true,
            (false, true) => false,
            _ => matches!(l.ch, '“' | '„' | '«' | '‘') || (double && open_double.is_none()),
        };
        let slot = if double {
            &mut open_double
        } else {
            &mut open_single
        };
        match (opens, *slot) {
            (true, _) => *slot = Some(i),
            (false, Some(o)) => {
                out.push((o + 1..i, false));
                *slot = None;
            }
            (false, None) => {}
        }
    }
    if let Some(o) = open_double {
        out.push((o + 1..range.end, true));
    }
    out.sort_by_key(|q| q.0.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lex_str;

    fn sentences(t: &str) -> Vec<&str> {
        let ls = lex_str(t);
        let mut s = 0;
        let mut out = Vec::new();
        for e in sentence_ends(&ls, 0..ls.len())
            .into_iter()
            .chain([ls.len()])
        {
            out.push(&t[ls[s].start as usize..ls[e - 1].end as usize]);
            s = e;
        }
        out
    }

    #[test]
    fn sentences_split_at_terminals() {
        assert_eq!(
            sentences("He said: “Stop.” Then Mr. Smith left at 5 p.m. today. 13% agreed."),
            [
                "He said: “Stop.”",
                "Then Mr. Smith left at 5 p.m. today.",
                "13% agreed."
            ]
        );
        // Titles and months the American press shortens; a month ends a
        // sentence unless a number follows.
        assert_eq!(
            sentences("Sen. Warren spoke on Aug. 14 and Sept. 3. It rained in Jan. The end."),
            [
                "Sen. Warren spoke on Aug. 14 and Sept. 3.",
                "It rained in Jan.",
                "The end."
            ]
        );
        // "No." is "number" before digits, not before a number word that
        // opens a sentence.
        assert_eq!(
            sentences("He lives at No. 10 now. No, no, no. Four points is nothing."),
            [
                "He lives at No. 10 now.",
                "No, no, no.",
                "Four points is nothing."
            ]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_into_pieces() {
        let words = |n: usize, w: &str| vec![w; n].join(" ");
        let count =
            |ls: &[Lexeme], r: &Range<usize>| ls[r.clone()].iter().filter(|l| l.is_token()).count();
        // No clause mark: pieces of exactly the limit, every word kept.
        let t = words(250, "word");
        let ls = lex_str(&t);
        let mut pieces = Vec::new();
        bounded(&ls, 0..ls.len(), &mut pieces);
        let sizes: Vec<usize> = pieces.iter().map(|r| count(&ls, r)).collect();
        assert_eq!(sizes, [100, 100, 50]);
        assert_eq!(pieces[0].end, pieces[1].start);
        // A clause mark past the minimum is where the cut falls.
        let t = format!("{}, {}", words(60, "a"), words(90, "b"));
        let ls = lex_str(&t);
        let mut pieces = Vec::new();
        bounded(&ls, 0..ls.len(), &mut pieces);
        let sizes: Vec<usize> = pieces.iter().map(|r| count(&ls, r)).collect();
        assert_eq!(sizes, [60, 90]);
        // A sentence within the limit is one piece.
        let ls = lex_str("A short sentence, as most are.");
        let mut whole = Vec::new();
        bounded(&ls, 0..ls.len(), &mut whole);
        assert_eq!((whole.len(), whole[0].clone()), (1, 0..ls.len()));
    }

    #[test]
    fn quotes_balanced_and_not() {
        let t = "He said “we will” and 'maybe' then \"open to the end";
        let ls = lex_str(t);
        let q: Vec<(&str, bool)> = quotes(&ls, 0..ls.len())
            .into_iter()
            .map(|(r, u)| {
                (
                    &t[ls[r.start].start as usize..ls[r.end - 1].end as usize],
                    u,
                )
            })
            .collect();
        assert_eq!(
            q,
            [
                ("we will", false),
                ("maybe", false),
                ("open to the end", true)
            ]
        );
    }

    #[test]
    fn possessive_apostrophes_are_not_quotes() {
        let t = "the teachers’ pay and the UK’s view";
        let ls = lex_str(t);
        assert!(quotes(&ls, 0..ls.len()).is_empty());
    }
}
