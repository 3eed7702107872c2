//! The register and the search, on the five seed letters plus a generated corpus: building the
//! register and the search index, and one search per keystroke for every prefix of typical
//! queries (a term, a full name with diacritics, a date, and a query that matches nothing; so
//! also one letter and three letters). Targets (issue 6): per keystroke, median ≤ 16 ms and
//! p99 ≤ 50 ms on the 10,000-letter corpus.
//!
//! `cargo bench --bench search`; `BRIEVEN_BENCH_LETTERS=10000 cargo bench --bench search` for
//! the large corpus (default 1,000 generated letters, about 11 MB).

include!("../examples/gen_corpus/outside.rs");

use std::sync::LazyLock;

use brieven::corpus::Corpus;
use brieven::model::Letter;
use brieven::register::Register;
use brieven::search::SearchIndex;
use divan::{Bencher, black_box};

/// Typed one character at a time: every prefix is a search.
const QUERIES: [(&str, &str); 4] = [
    ("term", "encryptie"),
    ("name", "Yeşilgöz-Zegerius"),
    ("date", "18 september 2023"),
    ("none", "xqzvwk"),
];

/// The first `chars` characters of query `query`, named `kind/chars` (divan sorts names, and
/// names of mixed digits and letters would not sort consistently).
#[derive(Clone, Copy)]
struct Keystroke {
    query: usize,
    chars: usize,
}

impl Keystroke {
    fn text(self) -> &'static str {
        let q = QUERIES[self.query].1;
        let end = q.char_indices().nth(self.chars).map_or(q.len(), |(i, _)| i);
        &q[..end]
    }
}

impl std::fmt::Display for Keystroke {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{:02}", QUERIES[self.query].0, self.chars)
    }
}

/// Hits asked for per search (the CLI's default).
const LIMIT: usize = 20;

fn main() {
    divan::main();
}

/// The embedded letters and the generated ones.
fn letters() -> Vec<Letter> {
    let n = std::env::var("BRIEVEN_BENCH_LETTERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let mut letters = Corpus::embedded().letters;
    letters.extend(
        letters::corpus(1, n)
            .into_iter()
            .map(|(name, text)| brieven::ingest::parse(&name, &name, text.as_bytes())),
    );
    letters
}

struct Loaded {
    letters: Vec<Letter>,
    register: Register,
    index: SearchIndex,
}

static LOADED: LazyLock<Loaded> = LazyLock::new(|| {
    let letters = letters();
    let register = Register::build(&letters);
    let index = SearchIndex::new(&letters, &register);
    Loaded {
        letters,
        register,
        index,
    }
});

fn keystrokes() -> Vec<Keystroke> {
    (0..QUERIES.len())
        .flat_map(|query| {
            (1..=QUERIES[query].1.chars().count()).map(move |chars| Keystroke { query, chars })
        })
        .collect()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn register_build(bencher: Bencher) {
    let letters = &LOADED.letters;
    bencher.bench(|| black_box(Register::build(letters)));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn index_build(bencher: Bencher) {
    let loaded = &*LOADED;
    bencher.bench(|| black_box(SearchIndex::new(&loaded.letters, &loaded.register)));
}

/// One keystroke: the search for one prefix.
#[divan::bench(args = keystrokes(), sample_count = 30, sample_size = 1)]
fn keystroke(bencher: Bencher, keystroke: Keystroke) {
    let loaded = &*LOADED;
    let query = keystroke.text();
    bencher.bench(|| {
        black_box(
            loaded
                .index
                .search(&loaded.letters, &loaded.register, query, LIMIT),
        )
    });
}
