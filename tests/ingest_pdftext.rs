//! PDF text as pdftotext writes a ministry letter without `-layout`: no blank lines between
//! paragraphs, notes at each page's foot over `Pagina n van m`, and a converter's plain digits
//! for the markers: stuck to a word, after a bracket, or set apart by a space.

use brieven::ingest::parse;
use brieven::model::Letter;

const LETTER: &str = "Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG
Datum
8 april 2022
Betreft
Advies over detectie
Geachte Voorzitter,
Daarbij verdient de positie van slachtoffers een structurele plek1 in het beleid. Daarom
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
    parse("spec", "spec", LETTER.as_bytes())
}

/// The notes of page 2 stand under the signature; both ways of reading them find notes 1-5,
/// and every marker is found in numbering order: the spaced ones too (`in 2019 4 over`, `te,
/// 5 verenigen`), which only the pages' loose digits tell.
#[test]
fn every_marker_of_both_pages_in_numbering_order() {
    let l = letter();
    let notes: Vec<u32> = l.footnotes.iter().map(|n| n.number).collect();
    assert_eq!(notes, [1, 2, 3, 4, 5]);
    let cited: Vec<u32> = l
        .paragraphs()
        .flat_map(|(_, _, p)| p.notes.iter().map(|n| n.number))
        .collect();
    assert_eq!(cited, [1, 2, 3, 4, 5]);
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
