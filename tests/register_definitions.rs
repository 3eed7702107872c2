//! The register knows the terms the acts in the library define (issue 16): the proposal's
//! Article 2 definitions, named in English, with the Dutch names the register already had as
//! aliases, each linked to its definition (`COM(2022) 209, Article 2(a)`); and the same for
//! another act (`tests/fixtures/acts/`, an adopted act in the Official Journal's markup, with
//! numbered points).

use std::path::PathBuf;
use std::process::{Command, Output};

use brieven::corpus::Corpus;
use brieven::register::{Entity, EntityKind, Register, definition_first, place_text};

fn embedded() -> (Corpus, Register) {
    let corpus = Corpus::embedded();
    let register = Register::build(&corpus.letters);
    (corpus, register)
}

fn entity<'a>(register: &'a Register, name: &str) -> &'a Entity {
    register
        .find(name)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

/// The citation of a term's definition.
fn defined_in(register: &Register, name: &str) -> String {
    let e = entity(register, name);
    e.definition
        .as_ref()
        .unwrap_or_else(|| panic!("{name} has no definition"))
        .citation
        .clone()
}

#[test]
fn the_proposals_definitions_are_terms_of_the_register() {
    let (corpus, register) = embedded();
    let defined: Vec<&Entity> = register
        .entities
        .iter()
        .filter(|e| e.definition.is_some())
        .collect();
    // Article 2 defines 23 terms, (a) to (w).
    assert_eq!(defined.len(), 23, "{:?}", defined.iter().map(|e| &e.label));
    for e in &defined {
        assert_eq!(e.kind, EntityKind::Term, "{}", e.label);
    }
    for (term, point) in [
        ("hosting service", "a"),
        ("interpersonal communications service", "b"),
        ("child sexual abuse material", "l"),
        ("known child sexual abuse material", "m"),
        ("solicitation of children", "o"),
        ("Coordinating Authority of establishment", "u"),
        ("main establishment", "w"),
    ] {
        assert_eq!(
            defined_in(&register, term),
            format!("COM(2022) 209, Article 2({point})"),
            "{term}"
        );
        assert_eq!(entity(&register, term).label, term);
    }
    // Named in English; the Dutch names the register had are aliases, its gloss stays.
    let ics = entity(&register, "interpersoonlijke communicatiediensten");
    assert_eq!(ics.label, "interpersonal communications service");
    assert!(
        ics.aliases
            .iter()
            .any(|a| a == "interpersoonlijke communicatiedienst")
    );
    assert!(
        ics.gloss
            .as_deref()
            .unwrap()
            .starts_with("Berichtendiensten")
    );
    let grooming = entity(&register, "grooming");
    assert_eq!(grooming.label, "solicitation of children");
    assert!(grooming.aliases.iter().any(|a| a == "kinderlokken"));
    let csam = entity(&register, "materiaal van seksueel kindermisbruik");
    assert_eq!(csam.label, "child sexual abuse material");
    // ... and the letters' Dutch words are its occurrences.
    let act = corpus.letters.iter().position(|l| l.is_act()).unwrap();
    assert!(csam.letters().iter().any(|&l| l != act), "{csam:?}");
    // A new term's gloss is its definition; its plural is an alias.
    let hosting = entity(&register, "hosting services");
    assert!(
        hosting
            .gloss
            .as_deref()
            .unwrap()
            .starts_with("‘hosting service’ means an information society service"),
        "{:?}",
        hosting.gloss
    );
    // The definition is a place in Article 2, listed first among the occurrences.
    let d = hosting.definition.as_ref().unwrap();
    let act_letter = &corpus.letters[d.occurrence.letter_index()];
    assert!(act_letter.is_act());
    let text = place_text(act_letter, d.occurrence.place).unwrap();
    assert!(text.starts_with("(a) ‘hosting service’ means"), "{text}");
    let shown: String = text
        .chars()
        .skip(d.occurrence.at as usize)
        .take(15)
        .collect();
    assert_eq!(shown, "hosting service");
    let order = definition_first(hosting, |l| usize::MAX - l);
    assert_eq!(hosting.occurrences[order[0]], d.occurrence);
    // `detection order` is used, not defined, by the proposal: the register's own entry.
    assert!(entity(&register, "detection order").definition.is_none());
}

fn platform_act() -> (Corpus, Register) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acts");
    let corpus = Corpus::load(&[dir]).expect("the test act loads");
    let register = Register::build(&corpus.letters);
    (corpus, register)
}

#[test]
fn another_acts_definitions_link_to_that_act() {
    let (corpus, register) = platform_act();
    assert!(corpus.letters.iter().any(|l| l.is_act()));
    for (term, point) in [
        ("messaging platform", 1),
        ("platform operator", 2),
        ("abuse report", 3),
        ("transparency officer", 4),
    ] {
        assert_eq!(
            defined_in(&register, term),
            format!("Regulation (EU) 2031/77, Article 2, point ({point})"),
            "{term}"
        );
    }
    // The plural an English act writes finds the term: `abuse reports` in Article 3.
    let reports = entity(&register, "abuse reports");
    assert!(reports.occurrences.len() >= 3, "{reports:?}");
    // `Article 2` of another act's text is not what defines the proposal's terms.
    assert!(register.find("hosting service").is_none());
}

/// A real act, Regulation (EU) No 575/2013 as the Official Journal's page on EUR-Lex sets it
/// (`tests/real/`): its Article 4(1) defines terms between hyphenation points
/// (`‧credit institution‧ means ...`), cited by the act's number.
#[test]
fn a_real_acts_definitions_link_to_it() {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/real/eurlex-oj-crr-575-2013-excerpt.html");
    let corpus = Corpus::load(&[page]).expect("the real act loads");
    let register = Register::build(&corpus.letters);
    for (term, point) in [("credit institution", 1), ("investment firm", 2)] {
        assert_eq!(
            defined_in(&register, term),
            format!("Regulation (EU) No 575/2013, Article 4(1), point ({point})"),
            "{term}"
        );
    }
}

fn brieven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brieven"))
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-definitions"),
        )
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn the_cli_shows_where_a_term_is_defined() {
    let o = brieven(&["concordance", "hosting service"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with("hosting service (term) — ‘hosting service’ means"),
        "{out}"
    );
    assert!(
        out.contains("\ndefined in COM(2022) 209, Article 2(a)\n"),
        "{out}"
    );
    // The definition is the act's first line.
    let act = out.split("European Commission\n").nth(1).unwrap();
    let first = act.lines().next().unwrap();
    assert!(first.contains(" (a) ‘[hosting service]’ means"), "{first}");

    let o = brieven(&["entities", "--kind", "term"]);
    let out = String::from_utf8(o.stdout).unwrap();
    let header = out.lines().next().unwrap();
    assert!(header.ends_with("DEFINED IN"), "{header}");
    let row = out
        .lines()
        .find(|l| l.starts_with("term  interpersonal communications service "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.ends_with("COM(2022) 209, Article 2(b)"), "{row}");

    let o = brieven(&["entities", "--kind", "term", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let grooming = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"] == "solicitation of children")
        .unwrap();
    assert_eq!(
        grooming["definition"]["citation"],
        "COM(2022) 209, Article 2(o)"
    );
    assert_eq!(grooming["definition"]["letter"], "com-2022-209-en");
    assert_eq!(grooming["definition"]["place"]["in"], "paragraph");
}
