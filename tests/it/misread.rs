//! Figures misread from a source sentence the diff did not pair them with:
//! digits in another order, another scale word, in a passage that rewords
//! or merges the source's sentences.

use crate::audit::{compare_to, message};
use serde_json::Value;

fn kinds(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect()
}

/// The numeric changes' messages.
fn changes(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f["kind"] == "numeric_change")
        .map(message)
        .collect()
}

#[test]
fn digits_in_another_order_in_a_merged_sentence_are_a_numeric_change() {
    let source = "This year 5,230 apprentices will complete their training at our colleges. \
        They come from 83 towns, and the youngest of them, Ms Imogen Tull, has finished her \
        carpentry course at the age of sixteen. We are proud of every one of them.\n";
    let faithful = "The principal said 5,230 apprentices from 83 towns would complete their \
        training at the colleges this year, the youngest of them a sixteen-year-old carpentry student.\n";
    let misread = faithful.replace("83 towns", "38 towns");
    let f = compare_to(source, faithful);
    assert!(changes(&f).is_empty(), "{f:#?}");
    let f = compare_to(source, &misread);
    assert_eq!(
        changes(&f),
        ["number changed: the source says \"83\", the secondary \"38\""],
        "{f:#?}"
    );
}

#[test]
fn a_figure_at_another_scale_is_a_numeric_change_not_another_fact() {
    // The passage merges two source sentences; its only figure of the
    // second is the source's at another scale, which must neither make the
    // sentence "other figures" nor go unreported.
    let source = "Fourth-quarter revenue was $6.7 billion, up 11% on a year ago. We invested \
        heavily in our network. Operating cash flow for the year was $2.4 billion, which is a record.\n";
    let secondary = "Revenue rose 11% to $6.7 billion and operating cash flow for the year reached \
        a record $2.4 million.\n";
    let f = compare_to(source, secondary);
    assert_eq!(
        changes(&f),
        ["number changed: the source says \"2.4 billion\", the secondary \"2.4 million\""],
        "{f:#?}"
    );
}

#[test]
fn a_rounded_figure_with_a_qualifier_is_no_misreading() {
    // "more than 4.1 million" rounds 4.16 million; the 4.6 million nearby,
    // one digit away, is another figure.
    let source = "When we took office the list stood at 4.6 million cases. Today it stands at \
        4.16 million cases, a fall of 440,000 in two years.\n";
    let secondary = "Today the list stands at more than 4.1 million cases, the minister said, \
        a fall of 440,000 in two years.\n";
    let f = compare_to(source, secondary);
    assert!(changes(&f).is_empty(), "{:?} {f:#?}", kinds(&f));
}

#[test]
fn a_figure_the_source_states_elsewhere_is_no_misreading() {
    // The passage's 38 is a figure the source gives further on: taken from
    // there, not a misreading of the 83 nearby.
    let source = format!(
        "This year 5,230 apprentices will complete their training at our colleges. \
        They come from 83 towns, and the youngest of them, Ms Imogen Tull, has finished her \
        carpentry course at the age of sixteen. We are proud of every one of them.\n\n{}\
        Next year we will open workshops in 38 towns.\n",
        "Our colleges have changed a great deal since they opened, and so has the work they \
        prepare people for: the trades need new skills, and our teachers learn them first.\n\n"
            .repeat(3)
    );
    let secondary = "The principal said 5,230 apprentices from 38 towns would complete their \
        training at the colleges this year, the youngest of them a sixteen-year-old carpentry student.\n";
    let f = compare_to(&source, secondary);
    assert!(changes(&f).is_empty(), "{:?} {f:#?}", kinds(&f));
}

#[test]
fn every_figure_changed_in_a_copied_sentence_is_named() {
    let source = "Marrowfield had a strong year. Revenue rose 22% to $1.8 billion in 2025, \
        driven by the new home-security range. Our engineers shipped more updates than ever before.\n";
    let secondary = source.replace("22%", "19%").replace("1.8", "1.5");
    let f = compare_to(source, &secondary);
    assert_eq!(
        changes(&f),
        ["numbers changed: the source says \"22\" and \"1.8\", the secondary \"19\" and \"1.5\""],
        "{f:#?}"
    );
}

#[test]
fn a_copy_whose_figures_alone_all_changed_is_a_numeric_change() {
    // No figure in common, but nothing else changed: the source's claim
    // with its figures wrong, not the same shape about other facts.
    let source = "Marrowfield had a strong year. Revenue rose 22% to $1.8 billion, driven by the \
        new home-security range. Our engineers shipped more updates than ever before.\n";
    let secondary = source
        .replace("22%", "19%")
        .replace("1.8 billion", "1.5 million");
    let f = compare_to(source, &secondary);
    assert_eq!(
        changes(&f),
        [
            "numbers changed: the source says \"22\" and \"1.8 billion\", the secondary \"19\" and \"1.5 million\""
        ],
        "{f:#?}"
    );
    // With the year changed too, they are another year's figures.
    let source = source.replace(", driven", " in 2025, driven");
    let secondary = secondary.replace(", driven", " in 2024, driven");
    let f = compare_to(&source, &secondary);
    assert!(changes(&f).is_empty(), "{f:#?}");
    assert_eq!(kinds(&f), ["verbatim", "verbatim"], "{f:#?}");
}

#[test]
fn a_small_count_with_its_digits_swapped_and_moved_is_a_numeric_change() {
    // The writer moves the count to the front of a reworded sentence: the
    // diff drops "46" in one place and finds "64" in the framing.
    let source = "Since Sunday we have cancelled 312 planned operations across our three \
        hospitals. Of the cancelled operations, 46 were cancer procedures. Every one of \
        those patients will be contacted personally.\n";
    let secondary = "The trust says 64 of the cancelled operations were cancer procedures.\n";
    let f = compare_to(source, secondary);
    assert_eq!(
        changes(&f),
        ["number changed: the source says \"46\", the secondary \"64\""],
        "{f:#?}"
    );
    // Another small count, one digit apart, is not taken for a misreading:
    // such counts are as often another of the source's.
    let f = compare_to(source, &secondary.replace("64", "47"));
    assert!(changes(&f).is_empty(), "{f:#?}");
    assert!(!kinds(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_sentence_that_shares_a_name_with_a_heading_is_aligned_to_the_body() {
    // As many seeds fall in the heading (the trust's name) as in the
    // body's clause: the heading, found first, does not hold the sentence,
    // and the next best window does.
    let source = "Statement from Dr Amrit Sandhu, Chief Executive, Northgate University \
        Hospitals NHS Trust\n\nAt 3.40am on Sunday our IT systems were affected by a \
        cyber-attack. I want to begin by apologising to every patient whose care has been \
        disrupted, and to thank our staff, who have worked around the clock.\n\nThe attack \
        affected our electronic patient record, our radiology imaging system and the system \
        we use to order and report blood tests. Our telephone lines and email were not \
        affected. As soon as the attack was detected, our technical team took the decision \
        to shut down all affected systems to contain it.\n\nSince Sunday we \
        have cancelled 312 planned operations and 1,540 outpatient appointments across our \
        three hospitals. Of the cancelled operations, 46 were cancer procedures.\n";
    let secondary = "Northgate University Hospitals NHS Trust has cancelled 321 planned \
        operations and 1,540 outpatient appointments since a cyber-attack hit its IT systems \
        early on Sunday morning. Of the cancelled operations, 46 were cancer procedures.\n";
    let f = compare_to(source, secondary);
    assert_eq!(
        changes(&f),
        ["number changed: the source says \"312\", the secondary \"321\""],
        "{f:#?}"
    );
}

#[test]
fn a_figure_of_the_aligned_sentence_given_with_a_digit_changed_is_a_numeric_change() {
    let source = "We will also contribute €400 million to the fund for responding to loss and \
        damage, provided that other major economies make contributions of comparable scale by \
        the end of 2026.\n";
    let secondary = "The bloc's contribution to the loss and damage fund will be €500m, Ms \
        Lindqvist said, on condition that other major economies make contributions of \
        comparable scale by the end of 2026.\n";
    let f = compare_to(source, secondary);
    assert_eq!(
        changes(&f),
        ["number changed: the source says \"400 million\", the secondary \"500m\""],
        "{f:#?}"
    );
    // The same figure in other words is no change.
    let f = compare_to(source, &secondary.replace("€500m", "€400m"));
    assert!(changes(&f).is_empty(), "{f:#?}");
    assert!(!kinds(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_sentence_no_alignment_reaches_is_placed_by_a_figure_with_its_digits_swapped() {
    // The story copies two sentences (it draws on the statement); a third,
    // reworded past any alignment, gives the source's "120 call handlers"
    // as 210: placed on that sentence by the figure, a numeric change. The
    // same sentence with the right figure, or with a figure whose digits
    // are no reordering, says nothing.
    let statement = "We issued the notice at 9.15am on Tuesday after routine sampling found the \
        parasite in treated water. We are sorry for the disruption this has caused to every \
        household in the area. We have added 120 call handlers this afternoon, and the average \
        waiting time this morning was eleven minutes, which is too long.\n";
    let story = |n: &str| {
        format!(
            "We issued the notice at 9.15am on Tuesday after routine sampling found the parasite \
             in treated water, the company said. We are sorry for the disruption this has caused \
             to every household in the area, it added. The company has since brought in {n} \
             extra call handlers.\n"
        )
    };
    let f = compare_to(statement, &story("210"));
    let changes = changes(&f);
    assert_eq!(changes.len(), 1, "{f:#?}");
    assert!(
        changes[0].contains("the source says \"120\", the secondary \"210\""),
        "{f:#?}"
    );
    for other in ["120", "250"] {
        let f = compare_to(statement, &story(other));
        assert!(!kinds(&f).contains(&"numeric_change"), "{other}: {f:#?}");
    }
}

#[test]
fn a_changed_figure_closing_a_reworded_sentence_is_a_numeric_change() {
    // The diff stops at "bill"; both sentences end on a figure in pounds.
    let source = "Statement\n\nPrepayment customers will see their typical bill fall to £1,694. \
        For those who pay on receipt of a bill, by cash or cheque, the typical figure will be \
        £1,832. We will review it in May.\n";
    let changed = "News\n\nThose paying on receipt of a bill will pay £1,852.\n";
    let f = compare_to(source, changed);
    assert_eq!(
        changes(&f),
        ["number changed: the source says \"1,832\", the secondary \"1,852\""],
        "{f:#?}"
    );
    // The same figure, or one without the currency sign, is no change.
    let same = compare_to(source, &changed.replace("1,852", "1,832"));
    assert_eq!(kinds(&same), ["paraphrase"], "{same:#?}");
    let other = compare_to(source, &changed.replace("£1,852", "1,852 times"));
    assert!(changes(&other).is_empty(), "{other:#?}");
}

#[test]
fn a_figure_from_the_sentence_before_the_aligned_one_is_compared() {
    // The bullet takes "spaces" on from the second sentence, its figure
    // from the first: 2,100 for 1,200 is a numeric change; the right
    // figure, or one the source gives elsewhere, is not.
    let source = "Stadium\n\nThere will be 1,200 car parking spaces at Eastbank, and that is not \
        enough for everyone who drives today. Most of those spaces will be for disabled supporters \
        and for families with young children. Kick-off times will not change, and the 2,500 \
        season tickets already sold will be honoured.\n";
    let bullet =
        "Parking: 2,100 spaces, mostly for disabled supporters and families with young children.\n";
    let f = compare_to(source, bullet);
    assert_eq!(
        changes(&f),
        [
            "number changed: the source says \"1,200\", the secondary \"2,100\", a figure the diff \
          left unpaired; paraphrase: 82% of the words in common with the source"
        ],
        "{f:#?}"
    );
    for other in ["1,200", "2,500"] {
        let f = compare_to(source, &bullet.replace("2,100", other));
        assert!(changes(&f).is_empty(), "{other}: {f:#?}");
    }
}

#[test]
fn figures_put_in_another_order_with_their_names_are_no_change() {
    let source = "Annual report\n\nAcross England, 78 per cent of secondary schools are good or \
        outstanding. In London, the figure is 89 per cent. In the coastal towns we looked at, it \
        is just 61 per cent.\n";
    let reordered = "In London, 89% of secondary schools are good or outstanding, against 78% \
        across England and just 61% in coastal towns.\n";
    let f = compare_to(source, reordered);
    assert!(changes(&f).is_empty(), "{f:#?}");
    // London's figure changed: the source has it nowhere, a change.
    let f = compare_to(source, &reordered.replace("89%", "87%"));
    assert!(!changes(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_figure_closing_both_sentences_where_the_source_ends_with_the_match_is_no_panic() {
    // The source sentence ends where the diff's match does ("one in
    // twenty."); the passage closes on a year of its own. No pairing, and
    // no panic (an inverted source range once reached the provenance
    // step).
    let source = "Flood statement\n\nToday one home in eight is at risk. That is not acceptable, \
        and by 2029 I want that figure below one in twenty.\n";
    let story = "The minister said one home in eight is at risk, and the minister wants that \
        figure below one in 20 by 2029.\n";
    let f = compare_to(source, story);
    assert!(!f.is_empty(), "{f:#?}");
    assert!(changes(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_figure_that_ends_the_document_is_no_panic() {
    // The unpaired figure is the secondary's last word, with no full stop
    // after it: looking for a clock's colon past it must not read past the
    // end.
    let source = "Stadium\n\nThere will be 1,200 car parking spaces at Eastbank, and that is not \
        enough. Most of those spaces will be for disabled supporters and for families with young \
        children.\n";
    let f = compare_to(
        source,
        "Parking: mostly for disabled supporters and for families with young children, spaces 2,100",
    );
    assert!(!f.is_empty(), "{f:#?}");
}
