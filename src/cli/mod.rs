//! The headless subcommands, one file each, and the shared bits they need: loading the corpus
//! from the command line's paths and the terminal width for wrapped output.

pub mod articles;
pub mod cache;
pub mod cards;
pub mod completions;
pub mod concordance;
pub mod entities;
pub mod export;
pub mod list;
pub mod positions;
pub mod quote;
pub mod search;
pub mod session;
pub mod settings;
pub mod show;
pub mod timeline;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::corpus::Corpus;

/// Opens the corpus of `paths` (none: the embedded letters) for a subcommand; see
/// [`session::Session`].
pub fn load(paths: &[PathBuf]) -> Result<session::Session> {
    session::Session::open(paths)
}

/// The width to wrap text output to: the terminal's, `$COLUMNS`, or 80.
pub fn output_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && cols > 0
    {
        return cols as usize;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c > 0)
        .unwrap_or(80)
}

/// `brieven [PATHS...]` with no subcommand: the reader, which needs a terminal.
pub fn reader(paths: Vec<PathBuf>, mut options: crate::tui::Options) -> Result<ExitCode> {
    let refused = if std::io::stdout().is_terminal() {
        crate::tui::check_terminal().err()
    } else {
        Some("the reader needs a terminal on stdout".to_string())
    };
    if let Some(why) = refused {
        use clap::CommandFactory;
        let commands: Vec<String> = crate::Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .filter(|name| name != "help")
            .collect();
        eprintln!(
            "brieven: {why}; for text output use one of: {} (see brieven --help)",
            commands.join(", ")
        );
        return Ok(ExitCode::from(2));
    }
    // Paths and register files are checked before the screen opens; the letters load behind
    // a progress screen.
    let (files, texts) = session::register_texts(&search::RegisterArgs::default(), &paths)?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    brieven::register::Register::check_files(&refs)
        .map_err(|e| search::RegisterArgs::name_files(e, &files))?;
    options.register_files = texts;
    let letters = if paths.is_empty() {
        crate::tui::Letters::Ready(Corpus::embedded())
    } else if session::embedded_added() {
        let files = Corpus::letter_files(&paths)?;
        options.cache = None;
        options.with_embedded = true;
        crate::tui::Letters::Files { paths, files }
    } else {
        let files = Corpus::letter_files(&paths)?;
        crate::tui::Letters::Files { paths, files }
    };
    crate::tui::run(letters, options)
}

/// Writes `text` to stdout, sanitized (whatever it was made from: a letter, a file name, a
/// sidecar, the cache, no control sequence reaches the terminal); a closed pipe
/// (`brieven ... | head`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    emit_bytes(brieven::text::sanitize(text).as_bytes())
}

/// [`emit`] for bytes.
pub fn emit_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Writes `value` as pretty JSON to stdout (unsafe characters escaped, see
/// [`brieven::export::write_json`]), streamed (no copy of the whole document in
/// memory); a reader that went away is no error.
pub fn emit_json<T: serde::Serialize>(value: &T) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = brieven::export::write_json(&mut out, value, true)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
