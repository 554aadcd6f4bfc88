//! Reported speech: the writer's grammar around the speaker's words.

use crate::audit::{compare_to, message};

const SPEECH: &str = "Net migration has more than quadrupled in just four years. Nations depend on rules, fair rules. Without them, we risk becoming an island of strangers.\n";

#[test]
fn a_verb_put_in_the_past_outside_quotes_is_no_edit() {
    let f = compare_to(
        SPEECH,
        "The Prime Minister said net migration had more than quadrupled in just four years.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Inside quotation marks the speaker's words are changed.
    let f = compare_to(
        SPEECH,
        "The Prime Minister said: \"Net migration had more than quadrupled in just four years.\"\n",
    );
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    // Another verb is another claim.
    let f = compare_to(
        SPEECH,
        "The Prime Minister said net migration might more than quadruple in just four years.\n",
    );
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_negation_moved_into_the_writers_words_is_no_negation_changed() {
    // "Without" leaves the source's clause for the writer's framing.
    let f = compare_to(
        SPEECH,
        "He warned that without fair rules, the UK risked becoming \"an island of strangers\".\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(!message(&f[0]).contains("negation"), "{f:#?}");
    assert_ne!(f[0]["kind"], "misquote", "{f:#?}");
    // Dropped, it is reported.
    let f = compare_to(
        SPEECH,
        "He warned that with fair rules, the UK risked becoming \"an island of strangers\".\n",
    );
    assert!(message(&f[0]).contains("negation changed"), "{f:#?}");
}
