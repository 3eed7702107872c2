//! `brieven positions [PATHS...] [--sort date|sender] [--json]`: who stands where, one row per
//! letter: date, sender, addressee, stance, the terms it uses most, and its summary (the
//! stance and summary given in the reader, kept in the state file, win over the letter's).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use brieven::i18n::Lang;
use brieven::positions::{Position, PositionSort, TOP_TERMS, annotate, positions, sort_positions};
use brieven::state::{StateStore, default_state_path};
use brieven::text::sanitize;
use brieven::wrap::wrap;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Order of the rows: date or sender.
    #[arg(long, default_value = "date", value_parser = parse_sort)]
    pub sort: PositionSort,
    /// Turn the order around (newest first).
    #[arg(long, short)]
    pub reverse: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Language of the labels: en or nl (default: the config file, then the locale).
    #[arg(long, value_parser = super::settings::parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_sort(s: &str) -> Result<PositionSort, String> {
    s.parse()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lang = super::settings::lang(args.lang);
    let mut session = super::load(&args.paths)?;
    let register = session.register()?;
    let corpus = &session.corpus;
    let mut rows = positions(&corpus.letters, &register, TOP_TERMS);
    // The stances and summaries given in the reader win (read only: nothing is written).
    let mut store = StateStore::open(default_state_path());
    for warning in store.take_warnings() {
        eprintln!("brieven: warning: {}", sanitize(&warning));
    }
    annotate(&mut rows, &corpus.letters, store.state());
    sort_positions(&mut rows, args.sort, args.reverse);
    if args.json {
        super::emit_json(&serde_json::json!({ "positions": rows }))?;
    } else {
        super::emit(&render(&rows, lang, super::output_width()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The rows as an aligned table (date, sender, addressee, stance), each followed by its terms
/// and its summary, wrapped and indented.
pub fn render(rows: &[Position], lang: Lang, width: usize) -> String {
    let s = lang.strings();
    let width = width.clamp(60, 200);
    let addressee = |p: &Position| match p.recipients.as_slice() {
        [] => "-".to_string(),
        [one] => one.clone(),
        [first, ..] => format!("{first} {}", s.and_others),
    };
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|p| {
            [
                p.date.map_or("-".into(), |d| d.to_string()),
                p.sender.clone().unwrap_or_else(|| s.unknown_sender.into()),
                addressee(p),
                p.stance.map_or("-".into(), |st| lang.stance(st).into()),
            ]
        })
        .collect();
    let header = [s.col_date, s.col_sender, s.col_to, s.col_stance];
    let widest = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].width())
            .chain([header[i].width()])
            .max()
            .unwrap_or(0)
    };
    let (date_w, stance_w) = (widest(0), widest(3));
    let room = width.saturating_sub(date_w + stance_w + 6);
    let sender_w = widest(1).min(room / 2);
    let to_w = widest(2).min(room - sender_w);
    let widths = [date_w, sender_w, to_w, stance_w];
    let line = |out: &mut String, cols: [&str; 4]| {
        let mut l = String::new();
        for (col, &w) in cols.iter().zip(&widths) {
            let cell = fit(col, w);
            let pad = w.saturating_sub(cell.width());
            l.push_str(&cell);
            l.push_str(&" ".repeat(pad + 2));
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    let mut out = String::new();
    line(&mut out, header);
    let indent = date_w + 2;
    let inner = width.saturating_sub(indent).max(20);
    let wrapped = |out: &mut String, text: &str| {
        for r in wrap(text, inner) {
            out.push_str(&" ".repeat(indent));
            out.push_str(text[r].trim_end());
            out.push('\n');
        }
    };
    for (row, p) in cells.iter().zip(rows) {
        line(&mut out, [&row[0], &row[1], &row[2], &row[3]]);
        if !p.terms.is_empty() {
            let terms: Vec<String> = p
                .terms
                .iter()
                .map(|t| format!("{} ({})", t.term, t.count))
                .collect();
            let label = s.col_terms.to_lowercase();
            wrapped(&mut out, &format!("{label}: {}", terms.join(", ")));
        }
        if let Some(summary) = &p.summary {
            wrapped(&mut out, summary);
        }
    }
    sanitize(&out).into_owned()
}

/// `text` cut to `width` columns with `…` when longer.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
