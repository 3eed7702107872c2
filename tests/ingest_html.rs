//! The HTML reader: the web letter written for it (`tests/fixtures/formats/web_letter.html`,
//! an NGO's page with a cookie banner, site header, menu, breadcrumbs, the letter in `<main>`
//! with notes as a list after it, a sidebar and a site footer), then one rule per test on small
//! pages made for it, then bad and hostile input. The truth of the fixture is what was written
//! into it.

use brieven::ingest::document::{Document, Role};
use brieven::ingest::read::read;
use brieven::ingest::read_file;
use brieven::model::{Letter, ParagraphKind};
use proptest::prelude::*;

fn fixture_bytes() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats/web_letter.html");
    std::fs::read(path).expect("fixture")
}

fn letter(html: &str) -> Letter {
    read_file("page", "page", Some("html"), html.as_bytes()).expect("the page reads")
}

fn doc(html: &str) -> Document {
    read(Some("html"), html.as_bytes()).expect("the page reads")
}

/// The document's non-empty lines with their roles.
fn lines(d: &Document) -> Vec<(Role, String)> {
    d.text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (d.info(i).role, l.to_string()))
        .collect()
}

fn texts(l: &Letter) -> Vec<String> {
    l.paragraphs().map(|(_, _, p)| p.text.clone()).collect()
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

fn headings(l: &Letter) -> Vec<String> {
    l.sections
        .iter()
        .filter_map(|s| s.heading.clone())
        .collect()
}

fn is_safe(s: &str) -> bool {
    !s.chars().any(brieven::text::is_unsafe_char)
}

#[test]
fn the_web_letter_reads_as_written() {
    let l = read_file("web_letter", "web_letter", Some("html"), &fixture_bytes()).expect("reads");
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2024-10-14"));
    assert_eq!(l.place.as_deref(), Some("Amsterdam"));
    assert_eq!(
        l.recipients,
        ["vaste commissie voor Justitie en Veiligheid van de Tweede Kamer der Staten-Generaal"]
    );
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
    assert_eq!(
        headings(&l),
        [
            "1. Wat het voorstel vraagt",
            "Versleuteling",
            "2. Standpunten in de Raad"
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
            "de scansoftware wordt een nieuw doelwit voor criminelen & vreemde mogendheden;",
            "foutpositieve meldingen belanden bij politie en het EU-centrum."
        ]
    );
    let texts = texts(&l);
    for row in [
        "Lidstaat | Standpunt",
        "Duitsland | tegen scannen van versleutelde communicatie",
        "Nederland | onthouding (motie-Van Raan aangenomen)",
    ] {
        assert!(texts.iter().any(|t| t == row), "{row} in {texts:#?}");
    }
    assert!(texts[0].starts_with("Op 16 oktober spreekt u met de minister"));
    assert!(texts.iter().any(|t| t.contains("vóór de versleuteling")));
    assert_eq!(
        texts.last().map(String::as_str),
        Some("Wij zijn graag bereid onze zorgen toe te lichten.")
    );
    // Nothing of the site around the letter, nor the notes' list, is in the body.
    for t in texts.iter().chain(headings(&l).iter()) {
        for furniture in [
            "cookies",
            "Akkoord",
            "Direct naar",
            "Nieuws",
            "Over ons",
            "Zoek op",
            "Brieven",
            "Lees ook",
            "Keizersgracht",
            "Mastodon",
            "Geplaatst",
            "geen brieftekst",
            "hangslot",
            "Voorstel voor een verordening, COM",
            "↩",
        ] {
            assert!(!t.contains(furniture), "{furniture} in {t}");
        }
    }
    assert_eq!(
        markers(&l),
        [
            (1, "022 deed".to_string()),
            (2, "euteling".to_string()),
            (3, "-centrum".to_string()),
            (2, " noemden".to_string()),
        ]
    );
    let notes: Vec<(u32, &str, Vec<&str>)> = l
        .footnotes
        .iter()
        .map(|n| {
            (
                n.number,
                n.text.as_str(),
                n.urls.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            (
                1,
                "Voorstel voor een verordening, COM(2022) 209, op EUR-Lex.",
                vec!["https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52022PC0209"]
            ),
            (
                2,
                "EDPB-EDPS Joint Opinion 04/2022, zie https://www.edpb.europa.eu/system/files/2022-07/edpb_edps_jointopinion_202204_csam_en.pdf.",
                vec![
                    "https://www.edpb.europa.eu/system/files/2022-07/edpb_edps_jointopinion_202204_csam_en.pdf"
                ]
            ),
            (3, "Zie de cijfers van de Ierse politie over 2020.", vec![]),
        ]
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn main_is_the_content_then_an_article_then_the_page_less_its_furniture() {
    let page = |inner: &str| format!("<html><body>{inner}</body></html>");
    let filler = "Een zin in de brief die lang genoeg is om te tellen. ".repeat(4);
    // <main> wins over the rest of the page, even a longer div.
    let l = letter(&page(&format!(
        "<div><p>Buiten main {filler}{filler}</p></div><main><p>Binnen main {filler}</p></main>"
    )));
    assert_eq!(texts(&l).len(), 1);
    assert!(texts(&l)[0].starts_with("Binnen main"));
    // role="main" counts as main.
    let l = letter(&page(&format!(
        "<div><p>Buiten {filler}</p></div><div role=\"main\"><p>Binnen {filler}</p></div>"
    )));
    assert!(texts(&l).iter().all(|t| t.starts_with("Binnen")));
    // An article holding most of the text is the content.
    let l = letter(&page(&format!(
        "<div><p>Naast het artikel.</p></div><article><p>Het artikel {filler}</p></article>"
    )));
    assert!(texts(&l).iter().all(|t| t.starts_with("Het artikel")));
    // Many small articles (a list of posts): the page is the content.
    let l = letter(&page(&format!(
        "<article><p>Eerste {filler}</p></article><article><p>Tweede {filler}</p></article><article><p>Derde {filler}</p></article>"
    )));
    assert_eq!(texts(&l).len(), 3);
    // Without main or article: page header, footer, nav, aside, forms and scripts go; a
    // header inside a section is the section's own and stays.
    let d = doc(&page(&format!(
        "<header><p>Sitekop</p></header><nav><a href=\"/\">Home</a></nav>\
         <section><header><p>Kop van de sectie</p></header><p>Tekst {filler}</p></section>\
         <aside><p>Zijbalk</p></aside><form><p>Formulier</p></form>\
         <script>document.write('script')</script><style>p {{ color: red }}</style>\
         <noscript>Zet javascript aan</noscript><template><p>Sjabloon</p></template>\
         <footer><p>Sitevoet</p></footer>"
    )));
    let all = d.text.clone();
    assert!(
        all.contains("Kop van de sectie") && all.contains("Tekst"),
        "{all}"
    );
    for gone in [
        "Sitekop",
        "Home",
        "Zijbalk",
        "Formulier",
        "script",
        "color",
        "javascript",
        "Sjabloon",
        "Sitevoet",
    ] {
        assert!(!all.contains(gone), "{gone} in {all}");
    }
}

#[test]
fn hidden_elements_and_blocks_named_as_furniture_are_left_out() {
    let filler = "Een zin in de brief die lang genoeg is om te tellen. ".repeat(6);
    let l = letter(&format!(
        "<body><div id=\"cookie-consent\"><p>Wij gebruiken cookies</p></div>\
         <div class=\"breadcrumb\"><a href=\"/\">Home</a> › Brieven</div>\
         <div class=\"share-buttons\"><a href=\"/x\">Deel</a></div>\
         <p hidden>Verborgen</p><p aria-hidden=\"true\">Ook verborgen</p>\
         <p style=\"display: none\">Niet getoond</p><span class=\"sr-only\">Alleen voorlezen</span>\
         <div role=\"navigation\"><a href=\"/\">Menu</a></div>\
         <div class=\"content\"><p>De brief. {filler}</p></div></body>"
    ));
    let all = texts(&l).join("\n");
    assert!(all.starts_with("De brief."), "{all}");
    for gone in [
        "cookies",
        "Home",
        "Deel",
        "Verborgen",
        "Niet getoond",
        "voorlezen",
        "Menu",
    ] {
        assert!(!all.contains(gone), "{gone} in {all}");
    }
    // Sharing buttons are links; a block about social policy is not.
    let l = letter(&format!(
        "<body><div><p>De brief. {filler}</p></div><div class=\"social-policy\"><p>Over sociaal beleid.</p></div></body>"
    ));
    assert!(
        texts(&l).iter().any(|t| t == "Over sociaal beleid."),
        "{:?}",
        texts(&l)
    );
    // A block named oddly that holds most of the page keeps its text.
    let l = letter(&format!(
        "<body><div class=\"menu-wrapper\"><p>De brief. {filler}</p></div><p>Slot.</p></body>"
    ));
    assert!(texts(&l).join(" ").contains("De brief."));
    // But a menu with more text than the page keeps out: its text is links.
    let menu: String = (0..200)
        .map(|i| format!("<li><a href=\"/p{i}\">Pagina nummer {i}</a></li>"))
        .collect();
    let l = letter(&format!(
        "<body><div id=\"navigation\"><ul>{menu}</ul></div><div><p>De brief. {filler}</p></div></body>"
    ));
    assert!(
        !texts(&l).join(" ").contains("Pagina nummer"),
        "{:?}",
        texts(&l)
    );
}

#[test]
fn a_page_of_short_paragraphs_without_a_salutation_is_all_body() {
    // No line is long enough to read as running text, so the passes alone find no body; the
    // paragraphs the page states are the body.
    let l = letter(
        "<body><main><h1>Stemmingsuitslag</h1><p>Besluit: verworpen.</p><p>Stemmingsoort: met handopsteken.</p>\
         <ul><li>VVD: tegen</li><li>SP: voor</li></ul></main></body>",
    );
    assert_eq!(
        texts(&l),
        [
            "Besluit: verworpen.",
            "Stemmingsoort: met handopsteken.",
            "VVD: tegen",
            "SP: voor"
        ]
    );
    assert_eq!(headings(&l), ["Stemmingsuitslag"]);
}

#[test]
fn a_long_heading_does_not_start_the_body() {
    // Without a salutation the body starts at the first long paragraph; a long heading is no
    // paragraph, so what stands before it is not taken for the letter's head.
    let l = letter(
        "<body><h1>Motie</h1><p>Besluit: verworpen.</p><h2>Behandeling</h2>\
         <h3>EINDE VERGADERING: STEMMINGEN (over moties ingediend bij het debat over de gaswinning en het debat over de begroting)</h3>\
         <p>Stemmingen</p></body>",
    );
    assert_eq!(headings(&l)[..2], ["Motie", "Behandeling"]);
    assert_eq!(texts(&l), ["Besluit: verworpen.", "Stemmingen"]);
}

#[test]
fn short_paragraphs_that_open_the_first_sentence_are_the_bodys() {
    // A motion opens with short paragraphs that end in a comma, each going on in lower case
    // in the next: they begin the first long paragraph's sentence, so they are body, not
    // head. A short line before them that ends no such clause (the date) stays head.
    let l = letter(
        "<body><h1>Nr. 7 MOTIE VAN HET LID JANSEN</h1><p>Voorgesteld 3 maart 2022</p>\
         <p>De Kamer,</p><p>gehoord de beraadslaging,</p>\
         <p>constaterende dat een zin die lang genoeg is om als lopende tekst te gelden meer dan honderd tekens telt;</p>\
         <p>en gaat over tot de orde van de dag.</p></body>",
    );
    let texts = texts(&l);
    assert_eq!(texts[..2], ["De Kamer,", "gehoord de beraadslaging,"]);
    assert!(
        texts.iter().all(|t| !t.contains("Voorgesteld")),
        "{texts:?}"
    );
}

#[test]
fn headings_right_before_the_first_paragraph_are_the_bodys() {
    // No salutation: the passes start the body at the first long line; the headings the page
    // states right before it belong to the body, the cover lines before those do not.
    let l = letter(
        "<body><p>Brussel, 11.5.2022</p><p>COM(2022) 209</p><h1>TOELICHTING</h1><h2>1. Achtergrond</h2>\
         <p>Een eerste alinea die lang genoeg is om als lopende tekst te gelden, met meer dan honderd tekens erin.</p>\
         <h2>2. Rechtsgrond</h2><p>Tekst.</p></body>",
    );
    assert_eq!(
        headings(&l),
        ["TOELICHTING", "1. Achtergrond", "2. Rechtsgrond"]
    );
    assert!(
        texts(&l).iter().all(|t| !t.contains("COM(2022)")),
        "{:?}",
        texts(&l)
    );
}

#[test]
fn headings_list_items_and_paragraphs_are_stated() {
    let d = doc("<body><h1>Eén</h1><h2>Twee</h2><h3>Drie</h3><h6>Zes</h6>\
         <p class=\"li ManualHeading2\"><span class=\"num\">1.</span><span>Klasse</span></p>\
         <p class=\"li ManualHeading2\"><span class=\"num\"><span>•</span></span><span>Met bolletje</span></p>\
         <p class=\"Exposdesmotifstitre\"><span>TOELICHTING</span></p>\
         <p>Alinea <b>met</b> nadruk.</p><div>Een blok</div>\
         <ul><li>punt a<li>punt b</ul><ol><li><p>punt c</p></li></ol><dl><dt>term</dt><dd>uitleg</dd></dl></body>");
    let got = lines(&d);
    let role = |text: &str| {
        got.iter()
            .find(|(_, l)| l == text)
            .map(|(r, _)| *r)
            .unwrap_or_else(|| panic!("{text} in {got:?}"))
    };
    assert_eq!(role("Eén"), Role::Heading(1));
    assert_eq!(role("Twee"), Role::Heading(2));
    assert_eq!(role("Drie"), Role::Heading(3));
    assert_eq!(role("Zes"), Role::Heading(6));
    // EUR-Lex's heading classes, the number label set apart from the title.
    assert_eq!(role("1. Klasse"), Role::Heading(2));
    // A bullet label is decoration; the Commission's French-named title styles are titles.
    assert_eq!(role("Met bolletje"), Role::Heading(2));
    assert_eq!(role("TOELICHTING"), Role::Heading(1));
    for item in ["punt a", "punt b", "punt c"] {
        assert_eq!(role(item), Role::ListItem, "{item}");
    }
    // A definition list's term and description are one line, as a head's label and value.
    for text in ["Alinea met nadruk.", "Een blok", "term: uitleg"] {
        assert!(
            !matches!(role(text), Role::Heading(_) | Role::ListItem),
            "{text}"
        );
    }
}

#[test]
fn a_line_break_ends_a_line_of_its_block() {
    let filler = "Een zin in de brief die lang genoeg is om te tellen. ".repeat(3);
    let l = letter(&format!(
        "<body><p>Aan de minister<br>Postbus 20011<br/>2500 EA Den Haag</p>\
         <p>Den Haag, 3 maart 2024</p><p>Geachte minister,</p>\
         <p>Eerste regel<br>tweede regel van dezelfde alinea. {filler}</p>\
         <p>Met vriendelijke groet,</p><p>J. Jansen</p></body>"
    ));
    assert_eq!(l.recipients, ["minister"]);
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2024-03-03"));
    // In the body the lines of one paragraph are one paragraph.
    assert!(
        texts(&l)[0].starts_with("Eerste regel tweede regel van dezelfde alinea."),
        "{:?}",
        texts(&l)
    );
    // In the head they are lines of their own, for the passes to read.
    let d = doc(&format!(
        "<body><p>Aan de minister<br>Postbus 20011</p><p>Geachte minister,</p><p>Een<br>Twee {filler}</p></body>"
    ));
    let got: Vec<String> = lines(&d).into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        got[..3],
        ["Aan de minister", "Postbus 20011", "Geachte minister,"]
    );
    assert!(got[3].starts_with("Een Twee"), "{got:?}");
}

#[test]
fn table_rows_are_paragraphs_with_cells_apart() {
    let d = doc("<body><table>\
         <tr><th>Lidstaat</th><th>Standpunt</th><th></th></tr>\
         <tr><td><p>Nederland</p></td><td><p>onthouding</p><p>(motie)</p></td></tr>\
         <tr><td>(1)</td><td>Overweging die een punt van de tekst is.</td></tr>\
         <tr><td>a)</td><td>Een punt.</td></tr>\
         <tr><td>12</td><td>Een getal is geen label.</td></tr>\
         </table>\
         <table><tr><td><h2>Kop in een opmaaktabel</h2><p>Eerste alinea.</p><p>Tweede alinea.</p></td></tr></table>\
         <table><tr><td>buiten<table><tr><td>binnen</td><td>tabel</td></tr></table></td><td>rechts</td></tr></table>\
         </body>");
    let got: Vec<String> = lines(&d).into_iter().map(|(_, l)| l).collect();
    for row in [
        "Lidstaat | Standpunt",
        "Nederland | onthouding (motie)",
        "(1) Overweging die een punt van de tekst is.",
        "a) Een punt.",
        "12 | Een getal is geen label.",
        "Kop in een opmaaktabel",
        "Eerste alinea.",
        "Tweede alinea.",
        "buiten binnen tabel | rechts",
    ] {
        assert!(got.iter().any(|l| l == row), "{row} in {got:#?}");
    }
    // A row of one cell passes its blocks through: the heading stays a heading.
    let heading = lines(&d)
        .into_iter()
        .find(|(_, l)| l == "Kop in een opmaaktabel")
        .map(|(r, _)| r);
    assert_eq!(heading, Some(Role::Heading(2)));
}

/// A page of a letter whose body is `body` and whose notes are `notes`, as `<main>`.
fn noted(body: &str, notes: &str) -> Letter {
    letter(&format!(
        "<html><body><main><p>Geachte heer,</p>{body}<p>Hoogachtend,</p><p>A. Auteur</p></main>{notes}</body></html>"
    ))
}

fn note_list(l: &Letter) -> Vec<(u32, String, Vec<String>)> {
    l.footnotes
        .iter()
        .map(|n| (n.number, n.text.clone(), n.urls.clone()))
        .collect()
}

#[test]
fn footnotes_of_eur_lex_commission_documents() {
    // COM documents: a span.FootnoteReference0 around a.footnoteRef, notes as dd in
    // dl#footnotes with a link back and the number in parentheses; the id's number is not
    // the number shown.
    let l = noted(
        "<p class=\"Normal\"><span>De rechten van het kind</span><span class=\"FootnoteReference0\">\n\
           <a class=\"footnoteRef\" id=\"footnoteref2\" href=\"#footnote2\">1</a>\n\
         </span><span>. Zie ook het Handvest</span><span class=\"FootnoteReference0\">\n\
           <a class=\"footnoteRef\" id=\"footnoteref3\" href=\"#footnote3\">2</a>\n\
         </span><span> van de Unie.</span></p>",
        "<div class=\"content\"><dl id=\"footnotes\">\
           <dd id=\"footnote2\"><span class=\"num\"><a class=\"footnote\" href=\"#footnoteref2\">(1)</a></span>\
             <span><span class=\"tab\">   </span>VN-Verdrag, </span>\
             <a class=\"externalRef\" href=\"https://example.org/uncrc?x=1&amp;y=2\">1989</a><span>.</span></dd>\
           <dd id=\"footnote3\"><span class=\"num\"><a class=\"footnote\" href=\"#footnoteref3\">(2)</a></span>\
             <span>Handvest, 2012/C 326/02.</span></dd>\
         </dl></div>",
    );
    assert_eq!(
        markers(&l),
        [(1, "het kind".to_string()), (2, "Handvest".to_string())]
    );
    assert_eq!(
        texts(&l)[0],
        "De rechten van het kind. Zie ook het Handvest van de Unie."
    );
    assert_eq!(
        note_list(&l),
        [
            (
                1,
                "VN-Verdrag, 1989.".to_string(),
                vec!["https://example.org/uncrc?x=1&y=2".to_string()]
            ),
            (2, "Handvest, 2012/C 326/02.".to_string(), vec![]),
        ]
    );
}

#[test]
fn footnotes_of_the_official_journal() {
    // OJ documents: references and notes link to each other (ntc/ntr), the number in
    // parentheses with a superscript span; notes are p.note after an hr.
    let l = noted(
        "<p class=\"normal\">Gezien het advies van de Bank <a href=\"#ntr1-L1\" id=\"ntc1-L1\">\n(\n<span class=\"super\">1</span>\n)\n</a>,</p>\
         <p class=\"oj-normal\">Gezien het advies van het Comité<a id=\"ntc2-L1\" href=\"#ntr2-L1\">(<span class=\"oj-super oj-note-tag\">2</span>)</a>,</p>",
        "<hr class=\"note\"><p class=\"note\"><a href=\"#ntc1-L1\" id=\"ntr1-L1\">(<span class=\"super\">1</span>)</a>\
           <a href=\"https://eur-lex.europa.eu/oj/c-105\">PB C 105 van 11.4.2012, blz. 1</a>.</p>\
         <p class=\"oj-note\"><a id=\"ntr2-L1\" href=\"#ntc2-L1\">(<span class=\"oj-super\">2</span>)</a>&nbsp;PB C 68 van 6.3.2012, blz. 39.</p>",
    );
    assert_eq!(
        markers(&l),
        [(1, " de Bank".to_string()), (2, "t Comité".to_string())]
    );
    assert_eq!(
        note_list(&l),
        [
            (
                1,
                "PB C 105 van 11.4.2012, blz. 1.".to_string(),
                vec!["https://eur-lex.europa.eu/oj/c-105".to_string()]
            ),
            (2, "PB C 68 van 6.3.2012, blz. 39.".to_string(), vec![]),
        ]
    );
    assert!(texts(&l).iter().all(|t| !t.contains("PB C")));
}

#[test]
fn footnotes_of_the_dutch_official_publications() {
    // officielebekendmakingen.nl: a.nootnum to an anchor inside the note's div.voet.noot
    // (a close button and a label 'Noot' in an h5, the number in sup span.nootnum).
    let l = noted(
        "<p>Wat is uw reactie op het bericht «Veel meldingen»?<a class=\"nootnum supernote-click-ID-1\" href=\"#ID-1\">1</a> \
         En op het rapport<a class=\"nootnum supernote-click-ID-2\" href=\"#ID-2\">2</a>?</p>",
        "<div id=\"noten\"><hr/>\
           <div class=\"voet noot snp-mouseoffset snb-pinned notedefault\" id=\"supernote-note-ID-1\">\
             <h5 class=\"note-close\"><a class=\"note-close\" href=\"#close-ID-1\">X</a> Noot</h5>\
             <sup><span class=\"nootnum\"><a id=\"ID-1\" name=\"ID-1\"></a>1</span></sup>\
             <p><a href=\"http://nos.nl/l/2077649\" class=\"externe_link\">http://nos.nl/l/2077649</a></p></div>\
           <div class=\"voet noot snp-mouseoffset snb-pinned notedefault\" id=\"supernote-note-ID-2\">\
             <h5 class=\"note-close\"><a class=\"note-close\" href=\"#close-ID-2\">X</a> Noot</h5>\
             <sup><span class=\"nootnum\"><a id=\"ID-2\" name=\"ID-2\"></a>2</span></sup><p>VOG: verklaring omtrent gedrag</p></div>\
         </div>",
    );
    assert_eq!(
        markers(&l),
        [(1, "dingen»?".to_string()), (2, " rapport".to_string())]
    );
    assert_eq!(
        note_list(&l),
        [
            (
                1,
                "http://nos.nl/l/2077649".to_string(),
                vec!["http://nos.nl/l/2077649".to_string()]
            ),
            (2, "VOG: verklaring omtrent gedrag".to_string(), vec![]),
        ]
    );
}

#[test]
fn footnotes_of_a_word_document_saved_as_a_web_page() {
    // Word's "Save as web page": [n] in span.MsoFootnoteReference inside a named anchor, notes
    // in div#ftnN at the end with the number linking back.
    let l = noted(
        "<p class=MsoNormal>Zie het advies<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\">         <span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[1]<![endif]></span></span></a> van de Raad.</p>",
        "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width=\"33%\"><![endif]>         <div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\">         <span class=MsoFootnoteReference><span style='mso-special-character:footnote'>[1]</span></span></a> Advies van de Raad van State,          <a href=\"https://www.raadvanstate.nl/adviezen/\">raadvanstate.nl</a>.</p></div></div>",
    );
    assert_eq!(markers(&l), [(1, "t advies".to_string())]);
    assert_eq!(
        note_list(&l),
        [(
            1,
            "Advies van de Raad van State, raadvanstate.nl.".to_string(),
            vec!["https://www.raadvanstate.nl/adviezen/".to_string()]
        )]
    );
    assert!(
        texts(&l).iter().any(|t| t == "Zie het advies van de Raad."),
        "{:?}",
        texts(&l)
    );
}

#[test]
fn superscript_numbers_without_links_and_a_list_of_notes_after_them() {
    let l = noted(
        "<p>Het advies<sup>1</sup> en de brief<sup>2</sup>; zie weer het advies<sup>1</sup>.</p>\
         <p>Een macht: 10<sup>6</sup> meldingen.</p>\
         <ol><li>Eerste punt van de brief.</li><li>Tweede punt.</li><li>Derde punt.</li></ol>",
        "<h3>Noten</h3><ol><li>Het advies, https://example.org/advies.</li><li>De brief.</li></ol>",
    );
    assert_eq!(
        markers(&l),
        [
            (1, "t advies".to_string()),
            (2, "de brief".to_string()),
            (1, "t advies".to_string())
        ]
    );
    assert_eq!(
        note_list(&l),
        [
            (
                1,
                "Het advies, https://example.org/advies.".to_string(),
                vec!["https://example.org/advies".to_string()]
            ),
            (2, "De brief.".to_string(), vec![]),
        ]
    );
    // A superscript out of numbering order is text; a list of another length is the letter's.
    let texts = texts(&l);
    assert!(
        texts.iter().any(|t| t == "Een macht: 106 meldingen."),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "Tweede punt."), "{texts:?}");
    // Without a list of as many items the numbers stay text.
    let l = noted(
        "<p>Het advies<sup>1</sup>.</p>",
        "<ol><li>a</li><li>b</li></ol>",
    );
    assert!(l.footnotes.is_empty());
    assert!(crate::texts(&l).iter().any(|t| t == "Het advies1."));
}

#[test]
fn a_note_cited_twice_and_a_number_shown_again() {
    let l = noted(
        "<p>Eerste<sup><a href=\"#fn1\">1</a></sup> en weer<sup><a href=\"#fn1\">1</a></sup>.</p>\
         <p>Bijlage<sup><a href=\"#annex-fn1\">1</a></sup>.</p>",
        "<ol class=\"footnotes\"><li id=\"fn1\">De noot.</li></ol>\
         <ol class=\"footnotes\"><li id=\"annex-fn1\">De noot van de bijlage.</li></ol>",
    );
    assert_eq!(
        markers(&l),
        [
            (1, "Eerste".to_string()),
            (1, " en weer".to_string()),
            (2, "Bijlage".to_string())
        ]
    );
    assert_eq!(
        note_list(&l),
        [
            (1, "De noot.".to_string(), vec![]),
            (2, "De noot van de bijlage.".to_string(), vec![]),
        ]
    );
}

#[test]
fn in_page_links_that_are_no_notes_stay_text() {
    let l = noted(
        "<p>Zie paragraaf <a href=\"#s2\">2</a> hieronder en <a href=\"#s3\">de slotsom</a>.</p>\
         <h2 id=\"s2\">2 Analyse</h2><p>Tekst.</p><h2 id=\"s3\">Slotsom</h2><p>Einde.</p>\
         <p>Een lijst van noten zonder eigen blok: <sup><a href=\"#a\">1</a></sup></p>",
        "<div id=\"noten\"><a id=\"a\"></a>Eerste noot. <a id=\"b\"></a>Tweede noot.<sup><a href=\"#b\">2</a></sup></div>",
    );
    assert!(l.footnotes.is_empty(), "{:?}", l.footnotes);
    assert!(
        texts(&l)
            .iter()
            .any(|t| t == "Zie paragraaf 2 hieronder en de slotsom."),
        "{:?}",
        texts(&l)
    );
}

#[test]
fn title_and_meta_are_hints_the_letter_may_overrule() {
    let body = "<p>Een alinea zonder datum en onderwerp, die lang genoeg is voor de romp van de brief en niets over zichzelf zegt.</p>";
    let l = letter(&format!(
        "<html><head><title>Een titel | Mijn site</title><meta name=\"DC.date\" content=\"2023-09-18\"></head><body>{body}</body></html>"
    ));
    assert_eq!(l.subject.as_deref(), Some("Een titel"));
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2023-09-18"));
    let l = letter(&format!(
        "<html><head><title>Een titel</title><meta property=\"og:title\" content=\"De kop\">\
         <meta property=\"article:published_time\" content=\"2024-05-01T10:00:00+02:00\"></head><body>{body}</body></html>"
    ));
    assert_eq!(l.subject.as_deref(), Some("De kop"));
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2024-05-01"));
    let l = letter(&format!(
        "<html><head><meta name=\"dcterms.title\" content=\"DC-titel\"><meta name=\"dcterms.modified\" content=\"2020-01-01\"></head><body>{body}</body></html>"
    ));
    assert_eq!(l.subject.as_deref(), Some("DC-titel"));
    assert_eq!(l.date, None, "a modification date is not the letter's");
    // The letter's own date and subject win.
    let l = letter(
        "<html><head><title>Paginatitel</title><meta name=\"DC.date\" content=\"2023-09-18\"></head><body>\
         <p>Den Haag, 5 juni 2024</p><p>Betreft: Het eigen onderwerp</p><p>Geachte heer,</p>\
         <p>Een alinea die lang genoeg is voor de romp van de brief, met meer woorden dan een kop heeft.</p></body></html>",
    );
    assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2024-06-05"));
    assert_eq!(l.subject.as_deref(), Some("Het eigen onderwerp"));
}

#[test]
fn entities_are_decoded_and_control_characters_made_visible() {
    let l = noted(
        "<p>Caf&eacute; &amp; co&#8217;s &lt;tag&gt; &nbsp;&euro;&nbsp;5 &#x1b;[31mrood&#27;[0m \u{202e}omgekeerd \u{e000}7\u{e001}<sup><a href=\"#n\">1</a></sup></p>",
        "<ol><li id=\"n\">Noot &#27;]0;titel&#7; met <a href=\"https://x.example/&#27;[2J\">link</a></li></ol>",
    );
    let t = texts(&l)
        .into_iter()
        .find(|t| t.starts_with("Caf"))
        .expect("the paragraph");
    assert!(t.starts_with("Café & co’s <tag> € 5"), "{t}");
    assert!(is_safe(&t), "{t:?}");
    assert!(t.contains('␛') && t.contains("rood"), "{t:?}");
    // The page's own marker sentinels are no markers: the one note marker is the link's.
    assert!(t.contains("\u{fffd}7\u{fffd}"), "{t:?}");
    assert_eq!(markers(&l).len(), 1);
    let note = &l.footnotes[0];
    assert!(
        is_safe(&note.text) && note.text.contains("␛"),
        "{:?}",
        note.text
    );
    assert!(note.urls.iter().all(|u| is_safe(u)), "{:?}", note.urls);
    let l = letter(
        "<html><head><title>&#27;[2JTitel</title></head><body><p>Een alinea die lang genoeg is voor de romp van de brief, met meer woorden dan een kop heeft.</p></body></html>",
    );
    assert!(l.subject.as_deref().is_some_and(is_safe), "{:?}", l.subject);
}

#[test]
fn the_encoding_is_the_pages() {
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>".to_vec();
    bytes.extend_from_slice(b"Geachte heer, \xe9\xe9n caf\xe9 \x93aan\x94 de overkant");
    bytes.extend_from_slice(b"</p></body></html>");
    let d = read(Some("html"), &bytes).expect("reads");
    // iso-8859-1 is read as windows-1252, as browsers do.
    assert!(d.text.contains("één café “aan” de overkant"), "{}", d.text);
    let utf16: Vec<u8> = "\u{feff}<html><body><p>Één brief</p></body></html>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let d = read(Some("html"), &utf16).expect("reads");
    assert!(d.text.contains("Één brief"), "{}", d.text);
}

#[test]
fn a_page_without_text_says_so() {
    for page in [
        "<html><head><title>Leeg</title></head><body></body></html>",
        "<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a></nav><script>x()</script></body></html>",
    ] {
        let err = read_file("leeg", "leeg", Some("html"), page.as_bytes()).unwrap_err();
        assert!(err.0.contains("no text"), "{err}");
    }
}

#[test]
fn deep_nesting_is_bounded_and_read() {
    for open in [
        "<div>",
        "<span>",
        "<b>",
        "<table><tr><td>",
        "<ul><li>",
        "<sup>",
        "<p><blockquote>",
        "<a href=\"#x\">",
    ] {
        let page = format!("<html><body>{}diepe tekst", open.repeat(100_000));
        let d = read(Some("html"), page.as_bytes()).expect("reads");
        assert!(d.text.contains("diepe tekst"), "{open}");
        // A link closes the open link before it: those do not nest.
        let deep = !open.starts_with("<a");
        assert_eq!(
            d.warnings
                .iter()
                .any(|w| w.contains("nested deeper than 512")),
            deep,
            "{open}: {:?}",
            d.warnings
        );
    }
    // Deep but closed again: what follows is read at its own level.
    let page = format!(
        "<html><body><main>{}<p>binnen</p>{}<h2>Erna</h2><p>buiten</p></main>",
        "<div>".repeat(2000),
        "</div>".repeat(2000)
    );
    let d = doc(&page);
    let got = lines(&d);
    assert!(
        got.contains(&(Role::Heading(2), "Erna".to_string())),
        "{got:?}"
    );
}

#[test]
fn a_large_page_reads() {
    // 20 MB: paragraphs with notes, a table, links.
    let mut page = String::from("<html><head><title>Groot</title></head><body><main>");
    let mut notes = String::from("<ol>");
    let mut n = 0;
    while page.len() < 20 << 20 {
        n += 1;
        page.push_str(&format!(
            "<p>Alinea {n} met <b>nadruk</b>, een <a href=\"https://x.example/{n}\">link</a> en een noot<sup><a href=\"#fn{n}\">{}</a></sup>.</p>\
             <table><tr><td>{n}</td><td>cel</td></tr></table>",
            n % 9999 + 1
        ));
        if n <= 5000 {
            notes.push_str(&format!("<li id=\"fn{n}\">Noot {n}.</li>"));
        }
    }
    page.push_str("</main>");
    page.push_str(&notes);
    page.push_str("</ol></body></html>");
    let l = read_file("groot", "groot", Some("html"), page.as_bytes()).expect("reads");
    assert!(
        l.paragraphs().count() >= n,
        "{} paragraphs of {n}",
        l.paragraphs().count()
    );
    assert_eq!(l.footnotes.len(), 5000);
}

fn check_invariants(bytes: &[u8]) {
    if let Ok(l) = read_file("p", "p", Some("html"), bytes) {
        for (_, _, p) in l.paragraphs() {
            let len = p.text.chars().count();
            assert!(p.notes.iter().all(|n| n.at <= len));
            assert!(is_safe(&p.text), "{:?}", p.text);
        }
        for n in &l.footnotes {
            assert!(is_safe(&n.text));
            assert!(n.urls.iter().all(|u| is_safe(u)));
        }
        for s in l.sections.iter().filter_map(|s| s.heading.as_deref()) {
            assert!(is_safe(s));
        }
    }
}

/// Pieces of pages: tags of every kind the reader treats apart, broken markup, entities and
/// control characters.
fn pageish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<main>".to_string()),
        Just("<article>".to_string()),
        Just("<nav>".to_string()),
        Just("</nav>".to_string()),
        Just("<h2>".to_string()),
        Just("</h2>".to_string()),
        Just("<ul><li>".to_string()),
        Just("<li>".to_string()),
        Just("</ul>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<td>".to_string()),
        Just("<tr>".to_string()),
        Just("</table>".to_string()),
        Just("<br>".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<sup><a href=\"#fn1\">1</a></sup>".to_string()),
        Just("<a href=\"#fn2\" class=\"footnote-ref\">(2)</a>".to_string()),
        Just("<li id=\"fn1\">".to_string()),
        Just("<dd id=\"fn2\"><a href=\"#r\">(2)</a>".to_string()),
        Just("<a id=\"r\" href=\"#fn2\">2</a>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<title>".to_string()),
        Just("<meta name=\"DC.date\" content=\"2024-01-0".to_string()),
        Just("&amp;&#27;&#x202e;&#0;&bogus;&".to_string()),
        Just("\u{1b}[2J\u{e000}1\u{e001}".to_string()),
        Just("<!--".to_string()),
        Just("<![CDATA[".to_string()),
        Just("<svg><title>x</title>".to_string()),
        "[a-zA-Z ,.:;<>/\"'=#-]{0,30}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_as_html_read_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        check_invariants(&bytes);
    }

    #[test]
    fn page_like_input_reads_or_fails_cleanly(page in pageish()) {
        check_invariants(page.as_bytes());
    }

    #[test]
    fn the_fixture_mutated_reads_or_fails_cleanly(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..40)
    ) {
        let mut bytes = fixture_bytes();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        check_invariants(&bytes);
    }
}

#[test]
fn a_pages_definition_list_gives_date_number_and_submitter() {
    // The head of a Kamerstuk's page: the number, the date and the submitter as terms of a
    // definition list, each read with its description on one line.
    let l = letter(
        "<html><head><title>Wet auteurscontractenrecht</title></head><body><main>\
         <h1>Motie</h1><dl><dt>Nummer</dt><dd>33308-13</dd>\
         <dt>Publicatiedatum</dt><dd>10 februari 2015</dd>\
         <dt>Indiener</dt><dd><a href=\"/leden/helder\">Lilian Helder</a>, Kamerlid PVV</dd>\
         <dt>Voortouwcommissie</dt><dd>TK</dd></dl>\
         <p>Motie van het lid Helder over de geschillencommissie</p>\
         <h2>Stemmingsuitslag</h2><p>Besluit: Verworpen. De motie is verworpen. Met handopsteken.</p>\
         </main></body></html>",
    );
    assert_eq!(l.date, brieven::model::Date::ymd(2015, 2, 10));
    assert_eq!(l.reference.as_deref(), Some("33308-13"));
    assert_eq!(l.sender.as_deref(), Some("Lilian Helder, Kamerlid PVV"));
    assert_eq!(l.signed_by, ["Lilian Helder"]);
    assert!(
        texts(&l).iter().any(|t| t == "Voortouwcommissie: TK"),
        "{:?}",
        texts(&l)
    );
}

#[test]
fn an_eu_act_is_dated_placed_and_signed_at_its_end() {
    // EUR-Lex: the act's date only in its title and its close (`Done at ...`), the signatories
    // in capitals under their institutions; the page's title a file's name.
    let l = letter(
        "<html><head><title>L_2013176EN.01000101.xml</title></head><body>\
         <p class=\"doc-ti\">REGULATION (EU) No 575/2013 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</p>\
         <p class=\"doc-ti\">of 26 June 2013</p>\
         <p class=\"normal\">This Regulation lays down uniform rules. It applies to institutions. It enters into force.</p>\
         <p class=\"normal\">This Regulation shall be binding in its entirety and directly applicable in all Member States.</p>\
         <p class=\"normal\">Done at Brussels, 26 June 2013.</p>\
         <p class=\"signatory\">For the European Parliament</p><p class=\"signatory\">The President</p>\
         <p class=\"signatory\">M. SCHULZ</p><p class=\"signatory\">For the Council</p>\
         <p class=\"signatory\">The President</p><p class=\"signatory\">A. SHATTER</p>\
         </body></html>",
    );
    assert_eq!(l.date, brieven::model::Date::ymd(2013, 6, 26));
    assert_eq!(l.place.as_deref(), Some("Brussels"));
    assert_eq!(l.signed_by, ["M. SCHULZ", "A. SHATTER"]);
    assert_ne!(l.subject.as_deref(), Some("L_2013176EN.01000101.xml"));
}

/// A parliament's motion page: its `<title>` (and a `dcterms.title`) name the dossier the
/// motion belongs to, a title the page keeps out of view in the body; the motion's own title
/// is what the page shows under a class that names it a title. The head's titles are then no
/// subject; the shown one is.
#[test]
fn a_head_title_the_page_hides_is_no_subject() {
    let l = letter(
        "<html><head><title>Wijziging van de Auteurswet in verband met de positie van de \
         auteur</title><meta name=\"dcterms.title\" content=\"Regels omtrent windenergie op \
         zee\"></head><body><main><dl><dt>Nummer</dt><dd>33308-13</dd></dl>\
         <div class=\"paper-description\"><span class=\"original-title element-hidden\">\
         Wijziging van de Auteurswet in verband met de positie\n   van de auteur</span>\
         <p class=\"use-as-title\">Motie van het lid Helder over de geschillencommissie\n \
         </p></div><p>De Kamer, gehoord de beraadslaging, verzoekt de regering ervoor te \
         zorgen dat de geschillencommissie er daadwerkelijk komt, en gaat over tot de orde \
         van de dag.</p></main></body></html>",
    );
    assert_eq!(
        l.subject.as_deref(),
        Some("Motie van het lid Helder over de geschillencommissie")
    );
    // A page that shows its head's title keeps it.
    let l = letter(
        "<html><head><title>Brief over detectie | Stichting</title></head><body><main>\
         <h1>Brief over detectie</h1><p>Geachte leden, wij schrijven u over het voorstel voor \
         een verordening en de detectiebevelen die het mogelijk maakt.</p></main></body></html>",
    );
    assert_eq!(l.subject.as_deref(), Some("Brief over detectie"));
}
