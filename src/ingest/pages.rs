//! Page breaks of extracted text: a PDF turned into text leaves each page's
//! header and footer lines ("Page 2 of 5", "OFFICIAL", the title again) in
//! the middle of the running text, often in the middle of a sentence:
//! "... Since" / "Page 2 of 5" / "July, the number ...". Such a sentence is
//! joined back across the page lines, which then read as a space (their
//! bytes stay in the file and in any span that crosses them).

use std::ops::Range;

use rustc_hash::FxHashMap;

/// Longest line (in bytes) taken for a page header or footer.
const MAX_MARKER: usize = 80;
/// Most lines of one block of page lines (header and footer together).
const MAX_LINES: usize = 4;

/// The breaks to bridge among the blocks `ranges` of `text`: pairs `(head,
/// tail)` of block indices, where block `head` stops mid-sentence (no
/// closing punctuation), block `tail` goes on with its sentence, and every
/// block between them is a page line (a page number, or a short line the
/// document repeats), a page number among them.
pub fn bridges(text: &str, ranges: &[Range<usize>]) -> Vec<(usize, usize)> {
    let block = |i: usize| text[ranges[i].clone()].trim();
    let lines = |i: usize| block(i).lines().map(str::trim);
    let short = |i: usize| lines(i).count() <= MAX_LINES && lines(i).all(|l| l.len() <= MAX_MARKER);
    // Most documents have no paragraph that stops mid-sentence before a
    // short block: nothing more is read.
    // (Cheapest tests first: this runs on every text document.)
    let heads: Vec<usize> = (0..ranges.len().saturating_sub(2))
        .filter(|&i| {
            open_end(block(i))
                && block(i + 1).len() <= MAX_LINES * (MAX_MARKER + 2)
                && short(i + 1)
                && stops_mid_sentence(block(i))
        })
        .collect();
    if heads.is_empty() {
        return Vec::new();
    }
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    for i in (0..ranges.len()).filter(|&i| short(i)) {
        for l in lines(i) {
            *seen.entry(l).or_default() += 1;
        }
    }
    let marker = |i: usize| short(i) && lines(i).all(|l| page_number(l) || seen[l] > 1);
    let mut out = Vec::new();
    let mut done = 0;
    for head in heads {
        if head < done {
            continue;
        }
        let mut tail = head + 1;
        while tail < ranges.len() && marker(tail) {
            tail += 1;
        }
        // A page number among them says it is a page break (a repeated
        // line alone may be a teaser the capture holds twice).
        let numbered = (head + 1..tail).any(|i| lines(i).any(page_number));
        if numbered && tail < ranges.len() && goes_on(block(tail)) {
            out.push((head, tail));
            done = tail;
        }
    }
    out
}

/// "12", "Page 12", "page 2 of 5", "2 / 5", "- 12 -".
fn page_number(l: &str) -> bool {
    let l = l.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let l = l
        .strip_prefix("Page")
        .or_else(|| l.strip_prefix("page"))
        .unwrap_or(l)
        .trim_start();
    let mut parts = l.split(|c: char| c.is_whitespace() || c == '/');
    let number = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if !number(parts.next()) {
        return false;
    }
    let rest: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
    match rest[..] {
        [] => true,
        [n] => number(Some(n)),
        [of, n] => of.eq_ignore_ascii_case("of") && number(Some(n)),
        _ => false,
    }
}

/// Does a paragraph of running text stop without closing its sentence?
/// (Six words at least: a heading at the foot of a page is shorter.)
fn stops_mid_sentence(l: &str) -> bool {
    open_end(l) && !l.starts_with(['#', '>', '|']) && l.split_whitespace().count() >= 6
}

/// Does the text end on a word or a comma (not on closing punctuation)?
fn open_end(l: &str) -> bool {
    l.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// Can a paragraph go on with a sentence begun before it? (Not a
/// heading, list item or quotation block; its first word may be a name:
/// "Since" / "July, the number ...".)
fn goes_on(l: &str) -> bool {
    l.chars().next().is_some_and(char::is_alphanumeric) && !super::lines::starts_block(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(t: &str) -> Vec<Range<usize>> {
        super::super::lines::blocks(t, 0..t.len())
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "12",
            "Page 12",
            "page 2 of 5",
            "2 / 5",
            "- 12 -",
            "Page 3 of 12",
        ] {
            assert!(page_number(yes), "{yes}");
        }
        for no in ["12 plots", "Page one", "2024 was a year", "1 2 3", ""] {
            assert!(!page_number(no), "{no}");
        }
    }

    #[test]
    fn a_sentence_cut_by_page_lines_is_bridged() {
        let t = "Good morning. We have seen plot after plot here in the UK. Since\n\nPage 2 of 5\nOFFICIAL\n\njuly, the number has risen.\n\nOFFICIAL\n\nThe end.";
        let r = blocks_of(t);
        let b = bridges(t, &r);
        assert_eq!(b.len(), 1, "{r:?}");
        let (h, tail) = b[0];
        assert!(t[r[h].clone()].ends_with("Since"));
        assert!(t[r[tail].clone()].starts_with("july"));
        // A closed sentence, a short heading or a list after the page lines:
        // no bridge.
        let t = "We have seen plot after plot here in the UK.\n\nPage 2 of 5\n\nthen more.\n\nThe threat from state actors\n\n3\n\nRussia goes on.\n\nWe have seen plot after plot here in the\n\n4\n\n- one\n- two";
        assert!(bridges(t, &blocks_of(t)).is_empty());
        // Repeated lines without a page number: a teaser held twice, no bridge.
        let t = "A caption of an image of people having a chat 82c0\n\nMystery parcel fires\n\nA series of parcel fires.\n\nMystery parcel fires\n\nthe end";
        assert!(bridges(t, &blocks_of(t)).is_empty());
    }
}
