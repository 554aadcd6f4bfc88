//! Negations: the words that turn a claim into its opposite, counted in an
//! edit, in a whole passage, and in the words a writer puts in place of the
//! source's just before what it copies.

use std::ops::Range;
use std::sync::LazyLock;

use super::Side;
use super::edges::sentence_of;
use crate::align::Op;
use crate::normalize::form_hash;

/// Does the writer deny or refuse at token `t` ("denied", "rejected",
/// "refused", "declined", "dismissed", "avoided", "ruled out", "stopped
/// short of")? Such a verb carries the negation that words after it leave
/// out: "Tessier ruled out claims the company plans to raise prices" says
/// what "We have no plans to raise prices" says.
pub(crate) fn denial_at(side: &super::Side<'_>, t: usize) -> bool {
    static ONE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "deny denies denied denying reject rejects rejected rejecting refuse refuses \
         refused refusing decline declines declined declining dismiss dismisses \
         dismissed dismissing avoid avoids avoided avoiding resist resists resisted"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    static RULE: LazyLock<Vec<u64>> =
        LazyLock::new(|| ["rule", "rules", "ruled", "ruling"].map(form_hash).to_vec());
    static STOP: LazyLock<Vec<u64>> = LazyLock::new(|| {
        ["stop", "stops", "stopped", "stopping"]
            .map(form_hash)
            .to_vec()
    });
    let n = side.a.tokens.len();
    let h = |i: usize| (i < n).then(|| side.lexeme(i).hash);
    let Some(w) = h(t) else { return false };
    ONE.contains(&w)
        || (RULE.contains(&w) && h(t + 1) == Some(form_hash("out")))
        || (STOP.contains(&w) && h(t + 1) == Some(form_hash("short")))
}

pub(crate) fn is_negation(hash: u64) -> bool {
    static NEG: LazyLock<Vec<u64>> = LazyLock::new(|| {
        [
            "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot",
            "without",
        ]
        .iter()
        .map(|w| form_hash(w))
        .collect()
    });
    NEG.contains(&hash)
}

/// A negation, or a word ending in "n't".
pub(super) fn is_negated_word(side: &Side<'_>, t: usize) -> bool {
    let l = side.lexeme(t);
    if is_negation(l.hash) {
        return true;
    }
    let w = &side.text[l.start as usize..l.end as usize];
    w.len() > 3 && (w.ends_with("n't") || w.ends_with("n’t"))
}

/// Does the edit of source tokens `p` into secondary tokens `s` change
/// their negation and nothing else: the same words, but for negation words
/// and the "do" that carries them ("does not include" -> "includes", "no
/// bonuses" -> "bonuses")? Not a negation said in other words ("did not"
/// -> "failed to", "not intentional" -> "unintentional"): the plain flip
/// says the opposite of the source in its own words.
pub(super) fn bare_flip(src: Side<'_>, p: &Range<usize>, sec: Side<'_>, s: &Range<usize>) -> bool {
    static DO: std::sync::LazyLock<[u64; 3]> =
        std::sync::LazyLock::new(|| ["do", "does", "did"].map(crate::normalize::form_hash));
    let rest = |side: Side<'_>, r: &Range<usize>| -> Vec<String> {
        r.clone()
            .filter(|&t| !is_negated_word(&side, t) && !DO.contains(&side.lexeme(t).hash))
            .map(|t| side.text_of(&(t..t + 1)).to_lowercase())
            .collect()
    };
    let (a, b) = (rest(src, p), rest(sec, s));
    count(&src, p) != count(&sec, s)
        && a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| inflected(x, y))
}

/// The same word but for an ending ("apply", "applies"; "include",
/// "includes"): [`same_stem`], all but the last letter of the shorter (of
/// four letters at least) in common, or put in the past for reported speech.
fn inflected(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    let hash = crate::normalize::form_hash;
    a == b
        || same_stem(a, b)
        || (shorter >= 4 && common + 1 >= shorter)
        || super::variant::auxiliary_in_past(hash(a), hash(b))
}

/// The negation words of tokens `r` (their forms).
pub(super) fn words(side: Side<'_>, r: &Range<usize>) -> Vec<u64> {
    r.clone()
        .filter(|&t| is_negated_word(&side, t))
        .map(|t| side.lexeme(t).hash)
        .collect()
}

/// The negation words of source range `r` (dropped or replaced by the
/// diff `core`) outside the source sentences the passage leaves out: one
/// that merges two sentences of the source over a third ("… climate
/// change, Lindqvist says, before recalling …" across "For them,
/// adaptation is not a second priority.") changes no negation of what it
/// leaves unsaid. A sentence is left out when the passage matches words
/// on both sides of it and none of its content words.
pub(super) fn words_in_part(src: Side<'_>, r: &Range<usize>, core: &[Op]) -> Vec<u64> {
    let (Some(first), Some(last)) = (core.first(), core.last()) else {
        return words(src, r);
    };
    let left_out = |s: Range<usize>| {
        first.src.start < s.start
            && s.end < last.src.end
            && !core
                .iter()
                .filter(|o| o.tag == crate::align::Tag::Equal)
                .any(|o| {
                    o.src.clone().any(|t| {
                        s.contains(&t) && !crate::normalize::is_function_word(src.lexeme(t).hash)
                    })
                })
    };
    r.clone()
        .filter(|&t| is_negated_word(&src, t))
        .filter(|&t| !sentence_of(&src, t).is_some_and(left_out))
        .map(|t| src.lexeme(t).hash)
        .collect()
}

/// The negation words of the passage outside its aligned core (`core`:
/// its operations, passage-relative): the writer's own framing.
pub(super) fn words_outside(sec: Side<'_>, passage: &Range<usize>, core: &[Op]) -> Vec<u64> {
    let (Some(first), Some(last)) = (core.first(), core.last()) else {
        return words(sec, passage);
    };
    let before = passage.start..passage.start + first.sec.start;
    let after = passage.start + last.sec.end..passage.end;
    let mut out = words(sec, &before);
    out.extend(words(sec, &after));
    out
}

pub(super) fn count(side: &Side<'_>, r: &Range<usize>) -> usize {
    r.clone().filter(|&t| is_negated_word(side, t)).count()
}

/// Words an edit drops or adds beyond which the edit is a clause cut or
/// added whole, its negation with it, rather than a negation changed.
const CLAUSE: usize = 4;

/// Does edit `op` drop or add a whole clause: more than [`CLAUSE`] words
/// on one side against few on the other ("Inflation is not yet back at our
/// 2 per cent target, and we expect it" for "was expected")? A negation
/// inside it went with its clause: the cut or the addition is what is
/// reported. One at its edge negates the words kept next to it ("will
/// [not, under any circumstances whatsoever,] raise taxes").
/// So does an edit that puts a clause for another, more than [`CLAUSE`]
/// words on each side ("Pellow had no previous convictions and cared for
/// his elderly mother" for "could be said on your behalf"): a negation
/// inside either belongs to other words, not to the words kept.
pub(super) fn whole_clause(op: &Op, src: Side<'_>, sec: Side<'_>, passage: &Range<usize>) -> bool {
    let (a, b) = (op.src.len(), op.sec.len());
    let rewritten = a.min(b) > CLAUSE;
    if !rewritten && (a.max(b) <= CLAUSE || a.max(b) < 2 * a.min(b) + CLAUSE) {
        return false;
    }
    let mine = passage.start + op.sec.start..passage.start + op.sec.end;
    let inside = |side: &Side<'_>, r: &Range<usize>| {
        r.is_empty() || (!is_negated_word(side, r.start) && !is_negated_word(side, r.end - 1))
    };
    match (rewritten, a >= b) {
        (true, _) => inside(&src, &op.src) && inside(&sec, &mine),
        (false, true) => inside(&src, &op.src),
        (false, false) => inside(&sec, &mine),
    }
}

/// Source words right before a match that govern it ("do not expect |
/// delays"): a negation further back is about something else ("There is
/// no doubt that | delays").
const SOURCE_LEAD: usize = 2;

/// The writer's words right before a match that may carry its negation
/// (one more than the source's: "does not really expect | delays").
const WRITER_LEAD: usize = SOURCE_LEAD + 1;

/// Does the writer's lead-in before the matched words (`lead`: secondary
/// tokens, the framing the diff leaves as the writer's own) drop or add a
/// negation of the source's own lead-in, the words of the same sentence
/// right before the match at source token `start`? "The department expects
/// | delays in the rollout" for "We do not expect | delays in the rollout".
/// Returns the two lead-ins, the source's first.
pub(super) fn lead_in_differs(
    sec: Side<'_>,
    lead: Range<usize>,
    src: Side<'_>,
    start: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    if start >= src.a.tokens.len() || lead.end >= sec.a.tokens.len() {
        return None;
    }
    let sentence_start = sentence_of(&src, start).map_or(start, |s| s.start);
    let mut theirs = clause_end(
        src,
        start.saturating_sub(SOURCE_LEAD).max(sentence_start)..start,
    );
    // "Nor do I | want to spend" inverts its verb after the negation: the
    // lead-in reaches back to it, and it negates the match as one right
    // before it would.
    let inverted = theirs.start > sentence_start
        && matches!(
            src.text_of(&(theirs.start - 1..theirs.start))
                .to_lowercase()
                .as_str(),
            "nor" | "neither"
        );
    if inverted {
        theirs.start -= 1;
    }
    // "I would not describe one quarter's figures as | evidence of a
    // recession": a negated verb of describing governs what follows its
    // "as", however far back in the clause it stands.
    let governs = described_as(src, sentence_start, start);
    if let Some(r) = &governs {
        theirs = r.clone();
    }
    // The writer's passage opens on the match: a negation right before it
    // in the source is left out ("Frontline posts will be lost" for "No
    // frontline posts will be lost").
    if lead.is_empty() {
        let negated = theirs.end > theirs.start
            && (inverted || governs.is_some() || is_negated_word(&src, theirs.end - 1));
        return negated.then_some((theirs, lead));
    }
    let mine = clause_end(
        sec,
        lead.end.saturating_sub(WRITER_LEAD).max(lead.start)..lead.end,
    );
    if (count(&src, &theirs) > 0) == (count(&sec, &mine) > 0) {
        return None;
    }
    // A negation right before the match negates its first word ("will not
    // | cut taxes" for "vowed to | cut taxes"; "does not | expect delays"
    // for "We | expect delays").
    let next_to =
        |side: &Side<'_>, r: &Range<usize>| r.end > r.start && is_negated_word(side, r.end - 1);
    if inverted || governs.is_some() || next_to(&src, &theirs) || next_to(&sec, &mine) {
        return Some((theirs, mine));
    }
    // Or the writer keeps the source's verb ("expects" for "do not
    // expect"): another verb is another wording ("He vowed | to act" for
    // "we will not hesitate | to act"), whose sense the words do not tell.
    let verb = theirs.clone().rev().find(|&t| !is_negated_word(&src, t))?;
    let verb = src.text_of(&(verb..verb + 1)).to_lowercase();
    mine.clone()
        .any(|t| inflected(&verb, &sec.text_of(&(t..t + 1)).to_lowercase()))
        .then_some((theirs, mine))
}

/// Verbs that describe something as something ("describe ... as").
const DESCRIBING: [&str; 14] = [
    "describe",
    "described",
    "call",
    "called",
    "regard",
    "regarded",
    "consider",
    "considered",
    "see",
    "characterise",
    "characterize",
    "label",
    "term",
    "class",
];

/// How far before the "as" of a match the source's negated verb of
/// describing may stand ("would not describe one quarter's figures as").
const DESCRIBED_REACH: usize = 8;

/// The source words from a negation to the match at `start`, where the
/// match follows the "as" of a negated verb of describing in the same
/// clause ("I would not describe one quarter's figures as | evidence of a
/// recession"; the negation at most two words before the verb).
fn described_as(src: Side<'_>, sentence_start: usize, start: usize) -> Option<Range<usize>> {
    let word = |t: usize| src.text_of(&(t..t + 1)).to_lowercase();
    if start < sentence_start + 2 || word(start - 1) != "as" {
        return None;
    }
    let clause = clause_end(
        src,
        start
            .saturating_sub(DESCRIBED_REACH + 1)
            .max(sentence_start)..start - 1,
    );
    let verb = clause
        .clone()
        .rev()
        .find(|&t| DESCRIBING.contains(&word(t).as_str()))?;
    let negation = (verb.saturating_sub(2).max(clause.start)..verb)
        .rev()
        .find(|&t| is_negated_word(&src, t))?;
    Some(negation..start)
}

/// Verbs of saying and thinking whose negation a writer may move onto what
/// is said: "I will not pretend that it is enough" is "it is not enough";
/// "We do not think the cut was needed", "the cut was not needed".
const RAISING: [&str; 12] = [
    "think", "believe", "expect", "suppose", "imagine", "feel", "say", "tell", "pretend", "claim",
    "reckon", "suggest",
];

/// How far before a match the source's negated verb of saying may stand
/// ("I will not pretend to the House | that it is").
const RAISED_REACH: usize = 8;

/// Does the source negate a verb of saying or thinking in the words of the
/// same sentence right before the match at source token `start` ("I will
/// not pretend to | the House that it is anything like enough")? A
/// negation the writer adds to the words copied then moved there ("is not
/// anything like enough"): the claim is the same.
pub(super) fn raised_before(src: Side<'_>, start: usize) -> bool {
    if start >= src.a.tokens.len() {
        return false;
    }
    let sentence_start = sentence_of(&src, start).map_or(start, |s| s.start);
    let window = start.saturating_sub(RAISED_REACH).max(sentence_start)..start;
    let Some(neg) = window.clone().find(|&t| is_negated_word(&src, t)) else {
        return false;
    };
    (neg..window.end).any(|t| {
        let w = src.text_of(&(t..t + 1)).to_lowercase();
        RAISING.iter().any(|v| same_stem(v, &w))
    })
}

/// The end of tokens `r` after its last clause mark (a comma, semicolon,
/// colon or dash between two of its tokens or after the last): "If we do
/// nothing, | energy prices will rise" has no lead-in.
fn clause_end(side: Side<'_>, r: Range<usize>) -> Range<usize> {
    let within = r.start..r.end + 1;
    let start = r
        .clone()
        .rev()
        .find(|&t| {
            side.gap_after(t, &within)
                .contains([',', ';', ':', '—', '–'])
        })
        .map_or(r.start, |t| t + 1);
    start..r.end
}

/// Do two words share their first five letters (or all of the shorter, of
/// three letters at least: "cut" and "cuts", not "he" and "hesitate")?
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shorter >= 3 && common >= shorter.min(5)
}
