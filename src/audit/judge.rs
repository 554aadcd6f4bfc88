//! Documents judged as a whole: whether a secondary draws on a primary at
//! all (evidence of reuse), what its unfound quotations are then (a
//! misquote of the speaker, or someone else's words), and a document that
//! presents itself as coverage of a primary's kind of event while nothing
//! in it is copied (unsupported).

use std::ops::Range;

use super::content::SHORT_DOCUMENT;
use super::{AuditConfig, Coverage, Finding, Loaded, side, speakers};
use crate::classify::{Kind, Side, Verdict};
use crate::segment::PassageKind;

/// Content words of a title: words of three letters or more, stop words out.
fn title_words(title: &str) -> Vec<u64> {
    const STOP: [&str; 16] = [
        "the", "and", "for", "with", "from", "that", "this", "into", "over", "about", "after",
        "its", "his", "her", "their", "new",
    ];
    let stop: Vec<u64> = STOP
        .iter()
        .map(|w| crate::normalize::form_hash(w))
        .collect();
    let mut out: Vec<u64> = crate::normalize::lex_str(title)
        .iter()
        .filter(|l| l.is_token() && l.end - l.start >= 3 && !stop.contains(&l.hash))
        .map(|l| l.hash)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A document's title: its own, or its first block's text.
fn title_of(loaded: &Loaded, doc: usize) -> String {
    title_text(&loaded.docs[doc].0)
}

/// A document's own title, or its first block's text.
pub(super) fn title_text(d: &crate::ingest::Document) -> String {
    d.title.clone().unwrap_or_else(|| {
        d.blocks
            .first()
            .map(|b| b.visible_text(&d.file.text))
            .unwrap_or_default()
    })
}

/// The largest share of a primary title's content words found in the title
/// of `doc`, and that primary.
fn title_overlap(loaded: &Loaded, doc: usize, primaries: &[usize]) -> (f64, Option<usize>) {
    let mine = title_words(&title_of(loaded, doc));
    primaries
        .iter()
        .map(|&p| {
            let theirs = title_words(&title_of(loaded, p));
            let shared = theirs
                .iter()
                .filter(|w| mine.binary_search(w).is_ok())
                .count();
            (shared as f64 / theirs.len().max(1) as f64, Some(p))
        })
        .fold((0.0, None), |best, x| if x.0 > best.0 { x } else { best })
}

/// Keeps what a document's findings mean as a whole: a document with no
/// evidence of reuse (no near-verbatim match of `min_evidence_words`) keeps
/// none of its loose matches; if it presents itself as coverage of a
/// primary's kind of event, it is reported as unsupported, with its
/// unsourced quotations.
pub(super) fn judge_document(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    findings: Vec<Finding>,
    mut cov: Coverage,
    cfg: &AuditConfig,
) -> (Vec<Finding>, Coverage) {
    let traced = cov.traced_words as f64 / cov.words.max(1) as f64;
    let quoted = document_evidence(&findings, cov.body_passages(), cfg);
    let edition = another_edition(loaded, doc, &findings, cfg, &quoted);
    if edition.is_none()
        && let Some(source) = drawn_on(&findings, primaries, cfg, &quoted)
    {
        let findings = evidenced_sources_only(findings, &mut cov, cfg);
        let findings = unfound_as_misquotes(loaded, doc, source, findings);
        let mut findings = others_words_apart(loaded, doc, source, findings);
        super::relayed::mark_relayed(loaded, doc, primaries, &mut findings);
        super::relayed::mark_misattributed(loaded, doc, &mut findings);
        return (findings, cov);
    }
    if edition.is_some() {
        cov.content_evidence.clear();
    }
    // Drawn on in other words only (a retelling, or a report of the same
    // event from other sources: its facts cannot tell), its quotations
    // found nowhere may be the writer's own reporting: only those it gives
    // to a primary's speaker are kept, unsupported, not misquotes.
    if !cov.content_evidence.is_empty() {
        let (unfound, rest): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(|f| {
            f.source.is_none() && f.verdict.kind == Kind::Unsupported && f.verdict.in_quotes
        });
        let mut kept = evidenced_sources_only(rest, &mut cov, cfg);
        kept.extend(speakers_quotes(loaded, doc, primaries, unfound, cfg));
        kept.sort_by_key(|f| f.tokens.start);
        return (kept, cov);
    }
    if !cfg.judge_documents {
        return (findings, cov);
    }
    // Another edition of a primary is coverage of its kind of event
    // whatever its title says.
    let (overlap, closest) = title_overlap(loaded, doc, primaries);
    if edition.is_none() && overlap < cfg.related_title {
        let kept = speakers_quotes(loaded, doc, primaries, findings, cfg);
        cov.retrace(&kept);
        return (kept, cov);
    }
    let loose = match edition {
        Some((_, Edition::Earlier(_))) => "its closest match is a speech given after it",
        Some(_) => "its closest match gives other figures",
        None => "its closest match is a loose one",
    };
    let mut kept = unsupported_quotes(loaded, (doc, primaries), findings, cfg, loose);
    cov.retrace(&kept);
    if let Some(whole) = body_tokens(loaded, doc) {
        let message = match edition {
            Some((p, why)) => format!(
                "reads as coverage of another speech than {:?}: {}",
                title_of(loaded, p),
                match why {
                    Edition::Figures => "the passages it shares with it all give other figures".to_string(),
                    Edition::Words => "the passages it shares with it all give other figures or other words, and it quotes words the corpus holds nowhere".to_string(),
                    Edition::Earlier(days) => format!("it is dated {days} days before it"),
                }
            ),
            None => format!(
                "reads as coverage of an event no primary in the corpus holds: only {:.0}% of its words even loosely match a primary (closest title: {:?})",
                traced * 100.0,
                closest.map(|p| title_of(loaded, p)).unwrap_or_default()
            ),
        };
        kept.insert(0, unsupported_document(doc, whole, traced, message));
    }
    (kept, cov)
}

/// A name: its last word, and the words before it.
type Name = (u64, Vec<u64>);

/// The names in a title (two capitalized words or more in a row, function
/// words out), each as its last word and all its words: "McCallum" of
/// "Director General Ken McCallum gives latest threat update", "Marsh" and
/// "Westland" of "Reserve Bank of Westland: statement by Governor Helena
/// Marsh".
fn title_names(title: &str) -> Vec<Name> {
    // (A hyphen joins the parts of a name: "Drummond-Pryce" is two words
    // of one name.)
    let lexemes: Vec<_> = crate::normalize::lex_str(title)
        .into_iter()
        .filter(|l| l.is_token() || l.ch != '-')
        .collect();
    let cap = |i: usize| {
        lexemes
            .get(i)
            .is_some_and(|l| l.is_token() && l.cap && !crate::normalize::is_function_word(l.hash))
    };
    (1..lexemes.len())
        .filter(|&i| cap(i) && cap(i - 1) && !cap(i + 1))
        .map(|i| {
            let first = (0..i).rev().take_while(|&j| cap(j)).last().unwrap_or(i);
            (
                lexemes[i].hash,
                (first..i).map(|j| lexemes[j].hash).collect(),
            )
        })
        .collect()
}

/// Is the name a quotation is given to (its last word, and the capitalized
/// word before it) one of the title's names? "Ms Marsh", "Governor Marsh"
/// and "Helena Marsh" are "Governor Helena Marsh"; "Tom Marsh" is not.
fn names_one_of(name: (u64, Option<u64>), names: &[Name]) -> bool {
    use std::sync::LazyLock;
    static HONORIFIC: LazyLock<Vec<u64>> = LazyLock::new(|| {
        "mr mrs ms miss dr sir dame lord lady professor prof"
            .split_whitespace()
            .map(crate::normalize::form_hash)
            .collect()
    });
    let (last, before) = name;
    names.iter().any(|(l, words)| {
        *l == last && before.is_none_or(|b| words.contains(&b) || HONORIFIC.contains(&b))
    })
}

/// The primaries' speakers, by the names in their titles.
pub(super) struct Speakers(Vec<(Vec<Name>, String, usize)>);

impl Speakers {
    pub(super) fn of(loaded: &Loaded, primaries: &[usize]) -> Speakers {
        Speakers(
            primaries
                .iter()
                .map(|&p| {
                    let title = title_of(loaded, p);
                    (title_names(&title), title, p)
                })
                .collect(),
        )
    }

    /// The title (shortened) of the primary whose speaker the writer gives
    /// quotation `q` to, if one's.
    pub(super) fn given(&self, sec: &Side<'_>, q: &Range<usize>) -> Option<String> {
        let name = speakers::name_of(sec, q)?;
        let (_, title, _) = self.0.iter().find(|(n, ..)| names_one_of(name, n))?;
        Some(crate::report::human::excerpt(title, 80))
    }

    /// Where the primaries of the speaker the writer gives quotation `q`
    /// to hold its words as they are, in a row: the primary and its tokens.
    pub(super) fn said_as_quoted(
        &self,
        loaded: &Loaded,
        sec: &Side<'_>,
        q: &Range<usize>,
    ) -> Option<(usize, Range<usize>)> {
        let name = speakers::name_of(sec, q)?;
        let words = &sec.a.tokens[q.clone()];
        self.0
            .iter()
            .filter(|(n, ..)| names_one_of(name, n))
            .find_map(|&(_, _, p)| {
                let tokens = &side(loaded, p).a.tokens;
                let at = tokens.windows(words.len()).position(|w| w == words)?;
                Some((p, at..at + words.len()))
            })
    }

    /// Is `name` ([`speakers::name_of`]) one of the speakers'?
    pub(super) fn names(&self, name: (u64, Option<u64>)) -> bool {
        self.0.iter().any(|(n, ..)| names_one_of(name, n))
    }
}

/// What a document with no evidence of reuse, and no title of a primary's
/// kind, keeps: the quotations found in no source that it gives by name
/// (or by a pronoun standing for the name) to the speaker of a primary,
/// claims about that speaker's words the corpus does not hold (coverage of
/// another speech of theirs). Everything else in it is another story.
fn speakers_quotes(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    findings: Vec<Finding>,
    cfg: &AuditConfig,
) -> Vec<Finding> {
    let sec = side(loaded, doc);
    let speakers = Speakers::of(loaded, primaries);
    let speaker_of = |q: &Range<usize>| speakers.given(&sec, q);
    let mut kept = Vec::new();
    for mut f in findings {
        if let Some((src, _)) = &f.source {
            // A loose match is no source: its quotations given to the
            // speaker are in none, unless the source holds them word for
            // word ("the unanimous choice of the panel", said Castellan),
            // or the speaker's primary does, elsewhere than the loose
            // match ("cried in the dressing room", in a sentence that
            // takes its other words from the question put to him).
            for q in loose_quotes(&sec, &f, cfg) {
                if let Some(title) = speaker_of(&q) {
                    if let Some(found) = f.copied_whole(&q) {
                        kept.push(verbatim_quote(doc, q, (*src, found)));
                        continue;
                    }
                    if let Some(found) = speakers.said_as_quoted(loaded, &sec, &q) {
                        kept.push(verbatim_quote(doc, q, found));
                        continue;
                    }
                    let message = format!(
                        "quotation given to the speaker of {title:?}, backed by no source of the corpus (its closest match is a loose one)"
                    );
                    kept.push(unsupported_quote(doc, q, &message));
                }
            }
        } else if f.verdict.kind == Kind::Unsupported
            && f.verdict.in_quotes
            && let Some(title) = speaker_of(&f.tokens)
        {
            f.verdict.message = format!(
                "quotation given to the speaker of {title:?}, found in no source of the corpus"
            );
            kept.push(f);
        }
    }
    kept
}

/// Fewest words of a verbatim quotation that counts towards
/// [`QUOTED_EVIDENCE`].
const QUOTE_EVIDENCE_WORDS: usize = 5;
/// Verbatim quotations of one primary, at different places of it, that are
/// evidence of reuse however short each is (a feed item that quotes the
/// speaker twice and retells the rest).
const QUOTED_EVIDENCE: usize = 2;

/// A verbatim quotation long enough to count towards [`QUOTED_EVIDENCE`].
fn quoted_evidence(f: &Finding) -> bool {
    f.verdict.in_quotes
        && f.verdict.kind == Kind::Verbatim
        && f.ops_matched() >= QUOTE_EVIDENCE_WORDS
}

/// The primaries the document as a whole shows evidence of, beyond any
/// one passage: [`QUOTED_EVIDENCE`] verbatim quotations of one, each from
/// another place of it; or, for a document of at most [`SHORT_DOCUMENT`]
/// sentences (a feed item), two sentences or more aligned, all of them to
/// that primary, matching `min_evidence_words` between them.
fn document_evidence(findings: &[Finding], sentences: usize, cfg: &AuditConfig) -> Vec<usize> {
    let mut places: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| quoted_evidence(f))
        .filter_map(|f| f.source.as_ref().map(|(p, r)| (*p, r.start)))
        .collect();
    places.sort_unstable();
    places.dedup();
    let mut out: Vec<usize> = places
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() >= QUOTED_EVIDENCE)
        .map(|run| run[0].0)
        .collect();
    let sourced: Vec<&Finding> = findings.iter().filter(|f| f.source.is_some()).collect();
    let first = sourced.first().and_then(|f| f.source.as_ref()).map(|s| s.0);
    let matched: usize = sourced.iter().map(|f| f.ops_matched()).sum();
    if sentences <= SHORT_DOCUMENT
        && sourced.len() >= 2
        && sourced
            .iter()
            .all(|f| f.source.as_ref().map(|s| s.0) == first)
        && matched >= cfg.min_evidence_words
    {
        out.extend(first);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Evidence of reuse: a passage copied near-verbatim over enough words
/// (a paraphrase only where nine words in ten match: the source's words in
/// the writer's grammar), or, in a reworded one, that many words in a row;
/// or any passage of a primary the document as a whole shows evidence of
/// (`quoted`, see [`document_evidence`]).
fn is_evidence(f: &Finding, cfg: &AuditConfig, quoted: &[usize]) -> bool {
    if f.source.as_ref().is_some_and(|s| quoted.contains(&s.0)) {
        return true;
    }
    let run = f
        .ops
        .iter()
        .filter(|o| o.tag == crate::align::Tag::Equal)
        .map(|o| o.sec.len())
        .max()
        .unwrap_or(0);
    let matched = f.ops_matched();
    let copied = f.verdict.kind != Kind::Paraphrase || 10 * matched >= 9 * f.tokens.len();
    f.source.is_some()
        && ((copied && matched >= cfg.min_evidence_words) || run >= cfg.min_evidence_words)
}

/// Days after a primary from which a report is of a later speech (a year's
/// next budget, threat update or results), and before which one is of the
/// speech itself, whatever its figures.
const LATER: i64 = 180;
const SAME_TIME: i64 = 45;

/// Does the document report another edition of a primary (the next year's
/// budget speech, a later threat update)? Either its evidence of reuse is
/// all passages shaped like the primary's that give other figures ("Council
/// tax will rise by 3.9 per cent, which is below the cap" for "by 4.2 per
/// cent"), two of them at least, or one in a document dated half a year or
/// more after the primary; or, dated half a year or more after it, its
/// evidence is all passages with other figures or other words inside
/// quotation marks, and it quotes words the corpus holds nowhere (the
/// speaker's later speech, its phrases like last year's). Never one dated
/// within weeks of the primary: that is coverage of the speech, its figures
/// and words changed. And always one dated weeks before the primary: it
/// cannot report a speech not yet given.
/// Returns that primary (the first match's), and what tells.
fn another_edition(
    loaded: &Loaded,
    doc: usize,
    findings: &[Finding],
    cfg: &AuditConfig,
    quoted: &[usize],
) -> Option<(usize, Edition)> {
    let evidence: Vec<&Finding> = findings
        .iter()
        .filter(|f| is_evidence(f, cfg, quoted))
        .collect();
    if !cfg.judge_documents || evidence.is_empty() {
        return None;
    }
    let gap = |f: &&Finding| {
        let primary = loaded.docs[f.source.as_ref()?.0].0.date.as_deref()?;
        crate::corpus::days_between(primary, loaded.docs[doc].0.date.as_deref()?)
    };
    let gaps: Vec<i64> = evidence.iter().filter_map(gap).collect();
    let first = evidence[0].source.as_ref()?.0;
    // Dated weeks before the speech, it reports an earlier one, whatever
    // words the speaker used again.
    if gaps.len() == evidence.len() && gaps.iter().all(|&g| g <= -SAME_TIME) {
        let days = gaps.iter().map(|g| -g).min().unwrap_or(0);
        return Some((first, Edition::Earlier(days)));
    }
    let changed = |f: &&Finding| matches!(f.verdict.kind, Kind::NumericChange | Kind::Misquote);
    if !evidence.iter().all(changed) {
        return None;
    }
    let figures = evidence
        .iter()
        .all(|f| f.verdict.kind == Kind::NumericChange);
    let long_after = gaps.iter().any(|&g| g >= LATER);
    let unfound = findings
        .iter()
        .any(|f| f.source.is_none() && f.verdict.kind == Kind::Unsupported && f.verdict.in_quotes);
    let later = !gaps.iter().any(|&g| g < SAME_TIME)
        && if figures {
            evidence.len() >= 2 || long_after
        } else {
            long_after && unfound
        };
    let why = if figures {
        Edition::Figures
    } else {
        Edition::Words
    };
    later.then_some((first, why))
}

/// What tells a document reports another edition of a primary.
#[derive(Clone, Copy)]
enum Edition {
    /// Its passages shaped like the primary's all give other figures.
    Figures,
    /// Other figures or other words in quotes, and quotations the corpus
    /// holds nowhere, half a year or more after the primary.
    Words,
    /// It is dated this many days before the primary.
    Earlier(i64),
}

/// The primary the document draws on: the one `compare` was given, or the
/// source of the first near-verbatim match over enough words (evidence of
/// reuse).
fn drawn_on(
    findings: &[Finding],
    primaries: &[usize],
    cfg: &AuditConfig,
    quoted: &[usize],
) -> Option<usize> {
    if cfg.judge_documents {
        findings
            .iter()
            .find(|f| is_evidence(f, cfg, quoted))
            .and_then(|f| f.source.as_ref().map(|s| s.0))
    } else {
        primaries.first().copied()
    }
}

/// The findings of a document that draws on some primary, less the short
/// matches (fewer matched words than evidence needs, outside quotation
/// marks) to a primary it shows no evidence of reuse of: evidence is needed
/// of each source, not of one ("due to be demolished in the spring" of a
/// story that copies a match report is no reuse of a council report's "due
/// to be published in the spring"). A longer reworded match to that primary
/// stays (a story may draw on two sources and reword the second). Their
/// words are taken out of the traced coverage.
fn evidenced_sources_only(
    findings: Vec<Finding>,
    cov: &mut Coverage,
    cfg: &AuditConfig,
) -> Vec<Finding> {
    if !cfg.judge_documents {
        return findings;
    }
    let quoted = document_evidence(&findings, cov.body_passages(), cfg);
    let mut evidenced: Vec<usize> = findings
        .iter()
        .filter(|f| is_evidence(f, cfg, &quoted))
        .filter_map(|f| f.source.as_ref().map(|s| s.0))
        .chain(cov.content_evidence.iter().copied())
        .collect();
    evidenced.sort_unstable();
    evidenced.dedup();
    let (kept, dropped): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(|f| {
        f.verdict.in_quotes
            || f.ops_matched() >= cfg.min_evidence_words
            || f.source.as_ref().is_none_or(|s| evidenced.contains(&s.0))
    });
    for f in &dropped {
        let (src, words) = (f.source.as_ref().map_or(0, |s| s.0), f.ops_matched());
        cov.traced_words -= words.min(cov.traced_words);
        if let Some(x) = cov.sources.iter_mut().find(|x| x.0 == src) {
            x.1 -= words.min(x.1);
        }
    }
    cov.sources.retain(|x| x.1 > 0);
    kept
}

/// The findings of a document that draws on primary `source`: a quotation
/// found nowhere is not what the speaker said (a misquote), not a claim
/// about another speech, unless the writer gives it to someone else (then it
/// stays unsupported: the corpus holds no source for it).
fn unfound_as_misquotes(
    loaded: &Loaded,
    doc: usize,
    source: usize,
    mut findings: Vec<Finding>,
) -> Vec<Finding> {
    let unfound = |f: &Finding| f.verdict.kind == Kind::Unsupported && f.source.is_none();
    if !findings.iter().any(unfound) {
        return findings;
    }
    let title = crate::report::human::excerpt(&title_of(loaded, source), 80);
    let sec = side(loaded, doc);
    // (Not the sentences whose quotations match none of the source's
    // words: their subject may be someone else.)
    let traced: Vec<Range<usize>> = findings
        .iter()
        .filter(|f| f.source.as_ref().is_some_and(|s| s.0 == source))
        .filter(|f| unmatched_quotes(&sec, f).is_empty())
        .filter_map(Finding::matched_span)
        .collect();
    let speaker = std::cell::OnceCell::new();
    let known = || {
        let given = loaded.docs[source].0.title.as_deref();
        speaker.get_or_init(|| speakers::Speaker::new(&sec, given, &traced))
    };
    for f in findings.iter_mut().filter(|f| unfound(f)) {
        f.verdict.message = match speakers::other(&sec, &f.tokens, known) {
            Some(who) => format!(
                "quotation attributed to “{}”, not to the speaker of the source this document draws on ({title}); found in no source of the corpus",
                crate::report::human::excerpt(&who, 60)
            ),
            None => {
                f.verdict.kind = Kind::Misquote;
                format!(
                    "quotation not found in the source this document draws on ({title}) nor anywhere else in the corpus"
                )
            }
        };
    }
    findings
}

/// Sets apart, as unsupported, the quotations of an aligned passage that
/// hold none of the source's words and that the writer gives to someone
/// other than the speaker ("Professor Adamczyk, who retires after 28 years,
/// told Coastwatch she was “proud to leave the department in such good
/// hands”" of a speech that thanks her): they are that person's words, not
/// the speaker's changed. The passage is then a paraphrase of the source.
fn others_words_apart(
    loaded: &Loaded,
    doc: usize,
    source: usize,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    let sec = side(loaded, doc);
    let apart = |f: &Finding| unmatched_quotes(&sec, f);
    let candidates = |f: &Finding| f.verdict.kind == Kind::Misquote && f.source.is_some();
    if !findings
        .iter()
        .any(|f| candidates(f) && !apart(f).is_empty())
    {
        return findings;
    }
    // (Who the speaker is, the passages that are the speaker's words
    // tell; not these, whose subject may be the other person.)
    let traced: Vec<Range<usize>> = findings
        .iter()
        .filter(|f| f.source.as_ref().is_some_and(|s| s.0 == source))
        .filter(|f| !candidates(f) || apart(f).is_empty())
        .filter_map(Finding::matched_span)
        .collect();
    let given = loaded.docs[source].0.title.as_deref();
    let speaker = speakers::Speaker::new(&sec, given, &traced);
    let mut out = Vec::with_capacity(findings.len());
    for mut f in findings {
        let quotes = if candidates(&f) {
            apart(&f)
        } else {
            Vec::new()
        };
        let whose: Vec<String> = quotes
            .iter()
            .map_while(|q| speakers::other(&sec, q, || &speaker))
            .collect();
        if quotes.is_empty() || whose.len() < quotes.len() {
            out.push(f);
            continue;
        }
        let who = crate::report::human::excerpt(&whose[0], 60);
        f.verdict.kind = Kind::Paraphrase;
        f.verdict.message =
            format!("paraphrase; the quotation in it is given to “{who}”, not to the speaker");
        out.push(f);
        for q in quotes {
            let message = format!(
                "quotation attributed to “{who}”, not to the speaker of the source; found in no source of the corpus"
            );
            out.push(unsupported_quote(doc, q, &message));
        }
    }
    out
}

/// The quotations that open inside finding `f` (up to its end: a
/// quotation may run on into the next sentence), if none of them matches
/// more than half its words to its source ("the largest fall in net
/// migration on record" shares a phrase with the source, no more).
fn unmatched_quotes(sec: &Side<'_>, f: &Finding) -> Vec<Range<usize>> {
    let quotes: Vec<Range<usize>> = sec
        .quotes()
        .iter()
        .filter(|q| f.tokens.contains(&q.start))
        .map(|q| q.start..q.end.min(f.tokens.end))
        .collect();
    if quotes.is_empty() || quotes.iter().any(|q| 2 * f.matched_words_in(q) > q.len()) {
        return Vec::new();
    }
    quotes
}

/// What a related document without evidence of reuse keeps of its
/// findings: the unsupported ones, and the quotations of its loose matches
/// (a loose match is no source: its quotations are unsupported).
fn unsupported_quotes(
    loaded: &Loaded,
    (doc, primaries): (usize, &[usize]),
    findings: Vec<Finding>,
    cfg: &AuditConfig,
    loose: &str,
) -> Vec<Finding> {
    let sec = side(loaded, doc);
    let speakers = Speakers::of(loaded, primaries);
    let mut kept: Vec<Finding> = Vec::new();
    let message = format!("quotation backed by no source of the corpus ({loose})");
    for f in findings {
        if f.verdict.kind == Kind::Unsupported {
            kept.push(f);
        } else if let Some((src, _)) = &f.source {
            for q in loose_quotes(&sec, &f, cfg) {
                // (The speaker's words word for word are the speaker's.)
                let whole = f
                    .copied_whole(&q)
                    .filter(|_| speakers.given(&sec, &q).is_some());
                kept.push(match whole {
                    Some(found) => verbatim_quote(doc, q, (*src, found)),
                    None => unsupported_quote(doc, q, &message),
                });
            }
        }
    }
    kept
}

/// The quotations (in quotation marks, not block quotations) inside the
/// span of finding `f`, a loose match, long enough to be judged.
fn loose_quotes<'a>(
    sec: &'a Side<'a>,
    f: &'a Finding,
    cfg: &'a AuditConfig,
) -> impl Iterator<Item = Range<usize>> + 'a {
    sec.quotes()
        .iter()
        .filter(|q| !sec.a.block_quotes.contains(q))
        .map(|q| q.start.max(f.tokens.start)..q.end.min(f.tokens.end))
        .filter(|q| q.len() >= cfg.align.min_words)
}

/// The finding for a whole document (tokens `whole`, of which a share
/// `traced` loosely matches a primary) that covers an event no primary
/// holds, and why.
fn unsupported_document(doc: usize, whole: Range<usize>, traced: f64, message: String) -> Finding {
    Finding {
        doc,
        tokens: whole,
        source: None,
        verdict: Verdict {
            kind: Kind::Unsupported,
            edits: Vec::new(),
            message,
            in_quotes: false,
            negation: false,
        },
        score: traced,
        ops: Vec::new(),
    }
}

/// Tokens from the first to the last non-boilerplate sentence.
fn body_tokens(loaded: &Loaded, doc: usize) -> Option<Range<usize>> {
    let a = &loaded.docs[doc].1;
    let mut s = a
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Sentence && !p.boilerplate);
    let first = s.next()?;
    let last = s.next_back().unwrap_or(first);
    Some(first.toks.start as usize..last.toks.end as usize)
}

/// A quotation the source holds word for word (`source`: its document and
/// tokens), found inside a loose match.
pub(super) fn verbatim_quote(
    doc: usize,
    tokens: Range<usize>,
    source: (usize, Range<usize>),
) -> Finding {
    let ops = vec![crate::align::Op {
        tag: crate::align::Tag::Equal,
        src: source.1.clone(),
        sec: 0..tokens.len(),
    }];
    Finding {
        doc,
        tokens,
        source: Some(source),
        verdict: Verdict {
            kind: Kind::Verbatim,
            edits: Vec::new(),
            message: "verbatim: the speaker's words, given to the speaker".into(),
            in_quotes: true,
            negation: false,
        },
        score: 1.0,
        ops,
    }
}

pub(super) fn unsupported_quote(doc: usize, tokens: Range<usize>, message: &str) -> Finding {
    Finding {
        doc,
        tokens,
        source: None,
        verdict: Verdict {
            kind: Kind::Unsupported,
            edits: Vec::new(),
            message: message.into(),
            in_quotes: true,
            negation: false,
        },
        score: 0.0,
        ops: Vec::new(),
    }
}
