//! Where a copy stops: cut short, or going on in the writer's own words.

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
