//! Transcripts with speaker labels: another person's words (a reporter's
//! question, another official's answer) quoted as the speaker's.

use crate::audit::{compare_to, message};

const PRESSER: &str = "POST-MATCH PRESS CONFERENCE\n\n\
Q: Are you worried you are running out of time to turn this around?\n\n\
TENNANT: No. Not at all. I have been in football for twenty-six years and I know what a dressing room that has stopped listening looks like.\n\n\
That is not this dressing room.\n\n\
REPORTER: Will the owners back you in January with money for new players?\n\n\
TENNANT: We have spoken about it and the owners know exactly what the squad needs before the window opens.\n";

fn kinds(article: &str) -> Vec<(String, String)> {
    compare_to(PRESSER, article)
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                message(f).to_string(),
            )
        })
        .collect()
}

/// The kinds of the findings of `article` against `source`.
fn kinds_against(source: &str, article: &str) -> Vec<String> {
    compare_to(source, article)
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_question_quoted_as_the_speakers_words_is_a_misquote() {
    let f = kinds(
        "Rob Tennant last night admitted he is \"running out of time to turn this around\" after another defeat.\n",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "misquote", "{f:?}");
    assert!(f[0].1.contains("“Q:”"), "{f:?}");
    // Another questioner's label, in a turn of its own.
    let f = kinds("Tennant said: \"The owners back you in January with money for new players.\"\n");
    assert_eq!(f[0].0, "misquote", "{f:?}");
    assert!(f[0].1.contains("“REPORTER:”"), "{f:?}");
}

#[test]
fn the_speaker_named_by_age_is_the_speaker_named_before() {
    // "The 46-year-old" stands for the man named before, as "he" would.
    let f = kinds(
        "Rob Tennant faced the press after another defeat. The 46-year-old admitted he is \
         \"running out of time to turn this around\".\n",
    );
    assert!(f.iter().any(|f| f.0 == "misquote"), "{f:?}");
    // Someone else named before the quotation is not the speaker.
    let f = kinds(
        "Rob Tennant faced the press. Asked by a reporter, the 46-year-old said the question of \
         whether he was \"running out of time to turn this around\" was for others.\n",
    );
    assert!(f.iter().all(|f| f.0 != "misquote"), "{f:?}");
}

#[test]
fn a_question_quoted_inside_a_passage_that_runs_on_into_the_answer_is_a_misquote() {
    // The passage aligns from the question into the answer: the quoted
    // words are the question's, given as the speaker's.
    let call = "PRIYA RAMAN: Thank you all for joining the call today.\n\n\
Daniel Cho, Hartwell Securities: On the capex number, $2.6 billion is a big step up. How confident are you that the returns will be there?\n\n\
PRIYA RAMAN: It is a fair question. About 70% of the capacity we are adding next year is already committed.\n\n\
Laura Bennett, Kingsgate Capital: Is 14% the new normal for hardware?\n\n\
PRIYA RAMAN: I would not call it the new normal.\n";
    let article = "Raman conceded that \"$2.6 billion is a big step up\" but said about 70% of the capacity being added next year was already committed.\n";
    let f = compare_to(call, article);
    let quoted = f
        .iter()
        .find(|f| {
            f["secondary"]["text"]
                .as_str()
                .unwrap()
                .contains("big step up")
        })
        .expect("the quotation is aligned");
    assert_eq!(quoted["kind"], "misquote", "{f:#?}");
    assert!(message(quoted).contains("DANIEL CHO"), "{f:#?}");
    // Given as the analyst's, the words are his.
    let article = "Analyst Daniel Cho said \"$2.6 billion is a big step up\" and Raman said about 70% of the capacity being added next year was already committed.\n";
    let f = compare_to(call, article);
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
}

#[test]
fn a_question_given_as_a_question_and_the_speakers_answers_are_his() {
    let f = kinds(
        "Asked whether he was \"running out of time to turn this around\", Tennant said: \"No. Not at all.\"\n",
    );
    assert!(f.iter().all(|f| f.0 == "verbatim"), "{f:?}");
    // A turn goes on over paragraphs until the next label.
    let f = kinds(
        "Tennant said of his squad: \"That is not this dressing room.\"\n\nHe added that \"the owners know exactly what the squad needs before the window opens\".\n",
    );
    assert!(f.iter().all(|f| f.0 == "verbatim"), "{f:?}");
}

#[test]
fn every_answering_speaker_is_a_speaker() {
    // An interviewer who talks more than the guest, a joint press
    // conference, an answer without a label after a question, and
    // headings in capitals: none of it makes the speakers' words another's.
    let interview = "KUENSSBERG: Chancellor, welcome. People watching this morning will want to know one thing above all, and I am going to ask you it directly. Will you raise taxes on working people in the budget?\n\n\
REEVES: We will not raise income tax, national insurance or VAT on working people.\n\n\
KUENSSBERG: So can you rule out any rise at all in the rates that working people pay, whatever happens to the public finances between now and the autumn?\n\n\
REEVES: I have been clear about our commitments and I will keep them.\n";
    let f = compare_to(
        interview,
        "Reeves said: \"We will not raise income tax, national insurance or VAT on working people.\"\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
    let joint = "THE PRESIDENT: We have agreed a new partnership on trade and technology today.\n\n\
PRIME MINISTER STARMER: We will take our time to get the details right for British workers.\n\n\
THE PRESIDENT: It is a great deal for both our countries and for the world.\n\n\
Q: Prime Minister, is this deal good for Britain?\n\n\
I have a job to do and I intend to finish it, and this agreement is part of that job.\n";
    for article in [
        "Starmer struck a more cautious note: \"We will take our time to get the details right for British workers.\"\n",
        "He said: \"I have a job to do and I intend to finish it.\"\n",
    ] {
        let f = compare_to(joint, article);
        assert!(
            f.iter().all(|f| f["kind"] != "misquote"),
            "{article}: {f:#?}"
        );
    }
    let faq = "Q: Will council tax rise this year?\n\nA: Yes, council tax will rise by 4.99 per cent from April.\n\nQ: Will bin collections change? A: Bins will be collected every two weeks instead of every week.\n\nQ: Will the libraries close?\n\nA: No library will close, although opening hours will be reduced at three sites.\n";
    let f = compare_to(
        faq,
        "The council said: \"Bins will be collected every two weeks instead of every week.\"\n",
    );
    assert!(f.iter().all(|f| f["kind"] != "misquote"), "{f:#?}");
    let speech = "PART ONE: THE ECONOMY\n\nGrowth has returned to every region of the country this year.\n\nPART TWO: THE HEALTH SERVICE\n\nWaiting lists have fallen for six months in a row.\n";
    let f = compare_to(
        speech,
        "She said: \"Waiting lists have fallen for six months in a row.\"\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_speaker_label_before_the_quoted_words_is_no_edit() {
    let joint = "PRIME MINISTER: Thank you all for coming. We have agreed a new defence partnership that will last for a generation.\n\n\
CHANCELLOR SCHOLZ: Europe must stand together against aggression. Who else will defend our values if we do not?\n\n\
Q: Prime Minister, how much will the partnership cost?\n\n\
PRIME MINISTER: It will cost what it takes, and it will be worth every penny.\n";
    let f = compare_to(
        joint,
        "The German chancellor said: \"Europe must stand together against aggression.\"\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_speaker_label_in_names_of_mixed_case_is_no_words_of_the_speaker() {
    let source = "Inflation has come down a long way, and the banking system remains well capitalised and able to lend.\n\n\
Anita Desai, Financial Courier: Can you rule out a cut in May?\n\n\
Governor Marsh: I can't rule anything in or out. We will look at the data very carefully.\n";
    let f = compare_to(
        source,
        "Asked whether she could rule out a cut in May, Ms Marsh said: \"I can't rule anything in or out.\"\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
    // The words after the label are the speaker's: changed, they are edits.
    let f = compare_to(
        source,
        "Asked whether she could rule out a cut in May, Ms Marsh said: \"I can't rule anything out.\"\n",
    );
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
}

#[test]
fn a_questioner_named_in_mixed_case_is_another_person() {
    let source = "QUESTIONS AND ANSWERS\n\n\
Tom Reeve, Westland Herald: Governor, isn't the truth that you cut too late, and that families have paid the price for the Bank's mistakes?\n\n\
Governor Marsh: I don't accept that. We raised rates firmly when inflation took off, and we have brought it down.\n\n\
Anita Desai, Financial Courier: Can you rule out a cut in May?\n\n\
Governor Marsh: I can't rule anything in or out. We will look at the data very carefully.\n";
    let f = compare_to(
        source,
        "Governor Helena Marsh conceded that families \"have paid the price for the Bank's mistakes\".\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    assert!(message(&f[0]).contains("TOM REEVE"), "{f:#?}");
    // Words the speaker turns down are given as the questioner's.
    for turned_down in [
        "Governor Helena Marsh rejected the suggestion that families \"have paid the price for the Bank's mistakes\".\n",
        "Governor Helena Marsh denied that families \"have paid the price for the Bank's mistakes\".\n",
    ] {
        let f = compare_to(source, turned_down);
        assert!(
            f.iter().all(|x| x["kind"] != "misquote"),
            "{turned_down}: {f:#?}"
        );
    }
    // Her own answer is hers.
    let f = compare_to(
        source,
        "Ms Marsh said: \"We raised rates firmly when inflation took off, and we have brought it down.\"\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_speech_s_section_headings_are_no_speakers() {
    let source = "The Challenge: For too long the north has been told to wait its turn. Can we really afford to wait another decade for a railway that works?\n\n\
Our Plan: We will build the new line in three stages, starting next year, and the first trains will run by 2031.\n\n\
The Challenge: The money is there, and the plans are ready. So what are we waiting for?\n\n\
Our Plan: The Treasury will pay for it through the capital budget.\n";
    let f = compare_to(
        source,
        "\"Can we really afford to wait another decade for a railway that works?\" Transport Secretary Helen Park said in Leeds.\n",
    );
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn quoted_words_paired_with_the_same_words_of_the_source_are_no_change() {
    // The second sentence's "I am" is first matched to the sentence
    // before's, then paired back with its own place: the words are equal.
    let presser = "My job is to give them that clarity. We will play a faster game, we will keep the ball, and we will be the fittest side in the Championship. I am not promising miracles in year one. I am promising that we will be hard to beat.\n\n\
Q: Duncan, Tom Brennick from the Portsea Gazette. You've been linked with the Valtora job again next year. Are you using Albaran as a stepping stone?\n";
    let article = "<p>Ferreira, 47, said: &ldquo;I am not promising miracles in my first season. I am promising that we will be hard to beat.&rdquo;</p>\n";
    let f = compare_to(presser, article);
    let second = f
        .iter()
        .find(|f| {
            f["secondary"]["text"]
                .as_str()
                .unwrap()
                .starts_with("I am promising")
        })
        .expect("the second sentence is aligned");
    assert_eq!(second["kind"], "verbatim", "{f:#?}");
    // The first sentence's change is still one.
    assert!(f.iter().any(|f| f["kind"] == "misquote"), "{f:#?}");
}

#[test]
fn words_a_questioner_quotes_from_someone_else_are_no_misquote_unless_given_to_the_speaker() {
    let hearing = "CHAIR: Your own internal review, which we have seen, says the programme was \"run on hope rather than evidence\" in its first two years. Is that fair?\n\n\
PENGELLY: It is a fair summary of those years, and I have accepted every recommendation the review made. We changed the leadership of the programme, we rebuilt the schedule from the bottom up, and we now report progress to the board every month.\n\n\
CHAIR: When will passengers see the benefit?\n\n\
PENGELLY: The first new signals go live between Bristol and Taunton next spring, and the whole route will follow by the end of the following year.\n";
    let kinds = |article: &str| -> Vec<String> {
        compare_to(hearing, article)
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let f = kinds(
        "The signalling programme was \"run on hope rather than evidence\" in its first two years, MPs heard today.\n",
    );
    assert!(!f.is_empty() && f.iter().all(|k| k != "misquote"), "{f:?}");
    let f = kinds(
        "Pengelly said the programme was \"run on hope rather than evidence\" in its first two years.\n",
    );
    assert!(f.iter().any(|k| k == "misquote"), "{f:?}");
}

#[test]
fn one_answering_speakers_words_given_to_another_are_a_misquote() {
    let briefing = "Dr Ruth Amankwah-Lowe: Good morning. There have been 47 confirmed cases of Legionnaires' disease linked to this outbreak, and the most likely source is a cooling tower on the industrial estate.\n\n\
Q: Is this the biggest outbreak you have seen?\n\n\
Dr Callum Fairbairn: It is the largest outbreak of Legionnaires' disease in this region since 2012, when there were 31 confirmed cases.\n\n\
Q: Should the company be prosecuted?\n\n\
Dr Callum Fairbairn: That is not a question for me. That is a question for the Health and Safety Executive.\n\n\
Dr Ruth Amankwah-Lowe: Our message is simple: if you feel unwell, call your doctor today and mention the outbreak.\n";
    let kinds = |article: &str| kinds_against(briefing, article);
    let f = kinds(
        "\"It is the largest outbreak of Legionnaires' disease in this region since 2012,\" Dr Amankwah-Lowe said.\n",
    );
    assert!(f.iter().any(|k| k == "misquote"), "{f:?}");
    // Given to the one who said them, they are as they were.
    let f = kinds(
        "\"It is the largest outbreak of Legionnaires' disease in this region since 2012,\" Dr Fairbairn said.\n",
    );
    assert!(!f.is_empty() && f.iter().all(|k| k != "misquote"), "{f:?}");
}

#[test]
fn speakers_labelled_by_role_are_known_by_the_names_the_transcript_gives_them() {
    let briefing = "UNIVERSITY OF ELMSTEAD\n\n\
Present: Professor Helen Marsh, Vice-Chancellor; David Okoro, Chief Financial Officer.\n\n\
VICE-CHANCELLOR: We will protect every course that students are enrolled on today.\n\n\
STUDENT REPORTER (Amy Lin, The Elmstead Star): Is the university going bust?\n\n\
CHIEF FINANCIAL OFFICER: No. But without these savings we would run out of cash by the spring of 2029.\n\n\
STUDENT REPORTER (Amy Lin, The Elmstead Star): Will there be more cuts?\n\n\
VICE-CHANCELLOR: We have no plans for a second round of cuts this year.\n";
    let kinds = |article: &str| kinds_against(briefing, article);
    // The finance director's words given to the vice-chancellor by name.
    let f = kinds(
        "Professor Marsh said that without the savings the university \"would run out of cash by the spring of 2029\".\n",
    );
    assert!(f.iter().any(|k| k == "misquote"), "{f:?}");
    // Given to him, or to her for her own words, they are theirs.
    for article in [
        "David Okoro said that without the savings the university \"would run out of cash by the spring of 2029\".\n",
        "Professor Marsh said: \"We will protect every course that students are enrolled on today.\"\n",
    ] {
        let f = kinds(article);
        assert!(
            !f.is_empty() && f.iter().all(|k| k != "misquote"),
            "{article}: {f:?}"
        );
    }
}

#[test]
fn a_members_question_in_a_parliamentary_record_given_to_the_minister_is_a_misquote() {
    // The record labels the minister by role, names him in brackets once
    // and then shortens the role; members are labelled by name, seat and
    // party.
    let source = "River Wenlow: Contamination Incident\n\n\
The Speaker: Statement, the Minister for the Environment.\n\n\
The Minister for the Environment (Mr Hugh Tallis): With permission, I will make a statement on the contamination of the River Wenlow. Samples taken on Saturday found ammonia at levels forty times the safe limit downstream of the works.\n\n\
Ms Ruth Okafor (Kelbridge) (Progressive Party): Is it not the case that the Environment Agency has lost a third of its inspectors since 2020, and that this disaster was an accident waiting to happen?\n\n\
The Minister: The hon. Lady raises important questions. The agency's enforcement budget will rise next year, and I will set out further plans in the spring.\n\n\
Mr Gareth Lyle (Liberal Democrats): Will the compensation scheme cover the whole season?\n\n\
The Minister: The scheme is intended to cover genuine losses of income, and I will write to him.\n";
    let f = compare_to(
        source,
        "Tallis conceded that the Environment Agency had \"lost a third of its inspectors since 2020\" and promised more money.\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "misquote", "{f:#?}");
    assert!(message(&f[0]).contains("MS RUTH OKAFOR"), "{f:#?}");
    // His own words, under the role's short form, are his.
    let f = compare_to(
        source,
        "Tallis said: \"The agency's enforcement budget will rise next year, and I will set out further plans in the spring.\"\n",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["kind"], "verbatim", "{f:#?}");
}

#[test]
fn a_questions_words_given_to_the_speaker_after_asked_are_a_misquote() {
    let presser = "POST-MATCH PRESS CONFERENCE\n\n\
Q: Calderbrook's manager said before the game that Ashbury were \"a team without an identity\". Any response?\n\n\
BELLANDI: I do not read what other managers say. My players know exactly who they are, and they showed it today.\n\n\
Q: Will Reyes start on Tuesday?\n\n\
BELLANDI: We will see how he recovers. He has played a lot of minutes this month.\n";
    // "Asked about ..." is the writer's lead; "Bellandi joked that" gives
    // the question's words to him.
    let f = kinds_against(
        presser,
        "Asked about the Calderbrook boss, Bellandi joked that Ashbury had been \"a team without an identity\" for too long.\n",
    );
    assert!(f.contains(&"misquote".to_string()), "{f:?}");
    // His own answer, after the same lead, is his.
    let f = kinds_against(
        presser,
        "Asked about the Calderbrook boss, Bellandi said: \"My players know exactly who they are, and they showed it today.\"\n",
    );
    assert!(!f.contains(&"misquote".to_string()), "{f:?}");
}

#[test]
fn answers_labelled_a_are_the_named_speakers_own() {
    // The manager opens under his name; the answers are labelled "A:".
    let presser = "Squad announcement, press conference transcript\n\n\
Graham Doyle: Good morning. I've named a squad of 26 players for the two qualifiers this month.\n\n\
Q: Graham, Jamie McAllister has been knocking on the door. Why now?\n\n\
A: Because he's earned it. Fourteen goals in a team that's been fighting at the wrong end of the table is a serious return.\n\n\
Q: Is the door closed on Declan Murray?\n\n\
A: The door is never closed. Declan is a very good player and I've spoken to him this week.\n";
    let kinds = |article: &str| kinds_against(presser, article);
    let f =
        kinds("\"Declan is a very good player and I've spoken to him this week,\" Doyle said.\n");
    assert_eq!(f, ["verbatim"], "{f:?}");
    // Words of a question given to him are still no words of his.
    let f = kinds("Doyle said Jamie McAllister \"has been knocking on the door\".\n");
    assert!(f.iter().any(|k| k == "misquote"), "{f:?}");
}
