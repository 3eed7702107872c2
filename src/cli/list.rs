//! `brieven list [PATHS...] [--sort date|sender|stance]`: one aligned line per letter.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::listing::{LetterSort, sorted};
use brieven::model::Letter;
use brieven::text::sanitize;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Order of the lines: date (oldest first, undated last), sender or stance (supports,
    /// mixed, neutral, opposes, none); ties keep the loaded order. Default: as loaded (files
    /// by name).
    #[arg(long, value_parser = parse_sort)]
    pub sort: Option<LetterSort>,
}

fn parse_sort(s: &str) -> Result<LetterSort, String> {
    s.parse()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let session = super::load(&args.paths)?;
    let corpus = &session.corpus;
    let rows: Vec<[String; 6]> = sorted(&corpus.letters, args.sort.unwrap_or_default())
        .into_iter()
        .map(|i| row(&corpus.letters[i]))
        .collect();
    let header = ["ID", "DATE", "SENDER", "SECTIONS", "NOTES", "SUBJECT"].map(String::from);
    let mut widths = [0usize; 6];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for r in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i == r.len() - 1 {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn row(letter: &Letter) -> [String; 6] {
    [
        letter.id.clone(),
        letter
            .date
            .map_or_else(|| "-".to_string(), |d| d.to_string()),
        sanitize(letter.sender_or_unknown()).into_owned(),
        letter.sections.len().to_string(),
        letter.footnotes.len().to_string(),
        sanitize(letter.subject.as_deref().unwrap_or("-")).into_owned(),
    ]
}
