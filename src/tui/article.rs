//! Links from a letter to the articles of the act the letters discuss (`artikel 7`, `Articles
//! 7 and 10`): found when a letter's document is built (`brieven::act`), underlined in the
//! Reading pane, and opened by `A` in an overlay beside the letter (a pager, `Paged::Article`), which
//! `Esc` or `Backspace` closes, back to the letter as it was.

use std::ops::Range;

use brieven::act::links::Spot;
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

/// The links of letter `current`'s document: its paragraphs' and notes' mentions of the
/// articles of the acts in the library, each to the act it names (see `brieven::act::links`);
/// a note's from its first marker in the text (`A` on that paragraph opens it).
pub fn links(letters: &[Letter], current: usize, doc: &Document) -> Vec<ArticleLink> {
    let Some(letter) = letters.get(current) else {
        return Vec::new();
    };
    let found = brieven::act::links::links(letters, letter);
    if found.is_empty() {
        return Vec::new();
    }
    // Each paragraph's block, and each note's first marker in the text.
    let mut paragraphs = std::collections::HashMap::new();
    let mut markers = std::collections::HashMap::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        if let BlockKind::Paragraph {
            section, paragraph, ..
        } = block.kind
        {
            paragraphs.insert((section, paragraph), b);
            for m in &block.markers {
                markers.entry(m.number).or_insert((b, m.range.clone()));
            }
        }
    }
    let mut out = Vec::new();
    for link in &found {
        let (block, range) = match link.spot {
            Spot::Paragraph { section, paragraph } => {
                let Some(&b) = paragraphs.get(&(section, paragraph)) else {
                    continue;
                };
                let m = &link.mention;
                let bytes = doc.blocks[b].display_bytes(&[m.at, m.at + m.len]);
                (b, bytes[0]..bytes[1])
            }
            Spot::Note { number } => match markers.get(&number) {
                Some((b, range)) => (*b, range.clone()),
                None => continue,
            },
        };
        let sections = (link.mention.articles.iter())
            .filter_map(|a| letters[link.act].article(a))
            .collect();
        out.push(ArticleLink {
            block,
            range,
            act: link.act,
            sections,
        });
    }
    // In reading order, as `A` steps through them.
    out.sort_by_key(|l| (l.block, l.range.start));
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
