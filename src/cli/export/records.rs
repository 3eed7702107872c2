//! `brieven export --lines` and `--jsonl`: the letters as passages, one per paragraph and per
//! footnote, for tools that want flat records: `fzf --filter` (the text alone, one line each)
//! and bulk loading into a search engine (one JSON object per line with its letter's metadata
//! and entity ids). Line k of `--lines` is record k of `--jsonl`.

use std::collections::HashMap;
use std::io::{self, Write};

use brieven::model::{Letter, ParagraphKind};
use brieven::register::{Place, Register};
use brieven::text::sanitize;
use serde::Serialize;

/// One paragraph or footnote with what a search engine needs to filter and show it.
#[derive(Serialize)]
struct Record<'a> {
    id: String,
    letter: &'a str,
    kind: &'static str,
    date: Option<String>,
    year: Option<i32>,
    place: Option<&'a str>,
    sender: Option<&'a str>,
    recipients: &'a [String],
    subject: Option<&'a str>,
    stance: Option<&'static str>,
    section: Option<usize>,
    heading: Option<&'a str>,
    paragraph: Option<usize>,
    notes: Vec<u32>,
    note: Option<u32>,
    urls: &'a [String],
    line: usize,
    text: &'a str,
    entities: Vec<usize>,
    entity_labels: Vec<&'a str>,
}

/// A passage: where it is and its text.
struct Passage<'a> {
    place: Place,
    text: &'a str,
}

/// The passages of a letter in reading order: paragraphs, then footnotes. A paragraph whose
/// number does not fit a [`Place`] (`u32`) is left out, as the register and search leave it.
fn passages(letter: &Letter) -> impl Iterator<Item = Passage<'_>> {
    let paragraphs = letter.paragraphs().filter_map(|(s, p, para)| {
        Some(Passage {
            place: Place::paragraph(s, p)?,
            text: &para.text,
        })
    });
    let notes = letter.footnotes.iter().map(|n| Passage {
        place: Place::Footnote { number: n.number },
        text: &n.text,
    });
    paragraphs.chain(notes)
}

/// A passage's text on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r', '\t']) {
        text.replace(['\n', '\r', '\t'], " ").into()
    } else {
        text.into()
    }
}

/// `--lines`: each passage's text on a line of its own.
pub fn write_lines(letters: &[Letter], out: &mut impl Write) -> io::Result<()> {
    for letter in letters {
        for passage in passages(letter) {
            // Sanitized here as every output is: the text may come from the cache.
            out.write_all(sanitize(&one_line(passage.text)).as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// `--jsonl`: one JSON object per passage.
pub fn write_jsonl(
    letters: &[Letter],
    register: &Register,
    out: &mut impl Write,
) -> io::Result<()> {
    // The entities in each passage, in register order.
    let mut entities: HashMap<(usize, Place), Vec<usize>> = HashMap::new();
    for entity in &register.entities {
        for o in &entity.occurrences {
            let ids = entities.entry((o.letter_index(), o.place)).or_default();
            if ids.last() != Some(&entity.id) {
                ids.push(entity.id);
            }
        }
    }
    for (index, letter) in letters.iter().enumerate() {
        for passage in passages(letter) {
            let ids = entities
                .get(&(index, passage.place))
                .cloned()
                .unwrap_or_default();
            let record = record(letter, &passage, ids, register);
            brieven::export::write_json(&mut *out, &record, false)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

fn record<'a>(
    letter: &'a Letter,
    passage: &Passage<'a>,
    entities: Vec<usize>,
    register: &'a Register,
) -> Record<'a> {
    let entity_labels = entities
        .iter()
        .filter_map(|&i| register.entities.get(i).map(|e| e.label.as_str()))
        .collect();
    let mut r = Record {
        id: String::new(),
        letter: &letter.id,
        kind: "paragraph",
        date: letter.date.map(|d| d.to_string()),
        year: letter.date.map(|d| d.year),
        place: letter.place.as_deref(),
        sender: letter.sender.as_deref(),
        recipients: &letter.recipients,
        subject: letter.subject.as_deref(),
        stance: letter.stance.map(|s| s.as_str()),
        section: None,
        heading: None,
        paragraph: None,
        notes: Vec::new(),
        note: None,
        urls: &[],
        line: 0,
        text: passage.text,
        entities,
        entity_labels,
    };
    match passage.place {
        Place::Paragraph { section, paragraph } => {
            let (section, paragraph) = (section as usize, paragraph as usize);
            let s = &letter.sections[section];
            let p = &s.paragraphs[paragraph];
            r.id = format!("{}_s{section}_p{paragraph}", letter.id);
            if p.kind == ParagraphKind::ListItem {
                r.kind = "list_item";
            }
            // `§ n` and `¶ n` as citations number them (the id keeps the indexes from 0).
            r.section = Some(section + 1);
            r.heading = s.heading.as_deref();
            r.paragraph = Some(brieven::citation::paragraph_number(
                letter, section, paragraph,
            ));
            r.notes = p.notes.iter().map(|n| n.number).collect();
            r.line = p.line;
        }
        Place::Footnote { number } => {
            r.id = format!("{}_n{number}", letter.id);
            r.kind = "note";
            r.note = Some(number);
            if let Some(n) = letter.footnote(number) {
                r.urls = &n.urls;
                r.line = n.line;
            }
        }
        Place::Heading { .. } | Place::Meta => {}
    }
    r
}
