//! The Reading pane: the letter's header, headings and paragraphs, drawn from the wrap cache
//! one visible line at a time, with note markers and the search highlight styled.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::tui::app::{App, Overlay, Pane, Shown, Spot};
use crate::tui::document::{BlockKind, Document, LIST_INDENT};
use crate::tui::layout::text_area;
use crate::tui::theme::Theme;
use crate::tui::ui::{fit, pane_block, styled_spans};

/// The mark in the gutter beside the current paragraph's lines.
pub const GUTTER: &str = "▎";

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let title = letter_title(app.letter(), area.width)
        .unwrap_or_else(|| app.lang.strings().title_text.to_string());
    let block = pane_block(app, Pane::Reading, title);
    frame.render_widget(block, area);
    let text = text_area(area);
    let mut hits = trail_hits_in_view(app);
    hits.extend(find_hits_in_view(app));
    let lines: Vec<Line> = app.visible().map(|i| line(app, i, &hits)).collect();
    frame.render_widget(Paragraph::new(lines), text);
    // The current paragraph (what `y` and `m` take) marked in the gutter left of the text.
    if let Some(current) = app.current_paragraph()
        && text.x > area.x + 1
    {
        let style = if app.focus == Pane::Reading {
            app.theme.title
        } else {
            app.theme.dim
        };
        let buf = frame.buffer_mut();
        for (row, i) in app.visible().enumerate() {
            let y = text.y + row as u16;
            // The frame may be smaller than the size the app last heard of (a resize on its
            // way): a cell outside it is left alone.
            if y < text.bottom()
                && app.doc.lines.get(i).and_then(|l| l.block) == Some(current)
                && let Some(cell) = buf.cell_mut((text.x - 1, y))
            {
                cell.set_symbol(GUTTER).set_style(style);
            }
        }
    }
    scrollbar(frame, area, app.max_scroll(), app.scroll, &app.theme);
}

/// The scrollbar on a text pane's right border, when the text is longer than the pane.
pub fn scrollbar(frame: &mut Frame, area: Rect, max: usize, at: usize, theme: &Theme) {
    if max > 0 {
        let mut state = ScrollbarState::new(max).position(at);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.dim),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// A text pane's title: the letter's sender and date, cut to the pane.
pub fn letter_title(letter: Option<&brieven::model::Letter>, width: u16) -> Option<String> {
    let l = letter?;
    let sender = brieven::text::sanitize(l.sender_or_unknown());
    let date = l.date.map(|d| format!(", {d}")).unwrap_or_default();
    Some(fit(
        &format!("{sender}{date}"),
        usize::from(width).saturating_sub(6),
    ))
}

/// The other occurrences of the trail (`n`/`N`) on screen, to mark them too.
fn trail_hits_in_view(app: &App) -> Vec<(usize, std::ops::Range<usize>)> {
    let visible = app.visible();
    let in_view = |b: usize| {
        let block = &app.doc.blocks[b];
        block.first_line < visible.end && block.first_line + block.line_count > visible.start
    };
    let mut by_block: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    let mut hits = Vec::new();
    for t in &app.trail_in_view() {
        if let Some(b) = app.target_block(t).filter(|&b| in_view(b)) {
            by_block.entry(b).or_default().extend([t.at, t.at + t.len]);
        }
        // In the header, offsets are into one field of a block.
        if let Spot::Meta { field: Some(field) } = t.spot
            && t.letter == app.current
            && let Some((b, range)) = app.doc.field_range(field, t.at, t.len)
            && in_view(b)
        {
            hits.push((b, range));
        }
    }
    // One pass over each block's text, however many occurrences it holds.
    for (b, chars) in by_block {
        let bytes = app.doc.blocks[b].display_bytes(&chars);
        hits.extend(
            bytes
                .chunks(2)
                .filter(|r| r[0] < r[1])
                .map(|r| (b, r[0]..r[1])),
        );
    }
    hits
}

/// The matches of the letter search (`s`) on screen.
fn find_hits_in_view(app: &App) -> Vec<(usize, std::ops::Range<usize>)> {
    let Some(find) = app
        .find
        .as_ref()
        .filter(|f| f.haystack.letter == app.current)
    else {
        return Vec::new();
    };
    let visible = app.visible();
    let (first, last) = (
        app.doc.block_at(visible.start),
        app.doc.block_at(visible.end.saturating_sub(1)),
    );
    // Matches are in reading order: from the first block in view to the last.
    let start = find.matches.partition_point(|m| m.block < first);
    find.matches[start..]
        .iter()
        .take_while(|m| m.block <= last)
        .map(|m| (m.block, m.range.clone()))
        .collect()
}

/// The `i`th line of the document, styled.
fn line<'a>(app: &'a App, i: usize, hits: &[(usize, std::ops::Range<usize>)]) -> Line<'a> {
    let doc = &app.doc;
    let theme = &app.theme;
    let Some(doc_line) = doc.lines.get(i) else {
        return Line::default();
    };
    let Some(b) = doc_line.block else {
        return Line::default();
    };
    let block = &doc.blocks[b];
    let mut overlays: Vec<(std::ops::Range<usize>, Style)> = Vec::new();
    // The sentences selected with `v`, under the marks of notes and matches.
    if let Some(Overlay::Sentences(selection)) = app.overlay()
        && selection.block == b
        && let Some(range) = selection.display_range(doc)
    {
        overlays.push((range, theme.selected));
    }
    if let Some((_, m)) = app.marker.filter(|&(at, _)| at == b)
        && let Some(marker) = block.markers.get(m)
    {
        overlays.push((marker.range.clone(), theme.marker_selected));
    }
    // Mentions of the regulation's articles are links (`A` opens them).
    for link in doc.links.iter().filter(|l| l.block == b) {
        if link.range.end > doc_line.range.start && link.range.start < doc_line.range.end {
            overlays.push((
                link.range.clone(),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ));
        }
    }
    for (_, range) in hits.iter().filter(|(block, _)| *block == b) {
        overlays.push((range.clone(), theme.hit));
    }
    if let Some(h) = &app.highlight
        && h.letter == app.current
        && h.at == Shown::Block(b)
    {
        overlays.push((h.range.clone(), theme.hit_current));
    }
    styled_line(doc, i, theme, &overlays)
}

/// The `i`th line of `doc` in its block's style, note markers marked, with `overlays` (byte
/// ranges of the block's text with a style) over them; later overlays win.
pub fn styled_line<'a>(
    doc: &'a Document,
    i: usize,
    theme: &Theme,
    overlays: &[(std::ops::Range<usize>, Style)],
) -> Line<'a> {
    let Some(doc_line) = doc.lines.get(i) else {
        return Line::default();
    };
    let Some(block) = doc_line.block.and_then(|b| doc.blocks.get(b)) else {
        return Line::default();
    };
    let base = match block.kind {
        BlockKind::Sender => theme.sender,
        BlockKind::Dateline | BlockKind::Reference => theme.dim,
        BlockKind::Subject => theme.subject,
        BlockKind::Summary => theme.dim.add_modifier(Modifier::ITALIC),
        BlockKind::Heading { .. } => theme.heading,
        BlockKind::Paragraph { .. } | BlockKind::Salutation => Style::new(),
        BlockKind::Signatories => theme.dim,
    };
    let in_line =
        |r: &std::ops::Range<usize>| r.end > doc_line.range.start && r.start < doc_line.range.end;
    let marks = (block.markers.iter())
        .filter(|m| in_line(&m.range))
        .map(|m| (m.range.clone(), theme.marker));
    let overlays: Vec<_> = marks.chain(overlays.iter().cloned()).collect();
    let mut spans = Vec::new();
    if let BlockKind::Paragraph { list: true, .. } = block.kind {
        let bullet = if doc_line.first { "•" } else { "" };
        spans.push(Span::styled(format!("{bullet:<LIST_INDENT$}"), theme.dim));
    }
    spans.extend(styled_spans(
        &block.text,
        doc_line.range.clone(),
        base,
        &overlays,
    ));
    Line::from(spans)
}
