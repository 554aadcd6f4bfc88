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
/// Words the passage adds inside the match ("It does not mean," she said,
/// "that ...") move with it. Where all but the match's outermost word can
/// slide, they do, over a gap of three words or more: the word left alone
/// is then a stranded match that trimming drops ("the decision | does not
/// mean that we ..." for "... today's decision does not mean. It does not
/// mean that we ..."). `src` is the diffed source window, whose first token
/// is `offset`.
pub fn slide_edges(ops: &mut Vec<Op>, src: &[u64], passage: &[u64], offset: usize) {
    slide_lead(ops, &|i| src[i - offset]);
    // The trailing gap is the leading one of the mirrored diff.
    let (a, b) = (2 * offset + src.len(), passage.len());
    let mirror = |ops: &mut Vec<Op>| {
        ops.reverse();
        for o in ops.iter_mut() {
            (o.src, o.sec) = (
                a - o.src.end..a - o.src.start,
                b - o.sec.end..b - o.sec.start,
            );
        }
    };
    mirror(ops);
    slide_lead(ops, &|i| src[a - 1 - i - offset]);
    mirror(ops);
}

/// Slides the gap after the first match (with the words the passage adds
/// inside it) to before it, where the source repeats the match's words at
/// the gap's end; `word` is the source word at an absolute position.
fn slide_lead(ops: &mut Vec<Op>, word: &dyn Fn(usize) -> u64) {
    let Some(i) = ops.iter().position(|o| o.tag == Tag::Equal) else {
        return;
    };
    if slide_group(ops, i, word) {
        return;
    }
    // A stray word or two matched before the rest ("the" of "gave the
    // Committee" before "decision does not mean. It does not mean that"):
    // the rest's gap slides (trimming then drops the stray words).
    let first = ops[i..]
        .iter()
        .take_while(|o| o.tag != Tag::Delete && o.tag != Tag::Replace);
    let words: usize = first
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| o.src.len())
        .sum();
    let next = ops[i..]
        .iter()
        .position(|o| matches!(o.tag, Tag::Delete | Tag::Replace))
        .and_then(|g| {
            ops[i + g..]
                .iter()
                .position(|o| o.tag == Tag::Equal)
                .map(|k| i + g + k)
        });
    if let Some(next) = next.filter(|_| words <= 2) {
        slide_group(ops, next, word);
    }
}

/// Slides the gap after the match group starting at op `i` (matches, with
/// words the passage adds between them) to before it; whether it did.
fn slide_group(ops: &mut Vec<Op>, i: usize, word: &dyn Fn(usize) -> u64) -> bool {
    let Some(j) = ops[i..]
        .iter()
        .position(|o| !matches!(o.tag, Tag::Equal | Tag::Insert))
        .map(|k| i + k)
    else {
        return false;
    };
    // A gap of source words; those of a replacement's passage words stay
    // where they are, just before the next match.
    let gap_op = ops[j].clone();
    if !matches!(gap_op.tag, Tag::Delete | Tag::Replace)
        || ops.get(j + 1).is_none_or(|b| b.tag != Tag::Equal)
    {
        return false;
    }
    let (start, gap) = (ops[i].src.start, ops[j].src.len());
    let len = ops[j].src.start - start;
    let repeats = |from: usize, k: usize| (0..k).all(|t| word(from + t) == word(from + gap + t));
    let keep = if repeats(start, len) {
        0
    } else if len >= 3 && gap >= 3 && repeats(start + 1, len - 1) {
        1
    } else {
        return false;
    };
    let cut = start + keep;
    let at = ops[i].sec.start + keep;
    let mut out: Vec<Op> = Vec::with_capacity(j - i + 2);
    if keep > 0 {
        out.push(Op {
            tag: Tag::Equal,
            src: start..cut,
            sec: ops[i].sec.start..at,
        });
    }
    out.push(Op {
        tag: Tag::Delete,
        src: cut..cut + gap,
        sec: at..at,
    });
    for (n, o) in ops[i..j].iter().enumerate() {
        let skip = if n == 0 { keep } else { 0 };
        if o.tag == Tag::Equal && o.src.len() == skip {
            continue;
        }
        out.push(Op {
            tag: o.tag,
            src: o.src.start + skip + gap..o.src.end + gap,
            sec: o.sec.start + skip..o.sec.end,
        });
    }
    if gap_op.tag == Tag::Replace {
        out.push(Op {
            tag: Tag::Insert,
            src: gap_op.src.end..gap_op.src.end,
            sec: gap_op.sec,
        });
    }
    let mut tail = ops.split_off(j + 1);
    ops.truncate(i);
    // A gap just before the match joins the one moved there.
    if let (Some(l), Tag::Delete) = (ops.last_mut(), out[0].tag)
        && l.tag == Tag::Delete
        && l.src.end == out[0].src.start
    {
        l.src.end = out[0].src.end;
        out.remove(0);
    }
    ops.extend(out);
    // The last op moved may now join the match after the gap.
    if let (Some(l), Some(b)) = (ops.last_mut(), tail.first())
        && l.tag == Tag::Equal
        && l.src.end == b.src.start
        && l.sec.end == b.sec.start
    {
        l.src.end = b.src.end;
        l.sec.end = b.sec.end;
        tail.remove(0);
    }
    ops.extend(tail);
    true
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

    const ANAPHORA: &str = "But I want to be very clear about what today's decision does not mean. It does not mean that we have declared victory over inflation. It does not mean that rates will now fall at every meeting.";

    #[test]
    fn words_the_passage_adds_inside_the_match_slide_with_it() {
        // "It does not mean," she said, "that rates ...": the third
        // sentence, tokens 25-37.
        let (src, tags) = aligned(
            ANAPHORA,
            "It does not mean she said that rates will now fall at every meeting.",
        );
        assert_eq!(src, 25..37);
        assert_eq!(tags, [Tag::Equal, Tag::Insert, Tag::Equal]);
    }

    #[test]
    fn a_lone_word_left_by_the_slide_is_dropped() {
        // "decision" is the first sentence's: the quotation is the second.
        let (src, tags) = aligned(
            ANAPHORA,
            "She stressed that the decision does not mean that we have declared victory over inflation.",
        );
        assert_eq!(src, 15..25);
        assert_eq!(tags, [Tag::Insert, Tag::Equal]);
    }

    #[test]
    fn a_stray_match_before_the_rest_does_not_stop_the_slide() {
        // "the" of "gave the Committee" is matched first.
        let source = format!(
            "These developments gave the Committee enough confidence to lower the rate today. {ANAPHORA}"
        );
        let (src, tags) = aligned(
            &source,
            "But she stressed that the decision does not mean that we have declared victory over inflation.",
        );
        let words = toks(&source);
        let quoted = toks("does not mean that we have declared victory over inflation");
        assert_eq!(words[src.clone()], quoted[..], "{tags:?}");
    }

    /// The ops cover both sides in order, and each match matches.
    fn assert_valid(ops: &[Op], src: &[u64], passage: &[u64]) {
        let (mut s, mut p) = (ops[0].src.start, 0);
        for o in ops {
            assert_eq!((o.src.start, o.sec.start), (s, p), "{ops:?}");
            (s, p) = (o.src.end, o.sec.end);
            if o.tag == Tag::Equal {
                assert_eq!(src[o.src.clone()], passage[o.sec.clone()], "{ops:?}");
            }
        }
        assert_eq!(p, passage.len(), "{ops:?}");
    }

    #[test]
    fn sliding_with_added_words_keeps_every_op_in_place() {
        let (src, passage) = (toks("x a b c y a b c d"), toks("a q b c d"));
        let op =
            |tag, src: std::ops::Range<usize>, sec: std::ops::Range<usize>| Op { tag, src, sec };
        let mut ops = vec![
            op(Tag::Delete, 0..1, 0..0),
            op(Tag::Equal, 1..2, 0..1),
            op(Tag::Insert, 2..2, 1..2),
            op(Tag::Equal, 2..4, 2..4),
            op(Tag::Delete, 4..8, 4..4),
            op(Tag::Equal, 8..9, 4..5),
        ];
        slide_edges(&mut ops, &src, &passage, 0);
        assert_valid(&ops, &src, &passage);
        let tags: Vec<Tag> = ops.iter().map(|o| o.tag).collect();
        assert_eq!(tags, [Tag::Delete, Tag::Equal, Tag::Insert, Tag::Equal]);
        assert_eq!(ops[0].src, 0..5);
        // A replacement's source words slide; its passage words stay.
        let (src, passage) = (toks("a b c y a b c d"), toks("a b c z d"));
        let mut ops = vec![
            op(Tag::Equal, 0..3, 0..3),
            op(Tag::Replace, 3..7, 3..4),
            op(Tag::Equal, 7..8, 4..5),
        ];
        slide_edges(&mut ops, &src, &passage, 0);
        assert_valid(&ops, &src, &passage);
        let tags: Vec<Tag> = ops.iter().map(|o| o.tag).collect();
        assert_eq!(tags, [Tag::Delete, Tag::Equal, Tag::Insert, Tag::Equal]);
        assert_eq!(ops[1].src, 4..7);
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
