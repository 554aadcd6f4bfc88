//! Coverage of another edition of a primary (next year's budget speech by
//! the same mayor): its sentences are shaped like the primary's, with other
//! figures. It is unsupported, not the primary with its figures changed.

use serde_json::Value;

use crate::audit::message;
use crate::util::*;

const SPEECH: &str = "Chair, councillors, residents of Dunmere, thank you for being here.

Our grant from central government has fallen by 18 per cent in real terms over the past eight years.

Council tax will rise by 4.2 per cent, which is below the cap of 4.99 per cent and means about £1.35 a week for a Band D household.

We will start work on 340 new council homes this year, the first council homes built in Dunmere in a generation.

On transport, we are freezing the single bus fare at £1.80 for the whole of 2026-27.

No library in Dunmere will close under this administration.
";

const NEXT_YEAR: &str = "Mayor Ines Falkner presented her third budget to councillors last night.

\"Council tax will rise by 3.9 per cent, which is below the cap of 4.99 per cent,\" the mayor said.

\"We will start work on 410 new council homes this year,\" Ms Falkner said, adding that the first families would move in by the summer.

\"We are freezing the single bus fare at £1.80 for the whole of 2027-28,\" she told the chamber.
";

/// Findings of a corpus of the speech (dated `speech_date`) and one story
/// (dated `story_date`, if given), read through a manifest.
fn audit(story: &str, speech_date: &str, story_date: Option<&str>) -> Vec<Value> {
    let speech = format!(
        "role = \"primary\"\ndate = \"{speech_date}\"\ntitle = \"Dunmere budget address by Mayor Ines Falkner\""
    );
    let date = story_date.map_or(String::new(), |d| format!("\ndate = \"{d}\""));
    let story_fields = format!("role = \"secondary\"{date}");
    audit_manifest(&[
        ("speech.txt", &speech, SPEECH),
        ("story.txt", &story_fields, story),
    ])
}

fn kinds(f: &[Value]) -> Vec<&str> {
    f.iter().map(|f| f["kind"].as_str().unwrap()).collect()
}

#[test]
fn next_years_speech_is_unsupported_not_this_ones_figures_changed() {
    // Undated: three passages shaped like the speech's, all with other
    // figures. Dated a year on: the same.
    for date in [None, Some("2027-03-01")] {
        let f = audit(NEXT_YEAR, "2026-03-02", date);
        assert!(
            kinds(&f).iter().all(|&k| k == "unsupported"),
            "{date:?}: {f:#?}"
        );
        assert!(
            message(&f[0]).contains("coverage of another speech than"),
            "{f:#?}"
        );
        let quoted = f.iter().filter(|f| f["in_quotes"] == true).count();
        assert_eq!(quoted, 3, "{f:#?}");
    }
}

#[test]
fn coverage_of_the_speech_keeps_its_changed_figures() {
    // Dated the day after the speech: the same story is coverage of it,
    // with its figures changed.
    let f = audit(NEXT_YEAR, "2026-03-02", Some("2026-03-03"));
    let numeric = kinds(&f).iter().filter(|&&k| k == "numeric_change").count();
    assert_eq!(numeric, 3, "{f:#?}");
    // One passage with another figure, undated, next to none copied clean:
    // a changed figure, not another speech.
    let one = "Mayor Ines Falkner presented her budget to councillors last night.\n\n\"Council tax will rise by 3.9 per cent, which is below the cap of 4.99 per cent,\" the mayor said.\n";
    let f = audit(one, "2026-03-02", None);
    assert_eq!(kinds(&f), ["numeric_change"], "{f:#?}");
    // Nor with a passage copied as it was.
    let clean = format!(
        "{NEXT_YEAR}\n\"Our grant from central government has fallen by 18 per cent in real terms over the past eight years,\" she said.\n"
    );
    let f = audit(&clean, "2026-03-02", None);
    assert!(kinds(&f).contains(&"numeric_change"), "{f:#?}");
    assert!(kinds(&f).contains(&"verbatim"), "{f:#?}");
}

/// Next year's speech quoted with its own words: one passage with another
/// figure, others with the speech's phrases and words of their own inside
/// the quotation marks, and a quotation the corpus holds nowhere.
const NEXT_YEAR_WORDS: &str = "Mayor Ines Falkner presented her third budget to councillors last night.

\"Council tax will rise by 3.9 per cent, which is below the cap of 4.99 per cent,\" the mayor said.

\"Our grant from central government has fallen by 18 per cent in real terms over the past eight years, and it will fall again next year,\" she said.

\"I have asked every department to find savings without touching the front line,\" Ms Falkner added.
";

#[test]
fn next_years_speech_in_its_own_words_is_unsupported_when_dated_long_after() {
    let f = audit(NEXT_YEAR_WORDS, "2026-03-02", Some("2027-03-01"));
    assert!(kinds(&f).iter().all(|&k| k == "unsupported"), "{f:#?}");
    assert!(
        message(&f[0]).contains("other figures or other words"),
        "{f:#?}"
    );
    // Without the quotation the corpus holds nowhere, a story a year on
    // misquotes the speech.
    let cut = NEXT_YEAR_WORDS.split("\"I have asked").next().unwrap();
    let f = audit(cut, "2026-03-02", Some("2027-03-01"));
    assert!(kinds(&f).contains(&"misquote"), "{f:#?}");
    // Dated the day after, or undated, it is coverage of the speech, its
    // figure and words changed.
    for date in [Some("2026-03-03"), None] {
        let f = audit(NEXT_YEAR_WORDS, "2026-03-02", date);
        assert!(kinds(&f).contains(&"numeric_change"), "{date:?}: {f:#?}");
        assert!(kinds(&f).contains(&"misquote"), "{date:?}: {f:#?}");
    }
}

#[test]
fn a_story_dated_weeks_before_the_speech_reports_an_earlier_one() {
    // Last year's story, with a line the mayor used again word for word:
    // it cannot draw on a speech given a year after it.
    let story = "Mayor Ines Falkner presented her first budget to councillors last night.\n\n\"No library in Dunmere will close under this administration,\" she said.\n\n\"Council tax will rise by 4.7 per cent, which is below the cap of 4.99 per cent,\" the mayor said.\n";
    let f = audit(story, "2026-03-02", Some("2025-03-03"));
    assert!(kinds(&f).iter().all(|&k| k == "unsupported"), "{f:#?}");
    assert!(
        message(&f[0]).contains("it is dated 364 days before it"),
        "{f:#?}"
    );
    // Dated the day before (an embargoed text), it is coverage of it.
    let f = audit(story, "2026-03-02", Some("2026-03-01"));
    assert!(kinds(&f).contains(&"verbatim"), "{f:#?}");
}
