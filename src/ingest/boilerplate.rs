//! Boilerplate: blocks that are not the document's own text (navigation,
//! footers, blocks the page repeats). They are marked, never deleted: the
//! user still sees them, and later stages decide whether to skip them.

use serde::Serialize;

use super::Block;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// The same block (same words) occurs more than once in the document:
    /// teasers, related-news columns, captures that repeat a sidebar.
    Repeated,
    /// Mostly links or paths: menus, breadcrumbs, link lists.
    Navigation,
    /// Short legal or site-furniture lines: copyright, cookies, privacy.
    Footer,
}

/// What the boilerplate rules need to know of a block.
#[derive(Clone, Copy, Debug, Default)]
pub struct BlockStats {
    /// Hash of the block's matching tokens (0 when it has none).
    pub exact: u64,
    pub words: usize,
    pub urls: usize,
}

/// A repeated block needs at least this many words to count as repeated:
/// "Read more" twice is not a repeated teaser.
pub const MIN_REPEATED_WORDS: usize = 4;
/// Footer words only mark blocks this short or shorter.
pub const MAX_FOOTER_WORDS: usize = 12;

const FOOTER_WORDS: &[&str] = &[
    "copyright",
    "cookie",
    "cookies",
    "privacy",
    "sitemap",
    "accessibility",
    "all rights reserved",
    "terms and conditions",
    "terms of use",
    "newsletter",
    "subscribe",
];

/// Marks the blocks of one document. `stats[i]` describes `blocks[i]`.
pub fn mark(blocks: &mut [Block], stats: &[BlockStats], text: &str) {
    let mut seen: rustc_hash::FxHashMap<u64, u32> = rustc_hash::FxHashMap::default();
    for s in stats.iter().filter(|s| s.words >= MIN_REPEATED_WORDS) {
        *seen.entry(s.exact).or_default() += 1;
    }
    for (b, s) in blocks.iter_mut().zip(stats) {
        b.boilerplate = if s.words >= MIN_REPEATED_WORDS && seen[&s.exact] > 1 {
            Some(Boilerplate::Repeated)
        } else if s.urls > 0 && (s.urls * 2 >= s.words || (s.words <= 20 && s.urls * 4 >= s.words))
        {
            Some(Boilerplate::Navigation)
        } else if s.words <= MAX_FOOTER_WORDS && is_footer(&b.visible_text(text)) {
            Some(Boilerplate::Footer)
        } else {
            None
        };
    }
}

fn is_footer(visible: &str) -> bool {
    if visible.contains('©') {
        return true;
    }
    let lower = visible.to_lowercase();
    FOOTER_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = lower[i + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Piece;

    fn block(text: &str) -> Block {
        Block {
            start: 0,
            end: text.len() as u32,
            pieces: vec![Piece::verbatim(0, text.len())],
            ..Block::default()
        }
    }

    #[test]
    fn rules() {
        let texts = [
            "© Crown Copyright",
            "About Us (/about-us)",
            "A real sentence of prose here.",
        ];
        let mut blocks: Vec<Block> = texts.iter().map(|t| block(t)).collect();
        let stats = [
            BlockStats {
                exact: 1,
                words: 2,
                urls: 0,
            },
            BlockStats {
                exact: 2,
                words: 2,
                urls: 1,
            },
            BlockStats {
                exact: 3,
                words: 6,
                urls: 0,
            },
        ];
        for (i, t) in texts.iter().enumerate() {
            mark(&mut blocks[i..=i], &stats[i..=i], t);
        }
        let marks: Vec<_> = blocks.iter().map(|b| b.boilerplate).collect();
        assert_eq!(
            marks,
            [
                Some(Boilerplate::Footer),
                Some(Boilerplate::Navigation),
                None
            ]
        );
    }

    #[test]
    fn repeats_are_marked_everywhere() {
        let t = "one two three four";
        let mut blocks = vec![block(t), block(t), block(t)];
        let s = BlockStats {
            exact: 9,
            words: 4,
            urls: 0,
        };
        let other = BlockStats {
            exact: 8,
            words: 4,
            urls: 0,
        };
        mark(&mut blocks, &[s, other, s], t);
        assert_eq!(blocks[0].boilerplate, Some(Boilerplate::Repeated));
        assert_eq!(blocks[1].boilerplate, None);
        assert_eq!(blocks[2].boilerplate, Some(Boilerplate::Repeated));
    }
}
