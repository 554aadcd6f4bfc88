//! Sentences that give a source sentence's words in another order, as
//! reported speech often does: found, and a changed figure in them reported.

use crate::audit::{compare, edits, message, only};

#[test]
fn a_changed_figure_in_a_reordered_sentence_is_a_numeric_change() {
    let f = compare(
        "He said 34 late-stage attack plots had been disrupted by MI5 and the police since March 2017.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "numeric_change", "{f:#}");
    assert_eq!(edits(f), [("replace".into(), "43".into(), "34".into())]);
    assert!(message(f).contains("in another order"), "{f:#}");
    // The source span is the source sentence the words come from.
    let src = f["source"]["text"].as_str().unwrap();
    assert!(src.starts_with("Since March 2017"), "{src}");
    assert!(src.ends_with("late-stage attack plots."), "{src}");
}

#[test]
fn a_faithful_reordered_sentence_is_a_paraphrase() {
    let f = compare(
        "Across Europe, he said, we will keep working with our partners, and we will not let these threats go unanswered.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "paraphrase", "{f:#}");
    assert!(
        message(f).starts_with("paraphrase: the source's words in another order"),
        "{f:#}"
    );
    assert_eq!(f["edits"].as_array().unwrap().len(), 0, "{f:#}");
}

#[test]
fn a_reordered_sentence_with_its_negation_dropped_says_so() {
    let f = compare(
        "Across Europe, he said, we will keep working with our partners, and we will let these threats go unanswered.\n",
    );
    let f = only(&f);
    assert!(message(f).starts_with("negation changed"), "{f:#}");
    assert_eq!(f["negation"], true, "{f:#}");
}

#[test]
fn runs_from_several_source_sentences_are_no_reordered_copy() {
    // Runs of two neighbouring source sentences, in the other order: one
    // of them aligns in order; together they are no reordering of one
    // sentence.
    let f = compare(
        "Some of those plotters were trying to get hold of firearms, and MI5 and the police have together disrupted 43 of them.\n",
    );
    assert!(!f.is_empty());
    assert!(
        f.iter().all(|f| !message(f).contains("another order")),
        "{f:#?}"
    );
}

const SPEECH: &str = "We will build 6 new frigates in Scottish shipyards, securing 4,000 skilled jobs across the country.\n\n\
In the last year alone, violent crime has fallen by 10 per cent across the country, and we will keep going.\n\n\
Neighbourhood policing has been cut back for too long, and we will not let it wither.\n\n\
Across the country, 2 million more appointments were delivered in the last year, one of the biggest increases on record.\n\n\
Our regular army stands at 73,000. New recruits will be trained at Catterick over the next two years. \
Recruitment has fallen short of its target for each of the last ten years, and that must change.\n";

/// A finding as (kind, message, edits).
type Judged = (String, String, Vec<(String, String, String)>);

/// The findings on `secondary` against SPEECH.
fn judged(secondary: &str) -> Vec<Judged> {
    crate::audit::compare_to(SPEECH, secondary)
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().into(),
                message(f).into(),
                edits(f),
            )
        })
        .collect()
}

#[test]
fn a_figure_that_breaks_its_own_run_is_still_compared() {
    // "6 new frigates" / "8 new frigates": the changed figure leaves "new
    // frigates" too short to be a run of its own.
    let f = judged(
        "Securing 4,000 skilled jobs across the country, 8 new frigates will be built in Scottish shipyards.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].0, "numeric_change", "{f:#?}");
    assert_eq!(f[0].2, [("replace".into(), "6".into(), "8".into())]);
}

#[test]
fn the_source_s_phrasing_about_something_else_is_no_reordered_copy() {
    // Burglary is not violent crime: shared phrasing, other words where
    // the source has its own.
    let f = judged(
        "Across the country, burglary has fallen by 4 per cent in the last year alone, police figures show.\n",
    );
    assert!(f.iter().all(|x| !x.1.contains("another order")), "{f:#?}");
    assert!(f.iter().all(|x| x.0 != "numeric_change"), "{f:#?}");
}

#[test]
fn a_negation_in_a_clause_the_sentence_does_not_report_is_no_change() {
    let f = judged("For too long neighbourhood policing has been cut back, he said.\n");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].1
            .starts_with("paraphrase: the source's words in another order"),
        "{f:#?}"
    );
}

#[test]
fn a_stock_phrase_of_another_paragraph_does_not_stretch_an_alignment() {
    // "In the last year" is also in the second paragraph: the figure is
    // compared with its own sentence's ("one", of "one of the", is none).
    let f = judged(
        "In the last year, 3 million more appointments were delivered across the country.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].0, "numeric_change", "{f:#?}");
    assert_eq!(f[0].2, [("replace".into(), "2".into(), "3".into())]);
}

#[test]
fn runs_stop_at_source_sentence_ends() {
    // "years. Recruitment has ..." would make a run across two sentences
    // that hides the sentence's own "for each of the last ten years".
    let f = judged("For each of the last ten years, recruitment has fallen short of its target.\n");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].0, "paraphrase", "{f:#?}");
    assert!(f[0].1.contains("another order"), "{f:#?}");
}

#[test]
fn an_added_figure_is_no_changed_one() {
    // The source sentence gives no figure the sentence changed ("two" is
    // in a run; 73,000 is in the sentence before).
    let f = judged("Over the next two years, 5,000 new recruits will be trained at Catterick.\n");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].0, "paraphrase", "{f:#?}");
}

#[test]
fn other_words_where_the_source_has_its_own_are_another_claim() {
    // One source sentence, its runs out of order, but "burglary" where it
    // says "violent crime": not a copy with a changed figure.
    let f = crate::audit::compare_to(
        "In the last year alone, violent crime has fallen by 10 per cent in our cities, and we will keep going.\n",
        "In our cities, burglary has fallen by 4 per cent in the last year alone.\n",
    );
    assert!(f.iter().all(|x| x["kind"] != "numeric_change"), "{f:#?}");
    assert!(
        f.iter().all(|x| !message(x).contains("another order")),
        "{f:#?}"
    );
}

#[test]
fn a_moved_clause_is_not_a_cut() {
    let speech = "We will cut red tape so that officers spend more time on the beat, less time on paperwork and more time with victims.\n";
    // The clause moved to the end: dropped where it was, given again.
    let f = crate::audit::compare_to(
        speech,
        "We will cut red tape so that officers spend more time on the beat and more time with victims, and less time on paperwork.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
    // Dropped for good, it is a cut clause.
    let f = crate::audit::compare_to(
        speech,
        "We will cut red tape so that officers spend more time on the beat and more time with victims.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_proviso_left_out_of_a_reordered_sentence_is_a_truncation() {
    let source = "We welcome the proposals for debt-for-climate swaps, and Halevu is ready to take part, but only if the terms are set with us and not for us.\n";
    let f = crate::audit::compare_to(
        source,
        "Tauvaga said Halevu was ready to take part in debt-for-climate swaps.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(message(&f[0]).contains("but only if the terms"), "{f:#?}");
    // Kept in the writer's words, it is no cut.
    let f = crate::audit::compare_to(
        source,
        "Tauvaga said Halevu was ready to take part in debt-for-climate swaps, but only if the terms were set with it.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}
