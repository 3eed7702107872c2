//! Ingest throughput (bytes/s): the five seed letters and a generated corpus, parsed one letter
//! at a time on one core (`ingest::parse`), and a directory of generated letters loaded through
//! `Corpus::load` (which may use every core). Target (issue 6): at least 100 MB/s on one core.
//!
//! `cargo bench --bench ingest`; the generated letters come from `examples/gen_corpus` (seed 1).
//!
//! `read_html`: the web pages of the real corpus (`tests/real/*.html`, the proposal in
//! `reference/`) and the web letter
//! fixture, read and parsed through `ingest::read_file`, one core. Target (issue 12): at least
//! 20 MB/s. `read_regulation`: the proposal in `reference/` alone, read as an act.
//! `read_office`: every DOCX and ODT file of the real corpus and the fixtures, read and parsed
//! the same way; bytes are the files' own (zipped) sizes. Target (issue 12): 20 MB/s.

include!("../examples/gen_corpus/outside.rs");

use std::path::PathBuf;

use brieven::corpus::Corpus;
use brieven::ingest;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

/// How many generated letters (about 11 kB each).
const GENERATED: usize = 200;

fn main() {
    divan::main();
}

/// The seed letters as (id, bytes).
fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let id = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (id, std::fs::read(&p).expect("seed letter"))
        })
        .collect()
}

fn generated() -> Vec<(String, Vec<u8>)> {
    letters::corpus(1, GENERATED)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect()
}

fn parse_all(bencher: Bencher, files: Vec<(String, Vec<u8>)>) {
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (id, b) in &files {
            black_box(ingest::parse(id, id, black_box(b)));
        }
    });
}

/// The five seed letters (about 51 kB), one core.
#[divan::bench(sample_count = 50)]
fn parse_seeds(bencher: Bencher) {
    parse_all(bencher, seeds());
}

/// 200 generated letters in the three layouts (about 2.2 MB), one core.
#[divan::bench(sample_count = 10)]
fn parse_generated(bencher: Bencher) {
    parse_all(bencher, generated());
}

/// The HTML pages: the real corpus's and the web letter fixture (about 1.1 MB), one core.
#[divan::bench(sample_count = 20)]
fn read_html(bencher: Bencher) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("tests/real"))
        .expect("tests/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    // The proposal's page, which the real corpus scores where the binary embeds it.
    paths.push(root.join("reference/com-2022-209-en.html"));
    paths.push(root.join("tests/fixtures/formats/web_letter.html"));
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read(p).expect("page")))
        .collect();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (id, b) in &files {
            black_box(ingest::read_file(id, id, Some("html"), black_box(b)).expect("reads"));
        }
    });
}

/// The office files (DOCX, ODT) of the real corpus and the fixtures, one core.
#[divan::bench(sample_count = 20)]
fn read_office(bencher: Bencher) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = ["tests/real", "tests/fixtures/formats"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("a test folder"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "docx" || e == "odt"))
        .collect();
    paths.sort();
    let files: Vec<(String, String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let ext = p
                .extension()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (
                p.display().to_string(),
                ext,
                std::fs::read(p).expect("file"),
            )
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, _, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (id, ext, b) in &files {
            black_box(ingest::read_file(id, id, Some(ext), black_box(b)).expect("reads"));
        }
    });
}

/// The proposal COM(2022) 209 as EUR-Lex publishes it (`reference/`, 1 MB), read as an act
/// (`ingest::read_file`, its structure pass included), one core. Target as `read_html`'s.
#[divan::bench(sample_count = 20)]
fn read_regulation(bencher: Bencher) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("reference/com-2022-209-en.html");
    let bytes = std::fs::read(&path).expect("the reference page");
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let letter = ingest::read_file("act", "act", Some("html"), black_box(&bytes));
        black_box(letter.expect("reads"))
    });
}

/// The same 200 letters as files in a directory, through `Corpus::load`.
#[divan::bench(sample_count = 10)]
fn load_directory(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut bytes = 0;
    for (name, text) in generated() {
        bytes += text.len();
        std::fs::write(dir.path().join(name), text).expect("write letter");
    }
    let paths = vec![dir.path().to_path_buf()];
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| black_box(Corpus::load(&paths).expect("corpus")));
}
