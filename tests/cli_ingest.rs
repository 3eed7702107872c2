//! The `export`, `list` and `show` commands as a user runs them: the built binary, its stdout,
//! stderr and exit status.

use std::process::{Command, Output};

fn brieven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(args)
        .env("COLUMNS", "80")
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn export_prints_the_documented_json_for_the_embedded_letters() {
    let out = brieven(&["export"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let letters = json["letters"].as_array().expect("letters array");
    // The five letters, then the proposal they discuss, marked as a regulation.
    assert_eq!(letters.len(), 6);
    assert_eq!(letters[5]["act"]["kind"], "regulation");
    assert!(letters[..5].iter().all(|l| l.get("act").is_none()));
    let first = &letters[0];
    for key in [
        "id",
        "source",
        "date",
        "place",
        "sender",
        "signed_by",
        "recipients",
        "subject",
        "reference",
        "stance",
        "summary",
        "sections",
        "footnotes",
        "warnings",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["id"], "000_ebdd3f313db3bb7e");
    assert_eq!(first["date"], "2023-09-25");
    assert_eq!(first["source"], "embedded:000_ebdd3f313db3bb7e.txt");
    let para = &first["sections"][2]["paragraphs"][0];
    assert_eq!(para["notes"][0]["number"], 1);
    assert!(para["notes"][0]["at"].as_u64().unwrap() > 0);
    assert_eq!(letters[3]["reference"], "4904708");
    assert!(
        letters[1]["footnotes"][1]["urls"][0]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
}

#[test]
fn export_reads_paths_and_reports_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "Datum 1 mei 2024\n\nGeachte heer,\n\nTekst.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Leiden, 2 mei 2024\n\nGeachte heer,\n\nTekst.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "not a letter").unwrap();
    let out = brieven(&["export", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<_> = json["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids, vec!["a", "b"], "sorted by name; the .pdf is no PDF");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("notes.pdf: skipped: named .pdf but holds no PDF"),
        "{err}"
    );

    let missing = dir.path().join("nope.txt");
    let out = brieven(&["export", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nope.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn list_prints_one_aligned_line_per_letter() {
    let out = brieven(&["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // The header, five letters, and the proposal after them.
    assert_eq!(lines.len(), 7, "{text}");
    assert!(lines[6].starts_with("com-2022-209-en") && lines[6].contains("2022-05-11"));
    assert!(lines[0].starts_with("ID"));
    assert!(lines[3].contains("2024-09-18") && lines[3].contains("Offlimits"));
    assert!(lines[4].contains("Minister van Justitie en Veiligheid"));
    // Columns line up: the date starts at the same column on every line.
    let col = lines[1].find("2023-09-25").unwrap();
    assert_eq!(lines[2].find("2024-12-05"), Some(col));
}

#[test]
fn show_prints_a_letter_as_wrapped_text_with_note_markers_and_sources() {
    let out = brieven(&["show", "002"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("From       Offlimits"));
    assert!(text.contains("Date       2024-09-18"));
    assert!(text.contains("aanpak[1]."), "{text}");
    assert!(text.contains("[1] Zie hiervoor ook de deskundige analyse van Bits of Freedom"));
    assert!(
        text.contains("https://www.bitsoffreedom.nl/20240912-quick-analysis-hupres-posal-csar.pdf")
    );
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80 || !l.contains(' ')),
        "wrapped to 80"
    );

    let out = brieven(&["show", "003", "--section", "3"]);
    let text = stdout(&out);
    assert!(text.contains("## Europol"));
    assert!(!text.contains("## Client-side scanning"));
    assert!(text.contains("[4] Europol, Internet Organized Crime Threat Assessment, 2021."));

    let out = brieven(&["show", "00"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("matches several letters"));
    let out = brieven(&["show", "003", "--section", "99"]);
    assert_eq!(out.status.code(), Some(2));
}
