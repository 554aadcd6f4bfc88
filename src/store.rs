//! The persistent index (`stemma index build`): the fingerprints of a
//! corpus on disk, so that checking a few new documents against a large
//! corpus does not re-read it.
//!
//! Layout: the magic bytes `STEMMAIX`, the index format version (u32,
//! little-endian), then a postcard-encoded [`Stored`]: the fingerprint
//! algorithm version and the settings that shaped the fingerprints (both
//! must match the reader's), each file's size and modification time (a
//! file whose stamp differs is re-read as changed), and the fingerprints.
//! Written atomically: a temporary file next to the target, then rename.

use std::io::Write;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::fingerprint::ALGORITHM_VERSION;
use crate::pipeline::{Config, DocMeta, FileMeta, Fingerprinted, Level, Unit};

pub const MAGIC: &[u8; 8] = b"STEMMAIX";
/// Bumped whenever the layout of [`Stored`] changes.
pub const FORMAT_VERSION: u32 = 2;
/// The default index file, in the corpus folder (hidden, so never read as a document).
pub const DEFAULT_NAME: &str = ".stemma-index";

/// The settings that shape fingerprints: an index is only valid for these.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shape {
    pub algorithm: u32,
    pub level: Level,
    pub min_words: usize,
    pub bands: usize,
    pub rows: usize,
}

impl Shape {
    pub fn of(cfg: &Config) -> Shape {
        Shape {
            algorithm: ALGORITHM_VERSION,
            level: cfg.level,
            min_words: cfg.min_words,
            bands: cfg.index.bands,
            rows: cfg.index.rows,
        }
    }
}

/// When a file was indexed: its size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        let mtime = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: m.len(),
            mtime_ns: mtime.as_nanos() as u64,
        })
    }
}

/// What the index file holds.
#[derive(Serialize, Deserialize)]
pub struct Stored {
    pub shape: Shape,
    pub name: Option<String>,
    /// When the index was built (seconds since the Unix epoch).
    pub built: u64,
    pub stamps: Vec<Option<Stamp>>,
    pub files: Vec<FileMeta>,
    pub docs: Vec<DocMeta>,
    pub units: Vec<Unit>,
    pub sig_units: Vec<u32>,
    #[serde(with = "bins")]
    pub sigs: Vec<crate::fingerprint::Bin>,
}

/// Signature bins as one little-endian byte string: read with a single
/// allocation (a sequence would grow by doubling, and cost page faults).
mod bins {
    use crate::fingerprint::Bin;
    use serde::{Deserializer, Serializer, de};

    const SIZE: usize = std::mem::size_of::<Bin>();

    pub fn serialize<S: Serializer>(sigs: &[Bin], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = sigs.iter().flat_map(|b| b.to_le_bytes()).collect();
        s.serialize_bytes(&bytes)
    }

    struct Visitor;

    impl de::Visitor<'_> for Visitor {
        type Value = Vec<Bin>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("signature bins as bytes")
        }
        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<Bin>, E> {
            if !v.len().is_multiple_of(SIZE) {
                return Err(E::custom("truncated signature bins"));
            }
            Ok(v.chunks_exact(SIZE)
                .map(|c| Bin::from_le_bytes(c.try_into().expect("chunk of SIZE")))
                .collect())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Bin>, D::Error> {
        d.deserialize_bytes(Visitor)
    }
}

impl Stored {
    /// Files are stamped as they are now: build the index right after
    /// reading them.
    pub fn new(fp: Fingerprinted, cfg: &Config) -> Stored {
        let stamps = fp.files.iter().map(|f| Stamp::of(&f.input.path)).collect();
        Stored {
            shape: Shape::of(cfg),
            name: fp.name,
            built: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            stamps,
            files: fp.files,
            docs: fp.docs,
            units: fp.units,
            sig_units: fp.sig_units,
            sigs: fp.sigs,
        }
    }

    /// The fingerprints, and each file's stamp (in file order).
    pub fn into_fingerprints(self) -> (Fingerprinted, Vec<Option<Stamp>>) {
        let fp = Fingerprinted {
            name: self.name,
            files: self.files,
            docs: self.docs,
            units: self.units,
            sig_units: self.sig_units,
            sigs: self.sigs,
            ..Fingerprinted::default()
        };
        (fp, self.stamps)
    }

    pub fn write(&self, w: &mut dyn Write) -> std::io::Result<()> {
        w.write_all(MAGIC)?;
        w.write_all(&FORMAT_VERSION.to_le_bytes())?;
        let body = postcard::to_stdvec(self).map_err(std::io::Error::other)?;
        w.write_all(&body)
    }

    /// Reads an index for fingerprints of `shape`; errors name the file
    /// and the reason.
    pub fn read(path: &Path, shape: &Shape) -> Result<Stored, String> {
        let bad = |why: String| format!("{}: {why}", path.display());
        let file = std::fs::File::open(path).map_err(|e| bad(format!("cannot read index: {e}")))?;
        // SAFETY: the map is read-only and dropped before this function
        // returns; stemma writes indexes by rename, never in place, so a
        // concurrent `index build` cannot change the mapped bytes.
        let bytes = unsafe { memmap2::Mmap::map(&file) }
            .map_err(|e| bad(format!("cannot read index: {e}")))?;
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(bad("not a stemma index".into()));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if version != FORMAT_VERSION {
            return Err(bad(format!(
                "index format {version}, this stemma reads format {FORMAT_VERSION}: rebuild it with `stemma index build`"
            )));
        }
        let stored: Stored =
            postcard::from_bytes(&bytes[12..]).map_err(|e| bad(format!("corrupt index: {e}")))?;
        if &stored.shape != shape {
            return Err(bad(format!(
                "built with other fingerprint settings ({:?}, wanted {:?}): rebuild it with `stemma index build`",
                stored.shape, shape
            )));
        }
        let k = shape.bands * shape.rows;
        let consistent = stored.stamps.len() == stored.files.len()
            && stored.sigs.len() == stored.sig_units.len() * k
            && stored
                .docs
                .iter()
                .all(|d| (d.file as usize) < stored.files.len())
            && stored
                .units
                .iter()
                .all(|u| (u.doc as usize) < stored.docs.len())
            && stored
                .sig_units
                .iter()
                .all(|&u| (u as usize) < stored.units.len());
        if !consistent {
            return Err(bad("corrupt index: inconsistent tables".into()));
        }
        Ok(stored)
    }
}

/// Most probe passages for which [`narrow`] pays off (each is compared with
/// every indexed simhash); beyond, the whole index is kept.
pub const MAX_PROBE_UNITS: usize = 20_000;

/// Keeps, of the indexed fingerprints, only the passages that can pair with
/// a passage of the documents `probe_doc` accepts in `probe` (same exact
/// hash, simhash within the Hamming distance, or a shared LSH band key), so
/// that checking a few documents clusters a handful of passages, not the
/// corpus. Clusters among indexed passages alone are lost, which `check`
/// does not report anyway.
pub fn narrow(
    prior: Fingerprinted,
    probe: &Fingerprinted,
    probe_doc: impl Fn(usize) -> bool,
    cfg: &Config,
) -> Fingerprinted {
    use crate::fingerprint::hamming;
    let (bands, rows) = (cfg.index.bands, cfg.index.rows);
    let k = bands * rows;
    let probe_units: Vec<usize> = (0..probe.units.len())
        .filter(|&u| probe_doc(probe.units[u].doc as usize))
        .collect();
    if probe_units.len() > MAX_PROBE_UNITS {
        return prior;
    }
    let exact: rustc_hash::FxHashSet<u64> = probe_units
        .iter()
        .map(|&u| probe.units[u].print.exact)
        .collect();
    let simhashes: Vec<u64> = probe_units
        .iter()
        .map(|&u| probe.units[u].print.simhash)
        .collect();
    // A cheap hash of each band (collisions only keep a passage more).
    let quick = |sig: &[crate::fingerprint::Bin], b: usize| {
        sig[b * rows..(b + 1) * rows]
            .iter()
            .fold(b as u64, |h, &v| {
                (h.rotate_left(5) ^ u64::from(v)).wrapping_mul(0x517c_c1b7_2722_0a95)
            })
    };
    let mut keys = rustc_hash::FxHashSet::default();
    for (j, &u) in probe.sig_units.iter().enumerate() {
        if probe_doc(probe.units[u as usize].doc as usize) {
            let sig = &probe.sigs[j * k..(j + 1) * k];
            keys.extend((0..bands).map(|b| quick(sig, b)));
        }
    }
    let mut keep: Vec<bool> = prior
        .units
        .iter()
        .map(|u| {
            exact.contains(&u.print.exact)
                || simhashes
                    .iter()
                    .any(|&s| hamming(s, u.print.simhash) <= cfg.index.hamming)
        })
        .collect();
    for (j, &u) in prior.sig_units.iter().enumerate() {
        if !keep[u as usize] {
            let sig = &prior.sigs[j * k..(j + 1) * k];
            keep[u as usize] = (0..bands).any(|b| keys.contains(&quick(sig, b)));
        }
    }
    retain_units(prior, k, &keep)
}

/// The fingerprints with only the units `keep` marks (files and documents stay).
fn retain_units(fp: Fingerprinted, k: usize, keep: &[bool]) -> Fingerprinted {
    let mut map = vec![u32::MAX; fp.units.len()];
    let mut units = Vec::new();
    for (i, u) in fp.units.iter().enumerate() {
        if keep[i] {
            map[i] = units.len() as u32;
            units.push(*u);
        }
    }
    let mut sig_units = Vec::new();
    let mut sigs = Vec::new();
    for (j, &u) in fp.sig_units.iter().enumerate() {
        if keep[u as usize] {
            sig_units.push(map[u as usize]);
            sigs.extend_from_slice(&fp.sigs[j * k..(j + 1) * k]);
        }
    }
    Fingerprinted {
        units,
        sig_units,
        sigs,
        ..fp
    }
}
