//! Key bindings as data: which keys do what in which context, with the help text the `?`
//! overlay shows. Events from crossterm become [`Action`]s here and nowhere else.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;
use super::app::{App, Overlay};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere, even over an overlay.
    Always,
    /// The main screen, whatever pane has focus.
    Panes,
    /// The help and warnings overlays.
    Overlay,
    /// The search overlay: printable keys type into the query.
    Search,
    /// The prompt of the search in the open letter: printable keys type into the pattern.
    Find,
    /// The prompt of the Letters pane's filter: printable keys type into the filter.
    LetterFilter,
    /// The sentence selection in the Reading pane (`v`).
    Sentences,
    /// The register view.
    Register,
    /// The cue-card stack overlay.
    Cards,
    /// The positions and timeline overlays.
    Views,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// One binding: keys, what they do, and how the help overlay lists them.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub group: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(
    context: Context,
    group: &'static str,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        group,
        keys,
        action,
        help,
    }
}

mod bindings;
mod debate;
mod overrides;
#[cfg(test)]
mod readme_tests;

pub use debate::translated;

/// Every default binding, in the order the help overlay shows them: the main screen's, the
/// debate keys, then those of the overlays.
pub static BINDINGS: std::sync::LazyLock<Vec<Binding>> = std::sync::LazyLock::new(|| {
    let base = bindings::BASE;
    let split = base
        .iter()
        .position(|b| b.context != Context::Always && b.context != Context::Panes)
        .unwrap_or(base.len());
    base[..split]
        .iter()
        .chain(debate::DEBATE_KEYS)
        .chain(&base[split..])
        .chain(debate::DEBATE_OVERLAY_KEYS)
        .cloned()
        .collect()
});
pub use overrides::{ACTION_NAMES, overrides};

/// The contexts whose bindings apply now, most specific first.
fn contexts(app: &App) -> &'static [Context] {
    match app.overlay() {
        Some(Overlay::Pager(_)) => &[Context::Overlay, Context::Always],
        Some(Overlay::Search) => &[Context::Search, Context::Always],
        Some(Overlay::Find(_)) => &[Context::Find, Context::Always],
        Some(Overlay::LetterFilter { .. }) => &[Context::LetterFilter, Context::Always],
        Some(Overlay::Register) => &[Context::Register, Context::Always],
        Some(Overlay::Sentences(_)) => &[Context::Sentences, Context::Always],
        Some(Overlay::Cards(_) | Overlay::Label { .. } | Overlay::Annotate(_)) => {
            &[Context::Cards, Context::Always]
        }
        Some(Overlay::Positions(_) | Overlay::Timeline(_)) => &[Context::Views, Context::Always],
        None => &[Context::Panes, Context::Always],
    }
}

/// The action for a terminal event, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key_action(app, k),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => mouse_action(m),
        _ => None,
    }
}

fn key_action(app: &App, event: &KeyEvent) -> Option<Action> {
    let pressed = normalize(event);
    let overridden = |action: &Action| app.key_overrides.iter().any(|(_, a)| a == action);
    // Where typing goes into a query, a plain character is typed, whatever it is bound to.
    let typing = matches!(
        app.overlay(),
        Some(
            Overlay::Search
                | Overlay::Find(_)
                | Overlay::LetterFilter { .. }
                | Overlay::Label { .. }
                | Overlay::Annotate(_)
        )
    ) || finding_rows(app);
    let plain_char = matches!(pressed.code, KeyCode::Char(_))
        && !pressed
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if let Some((_, action)) = app.key_overrides.iter().find(|(k, _)| *k == pressed) {
        // The config's keys are the main screen's, and those of the actions bound everywhere
        // (quit, suspend, redraw) everywhere.
        let everywhere = BINDINGS
            .iter()
            .any(|b| b.context == Context::Always && b.action == *action);
        if app.overlays.is_empty() || (everywhere && !(typing && plain_char)) {
            return Some(action.clone());
        }
    }
    // A remapped action loses its default keys where the config's keys stand in for them.
    let find = |context: Context| {
        BINDINGS
            .iter()
            .find(|b| {
                b.context == context
                    && b.keys.contains(&pressed)
                    && !(matches!(context, Context::Panes | Context::Always)
                        && overridden(&b.action))
            })
            .map(|b| b.action.clone())
    };
    if let Some(Overlay::Label { .. }) = app.overlay() {
        return match pressed.code {
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Backspace => Some(Action::DeleteChar),
            KeyCode::Char('c') if pressed.mods == KeyModifiers::CONTROL => Some(Action::Quit),
            KeyCode::Char(c)
                if !pressed
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Input(c))
            }
            _ => None,
        };
    }
    if let Some(Overlay::Annotate(_)) = app.overlay() {
        return form_key(pressed);
    }
    let typing = match app.overlay() {
        Some(Overlay::Search) => Some(Context::Search),
        Some(Overlay::Find(_)) => Some(Context::Find),
        Some(Overlay::LetterFilter { .. }) => Some(Context::LetterFilter),
        // `/` in positions or the timeline: the prompt's keys are the letter search's.
        _ if finding_rows(app) => Some(Context::Find),
        _ => None,
    };
    if let Some(context) = typing {
        // Typing goes into the query, `q` included.
        if let Some(action) = find(context) {
            return Some(action);
        }
        if let KeyCode::Char(c) = pressed.code
            && !pressed
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Some(Action::Input(c));
        }
    }
    if matches!(app.overlay(), Some(Overlay::Cards(_)))
        && pressed.mods.is_empty()
        && let KeyCode::Char(c @ '1'..='9') = pressed.code
    {
        return Some(Action::JumpToCard(c as u8 - b'0'));
    }
    if app.overlays.is_empty()
        && pressed.mods.is_empty()
        && let KeyCode::Char(c @ '1'..='4') = pressed.code
    {
        return Some(Action::FocusPane(c as u8 - b'1'));
    }
    contexts(app).iter().find_map(|&context| find(context))
}

/// A key in the annotation form: fields up and down, the stance left and right, text typed.
fn form_key(pressed: Key) -> Option<Action> {
    let plain = !pressed
        .mods
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    Some(match pressed.code {
        KeyCode::Enter => Action::Activate,
        KeyCode::Esc => Action::Close,
        KeyCode::Backspace => Action::DeleteChar,
        KeyCode::Tab | KeyCode::Down => Action::Down,
        KeyCode::BackTab | KeyCode::Up => Action::Up,
        KeyCode::Right => Action::NextTab,
        KeyCode::Left => Action::PrevTab,
        KeyCode::Char('c') if pressed.mods == KeyModifiers::CONTROL => Action::Quit,
        KeyCode::Char('u') if pressed.mods == KeyModifiers::CONTROL => Action::ClearInput,
        KeyCode::Char(c) if plain => Action::Input(c),
        _ => return None,
    })
}

/// Whether a search of the rows of positions or the timeline is being typed.
fn finding_rows(app: &App) -> bool {
    match app.overlay() {
        Some(Overlay::Positions(view)) => view.list.typing(),
        Some(Overlay::Timeline(view)) => view.list.typing(),
        _ => false,
    }
}

/// Shift is part of the character for printable keys (`G`, `?`, `}`), and of Shift-Tab.
fn normalize(event: &KeyEvent) -> Key {
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: event.code,
        mods,
    }
}

fn mouse_action(m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -3)),
        _ => None,
    }
}

/// How a key is written in help and hints: `j`, `Ctrl-o`, `PgDn`, `Space`.
pub fn label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    let mut out = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        out.push_str("Alt-");
    }
    if key.mods.contains(KeyModifiers::SHIFT) {
        out.push_str("Shift-");
    }
    out + &name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let shared = a.keys.iter().find(|k| b.keys.contains(k));
                let overlap = a.context == b.context
                    || (a.context == Context::Always || b.context == Context::Always);
                assert!(
                    !(overlap && shared.is_some()),
                    "{:?} is bound to {:?} and {:?}",
                    shared.map(label),
                    a.action,
                    b.action
                );
            }
        }
    }

    #[test]
    fn the_debate_keys_are_bound_on_the_main_screen() {
        let expect = [
            ('p', Action::Positions),
            ('t', Action::Timeline),
            ('m', Action::Pin),
            ('\'', Action::Cards),
            ('y', Action::CopyCitation),
            ('o', Action::OpenUrl),
            ('Y', Action::CopyUrl),
        ];
        let app = crate::tui::fixtures::app(120, 36);
        for (c, action) in expect {
            let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            assert_eq!(action_for(&app, &event), Some(action), "{c}");
        }
    }

    #[test]
    fn every_key_has_dutch_help() {
        use brieven::i18n::{Lang, reader_text};
        for b in BINDINGS.iter() {
            let (en_group, en_help) = translated(b, Lang::En).unwrap_or((b.group, b.help));
            let (nl_group, nl_help) = translated(b, Lang::Nl).unwrap_or((b.group, b.help));
            assert_ne!(reader_text(Lang::Nl, nl_help), en_help, "{:?}", b.action);
            assert_ne!(reader_text(Lang::Nl, nl_group), en_group, "{:?}", b.action);
        }
    }

    #[test]
    fn a_configured_key_replaces_the_default() {
        let mut app = crate::tui::fixtures::app(120, 36);
        app.key_overrides = vec![(ch('P'), Action::Pin)];
        let m = Event::Key(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE));
        let p = Event::Key(KeyEvent::new(KeyCode::Char('P'), KeyModifiers::SHIFT));
        assert_eq!(action_for(&app, &m), None);
        assert_eq!(action_for(&app, &p), Some(Action::Pin));
        let help = help_text(&app);
        let pin = help
            .iter()
            .find(|l| l.contains("pin the paragraph"))
            .unwrap();
        assert!(pin.trim_start().starts_with("P "), "{pin}");
    }

    /// The help's lines as text.
    fn help_text(app: &App) -> Vec<String> {
        crate::tui::panes::help::lines(&app.ctx())
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_remapped_quit_loses_its_default_keys_everywhere_but_typing() {
        let mut app = crate::tui::fixtures::app(120, 36);
        app.key_overrides = vec![(ch('x'), Action::Quit)];
        let press = |app: &App, c: char, mods: KeyModifiers| {
            action_for(app, &Event::Key(KeyEvent::new(KeyCode::Char(c), mods)))
        };
        assert_eq!(press(&app, 'q', KeyModifiers::NONE), None);
        assert_eq!(press(&app, 'c', KeyModifiers::CONTROL), None);
        assert_eq!(press(&app, 'x', KeyModifiers::NONE), Some(Action::Quit));
        // Over the help too; in the search overlay `x` is typed.
        app.overlays
            .push(Overlay::Pager(crate::tui::pager::Pager::new(
                crate::tui::pager::Paged::Help,
            )));
        assert_eq!(press(&app, 'x', KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(press(&app, 'q', KeyModifiers::NONE), None);
        app.overlays = vec![Overlay::Search];
        assert_eq!(
            press(&app, 'x', KeyModifiers::NONE),
            Some(Action::Input('x'))
        );
        // A chord still quits from the search overlay.
        app.key_overrides = vec![(ctrl('q'), Action::Quit)];
        assert_eq!(press(&app, 'q', KeyModifiers::CONTROL), Some(Action::Quit));
        assert_eq!(press(&app, 'c', KeyModifiers::CONTROL), None);
        app.overlays.clear();
        let help = help_text(&app);
        let quit: Vec<&String> = help.iter().filter(|l| l.ends_with(" quit")).collect();
        assert_eq!(quit.len(), 1, "{help:#?}");
        assert!(quit[0].trim_start().starts_with("Ctrl-q "), "{}", quit[0]);
    }

    #[test]
    fn a_default_key_the_config_gives_away_is_described_once() {
        let mut app = crate::tui::fixtures::app(120, 36);
        app.key_overrides = vec![(ch('j'), Action::Pin)];
        let j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(action_for(&app, &j), Some(Action::Pin));
        let help = help_text(&app);
        let down = help.iter().find(|l| l.contains("down a line")).unwrap();
        assert!(down.trim_start().starts_with("↓ "), "{down}");
        let pin = help
            .iter()
            .find(|l| l.contains("pin the paragraph"))
            .unwrap();
        assert!(pin.trim_start().starts_with("j "), "{pin}");
        // Ctrl-i is Tab to a terminal: it is not described as a jump forward.
        assert!(!help.iter().any(|l| l.contains("Ctrl-i")), "{help:#?}");
    }

    #[test]
    fn typing_in_the_search_overlay_goes_to_the_query() {
        let mut app = crate::tui::fixtures::app(120, 36);
        app.overlays.push(Overlay::Search);
        let q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(action_for(&app, &q), Some(Action::Input('q')));
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(action_for(&app, &ctrl_c), Some(Action::Quit));
        app.overlays.clear();
        assert_eq!(action_for(&app, &q), Some(Action::Quit));
    }

    #[test]
    fn shifted_characters_match_their_binding() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(normalize(&event), ch('G'));
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(normalize(&event), key(KeyCode::BackTab));
    }
}
