//! A verb put in the past, as reported speech puts it ("he said the case
//! came to court" for "the case comes to court"; "she said they expected"
//! for "we expect"). Auxiliaries are in `variant::BACKSHIFT`; this reads
//! any verb, by its letters: the regular endings, and a table of the
//! common irregular ones.

/// Common irregular verbs: base form and past tense.
const IRREGULAR: [(&str, &str); 52] = [
    ("become", "became"),
    ("begin", "began"),
    ("break", "broke"),
    ("bring", "brought"),
    ("build", "built"),
    ("buy", "bought"),
    ("catch", "caught"),
    ("choose", "chose"),
    ("come", "came"),
    ("do", "did"),
    ("fall", "fell"),
    ("feel", "felt"),
    ("fight", "fought"),
    ("find", "found"),
    ("get", "got"),
    ("give", "gave"),
    ("go", "went"),
    ("grow", "grew"),
    ("hear", "heard"),
    ("hold", "held"),
    ("keep", "kept"),
    ("know", "knew"),
    ("lead", "led"),
    ("leave", "left"),
    ("lose", "lost"),
    ("make", "made"),
    ("mean", "meant"),
    ("meet", "met"),
    ("pay", "paid"),
    ("rise", "rose"),
    ("run", "ran"),
    ("say", "said"),
    ("see", "saw"),
    ("seek", "sought"),
    ("sell", "sold"),
    ("send", "sent"),
    ("sit", "sat"),
    ("speak", "spoke"),
    ("spend", "spent"),
    ("stand", "stood"),
    ("stick", "stuck"),
    ("strike", "struck"),
    ("take", "took"),
    ("teach", "taught"),
    ("tell", "told"),
    ("think", "thought"),
    ("understand", "understood"),
    ("undertake", "undertook"),
    ("win", "won"),
    ("withdraw", "withdrew"),
    ("write", "wrote"),
    ("overcome", "overcame"),
];

/// The base forms a present-tense word may stand for: itself ("we
/// expect") and, for a third person, the word less its ending ("expects",
/// "carries", "pushes", "believes").
fn bases(present: &str) -> Vec<String> {
    let mut out = vec![present.to_string()];
    if let Some(stem) = present.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = present.strip_suffix("es") {
        out.push(stem.to_string());
    }
    if let Some(stem) = present.strip_suffix('s')
        && !stem.ends_with('s')
    {
        out.push(stem.to_string());
    }
    out
}

/// Is `past` the past tense of a verb whose present form is `present`?
/// Both are single words; case does not matter. Words of under three
/// letters are left alone, and so is a word the same on both sides.
pub(super) fn put_in_past(present: &str, past: &str) -> bool {
    let (present, past) = (present.to_lowercase(), past.to_lowercase());
    let letters = |w: &str| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_lowercase());
    if !letters(&present) || !letters(&past) || present == past || past.len() < 3 {
        return false;
    }
    bases(&present)
        .iter()
        .any(|base| regular_past(base, &past) || irregular_past(base, &past))
}

fn irregular_past(base: &str, past: &str) -> bool {
    IRREGULAR.iter().any(|&(b, p)| b == base && p == past)
}

/// "expect" -> "expected", "believe" -> "believed", "carry" ->
/// "carried", "stop" -> "stopped".
fn regular_past(base: &str, past: &str) -> bool {
    if base.len() < 3 {
        return false;
    }
    let Some(stem) = past.strip_suffix("ed") else {
        return false;
    };
    let last = base.as_bytes()[base.len() - 1];
    stem == base
        || (last == b'e' && format!("{stem}e") == base)
        || (last == b'y' && stem.strip_suffix('i') == Some(&base[..base.len() - 1]))
        || (stem.len() == base.len() + 1
            && stem.starts_with(base)
            && stem.as_bytes()[base.len()] == last)
}

#[cfg(test)]
mod tests {
    use super::put_in_past;

    #[test]
    fn reads_regular_and_irregular_past_forms() {
        for (a, b) in [
            ("comes", "came"),
            ("expect", "expected"),
            ("expects", "expected"),
            ("believes", "believed"),
            ("carries", "carried"),
            ("stops", "stopped"),
            ("pushes", "pushed"),
            ("Says", "said"),
            ("remains", "remained"),
            ("does", "did"),
            ("goes", "went"),
        ] {
            assert!(put_in_past(a, b), "{a} -> {b}");
        }
        for (a, b) in [
            ("came", "comes"),
            ("expect", "expects"),
            ("cost", "cost"),
            ("rises", "falls"),
            ("need", "seed"),
            ("is", "was"),
            ("kept", "keeped"),
        ] {
            assert!(!put_in_past(a, b), "{a} -> {b}");
        }
    }
}
