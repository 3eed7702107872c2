//! Part of a paragraph quoted with the paragraph's citation (the reader's sentence selection),
//! and a citation cut to a size a terminal's clipboard takes.

use std::ops::Range;

use super::Citation;
use crate::i18n::Lang;
use crate::model::Letter;

impl Citation {
    /// Chars `chars` of paragraph `paragraph` of section `section` (both from 0) as the quote,
    /// cited as the paragraph is (`¶ n`), with the notes whose markers stand in that part (a
    /// marker right after its last char included). `None` when there is no such paragraph or
    /// the part is blank.
    pub fn excerpt(
        letter: &Letter,
        section: usize,
        paragraph: usize,
        chars: Range<usize>,
    ) -> Option<Citation> {
        let p = letter.sections.get(section)?.paragraphs.get(paragraph)?;
        let text: String = p
            .text
            .chars()
            .skip(chars.start)
            .take(chars.end.saturating_sub(chars.start))
            .collect();
        if text.trim().is_empty() {
            return None;
        }
        let mut citation = Citation::paragraph(letter, section, paragraph)?;
        citation.quote = Some(text);
        let inside: Vec<u32> = p
            .notes
            .iter()
            .filter(|n| n.at > chars.start && n.at <= chars.end)
            .map(|n| n.number)
            .collect();
        citation.notes.retain(|n| inside.contains(&n.number));
        Some(citation)
    }

    /// [`Citation::render`] in at most `max_bytes` bytes: when longer, the quote is cut at a
    /// word and ends in `…` (the reference and sources stay whole while they fit). The flag
    /// says whether anything was cut.
    pub fn render_within(&self, lang: Lang, max_bytes: usize) -> (String, bool) {
        let full = self.render(lang);
        if full.len() <= max_bytes {
            return (full, false);
        }
        if let Some(quote) = self.quote.as_deref().map(str::trim) {
            let mut shorter = self.clone();
            shorter.quote = Some(String::new());
            let frame = shorter.render(lang).len();
            let mut budget = max_bytes.saturating_sub(frame + '…'.len_utf8());
            while budget > 0 {
                shorter.quote = Some(format!("{}…", cut_at_word(quote, budget)));
                let out = shorter.render(lang);
                if out.len() <= max_bytes {
                    return (out, true);
                }
                // Sanitizing made it longer (placeholders for control characters).
                budget /= 2;
            }
        }
        (cut_at_word(&full, max_bytes).to_string(), true)
    }
}

/// The longest start of `text` of at most `max` bytes that ends before a space (at a char
/// boundary when there is no space).
fn cut_at_word(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => text[..space].trim_end(),
        _ => &text[..end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    /// Twaalf kinderrechtenorganisaties, ¶ 3: its sentences cite notes 5 to 8.
    fn paragraph_three() -> (Letter, usize, usize) {
        let corpus = Corpus::embedded();
        let letter = corpus.find("001").unwrap().clone();
        let (section, paragraph) = crate::citation::paragraph_at(&letter, 3).unwrap();
        (letter, section, paragraph)
    }

    #[test]
    fn a_sentence_is_cited_as_its_paragraph_with_its_own_notes() {
        let (letter, section, paragraph) = paragraph_three();
        let text = &letter.sections[section].paragraphs[paragraph].text;
        let first = &crate::sentences::split(text)[0];
        let chars = text[..first.start].chars().count()..text[..first.end].chars().count();
        let citation = Citation::excerpt(&letter, section, paragraph, chars).unwrap();
        let out = citation.render(Lang::En);
        assert!(
            out.starts_with(
                "“In 2023 ontving het National Center for Missing & Exploited \
                 Children (NCMEC) 36,2 miljoen meldingen van online platforms, goed voor meer dan \
                 100 miljoen beelden en video's van kindermisbruik.” — Twaalf \
                 kinderrechtenorganisaties, letter to the woordvoerder, 5 December 2024, ¶ 3"
            ),
            "{out}"
        );
        let numbers: Vec<u32> = citation.notes.iter().map(|n| n.number).collect();
        assert_eq!(numbers, [5]);
        // Two sentences further on: notes 6 and 7.
        let ranges = crate::sentences::split(text);
        let chars = text[..ranges[2].start].chars().count()..text[..ranges[3].end].chars().count();
        let citation = Citation::excerpt(&letter, section, paragraph, chars).unwrap();
        let numbers: Vec<u32> = citation.notes.iter().map(|n| n.number).collect();
        assert_eq!(numbers, [6, 7]);
        assert!(Citation::excerpt(&letter, section, paragraph, 0..0).is_none());
    }

    #[test]
    fn a_long_quote_is_cut_at_a_word_and_keeps_its_reference() {
        let (letter, section, paragraph) = paragraph_three();
        let citation = Citation::paragraph(&letter, section, paragraph).unwrap();
        let (whole, cut) = citation.render_within(Lang::Nl, 100_000);
        assert!(!cut);
        assert_eq!(whole, citation.render(Lang::Nl));
        let (short, cut) = citation.render_within(Lang::Nl, 900);
        assert!(cut && short.len() <= 900, "{}", short.len());
        assert!(short.starts_with("“In 2023 ontving"), "{short}");
        assert!(
            short.contains("…” — Twaalf kinderrechtenorganisaties"),
            "{short}"
        );
        assert!(short.contains("¶ 3"), "{short}");
        // The cut falls after a whole word.
        let quote = short.split("…”").next().unwrap();
        let word = quote.rsplit(' ').next().unwrap();
        assert!(
            citation
                .quote
                .as_ref()
                .unwrap()
                .contains(&format!(" {word} "))
        );
    }
}
