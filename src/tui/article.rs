//! Links from a letter to the articles of the act the letters discuss (`artikel 7`, `Articles
//! 7 and 10`): found when a letter's document is built (`brieven::act`), underlined in the
//! Reading pane, and opened by `A` in an overlay beside the letter (a pager, `Paged::Article`), which
//! `Esc` or `Backspace` closes, back to the letter as it was.

use std::ops::Range;

use brieven::model::Letter;

use crate::tui::app::{App, Overlay};
use crate::tui::document::{BlockKind, Document};
use crate::tui::pager::{Paged, Pager};

/// A mention of articles in a block of the open letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLink {
    pub block: usize,
    /// Byte range of the mention in the block's display text.
    pub range: Range<usize>,
    /// The act's index in the corpus.
    pub act: usize,
    /// The sections of the act that are the articles named, in order.
    pub sections: Vec<usize>,
}

/// The links of letter `current`'s document: its paragraphs' mentions of the articles of the
/// first act in the library.
pub fn links(letters: &[Letter], current: usize, doc: &Document) -> Vec<ArticleLink> {
    let (Some(act), Some(letter)) = (brieven::act::first_act(letters), letters.get(current)) else {
        return Vec::new();
    };
    let act_letter = &letters[act];
    let mentions = brieven::act::letter_mentions(letter, act_letter);
    if mentions.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        let BlockKind::Paragraph {
            section, paragraph, ..
        } = block.kind
        else {
            continue;
        };
        for (_, _, m) in mentions
            .iter()
            .filter(|(s, p, _)| (*s, *p) == (section, paragraph))
        {
            let bytes = block.display_bytes(&[m.at, m.at + m.len]);
            let sections = m
                .articles
                .iter()
                .filter_map(|a| act_letter.article(a))
                .collect();
            out.push(ArticleLink {
                block: b,
                range: bytes[0]..bytes[1],
                act,
                sections,
            });
        }
    }
    out
}

/// `A`: opens the article the current paragraph's first link names (else the first link in
/// view); with an article open, the next link in view.
pub fn open(app: &mut App) {
    let in_view: Vec<usize> = (0..app.doc.links.len())
        .filter(|&i| app.block_in_view(app.doc.links[i].block))
        .collect();
    if let Some(Overlay::Pager(Pager {
        kind: Paged::Article(link),
        ..
    })) = app.overlays.last()
    {
        let at = in_view.iter().position(|i| i == link);
        let next = match at {
            Some(k) => in_view.get(k + 1).or(in_view.first()),
            None => in_view.first(),
        };
        if let Some(&next) = next {
            app.overlays.pop();
            app.overlays
                .push(Overlay::Pager(Pager::new(Paged::Article(next))));
        }
        return;
    }
    if !app.overlays.is_empty() {
        return;
    }
    let current = app.current_paragraph();
    let chosen = in_view
        .iter()
        .copied()
        .find(|&i| Some(app.doc.links[i].block) == current)
        .or_else(|| in_view.first().copied());
    match chosen {
        Some(link) => (app.overlays).push(Overlay::Pager(Pager::new(Paged::Article(link)))),
        None => {
            app.message = Some(
                brieven::i18n::reader_text(
                    app.lang,
                    "No article of the regulation is mentioned in view",
                )
                .into(),
            )
        }
    }
}
