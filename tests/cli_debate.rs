//! The debate commands as a user runs them: `quote`, `positions`, `timeline`, `completions`
//! and `man`, on the embedded letters, with the state and config directories in temporary
//! directories. The cue-card commands are in `cli_cards.rs`.

mod debate_common;

use std::fs;
use std::path::Path;

use debate_common::{CITATION_EN, Home, OFFLIMITS, stderr};

#[test]
fn quote_prints_a_paragraph_with_its_citation() {
    let home = Home::new();
    let out = home.ok(&["quote", "002", "--paragraph", "4"]);
    assert!(
        out.starts_with("“Het Hongaarse voorstel voor de bestrijding"),
        "{out}"
    );
    assert!(out.ends_with(CITATION_EN), "{out}");
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn quote_speaks_dutch_by_flag_locale_or_config() {
    let home = Home::new();
    let dutch = ", brief aan de Minister van Justitie en Veiligheid Van Weel e.a., 18 september 2024, ¶ 4 (noot 1: Bits of Freedom, ";
    let by_flag = home.ok(&["quote", "002", "-p", "4", "--lang", "nl"]);
    assert!(by_flag.contains(dutch), "{by_flag}");
    let by_locale = home.run_env(&["quote", "002", "-p", "4"], &[("LANG", "nl_NL.UTF-8")]);
    assert!(String::from_utf8_lossy(&by_locale.stdout).contains(dutch));
    fs::create_dir_all(home.config().join("brieven")).unwrap();
    fs::write(home.config().join("brieven/config.toml"), "lang = \"en\"\n").unwrap();
    let by_config = home.run_env(&["quote", "002", "-p", "4"], &[("LANG", "nl_NL.UTF-8")]);
    assert!(String::from_utf8_lossy(&by_config.stdout).ends_with(CITATION_EN));
}

#[test]
fn quote_json_sections_notes_and_errors() {
    let home = Home::new();
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["quote", "002", "-p", "4", "--json"])).unwrap();
    assert_eq!(json["letter"], OFFLIMITS);
    assert_eq!(json["location"], "¶ 4");
    assert_eq!(json["notes"][0]["source"], "Bits of Freedom");
    assert!(
        json["text"]
            .as_str()
            .unwrap()
            .ends_with(CITATION_EN.trim_end())
    );

    let note = home.ok(&["quote", "003", "--note", "3"]);
    assert!(
        note.starts_with("“National Center for Missing and Exploited Children"),
        "{note}"
    );
    assert!(
        note.contains("(D. Yeşilgöz-Zegerius), letter to the Voorzitter van de Tweede Kamer der Staten-Generaal, 18 September 2023, ref. 4904708, note 3 (https://www.missingkids.org/"),
        "{note}"
    );
    let section = home.ok(&["quote", "003", "--section", "3"]);
    assert!(section.starts_with("“Europol bevestigt"), "{section}");
    assert!(
        section.contains(", § 3 “Europol” (note 4: Europol"),
        "{section}"
    );

    let out = home.run(&["quote", "002", "-p", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("002_33ff405ba249e90c: no paragraph 99 (the letter has"));
    let out = home.run(&["quote", "002", "-p", "1", "--section", "1"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "paragraph and section exclude each other"
    );
    let out = home.run(&["quote", "002", "--note", "7"]);
    assert!(
        stderr(&out).contains("no note 7 (its notes: 1, 2)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_letter_text_never_reaches_the_terminal_raw() {
    let home = Home::new();
    let letter = home.dir.path().join("evil.txt");
    fs::write(
        &letter,
        "Den Haag, 2 mei 2024\n\nGeachte heer,\n\nKijk \x1b]52;c;aGk=\x07 hier \u{202E}om.\n",
    )
    .unwrap();
    let out = home.ok(&["quote", "evil", letter.to_str().unwrap(), "-p", "1"]);
    assert!(!out.contains('\x1b') && !out.contains('\x07') && !out.contains('\u{202E}'));
    assert!(out.contains("Kijk ␛]52;c;aGk=␇ hier �om."), "{out}");
}

#[test]
fn positions_lists_every_letter_with_stance_terms_and_summary() {
    let home = Home::new();
    let out = home.ok(&["positions"]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("DATE        SENDER") && first.ends_with("STANCE"),
        "{out}"
    );
    assert!(out.contains("Offlimits") && out.contains("opposes") && out.contains("terms: "));
    assert!(out.contains("Offlimits raadt het kabinet af het Hongaarse voorstel te steunen"));
    let nl = home.ok(&["positions", "--lang", "nl", "--sort", "sender"]);
    assert!(nl.starts_with("DATUM       AFZENDER"), "{nl}");
    assert!(nl.contains("tegen") && nl.contains("termen: "), "{nl}");

    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["positions", "--json", "--sort", "sender"])).unwrap();
    let rows = json["positions"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let senders: Vec<&str> = rows.iter().map(|r| r["sender"].as_str().unwrap()).collect();
    assert_eq!(senders[0], "Kinderrechtencollectief");
    assert_eq!(senders[4], "Twaalf kinderrechtenorganisaties");
    assert!(
        rows.iter()
            .all(|r| r["stance"].is_string() && r["terms"].is_array())
    );
    let out = home.run(&["positions", "--sort", "size"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn positions_take_the_stance_and_summary_given_in_the_reader_over_the_sidecars() {
    let home = Home::new();
    let dir = home.state().join("brieven");
    std::fs::create_dir_all(&dir).unwrap();
    let state = serde_json::json!({"version": 1, "annotations": {"002_33ff405ba249e90c": {
        "stance": "mixed", "summary": "Eigen lezing\u{1b}[31m van de brief."
    }}});
    std::fs::write(dir.join("state.json"), state.to_string()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["positions", "--json"])).unwrap();
    let rows = json["positions"].as_array().unwrap();
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    // The sidecar says opposes; what the reader gave wins, cleaned of its escape.
    assert_eq!(row("002_33ff405ba249e90c")["stance"], "mixed");
    assert_eq!(
        row("002_33ff405ba249e90c")["summary"],
        "Eigen lezing␛[31m van de brief."
    );
    // The other Offlimits letter keeps its own.
    assert_eq!(row("004_8b995a70d28bfa8e")["stance"], "mixed");
    let text = home.ok(&["positions"]);
    assert!(
        text.contains("Eigen lezing") && !text.contains('\x1b'),
        "{text}"
    );
}

#[test]
fn timeline_puts_letters_and_events_on_one_axis() {
    let home = Home::new();
    let out = home.ok(&["timeline"]);
    // The date belongs to the debate (about a council meeting); the row says who wrote when.
    assert!(out.contains("2024-12-11  debate\n            Twaalf kinderrechtenorganisaties, 2024-12-05 (001_fa7870cee85edb1e) ¶ 1: Bij het debat over de JBZ-raad op 11 december a.s."), "{out}");
    assert!(out.contains("2023-06-28  letter to parliament\n"), "{out}");
    assert!(out.contains("2023-04-20  two-minute debate\n"), "{out}");
    assert!(out.contains("2023-09-28  council meeting\n"), "{out}");
    assert!(
        out.contains("2024-09-18  LETTER 002_33ff405ba249e90c: Offlimits"),
        "{out}"
    );
    let dates: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0].trim() <= w[1].trim()),
        "{dates:?}"
    );
    let newest = home.ok(&["timeline", "--newest-first"]);
    assert!(newest.starts_with("2024-12-11"), "{newest}");
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["timeline", "--json"])).unwrap();
    let event = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["date"] == "2024-12-11")
        .unwrap();
    assert_eq!(event["type"], "event");
    assert_eq!(event["kind"], "debate");
    assert_eq!(event["mentions"][0]["letter_id"], "001_fa7870cee85edb1e");
    assert_eq!(event["mentions"][0]["surface"], "11 december a.s.");
}

#[test]
fn a_config_error_names_line_and_column_and_defaults_are_used() {
    let home = Home::new();
    let file = home.config().join("brieven/config.toml");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, "theme = \"dark\"\nlang = nl\n").unwrap();
    let out = home.run(&["quote", "002", "-p", "4"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:2:8: ", file.display())), "{err}");
    assert!(err.contains("defaults used"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).ends_with(CITATION_EN));
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let home = Home::new();
    let bash = home.ok(&["completions", "bash"]);
    assert!(bash.contains("_brieven()") && bash.contains("quote") && bash.contains("positions"));
    assert!(
        home.ok(&["completions", "zsh"])
            .contains("#compdef brieven")
    );
    assert_eq!(home.run(&["completions", "tcsh"]).status.code(), Some(2));
    let man = home.ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH brieven"),
        "{man}"
    );
    assert!(man.contains("timeline") && man.contains("cards"));
    let dir = home.dir.path().join("man");
    home.ok(&["man", "--dir", dir.to_str().unwrap()]);
    assert!(Path::new(&dir.join("brieven-quote.1")).is_file());
}

/// The `¶ n` a JSON output gives, quoted back with `quote --paragraph n`: the paragraph whose
/// text holds `words`.
fn quoted(home: &Home, letter: &str, paragraph: u64) -> String {
    home.ok(&["quote", letter, "--paragraph", &paragraph.to_string()])
}

#[test]
fn every_json_output_numbers_paragraphs_as_citations_do() {
    let home = Home::new();
    // quote: the anchor in the citation's numbering.
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["quote", "003", "--section", "3", "--json"])).unwrap();
    assert_eq!(
        json["anchor"],
        serde_json::json!({"in": "section", "section": 3})
    );
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["quote", "002", "-p", "4", "--json"])).unwrap();
    assert_eq!(
        json["anchor"],
        serde_json::json!({"in": "paragraph", "section": 1, "paragraph": 4})
    );
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["quote", "003", "--note", "3", "--json"])).unwrap();
    assert_eq!(json["anchor"], serde_json::json!({"in": "note", "note": 3}));

    // search: a passage in a later section of a letter, quoted back by its ¶.
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["search", "--json", "Europol bevestigt"])).unwrap();
    let hit = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "passage" && h["place"] == "paragraph")
        .expect("a passage");
    let (letter, section, paragraph) = (
        hit["letter"].as_str().unwrap(),
        hit["section"].as_u64().unwrap(),
        hit["paragraph"].as_u64().unwrap(),
    );
    assert!(section > 1, "{hit}");
    assert!(paragraph > section, "¶ counts through the letter: {hit}");
    assert!(quoted(&home, letter, paragraph).contains("Europol bevestigt"));

    // export --jsonl: every paragraph record quoted back by its ¶ is that paragraph.
    let lines = home.ok(&["export", "--jsonl"]);
    let records: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|r: &serde_json::Value| r["letter"] == OFFLIMITS && r["kind"] == "paragraph")
        .collect();
    assert!(records.len() >= 4);
    for r in &records[..4] {
        let text = r["text"].as_str().unwrap();
        let quote = quoted(&home, OFFLIMITS, r["paragraph"].as_u64().unwrap());
        assert!(quote.contains(&text[..text.len().min(40)]), "{r} / {quote}");
        assert!(r["section"].as_u64().unwrap() >= 1);
    }

    // timeline: each mention's ¶ holds the date as written.
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["timeline", "--json"])).unwrap();
    let entries = json["entries"].as_array().unwrap();
    let mut checked = 0;
    for m in entries
        .iter()
        .flat_map(|e| e["mentions"].as_array().into_iter().flatten())
        .take(6)
    {
        let quote = quoted(
            &home,
            m["letter_id"].as_str().unwrap(),
            m["paragraph"].as_u64().unwrap(),
        );
        assert!(
            quote.contains(m["surface"].as_str().unwrap()),
            "{m} / {quote}"
        );
        checked += 1;
    }
    assert_eq!(checked, 6);
    // No key twice in an entry (the date was written by the entry and by its event).
    let raw = home.ok(&["timeline", "--json"]);
    let first_entry = &raw[raw.find("{\n      \"date\"").unwrap()..];
    let first_entry = &first_entry[..first_entry.find("\n    }").unwrap()];
    assert_eq!(first_entry.matches("\"date\"").count(), 1, "{first_entry}");
}
