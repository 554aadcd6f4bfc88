//! Audit: every sentence of every secondary document is aligned to the
//! primaries and classified. Quotations that no primary backs are reported
//! as unsupported. Documents are audited in parallel; findings come back in
//! document and position order.

use std::ops::Range;

mod content;
mod ellipsis;
mod joined;
mod judge;
mod misread;
mod opening;
mod quotes;
mod relayed;
mod reordered;
mod speakers;
mod stitched;
mod turns;
mod unmarked;

use judge::{judge_document, unsupported_quote, verbatim_quote};

use crate::align::{self, AlignConfig, Alignment, SourceIndex};
use crate::classify::{self, ClassifyConfig, Kind, Side, Verdict};
use crate::ingest::{Document, Warning};
use crate::normalize::Lexer;
use crate::pipeline::{self, Config};
use crate::segment::{Analysis, Passage, PassageKind};
use crate::source::InputError;

#[derive(Clone, Debug)]
pub struct AuditConfig {
    pub align: AlignConfig,
    pub classify: ClassifyConfig,
    /// A secondary draws on the primaries only if at least one of its
    /// passages matches one near-verbatim (any kind but paraphrase) over at
    /// least this many words. Without such evidence its loose matches are
    /// topic similarity (the same sentence shapes about other events), not
    /// sources, and are not reported.
    pub min_evidence_words: usize,
    /// Judge documents as a whole (evidence of reuse, relatedness). Off for
    /// `compare`, where the user names the source of the secondary.
    pub judge_documents: bool,
    /// A secondary whose title shares at least this share of a primary
    /// title's content words presents itself as coverage of that kind of
    /// speech; if it also has no evidence of reuse, it covers something the
    /// corpus does not hold and is reported as unsupported.
    pub related_title: f64,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            align: AlignConfig::default(),
            classify: ClassifyConfig::default(),
            min_evidence_words: 10,
            judge_documents: true,
            related_title: 0.5,
        }
    }
}

/// The documents one audit pass sees: the primaries first, then the
/// documents of the secondary file being audited. Only primaries and one
/// file at a time are in memory, whatever the size of the corpus.
pub struct Loaded<'a> {
    pub docs: Vec<&'a (Document, Analysis)>,
    /// The first `primaries` documents are the primaries.
    pub primaries: usize,
}

/// The documents of one file, with the warnings reading it gave.
pub type FileDocs = (Vec<(Document, Analysis)>, Vec<Warning>);

/// Reads one file and analyzes it down to sentences and quotations.
pub fn load_file(
    input: &crate::corpus::InputFile,
    cfg: &Config,
    lexer: &mut Lexer,
) -> Result<FileDocs, InputError> {
    let file = pipeline::load(input, cfg)?;
    let mut warnings = Vec::new();
    let docs = pipeline::analyze_file(input, file, lexer, true, &mut warnings);
    Ok((docs, warnings))
}

/// The primaries' token sequences and their seed index.
pub struct SourceSet<'a> {
    pub sources: Vec<&'a [u64]>,
    pub index: SourceIndex,
    /// Each primary's turns of other people, where it is a transcript.
    pub turns: Vec<turns::Turns>,
    /// The primaries' sentences by content word, to place reworded ones.
    pub content: content::ContentIndex,
}

impl<'a> SourceSet<'a> {
    pub fn build(primaries: &'a [(Document, Analysis)], cfg: &AuditConfig) -> Self {
        let sources: Vec<&[u64]> = primaries.iter().map(|(_, a)| a.tokens.as_slice()).collect();
        let index = SourceIndex::build(&sources, &cfg.align);
        let turns = primaries
            .iter()
            .map(|(d, a)| turns::Turns::of(d, a))
            .collect();
        SourceSet {
            sources,
            index,
            turns,
            content: content::ContentIndex::build(primaries),
        }
    }
}

/// One finding: a secondary passage, what it is, and its source if any.
#[derive(Clone, Debug)]
pub struct Finding {
    pub doc: usize,
    /// Token range in the secondary document.
    pub tokens: Range<usize>,
    /// Source document and token range.
    pub source: Option<(usize, Range<usize>)>,
    pub verdict: Verdict,
    /// Share of the passage's words matching the source.
    pub score: f64,
    /// The word diff against the source (empty without a source).
    pub ops: Vec<align::Op>,
}

impl Finding {
    /// Secondary words matching the source.
    pub fn ops_matched(&self) -> usize {
        align::matched_words(&self.ops)
    }

    /// The source tokens that the diff matches to the words of secondary
    /// token range `q`, from the first to the last.
    pub fn matched_source(&self, q: &Range<usize>) -> Option<Range<usize>> {
        self.matched_in(q).map(|(r, _)| r)
    }

    /// The secondary tokens from the first the diff matches to the source
    /// to the last, if any.
    pub fn matched_span(&self) -> Option<Range<usize>> {
        let mut equal = self.ops.iter().filter(|o| o.tag == align::Tag::Equal);
        let first = equal.next()?;
        let last = equal.next_back().unwrap_or(first);
        Some(self.tokens.start + first.sec.start..self.tokens.start + last.sec.end)
    }

    /// How many words of secondary range `q` the diff matches to the source.
    pub fn matched_words_in(&self, q: &Range<usize>) -> usize {
        self.matched_in(q).map_or(0, |(_, n)| n)
    }

    /// [`Finding::matched_source`], and how many of `q`'s words the diff
    /// matches.
    fn matched_in(&self, q: &Range<usize>) -> Option<(Range<usize>, usize)> {
        let mut hit: Option<(Range<usize>, usize)> = None;
        for o in self.ops.iter().filter(|o| o.tag == align::Tag::Equal) {
            let s = self.tokens.start + o.sec.start..self.tokens.start + o.sec.end;
            let (lo, hi) = (s.start.max(q.start), s.end.min(q.end));
            if lo >= hi {
                continue;
            }
            let part = o.src.start + (lo - s.start)..o.src.start + (hi - s.start);
            hit = Some(match hit {
                Some((h, n)) => (h.start.min(part.start)..h.end.max(part.end), n + hi - lo),
                None => (part, hi - lo),
            });
        }
        hit
    }

    /// The source words that secondary range `q` copies whole, word for
    /// word in a row, if it does.
    pub fn copied_whole(&self, q: &Range<usize>) -> Option<Range<usize>> {
        self.matched_in(q)
            .filter(|(r, n)| *n == q.len() && r.len() == q.len())
            .map(|(r, _)| r)
    }
}

/// How much of a secondary document's text traces to sources.
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    pub doc: usize,
    pub passages: usize,
    /// Passages that are headings (a headline, a feed item's title): the
    /// rules for short documents count the body's sentences only.
    pub headings: usize,
    pub words: usize,
    pub traced_words: usize,
    /// Sources drawn on: (document, matched words).
    pub sources: Vec<(usize, usize)>,
    /// Primaries that sentences reworded throughout show evidence of
    /// (see `content`), though no passage matches them near-verbatim.
    pub content_evidence: Vec<usize>,
}

impl Coverage {
    /// Sentences of the document's body (its headings not counted).
    pub(crate) fn body_passages(&self) -> usize {
        self.passages - self.headings
    }

    /// Counts again the words traced, as `kept` traces them.
    fn retrace(&mut self, kept: &[Finding]) {
        self.traced_words = 0;
        self.sources.clear();
        for f in kept {
            if let Some((src, _)) = &f.source {
                self.trace(*src, f.ops_matched());
            }
        }
    }

    /// Counts `words` more traced to source document `src`.
    fn trace(&mut self, src: usize, words: usize) {
        self.traced_words += words;
        match self.sources.iter_mut().find(|x| x.0 == src) {
            Some(x) => x.1 += words,
            None => self.sources.push((src, words)),
        }
    }
}

pub struct AuditResult {
    pub findings: Vec<Finding>,
    pub coverage: Vec<Coverage>,
}

/// Audits the secondary documents of `loaded` against its primaries.
pub fn audit(loaded: &Loaded, set: &SourceSet<'_>, cfg: &AuditConfig) -> AuditResult {
    let primaries: Vec<usize> = (0..loaded.primaries).collect();
    let per_doc: Vec<(Vec<Finding>, Coverage)> = (loaded.primaries..loaded.docs.len())
        .map(|i| {
            let (mut f, c) = audit_doc(loaded, i, &primaries, set, cfg);
            turns::mark_other_speakers(loaded, i, &primaries, &set.turns, &mut f);
            turns::mark_other_answerer(loaded, i, &primaries, &set.turns, &mut f);
            let (mut f, c) = judge_document(loaded, i, &primaries, f, c, cfg);
            opening::take_openings(loaded, i, &mut f);
            (joined::join_runs(&loaded.docs[i].1, f), c)
        })
        .collect();
    let mut findings = Vec::new();
    let mut coverage = Vec::new();
    for (f, c) in per_doc {
        findings.extend(f);
        coverage.push(c);
    }
    AuditResult { findings, coverage }
}

fn side<'a>(loaded: &Loaded<'a>, i: usize) -> Side<'a> {
    let (d, a) = loaded.docs[i];
    Side {
        text: &d.file.text,
        a,
    }
}

/// What auditing one secondary document needs: the documents, the
/// primaries with their seed index, and the configuration.
struct DocAudit<'r> {
    loaded: &'r Loaded<'r>,
    doc: usize,
    primaries: &'r [usize],
    sources: &'r [&'r [u64]],
    index: &'r SourceIndex,
    cfg: &'r AuditConfig,
}

/// Aligns and classifies every sentence of secondary document `doc`.
fn audit_doc(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    set: &SourceSet<'_>,
    cfg: &AuditConfig,
) -> (Vec<Finding>, Coverage) {
    let ctx = DocAudit {
        loaded,
        doc,
        primaries,
        sources: &set.sources,
        index: &set.index,
        cfg,
    };
    let sentences = body_sentences(&loaded.docs[doc].1);
    let (mut aligned, regions) = ctx.aligned_in_order(&sentences);
    let mut reordered = ctx.reorderings(&sentences, &mut aligned, &regions);
    let seeded: Vec<bool> = aligned.iter().map(Option::is_some).collect();
    fill_gaps(loaded, doc, primaries, &sentences, &mut aligned, cfg);
    let placed = ctx.place_by_content(&set.content, &sentences, &mut aligned, &reordered, &seeded);
    let primary = |p: u32| side(loaded, primaries[p as usize]);
    let misread = misread::anchor(
        &side(loaded, doc),
        &sentences,
        &mut aligned,
        (&set.sources, &primary),
        &cfg.align,
    );
    let mut cov = Coverage {
        doc,
        headings: heading_sentences(loaded.docs[doc]),
        content_evidence: placed
            .evidenced
            .iter()
            .map(|&p| primaries[p as usize])
            .collect(),
        ..Coverage::default()
    };
    let mut findings = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        cov.passages += 1;
        cov.words += s.len();
        if let Some(f) = reordered[k].take() {
            if let Some((src_doc, _)) = f.source {
                cov.trace(src_doc, f.ops_matched());
            }
            findings.push(f);
            continue;
        }
        match &aligned[k] {
            None => findings.extend(ctx.unaligned_quotes(s)),
            Some(al) => {
                let how = match (&placed.by[k], seeded[k], misread[k]) {
                    (Some(m), _, _) => Placement::Content(m.shared, m.names),
                    (None, true, _) => Placement::Seeded,
                    (None, false, Some((x, y))) => Placement::Misread(x, y),
                    (None, false, None) => Placement::Neighbours,
                };
                findings.extend(ctx.judge_aligned(s, al, (&aligned, k), how, &mut cov));
            }
        }
    }
    let sentence_end =
        |d: usize, t: usize| classify::sentence_of(&side(loaded, d), t).map(|s| s.end);
    let tokens = |d: usize| loaded.docs[d].1.tokens.as_slice();
    // (A quotation set apart from its sentence comes before it: in text
    // order, it is the finding the next sentence's quotation runs on from.)
    findings.sort_by_key(|f| f.tokens.start);
    stitched::mark_stitched(&side(loaded, doc), &mut findings, &sentence_end, &tokens);
    unmarked::mark_unmarked(&side(loaded, doc), &mut findings);
    let quoted: Vec<Finding> = findings
        .iter()
        .flat_map(|f| ctx.verbatim_quotes(f))
        .collect();
    if !quoted.is_empty() {
        findings.extend(quoted);
        findings.sort_by_key(|f| f.tokens.start);
    }
    cov.sources
        .sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    (findings, cov)
}

impl DocAudit<'_> {
    /// Each sentence aligned in order, and where one does not align, the
    /// source window that held the most of its seeds (it may hold the same
    /// words in another order).
    fn aligned_in_order(&self, sentences: &[Range<usize>]) -> (Vec<Option<Alignment>>, Regions) {
        let (a, cfg) = (&self.loaded.docs[self.doc].1, self.cfg);
        let mut regions: Regions = vec![None; sentences.len()];
        let aligned = sentences
            .iter()
            .zip(&mut regions)
            .map(|(s, region)| {
                let passage = &a.tokens[s.clone()];
                let al = align::align_or_region(self.index, self.sources, passage, &cfg.align)
                    .map_err(|r| *region = r)
                    .ok()
                    .or_else(|| self.figure_anchored(s, region.as_ref()?))?;
                let src = side(self.loaded, self.primaries[al.source as usize]);
                let tokens = self.sources[al.source as usize];
                Some(classify::drop_lone_edges(
                    &src, tokens, passage, al, &cfg.align,
                ))
            })
            .collect();
        (aligned, regions)
    }

    /// A short statement of the source with a figure next to it: five words
    /// in a row of the window `region` (two of them content words) and a
    /// number right after them (or right before) on both sides. "He pledged
    /// to | cut emissions in half by | 2035" for "we will | cut emissions in
    /// half by | 2030" is too short a match for a sentence to align on (five
    /// common words in a row are chance), but a figure in the same place is
    /// not. The sentence is then aligned to the source sentence holding the
    /// five words. (Found by looking the five words up in the window, not by
    /// a diff: most sentences that do not align have no such figure.)
    fn figure_anchored(&self, s: &Range<usize>, region: &(u32, Range<usize>)) -> Option<Alignment> {
        use crate::normalize::LexKind;
        const RUN: usize = align::LONG_RUN;
        let (source, window) = region;
        let sec = side(self.loaded, self.doc);
        let src = side(self.loaded, self.primaries[*source as usize]);
        let tokens = self.sources[*source as usize];
        let is_number = |side: &Side<'_>, t: usize| side.lexeme(t).kind == LexKind::Number;
        // The five words before each number of the sentence (and after it),
        // and where the source's number stands against them.
        let runs = s.clone().filter(|&j| is_number(&sec, j)).flat_map(|j| {
            let before = (j >= s.start + RUN).then(|| (j - RUN..j, RUN as isize));
            let after = (j + 1 + RUN <= s.end).then(|| (j + 1..j + 1 + RUN, -1));
            before.into_iter().chain(after)
        });
        let hit = runs
            .filter(|(run, _)| content_words(&sec, run.clone()).len() >= 2)
            .find_map(|(run, offset)| {
                let words = &sec.a.tokens[run];
                let w = window.clone();
                let lo = w.start;
                // (A window shorter than the run holds none of it.)
                (lo..(w.end + 1).saturating_sub(RUN)).find(|&p| {
                    let figure = p as isize + offset;
                    tokens[p..p + RUN] == *words
                        && figure >= 0
                        && (figure as usize) < tokens.len()
                        && is_number(&src, figure as usize)
                })
            })?;
        let sentence = classify::sentence_of(&src, hit)?;
        let passage = &sec.a.tokens[s.clone()];
        Some(align::align_to(
            tokens,
            *source,
            sentence,
            passage,
            &self.cfg.align,
        ))
    }

    /// The findings of sentence `s`, aligned as `al` (sentence `k` of
    /// `aligned`, placed `how`), and the words it traces counted in `cov`.
    fn judge_aligned(
        &self,
        s: &Range<usize>,
        al: &Alignment,
        (aligned, k): (&[Option<Alignment>], usize),
        how: Placement,
        cov: &mut Coverage,
    ) -> Vec<Finding> {
        let src_doc = self.primaries[al.source as usize];
        let (sec, src) = (side(self.loaded, self.doc), side(self.loaded, src_doc));
        if classify::other_figures(sec, s, src, al) || classify::other_scope(sec, s, src, al) {
            return self.unaligned_quotes(s);
        }
        cov.trace(src_doc, al.matched);
        // Placed by its neighbours or its content, a sentence is a
        // paraphrase of its place; the quotations in it, though, are claims
        // of the source's words, and are judged on their own.
        if how != Placement::Seeded && self.has_quotation(s) {
            let quotes = self.unaligned_quotes(s);
            if !quotes.is_empty() {
                return quotes;
            }
        }
        // Quotations of other places of the source, set apart.
        let (apart, mut out) = self.separate_quotes(s, al);
        let al = apart.as_ref().unwrap_or(al);
        out.push(self.aligned_finding(s, al, aligned, k, how));
        out
    }
}

/// How a sentence's alignment was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    /// By shared runs of words (seeds).
    Seeded,
    /// Between aligned neighbours, by shared content words.
    Neighbours,
    /// By the content words (shared, of them names or figures) it shares
    /// with one source sentence, in a document that shows evidence of it.
    Content(usize, usize),
    /// By a figure of the source (its token) that the sentence's (its
    /// token) gives with its digits in another order (see `misread`).
    Misread(usize, usize),
}

impl DocAudit<'_> {
    /// Places the sentences that neither aligned nor were found reordered
    /// by their content (see `content`).
    fn place_by_content(
        &self,
        index: &content::ContentIndex,
        sentences: &[Range<usize>],
        aligned: &mut [Option<Alignment>],
        reordered: &[Option<Finding>],
        seeded: &[bool],
    ) -> content::Placed {
        let free: Vec<bool> = (0..sentences.len())
            .map(|k| aligned[k].is_none() && reordered[k].is_none())
            .collect();
        let mut evidenced: Vec<u32> = (0..sentences.len())
            .filter(|&k| seeded[k])
            .filter_map(|k| aligned[k].as_ref())
            .filter(|al| al.matched >= self.cfg.min_evidence_words)
            .map(|al| al.source)
            .collect();
        evidenced.sort_unstable();
        let drawn_on: Vec<u32> = evidenced
            .chunk_by(|a, b| a == b)
            .filter(|run| run.len() >= content::SEEDED_EVIDENCE)
            .map(|run| run[0])
            .collect();
        evidenced.dedup();
        let doc = content::Doc {
            side: side(self.loaded, self.doc),
            short: sentences.len() - heading_sentences(self.loaded.docs[self.doc])
                <= content::SHORT_DOCUMENT,
            sentences,
            free: &free,
            seeded: &evidenced,
            drawn_on: &drawn_on,
        };
        content::place(index, self.loaded, &doc, aligned, &self.cfg.align)
    }
}

/// Per sentence, the source window that held the most of its seeds, where
/// it did not align.
type Regions = Vec<Option<(u32, Range<usize>)>>;

/// How many sentences, not boilerplate, lie in heading blocks.
fn heading_sentences((d, a): &(Document, Analysis)) -> usize {
    let heading = |p: &&Passage| d.blocks.get(p.block as usize).is_some_and(|b| b.heading);
    a.passages
        .iter()
        .filter(|p| p.kind == PassageKind::Sentence && !p.boilerplate)
        .filter(heading)
        .count()
}

/// Token ranges of the sentences that are not boilerplate.
fn body_sentences(a: &Analysis) -> Vec<Range<usize>> {
    a.passages
        .iter()
        .filter(|p| p.kind == PassageKind::Sentence && !p.boilerplate)
        .map(|p| p.toks.start as usize..p.toks.end as usize)
        .collect()
}

/// Does the sentence after sentence `k` (aligned as `al`) carry on in the
/// same source, within two words of where this one stops?
fn continues(aligned: &[Option<Alignment>], k: usize, al: &Alignment) -> bool {
    aligned
        .get(k + 1)
        .and_then(Option::as_ref)
        .is_some_and(|next| {
            next.source == al.source
                && next.src.start >= al.src.end
                && next.src.start <= al.src.end + 2
        })
}

/// The source words free to pair with the edges of sentence `k` (aligned as
/// `al`): the source words the neighbouring sentences took are not.
fn room(aligned: &[Option<Alignment>], k: usize, al: &Alignment) -> Range<usize> {
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| aligned.get(i))
            .and_then(Option::as_ref)
            .filter(|n| n.source == al.source)
    };
    neighbour(k.checked_sub(1)).map_or(0, |p| {
        if p.src.end <= al.src.start {
            p.src.end
        } else {
            0
        }
    })..neighbour(Some(k + 1)).map_or(usize::MAX, |n| {
        if n.src.start >= al.src.end {
            n.src.start
        } else {
            usize::MAX
        }
    })
}

impl DocAudit<'_> {
    /// The finding for sentence `k` (tokens `s`), aligned as `al`, placed `how`.
    fn aligned_finding(
        &self,
        s: &Range<usize>,
        al: &Alignment,
        aligned: &[Option<Alignment>],
        k: usize,
        how: Placement,
    ) -> Finding {
        let src_doc = self.primaries[al.source as usize];
        let (sec, src) = (side(self.loaded, self.doc), side(self.loaded, src_doc));
        let continues = continues(aligned, k, al);
        let room = room(aligned, k, al);
        let anchored = self.anchored_quotes(s, al);
        let al = anchored.as_ref().unwrap_or(al);
        let paired = classify::pair_quoted_edges(sec, s, src, al, room.clone());
        let al = paired.as_ref().unwrap_or(al);
        let numbers = classify::pair_numeric_edges(sec, s, src, al, room.clone());
        let al = numbers.as_ref().unwrap_or(al);
        let last = classify::pair_final_words(sec, s, src, al, room.clone())
            .or_else(|| classify::pair_final_figures(sec, s, src, al, room));
        let al = last.as_ref().unwrap_or(al);
        let dates = classify::dates_in_order(&sec, s, &src, al);
        let al = dates.as_ref().unwrap_or(al);
        let mut verdict =
            classify::classify(sec, s.clone(), src, al, continues, &self.cfg.classify);
        let placed = match how {
            Placement::Seeded => None,
            Placement::Neighbours => Some(format!(
                "placed between its neighbours' sources ({} of its {} words in common)",
                al.matched,
                s.len()
            )),
            Placement::Content(shared, names) => Some(format!(
                "placed by its content ({shared} content words in common with the source, \
                 {names} of them names or figures)"
            )),
            Placement::Misread(x, y) => {
                let (theirs, mine) = (src.text_of(&(x..x + 1)), sec.text_of(&(y..y + 1)));
                verdict.kind = Kind::NumericChange;
                verdict.message = format!(
                    "number changed: the source says {theirs:?}, the secondary {mine:?} (its digits in another order); placed by that figure"
                );
                None
            }
        };
        // Placed by its content (or between its neighbours' sources), a
        // sentence keeps a figure changed against its place: the facts it
        // was placed by are there, so a changed one is an error, not other
        // words. (Not a negation: in a diff this loose, "without their
        // ferry" for "has suspended" is one.)
        let changed = !matches!(how, Placement::Seeded)
            && verdict.kind == Kind::NumericChange
            && classify::plain_figure_change(sec, s, src, &al.src);
        // A figure such a sentence gives another value where the diff,
        // this loose, paired no figures ("killed 67 people" placed on "61
        // people have been confirmed dead").
        let unpaired = || match how {
            Placement::Content(..) | Placement::Neighbours
                if verdict.kind != Kind::NumericChange =>
            {
                classify::figure_changed(sec, s, src, &al.src)
            }
            _ => None,
        };
        if let Some(placed) = placed {
            if changed {
                verdict.message = format!("{}; {placed}", verdict.message);
            } else if let Some((theirs, mine)) = unpaired() {
                verdict.kind = Kind::NumericChange;
                verdict.message = format!(
                    "number changed: the source says {theirs:?}, the secondary {mine:?}; {placed}"
                );
            } else {
                // Placed by its neighbours or its content, not by shared
                // wording: the same content in other words.
                verdict.kind = Kind::Paraphrase;
                verdict.message = format!("paraphrase in other words, {placed}");
                // Less said than the source said: its proviso left out.
                if let Some(c) = classify::condition_left_out(sec, s, src, &al.src) {
                    verdict.kind = Kind::Truncation;
                    verdict.message = format!(
                        "drops the condition the source puts on it, {c:?}; {}",
                        verdict.message
                    );
                }
            }
        } else if matches!(verdict.kind, Kind::Verbatim | Kind::Paraphrase)
            && let Some((theirs, mine)) = classify::figure_beside(sec, s, src, &al.src)
        {
            let m = format!("number changed: the source says {theirs:?}, the secondary {mine:?}");
            verdict.message = format!("{m}, a figure the diff left unpaired; {}", verdict.message);
            verdict.kind = Kind::NumericChange;
        }
        if verdict.kind == Kind::Misquote
            && let Some(joined) = self.ellipsis_join(s)
        {
            return joined;
        }
        Finding {
            doc: self.doc,
            tokens: s.clone(),
            source: Some((src_doc, al.src.clone())),
            verdict,
            score: al.coverage,
            ops: al.ops.clone(),
        }
    }
}

/// Longest stretch of source (in words) between two aligned neighbours in
/// which an unaligned sentence is looked for.
const MAX_GAP: usize = 400;

/// A sentence the seeds could not place, between two sentences aligned to
/// the same source in order, is looked for in the stretch of source between
/// them (coverage follows the speech's order, as PAN's extension step
/// assumes): it is aligned to the source sentence there that shares the
/// most content words (at least three, and a quarter of the sentence's: a
/// long sentence of the writer's own shares three words of its topic by
/// chance, "In Tri-County, where ... closed ..."), which is how summaries in other
/// words ("McCallum spoke of ... lawful access to communications") find
/// their source without topic similarity elsewhere counting.
fn fill_gaps(
    loaded: &Loaded,
    doc: usize,
    primaries: &[usize],
    sentences: &[Range<usize>],
    aligned: &mut [Option<Alignment>],
    cfg: &AuditConfig,
) {
    let sec = side(loaded, doc);
    for k in 0..sentences.len() {
        if aligned[k].is_some() || sentences[k].len() < cfg.align.min_words + 2 {
            continue;
        }
        let before = aligned[..k].iter().rev().flatten().next();
        let after = aligned[k + 1..].iter().flatten().next();
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        if b.source != a.source || a.src.start < b.src.end || a.src.start - b.src.end > MAX_GAP {
            continue;
        }
        let src_doc = primaries[b.source as usize];
        let src = side(loaded, src_doc);
        let gap = b.src.end..a.src.start;
        let mine = content_words(&sec, sentences[k].clone());
        let in_gap: Vec<Range<usize>> = src
            .a
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Sentence)
            .map(|p| p.toks.start as usize..p.toks.end as usize)
            .filter(|r| r.start < gap.end && gap.start < r.end)
            .collect();
        // Candidates: each source sentence in the stretch, and each pair of
        // adjacent ones (a summary may fold two sentences into one); on a
        // tie the single sentence, then the earlier one, wins.
        let pairs = in_gap.windows(2).map(|w| w[0].start..w[1].end);
        let best = in_gap
            .iter()
            .cloned()
            .map(|r| (r, 1))
            .chain(pairs.map(|r| (r, 0)))
            .map(|(r, single)| {
                let theirs = content_words(&src, r.clone());
                let shared = mine
                    .iter()
                    .filter(|w| theirs.binary_search(w).is_ok())
                    .count();
                (shared, single, r)
            })
            .filter(|(shared, _, _)| *shared >= 3 && 4 * *shared >= mine.len())
            .max_by_key(|(shared, single, r)| (*shared, *single, std::cmp::Reverse(r.start)))
            .map(|(shared, _, r)| (shared, r));
        if let Some((_, r)) = best {
            let passage = &sec.a.tokens[sentences[k].clone()];
            let al = align::align_to(src.a.tokens.as_slice(), b.source, r, passage, &cfg.align);
            // Shared words in any order place it; the diff must still
            // match some of them, not only "and", "a" and "the".
            if align::has_substance(&al, passage) {
                aligned[k] = Some(al);
            }
        }
    }
}

/// Distinct content words (four letters or more, stop words out) of a token range.
fn content_words(side: &Side<'_>, r: Range<usize>) -> Vec<u64> {
    let mut out: Vec<u64> = r
        .filter_map(|t| {
            let l = &side.a.lexemes[side.a.token_lexeme[t] as usize];
            (l.end - l.start >= 4 && !is_stop_word(l.hash)).then_some(l.hash)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Words of four letters or more that say nothing of a sentence's content.
fn is_stop_word(h: u64) -> bool {
    use std::sync::LazyLock;
    static STOP: LazyLock<Vec<u64>> = LazyLock::new(|| {
        [
            "that", "this", "with", "from", "have", "been", "were", "they", "their", "which",
            "would", "there", "about", "also", "said", "says", "into", "than", "them", "what",
            "when", "will", "more", "most", "some",
        ]
        .iter()
        .map(|w| crate::normalize::form_hash(w))
        .collect()
    });
    STOP.contains(&h)
}
