//! The cache file: its name, layout, reading (any damage reads as "no cache") and writing
//! (whole, under a temporary name, then renamed into place).
//!
//! ```text
//! header   MAGIC, FORMAT (u32), BUILD (u64)
//! letters  one bitcode blob per letter, in corpus order
//! register the register in pieces: entities without their occurrences, then the
//!          occurrences of each (bitcode RegisterPiece; none when not built)
//! index    SearchIndex::to_pieces (may be none)
//! manifest bitcode Manifest: the files, their stamps and where their blobs are
//! trailer  the manifest's offset, length and hash (u64 each), MAGIC
//! ```

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::Xxh3;

use super::ordered::encode_in_order;
use super::stamp::Stamp;
use crate::corpus::{Corpus, Loaded};
use crate::model::Letter;
use crate::register::{Entity, Occurrence, Register};
use crate::search::SearchIndex;

const MAGIC: &[u8; 8] = b"BRIEVEN\x01";
/// The layout above; a change to it bumps this.
const FORMAT: u32 = 2;
/// The build that wrote the file: parsing rules and types change between builds, and a cache
/// from another build is not used.
const BUILD: &str = env!("BRIEVEN_BUILD");
const HEADER_LEN: u64 = 8 + 4 + 8;
const TRAILER_LEN: u64 = 8 + 8 + 8 + 8;
/// File names end so; `.tmp` marks one being written.
const EXTENSION: &str = "cache";

/// Where a blob lies in the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub struct Span {
    pub offset: u64,
    pub len: u64,
    /// xxh3 of the bytes: a damaged blob could still decode, as something else.
    pub hash: u64,
}

/// One letter file as it was loaded.
#[derive(Debug, Clone, Default, PartialEq, bitcode::Encode, bitcode::Decode)]
pub struct Entry {
    /// The path as given (a letter's `source`).
    pub source: String,
    /// `None` when the file could not be read: it is then read again every time.
    pub letter_stamp: Option<Stamp>,
    /// The sidecar's, when there is a readable one.
    pub sidecar_stamp: Option<Stamp>,
    /// The warnings loading it gave (a skipped file, a bad sidecar).
    pub warnings: Vec<String>,
    /// Whether it gave a letter (empty and binary files do not).
    pub has_letter: bool,
    pub blob: Span,
}

/// What the cache file holds.
#[derive(Debug, Clone, Default, PartialEq, bitcode::Encode, bitcode::Decode)]
pub struct Manifest {
    /// When the stamps were taken (nanoseconds since the epoch).
    pub taken: i128,
    pub files: Vec<Entry>,
    /// The register files the register and index were built with ([`register_key`]), when
    /// they are there.
    pub register_key: Option<u64>,
    pub register: Vec<Span>,
    pub index: Vec<Span>,
}

/// A piece of the stored register. Pieces stay small (an entity may occur hundreds of
/// thousands of times), so that neither writing nor reading holds a second copy of the
/// register.
#[derive(Debug, bitcode::Encode, bitcode::Decode)]
enum RegisterPiece {
    /// Entities, their occurrences left out, and how many each has.
    Entities(Vec<Entity>, Vec<usize>),
    /// Occurrences, in order, each with the id of its entity.
    Occurrences(Vec<usize>, Vec<Occurrence>),
}

/// Items per piece of the register.
const PIECE: usize = 4096;

/// The register as pieces, made one at a time.
fn register_pieces(register: &Register) -> impl Iterator<Item = RegisterPiece> + '_ {
    let entities = register.entities.chunks(PIECE).map(|chunk| {
        let bare = chunk.iter().map(Entity::without_occurrences);
        let counts = chunk.iter().map(|e| e.occurrences.len()).collect();
        RegisterPiece::Entities(bare.collect(), counts)
    });
    let mut all = register
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.occurrences.iter().map(move |o| (i, *o)))
        .peekable();
    let occurrences = std::iter::from_fn(move || {
        all.peek()?;
        let (ids, occurrences) = all.by_ref().take(PIECE * 4).unzip();
        Some(RegisterPiece::Occurrences(ids, occurrences))
    });
    entities.chain(occurrences)
}

/// A cache file read: its manifest, and the file kept open to read blobs from.
#[derive(Debug)]
pub struct CacheFile {
    file: File,
    size: u64,
    manifest: Manifest,
    /// Where the manifest is, read from the trailer.
    manifest_span: Span,
}

impl CacheFile {
    /// The cache file at `path`, when there is one of this format and build and its manifest
    /// reads.
    pub fn open(path: &Path) -> Option<CacheFile> {
        let (cache, span) = CacheFile::open_bare(path)?;
        let manifest = bitcode::decode(&cache.blob(span)?).ok()?;
        // Mark it used, for pruning; no matter if that cannot be done.
        let _ = cache.file.set_modified(SystemTime::now());
        Some(CacheFile { manifest, ..cache })
    }

    /// The cache file at `path` without its manifest (empty), and where the manifest is: what
    /// identifies this writing of the file. Its letters can be read by their spans
    /// ([`CacheFile::letter`]).
    pub fn open_bare(path: &Path) -> Option<(CacheFile, Span)> {
        let file = File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        if size < HEADER_LEN + TRAILER_LEN {
            return None;
        }
        let mut header = [0u8; HEADER_LEN as usize];
        read_at(&file, &mut header, 0).ok()?;
        let (magic, rest) = header.split_at(8);
        let (format, build) = rest.split_at(4);
        if magic != MAGIC || format != FORMAT.to_le_bytes() || build != build_id().to_le_bytes() {
            return None;
        }
        let mut trailer = [0u8; TRAILER_LEN as usize];
        read_at(&file, &mut trailer, size - TRAILER_LEN).ok()?;
        let word =
            |i: usize| u64::from_le_bytes(trailer[i * 8..i * 8 + 8].try_into().unwrap_or_default());
        if &trailer[24..] != MAGIC {
            return None;
        }
        let span = Span {
            offset: word(0),
            len: word(1),
            hash: word(2),
        };
        let cache = CacheFile {
            file,
            size,
            manifest: Manifest::default(),
            manifest_span: span,
        };
        Some((cache, span))
    }

    /// Marks the file used at `now`, for pruning.
    pub fn touch(&self, now: SystemTime) -> io::Result<()> {
        self.file.set_modified(now)
    }

    /// The letter stored at `span`, when it reads and has the span's hash.
    pub fn letter(&self, span: Span) -> Option<Letter> {
        self.decode_letter(span)
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Where the manifest is: what identifies this writing of the file.
    pub fn manifest_span(&self) -> Span {
        self.manifest_span
    }

    /// What loading an entry's file gave, as stored; `None` when its blob does not read.
    pub fn loaded(&self, entry: &Entry) -> Option<Loaded> {
        let letter = if entry.has_letter {
            Some(self.decode_letter(entry.blob)?)
        } else {
            None
        };
        Some(Loaded {
            letter,
            warnings: entry.warnings.clone(),
        })
    }

    /// The letter stored at `span`. Letters are many and small: each thread reads them into
    /// one buffer of its own, which grows to the largest and is never zeroed again.
    fn decode_letter(&self, span: Span) -> Option<Letter> {
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let len = self.check(span)?;
        BUFFER.with_borrow_mut(|buffer| {
            if buffer.len() < len {
                buffer.resize(len, 0);
            }
            let bytes = &mut buffer[..len];
            self.fill(span, bytes)?;
            bitcode::decode(bytes).ok()
        })
    }

    /// The stored register, when it is there and reads.
    pub fn register(&self) -> Option<Register> {
        let mut entities: Vec<Entity> = Vec::new();
        for &span in &self.manifest.register {
            match bitcode::decode(&self.blob(span)?).ok()? {
                RegisterPiece::Entities(piece, counts) => {
                    (piece.len() == counts.len()).then_some(())?;
                    for (mut entity, count) in piece.into_iter().zip(counts) {
                        // Bounded: a crafted count must not reserve what no file holds (more still grow).
                        entity.occurrences.reserve_exact(count.min(1 << 16));
                        entities.push(entity);
                    }
                }
                RegisterPiece::Occurrences(ids, piece) => {
                    (ids.len() == piece.len()).then_some(())?;
                    for (i, o) in ids.into_iter().zip(piece) {
                        entities.get_mut(i)?.occurrences.push(o);
                    }
                }
            }
        }
        Some(Register { entities })
    }

    /// The stored search index, when it is there and reads.
    pub fn index(&self) -> Option<SearchIndex> {
        let spans = &self.manifest.index;
        SearchIndex::from_pieces(spans.iter().map(|&span| self.blob(span)))
    }

    /// The bytes at `span`, checked against its hash.
    fn blob(&self, span: Span) -> Option<Vec<u8>> {
        let mut bytes = vec![0; self.check(span)?];
        self.fill(span, &mut bytes)?;
        Some(bytes)
    }

    /// The length of `span` when it lies within the file's blobs: a damaged manifest must not
    /// make us allocate what the file does not hold.
    fn check(&self, span: Span) -> Option<usize> {
        let end = span.offset.checked_add(span.len)?;
        (span.offset >= HEADER_LEN && end <= self.size).then_some(())?;
        usize::try_from(span.len).ok()
    }

    /// Fills `bytes` (as long as `span`) from the file; `None` when they cannot be read or do
    /// not have the span's hash.
    fn fill(&self, span: Span, bytes: &mut [u8]) -> Option<()> {
        read_at(&self.file, bytes, span.offset).ok()?;
        (xxhash_rust::xxh3::xxh3_64(bytes) == span.hash).then_some(())
    }
}

/// Writes the cache file at `path`: `letters` are the letters of the manifest's entries that
/// have one, in order; their spans and those of the register and index are filled in. A
/// register or index not given is copied from `carry` (the file read, for the same letters)
/// when it has one that fits.
pub fn write(
    path: &Path,
    manifest: &mut Manifest,
    letters: &[Letter],
    register: Option<(u64, &Register)>,
    index: Option<&SearchIndex>,
    carry: Option<&CacheFile>,
) -> io::Result<Span> {
    let with_letter = manifest.files.iter().filter(|e| e.has_letter).count();
    if with_letter != letters.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the letters are not those of the manifest",
        ));
    }
    write_whole(path, |file| {
        let mut out = Counting::new(BufWriter::new(file));
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&build_id().to_le_bytes())?;
        // Blobs are encoded (and hashed) on every core and written in order.
        let mut entries = manifest.files.iter_mut().filter(|e| e.has_letter);
        encode_in_order(
            letters.iter(),
            |l| hashed(bitcode::encode(l)),
            |blob| {
                let entry = entries.next().expect("counted above");
                entry.blob = out.hashed_blob(blob)?;
                Ok(())
            },
        )?;
        let carried = carry.map(CacheFile::manifest);
        manifest.register_key = register
            .map(|(key, _)| key)
            .or(carried.and_then(|m| m.register_key));
        manifest.register = match (register, carry) {
            (Some((_, register)), _) => {
                let pieces = register_pieces(register);
                out.blobs(pieces, |piece| hashed(bitcode::encode(&piece)))?
            }
            (None, Some(old)) => out.copy(old, &old.manifest.register)?,
            (None, None) => Vec::new(),
        };
        let same_register = carried.is_some_and(|m| m.register_key == manifest.register_key);
        manifest.index = match (index.filter(|_| register.is_some()), carry) {
            (Some(index), _) => out.blobs(index.piece_values(), |p| hashed(p.encode()))?,
            (None, Some(old)) if same_register => out.copy(old, &old.manifest.index)?,
            _ => Vec::new(),
        };
        let span = out.blob(&bitcode::encode(&*manifest))?;
        out.write_all(&span.offset.to_le_bytes())?;
        out.write_all(&span.len.to_le_bytes())?;
        out.write_all(&span.hash.to_le_bytes())?;
        out.write_all(MAGIC)?;
        out.into_inner().into_inner().map_err(|e| e.into_error())?;
        Ok(span)
    })
}

/// Writes the file at `path` whole: `fill` writes a new private file under a temporary name
/// ([`temp_name`]), which is then renamed into place (readers have the old file or the new
/// one, never half of one); on an error the temporary file is removed.
pub(crate) fn write_whole<T>(
    path: &Path,
    fill: impl FnOnce(File) -> io::Result<T>,
) -> io::Result<T> {
    let dir = path.parent().unwrap_or(Path::new("."));
    // The cache holds the text of the letters.
    crate::private::create_private_dir(dir)?;
    let temp = temp_name(path);
    let written = (|| {
        let file = crate::private::private_file()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        let value = fill(file)?;
        fs::rename(&temp, path)?;
        Ok(value)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// The cache file name for the paths a user named: a hash of their absolute forms and of the
/// paths as given (letters keep the latter in their `source`).
pub fn name(paths: &[PathBuf]) -> String {
    let mut hash = Xxh3::new();
    // The working directory once, not once per file as `std::path::absolute` would ask it.
    let cwd = std::env::current_dir().unwrap_or_default();
    for path in paths {
        let absolute = cwd.join(path);
        for part in [absolute.as_os_str(), path.as_os_str()] {
            hash.update(part.as_encoded_bytes());
            hash.update(b"\0");
        }
    }
    format!("{:016x}.{EXTENSION}", hash.digest())
}

/// What identifies the register files a register was built with: the embedded register and
/// the user's files, in order.
pub fn register_key(extra_toml: &[&str]) -> u64 {
    let mut hash = Xxh3::new();
    let embedded = Corpus::embedded_file("register.toml").unwrap_or_default();
    for text in std::iter::once(&embedded).chain(extra_toml) {
        hash.update(&(text.len() as u64).to_le_bytes());
        hash.update(text.as_bytes());
    }
    hash.digest()
}

/// The cache files, their indexes (and leftover temporary files) in `dir`.
pub fn cache_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_cache_or_index(p) || is_temp_file(p))
        .collect();
    files.sort();
    Ok(files)
}

/// Removes cache files unused for `keep`, and temporary files an hour old (a run that was
/// killed while writing).
pub fn prune(dir: &Path, keep: Duration) {
    let Ok(files) = cache_files(dir) else {
        return;
    };
    let now = SystemTime::now();
    for path in files {
        let age = fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok());
        let limit = if is_temp_file(&path) {
            Duration::from_secs(3600)
        } else {
            keep
        };
        if age.is_some_and(|age| age > limit) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// A cache file (not its index).
pub(crate) fn is_cache_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
}

/// A cache file or the on-disk index beside it (`super::index`).
fn is_cache_or_index(path: &Path) -> bool {
    is_cache_file(path)
        || path.extension().is_some_and(|e| {
            e == super::index::EXTENSION
                || e == super::index::DELTA_EXTENSION
                || e == super::index::SEEN
        })
}

fn is_temp_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tmp")
        && path.file_name().is_some_and(|n| {
            let n = n.to_string_lossy();
            [
                EXTENSION,
                super::index::EXTENSION,
                super::index::DELTA_EXTENSION,
                super::index::SEEN,
            ]
            .iter()
            .any(|e| n.contains(&format!(".{e}.")))
        })
}

/// `<name>.<pid>.tmp` beside `path`.
pub(crate) fn temp_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// The build as a number.
pub(crate) fn build_id() -> u64 {
    xxhash_rust::xxh3::xxh3_64(BUILD.as_bytes())
}

/// Fills `buf` from `offset` of `file`, leaving the file's own position alone (so threads can
/// share it).
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

/// `bytes` with their xxh3, as a blob's span holds it.
fn hashed(bytes: Vec<u8>) -> (Vec<u8>, u64) {
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    (bytes, hash)
}

/// A writer that knows how many bytes it has written.
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Counting<W> {
    fn new(inner: W) -> Counting<W> {
        Counting { inner, written: 0 }
    }

    /// Writes `bytes` as one blob; where it went.
    fn blob(&mut self, bytes: &[u8]) -> io::Result<Span> {
        let offset = self.written;
        self.write_all(bytes)?;
        Ok(Span {
            offset,
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        })
    }

    /// Writes a blob [`hashed`] elsewhere; where it went.
    fn hashed_blob(&mut self, (bytes, hash): (Vec<u8>, u64)) -> io::Result<Span> {
        let offset = self.written;
        self.write_all(&bytes)?;
        Ok(Span {
            offset,
            len: bytes.len() as u64,
            hash,
        })
    }

    /// Writes `items` as blobs in order, each encoded (and hashed) by `encode` on every core;
    /// where they went.
    fn blobs<J: Send>(
        &mut self,
        items: impl Iterator<Item = J> + Send,
        encode: impl Fn(J) -> (Vec<u8>, u64) + Sync,
    ) -> io::Result<Vec<Span>> {
        let mut spans = Vec::new();
        encode_in_order(items, encode, |blob| {
            spans.push(self.hashed_blob(blob)?);
            Ok(())
        })?;
        Ok(spans)
    }

    /// Copies the blobs at `spans` of `from` (checked against their hashes); where they went.
    fn copy(&mut self, from: &CacheFile, spans: &[Span]) -> io::Result<Vec<Span>> {
        spans
            .iter()
            .map(|&span| {
                let bytes = from.blob(span).ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidData, "a stored piece does not read")
                })?;
                self.blob(&bytes)
            })
            .collect()
    }

    fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
