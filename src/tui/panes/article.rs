//! The article overlay: the articles a link in the letter names (`A`), with their headings and
//! paragraphs wrapped, over the letter; `Esc` or `Backspace` closes it.

use brieven::citation::{Anchor, Citation};
use brieven::text::sanitize;
use brieven::wrap::wrap;
use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::layout::overlay_area;
use crate::tui::panes::help::draw_scrolling;

/// The articles of link `link` as lines wrapped to `width`.
pub fn lines(app: &App, link: usize, width: usize) -> Vec<Line<'static>> {
    let Some(link) = app.doc.links.get(link) else {
        return Vec::new();
    };
    let Some(act) = app.letters.get(link.act) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for &s in &link.sections {
        let Some(section) = act.sections.get(s) else {
            continue;
        };
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        let heading = sanitize(section.heading.as_deref().unwrap_or("")).into_owned();
        for r in wrap(&heading, width.max(1)) {
            lines.push(Line::from(Span::styled(
                heading[r].to_string(),
                app.theme.heading,
            )));
        }
        for p in &section.paragraphs {
            lines.push(Line::default());
            let text = sanitize(&p.text).into_owned();
            for r in wrap(&text, width.max(1)) {
                lines.push(Line::from(text[r].to_string()));
            }
        }
    }
    lines
}

pub fn draw(app: &App, frame: &mut Frame, link: usize, scroll: usize) {
    let full = overlay_area(frame.area(), 90, usize::MAX);
    let lines = lines(app, link, usize::from(full.width.saturating_sub(2)));
    let area = overlay_area(frame.area(), 90, lines.len() + 2);
    // The title cites the first article: `COM(2022) 209, Article 7`.
    let title = app
        .doc
        .links
        .get(link)
        .and_then(|l| {
            let act = app.letters.get(l.act)?;
            let section = *l.sections.first()?;
            Citation::of(act, Anchor::Section { section })
        })
        .map(|c| sanitize(&c.reference(app.lang)).into_owned())
        .unwrap_or_default();
    draw_scrolling(&app.ctx(), frame, area, &title, lines, scroll);
}
