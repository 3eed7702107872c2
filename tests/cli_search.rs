//! `brieven search`, `entities` and `concordance` run as a user runs them: on the embedded
//! letters and on small letters in a temporary directory, checking output shapes, exit codes
//! and that letter text reaches the terminal sanitized.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn brieven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(args)
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// Two small letters and a register file in a temporary directory.
fn temp_letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a_first.txt",
        "Stichting Waakzaam\n\nDen Haag, 3 maart 2024\n\nGeachte Kamerleden,\n\n\
         De Geheime Dienst leest mee. Wij vragen u de Geheime Dienst te stoppen op 12 maart a.s.\n\n\
         Verder niets \u{1b}[31m rood \u{1b}[0m.\n\nHoogachtend,\n\nStichting Waakzaam\n",
    );
    write(
        "b_second.txt",
        "Stichting Open\n\nUtrecht, 1 februari 2024\n\nGeachte Kamerleden,\n\n\
         Ook wij schrijven over de Geheime Dienst en over encryptie.\n\nMet vriendelijke groet,\n\nStichting Open\n",
    );
    write(
        "extra.reg",
        "[[entity]]\nkind = \"organisation\"\nlabel = \"Geheime Dienst\"\ngloss = \"Een dienst.\"\n",
    );
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn search_json_has_the_documented_shape() {
    let o = brieven(&["search", "ncmec", "--json", "--limit", "8"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o);
    assert_eq!(v["query"], "ncmec");
    let results = v["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 8);
    let first = &results[0];
    assert_eq!(
        (first["kind"].as_str(), first["label"].as_str()),
        (Some("organisation"), Some("NCMEC"))
    );
    assert_eq!(first["positions"], serde_json::json!([0, 1, 2, 3, 4]));
    // Three letters and the proposal (`reference/`), which names NCMEC too.
    let letters = first["letters"].as_array().unwrap();
    assert_eq!(letters.len(), 4);
    assert_eq!(letters[3], "com-2022-209-en");
    assert!(first["occurrences"].as_u64().unwrap() >= 16);
    assert!(first["aliases"].is_array() && first["score"].is_i64());
    assert!(first.get("snippet").is_none());
    let passage = results
        .iter()
        .find(|r| r["kind"] == "passage")
        .expect("a passage");
    for key in [
        "letter",
        "section",
        "paragraph",
        "at",
        "snippet",
        "positions",
    ] {
        assert!(passage.get(key).is_some(), "{key}");
    }
    let snippet: Vec<char> = passage["snippet"].as_str().unwrap().chars().collect();
    let marked: String = passage["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| snippet[p.as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked.to_lowercase(), "ncmec");
}

/// A term in 13 letters: the table names the first ten and counts the rest, the JSON lists
/// all thirteen (within an `in:` filter, those it lets through), from the letters and from
/// the on-disk index alike.
#[test]
fn a_hit_names_its_first_letters_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..13 {
        let text = format!(
            "Stichting {i}\n\nDen Haag, 3 maart 2024\n\nGeachte Kamerleden,\n\n\
             Wij schrijven over encryptie.\n\nHoogachtend,\n\nStichting {i}\n"
        );
        std::fs::write(dir.path().join(format!("{i:02}_brief.txt")), text).unwrap();
    }
    let letters = dir.path().display().to_string();
    let ids = |range: std::ops::Range<usize>| -> Vec<String> {
        range.map(|i| format!("{i:02}_brief")).collect()
    };
    for run in ["--no-cache", "first", "cached"] {
        let search = |query: &str, json: bool| {
            let query = format!("{query} term:encryptie");
            let mut args = vec!["search", query.as_str(), letters.as_str()];
            args.extend(json.then_some("--json"));
            args.extend((run == "--no-cache").then_some(run));
            let o = brieven(&args);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            o
        };
        let row = |query: &str| {
            let table = stdout(&search(query, false));
            let row = table.lines().find(|l| l.starts_with("term")).unwrap_or("");
            row.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let first = "00 01 02 03 04 05 06 07 08 09";
        assert_eq!(row(""), format!("term encryptie 13 {first} +3"), "{run}");
        let v = json(&search("", true));
        assert_eq!(v["results"][0]["label"], "encryptie", "{run}");
        assert_eq!(
            v["results"][0]["letters"],
            serde_json::json!(ids(0..13)),
            "{run}"
        );
        // Letters 00 to 10 hold a 0 in their ids.
        assert_eq!(
            row("in:0"),
            format!("term encryptie 11 {first} +1"),
            "{run}"
        );
        let v = json(&search("in:0", true));
        assert_eq!(
            v["results"][0]["letters"],
            serde_json::json!(ids(0..11)),
            "{run}"
        );
    }
}

#[test]
fn search_prints_an_aligned_table_then_marked_passages() {
    let o = brieven(&["search", "Van Weerdenburg"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("KIND") && header.contains("LABEL") && header.contains("LETTERS"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("person"), "{row}");
    assert_eq!(row.find("Van Weerdenburg"), header.find("LABEL"));
    assert!(out.contains("PASSAGES"));
    assert!(out.contains("[Weerdenburg]"), "{out}");
}

#[test]
fn nothing_matched_exits_1_and_bad_input_never_crashes() {
    let o = brieven(&["search", "qqqzzzxxyy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let long = "ab(".repeat(3000);
    for q in ["", "   ", ".*[(", "!!!", "שלום", "date:..", "in:", &long] {
        let o = brieven(&["search", q, "--json"]);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{q:.20}: {:?}",
            o.status
        );
        assert!(json(&o)["results"].is_array());
    }
    assert_eq!(
        brieven(&["concordance", "qqqzzzxxyy"]).status.code(),
        Some(1)
    );
    assert_eq!(
        brieven(&["entities", "--kind", "planet"]).status.code(),
        Some(2)
    );
}

#[test]
fn user_letters_and_register_files() {
    let dir = temp_letters();
    let (a, b, reg) = (
        path(dir.path(), "a_first.txt"),
        path(dir.path(), "b_second.txt"),
        path(dir.path(), "extra.reg"),
    );
    let o = brieven(&["entities", &a, &b, "--register", &reg, "--kind", "org"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let row = out
        .lines()
        .find(|l| l.contains("Geheime Dienst"))
        .expect("the user's entity");
    assert!(row.contains("a:2") && row.contains("b:1"), "{row}");
    // Without the register file it is not an entity, but its words are still passages.
    let o = brieven(&["search", "geheime dienst", &a, &b, "--json"]);
    let v = json(&o);
    assert!(
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] == "passage")
    );
    // Concordance: letters in date order (b is older), keyword in brackets.
    let o = brieven(&["concordance", "geheime dienst", &a, &b, "--register", &reg]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.starts_with("Geheime Dienst (organisation) — Een dienst."),
        "{out}"
    );
    let (pos_b, pos_a) = (out.find("b_second").unwrap(), out.find("a_first").unwrap());
    assert!(pos_b < pos_a, "{out}");
    assert_eq!(out.matches("[Geheime Dienst]").count(), 3);
    // Relative dates resolve against the letter's own date.
    let o = brieven(&["search", "date:2024-03", &a, &b, "--json"]);
    let labels: Vec<String> = json(&o)["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(labels, ["2024-03-03", "2024-03-12"]);
    // A register file that is not one is an error.
    let o = brieven(&["entities", &a, "--register", &a]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn letter_text_is_sanitized_before_printing() {
    let dir = temp_letters();
    let a = path(dir.path(), "a_first.txt");
    for args in [
        vec!["search", "rood", &a],
        vec!["concordance", "2024-03-03", &a],
    ] {
        let o = brieven(&args);
        let out = stdout(&o);
        assert!(!out.contains('\u{1b}'), "{args:?}: {out:?}");
    }
    let o = brieven(&["search", "rood", &a]);
    assert!(stdout(&o).contains("␛[31m [rood] ␛[0m"), "{}", stdout(&o));
}

#[test]
fn entities_json_lists_every_occurrence_with_its_text() {
    let o = brieven(&["entities", "--json", "--kind", "person"]);
    assert!(o.status.success());
    let v = json(&o);
    let entities = v["entities"].as_array().unwrap();
    assert!(entities.iter().all(|e| e["kind"] == "person"));
    let szabo = entities
        .iter()
        .find(|e| e["label"] == "Zsolt Szabó")
        .expect("Szabó");
    assert_eq!(szabo["count"], 1);
    let occ = &szabo["occurrences"][0];
    assert_eq!(occ["place"]["in"], "meta");
    assert!(
        szabo["letters"]
            .as_object()
            .unwrap()
            .keys()
            .all(|k| k.starts_with("002"))
    );
    let ncmec = brieven(&["entities", "--json", "--kind", "org"]);
    let v = json(&ncmec);
    let e = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"] == "NCMEC")
        .unwrap();
    let texts: Vec<&str> = e["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["text"].as_str())
        .collect();
    assert!(
        texts
            .iter()
            .all(|t| *t == "NCMEC" || t.starts_with("National Center")),
        "{texts:?}"
    );
    // Places as citations number them: a paragraph by § and ¶ from 1 (¶ through the letter),
    // a note by its number.
    let places: Vec<&Value> = e["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| &o["place"])
        .collect();
    assert!(
        places
            .iter()
            .any(|p| p["in"] == "paragraph" && p["paragraph"].as_u64() > p["section"].as_u64()),
        "{places:?}"
    );
    assert!(
        places
            .iter()
            .any(|p| p["in"] == "note" && p["note"].as_u64() >= Some(1))
    );
    assert!(
        places
            .iter()
            .all(|p| p["section"] != 0 && p["paragraph"] != 0)
    );
}

#[test]
fn a_register_toml_beside_the_letters_is_read_and_bad_files_are_named() {
    let dir = temp_letters();
    std::fs::copy(
        dir.path().join("extra.reg"),
        dir.path().join("register.toml"),
    )
    .unwrap();
    let d = dir.path().display().to_string();
    let o = brieven(&["entities", &d, "--kind", "org"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("Geheime Dienst"));
    let a = path(dir.path(), "a_first.txt");
    let o = brieven(&["search", "dienst", &a, "--register", &a]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("a_first.txt: not a register file"), "{err}");
}

#[test]
fn date_filters_that_are_no_dates_or_end_before_they_begin_say_so() {
    let search = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_brieven"))
            .env(
                "XDG_CACHE_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
            )
            .args(args)
            .output()
            .unwrap()
    };
    for (query, says) in [
        ("date:2024..2023", "the range ends before it begins"),
        ("date:9999-99..0000", "not a date, month, year or range"),
        ("date:-1", "not a date, month, year or range"),
    ] {
        let out = search(&["search", query]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{query}: {stderr}");
        assert!(
            stderr.contains(query) && stderr.contains(says),
            "{query}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{query}");
    }
    // A query cut to its first 200 characters says so, and still searches.
    let long = format!("Europol {}", "x".repeat(300));
    let out = search(&["search", &long]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cut to its first 200 characters"),
        "{stderr}"
    );
    // A good range still answers.
    let out = search(&["search", "date:2023..2024"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
