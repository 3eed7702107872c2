//! The truth about one real document, as a person wrote it by reading the document (for a PDF,
//! its rendered pages): `tests/real/<name>.probes.toml`. The schema is documented in
//! `tests/real/README.md`; every field but `forms` may be left out, and what is left out is
//! not probed.

use serde::Deserialize;

/// One probe file: the files that hold the document (its text forms and originals) and what
/// must come out of each.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeFile {
    /// What the document is, for the reader of the probe file.
    #[serde(default)]
    #[allow(dead_code)]
    pub title: String,
    /// The files read, each with the score it may not fall below.
    pub forms: Vec<Form>,
    #[serde(default)]
    pub meta: Meta,
    /// The headings, in the order the document has them.
    #[serde(default)]
    pub headings: Vec<String>,
    #[serde(default)]
    pub footnotes: Vec<FootnoteProbe>,
    #[serde(default)]
    pub markers: Vec<MarkerProbe>,
    /// Text that must come out within one paragraph (a sentence across a line or page break).
    #[serde(default)]
    pub together: Vec<String>,
    /// Pairs of texts that must come out in different paragraphs.
    #[serde(default)]
    pub apart: Vec<[String; 2]>,
    /// Text that must not be in the body: page numbers, running footers, side-column lines.
    #[serde(default)]
    pub absent: Vec<String>,
}

/// One file of the document and its floor: the share of probes (0 to 1) it scored when the
/// floor was last raised.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// File name in `tests/real/`.
    pub file: String,
    pub floor: f64,
}

/// The letter's metadata. A field given as a list accepts any one of its values (a Kamerbrief's
/// sender is fairly its ministry or its signing office).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// ISO date: `2023-02-03`.
    pub date: Option<String>,
    pub place: Option<OneOf>,
    pub sender: Option<OneOf>,
    pub subject: Option<OneOf>,
    pub reference: Option<OneOf>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub signatories: Vec<String>,
}

/// A value, or a list of values of which any one is right.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOf {
    One(String),
    Any(Vec<String>),
}

impl OneOf {
    pub fn values(&self) -> Vec<&str> {
        match self {
            OneOf::One(s) => vec![s.as_str()],
            OneOf::Any(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FootnoteProbe {
    pub number: u32,
    /// A distinctive part of the note's text.
    pub text: String,
    /// Every URL the note gives, whole.
    #[serde(default)]
    pub urls: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkerProbe {
    pub number: u32,
    /// The words just before the marker, as the page prints them.
    pub after: String,
}

impl ProbeFile {
    pub fn parse(text: &str) -> Result<ProbeFile, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}
