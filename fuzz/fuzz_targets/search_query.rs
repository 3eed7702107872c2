//! Fuzz target: any query, filters and all, searches the embedded letters without panicking
//! and returns highlight positions inside the text they point into.
#![no_main]

use std::sync::OnceLock;

use brieven::corpus::Corpus;
use brieven::register::Register;
use brieven::search::SearchIndex;
use libfuzzer_sys::fuzz_target;

struct Fixture {
    corpus: Corpus,
    register: Register,
    index: SearchIndex,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let corpus = Corpus::embedded();
        let register = Register::build(&corpus.letters);
        let index = SearchIndex::new(&corpus.letters, &register);
        Fixture {
            corpus,
            register,
            index,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let f = fixture();
    for hit in f.index.search(&f.corpus.letters, &f.register, query, 50) {
        // Positions index the label (or the alias that matched), or a passage's snippet.
        let shown = [
            Some(hit.label.chars().count()),
            hit.matched_alias.as_ref().map(|a| a.chars().count()),
            hit.passage.as_ref().map(|p| p.snippet.chars().count()),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
        assert!(hit.positions.iter().all(|&p| p < shown));
    }
});
