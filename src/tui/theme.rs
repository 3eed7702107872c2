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

    /// For light backgrounds: every colour dark enough to read on white (a contrast of 4.5 or
    /// more with xterm's palette, as WCAG asks of text), so no grey borders, titles or dates,
    /// no yellow or bright green text. Dates, counts and borders are a dark grey of the
    /// 256-colour palette, which every terminal this reader supports has.
    pub fn light() -> Theme {
        let grey = Color::Indexed(240);
        Theme {
            border: Style::new().fg(grey),
            border_focused: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            // Reversed, so every colour of a selected row stays readable as its background
            // (a coloured bar would leave a grey date or a green mark on blue).
            selected: Style::new().add_modifier(Modifier::REVERSED),
            current: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(grey),
            sender: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            subject: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            marker: Style::new().fg(Color::Blue),
            marker_selected: Style::new().fg(Color::White).bg(Color::Blue),
            hit: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::UNDERLINED),
            hit_current: Style::new().fg(Color::Black).bg(Color::Yellow),
            url: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            // A dark green and a dark orange: the 16-colour green and yellow are too light.
            supports: Style::new().fg(Color::Indexed(28)),
            opposes: Style::new().fg(Color::Red),
            mixed: Style::new().fg(Color::Indexed(130)),
            neutral: Style::new().fg(grey),
            status: Style::new().bg(Color::Gray).fg(Color::Black),
            warning: Style::new().fg(Color::Red),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        }
    }

    /// Every style by the name of its role, in declaration order (for tests and snapshots).
    #[cfg(test)]
    pub fn roles(&self) -> [(&'static str, Style); 21] {
        [
            ("border", self.border),
            ("border_focused", self.border_focused),
            ("title", self.title),
            ("selected", self.selected),
            ("current", self.current),
            ("dim", self.dim),
            ("sender", self.sender),
            ("subject", self.subject),
            ("heading", self.heading),
            ("marker", self.marker),
            ("marker_selected", self.marker_selected),
            ("hit", self.hit),
            ("hit_current", self.hit_current),
            ("url", self.url),
            ("supports", self.supports),
            ("opposes", self.opposes),
            ("mixed", self.mixed),
            ("neutral", self.neutral),
            ("status", self.status),
            ("warning", self.warning),
            ("key", self.key),
        ]
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The colour as xterm's default palette shows it.
    fn rgb(color: Color) -> (u8, u8, u8) {
        const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match color {
            Color::Black | Color::Reset => (0, 0, 0),
            Color::Red => (205, 0, 0),
            Color::Green => (0, 205, 0),
            Color::Yellow => (205, 205, 0),
            Color::Blue => (0, 0, 238),
            Color::Magenta => (205, 0, 205),
            Color::Cyan => (0, 205, 205),
            Color::Gray => (229, 229, 229),
            Color::DarkGray => (127, 127, 127),
            Color::LightRed => (255, 0, 0),
            Color::LightGreen => (0, 255, 0),
            Color::LightYellow => (255, 255, 0),
            Color::LightBlue => (92, 92, 255),
            Color::LightMagenta => (255, 0, 255),
            Color::LightCyan => (0, 255, 255),
            Color::White => (255, 255, 255),
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(n @ 16..=231) => {
                let n = usize::from(n - 16);
                (CUBE[n / 36], CUBE[n / 6 % 6], CUBE[n % 6])
            }
            Color::Indexed(n @ 232..=255) => {
                let v = 8 + 10 * (n - 232);
                (v, v, v)
            }
            Color::Indexed(n) => panic!("palette colour {n}: name it instead"),
        }
    }

    /// WCAG's relative luminance.
    fn luminance(color: Color) -> f64 {
        let (r, g, b) = rgb(color);
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// The contrast ratio of two colours as WCAG defines it (1 to 21).
    pub(crate) fn contrast(a: Color, b: Color) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn the_light_theme_is_readable_on_white() {
        let theme = Theme::light();
        // The status line's parts are patched onto its background.
        let patched = [
            ("status+title", theme.status.patch(theme.title)),
            ("status+warning", theme.status.patch(theme.warning)),
        ];
        for (role, style) in theme.roles().into_iter().chain(patched) {
            // Text in the terminal's own colour is black on a white terminal.
            let fg = style.fg.unwrap_or(Color::Reset);
            let bg = style.bg.unwrap_or(Color::White);
            let ratio = contrast(fg, bg);
            // Reversed text swaps them: the same contrast.
            assert!(ratio >= 4.5, "{role}: {fg:?} on {bg:?} is {ratio:.2}:1");
        }
    }

    #[test]
    fn no_color_has_no_colours() {
        for (role, style) in Theme::plain().roles() {
            assert_eq!((style.fg, style.bg), (None, None), "{role}");
        }
    }

    #[test]
    fn the_themes_colours() {
        let table = |theme: Theme| {
            theme
                .roles()
                .iter()
                .map(|(role, style)| format!("{role:<16} {style:?}\n"))
                .collect::<String>()
        };
        insta::assert_snapshot!("light", table(Theme::light()));
        insta::assert_snapshot!("plain", table(Theme::plain()));
    }
}
