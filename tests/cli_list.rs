//! `brieven list --sort`: the lines in date, sender or stance order, ties and the default in
//! the order the letters were loaded.

use std::fs;
use std::process::Command;

fn list(dir: &std::path::Path, sort: Option<&str>) -> Vec<String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brieven"));
    cmd.env(
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
    )
    .arg("list")
    .arg(dir);
    if let Some(sort) = sort {
        cmd.args(["--sort", sort]);
    }
    let out = cmd.output().expect("binary runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

/// Four letters: (file name, first line, sender, stance).
fn letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let letters = [
        ("a", "Geachte heer,", "Zorgverzekeraars", "supports"),
        ("b", "Leiden, 2 mei 2024", "Ápen", "opposes"),
        ("c", "Leiden, 1 maart 2023", "bureau", "neutral"),
        ("d", "Leiden, 2 mei 2024", "apen", "supports"),
    ];
    for (name, first, sender, stance) in letters {
        let text = format!("{first}\n\nGeachte heer,\n\nDit is de tekst van de brief.\n");
        fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
        let sidecar = format!("sender = \"{sender}\"\nstance = \"{stance}\"\n");
        fs::write(dir.path().join(format!("{name}.toml")), sidecar).unwrap();
    }
    dir
}

#[test]
fn list_sorts_by_date_sender_or_stance_and_keeps_the_loaded_order_for_ties() {
    let dir = letters();
    let d = dir.path();
    assert_eq!(list(d, None), ["a", "b", "c", "d"], "as loaded");
    // Undated last; b and d share a date and stay in loaded order.
    assert_eq!(list(d, Some("date")), ["c", "b", "d", "a"]);
    // Case and accents ignored: Ápen and apen tie.
    assert_eq!(list(d, Some("sender")), ["b", "d", "c", "a"]);
    assert_eq!(list(d, Some("stance")), ["a", "d", "c", "b"]);
    assert_eq!(list(d, Some("afzender")), list(d, Some("sender")));
}

#[test]
fn an_unknown_order_is_refused_and_help_names_the_default() {
    let out = Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(["list", "--sort", "size"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("expected date, sender or stance"), "{err}");
    let help = Command::new(env!("CARGO_BIN_EXE_brieven"))
        .args(["list", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Default: as loaded"), "{help}");
}
