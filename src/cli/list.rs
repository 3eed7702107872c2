//! `brieven list [PATHS...] [--sort date|sender|stance]`: one aligned line per letter.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::cache::index::LetterRow;
use brieven::listing::{LetterSort, SortKeys, sorted_keys};
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
    let sort = args.sort.unwrap_or_default();
    // A current on-disk index lists the letters without loading them.
    if let Some(index) = super::session::open_index(&args.paths, None)? {
        let rows: Option<Vec<LetterRow>> = (0..index.len()).map(|i| index.row(i)).collect();
        if let Some(rows) = rows.filter(|_| !index.damaged()) {
            super::session::warn(&index);
            return print(&rows, sort);
        }
    }
    let mut session = super::load(&args.paths)?;
    session.keep_index();
    let rows: Vec<LetterRow> = session.corpus.letters.iter().map(LetterRow::of).collect();
    print(&rows, sort)
}

fn print(letters: &[LetterRow], sort: LetterSort) -> Result<ExitCode> {
    let keys: Vec<SortKeys> = letters
        .iter()
        .map(|l| SortKeys {
            date: l.date,
            sender: l.sender,
            stance: l.stance,
        })
        .collect();
    let rows: Vec<[String; 6]> = sorted_keys(&keys, sort)
        .into_iter()
        .map(|i| row(&letters[i]))
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

fn row(letter: &LetterRow) -> [String; 6] {
    [
        letter.id.to_string(),
        letter
            .date
            .map_or_else(|| "-".to_string(), |d| d.to_string()),
        sanitize(letter.sender.unwrap_or(brieven::model::UNKNOWN_SENDER)).into_owned(),
        letter.sections.to_string(),
        letter.notes.to_string(),
        sanitize(letter.subject.unwrap_or("-")).into_owned(),
    ]
}
