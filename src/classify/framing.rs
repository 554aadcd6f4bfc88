//! The writer's own words around and between quoted ones: attributions
//! set into the text ("..." he said, "..."), and the framing that leads
//! into a quotation ("he asked:", ", adding:"), which are no edits of the
//! source.

use std::ops::Range;

use super::{Side, negation};
use crate::align::Tag;
use crate::normalize::{LexKind, form_hash};

/// Is this insertion (token range `r` of the secondary) the writer's words
/// set into the text: a few words outside quotation marks that stand
/// between two quoted stretches ("...," he said, "..."; 'I want to be
/// clear' before warning that 'this is ...'), or words with a verb of
/// saying between commas ("The economy, he said, grew")? Between two
/// quotations, the writer's words may also stand for source words that
/// neither quotation claims (a replacement).
pub(super) fn attribution(
    sec: Side<'_>,
    r: &Range<usize>,
    tag: Tag,
    passage: &Range<usize>,
    in_quote: &dyn Fn(usize) -> bool,
) -> bool {
    if !matches!(tag, Tag::Insert | Tag::Replace)
        || r.is_empty()
        || r.len() > 12
        || r.start <= passage.start
        || r.end >= passage.end
        || r.clone().any(in_quote)
    {
        return false;
    }
    // The unquoted stretch holding `r` (its words may match the source:
    // "he said, vowing to keep 'working ...'") is bounded by quotations.
    let mut lo = r.start;
    while lo > passage.start && !in_quote(lo - 1) {
        lo -= 1;
    }
    let mut hi = r.end;
    while hi < passage.end && !in_quote(hi) {
        hi += 1;
    }
    // (Never a number or a negation: those are what a reader takes away.)
    let telling = r.clone().any(|t| {
        sec.lexeme(t).kind == LexKind::Number || negation::is_negation(sec.lexeme(t).hash)
    });
    let interrupts = lo > passage.start && hi < passage.end && !telling;
    // Words added to a short lead into the only quotation ("Szabo-Mercer
    // was blunt: “…”") or to a short attribution after it ("…,” lead author
    // Priya Ramanathan said), where the source has one too. (A longer
    // stretch is the writer's telling, edits and all.)
    let short = hi - lo <= 8;
    let lead = lo == passage.start
        && hi < passage.end
        && sec.gap_after(hi - 1, passage).contains([':', ',']);
    let tail =
        lo > passage.start && hi == passage.end && (lo..hi).any(|t| is_saying(sec.lexeme(t).hash));
    let added = tag == Tag::Insert && short && !telling && (lead || tail);
    let commas = tag == Tag::Insert
        && r.len() <= 6
        && r.clone().any(|t| is_saying(sec.lexeme(t).hash))
        && sec.gap_after(r.start - 1, passage).contains(',')
        && sec.gap_after(r.end - 1, passage).contains(',');
    interrupts || commas || added
}

/// Verbs that attribute words to a speaker (in their matching forms).
pub(crate) fn is_saying(hash: u64) -> bool {
    use std::sync::LazyLock;
    static SAYING: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "said says added adds adding told explained explains noted notes warned warns \
         asked asks replied replies answered answers \
         argued argues insisted insists claimed claims stated states continued \
         continues stressed stresses declared declares remarked observed \
         acknowledged admitted conceded suggested asserted emphasized emphasizes \
         joked jokes quipped according"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    SAYING.contains(&hash)
}

/// Are tokens `r` only a lead into reported words: a verb of saying or
/// showing, the one it tells and "that" ("tells us that", "said that",
/// "shows that")? Dropped, the words reported are no less: "According to
/// the Met Office, winter rainfall has risen" for "The Met Office tells us
/// that winter rainfall has increased".
pub(super) fn reporting_lead(side: &Side<'_>, r: &Range<usize>) -> bool {
    use std::sync::LazyLock;
    static LEAD: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "tells tell shows show showed shown reports report reported \
         us me you them that"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    let verb = |t: usize| {
        let h = side.lexeme(t).hash;
        is_saying(h) || LEAD[..9].contains(&h)
    };
    (1..=4).contains(&r.len())
        && r.clone().any(verb)
        && r.clone()
            .all(|t| verb(t) || LEAD.contains(&side.lexeme(t).hash))
}

/// Are source tokens `p`, dropped at secondary token `at` outside quotation
/// marks with a quotation after it in `passage`, the writer's lead into
/// that quotation retold ("read out a letter from a Taunton commuter: “…”"
/// for "a letter from a constituent who commutes from Taunton. She writes,
/// “…”")? Telling less of how the words came is no cut of what they say.
/// (Never a number or a negation; a condition is caught on its own.)
pub(super) fn lead_retold(
    src: &Side<'_>,
    p: &Range<usize>,
    at: usize,
    passage: &Range<usize>,
    in_quote: &dyn Fn(usize) -> bool,
) -> bool {
    !in_quote(at) && (at..passage.end).any(in_quote) && !telling(src, p)
}

/// Do source tokens `p` hold a number or a negation (words whose loss is
/// never only framing)?
fn telling(src: &Side<'_>, p: &Range<usize>) -> bool {
    p.clone()
        .any(|t| src.lexeme(t).kind == LexKind::Number || negation::is_negation(src.lexeme(t).hash))
}

/// Are source tokens `p`, dropped where a quotation opens in the passage
/// (at secondary token `at`, the word before it outside quotation marks),
/// the end of the source sentence before the one the quotation takes up
/// ("a message for those who voted for the National Union Party: “You
/// told us …”" for "… the National Union Party: I understand why many of
/// you did. You told us …")? The writer's lead borrowed the source's
/// words; the quotation starts afresh. (Never a number or a negation.)
pub(super) fn quote_opens_anew(
    src: &Side<'_>,
    p: &Range<usize>,
    at: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> bool {
    !p.is_empty()
        && at > 0
        && in_quote(at)
        && !in_quote(at - 1)
        && super::edges::sentence_of(src, p.end - 1).is_some_and(|s| s.end == p.end)
        && !telling(src, p)
}

/// Is secondary tokens `r` a stock attribution ("he said", "Okafor
/// added", "she told reporters"): at most three words with a verb of saying,
/// no number and no negation? Every writer adds those around a quotation,
/// so two writers sharing one is no sign that one copied the other.
pub fn stock_attribution(sec: &Side<'_>, r: &Range<usize>) -> bool {
    (1..=3).contains(&r.len())
        && r.clone().any(|t| is_saying(sec.lexeme(t).hash))
        && !r
            .clone()
            .any(|t| sec.lexeme(t).kind == LexKind::Number || negation::is_negated_word(sec, t))
}

/// Is this edit (of `o`, at secondary tokens `s`) the writer's lead into a
/// quotation: words outside quotation marks that end where one opens,
/// after a verb of saying or holding one, the writer's own words there
/// only verbs of saying or words without content ("he asked
/// [me one question]: “Will …”", "given, [adding]: “The fault …”", "He
/// asked [me one question -> her]: “…”")? The quotation is what the writer
/// claims; how it is introduced is the writer's own. Small edits only, and
/// never a number or a negation on either side.
pub(super) fn framing_at_quote(
    sec: Side<'_>,
    src: Side<'_>,
    o: &crate::align::Op,
    s: &Range<usize>,
    passage: &Range<usize>,
    in_quote: &dyn Fn(usize) -> bool,
) -> bool {
    if o.tag == Tag::Equal
        || s.len() > LEAD_WORDS
        || o.src.len() > LEAD_WORDS + 1
        || s.end >= passage.end
        || !in_quote(s.end)
        || (s.end > passage.start && in_quote(s.end - 1))
    {
        return false;
    }
    let lead = s.start.saturating_sub(LEAD_WORDS).max(passage.start)..s.end;
    let saying = lead
        .clone()
        .any(|t| !in_quote(t) && is_saying(sec.lexeme(t).hash));
    // ("one" is seldom a figure: "me one question", "no one".)
    let one = form_hash("1");
    let telling = |side: &Side<'_>, r: Range<usize>| {
        r.clone().any(|t| {
            let l = side.lexeme(t);
            (l.kind == LexKind::Number && l.hash != one) || negation::is_negation(l.hash)
        })
    };
    // What the writer put in place of the source's lead may only be a
    // verb of saying or words without content ("her" for "me one
    // question"): "told Republicans:" for "told Democrats:" changes who
    // was addressed.
    // (A verb of saying may be added, ", adding:", not put for another:
    // "admitted:" for "denied:" is another statement.)
    let plain = s.clone().all(|t| {
        let h = sec.lexeme(t).hash;
        (o.tag == Tag::Insert && is_saying(h))
            || crate::normalize::is_function_word(h)
            || PRONOUNS.contains(&h)
    });
    // A transcript's speaker label ("CHANCELLOR SCHOLZ:") is no words of
    // the speaker's: the writer's "said" stands for it.
    let label = !o.src.is_empty() && {
        let text = src.text_of(&o.src);
        text.chars().any(char::is_alphabetic)
            && !text.chars().any(char::is_lowercase)
            && src
                .gap_after(o.src.end - 1, &(0..src.a.tokens.len()))
                .contains(':')
    };
    saying && (plain || label) && !telling(&sec, s.clone()) && !telling(&src, o.src.clone())
}

/// Object pronouns a writer puts for the person the speaker addressed.
static PRONOUNS: std::sync::LazyLock<[u64; 4]> =
    std::sync::LazyLock::new(|| ["him", "me", "you", "those"].map(form_hash));

/// Words of a lead into a quotation read for a verb of saying, and the
/// most an edit of it may change.
const LEAD_WORDS: usize = 3;

/// Most words of a source sentence's opening that a join of two sentences
/// may drop ("We think", "That figure is").
const JOIN_WORDS: usize = 3;

/// Is this edit two source sentences joined into one, outside quotation
/// marks: the second sentence's opening words (at most [`JOIN_WORDS`], no
/// figure or negation) dropped, or put as a conjunction ("..., from a peak
/// of 7.9% in 2023, and that wage growth of" for "... in 2023. We think
/// wage growth of"; "... for treatment, down from 310,000" for "...
/// for treatment. That figure is down from 310,000")? `s` is the edit's
/// secondary token range.
pub(super) fn sentence_join(
    src: Side<'_>,
    o: &crate::align::Op,
    sec: Side<'_>,
    s: &Range<usize>,
    in_quote: &dyn Fn(usize) -> bool,
) -> bool {
    let opens = o.src.start > 0
        && super::edges::sentence_of(&src, o.src.start).is_some_and(|r| r.start == o.src.start);
    // (The conjunction, function words only, holds neither.)
    let plain = |side: &Side<'_>, r: Range<usize>| {
        r.clone().all(|t| {
            let l = side.lexeme(t);
            l.kind != LexKind::Number && !negation::is_negation(l.hash)
        })
    };
    matches!(o.tag, Tag::Delete | Tag::Replace)
        && (1..=JOIN_WORDS).contains(&o.src.len())
        && opens
        && plain(&src, o.src.clone())
        && !s.clone().any(in_quote)
        && s.clone()
            .all(|t| crate::normalize::is_function_word(sec.lexeme(t).hash))
}

/// Asides with which speakers vouch for what they say next ("I want to be
/// honest that", "let me be clear", "frankly"): they add nothing to the
/// claim, so leaving one out cuts nothing from it.
static ASIDES: std::sync::LazyLock<Vec<Vec<u64>>> = std::sync::LazyLock::new(|| {
    [
        "i want to be honest",
        "i want to be clear",
        "i want to be frank",
        "i have to be honest",
        "i will be honest",
        "let me be clear",
        "let me be honest",
        "let me be frank",
        "let me say",
        "i have to say",
        "i must say",
        "i can tell you",
        "to be honest",
        "to be frank",
        "to be clear",
        "frankly",
        "honestly",
    ]
    .iter()
    .map(|p| p.split(' ').map(form_hash).collect())
    .collect()
});

/// Are source tokens `p`, dropped from inside a copy, a speaker's aside
/// ([`ASIDES`], "that" after it) and, after it, at most three words the
/// passage gives elsewhere or no content words ("but I want to be honest
/// that restocking will | only happen once ..." retold "a restocking plan,
/// but only once ...")?
pub(super) fn aside(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    passage: &Range<usize>,
) -> bool {
    let words = &src.a.tokens[p.clone()];
    let Some(len) = ASIDES.iter().find(|a| words.starts_with(a)).map(Vec::len) else {
        return false;
    };
    let rest = &words[len..];
    let rest = rest.strip_prefix(&[form_hash("that")]).unwrap_or(rest);
    let mine = &sec.a.tokens[passage.clone()];
    rest.len() <= 3
        && rest
            .iter()
            .all(|h| crate::normalize::is_function_word(*h) || mine.contains(h))
}

/// Are source tokens `p`, dropped from inside a copy, the speaker's own
/// place: a preposition, "our" or "this", and at most two words ("in our
/// state", "across this country", "in our city centre")? The writer's
/// story sets the place; leaving the phrase out cuts nothing from the claim.
pub(super) fn speakers_place(src: &Side<'_>, p: &Range<usize>) -> bool {
    use std::sync::LazyLock;
    static PLACE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        ["in", "across", "throughout", "around"]
            .map(form_hash)
            .to_vec()
    });
    static OWN: LazyLock<Vec<u64>> = LazyLock::new(|| ["our", "this"].map(form_hash).to_vec());
    let h = |t: usize| src.lexeme(t).hash;
    (3..=4).contains(&p.len())
        && PLACE.contains(&h(p.start))
        && OWN.contains(&h(p.start + 1))
        && (p.start + 2..p.end).all(|t| src.lexeme(t).kind == LexKind::Word)
}

/// Source tokens either side of an insertion searched for its words.
const CLARIFIED_FROM: usize = 600;

/// Longest insertion read as a clarification from the source.
const MOST_CLARIFYING: usize = 4;

/// Are the writer's inserted words (passage tokens `s`, outside quotation
/// marks) words the source itself gives nearby (in order, within
/// [`CLARIFIED_FROM`] tokens of source token `at`): the surname of a
/// person the sentence names by first name ("Maisie Rowlands" where the
/// appeal names her in full before), the day the source gives elsewhere
/// ("at 7.52pm on Saturday")? Not figures or negations: those are claims;
/// nor a single word other than a name.
pub(super) fn clarified_from_source(
    sec: Side<'_>,
    s: &Range<usize>,
    src: Side<'_>,
    at: usize,
) -> bool {
    use crate::normalize::LexKind;
    if s.is_empty() || s.len() > MOST_CLARIFYING {
        return false;
    }
    let claim = |t: usize| {
        sec.lexeme(t).kind == LexKind::Number || super::negation::is_negated_word(&sec, t)
    };
    // One word only if a name ("Rowlands"), not a word of the writer's
    // emphasis ("just two games"); more only with a content word in them.
    let content = |t: usize| !crate::normalize::is_function_word(sec.a.tokens[t]);
    let named = s.len() == 1 && sec.lexeme(s.start).cap && s.start > 0;
    if s.clone().any(claim) || !(named || (s.len() > 1 && s.clone().any(content))) {
        return false;
    }
    let words: Vec<u64> = s.clone().map(|t| sec.a.tokens[t]).collect();
    let n = src.a.tokens.len();
    let window = at.saturating_sub(CLARIFIED_FROM)..(at + CLARIFIED_FROM).min(n);
    src.a.tokens[window]
        .windows(words.len())
        .any(|w| w == words.as_slice())
}
