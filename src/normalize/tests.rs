//! The lexer's forms and offsets, and its two paths agreeing.

use super::*;
use proptest::prelude::*;

proptest! {
    /// The byte path and the general path give the same lexemes.
    #[test]
    fn ascii_path_matches_general_path(s in "([a-zA-Z0-9 .,;:'%/@()$\"-]|twenty|Forty|-five|-Six|per cent|seventeen|http://x|www.|a@b.c|\\[|\\]|\\[T\\]he|tax\\[es\\]|\\[1\\]|\\[We\\]|organisation|Colour|centred|travelled|Defence|1.5bn|300m|10K|13pc|3B|1.5C|90F|50c|82.6p|5P|10km|400MW|50km/h|°|degrees|degree| km/h| kilometres| per hour| mph| Celsius| C|don't|Can't|won't|we're|I'm|cannot|xcannot|21st|2ND|3rd|0th|first|-First|third|twelfth|they'll|n't|é|ﬁ|１|％|’|\u{ad}|\u{a0}|\u{0}|\n|\t|\r){0,40}") {
        let pieces = [Piece::verbatim(0, s.len())];
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        Lexer::default().lex_block(&s, &pieces, &mut fast);
        Lexer::default().lex_block_generic(&s, &pieces, &mut slow);
        prop_assert_eq!(fast, slow);
    }
}

fn forms(text: &str) -> Vec<u64> {
    lex_str(text)
        .iter()
        .filter(|l| l.is_token())
        .map(|l| l.hash)
        .collect()
}

#[test]
fn number_forms_match() {
    assert_eq!(forms("13% of all"), forms("13 per cent of all"));
    assert_eq!(forms("thirteen percent"), forms("13%"));
    assert_eq!(
        forms("twenty Iran-backed plots"),
        forms("20 Iran backed plots")
    );
    assert_eq!(forms("10,000 troops"), forms("10000 troops"));
    assert_eq!(forms("twenty-five"), forms("25"));
    assert_ne!(forms("13%"), forms("14%"));
    assert_eq!(forms("Seventeen NINETY zero"), forms("17 90 0"));
    assert_ne!(forms("seventeenth"), forms("17"));
}

#[test]
fn ordinal_forms_match() {
    let words = "the twenty-first century, the first time, Second, THIRD and twelfth";
    let digits = "the 21st century, the 1st time, 2nd, 3RD and 12th";
    assert_eq!(forms(words), forms(digits));
    // The same inside a chunk with curly quotes (the general path).
    assert_eq!(
        forms("\u{201C}twenty-first\u{201D} \u{201C}first\u{201D}"),
        forms("\u{201C}21st\u{201D} \u{201C}1st\u{201D}")
    );
    assert_eq!(forms("twenty\u{2011}first"), forms("21st"));
    // An ordinal is not its number, nor another ordinal.
    assert_ne!(forms("21st"), forms("21"));
    assert_ne!(forms("twenty-first"), forms("twenty-one"));
    assert_ne!(forms("21st"), forms("22nd"));
    assert_eq!(lex_str("21st")[0].kind, LexKind::Word);
    // Not ordinals: an ending after letters, or on its own.
    assert_ne!(forms("a1st"), forms("a 1st"));
    assert_eq!(lex_str("st nd").len(), 2);
    // The span covers the whole written ordinal.
    let ls = lex_str("the twenty-first");
    assert_eq!((ls[1].start, ls[1].end), (4, 16));
}

#[test]
fn editorial_letters_in_brackets_belong_to_their_word() {
    assert_eq!(forms("[T]he tax[es] [w]on't"), forms("The taxes won't"));
    let ls = lex_str("so [T]he plan");
    assert_eq!((ls[1].start, ls[1].end, ls[1].cap), (3, 8, true));
    // A bracketed word stands apart; a footnote mark is not letters.
    assert_eq!(lex_str("[We] go").len(), 4);
    assert_eq!(forms("inflation[1]"), forms("inflation 1"));
    assert_eq!(forms("govern[ment]'s plan"), forms("government's plan"));
}

#[test]
fn press_suffixes_are_scale_words() {
    assert_eq!(
        forms("£1.5bn and 300m, 10k or 13pc"),
        forms("£1.5 billion and 300 million, 10 thousand or 13 per cent")
    );
    assert_ne!(forms("1.5bn"), forms("1.5 million"));
    // Offsets: the digits, then the suffix.
    let ls = lex_str("£1.5bn");
    let spans: Vec<(u32, u32)> = ls.iter().map(|l| (l.start, l.end)).collect();
    assert_eq!(spans, [(0, 2), (2, 5), (5, 7)]);
    for name in ["3B", "3M", "4K"] {
        assert_eq!(lex_str(name).iter().filter(|l| l.is_token()).count(), 1);
    }
}

#[test]
fn units_written_on_a_number_are_the_number_and_the_unit() {
    assert_eq!(forms("rose to 82.6p."), forms("rose to 82.6 pence."));
    assert_eq!(forms("a 10km walk"), forms("a 10 kilometres walk"));
    assert_eq!(forms("400MW of power"), forms("400 megawatts of power"));
    assert_eq!(forms("at 50km/h"), forms("at 50 kilometres per hour"));
    // The figure is a number of its own, so a changed one is a changed number.
    let ls = lex_str("82.6p");
    assert_eq!(ls[0].kind, LexKind::Number);
    assert_eq!(
        (ls[0].start, ls[0].end, ls[1].start, ls[1].end),
        (0, 4, 4, 5)
    );
    assert_ne!(forms("82.6p"), forms("86.2p"));
    // Not upper-case "P", "G" or a decade.
    for word in ["5P", "4G", "1990s"] {
        assert_eq!(lex_str(word).iter().filter(|l| l.is_token()).count(), 1);
    }
}

#[test]
fn temperatures_match_however_the_scale_is_written() {
    let want = forms("warming of 1.5 degrees Celsius");
    for written in [
        "warming of 1.5°C",
        "warming of 1.5 °C",
        "warming of 1.5℃",
        "warming of 1.5C",
        "warming of 1.5 degrees C",
        "warming of 1.5 degrees centigrade",
        "warming of 1.5 degree Celsius",
    ] {
        assert_eq!(forms(written), want, "{written}");
    }
    assert_eq!(forms("90°F"), forms("90 degrees Fahrenheit"));
    assert_eq!(forms("90F"), forms("90 degrees F"));
    assert_eq!(forms("1.5 degrees"), forms("1.5°"));
    // The scale is part of the token: Celsius is not Fahrenheit, and
    // degrees without a scale are neither (a scale left out is judged by
    // `classify::variant`).
    assert_ne!(forms("40°C"), forms("40°F"));
    assert_ne!(forms("1.5 degrees"), forms("1.5°C"));
    assert_ne!(forms("1.5°C"), forms("2°C"));
    // The token spans what stands for it.
    let t = "by 1.5 degrees Celsius.";
    let ls = lex_str(t);
    assert_eq!(
        &t[ls[2].start as usize..ls[2].end as usize],
        "degrees Celsius"
    );
    let t = "by 1.5°C.";
    let ls = lex_str(t);
    assert_eq!(&t[ls[2].start as usize..ls[2].end as usize], "°C");
    // Not temperatures: a letter of its own, cents, a degree of something.
    assert_ne!(forms("vitamin C"), forms("vitamin degrees"));
    assert_ne!(forms("50c"), forms("50 degrees"));
    assert_ne!(forms("a degree of"), forms("a degrees of"));
}

#[test]
fn a_minus_sign_is_the_word_minus() {
    let want = forms("fell to minus 5C");
    for written in ["fell to -5C", "fell to −5C", "fell to –5C"] {
        assert_eq!(forms(written), want, "{written}");
    }
    assert_eq!(forms("a loss (-3.2%)"), forms("a loss (minus 3.2%)"));
    assert_ne!(forms("fell to -5C"), forms("fell to 5C"));
    // The sign spans its own character.
    let t = "to -5C";
    let ls = lex_str(t);
    assert_eq!(&t[ls[1].start as usize..ls[1].end as usize], "-");
    // No sign: a range, a name with a number, a dash between words.
    assert_eq!(forms("pages 10-15"), forms("pages 10 15"));
    assert_eq!(forms("COVID-19 cases"), forms("COVID 19 cases"));
    assert_eq!(forms("rates - 5 of them"), forms("rates 5 of them"));
}

#[test]
fn british_and_american_spellings_match() {
    assert_eq!(
        forms("We will modernise our defence programme and honour the organisation"),
        forms("We will modernize our defense program and honor the organization")
    );
}

#[test]
fn contractions_are_their_expansions() {
    assert_eq!(
        forms("We don't, can't, won't and cannot; we're sure I'm right, they'll see"),
        forms("We do not, can not, will not and can not; we are sure I am right, they will see")
    );
    assert_eq!(forms("don’t"), forms("do not"));
    // Possessives and "'s" stay one word.
    assert_eq!(lex_str("government's it's").len(), 2);
    let ls = lex_str("don't");
    let spans: Vec<(u32, u32)> = ls.iter().map(|l| (l.start, l.end)).collect();
    assert_eq!(spans, [(0, 2), (2, 5)]);
}

#[test]
fn nul_bytes_are_dropped_not_kept_as_punctuation() {
    let ls = lex_str("ab\0cd per cent");
    assert!(ls.iter().all(|l| l.kind != LexKind::Punct));
    assert_eq!(forms("ab\0cd per cent"), forms("ab cd %"));
}

#[test]
fn case_quotes_dashes_fold() {
    assert_eq!(
        forms("It’s the UK’s “right-wing”"),
        forms("it's the uk's \"right wing\"")
    );
    assert_eq!(forms("Al-Qaeda"), forms("Al Qaeda"));
}

#[test]
fn urls_are_not_tokens() {
    let ls = lex_str("About Us (/about-us) and https://example.org/x.");
    let kinds: Vec<_> = ls.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LexKind::Word,
            LexKind::Word,
            LexKind::Url,
            LexKind::Word,
            LexKind::Url
        ]
    );
}

#[test]
fn ligatures_and_full_width_forms_are_their_letters() {
    assert_eq!(
        forms("identiﬁed signiﬁcant ﬂows, ＵＫ ｏｆｆｉｃｅ １３％"),
        forms("identified significant flows, UK office 13%")
    );
    // The word's bytes are the original ones, ligature included.
    let t = "the ﬃrst";
    let w = lex_str(t)[1];
    assert_eq!(&t[w.start as usize..w.end as usize], "ﬃrst");
    assert_eq!(w.hash, form_hash("ffirst"));
    // Other compatibility forms are not letters: "½" stays itself.
    assert_ne!(forms("½"), forms("1/2"));
}

#[test]
fn offsets_cover_the_original() {
    let t = "He said: “We’ll see” – 13 per cent.";
    for l in lex_str(t) {
        assert!(t.is_char_boundary(l.start as usize) && t.is_char_boundary(l.end as usize));
    }
    let pc = lex_str(t)
        .into_iter()
        .find(|l| l.hash == *H_PERCENT)
        .unwrap();
    assert_eq!(&t[pc.start as usize..pc.end as usize], "per cent");
}

#[test]
fn quote_marks_are_punctuation() {
    let ls = lex_str("“Islamist terrorism” don’t");
    assert_eq!(ls[0].kind, LexKind::Punct);
    assert_eq!(ls[0].ch, '“');
    assert!(ls[0].space_before && !ls[0].space_after);
    assert_eq!(ls[3].ch, '”');
    assert_eq!(ls[4].kind, LexKind::Word);
}
#[test]
fn units_after_a_number_match_however_written() {
    assert_eq!(
        forms("at 71 km/h, the"),
        forms("at 71 kilometres per hour, the")
    );
    assert_eq!(forms("71 kph"), forms("71 km/h"));
    assert_eq!(forms("40 mph now"), forms("40 miles per hour now"));
    assert_eq!(forms("5 km away"), forms("5 kilometres away"));
    assert_eq!(forms("2.3 kg"), forms("2.3 kilograms"));
    assert_eq!(forms("110 mm"), forms("110 millimetres"));
    assert_eq!(forms("6 ft"), forms("6 feet"));
    // Another unit or another figure is another token.
    assert_ne!(forms("40 mph"), forms("40 km/h"));
    assert_ne!(forms("5 km"), forms("5 kg"));
    assert_ne!(forms("5 km"), forms("6 km"));
    // Only after a number: "miles per hour" alone is three words.
    assert_eq!(forms("miles per hour").len(), 3);
    // The merged token spans the words it stands for.
    let t = "a speed of 71 kilometres per hour.";
    let ls = lex_str(t);
    let unit = ls
        .iter()
        .find(|l| l.start as usize == t.find("kilo").unwrap())
        .unwrap();
    assert_eq!(
        &t[unit.start as usize..unit.end as usize],
        "kilometres per hour"
    );
}
