//! The reader: a ratatui terminal UI over the library. This module owns the terminal: it
//! enters raw mode and the alternate screen, restores them on every way out (quit, panic,
//! SIGTERM/SIGINT/SIGHUP, Ctrl-z), and runs the loop event -> keymap -> Action -> update ->
//! render.
//!
//! [`run`] reads the configuration and the state, opens the letters (or the on-disk index
//! while they load) and hands over to [`event_loop`](mod@event_loop); [`terminal`] takes the
//! terminal and gives it back.

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
mod event_loop;
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
#[cfg(test)]
mod search_snapshot_tests;
mod selection;
#[cfg(test)]
mod snapshot_tests;
mod terminal;
pub mod theme;
pub mod trail;
pub mod ui;
pub mod update;
pub mod worker;

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Result;
use brieven::cache::Cached;
use brieven::config::{Config, default_config_path};
use brieven::corpus::Corpus;
use brieven::i18n::Lang;
use brieven::model::Letter;
use brieven::state::{StateStore, default_state_path};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use app::App;
use event_loop::{Message, Start, event_loop};
pub use terminal::check_terminal;
use terminal::{Term, enter, install_panic_hook, release};

/// The signals that end the reader (with exit code 128 + the signal's number).
const SIGNALS: [std::ffi::c_int; 4] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT];

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
    let writing = match result {
        Ok(writing) => writing,
        // A terminal that went away (a hang-up) fails the next write before the loop reads
        // the signal: the signal ended the reader, not the write.
        Err(_) if signal.load(Ordering::SeqCst) != 0 => return Ok(exit_code(&signal)),
        Err(e) => return Err(e),
    };
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

/// How long a quit reader waits for a cache write under way (writing 10,000 letters with
/// their register and index takes about a second).
const CACHE_WRITE_WAIT: Duration = Duration::from_secs(5);
