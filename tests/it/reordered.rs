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
    assert!(src.ends_with("late-stage attack plots"), "{src}");
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
