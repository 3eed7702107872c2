//! Broken and hostile input on the command line: every case gives a clear message naming the
//! file and the problem, the other letters still load, nothing panics, nothing is written.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn brieven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(args)
        .output()
        .expect("binary runs")
}

fn export(dir: &Path) -> (serde_json::Value, String, Output) {
    let out = brieven(&["export", dir.to_str().unwrap()]);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (json, err, out)
}

const LETTER: &str = "Leiden, 2 mei 2024\n\nGeachte heer,\n\nDit is de tekst van de brief.\n";

#[test]
fn a_directory_without_letters_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.jpg"), "x").unwrap();
    let (_, err, out) = export(dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("no letters") && err.contains(dir.path().to_str().unwrap()),
        "{err}"
    );
    // What it reads, and the files it found instead.
    assert!(err.contains("*.pdf, *.docx, *.odt"), "{err}");
    assert!(err.contains("notes.jpg"), "{err}");
}

#[test]
fn an_error_where_standard_error_cannot_be_written_is_no_panic() {
    // A hung-up terminal or a full disk behind standard error: the error is the exit code.
    let dir = tempfile::tempdir().unwrap();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(["list", dir.path().join("missing").to_str().unwrap()])
        .env("XDG_CACHE_HOME", dir.path())
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "101 is a panic");
}

#[test]
fn empty_binary_and_unreadable_files_are_skipped_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a_good.txt"), LETTER).unwrap();
    fs::write(dir.path().join("b_empty.txt"), "  \n\n").unwrap();
    fs::write(
        dir.path().join("c_binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00binary",
    )
    .unwrap();
    fs::write(dir.path().join("e_zip.txt"), b"PK\x03\x04\x00\x00photo.jpg").unwrap();
    fs::write(dir.path().join("f_nul.txt"), b"Geachte\x00heer\x00\x01").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("d_broken.md")).unwrap();
    let before: Vec<_> = ["a_good.txt", "b_empty.txt", "c_binary.txt"]
        .iter()
        .map(|f| fs::read(dir.path().join(f)).unwrap())
        .collect();
    let (json, err, out) = export(dir.path());
    assert!(out.status.success(), "{err}");
    let ids: Vec<_> = json["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids, vec!["a_good"]);
    assert!(
        err.contains("b_empty.txt: skipped: the file is empty"),
        "{err}"
    );
    assert!(
        err.contains("c_binary.txt: skipped: a PNG image, not a letter; if it is a scanned letter, a scan without text: run OCR first"),
        "{err}"
    );
    assert!(
        err.contains("f_nul.txt: skipped: a binary file of no kind brieven knows (it holds NUL bytes): brieven reads text, Markdown, PDF, DOCX, ODT or HTML"),
        "{err}"
    );
    assert!(
        err.contains("e_zip.txt: skipped: a zip archive that is neither a Word (DOCX)"),
        "{err}"
    );
    #[cfg(unix)]
    assert!(err.contains("d_broken.md: skipped: cannot read"), "{err}");
    let after: Vec<_> = ["a_good.txt", "b_empty.txt", "c_binary.txt"]
        .iter()
        .map(|f| fs::read(dir.path().join(f)).unwrap())
        .collect();
    assert_eq!(before, after, "letter files are never written");
}

#[test]
fn encodings_and_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252: é and curly quotes.
    fs::write(
        dir.path().join("cp1252.txt"),
        b"Leiden, 2 mei 2024\n\nGeachte heer,\n\nDe caf\xE9 \x93brief\x94.\n",
    )
    .unwrap();
    // UTF-16 LE with BOM, CRLF.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in LETTER.replace('\n', "\r\n").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    // UTF-8 BOM and lone CR.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(LETTER.replace('\n', "\r").bytes());
    fs::write(dir.path().join("utf8bom.txt"), bom).unwrap();
    let (json, err, out) = export(dir.path());
    assert!(out.status.success(), "{err}");
    let letters = json["letters"].as_array().unwrap();
    let para = |i: usize| {
        letters[i]["sections"][0]["paragraphs"][0]["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(para(0), "De café “brief”.");
    let warnings = letters[0]["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .unwrap()
            .contains("cp1252: line 5: not UTF-8 (byte 0xE9); read as Windows-1252")),
        "{warnings:?}"
    );
    assert_eq!(para(1), "Dit is de tekst van de brief.");
    assert_eq!(para(2), "Dit is de tekst van de brief.");
    for letter in &letters[1..3] {
        assert_eq!(letter["date"], "2024-05-02");
        assert!(letter["warnings"].as_array().unwrap().is_empty());
    }
}

#[test]
fn odd_structure_is_parsed_with_warnings_in_export() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("odd.md"),
        "Geachte heer,\n\nEen zin.<sup>1</sup> Nog een.<sup>3</sup>\n\n<sup>1</sup> Een.\n\n<sup>2</sup> Twee.\n\n<sup>2</sup> Twee weer.\n",
    )
    .unwrap();
    let (json, _, out) = export(dir.path());
    assert!(out.status.success());
    let w: Vec<String> = json["letters"][0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect();
    assert!(
        w.contains(&"odd: no date found for the letter".to_string()),
        "{w:?}"
    );
    assert!(
        w.contains(&"odd:3: note marker 3 has no footnote".to_string()),
        "{w:?}"
    );
    assert!(
        w.contains(&"odd:7: footnote 2 is never cited".to_string()),
        "{w:?}"
    );
    assert!(
        w.contains(&"odd:9: footnote 2 is defined twice".to_string()),
        "{w:?}"
    );
}

#[test]
fn many_footnotes_and_long_lines_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Leiden, 2 mei 2024\n\nGeachte heer,\n\n");
    for n in 1..=10_000 {
        text.push_str(&format!("Zin {n}.<sup>{n}</sup> "));
    }
    text.push_str("\n\n");
    for n in 1..=10_000 {
        text.push_str(&format!("<sup>{n}</sup> Bron {n}.\n\n"));
    }
    text.push_str(&"woord ".repeat(200_000));
    fs::write(dir.path().join("big.md"), &text).unwrap();
    let (json, err, out) = export(dir.path());
    assert!(out.status.success(), "{err}");
    let letter = &json["letters"][0];
    assert_eq!(letter["footnotes"].as_array().unwrap().len(), 10_000);
    assert_eq!(
        letter["sections"][0]["paragraphs"][0]["notes"]
            .as_array()
            .unwrap()
            .len(),
        10_000
    );
    assert!(
        letter["warnings"].as_array().unwrap().is_empty(),
        "{:?}",
        letter["warnings"]
    );
}

#[test]
fn control_sequences_in_a_letter_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("hostile.txt"),
        "Leiden, 2 mei 2024\n\nGeachte heer,\n\nTitel\x1b]0;pwned\x07 en \x1b]52;c;SGVsbG8=\x07 klembord \x1b[2J wis \u{9b}31m c1 \u{202e}omgekeerd\u{202c} \x1bP1$qm\x1b\\ dcs.\n",
    )
    .unwrap();
    for cmd in ["export", "list"] {
        let out = brieven(&[cmd, dir.path().to_str().unwrap()]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{9b}'),
            "{cmd}: {text}"
        );
        assert!(
            !text.contains('\u{202e}') && !text.contains('\u{202c}'),
            "{cmd}"
        );
    }
    let out = brieven(&["show", "hostile", dir.path().to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Titel␛]0;pwned␇"), "{text}");
    assert!(!text.contains('\x1b'));
}

/// Runs brieven and kills it if it has not finished in 20 s (a hang is a failure, not a stuck
/// test run).
#[cfg(unix)]
fn brieven_within_time(args: &[&str]) -> Output {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().ok();
            panic!("brieven {args:?} did not finish in 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_files_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a_good.txt"), LETTER).unwrap();
    let fifo = dir.path().join("zz.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // 65 MiB without writing them: a sparse file.
    let huge = fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(65 * 1024 * 1024).unwrap();
    drop(huge);

    // In a directory a FIFO is passed over; the huge file is skipped, saying why.
    let out = brieven_within_time(&["list", dir.path().to_str().unwrap()]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("a_good"), "{stdout}");
    assert!(!stderr.contains("zz.txt"), "{stderr}");
    assert!(
        stderr.contains("huge.txt: skipped: larger than 64 MiB"),
        "{stderr}"
    );

    // Named, a FIFO and a device are refused by name, and the rest loads.
    let good = dir.path().join("a_good.txt");
    for named in [fifo.to_str().unwrap(), "/dev/zero"] {
        let out = brieven_within_time(&["list", good.to_str().unwrap(), named]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(
            stderr.contains(&format!("{named}: skipped: not a regular file")),
            "{stderr}"
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("a_good"));
    }
}

/// Whether `text` holds a character that must not reach a terminal raw: a C0 control but
/// newline and tab, DEL, a C1 control, or a bidi control.
fn holds_control(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

#[cfg(unix)]
#[test]
fn hostile_file_names_sidecars_and_register_files_never_reach_the_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    // A name that sets the window title, with a line break that would split a table.
    let stem = "evil\x1b]0;PWNED\x07\nnext\u{9b}2J\u{202e}";
    fs::write(
        dir.path().join(format!("{stem}.txt")),
        "Leiden, 2 mei 2024\n\nGeachte heer,\n\nDe Europese Commissie schrijft over Zorgvlied.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join(format!("{stem}.toml")),
        "sender = \"Afzender\u{9b}31m\u{202e}\"\nrecipients = [\"Kamer\u{85}\u{2066}\"]\nsummary = \"Kort\u{9d}0;x\u{9c}\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("register.toml"),
        "[[entity]]\nkind = \"organisation\"\nlabel = \"Zorgvlied\u{9b}1m\"\ngloss = \"Een\u{202e} fonds\u{85}\"\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let runs: [&[&str]; 12] = [
        &["list", d],
        &["search", "Zorgvlied", d],
        &["search", "Zorgvlied", d, "--json"],
        &["entities", d],
        &["entities", d, "--json"],
        &["concordance", "Zorgvlied", d],
        &["show", "evil", d],
        &["export", d],
        &["export", "--jsonl", d],
        &["export", "--lines", d],
        &["timeline", d],
        &["quote", "evil", d, "--paragraph", "1", "--json"],
    ];
    for args in runs {
        let out = brieven(args);
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(!holds_control(&stdout), "{args:?} stdout: {stdout:?}");
        assert!(!holds_control(&stderr), "{args:?} stderr: {stderr:?}");
        if args.contains(&"--json") || args == ["export", d] {
            // Escaped, not lost: the JSON is valid.
            let _: serde_json::Value =
                serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"));
        }
    }
    // The id stays on one line: the table's row is whole.
    let list = String::from_utf8(brieven(&["list", d]).stdout).unwrap();
    let row = list.lines().find(|l| l.starts_with("evil")).unwrap();
    assert!(
        row.contains("next") && row.contains("2024-05-02") && row.contains("Afzender"),
        "{list}"
    );
    assert_eq!(list.lines().count(), 2, "{list}");
}

#[test]
fn with_embedded_adds_the_dossiers_letters_before_ones_own() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("mijn_brief.txt"), LETTER).unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = brieven(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["letters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect()
    };
    let path = dir.path().to_str().unwrap();
    assert_eq!(ids(&["export", path]), vec!["mijn_brief"]);
    let embedded = ids(&["export"]);
    // The five letters and the proposal they discuss.
    assert_eq!(embedded.len(), 6);
    // The flag goes before or after the subcommand.
    for args in [
        &["export", "--with-embedded", path][..],
        &["--with-embedded", "export", path][..],
    ] {
        let mut expected = embedded.clone();
        expected.push("mijn_brief".into());
        assert_eq!(ids(args), expected, "{args:?}");
    }
}
