//! Letters are untrusted: a letter full of escape sequences (CSI, OSC — title changes and OSC 52
//! clipboard writes —, DCS), C0 and C1 controls and bidirectional overrides is opened in the
//! reader in a real pseudo-terminal, and nothing of it may reach the terminal raw: the whole
//! output stream is checked, not only the rendered screen.

#![cfg(unix)]

mod pty;

use std::time::Duration;

use pty::Launch;

const HOSTILE: &str = "Leiden, 2 mei 2024\n\nGeachte heer,\n\n\
Titel\x1b]0;pwned\x07 klembord \x1b]52;c;SGVsbG8=\x07 wis \x1b[2J\x1b[H scherm \u{9b}31m c1 \
\u{202e}omgekeerd\u{202c} dcs \x1bP1$qm\x1b\\ bel \x07 einde.\n\n\
### Kop \x1b[5m knipper\n\nNoot hier.<sup>1</sup>\n\n<sup>1</sup> Bron \x1b]8;;https://evil.example\x07link\x1b]8;;\x07\n";

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, HOSTILE).unwrap();

    let mut s = Launch::new()
        .home(dir.path())
        .args(&[path.to_str().unwrap()])
        .size(110, 30)
        .start();

    // Wait for the letter's text to be drawn, then page through it and quit.
    s.wait_output("klembord");
    for key in ["j", "j", "G", "f", "\r", "g", "q"] {
        s.send(key);
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");

    let text = s.output();
    pty::assert_no_raw_controls(&text);
    assert!(
        !text.contains("\x1b[2J\x1b[H scherm"),
        "the letter's clear-screen reached the terminal"
    );
    assert!(
        !text.contains("\x1b[5m knipper"),
        "the letter's blink reached the terminal"
    );
    // And the text is there, with its controls made visible.
    assert!(text.contains("␛]52;c;SGVsbG8=␇"), "placeholders shown");
}
