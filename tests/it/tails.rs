//! Where a copy stops, and what it leaves out: cut short, or going on in
//! the writer's own words; a source sentence skipped whole.

use crate::audit::{compare_to, message};

const FINDINGS: &str = "Megan was taken to hospital by ambulance. She underwent emergency \
    surgery but died at 01:35 on Sunday 10 November 2024.\n";

#[test]
fn a_sentence_that_rewords_the_rest_of_its_source_is_not_cut_short() {
    let f = compare_to(
        FINDINGS,
        "She underwent emergency surgery but died at 01:35 the following morning.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
    // Stopped where the source goes on, it is.
    let f = compare_to(
        FINDINGS,
        "She underwent emergency surgery but died at 01:35, the inquest heard.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(message(&f[0]).contains("cut short"), "{f:#?}");
}

#[test]
fn a_negation_in_a_sentence_the_passage_leaves_out_whole_is_no_negation_changed() {
    let speech = "Nearly 3.6 billion people live in places highly vulnerable to climate change. \
        For them, adaptation is not a second priority. It is survival.\n\nI was in Tuvalu in \
        August. I met a teacher there called Salote Fanua, who told me: \"We are not asking you \
        to save us.\"\n";
    let f = compare_to(
        speech,
        "Nearly 3.6bn people live in places highly vulnerable to climate change, Lindqvist \
         says, before recalling a teacher she met in Tuvalu in August, Salote Fanua: \"We are \
         not asking you to save us.\"\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f["kind"] != "misquote" && !message(f).contains("negation")),
        "{f:#?}"
    );
}

#[test]
fn a_quotation_running_on_into_the_next_sentence_is_judged_by_its_part_in_each() {
    let speech = "Nearly 3.6 billion people live in places highly vulnerable to climate change. \
        I was in Tuvalu in August. I met a teacher there called Salote Fanua, who told me: \"We \
        are not asking you to save us. We are asking you not to drown us.\"\n";
    let f = compare_to(
        speech,
        "Nearly 3.6bn people live in places highly vulnerable to climate change, Lindqvist \
         says, before recalling a teacher she met in Tuvalu, Salote Fanua: \"WE ARE NOT ASKING \
         YOU TO SAVE US. WE ARE ASKING YOU NOT TO DROWN US.\"\n",
    );
    let quoted = f.iter().find(|f| {
        f["kind"] == "verbatim"
            && f["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("WE ARE NOT")
    });
    assert!(quoted.is_some(), "{f:#?}");
}

#[test]
fn a_retold_sentence_that_keeps_a_condition_in_its_own_if_drops_none() {
    let speech = "This budget keeps every promise we made on public services and on the NHS. \
        For defence, we will reach 2.5 per cent of GDP by April 2027, a year earlier than \
        planned, provided that our allies meet their own commitments. \
        And we will not raise the basic rate of income tax in this parliament.\n";
    let story = |middle: &str| {
        format!(
            "This budget keeps every promise we made on public services and on the NHS, the \
             chancellor said.\n\n{middle}\n\nAnd we will not raise the basic rate of income tax \
             in this parliament, she added.\n"
        )
    };
    let defence = |middle: &str| {
        let f = compare_to(speech, &story(middle));
        f.into_iter()
            .find(|f| {
                f["secondary"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("Defence")
            })
            .unwrap_or_else(|| panic!("{middle}"))
    };
    let f = defence(
        "Defence spending hits 2.5% of national output a year early – if allies do their part.",
    );
    assert_ne!(f["kind"], "truncation", "{f:#?}");
    let f = defence(
        "Defence spending hits 2.5% of national output a year early – as allies do their part.",
    );
    assert_eq!(f["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_present_perfect_put_in_the_past_outside_quotes_is_no_edit() {
    let findings = "This inquest has now heard eleven days of evidence, and I am grateful to \
        everyone who has given it.\n";
    let f = compare_to(findings, "The inquest heard 11 days of evidence.\n");
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f["kind"] != "copy_error" && f["kind"] != "truncation"),
        "{f:#?}"
    );
    // Inside quotation marks, the speaker's tense is the speaker's.
    let f = compare_to(
        findings,
        "The coroner said: \"This inquest heard eleven days of evidence.\"\n",
    );
    assert!(
        f.iter()
            .any(|f| f["kind"] == "misquote" || f["kind"] == "copy_error"),
        "{f:#?}"
    );
}

#[test]
fn a_sentence_ending_on_a_percentage_ends_there() {
    // "4.25%. Two members" are two sentences: a "%" is no initial.
    let statement = "Today the committee voted by seven votes to two to reduce Bank Rate by 0.25 \
        percentage points, to 4.25%. Two members, Daniel Okafor and Priya Raman, preferred to \
        hold rates at 4.5%.\n";
    let f = compare_to(
        statement,
        "She said: \"Today the committee voted by seven votes to two to reduce Bank Rate by 0.25 \
         percentage points, to 4.25%.\"\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_condition_opening_the_source_sentence_a_word_or_two_before_the_copy_is_dropped() {
    let presser = "Declan is a very good player. He's started two league games since October. \
        Unless that changes, it's very hard for me to pick him ahead of lads who are playing \
        every week.\n";
    let f = compare_to(
        presser,
        "Doyle said it was very hard for him to pick Declan Murray ahead of lads who are \
         playing every week.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(message(&f[0]).contains("\"Unless that changes\""), "{f:#?}");
    // Kept, it is not.
    let f = compare_to(
        presser,
        "Doyle said that unless that changed it was very hard for him to pick Declan Murray \
         ahead of lads who are playing every week.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn a_sentence_ending_on_a_scaled_figure_ends_there() {
    // "€6.3m. Tickets" are two sentences: the "m" is no initial.
    let speech = "This year's festival has a budget of €6.3m. Tickets for the opening gala are \
        sold out, unless returns become available on the night.\n";
    let f = compare_to(
        speech,
        "The festival has a budget of €6.3m. Tickets for the opening gala are sold out.\n",
    );
    let tickets = f.iter().find(|f| {
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Tickets")
    });
    assert!(tickets.is_some_and(|f| f["kind"] == "truncation"), "{f:#?}");
    let budget = f.iter().find(|f| {
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .starts_with("The festival")
    });
    assert!(budget.is_some_and(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn the_end_of_a_span_of_time_is_no_condition() {
    let speech = "Our members will walk out for 48 hours from 00:01 on Tuesday 4 November until \
        23:59 on Wednesday 5 November. They will walk out again for 24 hours on Tuesday 18 \
        November. And from Monday 1 December until Wednesday 31 December there will be an \
        overtime ban.\n";
    let f = compare_to(
        speech,
        "The dates: a 48-hour walkout from 00:01 on Tuesday 4 November, another 24 hours on \
         Tuesday 18 November, then an overtime ban from 1 to 31 December.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter().all(|f| !message(f).contains("condition")),
        "{f:#?}"
    );
}

#[test]
fn a_condition_of_a_source_sentence_the_passage_does_not_retell_is_not_dropped() {
    // Placed between its neighbours over two source sentences, the passage
    // retells the second; the first's "until" is no condition it dropped.
    let speech = "Thank you all for coming tonight. We did not win, and I take responsibility for that.\n\n\
        I will remain as leader until my successor is chosen, but I will not be a candidate in that contest. \
        The national executive will meet on Monday, and I have asked them to open nominations on 3 November, \
        with a new leader in place no later than 31 January. Whoever wins will have my full support and my \
        loyalty from the first day.\n";
    let story = "\"We did not win, and I take responsibility for that,\" Helen Carrick told supporters. \
        The party will open nominations for a new leader on 3 November, and a successor is expected to be \
        in place by the end of January. \"Whoever wins will have my full support and my loyalty from the \
        first day,\" she said.\n";
    let f = compare_to(speech, story);
    assert_eq!(f.len(), 3, "{f:#?}");
    assert_eq!(f[1]["kind"], "paraphrase", "{f:#?}");
    // The condition is the passage's own sentence's: dropped, it is.
    let f = compare_to(
        speech,
        "\"We did not win, and I take responsibility for that,\" Helen Carrick told supporters. \
         She will remain as party leader, but she will not be a candidate in that contest, she said.\n",
    );
    assert!(
        f.iter()
            .any(|f| message(f).contains("until my successor is chosen")),
        "{f:#?}"
    );
}

#[test]
fn a_quotation_stopping_before_a_limit_the_writer_goes_on_with_is_not_cut() {
    let speech = "Results are out today. I should be honest that grades can go down as well as up on \
        review, although in practice that happens in fewer than 1 in 200 cases.\n";
    let f = compare_to(
        speech,
        "Pritchard warned that grades \"can go down as well as up on review\", though she said \
         this happens in fewer than one in 200 cases.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
    // Stopped there, with nothing of the limit after it, it is.
    let f = compare_to(
        speech,
        "Pritchard warned that grades \"can go down as well as up on review\", and urged \
         schools to check every script.\n",
    );
    assert!(f.iter().any(|f| f["kind"] == "truncation"), "{f:#?}");
}

#[test]
fn a_fragment_quoted_from_a_negated_description_is_a_misquote() {
    // "I would not describe one quarter's figures as evidence of a
    // recession": quoting "evidence of a recession" as her description
    // reverses it. Quoted with the negation kept, it is faithful.
    let speech = "It is not our role to forecast, and I would not describe one quarter's figures as \
        evidence of a recession.\n";
    let f = compare_to(
        speech,
        "Director General Priya Raman said the figures were \"evidence of a recession\".\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    assert!(message(&f[0]).contains("not describe"), "{f:#?}");
    let f = compare_to(
        speech,
        "Director General Priya Raman said she would not call the figures \"evidence of a \
         recession\".\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
}

#[test]
fn the_speakers_i_right_after_a_verb_of_saying_has_lost_its_quotation_marks() {
    // The writer rewords the lead ("To our staff:" -> "Paying tribute to
    // staff, Dr Sandhu said") and runs the speaker's first person on after
    // "said", unmarked.
    let statement = "The attack was detected at 2am. To our staff: I have never been prouder of this \
        organisation.\n";
    let f = compare_to(
        statement,
        "Paying tribute to staff, Dr Sandhu said I have never been prouder of this organisation.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "copy_error", "{f:#?}");
    assert!(message(&f[0]).contains("quotation marks lost"), "{f:#?}");
    // Reported in the third person, it is a paraphrase.
    let f = compare_to(
        statement,
        "Paying tribute to staff, Dr Sandhu said she had never been prouder of this organisation.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "copy_error"), "{f:#?}");
}

#[test]
fn a_condition_opening_the_next_sentence_of_a_merge_is_dropped() {
    let speech = "Now to the practical arrangements. The first 40 objects will travel to Ile-Oyeku in \
        March 2026, in time for the opening of the new Royal Museum on 21 March. Provided that the \
        second phase of the Royal Museum is completed on schedule, the remaining 76 objects will \
        follow by the end of 2027.\n";
    let f = compare_to(
        speech,
        "The first 40 objects will travel to Ile-Oyeku in March 2026, in time for the opening of \
         the new Royal Museum on 21 March, and the remaining 76 will follow by the end of 2027.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(
        message(&f[0]).contains("Provided that the second phase"),
        "{f:#?}"
    );
    // The first sentence alone drops nothing of the second.
    let f = compare_to(
        speech,
        "The first 40 objects will travel to Ile-Oyeku in March 2026, in time for the opening of \
         the new Royal Museum on 21 March.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn us_in_capitals_is_the_country_not_the_speakers_us() {
    // "US" outside quotation marks, in a passage with a verb of saying, is
    // no first person left unmarked; "us" is.
    let speech = "We expect revenue to grow by 8 to 10 per cent, assuming no new tariffs on our \
        exports to the US market next year.\n";
    let f = compare_to(
        speech,
        "Management sees revenue growth of 8 to 10 per cent, assuming no new tariffs on \
         exports to the US market next year, the company says.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter()
            .all(|f| !message(f).contains("quotation marks lost")),
        "{f:#?}"
    );
}

#[test]
fn provided_by_is_a_participle_not_a_condition() {
    let source = "Briefing\n\nWe have 22 fire engines and around 110 firefighters on the moor, \
        supported by crews from three neighbouring services and a helicopter provided by Wolds \
        Water, which has made more than 60 water drops since first light.\n";
    let secondary = "The commander said 22 fire engines and about 110 firefighters were at the \
        scene, along with a helicopter that had made more than 60 water drops since first light.\n";
    let f = compare_to(source, secondary);
    assert!(
        f.iter().all(|f| !message(f).contains("condition")),
        "{f:#?}"
    );
    // A proviso is still one.
    let proviso = "Briefing\n\nThe helicopter provided by Wolds Water will stay on the moor \
        tonight provided the wind drops, and crews will return at first light.\n";
    let f = compare_to(
        proviso,
        "The helicopter provided by Wolds Water will stay on the moor tonight, she said.\n",
    );
    assert!(f.iter().any(|f| message(f).contains("condition")), "{f:#?}");
}

#[test]
fn a_long_condition_opening_the_source_sentence_is_dropped_by_a_quote_of_the_rest() {
    let source = "Briefing\n\nUnless we see the change in wind direction that the forecasters at the Met Office \
        are expecting for tomorrow morning, residents should not expect to return home tonight or \
        tomorrow. Crews will stay overnight.\n";
    let f = compare_to(
        source,
        "\"Residents should not expect to return home tonight or tomorrow,\" she said.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(
        message(&f[0]).contains("\"Unless we see the change"),
        "{f:#?}"
    );
}

#[test]
fn a_quotation_stopping_short_of_a_condition_in_its_clause_drops_it() {
    let source = "Statement\n\nWe will not ask bill payers to pay a penny more for the construction of \
        Holmcliffe B unless Parliament changes the terms of the contract, and we have no intention \
        of asking it to.\n";
    let f = compare_to(
        source,
        "“We will not ask bill payers to pay a penny more,” Mr Ashdown declared, and the \
         headlines duly followed.\n",
    );
    assert!(
        f.iter().any(|f| f["kind"] == "truncation"
            && message(f).contains("unless Parliament changes the terms of the contract")),
        "{f:#?}"
    );
    // Past a comma the condition is another clause's: a quotation of the
    // first clause stops where it ends.
    let f = compare_to(
        &source.replace("Holmcliffe B unless", "Holmcliffe B, and unless"),
        "“We will not ask bill payers to pay a penny more,” Mr Ashdown declared, and the \
         headlines duly followed.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn a_short_quotation_stopping_right_before_a_condition_is_cut_short() {
    let source = "Results\n\nAbout 1,300 roles will be affected by the branch closures and by changes \
        in our contact centres. We expect there to be no compulsory redundancies, as long as \
        colleagues are willing to move to roles elsewhere in the bank. We have around 2,000 \
        vacancies today.\n";
    let story = "Bank\n\nAbout 1,300 roles will be affected, but Mr Oyelaran said he expected \
        “no compulsory redundancies”.\n";
    let f = compare_to(source, story);
    let cut: Vec<&serde_json::Value> = f.iter().filter(|f| f["kind"] == "truncation").collect();
    assert_eq!(cut.len(), 1, "{f:#?}");
    assert_eq!(cut[0]["secondary"]["text"], "no compulsory redundancies");
    assert!(
        message(cut[0]).contains("\"as long as colleagues are willing"),
        "{f:#?}"
    );
    // Without the condition in the source, the quotation is the speaker's.
    let f = compare_to(
        &source.replace(
            ", as long as colleagues are willing to move to roles elsewhere in the bank",
            "",
        ),
        story,
    );
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn a_time_limit_binds_a_denial_or_a_pledge_not_a_plain_will() {
    let cut = |source: &str, story: &str| -> bool {
        compare_to(source, story)
            .iter()
            .any(|f| f["kind"] == "truncation" && message(f).contains("this winter"))
    };
    let source = |claim: &str| format!("Appeal\n\n{claim} this winter. Thank you all.\n");
    // When a plain "will" happens: no limit left out.
    assert!(!cut(
        &source("If the appeal reaches its target, Homeward will open 40 new warm spaces"),
        "If the appeal reaches its target, Homeward will open 40 new warm spaces.\n"
    ));
    // A denial or a pledge without its time: made for good.
    assert!(cut(
        &source("Homeward will not close any of its 40 warm spaces"),
        "Homeward will not close any of its 40 warm spaces.\n"
    ));
    assert!(cut(
        &source("Homeward has pledged to keep all of its 40 warm spaces open"),
        "Homeward has pledged to keep all of its 40 warm spaces open.\n"
    ));
}
