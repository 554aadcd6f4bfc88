//! Who a quotation is attributed to. Coverage of a speech also quotes other
//! people (an opposition spokesman, critics, a minister): a quotation found
//! in no source is a misquote of the speaker only when the writer gives it
//! to the speaker, or does not say who said it. Read from the writer's words
//! around the quotation: the subject of the nearest verb of saying ("Labour's
//! home affairs spokesman said", "said the minister", "according to
//! critics"), with a pronoun standing for the last speaker named before it.
//! The speaker of the source is known by the words of the titles and by the
//! subjects the writer gives to what the source does say.

use std::ops::Range;
use std::sync::LazyLock;

use crate::classify::{Side, sentence_of};
use crate::normalize::form_hash;

/// Words the writer's subjects use for the speaker of the source.
pub(super) struct Speaker {
    words: Vec<u64>,
}

/// Who the writer says spoke: a pronoun, or a name or description (its
/// content words, and its token range).
enum Subject {
    Pronoun,
    Named(Vec<u64>, Range<usize>),
}

/// Sentences looked back over to find whom a pronoun stands for.
const LOOK_BACK: usize = 4;

/// Longest subject read, in words ("Yvette Cooper, the Labour home
/// affairs spokesman"); a longer stretch is a clause, not a subject.
const MAX_SUBJECT: usize = 10;

impl Speaker {
    /// The speaker of a source, from the titles of the source and of the
    /// secondary (`titles`, given ones only), and from the subjects of the
    /// secondary's sentences that hold words traced to the source
    /// (`traced`, token ranges).
    pub(super) fn new(sec: &Side<'_>, titles: &[&str], traced: &[Range<usize>]) -> Speaker {
        let mut words: Vec<u64> = titles
            .iter()
            .flat_map(|t| crate::normalize::lex_str(t))
            .filter(|l| l.is_token() && !is_function_word(l.hash))
            .map(|l| l.hash)
            .collect();
        for r in traced {
            let Some(sentence) = sentence_of(sec, r.start) else {
                continue;
            };
            if let Some(Subject::Named(w, _)) = resolved(sec, &sentence, r) {
                words.extend(w);
            }
        }
        words.sort_unstable();
        words.dedup();
        Speaker { words }
    }

    /// The words the writer gives quotation `q` to, when that is someone
    /// other than the speaker of the source.
    pub(super) fn other(&self, sec: &Side<'_>, q: &Range<usize>) -> Option<String> {
        if self.words.is_empty() {
            // Nothing says how the writer names the speaker.
            return None;
        }
        let sentence = sentence_of(sec, q.start)?;
        match resolved(sec, &sentence, q)? {
            Subject::Named(w, r) if !w.iter().any(|h| self.words.binary_search(h).is_ok()) => {
                Some(sec.text_of(&r))
            }
            _ => None,
        }
    }
}

/// The subject of `near` (a quotation, or words traced to the source) in
/// its sentence, a pronoun replaced by the last subject named before it.
fn resolved(sec: &Side<'_>, sentence: &Range<usize>, near: &Range<usize>) -> Option<Subject> {
    match subject(sec, sentence, near)? {
        Subject::Pronoun => {
            let mut start = sentence.start;
            for _ in 0..LOOK_BACK {
                let prev = sentence_of(sec, start.checked_sub(1)?)?;
                if let Some(s @ Subject::Named(..)) = subject(sec, &prev, &prev) {
                    return Some(s);
                }
                start = prev.start;
            }
            None
        }
        named => Some(named),
    }
}

/// The subject of the verb of saying nearest to `near` in `sentence` (the
/// first verb, by distance, that has one).
fn subject(sec: &Side<'_>, sentence: &Range<usize>, near: &Range<usize>) -> Option<Subject> {
    let quotes = quotes_in(sec, sentence);
    let quoted = |t: usize| quotes.iter().any(|q| q.contains(&t));
    let mut verbs: Vec<usize> = sentence
        .clone()
        .filter(|&t| !quoted(t) && is_attributing(sec.lexeme(t).hash))
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
/// after it.
fn subject_of(
    sec: &Side<'_>,
    sentence: &Range<usize>,
    v: usize,
    quoted: &dyn Fn(usize) -> bool,
) -> Option<Subject> {
    let stops = |t: usize| quoted(t) || is_clause_word(sec.lexeme(t).hash);
    let according = sec.lexeme(v).hash == *H_ACCORDING;
    let mut lo = v;
    while !according
        && lo > sentence.start
        && !stops(lo - 1)
        && !breaks(sec.gap_after(lo - 1, sentence))
    {
        lo -= 1;
    }
    let inverted = lo == v && (according || v == sentence.start || quoted(v - 1));
    let range = if lo < v {
        lo..v
    } else if inverted {
        let mut from = v + 1;
        if from < sentence.end && sec.lexeme(from).hash == *H_TO {
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
    if range.is_empty() || range.len() > MAX_SUBJECT {
        return None;
    }
    let hashes: Vec<u64> = range.clone().map(|t| sec.lexeme(t).hash).collect();
    if hashes.iter().any(|h| PRONOUNS.contains(h)) {
        return Some(Subject::Pronoun);
    }
    let content: Vec<u64> = hashes
        .into_iter()
        .filter(|&h| !is_function_word(h))
        .collect();
    (!content.is_empty()).then_some(Subject::Named(content, range))
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

fn hashes(words: &str) -> Vec<u64> {
    words.split_whitespace().map(form_hash).collect()
}

/// Verbs that give words to a speaker (matching forms).
fn is_attributing(h: u64) -> bool {
    static WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        hashes(
            "said says say told tells added adds explained explains noted warned warns \
             argued argues insisted insists claimed stated stressed declared declares \
             remarked observed acknowledged admitted conceded suggested asserted emphasised \
             emphasized according called described describes dismissed dismisses branded \
             labelled labeled accused accuses urged urges \
             demanded criticised criticized condemned welcomed praised hailed slammed \
             replied responded countered tweeted wrote writes posted announced pledged \
             promised vowed",
        )
    });
    WORDS.contains(&h)
}

static PRONOUNS: LazyLock<Vec<u64>> = LazyLock::new(|| hashes("he she they it we i you"));

static H_TO: LazyLock<u64> = LazyLock::new(|| form_hash("to"));
static H_ACCORDING: LazyLock<u64> = LazyLock::new(|| form_hash("according"));

/// Words that end a subject read backwards from its verb.
fn is_clause_word(h: u64) -> bool {
    static WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        hashes(
            "that and but while as which who whom when after before because although whereas \
             where if",
        )
    });
    WORDS.contains(&h)
}

/// Words that say nothing of who is speaking.
fn is_function_word(h: u64) -> bool {
    static WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        hashes(
            "the a an of s is in on at for to with by from its his her their our this that \
             these those mr mrs ms dr also then later earlier yesterday today however has have \
             had was were will would also again once more most new latest gives give",
        )
    });
    WORDS.contains(&h)
}
