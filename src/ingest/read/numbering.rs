//! Word's list numbering (`word/numbering.xml`): the label a numbered paragraph shows in front
//! of its text, `1`, `1.1`, `a)`, `iv.`, counted as Word counts it.
//!
//! A paragraph is numbered by a `numId` and a level (`ilvl`), on the paragraph or on its style
//! (a template's headings `Kop 1`..`Kop 3` share one list). The `numId` names an abstract list,
//! whose level states the start, the format (`decimal`, `lowerLetter`, `upperRoman`, `bullet`,
//! ...) and the label's text (`%1.%2.`: the counters of levels 1 and 2). Counting a level
//! restarts every deeper one. Bullets and unknown lists have no label: the paragraph is a list
//! item as before.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::ReadError;
use super::office::{self, attr, name};

/// The deepest level Word numbers (`ilvl` 0..=8).
const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Format {
    #[default]
    Decimal,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// A bullet, or no label at all.
    Unlabelled,
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: Format,
    text: String,
}

/// The numbering of a document, and its counters as its paragraphs are read in order.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Abstract lists' levels, by `abstractNumId`.
    abstracts: HashMap<String, Vec<Level>>,
    /// `numId` to `abstractNumId`.
    nums: HashMap<String, String>,
    /// The level a paragraph style is linked to (`w:pStyle` in a level), by style id.
    styled: HashMap<String, u8>,
    /// Abstract lists that take their levels from a numbering style (`numStyleLink`), and
    /// the abstract list that defines each such style (`styleLink`).
    linked: HashMap<String, String>,
    defining: HashMap<String, String>,
    counters: HashMap<String, [u32; LEVELS]>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn read(xml: &[u8]) -> Result<Numbering, ReadError> {
        let text = office::part_text(xml);
        let mut reader = Reader::from_str(&text);
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| office::xml_error("word/numbering.xml", e))?;
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let val = || attr(&e, "val");
                    match name(&e) {
                        "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                        "num" => num_id = attr(&e, "numId"),
                        "numStyleLink" if level.is_none() => {
                            if let (Some(a), Some(style)) = (&abstract_id, val()) {
                                out.linked.insert(a.clone(), style);
                            }
                        }
                        "styleLink" if level.is_none() => {
                            if let (Some(a), Some(style)) = (&abstract_id, val()) {
                                out.defining.insert(style, a.clone());
                            }
                        }
                        "abstractNumId" => {
                            if let (Some(n), Some(a)) = (&num_id, val()) {
                                out.nums.insert(n.clone(), a);
                            }
                        }
                        "lvl" => {
                            level = attr(&e, "ilvl")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < LEVELS);
                            if let (Some(a), Some(l)) = (&abstract_id, level) {
                                let levels = out.abstracts.entry(a.clone()).or_default();
                                if levels.len() <= l {
                                    levels.resize(l + 1, Level::default());
                                }
                                levels[l].start = 1;
                            }
                        }
                        key => {
                            let (Some(a), Some(l)) = (&abstract_id, level) else {
                                continue;
                            };
                            if key == "pStyle" {
                                if let Some(style) = val() {
                                    out.styled.insert(style, l as u8);
                                }
                                continue;
                            }
                            let Some(lvl) = out.abstracts.get_mut(a).and_then(|v| v.get_mut(l))
                            else {
                                continue;
                            };
                            match key {
                                "start" => {
                                    lvl.start = val().and_then(|v| v.parse().ok()).unwrap_or(1)
                                }
                                "numFmt" => lvl.format = format(val().as_deref()),
                                "lvlText" => lvl.text = val().unwrap_or_default(),
                                _ => {}
                            }
                        }
                    }
                }
                Event::End(e) => match office::local(e.name().0) {
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    "lvl" => level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// The level paragraph style `style` is linked to, if a list level names it.
    pub fn level_of_style(&self, style: &str) -> Option<u8> {
        self.styled.get(style).copied()
    }

    /// Counts the next paragraph of list `num_id` at `level` and gives its label (`1.1`);
    /// none for a bullet, a list without a label, or a list the file does not define.
    pub fn next(&mut self, num_id: &str, level: u8) -> Option<String> {
        let mut abstract_id = self.nums.get(num_id)?;
        if let Some(defining) = self
            .linked
            .get(abstract_id)
            .and_then(|style| self.defining.get(style))
        {
            abstract_id = defining;
        }
        let levels = self.abstracts.get(abstract_id)?;
        let l = usize::from(level).min(LEVELS - 1);
        let this = levels.get(l)?;
        let counters = self
            .counters
            .entry(num_id.to_string())
            .or_insert([0; LEVELS]);
        counters[l] = if counters[l] == 0 {
            this.start
        } else {
            counters[l].saturating_add(1)
        };
        for deeper in &mut counters[l + 1..] {
            *deeper = 0;
        }
        if this.format == Format::Unlabelled {
            return None;
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let Some(k) = (c == '%')
                .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .filter(|&k| (1..=LEVELS as u32).contains(&k))
            else {
                label.push(c);
                continue;
            };
            chars.next();
            let k = k as usize - 1;
            let at = levels.get(k).cloned().unwrap_or_default();
            let n = if counters[k] == 0 {
                at.start
            } else {
                counters[k]
            };
            label.push_str(&render(n, at.format));
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

fn format(val: Option<&str>) -> Format {
    match val {
        Some("decimal" | "decimalZero") | None => Format::Decimal,
        Some("lowerLetter") => Format::LowerLetter,
        Some("upperLetter") => Format::UpperLetter,
        Some("lowerRoman") => Format::LowerRoman,
        Some("upperRoman") => Format::UpperRoman,
        Some(_) => Format::Unlabelled,
    }
}

/// A counter in a level's format: `3`, `c`, `C`, `iii`, `III`.
fn render(n: u32, format: Format) -> String {
    match format {
        Format::Decimal | Format::Unlabelled => n.to_string(),
        Format::LowerLetter | Format::UpperLetter => {
            // Word goes on `aa`, `bb` after `z`.
            let n = n.max(1) - 1;
            let letter = char::from(b'a' + (n % 26) as u8);
            let s: String = std::iter::repeat_n(letter, (n / 26) as usize + 1).collect();
            if format == Format::UpperLetter {
                s.to_uppercase()
            } else {
                s
            }
        }
        Format::LowerRoman | Format::UpperRoman => {
            let s = roman(n);
            if format == Format::UpperRoman {
                s.to_uppercase()
            } else {
                s
            }
        }
    }
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (value, digits) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop1"/><w:lvlText w:val="%1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="Genummerd"/></w:abstractNum>
<w:abstractNum w:abstractNumId="4"><w:styleLink w:val="Genummerd"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_as_word_counts_them() {
        let mut n = Numbering::read(XML.as_bytes()).expect("reads");
        assert_eq!(n.level_of_style("Kop1"), Some(0));
        let labels: Vec<Option<String>> = [(0, "1"), (1, "1"), (1, "1"), (0, "1"), (1, "1")]
            .iter()
            .map(|&(l, id)| n.next(id, l))
            .collect();
        assert_eq!(
            labels,
            [Some("1"), Some("1.1"), Some("1.2"), Some("2"), Some("2.1")]
                .map(|s| s.map(String::from))
        );
        assert_eq!(n.next("2", 0).as_deref(), Some("a)"));
        assert_eq!(n.next("2", 1).as_deref(), Some("IV."));
        assert_eq!(n.next("2", 1).as_deref(), Some("V."));
        assert_eq!(n.next("2", 0).as_deref(), Some("b)"));
        assert_eq!(n.next("3", 0), None, "a bullet has no label");
        assert_eq!(
            n.next("4", 0).as_deref(),
            Some("1."),
            "levels of a numbering style"
        );
        assert_eq!(n.next("9", 0), None, "an undefined list has none");
    }

    #[test]
    fn counters_render_in_their_formats() {
        assert_eq!(render(27, Format::LowerLetter), "aa");
        assert_eq!(render(14, Format::UpperRoman), "XIV");
        assert_eq!(roman(1999), "mcmxcix");
        assert_eq!(render(0, Format::LowerRoman), "0");
    }
}
