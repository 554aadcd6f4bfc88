//! British and American spellings share one matching form, so that a
//! quotation a newspaper printed in its house spelling ("modernize our
//! defense") matches the speech as published ("modernise our defence").
//! The folds work on lower-case ASCII forms, both sides alike: a fold that
//! also rewrites a word it was not meant for ("exercise" -> "exercize") is
//! harmless, as long as it does not make two different words one. Each rule
//! keeps a stem long enough to rule out the short words it would merge
//! ("prise"/"prize", "filed"/"filled", "stalled"/"staled"). Checked against
//! the wamerican and wbritish word lists, what is still merged is a real
//! British/American pair, but for the odd proper name ("Chartres").

/// Words spelled differently, not by a rule: British, American. Looked up
/// by the hash of their form after the rules ("practise" is "practize" by
/// then), with the number words: see `normalize::substitute`.
pub(super) const WORDS: [(&str, &str); 32] = [
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
    ("practize", "practice"),
    ("practized", "practiced"),
    ("practizing", "practicing"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("ageing", "aging"),
    ("grey", "gray"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analogue", "analog"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("skilful", "skillful"),
    ("sceptical", "skeptical"),
    ("sceptic", "skeptic"),
    ("aluminium", "aluminum"),
    ("manoeuvre", "maneuver"),
    ("jewellery", "jewelry"),
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("calibre", "caliber"),
    ("sombre", "somber"),
];

/// How to rewrite a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fold {
    /// The `s` at this position becomes `z`.
    Zed(usize),
    /// Remove the byte at this position.
    Remove(usize),
    /// Keep this many bytes, then append.
    Tail(usize, &'static [u8]),
}

/// The last three letters of a word, as one number to match on.
const fn tail(s: &[u8; 3]) -> u32 {
    (s[0] as u32) << 16 | (s[1] as u32) << 8 | s[2] as u32
}

const BLE: u32 = tail(b"ble");
const BLY: u32 = tail(b"bly");
const ERS: u32 = tail(b"ers");
const FUL: u32 = tail(b"ful");
const ING: u32 = tail(b"ing");
const ION: u32 = tail(b"ion");
const ISE: u32 = tail(b"ise");
const ITE: u32 = tail(b"ite");
const LED: u32 = tail(b"led");
const LER: u32 = tail(b"ler");
const ONS: u32 = tail(b"ons");
const OOD: u32 = tail(b"ood");
const OUR: u32 = tail(b"our");
const RED: u32 = tail(b"red");
const RER: u32 = tail(b"rer");
const RES: u32 = tail(b"res");
const SED: u32 = tail(b"sed");
const SER: u32 = tail(b"ser");
const SES: u32 = tail(b"ses");
const TES: u32 = tail(b"tes");
const TRE: u32 = tail(b"tre");
const URS: u32 = tail(b"urs");
const YSE: u32 = tail(b"yse");

/// Every tail a rule starts from.
const TAILS: [u32; 23] = [
    BLE, BLY, ERS, FUL, ING, ION, ISE, ITE, LED, LER, ONS, OOD, OUR, RED, RER, RES, SED, SER, SES,
    TES, TRE, URS, YSE,
];

/// Bit `h(t)` set for every tail `t` of [`TAILS`]: a word whose tail's bit
/// is clear (nearly every word) has no fold, and [`find`] is not called.
static FILTER: [u64; 64] = {
    let mut f = [0u64; 64];
    let mut i = 0;
    while i < TAILS.len() {
        let b = filter_bit(TAILS[i]);
        f[b / 64] |= 1 << (b % 64);
        i += 1;
    }
    f
};

const fn filter_bit(tail: u32) -> usize {
    (tail.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// Could a rule apply to this lower-case form? (One bit test.)
#[inline]
pub(super) fn may_fold(w: &[u8]) -> bool {
    let n = w.len();
    n >= 5 && {
        let b = filter_bit(tail(&[w[n - 3], w[n - 2], w[n - 1]]));
        FILTER[b / 64] >> (b % 64) & 1 == 1
    }
}

/// The fold of a rule for a lower-case ASCII form, if one applies, chosen
/// by the last three letters.
pub(super) fn find(w: &[u8]) -> Option<Fold> {
    if !may_fold(w) {
        return None;
    }
    let n = w.len();
    // Stem of three letters or more, "is"/"ys", then `end` bytes:
    // -ise -> -ize (organise, organisation, analysed).
    let ize = |end: usize| {
        let at = n.checked_sub(end + 2).filter(|&at| at >= 3)?;
        matches!(&w[at..at + 2], b"is" | b"ys").then_some(Fold::Zed(at + 1))
    };
    // -our -> -or (colour, labours, favourite, honourable).
    let our = |end: usize| {
        let at = n.checked_sub(end + 3).filter(|&at| at >= 3)?;
        (&w[at..at + 3] == b"our").then_some(Fold::Remove(at + 1))
    };
    // -elled, -alling -> -eled, -aling (travelled, fuelled, signalled; a
    // stem of three before "all", so that "stalled" stays apart from
    // "staled").
    let ll = |end: usize| {
        let at = n.checked_sub(end + 3).filter(|&at| at >= 2)?;
        match &w[at..at + 3] {
            b"ell" => Some(Fold::Remove(at + 2)),
            b"all" if at >= 3 => Some(Fold::Remove(at + 2)),
            _ => None,
        }
    };
    // -tre -> -ter (centre, centres, centred).
    let tre = |end: usize, to: &'static [u8]| {
        let at = n.checked_sub(end + 1).filter(|&at| at >= 2)?;
        (w[at] == b't').then_some(Fold::Tail(at + 1, to))
    };
    match tail(&[w[n - 3], w[n - 2], w[n - 1]]) {
        ISE | YSE => ize(1),
        ITE => our(3),
        BLE => our(4),
        TRE => tre(2, b"er"),
        OOD => our(4),
        // ("centred", not "hatred")
        RED => tre(3, b"ered").filter(|_| n >= 7).or_else(|| our(2)),
        SED => ize(2),
        LED => ll(2),
        ONS => ize(6),
        TES => our(4),
        RES => tre(3, b"ers"),
        ERS => ize(3).or_else(|| our(3)).or_else(|| ll(3)),
        // (-ises only: "analyses" is also a plural noun)
        SES => ize(2).filter(|_| w[n - 4] == b'i'),
        URS => our(1),
        ING => ize(3).or_else(|| our(3)).or_else(|| ll(3)),
        ION => ize(5),
        SER => ize(2),
        RER => our(2),
        LER => ll(2),
        OUR => our(0),
        BLY => our(4),
        FUL => our(3),
        _ => None,
    }
}

/// Applies a fold found by [`find`] on the same form.
pub(super) fn apply(fold: Fold, w: &mut Vec<u8>) {
    match fold {
        Fold::Zed(at) => w[at] = b'z',
        Fold::Remove(at) => {
            w.remove(at);
        }
        Fold::Tail(keep, to) => {
            w.truncate(keep);
            w.extend_from_slice(to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form as the lexer makes it: the rules, then the word list.
    fn us(w: &str) -> String {
        let mut v = w.as_bytes().to_vec();
        if let Some(f) = find(&v) {
            apply(f, &mut v);
        }
        let v = String::from_utf8(v).unwrap();
        match WORDS.iter().find(|(uk, _)| *uk == v) {
            Some((_, am)) => am.to_string(),
            None => v,
        }
    }

    #[test]
    fn british_spellings_fold_to_american() {
        for (uk, am) in [
            ("organisation", "organization"),
            ("organisations", "organizations"),
            ("modernise", "modernize"),
            ("recognised", "recognized"),
            ("criticises", "criticizes"),
            ("analysing", "analyzing"),
            ("organisers", "organizers"),
            ("colour", "color"),
            ("labours", "labors"),
            ("coloured", "colored"),
            ("favourite", "favorite"),
            ("favourites", "favorites"),
            ("honourable", "honorable"),
            ("neighbourhood", "neighborhood"),
            ("centre", "center"),
            ("centres", "centers"),
            ("centred", "centered"),
            ("metre", "meter"),
            ("fibre", "fiber"),
            ("travelled", "traveled"),
            ("cancelling", "canceling"),
            ("signalling", "signaling"),
            ("fuelled", "fueled"),
            ("traveller", "traveler"),
            ("defence", "defense"),
            ("programmes", "programs"),
            ("practise", "practice"),
            ("practising", "practicing"),
        ] {
            assert_eq!(us(uk), am, "{uk}");
            assert_eq!(us(am), am, "{am} is already American");
        }
    }

    #[test]
    fn short_and_unrelated_words_stay_apart() {
        for (a, b) in [
            ("prise", "prize"),
            ("filled", "filed"),
            ("four", "for"),
            ("hour", "hor"),
            ("rise", "rize"),
        ] {
            assert_ne!(us(a), us(b), "{a} / {b}");
        }
        for w in [
            "the", "wise", "hours", "yours", "called", "genre", "acre", "hatred", "four", "crises",
            "sacred", "filled", "stalled", "analyses",
        ] {
            assert_eq!(us(w), w);
        }
    }

    #[test]
    fn the_word_list_holds_forms_the_rules_leave_alone() {
        for (uk, am) in WORDS {
            assert_eq!(find(uk.as_bytes()), None, "{uk}");
            assert_eq!(find(am.as_bytes()), None, "{am}");
        }
    }

    #[test]
    fn the_filter_lets_every_tail_through() {
        for t in TAILS {
            let b = filter_bit(t);
            assert_eq!(FILTER[b / 64] >> (b % 64) & 1, 1);
        }
    }
}
