//! The corpus: which files to read, and what each one is. A directory holding a
//! manifest (`stemma.toml`) is described by it; any other directory is walked;
//! files may also be named one by one (`--primary PATH` marks sources).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::source::{InputError, InputProblem};

pub const MANIFEST_NAME: &str = "stemma.toml";
/// The accepted findings of `stemma check`, next to the manifest: not a document.
pub const BASELINE_NAME: &str = "stemma-baseline.json";

/// What a document is to the audit.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A source as delivered or published.
    Primary,
    /// A document that may draw on the primaries.
    Secondary,
    /// A secondary feed dump, split into items.
    Feed,
}

impl Role {
    /// The role in the JSON contract (a feed's items are secondaries).
    pub fn contract_name(self) -> &'static str {
        match self {
            Role::Primary => "primary",
            Role::Secondary | Role::Feed => "secondary",
        }
    }
}

/// How to parse a file. `None` in an entry means "detect".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Feed,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    corpus: Option<CorpusMeta>,
    #[serde(default, rename = "document")]
    documents: Vec<ManifestEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusMeta {
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntry {
    path: String,
    role: Role,
    date: Option<String>,
    title: Option<String>,
    origin: Option<String>,
    format: Option<Format>,
}

/// One file to read, with what the manifest or the command line says of it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct InputFile {
    /// Path to open.
    pub path: PathBuf,
    /// Path relative to the corpus root, `/`-separated.
    pub rel: String,
    pub role: Role,
    pub date: Option<String>,
    pub title: Option<String>,
    pub origin: Option<String>,
    pub format: Option<Format>,
    /// In a manifest directory but not listed in the manifest.
    pub unlisted: bool,
}

/// Everything the command line named, resolved to files.
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    /// Paths that could not be used at all (missing, unreadable directories).
    pub problems: Vec<InputError>,
    /// The corpus name from a manifest, if any.
    pub name: Option<String>,
}

/// A manifest that cannot be used: the whole run stops (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: malformed manifest: {}",
            self.path.display(),
            self.reason
        )
    }
}

impl std::error::Error for ManifestError {}

/// Resolves the paths given on the command line. `primaries` are files that
/// are sources (added if not already named). Order is deterministic.
pub fn resolve(paths: &[PathBuf], primaries: &[PathBuf]) -> Result<Inputs, ManifestError> {
    let mut inputs = Inputs::default();
    for p in paths {
        add_path(&mut inputs, p)?;
    }
    for p in primaries {
        let key = normalize_path(p);
        match inputs
            .files
            .iter_mut()
            .find(|f| normalize_path(&f.path) == key)
        {
            Some(f) => f.role = Role::Primary,
            None if p.is_file() => {
                let mut f = plain_file(p, &display_rel(p));
                f.role = Role::Primary;
                inputs.files.push(f);
            }
            None => add_path(&mut inputs, p)?.into_iter().for_each(|i| {
                inputs.files[i].role = Role::Primary;
            }),
        }
    }
    // Several paths may name the same file (one path cannot: a manifest
    // refuses repeated entries, a walk meets each file once).
    // The first naming is kept, as a primary if any naming marks it one
    // (`stemma audit DIR --primary DIR/speeches` marks the speeches).
    if paths.len() + primaries.len() > 1 {
        let keys: Vec<PathBuf> = inputs
            .files
            .iter()
            .map(|f| normalize_path(&f.path))
            .collect();
        let primary: std::collections::HashSet<&PathBuf> = keys
            .iter()
            .zip(&inputs.files)
            .filter(|(_, f)| f.role == Role::Primary)
            .map(|(k, _)| k)
            .collect();
        let mut seen = std::collections::HashSet::new();
        let mut kept = Vec::with_capacity(inputs.files.len());
        for (f, k) in std::mem::take(&mut inputs.files).into_iter().zip(&keys) {
            if seen.insert(k) {
                let role = if primary.contains(k) {
                    Role::Primary
                } else {
                    f.role
                };
                kept.push(InputFile { role, ..f });
            }
        }
        inputs.files = kept;
    }
    Ok(inputs)
}

/// Adds one path; returns the indices of the files it added.
fn add_path(inputs: &mut Inputs, p: &Path) -> Result<Vec<usize>, ManifestError> {
    let first = inputs.files.len();
    match std::fs::metadata(p) {
        Err(e) => inputs.problems.push(InputError::from_io(p, &e)),
        Ok(m) if m.is_dir() => {
            let manifest = p.join(MANIFEST_NAME);
            if manifest.is_file() {
                let (name, files) = read_manifest(p, &manifest)?;
                inputs.name = inputs.name.take().or(name);
                inputs.files.extend(files);
                add_unlisted(inputs, p, first);
            } else {
                walk(p, p, &mut inputs.files, &mut inputs.problems);
            }
        }
        Ok(_) => inputs.files.push(plain_file(p, &display_rel(p))),
    }
    Ok((first..inputs.files.len()).collect())
}

fn plain_file(path: &Path, rel: &str) -> InputFile {
    InputFile::new(path, rel)
}

impl InputFile {
    /// A secondary file with nothing known of it but its paths.
    pub fn new(path: impl Into<PathBuf>, rel: &str) -> InputFile {
        InputFile {
            path: path.into(),
            rel: rel.to_string(),
            role: Role::Secondary,
            date: None,
            title: None,
            origin: None,
            format: None,
            unlisted: false,
        }
    }
}

fn display_rel(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.trim_start_matches("./").to_string()
}

fn normalize_path(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Files under a manifest directory that the manifest does not list are read
/// as secondary documents and flagged, never skipped.
fn add_unlisted(inputs: &mut Inputs, root: &Path, first: usize) {
    let mut found = Vec::new();
    walk(root, root, &mut found, &mut inputs.problems);
    let listed: std::collections::HashSet<String> = inputs.files[first..]
        .iter()
        .map(|f| f.rel.clone())
        .collect();
    for mut f in found {
        let ours = f.rel == MANIFEST_NAME || f.rel == BASELINE_NAME;
        if !ours && !listed.contains(&f.rel) && !f.rel.ends_with("README.md") {
            f.unlisted = true;
            inputs.files.push(f);
        }
    }
}

/// Walks a directory in sorted order, skipping hidden entries.
fn walk(root: &Path, dir: &Path, out: &mut Vec<InputFile>, problems: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return problems.push(InputError::from_io(dir, &e)),
    };
    // The entry's type comes with the directory listing (no stat per file;
    // a symbolic link is followed).
    let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let t = e.file_type().ok().filter(|t| !t.is_symlink());
            (e.path(), t)
        })
        .collect();
    // By name (the paths share their folder): bytes compare faster than components.
    entries.sort_by(|a, b| {
        a.0.as_os_str()
            .as_encoded_bytes()
            .cmp(b.0.as_os_str().as_encoded_bytes())
    });
    for (path, kind) in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let (is_dir, is_file) = match kind {
            Some(t) => (t.is_dir(), t.is_file()),
            None => (path.is_dir(), path.is_file()),
        };
        if is_dir {
            walk(root, &path, out, problems);
        } else if is_file {
            let rel = display_rel(path.strip_prefix(root).unwrap_or(&path));
            // The gate's baseline is stemma's own file, not a document.
            if rel != BASELINE_NAME {
                out.push(plain_file(&path, &rel));
            }
        } else {
            problems.push(InputError::new(&path, InputProblem::NotAFile));
        }
    }
}

fn read_manifest(
    root: &Path,
    manifest: &Path,
) -> Result<(Option<String>, Vec<InputFile>), ManifestError> {
    let bad = |reason: String| ManifestError {
        path: manifest.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(manifest).map_err(|e| bad(e.to_string()))?;
    let parsed: ManifestFile =
        toml::from_str(&text).map_err(|e| bad(e.message().trim().to_string()))?;
    if parsed.documents.is_empty() {
        return Err(bad("no [[document]] entries".into()));
    }
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, e) in parsed.documents.into_iter().enumerate() {
        let at = |msg: String| bad(format!("document {} ({}): {msg}", i + 1, e.path));
        let rel = Path::new(&e.path);
        if e.path.is_empty() || rel.is_absolute() || e.path.split('/').any(|c| c == "..") {
            return Err(at("path must be relative to the manifest's folder".into()));
        }
        // "./a.txt" and "a//a.txt" name "a.txt" and "a/a.txt": the name
        // the folder walk gives, so the file is not also read as unlisted.
        let norm: Vec<&str> = e
            .path
            .split('/')
            .filter(|c| !matches!(*c, "" | "."))
            .collect();
        let norm = norm.join("/");
        if norm.is_empty() {
            return Err(at("path must name a file in the manifest's folder".into()));
        }
        if !seen.insert(norm.clone()) {
            return Err(at("listed twice".into()));
        }
        if let Some(d) = &e.date
            && !valid_date(d)
        {
            return Err(at(format!("date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD")));
        }
        let format = match (e.role, e.format) {
            (Role::Feed, None) => Some(Format::Feed),
            (_, f) => f,
        };
        files.push(InputFile {
            path: root.join(&norm),
            rel: norm,
            role: e.role,
            date: e.date,
            title: e.title,
            origin: e.origin,
            format,
            unlisted: false,
        });
    }
    Ok((parsed.corpus.and_then(|c| c.name), files))
}

/// A date as the range of days it may mean (`2024-10` is any day of October).
pub fn date_range(date: &str) -> Option<(u32, u32)> {
    let mut parts = date.trim().splitn(3, '-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = parts.next().and_then(|m| m.parse().ok());
    let d: Option<u32> = parts
        .next()
        .and_then(|d| d.get(..2).unwrap_or(d).parse().ok());
    let base = y * 10_000;
    Some(match (m, d) {
        (Some(m), Some(d)) => (base + m * 100 + d, base + m * 100 + d),
        (Some(m), None) => (base + m * 100 + 1, base + m * 100 + 31),
        _ => (base + 101, base + 1231),
    })
}

/// The fewest days there can be from date `earlier` to date `later` (dates
/// as [`date_range`] reads them; negative when `later` may come first).
pub fn days_between(earlier: &str, later: &str) -> Option<i64> {
    let (_, last) = date_range(earlier)?;
    let (first, _) = date_range(later)?;
    Some(day_number(first) - day_number(last))
}

/// Days since 1 March of year 0 of a date written `YYYYMMDD` (a day past a
/// month's end counts on into the next).
fn day_number(ymd: u32) -> i64 {
    let (y, m, d) = (ymd / 10_000, ymd / 100 % 100, ymd % 100);
    let (y, m) = if m <= 2 {
        (y as i64 - 1, m + 12)
    } else {
        (y as i64, m)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m as i64 - 3) + 2) / 5 + d as i64
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible month and day.
pub fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize, lo: u32, hi: u32| {
        s.len() == len
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
    };
    match parts.as_slice() {
        [y] => num(y, 4, 0, 9999),
        [y, m] => num(y, 4, 0, 9999) && num(m, 2, 1, 12),
        [y, m, day] => num(y, 4, 0, 9999) && num(m, 2, 1, 12) && num(day, 2, 1, 31),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_ranges() {
        assert_eq!(date_range("2024-10-09"), Some((20241009, 20241009)));
        assert_eq!(date_range("2024-10"), Some((20241001, 20241031)));
        assert_eq!(date_range("2024"), Some((20240101, 20241231)));
        assert_eq!(
            date_range("2024-10-09T10:00:00Z"),
            Some((20241009, 20241009))
        );
        assert_eq!(date_range("October"), None);
    }

    #[test]
    fn days_between_dates() {
        assert_eq!(days_between("2026-03-02", "2027-03-01"), Some(364));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2024-10", "2024-11-02"), Some(2));
        assert_eq!(days_between("2025-01-01", "2024-12-31"), Some(-1));
        assert_eq!(days_between("2025", "Friday"), None);
    }

    #[test]
    fn dates() {
        assert!(valid_date("2024-10-08"));
        assert!(valid_date("2024-10"));
        assert!(!valid_date("2024-13"));
        assert!(!valid_date("8 Oct 2024"));
    }

    #[test]
    fn malformed_manifests_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let m = dir.path().join(MANIFEST_NAME);
        std::fs::write(&m, "[[document]]\npath = \"a.txt\"\nrole = \"boss\"\n").unwrap();
        let e = resolve(&[dir.path().to_path_buf()], &[]).unwrap_err();
        assert!(
            e.to_string().contains("stemma.toml: malformed manifest"),
            "{e}"
        );
        assert!(e.to_string().contains("boss"), "{e}");
        std::fs::write(
            &m,
            "[[document]]\npath = \"../a.txt\"\nrole = \"primary\"\n",
        )
        .unwrap();
        let e = resolve(&[dir.path().to_path_buf()], &[]).unwrap_err();
        assert!(e.reason.contains("relative"), "{e}");
    }
}
