//! The text reader: `.txt` and `.md` files, and anything not told to be another format.
//! Decoding is [`crate::ingest::decode`]; the document states nothing about its lines, so
//! every pass infers. A Markdown site's front matter (YAML between `---` lines or TOML between
//! `+++` lines at the very start) gives the subject (`title`) and the date (`date`) as hints,
//! and its lines are blanked, so that line numbers stay those of the file.

use super::markdown;
use crate::ingest::decode;
use crate::ingest::document::{Document, Format, Hints, LineInfo, Role};
use crate::model::Date;

/// Reads text bytes; decoding problems become the document's warnings.
pub fn read(format: Format, bytes: &[u8]) -> Document {
    let decoded = decode::decode(bytes);
    let mut doc = Document::text(format, decoded.text);
    doc.warnings = decoded.warnings;
    if let Some(hints) = take_front_matter(&mut doc.text) {
        doc.hints = hints;
    }
    if format == Format::Markdown {
        markdown::clean(&mut doc.text);
        markdown::take_title(&mut doc.text, &mut doc.hints.subject);
    }
    take_form_feeds(&mut doc);
    doc
}

/// Form feeds, as PDF converters (`pdftotext`) write them between pages, are taken out of the
/// text and become the pages of its lines: the line a form feed opens starts the next page.
/// Text without form feeds states nothing.
fn take_form_feeds(doc: &mut Document) {
    if !doc.text.contains('\u{c}') {
        return;
    }
    let mut page = 1;
    let mut infos = Vec::new();
    let mut text = String::with_capacity(doc.text.len());
    for (i, line) in doc.text.split('\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let feeds = line.matches('\u{c}').count();
        if feeds > 0 {
            page += feeds as u32;
            text.extend(line.chars().filter(|&c| c != '\u{c}'));
        } else {
            text.push_str(line);
        }
        infos.push(LineInfo {
            role: Role::Inferred,
            page,
            bold: false,
        });
    }
    doc.text = text;
    doc.lines = infos;
}

/// Most lines a front matter may have before it is taken for text.
const FRONT_MATTER_LINES: usize = 200;

/// The hints of a front matter at the start of `text`, whose lines it blanks.
fn take_front_matter(text: &mut String) -> Option<Hints> {
    let fence = if text.starts_with("---\n") {
        "---"
    } else if text.starts_with("+++\n") {
        "+++"
    } else {
        return None;
    };
    let toml = fence == "+++";
    let mut end = None;
    let mut offset = 0;
    for (i, line) in text.split('\n').enumerate().take(FRONT_MATTER_LINES) {
        // YAML may also close with `...`.
        if i > 0 && (line.trim_end() == fence || (!toml && line.trim_end() == "...")) {
            end = Some(offset + line.len());
            break;
        }
        offset += line.len() + 1;
    }
    let end = end?;
    let mut hints = Hints::default();
    let lines: Vec<&str> = text[..end].lines().skip(1).collect();
    for (i, line) in lines.iter().enumerate() {
        let Some((key, value)) = line.split_once(if toml { '=' } else { ':' }) else {
            continue;
        };
        // Only top-level keys (YAML nests by indenting).
        if key.starts_with(char::is_whitespace) {
            continue;
        }
        let key = key.trim().to_ascii_lowercase();
        let value = unquote(value.trim());
        if value.is_empty() {
            // A YAML date nested under its kind (`date:` then `  created: 2025-09-08`, as
            // MkDocs Material writes it): the date of creation or publication, else the first.
            if key == "date" && !toml && hints.date.is_none() {
                hints.date = nested_date(&lines[i + 1..]);
            }
            continue;
        }
        match key.as_str() {
            "title" if hints.subject.is_none() => hints.subject = Some(value.to_string()),
            "date" if hints.date.is_none() => hints.date = iso_date(value),
            _ => {}
        }
    }
    // Blank the lines, keeping the line ends.
    let blanked: String = text[..end].chars().filter(|&c| c == '\n').collect();
    text.replace_range(..end, &blanked);
    Some(hints)
}

/// The date among the indented `key: date` lines that open `lines`.
fn nested_date(lines: &[&str]) -> Option<Date> {
    let dates: Vec<(String, Date)> = lines
        .iter()
        .take_while(|l| l.starts_with([' ', '\t']))
        .filter_map(|l| {
            let (key, value) = l.split_once(':')?;
            Some((
                key.trim().to_ascii_lowercase(),
                iso_date(unquote(value.trim()))?,
            ))
        })
        .collect();
    ["created", "published", "date"]
        .iter()
        .find_map(|k| dates.iter().find(|(key, _)| key == k))
        .or(dates.first())
        .map(|(_, d)| *d)
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.trim();
        }
    }
    value
}

/// The date at the start of a front matter's value: `2023-10-17`, `2023-10-17T09:00:00+02:00`,
/// `2023-10-17 09:00`.
fn iso_date(value: &str) -> Option<Date> {
    let day = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    Date::parse_iso(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_front_matter_give_subject_and_date_and_keep_line_numbers() {
        let doc = read(
            Format::Markdown,
            b"---\nlayout: post\ntitle: \"Open brief: geen chatcontrole\"\ndate: 2023-10-17T09:00:00+02:00\ntags:\n  - privacy\n---\n\nGeachte leden,\n",
        );
        assert_eq!(
            doc.hints.subject.as_deref(),
            Some("Open brief: geen chatcontrole")
        );
        assert_eq!(doc.hints.date, Date::ymd(2023, 10, 17));
        assert_eq!(doc.text, "\n\n\n\n\n\n\n\nGeachte leden,\n");
        let doc = read(
            Format::Markdown,
            b"+++\ntitle = 'Letter on the CSA Regulation'\ndate = 2022-04-28\n+++\nDear members,",
        );
        assert_eq!(
            doc.hints.subject.as_deref(),
            Some("Letter on the CSA Regulation")
        );
        assert_eq!(doc.hints.date, Date::ymd(2022, 4, 28));
        assert_eq!(doc.text.lines().nth(4), Some("Dear members,"));
    }

    #[test]
    fn a_nested_date_and_a_first_heading_give_date_and_subject() {
        let doc = read(
            Format::Markdown,
            b"---\ndate:\n    updated: 2025-10-01\n    created: 2025-09-08T18:00:00Z\ncategories:\n    - News\n---\n\n# Chat Control Must Be Stopped\n\nText.\n",
        );
        assert_eq!(doc.hints.date, Date::ymd(2025, 9, 8));
        assert_eq!(
            doc.hints.subject.as_deref(),
            Some("Chat Control Must Be Stopped")
        );
        assert!(!doc.text.contains('#'), "{}", doc.text);
        // Plain text keeps a line that begins with `#`.
        let doc = read(Format::Text, b"# 1 van 3\n\nText.\n");
        assert_eq!(doc.hints.subject, None);
        assert!(doc.text.starts_with("# 1 van 3"));
    }

    #[test]
    fn a_rule_or_an_unclosed_fence_is_no_front_matter() {
        for text in [
            "---\ntitle: x\nno end",
            "Geachte heer,\n---\ntitle: x\n---\n",
        ] {
            let doc = read(Format::Markdown, text.as_bytes());
            assert_eq!(doc.hints, Hints::default(), "{text}");
            assert_eq!(doc.text, text);
        }
    }
}
