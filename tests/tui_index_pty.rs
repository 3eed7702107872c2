//! The reader opens on the on-disk index (issue 17): when `brieven list` (or a search) has
//! left a current index, the reader's screen (the letter list from the index's rows, the
//! letter it opens on decoded from the cache by itself) shows while the letters are still
//! loading, and a key typed then is acted on once they are in.

#![cfg(unix)]

mod pty;

use std::time::{Duration, SystemTime};

use brieven::corpus::Corpus;
use pty::Launch;

#[test]
fn the_reader_shows_the_index_while_the_letters_load() {
    // The seed letters, their times an hour back (the index trusts no "racy" file).
    let dir = tempfile::tempdir().unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let to = dir.path().join(path.file_name().unwrap());
            std::fs::copy(&path, &to).unwrap();
            let file = std::fs::File::options().append(true).open(&to).unwrap();
            file.set_modified(SystemTime::now() - Duration::from_secs(3600))
                .unwrap();
        }
    }
    let path = dir.path().to_str().unwrap();
    let corpus = Corpus::load_files(&Corpus::letter_files(&[dir.path().into()]).unwrap(), None);
    let n = corpus.letters.len();
    // The letter the reader opens on: the oldest; a few words of its first paragraph.
    let first = corpus.letters.iter().min_by_key(|l| l.date).unwrap();
    let (_, _, para) = first.paragraphs().next().unwrap();
    let words: String = para
        .text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let cache = tempfile::tempdir().unwrap();
    let cache_dir = cache.path().to_str().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(["list", path])
        .env("XDG_CACHE_HOME", cache_dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let env = [
        ("XDG_CACHE_HOME", cache_dir),
        ("BRIEVEN_TEST_SLOW_LOAD", "4000"),
    ];
    let mut s = Launch::new()
        .args(&["--no-state", path])
        .env(&env)
        .size(120, 36)
        .reporting()
        .start();
    s.wait_for("the letter list and the first letter while loading", |s| {
        let screen = s.screen();
        screen.contains(&format!("Loading letters: 0 of {n}"))
            && screen.contains(&format!("Letters ({n})"))
            && screen.contains(&words)
    });
    s.send("?");
    s.wait_for("the help, once the letters are in", |s| {
        let screen = s.screen();
        screen.contains("Keys — Esc closes") && !screen.contains("Loading letters")
    });
    s.send("\x1b");
    s.wait_for("the help to close", |s| {
        !s.screen().contains("Keys — Esc closes")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

/// Without an index (no command has run on these letters), the progress screen shows.
#[test]
fn without_an_index_the_progress_screen_shows() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let seed = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    std::fs::copy(&seed, dir.path().join("a.txt")).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let env = [
        ("XDG_CACHE_HOME", cache.path().to_str().unwrap()),
        ("BRIEVEN_TEST_SLOW_LOAD", "1500"),
    ];
    let mut s = Launch::new()
        .args(&["--no-state", dir.path().to_str().unwrap()])
        .env(&env)
        .size(120, 36)
        .reporting()
        .start();
    s.wait_for("the progress screen", |s| {
        let screen = s.screen();
        screen.contains("Loading letters: 0 of 1") && !screen.contains("Letters (1)")
    });
    s.wait_text("Letters (1)");
    s.send("q");
    assert_eq!(s.finish(), 0);
}
