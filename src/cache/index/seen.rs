//! Knowing that an index is current without listing its directories again.
//!
//! Checking an index against a listing (`Index::open`) reads every directory named (100,000
//! entries for 100,000 letters), sorts the paths and compares each with the index's, before
//! the one `stat` per letter that finds a letter changed in place. When that check passes, a
//! small record is written beside the index (`<name>.seen`): for each path named, the stamp
//! of the directory taken before its entries were read, and how many letter files it gave.
//! The next run that finds every directory with the same stamp (size, modification and change
//! times, inode, device; the modification time older than when it was taken by 2 s) knows
//! the directory holds the same entries, so the same letter files in the same order as the
//! index: it only `stat`s each of them by name, relative to the open directory.
//!
//! Why the directory's stamp tells: adding, removing or renaming an entry sets the
//! directory's modification and change times to the present, and `touch -d` can set the
//! modification time back but not the change time; a directory replaced by another has
//! another inode. What it does not tell is a file written in place, which is what the `stat`
//! of every letter still finds. A directory that holds a symbolic link the listing left out
//! (to a directory, say) gets no record: the link's target could become a letter file
//! without the directory changing.
//!
//! The record names the index it was checked against (the hash of its directory, which holds
//! the hash of every chunk), so an index written since does not inherit it; it is read
//! whole, checked against its own hash and this build, and anything that does not fit is
//! ignored (the directories are listed, as without it).

use std::fs::File;
use std::path::{Path, PathBuf};

use super::check::{Check, Dir};
use super::layout::*;
use super::{Index, stamp_in, str_at};
use crate::cache::stamp::{RACY_NANOS, Stamp};
use crate::corpus::Listing;

/// File names end so.
pub(crate) const EXTENSION: &str = "seen";
const MAGIC: &[u8; 8] = b"BRVSEEN1";

/// What a record holds.
#[derive(Debug, Clone, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub(super) struct Seen {
    /// The hash of the directory of the index checked.
    pub index: u64,
    pub paths: Vec<SeenPath>,
}

/// One path named.
#[derive(Debug, Clone, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub(super) struct SeenPath {
    /// The path as named, its bytes.
    pub path: Vec<u8>,
    /// How many of the index's files it gave.
    pub files: u64,
    /// A directory's stamp and when it was taken (see `Named::dir`); `None` for a file.
    pub dir: Option<(Stamp, i128)>,
}

/// The record beside the index at `index_path`.
pub(super) fn path_of(index_path: &Path) -> PathBuf {
    index_path.with_extension(EXTENSION)
}

/// The record of the paths of `listing` as checked against the index whose directory hashes
/// to `index`, when every directory among them has a stamp that can be trusted; `None` when
/// some cannot (too recent, or a link left out) or a letter's path is not UTF-8 (the index
/// keeps paths as text).
pub(super) fn of_listing(index: u64, listing: &Listing) -> Option<Seen> {
    let mut paths = Vec::with_capacity(listing.named.len());
    for named in &listing.named {
        let dir = match (named.directory, named.dir) {
            (false, _) => None,
            (true, Some((stamp, taken))) if stamp.mtime < taken - RACY_NANOS => {
                Some((stamp, taken))
            }
            (true, _) => return None,
        };
        paths.push(SeenPath {
            path: named.path.as_os_str().as_encoded_bytes().to_vec(),
            files: named.files as u64,
            dir,
        });
    }
    listing
        .files
        .iter()
        .all(|f| f.to_str().is_some())
        .then_some(())?;
    Some(Seen { index, paths })
}

/// The record at `path`, when it is whole and of this build.
pub(super) fn read(path: &Path) -> Option<Seen> {
    let bytes = std::fs::read(path).ok()?;
    let (head, body) = bytes.split_at_checked(24)?;
    let build = crate::cache::file::build_id().to_le_bytes();
    (&head[..8] == MAGIC && head[8..16] == build).then_some(())?;
    let hash = u64::from_le_bytes(head[16..24].try_into().ok()?);
    (xxhash_rust::xxh3::xxh3_64(body) == hash).then_some(())?;
    bitcode::decode(body).ok()
}

/// Writes `seen` at `path` (whole, under another name, renamed), unless it is there already.
pub(super) fn write(path: &Path, seen: &Seen) -> std::io::Result<()> {
    if read(path).as_ref() == Some(seen) {
        return Ok(());
    }
    let body = bitcode::encode(seen);
    let mut bytes = Vec::with_capacity(24 + body.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&crate::cache::file::build_id().to_le_bytes());
    bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    crate::cache::file::write_whole(path, |mut file| {
        std::io::Write::write_all(&mut file, &bytes)
    })
}

impl Index {
    /// The index at `path` (as for [`Index::open`]) for the letter files of `paths`, known
    /// without listing them: when the record beside it ([`seen`](self)) says which files each
    /// path gave and every directory among them still has the stamp it had then. Each file is
    /// still looked at (`stat`, by its name in the open directory). `None`: the paths are to
    /// be listed ([`Index::open`]).
    pub(crate) fn open_seen(
        path: &Path,
        cache_path: &Path,
        paths: &[PathBuf],
        register_key: Option<u64>,
    ) -> Option<Index> {
        let (index, ()) = Index::open_seen_with(
            path,
            cache_path,
            paths,
            register_key,
            crate::cache::HELPERS_FROM,
            |_| (),
        )?;
        Some(index)
    }

    /// [`Index::open_seen`], with `work` done on the index while its letter files are looked
    /// at (`check`), by helper threads from `parallel_from` files: its answer comes back only
    /// with an index found current, and is thrown away otherwise.
    pub(crate) fn open_seen_with<R>(
        path: &Path,
        cache_path: &Path,
        paths: &[PathBuf],
        register_key: Option<u64>,
        parallel_from: usize,
        work: impl FnOnce(&Index) -> R,
    ) -> Option<(Index, R)> {
        let record = read(&path_of(path))?;
        let index = Index::map(path, cache_path, register_key)?;
        // The record may be of the index without its delta (the delta's letters removed).
        let index = match record.index == index.identity() {
            true => index,
            false => index.without_delta(),
        };
        let named = record.paths.len() == paths.len()
            && record.index == index.identity()
            && record.paths.iter().map(|p| p.files).sum::<u64>() == index.count(FILES, FILE) as u64;
        named.then_some(())?;
        let mut first = 0;
        let mut dirs = Vec::new();
        for (seen, path) in record.paths.iter().zip(paths) {
            (seen.path == path.as_os_str().as_encoded_bytes()).then_some(())?;
            let files = first..first + usize::try_from(seen.files).ok()?;
            first = files.end;
            match seen.dir {
                None => {
                    let i = files.start;
                    let current =
                        files.len() == 1 && index.file_current(i, path, false, index.taken(i));
                    current.then_some(())?;
                }
                Some((stamp, when)) => {
                    let dir = open_dir(path)?;
                    let meta = dir.metadata().ok()?;
                    (meta.is_dir() && stamp.same_file(&Stamp::of_metadata(&meta), when))
                        .then_some(())?;
                    dirs.push(Dir {
                        file: dir,
                        prefix: path.join("").to_str()?.to_string(),
                        path: path.clone(),
                        files,
                    });
                }
            }
        }
        let (current, answer) = Check::new(&index, dirs).run(parallel_from, work);
        (current && !index.damaged()).then_some(())?;
        index.touch();
        Some((index, answer))
    }

    /// Whether file `i` of the index is the file of its name in `dir`, unchanged (and its
    /// sidecar, if it had one).
    pub(super) fn name_current(&self, i: usize, dir: &File, dir_path: &Path, prefix: &str) -> bool {
        let Some(rec) = self.record(FILES, FILE, i) else {
            return false;
        };
        let flags = u64_at(rec, 0);
        let source = str_at(rec, 8 + 2 * 56).and_then(|s| self.string(s));
        let Some(name) = source.and_then(|s| s.strip_prefix(prefix)) else {
            return false;
        };
        if flags & 1 == 0 || name.is_empty() || name.contains('/') {
            return false;
        }
        let taken = self.taken(i);
        let same = |stamp: Stamp, name: &str| {
            Stamp::at(dir, dir_path, name).is_some_and(|now| stamp.same_file(&now, taken))
        };
        same(stamp_in(rec, 8), name)
            && (flags & 2 == 0
                || Path::new(name)
                    .with_extension("toml")
                    .to_str()
                    .is_some_and(|sidecar| same(stamp_in(rec, 8 + 56), sidecar)))
    }
}

/// The directory at `path`, opened to look up its entries (never anything else: a FIFO put in
/// its place is not waited on).
fn open_dir(path: &Path) -> Option<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_DIRECTORY)
            .open(path)
            .ok()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}
