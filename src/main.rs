//! The `brieven` binary: a thin CLI and TUI shell over the library. Parses arguments with clap,
//! loads the corpus, and dispatches; errors print one line and exit with status 2.

mod cli;
mod tui;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A terminal reader for the letters of the Dutch debate on the EU CSAM regulation.
///
/// With no subcommand, opens the reader on PATHS (letter files, or directories of them: text,
/// Markdown, PDF, DOCX, ODT and HTML), or on the embedded letters when none are given.
#[derive(Debug, Parser)]
#[command(name = "brieven", version)]
pub struct Cli {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Interface language of the reader: en or nl (default: the config file, then the locale).
    #[arg(long, value_parser = cli::settings::parse_lang)]
    pub lang: Option<brieven::i18n::Lang>,
    /// Run without reading or writing the state directory (cue cards, positions, jumps).
    #[arg(long)]
    pub no_state: bool,
    /// Neither read nor write the cache of parsed letters (see `brieven cache`).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Also the embedded letters (the dossier's), before the ones PATHS name; the files are
    /// then read without the cache.
    #[arg(long, global = true)]
    pub with_embedded: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the letters as JSON.
    Export(cli::export::Args),
    /// One aligned line per letter: date, sender, subject, counts.
    List(cli::list::Args),
    /// Print one letter as clean, wrapped text.
    Show(cli::show::Args),
    /// Find organisations, people, dates, terms and passages (exit 1: nothing matched).
    Search(cli::search::Args),
    /// The register: every organisation, person, date and term, with counts per letter.
    Entities(cli::entities::Args),
    /// Every occurrence of one entity in context, grouped by letter in date order.
    Concordance(cli::concordance::Args),
    /// A paragraph, section or note with its citation (what the reader's y copies).
    Quote(cli::quote::Args),
    /// Who stands where: per letter the date, sender, addressee, stance, summary and terms.
    Positions(cli::positions::Args),
    /// The letters and the dated events they mention on one time axis.
    Timeline(cli::timeline::Args),
    /// Cue-card stacks: list, export as a Markdown briefing, add, remove.
    Cards(cli::cards::Args),
    /// The cache of parsed letters: where it is, how big; `clear` empties it.
    Cache(cli::cache::Args),
    /// Print shell completions (bash, elvish, fish, powershell, zsh).
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff), or write all pages into a directory.
    Man(cli::completions::ManArgs),
}

fn main() -> ExitCode {
    // Before any thread: large blocks mapped and given back (see `alloc`).
    brieven::alloc::map_large_blocks();
    brieven::ingest::read::quiet_guarded_panics();
    let cli = Cli::parse();
    if cli.no_cache {
        cli::session::disable_cache();
    }
    if cli.with_embedded {
        cli::session::add_embedded();
    }
    let result = match cli.command {
        Some(Command::Export(args)) => cli::export::run(args),
        Some(Command::List(args)) => cli::list::run(args),
        Some(Command::Show(args)) => cli::show::run(args),
        Some(Command::Search(args)) => cli::search::run(args),
        Some(Command::Entities(args)) => cli::entities::run(args),
        Some(Command::Concordance(args)) => cli::concordance::run(args),
        Some(Command::Quote(args)) => cli::quote::run(args),
        Some(Command::Positions(args)) => cli::positions::run(args),
        Some(Command::Timeline(args)) => cli::timeline::run(args),
        Some(Command::Cards(args)) => cli::cards::run(args),
        Some(Command::Cache(args)) => cli::cache::run(args),
        Some(Command::Completions(args)) => cli::completions::completions(args),
        Some(Command::Man(args)) => cli::completions::man(args),
        None => cli::reader(
            cli.paths,
            tui::Options {
                lang: cli.lang,
                no_state: cli.no_state,
                cache: cli::session::cache(),
                ..tui::Options::default()
            },
        ),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let message = format!("{e:#}");
            // Not `eprintln!`, which panics where standard error is gone (a hung-up terminal).
            let _ = writeln!(
                std::io::stderr().lock(),
                "brieven: {}",
                brieven::text::sanitize(&message)
            );
            ExitCode::from(2)
        }
    }
}
