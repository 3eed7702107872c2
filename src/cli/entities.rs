//! `brieven entities [PATHS...] [--kind K] [--json]`: the whole register, one aligned line per
//! entity with its count per letter; in JSON, every occurrence with the text it covers.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use brieven::citation::Location;
use brieven::model::{Date, Letter};
use brieven::register::{Entity, EntityKind, Place, place_text};
use brieven::text::sanitize;
use serde::Serialize;

use brieven::search::{Memory, RegisterRow, register_rows};

use super::search::{MAX_LETTERS, RegisterArgs, at_most, short_ids, short_ids_of, table};
use super::{emit, emit_json};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Only this kind: organisation (org), person, date or term.
    #[arg(long, short)]
    pub kind: Option<String>,
    /// Print JSON, with every occurrence.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub register: RegisterArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let kind = match args.kind.as_deref() {
        None => None,
        Some(k) => match EntityKind::parse(k) {
            Some(kind) => Some(kind),
            None => bail!("unknown kind '{k}' (organisation, person, date or term)"),
        },
    };
    // A current on-disk index lists the register without loading the letters.
    if !args.json
        && let Some(index) = super::session::open_index(&args.paths, Some(&args.register))?
    {
        let ids: Option<Vec<&str>> = (0..index.len()).map(|i| Some(index.row(i)?.id)).collect();
        let rows = ids.zip(register_rows(&index, kind));
        if let Some((ids, rows)) = rows.filter(|_| !index.damaged()) {
            super::session::warn(&index);
            let short = short_ids_of(|| ids.iter().copied());
            return print_rows(&rows, &short);
        }
    }
    let mut session = super::load(&args.paths)?;
    if args.json {
        let register = session.register_with(&args.register)?;
        let entities: Vec<&Entity> = register
            .entities
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .collect();
        emit_json(&JsonEntities {
            entities: EntityList(&session.corpus.letters, &entities),
        })?;
        return Ok(exit_code(entities.is_empty()));
    }
    // The index written for the next run needs the search index too (its entity sections
    // are the search's).
    session.keep_index();
    let (register, search) = session.search_with(&args.register)?;
    let letters = &session.corpus.letters;
    let rows = register_rows(
        &Memory {
            letters,
            register: &register,
            index: &search,
        },
        kind,
    )
    .unwrap_or_default();
    print_rows(&rows, &short_ids(letters))
}

/// One aligned line per entity: kind, label, occurrences, and the count in each letter (by
/// its short id; at most [`MAX_LETTERS`] letters).
fn print_rows(rows: &[RegisterRow], short: &[String]) -> Result<ExitCode> {
    let mut lines: Vec<Vec<String>> = rows
        .iter()
        .map(|e| {
            let per: Vec<String> = e
                .per_letter
                .iter()
                .map(|&(l, n)| format!("{}:{n}", short.get(l).map_or("?", String::as_str)))
                .collect();
            let per = at_most(per, MAX_LETTERS);
            vec![
                e.kind.as_str().to_string(),
                sanitize(&e.label).into_owned(),
                e.count.to_string(),
                per.join(" "),
            ]
        })
        .collect();
    // Where an act of the library defines terms, a column says where.
    let mut headers = vec!["KIND", "LABEL", "OCC", "PER LETTER"];
    if rows.iter().any(|e| e.definition.is_some()) {
        headers.push("DEFINED IN");
        for (line, e) in lines.iter_mut().zip(rows) {
            let at = e.definition.as_deref().map(sanitize);
            line.push(at.map_or_else(|| "-".to_string(), |c| c.into_owned()));
        }
    }
    if !lines.is_empty() {
        emit(&table(&headers, &lines))?;
    }
    Ok(exit_code(rows.is_empty()))
}

fn exit_code(none: bool) -> ExitCode {
    if none {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Serialize)]
struct JsonEntities<'a> {
    entities: EntityList<'a>,
}

/// The entities, each turned into its JSON form only as it is written: on 10,000 letters the
/// occurrences with their texts, all built at once, had taken 120 MB more at the peak.
struct EntityList<'a>(&'a [Letter], &'a [&'a Entity]);

impl Serialize for EntityList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let EntityList(letters, entities) = *self;
        serializer.collect_seq(entities.iter().map(|e| json_entity(letters, e)))
    }
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: usize,
    kind: EntityKind,
    label: &'a str,
    aliases: &'a [String],
    gloss: Option<&'a str>,
    role: Option<&'a str>,
    date: Option<Date>,
    /// Where an act of the library defines the term: its citation and place.
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: Option<JsonDefinition<'a>>,
    /// Occurrences in all.
    count: usize,
    /// Occurrences per letter id.
    letters: BTreeMap<&'a str, usize>,
    occurrences: Vec<JsonOccurrence<'a>>,
}

#[derive(Serialize)]
struct JsonDefinition<'a> {
    citation: &'a str,
    letter: &'a str,
    place: Option<Location>,
}

#[derive(Serialize)]
struct JsonOccurrence<'a> {
    letter: &'a str,
    place: Option<Location>,
    at: u32,
    len: u32,
    /// The text the occurrence covers (absent for metadata).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

fn json_entity<'a>(letters: &'a [Letter], e: &'a Entity) -> JsonEntity<'a> {
    let id = |l: usize| letters.get(l).map_or("", |l| l.id.as_str());
    JsonEntity {
        id: e.id,
        kind: e.kind,
        label: &e.label,
        aliases: &e.aliases,
        gloss: e.gloss.as_deref(),
        role: e.role.as_deref(),
        date: e.date,
        definition: e.definition.as_ref().map(|d| JsonDefinition {
            citation: &d.citation,
            letter: id(d.occurrence.letter_index()),
            place: letters
                .get(d.occurrence.letter_index())
                .map(|l| Location::of_place(l, d.occurrence.place)),
        }),
        count: e.occurrences.len(),
        letters: e
            .per_letter()
            .into_iter()
            .map(|(l, n)| (id(l), n))
            .collect(),
        occurrences: e
            .occurrences
            .iter()
            .zip(occurrence_texts(letters, e))
            .map(|(o, text)| JsonOccurrence {
                letter: id(o.letter_index()),
                place: letters
                    .get(o.letter_index())
                    .map(|l| Location::of_place(l, o.place)),
                at: o.at,
                len: o.len,
                text,
            })
            .collect(),
    }
}

/// The text of each occurrence (none for metadata), with the char offsets of each text
/// computed once, not once per occurrence.
fn occurrence_texts(letters: &[Letter], e: &Entity) -> Vec<Option<String>> {
    let mut current: Option<((usize, Place), Vec<usize>)> = None;
    let mut out = Vec::with_capacity(e.occurrences.len());
    for o in &e.occurrences {
        let Some(text) = letters
            .get(o.letter_index())
            .and_then(|l| place_text(l, o.place))
        else {
            out.push(None);
            continue;
        };
        let here = (o.letter_index(), o.place);
        if current.as_ref().is_none_or(|(k, _)| *k != here) {
            let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            bytes.push(text.len());
            current = Some((here, bytes));
        }
        let bytes = current.as_ref().map_or(&[][..], |(_, b)| b.as_slice());
        let byte = |c: usize| bytes.get(c).or(bytes.last()).copied().unwrap_or(0);
        let chars = o.chars();
        out.push(Some(text[byte(chars.start)..byte(chars.end)].to_string()));
    }
    out
}
