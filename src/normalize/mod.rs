//! Normalize: visible text becomes lexemes, each with its byte range in the
//! file and, for words and numbers, a hash of its *matching form*. Matching
//! folds case, apostrophe and quote style, dashes (hyphenated words split),
//! whitespace, and number forms: "13%" = "13 per cent" = "thirteen percent",
//! "10,000" = "10000", "twenty-five" = "25", "twenty-first" = "21st".
//! Reports show the original bytes.

mod ascii;
mod lexicon;
mod spelling;

use lexicon::{H_CENT, H_PER};
pub(crate) use lexicon::{
    H_PERCENT, TENS, contracted_base, contraction, digit_ordinal, ordinal_hash, ordinal_word,
    scaled, substitute,
};
pub use lexicon::{form_hash, number_word};

use crate::ingest::Piece;

/// What a lexeme is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexKind {
    Word,
    Number,
    /// URLs, paths and e-mail addresses: kept for offsets, never matched.
    Url,
    /// Punctuation (one character), used for sentences and quotations.
    Punct,
}

/// One lexeme. `start..end` is its byte range in the decoded file text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lexeme {
    pub start: u32,
    pub end: u32,
    /// xxh3 of the matching form (words and numbers); 0 otherwise.
    pub hash: u64,
    pub kind: LexKind,
    /// The character, for punctuation.
    pub ch: char,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Preceded by whitespace (or the start of the block).
    pub space_before: bool,
    /// Followed by whitespace (or the end of the block).
    pub space_after: bool,
}

impl Lexeme {
    pub fn is_token(&self) -> bool {
        matches!(self.kind, LexKind::Word | LexKind::Number)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

/// Characters that are neither whitespace nor text: soft hyphens, zero-width
/// spaces and joiners. They are skipped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The Latin ligatures that PDF fonts leave in extracted text ("ﬁ" in
/// "identiﬁed"), and the letters each stands for.
const LIGATURES: [(char, &str); 7] = [
    ('\u{FB00}', "ff"),
    ('\u{FB01}', "fi"),
    ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"),
    ('\u{FB04}', "ffl"),
    ('\u{FB05}', "st"),
    ('\u{FB06}', "st"),
];

/// A character with its byte range in the file text.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    start: u32,
    end: u32,
}

/// Adds a visible character to a chunk: invisible ones are skipped, a
/// ligature becomes its letters and a full-width form ("１３％") its ASCII
/// character, each standing for the character's bytes (the compatibility
/// forms of Unicode that text extraction leaves inside words; other
/// compatibility forms, such as "½" or "²", change what a number says and
/// stay as they are).
fn push_visible(chunk: &mut Vec<Ch>, c: char, start: u32, end: u32) {
    if is_invisible(c) {
        return;
    }
    if ('\u{FB00}'..='\u{FB06}').contains(&c)
        && let Some(&(_, letters)) = LIGATURES.iter().find(|l| l.0 == c)
    {
        chunk.extend(letters.chars().map(|c| Ch { c, start, end }));
        return;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    chunk.push(Ch { c, start, end });
}

/// Reusable buffers; one per thread keeps tokenizing allocation-free.
#[derive(Default)]
pub struct Lexer {
    chunk: Vec<Ch>,
    form: String,
    bytes: Vec<u8>,
}

/// The char at byte `i` and its length (ASCII without decoding).
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().expect("i is a char boundary");
    (c, c.len_utf8())
}

fn is_blank(l: &Lexeme) -> bool {
    l.kind == LexKind::Punct && l.ch == '\0'
}

/// Block-level merges ("per cent") and removal of blanked lexemes.
fn finish_block(out: &mut Vec<Lexeme>, first: usize) {
    if !merge_per_cent(&mut out[first..]) {
        return;
    }
    let mut w = first;
    for r in first..out.len() {
        if !is_blank(&out[r]) {
            out[w] = out[r];
            w += 1;
        }
    }
    out.truncate(w);
}

impl Lexer {
    /// Appends the lexemes of a block (its pieces over `text`) to `out`.
    pub fn lex_block(&mut self, text: &str, pieces: &[Piece], out: &mut Vec<Lexeme>) {
        match pieces {
            [p] if p.repl.is_none() => {
                let first = out.len();
                self.lex_verbatim(text, p.start as usize, p.end as usize, out);
                finish_block(out, first);
            }
            _ => self.lex_block_generic(text, pieces, out),
        }
    }

    /// One verbatim piece: whitespace-delimited chunks found on bytes; ASCII
    /// chunks (nearly all) take the byte path, others the general one.
    fn lex_verbatim(&mut self, text: &str, start: usize, end: usize, out: &mut Vec<Lexeme>) {
        use ascii::{CLASS, HIGH, SPACE};
        let s = &text[start..end];
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let k = CLASS[b[i] as usize];
            if k & SPACE != 0 {
                i += 1;
                continue;
            }
            if k & HIGH != 0 {
                let (c, len) = char_at(s, i);
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
            }
            if let Some(to) = ascii::lex_chunk(b, i, start as u32, &mut self.bytes, out) {
                i = to;
                continue;
            }
            let from = i;
            while i < b.len() {
                let (c, len) = char_at(s, i);
                if c.is_whitespace() {
                    break;
                }
                i += len;
            }
            self.chunk.clear();
            for (k, c) in s[from..i].char_indices() {
                let st = (start + from + k) as u32;
                push_visible(&mut self.chunk, c, st, st + c.len_utf8() as u32);
            }
            if !self.chunk.is_empty() {
                self.flush(out);
            }
        }
    }

    /// The general path: any pieces, entities included, char by char.
    pub fn lex_block_generic(&mut self, text: &str, pieces: &[Piece], out: &mut Vec<Lexeme>) {
        let first = out.len();
        self.chunk.clear();
        for piece in pieces {
            let mut push = |c: char, start: u32, end: u32, lexer: &mut Lexer| {
                if c.is_whitespace() {
                    if !lexer.chunk.is_empty() {
                        lexer.flush(out);
                    }
                } else {
                    push_visible(&mut lexer.chunk, c, start, end);
                }
            };
            match &piece.repl {
                None => {
                    let s = &text[piece.start as usize..piece.end as usize];
                    for (i, c) in s.char_indices() {
                        let st = piece.start + i as u32;
                        push(c, st, st + c.len_utf8() as u32, self);
                    }
                }
                Some(r) => {
                    for c in r.chars() {
                        push(c, piece.start, piece.end, self);
                    }
                }
            }
        }
        if !self.chunk.is_empty() {
            self.flush(out);
        }
        finish_block(out, first);
    }

    /// Lexes one whitespace-delimited chunk.
    fn flush(&mut self, out: &mut Vec<Lexeme>) {
        let chunk = std::mem::take(&mut self.chunk);
        let first = out.len();
        if looks_like_url(&chunk) {
            out.push(Lexeme {
                start: chunk[0].start,
                end: chunk[chunk.len() - 1].end,
                hash: 0,
                kind: LexKind::Url,
                ch: '\0',
                cap: false,
                space_before: true,
                space_after: true,
            });
        } else {
            self.lex_chunk(&chunk, out);
        }
        if let Some(l) = out.get_mut(first) {
            l.space_before = true;
        }
        if out.len() > first
            && let Some(l) = out.last_mut()
        {
            l.space_after = true;
        }
        self.chunk = chunk;
        self.chunk.clear();
    }

    fn lex_chunk(&mut self, ch: &[Ch], out: &mut Vec<Lexeme>) {
        let mut i = 0;
        while i < ch.len() {
            let c = ch[i].c;
            if c.is_alphanumeric() || (c == '[' && starts_word(ch, i)) {
                // A letter group joins only letters it touches in the file.
                let (mut j, mut after_group) = (i, false);
                loop {
                    let touching = j == i || ch.get(j).is_some_and(|c| ch[j - 1].end == c.start);
                    if let Some(end) = bracket_group(ch, j).filter(|_| touching) {
                        (j, after_group) = (end, true);
                    } else if j < ch.len() && (j == i || joins(ch, j)) && (touching || !after_group)
                    {
                        (j, after_group) = (j + 1, false);
                    } else {
                        break;
                    }
                }
                self.word_or_contraction(&ch[i..j], out);
                i = j;
                continue;
            }
            if c == '%' {
                out.push(lexeme(ch[i], ch[i].end, *H_PERCENT, LexKind::Word));
            } else if is_dash(c) && hyphen_number(out, ch, i) {
                // "twenty-five": fold the units into the tens just lexed.
                let mut j = i + 1;
                while j < ch.len() && ch[j].c.is_alphabetic() {
                    j += 1;
                }
                let units = lower(&ch[i + 1..j]);
                let last = out.last_mut().expect("hyphen_number checked it");
                let tens = number_word(&self.form).unwrap_or(0);
                (last.kind, last.hash) = match ordinal_word(&units) {
                    Some(u) => (LexKind::Word, ordinal_hash(u64::from(tens + u))),
                    None => {
                        let u = number_word(&units).unwrap_or(0);
                        (LexKind::Number, form_hash(&(tens + u).to_string()))
                    }
                };
                last.end = ch[j - 1].end;
                i = j;
                continue;
            } else {
                out.push(Lexeme {
                    ch: c,
                    ..lexeme(ch[i], ch[i].end, 0, LexKind::Punct)
                });
            }
            i += 1;
        }
    }

    /// A word, or a contraction as its two parts ("don't": "do", "n't" as
    /// "not"); the byte path does the same in `ascii::word_or_contraction`.
    fn word_or_contraction(&mut self, w: &[Ch], out: &mut Vec<Lexeme>) {
        // The word's letters (the last four of a longer one: enough for
        // any ending, too few for "cannot"), apostrophes as `'`, non-ASCII
        // letters as 0.
        let from = if w.len() <= 6 { 0 } else { w.len() - 4 };
        let tail: Vec<u8> = w[from..]
            .iter()
            .map(|c| match c.c {
                c if is_apostrophe(c) => b'\'',
                c if c.is_ascii() => c as u8,
                _ => 0,
            })
            .collect();
        let Some((k, expansion)) = contraction(&tail) else {
            return self.word(w, out);
        };
        let (base, end) = w.split_at(w.len() - k);
        let base_ascii: Option<Vec<u8>> = base
            .iter()
            .map(|c| c.c.is_ascii().then_some(c.c as u8))
            .collect();
        match base_ascii.as_deref().and_then(contracted_base) {
            Some(word) => {
                let mut l = lexeme(
                    base[0],
                    base[base.len() - 1].end,
                    form_hash(word),
                    LexKind::Word,
                );
                l.cap = base[0].c.is_uppercase();
                out.push(l);
            }
            None => self.word(base, out),
        }
        out.push(lexeme(
            end[0],
            end[end.len() - 1].end,
            form_hash(expansion),
            LexKind::Word,
        ));
    }

    /// A run of letters and digits (with inner apostrophes or digit separators).
    fn word(&mut self, w: &[Ch], out: &mut Vec<Lexeme>) {
        if w[0].c.is_ascii_digit() && w.iter().all(|c| c.c.is_ascii()) {
            let bytes: Vec<u8> = w.iter().map(|c| c.c as u8).collect();
            if let Some((cut, word)) = scaled(&bytes) {
                self.word(&w[..cut], out);
                out.push(lexeme(
                    w[cut],
                    w[w.len() - 1].end,
                    form_hash(word),
                    LexKind::Word,
                ));
                return;
            }
            if let Some(n) = digit_ordinal(&bytes) {
                out.push(lexeme(
                    w[0],
                    w[w.len() - 1].end,
                    ordinal_hash(n),
                    LexKind::Word,
                ));
                return;
            }
        }
        self.form.clear();
        let numeric = w
            .iter()
            .all(|c| c.c.is_ascii_digit() || c.c == ',' || c.c == '.');
        let (kind, hash) = if numeric {
            for c in w.iter().filter(|c| c.c != ',') {
                self.form.push(c.c);
            }
            if self.form.contains('.') {
                let t = self.form.trim_end_matches('0').trim_end_matches('.').len();
                self.form.truncate(t);
            }
            (LexKind::Number, form_hash(&self.form))
        } else {
            for c in w.iter().filter(|c| c.c != '[' && c.c != ']') {
                if is_apostrophe(c.c) {
                    self.form.push('\'');
                } else if c.c.is_ascii() {
                    self.form.push(c.c.to_ascii_lowercase());
                } else {
                    self.form.extend(c.c.to_lowercase());
                }
            }
            if self.form.is_ascii()
                && let Some(fold) = spelling::find(self.form.as_bytes())
            {
                let mut b = std::mem::take(&mut self.form).into_bytes();
                spelling::apply(fold, &mut b);
                self.form = String::from_utf8(b).expect("folds keep ASCII");
            }
            let h = form_hash(&self.form);
            substitute(h).map_or((LexKind::Word, h), |(h, kind)| (kind, h))
        };
        let mut l = lexeme(w[0], w[w.len() - 1].end, hash, kind);
        l.cap = w
            .iter()
            .find(|c| c.c != '[')
            .is_some_and(|c| c.c.is_uppercase());
        out.push(l);
    }
}

fn lower(ch: &[Ch]) -> String {
    ch.iter().flat_map(|c| c.c.to_lowercase()).collect()
}

fn lexeme(c: Ch, end: u32, hash: u64, kind: LexKind) -> Lexeme {
    Lexeme {
        start: c.start,
        end,
        hash,
        kind,
        ch: '\0',
        cap: false,
        space_before: false,
        space_after: false,
    }
}

/// The end of an editorial letter group ("[T]he", "tax[es]") starting at
/// `j`, if one does (letters only: "[1]" is a footnote mark). The group is
/// written as such, its characters side by side in the file: not the
/// brackets of a Markdown link whose target was dropped.
fn bracket_group(ch: &[Ch], j: usize) -> Option<usize> {
    if ch.get(j).is_none_or(|c| c.c != '[') {
        return None;
    }
    let letters = ch[j + 1..]
        .iter()
        .take_while(|c| c.c.is_alphabetic())
        .count();
    let end = j + 1 + letters;
    let closed = letters > 0 && ch.get(end).is_some_and(|c| c.c == ']');
    (closed && adjacent(&ch[j..=end])).then_some(end + 1)
}

/// Are these characters side by side in the file?
fn adjacent(ch: &[Ch]) -> bool {
    ch.windows(2).all(|w| w[0].end == w[1].start)
}

/// Does a word start with the letter group at `i` ("[W]e", not "[We]")?
fn starts_word(ch: &[Ch], i: usize) -> bool {
    bracket_group(ch, i).is_some_and(|end| {
        ch.get(end)
            .is_some_and(|c| c.c.is_alphanumeric() && adjacent(&ch[end - 1..=end]))
    })
}

/// May character `j` continue the word running up to it?
fn joins(ch: &[Ch], j: usize) -> bool {
    let c = ch[j].c;
    if c.is_alphanumeric() {
        return true;
    }
    let (prev, next) = (ch[j - 1].c, ch.get(j + 1).map(|c| c.c));
    match next {
        // (after a letter, or a letter group the word holds: "govern[ment]'s")
        Some(n) if is_apostrophe(c) => (prev.is_alphabetic() || prev == ']') && n.is_alphabetic(),
        Some(n) if c == ',' || c == '.' => prev.is_ascii_digit() && n.is_ascii_digit(),
        _ => false,
    }
}

/// Is the dash at `i` inside a number word like "twenty-five"?
fn hyphen_number(out: &[Lexeme], ch: &[Ch], i: usize) -> bool {
    let Some(last) = out.last() else { return false };
    if last.kind != LexKind::Number
        || last.end != ch[i].start
        || i == 0
        || !ch[i - 1].c.is_alphabetic()
    {
        return false;
    }
    let mut j = i + 1;
    while j < ch.len() && ch[j].c.is_alphabetic() {
        j += 1;
    }
    let tens = lower(&ch[..i]);
    let tens = tens
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    TENS.contains(&tens) && j > i + 1 && unit_word(&lower(&ch[i + 1..j]))
}

/// Does `w` end a number word after a tens word with a dash: "five" in
/// "twenty-five", "first" in "twenty-first"?
pub(crate) fn unit_word(w: &str) -> bool {
    number_word(w)
        .or_else(|| ordinal_word(w))
        .is_some_and(|u| (1..10).contains(&u))
}

/// "per cent" becomes one token, the same as "percent" and "%". The second
/// lexeme is blanked (punct `\0`) for the caller to remove. Is any lexeme
/// blank now? (A NUL byte in the text lexes as a blank one too.)
fn merge_per_cent(ls: &mut [Lexeme]) -> bool {
    let (per, cent) = (*H_PER, *H_CENT);
    let mut blank = ls.first().is_some_and(is_blank);
    for i in 1..ls.len() {
        blank |= is_blank(&ls[i]);
        if ls[i].hash == cent && ls[i - 1].hash == per && ls[i].kind == LexKind::Word {
            blank = true;
            ls[i - 1].hash = *H_PERCENT;
            ls[i - 1].end = ls[i].end;
            ls[i].kind = LexKind::Punct;
            ls[i].ch = '\0';
            ls[i].hash = 0;
        }
    }
    blank
}

fn looks_like_url(ch: &[Ch]) -> bool {
    if !ch.iter().any(|c| matches!(c.c, '/' | '@' | ':' | '.')) {
        return false;
    }
    let s: String = ch
        .iter()
        .map(|c| c.c)
        .skip_while(|c| matches!(c, '(' | '<' | '[' | '"'))
        .take(12)
        .collect();
    if s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || s.starts_with("mailto:")
    {
        return true;
    }
    if s.starts_with('/') {
        return true;
    }
    let at = ch.iter().position(|c| c.c == '@');
    at.is_some_and(|a| {
        a > 0
            && ch[a..].iter().any(|c| c.c == '.')
            && ch[a + 1..].first().is_some_and(|c| c.c.is_alphanumeric())
    })
}

/// Lexes a plain string (one verbatim piece). Handy in tests and benches.
pub fn lex_str(text: &str) -> Vec<Lexeme> {
    let mut out = Vec::new();
    Lexer::default().lex_block(text, &[Piece::verbatim(0, text.len())], &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte path and the general path give the same lexemes.
        #[test]
        fn ascii_path_matches_general_path(s in "([a-zA-Z0-9 .,;:'%/@()\"-]|twenty|Forty|-five|-Six|per cent|seventeen|http://x|www.|a@b.c|\\[|\\]|\\[T\\]he|tax\\[es\\]|\\[1\\]|\\[We\\]|organisation|Colour|centred|travelled|Defence|1.5bn|300m|10K|13pc|3B|don't|Can't|won't|we're|I'm|cannot|xcannot|21st|2ND|3rd|0th|first|-First|third|twelfth|they'll|n't|é|ﬁ|１|％|’|\u{ad}|\u{a0}|\u{0}|\n|\t|\r){0,40}") {
            let pieces = [Piece::verbatim(0, s.len())];
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            Lexer::default().lex_block(&s, &pieces, &mut fast);
            Lexer::default().lex_block_generic(&s, &pieces, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }

    fn forms(text: &str) -> Vec<u64> {
        lex_str(text)
            .iter()
            .filter(|l| l.is_token())
            .map(|l| l.hash)
            .collect()
    }

    #[test]
    fn number_forms_match() {
        assert_eq!(forms("13% of all"), forms("13 per cent of all"));
        assert_eq!(forms("thirteen percent"), forms("13%"));
        assert_eq!(
            forms("twenty Iran-backed plots"),
            forms("20 Iran backed plots")
        );
        assert_eq!(forms("10,000 troops"), forms("10000 troops"));
        assert_eq!(forms("twenty-five"), forms("25"));
        assert_ne!(forms("13%"), forms("14%"));
        assert_eq!(forms("Seventeen NINETY zero"), forms("17 90 0"));
        assert_ne!(forms("seventeenth"), forms("17"));
    }

    #[test]
    fn ordinal_forms_match() {
        let words = "the twenty-first century, the first time, Second, THIRD and twelfth";
        let digits = "the 21st century, the 1st time, 2nd, 3RD and 12th";
        assert_eq!(forms(words), forms(digits));
        // The same inside a chunk with curly quotes (the general path).
        assert_eq!(
            forms("\u{201C}twenty-first\u{201D} \u{201C}first\u{201D}"),
            forms("\u{201C}21st\u{201D} \u{201C}1st\u{201D}")
        );
        assert_eq!(forms("twenty\u{2011}first"), forms("21st"));
        // An ordinal is not its number, nor another ordinal.
        assert_ne!(forms("21st"), forms("21"));
        assert_ne!(forms("twenty-first"), forms("twenty-one"));
        assert_ne!(forms("21st"), forms("22nd"));
        assert_eq!(lex_str("21st")[0].kind, LexKind::Word);
        // Not ordinals: an ending after letters, or on its own.
        assert_ne!(forms("a1st"), forms("a 1st"));
        assert_eq!(lex_str("st nd").len(), 2);
        // The span covers the whole written ordinal.
        let ls = lex_str("the twenty-first");
        assert_eq!((ls[1].start, ls[1].end), (4, 16));
    }

    #[test]
    fn editorial_letters_in_brackets_belong_to_their_word() {
        assert_eq!(forms("[T]he tax[es] [w]on't"), forms("The taxes won't"));
        let ls = lex_str("so [T]he plan");
        assert_eq!((ls[1].start, ls[1].end, ls[1].cap), (3, 8, true));
        // A bracketed word stands apart; a footnote mark is not letters.
        assert_eq!(lex_str("[We] go").len(), 4);
        assert_eq!(forms("inflation[1]"), forms("inflation 1"));
        assert_eq!(forms("govern[ment]'s plan"), forms("government's plan"));
    }

    #[test]
    fn press_suffixes_are_scale_words() {
        assert_eq!(
            forms("£1.5bn and 300m, 10k or 13pc"),
            forms("£1.5 billion and 300 million, 10 thousand or 13 per cent")
        );
        assert_ne!(forms("1.5bn"), forms("1.5 million"));
        // Offsets: the digits, then the suffix.
        let ls = lex_str("£1.5bn");
        let spans: Vec<(u32, u32)> = ls.iter().map(|l| (l.start, l.end)).collect();
        assert_eq!(spans, [(0, 2), (2, 5), (5, 7)]);
        for name in ["3B", "3M", "4K"] {
            assert_eq!(lex_str(name).iter().filter(|l| l.is_token()).count(), 1);
        }
    }

    #[test]
    fn british_and_american_spellings_match() {
        assert_eq!(
            forms("We will modernise our defence programme and honour the organisation"),
            forms("We will modernize our defense program and honor the organization")
        );
    }

    #[test]
    fn contractions_are_their_expansions() {
        assert_eq!(
            forms("We don't, can't, won't and cannot; we're sure I'm right, they'll see"),
            forms(
                "We do not, can not, will not and can not; we are sure I am right, they will see"
            )
        );
        assert_eq!(forms("don’t"), forms("do not"));
        // Possessives and "'s" stay one word.
        assert_eq!(lex_str("government's it's").len(), 2);
        let ls = lex_str("don't");
        let spans: Vec<(u32, u32)> = ls.iter().map(|l| (l.start, l.end)).collect();
        assert_eq!(spans, [(0, 2), (2, 5)]);
    }

    #[test]
    fn nul_bytes_are_dropped_not_kept_as_punctuation() {
        let ls = lex_str("ab\0cd per cent");
        assert!(ls.iter().all(|l| l.kind != LexKind::Punct));
        assert_eq!(forms("ab\0cd per cent"), forms("ab cd %"));
    }

    #[test]
    fn case_quotes_dashes_fold() {
        assert_eq!(
            forms("It’s the UK’s “right-wing”"),
            forms("it's the uk's \"right wing\"")
        );
        assert_eq!(forms("Al-Qaeda"), forms("Al Qaeda"));
    }

    #[test]
    fn urls_are_not_tokens() {
        let ls = lex_str("About Us (/about-us) and https://example.org/x.");
        let kinds: Vec<_> = ls.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                LexKind::Word,
                LexKind::Word,
                LexKind::Url,
                LexKind::Word,
                LexKind::Url
            ]
        );
    }

    #[test]
    fn ligatures_and_full_width_forms_are_their_letters() {
        assert_eq!(
            forms("identiﬁed signiﬁcant ﬂows, ＵＫ ｏｆｆｉｃｅ １３％"),
            forms("identified significant flows, UK office 13%")
        );
        // The word's bytes are the original ones, ligature included.
        let t = "the ﬃrst";
        let w = lex_str(t)[1];
        assert_eq!(&t[w.start as usize..w.end as usize], "ﬃrst");
        assert_eq!(w.hash, form_hash("ffirst"));
        // Other compatibility forms are not letters: "½" stays itself.
        assert_ne!(forms("½"), forms("1/2"));
    }

    #[test]
    fn offsets_cover_the_original() {
        let t = "He said: “We’ll see” – 13 per cent.";
        for l in lex_str(t) {
            assert!(t.is_char_boundary(l.start as usize) && t.is_char_boundary(l.end as usize));
        }
        let pc = lex_str(t)
            .into_iter()
            .find(|l| l.hash == *H_PERCENT)
            .unwrap();
        assert_eq!(&t[pc.start as usize..pc.end as usize], "per cent");
    }

    #[test]
    fn quote_marks_are_punctuation() {
        let ls = lex_str("“Islamist terrorism” don’t");
        assert_eq!(ls[0].kind, LexKind::Punct);
        assert_eq!(ls[0].ch, '“');
        assert!(ls[0].space_before && !ls[0].space_after);
        assert_eq!(ls[3].ch, '”');
        assert_eq!(ls[4].kind, LexKind::Word);
    }
}
