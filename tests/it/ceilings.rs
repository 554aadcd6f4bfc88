//! Ceilings on figures ("up to", "as many as"): left out, the most becomes
//! the figure; given in the writer's own words, nothing is lost.

use crate::audit::{compare_to, message};

const SOURCE: &str =
    "You will serve up to half of that sentence in custody before you are released on licence.\n";

#[test]
fn a_ceiling_left_out_before_a_fraction_is_a_numeric_change() {
    let f = compare_to(SOURCE, &SOURCE.replace("up to half", "half"));
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    let m = message(&f[0]);
    assert!(
        m.contains("\"up to half\"") && m.contains("\"half\""),
        "{m}"
    );
}

#[test]
fn a_ceiling_left_out_in_a_loose_rewording_is_still_a_numeric_change() {
    // The writer's words around it make the sentence a rewording; the
    // figure is the source's own, so no figure from nearby.
    let f = compare_to(
        SOURCE,
        "Harwell will serve half of his sentence in custody before he is released on licence.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_ceiling_given_as_a_capacity_is_kept() {
    let f = compare_to(
        "The project will cost 1.4 billion euros, and it will carry up to 900 megawatts, enough to power around 700,000 homes.\n",
        "The 1.4 billion euro project will be capable of carrying 900 megawatts, enough to power around 700,000 homes.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
}
