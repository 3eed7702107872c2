//! The PDF reader on the letter written in LibreOffice Writer
//! (`tests/fixtures/formats/office_letter.fodt`, rendered to `office_letter.pdf` by
//! `soffice --headless --convert-to pdf`): the truth is read off its two rendered pages
//! (`pdftoppm -png -r 50`). Its running header and footer, the side column in a frame, four
//! notes at the pages' bottoms (one with a URL the line end breaks), a bullet list, a table,
//! headings in a larger bold size, and paragraphs that know their page. Then bad input.

use brieven::ingest::read_file;
use brieven::model::{Letter, ParagraphKind};

fn bytes(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read(&path).expect("fixture")
}

fn letter() -> Letter {
    let bytes = bytes("tests/fixtures/formats/office_letter.pdf");
    read_file("office_letter", "office_letter.pdf", Some("pdf"), &bytes).expect("the letter reads")
}

/// Each marker with the eight characters before it.
fn markers(l: &Letter) -> Vec<(u32, String)> {
    l.paragraphs()
        .flat_map(|(_, _, p)| {
            p.notes.iter().map(|n| {
                let before: Vec<char> = p.text.chars().take(n.at).collect();
                let tail: String = before[before.len().saturating_sub(8)..].iter().collect();
                (n.number, tail)
            })
        })
        .collect()
}

#[test]
fn the_pdf_letter_gives_its_head() {
    let l = letter();
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2024-10-14"));
    assert_eq!(l.reference.as_deref(), Some("SON/2024/0173"));
    assert_eq!(l.place.as_deref(), Some("Amsterdam"));
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Reactie op het voorstel voor een verordening ter voorkoming en bestrijding van \
             seksueel misbruik van kinderen"
        )
    );
    assert_eq!(
        l.salutation.as_deref(),
        Some("Geachte leden van de commissie,")
    );
    assert_eq!(l.signed_by, ["Marieke de Vries"]);
}

#[test]
fn the_pdf_letter_gives_its_body_without_furniture() {
    let l = letter();
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("1. Wat het voorstel vraagt"),
            Some("Versleuteling"),
            Some("2. Standpunten in de Raad")
        ]
    );
    let items: Vec<&str> = l
        .paragraphs()
        .filter(|(_, _, p)| p.kind == ParagraphKind::ListItem)
        .map(|(_, _, p)| p.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "iedere gebruiker wordt verdachte, zonder aanleiding;",
            "de scansoftware wordt een nieuw doelwit voor criminelen en vreemde mogendheden;",
            "foutpositieve meldingen belanden bij politie en het EU-centrum."
        ]
    );
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert!(
        texts[0].starts_with("Op 16 oktober spreekt u met de minister over de inzet van Nederland"),
        "{texts:#?}"
    );
    // A paragraph of three lines is one paragraph.
    assert!(
        texts.contains(
            &"Scannen op het apparaat van de gebruiker, voordat een bericht wordt versleuteld, \
              doorbreekt de bescherming die versleuteling biedt. Wij zien drie gevolgen:"
        ),
        "{texts:#?}"
    );
    assert_eq!(
        texts.last().copied(),
        Some("Wij zijn graag bereid onze zorgen toe te lichten.")
    );
    for t in &texts {
        for furniture in [
            "Keizersgracht",
            "pagina",
            "Ons kenmerk",
            "SON/2024",
            "Marieke",
        ] {
            assert!(!t.contains(furniture), "{furniture} in {t}");
        }
    }
}

#[test]
fn the_pdf_letter_gives_its_notes_markers_and_pages() {
    let l = letter();
    assert_eq!(
        markers(&l),
        [
            (1, "022 deed".to_string()),
            (2, "opmerkte".to_string()),
            (3, "-centrum".to_string()),
            (4, "dermijnt".to_string())
        ]
    );
    let notes: Vec<(u32, &str, Option<u32>)> = l
        .footnotes
        .iter()
        .map(|n| (n.number, &n.text[..20], n.page))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "Voorstel voor een ve", Some(1)),
            (2, "EDPB-EDPS Joint Opin", Some(1)),
            (3, "Zie de cijfers van d", Some(1)),
            (4, "Kamerstuk 21501-02, ", Some(2)),
        ]
    );
    // Written in the note, broken by the line end after `740248_`.
    assert!(
        l.footnotes[2].urls.contains(
            &"https://www.europarl.europa.eu/RegData/etudes/STUD/2023/740248/EPRS_STU(2023)740248_EN.pdf"
                .to_string()
        ),
        "{:?}",
        l.footnotes[2]
    );
    assert!(
        l.footnotes[3]
            .text
            .ends_with("zie de motie op tweedekamer.nl.")
    );
    // Paragraphs know their page.
    let pages: Vec<(Option<u32>, &str)> = l
        .paragraphs()
        .map(|(_, _, p)| (p.page, &p.text[..12]))
        .collect();
    assert_eq!(pages.first().map(|p| p.0), Some(Some(1)), "{pages:?}");
    assert_eq!(pages.last().map(|p| p.0), Some(Some(2)), "{pages:?}");
}

fn error(bytes: &[u8]) -> String {
    match read_file("x", "x.pdf", Some("pdf"), bytes) {
        Ok(l) => panic!("read as a letter: {l:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_pdfs_say_what_is_wrong() {
    let pdf = bytes("tests/fixtures/formats/office_letter.pdf");
    let cut = error(&pdf[..pdf.len() / 3]);
    assert!(cut.contains("PDF"), "{cut}");
    let garbage = error(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF");
    assert!(garbage.contains("PDF"), "{garbage}");
    // A page without text: a scan.
    let scan = pdf_of(&[Vec::new()]);
    let scan = error(&scan);
    assert!(scan.contains("run OCR first"), "{scan}");
}

#[test]
fn text_in_a_pdf_is_sanitised_and_read() {
    let pdf = pdf_of(&[vec![(
        72.0,
        720.0,
        12.0,
        'R',
        0.0,
        "Een zin \u{1b}]0;PWNED\u{7} met een einde.",
    )]]);
    let l = read_file("x", "x.pdf", Some("pdf"), &pdf).expect("reads");
    let json = serde_json::to_string(&l).expect("json");
    assert!(!json.contains('\u{1b}'), "{json}");
    assert!(!json.contains('\u{7}'), "{json}");
    let text: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(
        text[0].starts_with("Een zin ") && text[0].ends_with(" met een einde."),
        "{text:?}"
    );
}

/// A piece of text placed on a page: x, baseline y, size, font (`R` regular, `B` bold, `I`
/// italic), rise, text.
type Run<'a> = (f32, f32, f32, char, f32, &'a str);

/// A PDF of pages of runs in Helvetica (its widths are the standard 14 fonts' own).
fn pdf_of(pages: &[Vec<Run<'_>>]) -> Vec<u8> {
    let n = pages.len();
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n)
                .map(|i| format!("{} 0 R", 6 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .into(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>"
            .into(),
    ];
    for runs in pages {
        let mut content = String::new();
        for &(x, y, size, font, rise, text) in runs {
            let f = match font {
                'B' => "F2",
                'I' => "F3",
                _ => "F1",
            };
            let text = text
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!(
                "BT /{f} {size} Tf {rise} Ts 1 0 0 1 {x} {y} Tm ({text}) Tj ET\n"
            ));
        }
        let page = objects.len() + 1;
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>",
            page + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// A two-page letter laid out as ministries do: a side column of small text at the right
/// edge, a running footer, a raised note marker and a small digit on the baseline, the note
/// at the page's bottom in a smaller size, an italic heading, a paragraph cut by the page
/// break.
fn laid_out_letter() -> Letter {
    let side = |y: f32, font: char, text: &'static str| (470.0, y, 7.0, font, 0.0, text);
    let body = |y: f32, text: &'static str| (72.0, y, 10.0, 'R', 0.0, text);
    let page1 = vec![
        side(780.0, 'B', "Ministerie van Voorbeeldzaken"),
        side(771.0, 'R', "Postbus 20011"),
        side(762.0, 'R', "2500 EA Den Haag"),
        side(740.0, 'B', "Ons kenmerk"),
        side(731.0, 'R', "VZ/2024/123"),
        body(760.0, "De Voorzitter van de Tweede Kamer"),
        body(748.0, "der Staten-Generaal"),
        body(700.0, "Datum 3 oktober 2024"),
        body(688.0, "Betreft Voorbeeldig beleid"),
        body(660.0, "Geachte voorzitter,"),
        body(
            636.0,
            "Met deze brief informeer ik uw Kamer over het beleid dat wij",
        ),
        body(624.0, "voeren. De uitstoot van CO"),
        (208.8, 624.0, 6.0, 'R', 0.0, "2"),
        (212.2, 624.0, 10.0, 'R', 0.0, " daalt al jaren"),
        // Raised by its position, as Word and LibreOffice write a note's marker.
        (286.0, 627.5, 6.0, 'R', 0.0, "1"),
        (290.0, 624.0, 10.0, 'R', 0.0, "."),
        (72.0, 600.0, 10.0, 'I', 0.0, "Een schuine kop"),
        body(
            588.0,
            "Het beleid werkt, zoals de cijfers van het afgelopen jaar laten zien, en",
        ),
        (72.0, 110.0, 8.0, 'R', 0.0, "1"),
        (
            80.0,
            110.0,
            8.0,
            'R',
            0.0,
            "Zie https://www.example.org/cijfers/2024.",
        ),
        side(60.0, 'R', "Pagina 1 van 2"),
    ];
    let page2 = vec![
        side(780.0, 'B', "Ministerie van Voorbeeldzaken"),
        body(760.0, "het kabinet gaat daarmee door."),
        body(736.0, "Hoogachtend,"),
        body(700.0, "De minister van Voorbeeldzaken,"),
        body(660.0, "J. de Vries"),
        side(60.0, 'R', "Pagina 2 van 2"),
    ];
    let bytes = pdf_of(&[page1, page2]);
    read_file("laid_out", "laid_out.pdf", Some("pdf"), &bytes).expect("reads")
}

#[test]
fn the_side_column_is_read_for_the_head_and_kept_out_of_the_body() {
    let l = laid_out_letter();
    assert_eq!(l.reference.as_deref(), Some("VZ/2024/123"));
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2024-10-03"));
    assert_eq!(l.subject.as_deref(), Some("Voorbeeldig beleid"));
    assert_eq!(
        l.recipients,
        ["De Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    for (_, _, p) in l.paragraphs() {
        for side in ["Postbus", "kenmerk", "VZ/2024", "Pagina"] {
            assert!(!p.text.contains(side), "{side} in {}", p.text);
        }
    }
    assert_eq!(l.signed_by, ["J. de Vries"]);
}

#[test]
fn a_raised_small_digit_is_a_marker_and_one_on_the_baseline_is_text() {
    let l = laid_out_letter();
    let first = l
        .paragraphs()
        .next()
        .map(|(_, _, p)| p.clone())
        .expect("a paragraph");
    // The small digit on the baseline stays in the text (where it stands: our runs are
    // placed by hand, so it may stand a space apart).
    assert!(
        first.text.contains("CO2 daalt al jaren.") || first.text.contains("CO 2 daalt al jaren."),
        "{}",
        first.text
    );
    assert_eq!(first.notes.len(), 1, "{first:?}");
    assert_eq!(first.notes[0].number, 1);
    let at = first.notes[0].at;
    assert!(first.text[..at].ends_with("jaren"), "{}", &first.text[..at]);
    assert_eq!(l.footnotes.len(), 1);
    assert_eq!(
        l.footnotes[0].urls,
        ["https://www.example.org/cijfers/2024"]
    );
    assert_eq!(l.footnotes[0].page, Some(1));
}

#[test]
fn an_italic_line_is_a_heading_and_a_page_break_does_not_cut_a_sentence() {
    let l = laid_out_letter();
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("Een schuine kop")]);
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert!(
        texts.contains(
            &"Het beleid werkt, zoals de cijfers van het afgelopen jaar laten zien, en het \
              kabinet gaat daarmee door."
        ),
        "{texts:#?}"
    );
}

/// What `cargo fuzz run read_pdf` found in its first ten minutes: a mutated BNC-fiche on
/// which the PDF library panics (in its TrueType cmap reader). The file is named damaged; no
/// panic reaches the caller.
#[test]
fn a_pdf_the_library_panics_on_is_a_damaged_file() {
    let bytes = bytes("tests/fixtures/fuzz/pdf-truetype-cmap-panic.pdf");
    let message = error(&bytes);
    assert!(message.contains("damaged PDF"), "{message}");
}

/// The LibreOffice letter locked with a user password (`qpdf --encrypt secret secret 256`):
/// its pages would give no text, so the file says it is encrypted and what to do, not that it
/// is a scan.
#[test]
fn a_pdf_locked_with_a_password_says_so() {
    let bytes = bytes("tests/fixtures/formats/office_letter_password.pdf");
    let message = error(&bytes);
    assert!(message.contains("encrypted PDF"), "{message}");
    assert!(!message.contains("OCR"), "{message}");
}

/// A Commission proposal's cover page (institution, date, numbers, the act's title in bold,
/// the EEA note and the documents in braces under it) and its first page of text.
#[test]
fn an_eu_cover_page_is_the_head_and_not_the_body() {
    let line = |y: f32, font: char, text: &'static str| (72.0, y, 12.0, font, 0.0, text);
    let cover = vec![
        (200.0, 720.0, 11.5, 'R', 0.0, "EUROPEAN"),
        (200.0, 707.0, 11.5, 'R', 0.0, "COMMISSION"),
        (330.0, 640.0, 12.0, 'R', 0.0, "Brussels, 20.6.2023"),
        (330.0, 626.0, 12.0, 'R', 0.0, "COM(2023) 335 final"),
        (330.0, 600.0, 12.0, 'R', 0.0, "2023/0199 (COD)"),
        (260.0, 527.0, 12.0, 'R', 0.0, "Proposal for a"),
        line(
            495.0,
            'B',
            "REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
        ),
        line(
            463.0,
            'B',
            "establishing the Example Platform and amending Directive",
        ),
        line(449.0, 'B', "2003/87/EC and Regulation (EU) 2021/241"),
        (230.0, 420.0, 12.0, 'R', 0.0, "(Text with EEA relevance)"),
        line(400.0, 'R', "{SEC(2023) 336 final} - {SWD(2023) 337 final}"),
    ];
    let text = vec![
        (200.0, 774.0, 12.0, 'B', 0.0, "EXPLANATORY MEMORANDUM"),
        line(
            740.0,
            'R',
            "The Union is an attractive destination for investments. Its single market",
        ),
        line(
            726.0,
            'R',
            "has over the last thirty years delivered benefits to all its Member States,",
        ),
        line(712.0, 'R', "and the Platform is to keep it so."),
    ];
    let bytes = pdf_of(&[cover, text]);
    let l = read_file("cover", "cover.pdf", Some("pdf"), &bytes).expect("reads");
    assert_eq!(l.sender.as_deref(), Some("European Commission"));
    assert_eq!(l.reference.as_deref(), Some("COM(2023) 335 final"));
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL \
             establishing the Example Platform and amending Directive 2003/87/EC and \
             Regulation (EU) 2021/241"
        )
    );
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [Some("EXPLANATORY MEMORANDUM")]);
    for (_, _, p) in l.paragraphs() {
        for cover in ["EEA", "SEC(", "SWD(", "REGULATION"] {
            assert!(!p.text.contains(cover), "{cover} in {}", p.text);
        }
    }
}

/// A column of words at a page's left edge that first stands on a later page (the numbers of
/// a list, a table's first column) is the page's text, not a letterhead's side column.
#[test]
fn a_column_first_seen_after_the_first_page_stays_in_the_body() {
    let body = |y: f32, text: &'static str| (140.0, y, 12.0, 'R', 0.0, text);
    let page1 = vec![
        (
            72.0,
            760.0,
            12.0,
            'R',
            0.0,
            "The Council recommends the following measures to all",
        ),
        (72.0, 746.0, 12.0, 'R', 0.0, "Member States, in particular:"),
    ];
    let page2 = vec![
        (112.0, 760.0, 12.0, 'R', 0.0, "iv."),
        body(760.0, "the support to national user forums and relays;"),
        (112.0, 730.0, 12.0, 'R', 0.0, "v."),
        body(
            730.0,
            "the opportunity to acquire the skills to develop uptake;",
        ),
        (112.0, 700.0, 12.0, 'R', 0.0, "vi."),
        body(
            700.0,
            "the development of targeted measures to enhance capacity;",
        ),
        (112.0, 670.0, 12.0, 'R', 0.0, "vii."),
        body(
            670.0,
            "the training of national professionals and academics.",
        ),
        // The footer: the document's number at the left margin, initials at the right.
        (56.0, 52.0, 12.0, 'R', 0.0, "9156/22"),
        (390.0, 52.0, 12.0, 'R', 0.0, "CDP/FB/nj 2"),
    ];
    let bytes = pdf_of(&[page1, page2]);
    let l = read_file("list", "list.pdf", Some("pdf"), &bytes).expect("reads");
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    let all = texts.join(" ");
    for item in ["iv.", "vi.", "vii.", "the support to national user forums"] {
        assert!(all.contains(item), "{item} not in {texts:#?}");
    }
}

/// Word spaces set in a smaller size than the words (a heading in 12 pt whose spaces are
/// 8 pt, as the Commission's PDF tool writes them): a space narrower than a fifth of the
/// words' size but a fifth of its own still parts the words.
#[test]
fn a_space_in_a_smaller_size_parts_words() {
    // Helvetica-Bold at 12 pt: `1. CONTEXT OF` is 90.7 wide; the 8 pt space 2.2, so `THE`
    // starts 2.3 after `OF` (less than a fifth of 12 pt).
    let bytes = pdf_of(&[vec![
        (72.0, 760.0, 12.0, 'B', 0.0, "1. CONTEXT OF"),
        (72.0 + 90.6, 760.0, 8.0, 'B', 0.0, " "),
        (72.0 + 90.7 + 2.3, 760.0, 12.0, 'B', 0.0, "THE PROPOSAL"),
        (
            72.0,
            730.0,
            12.0,
            'R',
            0.0,
            "The Union is an attractive destination for investments, and it is to stay so.",
        ),
    ]]);
    let l = read_file("space", "space.pdf", Some("pdf"), &bytes).expect("reads");
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [Some("1. CONTEXT OF THE PROPOSAL")], "{l:#?}");
}

/// A bold heading led by a bullet in a column of its own (`•`, here `*`, then a tab and the
/// text), and one bold sentence between it and the running text (a heading under it): both
/// headings, the bullet no table cell. A bullet list in the running text keeps its items
/// whole.
#[test]
fn a_bullet_in_a_column_of_its_own_and_a_bold_sentence_under_a_heading() {
    let body = |y: f32, text: &'static str| (72.0, y, 12.0, 'R', 0.0, text);
    let bytes = pdf_of(&[vec![
        body(
            790.0,
            "The memorandum sets out the reasons for the proposal and what it is to achieve,",
        ),
        body(776.0, "chapter by chapter."),
        (72.0, 760.0, 12.0, 'B', 0.0, "*"),
        (
            108.0,
            760.0,
            12.0,
            'B',
            0.0,
            "Reasons for and objectives of the proposal",
        ),
        (
            72.0,
            740.0,
            12.0,
            'B',
            0.0,
            "The long-term commitment to a green transition and its impact on industry.",
        ),
        body(
            720.0,
            "The Union is an attractive destination for investments. Its single market has",
        ),
        body(
            706.0,
            "delivered benefits to all its Member States over thirty years.",
        ),
        (72.0, 686.0, 12.0, 'R', 0.0, "*"),
        body(
            686.0,
            "                Cohesion policy supports the green transition;",
        ),
        (72.0, 672.0, 12.0, 'R', 0.0, "*"),
        body(
            672.0,
            "                the Innovation Fund supports low-carbon technologies.",
        ),
    ]]);
    let l = read_file("bullet", "bullet.pdf", Some("pdf"), &bytes).expect("reads");
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("Reasons for and objectives of the proposal"),
            Some("The long-term commitment to a green transition and its impact on industry.")
        ],
        "{l:#?}"
    );
    let items: Vec<&str> = l
        .paragraphs()
        .filter(|(_, _, p)| p.kind == ParagraphKind::ListItem)
        .map(|(_, _, p)| p.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "Cohesion policy supports the green transition;",
            "the Innovation Fund supports low-carbon technologies."
        ]
    );
}
