//! The proposal COM(2022) 209 from the command line: `show ... --article N` prints one article,
//! `search "art:N"` finds it and the letters that discuss it (the concordance of an article),
//! in the embedded letters and in letters written for these tests in Dutch and English
//! (`tests/fixtures/articles/`), mentions of other instruments' articles left out.

use std::process::{Command, Output};

fn brieven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-regulation"),
        )
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");

#[test]
fn show_prints_one_article_of_the_act() {
    let o = brieven(&["show", "COM-2022-209", "--article", "7"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains("Reference  COM(2022) 209 final"), "{out}");
    assert!(out.contains("Kind       regulation"), "{out}");
    assert!(
        out.contains("## Article 7 — Issuance of detection orders"),
        "{out}"
    );
    assert!(out.contains("1. The Coordinating Authority of establishment shall have the power"));
    assert!(!out.contains("## Article 8"), "{out}");
    assert!(!out.contains("## Article 6"), "{out}");
    // The id as the file names it works too, and the article's number is all that is asked.
    let o = brieven(&["show", "com-2022-209-en", "-a", "89"]);
    assert!(stdout(&o).contains("## Article 89 — Entry into force and application"));
}

#[test]
fn show_article_says_what_is_wrong() {
    let o = brieven(&["show", "COM-2022-209", "--article", "99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no article 99"));
    let o = brieven(&["show", "003", "--article", "7"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not an act"));
}

#[test]
fn an_article_query_finds_the_article_and_the_letters_that_discuss_it() {
    let o = brieven(&["search", "art:7", "--with-embedded", FIXTURES]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(
        out.starts_with("ARTICLE\nCOM(2022) 209, Article 7 — Issuance of detection orders"),
        "{out}"
    );
    assert!(out.contains("DISCUSSED IN (5 mentions)"), "{out}");
    for marked in [
        "[artikel 7]",
        "[artikelen 7 tot en met 11]",
        "[artikel 7, lid 1]",
        "[Article 7(4)]",
        "[Articles 7 and 10]",
    ] {
        assert!(out.contains(marked), "{marked}: {out}");
    }
    // The Charter's article 7 is not the proposal's.
    assert!(!out.contains("[artikel 7] het recht"), "{out}");

    let o = brieven(&["search", "art:7", "--json", "--with-embedded", FIXTURES]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"]["citation"], "COM(2022) 209, Article 7");
    assert_eq!(v["article"]["title"], "Issuance of detection orders");
    let found: Vec<(String, String)> = v["discussed_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["letter"].as_str().unwrap().to_string(),
                d["mention"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let pairs = |l: &str, m: &str| (l.to_string(), m.to_string());
    assert_eq!(
        found,
        [
            pairs("brief_artikelen", "artikel 7"),
            pairs("brief_artikelen", "artikelen 7 tot en met 11"),
            pairs("brief_artikelen", "artikel 7, lid 1"),
            pairs("letter_articles", "Article 7(4)"),
            pairs("letter_articles", "Articles 7 and 10"),
        ]
    );
    assert_eq!(v["discussed_in"][0]["in"], "paragraph");
}

#[test]
fn the_seed_letters_cite_other_instruments_articles_only() {
    // `artikel 16` (002, 004) and `artikel 19 van het VN-Kinderrechtenverdrag` (004) are the
    // Convention's: the proposal's articles 16 and 19 are discussed by none of the five.
    for number in ["16", "19"] {
        let o = brieven(&["search", &format!("art:{number}"), "--json"]);
        assert!(o.status.success());
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["discussed_in"], serde_json::json!([]), "{number}");
        assert!(v["article"]["title"].is_string());
    }
}

#[test]
fn an_article_the_act_does_not_have_is_no_match() {
    let o = brieven(&["search", "art:90"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no act in the library has an article 90"));
}

/// The register names the Convention's `artikel 16` by its number; the proposal's own Article
/// 16 is not an occurrence of it: its concordance lists the letters that cite the Convention,
/// not the act.
#[test]
fn the_acts_own_article_is_no_occurrence_of_another_instruments() {
    let o = brieven(&["concordance", "artikel 16"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains("in 2 letters"), "{out}");
    assert!(!out.contains("COM(2022) 209"), "{out}");
    assert!(!out.contains("COM-2022-209"), "{out}");
}

/// A mention in a letter's note is in the article's concordance as `note N`; a mention that
/// names another act in the library by its number is in that act's, not the proposal's.
#[test]
fn an_articles_concordance_lists_notes_and_keeps_to_its_act() {
    let acts = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/acts");
    let o = brieven(&["search", "art:12", "--with-embedded", acts]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains("DISCUSSED IN (1 mentions)"), "{out}");
    assert!(
        out.contains("letter_two_acts  note 1  Platform Watch, 2031-05-02"),
        "{out}"
    );
    assert!(
        out.contains("See also [Article 12] of the proposal"),
        "{out}"
    );
    let o = brieven(&["search", "art:12", "--json", "--with-embedded", acts]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["discussed_in"][0]["in"], "note");
    assert_eq!(v["discussed_in"][0]["note"], 1);
    // The proposal's Article 3 is discussed by no letter: the letter's `Article 3` is
    // Regulation (EU) 2031/77's.
    let o = brieven(&["search", "art:3", "--json", "--with-embedded", acts]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"]["citation"], "COM(2022) 209, Article 3");
    assert_eq!(v["discussed_in"], serde_json::json!([]));
}

/// Quoting the proposal names the provision, as the README shows: paragraph 290 is Article
/// 7(1).
#[test]
fn a_quote_from_the_act_cites_its_provision() {
    let o = brieven(&["quote", "COM-2022-209", "--paragraph", "290"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(
        out.starts_with("“1. The Coordinating Authority of establishment shall have the power"),
        "{out}"
    );
    assert!(
        out.trim_end().ends_with("” — COM(2022) 209, Article 7(1)"),
        "{out}"
    );
    let o = brieven(&["quote", "COM-2022-209", "-p", "290", "--lang", "nl"]);
    assert!(
        stdout(&o)
            .trim_end()
            .ends_with("” — COM(2022) 209, artikel 7(1)")
    );
}

/// `art:3` is the first act's Article 3; the query's other words may name another act in the
/// library by its number, and then the concordance is that act's.
#[test]
fn an_article_query_may_name_its_act() {
    let acts = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/acts");
    let o = brieven(&["search", "art:3 2031/77", "--json", "--with-embedded", acts]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["article"]["citation"],
        "Regulation (EU) 2031/77, Article 3"
    );
    assert_eq!(v["article"]["letter"], "platform_act");
    let found: Vec<(&str, &str)> = (v["discussed_in"].as_array().unwrap().iter())
        .map(|d| {
            (
                d["letter"].as_str().unwrap(),
                d["mention"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("letter_two_acts", "Article 3")]);
    // Words that name no act leave the first act's article.
    let o = brieven(&[
        "search",
        "art:3 detectiebevel",
        "--json",
        "--with-embedded",
        acts,
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"]["citation"], "COM(2022) 209, Article 3");
}
