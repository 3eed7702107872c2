//! `brieven quote LETTER [--paragraph N | --section N | --note N] [--json]`: a paragraph,
//! section or note with its citation (sender, addressee, date, place, note sources), the same
//! text the reader's `y` copies.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use brieven::citation::{Anchor, Citation, Location, paragraph_at};
use brieven::i18n::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A letter id, or any part of one that only one letter has.
    pub letter: String,
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Quote this paragraph (1 is the first; counted through the whole letter).
    #[arg(long, short, conflicts_with_all = ["section", "note"])]
    pub paragraph: Option<usize>,
    /// Quote this section (1 is the first).
    #[arg(long, short, conflicts_with = "note")]
    pub section: Option<usize>,
    /// Quote this note (by its number).
    #[arg(long, short)]
    pub note: Option<u32>,
    /// Print JSON: the citation text and its parts.
    #[arg(long)]
    pub json: bool,
    /// Language of the citation: en or nl (default: the config file, then the locale).
    #[arg(long, value_parser = super::settings::parse_lang)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lang = super::settings::lang(args.lang);
    let mut session = super::load(&args.paths)?;
    let corpus = &session.corpus;
    let letter = corpus.find(&args.letter)?;
    let index = corpus
        .letters
        .iter()
        .position(|l| l.id == letter.id)
        .unwrap_or_default();
    let anchor = match (args.paragraph, args.section, args.note) {
        (Some(n), _, _) => match paragraph_at(letter, n) {
            Some((section, paragraph)) => Anchor::Paragraph { section, paragraph },
            None => bail!(
                "{}: no paragraph {n} (the letter has {})",
                letter.id,
                letter.paragraphs().count()
            ),
        },
        (_, Some(n), _) if n == 0 || n > letter.sections.len() => bail!(
            "{}: no section {n} (the letter has {})",
            letter.id,
            letter.sections.len()
        ),
        (_, Some(n), _) => Anchor::Section { section: n - 1 },
        (_, _, Some(n)) => Anchor::Note { number: n },
        _ => Anchor::Letter,
    };
    let location = Location::of_anchor(letter, anchor);
    let Some(citation) = Citation::of(letter, anchor) else {
        let numbers: Vec<String> = letter
            .footnotes
            .iter()
            .map(|n| n.number.to_string())
            .collect();
        bail!(
            "{}: no note {} (its notes: {})",
            letter.id,
            args.note.unwrap_or(0),
            numbers.join(", ")
        );
    };
    let register = session.register()?;
    let citation = citation.name_sources(&register, index);
    let text = citation.render(lang);
    if args.json {
        let mut value = serde_json::to_value(&citation)?;
        // Numbered as the citation numbers it: § and ¶ from 1, the paragraph through the letter.
        value["anchor"] = serde_json::to_value(location)?;
        if let Some(map) = value.as_object_mut() {
            map.remove("paragraph_number");
        }
        value["text"] = text.into();
        value["location"] = citation.location(lang).into();
        value["reference"] = citation.reference(lang).into();
        value["lang"] = lang.as_str().into();
        super::emit_json(&value)?;
    } else {
        super::emit(&format!("{text}\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}
