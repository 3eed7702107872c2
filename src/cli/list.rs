//! `brieven list [PATHS...]`: one aligned line per letter.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::model::Letter;
use brieven::text::sanitize;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let session = super::load(&args.paths)?;
    let corpus = &session.corpus;
    let rows: Vec<[String; 6]> = corpus.letters.iter().map(row).collect();
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
