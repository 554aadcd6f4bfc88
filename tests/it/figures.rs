//! Figures written in other ways: fractions against percentages, temperatures
//! with their scale written in several ways.

use crate::audit::{compare_to, edits, message};

const SOURCE: &str = "The Director General said on Tuesday that half of all plots were planned by teenagers across the country.\n";

fn kinds(secondary: &str) -> Vec<String> {
    compare_to(SOURCE, secondary)
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_fraction_is_the_percentage_it_rounds() {
    // "half" is 50 per cent; "a third" is 33 or 34.
    for same in ["50 per cent", "50%"] {
        let s = format!(
            "The Director General said on Tuesday that {same} of all plots were planned by teenagers across the country.\n"
        );
        assert_eq!(kinds(&s), ["verbatim"], "{same}");
    }
    let third = compare_to(
        &SOURCE.replace("half", "a third"),
        &SOURCE.replace("half", "33 per cent"),
    );
    assert_eq!(third[0]["kind"], "verbatim", "{third:#?}");
}

#[test]
fn a_fraction_against_another_percentage_is_a_numeric_change() {
    let f = compare_to(SOURCE, &SOURCE.replace("half", "60 per cent"));
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert_eq!(
        edits(&f[0]),
        [("replace".into(), "half".into(), "60 per cent".into())]
    );
    let f = compare_to(
        &SOURCE.replace("half", "a quarter"),
        &SOURCE.replace("half", "40%"),
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_fraction_is_no_count() {
    // "half" of the plots is not "50" plots.
    assert_eq!(kinds(&SOURCE.replace("half", "50")), ["numeric_change"]);
}

#[test]
fn a_percentage_rounded_to_a_fraction_with_a_qualifier_keeps_its_value() {
    let f = compare_to(
        &SOURCE.replace("half", "48 per cent"),
        &SOURCE.replace("half", "nearly half"),
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_date_in_the_other_order_is_the_same_date() {
    let source = "On 8 October 2024, the Director General said the threat had grown by 48 per cent in a single year.\n";
    let f = compare_to(
        source,
        "On October 8, 2024, the Director General said the threat had grown by 48 per cent in a single year.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Another day is a numeric change, in either order.
    let f = compare_to(
        source,
        "On October 9, 2024, the Director General said the threat had grown by 48 per cent in a single year.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_fraction_in_the_framing_is_paired_with_the_source_s() {
    // The changed fraction stands before the matched words, where the
    // writer's framing is: it is paired with the source's fraction there.
    let f = compare_to(
        "Nearly half of all officers say they have been assaulted on duty in the last year, and that is a disgrace.\n",
        "She said a third of all officers say they have been assaulted on duty.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert_eq!(
        edits(&f[0]),
        [("replace".into(), "half".into(), "a third".into())]
    );
}

#[test]
fn a_date_at_the_end_of_a_quotation_in_the_other_order_is_the_same_date() {
    // The source's month lies past the last matched word: no month added.
    let f = compare_to(
        "He said: \"The talks will take place in Geneva and again on 12 March.\"\n",
        "He said: \"The talks will take place in Geneva and again on March 12.\"\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_figure_further_into_the_framing_is_paired_by_its_scale() {
    let source = "We are investing £25 million in new technology to help officers catch criminals faster, and that investment starts today.\n";
    let f = compare_to(
        source,
        "She said £35 million would be invested in new technology to help officers catch criminals faster.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert_eq!(
        edits(&f[0])[0],
        ("replace".into(), "25 million".into(), "35 million".into())
    );
    // The same figure is no change; a year in the framing has no scale.
    let f = compare_to(
        source,
        "She said £25 million would be invested in new technology to help officers catch criminals faster.\n",
    );
    assert_ne!(f[0]["kind"], "numeric_change", "{f:#?}");
    let f = compare_to(
        source,
        "In 2023, she said, investing in new technology to help officers catch criminals faster was a priority.\n",
    );
    assert!(f.iter().all(|x| x["kind"] != "numeric_change"), "{f:#?}");
}

#[test]
fn a_figure_a_rewording_takes_from_the_next_sentence_is_no_change() {
    let speech = "In October 2022, consumer price inflation peaked at 11.1 per cent. Today it stands at 2.8 per cent. That is a remarkable fall.\n\nBank Rate now stands at 4.25 per cent.\n\nIt does not mean that the job is done. Inflation is not yet back at our 2 per cent target, and we expect it to rise again to around 3.5 per cent in the third quarter of this year before it falls back.\n";
    let f = compare_to(
        speech,
        "She said inflation, now at 2.8%, was expected to rise to around 3.5% in the third quarter before falling back.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "paraphrase", "{f:#?}");
    // A figure the source does not state nearby is still a change.
    let f = compare_to(
        speech,
        "She said inflation, now at 2.6%, was expected to rise to around 3.5% in the third quarter before falling back.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    // The wrong sentence's figure in the right place is a changed number.
    let f = compare_to(
        "Unemployment has risen to 5 per cent this spring, the highest level for three years. Inflation, meanwhile, stands at 3 per cent.\n",
        "She said unemployment had now risen to 3 per cent this spring, the highest level in three years.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    // And in a copy, the neighbouring sentence's figure is a changed number.
    let f = compare_to(
        speech,
        "Inflation is not yet back at our 2.8 per cent target, and we expect it to rise again to around 3.5 per cent in the third quarter of this year before it falls back.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_short_statement_with_its_figure_changed_is_found() {
    let speech = "We owe you a planet that is livable. That is why we have made the largest investment in clean energy in history, and that is why we will cut emissions in half by 2030.\n";
    let f = compare_to(speech, "He pledged to cut emissions in half by 2035.\n");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    // Five words without a figure next to them are too few to place it.
    let f = compare_to(
        speech,
        "He pledged to cut emissions in half by the end of the decade.\n",
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn a_temperature_quoted_with_its_scale_written_otherwise_is_verbatim() {
    let speech = "We must hold warming to 1.5 degrees Celsius above pre-industrial levels, and we will not give up on that goal.\n";
    for written in ["1.5°C", "1.5C", "1.5 degrees", "1.5 degrees C"] {
        let article = format!(
            "She said: \"We must hold warming to {written} above pre-industrial levels, and we will not give up on that goal.\"\n"
        );
        let f = compare_to(speech, &article);
        assert_eq!(f[0]["kind"], "verbatim", "{written}: {f:#?}");
    }
    // Another value is still a changed figure.
    let article = "She said: \"We must hold warming to 2C above pre-industrial levels, and we will not give up on that goal.\"\n";
    let f = compare_to(speech, article);
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert_eq!(edits(&f[0]), [("replace".into(), "1.5".into(), "2".into())]);
    // And another scale is another unit.
    let article = "She said: \"We must hold warming to 1.5°F above pre-industrial levels, and we will not give up on that goal.\"\n";
    let f = compare_to(speech, article);
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
}

#[test]
fn a_unit_abbreviated_is_the_same_unit() {
    let speech = "The train struck the landslip at 06:34, at a speed of 71 kilometres per hour.\n";
    for written in ["71 km/h", "71 kph"] {
        let article = format!("The train struck the landslip at 06:34, at a speed of {written}.\n");
        let f = compare_to(speech, &article);
        assert_eq!(f.len(), 1, "{written}: {f:#?}");
        assert_eq!(f[0]["kind"], "verbatim", "{written}: {f:#?}");
    }
    // Another unit is another figure.
    let article = "The train struck the landslip at 06:34, at a speed of 71 mph.\n";
    let f = compare_to(speech, article);
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_sentence_s_last_word_changed_is_read() {
    // The diff stops at the last shared word: the changed last word is
    // paired with the source's, not left as the writer's own.
    let speech = "The new wing of the museum will open to the public in March.\n\n\
                  The library has served the town and its villages since the 1990s.\n";
    for (article, from, to) in [
        (
            "The new wing of the museum will open to the public in May.\n",
            "March",
            "May",
        ),
        (
            "The library has served the town and its villages since the 1980s.\n",
            "1990s",
            "1980s",
        ),
    ] {
        let f = compare_to(speech, article);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
        assert_eq!(edits(&f[0]), [("replace".into(), from.into(), to.into())]);
    }
    // Words set off by a comma are the writer's attribution, not a change.
    let article = "The new wing of the museum will open to the public, she said.\n";
    let f = compare_to(speech, article);
    assert!(
        f.iter().all(|f| edits(f).iter().all(|e| e.0 != "replace")),
        "{f:#?}"
    );
}

#[test]
fn the_same_shapes_with_every_figure_other_are_other_facts() {
    // Another company's results in the call's sentence shapes: five
    // figures, none the call's (one, 61.2 against 21.6, has its digits in
    // another order), are other facts, not a copy with its figures wrong.
    let call = "Gross margin was 68.4 percent, up 120 basis points from a year ago. \
                Operating margin was 24.1 percent, compared with 21.6 percent a year earlier. \
                Diluted earnings per share were $1.37, compared with $1.12 a year ago.\n";
    let other = "Gross margin was 61.2%, up 80 basis points, and operating margin was 18.7%. \
                 Diluted earnings per share were 94 cents, compared with 81 cents a year ago.\n";
    let f = compare_to(call, other);
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
    // One figure changed in a copy is a numeric change.
    let copy = "Diluted earnings per share were $1.37, compared with $1.21 a year ago.\n";
    let f = compare_to(call, copy);
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

/// Each (speech, report) pair says the same figure, spelled out in the
/// speech; each report then changes it.
const SPELLED: [(&str, &str, &str); 5] = [
    (
        "There are four thousand two hundred and sixteen of you graduating today in the great hall.\n",
        "She said: \"There are 4,216 of you graduating today in the great hall.\"\n",
        "4,200",
    ),
    (
        "In my first semester I bought two hundred eighty textbooks from the old store on the corner.\n",
        "She said: \"In my first semester I bought 280 textbooks from the old store on the corner.\"\n",
        "290",
    ),
    (
        "The Carver Street crossing now carries about one point six million people across the river every year.\n",
        "She said: \"The Carver Street crossing now carries about 1.6 million people across the river every year.\"\n",
        "1.7",
    ),
    (
        "It was May of nineteen eighty-seven, it was raining, and my gown was two sizes too big for me.\n",
        "She said: \"It was May of 1987, it was raining, and my gown was two sizes too big for me.\"\n",
        "1989",
    ),
    (
        "At the end of that week I had eleven dollars and forty cents left for the rest of the month.\n",
        "She said: \"At the end of that week I had $11.40 left for the rest of the month.\"\n",
        "$12.40",
    ),
];

#[test]
fn a_figure_spelled_out_in_the_speech_is_the_same_figure_in_digits() {
    for (speech, report, _) in SPELLED {
        let f = compare_to(speech, report);
        assert_eq!(f[0]["kind"], "verbatim", "{report}: {f:#?}");
    }
}

#[test]
fn a_figure_spelled_out_in_the_speech_and_changed_is_read_whole() {
    for (speech, report, changed) in SPELLED {
        let digits = report
            .split(' ')
            .find(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '$'))
            .unwrap()
            .trim_start_matches('$');
        let report = report.replacen(digits, changed.trim_start_matches('$'), 1);
        let f = compare_to(speech, &report);
        assert_eq!(f[0]["kind"], "numeric_change", "{report}: {f:#?}");
        // The message quotes the whole spelled-out figure, not its first word.
        let said = f[0]["message"].as_str().unwrap();
        assert!(
            said.contains("the source says \"")
                && !said.contains("says \"four thousand\"")
                && !said.contains("says \"nineteen\"")
                && !said.contains("says \"one\""),
            "{said}"
        );
    }
}

#[test]
fn number_words_join_only_when_they_make_one_figure() {
    // A units word heading a compound, two numbers apart by a comma, and
    // "at one point" are no single figure.
    for (speech, report) in [
        (
            "In the first week, twenty five-year-olds joined the new reception classes at the school, the head teacher said.\n",
            "In the first week, 20 five-year-olds joined the new reception classes at the school, the head teacher said.\n",
        ),
        (
            "They have been waiting fifteen, twenty years for the council to repair the bridge over the river.\n",
            "They have been waiting 15, 20 years for the council to repair the bridge over the river.\n",
        ),
        (
            "At one point three officers were surrounded by the crowd outside the station, the chief said.\n",
            "At one point 3 officers were surrounded by the crowd outside the station, the chief said.\n",
        ),
    ] {
        let f = compare_to(speech, report);
        assert_eq!(f.len(), 1, "{report}: {f:#?}");
        assert_eq!(f[0]["kind"], "verbatim", "{report}: {f:#?}");
    }
    let f = compare_to(
        "In the first week, twenty five-year-olds joined the new reception classes at the school, the head teacher said.\n",
        "In the first week, 30 five-year-olds joined the new reception classes at the school, the head teacher said.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn spelled_decimals_after_at_and_pairs_that_are_no_year() {
    // "at four point two per cent" is 4.2; two number words of two digits
    // are a year only for centuries 11 to 20 and not before what they count.
    for (speech, report) in [
        (
            "Inflation now stands at four point two per cent, the lowest level for three years.\n",
            "Inflation now stands at 4.2 per cent, the lowest level for three years.\n",
        ),
        (
            "The head teacher said sixty seventy pupils had been sent home from the school that week.\n",
            "The head teacher said 60 70 pupils had been sent home from the school that week.\n",
        ),
        (
            "They have been waiting fifteen twenty years for the council to repair the old bridge.\n",
            "They have been waiting 15 20 years for the council to repair the old bridge.\n",
        ),
    ] {
        let f = compare_to(speech, report);
        assert_eq!(f.len(), 1, "{report}: {f:#?}");
        assert_eq!(f[0]["kind"], "verbatim", "{report}: {f:#?}");
    }
}

#[test]
fn a_minus_sign_dropped_or_added_is_a_numeric_change() {
    let source = "Forecasters said overnight temperatures could fall to -5C in rural parts of the north this weekend.\n";
    let f = compare_to(source, &source.replace("-5C", "5C"));
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert_eq!(f[0]["edits"][0]["source"], "-", "{f:#?}");
    let f = compare_to(&source.replace("-5C", "5C"), source);
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    // The sign written another way is the same figure, and words that
    // give the sign keep it.
    for same in ["minus 5C", "−5C", "minus five degrees Celsius"] {
        let f = compare_to(source, &source.replace("-5C", same));
        assert_eq!(f[0]["kind"], "verbatim", "{same}: {f:#?}");
    }
    let f = compare_to(source, &source.replace("-5C", "five degrees below zero"));
    assert!(f.iter().all(|x| x["kind"] != "numeric_change"), "{f:#?}");
}

#[test]
fn us_before_a_dollar_sign_is_the_same_currency() {
    let source =
        "For the full year, revenue reached $15.8 billion, an increase of 9% on the year before.\n";
    let f = compare_to(source, &source.replace("$15.8 billion", "US$15.8 billion"));
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Another country's dollar is another currency.
    for other in ["A$15.8 billion", "NZ$15.8 billion"] {
        let f = compare_to(source, &source.replace("$15.8 billion", other));
        assert_ne!(f[0]["kind"], "verbatim", "{other}: {f:#?}");
    }
    // "US" as a word of its own is an edit.
    let f = compare_to(source, &source.replace("reached", "reached US"));
    assert_eq!(f[0]["kind"], "copy_error", "{f:#?}");
}

#[test]
fn a_figure_moved_by_a_rewording_and_changed_is_a_numeric_change() {
    let source = "Operating margin was 22.5% in the quarter. Free cash flow for the year was $3.1 billion, which is a record.\n";
    let f = compare_to(
        source,
        "Free cash flow for the year hit a record $3.1 million.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert!(message(&f[0]).contains("3.1 billion"), "{f:#?}");
    // Moved and the same, it is no change; nor is a year or a list number.
    for same in [
        "Free cash flow for the year hit a record $3.1 billion.\n",
        "In 2025, free cash flow for the year hit a record.\n",
        "1. Free cash flow for the year hit a record.\n",
        // A figure of the writer's own, not alike in its digits.
        "Free cash flow for the year hit a record, as analysts had forecast $2.4 billion.\n",
    ] {
        let f = compare_to(source, same);
        assert!(
            f.iter().all(|x| x["kind"] != "numeric_change"),
            "{same}: {f:#?}"
        );
    }
}

#[test]
fn a_dash_that_opens_a_paragraph_or_repeats_a_word_s_sign_is_no_sign() {
    // A list's bullet.
    let source =
        "-5 new hospitals will open in the north of the country by the end of next year.\n";
    let f = compare_to(source, &source.replace("-5", "5"));
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // "down -2.4%": the word gives the sign.
    let source = "Like-for-like sales were down -2.4% in the twelve weeks to the end of March, the retailer said.\n";
    let f = compare_to(source, &source.replace("-2.4%", "2.4%"));
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_minus_sign_before_or_after_a_currency_symbol_is_a_sign() {
    let source = "The company reported an operating result of -£45 million for the year, after a write-down of its stores.\n";
    for signed in ["-£45 million", "£-45 million", "−£45 million"] {
        let f = compare_to(
            &source.replace("-£45 million", signed),
            &source.replace("-£45 million", "£45 million"),
        );
        assert_eq!(f[0]["kind"], "numeric_change", "{signed}: {f:#?}");
    }
    let f = compare_to(source, &source.replace("-£45 million", "minus £45 million"));
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn basis_points_and_percentage_points_are_one_unit() {
    let source = "The committee decided to reduce the official cash rate by 25 basis points, from 4.25% to 4%.\n";
    let same = [
        "a quarter of a percentage point",
        "0.25 percentage points",
        "twenty-five basis points",
    ];
    for words in same {
        let f = compare_to(source, &source.replace("25 basis points", words));
        assert!(
            f.iter().all(|f| f["kind"] != "numeric_change"),
            "{words}: {f:#?}"
        );
    }
    for words in [
        "half a percentage point",
        "0.5 percentage points",
        "50 basis points",
    ] {
        let f = compare_to(source, &source.replace("25 basis points", words));
        assert_eq!(f[0]["kind"], "numeric_change", "{words}: {f:#?}");
    }
}

#[test]
fn a_figure_about_a_place_the_source_never_names_is_no_change() {
    let statement = "Today I can report real progress. 190,000 patients have now waited longer than a year for treatment, down from 310,000 last spring. We will go further.\n";
    let kinds = |secondary: &str| -> Vec<String> {
        compare_to(statement, secondary)
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    // Another hospital's figure, in a sentence shaped like the source's.
    let local = kinds(
        "The minister spoke to MPs on Tuesday. At Riverside Hospital, 4,312 patients have waited longer than a year for treatment.\n",
    );
    assert!(!local.iter().any(|k| k == "numeric_change"), "{local:?}");
    // Without the place, or for a month, the figure is the source's changed.
    for changed in [
        "190,000 patients have now waited longer than a year for treatment, she said.",
        "In March, 290,000 patients have now waited longer than a year for treatment, she said.",
    ] {
        let found = kinds(&format!(
            "The minister spoke to MPs on Tuesday. {}\n",
            changed.replace("190,000", "150,000")
        ));
        assert!(
            found.iter().any(|k| k == "numeric_change"),
            "{changed}: {found:?}"
        );
    }
}

#[test]
fn a_passage_whose_figures_are_all_another_sentences_is_no_numeric_change() {
    let release = "After adjusting for age and screen time, the children who spent more time outdoors were 31 per cent less likely to develop myopia (hazard ratio 0.69; 95 per cent confidence interval 0.58 to 0.82). The effect was strongest in the youngest children. Among six-year-olds, the risk of developing myopia was 46 per cent lower in the group that spent more time outside (hazard ratio 0.54; 95 per cent confidence interval 0.39 to 0.75).\n";
    let bullet = "- 31% lower risk of developing myopia for children who spent more time outside (hazard ratio 0.69; 95% CI 0.58-0.82)\n";
    let f = compare_to(release, bullet);
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
    // One figure of the passage changed, the others its own sentence's:
    // the wrong figure.
    let f = compare_to(
        release,
        "- 46% lower risk of developing myopia among six-year-olds who spent more time outside (hazard ratio 0.69; 95% CI 0.39-0.75)\n",
    );
    assert!(f.iter().any(|f| f["kind"] == "numeric_change"), "{f:#?}");
}

#[test]
fn a_bound_loosened_to_about_outside_quotes_is_no_edit() {
    let speech =
        "Our helpline has taken more than 2,300 calls since it opened on Monday morning.\n";
    let f = compare_to(
        speech,
        "The helpline has taken about 2,300 calls since it opened on Monday morning, officials said.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // A cap is a claim of its own; and inside quotation marks the
    // speaker's words are changed.
    let f = compare_to(
        &speech.replace("more than", "fewer than"),
        "The helpline has taken about 2,300 calls since it opened on Monday morning, officials said.\n",
    );
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
    let f = compare_to(
        speech,
        "\"Our helpline has taken about 2,300 calls since it opened on Monday morning,\" she said.\n",
    );
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_range_written_with_a_dash_or_its_unit_twice_is_the_same_range() {
    let letter = "The company expects an operating margin of 10 to 11 per cent in 2026, barring a further rise in component costs.\n";
    for same in ["10–11 per cent", "10-11 per cent", "10% to 11%"] {
        let f = compare_to(
            letter,
            &format!(
                "The company expects an operating margin of {same} in 2026, barring a further rise in component costs.\n"
            ),
        );
        assert_eq!(f[0]["kind"], "verbatim", "{same}: {f:#?}");
    }
    // Another range is another claim.
    let f = compare_to(
        letter,
        "The company expects an operating margin of 10–12 per cent in 2026, barring a further rise in component costs.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_qualifier_changed_where_the_alignment_starts_is_a_numeric_change() {
    let speech = "More than 30 people attended the public meeting at the town hall on Tuesday evening, the council said.\n";
    let f = compare_to(
        speech,
        "Fewer than 30 people attended the public meeting at the town hall on Tuesday evening, the council said.\n",
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    assert!(message(&f[0]).contains("Fewer than 30"), "{f:#?}");
    // The same bound in other words, or loosened into "about", is none.
    for same in ["Over 30", "About 30"] {
        let f = compare_to(
            speech,
            &format!(
                "{same} people attended the public meeting at the town hall on Tuesday evening, the council said.\n"
            ),
        );
        assert_eq!(f[0]["kind"], "verbatim", "{same}: {f:#?}");
    }
}

#[test]
fn a_ceiling_left_out_makes_the_most_the_figure() {
    let source = "Children in the most polluted areas were up to 14% more likely to be admitted to \
        hospital with an asthma attack than children in the cleanest areas.\n";
    for secondary in [
        source.replace("up to 14%", "14%"),
        "Children in the most polluted areas are 14% more likely to be admitted to hospital, the agency said.\n".to_string(),
    ] {
        let f = compare_to(source, &secondary);
        assert_eq!(f[0]["kind"], "numeric_change", "{secondary}: {f:#?}");
        assert!(
            message(&f[0]).contains("\"up to 14%\", the secondary \"14%\""),
            "{f:#?}"
        );
    }
    // Another ceiling, or a bound of the writer's, keeps it a ceiling.
    for other in ["as many as 14%", "at most 14%"] {
        let f = compare_to(source, &source.replace("up to 14%", other));
        assert!(
            f.iter().all(|f| f["kind"] != "numeric_change"),
            "{other}: {f:#?}"
        );
    }
}

#[test]
fn a_month_or_a_decade_changed_is_a_numeric_change() {
    let source = "Owners will be reimbursed for towing costs incurred since 1 December 2026. The otter is now found in every county for the first time since the 1950s, and red kites have risen tenfold.\n";
    for (secondary, theirs, mine) in [
        (
            "Owners will be reimbursed for towing costs incurred since 1 November 2026.\n",
            "December",
            "November",
        ),
        (
            "The otter is now found in every county for the first time since the 1960s, and red kites have risen tenfold.\n",
            "1950s",
            "1960s",
        ),
    ] {
        let f = compare_to(source, secondary);
        assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
        assert!(
            message(&f[0]).contains(&format!(
                "the source says \"{theirs}\", the secondary \"{mine}\""
            )),
            "{f:#?}"
        );
    }
    // The same date is no change.
    let f = compare_to(
        source,
        &source[..source.find(" The otter").unwrap()].replace('.', ".\n"),
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_length_of_time_in_other_units_is_compared_by_its_length() {
    let source = "Crews carried out more than 1,100 rescues in the first two days of the flood, and the army was called in on the third day.\n";
    let kinds = |span: &str| -> Vec<String> {
        let secondary = source.replace("two days", span);
        compare_to(source, &secondary)
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    for same in ["48 hours", "2 days", "forty-eight hours"] {
        let k = kinds(same);
        assert!(
            !k.is_empty() && !k.contains(&"numeric_change".into()),
            "{same}: {k:?}"
        );
    }
    for other in ["36 hours", "three days", "72 hours", "two weeks"] {
        assert_eq!(kinds(other), ["numeric_change"], "{other}");
    }
    // A month is about 30 days, not exactly.
    let source = "The review will report within three months.\n";
    let f = compare_to(source, "The review will report within 90 days.\n");
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
    let f = compare_to(source, "The review will report within 60 days.\n");
    assert!(f.iter().any(|f| f["kind"] == "numeric_change"), "{f:#?}");
}

#[test]
fn a_figure_put_in_the_words_of_the_next_sentence_is_held_to_its_figure() {
    // The story merges the sentence that convenes the board with the next
    // one, which sets its deadline: "within 60 days" is that sentence's
    // "within 90 days" changed, though the diff pairs no figure with it.
    let source = "This afternoon I have convened an independent failure investigation board, which will be chaired by Dr Ines Maalouf, the former chief engineer of the National Aeronautics Laboratory. We expect its report within 90 days.\n";
    let story = |days: &str| {
        compare_to(
            source,
            &format!(
                "She said an independent failure investigation board chaired by Dr Ines Maalouf would report within {days} days.\n"
            ),
        )
    };
    let f = story("60");
    assert!(
        f.iter().any(|f| f["kind"] == "numeric_change"
            && message(f).contains("the source says \"90\", the secondary \"60\"")),
        "{f:#?}"
    );
    let f = story("90");
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
    // Other words around it: another figure, not this one changed.
    let f = compare_to(
        source,
        "She said an independent failure investigation board chaired by Dr Ines Maalouf would meet for 60 days.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
}

#[test]
fn a_rounding_its_qualifier_keeps_true_is_no_change_in_a_loose_rewording() {
    let source = "As of six this evening, the Cedar Gap Fire has burned 18,420 acres. That's up from 11,900 acres at this morning's briefing, so we saw significant growth today, almost all of it on the northern flank above Pine Hollow. Containment is at 22 percent.\n";
    let kinds = |figure: &str| -> Vec<String> {
        let story = format!(
            "The Cedar Gap Fire grew to {figure} acres on Tuesday, with containment unchanged at 22 percent, fire officials said.\n"
        );
        compare_to(source, &story)
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    for true_of_it in ["more than 18,000", "nearly 18,500", "about 18,400"] {
        let k = kinds(true_of_it);
        assert!(
            !k.is_empty() && !k.contains(&"numeric_change".into()),
            "{true_of_it}: {k:?}"
        );
    }
    for not_true in ["more than 19,000", "nearly 18,000", "18,000"] {
        assert!(
            kinds(not_true).contains(&"numeric_change".into()),
            "{not_true}"
        );
    }
}

#[test]
fn a_fraction_of_a_point_is_that_many_basis_points() {
    let source = "We have decided to cut Bank Rate by 0.25 percentage points to 4.25 per cent.\n";
    let kinds = |cut: &str| -> Vec<String> {
        compare_to(
            source,
            &format!("The Bank cut Bank Rate by {cut} to 4.25 per cent.\n"),
        )
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
    };
    for same in ["a quarter-point", "a quarter point", "25 basis points"] {
        let k = kinds(same);
        assert!(
            !k.is_empty() && !k.contains(&"numeric_change".into()),
            "{same}: {k:?}"
        );
    }
    for other in ["half a point", "a half-point", "50 basis points"] {
        assert!(kinds(other).contains(&"numeric_change".into()), "{other}");
    }
}

#[test]
fn a_multiplier_put_for_another_is_a_numeric_change() {
    let source = "Exports to the region have grown three times faster than imports since the deal, and the waiting list has doubled in five years.\n";
    let f = compare_to(
        source,
        &source.replace("three times faster than", "twice as fast as"),
    );
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    let m = message(&f[0]);
    assert!(
        m.contains("\"three times\"") && m.contains("\"twice\""),
        "{m}"
    );
    let f = compare_to(source, &source.replace("doubled", "tripled"));
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    // The same multiple written another way is no change of figure.
    let f = compare_to(source, &source.replace("doubled", "grown twofold"));
    assert_ne!(f[0]["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_range_is_read_with_its_scale_at_both_ends() {
    let source = "The closure will result in one-time charges of between 85 and 95 million dollars, most of which we expect to book in the second quarter.\n";
    // "$85m to $95m" is the same range: no figure changed.
    let same =
        "The closure will bring one-time charges of $85m to $95m, mostly in the second quarter.\n";
    let f = compare_to(source, same);
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
    // Its other end changed is a changed figure, named as it is.
    let f = compare_to(source, &same.replace("$95m", "$105m"));
    assert_eq!(f[0]["kind"], "numeric_change", "{f:#?}");
    let m = message(&f[0]);
    assert!(m.contains("\"95 million\"") && m.contains("105m\""), "{m}");
    // A rise and the level it reaches are no range.
    let f = compare_to(
        "Payrolled employees for March have been revised up by 19,000 compared with the previous release, to 30.42 million.\n",
        "Payrolled employees for March were revised up by 19,000 to 30.42 million.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "numeric_change"), "{f:#?}");
}
