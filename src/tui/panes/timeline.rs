//! The timeline overlay (`t`): letters and the dated events they mention on one axis, each
//! event with one row per mention (letter, paragraph and the words around the date).

use brieven::citation::paragraph_number;
use brieven::text::sanitize;
use brieven::timeline::{Timeline, TimelineItem};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use ratatui::layout::Rect;

use crate::tui::component::Ctx;
use crate::tui::panes::list_overlay;
use crate::tui::rows_view::TimelineView;
use crate::tui::ui::fit;
use crate::tui::update::views::TimelineRow;

pub fn draw(view: &TimelineView, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let s = ctx.lang.strings();
    let theme = ctx.theme;
    let selected = view.list.cursor.selected;
    let width = usize::from(area.width.saturating_sub(8));
    let rows = view.rows.as_slice();
    let line = |i: usize| {
        let (Some(timeline), Some(row)) = (&view.timeline, rows.get(i)) else {
            return Line::default();
        };
        row_line(ctx, timeline, *row, width).0
    };
    // The selected row in full: the words around the date, or the letter's subject.
    let detail = match (&view.timeline, rows.get(selected)) {
        (Some(timeline), Some(row)) => row_line(ctx, timeline, *row, width).1,
        _ => String::new(),
    };
    let kind_width = kind_width(width);
    let header = vec![Line::from(Span::styled(
        format!(
            "{:<11}{:<w$}{}",
            s.col_date,
            s.col_event,
            s.col_mentioned_in,
            w = kind_width + 1
        ),
        theme.heading,
    ))];
    let order = if view.newest_first { "↓" } else { "↑" };
    let title = format!("{} {order}", s.title_timeline);
    list_overlay::draw(
        ctx,
        frame,
        (&title, s.hint_views, header),
        (rows.len(), &line),
        selected,
        if view.timeline.is_none() {
            s.msg_computing
        } else {
            ""
        },
        &detail,
    );
}

/// One row of the timeline (a letter, or one mention of an event), with its text in full.
fn row_line(
    ctx: &Ctx,
    timeline: &Timeline,
    row: TimelineRow,
    width: usize,
) -> (Line<'static>, String) {
    let s = ctx.lang.strings();
    let theme = ctx.theme;
    let Some(entry) = timeline.entries.get(row.entry) else {
        return (Line::default(), String::new());
    };
    let first = row.mention.unwrap_or(0) == 0;
    let date = if first {
        entry.date.to_string()
    } else {
        String::new()
    };
    let (kind, kind_style, text) = match &entry.item {
        TimelineItem::Letter {
            sender, subject, ..
        } => {
            let sender = sanitize(sender.as_deref().unwrap_or(s.unknown_sender));
            let subject = sanitize(subject.as_deref().unwrap_or(""));
            let text = if subject.is_empty() {
                sender.into_owned()
            } else {
                format!("{sender} — {subject}")
            };
            (s.event_letter, theme.sender, text)
        }
        TimelineItem::Event(event) => {
            let kind = if first {
                event.kind.map_or("", |k| k.name(ctx.lang))
            } else {
                ""
            };
            let text = match row.mention.and_then(|m| event.mentions.get(m)) {
                Some(m) => {
                    let letter = ctx.letters.get(m.letter);
                    // The sender and date of the letter (one sender writes several).
                    let sender = match letter {
                        Some(l) => match l.date {
                            Some(d) => format!("{}, {d}", l.sender_or_unknown()),
                            None => l.sender_or_unknown().to_string(),
                        },
                        None => m.letter_id.clone(),
                    };
                    let place = match (m.in_subject, letter) {
                        (true, _) => s.label_subject.to_lowercase(),
                        (false, Some(l)) => {
                            format!("¶ {}", paragraph_number(l, m.section, m.paragraph))
                        }
                        (false, None) => String::new(),
                    };
                    format!(
                        "{} {place}: {}",
                        sanitize(&sender),
                        sanitize(&m.context).replace('\n', " ")
                    )
                }
                None => String::new(),
            };
            (kind, theme.heading, text)
        }
    };
    let w = kind_width(width);
    let lead = format!("{date:<11}{:<w$} ", fit(kind, w));
    let room = width.saturating_sub(lead.width());
    let line = Line::from(vec![
        Span::styled(format!("{date:<11}"), theme.dim),
        Span::styled(format!("{:<w$} ", fit(kind, w)), kind_style),
        Span::raw(fit(&text, room)),
    ]);
    (line, text)
}

/// The event column's width in a list `width` columns wide: the longest kind's name
/// (`round-table discussion`) from 96 columns, else 16 (`written consult…`).
fn kind_width(width: usize) -> usize {
    if width >= 96 { 22 } else { 16 }
}
