//! Sliding a diff's gap at the edge of a match. A diff may pair a passage's
//! first words with an earlier occurrence of the same words in the source
//! and drop what lies between: "A firefighter pays more" against "A teacher
//! pays more. A firefighter pays more. A nurse pays more." as "A" +
//! "teacher pays more. A" dropped + "firefighter" + "pays more. A nurse"
//! dropped + "pays more". Equally short, and truer, is the match in one
//! piece: the gaps slide outwards, out of the alignment. Only gaps of source
//! words slide: words the passage adds are where the writer put them.

use super::{Op, Tag};

/// Slides the gap after the first match, and the one before the last,
/// outwards where the words allow it: the match then runs on unbroken.
/// `src` is the diffed source window, whose first token is `offset`.
pub fn slide_edges(ops: &mut Vec<Op>, src: &[u64], passage: &[u64], offset: usize) {
    // The gap's words: the source's for a deletion, the passage's for an
    // addition (a gap's range on that side, and a match's).
    let side = |tag: Tag, o: &Op| match tag {
        Tag::Delete => o.src.clone(),
        _ => o.sec.clone(),
    };
    let word = |tag: Tag, i: usize| match tag {
        Tag::Delete => src[i - offset],
        _ => passage[i],
    };
    // `k` words from `from` are the same `m` words further on.
    let repeats = |tag: Tag, from: usize, m: usize, k: usize| {
        (0..k).all(|j| word(tag, from + j) == word(tag, from + m + j))
    };
    let is_gap = |g: &Op| g.tag == Tag::Delete;
    // Leading: match `a`, gap `g`, match `b`, and `a`'s words again at the
    // gap's end: the gap goes first, `a` joins `b`.
    if let Some(i) = ops.iter().position(|o| o.tag == Tag::Equal)
        && let [a, g, b] = &ops[i..(i + 3).min(ops.len())]
        && is_gap(g)
        && b.tag == Tag::Equal
        && repeats(
            g.tag,
            side(g.tag, a).start,
            side(g.tag, g).len(),
            a.src.len(),
        )
    {
        let gap = moved(g, a.src.start, a.sec.start);
        let run = Op {
            tag: Tag::Equal,
            src: gap.src.end..b.src.end,
            sec: gap.sec.end..b.sec.end,
        };
        ops.splice(i..i + 3, [gap, run]);
    }
    // Trailing: match `b`, gap `g`, match `a`, and `a`'s words already at
    // the gap's start: `a` joins `b`, the gap goes last.
    if let Some(i) = ops.iter().rposition(|o| o.tag == Tag::Equal)
        && i >= 2
        && let [b, g, a] = &ops[i - 2..=i]
        && is_gap(g)
        && b.tag == Tag::Equal
        && repeats(
            g.tag,
            side(g.tag, g).start,
            side(g.tag, g).len(),
            a.src.len(),
        )
    {
        let run = Op {
            tag: Tag::Equal,
            src: b.src.start..b.src.end + a.src.len(),
            sec: b.sec.start..b.sec.end + a.sec.len(),
        };
        let gap = moved(g, run.src.end, run.sec.end);
        ops.splice(i - 2..=i, [run, gap]);
    }
}

/// The gap moved to start at source `src` and passage `sec`.
fn moved(g: &Op, src: usize, sec: usize) -> Op {
    Op {
        tag: g.tag,
        src: src..src + g.src.len(),
        sec: sec..sec + g.sec.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::toks;
    use super::super::{AlignConfig, SourceIndex, align};
    use super::*;

    fn aligned(source: &str, passage: &str) -> (std::ops::Range<usize>, Vec<Tag>) {
        let src = toks(source);
        let sources = [src.as_slice()];
        let cfg = AlignConfig::default();
        let index = SourceIndex::build(&sources, &cfg);
        let a = align(&index, &sources, &toks(passage), &cfg).expect(passage);
        (a.src, a.ops.iter().map(|o| o.tag).collect())
    }

    #[test]
    fn a_match_at_the_edge_runs_on_past_a_repeated_start() {
        let source = "It is not the weather. It is a choice, and for thirty years governments have chosen not to build.";
        // "It is" is source tokens 0-1 and 5-6: the passage's are the second.
        let (src, tags) = aligned(
            source,
            "It is a choice, and for thirty years governments have chosen not to build.",
        );
        assert_eq!(src.start, 5);
        assert_eq!(tags, [Tag::Equal]);
        // The same at the end, and a word before the match.
        let (src, tags) = aligned(
            "A teacher pays more. A firefighter pays more. A nurse pays more. That is not fair.",
            "A firefighter pays more.",
        );
        assert_eq!(src, 4..8);
        assert_eq!(tags, [Tag::Equal]);
    }

    #[test]
    fn sliding_keeps_the_words_of_each_op() {
        let (src, passage) = (toks("a b c a b d"), toks("a b d"));
        let mut ops = vec![
            Op {
                tag: Tag::Equal,
                src: 0..2,
                sec: 0..2,
            },
            Op {
                tag: Tag::Delete,
                src: 2..5,
                sec: 2..2,
            },
            Op {
                tag: Tag::Equal,
                src: 5..6,
                sec: 2..3,
            },
        ];
        slide_edges(&mut ops, &src, &passage, 0);
        assert_eq!(
            ops,
            [
                Op {
                    tag: Tag::Delete,
                    src: 0..3,
                    sec: 0..0
                },
                Op {
                    tag: Tag::Equal,
                    src: 3..6,
                    sec: 0..3
                },
            ]
        );
        for o in ops.iter().filter(|o| o.tag == Tag::Equal) {
            assert_eq!(src[o.src.clone()], passage[o.sec.clone()]);
        }
    }
}
