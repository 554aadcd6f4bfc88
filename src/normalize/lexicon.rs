//! The word lists of matching forms: number words and ordinals, the
//! contractions, the press's scale suffixes ("1.5bn"), and the table that
//! sends each listed form to the token it stands for.

use std::sync::LazyLock;

use xxhash_rust::xxh3::xxh3_64;

use super::{LexKind, spelling};

/// Hash of a matching form (what tokens of that form hash to).
pub fn form_hash(form: &str) -> u64 {
    xxh3_64(form.as_bytes())
}

pub(super) static H_PER: LazyLock<u64> = LazyLock::new(|| form_hash("per"));
pub(super) static H_CENT: LazyLock<u64> = LazyLock::new(|| form_hash("cent"));
pub(crate) static H_PERCENT: LazyLock<u64> = LazyLock::new(|| form_hash("percent"));
/// A minus sign before a figure ("-5C", "−3.2%") reads as the word "minus",
/// so a sign written either way is the same token, and a sign dropped or
/// added is an edit of the figure.
pub(crate) static H_MINUS: LazyLock<u64> = LazyLock::new(|| form_hash("minus"));
pub(super) static H_DEGREE: LazyLock<u64> = LazyLock::new(|| form_hash("degree"));
pub(crate) static H_DEGREES: LazyLock<u64> = LazyLock::new(|| form_hash("degrees"));
/// Degrees with their scale: "°C", "1.5C", "degrees Celsius", "degrees
/// C", "degrees centigrade" are one token; "°F", "90F", "degrees
/// Fahrenheit" another.
pub(crate) static H_DEG_C: LazyLock<u64> = LazyLock::new(|| form_hash("°c"));
pub(crate) static H_DEG_F: LazyLock<u64> = LazyLock::new(|| form_hash("°f"));
/// Units of length, weight and speed after a number, written in full or
/// abbreviated, and the token each makes ("5 km" = "5 kilometres", "71
/// km/h" = "71 kilometres per hour"). "m" is not among them: "5m" is
/// million. Sorted by form, for lookups.
pub(super) static H_UNITS: LazyLock<Vec<(u64, u64)>> = LazyLock::new(|| {
    let units: [(&str, &str); 16] = [
        ("km", "km kilometre kilometres kilometer kilometers"),
        ("kg", "kg kgs kilogram kilograms kilogramme kilogrammes"),
        ("cm", "cm centimetre centimetres centimeter centimeters"),
        ("mm", "mm millimetre millimetres millimeter millimeters"),
        ("ft", "ft feet foot"),
        ("lb", "lb lbs"),
        ("mile", "mile miles"),
        ("mph", "mph"),
        ("km/h", "kph kmh"),
        ("ha", "ha hectare hectares"),
        ("kw", "kw kilowatt kilowatts"),
        ("mw", "mw megawatt megawatts"),
        ("gw", "gw gigawatt gigawatts"),
        ("kwh", "kwh"),
        ("mwh", "mwh"),
        ("gwh", "gwh"),
    ];
    let mut out: Vec<(u64, u64)> = units
        .iter()
        .flat_map(|(unit, forms)| {
            let t = form_hash(unit);
            forms.split(' ').map(move |f| (form_hash(f), t))
        })
        .collect();
    out.sort_unstable();
    out
});
/// "km" and "mile" before "per hour" or "/h" make a speed.
pub(super) static H_SPEEDS: LazyLock<[(u64, u64); 2]> =
    LazyLock::new(|| [("km", "km/h"), ("mile", "mph")].map(|(u, s)| (form_hash(u), form_hash(s))));
pub(super) static H_HOUR: LazyLock<[u64; 2]> =
    LazyLock::new(|| [form_hash("hour"), form_hash("h")]);

/// Temperature scales as written after "degrees", and the token each
/// makes of it.
pub(super) static H_SCALES: LazyLock<[(u64, u64); 5]> = LazyLock::new(|| {
    [
        ("celsius", *H_DEG_C),
        ("centigrade", *H_DEG_C),
        ("c", *H_DEG_C),
        ("fahrenheit", *H_DEG_F),
        ("f", *H_DEG_F),
    ]
    .map(|(w, t)| (form_hash(w), t))
});

pub(crate) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Number words and their values.
const NUMBER_WORDS: [(&str, u32); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The value of a number word ("thirteen" = 13), if it is one.
pub fn number_word(w: &str) -> Option<u32> {
    NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// Ordinal words and their values ("twenty-first" is "twenty" and a unit).
const ORDINAL_WORDS: [(&str, u32); 27] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

/// The value of an ordinal word ("third" = 3), if it is one.
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    ORDINAL_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// The token of the ordinal with value `n`, however written: "21st",
/// "21ST", "twenty-first" (a word, not a number: an ordinal counts no
/// quantity).
pub(crate) fn ordinal_hash(n: u64) -> u64 {
    form_hash(&format!("{n}th"))
}

/// "21st", "2nd", "3rd", "4th" (any case): the value of an ordinal written
/// in digits. Any of the four endings is taken after any digits.
pub(crate) fn digit_ordinal(w: &[u8]) -> Option<u64> {
    let n = w.len();
    if n < 3 || !w[..n - 2].iter().all(u8::is_ascii_digit) || n - 2 > 18 {
        return None;
    }
    let end = [w[n - 2].to_ascii_lowercase(), w[n - 1].to_ascii_lowercase()];
    matches!(&end, b"st" | b"nd" | b"rd" | b"th")
        .then(|| std::str::from_utf8(&w[..n - 2]).ok()?.parse().ok())
        .flatten()
}

/// Contracted endings and their expansions: "don't" is "do" + "not", as
/// "do not" is, so an expanded or contracted quotation matches its source.
/// ("'s" and "'d" are left alone: "it's" may be "it is" or "it has", and
/// "MI5's" is a possessive.)
const CONTRACTIONS: [(&[u8], &str); 5] = [
    (b"n't", "not"),
    (b"'re", "are"),
    (b"'ve", "have"),
    (b"'ll", "will"),
    (b"'m", "am"),
];

/// The contracted ending of a word (its letters, any apostrophe as `'`,
/// any case): its length and expansion, if it has one after a letter.
/// "cannot" counts as "can" + "not", as "can't" does.
pub(crate) fn contraction(w: &[u8]) -> Option<(usize, &'static str)> {
    // Every ending has its apostrophe two or three from the end: most words
    // are ruled out by two byte tests.
    let n = w.len();
    if n < 3 || !(w[n - 3] == b'\'' || w[n - 2] == b'\'') {
        return (n == 6 && w.eq_ignore_ascii_case(b"cannot")).then_some((3, "not"));
    }
    CONTRACTIONS
        .iter()
        .find(|(end, _)| {
            w.len() > end.len()
                && w[w.len() - end.len()..].eq_ignore_ascii_case(end)
                && w[w.len() - end.len() - 1].is_ascii_alphabetic()
        })
        .map(|(end, x)| (end.len(), *x))
}

/// The word a "n't" contraction's first part stands for where its letters
/// change ("ca" in "can't" is "can", "wo" in "won't" is "will").
pub(crate) fn contracted_base(base: &[u8]) -> Option<&'static str> {
    let letters: Vec<u8> = base
        .iter()
        .filter(|&&c| c != b'[' && c != b']')
        .map(u8::to_ascii_lowercase)
        .collect();
    [("ca", "can"), ("wo", "will"), ("sha", "shall")]
        .iter()
        .find(|(b, _)| letters == b.as_bytes())
        .map(|(_, w)| *w)
}

/// Units written on a number ("82.6p", "10km", "400MW") and the word each
/// stands for: split off, the number is a number ("82.6p" = "82.6 pence",
/// and against "86.2 pence" a changed figure, not a changed word). The
/// abbreviations of [`H_UNITS`] ("5km" = "5 km" = "5 kilometres") and "p"
/// for pence, lower case only ("5P" is no price). Never "m" (million),
/// "g" ("4G") or "s" ("1990s").
const UNIT_SUFFIXES: [&str; 17] = [
    "km", "kg", "cm", "mm", "ft", "lb", "lbs", "mph", "kph", "kmh", "ha", "kw", "kwh", "mw", "mwh",
    "gw", "gwh",
];

/// "1.5bn", "£300m", "10k", "13pc", "1.5C": a number with a scale,
/// per-cent or temperature suffix written on, as the press writes them;
/// also the units of [`UNIT_SUFFIXES`] and "p" (pence).
/// Where the digits end, and the word the suffix stands for ("1.5bn" is
/// "1.5 billion", "1.5C" and "90F" degrees Celsius and Fahrenheit). Only the lower-case "m"
/// and "k" count ("3M" and "4K" are names more often than quantities),
/// only the upper-case "C" and "F" ("50c" is cents), and never a lone "b".
pub(crate) fn scaled(w: &[u8]) -> Option<(usize, &'static str)> {
    let digits = w
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
        .count();
    if digits == 0 || !w[0].is_ascii_digit() || !w[digits - 1].is_ascii_digit() {
        return None;
    }
    let suffix = &w[digits..];
    let is = |forms: &[&[u8]]| forms.iter().any(|f| suffix.eq_ignore_ascii_case(f));
    let word = if suffix == b"k" {
        "thousand"
    } else if matches!(suffix, b"m" | b"mn" | b"mln") {
        "million"
    } else if is(&[b"bn", b"bln"]) {
        "billion"
    } else if is(&[b"tn", b"trn"]) {
        "trillion"
    } else if is(&[b"pc"]) {
        "percent"
    } else if suffix == b"C" {
        "°c"
    } else if suffix == b"F" {
        "°f"
    } else if suffix == b"p" {
        "pence"
    } else {
        UNIT_SUFFIXES.iter().find(|u| is(&[u.as_bytes()]))?
    };
    Some((digits, word))
}

/// Slots of [`SUBSTITUTES`] (a power of two, over twice the entries).
const SLOTS: usize = 256;
/// Bits of the filter in front of the slots.
const FILTER_BITS: usize = 4096;

/// Forms whose token is another's, by the hash of the form: each number
/// word to its digits ("thirteen" = "13"), each ordinal word to its digit
/// form ("third" = "3rd"), each British spelling of
/// [`spelling::WORDS`] to the American. Every word is hashed anyway, and
/// one probe here replaces comparing it against both lists. (Two forms with
/// equal 64-bit hashes are the same token everywhere in stemma.)
struct Substitutes {
    /// A bit per low hash bits: nearly every word is in neither list, and
    /// one well-predicted bit test sends it on (probing the slots cost a
    /// mispredicted branch or two per word).
    filter: [u64; FILTER_BITS / 64],
    slots: [(u64, u64, LexKind); SLOTS],
}

static SUBSTITUTES: LazyLock<Substitutes> = LazyLock::new(|| {
    let numbers = NUMBER_WORDS
        .iter()
        .map(|(w, v)| (*w, v.to_string(), LexKind::Number));
    let spellings = spelling::WORDS
        .iter()
        .map(|(uk, us)| (*uk, us.to_string(), LexKind::Word));
    let ordinals = ORDINAL_WORDS
        .iter()
        .map(|(w, v)| (*w, format!("{v}th"), LexKind::Word));
    let mut t = Substitutes {
        filter: [0; FILTER_BITS / 64],
        slots: [(0, 0, LexKind::Word); SLOTS],
    };
    for (from, to, kind) in numbers.chain(spellings).chain(ordinals) {
        let h = form_hash(from);
        let b = h as usize % FILTER_BITS;
        t.filter[b / 64] |= 1 << (b % 64);
        let mut i = slot(h);
        while t.slots[i].0 != 0 {
            i = (i + 1) % SLOTS;
        }
        t.slots[i] = (h, form_hash(&to), kind);
    }
    t
});

/// The home slot of hash `h`: its top bits.
fn slot(h: u64) -> usize {
    (h >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The token (hash and kind) that the form hashing to `h` stands for, if
/// it is a number word or a British spelling from the list.
pub(crate) fn substitute(h: u64) -> Option<(u64, LexKind)> {
    let t = &*SUBSTITUTES;
    let b = h as usize % FILTER_BITS;
    if t.filter[b / 64] >> (b % 64) & 1 == 0 {
        return None;
    }
    let mut i = slot(h);
    loop {
        match t.slots[i] {
            (k, v, kind) if k == h => return Some((v, kind)),
            (0, ..) => return None,
            _ => i = (i + 1) % SLOTS,
        }
    }
}

/// Words that carry no content of their own, by the hash of their matching
/// form: articles, pronouns, auxiliaries, common prepositions and
/// conjunctions.
pub fn is_function_word(h: u64) -> bool {
    static WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut w: Vec<u64> = "the a an of to in on at for with by from and or but that this these \
             those it its he she they we i you his her their our them us has have had was were is \
             are be been being will would can could should may might as so also than then there here"
            .split_whitespace()
            .map(form_hash)
            .collect();
        w.sort_unstable();
        w
    });
    WORDS.binary_search(&h).is_ok()
}
