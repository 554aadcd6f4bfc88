//! Speech without its quotation marks: a writer who gives the speaker's
//! words in the speaker's own first or second person ("Our grant from
//! central government has fallen by 18 per cent, she said"; "You will be
//! arrested, Mercer said"; "He said: I'll conclude close to home") presents
//! them as the speaker's, word for word, but leaves out the marks that
//! tell the reader so.

use std::sync::LazyLock;

use super::Finding;
use crate::align::Tag;
use crate::classify::{Edit, Kind, Side, is_saying};
use crate::normalize::form_hash;

/// First-person words: the speaker's, where the writer copies them.
static FIRST_PERSON: LazyLock<Vec<u64>> = LazyLock::new(|| {
    "i me my mine myself we us our ours ourselves"
        .split_whitespace()
        .map(form_hash)
        .collect()
});

/// First-person subjects that open the speaker's words run on after a verb
/// of saying.
static SUBJECTS: LazyLock<Vec<u64>> = LazyLock::new(|| ["i", "we"].map(form_hash).to_vec());

/// Second-person words: the speaker's address to the audience, which a
/// writer does not make its own either.
static SECOND_PERSON: LazyLock<Vec<u64>> = LazyLock::new(|| {
    "you your yours yourself yourselves"
        .split_whitespace()
        .map(form_hash)
        .collect()
});

/// Words copied in a row that keep the speaker's person in a passage
/// otherwise reworded.
const MIN_RUN: usize = 4;

/// Marks as copy errors (quotation marks lost) the passages copied
/// near-verbatim outside quotation marks (and outside block quotations)
/// that a paragraph gives as someone's speech: after a verb of saying and
/// a colon ("In conclusion, he said: I'll conclude close to home"), or
/// keeping the speaker's first or second person in a paragraph with a verb
/// of saying ("Our grant ... has fallen by 18 per cent, she said"; "You
/// will be arrested, Mercer said"). A paragraph of
/// the writer's own that copies a speech whole, with no one said to speak,
/// is left as it is, and so is reported speech ("She said the city had to
/// face hard facts"). A passage reworded around the speaker's words loses
/// their marks where it keeps a run of them whole (see [`kept_person`]).
pub(super) fn mark_unmarked(sec: &Side<'_>, findings: &mut [Finding]) {
    let quotes = sec.quotes();
    let quoted = |t: usize| quotes.iter().any(|q| q.contains(&t));
    for f in findings.iter_mut() {
        if f.source.is_none()
            || f.verdict.in_quotes
            || !matches!(
                f.verdict.kind,
                Kind::Verbatim | Kind::CopyError | Kind::Paraphrase
            )
            || sec
                .a
                .block_quotes
                .iter()
                .any(|b| b.contains(&f.tokens.start))
        {
            continue;
        }
        let paragraph = sec
            .a
            .block_tokens
            .iter()
            .map(|b| b.start as usize..b.end as usize)
            .find(|b| b.contains(&f.tokens.start));
        let Some(p) = paragraph else { continue };
        let saying = |t: usize| {
            !quoted(t) && (is_saying(sec.lexeme(t).hash) || as_put_it(sec, t)) && !copied(f, t)
        };
        let paraphrase = f.verdict.kind == Kind::Paraphrase;
        let kept = kept_person(sec, f, paraphrase, |end| (end..p.end).any(saying));
        if paraphrase && kept.is_empty() {
            continue;
        }
        // "He said: Today's Islamic State is not the force it was": after
        // a verb of saying and a colon, with no quotation mark, the
        // paragraph is the speech.
        let opened = p
            .clone()
            .find(|&t| saying(t) && sec.gap_after(t, &p).contains(':') && !quoted(t + 1))
            .is_some_and(|t| t < f.tokens.end && copied_after(f, t));
        // "As Professor Calder put it today, trust has to be rebuilt":
        // the words after it are given as the speaker's own wording.
        let put = p
            .clone()
            .find(|&t| !quoted(t) && as_put_it(sec, t))
            .is_some_and(|t| t < f.tokens.end && copied_after(f, t + 1));
        let spoken = p.clone().any(saying);
        let why = if opened {
            "given as speech after a colon".to_string()
        } else if put {
            "given as speech after \"as ... put it\"".to_string()
        } else if !kept.is_empty() && spoken {
            let words = kept
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let first = kept
                .iter()
                .any(|w| FIRST_PERSON.contains(&form_hash(&w.to_lowercase())));
            // "Aurelia says you should not go to the airport unless you
            // have a booking": the writer's own address to the reader, in
            // reported speech, not the speaker's words.
            let last_you = f
                .tokens
                .clone()
                .rev()
                .find(|&t| SECOND_PERSON.contains(&sec.lexeme(t).hash) && copied(f, t));
            if !first && last_you.is_some_and(|y| (f.tokens.start..y).any(saying)) {
                continue;
            }
            let person = if first { "first" } else { "second" };
            format!("in the {person} person ({words}), given as speech")
        } else {
            continue;
        };
        f.verdict.kind = Kind::CopyError;
        f.verdict.message = format!(
            "quotation marks lost: the speaker's words, {why}, without them; {}",
            f.verdict.message
        );
        f.verdict
            .edits
            .push(Edit::new("quote", sec.text_of(&f.tokens), String::new()));
    }
}

/// The speaker's first- and second-person words that the diff of `f`
/// keeps, as written. In a passage reworded around them (`paraphrase`),
/// only those of a run copied whole before a verb of saying (`said_after`
/// the run's end): "We will not pay it, Achterberg said, adding that ...";
/// after it, the writer may take the speaker's words into its own sentence
/// ("he said, we will keep working with our partners").
fn kept_person(
    sec: &Side<'_>,
    f: &Finding,
    paraphrase: bool,
    said_after: impl Fn(usize) -> bool,
) -> Vec<String> {
    // (Or a run that opens, on "I" or "we", right after the verb, nothing
    // between them: "Dr Sandhu said I have never been prouder of this
    // organisation"; not "he said, we will keep working", an aside.)
    let said_before = |t: usize| {
        t > 0
            && is_saying(sec.lexeme(t - 1).hash)
            && SUBJECTS.contains(&sec.lexeme(t).hash)
            && sec.gap_after(t - 1, &(t - 1..t + 1)).trim().is_empty()
    };
    let whole = |o: &&crate::align::Op| {
        o.tag == Tag::Equal
            && (!paraphrase
                || (o.sec.len() >= MIN_RUN
                    && (said_after(f.tokens.start + o.sec.end)
                        || said_before(f.tokens.start + o.sec.start))))
    };
    let mut kept: Vec<String> = Vec::new();
    for o in f.ops.iter().filter(whole) {
        for t in f.tokens.start + o.sec.start..f.tokens.start + o.sec.end {
            let h = sec.lexeme(t).hash;
            // ("US" in capitals is the country, not the speaker's "us".)
            let country = sec.text_of(&(t..t + 1)) == "US";
            if (FIRST_PERSON.contains(&h) || SECOND_PERSON.contains(&h)) && !country {
                let w = sec.text_of(&(t..t + 1));
                if !kept.contains(&w) {
                    kept.push(w);
                }
            }
        }
    }
    kept
}

/// Is token `t` the "put" of "as she put it", "as Professor Calder put
/// it today": a verb of saying in all but name.
fn as_put_it(sec: &Side<'_>, t: usize) -> bool {
    static AS_PUT_IT: LazyLock<[u64; 3]> = LazyLock::new(|| ["as", "put", "it"].map(form_hash));
    let [as_, put, it] = *AS_PUT_IT;
    let h = |t: usize| sec.lexeme(t).hash;
    h(t) == put
        && t + 1 < sec.a.tokens.len()
        && h(t + 1) == it
        && (t.saturating_sub(5)..t).any(|u| h(u) == as_)
}

/// Does the diff of `f` match words after secondary token `t`?
fn copied_after(f: &Finding, t: usize) -> bool {
    f.ops
        .iter()
        .any(|o| o.tag == Tag::Equal && f.tokens.start + o.sec.end > t + 1)
}

/// Is secondary token `t` one the diff of `f` matches to the source (the
/// speaker's word, not the writer's)?
fn copied(f: &Finding, t: usize) -> bool {
    f.ops.iter().any(|o| {
        o.tag == Tag::Equal
            && (f.tokens.start + o.sec.start..f.tokens.start + o.sec.end).contains(&t)
    })
}
