//! Where a copy stops: at its source sentence's end, cut short, or at an
//! ellipsis that says so.

use std::ops::Range;

use super::condition::{
    OPENING_CONDITION_WORDS, clause_end, clause_end_within, condition_at, limit_at, limits_at,
    time_limit_at,
};
use super::{ClassifyConfig, Side, edges};
use crate::align::{Alignment, Op, Tag};

/// How a copy stops before its source sentence ends.
pub(super) enum Stop {
    /// Where the source sentence ends, or taking a phrase from it.
    Whole,
    /// Cut short: this many more words follow in the source.
    Cut(usize),
    /// Cut at an ellipsis, which declares these source words left out.
    Elided(Range<usize>),
}

/// Cut short: most of a source sentence copied, then stopped (taking a
/// phrase from the middle of a sentence is quoting, not cutting), without
/// an ellipsis to say so.
pub(super) fn cut_short(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    al: &Alignment,
    core: &[crate::align::Op],
    (continues, cfg): (bool, &ClassifyConfig),
) -> Stop {
    let (cut_after, sentence_len) = sentence_rest(src, al.src.end);
    let ends_with_match = core.last().is_some_and(|o| o.tag == Tag::Equal);
    // The rest of the sentence, given before the matched words ("For too
    // long, policing has been cut back" for "... cut back for too long"),
    // moved: it was not cut.
    let moved = || {
        let rest = al.src.end..al.src.end + cut_after;
        said_elsewhere((sec, passage), src, &rest, core)
    };
    // An ellipsis where the copy stops declares the cut ("too high for too
    // long … On the other"): the reader is told words were left out.
    let declared = || {
        core.last()
            .is_some_and(|o| sec.ellipsis_after(passage.start + o.sec.end - 1))
    };
    let left_out = !continues
        && ends_with_match
        && cut_after >= cfg.min_cut_words
        && 2 * al.src.len() >= sentence_len
        && !attribution_rest(src, al.src.end, cut_after)
        && !moved()
        && !reworded_tail(sec, passage, core)
        && !quotes_the_rest(
            (sec, passage),
            src,
            &(al.src.end..al.src.end + cut_after),
            core,
        )
        && !super::heading::in_heading(&src, al.src.end.saturating_sub(1));
    // (An ellipsis says what it stands for even where the words left out
    // would be no cut: a clause of their own.)
    match left_out {
        false => Stop::Whole,
        true if declared() => Stop::Elided(al.src.end..al.src.end + cut_after),
        true if clause_ends(src, al.src.end) => Stop::Whole,
        true => Stop::Cut(cut_after),
    }
}

/// Does the passage go on, after its last matched word, with a quotation of
/// the source sentence's rest (source tokens `rest`), each quoted word one of
/// the rest's and one of them a content word ("…in the winter of 2023, which
/// she called “wrong”" for "… in the winter of 2023 was wrong, and I said so
/// at the time")? The writer gives the rest in the speaker's words: not cut.
fn quotes_the_rest(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    rest: &Range<usize>,
    core: &[Op],
) -> bool {
    let Some(last) = core.last() else {
        return false;
    };
    let after = passage.start + last.sec.end;
    let words: Vec<u64> = rest.clone().map(|t| src.a.tokens[t]).collect();
    sec.quotes()
        .iter()
        .filter(|q| q.start >= after && q.end <= passage.end && !q.is_empty())
        .any(|q| {
            let hash = |t: usize| sec.a.tokens[t];
            q.clone().all(|t| words.contains(&hash(t)))
                && q.clone()
                    .any(|t| !crate::normalize::is_function_word(hash(t)))
        })
}

/// Does the passage go on past its last matched word, in the same clause
/// and in words of its own, outside quotation marks ("died at 01:35 | the
/// following morning" for "died at 01:35 | on Sunday 10 November 2024")?
/// The writer rewords the rest of the sentence; it does not stop short.
/// (Not after a comma: ", she said" is an attribution, and "…, officials
/// said" leaves the sentence cut.)
fn reworded_tail(sec: Side<'_>, passage: &Range<usize>, core: &[Op]) -> bool {
    let Some(last) = core.last() else {
        return false;
    };
    let end = passage.start + last.sec.end;
    let quoted = |t: usize| sec.quotes().iter().any(|q| q.contains(&t));
    end + 2 <= passage.end
        && !sec
            .gap_after(end - 1, passage)
            .contains([',', ';', ':', '—', '–', '(', '"', '“', '”'])
        && !(end..passage.end).any(|t| quoted(t) || super::framing::is_saying(sec.lexeme(t).hash))
}

/// Is the rest of a source sentence after a copy that ends a quotation of
/// the source (the `rest` words from token `end`) only its attribution
/// ("“…,” Dr Kaur said.")? The words copied are the whole quotation.
fn attribution_rest(src: Side<'_>, end: usize, rest: usize) -> bool {
    let quoted = end
        .checked_sub(1)
        .is_some_and(|t| src.quotes().iter().any(|q| q.contains(&t) && q.end == end));
    quoted && rest <= 6 && (end..end + rest).any(|t| super::framing::is_saying(src.lexeme(t).hash))
}

/// Are source tokens `p`, dropped where the diff has them, given elsewhere
/// in the passage: in order and whole ([`appears_in`]), or reworded, at
/// least half of their content words (two at least), in order, among the
/// passage's words that match nothing ("scored nine goals and provided 11 assists in 38
/// appearances" for "38 appearances …, scoring nine goals and providing
/// 11 assists"; a quotation put before its attribution)? `core`: the
/// passage's aligned operations, whose matched words do not count.
pub(super) fn said_elsewhere(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    p: &Range<usize>,
    core: &[Op],
) -> bool {
    if appears_in(sec, passage, src, p) {
        return true;
    }
    let matched = matched_words(passage, core);
    // Content words only: "the ... of the" are in any framing.
    let free: Vec<u64> = passage
        .clone()
        .filter(|&t| !matched[t - passage.start])
        .filter_map(|t| content_stem(&sec, t))
        .collect();
    let words: Vec<u64> = p.clone().filter_map(|t| content_stem(&src, t)).collect();
    words.len() >= 2 && 2 * common_in_order(&words, &free) >= words.len().max(4)
}

/// Are source tokens `p`, dropped outside quotation marks (`unquoted`), the
/// seam where a passage merges two source sentences: the end of one and the
/// start of the next ("As Professor Lindqvist of the panel put it: “…”" for
/// "… the panel, who examined our methods in detail. As Professor
/// Lindqvist put it, “…”"), or the start of the next sentence alone ("…
/// Crime Stoppers at 1-800-222-8477 and may be eligible for a reward" for
/// "… at 1-800-222-8477. You do not have to give your name, and you may be
/// eligible …")? No clause of either is cut for the claim.
pub(super) fn merge_seam(src: Side<'_>, p: &Range<usize>, unquoted: bool) -> bool {
    unquoted
        && !p.is_empty()
        && edges::sentence_of(&src, p.start).is_some_and(|s| s.end < p.end || s.start == p.start)
}

/// Are source tokens `p`, dropped outside quotation marks (`unquoted`),
/// only words that fit a clause into its sentence ("which will be" of "a
/// board, which will be chaired by" for "a board chaired by")? None of
/// them limits, conditions, negates or hedges the claim: it says no less.
pub(super) fn grammar_only(src: Side<'_>, p: &Range<usize>, unquoted: bool) -> bool {
    unquoted
        && !p.is_empty()
        && p.clone().all(|t| super::variant::grammar_token(&src, t))
        && super::variant::hedges(&src, p) == 0
        && !p.clone().any(|t| limits_at(src, t, p))
}

/// Is `op` (of the passage's `core` ops), outside quotation marks
/// (`unquoted`), the object of a verb the writer puts in the passive, its
/// words now the sentence's subject ("The drug has not been | tested |
/// in children" for "we have not tested | cendralimab | in children"): one
/// to three source words dropped right after a matched verb that the
/// passage, not the source, gives "been" or "being" before?
pub(super) fn passive_object(
    src: Side<'_>,
    sec: Side<'_>,
    passage: &Range<usize>,
    (core, op): (&[Op], &Op),
    unquoted: bool,
) -> bool {
    static BEEN: std::sync::LazyLock<[u64; 2]> =
        std::sync::LazyLock::new(|| ["been", "being"].map(crate::normalize::form_hash));
    if !unquoted || op.tag != Tag::Delete || !(1..=3).contains(&op.src.len()) {
        return false;
    }
    let Some(i) = core.iter().position(|o| std::ptr::eq(o, op)) else {
        return false;
    };
    let Some(verb) = i
        .checked_sub(1)
        .map(|j| &core[j])
        .filter(|o| o.tag == Tag::Equal)
    else {
        return false;
    };
    let v = passage.start + verb.sec.end - 1;
    let s = verb.src.end - 1;
    let been = |side: &Side<'_>, t: usize| t > 0 && BEEN.contains(&side.lexeme(t - 1).hash);
    // (The verb one word long in the match: "been" is the writer's.)
    verb.sec.len() == 1 && been(&sec, v) && !been(&src, s)
}

/// Are source tokens `op.src`, dropped outside quotation marks
/// (`unquoted`), a verb in the passive that the writer gives in the active
/// among words of its own ("the club would borrow | £110m from a group of
/// banks" for "£110 million | will be borrowed | from a group of banks")?
/// Two to four words, a form of "be" among them, the last a participle
/// whose stem the passage's unmatched words hold: moved, not dropped.
pub(super) fn passive_put_active(
    src: Side<'_>,
    sec: Side<'_>,
    passage: &Range<usize>,
    (core, op): (&[Op], &Op),
    unquoted: bool,
) -> bool {
    static BE: std::sync::LazyLock<[u64; 7]> = std::sync::LazyLock::new(|| {
        ["be", "been", "being", "is", "are", "was", "were"].map(crate::normalize::form_hash)
    });
    if !unquoted || op.tag != Tag::Delete || !(2..=4).contains(&op.src.len()) {
        return false;
    }
    let last = op.src.end - 1;
    if !(op.src.start..last).any(|t| BE.contains(&src.a.tokens[t])) {
        return false;
    }
    let verb = src.text_of(&(last..last + 1)).to_lowercase();
    let matched = matched_words(passage, core);
    let root = |w: &str| {
        let common = verb
            .bytes()
            .zip(w.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        common >= 4 && common + 2 >= verb.len().min(w.len())
    };
    passage
        .clone()
        .filter(|&t| !matched[t - passage.start])
        .any(|t| root(&sec.text_of(&(t..t + 1)).to_lowercase()))
}

/// Per word of the passage, is it one the diff `core` matched?
fn matched_words(passage: &Range<usize>, core: &[Op]) -> Vec<bool> {
    let mut matched = vec![false; passage.len()];
    for o in core.iter().filter(|o| o.tag == Tag::Equal) {
        matched[o.sec.clone()].fill(true);
    }
    matched
}

/// Are source tokens `p`, dropped outside quotation marks (`unquoted`),
/// the "has" (and a "now" or "already") of a present perfect that the
/// writer puts in the past ("The inquest heard eleven days of evidence" for
/// "This inquest has now heard eleven days of evidence")? Reported, the
/// claim is the same.
pub(super) fn perfect_put_in_past(src: Side<'_>, p: &Range<usize>, unquoted: bool) -> bool {
    static WORDS: std::sync::LazyLock<[u64; 4]> = std::sync::LazyLock::new(|| {
        ["has", "have", "now", "already"].map(crate::normalize::form_hash)
    });
    let [has, have, now, already] = *WORDS;
    let h = |t: usize| src.lexeme(t).hash;
    unquoted
        && (1..=2).contains(&p.len())
        && [has, have].contains(&h(p.start))
        && p.clone().skip(1).all(|t| [now, already].contains(&h(t)))
}

/// The form of token `t` if it is a content word: four letters or more and
/// no function word ("that", "have", "were"), or a number.
fn content_word(side: &Side<'_>, t: usize) -> Option<u64> {
    let l = side.lexeme(t);
    let word = l.end - l.start >= 4 && !crate::normalize::is_function_word(l.hash);
    (word || l.kind == crate::normalize::LexKind::Number).then_some(l.hash)
}

/// [`content_word`], a possessive's word without its "'s" ("the second
/// stage's" gives "stage": "of the second stage" said another way).
fn content_stem(side: &Side<'_>, t: usize) -> Option<u64> {
    let hash = content_word(side, t)?;
    let text = side.text_of(&(t..t + 1));
    let stem = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s"));
    let stem = stem.and_then(|s| {
        crate::normalize::lex_str(s)
            .into_iter()
            .find(|l| l.is_token())
    });
    Some(stem.map_or(hash, |s| s.hash))
}

/// The length of the longest common subsequence of two short sequences.
fn common_in_order(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Do source tokens `p` stand, in order, somewhere in the passage?
fn appears_in(sec: Side<'_>, passage: &Range<usize>, src: Side<'_>, p: &Range<usize>) -> bool {
    let words = &src.a.tokens[p.clone()];
    !words.is_empty()
        && sec.a.tokens[passage.clone()]
            .windows(words.len())
            .any(|w| w == words)
}

/// Does a clause of the source end right before token `end`, the sentence
/// going on with another one joined to it, with a subject of its own
/// ("..., and we have 310 fewer officers"; "...: just 0.2 chicks per
/// nest"), or with anything set off by a comma or semicolon that does not
/// limit it (", when there were 31 confirmed cases", ", which we cannot
/// quantify at this stage", "; pull over when it is safe")? Words copied up
/// to there say all their clause says: stopping there is no cut. Not so
/// before "but", a condition, a qualifier or a negation (", given
/// productivity growth of about 1%", ", and may not reflect underlying
/// trends": [`limits_at`]), before the rest of a list (", a boat and
/// repayments on credit cards"), nor where no mark sets the rest apart ("to
/// developers | who refuse to build").
fn clause_ends(src: Side<'_>, end: usize) -> bool {
    use crate::normalize::form_hash;
    use std::sync::LazyLock;
    static JOINING: LazyLock<Vec<u64>> =
        LazyLock::new(|| "and or".split_whitespace().map(form_hash).collect());
    let Some(sentence) = end.checked_sub(1).and_then(|t| edges::sentence_of(&src, t)) else {
        return false;
    };
    if end >= sentence.end {
        return false;
    }
    let gap = src.gap_after(end - 1, &sentence);
    // (A clause with a subject of its own: "and do unnecessary damage"
    // goes on with the same subject, "and allow inflation to ...".)
    let subject = end + 1 < sentence.end && OPENS_SUBJECT.contains(&src.lexeme(end + 1).hash);
    gap.contains(':')
        || (gap.contains([',', ';']) && JOINING.contains(&src.lexeme(end).hash) && subject)
        || (gap.contains([',', ';'])
            && !limits_at(src, end, &sentence)
            && !list_goes_on(src, end, &sentence, gap))
}

/// Does the rest of a sentence from token `end`, after a comma, go on with
/// the list the words before it began (", a boat and repayments on credit
/// cards")? It opens with no joining or subordinating word and holds an
/// "and" or "or". Leaving out items of a list says less.
fn list_goes_on(src: Side<'_>, end: usize, sentence: &Range<usize>, gap: &str) -> bool {
    use crate::normalize::form_hash;
    use std::sync::LazyLock;
    static CLAUSE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "and or nor which who whom whose when where as because since so if unless"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    let joins = [form_hash("and"), form_hash("or")];
    gap.contains(',')
        && !gap.contains(';')
        && !CLAUSE.contains(&src.a.tokens[end])
        && (end..sentence.end).any(|t| joins.contains(&src.a.tokens[t]))
}

/// Words that open a subject: pronouns and determiners.
static OPENS_SUBJECT: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    "we i he she it they you the our their his her its this that these those a an my your"
        .split_whitespace()
        .map(crate::normalize::form_hash)
        .collect()
});

/// Source words a copy may leave out between its end and a condition.
const TAIL_WORDS: usize = 3;

/// Source words a quotation may stop short of a condition in the same
/// clause.
const CLAUSE_TAIL: usize = 8;

/// Are source tokens `r` the rest of a name (capitalized words, set off
/// before the condition by a comma)?
fn name_tail(src: Side<'_>, r: Range<usize>) -> bool {
    let last = r.end - 1;
    r.clone().all(|t| src.lexeme(t).cap) && src.gap_after(last, &(last..r.end + 1)).contains(',')
}

/// The condition the source puts on the words a passage copies, right
/// after them, that the passage leaves out ("... to reach half that extent
/// by 2030" for "... by 2030 if current funding continues"; "“Nobody's
/// place is guaranteed, including the captain's.”" for "..., until I have
/// seen them train"): less is said than the source said. Not where the
/// passage goes on into the next source sentence, gives a condition of its
/// own after the copy, or gives the condition elsewhere. A condition the
/// passage skips to go on with the source ("is in the squad, ... with
/// Lockhart-Reid on standby" for "He's in the squad, provided that he comes
/// through a fitness test on Friday. If he doesn't, we'll call up
/// Lockhart-Reid") is dropped as well. Returns the source tokens of the
/// condition, up to its clause's end.
pub(super) fn dropped_condition(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    al: &Alignment,
    core: &[Op],
    continues: bool,
) -> Option<Range<usize>> {
    let at_end = || {
        let last = core.iter().rfind(|o| o.tag == Tag::Equal)?;
        let sentence = edges::sentence_of(&src, al.src.end.checked_sub(1)?)?;
        // (Right after the copy, or after the last words of a name it
        // shortens: "to Brightwater" for "to Brightwater Housing
        // Cooperative, provided that ...".)
        // (Or, for a quotation, further into the same clause, no mark
        // between: "“We will not ask bill payers to pay a penny more,” he
        // declared" for "… a penny more for the construction of Holmcliffe
        // B unless Parliament changes the terms of the contract".)
        let quoted_end = sec
            .quotes()
            .iter()
            .any(|q| q.contains(&(passage.start + last.sec.end - 1)));
        let same_clause = |t: usize| {
            quoted_end
                && t - al.src.end <= CLAUSE_TAIL
                && (al.src.end - 1..t - 1).all(|u| {
                    !src.gap_after(u, &sentence)
                        .contains([',', ';', ':', '—', '–', '(', ')'])
                })
                && condition_at(src, t, sentence.end)
        };
        let start = (al.src.end..(al.src.end + TAIL_WORDS).min(sentence.end))
            .find(|&t| limit_at(src, t, &sentence))
            .or_else(|| {
                (al.src.end..sentence.end)
                    .take(CLAUSE_TAIL + 1)
                    .find(|&t| same_clause(t))
            })?;
        if continues
            || (start > al.src.end && !name_tail(src, al.src.end..start) && !same_clause(start))
        {
            return None;
        }
        let condition = start..clause_end(src, start, &sentence);
        let after = passage.start + last.sec.end..passage.end;
        let own = after.clone().any(|t| condition_at(sec, t, passage.end));
        (!own).then_some(condition)
    };
    // Skipped: source words dropped (or replaced by words that open no
    // condition of their own) right after words copied, in their sentence.
    // (Also one that opens the next source sentence where the passage
    // merges the two and goes on with the rest of it: "…on 21 March, and
    // the remaining 76 will follow" for "…on 21 March. Provided that the
    // second phase is completed on schedule, the remaining 76 objects will
    // follow".)
    let skipped = || {
        core.windows(2).enumerate().find_map(|(i, w)| {
            let (copied, op) = (&w[0], &w[1]);
            let start = op.src.start;
            if copied.tag != Tag::Equal || !matches!(op.tag, Tag::Delete | Tag::Replace) {
                return None;
            }
            let sentence = edges::sentence_of(&src, start)?;
            // (Not where the passage gives a condition of its own anywhere:
            // "is in the squad if he passes a fitness test, and they will
            // call up Barr" skips the source's "If he doesn't" with reason.)
            let merged = || {
                copied.src.end == start
                    && core[i + 2..]
                        .iter()
                        .any(|o| o.tag == Tag::Equal && sentence.contains(&o.src.start))
                    && !passage.clone().any(|t| condition_at(sec, t, passage.end))
            };
            if sentence.start > start
                || (sentence.start == start && !merged())
                || !limit_at(src, start, &sentence)
            {
                return None;
            }
            let mine = passage.start + op.sec.start..passage.start + op.sec.end;
            let own = mine.clone().any(|t| condition_at(sec, t, mine.end));
            (!own).then(|| start..clause_end(src, start, &sentence))
        })
    };
    at_end()
        .or_else(skipped)
        .filter(|c| !said_elsewhere((sec, passage), src, c, core) && !echoed(sec, passage, src, c))
        .or_else(|| condition_before((sec, passage), src, al, core))
}

/// Source words the copy may skip between a condition that opens its
/// sentence and its own first word (the subject and its verb).
const LEAD_WORDS: usize = 2;

/// The condition that opens the source sentence, set off by a comma right
/// before the words a passage copies from its middle, that the passage
/// leaves out ("Work on the first 86 homes ... will begin this autumn" for
/// "Subject to planning consent, work on ..."; "he's looking at six to
/// eight weeks" for "If it's what the physios think it is, he's ..."). Not
/// where the passage opens a condition of its own anywhere ("... this
/// autumn if planning permission is granted"), or it or the sentence before
/// it echoes the condition.
fn condition_before(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    al: &Alignment,
    core: &[Op],
) -> Option<Range<usize>> {
    let first = core.iter().find(|o| o.tag == Tag::Equal)?;
    let start = first.src.start.max(al.src.start);
    let sentence = edges::sentence_of(&src, start)?;
    // (The copy may start a word or two after the clause: "it was very
    // hard" for "Unless that changes, it's very hard", the subject's verb
    // put in the past.)
    // (A condition that opens its sentence is set off by its comma however
    // long it is: "Unless we see the change in direction that the Met
    // Office is forecasting for tomorrow morning, residents …".)
    let end = clause_end_within(src, sentence.start, &sentence, OPENING_CONDITION_WORDS);
    let condition = sentence.start..end;
    if condition.is_empty()
        || end > start
        || start - end > LEAD_WORDS
        || !condition_at(src, sentence.start, end)
        || !src.gap_after(end - 1, &sentence).contains(',')
    {
        return None;
    }
    if passage.clone().any(|t| condition_at(sec, t, passage.end)) {
        return None;
    }
    let before = passage
        .start
        .checked_sub(1)
        .and_then(|t| edges::sentence_of(&sec, t))
        .map_or(passage.start, |s| s.start);
    let around = before..passage.end;
    (!appears_in(sec, &around, src, &condition) && !echoed(sec, &around, src, &condition))
        .then_some(condition)
}

/// Does the passage hold half the content words of source tokens `p`
/// (two at least), wherever: "ask to move to another hospital ... and they
/// will not lose their place" carries "if they choose to move".
pub(super) fn echoed(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    p: &Range<usize>,
) -> bool {
    let words: Vec<u64> = p.clone().filter_map(|t| content_word(&src, t)).collect();
    let mine = &sec.a.tokens[passage.clone()];
    let held = words.iter().filter(|h| mine.contains(h)).count();
    !words.is_empty() && 2 * held >= words.len().max(2)
}

/// Are source tokens `p`, dropped from inside a copy, an aside set off by
/// punctuation on both sides (", reintroduced in 1989,", ", or 20.4 per
/// cent,", ", as the government has already pledged;")? Such an element
/// adds to what its sentence says without limiting it: leaving it out cuts
/// no qualification. Not a condition, a negation or a time limit set off
/// the same way (", unless ...,", ", not ...,", ", at least for now,"),
/// which limit the claim.
pub(super) fn set_off(src: Side<'_>, p: &Range<usize>) -> bool {
    let Some(sentence) = p
        .start
        .checked_sub(1)
        .and_then(|t| edges::sentence_of(&src, t))
    else {
        return false;
    };
    if p.is_empty() || p.end > sentence.end {
        return false;
    }
    let opens = src.gap_after(p.start - 1, &sentence);
    let closes = if p.end == sentence.end {
        "."
    } else {
        src.gap_after(p.end - 1, &sentence)
    };
    let limits = p.clone().any(|t| {
        condition_at(src, t, p.end)
            || super::negation::is_negation(src.a.tokens[t])
            || time_limit_at(src, t, &sentence)
    });
    opens.contains([',', '(', '—', '–'])
        && closes.contains([',', ';', ':', ')', '—', '–', '.', '!', '?'])
        && !limits
}

/// Words left in the source sentence after token `end`, and that sentence's length.
fn sentence_rest(src: Side<'_>, end: usize) -> (usize, usize) {
    end.checked_sub(1)
        .and_then(|t| edges::sentence_of(&src, t))
        .map_or((0, 0), |s| (s.end - end, s.len()))
}

/// Words of the rest of a source sentence that the writer must go on with,
/// after a quotation stopping before its limit, for the limit to be kept.
const CARRIED_ON: usize = 3;
/// As many of them as will do if they are content words.
const CARRIED_CONTENT: usize = 2;

/// A quotation that stops where its source sentence goes on, with the
/// writer's own words after it taking up a later sentence ("“… between
/// $4.45 billion and $4.55 billion,” Lindqvist said, adding that operating
/// margin would be roughly 30%" for "… $4.55 billion, which would represent
/// growth of 25 to 27 percent. We expect operating margin …"): cut short,
/// as a copy that stops there is. The quotation must hold half its source
/// sentence (a phrase taken from the middle is quoting, not cutting), and
/// the passage must take none of the words left out. Returns how many
/// there are.
pub(super) fn quote_cut_short(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    core: &[Op],
    cfg: &ClassifyConfig,
) -> Option<usize> {
    let abs = |t: usize| passage.start + t;
    let core_end = abs(core.last()?.sec.end);
    // (The document's quotations are in order, their ends too.)
    let quotes = sec.quotes();
    let q = &quotes[..quotes.partition_point(|q| q.end <= core_end)]
        .last()
        .filter(|q| q.end > passage.start)?;
    let last = q.end - 1;
    let i = core
        .iter()
        .position(|o| abs(o.sec.start) <= last && last < abs(o.sec.end))?;
    if core[i].tag != Tag::Equal {
        return None;
    }
    let p = core[i].src.start + (last - abs(core[i].sec.start));
    let (rest, sentence_len) = sentence_rest(src, p + 1);
    let sentence = (p + 1 + rest - sentence_len)..(p + 1 + rest);
    // A quotation that stops just before the source's condition ("open to
    // the Council to grant permission again | if, having properly applied
    // the test, it concludes ...") says more than the speaker did,
    // whatever the writer goes on with.
    // So does one that stops at a comma before the words that limit it
    // ("“The subgroup findings are interesting,” | but they should be
    // treated with caution").
    let limited = || {
        p + 1 < sentence.end
            && src.gap_after(p, &sentence).contains(',')
            && limits_at(src, p + 1, &sentence)
    };
    // (Unless the writer goes on with those words, outside the quotation
    // marks: "“can go down as well as up on review”, though she said this
    // happens in fewer than one in 200 cases".)
    // (Two words of substance carried on say as much: "“We are not
    // raising prices this year,” Ortiz said, despite higher memory costs"
    // for "…, even though memory costs have gone up".)
    let carried: Vec<usize> = core[i + 1..]
        .iter()
        .filter(|o| o.tag == Tag::Equal && o.src.start > p && o.src.end <= sentence.end)
        .flat_map(|o| o.src.clone())
        .collect();
    let content = carried
        .iter()
        .filter(|&&t| !crate::normalize::is_function_word(src.a.tokens[t]))
        .count();
    let carried_on = carried.len() >= CARRIED_ON || content >= CARRIED_CONTENT;
    if ((rest >= cfg.min_cut_words && (condition_at(src, p + 1, sentence.end) || limited()))
        || time_limit_at(src, p + 1, &sentence))
        && !carried_on
    {
        return Some(rest);
    }
    let next = core[i + 1..].iter().find(|o| o.tag == Tag::Equal)?;
    if rest < cfg.min_cut_words
        || next.src.start < sentence.end
        || clause_ends(src, p + 1)
        || attribution_rest(src, p + 1, rest)
    {
        return None;
    }
    let quoted: usize = core[..=i]
        .iter()
        .filter(|o| o.tag == Tag::Equal)
        .map(|o| (o.src.end.min(p + 1)).saturating_sub(o.src.start.max(sentence.start)))
        .sum();
    (2 * quoted >= sentence_len).then_some(rest)
}
