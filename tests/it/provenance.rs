//! `stemma provenance` and the `provenance` part of the audit contract:
//! who draws on which primary, and who copied whom (shared deviations).

use serde_json::Value;

use crate::util::*;

const SPEECH_2024: &str = "primary/2024-10-08_mi5-director-general-threat-update_speech.txt";
const SPEECH_2021: &str = "primary/2021-07-14_mi5-director-general-annual-threat-update_speech.txt";
const MAGAZINE: &str = "secondary/2024-10_mi5-threat-update-2024_magazine-article.txt";
const SUMMARY_2025: &str = "secondary/2025-10_mi5-threat-update-2025_news-summary.txt";
const FEED: &str = "secondary/counter-terror-business_threat-landscape_rss-feed-dump.txt";

fn edges(v: &Value) -> Vec<&Value> {
    v["provenance"].as_array().unwrap().iter().collect()
}

fn edge<'a>(v: &'a Value, relation: &str, a: &str, b: &str) -> Option<&'a Value> {
    edges(v).into_iter().find(|e| {
        e["relation"] == relation
            && ((e["from"] == a && e["to"] == b) || (e["from"] == b && e["to"] == a))
    })
}

#[test]
fn bundled_corpus_graph() {
    let out = stemma(&["provenance", "corpus", "--format", "json"], &root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["schema"], "stemma.provenance/1");
    let feed3 = format!("{FEED}#3");
    // Both pieces of 2024 coverage derive from the 2024 speech, with
    // coverage both ways.
    for doc in [feed3.as_str(), MAGAZINE] {
        let e = edge(&v, "derives_from", doc, SPEECH_2024).expect(doc);
        assert_eq!(e["from"], doc);
        let (from, to) = (
            e["coverage"]["from"].as_f64().unwrap(),
            e["coverage"]["to"].as_f64().unwrap(),
        );
        assert!((0.6..0.9).contains(&from), "{doc}: {from}");
        assert!((0.15..0.35).contains(&to), "{doc}: {to}");
        let count = e["evidence"][0]["count"].as_u64().unwrap();
        assert!(count > 30, "{e:#}");
        assert_eq!(e["evidence"][0]["by_kind"]["truncation"], 1, "{e:#}");
    }
    // They share many deviations from the speech.
    let copies = edge(&v, "copies", &feed3, MAGAZINE).expect("copies edge");
    let shared: Vec<&Value> = copies["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["type"] == "shared_deviation")
        .collect();
    assert!(shared.len() >= 20, "{}", shared.len());
    for x in &shared {
        let docs = [x["from"]["doc"].as_str(), x["to"]["doc"].as_str()];
        assert!(docs.contains(&Some(feed3.as_str())) && docs.contains(&Some(MAGAZINE)));
        assert_eq!(x["source"]["doc"], SPEECH_2024);
    }
    // The shared typo of both ("However it is difficult to separated").
    assert!(
        shared
            .iter()
            .any(|x| x["from"]["text"].as_str().unwrap().contains("separated")),
        "{copies:#}"
    );
    assert_ne!(copies["direction"], "roles");
    assert!(!copies["reason"].as_str().unwrap().is_empty());
    // The 2025 coverage derives from no speech; the 2021 speech has no
    // derived documents; unrelated feed items are on no edge.
    for doc in [SUMMARY_2025, &format!("{FEED}#1"), &format!("{FEED}#2")] {
        assert!(
            edges(&v).iter().all(|e| e["from"] != doc && e["to"] != doc),
            "{doc}"
        );
    }
    assert!(edges(&v).iter().all(|e| e["to"] != SPEECH_2021));
    assert_eq!(
        edges(&v).len(),
        3,
        "two derives_from and one copies edge: {:#?}",
        v["provenance"]
    );
}

const SPEECH: &str = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. \
Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder. \
Sadly, 13% of all those being investigated for involvement in terrorism are under 18. \
We will not let these threats go unanswered, and we will keep working with our partners across Europe. \
The alternative is allowing child abusers and terrorists to operate at scale, without fear of consequences.\n";

/// A copy of the speech with two deviations of its own (its own framing
/// of the first sentence, and "together" dropped).
const COPY_A: &str = "Speaking in London, the spy chief recalled that since March 2017, MI5 and the police have disrupted 43 late-stage attack plots. \
Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder. \
Worryingly, 13% of all those being investigated for involvement in terrorism are under 18.\n";

/// COPY_A with one more deviation: it keeps A's and adds its own.
const COPY_B: &str = "Speaking in London, the spy chief recalled that since March 2017, MI5 and the police have disrupted 43 late-stage attack plots. \
Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning murder. \
Worryingly, 13% of all those being investigated for involvement in terrorism are under 18.\n";

/// A copy of the speech with other deviations than A's.
const COPY_C: &str = "Since March 2017, MI5 and the police have together disrupted 43 plots. \
Some plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder. \
Sadly, 13% of all people being investigated for involvement in terrorism are under 18.\n";

fn corpus(files: &[(&str, &str)], manifest: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("c")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("c").join(name), text).unwrap();
    }
    if let Some(m) = manifest {
        std::fs::write(dir.path().join("c/stemma.toml"), m).unwrap();
    }
    dir
}

fn graph(dir: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["provenance", "--format", "json"];
    all.extend_from_slice(args);
    let out = stemma(&all, dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)
}

#[test]
fn direction_from_dates() {
    // B is older by its date: dates decide, even against closeness.
    let manifest = "[[document]]\npath = \"speech.txt\"\nrole = \"primary\"\ndate = \"2024-01-02\"\n\n\
        [[document]]\npath = \"a.txt\"\nrole = \"secondary\"\ndate = \"2024-03\"\n\n\
        [[document]]\npath = \"b.txt\"\nrole = \"secondary\"\ndate = \"2024-02-01\"\n";
    let dir = corpus(
        &[("speech.txt", SPEECH), ("a.txt", COPY_A), ("b.txt", COPY_B)],
        Some(manifest),
    );
    let v = graph(dir.path(), &["c"]);
    let e = edge(&v, "copies", "a.txt", "b.txt").expect("copies edge");
    assert_eq!(e["from"], "a.txt", "{e:#}");
    assert_eq!(e["direction"], "dates");
    assert!(e["reason"].as_str().unwrap().contains("2024-03"), "{e:#}");
}

#[test]
fn direction_from_closeness_to_the_source() {
    let dir = corpus(
        &[("speech.txt", SPEECH), ("a.txt", COPY_A), ("b.txt", COPY_B)],
        None,
    );
    let v = graph(dir.path(), &["c", "--primary", "c/speech.txt"]);
    let e = edge(&v, "copies", "a.txt", "b.txt").expect("copies edge");
    // B keeps A's deviations and adds one: B copied A.
    assert_eq!(e["from"], "b.txt", "{e:#}");
    assert_eq!(e["direction"], "closer_to_source");
    let ops: Vec<&str> = e["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["op"].as_str())
        .collect();
    assert!(ops.len() >= 2, "{e:#}");
    assert_eq!(e["coverage"]["to"], 1.0, "all of A's deviations are in B");
    assert!(e["coverage"]["from"].as_f64().unwrap() < 1.0);
    // Identical copies: no way to tell who came first.
    let dir = corpus(
        &[("speech.txt", SPEECH), ("a.txt", COPY_A), ("b.txt", COPY_A)],
        None,
    );
    let v = graph(dir.path(), &["c", "--primary", "c/speech.txt"]);
    let e = edge(&v, "copies", "a.txt", "b.txt").expect("copies edge");
    assert_eq!(e["direction"], "undetermined", "{e:#}");
}

#[test]
fn independent_copies_are_not_linked() {
    // A and C both copy the speech, each with deviations of its own.
    let dir = corpus(
        &[("speech.txt", SPEECH), ("a.txt", COPY_A), ("c.txt", COPY_C)],
        None,
    );
    let v = graph(dir.path(), &["c", "--primary", "c/speech.txt"]);
    assert!(edge(&v, "derives_from", "a.txt", "speech.txt").is_some());
    assert!(edge(&v, "derives_from", "c.txt", "speech.txt").is_some());
    assert!(edge(&v, "copies", "a.txt", "c.txt").is_none(), "{v:#}");
    assert_spans_exact(&dir.path().join("c"), &all_spans(&v));
}

#[test]
fn a_shared_house_style_is_no_evidence_of_copying() {
    // Both write "latestage" and "fire-arms" for the speech's "late-stage"
    // and "firearms": the same words written another way, not deviations.
    let d = "Since March 2017, MI5 and the police have together disrupted 43 latestage attack plots. \
Some of those plotters were trying to get hold of fire-arms and explosives, in the final days of planning mass murder.\n";
    // (Paragraphs cut differently, so that no paragraph of one is a near
    // duplicate of the other's: shared text is evidence of its own.)
    let e = "Since March 2017, MI5 and the police have together disrupted 43 latestage attack plots.\n\n\
Some of those plotters were trying to get hold of fire-arms and explosives, in the final days of planning mass murder. \
We will not let these threats go unanswered, and we will keep working with our partners across Europe.\n";
    let dir = corpus(&[("speech.txt", SPEECH), ("d.txt", d), ("e.txt", e)], None);
    let v = graph(dir.path(), &["c", "--primary", "c/speech.txt"]);
    assert!(
        edge(&v, "derives_from", "d.txt", "speech.txt").is_some(),
        "{v:#}"
    );
    assert!(edge(&v, "copies", "d.txt", "e.txt").is_none(), "{v:#}");
}

#[test]
fn quoting_the_same_paragraphs_is_not_copying() {
    // Both quote the speech's first two sentences as one paragraph of
    // their own (the speech has them in a longer one): the paragraphs are
    // near duplicates of each other, but the text is the primary's.
    let d = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. \
Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder.\n";
    let e = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots. \
Some of those plotters were trying to get hold of firearms and explosives, in the final days of planning mass murder. \
Sadly, 13% of all those being investigated for involvement in terrorism are under 18.\n";
    let dir = corpus(&[("speech.txt", SPEECH), ("d.txt", d), ("e.txt", e)], None);
    let v = graph(dir.path(), &["c", "--primary", "c/speech.txt"]);
    assert!(
        edge(&v, "derives_from", "e.txt", "speech.txt").is_some(),
        "{v:#}"
    );
    assert!(edge(&v, "copies", "d.txt", "e.txt").is_none(), "{v:#}");
}

#[test]
fn dot_and_mermaid_views() {
    let dir = corpus(
        &[("speech.txt", SPEECH), ("a.txt", COPY_A), ("b.txt", COPY_B)],
        None,
    );
    let run = |format: &str| {
        let out = stemma(
            &[
                "provenance",
                "c",
                "--primary",
                "c/speech.txt",
                "--format",
                format,
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let dot = run("dot");
    assert!(dot.starts_with("digraph stemma {"), "{dot}");
    assert!(
        dot.contains("\"b.txt\" -> \"a.txt\" [label=\"copies: "),
        "{dot}"
    );
    assert!(dot.contains("\"a.txt\" -> \"speech.txt\""), "{dot}");
    assert!(dot.trim_end().ends_with('}'));
    let mermaid = run("mermaid");
    assert!(mermaid.starts_with("flowchart RL\n"), "{mermaid}");
    assert!(mermaid.contains(" -.->|\"copies: "), "{mermaid}");
    let human = run("human");
    assert!(human.contains("copied from  a.txt"), "{human}");
    assert!(human.contains("speech.txt (primary)"), "{human}");
}

#[test]
fn he_said_is_no_shared_deviation() {
    // Two writers quote the same two sentences, each with "he said" after
    // them: every writer does that, so neither copied the other.
    let speech = "Patients deserve to know what they are walking into, and hospitals deserve credit when they get it right. We will continue to monitor the data every single week, and we will share what we find with the public.\n";
    let quotes = "\"Patients deserve to know what they are walking into, and hospitals deserve credit when they get it right,\" he said.\n\n\"We will continue to monitor the data every single week, and we will share what we find with the public,\" he said.\n";
    // Two articles of their own words around the same quotations.
    let linked = |quotes: &str| {
        let x = format!(
            "The health secretary spoke in Washington on Wednesday about rural care.\n\n{quotes}"
        );
        let y = format!(
            "Daniel Okafor laid out a three-part plan for hospitals at a briefing attended by nurses.\n\n{quotes}"
        );
        let dir = corpus(
            &[("speech.txt", speech), ("x.txt", &x), ("y.txt", &y)],
            None,
        );
        let v = graph(dir.path(), &["c", "--primary", "c/speech.txt"]);
        edge(&v, "copies", "x.txt", "y.txt").is_some()
    };
    assert!(!linked(quotes));
    // A framing of their own that both share is evidence.
    assert!(linked(&quotes.replace("he said", "he said, visibly moved")));
}

#[test]
fn a_stock_phrase_of_a_second_primary_is_no_evidence_of_it() {
    // The story copies the match report; its own sentence shares "due to be
    // ... in the spring" with the council report. Evidence of reuse is
    // needed of each source, not of one.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("primary")).unwrap();
    let report = "Rovers finished the match with ten men after defender Callum Price received a second yellow card for a late challenge on Lowther in the 96th minute. City pressed for a winner and found it in the 112th minute, when 19-year-old Noah Pereira, making only his fifth senior appearance, turned in a cross from Marr at the far post.\n";
    std::fs::write(dir.path().join("primary/match.txt"), report).unwrap();
    std::fs::write(
        dir.path().join("primary/council.txt"),
        "The council has since changed its payment rules. An independent review of its financial controls is due to be published in the spring.\n",
    )
    .unwrap();
    let story = format!(
        "Wexley's new leisure centre opened to the public on Monday, three months later than planned.\n\n{report}\nThe old Mill Road baths are due to be demolished in the spring, with the site earmarked for housing.\n"
    );
    std::fs::write(dir.path().join("story.txt"), story).unwrap();
    let out = stemma(
        &["audit", ".", "--primary", "primary", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let sources: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["source"]["path"].as_str())
        .collect();
    assert!(!sources.is_empty(), "{v:#?}");
    assert!(
        sources.iter().all(|p| p.ends_with("match.txt")),
        "{sources:?}"
    );
    let to_council = edges(&v)
        .into_iter()
        .any(|e| e["to"].as_str().is_some_and(|t| t.ends_with("council.txt")));
    assert!(!to_council, "{:#?}", v["provenance"]);
    let to_match = edges(&v)
        .into_iter()
        .any(|e| e["to"].as_str().is_some_and(|t| t.ends_with("match.txt")));
    assert!(to_match, "{:#?}", v["provenance"]);
}

#[test]
fn shared_deviations_inside_a_quotation_that_runs_on_are_placed_exactly() {
    // The finding starts at the quotation's opening mark (its span holds
    // the closing one): the pieces of its shared deviations are placed
    // within that span, to the byte.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("primary")).unwrap();
    std::fs::write(
        dir.path().join("primary/address.txt"),
        "Families in the declared areas can apply for help with repairs and temporary housing. That assistance is a grant, and nobody will ever have to pay it back. We will keep every office open until the work is done.\n",
    )
    .unwrap();
    let story = "Families in the declared areas can apply for help with repairs and temporary housing. \u{201c}That assistance is a grant, and nobody will ever have to pay any of it back,\u{201d} the president said. She said every office would stay open until the work was done.\n";
    std::fs::write(dir.path().join("wire.txt"), story).unwrap();
    std::fs::write(dir.path().join("reprint.txt"), story).unwrap();
    let out = stemma(
        &["audit", ".", "--primary", "primary", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let copies = edge(&v, "copies", "wire.txt", "reprint.txt").expect("copies edge");
    let shared: Vec<&Value> = copies["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "shared_deviation")
        .collect();
    assert!(!shared.is_empty(), "{copies:#}");
    assert_spans_exact(dir.path(), &all_spans(&v));
}
