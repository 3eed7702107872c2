//! Unit tests of the register on small hand-made letters, and pins on the seed letters.

use super::*;
use crate::model::{Footnote, Paragraph, Section};

fn letter(id: &str, date: &str, paragraphs: &[&str]) -> Letter {
    Letter {
        id: id.to_string(),
        date: Date::parse_iso(date),
        sections: vec![Section {
            heading: None,
            paragraphs: paragraphs
                .iter()
                .map(|t| Paragraph {
                    text: t.to_string(),
                    ..Paragraph::default()
                })
                .collect(),
            line: 1,
            page: None,
        }],
        ..Letter::default()
    }
}

fn occurrences_of<'a>(register: &'a Register, name: &str) -> &'a Entity {
    register
        .find(name)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

fn surfaces(letter: &Letter, e: &Entity) -> Vec<String> {
    e.occurrences
        .iter()
        .filter_map(|o| {
            let text = place_text(letter, o.place)?;
            let range = o.chars();
            Some(text.chars().skip(range.start).take(range.len()).collect())
        })
        .collect()
}

#[test]
fn names_match_on_word_boundaries_ignoring_case_and_diacritics() {
    let l = letter(
        "a",
        "2023-09-18",
        &[
            "Één brief: Minister Yesilgöz schreef aan NCMEC over de ncmec-melding; NCMECs niet.",
            "De JBZ Raad en de JBZ-raad; end-to-end encryptie en encryptie.",
        ],
    );
    let r = Register::build(std::slice::from_ref(&l));
    let ncmec = occurrences_of(&r, "ncmec");
    assert_eq!(surfaces(&l, ncmec), ["NCMEC", "ncmec"]);
    let yesilgoz = occurrences_of(&r, "Yeşilgöz");
    assert_eq!(surfaces(&l, yesilgoz), ["Yesilgöz"]);
    assert_eq!(yesilgoz.label, "Dilan Yeşilgöz-Zegerius");
    assert_eq!(
        surfaces(&l, occurrences_of(&r, "JBZ-raad")),
        ["JBZ Raad", "JBZ-raad"]
    );
    // The longest name wins where names overlap.
    assert_eq!(
        surfaces(&l, occurrences_of(&r, "E2EE")),
        ["end-to-end encryptie"]
    );
    assert_eq!(surfaces(&l, occurrences_of(&r, "encryptie")), ["encryptie"]);
}

#[test]
fn case_sensitive_names_urls_and_unmentioned_entities() {
    let l = letter(
        "a",
        "2023-09-18",
        &["Meta en meta-analyse; zie https://www.iwf.org.uk/report en de IWF zelf."],
    );
    let r = Register::build(std::slice::from_ref(&l));
    assert_eq!(surfaces(&l, occurrences_of(&r, "Meta")), ["Meta"]);
    assert_eq!(surfaces(&l, occurrences_of(&r, "IWF")), ["IWF"]);
    assert!(
        r.find("Europol").is_none(),
        "entities that occur nowhere are left out"
    );
    let kinds: Vec<EntityKind> = r.entities.iter().map(|e| e.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| k.rank());
    assert_eq!(kinds, sorted);
    assert!(r.entities.iter().enumerate().all(|(i, e)| e.id == i));
}

#[test]
fn acronym_pairs_people_and_signatories_are_detected() {
    let mut l = letter(
        "a",
        "2024-09-18",
        &[
            "Het Centrum voor Veilig Internet (CVI) meldt dat het CVI groeit.",
            "Volgens Minister van Financiën Jansen en het lid De Vries c.s. en de motie van Bakker c.s.",
            "De Tweede Kamerleden Ceder en Six Dijkstra steunen dit; Staatssecretaris Rechtsbescherming Struycken ook.",
        ],
    );
    l.signed_by = vec![
        "Jan de Boer, directeur Stichting Voorbeeld".into(),
        "Stichting Voorbeeld".into(),
    ];
    l.sender = Some("Stichting Voorbeeld".into());
    let r = Register::build(std::slice::from_ref(&l));
    let cvi = occurrences_of(&r, "CVI");
    assert_eq!(
        (cvi.label.as_str(), cvi.kind),
        ("Centrum voor Veilig Internet", EntityKind::Organisation)
    );
    assert_eq!(cvi.occurrences.len(), 3);
    let jansen = occurrences_of(&r, "Jansen");
    assert_eq!(
        (jansen.kind, jansen.role.as_deref()),
        (EntityKind::Person, Some("Minister van Financiën"))
    );
    assert_eq!(
        occurrences_of(&r, "De Vries").role.as_deref(),
        Some("Kamerlid")
    );
    assert_eq!(occurrences_of(&r, "Bakker").kind, EntityKind::Person);
    assert_eq!(occurrences_of(&r, "Six Dijkstra").kind, EntityKind::Person);
    assert_eq!(occurrences_of(&r, "Struycken").label, "Teun Struycken");
    let boer = occurrences_of(&r, "Jan de Boer");
    assert_eq!(
        (boer.kind, boer.role.as_deref()),
        (EntityKind::Person, Some("directeur Stichting Voorbeeld"))
    );
    assert_eq!(boer.occurrences[0].place, Place::Meta);
    assert_eq!(
        occurrences_of(&r, "Stichting Voorbeeld").kind,
        EntityKind::Organisation
    );
}

#[test]
fn titles_give_names_and_roles() {
    let people = |s: &str| -> Vec<(String, String)> {
        people::titled_people(s)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        people("Minister van Justitie en Veiligheid Van Weel, Minister Grapperhaus hierop"),
        [
            pair("Van Weel", "Minister van Justitie en Veiligheid"),
            pair("Grapperhaus", "Minister")
        ]
    );
    assert_eq!(
        people("de motie van de Leden Dassen en Van der Lee¹⁵."),
        [pair("Dassen", "Kamerlid"), pair("Van der Lee", "Kamerlid")]
    );
    assert_eq!(
        people("Geachte Minister D. Yesilgöz-Zegerius,")[0],
        pair("Yesilgöz-Zegerius", "Minister")
    );
    // Titles spelled with other characters, or beside no-break spaces, are still found.
    assert_eq!(
        people("de MİNİSTER\u{a0}Van Weel"),
        [pair("Van Weel", "Minister")]
    );
    assert_eq!(
        people("de Mínister Van Weel"),
        [pair("Van Weel", "Minister")]
    );
    assert_eq!(people("Kamerlid\u{a0}Six heeft"), [pair("Six", "Kamerlid")]);
    for none in [
        "\u{a0}\u{a0}é\u{2003}",
        "Als minister heeft u",
        "De Minister van Justitie en Veiligheid,",
        "de Minister van Justitie en Veiligheid een boodschap",
        "lid van de Tweede Kamer",
    ] {
        assert_eq!(people(none), [], "{none}");
    }
}

#[test]
fn dates_become_entities_with_their_surfaces() {
    let mut l = letter(
        "a",
        "2023-09-18",
        &["Op 20 april jl. en op 28 september a.s.; ook (28-09-2023) en in mei 2023."],
    );
    l.subject = Some("Motie van 20 april".into());
    let r = Register::build(std::slice::from_ref(&l));
    let april = occurrences_of(&r, "2023-04-20");
    assert_eq!(
        (april.kind, april.date),
        (EntityKind::Date, Date::parse_iso("2023-04-20"))
    );
    assert_eq!(april.aliases, ["20 april jl.", "20 april"]);
    assert_eq!(april.occurrences.len(), 2);
    assert_eq!(occurrences_of(&r, "2023-09-28").occurrences.len(), 2);
    assert_eq!(occurrences_of(&r, "2023-05").aliases, ["mei 2023"]);
    // The letter's own date is an occurrence in its metadata.
    assert_eq!(
        occurrences_of(&r, "2023-09-18").occurrences[0].place,
        Place::Meta
    );
    let dates: Vec<&str> = r
        .of_kind(EntityKind::Date)
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(dates, ["2023-04-20", "2023-05", "2023-09-18", "2023-09-28"]);
}

#[test]
fn user_register_files_add_entities_and_aliases() {
    let l = letter(
        "a",
        "2024-01-01",
        &["Het Amerikaanse meldpunt en de Klankbordgroep PPS."],
    );
    let extra = r#"
        [[entity]]
        kind = "organisation"
        label = "NCMEC"
        aliases = ["Amerikaanse meldpunt"]

        [[entity]]
        kind = "term"
        label = "PPS Klankbordgroep"
        aliases = ["Klankbordgroep PPS"]
        gloss = "Publiek-private samenwerking."
    "#;
    let r = Register::build_with(std::slice::from_ref(&l), &[extra]).unwrap();
    let ncmec = occurrences_of(&r, "NCMEC");
    assert!(ncmec.gloss.is_some(), "the curated gloss stays");
    assert_eq!(ncmec.occurrences.len(), 1);
    let pps = occurrences_of(&r, "pps klankbordgroep");
    assert_eq!((pps.kind, pps.occurrences.len()), (EntityKind::Term, 1));
    let bad = Register::build_with(
        std::slice::from_ref(&l),
        &["[[entity]]\nkind = \"planet\"\nlabel = \"x\""],
    );
    assert!(matches!(bad, Err(RegisterError::Parse { .. })));
    let empty = Register::build_with(&[l], &["[[entity]]\nkind = \"term\"\nlabel = \" \""]);
    assert!(matches!(empty, Err(RegisterError::Empty { entry: 1, .. })));
}

#[test]
fn the_embedded_register_parses_and_every_entry_has_a_gloss_or_role() {
    let mut drafts = Drafts::default();
    load::load(
        Corpus::embedded_file("register.toml").unwrap(),
        "seeds",
        &mut drafts,
    )
    .unwrap();
    assert!(drafts.entities.len() > 80);
    for e in &drafts.entities {
        assert!(
            e.gloss.is_some() || e.role.is_some(),
            "{} has no gloss or role",
            e.label
        );
    }
}

#[test]
fn footnotes_and_headings_are_places_too() {
    let mut l = letter("a", "2023-09-18", &["Tekst."]);
    l.sections[0].heading = Some("Europol".into());
    l.footnotes = vec![Footnote {
        number: 4,
        text: "Europol, IOCTA, 2021.".into(),
        ..Footnote::default()
    }];
    let r = Register::build(std::slice::from_ref(&l));
    let places: Vec<Place> = occurrences_of(&r, "Europol")
        .occurrences
        .iter()
        .map(|o| o.place)
        .collect();
    assert_eq!(
        places,
        [Place::Heading { section: 0 }, Place::Footnote { number: 4 }]
    );
    assert_eq!(
        occurrences_of(&r, "2021").occurrences[0].place,
        Place::Footnote { number: 4 }
    );
}

#[test]
fn signatories_that_are_furniture_or_share_a_surname() {
    let mut l = letter("a", "2023-10-15", &["M. de Boer en T. de Boer tekenen."]);
    l.signed_by = vec![
        "M. de Boer".into(),
        "T. de Boer".into(),
        "Datum".into(),
        "15 oktober 2023".into(),
    ];
    let r = Register::build(std::slice::from_ref(&l));
    assert!(r.find("Datum").is_none());
    assert!(
        r.of_kind(EntityKind::Organisation)
            .all(|e| !e.label.contains("oktober"))
    );
    let m = occurrences_of(&r, "M. de Boer");
    let t = occurrences_of(&r, "T. de Boer");
    assert_ne!(m.id, t.id);
    assert_eq!(
        (m.kind, m.occurrences.len(), t.occurrences.len()),
        (EntityKind::Person, 2, 2)
    );
}

#[test]
fn metadata_occurrences_find_their_field() {
    let mut l = letter("a", "2023-09-18", &["Tekst."]);
    l.subject = Some("Motie over NCMEC van 20 april".into());
    l.sender = Some("Offlimits".into());
    let r = Register::build(std::slice::from_ref(&l));
    let field = |name: &str| {
        let e = occurrences_of(&r, name);
        e.occurrences
            .iter()
            .map(|o| meta_text(&l, e, o))
            .collect::<Vec<_>>()
    };
    assert_eq!(field("NCMEC"), [Some("Motie over NCMEC van 20 april")]);
    assert_eq!(field("Offlimits"), [Some("Offlimits")]);
    assert_eq!(field("2023-04-20"), [Some("Motie over NCMEC van 20 april")]);
    assert_eq!(
        field("2023-09-18"),
        [None],
        "the letter's own date has no field"
    );
}

#[test]
fn hostile_texts_stay_fast() {
    let cases = [
        "(".repeat(200_000),
        "(AB ".repeat(50_000),
        "Minister D. ".repeat(30_000),
        "Minister A. B. C. D. E. F. G. ".repeat(10_000),
        "https://www.iwf.org.uk/x IWF ".repeat(20_000),
        "20 april jl. 2023 ".repeat(20_000),
        "x".repeat(400_000),
    ];
    for text in cases {
        let start = std::time::Instant::now();
        let l = letter("a", "2023-09-18", &[&text]);
        let r = Register::build(std::slice::from_ref(&l));
        let index = crate::search::SearchIndex::new(std::slice::from_ref(&l), &r);
        let hits = index.search(std::slice::from_ref(&l), &r, "iwf april", 10);
        assert!(hits.len() <= 10);
        let took = start.elapsed();
        assert!(took.as_secs() < 10, "{:.20}…: {took:?}", text);
    }
}

#[test]
fn keys_of_ascii_names_are_folded_as_any_other() {
    // The fold of the whole name, then hyphens and whitespace as single spaces between words:
    // what `key` does for names that are not ASCII.
    let reference = |s: &str| {
        let folded: String = crate::text::fold_str(s)
            .chars()
            .map(|c| {
                if c == '-' || c.is_whitespace() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ascii: String = (0u8..128).map(char::from).collect();
    for name in [
        "NCMEC",
        "  JBZ-Raad  ",
        "--a--b--",
        "Van\tder\x0bLee\x0c\r\n",
        "x\x1cy\x1fz",
        ascii.as_str(),
        "",
        " - ",
    ] {
        assert_eq!(key(name), reference(name), "{name:?}");
    }
}

#[test]
fn numbers_beyond_u32_make_no_occurrence_or_place() {
    assert!(Occurrence::new(7, Place::Meta, 3, 2).is_some_and(|o| o.chars() == (3..5)));
    assert_eq!(
        Place::paragraph(2, 3),
        Some(Place::Paragraph {
            section: 2,
            paragraph: 3
        })
    );
    // Only a 64-bit `usize` holds a number a `u32` does not.
    if let Ok(big) = usize::try_from(u64::from(u32::MAX) + 1) {
        assert_eq!(Occurrence::new(big, Place::Meta, 0, 1), None);
        assert_eq!(Occurrence::new(0, Place::Meta, big, 1), None);
        assert_eq!(Occurrence::new(0, Place::Meta, 0, big), None);
        assert_eq!(Place::paragraph(big, 0), None);
        assert_eq!(Place::paragraph(0, big), None);
        assert_eq!(Place::heading(big), None);
    }
    let o = Occurrence::new(0, Place::Meta, u32::MAX as usize, u32::MAX as usize);
    assert!(o.is_some_and(|o| o.chars().end >= u32::MAX as usize));
}
