//! The DOCX and ODT readers on the letter written for them in LibreOffice Writer
//! (`tests/fixtures/formats/office_letter.fodt`, rendered to `.docx` and `.odt` by
//! `soffice --headless --convert-to`): its head (side column in a frame, address, subject,
//! salutation), headings, list, table, notes with their markers and URLs, and no running
//! header, footer or side column in the body. The truth is read off the rendered pages
//! (`office_letter.pdf`). Then bad input: damaged, foreign, encrypted and nested archives.

use std::io::Write;

use brieven::ingest::read_file;
use brieven::model::{Letter, ParagraphKind};

fn fixture(ext: &str) -> Letter {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats/office_letter")
        .with_extension(ext);
    let bytes = std::fs::read(&path).expect("fixture");
    read_file("office_letter", "office_letter", Some(ext), &bytes).expect("the letter reads")
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

fn check_letter(ext: &str) {
    let l = fixture(ext);
    assert_eq!(
        l.date.map(|d| d.to_string()).as_deref(),
        Some("2024-10-14"),
        "{ext}"
    );
    assert_eq!(l.reference.as_deref(), Some("SON/2024/0173"), "{ext}");
    assert_eq!(l.place.as_deref(), Some("Amsterdam"), "{ext}");
    assert_eq!(
        l.recipients,
        ["vaste commissie voor Justitie en Veiligheid van de Tweede Kamer der Staten-Generaal"],
        "{ext}"
    );
    assert_eq!(
        l.subject.as_deref(),
        Some(
            "Reactie op het voorstel voor een verordening ter voorkoming en bestrijding van \
             seksueel misbruik van kinderen"
        ),
        "{ext}"
    );
    assert_eq!(
        l.salutation.as_deref(),
        Some("Geachte leden van de commissie,")
    );
    assert_eq!(l.signed_by, ["Marieke de Vries"], "{ext}");
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("1. Wat het voorstel vraagt"),
            Some("Versleuteling"),
            Some("2. Standpunten in de Raad")
        ],
        "{ext}"
    );
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
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
        ],
        "{ext}"
    );
    // The table: a row per paragraph, its cells separated by ` | `.
    for row in [
        "Lidstaat | Standpunt",
        "Duitsland | tegen scannen van versleutelde communicatie",
        "Nederland | onthouding (motie-Van Raan aangenomen)",
    ] {
        assert!(texts.contains(&row), "{ext}: {row} in {texts:#?}");
    }
    assert_eq!(
        texts.first().map(|t| &t[..28]),
        Some("Op 16 oktober spreekt u met "),
        "{ext}"
    );
    assert_eq!(
        texts.last().copied(),
        Some("Wij zijn graag bereid onze zorgen toe te lichten."),
        "{ext}"
    );
    // Furniture: the running header and footer, the side column, the closing.
    for t in &texts {
        for furniture in [
            "Keizersgracht",
            "pagina",
            "Ons kenmerk",
            "SON/2024",
            "Marieke",
        ] {
            assert!(!t.contains(furniture), "{ext}: {furniture} in {t}");
        }
    }
    assert_eq!(
        markers(&l),
        [
            (1, "022 deed".to_string()),
            (2, "opmerkte".to_string()),
            (3, "-centrum".to_string()),
            (4, "dermijnt".to_string())
        ],
        "{ext}"
    );
    let notes: Vec<(u32, &str, Vec<&str>)> = l
        .footnotes
        .iter()
        .map(|n| {
            (
                n.number,
                &n.text[..20],
                n.urls.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            (
                1,
                "Voorstel voor een ve",
                vec!["https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52022PC0209"]
            ),
            (
                2,
                "EDPB-EDPS Joint Opin",
                vec![
                    "https://www.edpb.europa.eu/our-work-tools/our-documents/edpbedps-joint-opinion/edpb-edps-joint-opinion-042022-proposal_en"
                ]
            ),
            (
                3,
                "Zie de cijfers van d",
                vec![
                    "https://www.europarl.europa.eu/RegData/etudes/STUD/2023/740248/EPRS_STU(2023)740248_EN.pdf"
                ]
            ),
            (
                4,
                "Kamerstuk 21501-02, ",
                vec!["https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2023Z12345"]
            ),
        ],
        "{ext}"
    );
    assert!(
        l.footnotes[3]
            .text
            .ends_with("zie de motie op tweedekamer.nl."),
        "{ext}: {}",
        l.footnotes[3].text
    );
    assert!(l.warnings.is_empty(), "{ext}: {:?}", l.warnings);
}

#[test]
fn the_docx_letter_reads_as_written() {
    check_letter("docx");
}

#[test]
fn the_odt_letter_reads_as_written() {
    check_letter("odt");
}

/// A zip archive of `entries` (name, content), deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, content) in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(*name, options).expect("entry");
        zip.write_all(content).expect("write");
    }
    zip.finish().expect("finish");
    out.into_inner()
}

fn error(ext: &str, bytes: &[u8]) -> String {
    match read_file("x", "x", Some(ext), bytes) {
        Ok(l) => panic!("read as a letter: {l:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_archives_say_what_is_wrong() {
    let docx = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats/office_letter.docx"),
    )
    .expect("fixture");
    let cut = error("docx", &docx[..docx.len() / 2]);
    assert!(cut.contains("damaged DOCX"), "{cut}");
    let odt = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats/office_letter.odt"),
    )
    .expect("fixture");
    let cut = error("odt", &odt[..odt.len() / 3]);
    assert!(cut.contains("damaged ODT"), "{cut}");
    let photos = error("docx", &zip_of(&[("photo.jpg", b"\xFF\xD8")]));
    assert!(photos.contains("neither a Word (DOCX) nor"), "{photos}");
    let deep = format!("<w:document>{}", "<w:x>".repeat(5000));
    let deep = error("docx", &zip_of(&[("word/document.xml", deep.as_bytes())]));
    assert!(deep.contains("nested deeper than"), "{deep}");
    let deep = format!(
        "<office:document><office:body><office:text>{}",
        "<text:span>".repeat(5000)
    );
    let deep = error(
        "odt",
        &zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", deep.as_bytes()),
        ]),
    );
    assert!(deep.contains("nested deeper than"), "{deep}");
    let broken = error(
        "docx",
        &zip_of(&[("word/document.xml", b"<w:document><w:body></w:p>")]),
    );
    assert!(
        broken.contains("damaged XML in word/document.xml"),
        "{broken}"
    );
    // Encrypted: an ODT whose manifest says so; an OOXML package in a Compound File.
    let manifest = b"<manifest:manifest><manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>";
    let sealed = error(
        "odt",
        &zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", b"\x8F\x01garbage"),
        ]),
    );
    assert!(sealed.contains("encrypted document"), "{sealed}");
    let mut cfb = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    cfb.extend_from_slice(&[0; 500]);
    let doc = error("doc", &cfb);
    assert!(doc.contains("Word 97-2003 (.doc)"), "{doc}");
    cfb.extend("EncryptedPackage".bytes().flat_map(|b| [b, 0]));
    let sealed = error("docx", &cfb);
    assert!(sealed.contains("encrypted document"), "{sealed}");
}

#[test]
fn a_docx_with_text_only_where_stated_reads_its_paragraphs() {
    let document = br#"<?xml version="1.0"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>Den Haag, 3 februari 2025</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t xml:space="preserve">Geachte heer </w:t></w:r><w:r><w:t>Jansen,</w:t></w:r></w:p>
<w:p/>
<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Inleiding &amp; doel</w:t></w:r></w:p>
<w:p><w:r><w:t>Eerste regel</w:t><w:br/><w:t>tweede regel</w:t></w:r><w:del><w:r><w:delText>weg</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Tweede kop</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Alles vet en kort</w:t></w:r></w:p>
<w:p><w:r><w:t>Slot.</w:t></w:r></w:p>
</w:body></w:document>"#;
    let styles = br#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="Eigen kop"/><w:basedOn w:val="Basis"/></w:style>
<w:style w:type="paragraph" w:styleId="Basis"><w:name w:val="basis"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>"#;
    let bytes = zip_of(&[("word/document.xml", document), ("word/styles.xml", styles)]);
    let l = read_file("t", "t", Some("docx"), &bytes).expect("reads");
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2025-02-03"));
    assert_eq!(l.salutation.as_deref(), Some("Geachte heer Jansen,"));
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("Inleiding & doel"),
            Some("Tweede kop"),
            Some("Alles vet en kort")
        ]
    );
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert_eq!(texts, ["Eerste regel tweede regel", "Slot."]);
}

#[test]
fn a_position_paper_without_salutation_has_its_sender_date_and_title_from_its_head() {
    // The shape of a submission: the organisation in bold (long enough to pass for running
    // text), the date in bold, the title in a heading style, a section title that is only bold,
    // then the text; no salutation, no closing. The file's metadata states the title.
    let long_name = "Stichting Voorbeeld - Werkgroep Regelgeving - Taskforce Open Hardware en Open Software in Europa en daarbuiten";
    let document = format!(
        r#"<?xml version="1.0"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{long_name}</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>14 June 2025</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Input to the guidance</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Scope</w:t></w:r></w:p>
<w:p><w:r><w:t>The purpose of this section is to clarify how the act applies to open hardware, in relation to source files and their licences.</w:t></w:r></w:p>
<w:p><w:r><w:t>A second paragraph.</w:t></w:r></w:p>
</w:body></w:document>"#
    );
    let styles = br#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
</w:styles>"#;
    let core = br#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Input to the guidance &amp; more</dc:title></cp:coreProperties>"#;
    let bytes = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles),
        ("docProps/core.xml", core),
    ]);
    let l = read_file("t", "t", Some("docx"), &bytes).expect("reads");
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2025-06-14"));
    assert_eq!(l.sender.as_deref(), Some(long_name));
    assert!(l.recipients.is_empty(), "{:?}", l.recipients);
    assert_eq!(l.subject.as_deref(), Some("Input to the guidance & more"));
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("The purpose"), "{texts:?}");
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert!(headings.contains(&Some("Scope")), "{headings:?}");
}

#[test]
fn a_report_leaves_out_its_contents_and_reads_its_title_page_header() {
    // Word's table of contents (`toc 1`, `toc 2` by their built-in names) under a heading of
    // its own repeats the headings with page numbers: none of it is text. The first page's
    // header (`titlePg`) holds the title page: its `Title` paragraph is the subject, its
    // `Datum` the date, and `Versie` no sender; the running header of the other pages is not
    // read. A heading style of a house template (`Kop 1 - huisstijl`, a numbered copy
    // `Heading 21`) is a heading of the level its first digit says.
    let document = br#"<?xml version="1.0"?>
<w:document xmlns:w="w" xmlns:r="r"><w:body>
<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Inhoud</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Inhopg1"/></w:pPr><w:r><w:t>1 Inleiding</w:t></w:r><w:r><w:t>5</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Inhopg2"/></w:pPr><w:r><w:t>1.1 Achtergrond</w:t></w:r><w:r><w:t>5</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Huis1"/></w:pPr><w:r><w:t>Inleiding</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kop21"/></w:pPr><w:r><w:t>Achtergrond</w:t></w:r></w:p>
<w:p><w:r><w:t>Dit document beschrijft het raamwerk voor de cryptografie van de app en de keuzes die daarin zijn gemaakt.</w:t></w:r></w:p>
<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:headerReference w:type="first" r:id="rId3"/><w:titlePg/></w:sectPr>
</w:body></w:document>"#;
    let styles = br#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Inhopg1"><w:name w:val="toc 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Inhopg2"><w:name w:val="toc 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Huis1"><w:name w:val="Kop 1 - huisstijl"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop21"><w:name w:val="Heading 21"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
</w:styles>"#;
    let rels = br#"<Relationships><Relationship Id="rId2" Target="header1.xml"/><Relationship Id="rId3" Target="header2.xml"/></Relationships>"#;
    let running = br#"<w:hdr xmlns:w="w"><w:p><w:r><w:t>Raamwerk | 1 augustus 2021</w:t></w:r></w:p></w:hdr>"#;
    let first = br#"<w:hdr xmlns:w="w"><w:p><w:r><w:txbxContent>
<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Cryptografie raamwerk</w:t></w:r></w:p>
<w:p><w:r><w:t>Versie 0.90</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Datum 10 juli 2020</w:t></w:r></w:p>
</w:txbxContent></w:r></w:p></w:hdr>"#;
    let bytes = zip_of(&[
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/_rels/document.xml.rels", rels),
        ("word/header1.xml", running),
        ("word/header2.xml", first),
    ]);
    let l = read_file("t", "t", Some("docx"), &bytes).expect("reads");
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2020-07-10"));
    assert_eq!(l.subject.as_deref(), Some("Cryptografie raamwerk"));
    assert_eq!(l.sender, None);
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [Some("Inleiding"), Some("Achtergrond")]);
    let d = brieven::ingest::read::read(Some("docx"), &bytes).expect("reads");
    let levels: Vec<(String, brieven::ingest::document::Role)> = d
        .text
        .split('\n')
        .enumerate()
        .filter(|(i, _)| matches!(d.info(*i).role, brieven::ingest::document::Role::Heading(_)))
        .map(|(i, t)| (t.to_string(), d.info(i).role))
        .collect();
    use brieven::ingest::document::Role::Heading;
    assert_eq!(
        levels,
        [
            ("Inleiding".to_string(), Heading(1)),
            ("Achtergrond".to_string(), Heading(2))
        ]
    );
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
}

#[test]
fn numbered_headings_and_items_show_their_labels() {
    // Headings numbered through their styles' list (`Kop1` at level 1, `Kop2` at level 2 by
    // the level's `pStyle`), an item numbered on the paragraph in letters, a bullet without a
    // label: each reads as the page shows it.
    let document = br#"<?xml version="1.0"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>Den Haag, 3 februari 2025</w:t></w:r></w:p>
<w:p><w:r><w:t>Geachte voorzitter,</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Inleiding</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kop2"/></w:pPr><w:r><w:t>Achtergrond</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kop2"/></w:pPr><w:r><w:t>Doel</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>eerste punt</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>tweede punt</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>een bullet</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Slot</w:t></w:r></w:p>
<w:p><w:r><w:t>Tekst.</w:t></w:r></w:p>
</w:body></w:document>"#;
    let styles = br#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Kop1"/></w:style>
</w:styles>"#;
    let numbering = br#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop1"/><w:lvlText w:val="%1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop2"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#8226;"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;
    let bytes = zip_of(&[
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
    ]);
    let l = read_file("t", "t", Some("docx"), &bytes).expect("reads");
    let headings: Vec<Option<&str>> = l.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("1 Inleiding"),
            Some("1.1 Achtergrond"),
            Some("1.2 Doel"),
            Some("2 Slot")
        ]
    );
    let texts: Vec<&str> = l.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    assert_eq!(
        texts,
        ["a) eerste punt", "b) tweede punt", "een bullet", "Tekst."]
    );
}
