//! `brieven cards list|export|add|remove`: the cue-card stacks kept in the state directory.
//! `export` writes a stack as a one-page Markdown briefing (quotes, citations, note sources
//! with URLs); `add` pins a paragraph or note as the reader's `m` does.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Result, bail};
use brieven::briefing::{briefing, card_citation};
use brieven::citation::{Anchor, Citation, paragraph_at};
use brieven::i18n::{Lang, fill_all};
use brieven::state::{CueCard, State, StateStore};
use brieven::text::sanitize;
use clap::Subcommand;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: CardsCommand,
    /// Language: en or nl (default: the config file, then the locale).
    #[arg(long, global = true, value_parser = super::settings::parse_lang)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum CardsCommand {
    /// The stacks (the current one marked *), or the cards of one stack.
    List {
        /// A stack's name.
        stack: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a stack as a one-page Markdown briefing: quotes, citations, sources with URLs.
    Export {
        /// The stack (default: the current one).
        stack: Option<String>,
        /// Letter files or directories the cards come from; none means the embedded letters.
        paths: Vec<PathBuf>,
        /// Print JSON instead of Markdown.
        #[arg(long)]
        json: bool,
    },
    /// Pin a paragraph or a note to a stack.
    Add {
        /// A letter id, or any part of one that only one letter has.
        letter: String,
        /// Letter files or directories; none means the embedded letters.
        paths: Vec<PathBuf>,
        /// The paragraph (1 is the first; counted through the whole letter).
        #[arg(long, short, required_unless_present = "note", conflicts_with = "note")]
        paragraph: Option<usize>,
        /// The note (by its number).
        #[arg(long, short)]
        note: Option<u32>,
        /// The stack (default: the current one); made when new.
        #[arg(long)]
        stack: Option<String>,
        /// A label for the card.
        #[arg(long)]
        label: Option<String>,
    },
    /// Remove card N (1 is the first) from a stack.
    Remove {
        number: usize,
        /// The stack (default: the current one).
        #[arg(long)]
        stack: Option<String>,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lang = super::settings::lang(args.lang);
    let mut store = StateStore::open_default();
    let result = match args.command {
        CardsCommand::List { stack, json } => list(store.state(), stack, json, lang),
        CardsCommand::Export { stack, paths, json } => {
            export(store.state(), stack, &paths, json, lang)
        }
        CardsCommand::Add {
            letter,
            paths,
            paragraph,
            note,
            stack,
            label,
        } => {
            let what = Pin {
                letter,
                paragraph,
                note,
                stack,
                label,
            };
            add(&mut store, what, &paths, lang)
        }
        CardsCommand::Remove { number, stack } => {
            let name = stack.unwrap_or_else(|| store.state().current_stack_name().to_string());
            let removed = store.update(|s| s.remove_card(&name, number.wrapping_sub(1)));
            match removed {
                Some(_) if store.not_saving().is_some() => Err(not_saved(&store, "removed")),
                Some(card) => {
                    let n = number.to_string();
                    let message =
                        fill_all(lang.strings().cards_removed, &[&n, &card.letter, &name]);
                    super::emit(&format!("{}\n", sanitize(&message)))?;
                    Ok(ExitCode::SUCCESS)
                }
                None => Err(no_card(store.state(), &name, number)),
            }
        }
    };
    for warning in store.take_warnings() {
        eprintln!("brieven: warning: {}", sanitize(&warning));
    }
    result
}

/// The error for a change that could not be saved: nothing was `done` (it would be lost at
/// once, as the command ends).
fn not_saved(store: &StateStore, done: &str) -> anyhow::Error {
    let why = store.not_saving().unwrap_or_default();
    anyhow::anyhow!("nothing {done}: the change cannot be saved: {why}")
}

fn no_card(state: &State, name: &str, number: usize) -> anyhow::Error {
    match state.stack(name) {
        Some(stack) => anyhow::anyhow!(
            "no card {number} in '{name}' (it has {})",
            stack.cards.len()
        ),
        None => no_stack(state, name),
    }
}

fn no_stack(state: &State, name: &str) -> anyhow::Error {
    let names: Vec<&str> = state.stacks.iter().map(|s| s.name.as_str()).collect();
    if names.is_empty() {
        anyhow::anyhow!(
            "no stack '{name}': no cue cards yet (pin one with m in the reader or brieven cards add)"
        )
    } else {
        anyhow::anyhow!("no stack '{name}' (stacks: {})", names.join(", "))
    }
}

fn list(state: &State, stack: Option<String>, json: bool, lang: Lang) -> Result<ExitCode> {
    if json {
        let value = match &stack {
            Some(name) => {
                serde_json::to_value(state.stack(name).ok_or_else(|| no_stack(state, name))?)?
            }
            None => {
                serde_json::json!({ "current": state.current_stack_name(), "stacks": state.stacks })
            }
        };
        super::emit_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    match stack {
        None => {
            for s in &state.stacks {
                let mark = if s.name == state.current_stack_name() {
                    '*'
                } else {
                    ' '
                };
                let n = s.cards.len();
                let strings = lang.strings();
                let word = if n == 1 {
                    strings.cards_one
                } else {
                    strings.cards_many
                };
                out.push_str(&format!("{mark} {}  {n} {word}\n", s.name));
            }
        }
        Some(name) => {
            let s = state.stack(&name).ok_or_else(|| no_stack(state, &name))?;
            for (i, card) in s.cards.iter().enumerate() {
                let label = card
                    .label
                    .as_deref()
                    .map(|l| format!("[{l}] "))
                    .unwrap_or_default();
                let place = card.citation.clone().unwrap_or_else(|| card.letter.clone());
                let quote: String = card.quote.chars().take(70).collect();
                let more = if card.quote.chars().count() > 70 {
                    "…"
                } else {
                    ""
                };
                out.push_str(&format!("{}. {label}{place}\n   “{quote}{more}”\n", i + 1));
            }
        }
    }
    super::emit(&sanitize(&out))?;
    Ok(ExitCode::SUCCESS)
}

fn export(
    state: &State,
    stack: Option<String>,
    paths: &[PathBuf],
    json: bool,
    lang: Lang,
) -> Result<ExitCode> {
    let name = stack.unwrap_or_else(|| state.current_stack_name().to_string());
    let stack = state.stack(&name).ok_or_else(|| no_stack(state, &name))?;
    let mut session = super::load(paths)?;
    let register = session.register()?;
    let corpus = &session.corpus;
    if json {
        let cards: Vec<serde_json::Value> = stack
            .cards
            .iter()
            .map(|card| {
                let citation = card_citation(card, &corpus.letters, Some(&register));
                // The place as citations number it, when the letter is among those loaded
                // (else as the state file keeps it).
                let anchor = match corpus.letters.iter().find(|l| l.id == card.letter) {
                    Some(letter) => serde_json::to_value(brieven::citation::Location::of_anchor(
                        letter,
                        card.anchor,
                    ))
                    .unwrap_or_default(),
                    None => serde_json::to_value(card.anchor).unwrap_or_default(),
                };
                serde_json::json!({
                    "letter": card.letter,
                    "anchor": anchor,
                    "label": card.label,
                    "quote": card.quote,
                    "citation": citation.as_ref().map(|c| c.render(lang)),
                    "reference": citation.as_ref().map(|c| c.reference(lang)).or(card.citation.clone()),
                    "notes": citation.as_ref().map(|c| c.notes.clone()).unwrap_or_default(),
                })
            })
            .collect();
        let value = serde_json::json!({ "stack": stack.name, "cards": cards });
        super::emit_json(&value)?;
    } else {
        super::emit(&briefing(stack, &corpus.letters, Some(&register), lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What `cards add` pins.
struct Pin {
    letter: String,
    paragraph: Option<usize>,
    note: Option<u32>,
    stack: Option<String>,
    label: Option<String>,
}

fn add(store: &mut StateStore, pin: Pin, paths: &[PathBuf], lang: Lang) -> Result<ExitCode> {
    let session = super::load(paths)?;
    let corpus = &session.corpus;
    let letter = corpus.find(&pin.letter)?;
    let anchor = match (pin.paragraph, pin.note) {
        (Some(n), _) => match paragraph_at(letter, n) {
            Some((section, paragraph)) => Anchor::Paragraph { section, paragraph },
            None => bail!(
                "{}: no paragraph {n} (the letter has {})",
                letter.id,
                letter.paragraphs().count()
            ),
        },
        (None, Some(n)) => Anchor::Note { number: n },
        (None, None) => bail!("say which paragraph (--paragraph N) or note (--note N) to pin"),
    };
    let Some(citation) = Citation::of(letter, anchor) else {
        bail!("{}: no note {}", letter.id, pin.note.unwrap_or(0));
    };
    let card = CueCard {
        id: 0,
        letter: letter.id.clone(),
        anchor,
        label: pin.label.filter(|l| !l.trim().is_empty()),
        quote: citation.quote.clone().unwrap_or_default(),
        citation: Some(citation.reference(lang)),
        pinned_at: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let stack = pin.stack;
    let (name, count) = store.update(|s| {
        let name = stack.unwrap_or_else(|| s.current_stack_name().to_string());
        let index = s.pin(&name, card);
        (name, index + 1)
    });
    if store.not_saving().is_some() {
        return Err(not_saved(store, "pinned"));
    }
    let (location, count) = (citation.location(lang), count.to_string());
    let message = fill_all(
        lang.strings().cards_pinned,
        &[&letter.id, &location, &name, &count],
    );
    super::emit(&format!("{}\n", sanitize(&message)))?;
    Ok(ExitCode::SUCCESS)
}
