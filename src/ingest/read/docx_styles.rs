//! The paragraph styles of a DOCX file (`word/styles.xml`): what each states (outline level,
//! numbering, weight, spacing) through its `basedOn` chain, and what its built-in name says
//! (`heading N`, `toc N`, `Title`).

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ReadError;
use super::office::{self, attr, name};

/// What a paragraph style states, and the style it is based on.
#[derive(Debug, Default, Clone)]
pub(super) struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbered: Option<bool>,
    /// The list (`numId`) and level (`ilvl`) that number the style's paragraphs.
    num_id: Option<String>,
    level: Option<u8>,
    bold: Option<bool>,
    before: Option<u32>,
    after: Option<u32>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    default_id: Option<String>,
    /// The document's default spacing (before, after), in twentieths of a point.
    spacing: (u32, u32),
}

impl Styles {
    pub(super) fn read(xml: &[u8]) -> Result<Styles, ReadError> {
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
                                "numId" => {
                                    style.numbered = Some(val.as_deref() != Some("0"));
                                    style.num_id = val;
                                }
                                "ilvl" => style.level = val.and_then(|v| v.parse().ok()),
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

    pub(super) fn heading(&self, id: Option<&str>) -> Option<u8> {
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
    pub(super) fn contents(&self, id: Option<&str>) -> bool {
        self.keys(id).any(|k| {
            k.strip_prefix("toc")
                .is_some_and(|r| r == "heading" || r.parse::<u8>().is_ok())
        })
    }

    /// Whether the style is the document's title (`Title`, `Subtitle`).
    pub(super) fn title(&self, id: Option<&str>) -> bool {
        self.keys(id).any(|k| k == "title" || k == "subtitle")
    }

    /// The list and level that number the style's paragraphs, if any.
    pub(super) fn list(&self, id: Option<&str>) -> (Option<String>, Option<u8>) {
        (
            self.chain(id).find_map(|s| s.num_id.clone()),
            self.chain(id).find_map(|s| s.level),
        )
    }

    pub(super) fn numbered(&self, id: Option<&str>) -> bool {
        self.chain(id).find_map(|s| s.numbered).unwrap_or(false)
    }

    pub(super) fn bold(&self, id: Option<&str>) -> bool {
        self.chain(id).find_map(|s| s.bold).unwrap_or(false)
    }

    pub(super) fn spacing(&self, id: Option<&str>) -> (u32, u32) {
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
pub(super) fn on(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}

pub(super) fn twips(e: &BytesStart<'_>, key: &str) -> Option<u32> {
    attr(e, key).and_then(|v| v.parse().ok())
}
