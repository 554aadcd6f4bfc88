use crate::util::*;

const PARA: &str = "The committee said the new rules would apply to every member state from next year, with no exceptions.";

#[test]
fn rss_items_with_escaped_and_cdata_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let escaped = PARA.replace("every", "&amp;#101;very");
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<rss><channel><title>News</title>\n\
<item><title>First &amp; foremost</title><link>https://example.org/1</link>\
<pubDate>Tue, 14 Oct 2025 10:19:57 +0000</pubDate><dc:creator>A. Writer</dc:creator>\
<description>&lt;p&gt;{escaped}&lt;/p&gt;&lt;p&gt;Read more&lt;/p&gt;</description></item>\n\
<item><title>Second</title><link>https://example.org/2</link>\
<pubDate>Wed, 15 Oct 2025 08:00:00 +0000</pubDate>\
<description><![CDATA[<p>Intro.</p><p>{PARA}</p>]]></description></item>\n\
</channel></rss>\n"
    );
    std::fs::write(dir.path().join("feed.xml"), &feed).unwrap();
    std::fs::write(
        dir.path().join("stemma.toml"),
        "[[document]]\npath = \"feed.xml\"\nrole = \"feed\"\n",
    )
    .unwrap();
    let out = stemma(&["dedup", ".", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "feed.xml#1");
    assert_eq!(docs[0]["title"], "First & foremost");
    assert_eq!(docs[0]["date"], "2025-10-14");
    assert_eq!(docs[0]["author"], "A. Writer");
    assert_eq!(docs[1]["date"], "2025-10-15");
    let dup = &v["duplicates"][0];
    assert_eq!(dup["kind"], "exact", "{v}");
    let spans: Vec<&serde_json::Value> = dup["spans"].as_array().unwrap().iter().collect();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0]["doc"], "feed.xml#1");
    // The escaped copy's span is the escaped bytes, entity and all.
    assert!(
        spans[0]["text"]
            .as_str()
            .unwrap()
            .contains("&amp;#101;very")
    );
    assert_eq!(spans[1]["text"], PARA);
    assert_spans_exact(dir.path(), &spans);
}

const BRIEFING: &str = "Press briefing by Professor Ruth Hale, chief investigator of the HALCYON trial\n\n\
Good afternoon. Today we are publishing the full results of the HALCYON trial of cendralimab in 1,240 patients with severe COPD across 14 countries.\n\n\
Over 52 weeks, patients given cendralimab had 27 per cent fewer hospital admissions for flare-ups than those given placebo.\n\n\
It is not a drug for everyone with COPD. It worked in patients with raised eosinophil counts, and we saw no benefit in the others.\n\n\
The manufacturer, Helix Thoracic, intends to apply to the Medicines Agency and the European regulator in the first quarter of 2026, \
provided that the extension data received by then do not raise any new safety concern.\n";

#[test]
fn a_feed_item_of_two_sentences_needs_one_retold_sentence_as_evidence() {
    // The item's second sentence retells the briefing's last in other
    // words (no shared run of three words): placed by its content, its
    // dropped condition is reported.
    let item = "<?xml version=\"1.0\"?>\n<rss><channel><title>Health desk</title>\n\
<item><title>COPD jab cuts admissions, trial shows</title><link>https://example.org/1</link>\
<pubDate>Thu, 09 Oct 2025 15:30:00 +0100</pubDate>\
<description>&lt;p&gt;Professor Ruth Hale said cendralimab was &#8216;not a drug for everyone with COPD&#8217; \
but cut hospital admissions by 27%.&lt;/p&gt;&lt;p&gt;Manufacturer Helix Thoracic will apply to regulators in early 2026.&lt;/p&gt;\
</description></item>\n</channel></rss>\n";
    let found = audit_manifest(&[
        (
            "primary/briefing.txt",
            "role = \"primary\"\ndate = \"2025-10-09\"\ntitle = \"Press briefing on the HALCYON trial\"",
            BRIEFING,
        ),
        ("secondary/feed.xml", "role = \"feed\"", item),
    ]);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|f| {
            let text = f["secondary"]["text"].as_str().unwrap();
            (f["kind"].as_str().unwrap(), text)
        })
        .collect();
    assert_eq!(kinds.len(), 2, "{found:#?}");
    assert_eq!(kinds[0].0, "verbatim", "{found:#?}");
    assert_eq!(kinds[1].0, "truncation", "{found:#?}");
    assert!(
        kinds[1].1.starts_with("Manufacturer Helix Thoracic"),
        "{found:#?}"
    );
}

const LAUNCH: &str = "Press briefing on the Vireo-2 launch anomaly\n\n\
At 06:15:04 UTC, 154 seconds after lift-off, the range safety officer activated the flight termination system. \
Debris fell into the sea about 410 kilometres downrange.\n\n\
What we do not yet know is why the second-stage engine did not reach full thrust. We have 2,900 channels of \
telemetry to go through. The Vireo-1 failure in 2022 was a first-stage problem, and the first stage worked \
perfectly today. So on what we know this morning, there is no sign it's the same fault.\n\n\
The next flight was planned for March. We will not set a new date until the investigation board reports.\n";

/// A feed of one item with `body` (escaped HTML), audited against the
/// launch briefing: the findings' kinds.
fn launch_item(body: &str) -> Vec<String> {
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<rss><channel><title>Science desk</title>\n\
<item><title>Vireo-2 destroyed after lift-off</title><link>https://example.org/1</link>\
<pubDate>Tue, 14 Oct 2025 12:40:00 +0000</pubDate><description>{body}</description></item>\n</channel></rss>\n"
    );
    let found = audit_manifest(&[
        (
            "primary/briefing.txt",
            "role = \"primary\"\ndate = \"2025-10-14\"\ntitle = \"Press briefing on the Vireo-2 launch anomaly\"",
            LAUNCH,
        ),
        ("secondary/feed.xml", "role = \"feed\"", &feed),
    ]);
    found
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_short_verbatim_quotations_are_evidence_of_reuse() {
    // No passage copies ten words, but two quotations of the briefing,
    // from two places of it, are the speaker's words: the item is traced.
    let kinds = launch_item(
        "&lt;p&gt;Launch director Jonas Lind said the first stage had worked perfectly and that \
         &quot;there is no sign it's the same fault&quot; behind a 2022 failure. The agency has \
         &quot;2,900 channels of telemetry to go through&quot;, he said.&lt;/p&gt;",
    );
    assert!(
        kinds.iter().filter(|k| *k == "verbatim").count() >= 2,
        "{kinds:?}"
    );
}

#[test]
fn a_short_item_retelling_a_primary_in_two_sentences_is_traced() {
    // Two sentences, both aligned to the briefing, ten words and more
    // matched between them; the second writes the pound sign as an entity
    // (no word dropped where the source spells out "pounds").
    let found = audit_manifest(&[
        (
            "primary/statement.txt",
            "role = \"primary\"\ndate = \"2025-08-14\"\ntitle = \"Statement on the results\"",
            "Results statement\n\nThat is why, from January, we will extend the Northern Tutoring Programme \
             to every secondary school in the Northern and Western regions. It will be funded with \
             240 million pounds over three years, and schools will report every term.\n",
        ),
        (
            "secondary/feed.xml",
            "role = \"feed\"",
            "<?xml version=\"1.0\"?>\n<rss><channel><title>Desk</title>\n\
<item><title>Tutoring scheme extended</title><link>https://example.org/2</link>\
<pubDate>Thu, 14 Aug 2025 10:15:00 +0000</pubDate><description>&lt;p&gt;The Northern Tutoring \
Programme will be extended to every secondary school in the regions from January, the minister \
said.&lt;/p&gt;&lt;p&gt;The scheme will be funded with &amp;pound;240 million over three \
years.&lt;/p&gt;</description></item>\n</channel></rss>\n",
        ),
    ]);
    let kinds: Vec<&str> = found.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.len(), 2, "{found:#?}");
    assert!(!kinds.contains(&"copy_error"), "{found:#?}");
}

#[test]
fn a_feed_items_title_is_audited_as_its_headline() {
    // The title quotes the speaker with a word added; the body is faithful.
    let feed = "<?xml version=\"1.0\"?>\n<rss><channel><title>Science desk</title>\n\
<item><title>Vireo-2: &quot;there is no sign of the same fault&quot;</title><link>https://example.org/1</link>\
<pubDate>Tue, 14 Oct 2025 12:40:00 +0000</pubDate><description>&lt;p&gt;The agency has 2,900 channels of \
telemetry to go through, and the next flight was planned for March. \
&quot;We will not set a new date until the investigation board reports,&quot; it said.&lt;/p&gt;\
</description></item>\n</channel></rss>\n";
    let found = audit_manifest(&[
        (
            "primary/briefing.txt",
            "role = \"primary\"\ndate = \"2025-10-14\"\ntitle = \"Press briefing on the Vireo-2 launch anomaly\"",
            LAUNCH,
        ),
        ("secondary/feed.xml", "role = \"feed\"", feed),
    ]);
    let title: Vec<&serde_json::Value> = found
        .iter()
        .filter(|f| {
            let text = f["secondary"]["text"].as_str().unwrap();
            text.contains("same fault")
        })
        .collect();
    assert_eq!(title.len(), 1, "{found:#?}");
    assert_eq!(title[0]["kind"], "misquote", "{found:#?}");
    assert!(
        title[0]["secondary"]["text"]
            .as_str()
            .unwrap()
            .contains("&quot;there is no sign of the same fault&quot;"),
        "{found:#?}"
    );
}
