//! A cue-card stack as a one-page Markdown briefing: per card its label, the quote, the
//! citation and the sources of the notes it cites with their URLs. `brieven cards export`
//! prints it; the reader can write the same.

use std::fmt::Write as _;

use crate::citation::{Anchor, Citation};
use crate::i18n::Lang;
use crate::model::Letter;
use crate::register::Register;
use crate::state::{CueCard, Stack};
use crate::text::sanitize;

/// The citation of a card, taken afresh from its letter when that is loaded (with the
/// register naming note sources when given); `None` when the letter or the place is gone.
pub fn card_citation(
    card: &CueCard,
    letters: &[Letter],
    register: Option<&Register>,
) -> Option<Citation> {
    let index = letters.iter().position(|l| l.id == card.letter)?;
    let citation = Citation::of(&letters[index], card.anchor)?;
    Some(match register {
        Some(register) => citation.name_sources(register, index),
        None => citation,
    })
}

/// The stack as Markdown, safe to print.
pub fn briefing(
    stack: &Stack,
    letters: &[Letter],
    register: Option<&Register>,
    lang: Lang,
) -> String {
    let s = lang.strings();
    let mut out = format!("# {}: {}\n", s.title_cards, stack.name);
    if stack.cards.is_empty() {
        let _ = write!(out, "\n{}\n", s.msg_stack_empty);
    }
    for (i, card) in stack.cards.iter().enumerate() {
        let citation = card_citation(card, letters, register);
        let reference = match &citation {
            Some(c) => c.reference(lang),
            None => card
                .citation
                .clone()
                .unwrap_or_else(|| format!("{} {}", s.letter, card.letter)),
        };
        let title = card.label.clone().unwrap_or_else(|| match &citation {
            Some(c) => {
                let sender = c.sender.as_deref().unwrap_or(s.unknown_sender);
                match c.date {
                    Some(d) => format!("{sender}, {}", lang.date_long(d)),
                    None => sender.to_string(),
                }
            }
            None => card.letter.clone(),
        });
        let _ = write!(out, "\n## {}. {}\n\n", i + 1, one_line(&title));
        for line in card.quote.trim().lines() {
            let _ = writeln!(out, "> {line}");
        }
        let _ = write!(out, "\n— {}\n", one_line(&reference));
        let notes = citation.as_ref().map(|c| c.notes.as_slice()).unwrap_or(&[]);
        let listed: Vec<String> = notes
            .iter()
            .filter(|n| !n.source.is_empty() || !n.urls.is_empty())
            .map(|n| {
                let mut what: Vec<String> = Vec::new();
                if !n.source.is_empty() {
                    what.push(one_line(&n.source));
                }
                what.extend(n.urls.iter().map(|u| format!("<{u}>")));
                match card.anchor {
                    Anchor::Note { .. } => format!("- {}", what.join(" — ")),
                    _ => format!("- {} {}: {}", s.note, n.number, what.join(" — ")),
                }
            })
            .collect();
        if !listed.is_empty() {
            let _ = write!(out, "\n{}:\n\n{}\n", s.briefing_sources, listed.join("\n"));
        }
    }
    sanitize(&out).into_owned()
}

/// Text on one line, for headings and list items.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn card(letter: &Letter, anchor: Anchor, label: Option<&str>) -> CueCard {
        let citation = Citation::of(letter, anchor).unwrap();
        CueCard {
            id: 0,
            letter: letter.id.clone(),
            anchor,
            label: label.map(str::to_string),
            quote: citation.quote.clone().unwrap_or_default(),
            citation: Some(citation.reference(Lang::En)),
            pinned_at: 0,
        }
    }

    #[test]
    fn a_stack_becomes_a_briefing_with_quotes_citations_and_sources() {
        let corpus = Corpus::embedded();
        let register = Register::build(&corpus.letters);
        let letter = corpus
            .letters
            .iter()
            .find(|l| l.sender.as_deref() == Some("Offlimits") && l.footnotes.len() == 2)
            .unwrap();
        let (s, p, _) = letter
            .paragraphs()
            .find(|(_, _, p)| p.notes.iter().any(|n| n.number == 1))
            .unwrap();
        let stack = Stack {
            name: "JBZ-raad".into(),
            cards: vec![
                card(
                    letter,
                    Anchor::Paragraph {
                        section: s,
                        paragraph: p,
                    },
                    Some("privacy"),
                ),
                card(letter, Anchor::Note { number: 1 }, None),
            ],
        };
        let md = briefing(&stack, &corpus.letters, Some(&register), Lang::En);
        assert!(
            md.starts_with("# Cue cards: JBZ-raad\n\n## 1. privacy\n\n> "),
            "{md}"
        );
        assert!(
            md.contains(
                "\n— Offlimits (Robbert Hoving), letter to the Minister van Justitie en Veiligheid"
            ),
            "{md}"
        );
        assert!(
            md.contains("\nSources:\n\n- note 1: Bits of Freedom — <https://www.bitsoffreedom.nl/"),
            "{md}"
        );
        assert!(md.contains("## 2. Offlimits, 18 September 2024\n"), "{md}");
        assert!(
            md.contains(", note 1\n\nSources:\n\n- <https://www.bitsoffreedom.nl/"),
            "{md}"
        );

        let nl = briefing(&stack, &corpus.letters, Some(&register), Lang::Nl);
        assert!(nl.starts_with("# Spiekbriefjes: JBZ-raad\n"), "{nl}");
        assert!(
            nl.contains("\nBronnen:\n\n- noot 1: Bits of Freedom"),
            "{nl}"
        );
    }

    #[test]
    fn a_card_whose_letter_is_not_loaded_keeps_its_stored_citation() {
        let corpus = Corpus::embedded();
        let letter = &corpus.letters[0];
        let stack = Stack {
            name: "x".into(),
            cards: vec![card(
                letter,
                Anchor::Paragraph {
                    section: 0,
                    paragraph: 0,
                },
                None,
            )],
        };
        let md = briefing(&stack, &[], None, Lang::En);
        let stored = stack.cards[0].citation.as_deref().unwrap();
        assert!(md.contains(&format!("\n— {stored}\n")), "{md}");
        assert!(md.contains(&format!("## 1. {}\n", letter.id)), "{md}");
        assert!(
            briefing(
                &Stack {
                    name: "leeg".into(),
                    cards: vec![]
                },
                &[],
                None,
                Lang::En
            )
            .contains("No cards yet")
        );
    }
}
