//! Looking at the letter files of an index opened from the record of its directories
//! (`seen`), while the command already reads the index.
//!
//! Each letter file is `stat`ed once (`Index::name_current`): at 100,000 letters about 85 ms of
//! kernel time (the name's lookup in the directory, the security hook, the file system's
//! attributes), the same for every form of the call (`statx` or `fstatat`, any mask, any sync
//! flag; BENCHMARKS.md). What can be saved is the wait for it: the files are looked at in
//! chunks by helper threads while the calling thread does the command's work on the index
//! (`work`), then takes the chunks left. Its answer is handed out only when every file is
//! unchanged; otherwise it is thrown away (it may have been read from an index of changed
//! letters: never shown).
//!
//! The calling thread does not wait for the rest of a helper's chunk: a chunk taken and not
//! finished when the calling thread is done is looked at again by it (looking twice is
//! harmless). It waits only for the helpers to end (they are scoped threads, joined), which
//! they do at their next chunk, there being none left; a helper the system has not run yet
//! ends as soon as it runs.

use std::fs::File;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

use super::Index;

/// Files per chunk: a chunk looked at twice costs about 0.1 ms.
const CHUNK: usize = 128;

/// Helper threads at most (the calling thread is one more).
const MAX_HELPERS: usize = 7;

/// A chunk's state.
const OPEN: u8 = 0;
const SAME: u8 = 1;
const CHANGED: u8 = 2;

/// One directory whose files are to be looked at.
pub(super) struct Dir {
    pub file: File,
    pub path: PathBuf,
    /// Its path with a separator after it, as the index's file names start.
    pub prefix: String,
    /// Its files, as the index numbers them.
    pub files: Range<usize>,
}

/// The files of `dirs` in `index`, in chunks.
pub(super) struct Check<'a> {
    index: &'a Index,
    dirs: Vec<Dir>,
    /// Each chunk's directory (in `dirs`) and files.
    chunks: Vec<(usize, Range<usize>)>,
    states: Vec<AtomicU8>,
    /// The next chunk not taken.
    next: AtomicUsize,
    changed: AtomicBool,
}

impl<'a> Check<'a> {
    pub fn new(index: &'a Index, dirs: Vec<Dir>) -> Check<'a> {
        let mut chunks = Vec::new();
        for (d, dir) in dirs.iter().enumerate() {
            for first in dir.files.clone().step_by(CHUNK) {
                chunks.push((d, first..(first + CHUNK).min(dir.files.end)));
            }
        }
        let states = chunks.iter().map(|_| AtomicU8::new(OPEN)).collect();
        Check {
            index,
            dirs,
            chunks,
            states,
            next: AtomicUsize::new(0),
            changed: AtomicBool::new(false),
        }
    }

    /// `work` on the index while the files are looked at, with helpers when there are at
    /// least `parallel_from` files (none on a machine with one core); and whether every file
    /// is unchanged.
    pub fn run<R>(&self, parallel_from: usize, work: impl FnOnce(&Index) -> R) -> (bool, R) {
        let files: usize = self.chunks.iter().map(|(_, f)| f.len()).sum();
        // (Counting the cores reads the cgroup's files: not done for no helper.)
        let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
        let helpers = match files >= parallel_from {
            true => (cores() - 1)
                .min(MAX_HELPERS)
                .min(self.chunks.len().saturating_sub(1)),
            false => 0,
        };
        std::thread::scope(|scope| {
            for _ in 0..helpers {
                // A helper that cannot be started leaves its chunks to the others.
                let _ = std::thread::Builder::new().spawn_scoped(scope, || self.take());
            }
            let answer = work(self.index);
            self.take();
            // Chunks a helper took and has not finished: looked at here too.
            let same = !self.changed.load(Ordering::Acquire)
                && (0..self.chunks.len()).all(|c| match self.states[c].load(Ordering::Acquire) {
                    SAME => true,
                    CHANGED => false,
                    _ => self.look(c),
                });
            (same, answer)
        })
    }

    /// Takes chunks and looks at them until there is none left or a file has changed.
    fn take(&self) {
        while !self.changed.load(Ordering::Relaxed) {
            let c = self.next.fetch_add(1, Ordering::Relaxed);
            if c >= self.chunks.len() {
                return;
            }
            let same = self.look(c);
            let state = if same { SAME } else { CHANGED };
            self.states[c].store(state, Ordering::Release);
            if !same {
                self.changed.store(true, Ordering::Release);
            }
        }
    }

    /// Whether the files of chunk `c` are unchanged.
    fn look(&self, c: usize) -> bool {
        let (d, files) = &self.chunks[c];
        let dir = &self.dirs[*d];
        files.clone().all(|i| {
            self.index
                .name_current(i, &dir.file, &dir.path, &dir.prefix)
        })
    }
}
