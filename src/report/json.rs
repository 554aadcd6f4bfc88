//! Machine output: pretty JSON with a fixed key and element order, so the
//! same corpus always gives byte-identical output whatever the thread count.

use std::io::{self, Write};

use serde::Serialize;

/// Streams a report (pretty-printed, newline-terminated) to `w`.
pub fn write<T: Serialize, W: Write>(report: &T, w: W) -> io::Result<()> {
    // serde_json writes token by token: through a buffer of a known type
    // those are inlined copies, not calls through `w` (often `&mut dyn
    // Write`): the audit bench's 183 MB report took 0.6-0.7 s, now 0.45-0.55.
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    // `From` keeps an I/O error's kind (a closed pipe stays `BrokenPipe`).
    serde_json::to_writer_pretty(&mut w, report).map_err(io::Error::from)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// The report as a string.
pub fn to_string<T: Serialize>(report: &T) -> String {
    let mut buf = Vec::new();
    write(report, &mut buf).expect("writing to memory does not fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// The pretty layout of [`write`] (two-space indent), starting `depth`
/// levels in: a value written with it is, byte for byte, what it would be
/// inside an enclosing pretty document at that depth. So the parts of one
/// document can be serialized apart (in parallel) and joined.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent_to(w, self.depth)
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent_to(w, self.depth)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` pretty, as if `depth` levels deep in a document.
pub fn write_at<T: Serialize + ?Sized, W: Write>(w: W, value: &T, depth: usize) -> io::Result<()> {
    let nested = Nested {
        depth,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(w, nested);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Writes `items` as a pretty array `depth` levels deep, its elements
/// serialized in parallel (in order): the bytes [`write_at`] writes.
pub fn write_array_at<T: Serialize + Sync, W: Write>(
    w: &mut W,
    items: &[T],
    depth: usize,
) -> io::Result<()> {
    use rayon::prelude::*;
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    // A few chunks a round, so that memory holds a few chunks' text, never
    // the whole array's.
    const CHUNK: usize = 1024;
    let round = CHUNK * 4 * rayon::current_num_threads();
    w.write_all(b"[")?;
    let mut first = true;
    for part in items.chunks(round) {
        let chunks: Vec<io::Result<Vec<u8>>> = part
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::new();
                for item in chunk {
                    buf.extend_from_slice(b",\n");
                    indent_to(&mut buf, depth + 1)?;
                    write_at(&mut buf, item, depth + 1)?;
                }
                Ok(buf)
            })
            .collect();
        for chunk in chunks {
            let chunk = chunk?;
            // The first element opens with a newline, not a comma.
            w.write_all(if first { &chunk[1..] } else { &chunk })?;
            first = false;
        }
    }
    w.write_all(b"\n")?;
    indent_to(w, depth)?;
    w.write_all(b"]")
}

/// Two spaces a level, in one write rather than one a level.
fn indent_to<W: Write + ?Sized>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    let mut n = 2 * depth;
    while n > 0 {
        let k = n.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_layout_is_the_pretty_layout_at_depth() {
        let value = serde_json::json!({
            "a": [1, {"b": [], "c": {}, "d": [[], [2, 3]]}],
            "e": "x\ny",
            "f": [{"g": null}, {"h": true}]
        });
        let whole = to_string(&serde_json::json!({ "k": [value.clone(), value.clone()] }));
        // The array, written apart at depth 1, is what the document holds.
        let mut apart = Vec::new();
        write_at(&mut apart, &[value.clone(), value.clone()], 1).unwrap();
        let apart = String::from_utf8(apart).unwrap();
        assert!(
            whole.contains(&format!("\"k\": {apart}\n}}")),
            "{whole}\n{apart}"
        );
        // And in parallel chunks, over several rounds.
        let many = vec![value; 1024 * 4 * rayon::current_num_threads() * 2 + 7];
        let mut serial = Vec::new();
        write_at(&mut serial, &many, 2).unwrap();
        let mut parallel = Vec::new();
        write_array_at(&mut parallel, &many, 2).unwrap();
        assert_eq!(
            String::from_utf8(parallel).unwrap(),
            String::from_utf8(serial).unwrap()
        );
        let mut empty = Vec::new();
        write_array_at(&mut empty, &[] as &[u8], 3).unwrap();
        assert_eq!(empty, b"[]");
    }
}
