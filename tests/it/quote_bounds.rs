//! What a quotation is and where it begins: a short opening sentence
//! taken with the rest, a Markdown callout that is the writer's own words,
//! a word before it that ends the sentence before the quoted one.

use crate::audit::{compare_to, only, passages};

#[test]
fn a_quotation_that_opens_with_a_short_sentence_is_reported_whole() {
    // "Sadly." alone is too short for a passage of its own; it is the
    // source's word before the rest, so the finding starts at the opening
    // quotation mark: the misquote is reported over the whole quotation.
    let f = compare_to(
        "Our figures tell a hard story. Sadly. 13% of all those being investigated for involvement in terrorism are under 18.\n",
        "“Sadly. 13% of those being investigated for involvement in terrorism are under 18,” she said.\n",
    );
    let p = passages(&f);
    let f = only(&p);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert!(
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("“Sadly. 13% of those"),
        "{f:#}"
    );
    assert!(
        f["source"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Sadly. 13%"),
        "{f:#}"
    );
    // Words the source does not have just there stay out of it.
    let f = compare_to(
        "Our figures tell a hard story. Sadly. 13% of all those being investigated for involvement in terrorism are under 18.\n",
        "“Alas. 13% of those being investigated for involvement in terrorism are under 18,” she said.\n",
    );
    let p = passages(&f);
    let f = only(&p);
    assert!(
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("13% of those"),
        "{f:#}"
    );
}

#[test]
fn a_markdown_callout_under_a_bold_label_is_the_writers_words() {
    let speech = "The typical household coming off a five-year fix will pay around 160 pounds a month more, even after today's decision.\n";
    let kinds = |quote: &str| -> Vec<String> {
        compare_to(speech, &format!("# Week in brief\n\n{quote}\n"))
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let retold = "Those leaving a five-year fix face paying around 160 pounds a month more.";
    for label in [
        "**Why it matters:**",
        "**Why it matters**:",
        "__Bottom line:__",
    ] {
        assert_eq!(
            kinds(&format!("> {label} {retold}")),
            ["paraphrase"],
            "{label}"
        );
    }
    // A block quotation without one holds the speaker's words.
    assert_eq!(kinds(&format!("> {retold}")), ["misquote"]);
    assert_eq!(kinds(&format!("> **Mortgages** {retold}")), ["misquote"]);
}

#[test]
fn a_word_before_a_quotation_that_ends_the_sentence_before_is_the_writers() {
    // "loans" before the colon matches the last word of the sentence before
    // the quoted one: the source's "not" before it is no negation the
    // writer dropped. The quotation is cut short, and that is all.
    let f = compare_to(
        "First, climate finance must be provided as grants, not loans. Where loans are unavoidable, they should include clauses that pause repayments automatically when a disaster strikes.\n",
        "On loans: \"Where loans are unavoidable, they should include clauses that pause repayments.\"\n",
    );
    let p = passages(&f);
    let f = only(&p);
    assert_eq!(f["kind"], "truncation", "{f:#}");
    let m = crate::audit::message(f);
    assert!(!m.contains("negation"), "{m}");
}

#[test]
fn a_quotation_that_starts_afresh_after_a_borrowed_lead_is_not_cut() {
    let speech = "We lost, and I accept it. To those who voted for the National Union Party: I \
        understand why many of you did. You told us on the doorstep that rents were too high and \
        that the health service was too slow, and you were right.\n";
    let f = compare_to(
        speech,
        "She also had a message for those who voted for the National Union Party: \"You told us \
         on the doorstep that rents were too high and that the health service was too slow, and \
         you were right.\"\n",
    );
    assert!(f.iter().any(|f| f["kind"] == "verbatim"), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

fn kinds(f: &[serde_json::Value]) -> Vec<String> {
    f.iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_quotation_whose_limit_the_writer_carries_on_with_is_not_cut() {
    // The rest of the sentence given in other words, two of its words of
    // substance kept: not cut short. Stopped with nothing after, it is.
    let source = "Pricing\n\nWe are not raising prices this year, even though memory costs have gone \
        up sharply. The new model ships in May.\n";
    let carried =
        "“We are not raising prices this year,” Ortiz said, despite higher memory costs.\n";
    let f = compare_to(source, carried);
    assert!(!kinds(&f).contains(&"truncation".to_string()), "{f:#?}");
    let stopped = "“We are not raising prices this year,” Ortiz said.\n";
    let f = compare_to(source, stopped);
    assert_eq!(kinds(&f), ["truncation"], "{f:#?}");
}

#[test]
fn a_sentence_that_quotes_the_rest_of_its_source_is_not_cut() {
    let source = "Statement\n\nI have made mistakes. The decision to delay the energy support scheme \
        in the winter of 2023 was wrong, and I said so at the time. I should have listened sooner.\n";
    let quoted = "She cited the decision to delay the energy support scheme in the winter of 2023, \
        which she called “wrong”.\n";
    let f = compare_to(source, quoted);
    assert!(!kinds(&f).contains(&"truncation".to_string()), "{f:#?}");
    // Without the quotation, the sentence stops where its source goes on.
    let f = compare_to(source, &quoted.replace(", which she called “wrong”", ""));
    assert!(kinds(&f).contains(&"truncation".to_string()), "{f:#?}");
}
