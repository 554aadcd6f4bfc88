//! Words a speaker relays from someone else ("Shona said to me last week,
//! “I've given this team everything I had”"): they are that person's, not
//! the speaker's. A writer who quotes them as the speaker's own misquotes
//! the speech, however exactly the words are copied. So does a writer who
//! gives the words of one person the primary quotes by name to another it
//! quotes ("…," Dr Westbury said; "…," Professor Ramanathan added).

use std::ops::Range;
use std::sync::LazyLock;

use super::judge::Speakers;
use super::{Finding, Loaded, side, speakers};
use crate::classify::{Kind, Side, sentence_of};

/// Marks as misquotes the quotations of `findings` (a document's) whose
/// source words stand inside a quotation the primary gives to someone
/// named in it (in the first person: "Shona said to me"), other than its
/// speaker, when the writer gives them to the speaker by a name or a
/// description of theirs.
pub(super) fn mark_relayed(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    findings: &mut [Finding],
) {
    let sec = side(loaded, doc);
    let mut speakers: Option<Speakers> = None;
    for f in findings.iter_mut() {
        let Some((src_doc, _)) = f.source.clone() else {
            continue;
        };
        if !quoted_claim(f) {
            continue;
        }
        let src = side(loaded, src_doc);
        let quotes = quotes_of(&sec, f);
        for q in quotes {
            let Some(matched) = f.matched_source(&q) else {
                continue;
            };
            // The source's quotation holding the words, and whom it names.
            let Some(inner) = quotation_holding(&src, &matched) else {
                continue;
            };
            let speakers = speakers.get_or_insert_with(|| Speakers::of(loaded, primaries));
            // Words the speaker quotes from the person addressed ("you
            // wrote: “…”") are that person's.
            let addressed = speakers::addressed(&src, &inner);
            let relayed = speakers::name_of(&src, &inner);
            // (The speaker quoting their own words, or a statement quoting
            // its own spokesman, is no relay: a relay is told in the first
            // person, "Shona said to me".)
            let named_other = relayed.is_some_and(|r| {
                !speakers.names(r) && !FIRST.contains(&r.0) && told_to_speaker(&src, &inner)
            });
            if !addressed && !named_other {
                continue;
            }
            // (Given to the person addressed, by a name the speaker calls
            // them by, they are theirs: "Vosper wrote".)
            if addressed
                && speakers::name_of(&sec, &q)
                    .is_some_and(|n| speakers::addressee_names(&src).contains(&n.0))
            {
                continue;
            }
            // (A writer who says the speaker quoted or read them out gives
            // them as someone else's: "The judge quoted the defendant's
            // texts".)
            if relays(&sec, &q) {
                continue;
            }
            // The writer gives them to the speaker, by name or description.
            let title = loaded.docs[src_doc].0.title.as_deref();
            if !speakers::given_to_speaker(&sec, &q, &speakers::Speaker::new(&sec, title, &[])) {
                continue;
            }
            let given = speakers.given(&sec, &q).map_or_else(
                || "the speaker".to_string(),
                |t| format!("the speaker ({t})"),
            );
            let who = match relayed.filter(|_| named_other) {
                Some(r) => {
                    let name = src.text_of(&name_range(&src, &inner, r.0).unwrap_or(inner.clone()));
                    format!("{name:?}")
                }
                None => "the person it addresses (\"you\")".to_string(),
            };
            f.verdict.kind = Kind::Misquote;
            f.verdict.message = format!(
                "words the source gives to {who}, which its speaker relays, given to {given}"
            );
            break;
        }
    }
}

/// Marks as misquotes the quotations of `findings` (a document's) whose
/// source words stand inside a quotation the primary gives by name to one
/// person, when the writer gives them by name to another person the
/// primary quotes. Both must be named in the quotation's own sentence (or
/// the one it runs on into): a pronoun is not read as anyone here.
pub(super) fn mark_misattributed(loaded: &Loaded, doc: usize, findings: &mut [Finding]) {
    let sec = side(loaded, doc);
    for f in findings.iter_mut() {
        let Some((src_doc, _)) = f.source.clone() else {
            continue;
        };
        if !quoted_claim(f) {
            continue;
        }
        let src = side(loaded, src_doc);
        let quotes = quotes_of(&sec, f);
        for q in quotes {
            let Some(inner) = f
                .matched_source(&q)
                .and_then(|m| quotation_holding(&src, &m))
            else {
                continue;
            };
            let (Some(theirs), Some(given)) = (
                speakers::named_in_sentence(&src, &inner),
                speakers::named_in_sentence(&sec, &q),
            ) else {
                continue;
            };
            if theirs.0 == given.0
                || !quotes_someone_named(&src, given.0)
                || names_in_sentence(&sec, &q, theirs.0)
                || speakers::subject_names(&src, &inner, given.0)
            {
                continue;
            }
            let name = |side: &Side<'_>, r: &Range<usize>, n: u64| {
                side.text_of(&name_range(side, r, n).unwrap_or(r.clone()))
            };
            f.verdict.kind = Kind::Misquote;
            f.verdict.message = format!(
                "words the source gives to {:?}, given to {:?}, whom it also quotes",
                name(&src, &inner, theirs.0),
                name(&sec, &q, given.0)
            );
            break;
        }
    }
}

/// The source's quotation holding source tokens `m`, if one does.
fn quotation_holding(src: &Side<'_>, m: &Range<usize>) -> Option<Range<usize>> {
    src.quotes()
        .iter()
        .find(|s| s.start <= m.start && m.end <= s.end)
        .cloned()
}

/// Does the source give a quotation of its own to someone named `name`
/// (the last word of their name)?
fn quotes_someone_named(src: &Side<'_>, name: u64) -> bool {
    src.quotes()
        .iter()
        .any(|q| speakers::named_in_sentence(src, q).is_some_and(|n| n.0 == name))
}

/// The quotations of the secondary that overlap finding `f`.
pub(super) fn quotes_of(sec: &Side<'_>, f: &Finding) -> Vec<Range<usize>> {
    sec.quotes()
        .iter()
        .filter(|q| q.start < f.tokens.end && f.tokens.start < q.end)
        .cloned()
        .collect()
}

/// Does finding `f` hold quoted words still taken as the speaker's (not a
/// misquote or unsupported already)?
pub(super) fn quoted_claim(f: &Finding) -> bool {
    f.verdict.in_quotes && !matches!(f.verdict.kind, Kind::Misquote | Kind::Unsupported)
}

/// Does the sentence of quotation `q` say, outside quotation marks, that
/// the words are quoted, read out or cited ("quoted the defendant's texts",
/// "read from a letter")?
fn relays(sec: &Side<'_>, q: &Range<usize>) -> bool {
    static RELAYING: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "quoted quoting quotes quote read reads reading cited cites citing recalled \
         recalling recounted"
            .split_whitespace()
            .map(crate::normalize::form_hash)
            .collect()
    });
    let Some(sentence) = sentence_of(sec, q.start) else {
        return false;
    };
    let quotes = sec.quotes();
    sentence
        .clone()
        .any(|t| !quotes.iter().any(|r| r.contains(&t)) && RELAYING.contains(&sec.lexeme(t).hash))
}

/// Does the sentence of quotation `q` name, outside quotation marks, the
/// person whose last name is `name` ("Asked about Dr Westbury's view that
/// “…”, Professor Hale said": the writer credits Westbury)?
pub(super) fn names_in_sentence(sec: &Side<'_>, q: &Range<usize>, name: u64) -> bool {
    let Some(sentence) = sentence_of(sec, q.start) else {
        return false;
    };
    let quotes = sec.quotes();
    sentence
        .clone()
        .any(|t| !quotes.iter().any(|r| r.contains(&t)) && speakers::word(sec, t) == name)
}

/// First-person words.
static FIRST: LazyLock<Vec<u64>> = LazyLock::new(|| {
    "i me my we us our"
        .split_whitespace()
        .map(crate::normalize::form_hash)
        .collect()
});

/// Is quotation `q` of the source told in the first person, outside its
/// marks, in its sentence ("Shona said to me", "told me something I have
/// not forgotten")?
fn told_to_speaker(src: &Side<'_>, q: &Range<usize>) -> bool {
    let Some(sentence) = sentence_of(src, q.start) else {
        return false;
    };
    (sentence.start..q.start).any(|t| FIRST.contains(&src.lexeme(t).hash))
}

/// Where the source names the person it gives quotation `q` to: the token
/// holding the name's last word, in the sentences around the quotation.
fn name_range(src: &Side<'_>, q: &Range<usize>, name: u64) -> Option<Range<usize>> {
    let first = sentence_of(src, q.start)?;
    let last = sentence_of(src, q.end.max(q.start + 1) - 1).unwrap_or(first.clone());
    (first.start..last.end)
        .find(|&t| speakers::word(src, t) == name)
        .map(|t| t..t + 1)
}
