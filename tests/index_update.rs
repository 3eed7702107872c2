//! Letters added to an indexed archive (issue 17's incremental update): the index updated with
//! the new letters alone answers every query, lists every letter and counts every entity as
//! the letters loaded and indexed from scratch do, without the cache file being rewritten; a
//! changed, removed or earlier-sorting letter is never answered from the old index; a reader
//! keeps answering from the index it opened while the update replaces it.

include!("../examples/gen_corpus/outside.rs");

mod index_common;

use std::fs;
use std::path::PathBuf;

use brieven::cache::index::{Index, LetterRow};
use brieven::corpus::Corpus;
use brieven::register::{EntityKind, Register};
use brieven::search::{Hit, Memory, SearchIndex, register_rows, search_in};
use index_common::{Archive, change_each_byte, queries, write_whole};
use proptest::prelude::*;

/// What the letters as they are now answer when loaded and indexed from scratch (no cache).
struct Rebuilt {
    hits: Vec<Vec<Hit>>,
    rows: Vec<Vec<brieven::search::RegisterRow>>,
    corpus: Corpus,
}

const KINDS: [Option<EntityKind>; 3] = [None, Some(EntityKind::Person), Some(EntityKind::Date)];

fn rebuilt(archive: &Archive, queries: &[String], limit: usize) -> Rebuilt {
    let corpus = Corpus::load_files(&archive.files(), None);
    let register = Register::build_with(&corpus.letters, &[]).expect("register");
    let index = SearchIndex::new(&corpus.letters, &register);
    let memory = Memory {
        letters: &corpus.letters,
        register: &register,
        index: &index,
    };
    let hits = queries
        .iter()
        .map(|q| search_in(&memory, q, limit))
        .collect();
    let rows = KINDS
        .iter()
        .map(|&k| register_rows(&memory, k).expect("rows"))
        .collect();
    Rebuilt { hits, rows, corpus }
}

/// The index opened for a search, updated with added letters when it can be.
fn updated(archive: &Archive) -> Option<Index> {
    archive
        .cache()
        .open_index_updating(&archive.paths(), &archive.listing(), Some(&[]))
}

fn cache_file(archive: &Archive) -> PathBuf {
    let dir = archive.dir.path().join("cache");
    fs::read_dir(&dir)
        .expect("cache dir")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "cache"))
        .expect("a cache file")
}

/// The index answers, lists and counts as `expected`, and gives every letter whole.
fn assert_same(index: &Index, queries: &[String], limit: usize, expected: &Rebuilt) {
    for (q, hits) in queries.iter().zip(&expected.hits) {
        assert_eq!(&search_in(index, q, limit), hits, "query {q:?}");
    }
    for (kind, rows) in KINDS.iter().zip(&expected.rows) {
        assert_eq!(register_rows(index, *kind).as_ref(), Some(rows), "{kind:?}");
    }
    assert_eq!(index.len(), expected.corpus.letters.len());
    for (i, letter) in expected.corpus.letters.iter().enumerate() {
        assert_eq!(index.row(i), Some(LetterRow::of(letter)), "row {i}");
        assert_eq!(index.letter(i).as_deref(), Some(letter), "letter {i}");
    }
    assert_eq!(index.warnings(), expected.corpus.warnings.as_slice());
    assert!(!index.damaged());
}

/// A short letter that holds a date (of `pick`: often one no letter names yet), a word no
/// letter holds and a word the letters hold.
fn note(pick: usize) -> String {
    const MONTHS: [&str; 4] = ["januari", "maart", "juni", "oktober"];
    let date = format!(
        "{} {} {}",
        1 + pick % 28,
        MONTHS[pick / 28 % 4],
        2019 + pick / 112 % 12
    );
    format!(
        "# Brief\n\nOp {date} schreef de zeepbel{} over encryptie.\n",
        pick % 5
    )
}

/// Adds a copy of indexed letter `file` and a [`note`], after the indexed letters.
fn add_copy_and_note(archive: &Archive, file: &std::path::Path, count: usize, pick: usize) {
    let text = fs::read_to_string(file).expect("read");
    let ext = file.extension().expect("extension").to_string_lossy();
    archive.put(&format!("99{count:03}_a.{ext}"), &text);
    archive.put(&format!("99{count:03}_b.md"), &note(pick));
}

/// Checks the index after letters were added: updated, it answers as a rebuild and the cache
/// file is untouched; not updated, it is not trusted (and the letters are loaded again).
fn check_added(archive: &Archive, picks: &[(usize, u8)], limit: usize, cache: &[u8]) -> bool {
    let queries = queries(archive, picks);
    let expected = rebuilt(archive, &queries, limit);
    match updated(archive) {
        Some(index) => {
            assert_same(&index, &queries, limit, &expected);
            assert!(fs::read(cache_file(archive)).expect("read") == cache);
            true
        }
        None => {
            assert!(archive.open().is_none());
            archive.build(&[], limit);
            false
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// Letters added after the indexed ones, once or twice: copies of indexed letters and
    /// short letters (known names, new words, often a new date). Mostly added in place (see
    /// `copies_of_known_letters_are_mostly_added_in_place`), but not always: a name detected
    /// in a letter that occurs nowhere (the register leaves it out) is new again in the copy.
    #[test]
    fn added_letters_update_the_index_as_a_rebuild_would(
        seed in 0u64..1_000,
        n in 1usize..10,
        adds in prop::collection::vec(prop::collection::vec(any::<usize>(), 1..4), 1..3),
        picks in prop::collection::vec((any::<usize>(), 0u8..6), 1..8),
        limit in 1usize..30,
    ) {
        let archive = Archive::new(seed, n);
        archive.build(&[], limit);
        let mut count = 0;
        for batch in adds {
            let files = archive.files();
            for pick in batch {
                count += 1;
                add_copy_and_note(&archive, &files[pick % n], count, pick);
            }
            let cache = fs::read(cache_file(&archive)).expect("cache file");
            check_added(&archive, &picks, limit, &cache);
        }
    }

    /// Letters of the generator added after the indexed ones: on small archives they mostly
    /// bring new names (senders, people), and the letters are loaded again; when the index is
    /// updated, it answers as a rebuild.
    #[test]
    fn generated_letters_added_update_the_index_or_are_loaded(
        seed in 0u64..1_000,
        n in 1usize..10,
        k in 1usize..4,
        picks in prop::collection::vec((any::<usize>(), 0u8..6), 1..8),
        limit in 1usize..30,
    ) {
        let all = letters::corpus(seed, n + k);
        let archive = Archive::new(seed, n);
        archive.build(&[], limit);
        for (name, text) in &all[n..] {
            archive.put(name, text);
        }
        let cache = fs::read(cache_file(&archive)).expect("cache file");
        check_added(&archive, &picks, limit, &cache);
    }
}

/// Of copies of indexed letters and short letters, on archives of several seeds, most are
/// added in place.
#[test]
fn copies_of_known_letters_are_mostly_added_in_place() {
    let mut updated = 0;
    for seed in 0..6 {
        let archive = Archive::new(seed, 8);
        archive.build(&[], 20);
        let cache = fs::read(cache_file(&archive)).expect("cache file");
        let file = &archive.files()[seed as usize];
        add_copy_and_note(&archive, file, 1, seed as usize * 37);
        updated += usize::from(check_added(&archive, &[(seed as usize, 0)], 20, &cache));
    }
    assert!(updated >= 4, "{updated} of 6 added in place");
}

/// A letter that names only what the archive knows, and one with a new date and new words:
/// the index is updated (twice, its first added letter kept in the index), answers as a
/// rebuild, and a reader that opened the index before keeps its answers.
#[test]
fn known_names_and_a_new_date_update_the_index() {
    let archive = Archive::new(11, 6);
    let queries: Vec<String> = [
        "encryptie",
        "zeepbellenblazer",
        "3 maart 2031",
        "date:2031",
        "org:",
        "person:",
        "in:99999",
    ]
    .map(String::from)
    .to_vec();
    let before = archive.build(&queries, 20);
    let opened = archive.open().expect("opens");
    let written = fs::read(archive.index_file()).expect("index");
    assert!(
        delta_file(&archive).is_none(),
        "no delta before letters are added"
    );
    let copy = fs::read_to_string(&archive.files()[2]).expect("read");
    archive.put("99998_copy.md", &copy);
    let cache = fs::read(cache_file(&archive)).expect("cache file");
    let index = updated(&archive).expect("a letter of known names is added in place");
    assert_same(&index, &queries, 20, &rebuilt(&archive, &queries, 20));
    let first_delta = fs::read(delta_file(&archive).expect("a delta")).expect("delta");
    archive.put(
        "99999_new.md",
        "# Brief\n\nOp 3 maart 2031 schrijft de zeepbellenblazer over encryptie.\n",
    );
    let index = updated(&archive).expect("a new date and new words are added in place");
    assert_same(&index, &queries, 20, &rebuilt(&archive, &queries, 20));
    // That date written another way: a new surface of a date the index knows.
    archive.put(
        "99999_z.md",
        "# Brief\n\nDe brief van 03-03-2031 ging over encryptie.\n",
    );
    let index = updated(&archive).expect("a known date's new surface is added in place");
    let expected = rebuilt(&archive, &queries, 20);
    let aliases = |hits: &[Hit]| -> Vec<String> {
        (hits.iter())
            .find(|h| h.label == "2031-03-03")
            .map_or_else(Vec::new, |h| h.aliases.clone())
    };
    assert_eq!(
        aliases(&expected.hits[2]).len(),
        2,
        "{:?}",
        expected.hits[2]
    );
    assert_same(&index, &queries, 20, &expected);
    assert!(
        fs::read(cache_file(&archive)).expect("read") == cache,
        "cache rewritten"
    );
    assert!(
        fs::read(archive.index_file()).expect("index") == written,
        "the index written whole is not rewritten: the letters added are in its delta"
    );
    for (q, expected) in queries.iter().zip(&before) {
        assert_eq!(&search_in(&opened, q, 20), expected, "{q}");
    }
    assert!(!opened.damaged());
    // The first delta (the first letter added alone) put back: not current, and updated
    // from it.
    write_whole(&delta_file(&archive).expect("delta"), &first_delta);
    assert!(
        archive.open().is_none(),
        "a delta that lacks letters is not current"
    );
    let index = updated(&archive).expect("updated from the older delta");
    assert_same(&index, &queries, 20, &expected);
    // Loaded and written whole again: the delta goes.
    archive.build(&[], 20);
    assert!(
        delta_file(&archive).is_none(),
        "the index written whole has no delta"
    );
    assert_same(
        &archive.open().expect("opens"),
        &queries,
        20,
        &rebuilt(&archive, &queries, 20),
    );
}

/// Letters added in place, then one of them changed, one added among them, one removed and
/// then all of them: each time the delta is written anew from the index (the added letters
/// alone are read) or the index alone is current, nothing is loaded or rewritten, and the
/// answers are a rebuild's.
#[test]
fn letters_added_in_place_may_be_changed_or_removed() {
    let archive = Archive::new(15, 6);
    let queries: Vec<String> = [
        "encryptie",
        "zeepbellenblazer",
        "3 maart 2031",
        "4 maart 2031",
        "date:2031",
        "org:",
        "in:99999",
    ]
    .map(String::from)
    .to_vec();
    archive.build(&[], 20);
    let written = fs::read(archive.index_file()).expect("index");
    let cache = fs::read(cache_file(&archive)).expect("cache file");
    let unchanged = |what: &str| {
        assert!(
            fs::read(archive.index_file()).expect("index") == written,
            "{what}"
        );
        assert!(
            fs::read(cache_file(&archive)).expect("cache") == cache,
            "{what}"
        );
    };
    let copy = fs::read_to_string(&archive.files()[1]).expect("read");
    archive.put("99997_copy.md", &copy);
    archive.put(
        "99999_new.md",
        "# Brief\n\nOp 3 maart 2031 schrijft de zeepbellenblazer over encryptie.\n",
    );
    let steps: [(&str, &dyn Fn()); 5] = [
        ("added", &|| {}),
        ("changed", &|| {
            archive.put(
                "99999_new.md",
                "# Brief\n\nOp 4 maart 2031 schreef de zeepbellenblazer niet over encryptie.\n",
            )
        }),
        ("one among them", &|| {
            archive.put("99998_between.md", "# Brief\n\nOok de 3 maart 2031.\n")
        }),
        ("removed", &|| {
            fs::remove_file(archive.letters().join("99997_copy.md")).expect("remove")
        }),
        ("all removed", &|| {
            for name in ["99998_between.md", "99999_new.md"] {
                fs::remove_file(archive.letters().join(name)).expect("remove");
            }
        }),
    ];
    for (what, step) in steps {
        step();
        let index = updated(&archive).unwrap_or_else(|| panic!("{what}: not updated"));
        assert_same(&index, &queries, 20, &rebuilt(&archive, &queries, 20));
        unchanged(what);
    }
}

/// A delta that comes to hold more letter files than the index is merged into it: one index
/// file again (no delta), answering as a rebuild, the cache file untouched; a reader of the
/// pair before keeps its answers, and the next letter added starts a new delta.
#[test]
fn a_delta_larger_than_its_index_is_merged_into_it() {
    let archive = Archive::new(16, 3);
    let queries: Vec<String> = ["encryptie", "zeepbel", "date:2019", "org:", "in:99"]
        .map(String::from)
        .to_vec();
    archive.build(&[], 20);
    let written = fs::read(archive.index_file()).expect("index");
    let cache = fs::read(cache_file(&archive)).expect("cache file");
    let files = archive.files();
    add_copy_and_note(&archive, &files[0], 1, 3);
    let pair = updated(&archive).expect("added in place");
    let before: Vec<Vec<Hit>> = queries.iter().map(|q| search_in(&pair, q, 20)).collect();
    assert!(
        delta_file(&archive).is_some(),
        "two letters in a delta beside three"
    );
    assert!(fs::read(archive.index_file()).expect("index") == written);
    add_copy_and_note(&archive, &files[1], 2, 40);
    let merged = updated(&archive).expect("added in place");
    assert!(
        delta_file(&archive).is_none(),
        "four letters beside three: merged"
    );
    assert!(fs::read(archive.index_file()).expect("index") != written);
    assert!(fs::read(cache_file(&archive)).expect("cache") == cache);
    assert_same(&merged, &queries, 20, &rebuilt(&archive, &queries, 20));
    for (q, hits) in queries.iter().zip(&before) {
        assert_eq!(&search_in(&pair, q, 20), hits, "{q}");
    }
    add_copy_and_note(&archive, &files[2], 3, 77);
    let index = updated(&archive).expect("added in place");
    assert!(
        delta_file(&archive).is_some(),
        "a new delta beside the merged index"
    );
    assert_same(&index, &queries, 20, &rebuilt(&archive, &queries, 20));
    assert!(fs::read(cache_file(&archive)).expect("cache") == cache);
}

/// A reader that opened the index and its delta keeps answering from them while an update
/// replaces the delta.
#[test]
fn a_reader_keeps_its_delta_while_another_update_replaces_it() {
    let archive = Archive::new(13, 6);
    let queries: Vec<String> = ["encryptie", "zeepbellenblazer", "3 maart 2031", "date:2031"]
        .map(String::from)
        .to_vec();
    archive.build(&queries, 20);
    let copy = fs::read_to_string(&archive.files()[1]).expect("read");
    archive.put("99998_copy.md", &copy);
    let opened = updated(&archive).expect("added in place");
    let before: Vec<Vec<Hit>> = queries.iter().map(|q| search_in(&opened, q, 20)).collect();
    assert_eq!(before, rebuilt(&archive, &queries, 20).hits);
    archive.put(
        "99999_new.md",
        "# Brief

Op 3 maart 2031 schrijft de zeepbellenblazer over encryptie.
",
    );
    let after = updated(&archive).expect("added in place");
    let expected = rebuilt(&archive, &queries, 20);
    assert_same(&after, &queries, 20, &expected);
    assert_ne!(before, expected.hits);
    for (q, hits) in queries.iter().zip(&before) {
        assert_eq!(&search_in(&opened, q, 20), hits, "{q}");
    }
    assert!(!opened.damaged());
}

/// Bytes of a delta changed in turn (a sample of them): the index and its delta are
/// refused, or answer as a rebuild, or say they are damaged; never a panic. Once the
/// letters are loaded again (as the command does then), the index answers as a rebuild.
#[test]
fn a_changed_byte_in_a_delta_is_refused_or_found() {
    let archive = Archive::new(14, 5);
    archive.build(&[], 20);
    let copy = fs::read_to_string(&archive.files()[0]).expect("read");
    archive.put("99998_copy.md", &copy);
    archive.put(
        "99999_new.md",
        "# Brief

Op 3 maart 2031 schrijft de zeepbellenblazer over encryptie.
",
    );
    let queries: Vec<String> = ["encryptie", "zeepbellenblazer", "date:2031", "org:"]
        .map(String::from)
        .to_vec();
    let expected = rebuilt(&archive, &queries, 20);
    assert_same(&updated(&archive).expect("added"), &queries, 20, &expected);
    let path = delta_file(&archive).expect("a delta");
    let (refused, found) = change_each_byte(&archive, &path, &queries, &expected.hits);
    assert!(refused > 0 && found > 0, "{refused} refused, {found} found");
    archive.build(&[], 20);
    assert_same(&archive.open().expect("opens"), &queries, 20, &expected);
}

/// The delta beside the index, if there is one.
fn delta_file(archive: &Archive) -> Option<PathBuf> {
    let path = archive.index_file().with_extension("delta");
    path.exists().then_some(path)
}

/// A changed letter, a removed one, one whose file sorts before an indexed one, or one written
/// too recently to be trusted by its stamp: the index is not used (the command loads the
/// letters and writes it whole).
#[test]
fn changed_removed_or_earlier_letters_are_not_answered_from_the_index() {
    let archive = Archive::new(12, 5);
    archive.build(&[], 20);
    let files = archive.files();
    let name = |i: usize| {
        files[i]
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned()
    };
    archive.put(&name(1), "# Brief\n\nAnders dan eerst.\n");
    assert!(updated(&archive).is_none(), "changed");
    archive.build(&[], 20);
    fs::remove_file(&files[3]).expect("remove");
    assert!(updated(&archive).is_none(), "removed");
    archive.build(&[], 20);
    archive.put("00000_first.md", "# Brief\n\nVooraan.\n");
    assert!(updated(&archive).is_none(), "sorts first");
    archive.build(&[], 20);
    assert!(updated(&archive).is_some());
    // A letter written just now is not trusted by its stamp: no index is written for it (the
    // same letter an hour old is added in place).
    let text = "# Brief\n\nOp 3 maart 2031 schrijft de zeepbellenblazer over encryptie.\n";
    archive.put("99998_old.md", text);
    assert!(updated(&archive).is_some(), "an hour old");
    let index = fs::read(archive.index_file()).expect("index");
    fs::write(archive.letters().join("99999_now.md"), text).expect("write");
    assert!(updated(&archive).is_none(), "too new");
    assert!(
        fs::read(archive.index_file()).expect("index") == index,
        "index rewritten"
    );
}
