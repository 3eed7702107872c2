//! Sentence splitting on sentences of the embedded letters (quoted as the parser gives
//! them), and on every paragraph of those letters.

use super::*;
use crate::corpus::Corpus;

/// The sentences of `text` as strings.
fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn numbers_with_commas_and_stops_stay_inside_a_sentence() {
    // Twaalf kinderrechtenorganisaties, ¶ 3.
    let text = "In 2023 ontving het National Center for Missing & Exploited Children (NCMEC) 36,2 \
        miljoen meldingen van online platforms, goed voor meer dan 100 miljoen beelden en video's \
        van kindermisbruik. Dit is waarschijnlijk slechts het topje van de ijsberg. Nederland \
        speelt hierin een zeer zorgwekkende rol: bijna 33% van de door de Internet Watch \
        Foundation (IWF) geïdentificeerde URL's met seksueel kindermisbruik materiaal werd gehost \
        in Nederland. Het meest alarmerend: 98% van deze afbeeldingen en video’s toont kinderen \
        jonger dan 14 jaar, waaronder baby’s en peuters. Hierbij is in 2023 bij baby’s en \
        peuters een sterke toename te zien van kindermisbruik materiaal in de meest ernstige en \
        gewelddadige categorie (Category A).";
    let got = sentences(text);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(got[0].starts_with("In 2023") && got[0].contains("36,2 miljoen"));
    assert!(got[0].ends_with("van kindermisbruik."));
    assert_eq!(
        got[1],
        "Dit is waarschijnlijk slechts het topje van de ijsberg."
    );
    assert!(got[4].ends_with("(Category A)."));
    // Kinderrechtencollectief: a number with a thousands stop, an abbreviation in capitals.
    let text = "Dat blijkt uit de Flash Eurobarometer-enquête onder ruim 26.000 EU-burgers uit 27 \
        lidstaten. Een grote meerderheid van de Europeanen en zelfs meer Nederlanders (EU 73% - NL \
        77%) zien online seksueel misbruik van kinderen als een wijdverbreid probleem.";
    let got = sentences(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].ends_with("27 lidstaten."));
    // A section number: `1.1` has no space after its stop.
    assert_eq!(
        sentences("Zie paragraaf 1.1 Reikwijdte voor de definities. Daarna volgt 2.3."),
        [
            "Zie paragraaf 1.1 Reikwijdte voor de definities.",
            "Daarna volgt 2.3."
        ]
    );
}

#[test]
fn abbreviations_and_initials_end_no_sentence() {
    // Minister van Justitie en Veiligheid, ¶ 1: `jl.` and `c.s.` before lower case.
    let text = "In een tweeminutendebat op 20 april jl. diende het lid Van Ginneken c.s. een motie \
        in over de Europese Verordening ter bestrijding en voorkoming van seksueel \
        kindermisbruik. Hierin wordt de regering verzocht om:";
    let got = sentences(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[1].starts_with("Hierin"));
    // `nr.` before a number, then a stop after a bracket.
    let text = "Uw Kamer heb ik op 28 juni jl. geïnformeerd over de beslissing van het kabinet \
        (Kamerstukken II 2022/23, 26643, nr. 1043). Uw Kamer heeft mij tijdens het \
        commissiedebat verzocht om een nadere onderbouwing.";
    let got = sentences(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].ends_with("nr. 1043)."));
    // A note of the same letter: `o.a.`, then initials before names.
    let text = "Zie o.a.: Child Sex Abuse Images and Exploitation Materials, R. Broadhurst, \
        Australian National University Cybercrime Observatory. Tweede bron: T.J. Holt, J. Holt, \
        J. Cale, B. Leclerc & J. Drew, Aggression and Violent Behavior.";
    let got = sentences(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[1].starts_with("Tweede bron: T.J. Holt"));
    // The abbreviations the issue names, before capitals too.
    for text in [
        "Platforms, bijv. Meta en Google, melden dit.",
        "Dit raakt o.a. Nederland en België.",
        "Zoals art. 7 van de verordening bepaalt.",
        "Zie Kamerstuk 26643, nr. 1043 voor meer.",
        "Hashes, e.g. PhotoDNA, vinden bekend materiaal.",
        "The order, i.e. Europe's detection order, stays.",
        "Minister D. Yeşilgöz-Zegerius schreef dit.",
        "Dit geldt sinds 3 sept. 2024 voor iedereen.",
    ] {
        assert_eq!(sentences(text), [text], "{text}");
    }
    // `etc.` may end one.
    assert_eq!(
        sentences("Foto's, video's etc. Dit alles telt."),
        ["Foto's, video's etc.", "Dit alles telt."]
    );
}

#[test]
fn note_markers_stay_with_their_sentence() {
    // Twaalf kinderrechtenorganisaties as pdftotext gives it: plain digits glued to the stop.
    let text = "Ieder jaar worden wereldwijd meer dan 300 miljoen kinderen slachtoffer van \
        seksueel misbruik online.2 Het is echter geen ver-van-ons-bed-show. In Nederland heeft \
        maar liefst 68% van de 18-jarigen ten minste één vorm van online seksueel geweld \
        ervaren.3 Maar liefst 55% van de Nederlandse jongeren werd gevraagd.";
    let got = sentences(text);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[0].ends_with("online.2"));
    assert!(got[2].ends_with("ervaren.3"));
    // Superscript markers, as the Markdown letters write them.
    let text = "zowel Apple als de ouders krijgen hier geen notificatie van.⁸ Deze techniek wordt \
        gebruikt.¹² Einde.";
    let got = sentences(text);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[0].ends_with("van.⁸") && got[1].ends_with("gebruikt.¹²"));
    // A list's number opens a paragraph without ending a sentence; `?` and `!` end one.
    assert_eq!(
        sentences("1. Waarom is er wetgeving nodig? Omdat het kan! ‘Nu’ zei hij."),
        [
            "1. Waarom is er wetgeving nodig?",
            "Omdat het kan!",
            "‘Nu’ zei hij."
        ]
    );
}

#[test]
fn every_paragraph_of_the_embedded_letters_is_covered_once() {
    let corpus = Corpus::embedded();
    let mut total = 0;
    for letter in &corpus.letters {
        for (_, _, p) in letter.paragraphs() {
            let ranges = split(&p.text);
            // The ratio below is the letters'; the act's points and template fields are short.
            if !letter.is_act() {
                total += ranges.len();
            }
            let mut covered = 0;
            for (i, r) in ranges.iter().enumerate() {
                let s = &p.text[r.clone()];
                assert!(!s.is_empty() && s.trim() == s, "{s:?}");
                if i > 0 {
                    let gap = &p.text[ranges[i - 1].end..r.start];
                    assert!(!gap.is_empty() && gap.trim().is_empty(), "{gap:?}");
                }
                covered += s.chars().filter(|c| !c.is_whitespace()).count();
            }
            let all = p.text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(covered, all, "{}: {}", letter.id, p.text);
        }
    }
    // More sentences than paragraphs: the split does split.
    let paragraphs: usize = corpus
        .letters
        .iter()
        .filter(|l| !l.is_act())
        .map(|l| l.paragraphs().count())
        .sum();
    assert!(
        total > paragraphs * 2,
        "{total} sentences, {paragraphs} paragraphs"
    );
}
