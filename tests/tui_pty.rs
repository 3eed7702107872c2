//! End-to-end tests of the reader in a real pseudo-terminal (portable-pty + vt100): start the
//! built binary, type as a person would, and wait for the screen to show what is expected.
//! The binary runs under `sh`, which prints `stty -a` and the exit status once it is gone, so
//! the tests can see that the terminal was given back in cooked mode.

#![cfg(unix)]

mod pty;

use std::time::Duration;

use pty::{Launch, Session};

/// The reader in a `cols`×`rows` terminal under `sh`, which reports the terminal's mode and
/// the exit status once it is gone ([`Session::finish`]).
fn reader(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
    Launch::new()
        .args(args)
        .env(env)
        .size(cols, rows)
        .reporting()
        .start()
}

fn embedded() -> Session {
    reader(&[], &[], 120, 36)
}

#[test]
fn opens_on_the_embedded_letters_shows_help_and_quits_cleanly() {
    let mut s = embedded();
    // The Letters pane is the top of the left column.
    s.wait_for(
        "Offlimits and the Kinderrechtencollectief in the Letters pane",
        |s| {
            let left = s.left(40);
            left.contains("Letters")
                && left.contains("Offlimits")
                && left.contains("Kinderrechtencollectief")
        },
    );
    s.send("?");
    s.wait_for("the help, grouped", |s| {
        let screen = s.screen();
        screen.contains("Keys — Esc closes")
            && screen.contains("Move")
            && screen.contains("down a line")
    });
    // The rest is a scroll away.
    s.send("G");
    s.wait_for("the end of the help", |s| {
        s.screen().contains("Stance marks")
    });
    s.send("\x1b");
    s.wait_for("help to close", |s| {
        !s.screen().contains("Keys — Esc closes")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn reading_moves_through_sections_and_notes() {
    let mut s = embedded();
    s.wait_text("Kinderrechtencollectief");
    // To the Reading pane, next section: the outline marks it and the status line follows.
    s.send("\t\t");
    s.wait_text("j/k scroll");
    s.send("]");
    s.wait_for("the outline to mark the second section", |s| {
        s.left(40).contains("▸")
    });
    s.send("G");
    s.wait_for("the end of the letter", |s| {
        s.screen()
            .lines()
            .last()
            .is_some_and(|l| l.contains(" Bot"))
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn search_lists_the_internet_watch_foundation_and_n_steps_through_it() {
    let mut s = embedded();
    s.wait_text("Kinderrechtencollectief");
    s.send("/");
    s.wait_text("/ ▏");
    s.send("internet watch");
    s.wait_for(
        "the Internet Watch Foundation among the organisations",
        |s| {
            let screen = s.screen();
            screen.contains("/ internet watch▏")
                && screen.contains("Organisations (")
                && screen.contains("Internet Watch Foundation")
        },
    );
    s.send("\r");
    // The overlay closes, the passage is in view, and the status line counts occurrences.
    s.wait_for("the first occurrence", |s| {
        let screen = s.screen();
        !screen.contains("Search — Enter jumps") && status(&screen).contains("1 of ")
    });
    let total = count_of(&status(&s.screen()));
    assert!(total >= 2, "the IWF occurs more than once in the seeds");
    assert!(s.screen().contains("Internet Watch"), "{}", s.screen());
    s.send("n");
    s.wait_for("the second occurrence", |s| {
        status(&s.screen()).contains(&format!("2 of {total}"))
    });
    s.send("N");
    s.wait_for("back to the first", |s| {
        status(&s.screen()).contains(&format!("1 of {total}"))
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn s_searches_the_open_letter_as_you_type_and_n_wraps_around() {
    let mut s = embedded();
    s.wait_text("Kinderrechtencollectief");
    s.send("s");
    s.wait_text("Search this letter: ▏");
    s.send("kind");
    s.wait_for("the count of matches as the pattern is typed", |s| {
        let line = status(&s.screen());
        line.contains("Search this letter: kind▏") && line.contains("1 of ")
    });
    s.send("\r");
    s.wait_for("the prompt to give way to the count", |s| {
        status(&s.screen()).contains("1 of ") && status(&s.screen()).contains("“kind” · n/N")
    });
    let total = count_of(&status(&s.screen()));
    s.send("N");
    s.wait_for("N past the top to wrap to the last match", |s| {
        let line = status(&s.screen());
        line.contains(&format!("{total} of {total}")) && line.contains("wrapped to the end")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_search_hit_in_a_note_is_highlighted_in_the_footnotes_pane() {
    let mut s = embedded();
    s.wait_text("Kinderrechtencollectief");
    s.send("/");
    s.wait_text("/ ▏");
    // Only notes: the word is in a paragraph of the same letter too.
    s.send("notes: brazilie");
    s.wait_for("the note among the passages", |s| {
        let screen = s.screen();
        screen.contains("/ notes: brazilie▏") && screen.contains("Brazilië laat X")
    });
    s.send("\r");
    s.wait_for("Brazilië highlighted in the Footnotes pane", |s| {
        !s.screen().contains("Search — Enter jumps") && highlighted_in_notes(s, "Brazilië")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

/// Whether `word` stands in the note shown in full in the Footnotes pane (under the rule
/// below the list of notes) as the current hit does: black on yellow (the default theme's
/// `hit_current`), every one of its cells.
fn highlighted_in_notes(s: &Session, word: &str) -> bool {
    let term = s.term();
    let screen = term.parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let cell = |row: u16, col: u16| screen.cell(row, col).map_or("", |c| c.contents());
    // Whether the cells from (row, col) on hold `text`, and are styled as `hit_current` if
    // `current`.
    let spells = |row: u16, col: u16, text: &str, current: bool| {
        text.chars().enumerate().all(|(i, ch)| {
            let c = col + i as u16;
            cell(row, c) == ch.to_string()
                && (!current
                    || screen.cell(row, c).is_some_and(|c| {
                        c.bgcolor() == vt100::Color::Idx(3) && c.fgcolor() == vt100::Color::Idx(0)
                    }))
        })
    };
    // The pane: from the top border with its title to the bottom corner under it.
    let corners = (0..rows).flat_map(|row| (0..cols).map(move |col| (row, col)));
    let Some((top, left)) = corners
        .into_iter()
        .find(|&(row, col)| spells(row, col, "┌ Footnotes (", false))
    else {
        return false;
    };
    (top + 1..rows)
        .take_while(|&row| cell(row, left) != "└")
        .skip_while(|&row| cell(row, left + 1) != "─")
        .any(|row| (left + 1..cols).any(|col| spells(row, col, word, true)))
}

/// How many occurrences the status line counts: the `17` of `1 of 17`.
fn count_of(status: &str) -> usize {
    status
        .split("1 of ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("a count in {status}"))
}

/// The status line: the last line of the screen.
fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_redraws() {
    // A shell with job control: the reader stops on Ctrl-z, the shell reports the terminal's
    // mode, waits for a line, then brings the reader back with `fg`.
    let script = "set -m; \"$0\" \"$@\"; status=$?; \
        if [ $status -gt 128 ]; then printf '\\nSTOPPED STTY: '; stty -a | tr '\\n' ' '; \
        printf '\\n'; read line; fg; status=$?; fi; \
        printf '\\nSTTY: '; stty -a | tr '\\n' ' '; printf '\\nEXIT=%s\\n' $status; exit $status";
    let mut s = Launch::new().under_sh(script).start();
    s.wait_text("Kinderrechtencollectief");
    s.send("\x1a");
    s.wait_for("the shell, in cooked mode", |s| {
        let screen = s.screen();
        !s.alternate_screen()
            && screen.lines().any(|l| {
                l.starts_with("STOPPED STTY: ") && l.split_whitespace().any(|w| w == "icanon")
            })
    });
    s.send("\n");
    s.wait_for("the reader, redrawn in full", |s| {
        let screen = s.screen();
        s.alternate_screen()
            && screen.contains("Letters (")
            && screen.contains("Footnotes (")
            && s.left(40).contains("Kinderrechtencollectief")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn signals_restore_the_terminal() {
    for (signal, status) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let s = embedded();
        s.wait_text("Kinderrechtencollectief");
        s.signal(signal);
        assert_eq!(s.finish(), status, "SIG{signal}");
    }
}

#[test]
fn a_panic_restores_the_terminal_first_then_reports() {
    let s = reader(&[], &[("BRIEVEN_TEST_PANIC", "1")], 120, 36);
    s.wait_text("panicking as asked");
    assert_eq!(s.finish(), 101);
}

/// A terminal resized while the reader starts (a window manager placing a new window) ends
/// with a frame at its final size: the reader must be listening for resizes before it first
/// asks the size. The resize comes at several moments of the start, one session each.
#[test]
fn a_terminal_resized_while_the_reader_starts_gets_a_frame_at_its_new_size() {
    for delay_ms in [0, 2, 5, 10, 20, 40, 80] {
        let mut s = Launch::new().size(100, 30).start();
        std::thread::sleep(Duration::from_millis(delay_ms));
        s.resize(120, 36);
        s.wait_for(
            &format!("a frame 120 columns wide (resized after {delay_ms} ms)"),
            |s| {
                // The panes' top border reaches the last column, and the status line is the last row.
                let term = s.term();
                let screen = term.parser.screen();
                let top = screen.rows(0, 120).next().unwrap_or_default();
                let status = screen.rows(0, 120).nth(35).unwrap_or_default();
                top.chars().count() == 120 && top.ends_with('┐') && status.ends_with("? help ")
            },
        );
        s.send("q");
        s.wait_exit();
    }
}

#[test]
fn a_resize_storm_ends_in_a_clean_frame() {
    let mut s = embedded();
    s.wait_text("Kinderrechtencollectief");
    for i in 0..40u16 {
        let (cols, rows) = match i % 4 {
            0 => (1, 1),
            1 => (30 + i, 8 + i / 4),
            2 => (200 - i, 50),
            _ => (99, 10),
        };
        s.resize(cols, rows);
    }
    s.resize(120, 36);
    s.wait_for("a full frame at 120×36", |s| {
        let screen = s.screen();
        screen.contains("Letters (")
            && screen.contains("Footnotes (")
            && !screen.contains("too small")
            && s.left(40).contains("Kinderrechtencollectief")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(
        &path,
        "Afzender\x1b]0;pwned\x07 Corp\n\nBetreft: \x1b]52;c;SGVsbG8=\x07 clipboard\n\n\
         Tekst met \u{202E}omgekeerd\u{202C} en \x1bP dcs \x1b\\ en C1 \u{9b}31m rood.\n",
    )
    .unwrap();
    let mut s = reader(&[path.to_str().unwrap()], &[], 120, 36);
    s.wait_text("␛]52;c;SGVsbG8=␇");
    s.send("q");
    let text = s.output();
    assert_eq!(s.finish(), 0);
    for bad in ["\x1b]", "\x1bP", "\u{202E}", "\u{9b}", "\x07"] {
        assert!(!text.contains(bad), "{bad:?} reached the terminal");
    }
}

#[test]
fn without_a_terminal_it_says_so_and_exits_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for sub in ["export", "list", "show", "search", "quote", "cards"] {
        assert!(stderr.contains(sub), "{stderr}");
    }
    assert!(out.stdout.is_empty());
}

/// A directory of `n` letters, each a copy of the longest embedded letter under a new name.
fn many_letters(n: usize) -> tempfile::TempDir {
    let corpus = brieven::corpus::Corpus::embedded();
    let longest = corpus
        .letters
        .iter()
        .filter(|l| !l.is_act())
        .max_by_key(|l| l.paragraphs().map(|(_, _, p)| p.text.len()).sum::<usize>())
        .unwrap();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(format!("{}.txt", longest.id)),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), &text).unwrap();
    }
    dir
}

#[test]
fn a_large_corpus_shows_its_loading_progress_then_the_letters() {
    let dir = many_letters(600);
    let path = dir.path().to_str().unwrap();
    let s = reader(&[path], &[], 120, 36);
    s.wait_text("Loading letters:");
    s.wait_text("Letters (600)");
    drop(s);
    // q while loading gives up cleanly (without the cache, which could make loading too
    // quick to interrupt).
    let mut s = reader(&[path, "--no-cache"], &[], 120, 36);
    s.wait_text("Loading letters:");
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_cached_corpus_opens_again_with_the_letters_as_they_are_now() {
    let dir = many_letters(40);
    let path = dir.path().to_str().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_CACHE_HOME", cache.path().to_str().unwrap())];
    let cache_files = || {
        std::fs::read_dir(cache.path().join("brieven"))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    let mut s = reader(&[path], &env, 120, 36);
    s.wait_text("Letters (40)");
    // The worker writes the cache once the register is built, while the user reads.
    let start = std::time::Instant::now();
    while cache_files() == 0 && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(cache_files(), 1, "the reader wrote its cache");
    s.send("q");
    assert_eq!(s.finish(), 0);

    // One letter changes between runs: the reader shows it as it is now.
    let edited = dir.path().join("00007.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    assert!(text.contains("Offlimits"));
    std::fs::write(&edited, text.replace("Offlimits", "Zeepbelwerk")).unwrap();
    let mut s = reader(&[path], &env, 120, 36);
    s.wait_text("Letters (40)");
    s.wait_text("Zeepbelwerk");
    s.send("q");
    assert_eq!(s.finish(), 0);
}

/// Quit at once, the reader still finishes the cache write it has begun (after giving the
/// terminal back): the next start reads the letters from the cache, and no half-written
/// temporary file is left.
#[test]
fn a_reader_quit_at_once_still_leaves_a_whole_cache() {
    let dir = many_letters(600);
    let path = dir.path().to_str().unwrap();
    // Letters written an hour ago: a letter changed within seconds of a cache write is read
    // and hashed again, and its new stamp written (git's "racy" rule), which would hide
    // whether the cache was whole.
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let file = std::fs::File::options()
            .write(true)
            .open(entry.unwrap().path())
            .unwrap();
        file.set_modified(hour_ago).unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_CACHE_HOME", cache.path().to_str().unwrap())];
    let mut s = reader(&[path], &env, 120, 36);
    s.wait_text("Letters (600)");
    s.send("q");
    assert_eq!(s.finish(), 0);
    let files: Vec<String> = std::fs::read_dir(cache.path().join("brieven"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        files.len() == 1 && files[0].ends_with(".cache"),
        "one whole cache file, no temporary one: {files:?}"
    );
    // The next run has nothing to parse or write: it answers with every letter from the
    // cache, which a partial or damaged file could not, and leaves the file as it was.
    // (A rewrite is a new file renamed into place: a new inode. Reading it only marks the
    // file as used, by its time.)
    use std::os::unix::fs::MetadataExt;
    let cache_file = cache.path().join("brieven").join(&files[0]);
    let inode = std::fs::metadata(&cache_file).unwrap().ino();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(["list", path])
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        601,
        "header and 600"
    );
    let after = std::fs::metadata(&cache_file).unwrap().ino();
    assert_eq!(
        inode, after,
        "the cache was whole: list did not write it again"
    );
}

#[test]
fn a_register_file_beside_the_letters_is_the_readers_too() {
    let dir = many_letters(3);
    let path = dir.path().to_str().unwrap();
    let register = "[[entity]]\nkind = \"term\"\nlabel = \"Zeepbelprotocol\"\n\
                    aliases = [\"Offlimits\"]\ngloss = \"Een term van deze map.\"\n";
    std::fs::write(dir.path().join("register.toml"), register).unwrap();
    let mut s = reader(&[path], &[], 120, 36);
    s.wait_text("Letters (3)");
    s.send("/zeepbel");
    s.wait_text("Zeepbelprotocol");
    s.send("\x1b");
    s.wait_for("the search closed", |s| {
        !s.screen().contains("Search — Enter jumps")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);

    // A broken one stops the reader before its screen opens, naming the file and the line.
    std::fs::write(dir.path().join("register.toml"), "[[entity]\nkind = 3\n").unwrap();
    let s = reader(&[path], &[], 120, 36);
    s.wait_text("EXIT=");
    let screen = s.screen();
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(
        screen.contains("register.toml:") && screen.contains("line 1"),
        "{screen}"
    );
    assert!(
        !s.output().contains("\x1b[?1049h"),
        "the reader's screen was never opened"
    );
}
