//! Reported speech: the writer's grammar around the speaker's words.

use crate::audit::{compare_to, message, only, passages};

const SPEECH: &str = "Net migration has more than quadrupled in just four years. Nations depend on rules, fair rules. Without them, we risk becoming an island of strangers.\n";

#[test]
fn a_verb_put_in_the_past_outside_quotes_is_no_edit() {
    let f = compare_to(
        SPEECH,
        "The Prime Minister said net migration had more than quadrupled in just four years.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Inside quotation marks the speaker's words are changed.
    let f = compare_to(
        SPEECH,
        "The Prime Minister said: \"Net migration had more than quadrupled in just four years.\"\n",
    );
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    // So is the speaker's first person put in the third.
    let f = compare_to(
        "Since I signed the bipartisan infrastructure law, we have funded more than 46,000 projects across the country.\n",
        "The president said that since he signed the bipartisan infrastructure law, they have funded more than 46,000 projects across the country.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Any verb, by its letters ("comes" -> "came", "expect" -> "expected").
    let f = compare_to(
        "No further charges will be brought against anyone already arrested unless new evidence comes to light.\n",
        "The chief constable said no further charges would be brought against anyone already arrested unless new evidence came to light.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    let f = compare_to(
        "We expect the new hospital wing to open to patients in the spring of next year.\n",
        "She said they expected the new hospital wing to open to patients in the spring of next year.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Another verb is another claim.
    let f = compare_to(
        SPEECH,
        "The Prime Minister said net migration might more than quadruple in just four years.\n",
    );
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_negation_moved_into_the_writers_words_is_no_negation_changed() {
    // "Without" leaves the source's clause for the writer's framing.
    let f = compare_to(
        SPEECH,
        "He warned that without fair rules, the UK risked becoming \"an island of strangers\".\n",
    );
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(!message(&f[0]).contains("negation"), "{f:#?}");
    assert_ne!(f[0]["kind"], "misquote", "{f:#?}");
    // Dropped, it is reported.
    let f = compare_to(
        SPEECH,
        "He warned that with fair rules, the UK risked becoming \"an island of strangers\".\n",
    );
    assert!(message(&f[0]).contains("negation changed"), "{f:#?}");
}

#[test]
fn a_negation_left_out_of_the_writers_lead_in_is_reported() {
    let speech = "We do not expect delays in the rollout of the new mobile clinics next year.\n";
    let f = compare_to(
        speech,
        "The department expects delays in the rollout of the new mobile clinics next year, Okafor said.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    // Given as what Okafor said, the claim is the opposite of hers.
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    assert!(message(&f[0]).starts_with("negation changed"), "{f:#?}");
    // The writer's own verb may carry the negation.
    let f = compare_to(
        speech,
        "Okafor ruled out claims the department expects delays in the rollout of the new mobile clinics next year.\n",
    );
    assert!(
        f.iter()
            .all(|f| f["kind"] != "misquote" && f["kind"] != "copy_error"),
        "{f:#?}"
    );
    // Not given as anyone's words, it is a changed word that says otherwise.
    let f = compare_to(
        speech,
        "The department expects delays in the rollout of the new mobile clinics next year.\n",
    );
    assert_eq!(f[0]["kind"], "copy_error", "{f:#?}");
    assert!(message(&f[0]).starts_with("negation changed"), "{f:#?}");
    // Kept, nothing changed.
    let f = compare_to(
        speech,
        "The department does not expect delays in the rollout of the new mobile clinics next year, Okafor said.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // Added where the source had none.
    let f = compare_to(
        &speech.replace("do not expect", "expect"),
        "The department does not expect delays in the rollout of the new mobile clinics next year, Okafor said.\n",
    );
    assert!(message(&f[0]).starts_with("negation changed"), "{f:#?}");
    // Another verb is another wording: "vowed to" for "will not hesitate to".
    let f = compare_to(
        "We will not hesitate to act against those who seek to harm our citizens.\n",
        "The minister vowed to act against those who seek to harm our citizens.\n",
    );
    assert!(!message(&f[0]).contains("negation"), "{f:#?}");
}

#[test]
fn words_dropped_from_a_sentence_otherwise_reworded_are_a_paraphrase() {
    let speech = "Every six months, the Home Office will publish a full account of the numbers, and of the progress we are making against our plan.\n";
    let f = compare_to(
        speech,
        "Marsh promised that the Home Office would publish figures every six months on progress against the plan, so that voters would know if the government was off track.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "paraphrase", "{f:#?}");
    assert!(message(&f[0]).contains("drops"), "{f:#?}");
    // Cut from a copy, the clause is a truncation.
    let f = compare_to(
        speech,
        "Every six months, the Home Office will publish a full account of the numbers against our plan.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_clause_dropped_whole_takes_its_negation_with_it() {
    let f = compare_to(
        "Today it stands at 2.8 per cent. Inflation is not yet back at our 2 per cent target, and we expect it to rise again to around 3.5 per cent in the third quarter of this year before it falls back.\n",
        "She said inflation, now at 2.8%, was expected to rise to around 3.5% in the third quarter before falling back.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(!message(&f[0]).contains("negation"), "{f:#?}");
}

#[test]
fn the_writers_own_long_sentence_between_two_quotations_is_not_placed() {
    let speech = "Patients deserve to know what they are walking into, and hospitals deserve credit when they get it right. \
        Rural hospitals will be able to apply for new grants to keep their labor and delivery units open. \
        We will continue to monitor the data every single week, and we will share what we find with the public.\n";
    let article = |middle: &str| {
        format!(
            "\"Patients deserve to know what they are walking into, and hospitals deserve credit when they get it right,\" he said.\n\n\
             {middle}\n\n\
             \"We will continue to monitor the data every single week, and we will share what we find with the public,\" he said.\n"
        )
    };
    // Three topic words of nineteen: the writer's own background.
    let f = compare_to(
        speech,
        &article(
            "In Tri-County, where Mercy Regional Medical Center closed its delivery unit last year after losing staff, local officials said they would apply for the grants as soon as possible.",
        ),
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    // A summary of the sentence between is placed there.
    let f = compare_to(
        speech,
        &article("Rural hospitals could get grants to keep delivery units open, he said."),
    );
    assert_eq!(f.len(), 3, "{f:#?}");
    assert_eq!(f[1]["kind"], "paraphrase", "{f:#?}");
}

#[test]
fn a_clause_moved_and_reworded_is_no_cut() {
    let f = compare_to(
        "Ferreira made 38 appearances for Benfica last season, scoring nine goals and providing 11 assists as the Lisbon club finished second in the Primeira Liga.\n",
        "Ferreira scored nine goals and provided 11 assists in 38 appearances for Benfica last season as the Lisbon side finished second in the Primeira Liga.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "paraphrase", "{f:#?}");
    // Put before its attribution, a quotation was not cut from its sentence.
    let f = compare_to(
        "Sue Hammond, who chairs the Kirkgate Business Improvement District, said: \"Footfall is already down.\"\n",
        "\"Footfall is already down,\" said Sue Hammond, who chairs the Kirkgate Business Improvement District.\n",
    );
    assert!(f.iter().all(|f| f["kind"] == "verbatim"), "{f:#?}");
    // Function words of the framing are no clause given elsewhere.
    let f = compare_to(
        "Taxes will rise for the people of the north next year, and we will not apologise for it.\n",
        "The leader of the party said taxes will rise next year, and we will not apologise for it.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn negations_the_guards_must_not_hide() {
    // (source, secondary, negation changed?)
    let cases = [
        (
            "We will not raise taxes on working families, and we will cut spending on welfare this year.",
            "He said that we will raise taxes on working families, and we will not cut spending on welfare this year.",
            true,
        ),
        (
            "We will not raise taxes on working families this year.",
            "Never one to mince words, the chancellor said the government will raise taxes on working families this year.",
            true,
        ),
        (
            "We do not expect delays in the rollout of the new mobile clinics next year.",
            "Although no date has been set, the department expects delays in the rollout of the new mobile clinics next year.",
            true,
        ),
        (
            "We will not, under any circumstances whatsoever, raise taxes on working families this year.",
            "He said that we will raise taxes on working families this year.",
            true,
        ),
        (
            "If we do nothing, energy prices will rise sharply for every household this winter.",
            "The minister warned that energy prices will rise sharply for every household this winter.",
            false,
        ),
        // A negation right before the words the writer opens on.
        (
            "We will save money through the merger. No frontline posts will be lost as a result of the merger with the county council.",
            "\"Frontline posts will be lost as a result of the merger with the county council,\" the mayor conceded.",
            true,
        ),
        // The negation of a verb of saying or thinking moved onto what is
        // said: the same claim. Of another verb, another claim.
        (
            "Sales rose again, but I will not pretend to our members that the new plan has done enough for small shops.",
            "The chief executive said the new plan has not done enough for small shops.",
            false,
        ),
        (
            "Sales rose again, but I do not know yet whether the new plan has done enough for small shops.",
            "The chief executive said the new plan has not done enough for small shops.",
            true,
        ),
    ];
    for (source, secondary, changed) in cases {
        let f = compare_to(&format!("{source}\n"), &format!("{secondary}\n"));
        assert_eq!(f.len(), 1, "{secondary}: {f:#?}");
        assert_eq!(
            message(&f[0]).contains("negation changed"),
            changed,
            "{secondary}: {f:#?}"
        );
    }
}

#[test]
fn a_negation_ending_the_sentence_before_is_not_the_copied_sentences() {
    // "the Hansa was | not. It was | never a state": the diff reaches back
    // into the sentence before for three words, past its "not".
    let source = "It is important to remember what the Hansa was not. It was never a state, and for most of its history it was not even a formal league with a treaty, a treasury or a permanent army.\n";
    let f = compare_to(
        source,
        "The Hansa was never a state, and for most of its history it was not a formal league with a treaty, a treasury or a standing army of its own.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(!message(&f[0]).contains("negation"), "{f:#?}");
    assert!(
        f[0]["source"]["text"]
            .as_str()
            .unwrap()
            .starts_with("It was never"),
        "{f:#?}"
    );
}

#[test]
fn an_answer_no_is_a_sentence_of_its_own() {
    // "No." before a capital is the answer, not the abbreviation of "No. 10":
    // the quoted sentence after it keeps its meaning without it.
    let source = "No. Net migration will fall this year, and it will fall next year too. That is my promise to you.\n";
    let f = compare_to(
        source,
        "The prime minister said: \"Net migration will fall this year, and it will fall next year too.\"\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // "No. 10" is still one sentence.
    let f = compare_to(
        "The meeting at No. 10 Downing Street went on late into the night, officials said.\n",
        "\"The meeting at No. 10 Downing Street went on late into the night,\" officials said.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_sentence_end_given_in_other_words_is_no_cut() {
    let source = "The offences took place between April 2017 and September 2022, while she was responsible for the fund's day-to-day payments. The money was spent on a holiday home in Cornwall, a boat and repayments on credit cards.\n";
    for (secondary, edited) in [
        (
            "The offences took place between April 2017 and September 2022, while she was responsible for the fund's daily payments.\n",
            "daily",
        ),
        (
            "The money was spent on a holiday home in Cornwall, a boat and credit card repayments.\n",
            "card repayments",
        ),
    ] {
        let f = compare_to(source, secondary);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
        let text = f[0]["source"]["text"].as_str().unwrap();
        assert!(
            text.ends_with("payments.") || text.ends_with("cards."),
            "{f:#?}"
        );
        assert!(
            message(&f[0]).contains(edited) || f[0]["edits"].to_string().contains(edited),
            "{f:#?}"
        );
    }
    // A rest that qualifies is cut, whatever words the sentence ends on.
    let f = compare_to(
        "The drug reduced deaths by 20% in the trial, but only in patients under 65. Older patients saw no benefit.\n",
        "The drug reduced deaths by 20% in the trial, benefiting patients.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    // A sentence that stops, with words of the writer's own after it, is cut.
    let f = compare_to(
        source,
        "The money was spent on a holiday home in Cornwall, police said.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_second_far_part_of_an_alignment_is_dropped_too() {
    // "waiting lists" of the first sentence and "more than" of the last are
    // chance phrases on either side of the quoted sentence.
    let source = "With permission, Mr Speaker, I will make a statement on waiting lists for planned hospital care. The latest figures, published this morning, show that it now stands at 7.18 million. It is progress, but I will not pretend to the House that it is anything like enough. There are now 1.38 million people working in the NHS in England, more than at any point in its history.\n";
    let f = compare_to(
        source,
        "The health secretary has admitted that progress on cutting NHS waiting lists is not \"anything like enough\", as new figures showed more than 7.1 million cases still waiting for planned hospital treatment.\n",
    );
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    let text = f[0]["source"]["text"].as_str().unwrap();
    assert!(text.ends_with("anything like enough."), "{text}");
    assert!(!message(&f[0]).contains("number changed"), "{f:#?}");
}

#[test]
fn two_sentences_joined_into_one_are_no_cut() {
    let source = "More than 190,000 patients have waited longer than a year for treatment. That figure is down from 310,000 a year ago.\n";
    let f = compare_to(
        source,
        "More than 190,000 patients have waited longer than a year for treatment, down from 310,000 a year ago.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // The join may put a conjunction for the opening; not other words, a
    // figure or a negation.
    let f = compare_to(
        "Wages slowed to 4.8% in the three months to December. We think wage growth of around 3.5% is consistent with the target over time.\n",
        "Wages slowed to 4.8% in the three months to December, and that wage growth of around 3.5% is consistent with the target over time.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    let f = compare_to(
        "More than 190,000 patients have waited longer than a year for treatment. It is not down from 310,000 a year ago.\n",
        "More than 190,000 patients have waited longer than a year for treatment, down from 310,000 a year ago.\n",
    );
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn the_speakers_words_given_as_speech_without_quotation_marks_lost_them() {
    let speech = "Let me be honest about the pressures. Our grant from central government has fallen by 18 per cent in real terms over the past eight years. Some will say we should have cut deeper. I say the cuts have already gone too deep.\n";
    let lost = |article: &str| -> Vec<bool> {
        compare_to(speech, article)
            .iter()
            .map(|f| {
                let lost = message(f).starts_with("quotation marks lost");
                assert_eq!(lost, f["kind"] == "copy_error", "{f:#?}");
                lost
            })
            .collect()
    };
    // In the speaker's first person, with a verb of saying.
    assert_eq!(
        lost(
            "Our grant from central government has fallen by 18 per cent in real terms over the past eight years, she said.\n"
        ),
        [true]
    );
    // Or in the second person: the speaker's address to the audience.
    let speech2 =
        format!("{speech}If you need help with your bill, you can call us on any weekday.\n");
    let f = compare_to(
        &speech2,
        "If you need help with your bill, you can call us on any weekday, she said.\n",
    );
    assert!(message(&f[0]).contains("in the first person"), "{f:#?}");
    let f = compare_to(
        &speech2.replace("call us", "call the helpline"),
        "If you need help with your bill, you can call the helpline on any weekday, she said.\n",
    );
    assert!(
        message(&f[0]).contains("in the second person (\"you\", \"your\")"),
        "{f:#?}"
    );
    // After a verb of saying and a colon, the whole paragraph.
    assert_eq!(
        lost(
            "Anticipating criticism, she said: Some will say we should have cut deeper. I say the cuts have already gone too deep.\n"
        ),
        [true, true]
    );
    // Reported speech, in the third person, keeps no marks to lose.
    assert_eq!(
        lost(
            "She said the council's grant from central government has fallen by 18 per cent in real terms over the past eight years.\n"
        ),
        [false]
    );
    // Quoted after the colon, the marks are there; the writer's own copy
    // with no one said to speak is left alone.
    assert_eq!(
        lost(
            "She warned: \"I say the cuts have already gone too deep.\"\n\nOur grant from central government has fallen by 18 per cent in real terms over the past eight years.\n"
        ),
        [false, false]
    );
}

#[test]
fn a_condition_the_source_puts_on_the_words_copied_left_out_is_a_truncation() {
    let speech = "The oyster beds have recovered well. We expect them to reach half their former extent by 2030 if current funding continues. Nobody's place is guaranteed, including the captain's, until I have seen them train.\n";
    let kind = |article: &str| -> (String, String) {
        let f = passages(&compare_to(speech, article));
        assert_eq!(f.len(), 1, "{article}: {f:#?}");
        (
            f[0]["kind"].as_str().unwrap().to_string(),
            message(&f[0]).to_string(),
        )
    };
    // Reworded or quoted, the condition dropped is reported.
    let (k, m) =
        kind("The institute expects the beds to reach half their former extent by 2030.\n");
    assert_eq!(k, "truncation", "{m}");
    assert!(m.contains("\"if current funding continues\""), "{m}");
    let (k, m) =
        kind("The coach warned: \"Nobody's place is guaranteed, including the captain's.\"\n");
    assert_eq!(k, "truncation", "{m}");
    assert!(m.contains("\"until I have seen them train\""), "{m}");
    // A condition of the writer's own, or the source's given elsewhere in
    // the passage, is no drop.
    for kept in [
        "The institute expects them to reach half their former extent by 2030 if funding holds.\n",
        "If current funding continues, the institute expects them to reach half their former extent by 2030.\n",
    ] {
        assert_ne!(kind(kept).0, "truncation", "{kept}");
    }
}

#[test]
fn a_condition_skipped_between_words_copied_is_a_truncation() {
    // The passage takes the words before the condition and goes on with
    // words after it: the condition is still dropped.
    let speech = "Ross Tulloch has a calf strain. He's in the squad, provided that he comes through a fitness test on Monday. If he doesn't, we'll call up Dougie Barr, who is on standby.\n";
    let f = passages(&compare_to(
        speech,
        "Ross Tulloch, who has a calf strain, is in the squad, the coach confirmed, and they will call up Dougie Barr, who is on standby.\n",
    ));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(
        message(&f[0]).contains("\"provided that he comes through a fitness test on Monday\""),
        "{f:#?}"
    );
    // Given in the writer's words, it is no drop.
    let f = passages(&compare_to(
        speech,
        "Ross Tulloch, who has a calf strain, is in the squad if he passes a fitness test on Monday, the coach confirmed, and they will call up Dougie Barr, who is on standby.\n",
    ));
    assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_time_limit_on_a_promise_left_out_is_a_truncation() {
    // "this year" limits the promise; without it the promise is for good.
    let speech = "We have had to make hard choices. We will not close any library this year. We opened four new reading rooms this year.\n";
    let f = passages(&compare_to(
        speech,
        "\"We will not close any library,\" the leader said.\n",
    ));
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(message(&f[0]).contains("\"this year\""), "{f:#?}");
    // A fact's time, left out, limits no promise.
    let f = passages(&compare_to(
        speech,
        "\"We opened four new reading rooms,\" the leader said.\n",
    ));
    assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
    // "For now" limits any claim, a promise or not.
    let speech = "We believe the core of this network has been dismantled, for now. Networks like this one rebuild quickly.\n";
    let f = passages(&compare_to(
        speech,
        "\"We believe the core of this network has been dismantled,\" the chief said.\n",
    ));
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(message(&f[0]).contains("\"for now\""), "{f:#?}");
}

#[test]
fn the_seam_of_two_sentences_merged_is_no_cut() {
    // The writer names the speaker from one source sentence and quotes the
    // next: the words between, the end of one and the start of the other,
    // are the seam, not a clause cut from the claim.
    let speech = "I also want to thank Professor Mateo Lindqvist and the independent Census Quality Panel, who examined our methods in detail. As Professor Lindqvist put it in the panel's report, \"a census is only as good as the trust people place in it, and this one has earned it.\"\n";
    let f = passages(&compare_to(
        speech,
        "As Professor Mateo Lindqvist of the independent Census Quality Panel put it in the panel's report: \"A census is only as good as the trust people place in it, and this one has earned it.\"\n",
    ));
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
    // So is the start of the next sentence, left out where the two join.
    let notice = "If you have information, please call Crime Stoppers anonymously at 0800 555 111. You do not have to give your name, and you may be eligible for a reward of up to 2,000 pounds.\n";
    let f = passages(&compare_to(
        notice,
        "Anyone with information can call Crime Stoppers anonymously at 0800 555 111 and may be eligible for a reward of up to 2,000 pounds.\n",
    ));
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn words_the_writer_moves_to_the_front_of_reported_speech_are_no_cut() {
    // The writer leads with who says it ("Harbourside Rail said it had
    // closed ..."), which the source gives in the middle of its sentence:
    // the words left out there are in the passage, moved.
    let statement = "And we do not yet know whether there has been any effect on the main rail bridge \
        at Carrick Quay, although Harbourside Rail has told us that it closed that bridge as a \
        precaution on Saturday morning and that there is no risk to passenger services.\n";
    let f = compare_to(
        statement,
        "Harbourside Rail said it had closed a main rail bridge at Carrick Quay as a precaution and \
         that there was no risk to services.\n",
    );
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "paraphrase", "{f:#?}");
}

#[test]
fn a_speakers_aside_left_out_is_no_cut() {
    let speech = "We will reopen the harbour to small boats, but I want to be clear that the harbour \
        will only reopen once the sea wall has been repaired, and that is likely to be in March.\n";
    let retold = "The council said it will reopen the harbour to small boats, but only once the sea \
        wall has been repaired, which is likely to be in March.\n";
    let f = compare_to(speech, retold);
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
    assert!(!message(&f[0]).contains("want to be clear"), "{f:#?}");
    // What the speaker qualifies is no aside: leaving it out is a cut.
    let speech = speech.replace("I want to be clear that", "I cannot promise that");
    let f = compare_to(&speech, retold);
    let f = passages(&f);
    assert!(
        message(&f[0]).contains("drops \"I cannot promise"),
        "{f:#?}"
    );
}

#[test]
fn a_function_word_fitted_into_the_writers_own_sentence_is_no_copy_error() {
    let statement = "Our inspectors have identified a leak from the Marlow Farm slurry lagoon at \
        Deepdale Bridge as the likely cause of the pollution.\n";
    let f = compare_to(
        statement,
        "The agency says a farm near Deepdale Bridge is the likely cause of the pollution, but \
         it has not ruled out other sources.\n",
    );
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "paraphrase", "{f:#?}");
    // A copy of most of the sentence with a word changed is still one.
    let f = compare_to(
        statement,
        "Inspectors have identified a leak from the Marlow Farm slurry lagoon at Deepdale Bridge \
         as the main cause of the pollution.\n",
    );
    assert_eq!(passages(&f)[0]["kind"], "copy_error", "{f:#?}");
}

#[test]
fn the_speakers_own_place_left_out_is_no_cut() {
    let speech =
        "Today 140,000 households in our state still cannot get high-speed internet at home.\n";
    let f = compare_to(
        speech,
        "She said 140,000 households still could not get high-speed internet at home.\n",
    );
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
    // Another place is a cut.
    let f = compare_to(
        &speech.replace("in our state", "in the rural north"),
        "She said 140,000 households still could not get high-speed internet at home.\n",
    );
    assert_eq!(passages(&f)[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn an_aside_set_off_by_commas_is_no_cut() {
    // A non-restrictive element dropped (", reintroduced in 1989,", ", or
    // 20.4 per cent,") limits nothing the sentence says.
    let source = "Red kites, reintroduced in 1989, have increased more than tenfold since the last survey. One person in five, or 20.4 per cent, is now aged 65 or over.\n";
    for secondary in [
        "Red kites have increased more than tenfold since the last survey, the report said.\n",
        "One person in five is now aged 65 or over, the census found.\n",
    ] {
        let f = compare_to(source, secondary);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
        // The edit still says what was left out.
        assert_eq!(f[0]["edits"][0]["op"], "delete", "{f:#?}");
    }
    // Set off the same way, a condition or a negation still limits it.
    let source = "Fares will rise by 3 per cent, unless the subsidy is renewed in full, from next January. Red kites have, not for the first time, increased more than tenfold since the survey. The company has paused the dividend, at least for now, while it rebuilds the balance sheet.\n";
    for secondary in [
        "Fares will rise by 3 per cent from next January, the operator said.\n",
        "Red kites have increased more than tenfold since the survey, the report said.\n",
        "The company has paused the dividend while it rebuilds the balance sheet, it said.\n",
    ] {
        let f = compare_to(source, secondary);
        assert!(
            f.iter()
                .any(|f| f["kind"] == "truncation" || f["negation"] == true),
            "{f:#?}"
        );
    }
}

#[test]
fn words_the_writer_chose_outside_quotation_marks_are_a_paraphrase() {
    let source = "Work on the new bridge across the Tamar will begin in March and may take two years. The contract went to Hallam Civil Engineering after a tender.\n";
    // Words put for others, or added, outside quotation marks.
    for secondary in [
        "Work on the new bridge across the Tamar will start in March and may take two years.\n",
        "Work on the new road bridge across the Tamar will begin in March and may take two years.\n",
    ] {
        let f = compare_to(source, secondary);
        assert_eq!(only(&f)["kind"], "paraphrase", "{f:#?}");
        assert!(message(only(&f)).contains("reworded"), "{f:#?}");
    }
    // One possibility for another says no more.
    let f = compare_to(
        source,
        "Work on the new bridge across the Tamar will begin in March and could take two years.\n",
    );
    assert_eq!(only(&f)["kind"], "paraphrase", "{f:#?}");
    // The same words inside quotation marks are the speaker's, misquoted.
    let f = compare_to(
        source,
        "\"Work on the new bridge across the Tamar will start in March and may take two years,\" she said.\n",
    );
    assert!(f.iter().any(|f| f["kind"] == "misquote"), "{f:#?}");
    // A word of content dropped, a hedge or a name touched: damage.
    for secondary in [
        "Work on the bridge across the Tamar will begin in March and may take two years.\n",
        "Work on the new bridge across the Tamar will begin in March and will take two years.\n",
        "The contract went to Hallam Civil Works after a tender.\n",
        // A hedge put in: an estimate the source did not make.
        "Work on the new bridge across the Tamar will begin in March and may take about two years.\n",
    ] {
        let f = compare_to(source, secondary);
        assert_eq!(only(&f)["kind"], "copy_error", "{secondary}: {f:#?}");
    }
}

#[test]
fn a_clause_reduced_or_a_possessive_turned_round_is_no_cut() {
    let source = "This afternoon I have convened an independent failure investigation board, which will be chaired by Dr Ines Maalouf, the former chief engineer of the laboratory. Our preliminary look at the telemetry shows a drop in pressure in the liquid oxygen feed line of the second stage about two seconds before the engine shut down.\n";
    let kind = |secondary: &str| -> String {
        let f = compare_to(source, secondary);
        let p = passages(&f);
        let f = only(&p);
        assert_ne!(f["kind"], "truncation", "{f:#}");
        f["kind"].as_str().unwrap().to_string()
    };
    // "which will be" fits the clause into the sentence: no cut.
    kind(
        "She has convened an independent failure investigation board chaired by Dr Ines Maalouf, the former chief engineer of the laboratory.\n",
    );
    // "of the second stage" is given before the line, as a possessive.
    kind(
        "Early telemetry showed a drop in pressure in the second stage's liquid oxygen feed line about two seconds before the engine shut down.\n",
    );
    // A clause that limits is still a cut.
    let f = compare_to(
        "The board will report within 90 days, unless it needs more time to examine the debris.\n",
        "The board will report within 90 days.\n",
    );
    assert_eq!(only(&passages(&f))["kind"], "truncation", "{f:#?}");
}

#[test]
fn the_speakers_words_kept_whole_in_a_reworded_sentence_lost_their_quotation_marks() {
    let speech = "A criminal group has contacted the Trust and demanded a payment. We will not pay it. We are following government policy and the advice of law enforcement, and paying a ransom would not guarantee that the data is deleted.\n";
    let f = compare_to(
        speech,
        "We will not pay it, Achterberg said, adding that paying a ransom would not guarantee that the data is deleted.\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "copy_error", "{f:#}");
    assert!(
        message(f)
            .starts_with("quotation marks lost: the speaker's words, in the first person (\"We\")"),
        "{f:#}"
    );
    // Reported speech, the person turned to the writer's: no marks lost.
    let f = compare_to(
        speech,
        "The trust will not pay it, Achterberg said, adding that paying a ransom would not guarantee that the data is deleted.\n",
    );
    assert!(
        f.iter()
            .all(|f| !message(f).starts_with("quotation marks lost")),
        "{f:#?}"
    );
}

#[test]
fn a_negation_that_inverts_its_verb_is_the_lead_in_of_the_words_after_it() {
    // "Nor do I want" negates as "did not want" does.
    let memo = "We grew too fast. Nor do I want to spend the next year making a series of \
        small cuts, each one eroding trust a little more.\n";
    let f = compare_to(
        memo,
        "He said he did not want to spend the next year making a series of small cuts.\n",
    );
    let f = passages(&f);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(!message(&f[0]).contains("negation"), "{f:#?}");
    assert_ne!(f[0]["kind"], "misquote", "{f:#?}");
    // Without its negation, the claim is not the speaker's.
    let f = compare_to(
        memo,
        "He said he did want to spend the next year making a series of small cuts.\n",
    );
    assert!(message(&f[0]).contains("negation changed"), "{f:#?}");
    // Nor where the quotation opens on the words after it.
    let f = compare_to(
        memo,
        "\"Want to spend the next year making a series of small cuts,\" he wrote.\n",
    );
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    assert!(message(&f[0]).contains("\"Nor do I\""), "{f:#?}");
}

#[test]
fn the_speakers_words_after_as_she_put_it_lost_their_quotation_marks() {
    let speech = "The dispute is over. Trust has to be rebuilt, and it will be rebuilt in \
        departments, in classrooms and in the everyday decisions made here.\n";
    let f = compare_to(
        speech,
        "As Professor Calder put it today, trust has to be rebuilt, and it will be rebuilt in \
         departments, in classrooms and in the everyday decisions made here.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "copy_error", "{f:#?}");
    assert!(message(&f[0]).contains("\"as ... put it\""), "{f:#?}");
    // In quotation marks, they are as they were.
    let f = compare_to(
        speech,
        "As Professor Calder put it today, \"trust has to be rebuilt, and it will be rebuilt in \
         departments, in classrooms and in the everyday decisions made here.\"\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn the_writers_own_you_in_reported_speech_is_no_quotation_lost() {
    let video = "We are sorry. If you are still abroad and waiting for a flight home, please do \
        not go to the airport unless you have a confirmed booking.\n";
    // The writer reports the advice to the reader: "says you should".
    let f = compare_to(
        video,
        "If you are still abroad, Aurelia says you should not go to the airport unless you \
         have a confirmed booking.\n",
    );
    assert!(!f.is_empty(), "{f:#?}");
    assert!(
        f.iter()
            .all(|f| !message(f).contains("quotation marks lost")),
        "{f:#?}"
    );
    // The speaker's address, with the verb of saying after it, lost them.
    let f = compare_to(
        video,
        "Please do not go to the airport unless you have a confirmed booking, she said.\n",
    );
    assert!(message(&f[0]).contains("quotation marks lost"), "{f:#?}");
}
