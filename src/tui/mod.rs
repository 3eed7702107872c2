//! The reader: a ratatui terminal UI over the library. This module owns the terminal: it
//! enters raw mode and the alternate screen, restores them on every way out (quit, panic,
//! SIGTERM/SIGINT/SIGHUP, Ctrl-z), and runs the loop event -> keymap -> Action -> update ->
//! render.

pub mod action;
pub mod app;
pub mod document;
#[cfg(test)]
mod fixtures;
pub mod keymap;
pub mod lookup;
pub mod panes;
#[cfg(test)]
mod snapshot_tests;
pub mod theme;
pub mod ui;
pub mod update;
pub mod worker;

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Result;
use brieven::corpus::Corpus;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use app::App;
use update::{Effect, update};

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Set to make the reader panic after its first frame, to test the panic path.
const PANIC_FOR_TESTS: &str = "BRIEVEN_TEST_PANIC";

/// Runs the reader on `corpus` until the user quits or a signal ends it.
pub fn run(corpus: Corpus) -> Result<ExitCode> {
    // A signal sets this to its number; the loop notices within one poll.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGINT, SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    install_panic_hook();
    let mut terminal = enter()?;
    let size = terminal.size()?;
    let mut app = App::new(
        corpus.letters,
        corpus.warnings,
        theme::Theme::from_env(),
        (size.width, size.height),
    );
    let result = event_loop(&mut terminal, &mut app, &signal);
    leave();
    result?;
    match signal.load(Ordering::SeqCst) {
        0 => Ok(ExitCode::SUCCESS),
        sig => Ok(ExitCode::from(128u8.saturating_add(sig as u8))),
    }
}

/// What the event loop waits for: terminal events, read on their own thread.
enum Message {
    Terminal(event::Event),
    /// A result from the search worker.
    Worker(action::Action),
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

fn event_loop(terminal: &mut Term, app: &mut App, signal: &AtomicUsize) -> Result<()> {
    let panic_for_tests = std::env::var_os(PANIC_FOR_TESTS).is_some();
    let (tx, rx) = mpsc::channel();
    spawn_event_reader(tx.clone());
    let worker = worker::spawn(std::sync::Arc::clone(&app.letters), move |action| {
        tx.send(Message::Worker(action)).is_ok()
    });
    let mut dirty = true;
    let mut resized = false;
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
            return Ok(());
        }
        let first = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(message) => message,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // A hung-up terminal is no terminal any more: leave as on SIGHUP.
                if !io::stdin().is_terminal() {
                    signal.store(SIGHUP as usize, Ordering::SeqCst);
                }
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // Take every message that is waiting before drawing again (resize storms, pastes).
        for message in std::iter::once(first).chain(rx.try_iter()) {
            let action = match message {
                Message::Terminal(event) => {
                    resized |= matches!(event, event::Event::Resize(..));
                    keymap::action_for(app, &event)
                }
                Message::Worker(action) => Some(action),
            };
            let Some(action) = action else { continue };
            dirty = true;
            match update(app, action) {
                Effect::None => {}
                Effect::Suspend => suspend(terminal)?,
                Effect::Redraw => resized = true,
                Effect::Search { seq, query } => {
                    // The worker only stops when the loop does.
                    let _ = worker.send(worker::Request { seq, query });
                }
            }
            if app.quit {
                return Ok(());
            }
        }
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

/// Restores the terminal before the default hook prints the panic message.
fn install_panic_hook() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
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
