//! The search worker: builds the register and the search index off the draw path, then
//! answers queries, always the newest first (older ones still waiting are dropped), so typing
//! never waits for a search.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use brieven::model::Letter;
use brieven::register::Register;
use brieven::search::SearchIndex;

use super::action::Action;
use super::lookup::RESULT_LIMIT;

/// A query for the worker.
#[derive(Debug, Clone)]
pub struct Request {
    pub seq: u64,
    pub query: String,
}

/// Starts the worker on `letters`; its results come back through `results` as actions.
pub fn spawn(
    letters: Arc<Vec<Letter>>,
    results: impl Fn(Action) -> bool + Send + 'static,
) -> Sender<Request> {
    let (tx, rx) = channel();
    std::thread::spawn(move || run(&letters, &rx, results));
    tx
}

fn run(letters: &[Letter], requests: &Receiver<Request>, results: impl Fn(Action) -> bool) {
    let register = Arc::new(Register::build(letters));
    let index = SearchIndex::new(letters, &register);
    if !results(Action::RegisterReady(Arc::clone(&register))) {
        return;
    }
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
        if !results(Action::SearchResults(request.seq, Arc::new(hits))) {
            return;
        }
    }
}
