//! Wrapping a letter at a pane width with `brieven::wrap::wrap`, as the reader does once per
//! width (its wrap cache): every paragraph and footnote of the longest seed letter, and of a
//! long generated letter, at the widths of a narrow pane, a laptop and a 200-column screen.
//!
//! `cargo bench --bench wrap`

include!("../examples/gen_corpus/outside.rs");

use brieven::corpus::Corpus;
use brieven::model::Letter;
use brieven::wrap::wrap;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The texts of a letter: paragraphs, then footnotes.
fn texts(letter: &Letter) -> Vec<String> {
    letter
        .paragraphs()
        .map(|(_, _, p)| p.text.clone())
        .chain(letter.footnotes.iter().map(|n| n.text.clone()))
        .collect()
}

fn wrap_all(bencher: Bencher, texts: Vec<String>, width: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for t in &texts {
            black_box(wrap(black_box(t), width));
        }
    });
}

/// The longest embedded letter (about 17 kB).
#[divan::bench(args = [40, 80, 120, 200])]
fn longest_seed(bencher: Bencher, width: usize) {
    let corpus = Corpus::embedded();
    let letter = corpus
        .letters
        .iter()
        .max_by_key(|l| texts(l).iter().map(String::len).sum::<usize>())
        .expect("embedded letters");
    wrap_all(bencher, texts(letter), width);
}

/// A generated letter of about 200 kB (a long report).
#[divan::bench(args = [80, 200])]
fn long_generated(bencher: Bencher, width: usize) {
    let (name, text, _) = letters::letter(1, 0, spec::Layout::Sup, spec::Size::Total(200_000));
    let letter = brieven::ingest::parse(&name, &name, text.as_bytes());
    wrap_all(bencher, texts(&letter), width);
}
