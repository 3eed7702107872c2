//! Start-up from the on-disk cache: how fast 1,000 letters (the five seed letters copied 200
//! times, 10 MB) come back with everything unchanged — the letters alone (`brieven list`),
//! and with their register and search index (`brieven search`, the reader's worker).
//!
//! `cargo bench --bench cache`. The cache is filled once before measuring, in a temporary
//! directory; nothing is written to the user's cache.

use std::path::PathBuf;

use brieven::cache::Cache;
use brieven::corpus::Corpus;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

/// Copies of each seed letter.
const COPIES: usize = 200;

struct Fixture {
    _dir: tempfile::TempDir,
    paths: Vec<PathBuf>,
    files: Vec<PathBuf>,
    cache: Cache,
    bytes: usize,
}

/// The letters in a temporary directory, their times set back (so none is "racy"), and a
/// cache filled with letters, register and index.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temporary directory");
    let letters = dir.path().join("letters");
    std::fs::create_dir(&letters).expect("mkdir");
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut bytes = 0;
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(&seeds).expect("seeds/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read(&path).expect("seed letter");
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        for copy in 0..COPIES {
            let file = letters.join(format!("{stem}_{copy:03}.txt"));
            std::fs::write(&file, &text).expect("write");
            let handle = std::fs::File::options()
                .append(true)
                .open(&file)
                .expect("open");
            handle.set_modified(hour_ago).expect("set time");
            bytes += text.len();
        }
    }
    let paths = vec![letters];
    let files = Corpus::letter_files(&paths).expect("letter files");
    let cache = Cache::at(dir.path().join("cache"));
    let (corpus, mut cached) = cache.load(&paths, &files, None);
    cached
        .search(&corpus.letters, &[])
        .expect("register and index");
    cached.save(&corpus.letters).expect("cache written");
    Fixture {
        _dir: dir,
        paths,
        files,
        cache,
        bytes,
    }
}

fn main() {
    divan::main();
}

/// The letters alone, all from the cache.
#[divan::bench(sample_count = 20)]
fn letters_from_cache(bencher: Bencher) {
    let f = fixture();
    bencher.counter(BytesCount::new(f.bytes)).bench(|| {
        let (corpus, cached) = f.cache.load(&f.paths, &f.files, None);
        assert_eq!(cached.stats.parsed, 0);
        black_box(corpus)
    });
}

/// The letters, the register and the search index, all from the cache.
#[divan::bench(sample_count = 20)]
fn letters_register_index_from_cache(bencher: Bencher) {
    let f = fixture();
    bencher.counter(BytesCount::new(f.bytes)).bench(|| {
        let (corpus, mut cached) = f.cache.load(&f.paths, &f.files, None);
        let found = cached.search(&corpus.letters, &[]).expect("from the cache");
        assert!(!cached.needs_saving());
        black_box((corpus, found))
    });
}
