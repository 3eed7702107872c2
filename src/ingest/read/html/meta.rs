//! The hints a page gives: subject and date from its head (`og:title`, the `<title>`, Dublin
//! Core and `article:published_time`), the page's own shown title where the head describes
//! something it hides, and the labelled terms (`Nummer:`, `Publicatiedatum:`) before the text.

use super::super::office::Para;
use super::content::Page;
use super::tree::{Key, NONE};
use crate::model::Date;

/// What a page's head states as labelled terms before its text (a definition list of a
/// Kamerstuk's page: `Nummer: 33308-13`, `Publicatiedatum: 10 februari 2015`, `Indiener:
/// Lilian Helder, Kamerlid PVV`), where nothing else gave it: date, reference and sender.
pub(super) fn labelled_head(body: &[Para], hints: &mut crate::ingest::document::Hints) {
    use crate::ingest::patterns::{self, Label};
    // The head ends where the running text begins: a paragraph of two sentences or more.
    for para in body.iter().take(200) {
        let text = para.plain();
        let text = text.trim();
        if text.matches(". ").count() >= 2 {
            break;
        }
        let Some((label, value)) = patterns::label(text) else {
            continue;
        };
        if value.is_empty() || value.chars().count() > 120 {
            continue;
        }
        match label {
            Label::Date if hints.date.is_none() => {
                hints.date = crate::dates::parse_full_date(value)
            }
            Label::Reference if hints.reference.is_none() => {
                hints.reference = Some(value.to_string())
            }
            Label::From if hints.sender.is_none() => hints.sender = Some(value.to_string()),
            _ => {}
        }
    }
}

impl<'t> Page<'t> {
    /// Whether the page holds `text` (white space aside) in an element it hides: a title the
    /// page keeps out of view (a dossier's title over a motion's own) is not what it shows.
    fn hides(&self, text: &str) -> bool {
        let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        (1..self.tree.nodes.len() as u32).any(|n| {
            self.tree.name(n).is_some_and(|name| name != "title")
                && self.hidden(n)
                && self
                    .short_text(n, text.len() * 2 + 64)
                    .is_some_and(|hidden| normal(&hidden) == text)
        })
    }

    /// The first element the page shows whose class names it a title (`use-as-title`,
    /// `document-title`), with its text: a page's own title where its head names another.
    fn shown_title(&self) -> Option<String> {
        let t = self.tree;
        (1..t.nodes.len() as u32)
            .filter(|&n| {
                t.attr(n, Key::Class).is_some_and(|class| {
                    class
                        .split_whitespace()
                        .any(|c| c == "title" || c.ends_with("-title") || c.ends_with("_title"))
                }) && !self.hidden(n)
            })
            .find_map(|n| {
                let text = self.short_text(n, 400)?;
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (!text.is_empty()).then_some(text)
            })
    }

    /// Subject and date from the page's head.
    pub(super) fn hints(&self) -> crate::ingest::document::Hints {
        let t = self.tree;
        let mut subject: [Option<String>; 3] = [None, None, None];
        let mut head_hidden = false;
        let mut date: Option<Date> = None;
        let mut date_rank = usize::MAX;
        const DATE_KEYS: [&str; 8] = [
            "dc.date",
            "dcterms.date",
            "dc.date.issued",
            "dcterms.issued",
            "dcterms.created",
            "dc.date.created",
            "article:published_time",
            "date",
        ];
        for i in 1..t.nodes.len() as u32 {
            match t.name(i) {
                Some("meta") => {
                    let Some(key) = t.attr(i, Key::Name).or_else(|| t.attr(i, Key::Property))
                    else {
                        continue;
                    };
                    let key = key.trim().to_ascii_lowercase();
                    let Some(value) = t.attr(i, Key::Content).map(str::trim) else {
                        continue;
                    };
                    if value.is_empty() {
                        continue;
                    }
                    match key.as_str() {
                        "og:title" if subject[0].is_none() => subject[0] = Some(value.to_string()),
                        "dc.title" | "dcterms.title" if subject[2].is_none() => {
                            subject[2] = Some(value.to_string())
                        }
                        _ => {}
                    }
                    if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key)
                        && rank < date_rank
                        && let Some(d) = iso_date(value)
                    {
                        date = Some(d);
                        date_rank = rank;
                    }
                }
                Some("title") if subject[1].is_none() => {
                    // The title of the page, not of an SVG drawing in it.
                    let mut up = t.parent(i);
                    let mut in_svg = false;
                    while up != NONE {
                        in_svg |= t.is(up, "svg");
                        up = t.parent(up);
                    }
                    if !in_svg && let Some(s) = self.short_text(i, 2000) {
                        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                        let s = s.split(" | ").next().unwrap_or("").trim().to_string();
                        // A file's name (`L_2013176EN.01000101.xml`) names no subject.
                        let file_name = super::names_a_file(&s);
                        if self.hides(&s) {
                            // The head describes what the page keeps out of view (the
                            // dossier a motion belongs to), not the page: its titles are no
                            // subject, and the page's own text tells it.
                            head_hidden = true;
                        } else if !s.is_empty() && !file_name {
                            subject[1] = Some(s);
                        }
                    }
                }
                _ => {}
            }
        }
        let subject = if head_hidden {
            self.shown_title()
        } else {
            subject.into_iter().flatten().next()
        };
        crate::ingest::document::Hints {
            subject,
            date,
            ..Default::default()
        }
    }
}

/// A date at the start of a value: `2024-10-14`, `2024-10-14T09:00:00+02:00`.
fn iso_date(value: &str) -> Option<Date> {
    let head = value.split(['T', ' ']).next()?;
    Date::parse_iso(head)
}
