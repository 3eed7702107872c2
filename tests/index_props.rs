//! The on-disk index (issue 17) answers every query exactly as the search over the loaded
//! letters does, on corpora of the benchmark generator (`examples/gen_corpus`); an index with
//! any byte changed is either refused or says it is damaged, and never panics; an index
//! opened keeps answering from what it opened while a writer replaces it.

include!("../examples/gen_corpus/outside.rs");

mod index_common;

use std::fs;

use brieven::register::EntityKind;
use brieven::search::{Memory, register_rows, search_in};
use index_common::{Archive, change_each_byte, queries};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn the_index_answers_as_the_loaded_letters_do(
        seed in 0u64..1_000,
        n in 1usize..16,
        picks in prop::collection::vec((any::<usize>(), 0u8..6), 1..10),
        limit in 1usize..30,
    ) {
        let archive = Archive::new(seed, n);
        let queries = queries(&archive, &picks);
        let expected = archive.build(&queries, limit);
        let index = archive.open().expect("the index is current and opens");
        for (q, expected) in queries.iter().zip(&expected) {
            let got = search_in(&index, q, limit);
            prop_assert_eq!(&got, expected, "query {:?}", q);
        }
        prop_assert!(!index.damaged());
        // What `brieven list` shows comes from the index too.
        let (corpus, mut cached) = archive.cache().load(&archive.paths(), &archive.files(), None);
        // And the register's table (`brieven entities`), without decoding a letter.
        let (register, search) = cached.search(&corpus.letters, &[]).expect("register");
        let memory = Memory { letters: &corpus.letters, register: &register, index: &search };
        for kind in [None, Some(EntityKind::Person), Some(EntityKind::Date)] {
            let rows = register_rows(&index, kind).expect("every entity is read");
            prop_assert_eq!(Some(rows), register_rows(&memory, kind));
        }
        prop_assert!(!index.damaged());
        prop_assert_eq!(index.len(), corpus.letters.len());
        for (i, letter) in corpus.letters.iter().enumerate() {
            let row = index.row(i).expect("a row per letter");
            prop_assert_eq!(row, brieven::cache::index::LetterRow::of(letter));
        }
    }
}

/// Every byte of a small index changed in turn (a sample of them): the index is refused, or
/// answers as before, or says it is damaged; it never panics.
#[test]
fn a_changed_byte_is_refused_or_found() {
    let archive = Archive::new(7, 4);
    let queries: Vec<String> = ["encryptie", "Europese Commissie", "date:2024", "minister"]
        .map(String::from)
        .to_vec();
    let expected = archive.build(&queries, 20);
    let path = archive.index_file();
    let (refused, _) = change_each_byte(&archive, &path, &queries, &expected);
    assert!(refused > 0, "some changes are refused on opening");
    assert!(archive.open().is_some_and(|i| !i.damaged()));
}

/// An index opened before a writer replaces it (and the cache file) answers from what it
/// opened; the next one opened sees the new letters.
#[test]
fn a_reader_keeps_its_index_while_a_writer_replaces_it() {
    let archive = Archive::new(3, 5);
    let queries = vec!["zeepbellenblazer".to_string(), "encryptie".to_string()];
    let before = archive.build(&queries, 20);
    let opened = archive.open().expect("opens");
    archive.put(
        "99999_new.md",
        "# Brief\n\nDe zeepbellenblazer schrijft over encryptie.\n",
    );
    assert!(
        archive.open().is_none(),
        "a new letter: the index is not current"
    );
    let after = archive.build(&queries, 20);
    assert_ne!(before, after);
    for (q, expected) in queries.iter().zip(&before) {
        assert_eq!(&search_in(&opened, q, 20), expected, "{q}");
    }
    assert!(!opened.damaged());
    let reopened = archive.open().expect("the new index opens");
    for (q, expected) in queries.iter().zip(&after) {
        assert_eq!(&search_in(&reopened, q, 20), expected, "{q}");
    }
}

/// The index does not look for a sidecar the directory's listing does not show (issue 17's
/// search speed), yet one written beside a letter after the index, in any case, or one
/// removed, makes the index stale: it is never trusted with a sidecar it did not see.
#[test]
fn a_new_or_removed_sidecar_makes_the_index_stale() {
    let archive = Archive::new(5, 4);
    let queries = vec!["encryptie".to_string()];
    archive.build(&queries, 20);
    assert!(archive.open().is_some(), "current before any change");
    let listing = archive.listing();
    assert!((0..4).all(|i| listing.sidecar_absent(i)));
    let name = |ext: &str| {
        let file = &archive.files()[1];
        let stem = file
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        format!("{stem}.{ext}")
    };
    archive.put(&name("toml"), "stance = \"supports\"\n");
    let listing = archive.listing();
    assert!(!listing.sidecar_absent(1) && listing.sidecar_absent(0));
    assert!(
        archive.open().is_none(),
        "a new sidecar: the index is stale"
    );
    archive.build(&queries, 20);
    assert!(archive.open().is_some(), "rebuilt with the sidecar");
    fs::remove_file(archive.letters().join(name("toml"))).expect("remove");
    assert!(
        archive.open().is_none(),
        "a removed sidecar: the index is stale"
    );
    archive.build(&queries, 20);
    assert!(archive.open().is_some());
    archive.put(&name("TOML"), "stance = \"opposes\"\n");
    assert!(
        !archive.listing().sidecar_absent(1),
        "a sidecar's name is compared without case (a case-insensitive file system finds it)"
    );
}
