//! The event loop: terminal events, the search worker's results, signals and the loaded
//! letters arrive as messages on one channel; each becomes an action for `update`, whose
//! effects the loop carries out (search requests, the clipboard, a browser, the state file,
//! suspending), and the screen is drawn again once the waiting messages are taken.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use brieven::cache::Cached;
use brieven::corpus::Corpus;
use brieven::state::StateStore;
use crossterm::event;
use signal_hook::consts::SIGHUP;

use super::app::App;
use super::terminal::{Term, keys_from_terminal, repaint, suspend};
use super::update::{Effect, update};
use super::{SIGNALS, action, browser, early, keymap, memory, restore, ui, worker};

/// The least time between two saves of the reading position on letter changes.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// Set to make the reader panic after its first frame, to test the panic path.
const PANIC_FOR_TESTS: &str = "BRIEVEN_TEST_PANIC";

/// What the event loop waits for: terminal events, read on their own thread.
pub(super) enum Message {
    Terminal(event::Event),
    /// A result from the search worker.
    Worker(action::Action),
    /// This signal arrived: the loop wakes for it at once.
    Signal(usize),
    /// The letters are loaded (the reader opened on the on-disk index meanwhile).
    Loaded(Box<(Corpus, Cached)>),
}

/// How the event loop starts.
pub(super) enum Start {
    /// On loaded letters, with their cache.
    Ready(Box<Cached>),
    /// On the rows of the on-disk index while the letters load (`early`); whether the index
    /// can answer searches (it has the search sections, for these register files); the
    /// warnings of the configuration and the state, for the letters' app.
    Loading(Box<early::Early>, bool, Vec<String>),
}

/// Reads terminal events on a thread of its own, so the loop can also watch for signals
/// and a terminal that went away (crossterm's read never returns then).
fn spawn_event_reader(tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Message::Terminal(event)).is_err() {
                break;
            }
        }
    });
}

/// Wakes the loop when a signal arrives: the flag alone is read between messages and after
/// each poll, up to 100 ms later. (Without the waker, as when its thread cannot start, that
/// flag still ends the reader.)
fn spawn_signal_waker(tx: mpsc::Sender<Message>) {
    let Ok(mut signals) = signal_hook::iterator::Signals::new(SIGNALS) else {
        return;
    };
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Message::Signal(sig as usize)).is_err() {
                break;
            }
        }
    });
}

/// Runs the reader until it is quit; returns the worker's cache writing, to wait for.
pub(super) fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    (start, register_files): (Start, Vec<String>),
    (signal, store): (&AtomicUsize, &mut StateStore),
    (tx, rx): (mpsc::Sender<Message>, mpsc::Receiver<Message>),
) -> Result<worker::CacheWrite> {
    let panic_for_tests = std::env::var_os(PANIC_FOR_TESTS).is_some();
    spawn_event_reader(tx.clone());
    spawn_signal_waker(tx.clone());
    let to_loop = |tx: &mpsc::Sender<Message>| {
        let tx = tx.clone();
        move |action| tx.send(Message::Worker(action)).is_ok()
    };
    let spawn_worker = |app: &App, cached: Cached| {
        let letters = (Arc::clone(&app.letters), Arc::clone(&app.index));
        worker::spawn(letters, cached, register_files.clone(), to_loop(&tx))
    };
    // The worker on the on-disk index answers while the letters load and then until the
    // worker on the letters has its register and index (seconds on a large archive).
    let mut index_worker = None;
    let (mut worker, mut writing, mut early, mut warnings) = match start {
        Start::Ready(cached) => {
            let (worker, writing) = spawn_worker(app, *cached);
            (worker, writing, None, Vec::new())
        }
        Start::Loading(early, searches, warnings) => {
            // Without the search sections, queries wait for the letters (they are sent again
            // then).
            if searches {
                let letters = Arc::clone(&app.index);
                index_worker = Some(worker::spawn_index(early.index(), letters, to_loop(&tx)));
            }
            let none = mpsc::channel().0;
            (none, worker::CacheWrite::idle(), Some(early), warnings)
        }
    };
    if let Some(early) = early.as_mut() {
        early.show_progress(app);
    }
    // Messages to act on before those waiting in `rx`: the keys kept while the letters loaded.
    let mut queue: std::collections::VecDeque<Message> = Default::default();
    let mut dirty = true;
    let mut resized = false;
    let mut last_save = Instant::now()
        .checked_sub(SAVE_EVERY)
        .unwrap_or_else(Instant::now);
    loop {
        if resized {
            // The terminal may have dropped or reflowed what was on screen, even if the size
            // ended where it began: paint everything again.
            repaint(terminal)?;
            resized = false;
        }
        if dirty {
            terminal.draw(|frame| ui::render(app, frame))?;
            dirty = false;
            if panic_for_tests {
                panic!("{PANIC_FOR_TESTS} is set: panicking as asked");
            }
        }
        if signal.load(Ordering::SeqCst) != 0 {
            return Ok(writing);
        }
        let first = match queue.pop_front() {
            Some(message) => message,
            None => match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(message) => message,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    // A hung-up terminal is no terminal any more: leave as on SIGHUP.
                    if !keys_from_terminal() {
                        signal.store(SIGHUP as usize, Ordering::SeqCst);
                    }
                    if let Some(early) = early.as_mut() {
                        early.show_progress(app);
                        dirty = true;
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(writing),
            },
        };
        // Take every message that is waiting before drawing again (resize storms, pastes).
        let mut next = Some(first);
        while let Some(message) = next.take() {
            next = queue.pop_front().or_else(|| rx.try_recv().ok());
            // A held key or a paste can keep this going: a signal is acted on between any
            // two messages, not only between frames.
            if signal.load(Ordering::SeqCst) != 0 {
                return Ok(writing);
            }
            let action = match message {
                Message::Signal(sig) => {
                    // The flag is set first; should it not be yet, this sets it.
                    let _ = signal.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
                    return Ok(writing);
                }
                Message::Terminal(event) => {
                    let action = keymap::action_for(app, &event);
                    if let (Some(early), Some(action)) = (early.as_mut(), &action)
                        && !early.acts_on(action)
                    {
                        early.deferred.push(event);
                        continue;
                    }
                    resized |= matches!(event, event::Event::Resize(..));
                    action
                }
                Message::Worker(action) => {
                    if matches!(action, action::Action::RegisterReady(..)) {
                        index_worker = None;
                    }
                    Some(action)
                }
                Message::Loaded(loaded) => {
                    let Some(was) = early.take() else { continue };
                    let (corpus, cached) = *loaded;
                    was.clear_progress(app);
                    let mut notes = corpus.warnings;
                    notes.append(&mut warnings);
                    if early::same_letters(app, &corpus.letters) {
                        app.take_letters(corpus.letters);
                        app.corpus_warnings = notes;
                    } else {
                        // The letters changed since the index was written: start on them.
                        *app = early::fresh(app, corpus.letters, notes, store.state());
                    }
                    (worker, writing) = spawn_worker(app, cached);
                    if index_worker.is_none() && app.search.pending() {
                        // Not answered, as the index cannot search: asked again.
                        app.search.sent += 1;
                        let query = app.search.query.clone();
                        let _ = worker.send(worker::Request {
                            seq: app.search.sent,
                            query,
                        });
                    }
                    // The keys kept come before anything that came after them.
                    if let Some(message) = next.take() {
                        queue.push_front(message);
                    }
                    for event in was.deferred.into_iter().rev() {
                        queue.push_front(Message::Terminal(event));
                    }
                    next = queue.pop_front();
                    dirty = true;
                    continue;
                }
            };
            let Some(action) = action else { continue };
            if let Some(early) = early.as_mut() {
                early.before(app, &action);
            }
            dirty = true;
            let letter = app.current;
            match update(app, action) {
                Effect::None => {}
                Effect::Suspend => suspend(terminal)?,
                Effect::Redraw => resized = true,
                Effect::Search { seq, query } => {
                    // The worker only stops when the loop does.
                    let to = index_worker.as_ref().unwrap_or(&worker);
                    let _ = to.send(worker::Request { seq, query });
                }
                Effect::Clipboard(text) => {
                    use brieven::clipboard::{Osc52Route, osc52_via};
                    let mut out = io::stdout();
                    out.write_all(osc52_via(&text, Osc52Route::Direct).as_bytes())?;
                    // Inside tmux, also through its passthrough, for a tmux whose
                    // `set-clipboard` is off but `allow-passthrough` on.
                    if std::env::var_os("TMUX").is_some() {
                        let wrapped = osc52_via(&text, Osc52Route::TmuxPassthrough);
                        out.write_all(wrapped.as_bytes())?;
                    }
                    out.flush()?;
                }
                Effect::OpenUrl(url) => {
                    if let Err(e) = browser::open(&url) {
                        let s = app.lang.strings();
                        app.message = Some(brieven::i18n::fill(s.msg_open_failed, &e.to_string()));
                    }
                }
                Effect::Persist(change) => persist(app, store, change),
                Effect::BuildTimeline => {
                    let (letters, tx) = (Arc::clone(&app.letters), tx.clone());
                    std::thread::spawn(move || {
                        let timeline = brieven::timeline::Timeline::build(&letters, false);
                        let ready = action::Action::TimelineReady(Arc::new(timeline));
                        let _ = tx.send(Message::Worker(ready));
                    });
                }
            }
            if let Some(early) = early.as_mut() {
                early.after(app);
            }
            // Holding j in the letter list opens letter after letter: save at most once a
            // second then (quitting always saves).
            if app.current != letter && last_save.elapsed() >= SAVE_EVERY {
                restore::save(app, store);
                last_save = Instant::now();
            }
            if app.quit {
                return Ok(writing);
            }
        }
    }
}

/// Saves `change` to the state file (as it is on disk now) and takes the result back.
fn persist(app: &mut App, store: &mut StateStore, mut change: memory::StateChange) {
    if let memory::StateChange::Pin { card, .. } = &mut change {
        card.pinned_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
    }
    let applied = store.update(|state| change.apply(state));
    app.state = store.state().clone();
    for warning in store.take_warnings() {
        app.message = Some(warning.clone());
        app.corpus_warnings.push(warning);
    }
    let s = app.lang.strings();
    if !applied {
        app.message = Some(s.msg_card_gone.into());
    } else if change.is_card()
        && let Some(why) = store.not_saving()
    {
        app.message = Some(brieven::i18n::fill(s.msg_card_not_saved, why));
    }
}
