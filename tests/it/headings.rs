//! The heading of a primary (title, speaker, place and date lines): a
//! report's own date a day after the one it gives is no changed figure, and
//! a sentence that copies its speaker line is not cut short of it.

use crate::audit::compare_to;

const SPEECH: &str = "Opening speech by festival director Marguerite Valles, Lakeside International Film Festival\n\n\
    Delivered at the Grand Auditorium, Lakeside, 3 July 2025\n\n\
    Good evening, and welcome to the 42nd Lakeside International Film Festival. \
    The festival is not in financial difficulty. Our budget this year is 6.3 million euros, \
    slightly higher than last year, and it is balanced. The competition jury will announce \
    its awards on Saturday 12 July.\n";

fn kinds(f: &[serde_json::Value]) -> Vec<&str> {
    f.iter().map(|f| f["kind"].as_str().unwrap()).collect()
}

#[test]
fn a_reports_own_date_after_the_headings_is_no_numeric_change() {
    let story = "Lakeside, 4 July 2025 - Lakeside International Film Festival director Marguerite \
        Valles used her opening speech at the Grand Auditorium to push back against reports of a \
        cash crunch.\n\n\
        \"The festival is not in financial difficulty,\" she said.\n";
    let f = compare_to(SPEECH, story);
    assert!(kinds(&f).contains(&"verbatim"), "{f:#?}");
    assert!(!kinds(&f).contains(&"numeric_change"), "{f:#?}");
    // A date of the speech's text changed is still a change.
    let f = compare_to(
        SPEECH,
        "The competition jury will announce its awards on Saturday 13 July, she said.\n",
    );
    assert_eq!(kinds(&f), ["numeric_change"], "{f:#?}");
}

#[test]
fn a_sentence_that_copies_the_speaker_line_is_not_cut_short() {
    let speech = "Speech by Maureen Kilbride, General Secretary of the Transport and Logistics Workers' Union\n\
        Union Hall, Leeds, Monday 13 October 2025, 11am\n\n\
        Thank you, comrades. Our members at Northline will walk out for 48 hours from Tuesday 4 November.\n";
    let story = "Maureen Kilbride, General Secretary of the Transport and Logistics Workers' Union, \
        spoke to us on Tuesday 14 October.\n";
    let f = compare_to(speech, story);
    assert!(
        f.iter()
            .all(|f| f["kind"] != "truncation" && f["kind"] != "numeric_change"),
        "{f:#?}"
    );
}
