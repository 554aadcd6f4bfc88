//! A deterministic generated corpus for the benches: English-like paragraphs
//! (Zipf-distributed synthetic vocabulary, sentences, hard-wrapped at 76
//! columns), with 10% of paragraphs planted as exact or edited copies of
//! earlier ones. Same size, same bytes, every run.

pub mod audit;

use std::path::{Path, PathBuf};

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ta", "ri", "so", "ve", "du", "pe", "ar", "en", "is", "or", "um", "th",
    "st", "qu", "an", "el", "ro", "ba", "ci", "fo",
];

pub struct Generator {
    pub rng: Rng,
    vocab: Vec<String>,
    cumulative: Vec<f64>,
    paragraphs: Vec<String>,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let vocab: Vec<String> = (0..30_000)
            .map(|_| {
                let n = 1 + rng.below(4);
                (0..n)
                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                    .collect()
            })
            .collect();
        let mut cumulative = Vec::with_capacity(vocab.len());
        let mut total = 0.0;
        for r in 1..=vocab.len() {
            total += 1.0 / r as f64;
            cumulative.push(total);
        }
        Generator {
            rng,
            vocab,
            cumulative,
            paragraphs: Vec::new(),
        }
    }

    pub fn word(&mut self) -> &str {
        let x =
            (self.rng.next() as f64 / u64::MAX as f64) * self.cumulative[self.cumulative.len() - 1];
        let i = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.vocab.len() - 1);
        &self.vocab[i]
    }

    /// A paragraph of new words (never a copy), as words.
    pub fn fresh_paragraph(&mut self) -> Vec<String> {
        let mut words = Vec::new();
        for _ in 0..3 + self.rng.below(5) {
            let n = 8 + self.rng.below(16);
            for k in 0..n {
                let mut w = self.word().to_string();
                if k == 0 {
                    w[..1].make_ascii_uppercase();
                }
                if k + 1 == n {
                    w.push('.');
                } else if self.rng.below(12) == 0 {
                    w.push(',');
                }
                words.push(w);
            }
        }
        words
    }

    fn edited_copy(&mut self) -> Vec<String> {
        let src = self.paragraphs[self.rng.below(self.paragraphs.len())].clone();
        let mut words: Vec<String> = src.split_whitespace().map(String::from).collect();
        let edits = match self.rng.below(4) {
            0 => 0,
            1 => 2,
            2 => words.len() / 12,
            _ => words.len() / 8,
        };
        for _ in 0..edits {
            let i = self.rng.below(words.len());
            if self.rng.below(3) == 0 && words.len() > 10 {
                words.remove(i);
            } else {
                words[i] = self.word().to_string();
            }
        }
        words
    }

    /// The next paragraph, hard-wrapped at 76 columns.
    pub fn paragraph(&mut self) -> String {
        let words = if !self.paragraphs.is_empty() && self.rng.below(10) == 0 {
            self.edited_copy()
        } else {
            self.fresh_paragraph()
        };
        let mut out = String::new();
        let mut col = 0;
        for w in &words {
            if col > 0 && col + 1 + w.len() > 76 {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(w);
            col += w.len();
        }
        if self.paragraphs.len() < 20_000 {
            self.paragraphs.push(words.join(" "));
        } else {
            let i = self.rng.below(self.paragraphs.len());
            self.paragraphs[i] = words.join(" ");
        }
        out
    }

    /// A document of about `bytes` bytes.
    pub fn document(&mut self, bytes: usize) -> String {
        let mut doc = String::new();
        while doc.len() < bytes {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            let p = self.paragraph();
            doc.push_str(&p);
        }
        doc.push('\n');
        doc
    }
}

/// Documents totalling about `mb` megabytes (10 KB each).
pub fn documents(mb: usize) -> Vec<String> {
    let mut g = Generator::new(20261123);
    let n = (mb * 1_000_000).div_ceil(10_000);
    (0..n).map(|_| g.document(10_000)).collect()
}

/// Writes the corpus under `target/bench-corpus-<mb>mb` once and returns its
/// folder (reused by later runs: the bytes are the same every time).
pub fn corpus_dir(mb: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-corpus-{mb}mb"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create bench corpus folder");
        for (i, d) in documents(mb).iter().enumerate() {
            std::fs::write(dir.join(format!("doc{i:06}.txt")), d).expect("write bench corpus");
        }
        std::fs::write(&done, "").expect("mark bench corpus complete");
    }
    dir
}

/// Corpus size for the benches: `STEMMA_BENCH_MB` (default 100).
pub fn bench_mb() -> usize {
    std::env::var("STEMMA_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}
