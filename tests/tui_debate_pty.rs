//! The reader's debate keys end to end in a pseudo-terminal (portable-pty + vt100): a card
//! pinned with `m` is still in the stack after a restart, `y` writes an OSC 52 sequence whose
//! payload is the citation `brieven quote` prints, and `--lang nl` gives Dutch labels. Every
//! run has its own XDG state and config directories.

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

/// The reader running in a pseudo-terminal, with everything it printed.
struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

/// The environment of a run: state and config in `home`, English locale, no tmux.
fn command(home: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brieven"));
    for a in args {
        cmd.arg(a);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
    );
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("LANG", "C.UTF-8");
    for var in ["NO_COLOR", "TMUX", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd
}

impl Session {
    fn start(home: &Path, args: &[&str]) -> Session {
        Session::start_with_env(home, args, &[])
    }

    /// [`Session::start`] with more environment variables.
    fn start_with_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = command(home, args);
        for (key, value) in env {
            cmd.env(key, value);
        }
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 36,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pty.slave.spawn_command(cmd).expect("the reader starts");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            36.try_into().unwrap(),
            120.try_into().unwrap(),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (p, o) = (Arc::clone(&parser), Arc::clone(&output));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                o.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            parser,
            output,
            writer,
            _master: pty.master,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen after the timeout.
    fn wait_text(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {text:?}; the screen:\n{}",
            self.screen()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Quits with `q` and waits for the process to end.
    fn quit(mut self) {
        self.send("q");
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "the reader exited with {status:?}");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the reader did not quit; the screen:\n{}", self.screen());
    }
}

#[test]
fn a_pinned_card_is_in_the_stack_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut reader = Session::start(home.path(), &["--lang", "en"]);
    reader.wait_text("Letters (5)");
    reader.send("m");
    reader.wait_text("Pinned to the stack 'default'");
    reader.quit();
    assert!(home.path().join("state/brieven/state.json").is_file());

    let mut again = Session::start(home.path(), &["--lang", "en"]);
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
    let mut reader = Session::start(home.path(), &["--no-state", "--lang", "en"]);
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

    let mut reader = Session::start(home.path(), &["--lang", "en"]);
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
    let mut reader = Session::start_with_env(home.path(), &["--lang", "en"], &env);
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
    let mut reader = Session::start(home.path(), &["--lang", "nl"]);
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
    let mut reader = Session::start(home.path(), &["--lang", "en"]);
    reader.wait_text("Minister van Justitie en Veiligheid, 2023-09-18");
    reader.send("}");
    reader.wait_text("Kinderrechtencollectief, 2023-09-25");
    reader.send("}");
    reader.wait_text("Offlimits, 2024-09-04");
    reader.quit();

    let again = Session::start(home.path(), &["--lang", "en"]);
    again.wait_text("Offlimits, 2024-09-04");
    again.quit();
}
