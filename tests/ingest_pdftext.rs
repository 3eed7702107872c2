//! PDF text as pdftotext writes a ministry letter without `-layout`: no blank lines between
//! paragraphs, notes at each page's foot over `Pagina n van m`, and a converter's plain digits
//! for the markers: stuck to a word, after a bracket, or set apart by a space.

use brieven::ingest::parse;
use brieven::model::{Letter, ParagraphKind};

/// The letterhead every letter here opens with, as pdftotext prints a ministry's first page.
const HEAD: &str = "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n\
                    2500 EA DEN HAAG\nDatum\n8 april 2022\nBetreft\nAdvies over detectie\n\
                    Geachte Voorzitter,\n";

/// The letter whose body is `body`.
fn letter_of(body: &str) -> Letter {
    parse("spec", "spec", format!("{HEAD}{body}").as_bytes())
}

/// The numbers of the notes the letter defines.
fn defined(l: &Letter) -> Vec<u32> {
    l.footnotes.iter().map(|n| n.number).collect()
}

/// The numbers of the markers in the letter's paragraphs, in their order.
fn cited(l: &Letter) -> Vec<u32> {
    l.paragraphs()
        .flat_map(|(_, _, p)| p.notes.iter().map(|n| n.number))
        .collect()
}

const LETTER: &str =
    "Daarbij verdient de positie van slachtoffers een structurele plek1 in het beleid. Daarom
pleiten wij voor een heldere toets en een periodieke evaluatie van de maatregelen die de
Raad voorstelt. Het rapport van het onderzoeksinstituut uit 2020 noemt 34.452 gevallen
waarin een melding tot een veroordeling leidde. In de triloog van maart 2019 werd
gesproken over vrijwillige detectie en over de bewaartermijn. De Europese Commissie
stelt in haar effectbeoordeling dat de interim-verordening jaarlijks
22.769 kinderen kan helpen.2
Volgens de toezichthouder is de algemene oriëntatie alleen aanvaardbaar met een
rechterlijke toets vooraf, en dat staat in het voorstel nog niet vast. Volgens cijfers
van de politie ging het in 2023 om
1 Kamerstukken II 2024/25, 26643, nr. 1186.
2 Impact assessment bij COM(2022) 209, p. 12.
Pagina 1 van 2
\u{c}10.411 unieke afbeeldingen en video's. Het is van groot belang dat de toezichthouder
(EDPB)3 over voldoende middelen beschikt. In de triloog van november 2021 werd gesproken
over vrijwillige detectie en in 2019 4 over de meldplicht van aanbieders. Aanbieders van
berichtendiensten wijzen erop dat het voorstel technisch niet te, 5 verenigen is met
end-to-end encryptie. Wij verzoeken u de minister te vragen om dit standpunt in de Raad
te steunen.
De Minister van Justitie en Veiligheid,
T. Wójcik
3 https://edps.europa.eu/2020/beleidsverzoek-9377
4 Kamerbrief van 26 september 2022 over de meldplicht en de gevolgen voor
de aanbieders, Kamerstuk 31 301, nr. 125.
5 Zie Bits of Freedom, rapport over encryptie, 2020, p. 62.
Pagina 2 van 2
\u{c}";

fn letter() -> Letter {
    letter_of(LETTER)
}

/// The notes of page 2 stand under the signature; both ways of reading them find notes 1-5,
/// and every marker is found in numbering order: the spaced ones too (`in 2019 4 over`, `te,
/// 5 verenigen`), which only the pages' loose digits tell.
#[test]
fn every_marker_of_both_pages_in_numbering_order() {
    let l = letter();
    assert_eq!(defined(&l), [1, 2, 3, 4, 5]);
    assert_eq!(cited(&l), [1, 2, 3, 4, 5]);
    let text: String = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert!(text.contains("en in 2019 over de meldplicht"), "{text}");
    assert!(text.contains("technisch niet te, verenigen"), "{text}");
    assert_eq!(
        l.footnotes[3].text,
        "Kamerbrief van 26 september 2022 over de meldplicht en de gevolgen voor de \
         aanbieders, Kamerstuk 31 301, nr. 125."
    );
}

/// A line that opens with a count written with a thousands separator (`22.769 kinderen`) is
/// the sentence going on, not a section numbered 22.769; its marker stays a marker.
#[test]
fn a_count_at_a_line_start_is_no_section_number() {
    let l = letter();
    assert!(
        l.sections.iter().all(|s| s.heading.is_none()),
        "{:?}",
        l.sections.iter().map(|s| &s.heading).collect::<Vec<_>>()
    );
    let first = l.paragraphs().next().unwrap().2;
    assert!(
        first
            .text
            .ends_with("jaarlijks 22.769 kinderen kan helpen."),
        "{}",
        first.text
    );
    let numbers: Vec<u32> = first.notes.iter().map(|n| n.number).collect();
    assert_eq!(numbers, [1, 2]);
}

/// A page whose last body lines start with a count that wrapped (`2 maanden. Daarom ...`),
/// between note 2's marker and its definition at the page's foot; note 3's marker is set apart
/// (`te, 3`), which only the pages' loose digits find.
const COUNT_AT_LINE_START: &str =
    "Daarbij verdient de positie van slachtoffers een structurele plek1 in het beleid. Het is
van groot belang dat de toezichthouder (EDPB)2 over voldoende middelen beschikt. Een
detectiebevel mag alleen na een rechterlijke toets worden gegeven, voor ten hoogste
2 maanden. Daarom pleiten wij voor een heldere toets en een periodieke evaluatie van de
maatregelen die de Raad voorstelt, en voor een onafhankelijk toezicht op de uitvoering.
1 Kamerstukken II 2024/25, 26643, nr. 1186.
2 https://edps.europa.eu/2020/beleidsverzoek-9377
Pagina 1 van 2
\u{c}Aanbieders van berichtendiensten wijzen erop dat het voorstel technisch niet te, 3
verenigen is met end-to-end encryptie. Wij verzoeken u de minister te vragen om dit
standpunt in de Raad te steunen.
De Minister van Justitie en Veiligheid,
T. Wójcik
3 Zie Bits of Freedom, rapport over encryptie, 2020, p. 62.
Pagina 2 van 2
\u{c}";

/// A line that starts with the number of a note cited and not yet defined is no definition
/// when what follows the number is what it counts (`2 maanden.`): the sentence goes on, and
/// note 2 is the one the page's foot defines.
#[test]
fn a_count_that_wrapped_is_no_note() {
    let l = letter_of(COUNT_AT_LINE_START);
    let notes: Vec<(u32, &str)> = l
        .footnotes
        .iter()
        .map(|n| (n.number, n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "Kamerstukken II 2024/25, 26643, nr. 1186."),
            (2, "https://edps.europa.eu/2020/beleidsverzoek-9377"),
            (
                3,
                "Zie Bits of Freedom, rapport over encryptie, 2020, p. 62."
            ),
        ]
    );
    let first = l.paragraphs().next().unwrap().2;
    assert!(
        first
            .text
            .contains("voor ten hoogste 2 maanden. Daarom pleiten wij"),
        "{}",
        first.text
    );
}

/// PyMuPDF's form: each note's number alone on its line over its text. Note 2's marker
/// stands where a day would (`in 2024 2 maart`) and is not found; its number alone over a
/// text, next after note 1, still opens note 2, and the markers after it count on from there.
const NUMBERS_OVER_TEXTS: &str =
    "Daarbij verdient de positie van slachtoffers een structurele plek1 in het beleid. Wij
verzoeken u de minister te vragen om dit standpunt in de Raad te steunen.
1
Kamerstukken II 2024/25, 26643, nr. 1186.
Pagina 1 van 3
\u{c}Het kabinet heeft in 2024 2 maart 2021 aangegeven dat de toets onder voorwaarden
mogelijk moet blijven. Wij verzoeken u de minister te vragen om (NCTV)3 dit in de Raad
te steunen.
2
Kamerbrief van 9 april 2023 over de interim-verordening en de gevolgen voor
het toezicht, Kamerstuk 30 326, nr. 97.
3
Zie de Juridische Dienst van de Raad, rapport over de verordening, 2024, p. 18.
Pagina 2 van 3
\u{c}Aanbieders van berichtendiensten wijzen erop dat het voorstel technisch niet te
verenigen is met end-to-end encryptie.4 Wij verzoeken u dit standpunt te steunen.
De Minister van Justitie en Veiligheid,
T. Wójcik
4
https://www.rijksoverheid.nl/2023/beschermingprocedure-4194
Pagina 3 van 3
";

#[test]
fn a_note_whose_marker_was_missed_keeps_the_notes_after_it() {
    let l = letter_of(NUMBERS_OVER_TEXTS);
    assert_eq!(defined(&l), [1, 2, 3, 4]);
    assert_eq!(
        l.footnotes[1].text,
        "Kamerbrief van 9 april 2023 over de interim-verordening en de gevolgen voor het \
         toezicht, Kamerstuk 30 326, nr. 97."
    );
    assert_eq!(cited(&l), [1, 3, 4]);
}

/// A Commission memorandum as pdftotext prints its lists: each bullet (`–`) alone on its line,
/// on every page. A bullet repeats as lists do, so it is no page furniture; the short item
/// after it, in a list of such items, is an item with its marker (`(ETS)2`), not a heading.
const BULLETED: &str = "Brussels, 20.6.2023
COM(2023) 335 final
EXPLANATORY MEMORANDUM
The EU has several funds that already support the green and digital transitions of the
Member States, as the following list sets out in the order of their size.1
–

The Recovery and Resilience Facility offers unprecedented opportunities to Member
States to finance green and digital investments and reforms.

–

Drawing on the revenues from the EU Emission Trading System (ETS)2
–

The Modernisation Fund provides substantial support to the beneficiary Member
States to accelerate their energy transition.
1 COM(2023) 62 final.
2 Based on a carbon price of EUR 80 / ton CO2eq.
\u{c}The Union also supports research, as the following programmes show in their turn.
–

Horizon Europe will dedicate EUR 20.2 billion to research and development of clean
technologies, biotech and medicines.

–

The Digital Europe Programme provides support to digital technologies.
–

The European Defence Fund supports research and development of defence technology.
\u{c}";

#[test]
fn bullets_alone_on_their_lines_make_items_not_furniture() {
    let l = parse("spec", "spec", BULLETED.as_bytes());
    assert!(
        l.sections.iter().all(|s| s.heading.is_none()),
        "{:?}",
        l.sections.iter().map(|s| &s.heading).collect::<Vec<_>>()
    );
    let items: Vec<&str> = l
        .paragraphs()
        .filter(|(_, _, p)| p.kind == ParagraphKind::ListItem)
        .map(|(_, _, p)| p.text.as_str())
        .collect();
    assert_eq!(items.len(), 6, "{items:#?}");
    assert_eq!(
        items[1],
        "Drawing on the revenues from the EU Emission Trading System (ETS)"
    );
    assert_eq!(cited(&l), [1, 2]);
}
