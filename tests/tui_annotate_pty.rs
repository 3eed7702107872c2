//! A letter without a sidecar given a stance and summary in the reader (`a`): kept in the
//! state directory, never beside the letter, shown in positions, there again after a restart;
//! and a state file whose summary holds escape sequences never sends them to the terminal.

#![cfg(unix)]

mod pty;

use std::path::Path;
use std::time::Duration;

use pty::{Launch, Session};

const LETTER: &str = "Leiden, 2 mei 2024\n\nGeachte leden van de commissie,\n\n\
Wij schrijven u over de verordening en het scannen van berichten.\n\n\
Met vriendelijke groet,\n\nStichting Voorbeeld\n";

/// A directory with one letter and no sidecar.
fn letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("brief.txt"), LETTER).unwrap();
    dir
}

fn start(home: &Path, letters: &Path) -> Session {
    Launch::new()
        .home(home)
        .args(&[letters.to_str().unwrap(), "--lang", "en", "--no-cache"])
        .size(120, 36)
        .start()
}

#[test]
fn a_stance_and_summary_given_in_the_reader_show_in_positions_and_stay() {
    let (home, dir) = (tempfile::tempdir().unwrap(), letters());
    let mut s = start(home.path(), dir.path());
    s.wait_text("Letters (1)");
    s.send("a");
    s.wait_text("Stance, summary, tags");
    // Right twice: none, supports, opposes.
    s.send("\x1b[C");
    s.wait_text("‹ supports ›");
    s.send("\x1b[C");
    s.wait_text("‹ opposes ›");
    s.send("\x1b[B");
    s.send("Tegen het scannen van chats");
    s.wait_text("Tegen het scannen van chats▏");
    s.send("\r");
    s.wait_text("Saved in the state file");
    s.send("p");
    s.wait_for("the stance and summary in positions", |s| {
        let screen = s.screen();
        screen.contains("Positions")
            && screen.contains("opposes")
            && screen.contains("Tegen het scannen")
    });
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.quit();
    let state = std::fs::read_to_string(home.path().join("state/brieven/state.json")).unwrap();
    assert!(
        state.contains("\"opposes\"") && state.contains("Tegen het scannen"),
        "{state}"
    );
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "nothing is written beside the letter");

    // Again after a restart: the Letters pane's mark and positions.
    let mut again = start(home.path(), dir.path());
    again.wait_text("Letters (1)");
    again.send("p");
    again.wait_for("the stance kept", |s| {
        let screen = s.screen();
        screen.contains("opposes") && screen.contains("Tegen het scannen")
    });
    again.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    again.quit();
}

#[test]
fn control_characters_in_a_kept_summary_never_reach_the_terminal() {
    let (home, dir) = (tempfile::tempdir().unwrap(), letters());
    let state_dir = home.path().join("state/brieven");
    std::fs::create_dir_all(&state_dir).unwrap();
    let state = serde_json::json!({
        "version": 1,
        "annotations": {"brief": {
            "stance": "mixed",
            "summary": "Samenvatting \u{1b}]0;pwned\u{7} titel \u{1b}[2J wis \u{9b}31m c1 \u{202e}om",
            "tags": ["label\u{1b}[5m knipper"]
        }}
    });
    std::fs::write(state_dir.join("state.json"), state.to_string()).unwrap();
    let mut s = start(home.path(), dir.path());
    s.wait_text("Letters (1)");
    s.send("p");
    s.wait_text("Samenvatting");
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send("a");
    s.wait_text("Stance, summary, tags");
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let text = s.output();
    pty::assert_no_raw_controls(&text);
    assert!(
        !text.contains("\x1b[2J wis"),
        "the clear-screen reached the terminal"
    );
    assert!(
        !text.contains("\x1b[5m knipper"),
        "the blink reached the terminal"
    );
    assert!(text.contains("␛]0;pwned"), "shown as placeholders");
}
