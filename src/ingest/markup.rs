//! The markup scanner: turns a range of text into blocks of visible text.
//! Tags are skipped (block-level tags end a block), entities are decoded into
//! pieces that remember the entity's bytes, Markdown link targets are skipped.
//! Every piece keeps its byte range in the text, so offsets survive.

use std::ops::Range;

use super::{Block, Piece};

/// Tags after which visible text starts a new block.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is not text.
const SKIP_CONTENT: &[&str] = &["script", "style", "noscript", "template"];

/// Does this text look like HTML rather than text with a stray tag?
pub fn looks_like_html(text: &str) -> bool {
    let mut n = 0;
    for (i, _) in text.match_indices('<') {
        if let Some(t) = parse_tag(text, i)
            && BLOCK_TAGS.contains(&t.name.as_str())
        {
            n += 1;
            if n >= 2 {
                return true;
            }
        }
    }
    false
}

pub(crate) struct Tag {
    pub name: String,
    pub end: usize,
    pub closing: bool,
}

/// Parses a tag, comment or declaration starting at `at` (which holds `<`).
pub(crate) fn parse_tag(text: &str, at: usize) -> Option<Tag> {
    let b = text.as_bytes();
    let rest = &text[at..];
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map(|e| at + e + 3)?;
        return Some(Tag {
            name: "!--".into(),
            end,
            closing: false,
        });
    }
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let bang = !closing && b.get(i) == Some(&b'!');
    if bang {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || (i > name_start && b[i] == b':')) {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = text[name_start..i].to_ascii_lowercase();
    // Attributes: scan to `>` outside quotes, giving up at a blank line or
    // after a long stretch, so a stray `<` in prose does not swallow text.
    let mut quote = 0u8;
    while i < b.len() && i - at < 4096 {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return Some(Tag {
                name: if bang { format!("!{name}") } else { name },
                end: i + 1,
                closing,
            });
        } else if c == b'<' || (c == b'\n' && b.get(i + 1) == Some(&b'\n')) {
            return None;
        }
        i += 1;
    }
    None
}

/// Decodes an HTML entity at `at` (which holds `&`): its end and its text.
pub(crate) fn parse_entity(text: &str, at: usize) -> Option<(usize, String)> {
    let rest = &text[at..];
    let semi = rest.bytes().take(34).position(|b| b == b';')?;
    let body = &rest[1..semi];
    let ok = if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (h, 16),
            None => (num, 10),
        };
        !digits.is_empty() && u32::from_str_radix(digits, radix).is_ok()
    } else {
        !body.is_empty() && body.bytes().all(|c| c.is_ascii_alphanumeric())
    };
    if !ok {
        return None;
    }
    let raw = &rest[..=semi];
    let decoded = html_escape::decode_html_entities(raw);
    (decoded != raw).then(|| (at + semi + 1, decoded.into_owned()))
}

/// Scans `range` of `text` into blocks appended to `out`. `split_on_blank`
/// also ends a block at a blank line (used for HTML, where newlines are
/// otherwise plain whitespace).
pub fn scan(text: &str, range: Range<usize>, split_on_blank: bool, out: &mut Vec<Block>) {
    scan_with(text, range, split_on_blank, false, out);
}

/// An escaped tag (`&lt;p class="x"&gt;`) at `at`: its name, whether it
/// closes, and its end.
fn parse_escaped_tag(text: &str, at: usize, end: usize) -> Option<Tag> {
    let rest = &text[at..end];
    let inner = rest.strip_prefix("&lt;")?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if name_len == 0 || !inner.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let window = &rest[..rest.len().min(4096)];
    let gt = window.find("&gt;")?;
    Some(Tag {
        name: inner[..name_len].to_ascii_lowercase(),
        end: at + gt + 4,
        closing,
    })
}

/// A doubly escaped entity (`&amp;nbsp;`) at `at`: its end and its text.
fn parse_escaped_entity(text: &str, at: usize, end: usize) -> Option<(usize, String)> {
    let after = at + "&amp;".len();
    let tail_end = (after + 34).min(end);
    let tail_end = (tail_end..=end).find(|&e| text.is_char_boundary(e))?;
    let inner = format!("&{}", &text[after..tail_end]);
    let (e, decoded) = parse_entity(&inner, 0)?;
    Some((after + e - 1, decoded))
}

/// [`scan`], where `escaped` means the markup itself is entity-escaped (the
/// HTML body of an RSS `<description>`): `&lt;p&gt;` is a tag and
/// `&amp;nbsp;` an entity. Offsets still point at the escaped bytes.
pub fn scan_with(
    text: &str,
    range: Range<usize>,
    split_on_blank: bool,
    escaped: bool,
    out: &mut Vec<Block>,
) {
    let b = text.as_bytes();
    let mut cur = Block::default();
    // Open `<blockquote>` elements.
    let mut quoting = 0usize;
    let mut run = range.start;
    let mut i = range.start;
    let flush_run = |cur: &mut Block, from: usize, to: usize| {
        if to > from {
            cur.pieces.push(Piece::verbatim(from, to));
        }
    };
    while i < range.end {
        match b[i] {
            b'<' => {
                let Some(tag) = parse_tag(text, i).filter(|t| t.end <= range.end) else {
                    i += 1;
                    continue;
                };
                flush_run(&mut cur, run, i);
                if BLOCK_TAGS.contains(&tag.name.as_str()) {
                    block_tag(&tag, &mut cur, &mut quoting, text, out);
                }
                i = skipped_to(text, &tag, range.end);
                run = i;
            }
            b'&' if escaped && let Some(tag) = parse_escaped_tag(text, i, range.end) => {
                flush_run(&mut cur, run, i);
                if BLOCK_TAGS.contains(&tag.name.as_str()) {
                    push_block(&mut cur, text, out);
                }
                i = tag.end;
                run = i;
            }
            b'&' if escaped
                && text[i..range.end].starts_with("&amp;")
                && let Some((end, decoded)) = parse_escaped_entity(text, i, range.end) =>
            {
                flush_run(&mut cur, run, i);
                cur.pieces.push(Piece::replaced(i, end, decoded));
                i = end;
                run = i;
            }
            b'&' => match parse_entity(text, i).filter(|(e, _)| *e <= range.end) {
                Some((end, decoded)) => {
                    flush_run(&mut cur, run, i);
                    cur.pieces.push(Piece::replaced(i, end, decoded));
                    i = end;
                    run = i;
                }
                None => i += 1,
            },
            b']' if b.get(i + 1) == Some(&b'(') => match link_target(text, i, range.end) {
                Some(p) => {
                    flush_run(&mut cur, run, i + 1);
                    i = p + 1;
                    run = i;
                }
                None => i += 1,
            },
            b'\n' if split_on_blank && blank_line_follows(b, i, range.end) => {
                flush_run(&mut cur, run, i);
                push_block(&mut cur, text, out);
                i += 1;
                run = i;
            }
            _ => i = next_markup(b, i, range.end, split_on_blank),
        }
    }
    flush_run(&mut cur, run, range.end);
    push_block(&mut cur, text, out);
}

/// Where scanning goes on after tag `tag`: its end, or, for a tag whose
/// content is not text (`script`, `style`), the end of its closing tag.
fn skipped_to(text: &str, tag: &Tag, end: usize) -> usize {
    if tag.closing || !SKIP_CONTENT.contains(&tag.name.as_str()) {
        return tag.end;
    }
    let close = format!("</{}", tag.name);
    find_ci(&text[tag.end..end], &close)
        .and_then(|p| {
            text[tag.end + p..end]
                .find('>')
                .map(|q| tag.end + p + q + 1)
        })
        .unwrap_or(end)
}

/// A block-level tag ends the current block; a heading tag marks the next
/// one, and `<blockquote>` opens or closes a block quotation (`quoting`:
/// how many are open).
fn block_tag(tag: &Tag, cur: &mut Block, quoting: &mut usize, text: &str, out: &mut Vec<Block>) {
    cur.heading |= !tag.closing && tag.name.len() == 2 && tag.name.starts_with('h');
    push_block(cur, text, out);
    if tag.name == "blockquote" {
        *quoting = if tag.closing {
            quoting.saturating_sub(1)
        } else {
            *quoting + 1
        };
        cur.quoted = *quoting > 0;
    }
}

/// The `)` closing a Markdown link or image target, `[text](url)`, whose
/// `]` is at `i`.
fn link_target(text: &str, i: usize, end: usize) -> Option<usize> {
    text[i + 2..end]
        .find([')', '\n', ' '])
        .map(|p| i + 2 + p)
        .filter(|&p| text.as_bytes()[p] == b')')
}

/// The next byte after `i` that can start markup (or `end`).
fn next_markup(b: &[u8], i: usize, end: usize, split_on_blank: bool) -> usize {
    let hay = &b[i + 1..end];
    let next = if split_on_blank {
        memchr::memchr3(b'<', b'&', b'\n', hay).map(|p| {
            let q = memchr::memchr(b']', &hay[..p]).unwrap_or(p);
            q.min(p)
        })
    } else {
        memchr::memchr3(b'<', b'&', b']', hay)
    };
    next.map_or(end, |p| i + 1 + p)
}

fn blank_line_follows(b: &[u8], nl: usize, end: usize) -> bool {
    let mut j = nl + 1;
    while j < end && matches!(b[j], b' ' | b'\t' | b'\r') {
        j += 1;
    }
    j < end && b[j] == b'\n'
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(needle)
}

/// Trims whitespace off both ends of the block and keeps it if anything is left.
/// Ends the current block (kept if it holds visible text); the next one
/// starts inside the same block quotation, if any.
fn push_block(cur: &mut Block, text: &str, out: &mut Vec<Block>) {
    let mut block = std::mem::take(cur);
    cur.quoted = block.quoted;
    trim_pieces(&mut block.pieces, text);
    if let (Some(first), Some(last)) = (block.pieces.first(), block.pieces.last()) {
        block.start = first.start;
        block.end = last.end;
        out.push(block);
    } else {
        cur.heading = false;
    }
}

fn trim_pieces(pieces: &mut Vec<Piece>, text: &str) {
    let is_blank = |p: &Piece| p.text(text).chars().all(char::is_whitespace);
    while pieces.first().is_some_and(is_blank) {
        pieces.remove(0);
    }
    while pieces.last().is_some_and(is_blank) {
        pieces.pop();
    }
    if let Some(p) = pieces.first_mut().filter(|p| p.repl.is_none()) {
        let s = &text[p.start as usize..p.end as usize];
        p.start += (s.len() - s.trim_start().len()) as u32;
    }
    if let Some(p) = pieces.last_mut().filter(|p| p.repl.is_none()) {
        let s = &text[p.start as usize..p.end as usize];
        p.end -= (s.len() - s.trim_end().len()) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(text: &str, blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(|b| b.visible_text(text)).collect()
    }

    #[test]
    fn blocks_inside_a_blockquote_are_quoted() {
        let t = "<p>He said:</p><blockquote><p>One.</p><p>Two.</p></blockquote><p>After.</p>";
        let mut out = Vec::new();
        scan(t, 0..t.len(), true, &mut out);
        let quoted: Vec<(String, bool)> =
            out.iter().map(|b| (b.visible_text(t), b.quoted)).collect();
        let want = [
            ("He said:", false),
            ("One.", true),
            ("Two.", true),
            ("After.", false),
        ];
        assert_eq!(quoted, want.map(|(s, q)| (s.to_string(), q)));
    }

    #[test]
    fn tags_entities_and_blocks() {
        let t = "<p>It&rsquo;s <b>bold</b>&nbsp;text.</p> <p>Two<br>lines</p><script>x<y</script>";
        let mut out = Vec::new();
        scan(t, 0..t.len(), true, &mut out);
        assert_eq!(visible(t, &out), ["It’s bold\u{a0}text.", "Two", "lines"]);
        assert_eq!(
            &t[out[0].start as usize..out[0].end as usize],
            "It&rsquo;s <b>bold</b>&nbsp;text."
        );
    }

    #[test]
    fn escaped_markup_in_feeds() {
        let t = "&lt;p class=&quot;x&quot;&gt;Hello &amp;amp; it&amp;rsquo;s&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;";
        let mut out = Vec::new();
        scan_with(t, 0..t.len(), true, true, &mut out);
        assert_eq!(visible(t, &out), ["Hello & it’s", "Two"]);
        let two = &out[1];
        assert_eq!(&t[two.start as usize..two.end as usize], "Two");
    }

    #[test]
    fn markdown_links_keep_their_text() {
        let t = "see [the guidance](https://x.org/a) now";
        let mut out = Vec::new();
        scan(t, 0..t.len(), false, &mut out);
        assert_eq!(visible(t, &out), ["see [the guidance] now"]);
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        let t = "a < b and c > d";
        let mut out = Vec::new();
        scan(t, 0..t.len(), false, &mut out);
        assert_eq!(visible(t, &out), [t]);
        assert!(!looks_like_html(t));
    }
}
