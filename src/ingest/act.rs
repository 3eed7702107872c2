//! The structure of an EU legislative act (a regulation, directive or decision, proposed or
//! adopted), as the EU's drafting conventions (the Joint Practical Guide) lay it out in every
//! language and every form, EUR-Lex's web pages as much as a PDF:
//!
//! - an explanatory memorandum (`EXPLANATORY MEMORANDUM`, `TOELICHTING`) before the act;
//! - the act's title in capitals (`REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL`,
//!   after `Proposal for a`), then the citations (`Having regard to ...`) up to `Whereas:`;
//! - the recitals, `(1)` to `(n)`, up to the enacting formula (`HAVE ADOPTED THIS
//!   REGULATION:`, `HEBBEN DE VOLGENDE VERORDENING VASTGESTELD:`), which says what kind of act
//!   it is;
//! - the enacting terms: parts, titles, chapters, sections and subsections, each a label
//!   (`CHAPTER I`, `Section 2`) with its title on the same line or the next, and articles
//!   (`Article 7` and its title, `Issuance of detection orders`), up to `Done at Brussels`;
//! - annexes (`ANNEX I`, with a title in capitals under it) and other parts after the act (a
//!   legislative financial statement).
//!
//! A label is read from the text, whether the format states it as a heading or as a paragraph
//! (EUR-Lex's pages set some articles' labels in a plain paragraph style). A document without
//! an enacting formula followed by an article is no act and is left as it is. The pass only
//! regroups what the other passes made: no text is added or dropped, but for the recitals'
//! heading, which the text does not write.

use crate::model::{Act, ActKind, Division, DivisionKind, Paragraph, Section};

/// One heading or paragraph of the flow, in reading order.
enum Item {
    Heading {
        text: String,
        line: usize,
        page: Option<u32>,
        stated: Option<u8>,
    },
    Para(Paragraph),
}

impl Item {
    fn text(&self) -> &str {
        match self {
            Item::Heading { text, .. } => text,
            Item::Para(p) => &p.text,
        }
    }
}

/// A division label: `Article 7`, `CHAPTER IV`, `Section 1Coordinating Authorities`.
#[derive(Debug, PartialEq)]
struct Label {
    kind: DivisionKind,
    /// The label as it should be shown: the keyword as written and the number.
    shown: String,
    number: Option<String>,
    /// What follows the number on the same line, its separator taken off.
    rest: String,
}

/// Regroups `sections` as an act's divisions when they are an act. `stated(line)` is the
/// heading level the format states for the 1-based source line, if any.
pub fn structure(
    sections: Vec<Section>,
    stated: impl Fn(usize) -> Option<u8>,
) -> (Vec<Section>, Option<Act>) {
    // Cheap first: most documents are letters, whose paragraphs none is an enacting formula.
    let Some(kind) = sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find_map(|p| enacting_formula(&p.text))
    else {
        return (sections, None);
    };
    let mut items = Vec::new();
    for section in sections {
        if let Some(text) = section.heading {
            items.push(Item::Heading {
                text,
                line: section.line,
                page: section.page,
                stated: stated(section.line),
            });
        }
        items.extend(section.paragraphs.into_iter().map(Item::Para));
    }
    let formula = items
        .iter()
        .position(|item| matches!(item, Item::Para(p) if enacting_formula(&p.text).is_some()))
        .unwrap_or(0);
    if !items[formula + 1..]
        .iter()
        .any(|it| label(it.text()).is_some_and(|l| l.kind == DivisionKind::Article))
    {
        return (regroup(items), None);
    }
    let whereas = items[..formula]
        .iter()
        .rposition(|it| matches!(it, Item::Para(p) if recitals_heading(&p.text).is_some()));
    let title = items[..whereas.unwrap_or(formula)]
        .iter()
        .rposition(|it| matches!(it, Item::Para(p) if super::eu::is_act(&p.text)));
    // `Proposal for a` over the act's title belongs to it.
    let preamble = title.map(|t| {
        if t > 0 && matches!(&items[t - 1], Item::Para(p) if super::eu::is_proposal_opener(&p.text))
        {
            t - 1
        } else {
            t
        }
    });
    let mut out = Outline::default();
    let mut zone = Zone::Before;
    let mut containers: Vec<DivisionKind> = Vec::new();
    let mut ranks: Vec<DivisionKind> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if Some(i) == preamble {
            // The act's title heads the preamble; `Proposal for a` stays its first paragraph.
            let t = title.unwrap_or(i);
            out.open(
                section_at(&items[t]),
                division(DivisionKind::Preamble, None, None, 0),
            );
            if t != i {
                out.push(take(&mut items, i));
            }
            zone = Zone::Preamble;
            i = t + 1;
            continue;
        }
        if i == formula {
            out.push(take(&mut items, i));
            zone = Zone::Enacting;
            i += 1;
            continue;
        }
        let text = items[i].text().to_string();
        if let Some(w) = whereas
            && w + 1 == i
        {
            // The recitals open after `Whereas:`, which stays the preamble's.
            let heading = recitals_heading(items[w].text()).unwrap_or("Recitals");
            let (line, page) = position(&items[i]);
            out.open(
                Section {
                    heading: Some(heading.to_string()),
                    paragraphs: Vec::new(),
                    line,
                    page,
                },
                division(DivisionKind::Recitals, None, None, 0),
            );
        }
        match zone {
            Zone::Before | Zone::Preamble => {
                if let Item::Heading { stated, .. } = &items[i] {
                    let memorandum = is_memorandum(&text);
                    let level = match (memorandum, out.memorandum) {
                        (true, _) => 0,
                        (false, true) => usize::from(stated.unwrap_or(1).max(1)),
                        (false, false) => usize::from(stated.unwrap_or(1).saturating_sub(1)),
                    };
                    out.memorandum |= memorandum;
                    let kind = if memorandum {
                        DivisionKind::Memorandum
                    } else {
                        DivisionKind::Heading
                    };
                    out.open(section_at(&items[i]), division(kind, None, None, level));
                    i += 1;
                    continue;
                }
            }
            Zone::Enacting => {
                if let Some(l) = label(&text).filter(|l| l.kind != DivisionKind::Annex) {
                    let (title, used) = title_of(&l, &items, i);
                    let level = if l.kind == DivisionKind::Article {
                        containers.len()
                    } else {
                        nest(&mut ranks, &mut containers, l.kind)
                    };
                    out.open_label(&items[i], &l, title, level);
                    i += 1 + usize::from(used);
                    continue;
                }
                if is_done_at(&text) {
                    zone = Zone::After;
                } else if let Item::Heading { stated, .. } = &items[i] {
                    if label(&text).is_some_and(|l| l.kind == DivisionKind::Annex)
                        || *stated == Some(1)
                    {
                        zone = Zone::After;
                    } else {
                        let level = containers.len() + 1;
                        out.open(
                            section_at(&items[i]),
                            division(DivisionKind::Heading, None, None, level),
                        );
                        i += 1;
                        continue;
                    }
                } else if label(&text).is_some_and(|l| l.kind == DivisionKind::Annex) {
                    zone = Zone::After;
                }
            }
            Zone::After => {}
        }
        if zone == Zone::After {
            if let Some(l) = label(&text).filter(|l| l.kind == DivisionKind::Annex) {
                let (title, used) = title_of(&l, &items, i);
                out.open_label(&items[i], &l, title, 0);
                i += 1 + usize::from(used);
                continue;
            }
            if let Item::Heading { stated, .. } = &items[i] {
                let level = usize::from(*stated != Some(1));
                out.open(
                    section_at(&items[i]),
                    division(DivisionKind::Heading, None, None, level),
                );
                i += 1;
                continue;
            }
        }
        out.push(take(&mut items, i));
        i += 1;
    }
    let act = Act {
        kind,
        divisions: out.divisions,
    };
    (out.sections, Some(act))
}

/// The sections again, as they were, from the flow of a document that is no act after all.
fn regroup(items: Vec<Item>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for item in items {
        match item {
            Item::Heading {
                text, line, page, ..
            } => sections.push(Section {
                heading: Some(text),
                paragraphs: Vec::new(),
                line,
                page,
            }),
            Item::Para(p) => {
                if sections.is_empty() {
                    sections.push(Section {
                        heading: None,
                        paragraphs: Vec::new(),
                        line: p.line,
                        page: p.page,
                    });
                }
                if let Some(s) = sections.last_mut() {
                    s.paragraphs.push(p);
                }
            }
        }
    }
    sections
}

/// Where in the act the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// The memorandum, or whatever comes before the act's title.
    Before,
    /// The title, the citations and the recitals.
    Preamble,
    /// From the enacting formula to `Done at`.
    Enacting,
    /// Annexes and what else follows the act.
    After,
}

/// The sections being made, with a division for each.
#[derive(Default)]
struct Outline {
    sections: Vec<Section>,
    divisions: Vec<Division>,
    /// Whether the memorandum's title was seen: its headings are one level under it.
    memorandum: bool,
}

impl Outline {
    fn open(&mut self, section: Section, division: Division) {
        self.sections.push(section);
        self.divisions.push(division);
    }

    fn open_label(&mut self, item: &Item, label: &Label, title: Option<String>, level: usize) {
        let heading = match &title {
            Some(t) => format!("{} — {t}", label.shown),
            None => label.shown.clone(),
        };
        let (line, page) = position(item);
        self.open(
            Section {
                heading: Some(heading),
                paragraphs: Vec::new(),
                line,
                page,
            },
            division(label.kind, label.number.clone(), title, level),
        );
    }

    /// A paragraph for the current section (an opening one made if there is none).
    fn push(&mut self, item: Option<Paragraph>) {
        let Some(p) = item else { return };
        if self.sections.is_empty() {
            self.open(
                Section {
                    heading: None,
                    paragraphs: Vec::new(),
                    line: p.line,
                    page: p.page,
                },
                division(DivisionKind::Heading, None, None, 0),
            );
        }
        if let Some(s) = self.sections.last_mut() {
            s.paragraphs.push(p);
        }
    }
}

fn division(
    kind: DivisionKind,
    number: Option<String>,
    title: Option<String>,
    level: usize,
) -> Division {
    Division {
        kind,
        number,
        title,
        level: level.min(8) as u8,
    }
}

fn position(item: &Item) -> (usize, Option<u32>) {
    match item {
        Item::Heading { line, page, .. } => (*line, *page),
        Item::Para(p) => (p.line, p.page),
    }
}

/// A section headed by the item's text.
fn section_at(item: &Item) -> Section {
    let (line, page) = position(item);
    Section {
        heading: Some(item.text().to_string()),
        paragraphs: Vec::new(),
        line,
        page,
    }
}

/// The paragraph of item `i`, or (for a heading no rule took) the heading as a paragraph.
fn take(items: &mut [Item], i: usize) -> Option<Paragraph> {
    match &mut items[i] {
        Item::Para(p) => Some(std::mem::take(p)),
        Item::Heading {
            text, line, page, ..
        } => Some(Paragraph {
            text: std::mem::take(text),
            line: *line,
            page: *page,
            ..Paragraph::default()
        }),
    }
}

/// Opens a container (a part, title, chapter, section, subsection) and gives its level. Which
/// holds which is learnt from the act itself, as drafters use the words: a kind first seen
/// inside another ranks under it (a `Part 1` inside a section), one first seen with nothing
/// open ranks over all. A container closes those of its rank and under.
fn nest(ranks: &mut Vec<DivisionKind>, open: &mut Vec<DivisionKind>, kind: DivisionKind) -> usize {
    let rank_of = |ranks: &[DivisionKind], k: DivisionKind| ranks.iter().position(|&r| r == k);
    if rank_of(ranks, kind).is_none() {
        match open.last().and_then(|&inner| rank_of(ranks, inner)) {
            Some(inner) => ranks.insert(inner + 1, kind),
            None => ranks.insert(0, kind),
        }
    }
    let rank = rank_of(ranks, kind).unwrap_or(0);
    open.retain(|&k| rank_of(ranks, k).is_some_and(|r| r < rank));
    let level = open.len();
    open.push(kind);
    level
}

/// A label's title: what follows its number on its line, else the next item when it reads as
/// a title (short, no sentence, no numbered paragraph, no label; for an annex, in capitals or
/// a stated heading). The flag says whether the next item was used.
fn title_of(label: &Label, items: &[Item], i: usize) -> (Option<String>, bool) {
    if !label.rest.is_empty() {
        return (Some(label.rest.clone()), false);
    }
    let Some(next) = items.get(i + 1) else {
        return (None, false);
    };
    let t = next.text().trim();
    let heading = matches!(next, Item::Heading { .. });
    let titled = !t.is_empty()
        && t.chars().count() <= 200
        && !t.ends_with(['.', ';', ',', ':'])
        && label_of(t).is_none()
        && !starts_numbered(t)
        && (label.kind != DivisionKind::Annex || heading || is_capitals(t))
        && !matches!(next, Item::Para(p) if !p.notes.is_empty() && !heading);
    if titled {
        (Some(t.to_string()), true)
    } else {
        (None, false)
    }
}

/// `1.`, `(a)`, `(12)`, `a)`: a numbered paragraph or point, no title.
fn starts_numbered(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    let inner = first.trim_start_matches('(').trim_end_matches([')', '.']);
    first.len() > inner.len()
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_capitals(t: &str) -> bool {
    let mut letters = t.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// A division label that stands alone, with what follows it on its line.
fn label(text: &str) -> Option<Label> {
    label_of(text.trim())
}

fn label_of(t: &str) -> Option<Label> {
    if t.len() > 300 {
        return None;
    }
    let (word, after) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let kind = match word.to_lowercase().as_str() {
        "article" | "artikel" | "articolo" | "artículo" => DivisionKind::Article,
        "chapter" | "hoofdstuk" | "chapitre" | "kapitel" => DivisionKind::Chapter,
        "section" | "afdeling" | "abschnitt" => DivisionKind::Section,
        "subsection" | "onderafdeling" | "sous-section" | "unterabschnitt" => {
            DivisionKind::Subsection
        }
        "title" | "titel" | "titre" => DivisionKind::Title,
        "part" | "deel" | "partie" | "teil" => DivisionKind::Part,
        "annex" | "bijlage" | "annexe" | "anhang" | "annex:" | "bijlage:" => DivisionKind::Annex,
        _ => return None,
    };
    let word = word.trim_end_matches(':');
    let after = after.trim_start();
    let (number, rest) = match kind {
        DivisionKind::Article => article_number(after)?,
        DivisionKind::Section | DivisionKind::Subsection => {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0 && digits <= 3).then_some(())?;
            (Some(after[..digits].to_string()), &after[digits..])
        }
        _ => match roman_or_digits(after) {
            Some(n) => (Some(after[..n].to_string()), &after[n..]),
            None if kind == DivisionKind::Annex => (None, after),
            None => return None,
        },
    };
    let rest = rest
        .trim_start_matches([' ', ':', '.', '-', '–', '—', '\u{a0}'])
        .trim();
    // A sentence about an article (`Article 5 of the Treaty shall ...`) is no label: a title
    // starts with a capital and is no sentence.
    if !rest.is_empty()
        && (!rest.starts_with(|c: char| c.is_uppercase() || c == '(' || c.is_ascii_digit())
            || rest.ends_with(['.', ';', ',']))
    {
        return None;
    }
    if kind == DivisionKind::Annex && !rest.is_empty() && !is_capitals(rest) && number.is_none() {
        return None;
    }
    let shown = match &number {
        Some(n) => format!("{word} {n}"),
        None => word.to_string(),
    };
    Some(Label {
        kind,
        shown,
        number,
        rest: rest.to_string(),
    })
}

/// An article's number: digits and a letter or Latin ordinal after them (`7`, `7a`, `7 bis`).
fn article_number(after: &str) -> Option<(Option<String>, &str)> {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let tail = &after[digits..];
    let letter = tail
        .chars()
        .next()
        .filter(|c| c.is_ascii_lowercase())
        .filter(|_| !tail[1..].starts_with(|c: char| c.is_alphabetic()));
    let end = digits + letter.map_or(0, |_| 1);
    for ordinal in [" bis", " ter", " quater"] {
        if let Some(rest) = after[end..].strip_prefix(ordinal)
            && !rest.starts_with(|c: char| c.is_alphabetic())
        {
            let n = end + ordinal.len();
            return Some((Some(after[..n].to_string()), &after[n..]));
        }
    }
    Some((Some(after[..end].to_string()), &after[end..]))
}

/// The length of a Roman or Arabic number at the start, when no letter follows it.
fn roman_or_digits(after: &str) -> Option<usize> {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let roman = after.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    let n = digits.max(roman);
    (n > 0 && n <= 6 && !after[n..].starts_with(|c: char| c.is_alphabetic())).then_some(n)
}

/// The enacting formula and the act it names: `HAVE ADOPTED THIS REGULATION:`, `HAS ADOPTED
/// THIS DECISION:`, `HEBBEN DE VOLGENDE VERORDENING VASTGESTELD:`, `ONT ADOPTÉ LE PRÉSENT
/// RÈGLEMENT:`.
pub fn enacting_formula(text: &str) -> Option<ActKind> {
    let t = text.trim();
    if t.len() > 120 || !t.ends_with(':') {
        return None;
    }
    let upper = t.to_uppercase();
    let opens = [
        "HAVE ADOPTED ",
        "HAS ADOPTED ",
        "HEBBEN ",
        "HEEFT ",
        "ONT ADOPTÉ ",
        "A ADOPTÉ ",
        "HABEN ",
        "HAT ",
    ];
    if !opens.iter().any(|o| upper.starts_with(o)) {
        return None;
    }
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().find_map(|w| match *w {
        "REGULATION" | "VERORDENING" | "RÈGLEMENT" | "VERORDNUNG" => Some(ActKind::Regulation),
        "DIRECTIVE" | "RICHTLIJN" | "RICHTLINIE" => Some(ActKind::Directive),
        "DECISION" | "BESLUIT" | "DÉCISION" | "BESCHLUSS" => Some(ActKind::Decision),
        _ => None,
    })
}

/// `Whereas:` and its forms in other languages, with the name of what they open.
fn recitals_heading(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    match t.as_str() {
        "whereas" => Some("Recitals"),
        "overwegende hetgeen volgt" => Some("Overwegingen"),
        "considérant ce qui suit" => Some("Considérants"),
        "in erwägung nachstehender gründe" => Some("Erwägungsgründe"),
        _ => None,
    }
}

fn is_memorandum(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "explanatory memorandum"
            | "toelichting"
            | "memorie van toelichting"
            | "exposé des motifs"
            | "begründung"
    )
}

/// `Done at Brussels,`: the act's close.
fn is_done_at(text: &str) -> bool {
    ["Done at ", "Gedaan te ", "Fait à ", "Geschehen zu "]
        .iter()
        .any(|o| text.trim_start().starts_with(o))
        && text.len() <= 120
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_with_their_numbers_and_titles() {
        let l = label("Article 7").unwrap();
        assert_eq!(
            (l.kind, l.number.as_deref(), l.rest.as_str()),
            (DivisionKind::Article, Some("7"), "")
        );
        let l = label("Section 1Coordinating Authorities").unwrap();
        assert_eq!(
            (l.shown.as_str(), l.rest.as_str()),
            ("Section 1", "Coordinating Authorities")
        );
        let l = label("ANNEX I:").unwrap();
        assert_eq!(
            (l.kind, l.shown.as_str(), l.rest.as_str()),
            (DivisionKind::Annex, "ANNEX I", "")
        );
        let l = label("HOOFDSTUK IV").unwrap();
        assert_eq!(
            (l.kind, l.number.as_deref()),
            (DivisionKind::Chapter, Some("IV"))
        );
        assert_eq!(label("Artikel 7a").unwrap().number.as_deref(), Some("7a"));
        assert_eq!(
            label("Article 10 bis").unwrap().number.as_deref(),
            Some("10 bis")
        );
        assert_eq!(
            label("Subsection 5: Technology Committee").unwrap().rest,
            "Technology Committee"
        );
        for sentence in [
            "Article 5 of the Treaty on European Union applies.",
            "Section 1 creates the risk assessment obligations (Article 3).",
            "Chapter VI contains the final provisions of this Regulation.",
            "Artikel 16 van het Kinderrechtenverdrag",
            "Articles 7 and 8",
            "CHAPTER IIOBLIGATIONS",
            "Part of the problem",
        ] {
            assert_eq!(label(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn the_enacting_formula_names_the_act() {
        assert_eq!(
            enacting_formula("HAVE ADOPTED THIS REGULATION:"),
            Some(ActKind::Regulation)
        );
        assert_eq!(
            enacting_formula("HEBBEN DE VOLGENDE RICHTLIJN VASTGESTELD:"),
            Some(ActKind::Directive)
        );
        assert_eq!(
            enacting_formula("HAS ADOPTED THIS DECISION:"),
            Some(ActKind::Decision)
        );
        assert_eq!(
            enacting_formula("We have adopted this regulation, we think."),
            None
        );
    }
}
