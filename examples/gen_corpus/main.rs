//! A deterministic generator of realistic letters for benchmarks (issue 6): all three layouts
//! of the seed letters, varied senders, addressees, dates (2022–2026), regulatory terms,
//! lengths, page breaks, notes and furniture. Nothing it writes is committed.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --letters 1000 --seed 1 --out target/corpus-1k
//! cargo run --release --example gen_corpus -- --letters 1000 --seed 1 --out DIR --check
//! cargo run --release --example gen_corpus -- --one-letter 50000000 --layout pdf --out DIR
//! cargo run --release --example gen_corpus -- --long-line 1000000 --out DIR
//! ```
//!
//! `--check` reads every letter back with brieven's own ingestion and compares date, sender,
//! paragraph and note counts with what was generated, and counts warnings.

mod layouts;
mod letters;
mod names;
mod rng;
mod spec;
mod vocab;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use spec::{Layout, Size, Spec};

#[derive(Debug, Parser)]
#[command(about = "Writes a deterministic corpus of generated letters")]
struct Args {
    /// How many letters.
    #[arg(long, default_value_t = 1000)]
    letters: usize,
    /// The seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The directory to write to (created; existing letters are overwritten).
    #[arg(long)]
    out: PathBuf,
    /// Write one letter of at least this many bytes instead (for the linearity check).
    #[arg(long)]
    one_letter: Option<usize>,
    /// Write one letter whose first paragraph has at least this many bytes, on one line.
    #[arg(long)]
    long_line: Option<usize>,
    /// The layout for --one-letter / --long-line: sup, pdf or ministry.
    #[arg(long, default_value = "sup")]
    layout: String,
    /// Read the letters back and compare with what was generated.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_corpus: {}: {e}", args.out.display());
        return ExitCode::from(2);
    }
    let single = match (args.one_letter, args.long_line) {
        (Some(bytes), _) => Some(Size::Total(bytes)),
        (None, Some(bytes)) => Some(Size::LongParagraph(bytes)),
        _ => None,
    };
    let jobs: Vec<(usize, Layout, Size)> = match single {
        Some(size) => {
            let layout = match args.layout.as_str() {
                "pdf" => Layout::Pdf,
                "ministry" => Layout::Ministry,
                _ => Layout::Sup,
            };
            vec![(0, layout, size)]
        }
        None => (0..args.letters)
            .map(|i| (i, letters::layout_of(i), Size::Normal))
            .collect(),
    };
    let mut total = 0;
    let mut failures = 0;
    let mut by_layout: Vec<(Layout, usize)> = Vec::new();
    let mut warnings = 0;
    for (i, layout, size) in jobs {
        let (name, text, spec) = letters::letter(args.seed, i, layout, size);
        let path = args.out.join(&name);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("gen_corpus: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        total += text.len();
        if args.check {
            let (problems, w) = check(&path, &spec, &text);
            warnings += w;
            if !problems.is_empty() {
                failures += 1;
                match by_layout.iter_mut().find(|(l, _)| *l == layout) {
                    Some((_, n)) => *n += 1,
                    None => by_layout.push((layout, 1)),
                }
                if failures <= 10 {
                    eprintln!("{name} ({layout:?}): {}", problems.join("; "));
                }
            }
        }
    }
    println!(
        "wrote {} bytes ({:.1} MB) to {}",
        total,
        total as f64 / 1e6,
        args.out.display()
    );
    if args.check {
        println!(
            "check: {failures} letters differ from their spec {by_layout:?}, {warnings} warnings in all"
        );
    }
    ExitCode::SUCCESS
}

/// What ingestion reads differently from the spec, and how many warnings it raised.
fn check(path: &Path, spec: &Spec, text: &str) -> (Vec<String>, usize) {
    let id = path.file_stem().unwrap_or_default().to_string_lossy();
    let letter = brieven::ingest::parse(&id, &path.display().to_string(), text.as_bytes());
    let mut problems = Vec::new();
    let date = letter.date.map(|d| d.to_string()).unwrap_or_default();
    if date != spec.date_iso() {
        problems.push(format!("date {date:?}, want {}", spec.date_iso()));
    }
    let sender = letter.sender.clone().unwrap_or_default();
    if sender != spec.sender {
        problems.push(format!("sender {sender:?}, want {:?}", spec.sender));
    }
    let paragraphs = letter.paragraphs().count();
    if paragraphs != spec.paragraph_count() {
        problems.push(format!(
            "{paragraphs} paragraphs, want {}",
            spec.paragraph_count()
        ));
    }
    if letter.footnotes.len() != spec.notes.len() {
        problems.push(format!(
            "{} notes, want {}",
            letter.footnotes.len(),
            spec.notes.len()
        ));
    }
    if letter.marker_count() != spec.notes.len() {
        problems.push(format!(
            "{} markers, want {}",
            letter.marker_count(),
            spec.notes.len()
        ));
    }
    if paragraphs != spec.paragraph_count() {
        let starts: Vec<String> = letter
            .paragraphs()
            .map(|(_, _, p)| p.text.chars().take(30).collect())
            .collect();
        for s in &spec.sections {
            for segs in &s.paragraphs {
                if let Some(spec::Seg::Text(t)) = segs.first() {
                    let head: String = t.chars().take(30).collect();
                    if !starts.contains(&head) {
                        problems.push(format!("merged: {head:?}"));
                        break;
                    }
                }
            }
        }
    }
    for w in letter.warnings.iter().take(2) {
        problems.push(format!("warning: {w}"));
    }
    (problems, letter.warnings.len())
}
