//! The cue-card commands as a user runs them: `cards add`, `list`, `export`, `remove`, across
//! "restarts" (one process after another), with a corrupt or unwritable state and with two
//! processes writing at once.

mod debate_common;

use std::fs;

use debate_common::{CITATION_EN, Home, stderr};

#[test]
fn a_pinned_card_survives_a_restart_and_exports_as_a_briefing() {
    let home = Home::new();
    let out = home.run(&["cards", "export"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no cue cards yet"));

    let pinned = home.ok(&[
        "cards", "add", "002", "-p", "4", "--stack", "JBZ-raad", "--label", "privacy",
    ]);
    assert_eq!(
        pinned,
        "pinned 002_33ff405ba249e90c ¶ 4 to 'JBZ-raad' as card 1\n"
    );
    home.ok(&["cards", "add", "002", "--note", "1", "--stack", "JBZ-raad"]);
    assert!(home.state().join("brieven/state.json").is_file());

    // Each command is a new process: what it finds was read back from the state file.
    let list = home.ok(&["cards", "list"]);
    assert_eq!(list, "  JBZ-raad  2 cards\n");
    assert_eq!(
        home.ok(&["cards", "list", "--lang", "nl"]),
        "  JBZ-raad  2 kaarten\n"
    );
    let cards = home.ok(&["cards", "list", "JBZ-raad"]);
    assert!(
        cards.starts_with("1. [privacy] Offlimits (Robbert Hoving), letter to the Minister"),
        "{cards}"
    );

    let md = home.ok(&["cards", "export", "JBZ-raad"]);
    assert!(
        md.starts_with("# Cue cards: JBZ-raad\n\n## 1. privacy\n\n> Het Hongaarse voorstel"),
        "{md}"
    );
    assert!(md.contains("\n— Offlimits (Robbert Hoving), letter to the Minister van Justitie en Veiligheid Van Weel et al., 18 September 2024, ¶ 4\n"), "{md}");
    assert!(md.contains("- note 1: Bits of Freedom — <https://www.bitsoffreedom.nl/20240912-quick-analysis-hupres-posal-csar.pdf>"), "{md}");
    assert!(md.contains("## 2. Offlimits, 18 September 2024\n"), "{md}");
    let nl = home.ok(&["cards", "export", "JBZ-raad", "--lang", "nl"]);
    assert!(
        nl.starts_with("# Spiekbriefjes: JBZ-raad") && nl.contains("Bronnen:"),
        "{nl}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["cards", "export", "JBZ-raad", "--json"])).unwrap();
    assert_eq!(json["cards"][0]["label"], "privacy");
    // Pinned as ¶ 4 (`cards add 002 -p 4`), exported as ¶ 4.
    assert_eq!(
        json["cards"][0]["anchor"],
        serde_json::json!({"in": "paragraph", "section": 1, "paragraph": 4})
    );
    assert!(
        json["cards"][0]["citation"]
            .as_str()
            .unwrap()
            .ends_with(CITATION_EN.trim_end())
    );

    assert_eq!(
        home.ok(&["cards", "remove", "1", "--stack", "JBZ-raad"]),
        "removed card 1 (002_33ff405ba249e90c) from 'JBZ-raad'\n"
    );
    assert!(
        home.ok(&["cards", "list", "JBZ-raad"])
            .starts_with("1. Offlimits")
    );
    assert_eq!(
        home.ok(&["cards", "--lang", "nl", "add", "003", "-p", "5"]),
        "003_6a2582194f141aa0 ¶ 5 vastgezet op 'default' als kaart 1\n"
    );
    assert_eq!(
        home.run(&["cards", "remove", "5", "--stack", "JBZ-raad"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_work_goes_on() {
    let home = Home::new();
    let dir = home.state().join("brieven");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("state.json"), "{\"version\": 1, \"stacks\": [").unwrap();
    let out = home.run(&["cards", "add", "003", "-p", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("corrupt state file"),
        "{}",
        stderr(&out)
    );
    let aside: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(home.ok(&["cards", "list"]), "* default  1 card\n");
}

#[test]
fn a_change_that_cannot_be_saved_fails_with_a_message_and_exit_2() {
    // A file where the state directory should be; a state.json that is a directory; a state
    // file of a newer version (never overwritten).
    type Make = fn(&Home);
    let cases: [(&str, Make); 3] = [
        ("a file for the directory", |home| {
            fs::write(home.state(), "a file where the state directory should be").unwrap()
        }),
        ("state.json a directory", |home| {
            fs::create_dir_all(home.state().join("brieven/state.json")).unwrap()
        }),
        ("a newer state file", |home| {
            fs::create_dir_all(home.state().join("brieven")).unwrap();
            fs::write(home.state().join("brieven/state.json"), "{\"version\": 99}").unwrap()
        }),
    ];
    for (what, make) in cases {
        let home = Home::new();
        make(&home);
        let out = home.run(&["cards", "add", "003", "-p", "5"]);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{what}: {:?}", out.stdout);
        assert!(
            stderr(&out).contains("nothing pinned: the change cannot be saved"),
            "{what}: {}",
            stderr(&out)
        );
        let out = home.run(&["cards", "remove", "1"]);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{what}");
    }
    // The newer file is as it was.
    let home = Home::new();
    fs::create_dir_all(home.state().join("brieven")).unwrap();
    let newer = "{\"version\": 99, \"stacks\": [{\"name\": \"default\", \"cards\": []}]}";
    fs::write(home.state().join("brieven/state.json"), newer).unwrap();
    home.run(&["cards", "add", "003", "-p", "5"]);
    assert_eq!(
        fs::read_to_string(home.state().join("brieven/state.json")).unwrap(),
        newer
    );
}

#[test]
fn two_processes_pinning_at_once_keep_every_card() {
    let home = std::sync::Arc::new(Home::new());
    let workers: Vec<_> = ["JBZ-raad", "JBZ-raad"]
        .into_iter()
        .enumerate()
        .map(|(who, stack)| {
            let home = home.clone();
            std::thread::spawn(move || {
                for i in 1..=6 {
                    let label = format!("{who}-{i}");
                    let p = (who * 6 + i).to_string();
                    home.ok(&[
                        "cards", "add", "003", "-p", &p, "--stack", stack, "--label", &label,
                    ]);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["cards", "list", "JBZ-raad", "--json"])).unwrap();
    let mut labels: Vec<String> = json["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap().to_string())
        .collect();
    labels.sort();
    let mut expected: Vec<String> = (0..2)
        .flat_map(|w| (1..=6).map(move |i| format!("{w}-{i}")))
        .collect();
    expected.sort();
    assert_eq!(labels, expected);
}
