//! Transcripts: a primary whose paragraphs open with speaker labels ("Q:",
//! "REPORTER:", "TENNANT:") holds questions as well as answers. Words the
//! writer quotes from a questioner's turn, as the speaker's, are no
//! quotation of the speaker: "Tennant admitted he is “running out of
//! time”" where only the question said so.

use std::ops::Range;

use super::{Finding, Loaded, speakers};
use crate::classify::Kind;
use crate::ingest::Document;
use crate::segment::Analysis;

/// Labels of people who ask, not answer (compared in upper case).
const ASKING: [&str; 11] = [
    "Q",
    "QUESTION",
    "REPORTER",
    "JOURNALIST",
    "INTERVIEWER",
    "MODERATOR",
    "HOST",
    "AUDIENCE",
    "AUDIENCE MEMBER",
    "PRESS",
    "MEDIA",
];

/// Words before a quotation that give it as a question put to the speaker,
/// or as words the speaker turned down.
static ASKED: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    [
        "asked",
        "ask",
        "asking",
        "asks",
        "question",
        "questioned",
        "whether",
        "put",
        "reporter",
        "reporters",
        "journalist",
        "interviewer",
        // The speaker turning the words down: "rejected the suggestion
        // that", "denied that", "was accused of".
        "rejected",
        "rejects",
        "rejecting",
        "denied",
        "denies",
        "denying",
        "dismissed",
        "dismisses",
        "suggestion",
        "accused",
        "accusation",
        "allegation",
        "allegations",
    ]
    .map(crate::normalize::form_hash)
    .to_vec()
});

/// Longest label read, in characters ("AUDIENCE MEMBER", "MR JUSTICE
/// OKONJO").
const LONGEST_LABEL: usize = 40;

/// Longest bracket read after a label, in characters ("(Dan Whitlock,
/// Westmarch Evening Post)").
const LONGEST_BRACKET: usize = 60;

/// The questioners' turns in one primary: token ranges and their labels.
#[derive(Clone, Debug, Default)]
pub struct Turns {
    /// The speaker's label.
    speaker: String,
    others: Vec<(Range<usize>, String)>,
    /// Where two people answer or more (a joint briefing), each one's turns
    /// and label.
    answers: Vec<(Range<usize>, String)>,
    /// The names the primary gives answering speakers labelled by their
    /// role: per label, the forms of the name's words.
    named: Vec<(String, Vec<u64>)>,
}

impl Turns {
    /// The turns of a primary. Empty unless it is a transcript: three
    /// paragraphs or more opened by labels, two different ones at least,
    /// one of them an answering speaker's. A turn runs over the paragraphs
    /// after its label up to the next one, except a questioner's: a
    /// question is its own paragraph, and one without a label after it is
    /// an answer. Only questioners' turns are kept: an interview's or a
    /// joint press conference's answering speakers are all speakers.
    pub fn of(doc: &Document, a: &Analysis) -> Turns {
        let text = doc.file.text.as_str();
        let mut current: Option<String> = None;
        let mut turns: Vec<(Range<usize>, Option<String>, bool)> = Vec::new();
        let mut labelled = 0;
        // Roles and the holders their labels name in brackets.
        let mut holders: Vec<(String, String)> = Vec::new();
        for (block, toks) in doc.blocks.iter().zip(&a.block_tokens) {
            let visible = block.visible_text(text);
            let own = label(&visible);
            if let Some(l) = &own {
                labelled += 1;
                if let Some(n) = bracket_name(&visible)
                    && !holders.iter().any(|(r, _)| r == l)
                {
                    holders.push((l.clone(), n));
                }
                current = own;
            } else if current.as_deref().is_some_and(asks) {
                current = None;
            }
            let r = toks.start as usize..toks.end as usize;
            let question = visible.trim_end().ends_with('?');
            // A questioner's paragraph that does not end on its question
            // holds its answer too ("Q: Will bins change? A: Bins will
            // ..."): it is no question turn.
            if current.as_deref().is_some_and(asks) && !question {
                turns.push((r, None, false));
                continue;
            }
            turns.push((r, current.clone(), question));
        }
        same_speakers(holders, &mut turns);
        // Per label: its words, and how many of its paragraphs ask.
        let mut labels: Vec<(&str, usize, usize, usize)> = Vec::new();
        for (r, l, question) in &turns {
            let Some(l) = l else { continue };
            let i = match labels.iter().position(|x| x.0 == l) {
                Some(i) => i,
                None => {
                    labels.push((l, 0, 0, 0));
                    labels.len() - 1
                }
            };
            labels[i].1 += r.len();
            labels[i].2 += 1;
            labels[i].3 += usize::from(*question);
        }
        // A label is a questioner's by name, or when most of its
        // paragraphs are questions (an interviewer named "KUENSSBERG:").
        let asking = |x: &(&str, usize, usize, usize)| asks(x.0) || 2 * x.3 > x.2;
        let answering = labels.iter().filter(|x| !asking(x)).max_by_key(|x| x.1);
        if labelled < 3 || labels.len() < 2 || answering.is_none() {
            return Turns::default();
        }
        // The speaker: the answering label that names someone, if one
        // does ("GRAHAM DOYLE:" opening a transcript whose answers are
        // "A:").
        let speaker = labels
            .iter()
            .filter(|x| !asking(x) && !answer_only(x.0))
            .max_by_key(|x| x.1)
            .or(answering)
            .map(|x| x.0.to_string())
            .unwrap_or_default();
        let askers: Vec<String> = labels
            .iter()
            .filter(|x| asking(x))
            .map(|x| x.0.to_string())
            .collect();
        // ("A:" names no one: it is the answer of whoever answers, no
        // second answering speaker.)
        let answerers = labels
            .iter()
            .filter(|x| !asking(x) && !answer_only(x.0))
            .count();
        let roles: Vec<&str> = labels.iter().filter(|x| !asking(x)).map(|x| x.0).collect();
        let named = role_names(doc, &roles);
        let labelled: Vec<(Range<usize>, String)> = turns
            .into_iter()
            .filter_map(|(r, l, _)| Some((r, l?)))
            .collect();
        let (others, answers): (Vec<_>, Vec<_>) =
            labelled.into_iter().partition(|(_, l)| askers.contains(l));
        Turns {
            speaker,
            others,
            answers: if answerers >= 2 { answers } else { Vec::new() },
            named,
        }
    }

    /// The label of the other person's turn that holds most of source
    /// token range `r`, if one does.
    fn other_at(&self, r: &Range<usize>) -> Option<&str> {
        self.others
            .iter()
            .find(|(t, _)| 2 * (r.end.min(t.end).saturating_sub(r.start.max(t.start))) > r.len())
            .map(|(_, l)| l.as_str())
    }
}

/// The label of the answering turn that holds most of source token range
/// `r`, where two people answer or more.
fn answer_at<'a>(answers: &'a [(Range<usize>, String)], r: &Range<usize>) -> Option<&'a str> {
    answers
        .iter()
        .find(|(t, _)| 2 * (r.end.min(t.end).saturating_sub(r.start.max(t.start))) > r.len())
        .map(|(_, l)| l.as_str())
}

/// Paragraphs at the top of a transcript read for who its speakers are
/// ("Present: Professor Helen Strachan, Vice-Chancellor; ...").
const HEADER_BLOCKS: usize = 6;

/// The names that the primary's title or its opening paragraphs give the
/// speakers its labels name by role: "VICE-CHANCELLOR:" with "the
/// Vice-Chancellor, Professor Helen Strachan" or "Professor Helen Strachan,
/// Vice-Chancellor"; "CHIEF FINANCIAL OFFICER:" with "Chief Financial
/// Officer David Prentiss". Per label, the forms of the name's words.
fn role_names(doc: &Document, labels: &[&str]) -> Vec<(String, Vec<u64>)> {
    let text = doc.file.text.as_str();
    let header: String = std::iter::once(doc.title.clone().unwrap_or_default())
        .chain(
            doc.blocks
                .iter()
                .take(HEADER_BLOCKS)
                .map(|b| b.visible_text(text)),
        )
        .collect::<Vec<_>>()
        .join("\n");
    let lower = header.to_ascii_lowercase();
    labels
        .iter()
        .filter_map(|label| {
            let role = label.to_ascii_lowercase();
            if role.len() < 3 {
                return None;
            }
            // (Not another speaker's label: "Speakers: Gordon Halloran,
            // Nathan Obi-Crane" names two people, not one by the other.)
            let name = lower
                .match_indices(&role)
                .find_map(|(i, _)| {
                    name_after(&header[i + role.len()..]).or_else(|| name_before(&header[..i]))
                })
                .filter(|n| !labels.iter().any(|l| l.eq_ignore_ascii_case(n)))?;
            let forms: Vec<u64> = crate::normalize::lex_str(&name)
                .iter()
                .filter(|l| l.is_token())
                .map(|l| l.hash)
                .chain(
                    name.split_whitespace()
                        .map(|w| crate::normalize::form_hash(&w.to_lowercase())),
                )
                .collect();
            Some((label.to_string(), forms))
        })
        .collect()
}

/// Titles before a name, not part of it.
const HONORIFICS: [&str; 9] = [
    "Professor",
    "Prof",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Sir",
    "Dame",
];

/// The capitalized words of a name: at least two, honorifics out.
fn name_of_words<'t>(words: impl Iterator<Item = &'t str>) -> Option<String> {
    let name: Vec<&str> = words
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .filter(|w| !HONORIFICS.contains(w))
        .collect();
    (name.len() >= 2).then(|| name.join(" "))
}

/// The name right after a role ("Vice-Chancellor, Professor Helen
/// Strachan, on ..."; "Officer David Prentiss"), on its line: capitalized
/// words up to the first that is not one, or ends on a comma or a
/// semicolon.
fn name_after(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([',', ' ']);
    let line = rest.lines().next().unwrap_or("");
    let mut words = Vec::new();
    for w in line.split_whitespace() {
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        words.push(w);
        if w.ends_with([',', ';', '.', ':', ')']) {
            break;
        }
    }
    name_of_words(words.into_iter())
}

/// The name right before a role set off by a comma, on its line
/// ("Professor Helen Strachan, Vice-Chancellor").
fn name_before(before: &str) -> Option<String> {
    let before = before.trim_end().strip_suffix(',')?;
    let line = before.lines().last().unwrap_or("");
    let mut words: Vec<&str> = line
        .split_whitespace()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase) && !w.ends_with([',', ';', ':', '.']))
        .collect();
    words.reverse();
    name_of_words(words.into_iter())
}

/// Does `label` hold the word `name` (a name's last word, as
/// [`speakers::named_in_sentence`] gives it)? "DR CALLUM FAIRBAIRN" holds
/// "Fairbairn"; "DR RUTH AMANKWAH-LOWE" holds "Amankwah-Lowe".
fn label_names(label: &str, name: u64) -> bool {
    let lower = label.to_lowercase();
    let whole = lower.split_whitespace().map(crate::normalize::form_hash);
    let parts = crate::normalize::lex_str(&lower);
    whole
        .chain(parts.iter().filter(|l| l.is_token()).map(|l| l.hash))
        .any(|h| h == name)
}

/// The forms of a label's last word, whole and in its parts ("DR RUTH
/// AMANKWAH-LOWE": "amankwah-lowe", "amankwah", "lowe").
fn surname_of(label: &str) -> Vec<u64> {
    let last = label.split_whitespace().last().unwrap_or("").to_lowercase();
    let parts = crate::normalize::lex_str(&last);
    std::iter::once(crate::normalize::form_hash(&last))
        .chain(parts.iter().filter(|l| l.is_token()).map(|l| l.hash))
        .collect()
}

/// Quoted words of one answering speaker of a joint briefing that the
/// writer gives by name to another of its answering speakers ("“That is not
/// a question for me,” Dr Amankwah-Lowe said" for words in Dr Fairbairn's
/// turn) become misquotes.
pub(super) fn mark_other_answerer(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    turns: &[Turns],
    findings: &mut [Finding],
) {
    let sec = super::side(loaded, doc);
    for f in findings.iter_mut() {
        let Some((src_doc, _)) = &f.source else {
            continue;
        };
        let Some(p) = primaries.iter().position(|d| d == src_doc) else {
            continue;
        };
        let answers = &turns[p].answers;
        if answers.is_empty() || !super::relayed::quoted_claim(f) {
            continue;
        }
        // A label names its speaker, or the primary names the role it is.
        let named = |label: &str, name: u64| {
            label_names(label, name)
                || turns[p]
                    .named
                    .iter()
                    .any(|(l, forms)| l == label && forms.contains(&name))
        };
        let quotes = super::relayed::quotes_of(&sec, f);
        let wrong = quotes.iter().find_map(|q| {
            let theirs = answer_at(answers, &f.matched_source(q)?).filter(|l| !answer_only(l))?;
            let given = speakers::named_in_sentence(&sec, q)?;
            let other = answers
                .iter()
                .map(|(_, l)| l.as_str())
                .find(|l| *l != theirs && named(l, given.0))?;
            // (Not where the writer names the one who said them too.)
            let mut surname = surname_of(theirs);
            if let Some((_, forms)) = turns[p].named.iter().find(|(l, _)| l == theirs) {
                surname.extend(forms);
            }
            let credited = crate::classify::sentence_of(&sec, q.start).is_some_and(|s| {
                s.clone().any(|t| {
                    !sec.quotes().iter().any(|r| r.contains(&t))
                        && surname.contains(&speakers::word(&sec, t))
                })
            });
            (!named(theirs, given.0) && !credited).then(|| (theirs.to_string(), other.to_string()))
        });
        if let Some((theirs, other)) = wrong {
            f.verdict.kind = Kind::Misquote;
            f.verdict.message = format!(
                "the quoted words are not the speaker's: the source gives them to “{theirs}:”, the writer to “{other}:”"
            );
        }
    }
}

/// Is this the label of someone who asks?
fn asks(label: &str) -> bool {
    ASKING.contains(&label)
}

/// Is this a label that marks an answer without naming who gives it?
fn answer_only(label: &str) -> bool {
    matches!(label, "A" | "ANSWER")
}

/// Titles that make "The ...:" a speaker's label in a parliamentary or
/// hearing record ("The Minister for the Environment:", "The Speaker:").
const ROLES: [&str; 16] = [
    "Minister",
    "Speaker",
    "Deputy",
    "Prime",
    "Secretary",
    "Chair",
    "Chairman",
    "Chairwoman",
    "President",
    "Mayor",
    "Governor",
    "Commissioner",
    "Chancellor",
    "Leader",
    "Attorney",
    "Solicitor",
];

/// Text before a label's colon less the brackets at its end.
fn unbracketed(label: &str) -> &str {
    let mut name = label.trim_end();
    while let Some(before) = name
        .strip_suffix(')')
        .and_then(|n| n.rfind('(').map(|i| n[..i].trim_end()))
        .filter(|b| !b.is_empty())
    {
        name = before;
    }
    name
}

/// The person a role's label names in brackets ("The Minister for the
/// Environment (Mr Hugh Tallis):"), in upper case.
fn bracket_name(paragraph: &str) -> Option<String> {
    let p = paragraph.trim_start();
    let head = &p[..p.find(':')?];
    let inner = head.trim_end().strip_suffix(')')?;
    let inner = &inner[inner.rfind('(')? + 1..];
    let words: Vec<&str> = inner.split_whitespace().collect();
    if !head.starts_with("The ")
        || words.len() > 5
        || !words.iter().all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    name_of_words(words.into_iter()).map(|n| n.to_uppercase())
}

/// One speaker under one label: a role's label that names its holder in
/// brackets (`named`: role and holder) becomes the name ("THE MINISTER FOR
/// THE ENVIRONMENT" with "(Mr Hugh Tallis)" is "HUGH TALLIS"), and so does
/// the role's short form ("THE MINISTER") where no other role begins so.
fn same_speakers(
    mut named: Vec<(String, String)>,
    turns: &mut [(Range<usize>, Option<String>, bool)],
) {
    let labels: Vec<String> = turns.iter().filter_map(|t| t.1.clone()).collect();
    for l in labels.iter().filter(|l| l.contains(' ')) {
        let longer: Vec<&(String, String)> = named
            .iter()
            .filter(|(r, _)| {
                r.len() > l.len() && r.starts_with(l.as_str()) && r[l.len()..].starts_with(' ')
            })
            .collect();
        if let [(_, n)] = longer[..]
            && !named.iter().any(|(r, _)| r == l)
        {
            named.push((l.clone(), n.clone()));
        }
    }
    for t in turns.iter_mut() {
        if let Some((_, n)) = named.iter().find(|(r, _)| Some(r) == t.1.as_ref()) {
            t.1 = Some(n.clone());
        }
    }
}

/// The speaker label a paragraph opens with, in upper case: "Q:", "Q.",
/// "A:", words in capitals before a colon ("REPORTER:", "MR TENNANT:") or
/// a name in capitalized words ("Governor Marsh:", see [`names`]),
/// followed by a sentence (not a heading in capitals: "PART ONE: THE
/// ECONOMY").
fn label(paragraph: &str) -> Option<String> {
    let p = paragraph.trim_start();
    if let Some(rest) = p.strip_prefix(['Q', 'A'])
        && rest.starts_with([':', '.'])
        && rest[1..].starts_with(char::is_whitespace)
    {
        return Some(p[..1].to_string());
    }
    let colon = p
        .char_indices()
        .take(LONGEST_LABEL + LONGEST_BRACKET)
        .find(|c| c.1 == ':')?
        .0;
    // Who the questioner is, in brackets after the label ("REPORTER (Dan
    // Whitlock, Westmarch Evening Post):"), is not the label, nor are a
    // member's seat and party ("Gareth Moyle (Leeds Kirkstall) (Lab):").
    let name = unbracketed(&p[..colon]);
    if name.chars().count() > LONGEST_LABEL {
        return None;
    }
    if !p[colon..].chars().any(char::is_lowercase) {
        return None;
    }
    let capitals = name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    let titled = ASKING
        .iter()
        .any(|a| a.len() > 1 && name.eq_ignore_ascii_case(a));
    (capitals || titled || names(name)).then(|| name.to_uppercase())
}

/// A name, with a role or an outlet after a comma, in capitalized words
/// ("Governor Marsh", "Anita Desai, Financial Courier"): two capitalized
/// words at least (one before a colon is as often a heading's
/// "Background:" or a sentence's "Quite so:"), six words at most, each
/// capitalized or a function word, the first not ("The Challenge:" is a
/// heading).
fn names(name: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let capitalized = |w: &&&str| w.starts_with(char::is_uppercase);
    // ("The Challenge:", "Our Plan:" are a speech's headings.)
    let function = |w: &str| {
        crate::normalize::is_function_word(crate::normalize::form_hash(&w.to_lowercase()))
    };
    // ("The Minister:", "The Speaker:" are a parliamentary record's.)
    let role = words.first() == Some(&"The") && words.get(1).is_some_and(|w| ROLES.contains(w));
    let article = words.first().is_some_and(|w| function(w)) && !role;
    !article
        && words.len() <= if role { 8 } else { 6 }
        && words.iter().filter(capitalized).count() >= 2
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || function(w))
}

/// Quoted words the writer gives to the speaker that the source gives to
/// someone else (`turns[p]`: of primary `primaries[p]`) become misquotes.
/// A quotation the writer gives to someone else (the reporter who asked)
/// is left as it is.
pub(super) fn mark_other_speakers(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    turns: &[Turns],
    findings: &mut [Finding],
) {
    let sec = super::side(loaded, doc);
    let other_turn = |f: &Finding| -> Option<(usize, &str)> {
        let (src_doc, r) = f.source.as_ref()?;
        let p = primaries.iter().position(|d| d == src_doc)?;
        Some((p, turns[p].other_at(r)?))
    };
    // The questioner's turn that a quotation inside a passage is matched
    // to, when the passage runs on from the question into the answer.
    let quoted_turn = |f: &Finding| -> Option<(usize, &str)> {
        let (src_doc, _) = f.source.as_ref()?;
        let p = primaries.iter().position(|d| d == src_doc)?;
        sec.quotes()
            .iter()
            .filter(|q| q.start < f.tokens.end && f.tokens.start < q.end)
            .find_map(|q| turns[p].other_at(&f.matched_source(q)?))
            .map(|label| (p, label))
    };
    for k in 0..findings.len() {
        let f = &findings[k];
        if !f.verdict.in_quotes || f.verdict.kind == Kind::Unsupported {
            continue;
        }
        let Some((p, label)) = other_turn(f).or_else(|| quoted_turn(f)) else {
            continue;
        };
        // Who the writer names as the speaker: the primary's title and
        // speaker label, and the subjects of the sentences traced to the
        // speaker's own words.
        let traced: Vec<Range<usize>> = findings
            .iter()
            .filter(|g| g.source.as_ref().is_some_and(|s| s.0 == primaries[p]))
            .filter(|g| other_turn(g).is_none())
            .filter_map(Finding::matched_span)
            .collect();
        let title = format!(
            "{} {}",
            loaded.docs[primaries[p]].0.title.as_deref().unwrap_or(""),
            turns[p].speaker
        );
        let speaker = speakers::Speaker::new(&sec, Some(&title), &traced);
        let quotes: Vec<&Range<usize>> = sec
            .quotes()
            .iter()
            .filter(|q| q.start < f.tokens.end && f.tokens.start < q.end)
            .collect();
        let given_to_another = quotes
            .iter()
            .any(|q| speakers::other(&sec, q, || &speaker).is_some());
        // "Asked whether he was “running out of time”, Tennant said": the
        // writer gives the words as the question they were.
        // So does a negation right before the quotation: "was not
        // “completely dead in the water”" turns the question's words down.
        // Not where a verb of saying after the question gives the words
        // that the source's question holds to the speaker: "Asked about
        // the rival boss, Bellandi joked that Ashbury had been “a team
        // without an identity”".
        let asked = quotes.first().is_some_and(|q| {
            let h = |t: usize| sec.lexeme(t).hash;
            let answered = |t: usize| {
                (t + 1..q.start).any(|u| crate::classify::is_saying(h(u)) && !ASKED.contains(&h(u)))
            };
            let theirs = quoted_turn(f).is_some();
            (f.tokens.start..q.start).any(|t| ASKED.contains(&h(t)) && !(theirs && answered(t)))
                || (q.start.saturating_sub(2)..q.start).any(|t| crate::classify::is_negation(h(t)))
        });
        // "MPs heard" the programme was "run on hope rather than evidence":
        // words the questioner quotes from someone else are not theirs to
        // be misquoted from, unless the writer gives them to the speaker.
        let src = super::side(loaded, primaries[p]);
        let quoted_by_questioner = quotes.iter().any(|q| {
            f.matched_source(q).is_some_and(|m| {
                src.quotes()
                    .iter()
                    .any(|s| s.start <= m.start && m.end <= s.end)
            })
        });
        let to_speaker = || {
            quotes
                .iter()
                .any(|q| speakers::given_to_speaker(&sec, q, &speaker))
        };
        if given_to_another || asked || (quoted_by_questioner && !to_speaker()) {
            continue;
        }
        let label = label.to_string();
        let f = &mut findings[k];
        f.verdict.kind = Kind::Misquote;
        f.verdict.message = format!(
            "the quoted words are not the speaker's: the source gives them to “{label}:”, a question put to the speaker"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{bracket_name, label, name_after, name_before};

    #[test]
    fn a_role_is_named_after_or_before_it_on_its_line() {
        let after = |s: &str| name_after(s);
        assert_eq!(
            after(", Professor Helen Strachan, on the plan").as_deref(),
            Some("Helen Strachan")
        );
        assert_eq!(after(" David Prentiss").as_deref(), Some("David Prentiss"));
        // Not across a line, nor a single word, nor words in lower case.
        assert_eq!(after(" David\nUNIVERSITY OF NORTHMOOR"), None);
        assert_eq!(after(", first-team manager"), None);
        assert_eq!(
            name_before("Present: Professor Helen Strachan, ").as_deref(),
            Some("Helen Strachan")
        );
        assert_eq!(name_before("Chaired by the head of media "), None);
    }

    #[test]
    fn a_role_names_its_holder_in_brackets() {
        assert_eq!(
            bracket_name("The Minister for the Environment (Mr Hugh Tallis): With").as_deref(),
            Some("HUGH TALLIS")
        );
        // A member's seat and party, a questioner's outlet: no role's holder.
        assert_eq!(bracket_name("Gareth Moyle (Leeds Kirkstall): Will"), None);
        assert_eq!(bracket_name("REPORTER (Dan Whitlock): And?"), None);
    }

    #[test]
    fn labels_are_capitals_or_roles_before_a_colon() {
        let read = |p: &str| label(p);
        assert_eq!(read("Q: Are you worried?").as_deref(), Some("Q"));
        assert_eq!(read("Q. Are you worried?").as_deref(), Some("Q"));
        assert_eq!(read("A: No.").as_deref(), Some("A"));
        assert_eq!(read("TENNANT: No.").as_deref(), Some("TENNANT"));
        assert_eq!(
            read("MR JUSTICE OKONJO: I find").as_deref(),
            Some("MR JUSTICE OKONJO")
        );
        assert_eq!(
            read("Reporter: And the budget?").as_deref(),
            Some("REPORTER")
        );
        assert_eq!(
            read("Anita Desai, Financial Courier: Can you rule it out?").as_deref(),
            Some("ANITA DESAI, FINANCIAL COURIER")
        );
        assert_eq!(
            read("Governor Marsh: I can't.").as_deref(),
            Some("GOVERNOR MARSH")
        );
        // Not labels: a sentence with a colon, a word starting with A or Q,
        // a heading in capitals without one.
        assert_eq!(read("He said: no."), None);
        assert_eq!(read("Quite so: it was."), None);
        assert_eq!(read("A plan: three parts."), None);
        assert_eq!(read("Background: the plan was"), None);
        assert_eq!(read("The Challenge: how do we pay?"), None);
        assert_eq!(
            read("The Plan of the Seven Wise Men Who Ruled: it was"),
            None
        );
        assert_eq!(
            read("REPORTER (Dan Whitlock, Westmarch Evening Post): And the gangs?").as_deref(),
            Some("REPORTER")
        );
        assert_eq!(read("POST-MATCH PRESS CONFERENCE"), None);
        // A parliamentary record's roles and members.
        assert_eq!(read("The Speaker: Order.").as_deref(), Some("THE SPEAKER"));
        assert_eq!(
            read("The Minister for the Environment (Mr Hugh Tallis): With permission").as_deref(),
            Some("THE MINISTER FOR THE ENVIRONMENT")
        );
        assert_eq!(
            read("Gareth Moyle (Leeds Kirkstall) (Lab): Will she give way?").as_deref(),
            Some("GARETH MOYLE")
        );
        assert_eq!(
            read("NOTE TO EDITORS WHO READ THIS LONG HEADING IN FULL: x"),
            None
        );
    }
}
