//! Multipliers: "twice", "doubled", "three times", "tenfold". A multiplier
//! put for another ("three times as much" for "twice as much", "tripled"
//! for "doubled") changes the figure as surely as "3" for "2" does.

use super::*;

/// Words that multiply on their own, and by how much.
static WORDS: LazyLock<Vec<(u64, f64)>> = LazyLock::new(|| {
    let groups: [(&str, f64); 8] = [
        ("halve halved halves halving", 0.5),
        ("twice double doubled doubles doubling twofold", 2.0),
        (
            "thrice triple tripled triples tripling treble trebled trebles trebling threefold",
            3.0,
        ),
        ("quadruple quadrupled quadruples quadrupling fourfold", 4.0),
        ("fivefold", 5.0),
        ("sixfold", 6.0),
        ("tenfold", 10.0),
        ("hundredfold", 100.0),
    ];
    groups
        .iter()
        .flat_map(|(words, x)| words.split(' ').map(move |w| (form_hash(w), *x)))
        .collect()
});

/// Words that make the number before them a multiplier ("three times",
/// "3-fold").
static AFTER: LazyLock<[u64; 2]> = LazyLock::new(|| ["times", "fold"].map(form_hash));

/// The one multiplier token range `r` holds: its value and its tokens.
fn multiplier(side: &Side<'_>, r: &Range<usize>) -> Option<(f64, Range<usize>)> {
    let mut found = r.clone().filter_map(|t| {
        let h = side.lexeme(t).hash;
        WORDS.iter().find(|w| w.0 == h).map(|w| (w.1, t..t + 1))
    });
    let word = found.next();
    let counted = items(side, r).into_iter().filter_map(|x| {
        let after = x.tokens.end < r.end && AFTER.contains(&side.lexeme(x.tokens.end).hash);
        let v = x.value.filter(|_| after && x.unit == Unit::Plain)?;
        Some((v, x.tokens.start..x.tokens.end + 1))
    });
    let mut all = word.into_iter().chain(found).chain(counted);
    let one = all.next()?;
    all.next().is_none().then_some(one)
}

/// A multiplier of source tokens `p` put for another in secondary tokens
/// `s` (one each side): the two as written, and the secondary's tokens.
pub(in crate::classify) fn multiplier_changed(
    src: &Side<'_>,
    p: &Range<usize>,
    sec: &Side<'_>,
    s: &Range<usize>,
) -> Option<(String, String, Range<usize>)> {
    let (a, pa) = multiplier(src, p)?;
    let (b, sb) = multiplier(sec, s)?;
    (a != b).then(|| (src.text_of(&pa), sec.text_of(&sb), sb))
}
