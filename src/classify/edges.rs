//! The edges of an alignment, refined with what the diff does not know:
//! the source's sentences and the secondary's quotation marks.

use std::ops::Range;

use super::{Side, quantity};
use crate::align::{self, AlignConfig, Alignment, Tag};
use crate::segment::PassageKind;

/// A quotation that starts or ends on words of its own where the source
/// goes on ("the fight against deflation" for "the fight against
/// inflation, and ..."): the diff sees an insertion there, since the source
/// range stops at the last shared word. Up to three such quoted words at
/// either edge are paired with as many source words just outside the range
/// (or with the rest of the source sentence, where it ends within three
/// words), in the same source sentence: a replacement, which is what the reader of
/// the quotation was told the speaker said (and a changed number there is
/// a numeric change). Only source words in `room` are paired (not those
/// the neighbouring passages took). Returns the alignment so changed, its
/// source range grown to cover them, if there are any.
pub fn pair_quoted_edges(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
    room: Range<usize>,
) -> Option<Alignment> {
    const MOST: usize = MOST_EDGE;
    let quotes = sec.quotes();
    let in_quote = |t: usize| quotes.iter().any(|q| q.contains(&(passage.start + t)));
    if al.timed_out || !(passage.clone()).any(|t| quotes.iter().any(|q| q.contains(&t))) {
        return None;
    }
    let mut ops = split_at_quotes(&al.ops, in_quote);
    let framing = |o: &crate::align::Op| o.tag == Tag::Insert && !o.sec.clone().any(in_quote);
    let lo = ops.iter().position(|o| !framing(o))?;
    let hi = ops.iter().rposition(|o| !framing(o)).map_or(lo, |i| i + 1);
    let sentence_of = |t: usize| sentence_of(&src, t);
    let quoted_insert = |o: &crate::align::Op| {
        o.tag == Tag::Insert && (1..=MOST).contains(&o.sec.len()) && o.sec.clone().all(in_quote)
    };
    // As many source words as quoted ones, or, where the source sentence
    // ends sooner (within MOST words), the rest of it: "here in Britain"
    // for "here in the UK."
    let words = |k: usize, left: usize| if left <= MOST { left } else { k };
    let mut src_range = al.src.clone();
    if hi > lo + 1 && quoted_insert(&ops[hi - 1]) {
        let (at, k) = (ops[hi - 1].src.start, ops[hi - 1].sec.len());
        let n = match at.checked_sub(1).and_then(sentence_of) {
            Some(s) => {
                // A figure takes the source's whole number phrase ("280"
                // for "two hundred and eighty").
                let quoted = passage.start + ops[hi - 1].sec.start;
                let figure = quantity::quantity_starting(&sec, quoted, passage.end)
                    .filter(|_| at < s.end)
                    .and_then(|_| quantity::quantity_starting(&src, at, s.end))
                    .map_or(0, |p| p.len());
                words(k, s.end.saturating_sub(at)).max(figure)
            }
            None => 0,
        };
        if n > 0 && at + n <= room.end {
            ops[hi - 1].tag = Tag::Replace;
            ops[hi - 1].src = at..at + n;
            src_range.end = src_range.end.max(at + n);
            // (The framing after it now comes after those source words.)
            for o in &mut ops[hi..] {
                o.src = at + n..at + n;
            }
        }
    }
    if hi > lo + 1 && quoted_insert(&ops[lo]) {
        let (at, k) = (ops[lo].src.start, ops[lo].sec.len());
        let n = sentence_of(at).map_or(0, |s| {
            let last = passage.start + ops[lo].sec.end - 1;
            let figure = quantity::quantity_ending(&sec, last, passage.start + ops[lo].sec.start)
                .and(at.checked_sub(1).filter(|&b| b >= s.start))
                .and_then(|b| quantity::quantity_ending(&src, b, s.start))
                .map_or(0, |p| p.len());
            words(k, at.saturating_sub(s.start)).max(figure)
        });
        if n > 0 && at >= room.start + n {
            ops[lo].tag = Tag::Replace;
            ops[lo].src = at - n..at;
            src_range.start = src_range.start.min(at - n);
            for o in &mut ops[..lo] {
                o.src = at - n..at - n;
            }
        }
    }
    // Quoted words paired with the very words of the source (the diff
    // matched them elsewhere, and they were dropped as a lone edge) are
    // the source's.
    let mut matched = al.matched;
    for o in ops.iter_mut().filter(|o| o.tag == Tag::Replace) {
        let mine = &sec.a.tokens[passage.start + o.sec.start..passage.start + o.sec.end];
        if src.a.tokens[o.src.clone()] == *mine {
            o.tag = Tag::Equal;
            matched += mine.len();
        }
    }
    (src_range != al.src).then_some(Alignment {
        source: al.source,
        src: src_range,
        ops,
        matched,
        coverage: matched as f64 / passage.len().max(1) as f64,
        timed_out: al.timed_out,
    })
}

/// The operations with every insertion or replacement that straddles a
/// quotation mark cut in two ("He said: “[Britain]": framing, then quoted
/// words), so that framing and quoted words are judged apart. A
/// replacement's source words go with its first quoted part; its words
/// outside quotation marks become insertions. `quoted(t)`: is passage token
/// `t` inside quotation marks?
pub(super) fn split_at_quotes(
    ops: &[crate::align::Op],
    quoted: impl Fn(usize) -> bool,
) -> Vec<crate::align::Op> {
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        let straddles = (op.sec.start + 1..op.sec.end).any(|t| quoted(t) != quoted(t - 1));
        if !matches!(op.tag, Tag::Insert | Tag::Replace) || !straddles {
            out.push(op.clone());
            continue;
        }
        let runs = quote_runs(op.sec.clone(), &quoted);
        let paired = runs.iter().position(|r| quoted(r.start));
        match (op.tag, paired) {
            (Tag::Insert, _) => out.extend(
                runs.into_iter()
                    .map(|sec| crate::align::Op { sec, ..op.clone() }),
            ),
            (Tag::Replace, Some(p)) if runs.len() > 1 => {
                for (i, sec) in runs.into_iter().enumerate() {
                    let src = match i.cmp(&p) {
                        std::cmp::Ordering::Less => op.src.start..op.src.start,
                        std::cmp::Ordering::Equal => op.src.clone(),
                        std::cmp::Ordering::Greater => op.src.end..op.src.end,
                    };
                    let tag = if i == p { Tag::Replace } else { Tag::Insert };
                    out.push(crate::align::Op { tag, src, sec });
                }
            }
            _ => out.push(op.clone()),
        }
    }
    out
}

/// `sec` cut into runs of tokens all inside or all outside quotation marks.
fn quote_runs(sec: Range<usize>, quoted: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = sec.start;
    for t in sec.start + 1..sec.end {
        if quoted(t) != quoted(t - 1) {
            runs.push(start..t);
            start = t;
        }
    }
    runs.push(start..sec.end);
    runs
}

/// Source words at most that an edge of a passage is paired with past its
/// last shared word.
const MOST_EDGE: usize = 3;

/// The token range of the source sentence holding token `t`.
pub(crate) fn sentence_of(src: &Side<'_>, t: usize) -> Option<Range<usize>> {
    // The block first (blocks and passages are in token order), then its
    // few passages: a scan of every passage made the audit quadratic.
    let a = src.a;
    let t = t as u32;
    let block = a.block_tokens.partition_point(|r| r.end <= t) as u32;
    let from = a.passages.partition_point(|p| p.block < block);
    a.passages[from..]
        .iter()
        .take_while(|p| p.block == block)
        .find(|p| p.kind == PassageKind::Sentence && p.toks.contains(&t))
        .map(|p| p.toks.start as usize..p.toks.end as usize)
}

/// An alignment without a lone word matched at its edge in another source
/// sentence than the rest of the match, past unmatched source words: "the"
/// of "across Europe. The number ..." for "across the world" is chance, and
/// would report "Europe" dropped and "number" changed. So are words the
/// source says again right next to the rest ("It is" of "It is not the
/// weather. It is a choice" for "It is a choice"; "the state of our union"
/// of "to report on the state of our union. And I can tell you that the
/// state of our union is strong"): the rest is taken with them. The source range is
/// narrowed to the rest and the passage diffed again (`src_tokens`: the
/// source's tokens). A sentence end the passage rewords is then taken in
/// ([`reworded_tail`]).
pub fn drop_lone_edges(
    src: &Side<'_>,
    src_tokens: &[u64],
    passage: &[u64],
    al: Alignment,
    cfg: &AlignConfig,
) -> Alignment {
    let mut al = lone_edges_dropped(src, src_tokens, passage, al, cfg);
    // Narrowed to one part, the alignment may hold another far part ("...
    // waiting lists | ... | that it is anything like enough | ... | more
    // than").
    for _ in 0..2 {
        match far_part(src, &al) {
            Some(rest) if rest != al.src && !rest.is_empty() => {
                al = align::align_to(src_tokens, al.source, rest, passage, cfg);
            }
            _ => break,
        }
    }
    match reworded_tail(src, src_tokens, passage, &al) {
        Some(end) => align::align_to(src_tokens, al.source, al.src.start..end, passage, cfg),
        None => al,
    }
}

/// Words that open a qualifying clause.
static QUALIFIERS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    [
        "but",
        "only",
        "if",
        "unless",
        "except",
        "provided",
        "providing",
        "although",
        "though",
        "until",
    ]
    .map(crate::normalize::form_hash)
    .to_vec()
});

/// The most words of a sentence's end that a passage may give in words of
/// its own, sharing one of them, for the end to count as reworded.
const MOST_REWORDED: usize = 8;

/// Where the source sentence of an alignment ends, if the passage goes on
/// past its last match in words of its own that share a content word with
/// the rest of that sentence ("the fund's daily payments" for "the fund's
/// day-to-day payments", "a boat and credit card repayments" for "a boat
/// and repayments on credit cards"): the diff left the rest's one shared
/// word stranded, and the end was reworded, not cut.
fn reworded_tail(
    src: &Side<'_>,
    src_tokens: &[u64],
    passage: &[u64],
    al: &Alignment,
) -> Option<usize> {
    let last = al.ops.iter().rfind(|o| o.tag == Tag::Equal)?;
    let tail = &passage[last.sec.end..];
    let sizes = 1..=MOST_REWORDED;
    if al.timed_out || al.src.end != last.src.end || !sizes.contains(&tail.len()) {
        return None;
    }
    let end = sentence_of(src, last.src.end - 1)?.end;
    let rest = src_tokens.get(last.src.end..end)?;
    let content = |w: &&u64| !crate::normalize::is_function_word(**w);
    let shared = tail.iter().filter(content).any(|w| rest.contains(w));
    // A rest that qualifies or counts ("but only in patients under 65") is
    // cut, whatever words the passage ends on.
    let qualifies = || {
        (last.src.end..end).any(|t| {
            let l = src.lexeme(t);
            l.kind == crate::normalize::LexKind::Number
                || QUALIFIERS.contains(&l.hash)
                || super::negation::is_negation(l.hash)
        })
    };
    (sizes.contains(&rest.len()) && shared && !qualifies()).then_some(end)
}

fn lone_edges_dropped(
    src: &Side<'_>,
    src_tokens: &[u64],
    passage: &[u64],
    al: Alignment,
    cfg: &AlignConfig,
) -> Alignment {
    if al.timed_out {
        return al;
    }
    let mut equal = al.ops.iter().filter(|o| o.tag == Tag::Equal);
    let (Some(first), Some(second)) = (equal.next(), equal.next()) else {
        return al;
    };
    let mut back = al.ops.iter().rev().filter(|o| o.tag == Tag::Equal);
    let (Some(last), Some(before_last)) = (back.next(), back.next()) else {
        return al;
    };
    // A lone word, or words the source says again just next to the rest
    // ("It is" of "It is not the weather. It is a choice" for "It is a
    // choice"): the diff paired them with the wrong place.
    let again = |lone: &align::Op, at: usize| {
        let k = lone.src.len();
        at + k <= src_tokens.len() && src_tokens[lone.src.clone()] == src_tokens[at..at + k]
    };
    let apart = |lone: &align::Op, gap: Range<usize>, other: usize| {
        !gap.is_empty() && sentence_of(src, lone.src.start) != sentence_of(src, other)
    };
    // A few words of the next or previous sentence, reached past a
    // negation the passage does not have ("the Hansa was | not. It was |
    // never a state" for "The Hansa was never a state"): the negation was
    // that sentence's, and the diff would report it dropped.
    let negated = |lone: &align::Op, gap: &Range<usize>| {
        let theirs = sentence_of(src, lone.src.start);
        lone.src.len() <= MOST_EDGE
            && gap.clone().any(|t| {
                super::negation::is_negation(src.lexeme(t).hash)
                    && theirs.as_ref().is_some_and(|s| s.contains(&t))
            })
    };
    let mut range = al.src.clone();
    let gap = before_last.src.end..last.src.start;
    if apart(last, gap.clone(), before_last.src.end - 1) {
        let end = before_last.src.end;
        if again(last, end) {
            // The words again right after the rest: they are what the
            // passage took.
            range.end = end + last.src.len();
        } else if last.src.len() == 1 || negated(last, &gap) {
            // To the end of the rest's sentence, if it ends within three
            // words (they are what the passage changed there: "... 807 ci
            // neen" for "... 807 ci ci neen."), else at the last word
            // matched.
            range.end = sentence_of(src, end - 1)
                .map_or(end, |s| if s.end - end <= MOST_EDGE { s.end } else { end });
        }
    }
    let before_second = second.src.start.saturating_sub(first.src.len());
    let gap = first.src.end..second.src.start;
    if apart(first, gap.clone(), second.src.start) {
        let start = second.src.start;
        if again(first, before_second) {
            range.start = before_second;
        } else if first.src.len() == 1 || negated(first, &gap) {
            range.start = sentence_of(src, start).map_or(start, |s| {
                if start - s.start <= MOST_EDGE {
                    s.start
                } else {
                    start
                }
            });
        }
    }
    if let Some(rest) = far_part(src, &al) {
        range = range.start.max(rest.start)..range.end.min(rest.end);
    }
    if range == al.src || range.start >= range.end {
        return al;
    }
    align::align_to(src_tokens, al.source, range, passage, cfg)
}

/// Unmatched source words, across a sentence end, that part an alignment
/// into two far apart places of the source.
const FAR: usize = 8;

/// The most words of the smaller of two far apart parts that make it a
/// chance phrase ("in the last year") rather than a place the passage
/// merges with the other.
const MOST_FAR: usize = 4;

/// The source range of the larger part of an alignment that [`FAR`]
/// unmatched source words across a sentence end split in two, where the
/// smaller part is a phrase of at most [`MOST_FAR`] words and the larger
/// longer (and six words at least): the smaller matches a phrase of
/// another place of the source ("in the last year" of one paragraph, the
/// rest of the sentence three sentences on), not what the passage took
/// there.
fn far_part(src: &Side<'_>, al: &Alignment) -> Option<Range<usize>> {
    let (at, gap) = al
        .ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.src.len() >= FAR && o.tag != Tag::Equal)
        .max_by_key(|(_, o)| o.src.len())?;
    // The words on either side of the gap in two sentences (the gap may
    // start or end right at a sentence's end).
    if sentence_of(src, gap.src.start.saturating_sub(1)) == sentence_of(src, gap.src.end) {
        return None;
    }
    let matched = align::matched_words;
    let (before, after) = (&al.ops[..at], &al.ops[at + 1..]);
    let (head, tail) = (matched(before), matched(after));
    let (small, large) = (head.min(tail), head.max(tail));
    // (Two places of the source that a sentence merges are longer: "750
    // Russian diplomats have been expelled from Europe" and "has put a dent
    // in ..." three sentences on.)
    if small == 0 || small > MOST_FAR || large <= small || large < 6 {
        return None;
    }
    // From the part's first matched word to its last (one run of matched
    // words is its own first and last).
    let equal = |ops: &[align::Op]| -> Option<Range<usize>> {
        let mut e = ops.iter().filter(|o| o.tag == Tag::Equal);
        let first = e.next()?;
        let last = e.next_back().unwrap_or(first);
        Some(first.src.start..last.src.end)
    };
    if head < tail {
        equal(after)
    } else {
        equal(before)
    }
}

/// A number just outside an alignment on both sides: the passage's framing
/// ends on a number right before the matched words ("According to
/// McCallum, 12 | of those plots ...") and the source has another right
/// before them, in the same sentence ("20 | of those plots ..."); or the
/// same right after. The diff leaves the number as the writer's own words,
/// and a changed figure would pass as verbatim; paired, it is a
/// replacement (a numeric change if the values differ). Only source words
/// in `room` are paired. Returns the alignment so changed, if it is.
pub fn pair_numeric_edges(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
    room: Range<usize>,
) -> Option<Alignment> {
    let (first, last) = (al.ops.first()?, al.ops.last()?);
    if al.timed_out || al.ops.len() < 2 {
        return None;
    }
    let same_sentence = |a: usize, b: usize| {
        let s = sentence_of(&src, a);
        s.is_some() && s == sentence_of(&src, b)
    };
    let abs = |r: &Range<usize>| passage.start + r.start..passage.start + r.end;
    let rel = |r: Range<usize>| r.start - passage.start..r.end - passage.start;
    // A quantity (a number, or a fraction's words) on both sides: the
    // framing's first words and the source's next ones, after the matched
    // words; the framing's last and the source's words before them.
    let at = al.src.end;
    let after = (last.tag == Tag::Insert && at < src.a.tokens.len() && at < room.end)
        .then(|| {
            let mine = abs(&last.sec);
            let q = quantity::quantity_starting(&sec, mine.start, mine.end)?;
            let end = src.a.tokens.len().min(room.end);
            let p = quantity::quantity_starting(&src, at, end)?;
            same_sentence(at - 1, p.end - 1).then_some((rel(q), p))
        })
        .flatten();
    let before_at = al.src.start;
    let before = (first.tag == Tag::Insert && before_at > room.start)
        .then(|| {
            let mine = abs(&first.sec);
            let p = quantity::quantity_ending(&src, before_at - 1, room.start)?;
            // Next to the matched words too, or, changed, further into the
            // framing with the same scale or "per cent" ("£35 million
            // would be invested | in new technology" against "investing
            // £25 million | in new technology"; a year, "In 2023, he
            // said", has none).
            let q = quantity::quantity_ending(&sec, mine.end - 1, mine.start)
                .or_else(|| quantity::same_unit(&src, &p, &sec, &mine))?;
            same_sentence(p.start, before_at).then_some((rel(q), p))
        })
        .flatten();
    if after.is_none() && before.is_none() {
        return None;
    }
    let mut ops = al.ops.clone();
    let mut range = al.src.clone();
    if let Some((q, p)) = after {
        let n = ops.len() - 1;
        let rest = q.end..last.sec.end;
        range.end = p.end;
        ops[n] = align::Op {
            tag: Tag::Replace,
            src: p,
            sec: q,
        };
        if !rest.is_empty() {
            ops.push(align::Op {
                tag: Tag::Insert,
                src: range.end..range.end,
                sec: rest,
            });
        }
    }
    if let Some((q, p)) = before {
        let head = first.sec.start..q.start;
        let tail = q.end..first.sec.end;
        range.start = p.start;
        ops[0] = align::Op {
            tag: Tag::Replace,
            src: p.clone(),
            sec: q,
        };
        if !tail.is_empty() {
            ops.insert(
                1,
                align::Op {
                    tag: Tag::Insert,
                    src: p.end..p.end,
                    sec: tail,
                },
            );
        }
        if !head.is_empty() {
            ops.insert(
                0,
                align::Op {
                    tag: Tag::Insert,
                    src: p.start..p.start,
                    sec: head,
                },
            );
        }
    }
    (range != al.src).then_some(Alignment {
        source: al.source,
        src: range,
        ops,
        matched: al.matched,
        coverage: al.coverage,
        timed_out: al.timed_out,
    })
}

/// Most source words between an alignment's end and the figure that ends
/// its sentence, for [`pair_final_figures`]; most words of the passage's
/// own before its closing figure.
const FIGURE_GAP: (usize, usize) = (12, 6);

/// The currency sign written right before token `t`, if any.
fn currency_before(side: &Side<'_>, t: usize) -> Option<char> {
    let l = *side.a.token_lexeme.get(t)? as usize;
    let prev = side.a.lexemes.get(l.checked_sub(1)?)?;
    (prev.kind == crate::normalize::LexKind::Punct && matches!(prev.ch, '£' | '$' | '€' | '¥'))
        .then_some(prev.ch)
}

/// A sentence that ends on a figure of the writer's after the diff's last
/// shared word ("... on receipt of a bill | will pay £1,852") where the
/// source sentence it is aligned to also ends on a figure, a few words on
/// (", by cash or cheque, the typical figure will be £1,832"): the figure
/// the passage closes on is the source's, reworded around, and a changed
/// one would pass as the writer's own words. Paired where each side holds
/// no other number in those words, both figures have the same currency
/// sign (or none) and they differ: the words before them a replacement, the
/// figures another (a numeric change). Only source words in `room` are
/// paired.
pub fn pair_final_figures(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
    room: Range<usize>,
) -> Option<Alignment> {
    use crate::normalize::LexKind;
    let [.., before, last] = &al.ops[..] else {
        return None;
    };
    let mine = passage.start + last.sec.start..passage.start + last.sec.end;
    let fits = last.tag == Tag::Insert
        && before.tag == Tag::Equal
        && mine.end == passage.end
        && mine.len() <= FIGURE_GAP.1
        && before.src.end == al.src.end;
    if al.timed_out || !fits {
        return None;
    }
    let at = al.src.end;
    let end = sentence_of(&src, at - 1)?.end;
    // (The source sentence must go on past the alignment: where it ends
    // there, its last figure is one the diff already took.)
    if end <= at || end > room.end || end - at > FIGURE_GAP.0 {
        return None;
    }
    let q = quantity::quantity_ending(&sec, mine.end - 1, mine.start)?;
    let p = quantity::quantity_ending(&src, end - 1, at).filter(|p| p.start >= at)?;
    let number = |side: &Side<'_>, r: Range<usize>| {
        r.into_iter()
            .any(|t| side.lexeme(t).kind == LexKind::Number)
    };
    let hash =
        |side: &Side<'_>, r: &Range<usize>| r.clone().map(|t| side.a.tokens[t]).collect::<Vec<_>>();
    if number(&sec, mine.start..q.start)
        || number(&src, at..p.start)
        || currency_before(&sec, q.start) != currency_before(&src, p.start)
        || hash(&sec, &q) == hash(&src, &p)
    {
        return None;
    }
    let rel = |r: Range<usize>| r.start - passage.start..r.end - passage.start;
    let (words_src, words_sec) = (at..p.start, rel(mine.start..q.start));
    let mut ops = al.ops[..al.ops.len() - 1].to_vec();
    let tag = match (words_src.is_empty(), words_sec.is_empty()) {
        (true, true) => None,
        (false, true) => Some(Tag::Delete),
        (true, false) => Some(Tag::Insert),
        (false, false) => Some(Tag::Replace),
    };
    if let Some(tag) = tag {
        ops.push(align::Op {
            tag,
            src: words_src,
            sec: words_sec,
        });
    }
    ops.push(align::Op {
        tag: Tag::Replace,
        src: p,
        sec: rel(q),
    });
    Some(Alignment {
        source: al.source,
        src: al.src.start..end,
        ops,
        matched: al.matched,
        coverage: al.coverage,
        timed_out: al.timed_out,
    })
}

/// Most words at a sentence's end that [`pair_final_words`] pairs.
const MOST_FINAL: usize = 2;

/// The last word or two of a sentence changed ("would open in May" for
/// "would open in March", "since the 1980s" for "since the 1990s"): the
/// diff stops at the last shared word and leaves them as the writer's own,
/// and the changed words would pass as verbatim. Where the passage ends on
/// as many words of its own as the source sentence goes on for, with no
/// comma put before them (", she said" is an attribution, not a change),
/// they are paired: a replacement. Only source words in `room` are paired.
pub fn pair_final_words(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
    room: Range<usize>,
) -> Option<Alignment> {
    let n = al.ops.len();
    let [.., before, last] = &al.ops[..] else {
        return None;
    };
    let words = last.sec.len();
    let fits = last.tag == Tag::Insert
        && before.tag == Tag::Equal
        && (1..=MOST_FINAL).contains(&words)
        && passage.start + last.sec.end == passage.end
        && before.src.end == al.src.end;
    if al.timed_out || !fits {
        return None;
    }
    let at = al.src.end;
    let end = sentence_of(&src, at - 1)?.end;
    // (A weekday before the source's date says nothing the date does not:
    // "on Nov. 4" for "on Monday 3 November".)
    let weekday = super::variant::weekday_of_date(&src, &(at..at + 1));
    if end != at + words + usize::from(weekday) || end > room.end {
        return None;
    }
    let gap =
        |side: &Side<'_>, t: usize, within: &Range<usize>| side.gap_after(t, within).contains(',');
    let whole = 0..src.a.tokens.len();
    if gap(&sec, passage.start + before.sec.end - 1, passage) != gap(&src, at - 1, &whole) {
        return None;
    }
    let mut ops = al.ops.clone();
    let from = at + usize::from(weekday);
    ops[n - 1] = align::Op {
        tag: Tag::Replace,
        src: from..end,
        sec: last.sec.clone(),
    };
    if weekday {
        let sec_at = last.sec.start..last.sec.start;
        ops.insert(
            n - 1,
            align::Op {
                tag: Tag::Delete,
                src: at..from,
                sec: sec_at,
            },
        );
    }
    Some(Alignment {
        source: al.source,
        src: al.src.start..end,
        ops,
        matched: al.matched,
        coverage: al.coverage,
        timed_out: al.timed_out,
    })
}
