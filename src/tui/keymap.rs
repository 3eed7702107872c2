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
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
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

use Context::{Always, Overlay as Over, Panes};
use KeyCode::{
    BackTab, Backspace, Down as DownKey, End, Enter, Esc, Home, Left, PageDown as PgDn,
    PageUp as PgUp, Right, Tab, Up as UpKey,
};

const GENERAL: &str = "General";
const MOVE: &str = "Move";
const LETTER: &str = "Letters and sections";
const NOTES: &str = "Notes and jumps";
const OVERLAYS: &str = "In help and warnings";

/// Every default binding, in the order the help overlay shows them.
pub static BINDINGS: &[Binding] = &[
    bind(Always, GENERAL, &[ch('q'), ctrl('c')], Action::Quit, "quit"),
    bind(
        Always,
        GENERAL,
        &[ctrl('z')],
        Action::Suspend,
        "suspend (fg resumes)",
    ),
    bind(Panes, GENERAL, &[ch('?')], Action::Help, "this help"),
    bind(
        Panes,
        GENERAL,
        &[key(Tab)],
        Action::FocusNext,
        "focus the next pane",
    ),
    bind(
        Panes,
        GENERAL,
        &[key(BackTab)],
        Action::FocusPrev,
        "focus the previous pane",
    ),
    bind(
        Panes,
        GENERAL,
        &[ch('w')],
        Action::Warnings,
        "ingestion warnings",
    ),
    bind(
        Panes,
        GENERAL,
        &[key(Esc)],
        Action::Close,
        "clear the selection and highlight",
    ),
    bind(
        Panes,
        MOVE,
        &[ch('j'), key(DownKey)],
        Action::Down,
        "down a line (or row)",
    ),
    bind(
        Panes,
        MOVE,
        &[ch('k'), key(UpKey)],
        Action::Up,
        "up a line (or row)",
    ),
    bind(
        Panes,
        MOVE,
        &[key(PgDn), ch(' '), ctrl('f')],
        Action::PageDown,
        "a page down",
    ),
    bind(
        Panes,
        MOVE,
        &[key(PgUp), ch('b'), ctrl('b')],
        Action::PageUp,
        "a page up",
    ),
    bind(
        Panes,
        MOVE,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
    ),
    bind(
        Panes,
        MOVE,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
    ),
    bind(
        Panes,
        MOVE,
        &[ch('g'), key(Home)],
        Action::Top,
        "to the top",
    ),
    bind(
        Panes,
        MOVE,
        &[ch('G'), key(End)],
        Action::Bottom,
        "to the end",
    ),
    bind(
        Panes,
        MOVE,
        &[key(Enter)],
        Action::Activate,
        "open / show the note / go to the marker",
    ),
    bind(
        Panes,
        LETTER,
        &[ch(']')],
        Action::NextSection,
        "next section",
    ),
    bind(
        Panes,
        LETTER,
        &[ch('[')],
        Action::PrevSection,
        "previous section",
    ),
    bind(
        Panes,
        LETTER,
        &[ch('}')],
        Action::NextLetter,
        "next letter (by date)",
    ),
    bind(
        Panes,
        LETTER,
        &[ch('{')],
        Action::PrevLetter,
        "previous letter",
    ),
    bind(
        Panes,
        NOTES,
        &[ch('f')],
        Action::NextMarker,
        "select the next note marker in view",
    ),
    bind(
        Panes,
        NOTES,
        &[ch('F')],
        Action::PrevMarker,
        "select the previous note marker",
    ),
    bind(
        Panes,
        NOTES,
        &[key(Backspace), ctrl('o'), alt(Left)],
        Action::JumpBack,
        "back to before the last jump",
    ),
    bind(
        Panes,
        NOTES,
        &[ctrl('i'), alt(Right)],
        Action::JumpForward,
        "forward in the jump list",
    ),
    bind(Over, OVERLAYS, &[key(Esc), ch('?')], Action::Close, "close"),
    bind(
        Over,
        OVERLAYS,
        &[ch('j'), key(DownKey)],
        Action::Down,
        "scroll down",
    ),
    bind(
        Over,
        OVERLAYS,
        &[ch('k'), key(UpKey)],
        Action::Up,
        "scroll up",
    ),
    bind(
        Over,
        OVERLAYS,
        &[key(PgDn), ch(' ')],
        Action::PageDown,
        "a page down",
    ),
    bind(
        Over,
        OVERLAYS,
        &[key(PgUp), ch('b')],
        Action::PageUp,
        "a page up",
    ),
    bind(
        Over,
        OVERLAYS,
        &[ch('g'), key(Home)],
        Action::Top,
        "to the top",
    ),
    bind(
        Over,
        OVERLAYS,
        &[ch('G'), key(End)],
        Action::Bottom,
        "to the end",
    ),
];

/// The contexts whose bindings apply now, most specific first.
fn contexts(app: &App) -> &'static [Context] {
    match app.overlay() {
        Some(Overlay::Help { .. } | Overlay::Warnings { .. }) => {
            &[Context::Overlay, Context::Always]
        }
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
    contexts(app).iter().find_map(|&context| {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.keys.contains(&pressed))
            .map(|b| b.action.clone())
    })
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
    fn keys_reserved_for_later_views_stay_free() {
        for c in ['p', 't', 'm', '\'', 'y', 'o', 'Y'] {
            assert!(
                BINDINGS.iter().all(|b| !b.keys.contains(&ch(c))),
                "{c} is reserved (issue 5)"
            );
        }
    }

    #[test]
    fn shifted_characters_match_their_binding() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(normalize(&event), ch('G'));
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(normalize(&event), key(BackTab));
    }
}
