//! Quoting a sentence end to end in a pseudo-terminal: `v` selects a sentence of the current
//! paragraph (marked on screen), `j` moves to the next, `y` writes an OSC 52 sequence with
//! that sentence and the citation `brieven quote` gives its paragraph, and says honestly that
//! the copy depends on the terminal.

#![cfg(unix)]

mod pty;

use pty::{Launch, Session};

/// Whether the screen row holding `text` draws its first char on a blue background (the
/// selection's colour in the dark theme).
fn marked(reader: &Session, text: &str) -> bool {
    let term = reader.term();
    let screen = term.parser.screen();
    let (_, cols) = screen.size();
    for (row, line) in screen.rows(0, cols.get()).enumerate() {
        if let Some(at) = line.find(text) {
            let col = line[..at].chars().count() as u16;
            let cell = screen.cell(row as u16, col).expect("a cell");
            return cell.bgcolor() == vt100::Color::Idx(4);
        }
    }
    false
}

#[test]
fn v_j_y_copies_the_second_sentence_with_its_paragraph_citation() {
    let home = tempfile::tempdir().unwrap();
    let quoted = pty::quote(home.path(), "003", 1);
    let (_, reference) = quoted.trim_end().split_once("” — ").unwrap();

    let mut reader = Launch::new()
        .home(home.path())
        .args(&["--lang", "en"])
        .start();
    reader.wait_text("Letters (5)");
    // The earliest letter, the minister's, opens; its ¶ 1 holds two sentences.
    reader.send("v");
    reader.wait_text("sentence 1 of 2");
    assert!(marked(&reader, "In een tweeminutendebat op 20 april jl."));
    assert!(!marked(&reader, "Hierin wordt de regering"));
    reader.send("j");
    reader.wait_text("sentence 2 of 2");
    assert!(marked(&reader, "Hierin wordt de regering"));
    assert!(!marked(&reader, "In een tweeminutendebat op 20 april jl."));
    reader.send("y");
    reader.wait_text("Copied (if your terminal allows OSC 52)");
    let copied = brieven::clipboard::decode_osc52(&reader.output());
    assert_eq!(
        copied,
        [format!(
            "“Hierin wordt de regering verzocht om:” — {reference}"
        )]
    );
    // Out of the selection, the mark is gone.
    assert!(!marked(&reader, "Hierin wordt de regering"));
    reader.quit();
}

#[test]
fn in_dutch_the_selection_counts_zinnen() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = Launch::new()
        .home(home.path())
        .args(&["--lang", "nl"])
        .start();
    reader.wait_text("Brieven (5)");
    reader.send("vJ");
    reader.wait_text("zinnen 1–2 van 2");
    reader.send("y");
    reader.wait_text("Gekopieerd (als uw terminal OSC 52 toestaat)");
    let copied = brieven::clipboard::decode_osc52(&reader.output());
    assert!(
        copied[0].starts_with("“In een tweeminutendebat op 20 april jl. diende")
            && copied[0].contains("kindermisbruik. Hierin wordt de regering verzocht om:” — "),
        "{copied:?}"
    );
    reader.quit();
}
