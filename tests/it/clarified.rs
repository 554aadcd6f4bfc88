//! Words the writer adds outside quotation marks that the source itself
//! gives nearby: a clarification, not a change; and an object the writer
//! makes the subject of a passive: moved, not dropped.

use crate::audit::{compare_to, message};

const APPEAL: &str = "We are appealing for help in finding Maisie Rowlands, who is 14 and has \
    been missing since Saturday evening. Maisie was last seen at around 7.40pm on Saturday \
    8 February, walking along Station Road towards the town centre. We know that Maisie boarded \
    the number 38 bus at 7.52pm from the stop outside the Co-op on Station Road.\n";

#[test]
fn a_surname_or_a_day_the_source_gives_nearby_is_no_edit() {
    for article in [
        "Maisie Rowlands was last seen at around 7.40pm on Saturday 8 February, walking along \
         Station Road towards the town centre, the chief constable said.\n",
        "Police say Maisie boarded the number 38 bus at 7.52pm on Saturday from the stop \
         outside the Co-op on Station Road.\n",
    ] {
        let f = compare_to(APPEAL, article);
        assert!(!f.is_empty(), "{f:#?}");
        assert!(
            f.iter().all(|f| f["kind"] == "verbatim"),
            "{article}: {f:#?}"
        );
    }
    // A name or a day the source does not give is the writer's addition.
    for (article, added) in [
        (
            "Maisie Ross was last seen at around 7.40pm on Saturday 8 February, walking along \
             Station Road towards the town centre, the chief constable said.\n",
            "\"Ross\" added",
        ),
        (
            "Police say Maisie boarded the number 38 bus at 7.52pm on Friday from the stop \
             outside the Co-op on Station Road.\n",
            "\"on Friday\" added",
        ),
    ] {
        let f = compare_to(APPEAL, article);
        assert_eq!(f[0]["kind"], "copy_error", "{article}: {f:#?}");
        assert!(message(&f[0]).contains(added), "{f:#?}");
    }
}

#[test]
fn an_object_made_the_subject_of_a_passive_is_no_word_dropped() {
    let speech = "We have not tested cendralimab in children or in pregnant women, and we will say so clearly.\n";
    let f = compare_to(
        speech,
        "The drug has not been tested in children or in pregnant women.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "paraphrase", "{f:#?}");
    // The same object dropped with no passive made of it is a word lost.
    let f = compare_to(
        speech,
        "We have not tested in children or in pregnant women, the professor said.\n",
    );
    assert_eq!(f[0]["kind"], "copy_error", "{f:#?}");
}

#[test]
fn a_passive_verb_put_in_the_active_is_no_words_dropped() {
    let source = "Stadium\n\nThe stadium will cost £320 million. £110 million will be borrowed from a \
        group of banks over 25 years.\n";
    let f = compare_to(
        source,
        "Chairman Graham Pell said the club would borrow £110m from a group of banks over 25 years.\n",
    );
    assert!(
        f.iter()
            .all(|f| f["kind"] != "truncation" && f["kind"] != "copy_error"),
        "{f:#?}"
    );
    // Left out with no verb of the writer's for it, the words are dropped.
    let f = compare_to(
        source,
        "Pell listed £110m from a group of banks over 25 years as the main loan.\n",
    );
    assert!(
        f.iter().any(|f| message(f).contains("will be borrowed")),
        "{f:#?}"
    );
}
