//! The search worker: builds the register and the search index off the draw path, then
//! answers queries, always the newest first (older ones still waiting are dropped), so typing
//! never waits for a search.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use brieven::cache::Cached;
use brieven::cache::index::Index;
use brieven::model::Letter;
use brieven::register::Register;
use brieven::search::{Hit, HitLetters, Memory, SearchIndex, Source};

use super::action::Action;
use super::index::LetterIndex;
use super::lookup::{RESULT_LIMIT, Results};

/// Drops `value` on a thread of its own, which stays for the next: freeing a large value (a
/// result set) costs milliseconds the loop should not wait for.
pub fn drop_later<T: Send + 'static>(value: T) {
    type Garbage = Box<dyn Send>;
    static BIN: std::sync::OnceLock<std::sync::Mutex<Sender<Garbage>>> = std::sync::OnceLock::new();
    let bin = BIN.get_or_init(|| {
        let (tx, rx) = channel::<Garbage>();
        // Without the thread, sending fails and the value is dropped here.
        let _ = std::thread::Builder::new().spawn(move || for _ in rx {});
        std::sync::Mutex::new(tx)
    });
    if let Ok(bin) = bin.lock() {
        let _ = bin.send(Box::new(value));
    }
}

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
    /// No write under way, nor to come (while the letters load, no worker writes).
    pub fn idle() -> CacheWrite {
        CacheWrite(Arc::new(AtomicBool::new(false)))
    }

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

/// Starts a worker that answers queries from the on-disk `index` while the letters load
/// (`tui::early`): the CLI's search over the index (`search_in`), so the same hits as the
/// worker on the loaded letters gives, numbered alike. It ends when its requests' sender is
/// dropped (the letters are in), or answers nothing more once the index is found damaged
/// (the reader then asks the worker on the letters again).
pub fn spawn_index(
    index: Arc<Index>,
    letter_index: Arc<LetterIndex>,
    results: impl Fn(Action) -> bool + Send + 'static,
) -> Sender<Request> {
    let (tx, rx) = channel::<Request>();
    std::thread::spawn(move || {
        let search = |query: &str, stop: &dyn Fn() -> bool| {
            let hits = brieven::search::search_in_until(&*index, query, RESULT_LIMIT, stop);
            let found = hits.map(|hits| found(&*index, query, hits, &letter_index));
            (!index.damaged()).then_some(found)
        };
        serve(&rx, search, results);
    });
    tx
}

/// The `hits` of `query` in `source` with what the overlay shows of them (their senders),
/// every letter of a hit read from `source` only when its first letters do not settle that.
fn found(source: &impl Source, query: &str, hits: Vec<Hit>, index: &LetterIndex) -> Results {
    let every = HitLetters::new(source, query);
    Results::new(hits, index, |hit| every.of(hit))
}

/// What the worker on `letters` answers to `query`, without the thread (for tests).
#[cfg(test)]
pub fn answer(
    (letters, register): (&[Letter], &Register),
    letter_index: &LetterIndex,
    query: &str,
    limit: usize,
) -> Results {
    let index = SearchIndex::new(letters, register);
    let source = Memory {
        letters,
        register,
        index: &index,
    };
    found(
        &source,
        query,
        index.search(letters, register, query, limit),
        letter_index,
    )
}

/// Answers `requests`, the newest first (older ones still waiting are dropped), with what
/// `search` finds (`None`: it can answer no more; `Some(None)`: it stopped), until the
/// requests or the results' receiver are gone. A search under way is stopped when a newer
/// request arrives (`search` asks between its steps), and the newer one is answered instead.
fn serve(
    requests: &Receiver<Request>,
    search: impl Fn(&str, &dyn Fn() -> bool) -> Option<Option<Results>>,
    results: impl Fn(Action) -> bool,
) {
    let waiting: std::cell::RefCell<Option<Request>> = std::cell::RefCell::new(None);
    // Whether a newer request has arrived; it is kept in `waiting`.
    let newer = || {
        if waiting.borrow().is_some() {
            return true;
        }
        let next = requests.try_recv().ok();
        let arrived = next.is_some();
        *waiting.borrow_mut() = next;
        arrived
    };
    loop {
        let next = waiting.borrow_mut().take();
        let Some(mut request) = next.or_else(|| requests.recv().ok()) else {
            return;
        };
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let found = match request.query.trim().is_empty() {
            true => Results::default(),
            false => match search(&request.query, &newer) {
                Some(Some(found)) if waiting.borrow().is_none() => found,
                Some(_) => continue,
                None => return,
            },
        };
        if !results(Action::SearchResults(request.seq, found)) {
            return;
        }
    }
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
    let source = Memory {
        letters,
        register: &register,
        index: &index,
    };
    let search = |query: &str, stop: &dyn Fn() -> bool| {
        let hits = index.search_until(letters, &register, query, RESULT_LIMIT, stop);
        Some(hits.map(|hits| found(&source, query, hits, letter_index)))
    };
    serve(requests, search, results);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(seq: u64, query: &str) -> Request {
        Request {
            seq,
            query: query.to_string(),
        }
    }

    /// A newer request arriving while a search runs stops it: only the newer one's results
    /// are sent, and a search never stopped is answered as it was asked.
    #[test]
    fn a_search_is_stopped_for_a_newer_request() {
        let (tx, rx) = channel::<Request>();
        let searched = std::cell::RefCell::new(Vec::new());
        let sent = std::cell::RefCell::new(Vec::new());
        tx.send(request(1, "e")).unwrap();
        let search = |query: &str, stop: &dyn Fn() -> bool| {
            searched.borrow_mut().push(query.to_string());
            if query == "e" {
                // The user types on while `e` is searched.
                tx.send(request(2, "en")).unwrap();
                tx.send(request(3, "enc")).unwrap();
                assert!(stop(), "the newer request is seen");
                assert!(stop(), "and stays seen");
                return Some(None);
            }
            assert!(!stop());
            if query == "enc" {
                tx.send(request(4, "encr")).unwrap();
            }
            Some(Some(Results::default()))
        };
        let results = |action: Action| {
            if let Action::SearchResults(seq, _) = action {
                sent.borrow_mut().push(seq);
            }
            sent.borrow().len() < 2
        };
        serve(&rx, search, results);
        assert_eq!(*searched.borrow(), ["e", "enc", "encr"]);
        assert_eq!(*sent.borrow(), [3, 4]);
    }
}
