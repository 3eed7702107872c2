//! The set of loaded letters: files and directories given by the user, or the letters embedded
//! in the binary from `seeds/`, each with its optional `<id>.toml` sidecar.
//!
//! Loading never panics and never writes: a file that cannot be read, is empty or is binary is
//! skipped with a warning naming it; only a path that does not exist, or a directory without
//! letters, is an error. Files are read and parsed on every core, and kept in the order given.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use include_dir::{Dir, include_dir};
use serde::Deserialize;

use crate::ingest;
use crate::model::{Letter, Stance};

mod listing;
pub use listing::Listing;

/// Everything in `seeds/`, compiled into the binary.
static SEEDS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// The acts the letters discuss, from `reference/` (EUR-Lex pages, kept as published), compiled
/// into the binary: the library has them after the letters.
static REFERENCE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/reference");

/// File extensions that hold letters.
/// The file name endings a directory's letters have (in any case).
const LETTER_EXTENSIONS: [&str; 8] = ["txt", "md", "pdf", "docx", "odt", "html", "htm", "markdown"];

/// The loaded letters, in the order given (directories sorted by file name).
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub letters: Vec<Letter>,
    /// Problems with files as a whole (skipped files, bad sidecars).
    pub warnings: Vec<String>,
}

/// Why a set of paths could not be loaded at all.
#[derive(Debug)]
pub enum CorpusError {
    NotFound(PathBuf),
    /// A directory with no letter files; the names of the other files in it.
    NoLetters(PathBuf, Vec<String>),
    Unreadable(PathBuf, std::io::Error),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::NotFound(p) => write!(f, "{}: no such file or directory", shown(p)),
            CorpusError::NoLetters(p, others) => {
                write!(
                    f,
                    "{}: no letters in this directory: brieven reads *.txt, *.md, *.pdf, \
                     *.docx, *.odt and *.html files",
                    shown(p)
                )?;
                if let Some((first, rest)) = others.split_first() {
                    let mut names = crate::text::sanitize(first).into_owned();
                    for name in rest.iter().take(2) {
                        names.push_str(", ");
                        names.push_str(&crate::text::sanitize(name));
                    }
                    if rest.len() > 2 {
                        names.push_str(&format!(" and {} more", rest.len() - 2));
                    }
                    write!(f, "; it holds only {names}")?;
                }
                Ok(())
            }
            CorpusError::Unreadable(p, e) => write!(f, "{}: cannot read: {e}", shown(p)),
        }
    }
}

impl std::error::Error for CorpusError {}

/// Why `Corpus::find` found no single letter.
#[derive(Debug, PartialEq, Eq)]
pub enum FindError {
    NoMatch(String),
    Ambiguous(String, Vec<String>),
}

impl fmt::Display for FindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FindError::NoMatch(q) => write!(f, "no letter matches '{q}'"),
            FindError::Ambiguous(q, ids) => {
                write!(f, "'{q}' matches several letters: {}", ids.join(", "))
            }
        }
    }
}

impl std::error::Error for FindError {}

/// What a sidecar `<id>.toml` may say about its letter. It fills gaps; it does not override
/// what the text states.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    pub sender: Option<String>,
    pub place: Option<String>,
    pub stance: Option<Stance>,
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub signed_by: Vec<String>,
}

impl Sidecar {
    /// Fills the gaps in `letter`, with the sidecar's strings sanitized as the letter's text
    /// is (a sidecar is as untrusted as its letter); all but the summary on one line.
    pub fn apply(mut self, letter: &mut Letter) {
        let line = |s: &mut String| *s = crate::text::sanitize_line(s).into_owned();
        for s in [&mut self.sender, &mut self.place].into_iter().flatten() {
            line(s);
        }
        for list in [&mut self.recipients, &mut self.signed_by, &mut self.tags] {
            list.iter_mut().for_each(line);
        }
        if let Some(summary) = &mut self.summary {
            *summary = crate::text::sanitize(summary).into_owned();
        }
        if letter.sender.is_none() {
            letter.sender = self.sender;
        }
        if letter.place.is_none() {
            letter.place = self.place;
        }
        if letter.recipients.is_empty() {
            letter.recipients = self.recipients;
        }
        if letter.signed_by.is_empty() {
            letter.signed_by = self.signed_by;
        }
        letter.stance = self.stance.or(letter.stance);
        letter.summary = self.summary.or(letter.summary.take());
        if !self.tags.is_empty() {
            letter.tags = self.tags;
        }
    }
}

impl Corpus {
    /// The letters embedded from `seeds/`, with their sidecars.
    pub fn embedded() -> Corpus {
        let mut files: Vec<_> = SEEDS.files().filter(|f| is_letter(f.path())).collect();
        files.sort_by_key(|f| f.path());
        let mut corpus = Corpus::default();
        for file in files {
            let name = file.path().display().to_string();
            let id = letter_id(file.path());
            let sidecar = SEEDS
                .get_file(file.path().with_extension("toml"))
                .map(|f| (f.path().display().to_string(), f.contents().to_vec()));
            corpus.add(&id, &format!("embedded:{name}"), file.contents(), sidecar);
        }
        let mut acts: Vec<_> = REFERENCE.files().filter(|f| is_letter(f.path())).collect();
        acts.sort_by_key(|f| f.path());
        for file in acts {
            let name = file.path().display().to_string();
            let id = letter_id(file.path());
            let loaded = prepare(&id, &format!("embedded:{name}"), file.contents(), None);
            // The folder's other files (its list of sources) are no acts.
            if loaded.letter.as_ref().is_some_and(Letter::is_act) {
                corpus.absorb(loaded);
            }
        }
        corpus
    }

    /// The embedded letters, then these (`--with-embedded`: the dossier's letters beside your
    /// own, for a binary installed without the `seeds/` folder).
    pub fn with_embedded(self) -> Corpus {
        let mut all = Corpus::embedded();
        all.letters.extend(self.letters);
        all.warnings.extend(self.warnings);
        all
    }

    /// A file embedded from `seeds/` by name (`register.toml`, say).
    pub fn embedded_file(name: &str) -> Option<&'static str> {
        SEEDS.get_file(name).and_then(|f| f.contents_utf8())
    }

    /// Loads files and directories (a directory: its `*.txt` and `*.md`, sorted by name).
    pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
        Ok(Corpus::load_files(&Corpus::letter_files(paths)?, None))
    }

    /// The letter files `paths` name, in order (a directory: its `*.txt` and `*.md`, sorted by
    /// name); an error for a path that does not exist or a directory without letters. Cheap:
    /// nothing is read but the directories.
    pub fn letter_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
        Ok(listing::list(paths)?.files)
    }

    /// [`Corpus::letter_files`] with what the directories' listings showed of the letters'
    /// sidecars (see [`Listing`]).
    pub fn letter_listing(paths: &[PathBuf]) -> Result<Listing, CorpusError> {
        listing::list(paths)
    }

    /// Reads and parses `files` on every core, keeping their order; `progress`, when given,
    /// counts the files done (for a progress display on another thread).
    pub fn load_files(files: &[PathBuf], progress: Option<&AtomicUsize>) -> Corpus {
        Corpus::from_loaded(map_in_parallel(files, |file| {
            let loaded = load_file(file);
            if let Some(done) = progress {
                done.fetch_add(1, Ordering::Relaxed);
            }
            loaded
        }))
    }

    /// Loads `paths`, or the embedded letters when there are none.
    pub fn from_args(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
        if paths.is_empty() {
            Ok(Corpus::embedded())
        } else {
            Corpus::load(paths)
        }
    }

    fn add(&mut self, id: &str, source: &str, bytes: &[u8], sidecar: Option<(String, Vec<u8>)>) {
        self.absorb(prepare(id, source, bytes, sidecar));
    }

    /// The corpus of loaded files, in their order.
    pub(crate) fn from_loaded(loaded: impl IntoIterator<Item = Loaded>) -> Corpus {
        let mut corpus = Corpus::default();
        for loaded in loaded {
            corpus.absorb(loaded);
        }
        corpus
    }

    fn absorb(&mut self, loaded: Loaded) {
        self.warnings.extend(loaded.warnings);
        self.letters.extend(loaded.letter);
    }

    /// The letter whose id is `query`, or the only one whose id contains it.
    pub fn find(&self, query: &str) -> Result<&Letter, FindError> {
        if let Some(letter) = self.letters.iter().find(|l| l.id == query) {
            return Ok(letter);
        }
        let mut hits: Vec<&Letter> = self
            .letters
            .iter()
            .filter(|l| l.id.contains(query))
            .collect();
        if hits.is_empty() {
            // Case and punctuation aside, the id or an act's number: `COM-2022-209` finds the
            // act numbered `COM(2022) 209 final`.
            let key = alphanumeric(query);
            hits = self
                .letters
                .iter()
                .filter(|l| {
                    !key.is_empty()
                        && (alphanumeric(&l.id).contains(&key)
                            || l.is_act()
                                && l.reference
                                    .as_deref()
                                    .is_some_and(|r| alphanumeric(r).contains(&key)))
                })
                .collect();
        }
        match hits.as_slice() {
            [one] => Ok(one),
            [] => Err(FindError::NoMatch(query.to_string())),
            many => Err(FindError::Ambiguous(
                query.to_string(),
                many.iter().map(|l| l.id.clone()).collect(),
            )),
        }
    }

    /// Every warning: the corpus's own and each letter's.
    pub fn all_warnings(&self) -> impl Iterator<Item = &str> {
        self.warnings
            .iter()
            .chain(self.letters.iter().flat_map(|l| l.warnings.iter()))
            .map(String::as_str)
    }
}

/// Letters and digits only, in lower case: ids and document numbers compared as written loosely.
fn alphanumeric(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What loading one file gave: its letter (none when it was skipped) and the warnings about
/// the file as a whole.
pub(crate) struct Loaded {
    pub letter: Option<Letter>,
    pub warnings: Vec<String>,
}

/// Reads and parses one letter file and its sidecar.
fn load_file(file: &Path) -> Loaded {
    match read_letter(file) {
        Ok(read) => prepare(
            &letter_id(file),
            &file.display().to_string(),
            &read.bytes,
            read.sidecar,
        ),
        Err(warning) => Loaded {
            letter: None,
            warnings: vec![warning],
        },
    }
}

/// A letter file's bytes, and its sidecar's path and bytes when it has a readable one.
pub(crate) struct LetterFile {
    pub bytes: Vec<u8>,
    pub sidecar: Option<(String, Vec<u8>)>,
}

/// The most brieven reads from one letter file: larger files (and endless ones such as
/// `/dev/zero`) are skipped with a warning, never read into memory whole.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a letter file and its sidecar; the warning that skips it when it cannot be read, is
/// not a regular file (a FIFO, a device, a socket: reading one could block forever or never
/// end) or is larger than [`MAX_FILE_BYTES`].
pub(crate) fn read_letter(file: &Path) -> Result<LetterFile, String> {
    let skipped = |why: String| format!("{}: skipped: {why}", shown(file));
    let bytes = read_regular(file, MAX_FILE_BYTES).map_err(skipped)?;
    let sidecar_path = file.with_extension("toml");
    let sidecar = read_regular(&sidecar_path, MAX_FILE_BYTES)
        .ok()
        .map(|b| (sidecar_path.display().to_string(), b));
    Ok(LetterFile { bytes, sidecar })
}

/// The bytes of a regular file of at most `limit` bytes; what is wrong otherwise. The type is
/// checked on the opened file, so a path swapped for a FIFO after a look cannot block.
fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO without a writer blocks unless non-blocking.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, device or socket is never read)".to_string());
    }
    if meta.len() > limit {
        return Err(format!(
            "larger than {} MiB, the most brieven reads from one file",
            limit / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "larger than {} MiB, the most brieven reads from one file",
            limit / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// Parses a letter's bytes (of any format the readers know) and applies its sidecar; empty
/// files, binary files of no known format and files a reader cannot read are skipped with a
/// warning that names the file and says why.
pub(crate) fn prepare(
    id: &str,
    source: &str,
    bytes: &[u8],
    sidecar: Option<(String, Vec<u8>)>,
) -> Loaded {
    // The extension as the file has it; the name as it may be shown.
    let extension = Path::new(source).extension().and_then(|e| e.to_str());
    let source = &*crate::text::sanitize_line(source);
    let skipped = |why: &str| Loaded {
        letter: None,
        warnings: vec![format!("{source}: skipped: {why}")],
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return skipped("the file is empty");
    }
    let format = match ingest::read::sniff(extension, bytes) {
        Ok(format) => format,
        Err(e) => return skipped(&e.to_string()),
    };
    if format.is_text() && bytes.contains(&0) && !ingest::decode::has_utf16_bom(bytes) {
        return skipped(&ingest::read::unknown_binary());
    }
    let mut letter = match ingest::read_file(id, source, extension, bytes) {
        Ok(letter) => letter,
        Err(e) => return skipped(&e.to_string()),
    };
    let mut warnings = Vec::new();
    if let Some((path, bytes)) = sidecar {
        match std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|s| toml::from_str::<Sidecar>(s).map_err(|e| e.to_string()))
        {
            Ok(sidecar) => sidecar.apply(&mut letter),
            Err(e) => warnings.push(format!(
                "{}: sidecar ignored: {}",
                crate::text::sanitize_line(&path),
                e.trim_end()
            )),
        }
    }
    Loaded {
        letter: Some(letter),
        warnings,
    }
}

/// `items.iter().map(f)` on every core (scoped threads taking the next item as they finish),
/// in the order of `items`.
pub(crate) fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            return done;
                        };
                        done.push((i, f(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_unstable_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn is_letter(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| LETTER_EXTENSIONS.iter().any(|l| l.eq_ignore_ascii_case(e)))
}

/// A letter's id: its file name without extension, on one line with no control character
/// (a file name is untrusted: it could hold an escape sequence or a line break).
pub(crate) fn letter_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| crate::text::sanitize_line(&s.to_string_lossy()).into_owned())
        .unwrap_or_default()
}

/// A path as messages show it: on one line, with no control character.
fn shown(path: &Path) -> String {
    crate::text::sanitize_line(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_the_order_of_its_items() {
        let items: Vec<usize> = (0..500).collect();
        let doubled = map_in_parallel(&items, |&i| {
            // Uneven work, so that workers finish out of order.
            (0..(i % 7) * 1000).for_each(|_| std::hint::black_box(()));
            i * 2
        });
        assert_eq!(doubled, (0..500).map(|i| i * 2).collect::<Vec<_>>());
        assert!(map_in_parallel(&[] as &[usize], |&i| i).is_empty());
    }

    #[test]
    fn a_directory_loads_in_name_order_with_its_warnings_in_place() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let text = "Utrecht, 14 maart 2025\n\nGeachte leden,\n\nEen korte brief.\n";
        for i in 0..40 {
            std::fs::write(dir.path().join(format!("{i:03}.txt")), text).expect("write");
        }
        std::fs::write(dir.path().join("010.txt"), "  \n").expect("write");
        std::fs::write(dir.path().join("020.toml"), "nonsense = [").expect("write");
        let corpus = Corpus::load(&[dir.path().to_path_buf()]).expect("loads");
        let ids: Vec<&str> = corpus.letters.iter().map(|l| l.id.as_str()).collect();
        let want: Vec<String> = (0..40)
            .filter(|&i| i != 10)
            .map(|i| format!("{i:03}"))
            .collect();
        assert_eq!(ids, want);
        assert_eq!(corpus.warnings.len(), 2);
        assert!(corpus.warnings[0].contains("010.txt: skipped: the file is empty"));
        assert!(corpus.warnings[1].contains("020.toml: sidecar ignored"));
    }
}
