//! `brieven export [PATHS...]`: every letter as JSON on stdout; with `--lines` or `--jsonl`,
//! one line per paragraph and per note instead (see `records`).

mod records;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// One line per paragraph and per note: the text only (for fzf --filter, grep).
    #[arg(long, conflicts_with = "jsonl")]
    pub lines: bool,
    /// One JSON record per paragraph and per note, with its letter's metadata and entity ids.
    #[arg(long)]
    pub jsonl: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut session = super::load(&args.paths)?;
    if args.lines || args.jsonl {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let written = if args.lines {
            records::write_lines(&session.corpus.letters, &mut out)
        } else {
            let register = session.register()?;
            records::write_jsonl(&session.corpus.letters, &register, &mut out)
        };
        match written.and_then(|()| out.flush()) {
            // A reader that stops early (`| head`) is not an error.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
            _ => return Ok(ExitCode::SUCCESS),
        }
    }
    super::emit_json(&brieven::export::LettersExport {
        letters: &session.corpus.letters,
    })?;
    Ok(ExitCode::SUCCESS)
}
