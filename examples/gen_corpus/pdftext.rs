//! Ministry letters as PDF converters write them (issue 13): pdftotext's default output (no
//! blank lines between paragraphs, a form feed at every page break, `Pagina n van m` at each
//! page's foot, sometimes kerned) and PyMuPDF's (lines ending in a space, no form feeds, bare
//! page numbers or `Pagina n van m`). Both: note markers loose as converters leave superscripts
//! (`ESPR2`, `(BdDI)5`, `jl.1`, `aangeboden 1.`, `NextGenerationEU, 2 the`, `2022-2027 8,`),
//! the notes cited on a page at its foot as `n text`, as a number alone over its text, or as
//! the page's numbers listed apart from their texts; section numbers on lines of their own.
//!
//! Only what a reader can tell apart is written: a paragraph ends without a blank line only
//! where the next paragraph's first word would have fitted on its last line; a page breaks
//! only after a line that stops mid-sentence or ends its paragraph, and never after a
//! paragraph's first line or before its last (widow and orphan control); a spaced marker never
//! starts a line; a note's text wraps only where the next line starts in lower case (or, where
//! the numbers are listed apart, with a digit).

use crate::rng::Rng;
use crate::spec::{From, Layout, Seg, Spec};

/// A space that wrapping must not break at (before a spaced marker).
const KEEP: char = '\u{1}';
/// Around a marker's number while a line is wrapped: which notes a line cites.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';
/// The page count, known at the end.
const PAGES: &str = "\u{4}";

/// A paragraph's text with its markers in the forms converters leave them, marked out by
/// `OPEN`/`CLOSE`, and spaced markers held to their words by `KEEP`.
fn loose(segs: &[Seg], rng: &mut Rng) -> String {
    let mut out = String::new();
    for (i, seg) in segs.iter().enumerate() {
        match seg {
            Seg::Text(t) => {
                if !out.is_empty() && !t.starts_with(['.', ',']) {
                    out.push(' ');
                }
                out.push_str(t);
            }
            Seg::Note(n) => {
                let before = out.chars().rev().find(|&c| c != CLOSE).unwrap_or(' ');
                let next = match segs.get(i + 1) {
                    Some(Seg::Text(t)) => t.chars().next(),
                    _ => None,
                };
                let spaced = if before.is_ascii_digit() {
                    // After a year: `2022-2027 8,`, `2022 2 is`.
                    true
                } else if before.is_alphabetic() {
                    // `aangeboden 1.`, or glued to the word: `ESPR2`.
                    matches!(next, Some('.' | ',')) && rng.chance(0.5)
                } else if before == ',' {
                    // `NextGenerationEU, 2 the` or `2022,4`.
                    rng.chance(0.6)
                } else {
                    // After a stop (`jl.1`) or a bracket (`(BdDI)5`).
                    false
                };
                if spaced {
                    out.push(KEEP);
                }
                out.push(OPEN);
                out += &n.to_string();
                out.push(CLOSE);
            }
        }
    }
    out
}

/// How many characters a line will have.
fn width_of(word: &str) -> usize {
    word.chars().filter(|&c| c != OPEN && c != CLOSE).count()
}

/// Greedy word wrap at `width` characters, never at a `KEEP`.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split(' ') {
        let w = width_of(word);
        if !line.is_empty() && len + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A wrapped line as it is printed, and the notes it cites.
fn finish(line: &str) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(line.len());
    let mut notes = Vec::new();
    let mut number: Option<u32> = None;
    for c in line.chars() {
        match c {
            OPEN => number = Some(0),
            CLOSE => notes.extend(number.take()),
            KEEP => text.push(' '),
            c => {
                if let (Some(n), Some(d)) = (number.as_mut(), c.to_digit(10)) {
                    *n = *n * 10 + d;
                }
                text.push(c);
            }
        }
    }
    (text, notes)
}

/// Whether a printed line ends a sentence (a marker after its stop included).
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| c.is_ascii_digit())
        .ends_with('.')
}

/// A note's text in lines of at most `width`: one line unless it wraps where the next line
/// starts in lower case (or with a digit, when `digit` allows), as a reader can tell.
fn note_lines(text: &str, width: usize, digit: bool) -> Vec<String> {
    let lines = wrap(text, width);
    let continues = |l: &String| {
        l.starts_with(|c: char| c.is_lowercase() || digit && c.is_ascii_digit())
            && !l.starts_with("https://")
    };
    if lines.len() == 2 && continues(&lines[1]) {
        lines
    } else {
        vec![text.to_string()]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum NoteForm {
    /// `1 Kamerstuk 33009, nr. 117.`
    Inline,
    /// `1` on its line, its text under it.
    Alone,
    /// `1\n2\n\ntext\ntext`: the page's numbers, then their texts.
    Listed,
}

/// How a page's foot is written.
#[derive(Clone, Copy, PartialEq)]
enum Footer {
    /// `Pagina n van m`, `kerned`: `P agina n van m`.
    Pagina { kerned: bool },
    /// A bare number at the top of every page after the first.
    Bare,
}

struct Pages<'a> {
    spec: &'a Spec,
    out: String,
    width: usize,
    /// PyMuPDF: lines end in a space, no form feeds.
    mupdf: bool,
    footer: Footer,
    forms: &'a [NoteForm],
    pending: Vec<u32>,
    lines_on_page: usize,
    page_lines: usize,
    page: usize,
}

impl Pages<'_> {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        if self.mupdf {
            self.out.push(' ');
        }
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push_str(if self.mupdf { " \n" } else { "\n" });
    }

    /// A body line; a page may end after it when `may_break`.
    fn body(&mut self, text: &str, may_break: bool, rng: &mut Rng) {
        self.line(text);
        self.lines_on_page += 1;
        if may_break && self.lines_on_page >= self.page_lines {
            self.page_end(false, rng);
        }
    }

    /// The notes cited on the page, the page's number, the page break (`last`: the letter's
    /// end).
    fn page_end(&mut self, last: bool, rng: &mut Rng) {
        let notes: Vec<u32> = std::mem::take(&mut self.pending);
        if !notes.is_empty() {
            let form = self.forms[rng.below(self.forms.len())];
            let width = self.width - rng.range(0, 8);
            let text = |n: u32| self.spec.notes[n as usize - 1].as_str();
            if !self.mupdf || rng.chance(0.5) {
                self.blank();
            }
            match form {
                NoteForm::Inline => {
                    for &n in &notes {
                        let t = text(n);
                        // A URL may stand glued to its number: `5https://...`.
                        let glue = if t.starts_with("https://") && rng.chance(0.3) {
                            ""
                        } else {
                            " "
                        };
                        let lines = note_lines(&format!("{n}{glue}{t}"), width, false);
                        for l in lines {
                            self.line(&l);
                        }
                    }
                }
                NoteForm::Alone => {
                    for &n in &notes {
                        self.line(&n.to_string());
                        for l in note_lines(text(n), width, false) {
                            self.line(&l);
                        }
                    }
                }
                NoteForm::Listed => {
                    for &n in &notes {
                        self.line(&n.to_string());
                    }
                    self.blank();
                    for &n in &notes {
                        for l in note_lines(text(n), width, true) {
                            self.line(&l);
                        }
                    }
                }
            }
        }
        self.page += 1;
        if self.mupdf {
            // PyMuPDF: the next page's number at its top.
            if !last {
                self.blank();
                let line = match self.footer {
                    Footer::Pagina { .. } => format!("Pagina {} van {PAGES}", self.page),
                    Footer::Bare => self.page.to_string(),
                };
                self.line(&line);
                if self.footer != Footer::Bare {
                    self.blank();
                }
            }
        } else {
            // pdftotext: the page's number at its foot, a form feed.
            let p = match self.footer {
                Footer::Pagina { kerned: true } => "P agina",
                _ => "Pagina",
            };
            let line = format!("{p} {} van {PAGES}", self.page - 1);
            self.line(&line);
            self.out.push_str("\n\u{c}");
        }
        self.lines_on_page = 0;
        self.page_lines = rng.range(38, 48);
    }
}

/// pdftotext's or PyMuPDF's text of a ministry's letter.
pub fn converted(spec: &Spec, rng: &mut Rng) -> String {
    let mupdf = spec.layout == Layout::PyMuPdf;
    let width = rng.range(78, 90);
    let footer = if mupdf && rng.chance(0.5) {
        Footer::Bare
    } else {
        Footer::Pagina {
            kerned: !mupdf && rng.chance(0.3),
        }
    };
    let forms: &[NoteForm] = if footer == Footer::Bare {
        // Bare page numbers over a page's text go with notes written `n text` (a BNC-fiche):
        // a number alone over a line could be a note as well as the page's number.
        &[NoteForm::Inline]
    } else if mupdf {
        match rng.below(3) {
            0 => &[NoteForm::Inline],
            1 => &[NoteForm::Alone],
            _ => &[NoteForm::Inline, NoteForm::Alone],
        }
    } else {
        match rng.below(3) {
            0 => &[NoteForm::Inline],
            1 => &[NoteForm::Listed],
            _ => &[NoteForm::Inline, NoteForm::Alone, NoteForm::Listed],
        }
    };
    // PyMuPDF keeps a blank line between paragraphs in some letters; pdftotext in none.
    let blank_between = mupdf && rng.chance(0.5);
    let mut pages = Pages {
        spec,
        out: String::new(),
        width,
        mupdf,
        footer,
        forms,
        pending: Vec::new(),
        lines_on_page: 14,
        page_lines: rng.range(38, 48),
        page: 1,
    };
    head(spec, &mut pages, rng);
    // Headings and paragraphs as printed lines, with the notes each line cites.
    enum Item {
        Heading(String),
        Paragraph(Vec<(String, Vec<u32>)>),
    }
    let mut texts = Vec::new();
    for section in &spec.sections {
        if let Some(h) = &section.heading {
            texts.push(Err(h.clone()));
        }
        for segs in &section.paragraphs {
            texts.push(Ok(loose(segs, rng)));
        }
    }
    // The sentences come from templates, so a wrapped line may come out the same twice, and
    // a line on several pages reads as a running header or footer: a real letter's lines do
    // not repeat. Another width, then, until none does.
    let mut width = width;
    let mut items = Vec::new();
    for _ in 0..12 {
        items = texts
            .iter()
            .map(|t| match t {
                Err(h) => Item::Heading(h.clone()),
                Ok(text) => Item::Paragraph(wrap(text, width).iter().map(|l| finish(l)).collect()),
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        let repeats = items.iter().any(|item| match item {
            Item::Paragraph(lines) => lines
                .iter()
                .any(|(l, _)| l.chars().count() <= 80 && !seen.insert(l.to_lowercase())),
            Item::Heading(_) => false,
        });
        if !repeats {
            break;
        }
        width += 1;
    }
    pages.width = width;
    let first_word = |item: Option<&Item>| match item {
        Some(Item::Paragraph(lines)) => lines
            .first()
            .and_then(|(l, _)| l.split(' ').next())
            .map_or(0, |w| w.chars().count()),
        _ => 0,
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Heading(h) => {
                let numbered = h
                    .split_once(' ')
                    .filter(|(n, _)| n.starts_with(|c: char| c.is_ascii_digit()));
                match numbered {
                    // The number in a column of its own: `1.1.`, a blank line, the title.
                    Some((number, title)) => {
                        pages.line(number);
                        if !mupdf {
                            pages.blank();
                        }
                        pages.line(title);
                        if !mupdf {
                            pages.blank();
                        }
                    }
                    None => pages.line(h),
                }
                pages.lines_on_page += 2;
            }
            Item::Paragraph(lines) => {
                for (k, (line, notes)) in lines.iter().enumerate() {
                    pages.pending.extend(notes);
                    let last = k + 1 == lines.len();
                    // Widow and orphan control, as word processors have it: no paragraph's
                    // first line alone at a page's foot, nor its last alone at the top.
                    let orphans = k >= 1 && k + 2 != lines.len();
                    pages.body(line, last || orphans && !ends_sentence(line), rng);
                }
                // Without a blank line, a paragraph ends where the next one's first word would
                // have fitted on its last line; where it would not have, as where a letter
                // has more space between paragraphs, a converter writes a blank line.
                let last = lines.last().map_or(0, |(l, _)| l.chars().count());
                let next = first_word(items.get(i + 1));
                let short = last + 1 + next < width * 7 / 10;
                if pages.lines_on_page > 0
                    && (blank_between
                        || !short && matches!(items.get(i + 1), Some(Item::Paragraph(_))))
                {
                    pages.blank();
                }
            }
        }
    }
    // The closing, then the last page's notes and number.
    if let From::Ministry(m) = &spec.from {
        pages.blank();
        pages.line(&format!("{},", m.office));
        pages.blank();
        pages.line(&spec.signer);
    }
    pages.page_end(true, rng);
    pages.out.replace(PAGES, &(pages.page - 1).to_string())
}

/// The letter's head: return address, addressee, date and subject, salutation.
fn head(spec: &Spec, pages: &mut Pages<'_>, rng: &mut Rng) {
    let mupdf = pages.mupdf;
    if pages.footer == Footer::Bare {
        pages.blank();
        pages.line("1");
    }
    if let From::Ministry(_) = &spec.from {
        pages.line("> Retouradres Postbus 20301 2500 EH Den Haag");
        if !mupdf {
            pages.blank();
        }
    }
    for l in &spec.recipient_block {
        pages.line(l);
    }
    if !mupdf {
        pages.blank();
    }
    let date = spec.date_dutch();
    match rng.below(3) {
        0 if !mupdf => {
            // Labels and values in two columns, printed apart.
            pages.line("Datum");
            pages.line("Betreft");
            pages.blank();
            pages.line(&date);
            pages.line(&spec.subject);
        }
        1 => {
            pages.line("Datum");
            pages.line(&date);
            pages.line("Betreft");
            pages.line(&spec.subject);
        }
        _ => {
            pages.line(&format!("Datum {date}"));
            pages.line(&format!("Betreft {}", spec.subject));
        }
    }
    pages.blank();
    match pages.footer {
        Footer::Pagina { .. } if mupdf => {
            pages.line(&format!("Pagina 1 van {PAGES}"));
            pages.blank();
        }
        _ => {}
    }
    pages.line(&spec.salutation);
    if mupdf {
        pages.blank();
    }
}
