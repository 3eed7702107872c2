//! Letters written for these tests in the three layouts of the seeds, with other senders,
//! dates, page breaks and footers: the rules must carry over to letters they were not made on.

use brieven::corpus::Corpus;
use brieven::model::{Letter, ParagraphKind};

fn fixture(name: &str) -> Letter {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut corpus = Corpus::load(&[path]).expect("fixture loads");
    corpus.letters.remove(0)
}

fn headings(l: &Letter) -> Vec<Option<&str>> {
    l.sections.iter().map(|s| s.heading.as_deref()).collect()
}

fn texts(l: &Letter) -> Vec<&str> {
    l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect()
}

fn markers(l: &Letter) -> Vec<(u32, String)> {
    l.paragraphs()
        .flat_map(|(_, _, p)| {
            p.notes.iter().map(|n| {
                let before: Vec<char> = p.text.chars().take(n.at).collect();
                let tail: String = before[before.len().saturating_sub(10)..].iter().collect();
                (n.number, tail)
            })
        })
        .collect()
}

#[test]
fn markdown_with_sup_notes_and_a_repeated_footer() {
    let l = fixture("sup_brussels.md");
    assert_eq!(l.date.unwrap().to_string(), "2024-07-02");
    assert_eq!(l.place.as_deref(), Some("Brussels"));
    assert_eq!(l.sender.as_deref(), Some("Eurochild Alliance"));
    assert_eq!(l.signed_by, vec!["Anna de Wit"]);
    assert_eq!(
        l.recipients,
        vec!["Ms Ylva Vermeer", "European Commissioner for Home Affairs"]
    );
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Detection orders under the proposed CSA Regulation and the role of hotlines in the Member States"
        )
    );
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Known material and new material"),
            Some("Prevention")
        ]
    );
    let t = texts(&l);
    assert_eq!(t.len(), 4);
    assert!(t[2].ends_with("in November 2023 with a large majority, and we urge the Commission to support it in the trilogue."));
    assert!(
        t.iter()
            .all(|p| !p.contains("Avenue des Arts") && !p.contains("Eurochild Alliance"))
    );
    assert_eq!(
        markers(&l),
        vec![
            (1, "gotiations".into()),
            (2, "s precise.".into()),
            (3, " is issued".into())
        ]
    );
    assert_eq!(
        l.footnotes[0].text,
        "See the Council agenda (consilium.europa.eu)"
    );
    assert_eq!(
        l.footnotes[0].urls,
        vec!["https://www.consilium.europa.eu/en/meetings/jha/2024/07/"]
    );
    assert!(l.footnotes[2].urls.is_empty());
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn pdf_text_double_spaced_with_page_bottom_notes() {
    let l = fixture("pdf_utrecht.txt");
    assert_eq!(l.date.unwrap().to_string(), "2025-03-14");
    assert_eq!(l.place.as_deref(), Some("Utrecht"));
    assert_eq!(l.sender.as_deref(), Some("Stichting Hulplijn Online"));
    assert_eq!(l.signed_by, vec!["Petra Jansen"]);
    assert_eq!(
        l.recipients,
        vec!["leden van de vaste commissie voor Justitie en Veiligheid"]
    );
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Hoe werkt de hulplijn?"),
            Some("Wat vragen wij?")
        ]
    );
    let t = texts(&l);
    assert_eq!(t.len(), 4);
    assert!(
        t[1].contains("en ook de verordening noemt deze groep"),
        "split word joined: {}",
        t[1]
    );
    assert!(
        t[1].contains("pas na maanden hulp zoeken, omdat zij zich schamen. Een snelle"),
        "{}",
        t[1]
    );
    assert!(t[2].contains("opsporings- en verwijderingstechnologie."));
    assert_eq!(
        markers(&l).iter().map(|m| m.0).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert!(
        t.iter()
            .all(|p| !p.contains("4.000 meldingen") || p.contains("ruim 4.000 meldingen"))
    );
    assert_eq!(
        l.footnotes[0].text,
        "Artikel 20 van het voorstel voor een verordening ter voorkoming en bestrijding van seksueel kindermisbruik, COM(2022) 209."
    );
    assert_eq!(
        l.footnotes[1].urls,
        vec![
            "https://www.example.nl/jaarcijfers-2024/hulplijn-sextortion-en-zelfgemaakt-materiaal.pdf"
        ]
    );
    assert_eq!(l.footnotes.len(), 4);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn markdown_with_superscripts_and_a_sidebar_on_every_page() {
    let l = fixture("superscript_ministry.md");
    assert_eq!(l.date.unwrap().to_string(), "2025-02-03");
    assert_eq!(l.place.as_deref(), Some("Den Haag"));
    assert_eq!(l.reference.as_deref(), Some("2025-0000123456"));
    assert_eq!(
        l.subject.as_deref(),
        Some("Beantwoording vragen over de CSAM-verordening")
    );
    assert_eq!(
        l.recipients,
        vec!["Voorzitter van de Eerste Kamer der Staten-Generaal"]
    );
    assert_eq!(
        l.sender.as_deref(),
        Some("Staatssecretaris van Digitalisering en Koninkrijksrelaties")
    );
    assert_eq!(l.signed_by, vec!["J.A. de Vries"]);
    assert_eq!(
        headings(&l),
        vec![None, Some("1. Versleuteling"), Some("2. Het EU-centrum")]
    );
    let t = texts(&l);
    assert!(
        t[1].ends_with("waar ook de juridische dienst van de Raad zijn advies zal toelichten.")
    );
    let items: Vec<_> = l
        .paragraphs()
        .filter(|(_, _, p)| p.kind == ParagraphKind::ListItem)
        .map(|(_, _, p)| p.text.as_str())
        .collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1], "2. Detectie blijft beperkt tot bekend materiaal.");
    assert!(
        t.iter()
            .all(|p| !p.contains("Directoraat") && !p.contains("2025-0000123456"))
    );
    assert_eq!(
        markers(&l).iter().map(|m| m.0).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 10]
    );
    assert_eq!(
        l.footnotes.iter().map(|n| n.number).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 10]
    );
    assert_eq!(
        l.footnotes[3].urls,
        vec!["https://www.example.eu/eu-centre/seat"]
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn pdf_text_with_a_running_header_page_numbers_and_an_unindented_page_resume() {
    let l = fixture("pdf_running_header.txt");
    assert_eq!(
        l.date.unwrap().to_string(),
        "2025-06-03",
        "weekday beside the date"
    );
    assert_eq!(l.place.as_deref(), Some("Den Haag"));
    assert_eq!(
        l.recipients,
        vec!["leden van de vaste commissie voor Digitale Zaken"]
    );
    assert_eq!(
        l.subject.as_deref(),
        Some("Rondetafelgesprek over leeftijdsverificatie en de CSAM-verordening")
    );
    assert_eq!(l.sender.as_deref(), Some("Platform Veilig Online"));
    assert_eq!(l.signed_by, vec!["dr. K. Smit"]);
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Leeftijdsverificatie"),
            Some("Detectie in versleutelde diensten")
        ]
    );
    let t = texts(&l);
    assert_eq!(t.len(), 3);
    assert!(
        t[1].contains("De Europese Commissie werkt aan een app voor leeftijdsverificatie die precies dat belooft. Wij vragen u"),
        "the page resumes without indentation: {}",
        t[1]
    );
    assert!(
        t.iter()
            .all(|p| !p.contains("bijdrage rondetafelgesprek") && !p.contains("Pagina"))
    );
    assert_eq!(
        markers(&l),
        vec![
            (1, "erdubbelen.".chars().skip(1).collect()),
            (2, "t belooft.".into())
        ]
    );
    assert_eq!(
        l.footnotes[0].text,
        "Jaarverslag Platform Veilig Online 2024, hoofdstuk 3, met cijfers over meldingen die via de website en de chatdienst binnenkwamen."
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}
