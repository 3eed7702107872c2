//! Fuzz target: a cache file of any bytes, or a real one with bytes flipped. Loading the
//! letters through it never panics and gives exactly what loading without a cache gives, and
//! so do the register and index read from it.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use brieven::cache::Cache;
use brieven::corpus::Corpus;
use brieven::register::Register;
use libfuzzer_sys::fuzz_target;

struct Fixture {
    paths: Vec<PathBuf>,
    files: Vec<PathBuf>,
    cache: Cache,
    /// The cache file a real run wrote, and its bytes.
    cache_file: PathBuf,
    good: Vec<u8>,
    plain: Corpus,
    register: Register,
}

/// The seed letters copied to a temporary directory (times set back, so none is "racy"), and
/// the cache a first load wrote for them.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("brieven-fuzz-cache-{}", std::process::id()));
        let letters = root.join("letters");
        std::fs::create_dir_all(&letters).expect("temporary directory");
        let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for entry in std::fs::read_dir(seeds).expect("seeds/") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt" || e == "toml") {
                let copy = letters.join(path.file_name().expect("name"));
                std::fs::copy(&path, &copy).expect("copy");
                let file = std::fs::File::options()
                    .append(true)
                    .open(&copy)
                    .expect("open");
                file.set_modified(hour_ago).expect("set time");
            }
        }
        let paths = vec![letters];
        let files = Corpus::letter_files(&paths).expect("letter files");
        let cache = Cache::at(root.join("cache"));
        let (corpus, mut cached) = cache.load(&paths, &files, None);
        cached
            .search(&corpus.letters, &[])
            .expect("register and index");
        cached.save(&corpus.letters).expect("cache written");
        let cache_file = std::fs::read_dir(cache.dir())
            .expect("cache dir")
            .map(|e| e.expect("entry").path())
            .next()
            .expect("one cache file");
        let good = std::fs::read(&cache_file).expect("cache file");
        let plain = Corpus::load_files(&files, None);
        let register = Register::build(&plain.letters);
        Fixture {
            paths,
            files,
            cache,
            cache_file,
            good,
            plain,
            register,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    // Even first byte: the input is the whole file. Odd: edits to the real file, five bytes
    // each (offset, then a byte to xor in), which keeps most of its structure.
    let bytes = match data.first() {
        Some(b) if b % 2 == 1 => {
            let mut bytes = f.good.clone();
            for edit in data[1..].chunks_exact(5) {
                let at = u32::from_le_bytes([edit[0], edit[1], edit[2], edit[3]]) as usize;
                let len = bytes.len();
                bytes[at % len] ^= edit[4];
            }
            bytes
        }
        _ => data.to_vec(),
    };
    std::fs::write(&f.cache_file, &bytes).expect("write the cache file");
    let (corpus, mut cached) = f.cache.load(&f.paths, &f.files, None);
    assert_eq!(corpus.letters, f.plain.letters);
    assert_eq!(corpus.warnings, f.plain.warnings);
    let (register, index) = cached.search(&corpus.letters, &[]).expect("a register");
    assert_eq!(*register, f.register);
    let hits = index.search(&corpus.letters, &register, "offlimits", 5);
    assert!(!hits.is_empty());
});
