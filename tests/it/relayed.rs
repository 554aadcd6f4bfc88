//! Words a speaker relays from someone else ("Tom said to me last week,
//! “...”") are that person's: given to the speaker, they are a misquote,
//! however exactly copied.

use serde_json::Value;

use crate::audit::message;
use crate::util::*;

const SPEECH: &str = "Thank you all for coming to the end-of-season dinner. We finished third in the league, our best result in eleven years.

I want to thank our head groundsman, Tom Pryde, who retires this month after three decades with the club. Tom said to me last week, \"I have cut this grass for thirty years and loved every single day of it.\" We will miss him.
";

/// The story's findings that hold the relayed words.
fn relayed(story: &str) -> Vec<Value> {
    audit_manifest(&[
        (
            "speech.txt",
            "role = \"primary\"\ntitle = \"End-of-season dinner speech by club chairman Alan Merrow-Shaw\"",
            SPEECH,
        ),
        ("story.txt", "role = \"secondary\"", story),
    ])
    .into_iter()
    .filter(|f| {
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .contains("loved every single day")
    })
    .collect()
}

#[test]
fn relayed_words_given_to_the_speaker_are_a_misquote() {
    let f = relayed(
        "Club chairman Alan Merrow-Shaw said the side had finished third, its best result in eleven years.\n\n\"I have cut this grass for thirty years and loved every single day of it,\" Merrow-Shaw said.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] == "misquote"), "{f:#?}");
    assert!(message(&f[0]).contains("\"Tom\""), "{f:#?}");
    // (The speaker is named by the title's hyphenated name.)
    assert!(
        message(&f[0]).contains("given to the speaker (End-of-season dinner speech"),
        "{f:#?}"
    );
}

#[test]
fn relayed_words_given_to_their_author_are_no_misquote() {
    let f = relayed(
        "Club chairman Alan Merrow-Shaw said the side had finished third, its best result in eleven years.\n\n\"I have cut this grass for thirty years and loved every single day of it,\" said groundsman Tom Pryde.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
}

const RELEASE: &str = "Children who spend more time outdoors are less likely to become short-sighted, a study of 4,200 pupils has found.

\"Every extra hour outside each day lowered the risk of myopia by about a fifth across the whole group we followed,\" said lead author Professor Priya Ramanathan.

\"We are not asking children to sit in the midday sun. Shade and hats still matter a great deal,\" Dr Ellen Westbury said.
";

/// The story's findings that hold Dr Westbury's words.
fn westbury(story: &str) -> Vec<Value> {
    audit_manifest(&[
        (
            "release.txt",
            "role = \"primary\"\ntitle = \"University media release: outdoor time and myopia\"",
            RELEASE,
        ),
        ("story.txt", "role = \"secondary\"", story),
    ])
    .into_iter()
    .filter(|f| {
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .contains("midday sun")
    })
    .collect()
}

#[test]
fn words_one_person_said_given_to_another_the_source_quotes_are_a_misquote() {
    let lead = "\"Every extra hour outside each day lowered the risk of myopia by about a fifth across the whole group we followed,\" said Professor Ramanathan.\n\n";
    let f = westbury(&format!(
        "{lead}\"We are not asking children to sit in the midday sun,\" Professor Ramanathan added.\n"
    ));
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] == "misquote"), "{f:#?}");
    assert!(message(&f[0]).contains("Westbury"), "{f:#?}");
    // Credited to the one who said them, they are as they were.
    let f = westbury(&format!(
        "{lead}Asked about Dr Westbury's view that \"we are not asking children to sit in the midday sun\", Professor Ramanathan said shade mattered too.\n"
    ));
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
    // Given to the person who said them, under any name of theirs, or to
    // someone the source does not quote, they are as they were.
    for who in ["Dr Westbury", "Ellen Westbury", "a spokeswoman"] {
        let f = westbury(&format!(
            "{lead}\"We are not asking children to sit in the midday sun,\" {who} added.\n"
        ));
        assert!(!f.is_empty(), "{who}: {f:#?}");
        assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{who}: {f:#?}");
    }
}

const REMARKS: &str = "1. Lee Vosper, you may remain seated for now. I will ask you to stand when I pass sentence.

2. The messages recovered from your phone show how you regarded the people you were defrauding. On 19 June 2023 you wrote: \"Tell her the lead flashing's gone and its 9k. She'll pay, they always pay.\" That message tells me everything about you.
";

/// The story's findings that hold the defendant's words.
fn addressed(story: &str) -> Vec<Value> {
    audit_manifest(&[
        (
            "remarks.txt",
            "role = \"primary\"\ntitle = \"R v Lee Vosper: sentencing remarks of Judge Ambrose Kettering\"",
            REMARKS,
        ),
        ("story.txt", "role = \"secondary\"", story),
    ])
    .into_iter()
    .filter(|f| {
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .contains("always pay")
    })
    .collect()
}

#[test]
fn words_the_speaker_quotes_from_the_person_addressed_given_to_the_speaker_are_a_misquote() {
    let f = addressed(
        "The judge said the messages showed how Vosper regarded the people he was defrauding.\n\nPassing sentence, Judge Kettering said: \"Tell her the lead flashing's gone and its 9k. She'll pay, they always pay.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] == "misquote"), "{f:#?}");
    assert!(message(&f[0]).contains("addresses"), "{f:#?}");
    // Said to be quoted or read out by the speaker, they are someone else's.
    let f = addressed(
        "The judge said the messages showed how Vosper regarded the people he was defrauding.\n\nThe judge quoted the defendant's texts: \"Tell her the lead flashing's gone and its 9k. She'll pay, they always pay.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
    // Given to the person addressed, by the name the speaker calls him by.
    let f = addressed(
        "The judge said the messages showed how Vosper regarded the people he was defrauding.\n\nIn a message to his accomplice, Vosper wrote: \"Tell her the lead flashing's gone and its 9k. She'll pay, they always pay.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
}
