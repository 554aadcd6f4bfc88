//! Where a source sentence limits what it says: a condition ("if",
//! "unless", "provided that", "as long as" …), a time limit on a promise
//! or a denial ("this year", "for now"), a contrast or a negation opening
//! the rest of a sentence, and where such a clause ends.

use std::ops::Range;

use super::{Side, edges};

/// Does the rest of a sentence, from token `t`, open by limiting what comes
/// before it: a contrast ("but", "although"), a condition or proviso
/// ("unless", "barring", "given"), an exception or a negation, in its
/// first two words ("..., and may not reflect")?
pub(super) fn limits_at(src: Side<'_>, t: usize, sentence: &Range<usize>) -> bool {
    use crate::normalize::form_hash;
    use std::sync::LazyLock;
    static LIMITS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "but yet although though whereas while except excluding barring given only including"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    (t..(t + 2).min(sentence.end)).any(|u| {
        let h = src.a.tokens[u];
        LIMITS.contains(&h) || super::negation::is_negation(h) || condition_at(src, u, sentence.end)
    })
}

/// The condition that opens right after source tokens `r` (a comma
/// between allowed), in their sentence: its tokens, up to its clause's
/// end. "no compulsory redundancies | , as long as colleagues are willing
/// to move": a quotation that stops there says more than the speaker did.
pub fn condition_right_after(src: Side<'_>, r: &Range<usize>) -> Option<Range<usize>> {
    let sentence = edges::sentence_of(&src, r.end.checked_sub(1)?)?;
    let start = r.end;
    (start < sentence.end && condition_at(src, start, sentence.end))
        .then(|| start..clause_end(src, start, &sentence))
}

/// Longest condition read after a copy's end, in words.
const CONDITION_WORDS: usize = 15;

/// Where the clause opening at source token `start` ends: at the first
/// mark that sets it off, within [`CONDITION_WORDS`], or its sentence's end.
pub(super) fn clause_end(src: Side<'_>, start: usize, sentence: &Range<usize>) -> usize {
    clause_end_within(src, start, sentence, CONDITION_WORDS)
}

/// Longest condition read where it opens the sentence, in words.
pub(super) const OPENING_CONDITION_WORDS: usize = 30;

/// [`clause_end`], within `most` words.
pub(super) fn clause_end_within(
    src: Side<'_>,
    start: usize,
    sentence: &Range<usize>,
    most: usize,
) -> usize {
    (start + 1..sentence.end)
        .take(most)
        .find(|&t| {
            src.gap_after(t - 1, sentence)
                .contains([',', ';', ':', '—', '–'])
        })
        .unwrap_or(sentence.end.min(start + most))
}

/// Does a condition open at token `t` (before `end`): "if", "unless",
/// "until", "except", "provided", "as long as", "only if", "only once",
/// "only with", "on condition", "subject to", "the proviso", also after
/// "but" ("but only once")?
pub(super) fn condition_at(side: Side<'_>, t: usize, end: usize) -> bool {
    use crate::normalize::form_hash;
    use std::sync::LazyLock;
    static ONE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "if unless until except provided providing assuming proviso"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    static TWO: LazyLock<Vec<(u64, u64)>> = LazyLock::new(|| {
        [
            ("only", "if"),
            ("only", "when"),
            ("only", "until"),
            ("only", "once"),
            ("only", "after"),
            ("only", "with"),
            ("on", "condition"),
            ("subject", "to"),
            ("as", "long"),
            ("so", "long"),
        ]
        .map(|(a, b)| (form_hash(a), form_hash(b)))
        .to_vec()
    });
    static BUT: LazyLock<u64> = LazyLock::new(|| form_hash("but"));
    static RANGE: LazyLock<[u64; 2]> = LazyLock::new(|| ["until", "from"].map(form_hash));
    let h = |i: usize| (i < end).then(|| side.lexeme(i).hash);
    // ("but only once ...": the condition after the "but".)
    let t = t + usize::from(h(t) == Some(*BUT));
    let Some(first) = h(t) else { return false };
    // "from 00:01 on Tuesday until 23:59 on Wednesday": the end of a span
    // of time, no condition.
    let [until, from] = *RANGE;
    let digit = |i: usize| {
        i < end
            && side
                .text_of(&(i..i + 1))
                .starts_with(|c: char| c.is_ascii_digit())
    };
    if first == until
        && digit(t + 1)
        && (t.saturating_sub(RANGE_WORDS)..t).any(|i| h(i) == Some(from))
    {
        return false;
    }
    // "a helicopter provided by Wolds Water", "support provided to
    // families": a participle, no proviso.
    if PARTICIPLES.contains(&first) && h(t + 1).is_some_and(|n| NOT_A_CLAUSE.contains(&n)) {
        return false;
    }
    ONE.contains(&first) || h(t + 1).is_some_and(|second| TWO.contains(&(first, second)))
}

/// Conditions that are also participles ("provided", "assuming").
static PARTICIPLES: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    ["provided", "providing", "assuming"]
        .map(crate::normalize::form_hash)
        .to_vec()
});

/// Words after which such a participle opens no condition: a preposition
/// ("provided by", "providing for").
static NOT_A_CLAUSE: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    "by to for in with from under through at on as"
        .split_whitespace()
        .map(crate::normalize::form_hash)
        .collect()
});

/// Words looked back over for the "from" of a span of time ending "until".
const RANGE_WORDS: usize = 12;

/// Does a condition ([`condition_at`]) or a time limit on a promise or a
/// denial ([`time_limit_at`]) open at token `t` of `sentence`?
pub(super) fn limit_at(side: Side<'_>, t: usize, sentence: &Range<usize>) -> bool {
    condition_at(side, t, sentence.end) || time_limit_at(side, t, sentence)
}

/// Does a time limit open at token `t` of `sentence` ("this year", "at
/// present", "in the short term") on a promise or a denial before it in the
/// sentence ("we will not close any department | this year", "we pledge to
/// freeze fares | this year"), or one that limits any claim ("for now",
/// "for the time being")? Without it the promise is made for good. A plain
/// "will" is no promise: "will open 40 new warm spaces | this winter" says
/// when, and helper labellers marked both such cuts faithful.
pub(super) fn time_limit_at(side: Side<'_>, t: usize, sentence: &Range<usize>) -> bool {
    use crate::normalize::form_hash;
    use std::sync::LazyLock;
    static THIS: LazyLock<Vec<u64>> = LazyLock::new(|| ["this", "next"].map(form_hash).to_vec());
    static SPAN: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "year month week term season quarter parliament decade winter summer spring autumn"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    fn phrases(list: &[&str]) -> Vec<Vec<u64>> {
        list.iter()
            .map(|p| p.split(' ').map(crate::normalize::form_hash).collect())
            .collect()
    }
    static PHRASES: LazyLock<Vec<Vec<u64>>> = LazyLock::new(|| {
        phrases(&[
            "at present",
            "at the moment",
            "in the short term",
            "in the near term",
            "in the short run",
        ])
    });
    // (These limit any claim: "the network has been dismantled, for now".)
    static ALWAYS: LazyLock<Vec<Vec<u64>>> =
        LazyLock::new(|| phrases(&["for now", "for the time being", "for the moment"]));
    static PROMISE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "won't pledge pledged promise promised guarantee guaranteed"
            .split_whitespace()
            .map(form_hash)
            .collect()
    });
    let h = |i: usize| (i < sentence.end).then(|| side.lexeme(i).hash);
    let opens = |p: &Vec<u64>| p.iter().enumerate().all(|(i, w)| h(t + i) == Some(*w));
    if ALWAYS.iter().any(opens) {
        return true;
    }
    let limit = (h(t).is_some_and(|a| THIS.contains(&a))
        && h(t + 1).is_some_and(|b| SPAN.contains(&b)))
        || PHRASES.iter().any(opens);
    limit
        && (sentence.start..t).any(|i| {
            let w = side.lexeme(i).hash;
            PROMISE.contains(&w) || super::negation::is_negation(w)
        })
}
