//! The first screen on a large corpus without an on-disk index: the letters are read and
//! parsed on every core on a thread of their own while this screen shows how far loading has
//! come, from the first frame on; `q`, `Esc` or `Ctrl-c` (or a signal) give up and leave the
//! terminal as it was. (With a current index the reader itself shows instead, see `early`.)

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::{Result, anyhow};
use brieven::cache::{Cache, Cached};
use brieven::corpus::Corpus;
use brieven::i18n::{Lang, fill_all};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Gauge, Paragraph};

use super::Term;

/// How often the progress is redrawn (and keys and signals looked at) while loading.
const TICK: Duration = Duration::from_millis(40);

/// Set to a number of milliseconds to hold the loading back that long, for tests that look
/// at the screen shown meanwhile.
const SLOW_FOR_TESTS: &str = "BRIEVEN_TEST_SLOW_LOAD";

/// Loads `files`, the letter files of `paths` (through `cache` when there is one), drawing
/// progress until they are in. `None` when the user or a signal stopped it. (With an on-disk
/// index the reader does not come here: it opens on the index, see `early`.)
pub fn load(
    terminal: &mut Term,
    (paths, files): (Vec<PathBuf>, Vec<PathBuf>),
    cache: Option<Cache>,
    signal: &AtomicUsize,
    lang: Lang,
) -> Result<Option<(Corpus, Cached)>> {
    let total = files.len();
    let done = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    start((paths, files), cache, Arc::clone(&done), move |loaded| {
        let _ = tx.send(loaded);
    });
    loop {
        match rx.try_recv() {
            Ok(loaded) => return Ok(Some(loaded)),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(anyhow!("loading the letters failed"));
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        let loaded = done.load(Ordering::Relaxed);
        terminal.draw(|frame| draw(frame, loaded, total, lang))?;
        if signal.load(Ordering::SeqCst) != 0 {
            return Ok(None);
        }
        if event::poll(TICK)?
            && let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
        {
            let ctrl_c =
                key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
            if matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c {
                return Ok(None);
            }
        }
    }
}

/// Loads `files`, the letter files of `paths` (through `cache` when there is one), on a thread
/// of its own, counting the letters in with `counter`, and hands them to `done`.
pub fn start(
    (paths, files): (Vec<PathBuf>, Vec<PathBuf>),
    cache: Option<Cache>,
    counter: Arc<AtomicUsize>,
    done: impl FnOnce((Corpus, Cached)) + Send + 'static,
) {
    let slow = std::env::var(SLOW_FOR_TESTS)
        .ok()
        .and_then(|v| v.parse().ok());
    std::thread::spawn(move || {
        if let Some(ms) = slow {
            std::thread::sleep(Duration::from_millis(ms));
        }
        let loaded = match cache {
            Some(cache) => cache.load(&paths, &files, Some(&counter)),
            None => (
                Corpus::load_files(&files, Some(&counter)),
                Cached::uncached(),
            ),
        };
        done(loaded);
    });
}

/// The progress screen: a line saying how many letters are in, and a gauge.
pub fn draw(frame: &mut Frame, loaded: usize, total: usize, lang: Lang) {
    let [_, text, gauge, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(frame.area());
    let message = fill_all(
        lang.strings().msg_loading,
        &[&loaded.to_string(), &total.to_string()],
    );
    frame.render_widget(Paragraph::new(message).centered(), text);
    let ratio = if total == 0 {
        1.0
    } else {
        (loaded as f64 / total as f64).clamp(0.0, 1.0)
    };
    frame.render_widget(Gauge::default().ratio(ratio).label(""), gauge);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(loaded: usize, total: usize, lang: Lang) -> String {
        let mut terminal = Terminal::new(TestBackend::new(60, 8)).unwrap();
        terminal
            .draw(|frame| draw(frame, loaded, total, lang))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        buffer
            .content()
            .chunks(60)
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn progress_says_how_many_letters_are_in() {
        let s = screen(1234, 10_000, Lang::En);
        assert!(
            s.contains("Loading letters: 1234 of 10000 (q stops)"),
            "{s}"
        );
        let s = screen(5, 10, Lang::Nl);
        assert!(s.contains("Brieven laden: 5 van 10 (q stopt)"), "{s}");
        // Any counts draw, even ones that do not add up.
        for (loaded, total) in [(0, 0), (7, 3), (usize::MAX, 1)] {
            screen(loaded, total, Lang::En);
        }
    }
}
