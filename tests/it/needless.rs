//! Words a quotation drops that its sense does not need ("that" opening a
//! clause, a preposition repeated after "and"): mechanical damage, a copy
//! error, not other words put in the speaker's mouth.

use crate::audit::{compare_to, message, only, passages};

const SPEECH: &str = "The fund will open in March. It will go first to the least developed \
    countries and to small island states. Your mum and dad just want to know that you are safe.\n";

#[test]
fn a_needless_word_dropped_inside_quotation_marks_is_a_copy_error() {
    for (article, edit) in [
        (
            "\"It will go first to the least developed countries and small island states,\" she said.\n",
            "\"to\" dropped",
        ),
        (
            "\"Your mum and dad just want to know you are safe,\" he said.\n",
            "\"that\" dropped",
        ),
    ] {
        let f = passages(&compare_to(SPEECH, article));
        assert_eq!(only(&f)["kind"], "copy_error", "{article}: {f:#?}");
        assert!(message(only(&f)).contains(edit), "{f:#?}");
    }
    // A preposition that is not repeated changes what is said.
    let f = compare_to(
        SPEECH,
        "\"It will go first the least developed countries and to small island states,\" she said.\n",
    );
    assert_eq!(only(&passages(&f))["kind"], "misquote", "{f:#?}");
}
