//! `brieven search QUERY [PATHS...]`: entities, dates and passages matching a query, as an
//! aligned table then the best passages with the match marked, or as JSON. Exit status 1 when
//! nothing matched, as grep does. Also the bits `entities` and `concordance` share: the
//! `--register` option, short letter ids and aligned tables.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use brieven::citation::Location;
use brieven::model::Letter;
use brieven::register::{Place, RegisterError};
use brieven::search::{Hit, HitKind, HitLetters, Memory, Source};
use brieven::text::sanitize;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for; filters: org: person: date: term: in:<letter or sender> notes:
    /// and date ranges (date:2023-09..2023-12); art:7 gives an article of the act and the
    /// letters that discuss it (art:3 2031/77: of the act numbered so).
    pub query: String,
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// At most this many results.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub register: RegisterArgs,
}

/// The `--register` option of the commands that use the register.
#[derive(Debug, Default, clap::Args)]
pub struct RegisterArgs {
    /// An extra register file (TOML, like seeds/register.toml); may be repeated. A
    /// `register.toml` in a directory of letters is read too.
    #[arg(long = "register", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl RegisterArgs {
    /// The register files for letters loaded from `paths`: the `register.toml` of each
    /// directory in `paths`, then the user's `--register` files.
    pub fn files(&self, paths: &[PathBuf]) -> Vec<PathBuf> {
        let beside = paths
            .iter()
            .filter(|p| p.is_dir())
            .map(|p| p.join("register.toml"))
            .filter(|p| p.is_file());
        beside.chain(self.files.iter().cloned()).collect()
    }

    /// A register error naming the file: the library numbers them in the order given.
    pub fn name_files(e: RegisterError, files: &[PathBuf]) -> anyhow::Error {
        let named = files.iter().enumerate().fold(e.to_string(), |m, (i, f)| {
            m.replace(
                &format!("register file {}:", i + 1),
                &format!("{}:", f.display()),
            )
        });
        anyhow::anyhow!(named)
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    // `art:7`: an article of the act in the library and the letters that discuss it.
    if let Some(number) = super::articles::article_query(&args.query) {
        let session = super::load(&args.paths)?;
        return super::articles::run(&session.corpus.letters, &args.query, &number, args.json);
    }
    // A query that cannot mean what was typed says so, rather than answering nothing.
    let query = brieven::search::Query::parse(&args.query);
    for problem in &query.problems {
        eprintln!("brieven: {}", sanitize(problem));
    }
    if !query.problems.is_empty() {
        return Ok(ExitCode::from(2));
    }
    if query.cut {
        let cut = query.notices().pop().unwrap_or_default();
        eprintln!("brieven: warning: {cut}");
    }
    // A current on-disk index answers without loading the letters: only the letters shown
    // are read. One found damaged while answering is not believed: the letters are loaded.
    // The search runs while the letter files are looked at (see `open_index_with`).
    let answer = super::session::open_index_with(&args.paths, Some(&args.register), |index| {
        let hits = brieven::search::search_in(index, &args.query, args.limit);
        let every = every_letter(&args, index, &hits);
        let mut shown: HashMap<usize, Arc<Letter>> = HashMap::new();
        for p in hits.iter().filter_map(|h| h.passage.as_ref()) {
            if let Some(letter) = index.letter(p.letter_index) {
                shown.insert(p.letter_index, letter);
            }
        }
        (hits, every, shown)
    })?;
    if let Some((index, (hits, every, shown))) = answer
        && !index.damaged()
    {
        super::session::warn(&index);
        let letter = |i: usize| shown.get(&i).map(|l| l.as_ref());
        let id = |i: usize| index.row(i).map(|r| r.id);
        let ids = || (0..index.len()).filter_map(|i| index.row(i).map(|r| r.id));
        let done = print(&args, (&hits, &every), &letter, &id, ids);
        // The process ends with the command: the hits and their letters (a frequent
        // entity's are most of the archive's) need not be freed one by one.
        std::mem::forget((hits, every, shown));
        return done;
    }
    let mut session = super::load(&args.paths)?;
    session.keep_index();
    let (register, index) = session.search_with(&args.register)?;
    let letters = &session.corpus.letters;
    let hits = index.search(letters, &register, &args.query, args.limit);
    let source = Memory {
        letters,
        register: &register,
        index: &index,
    };
    let every = every_letter(&args, &source, &hits);
    let id = |i: usize| letters.get(i).map(|l| l.id.as_str());
    let ids = || letters.iter().map(|l| l.id.as_str());
    print(&args, (&hits, &every), &|i| letters.get(i), &id, ids)
}

/// Every letter each hit occurs in, by number, for the JSON (which lists them all); the text
/// names a hit's first letters only ([`Hit::first_letters`]) and asks for none.
fn every_letter(args: &Args, source: &impl Source, hits: &[Hit]) -> Vec<Vec<usize>> {
    if !args.json {
        return Vec::new();
    }
    let every = HitLetters::new(source, &args.query);
    hits.iter().map(|h| every.of(h)).collect()
}

/// Prints `hits` as JSON or as text, with `every` letter each occurs in (JSON only); `letter`
/// gives the letters of the passages among them, `id` a letter's id by number, `ids` every
/// letter's id (for the shortest way to name each).
fn print<'a, I: Iterator<Item = &'a str>>(
    args: &Args,
    (hits, every): (&[Hit], &[Vec<usize>]),
    letter: &dyn Fn(usize) -> Option<&'a Letter>,
    id: &dyn Fn(usize) -> Option<&'a str>,
    ids: impl Fn() -> I,
) -> Result<ExitCode> {
    if args.json {
        let results: Vec<JsonHit> = (hits.iter().zip(every))
            .map(|(h, every)| JsonHit::new(h, every, letter, id))
            .collect();
        let out = JsonSearch {
            query: &args.query,
            results,
        };
        super::emit_json(&out)?;
    } else {
        super::emit(&render((letter, id), ids, hits, super::output_width()))?;
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Serialize)]
struct JsonSearch<'h, 'a> {
    query: &'h str,
    results: Vec<JsonHit<'h, 'a>>,
}

/// One result as `--json` prints it; the last six keys only for passages.
#[derive(Serialize)]
struct JsonHit<'a, 'i> {
    kind: &'static str,
    label: &'a str,
    aliases: &'a [String],
    score: i64,
    letters: Ids<'a, 'i>,
    occurrences: usize,
    positions: &'a [usize],
    #[serde(skip_serializing_if = "Option::is_none")]
    letter: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'static str>,
    /// `§ n`, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<usize>,
    /// `¶ n`, from 1 through the letter, as citations and `quote --paragraph` number it.
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<&'a str>,
}

/// Letters by number, written as their ids.
struct Ids<'h, 'a> {
    letters: &'h [usize],
    id: &'h dyn Fn(usize) -> Option<&'a str>,
}

impl Serialize for Ids<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.letters.iter().filter_map(|&l| (self.id)(l)))
    }
}

impl<'h, 'a> JsonHit<'h, 'a> {
    fn new(
        h: &'h Hit,
        every: &'h [usize],
        letter: &dyn Fn(usize) -> Option<&'a Letter>,
        id: &'h dyn Fn(usize) -> Option<&'a str>,
    ) -> JsonHit<'h, 'a> {
        let p = h.passage.as_ref();
        let location = p.and_then(|p| Some(Location::of_place(letter(p.letter_index)?, p.place)));
        JsonHit {
            kind: h.kind.as_str(),
            label: &h.label,
            aliases: &h.aliases,
            score: h.score,
            letters: Ids { letters: every, id },
            occurrences: h.occurrences,
            positions: &h.positions,
            letter: p.map(|p| p.letter.as_str()),
            place: p.map(|p| place_name(p.place)),
            section: location.and_then(Location::section),
            paragraph: location.and_then(Location::paragraph_number),
            note: location.and_then(Location::note),
            at: p.map(|p| p.at),
            snippet: p.map(|p| p.snippet.as_str()),
        }
    }
}

fn place_name(place: Place) -> &'static str {
    match place {
        Place::Paragraph { .. } => "paragraph",
        Place::Footnote { .. } => "footnote",
        Place::Heading { .. } => "heading",
        Place::Meta => "meta",
    }
}

/// A place of `letter` as people read it and citations number it: `§2 ¶7` (the paragraph
/// counted through the letter), `§2 heading`, `note 4`, `meta`.
pub fn place_label(letter: &Letter, place: Place) -> String {
    match Location::of_place(letter, place) {
        Location::Paragraph { section, paragraph } => format!("§{section} ¶{paragraph}"),
        Location::Heading { section } | Location::Section { section } => {
            format!("§{section} heading")
        }
        Location::Note { note } => format!("note {note}"),
        Location::Meta | Location::Letter => "meta".to_string(),
    }
}

/// A letter by number (those of the passages shown).
type LetterOf<'a, 'f> = &'f dyn Fn(usize) -> Option<&'a Letter>;
/// A letter's id by number.
type IdOf<'a, 'f> = &'f dyn Fn(usize) -> Option<&'a str>;

/// The table of entities, then the passages (`letter` gives a passage's letter, `id` a
/// letter's id by number).
fn render<'a, I: Iterator<Item = &'a str>>(
    (letter, id): (LetterOf<'a, '_>, IdOf<'a, '_>),
    ids: impl Fn() -> I,
    hits: &[Hit],
    width: usize,
) -> String {
    let short: HashMap<&str, String> = ids().zip(short_ids_of(ids)).collect();
    let short_of = |l: usize| {
        let id = id(l)?;
        Some(short.get(id).cloned().unwrap_or_else(|| id.to_string()))
    };
    let mut out = String::new();
    let rows: Vec<Vec<String>> = hits
        .iter()
        .filter(|h| h.kind != HitKind::Passage)
        .map(|h| {
            let mut ids: Vec<String> = h
                .first_letters
                .iter()
                .filter_map(|&l| short_of(l))
                .collect();
            ids.truncate(MAX_LETTERS);
            if h.letter_count > MAX_LETTERS {
                ids.push(format!("+{}", h.letter_count - MAX_LETTERS));
            }
            vec![
                h.kind.as_str().to_string(),
                sanitize(&h.label).into_owned(),
                h.occurrences.to_string(),
                ids.join(" "),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push_str(&table(&["KIND", "LABEL", "OCC", "LETTERS"], &rows));
    }
    let passages: Vec<&Hit> = hits.iter().filter(|h| h.kind == HitKind::Passage).collect();
    if !passages.is_empty() {
        if !rows.is_empty() {
            out.push('\n');
        }
        out.push_str("PASSAGES\n");
        for h in passages {
            let Some(p) = &h.passage else { continue };
            out.push_str(&format!(
                "{}  {}  {}\n",
                p.letter,
                letter(p.letter_index).map_or_else(String::new, |l| place_label(l, p.place)),
                sanitize(&h.label)
            ));
            let marked = mark(&sanitize(&p.snippet), &h.positions);
            for range in brieven::wrap::wrap(&marked, width.saturating_sub(4).max(20)) {
                out.push_str("    ");
                out.push_str(&marked[range]);
                out.push('\n');
            }
        }
    }
    out
}

/// Most letters listed on one table row; the rest are counted.
pub const MAX_LETTERS: usize = 10;
// A hit names as many letters as a row lists.
const _: () = assert!(MAX_LETTERS <= brieven::search::FIRST_LETTERS);

/// The first `max` items, then `+N` for the rest.
pub fn at_most(mut items: Vec<String>, max: usize) -> Vec<String> {
    if items.len() > max {
        let rest = items.len() - max;
        items.truncate(max);
        items.push(format!("+{rest}"));
    }
    items
}

/// `text` with each run of the matched characters at `positions` in `[` `]`.
pub fn mark(text: &str, positions: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + positions.len());
    let mut open = false;
    for (i, c) in text.chars().enumerate() {
        let hit = positions.binary_search(&i).is_ok();
        if hit && !open {
            out.push('[');
        } else if !hit && open {
            out.push(']');
        }
        open = hit;
        out.push(c);
    }
    if open {
        out.push(']');
    }
    out
}

/// The shortest way to name each letter: the part of its id before `_` where that is unique,
/// else the whole id.
pub fn short_ids(letters: &[Letter]) -> Vec<String> {
    short_ids_of(|| letters.iter().map(|l| l.id.as_str()))
}

/// [`short_ids`] of the ids `ids` gives (twice: the iterator is made again).
pub fn short_ids_of<'a, I: Iterator<Item = &'a str>>(ids: impl Fn() -> I) -> Vec<String> {
    let head = |id: &str| id.split('_').next().unwrap_or(id).to_string();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for id in ids() {
        *seen.entry(head(id)).or_default() += 1;
    }
    ids()
        .map(|id| {
            let h = head(id);
            if !h.is_empty() && seen.get(&h) == Some(&1) {
                h
            } else {
                id.to_string()
            }
        })
        .collect()
}

/// Rows under a header, columns aligned by display width, no trailing spaces.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let mut widths = vec![0usize; header.len()];
    for row in std::iter::once(&header).chain(rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_matches_are_bracketed() {
        assert_eq!(
            mark("nieuw materiaal", &[0, 1, 2, 3, 4, 6, 7]),
            "[nieuw] [ma]teriaal"
        );
        assert_eq!(mark("abc", &[2]), "ab[c]");
        assert_eq!(mark("", &[0]), "");
    }

    #[test]
    fn tables_align_by_display_width() {
        let rows = vec![vec!["Szabó".to_string(), "1".to_string()]];
        assert_eq!(table(&["LABEL", "N"], &rows), "LABEL  N\nSzabó  1\n");
    }
}
