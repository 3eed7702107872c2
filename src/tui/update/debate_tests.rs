//! Unit tests of the debate actions: quoting, note URLs, pinning, the stack, positions and
//! the timeline, without a terminal.

use std::sync::Arc;

use brieven::citation::Anchor;
use brieven::i18n::Lang;
use brieven::timeline::TimelineItem;

use super::*;
use crate::tui::app::Prompt;
use crate::tui::fixtures;

const OFFLIMITS: usize = 0;
const KINDERRECHTEN: usize = 1;

fn reading() -> App {
    let mut app = fixtures::app(120, 36);
    open_letter(&mut app, OFFLIMITS);
    app.focus = Pane::Reading;
    app
}

fn with_register(app: &mut App) {
    let register = Arc::new(brieven::register::Register::build(&app.letters));
    update(app, Action::RegisterReady(register));
}

#[test]
fn y_copies_the_paragraph_in_view_with_its_citation() {
    let mut app = reading();
    let Effect::Clipboard(text) = update(&mut app, Action::CopyCitation) else {
        panic!("y copies");
    };
    assert!(text.starts_with("“Geachte leden"), "{text}");
    assert!(text.contains("— Offlimits, letter to the"), "{text}");
    assert!(
        text.contains("18 September 2024, ref. OL-2024-118, ¶ 1"),
        "{text}"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Copied (if your terminal allows OSC 52)")
    );
}

#[test]
fn y_on_a_selected_marker_copies_the_note_in_the_interface_language() {
    let mut app = reading();
    app.lang = Lang::Nl;
    update(&mut app, Action::NextMarker);
    let Effect::Clipboard(text) = update(&mut app, Action::CopyCitation) else {
        panic!("y copies");
    };
    assert!(text.contains("Jaarverslag 2023"), "{text}");
    assert!(
        text.contains("18 september 2024, kenmerk OL-2024-118, noot 1"),
        "{text}"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Gekopieerd (als uw terminal OSC 52 toestaat)")
    );
}

#[test]
fn what_o_did_stays_on_the_status_line_when_the_worker_answers() {
    let mut app = reading();
    update(&mut app, Action::NextMarker);
    let Effect::OpenUrl(url) = update(&mut app, Action::OpenUrl) else {
        panic!("o opens the note's URL");
    };
    let told = app.message.clone().expect("the status line says so");
    assert!(told.contains(&url), "{told}");
    // The register arrives from the worker, then search results: neither is the user's doing.
    with_register(&mut app);
    let seq = app.search.sent;
    update(&mut app, Action::SearchResults(seq, Default::default()));
    assert_eq!(app.message.as_deref(), Some(told.as_str()));
    update(&mut app, Action::Down);
    assert_eq!(app.message, None, "the next key clears it");
}

#[test]
fn note_urls_are_copied_and_opened_only_when_http() {
    let mut app = reading();
    assert_eq!(update(&mut app, Action::OpenUrl), Effect::None);
    update(&mut app, Action::NextMarker);
    let url = "https://offlimits.nl/jaarverslag".to_string();
    assert_eq!(
        update(&mut app, Action::CopyUrl),
        Effect::Clipboard(url.clone())
    );
    assert_eq!(update(&mut app, Action::OpenUrl), Effect::OpenUrl(url));
    Arc::make_mut(&mut app.letters)[OFFLIMITS].footnotes[0].urls =
        vec!["javascript:alert(1)".into()];
    assert_eq!(update(&mut app, Action::OpenUrl), Effect::None);
    assert_eq!(
        app.message.as_deref(),
        Some("Not an http or https link: javascript:alert(1)")
    );
}

/// What the status line says after `o` on a note whose URL is `url`, in `lang`.
fn told_on_opening(url: &str, lang: Lang) -> String {
    let mut app = reading();
    app.lang = lang;
    Arc::make_mut(&mut app.letters)[OFFLIMITS].footnotes[0].urls = vec![url.into()];
    update(&mut app, Action::NextMarker);
    assert_eq!(update(&mut app, Action::OpenUrl), Effect::None, "{url:?}");
    app.message.expect("the status line says why")
}

#[test]
fn o_says_what_is_wrong_with_a_url_it_does_not_open() {
    for (url, en, nl) in [
        (
            "file:///etc/passwd",
            "Not an http or https link: file:///etc/passwd",
            "Geen http- of https-link: file:///etc/passwd",
        ),
        (
            "https:///etc/passwd",
            "Not a valid web address: https:///etc/passwd",
            "Geen geldig webadres: https:///etc/passwd",
        ),
    ] {
        assert_eq!(told_on_opening(url, Lang::En), en);
        assert_eq!(told_on_opening(url, Lang::Nl), nl);
    }
    // From an untrusted letter: control characters shown as placeholders, never raw.
    let told = told_on_opening("file:///\x1b]0;pwned\x07\u{202E}", Lang::En);
    assert!(!told.chars().any(brieven::text::is_unsafe_char), "{told:?}");
    assert!(
        told.starts_with("Not an http or https link: file:///␛]0;pwned"),
        "{told}"
    );
    // A long one is cut (on a char, with `…`) to leave room on the status line.
    let long = format!("https://exa mple.org/{}", "é’".repeat(100));
    let told = told_on_opening(&long, Lang::En);
    let url = told.strip_prefix("Not a valid web address: ").unwrap();
    assert!(long.starts_with(url.strip_suffix('…').unwrap()), "{told}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(url), 40, "{told}");
}

#[test]
fn m_pins_to_the_current_stack_and_the_stack_reorders_deletes_and_jumps() {
    let mut app = reading();
    let Effect::Persist(StateChange::Pin { stack, card }) = update(&mut app, Action::Pin) else {
        panic!("m pins");
    };
    assert_eq!(stack, "default");
    assert_eq!(
        card.anchor,
        Anchor::Paragraph {
            section: 0,
            paragraph: 0
        }
    );
    update(&mut app, Action::NextMarker);
    update(&mut app, Action::Pin);
    let cards = debate::cards(&app);
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[1].anchor, Anchor::Note { number: 1 });

    update(&mut app, Action::Cards);
    assert!(matches!(
        update(&mut app, Action::MoveCard(1)),
        Effect::Persist(StateChange::Move { id: 1, to: 1, .. })
    ));
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Cards(crate::tui::cards_view::CardsView {
            cursor: crate::tui::list_cursor::ListCursor { selected: 1 }
        }))
    );
    assert_eq!(debate::cards(&app)[0].anchor, Anchor::Note { number: 1 });
    update(&mut app, Action::DeleteCard);
    assert_eq!(debate::cards(&app).len(), 1);
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Cards(crate::tui::cards_view::CardsView {
            cursor: crate::tui::list_cursor::ListCursor { selected: 0 }
        }))
    );

    update(&mut app, Action::Close);
    open_letter(&mut app, KINDERRECHTEN);
    update(&mut app, Action::Cards);
    update(&mut app, Action::JumpToCard(1));
    assert!(app.overlays.is_empty());
    assert_eq!(app.current, OFFLIMITS);
    assert_eq!(app.note, Some(1));
}

#[test]
fn the_stack_overlay_switches_between_named_stacks() {
    let mut app = reading();
    update(&mut app, Action::Pin);
    let change = StateChange::SetCurrentStack("debat".into());
    change.apply(&mut app.state);
    update(&mut app, Action::Pin);
    update(&mut app, Action::Cards);
    assert_eq!(app.state.current_stack_name(), "debat");
    let effect = update(&mut app, Action::SwitchStack(1));
    assert_eq!(
        effect,
        Effect::Persist(StateChange::SetCurrentStack("default".into()))
    );
    assert_eq!(app.state.current_stack_name(), "default");
    assert_eq!(debate::cards(&app).len(), 1);
}

#[test]
fn positions_sort_by_date_or_sender_and_enter_opens_the_letter() {
    let mut app = reading();
    update(&mut app, Action::Positions);
    with_register(&mut app);
    let rows = app.position_rows.clone().unwrap();
    assert_eq!(rows[0].letter, KINDERRECHTEN);
    update(&mut app, Action::ToggleOrder);
    let Some(Overlay::Positions(view)) = app.overlay() else {
        panic!("the positions are open")
    };
    assert!(view.by_sender);
    let order: Vec<usize> = view.rows().iter().map(|r| r.letter).collect();
    assert_eq!(
        order,
        vec![2, KINDERRECHTEN, OFFLIMITS],
        "Evil, Kinderrechten, Offlimits"
    );
    assert_eq!(
        view.list.cursor.selected, 1,
        "the selected letter stays selected"
    );
    let kept: Vec<usize> = (app.position_rows.as_ref().unwrap().iter())
        .map(|r| r.letter)
        .collect();
    assert_eq!(kept[0], KINDERRECHTEN, "the reader's rows stay by date");
    update(&mut app, Action::Up);
    update(&mut app, Action::Activate);
    assert!(app.overlays.is_empty());
    assert_eq!(app.current, 2);
    assert_eq!(app.focus, Pane::Reading);
}

#[test]
fn a_timeline_built_while_its_overlay_is_open_newest_first_comes_newest_first() {
    let mut app = fixtures::app(120, 36);
    assert_eq!(update(&mut app, Action::Timeline), Effect::BuildTimeline);
    update(&mut app, Action::ToggleOrder);
    let built = brieven::timeline::Timeline::build(&app.letters, false);
    let oldest_first: Vec<_> = built.entries.iter().map(|e| e.date).collect();
    update(&mut app, Action::TimelineReady(Arc::new(built)));
    let Some(Overlay::Timeline(view)) = app.overlay() else {
        panic!("the timeline is open")
    };
    let shown: Vec<_> = (view.timeline.as_ref().unwrap().entries.iter())
        .map(|e| e.date)
        .collect();
    assert!(oldest_first.len() > 1 && oldest_first.first() < oldest_first.last());
    assert_eq!(shown, oldest_first.into_iter().rev().collect::<Vec<_>>());
    assert_eq!(
        view.rows.len(),
        views::timeline_rows(view.timeline.as_ref().unwrap()).len()
    );
}

#[test]
fn the_timeline_jumps_to_a_mention_and_highlights_it() {
    let mut app = fixtures::app(120, 36);
    Arc::make_mut(&mut app.letters)[OFFLIMITS].sections[1].paragraphs[0].text =
        "Wij spraken u op 28 september 2023 in de JBZ-raad.".into();
    assert_eq!(update(&mut app, Action::Timeline), Effect::BuildTimeline);
    assert!(app.timeline.is_none(), "built off the loop");
    let built = brieven::timeline::Timeline::build(&app.letters, false);
    update(&mut app, Action::TimelineReady(Arc::new(built)));
    let timeline = app.timeline.clone().unwrap();
    let rows = views::timeline_rows(&timeline);
    let (row, mention) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| match &timeline.entries[r.entry].item {
            TimelineItem::Event(e) => Some((i, e.mentions[r.mention?].clone())),
            TimelineItem::Letter { .. } => None,
        })
        .expect("an event in the fixtures");
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    assert!(app.overlays.is_empty());
    assert_eq!(app.current, mention.letter);
    assert!(app.highlight.is_some());
    assert_eq!(
        update(&mut app, Action::Timeline),
        Effect::None,
        "built once"
    );
    update(&mut app, Action::ToggleOrder);
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Timeline(view)) if view.newest_first
    ));
}

#[test]
fn e_in_the_stack_labels_the_selected_card() {
    let mut app = reading();
    update(&mut app, Action::Pin);
    update(&mut app, Action::Cards);
    update(&mut app, Action::EditLabel);
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Label {
            text: String::new(),
            purpose: Prompt::CardLabel,
        })
    );
    let q = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('q'),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(
        crate::tui::keymap::action_for(&app, &q),
        Some(Action::Input('q'))
    );
    for c in "JBZ xq".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::DeleteChar);
    let effect = update(&mut app, Action::Activate);
    assert!(matches!(effect, Effect::Persist(StateChange::Label { .. })));
    assert_eq!(debate::cards(&app)[0].label.as_deref(), Some("JBZ x"));
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Cards(crate::tui::cards_view::CardsView {
            cursor: crate::tui::list_cursor::ListCursor { selected: 0 }
        }))
    );
}

#[test]
fn in_the_footnotes_pane_the_note_shown_is_the_one_quoted() {
    let mut app = reading();
    update(&mut app, Action::NextMarker);
    app.focus = Pane::Footnotes;
    let notes = app.notes_in_view();
    assert!(notes.len() >= 2, "{notes:?}");
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let shown = app.note.unwrap();
    assert_ne!(shown, 1);
    assert_eq!(debate::selected_note(&app), Some(shown));
}

#[test]
fn n_in_the_stack_names_a_new_stack_that_becomes_current() {
    let mut app = reading();
    update(&mut app, Action::Pin);
    update(&mut app, Action::Cards);
    update(&mut app, Action::NewStack);
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Label {
            text: String::new(),
            purpose: Prompt::StackName,
        })
    );
    for c in "JBZ-raad dec".chars() {
        update(&mut app, Action::Input(c));
    }
    let effect = update(&mut app, Action::Activate);
    assert!(matches!(
        effect,
        Effect::Persist(StateChange::SetCurrentStack(ref name)) if name == "JBZ-raad dec"
    ));
    assert_eq!(app.state.current_stack_name(), "JBZ-raad dec");
    assert!(debate::cards(&app).is_empty(), "a new stack starts empty");
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Cards(crate::tui::cards_view::CardsView {
            cursor: crate::tui::list_cursor::ListCursor { selected: 0 }
        }))
    );
    update(&mut app, Action::Close);
    update(&mut app, Action::Pin);
    assert_eq!(debate::cards(&app).len(), 1, "m pins to the new stack");
    // An empty name makes no stack.
    update(&mut app, Action::Cards);
    update(&mut app, Action::NewStack);
    update(&mut app, Action::Activate);
    assert_eq!(app.state.current_stack_name(), "JBZ-raad dec");
}

/// With the register built, `query` searched for and Enter on its first result.
fn jump_to_search_hit(app: &mut App, query: &str) {
    with_register(app);
    update(app, Action::Search);
    for c in query.chars() {
        update(app, Action::Input(c));
    }
    let register = app.register.clone().unwrap();
    let query = &app.search.query;
    let results = crate::tui::worker::answer((&app.letters, &register), &app.index, query, 50);
    let seq = app.search.sent;
    update(app, Action::SearchResults(seq, results));
    update(app, Action::Activate);
}

/// The (section, paragraph) of a block that is a paragraph.
fn place_of(app: &App, b: usize) -> (usize, usize) {
    match app.doc.blocks[b].kind {
        crate::tui::document::BlockKind::Paragraph {
            section, paragraph, ..
        } => (section, paragraph),
        ref other => panic!("block {b} is {other:?}"),
    }
}

#[test]
fn after_a_search_jump_m_and_y_take_the_paragraph_of_the_hit_not_the_top_of_the_view() {
    let mut app = reading();
    jump_to_search_hit(&mut app, "12.000 meldingen");
    let Some(crate::tui::app::Highlight {
        at: crate::tui::app::Shown::Block(hit),
        ..
    }) = app.highlight.clone()
    else {
        panic!("the hit is highlighted in the text: {:?}", app.highlight);
    };
    // The view starts above the hit: another paragraph starts in view before it.
    let top = app.doc.block_at(app.scroll);
    assert!(
        top < hit,
        "the view starts at block {top}, the hit is {hit}"
    );
    assert_eq!(app.current_paragraph(), Some(hit));
    let (section, paragraph) = place_of(&app, hit);
    let Effect::Persist(StateChange::Pin { card, .. }) = update(&mut app, Action::Pin) else {
        panic!("m pins");
    };
    assert_eq!(card.anchor, Anchor::Paragraph { section, paragraph });
    assert!(card.quote.contains("12.000 meldingen"), "{}", card.quote);
    let Effect::Clipboard(text) = update(&mut app, Action::CopyCitation) else {
        panic!("y copies");
    };
    assert!(text.contains("12.000 meldingen"), "{text}");
    let n = brieven::citation::paragraph_number(app.letter().unwrap(), section, paragraph);
    assert!(text.contains(&format!("¶ {n}")), "{text}");
}

/// The Offlimits letter in a pane so low that its header fills the view, `J` pressed once.
fn low_pane_after_j() -> App {
    let mut app = reading();
    app.size = (120, 14);
    app.doc = app.build_doc();
    update(&mut app, Action::NextParagraph);
    app
}

#[test]
fn j_and_k_by_paragraph_move_the_current_paragraph_and_keep_it_in_view() {
    // The header fills the view: J makes the first paragraph current.
    let mut app = low_pane_after_j();
    let first = app.current_paragraph().expect("a paragraph in view");
    assert!(matches!(
        app.doc.blocks[first].kind,
        crate::tui::document::BlockKind::Paragraph {
            section: 0,
            paragraph: 0,
            ..
        }
    ));
    update(&mut app, Action::NextParagraph);
    let second = app.current_paragraph().unwrap();
    assert!(second > first);
    assert_eq!(app.chosen, Some(second));
    // Far down the letter the view follows.
    for _ in 0..8 {
        update(&mut app, Action::NextParagraph);
    }
    let far = app.current_paragraph().unwrap();
    assert!(
        app.block_in_view(far) && app.scroll > 0,
        "scrolled to {far}"
    );
    let (section, paragraph) = place_of(&app, far);
    let Effect::Persist(StateChange::Pin { card, .. }) = update(&mut app, Action::Pin) else {
        panic!("m pins");
    };
    assert_eq!(card.anchor, Anchor::Paragraph { section, paragraph });
    update(&mut app, Action::PrevParagraph);
    assert!(app.current_paragraph().unwrap() < far);
    // Back at the first paragraph, K says so and stays.
    for _ in 0..20 {
        update(&mut app, Action::PrevParagraph);
    }
    assert_eq!(app.current_paragraph(), Some(first));
    assert_eq!(app.message.as_deref(), Some("The first paragraph"));
}

#[test]
fn the_current_paragraph_follows_scrolling_once_it_leaves_the_view() {
    let mut app = low_pane_after_j();
    let chosen = app.current_paragraph().unwrap();
    update(&mut app, Action::Down);
    assert_eq!(app.current_paragraph(), Some(chosen), "still in view");
    for _ in 0..30 {
        update(&mut app, Action::Down);
    }
    let now = app.current_paragraph().unwrap();
    assert_ne!(now, chosen);
    assert_eq!(app.chosen, None);
    // The first paragraph that starts in view.
    assert!(app.doc.blocks[now].first_line >= app.scroll, "{now}");
}

#[test]
fn a_date_in_a_subject_is_a_timeline_row_that_shows_the_subject() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::Timeline);
    let built = brieven::timeline::Timeline::build(&app.letters, false);
    update(&mut app, Action::TimelineReady(Arc::new(built)));
    let timeline = app.timeline.clone().unwrap();
    let rows = views::timeline_rows(&timeline);
    let row = (rows
        .iter()
        .position(|r| match &timeline.entries[r.entry].item {
            TimelineItem::Event(e) => r.mention.is_some_and(|m| e.mentions[m].in_subject),
            TimelineItem::Letter { .. } => false,
        }))
    .expect("the fixture's subject names 28 september");
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    assert_eq!(app.current, KINDERRECHTEN);
    let h = app.highlight.clone().expect("the date highlighted");
    let crate::tui::app::Shown::Block(b) = h.at else {
        panic!("in the header")
    };
    assert_eq!(&app.doc.blocks[b].text[h.range], "28 september");
}
