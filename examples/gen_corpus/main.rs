//! A deterministic generator of realistic letters for benchmarks (issue 6): all three layouts
//! of the seed letters and two of PDF-converted ministry letters (issue 13: pdftotext's default
//! output and PyMuPDF's, `pdftext.rs`), varied senders, addressees, dates (2022–2026), regulatory terms,
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
//! paragraph and note counts with what was generated, and counts warnings. For the layouts of
//! converted PDF text (pdftext, pymupdf) it compares everything: subject, headings, every
//! paragraph's text, every note's number and text, every marker's place.

mod layouts;
mod letters;
mod names;
mod pdftext;
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
    /// The layout for --one-letter / --long-line: sup, pdf, ministry, pdftext or pymupdf.
    #[arg(long, default_value = "sup")]
    layout: String,
    /// Read the letters back and compare with what was generated.
    #[arg(long)]
    check: bool,
    /// With --check: how many differing letters to describe.
    #[arg(long, default_value_t = 10)]
    show: usize,
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
                "pdftext" => Layout::PdfText,
                "pymupdf" => Layout::PyMuPdf,
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
                if failures <= args.show {
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
    if spec.layout.converted() {
        exact(&letter, spec, &mut problems);
    }
    for w in letter.warnings.iter().take(2) {
        problems.push(format!("warning: {w}"));
    }
    (problems, letter.warnings.len())
}

/// The first difference in subject, headings, paragraphs (text and markers) and notes.
fn exact(letter: &brieven::model::Letter, spec: &Spec, problems: &mut Vec<String>) {
    if letter.subject.as_deref() != Some(spec.subject.as_str()) {
        problems.push(format!(
            "subject {:?}, want {:?}",
            letter.subject, spec.subject
        ));
    }
    let headings: Vec<&str> = letter
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    let want: Vec<&str> = spec
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    if headings != want {
        let k = (0..).find(|&k| headings.get(k) != want.get(k)).unwrap_or(0);
        problems.push(format!(
            "heading {k}: {:?}, want {:?}",
            headings.get(k),
            want.get(k)
        ));
    }
    let read: Vec<(&str, Vec<(u32, usize)>)> = letter
        .paragraphs()
        .map(|(_, _, p)| {
            (
                p.text.as_str(),
                p.notes.iter().map(|r| (r.number, r.at)).collect(),
            )
        })
        .collect();
    let want: Vec<(String, Vec<(u32, usize)>)> = spec
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| spec::clean(p)))
        .collect();
    if let Some(k) = (0..read.len().max(want.len()))
        .find(|&k| read.get(k).map(|(t, n)| (*t, n)) != want.get(k).map(|(t, n)| (t.as_str(), n)))
    {
        problems.push(match (read.get(k), want.get(k)) {
            (Some((t, n)), Some((wt, wn))) => paragraph_difference(k, t, n, wt, wn),
            (Some((t, _)), None) => format!("paragraph {k}: {:?}, want none", clip(t)),
            (None, Some((t, _))) => format!("paragraph {k}: none, want {:?}", clip(t)),
            (None, None) => String::new(),
        });
    }
    let notes: Vec<(u32, &str)> = letter
        .footnotes
        .iter()
        .map(|n| (n.number, n.text.as_str()))
        .collect();
    let want: Vec<(u32, &str)> = spec
        .notes
        .iter()
        .enumerate()
        .map(|(i, t)| (i as u32 + 1, t.as_str()))
        .collect();
    if let Some(k) = (0..notes.len().max(want.len())).find(|&k| notes.get(k) != want.get(k)) {
        problems.push(format!(
            "note {k}: {:?}, want {:?}",
            notes.get(k),
            want.get(k)
        ));
    }
}

/// The start and end of a long text.
fn clip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 120 {
        return text.to_string();
    }
    let head: String = chars[..60].iter().collect();
    let tail: String = chars[chars.len() - 60..].iter().collect();
    format!("{head} … {tail}")
}

/// Where a paragraph read differs from the one wanted: the text around the first character
/// that differs, or the markers that differ, each with the text before it.
fn paragraph_difference(
    k: usize,
    text: &str,
    notes: &[(u32, usize)],
    want: &str,
    want_notes: &[(u32, usize)],
) -> String {
    let a: Vec<char> = text.chars().collect();
    let b: Vec<char> = want.chars().collect();
    let around = |c: &[char], at: usize| -> String {
        c[at.saturating_sub(40)..(at + 40).min(c.len())]
            .iter()
            .collect()
    };
    if a != b {
        let at = (0..).find(|&i| a.get(i) != b.get(i)).unwrap_or(0);
        return format!(
            "paragraph {k} at {at}: {:?}, want {:?}",
            around(&a, at),
            around(&b, at)
        );
    }
    let show = |list: &[(u32, usize)], other: &[(u32, usize)]| -> Vec<String> {
        list.iter()
            .filter(|m| !other.contains(m))
            .map(|&(n, at)| {
                let before: String = a[at.saturating_sub(30)..at.min(a.len())].iter().collect();
                format!("{n} after {before:?}")
            })
            .collect()
    };
    format!(
        "paragraph {k} markers: {:?}, want {:?}",
        show(notes, want_notes),
        show(want_notes, notes)
    )
}
