//! The on-disk cache: parsed letters, their register and search index, kept between runs in
//! `$XDG_CACHE_HOME/brieven` (or `~/.cache/brieven`), so that a corpus is parsed once and opens
//! at once afterwards.
//!
//! One cache file per list of letter files (as the command line spelt them). Each file's entry
//! is keyed by its size, modification time and content hash, and so is its sidecar's: a file
//! whose size and time are unchanged is taken from the cache without being read (as git's index
//! does), one whose time or size changed is read and hashed, and re-parsed only when its bytes
//! changed. A time too close to when the entry was taken to be trusted is checked by hash every
//! time. The register and the search index are kept too, with the register files they were
//! built from, and are used only while no letter changed.
//!
//! The cache is an optimisation and never a source of truth or of errors: a missing, damaged,
//! foreign or older cache file is ignored and rewritten, a directory that cannot be written is
//! left alone, and the letter files themselves are only ever read. Files are written whole to a
//! temporary name and renamed into place, so two runs never see half a file.
//!
//! Layout of a cache file: a header (magic, format, build), the letters one blob each
//! (bitcode), the register, the search index, then the manifest that locates them and a
//! trailer that locates the manifest.

mod file;
pub mod index;
mod ordered;
pub(crate) mod stamp;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::corpus::{self, Corpus, Listing, Loaded};
use crate::model::Letter;
use crate::register::{Register, RegisterError};
use crate::search::{PassageIndex, SearchIndex};

use file::{CacheFile, Entry, Manifest, Span};
use index::Index;
use stamp::Stamp;

/// Cache files not used for this long are removed when another is written.
const KEEP_UNUSED: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// Where cache files live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// How a load went: letters taken from the cache (`reread` of them after reading and hashing
/// their file, whose time or size had changed), and letters read and parsed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub reused: usize,
    pub reread: usize,
    pub parsed: usize,
}

/// Where one file's letter came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The cache, the file unread.
    Cached,
    /// The cache, after reading the file: same bytes under a new time.
    Reread,
    Parsed,
}

impl Cache {
    /// `$XDG_CACHE_HOME/brieven`, else `$HOME/.cache/brieven`; `None` when neither is set to
    /// an absolute path (the XDG rule: relative paths are ignored).
    pub fn from_env() -> Option<Cache> {
        let absolute = |var: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        let base =
            absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|h| h.join(".cache")))?;
        Some(Cache::at(base.join("brieven")))
    }

    /// A cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Loads `files` (the letter files of `paths`, as the user named them) as
    /// [`Corpus::load_files`] does, with the same letters and warnings in the same order,
    /// taking every letter whose file (and sidecar) did not change from the cache. The cache
    /// file belongs to `paths`, so a letter added to a directory is the only one parsed.
    /// `progress` counts the files done.
    pub fn load(
        &self,
        paths: &[PathBuf],
        files: &[PathBuf],
        progress: Option<&AtomicUsize>,
    ) -> (Corpus, Cached) {
        // A directory another user owns or others may write to could hold a file that stands
        // in for the user's letters: it is neither read nor written.
        if let Some(why) = crate::private::untrusted_dir(&self.dir) {
            let mut corpus = Corpus::load_files(files, progress);
            corpus.warnings.insert(
                0,
                format!("cache directory {why}: not used (the letters are read from their files)"),
            );
            let cached = Cached {
                stats: Stats {
                    parsed: files.len(),
                    ..Stats::default()
                },
                ..Cached::uncached()
            };
            return (corpus, cached);
        }
        let path = self.dir.join(file::name(paths));
        let previous = CacheFile::open(&path);
        let old = previous.as_ref().map(CacheFile::manifest);
        let by_source: HashMap<&str, &Entry> = old
            .iter()
            .flat_map(|m| &m.files)
            .map(|e| (e.source.as_str(), e))
            .collect();
        let taken = stamp::now();
        let results = corpus::map_in_parallel(files, |file| {
            let entry = by_source.get(file.display().to_string().as_str()).copied();
            let result = load_one(file, entry, previous.as_ref(), old.map_or(0, |m| m.taken));
            if let Some(done) = progress {
                done.fetch_add(1, Ordering::Relaxed);
            }
            result
        });
        let mut stats = Stats::default();
        let mut entries = Vec::with_capacity(results.len());
        let mut loaded = Vec::with_capacity(results.len());
        for (entry, one, outcome) in results {
            match outcome {
                Outcome::Cached => stats.reused += 1,
                Outcome::Reread => {
                    stats.reused += 1;
                    stats.reread += 1;
                }
                Outcome::Parsed => stats.parsed += 1,
            }
            entries.push(entry);
            loaded.push(one);
        }
        // The same files as before, none parsed anew: the stored register and index hold.
        let same_files = old.is_some_and(|m| {
            let before = m.files.iter().map(|e| &e.source);
            before.eq(entries.iter().map(|e| &e.source))
        });
        let unchanged = same_files && stats.parsed == 0;
        let cached = Cached {
            corpus_unchanged: unchanged,
            restamped: stats.reread > 0,
            store: Some(Store {
                path,
                previous: previous.filter(|_| unchanged),
                manifest: Manifest {
                    taken,
                    files: entries,
                    ..Manifest::default()
                },
            }),
            register: None,
            index: None,
            index_wanted: false,
            saved: None,
            stats,
        };
        (Corpus::from_loaded(loaded), cached)
    }

    /// Removes every cache file and index; how many cache files there were.
    pub fn clear(&self) -> std::io::Result<usize> {
        let mut removed = 0;
        for path in file::cache_files(&self.dir)? {
            fs::remove_file(&path)?;
            removed += usize::from(file::is_cache_file(&path));
        }
        Ok(removed)
    }

    /// The cache files (each with its index, if any) and the total size in bytes of them, their
    /// indexes and leftover temporary files.
    pub fn usage(&self) -> std::io::Result<(usize, u64)> {
        let files = file::cache_files(&self.dir)?;
        let bytes = files
            .iter()
            .filter_map(|p| fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        let count = files.iter().filter(|p| file::is_cache_file(p)).count();
        Ok((count, bytes))
    }

    /// The on-disk index of the letter `files` of `paths` (as for [`Cache::load`]), when it
    /// is there and current: the files unchanged since it was written, and, when
    /// `register_key` is given ([`register_key`]), with a search index built with those
    /// register files. `None` sends the caller to [`Cache::load`] (and
    /// [`Cached::keep_index`]).
    pub fn open_index(
        &self,
        paths: &[PathBuf],
        listing: &Listing,
        register_key: Option<u64>,
    ) -> Option<Index> {
        if crate::private::untrusted_dir(&self.dir).is_some() {
            return None;
        }
        let path = self.dir.join(file::name(paths));
        Index::open(&index::path_of(&path), &path, listing, register_key)
    }
}

/// Below so many letter files an index's files are looked at on the calling thread alone,
/// after the command's work on the index (see [`Cache::open_index_seen_with`]): a few
/// thousand `statx` calls take about a millisecond, less than starting a thread and waiting
/// for it to end on a busy machine.
pub const HELPERS_FROM: usize = 4096;

impl Cache {
    /// The on-disk index of `paths` (as for [`Cache::open_index`], with the register files'
    /// texts rather than their key) when it is current, known without listing the paths'
    /// directories: they have the stamps a record beside the index keeps (`index::seen`), and
    /// every letter file is unchanged. `None`: list them, and ask
    /// [`Cache::open_index_updating`].
    pub fn open_index_seen(&self, paths: &[PathBuf], register: Option<&[&str]>) -> Option<Index> {
        if paths.is_empty() || crate::private::untrusted_dir(&self.dir).is_some() {
            return None;
        }
        let path = self.dir.join(file::name(paths));
        let key = register.map(register_key);
        Index::open_seen(&index::path_of(&path), &path, paths, key)
    }

    /// [`Cache::open_index_seen`], with `work` done on the index while its letter files are
    /// looked at on other threads when there are at least `helpers_from` of them
    /// ([`HELPERS_FROM`] is what the commands use), else after it: its answer comes back only
    /// with an index found current (what it read of one that is not is never handed out).
    pub fn open_index_seen_with<R>(
        &self,
        paths: &[PathBuf],
        register: Option<&[&str]>,
        helpers_from: usize,
        work: impl FnOnce(&Index) -> R,
    ) -> Option<(Index, R)> {
        if paths.is_empty() || crate::private::untrusted_dir(&self.dir).is_some() {
            return None;
        }
        let path = self.dir.join(file::name(paths));
        let key = register.map(register_key);
        let path_of = index::path_of(&path);
        Index::open_seen_with(&path_of, &path, paths, key, helpers_from, work)
    }

    /// [`Cache::open_index`], with the register files' texts rather than their key; and when
    /// the index is not current only because letter files were added after the last it holds,
    /// the index updated with those letters alone (`index::update`: parsed, registered and
    /// indexed by themselves) and written, then opened. `None` sends the caller to
    /// [`Cache::load`] as for [`Cache::open_index`].
    pub fn open_index_updating(
        &self,
        paths: &[PathBuf],
        listing: &Listing,
        register: Option<&[&str]>,
    ) -> Option<Index> {
        if crate::private::untrusted_dir(&self.dir).is_some() {
            return None;
        }
        let key = register.map(register_key);
        let path = self.dir.join(file::name(paths));
        let index_path = index::path_of(&path);
        let old = match Index::open_or_before(&index_path, &path, listing, key)? {
            (index, true) => return Some(index),
            (old, false) => old,
        };
        let written = index::update::append(&old, &index_path, &path, listing, register)?;
        // The files `old` holds were found unchanged just now: not looked at again.
        Index::open_appended(&old, written, &index_path, &path, listing, key)
            .or_else(|| self.open_index(paths, listing, key))
    }
}

/// What identifies the register files a register is built with: the embedded register and
/// the user's files (`extra_toml`, as for [`Register::build_with`]).
pub fn register_key(extra_toml: &[&str]) -> u64 {
    file::register_key(extra_toml)
}

/// One file: its entry for the new manifest, what loading it gave, and whether that came from
/// the cache.
fn load_one(
    file: &Path,
    entry: Option<&Entry>,
    previous: Option<&CacheFile>,
    taken: i128,
) -> (Entry, Loaded, Outcome) {
    let source = file.display().to_string();
    // Stamps are taken before the file is read: a change in between makes the stamp older
    // than the bytes, which only costs a re-read next time.
    let letter_stamp = Stamp::of(file);
    let sidecar_path = file.with_extension("toml");
    let sidecar_stamp = Stamp::of(&sidecar_path);
    if let (Some(entry), Some(cache)) = (entry, previous)
        && let (Some(before), Some(now)) = (entry.letter_stamp, letter_stamp)
        && before.same_file(&now, taken)
        && stamp::same_optional(entry.sidecar_stamp, sidecar_stamp, taken)
        && let Some(loaded) = cache.loaded(entry)
    {
        return (entry.clone(), loaded, Outcome::Cached);
    }
    let corpus::LetterFile { bytes, sidecar } = match corpus::read_letter(file) {
        Ok(read) => read,
        Err(warning) => {
            // Not cached: the file may become readable without its time changing.
            let entry = Entry {
                source,
                ..Entry::default()
            };
            let skipped = Loaded {
                letter: None,
                warnings: vec![warning],
            };
            return (entry, skipped, Outcome::Parsed);
        }
    };
    let letter_stamp = letter_stamp.map(|s| s.with_hash(&bytes));
    let sidecar_stamp = match &sidecar {
        Some((_, b)) => sidecar_stamp.map(|s| s.with_hash(b)),
        None => None,
    };
    // Same bytes under a new time (a copy, a checkout, `touch`): the parsed letter stands.
    if let (Some(entry), Some(cache)) = (entry, previous)
        && letter_stamp.is_some()
        && entry.letter_stamp.map(|s| s.hash) == letter_stamp.map(|s| s.hash)
        && entry.sidecar_stamp.map(|s| s.hash) == sidecar_stamp.map(|s| s.hash)
        && let Some(loaded) = cache.loaded(entry)
    {
        let entry = Entry {
            letter_stamp,
            sidecar_stamp,
            ..entry.clone()
        };
        return (entry, loaded, Outcome::Reread);
    }
    let loaded = corpus::prepare(&corpus::letter_id(file), &source, &bytes, sidecar);
    let entry = Entry {
        source,
        letter_stamp,
        sidecar_stamp,
        warnings: loaded.warnings.clone(),
        has_letter: loaded.letter.is_some(),
        ..Entry::default()
    };
    (entry, loaded, Outcome::Parsed)
}

/// Where a load's cache file is and what it held.
struct Store {
    path: PathBuf,
    /// The cache file read, kept open (and so unchanged by other runs) only when its letters
    /// are all still current: its register and index may then be used.
    previous: Option<CacheFile>,
    manifest: Manifest,
}

/// A loaded corpus with its cache: the register and search index come from the cache when
/// they were built from the same letters and register files, and are built (and kept for
/// [`Cached::save`]) otherwise.
pub struct Cached {
    /// The letters are those the cache file holds (none was parsed anew, or they were saved).
    corpus_unchanged: bool,
    /// Some file has a new time or size but the same bytes: its new stamp is worth keeping.
    restamped: bool,
    store: Option<Store>,
    /// The register, with the [`file::register_key`] of the register files it was built with.
    register: Option<(u64, Held<Register>)>,
    index: Option<Held<SearchIndex>>,
    /// Whether [`Cached::save_index`] writes the on-disk index.
    index_wanted: bool,
    /// The cache file as written or read, when it holds these letters: where its manifest is,
    /// and when its stamps were taken.
    saved: Option<(Span, i128)>,
    pub stats: Stats,
}

/// A register or index this run holds, and whether it was built now (and so is worth saving).
struct Held<T> {
    value: Arc<T>,
    built: bool,
}

impl<T> Held<T> {
    fn new(value: T, built: bool) -> Held<T> {
        Held {
            value: Arc::new(value),
            built,
        }
    }
}

impl Cached {
    /// A corpus that is not cached (the embedded letters): everything is built when asked.
    pub fn uncached() -> Cached {
        Cached {
            stats: Stats::default(),
            corpus_unchanged: false,
            restamped: false,
            store: None,
            register: None,
            index: None,
            index_wanted: false,
            saved: None,
        }
    }

    /// The register of `letters` with the user's register files (`extra_toml`, as for
    /// [`Register::build_with`]): from the cache when it was built from the same letters and
    /// files, else built now.
    pub fn register(
        &mut self,
        letters: &[Letter],
        extra_toml: &[&str],
    ) -> Result<Arc<Register>, RegisterError> {
        let key = file::register_key(extra_toml);
        if let Some((k, held)) = &self.register
            && *k == key
        {
            return Ok(Arc::clone(&held.value));
        }
        self.index = None;
        let held = match self.stored(key).and_then(CacheFile::register) {
            Some(register) => Held::new(register, false),
            None => Held::new(Register::build_with(letters, extra_toml)?, true),
        };
        let register = Arc::clone(&held.value);
        self.register = Some((key, held));
        Ok(register)
    }

    /// The register (as [`Cached::register`]) and the search index over it.
    pub fn search(
        &mut self,
        letters: &[Letter],
        extra_toml: &[&str],
    ) -> Result<(Arc<Register>, Arc<SearchIndex>), RegisterError> {
        let key = file::register_key(extra_toml);
        let built = self.register.as_ref().is_some_and(|(k, _)| *k == key);
        if !built && self.stored(key).is_none() {
            // Neither is stored: the passages' index is built beside the register (it needs
            // only the letters), so that each one's merging on one thread overlaps the
            // other's work on every core.
            let (register, passages) = std::thread::scope(|scope| {
                let passages = scope.spawn(|| PassageIndex::new(letters));
                let register = self.register(letters, extra_toml);
                let passages = passages.join();
                (register, passages)
            });
            let register = register?;
            let passages = passages.unwrap_or_else(|e| std::panic::resume_unwind(e));
            let index = SearchIndex::with_passages(&register, passages);
            let held = Held::new(index, true);
            let index = Arc::clone(&held.value);
            self.index = Some(held);
            return Ok((register, index));
        }
        let register = self.register(letters, extra_toml)?;
        if let Some(held) = &self.index {
            return Ok((register, Arc::clone(&held.value)));
        }
        let held = match self.stored(key).and_then(CacheFile::index) {
            Some(index) => Held::new(index, false),
            None => Held::new(SearchIndex::new(letters, &register), true),
        };
        let index = Arc::clone(&held.value);
        self.index = Some(held);
        Ok((register, index))
    }

    /// The cache file read, when its letters are current and its register and index were
    /// built with the register files of `key`.
    fn stored(&self, key: u64) -> Option<&CacheFile> {
        let previous = self.store.as_ref()?.previous.as_ref()?;
        (previous.manifest().register_key == Some(key)).then_some(previous)
    }

    /// Whether [`Cached::save`] has anything to write.
    pub fn needs_saving(&self) -> bool {
        self.store.is_some()
            && (!self.corpus_unchanged
                || self.restamped
                || self.register.as_ref().is_some_and(|(_, r)| r.built)
                || self.index.as_ref().is_some_and(|i| i.built))
    }

    /// Writes the cache file for these `letters` (the corpus loaded, in its order) with the
    /// register and index built so far, when anything is new. Best effort: a cache that cannot
    /// be written is no error for the user, so the reason is returned, not shown.
    pub fn save(&mut self, letters: &[Letter]) -> std::io::Result<()> {
        if !self.needs_saving() {
            if self.saved.is_none()
                && let Some(previous) = self.store.as_ref().and_then(|s| s.previous.as_ref())
            {
                self.saved = Some((previous.manifest_span(), previous.manifest().taken));
            }
            return Ok(());
        }
        let Some(store) = self.store.as_mut() else {
            return Ok(());
        };
        let register = self.register.as_ref().map(|(k, r)| (*k, r.value.as_ref()));
        let index = self.index.as_ref().map(|i| i.value.as_ref());
        // Letters unchanged (only times were): what was stored and not asked for stays.
        let carry = store.previous.as_ref();
        let span = file::write(
            &store.path,
            &mut store.manifest,
            letters,
            register,
            index,
            carry,
        )?;
        self.saved = Some((span, store.manifest.taken));
        self.restamped = false;
        file::prune(store.path.parent().unwrap_or(Path::new(".")), KEEP_UNUSED);
        self.corpus_unchanged = true;
        if let Some((_, r)) = self.register.as_mut() {
            r.built = false;
        }
        if let Some(i) = self.index.as_mut() {
            i.built = false;
        }
        Ok(())
    }
}

impl Cached {
    /// Asks [`Cached::save_index`] to write the on-disk index ([`Cache::open_index`]).
    pub fn keep_index(&mut self) {
        self.index_wanted = true;
    }

    /// After [`Cached::save`]: writes the on-disk index of these `letters` (the corpus
    /// loaded, with its `warnings`), when [`Cached::keep_index`] asked for it and the cache
    /// file holds them; with the register and search index, when this run has them.
    pub fn save_index(&mut self, letters: &[Letter], warnings: &[String]) -> std::io::Result<()> {
        let (Some(store), Some((span, taken)), true) = (&self.store, self.saved, self.index_wanted)
        else {
            return Ok(());
        };
        if self.needs_saving() {
            return Ok(());
        }
        let search = match (&self.register, &self.index) {
            (Some((key, register)), Some(index)) => {
                Some((*key, register.value.as_ref(), index.value.as_ref()))
            }
            _ => None,
        };
        let contents = index::write::Contents {
            taken,
            cache: span,
            files: &store.manifest.files,
            letters,
            warnings,
            search,
        };
        let path = index::path_of(&store.path);
        index::write::write(&path, &contents)?;
        // The delta of the index before is for that index alone (it names it): gone.
        let _ = fs::remove_file(index::delta_path(&path));
        self.index_wanted = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
