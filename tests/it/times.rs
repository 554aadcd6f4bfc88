//! Times of day: another hour is a changed figure; another way of writing
//! the same time is not.

use crate::audit::{compare_to, message};

const APPEAL: &str = "We are appealing for help in finding Maisie. She was reported missing by \
    her parents at 11.20pm on Saturday, and officers were at the family home within 20 minutes.\n";

#[test]
fn another_time_of_day_is_a_numeric_change() {
    let f = compare_to(
        APPEAL,
        "Her parents reported her missing at 10.20pm on Saturday, and officers were at the \
         family home within 20 minutes.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert!(
        message(&f[0]).contains("the source says \"11.20pm\", the secondary \"10.20pm\""),
        "{f:#?}"
    );
}

#[test]
fn the_same_time_written_another_way_is_no_change() {
    for same in ["11:20 p.m.", "23:20", "11.20 pm"] {
        let f = compare_to(APPEAL, &APPEAL.replace("11.20pm", same));
        let kinds: Vec<&str> = f.iter().map(|f| f["kind"].as_str().unwrap()).collect();
        assert!(
            !kinds.is_empty() && kinds.iter().all(|k| *k == "verbatim"),
            "{same}: {f:#?}"
        );
    }
}

#[test]
fn another_time_of_day_in_a_reworded_sentence_is_a_numeric_change() {
    let statement = "I want to explain what happened. On Saturday morning, at 6.15am, a failure \
        in our central booking and departure control system meant that we could not check in \
        passengers, issue boarding passes or load baggage across our network.\n";
    let story = "She says the failure began at 6.45am on Saturday, when staff suddenly could \
        not check in passengers, issue boarding passes or load baggage.\n";
    let f = compare_to(statement, story);
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert!(
        message(&f[0]).contains("the source says \"6.15am\", the secondary \"6.45am\""),
        "{f:#?}"
    );
    let f = compare_to(statement, &story.replace("6.45am", "6.15am"));
    assert_ne!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn another_time_amid_other_words_replaced_is_a_numeric_change() {
    // "4pm, starting" -> "6pm from": one time on each side of the
    // replacement.
    let statement = "Nobody will be allowed to collect belongings unless they are escorted. \
        We will run escorted visits every day from 10am to 4pm, starting tomorrow.\n";
    let story =
        "Escorted visits to collect belongings will run daily from 10am to 6pm from tomorrow.\n";
    let f = compare_to(statement, story);
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert!(
        message(&f[0]).contains("the source says \"4pm\", the secondary \"6pm\""),
        "{f:#?}"
    );
    let f = compare_to(statement, &story.replace("6pm", "4pm"));
    assert_ne!(f[0]["kind"], "numeric_change", "{f:#?}");
}

const RESULT: &str = "Statement\n\nThe result of the leadership contest will be announced on \
    Monday 3 November. I will stay until then.\n";

fn result_written(date: &str) -> Vec<serde_json::Value> {
    compare_to(
        RESULT,
        &format!("News\n\nThe result of the leadership contest will be announced {date}.\n"),
    )
}

#[test]
fn a_date_without_its_weekday_or_with_its_month_short_is_the_same_date() {
    for same in [
        "on Nov. 3",
        "on November 3",
        "on 3 November",
        "on 3 Nov",
        "on Nov 3",
    ] {
        let f = result_written(same);
        let kinds: Vec<&str> = f.iter().map(|f| f["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["verbatim"], "{same}: {f:#?}");
    }
}

#[test]
fn another_day_or_month_is_a_changed_date_however_written() {
    for (changed, says) in [
        ("on Nov. 4", "the source says \"3\", the secondary \"4\""),
        (
            "on November 4",
            "the source says \"3\", the secondary \"4\"",
        ),
        (
            "on 3 December",
            "the source says \"November\", the secondary \"December\"",
        ),
    ] {
        let f = result_written(changed);
        assert_eq!(f.len(), 1, "{changed}: {f:#?}");
        assert_eq!(f[0]["kind"], "numeric_change", "{changed}: {f:#?}");
        assert!(message(&f[0]).contains(says), "{changed}: {f:#?}");
    }
}
