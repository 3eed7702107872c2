//! The DOCX reader: `word/document.xml` with its styles, relationships and notes, read with
//! [`super::office`]'s bounds into its paragraph model.
//!
//! Headings come from the paragraph's outline level or its style's (through `basedOn`
//! chains), or from a style named `heading N` / `Kop N`; list items from numbering
//! (`w:numPr`, a `numId` of 0 being none) on the paragraph or its style. Footnotes and
//! endnotes are numbered in the order their references stand in the text, their markers put
//! exactly there; their links (`w:hyperlink r:id` through the part's relationships) and URLs
//! written in their text are kept. Deleted text (tracked changes), field codes and the
//! fallback copy of a text box are not read; running headers and footers are never read.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ReadError;
use super::office::{self, Archive, Kind, Nesting, Note, Para, Row, attr, name};
use crate::ingest::document::{Document, Format};

/// Reads a DOCX file.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let mut zip = Archive::open(bytes, "DOCX")?;
    let Some(main) = zip.entry("word/document.xml")? else {
        return Err(ReadError::new(
            "a zip archive without word/document.xml: not a Word (DOCX) document",
        ));
    };
    let styles = match zip.entry("word/styles.xml")? {
        Some(xml) => Styles::read(&xml)?,
        None => Styles::default(),
    };
    let rels = relationships(zip.entry("word/_rels/document.xml.rels")?.as_deref());
    let mut numbers = Numbers::default();
    let mut body = Part::read(&main, "word/document.xml", &styles, &rels, &mut numbers)?;
    if let Some(at) = body.contents_at {
        // The heading right over the table of contents (`Inhoud`) titles nothing else.
        let mut k = at;
        while k > 0 && body.body[k - 1].is_empty() {
            k -= 1;
        }
        if k > 0 && matches!(body.body[k - 1].kind, Kind::Heading(_)) {
            body.body.drain(k - 1..at);
        }
    }
    // The first page's header: where a letterhead template puts the side column (sender,
    // `Datum`, `Kenmerk`) and a report's title page its title and date. Read as the side
    // column is, for the head's metadata; its title is the subject's hint.
    let mut titles = std::mem::take(&mut body.titles);
    if let Some(target) = first_header(&main, &rels) {
        let name = target.rsplit('/').next().unwrap_or("");
        if let Some(xml) = zip.entry(&target)? {
            let header_rels =
                relationships(zip.entry(&format!("word/_rels/{name}.rels"))?.as_deref());
            let head = Part::read(
                &xml,
                &target,
                &styles,
                &header_rels,
                &mut Numbers::default(),
            )?;
            let first_titles = head.titles.len();
            titles.splice(0..0, head.titles.iter().cloned());
            let own = &titles[..first_titles];
            let mut lines: Vec<Para> = head
                .body
                .into_iter()
                .chain(head.aside)
                .filter(|p| !own.contains(&p.plain()))
                .collect();
            lines.push(Para::new(Kind::Plain));
            lines.append(&mut body.aside);
            body.aside = lines;
        }
    }
    let mut notes = Vec::new();
    for (part, rels_part) in [
        ("word/footnotes.xml", "word/_rels/footnotes.xml.rels"),
        ("word/endnotes.xml", "word/_rels/endnotes.xml.rels"),
    ] {
        if numbers.by_id.is_empty() {
            break;
        }
        let Some(xml) = zip.entry(part)? else {
            continue;
        };
        let rels = relationships(zip.entry(rels_part)?.as_deref());
        let kind = if part.contains("foot") { "f" } else { "e" };
        let read = Part::read(&xml, part, &styles, &rels, &mut Numbers::default())?;
        for (id, paras, links) in read.notes {
            if let Some(&number) = numbers.by_id.get(&format!("{kind}{id}")) {
                let text = paras.iter().map(Para::plain).collect::<Vec<_>>().join(" ");
                notes.push(Note {
                    number,
                    text,
                    links,
                });
            }
        }
    }
    notes.sort_by_key(|n| n.number);
    let mut b = office::build(Format::Docx, &body.body, &body.aside, &notes);
    b.hints().subject = zip
        .entry("docProps/core.xml")?
        .and_then(|xml| office::stated_title(&xml))
        .or_else(|| {
            titles
                .first()
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        });
    Ok(b.finish())
}

/// The part of the header the first page shows: the first section's `first` header where its
/// first page differs (`titlePg`), else its default header (`word/header3.xml`).
fn first_header(main: &[u8], rels: &HashMap<String, String>) -> Option<String> {
    let text = office::part_text(main);
    let mut reader = Reader::from_str(&text);
    let (mut first, mut default, mut title_page) = (None, None, false);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if name(&e) == "titlePg" => {
                title_page = attr(&e, "val").is_none_or(|v| on(&v));
            }
            Event::Start(e) | Event::Empty(e) if name(&e) == "headerReference" => {
                let target = attr(&e, "id").and_then(|id| rels.get(&id).cloned());
                match attr(&e, "type").as_deref() {
                    Some("first") => first = first.or(target),
                    Some("default") | None => default = default.or(target),
                    _ => {}
                }
            }
            // The first section ends at its properties: later sections' headers are not the
            // first page's.
            Event::End(e) if office::local(e.name().0) == "sectPr" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    // The `first` header shows only where the section says its first page differs.
    let target = first.filter(|_| title_page).or(default)?;
    let target = target.trim_start_matches('/');
    Some(if target.starts_with("word/") {
        target.to_string()
    } else {
        format!("word/{target}")
    })
}

/// The targets of a part's relationships, by id.
fn relationships(xml: Option<&[u8]>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(xml) = xml else { return out };
    let text = office::part_text(xml);
    let mut reader = Reader::from_str(&text);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if name(&e) == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    out.insert(id, target);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// What a paragraph style states, and the style it is based on.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbered: Option<bool>,
    bold: Option<bool>,
    before: Option<u32>,
    after: Option<u32>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_id: Option<String>,
    /// The document's default spacing (before, after), in twentieths of a point.
    spacing: (u32, u32),
}

impl Styles {
    fn read(xml: &[u8]) -> Result<Styles, ReadError> {
        let text = office::part_text(xml);
        let mut reader = Reader::from_str(&text);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let (mut in_rpr, mut in_defaults) = (false, false);
        loop {
            let event = reader
                .read_event()
                .map_err(|e| office::xml_error("word/styles.xml", e))?;
            match event {
                Event::Start(e) | Event::Empty(e) => match name(&e) {
                    "style" if attr(&e, "type").as_deref() == Some("paragraph") => {
                        let id = attr(&e, "styleId").unwrap_or_default();
                        if attr(&e, "default").is_some_and(|v| on(&v)) {
                            styles.default_id = Some(id.clone());
                        }
                        current = Some((id, Style::default()));
                    }
                    "pPrDefault" => in_defaults = true,
                    "rPr" => in_rpr = true,
                    "spacing" if !in_rpr => {
                        let (before, after) = (twips(&e, "before"), twips(&e, "after"));
                        if let Some((_, style)) = &mut current {
                            style.before = style.before.or(before);
                            style.after = style.after.or(after);
                        } else if in_defaults {
                            styles.spacing = (before.unwrap_or(0), after.unwrap_or(0));
                        }
                    }
                    key => {
                        if let Some((_, style)) = &mut current {
                            let val = attr(&e, "val");
                            match key {
                                "name" => style.name = val.unwrap_or_default(),
                                "basedOn" => style.based_on = val,
                                "outlineLvl" => style.outline = val.and_then(|v| v.parse().ok()),
                                "numId" => style.numbered = Some(val.as_deref() != Some("0")),
                                "b" if in_rpr => style.bold = Some(val.is_none_or(|v| on(&v))),
                                _ => {}
                            }
                        }
                    }
                },
                Event::End(e) => match office::local(e.name().0) {
                    "style" => {
                        if let Some((id, style)) = current.take() {
                            styles.by_id.insert(id, style);
                        }
                    }
                    "rPr" => in_rpr = false,
                    "pPrDefault" => in_defaults = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The style `id` and those it is based on, nearest first (at most 16: a loop ends).
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let first = id.or(self.default_id.as_deref());
        std::iter::successors(first.and_then(|id| self.by_id.get(id)), move |s| {
            s.based_on.as_deref().and_then(|id| self.by_id.get(id))
        })
        .take(16)
    }

    fn heading(&self, id: Option<&str>) -> Option<u8> {
        for style in self.chain(id) {
            if let Some(level) = style.outline {
                return (level < 9).then_some(level + 1);
            }
            let key: String = style
                .name
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            for prefix in ["heading", "kop"] {
                let Some(rest) = key.strip_prefix(prefix) else {
                    continue;
                };
                // `heading 2`, a copy Word numbered on (`Heading 21`), a house style's
                // (`Kop 1 - huisstijl`): the first digit is the level. A heading style without
                // a number (`Kop zonder nummering`) is a first level's; `Koptekst` and
                // `Kop-Inhoudsopgave` are the page header's and the contents' title.
                match rest.chars().next() {
                    Some(d @ '1'..='9') => return d.to_digit(10).map(|n| n as u8),
                    Some(c) if c.is_alphabetic() => {
                        let other = ["tekst", "text", "-", "inhoud"]
                            .iter()
                            .any(|w| rest.starts_with(w) || rest.contains("inhoud"));
                        if !other && !rest.contains(|c: char| c.is_ascii_digit()) {
                            return Some(1);
                        }
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// The style's name, lower case without spaces, for each style of the chain.
    fn keys<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = String> + 's {
        self.chain(id).map(|s| {
            s.name
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase()
        })
    }

    /// Whether the style is a table of contents' entry (`toc 1` .. `toc 9`) or its title
    /// (`TOC Heading`): Word's built-in names, whatever the language of its interface.
    fn contents(&self, id: Option<&str>) -> bool {
        self.keys(id).any(|k| {
            k.strip_prefix("toc")
                .is_some_and(|r| r == "heading" || r.parse::<u8>().is_ok())
        })
    }

    /// Whether the style is the document's title (`Title`, `Subtitle`).
    fn title(&self, id: Option<&str>) -> bool {
        self.keys(id).any(|k| k == "title" || k == "subtitle")
    }

    fn numbered(&self, id: Option<&str>) -> bool {
        self.chain(id).find_map(|s| s.numbered).unwrap_or(false)
    }

    fn bold(&self, id: Option<&str>) -> bool {
        self.chain(id).find_map(|s| s.bold).unwrap_or(false)
    }

    fn spacing(&self, id: Option<&str>) -> (u32, u32) {
        let before = self
            .chain(id)
            .find_map(|s| s.before)
            .unwrap_or(self.spacing.0);
        let after = self
            .chain(id)
            .find_map(|s| s.after)
            .unwrap_or(self.spacing.1);
        (before, after)
    }
}

/// Whether an OOXML on/off value is on.
fn on(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}

fn twips(e: &BytesStart<'_>, key: &str) -> Option<u32> {
    attr(e, key).and_then(|v| v.parse().ok())
}

/// Note numbers in the order of their references, by `f`/`e` and id.
#[derive(Debug, Default)]
struct Numbers {
    by_id: HashMap<String, u32>,
}

/// A paragraph being read and what its properties said.
#[derive(Debug, Default)]
struct Open {
    para: Para,
    style: Option<String>,
    outline: Option<u8>,
    numbered: Option<bool>,
    spacing: (Option<u32>, Option<u32>),
}

/// One part read: its paragraphs, its text boxes' paragraphs, its notes.
#[derive(Debug, Default)]
struct Part {
    body: Vec<Para>,
    aside: Vec<Para>,
    notes: Vec<(String, Vec<Para>, Vec<String>)>,
    /// Where in `body` the table of contents stood (its entries are left out).
    contents_at: Option<usize>,
    /// The paragraphs in the style `Title` (or `Subtitle`), in order.
    titles: Vec<String>,
}

impl Part {
    fn read(
        xml: &[u8],
        part: &str,
        styles: &Styles,
        rels: &HashMap<String, String>,
        numbers: &mut Numbers,
    ) -> Result<Part, ReadError> {
        let text = office::part_text(xml);
        let mut reader = Reader::from_str(&text);
        let mut out = Part::default();
        let mut nesting = Nesting::default();
        let mut open: Option<Open> = None;
        let mut outer: Vec<Option<Open>> = Vec::new(); // paragraphs around text boxes
        let mut row: Option<Row> = None;
        let mut note: Option<(String, Vec<Para>, Vec<String>)> = None;
        let (mut in_t, mut in_ppr, mut in_rpr, mut run_bold) = (false, false, false, false);
        // A paragraph ended (by its end tag or as an empty element), finished before the next
        // event.
        let mut closing_p = false;
        loop {
            if std::mem::take(&mut closing_p) {
                finish(
                    &mut out,
                    &mut open,
                    &mut row,
                    &mut note,
                    !outer.is_empty(),
                    styles,
                );
            }
            let event = reader
                .read_event()
                .map_err(|e| office::xml_error(part, e))?;
            let (start, empty) = match &event {
                Event::Start(e) => (Some(e), false),
                Event::Empty(e) => (Some(e), true),
                _ => (None, false),
            };
            if let Some(e) = start {
                if !nesting.enter(empty, part)? {
                    continue;
                }
                let key = name(e);
                match key {
                    "Fallback" | "del" | "instrText" | "delText" | "sectPr" | "moveFrom"
                        if !empty =>
                    {
                        nesting.skip();
                    }
                    "footnote" | "endnote" => {
                        note = Some((attr(e, "id").unwrap_or_default(), Vec::new(), Vec::new()))
                    }
                    "txbxContent" if !empty => {
                        outer.push(open.take());
                        if outer.len() > 8 {
                            return Err(office::too_deep(part));
                        }
                    }
                    "p" => {
                        open = Some(Open {
                            para: Para::new(Kind::Plain),
                            ..Open::default()
                        });
                        closing_p = empty;
                    }
                    "pPr" => in_ppr = !empty,
                    "rPr" => in_rpr = !empty,
                    "tr" if row.is_none() && !empty && outer.is_empty() => {
                        row = Some(Row::new(nesting.depth))
                    }
                    "tc" => {
                        if let Some(r) = &mut row {
                            r.cell();
                        }
                    }
                    "hyperlink" => {
                        if let (Some(note), Some(target)) =
                            (&mut note, attr(e, "id").and_then(|id| rels.get(&id)))
                        {
                            note.2.push(target.clone());
                        }
                    }
                    "r" => {
                        run_bold = open
                            .as_ref()
                            .is_some_and(|o| styles.bold(o.style.as_deref()));
                    }
                    _ => {}
                }
                let Some(o) = &mut open else { continue };
                let val = || attr(e, "val");
                match key {
                    "pStyle" if in_ppr => o.style = val(),
                    "outlineLvl" if in_ppr => o.outline = val().and_then(|v| v.parse().ok()),
                    "numId" if in_ppr => o.numbered = Some(val().as_deref() != Some("0")),
                    "spacing" if in_ppr && !in_rpr => {
                        o.spacing = (twips(e, "before"), twips(e, "after"))
                    }
                    "b" if in_rpr && !in_ppr => run_bold = val().is_none_or(|v| on(&v)),
                    "t" if !empty => in_t = true,
                    "tab" if !in_ppr => o.para.push_text(" ", run_bold),
                    "noBreakHyphen" => o.para.push_text("-", run_bold),
                    "br" | "cr" => {
                        let page = attr(e, "type").is_some_and(|t| t == "page" || t == "column");
                        if !page {
                            o.para.line_break();
                        }
                    }
                    "footnoteReference" | "endnoteReference" => {
                        let kind = if key.starts_with('f') { "f" } else { "e" };
                        let id = format!("{kind}{}", attr(e, "id").unwrap_or_default());
                        let next = numbers.by_id.len() as u32 + 1;
                        let number = *numbers.by_id.entry(id).or_insert(next);
                        o.para.push_marker(number);
                    }
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Text(t) if in_t && !nesting.skipping() => {
                    if let Some(o) = &mut open {
                        o.para.push_text(&t, run_bold);
                    }
                }
                Event::GeneralRef(r) if in_t && !nesting.skipping() => {
                    if let Some(o) = &mut open {
                        o.para.push_text(&office::entity(&r), run_bold);
                    }
                }
                Event::End(e) => {
                    let Some(closing) = nesting.leave() else {
                        continue;
                    };
                    match office::local(e.name().0) {
                        "t" => in_t = false,
                        "pPr" => in_ppr = false,
                        "rPr" => in_rpr = false,
                        "p" => closing_p = true,
                        "txbxContent" => open = outer.pop().flatten(),
                        "tr" => {
                            if row.as_ref().is_some_and(|r| r.depth == closing)
                                && let Some(r) = row.take()
                            {
                                push_para(&mut out, &mut note, r.finish());
                            }
                        }
                        "footnote" | "endnote" => {
                            if let Some(n) = note.take() {
                                out.notes.push(n);
                            }
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }
}

/// Ends the open paragraph: into the text box's, the table row's, the note's or the body's.
fn finish(
    out: &mut Part,
    open: &mut Option<Open>,
    row: &mut Option<Row>,
    note: &mut Option<(String, Vec<Para>, Vec<String>)>,
    in_box: bool,
    styles: &Styles,
) {
    let Some(o) = open.take() else { return };
    let mut para = o.para;
    let style = o.style.as_deref();
    if note.is_none() && styles.title(style) && !para.is_empty() {
        out.titles.push(para.plain());
    }
    if in_box {
        out.aside.push(para);
        return;
    }
    if let Some(r) = row {
        r.add(para);
        return;
    }
    if note.is_none() && styles.contents(style) {
        // A table of contents repeats the headings with page numbers: no text of the letter.
        out.contents_at.get_or_insert(out.body.len());
        return;
    }
    let heading = match o.outline {
        Some(level) => (level < 9).then_some(level + 1),
        None => styles.heading(style),
    };
    para.kind = if let Some(level) = heading {
        Kind::Heading(level)
    } else if o.numbered.unwrap_or_else(|| styles.numbered(style)) {
        Kind::ListItem
    } else {
        Kind::Plain
    };
    let (before, after) = styles.spacing(style);
    para.space_before = o.spacing.0.unwrap_or(before) > 0;
    para.space_after = o.spacing.1.unwrap_or(after) > 0;
    push_para(out, note, para);
}

fn push_para(out: &mut Part, note: &mut Option<(String, Vec<Para>, Vec<String>)>, para: Para) {
    match note {
        Some(note) => note.1.push(para),
        None => out.body.push(para),
    }
}
