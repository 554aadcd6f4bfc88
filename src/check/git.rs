//! `--since REV`: the files changed since a git revision (committed,
//! staged or not, and untracked files), in the manner of semgrep's
//! `--baseline-commit`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("--since needs git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "--since: git {} in {}: {}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// Absolute paths (under the repository's canonical top level) of the
/// files under `dirs` that changed since `rev`, deleted ones included.
pub fn changed_since(rev: &str, dirs: &[PathBuf]) -> Result<HashSet<PathBuf>, String> {
    let mut out = HashSet::new();
    for d in dirs {
        let dir = if d.is_dir() {
            d.as_path()
        } else {
            d.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
        };
        let top = git(dir, &["rev-parse", "--show-toplevel"])?;
        let top = PathBuf::from(String::from_utf8_lossy(&top).trim().to_string());
        let top = std::fs::canonicalize(&top).unwrap_or(top);
        let diff = git(
            dir,
            &["diff", "--name-only", "--no-renames", "-z", rev, "--", "."],
        )?;
        let untracked = git(
            dir,
            &[
                "ls-files",
                "--others",
                "--exclude-standard",
                "--full-name",
                "-z",
                "--",
                ".",
            ],
        )?;
        for name in diff.split(|&b| b == 0).chain(untracked.split(|&b| b == 0)) {
            if !name.is_empty() {
                out.insert(top.join(String::from_utf8_lossy(name).as_ref()));
            }
        }
    }
    Ok(out)
}
