//! Reading input files: size limits, binary detection, UTF-8 validation with a
//! windows-1252 fallback, and the map from positions in the decoded text back
//! to byte offsets in the file on disk. Nothing here ever writes to a file.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files larger than this are refused unless the limit is raised.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// Offsets are stored as `u32`, so no file may exceed this however the limit is set.
pub const HARD_MAX_FILE_BYTES: u64 = u32::MAX as u64 - 1;

/// How the bytes of a file were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark, which is skipped.
    Utf8Bom,
    /// Not valid UTF-8 but plausible windows-1252: decoded, with a warning.
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8 (with BOM)",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// One input file, decoded. All positions used inside stemma are byte offsets
/// into `text`; [`SourceFile::file_offset`] turns them into offsets in the file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user can open it (the input root joined with `rel`).
    pub path: PathBuf,
    /// Path relative to the corpus root, with `/` separators (used in JSON).
    pub rel: Arc<str>,
    /// `path` as printed (shared by every span of the file).
    pub display: Arc<str>,
    pub text: String,
    pub encoding: Encoding,
    /// For transcoded files: `map[i]` is the file offset of text byte `i`
    /// (`map.len() == text.len() + 1`). `None` means offset + `shift`.
    map: Option<Vec<u32>>,
    /// Bytes skipped at the start of the file (a BOM).
    shift: usize,
    /// Computed on first use: most files are never quoted in a report.
    line_starts: std::sync::OnceLock<Vec<u32>>,
}

/// Why a file could not be used. Displayed as one line after the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    NotFound,
    PermissionDenied,
    NotAFile,
    Io(String),
    Empty,
    TooLarge { size: u64, limit: u64 },
    Binary { offset: usize },
    Utf16,
    InvalidUtf8 { offset: usize },
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputProblem::NotFound => write!(f, "no such file or directory"),
            InputProblem::PermissionDenied => write!(f, "permission denied"),
            InputProblem::NotAFile => write!(f, "not a regular file"),
            InputProblem::Io(e) => write!(f, "read error: {e}"),
            InputProblem::Empty => write!(f, "empty file (nothing to read)"),
            InputProblem::TooLarge { size, limit } => write!(
                f,
                "file too large ({size} bytes; the limit is {limit}, see --max-file-size)"
            ),
            InputProblem::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset}), not text")
            }
            InputProblem::Utf16 => write!(f, "UTF-16 text is not supported; convert it to UTF-8"),
            InputProblem::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset}, and not plausible windows-1252 either"
            ),
        }
    }
}

/// A file (or directory) that could not be used, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: PathBuf,
    pub problem: InputProblem,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    pub fn new(path: impl Into<PathBuf>, problem: InputProblem) -> Self {
        InputError {
            path: path.into(),
            problem,
        }
    }

    pub fn from_io(path: &Path, e: &std::io::Error) -> Self {
        let problem = match e.kind() {
            std::io::ErrorKind::NotFound => InputProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => InputProblem::PermissionDenied,
            _ => InputProblem::Io(e.to_string()),
        };
        InputError::new(path, problem)
    }
}

/// Reads and decodes one file. `rel` is its path relative to the corpus root.
pub fn read_source(path: &Path, rel: &str, max_bytes: u64) -> Result<SourceFile, InputError> {
    let err = |p| InputError::new(path, p);
    // Asked its type before it is opened: opening a named pipe (or a
    // terminal) would wait for a writer forever.
    let meta = std::fs::metadata(path).map_err(|e| InputError::from_io(path, &e))?;
    if !meta.is_file() {
        return Err(err(InputProblem::NotAFile));
    }
    let limit = max_bytes.min(HARD_MAX_FILE_BYTES);
    if meta.len() > limit {
        return Err(err(InputProblem::TooLarge {
            size: meta.len(),
            limit,
        }));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError::from_io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(err(InputProblem::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    decode(path, rel, bytes)
}

/// Decodes bytes already read (used by `read_source` and by tests).
pub fn decode(path: &Path, rel: &str, bytes: Vec<u8>) -> Result<SourceFile, InputError> {
    let err = |p| InputError::new(path, p);
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(InputProblem::Empty));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(err(InputProblem::Utf16));
    }
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(err(InputProblem::Binary { offset }));
    }
    let (encoding, shift) = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8Bom, 3)
    } else {
        (Encoding::Utf8, 0)
    };
    let mut bytes = bytes;
    bytes.drain(..shift);
    let (text, encoding, map) = match String::from_utf8(bytes) {
        Ok(text) => (text, encoding, None),
        Err(e) => {
            let offset = shift + e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            if shift > 0 {
                bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
            }
            match decode_windows_1252(&bytes) {
                Some((text, map)) => (text, Encoding::Windows1252, Some(map)),
                None => return Err(err(InputProblem::InvalidUtf8 { offset })),
            }
        }
    };
    let shift = if map.is_some() { 0 } else { shift };
    let line_starts = std::sync::OnceLock::new();
    Ok(SourceFile {
        path: path.to_path_buf(),
        rel: rel.into(),
        display: path.display().to_string().into(),
        text,
        encoding,
        map,
        shift,
        line_starts,
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// windows-1252 is accepted only when it is plausible: none of the five byte
/// values it leaves undefined, and no C0 control characters besides tab, CR,
/// LF and form feed. Each input byte becomes one char; the map records it.
fn decode_windows_1252(bytes: &[u8]) -> Option<(String, Vec<u32>)> {
    const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    let bad =
        |b: u8| UNDEFINED.contains(&b) || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
    if bytes.iter().any(|&b| bad(b)) {
        return None;
    }
    let (text, _, had_errors) = encoding_rs::WINDOWS_1252.decode(bytes);
    if had_errors {
        return None;
    }
    let text = text.into_owned();
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        map.extend(std::iter::repeat_n(i as u32, c.len_utf8()));
    }
    map.push(bytes.len() as u32);
    Some((text, map))
}

impl SourceFile {
    /// Byte offset in the file on disk of position `pos` of the decoded text.
    pub fn file_offset(&self, pos: usize) -> usize {
        match &self.map {
            Some(map) => map[pos] as usize,
            None => pos + self.shift,
        }
    }

    /// 1-based line and column (in characters) of a position in the text.
    pub fn line_col(&self, pos: usize) -> (u32, u32) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i as u32 + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s as usize <= pos);
        let start = starts[line - 1] as usize;
        let col = self.text[start..pos].chars().count() + 1;
        (line as u32, col as u32)
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Size of the file on disk, in bytes.
    pub fn file_len(&self) -> usize {
        self.file_offset(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<SourceFile, InputError> {
        decode(Path::new("t.txt"), "t.txt", bytes.to_vec())
    }

    #[test]
    fn utf8_with_bom_keeps_file_offsets() {
        let f = dec(b"\xEF\xBB\xBFab\ncd").unwrap();
        assert_eq!(f.text, "ab\ncd");
        assert_eq!(f.encoding, Encoding::Utf8Bom);
        assert_eq!(f.file_offset(3), 6);
        assert_eq!(f.line_col(3), (2, 1));
    }

    #[test]
    fn windows_1252_is_decoded_and_mapped() {
        let f = dec(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(f.encoding, Encoding::Windows1252);
        assert_eq!(f.text, "café “quoted”");
        let q = f.text.find('q').unwrap();
        assert_eq!(f.file_offset(q), 6);
        assert_eq!(f.file_offset(f.text.len()), 13);
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(dec(b"").unwrap_err().problem, InputProblem::Empty);
        assert_eq!(dec(b" \n\t").unwrap_err().problem, InputProblem::Empty);
        assert_eq!(
            dec(b"ab\0cd").unwrap_err().problem,
            InputProblem::Binary { offset: 2 }
        );
        assert_eq!(
            dec(b"caf\xE9 \x81").unwrap_err().problem,
            InputProblem::InvalidUtf8 { offset: 3 }
        );
        assert_eq!(
            dec(b"\xFF\xFEa\0").unwrap_err().problem,
            InputProblem::Utf16
        );
    }

    #[test]
    fn columns_count_characters() {
        let f = dec("é–x\ny".as_bytes()).unwrap();
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), (1, 3));
    }
}
