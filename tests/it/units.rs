//! Units written on a figure ("82.6p", "10km", "400MW") read as the figure
//! and its unit, so a changed figure is a numeric change however either
//! side writes the unit, and a unit written another way is no change.

use crate::audit::{compare_to, message};
use serde_json::Value;

const SOURCE: &str = "Prices\n\nThe regulator said today that the average price of diesel \
    had risen over the month to 86.2 pence. Next year will be harder for drivers.\n";

fn kinds(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect()
}

fn secondary(figure: &str) -> String {
    format!(
        "Motoring\n\nThe regulator said today that the average price of diesel had risen over \
         the month to {figure}.\n"
    )
}

#[test]
fn a_changed_price_in_pence_written_on_is_a_numeric_change() {
    let f = compare_to(SOURCE, &secondary("82.6p"));
    assert_eq!(kinds(&f), ["numeric_change"], "{f:#?}");
    assert_eq!(
        message(&f[0]),
        "number changed: the source says \"86.2\", the secondary \"82.6\""
    );
}

#[test]
fn the_same_price_with_its_unit_written_on_is_verbatim() {
    let f = compare_to(SOURCE, &secondary("86.2p"));
    assert_eq!(kinds(&f), ["verbatim"], "{f:#?}");
}

#[test]
fn a_changed_distance_written_on_is_a_numeric_change() {
    let source = "The council said the new cycle route would run for 12 kilometres along the \
        river and open in the spring.\n";
    let faithful = "The council said the new cycle route would run for 12km along the river and \
        open in the spring.\n";
    let changed = faithful.replace("12km", "21km");
    assert_eq!(kinds(&compare_to(source, faithful)), ["verbatim"]);
    let f = compare_to(source, &changed);
    assert_eq!(kinds(&f), ["numeric_change"], "{f:#?}");
}

#[test]
fn half_a_million_is_500000() {
    let source = "Deal\n\nPortugal will export up to 500,000 tonnes of green hydrogen a year to \
        Denmark by 2032.\n";
    let story = |figure: &str| {
        format!(
            "Portugal will export up to {figure} tonnes of green hydrogen a year to Denmark by 2032.\n"
        )
    };
    let f = compare_to(source, &story("half a million"));
    assert!(kinds(&f).iter().all(|k| *k != "numeric_change"), "{f:#?}");
    let f = compare_to(source, &story("half a billion"));
    assert_eq!(kinds(&f), ["numeric_change"], "{f:#?}");
}
