//! The three layouts of the seed letters, as text: Markdown with `<sup>n</sup>` notes and a
//! repeated footer; PDF text hard-wrapped and double-spaced with page-bottom note blocks that
//! cut paragraphs; Markdown with superscript markers and a letterhead sidebar on every page.

use crate::rng::Rng;
use crate::spec::{From, Layout, Seg, Spec};

/// The letter as the text of its file.
pub fn write(spec: &Spec, rng: &mut Rng) -> String {
    match spec.layout {
        Layout::Sup => markdown(spec, rng),
        Layout::Ministry => markdown(spec, rng),
        Layout::Pdf => pdf(spec, rng),
        Layout::PdfText | Layout::PyMuPdf => crate::pdftext::converted(spec, rng),
    }
}

fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[(b - b'0') as usize])
        .collect()
}

/// A paragraph's text with its markers written by `marker`, and the notes it cites.
fn render(segs: &[Seg], marker: impl Fn(u32) -> String) -> (String, Vec<u32>) {
    let mut text = String::new();
    let mut notes = Vec::new();
    for seg in segs {
        match seg {
            Seg::Text(t) => {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(t);
            }
            Seg::Note(n) => {
                text.push_str(&marker(*n));
                notes.push(*n);
            }
        }
    }
    (text, notes)
}

/// A place to cut `text` in two mid-sentence near `want` bytes: a space after a letter.
fn cut_point(text: &str, want: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (want.min(text.len())..text.len().saturating_sub(20))
        .find(|&i| bytes[i] == b' ' && i > 0 && bytes[i - 1].is_ascii_lowercase())
}

/// Both Markdown layouts: pages of paragraphs with the notes cited on a page defined at its
/// bottom, then the repeated furniture (footer or sidebar).
fn markdown(spec: &Spec, rng: &mut Rng) -> String {
    let ministry = spec.layout == Layout::Ministry;
    let mut out = String::from("\n\n");
    let date = spec.date_dutch();
    match &spec.from {
        From::Org(org) => {
            if rng.chance(0.7) {
                out += &format!("# {}\n\n", org.name.to_uppercase());
            }
            out += &(spec.recipient_block.join("  \n") + "\n\n");
            if rng.chance(0.5) {
                out += &format!("{}, {date}\n\nBetreft: {}\n\n", spec.place, spec.subject);
            } else {
                out += &format!("Datum {date}\n\nOnderwerp {}\n\n", spec.subject);
            }
            out += &format!("{}\n\n", spec.salutation);
        }
        From::Ministry(m) => {
            out += "> Retouradres Postbus 20301 2500 EH Den Haag\n\n";
            out += &(spec.recipient_block.join("\n") + "\n\n");
            out += &format!("**{}**\n{}\n\n", m.dg.join("\n"), m.directie);
            out += &format!(
                "Turfmarkt 147\n2511 DP Den Haag\nPostbus 20301\n2500 EH Den Haag\n{}\n\n",
                m.web
            );
            if rng.chance(0.5) {
                out += &format!("Datum {date}\n");
            } else {
                out += &format!("Datum\n{date}\n");
            }
            out += &format!(
                "Onderwerp {}\n\nOns kenmerk\n{}\n\n",
                spec.subject, spec.reference
            );
            out += "*Bij beantwoording de datum\nen ons kenmerk vermelden.*\n\n";
        }
    }
    let page_end = |pending: &mut Vec<u32>, rng: &mut Rng| -> String {
        let mut s = String::new();
        if !ministry && !pending.is_empty() {
            s += "---\n\n";
        }
        for n in pending.drain(..) {
            let text = &spec.notes[n as usize - 1];
            if ministry {
                s += &format!("{} {text}\n\n", superscript(n));
            } else if rng.chance(0.5) {
                s += &format!("<sup>{n}</sup> {text}\n\n");
            } else {
                s += &format!("<sup>{n}</sup>{text}\n\n");
            }
        }
        match &spec.from {
            From::Org(o) => {
                s += &format!(
                    "## {}\n\n{}, {} ■ {}\n\n",
                    o.name, o.street, o.postcode_city, o.phone
                );
                s += &format!("{} ■ {} ■ KvK {}\n\n", o.email, o.web, o.kvk);
            }
            From::Ministry(m) => {
                s += &format!(
                    "**{}**\n\nDatum\n{date}\n\nOns kenmerk\n{}\n\n",
                    m.dg.join("\n"),
                    spec.reference
                );
            }
        }
        s
    };
    let mut pending = Vec::new();
    let mut budget = rng.range(2500, 4500);
    let mut used = 0;
    let mut number = 0;
    let numbered = rng.chance(0.5);
    for section in &spec.sections {
        if let Some(h) = &section.heading {
            number += 1;
            let h = h.trim_end_matches('?');
            out += &match (ministry, numbered) {
                (false, _) => format!("### **{h}**\n\n"),
                (true, true) => format!("{number}. {h}\n\n"),
                (true, false) => format!("{h}\n\n"),
            };
        }
        for segs in &section.paragraphs {
            let (text, notes) = if ministry {
                render(segs, superscript)
            } else {
                render(segs, |n| format!("<sup>{n}</sup>"))
            };
            if used + text.len() > budget && !pending.is_empty() {
                let cut = if rng.chance(0.5) {
                    cut_point(&text, budget.saturating_sub(used))
                } else {
                    None
                };
                match cut {
                    Some(at)
                        if notes
                            .iter()
                            .all(|&n| text[..at].contains(&marker_text(ministry, n))) =>
                    {
                        pending.extend(notes.iter().copied());
                        out += &text[..at];
                        out += "\n\n";
                        out += &page_end(&mut pending, rng);
                        out += &text[at + 1..];
                        out += "\n\n";
                        used = text.len() - at;
                    }
                    _ => {
                        out += &page_end(&mut pending, rng);
                        out += &text;
                        out += "\n\n";
                        pending.extend(notes);
                        used = text.len();
                    }
                }
                budget = rng.range(2500, 4500);
                continue;
            }
            out += &text;
            out += "\n\n";
            used += text.len();
            pending.extend(notes);
        }
    }
    match &spec.from {
        From::Org(_) => {
            out += &page_end(&mut pending, rng);
            out += &format!("{}\n\n{}\n\n{}\n", spec.valediction, spec.signer, spec.role);
        }
        From::Ministry(m) => {
            out += &format!("{},\n\n{}\n\n", m.office, spec.signer);
            out += &page_end(&mut pending, rng);
        }
    }
    out
}

fn marker_text(ministry: bool, n: u32) -> String {
    if ministry {
        superscript(n)
    } else {
        format!("<sup>{n}</sup>")
    }
}

/// Greedy word wrap at `width` bytes.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// PDF pages being written: body lines double-spaced, and after enough lines the notes cited
/// so far, single-spaced, with the body resuming on a line that starts with a space.
struct PdfPages<'a> {
    spec: &'a Spec,
    out: String,
    width: usize,
    pending: Vec<u32>,
    lines_on_page: usize,
    page_lines: usize,
    resume: bool,
}

impl PdfPages<'_> {
    /// Writes a body line; `may_break`: a page may end after it without the reader losing
    /// where the paragraph ends (its last line, or a line that stops mid-sentence).
    fn line(&mut self, line: &str, may_break: bool, rng: &mut Rng) {
        if self.resume {
            self.out.push(' ');
            self.resume = false;
        }
        self.out.push_str(line);
        self.out.push_str(" \n\n");
        self.lines_on_page += 1;
        if self.lines_on_page >= self.page_lines && may_break {
            self.flush(rng);
        }
    }

    fn flush(&mut self, rng: &mut Rng) {
        if self.pending.is_empty() {
            return;
        }
        self.out.push_str(" \n");
        for n in self.pending.drain(..) {
            let text = format!("{n} {}", self.spec.notes[n as usize - 1]);
            for l in wrap(&text, self.width) {
                self.out.push_str(&l);
                self.out.push_str(" \n");
            }
        }
        self.resume = true;
        self.lines_on_page = 0;
        self.page_lines = rng.range(20, 28);
    }
}

/// PDF text: every line followed by a blank line, notes single-spaced at page bottoms, the body
/// resuming after them on a line that starts with a space.
fn pdf(spec: &Spec, rng: &mut Rng) -> String {
    let width = rng.range(86, 96);
    let mut out = String::new();
    if rng.chance(0.5) {
        out += &format!(" {}, {} \n\n", spec.date_dutch(), spec.place);
    } else {
        out += &format!(" {}, {} \n\n", spec.place, spec.date_dutch());
    }
    out += &format!("{} \n\n", spec.salutation);
    let mut pages = PdfPages {
        spec,
        out,
        width,
        pending: Vec::new(),
        lines_on_page: 4,
        page_lines: rng.range(20, 28),
        resume: false,
    };
    // Headings (no notes) and paragraphs, as wrapped lines, in reading order.
    let mut items: Vec<(Vec<String>, Vec<u32>)> = Vec::new();
    for section in &spec.sections {
        if let Some(h) = &section.heading {
            items.push((vec![h.clone()], Vec::new()));
        }
        for segs in &section.paragraphs {
            let (text, notes) = render(segs, |n| n.to_string());
            items.push((wrap(&text, width), notes));
        }
    }
    for (i, (lines, notes)) in items.iter().enumerate() {
        let mut left = notes.clone();
        for (k, line) in lines.iter().enumerate() {
            // A note joins the page once the line with its marker is written.
            let (seen, rest): (Vec<u32>, Vec<u32>) = left.iter().partition(|&&n| cites(line, n));
            pages.pending.extend(seen);
            left = rest;
            let open = !line.ends_with(|c: char| c == '.' || c.is_ascii_digit());
            pages.line(line, k + 1 == lines.len() || open, rng);
        }
        pages.pending.extend(left);
        // When the next word would (nearly) not have fit on this paragraph's last line, the
        // break reads as a wrap: widen the spacing, as converters do.
        let next_word = items
            .get(i + 1)
            .and_then(|(l, _)| l.first())
            .and_then(|l| l.split(' ').next())
            .map_or(0, str::len);
        let last = lines.last().map_or(0, String::len);
        if last + 1 + next_word > width * 85 / 100 {
            pages.out.push_str(" \n\n");
        }
    }
    pages.flush(rng);
    let mut out = pages.out;
    if pages.resume {
        out.push(' ');
    }
    out += &format!("{} \n\n \n\n", spec.valediction);
    let role = spec.role.split(' ').next().unwrap_or("directeur");
    out += &format!("{} \n\n{}, {role} \n", spec.sender, spec.signer);
    out
}

/// Whether a PDF line carries the marker of note `n` (`word.n`, not `4.213`).
fn cites(line: &str, n: u32) -> bool {
    let marker = format!(".{n}");
    line.split(' ').any(|w| {
        w.strip_suffix(&marker)
            .is_some_and(|head| head.ends_with(|c: char| !c.is_ascii_digit()))
    })
}
