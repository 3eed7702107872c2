//! The reader and its terminal in a pseudo-terminal (portable-pty + vt100): SIGQUIT restores
//! the terminal as SIGTERM does, `TERM=dumb` is refused with a message, keys are read from
//! the controlling terminal when stdin is not one, and a terminal that goes away ends the
//! reader cleanly (status 129, state saved, no panic).

#![cfg(unix)]

mod pty;

use std::time::Duration;

use pty::{Launch, REPORT_ON_EXIT};

#[test]
fn sigquit_restores_the_terminal_as_sigterm_does() {
    let script = REPORT_ON_EXIT.replace("trap true TERM INT HUP;", "trap true TERM INT HUP QUIT;");
    assert_ne!(script, REPORT_ON_EXIT);
    let reader = Launch::new().under_sh(&script).start();
    reader.wait_text("Letters (5)");
    reader.signal("QUIT");
    assert_eq!(reader.finish(), 128 + 3);
}

#[test]
fn term_dumb_is_refused_with_a_message() {
    let mut reader = Launch::new().env(&[("TERM", "dumb")]).start();
    let status = reader.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let output = reader.output();
    assert!(output.contains("TERM=dumb"), "{output:?}");
    assert!(!output.contains('\x1b'), "escape sequences: {output:?}");
}

#[test]
fn with_stdin_not_a_terminal_keys_come_from_the_terminal() {
    let mut reader = Launch::new().under_sh("\"$0\" \"$@\" < /dev/null").start();
    reader.wait_text("Letters (5)");
    std::thread::sleep(Duration::from_millis(500));
    reader.send("?");
    reader.wait_text("Keys — Esc closes");
    reader.send("\x1b");
    reader.wait_for("help to close", |s| {
        !s.screen().contains("Keys — Esc closes")
    });
    reader.quit();
}

#[test]
fn a_terminal_that_goes_away_ends_the_reader_cleanly_with_its_state_saved() {
    let home = tempfile::tempdir().unwrap();
    let status = home.path().join("status");
    // The reader in a terminal of its own (script's), which goes when script is killed; the
    // shell inside ignores the hang-up to write the reader's status down.
    let inner = format!("trap '' HUP; \"$0\" \"$@\"; echo $? > {}", status.display());
    let script = format!(
        "script -qfec '{}' /dev/null",
        inner
            .replace('\'', "'\\''")
            .replace("$0", "$BRIEVEN")
            .replace("\"$@\"", "")
    );
    let mut reader = Launch::new()
        .home(home.path())
        .env(&[("BRIEVEN", env!("CARGO_BIN_EXE_brieven"))])
        .under_sh(&format!("{script} < /dev/tty & echo SCRIPT=$!; wait"))
        .start();
    reader.wait_text("Letters (5)");
    reader.send("}");
    std::thread::sleep(Duration::from_millis(500));
    let screen = reader.screen();
    let pid = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("SCRIPT="))
        .map(|p| p.trim().to_string());
    let pid = pid.unwrap_or_else(|| {
        let out = reader.output();
        let at = out.find("SCRIPT=").expect("script's pid") + 7;
        out[at..].chars().take_while(char::is_ascii_digit).collect()
    });
    let killed = std::process::Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let start = std::time::Instant::now();
    while !status.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    let code = std::fs::read_to_string(&status).expect("the reader's status");
    assert_eq!(
        code.trim(),
        "129",
        "not ended as on SIGHUP (101 is a panic)"
    );
    assert!(home.path().join("state/brieven/state.json").is_file());
    reader.wait_exit();
}
