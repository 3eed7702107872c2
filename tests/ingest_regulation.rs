//! The Commission's proposal COM(2022) 209 as EUR-Lex publishes it (`reference/`), read as an
//! act: its structure pinned against what the page itself says. The truth here was counted
//! from the HTML with a script of its own (every paragraph whose whole text is `Article N`, the
//! paragraph after it; `CHAPTER N` the same; the `ManualConsidrant` recitals; the
//! `footnoteRef` links and their `footnote` targets), not from brieven's output.

use brieven::citation::{Anchor, Citation};
use brieven::i18n::Lang;
use brieven::ingest::read_file;
use brieven::model::{ActKind, DivisionKind, Letter};

fn proposal() -> Letter {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/reference/com-2022-209-en.html"
    );
    let bytes = std::fs::read(path).expect("the reference page");
    read_file("com-2022-209-en", path, Some("html"), &bytes).expect("the page reads")
}

/// Every article of the proposal with its title, as the page writes them.
const ARTICLES: [(u32, &str); 89] = [
    (1, "Subject matter and scope"),
    (2, "Definitions"),
    (3, "Risk assessment"),
    (4, "Risk mitigation"),
    (5, "Risk reporting"),
    (6, "Obligations for software application stores"),
    (7, "Issuance of detection orders"),
    (8, "Additional rules regarding detection orders"),
    (
        9,
        "Redress, information, reporting and modification of detection orders",
    ),
    (10, "Technologies and safeguards"),
    (11, "Guidelines regarding detection obligations"),
    (12, "Reporting obligations"),
    (13, "Specific requirements for reporting"),
    (14, "Removal orders"),
    (15, "Redress and provision of information"),
    (16, "Blocking orders"),
    (17, "Additional rules regarding blocking orders"),
    (18, "Redress, information and reporting of blocking orders"),
    (19, "Liability of providers"),
    (20, "Victims’ right to information"),
    (21, "Victims’ right of assistance and support for removal"),
    (22, "Preservation of information"),
    (23, "Points of contact"),
    (24, "Legal representative"),
    (
        25,
        "Coordinating Authorities for child sexual abuse issues and other competent authorities",
    ),
    (26, "Requirements for Coordinating Authorities"),
    (27, "Investigatory powers"),
    (28, "Enforcement powers"),
    (29, "Additional enforcement powers"),
    (
        30,
        "Common provisions on investigatory and enforcement powers",
    ),
    (31, "Searches to verify compliance"),
    (32, "Notification of known child sexual abuse material"),
    (33, "Jurisdiction"),
    (34, "Right of users of the service to lodge a complaint"),
    (35, "Penalties"),
    (
        36,
        "Identification and submission of online child sexual abuse",
    ),
    (
        37,
        "Cross-border cooperation among Coordinating Authorities",
    ),
    (38, "Joint investigations"),
    (39, "General cooperation and information-sharing system"),
    (40, "Establishment and scope of action of the EU Centre"),
    (41, "Legal status"),
    (42, "Seat"),
    (43, "Tasks of the EU Centre"),
    (44, "Databases of indicators"),
    (45, "Database of reports"),
    (46, "Access, accuracy and security"),
    (47, "Delegated acts relating to the databases"),
    (48, "Reporting"),
    (49, "Searches and notification"),
    (50, "Technologies, information and expertise"),
    (51, "Processing activities and data protection"),
    (52, "Contact officers"),
    (53, "Cooperation with Europol"),
    (54, "Cooperation with partner organisations"),
    (55, "Administrative and management structure"),
    (56, "Composition of the Management Board"),
    (57, "Functions of the Management Board"),
    (58, "Chairperson of the Management Board"),
    (59, "Meetings of the Management Board"),
    (60, "Voting rules of the Management Board"),
    (61, "Composition and appointment of the Executive Board"),
    (62, "Tasks of the Executive Board"),
    (63, "Voting rules of the Executive Board"),
    (64, "Responsibilities of the Executive Director"),
    (65, "Executive Director"),
    (66, "Establishment and tasks of the Technology Committee"),
    (67, "Budget establishment and implementation"),
    (68, "Financial rules"),
    (69, "Budget"),
    (70, "Presentation of accounts and discharge"),
    (71, "General provisions"),
    (72, "Seconded national experts and other staff"),
    (73, "Privileges and immunities"),
    (74, "Obligation of professional secrecy"),
    (
        75,
        "Security rules on the protection of classified and sensitive non-classified information",
    ),
    (76, "Language arrangements"),
    (77, "Transparency and communication"),
    (78, "Anti-fraud measures"),
    (79, "Liability"),
    (80, "Administrative inquiries"),
    (81, "Headquarters Agreement and operating conditions"),
    (82, "Start of the EU Centre's activities"),
    (83, "Data collection"),
    (84, "Transparency reporting"),
    (85, "Evaluation"),
    (86, "Exercise of the delegation"),
    (87, "Committee procedure"),
    (88, "Repeal"),
    (89, "Entry into force and application"),
];

#[test]
fn the_proposal_is_a_regulation_with_its_number_and_date() {
    let p = proposal();
    let act = p.act.as_ref().expect("read as an act");
    assert_eq!(act.kind, ActKind::Regulation);
    assert_eq!(act.divisions.len(), p.sections.len());
    assert_eq!(p.reference.as_deref(), Some("COM(2022) 209 final"));
    assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2022-05-11"));
    assert_eq!(p.sender.as_deref(), Some("European Commission"));
}

#[test]
fn every_article_has_its_number_and_title_in_order() {
    let p = proposal();
    let act = p.act.as_ref().unwrap();
    let articles: Vec<(u32, String)> = act
        .divisions
        .iter()
        .filter(|d| d.kind == DivisionKind::Article)
        .map(|d| {
            (
                d.number.as_deref().unwrap().parse().unwrap(),
                d.title.clone().unwrap_or_default(),
            )
        })
        .collect();
    let expected: Vec<(u32, String)> = ARTICLES.iter().map(|(n, t)| (*n, t.to_string())).collect();
    assert_eq!(articles, expected);
    let seven = p.article("7").expect("Article 7");
    assert_eq!(
        p.sections[seven].heading.as_deref(),
        Some("Article 7 — Issuance of detection orders")
    );
    assert!(
        p.sections[seven].paragraphs[0]
            .text
            .starts_with("1. The Coordinating Authority of establishment")
    );
    // The articles the page sets in a plain paragraph style are articles too.
    assert!(
        p.sections[p.article("12").unwrap()].paragraphs[0]
            .text
            .starts_with("1. Where a provider")
    );
}

#[test]
fn chapters_sections_and_levels_nest() {
    let p = proposal();
    let act = p.act.as_ref().unwrap();
    let chapters: Vec<String> = act
        .divisions
        .iter()
        .zip(&p.sections)
        .filter(|(d, _)| d.kind == DivisionKind::Chapter)
        .map(|(_, s)| s.heading.clone().unwrap())
        .collect();
    assert_eq!(
        chapters,
        [
            "CHAPTER I — GENERAL PROVISIONS",
            "CHAPTER II — OBLIGATIONS OF PROVIDERS OF RELEVANT INFORMATION SOCIETY SERVICES TO PREVENT AND COMBAT ONLINE CHILD SEXUAL ABUSE",
            "CHAPTER III — SUPERVISION, ENFORCEMENT AND COOPERATION",
            "CHAPTER IV — EU CENTRE TO PREVENT AND COMBAT CHILD SEXUAL ABUSE",
            "CHAPTER V — DATA COLLECTION AND TRANSPARENCY REPORTING",
            "CHAPTER VI — FINAL PROVISIONS",
        ]
    );
    let sections: Vec<(String, Option<String>)> = act
        .divisions
        .iter()
        .filter(|d| d.kind == DivisionKind::Section)
        .map(|d| (d.number.clone().unwrap(), d.title.clone()))
        .collect();
    // Chapter II has six sections, III four, IV eight; `Section 5` and its title are one
    // paragraph with a line break, `Section 3` and its title two headings.
    assert_eq!(sections.len(), 18);
    assert_eq!(
        sections[4],
        ("5".into(), Some("Blocking obligations".into()))
    );
    assert_eq!(
        sections[2],
        ("3".into(), Some("Reporting obligations".into()))
    );
    let level = |n: &str| act.divisions[p.article(n).unwrap()].level;
    assert_eq!(level("1"), 1); // in Chapter I
    assert_eq!(level("7"), 2); // in Chapter II, Section 2
    assert_eq!(level("89"), 1); // in Chapter VI, which closes Chapter IV's sections
    let kinds: Vec<DivisionKind> = act.divisions.iter().map(|d| d.kind).collect();
    assert_eq!(kinds[0], DivisionKind::Memorandum);
    assert_eq!(
        kinds.iter().filter(|k| **k == DivisionKind::Annex).count(),
        8
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == DivisionKind::Chapter)
            .count(),
        6
    );
    let annex = kinds
        .iter()
        .position(|k| *k == DivisionKind::Annex)
        .unwrap();
    assert_eq!(
        p.sections[annex].heading.as_deref(),
        Some("ANNEX I — TEMPLATE FOR DETECTION ORDERS")
    );
}

#[test]
fn the_recitals_are_counted_and_the_preamble_comes_before_them() {
    let p = proposal();
    let act = p.act.as_ref().unwrap();
    let at = |kind| act.divisions.iter().position(|d| d.kind == kind).unwrap();
    let preamble = &p.sections[at(DivisionKind::Preamble)];
    assert_eq!(
        preamble.heading.as_deref(),
        Some("REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL")
    );
    assert_eq!(preamble.paragraphs.last().unwrap().text, "Whereas:");
    let recitals = &p.sections[at(DivisionKind::Recitals)];
    assert_eq!(recitals.heading.as_deref(), Some("Recitals"));
    let numbered: Vec<&str> = recitals
        .paragraphs
        .iter()
        .filter(|para| para.text.starts_with('('))
        .map(|para| para.text.as_str())
        .collect();
    assert_eq!(numbered.len(), 84);
    for (i, text) in numbered.iter().enumerate() {
        assert!(text.starts_with(&format!("({}) ", i + 1)), "{text}");
    }
    assert_eq!(
        recitals.paragraphs.last().unwrap().text,
        "HAVE ADOPTED THIS REGULATION:"
    );
}

#[test]
fn footnotes_and_their_markers_are_all_there() {
    let p = proposal();
    let numbers: Vec<u32> = p.footnotes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, (1..=80).collect::<Vec<_>>());
    let markers: Vec<u32> = p
        .paragraphs()
        .flat_map(|(_, _, para)| para.notes.iter().map(|n| n.number))
        .collect();
    assert_eq!(markers, (1..=80).collect::<Vec<_>>());
    // Marker 1 follows `(‘the Charter’)`, marker 48 the Council in recital 84.
    let before = |n: u32| {
        p.paragraphs()
            .find_map(|(_, _, para)| {
                let r = para.notes.iter().find(|r| r.number == n)?;
                Some(para.text.chars().take(r.at).collect::<String>())
            })
            .unwrap()
    };
    assert!(before(1).ends_with("(‘the Charter’)"), "{}", before(1));
    assert!(before(48).ends_with("of the European Parliament and of the Council"));
    assert!(
        p.footnote(1)
            .unwrap()
            .text
            .contains("Charter of Fundamental Rights")
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn a_place_in_an_article_is_cited_by_its_provision() {
    let p = proposal();
    let seven = p.article("7").unwrap();
    let c = Citation::of(
        &p,
        Anchor::Paragraph {
            section: seven,
            paragraph: 0,
        },
    )
    .unwrap();
    assert!(
        c.render(Lang::En)
            .ends_with("” — COM(2022) 209, Article 7(1)"),
        "{}",
        c.render(Lang::En)
    );
    // A point under paragraph 4 (`(a)`) cites both.
    let points = &p.sections[seven].paragraphs;
    let a = points
        .iter()
        .position(|para| para.text.starts_with("4. "))
        .map(|four| four + 1)
        .unwrap();
    assert!(points[a].text.starts_with("(a) "));
    let c = Citation::of(
        &p,
        Anchor::Paragraph {
            section: seven,
            paragraph: a,
        },
    )
    .unwrap();
    assert_eq!(c.reference(Lang::En), "COM(2022) 209, Article 7(4)(a)");
    assert_eq!(c.reference(Lang::Nl), "COM(2022) 209, artikel 7(4)(a)");
    let recitals = p
        .act
        .as_ref()
        .unwrap()
        .divisions
        .iter()
        .position(|d| d.kind == DivisionKind::Recitals)
        .unwrap();
    let c = Citation::of(
        &p,
        Anchor::Paragraph {
            section: recitals,
            paragraph: 11,
        },
    )
    .unwrap();
    assert_eq!(c.reference(Lang::En), "COM(2022) 209, recital 12");
    let c = Citation::of(&p, Anchor::Section { section: seven }).unwrap();
    assert_eq!(c.reference(Lang::En), "COM(2022) 209, Article 7");
}

/// Each annex's title, from the page: the capitals line after `ANNEX II:` (counted with the
/// same script: the `Annexetitre` paragraph, then the first line of the paragraph after it).
const ANNEX_TITLES: [&str; 8] = [
    "ANNEX I — TEMPLATE FOR DETECTION ORDERS",
    "ANNEX II — TEMPLATE FOR INFORMATION ABOUT THE IMPOSSIBILITY TO EXECUTE THE DETECTION ORDER",
    "ANNEX III — TEMPLATE FOR REPORTS",
    "ANNEX IV — TEMPLATE FOR REMOVAL ORDERS",
    "ANNEX V — TEMPLATE FOR INFORMATION ABOUT THE IMPOSSIBILITY TO EXECUTE THE REMOVAL ORDER",
    "ANNEX VI — TEMPLATE FOR INFORMATION ON THE EXECUTION OF THE REMOVAL ORDER",
    "ANNEX VII — TEMPLATE FOR BLOCKING ORDERS",
    "ANNEX VIII — TEMPLATE FOR INFORMATION ABOUT THE IMPOSSIBILITY TO EXECUTE THE BLOCKING ORDER",
];

#[test]
fn every_annex_has_its_title_and_keeps_the_line_under_it() {
    let p = proposal();
    let act = p.act.as_ref().unwrap();
    let annexes: Vec<usize> = (act.divisions.iter().enumerate())
        .filter(|(_, d)| d.kind == DivisionKind::Annex)
        .map(|(i, _)| i)
        .collect();
    let headings: Vec<&str> = annexes
        .iter()
        .map(|&i| p.sections[i].heading.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(headings, ANNEX_TITLES);
    // The rest of the title's paragraph stays the annex's first paragraph.
    let first = &p.sections[annexes[2]].paragraphs[0].text;
    assert!(
        first.starts_with("referred to in Article 13(2) of Regulation"),
        "{first}"
    );
}
