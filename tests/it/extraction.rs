//! Text as extraction tools leave it (PDF to text, hard wrapping): words
//! broken by a hyphen at a line's end, ligatures, full-width forms. None of
//! them is an edit of the source. Nor is a Markdown page's front matter
//! text: it is the page's metadata.

use crate::audit::{compare_to, only};

const SPEECH: &str = "We have identified significant threats to national security, and we will not hesitate to act against those who seek to harm our citizens. \
The well-known risks of online radicalisation remain.\n";

#[test]
fn words_broken_at_line_ends_are_whole_words() {
    // Hard-wrapped at about 40 columns, three words broken by hyphens, one
    // line ending in CRLF, one indented.
    let article = "In her speech she said: \"We have identified\n\
significant threats to national securi-\n\
ty, and we will not hesitate to act ag-\r\n\
  ainst those who seek to harm our citi-\n\
zens.\"\n";
    let f = compare_to(SPEECH, article);
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    // The span is the original bytes, hyphens and breaks included.
    assert!(
        f["secondary"]["text"]
            .as_str()
            .unwrap()
            .contains("securi-\nty")
    );
}

#[test]
fn a_compound_broken_at_its_own_hyphen_is_not_an_edit() {
    let article = "Officials said the well-\nknown risks of online radicalisation remain.\n";
    let f = compare_to(SPEECH, article);
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    assert_eq!(f["edits"].as_array().unwrap().len(), 0, "{f:#}");
}

#[test]
fn a_hyphen_before_a_capital_or_a_space_still_breaks() {
    // "anti-\nAmerican" keeps its two words; "risks -\nonline" is a dash.
    let speech = "They spread anti-American propaganda across the region, the minister said.\n";
    let f = compare_to(
        speech,
        "They spread anti-\nAmerican propaganda across the region.\n",
    );
    assert_eq!(only(&f)["kind"], "verbatim", "{f:#?}");
}

#[test]
fn ligatures_and_full_width_letters_are_not_misquotes() {
    let article = "She said: \"We have identiﬁed signiﬁcant threats to national security, and we will not hesitate to act.\"\n";
    let f = compare_to(SPEECH, article);
    let f = only(&f);
    assert_ne!(f["kind"], "misquote", "{f:#}");
    let edits = f["edits"].as_array().unwrap();
    assert!(
        edits
            .iter()
            .all(|e| !e["secondary"].as_str().unwrap().contains('ﬁ')),
        "{f:#}"
    );
}

#[test]
fn a_number_word_broken_at_its_hyphen_is_still_a_number() {
    let speech = "Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots across the country.\n";
    let article = |n: &str| {
        format!(
            "Since March 2017, MI5 and the police have together disrupted {n} late-stage attack plots across the country.\n"
        )
    };
    let f = compare_to(speech, &article("forty-\nthree"));
    assert_eq!(only(&f)["kind"], "verbatim", "{f:#?}");
    let f = compare_to(speech, &article("twenty-\nthree"));
    assert_eq!(only(&f)["kind"], "numeric_change", "{f:#?}");
}

#[test]
fn a_sentence_cut_by_a_page_break_is_one_sentence() {
    // PDF text: the page's footer and the next page's header sit in the
    // middle of a sentence of the speech.
    let speech = "Prime Minister's speech on security\n\nGood morning. We have identified significant threats to national security, and we\nwill not hesitate to act against those who seek to harm our citizens. Since\n\nPage 2 of 5\nOFFICIAL\n\nJuly, the number of state threat investigations has risen by 48 per cent, and\nwe have disrupted 20 plots presenting potentially lethal threats.\n\nPage 3 of 5\nOFFICIAL\n\nOur partners across Europe stand with us.\n";
    let f = compare_to(
        speech,
        "The Prime Minister said: \"Since July, the number of state threat investigations has risen by 48 per cent, and we have disrupted 20 plots presenting potentially lethal threats.\"\n",
    );
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    // The source span is the file's bytes, page lines included.
    let text = f["source"]["text"].as_str().unwrap();
    assert!(text.starts_with("Since\n\nPage 2 of 5"), "{f:#}");
}

#[test]
fn markdown_front_matter_is_metadata_not_text() {
    // A static-site page: its title, in quotation marks, reworded from the
    // speech, would read as a misquote if it were text.
    let article = "---\ntitle: \"We will not hesitate to act against radicalisation\"\nauthor: Dana Wells\ndate: 2026-05-14\n---\n\nThe minister said: \"The well-known risks of online radicalisation remain.\"\n";
    let f = compare_to(SPEECH, article);
    let f = only(&f);
    assert_eq!(f["kind"], "verbatim", "{f:#}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("speech.txt"), SPEECH).unwrap();
    std::fs::write(dir.path().join("page.md"), article).unwrap();
    let out = crate::util::stemma(
        &["compare", "speech.txt", "page.md", "--format", "json"],
        dir.path(),
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    let page = docs.iter().find(|d| d["id"] == "page.md").unwrap();
    assert_eq!(
        page["title"],
        "We will not hesitate to act against radicalisation"
    );
    assert_eq!(page["author"], "Dana Wells");
    assert_eq!(page["date"], "2026-05-14");
}
