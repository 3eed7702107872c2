//! What the index tests share: generated letters in a temporary directory with its own
//! cache, and queries made of the letters' own words. A test that uses it declares the
//! generator's modules (`examples/gen_corpus`) at its root, as `index_props.rs` does.

#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use brieven::cache::index::Index;
use brieven::cache::{Cache, register_key};
use brieven::corpus::{Corpus, Listing};
use brieven::search::Hit;

/// Generated letters in a directory, their times an hour back (not "racy": the index is
/// trusted only for files older than when it was written).
pub struct Archive {
    pub dir: tempfile::TempDir,
}

impl Archive {
    pub fn new(seed: u64, n: usize) -> Archive {
        let dir = tempfile::tempdir().expect("temporary directory");
        fs::create_dir(dir.path().join("letters")).expect("mkdir");
        let archive = Archive { dir };
        for (name, text) in crate::letters::corpus(seed, n) {
            archive.put(&name, &text);
        }
        archive
    }

    pub fn put(&self, name: &str, text: &str) {
        let path = self.letters().join(name);
        fs::write(&path, text).expect("write");
        let file = fs::File::options().append(true).open(&path).expect("open");
        file.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .expect("set time");
    }

    pub fn letters(&self) -> PathBuf {
        self.dir.path().join("letters")
    }

    pub fn cache(&self) -> Cache {
        Cache::at(self.dir.path().join("cache"))
    }

    pub fn paths(&self) -> Vec<PathBuf> {
        vec![self.letters()]
    }

    pub fn files(&self) -> Vec<PathBuf> {
        Corpus::letter_files(&self.paths()).expect("letter files")
    }

    pub fn listing(&self) -> Listing {
        Corpus::letter_listing(&self.paths()).expect("letter files")
    }

    /// Loads the letters through the cache, builds the register and search index, and
    /// writes the cache and the index; the letters and the in-memory hits for `queries`.
    pub fn build(&self, queries: &[String], limit: usize) -> Vec<Vec<Hit>> {
        let (corpus, mut cached) = self.cache().load(&self.paths(), &self.files(), None);
        let (register, index) = cached.search(&corpus.letters, &[]).expect("register");
        let hits = queries
            .iter()
            .map(|q| index.search(&corpus.letters, &register, q, limit))
            .collect();
        cached.keep_index();
        cached.save(&corpus.letters).expect("cache written");
        cached
            .save_index(&corpus.letters, &corpus.warnings)
            .expect("index written");
        hits
    }

    pub fn open(&self) -> Option<Index> {
        self.cache()
            .open_index(&self.paths(), &self.listing(), Some(register_key(&[])))
    }

    pub fn index_file(&self) -> PathBuf {
        let dir = self.dir.path().join("cache");
        fs::read_dir(&dir)
            .expect("cache dir")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|e| e == "index"))
            .expect("an index file")
    }
}

/// Queries made of the corpus's own words: as they are, a prefix, a typo, two in a row, with
/// a letter filter, in the notes only; and a few of every kind.
pub fn queries(archive: &Archive, picks: &[(usize, u8)]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for file in archive.files() {
        let text = fs::read_to_string(&file).expect("read");
        words.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_string),
        );
    }
    let mut out: Vec<String> = [
        "encryptie",
        "18 september 2023",
        "date:2024",
        "org:",
        "person: in:00001",
        "xqzvwk",
        "",
        "Yeşilgöz-Zegerius",
    ]
    .map(String::from)
    .to_vec();
    if words.is_empty() {
        return out;
    }
    for &(pick, how) in picks {
        let at = pick % words.len();
        let word = &words[at];
        let next = words.get(at + 1).map_or("", String::as_str);
        let q = match how {
            0 => word.clone(),
            1 => word.chars().take(3 + pick % 3).collect(),
            2 => {
                let mut chars: Vec<char> = word.chars().collect();
                chars.swap(1, 2);
                chars.into_iter().collect()
            }
            3 => format!("{word} {next}"),
            4 => format!("{word} in:{:05}", pick % 7),
            _ => format!("notes: {word}"),
        };
        out.push(q);
    }
    out
}

/// Writes `bytes` to `path` as the writer does: whole, under another name, renamed.
pub fn write_whole(path: &std::path::Path, bytes: &[u8]) {
    let temp = path.with_extension("test-tmp");
    fs::write(&temp, bytes).expect("write");
    fs::rename(&temp, path).expect("rename");
}

/// Changes bytes of the file at `path` in turn (a sample of about 300), each time opening
/// the archive's index: it is refused, or answers `queries` as `expected` and gives every
/// row, or says it is damaged; never a panic. How many were refused and how many found
/// damaged. The file is put back as it was.
pub fn change_each_byte(
    archive: &Archive,
    path: &std::path::Path,
    queries: &[String],
    expected: &[Vec<Hit>],
) -> (usize, usize) {
    let original = fs::read(path).expect("read");
    let step = (original.len() / 300).max(1);
    let (mut refused, mut found) = (0, 0);
    for at in (0..original.len()).step_by(step) {
        let mut bytes = original.clone();
        bytes[at] ^= 0x5a;
        write_whole(path, &bytes);
        let Some(index) = archive.open() else {
            refused += 1;
            continue;
        };
        let got: Vec<Vec<Hit>> = queries
            .iter()
            .map(|q| brieven::search::search_in(&index, q, 20))
            .collect();
        let rows: Vec<_> = (0..index.len()).map(|i| index.row(i)).collect();
        let whole = !index.damaged();
        found += usize::from(!whole);
        assert!(
            got == expected || !whole,
            "byte {at} changed: wrong answers from an index that says it is whole"
        );
        assert!(rows.iter().all(Option::is_some) || !whole, "byte {at}");
    }
    write_whole(path, &original);
    (refused, found)
}
