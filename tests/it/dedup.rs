use serde_json::Value;

use crate::util::*;

fn corpus_report() -> Value {
    let out = stemma(&["dedup", "corpus", "--format", "json"], &root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)
}

fn spans(cluster: &Value) -> Vec<&Value> {
    cluster["spans"].as_array().unwrap().iter().collect()
}

const SPEECH_2024: &str = "primary/2024-10-08_mi5-director-general-threat-update_speech.txt";
const SPEECH_2021: &str = "primary/2021-07-14_mi5-director-general-annual-threat-update_speech.txt";
const MAGAZINE: &str = "secondary/2024-10_mi5-threat-update-2024_magazine-article.txt";
const FEED: &str = "secondary/counter-terror-business_threat-landscape_rss-feed-dump.txt";

#[test]
fn every_span_is_the_original_bytes() {
    let r = corpus_report();
    assert_eq!(r["schema"], "stemma.dedup/1");
    let all: Vec<&Value> = r["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(spans)
        .collect();
    assert!(all.len() > 10);
    assert_spans_exact(&root().join("corpus"), &all);
}

#[test]
fn related_news_line_repeated_five_times() {
    let r = corpus_report();
    let c = r["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| spans(c).iter().all(|s| s["path"] == SPEECH_2024) && spans(c).len() == 5)
        .expect("a five-copy cluster in the 2024 speech page");
    assert_eq!(c["kind"], "exact");
    let lines: Vec<u64> = spans(c)
        .iter()
        .map(|s| s["line"].as_u64().unwrap())
        .collect();
    assert!(
        lines.windows(2).all(|w| w[1] == w[0] + 1),
        "consecutive lines: {lines:?}"
    );
    assert!(
        spans(c)
            .iter()
            .all(|s| s["text"].as_str().unwrap().contains("gave his annual"))
    );
}

#[test]
fn magazine_sidebar_repeated_twice_is_one_region() {
    let r = corpus_report();
    let c = r["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            spans(c).len() == 2
                && spans(c).iter().all(|s| {
                    s["path"] == MAGAZINE
                        && s["text"].as_str().unwrap().contains("Mystery parcel fires")
                })
        })
        .expect("the sidebar cluster");
    for s in spans(c) {
        let t = s["text"].as_str().unwrap();
        // The whole teaser column, first teaser to last.
        assert!(t.contains("10,000 North Korean troops"), "{t}");
        assert!(t.contains("Worldwide Freezing Orders"), "{t}");
        assert!(t.split_whitespace().count() > 500);
    }
    let starts: Vec<u64> = spans(c)
        .iter()
        .map(|s| s["start"].as_u64().unwrap())
        .collect();
    let ends: Vec<u64> = spans(c)
        .iter()
        .map(|s| s["end"].as_u64().unwrap())
        .collect();
    assert!(ends[0] <= starts[1], "the two copies do not overlap");
}

#[test]
fn the_two_speeches_are_not_duplicates_of_each_other() {
    let r = corpus_report();
    for c in r["duplicates"].as_array().unwrap() {
        let paths: Vec<&str> = spans(c)
            .iter()
            .map(|s| s["path"].as_str().unwrap())
            .collect();
        assert!(
            !(paths.contains(&SPEECH_2021) && paths.contains(&SPEECH_2024)),
            "{c}"
        );
    }
}

#[test]
fn coverage_shares_passages_with_the_speech() {
    let r = corpus_report();
    // The feed item and the magazine quote the speech's passage on Islamic State.
    let c = r["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            spans(c).iter().any(|s| {
                s["text"]
                    .as_str()
                    .unwrap()
                    .contains("Islamic State is not the force")
            })
        })
        .expect("the Islamic State passage");
    let docs: Vec<&str> = spans(c)
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert!(
        docs.contains(&SPEECH_2024) && docs.contains(&MAGAZINE) && docs.contains(&FEED),
        "{docs:?}"
    );
}

#[test]
fn feed_dump_is_split_into_items() {
    let r = corpus_report();
    let items: Vec<&Value> = r["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == FEED)
        .collect();
    assert_eq!(items.len(), 6);
    assert_eq!(items[0]["id"], format!("{FEED}#1"));
    assert_eq!(
        items[0]["title"],
        "MI5 director general gives annual threat update"
    );
    assert_eq!(items[0]["date"], "2025-10-17");
    assert_eq!(
        items[2]["title"],
        "MI5 Director General gives annual threat update"
    );
    assert_eq!(items[2]["date"], "2024-10-09");
    assert_eq!(items[2]["author"], "Polly Jones");
    assert!(items.iter().all(|d| d["role"] == "secondary"));
    let bytes = std::fs::read(root().join("corpus").join(FEED)).unwrap();
    for d in &items {
        let (a, b) = (
            d["start"].as_u64().unwrap() as usize,
            d["end"].as_u64().unwrap() as usize,
        );
        let text = std::str::from_utf8(&bytes[a..b]).unwrap();
        assert!(text.starts_with(d["title"].as_str().unwrap()), "{text:.80}");
        assert!(text.ends_with("#comments"), "{}", &text[text.len() - 40..]);
    }
}

#[test]
fn human_output_points_at_file_line_col() {
    let out = stemma(&["dedup", "corpus"], &root());
    assert_eq!(out.status.code(), Some(0));
    let s = stdout(&out);
    assert!(s.contains(&format!("corpus/{SPEECH_2024}:")), "{s}");
    assert!(
        s.lines().last().unwrap().contains("duplicate clusters"),
        "{s}"
    );
}

#[test]
fn json_is_deterministic_across_thread_counts() {
    let one = stemma(
        &["dedup", "corpus", "--format", "json", "--threads", "1"],
        &root(),
    );
    let two = stemma(
        &["dedup", "corpus", "--format", "json", "--threads", "2"],
        &root(),
    );
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn sentence_level_finds_a_sentence_copied_into_another_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let shared =
        "The committee said the new rules would apply to every member state from next year.";
    std::fs::write(
        dir.path().join("a.txt"),
        format!("An opening sentence about something else entirely here. {shared} A closing remark that has nothing to do with it.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("Different words start this paragraph in another way. {shared}\n"),
    )
    .unwrap();
    let para = json(&stemma(&["dedup", ".", "--format", "json"], dir.path()));
    assert!(para["duplicates"].as_array().unwrap().is_empty(), "{para}");
    let sent = json(&stemma(
        &["dedup", ".", "--format", "json", "--level", "sentence"],
        dir.path(),
    ));
    let dups = sent["duplicates"].as_array().unwrap();
    assert_eq!(dups.len(), 1, "{sent}");
    assert_eq!(dups[0]["kind"], "exact");
    for s in dups[0]["spans"].as_array().unwrap() {
        assert_eq!(s["text"], shared);
    }
}

#[test]
fn output_goes_to_a_file_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = stemma(
        &[
            "dedup",
            "corpus",
            "--format",
            "json",
            "-o",
            report.to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["schema"], "stemma.dedup/1");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    // A device is written in place, never replaced.
    let out = stemma(&["dedup", "corpus", "-o", "/dev/null"], &root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}
