//! Quotations: words inside quotation marks are held to the source word
//! for word (misquotes, ellipses, editorial brackets, quoted edges).

use serde_json::Value;

use crate::audit::{compare, compare_to, edits, message, only, passages};

#[test]
fn changed_word_inside_quotes_is_a_misquote() {
    let f = compare(
        "He warned: “We will not let these threats go unchallenged, and we will keep working with our partners across Europe.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert_eq!(
        edits(f),
        [("replace".into(), "unanswered".into(), "unchallenged".into())]
    );
}

#[test]
fn dropped_negation_inside_quotes_is_a_misquote_and_said_so() {
    let f = compare(
        "He warned: “We will let these threats go unanswered, and we will keep working with our partners across Europe.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert!(message(f).starts_with("negation changed"), "{f:#}");
    assert_eq!(edits(f), [("delete".into(), "not".into(), String::new())]);
}

#[test]
fn quotation_not_in_the_named_source_is_a_misquote() {
    // `compare` names the source: a quotation not in it at all is not what
    // the speaker said.
    let f = compare(
        "The minister said: “We have never seen anything like this before in our long history.”\n",
    );
    let quote = only(&f);
    assert_eq!(quote["kind"], "misquote", "{quote:#}");
    assert_eq!(quote["in_quotes"], true);
    assert!(quote["source"].is_null());
    assert!(
        quote["message"]
            .as_str()
            .unwrap()
            .starts_with("quotation not found in the source")
    );
    assert!(
        quote["secondary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("We have never seen")
    );
}

#[test]
fn ellipsis_in_a_quotation_declares_what_it_leaves_out() {
    let f = compare(
        "He said: “Since March 2017, MI5 and the police … disrupted 43 late-stage attack plots.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    assert_eq!(
        edits(f),
        [("elide".into(), "have together".into(), String::new())]
    );
    assert!(
        message(f).contains("ellipsis standing for \"have together\""),
        "{f:#}"
    );
}

#[test]
fn square_brackets_in_a_quotation_declare_the_writers_words() {
    let f = compare(
        "She said: “[T]he police [and MI5] have together disrupted 43 late-stage attack plots.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    assert_eq!(
        edits(f),
        [("bracket".into(), String::new(), "and MI5".into())]
    );
    let f = compare(
        "He said: “[Britain] will not let these threats go unanswered, and we will keep working with our partners across Europe.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    assert!(
        message(f).contains("in brackets, the writer's \"Britain\" for \"We\""),
        "{f:#}"
    );
}

#[test]
fn square_brackets_do_not_hide_a_changed_number_or_negation() {
    let f = only(&compare(
        "He said: “MI5 and the police have together disrupted [34] late-stage attack plots.”\n",
    ))
    .clone();
    assert_eq!(f["kind"], "numeric_change", "{f:#}");
    let f = only(&compare(
        "He said: “[We will] let these threats go unanswered, and we will keep working with our partners across Europe.”\n",
    ))
    .clone();
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert!(message(&f).starts_with("negation changed"));
}

#[test]
fn a_quotation_ending_on_other_words_replaces_the_source_words() {
    let f = compare("He said: “We will not let these threats go unchallenged.”\n");
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert_eq!(
        edits(f),
        [("replace".into(), "unanswered".into(), "unchallenged".into())]
    );
    assert!(
        f["source"]["text"]
            .as_str()
            .unwrap()
            .ends_with("unanswered"),
        "{f:#}"
    );
    let f = compare("MI5 said that it and the police “have together disrupted 34”.\n");
    let f = only(&f);
    assert_eq!(f["kind"], "numeric_change", "{f:#}");
    assert!(message(f).contains("\"43\", the secondary \"34\""), "{f:#}");
}

#[test]
fn ellipsis_hiding_a_negation_is_a_misquote() {
    let f = compare(
        "He warned: “We will ... let these threats go unanswered, and we will keep working with our partners across Europe.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert!(message(f).starts_with("negation changed"), "{f:#}");
}

#[test]
fn quoted_words_added_at_the_end_are_not_framing() {
    let f = compare(
        "He said: “Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots every single week.”\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert_eq!(
        edits(f),
        [("insert".into(), String::new(), "every single week".into())]
    );
}

#[test]
fn a_short_quotation_with_a_changed_word_is_a_misquote() {
    // Five quoted words in a row match, the sixth is changed: a partial
    // match of five words would otherwise be too short to be a source.
    let speech = "We have seen plot after plot here in the UK. Since January 2022, we have responded to 20 Iran-backed plots.\n";
    let f = compare_to(
        speech,
        "He warned of \"plot after plot here in Britain\".\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    // The source sentence ends two words on: both are what was replaced.
    assert_eq!(
        edits(f),
        [("replace".into(), "the UK".into(), "Britain".into())]
    );
}

#[test]
fn a_word_matched_alone_in_the_next_source_sentence_is_chance() {
    // "the" of the next source sentence ("The number ...") is not where
    // "the world" comes from.
    let speech = "We will keep working with our partners across Europe. The number of investigations has risen.\n";
    let f = compare_to(
        speech,
        "\"We will keep working with our partners across the world,\" he added.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert_eq!(
        edits(f),
        [("replace".into(), "Europe".into(), "the world".into())]
    );
    // Outside quotation marks, the lone word is the writer's own framing.
    let speech = "They have only a tenuous grasp of the ideologies they profess to follow. People viewing extremist material online are often very young.\n";
    let f = compare_to(
        speech,
        "This applies to people viewing extremist material online are often very young.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    assert!(edits(f).is_empty(), "{f:#}");
}

#[test]
fn a_quotation_in_a_sentence_placed_by_its_neighbours_is_still_checked() {
    // The middle sentence shares too little to align on its own and is
    // placed between its neighbours' sources; its quotation still differs
    // from the source words there.
    let speech = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. \
We have seen plot after plot here in the UK. \
Since January 2022, we have responded to 20 Iran-backed plots presenting potentially lethal threats to British citizens.\n";
    let article = "MI5 and the police have together disrupted 43 late-stage attack plots since March 2017. \
He warned of \"plot after plot here in Britain\". \
Since January 2022, MI5 has responded to 20 Iran-backed plots presenting potentially lethal threats to British citizens.\n";
    let f = compare_to(speech, article);
    let quoted: Vec<_> = f
        .iter()
        .filter(|x| x["secondary"]["text"].as_str().unwrap().contains("Britain"))
        .collect();
    assert_eq!(quoted.len(), 1, "{f:#?}");
    assert_eq!(quoted[0]["kind"], "misquote", "{f:#?}");
    assert_eq!(
        edits(quoted[0]),
        [("replace".into(), "the UK".into(), "Britain".into())]
    );
}

#[test]
fn the_writers_words_between_two_quotations_are_no_edit() {
    // Words outside quotation marks between two quoted stretches are the
    // writer's, whether they add to the source ("before warning that") or
    // stand for source words neither quotation claims ("and we will").
    let f = compare(
        "'We will not let these threats go unanswered,' he said, vowing to keep 'working with our partners across Europe'.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    assert!(edits(f).is_empty(), "{f:#}");
    let speech = "I want to be clear: this is not a problem that will go away on its own.\n";
    let f = compare_to(
        speech,
        "He said 'I want to be clear' before warning that 'this is a problem that will go away'.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert_eq!(edits(f), [("delete".into(), "not".into(), String::new())]);
}

#[test]
fn a_block_quotation_is_held_to_the_source_like_quoted_words() {
    // No quotation marks: the Markdown `>` or the HTML <blockquote> says
    // the words are the speaker's.
    let speech = "So today I am announcing a plan to build 1.5 million homes over this Parliament, and to cut planning red tape that has held back growth for a generation.\n";
    for article in [
        "The Prime Minister said:\n\n> So today I am announcing a plan to build 1.5 million homes over this Parliament, and to cut planning rules that have held back growth for a generation.\n",
        "<p>The Prime Minister said:</p>\n<blockquote><p>So today I am announcing a plan to build 1.5 million homes over this Parliament, and to cut planning rules that have held back growth for a generation.</p></blockquote>\n",
    ] {
        let f = compare_to(speech, article);
        let f = only(&f);
        assert_eq!(f["kind"], "misquote", "{f:#}");
        assert_eq!(f["in_quotes"], true, "{f:#}");
    }
}

#[test]
fn words_between_quotations_still_carry_numbers_and_negations() {
    let speech = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots across the whole country.\n";
    let f = compare_to(
        speech,
        "McCallum said \"MI5 and the police have together disrupted\" 20 \"late-stage attack plots across the whole country\".\n",
    );
    assert_eq!(only(&f)["kind"], "numeric_change", "{f:#?}");
    let speech = "The threat from state actors is growing and we must not be complacent about it in any way.\n";
    let f = compare_to(
        speech,
        "She said \"the threat from state actors\" is not \"growing and we must not be complacent about it in any way\".\n",
    );
    assert_eq!(only(&f)["kind"], "misquote", "{f:#?}");
    assert!(message(only(&f)).contains("negation"), "{f:#?}");
}

#[test]
fn block_quotations_claim_only_where_they_align() {
    let speech = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. That is a remarkable record of work by the teams involved.\n";
    // A quotation wrapped over several `>` lines is one quotation.
    let f = compare_to(
        speech,
        "The Director General told the committee:\n\n> Since March 2017, MI5 and the police have together disrupted\n> 20 late-stage attack plots.\n",
    );
    assert_eq!(only(&f)["kind"], "numeric_change", "{f:#?}");
    // Quotation marks inside say which words are quoted.
    let f = compare_to(
        speech,
        "> \"Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots,\" McCallum said.\n",
    );
    assert_eq!(only(&f)["kind"], "verbatim", "{f:#?}");
    // An embedded post found in no source is no claim of the speaker's words.
    let f = compare_to(
        speech,
        "<p>Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots, he said.</p>\n<blockquote class=\"twitter-tweet\"><p>Great to see the security minister visiting our local station today, thanks to all the officers</p>&mdash; Jane Smith MP</blockquote>\n",
    );
    assert!(f.iter().all(|x| x["kind"] == "verbatim"), "{f:#?}");
}

#[test]
fn a_stock_phrase_is_no_source_for_a_long_quotation() {
    // Five words in a row ("one of the most important") in a quotation of
    // twenty are chance, not the place it comes from.
    let speech = "Terrorism remains one of the most important challenges we face as a country.\n";
    let f = compare_to(
        speech,
        "The mayor said: \"Affordable homes for young families are one of the most important things to deliver for this city.\"\n",
    );
    assert!(f.iter().all(|x| x["source"].is_null()), "{f:#?}");
}

#[test]
fn a_second_quotation_from_another_place_is_no_addition() {
    let speech = "We have identified significant threats to national security, and we will not hesitate to act against those who seek to harm our citizens.\n";
    // Each quotation is the source's, from two places of it.
    let f = compare_to(
        speech,
        "He vowed to act against \"those who seek to harm our citizens\" and said \"significant threats\" had been identified.\n",
    );
    assert!(f.iter().all(|x| x["kind"] == "verbatim"), "{f:#?}");
    // A second quotation the source does not hold is still quoted words added.
    let f = compare_to(
        speech,
        "He vowed to act against \"those who seek to harm our citizens\" and said \"grave dangers\" had been identified.\n",
    );
    assert_eq!(only(&f)["kind"], "misquote", "{f:#?}");
    // A longer one aligns on its own, with its own finding.
    let f = compare_to(
        speech,
        "He vowed to act against \"those who seek to harm our citizens\" after saying \"we have identified serious threats to national security\".\n",
    );
    let quoted: Vec<_> = f
        .iter()
        .filter(|x| {
            x["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("we have")
        })
        .collect();
    assert_eq!(quoted.len(), 1, "{f:#?}");
    assert_eq!(quoted[0]["kind"], "misquote", "{f:#?}");
    assert_eq!(
        edits(quoted[0]),
        [("replace".into(), "significant".into(), "serious".into())]
    );
}

#[test]
fn a_sentence_starting_like_the_one_before_aligns_to_its_own_place() {
    // "It is" starts both source sentences: the second quoted sentence is
    // the second source sentence, with nothing dropped.
    let speech = "For too long, this country has treated the housing crisis as if it were the weather, something that simply happens to us. It is not the weather. It is a choice, and for thirty years governments have chosen not to build.\n";
    let f = compare_to(
        speech,
        "\u{201c}It is not the weather. It is a choice, and for thirty years governments have chosen not to build,\u{201d} he said.\n",
    );
    assert!(!f.is_empty());
    for f in &f {
        assert_eq!(f["kind"], "verbatim", "{f:#}");
    }
}

#[test]
fn a_quotation_cut_at_an_ellipsis_declares_the_cut() {
    let speech = "So the Committee faces a genuine two-sided risk. On one side, we could hold rates too high for too long, and do unnecessary damage to output and jobs. On the other, we could cut too quickly, and allow inflation to become embedded once again.\n";
    let f = compare_to(
        speech,
        "\u{201c}On one side, we could hold rates too high for too long \u{2026} On the other, we could cut too quickly, and allow inflation to become embedded once again,\u{201d} she said.\n",
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
    assert!(
        edits(&f[0]).contains(&(
            "elide".into(),
            "and do unnecessary damage to output and jobs".into(),
            String::new()
        )),
        "{f:#?}"
    );
    // Without the ellipsis, words left out that limit the claim cut it short.
    let f = compare_to(
        &speech.replace(", and do unnecessary", ", but only if we do unnecessary"),
        "\u{201c}On one side, we could hold rates too high for too long.\u{201d}\n",
    );
    assert_eq!(only(&f)["kind"], "truncation", "{f:#?}");
    // An ellipsis that hides a negation is a misquote.
    let f = compare_to(
        &speech.replace("and do unnecessary", "and not do unnecessary"),
        "\u{201c}On one side, we could hold rates too high for too long \u{2026}\u{201d}\n",
    );
    assert_eq!(only(&f)["kind"], "misquote", "{f:#?}");
}

#[test]
fn a_typo_inside_quotation_marks_is_a_copy_error() {
    let f = compare(
        "He said: \u{201c}Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots.\u{201d} He added: \u{201c}Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murdre.\u{201d}\n",
    );
    let kinds: Vec<&str> = f.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["verbatim", "copy_error"], "{f:#?}");
    // Another word is a misquote.
    let f = compare(
        "He added: \u{201c}Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murders.\u{201d}\n",
    );
    assert_eq!(only(&f)["kind"], "misquote", "{f:#?}");
}

#[test]
fn a_misquote_names_only_the_quoted_edits() {
    let speech = "Tariffs announced by the United States will, on our central estimate, reduce the level of UK GDP by around 0.3 per cent over three years. That is a modest direct effect, but the uncertainty they create may weigh more heavily on business decisions.\n";
    let f = compare_to(
        speech,
        "\u{201c}Tariffs announced by the United States will reduce the level of UK GDP by around 0.3 per cent over three years,\u{201d} Ms Ashworth said, adding that the uncertainty they created could weigh more heavily on companies.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "misquote", "{f:#}");
    assert_eq!(
        message(f),
        "words inside quotation marks differ from the source (\"on our central estimate\" dropped)",
        "{f:#}"
    );
}

#[test]
fn a_quotation_stopped_before_the_writer_goes_on_in_its_own_words_is_cut_short() {
    let speech = "Let me turn to the outlook. For the fourth quarter, we expect revenue between $4.45 billion and $4.55 billion, but margins will be lower than in this quarter. We expect operating margin to be roughly 30 percent, reflecting the cost of bringing the new regions online.\n";
    let f = compare_to(
        speech,
        "\"For the fourth quarter, we expect revenue between $4.45 billion and $4.55 billion,\" Lindqvist said, adding that operating margin would be roughly 30%.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "truncation", "{f:#}");
    assert!(message(f).contains("goes on for 9 more words"), "{f:#}");
    // Quoted to its sentence's end, nothing was cut.
    let f = compare_to(
        speech,
        "\"For the fourth quarter, we expect revenue between $4.45 billion and $4.55 billion, but margins will be lower than in this quarter,\" Lindqvist said, adding that operating margin would be roughly 30%.\n",
    );
    assert_ne!(only(&passages(&f))["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_quotation_of_words_the_speech_says_twice_is_found_where_it_is_whole() {
    let f = compare_to(
        "Tonight I come before you to report on the state of our union. And I can tell you that the state of our union is strong. God bless you all.\n",
        "The president told a packed House chamber that \"the state of our union is strong.\"\n",
    );
    assert!(
        !f.is_empty() && f.iter().all(|f| f["kind"] == "verbatim"),
        "{f:#?}"
    );
    // A short sentence among others of the same shape.
    let f = compare_to(
        "Right now, the average billionaire pays a federal tax rate of just 8 percent. A teacher pays more. A firefighter pays more. A nurse pays more. That is not right.\n",
        "\"A firefighter pays more,\" he said.\n",
    );
    assert_eq!(only(&f)["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_quotation_joining_sentences_from_two_places_is_a_misquote() {
    // SOURCE's first and fourth sentences, quoted as one passage.
    let joined = "He said: \u{201c}Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots.{} We will not let these threats go unanswered, and we will keep working with our partners across Europe.\u{201d}\n";
    let f = compare(&joined.replace("{}", ""));
    let kinds: Vec<&str> = f.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["verbatim", "misquote"], "{f:#?}");
    assert!(
        message(&f[1]).contains("joins this to the sentence before it"),
        "{f:#?}"
    );
    // An ellipsis declares the gap.
    let f = compare(&joined.replace("{}", " \u{2026}"));
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
    // Sentences that follow each other in the source are one passage.
    let f = compare(
        "He said: \u{201c}Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder.\u{201d}\n",
    );
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
}

#[test]
fn a_quotation_never_closed_is_a_copy_error() {
    let f = compare(
        "He said: \"Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots.\n\nThe speech was given in London.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "copy_error", "{f:#}");
    assert!(
        message(f).starts_with("quotation marks unbalanced"),
        "{f:#}"
    );
    // Left open where the next paragraph opens another mark, it runs on:
    // the press's way of quoting several paragraphs.
    let f = compare(
        "He said: \"Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots.\n\n\"Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder.\"\n",
    );
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
}

#[test]
fn a_refrain_quoted_with_the_sentence_after_it_is_one_passage() {
    let f = compare_to(
        "We will never give up on this country. Times are hard for many families across the land, and many have lost hope in the future of their towns and cities. But I say this to them tonight. We will never give up on this country. We will rebuild every town that was left behind.\n",
        "He told the crowd: \"We will never give up on this country. We will rebuild every town that was left behind.\"\n",
    );
    assert!(
        !f.is_empty() && f.iter().all(|f| f["kind"] == "verbatim"),
        "{f:#?}"
    );
}

#[test]
fn the_writers_lead_into_an_exact_quotation_is_no_edit() {
    let speech = "They were entitled to rely on the report they were given. The fault lies in what that report did not say.\n\nWhen I told him I wanted to be an engineer, he asked me one question: “Will the things you build still be standing when you’re gone?” I said I hoped so.\n";
    for article in [
        "The judge said they had been entitled to rely on the report they were given, adding: \"The fault lies in what that report did not say.\"\n",
        "When she told him she wanted to be an engineer, he asked: “Will the things you build still be standing when you’re gone?”\n",
        "He asked her: “Will the things you build still be standing when you’re gone?”\n",
    ] {
        let f = compare_to(speech, article);
        assert_eq!(only(&f)["kind"], "verbatim", "{article}: {f:#?}");
    }
}

#[test]
fn a_lead_into_a_quotation_that_changes_who_or_how_is_still_reported() {
    for (lead, changed) in [
        (
            "The president told Democrats:",
            "The president told Republicans:",
        ),
        ("The minister denied:", "The minister admitted:"),
    ] {
        let speech = format!("{lead} “We will close the plant before the end of the year.”\n");
        let article = format!("{changed} “We will close the plant before the end of the year.”\n");
        let f = passages(&compare_to(&speech, &article));
        assert_eq!(only(&f)["kind"], "copy_error", "{article}: {f:#?}");
    }
}

#[test]
fn a_lead_into_a_quotation_that_drops_a_negation_is_still_reported() {
    let speech =
        "He never said to the committee: “We will close the plant before the end of the year.”\n";
    let f = compare_to(
        speech,
        "He said to the committee: “We will close the plant before the end of the year.”\n",
    );
    assert!(message(only(&f)).contains("negation"), "{f:#?}");
}

#[test]
fn a_quotation_stopped_before_its_condition_is_cut_short() {
    let judgment = "The application will return to the Council to be determined afresh. It will be open to the Council to grant permission again if, having properly applied the sequential test, it concludes that permission should be granted.\n";
    for article in [
        "\"It will be open to the Council to grant permission again,\" the judge said.\n",
        "\"It will be open to the Council to grant permission again,\" the judge added, and I suspect it will.\n",
    ] {
        let f = compare_to(judgment, article);
        assert_eq!(only(&f)["kind"], "truncation", "{article}: {f:#?}");
    }
    // Stopped at its end, or before words that are no condition, it is whole.
    let f = compare_to(
        judgment,
        "\"The application will return to the Council to be determined afresh,\" the judge said.\n",
    );
    assert_eq!(only(&f)["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_quotation_taken_from_after_its_opening_condition_is_cut_short() {
    let speech = "This budget commits new money to housing. Subject to planning consent, work on the \
        first 86 homes at the old bus depot will begin this autumn. We will build more next year.\n";
    let f = compare_to(
        speech,
        "\"Work on the first 86 homes at the old bus depot will begin this autumn,\" she said.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "truncation", "{f:#}");
    assert!(message(f).contains("Subject to planning consent"), "{f:#}");
    // Not where the writer gives a condition of its own, before the copy
    // or after it, or in the sentence before.
    for article in [
        "If planning consent is granted, \"work on the first 86 homes at the old bus depot will begin this autumn,\" she said.\n",
        "\"Work on the first 86 homes at the old bus depot will begin this autumn,\" she said, if planning permission is granted.\n",
        "The scheme still needs planning consent. \"Work on the first 86 homes at the old bus depot will begin this autumn,\" she said.\n",
    ] {
        let f = compare_to(speech, article);
        assert!(
            f.iter().all(|f| f["kind"] != "truncation"),
            "{article}: {f:#?}"
        );
    }
}

#[test]
fn a_quotation_as_it_is_in_a_passage_reworded_around_it_is_verbatim_on_its_own() {
    let speech = "We are also announcing new money today. The £9.4 million for the community game is ring-fenced and cannot be touched for anything else.\n";
    let f = compare_to(
        speech,
        "Castellan said the £9.4 million community package was \"ring-fenced and cannot be touched for anything else\".\n",
    );
    let quoted: Vec<&Value> = f
        .iter()
        .filter(|f| f["secondary"]["text"] == "ring-fenced and cannot be touched for anything else")
        .collect();
    assert_eq!(quoted.len(), 1, "{f:#?}");
    assert_eq!(quoted[0]["kind"], "verbatim", "{f:#?}");
    assert_eq!(
        quoted[0]["source"]["text"],
        "ring-fenced and cannot be touched for anything else."
    );
    // The passage is still judged as a whole; a quotation changed is no
    // verbatim one.
    assert_eq!(passages(&f).len(), 1, "{f:#?}");
    let f = compare_to(
        speech,
        "Castellan said the £9.4 million community package was \"ring-fenced and cannot be used for anything else\".\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "verbatim"), "{f:#?}");
}

#[test]
fn a_quotation_as_it_is_beside_a_changed_figure_is_verbatim_on_its_own() {
    let speech = "The total cost will be between 38 million and 45 million euro. That is roughly a fifth of the profit we made last year.\n";
    let f = compare_to(
        speech,
        "Ms Corrigan put the total cost at between 38 million and 54 million euro, \"roughly a fifth of the profit we made last year\".\n",
    );
    // The figure is the writer's and wrong; the speaker's words are right.
    assert_eq!(only(&passages(&f))["kind"], "numeric_change", "{f:#?}");
    let quoted: Vec<&Value> = f.iter().filter(|f| f["kind"] == "verbatim").collect();
    assert_eq!(quoted.len(), 1, "{f:#?}");
    assert_eq!(
        quoted[0]["secondary"]["text"],
        "roughly a fifth of the profit we made last year"
    );
}

#[test]
fn an_article_dropped_or_added_inside_quotation_marks_is_a_copy_error() {
    let speech = "Our research vessel spent 214 days at sea this year, and we have signed an agreement with the agency.\n";
    for (article, edit) in [
        (
            "The director said: \"Our research vessel spent 214 days at the sea this year.\"\n",
            "\"the\" added",
        ),
        (
            "The director said: \"We have signed agreement with the agency.\"\n",
            "\"an\" dropped",
        ),
    ] {
        let f = passages(&compare_to(speech, article));
        assert_eq!(only(&f)["kind"], "copy_error", "{article}: {f:#?}");
        assert!(message(only(&f)).contains(edit), "{f:#?}");
    }
    // Another word is other words put in the speaker's mouth.
    let f = compare_to(
        speech,
        "The director said: \"Our research vessel spent 214 days at war this year.\"\n",
    );
    assert_eq!(only(&passages(&f))["kind"], "misquote", "{f:#?}");
}

#[test]
fn a_quotation_of_a_whole_clause_before_another_with_its_own_subject_is_not_cut() {
    let speech = "Our budget has fallen by 12 per cent in real terms since 2016, and we have 310 fewer officers than we did then. We could hold rates too high for too long, and do unnecessary damage to output and jobs.\n";
    // The next clause has a subject of its own: the words quoted are a
    // whole claim.
    let f = compare_to(
        speech,
        "\"Our budget has fallen by 12 per cent in real terms since 2016,\" the chief constable said.\n",
    );
    assert_eq!(only(&passages(&f))["kind"], "verbatim", "{f:#?}");
    // So is one set off by a comma that does not limit it.
    let f = compare_to(
        speech,
        "\"We could hold rates too high for too long,\" the governor said.\n",
    );
    assert_eq!(only(&passages(&f))["kind"], "verbatim", "{f:#?}");
    // One that limits it, or goes on with the list, is cut.
    for (source, quoted) in [
        (
            "We could hold rates too high for too long, but only while inflation stays above target.",
            "We could hold rates too high for too long",
        ),
        (
            "We could hold rates too high for too long, although this is unlikely.",
            "We could hold rates too high for too long",
        ),
        (
            "We could do unnecessary damage to output, to jobs and to investment.",
            "We could do unnecessary damage to output",
        ),
    ] {
        let f = compare_to(
            &format!("{source}\n"),
            &format!("\"{quoted},\" the governor said.\n"),
        );
        assert_eq!(
            only(&passages(&f))["kind"],
            "truncation",
            "{source}: {f:#?}"
        );
    }
}

#[test]
fn a_quotation_running_on_from_a_sentence_of_reported_words_is_one_place() {
    // The writer reports one clause, then quotes the speaker's next
    // sentences, which run on over a sentence end: no words were added to
    // the report, and the quotation joins nothing from apart.
    let speech = "My lease runs until the end of March, and I would like to renew it, but that is a matter for the landlord. I love this shop. Whatever happens, I will keep baking until the day we close.\n";
    let f = compare_to(
        speech,
        "On the future, with her lease running until the end of March: \"I love this shop. Whatever happens, I will keep baking until the day we close.\"\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
    let quoted: Vec<&str> = f
        .iter()
        .filter(|f| f["kind"] == "verbatim")
        .map(|f| f["secondary"]["text"].as_str().unwrap())
        .collect();
    // Both sentences of the quotation are one verbatim finding.
    assert!(
        quoted.contains(
            &"I love this shop. Whatever happens, I will keep baking until the day we close."
        ),
        "{f:#?}"
    );
}

#[test]
fn a_short_quotation_the_source_only_negates_is_a_misquote() {
    let speech = "We believe the core of this network has been dismantled. Networks like this one rebuild quickly, and we are not declaring victory. We will keep going.\n";
    let f = compare_to(
        speech,
        "Police said officers were \"declaring victory\" after the arrests on Thursday.\n",
    );
    let q: Vec<&Value> = f
        .iter()
        .filter(|f| f["secondary"]["text"] == "declaring victory")
        .collect();
    assert_eq!(q.len(), 1, "{f:#?}");
    assert_eq!(q[0]["kind"], "misquote", "{f:#?}");
    assert!(message(q[0]).contains("not declaring victory"), "{f:#?}");
    // Given with its negation, in the writer's words or not, it is what
    // was said.
    for kept in ["were not", "stopped short of", "refused to start"] {
        let f = compare_to(
            speech,
            &format!(
                "Police said officers {kept} \"declaring victory\" after the arrests on Thursday.\n"
            ),
        );
        assert!(f.iter().all(|f| f["kind"] != "misquote"), "{kept}: {f:#?}");
    }
}

#[test]
fn the_writers_lead_into_a_quotation_retold_is_no_cut() {
    let hearing = "What has this meant for passengers? I have here a letter from a constituent who commutes from Taunton. She writes, \"It is now quicker to cycle to Bridgwater than to wait for the morning train.\" I suspect she is not alone.\n";
    let f = compare_to(
        hearing,
        "The chair read out a letter from a Taunton commuter: \"It is now quicker to cycle to Bridgwater than to wait for the morning train.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn a_quotation_of_a_phrase_the_source_repeats_is_matched_whole() {
    let remarks = "I want to read part of one of them into the record. Mrs Garland's daughter, Carol Whitlock, wrote this: \"My mother worked for forty years and saved every penny so that she would never be a burden on anyone. He took that from her in a matter of weeks. She stopped answering the door. She stopped answering the phone. She died in February this year believing it was her own fault.\"\n";
    let f = compare_to(
        remarks,
        "Her daughter, Carol Whitlock, said in a statement read out by the judge: \"She stopped answering the door. She stopped answering the phone.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
}

#[test]
fn a_condition_after_but_only_is_one() {
    let speech = "Harwood Gaol is a century old. We will close Harwood Gaol by the end of 2028, but only \
        once every prisoner held there has a place closer to their family.\n";
    let f = compare_to(
        speech,
        "The governor said: \"We will close Harwood Gaol by the end of 2028.\"\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "truncation", "{f:#}");
    assert!(message(f).contains("drops the condition"), "{f:#}");
    assert!(message(f).contains("but only once"), "{f:#}");
}

#[test]
fn a_quotation_the_speaker_interrupts_with_an_attribution_is_quoted_whole() {
    // The speaker quotes someone, interrupting the words with "she said":
    // a writer who quotes them whole leaves the attribution out.
    let speech = "Margaret gave me one instruction for today. \"Keep it short,\" she said, \"because Tom never did.\" So I will try.\n";
    let f = compare_to(
        speech,
        "The prime minister said Margaret had told her: \u{201c}Keep it short, because Tom never did.\u{201d}\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
    // Words of the speaker's own left out of the quotation still count.
    let f = compare_to(
        &speech.replace("she said,", "she said, \"and funny,\""),
        "The prime minister said Margaret had told her: \u{201c}Keep it short, because Tom never did.\u{201d}\n",
    );
    assert!(f.iter().any(|f| f["kind"] == "misquote"), "{f:#?}");
}

#[test]
fn a_quotation_stopped_before_a_limiting_clause_is_cut() {
    // The quotation stops at the comma before "but": the speaker's caution
    // is left out, however short the quotation is.
    let release = "The subgroup findings are interesting, but they should be treated with caution until they are confirmed.\n";
    let cut =
        "She said: \"The subgroup findings are interesting,\" pointing to the younger patients.\n";
    let f = compare_to(release, cut);
    assert!(f.iter().any(|f| f["kind"] == "truncation"), "{f:#?}");
    // A rest that does not limit the words quoted is no cut.
    let release =
        "The subgroup findings are interesting, and we will publish them in full next spring.\n";
    let f = compare_to(release, cut);
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}
