//! Whose words a quotation is: coverage of a speech quotes other people
//! too, and a quotation the writer gives to someone else is no misquote of
//! the speaker (it is unsupported: the corpus holds no source for it).

use serde_json::Value;

use crate::audit::{compare, message};

/// The findings that hold a quotation, as (kind, quoted text, message).
fn quotations(findings: &[Value]) -> Vec<(String, String, String)> {
    findings
        .iter()
        .filter(|f| f["in_quotes"] == true && f["source"].is_null())
        .map(|f| {
            let text = f["secondary"]["text"].as_str().unwrap().to_string();
            (
                f["kind"].as_str().unwrap().to_string(),
                text,
                message(f).to_string(),
            )
        })
        .collect()
}

/// Each quotation's kind and whom the message gives it to (empty where it
/// names no one).
fn given_to(q: &[(String, String, String)]) -> Vec<(&str, &str)> {
    q.iter()
        .map(|(kind, _, m)| {
            let who = m
                .strip_prefix("quotation attributed to “")
                .and_then(|m| m.split_once('”'))
                .map_or("", |(w, _)| w);
            (kind.as_str(), who)
        })
        .collect()
}

#[test]
fn other_speakers_quotations_are_unsupported_not_misquotes() {
    let f = compare(
        "MI5 chief Ken McCallum said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         Labour's home affairs spokesman said the figures were “deeply alarming for every family in the country”.\n\n\
         “We have never been safer than we are today,” said the minister.\n\n\
         According to the Home Office, the numbers were “broadly in line with what we expected”.\n\n\
         Yvette Cooper, the shadow home secretary, called the speech “a wake-up call for the government”. \
         She added: “Ministers must act before it is far too late.”\n\n\
         A mother whose son was recruited by a gang at the age of 14 said: “They bought him with a pair of trainers.”\n",
    );
    let q = quotations(&f);
    let who = given_to(&q);
    assert_eq!(
        who,
        [
            ("unsupported", "Labour's home affairs spokesman"),
            ("unsupported", "the minister"),
            ("unsupported", "the Home Office"),
            ("unsupported", "Yvette Cooper, the shadow home secretary"),
            ("unsupported", "Yvette Cooper, the shadow home secretary"),
            ("unsupported", "A mother"),
        ],
        "{q:#?}"
    );
}

#[test]
fn the_speakers_own_unfound_words_stay_misquotes() {
    // Named, named after an apposition, named after the quotation, and a
    // pronoun that stands for the speaker: all the speaker's words.
    let f = compare(
        "Ken McCallum, the head of MI5, said the danger was “at a level never seen before in this country”.\n\n\
         He said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         “We will never be cowed by anyone who wishes us harm,” McCallum said.\n\n\
         “Nobody should doubt our resolve for a single moment,” he added.\n",
    );
    let q = quotations(&f);
    let kinds: Vec<&str> = q.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(kinds, ["misquote", "misquote", "misquote"], "{q:#?}");
    assert!(
        q.iter()
            .all(|(_, _, m)| m.starts_with("quotation not found in the source"))
    );
}

#[test]
fn a_quotation_without_a_speaker_named_stays_a_misquote() {
    // The writer never names whoever speaks the source's words: nothing to
    // tell the speaker from anyone else by.
    let f = compare(
        "MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         The agency said the danger was “at a level never seen before in this country”.\n",
    );
    let q = quotations(&f);
    let kinds: Vec<&str> = q.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(kinds, ["misquote"], "{q:#?}");
}

#[test]
fn a_name_tells_people_apart_where_titles_overlap() {
    // The shadow home secretary shares words with the Home Secretary, who
    // speaks: the name decides. A relative clause is no subject; a
    // quotation that goes on past its sentence, or follows another in a
    // sentence of its own, keeps its speaker.
    let f = compare(
        "Home Secretary Yvette Cooper said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         Shadow home secretary Chris Philp said the figures were “a gimmick that will not stop a single plot”.\n\n\
         “This is a rebadging exercise, nothing more,” said Mr Philp. “Ministers should think again about all of it.”\n\n\
         Ms Cooper, who was speaking in Dover, said: “We will close every loophole within twelve months.”\n\n\
         “These are made-up numbers. Everybody knows it,” Mr Philp said.\n",
    );
    let q = quotations(&f);
    let got: Vec<(&str, &str)> = q
        .iter()
        .map(|(kind, text, _)| (kind.as_str(), text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("unsupported", "a gimmick that will not stop a single plot"),
            ("unsupported", "This is a rebadging exercise, nothing more"),
            (
                "unsupported",
                "Ministers should think again about all of it."
            ),
            (
                "misquote",
                "We will close every loophole within twelve months."
            ),
            ("unsupported", "These are made-up numbers."),
        ],
        "{q:#?}"
    );
}

#[test]
fn pronouns_neither_name_the_speaker_nor_cross_sexes() {
    // A traced sentence whose subject is a pronoun does not teach who the
    // speaker is (it may stand for the critic named before it); "she" does
    // not stand for "Mr Philp".
    let f = compare(
        "Labour MP Clive Lewis warned that “growth cannot be bought with more deregulation of anything”.\n\n\
         He said some of those plotters were trying to get hold of firearms and explosives.\n\n\
         Home Secretary Yvette Cooper said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         Mr Philp said the figures were “a gamble with the safety of everybody”.\n\n\
         She said: “Nobody should doubt our resolve for a single moment.”\n",
    );
    let q = quotations(&f);
    let kinds: Vec<(&str, &str)> = q.iter().map(|(k, t, _)| (k.as_str(), t.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (
                "unsupported",
                "growth cannot be bought with more deregulation of anything"
            ),
            ("unsupported", "a gamble with the safety of everybody"),
            (
                "misquote",
                "Nobody should doubt our resolve for a single moment."
            ),
        ],
        "{q:#?}"
    );
}

#[test]
fn a_pronoun_stands_for_a_titled_person_who_opens_a_sentence() {
    // "Mrs Price thanked ..." names no verb of saying, but "she said" after
    // it is hers, not the speaker's named further back; so is the quotation
    // that runs on over the next sentences.
    let f = compare(
        "MI5 chief Ken McCallum said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         The society's chair, Valerie Price, opened the flower show on Saturday.\n\n\
         Mrs Price thanked the volunteers who had spent three days putting up the marquees.\n\n\
         \u{201c}People think a flower show is about competition,\u{201d} she said. \u{201c}But mostly it is about a village spending a day together. We had three generations of one family in the same class.\u{201d}\n",
    );
    let q = quotations(&f);
    assert!(!q.is_empty(), "{f:#?}");
    assert!(
        q.iter()
            .all(|(kind, _, m)| kind == "unsupported" && m.contains("Mrs Price")),
        "{q:#?}"
    );
    let quoted: String = q.iter().map(|(_, t, _)| t.as_str()).collect();
    assert!(quoted.contains("We had three generations"), "{q:#?}");
}

#[test]
fn a_quotation_of_its_own_after_an_unattributed_one_keeps_its_speaker() {
    // The middle paragraph continues McCallum's words (none the speech
    // holds); the last quotation
    // is the analyst's, although it follows a sentence all quotation.
    let f = compare(
        "\u{201c}Since March 2017, MI5 and the police have together disrupted 43 late-stage attack plots,\u{201d} McCallum said.\n\n\
         \u{201c}Our vital work together has saved numerous lives.\u{201d}\n\n\
         \u{201c}The figures will alarm many families across the country, but they are no surprise,\u{201d} said Jane Smith, an analyst at the Institute.\n",
    );
    let q = quotations(&f);
    assert_eq!(q.len(), 2, "{f:#?}");
    // McCallum's, not in the speech: a misquote.
    assert_eq!(q[0].0, "misquote", "{q:#?}");
    assert_eq!(q[1].0, "unsupported", "{q:#?}");
    assert!(q[1].2.contains("Jane Smith"), "{q:#?}");
}

#[test]
fn a_quotation_over_two_paragraphs_keeps_its_speaker() {
    let f = compare(
        "MI5 chief Ken McCallum said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         \"These figures should alarm every family in the country.\n\n\
         \"Ministers must act before it is far too late,\" said Yvette Cooper, the shadow home secretary.\n",
    );
    let q = quotations(&f);
    assert_eq!(q.len(), 2, "{f:#?}");
    assert!(
        q.iter()
            .all(|(kind, _, m)| kind == "unsupported" && m.contains("Yvette Cooper")),
        "{q:#?}"
    );
}

#[test]
fn a_reader_who_emails_or_texts_is_someone_else() {
    let f = compare(
        "MI5 chief Ken McCallum said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         Mark in Ferrybridge emails: “We never hear about the plots that were never stopped.”\n\n\
         Sue from Leeds texts: “Thank you to everyone who keeps us safe every single day.”\n",
    );
    let q = quotations(&f);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q.iter().all(|(kind, _, _)| kind == "unsupported"), "{q:#?}");
}

#[test]
fn a_party_in_brackets_after_a_name_is_read_past() {
    let f = compare(
        "MI5 chief Ken McCallum said MI5 and the police have together disrupted 43 late-stage attack plots since March 2017.\n\n\
         Jim Pettigrew (Lib Dem) said: “The figures should worry every one of us in this town.”\n\n\
         Rep. Jim Jordan (R-Ohio) said the report was “a political document from start to finish”.\n",
    );
    let q = quotations(&f);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q.iter().all(|(kind, _, _)| kind == "unsupported"), "{q:#?}");
    assert!(q[0].2.contains("Jim Pettigrew"), "{q:#?}");
    assert!(q[1].2.contains("Jim Jordan"), "{q:#?}");
}

#[test]
fn the_speakers_words_in_coverage_of_another_speech_are_unsupported() {
    // The corpus holds one statement by the governor; a story covers a
    // lecture of hers it does not hold (its title shares little with the
    // statement's). What it quotes her as saying is in no source; what it
    // quotes others as saying, and the rest of the story, is not about her
    // words, and an unrelated story quoting no one of the corpus has nothing.
    let f = crate::util::audit_manifest(&[
        (
            "primary/statement.txt",
            "role = \"primary\"\ntitle = \"Monetary policy statement by Governor Helena Marsh\"",
            "The Monetary Policy Committee has decided to lower the official cash rate by a quarter of a percentage point, to 3.75%. Inflation has fallen faster than we expected.\n",
        ),
        (
            "lecture.txt",
            "role = \"secondary\"\ntitle = \"Governor warns of climate risk to banks\"",
            "Governor warns of climate risk to banks\n\nReserve Bank Governor Helena Marsh said on Wednesday that climate change posed a growing risk to the financial system.\n\n\"Climate change is a slow-moving stress test, and we cannot afford to fail it,\" Ms Marsh told students.\n\n\"Inflation has fallen faster than we expected, but that is no reason for complacency about the climate,\" she said.\n\n\"The governor is right, but words are not enough,\" said Nia Roberts of a campaign group.\n\nShe said the bank would publish its first climate scenario analysis in September.\n",
        ),
        (
            "match.txt",
            "role = \"secondary\"\ntitle = \"Rovers win at the death\"",
            "Rovers win at the death\n\nRovers manager Tom Marsh said: \"We never stopped believing in the plan.\"\n",
        ),
    ]);
    // (Her last quotation matches the statement loosely, in its first
    // seven words: a loose match is no source.)
    let quoted: Vec<&str> = f
        .iter()
        .map(|f| {
            assert_eq!(f["kind"], "unsupported", "{f:#?}");
            assert_eq!(f["secondary"]["doc"], "lecture.txt", "{f:#?}");
            assert!(message(f).contains("given to the speaker"), "{f:#?}");
            f["secondary"]["text"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        quoted,
        [
            "Climate change is a slow-moving stress test, and we cannot afford to fail it",
            "Inflation has fallen faster than we expected, but that is no reason for complacency about the climate"
        ],
        "{f:#?}"
    );
}

#[test]
fn another_persons_words_in_a_passage_traced_to_the_speech_are_theirs() {
    // The speech thanks Professor Adamczyk; the story quotes her. Her words
    // are no misquote of the speaker, however long the relative clause
    // between her name and the verb.
    let speech = "None of this would be possible without our people. I want to thank our staff, and in particular Professor Ruth Adamczyk, who retires this year after 28 years as head of ocean physics. Her work on the Skerran Current changed how we understand the whole northern shelf.\n";
    let story = "Dr Amara Keswick said her work on the Skerran Current changed how we understand the whole northern shelf.\n\n\
Professor Ruth Adamczyk, who retires after 28 years as head of ocean physics, told Coastwatch she was \"proud to leave the department in such good hands\".\n";
    let f = crate::audit::compare_to(speech, story);
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
    let q = quotations(&f);
    assert_eq!(q.len(), 1, "{f:#?}");
    assert_eq!(q[0].0, "unsupported", "{f:#?}");
    assert!(q[0].2.contains("“Professor Ruth Adamczyk”"), "{f:#?}");
    // The speaker's words changed there are still a misquote.
    let story = "Dr Keswick said Professor Ruth Adamczyk, who retires after 28 years as head of ocean physics, was \"proud to leave the department in such good hands\".\n";
    let f = crate::audit::compare_to(speech, story);
    assert!(f.iter().any(|f| f["kind"] == "misquote"), "{f:#?}");
}

#[test]
fn the_speakers_words_word_for_word_in_a_story_that_shows_no_reuse_are_verbatim() {
    // A story on another subject quotes the governor briefly: words the
    // statement holds word for word are hers, verbatim; others unsupported.
    let f = crate::util::audit_manifest(&[
        (
            "statement.txt",
            "role = \"primary\"\ntitle = \"Monetary policy statement by Governor Helena Marsh\"",
            "The Monetary Policy Committee has decided to lower the official cash rate by a quarter of a percentage point, to 3.75%. Inflation has fallen faster than we expected over the winter.\n",
        ),
        (
            "shops.txt",
            "role = \"secondary\"\ntitle = \"Shoppers shrug off the cut\"",
            "Shoppers in Harwick were unmoved on Thursday, and the high street was quiet.\n\nMarsh has said prices had \"fallen faster than we expected over the winter\", but traders on Mill Lane told another story.\n\nMs Marsh also called the cut \"a turning point for every household\".\n",
        ),
    ]);
    let kinds: Vec<(&str, &str)> = f
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap(),
                f["secondary"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("verbatim", "fallen faster than we expected over the winter"),
            ("unsupported", "a turning point for every household"),
        ],
        "{f:#?}"
    );
}

#[test]
fn the_speakers_words_elsewhere_than_a_loose_match_are_still_theirs() {
    // A brief takes its framing from a reporter's question and its quoted
    // words from the manager's answer: the sentence matches the question
    // loosely, the quotation his answer word for word.
    let f = crate::util::audit_manifest(&[
        (
            "presser.txt",
            "role = \"primary\"\ntitle = \"Post-match press conference: Marco Bellandi\"",
            "Q: Tom Reyes scored the winner on 87 minutes, his first goal for the club. What does that mean for him?\n\nBELLANDI: Tommy is 19 years old. He cried in the dressing room, and I am not ashamed to say I nearly did too.\n",
        ),
        (
            "brief.txt",
            "role = \"secondary\"",
            "Marco Bellandi said Tom Reyes \"cried in the dressing room\" after scoring his first goal for the club.\n",
        ),
    ]);
    let quote: Vec<&str> = f
        .iter()
        .filter(|f| f["secondary"]["text"] == "cried in the dressing room")
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(quote, ["verbatim"], "{f:#?}");
}

#[test]
fn words_added_to_a_short_lead_or_attribution_are_no_edits() {
    use crate::audit::{compare_to, passages};
    let release = "Outdoor time protects eyesight, the study found. \"What we found is that time outdoors matters, and it matters most for young children,\" Professor Ramanathan said. Nobody knew how big it was. \"This was not a random crime wave in any sense of the word.\"\n";
    // The source's own attribution, with the writer's words added to it.
    let f = passages(&compare_to(
        release,
        "\"What we found is that time outdoors matters, and it matters most for young children,\" lead author Professor Priya Ramanathan said.\n",
    ));
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // A lead into the quotation, of the writer's own.
    let f = passages(&compare_to(
        release,
        "The chief was blunt: \"This was not a random crime wave in any sense of the word.\"\n",
    ));
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // A longer lead is the writer's telling: its edits stay.
    let f = passages(&compare_to(
        release,
        "Outdoor time protected eyesight, the large study of many children found, and the professor said: \"What we found is that time outdoors matters, and it matters most for young children.\"\n",
    ));
    assert_ne!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_quotation_taken_whole_without_the_sources_attribution_is_not_cut_short() {
    use crate::audit::{compare_to, passages};
    let release = "The study followed 4,000 patients for ten years. \"We were surprised by how large the effect was in the youngest patients,\" Dr Kaur said. The team will publish further results next year.\n";
    let f = passages(&compare_to(
        release,
        "Dr Kaur was blunt: \"We were surprised by how large the effect was in the youngest patients.\"\n",
    ));
    assert!(!f.is_empty(), "{f:#?}");
    assert!(f.iter().all(|f| f["kind"] != "truncation"), "{f:#?}");
}

#[test]
fn three_words_given_to_the_speaker_that_no_source_holds_are_unsupported() {
    let presser = "GORDON HALLORAN: I have seen it once on the monitor. There is contact, but he is \
        already going down before the contact. I am not going to criticise the referee.\n";
    let blog = "Gordon Halloran did not hide after the defeat. Halloran said the penalty was \"never a \
        penalty\". Halloran described the referee as \"already going down\", oddly. He also said it was \
        a \"proper Sunday league\" effort on the \"big stage\", and the club's \"Fortress \
        Marsh Lane\" slogan looked tired.\n";
    let f = crate::util::audit_manifest(&[
        (
            "primary/presser.txt",
            "role = \"primary\"\ntitle = \"Post-match press conference with manager Gordon Halloran\"",
            presser,
        ),
        (
            "blog.txt",
            "role = \"secondary\"\ntitle = \"Fan blog\"",
            blog,
        ),
    ]);
    // Only the three words he is said to have said that the source does
    // not hold: not the two-word phrase, nor a slogan without a verb of
    // saying, nor words the source holds.
    let unsupported: Vec<&str> = f
        .iter()
        .filter(|f| f["kind"] == "unsupported")
        .map(|f| f["secondary"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        unsupported,
        ["never a penalty", "proper Sunday league"],
        "{f:#?}"
    );
}

#[test]
fn a_quotation_running_on_given_to_someone_the_speech_names_is_theirs() {
    // The sentence aligns on the speech's mention of the tenants' chair;
    // her quotation, over two sentences, is hers, not the mayor's words.
    let f = crate::util::audit_manifest(&[
        (
            "primary/speech.txt",
            "role = \"primary\"\ntitle = \"Speech by Mayor Jo Baird on housing\"",
            "Housing is my first priority. Last week I met Marta Vale, the chair of the Riverside \
             Tenants Association, and heard what tenants face every winter. We will repair every \
             damp flat in the city by 2028.\n",
        ),
        (
            "story.txt",
            "role = \"secondary\"\ntitle = \"Mayor promises to fix damp flats\"",
            "Mayor Jo Baird said: \"We will repair every damp flat in the city by 2028.\"\n\n\
             Marta Vale, the chair of the Riverside Tenants Association, said: \"We were promised \
             repairs in March. We are still waiting for them.\"\n",
        ),
    ]);
    let quoted: Vec<(&str, &str)> = f
        .iter()
        .filter(|f| {
            let t = f["secondary"]["text"].as_str().unwrap();
            t.starts_with("We were promised") || t.starts_with("We are still")
        })
        .map(|f| {
            (
                f["kind"].as_str().unwrap(),
                f["secondary"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(quoted.len(), 2, "{f:#?}");
    assert!(quoted.iter().all(|q| q.0 == "unsupported"), "{quoted:#?}");
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
}

/// A press conference where a reporter's question, not the speaker, says
/// that the rival side "have now won five in a row".
const PRESS_CONFERENCE: &str = "REPORTER: What did you make of Kingsbridge? They've now won five in a row.\n\n\
    TOMAS REILLY: They are a very good side and I think they will finish in the top four this season.\n\n\
    REPORTER: Were your players tired in the second half?\n\n\
    TOMAS REILLY: No, we were not tired. We made mistakes at set pieces and we were punished for them every time.\n";

fn press_coverage(story: &str) -> Vec<(String, String, String)> {
    let found = crate::util::audit_manifest(&[
        (
            "primary/presser.txt",
            "role = \"primary\"\ntitle = \"Post-match press conference: Tomas Reilly after Harcastle United 1 Kingsbridge Rovers 3\"",
            PRESS_CONFERENCE,
        ),
        ("secondary/story.txt", "role = \"secondary\"", story),
    ]);
    quotations(&found)
}

#[test]
fn a_subject_described_in_the_sources_words_is_not_the_speaker() {
    // The rival manager's clause holds the reporter's words from the
    // source; that does not make him the speaker, and his quotation, given
    // by "He said", is his.
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Kingsbridge manager Stefan Holm, whose side have now won five in a row, praised his players' patience. \
        He said: \"We knew that if we stayed calm the goals would come.\"\n";
    let q = press_coverage(story);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0, "unsupported", "{q:#?}");
    assert!(q[0].2.contains("Stefan Holm"), "{q:#?}");
}

#[test]
fn asked_opens_a_question_not_a_speaker() {
    // "Asked whether ..., he replied": the words after "Asked" are the
    // question, not who spoke; "he" is Reilly, and the quotation that runs
    // on is his, not in the source: a misquote.
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Asked whether his players were tired, he replied: \"Not at all. We were the better side all afternoon.\"\n";
    let q = press_coverage(story);
    let kinds: Vec<(&str, &str)> = q.iter().map(|(k, t, _)| (k.as_str(), t.as_str())).collect();
    assert_eq!(
        kinds,
        [
            ("misquote", "Not at all."),
            ("misquote", "We were the better side all afternoon.")
        ],
        "{q:#?}"
    );
}

#[test]
fn a_pronoun_stands_for_a_named_member_of_the_public() {
    // A full name with an age or a relative clause after it opens a
    // sentence whose verb is no verb of saying; "He said" / "she said"
    // after it are that person's, not the speaker's.
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Fans booed at the final whistle. Season-ticket holder Gary Pike, 54, was among them. \
        He said: \"That is the worst performance I have seen in twenty years.\"\n\n\
        Lena Dahl, who runs the supporters' trust, was kinder when I called her. \
        She has followed the club for thirty years. \"They will come good in the spring,\" she said.\n";
    let q = press_coverage(story);
    let who: Vec<(&str, bool, bool)> = q
        .iter()
        .map(|(k, _, m)| (k.as_str(), m.contains("Gary Pike"), m.contains("Lena Dahl")))
        .collect();
    assert_eq!(
        who,
        [("unsupported", true, false), ("unsupported", false, true)],
        "{q:#?}"
    );
}

#[test]
fn a_relative_clause_without_its_comma_is_not_the_subject() {
    // "Priya Raman, an analyst at Westmoor Research who was not at the
    // press conference, said": the subject is before "who".
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Priya Raman, an analyst at Westmoor Research who was not at the press conference, said the club needed a new striker. \
        \"Reilly is running out of time,\" she said.\n";
    let q = press_coverage(story);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0, "unsupported", "{q:#?}");
    assert!(q[0].2.contains("Priya Raman"), "{q:#?}");
}

#[test]
fn an_apposition_with_a_clause_word_or_an_organisation_keeps_the_name() {
    // The source gives each quotation to a person whose apposition holds
    // "and" or ends on an organisation's name; the secondary gives the
    // first to that person (no misattribution) and the second to the other
    // person it quotes (a misattribution).
    let release = "Dr Miriam Osei, chief investigator of the trial and head of the Stroke Prevention Unit, said: \"A second stroke is often more disabling than the first, and the weeks after a minor stroke are a period of very high risk.\"\n\n\
        Henrik Lund, a statistician at Westmoor Research Partners, said: \"The trial was not large enough to rule out a small increase in bleeding risk, and that will need to be watched closely.\"\n\n\
        Lund added: \"We will publish the full data next spring.\"\n";
    let story = "\"A second stroke is often more disabling than the first, and the weeks after a minor stroke are a period of very high risk,\" said Dr Miriam Osei.\n\n\
        \"The trial was not large enough to rule out a small increase in bleeding risk, and that will need to be watched closely,\" said Henrik Lund.\n\n\
        Dr Osei said: \"The trial was not large enough to rule out a small increase in bleeding risk, and that will need to be watched closely.\"\n";
    let found = crate::util::audit_manifest(&[
        (
            "primary/release.txt",
            "role = \"primary\"\ntitle = \"Trial results\"",
            release,
        ),
        ("secondary/story.txt", "role = \"secondary\"", story),
    ]);
    let kinds: Vec<&str> = found.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["verbatim", "verbatim", "misquote"], "{found:#?}");
    assert!(
        message(&found[2]).contains("given to \"Osei\""),
        "{found:#?}"
    );
}

#[test]
fn a_role_a_participle_and_a_responding_person_name_other_speakers() {
    // A description headed by a role the speaker is not given ("assistant
    // coach", though "Kingsbridge" is in the source's title); a subject
    // after an opening participle; a pronoun standing for a person who "is
    // now responding" (a live blog's present tense, "calls").
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Kingsbridge's assistant coach said the visitors had shown \"the hunger of a side that believes\".\n\n\
        Speaking outside the ground, Mr Pike said the fans would \"keep the faith with this young team all season\".\n\n\
        16:48 Club captain Dean Morrow is now responding. He calls the result \"a disgrace to the shirt\".\n";
    let q = press_coverage(story);
    let who = given_to(&q);
    assert_eq!(
        who,
        [
            ("unsupported", "Kingsbridge's assistant coach"),
            ("unsupported", "Mr Pike"),
            ("unsupported", "Club captain Dean Morrow"),
        ],
        "{q:#?}"
    );
}

#[test]
fn calling_a_number_gives_no_words_to_the_caller() {
    // "called 999" with the source's words after it does not make the
    // caller the speaker: his own words later are his, not a misquote.
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Steward Ian Pike called 999 at half-time, when Harcastle made mistakes at set pieces and were punished for them every time.\n\n\
        Mr Pike said the fans would \"keep the faith with this young team all season\".\n";
    let q = press_coverage(story);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0, "unsupported", "{q:#?}");
    assert!(q[0].2.contains("Mr Pike"), "{q:#?}");
}

#[test]
fn another_persons_quotation_sharing_a_phrase_with_the_source_is_theirs() {
    // Given by name to someone else, a quotation that shares no more than
    // a phrase with the source ("a very good side") is that
    // person's words, not the speaker's changed.
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Kingsbridge striker Omar Bello said: \"We are a very good side and everybody in this dressing room believes we can go on and win the league.\"\n";
    let q = press_coverage(story);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0, "unsupported", "{q:#?}");
    assert!(q[0].2.contains("Omar Bello"), "{q:#?}");
}

#[test]
fn a_person_named_before_a_colon_is_the_quotations_speaker() {
    // A live blog's "Reaction from <name>, <role>: “…”" has no verb of
    // saying; the name before the colon is whose words they are. Without a
    // name ("The message was clear: “…”") the quotation stays the
    // speaker's, and unfound, a misquote.
    let story = "Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n\n\
        Reaction from Anna Kowal, chairwoman of the supporters' trust: \"The board has to back him with money in January.\"\n\n\
        The message to the board was clear: \"Give me two new defenders or we will go down.\"\n";
    let q = press_coverage(story);
    let kinds: Vec<&str> = q.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(kinds, ["unsupported", "misquote"], "{q:#?}");
    assert!(q[0].2.contains("Anna Kowal"), "{q:#?}");
}

#[test]
fn a_place_before_a_role_in_lower_case_names_no_one() {
    // "Harcastle fans react": "Harcastle" (in the source's title) is the
    // club, not a person; the fans' words are theirs ("react" gives them,
    // as a headline does).
    let story = "\"We deserve a manager who can defend a set piece\": Harcastle fans react to another defeat.\n\n\
        Harcastle manager Tomas Reilly said: \"We made mistakes at set pieces and we were punished for them every time.\"\n";
    let q = press_coverage(story);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0, "unsupported", "{q:#?}");
    assert!(q[0].2.contains("Harcastle fans"), "{q:#?}");
}
