//! Opening an index against a listing of its paths: current when its letter files are the
//! listing's, each unchanged; or, for an update, current up to the letters added after its
//! last (with its delta when the delta's files are among those too, else without it). Each
//! file is looked at once, on both cores.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use super::layout::*;
use super::{Index, seen, stamp_in};
use crate::cache::stamp::{self, Stamp};
use crate::corpus::Listing;

impl Index {
    /// The index at `path` for the letter `files` (as listed from the paths the user named),
    /// when it is of this format and build, belongs to the cache file `cache_path` as it is,
    /// and every file (and sidecar) is unchanged since it was written; with a search section
    /// built with register files of `register_key`, when one is given.
    pub(crate) fn open(
        path: &Path,
        cache_path: &Path,
        listing: &Listing,
        register_key: Option<u64>,
    ) -> Option<Index> {
        match Index::opened(path, cache_path, listing, register_key, true)? {
            (index, true) => Some(index),
            (_, false) => None,
        }
    }

    /// The index at `path` (as for [`Index::open`]), and whether it is current (`true`) or
    /// the files it was written for are the first of `listing`'s, each unchanged, and the
    /// listing has more after them (`false`: the letters added since, for
    /// [`update::append`]). With its delta when the delta's files are among those too, else
    /// without it (a letter the delta added was changed or removed since, or one sorts among
    /// them: the index alone may be current, or the delta is written anew from it). Each file
    /// is looked at once.
    pub(crate) fn open_or_before(
        path: &Path,
        cache_path: &Path,
        listing: &Listing,
        register_key: Option<u64>,
    ) -> Option<(Index, bool)> {
        Index::opened(path, cache_path, listing, register_key, false)
    }

    /// [`Index::open_or_before`]; with `only_current`, `None` at once when neither the index
    /// nor the index with its delta has as many files as `listing`.
    fn opened(
        path: &Path,
        cache_path: &Path,
        listing: &Listing,
        register_key: Option<u64>,
        only_current: bool,
    ) -> Option<(Index, bool)> {
        let index = Index::map(path, cache_path, register_key)?;
        let files = listing.files.len();
        let in_base = index.base.len(FILES) as usize / FILE;
        let in_all = index.count(FILES, FILE);
        let may_be_current = in_base == files || (index.delta.is_some() && in_all == files);
        (!only_current || may_be_current).then_some(())?;
        (in_base <= files && index.current_from(listing, 0, in_base)?).then_some(())?;
        let index = match index.delta {
            Some(_) if in_all > files || !index.current_from(listing, in_base, in_all)? => {
                index.without_delta()
            }
            _ => index,
        };
        let current = index.count(FILES, FILE) == files;
        if current {
            index.touch();
            // The next run need not list the directories while they keep their stamps.
            if let Some(record) = seen::of_listing(index.identity(), listing) {
                let _ = seen::write(&seen::path_of(path), &record);
            }
        }
        Some((index, current))
    }

    /// The index at `path` as [`update::append`] has just written it from `before` (opened
    /// with [`Index::open_or_before`], its files found current then; `written` the hash of the
    /// file it wrote last): current when its files are `listing`'s, the new ones (those after
    /// `before`'s) looked at alone.
    pub(crate) fn open_appended(
        before: &Index,
        written: u64,
        path: &Path,
        cache_path: &Path,
        listing: &Listing,
        register_key: Option<u64>,
    ) -> Option<Index> {
        let index = Index::map(path, cache_path, register_key)?;
        let (checked, files) = (before.count(FILES, FILE), listing.files.len());
        // What was written, not what another writer wrote since.
        (index.top().hash == written).then_some(())?;
        (index.count(FILES, FILE) == files && index.current_from(listing, checked, files)?)
            .then_some(())?;
        index.touch();
        Some(index)
    }

    /// The index without its delta.
    pub(super) fn without_delta(self) -> Index {
        Index {
            delta: None,
            decoded: Mutex::new(HashMap::new()),
            ..self
        }
    }

    /// Whether the files are those the index was written for, each unchanged (as the cache
    /// decides it: size, times, inode and device, not too close to when they were taken).
    /// Files `from..count` of `listing` are looked at. A sidecar the directory's listing did
    /// not show is not looked at.
    fn current_from(&self, listing: &Listing, from: usize, count: usize) -> Option<bool> {
        let files = listing.files.get(..count)?;
        let chunk = (count.saturating_sub(from)).div_ceil(64).max(1);
        let starts: Vec<usize> = (from..files.len()).step_by(chunk).collect();
        let same = crate::corpus::map_in_parallel(&starts, |&first| {
            (first..(first + chunk).min(files.len()))
                .all(|i| self.file_current(i, &files[i], listing.sidecar_absent(i), self.taken(i)))
        });
        Some(same.into_iter().all(|s| s) && !self.damaged())
    }

    /// When the stamps of file `i` were taken: when the layer that holds it was written.
    pub(super) fn taken(&self, i: usize) -> i128 {
        let in_base = self.base.len(FILES) as usize / FILE;
        match &self.delta {
            Some(delta) if i >= in_base => delta.directory.taken,
            _ => self.base.directory.taken,
        }
    }

    /// What this index is (its file and its delta), for the record of its files' directories
    /// ([`seen`]): the hashes of their directories, which hold the hash of every chunk.
    pub(super) fn identity(&self) -> u64 {
        let delta = self.delta.as_ref().map_or(0, |d| d.hash);
        let mut both = [0u8; 16];
        both[..8].copy_from_slice(&self.base.hash.to_le_bytes());
        both[8..].copy_from_slice(&delta.to_le_bytes());
        xxhash_rust::xxh3::xxh3_64(&both)
    }

    pub(super) fn file_current(
        &self,
        i: usize,
        file: &Path,
        sidecar_absent: bool,
        taken: i128,
    ) -> bool {
        let Some(rec) = self.record(FILES, FILE, i) else {
            return false;
        };
        let stamp_at = |at: usize| stamp_in(rec, at);
        let flags = u64_at(rec, 0);
        let source = str_at(rec, 8 + 2 * 56).and_then(|s| self.string(s));
        let named = match file.to_str() {
            Some(name) => source == Some(name),
            None => source == Some(file.display().to_string().as_str()),
        };
        if !named || flags & 1 == 0 {
            return false;
        }
        let letter = stamp_at(8);
        let sidecar = (flags & 2 != 0).then(|| stamp_at(8 + 56));
        let sidecar_now = match sidecar_absent {
            true => None,
            false => Stamp::of(&file.with_extension("toml")),
        };
        Stamp::of(file).is_some_and(|now| letter.same_file(&now, taken))
            && stamp::same_optional(sidecar, sidecar_now, taken)
    }
}
