//! The DOCX reader: `word/document.xml` with its styles, relationships and notes, read with
//! [`super::office`]'s bounds into its paragraph model.
//!
//! Headings come from the paragraph's outline level or its style's (through `basedOn`
//! chains), or from a style named `heading N` / `Kop N`; list items from numbering
//! (`w:numPr`, a `numId` of 0 being none) on the paragraph or its style, with the label the
//! numbering shows (`1.1`, `a)`; [`super::numbering`]). Footnotes and endnotes are numbered in
//! the order their references stand in the text, their markers put exactly there; their links
//! (`w:hyperlink r:id` through the part's relationships) and URLs written in their text are
//! kept. A table of contents (Word's `toc N` styles) and the heading over it are left out.
//! Deleted text (tracked changes), field codes and the fallback copy of a text box are not
//! read. Of the headers and footers only the first page's header is read, as the side column
//! (a letterhead's `Datum` and `Kenmerk`, a title page's title); running ones never are.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::ReadError;
use super::docx_styles::{Styles, on, twips};
use super::numbering::Numbering;
use super::office::{self, Archive, Kind, Nesting, Note, Para, Piece, Row, attr, name};
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
    let mut lists = match zip.entry("word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let mut numbers = Numbers::default();
    let mut body = Part::read(
        &main,
        "word/document.xml",
        &styles,
        &rels,
        &mut numbers,
        &mut lists,
    )?;
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
                &mut Numbering::default(),
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
        let read = Part::read(
            &xml,
            part,
            &styles,
            &rels,
            &mut Numbers::default(),
            &mut Numbering::default(),
        )?;
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
    num_id: Option<String>,
    level: Option<u8>,
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
        lists: &mut Numbering,
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
                    lists,
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
                    "numId" if in_ppr => {
                        o.numbered = Some(val().as_deref() != Some("0"));
                        o.num_id = val();
                    }
                    "ilvl" if in_ppr => o.level = val().and_then(|v| v.parse().ok()),
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
    lists: &mut Numbering,
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
    // The label the list numbering puts before a heading or an item (`1.1`, `a)`), as the
    // page shows it; a bullet's is the item's mark.
    if matches!(para.kind, Kind::Heading(_) | Kind::ListItem) && !para.is_empty() {
        let (style_list, style_level) = styles.list(style);
        let num_id = o.num_id.or(style_list).filter(|id| id != "0");
        let level = o
            .level
            .or(style_level)
            .or_else(|| style.and_then(|s| lists.level_of_style(s)))
            .unwrap_or(0);
        if let Some(label) = num_id.and_then(|id| lists.next(&id, level)) {
            match para.lines.first_mut() {
                Some(line) => line.insert(0, Piece::Text(format!("{label} "))),
                None => para.lines.push(vec![Piece::Text(label)]),
            }
        }
    }
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
