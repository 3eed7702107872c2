//! Spec tests for ingestion, one layout feature each, on small letters written for the purpose
//! (in the manner of pulldown-cmark's spec files: an input and what it must become).

use brieven::ingest::parse_text;
use brieven::model::{Letter, ParagraphKind};

fn parse(text: &str) -> Letter {
    parse_text("spec", "spec", text)
}

fn paragraphs(letter: &Letter) -> Vec<&str> {
    letter
        .paragraphs()
        .map(|(_, _, p)| p.text.as_str())
        .collect()
}

fn headings(letter: &Letter) -> Vec<Option<&str>> {
    letter
        .sections
        .iter()
        .map(|s| s.heading.as_deref())
        .collect()
}

fn notes_of(letter: &Letter, paragraph: usize) -> Vec<(u32, usize)> {
    let (_, _, p) = letter.paragraphs().nth(paragraph).unwrap();
    p.notes.iter().map(|n| (n.number, n.at)).collect()
}

const OPENING: &str = "Leiden, 1 maart 2024\n\nGeachte heer,\n\n";

/// A ministry letterhead sidebar, as it stands at the top of every page.
const SIDEBAR: &str = "**Directie Voorbeeld**\n\nDatum\n3 februari 2025\n\nOns kenmerk\n12345\n\n";

/// A ministry letter around `body` (which may repeat [`SIDEBAR`] where a page breaks).
fn ministry_letter(body: &str) -> Letter {
    parse(&format!(
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\n{SIDEBAR}\
         Onderwerp Voortgang\n\n{body}De Minister van Justitie en Veiligheid,\n\nA. Bakker\n"
    ))
}

#[test]
fn sup_markers_and_definitions_after_a_rule() {
    let l = parse(&format!(
        "{OPENING}Er bestaan zorgen over vals-positieven.<sup>1</sup> En meer.\n\n---\n\n\
         <sup>1</sup>Zie [het rapport \\(pdf\\)](https://example.org/r.pdf)\n\n\
         Volgende alinea na de noot.\n"
    ));
    assert_eq!(
        paragraphs(&l),
        vec![
            "Er bestaan zorgen over vals-positieven. En meer.",
            "Volgende alinea na de noot."
        ]
    );
    assert_eq!(notes_of(&l, 0), vec![(1, 39)]);
    assert_eq!(l.footnotes.len(), 1);
    assert_eq!(l.footnotes[0].text, "Zie het rapport (pdf)");
    assert_eq!(l.footnotes[0].urls, vec!["https://example.org/r.pdf"]);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn a_link_to_hash_gives_text_and_no_url() {
    let l = parse(&format!(
        "{OPENING}Artikel 16<sup>1</sup> gaat over privacy.\n\n<sup>1</sup> [Recht op privacy - Artikel 16](#)\n"
    ));
    assert_eq!(l.footnotes[0].text, "Recht op privacy - Artikel 16");
    assert!(l.footnotes[0].urls.is_empty());
    assert_eq!(notes_of(&l, 0), vec![(1, 10)]);
}

#[test]
fn superscript_markers_follow_numbering_order_and_multi_digit_definitions() {
    let mut text = String::from(OPENING);
    for n in 1..=11 {
        text.push_str(&format!(
            "Zin nummer {n} met een bron.{}\n\n",
            superscript(n)
        ));
    }
    text.push_str("Het verdrag noemt in artikel 16¹² de privacy.\n\n");
    for n in 1..=12 {
        text.push_str(&format!("{} Bron {n}\n\n", superscript(n)));
    }
    let l = parse(&text);
    assert_eq!(l.footnotes.len(), 12);
    assert_eq!(l.footnotes[11].number, 12);
    assert_eq!(l.footnotes[11].text, "Bron 12");
    let last = paragraphs(&l).len() - 1;
    assert_eq!(
        paragraphs(&l)[last],
        "Het verdrag noemt in artikel 16 de privacy."
    );
    assert_eq!(notes_of(&l, last), vec![(12, 31)]);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

fn superscript(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|d| {
            ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d.to_digit(10).unwrap() as usize]
        })
        .collect()
}

/// A PDF-style letter: hard-wrapped at about 90 columns, double-spaced, a page-bottom note block.
const PDF: &str = " 5 december 2024, Leiden \n\nGeachte woordvoerder, \n\n\
Elke seconde worden er beelden van seksueel misbruik van een kind gedeeld op het openbare \n\n\
internet.1 In 2022 waren er meer dan 57.000 meldingen, zoals artikel 16 van het verdrag en \n\n\
het rapport uit 2023. laten zien. Het meest alarmerend is dat het gaat om baby’s en \n\n \n\
1 In 2023 werden 100 miljoen beelden gerapporteerd. Dit getal gedeeld door het aantal \n\
minuten in een jaar. \n\
2 https://www.example.org/annual-report-2023/trends-and-data/analysis-\n\
by-age/ \n\x20peuters.2 Hierbij is een sterke toename te zien van materiaal. \n\n\
Het misbruiken van kinderen laat levenslange littekens achter. \n\n\
Waarom is er wetgeving nodig? \n\n\
Omdat het VN-\n\nKinderrechtenverdrag bescherming eist tegen misbruik en -\n\n\
uitbuiting, en omdat de ver-\n\nordening dat regelt zoals de verordening ook zegt.\n";

#[test]
fn pdf_text_is_reflowed_and_joined_across_a_page_bottom_note_block() {
    let l = parse(PDF);
    let p = paragraphs(&l);
    assert_eq!(
        p[0],
        "Elke seconde worden er beelden van seksueel misbruik van een kind gedeeld op het openbare \
         internet. In 2022 waren er meer dan 57.000 meldingen, zoals artikel 16 van het verdrag en \
         het rapport uit 2023. laten zien. Het meest alarmerend is dat het gaat om baby’s en \
         peuters. Hierbij is een sterke toename te zien van materiaal."
    );
    assert_eq!(
        notes_of(&l, 0).iter().map(|n| n.0).collect::<Vec<_>>(),
        vec![1, 2]
    );
    let (_, _, first) = l.paragraphs().next().unwrap();
    let at = first.notes[0].at;
    assert!(
        first
            .text
            .chars()
            .take(at)
            .collect::<String>()
            .ends_with("internet.")
    );
    assert_eq!(
        p[1],
        "Het misbruiken van kinderen laat levenslange littekens achter."
    );
    assert_eq!(
        headings(&l),
        vec![None, Some("Waarom is er wetgeving nodig?")]
    );
    assert_eq!(
        l.footnotes[1].urls,
        vec!["https://www.example.org/annual-report-2023/trends-and-data/analysis-by-age/"]
    );
    assert_eq!(
        l.footnotes[0].text,
        "In 2023 werden 100 miljoen beelden gerapporteerd. Dit getal gedeeld door het aantal minuten in een jaar."
    );
}

#[test]
fn a_paragraph_end_that_repeats_is_not_furniture() {
    let mut text = String::from(" 5 december 2024, Leiden \n\nGeachte woordvoerder, \n\n");
    for _ in 0..2 {
        text.push_str(
            "Volgens de deskundigen van de organisatie is een helder en sterk beschermingskader de \n\n\
             enige begaanbare weg. \n\n\
             Wij verzoeken u daarom de minister te vragen om de verordening in de Raad te steunen en \n\n\
             daarbij oog te houden voor de rechten van kinderen. \n\n",
        );
    }
    let l = parse(&text);
    let p = paragraphs(&l);
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(p[0].ends_with("enige begaanbare weg.") && p[2].ends_with("enige begaanbare weg."));
}

#[test]
fn line_end_hyphens_are_kept_in_compounds_and_removed_in_split_words() {
    let l = parse(PDF);
    let last = paragraphs(&l).last().copied().unwrap();
    assert_eq!(
        last,
        "Omdat het VN-Kinderrechtenverdrag bescherming eist tegen misbruik en -uitbuiting, en omdat \
         de verordening dat regelt zoals de verordening ook zegt."
    );
}

#[test]
fn headings_in_their_forms_and_lists_of_sentences() {
    let l = parse(&format!(
        "# LETTERHEAD\n\n{OPENING}Een inleidende alinea die lang genoeg is om tekst te zijn, met een punt.\n\n\
         ### **Met detectie komt misbruik in beeld**\n\nTekst onder de eerste kop.\n\n\
         **Vetgedrukte kop**\n\nTekst onder de vette kop.\n\n\
         Een korte kop zonder punt\n\nTekst onder de korte kop.\n\n\
         Wij zien drie pijlers:\n\n\
         1. Voorkomen: goede voorlichting voor iedereen.\n2. Actie: snelle interventie als het gebeurt.\n\n\
         1. Voorkomen dat het gebeurt\n\nTekst onder de genummerde kop.\n"
    ));
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Met detectie komt misbruik in beeld"),
            Some("Vetgedrukte kop"),
            Some("Een korte kop zonder punt"),
            Some("1. Voorkomen dat het gebeurt"),
        ]
    );
    let items: Vec<_> = l
        .paragraphs()
        .filter(|(_, _, p)| p.kind == ParagraphKind::ListItem)
        .map(|(_, _, p)| p.text.as_str())
        .collect();
    assert_eq!(
        items,
        vec![
            "1. Voorkomen: goede voorlichting voor iedereen.",
            "2. Actie: snelle interventie als het gebeurt."
        ]
    );
}

#[test]
fn list_items_over_several_lines_in_pdf_text() {
    let l = parse(
        " 1 maart 2024, Leiden \n\nGeachte heer, \n\n\
         Bij het debat over de JBZ-raad heeft u de kans de minister een boodschap mee te geven over \n\n\
         de verordening ter voorkoming en bestrijding van seksueel misbruik van kinderen, en over de \n\n\
         rol die Nederland daarin kan spelen. \n\n\
         Wij vragen u om drie dingen die wij hieronder toelichten, elk met een korte uitleg erbij: \n\n\
         • een sterk EU-centrum dat slachtoffers helpt en dat ook onderzoek doet naar preventie en \n\n\
         naar nieuwe technologie; \n\n\
         • voldoende middelen voor hulplijnen in alle lidstaten van de Europese Unie. \n\n\
         Met die inzet kan Nederland het verschil maken in de onderhandelingen over de verordening. \n",
    );
    let kinds: Vec<_> = l
        .paragraphs()
        .map(|(_, _, p)| (p.kind, p.text.as_str()))
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    assert!(kinds[0].1.ends_with("daarin kan spelen."));
    assert_eq!(
        kinds[2],
        (
            ParagraphKind::ListItem,
            "een sterk EU-centrum dat slachtoffers helpt en dat ook onderzoek doet naar preventie en naar nieuwe technologie;"
        )
    );
    assert_eq!(kinds[3].0, ParagraphKind::ListItem);
    assert_eq!(kinds[4].0, ParagraphKind::Text);
}

#[test]
fn repeated_footers_and_contact_blocks_are_page_furniture() {
    let footer = "## Stichting Voorbeeld\n\nDorpsstraat 1, 1234 AB Ergens ■ +31 20 123 45 67\n\n\
                  info@voorbeeld.nl ■ www.voorbeeld.nl\n\n";
    let l = parse(&format!(
        "{OPENING}Eerste alinea met genoeg tekst om als lopende tekst te gelden in deze brief, en dan de\n\n\
         {footer}rest van de zin na de paginagrens.\n\nTweede alinea.\n\n{footer}\
         **Kop na de voettekst**\n\nSlot van de brief.\n"
    ));
    assert_eq!(
        paragraphs(&l),
        vec![
            "Eerste alinea met genoeg tekst om als lopende tekst te gelden in deze brief, en dan de rest van de zin na de paginagrens.",
            "Tweede alinea.",
            "Slot van de brief."
        ]
    );
    assert_eq!(headings(&l), vec![None, Some("Kop na de voettekst")]);
    assert_eq!(l.sender.as_deref(), Some("Stichting Voorbeeld"));
}

#[test]
fn a_repeated_letterhead_sidebar_is_removed_but_read_in_the_header() {
    let l = parse(&format!(
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\n\
         {SIDEBAR}Onderwerp Een onderwerp dat over\ntwee regels loopt\n\n\
         Hierbij informeer ik uw Kamer over de stand van zaken rond de verordening, zoals toegezegd in het debat,\n\n\
         {SIDEBAR}en over de vervolgstappen.\n\nDe Minister van Justitie en Veiligheid,\n\nA. Bakker\n"
    ));
    assert_eq!(l.date.unwrap().to_string(), "2025-02-03");
    assert_eq!(l.reference.as_deref(), Some("12345"));
    assert_eq!(
        l.subject.as_deref(),
        Some("Een onderwerp dat over twee regels loopt")
    );
    assert_eq!(
        l.recipients,
        vec!["Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    // The only address is the recipient's: no place of writing.
    assert_eq!(l.place, None);
    assert_eq!(
        l.sender.as_deref(),
        Some("Minister van Justitie en Veiligheid")
    );
    assert_eq!(l.signed_by, vec!["A. Bakker"]);
    assert_eq!(
        paragraphs(&l),
        vec![
            "Hierbij informeer ik uw Kamer over de stand van zaken rond de verordening, zoals toegezegd in het debat, en over de vervolgstappen."
        ]
    );
}

/// A page break (notes, a footer) cuts a paragraph after a sentence and a few words: the part
/// before is short, but holds a whole sentence and ends mid-sentence, so it is prose and is
/// joined with the rest; a short numbered heading (`3. Preventie`) is not.
#[test]
fn a_short_paragraph_part_with_a_sentence_in_it_is_joined_across_a_page_break() {
    let footer = "## Stichting Voorbeeld\n\nDorpsstraat 1, 1234 AB Utrecht ■ +31 30 123 45 67\n\n\
                  info@voorbeeld.nl ■ www.voorbeeld.nl ■ KvK 123 45 678\n\n";
    let l = parse(&format!(
        "{OPENING}Een eerste alinea over de verordening, lang genoeg om gewoon lopende tekst te zijn, met een noot.<sup>1</sup>\n\n\
         Het aantal meldingen steeg tussen 2022 en 2024 met 65%. Zonder de Digital Services\n\n\
         ---\n\n<sup>1</sup> Zie het jaarverslag.\n\n{footer}\
         Act blijft een groot deel van het materiaal buiten beeld, zo stelt de toezichthouder.\n\n\
         3. Preventie\n\nWij vragen u om preventie een vaste plek te geven in de onderhandelingen.\n\n\
         {footer}Met vriendelijke groet,\n\nA. de Vries\n"
    ));
    assert_eq!(
        paragraphs(&l)[1],
        "Het aantal meldingen steeg tussen 2022 en 2024 met 65%. Zonder de Digital Services Act \
         blijft een groot deel van het materiaal buiten beeld, zo stelt de toezichthouder."
    );
    assert_eq!(headings(&l), vec![None, Some("3. Preventie")]);
}

/// The rest of a cut sentence after a repeated sidebar can be short and open with a capital
/// (a name): ending in a full stop, it is no heading, and joins the paragraph it ends.
#[test]
fn a_short_capitalised_end_of_a_sentence_is_joined_across_a_sidebar() {
    let l = ministry_letter(&format!(
        "Het is van groot belang dat het nieuwe Europese centrum, dat de lidstaten bij de uitvoering steunt, en de Juridische\n\n\
         {SIDEBAR}Dienst van de Raad over voldoende middelen beschikken.\n\n"
    ));
    assert_eq!(
        paragraphs(&l),
        vec![
            "Het is van groot belang dat het nieuwe Europese centrum, dat de lidstaten bij de \
             uitvoering steunt, en de Juridische Dienst van de Raad over voldoende middelen beschikken."
        ]
    );
}

/// The same with a note marker after the sentence (`beschikt.¹ De`): the short part is still
/// prose, not a heading, and the marker stays where it stood.
#[test]
fn a_short_paragraph_part_ending_a_noted_sentence_is_joined_across_a_sidebar() {
    let l = ministry_letter(&format!(
        "Een eerste alinea over de verordening, lang genoeg om gewoon lopende tekst te zijn in deze brief.\n\n\
         Het is van groot belang dat de toezichthouder over voldoende middelen beschikt.¹ De\n\n\
         ¹ Kamerstukken II 2024/25, 26643, nr. 1200.\n\n{SIDEBAR}\
         Autoriteit Persoonsgegevens concludeerde dat het voorstel een inbreuk op de privacy kan vormen.\n\n"
    ));
    assert_eq!(
        paragraphs(&l)[1],
        "Het is van groot belang dat de toezichthouder over voldoende middelen beschikt. De \
         Autoriteit Persoonsgegevens concludeerde dat het voorstel een inbreuk op de privacy kan vormen."
    );
    assert_eq!(headings(&l), vec![None]);
    assert_eq!(notes_of(&l, 1), vec![(1, 79)]);
}

/// In double-spaced PDF text a body line may start with the number the next note will have
/// (`20 maanden.21 Een ...`): followed by a blank line and more body text, it is the body
/// going on, not a note; the note block (single-spaced) defines the notes.
#[test]
fn a_body_line_starting_with_the_next_note_number_is_not_a_note() {
    let l = parse(&format!(
        "{OPENING}Een detectiebevel mag volgens het voorstel alleen na een rechterlijke toets worden gegeven.1 Dat staat \n\n\
         in artikel 7 van het voorstel, dat de Commissie in mei 2022 heeft gepubliceerd en waarover \n\n \n\
         1 Artikel 7 van het voorstel. \n \
         de Raad lang heeft gesproken. Het bevel geldt volgens de Raad.2 Ook dan geldt het voor ten hoogste \n\n\
         2 maanden. Daarna moet de rechter opnieuw toetsen of het bevel nog nodig is, zo \n\n\
         schrijft de Raad in zijn advies aan de regering van het land dat het bevel vraagt. \n\n \n\
         2 https://www.example.org/advies \n \
         Een nieuwe alinea na de pagina met de noten, lang genoeg om een volle regel te zijn. \n\n\
         Met vriendelijke groet,\n\nA. de Vries\n"
    ));
    assert_eq!(
        paragraphs(&l)[0],
        "Een detectiebevel mag volgens het voorstel alleen na een rechterlijke toets worden gegeven. \
         Dat staat in artikel 7 van het voorstel, dat de Commissie in mei 2022 heeft gepubliceerd en \
         waarover de Raad lang heeft gesproken. Het bevel geldt volgens de Raad. Ook dan geldt het \
         voor ten hoogste 2 maanden. Daarna moet de rechter opnieuw toetsen of het bevel nog nodig \
         is, zo schrijft de Raad in zijn advies aan de regering van het land dat het bevel vraagt."
    );
    assert_eq!(
        l.footnotes
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>(),
        vec![
            "Artikel 7 van het voorstel.",
            "https://www.example.org/advies"
        ]
    );
    assert_eq!(
        notes_of(&l, 0).iter().map(|n| n.0).collect::<Vec<_>>(),
        vec![1, 2]
    );
}

#[test]
fn a_sidebar_seen_once_in_the_body_is_removed_by_its_labels() {
    let l = parse(
        "Datum 3 februari 2025\nOns kenmerk 2025-1\n\n\
         Hierbij informeer ik uw Kamer over de stand van zaken rond de verordening, zoals toegezegd in het debat\n\n\
         Datum\n3 februari 2025\n\nOns kenmerk\n2025-1\n\n\
         van vorige week.\n",
    );
    assert_eq!(
        paragraphs(&l),
        vec![
            "Hierbij informeer ik uw Kamer over de stand van zaken rond de verordening, zoals toegezegd in het debat van vorige week."
        ]
    );
    assert_eq!(l.reference.as_deref(), Some("2025-1"));
}

#[test]
fn the_letter_date_in_its_forms_and_not_a_date_the_text_mentions() {
    let cases = [
        (
            "Leiden, 25 september 2023\n\n",
            "2023-09-25",
            Some("Leiden"),
        ),
        (
            " 5 december 2024, Leiden \n\n",
            "2024-12-05",
            Some("Leiden"),
        ),
        ("Datum 18 september 2024\n\n", "2024-09-18", None),
        ("Datum\n18 september 2023\n\n", "2023-09-18", None),
        ("Brussels, 2 July 2024\n\n", "2024-07-02", Some("Brussels")),
    ];
    for (header, date, place) in cases {
        let l = parse(&format!(
            "{header}Geachte heer,\n\nOp 28 september 2023 vergadert de raad over het voorstel.\n"
        ));
        assert_eq!(
            l.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{header:?}"
        );
        assert_eq!(l.place.as_deref(), place, "{header:?}");
    }
    let l = parse("Geachte heer,\n\nOp 28 september 2023 vergadert de raad over het voorstel.\n");
    assert_eq!(l.date, None);
    assert!(
        l.warnings.iter().any(|w| w.contains("no date")),
        "{:?}",
        l.warnings
    );
    let l = parse("Datum 31 juni 2023\n\nGeachte heer,\n\nTekst.\n");
    assert_eq!(l.date, None);
    let unread = "spec: line 1: the letter's date could not be read: Datum 31 juni 2023";
    assert!(l.warnings.contains(&unread.to_string()), "{:?}", l.warnings);
}

#[test]
fn closings_give_sender_and_signatories() {
    let l = parse(&format!(
        "{OPENING}Tekst.\n\nHoogachtend,\n\nNamens kernleden van het Voorbeeldcollectief, bestaande uit:\n\n\
         Jan Jansen, voorzitter Voorbeeldcollectief\n\n**Stichting Een**\n\n**Vereniging Twee**\n\n\
         Ook deze organisaties steunen de oproep:\n\n**Fonds Drie**\n\n*Voorbeeldcollectief*\n"
    ));
    assert_eq!(l.sender.as_deref(), Some("Voorbeeldcollectief"));
    assert_eq!(
        l.signed_by,
        vec![
            "Jan Jansen",
            "Stichting Een",
            "Vereniging Twee",
            "Fonds Drie"
        ]
    );
    let l = parse(&format!(
        "{OPENING}Tekst.\n\nMet vriendelijke groet,\n\nPiet Pietersen\n\nDirecteur-bestuurder Meldpunt Noord\n"
    ));
    assert_eq!(l.sender.as_deref(), Some("Meldpunt Noord"));
    assert_eq!(l.signed_by, vec!["Piet Pietersen"]);
    let l = parse(&format!(
        "{OPENING}Tekst.\n\nMet vriendelijke groet,\n\nDe directeur van Stichting Zuid,\n\nP. de Boer\n"
    ));
    assert_eq!(l.sender.as_deref(), Some("Stichting Zuid"));
    assert_eq!(l.signed_by, vec!["P. de Boer"]);
}

#[test]
fn recipients_from_address_blocks() {
    let l = parse(
        "# AFZENDER\n\nMinister van Justitie en Veiligheid Van Weel,  \nStaatssecretaris Rechtsbescherming Struycken,  \n\
         Minister van Buitenlandse Zaken Veldkamp\n\nDatum 18 september 2024\n\nGeachte bewindspersonen,\n\nTekst.\n",
    );
    assert_eq!(
        l.recipients,
        vec![
            "Minister van Justitie en Veiligheid Van Weel",
            "Staatssecretaris Rechtsbescherming Struycken",
            "Minister van Buitenlandse Zaken Veldkamp"
        ]
    );
    assert_eq!(l.sender.as_deref(), Some("Afzender"));
    let l = parse(
        "Commissie voor Digitale Zaken\nTweede Kamer\nT.a.v. De Commissievoorzitter\ncie@example.nl\n\n\
         Datum 4 september 2024\n\nTekst van de brief die lang genoeg is om als lopende tekst te gelden, met veel woorden erin.\n",
    );
    assert_eq!(
        l.recipients,
        vec![
            "Commissie voor Digitale Zaken",
            "Tweede Kamer",
            "De Commissievoorzitter"
        ]
    );
}

#[test]
fn odd_notes_become_warnings_naming_letter_and_line() {
    let l = parse(&format!(
        "{OPENING}Een zin met een noot.<sup>1</sup> En een zonder definitie.<sup>2</sup>\n\n\
         <sup>1</sup> Bron een.\n\n<sup>3</sup> Nooit geciteerd.\n\n<sup>1</sup> Nog eens een.\n"
    ));
    let w = l.warnings.join("\n");
    assert!(w.contains("spec:5: note marker 2 has no footnote"), "{w}");
    assert!(w.contains("spec:9: footnote 3 is never cited"), "{w}");
    assert!(w.contains("spec:11: footnote 1 is defined twice"), "{w}");
}

#[test]
fn odd_shapes_parse_without_panicking() {
    let inputs = [
        "",
        "\n\n\n",
        "# Kop\n\n## Kop\n\n### Kop\n",
        "¹ alleen een noot\n",
        "<sup>1</sup>",
        "<sup>x</sup> tekst <sup>",
        "1\n2\n3\n",
        "Hoogachtend,\n",
        "Geachte heer,\n",
        "a-\n\n-\n\n-b",
        "\u{1b}[31mrood\u{1b}[0m en \u{202e}omgekeerd",
        "¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵⁶⁷⁸⁹⁰ tekst",
        "[[[[[[(((((<<<<<****",
    ];
    for input in inputs {
        let l = parse(input);
        for (_, _, p) in l.paragraphs() {
            for n in &p.notes {
                assert!(n.at <= p.text.chars().count(), "{input:?}");
            }
            assert!(
                !p.text.contains('\u{1b}') && !p.text.contains('\u{202e}'),
                "{input:?}"
            );
        }
    }
}

/// Words of running text for the converted-PDF letters below: hard-wrapped at 80 columns by
/// [`wrap`], as `pdftotext` and PyMuPDF write a page.
const FILLER: &str = "Het kabinet werkt met de betrokken partijen aan een zorgvuldige uitwerking \
van de afspraken die in de afgelopen periode zijn gemaakt over de uitvoering van het beleid";

/// `n` sentences of running text, no two lines alike once wrapped (repeated lines are
/// furniture).
fn prose(n: usize) -> String {
    let subjects = [
        "De minister",
        "Het kabinet",
        "Een provincie",
        "De gemeente",
        "Het bureau",
    ];
    let verbs = [
        "bespreekt",
        "verkent",
        "onderzoekt",
        "beschrijft",
        "steunt",
        "volgt",
    ];
    let objects = [
        "de uitvoering van het beleid",
        "de gevolgen voor de regio",
        "een zorgvuldige uitwerking",
        "de afspraken met betrokken partijen",
        "het advies van de raad",
        "de kosten van de maatregelen",
        "een nieuwe aanpak",
    ];
    (0..n)
        .map(|k| {
            format!(
                "{} {} {} in de {} fase",
                subjects[k % 5],
                verbs[k % 6],
                objects[k % 7],
                [
                    "eerste", "tweede", "derde", "late", "vroege", "volgende", "laatste", "korte"
                ][k % 8]
            )
        })
        .collect::<Vec<_>>()
        .join(". ")
}

/// `text` hard-wrapped at 80 columns, one line per `\n`, no blank lines.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 80 {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// A converted ministry letter: head, `pages` (each page's text as it stands), closing.
fn converted(pages: &[String]) -> Letter {
    let mut text = String::from(
        "De voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n\
         2500 EA DEN HAAG\n\nDatum 3 februari 2023\nBetreft Voortgang\n\nGeachte voorzitter,\n",
    );
    for (k, page) in pages.iter().enumerate() {
        if k > 0 {
            text.push('\u{c}');
        }
        text.push_str(page);
    }
    text.push_str("\nDe Staatssecretaris van Infrastructuur en Waterstaat,\n\nA. Bakker\n");
    brieven::ingest::parse("spec", "spec", text.as_bytes())
}

/// Each note's number and text.
fn note_texts(letter: &Letter) -> Vec<(u32, &str)> {
    letter
        .footnotes
        .iter()
        .map(|n| (n.number, n.text.as_str()))
        .collect()
}

fn marker_after(letter: &Letter, number: u32) -> Option<String> {
    letter.paragraphs().find_map(|(_, _, p)| {
        let r = p.notes.iter().find(|r| r.number == number)?;
        let before: String = p.text.chars().take(r.at).collect();
        Some(
            before
                .chars()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect(),
        )
    })
}

#[test]
fn converted_pdf_notes_with_loose_markers_at_the_foot_of_each_page() {
    // Markers as converters leave superscripts: after a space, stuck to a capitalised word
    // and to a hyphenated one, after a closing bracket; definitions `n text` above the page
    // number, which kerning wrote `P agina`.
    let page1 = format!(
        "{}{}1 Zie ook de Nationale Grondstoffenstrategie.\n2 Ecodesign for Sustainable Products Regulation\nP agina 1 van 2\n",
        wrap(&format!("{FILLER} van onze grondstoffen 1. {FILLER}.")),
        wrap(&format!("We starten met textiel (via de ESPR2), {FILLER}.")),
    );
    let page2 = format!(
        "{}3 Het Bureau der Dienstverlening.\n4https://www.example.org/moties/detail?id=2022Z10845\nP agina 2 van 2\n",
        wrap(&format!(
            "{FILLER} bij het Bureau (BdDI)3 en met een HUF-toets4 nader in kaart gebracht."
        )),
    );
    let l = converted(&[page1, page2]);
    let numbers: Vec<u32> = l.footnotes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4], "{:?}", l.footnotes);
    assert_eq!(
        l.footnotes[1].text,
        "Ecodesign for Sustainable Products Regulation"
    );
    assert_eq!(
        l.footnotes[3].urls,
        vec!["https://www.example.org/moties/detail?id=2022Z10845"]
    );
    assert!(marker_after(&l, 1).unwrap().ends_with("onze grondstoffen"));
    assert!(marker_after(&l, 2).unwrap().ends_with("(via de ESPR"));
    assert!(marker_after(&l, 3).unwrap().ends_with("Bureau (BdDI)"));
    assert!(marker_after(&l, 4).unwrap().ends_with("een HUF-toets"));
    let body = paragraphs(&l).join("\n");
    assert!(
        !body.contains("agina") && !body.contains("Ecodesign"),
        "{body}"
    );
    assert!(body.contains("onze grondstoffen. Het kabinet"), "{body}");
    // Each paragraph knows its page, told by the form feed.
    assert_eq!(l.paragraphs().last().and_then(|(_, _, p)| p.page), Some(2));
}

#[test]
fn converted_pdf_note_numbers_printed_apart_from_their_texts() {
    // pdftotext prints a page's note numbers where it likes: two texts first and their numbers
    // last, a number after its text, a number on its own line before it.
    let page1 = format!(
        "{}Kamerstuk 33009, nr. 117.\nKamerstuk 33009, nr. 63.\n3\nHet EU-Kaderprogramma voor onderzoek.\n1\n2\n\nPagina 1 van 2\n",
        wrap(&format!(
            "{FILLER} van 11 november jl. 1, en met het innovatiebeleid 2 bundelen we de inzet \
             zoals Horizon Europe 3. {FILLER} en"
        )),
    );
    let page2 = format!(
        "{}\nhttps://www.example.org/moties/detail?id=2022Z10845&did=2022D222\n49; hieruit: de regering verzoekt\n5\n\nHUF: handhaafbaarheid en uitvoerbaarheid\n4\n\nPagina 2 van 2\n",
        wrap(&format!(
            "{FILLER} en een motie van het lid Mulder (CDA).4 {FILLER} met een toets5 nader."
        )),
    );
    let l = converted(&[page1, page2]);
    let texts = note_texts(&l);
    assert_eq!(texts[0], (1, "Kamerstuk 33009, nr. 117."), "{texts:?}");
    assert_eq!(texts[1], (2, "Kamerstuk 33009, nr. 63."));
    assert_eq!(texts[2], (3, "Het EU-Kaderprogramma voor onderzoek."));
    assert_eq!(texts[4], (5, "HUF: handhaafbaarheid en uitvoerbaarheid"));
    assert_eq!(
        l.footnotes[3].urls,
        vec!["https://www.example.org/moties/detail?id=2022Z10845&did=2022D22249"]
    );
    assert!(marker_after(&l, 1).unwrap().ends_with("11 november jl."));
    assert!(
        marker_after(&l, 2)
            .unwrap()
            .ends_with("het innovatiebeleid")
    );
    let body = paragraphs(&l).join("\n");
    assert!(
        !body.contains("Kamerstuk") && !body.contains("hieruit"),
        "{body}"
    );
}

#[test]
fn note_numbers_listed_apart_with_texts_that_wrap_and_a_footer_among_them() {
    // An EU document in pdftotext: one marker found in numbering order (`Market.1`), the
    // others after a comma and a space, stuck to a word and after a year's comma; the page's
    // numbers listed together, the page's language code, then their texts, the first wrapped
    // over two lines; the document number every page repeats in its footer.
    let page = |k: usize, body: String, notes: &str| {
        format!("{}{notes}\n9156/22\nPagina {k} van 3\n", wrap(&body))
    };
    let page1 = page(
        1,
        format!(
            "{FILLER} without the Single Market.1 With NextGenerationEU, 2 the Industrial \
             Plan3 and the address of 14 September 2022,4 there is {FILLER}."
        ),
        "1\n2\n3\n4\n\nEN\n\nCommunication on a Temporary Crisis and Transition Framework for State Aid measures (OJ C 101,\n\
         17.3.2023, p. 3).\nhttps://next-generation-eu.europa.eu/index_en\n\
         Communication on A Green Deal Industrial Plan, COM(2023) 62 final.\n\
         Speech of 4 December 2022, https://ec.europa.eu/commission/presscorner/detail/speech_22_7487",
    );
    let page2 = page(2, prose(30), "");
    let page3 = page(3, prose(31), "");
    let l = converted(&[page1, page2, page3]);
    let texts = note_texts(&l);
    assert_eq!(
        texts,
        vec![
            (
                1,
                "Communication on a Temporary Crisis and Transition Framework for State Aid \
                 measures (OJ C 101, 17.3.2023, p. 3)."
            ),
            (2, "https://next-generation-eu.europa.eu/index_en"),
            (
                3,
                "Communication on A Green Deal Industrial Plan, COM(2023) 62 final."
            ),
            (
                4,
                "Speech of 4 December 2022, https://ec.europa.eu/commission/presscorner/detail/speech_22_7487"
            ),
        ]
    );
    assert!(marker_after(&l, 1).unwrap().ends_with("Single Market."));
    assert!(marker_after(&l, 2).unwrap().ends_with("NextGenerationEU,"));
    assert!(marker_after(&l, 3).unwrap().ends_with("Industrial Plan"));
    assert!(marker_after(&l, 4).unwrap().ends_with("September 2022,"));
    let body = paragraphs(&l).join("\n");
    assert!(
        !body.contains("9156/22") && !body.contains("Speech"),
        "{body}"
    );
}

#[test]
fn section_numbers_printed_apart_from_their_titles() {
    // pdftotext prints a section's number in a column of its own: `1.1.` right under the
    // last line of a paragraph, the title after a blank line; `1.1` without its stop under a
    // chapter's heading, with a title that wraps once.
    let l = converted(&[format!(
        "{}1.1.\n\nMotivering en doel van het voorstel\n\n{}\n1. Ultrafijn stof\n1.1\n\n\
         Blootstelling van de omgeving van luchthavens aan ultrafijn stof\nvan de luchtvaart\n\n{}\n",
        wrap(&format!(
            "{} en de richtlijn zal worden ingetrokken.",
            prose(4)
        )),
        wrap(
            "Mobiliteit en vervoer zijn essentieel voor iedere Europese burger en voor onze hele \
             economie, en het vrije verkeer van personen en goederen is een van de fundamentele \
             vrijheden van de Unie."
        ),
        wrap(
            "Op 20 juni 2022 is het eindrapport van het onderzoeksprogramma naar de risico's van \
             ultrafijn stof aan de Kamer aangeboden, met de acties die al zijn uitgevoerd."
        ),
    )]);
    let heads: Vec<&str> = headings(&l).into_iter().flatten().collect();
    assert_eq!(
        heads,
        [
            "1.1. Motivering en doel van het voorstel",
            "1. Ultrafijn stof",
            "1.1 Blootstelling van de omgeving van luchthavens aan ultrafijn stof van de luchtvaart"
        ],
        "{:?}",
        paragraphs(&l)
    );
    assert!(paragraphs(&l)[0].ends_with("zal worden ingetrokken."));
}

#[test]
fn a_note_number_alone_over_its_text_after_the_note_before_it() {
    // PyMuPDF: no form feeds, each note's number on its own line over its text, the page's
    // number between the language codes. Marker 2 stuck to a year after a noun is missed, yet
    // its note, next after note 1 and over its own text, is no part of note 1.
    let body = wrap(&format!(
        "{} volgens de Rekenkamer1 en het werkprogramma 20212 van de Commissie.",
        prose(6)
    ));
    let l = parse(&format!(
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA  DEN HAAG\n\n\
         Datum 14 juli 2021\nBetreft Voorstel\n\nGeachte voorzitter,\n\n{body}\
         1\nEuropese Rekenkamer (2021): Speciaal verslag 05/2021: Infrastructuur voor het opladen van\n\
         elektrische voertuigen.\n2\nCOM(2020) 690 final.\nNL\n2\nNL\n{}",
        wrap(&format!("{}.", prose(3)))
    ));
    let texts = note_texts(&l);
    assert_eq!(
        texts,
        [
            (
                1,
                "Europese Rekenkamer (2021): Speciaal verslag 05/2021: Infrastructuur voor het \
                 opladen van elektrische voertuigen."
            ),
            (2, "COM(2020) 690 final.")
        ]
    );
}

#[test]
fn a_short_line_whose_next_word_would_not_have_fitted_is_no_heading() {
    // No blank lines (pdftotext): the line before `CSAM-verordening` is short, but that long
    // word would not have fitted after it, so the line wrapped there: no heading.
    let l = converted(&[format!(
        "{}Het rapport van Europol uit 2021 noemt 35.945 gevallen waarin de\n\
         CSAM-verordening tot een veroordeling leidde. Dat aantal is sindsdien gestegen, zoals\n\
         de tabel in de bijlage laat zien voor elk van de lidstaten afzonderlijk.\n",
        wrap(&format!(
            "{} zoals de Raad van State heeft gevraagd.",
            prose(3)
        ))
    )]);
    assert!(
        headings(&l).iter().all(Option::is_none),
        "{:?}",
        headings(&l)
    );
    assert!(
        paragraphs(&l)
            .iter()
            .any(|p| p.contains("gevallen waarin de CSAM-verordening tot")),
        "{:?}",
        paragraphs(&l)
    );
}

#[test]
fn a_page_number_over_the_pages_text_is_no_note() {
    // A bare page number `2` under note 1 and over the page's text, which goes on in lower
    // case: the page's furniture, neither note 2 nor part of note 1.
    let l = parse(
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA  DEN HAAG\n\n\
         Datum 14 juli 2021\nBetreft Voorstel\n\nGeachte voorzitter,\n\n\
         De minister bespreekt de uitvoering van het beleid in de eerste fase. Het kabinet\n\
         verkent de gevolgen voor de regio in de tweede fase en het werkprogramma van de\n\
         Commissie1 en de Raad nu. Het bureau steunt het advies in de fase van het programma en\n\
         1 Kamerstuk 33001, nr. 1.\n\n2\n\
         de tweede pagina loopt door. Het kabinet steunt het voorstel van de Commissie.\n\n\
         De minister van Justitie,\n\nA. Bakker\n",
    );
    assert_eq!(note_texts(&l), [(1, "Kamerstuk 33001, nr. 1.")]);
    assert!(
        paragraphs(&l)
            .iter()
            .any(|p| p.contains("programma en de tweede pagina loopt door")),
        "{:?}",
        paragraphs(&l)
    );
}

#[test]
fn converted_pdf_paragraphs_and_headings_without_blank_lines() {
    // pdftotext's default: no blank line anywhere. A paragraph ends at a short line that ends
    // a sentence; a heading is a short line without final stop between sentences.
    let page = format!(
        "{}Het Nationaal Programma Circulaire Economie 2023-2030 (NPCE)\n{}{}",
        wrap(&format!("{FILLER}. {FILLER} in het kort.")),
        wrap(&format!(
            "In het NPCE zijn concrete doelen geformuleerd. {FILLER}, en dat"
        )) + "geldt ook nu.\n",
        wrap(&format!("Een tweede alinea begint hier. {FILLER}.")),
    );
    let l = converted(&[page]);
    assert_eq!(
        headings(&l),
        vec![
            None,
            Some("Het Nationaal Programma Circulaire Economie 2023-2030 (NPCE)")
        ]
    );
    let p = paragraphs(&l);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[1].starts_with("In het NPCE") && p[2].starts_with("Een tweede alinea"));
}

#[test]
fn a_bnc_fiche_form_with_chapters_fields_and_bare_page_numbers() {
    // The government's form on a Commission proposal, as PyMuPDF writes it: the title line
    // is the subject, the body opens at chapter 1, each field `a)` is a heading of its own,
    // a line ending in `nr.` goes on, a marker stands before a closing quote, and the page
    // numbers stand alone at the top of each page.
    let mut text = String::from(
        "1\nFiche 1: Wijziging verordeningen betreffende instant payments in euro\n\n\
         1. Algemene gegevens\na) Titel voorstel\n\
         Verordening van het Europees Parlement en de Raad tot wijziging van Verordeningen (EU) nr.\n\
         260/2012 wat betreft instantovermakingen in euro\n\nb) Datum ontvangst Commissiedocument\n\
         26 oktober 2022\n\n2. Essentie voorstel\na) Inhoud voorstel\n",
    );
    text.push_str(&wrap(&format!(
        "In september 2020 publiceerde de Commissie haar “Retail Payments Strategy1”. {}, en",
        prose(20)
    )));
    text.push_str(
        "\n1 Communication from the Commission on a Retail Payments Strategy for the EU.\n\n2\n",
    );
    text.push_str(&wrap(&format!(
        "onder andere instant payments aan te jagen2. {}.",
        prose(20)
    )));
    text.push_str("\n2 De architectuur voor instant payment.\n\n3\n");
    text.push_str(&wrap(&format!("{}.", prose(20))));
    let l = brieven::ingest::parse("spec", "spec", text.as_bytes());
    assert_eq!(
        l.subject.as_deref(),
        Some("Fiche 1: Wijziging verordeningen betreffende instant payments in euro")
    );
    let h = headings(&l);
    assert!(
        h.contains(&Some("1. Algemene gegevens"))
            && h.contains(&Some("a) Titel voorstel"))
            && h.contains(&Some("2. Essentie voorstel")),
        "{h:?}"
    );
    let p = paragraphs(&l);
    assert!(
        p.contains(&"Verordening van het Europees Parlement en de Raad tot wijziging van Verordeningen (EU) nr. 260/2012 wat betreft instantovermakingen in euro"),
        "{p:?}"
    );
    assert!(marker_after(&l, 1).unwrap().ends_with("Payments Strategy"));
    assert_eq!(l.footnotes.len(), 2, "{:?}", l.footnotes);
    // The paragraph cut by the notes and the page number is one again.
    assert!(
        p.iter()
            .any(|p| p.contains("fase, en onder andere instant")),
        "{p:?}"
    );
}

#[test]
fn notes_at_page_feet_go_on_past_a_marker_the_sequence_missed() {
    // Marker 2 stands after a space that follows a number (not a year), so no rule finds it;
    // the notes of the pages after it are still found.
    let page1 = format!(
        "{}1 Kamerstuk 33009, nr. 117.\n2 Kamerstuk 33009, nr. 63.\nPagina 1 van 2\n",
        wrap(&format!(
            "{FILLER} volgens de Deltacommissaris1 en in punt 12 2 is {FILLER}."
        )),
    );
    let page2 = format!(
        "{}3 Kamerstuk 22112, nr. 3157.\nPagina 2 van 2\n",
        wrap(&format!(
            "{FILLER} zoals vastgelegd in een overeenkomst3. {FILLER}."
        )),
    );
    let l = converted(&[page1, page2]);
    let numbers: Vec<u32> = l.footnotes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, vec![1, 2, 3], "{:?}", l.footnotes);
    let refs: Vec<u32> = l
        .paragraphs()
        .flat_map(|(_, _, p)| p.notes.iter().map(|r| r.number))
        .collect();
    assert_eq!(refs, vec![1, 3], "{:?}", paragraphs(&l));
    assert!(marker_after(&l, 3).unwrap().ends_with("een overeenkomst"));
}

#[test]
fn two_signing_offices_give_the_first_as_sender_and_both_names() {
    let l = parse(
        "Den Haag, 3 oktober 2024\n\nGeachte voorzitter,\n\nHierbij ontvangt u de brief over het beleid van ons beider ministeries.\n\n\
         Hoogachtend,\n\nDE MINISTER VAN VOORBEELDZAKEN,\n\nA. Jansen\n\nDE STAATSSECRETARIS VAN VOORBEELDZAKEN,\n\ndrs. B.C. de Vries\n",
    );
    assert_eq!(l.sender.as_deref(), Some("MINISTER VAN VOORBEELDZAKEN"));
    assert_eq!(l.signed_by, ["A. Jansen", "drs. B.C. de Vries"]);
}

#[test]
fn notes_a_format_states_are_sanitised_as_the_text_is() {
    use brieven::ingest::document::{Builder, Format, Role};
    let mut b = Builder::new(Format::Docx);
    b.text("Een zin met een noot.");
    b.marker(1);
    b.end_line(Role::Paragraph, 0, false);
    b.note(
        1,
        "Zie \u{1b}]0;PWNED\u{7} en \u{202e}omgekeerd.",
        vec!["https://example.org/\u{1b}[2J".into()],
        0,
    );
    let l = brieven::ingest::parse_document("x", "x.docx", &b.finish());
    assert_eq!(l.footnotes.len(), 1);
    let note = &l.footnotes[0];
    let unsafe_in = |s: &str| s.chars().any(brieven::text::is_unsafe_char);
    assert!(!unsafe_in(&note.text), "{:?}", note.text);
    assert!(note.urls.iter().all(|u| !unsafe_in(u)), "{:?}", note.urls);
    assert!(note.text.contains("PWNED"), "{:?}", note.text);
}

/// An open letter as a blog posts it in Markdown: the poster's introduction, the letter under a
/// heading of its own with its salutation, and `Signed,` over a list of organisations.
const POSTED_LETTER: &str = "---\ntitle: \"Open letter on the regulation\"\ndate: 2024-01-22\n---\n\n\
We join our voices to the companies and associations that ask the ministers to keep encryption safe for everyone.\n\n\
A copy of the letter is below.\n\n\
## Open letter on the regulation\n\n\
Dear Ministers of Justice of the Member States,\n\n\
We write to you as small companies from Europe, concerned about the proposal for a regulation on scanning messages.\n\n\
Signed,\n\n\
- Example Foundation (Ireland)\n\
- Sample Mail GmbH (Germany)\n\
- Voorbeeld B.V. (Netherlands)\n\n\
Supporters:\n\n\
- Another Association\n";

fn read_md(text: &str) -> Letter {
    brieven::ingest::read_file("spec", "spec.md", Some("md"), text.as_bytes()).unwrap()
}

#[test]
fn a_salutation_after_a_posts_introduction_names_the_recipients_and_leaves_the_body() {
    let letter = read_md(POSTED_LETTER);
    assert_eq!(
        letter.recipients,
        vec!["Ministers of Justice of the Member States".to_string()]
    );
    let body = paragraphs(&letter);
    assert!(body.iter().all(|p| !p.starts_with("Dear")), "{body:?}");
    assert!(body[0].starts_with("We join our voices"), "{body:?}");
    assert!(
        body.iter().any(|p| p.starts_with("We write to you")),
        "{body:?}"
    );
}

#[test]
fn signed_over_a_list_makes_every_organisation_a_signatory_and_none_the_sender() {
    let letter = read_md(POSTED_LETTER);
    assert_eq!(
        letter.signed_by,
        vec![
            "Example Foundation (Ireland)",
            "Sample Mail GmbH (Germany)",
            "Voorbeeld B.V. (Netherlands)",
            "Another Association",
        ]
    );
    assert_eq!(letter.sender, None);
    assert!(paragraphs(&letter).iter().all(|p| !p.contains("Signed")));
}

#[test]
fn a_markdown_sites_html_images_and_first_heading_are_not_the_letters_text() {
    let letter = read_md(
        "---\ndate:\n    created: 2025-09-08T18:00:00Z\n---\n\n# Stop the scanning now\n\n\
         ![A protest with a sign](../img/cover.webp)\n\n\
         <small aria-hidden=\"true\">Illustration: Someone / Site</small>\n\n\
         If you have heard of the proposal already, bad news: it is back, and we must act to stop it this week.<!-- more -->\n\n\
         <div class=\"admonition question\" markdown>\n<p class=\"admonition-title\">How to stop this?</p>\n\n\
         Contact your <a href=\"https://example.eu\">representatives</a> before the deadline on Friday, and tell them to oppose it.\n</div>\n",
    );
    assert_eq!(letter.subject.as_deref(), Some("Stop the scanning now"));
    assert_eq!(letter.sender, None);
    assert_eq!(
        letter.date.map(|d| d.to_string()).as_deref(),
        Some("2025-09-08")
    );
    let text = paragraphs(&letter).join("\n");
    for gone in [
        "protest",
        "Illustration",
        "more",
        "<",
        "admonition",
        "Stop the scanning",
    ] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    assert!(
        text.contains("Contact your representatives before the deadline"),
        "{text}"
    );
}

/// A Markdown letter that cites with `[^n]` and lists its sources after a rule at its end.
const SOURCES_AFTER_RULE: &str = "# Brief aan de vaste commissie\n\nDen Haag, 3 maart 2024\n\n\
Geachte leden van de vaste commissie,\n\n\
Detectie van nieuw materiaal is volgens de Europese toezichthouder niet betrouwbaar genoeg voor een verplichting.[^1] Dat schreef ook de Raad van State.\n\n\
Wij vragen u daarom het voorstel niet te steunen.[^2]\n\n\
Dit blijft een heel gewone slotalinea van de brief aan de commissie, zonder noot.\n\n\
Met vriendelijke groet,\n\nStichting Voorbeeld\n\n---\n\n\
1. EDPS, Opinion 7/2022, https://edps.europa.eu/opinion-7-2022\n\
2. Raad van State, advies W16.22.0180,\n   https://www.raadvanstate.nl/advies\n";

#[test]
fn a_numbered_list_after_a_rule_at_the_end_is_the_notes_its_markers_cite() {
    let letter = read_md(SOURCES_AFTER_RULE);
    let notes = &letter.footnotes;
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0].number, 1);
    assert!(
        notes[0].text.starts_with("EDPS, Opinion 7/2022"),
        "{notes:?}"
    );
    assert_eq!(notes[1].urls, vec!["https://www.raadvanstate.nl/advies"]);
    assert_eq!(letter.signed_by, Vec::<String>::new());
    assert_eq!(letter.sender.as_deref(), Some("Stichting Voorbeeld"));
    // The H1 is the subject, not the sender.
    assert_eq!(
        letter.subject.as_deref(),
        Some("Brief aan de vaste commissie")
    );
}

#[test]
fn a_one_sentence_paragraph_ending_in_its_note_marker_is_no_heading() {
    let letter = read_md(SOURCES_AFTER_RULE);
    assert_eq!(headings(&letter), vec![None]);
    let body = paragraphs(&letter);
    let k = body
        .iter()
        .position(|p| p.starts_with("Wij vragen u"))
        .unwrap_or_else(|| panic!("{body:?}"));
    assert_eq!(body[k], "Wij vragen u daarom het voorstel niet te steunen.");
    assert_eq!(notes_of(&letter, k), vec![(2, 49)]);
}

/// A Kamerbrief's head without salutation, as converters give it.
const KAMERBRIEF_HEAD: &str = "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n\
    2500 EA DEN HAAG\n\nDatum 3 februari 2023\nBetreft Voortgang\n\n";

const KAMERBRIEF_BODY: &str = "Hierbij informeer ik u over de voortgang van het programma dat wij vorig jaar \
    met de provincies zijn begonnen.\nDe minister van Voorbeeldzaken heeft daarover met de provincies gesproken en \
    afspraken gemaakt.\n\n";

#[test]
fn a_signing_office_without_comma_or_valediction_opens_the_closing() {
    // In capitals, without its comma.
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}DE MINISTER VAN VOORBEELDZAKEN\n\n\n\nA. Jansen\n\nPagina 1 van 1\n"
    ));
    assert_eq!(l.sender.as_deref(), Some("MINISTER VAN VOORBEELDZAKEN"));
    assert_eq!(l.signed_by, ["A. Jansen"]);
    assert_eq!(paragraphs(&l).len(), 1, "{:?}", paragraphs(&l));
    // A name with its titles in lower case is no part of the office.
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}DE MINISTER VAN VOORBEELDZAKEN\ndrs. K.L. Voorbeeld\n"
    ));
    assert_eq!(l.sender.as_deref(), Some("MINISTER VAN VOORBEELDZAKEN"));
    assert_eq!(l.signed_by, ["drs. K.L. Voorbeeld"]);
    // The office's name going on over the next line, up to its comma.
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}De Staatssecretaris van Voorbeeldzaken\nen Proefwerk,\n\nmr. drs. B.C. van der Berg\n"
    ));
    assert_eq!(
        l.sender.as_deref(),
        Some("Staatssecretaris van Voorbeeldzaken en Proefwerk")
    );
    assert_eq!(l.signed_by, ["mr. drs. B.C. van der Berg"]);
    // A portfolio under the office is neither the office's name nor a signatory.
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}De staatssecretaris van Voorbeeldzaken\nDigitale Proeven en Zaken\n\nAnna C. de Groot\n"
    ));
    assert_eq!(
        l.sender.as_deref(),
        Some("staatssecretaris van Voorbeeldzaken")
    );
    assert_eq!(l.signed_by, ["Anna C. de Groot"]);
    // A sentence that starts with an office is running text.
    assert!(
        paragraphs(&l)[0].ends_with("afspraken gemaakt."),
        "{:?}",
        paragraphs(&l)
    );
}

#[test]
fn a_name_with_its_office_under_it_is_a_closing() {
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}\n\nM.A.M. Voorbeeld\nMinister van Voorbeeldzaken en Proefwerk\n\n15\n\nKamerstuk 33009, nr. 117.\nPagina 8 van 8\n"
    ));
    assert_eq!(
        l.sender.as_deref(),
        Some("Minister van Voorbeeldzaken en Proefwerk")
    );
    assert_eq!(l.signed_by, ["M.A.M. Voorbeeld"]);
    assert!(
        paragraphs(&l)
            .iter()
            .all(|p| !p.contains("Voorbeeld\n") && !p.contains("M.A.M.")),
        "{:?}",
        paragraphs(&l)
    );
}

#[test]
fn a_signature_over_a_notes_url_is_no_contact_blocks_name() {
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}Hoogachtend,\nDE MINISTER VAN VOORBEELDZAKEN,\n\nMark Voorbeeld\n\n\
         https://www.example.org/documenten/adviezen/2021/rapport\n16\n\nPagina 9 van 9\n"
    ));
    assert_eq!(l.signed_by, ["Mark Voorbeeld"]);
}

#[test]
fn an_annex_after_the_signature_is_text_not_a_signatory() {
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}Hoogachtend,\nDE STAATSSECRETARIS VAN VOORBEELDZAKEN,\n\ndrs. V.W. Voorbeeld\n\n\
         Pagina 6 van 7\n\nBijlage: Mogelijke aanvullende maatregelen\nIn het programma zijn alleen maatregelen en acties opgenomen \
         waar we middelen voor hebben.\nVoor de volgende maatregelen zijn nog geen middelen.\n"
    ));
    assert_eq!(l.signed_by, ["drs. V.W. Voorbeeld"]);
    assert!(
        headings(&l).contains(&Some("Bijlage: Mogelijke aanvullende maatregelen")),
        "{:?}",
        headings(&l)
    );
    assert!(
        paragraphs(&l)
            .iter()
            .any(|p| p.starts_with("In het programma"))
    );
    // An enclosure named under the signature, with no text after it, is no signatory.
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}{KAMERBRIEF_BODY}Hoogachtend,\n\nDE MINISTER VAN VOORBEELDZAKEN,\n\nA. Jansen\n\nBijlage: rapport\n"
    ));
    assert_eq!(l.signed_by, ["A. Jansen"]);
}

#[test]
fn a_letter_of_one_short_sentence_above_its_signature() {
    let l = parse(
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA  DEN HAAG\n\n\
         Datum 11 februari 2022\nBetreft voorstel van rijkswet over het orgaan\n \n\
         Hierbij bied ik u inzake het bovenvermelde voorstel een nota aan. \n  \n\
         De staatssecretaris van Voorbeeldzaken \n \n \nAlexandra C. de Groot \nPagina 1 van 1\n",
    );
    assert_eq!(
        paragraphs(&l),
        ["Hierbij bied ik u inzake het bovenvermelde voorstel een nota aan."]
    );
    assert_eq!(l.signed_by, ["Alexandra C. de Groot"]);
    assert_eq!(
        l.subject.as_deref(),
        Some("voorstel van rijkswet over het orgaan")
    );
}

#[test]
fn labels_and_values_printed_apart_are_paired_in_order() {
    let l = parse(&format!(
        "> Retouradres Postbus 20901 2500 EX Den Haag\nDe voorzitter van de Tweede Kamer\nder Staten-Generaal\n\
         Postbus 20018\n2500 EA DEN HAAG\n\nKenmerk\nVZ/2023/33017\n\nDatum\nBetreft\n\n3 februari 2023\n\
         Nationaal Programma Voorbeeldzaken 2023-2030\n(NPV) en de reactie op het advies\n\nBijlage(n)\n4\n\n\
         Geachte voorzitter,\n{KAMERBRIEF_BODY}Hoogachtend,\n\nDE MINISTER VAN VOORBEELDZAKEN,\n\nA. Jansen\n"
    ));
    assert_eq!(
        l.subject.as_deref(),
        Some("Nationaal Programma Voorbeeldzaken 2023-2030 (NPV) en de reactie op het advies")
    );
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2023-02-03"));
    assert_eq!(l.reference.as_deref(), Some("VZ/2023/33017"));
}

#[test]
fn a_kamer_addressee_broken_over_interleaved_letterhead_lines() {
    let tail = format!(
        "\nDatum 11 februari 2022\nBetreft Voortgang\n \n{KAMERBRIEF_BODY}DE MINISTER VAN VOORBEELDZAKEN\n\nA. Jansen\n"
    );
    // `der Staten-Generaal` under a line of the letterhead.
    let l = parse(&format!(
        "> Retouradres Postbus 20011 2500 EA Den Haag\nMinisterie van\n \nVoorbeeldzaken en\n\
         Aan de Voorzitter van de Tweede Kamer\nProefrelaties\nder Staten-Generaal\nTurfmarkt 147\nPostbus 20018\n{tail}"
    ));
    assert_eq!(
        l.recipients,
        ["Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    // The letterhead appended to the addressee's line; a copy to the other chamber.
    let l = parse(&format!(
        "> Retouradres Postbus 20701 2500 ES Den Haag\nde Voorzitter van de Tweede Kamer Ministerie van Voorbeeldzaken\n \n\
         der Staten-Generaal\nPlein 4\n\nAfschrift aan\nde Voorzitter van de Eerste Kamer\nder Staten-Generaal\n{tail}"
    ));
    assert_eq!(
        l.recipients,
        ["de Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    // `pdftotext -layout`: the letterhead's column beside the address block.
    let l = parse(&format!(
        "> Retouradres Postbus 20901 2500 EX D en Haag\n\n\nDe voorzitter van de Tweede Kamer                       Ministerie van\n\
         \x20                                                       Voorbeeldzaken en\n\
         der Staten-Generaal                                     Proefwerk\nPostbus 20018                                           Rijnstraat 8\n{tail}"
    ));
    assert_eq!(
        l.recipients,
        ["De voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    assert_eq!(l.place.as_deref(), Some("Den Haag"));
    // Cut at its hyphen.
    let l = parse(&format!(
        "Aan de Voorzitter van de Tweede Kamer der Staten-\nVoorbeeldzaken en\nGeneraal\nProefrelaties\nPostbus 20018\n{tail}"
    ));
    assert_eq!(
        l.recipients,
        ["Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
}

#[test]
fn a_letterheads_standing_request_and_copy_label_run_through_the_body() {
    let l = parse(
        "de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n\
         Datum 22 maart 2022\nBetreft Voortgang\n\nOnze referentie\nBS2022006964\n\n\
         De vaste commissie voor Defensie heeft mij op 24 februari 2022 een aantal vragen\n\
         Bij beantwoording datum,\nonze referentie en betreft\n\
         en opmerkingen voorgelegd over het jaarplan van de kustwacht in het Caribisch\nvermelden.\n\
         gebied, waarop ik u met deze brief graag een eerste antwoord geef. Het antwoord\nAfschrift aan\n\
         zelf volgt later, zodra de afstemming met de betrokken partijen rond is.\n\n\
         DE MINISTER VAN VOORBEELDZAKEN\n\ndrs. K.L. Voorbeeld\n",
    );
    assert_eq!(l.reference.as_deref(), Some("BS2022006964"));
    let text = paragraphs(&l).join(" | ");
    assert!(
        text.contains("aantal vragen en opmerkingen") && !text.contains("beantwoording"),
        "{text}"
    );
    assert!(
        !text.contains("vermelden") && !text.contains("Afschrift"),
        "{text}"
    );
}

#[test]
fn a_subject_whose_label_stands_under_its_first_line_among_letterhead_lines() {
    let letter = |head: &str| {
        parse(&format!(
            "> Retouradres Postbus 20701 2500 ES Den Haag\nde Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\n\
             Ministerie van Voorbeeldzaken\n\n{head}\n\n{KAMERBRIEF_BODY}DE MINISTER VAN VOORBEELDZAKEN\n\nA. Jansen\n"
        ))
    };
    let l = letter(
        "Plein 4\nDatum 22 maart 2022 MPC 58 B\nPostbus 20701\nUitstelbrief beantwoording van de vragen van de vaste\n\
         Betreft\n2500 ES Den Haag\ncommissie over het Jaarplan 2022\nwww.example.nl\nvan de Kustwacht",
    );
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Uitstelbrief beantwoording van de vragen van de vaste commissie over het Jaarplan 2022 van de Kustwacht"
        )
    );
    let l = letter(
        "Plein 4\nDatum 6 januari 2022\nPostbus 20701\nGereedstelling MQ-9 Reaper\nBetreft\n2500 ES Den Haag\nwww.example.nl",
    );
    assert_eq!(l.subject.as_deref(), Some("Gereedstelling MQ-9 Reaper"));
    // A subject's second line with a year is no street.
    let l =
        letter("Datum 15 december 2021\nBetreft Vaststelling bedragen Caribisch\nNederland 2022");
    assert_eq!(
        l.subject.as_deref(),
        Some("Vaststelling bedragen Caribisch Nederland 2022")
    );
    // A label the converter appended after a gap ends the subject; its value is not the
    // subject's.
    let l = letter(
        "Datum 8 december 2021\nBetreft Reactie verzoek bescherming reservaat en\n\
         klimaatadaptatie Caribisch Nederland  Uw kenmerk\n2021Z16799/ 2021D38407",
    );
    assert_eq!(
        l.subject.as_deref(),
        Some("Reactie verzoek bescherming reservaat en klimaatadaptatie Caribisch Nederland")
    );
}

#[test]
fn running_text_right_under_the_subject_ends_it() {
    let l = parse(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n\nKenmerk\n2023-0000147334\n\
         Datum 29 maart 2023\nBetreft Bijgestelde planning wetswijziging\n1\n\
         Zoals ik al eerder in mijn brief d.d. 7 maart 2022 heb aangegeven streeft het\n\
         kabinet naar een gelijkwaardiger voorzieningenniveau voor Caribisch Nederland.\n\n\
         De staatssecretaris van Voorbeeldzaken\n\nA. Jansen\n",
    );
    assert_eq!(
        l.subject.as_deref(),
        Some("Bijgestelde planning wetswijziging")
    );
    assert!(
        paragraphs(&l)[0].starts_with("Zoals ik al eerder"),
        "{:?}",
        paragraphs(&l)
    );
}

#[test]
fn a_row_of_labels_over_a_row_of_values_and_the_senders_letterhead_over_the_address() {
    let l = parse(
        "Voorbeeldautoriteit\nPostbus 93374, 2509 AJ  Den Haag\nBezuidenhoutseweg 30, 2594 AV  Den Haag\n\
         T 070 8888 500 - F 070 8888 501\nvoorbeeldautoriteit.nl\n\n\
         De Minister van Voorbeeldzaken\nPostbus 90801\n2509 LV Den Haag\n\n\
         Datum Kenmerk Uw brief van\n18 februari 2021 z2020-18479 30 oktober 2020\n\n\
         Contactpersoon Uw kenmerk\n070 8888 500 2020-0000136527\n\n\
         Onderwerp\nAdvies over het concept\n\n\
         Bij brief van 30 oktober 2020 is de Voorbeeldautoriteit op grond van het bepaalde in artikel 36 geraadpleegd.\n\n\
         Hoogachtend,\n\nVoorbeeldautoriteit,\n",
    );
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2021-02-18"));
    assert_eq!(l.reference.as_deref(), Some("z2020-18479"));
    assert_eq!(l.recipients, ["De Minister van Voorbeeldzaken"]);
    assert_eq!(l.sender.as_deref(), Some("Voorbeeldautoriteit"));
}

#[test]
fn a_letterhead_line_appended_to_a_body_line_is_cut_off() {
    // The reference every page repeats, appended to a line of page 2.
    let page = |k: usize| {
        format!(
            "Ministerie van Voorbeeldzaken\nOns kenmerk\nVZ / 26844711\n\n{}\n",
            wrap(&prose(6 + k))
        )
    };
    let mut pages = vec![page(0), page(1)];
    pages[1] = pages[1].replacen(
        "VZ / 26844711\n\n",
        "VZ / 26844711\n\nDe minister bespreekt de uitvoering van het beleid en geeft nadere VZ / 26844711\nrichting aan de inzet van het kabinet.\n",
        1,
    );
    let l = converted(&pages);
    let text = paragraphs(&l).join(" | ");
    assert!(text.contains("geeft nadere richting"), "{text}");
    assert!(!text.contains("26844711"), "{text}");
    // The value of a bare reference label, appended to the body line under it.
    let l = parse(&format!(
        "{KAMERBRIEF_HEAD}Met deze brief informeer ik u dat Defensie vanaf begin februari over een nieuw systeem beschikt.\n\
         Onze referentie\nHet systeem zal initieel worden ontplooid op de Forward Operating Location (FOL) BS2021027543\n\
         op de luchthaven Hato op Curaçao, vooralsnog tot uiterlijk 16 december 2022.\n\n\
         DE MINISTER VAN VOORBEELDZAKEN\n\nA. Jansen\n"
    ));
    assert_eq!(l.reference.as_deref(), Some("BS2021027543"));
    let text = paragraphs(&l).join(" | ");
    assert!(
        text.contains("(FOL) op de luchthaven") && !text.contains("BS20"),
        "{text}"
    );
}

#[test]
fn a_heading_used_in_a_few_chapters_of_a_long_letter_is_no_running_header() {
    // Sixteen pages, each under the letterhead's running lines and over its page number;
    // three chapters each with `Problematiek` and `Inzet`.
    let pages: Vec<String> = (0..16)
        .map(|k| {
            let chapter = if k % 5 == 1 {
                format!("{}. Hoofdstuk {}\nProblematiek\n", k / 5 + 1, k / 5 + 1)
            } else if k % 5 == 2 {
                "Inzet\n".to_string()
            } else {
                String::new()
            };
            format!(
                "Ministerie van Voorbeeldzaken\nKenmerk\nVZ/2023/1\n\n{chapter}{}\nPagina {} van 16\n",
                wrap(
                    &(0..6)
                        .map(|j| format!("Zin {j} op blad {k} beschrijft de uitvoering van het beleid in de regio."))
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                k + 1
            )
        })
        .collect();
    let l = converted(&pages);
    let found: Vec<&str> = headings(&l).into_iter().flatten().collect();
    assert_eq!(
        found.iter().filter(|h| **h == "Problematiek").count(),
        3,
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|h| **h == "Inzet").count(),
        3,
        "{found:?}"
    );
    let text = paragraphs(&l).join(" | ");
    assert!(!text.contains("Ministerie van Voorbeeldzaken"), "{text}");
}

#[test]
fn a_ministry_named_over_interleaved_lines_is_the_sender_when_nothing_else_names_one() {
    let l = parse(
        "> Retouradres Postbus 20011 2500 EA  Den Haag\nMinisterie van \n \nVoorbeeldzaken en \n\
         Aan de Voorzitter van de Tweede Kamer\nProefrelaties\nder Staten-Generaal\nTurfmarkt 147\nPostbus 20018\n\
         Datum 8 maart 2022\nBetreft Hoofdlijnen beleid\n \n\
         Digitalisering heeft onze samenleving in de afgelopen decennia veranderd. Het is verweven geraakt met\n\
         bijna alles wat we doen, op de Agenda Digitale Grondrechten en Ethiek van de VNG 19.\n\n\
         19\n https://example.org/publicaties/agenda-digitale-grondrechten\nPagina 20 van 20\n",
    );
    assert_eq!(
        l.sender.as_deref(),
        Some("Ministerie van Voorbeeldzaken en Proefrelaties")
    );
}

#[test]
fn lone_markers_of_a_letter_whose_first_notes_are_missing() {
    // The text of a letter some pages of which are missing: its notes start at 5 and skip 8;
    // a marker's line under it may be short when it shows the gap (`de VNG .`); the number in
    // a heading is below every note the letter defines, so no marker.
    let l = parse(
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA  DEN HAAG\n\n\
         Datum 8 maart 2022\nBetreft Hoofdlijnen\n\nGeachte voorzitter,\n\n\
         Wij lichten de thema’s hieronder één voor één kort toe.  \n    \n\
         Thema 1: Digitaal fundament \n\
         Veel meer bedrijven in essentiële en belangrijke sectoren krijgen te maken met \n5\n\
         wettelijke verplichtingen  op het gebied van cybersecurity, zoals eerder gemeld.\n \n\
         We bouwen voort op de Agenda Digitale Grondrechten en Ethiek van \n9\nde VNG . \n \n\
         5\n Een zorgplicht om systemen te beveiligen \n9\n https://vng.nl/publicaties/agenda \n\
         Pagina 20 van 20\n",
    );
    let numbers: Vec<u32> = l.footnotes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [5, 9], "{:?}", l.footnotes);
    assert_eq!(l.footnotes[1].urls, ["https://vng.nl/publicaties/agenda"]);
    let m5 = marker_after(&l, 5).unwrap();
    assert!(m5.ends_with("lijke verplichtingen"), "{m5}");
    let m9 = marker_after(&l, 9).unwrap();
    assert!(m9.ends_with("van de VNG"), "{m9}");
    assert!(marker_after(&l, 1).is_none());
    assert!(
        headings(&l).contains(&Some("Thema 1: Digitaal fundament")),
        "{:?}",
        headings(&l)
    );
}

#[test]
fn note_markers_a_converter_set_on_lines_of_their_own_are_raised_again() {
    let l = parse(
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA  DEN HAAG\n\n\
         Datum 14 december 2021\nBetreft Stand van zaken\n\nGeachte voorzitter,\n\n\
         Het programma is de afgelopen jaren uitgebreid van negentien aandoeningen naar\n\
         vijfentwintig. Mijn voornemen tot deze uitbreiding maakte ik uw Kamer kenbaar in mijn \n1\n\
         Kamerbrief van 21 december 2017 . Ook krijgen de sectoren te maken met wettelijke \n2\n\
         verplichtingen  op het gebied van cybersecurity, zoals ik u eerder schreef.\n \n\
         1\n Kamerstuk 29 323, nr. 120 \n2\n Kamerstuk 29 323, nr. 146 \nPagina 4 van 4\n",
    );
    let numbers: Vec<u32> = l.footnotes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [1, 2], "{:?}", l.footnotes);
    assert_eq!(l.footnotes[0].text, "Kamerstuk 29 323, nr. 120");
    let m1 = marker_after(&l, 1).unwrap();
    assert!(m1.ends_with("21 december 2017"), "{m1}");
    let m2 = marker_after(&l, 2).unwrap();
    assert!(m2.ends_with("lijke verplichtingen"), "{m2}");
    assert!(
        paragraphs(&l)[0].contains("kenbaar in mijn Kamerbrief"),
        "{:?}",
        paragraphs(&l)
    );
}

/// The cover of a Commission proposal as pdftotext prints it: the institution in capitals over
/// two lines, place and date, the document's number and the procedure's, the act it proposes
/// and its title, then the cover's furniture (the EEA note, the documents it comes with in
/// braces, the language code in both corners) before the explanatory memorandum.
const EU_COVER: &str = "EUROPEAN\nCOMMISSION\n\nBrussels, 20.6.2023\nCOM(2023) 335 final\n\
    2023/0199 (COD)\n\nProposal for a\nREGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\
    establishing the Example Platform and amending Directive 2003/87/EC and Regulations (EU)\n\
    2021/1058 and (EU) 2021/241\n\n(Text with EEA relevance)\n\
    {SEC(2023) 336 final} - {SWD(2023) 337 final}\n\nEN\n\nEN\n\nEXPLANATORY MEMORANDUM\n\n";

#[test]
fn an_eu_cover_gives_sender_reference_and_subject_and_stays_out_of_the_body() {
    let l = parse(&format!(
        "{EU_COVER}The Union is an attractive destination for investments, and the \
         Platform\nwould allow it to react quickly to the risks its industry faces in the years \
         to\ncome, as the Council asked in its conclusions of last March.\n"
    ));
    assert_eq!(l.sender.as_deref(), Some("European Commission"));
    assert_eq!(l.reference.as_deref(), Some("COM(2023) 335 final"));
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL \
             establishing the Example Platform and amending Directive 2003/87/EC and \
             Regulations (EU) 2021/1058 and (EU) 2021/241"
        )
    );
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2023-06-20"));
    assert_eq!(l.place.as_deref(), Some("Brussels"));
    assert!(l.recipients.is_empty(), "{:?}", l.recipients);
    assert_eq!(headings(&l), [Some("EXPLANATORY MEMORANDUM")]);
    let texts = paragraphs(&l);
    assert_eq!(texts.len(), 1, "{texts:#?}");
    assert!(texts[0].starts_with("The Union is"), "{texts:#?}");
}

/// The head of a Council document as pdftotext prints it: the Council's name, a French date
/// line (`Bruxelles, le 18 mai 2022`), the document's number alone, and the head table's
/// labels and values in blocks of their own (the converter prints its two columns apart).
#[test]
fn a_council_note_head_with_its_table_printed_apart() {
    let l = parse(
        "Conseil de\nl'Union européenne\nBruxelles, le 18 mai 2022\n(OR. en, fr)\n9156/22\n\
         LIMITE\nESPACE 53\nNOTE\nOrigine:\n\nSecrétariat général du Conseil\n\nDestinataire:\n\n\
         Comité des représentants permanents\n\nObjet:\n\nPréparation du Conseil Compétitivité \
         (Marché intérieur,\nIndustrie, Recherche et Espace) 9-10 juin 2022\n- Approbation\n\n\
         Les conclusions du Conseil ont été préparées en vue du Conseil Compétitivité prévu le 10\n\
         juin 2022, et la Présidence a proposé ce projet de conclusions pour en préparer les axes.\n",
    );
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2022-05-18"));
    assert_eq!(l.place.as_deref(), Some("Bruxelles"));
    assert_eq!(l.reference.as_deref(), Some("9156/22"));
    assert_eq!(l.sender.as_deref(), Some("Secrétariat général du Conseil"));
    assert_eq!(l.recipients, ["Comité des représentants permanents"]);
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Préparation du Conseil Compétitivité (Marché intérieur, Industrie, Recherche et \
             Espace) 9-10 juin 2022 - Approbation"
        )
    );
}

/// Labels over each other with their values in a block of their own below (`Datum` /
/// `Betreft`, then the date and the subject) are no label with its value in the next block.
#[test]
fn labels_over_each_other_do_not_take_the_next_block_as_one_value() {
    let l = parse(
        "Aan de Voorzitter van de Tweede Kamer\n\nDatum\nBetreft\n\n3 februari 2023\n\
         Voortgang van het beleid\n\nGeachte voorzitter,\n\nHierbij informeer ik uw Kamer over \
         de voortgang.\n",
    );
    assert_ne!(
        l.subject.as_deref(),
        Some("3 februari 2023 Voortgang van het beleid")
    );
}

/// A Council note as pdftotext prints it: each chapter's number (`I.`) and each point's
/// (`1.`) in a column of their own, printed on a line apart from their text; the footer's
/// pieces on every page (`COMPET.2`, which ends in a stop and a digit like a sentence with a
/// marker); a note's marker stuck to the year of a date (`29 November 20191,`); the notes'
/// numbers listed apart from their texts.
#[test]
fn a_council_note_in_pdftotext_chapters_points_footer_and_notes() {
    let footer =
        |page: u32| format!("\n9156/22\n\nCDP/FB/nj\nCOMPET.2\n\nLIMITE\n\n{page}\n\nFR/EN\n");
    let mut text = String::from(
        "Bruxelles, le 18 mai 2022\n9156/22\nNOTE\nOrigine:\n\nSecrétariat général du Conseil\n\n\
         Objet:\n\nConclusions sur Copernicus\n\nI.\n\nINTRODUCTION\n\n1.\n\n",
    );
    text.push_str(&wrap(&format!(
        "Les conclusions du Conseil sur Copernicus ont été préparées en vue du Conseil \
         Compétitivité prévu le 10 juin 2022. {}.",
        prose(6)
    )));
    text.push_str(&footer(1));
    text.push('\u{c}');
    text.push_str("II.\n\nETAT DES LIEUX\n\n2.\n\n");
    text.push_str(&wrap(&format!(
        "Le groupe Espace a examiné le projet de conclusions lors de six réunions depuis le \
         18 janvier 2022. {}.",
        prose(7)
    )));
    text.push_str(&footer(2));
    text.push('\u{c}');
    text.push_str("ANNEX\n\nA.\n\n");
    text.push_str(&wrap(&format!(
        "the conclusions of 29 November 20191, on Space solutions for a sustainable Arctic, \
         recognising Europe's remarkable capabilities in Earth observation, {};",
        prose(3)
    )));
    text.push_str("\nB.\n\n");
    text.push_str(&wrap(&format!(
        "the conclusions of 4 June 20202, on Space for a sustainable Europe, underlining that \
         European space data may contribute to the Green Deal, {};",
        prose(4)
    )));
    text.push_str("\n1\n2\n\n14603/19.\n8512/20.\n");
    text.push_str(&footer(3));
    text.push('\u{c}');
    text.push_str(&wrap(&format!(
        "The Council recommends that the Commission and the Member States take these \
         conclusions into account in the programme's next phase. {}.",
        prose(8)
    )));
    text.push_str(&footer(4));
    let l = brieven::ingest::parse("spec", "spec", text.as_bytes());
    let heads: Vec<&str> = headings(&l).into_iter().flatten().collect();
    assert_eq!(
        heads,
        ["I. INTRODUCTION", "II. ETAT DES LIEUX", "ANNEX"],
        "{:#?}",
        l.sections
    );
    let texts = paragraphs(&l);
    assert!(
        texts[0].starts_with("1. Les conclusions du Conseil"),
        "{texts:#?}"
    );
    let body = texts.join("\n");
    for furniture in ["COMPET", "CDP/FB/nj", "FR/EN", "LIMITE"] {
        assert!(!body.contains(furniture), "{furniture} in {body}");
    }
    // (The footer's document number, which has no letter, still ends the last note.)
    let notes: Vec<(u32, &str)> = l
        .footnotes
        .iter()
        .map(|n| (n.number, n.text.split_whitespace().next().unwrap_or("")))
        .collect();
    assert_eq!(notes, [(1, "14603/19."), (2, "8512/20.")]);
    assert!(
        marker_after(&l, 1)
            .unwrap()
            .ends_with("of 29 November 2019")
    );
    assert!(marker_after(&l, 2).unwrap().ends_with("of 4 June 2020"));
    let points: Vec<&str> = texts.iter().map(|t| &t[..t.len().min(16)]).collect();
    assert!(points.contains(&"A. the conclusio"), "{points:?}");
}

/// The notes of an EU document's page as pdftotext prints them: the numbers, then the
/// language code of the page's corner (`NL`), then the texts, then the page number and the
/// code of the other corner before the form feed.
#[test]
fn a_language_code_between_notes_and_their_texts_is_no_page_end() {
    let mut text = String::from(
        "EUROPESE\nCOMMISSIE\n\nBrussel, 14.7.2021\nCOM(2021) 559 final\n\nVoorstel voor een\n\
         VERORDENING VAN HET EUROPEES PARLEMENT EN DE RAAD\nbetreffende de uitrol van \
         infrastructuur\n\nNL\n\nNL\n\n\u{c}TOELICHTING\n",
    );
    text.push_str(&wrap(&format!(
        "In december 2019 heeft de Commissie de mededeling 1 over de Green Deal aangenomen. \
         {FILLER}. In december 2020 volgde de mededeling2 over duurzame mobiliteit. {FILLER}."
    )));
    text.push_str("1\n2\n\nNL\n\nCOM(2019) 640 final.\nCOM(2020) 789 final.\n\n1\n\nNL\n\n\u{c}");
    text.push_str(&wrap(&format!("{FILLER} en zo verder.")));
    text.push_str("\nNL\n\n2\n\nNL\n");
    let l = brieven::ingest::parse("spec", "spec", text.as_bytes());
    let notes: Vec<(u32, &str)> = l
        .footnotes
        .iter()
        .map(|n| (n.number, n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [(1, "COM(2019) 640 final."), (2, "COM(2020) 789 final.")]
    );
}

/// A footer that pdftotext -layout prints across the page on one line, with the page's number
/// in it, is furniture on every page; numbered headings that differ only in their number
/// (`Article 1`, `Article 2`) are not.
#[test]
fn a_footer_spread_across_the_page_with_its_page_number_is_furniture() {
    let mut text = String::from("Bruxelles, le 18 mai 2022\n\n");
    for page in 1..=4 {
        if page > 1 {
            text.push('\u{c}');
        }
        text.push_str(&format!("Article {page}\n\n"));
        text.push_str(&wrap(&format!("{}.", prose(4 + page))));
        text.push_str(&format!(
            "\n9156/22                         CDP/FB/nj                       {page}\n"
        ));
    }
    let l = brieven::ingest::parse("spec", "spec", text.as_bytes());
    let body = paragraphs(&l).join("\n");
    assert!(!body.contains("CDP/FB/nj"), "{body}");
    for article in ["Article 2", "Article 3", "Article 4"] {
        let kept = body.contains(article) || headings(&l).contains(&Some(article));
        assert!(kept, "{article} missing: {body}");
    }
}

#[test]
fn a_page_number_and_labels_over_their_values_are_no_addressees() {
    // PyMuPDF: the page's number over the letterhead, the address block running on into the
    // labels, each label's value on the line under it.
    let l = parse(
        " \n1 \n> Retouradres Postbus 20301 2500 EH Den Haag \nAan de Voorzitter van de Tweede Kamer \n\
         der Staten-Generaal \nPostbus 20018 \n2500 EA DEN HAAG \nDatum \n14 februari 2025 \nBetreft \n\
         Oproep over de verordening \n \nGeachte Voorzitter, \n \n\
         Het kabinet steunt het voorstel onder voorwaarden, zoals eerder aan uw Kamer gemeld. \n \n\
         De Minister van Justitie en Veiligheid, \n \nA. Bakker \n",
    );
    assert_eq!(
        l.recipients,
        ["Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    assert_eq!(l.date, brieven::model::Date::ymd(2025, 2, 14));
    assert_eq!(l.subject.as_deref(), Some("Oproep over de verordening"));
}

#[test]
fn page_numbers_at_the_top_of_two_pages_end_the_first_pages_notes() {
    // PyMuPDF, two pages, no form feeds: `1` over the first page, `2` over the second; the
    // first page's notes stand at its foot, right above the `2`.
    let l = parse(&format!(
        " \n1 \nAan de Voorzitter van de Tweede Kamer \nder Staten-Generaal \nPostbus 20018 \n\
         2500 EA DEN HAAG \nDatum 14 februari 2025 \nBetreft Oproep \n \nGeachte Voorzitter, \n \n\
         {}het Handvest van 2019-2024 1 de grondrechten en de berichtprocedure kan vormen 2. \n{} \n\
         1 Kamerbrief van 2 juli 2021 over het detectiebevel en de gevolgen voor \n\
         berichtvraag, Kamerstuk 31 789, nr. 13. \n\
         2https://www.europarl.europa.eu/2025/bewijsinstantie-9443 \n \n2 \n\
         Offlimits is sextortion alleen aanvaardbaar met een heldere onderzoeksregistratie. \n \n\
         De Minister van Onderwijs, Cultuur en Wetenschap, \n \nHanneke Smit \n",
        wrap(&format!("{}. Volgens het WODC is", prose(4))),
        wrap(&prose(5)).trim_end()
    ));
    assert_eq!(
        note_texts(&l),
        [
            (
                1,
                "Kamerbrief van 2 juli 2021 over het detectiebevel en de gevolgen voor \
                 berichtvraag, Kamerstuk 31 789, nr. 13."
            ),
            (
                2,
                "https://www.europarl.europa.eu/2025/bewijsinstantie-9443"
            )
        ]
    );
    assert!(marker_after(&l, 1).unwrap().ends_with("van 2019-2024"));
}

#[test]
fn a_salutation_the_first_paragraph_goes_on_after_names_the_recipient() {
    let letter = brieven::ingest::read_file(
        "spec",
        "spec.md",
        Some("md"),
        "---\ntitle: An open letter on encryption\ndate: 2020-03-07\n---\n\n\
         To Senator Jane Roe, I'm writing this open letter.\n\n\
         As your constituent and an engineer, I am disappointed in your support of the act, \
         which does not protect our children and harms the freedoms of our citizens.\n\n\
         Sincerely,\nJohn Doe\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(letter.recipients, ["Senator Jane Roe"]);
    assert_eq!(letter.salutation.as_deref(), Some("To Senator Jane Roe,"));
    assert_ne!(
        letter.sender.as_deref(),
        Some("To Senator Jane Roe, I'm writing this open letter.")
    );
    let paras = paragraphs(&letter);
    assert_eq!(
        paras[0], "To Senator Jane Roe, I'm writing this open letter.",
        "{paras:?}"
    );
    assert!(paras[1].starts_with("As your constituent"), "{paras:?}");
}
