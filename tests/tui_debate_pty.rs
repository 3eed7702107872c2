//! The reader's debate keys end to end in a pseudo-terminal (portable-pty + vt100): a card
//! pinned with `m` is still in the stack after a restart, `y` writes an OSC 52 sequence whose
//! payload is the citation `brieven quote` prints, and `--lang nl` gives Dutch labels. Every
//! run has its own XDG state and config directories.

#![cfg(unix)]

mod pty;

use std::path::Path;

use pty::{Launch, Session};

/// The reader in a 120×36 terminal with its state and config in `home`.
fn start(home: &Path, args: &[&str]) -> Session {
    start_with_env(home, args, &[])
}

/// [`start`] with more environment variables.
fn start_with_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
    Launch::new().home(home).args(args).env(env).start()
}

#[test]
fn a_pinned_card_is_in_the_stack_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = start(home.path(), &["--lang", "en"]);
    reader.wait_text("Letters (5)");
    reader.send("m");
    reader.wait_text("Pinned to the stack 'default'");
    reader.quit();
    assert!(home.path().join("state/brieven/state.json").is_file());

    let mut again = start(home.path(), &["--lang", "en"]);
    again.wait_text("Letters (5)");
    again.send("'");
    again.wait_text("Cue cards — default");
    again.wait_text(" 1  Minister van Justitie");
    again.wait_text("¶ 1  In een tweeminutendebat");
    again.quit();
}

#[test]
fn no_state_reads_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = start(home.path(), &["--no-state", "--lang", "en"]);
    reader.wait_text("Letters (5)");
    reader.send("m");
    reader.wait_text("Pinned to the stack 'default'");
    reader.quit();
    assert!(!home.path().join("state").exists());
}

#[test]
fn y_copies_the_paragraph_with_its_citation_through_osc_52() {
    let home = tempfile::tempdir().unwrap();
    let quoted = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(["quote", "003", "--paragraph", "1", "--lang", "en"])
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .output()
        .unwrap();
    assert!(quoted.status.success());
    let expected = String::from_utf8(quoted.stdout).unwrap();

    let mut reader = start(home.path(), &["--lang", "en"]);
    reader.wait_text("Letters (5)");
    reader.send("y");
    reader.wait_text("Citation copied to the clipboard");
    let copied = brieven::clipboard::decode_osc52(&reader.output());
    assert_eq!(copied, vec![expected.trim_end().to_string()]);
    reader.quit();
}

#[test]
fn inside_tmux_y_also_sends_the_citation_through_tmux_passthrough() {
    let home = tempfile::tempdir().unwrap();
    let env = [("TMUX", "/tmp/tmux-0/default,1,0")];
    let mut reader = start_with_env(home.path(), &["--lang", "en"], &env);
    reader.wait_text("Letters (5)");
    reader.send("y");
    reader.wait_text("Citation copied to the clipboard");
    let output = reader.output();
    assert!(
        output.contains("\x1bPtmux;\x1b\x1b]52;c;"),
        "no tmux passthrough"
    );
    let copied = brieven::clipboard::decode_osc52(&output);
    assert_eq!(copied.len(), 2, "direct and through tmux");
    assert_eq!(copied[0], copied[1]);
    assert!(
        copied[0].contains("Minister van Justitie en Veiligheid"),
        "{copied:?}"
    );
    reader.quit();
}

#[test]
fn dutch_labels_with_lang_nl() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = start(home.path(), &["--lang", "nl"]);
    reader.wait_text("Brieven (5)");
    reader.wait_text("Inhoud");
    reader.wait_text("j/k brief  Enter lees");
    reader.wait_text("Den Haag, 18 september 2023");
    reader.wait_text("Onderwerp: Brief inzake motie");
    reader.send("y");
    reader.wait_text("Citaat met bronvermelding gekopieerd");
    reader.send("p");
    reader.wait_text("AFZENDER");
    reader.quit();
}

#[test]
fn the_reader_reopens_where_it_was_left() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = start(home.path(), &["--lang", "en"]);
    reader.wait_text("Minister van Justitie en Veiligheid, 2023-09-18");
    reader.send("}");
    reader.wait_text("Kinderrechtencollectief, 2023-09-25");
    reader.send("}");
    reader.wait_text("Offlimits, 2024-09-04");
    reader.quit();

    let again = start(home.path(), &["--lang", "en"]);
    again.wait_text("Offlimits, 2024-09-04");
    again.quit();
}
