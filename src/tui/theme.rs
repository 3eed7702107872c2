//! Colours and text styles of the reader, in one place: a dark-terminal default and a plain
//! monochrome theme for `NO_COLOR` (bold, reverse and underline only).

use ratatui::style::{Color, Modifier, Style};

/// Every style the panes use, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Pane borders of unfocused panes.
    pub border: Style,
    /// The border and title of the focused pane.
    pub border_focused: Style,
    /// Pane titles.
    pub title: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// The row of a list that is current but not focused (the letter open, the section in view).
    pub current: Style,
    /// Secondary text: dates, counts, hints.
    pub dim: Style,
    /// The sender line of the letter header.
    pub sender: Style,
    /// The subject line of the letter header.
    pub subject: Style,
    /// Section headings.
    pub heading: Style,
    /// Note markers in the text.
    pub marker: Style,
    /// The note marker selected with `f`.
    pub marker_selected: Style,
    /// A search match in the text or in a result.
    pub hit: Style,
    /// The occurrence jumped to.
    pub hit_current: Style,
    /// URLs in notes.
    pub url: Style,
    /// Stance marks: supports, opposes, mixed, neutral.
    pub supports: Style,
    pub opposes: Style,
    pub mixed: Style,
    pub neutral: Style,
    /// The status line.
    pub status: Style,
    /// Warnings and the warning count.
    pub warning: Style,
    /// Key names in hints and help.
    pub key: Style,
}

impl Theme {
    /// The default theme, for dark terminals with 16 colours.
    pub fn dark() -> Theme {
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            current: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            sender: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            subject: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            marker: Style::new().fg(Color::Cyan),
            marker_selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            hit: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            hit_current: Style::new().fg(Color::Black).bg(Color::Yellow),
            url: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            supports: Style::new().fg(Color::Green),
            opposes: Style::new().fg(Color::Red),
            mixed: Style::new().fg(Color::Yellow),
            neutral: Style::new().fg(Color::Gray),
            status: Style::new().bg(Color::DarkGray).fg(Color::White),
            warning: Style::new().fg(Color::Yellow),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// No colours at all, for `NO_COLOR` and monochrome terminals.
    pub fn plain() -> Theme {
        let none = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            border: none,
            border_focused: bold,
            title: bold,
            selected: reverse,
            current: bold,
            dim: none,
            sender: bold,
            subject: bold,
            heading: bold,
            marker: none,
            marker_selected: reverse,
            hit: Style::new().add_modifier(Modifier::UNDERLINED),
            hit_current: reverse,
            url: Style::new().add_modifier(Modifier::UNDERLINED),
            supports: none,
            opposes: none,
            mixed: none,
            neutral: none,
            status: reverse,
            warning: bold,
            key: bold,
        }
    }

    /// For light backgrounds: darker colours, no grey text on white.
    pub fn light() -> Theme {
        Theme {
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            dim: Style::new().fg(Color::DarkGray),
            sender: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            marker: Style::new().fg(Color::Blue),
            marker_selected: Style::new().fg(Color::White).bg(Color::Blue),
            hit: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::UNDERLINED),
            status: Style::new().bg(Color::Gray).fg(Color::Black),
            warning: Style::new().fg(Color::Red),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            ..Theme::dark()
        }
    }

    /// The theme the config file (and `NO_COLOR`) chose.
    pub fn of(choice: brieven::config::Theme) -> Theme {
        match choice {
            brieven::config::Theme::Dark => Theme::dark(),
            brieven::config::Theme::Light => Theme::light(),
            brieven::config::Theme::Plain => Theme::plain(),
        }
    }
}
