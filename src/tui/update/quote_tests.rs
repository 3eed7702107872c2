//! The sentence selection (`v`), typed as a person types: keys through the keymap, then
//! `update`.

use brieven::clipboard::OSC52_MAX_TEXT;
use brieven::i18n::Lang;

use super::find_tests::press;
use super::tests::reading;
use super::*;

/// The selected text, as the Reading pane marks it.
fn selected(app: &App) -> String {
    let Some(Overlay::Sentences(selection)) = app.overlay() else {
        panic!("no selection: {:?}", app.overlay())
    };
    let range = selection.display_range(&app.doc).expect("a range");
    app.doc.blocks[selection.block].text[range].to_string()
}

fn copied(effect: Effect) -> String {
    let Effect::Clipboard(text) = effect else {
        panic!("no copy: {effect:?}")
    };
    text
}

#[test]
fn v_selects_a_sentence_and_y_copies_it_with_the_paragraph_citation() {
    let mut app = reading(120, 36);
    // ¶ 2: two sentences, the note marker in the second.
    press(&mut app, "Jv");
    assert_eq!(
        selected(&app),
        "Offlimits is het Nederlandse expertisecentrum voor online misbruik."
    );
    // Moving keys move the selection, not the view: `q` still quits, so not that one.
    press(&mut app, "j");
    // The fixture's marker stands inside a word.
    assert_eq!(
        selected(&app),
        "Wij o¹ntvingen in 2023 ruim 12.000 meldingen via onze hotline."
    );
    press(&mut app, "j");
    assert_eq!(
        app.message.as_deref(),
        Some("Last sentence of the paragraph")
    );
    let text = copied(press(&mut app, "y"));
    assert!(app.overlay().is_none(), "y leaves the selection");
    assert_eq!(
        text,
        "“Wij ontvingen in 2023 ruim 12.000 meldingen via onze hotline.” — Offlimits, letter \
         to the Vaste commissie voor Justitie en Veiligheid, 18 September 2024, ref. \
         OL-2024-118, ¶ 2 (note 1: offlimits.nl, https://offlimits.nl/jaarverslag)"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Copied (if your terminal allows OSC 52)")
    );
    // `v` starts over at the first sentence, which cites no note: the paragraph's is not in it.
    press(&mut app, "v");
    assert_eq!(app.message, None);
    let text = copied(press(&mut app, "\r"));
    assert!(text.starts_with("“Offlimits is het"), "{text}");
    assert!(text.ends_with("¶ 2"), "{text}");
}

#[test]
fn j_and_k_stretch_the_selection_a_stretches_it_to_the_paragraph_esc_leaves() {
    let mut app = reading(120, 36);
    // ¶ 3, the first of `Detectie werkt`: two sentences.
    press(&mut app, "JJv");
    let first = selected(&app);
    assert!(first.starts_with("Detectie van bekend²"), "{first}");
    press(&mut app, "J");
    let both = selected(&app);
    assert!(both.starts_with(&first) && both.ends_with("Internet Watch Foundation."));
    let Some(Overlay::Sentences(selection)) = app.overlay() else {
        panic!()
    };
    assert_eq!(selection.label(Lang::En), "sentences 1–2 of 2");
    press(&mut app, "K");
    assert_eq!(selected(&app), first);
    press(&mut app, "K");
    assert_eq!(
        app.message.as_deref(),
        Some("First sentence of the paragraph")
    );
    press(&mut app, "a");
    assert_eq!(selected(&app), both);
    // Esc leaves; `y` then copies the whole paragraph, as before.
    press(&mut app, "\x1b");
    assert!(app.overlay().is_none());
    let text = copied(press(&mut app, "y"));
    assert!(text.contains(&both.replace('²', "")), "{text}");
}

#[test]
fn the_selection_starts_at_the_match_the_view_jumped_to() {
    let mut app = reading(120, 36);
    press(&mut app, "s12.000\r");
    press(&mut app, "v");
    assert!(
        selected(&app).starts_with("Wij o¹ntvingen"),
        "{}",
        selected(&app)
    );
}

#[test]
fn dutch_messages_and_counts() {
    let mut app = reading(120, 36);
    app.lang = Lang::Nl;
    press(&mut app, "Jv");
    let Some(Overlay::Sentences(selection)) = app.overlay() else {
        panic!()
    };
    assert_eq!(selection.label(Lang::Nl), "zin 1 van 2");
    press(&mut app, "y");
    assert_eq!(
        app.message.as_deref(),
        Some("Gekopieerd (als uw terminal OSC 52 toestaat)")
    );
}

#[test]
fn a_copy_is_cut_to_what_terminals_take_and_says_so() {
    let mut letter = crate::tui::fixtures::offlimits();
    let long = "Detectie werkt en dit is een lange zin over misbruik. ".repeat(2_000);
    letter.sections[0].paragraphs[1].text = long.trim_end().to_string();
    let mut app = crate::tui::fixtures::reading_only(letter);
    let text = copied(press(&mut app, "Jy"));
    assert!(text.len() <= OSC52_MAX_TEXT, "{}", text.len());
    assert!(text.len() > OSC52_MAX_TEXT - 200, "{}", text.len());
    assert!(
        text.contains(" dit…” — Offlimits, letter"),
        "{}",
        &text[text.len() - 300..]
    );
    let message = app.message.clone().unwrap();
    assert!(
        message.starts_with("Cut to 74 kB, the most terminals take in one copy"),
        "{message}"
    );
    assert!(message.ends_with("(if your terminal allows OSC 52)"));
    // Sentences of it are short enough.
    let text = copied(press(&mut app, "vJy"));
    assert_eq!(
        text.split("” — ").next().unwrap(),
        "“Detectie werkt en dit is een lange zin over misbruik. Detectie werkt en dit is een \
         lange zin over misbruik."
    );
}

#[test]
fn m_pins_the_selected_sentences_with_their_citation_and_the_card_shows_them() {
    let mut app = reading(120, 36);
    press(&mut app, "Jvj");
    let Effect::Persist(crate::tui::memory::StateChange::Pin { card, .. }) = press(&mut app, "m")
    else {
        panic!("m pins a card")
    };
    assert!(app.overlay().is_none(), "m leaves the selection");
    assert_eq!(
        card.quote,
        "Wij ontvingen in 2023 ruim 12.000 meldingen via onze hotline."
    );
    assert_eq!(
        card.citation.as_deref(),
        Some(
            "“Wij ontvingen in 2023 ruim 12.000 meldingen via onze hotline.” — Offlimits, \
             letter to the Vaste commissie voor Justitie en Veiligheid, 18 September 2024, \
             ref. OL-2024-118, ¶ 2 (note 1: offlimits.nl, https://offlimits.nl/jaarverslag)"
        )
    );
    assert_eq!(
        card.anchor,
        brieven::citation::Anchor::Paragraph {
            section: 0,
            paragraph: 1
        }
    );
    assert!(app.message.as_deref().unwrap().starts_with("Pinned"));
    // From the stack, Enter shows the sentence the card quotes, not the paragraph's start.
    press(&mut app, "G'\r");
    let h = app
        .highlight
        .as_ref()
        .expect("the card's quote highlighted");
    let crate::tui::app::Shown::Block(b) = h.at else {
        panic!("in the text")
    };
    assert_eq!(
        app.doc.blocks[b].text[h.range.clone()].replace('¹', ""),
        "Wij ontvingen in 2023 ruim 12.000 meldingen via onze hotline."
    );
}
