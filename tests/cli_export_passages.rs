//! `brieven export --lines` and `--jsonl` as a user runs them: one line per paragraph and per
//! note, the same passages in the same order in both, every JSONL record with the fields the
//! README documents; and the plain JSON export unchanged by the new flags.

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

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn lines_and_jsonl_hold_the_same_passages_in_the_same_order() {
    let export: serde_json::Value =
        serde_json::from_str(&stdout(&brieven(&["export"]))).expect("valid JSON");
    let mut expected = Vec::new();
    for letter in export["letters"].as_array().expect("letters") {
        for section in letter["sections"].as_array().expect("sections") {
            for p in section["paragraphs"].as_array().expect("paragraphs") {
                expected.push(p["text"].as_str().expect("text").to_string());
            }
        }
        for n in letter["footnotes"].as_array().expect("footnotes") {
            expected.push(n["text"].as_str().expect("text").to_string());
        }
    }
    let lines = stdout(&brieven(&["export", "--lines"]));
    let lines: Vec<&str> = lines.lines().collect();
    assert_eq!(lines.len(), expected.len());
    for (line, text) in lines.iter().zip(&expected) {
        assert_eq!(*line, text.replace(['\n', '\r', '\t'], " "));
    }
    let jsonl = stdout(&brieven(&["export", "--jsonl"]));
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(records.len(), expected.len());
    for (record, text) in records.iter().zip(&expected) {
        assert_eq!(record["text"].as_str(), Some(text.as_str()));
    }
}

#[test]
fn jsonl_records_carry_the_documented_fields() {
    let jsonl = stdout(&brieven(&["export", "--jsonl"]));
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let mut ids = std::collections::HashSet::new();
    for r in &records {
        for key in [
            "id",
            "letter",
            "kind",
            "date",
            "year",
            "place",
            "sender",
            "recipients",
            "subject",
            "stance",
            "section",
            "heading",
            "paragraph",
            "notes",
            "note",
            "urls",
            "line",
            "text",
            "entities",
            "entity_labels",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        assert!(
            ids.insert(r["id"].as_str().expect("id").to_string()),
            "ids are unique"
        );
        assert_eq!(
            r["entities"].as_array().map(Vec::len),
            r["entity_labels"].as_array().map(Vec::len)
        );
    }
    // A note of the 2023-09-18 letter of the Minister: its number, URLs and no paragraph.
    let note = records
        .iter()
        .find(|r| r["kind"] == "note" && r["date"] == "2023-09-18" && r["note"] == 5)
        .expect("note 5 of the 2023-09-18 letter");
    assert!(note["paragraph"].is_null());
    assert!(
        note["urls"][0]
            .as_str()
            .is_some_and(|u| u.starts_with("https://www.missingkids.org/"))
    );
    // Paragraphs list the notes they cite, and some passages name entities.
    assert!(
        records
            .iter()
            .any(|r| r["kind"] == "paragraph"
                && r["notes"].as_array().is_some_and(|n| !n.is_empty()))
    );
    assert!(
        records
            .iter()
            .any(|r| r["entity_labels"].as_array().is_some_and(|e| !e.is_empty()))
    );
}

#[test]
fn lines_conflicts_with_jsonl() {
    let out = brieven(&["export", "--lines", "--jsonl"]);
    assert_eq!(out.status.code(), Some(2));
}
