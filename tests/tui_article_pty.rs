//! The reader's links to the proposal's articles, in a real pseudo-terminal: a letter that
//! names `artikel 7` opens Article 7 beside it with `A`, and `Backspace` returns to the letter
//! as it was; the proposal itself is listed after the letters, marked as the regulation; a term
//! the proposal defines opens its definition from the register.

#![cfg(unix)]

mod pty;

use pty::Launch;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");

#[test]
fn shift_a_opens_the_article_a_letter_names_and_backspace_returns() {
    let mut s = Launch::new()
        .args(&["--with-embedded", FIXTURES])
        .size(120, 36)
        .reporting()
        .start();
    // Five letters and the two written for the test; the proposal after them, not counted.
    s.wait_for("the letters and the proposal in the Letters pane", |s| {
        let left = s.left(40);
        left.contains("Letters (7)") && left.contains("COM(2022) 209 (regu")
    });
    // Open the Dutch test letter: its first paragraph names `artikel 7`.
    s.send("&digitale kinderrechten\r");
    s.wait_text("Het detectiebevel van artikel 7");
    s.send("A");
    s.wait_for("Article 7 beside the letter", |s| {
        let screen = s.screen();
        screen.contains("COM(2022) 209, Article 7")
            && screen.contains("Article 7 — Issuance of detection orders")
            && screen.contains("1. The Coordinating Authority of establishment")
    });
    s.send("\x7f");
    s.wait_for("the letter again", |s| {
        let screen = s.screen();
        !screen.contains("Issuance of detection orders")
            && screen.contains("Het detectiebevel van artikel 7")
    });
    // A letter that names no article of the proposal says so.
    s.send("\x1b");
    s.wait_text("Letters (7)");
    s.send("&twaalf\r");
    s.wait_text("Twaalf kinderrechtenorganisaties");
    s.send("A");
    s.wait_text("No article of the regulation is mentioned in view");
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn the_outline_of_the_proposal_nests_its_parts() {
    let mut s = Launch::new().size(120, 36).reporting().start();
    s.wait_text("Letters (5)");
    s.send("&com\r");
    // The memorandum at the top, its chapters one step in, their parts two.
    s.wait_for("the proposal's outline, nested", |s| {
        let left = s.left(40);
        left.contains("▸ EXPLANATORY MEMORANDUM")
            && left.contains("│    1. CONTEXT OF THE PROPOSAL")
            && left.contains("│      Reasons for and objectives")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn a_defined_term_in_the_register_opens_its_definition_in_the_act() {
    let mut s = Launch::new().size(120, 36).reporting().start();
    s.wait_text("Letters (5)");
    // The register's Terms tab (the fourth).
    s.send("r");
    s.wait_text("Register — Tab kind");
    s.send("\t\t\t");
    s.wait_text("Terms (");
    // Down to `online child sexual abuse`, whose entry says where it is defined.
    let defined = "online child sexual abuse · defined in COM(2022) 209, Article 2(p)";
    for _ in 0..15 {
        if s.screen().contains(defined) {
            break;
        }
        s.send("j");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    s.wait_text(defined);
    // Its concordance lists the definition first, named by its citation; Enter opens it.
    s.send("\r");
    s.wait_for("the definition first in the concordance", |s| {
        s.screen()
            .lines()
            .find(|l| l.contains("online child sexual abuse]") || l.contains("COM(2022) 209, Art"))
            .is_some_and(|l| l.contains("COM(2022) 209, Article 2(p)"))
    });
    s.send("\r");
    s.wait_for("Article 2 of the proposal at the definition", |s| {
        let screen = s.screen();
        screen.contains("‘online child sexual abuse’ means the online")
            && screen.contains("COM(2022) 209")
            && !screen.contains("Register — Tab kind")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn links_go_to_the_act_they_name_and_a_notes_mention_links_from_its_marker() {
    let acts = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/acts");
    let mut s = Launch::new()
        .args(&["--with-embedded", acts])
        .size(120, 36)
        .reporting()
        .start();
    s.wait_text("Letters (6)");
    s.send("&platform watch\r");
    s.wait_text("Article 3 of Regulation (EU) 2031/77");
    // `Article 3 of Regulation (EU) 2031/77` is the other act's, not the proposal's.
    s.send("A");
    s.wait_for("the other act's Article 3", |s| {
        let screen = s.screen();
        screen.contains("Regulation (EU) 2031/77, Article 3")
            && screen.contains("Article 3 — Yearly report")
    });
    // Then the proposal's Article 7, then the note's Article 12 (from the marker).
    s.send("A");
    s.wait_text("Article 7 — Issuance of detection orders");
    s.send("A");
    s.wait_text("Article 12 — Reporting obligations");
    s.send("\x7f");
    s.wait_for("the letter again", |s| {
        !s.screen().contains("Reporting obligations")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}
