//! `brieven timeline [PATHS...] [--newest-first] [--years] [--json]`: the letters and the dated
//! events they mention on one time axis, each event with the letters and paragraphs that
//! mention it.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::citation::paragraph_number;
use brieven::i18n::Lang;
use brieven::model::Letter;
use brieven::text::sanitize;
use brieven::timeline::{Timeline, TimelineItem};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Newest first (default: oldest first).
    #[arg(long, short = 'r')]
    pub newest_first: bool,
    /// Also list dates known only by their year (`sinds 1995`).
    #[arg(long)]
    pub years: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Language of the labels: en or nl (default: the config file, then the locale).
    #[arg(long, value_parser = super::settings::parse_lang)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lang = super::settings::lang(args.lang);
    let session = super::load(&args.paths)?;
    let corpus = &session.corpus;
    let mut timeline = Timeline::build(&corpus.letters, args.years);
    if args.newest_first {
        timeline.reverse();
    }
    if args.json {
        super::emit_json(&timeline)?;
    } else {
        super::emit(&render(&timeline, &corpus.letters, lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per letter and event, then a line per mention: letter id, `¶ n`, the words around
/// the date.
pub fn render(timeline: &Timeline, letters: &[Letter], lang: Lang) -> String {
    let s = lang.strings();
    let mut out = String::new();
    for entry in &timeline.entries {
        let date = entry.date.to_string();
        match &entry.item {
            TimelineItem::Letter {
                id,
                sender,
                subject,
                ..
            } => {
                let sender = sender.as_deref().unwrap_or(s.unknown_sender);
                let _ = write!(
                    out,
                    "{date:<10}  {} {id}: {sender}",
                    s.event_letter.to_uppercase()
                );
                if let Some(subject) = subject {
                    let _ = write!(out, " — {subject}");
                }
                out.push('\n');
            }
            TimelineItem::Event(event) => {
                let kind = event.kind.map_or("", |k| k.name(lang));
                let _ = writeln!(out, "{}", format!("{date:<10}  {kind}").trim_end());
                for m in &event.mentions {
                    let letter = &letters[m.letter];
                    let place = match m.in_subject {
                        true => s.label_subject.to_lowercase(),
                        false => format!("¶ {}", paragraph_number(letter, m.section, m.paragraph)),
                    };
                    // Who wrote it and when, then the letter's id to open it by.
                    let sender = letter.sender.as_deref().unwrap_or(s.unknown_sender);
                    let written = letter.date.map_or(s.undated.to_string(), |d| d.to_string());
                    let _ = writeln!(
                        out,
                        "            {sender}, {written} ({}) {place}: {}",
                        m.letter_id, m.context
                    );
                }
            }
        }
    }
    sanitize(&out).into_owned()
}
