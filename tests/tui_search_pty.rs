//! The search overlay in a real pseudo-terminal: reopening `/` shows the last query selected,
//! so that typing replaces it and an arrow or `End` keeps it to edit, as fzf and vim do.

#![cfg(unix)]

mod pty;

use pty::{Launch, Session};

/// Whether the query `query` stands on the search line, and whether it is drawn selected (on
/// the selection's blue background).
fn query_line(s: &Session, query: &str) -> Option<bool> {
    let term = s.term();
    let screen = term.parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    for row in 0..rows {
        let text: String = (0..cols)
            .filter_map(|c| screen.cell(row, c).map(|cell| cell.contents()))
            .collect();
        let shown = format!("/ {query}▏");
        let Some(at) = text.find(&shown) else {
            continue;
        };
        // The first character of the query: columns are chars here (no wide ones before it).
        let col = text[..at].chars().count() as u16 + 2;
        let cell = screen.cell(row, col)?;
        return Some(cell.bgcolor() == vt100::Color::Idx(4));
    }
    None
}

#[test]
fn reopening_the_search_selects_the_last_query_typing_replaces_it_and_end_keeps_it() {
    let mut s = Launch::new().size(120, 36).reporting().start();
    s.wait_text("Kinderrechtencollectief");
    s.send("/");
    s.wait_text("/ ▏");
    s.send("internet watch");
    s.wait_for("the results for internet watch", |s| {
        s.screen().contains("Internet Watch Foundation")
            && query_line(s, "internet watch").is_some()
    });
    assert_eq!(
        query_line(&s, "internet watch"),
        Some(false),
        "typed, not selected"
    );
    s.send("\x1b");
    s.wait_for("the overlay to close", |s| {
        !s.screen().contains("Search — Enter jumps")
    });
    // Reopened: the old query, selected.
    s.send("/");
    s.wait_for("the last query, selected", |s| {
        query_line(s, "internet watch") == Some(true)
    });
    // The first character typed replaces it.
    s.send("ncmec");
    s.wait_for("the new query alone, and its results", |s| {
        let screen = s.screen();
        query_line(s, "ncmec") == Some(false)
            && screen.contains("NCMEC")
            && !screen.contains("internet watch")
    });
    s.send("\x1b");
    s.wait_for("the overlay to close", |s| {
        !s.screen().contains("Search — Enter jumps")
    });
    s.send("/");
    s.wait_for("ncmec, selected", |s| query_line(s, "ncmec") == Some(true));
    // End keeps it to edit: typing goes on after it.
    s.send("\x1b[F");
    s.wait_for("ncmec, kept", |s| query_line(s, "ncmec") == Some(false));
    s.send(" meldingen");
    s.wait_for("the edited query", |s| {
        query_line(s, "ncmec meldingen") == Some(false)
    });
    s.send("\x1b");
    s.wait_for("the overlay to close", |s| {
        !s.screen().contains("Search — Enter jumps")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}
