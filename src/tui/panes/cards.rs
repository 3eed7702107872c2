//! The cue-card stack overlay (`'`): the cards of the current stack with their source and
//! quote, and the other stacks' names.

use brieven::citation::{Anchor, paragraph_number};
use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Prompt};
use crate::tui::cards_view::{CardsView, cards};
use crate::tui::component::Ctx;
use crate::tui::panes::list_overlay;
use crate::tui::ui::fit;
use ratatui::layout::Rect;

pub fn draw(view: &CardsView, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let s = ctx.lang.strings();
    let theme = ctx.theme;
    let width = usize::from(area.width.saturating_sub(8));
    let current = ctx.state.current_stack_name();
    let mut stacks = vec![Span::styled(format!("{}: ", s.label_stack), theme.dim)];
    let mut names: Vec<&str> = ctx.state.stacks.iter().map(|s| s.name.as_str()).collect();
    if !names.contains(&current) {
        names.push(current);
    }
    for name in names {
        let style = if name == current {
            theme.selected
        } else {
            theme.dim
        };
        stacks.push(Span::styled(format!(" {} ", sanitize(name)), style));
        stacks.push(Span::raw(" "));
    }
    let header = vec![Line::from(stacks), Line::default()];
    let cards = cards(ctx);
    let row = |i: usize| {
        cards.get(i).map_or_else(Line::default, |card| {
            let letter = (ctx.index.by_id(&card.letter)).and_then(|l| ctx.letters.get(l));
            let sender = letter.map_or_else(
                || card.letter.clone(),
                |l| l.sender_or_unknown().to_string(),
            );
            let place = match (card.anchor, letter) {
                (Anchor::Paragraph { section, paragraph }, Some(l)) => {
                    format!("¶ {}", paragraph_number(l, section, paragraph))
                }
                (Anchor::Note { number }, _) => format!("{} {number}", s.note),
                (Anchor::Section { section }, _) => format!("§ {}", section + 1),
                _ => String::new(),
            };
            let lead = format!("{:>2}  {} · {}", i + 1, fit(&sanitize(&sender), 28), place);
            let label = card
                .label
                .as_deref()
                .map(|l| format!(" [{}]", sanitize(l)))
                .unwrap_or_default();
            let quote = sanitize(&card.quote).replace('\n', " ");
            let room = width.saturating_sub(lead.width() + label.width() + 2);
            Line::from(vec![
                Span::styled(lead, theme.sender),
                Span::styled(label, theme.heading),
                Span::raw("  "),
                Span::raw(fit(&quote, room)),
            ])
        })
    };
    let title = format!("{} — {}", s.title_cards, sanitize(current));
    list_overlay::draw(
        ctx,
        frame,
        (&title, s.hint_cards, header),
        (cards.len(), &row),
        view.cursor.selected,
        s.msg_stack_empty,
        "",
    );
}

/// The one-line prompt for a card's label, over the stack.
pub fn draw_label_prompt(app: &App, frame: &mut Frame, text: &str, purpose: Prompt) {
    let area = crate::tui::layout::overlay_area(frame.area(), 64, 3);
    let block = ratatui::widgets::Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Span::styled(
            format!(
                " {}",
                match purpose {
                    Prompt::CardLabel => app.lang.strings().msg_label_prompt,
                    Prompt::StackName => app.lang.strings().msg_stack_prompt,
                }
            ),
            app.theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    let text = sanitize(text);
    let shown = fit(&text, usize::from(inner.width).saturating_sub(1));
    let line = Line::from(vec![Span::raw(shown), Span::styled("▏", app.theme.key)]);
    frame.render_widget(ratatui::widgets::Paragraph::new(line), inner);
}
