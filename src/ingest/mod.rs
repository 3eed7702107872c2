//! Bytes to [`Letter`]: a reader per format makes a [`document::Document`], then passes, each
//! in a file of its own, make the letter of it.
//!
//! 0. [`read`]: the format told by the bytes (and the name); its reader gives the document:
//!    the text as lines, with what the format states about each (role, page, bold), the notes
//!    it states, and hints (front matter). For text, [`decode`] turns bytes to text with LF
//!    line ends, and nothing is stated.
//! 2. [`lines`]: text to numbered lines, and the shape of the text (PDF-like or Markdown).
//! 3. [`layout`]: the regions (header, body, closing); page furniture marked.
//! 4. [`notes`]: footnote definitions, taken out of the flow.
//! 5. [`blocks`]: body lines to headings, paragraphs and list items, re-flowed.
//! 6. [`inline`]: Markdown inline markup out of the text; then [`markers`]: note markers out,
//!    their offsets kept.
//! 7. [`meta`]: date, place, recipients, subject, reference from the header; [`closing`]:
//!    sender and signatories.
//!
//! [`patterns`] holds the small bilingual vocabulary of letter layout the passes share.
//!
//! Where the format states something (a paragraph, a heading, furniture, a note and its
//! marker) the passes take it as stated; where it does not, they infer it as for text.
//!
//! No pass panics on any input; whatever looks wrong becomes a warning on the letter.

pub mod act;
pub mod blocks;
pub mod closing;
pub mod contact;
pub mod decode;
pub mod document;
pub mod eu;
pub mod inline;
pub mod join;
pub mod kamerstuk;
pub mod layout;
pub mod lines;
pub mod markers;
pub mod markup;
pub mod meta;
pub mod notes;
pub mod patterns;
pub mod read;
pub mod scan;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Footnote, Letter, Paragraph, ParagraphKind, Section};
use crate::text::sanitize;
use blocks::BlockKind;
use document::{Document, Format, Role};
use scan::Bytes;

/// Reads one letter file of any format: told by its bytes, else by `extension` (the file
/// name's, without the dot). The error says why the file gives no letter.
pub fn read_file(
    id: &str,
    source: &str,
    extension: Option<&str>,
    bytes: &[u8],
) -> Result<Letter, read::ReadError> {
    let doc = read::read(extension, bytes)?;
    Ok(parse_document(id, source, &doc))
}

/// Parses one letter file's bytes as text (a `.txt` letter).
pub fn parse(id: &str, source: &str, bytes: &[u8]) -> Letter {
    parse_document(id, source, &read::text::read(Format::Text, bytes))
}

/// Parses the text of one letter.
pub fn parse_text(id: &str, source: &str, text: &str) -> Letter {
    parse_document(id, source, &Document::text(Format::Text, text.to_string()))
}

/// Makes the letter of a document.
pub fn parse_document(id: &str, source: &str, doc: &Document) -> Letter {
    // Text whose converter set note markers on lines of their own gets them back in place.
    let lifted = if doc.format.is_text() && doc.notes.is_none() {
        notes::lift_lone_markers(doc)
    } else {
        None
    };
    let doc = lifted.as_ref().unwrap_or(doc);
    let mut warnings: Vec<String> = doc.warnings.iter().map(|w| format!("{id}: {w}")).collect();
    let text = doc.text.as_str();
    let safe = sanitize(text);
    if safe.len() != text.len() || safe != text {
        warnings.push(format!(
            "{id}: control characters in the text are shown as placeholders"
        ));
    }
    let text: &str = &safe;
    let mut lines = lines::split(text);
    let mut regions = layout::regions(&lines);
    if doc.states_roles() && regions.salutation.is_none() {
        // Without a salutation the passes start the body at the first long line; where the
        // format states running text before it (a web page of short paragraphs, a paragraph
        // of short lines), the body starts there, and with the headings right before it.
        // The format's own start wins both ways: lines it states no paragraph before its
        // first paragraph (a letterhead line long enough to pass for text) are the head.
        let mut start = (0..lines.len())
            .find(|&i| {
                matches!(
                    doc.info(i).role,
                    document::Role::Paragraph | document::Role::ListItem
                )
            })
            .unwrap_or(regions.body.start);
        let mut k = start;
        while k > 0
            && (lines[k - 1].is_blank()
                || matches!(doc.info(k - 1).role, document::Role::Heading(_)))
        {
            k -= 1;
            if matches!(doc.info(k).role, document::Role::Heading(_)) {
                start = k;
            }
        }
        regions.header = 0..start;
        regions.body.start = start;
    }
    if doc.states_roles() {
        regions.hold_content(
            lines.len(),
            |i| matches!(doc.info(i).role, Role::Paragraph | Role::ListItem),
            |i| matches!(doc.info(i).role, Role::Heading(_)),
        );
        regions.hold_cover();
    }
    let defs = match &doc.notes {
        Some(notes) => notes::Definitions {
            // A format's notes are untrusted text as the letter's is: sanitised the same way.
            notes: notes
                .iter()
                .map(|n| Footnote {
                    text: sanitize(&n.text).into_owned(),
                    urls: n.urls.iter().map(|u| sanitize(u).into_owned()).collect(),
                    ..n.clone()
                })
                .collect(),
            taken: vec![false; lines.len()],
            style: markers::MarkerStyle::Given,
        },
        None => notes::definitions(&lines, &regions, &doc.lines),
    };
    // The shape of the running text before furniture is known: enough to tell full lines.
    // (Vectors sized once: filtered iterators do not know their length.)
    let mut body: Vec<&lines::Line> = Vec::with_capacity(regions.body.len());
    body.extend(
        regions
            .body
            .clone()
            .filter(|&i| !defs.taken[i])
            .map(|i| &lines[i]),
    );
    let markdown_possible = lines::may_have_markdown(text);
    let body_shape = lines::shape(&body, markdown_possible);
    let mut furniture = layout::furniture(&lines, &regions, &defs.taken, body_shape);
    if doc.states_roles() {
        // What the format states wins: running text is never furniture, furniture always is.
        for (i, masked) in furniture.mask.iter_mut().enumerate() {
            let role = doc.info(i).role;
            *masked = (*masked && !role.is_content()) || role.is_furniture();
        }
    }
    // A salutation after an introduction: the letter's, and no paragraph of the body.
    let late = layout::late_salutation(&lines, &regions);
    regions.salutation = regions.salutation.or(late);
    // A parliamentary paper's frame (chamber, session year, colophon, page footers).
    let paper = kamerstuk::paper(&lines);
    if let Some(paper) = &paper {
        for &i in &paper.frame {
            furniture.mask[i] = true;
        }
    }
    let removed: Vec<bool> = (0..lines.len())
        .map(|i| defs.taken[i] || furniture.mask[i] || late == Some(i))
        .collect();
    // What a converter appended to body lines from the letterhead's column is cut off.
    let mut appended_reference = None;
    if doc.format.is_text() {
        for (i, keep, reference) in layout::appended_column(&lines, &regions, &removed) {
            lines[i].truncate(keep);
            appended_reference = appended_reference.or(reference);
        }
    }
    let mut kept: Vec<&lines::Line> = Vec::with_capacity(regions.body.len());
    kept.extend(
        regions
            .body
            .clone()
            .filter(|&i| !removed[i])
            .map(|i| &lines[i]),
    );
    let shape = lines::shape(&kept, markdown_possible);
    // The vocabulary is needed only to judge hyphens at line ends.
    let hyphenated = lines.iter().any(|l| l.text.ends_with('-'));
    let words = join::Words::new(if hyphenated { text } else { "" });
    let mut blocks = blocks::build(
        &lines,
        regions.body.clone(),
        &removed,
        shape,
        &words,
        &doc.lines,
    );
    if !regions.annex.is_empty() {
        let mut annex = regions.annex.clone();
        if doc.info(annex.start).role == Role::Inferred && !removed[annex.start] {
            // The annex's title (`Bijlage: ...`), found by the text, heads it.
            blocks.push(blocks::Block::heading(lines[annex.start].text, annex.start));
            annex.start += 1;
        }
        blocks.extend(blocks::build(
            &lines, annex, &removed, shape, &words, &doc.lines,
        ));
    }
    let page_of = |line: usize| Some(doc.info(line.wrapping_sub(1)).page).filter(|&p| p > 0);

    let mut sections: Vec<Section> = Vec::new();
    let mut last_marker = 0;
    let mut cited: BTreeMap<u32, usize> = BTreeMap::new(); // number -> first line citing it
    for block in blocks {
        // Only text has Markdown to clean; other formats state their markup.
        let clean = if doc.format.is_text() {
            inline::clean(&block.text)
        } else {
            block.text
        };
        let (unmarked, mut refs) = markers::extract(&clean, defs.style, &mut last_marker);
        let clean = match unmarked {
            Cow::Owned(unmarked) => unmarked,
            Cow::Borrowed(_) => clean,
        };
        let clean = fold_spaces(clean, &mut refs);
        if clean.is_empty() {
            continue;
        }
        for r in &refs {
            cited.entry(r.number).or_insert(block.line);
        }
        if block.kind == BlockKind::Heading {
            sections.push(Section {
                heading: Some(clean),
                paragraphs: Vec::new(),
                line: block.line,
                page: page_of(block.line),
            });
            continue;
        }
        if sections.is_empty() {
            sections.push(Section {
                heading: None,
                paragraphs: Vec::new(),
                line: block.line,
                page: page_of(block.line),
            });
        }
        let kind = match block.kind {
            BlockKind::ListItem => ParagraphKind::ListItem,
            _ => ParagraphKind::Text,
        };
        // (Counted only for paragraphs with markers.)
        let at_limit = if refs.is_empty() {
            0
        } else {
            clean.chars().count()
        };
        if let Some(section) = sections.last_mut() {
            section.paragraphs.push(Paragraph {
                text: clean,
                notes: refs
                    .into_iter()
                    .map(|mut r| {
                        r.at = r.at.min(at_limit);
                        r
                    })
                    .collect(),
                kind,
                line: block.line,
                page: page_of(block.line),
            });
        }
    }

    let mut footnotes = defs.notes;
    for note in &mut footnotes {
        note.page = note.page.or_else(|| page_of(note.line));
    }
    footnotes.sort_by_key(|n| n.number);
    let mut meta = meta::extract(&lines, &regions, &furniture, &removed, &doc.lines);
    if meta.date.is_none() {
        meta.date = doc.hints.date;
    }
    // An EU act is dated, placed and signed at its end.
    if (meta.date.is_none() || meta.signed_by.is_empty())
        && let Some(act) = eu::enacted(&lines)
    {
        if meta.date.is_none() {
            meta.date = Some(act.date);
            meta.place = meta.place.take().or(Some(act.place));
        }
        if meta.signed_by.is_empty() {
            meta.signed_by = act.signatories;
        }
    }
    // A parliamentary paper's head states its number, title, author and date.
    if let Some(paper) = paper {
        if !paper.reference.is_empty() {
            meta.reference = Some(paper.reference);
        }
        meta.subject = Some(paper.subject);
        if let Some(sender) = paper.sender {
            meta.sender = Some(sender);
        }
        if let Some(date) = paper.date {
            meta.date = Some(date);
            meta.place = None;
        }
        if !paper.signatories.is_empty() {
            meta.signed_by = paper.signatories;
        }
        if !paper.dossier.is_empty() {
            meta.recipients.retain(|r| !r.starts_with(&paper.dossier));
        }
    }
    if meta.reference.is_none() {
        meta.reference = appended_reference.or_else(|| doc.hints.reference.clone());
    }
    if meta.sender.is_none()
        && let Some(sender) = &doc.hints.sender
    {
        let sender = sanitize(sender).into_owned();
        // The one who submitted a document signs it: the name before its office.
        if meta.signed_by.is_empty() {
            let name = sender.split(',').next().unwrap_or("").trim();
            meta.signed_by = vec![name.to_string()];
        }
        meta.sender = Some(sender);
    }
    if meta.subject.is_none() {
        meta.subject = doc.hints.subject.as_ref().map(|s| sanitize(s).into_owned());
    }
    warnings.extend(meta.warnings.iter().map(|w| format!("{id}: {w}")));
    if meta.date.is_none() {
        warnings.push(format!("{id}: no date found for the letter"));
    }
    let mut defined = BTreeSet::new();
    for note in &footnotes {
        if !defined.insert(note.number) {
            warnings.push(format!(
                "{id}:{}: footnote {} is defined twice",
                note.line, note.number
            ));
        }
        if !cited.contains_key(&note.number) {
            warnings.push(format!(
                "{id}:{}: footnote {} is never cited",
                note.line, note.number
            ));
        }
    }
    for (number, line) in &cited {
        if !defined.contains(number) {
            warnings.push(format!("{id}:{line}: note marker {number} has no footnote"));
        }
    }

    // A legislative act's articles, chapters and recitals, where the text is one.
    let (sections, act) =
        act::structure(sections, |line| match doc.info(line.wrapping_sub(1)).role {
            Role::Heading(level) => Some(level),
            _ => None,
        });
    // An act whose head names no subject (an Official Journal's page) is about its title.
    if meta.subject.is_none()
        && let Some(title) = act.as_ref().and_then(|a| act::title(&sections, a))
    {
        meta.subject = Some(title);
    }
    Letter {
        id: id.to_string(),
        source: source.to_string(),
        date: meta.date,
        place: meta.place,
        sender: meta.sender,
        signed_by: meta.signed_by,
        recipients: meta.recipients,
        subject: meta.subject,
        reference: meta.reference,
        salutation: meta.salutation,
        sections,
        footnotes,
        warnings,
        act,
        ..Letter::default()
    }
}

/// Single spaces only, none at the ends; marker offsets move with the text.
fn fold_spaces(text: String, refs: &mut [crate::model::NoteRef]) -> String {
    if is_folded(&text) {
        if !refs.is_empty() {
            let len = text.chars().count();
            for r in refs {
                r.at = r.at.min(len);
            }
        }
        return text;
    }
    let mut out = String::with_capacity(text.len());
    // Old char index -> new char index, needed only to move markers.
    let mut new_index = Vec::with_capacity(if refs.is_empty() { 0 } else { text.len() + 1 });
    let mut len = 0;
    let mut pending_space = false;
    for c in text.chars() {
        if !refs.is_empty() {
            new_index.push(len + usize::from(pending_space && len > 0));
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && len > 0 {
            out.push(' ');
            len += 1;
        }
        pending_space = false;
        out.push(c);
        len += 1;
    }
    new_index.push(len);
    for r in refs {
        r.at = new_index.get(r.at).copied().unwrap_or(len).min(len);
    }
    out
}

/// Whether `text` already has single spaces only and none at the ends: then folding leaves it
/// as it is, markers included. Besides two spaces in a row, only a control byte or a byte that
/// starts non-ASCII white space (`C2`, `E1`, `E2`, `E3`) needs a closer look.
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || text.contains("  ") {
        return false;
    }
    let suspect = |b: scan::Lanes| b.within(0, 0x1F) | b.is(0xC2) | b.within(0xE1, 0xE3);
    let mut from = 0;
    while let Some(i) = scan::find_byte(bytes, from, suspect) {
        let white = match bytes[i] {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..].starts_with(char::is_whitespace),
            _ => false,
        };
        if white {
            return false;
        }
        from = i + 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_folded;

    /// `is_folded` says what folding would say, for white space of every kind at every place,
    /// including both sides of the chunk boundaries of its fast path.
    #[test]
    fn is_folded_agrees_with_folding() {
        let odd = [
            " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1}", "\u{1f}", "\u{85}", "\u{a0}",
            "\u{1680}", "\u{2003}", "\u{2028}", "\u{202f}", "\u{3000}", "é", "–", "’", "¹", "a",
        ];
        let mut checked = 0;
        let mut folded = 0;
        for len in [0, 1, 2, 30, 62, 63, 64, 65, 127, 128, 200] {
            let base: String = "ab cd".chars().cycle().take(len).collect();
            for at in [
                0,
                1,
                len / 2,
                len.saturating_sub(1),
                len,
                63,
                64,
                65,
                127,
                128,
            ] {
                for piece in odd {
                    let Some((head, tail)) = base.split_at_checked(at.min(base.len())) else {
                        continue;
                    };
                    let text = format!("{head}{piece}{tail}");
                    let expected = text.split_whitespace().collect::<Vec<_>>().join(" ") == text;
                    assert_eq!(is_folded(&text), expected, "{text:?}");
                    checked += 1;
                    folded += usize::from(expected);
                }
            }
        }
        assert!(checked > 1500 && folded > 300 && checked - folded > 300);
    }
}
