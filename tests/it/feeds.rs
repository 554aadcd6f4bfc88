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
