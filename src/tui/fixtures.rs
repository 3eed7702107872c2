//! Hand-made letters for the reader's unit and snapshot tests, so exact content is known
//! whatever ingestion does.

use brieven::model::{Date, Footnote, Letter, NoteRef, Paragraph, ParagraphKind, Section, Stance};

use super::app::App;
use super::theme::Theme;

fn para(text: &str, notes: &[(u32, usize)]) -> Paragraph {
    Paragraph {
        text: text.to_string(),
        notes: notes
            .iter()
            .map(|&(number, at)| NoteRef { number, at })
            .collect(),
        kind: ParagraphKind::Text,
        line: 0,
        page: None,
    }
}

fn item(text: &str) -> Paragraph {
    Paragraph {
        kind: ParagraphKind::ListItem,
        ..para(text, &[])
    }
}

fn note(number: u32, text: &str, url: Option<&str>) -> Footnote {
    Footnote {
        number,
        text: text.to_string(),
        urls: url.map(String::from).into_iter().collect(),
        line: 0,
        page: None,
    }
}

/// A long letter with sections, a list, notes and warnings.
pub fn offlimits() -> Letter {
    let filler = "Detectie van bekend materiaal gebeurt met hashes die alleen overeenkomen \
                  met eerder vastgesteld misbruikmateriaal, en dat is een beproefde techniek.";
    let mut sections = vec![Section {
        heading: None,
        paragraphs: vec![
            para(
                "Geachte leden van de vaste commissie voor Justitie en Veiligheid,",
                &[],
            ),
            para(
                "Offlimits is het Nederlandse expertisecentrum voor online misbruik. Wij \
                 ontvingen in 2023 ruim 12.000 meldingen via onze hotline.",
                &[(1, 73)],
            ),
        ],
        line: 1,
        page: None,
    }];
    for (i, heading) in ["Detectie werkt", "Encryptie en privacy", "Wat wij vragen"]
        .into_iter()
        .enumerate()
    {
        let mut paragraphs = vec![
            para(
                &format!("{filler} Zie ook de Internet Watch Foundation."),
                &[(2 + i as u32, 19)],
            ),
            para(filler, &[]),
            para(filler, &[]),
        ];
        if i == 2 {
            paragraphs.push(item("steun het voorstel van de Commissie;"));
            paragraphs.push(item("vraag om waarborgen voor versleutelde diensten."));
        }
        sections.push(Section {
            heading: Some(heading.to_string()),
            paragraphs,
            line: 10 * (i + 1),
            page: None,
        });
    }
    Letter {
        id: "offlimits-test".into(),
        source: "test".into(),
        date: Date::ymd(2024, 9, 18),
        place: Some("Amsterdam".into()),
        sender: Some("Offlimits".into()),
        recipients: vec!["Vaste commissie voor Justitie en Veiligheid".into()],
        subject: Some("CSAM-verordening en de JBZ-raad".into()),
        reference: Some("OL-2024-118".into()),
        stance: Some(Stance::Mixed),
        summary: Some("Steunt detectie, met waarborgen.".into()),
        sections,
        footnotes: vec![
            note(
                1,
                "Offlimits, Jaarverslag 2023.",
                Some("https://offlimits.nl/jaarverslag"),
            ),
            note(2, "Internet Watch Foundation, Annual Report 2023.", None),
            note(
                3,
                "Zie https://example.org/e2ee voor de uitleg.",
                Some("https://example.org/e2ee"),
            ),
            note(4, "Kamerstukken II 2023/24, 26643, nr. 1100.", None),
        ],
        warnings: vec!["offlimits-test:40: note 5 is defined but never cited".into()],
        ..Letter::default()
    }
}

/// A short letter, earlier in date.
pub fn kinderrechten() -> Letter {
    Letter {
        id: "kinderrechten-test".into(),
        source: "test".into(),
        date: Date::ymd(2023, 9, 25),
        place: Some("Leiden".into()),
        sender: Some("Kinderrechtencollectief".into()),
        recipients: vec!["Minister van Justitie en Veiligheid".into()],
        subject: Some("JBZ-raad van 28 september".into()),
        stance: Some(Stance::Supports),
        salutation: Some("Geachte Minister,".into()),
        signed_by: vec!["Marc Dullaert".into(), "Defence for Children".into()],
        sections: vec![Section {
            heading: None,
            paragraphs: vec![para(
                "Kinderen hebben recht op bescherming, ook online.",
                &[],
            )],
            line: 1,
            page: None,
        }],
        ..Letter::default()
    }
}

/// A letter with escape sequences and bidi controls in every field.
pub fn hostile() -> Letter {
    Letter {
        id: "hostile".into(),
        source: "test".into(),
        sender: Some("Evil\x1b]0;pwned\x07 Corp".into()),
        subject: Some("\x1b[31mred\u{202E}txet".into()),
        sections: vec![Section {
            heading: Some("Head\x1b[2J".into()),
            paragraphs: vec![para("copy \x1b]52;c;SGVsbG8=\x07 this\u{9b}", &[(7, 4)])],
            line: 1,
            page: None,
        }],
        footnotes: vec![note(7, "\x1bP evil \x1b\\", Some("https://x\x1b[0m"))],
        ..Letter::default()
    }
}

/// A reader on `letter` alone, in a 120×36 terminal, with the Reading pane focused.
pub fn reading_only(letter: Letter) -> App {
    let mut app = App::new(vec![letter], Vec::new(), Theme::dark(), (120, 36));
    app.focus = super::app::Pane::Reading;
    app
}

/// A reader on the three test letters (undated hostile one last).
pub fn app(width: u16, height: u16) -> App {
    App::new(
        vec![offlimits(), kinderrechten(), hostile()],
        vec!["brief.pdf.txt: skipped: binary file".into()],
        Theme::dark(),
        (width, height),
    )
}
