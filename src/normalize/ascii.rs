//! The byte path for ASCII chunks: the same lexemes as the general path
//! (`Lexer::flush`), without building a char buffer. A property test checks
//! that both paths agree on arbitrary input.

use super::{H_PERCENT, LexKind, Lexeme, TENS, form_hash, number_word, number_word_bytes};

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

/// Lexes one whitespace-delimited ASCII chunk starting at file offset `base`.
pub(super) fn lex_chunk(s: &[u8], base: u32, form: &mut Vec<u8>, out: &mut Vec<Lexeme>) {
    let first = out.len();
    if looks_like_url(s) {
        push(out, base, base + s.len() as u32, 0, LexKind::Url, '\0');
    } else {
        let mut i = 0;
        while i < s.len() {
            let c = s[i];
            if c.is_ascii_alphanumeric() {
                let mut j = i + 1;
                while j < s.len() && joins(s, j) {
                    j += 1;
                }
                word(&s[i..j], base + i as u32, form, out);
                i = j;
                continue;
            }
            if c == b'%' {
                push(
                    out,
                    base + i as u32,
                    base + i as u32 + 1,
                    *H_PERCENT,
                    LexKind::Word,
                    '\0',
                );
            } else if c == b'-'
                && let Some((j, value)) = hyphen_number(out, s, i, base)
            {
                let last = out.last_mut().expect("hyphen_number checked it");
                last.hash = form_hash(&value.to_string());
                last.end = base + j as u32;
                i = j;
                continue;
            } else {
                push(
                    out,
                    base + i as u32,
                    base + i as u32 + 1,
                    0,
                    LexKind::Punct,
                    c as char,
                );
            }
            i += 1;
        }
    }
    if out.len() > first {
        out[first].space_before = true;
        let last = out.len() - 1;
        out[last].space_after = true;
    }
}

fn joins(s: &[u8], j: usize) -> bool {
    let c = s[j];
    if c.is_ascii_alphanumeric() {
        return true;
    }
    let (prev, next) = (s[j - 1], s.get(j + 1).copied());
    match next {
        Some(n) if c == b'\'' => prev.is_ascii_alphabetic() && n.is_ascii_alphabetic(),
        Some(n) if c == b',' || c == b'.' => prev.is_ascii_digit() && n.is_ascii_digit(),
        _ => false,
    }
}

fn word(w: &[u8], start: u32, form: &mut Vec<u8>, out: &mut Vec<Lexeme>) {
    let (mut upper, mut sep, mut alpha) = (false, false, false);
    for &c in w {
        upper |= c.is_ascii_uppercase();
        sep |= c == b',' || c == b'.';
        alpha |= c.is_ascii_alphabetic();
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
        let lower = if upper {
            form.clear();
            form.extend(w.iter().map(u8::to_ascii_lowercase));
            &form[..]
        } else {
            w
        };
        match number_word_bytes(lower) {
            Some(v) => (LexKind::Number, form_hash(&v.to_string())),
            None => (LexKind::Word, xxhash_rust::xxh3::xxh3_64(lower)),
        }
    };
    push(out, start, start + w.len() as u32, hash, kind, '\0');
    out.last_mut().expect("just pushed").cap = w[0].is_ascii_uppercase();
}

/// "twenty-five": the value and where the units word ends, if the dash at
/// `i` joins a tens word just lexed to a units word.
fn hyphen_number(out: &[Lexeme], s: &[u8], i: usize, base: u32) -> Option<(usize, u32)> {
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
    let units = number_word(&units).filter(|u| (1..10).contains(u))?;
    (TENS.contains(&tens.as_str()) && j > i + 1)
        .then(|| (j, number_word(&tens).unwrap_or(0) + units))
}

fn looks_like_url(s: &[u8]) -> bool {
    if !s.iter().any(|c| matches!(c, b'/' | b'@' | b':' | b'.')) {
        return false;
    }
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
