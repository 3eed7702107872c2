//! The search worker: builds the register and the search index off the draw path, then
//! answers queries, always the newest first (older ones still waiting are dropped), so typing
//! never waits for a search.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use brieven::cache::Cached;
use brieven::model::Letter;
use brieven::register::Register;
use brieven::search::SearchIndex;

use super::action::Action;
use super::index::LetterIndex;
use super::lookup::{RESULT_LIMIT, Results};

/// A query for the worker.
#[derive(Debug, Clone)]
pub struct Request {
    pub seq: u64,
    pub query: String,
}

/// Whether the worker is writing the cache. The reader, once quit and the terminal given
/// back, waits for a write under way to end ([`CacheWrite::wait`]): cut off, it would leave
/// a temporary file and no cache, and the next start would parse every letter again. It
/// does not wait for the register to be built.
#[derive(Debug, Clone)]
pub struct CacheWrite(Arc<AtomicBool>);

impl CacheWrite {
    /// Writing from the start: saving the letters parsed anew is the worker's first step,
    /// so a reader quit before the worker got to it waits for it too.
    fn new() -> CacheWrite {
        CacheWrite(Arc::new(AtomicBool::new(true)))
    }

    fn during<T>(&self, write: impl FnOnce() -> T) -> T {
        self.0.store(true, Ordering::SeqCst);
        let done = write();
        self.0.store(false, Ordering::SeqCst);
        done
    }

    /// Waits until no write is under way, or `limit` has passed.
    pub fn wait(&self, limit: Duration) {
        let start = Instant::now();
        while self.0.load(Ordering::SeqCst) && start.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Starts the worker on `letters` (looked up through `index`) and the user's
/// `register_files` (TOML texts), taking the register and index from `cached` when it has
/// them (and writing the cache once they are built); its results come back through `results`
/// as actions.
pub fn spawn(
    (letters, index): (Arc<Vec<Letter>>, Arc<LetterIndex>),
    cached: Cached,
    register_files: Vec<String>,
    results: impl Fn(Action) -> bool + Send + 'static,
) -> (Sender<Request>, CacheWrite) {
    let (tx, rx) = channel();
    let writing = CacheWrite::new();
    let worker_writing = writing.clone();
    std::thread::spawn(move || {
        run(
            (&letters, &index),
            cached,
            &register_files,
            &rx,
            &worker_writing,
            results,
        );
    });
    (tx, writing)
}

fn run(
    (letters, letter_index): (&[Letter], &LetterIndex),
    mut cached: Cached,
    register_files: &[String],
    requests: &Receiver<Request>,
    writing: &CacheWrite,
    results: impl Fn(Action) -> bool,
) {
    // Letters parsed anew are kept at once: building the register takes seconds on a large
    // corpus, and a reader closed before that should still open fast next time.
    let _ = writing.during(|| cached.save(letters));
    let texts: Vec<&str> = register_files.iter().map(String::as_str).collect();
    let (register, index) = cached.search(letters, &texts).unwrap_or_else(|_| {
        // The files were checked before the reader opened, so only a broken embedded
        // register fails here; `Register::build` still detects.
        let register = Arc::new(Register::build(letters));
        let index = Arc::new(SearchIndex::new(letters, &register));
        (register, index)
    });
    if !results(Action::RegisterReady(Arc::clone(&register))) {
        return;
    }
    // Searching works from here on; the cache is written while the user reads (best effort:
    // one that cannot be written only costs time at the next start).
    let _ = writing.during(|| cached.save(letters));
    while let Ok(mut request) = requests.recv() {
        // Only the newest query matters.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let hits = if request.query.trim().is_empty() {
            Vec::new()
        } else {
            index.search(letters, &register, &request.query, RESULT_LIMIT)
        };
        let found = Results::new(hits, letter_index);
        if !results(Action::SearchResults(request.seq, found)) {
            return;
        }
    }
}
