//! The ODT reader: `content.xml` with the styles of `styles.xml` and its own, read with
//! [`super::office`]'s bounds into its paragraph model.
//!
//! Headings are `text:h` (their `outline-level`), or paragraphs whose style or a parent style
//! has a default outline level; list items are the paragraphs of a `text:list`. A `text:note`
//! gives its note (number from its citation, text and `xlink:href` links from its body) and
//! its marker exactly where it stands. Frames' text boxes (a letterhead's side column) are
//! read as asides; tracked deletions and annotations are not read; running headers and footers
//! (in `styles.xml`'s master pages) are never read. An encrypted document (its manifest says
//! so) is refused with that message.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::ReadError;
use super::office::{self, Archive, Kind, Nesting, Note, Para, Row, attr, name};
use crate::ingest::document::{Document, Format};

/// Reads an ODT file.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let mut zip = Archive::open(bytes, "ODT")?;
    if let Some(manifest) = zip.entry("META-INF/manifest.xml")?
        && memchr::memmem::find(&manifest, b"encryption-data").is_some()
    {
        return Err(ReadError::new(office::ENCRYPTED));
    }
    let Some(content) = zip.entry("content.xml")? else {
        return Err(ReadError::new(
            "a zip archive without content.xml: not an OpenDocument (ODT) text",
        ));
    };
    let mut styles = Styles::default();
    if let Some(xml) = zip.entry("styles.xml")? {
        styles.read(&xml, "styles.xml")?;
    }
    styles.read(&content, "content.xml")?;
    let part = read_content(&content, &styles)?;
    let mut b = office::build(Format::Odt, &part.body, &part.aside, &part.notes);
    b.hints().subject = zip
        .entry("meta.xml")?
        .and_then(|xml| office::stated_title(&xml));
    Ok(b.finish())
}

#[derive(Debug, Default, Clone)]
struct Style {
    parent: Option<String>,
    outline: Option<u8>,
    bold: Option<bool>,
    before: Option<bool>,
    after: Option<bool>,
}

/// Paragraph and text styles by name (`p` / `t` and the name).
#[derive(Debug, Default)]
struct Styles {
    by_name: HashMap<String, Style>,
}

impl Styles {
    fn read(&mut self, xml: &[u8], part: &str) -> Result<(), ReadError> {
        let text = office::part_text(xml);
        let mut reader = Reader::from_str(&text);
        let mut current: Option<(String, Style)> = None;
        loop {
            match reader
                .read_event()
                .map_err(|e| office::xml_error(part, e))?
            {
                Event::Start(e) | Event::Empty(e) => match name(&e) {
                    "style" => {
                        let family = match attr(&e, "family").as_deref() {
                            Some("paragraph") => "p",
                            Some("text") => "t",
                            _ => continue,
                        };
                        let style = Style {
                            parent: attr(&e, "parent-style-name").map(|p| format!("{family}{p}")),
                            outline: attr(&e, "default-outline-level").and_then(|v| v.parse().ok()),
                            ..Style::default()
                        };
                        let key = format!("{family}{}", attr(&e, "name").unwrap_or_default());
                        self.by_name.insert(key.clone(), style.clone());
                        current = Some((key, style));
                    }
                    "text-properties" => {
                        if let (Some((_, style)), Some(w)) = (&mut current, attr(&e, "font-weight"))
                        {
                            style.bold =
                                Some(w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600));
                        }
                    }
                    "paragraph-properties" => {
                        if let Some((_, style)) = &mut current {
                            let spaced = |v: Option<String>| v.map(|v| nonzero_length(&v));
                            style.before = spaced(attr(&e, "margin-top"));
                            style.after = spaced(attr(&e, "margin-bottom"));
                        }
                    }
                    _ => {}
                },
                Event::End(e) if office::local(e.name().0) == "style" => {
                    if let Some((key, style)) = current.take() {
                        self.by_name.insert(key, style);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn chain<'s>(&'s self, key: Option<String>) -> impl Iterator<Item = &'s Style> + 's {
        std::iter::successors(key.and_then(|k| self.by_name.get(&k)), move |s| {
            s.parent.as_ref().and_then(|k| self.by_name.get(k))
        })
        .take(16)
    }
}

/// Whether an ODF length (`0.25cm`, `0in`, `6pt`) is more than nothing.
fn nonzero_length(v: &str) -> bool {
    let digits: String = v
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse::<f64>().is_ok_and(|n| n > 0.0)
}

/// A paragraph being read.
#[derive(Debug)]
struct Open {
    para: Para,
    style: Option<String>,
    outline: Option<u8>,
}

#[derive(Debug, Default)]
struct Content {
    body: Vec<Para>,
    aside: Vec<Para>,
    notes: Vec<Note>,
}

fn read_content(xml: &[u8], styles: &Styles) -> Result<Content, ReadError> {
    let text = office::part_text(xml);
    let mut reader = Reader::from_str(&text);
    let mut out = Content::default();
    let mut nesting = Nesting::default();
    let mut open: Option<Open> = None;
    // Paragraphs around notes and text boxes, with whether the inner one is a note.
    let mut outer: Vec<(Option<Open>, bool)> = Vec::new();
    let mut note: Option<(Note, Vec<Para>)> = None;
    let mut citation: Option<String> = None;
    let mut row: Option<Row> = None;
    let mut lists = 0usize;
    let mut bold: Vec<bool> = Vec::new();
    let mut in_body = false;
    let mut counter = 0u32;
    // A paragraph ended (by its end tag or as an empty element), finished before the next event.
    let mut closing_p = false;
    loop {
        if std::mem::take(&mut closing_p) {
            finish(
                &mut out, &mut open, &mut row, &mut note, &outer, lists, styles,
            );
        }
        let event = reader
            .read_event()
            .map_err(|e| office::xml_error("content.xml", e))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            if !nesting.enter(empty, "content.xml")? {
                continue;
            }
            let key = name(e);
            if key == "text" && e.name().0.starts_with("office") {
                in_body = true;
            }
            if !in_body {
                continue;
            }
            match key {
                "tracked-changes" | "annotation" | "sequence-decls" | "forms" | "deletion"
                    if !empty =>
                {
                    nesting.skip();
                }
                "p" | "h" => {
                    let style = attr(e, "style-name");
                    let mut para = Para::new(Kind::Plain);
                    let para_bold = styles
                        .chain(style.as_ref().map(|s| format!("p{s}")))
                        .find_map(|s| s.bold)
                        .unwrap_or(false);
                    bold.clear();
                    bold.push(para_bold);
                    let outline = if key == "h" {
                        Some(
                            attr(e, "outline-level")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                        )
                    } else {
                        None
                    };
                    if empty {
                        para.lines.clear();
                        para.lines.push(Vec::new());
                    }
                    open = Some(Open {
                        para,
                        style,
                        outline,
                    });
                    closing_p = empty;
                }
                "note" if !empty => {
                    outer.push((open.take(), true));
                    note = Some((Note::default(), Vec::new()));
                    if outer.len() > 8 {
                        return Err(office::too_deep("content.xml"));
                    }
                }
                "note-citation" if !empty => citation = Some(String::new()),
                "text-box" if !empty => {
                    outer.push((open.take(), false));
                    if outer.len() > 8 {
                        return Err(office::too_deep("content.xml"));
                    }
                }
                "list" if !empty => lists += 1,
                "table-row" if row.is_none() && !empty && outer.is_empty() => {
                    row = Some(Row::new(nesting.depth))
                }
                "table-cell" => {
                    if let Some(r) = &mut row {
                        r.cell();
                    }
                }
                "span" if !empty => {
                    let outer_bold = bold.last().copied().unwrap_or(false);
                    let b = attr(e, "style-name")
                        .and_then(|s| styles.chain(Some(format!("t{s}"))).find_map(|s| s.bold))
                        .unwrap_or(outer_bold);
                    bold.push(b);
                }
                "a" => {
                    if let (Some((n, _)), Some(href)) = (&mut note, attr(e, "href")) {
                        n.links.push(href);
                    }
                }
                _ => {}
            }
            let b = bold.last().copied().unwrap_or(false);
            if let Some(o) = &mut open {
                match key {
                    "s" => {
                        let n = attr(e, "c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1);
                        o.para.push_text(&" ".repeat(n.clamp(1, 8)), b);
                    }
                    "tab" => o.para.push_text(" ", b),
                    "line-break" => o.para.line_break(),
                    _ => {}
                }
            }
            continue;
        }
        match event {
            Event::Text(t) if !nesting.skipping() && in_body => {
                let b = bold.last().copied().unwrap_or(false);
                if let Some(c) = &mut citation {
                    c.push_str(&t);
                } else if let Some(o) = &mut open {
                    o.para.push_text(&t, b);
                }
            }
            Event::GeneralRef(r) if !nesting.skipping() && in_body => {
                let b = bold.last().copied().unwrap_or(false);
                if let Some(o) = &mut open {
                    o.para.push_text(&office::entity(&r), b);
                }
            }
            Event::End(e) => {
                let Some(closing) = nesting.leave() else {
                    continue;
                };
                if !in_body {
                    continue;
                }
                match office::local(e.name().0) {
                    "p" | "h" => closing_p = true,
                    "span" if bold.len() > 1 => {
                        bold.pop();
                    }
                    "note-citation" => {
                        if let (Some(c), Some((n, _))) = (citation.take(), &mut note) {
                            n.number = c.trim().parse().unwrap_or(0);
                        }
                    }
                    "note" => {
                        let restored = outer.pop();
                        if let Some((mut n, paras)) = note.take() {
                            counter += 1;
                            if n.number == 0 {
                                n.number = counter;
                            }
                            n.text = paras.iter().map(Para::plain).collect::<Vec<_>>().join(" ");
                            open = restored.and_then(|(o, _)| o);
                            if let Some(o) = &mut open {
                                o.para.push_marker(n.number);
                            }
                            out.notes.push(n);
                        } else {
                            open = restored.and_then(|(o, _)| o);
                        }
                    }
                    "text-box" => open = outer.pop().and_then(|(o, _)| o),
                    "list" => lists = lists.saturating_sub(1),
                    "table-row" => {
                        if row.as_ref().is_some_and(|r| r.depth == closing)
                            && let Some(r) = row.take()
                        {
                            out.body.push(r.finish());
                        }
                    }
                    "text" if e.name().0.starts_with("office") => in_body = false,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out.notes.sort_by_key(|n| n.number);
    Ok(out)
}

/// Ends the open paragraph: into the note's, the text box's, the table row's or the body's.
fn finish(
    out: &mut Content,
    open: &mut Option<Open>,
    row: &mut Option<Row>,
    note: &mut Option<(Note, Vec<Para>)>,
    outer: &[(Option<Open>, bool)],
    lists: usize,
    styles: &Styles,
) {
    let Some(o) = open.take() else { return };
    let mut para = o.para;
    match outer.last() {
        Some((_, true)) => {
            if let Some((_, paras)) = note {
                paras.push(para);
            }
            return;
        }
        Some((_, false)) => {
            out.aside.push(para);
            return;
        }
        None => {}
    }
    if let Some(r) = row {
        r.add(para);
        return;
    }
    let key = o.style.as_ref().map(|s| format!("p{s}"));
    let outline = o
        .outline
        .or_else(|| styles.chain(key.clone()).find_map(|s| s.outline));
    para.kind = match outline {
        Some(level) if level > 0 => Kind::Heading(level.min(9)),
        _ if lists > 0 => Kind::ListItem,
        _ => Kind::Plain,
    };
    para.space_before = styles
        .chain(key.clone())
        .find_map(|s| s.before)
        .unwrap_or(false);
    para.space_after = styles.chain(key).find_map(|s| s.after).unwrap_or(false);
    out.body.push(para);
}
