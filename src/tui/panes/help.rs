//! The help overlay's text: every key binding, grouped, straight from the keymap's data, laid
//! out in aligned columns (the overlay itself is `tui::pager`).

use brieven::i18n::reader_text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::tui::component::Ctx;
use crate::tui::keymap::{BINDINGS, Binding, Context, label, translated};
use crate::tui::layout::overlay_area;
use crate::tui::panes::letters::stance_mark;
use crate::tui::ui::fit;

/// One row of the help before it is laid out in columns.
enum Row {
    Title(&'static str),
    /// The keys as written (`j ↓`) and what they do.
    Key(String, &'static str),
    Gap,
    /// The stance marks and their names.
    Legend,
}

/// The keys that do `b`'s action now: on the main screen the config file's keys replace the
/// defaults of their action, and a default key the config gave to another action is that
/// action's alone; so each key is described once, as what it does.
fn keys_of(ctx: &Ctx, b: &Binding) -> Vec<String> {
    let main = matches!(b.context, Context::Panes | Context::Always);
    if !main {
        return digit_range(b.keys.iter().map(label).collect());
    }
    let configured: Vec<String> = (ctx.keys.iter())
        .filter(|(_, a)| *a == b.action)
        .map(|(k, _)| label(k))
        .collect();
    if !configured.is_empty() {
        return configured;
    }
    digit_range(
        (b.keys.iter())
            .filter(|k| !ctx.keys.iter().any(|(o, _)| o == *k))
            .map(label)
            .collect(),
    )
}

/// Keys `1` `2` ... `9` written as `1–9`.
fn digit_range(keys: Vec<String>) -> Vec<String> {
    let digits: Vec<u32> = keys
        .iter()
        .filter_map(|k| k.parse::<u32>().ok().filter(|_| k.len() == 1))
        .collect();
    let run = digits.len() == keys.len()
        && digits.len() > 2
        && digits.windows(2).all(|w| w[1] == w[0] + 1);
    match (run, digits.first(), digits.last()) {
        (true, Some(first), Some(last)) => vec![format!("{first}–{last}")],
        _ => keys,
    }
}

fn rows(ctx: &Ctx) -> Vec<Row> {
    let lang = ctx.lang;
    let mut rows = Vec::new();
    let mut group = "";
    for b in BINDINGS.iter() {
        let (title, help) = translated(b, lang).unwrap_or((b.group, b.help));
        let keys = keys_of(ctx, b);
        if keys.is_empty() {
            continue;
        }
        if b.group != group {
            if !rows.is_empty() {
                rows.push(Row::Gap);
            }
            rows.push(Row::Title(reader_text(lang, title)));
            group = b.group;
        }
        rows.push(Row::Key(keys.join(" "), reader_text(lang, help)));
    }
    rows.push(Row::Gap);
    rows.push(Row::Title(reader_text(lang, "Stance marks")));
    rows.push(Row::Legend);
    rows
}

/// `rows` as lines of one column `width` columns wide: the keys in a column as wide as the
/// widest keys (at most half the column), what they do beside them, wrapped under itself.
fn column(ctx: &Ctx, rows: &[Row], width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    // Long lists of keys wrap rather than push every description of the column aside.
    let keys = (rows.iter())
        .filter_map(|r| match r {
            Row::Key(k, _) => Some(k.width()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(KEYS)
        .min(width / 3);
    let indent = 2;
    let room = width.saturating_sub(indent + keys + 2).max(1);
    let mut lines = Vec::new();
    for row in rows {
        match row {
            Row::Title(t) => lines.push(Line::from(Span::styled(fit(t, width), theme.heading))),
            Row::Gap => lines.push(Line::default()),
            Row::Key(k, help) => {
                let k_lines = brieven::wrap::wrap(k, keys.max(1));
                let h_lines = brieven::wrap::wrap(help, room);
                for n in 0..k_lines.len().max(h_lines.len()) {
                    let k = k_lines.get(n).map_or("", |r| &k[r.clone()]);
                    // A key that wraps goes on indented, so it does not read as a row of its own.
                    let k = if n == 0 || k.is_empty() {
                        fit(k, keys)
                    } else {
                        format!("  {}", fit(k, keys.saturating_sub(2)))
                    };
                    let pad = keys.saturating_sub(k.width());
                    let h = h_lines.get(n).map_or("", |r| &help[r.clone()]);
                    lines.push(Line::from(vec![
                        Span::styled(format!("{:indent$}{k}{:pad$}  ", "", ""), theme.key),
                        Span::raw(h.to_string()),
                    ]));
                }
            }
            Row::Legend => {
                let mut legend = vec![Span::raw("  ")];
                for stance in [
                    brieven::model::Stance::Supports,
                    brieven::model::Stance::Opposes,
                    brieven::model::Stance::Mixed,
                    brieven::model::Stance::Neutral,
                ] {
                    legend.push(stance_mark(Some(stance), theme));
                    legend.push(Span::raw(format!(" {}   ", ctx.lang.stance(stance))));
                }
                lines.push(Line::from(legend));
            }
        }
    }
    lines
}

/// The help text in one column of [`COLUMN`] columns.
#[cfg(test)]
pub fn lines(ctx: &Ctx) -> Vec<Line<'static>> {
    column(ctx, &rows(ctx), usize::from(COLUMN))
}

/// Columns one column of help needs at the least.
const COLUMN: u16 = 52;
/// The widest the keys of a row are set before they wrap.
const KEYS: usize = 17;
/// Columns between two columns of help.
const GAP: usize = 3;

/// The help in as many columns as fit side by side (at most three) on a `screen`, split between
/// groups so the columns are of about one length, each aligned on its own; and the box it is
/// drawn in.
pub fn layout(ctx: &Ctx, screen: Rect) -> (Vec<Line<'static>>, Rect) {
    let rows = rows(ctx);
    // Inside the overlay's margin and borders.
    let room = usize::from(screen.width.saturating_sub(6));
    let n = ((room + GAP) / (usize::from(COLUMN) + GAP)).clamp(1, 3);
    let width = if n == 1 {
        room.min(usize::from(COLUMN) + 24)
    } else {
        (room + GAP) / n - GAP
    };
    let columns: Vec<Vec<Line>> = split(&rows, n)
        .iter()
        .map(|part| column(ctx, part, width))
        .collect();
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut merged = Vec::with_capacity(height);
    for i in 0..height {
        let mut spans = Vec::new();
        for (c, lines) in columns.iter().enumerate() {
            let line = lines.get(i).cloned().unwrap_or_default();
            let used = line.width();
            spans.extend(line.spans);
            if c + 1 < columns.len() {
                spans.push(Span::raw(" ".repeat(width.saturating_sub(used) + GAP)));
            }
        }
        merged.push(Line::from(spans));
    }
    let outer = u16::try_from(n * width + (n - 1) * GAP + 2).unwrap_or(u16::MAX);
    (merged, overlay_area(screen, outer, height + 2))
}

/// The title of the help's box.
pub fn title(ctx: &Ctx) -> String {
    format!(" {} ", ctx.lang.strings().title_keys)
}

/// `rows` cut into `n` parts of about one length, at gaps between groups (the gap dropped).
fn split(rows: &[Row], n: usize) -> Vec<&[Row]> {
    let mut parts = Vec::new();
    let mut rest = rows;
    for k in (1..=n).rev() {
        if k == 1 {
            parts.push(rest);
            break;
        }
        let target = rest.len() / k;
        let cut = (0..rest.len())
            .filter(|&i| matches!(rest[i], Row::Gap))
            .min_by_key(|&i| i.abs_diff(target));
        match cut {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + 1..];
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

/// A bordered overlay with `lines`, scrolled to `scroll` (clamped so the end stays in view).
pub fn draw_scrolling(
    ctx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let block = Block::bordered()
        .border_style(ctx.theme.border_focused)
        .title(Span::styled(title.to_string(), ctx.theme.title));
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let more = lines.len() > scroll + height;
    frame.render_widget(Clear, area);
    let block = if more {
        block.title_bottom(Span::styled(ctx.lang.strings().more_below, ctx.theme.dim))
    } else {
        block
    };
    frame.render_widget(block, area);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::component::ctx;
    use crate::tui::fixtures;
    use brieven::i18n::Lang;

    #[test]
    fn each_key_is_described_in_lower_case_and_its_keys_fit_their_column() {
        for lang in [Lang::En, Lang::Nl] {
            let mut app = fixtures::app(120, 36);
            app.lang = lang;
            for row in rows(&ctx!(app)) {
                if let Row::Key(keys, help) = row {
                    let first = help.chars().next().unwrap_or(' ');
                    assert!(!first.is_uppercase(), "{lang:?}: {keys}: {help}");
                }
            }
        }
    }

    #[test]
    fn s_in_positions_and_timeline_says_what_it_does_in_each() {
        for (lang, words) in [
            (Lang::En, ["date or sender", "newest or oldest first"]),
            (Lang::Nl, ["datum of afzender", "nieuwste of oudste eerst"]),
        ] {
            let mut app = fixtures::app(120, 36);
            app.lang = lang;
            let rows = rows(&ctx!(app));
            let help = (rows.iter())
                .find_map(|r| match r {
                    Row::Key(keys, help) if keys == "s" && help.contains(words[0]) => Some(help),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{lang:?}: the views' s"));
            assert!(help.contains(words[1]), "{lang:?}: {help}");
        }
    }

    #[test]
    fn keys_that_wrap_go_on_indented_under_their_first() {
        let app = fixtures::app(120, 36);
        let text: Vec<String> = lines(&ctx!(app))
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        let at = (text.iter())
            .position(|l| l.starts_with("  Backspace Ctrl-o "))
            .unwrap_or_else(|| panic!("{text:#?}"));
        assert!(text[at + 1].starts_with("    Alt-← "), "{}", text[at + 1]);
        assert!(text[at + 2].starts_with("  Alt-→ "), "{}", text[at + 2]);
        let at = (text.iter())
            .position(|l| l.starts_with("  PgDn Space Ctrl-f "))
            .unwrap_or_else(|| panic!("{text:#?}"));
        assert!(text[at].ends_with("a page down"), "{}", text[at]);
    }
}
