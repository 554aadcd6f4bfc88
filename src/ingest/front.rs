//! Front matter: the metadata block a Markdown page may open with (YAML
//! between `---` lines, as Jekyll and Hugo write it, or TOML between
//! `+++` lines). It is the page's title, date and tags, not its text: like
//! an HTML page's head, it is read for the document's metadata and left
//! out of its blocks.

use std::ops::Range;

/// A front matter block: where the body after it starts, and its fields.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub body: usize,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
}

/// Lines a front matter block may take, fences included.
const MAX_LINES: usize = 80;

/// The front matter `text` opens with, if it does: a fence line, then only
/// `key: value` lines (YAML; indented lines and list items continue a key)
/// or `key = value` lines and `[tables]` (TOML), then the closing fence.
pub fn read(text: &str) -> Option<FrontMatter> {
    let mut lines = line_ranges(text).take(MAX_LINES);
    let first = lines.next()?;
    let fence = text[first].trim_end();
    let (closers, sep): (&[&str], char) = match fence {
        "---" => (&["---", "..."], ':'),
        "+++" => (&["+++"], '='),
        _ => return None,
    };
    let mut front = FrontMatter::default();
    let mut keys = 0;
    for r in lines {
        let line = text[r.clone()].trim_end();
        if closers.contains(&line) {
            front.body = r.end;
            return (keys > 0).then_some(front);
        }
        if line.trim().is_empty()
            || line.starts_with([' ', '\t', '-', '#'])
            || (sep == '=' && line.starts_with('['))
        {
            continue;
        }
        let (key, value) = line.split_once(sep)?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        keys += 1;
        let value = unquoted(value.trim());
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" => &mut front.title,
            "date" => &mut front.date,
            "author" => &mut front.author,
            _ => continue,
        };
        if !value.is_empty() && slot.is_none() {
            *slot = Some(value.to_string());
        }
    }
    None
}

/// The ranges of `text`'s lines, each with its line break.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let r = at..end;
        at = end;
        Some(r)
    })
}

/// A value without the quotation marks YAML or TOML put around it.
fn unquoted(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_read_and_skipped() {
        let text = "---\ntitle: \"R v Harwell: a guide\"\nauthor: Priya Raman\ntags:\n  - fraud\ndate: 2026-05-14\n---\n\n# Heading\n\nBody.\n";
        let f = read(text).unwrap();
        assert_eq!(f.title.as_deref(), Some("R v Harwell: a guide"));
        assert_eq!(f.author.as_deref(), Some("Priya Raman"));
        assert_eq!(f.date.as_deref(), Some("2026-05-14"));
        assert_eq!(&text[f.body..], "\n# Heading\n\nBody.\n");
    }

    #[test]
    fn toml_front_matter_is_read() {
        let text = "+++\ntitle = 'A page'\n[extra]\nx = 1\n+++\nBody.\n";
        let f = read(text).unwrap();
        assert_eq!(f.title.as_deref(), Some("A page"));
        assert_eq!(&text[f.body..], "Body.\n");
    }

    #[test]
    fn a_rule_around_prose_is_no_front_matter() {
        // Text between two rules is text, not metadata.
        assert_eq!(
            read("---\nThe minister said: we will act.\n---\nMore.\n"),
            None
        );
        assert_eq!(read("---\nSome words here\n---\n"), None);
        // Unclosed, or empty.
        assert_eq!(read("---\ntitle: x\n\nBody goes on.\n"), None);
        assert_eq!(read("---\n---\nBody.\n"), None);
        assert_eq!(read("Body.\n---\ntitle: x\n---\n"), None);
    }
}
