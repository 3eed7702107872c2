//! The terminal: raw mode, the alternate screen, mouse reporting and a hidden cursor taken on
//! entry and given back on every way out (quit, a panic, a signal, Ctrl-z); the controlling
//! terminal read when stdin is not one, and whether it is still there.

use std::io::{self, IsTerminal, Stdout, Write};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::SIGTSTP;

pub(super) type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode, the alternate screen, mouse reporting and a hidden cursor.
pub(super) fn enter() -> Result<Term> {
    take()?;
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
pub(super) fn keys_from_terminal() -> bool {
    match TTY.get() {
        Some(Some(tty)) => tty.is_terminal(),
        _ => io::stdin().is_terminal(),
    }
}

/// Gives the terminal back ([`leave`]) for good. The terminal is not dropped: ratatui's drop
/// shows the cursor again and, when that fails (a terminal that was closed), prints to the
/// dead stderr, which panics.
pub(super) fn release(terminal: Term) {
    leave();
    std::mem::forget(terminal);
}

/// Restores the terminal before the default hook prints the panic message.
pub(super) fn install_panic_hook() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if brieven::ingest::read::in_guarded() {
            return;
        }
        leave();
        hook(info);
    }));
}

/// Takes the terminal: raw mode, the alternate screen, mouse reporting, no cursor.
fn take() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Gives the terminal back and stops; on `fg`, takes it again and redraws everything.
pub(super) fn suspend(terminal: &mut Term) -> Result<()> {
    leave();
    signal_hook::low_level::raise(SIGTSTP)?;
    take()?;
    repaint(terminal)
}

/// Clears the screen and makes the next frame draw every cell. (`Terminal::clear` would ask
/// the terminal for the cursor position, racing the event reader for the answer.)
pub(super) fn repaint(terminal: &mut Term) -> Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}
