//! Negations the writer's own words bring: a clause put for another that
//! holds a "no" of its own changes no negation of the speaker's.

use crate::audit::{compare_to, message};

const REMARKS: &str = "Sentencing remarks\n\nI turn to mitigation. You have no previous \
    convictions. I have read the letters from your family and friends, and I accept that you \
    have done good things in your life. I accept, too, that you care for your elderly mother, \
    and that your own health is not good. Your barrister, Mr Hollins, has said everything that \
    could be said on your behalf. But none of this comes close to outweighing what you \
    did.\n\nThe sentence on the count of fraud is one of eight years' imprisonment. On the count \
    of false accounting there will be a concurrent sentence of two years. The total sentence is \
    therefore eight years. You will serve up to half of that sentence in custody before you are \
    released on licence.\n";

#[test]
fn a_no_in_a_clause_put_for_another_is_no_negation_changed() {
    let f = compare_to(
        REMARKS,
        "The judge accepted that Pellow had no previous convictions and cared for his elderly \
         mother, but said none of it came \"close to outweighing what you did\".\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f["kind"] != "misquote" && !message(f).contains("negation")),
        "{f:#?}"
    );
}

#[test]
fn a_negation_dropped_from_the_words_kept_is_still_reported() {
    let f = compare_to(
        REMARKS,
        "The judge said \"all of this comes close to outweighing what you did\".\n",
    );
    assert!(
        f.iter()
            .any(|f| f["kind"] == "misquote" && message(f).contains("negation")),
        "{f:#?}"
    );
}

const KEYNOTE: &str = "Keynote\n\nThe base model does not include a charger in the box in the \
    European Union. The sponsor's name will not go on the stadium. Alcohol will not be sold \
    inside the ground. He will not be selected for the championships unless the charge is \
    withdrawn before the deadline.\n";

fn kind_of(secondary: &str) -> Vec<String> {
    compare_to(KEYNOTE, &format!("News\n\n{secondary}\n"))
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_negation_flipped_outside_quotes_is_an_error_not_a_paraphrase() {
    // In the writer's words: a changed word.
    assert_eq!(
        kind_of("The base model includes a charger in the box across the European Union."),
        ["copy_error"]
    );
    // Given as what the speaker said: a misquote (the verb put in the past).
    assert_eq!(
        kind_of("Pell said the sponsor's name would go on the stadium."),
        ["misquote"]
    );
}

#[test]
fn a_negation_said_another_way_is_no_flip() {
    // "no alcohol on sale" for "will not be sold"; "could still … if" for
    // "will not … unless".
    for same in [
        "There will be no alcohol on sale inside the ground.",
        "He could still be selected for the championships if the charge is withdrawn before the deadline.",
    ] {
        let kinds = kind_of(same);
        assert!(
            kinds.iter().all(|k| k != "copy_error" && k != "misquote"),
            "{same}: {kinds:?}"
        );
    }
}
