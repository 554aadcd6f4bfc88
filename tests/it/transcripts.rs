//! Transcripts with speaker labels: another person's words (a reporter's
//! question, another official's answer) quoted as the speaker's.

use crate::audit::{compare_to, message};

const PRESSER: &str = "POST-MATCH PRESS CONFERENCE\n\n\
Q: Are you worried you are running out of time to turn this around?\n\n\
TENNANT: No. Not at all. I have been in football for twenty-six years and I know what a dressing room that has stopped listening looks like.\n\n\
That is not this dressing room.\n\n\
REPORTER: Will the owners back you in January with money for new players?\n\n\
TENNANT: We have spoken about it and the owners know exactly what the squad needs before the window opens.\n";

fn kinds(article: &str) -> Vec<(String, String)> {
    compare_to(PRESSER, article)
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                message(f).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_question_quoted_as_the_speakers_words_is_a_misquote() {
    let f = kinds(
        "Rob Tennant last night admitted he is \"running out of time to turn this around\" after another defeat.\n",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "misquote", "{f:?}");
    assert!(f[0].1.contains("“Q:”"), "{f:?}");
    // Another questioner's label, in a turn of its own.
    let f = kinds("Tennant said: \"The owners back you in January with money for new players.\"\n");
    assert_eq!(f[0].0, "misquote", "{f:?}");
    assert!(f[0].1.contains("“REPORTER:”"), "{f:?}");
}

#[test]
fn a_question_given_as_a_question_and_the_speakers_answers_are_his() {
    let f = kinds(
        "Asked whether he was \"running out of time to turn this around\", Tennant said: \"No. Not at all.\"\n",
    );
    assert!(f.iter().all(|f| f.0 == "verbatim"), "{f:?}");
    // A turn goes on over paragraphs until the next label.
    let f = kinds(
        "Tennant said of his squad: \"That is not this dressing room.\"\n\nHe added that \"the owners know exactly what the squad needs before the window opens\".\n",
    );
    assert!(f.iter().all(|f| f.0 == "verbatim"), "{f:?}");
}

#[test]
fn another_officials_answer_quoted_as_the_speakers_is_a_misquote() {
    let briefing = "Chief Harris and Commander Liu briefed the press.\n\n\
HARRIS: Our officers acted with restraint throughout a very long and difficult night on Fourth Street.\n\n\
LIU: The Fourth Street corridor will remain partially closed until Tuesday while the city cleans up.\n\n\
HARRIS: I want to thank every officer who worked through the night and every resident who stayed calm.\n";
    let article = "\"The Fourth Street corridor will remain partially closed until Tuesday while the city cleans up,\" Harris said.\n\n\"Our officers acted with restraint throughout a very long and difficult night on Fourth Street,\" she said.\n";
    let f = compare_to(briefing, article);
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    assert!(message(&f[0]).contains("“LIU:”"), "{f:#?}");
    assert_eq!(f[1]["kind"], "verbatim", "{f:#?}");
}
