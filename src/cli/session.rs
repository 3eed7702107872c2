//! What a subcommand works on: the corpus of the command line's paths (or the embedded
//! letters), loaded through the on-disk cache, with the register and search index built from
//! it or taken from the cache. When the command is done the session is dropped and the cache
//! written if anything new was built (best effort: a cache that cannot be written only costs
//! time next run).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use brieven::cache::index::Index;
use brieven::cache::{Cache, Cached};
use brieven::corpus::Corpus;
use brieven::model::Letter;
use brieven::register::{Register, RegisterError};
use brieven::search::SearchIndex;

use super::search::RegisterArgs;

/// `--no-cache`: neither read nor write the cache in this run.
static NO_CACHE: AtomicBool = AtomicBool::new(false);

pub fn disable_cache() {
    NO_CACHE.store(true, Ordering::Relaxed);
}

/// `--with-embedded`: the embedded letters too, before the ones the paths name.
static WITH_EMBEDDED: AtomicBool = AtomicBool::new(false);

pub fn add_embedded() {
    WITH_EMBEDDED.store(true, Ordering::Relaxed);
}

/// Whether `--with-embedded` was given.
pub fn embedded_added() -> bool {
    WITH_EMBEDDED.load(Ordering::Relaxed)
}

/// The cache this run uses, if any.
pub fn cache() -> Option<Cache> {
    if NO_CACHE.load(Ordering::Relaxed) {
        None
    } else {
        Cache::from_env()
    }
}

pub struct Session {
    pub corpus: Corpus,
    cached: Cached,
    paths: Vec<PathBuf>,
}

impl Session {
    /// Loads `paths` (none: the embedded letters, which are not cached) and reports skipped
    /// files on stderr.
    pub fn open(paths: &[PathBuf]) -> Result<Session> {
        let (corpus, cached) = if paths.is_empty() {
            (Corpus::embedded(), Cached::uncached())
        } else {
            let files = Corpus::letter_files(paths)?;
            match cache() {
                // The cache holds the letters of the paths alone, and their register.
                _ if embedded_added() => (
                    Corpus::load_files(&files, None).with_embedded(),
                    Cached::uncached(),
                ),
                Some(cache) => cache.load(paths, &files, None),
                None => (Corpus::load_files(&files, None), Cached::uncached()),
            }
        };
        for warning in &corpus.warnings {
            eprintln!("brieven: warning: {}", brieven::text::sanitize(warning));
        }
        Ok(Session {
            corpus,
            cached,
            paths: paths.to_vec(),
        })
    }

    /// Asks for the on-disk index to be written when the session ends (see [`open_index`]).
    pub fn keep_index(&mut self) {
        self.cached.keep_index();
    }

    /// The register from the embedded register file and detection.
    pub fn register(&mut self) -> Result<Arc<Register>> {
        Ok(self.cached.register(&self.corpus.letters, &[])?)
    }

    /// The register with the user's register files (`--register`, and a `register.toml` in a
    /// directory of letters).
    pub fn register_with(&mut self, args: &RegisterArgs) -> Result<Arc<Register>> {
        self.with_register_files(args, |cached, letters, texts| {
            cached.register(letters, texts)
        })
    }

    /// [`Session::register_with`] and the search index over it.
    pub fn search_with(
        &mut self,
        args: &RegisterArgs,
    ) -> Result<(Arc<Register>, Arc<SearchIndex>)> {
        self.with_register_files(args, |cached, letters, texts| cached.search(letters, texts))
    }

    /// Reads the register files of `args` and hands their texts to `build`; its errors name
    /// the file.
    fn with_register_files<T>(
        &mut self,
        args: &RegisterArgs,
        build: impl FnOnce(&mut Cached, &[Letter], &[&str]) -> Result<T, RegisterError>,
    ) -> Result<T> {
        let (files, texts) = register_texts(args, &self.paths)?;
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        build(&mut self.cached, &self.corpus.letters, &texts)
            .map_err(|e| RegisterArgs::name_files(e, &files))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.cached.save(&self.corpus.letters);
        let _ = self
            .cached
            .save_index(&self.corpus.letters, &self.corpus.warnings);
        // The process ends with the command: freeing every string of a large corpus one by
        // one would only delay the exit (a tenth of a warm search's time on 1,000 letters).
        std::mem::forget(std::mem::take(&mut self.corpus));
        std::mem::forget(std::mem::replace(&mut self.cached, Cached::uncached()));
    }
}

/// The on-disk index of `paths`, when it is current or letters were only added after its
/// last (see [`Cache::open_index_updating`]): with a
/// search index built with the register files of `register`, when given. `None` when the
/// letters are to be loaded
/// ([`Session::open`], then [`Session::keep_index`] writes the index for the next run).
pub fn open_index(paths: &[PathBuf], register: Option<&RegisterArgs>) -> Result<Option<Index>> {
    let Some((cache, texts)) = index_cache(paths, register)? else {
        return Ok(None);
    };
    let texts: Option<Vec<&str>> = texts
        .as_ref()
        .map(|t| t.iter().map(String::as_str).collect());
    if let Some(index) = cache.open_index_seen(paths, texts.as_deref()) {
        return Ok(Some(index));
    }
    let listing = Corpus::letter_listing(paths)?;
    Ok(cache.open_index_updating(paths, &listing, texts.as_deref()))
}

/// [`open_index`], with `work`'s answer on the index: done while the letter files are looked
/// at on other threads when the index is opened without listing them, and after it is found
/// current otherwise. `None`: as for [`open_index`] (an answer from an index found out of
/// date is thrown away).
pub fn open_index_with<R>(
    paths: &[PathBuf],
    register: Option<&RegisterArgs>,
    work: impl Fn(&Index) -> R,
) -> Result<Option<(Index, R)>> {
    let Some((cache, texts)) = index_cache(paths, register)? else {
        return Ok(None);
    };
    let texts: Option<Vec<&str>> = texts
        .as_ref()
        .map(|t| t.iter().map(String::as_str).collect());
    let helpers_from = brieven::cache::HELPERS_FROM;
    if let Some(done) = cache.open_index_seen_with(paths, texts.as_deref(), helpers_from, &work) {
        return Ok(Some(done));
    }
    let listing = Corpus::letter_listing(paths)?;
    let index = cache.open_index_updating(paths, &listing, texts.as_deref());
    Ok(index.map(|index| {
        let answer = work(&index);
        (index, answer)
    }))
}

/// The cache an index of `paths` is kept in, and the texts of the register files of
/// `register` (when given); `None` when the index is not used (no cache, no paths, or the
/// embedded letters added).
fn index_cache(
    paths: &[PathBuf],
    register: Option<&RegisterArgs>,
) -> Result<Option<(Cache, Option<Vec<String>>)>> {
    let cache = match cache() {
        Some(cache) if !paths.is_empty() && !embedded_added() => cache,
        _ => return Ok(None),
    };
    let texts = match register {
        Some(args) => Some(register_texts(args, paths)?.1),
        None => None,
    };
    Ok(Some((cache, texts)))
}

/// Prints the warnings of the corpus an index was made from, as [`Session::open`] prints a
/// loaded corpus's.
pub fn warn(index: &Index) {
    for warning in index.warnings() {
        eprintln!("brieven: warning: {}", brieven::text::sanitize(warning));
    }
}

/// The register files of `args` for letters loaded from `paths`, and their texts.
pub fn register_texts(
    args: &RegisterArgs,
    paths: &[PathBuf],
) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let files = args.files(paths);
    let texts = files
        .iter()
        .map(|file| {
            std::fs::read_to_string(file)
                .with_context(|| format!("{}: cannot read register file", file.display()))
        })
        .collect::<Result<_>>()?;
    Ok((files, texts))
}
