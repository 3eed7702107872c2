//! The reader opens on the on-disk index (issue 17): when `brieven list` (or a search) has
//! left a current index, the reader's screen (the letter list from the index's rows, the
//! letter it opens on decoded from the cache by itself) shows while the letters are still
//! loading. With a search's index, `/` searches it and Enter opens a letter then; a key that
//! needs the letters (the register) is acted on once they are in.

#![cfg(unix)]

mod pty;

use std::time::{Duration, SystemTime};

use brieven::corpus::Corpus;
use pty::{Launch, Session};

/// The seed letters in a directory of their own, their times an hour back (the index trusts
/// no "racy" file), and those letters loaded.
fn seed_letters() -> (tempfile::TempDir, Corpus) {
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
    let corpus = Corpus::load_files(&Corpus::letter_files(&[dir.path().into()]).unwrap(), None);
    (dir, corpus)
}

/// The reader on the letters in `path` whose index `brieven COMMAND... path` (`list`, or a
/// `search` for one with the search sections) wrote in `cache`, their loading held back
/// `slow` ms.
fn reader_on_index(path: &str, cache: &std::path::Path, command: &[&str], slow: &str) -> Session {
    let cache = cache.to_str().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(command)
        .arg(path)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let env = [("XDG_CACHE_HOME", cache), ("BRIEVEN_TEST_SLOW_LOAD", slow)];
    Launch::new()
        .args(&["--no-state", path])
        .env(&env)
        .size(120, 36)
        .reporting()
        .start()
}

#[test]
fn the_reader_shows_the_index_while_the_letters_load() {
    let (dir, corpus) = seed_letters();
    let path = dir.path().to_str().unwrap();
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
    let mut s = reader_on_index(path, cache.path(), &["list"], "4000");
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
    close_and_quit(s, "Keys — Esc closes");
}

/// Esc closes what shows `title`, then `q` quits.
fn close_and_quit(mut s: Session, title: &str) {
    s.send("\x1b");
    s.wait_for("the overlay to close", |s| !s.screen().contains(title));
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn while_the_letters_load_the_index_searches_and_opens_the_letter_found() {
    let (dir, corpus) = seed_letters();
    let path = dir.path().to_str().unwrap();
    let letters = &corpus.letters;
    let n = letters.len();
    // A word whose hits are passages only, the first not in the letter the reader opens on
    // (the oldest): only a search finds it. The reader searches as the library does.
    let opens = (0..n).min_by_key(|&i| letters[i].date).unwrap();
    let register = brieven::register::Register::build(letters);
    let index = brieven::search::SearchIndex::new(letters, &register);
    let (word, found) = letters
        .iter()
        .flat_map(|l| l.paragraphs().map(|(_, _, p)| p.text.clone()))
        .flat_map(|t| {
            t.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 9 && w.chars().all(char::is_alphabetic))
        .find_map(|w| {
            let hits = index.search(letters, &register, &w, 200);
            let first = hits.first()?.passage.as_ref()?.letter_index;
            let passages = hits.iter().all(|h| h.passage.is_some());
            (passages && first != opens).then_some((w, first))
        })
        .expect("a word only passages hold");
    // The Reading pane's title names it so (the Letters pane lists date and sender apart).
    let title = format!(
        "{}, {}",
        brieven::text::sanitize(letters[found].sender_or_unknown()),
        letters[found].date.unwrap()
    );
    let cache = tempfile::tempdir().unwrap();
    // A search leaves an index with the search sections.
    let mut s = reader_on_index(path, cache.path(), &["search", "x"], "8000");
    let loading = format!("Loading letters: 0 of {n}");
    s.wait_for("the reader on the index", |s| {
        s.screen().contains(&loading) && s.screen().contains(&format!("Letters ({n})"))
    });
    assert!(!s.screen().contains(&title), "{title} is not open yet");
    s.send("/");
    s.send(&word);
    s.wait_for("the index's results", |s| {
        s.screen().lines().any(|l| {
            l.contains(&format!("/ {word}▏")) && (l.contains(" result") || l.contains("results"))
        })
    });
    // Enter on the first hit: that letter opens, decoded from the index, at the word, while
    // the letters still load.
    s.send("\r");
    s.wait_for("the letter found, open at the word", |s| {
        let screen = s.screen();
        !screen.contains("Search — Enter jumps")
            && screen.contains(&title)
            && screen.to_lowercase().contains(&word)
    });
    // The status line shows the trail through the passages found; Esc clears it, and the
    // progress shows again: the letters were still loading.
    s.send("\x1b");
    s.wait_for("the letters still loading", |s| {
        s.screen().contains(&loading)
    });
    // The register needs the letters: it opens once they are in.
    s.send("r");
    s.wait_for("the register, once the letters are in", |s| {
        let screen = s.screen();
        screen.contains("Register — Tab kind") && !screen.contains("Loading letters")
    });
    close_and_quit(s, "Register — Tab kind");
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
