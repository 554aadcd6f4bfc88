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
pub const FORMAT_VERSION: u32 = 1;
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
    pub sigs: Vec<crate::fingerprint::Bin>,
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
        let bytes = std::fs::read(path).map_err(|e| bad(format!("cannot read index: {e}")))?;
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
