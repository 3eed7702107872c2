//! `brieven show LETTER [--section N | --article N]`: one letter as clean wrapped text, for piping and for
//! screen readers: a metadata header, headings, paragraphs with `[n]` note markers, and the
//! notes with their URLs at the end.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use brieven::model::{Letter, ParagraphKind};
use brieven::text::sanitize;
use brieven::wrap::wrap;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A letter id, or any part of one that only one letter has.
    pub letter: String,
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Only this section (1 is the first).
    #[arg(long, short)]
    pub section: Option<usize>,
    /// Only this article of an act (`7`, `7a`).
    #[arg(long, short, conflicts_with = "section")]
    pub article: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let session = super::load(&args.paths)?;
    let corpus = &session.corpus;
    let letter = corpus.find(&args.letter)?;
    if let Some(number) = &args.article {
        if !letter.is_act() {
            bail!("{}: not an act, it has no articles", letter.id);
        }
        let Some(section) = letter.article(number.trim()) else {
            bail!("{}: no article {}", letter.id, sanitize(number));
        };
        super::emit(&render(letter, Some(section + 1), super::output_width()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(n) = args.section
        && (n == 0 || n > letter.sections.len())
    {
        bail!(
            "{}: no section {n} (the letter has {})",
            letter.id,
            letter.sections.len()
        );
    }
    super::emit(&render(letter, args.section, super::output_width()))?;
    Ok(ExitCode::SUCCESS)
}

/// The letter (or one section, 1-based) as text wrapped to `width` columns.
pub fn render(letter: &Letter, section: Option<usize>, width: usize) -> String {
    let width = width.clamp(20, 100);
    let mut out = String::new();
    let field = |out: &mut String, name: &str, value: &str| {
        push_wrapped(out, &format!("{name:<10} {value}"), width, "           ");
    };
    field(&mut out, "Letter", &letter.id);
    if let Some(d) = letter.date {
        let place = letter
            .place
            .as_deref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        field(&mut out, "Date", &format!("{d}{place}"));
    }
    field(&mut out, "From", letter.sender_or_unknown());
    if !letter.recipients.is_empty() {
        field(&mut out, "To", &letter.recipients.join("; "));
    }
    if let Some(s) = &letter.subject {
        field(&mut out, "Subject", s);
    }
    if let Some(r) = &letter.reference {
        field(&mut out, "Reference", r);
    }
    if let Some(act) = &letter.act {
        field(&mut out, "Kind", act.kind.as_str());
    }
    if !letter.signed_by.is_empty() {
        field(&mut out, "Signed", &letter.signed_by.join("; "));
    }
    if let Some(stance) = letter.stance {
        field(&mut out, "Stance", stance.as_str());
    }
    if let Some(summary) = &letter.summary {
        field(&mut out, "Summary", summary);
    }
    let mut cited = Vec::new();
    for (i, s) in letter.sections.iter().enumerate() {
        if section.is_some_and(|n| n != i + 1) {
            continue;
        }
        out.push('\n');
        if let Some(h) = &s.heading {
            push_wrapped(&mut out, &format!("## {h}"), width, "   ");
            out.push('\n');
        }
        for p in &s.paragraphs {
            let mut text = String::new();
            let mut chars = p.text.chars();
            let mut pos = 0;
            for note in &p.notes {
                text.extend(chars.by_ref().take(note.at.saturating_sub(pos)));
                pos = pos.max(note.at);
                let _ = write!(text, "[{}]", note.number);
                cited.push(note.number);
            }
            text.extend(chars);
            let (first, rest) = match p.kind {
                ParagraphKind::ListItem => ("- ", "  "),
                ParagraphKind::Text => ("", ""),
            };
            push_wrapped(&mut out, &format!("{first}{text}"), width, rest);
            out.push('\n');
        }
    }
    let notes: Vec<_> = letter
        .footnotes
        .iter()
        .filter(|n| section.is_none() || cited.contains(&n.number))
        .collect();
    if !notes.is_empty() {
        out.push_str("Notes\n\n");
        for n in notes {
            let label = format!("[{}] ", n.number);
            let indent = " ".repeat(label.len());
            push_wrapped(&mut out, &format!("{label}{}", n.text), width, &indent);
            for url in &n.urls {
                if !n.text.contains(url.as_str()) {
                    push_wrapped(&mut out, &format!("{indent}{url}"), width, &indent);
                }
            }
        }
    }
    out
}

/// Appends `text` wrapped to `width`, continuation lines indented by `indent`.
fn push_wrapped(out: &mut String, text: &str, width: usize, indent: &str) {
    let text = sanitize(text);
    let ranges = wrap(&text, width);
    let mut rest_ranges = ranges.iter();
    if let Some(first) = rest_ranges.next() {
        out.push_str(&text[first.clone()]);
        out.push('\n');
        let rest_start = first.end;
        let rest = text[rest_start..].trim_start();
        if !rest.is_empty() {
            let inner = width.saturating_sub(indent.len()).max(10);
            for r in wrap(rest, inner) {
                out.push_str(indent);
                out.push_str(&rest[r]);
                out.push('\n');
            }
        }
    }
}
