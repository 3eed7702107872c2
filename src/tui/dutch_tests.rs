//! With `--lang nl` the reader's own words are Dutch in the views a debate uses most: the
//! register and its concordance (titles, counts with their plurals) and the Letters pane's
//! mark of an act.

use std::sync::Arc;

use brieven::i18n::Lang;
use brieven::model::{Act, ActKind};

use super::action::Action;
use super::app::App;
use super::fixtures;
use super::snapshot_tests::screen;
use super::update::update;

/// The fixture reader in Dutch with its register in.
fn dutch() -> App {
    let mut app = fixtures::app(120, 36);
    app.lang = Lang::Nl;
    let register = Arc::new(brieven::register::Register::build(&app.letters));
    update(&mut app, Action::RegisterReady(register));
    app
}

#[test]
fn the_register_and_its_concordance_speak_dutch() {
    let mut app = dutch();
    update(&mut app, Action::Register);
    let shown = screen(&app);
    assert!(
        shown.contains("Register — Tab soort · Enter vindplaatsen · Esc terug"),
        "{shown}"
    );
    assert!(
        shown.contains(" 1 brief│") || shown.contains(" brieven│"),
        "{shown}"
    );
    assert!(!shown.contains(" letter"), "{shown}");
    update(&mut app, Action::Activate);
    let shown = screen(&app);
    assert!(
        shown.contains("; Enter springt erheen, Esc gaat terug"),
        "{shown}"
    );
    assert!(!shown.contains("occurrence"), "{shown}");
}

#[test]
fn an_act_in_the_letters_pane_is_named_in_dutch() {
    let mut app = dutch();
    let act = &mut Arc::make_mut(&mut app.letters)[1];
    act.reference = Some("COM 9".into());
    act.act = Some(Act {
        kind: ActKind::Regulation,
        divisions: Vec::new(),
    });
    let shown = screen(&app);
    assert!(shown.contains("COM 9 (verordening)"), "{shown}");
}
