//! The reader: a ratatui terminal UI over the library. This module owns the terminal: it
//! enters raw mode and the alternate screen, restores them on every way out (quit, panic,
//! SIGTERM/SIGINT/SIGHUP, Ctrl-z), and runs the loop event -> keymap -> Action -> update ->
//! render.

pub mod action;
pub mod annotate;
pub mod app;
pub mod article;
mod beside;
mod browser;
pub mod cards_view;
pub mod component;
pub mod document;
#[cfg(test)]
mod dutch_tests;
mod early;
pub mod find;
#[cfg(test)]
mod fixtures;
#[cfg_attr(not(test), allow(dead_code))]
pub mod huge;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod list_cursor;
pub mod loading;
pub mod lookup;
pub mod memory;
pub mod pager;
pub mod panes;
mod preview;
#[cfg(test)]
mod reading_snapshot_tests;
mod register_view;
mod restore;
pub mod rows_view;
pub mod search_overlay;
mod selection;
#[cfg(test)]
mod snapshot_tests;
pub mod theme;
pub mod trail;
pub mod ui;
pub mod update;
pub mod worker;

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use anyhow::Result;
use brieven::cache::Cached;
use brieven::config::{Config, default_config_path};
use brieven::corpus::Corpus;
use brieven::i18n::Lang;
use brieven::model::Letter;
use brieven::state::{StateStore, default_state_path};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

use app::App;
use update::{Effect, update};

type Term = Terminal<CrosstermBackend<Stdout>>;

/// The signals that end the reader (with exit code 128 + the signal's number).
const SIGNALS: [std::ffi::c_int; 4] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT];

/// The least time between two saves of the reading position on letter changes.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// Set to make the reader panic after its first frame, to test the panic path.
const PANIC_FOR_TESTS: &str = "BRIEVEN_TEST_PANIC";

/// How the reader was started: the flags that are not letters.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--no-state`: nothing read from or written to the state directory.
    pub no_state: bool,
    /// The cache of parsed letters, unless `--no-cache`.
    pub cache: Option<brieven::cache::Cache>,
    /// The register files beside the letters (a `register.toml` in a directory named), read
    /// and checked before the screen opens, as the subcommands read them.
    pub register_files: Vec<String>,
    /// `--with-embedded`: the embedded letters before the files' (read without the cache).
    pub with_embedded: bool,
}

/// The letters the reader opens on.
pub enum Letters {
    /// Already loaded (the embedded letters).
    Ready(Corpus),
    /// Files to load (the letter files of the paths the user named), with a progress screen,
    /// once the terminal is the reader's.
    Files {
        paths: Vec<std::path::PathBuf>,
        files: Vec<std::path::PathBuf>,
    },
}

/// Runs the reader on `letters` until the user quits or a signal ends it.
pub fn run(letters: Letters, options: Options) -> Result<ExitCode> {
    let config_path = default_config_path();
    let (mut config, config_warnings) = Config::load(config_path.as_deref());
    let mut warnings = Vec::new();
    let names: Vec<&str> = keymap::ACTION_NAMES
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    let origin = config_path.map_or_else(|| "config.toml".into(), |p| p.display().to_string());
    let unknown = config.retain_known_actions(&names, &origin);
    warnings.extend(
        config_warnings
            .iter()
            .chain(&unknown)
            .map(|w| w.to_string()),
    );
    let mut store = StateStore::open(if options.no_state {
        None
    } else {
        default_state_path()
    });
    warnings.extend(store.take_warnings());
    let lang = Lang::choose_from_env(options.lang, config.lang);
    // A signal sets this to its number; the loop notices within one poll.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    install_panic_hook();
    let mut terminal = enter()?;
    let size = terminal.size()?;
    let make = |letters: Vec<Letter>, warnings: Vec<String>| {
        reader_app(letters, warnings, &config, &store, &options, lang, size)
    };
    let channel = mpsc::channel();
    let (mut app, start) = match letters {
        Letters::Ready(corpus) => {
            warnings.splice(0..0, corpus.warnings);
            let app = make(corpus.letters, warnings);
            (app, Start::Ready(Box::new(Cached::uncached())))
        }
        Letters::Files { paths, files } => {
            // The reader's screen from the on-disk index while the letters load.
            let preview = match &options.cache {
                Some(cache) if !options.with_embedded => {
                    preview::rows(&paths, cache).and_then(|(letters, index)| {
                        let notes = [index.warnings(), &warnings[..]].concat();
                        let jumps = store.state().jumps.entries.iter();
                        let jumps: Vec<&str> = jumps.map(|j| j.letter.as_str()).collect();
                        let make = |l| make(l, notes.clone());
                        let (app, whole) = preview::app(letters, &index, &jumps, make)?;
                        Some((app, index, whole))
                    })
                }
                _ => None,
            };
            let cache = options.cache.clone();
            match preview {
                Some((app, index, whole)) => {
                    let done = Arc::new(AtomicUsize::new(0));
                    let total = files.len();
                    let tx = channel.0.clone();
                    loading::start((paths, files), cache, Arc::clone(&done), move |loaded| {
                        let _ = tx.send(Message::Loaded(Box::new(loaded)));
                    });
                    let files: Vec<&str> =
                        options.register_files.iter().map(String::as_str).collect();
                    let searches = index.searches_with(brieven::cache::register_key(&files));
                    let loading = (done, total);
                    let early = early::Early::new(Arc::new(index), &app, &whole, loading);
                    (app, Start::Loading(Box::new(early), searches, warnings))
                }
                None => match loading::load(&mut terminal, (paths, files), cache, &signal, lang) {
                    Ok(Some((corpus, cached))) => {
                        let corpus = if options.with_embedded {
                            corpus.with_embedded()
                        } else {
                            corpus
                        };
                        warnings.splice(0..0, corpus.warnings);
                        let app = make(corpus.letters, warnings);
                        (app, Start::Ready(Box::new(cached)))
                    }
                    Ok(None) => {
                        release(terminal);
                        return Ok(exit_code(&signal));
                    }
                    Err(e) => {
                        release(terminal);
                        return Err(e);
                    }
                },
            }
        }
    };
    let result = event_loop(
        &mut terminal,
        &mut app,
        (start, options.register_files),
        (&signal, &mut store),
        channel,
    );
    restore::save(&mut app, &mut store);
    release(terminal);
    // The letters, register and index are the system's to take back: freeing them one by one
    // took over a second on 100,000 letters, after the terminal was given back (SIGTERM).
    std::mem::forget(app);
    let writing = result?;
    // The terminal is the user's again; a cache write under way ends first (see CacheWrite).
    writing.wait(CACHE_WRITE_WAIT);
    Ok(exit_code(&signal))
}

/// The reader over `letters`: the configured theme, keys and language, and the reading
/// position and jump list of the saved state.
fn reader_app(
    letters: Vec<Letter>,
    warnings: Vec<String>,
    config: &Config,
    store: &StateStore,
    options: &Options,
    lang: Lang,
    size: ratatui::layout::Size,
) -> App {
    let mut app = App::new(
        letters,
        warnings,
        theme::Theme::of(config.effective_theme()),
        (size.width, size.height),
    );
    app.lang = lang;
    app.doc = app.build_doc();
    app.key_overrides = keymap::overrides(config);
    app.state = store.state().clone();
    restore::restore(&mut app);
    if options.no_state {
        app.message = Some(lang.strings().msg_no_state.into());
    }
    app
}

/// 0, or 128 + the number of the signal that ended the reader.
fn exit_code(signal: &AtomicUsize) -> ExitCode {
    match signal.load(Ordering::SeqCst) {
        0 => ExitCode::SUCCESS,
        sig => ExitCode::from(128u8.saturating_add(sig as u8)),
    }
}

/// What the event loop waits for: terminal events, read on their own thread.
enum Message {
    Terminal(event::Event),
    /// A result from the search worker.
    Worker(action::Action),
    /// This signal arrived: the loop wakes for it at once.
    Signal(usize),
    /// The letters are loaded (the reader opened on the on-disk index meanwhile).
    Loaded(Box<(Corpus, Cached)>),
}

/// How the event loop starts.
enum Start {
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

/// How long a quit reader waits for a cache write under way (writing 10,000 letters with
/// their register and index takes about a second).
const CACHE_WRITE_WAIT: Duration = Duration::from_secs(5);

/// Runs the reader until it is quit; returns the worker's cache writing, to wait for.
fn event_loop(
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

/// Raw mode, the alternate screen, mouse reporting and a hidden cursor.
fn enter() -> Result<Term> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    // crossterm starts listening for resizes (SIGWINCH) when its event reader is first used.
    // That must be before the size is first asked: a resize in between (a window manager
    // placing the new window) would otherwise go unseen, and the reader keep drawing at the
    // old size. Polling for no time starts the reader; an event it finds stays queued.
    event::poll(Duration::ZERO)?;
    Ok(Terminal::new(CrosstermBackend::new(io::stdout()))?)
}

/// Undoes [`enter`]; errors are ignored, as the terminal may be gone (SIGHUP).
fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = io::stdout().flush();
}

/// The controlling terminal, opened when stdin is not one: crossterm then reads the keys
/// from `/dev/tty` (as less does), and this handle tells when that terminal hangs up.
static TTY: std::sync::OnceLock<Option<std::fs::File>> = std::sync::OnceLock::new();

/// Whether the reader can take the terminal: `TERM=dumb` cannot show it, and with stdin not
/// a terminal (`brieven < /dev/null`, `xargs brieven`) the keys are read from the controlling
/// terminal, which must then exist. What is wrong, otherwise.
pub fn check_terminal() -> std::result::Result<(), String> {
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(
            "TERM=dumb: this terminal cannot show the reader (it needs escape sequences)".into(),
        );
    }
    if io::stdin().is_terminal() {
        return Ok(());
    }
    match std::fs::File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
    {
        Ok(tty) => {
            let _ = TTY.set(Some(tty));
            Ok(())
        }
        Err(e) => Err(format!(
            "stdin is not a terminal and there is no terminal to read keys from (/dev/tty: {e})"
        )),
    }
}

/// Whether the terminal the keys come from is still there.
fn keys_from_terminal() -> bool {
    match TTY.get() {
        Some(Some(tty)) => tty.is_terminal(),
        _ => io::stdin().is_terminal(),
    }
}

/// Gives the terminal back ([`leave`]) for good. The terminal is not dropped: ratatui's drop
/// shows the cursor again and, when that fails (a terminal that was closed), prints to the
/// dead stderr, which panics.
fn release(terminal: Term) {
    leave();
    std::mem::forget(terminal);
}

/// Restores the terminal before the default hook prints the panic message.
fn install_panic_hook() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if brieven::ingest::read::in_guarded() {
            return;
        }
        leave();
        hook(info);
    }));
}

/// Gives the terminal back and stops; on `fg`, takes it again and redraws everything.
fn suspend(terminal: &mut Term) -> Result<()> {
    leave();
    signal_hook::low_level::raise(SIGTSTP)?;
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    repaint(terminal)
}

/// Clears the screen and makes the next frame draw every cell. (`Terminal::clear` would ask
/// the terminal for the cursor position, racing the event reader for the answer.)
fn repaint(terminal: &mut Term) -> Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}
