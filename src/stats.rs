//! `--stats`: sizes, time per stage, throughput and peak memory.

use std::fmt::Write;
use std::time::Duration;

use crate::pipeline::Stats;

/// Peak resident memory of this process in bytes (Linux `VmHWM`), if known.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The `--stats` summary (for stderr).
pub fn render(
    stats: &Stats,
    files: usize,
    docs: usize,
    compared: usize,
    total: Duration,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "stats: {files} files, {docs} documents, {:.1} MB, {} paragraphs, {} sentences, {compared} passages compared",
        mb(stats.bytes),
        stats.paragraphs,
        stats.sentences
    );
    for (stage, d, peak) in &stats.stages {
        let secs = d.as_secs_f64();
        let _ = write!(
            out,
            "  {stage:<18} {secs:>8.3} s {:>9.1} MB/s",
            mb(stats.bytes) / secs.max(1e-9)
        );
        match peak {
            Some(p) => {
                let _ = writeln!(out, "   peak memory so far {:>8.1} MB", mb(*p as usize));
            }
            None => out.push('\n'),
        }
    }
    let secs = total.as_secs_f64();
    let _ = write!(
        out,
        "  {:<18} {secs:>8.3} s {:>9.1} MB/s, {} threads",
        "total",
        mb(stats.bytes) / secs.max(1e-9),
        rayon::current_num_threads()
    );
    match peak_rss_bytes() {
        Some(p) => {
            let _ = writeln!(out, ", peak memory {:.1} MB", mb(p as usize));
        }
        None => out.push('\n'),
    }
    out
}
