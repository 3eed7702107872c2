//! An index known to be current without listing its directory (issue 17's search speed): once
//! a run has listed the letters and found the index current, the next runs only look at each
//! letter file while the directory keeps its stamp. Whatever changes, the index is never
//! believed stale: a letter written in place, added, removed or renamed, a sidecar added, a
//! directory too recent to trust, a link that could become a letter, a damaged record.

include!("../examples/gen_corpus/outside.rs");

mod index_common;

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use brieven::cache::index::Index;
use brieven::search::search_in;
use index_common::Archive;

const QUERIES: [&str; 5] = [
    "encryptie",
    "18 september 2023",
    "Yeşilgöz-Zegerius",
    "date:2024",
    "xqzvwk",
];

fn queries() -> Vec<String> {
    QUERIES.map(String::from).to_vec()
}

/// Sets a file's or directory's modification time an hour back (its change time becomes now:
/// what a directory that had an entry added an hour ago looks like).
fn an_hour_back(path: &PathBuf) {
    fs::File::open(path)
        .expect("open")
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("set time");
}

/// The index, found current from the record alone (no listing).
fn seen(archive: &Archive) -> Option<Index> {
    archive.cache().open_index_seen(&archive.paths(), Some(&[]))
}

fn record(archive: &Archive) -> Option<PathBuf> {
    fs::read_dir(archive.dir.path().join("cache"))
        .expect("cache dir")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "seen"))
}

/// Letters built and indexed, their directory an hour old, listed once: the record is there.
fn ready(seed: u64, n: usize) -> (Archive, Vec<Vec<brieven::search::Hit>>) {
    let archive = Archive::new(seed, n);
    let expected = archive.build(&queries(), 20);
    an_hour_back(&archive.letters());
    assert!(seen(&archive).is_none(), "no record before a listing");
    assert!(archive.open().is_some(), "current when listed");
    assert!(record(&archive).is_some(), "the listing left a record");
    (archive, expected)
}

#[test]
fn a_listed_index_is_then_known_current_without_listing() {
    let (archive, expected) = ready(11, 6);
    let index = seen(&archive).expect("current from the record");
    for (q, expected) in QUERIES.iter().zip(&expected) {
        assert_eq!(&search_in(&index, q, 20), expected, "{q}");
    }
    assert!(!index.damaged());
    assert!(
        archive
            .cache()
            .open_index_seen(&archive.paths(), Some(&["[x]"]))
            .is_none(),
        "other register files: another index"
    );
    assert!(
        archive
            .cache()
            .open_index_seen(&[archive.letters(), archive.letters()], Some(&[]))
            .is_none(),
        "other paths: another index"
    );
}

#[test]
fn a_letter_written_in_place_is_seen() {
    let (archive, _) = ready(12, 5);
    let file = archive.files()[2].clone();
    let before = fs::metadata(&file).expect("meta");
    // The same size and modification time: only the change time tells.
    let mut bytes = fs::read(&file).expect("read");
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    fs::write(&file, &bytes).expect("write");
    fs::File::options()
        .append(true)
        .open(&file)
        .expect("open")
        .set_modified(before.modified().expect("mtime"))
        .expect("set time");
    assert_eq!(fs::metadata(&file).expect("meta").len(), before.len());
    assert!(seen(&archive).is_none(), "a changed letter: not current");
    assert!(archive.open().is_none(), "nor by the listing");
}

#[test]
fn a_letter_added_removed_or_renamed_is_seen() {
    let (archive, _) = ready(13, 5);
    let name = "99999_added.md";
    archive.put(name, "# Brief\n\nDe zeepbellenblazer schrijft.\n");
    assert!(seen(&archive).is_none(), "a letter added");
    fs::remove_file(archive.letters().join(name)).expect("remove");
    // Removed again, the directory's times are not what they were.
    assert!(seen(&archive).is_none(), "a letter added and removed");

    let (archive, _) = ready(14, 5);
    fs::remove_file(&archive.files()[0]).expect("remove");
    assert!(seen(&archive).is_none(), "a letter removed");

    let (archive, _) = ready(15, 5);
    let file = archive.files()[1].clone();
    fs::rename(&file, archive.letters().join("99999_renamed.md")).expect("rename");
    assert!(seen(&archive).is_none(), "a letter renamed");
}

#[test]
fn a_sidecar_added_is_seen() {
    let (archive, _) = ready(16, 4);
    let file = archive.files()[1].clone();
    fs::write(file.with_extension("toml"), "stance = \"supports\"\n").expect("write");
    assert!(seen(&archive).is_none(), "a new sidecar");
}

#[test]
fn a_directory_changed_with_its_time_set_back_is_seen() {
    let (archive, _) = ready(17, 4);
    let mtime = fs::metadata(archive.letters())
        .and_then(|m| m.modified())
        .expect("mtime");
    archive.put("99999_added.md", "# Brief\n\nNieuw.\n");
    fs::File::open(archive.letters())
        .expect("open")
        .set_modified(mtime)
        .expect("set time");
    assert!(seen(&archive).is_none(), "the change time tells");
}

#[test]
fn a_directory_too_recent_or_with_a_link_left_out_gets_no_record() {
    let archive = Archive::new(18, 4);
    archive.build(&queries(), 20);
    assert!(archive.open().is_some());
    assert!(
        record(&archive).is_none(),
        "its time is too recent to trust"
    );

    let archive = Archive::new(19, 4);
    // A link to a directory is left out; its target could become a letter file without
    // the letters' directory changing.
    let target = archive.dir.path().join("elsewhere");
    fs::create_dir(&target).expect("mkdir");
    std::os::unix::fs::symlink(&target, archive.letters().join("00000_link.md")).expect("link");
    archive.build(&queries(), 20);
    an_hour_back(&archive.letters());
    assert!(archive.open().is_some());
    assert!(record(&archive).is_none(), "a link left out");
    assert!(seen(&archive).is_none());
}

#[test]
fn a_damaged_or_old_record_is_not_believed() {
    let (archive, _) = ready(20, 4);
    let path = record(&archive).expect("record");
    let original = fs::read(&path).expect("read");
    for at in 0..original.len() {
        let mut bytes = original.clone();
        bytes[at] ^= 0x21;
        fs::write(&path, &bytes).expect("write");
        assert!(seen(&archive).is_none(), "byte {at} changed");
    }
    fs::write(&path, &original[..original.len() / 2]).expect("write");
    assert!(seen(&archive).is_none(), "cut short");
    fs::write(&path, &original).expect("write");
    assert!(seen(&archive).is_some(), "whole again");
    // An index written since (a letter changed and loaded again) does not inherit it.
    let file = archive.files()[0].clone();
    let text = fs::read_to_string(&file).expect("read") + "\nNog een zin.\n";
    archive.put(
        file.file_name().and_then(|n| n.to_str()).expect("name"),
        &text,
    );
    archive.build(&queries(), 20);
    fs::write(&path, &original).expect("write");
    an_hour_back(&archive.letters());
    assert!(seen(&archive).is_none(), "the record of the index before");
}

/// `brieven search` as a user runs it: once the record is there (the first run writes the
/// index, the second lists the letters and leaves the record) it answers exactly as a run
/// without the cache, and a letter written in place since is found at once.
#[test]
fn the_cli_answers_the_same_from_the_record_and_sees_an_edit() {
    let archive = Archive::new(21, 6);
    let letters = archive.letters();
    let letters = letters.to_str().expect("UTF-8 path");
    an_hour_back(&archive.letters());
    let run = |q: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
            .args(["search", q, "--json", letters])
            .env("XDG_CACHE_HOME", archive.dir.path().join("home"))
            .output()
            .expect("the binary runs")
    };
    let records = || {
        fs::read_dir(archive.dir.path().join("home/brieven"))
            .map(|d| {
                d.filter(|e| {
                    e.as_ref()
                        .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "seen"))
                })
                .count()
            })
            .unwrap_or(0)
    };
    let loaded = run(QUERIES[0]);
    assert_eq!(
        records(),
        0,
        "the first run loads the letters and writes the index"
    );
    let listed = run(QUERIES[0]);
    assert_eq!(records(), 1, "a run that listed the letters left a record");
    assert_eq!(loaded.stdout, listed.stdout);
    let uncached = |q: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
            .args(["search", q, "--json", "--no-cache", letters])
            .output()
            .expect("the binary runs")
    };
    for q in QUERIES {
        let (a, b) = (uncached(q), run(q));
        assert_eq!(a.stdout, b.stdout, "{q}");
        assert_eq!(a.status, b.status, "{q}");
    }
    let search = "zeepbellenblazer";
    assert_eq!(run(search).status.code(), Some(1), "not there yet");
    let file = archive.files()[3].clone();
    let text = fs::read_to_string(&file).expect("read") + "\nDe zeepbellenblazer schrijft.\n";
    fs::write(&file, text).expect("write");
    let found = run(search);
    assert_eq!(found.status.code(), Some(0), "{found:?}");
}
