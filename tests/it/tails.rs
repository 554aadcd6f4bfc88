//! Where a copy stops, and what it leaves out: cut short, or going on in
//! the writer's own words; a source sentence skipped whole.

use crate::audit::{compare_to, message};

const FINDINGS: &str = "Megan was taken to hospital by ambulance. She underwent emergency \
    surgery but died at 01:35 on Sunday 10 November 2024.\n";

#[test]
fn a_sentence_that_rewords_the_rest_of_its_source_is_not_cut_short() {
    let f = compare_to(
        FINDINGS,
        "She underwent emergency surgery but died at 01:35 the following morning.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
    // Stopped where the source goes on, it is.
    let f = compare_to(
        FINDINGS,
        "She underwent emergency surgery but died at 01:35, the inquest heard.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(message(&f[0]).contains("cut short"), "{f:#?}");
}

#[test]
fn a_negation_in_a_sentence_the_passage_leaves_out_whole_is_no_negation_changed() {
    let speech = "Nearly 3.6 billion people live in places highly vulnerable to climate change. \
        For them, adaptation is not a second priority. It is survival.\n\nI was in Tuvalu in \
        August. I met a teacher there called Salote Fanua, who told me: \"We are not asking you \
        to save us.\"\n";
    let f = compare_to(
        speech,
        "Nearly 3.6bn people live in places highly vulnerable to climate change, Lindqvist \
         says, before recalling a teacher she met in Tuvalu in August, Salote Fanua: \"We are \
         not asking you to save us.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f["kind"] != "misquote" && !message(f).contains("negation")),
        "{f:#?}"
    );
}

#[test]
fn a_quotation_running_on_into_the_next_sentence_is_judged_by_its_part_in_each() {
    let speech = "Nearly 3.6 billion people live in places highly vulnerable to climate change. \
        I was in Tuvalu in August. I met a teacher there called Salote Fanua, who told me: \"We \
        are not asking you to save us. We are asking you not to drown us.\"\n";
    let f = compare_to(
        speech,
        "Nearly 3.6bn people live in places highly vulnerable to climate change, Lindqvist \
         says, before recalling a teacher she met in Tuvalu, Salote Fanua: \"WE ARE NOT ASKING \
         YOU TO SAVE US. WE ARE ASKING YOU NOT TO DROWN US.\"\n",
    );
    let quoted = f.iter().find(|f| {
        f["kind"] == "verbatim"
            && f["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("WE ARE NOT")
    });
    assert!(quoted.is_some(), "{f:#?}");
}
