//! The reader's `o` end to end in a pseudo-terminal: the selected note's URL is handed to the
//! platform's opener — here a stand-in first on the reader's `PATH` that records its
//! arguments — as its one argument, the screen stays the reader's, and the status line says
//! what happened; a note without a URL, or with one that may not be opened, starts nothing.

#![cfg(unix)]

mod pty;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use brieven::corpus::Corpus;
use brieven::links::openable_url;
use pty::{Launch, Session, TIMEOUT};

/// Printed by the stand-in on its stdout and stderr: none of it may reach the screen.
const STRAY: &str = "OPENER-WAS-HERE";

/// A stand-in for the URL opener (`xdg-open`, and `open` as on macOS): each run writes its
/// arguments, each ended by a NUL, to a file of its own in `calls/`, and prints [`STRAY`].
struct Opener {
    dir: tempfile::TempDir,
}

impl Opener {
    fn new() -> Opener {
        let dir = tempfile::tempdir().unwrap();
        let calls = dir.path().join("calls");
        std::fs::create_dir(&calls).unwrap();
        std::fs::create_dir(dir.path().join("bin")).unwrap();
        let script = format!(
            "#!/bin/sh\nout='{}/call'.$$\nprintf '%s\\0' \"$@\" > \"$out.tmp\"\n\
             mv \"$out.tmp\" \"$out\"\necho {STRAY}; echo {STRAY} >&2\n",
            calls.display()
        );
        for name in ["xdg-open", "open"] {
            let path = dir.path().join("bin").join(name);
            std::fs::write(&path, &script).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        Opener { dir }
    }

    fn bin(&self) -> PathBuf {
        self.dir.path().join("bin")
    }

    /// The arguments of every run that has finished writing them.
    fn calls(&self) -> Vec<Vec<String>> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path().join("calls"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_none_or(|e| e != "tmp"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                let args = text.strip_suffix('\0').unwrap_or(&text);
                args.split('\0').map(str::to_string).collect()
            })
            .collect()
    }

    /// Waits for a first run, then a moment for any other, and returns them all.
    fn wait_calls(&self) -> Vec<Vec<String>> {
        let start = Instant::now();
        while self.calls().is_empty() {
            assert!(start.elapsed() < TIMEOUT, "the opener was never started");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        self.calls()
    }
}

/// The reader in English with the stand-in opener first on its `PATH`.
fn start(opener: &Opener, args: &[&str]) -> Session {
    Launch::new()
        .args(&["--lang", "en"])
        .args(args)
        .path_first(&opener.bin())
        .start()
}

/// The status line: the last line of the screen.
fn status(s: &Session) -> String {
    s.screen().lines().last().unwrap_or_default().to_string()
}

/// Waits for the status line to show `text`.
fn wait_status(s: &Session, text: &str) {
    s.wait_for(&format!("{text:?} on the status line"), |s| {
        status(s).contains(text)
    });
}

/// Waits for `f` to report a selected note on the status line; returns its number.
fn selected_note(s: &Session) -> u32 {
    let number = |s: &Session| {
        let status = status(s);
        let (_, rest) = status.split_once("Note ")?;
        let (n, _) = rest.split_once(": Enter shows it")?;
        n.parse::<u32>().ok()
    };
    s.wait_for("a selected note", |s| number(s).is_some());
    number(s).unwrap()
}

/// Every row but the status line.
fn panes(s: &Session) -> Vec<String> {
    let screen = s.screen();
    let mut rows: Vec<String> = screen.lines().map(str::to_string).collect();
    rows.pop();
    rows
}

#[test]
fn o_opens_the_selected_notes_url_and_leaves_the_screen_as_it_was() {
    let opener = Opener::new();
    let mut reader = start(&opener, &[]);
    reader.wait_text("Letters (5)");
    // Two letters on: the Offlimits position paper, to the Reading pane.
    reader.send("}}");
    reader.wait_text("Offlimits, 2024-09-04");
    let corpus = Corpus::embedded();
    let letter = corpus
        .letters
        .iter()
        .find(|l| {
            l.sender.as_deref() == Some("Offlimits")
                && l.date.is_some_and(|d| d.to_string() == "2024-09-04")
        })
        .expect("the letter shown");
    reader.send("\t\t");
    reader.wait_text("j/k scroll");

    // The first marker in view: a note without a URL.
    reader.send("f");
    let first = selected_note(&reader);
    let note = letter.footnote(first).expect("the note exists");
    assert!(note.urls.is_empty(), "note {first} was to have no URL");
    reader.send("o");
    wait_status(&reader, "This note has no URL");

    // A page on, the next marker's note has one; Enter shows it in the Footnotes pane.
    reader.send(" f");
    let second = selected_note(&reader);
    assert_ne!(second, first);
    let url = letter
        .footnote(second)
        .and_then(|n| n.urls.first())
        .expect("the second note has a URL")
        .clone();
    assert!(
        url.starts_with("http://") || url.starts_with("https://"),
        "{url}"
    );
    reader.send("\r");
    let shown: String = url.chars().take(40).collect();
    reader.wait_for("the note in full under the list of notes", |s| {
        s.screen().matches(&shown).count() == 2
    });
    let before = panes(&reader);

    reader.send("o");
    wait_status(&reader, "Opened ");
    let calls = opener.wait_calls();
    assert_eq!(
        calls,
        vec![vec![url.clone()]],
        "one run, the URL its one argument"
    );
    // The status line says so (as much of it as fits).
    let told = status(&reader);
    let said = format!("Opened {url} in the browser");
    let prefix: String = said.chars().take(30).collect();
    assert!(told.contains(&prefix), "{told}");
    // The screen is still the reader's, as it was: the opener's output went nowhere.
    assert!(reader.alternate_screen());
    assert_eq!(panes(&reader), before);
    assert!(
        !reader.output().contains(STRAY),
        "the opener's output reached the terminal"
    );
    reader.quit();
    assert_eq!(opener.calls().len(), 1);
}

#[test]
fn o_starts_nothing_without_a_selected_note_or_for_a_url_that_may_not_be_opened() {
    let letters = tempfile::tempdir().unwrap();
    let good = "https://example.org/bron";
    let path = letters.path().join("bron.txt");
    std::fs::write(
        &path,
        format!(
            "Leiden, 2 mei 2024\n\nGeachte heer,\n\n\
             Een bron zonder adres.<sup>1</sup> Een bron met een adres.<sup>2</sup>\n\n\
             <sup>1</sup> Zie https:///etc/passwd\n\n<sup>2</sup> Zie {good}\n"
        ),
    )
    .unwrap();
    assert!(openable_url("https:///etc/passwd").is_err());
    let opener = Opener::new();
    let mut reader = start(&opener, &[path.to_str().unwrap()]);
    reader.wait_text("Letters (1)");
    reader.send("\t\t");
    reader.wait_text("j/k scroll");

    reader.send("o");
    wait_status(&reader, "Select a note first");
    reader.send("f");
    assert_eq!(selected_note(&reader), 1);
    reader.send("\r");
    reader.wait_for("the note in full under the list of notes", |s| {
        s.screen().matches("https:///etc/passwd").count() == 2
    });
    reader.send("o");
    wait_status(&reader, "Not a valid web address: https:///etc/passwd");

    // The opener is there all the same: the next note's URL does reach it, and only that.
    reader.send("f");
    assert_eq!(selected_note(&reader), 2);
    reader.send("o");
    wait_status(&reader, &format!("Opened {good} in the browser"));
    assert_eq!(opener.wait_calls(), vec![vec![good.to_string()]]);
    reader.quit();
}
