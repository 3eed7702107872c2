//! A cached search runs while the letter files are looked at (issue 17): the index is opened
//! from the record of its directories, helper threads `stat` the letter files in chunks while
//! the calling thread searches, and the answer is handed out only when every file is
//! unchanged. Here over several paths (two directories of letters, more than one chunk each,
//! and one file named by itself), with a letter written in place, keeping its size and
//! modification time, in each part of them: the first file, a later chunk, the other
//! directory, the file named alone. Never is the answer of the index before handed out.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use brieven::cache::{Cache, HELPERS_FROM, register_key};
use brieven::corpus::Corpus;
use brieven::search::{Hit, search_in};

/// Letters in the directories `a` and `b` (more than one chunk of files each), and `c.md`.
struct Tree {
    dir: tempfile::TempDir,
}

const IN_A: usize = 300;
const IN_B: usize = 140;

/// A letter's text: each names its number; `kwartel` (a word the searches look for) in
/// every seventh.
fn text(n: usize) -> String {
    let bird = if n.is_multiple_of(7) {
        "kwartel"
    } else {
        "mussen"
    };
    format!(
        "# Brief {n}\n\nGeachte voorzitter,\n\nDe minister schrijft over encryptie, de {bird} \
         en brief{n}.\n\nEen tweede alinea.\n"
    )
}

/// Sets a path's modification time an hour back.
fn an_hour_back(path: &Path) {
    fs::File::open(path)
        .expect("open")
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("set time");
}

impl Tree {
    fn new() -> Tree {
        let tree = Tree {
            dir: tempfile::tempdir().expect("temporary directory"),
        };
        for (sub, count, from) in [("a", IN_A, 0), ("b", IN_B, IN_A)] {
            fs::create_dir_all(tree.root().join(sub)).expect("mkdir");
            for n in from..from + count {
                tree.put(&tree.root().join(sub).join(format!("{n:05}.md")), &text(n));
            }
        }
        tree.put(&tree.root().join("c.md"), &text(IN_A + IN_B));
        for sub in ["a", "b"] {
            an_hour_back(&tree.root().join(sub));
        }
        tree
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("letters")
    }

    fn put(&self, path: &Path, text: &str) {
        fs::write(path, text).expect("write");
        an_hour_back(path);
    }

    fn paths(&self) -> Vec<PathBuf> {
        ["a", "b", "c.md"].map(|p| self.root().join(p)).to_vec()
    }

    fn cache(&self) -> Cache {
        Cache::at(self.dir.path().join("cache"))
    }

    /// Loads the letters, writes cache and index, lists them once (which leaves the record
    /// of the directories); the in-memory hits for `q`.
    fn ready(&self, q: &str) -> Vec<Hit> {
        let files = Corpus::letter_files(&self.paths()).expect("letter files");
        let (corpus, mut cached) = self.cache().load(&self.paths(), &files, None);
        let (register, index) = cached.search(&corpus.letters, &[]).expect("register");
        let hits = index.search(&corpus.letters, &register, q, 20);
        cached.keep_index();
        cached.save(&corpus.letters).expect("cache written");
        cached
            .save_index(&corpus.letters, &corpus.warnings)
            .expect("index written");
        let listing = Corpus::letter_listing(&self.paths()).expect("listing");
        let listed = self
            .cache()
            .open_index(&self.paths(), &listing, Some(register_key(&[])));
        assert!(listed.is_some(), "current when listed");
        hits
    }

    /// The hits for `q` of a search done while the files are looked at, when the index is
    /// found current from the record.
    /// With helper threads looking at the files (any number of files), and on the calling
    /// thread alone after the search (fewer than `HELPERS_FROM`, as here): both must give the
    /// same.
    fn search_seen(&self, q: &str) -> Option<Vec<Hit>> {
        let cache = self.cache();
        let [helped, alone] = [0, HELPERS_FROM].map(|from| {
            let paths = self.paths();
            let done = cache
                .open_index_seen_with(&paths, Some(&[]), from, |index| search_in(index, q, 20));
            done.map(|(_, hits)| hits)
        });
        assert_eq!(helped, alone, "{q}: with helpers and without");
        helped
    }
}

/// Writes `file` in place with `encryptie` changed for `pelikanen` (as long: the same size),
/// its modification time set back as it was: only its change time tells.
fn write_in_place(file: &Path) {
    let before = fs::metadata(file).expect("meta");
    let text = fs::read_to_string(file).expect("read");
    let changed = text.replacen("encryptie", "pelikanen", 1);
    assert_ne!(text, changed);
    fs::write(file, changed).expect("write");
    fs::File::options()
        .append(true)
        .open(file)
        .expect("open")
        .set_modified(before.modified().expect("mtime"))
        .expect("set time");
    assert_eq!(fs::metadata(file).expect("meta").len(), before.len());
}

#[test]
fn the_search_done_meanwhile_is_the_search_of_the_letters() {
    let tree = Tree::new();
    for q in ["kwartel", "encryptie", "brief301", "xqzvwk"] {
        let expected = tree.ready(q);
        assert_eq!(tree.search_seen(q).as_ref(), Some(&expected), "{q}");
    }
}

#[test]
fn a_letter_written_in_place_anywhere_gives_no_answer() {
    let places = [
        ("a", 0),
        ("a", IN_A - 1),
        ("a", 200),
        ("b", IN_A + 3),
        ("b", IN_A + IN_B - 1),
    ];
    for (sub, n) in places {
        let tree = Tree::new();
        tree.ready("pelikanen");
        assert!(tree.search_seen("pelikanen").is_some(), "current before");
        write_in_place(&tree.root().join(sub).join(format!("{n:05}.md")));
        assert_eq!(tree.search_seen("pelikanen"), None, "{sub}/{n:05}.md");
        assert!(
            tree.cache()
                .open_index_seen(&tree.paths(), Some(&[]))
                .is_none()
        );
    }
    let tree = Tree::new();
    tree.ready("pelikanen");
    write_in_place(&tree.root().join("c.md"));
    assert_eq!(tree.search_seen("pelikanen"), None, "the file named alone");
}

/// `brieven search` over two directories and a file: a letter written in place in the
/// second directory is found by the next search, as a search without the cache finds it.
#[test]
fn the_cli_finds_a_letter_written_in_place_in_another_directory() {
    let tree = Tree::new();
    let paths: Vec<String> = tree
        .paths()
        .iter()
        .map(|p| p.to_str().expect("UTF-8 path").to_string())
        .collect();
    let run = |q: &str, cached: bool| {
        let mut args = vec!["search", q, "--json"];
        if !cached {
            args.push("--no-cache");
        }
        std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
            .args(args)
            .args(&paths)
            .env("XDG_CACHE_HOME", tree.dir.path().join("home"))
            .output()
            .expect("the binary runs")
    };
    run("encryptie", true);
    run("encryptie", true);
    let record = tree.dir.path().join("home/brieven");
    let seen = fs::read_dir(&record)
        .expect("cache dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "seen"))
        })
        .count();
    assert_eq!(seen, 1, "the second run left a record");
    assert_eq!(
        run("pelikanen", true).status.code(),
        Some(1),
        "not there yet"
    );
    write_in_place(&tree.root().join("b").join(format!("{:05}.md", IN_A + 70)));
    let (found, expected) = (run("pelikanen", true), run("pelikanen", false));
    assert_eq!(found.status.code(), Some(0), "{found:?}");
    assert_eq!(found.stdout, expected.stdout);
    assert_eq!(run("pelikanen", true).stdout, expected.stdout, "and after");
}
