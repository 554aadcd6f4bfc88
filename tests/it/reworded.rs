//! Stories that retell a primary in fresh words: placed by the names,
//! figures and content words they share with it, when there is evidence.

use serde_json::Value;

use crate::audit::message;
use crate::util::*;

const NOTICE: &str = "Harbour Lines has suspended all sailings between Port Ellery and the island of Skarra until Thursday after storm damage to the linkspan at Ellery Quay.

Engineers found two cracked hinge bearings on Tuesday morning during an inspection ordered after gusts of 78 miles per hour hit the harbour overnight.

Around 640 passengers with bookings this week will be offered a full refund or a seat on the relief vessel Morwen, which will sail from the north pier at Calder Point from Wednesday.

Freight for the island's two shops and its medical centre will travel on the Morwen first, the company said.

\"We know how much the island depends on this route, and we are sorry for the disruption,\" said Fiona Tulloch, Harbour Lines' operations director. \"Safety has to come first.\"

Replacement bearings are being shipped from a supplier in Rotterdam and are expected to arrive on Wednesday night.
";

const RETELLING: &str = "Skarra cut off as storm wrecks ferry ramp

Islanders on Skarra face days without their ferry after the overnight storm left the Ellery Quay loading ramp unsafe to use.

Checks on Tuesday morning revealed that a pair of hinge bearings had cracked, after winds touched 78 miles per hour across the harbour.

Harbour Lines says that the 640 or so travellers already booked can claim their money back or sail on the Morwen, a stand-in boat leaving Calder Point's north pier.

Groceries and medical supplies for Skarra will have priority on the Morwen.

Harbour Lines said the closure was \"a precaution and nothing more\". \"We were told nothing until the morning,\" said one islander.

New bearings are on their way from Rotterdam and should land on Wednesday night.

In 1998, when Harbour Lines last suspended sailings to Skarra for a week, 640 passengers were stranded in Oban, Tarbet and Lochbuie.
";

const OTHER_STORM: &str = "Ferries cancelled as gales sweep the coast

Harbour Lines cancelled its morning sailings from Port Ellery to Skarra on Friday as gales swept the west coast for a second day.

The Coastguard said winds reached 65 miles per hour at Ardmore Head, and a fishing boat was towed back to Kilbride after losing power.

The company expects services to resume on Saturday, once the wind drops, and has told passengers to check its website before travelling.
";

fn audit(files: &[(&str, &str)]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("primary")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = stemma(
        &["audit", ".", "--primary", "primary", "--format", "json"],
        dir.path(),
    );
    checked_findings(&out, dir.path())
}

fn traced<'a>(findings: &'a [Value], doc: &str) -> Vec<&'a Value> {
    findings
        .iter()
        .filter(|f| f["secondary"]["doc"] == doc && !f["source"].is_null())
        .collect()
}

#[test]
fn a_story_retold_in_fresh_words_is_traced_by_its_names_and_figures() {
    let f = audit(&[
        ("primary/notice.txt", NOTICE),
        ("retelling.txt", RETELLING),
        ("other-storm.txt", OTHER_STORM),
    ]);
    let retold = traced(&f, "retelling.txt");
    // No sentence shares a seed's run of words with the notice but for "78
    // miles per hour"; the sentences that share its names, figures and
    // content words are placed, each on the sentence it retells. (The
    // groceries' sentence shares too few with any one sentence of it.)
    let placed: Vec<(&str, &str)> = retold
        .iter()
        .map(|f| {
            assert_eq!(f["kind"], "paraphrase", "{f:#?}");
            assert!(message(f).contains("placed by its content"), "{f:#?}");
            (
                f["secondary"]["text"].as_str().unwrap(),
                f["source"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    let at = |mine: &str| {
        placed
            .iter()
            .find(|p| p.0.starts_with(mine))
            .unwrap_or_else(|| panic!("{mine}: {placed:#?}"))
            .1
    };
    assert!(at("Islanders on Skarra").starts_with("Harbour Lines has suspended"));
    assert!(at("Checks on Tuesday").starts_with("Engineers found two cracked"));
    assert!(at("Harbour Lines says").starts_with("Around 640 passengers"));
    assert!(at("New bearings").starts_with("Replacement bearings"));
    // A background line shares the company, the route and a figure, and
    // brings more names and figures of its own: it is not placed.
    assert_eq!(placed.len(), 4, "{placed:#?}");
    // Its quotations are in no source. A story drawn on in other words may
    // quote reporting of its own (or be a report from other sources): what
    // it gives the notice's speaker (its title's "Harbour Lines") is
    // unsupported, not a misquote; what an islander says is not about the
    // notice.
    let quoted: Vec<&Value> = f
        .iter()
        .filter(|f| f["secondary"]["doc"] == "retelling.txt" && f["source"].is_null())
        .collect();
    assert_eq!(quoted.len(), 1, "{f:#?}");
    assert_eq!(quoted[0]["kind"], "unsupported", "{f:#?}");
    assert_eq!(
        quoted[0]["secondary"]["text"], "a precaution and nothing more",
        "{f:#?}"
    );
    // A story of another storm on the same route shares the company, the
    // ports and the subject, not the notice's facts: nothing is traced.
    assert!(traced(&f, "other-storm.txt").is_empty(), "{f:#?}");
}

#[test]
fn one_retold_sentence_is_not_evidence_enough() {
    // Only the bearings' sentence carries the notice's facts; the rest is
    // another story. One sentence could share them by chance, two could not.
    let story = "Island ferry row reaches parliament

Checks on Tuesday morning revealed that a pair of hinge bearings had cracked, after winds touched 78 miles per hour across the harbour.

The member for the islands asked the minister why the route still has no second vessel, and said the council had warned of this for a decade.
";
    let f = audit(&[("primary/notice.txt", NOTICE), ("story.txt", story)]);
    assert!(traced(&f, "story.txt").is_empty(), "{f:#?}");
    // With a second such sentence, the story draws on the notice.
    let story = story.replace(
        "The member",
        "Harbour Lines says that the 640 or so travellers already booked can claim their money back or sail on the Morwen, a stand-in boat leaving Calder Point's north pier. The member",
    );
    let f = audit(&[("primary/notice.txt", NOTICE), ("story.txt", &story)]);
    assert_eq!(traced(&f, "story.txt").len(), 2, "{f:#?}");
}

#[test]
fn ten_words_in_a_row_inside_a_reworded_sentence_are_evidence_of_reuse() {
    // The secondary's one reused sentence merges two of the report's and
    // rewords the joins: a paraphrase, but with runs of 13 words in a row.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(
        dir.path().join("reports/report.txt"),
        "Under drought, inoculation increased grain yield from 4.1 to 4.7 tonnes per hectare. Inoculated plants had 23 percent greater root length density below 60 centimetres, and their flag leaves maintained a relative water content that was on average five percentage points higher during the second half of grain filling. Abscisic acid concentrations in the leaves of inoculated plants were consistently lower, and the difference was greatest in the third week after anthesis.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("proposal.txt"),
        "Microbial inoculants are one such approach. Inoculated plants had 23 percent greater root length density below 60 centimetres and flag leaves with a relative water content on average five percentage points higher during the second half of grain filling, while abscisic acid concentrations in their leaves were consistently lower, with the greatest difference in the third week after anthesis. These results suggest that the inoculant helps the crop reach deeper water.\n",
    )
    .unwrap();
    let out = stemma(
        &["audit", ".", "--primary", "reports", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let f = v["findings"].as_array().unwrap();
    let traced: Vec<&Value> = f.iter().filter(|f| !f["source"].is_null()).collect();
    assert_eq!(traced.len(), 1, "{f:#?}");
    assert_eq!(traced[0]["kind"], "paraphrase", "{f:#?}");
}

#[test]
fn a_figure_changed_in_a_retold_sentence_is_a_numeric_change() {
    let changed = RETELLING.replace("78 miles per hour", "87 miles per hour");
    let f = audit(&[("primary/notice.txt", NOTICE), ("retelling.txt", &changed)]);
    let checks = traced(&f, "retelling.txt")
        .into_iter()
        .find(|f| {
            f["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Checks on Tuesday")
        })
        .unwrap_or_else(|| panic!("{f:#?}"));
    assert_eq!(checks["kind"], "numeric_change", "{checks:#?}");
    assert!(
        message(checks).contains("placed by its content"),
        "{checks:#?}"
    );
}

const SPEECH: &str = "Mayor Delia Ferrant's Address on the Harwick Housing Plan

Good morning. Today I am announcing that Harwick will build 1,300 new affordable homes over the next five years. The plan will be funded by a 42 million dollar bond approved by the council last Tuesday. Construction will begin in the Eastmoor district in April, followed by Riverside and Coldbrook in the autumn. Every home will be offered first to families who have waited more than two years on the municipal list. We have partnered with Brannock Builders, a local firm that employs over 600 people in this city. I want to thank Councillor Owen Petrie, who chaired the housing committee through eighteen difficult months. \"No family in Harwick should have to choose between rent and groceries,\" I said to the committee in March, and I stand by that today. The homes will meet the new energy standard, cutting heating bills by roughly a third. Rents will be capped at 30 percent of household income for the first decade. We expect the first keys to be handed over in the summer of next year. Thank you.
";

#[test]
fn names_opening_a_sentence_or_with_a_possessive_are_names() {
    // "Harwick's mayor" opens the story's first sentence: "Harwick's" is
    // the speech's "Harwick" (a possessive dropped, and a word the speech
    // writes as a name is one at a sentence's start). Without it the story
    // shows too little evidence, and none of its retold sentences, nor its
    // changed quotation, is found.
    let news = "Harwick unveils housing push

Harwick's mayor, Delia Ferrant, said on Monday the city would construct 1,300 affordable homes within five years. A bond worth 42 million dollars, passed by councillors last Tuesday, pays for the scheme. Work starts in Eastmoor in April, with Riverside and Coldbrook following later in the year. Families waiting longest on the municipal list, over two years, get first refusal on every home. \"No family in this city should ever be forced to pick between paying the rent and buying food,\" Ferrant said. Rents for the first decade are limited to 30 percent of a household's income. Critics on the opposition benches said the plan came too late.
";
    let f = audit(&[("primary/speech.txt", SPEECH), ("news.txt", news)]);
    let kinds: Vec<&str> = traced(&f, "news.txt")
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.len() >= 5, "{f:#?}");
    assert!(kinds.contains(&"misquote"), "{f:#?}");
}

#[test]
fn a_lead_into_reported_words_dropped_is_no_cut() {
    // "tells us that" given as "According to": the words reported are no
    // fewer.
    let speech = "The Met Office tells us that winter rainfall in the north of England has increased by around 16 per cent since the 1960s.\n";
    let f = crate::audit::compare_to(
        speech,
        "According to the Met Office, winter rainfall in the north of England has increased by around 16 per cent since the 1960s.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_ne!(f[0]["kind"], "truncation", "{f:#?}");
    // A hedge is no lead: "we expect that" dropped says more.
    let f = crate::audit::compare_to(
        "In the north of England we expect that winter rainfall will increase by around 16 per cent by the 2050s.\n",
        "In the north of England winter rainfall will increase by around 16 per cent by the 2050s.\n",
    );
    assert_eq!(f[0]["kind"], "truncation", "{f:#?}");
}

#[test]
fn a_proviso_left_out_of_a_retold_sentence_is_a_truncation() {
    let notice = NOTICE.replace(
        "from Wednesday.",
        "from Wednesday, unless the Morwen is needed to carry freight to the island.",
    );
    let retold = |story: &str| -> Value {
        let f = audit(&[("primary/notice.txt", &notice), ("retelling.txt", story)]);
        traced(&f, "retelling.txt")
            .into_iter()
            .find(|f| {
                f["secondary"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("Harbour Lines says")
            })
            .cloned()
            .unwrap_or_else(|| panic!("{f:#?}"))
    };
    let f = retold(RETELLING);
    assert_eq!(f["kind"], "truncation", "{f:#?}");
    assert!(
        message(&f).contains("\"unless the Morwen is needed"),
        "{f:#?}"
    );
    assert!(message(&f).contains("placed by its content"), "{f:#?}");
    // Given in the writer's own words, the proviso is kept.
    let kept = RETELLING.replace("north pier.", "north pier, unless freight needs the boat.");
    assert_eq!(retold(&kept)["kind"], "paraphrase");
}

/// A hurricane address and a story that retells it (the evaluation corpus
/// that showed the rule below).
const ADDRESS: &str = "Four days ago, Hurricane Marisol came ashore near Port Fourchon, Louisiana, as a Category 4 storm, with sustained winds of 140 miles per hour and a storm surge that, in some parishes, topped fourteen feet. It then moved slowly across Mississippi and into western Alabama, dropping up to 22 inches of rain in less than two days.\n\nFirst, what we know. As of this afternoon, 61 people have been confirmed dead across three states. That number may rise, and I want to be honest with you about that: search teams have not yet reached every neighborhood, and some roads remain under water. More than 1.8 million homes and businesses lost power at the height of the storm. Around 640,000 are still without it tonight. Roughly 38,000 people are sleeping in shelters, many of them children.\n\nThree: I am sending Congress a request for $18.6 billion in emergency supplemental funding. Of that, $11.2 billion would go to the Disaster Relief Fund, $4.5 billion to rebuild roads, bridges and water systems, and $2.9 billion to the Small Business Administration for low-interest disaster loans. I am asking Congress to pass it within 30 days. The Disaster Relief Fund has enough money to meet immediate needs through the end of October, but not beyond that. I will not let families wait while Washington argues.\n";

const STORM_STORY: &str = "President Eleanor Whitcomb asked Congress on Tuesday night for $18.6 billion in emergency funding to help Louisiana, Mississippi and Alabama recover from Hurricane Marisol, warning that the federal disaster fund could meet immediate needs only through the end of October.\n\n“I will not let families wait while Congress argues,” Whitcomb said in a 14-minute address from the Oval Office, her first since the storm made landfall near Port Fourchon on Friday.\n\nThe storm has killed 67 people across three states, a toll the president said “may rise” as search teams reach neighborhoods that are still cut off by water.\n\nAbout 640,000 homes and businesses remained without electricity on Tuesday, down from a peak of more than 1.8 million.\n";

#[test]
fn a_retold_sentence_that_gives_a_figure_another_value_is_a_numeric_change() {
    // "The storm has killed 67 people across three states" retells "61
    // people have been confirmed dead across three states": placed by its
    // content, its diff too loose to pair the figures, the count of the
    // dead is still held to its place.
    let toll = |story: &str| -> Value {
        let f = audit(&[("primary/address.txt", ADDRESS), ("story.txt", story)]);
        traced(&f, "story.txt")
            .into_iter()
            .find(|f| {
                f["secondary"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("The storm has killed")
            })
            .cloned()
            .unwrap_or_else(|| panic!("{f:#?}"))
    };
    let f = toll(STORM_STORY);
    assert_eq!(f["kind"], "numeric_change", "{f:#?}");
    assert!(
        message(&f).contains("the source says \"61\", the secondary \"67\""),
        "{f:#?}"
    );
    // The same count, or one the writer qualifies truly, is no change.
    for faithful in [
        "killed 61 people",
        "killed more than 60 people",
        "killed about 60 people",
    ] {
        let f = toll(&STORM_STORY.replace("killed 67\u{a0}people", faithful));
        assert_ne!(f["kind"], "numeric_change", "{faithful}: {f:#?}");
    }
    // A qualifier that cannot make it true does not save it: "some 80" is
    // no account of 61.
    let f = toll(&STORM_STORY.replace("killed 67\u{a0}people", "killed some 80 people"));
    assert_eq!(f["kind"], "numeric_change", "{f:#?}");
}

const BRIEFING: &str = "Good morning. Today the committee voted to hold interest rates at 5.25 per cent.

Unemployment fell to 4.2 per cent in the third quarter, the lowest level since 2008.

We have hired 1,200 new nurses since January, and a further 300 will start work in the spring.

Inflation remains too high at 3.8 per cent, and we will not cut rates until we are confident it is falling back to target.
";

#[test]
fn a_figure_changed_in_a_sentence_placed_between_its_neighbours_is_a_numeric_change() {
    // Too reworded for a seed, the nurses' sentence is placed between its
    // neighbours' sources; its count is still held to its place.
    let story = |nurses: &str| {
        format!(
            "\"Today the committee voted to hold interest rates at 5.25 per cent,\" the governor said.\n\n\
             The jobless rate dropped to 4.2% in the third quarter, the lowest level since 2008.\n\n\
             {nurses}\n\n\
             With inflation at 3.8%, rates would not be cut until the Bank was confident it was falling back to target.\n"
        )
    };
    let nurses = |sentence: &str| -> Value {
        let f = audit(&[
            ("primary/briefing.txt", BRIEFING),
            ("story.txt", &story(sentence)),
        ]);
        traced(&f, "story.txt")
            .into_iter()
            .find(|f| f["secondary"]["text"].as_str().unwrap().contains("nurses"))
            .cloned()
            .unwrap_or_else(|| panic!("{f:#?}"))
    };
    let f = nurses(
        "Some 1,500 new nurses have been hired since January, with another 300 to follow in spring.",
    );
    assert_eq!(f["kind"], "numeric_change", "{f:#?}");
    assert!(message(&f).contains("between its neighbours"), "{f:#?}");
    let f = nurses(
        "Some 1,200 new nurses have been hired since January, with another 300 to follow in spring.",
    );
    assert_eq!(f["kind"], "paraphrase", "{f:#?}");
}

const FIRE: &str = "Statement by the Chief Fire Officer, Friday 14 March 2025

Firefighters were called to the Harlow Mills warehouse at ten past two this morning after a passer-by reported smoke coming from the roof.

At the height of the fire, more than 60 firefighters and 12 engines were at the scene, and residents of nearby streets were asked to keep their windows and doors closed.

Nobody was injured, but the building, which dates from 1887, has been badly damaged and the roof has partly collapsed.

The cause of the fire is not yet known, and our investigators will remain at the scene for several days.

I want to thank the crews who worked through the night in very difficult conditions, and the neighbours who brought them tea and blankets.
";

const FIRE_STORY: &str = "Warehouse gutted in overnight blaze

By Jo Banks, Friday 14 March 2025

More than 60 firefighters and 12 engines were at the scene at the height of the fire.

Residents of nearby streets were asked to keep their windows and doors closed.

The cause of the fire is not yet known, and investigators will remain at the scene for several days.

The chief officer thanked the crews who worked through the night in very difficult conditions.

Nobody was hurt, though the 1887 building's roof has partly fallen in.
";

#[test]
fn a_story_that_copies_a_primary_in_three_places_has_its_retold_sentences_placed() {
    // Three sentences copied at length show that the story draws on the
    // statement, though none of its reworded sentences shares two names or
    // figures with one of the statement's: the one that retells the damage
    // (its year, the building, the roof) is placed on it.
    let f = audit(&[("primary/fire.txt", FIRE), ("story.txt", FIRE_STORY)]);
    let story = traced(&f, "story.txt");
    let retold = story
        .iter()
        .find(|f| {
            f["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Nobody was hurt")
        })
        .unwrap_or_else(|| panic!("{story:#?}"));
    assert_eq!(retold["kind"], "paraphrase", "{retold:#?}");
    assert!(
        message(retold).contains("placed by its content"),
        "{retold:#?}"
    );
    assert!(
        retold["source"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Nobody was injured"),
        "{retold:#?}"
    );
    // The byline shares only the statement's date: no reuse of it.
    assert!(
        story.iter().all(|f| !f["secondary"]["text"]
            .as_str()
            .unwrap()
            .contains("Jo Banks")),
        "{story:#?}"
    );
    // Copied in two places only (and reworded in none that shares two of
    // its names or figures), the story shows too little of the statement
    // for its reworded sentence to be placed.
    let two = FIRE_STORY.replace(
        "Residents of nearby streets were asked to keep their windows and doors closed.\n\n",
        "",
    );
    let f = audit(&[("primary/fire.txt", FIRE), ("story.txt", &two)]);
    assert!(
        traced(&f, "story.txt")
            .iter()
            .all(|f| !f["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Nobody")),
        "{f:#?}"
    );
}

#[test]
fn a_condition_kept_as_only_with_is_no_condition_dropped() {
    use crate::audit::compare_to;
    let source = "I also make a director disqualification order for a period of ten years. You will not act as a director of any company during that time unless you first obtain the permission of the court.\n";
    let f = compare_to(
        source,
        "The judge made a ten-year director disqualification order, with the usual proviso that Harwell may act as a director only with the court's permission.\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
    // And "only with" in the source is a condition a copy may drop.
    let f = compare_to(
        "The board said the plant could reopen next year only with new funding from the state.\n",
        "The board said the plant could reopen next year.\n",
    );
    let m = message(&f[0]);
    assert!(m.contains("drops the condition"), "{m}");
}

#[test]
fn a_condition_after_a_name_the_copy_shortens_is_dropped() {
    use crate::audit::compare_to;
    let source = "I make clear that any money recovered will be paid first as compensation to Brightwater Housing Cooperative, provided that the cooperative is still able to show a continuing loss at that time.\n";
    let f = compare_to(
        source,
        "Judge Maitland said any money recovered would be paid as compensation to Brightwater.\n",
    );
    let m = message(&f[0]);
    assert!(m.contains("drops the condition"), "{m}");
    // Words of substance left out before the condition are no name.
    let f = compare_to(
        &source.replace("Housing Cooperative,", "in cash,"),
        "Judge Maitland said any money recovered would be paid first as compensation to Brightwater.\n",
    );
    assert!(
        f.iter()
            .all(|f| !message(f).contains("drops the condition")),
        "{f:#?}"
    );
}
