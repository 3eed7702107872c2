//! `brieven concordance TERM [PATHS...]`: every occurrence of one entity in context (keyword
//! in context), grouped by letter, letters in date order with sender and date: how each sender
//! uses a term, side by side.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::model::Letter;
use brieven::register::{Entity, Occurrence, Place, Register, meta_text, place_text};
use brieven::search::SearchIndex;
use brieven::text::sanitize;

use super::emit;
use super::search::{RegisterArgs, place_label};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity: a label or alias, or a query whose best entity is meant.
    pub term: String,
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 40)]
    pub context: usize,
    #[command(flatten)]
    pub register: RegisterArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut session = super::load(&args.paths)?;
    let register = session.register_with(&args.register)?;
    let letters = &session.corpus.letters;
    let Some(entity) = resolve(letters, &register, &args.term) else {
        eprintln!(
            "brieven: no organisation, person, date or term matches '{}'",
            sanitize(&args.term)
        );
        return Ok(ExitCode::from(1));
    };
    emit(&render(letters, entity, args.context.clamp(5, 200)))?;
    Ok(ExitCode::SUCCESS)
}

/// The entity `term` names, or else the best entity the search finds for it.
fn resolve<'a>(letters: &[Letter], register: &'a Register, term: &str) -> Option<&'a Entity> {
    if let Some(e) = register.find(term) {
        return Some(e);
    }
    let index = SearchIndex::new(letters, register);
    index
        .search(letters, register, term, 10)
        .into_iter()
        .find_map(|h| h.entity)
        .and_then(|i| register.entities.get(i))
}

/// The header, then each letter (by date) with a line per occurrence.
fn render(letters: &[Letter], e: &Entity, context: usize) -> String {
    let mut out = format!("{} ({})", sanitize(&e.label), e.kind.as_str());
    if let Some(g) = e.gloss.as_ref().or(e.role.as_ref()) {
        out.push_str(&format!(" — {}", sanitize(g)));
    }
    out.push('\n');
    if !e.aliases.is_empty() {
        out.push_str(&format!("also: {}\n", sanitize(&e.aliases.join("; "))));
    }
    if let Some(d) = &e.definition {
        out.push_str(&format!("defined in {}\n", sanitize(&d.citation)));
    }
    let mut by_letter: BTreeMap<usize, Vec<&Occurrence>> = BTreeMap::new();
    // The definition first in its act's lines.
    for i in brieven::register::definition_first(e, |l| l) {
        let o = &e.occurrences[i];
        by_letter.entry(o.letter_index()).or_default().push(o);
    }
    let mut order: Vec<usize> = by_letter.keys().copied().collect();
    order.sort_by_key(|&l| {
        (
            letters[l].date.is_none(),
            letters[l].date,
            letters[l].id.clone(),
        )
    });
    out.push_str(&format!(
        "{} occurrences in {} letters\n",
        e.occurrences.len(),
        order.len()
    ));
    for l in order {
        let letter = &letters[l];
        let date = letter.date.map_or("-".to_string(), |d| d.to_string());
        out.push_str(&format!(
            "\n{}  {}  {}\n",
            letter.id,
            date,
            sanitize(letter.sender_or_unknown())
        ));
        let mut cached: Option<(Place, Vec<char>)> = None;
        for o in by_letter.get(&l).into_iter().flatten() {
            let text = match o.place {
                Place::Meta => meta_text(letter, e, o),
                place => place_text(letter, place),
            };
            let line = match text {
                Some(text) => {
                    // One text's characters, once for all its occurrences.
                    if cached
                        .as_ref()
                        .is_none_or(|(p, _)| *p != o.place || o.place == Place::Meta)
                    {
                        let chars = text
                            .chars()
                            .map(|c| if c.is_whitespace() { ' ' } else { c })
                            .collect();
                        cached = Some((o.place, chars));
                    }
                    let chars = cached.as_ref().map_or(&[][..], |(_, c)| c.as_slice());
                    let range = o.chars();
                    kwic(chars, range.start, range.len(), context)
                }
                None => format!("{:>context$}(the letter's own date)", ""),
            };
            out.push_str(&format!(
                "  {:<12} {}\n",
                place_label(letter, o.place),
                sanitize(&line)
            ));
        }
    }
    out
}

/// One keyword-in-context line: `context` characters on each side, the left side
/// right-aligned, the keyword in `[` `]`.
fn kwic(chars: &[char], at: usize, len: usize, context: usize) -> String {
    let at = at.min(chars.len());
    let end = (at + len).min(chars.len());
    let from = at.saturating_sub(context);
    let left: String = chars[from..at].iter().collect();
    let left = if from > 0 {
        format!("…{}", &left.chars().skip(1).collect::<String>())
    } else {
        left
    };
    let to = (end + context).min(chars.len());
    let mut right: String = chars[end..to].iter().collect();
    if to < chars.len() {
        right.pop();
        right.push('…');
    }
    let keyword: String = chars[at..end].iter().collect();
    format!("{left:>context$}[{keyword}]{right}")
}

#[cfg(test)]
mod tests {
    fn kwic(text: &str, at: usize, len: usize, context: usize) -> String {
        super::kwic(&text.chars().collect::<Vec<_>>(), at, len, context)
    }

    #[test]
    fn keyword_in_context_pads_left_and_cuts_both_sides() {
        assert_eq!(kwic("de NCMEC meldt", 3, 5, 6), "   de [NCMEC] meldt");
        assert_eq!(
            kwic("een lange zin over NCMEC en meer tekst", 19, 5, 6),
            "…over [NCMEC] en m…"
        );
        assert_eq!(kwic("", 4, 2, 3), "   []");
    }
}
