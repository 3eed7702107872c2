//! Two letters side by side end to end in a pseudo-terminal: `|` keeps the open letter
//! beside, the Letters pane opens another in the first pane, `Ctrl-w` moves to the second
//! text, which scrolls on its own, and `|` closes it; below 100 columns one text shows at a
//! time (the message says so) and `Ctrl-w` switches which.

#![cfg(unix)]

mod pty;

use pty::{Launch, Session};

/// The reader in English on the embedded letters, in a terminal of `cols` × `rows`.
fn start(home: &std::path::Path, cols: u16, rows: u16) -> Session {
    let reader = Launch::new()
        .home(home)
        .args(&["--lang", "en"])
        .size(cols, rows)
        .start();
    reader.wait_text("Letters (5)");
    reader
}

/// The title line of the Reading panes: the first row of the screen.
fn top_row(reader: &Session) -> String {
    reader
        .screen()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_minister_beside_the_letter_he_answers() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = start(home.path(), 160, 40);
    // The minister's letter (the earliest) opens; keep it beside, open the next one.
    reader.send("|");
    reader.wait_text("Minister van Justitie en Veiligheid stays beside");
    reader.send("j");
    reader.wait_for("both letters' titles", |s| {
        let top = top_row(s);
        top.contains("┌ Kinderrechtencollectief, 2023-09-25")
            && top.contains("⇄ Minister van Justitie en Veiligheid")
    });
    // The second text scrolls on its own: its first lines go, the first text's stay.
    reader.send("\x17");
    reader.wait_text("j/k scroll  Enter read it here  Ctrl-w other text  | close");
    let before = reader.screen();
    assert!(
        before.contains("Kinderrechtencollectief → Minister"),
        "{before}"
    );
    reader.send("G");
    reader.wait_for("the second text at its end", |s| {
        s.screen().contains("Bot ")
    });
    let after = reader.screen();
    assert!(
        after.contains("Kinderrechtencollectief → Minister"),
        "{after}"
    );
    // `|` closes the second text: one Reading pane again.
    reader.send("|");
    reader.wait_text("Second letter closed");
    reader.wait_for("one Reading pane", |s| !s.screen().contains('⇄'));
    reader.quit();
}

#[test]
fn narrow_terminals_show_one_text_at_a_time() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = start(home.path(), 80, 24);
    reader.send("|");
    reader.wait_text("One text at a time");
    reader.send("j\x17");
    reader.wait_for("the second text alone", |s| {
        let screen = s.screen();
        screen.contains("⇄ Minister van Justitie en Veiligheid, 2023-09-18")
            && !screen.contains("Kinderrechtencollectief, 2023-09-25")
    });
    reader.send("\x17");
    reader.wait_text("Kinderrechtencollectief, 2023-09-25");
    reader.quit();
}
