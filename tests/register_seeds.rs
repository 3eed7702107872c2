//! Pins the register and the search on the five embedded seed letters: labels, aliases, counts
//! per letter, roles, resolved relative dates, and realistic queries of every kind.

use std::collections::BTreeMap;

use brieven::corpus::Corpus;
use brieven::register::{Entity, EntityKind, Register};
use brieven::search::{HitKind, HitLetters, Memory, SearchIndex};

struct Seeds {
    corpus: Corpus,
    register: Register,
}

fn seeds() -> Seeds {
    // The five letters; the act embedded beside them (`reference/`) has tests of its own.
    let mut corpus = Corpus::embedded();
    corpus.letters.retain(|l| !l.is_act());
    let register = Register::build(&corpus.letters);
    Seeds { corpus, register }
}

impl Seeds {
    fn entity(&self, name: &str) -> &Entity {
        self.register
            .find(name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    }

    /// Occurrences per letter, by the letter's number (`000`, `001`, ...).
    fn per_letter(&self, name: &str) -> BTreeMap<String, usize> {
        let e = self.entity(name);
        e.letters()
            .into_iter()
            .map(|l| (self.corpus.letters[l].id[..3].to_string(), e.count_in(l)))
            .collect()
    }

    fn letters_of(&self, name: &str) -> Vec<String> {
        self.per_letter(name).into_keys().collect()
    }
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn organisations_with_their_aliases_and_counts() {
    let s = seeds();
    assert_eq!(
        s.per_letter("NCMEC"),
        counts(&[("000", 2), ("001", 2), ("003", 12)])
    );
    assert_eq!(s.per_letter("IWF"), counts(&[("001", 2)]));
    assert_eq!(s.entity("IWF").label, "Internet Watch Foundation");
    assert_eq!(s.per_letter("Europol"), counts(&[("003", 4)]));
    assert_eq!(s.letters_of("Offlimits"), ["002", "003", "004"]);
    assert_eq!(s.entity("EOKM").label, "Offlimits");
    assert_eq!(s.per_letter("ATKM"), counts(&[("002", 3)]));
    // The `Long Name (ACR)` pair merged into the curated entity, not a second one.
    let atkm = s.entity("Autoriteit Terroristisch en Kinderpornografisch Materiaal");
    assert_eq!(atkm.label, "ATKM");
    assert_eq!(s.letters_of("WODC"), ["003"]);
    assert_eq!(s.letters_of("TU Delft"), ["003"]);
    assert_eq!(s.letters_of("Facebook"), ["003"]);
    assert_eq!(s.entity("Facebook").label, "Meta");
    assert_eq!(s.letters_of("WhatsApp"), ["003", "004"]);
    assert_eq!(s.letters_of("Bits of Freedom"), ["002"]);
    assert_eq!(s.letters_of("Meldpunt Kinderporno"), ["002", "004"]);
    assert_eq!(s.letters_of("Helpwanted"), ["004"]);
    assert_eq!(s.letters_of("Terre des Hommes"), ["000"]);
    assert_eq!(s.letters_of("Commissie voor Digitale Zaken"), ["004"]);
    assert_eq!(
        s.entity("Kinderrechtencollectief").kind,
        EntityKind::Organisation
    );
}

#[test]
fn people_with_their_roles() {
    let s = seeds();
    assert_eq!(s.letters_of("Yesilgöz"), ["000", "003"]);
    assert_eq!(s.entity("Yesilgöz").label, "Dilan Yeşilgöz-Zegerius");
    assert_eq!(s.per_letter("Van Weerdenburg"), counts(&[("003", 2)]));
    assert!(
        s.entity("Van Weerdenburg")
            .role
            .as_deref()
            .unwrap()
            .contains("Kamerlid")
    );
    assert_eq!(s.letters_of("Van Ginneken"), ["003"]);
    assert_eq!(s.letters_of("Robbert Hoving"), ["002"]);
    assert_eq!(
        s.entity("Robbert Hoving").role.as_deref(),
        Some("Directeur-bestuurder Offlimits")
    );
    assert_eq!(s.letters_of("Marc Dullaert"), ["000"]);
    for minister in [
        "Van Weel",
        "Struycken",
        "Uitermark",
        "Szabó",
        "Beljaarts",
        "Veldkamp",
    ] {
        assert_eq!(s.letters_of(minister), ["002"], "{minister}");
        assert_eq!(s.entity(minister).kind, EntityKind::Person);
    }
    for mp in ["Ceder", "Six Dijkstra", "Dassen", "Van der Lee"] {
        assert_eq!(s.letters_of(mp), ["004"], "{mp}");
    }
}

#[test]
fn dates_resolved_against_each_letter() {
    let s = seeds();
    let date = |iso: &str| s.entity(iso);
    // `20 april jl.` in the letter of 18 September 2023.
    assert_eq!(s.letters_of("2023-04-20"), ["003"]);
    assert!(
        date("2023-04-20")
            .aliases
            .contains(&"20 april jl.".to_string())
    );
    // `28 september a.s.` (003) and `28 september` in a letter of 25 September 2023 (000).
    assert_eq!(s.letters_of("2023-09-28"), ["000", "003"]);
    assert_eq!(s.letters_of("2023-06-29"), ["003"]);
    assert_eq!(s.letters_of("2023-06-28"), ["003"]);
    // `11 december a.s.` in the letter of 5 December 2024.
    assert_eq!(s.letters_of("2024-12-11"), ["001"]);
    assert_eq!(s.letters_of("2024-10-02"), ["004"]);
    assert_eq!(s.letters_of("2024-07-01"), ["002"]);
    assert_eq!(s.letters_of("2023-05"), ["003"]);
    assert_eq!(date("2022-10").aliases, ["oktober 2022"]);
    assert_eq!(s.letters_of("1995"), ["002"]);
    for l in &s.corpus.letters {
        let own = l.date.expect("every seed letter has a date").to_string();
        assert!(s.register.find(&own).is_some(), "{}: {own}", l.id);
    }
}

#[test]
fn regulatory_terms() {
    let s = seeds();
    assert_eq!(s.letters_of("CSAM-verordening").len(), 5);
    assert_eq!(s.entity("chatcontrol").label, "CSAM-verordening");
    assert_eq!(s.letters_of("detectiebevel"), ["001", "003"]);
    assert_eq!(s.letters_of("client side scanning"), ["003"]);
    assert_eq!(
        s.letters_of("VN-Kinderrechtenverdrag"),
        ["000", "001", "002", "004"]
    );
    assert_eq!(s.letters_of("artikel 16"), ["002", "004"]);
    assert_eq!(s.per_letter("Hongaarse voorstel"), counts(&[("002", 4)]));
    assert_eq!(s.letters_of("JBZ-raad"), ["000", "001", "003"]);
    assert_eq!(s.letters_of("vals-positieven"), ["000", "002"]);
    assert_eq!(s.letters_of("E2EE"), ["002", "003"]);
    assert_eq!(s.letters_of("leeftijdsverificatie"), ["002", "004"]);
    assert_eq!(
        s.per_letter("Wet publieke gezondheid"),
        counts(&[("004", 2)])
    );
    for term in [
        "PhotoDNA",
        "grooming",
        "CyberTipline",
        "hash-matching",
        "DSA",
        "Trusted Flagger",
    ] {
        assert_eq!(s.entity(term).kind, EntityKind::Term, "{term}");
        assert!(s.entity(term).gloss.is_some(), "{term}");
    }
}

fn search(s: &Seeds, q: &str) -> Vec<brieven::search::Hit> {
    let index = SearchIndex::new(&s.corpus.letters, &s.register);
    index.search(&s.corpus.letters, &s.register, q, 20)
}

/// The ids of every letter each hit of `q` occurs in, asked for after the search.
fn letter_ids(s: &Seeds, q: &str) -> Vec<Vec<String>> {
    let letters = &s.corpus.letters;
    let index = SearchIndex::new(letters, &s.register);
    let source = Memory {
        letters,
        register: &s.register,
        index: &index,
    };
    let asked = HitLetters::new(&source, q);
    let hits = index.search(letters, &s.register, q, 20);
    let id = |l: usize| letters[l].id.clone();
    hits.iter()
        .map(|h| asked.of(h).into_iter().map(id).collect())
        .collect()
}

#[test]
fn realistic_queries() {
    let s = seeds();
    let top = |q: &str| search(&s, q).first().map(|h| (h.kind, h.label.clone()));
    let org = |l: &str| Some((HitKind::Organisation, l.to_string()));
    assert_eq!(top("ncmc"), org("NCMEC"));
    assert_eq!(
        top("kinderrechtencolectief"),
        org("Kinderrechtencollectief")
    );
    assert_eq!(top("eokm"), org("Offlimits"));
    assert_eq!(
        top("yesilgoz"),
        Some((HitKind::Person, "Dilan Yeşilgöz-Zegerius".into()))
    );
    assert_eq!(top("szabo"), Some((HitKind::Person, "Zsolt Szabó".into())));
    assert_eq!(
        top("client side"),
        Some((HitKind::Term, "client-side scanning".into()))
    );
    assert_eq!(top("20 april"), Some((HitKind::Date, "2023-04-20".into())));
    assert_eq!(top("11 dec"), Some((HitKind::Date, "2024-12-11".into())));
    assert_eq!(
        top("28-09-2023"),
        Some((HitKind::Date, "2023-09-28".into()))
    );
    // Which letters cite the IWF annual report? Footnotes of 001 only.
    let hits = search(&s, "notes:iwf annual report");
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.kind == HitKind::Passage && h.letter_count == 1)
    );
    assert!(
        letter_ids(&s, "notes:iwf annual report")
            .iter()
            .all(|ids| ids.len() == 1 && ids[0].starts_with("001"))
    );
    // What did Offlimits write about detecting new material?
    let hits = search(&s, "in:offlimits nieuw beeldmateriaal");
    assert!(hits.iter().any(|h| h.kind == HitKind::Passage));
    assert!(
        letter_ids(&s, "in:offlimits nieuw beeldmateriaal")
            .iter()
            .flatten()
            .all(|l| l.starts_with("002") || l.starts_with("004"))
    );
    let range = search(&s, "date:2023-09..2023-12");
    let labels: Vec<&str> = range.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels, ["2023-09-18", "2023-09-25", "2023-09-28"]);
}
