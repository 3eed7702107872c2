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

mod labels;

use labels::{Label, Title, label, title_of};

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
    // The act's title in capitals, a paragraph or (in the Official Journal's pages) a heading.
    let title = items[..whereas.unwrap_or(formula)]
        .iter()
        .rposition(|it| super::eu::is_act(it.text()));
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
                // The lines of the title under it (`of 26 June 2013`, `on prudential
                // requirements ...`, `(Text with EEA relevance)`) are the preamble's text,
                // whatever style they are set in.
                if let Item::Heading { stated, .. } = &items[i]
                    && !(zone == Zone::Preamble && continues_title(&text))
                {
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
                    let title = title_of(&l, &items, i);
                    let level = if l.kind == DivisionKind::Article {
                        containers.len()
                    } else {
                        nest(&mut ranks, &mut containers, l.kind)
                    };
                    out.open_label(&items[i], &l, title.text(), level);
                    i += 1 + take_title(&title, &mut items, i);
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
                let title = title_of(&l, &items, i);
                out.open_label(&items[i], &l, title.text(), 0);
                i += 1 + take_title(&title, &mut items, i);
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

/// Whether a line under an act's title goes on with it: `of 26 June 2013`, `laying down rules
/// ...`, `on prudential requirements ...` (lower case first), or the EEA note.
fn continues_title(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        || super::eu::is_cover_furniture(text)
}

/// The act's title in full, as its preamble opens: the title in capitals and the lines that go
/// on with it (`REGULATION (EU) No 575/2013 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 26
/// June 2013 on prudential requirements ...`), the subject of an act whose cover gives none.
pub fn title(sections: &[Section], act: &Act) -> Option<String> {
    let k = (act.divisions.iter()).position(|d| d.kind == DivisionKind::Preamble)?;
    let section = sections.get(k)?;
    let mut out = section.heading.clone()?;
    let lines = (section.paragraphs.iter())
        .map(|p| p.text.as_str())
        .skip_while(|t| super::eu::is_proposal_opener(t))
        .take_while(|t| continues_title(t) && !super::eu::is_cover_furniture(t));
    for line in lines {
        out.push(' ');
        out.push_str(line.trim());
    }
    Some(out)
}

/// Takes from the items after label `i` what its title used of them; gives how many items
/// that leaves nothing of (to skip). A title leading a paragraph is cut from it, its note
/// markers moved with the text.
fn take_title(title: &Title, items: &mut [Item], i: usize) -> usize {
    match title {
        Title::Next(_) => 1,
        Title::Lead(_, taken) => {
            if let Some(Item::Para(p)) = items.get_mut(i + 1) {
                let byte = (p.text.char_indices().nth(*taken)).map_or(p.text.len(), |(b, _)| b);
                p.text.drain(..byte);
                for n in &mut p.notes {
                    n.at = n.at.saturating_sub(*taken);
                }
            }
            0
        }
        Title::None | Title::SameLine(_) => 0,
    }
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
