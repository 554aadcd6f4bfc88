//! The persistent index (`stemma index build`): the fingerprints of a
//! corpus on disk, so that checking a few new documents against a large
//! corpus does not re-read it.
//!
//! Layout (all integers little-endian): the magic bytes `STEMMAIX`, the
//! index format version (u32), the length of the head (u64), the head
//! (postcard: the fingerprint settings, which must match the reader's, each
//! file's size and modification time, a file whose stamp differs being
//! re-read as changed, the files and documents, and the table sizes), then
//! fixed-width tables: each passage's exact hash (u64), its simhash (u64),
//! its record (document, rank, start, end, words as u32, boilerplate as
//! u8), each signature's passage (u32) and the signature bins (u16).
//!
//! The tables are read in place from a memory map: checking a few documents
//! scans the hashes and signatures for passages that can pair with theirs
//! ([`Probe`]) and decodes only those, never the whole index. Written
//! atomically by the caller: a temporary file next to the target, then rename.

mod probe;

use std::io::Write;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::InputFile;
use crate::fingerprint::{ALGORITHM_VERSION, Bin, Print};
use crate::ingest::Boilerplate;
use crate::pipeline::{Config, DocMeta, FileMeta, Fingerprinted, Level, Unit};

pub use probe::{MAX_PROBE_UNITS, Probe};

pub const MAGIC: &[u8; 8] = b"STEMMAIX";
/// Bumped whenever the layout changes.
pub const FORMAT_VERSION: u32 = 3;
/// The default index file, in the corpus folder (hidden, so never read as a document).
pub const DEFAULT_NAME: &str = ".stemma-index";

/// Bytes before the head: magic, version, head length.
const PREAMBLE: usize = 8 + 4 + 8;
/// Bytes per passage record: five u32 and the boilerplate tag.
const RECORD: usize = 5 * 4 + 1;
const BIN: usize = std::mem::size_of::<Bin>();

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

    /// Bins per signature.
    fn k(&self) -> usize {
        self.bands * self.rows
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

/// The head as written (borrowing the fingerprints) ...
#[derive(Serialize)]
struct HeadOut<'a> {
    shape: Shape,
    name: &'a Option<String>,
    built: u64,
    stamps: Vec<Option<Stamp>>,
    files: &'a [FileMeta],
    docs: &'a [DocMeta],
    units: u64,
    sig_units: u64,
}

/// ... and as read.
#[derive(Deserialize)]
struct Head {
    shape: Shape,
    name: Option<String>,
    /// When the index was built (seconds since the Unix epoch).
    built: u64,
    stamps: Vec<Option<Stamp>>,
    files: Vec<FileMeta>,
    docs: Vec<DocMeta>,
    units: u64,
    sig_units: u64,
}

fn boilerplate_tag(b: Option<Boilerplate>) -> u8 {
    match b {
        None => 0,
        Some(Boilerplate::Repeated) => 1,
        Some(Boilerplate::Navigation) => 2,
        Some(Boilerplate::Footer) => 3,
    }
}

fn boilerplate_of(tag: u8) -> Option<Boilerplate> {
    match tag {
        1 => Some(Boilerplate::Repeated),
        2 => Some(Boilerplate::Navigation),
        3 => Some(Boilerplate::Footer),
        _ => None,
    }
}

/// Writes the index of `fp`. Files are stamped as they are now: build the
/// index right after reading them.
pub fn write(fp: &Fingerprinted, cfg: &Config, w: &mut dyn Write) -> std::io::Result<()> {
    let head = HeadOut {
        shape: Shape::of(cfg),
        name: &fp.name,
        built: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        stamps: fp
            .files
            .par_iter()
            .map(|f| Stamp::of(&f.input.path))
            .collect(),
        files: &fp.files,
        docs: &fp.docs,
        units: fp.units.len() as u64,
        sig_units: fp.sig_units.len() as u64,
    };
    let head = postcard::to_stdvec(&head).map_err(std::io::Error::other)?;
    w.write_all(MAGIC)?;
    w.write_all(&FORMAT_VERSION.to_le_bytes())?;
    w.write_all(&(head.len() as u64).to_le_bytes())?;
    w.write_all(&head)?;
    for u in &fp.units {
        w.write_all(&u.print.exact.to_le_bytes())?;
    }
    for u in &fp.units {
        w.write_all(&u.print.simhash.to_le_bytes())?;
    }
    for u in &fp.units {
        for v in [u.doc, u.rank, u.start, u.end, u.words] {
            w.write_all(&v.to_le_bytes())?;
        }
        w.write_all(&[boilerplate_tag(u.boilerplate)])?;
    }
    for u in &fp.sig_units {
        w.write_all(&u.to_le_bytes())?;
    }
    for b in &fp.sigs {
        w.write_all(&b.to_le_bytes())?;
    }
    Ok(())
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// An index opened for reading: the head decoded, the tables mapped.
pub struct Index {
    map: memmap2::Mmap,
    head: Head,
    /// Offsets of the tables: exact hashes, simhashes, records, signature
    /// passages, signature bins.
    at: [usize; 5],
}

impl Index {
    /// Opens an index for fingerprints of `shape`, checking that its tables
    /// are whole and consistent; errors name the file and the reason.
    pub fn open(path: &Path, shape: &Shape) -> Result<Index, String> {
        let bad = |why: String| format!("{}: {why}", path.display());
        let corrupt = |why: &str| bad(format!("corrupt index: {why}"));
        let file = std::fs::File::open(path).map_err(|e| bad(format!("cannot read index: {e}")))?;
        if file.metadata().is_ok_and(|m| !m.is_file()) {
            return Err(bad("not a file, so not a stemma index".into()));
        }
        // SAFETY: the map is read-only; stemma writes indexes by rename,
        // never in place, so a concurrent `index build` cannot change the
        // mapped bytes (another program truncating the file could).
        let map = unsafe { memmap2::Mmap::map(&file) }
            .map_err(|e| bad(format!("cannot read index: {e}")))?;
        if map.len() < PREAMBLE || &map[..8] != MAGIC {
            return Err(bad("not a stemma index".into()));
        }
        let version = u32_at(&map, 8);
        if version != FORMAT_VERSION {
            return Err(bad(format!(
                "index format {version}, this stemma reads format {FORMAT_VERSION}: rebuild it with `stemma index build`"
            )));
        }
        let head_end = usize::try_from(u64_at(&map, 12))
            .ok()
            .and_then(|n| n.checked_add(PREAMBLE))
            .filter(|&end| end <= map.len())
            .ok_or_else(|| corrupt("truncated head"))?;
        let head: Head = postcard::from_bytes(&map[PREAMBLE..head_end])
            .map_err(|e| bad(format!("corrupt index: {e}")))?;
        if head.shape != *shape {
            return Err(bad(format!(
                "built with other fingerprint settings ({:?}, wanted {:?}): rebuild it with `stemma index build`",
                head.shape, shape
            )));
        }
        let at = table_offsets(head_end, &head)
            .filter(|at| sigs_len(&head).and_then(|n| at[4].checked_add(n)) == Some(map.len()))
            .ok_or_else(|| corrupt("tables do not match the head (truncated?)"))?;
        let index = Index { map, head, at };
        index.validate().map_err(corrupt)?;
        Ok(index)
    }

    /// Every reference points inside its table (so reads cannot panic).
    fn validate(&self) -> Result<(), &'static str> {
        let h = &self.head;
        if h.stamps.len() != h.files.len() {
            return Err("stamps and files differ in number");
        }
        if h.docs.iter().any(|d| d.file as usize >= h.files.len()) {
            return Err("a document of no file");
        }
        let docs = h.docs.len();
        let ok = (0..self.units())
            .into_par_iter()
            .all(|i| (self.record(i, 0) as usize) < docs && self.map[self.rec(i) + 20] <= 3);
        if !ok {
            return Err("a passage of no document");
        }
        let units = self.units();
        if !(0..self.sig_count())
            .into_par_iter()
            .all(|j| (self.sig_unit(j) as usize) < units)
        {
            return Err("a signature of no passage");
        }
        Ok(())
    }

    /// When the index was built (seconds since the Unix epoch).
    pub fn built(&self) -> u64 {
        self.head.built
    }

    /// Each indexed file's stamp, in file order.
    pub fn stamps(&self) -> &[Option<Stamp>] {
        &self.head.stamps
    }

    /// The indexed files, in file order.
    pub fn files(&self) -> &[FileMeta] {
        &self.head.files
    }

    fn units(&self) -> usize {
        self.head.units as usize
    }

    fn sig_count(&self) -> usize {
        self.head.sig_units as usize
    }

    fn exact(&self, i: usize) -> u64 {
        u64_at(&self.map, self.at[0] + 8 * i)
    }

    fn simhash(&self, i: usize) -> u64 {
        u64_at(&self.map, self.at[1] + 8 * i)
    }

    fn rec(&self, i: usize) -> usize {
        self.at[2] + RECORD * i
    }

    /// Field `f` of passage `i`'s record (0 document, 1 rank, 2 start, 3 end, 4 words).
    fn record(&self, i: usize, f: usize) -> u32 {
        u32_at(&self.map, self.rec(i) + 4 * f)
    }

    fn unit(&self, i: usize, doc: u32) -> Unit {
        Unit {
            doc,
            rank: self.record(i, 1),
            start: self.record(i, 2),
            end: self.record(i, 3),
            words: self.record(i, 4),
            print: Print {
                exact: self.exact(i),
                simhash: self.simhash(i),
            },
            boilerplate: boilerplate_of(self.map[self.rec(i) + 20]),
        }
    }

    fn sig_unit(&self, j: usize) -> u32 {
        u32_at(&self.map, self.at[3] + 4 * j)
    }

    /// Signature `j`'s bins, as little-endian bytes.
    fn sig_bytes(&self, j: usize) -> &[u8] {
        let len = self.head.shape.k() * BIN;
        &self.map[self.at[4] + len * j..self.at[4] + len * (j + 1)]
    }

    /// The fingerprints of the files `current` gives (by indexed file: the
    /// file as listed now, or `None` to leave it out), and of their passages
    /// only those `probe` may pair with (all without a probe). Files and
    /// documents are renumbered.
    pub fn load(&self, current: &[Option<InputFile>], probe: Option<&Probe>) -> Fingerprinted {
        let mut files = Vec::new();
        let mut file_map = vec![None; self.head.files.len()];
        for (i, (f, now)) in self.head.files.iter().zip(current).enumerate() {
            if let Some(now) = now {
                file_map[i] = Some(files.len() as u32);
                files.push(FileMeta {
                    input: now.clone(),
                    ..f.clone()
                });
            }
        }
        let mut doc_map = vec![None; self.head.docs.len()];
        let mut docs = Vec::new();
        for (i, d) in self.head.docs.iter().enumerate() {
            if let Some(file) = file_map[d.file as usize] {
                doc_map[i] = Some(docs.len() as u32);
                docs.push(DocMeta { file, ..d.clone() });
            }
        }
        let keep = self.keep(&doc_map, probe);
        let mut unit_map = vec![u32::MAX; self.units()];
        let mut units = Vec::new();
        for i in (0..self.units()).filter(|&i| keep[i]) {
            unit_map[i] = units.len() as u32;
            let doc = doc_map[self.record(i, 0) as usize].expect("kept passages have documents");
            units.push(self.unit(i, doc));
        }
        let mut sig_units = Vec::new();
        let mut sigs = Vec::new();
        for j in 0..self.sig_count() {
            let u = unit_map[self.sig_unit(j) as usize];
            if u != u32::MAX {
                sig_units.push(u);
                sigs.extend(
                    self.sig_bytes(j)
                        .chunks_exact(BIN)
                        .map(|c| Bin::from_le_bytes(c.try_into().expect("BIN bytes"))),
                );
            }
        }
        Fingerprinted {
            name: self.head.name.clone(),
            files,
            docs,
            units,
            sig_units,
            sigs,
            ..Fingerprinted::default()
        }
    }

    /// Which passages to load: those of loaded documents that the probe
    /// (if any) may pair with, by hash or simhash, or failing that by a
    /// shared signature band.
    fn keep(&self, doc_map: &[Option<u32>], probe: Option<&Probe>) -> Vec<bool> {
        let loaded = |i: usize| doc_map[self.record(i, 0) as usize].is_some();
        let mut keep: Vec<bool> = (0..self.units())
            .into_par_iter()
            .map(|i| loaded(i) && probe.is_none_or(|p| p.near(self.exact(i), self.simhash(i))))
            .collect();
        if let Some(p) = probe {
            let banded: Vec<usize> = (0..self.sig_count())
                .into_par_iter()
                .filter_map(|j| {
                    let u = self.sig_unit(j) as usize;
                    (!keep[u] && loaded(u) && p.shares_band(self.sig_bytes(j))).then_some(u)
                })
                .collect();
            for u in banded {
                keep[u] = true;
            }
        }
        keep
    }
}

/// Where each table starts, and `None` if the sizes overflow.
fn table_offsets(head_end: usize, head: &Head) -> Option<[usize; 5]> {
    let n = usize::try_from(head.units).ok()?;
    let m = usize::try_from(head.sig_units).ok()?;
    let simhashes = head_end.checked_add(n.checked_mul(8)?)?;
    let records = simhashes.checked_add(n.checked_mul(8)?)?;
    let sig_units = records.checked_add(n.checked_mul(RECORD)?)?;
    let sigs = sig_units.checked_add(m.checked_mul(4)?)?;
    Some([head_end, simhashes, records, sig_units, sigs])
}

fn sigs_len(head: &Head) -> Option<usize> {
    usize::try_from(head.sig_units)
        .ok()?
        .checked_mul(head.shape.k())?
        .checked_mul(BIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    const SHARED: &str = "The committee heard that the harbour wall had been repaired twice in a decade, each time at greater cost to the town.";

    /// Three files: two share a paragraph, the third shares nothing.
    fn corpus() -> (tempfile::TempDir, Fingerprinted, Config) {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            (
                "a.txt",
                format!(
                    "{SHARED}\n\nAn opening paragraph about the weather on the coast this spring and summer.\n"
                ),
            ),
            (
                "b.txt",
                format!(
                    "Residents wrote to the council about parking near the school gates every morning.\n\n{SHARED}\n"
                ),
            ),
            (
                "c.txt",
                "Nothing here is shared with any other document in this little corpus of ours.\n"
                    .to_string(),
            ),
        ];
        for (name, text) in &texts {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let inputs = corpus::resolve(&[dir.path().to_path_buf()], &[]).unwrap();
        let cfg = Config::default();
        let fp = crate::pipeline::fingerprint_corpus(inputs, &cfg);
        (dir, fp, cfg)
    }

    fn saved(dir: &Path, fp: &Fingerprinted, cfg: &Config) -> std::path::PathBuf {
        let path = dir.join(".index");
        let mut bytes = Vec::new();
        write(fp, cfg, &mut bytes).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn all(ix: &Index) -> Vec<Option<InputFile>> {
        ix.files().iter().map(|f| Some(f.input.clone())).collect()
    }

    #[test]
    fn an_index_loads_what_was_written() {
        let (dir, fp, cfg) = corpus();
        let ix = Index::open(&saved(dir.path(), &fp, &cfg), &Shape::of(&cfg)).unwrap();
        assert!(ix.stamps().iter().all(Option::is_some));
        assert!(ix.built() > 1_700_000_000);
        let back = ix.load(&all(&ix), None);
        assert_eq!(format!("{:?}", back.units), format!("{:?}", fp.units));
        assert_eq!(back.sig_units, fp.sig_units);
        assert_eq!(back.sigs, fp.sigs);
        let ids = |f: &Fingerprinted| f.docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&back), ids(&fp));
    }

    #[test]
    fn a_probe_loads_only_passages_that_can_pair() {
        let (dir, fp, cfg) = corpus();
        let ix = Index::open(&saved(dir.path(), &fp, &cfg), &Shape::of(&cfg)).unwrap();
        // The probe: a new document holding the shared paragraph, one word changed.
        let new = dir.path().join("new");
        std::fs::create_dir(&new).unwrap();
        std::fs::write(new.join("n.txt"), SHARED.replace("twice", "three times")).unwrap();
        let inputs = corpus::resolve(&[new], &[]).unwrap();
        let probe_fp = crate::pipeline::fingerprint_corpus(inputs, &cfg);
        let probe = Probe::new(&probe_fp, |_| true, &cfg).unwrap();
        let got = ix.load(&all(&ix), Some(&probe));
        // Files and documents stay; of the passages, only the shared paragraph's copies.
        assert_eq!(got.files.len(), 3);
        assert_eq!(got.units.len(), 2, "{:?}", got.units);
        assert!(got.units.iter().all(|u| {
            fp.units
                .iter()
                .filter(|v| v.print.exact == u.print.exact)
                .all(|v| v.words as usize == SHARED.split(' ').count())
        }));
        // A file left out takes its passages with it.
        let mut some = all(&ix);
        some[0] = None;
        assert_eq!(ix.load(&some, Some(&probe)).units.len(), 1);
    }

    #[test]
    fn damaged_tables_are_refused() {
        let (dir, fp, cfg) = corpus();
        let path = saved(dir.path(), &fp, &cfg);
        let bytes = std::fs::read(&path).unwrap();
        let head = PREAMBLE + u64_at(&bytes, 12) as usize;
        // The first passage's document, set out of range.
        let mut bad = bytes.clone();
        let n = fp.units.len();
        bad[head + 16 * n..head + 16 * n + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        std::fs::write(&path, &bad).unwrap();
        let err = Index::open(&path, &Shape::of(&cfg)).err().unwrap();
        assert!(
            err.contains("corrupt index: a passage of no document"),
            "{err}"
        );
        // One byte too many or too few.
        for len in [bytes.len() - 1, bytes.len() + 1] {
            let mut b = bytes.clone();
            b.resize(len, 0);
            std::fs::write(&path, &b).unwrap();
            let err = Index::open(&path, &Shape::of(&cfg)).err().unwrap();
            assert!(err.contains("tables do not match"), "{err}");
        }
        // Other fingerprint settings.
        std::fs::write(&path, &bytes).unwrap();
        let other = Shape {
            rows: 4,
            ..Shape::of(&cfg)
        };
        let err = Index::open(&path, &other).err().unwrap();
        assert!(err.contains("other fingerprint settings"), "{err}");
    }
}
