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
    let expected = pty::quote(home.path(), "003", 1);

    let mut reader = start(home.path(), &["--lang", "en"]);
    reader.wait_text("Letters (5)");
    reader.send("y");
    reader.wait_text("Copied (if your terminal allows OSC 52)");
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
    reader.wait_text("Copied (if your terminal allows OSC 52)");
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
    reader.wait_text("Gekopieerd (als uw terminal OSC 52 toestaat)");
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

/// `brieven ARGS` with the state of `home`, as another terminal would run it meanwhile.
fn cli(home: &Path, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(args)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The labels of the cards of the default stack, in order.
fn labels(home: &Path) -> Vec<String> {
    let out = cli(home, &["cards", "list", "default", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn a_card_deleted_moved_or_labelled_is_the_one_selected_when_another_process_changed_the_stack() {
    let home = tempfile::tempdir().unwrap();
    for p in 1..=6 {
        let label = format!("c{p}");
        cli(
            home.path(),
            &[
                "cards",
                "add",
                "003",
                "-p",
                &p.to_string(),
                "--label",
                &label,
            ],
        );
    }
    let mut reader = start(home.path(), &["--lang", "en"]);
    reader.wait_text("Letters (5)");
    reader.send("'");
    reader.wait_text("Cue cards — default");
    // The third card selected; meanwhile card 1 goes from elsewhere.
    reader.send("jj");
    std::thread::sleep(std::time::Duration::from_millis(300));
    cli(home.path(), &["cards", "remove", "1"]);
    reader.send("d");
    reader.wait_text("Card deleted");
    assert_eq!(labels(home.path()), ["c2", "c4", "c5", "c6"]);

    // Again: now c5 is third in the reader's view (its copy followed the file); card 1 (c2)
    // goes elsewhere, and the label set in the reader goes to c5.
    reader.send("kkkkjj");
    std::thread::sleep(std::time::Duration::from_millis(300));
    cli(home.path(), &["cards", "remove", "1"]);
    reader.send("e");
    reader.wait_text("Label");
    // Its label "c5" is in the prompt: two backspaces clear it.
    reader.send("\x7f\x7fx\r");
    // Saved once the prompt has closed (a slow machine may take a moment).
    let start = std::time::Instant::now();
    while labels(home.path()) == ["c4", "c5", "c6"] && start.elapsed() < pty::TIMEOUT {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(labels(home.path()), ["c4", "x", "c6"]);

    // A card removed elsewhere while selected: the reader says so, nothing else changes.
    reader.send("G");
    std::thread::sleep(std::time::Duration::from_millis(300));
    cli(home.path(), &["cards", "remove", "3"]);
    reader.send("d");
    reader.wait_text("no longer in the stack");
    assert_eq!(labels(home.path()), ["c4", "x"]);
    reader.quit();
}
