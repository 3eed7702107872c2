//! The cache of parsed letters as a user meets it: the second run answers as the first did,
//! an edited letter is seen at once, a damaged or unwritable cache changes nothing but speed,
//! `--no-cache` leaves no trace, and `brieven cache` says where it is and empties it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

/// A directory of letters (the seeds and the test fixtures, copied) and a cache directory.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("temporary directory");
        let letters = dir.path().join("letters");
        fs::create_dir(&letters).expect("mkdir");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for source in [root.join("seeds"), root.join("tests/fixtures")] {
            for entry in fs::read_dir(source).expect("read dir") {
                let path = entry.expect("entry").path();
                let keep = path
                    .extension()
                    .is_some_and(|e| e == "md" || e == "txt" || e == "toml");
                if keep && path.file_name().is_some_and(|n| n != "register.toml") {
                    let copy = letters.join(path.file_name().expect("name"));
                    fs::copy(&path, &copy).expect("copy");
                    // An hour old: not so new that the cache and index check it by hash
                    // (as a user's letters are), so the second run answers from the index.
                    let file = fs::File::options().append(true).open(&copy).expect("open");
                    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
                        .expect("set time");
                }
            }
        }
        Setup { dir }
    }

    fn letters(&self) -> PathBuf {
        self.dir.path().join("letters")
    }

    fn cache_home(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        match fs::read_dir(self.cache_home().join("brieven")) {
            Ok(entries) => entries.map(|e| e.expect("entry").path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// `brieven ARGS` with this setup's cache home.
    fn run(&self, args: &[&str]) -> Output {
        self.run_with_cache_home(args, &self.cache_home())
    }

    fn run_with_cache_home(&self, args: &[&str], home: &Path) -> Output {
        Command::new(env!("CARGO_BIN_EXE_brieven"))
            .args(args)
            .env("XDG_CACHE_HOME", home)
            .env("COLUMNS", "100")
            .output()
            .expect("the binary runs")
    }

    /// The outputs users compare across runs: search hits, the register, the letters.
    fn outputs(&self) -> Vec<(String, Output)> {
        self.outputs_with(&[])
    }

    fn outputs_with(&self, extra: &[&str]) -> Vec<(String, Output)> {
        let letters = self.letters();
        let letters = letters.to_str().expect("UTF-8 path");
        let commands: [&[&str]; 6] = [
            &["search", "nieuw materiaal", "--json", letters],
            &["entities", "--json", letters],
            &["export", letters],
            &["list", letters],
            // The register's table, from the on-disk index once a run has written it.
            &["entities", letters],
            &["entities", "--kind", "person", letters],
        ];
        commands
            .iter()
            .map(|args| {
                let args: Vec<&str> = args.iter().chain(extra).copied().collect();
                (args.join(" "), self.run(&args))
            })
            .collect()
    }
}

fn assert_same(first: &[(String, Output)], second: &[(String, Output)]) {
    for ((command, a), (_, b)) in first.iter().zip(second) {
        assert!(a.status.success(), "{command}: {a:?}");
        assert_eq!(a.status, b.status, "{command}");
        assert_eq!(a.stdout, b.stdout, "{command}: stdout differs");
        assert_eq!(a.stderr, b.stderr, "{command}: stderr differs");
    }
}

#[test]
fn a_cached_run_answers_exactly_as_an_uncached_one() {
    let s = Setup::new();
    let uncached = s.outputs_with(&["--no-cache"]);
    // Before the subcommand too.
    let letters = s.letters();
    let before = s.run(&["--no-cache", "list", letters.to_str().expect("UTF-8 path")]);
    assert_eq!(before.stdout, uncached[3].1.stdout);
    assert!(
        s.cache_files().is_empty(),
        "--no-cache wrote {:?}",
        s.cache_files()
    );
    let first = s.outputs();
    let mut names: Vec<String> = s
        .cache_files()
        .iter()
        .filter_map(|p| Some(p.extension()?.to_str()?.to_string()))
        .collect();
    names.sort();
    // And, once a run has listed the letters and found the index current with their
    // directory older than two seconds, the record of that listing.
    names.retain(|n| n != "seen");
    assert_eq!(names, ["cache", "index"], "one cache file and its index");
    let second = s.outputs();
    assert_same(&uncached, &first);
    assert_same(&first, &second);
    let hits = String::from_utf8_lossy(&second[0].1.stdout).into_owned();
    assert!(hits.contains("\"results\""), "{hits}");
}

#[test]
fn an_edited_letter_is_seen_on_the_next_run() {
    let s = Setup::new();
    let letters = s.letters();
    let letters = letters.to_str().expect("UTF-8 path");
    let search = ["search", "zeepbellenblazer", "--json", letters];
    assert_eq!(s.run(&search).status.code(), Some(1), "not there yet");
    let file = s.letters().join("pdf_utrecht.txt");
    let mut text = fs::read_to_string(&file).expect("read");
    text = text.replacen("Jaarlijks ontvangt", "De zeepbellenblazer ontvangt", 1);
    fs::write(&file, text).expect("write");
    let found = s.run(&search);
    assert_eq!(found.status.code(), Some(0), "{found:?}");
    assert!(String::from_utf8_lossy(&found.stdout).contains("pdf_utrecht"));
    // And a letter removed is gone.
    fs::remove_file(&file).expect("remove");
    assert_eq!(s.run(&search).status.code(), Some(1));
}

#[test]
fn a_damaged_cache_changes_nothing_but_speed() {
    let s = Setup::new();
    let first = s.outputs();
    for file in s.cache_files() {
        let mut bytes = fs::read(&file).expect("read");
        let middle = bytes.len() / 2;
        for b in &mut bytes[middle..middle + 64] {
            *b ^= 0xff;
        }
        fs::write(&file, bytes).expect("write");
    }
    assert_same(&first, &s.outputs());
    for file in s.cache_files() {
        fs::write(&file, b"not a cache").expect("write");
    }
    assert_same(&first, &s.outputs());
}

#[test]
fn a_cache_that_cannot_be_written_is_no_error() {
    let s = Setup::new();
    let first = s.outputs();
    // The cache home is a file: nothing can be created under it.
    let blocked = s.dir.path().join("blocked");
    fs::write(&blocked, b"a file").expect("write");
    let letters = s.letters();
    let letters = letters.to_str().expect("UTF-8 path");
    let out = s.run_with_cache_home(&["search", "nieuw materiaal", "--json", letters], &blocked);
    assert_eq!(out.stdout, first[0].1.stdout);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_cache_command_says_where_and_clears() {
    let s = Setup::new();
    let letters = s.letters();
    s.run(&["list", letters.to_str().expect("UTF-8 path")]);
    let dir = s.cache_home().join("brieven");
    let out = s.run(&["cache", "dir"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}\n", dir.display())
    );
    let out = String::from_utf8_lossy(&s.run(&["cache"]).stdout).into_owned();
    assert!(out.contains("1 cache file(s)"), "{out}");
    let out = String::from_utf8_lossy(&s.run(&["cache", "clear"]).stdout).into_owned();
    assert!(out.ends_with("removed 1 cache file(s)\n"), "{out}");
    assert!(s.cache_files().is_empty());
    // The letters are as they were: nothing was written beside them.
    let names: Vec<_> = fs::read_dir(&letters).expect("dir").collect();
    assert_eq!(names.len(), 14, "{names:?}");
}

/// The register's table from the on-disk index keeps the column of where an act in the
/// letters defines a term, as the table from the loaded letters shows it.
#[test]
fn the_register_from_the_index_says_where_terms_are_defined() {
    let s = Setup::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let act = s.letters().join("platform_act.html");
    fs::copy(root.join("tests/fixtures/acts/platform_act.html"), &act).expect("copy");
    let file = fs::File::options().append(true).open(&act).expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("set time");
    let letters = s.letters();
    let letters = letters.to_str().expect("UTF-8 path");
    let table = ["entities", "--kind", "term", letters];
    let uncached = s.run(&[&table[..], &["--no-cache"]].concat());
    let out = String::from_utf8_lossy(&uncached.stdout).into_owned();
    assert!(
        out.lines()
            .next()
            .is_some_and(|h| h.ends_with("DEFINED IN")),
        "{out}"
    );
    // The first run writes cache and index, the second answers from the index.
    s.run(&["search", "encryptie", "--json", letters]);
    let first = s.run(&table);
    let second = s.run(&table);
    assert_eq!(uncached.stdout, first.stdout);
    assert_eq!(first.stdout, second.stdout);
}
