//! Ingest: a decoded file becomes one or more documents (a feed dump becomes
//! one per item), each a list of blocks of visible text. Markup is skipped,
//! never rewritten: every piece of a block points at its bytes in the file.

pub mod boilerplate;
pub mod feed;
pub mod front;
pub mod lines;
pub mod markup;
pub mod pages;

use std::ops::Range;
use std::sync::Arc;

use crate::corpus::{Format, InputFile, Role};
use crate::source::SourceFile;

pub use boilerplate::Boilerplate;

/// A run of visible text: `text[start..end]`, or, where the file holds an
/// entity, its decoded text `repl` standing for those bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: u32,
    pub end: u32,
    pub repl: Option<Box<str>>,
}

impl Piece {
    pub fn verbatim(start: usize, end: usize) -> Self {
        Piece {
            start: start as u32,
            end: end as u32,
            repl: None,
        }
    }

    pub fn replaced(start: usize, end: usize, text: String) -> Self {
        Piece {
            start: start as u32,
            end: end as u32,
            repl: Some(text.into_boxed_str()),
        }
    }

    /// The visible text of the piece.
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        match &self.repl {
            Some(r) => r,
            None => &source[self.start as usize..self.end as usize],
        }
    }
}

/// A paragraph, heading or line of visible text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// Byte range in the decoded file text, from the first visible
    /// character to the last.
    pub start: u32,
    pub end: u32,
    pub pieces: Vec<Piece>,
    pub heading: bool,
    /// A block quotation (HTML `<blockquote>`, Markdown `> `): the whole
    /// block is quoted words.
    pub quoted: bool,
    /// Set by [`boilerplate::mark`]; marked blocks are kept, not deleted.
    pub boilerplate: Option<Boilerplate>,
}

impl Block {
    /// The visible text (markup skipped, entities decoded).
    pub fn visible_text(&self, source: &str) -> String {
        self.pieces.iter().map(|p| p.text(source)).collect()
    }
}

/// One document: a file, or one item of a feed dump.
#[derive(Debug, Clone)]
pub struct Document {
    /// Index in the corpus (set by the pipeline, in input order).
    pub index: usize,
    /// `path` for a file, `path#N` for the N-th item (1-based) of a feed.
    pub id: Arc<str>,
    pub file: Arc<SourceFile>,
    pub role: Role,
    pub title: Option<String>,
    pub date: Option<String>,
    pub origin: Option<String>,
    pub link: Option<String>,
    pub author: Option<String>,
    /// Byte range of the document in the decoded file text.
    pub range: Range<usize>,
    pub blocks: Vec<Block>,
    pub unlisted: bool,
}

/// Notes for the user about how a file was read (printed to stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

/// Turns a decoded file into documents.
pub fn ingest(
    input: &InputFile,
    file: Arc<SourceFile>,
    warnings: &mut Vec<Warning>,
) -> Vec<Document> {
    let text = file.text.as_str();
    let format = input.format.unwrap_or_else(|| detect(text));
    let whole = 0..text.len();
    let base = |id: String, range: Range<usize>, blocks| Document {
        index: 0,
        id: id.into(),
        file: file.clone(),
        role: input.role,
        title: input.title.clone(),
        date: input.date.clone(),
        origin: input.origin.clone(),
        link: None,
        author: None,
        range,
        blocks,
        unlisted: input.unlisted,
    };
    if format == Format::Feed {
        let items = feed::split(text);
        if items.is_empty() {
            warnings.push(Warning {
                path: file.rel.to_string(),
                message: "read as a feed, but no items were found: read as one document".into(),
            });
        } else {
            return items
                .into_iter()
                .enumerate()
                .map(|(n, item)| {
                    let mut blocks = Vec::new();
                    if let Some(r) = item.title_range.clone() {
                        markup::scan_with(text, r, true, false, &mut blocks);
                        blocks.iter_mut().for_each(|b| b.heading = true);
                    }
                    markup::scan_with(text, item.body.clone(), true, item.escaped, &mut blocks);
                    let mut d = base(format!("{}#{}", file.rel, n + 1), item.range, blocks);
                    d.role = Role::Feed;
                    d.title = item.title;
                    d.date = item.date.or(d.date);
                    d.link = item.link;
                    d.author = item.author;
                    d
                })
                .collect();
        }
    }
    if format == Format::Html {
        let mut blocks = Vec::new();
        markup::scan(text, whole.clone(), true, &mut blocks);
        return vec![base(file.rel.to_string(), whole, blocks)];
    }
    // A Markdown page's front matter is its metadata, not its text.
    let front = front::read(text).unwrap_or_default();
    let blocks = text_blocks(text, front.body..text.len());
    let mut d = base(file.rel.to_string(), whole, blocks);
    d.title = d.title.or(front.title);
    d.date = d.date.or(front.date);
    d.author = front.author;
    vec![d]
}

/// Plain text and Markdown: line structure first, then inline markup.
fn text_blocks(text: &str, range: Range<usize>) -> Vec<Block> {
    let ranges = lines::blocks(text, range);
    let mut bridges = pages::bridges(text, &ranges).into_iter().peekable();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < ranges.len() {
        text_block(text, ranges[i].clone(), &mut blocks);
        match bridges.next_if(|&(head, _)| head == i) {
            // A sentence cut by page lines: the block goes on after them,
            // the page lines reading as a space.
            Some((_, tail)) => {
                let mut rest = Vec::new();
                text_block(text, ranges[tail].clone(), &mut rest);
                let mut rest = rest.into_iter();
                if let (Some(b), Some(next)) = (blocks.last_mut(), rest.next()) {
                    b.pieces.push(Piece::replaced(
                        b.end as usize,
                        next.start as usize,
                        " ".into(),
                    ));
                    b.pieces.extend(next.pieces);
                    b.end = next.end;
                }
                blocks.extend(rest);
                i = tail + 1;
            }
            None => i += 1,
        }
    }
    blocks
}

/// The blocks of one line-structure block `r` of plain text or Markdown.
fn text_block(text: &str, r: Range<usize>, blocks: &mut Vec<Block>) {
    let lead = text[r.clone()].trim_start();
    let (heading, quoted) = (
        lead.starts_with('#'),
        lead.starts_with('>') && !callout(lead),
    );
    let first = blocks.len();
    markup::scan(text, r, false, blocks);
    for b in &mut blocks[first..] {
        b.heading |= heading;
        b.quoted |= quoted;
        lines::join_broken_words(text, &mut b.pieces);
    }
}

/// Is a Markdown block quotation a callout, the writer's own words set off
/// under a label in bold ("> **Why it matters:** ...", "> **Note**: ...")
/// rather than words quoted?
fn callout(lead: &str) -> bool {
    let rest = lead.trim_start_matches('>').trim_start();
    let Some(inner) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) else {
        return false;
    };
    let Some(close) = inner.find(['*', '_']).filter(|&i| i <= 40) else {
        return false;
    };
    let after = &inner[close..].trim_start_matches(['*', '_']);
    inner[..close].trim_end().ends_with(':') || after.starts_with(':')
}

/// HTML when block-level tags are common, else text (Markdown included).
pub fn detect(text: &str) -> Format {
    let sample = &text[..floor_boundary(text, 64 * 1024)];
    if markup::looks_like_html(sample)
        && sample.matches("<p").count() + sample.matches("<div").count() >= 2
    {
        Format::Html
    } else {
        Format::Text
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
