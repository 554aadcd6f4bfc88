//! Words a speaker relays from someone else ("Shona said to me last week,
//! “I've given this team everything I had”"): they are that person's, not
//! the speaker's. A writer who quotes them as the speaker's own misquotes
//! the speech, however exactly the words are copied.

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
        if !f.verdict.in_quotes || matches!(f.verdict.kind, Kind::Misquote | Kind::Unsupported) {
            continue;
        }
        let src = side(loaded, src_doc);
        let quotes: Vec<Range<usize>> = sec
            .quotes()
            .iter()
            .filter(|q| q.start < f.tokens.end && f.tokens.start < q.end)
            .cloned()
            .collect();
        for q in quotes {
            let Some(matched) = f.matched_source(&q) else {
                continue;
            };
            // The source's quotation holding the words, and whom it names.
            let Some(inner) = src
                .quotes()
                .iter()
                .find(|s| s.start <= matched.start && matched.end <= s.end)
                .cloned()
            else {
                continue;
            };
            let Some(relayed) = speakers::name_of(&src, &inner) else {
                continue;
            };
            let speakers = speakers.get_or_insert_with(|| Speakers::of(loaded, primaries));
            // (The speaker quoting their own words, or a statement quoting
            // its own spokesman, is no relay: a relay is told in the first
            // person, "Shona said to me".)
            if speakers.names(relayed)
                || FIRST.contains(&relayed.0)
                || !told_to_speaker(&src, &inner)
            {
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
            let who = src.text_of(&name_range(&src, &inner, relayed.0).unwrap_or(inner.clone()));
            f.verdict.kind = Kind::Misquote;
            f.verdict.message = format!(
                "words the source gives to {who:?}, which its speaker relays, given to {given}"
            );
            break;
        }
    }
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
