//! Negations a passage changes, as a verdict: a negation the aligned core
//! drops or adds, one the writer's words before the match change, and what
//! that makes of the passage (a misquote when the words are given as the
//! speaker's, in quotation marks or in reported speech with a verb of
//! saying).

use std::ops::Range;

use super::{Edit, EditScan, Kind, Side, framing, negation};
use crate::align::Op;

/// The passage's kind and message after its negations (`kind` and
/// `message` as judged without them), and whether a negation changed.
/// Adds the edit of a changed lead-in to `scan`.
pub(super) fn judge(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    core: &[Op],
    in_quote: &dyn Fn(usize) -> bool,
    scan: &mut EditScan,
    (kind, message): (Kind, String),
) -> (Kind, String, bool) {
    let in_quotes = passage.clone().any(in_quote);
    // A negation the source has and the core drops is no negation changed
    // where the writer gives the same word in its own words around the
    // core ("He warned that without fair rules" for "Without them"); one
    // the core adds always is, as is one an ellipsis hides.
    let around = negation::words_outside(sec, passage, core);
    // One the core adds where the source negates its verb of saying just
    // before the words copied moved onto them ("is not anything like
    // enough" for "I will not pretend that it is anything like enough").
    let raised = scan.neg_added
        && scan.neg_dropped.is_empty()
        && core
            .first()
            .is_some_and(|o| negation::raised_before(src, o.src.start));
    let negation = scan.negation
        || (scan.neg_added && !raised)
        || scan.neg_dropped.iter().any(|h| !around.contains(h));
    let lead_in = lead_in((sec, passage), src, core, (scan, in_quote), &around);
    if let Some((theirs, mine)) = &lead_in {
        let op = if mine.is_empty() { "delete" } else { "replace" };
        scan.edits
            .insert(0, Edit::new(op, src.text_of(theirs), sec.text_of(mine)));
    }
    let negation = negation || lead_in.is_some();
    // Reported speech that gives the speaker's own words without the
    // negation right before them ("Szabo-Mercer said police had evidence
    // that ..." for "We have no evidence that ...") claims their words as
    // much as quotation marks do: it misquotes them.
    // (Not where the writer's own verb denies: "ruled out claims that".)
    let denied = || {
        passage
            .clone()
            .any(|t| !in_quote(t) && negation::denial_at(&sec, t))
    };
    let said = || {
        kind != Kind::NumericChange
            && passage
                .clone()
                .any(|t| !in_quote(t) && framing::is_saying(sec.lexeme(t).hash))
            && !denied()
    };
    let reported = || lead_in.is_some() && said();
    // A plain flip of the source's negation in words otherwise faithful
    // ("Park said the base model includes a charger" for "does not
    // include") says the opposite: in reported speech it misquotes the
    // speaker; elsewhere it is a changed word.
    // (Not where another edit moves a negation the other way: "no alcohol
    // on sale" for "alcohol will not be sold".)
    // Nor where "unless" turns into "if" (or back) with it: "could still
    // be selected … if the charge is withdrawn" for "will not be selected
    // … unless the charge is withdrawn" says the same.
    let both_ways = scan.neg_added && !scan.neg_dropped.is_empty();
    let one_way = !both_ways && !condition_inverted((sec, passage), src, core);
    let flipped = negation
        && (scan.neg_bare || lead_in.is_some())
        && one_way
        && matches!(kind, Kind::Verbatim | Kind::Paraphrase)
        && !denied();
    let (kind, message) = if negation && (in_quotes || reported() || (flipped && said())) {
        (Kind::Misquote, message)
    } else if flipped {
        (Kind::CopyError, message)
    } else if lead_in.is_some() && kind == Kind::Verbatim {
        // The words are the source's, the claim is not.
        (
            Kind::Paraphrase,
            message.replacen("verbatim", "the rest verbatim", 1),
        )
    } else {
        (kind, message)
    };
    let message = described(message, lead_in.as_ref(), negation, sec, src);
    (kind, message, negation)
}

/// Does an edit of the core put "if" for "unless", or "unless" for "if"?
fn condition_inverted(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    core: &[Op],
) -> bool {
    use crate::normalize::form_hash;
    let (if_, unless) = (form_hash("if"), form_hash("unless"));
    let has =
        |side: &Side<'_>, r: Range<usize>, h: u64| r.into_iter().any(|t| side.a.tokens[t] == h);
    core.iter().any(|o| {
        let mine = passage.start + o.sec.start..passage.start + o.sec.end;
        (has(&src, o.src.clone(), unless) && has(&sec, mine.clone(), if_))
            || (has(&src, o.src.clone(), if_) && has(&sec, mine, unless))
    })
}

/// The writer's words before the match (`theirs` in the source, `mine` in
/// the passage) where they negate what the source's did not, or leave out
/// its negation ("The department expects | delays" for "We do not expect |
/// delays"); not where the word moved (`around`: negation words the
/// writer gives around the core).
fn lead_in(
    (sec, passage): (Side<'_>, &Range<usize>),
    src: Side<'_>,
    core: &[Op],
    (scan, in_quote): (&EditScan, &dyn Fn(usize) -> bool),
    around: &[u64],
) -> Option<(Range<usize>, Range<usize>)> {
    let first = core.first()?;
    let mut lead = passage.start..passage.start + first.sec.start;
    let mut start = first.src.start;
    // A first word matched outside quotation marks that ends the source's
    // sentence before the one a quotation opens on right after it is the
    // writer's ("On loans: “Where loans are …”" against "… grants, not
    // loans. Where loans are …"): the match starts with the quotation.
    let quote_opens = |t: usize| !in_quote(t) && in_quote(t + 1);
    if first.tag == crate::align::Tag::Equal
        && first.src.len() > 1
        && quote_opens(lead.end)
        && super::edges::sentence_of(&src, start).is_some_and(|r| r.end == start + 1)
    {
        lead.end += 1;
        start += 1;
    }
    negation::lead_in_differs(sec, lead, src, start).filter(|(theirs, mine)| {
        let dropped = negation::words(src, theirs);
        if dropped.is_empty() {
            negation::words(sec, mine)
                .iter()
                .any(|h| !scan.neg_dropped.contains(h))
        } else {
            dropped.iter().any(|h| !around.contains(h))
        }
    })
}

/// `message`, led by what changed a negation.
fn described(
    message: String,
    lead_in: Option<&(Range<usize>, Range<usize>)>,
    negation: bool,
    sec: Side<'_>,
    src: Side<'_>,
) -> String {
    match lead_in {
        Some((theirs, mine)) if mine.is_empty() => format!(
            "negation changed: the source has \"{}\" right before the words copied, which the secondary leaves out; {message}",
            src.text_of(theirs)
        ),
        Some((theirs, mine)) => format!(
            "negation changed: the source has \"{}\" before the words copied, the secondary \"{}\"; {message}",
            src.text_of(theirs),
            sec.text_of(mine)
        ),
        None if negation => format!("negation changed; {message}"),
        None => message,
    }
}
