//! The preview of the selected hit, as fzf's and television's preview pane: the whole passage
//! (a paragraph, heading or note) with every match marked, under its letter's sender, date
//! and place. For an entity, its first occurrence in date order outside the letters' headers.
//! Made once per selection, from one letter.

use brieven::i18n::Lang;
use brieven::model::Letter;
use brieven::register::{Place, meta_text, place_text};
use brieven::search::Hit;

use crate::tui::component::Ctx;

/// What the preview pane shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The letter's sender and date, and where in it (`Offlimits, 2024-09-18 · §1 ¶5`).
    pub title: String,
    /// The sender that `title` starts with (cut first when the title does not fit).
    pub sender: String,
    /// The passage, on one line (line breaks as spaces).
    pub text: String,
    /// The matches, as `char` ranges of `text`, in order.
    pub marks: Vec<(usize, usize)>,
}

impl Preview {
    /// The preview of `hit`, or `None` when it has no text to show.
    pub fn of(hit: &Hit, ctx: &Ctx) -> Option<Preview> {
        if let Some(p) = &hit.passage {
            let letter = ctx.letters.get(p.letter_index)?;
            let text = place_text(letter, p.place)?;
            let mut marks = p.matches.clone();
            marks.sort_unstable();
            return Some(Preview::new(letter, p.place, text, marks, ctx.lang));
        }
        let entity = ctx.register?.entities.get(hit.entity?)?;
        // The first occurrence in the date order, one in running text before the headers'.
        let o = (entity.occurrences.iter()).min_by_key(|o| {
            (
                o.place == Place::Meta,
                ctx.index.rank(o.letter_index()),
                o.place,
                o.at,
            )
        })?;
        let letter = ctx.letters.get(o.letter_index())?;
        let text = match o.place {
            Place::Meta => meta_text(letter, entity, o)?,
            place => place_text(letter, place)?,
        };
        let range = o.chars();
        Some(Preview::new(
            letter,
            o.place,
            text,
            vec![(range.start, range.end)],
            ctx.lang,
        ))
    }

    fn new(
        letter: &Letter,
        place: Place,
        text: &str,
        marks: Vec<(usize, usize)>,
        lang: Lang,
    ) -> Preview {
        let mut title = match letter.date {
            Some(d) => format!("{}, {d}", letter.sender_or_unknown()),
            None => letter.sender_or_unknown().to_string(),
        };
        let place = place_label(letter, place, lang);
        if !place.is_empty() {
            title.push_str(" · ");
            title.push_str(&place);
        }
        Preview {
            title,
            sender: letter.sender_or_unknown().to_string(),
            text: text.replace(['\n', '\t'], " "),
            marks,
        }
    }
}

/// Where a passage stands, as citations number it: `§2 ¶7` (paragraphs counted through the
/// letter), `§2` for a heading, `note 3`; empty for the letter's header.
pub fn place_label(letter: &Letter, place: Place, lang: Lang) -> String {
    match place {
        Place::Paragraph { section, paragraph } => {
            let n =
                brieven::citation::paragraph_number(letter, section as usize, paragraph as usize);
            format!("§{} ¶{n}", section + 1)
        }
        Place::Heading { section } => format!("§{}", section + 1),
        Place::Footnote { number } => format!("{} {number}", lang.strings().note),
        Place::Meta => String::new(),
    }
}
