//! What one generated letter says, before it is laid out: sender, addressees, date, subject,
//! sections of paragraphs with note markers, footnotes and the closing. The layouts in
//! `layouts.rs` turn a `Spec` into text; `--check` compares what ingestion reads with it.

use crate::names::{self, CITIES, SURNAMES};
use crate::rng::Rng;
use crate::vocab::{self, HEADINGS, MONTHS, TERMS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Markdown with `<sup>n</sup>` notes, `---` before the definitions, a repeated footer.
    Sup,
    /// PDF text: hard-wrapped, double-spaced, trailing-digit markers, page-bottom notes.
    Pdf,
    /// Markdown with superscript digits and a letterhead sidebar repeated on every page.
    Ministry,
    /// A ministry's letter as pdftotext writes it by default: no blank lines between
    /// paragraphs, form feeds at page breaks, loose note markers, page-foot notes in the forms
    /// pdftotext prints them, section numbers on lines of their own.
    PdfText,
    /// The same letter as PyMuPDF writes it: lines ending in a space, no form feeds, bare page
    /// numbers or `Pagina n van m`, each note's number alone over its text or before it.
    PyMuPdf,
}

impl Layout {
    /// The layouts of PDF text as converters write it (the notes are plain text).
    pub fn converted(self) -> bool {
        matches!(self, Layout::PdfText | Layout::PyMuPdf)
    }
}

/// A piece of a paragraph: text, or a note marker after the text before it. Text pieces are
/// joined by a space, except a piece that starts with a stop or a comma (`aangeboden` ¹ `.`).
pub enum Seg {
    Text(String),
    Note(u32),
}

/// A paragraph as ingestion should read it: its text, and each marker's number and place (in
/// `char`s, just after the text the marker follows).
pub fn clean(segs: &[Seg]) -> (String, Vec<(u32, usize)>) {
    let mut text = String::new();
    let mut chars = 0;
    let mut notes = Vec::new();
    for seg in segs {
        match seg {
            Seg::Text(t) => {
                if !text.is_empty() && !t.starts_with(['.', ',']) {
                    text.push(' ');
                    chars += 1;
                }
                text.push_str(t);
                chars += t.chars().count();
            }
            Seg::Note(n) => notes.push((*n, chars)),
        }
    }
    (text, notes)
}

pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<Vec<Seg>>,
}

/// An organisation's letterhead and contact block.
pub struct Org {
    pub name: String,
    pub street: String,
    pub postcode_city: String,
    pub phone: String,
    pub email: String,
    pub web: String,
    pub kvk: String,
}

/// A ministry's letterhead: the office that signs and the directorate in the sidebar.
pub struct Ministry {
    pub office: String,
    pub dg: Vec<String>,
    pub directie: String,
    pub web: String,
}

pub enum From {
    Org(Org),
    Ministry(Ministry),
}

pub struct Spec {
    pub layout: Layout,
    pub from: From,
    /// The sender ingestion should find.
    pub sender: String,
    pub date: (usize, usize, usize),
    pub place: String,
    pub recipient_block: Vec<String>,
    pub salutation: String,
    pub subject: String,
    pub reference: String,
    pub sections: Vec<Section>,
    pub notes: Vec<String>,
    pub valediction: &'static str,
    pub signer: String,
    pub role: String,
}

impl Spec {
    pub fn date_iso(&self) -> String {
        let (y, m, d) = self.date;
        format!("{y:04}-{m:02}-{d:02}")
    }

    pub fn date_dutch(&self) -> String {
        let (y, m, d) = self.date;
        format!("{d} {} {y}", MONTHS[m - 1])
    }

    pub fn paragraph_count(&self) -> usize {
        self.sections.iter().map(|s| s.paragraphs.len()).sum()
    }
}

const ORG_KINDS: &[&str] = &[
    "Stichting",
    "Vereniging",
    "Platform",
    "Netwerk",
    "Coalitie",
    "Centrum",
    "Fonds",
    "Collectief",
];
const ORG_THEMES: &[&str] = &[
    "Kinderrechten",
    "Digitale Rechten",
    "Veilig Online",
    "Jeugd en Media",
    "Online Veiligheid",
    "Privacy",
    "Hulplijn Online",
    "Open Internet",
    "Slachtofferhulp Online",
    "Kind en Internet",
    "Vrije Communicatie",
];
const ORG_REGIONS: &[&str] = &["Nederland", "Europa", "Noord", "Zuid", "", "", ""];

const MINISTRIES: &[(&str, &[&str], &str, &str)] = &[
    (
        "De Minister van Justitie en Veiligheid",
        &[
            "Directoraat-Generaal",
            "Rechtspleging en",
            "Rechtshandhaving",
        ],
        "Directie Rechtshandhaving en\nCriminaliteitsbestrijding",
        "www.rijksoverheid.nl/jenv",
    ),
    (
        "De Staatssecretaris van Digitalisering en Koninkrijksrelaties",
        &["Directoraat-Generaal", "Digitalisering"],
        "Directie Digitale Samenleving",
        "www.rijksoverheid.nl/bzk",
    ),
    (
        "De Minister van Economische Zaken",
        &["Directoraat-Generaal", "Economie en Digitalisering"],
        "Directie Digitale Economie",
        "www.rijksoverheid.nl/ezk",
    ),
    (
        "De Staatssecretaris van Justitie en Veiligheid",
        &["Directoraat-Generaal", "Politie en", "Veiligheidsregio's"],
        "Directie Politie",
        "www.rijksoverheid.nl/jenv",
    ),
    (
        "De Minister van Onderwijs, Cultuur en Wetenschap",
        &["Directoraat-Generaal", "Funderend Onderwijs"],
        "Directie Jeugd en Media",
        "www.rijksoverheid.nl/ocw",
    ),
];

const ORG_ROLES: &[&str] = &[
    "directeur",
    "voorzitter",
    "directeur-bestuurder",
    "beleidsadviseur",
];

fn org(rng: &mut Rng) -> Org {
    let region = rng.pick(ORG_REGIONS);
    let mut name = format!("{} {}", rng.pick(ORG_KINDS), rng.pick(ORG_THEMES));
    if !region.is_empty() {
        name = format!("{name} {region}");
    }
    let slug: String = name
        .split(' ')
        .skip(1)
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let city = rng.pick(CITIES);
    Org {
        street: format!(
            "{}{} {}",
            vocab::capitalise(rng.pick(SURNAMES).rsplit(' ').next().unwrap_or("Kerk")),
            rng.pick(&["straat", "laan", "weg", "plein", "gracht"]),
            rng.range(1, 240)
        ),
        postcode_city: format!("{} {} {city}", rng.range(1011, 9999), two_letters(rng)),
        phone: format!(
            "+31 {} {} {} {}",
            rng.range(10, 79),
            rng.range(100, 999),
            rng.range(10, 99),
            rng.range(10, 99)
        ),
        email: format!("info@{slug}.nl"),
        web: format!("www.{slug}.nl"),
        kvk: format!(
            "{} {} {}",
            rng.range(100, 999),
            rng.range(10, 99),
            rng.range(100, 999)
        ),
        name,
    }
}

fn two_letters(rng: &mut Rng) -> String {
    let a = b'A' + rng.below(26) as u8;
    let b = b'A' + rng.below(26) as u8;
    format!("{}{}", a as char, b as char)
}

/// How long a letter is.
#[derive(Clone, Copy, Debug)]
pub enum Size {
    /// A few pages, sometimes three times as many.
    Normal,
    /// At least this many bytes of body text.
    Total(usize),
    /// A normal letter whose first paragraph has at least this many bytes (one line in the
    /// Markdown layouts).
    LongParagraph(usize),
}

/// Builds a letter.
pub fn build(rng: &mut Rng, layout: Layout, size: Size) -> Spec {
    let year = rng.range(2022, 2026);
    let month = rng.range(1, if year == 2026 { 10 } else { 12 });
    let day = rng.range(1, 28);
    let (from, sender) = match layout {
        Layout::Ministry | Layout::PdfText | Layout::PyMuPdf => {
            let (office, dg, directie, web) = rng.pick(MINISTRIES);
            let sender = office.trim_start_matches("De ").to_string();
            let ministry = Ministry {
                office: office.to_string(),
                dg: dg.iter().map(|s| s.to_string()).collect(),
                directie: directie.to_string(),
                web: web.to_string(),
            };
            (From::Ministry(ministry), sender)
        }
        _ => {
            let o = org(rng);
            let name = o.name.clone();
            (From::Org(o), name)
        }
    };
    let mut notes = Vec::new();
    let markdown = layout != Layout::Pdf && !layout.converted();
    // Converted letters number their sections (`2.` or `1.2.`) in half the letters.
    let numbering = if layout.converted() && rng.chance(0.5) {
        Some(rng.chance(0.5))
    } else {
        None
    };
    // Lengths vary a lot: most letters are a few pages, a few are long.
    let scale = if rng.chance(0.1) { 3 } else { 1 };
    let section_count = rng.range(2, 6) * scale;
    let mut sections = Vec::new();
    let mut used_headings = Vec::new();
    let mut body_bytes = 0;
    for s in 0.. {
        let more = match size {
            Size::Total(bytes) => body_bytes < bytes,
            _ => s < section_count,
        };
        if !more {
            break;
        }
        let heading = if s == 0 {
            None
        } else if used_headings.len() >= HEADINGS.len() {
            Some(format!("{} {s}", rng.pick(HEADINGS).trim_end_matches('?')))
        } else {
            let mut h = rng.pick(HEADINGS).to_string();
            while used_headings.contains(&h) {
                h = rng.pick(HEADINGS).to_string();
            }
            used_headings.push(h.clone());
            Some(h)
        };
        // A converted letter's headings as ingestion reads them: no `?` (a line ending in one
        // reads as a sentence), the section's number before the title.
        let heading = match heading {
            Some(h) if layout.converted() => {
                let h = h.trim_end_matches('?');
                Some(match numbering {
                    Some(true) => format!("1.{s}. {h}"),
                    Some(false) => format!("{s}. {h}"),
                    None => h.to_string(),
                })
            }
            h => h,
        };
        let mut paragraphs = Vec::new();
        for p in 0..rng.range(2, 5) {
            let mut segs = Vec::new();
            let long = match size {
                Size::LongParagraph(bytes) if s == 0 && p == 0 => bytes,
                _ => 0,
            };
            let mut para_bytes = 0;
            for k in 0.. {
                if k >= 3 && (para_bytes >= long && (k >= 8 || rng.chance(0.2))) {
                    break;
                }
                let sentence = vocab::sentence(rng);
                para_bytes += sentence.len() + 1;
                body_bytes += sentence.len() + 1;
                if layout.converted() {
                    loose_note(rng, sentence, &mut segs, &mut notes);
                    continue;
                }
                segs.push(Seg::Text(sentence));
                if rng.chance(0.12) {
                    notes.push(vocab::note(rng, markdown));
                    segs.push(Seg::Note(notes.len() as u32));
                }
            }
            paragraphs.push(segs);
        }
        sections.push(Section {
            heading,
            paragraphs,
        });
    }
    let signer = names::person(rng);
    let role = format!("{} {sender}", rng.pick(ORG_ROLES));
    let recipient_block = recipients(rng, layout);
    let salutation = match recipient_block.first().map(String::as_str) {
        Some(r) if r.starts_with("Aan de Voorzitter") => "Geachte Voorzitter,".to_string(),
        Some(r) if r.starts_with("Minister") => "Geachte Minister,".to_string(),
        _ => "Geachte leden van de vaste commissie voor Justitie en Veiligheid,".to_string(),
    };
    Spec {
        layout,
        from,
        sender,
        date: (year, month, day),
        place: rng.pick(CITIES).to_string(),
        recipient_block,
        salutation,
        subject: format!(
            "{} over {}",
            rng.pick(&[
                "Inbreng",
                "Reactie",
                "Advies",
                "Oproep",
                "Beantwoording vragen"
            ]),
            rng.pick(TERMS)
                .trim_start_matches("de ")
                .trim_start_matches("het ")
        ),
        reference: format!("{}-{:010}", year, rng.next() % 10_000_000_000),
        sections,
        notes,
        valediction: rng.pick(&[
            "Met vriendelijke groet,",
            "Hoogachtend,",
            "Met hartelijke groet,",
        ]),
        signer,
        role,
    }
}

fn recipients(rng: &mut Rng, layout: Layout) -> Vec<String> {
    let lines: &[&str] = match (layout, rng.below(3)) {
        (Layout::Ministry | Layout::PdfText | Layout::PyMuPdf, _) | (_, 0) => &[
            "Aan de Voorzitter van de Tweede Kamer",
            "der Staten-Generaal",
            "Postbus 20018",
            "2500 EA DEN HAAG",
        ],
        (_, 1) => &[
            "Minister van Justitie en Veiligheid",
            "Ministerie van Justitie en Veiligheid",
            "Postbus 20301",
            "2500 EH Den Haag",
        ],
        _ => &[
            "Commissie voor Digitale Zaken",
            "Tweede Kamer der Staten-Generaal",
            "T.a.v. De Commissievoorzitter",
            "Postbus 20018",
        ],
    };
    lines.iter().map(|s| s.to_string()).collect()
}

/// Abbreviations in brackets that a marker may follow (`(BdDI)5`).
const ACRONYMS: &[&str] = &["BdDI", "NCTV", "EDPB", "ESPR", "WODC", "ACM", "RDI", "NPCE"];

/// A sentence of a converted letter, with a note marker in one of the places real letters put
/// it (in one of every eight sentences): after the sentence's stop (`jl.1`), before it
/// (`aangeboden 1.`), after a word inside it (`ESPR2`), after a closing bracket (`(BdDI)5`),
/// after a comma (`NextGenerationEU, 2 the`), after a year (`2022-2027 8,`). How the marker is
/// glued or spaced is the layout's choice.
fn loose_note(rng: &mut Rng, sentence: String, segs: &mut Vec<Seg>, notes: &mut Vec<String>) {
    if !rng.chance(0.12) {
        segs.push(Seg::Text(sentence));
        return;
    }
    notes.push(note_text(rng));
    let note = Seg::Note(notes.len() as u32);
    let body = sentence.trim_end_matches('.');
    let words: Vec<&str> = body.split(' ').collect();
    // A place inside the sentence: after a word that ends in a letter, neither first nor last,
    // and not before a month or a number: a number there reads as its day or a count
    // (`in 2024-2032 8 maart 2021`), which no reader could tell from a marker.
    let inside = (2..words.len().saturating_sub(1))
        .filter(|&k| words[k - 1].ends_with(|c: char| c.is_alphabetic()))
        .filter(|&k| {
            !MONTHS.contains(&words[k]) && !words[k].starts_with(|c: char| c.is_ascii_digit())
        })
        .collect::<Vec<_>>();
    let form = rng.below(6);
    if form < 2 || inside.is_empty() {
        if form == 1 && body.ends_with(|c: char| c.is_alphabetic()) {
            segs.push(Seg::Text(body.to_string()));
            segs.push(note);
            segs.push(Seg::Text(".".to_string()));
        } else {
            segs.push(Seg::Text(sentence));
            segs.push(note);
        }
        return;
    }
    let k = inside[rng.below(inside.len())];
    let mut head = words[..k].join(" ");
    let tail = format!("{}.", words[k..].join(" "));
    match form {
        2 => {}
        3 => head += &format!(" ({})", rng.pick(ACRONYMS)),
        4 => head.push(','),
        _ => {
            let year = rng.range(2019, 2027);
            if rng.chance(0.5) {
                head += &format!(" {year}-{}", year + rng.range(1, 8));
            } else {
                head += &format!(" in {year}");
            }
        }
    }
    segs.push(Seg::Text(head));
    segs.push(note);
    if form == 5 && rng.chance(0.5) {
        segs.push(Seg::Text(format!(", {tail}")));
    } else {
        segs.push(Seg::Text(tail));
    }
}

/// A note of a converted letter: plain text, now and then long enough to wrap.
fn note_text(rng: &mut Rng) -> String {
    if rng.chance(0.3) {
        let (d, m, y) = (rng.range(1, 28), rng.pick(&MONTHS), rng.range(2019, 2025));
        format!(
            "Kamerbrief van {d} {m} {y} over {} en de gevolgen voor {}, Kamerstuk {} {}, nr. {}.",
            rng.pick(TERMS),
            vocab::compound(rng),
            rng.range(21, 36),
            rng.range(100, 999),
            rng.range(2, 140)
        )
    } else {
        vocab::note(rng, false)
    }
}
