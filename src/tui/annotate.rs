//! The annotation form (`a`): a letter's stance, summary and tags as the reader gives them,
//! kept in the state file (never beside the letter) and shown in place of what the letter and
//! its sidecar say. A component of its own: it owns the form and hands back the change to save.

use brieven::model::Stance;
use brieven::state::Annotation;
use brieven::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::component::{Component, Ctx, Outcome};
use super::memory::StateChange;
use super::ui::{fit, tail};

/// The stances in the order `←` `→` go through them, after none.
const STANCES: [Option<Stance>; 5] = [
    None,
    Some(Stance::Supports),
    Some(Stance::Opposes),
    Some(Stance::Mixed),
    Some(Stance::Neutral),
];

/// The longest summary and tag line kept (in chars): a form, not an editor.
const MAX_TEXT: usize = 600;

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field {
    #[default]
    Stance,
    Summary,
    Tags,
}

/// The form for one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotateForm {
    /// The letter's id, which the annotation is kept under.
    pub letter: String,
    /// The letter's sender and date, for the title.
    pub title: String,
    pub field: Field,
    pub stance: Option<Stance>,
    pub summary: String,
    /// Tags separated by commas.
    pub tags: String,
    /// The letter's own values (its text's and sidecar's): what the form leaves at them is
    /// not kept, so a sidecar changed later still shows.
    own: Annotation,
}

impl AnnotateForm {
    /// The form for `letter`, filled with what it shows now (`annotation` wins over the
    /// letter's own values).
    pub fn new(letter: &brieven::model::Letter, annotation: Option<Annotation>) -> AnnotateForm {
        let mut shown = letter.clone();
        if let Some(a) = annotation {
            a.apply(&mut shown);
        }
        let title = match letter.date {
            Some(d) => format!("{}, {d}", letter.sender_or_unknown()),
            None => letter.sender_or_unknown().to_string(),
        };
        AnnotateForm {
            own: Annotation {
                stance: letter.stance,
                summary: letter.summary.clone(),
                tags: letter.tags.clone(),
            }
            .cleaned(),
            letter: letter.id.clone(),
            title,
            field: Field::Stance,
            stance: shown.stance,
            summary: shown.summary.unwrap_or_default(),
            tags: shown.tags.join(", "),
        }
    }

    /// What the form gives, as it is kept: the values that differ from the letter's own.
    pub fn annotation(&self) -> Annotation {
        let given = Annotation {
            stance: self.stance,
            summary: Some(self.summary.clone()),
            tags: self.tags.split(',').map(str::to_string).collect(),
        }
        .cleaned();
        Annotation {
            stance: given.stance.filter(|s| Some(*s) != self.own.stance),
            summary: given
                .summary
                .filter(|s| Some(s) != self.own.summary.as_ref()),
            tags: if given.tags == self.own.tags {
                Vec::new()
            } else {
                given.tags
            },
        }
    }

    fn text(&mut self) -> Option<&mut String> {
        match self.field {
            Field::Stance => None,
            Field::Summary => Some(&mut self.summary),
            Field::Tags => Some(&mut self.tags),
        }
    }

    fn cycle(&mut self, by: usize) {
        let at = STANCES.iter().position(|s| *s == self.stance).unwrap_or(0);
        self.stance = STANCES[(at + by) % STANCES.len()];
    }
}

impl Component for AnnotateForm {
    fn handle(&mut self, action: &Action, _ctx: &Ctx) -> Outcome {
        match action {
            Action::Down => {
                self.field = match self.field {
                    Field::Stance => Field::Summary,
                    Field::Summary | Field::Tags => Field::Tags,
                }
            }
            Action::Up => {
                self.field = match self.field {
                    Field::Stance | Field::Summary => Field::Stance,
                    Field::Tags => Field::Summary,
                }
            }
            Action::NextTab => self.cycle(1),
            Action::PrevTab => self.cycle(STANCES.len() - 1),
            Action::Input(' ') if self.field == Field::Stance => self.cycle(1),
            Action::Input(c) => {
                if let Some(text) = self.text()
                    && text.chars().count() < MAX_TEXT
                {
                    text.push(*c);
                }
            }
            Action::DeleteChar => {
                if let Some(text) = self.text() {
                    text.pop();
                }
            }
            Action::ClearInput => match self.text() {
                Some(text) => text.clear(),
                None => self.stance = None,
            },
            Action::Activate => {
                return Outcome::Save(StateChange::Annotate {
                    letter: self.letter.clone(),
                    annotation: self.annotation(),
                });
            }
            Action::Close => return Outcome::Close,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled(super::update::Effect::None)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let text = |en: &'static str| brieven::i18n::reader_text(lang, en);
        let area = super::layout::overlay_area(area, 90, 7);
        let title = format!(" {} — {} ", text("Stance, summary, tags"), self.title);
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(Span::styled(
                sanitize_line(&title).into_owned(),
                theme.title,
            ))
            .title_bottom(Span::styled(
                format!(
                    " {} ",
                    text("↑/↓ field  ←/→ stance  Enter save (empty: the letter's own)  Esc cancel")
                ),
                theme.dim,
            ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let labels = [text("Stance"), text("Summary"), text("Tags")];
        let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 2;
        let stance = match self.stance {
            Some(s) => lang.stance(s),
            None => text("(the letter's own)"),
        };
        let values = [
            format!("‹ {stance} ›"),
            self.summary.clone(),
            self.tags.clone(),
        ];
        let fields = [Field::Stance, Field::Summary, Field::Tags];
        let mut lines = Vec::new();
        for ((label, value), field) in labels.iter().zip(&values).zip(fields) {
            let current = field == self.field;
            let room = width.saturating_sub(label_w + 1);
            let value = sanitize_line(value);
            let shown = if field == Field::Stance {
                fit(&value, room)
            } else {
                tail(&value, room)
            };
            let style = if current {
                theme.selected
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::styled(format!("{label:<label_w$}"), theme.key),
                Span::styled(shown, style),
            ];
            if current && field != Field::Stance {
                spans.push(Span::styled("▏", theme.key));
            }
            lines.push(Line::from(spans));
            lines.push(Line::default());
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
