//! Another act than the proposal, read by the same rules (issue 16: the reader for EUR-Lex
//! HTML is general): `tests/fixtures/acts/platform_act.html`, an adopted act in the Official
//! Journal's markup, with parts labelled in words (`PART ONE`), numbered definitions and annexes
//! whose titles lead their first paragraph.

use brieven::ingest::read_file;
use brieven::model::{DivisionKind, Letter};

fn platform_act() -> Letter {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/acts/platform_act.html"
    );
    let bytes = std::fs::read(path).expect("the test act");
    read_file("platform_act", path, Some("html"), &bytes).expect("the page reads")
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
