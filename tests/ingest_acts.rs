//! Another act than the proposal, read by the same rules (issue 16: the reader for EUR-Lex
//! HTML is general): `tests/fixtures/acts/platform_act.html`, an adopted act in the Official
//! Journal's markup, with parts labelled in words (`PART ONE`), numbered definitions and annexes
//! whose titles lead their first paragraph.

use brieven::ingest::read_file;
use brieven::model::{DivisionKind, Letter};

/// The web page at `path` (from the crate's root) read as letter `id`.
fn read_page(id: &str, path: &str) -> Letter {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let bytes = std::fs::read(&path).expect("the page");
    let source = path.display().to_string();
    read_file(id, &source, Some("html"), &bytes).expect("the page reads")
}

fn platform_act() -> Letter {
    read_page("platform_act", "tests/fixtures/acts/platform_act.html")
}

#[test]
fn parts_labelled_in_words_hold_their_articles() {
    let p = platform_act();
    let act = p.act.as_ref().expect("an act");
    let outline: Vec<(DivisionKind, u8, &str)> = (act.divisions.iter().zip(&p.sections))
        .filter(|(d, _)| {
            matches!(
                d.kind,
                DivisionKind::Part | DivisionKind::Article | DivisionKind::Annex
            )
        })
        .map(|(d, s)| (d.kind, d.level, s.heading.as_deref().unwrap_or("")))
        .collect();
    use DivisionKind::{Annex, Article, Part};
    assert_eq!(
        outline,
        [
            (Part, 0, "PART ONE — GENERAL PROVISIONS"),
            (Article, 1, "Article 1 — Subject matter"),
            (Article, 1, "Article 2 — Definitions"),
            (Part, 0, "PART TWO — OBLIGATIONS"),
            (Article, 1, "Article 3 — Yearly report"),
            (Article, 1, "Article 4 — Transparency officer"),
            (Article, 1, "Article 5 — Entry into force"),
            (Annex, 0, "ANNEX I — MODEL YEARLY REPORT"),
            (Annex, 0, "ANNEX II — CORRELATION TABLE"),
        ]
    );
    let number = |h: &str| {
        let i = p
            .sections
            .iter()
            .position(|s| s.heading.as_deref() == Some(h));
        i.and_then(|i| act.divisions[i].number.clone())
    };
    assert_eq!(number("PART TWO — OBLIGATIONS").as_deref(), Some("TWO"));
    // The annex's title came from its first paragraph; the rest of it stays.
    let annex = p
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("ANNEX I — MODEL YEARLY REPORT"))
        .unwrap();
    assert_eq!(annex.paragraphs[0].text, "referred to in Article 3(2)");
}

/// Regulation (EU) No 575/2013 as the Official Journal's page on EUR-Lex sets it (a real page,
/// cut to an excerpt: `tests/real/SOURCES.md`), read by the rules that read the proposal: its
/// title in `doc-ti` headings is the preamble's and the act's subject, its parts and titles
/// hold its articles, its recitals, notes and annexes are there, a place in it is cited by
/// its number. The truth was read from the HTML (`ti-section-1`, `ti-art` and `sti-art`,
/// `doc-ti` and `ti-grseq-1`, the recitals' two-cell tables, `p.note`).
fn crr() -> Letter {
    read_page("crr", "tests/real/eurlex-oj-crr-575-2013-excerpt.html")
}

#[test]
fn a_real_act_from_the_official_journal_reads_as_the_proposal_does() {
    use brieven::citation::{Anchor, Citation};
    use brieven::i18n::Lang;
    let p = crr();
    let act = p.act.as_ref().expect("an act");
    assert_eq!(act.kind, brieven::model::ActKind::Regulation);
    assert_eq!(
        p.subject.as_deref(),
        Some(
            "REGULATION (EU) No 575/2013 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 26 \
             June 2013 on prudential requirements for credit institutions and investment firms \
             and amending Regulation (EU) No 648/2012"
        )
    );
    use DivisionKind::{Annex, Article, Part, Preamble, Recitals, Title};
    let outline: Vec<(DivisionKind, u8, &str)> = (act.divisions.iter().zip(&p.sections))
        .filter(|(d, _)| d.kind != DivisionKind::Heading)
        .map(|(d, s)| (d.kind, d.level, s.heading.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        outline,
        [
            (
                Preamble,
                0,
                "REGULATION (EU) No 575/2013 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL"
            ),
            (Recitals, 0, "Recitals"),
            (Part, 0, "PART ONE — GENERAL PROVISIONS"),
            (Title, 1, "TITLE I — SUBJECT MATTER, SCOPE AND DEFINITIONS"),
            (Article, 2, "Article 1 — Scope"),
            (Article, 2, "Article 2 — Supervisory powers"),
            (
                Article,
                2,
                "Article 3 — Application of stricter requirements by institutions"
            ),
            (Article, 2, "Article 4 — Definitions"),
            (Part, 0, "PART ELEVEN — FINAL PROVISIONS"),
            (
                Article,
                1,
                "Article 521 — Entry into force and date of application"
            ),
            (
                Annex,
                0,
                "ANNEX I — Classification of off-balance sheet items"
            ),
            (Annex, 0, "ANNEX II — Types of derivatives"),
        ]
    );
    // The title's lines under it are the preamble's text, before its citations.
    let preamble = &p.sections[act
        .divisions
        .iter()
        .position(|d| d.kind == Preamble)
        .unwrap()];
    let texts: Vec<&str> = preamble
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        texts[..3],
        [
            "of 26 June 2013",
            "on prudential requirements for credit institutions and investment firms and amending Regulation (EU) No 648/2012",
            "(Text with EEA relevance)"
        ]
    );
    // Two recitals, then the enacting formula (as in the proposal); two notes, each with its
    // marker in the citations.
    let recitals = &p.sections[act
        .divisions
        .iter()
        .position(|d| d.kind == Recitals)
        .unwrap()];
    let numbers: Vec<&str> = (recitals.paragraphs.iter())
        .map(|r| r.text.split_once(' ').map_or("", |(n, _)| n))
        .collect();
    assert_eq!(numbers, ["(1)", "(2)", "HAVE"]);
    assert_eq!(p.footnotes.len(), 2);
    let markers: Vec<u32> = preamble
        .paragraphs
        .iter()
        .flat_map(|para| para.notes.iter().map(|n| n.number))
        .collect();
    assert_eq!(markers, [1, 2]);
    // Cited by its number, as the proposal is by its document number.
    let four = p.article("4").expect("Article 4");
    let first = p.sections[four]
        .paragraphs
        .iter()
        .position(|para| para.text.starts_with("1. "))
        .unwrap();
    let c = Citation::of(
        &p,
        Anchor::Paragraph {
            section: four,
            paragraph: first,
        },
    )
    .unwrap();
    assert!(
        c.render(Lang::En)
            .ends_with("— Regulation (EU) No 575/2013, Article 4(1)"),
        "{}",
        c.render(Lang::En)
    );
}
