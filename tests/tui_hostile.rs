//! Letters are untrusted: a letter full of escape sequences (CSI, OSC — title changes and OSC 52
//! clipboard writes —, DCS), C0 and C1 controls and bidirectional overrides is opened in the
//! reader in a real pseudo-terminal, and nothing of it may reach the terminal raw: the whole
//! output stream is checked, not only the rendered screen.

#![cfg(unix)]

use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const HOSTILE: &str = "Leiden, 2 mei 2024\n\nGeachte heer,\n\n\
Titel\x1b]0;pwned\x07 klembord \x1b]52;c;SGVsbG8=\x07 wis \x1b[2J\x1b[H scherm \u{9b}31m c1 \
\u{202e}omgekeerd\u{202c} dcs \x1bP1$qm\x1b\\ bel \x07 einde.\n\n\
### Kop \x1b[5m knipper\n\nNoot hier.<sup>1</sup>\n\n<sup>1</sup> Bron \x1b]8;;https://evil.example\x07link\x1b]8;;\x07\n";

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, HOSTILE).unwrap();

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 110,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brieven"));
    cmd.arg(&path);
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
    );
    cmd.env("XDG_STATE_HOME", dir.path().join("state"));
    cmd.env("XDG_CONFIG_HOME", dir.path().join("config"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pty.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&output);
    let pump = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let mut writer = pty.master.take_writer().unwrap();

    // Wait for the letter's text to be drawn, then page through it and quit.
    let start = Instant::now();
    let shows = |s: &[u8]| String::from_utf8_lossy(s).contains("klembord");
    while !shows(&output.lock().unwrap()) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the letter never showed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    for key in ["j", "j", "G", "f", "\r", "g", "q"] {
        std::io::Write::write_all(&mut writer, key.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = child.wait().unwrap();
    drop(writer);
    drop(pty.master);
    let _ = pump.join();
    assert!(status.success(), "{status:?}");

    let out = output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
    // The reader draws with CSI sequences of its own; it never sends OSC or DCS, so none of
    // those may appear, nor C1 controls, bidi overrides or the letter's BEL.
    assert!(
        !text.contains("\x1b]"),
        "an OSC sequence reached the terminal"
    );
    assert!(
        !text.contains("\x1bP"),
        "a DCS sequence reached the terminal"
    );
    assert!(
        !text.contains("pwned\x07") && !text.contains('\x07'),
        "BEL reached the terminal"
    );
    assert!(
        !text.contains('\u{9b}'),
        "a C1 control reached the terminal"
    );
    assert!(
        !text.contains('\u{202e}') && !text.contains('\u{202c}'),
        "a bidi override reached the terminal"
    );
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
