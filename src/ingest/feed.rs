//! Feed dumps: one file holding many items. Two shapes are understood:
//!
//! * RSS or Atom XML: `<item>` / `<entry>` elements with their title, link,
//!   date, author and body (plain, or in CDATA);
//! * a *flattened* feed, as text extraction leaves RSS: the XML tags are gone
//!   and each item reads `title link <html body> date author guid`. Items are
//!   found by their RFC 2822 dates (`Fri, 17 Oct 2025 09:52:27 +0000`); the
//!   body is the HTML between the item's link and its date.
//!
//! Every item keeps its byte range in the dump.

use std::ops::Range;

/// One item of a feed dump.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// The whole item, title to trailer.
    pub range: Range<usize>,
    /// The part that holds the item's text.
    pub body: Range<usize>,
    pub title: Option<String>,
    /// Where the title's text lies in the dump (a headline is text too: it
    /// may quote the speaker).
    pub title_range: Option<Range<usize>>,
    pub link: Option<String>,
    /// ISO 8601 date (YYYY-MM-DD).
    pub date: Option<String>,
    pub author: Option<String>,
    /// The body's HTML is entity-escaped (`&lt;p&gt;`), as RSS descriptions
    /// usually are outside CDATA.
    pub escaped: bool,
}

/// Splits a feed dump into items; empty when no item structure is found.
pub fn split(text: &str) -> Vec<Item> {
    let xml = xml_items(text);
    if !xml.is_empty() {
        return xml;
    }
    flattened_items(text)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// An RFC 2822 date starting at `at`: its end and the ISO date.
fn rfc2822_at(text: &str, at: usize) -> Option<(usize, String)> {
    let rest = &text[at..text.len().min(at + 40)];
    let rest = &text[at..(at + rest.len()..=text.len()).find(|&e| text.is_char_boundary(e))?];
    let mut parts = Vec::with_capacity(6);
    let mut pos = 0;
    for w in rest.split(' ').take(6) {
        parts.push((pos, w));
        pos += w.len() + 1;
    }
    let [
        (_, day),
        (_, dd),
        (_, mon),
        (_, yyyy),
        (_, time),
        (zpos, zone),
    ] = parts[..]
    else {
        return None;
    };
    let day = day.strip_suffix(',')?;
    let dd: u32 = dd.parse().ok().filter(|d| (1..=31).contains(d))?;
    let mm = MONTHS.iter().position(|m| *m == mon)? + 1;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !DAYS.contains(&day) || yyyy.len() != 4 || !digits(yyyy) {
        return None;
    }
    if time.len() < 5 || !time.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let zone = &zone[..zone
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '+' && c != '-')
        .unwrap_or(zone.len())];
    let zone_ok = (zone.len() == 5 && zone.starts_with(['+', '-']) && digits(&zone[1..]))
        || (zone.len() == 3 && zone.bytes().all(|b| b.is_ascii_uppercase()));
    zone_ok.then(|| (at + zpos + zone.len(), format!("{yyyy}-{mm:02}-{dd:02}")))
}

fn is_url_like(w: &str) -> bool {
    w.starts_with("http://") || w.starts_with("https://") || (w.starts_with('/') && w.len() > 1)
}

/// Whitespace-separated words of `text[range]` with their offsets.
fn words(text: &str, range: Range<usize>) -> Vec<(usize, &str)> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((range.start + st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((range.start + st, &s[st..]));
    }
    out
}

fn flattened_items(text: &str) -> Vec<Item> {
    let mut dates = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(", ") {
        let at = from + p;
        let day_start = text[..at]
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        if let Some((end, iso)) = rfc2822_at(text, day_start) {
            dates.push((day_start, end, iso));
            from = end;
        } else {
            from = at + 2;
        }
    }
    let mut items = Vec::new();
    let mut seg_start = 0;
    for (n, (ds, de, iso)) in dates.into_iter().enumerate() {
        let seg = seg_start..ds;
        let body_start = text[seg.clone()].find('<').map(|p| seg.start + p);
        let Some(body_start) = body_start else {
            seg_start = de;
            continue;
        };
        let head = words(text, seg.start..body_start);
        let urls: Vec<usize> = (0..head.len())
            .filter(|&i| is_url_like(head[i].1))
            .collect();
        let (title, link, item_start) = match urls.last() {
            Some(&li) => {
                let prev = urls.iter().rev().nth(1).map_or(0, |&p| p + 1);
                // The channel header ends with its link and a language code.
                let skip_lang =
                    n == 0 && prev > 0 && is_language(head.get(prev).map_or("", |w| w.1));
                let t0 = prev + usize::from(skip_lang);
                let words = &head[t0.min(li)..li];
                let title = join_words(words);
                let range = words
                    .first()
                    .zip(words.last())
                    .map(|(a, z)| a.0..z.0 + z.1.len());
                let start = head.get(t0).map_or(seg.start, |w| w.0);
                (title.zip(range), Some(head[li].1.to_string()), start)
            }
            None => (None, None, head.first().map_or(seg.start, |w| w.0)),
        };
        let (title, title_range) = title.unzip();
        let (author, trailer_end) = trailer(text, de);
        items.push(Item {
            range: item_start..trailer_end,
            body: body_start..ds,
            title,
            title_range,
            link,
            date: Some(iso),
            author,
            escaped: false,
        });
        seg_start = trailer_end;
    }
    items
}

fn is_language(w: &str) -> bool {
    let mut parts = w.split('-');
    let lang = parts.next().unwrap_or("");
    lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase()) && parts.all(|p| p.len() == 2)
}

fn join_words(ws: &[(usize, &str)]) -> Option<String> {
    let s = ws.iter().map(|w| w.1).collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// After an item's date: an author of up to four words, then an optional
/// guid (`12345 at /link#comments` or a URL). Returns the author and where the
/// next item may start.
fn trailer(text: &str, from: usize) -> (Option<String>, usize) {
    let end = (from + 400).min(text.len());
    let end = (end..=text.len())
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(text.len());
    let ws = words(text, from..end);
    let Some(stop) = ws
        .iter()
        .position(|w| is_url_like(w.1) || w.1.bytes().all(|b| b.is_ascii_digit()))
    else {
        return (None, from);
    };
    if stop > 4 {
        return (None, from);
    }
    let author = join_words(&ws[..stop]);
    let mut last = stop;
    if !is_url_like(ws[stop].1) {
        // `12345 at URL`
        if ws.get(stop + 1).is_some_and(|w| w.1 == "at")
            && ws.get(stop + 2).is_some_and(|w| is_url_like(w.1))
        {
            last = stop + 2;
        }
    }
    let (p, w) = ws[last];
    (author, p + w.len())
}

/// RSS `<item>` and Atom `<entry>` elements.
fn xml_items(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for (open, close) in [("<item>", "</item>"), ("<entry>", "</entry>")] {
        let mut from = 0;
        while let Some(p) = text[from..].find(open.trim_end_matches('>')) {
            let start = from + p;
            let Some(gt) = text[start..].find('>') else {
                break;
            };
            let inner = start + gt + 1;
            let Some(q) = text[inner..].find(close) else {
                break;
            };
            let end = inner + q + close.len();
            let el = |names: &[&str]| {
                names
                    .iter()
                    .find_map(|n| element(text, inner..inner + q, n))
            };
            let raw_body = el(&["content:encoded", "content", "description", "summary"]);
            let body = raw_body
                .clone()
                .map(|r| strip_cdata(text, r))
                .unwrap_or(inner..inner + q);
            let escaped =
                raw_body.is_some_and(|r| r == body) && text[body.clone()].contains("&lt;");
            let plain = |r: Option<Range<usize>>| {
                r.map(|r| {
                    html_escape::decode_html_entities(text[strip_cdata(text, r)].trim())
                        .into_owned()
                })
                .filter(|s| !s.is_empty())
            };
            let date = plain(el(&["pubDate", "published", "updated", "dc:date"])).and_then(|d| {
                rfc2822_at(&d, 0)
                    .map(|x| x.1)
                    .or_else(|| (d.len() >= 10).then(|| d[..10].to_string()))
            });
            let link = plain(el(&["link"])).or_else(|| attr_href(&text[inner..inner + q]));
            items.push(Item {
                range: start..end,
                body,
                title: plain(el(&["title"])),
                title_range: el(&["title"]).map(|r| strip_cdata(text, r)),
                link,
                date,
                author: plain(el(&["dc:creator", "author"])),
                escaped,
            });
            from = end;
        }
    }
    items.sort_by_key(|i| i.range.start);
    items
}

/// The content range of the first `<name ...>...</name>` inside `range`.
fn element(text: &str, range: Range<usize>, name: &str) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(p) = s[from..].find(&open) {
        let at = from + p + open.len();
        if s[at..].starts_with(['>', ' ', '/']) {
            let gt = at + s[at..].find('>')?;
            if s[..gt].ends_with('/') {
                return None;
            }
            let close = format!("</{name}>");
            let end = gt + 1 + s[gt + 1..].find(&close)?;
            return Some(range.start + gt + 1..range.start + end);
        }
        from = at;
    }
    None
}

fn strip_cdata(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start();
    match t
        .strip_prefix("<![CDATA[")
        .and_then(|x| x.rfind("]]>").map(|e| (x, e)))
    {
        Some((_, e)) => {
            let start = r.start + (s.len() - t.len()) + 9;
            start..start + e
        }
        None => r,
    }
}

fn attr_href(s: &str) -> Option<String> {
    let p = s.find("<link")?;
    let rest = &s[p..s[p..].find('>').map_or(s.len(), |e| p + e)];
    let h = rest.find("href=\"")? + 6;
    Some(rest[h..h + rest[h..].find('"')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_feed_items() {
        let t = "Site - News /news en First title /news/1/first <p>Body one.</p> Fri, 17 Oct 2025 09:52:27 +0000 Polly Jones 17594 at /news/1/first#comments Second one /news/2 <div>Body two</div> Tue, 14 Oct 2025 10:19:57 +0000 Polly Jones 17591 at /news/2#comments";
        let items = split(t);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title.as_deref(), Some("First title"));
        assert_eq!(items[0].link.as_deref(), Some("/news/1/first"));
        assert_eq!(items[0].date.as_deref(), Some("2025-10-17"));
        assert_eq!(items[0].author.as_deref(), Some("Polly Jones"));
        assert_eq!(&t[items[0].body.clone()], "<p>Body one.</p> ");
        assert_eq!(items[1].title.as_deref(), Some("Second one"));
        assert!(t[items[1].range.clone()].starts_with("Second one"));
        assert!(t[items[1].range.clone()].ends_with("#comments"));
    }

    #[test]
    fn rss_xml_items() {
        let t = "<rss><channel><title>C</title><item><title>A &amp; B</title><link>https://x/a</link><pubDate>Wed, 09 Oct 2024 10:41:53 +0000</pubDate><description><![CDATA[<p>Hello.</p>]]></description></item></channel></rss>";
        let items = split(t);
        assert_eq!(items.len(), 1);
        assert_eq!(&t[items[0].body.clone()], "<p>Hello.</p>");
        assert_eq!(items[0].date.as_deref(), Some("2024-10-09"));
        assert_eq!(items[0].link.as_deref(), Some("https://x/a"));
        assert_eq!(items[0].title.as_deref(), Some("A & B"));
        assert!(!items[0].escaped);
    }

    #[test]
    fn no_items_in_prose() {
        assert!(split("Just some text, with commas, and no dates.").is_empty());
    }
}
