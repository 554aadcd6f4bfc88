//! Who a quotation is attributed to. Coverage of a speech also quotes other
//! people (an opposition spokesman, critics, a minister): a quotation found
//! in no source is a misquote of the speaker only when the writer gives it
//! to the speaker, or does not say who said it. Read from the writer's words
//! around the quotation: the subject of the nearest verb of saying ("Labour's
//! home affairs spokesman said", "said the minister", "according to
//! critics"), with a pronoun standing for the last speaker named before it.
//! The speaker of the source is known by the words of its title and of the
//! subjects the writer gives to what the source does say. A subject with a
//! name in it ("Shadow chancellor Jeremy Hunt") is told by the name's last
//! word, not by the title it shares with the speaker.

use std::ops::Range;
use std::sync::LazyLock;

use crate::classify::{Side, sentence_of};
use crate::normalize::lex_str;

/// Words the writer's subjects use for the speaker of the source.
pub(super) struct Speaker {
    words: Vec<u64>,
}

/// Who the writer says spoke: a pronoun, or a name or description (its
/// content words, the last word of a name in it if any, and its token
/// range).
enum Subject {
    /// A pronoun, and the sex it names if it names one ("he", "she").
    Pronoun(Option<Sex>),
    Named {
        words: Vec<u64>,
        name: Option<u64>,
        range: Range<usize>,
        /// The sex a title in it names ("Mr", "Ms"), if any.
        sex: Option<Sex>,
        /// Its verb (for a person opening a sentence, the word after the
        /// name).
        verb: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sex {
    Female,
    Male,
}

/// Sentences looked back over to find whom a pronoun stands for.
const LOOK_BACK: usize = 4;

/// Longest subject read, in words ("Yvette Cooper, the Labour home
/// affairs spokesman"); a longer stretch is a clause, not a subject.
const MAX_SUBJECT: usize = 10;

impl Speaker {
    /// The speaker of a source, from its title (if the manifest gives one)
    /// and from the subjects of the secondary's sentences that hold words
    /// traced to the source (`traced`, token ranges).
    pub(super) fn new(sec: &Side<'_>, title: Option<&str>, traced: &[Range<usize>]) -> Speaker {
        let mut words: Vec<u64> = title
            .map(|t| {
                lex_str(&possessive_stripped(t))
                    .iter()
                    .filter(|l| l.is_token() && !FUNCTION.has(l.hash))
                    .map(|l| l.hash)
                    .collect()
            })
            .unwrap_or_default();
        // (Only subjects named in the traced sentence itself: a pronoun
        // may stand for someone else named before. And not one whose own
        // clause holds the traced words, "Kingsbridge manager Stefan Holm,
        // whose side have now won five in a row, praised ...": they are
        // the writer's words about that person, not that person's.)
        for r in traced {
            if let Some(Subject::Named {
                words: w,
                range,
                verb,
                ..
            }) = quote_subject(sec, r, false)
                && !(range.end <= r.start && r.start < verb)
            {
                words.extend(w);
            }
        }
        words.sort_unstable();
        words.dedup();
        Speaker { words }
    }

    fn knows(&self, h: u64) -> bool {
        self.words.binary_search(&h).is_ok()
    }

    /// Does a description without a name (its content words, in order)
    /// stand for the speaker: by its head where that is a role ("the
    /// minister"), else by any word of it?
    fn described(&self, words: &[u64]) -> bool {
        match words.last() {
            Some(&head) if ROLES.has(head) => self.knows(head),
            _ => words.iter().any(|&h| self.knows(h)),
        }
    }
}

/// The words the writer gives quotation `q` to, when that is someone other
/// than the speaker of the source; `speaker` is asked only then (it is the
/// costlier half).
pub(super) fn other<'s>(
    sec: &Side<'_>,
    q: &Range<usize>,
    speaker: impl FnOnce() -> &'s Speaker,
) -> Option<String> {
    let Subject::Named {
        words, name, range, ..
    } = quote_subject(sec, q, true)?
    else {
        return None;
    };
    let speaker = speaker();
    if speaker.words.is_empty() {
        // Nothing says how the writer names the speaker.
        return None;
    }
    let theirs = match name {
        Some(name) => !speaker.knows(name),
        None => !speaker.described(&words),
    };
    theirs.then(|| sec.text_of(&range))
}

/// Does the writer give quotation `q` to the speaker, by a name or a
/// description of theirs ("Drummond-Pryce said", "the mayor said"), not by
/// a pronoun?
pub(super) fn given_to_speaker(sec: &Side<'_>, q: &Range<usize>, speaker: &Speaker) -> bool {
    let Some(Subject::Named { words, name, .. }) = quote_subject(sec, q, false) else {
        return false;
    };
    match name {
        Some(name) => speaker.knows(name),
        None => speaker.described(&words),
    }
}

/// Does the text give quotation `q` to the person it addresses ("On 19
/// June you wrote: “…”", "you told him, “…”")? A speaker quoting "you"
/// quotes someone else.
pub(super) fn addressed(side: &Side<'_>, q: &Range<usize>) -> bool {
    static YOU: Words = Words::new(|| forms("you"));
    let Some(sentence) = sentence_of(side, q.start) else {
        return false;
    };
    let quotes = quotes_in(side, &sentence);
    let verb = (sentence.start..q.start)
        .rev()
        .filter(|&t| !quotes.iter().any(|r| r.contains(&t)))
        .find(|&t| ATTRIBUTING.has(side.lexeme(t).hash));
    verb.is_some_and(|v| v > sentence.start && YOU.has(side.lexeme(v - 1).hash))
}

/// The names of the people the text addresses ("Lee Vosper, you may remain
/// seated": "Vosper"), by their last words.
pub(super) fn addressee_names(side: &Side<'_>) -> Vec<u64> {
    static YOU: Words = Words::new(|| forms("you"));
    let all = 0..side.a.tokens.len();
    (1..all.end)
        .filter(|&t| YOU.has(side.lexeme(t).hash) && side.lexeme(t - 1).cap)
        .filter(|&t| side.gap_after(t - 1, &all).contains(','))
        .map(|t| word(side, t - 1))
        .collect()
}

/// The name the writer gives quotation `q` to (the last word of the last
/// name in its subject: "Marsh" of "Ms Marsh said", or of the name a
/// "she said" stands for), and the capitalized word right before it in the
/// subject, if any ("Ms", "Helena", "Tom"), if the writer names someone.
pub(super) fn name_of(sec: &Side<'_>, q: &Range<usize>) -> Option<(u64, Option<u64>)> {
    subject_name(sec, q, true)
}

/// [`name_of`], only where the writer names someone in the sentence, not
/// by a pronoun ("…," Dr Westbury said).
pub(super) fn named_in_sentence(sec: &Side<'_>, q: &Range<usize>) -> Option<(u64, Option<u64>)> {
    subject_name(sec, q, false)
}

/// Does the writer name someone called `name` (a name's last word) in the
/// subject they give quotation `q` to, in its sentence, wherever in it
/// ("Dr Miriam Osei, head of the Stroke Prevention Unit, said" names Osei,
/// although its last name-like word is "Unit")?
pub(super) fn subject_names(sec: &Side<'_>, q: &Range<usize>, name: u64) -> bool {
    matches!(quote_subject(sec, q, false), Some(Subject::Named { words, .. }) if words.contains(&name))
}

fn subject_name(sec: &Side<'_>, q: &Range<usize>, resolve: bool) -> Option<(u64, Option<u64>)> {
    let Subject::Named { name, range, .. } = quote_subject(sec, q, resolve)? else {
        return None;
    };
    // A capitalized word opening the sentence may be a name too ("Ferreira
    // has said"): the caller matches it against the names it knows.
    let opening = || {
        let l = sec.lexeme(range.start);
        (l.cap && !FUNCTION.has(l.hash)).then(|| word(sec, range.start))
    };
    let name = name.or_else(opening)?;
    let t = range.clone().rev().find(|&t| word(sec, t) == name)?;
    let before = (t > range.start)
        .then(|| t - 1)
        .filter(|&b| sec.lexeme(b).cap && !FUNCTION.has(sec.lexeme(b).hash))
        .map(|b| word(sec, b));
    Some((name, before))
}

/// The subject given to `near` (a quotation, or words traced to the
/// source), read in the sentences it spans; where they hold no verb of
/// saying, in the next sentence if the quotation goes on into it (“These
/// are made-up numbers. Everybody knows it,” Jordan said), or else, for a
/// sentence that is all quotation, in the sentence before if that holds a
/// quotation too (“…,” he said. “Ministers should think again.”).
/// `resolve`: a pronoun stands for the subject named before it.
fn quote_subject(sec: &Side<'_>, near: &Range<usize>, resolve: bool) -> Option<Subject> {
    let first = sentence_of(sec, near.start)?;
    let last = sentence_of(sec, near.end.max(near.start + 1) - 1).unwrap_or(first.clone());
    let span = first.start..last.end.max(first.end);
    if has_verb(sec, &span) {
        return resolved(sec, &span, near, resolve);
    }
    if let Some(named) = introduced(sec, &span, near) {
        return Some(named);
    }
    let quoted_at = |s: &Range<usize>| {
        quotes_in(sec, s)
            .first()
            .is_some_and(|q| q.start <= s.start)
    };
    // (Only where the quotation runs on into it, also into the next
    // paragraph: a quotation of its own there may be someone else's, "“…,”
    // said an analyst".)
    let runs_on = quotes_in(sec, &span)
        .iter()
        .any(|q| q.end > span.end || sec.quote_runs_on(q));
    if let Some(next) =
        sentence_of(sec, span.end).filter(|n| runs_on && quoted_at(n) && has_verb(sec, n))
    {
        return resolved(sec, &next, &next, resolve);
    }
    // (Only a sentence that is all quotation: words of its own may name a
    // speaker with a verb not in the list.)
    let quotes = quotes_in(sec, &span);
    if span.clone().any(|t| !quotes.iter().any(|q| q.contains(&t))) {
        return None;
    }
    // (Back over sentences that are all quotation too: “…,” she said. “…
    // together. We had three generations …”)
    let mut start = span.start;
    for _ in 0..LOOK_BACK {
        let prev = sentence_of(sec, start.checked_sub(1)?)?;
        let quotes = quotes_in(sec, &prev);
        if quotes.is_empty() {
            return None;
        }
        if has_verb(sec, &prev) {
            // (The verb nearest the quotation that runs on: "Asked whether
            // ..., she replied: “No. …")
            let last = quotes.last().cloned().unwrap_or(prev.clone());
            return resolved(sec, &prev, &last, resolve);
        }
        if prev.clone().any(|t| !quotes.iter().any(|q| q.contains(&t))) {
            return None;
        }
        start = prev.start;
    }
    None
}

/// The person named before a colon that introduces the quotation at
/// `near`, in a sentence without a verb of saying ("Reaction from Ruth
/// Okafor, chief economist at the Resolution Institute: “…”"): from the
/// first two capitalised words in a row to the colon.
fn introduced(sec: &Side<'_>, span: &Range<usize>, near: &Range<usize>) -> Option<Subject> {
    let q = quotes_in(sec, span)
        .iter()
        .find(|q| q.start <= near.start && near.start < q.end.max(q.start + 1))?;
    if q.start <= span.start || !sec.gap_after(q.start - 1, span).contains(':') {
        return None;
    }
    let cap = |t: usize| sec.lexeme(t).cap && !FUNCTION.has(sec.lexeme(t).hash);
    let first = (span.start..q.start - 1).find(|&t| cap(t) && cap(t + 1))?;
    let subject = named(sec, span, first..q.start, true, q.start)?;
    matches!(subject, Subject::Named { name: Some(_), .. }).then_some(subject)
}

/// Does `sentence` hold a verb of saying outside quotation marks?
fn has_verb(sec: &Side<'_>, sentence: &Range<usize>) -> bool {
    let quotes = quotes_in(sec, sentence);
    sentence
        .clone()
        .any(|t| !quotes.iter().any(|q| q.contains(&t)) && ATTRIBUTING.has(sec.lexeme(t).hash))
}

/// The subject of `near` in `sentence`, a pronoun replaced (if `resolve`)
/// by the last subject named before it whose title does not say another
/// sex ("she" is not "Mr Hunt").
fn resolved(
    sec: &Side<'_>,
    sentence: &Range<usize>,
    near: &Range<usize>,
    resolve: bool,
) -> Option<Subject> {
    match subject(sec, sentence, near)? {
        Subject::Pronoun(sex) if resolve => {
            let fits = |s: &Subject| match s {
                Subject::Named { sex: theirs, .. } => {
                    sex.is_none() || theirs.is_none() || sex == *theirs
                }
                Subject::Pronoun(_) => false,
            };
            let mut start = sentence.start;
            for _ in 0..LOOK_BACK {
                let prev = sentence_of(sec, start.checked_sub(1)?)?;
                let named = subject(sec, &prev, &prev)
                    .filter(&fits)
                    .or_else(|| opening_person(sec, &prev).filter(&fits));
                if named.is_some() {
                    return named;
                }
                start = prev.start;
            }
            None
        }
        subject => Some(subject),
    }
}

/// The person a sentence opens with as its subject, whatever its verb, when
/// a title marks the name a person's ("Mrs Price thanked the volunteers";
/// "Dr Amir Khan led the trial"), or an age or a relative clause set off
/// after a full name ("Season-ticket holder Gary Pike, 54, was among them";
/// "Lena Dahl, who chairs the federation, was kinder"): a "she said" after
/// it stands for that person, not for the speaker named further back.
fn opening_person(sec: &Side<'_>, sentence: &Range<usize>) -> Option<Subject> {
    let (first, h) = (sentence.start, |t: usize| sec.lexeme(t).hash);
    if sentence.len() < 3 {
        return None;
    }
    let cap = |t: usize| sec.lexeme(t).cap && !FUNCTION.has(h(t));
    if !TITLES.has(h(first)) {
        // The first comma, after two capitalised words, and an age or
        // "who" after it.
        let end = (first + 2..sentence.end.min(first + OPENING_WORDS))
            .find(|&t| sec.gap_after(t - 1, sentence).contains(','))?;
        let age = |t: usize| {
            sec.lexeme(t).kind == crate::normalize::LexKind::Number
                && sec.gap_after(t, sentence).contains(',')
        };
        let set_off = end + 1 < sentence.end && (RELATIVE.has(h(end)) || age(end));
        return (set_off && cap(end - 2) && cap(end - 1))
            .then(|| named(sec, sentence, first..end, true, end))
            .flatten();
    }
    // The name: the capitalised words after the title, on one line of
    // words (no punctuation inside a name but a full stop of an initial).
    let mut end = first + 1;
    while end < sentence.end && end - first <= NAME_WORDS && cap(end) {
        end += 1;
    }
    let next = (end < sentence.end).then(|| sec.lexeme(end));
    if end == first + 1 || next.is_none_or(|l| l.cap) {
        return None;
    }
    named(sec, sentence, first..end, true, end)
}

/// The subject of the verb of saying nearest to `near` in `sentence` (the
/// first verb, by distance, that has one).
fn subject(sec: &Side<'_>, sentence: &Range<usize>, near: &Range<usize>) -> Option<Subject> {
    let quotes = quotes_in(sec, sentence);
    let quoted = |t: usize| quotes.iter().any(|q| q.contains(&t));
    let attributing = |h: u64| ATTRIBUTING.has(h) && (!quotes.is_empty() || !QUOTING_ONLY.has(h));
    let mut verbs: Vec<usize> = sentence
        .clone()
        .filter(|&t| !quoted(t) && attributing(sec.lexeme(t).hash))
        .collect();
    verbs.sort_by_key(|&t| {
        if t < near.start {
            near.start - t
        } else {
            t.saturating_sub(near.end)
        }
    });
    verbs
        .into_iter()
        .find_map(|v| subject_of(sec, sentence, v, &quoted))
}

/// The subject of verb `v`: the words before it back to a clause boundary
/// (over commas: "McCallum, the head of MI5, said"), or, when it follows a
/// quotation ("…," said the minister) or is "according to", the words
/// after it. A passive ("was described as") names no speaker before it.
fn subject_of(
    sec: &Side<'_>,
    sentence: &Range<usize>,
    v: usize,
    quoted: &dyn Fn(usize) -> bool,
) -> Option<Subject> {
    let h = |t: usize| sec.lexeme(t).hash;
    if v > sentence.start && PASSIVE.has(h(v - 1)) {
        return None;
    }
    let stops = |t: usize| quoted(t) || CLAUSE.has(h(t));
    let according = h(v) == *H_ACCORDING;
    let walk = |mut lo: usize| {
        while lo > sentence.start && !stops(lo - 1) && !breaks(sec.gap_after(lo - 1, sentence)) {
            lo -= 1;
        }
        lo
    };
    let mut end = v;
    let mut lo = if according { v } else { walk(v) };
    // A bracket right before the verb gives the party or the state ("Jim
    // Pettigrew (Lib Dem) said", "Jim Jordan (R-Ohio) said"): the subject
    // is before it.
    if lo == v
        && !according
        && v > sentence.start
        && sec.gap_after(v - 1, sentence).contains(')')
        && let Some(open) = (v.saturating_sub(BRACKET_WORDS).max(sentence.start + 1)..v)
            .rev()
            .find(|&t| sec.gap_after(t - 1, sentence).contains('('))
        && !stops(open - 1)
    {
        end = open;
        lo = walk(open - 1);
    }
    // A relative clause set off by commas ("Ms Reeves, who was appointed
    // in July, said") is not the subject: the words before it are.
    // (The clause may hold words that end a subject: "Professor Adamczyk,
    // who retires after 28 years as head of ocean physics, told".)
    if lo < v && lo > sentence.start + 1 && sec.gap_after(v - 1, sentence).contains(',') {
        let who = (sentence.start + 1..lo)
            .rev()
            .take(RELATIVE_WORDS)
            .take_while(|&t| !quoted(t))
            .find(|&t| {
                // (Or the word the subject's walk stopped on: "Priya Raman,
                // an analyst at Westmoor Research who was not on the call,
                // said".)
                RELATIVE.has(h(t)) && (t + 1 == lo || sec.gap_after(t - 1, sentence).contains(','))
            });
        if let Some(who) = who {
            end = who;
            lo = walk(who);
        } else if CLAUSE.has(h(lo - 1)) {
            // An apposition set off by commas that holds a clause word
            // ("Dr Miriam Osei, chief investigator of the trial and head
            // of the Stroke Prevention Unit, said"): the subject is before
            // its opening comma.
            let open = (sentence.start + 1..lo - 1)
                .rev()
                .take(RELATIVE_WORDS)
                .take_while(|&t| !quoted(t))
                .find(|&t| sec.gap_after(t - 1, sentence).contains(','));
            if let Some(open) = open {
                end = open;
                lo = walk(open);
            }
        }
    }
    // So is one without commas in a subject too long to be one ("A mother
    // whose son was recruited by the gang at the age of 14 told"): the
    // subject ends where it opens.
    if end - lo > MAX_SUBJECT
        && let Some(who) = (lo + 1..end).find(|&t| RELATIVE.has(h(t)))
    {
        end = who;
    }
    // (A sentence may open on the verb, "Said the minister: …", but not on
    // "Asked": "Asked whether …, she replied" gives the question.)
    let opening = v == sentence.start && h(v) != *H_ASKED;
    let inverted = lo == v && (according || opening || quoted(v - 1));
    let range = if lo < end {
        // A long stretch may open with a phrase of its own ("Responding to
        // the speech, the Liberal Democrat spokeswoman Daisy Cooper"), and
        // so may one that opens on a participle ("Speaking outside court,
        // Mr Greaves"): the subject is what follows its last comma.
        let participle = sec.text_of(&(lo..lo + 1)).ends_with("ing");
        let cut = (lo..end - 1)
            .rev()
            .find(|&t| sec.gap_after(t, sentence).contains(','))
            .filter(|_| end - lo > MAX_SUBJECT || participle);
        cut.map_or(lo, |t| t + 1)..end
    } else if inverted {
        let mut from = v + 1;
        if from < sentence.end && h(from) == *H_TO {
            from += 1;
        }
        let mut hi = from;
        while hi < sentence.end
            && !stops(hi)
            && (hi == from || !ends_subject(sec.gap_after(hi - 1, sentence)))
        {
            hi += 1;
        }
        from..hi
    } else {
        return None;
    };
    named(sec, sentence, range, !inverted, v)
}

/// The subject read over `range`: a pronoun where one heads it (next to the
/// verb: "he said", "said she"), else its content words and the last word
/// of the last name in it.
fn named(
    sec: &Side<'_>,
    sentence: &Range<usize>,
    range: Range<usize>,
    before: bool,
    verb: usize,
) -> Option<Subject> {
    if range.is_empty() || range.len() > MAX_SUBJECT {
        return None;
    }
    let h = |t: usize| sec.lexeme(t).hash;
    // (Past the adverbs and auxiliaries between a subject and its verb:
    // "he also said", "she has since told".)
    let head = if before {
        (range.start..range.end)
            .rev()
            .find(|&t| !BETWEEN.has(h(t)))
            .unwrap_or(range.end - 1)
    } else {
        range.start
    };
    if PRONOUNS.has(h(head)) {
        return Some(Subject::Pronoun(sex_of(h(head))));
    }
    // (Shown without the words between it and its verb, "is now", nor a
    // live blog's time stamp left before it, "15:48".)
    let digits = |t: usize| sec.text_of(&(t..t + 1)).bytes().all(|b| b.is_ascii_digit());
    let start = (range.start..head)
        .find(|&t| !digits(t))
        .unwrap_or(range.start);
    let range = if before { start..head + 1 } else { range };
    let words: Vec<u64> = range
        .clone()
        .map(|t| word(sec, t))
        .filter(|&h| !FUNCTION.has(h))
        .collect();
    // "The 51-year-old said" stands for someone named before, as a pronoun
    // does.
    let number = |n: u64| {
        range
            .clone()
            .any(|t| sec.lexeme(t).kind == crate::normalize::LexKind::Number && word(sec, t) == n)
    };
    if let [n, year, old] = words[..]
        && number(n)
        && [year, old] == *YEAR_OLD
    {
        return Some(Subject::Pronoun(None));
    }
    // A name: capitalised words, not just the one that opens the sentence
    // ("Critics said" names no one; "Yvette Cooper said" does).
    let cap = |t: usize| sec.lexeme(t).cap && !FUNCTION.has(sec.lexeme(t).hash);
    // (Not where a role in lower case heads it: "Aldermoor families",
    // "Labour's health spokesman" name a place or a party, no person.)
    let role_head = !sec.lexeme(head).cap && ROLES.has(word(sec, head));
    let name = range
        .clone()
        .rev()
        .find(|&t| cap(t) && (t > sentence.start || (t + 1 < range.end && cap(t + 1))))
        .map(|t| word(sec, t))
        .filter(|_| !role_head);
    let sex = range.clone().find_map(|t| sex_of(h(t)));
    (!words.is_empty()).then_some(Subject::Named {
        words,
        name,
        range,
        sex,
        verb,
    })
}

/// A word's matching form, a possessive "'s" dropped ("Labour's" is
/// "Labour").
pub(super) fn word(sec: &Side<'_>, t: usize) -> u64 {
    let text = sec.text_of(&(t..t + 1));
    let stripped = possessive_stripped(&text);
    if stripped.len() == text.len() {
        return sec.lexeme(t).hash;
    }
    lex_str(&stripped)
        .iter()
        .find(|l| l.is_token())
        .map_or(sec.lexeme(t).hash, |l| l.hash)
}

/// `text` with the possessive "'s" ending its words removed.
fn possessive_stripped(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Punctuation between two words that ends a subject read backwards (a
/// comma does not: it may set off an apposition).
fn breaks(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?' | '"' | '“' | '”'
        )
    })
}

/// Words inside a bracket after a speaker's name that are read past.
const BRACKET_WORDS: usize = 5;

/// Punctuation that ends a subject read forwards.
fn ends_subject(gap: &str) -> bool {
    gap.contains(',') || breaks(gap)
}

/// The quotations overlapping `sentence` (the document's are in order).
fn quotes_in<'a>(sec: &Side<'a>, sentence: &Range<usize>) -> &'a [Range<usize>] {
    let quotes = sec.quotes();
    let lo = quotes.partition_point(|q| q.end <= sentence.start);
    let hi = quotes.partition_point(|q| q.start < sentence.end).max(lo);
    &quotes[lo..hi]
}

/// A word list in matching forms (read by the lexer, so spelling folds
/// apply to it as to the text), sorted for lookups.
struct Words(LazyLock<Vec<u64>>);

impl Words {
    const fn new(f: fn() -> Vec<u64>) -> Words {
        Words(LazyLock::new(f))
    }

    fn has(&self, h: u64) -> bool {
        self.0.binary_search(&h).is_ok()
    }
}

fn forms(words: &str) -> Vec<u64> {
    let mut out: Vec<u64> = lex_str(words)
        .iter()
        .filter(|l| l.is_token())
        .map(|l| l.hash)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Verbs that give words to a speaker.
static ATTRIBUTING: Words = Words::new(|| {
    forms(
        "said says say told tells added adds explained explains noted warned warns \
         argued argues insisted insists claimed stated stressed declared declares \
         remarked observed acknowledged admitted conceded suggested asserted emphasised \
         emphasized according called described describes dismissed dismisses branded \
         labelled labeled accused accuses urged urges demanded criticised criticized \
         condemned welcomed praised hailed slammed replied responded countered tweeted \
         wrote writes posted announced pledged promised vowed emails emailed texted \
         texts commented comments asked asks joked jokes quipped quips calls responds reacts \
         responding react reacted",
    )
});

/// Verbs of attributing that give words to a speaker only with a quotation
/// in the sentence: without one they do something else ("Her partner, Thomas
/// Greaves, called 999 at 19:42").
static QUOTING_ONLY: Words = Words::new(|| forms("called calls"));

/// The words for a person's role ("spokesman", "minister"): a description
/// headed by one names that person by it ("Labour's health spokesman said"
/// is not the health secretary).
static ROLES: Words = Words::new(|| {
    forms(
        "spokesman spokeswoman spokesperson leader leaders critic critics official officials \
         campaigner campaigners minister ministers secretary chancellor mayor chief director \
         analyst analysts economist economists expert experts mp mps councillor councillors \
         chairman chairwoman chair president governor aide aides source sources opponent \
         opponents rival rivals colleague colleagues lawyer lawyers manager coach captain \
         executive commissioner senator representative candidate adviser advisers advisor \
         union unions boss families family relatives residents victims survivors parents \
         fans supporters witnesses neighbours",
    )
});

/// Verbs' companions that make them passive ("was described as").
static PASSIVE: Words = Words::new(|| forms("was were been being is are be"));

static PRONOUNS: Words = Words::new(|| forms("he she they it we i you"));
/// Words that stand between a subject and its verb of saying.
static BETWEEN: Words = Words::new(|| {
    forms(
        "also later then again earlier previously separately further since once has had have \
         is was now",
    )
});

/// The sex a pronoun or a title names, if it names one.
fn sex_of(h: u64) -> Option<Sex> {
    if FEMALE.has(h) {
        Some(Sex::Female)
    } else if MALE.has(h) {
        Some(Sex::Male)
    } else {
        None
    }
}

static FEMALE: Words = Words::new(|| forms("she her ms mrs miss lady dame"));
static MALE: Words = Words::new(|| forms("he him mr sir lord"));

/// Titles that mark the capitalised words after them as a person's name.
static TITLES: Words =
    Words::new(|| forms("mr mrs ms miss dr professor prof sir dame lord lady rev"));

/// Longest name read after a title, in words ("Dr Amir Hassan Khan").
const NAME_WORDS: usize = 4;

/// Most words before the comma after a name that opens a sentence
/// ("Season-ticket holder Gary Pike,").
const OPENING_WORDS: usize = 8;

/// Words that open a relative clause.
static RELATIVE: Words = Words::new(|| forms("who whose which"));

/// Longest relative clause read between a subject and its verb, in words.
const RELATIVE_WORDS: usize = 25;

/// Words that end a subject read backwards from its verb.
static CLAUSE: Words = Words::new(|| {
    forms(
        "that and but while as which who whom when after before because although whereas \
         where if",
    )
});

/// Words that say nothing of who is speaking.
static FUNCTION: Words = Words::new(|| {
    forms(
        "the a an of s is in on at for to with by from its his her their our this that \
         these those mr mrs ms dr also then later earlier yesterday today however has have \
         had was were will would again once more most new latest gives give speech",
    )
});

static YEAR_OLD: LazyLock<[u64; 2]> = LazyLock::new(|| ["year", "old"].map(|w| forms(w)[0]));
static H_TO: LazyLock<u64> = LazyLock::new(|| forms("to")[0]);
static H_ACCORDING: LazyLock<u64> = LazyLock::new(|| forms("according")[0]);
static H_ASKED: LazyLock<u64> = LazyLock::new(|| forms("asked")[0]);
