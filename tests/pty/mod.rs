//! The pseudo-terminal harness the reader's end-to-end tests share (portable-pty + vt100):
//! start the built binary in a terminal of a given size with its own state and config
//! directories, read everything it prints on a thread of its own (into a vt100 screen and a
//! byte log), type keys, and wait for the screen or the output to show what is expected.
//!
//! Included with `mod pty;` by each test file that drives the reader in a terminal.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// What `brieven quote LETTER --paragraph N --lang en` prints (the citation the reader's `y`
/// gives that paragraph), run with the test build's cache and state and config in `home`.
pub fn quote(home: &Path, letter: &str, paragraph: usize) -> String {
    let paragraph = paragraph.to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(["quote", letter, "--paragraph", &paragraph, "--lang", "en"])
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A script for [`Launch::under_sh`]: runs the reader, then reports the terminal's mode and
/// the reader's exit status, which [`Session::finish`] checks.
pub const REPORT_ON_EXIT: &str = "trap true TERM INT HUP; \"$0\" \"$@\"; status=$?; \
     printf '\\nSTTY: '; stty -a | tr '\\n' ' '; printf '\\nEXIT=%s\\n' $status; exit $status";

/// The environment every run gets, before the run's own: a colour terminal, the test build's
/// cache, English messages, and nothing that would change what the reader prints (no
/// `NO_COLOR`, not inside tmux). State and config are set per run ([`Launch::home`]).
fn base_env(cmd: &mut CommandBuilder) {
    cmd.env("TERM", "xterm-256color");
    cmd.env(
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
    );
    cmd.env("LANG", "C.UTF-8");
    for var in ["NO_COLOR", "TMUX", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
}

/// How to start the reader: 120×36, no arguments, a temporary home of its own and the
/// binary run directly, unless told otherwise.
pub struct Launch {
    args: Vec<String>,
    env: Vec<(String, String)>,
    path_first: Option<PathBuf>,
    home: Option<PathBuf>,
    script: Option<String>,
    cols: u16,
    rows: u16,
}

impl Launch {
    pub fn new() -> Launch {
        Launch {
            args: Vec::new(),
            env: Vec::new(),
            path_first: None,
            home: None,
            script: None,
            cols: 120,
            rows: 36,
        }
    }

    pub fn args(mut self, args: &[&str]) -> Launch {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// More environment variables, set after the common ones (so they may replace them).
    pub fn env(mut self, env: &[(&str, &str)]) -> Launch {
        self.env
            .extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self
    }

    /// `dir` first on the reader's `PATH` (for stand-ins of the programs it starts).
    pub fn path_first(mut self, dir: &Path) -> Launch {
        self.path_first = Some(dir.to_path_buf());
        self
    }

    /// The state and config directories under `home` (`home/state`, `home/config`), kept
    /// after the run, instead of a temporary home removed with the session.
    pub fn home(mut self, home: &Path) -> Launch {
        self.home = Some(home.to_path_buf());
        self
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Launch {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Runs the reader under `sh -c script` (`"$0" "$@"` is the reader with its arguments).
    pub fn under_sh(mut self, script: &str) -> Launch {
        self.script = Some(script.to_string());
        self
    }

    /// Under `sh`, reporting the terminal's mode and the exit status ([`Session::finish`]).
    pub fn reporting(self) -> Launch {
        self.under_sh(REPORT_ON_EXIT)
    }

    pub fn start(self) -> Session {
        let bin = env!("CARGO_BIN_EXE_brieven");
        let mut cmd = match &self.script {
            Some(script) => {
                let mut cmd = CommandBuilder::new("sh");
                cmd.arg("-c");
                cmd.arg(script);
                cmd.arg(bin);
                cmd
            }
            None => CommandBuilder::new(bin),
        };
        for a in &self.args {
            cmd.arg(a);
        }
        base_env(&mut cmd);
        let own_home = match &self.home {
            Some(_) => None,
            None => Some(tempfile::tempdir().unwrap()),
        };
        let home = self
            .home
            .as_deref()
            .unwrap_or_else(|| own_home.as_ref().unwrap().path());
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        if let Some(dir) = &self.path_first {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let paths = std::iter::once(dir.clone()).chain(std::env::split_paths(&path));
            cmd.env("PATH", std::env::join_paths(paths).unwrap());
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        Session::spawn(cmd, self.cols, self.rows, own_home)
    }
}

impl Default for Launch {
    fn default() -> Launch {
        Launch::new()
    }
}

/// What the reader printed: the screen it makes and every byte, updated together.
pub struct Term {
    pub parser: vt100::Parser,
    pub output: Vec<u8>,
}

/// The reader running in a pseudo-terminal, with everything it printed.
pub struct Session {
    term: Arc<Mutex<Term>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Closed by the reading thread once the terminal has nothing more to read.
    read_all: mpsc::Receiver<()>,
    /// The run's own state and config directories, removed after.
    _home: Option<tempfile::TempDir>,
}

impl Session {
    fn spawn(
        cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        home: Option<tempfile::TempDir>,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pty.slave.spawn_command(cmd).expect("the reader starts");
        drop(pty.slave);
        let term = Arc::new(Mutex::new(Term {
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            output: Vec::new(),
        }));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let shared = Arc::clone(&term);
        let (done, read_all) = mpsc::channel();
        std::thread::spawn(move || {
            let _done = done;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut term = shared.lock().unwrap();
                term.parser.process(&buf[..n]);
                term.output.extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            term,
            writer,
            master: pty.master,
            child,
            read_all,
            _home: home,
        }
    }

    /// The screen and output as they are now (hold it briefly: the reading thread waits).
    pub fn term(&self) -> MutexGuard<'_, Term> {
        self.term.lock().unwrap()
    }

    pub fn screen(&self) -> String {
        self.term().parser.screen().contents()
    }

    /// The leftmost `cols` columns of every row, joined by newlines.
    pub fn left(&self, cols: u16) -> String {
        let term = self.term();
        term.parser
            .screen()
            .rows(0, cols)
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn alternate_screen(&self) -> bool {
        self.term().parser.screen().alternate_screen()
    }

    /// Everything printed so far, invalid UTF-8 replaced.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.term().output).into_owned()
    }

    /// Waits until `check` holds for the session; panics with the screen and the end of the
    /// output after the timeout.
    pub fn wait_for(&self, what: &str, check: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if check(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let (screen, size, tail) = {
            let term = self.term();
            let output = &term.output;
            let tail = String::from_utf8_lossy(&output[output.len().saturating_sub(600)..])
                .replace('\x1b', "␛");
            let screen = term.parser.screen();
            (screen.contents(), screen.size(), tail)
        };
        panic!(
            "timed out waiting for {what}; the screen ({size:?}):\n{screen}\nthe last output:\n{tail}"
        );
    }

    /// Waits until the screen shows `text`.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |s| {
            s.screen().contains(text)
        });
    }

    /// Waits until the output (not only the screen) holds `text`.
    pub fn wait_output(&self, text: &str) {
        self.wait_for(&format!("{text:?} in the output"), |s| {
            s.output().contains(text)
        });
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends `name` (TERM, INT, ...) to the process group of the program started.
    pub fn signal(&self, name: &str) {
        // The child leads a process group of its own; under `sh` both get the signal, and
        // sh's trap lets it report once the reader is gone.
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), "--", &format!("-{pid}")])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        // Hold the screen so no output is read between the two size changes.
        let mut term = self.term();
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        term.parser.set_size(
            rows.max(1).try_into().unwrap(),
            cols.max(1).try_into().unwrap(),
        );
    }

    /// For a [`Launch::reporting`] session: waits for the reader to exit; returns its status,
    /// after checking that the terminal left the alternate screen and is back in cooked mode.
    pub fn finish(mut self) -> i32 {
        self.wait_for("the exit status", |s| s.screen().contains("EXIT="));
        let screen = self.screen();
        assert!(
            !self.alternate_screen(),
            "still on the alternate screen:\n{screen}"
        );
        let stty = screen
            .lines()
            .find(|l| l.starts_with("STTY: "))
            .unwrap_or_else(|| panic!("no stty line:\n{screen}"));
        let words: Vec<&str> = stty.split_whitespace().collect();
        for flag in ["icanon", "echo", "isig"] {
            assert!(words.contains(&flag), "{flag} is off: {stty}");
        }
        let text = self.output();
        assert!(
            text.rfind("\x1b[?1049l") > text.rfind("\x1b[?1049h"),
            "the alternate screen was not left last"
        );
        let status = self.child.wait().unwrap();
        status.exit_code() as i32
    }

    /// Quits with `q` and waits for the process to end, successfully.
    pub fn quit(mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(status.success(), "the reader exited with {status:?}");
    }

    /// Waits for the program started to exit and for its last output to be read; panics
    /// (killing it) after the timeout.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the reader did not quit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        // Once no process holds the terminal any more, reading it ends.
        let left = TIMEOUT.saturating_sub(start.elapsed());
        if let Err(mpsc::RecvTimeoutError::Timeout) = self.read_all.recv_timeout(left) {
            panic!("the terminal is still open after the reader quit");
        }
        status
    }
}

impl Drop for Session {
    /// A failed test must not leave the reader running: kill its process group.
    fn drop(&mut self) {
        if let (Ok(None), Some(pid)) = (self.child.try_wait(), self.child.process_id()) {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status();
        }
    }
}

/// Asserts that nothing untrusted reached the terminal raw in `output` (everything the reader
/// printed): the reader draws with CSI sequences of its own but never sends OSC or DCS, BEL,
/// C1 controls or bidirectional overrides, so none of those may appear.
pub fn assert_no_raw_controls(output: &str) {
    assert!(
        !output.contains("\x1b]"),
        "an OSC sequence reached the terminal"
    );
    assert!(
        !output.contains("\x1bP"),
        "a DCS sequence reached the terminal"
    );
    assert!(!output.contains('\x07'), "BEL reached the terminal");
    assert!(
        !output.contains('\u{9b}'),
        "a C1 control reached the terminal"
    );
    assert!(
        !output.contains('\u{202e}') && !output.contains('\u{202c}'),
        "a bidi override reached the terminal"
    );
}
