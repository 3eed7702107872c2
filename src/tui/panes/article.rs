//! The article overlay: the articles a link in the letter names (`A`), with their headings and
//! paragraphs wrapped, over the letter (shown by `tui::pager`); `Esc` or `Backspace` closes it.

use brieven::citation::{Anchor, Citation};
use brieven::text::sanitize;
use brieven::wrap::wrap;
use ratatui::text::{Line, Span};

use ratatui::layout::Rect;

use crate::tui::component::Ctx;
use crate::tui::layout::overlay_area;

/// The articles of link `link` as lines wrapped to `width`.
pub fn lines(ctx: &Ctx, link: usize, width: usize) -> Vec<Line<'static>> {
    let Some(link) = ctx.doc.links.get(link) else {
        return Vec::new();
    };
    let Some(act) = ctx.letters.get(link.act) else {
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
                ctx.theme.heading,
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

/// The articles of link `link` wrapped for a `screen`, and the box they are drawn in.
pub fn layout(ctx: &Ctx, link: usize, screen: Rect) -> (Vec<Line<'static>>, Rect) {
    let full = overlay_area(screen, 90, usize::MAX);
    let lines = lines(ctx, link, usize::from(full.width.saturating_sub(2)));
    let area = overlay_area(screen, 90, lines.len() + 2);
    (lines, area)
}

/// The title cites the first article: `COM(2022) 209, Article 7`.
pub fn title(ctx: &Ctx, link: usize) -> String {
    (ctx.doc.links.get(link))
        .and_then(|l| {
            let act = ctx.letters.get(l.act)?;
            let section = *l.sections.first()?;
            Citation::of(act, Anchor::Section { section })
        })
        .map(|c| sanitize(&c.reference(ctx.lang)).into_owned())
        .unwrap_or_default()
}
