//! Edits that are not edits: the same words written another way. A
//! quantity in other figures or words ("5,000" for "five thousand"), a
//! qualifier in other words ("over 750" for "more than 750"), a currency
//! symbol spelt out ("1.5 billion pounds" for "£1.5bn"), and a compound or
//! abbreviation closed up or broken ("counterterrorism" for
//! "counter-terrorism" or "counter terrorism", "UK" for "U.K.").

use std::ops::Range;

use super::{Side, quantity};
use crate::align::Tag;

/// Does the edit `tag` between source tokens `p` and secondary tokens `s`
/// only write the same words another way?
pub(super) fn same_words(
    tag: Tag,
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> bool {
    match tag {
        Tag::Replace => {
            quantity::same(src, p, sec, s)
                || quantity::same_qualifier(src, p, sec, s)
                || same_letters(&src.text_of(p), &sec.text_of(s))
        }
        Tag::Insert => quantity::currency_word(sec, s, src, p.start),
        Tag::Delete => quantity::currency_word(src, p, sec, s.start),
        Tag::Equal => true,
    }
}

/// Are two stretches of text the same letters and digits, one word
/// written closed, hyphenated or with points ("cooperate", "co-operate";
/// "UK", "U.K.")? Written apart, it is the same only as two long parts
/// ("cyber attack", "counter terrorism": at least three letters each, eight
/// in all); short words apart ("a part" for "apart", "any one" for
/// "anyone") may mean something else, and stay edits.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |t: &str| {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (x, y) = (letters(a), letters(b));
    !x.is_empty() && x == y && open_compound(a) && open_compound(b)
}

/// Is `t` one word, or two long words apart (see [`same_letters`])?
fn open_compound(t: &str) -> bool {
    let parts: Vec<&str> = t.split_whitespace().collect();
    let size = |p: &&str| p.chars().filter(|c| c.is_alphanumeric()).count();
    match parts.len() {
        1 => true,
        2 => parts.iter().all(|p| size(p) >= 3) && parts.iter().map(size).sum::<usize>() >= 8,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::same_letters;

    #[test]
    fn compounds_and_abbreviations_are_the_same_letters() {
        assert!(same_letters("counter-terrorism", "counterterrorism"));
        assert!(same_letters("U.K.", "UK"));
        assert!(same_letters("e‑mail", "Email"));
        assert!(!same_letters("a part", "apart"));
        assert!(!same_letters("any one", "anyone"));
        assert!(same_letters("cyber attack", "cyberattack"));
        assert!(same_letters("Counter terrorism", "counter-terrorism"));
        assert!(!same_letters("counter terror ism", "counterterrorism"));
        assert!(!same_letters("counter-terrorism", "counter-terror"));
        assert!(!same_letters("", ""));
        assert!(!same_letters("--", "—"));
    }
}
