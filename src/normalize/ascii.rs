//! The byte path for ASCII chunks: the same lexemes as the general path
//! (`Lexer::flush`), without building a char buffer. A property test checks
//! that both paths agree on arbitrary input. Each byte is classified once,
//! through [`CLASS`]: the scan that finds a chunk collects what kinds of
//! byte it holds, and the scan that finds a word collects its case and
//! separators, so no byte is looked at again to decide how to hash a word.

use super::{
    H_MINUS, H_PERCENT, LexKind, Lexeme, TENS, contracted_base, contraction, digit_ordinal,
    form_hash, number_word, ordinal_hash, ordinal_word, scaled, spelling, substitute, unit_word,
};

/// Letter or digit.
pub(super) const ALNUM: u8 = 1;
/// Upper-case letter.
const UPPER: u8 = 2;
/// Letter.
const ALPHA: u8 = 4;
/// ASCII whitespace as `char::is_whitespace` has it.
pub(super) const SPACE: u8 = 8;
/// A byte that a URL, path or e-mail address needs: `/ @ : .`
const URLISH: u8 = 16;
/// The first byte of a multi-byte character.
pub(super) const HIGH: u8 = 32;
/// A digit separator: `,` or `.`
const SEP: u8 = 64;
/// A square bracket (set on words that hold an editorial letter group).
const BRACKET: u8 = 128;

/// The class bits of every byte value.
pub(super) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() {
            k |= ALNUM;
        }
        if c.is_ascii_uppercase() {
            k |= UPPER;
        }
        if c.is_ascii_alphabetic() {
            k |= ALPHA;
        }
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            k |= SPACE;
        }
        if matches!(c, b'/' | b'@' | b':' | b'.') {
            k |= URLISH;
        }
        if c >= 0x80 {
            k |= HIGH;
        }
        if matches!(c, b',' | b'.') {
            k |= SEP;
        }
        if matches!(c, b'[' | b']') {
            k |= BRACKET;
        }
        t[i] = k;
        i += 1;
    }
    t
};

fn push(out: &mut Vec<Lexeme>, start: u32, end: u32, hash: u64, kind: LexKind, ch: char) {
    out.push(Lexeme {
        start,
        end,
        hash,
        kind,
        ch,
        cap: false,
        space_before: false,
        space_after: false,
    });
}

/// Lexes the whitespace-delimited chunk that starts at byte `from` of `s`
/// (a verbatim piece at file offset `base`; its block's lexemes start at
/// `block_first` in `out`), in one pass: words and
/// punctuation as they come, then, once the chunk's end shows what it held,
/// the lot replaced by one URL lexeme if it is one. Returns where the chunk
/// ends, or `None`, with nothing pushed, at a non-ASCII byte: such chunks
/// take the general path.
pub(super) fn lex_chunk(
    s: &[u8],
    from: usize,
    base: u32,
    form: &mut Vec<u8>,
    out: &mut Vec<Lexeme>,
    block_first: usize,
) -> Option<usize> {
    let first = out.len();
    let at = |i: usize| base + i as u32;
    let mut seen = 0;
    let mut i = from;
    while i < s.len() {
        let c = s[i];
        let k = CLASS[c as usize];
        if k & ALNUM != 0 || (c == b'[' && starts_word(s, i)) {
            let (j, flags) = word_end(s, i);
            word_or_contraction(&s[i..j], flags, at(i), form, out);
            seen |= flags;
            i = j;
            continue;
        }
        if k & (SPACE | HIGH) != 0 {
            if k & SPACE != 0 {
                break;
            }
            out.truncate(first);
            return None;
        }
        seen |= k;
        if c == b'%' {
            push(out, at(i), at(i) + 1, *H_PERCENT, LexKind::Word, '\0');
        } else if c == b'-'
            && let Some((j, hash, kind)) = hyphen_number(out, s, i, base)
        {
            let last = out.last_mut().expect("hyphen_number checked it");
            (last.hash, last.kind) = (hash, kind);
            last.end = at(j);
            i = j;
            continue;
        } else if c == b'-' && minus_sign(s, from, i) && !(i == from && first == block_first) {
            push(out, at(i), at(i) + 1, *H_MINUS, LexKind::Word, '\0');
        } else {
            push(out, at(i), at(i) + 1, 0, LexKind::Punct, c as char);
        }
        i += 1;
    }
    if seen & URLISH != 0 && looks_like_url(&s[from..i]) {
        out.truncate(first);
        push(out, at(from), at(i), 0, LexKind::Url, '\0');
    }
    if out.len() > first {
        out[first].space_before = true;
        let last = out.len() - 1;
        out[last].space_after = true;
    }
    Some(i)
}

/// Is the `-` at `i` (of a chunk starting at `from`) a minus sign: right
/// before a digit (or a dollar sign and a digit), at the chunk's start or
/// after an opening bracket, a quotation mark or a dollar sign ("-5C",
/// "(-3.2%)", "-$45m", "$-45m"; not "10-15" or "COVID-19")?
fn minus_sign(s: &[u8], from: usize, i: usize) -> bool {
    let digit = |k: usize| s.get(k).is_some_and(u8::is_ascii_digit);
    (digit(i + 1) || (s.get(i + 1) == Some(&b'$') && digit(i + 2)))
        && (i == from || matches!(s[i - 1], b'(' | b'[' | b'"' | b'\'' | b'$'))
}

/// Where the word starting at `i` ends, and the union of its bytes' classes.
fn word_end(s: &[u8], i: usize) -> (usize, u8) {
    let mut flags = 0;
    let mut j = i;
    loop {
        // Eight bytes at a time while the word lasts (most words end in the
        // first eight: one step, and one well-predicted branch, each).
        while let Some(block) = s.get(j..j + 8) {
            let (run, f) = alnum_run(u64::from_le_bytes(block.try_into().expect("eight bytes")));
            flags |= f;
            j += run;
            if run < 8 {
                break;
            }
        }
        while j < s.len() {
            let k = CLASS[s[j] as usize];
            if k & ALNUM == 0 {
                break;
            }
            flags |= k;
            j += 1;
        }
        if let Some(end) = bracket_group(s, j) {
            flags = s[j..end].iter().fold(flags, |f, &c| f | CLASS[c as usize]);
            j = end;
            continue;
        }
        if j + 1 < s.len() && joins(s, j) {
            flags |= CLASS[s[j] as usize];
            j += 1;
            continue;
        }
        return (j, flags);
    }
}

/// Each byte's top bit.
const TOPS: u64 = 0x8080_8080_8080_8080;

/// Top bit set in each byte of `x` (ASCII bytes only) that is at least
/// `lo` and at most `hi`: byte-wise compares without carries between
/// bytes, since every byte is below 0x80 and every sum below 0x100.
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ones = u64::from_le_bytes([1; 8]);
    let at_least = x + ones * u64::from(0x80 - lo);
    let above = x + ones * u64::from(0x7F - hi);
    at_least & !above & TOPS
}

/// How many of the eight bytes `x` (in memory order) are letters or digits
/// from the first on, and the union of [`CLASS`] over them.
fn alnum_run(x: u64) -> (usize, u8) {
    let ascii = !x & TOPS;
    let low = x & !TOPS;
    let digit = in_range(low, b'0', b'9');
    let upper = in_range(low, b'A', b'Z');
    let lower = in_range(low, b'a', b'z');
    let alnum = (digit | upper | lower) & ascii;
    let run = (!alnum & TOPS).trailing_zeros() as usize / 8;
    let within = if run == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * run)) - 1
    };
    let mut flags = 0;
    if run > 0 {
        flags |= ALNUM;
    }
    if (upper | lower) & within != 0 {
        flags |= ALPHA;
    }
    if upper & within != 0 {
        flags |= UPPER;
    }
    (run, flags)
}

/// The end of an editorial letter group ("[T]he", "tax[es]": letters the
/// writer supplied inside a word) starting at `j`, if one does. Letters
/// only: a footnote mark such as "[1]" is not part of the word.
fn bracket_group(s: &[u8], j: usize) -> Option<usize> {
    if s.get(j) != Some(&b'[') {
        return None;
    }
    let letters = s[j + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let end = j + 1 + letters;
    (letters > 0 && s.get(end) == Some(&b']')).then_some(end + 1)
}

/// Does a word start with the letter group at `i` ("[W]e")? A group on its
/// own ("[We]") is a bracketed word, not part of one.
fn starts_word(s: &[u8], i: usize) -> bool {
    bracket_group(s, i).is_some_and(|end| s.get(end).is_some_and(u8::is_ascii_alphanumeric))
}

/// May the punctuation byte `j` (with a byte after it) continue a word: an
/// apostrophe between letters, a separator between digits? (Called only
/// inside a word, so a `]` before it closed one of its letter groups.)
fn joins(s: &[u8], j: usize) -> bool {
    let (prev, c, next) = (s[j - 1], s[j], s[j + 1]);
    match c {
        // (after a letter, or a letter group: "govern[ment]'s")
        b'\'' => (prev.is_ascii_alphabetic() || prev == b']') && next.is_ascii_alphabetic(),
        b',' | b'.' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Lexes a word, or a contraction as its two parts ("don't": "do", and
/// "n't" as "not"; see `normalize::contraction`).
fn word_or_contraction(w: &[u8], flags: u8, start: u32, form: &mut Vec<u8>, out: &mut Vec<Lexeme>) {
    let Some((k, expansion)) = contraction(w) else {
        return word(w, flags, start, form, out);
    };
    let (base, end) = w.split_at(w.len() - k);
    let at = start + base.len() as u32;
    match contracted_base(base) {
        Some(b) => {
            push(out, start, at, form_hash(b), LexKind::Word, '\0');
            out.last_mut().expect("just pushed").cap = base[0].is_ascii_uppercase();
        }
        None => {
            let flags = base.iter().fold(0, |f, &c| f | CLASS[c as usize]);
            word(base, flags, start, form, out);
        }
    }
    push(
        out,
        at,
        at + end.len() as u32,
        form_hash(expansion),
        LexKind::Word,
        '\0',
    );
}

/// Lexes a word; `flags` is the union of its bytes' classes.
fn word(w: &[u8], flags: u8, start: u32, form: &mut Vec<u8>, out: &mut Vec<Lexeme>) {
    let (upper, sep, alpha) = (flags & UPPER != 0, flags & SEP != 0, flags & ALPHA != 0);
    // "1.5bn": the number, then the word its suffix stands for.
    if alpha
        && w[0].is_ascii_digit()
        && let Some((cut, scale)) = scaled(w)
    {
        let digits = w[..cut].iter().fold(0, |f, &c| f | CLASS[c as usize]);
        word(&w[..cut], digits, start, form, out);
        let end = start + w.len() as u32;
        push(
            out,
            start + cut as u32,
            end,
            form_hash(scale),
            LexKind::Word,
            '\0',
        );
        return;
    }
    if alpha
        && w[0].is_ascii_digit()
        && let Some(n) = digit_ordinal(w)
    {
        let end = start + w.len() as u32;
        return push(out, start, end, ordinal_hash(n), LexKind::Word, '\0');
    }
    // Apostrophes only join letters, so a word without letters is digits
    // with separators. Most words are hashed in place, without a copy.
    let (kind, hash) = if !alpha {
        let digits = if sep {
            form.clear();
            form.extend(w.iter().filter(|&&c| c != b','));
            if form.contains(&b'.') {
                while form.last() == Some(&b'0') {
                    form.pop();
                }
                if form.last() == Some(&b'.') {
                    form.pop();
                }
            }
            &form[..]
        } else {
            w
        };
        (LexKind::Number, xxhash_rust::xxh3::xxh3_64(digits))
    } else {
        // The form: lower case, editorial brackets out, American spelling.
        let copied = flags & BRACKET != 0 || upper;
        if copied {
            form.clear();
            let letters = w.iter().filter(|&&c| c != b'[' && c != b']');
            form.extend(letters.map(u8::to_ascii_lowercase));
        }
        let base = if copied { &form[..] } else { w };
        let fold = spelling::may_fold(base)
            .then(|| spelling::find(base))
            .flatten();
        if let Some(fold) = fold {
            if !copied {
                form.clear();
                form.extend_from_slice(w);
            }
            spelling::apply(fold, form);
        }
        let lower = if copied || fold.is_some() {
            &form[..]
        } else {
            w
        };
        let h = xxhash_rust::xxh3::xxh3_64(lower);
        substitute(h).map_or((LexKind::Word, h), |(h, kind)| (kind, h))
    };
    push(out, start, start + w.len() as u32, hash, kind, '\0');
    let first = w.iter().find(|&&c| c != b'[').copied().unwrap_or(b' ');
    out.last_mut().expect("just pushed").cap = first.is_ascii_uppercase();
}

/// "twenty-five", "twenty-first": where the units word ends, and the
/// token of the whole, if the dash at `i` joins a tens word just lexed to a
/// units word.
fn hyphen_number(out: &[Lexeme], s: &[u8], i: usize, base: u32) -> Option<(usize, u64, LexKind)> {
    let last = out.last()?;
    if last.kind != LexKind::Number
        || last.end != base + i as u32
        || i == 0
        || !s[i - 1].is_ascii_alphabetic()
    {
        return None;
    }
    let mut j = i + 1;
    while j < s.len() && s[j].is_ascii_alphabetic() {
        j += 1;
    }
    let from = s[..i]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let tens = std::str::from_utf8(&s[from..i]).ok()?.to_ascii_lowercase();
    let units = std::str::from_utf8(&s[i + 1..j]).ok()?.to_ascii_lowercase();
    if !TENS.contains(&tens.as_str()) || j == i + 1 || !unit_word(&units) {
        return None;
    }
    let tens = number_word(&tens).unwrap_or(0);
    Some(match ordinal_word(&units) {
        Some(u) => (j, ordinal_hash(u64::from(tens + u)), LexKind::Word),
        None => {
            let value = tens + number_word(&units).unwrap_or(0);
            (j, form_hash(&value.to_string()), LexKind::Number)
        }
    })
}

/// Is the chunk a URL, path or e-mail address? (Called only on chunks that
/// hold one of `/ @ : .`)
fn looks_like_url(s: &[u8]) -> bool {
    let lead = s
        .iter()
        .take_while(|c| matches!(c, b'(' | b'<' | b'[' | b'"'))
        .count();
    let t = &s[lead..];
    let t = &t[..t.len().min(12)];
    if [&b"http://"[..], b"https://", b"www.", b"mailto:"]
        .iter()
        .any(|p| t.starts_with(p))
        || t.starts_with(b"/")
    {
        return true;
    }
    match s.iter().position(|&c| c == b'@') {
        Some(a) => {
            a > 0 && s[a..].contains(&b'.') && s.get(a + 1).is_some_and(u8::is_ascii_alphanumeric)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `alnum_run` against the byte-at-a-time reading of [`CLASS`].
    fn check(block: [u8; 8]) {
        let run = block
            .iter()
            .take_while(|&&c| CLASS[c as usize] & ALNUM != 0)
            .count();
        let flags = block[..run].iter().fold(0, |f, &c| f | CLASS[c as usize]);
        assert_eq!(
            alnum_run(u64::from_le_bytes(block)),
            (run, flags),
            "{block:?}"
        );
    }

    #[test]
    fn alnum_run_reads_every_byte_value_in_every_place() {
        for place in 0..8 {
            for c in 0..=255u8 {
                let mut block = *b"aB3zZ09q";
                block[place] = c;
                check(block);
                let mut block = [c; 8];
                block[7 - place] = b' ';
                check(block);
            }
        }
        // Pseudo-random blocks (xorshift), bytes from the whole range.
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            check(x.to_le_bytes());
        }
    }
}
