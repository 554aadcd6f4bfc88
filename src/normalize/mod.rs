//! Normalize: visible text becomes lexemes, each with its byte range in the
//! file and, for words and numbers, a hash of its *matching form*. Matching
//! folds case, apostrophe and quote style, dashes (hyphenated words split),
//! whitespace, and number forms: "13%" = "13 per cent" = "thirteen percent",
//! "10,000" = "10000", "twenty-five" = "25", "twenty-first" = "21st".
//! Reports show the original bytes.

mod ascii;
mod lexicon;
mod spelling;

use lexicon::{H_CENT, H_DEGREE, H_HOUR, H_PER, H_SCALES, H_SPEEDS, H_UNITS};
pub(crate) use lexicon::{
    H_DEG_C, H_DEG_F, H_DEGREES, H_MINUS, H_PERCENT, TENS, contracted_base, contraction,
    digit_ordinal, ordinal_hash, ordinal_word, scaled, substitute,
};
pub use lexicon::{form_hash, is_function_word, number_word};

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
    /// Where the block being lexed starts in `out`: a dash before a digit
    /// that opens a block is a list's bullet ("-5 new hospitals"), no
    /// minus sign.
    block_first: usize,
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

/// Block-level merges ("per cent", "degrees Celsius") and removal of
/// blanked lexemes.
fn finish_block(out: &mut Vec<Lexeme>, first: usize) {
    if !merge_units(&mut out[first..]) {
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
                self.block_first = first;
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
            let block_first = self.block_first;
            if let Some(to) =
                ascii::lex_chunk(b, i, start as u32, &mut self.bytes, out, block_first)
            {
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
        self.block_first = first;
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
            } else if let Some(h) = match c {
                '°' => Some(*H_DEGREES),
                '℃' => Some(*H_DEG_C),
                '℉' => Some(*H_DEG_F),
                _ => None,
            } {
                out.push(lexeme(ch[i], ch[i].end, h, LexKind::Word));
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
            } else if minus_sign(ch, i) && !(i == 0 && out.len() == self.block_first) {
                out.push(lexeme(ch[i], ch[i].end, *H_MINUS, LexKind::Word));
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

/// Is the character at `i` a minus sign: `-`, `−` or `–` right before a
/// digit (or a currency symbol and a digit), at the chunk's start or after
/// an opening bracket, a quotation mark or a currency symbol (as
/// `ascii::minus_sign`, which sees only `$`)?
fn minus_sign(ch: &[Ch], i: usize) -> bool {
    let digit = |k: usize| ch.get(k).is_some_and(|n| n.c.is_ascii_digit());
    let currency = |c: char| matches!(c, '$' | '£' | '€' | '¥');
    matches!(ch[i].c, '-' | '−' | '–')
        && (digit(i + 1) || (ch.get(i + 1).is_some_and(|n| currency(n.c)) && digit(i + 2)))
        && (i == 0
            || matches!(ch[i - 1].c, '(' | '[' | '"' | '\'' | '“' | '‘')
            || currency(ch[i - 1].c))
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

/// Units written in more than one way become one token: "per cent" is
/// "percent" and "%"; degrees with their scale are one token however the
/// scale is written ("1.5°C", "1.5C", "1.5 degrees Celsius", "1.5 degrees
/// C"; Fahrenheit likewise; "one degree" after a number is "degrees").
/// A scale given on one side only is no edit (`classify::variant`). A merged-in lexeme is blanked (punct `\0`)
/// for the caller to remove. Is any lexeme blank now? (A NUL byte in the
/// text lexes as a blank one too.)
fn merge_units(ls: &mut [Lexeme]) -> bool {
    let (per, cent, degree, degrees) = (*H_PER, *H_CENT, *H_DEGREE, *H_DEGREES);
    let scales = &*H_SCALES;
    let mut blank = ls.first().is_some_and(is_blank);
    for i in 1..ls.len() {
        blank |= is_blank(&ls[i]);
        if ls[i].kind != LexKind::Word {
            continue;
        }
        if ls[i - 1].kind == LexKind::Number {
            blank |= merge_measure(ls, i);
        }
        let (h, before) = (ls[i].hash, &ls[i - 1]);
        let scale = scales.iter().find(|s| s.0 == h).map(|s| s.1);
        if h == degree && before.kind == LexKind::Number {
            ls[i].hash = degrees;
        } else if (h == cent && before.hash == per)
            || (scale.is_some() && before.hash == degrees && before.kind == LexKind::Word)
        {
            blank = true;
            ls[i - 1].hash = scale.unwrap_or(*H_PERCENT);
            ls[i - 1].end = ls[i].end;
            ls[i].kind = LexKind::Punct;
            ls[i].ch = '\0';
            ls[i].hash = 0;
        }
    }
    blank
}

/// A unit after a number (lexeme `i`) becomes its one token ("km",
/// "kilometres"), and a speed's three lexemes one ("km/h", "kilometres per
/// hour", "miles per hour" and "mph"), the rest blanked. Did it blank any?
fn merge_measure(ls: &mut [Lexeme], i: usize) -> bool {
    let units = &*H_UNITS;
    let Ok(k) = units.binary_search_by_key(&ls[i].hash, |u| u.0) else {
        return false;
    };
    ls[i].hash = units[k].1;
    let Some(&(_, speed)) = H_SPEEDS.iter().find(|s| s.0 == ls[i].hash) else {
        return false;
    };
    let [hour, h] = *H_HOUR;
    let per = |l: &Lexeme| {
        (l.kind == LexKind::Word && l.hash == *H_PER) || (l.kind == LexKind::Punct && l.ch == '/')
    };
    let written = ls.get(i + 1..i + 3).is_some_and(|n| {
        per(&n[0]) && n[1].kind == LexKind::Word && (n[1].hash == hour || n[1].hash == h)
    });
    if !written {
        return false;
    }
    ls[i].hash = speed;
    ls[i].end = ls[i + 2].end;
    for l in &mut ls[i + 1..i + 3] {
        l.kind = LexKind::Punct;
        l.ch = '\0';
        l.hash = 0;
    }
    true
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
mod tests;
