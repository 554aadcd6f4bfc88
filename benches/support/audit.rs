//! A generated audit corpus: 20 primaries ("speeches") and secondaries of
//! about 10 KB that mix paragraphs of their own with sentences taken from the
//! primaries, each with one planted treatment: verbatim quotation, dropped
//! word, cut clause, paraphrase, misquote, changed number, or a quotation of
//! something no primary says. Deterministic: same size, same bytes.

use std::path::{Path, PathBuf};

use super::Generator;

const PRIMARIES: usize = 20;

/// The planted treatments, in rotation.
const TREATMENTS: [&str; 7] = [
    "verbatim",
    "copy_error",
    "truncation",
    "paraphrase",
    "misquote",
    "numeric",
    "unsupported",
];

fn sentences(g: &mut Generator, n: usize) -> Vec<Vec<String>> {
    (0..n)
        .map(|_| {
            let mut s: Vec<String> = g
                .fresh_paragraph()
                .into_iter()
                .take(18)
                .map(|w| w.trim_end_matches(['.', ',']).to_ascii_lowercase())
                .collect();
            // Give every sentence a number, so numbers can be changed.
            let at = 3 + g.rng.below(s.len().saturating_sub(4).max(1));
            s.insert(at.min(s.len()), format!("{}", 10 + g.rng.below(900)));
            if let Some(first) = s.first_mut() {
                first[..1].make_ascii_uppercase();
            }
            if let Some(last) = s.last_mut() {
                last.retain(|c| c.is_alphanumeric());
                last.push('.');
            }
            s
        })
        .collect()
}

fn treat(g: &mut Generator, s: &[String], how: &str) -> String {
    let body = |w: &[String]| w.join(" ").trim_end_matches('.').to_string();
    let mut w = s.to_vec();
    match how {
        "verbatim" => format!("He said: “{}.”", body(&w)),
        "copy_error" => {
            w.remove(1 + g.rng.below(w.len() - 2));
            format!("{}.", body(&w))
        }
        "truncation" => format!("{}.", body(&w[..w.len() - 5])),
        "paraphrase" => {
            for _ in 0..w.len() / 4 {
                let i = g.rng.below(w.len());
                w[i] = g.word().to_string();
            }
            format!("{}.", body(&w))
        }
        "misquote" => {
            let i = 2 + g.rng.below(w.len() - 4);
            w[i] = g.word().to_string();
            format!("She said: “{}.”", body(&w))
        }
        "numeric" => {
            for x in w.iter_mut() {
                if x.chars().all(|c| c.is_ascii_digit()) {
                    *x = format!("{}", x.parse::<u32>().unwrap_or(0) + 7);
                }
            }
            format!("{}.", body(&w))
        }
        _ => {
            let fresh: Vec<String> = (0..14).map(|_| g.word().to_string()).collect();
            format!("They said: “{}.”", fresh.join(" "))
        }
    }
}

/// Writes the corpus (primaries under `primary/`, secondaries under
/// `secondary/`, a manifest) once, under `target/bench-audit-<mb>mb`.
pub fn audit_corpus_dir(mb: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-audit-{mb}mb"));
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("primary")).expect("create bench folder");
    std::fs::create_dir_all(dir.join("secondary")).expect("create bench folder");
    let mut g = Generator::new(20261124);
    let mut manifest = String::new();
    let mut pool: Vec<Vec<String>> = Vec::new();
    for p in 0..PRIMARIES {
        let ss = sentences(&mut g, 120);
        let text: String = ss
            .chunks(4)
            .map(|c| c.iter().map(|s| s.join(" ")).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
        std::fs::write(dir.join(format!("primary/speech{p:02}.txt")), text + "\n")
            .expect("write primary");
        manifest.push_str(&format!("[[document]]\npath = \"primary/speech{p:02}.txt\"\nrole = \"primary\"\ntitle = \"Speech {p}\"\n\n"));
        pool.extend(ss);
    }
    let n = (mb * 1_000_000).div_ceil(10_000);
    let mut k = 0;
    for d in 0..n {
        let mut doc = String::new();
        while doc.len() < 10_000 {
            if g.rng.below(3) == 0 {
                let s = pool[g.rng.below(pool.len())].clone();
                let t = treat(&mut g, &s, TREATMENTS[k % TREATMENTS.len()]);
                k += 1;
                doc.push_str(&t);
            } else {
                doc.push_str(&g.fresh_paragraph().join(" "));
            }
            doc.push_str("\n\n");
        }
        std::fs::write(dir.join(format!("secondary/article{d:06}.txt")), doc)
            .expect("write secondary");
        manifest.push_str(&format!("[[document]]\npath = \"secondary/article{d:06}.txt\"\nrole = \"secondary\"\ntitle = \"Speech coverage {d}\"\n\n"));
    }
    std::fs::write(dir.join("stemma.toml"), manifest).expect("write manifest");
    std::fs::write(&done, "").expect("mark complete");
    dir
}
