//! Drawing the reader: one frame of `tui::ui::render` into a ratatui `TestBackend` at 120×36
//! and 200×60 on the embedded letters (target, issue 6: under 1 ms at 200×60), and the first
//! frame from scratch (`App::new`, which wraps the open letter, then one draw; target 50 ms
//! with loading the letters, which `cargo bench --bench ingest` measures).
//!
//! The reader lives in the binary, so this bench compiles its module tree by path; it uses
//! only `App::new`, `Theme::plain` and `ui::render`.
//!
//! `cargo bench --bench frame`

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../src/tui/mod.rs"]
mod tui;

use brieven::corpus::Corpus;
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tui::app::App;
use tui::theme::Theme;

fn main() {
    divan::main();
}

const SIZES: [(u16, u16); 2] = [(120, 36), (200, 60)];

/// One redraw of an open reader, as on every key press.
#[divan::bench(args = SIZES)]
fn draw(bencher: Bencher, (width, height): (u16, u16)) {
    let corpus = Corpus::embedded();
    let app = App::new(
        corpus.letters,
        corpus.warnings,
        Theme::plain(),
        (width, height),
    );
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|frame| tui::ui::render(&app, frame))
            .expect("draw");
    });
}

/// The reader opened on loaded letters and drawn once.
#[divan::bench(args = SIZES)]
fn first_frame(bencher: Bencher, (width, height): (u16, u16)) {
    let corpus = Corpus::embedded();
    bencher
        .with_inputs(|| corpus.clone())
        .bench_local_values(|corpus| {
            let app = App::new(
                corpus.letters,
                corpus.warnings,
                Theme::plain(),
                (width, height),
            );
            let mut terminal =
                Terminal::new(TestBackend::new(width, height)).expect("test terminal");
            terminal
                .draw(|frame| tui::ui::render(&app, frame))
                .expect("draw");
            black_box(terminal);
        });
}

/// A letter far larger than any real one (`tui::huge`), opened and drawn once: linear work,
/// where a quadratic wrap or note lookup would take minutes. (`tui::update::scale_tests`
/// checks what it shows.)
#[divan::bench(sample_count = 5)]
fn huge_letter_first_frame(bencher: Bencher) {
    let letter = tui::huge::letter();
    bencher
        .with_inputs(|| letter.clone())
        .bench_local_values(|letter| {
            let app = App::new(vec![letter], Vec::new(), Theme::plain(), (120, 36));
            let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("test terminal");
            terminal
                .draw(|frame| tui::ui::render(&app, frame))
                .expect("draw");
            black_box(terminal);
        });
}
