//! Tests of the citation form as users read it, in both languages.

use super::*;
use crate::corpus::Corpus;
use crate::model::{NoteRef, Paragraph, Section};

fn para(text: &str, notes: &[u32]) -> Paragraph {
    Paragraph {
        text: text.to_string(),
        notes: notes
            .iter()
            .map(|&number| NoteRef {
                number,
                at: text.chars().count(),
            })
            .collect(),
        ..Paragraph::default()
    }
}

fn note(number: u32, text: &str, urls: &[&str]) -> Footnote {
    Footnote {
        number,
        text: text.to_string(),
        urls: urls.iter().map(|u| u.to_string()).collect(),
        line: 0,
        page: None,
    }
}

/// A letter with three opening paragraphs and a section `Preventie`; the fourth paragraph
/// (the first of `Preventie`) cites notes 1 and 2.
fn offlimits(recipients: &[&str]) -> Letter {
    Letter {
        id: "002_offlimits".into(),
        sender: Some("Offlimits".into()),
        recipients: recipients.iter().map(|r| r.to_string()).collect(),
        date: Date::ymd(2024, 9, 18),
        sections: vec![
            Section {
                heading: None,
                paragraphs: vec![para("Een.", &[]), para("Twee.", &[]), para("Drie.", &[])],
                line: 1,
                page: None,
            },
            Section {
                heading: Some("Preventie".into()),
                paragraphs: vec![
                    para(
                        "Detectie van nieuw materiaal schaadt de privacy.",
                        &[1, 2, 1],
                    ),
                    para("Zet in op preventie.", &[]),
                ],
                line: 9,
                page: None,
            },
        ],
        footnotes: vec![
            note(
                1,
                "Zie hiervoor ook de deskundige analyse van Bits of Freedom: quick-analysis.pdf (bitsoffreedom.nl)",
                &["https://www.bitsoffreedom.nl/quick-analysis.pdf"],
            ),
            note(2, "Recht op privacy - Artikel 16 Kinderrechtenverdrag", &[]),
        ],
        ..Letter::default()
    }
}

const TWO: &[&str] = &[
    "Minister van Justitie en Veiligheid",
    "Staatssecretaris Rechtsbescherming",
];

fn cited(letter: &Letter) -> Citation {
    let register = Register::build(std::slice::from_ref(letter));
    Citation::paragraph(letter, 1, 0)
        .unwrap()
        .name_sources(&register, 0)
}

#[test]
fn english_paragraph_with_notes_and_several_recipients() {
    assert_eq!(
        cited(&offlimits(TWO)).render(Lang::En),
        "“Detectie van nieuw materiaal schaadt de privacy.” — Offlimits, letter to the Minister \
         van Justitie en Veiligheid et al., 18 September 2024, ¶ 4 (note 1: Bits of Freedom, \
         https://www.bitsoffreedom.nl/quick-analysis.pdf; note 2: Recht op privacy - Artikel 16 \
         Kinderrechtenverdrag)"
    );
}

#[test]
fn dutch_paragraph_with_notes_and_several_recipients() {
    assert_eq!(
        cited(&offlimits(TWO)).render(Lang::Nl),
        "“Detectie van nieuw materiaal schaadt de privacy.” — Offlimits, brief aan de Minister \
         van Justitie en Veiligheid e.a., 18 september 2024, ¶ 4 (noot 1: Bits of Freedom, \
         https://www.bitsoffreedom.nl/quick-analysis.pdf; noot 2: Recht op privacy - Artikel 16 \
         Kinderrechtenverdrag)"
    );
}

#[test]
fn one_recipient_and_no_notes_in_both_languages() {
    let letter = offlimits(&["Minister D. Yeşilgöz-Zegerius"]);
    let c = Citation::paragraph(&letter, 1, 1).unwrap();
    assert_eq!(
        c.render(Lang::En),
        "“Zet in op preventie.” — Offlimits, letter to Minister D. Yeşilgöz-Zegerius, \
         18 September 2024, ¶ 5"
    );
    assert_eq!(
        c.render(Lang::Nl),
        "“Zet in op preventie.” — Offlimits, brief aan Minister D. Yeşilgöz-Zegerius, \
         18 september 2024, ¶ 5"
    );
}

#[test]
fn without_register_a_note_source_is_its_site_else_its_text_shortened() {
    let letter = offlimits(TWO);
    let c = Citation::paragraph(&letter, 1, 0).unwrap();
    assert_eq!(c.notes.len(), 2, "note 1 is cited twice but listed once");
    assert_eq!(c.notes[0].source, "bitsoffreedom.nl");
    assert!(c.render(Lang::En).contains(
        "(note 1: bitsoffreedom.nl, https://www.bitsoffreedom.nl/quick-analysis.pdf; note 2:"
    ));
    let mut no_url = letter.clone();
    no_url.footnotes[0].urls.clear();
    no_url.footnotes[0].text = "Zie hiervoor ook de deskundige analyse van Bits of Freedom.".into();
    let c = Citation::paragraph(&no_url, 1, 0).unwrap();
    assert_eq!(
        c.notes[0].source,
        "de deskundige analyse van Bits of Freedom."
    );
}

#[test]
fn a_notes_publisher_is_what_its_structure_names() {
    let named = |text: &str, urls: &[&str]| publisher(&note(1, text, urls));
    let name = |s: &str| Some(Publisher::Named(s.to_string()));
    let site = |s: &str| Some(Publisher::Site(s.to_string()));
    assert_eq!(
        named("WhatsApp penetration rate in Europe 2023 | Statista", &[]),
        name("Statista")
    );
    assert_eq!(
        named(
            "Turkije blokkeert toegang tot gameplatform Roblox | Tweakers | NU.nl",
            &[]
        ),
        name("NU.nl")
    );
    assert_eq!(
        named("vme0kro247yt.pdf (eerstekamer.nl)", &[]),
        site("eerstekamer.nl")
    );
    assert_eq!(
        named(
            "Telegram-oprichter Pavel Doerov aangehouden op luchthaven Parijs - NRC",
            &[]
        ),
        name("NRC")
    );
    assert_eq!(
        named(
            "https://jaarverslag2023.offlimits.nl/cover",
            &["https://jaarverslag2023.offlimits.nl/cover"]
        ),
        site("offlimits.nl")
    );
    assert_eq!(
        named("x", &["https://www.iwf.org.uk/annual-report-2023/"]),
        site("iwf.org.uk")
    );
    // A title's part after a dash, a sentence, a note without a site: no publisher.
    assert_eq!(
        named("Recht op privacy - Artikel 16 Kinderrechtenverdrag", &[]),
        None
    );
    assert_eq!(
        named(
            "Europol, Internet Organized Crime Threat Assessment, 2021.",
            &[]
        ),
        None
    );
    assert_eq!(named("Zie noot 3 (p. 12)", &[]), None);
}

#[test]
fn the_register_names_a_source_only_where_the_note_states_none_or_it_is_the_sites() {
    let mut letter = offlimits(TWO);
    letter.footnotes = vec![
        note(
            1,
            "WhatsApp penetration rate in Europe 2023 | Statista",
            &[],
        ),
        note(
            2,
            "Zie de analyse van Bits of Freedom",
            &["https://www.bitsoffreedom.nl/a.pdf"],
        ),
        note(
            3,
            "Europol, Internet Organized Crime Threat Assessment, 2021.",
            &[],
        ),
        note(4, "Een stuk over WhatsApp", &["https://nos.nl/artikel/1"]),
    ];
    letter.sections[1].paragraphs[0] = para("Tekst.", &[1, 2, 3, 4]);
    let register = crate::register::Register::build(std::slice::from_ref(&letter));
    let c = Citation::paragraph(&letter, 1, 0)
        .unwrap()
        .name_sources(&register, 0);
    let sources: Vec<&str> = c.notes.iter().map(|n| n.source.as_str()).collect();
    assert_eq!(
        sources,
        vec!["Statista", "Bits of Freedom", "Europol", "nos.nl"]
    );
}

#[test]
fn a_single_note_is_quoted_with_its_urls() {
    let letter = offlimits(TWO);
    let c = Citation::note(&letter, 1).unwrap();
    assert_eq!(
        c.render(Lang::En),
        "“Zie hiervoor ook de deskundige analyse van Bits of Freedom: quick-analysis.pdf \
         (bitsoffreedom.nl)” — Offlimits, letter to the Minister van Justitie en Veiligheid \
         et al., 18 September 2024, note 1 (https://www.bitsoffreedom.nl/quick-analysis.pdf)"
    );
    let c = Citation::note(&letter, 2).unwrap();
    assert!(
        c.render(Lang::Nl)
            .ends_with("e.a., 18 september 2024, noot 2"),
        "a note without URL has no parentheses: {}",
        c.render(Lang::Nl)
    );
}

#[test]
fn sections_and_whole_letters() {
    let letter = offlimits(TWO);
    let c = Citation::of(&letter, Anchor::Section { section: 1 }).unwrap();
    let text = c.render(Lang::En);
    assert!(text.starts_with(
        "“Detectie van nieuw materiaal schaadt de privacy.\n\nZet in op preventie.” — "
    ));
    assert!(text.contains("18 September 2024, § 2 “Preventie” (note 1: "));
    let c = Citation::of(&letter, Anchor::Letter).unwrap();
    assert_eq!(
        c.render(Lang::Nl),
        "Offlimits, brief aan de Minister van Justitie en Veiligheid e.a., 18 september 2024"
    );
}

#[test]
fn missing_parts_have_stand_ins_and_missing_anchors_none() {
    let letter = Letter {
        id: "x".into(),
        sections: vec![Section {
            heading: None,
            paragraphs: vec![para("Tekst.", &[9])],
            line: 1,
            page: None,
        }],
        ..Letter::default()
    };
    let c = Citation::paragraph(&letter, 0, 0).unwrap();
    assert_eq!(
        c.render(Lang::En),
        "“Tekst.” — (unknown sender), undated, ¶ 1"
    );
    assert_eq!(
        c.render(Lang::Nl),
        "“Tekst.” — (onbekende afzender), zonder datum, ¶ 1"
    );
    assert!(Citation::paragraph(&letter, 0, 1).is_none());
    assert!(Citation::paragraph(&letter, 1, 0).is_none());
    assert!(Citation::note(&letter, 9).is_none());
    assert!(Citation::of(&letter, Anchor::Section { section: 3 }).is_none());
}

#[test]
fn hostile_text_is_made_visible() {
    let mut letter = offlimits(TWO);
    letter.sections[0].paragraphs[0].text = "a\x1b]52;c;aGk=\x07b\u{202E}".into();
    let text = Citation::paragraph(&letter, 0, 0).unwrap().render(Lang::En);
    assert!(text.starts_with("“a␛]52;c;aGk=␇b�” — "), "{text}");
}

#[test]
fn shortened_sources() {
    let short = |text: &str, urls: &[&str]| shorten_source(&note(1, text, urls));
    assert_eq!(
        short(
            "https://intothelight.childlight.org/",
            &["https://intothelight.childlight.org/"]
        ),
        ""
    );
    assert_eq!(
        short("Zie o.a.: Europol, IOCTA 2021.", &[]),
        "Europol, IOCTA 2021."
    );
    assert_eq!(
        short(
            "Verkregen via: https://example.org/a",
            &["https://example.org/a"]
        ),
        ""
    );
    let long = short(
        "Een vals-positieve uitkomst betreft materiaal dat in eerste instantie wordt gedetecteerd als misbruikmateriaal",
        &[],
    );
    assert!(long.ends_with('…') && long.chars().count() <= 61, "{long}");
    assert_eq!(
        short(
            "WODC-rapport over encryptie, 2023. Tweede zin die niet meer hoort.",
            &[]
        ),
        "WODC-rapport over encryptie, 2023."
    );
}

#[test]
fn the_embedded_offlimits_letter_cites_bits_of_freedom() {
    let corpus = Corpus::embedded();
    let register = Register::build(&corpus.letters);
    let (index, letter) = corpus
        .letters
        .iter()
        .enumerate()
        .find(|(_, l)| l.sender.as_deref() == Some("Offlimits") && l.date == Date::ymd(2024, 9, 18))
        .expect("the Offlimits letter of 18 September 2024 is embedded");
    let (s, p, _) = letter
        .paragraphs()
        .find(|(_, _, p)| p.notes.iter().any(|n| n.number == 1))
        .expect("a paragraph cites note 1");
    let text = Citation::paragraph(letter, s, p)
        .unwrap()
        .name_sources(&register, index)
        .render(Lang::En);
    assert!(
        text.contains(
            "” — Offlimits (Robbert Hoving), letter to the Minister van Justitie en Veiligheid"
        ),
        "{text}"
    );
    assert!(text.contains(" et al., 18 September 2024, ¶ "), "{text}");
    assert!(
        text.contains("(note 1: Bits of Freedom, https://www.bitsoffreedom.nl/"),
        "{text}"
    );
}

#[test]
fn a_letter_with_pages_is_cited_by_page_too() {
    let mut letter = offlimits(TWO);
    letter.sections[1].paragraphs[1].page = Some(3);
    letter.footnotes[0].page = Some(2);
    let c = Citation::paragraph(&letter, 1, 1).unwrap();
    assert!(
        c.render(Lang::En).ends_with("18 September 2024, ¶ 5, p. 3"),
        "{}",
        c.render(Lang::En)
    );
    assert!(c.render(Lang::Nl).ends_with("18 september 2024, ¶ 5, p. 3"));
    let c = Citation::note(&letter, 1).unwrap();
    assert!(c.render(Lang::En).contains(", note 1, p. 2 (https://"));
    // A section starts where its heading stands, else where its first paragraph does.
    let c = Citation::of(&letter, Anchor::Section { section: 1 }).unwrap();
    assert_eq!(c.page, None, "paragraph 0 of the section has no page");
    letter.sections[1].paragraphs[0].page = Some(2);
    let c = Citation::of(&letter, Anchor::Section { section: 1 }).unwrap();
    assert_eq!(c.location(Lang::En), "§ 2 “Preventie”, p. 2");
}
