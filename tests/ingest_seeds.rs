//! Whole-letter expectations for the five seed letters, checked by hand against their text.

use brieven::corpus::Corpus;
use brieven::model::Letter;

fn seed(prefix: &str) -> Letter {
    Corpus::embedded()
        .letters
        .into_iter()
        .find(|l| l.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no embedded letter {prefix}"))
}

fn headings(l: &Letter) -> Vec<Option<&str>> {
    l.sections.iter().map(|s| s.heading.as_deref()).collect()
}

fn counts(l: &Letter) -> Vec<usize> {
    l.sections.iter().map(|s| s.paragraphs.len()).collect()
}

/// The words just before each marker of paragraph `p` (counted over the whole letter).
fn cited(l: &Letter, p: usize) -> Vec<(u32, String)> {
    let (_, _, para) = l.paragraphs().nth(p).expect("paragraph");
    para.notes
        .iter()
        .map(|n| {
            let before: String = para.text.chars().take(n.at).collect();
            let tail: String = before
                .chars()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            (n.number, tail)
        })
        .collect()
}

fn numbers(l: &Letter) -> Vec<u32> {
    l.footnotes.iter().map(|n| n.number).collect()
}

#[test]
fn kinderrechtencollectief_2023_09_25() {
    let l = seed("000_");
    assert_eq!(l.date.unwrap().to_string(), "2023-09-25");
    assert_eq!(l.place.as_deref(), Some("Leiden"));
    assert_eq!(l.sender.as_deref(), Some("Kinderrechtencollectief"));
    assert_eq!(
        l.recipients,
        vec![
            "Minister D. Yesilgöz-Zegerius",
            "Ministerie van Justitie en Veiligheid"
        ]
    );
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Bespreking van de EU-Verordening ter voorkoming en bestrijding van seksueel kindermisbruik in de JBZ-raad te Brussel op 28 september"
        )
    );
    assert_eq!(l.reference, None);
    assert_eq!(l.signed_by.len(), 14);
    assert_eq!(l.signed_by[0], "Marc Dullaert");
    assert_eq!(l.signed_by[1], "Defence for Children – ECPAT Nederland");
    assert_eq!(l.signed_by[13], "Stichting Praat");
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Met detectietechnologie komt kindermisbruik in beeld"),
            Some("Detecteren van nieuw materiaal")
        ]
    );
    assert_eq!(counts(&l), vec![2, 2, 4]);
    let c = cited(&l, 4);
    assert_eq!(c.len(), 1);
    assert!(c[0].0 == 1 && c[0].1.ends_with("kindermisbruik."), "{c:?}");
    assert_eq!(numbers(&l), vec![1]);
    assert!(
        l.footnotes[0]
            .text
            .starts_with("Een vals-positieve uitkomst betreft materiaal")
    );
    // The note block sits between two paragraphs of one section; the next paragraph is whole.
    let (_, _, p) = l.paragraphs().nth(5).unwrap();
    assert!(p.text.starts_with("Wij roepen u op om tijdens de JBZ-raad"));
    assert_eq!(l.stance.map(|s| s.as_str()), Some("supports"));
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn twelve_organisations_2024_12_05_pdf_text() {
    let l = seed("001_");
    assert_eq!(l.date.unwrap().to_string(), "2024-12-05");
    assert_eq!(l.place.as_deref(), Some("Leiden"));
    assert_eq!(l.recipients, vec!["woordvoerder"]);
    assert_eq!(l.subject, None);
    // Not in the text: the sidecar names the sender.
    assert_eq!(
        l.sender.as_deref(),
        Some("Twaalf kinderrechtenorganisaties")
    );
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Waarom is er wetgeving nodig?"),
            Some("Nederland: een voortrekker op het gebied van kinderrechten?"),
            Some("Waarborgen en proces"),
            Some("Detectie, privacy en bescherming - hoe gaat dat samen?"),
            Some("U kunt iets wezenlijks betekenen voor minderjarige slachtoffers"),
        ]
    );
    assert_eq!(counts(&l), vec![1, 4, 2, 1, 5, 1]);
    assert_eq!(
        cited(&l, 1).iter().map(|c| c.0).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert!(cited(&l, 1)[0].1.ends_with("internet."));
    // Cut by the note block at the page bottom, joined again.
    let (_, _, p) = l.paragraphs().nth(2).unwrap();
    assert!(
        p.text
            .contains("waaronder baby’s en peuters. Hierbij is in 2023"),
        "{}",
        p.text
    );
    assert_eq!(
        cited(&l, 2).iter().map(|c| c.0).collect::<Vec<_>>(),
        vec![5, 6, 7, 8]
    );
    assert!(cited(&l, 2)[3].1.ends_with("(Category A)."));
    let text: String = l
        .paragraphs()
        .map(|(_, _, p)| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("door het VN-Kinderrechtenverdrag te ratificeren."));
    assert!(text.contains("detectie van kindermisbruik en -uitbuiting uit te voeren"));
    assert!(text.contains("geen gevolgen heeft voor onschuldige mensen."));
    assert!(
        text.contains("57.000") || !text.contains("57."),
        "numbers stay numbers"
    );
    assert!(!text.contains("  "));
    assert_eq!(numbers(&l), (1..=9).collect::<Vec<_>>());
    assert_eq!(
        l.footnotes[2].urls,
        vec![
            "https://www.weprotect.org/wp-content/uploads/WeProtect_Economist-Impact_European-online-sexual-harms-study_report_Dutch-translation.pdf"
        ]
    );
    assert_eq!(
        l.footnotes[3].urls, l.footnotes[2].urls,
        "a URL cut over a blank line"
    );
    assert_eq!(l.footnotes[5].urls.len(), 2);
    assert_eq!(
        l.footnotes[5].urls[1],
        "https://www.iwf.org.uk/news-media/news/eu-still-hosts-the-most-child-sexual-abuse-material-in-the-world/"
    );
    assert_eq!(
        l.footnotes[8].urls,
        vec![
            "https://www.cyacomb.com/products/cyacomb-safety/",
            "https://safetonet.com/"
        ]
    );
    assert!(
        l.footnotes[0]
            .text
            .starts_with("In 2023 werden 100 miljoen beelden gerapporteerd.")
    );
    assert!(l.footnotes[0].text.ends_with("= 3,17 per seconde."));
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn offlimits_2024_09_18_to_the_cabinet() {
    let l = seed("002_");
    assert_eq!(l.date.unwrap().to_string(), "2024-09-18");
    assert_eq!(l.sender.as_deref(), Some("Offlimits"));
    assert_eq!(l.signed_by, vec!["Robbert Hoving"]);
    assert_eq!(l.recipients.len(), 6);
    assert_eq!(
        l.recipients[0],
        "Minister van Justitie en Veiligheid Van Weel"
    );
    assert_eq!(l.recipients[5], "Minister van Buitenlandse Zaken Veldkamp");
    assert_eq!(
        l.subject.as_deref(),
        Some("Advies inzake het Kabinetsstandpunt over de CSAM-Verordening")
    );
    assert_eq!(
        headings(&l),
        vec![None],
        "letterhead and footer are not headings"
    );
    assert_eq!(counts(&l), vec![7]);
    let c = cited(&l, 3);
    assert_eq!(c.iter().map(|c| c.0).collect::<Vec<_>>(), vec![1, 2]);
    assert!(
        c[0].1.ends_with("aanpak") && c[1].1.ends_with("artikel 16"),
        "{c:?}"
    );
    let text: String = l
        .paragraphs()
        .map(|(_, _, p)| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !text.contains("Nieuwezijds Voorburgwal") && !text.contains("IBAN"),
        "footer removed"
    );
    assert_eq!(
        l.footnotes[0].urls,
        vec!["https://www.bitsoffreedom.nl/20240912-quick-analysis-hupres-posal-csar.pdf"]
    );
    assert_eq!(
        l.footnotes[0].text,
        "Zie hiervoor ook de deskundige analyse van Bits of Freedom: 20240912-quick-analysis-hupres-posal-csar.pdf (bitsoffreedom.nl)"
    );
    assert_eq!(
        l.footnotes[1].text,
        "Recht op privacy - Artikel 16 Kinderrechtenverdrag"
    );
    assert!(l.footnotes[1].urls.is_empty());
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn minister_2023_09_18_to_parliament() {
    let l = seed("003_");
    assert_eq!(l.date.unwrap().to_string(), "2023-09-18");
    assert_eq!(l.place.as_deref(), Some("Den Haag"));
    assert_eq!(
        l.sender.as_deref(),
        Some("Minister van Justitie en Veiligheid")
    );
    assert_eq!(l.signed_by, vec!["D. Yeşilgöz-Zegerius"]);
    assert_eq!(
        l.recipients,
        vec!["Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    assert_eq!(l.reference.as_deref(), Some("4904708"));
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Brief inzake motie over de Europese Verordening ter bestrijding en voorkoming van seksueel misbruik"
        )
    );
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some(
                "WODC-rapport \"De rol van encryptie in de opsporing: Belemmeringen en mogelijkheden\" (2023)"
            ),
            Some("Europol"),
            Some("National Center for Missing and Exploited Children (NCMEC)"),
            Some("Client-side scanning"),
            Some("Factcheck TU Delft over interpersoonlijke communicatiediensten"),
        ]
    );
    assert_eq!(counts(&l), vec![4, 1, 1, 3, 1, 3]);
    let text: String = l
        .paragraphs()
        .map(|(_, _, p)| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    for furniture in [
        "Directoraat-Generaal",
        "Rechtshandhaving",
        "Ons kenmerk",
        "4904708",
    ] {
        assert!(!text.contains(furniture), "{furniture} left in the text");
    }
    assert!(text.contains("blijkt ook uit wetenschappelijk onderzoek en meldingen"));
    assert!(text.contains("en één miljoen meldingen van online materiaal"));
    assert!(text.contains("ter bestrijding en voorkoming van seksueel misbruik. Voor verdere"));
    assert!(
        text.contains("een uitleg van client-side scanning."),
        "emphasis removed"
    );
    assert_eq!(numbers(&l), (1..=9).collect::<Vec<_>>());
    assert_eq!(
        l.footnotes[4].urls,
        vec![
            "https://www.missingkids.org/content/dam/missingkids/pdfs/End-to-End%20Encryption%20Media%20Kit.pdf"
        ]
    );
    assert!(l.footnotes[7].urls.is_empty() && l.footnotes[7].text == "Child Safety - Apple");
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn offlimits_2024_09_04_position_paper() {
    let l = seed("004_");
    assert_eq!(l.date.unwrap().to_string(), "2024-09-04");
    assert_eq!(l.sender.as_deref(), Some("Offlimits"));
    assert!(l.signed_by.is_empty());
    assert_eq!(
        l.recipients,
        vec![
            "Commissie voor Digitale Zaken",
            "Tweede Kamer der Staten Generaal",
            "De Commissievoorzitter"
        ]
    );
    assert_eq!(
        l.subject.as_deref(),
        Some("Position paper Rondetafelgesprek Online Kinderrechten d.d. 2 oktober 2024")
    );
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Wat gebeurt er online?"),
            Some("1. Voorkomen dat het gebeurt"),
            Some("2. Actie wanneer het gebeurt"),
            Some("3. Nadat het gebeurd is"),
        ]
    );
    assert_eq!(counts(&l), vec![4, 5, 3, 3, 2]);
    let items = l
        .paragraphs()
        .filter(|(_, _, p)| p.kind == brieven::model::ParagraphKind::ListItem)
        .count();
    assert_eq!(items, 3);
    let text: String = l
        .paragraphs()
        .map(|(_, _, p)| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("niet adequaat beschermd en geborgd zijn, ook recent Schots onderzoek"));
    assert!(text.contains("Het VN Kinderrechtenverdrag benadrukt ook expliciet in artikel 16 dat"));
    assert_eq!(numbers(&l), (1..=23).collect::<Vec<_>>());
    // `artikel 16¹²`: note 12, after the 16.
    let twelve = l
        .paragraphs()
        .flat_map(|(_, _, p)| p.notes.iter().map(move |n| (n, p)))
        .find(|(n, _)| n.number == 12)
        .map(|(n, p)| p.text.chars().take(n.at).collect::<String>())
        .unwrap();
    assert!(twelve.ends_with("in artikel 16"), "{twelve}");
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}
