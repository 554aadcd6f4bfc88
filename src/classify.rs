//! Classify: what a secondary passage did to its aligned source, from the
//! word diff. Matching already folded case, quote style, dashes, whitespace
//! and number forms, so what is left is real: dropped, added or changed
//! words, numbers whose value differs, negations that appear or vanish,
//! quotation marks lost, clauses cut.

use std::ops::Range;

use serde::Serialize;

use crate::align::{Alignment, Tag};

mod condition;
mod cut;
pub use condition::condition_right_after;
mod edges;
mod figures;
mod framing;
mod heading;
mod moved;
mod negated;
mod negation;
mod placed;
mod proviso;
mod quantity;
mod reorder;
mod scope;
mod side;
mod tense;
mod variant;

pub(crate) use edges::sentence_of;
use edges::split_at_quotes;
pub use edges::{
    drop_lone_edges, pair_final_figures, pair_final_words, pair_numeric_edges, pair_quoted_edges,
};
pub(crate) use framing::is_saying;
pub use framing::stock_attribution;
use framing::{attribution, framing_at_quote};
pub(crate) use negation::{denial_at, is_negation};
pub use placed::{condition_left_out, figure_beside, figure_changed, plain_figure_change};
pub use reorder::reordered;
pub use scope::{other_figures, other_scope};
pub use side::Side;
pub use variant::{dates_in_order, same_words};

/// The kinds of the JSON contract (`stemma.audit/1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Verbatim,
    CopyError,
    Truncation,
    Paraphrase,
    Misquote,
    NumericChange,
    Unsupported,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Verbatim => "verbatim",
            Kind::CopyError => "copy_error",
            Kind::Truncation => "truncation",
            Kind::Paraphrase => "paraphrase",
            Kind::Misquote => "misquote",
            Kind::NumericChange => "numeric_change",
            Kind::Unsupported => "unsupported",
        }
    }

    pub const ALL: [Kind; 7] = [
        Kind::Verbatim,
        Kind::CopyError,
        Kind::Truncation,
        Kind::Paraphrase,
        Kind::Misquote,
        Kind::NumericChange,
        Kind::Unsupported,
    ];
}

/// One edit, in the original text of both sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// `delete` (only in the source), `insert` (only in the secondary),
    /// `replace`, or `quote` (quotation marks present on one side only).
    pub op: &'static str,
    pub source: String,
    pub secondary: String,
}

impl Edit {
    /// An edit from its op and the words of both sides.
    pub(crate) fn new(op: &'static str, source: String, secondary: String) -> Edit {
        Edit {
            op,
            source,
            secondary,
        }
    }
}

/// The verdict on one aligned passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub kind: Kind,
    pub edits: Vec<Edit>,
    pub message: String,
    pub in_quotes: bool,
    pub negation: bool,
}

/// Thresholds of the classifier.
#[derive(Clone, Copy, Debug)]
pub struct ClassifyConfig {
    /// At least this share of words matching, with only short edits (at most
    /// `max_copy_edit` words each, and in all at most that or an eighth of
    /// the passage), is a copy with errors rather than a paraphrase.
    pub copy_coverage: f64,
    /// Edits longer than this (in words) are not "mechanical damage".
    pub max_copy_edit: usize,
    /// A dropped run at least this long is a cut clause (truncation).
    pub min_cut_words: usize,
}

impl Default for ClassifyConfig {
    fn default() -> Self {
        ClassifyConfig {
            copy_coverage: 0.85,
            max_copy_edit: 2,
            min_cut_words: 3,
        }
    }
}

/// Edits the secondary declares itself, which are not errors: an ellipsis
/// for left-out words (`elide`), the writer's words in square brackets for
/// the speaker's (`bracket`).
fn declared(e: &Edit) -> bool {
    matches!(e.op, "elide" | "bracket")
}

/// Classifies `passage` (token range in the secondary) against its alignment.
/// `continues` says the secondary carries on with the rest of the source
/// sentence in its next passage (so stopping early is not a cut).
pub fn classify(
    sec: Side<'_>,
    passage: Range<usize>,
    src: Side<'_>,
    al: &Alignment,
    continues: bool,
    cfg: &ClassifyConfig,
) -> Verdict {
    let quotes = sec.quotes();
    let in_quote = |t: usize| quotes.iter().any(|q| q.contains(&t));
    let in_quotes = (passage.clone()).any(in_quote);
    if al.timed_out {
        return Verdict {
            kind: Kind::Paraphrase,
            edits: Vec::new(),
            message: "alignment timed out: the passage was not compared word by word".into(),
            in_quotes,
            negation: false,
        };
    }
    let core = Core::find(sec, src, &passage, al, &in_quote);
    let mut scan = scan_edits(sec, &passage, src, core.ops(), &in_quote);
    let elsewhere = figures::scan_figures(&mut scan, (sec, &passage), src, al, &core, cfg);
    let lost_quotes = quote_marks_differ(sec, &passage, src, al)
        .or_else(|| unbalanced(sec, &passage, core.ops()));
    let cut = match cut::cut_short((sec, &passage), src, al, core.ops(), (continues, cfg)) {
        cut::Stop::Cut(n) => Some(n),
        cut::Stop::Elided(rest) => {
            let text = src.text_of(&rest);
            scan.edits
                .push(Edit::new("elide", text.clone(), String::new()));
            scan.negation |= negation::count(&src, &rest) > 0;
            scan.elided.push(text);
            None
        }
        cut::Stop::Whole => None,
    };
    let lost = lost_quotes.as_ref();
    let quote_cut = cut::quote_cut_short((sec, &passage), src, core.ops(), cfg);
    let cuts = (cut, quote_cut);
    let (kind, message) = base_verdict(&scan, &core, cuts, lost, passage.len(), cfg);
    // (Its figures another sentence's: no copy of this one, edits and all.)
    let (kind, message) = if elsewhere && kind == Kind::CopyError {
        let m = "paraphrase: its figures are those of another sentence of the source";
        (Kind::Paraphrase, m.to_string())
    } else {
        (kind, message)
    };
    let condition = matches!(
        kind,
        Kind::Verbatim | Kind::CopyError | Kind::Paraphrase | Kind::Truncation
    )
    .then(|| cut::dropped_condition((sec, &passage), src, al, core.ops(), continues))
    .flatten();
    let (kind, message) = match &condition {
        Some(c) => {
            let text = src.text_of(c);
            scan.edits
                .push(Edit::new("delete", text.clone(), String::new()));
            let m = format!("drops the condition the source puts on it, {text:?}; {message}");
            (Kind::Truncation, m)
        }
        None => (kind, message),
    };
    let message = annotate(kind, message, &scan, lost);
    let (kind, message, negation) = negated::judge(
        (sec, &passage),
        src,
        core.ops(),
        &in_quote,
        &mut scan,
        (kind, message),
    );
    if let Some(q) = lost_quotes {
        scan.edits.push(Edit::new("quote", q, String::new()));
    }
    Verdict {
        kind,
        edits: scan.edits,
        message,
        in_quotes,
        negation,
    }
}

/// A passage's operations, with the aligned core (`lo..hi`) between the
/// words the secondary frames it with.
struct Core {
    ops: Vec<crate::align::Op>,
    lo: usize,
    hi: usize,
    /// Whether an attribution set into the text was taken out.
    attributed: bool,
    /// Secondary words in the core, and those matching the source.
    len: usize,
    matched: usize,
}

impl Core {
    /// Splits the passage's operations into framing and the aligned core.
    fn find(
        sec: Side<'_>,
        src: Side<'_>,
        passage: &Range<usize>,
        al: &Alignment,
        in_quote: &dyn Fn(usize) -> bool,
    ) -> Core {
        let abs = |r: &Range<usize>| passage.start + r.start..passage.start + r.end;
        // Words the secondary adds before or after the aligned part are its own
        // framing ("He said:", "according to McCallum"), not edits of the source
        // (unless they are inside quotation marks: quoted words are claims).
        let framing = |o: &crate::align::Op| o.tag == Tag::Insert && !abs(&o.sec).any(in_quote);
        let mut ops = split_at_quotes(&al.ops, |t| in_quote(passage.start + t));
        // So is an attribution set into the text ("..." he said, "..."; The
        // economy, he said, grew).
        let before = ops.len();
        ops.retain(|o| {
            let s = abs(&o.sec);
            !attribution(sec, &s, o.tag, passage, in_quote)
                && !framing_at_quote(sec, src, o, &s, passage, in_quote)
        });
        let attributed = ops.len() < before;
        let lo = ops.iter().position(|o| !framing(o)).unwrap_or(ops.len());
        let hi = ops.iter().rposition(|o| !framing(o)).map_or(lo, |i| i + 1);
        let core = &ops[lo..hi];
        let len = core.iter().map(|o| o.sec.len()).sum();
        let equal = core.iter().filter(|o| o.tag == Tag::Equal);
        let matched = equal.map(|o| o.sec.len()).sum();
        Core {
            ops,
            lo,
            hi,
            attributed,
            len,
            matched,
        }
    }

    /// The operations of the aligned core.
    fn ops(&self) -> &[crate::align::Op] {
        &self.ops[self.lo..self.hi]
    }

    /// Whether the secondary wraps words of its own around the core.
    fn framed(&self) -> bool {
        self.lo > 0 || self.hi < self.ops.len() || self.attributed
    }
}

/// The kind and message of a passage of `n` words, before the ellipses,
/// brackets, lost quotation marks and negation it holds are added.
fn base_verdict(
    scan: &EditScan,
    core: &Core,
    (cut, quote_cut): (Option<usize>, Option<usize>),
    lost_quotes: Option<&String>,
    n: usize,
    cfg: &ClassifyConfig,
) -> (Kind, String) {
    let edits = &scan.edits;
    let no_edits = edits.iter().all(declared);
    let (core_len, matched) = (core.len, core.matched);
    let coverage = matched as f64 / core_len.max(1) as f64;
    if !scan.numeric.is_empty() {
        (Kind::NumericChange, figures::figures_changed(&scan.numeric))
    } else if scan.quoted_change {
        // Only the quoted edits: the writer's words around them are its own.
        let mut quoted = scan.quoted.iter();
        let inside: Vec<Edit> = edits
            .iter()
            .filter(|e| declared(e) || quoted.next() == Some(&true))
            .cloned()
            .collect();
        let m = "words inside quotation marks differ from the source";
        (Kind::Misquote, format!("{m} ({})", summary(&inside)))
    } else if let Some(cut) = longest_cut(scan, cfg)
        && scan.copy_but_cuts(core_len, cfg)
    {
        (Kind::Truncation, format!("drops {cut:?} from the source"))
    } else if no_edits && let Some(cut_after) = cut {
        let m = format!("cut short: the source sentence goes on for {cut_after} more words");
        (Kind::Truncation, m)
    } else if let Some(rest) = quote_cut {
        let m =
            format!("the quotation stops where the source sentence goes on for {rest} more words");
        (Kind::Truncation, m)
    } else if no_edits && lost_quotes.is_some() {
        (Kind::CopyError, lost_quotes.cloned().unwrap_or_default())
    } else if no_edits {
        (Kind::Verbatim, verbatim_count(core.framed(), matched, n))
    } else if coverage >= cfg.copy_coverage
        && scan.longest_edit <= cfg.max_copy_edit
        && scan.edited_words <= cfg.max_copy_edit.max(core_len / 8)
    {
        if grammar_of_own_sentence(scan, core, n) {
            let m = format!(
                "the source's words in the writer's grammar: {}",
                summary(edits)
            );
            return (Kind::Paraphrase, m);
        }
        if reworded_outside_quotes(scan) {
            let m = format!("the source's words, reworded: {}", summary(edits));
            return (Kind::Paraphrase, m);
        }
        let m = format!("copied with changes: {}", summary(edits));
        (Kind::CopyError, m)
    } else {
        let source_len: usize = core.ops().iter().map(|o| o.src.len()).sum();
        let dice = 2.0 * matched as f64 / (core_len + source_len).max(1) as f64;
        let pct = dice * 100.0;
        let mut m = format!("paraphrase: {pct:.0}% of the words in common with the source");
        if let Some(cut) = longest_cut(scan, cfg) {
            m.push_str(&format!(", and drops {cut:?}"));
        }
        (Kind::Paraphrase, m)
    }
}

/// The message of a verbatim passage: `matched` of its `n` words, and
/// whether words of the writer's own frame them.
pub(crate) fn verbatim_count(framed: bool, matched: usize, n: usize) -> String {
    let what = if framed {
        "verbatim, within the secondary's own words"
    } else {
        "verbatim"
    };
    format!("{what} ({matched} of {n} words)")
}

/// Are source tokens `p` words outside the source's quotation marks, short
/// (an attribution: four words at most), between two quoted words of its
/// ("Keep it short," | she said, | "because Tom never did")?
fn interrupts_a_quotation(src: Side<'_>, p: &Range<usize>) -> bool {
    let quotes = src.quotes();
    let quoted = |t: usize| quotes.iter().any(|q| q.contains(&t));
    !p.is_empty()
        && p.len() <= 4
        && p.start > 0
        && quoted(p.start - 1)
        && quoted(p.end)
        && !p.clone().any(quoted)
}

/// Do the passage's edits, outside quotation marks, change only function
/// words, and either fit a short stretch of the source (under half the
/// passage) into the writer's own sentence ("It says a dairy at Kettlewick
/// Mill is the probable source, but ..." for "... at Kettlewick Mill as
/// the probable source") or touch more than articles ("the" for "our",
/// "which is" left out, "had" added)? That is the writer's grammar, no
/// copy damaged. (An article alone dropped, added or doubled in a copy is
/// the damage of copying; so is a hedge changed, "will" for "may".)
fn grammar_of_own_sentence(scan: &EditScan, core: &Core, n: usize) -> bool {
    !scan.content_edited
        && !scan.damage
        && !scan.quoted.iter().any(|&q| q)
        && (2 * core.len < n || scan.grammar_edited)
}

/// Are the passage's edits, all outside quotation marks, the writer's
/// choice of words: words put for others or added ("starting" for
/// "beginning", "able to" for "that can", "league" added), with no word of
/// content dropped, no typo, and no hedge, limit, name or denial touched
/// (`EditScan::damage`)? Outside
/// quotation marks the words are the writer's; only what they claim is
/// held to the source (figures and negations are judged before this).
fn reworded_outside_quotes(scan: &EditScan) -> bool {
    scan.content_edited && !scan.damage && !scan.quoted.iter().any(|&q| q)
}

/// The longest run of source words dropped, if it is a cut clause.
fn longest_cut(scan: &EditScan, cfg: &ClassifyConfig) -> Option<String> {
    if scan.longest_cut < cfg.min_cut_words {
        return None;
    }
    scan.longest_cut_at.map(|i| scan.edits[i].source.clone())
}

/// The message with what the ellipses stand for, the writer's bracketed
/// words and (when there are other edits) the lost quotation marks.
fn annotate(kind: Kind, message: String, scan: &EditScan, lost_quotes: Option<&String>) -> String {
    let elided = &scan.elided;
    let edits_left = !scan.edits.iter().all(declared);
    let joined = elided.join(" … ");
    let message = match (kind, elided.is_empty()) {
        (_, true) => message,
        (Kind::Verbatim, false) => format!("{message}, the ellipsis standing for {joined:?}"),
        (_, false) => format!("{message}; the ellipsis stands for {joined:?}"),
    };
    let message = if scan.bracketed.is_empty() {
        message
    } else {
        let parts: Vec<String> = scan
            .bracketed
            .iter()
            .map(|(writer, speaker)| match speaker.is_empty() {
                true => format!("{writer:?} added"),
                false => format!("{writer:?} for {speaker:?}"),
            })
            .collect();
        format!("{message}; in brackets, the writer's {}", parts.join(", "))
    };
    match (lost_quotes, edits_left) {
        (Some(q), true) => format!("{message}; {q}"),
        _ => message,
    }
}

/// A changed figure: the source's, the secondary's, its tokens, and
/// whether the edit replaced the figure alone.
type Figure = (String, String, (Range<usize>, bool));

/// What the edits of an alignment amount to.
#[derive(Default)]
struct EditScan {
    edits: Vec<Edit>,
    /// Changed figures.
    numeric: Vec<Figure>,
    negation: bool,
    /// Negation words the source has where an edit of the core drops them
    /// (their forms), and whether an edit adds one.
    neg_dropped: Vec<u64>,
    neg_added: bool,
    /// An edit changes a negation and nothing else ([`negation::bare_flip`]).
    neg_bare: bool,
    quoted_change: bool,
    /// For each undeclared edit, in order: is it inside quotation marks?
    quoted: Vec<bool>,
    longest_cut: usize,
    /// The index in `edits` of the longest run of source words dropped (not
    /// moved).
    longest_cut_at: Option<usize>,
    /// Lengths of the runs of source words dropped (not moved), and of the
    /// other edits.
    cuts: Vec<usize>,
    others: Vec<usize>,
    longest_edit: usize,
    edited_words: usize,
    elided: Vec<String>,
    /// Does an undeclared edit drop, add or change a word of content (not
    /// only function words: "as" for "is")?
    content_edited: bool,
    /// Does one touch a function word other than an article ("our" for
    /// "the", "which is" dropped)?
    grammar_edited: bool,
    /// Does an undeclared edit drop a word of content, misspell a word,
    /// put in, leave out or swap a kind of hedge or limit ("may", "around",
    /// "only", "more than"; not "could" for "may": `variant::hedges`), touch
    /// a name, or put
    /// a denial for another word or the other way ("admitted" for
    /// "denied")? Such edits
    /// are the damage of copying or change what is claimed, wherever they
    /// are.
    damage: bool,
    /// The writer's bracketed words and the source's words they stand for.
    bracketed: Vec<(String, String)>,
}

/// Walks the non-equal operations of the aligned core.
fn scan_edits(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    core: &[crate::align::Op],
    in_quote: &dyn Fn(usize) -> bool,
) -> EditScan {
    let abs = |r: &Range<usize>| passage.start + r.start..passage.start + r.end;
    let mut e = EditScan::default();
    for op in core.iter().filter(|o| o.tag != Tag::Equal) {
        let s_abs = abs(&op.sec);
        if variant::same_words(op.tag, &src, &op.src, &sec, &s_abs) {
            continue;
        }
        let (s_text, p_text) = (sec.text_of(&s_abs), src.text_of(&op.src));
        // An ellipsis inside a quotation declares the words it stands for.
        let declared = op.tag == Tag::Delete
            && s_abs.start > passage.start
            && in_quote(s_abs.start - 1)
            && sec.ellipsis_before(s_abs.start);
        if declared {
            e.negation |= op.src.clone().any(|t| negation::is_negated_word(&src, t));
            e.edits
                .push(Edit::new("elide", p_text.clone(), String::new()));
            e.elided.push(p_text);
            continue;
        }
        // Square brackets inside a quotation declare the writer's words
        // ("[the government has]" for "we have"). A changed number or
        // negation in them is still reported.
        let bracketed = op.tag != Tag::Delete
            && in_quote(s_abs.start)
            && s_abs.clone().all(|t| sec.in_brackets(t));
        // A transcript's speaker label ("Governor Marsh:") is no words of
        // the speaker's: the writer names the speaker in words of its own.
        if !op.src.is_empty()
            && op.src.clone().all(|t| src.in_speaker_label(t))
            && !s_abs.clone().any(in_quote)
        {
            continue;
        }
        // Nor is the attribution that interrupts a quotation the speaker
        // gives ("Keep it short," she said, "because Tom never did"): a
        // writer quoting the quotation whole leaves it out.
        if op.tag == Tag::Delete && interrupts_a_quotation(src, &op.src) {
            continue;
        }
        if !negation::whole_clause(op, src, sec, passage) {
            let (theirs, mine) = (
                negation::words_in_part(src, &op.src, core),
                negation::words(sec, &s_abs),
            );
            e.neg_bare |=
                theirs.len() != mine.len() && negation::bare_flip(src, &op.src, sec, &s_abs);
            if theirs.len() > mine.len() {
                e.neg_dropped.extend(theirs);
            } else if mine.len() > theirs.len() {
                e.neg_added = true;
            }
        }
        if framing::sentence_join(src, op, sec, &s_abs, in_quote) {
            continue;
        }
        if op.tag == Tag::Insert
            && !s_abs.clone().any(in_quote)
            && framing::clarified_from_source(sec, &s_abs, src, op.src.start)
        {
            continue;
        }
        if op.tag == Tag::Replace {
            e.numeric
                .extend(figures::changed_numbers(src, &op.src, sec, &s_abs));
            if variant::date_word_changed(&src, &op.src, &sec, &s_abs) {
                e.numeric
                    .push((p_text.clone(), s_text.clone(), (s_abs.clone(), true)));
            }
            if e.numeric.is_empty()
                && let Some((p, s, r)) = quantity::multiplier_changed(&src, &op.src, &sec, &s_abs)
            {
                e.numeric.push((p, s, (r, false)));
            }
            if e.numeric.is_empty()
                && let Some((p, s, r)) = quantity::time_changed(&src, &op.src, &sec, &s_abs)
            {
                let clean = r == s_abs;
                e.numeric.push((p, s, (r, clean)));
            }
        } else {
            e.numeric
                .extend(quantity::sign_change(&src, &op.src, &sec, &s_abs));
        }
        if e.numeric.is_empty()
            && let Some((p, s, r)) = quantity::ceiling_dropped(&src, &op.src, &sec, &s_abs)
        {
            // (Clean: the source's own figure, its ceiling left out, is
            // no figure a rewording brought from nearby.)
            e.numeric.push((p, s, (r, true)));
        }
        if bracketed {
            e.edits
                .push(Edit::new("bracket", p_text.clone(), s_text.clone()));
            e.bracketed.push((s_text, p_text));
        } else {
            // A misspelt word inside quotation marks is still the speaker's
            // word: mechanical damage, not other words put in their mouth.
            // So is an article dropped, added or swapped ("spent 214 days
            // at the sea"), or a word the sense does not need dropped ("and
            // [to] small island states"): the speaker's claim is the same.
            let typo = op.tag == Tag::Replace && variant::typo(&p_text, &s_text);
            let needless = op.tag == Tag::Delete && variant::needless_word(&src, &op.src);
            let article = variant::articles_only(&src, &op.src, &sec, &s_abs) || needless;
            let inside = inside_quotes(passage, &s_abs, in_quote);
            let quoted = !typo && !article && inside;
            e.quoted_change |= quoted;
            e.quoted.push(quoted);
            // Words dropped here that the passage gives elsewhere moved: no
            // cut ("... and less time on paperwork" moved to the end); nor
            // is a lead into reported words ("tells us that").
            let moved = op.tag == Tag::Delete
                && (framing::reporting_lead(&src, &op.src)
                    || framing::aside(&src, &op.src, &sec, passage)
                    || framing::speakers_place(&src, &op.src)
                    || cut::set_off(src, &op.src)
                    || framing::lead_retold(&src, &op.src, s_abs.start, passage, in_quote)
                    || framing::quote_opens_anew(&src, &op.src, s_abs.start, in_quote)
                    || cut::merge_seam(src, &op.src, !in_quote(s_abs.start))
                    || cut::grammar_only(src, &op.src, !in_quote(s_abs.start))
                    || cut::perfect_put_in_past(src, &op.src, !in_quote(s_abs.start))
                    || cut::passive_object(src, sec, passage, (core, op), !in_quote(s_abs.start))
                    || cut::passive_put_active(
                        src,
                        sec,
                        passage,
                        (core, op),
                        !in_quote(s_abs.start),
                    )
                    || cut::said_elsewhere((sec, passage), src, &op.src, core));
            let function = |side: &Side<'_>, r: &Range<usize>| {
                r.clone().all(|t| variant::grammar_token(side, t))
            };
            e.content_edited |= !function(&src, &op.src) || !function(&sec, &s_abs);
            let article = |side: &Side<'_>, r: &Range<usize>| {
                r.clone().all(|t| variant::is_article(side.a.tokens[t]))
            };
            e.grammar_edited |= !article(&src, &op.src) || !article(&sec, &s_abs);
            let denies =
                |side: &Side<'_>, r: &Range<usize>| r.clone().any(|t| negation::denial_at(side, t));
            e.damage |= typo
                || (needless && inside)
                || (op.tag == Tag::Delete && !moved && !function(&src, &op.src))
                || variant::hedges(&src, &op.src) != variant::hedges(&sec, &s_abs)
                || variant::named(&src, &op.src)
                || variant::named(&sec, &s_abs)
                || denies(&src, &op.src) != denies(&sec, &s_abs);
            e.change(op, p_text, s_text, moved);
        }
    }
    e
}

impl EditScan {
    /// Records an undeclared edit of source text `p_text` to secondary text
    /// `s_text`, and its length.
    fn change(&mut self, op: &crate::align::Op, p_text: String, s_text: String, moved: bool) {
        let name = match op.tag {
            Tag::Delete => "delete",
            Tag::Insert => "insert",
            _ => "replace",
        };
        self.edits.push(Edit::new(name, p_text, s_text));
        self.longest_edit = self.longest_edit.max(op.src.len().max(op.sec.len()));
        self.edited_words += op.src.len().max(op.sec.len());
        if op.tag == Tag::Delete && !moved {
            if op.src.len() > self.longest_cut {
                self.longest_cut_at = Some(self.edits.len() - 1);
            }
            self.longest_cut = self.longest_cut.max(op.src.len());
            self.cuts.push(op.src.len());
        } else {
            self.others.push(op.src.len().max(op.sec.len()));
        }
    }

    /// Is the passage, but for its runs of `min_cut` dropped words or more,
    /// a copy (edits no longer than `cfg.max_copy_edit`, and no more words
    /// edited than that or an eighth of the `core_len` words)? A clause cut
    /// from a sentence otherwise reworded is a paraphrase, not a truncation.
    fn copy_but_cuts(&self, core_len: usize, cfg: &ClassifyConfig) -> bool {
        let rest = || {
            let short_cuts = self.cuts.iter().filter(|&&n| n < cfg.min_cut_words);
            self.others.iter().chain(short_cuts)
        };
        rest().all(|&n| n <= cfg.max_copy_edit)
            && rest().sum::<usize>() <= cfg.max_copy_edit.max(core_len / 8)
    }
}

/// Is the edit at secondary tokens `s_abs` a change inside quotation marks
/// (a deletion counts when it falls between two quoted words)?
fn inside_quotes(
    passage: &Range<usize>,
    s_abs: &Range<usize>,
    in_quote: &dyn Fn(usize) -> bool,
) -> bool {
    if s_abs.is_empty() {
        s_abs.start > passage.start && in_quote(s_abs.start - 1) && in_quote(s_abs.start)
    } else {
        s_abs.clone().any(in_quote)
    }
}

/// A short description of the edits: `"the" dropped, "43" -> "34"`.
fn summary(edits: &[Edit]) -> String {
    let parts: Vec<String> = edits
        .iter()
        .filter(|e| !declared(e))
        .take(4)
        .map(|e| match e.op {
            "delete" => format!("{:?} dropped", e.source),
            "insert" => format!("{:?} added", e.secondary),
            _ => format!("{:?} -> {:?}", e.source, e.secondary),
        })
        .collect();
    let more = edits.len().saturating_sub(4);
    if more > 0 {
        format!("{}, and {more} more", parts.join(", "))
    } else {
        parts.join(", ")
    }
}

/// A quotation of the aligned words opened and never closed ("quotation
/// marks unbalanced"): the reader cannot tell where the speaker's words
/// end.
fn unbalanced(sec: Side<'_>, passage: &Range<usize>, core: &[crate::align::Op]) -> Option<String> {
    let (first, last) = (core.first()?, core.last()?);
    let aligned = passage.start + first.sec.start..passage.start + last.sec.end;
    let q = sec.unbalanced_quote_in(&aligned)?;
    let opening = sec.text_of(&(q.start..q.end.min(q.start + 5)));
    Some(format!(
        "quotation marks unbalanced: the quotation opened before {opening:?} is never closed"
    ))
}

/// Quotations of the source, inside the aligned region, that the secondary
/// copies without their quotation marks ("quotation marks lost"). Marks at
/// the region's edges do not count: quoting a source is not an error.
fn quote_marks_differ(
    sec: Side<'_>,
    passage: &Range<usize>,
    src: Side<'_>,
    al: &Alignment,
) -> Option<String> {
    let map_src = |t: usize| -> Option<usize> {
        al.ops
            .iter()
            .find(|o| o.tag == Tag::Equal && o.src.start <= t && t <= o.src.end)
            .map(|o| passage.start + o.sec.start + (t - o.src.start))
    };
    let sec_quotes = sec.quotes();
    let lost: Vec<String> = src
        .quotes()
        .iter()
        .filter(|q| q.start > al.src.start && q.end < al.src.end && !q.is_empty())
        .filter(|q| {
            let (Some(a), Some(b)) = (map_src(q.start), map_src(q.end)) else {
                return false;
            };
            !sec_quotes.iter().any(|s| s.start == a && s.end == b)
        })
        .map(|q| src.text_of(q))
        .collect();
    if lost.is_empty() {
        return None;
    }
    let shown: Vec<String> = lost.iter().take(3).map(|q| format!("{q:?}")).collect();
    Some(format!(
        "quotation marks lost: the source quotes {}",
        shown.join(", ")
    ))
}
