//! Body lines to blocks: headings, paragraphs and list items, re-flowed.
//!
//! In one-line-per-paragraph text (Markdown), blank lines separate blocks. In hard-wrapped,
//! double-spaced PDF text, blank lines mean nothing; a paragraph ends where a line ends a
//! sentence and the next line's first word would have fitted on it, or where the spacing
//! widens. A paragraph cut in two by removed lines (a page-bottom note block, a footer) is
//! joined again when its first part stops mid-sentence.

use std::ops::Range;

use super::document::{LineInfo, Role};
use super::join::{Words, append_line, join_lines};
use super::lines::{Line, Shape, ends_sentence, is_superscript_digit};
use super::markup::{strip_markup, stripped_longer_than};
use super::scan;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
}

/// A run of source lines that becomes one heading, paragraph or list item.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The lines joined (hyphenation resolved), Markdown not yet cleaned.
    pub text: String,
    /// 1-based source line of the first line.
    pub line: usize,
    /// Whether removed lines (notes, furniture) stood just before this block.
    after_gap: bool,
    /// Number of source lines.
    lines: usize,
}

impl Block {
    /// A heading of one line: line `index` (0-based) of the text.
    pub fn heading(text: &str, index: usize) -> Block {
        Block {
            kind: BlockKind::Heading,
            text: text.to_string(),
            line: index + 1,
            after_gap: false,
            lines: 1,
        }
    }
}

/// Builds the blocks of the body lines in `range`; `removed` marks lines to pass over.
///
/// `stated` is what the format states about each line (empty for text): a line whose role is
/// a paragraph, heading or list item is a block of that kind by itself; the lines between
/// such lines are grouped and classified as text is.
pub fn build(
    lines: &[Line<'_>],
    range: Range<usize>,
    removed: &[bool],
    shape: Shape,
    words: &Words<'_>,
    stated: &[LineInfo],
) -> Vec<Block> {
    if stated.is_empty() {
        return build_inferred(lines, range, removed, shape, words);
    }
    let mut blocks = Vec::new();
    let mut run = range.start;
    for i in range.clone() {
        let info = stated.get(i).copied().unwrap_or_default();
        if !info.role.is_content() {
            continue;
        }
        if run < i {
            blocks.extend(build_inferred(lines, run..i, removed, shape, words));
        }
        run = i + 1;
        if removed[i] || lines[i].is_blank() {
            continue;
        }
        let kind = match info.role {
            Role::Heading(_) => BlockKind::Heading,
            Role::ListItem => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        };
        blocks.push(Block {
            kind,
            text: lines[i].text.to_string(),
            line: lines[i].no,
            after_gap: false,
            lines: 1,
        });
    }
    if run < range.end {
        blocks.extend(build_inferred(lines, run..range.end, removed, shape, words));
    }
    // A short paragraph set wholly in bold, with no final stop and text after it, is a heading.
    let n = blocks.len();
    for (k, block) in blocks.iter_mut().enumerate() {
        let info = stated
            .get(block.line.wrapping_sub(1))
            .copied()
            .unwrap_or_default();
        let text = block.text.as_str();
        if info.role == Role::Paragraph
            && info.bold
            && k + 1 < n
            && scan::chars_at_most(text, 120)
            && text.split_whitespace().count() <= 15
            && !text.ends_with(['.', ',', ';', ':'])
        {
            block.kind = BlockKind::Heading;
        }
    }
    blocks
}

/// [`build`] for lines the format states nothing about.
fn build_inferred(
    lines: &[Line<'_>],
    range: Range<usize>,
    removed: &[bool],
    shape: Shape,
    words: &Words<'_>,
) -> Vec<Block> {
    let groups = if shape.double_spaced {
        group_wrapped(lines, range, removed, shape)
    } else if shape.hard_wrapped {
        split_wrapped_groups(lines, group_by_blank_lines(lines, range, removed), shape)
    } else {
        group_by_blank_lines(lines, range, removed)
    };
    let mut blocks: Vec<Block> = Vec::new();
    for (group, after_gap) in groups {
        for mut block in split_group(lines, &group, words) {
            block.after_gap = after_gap && block.line == lines[group[0]].no;
            blocks.push(block);
        }
    }
    let blocks = join_across_gaps(blocks, words);
    classify_headings(join_split_numbers(blocks), shape)
}

/// A section's number or a bullet alone on its line and the text it numbers after it (a
/// converter prints a number's column apart: `1.`, a blank line, `CONTEXT OF THE PROPOSAL`;
/// `•`, `Reasons for ...`) are one block: the number before its text, the bullet dropped.
/// Before a heading's line the block is left for the headings to judge; before running text
/// it is a list item (`1.`, `Les conclusions du Conseil ...`).
fn join_split_numbers(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        let lone = block.kind == BlockKind::Paragraph && block.lines == 1;
        let bullet = lone && is_lone_bullet(&block.text);
        let number = lone && is_lone_number(&block.text);
        let next_fits = blocks.peek().is_some_and(|next| {
            next.kind == BlockKind::Paragraph
                && !starts_list_item(&next.text)
                && !is_lone_number(&next.text)
                && !is_lone_bullet(&next.text)
                && next
                    .text
                    .starts_with(|c: char| c.is_alphabetic() || c == '(' || c == '‘')
        });
        if !(bullet || number) || !next_fits {
            out.push(block);
            continue;
        }
        let Some(mut next) = blocks.next() else {
            out.push(block);
            continue;
        };
        if number {
            next.text = format!("{} {}", block.text.trim(), next.text);
        }
        // A numbered title may wrap once (`1.1`, `Blootstelling van ... ultrafijn stof`,
        // `van de luchtvaart`).
        // A bullet's short line amid a list of bulleted items is one of them: an item before
        // it, or a bullet after it (`–`, `The Recovery ... reforms.`, `–`, `Drawing on the
        // revenues from the EU Emission Trading System (ETS)11`, `–`).
        let in_list = bullet
            && (out.last().is_some_and(|b| b.kind == BlockKind::ListItem)
                || blocks.peek().is_some_and(|b| is_lone_bullet(&b.text)));
        let heading_line = (next.lines == 1 || number && next.lines == 2)
            && scan::chars_at_most(&next.text, 120)
            && !next.text.ends_with(['.', ',', ';', ':'])
            && !in_list;
        if !heading_line {
            next.kind = BlockKind::ListItem;
        } else if next.lines == 2
            && next.text.split_whitespace().count() <= 15
            && blocks
                .peek()
                .is_some_and(|b| b.kind == BlockKind::Paragraph)
        {
            // The headings judge titles of one line; a numbered one that wrapped is one.
            next.kind = BlockKind::Heading;
        }
        next.line = block.line;
        next.after_gap = block.after_gap;
        out.push(next);
    }
    out
}

/// A section's number alone: `1.`, `1.1.`, `1.1`, `2.3.`, `I.`, `IV.`, `a)`, `A.`.
pub(crate) fn is_lone_number(text: &str) -> bool {
    if scan::trimmed_longer_than(text, 9) {
        return false;
    }
    let t = text.trim();
    let levels = |t: &str| {
        let parts: Vec<&str> = t.split('.').collect();
        parts.len() >= 2
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let Some(body) = t.strip_suffix(['.', ')']) else {
        // `1.1` without its final stop: a number of two levels or more.
        return t.len() <= 8 && levels(t);
    };
    !body.is_empty()
        && body.len() <= 8
        && (body
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
            || body.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
            || (body.len() == 1 && body.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// A bullet alone: `•`, `–`, `▪`, or a symbol font's private-use bullet.
pub(crate) fn is_lone_bullet(text: &str) -> bool {
    // The longest bullet is three bytes (`\u{F0B7}`).
    if scan::trimmed_longer_than(text, 3) {
        return false;
    }
    let mut chars = text.trim().chars();
    chars.next().is_some_and(|c| {
        matches!(c, '•' | '▪' | '◦' | '–' | '-' | '●' | '○' | '■' | '➢' | '►')
            || ('\u{F000}'..='\u{F0FF}').contains(&c)
    }) && chars.next().is_none()
}

type Group = (Vec<usize>, bool);

fn group_by_blank_lines(lines: &[Line<'_>], range: Range<usize>, removed: &[bool]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut current = Vec::new();
    let mut gap = false;
    for i in range {
        if removed[i] || lines[i].is_blank() {
            if !current.is_empty() {
                groups.push((std::mem::take(&mut current), gap));
                gap = false;
            }
            gap |= removed[i];
            continue;
        }
        // A Markdown heading stands alone even without blank lines around it.
        if lines[i].text.starts_with('#') && !current.is_empty() {
            groups.push((std::mem::take(&mut current), gap));
            gap = false;
        }
        current.push(i);
        if lines[i].text.starts_with('#') {
            groups.push((std::mem::take(&mut current), gap));
            gap = false;
        }
    }
    if !current.is_empty() {
        groups.push((current, gap));
    }
    groups
}

/// Hard-wrapped text as PDF converters write it often has no blank line between paragraphs,
/// nor around headings. Inside a group of lines: a paragraph ends at a line that ends a
/// sentence well short of the width (the next line's first word would have fitted on it); a
/// heading is a short line without final punctuation, after a sentence's end and before a
/// capital, that stands between such lines.
fn split_wrapped_groups(lines: &[Line<'_>], groups: Vec<Group>, shape: Shape) -> Vec<Group> {
    let short = shape.width * 17 / 20;
    let roomy = shape.width * 4 / 5;
    let mut out = Vec::with_capacity(groups.len());
    for (group, gap) in groups {
        if group.len() < 2 {
            out.push((group, gap));
            continue;
        }
        let text = |k: usize| lines[group[k]].text;
        // `1. Algemene gegevens`, `a) Inhoud voorstel`: a numbered line (a chapter, a form's
        // field) that no item of a list follows.
        let numbered_heading = |k: usize| {
            (text(k).starts_with(|c: char| c.is_ascii_digit()) || text(k).get(1..3) == Some(") "))
                && (k + 1 >= group.len()
                    || !starts_list_item(text(k + 1))
                    || text(k).starts_with(|c: char| c.is_ascii_digit())
                        && !text(k + 1).starts_with(|c: char| c.is_ascii_digit()))
        };
        // The width line `k - 1` would have with line `k`'s first word after it.
        let with_next_word = |k: usize| {
            let first = text(k).split_whitespace().next().unwrap_or("");
            lines[group[k - 1]].len() + 1 + first.chars().count()
        };
        let heading = |k: usize, after_heading: bool| {
            let line = &lines[group[k]];
            let t = line.text;
            // A full line is none: the looks at its neighbours are spared.
            if line.len() >= short {
                return false;
            }
            let chapter = chapter_number(t) && numbered_heading(k);
            let prev_ends = k == 0
                || chapter
                || after_heading
                || ends_sentence_not_abbreviated(text(k - 1))
                || text(k - 1).ends_with(':')
                || is_lone_bullet(text(k - 1));
            // And the next line's first word would have fitted after it: else the line
            // wrapped there (`... waarin de` / `CSAM-verordening tot ...`).
            let next_fitted = k + 1 >= group.len() || with_next_word(k + 1) <= shape.width;
            let next_starts = k + 1 < group.len()
                && next_fitted
                && (text(k + 1).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || starts_list_item(text(k + 1)));
            prev_ends
                && next_starts
                && !t.ends_with(['.', ',', ';', ':', '-', '?', '!'])
                && !ends_in_stop_and_marker(t)
                && (t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || numbered_heading(k))
                && t.split_whitespace().count() <= 12
                && (!starts_list_item(t) || numbered_heading(k))
                && !stands_alone(t)
        };
        let mut current = vec![group[0]];
        let mut current_gap = gap;
        let mut prev_heading = heading(0, false);
        for k in 1..group.len() {
            let prev = &lines[group[k - 1]];
            // (The cheap looks first.)
            let ends_short = text(k).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && with_next_word(k) < roomy
                && ends_sentence_not_abbreviated(prev.text);
            let is_heading = heading(k, prev_heading);
            // A section's number alone after a sentence's end (`... ingetrokken.`, `1.1.`):
            // its title follows apart.
            let lone_number = is_lone_number(text(k)) && ends_sentence_not_abbreviated(prev.text);
            if ends_short || is_heading || prev_heading || lone_number {
                out.push((std::mem::take(&mut current), current_gap));
                current_gap = false;
            }
            current.push(group[k]);
            prev_heading = is_heading;
        }
        out.push((current, current_gap));
    }
    out
}

/// A sentence's end with a converter's plain note marker after it: `kan helpen.7`, not a
/// section's number (`artikel 4.7`).
fn ends_in_stop_and_marker(text: &str) -> bool {
    let body = text.trim_end_matches(|c: char| c.is_ascii_digit());
    body.len() < text.len()
        && text.len() - body.len() <= 2
        && body
            .strip_suffix(['.', '?', '!'])
            .is_some_and(|b| b.ends_with(char::is_alphabetic) || b.ends_with(')'))
}

/// A form's field label: `a) Inhoud voorstel`.
fn form_field(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text.get(1..3) == Some(") ")
        && text[3..].starts_with(char::is_uppercase)
}

/// A line that is a date and nothing more (`26 oktober 2022`): a field's value, no heading.
fn is_date_line(text: &str) -> bool {
    crate::dates::find_full_date(text)
        .is_some_and(|(_, before, after)| before.trim().is_empty() && after.trim().is_empty())
}

/// Whether a line opens with a chapter's number: `2. `, `1.1 `, `3.2.1 `.
fn chapter_number(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &text[digits..];
    if rest.starts_with(". ") {
        return true;
    }
    // `1.16 Waarborgen`, `2.3. Proces`: levels of one or two digits; `22.769 kinderen` is a
    // count with a thousands separator.
    let Some((number, _)) = rest.split_once(' ') else {
        return false;
    };
    let levels = number.trim_end_matches('.');
    levels.starts_with('.')
        && levels[1..]
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a line ends a sentence, and not with an abbreviation (`nr.`, `jl.`, `o.a.`) that a
/// line may well end with inside one.
fn ends_sentence_not_abbreviated(text: &str) -> bool {
    ends_sentence(text)
        && !text
            .split_whitespace()
            .next_back()
            .is_some_and(is_abbreviation)
}

/// Abbreviations that Dutch and English letters write with a stop (without it).
const ABBREVIATIONS: [&str; 28] = [
    "nr", "nrs", "jl", "art", "blz", "bijv", "o.a", "e.a", "resp", "ca", "vgl", "zgn", "m.b.t",
    "t.a.v", "i.p.v", "incl", "excl", "etc", "no", "p", "pp", "e.g", "i.e", "mr", "dr", "drs",
    "ir", "prof",
];

/// Whether `word` is one of the [`ABBREVIATIONS`], in any case, after an opening bracket.
/// (Compared in ASCII: no other char lowercases to their letters.)
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[']).trim_end_matches('.');
    ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
}

fn group_wrapped(
    lines: &[Line<'_>],
    range: Range<usize>,
    removed: &[bool],
    shape: Shape,
) -> Vec<Group> {
    // The text lines with the blank lines and removed lines before each.
    // (index, blanks before, gap before)
    let mut units: Vec<(usize, usize, bool)> = Vec::with_capacity(range.len());
    let (mut blanks, mut gap) = (0, false);
    for i in range {
        if removed[i] {
            gap = true;
        } else if lines[i].is_blank() {
            blanks += 1;
        } else {
            units.push((i, blanks, gap));
            blanks = 0;
            gap = false;
        }
    }
    let full = (shape.width * 93 / 100).max(20);
    let short = shape.width * 3 / 4;
    let is_heading_line = |k: usize| -> bool {
        let line = &lines[units[k].0];
        let prev_ends = k == 0 || ends_sentence(lines[units[k - 1].0].text);
        let next_starts = units
            .get(k + 1)
            .is_none_or(|&(j, _, _)| lines[j].text.starts_with(|c: char| c.is_uppercase()));
        line.len() < short
            && !line.text.ends_with(['.', ',', ';', ':', '-'])
            && line
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && line.text.split_whitespace().count() <= 15
            && prev_ends
            && next_starts
            && units.get(k + 1).is_some()
    };
    let mut groups: Vec<Group> = Vec::new();
    for k in 0..units.len() {
        let (i, blanks, gap) = units[k];
        let new_block = if k == 0 {
            true
        } else {
            let prev = &lines[units[k - 1].0];
            let first_word = lines[i].text.split_whitespace().next().unwrap_or("");
            let fits = prev.len() + first_word.chars().count() <= full;
            (ends_sentence(prev.text) && (fits || blanks >= 2 || gap))
                || is_heading_line(k)
                || is_heading_line(k - 1)
                || stands_alone(lines[i].text)
                || stands_alone(prev.text)
                || starts_list_item(lines[i].text)
        };
        if new_block {
            groups.push((vec![i], gap));
        } else if let Some(last) = groups.last_mut() {
            last.0.push(i);
        }
    }
    groups
}

/// A Markdown heading or a line that is bold from end to end: a block of its own in any text.
fn stands_alone(text: &str) -> bool {
    text.starts_with('#') || (text.starts_with("**") && text.ends_with("**") && text.len() > 4)
}

/// `1. `, `2) `, `a. `, `- `, `* `, `• `, `– ` at the start of a line.
pub fn starts_list_item(text: &str) -> bool {
    list_marker_len(text).is_some()
}

/// The length in bytes of the list marker (with its space) at the start of `text`.
fn list_marker_len(text: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "• ", "– ", "◦ ", "▪ "] {
        if text.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let letter = if text.starts_with(|c: char| c.is_ascii_lowercase()) {
        1
    } else {
        0
    };
    let n = if digits > 0 && digits <= 2 {
        digits
    } else {
        letter
    };
    if n == 0 {
        return None;
    }
    let rest = &text[n..];
    (rest.starts_with(". ") || rest.starts_with(") ")).then_some(n + 2)
}

/// Splits a group of lines into list items when it is a list, or one paragraph.
fn split_group(lines: &[Line<'_>], group: &[usize], words: &Words<'_>) -> Vec<Block> {
    // A bullet alone on its line is a block of its own, the next item's, wherever a converter
    // left it (`... System (ETS)11`, `–`, with no blank line between).
    if group.len() > 1
        && let Some(k) = group.iter().position(|&i| is_lone_bullet(lines[i].text))
    {
        let (before, rest) = group.split_at(k);
        let (bullet, after) = rest.split_at(1);
        return [before, bullet, after]
            .into_iter()
            .filter(|part| !part.is_empty())
            .flat_map(|part| split_group(lines, part, words))
            .collect();
    }
    let markers = group
        .iter()
        .filter(|&&i| starts_list_item(lines[i].text))
        .count();
    // One item, possibly over several lines: a bullet, or a numbered sentence.
    let single = markers == 1 && starts_list_item(lines[group[0]].text) && {
        let last = lines[group[group.len() - 1]].text;
        is_bullet(lines[group[0]].text) || ends_sentence(last)
    };
    let is_list = markers >= 2 || single;
    if !is_list {
        return vec![block(lines, group, words, BlockKind::Paragraph)];
    }
    let mut items: Vec<Vec<usize>> = Vec::new();
    for &i in group {
        if starts_list_item(lines[i].text) || items.is_empty() {
            items.push(vec![i]);
        } else if let Some(last) = items.last_mut() {
            last.push(i);
        }
    }
    items
        .iter()
        .map(|item| {
            let mut b = block(lines, item, words, BlockKind::ListItem);
            if is_bullet(&b.text) {
                b.text = b.text[list_marker_len(&b.text).unwrap_or(0)..].to_string();
            }
            b
        })
        .collect()
}

fn is_bullet(text: &str) -> bool {
    list_marker_len(text).is_some_and(|_| !text.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

fn block(lines: &[Line<'_>], group: &[usize], words: &Words<'_>, kind: BlockKind) -> Block {
    let parts: Vec<&str> = group.iter().map(|&i| lines[i].text).collect();
    Block {
        kind,
        text: join_lines(&parts, words),
        line: lines[group[0]].no,
        after_gap: false,
        lines: group.len(),
    }
}

fn join_across_gaps(blocks: Vec<Block>, words: &Words<'_>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for block in blocks {
        if let Some(prev) = out.last_mut() {
            // Text that cannot open a sentence: `peuters.`, `4.524 afbeeldingen`.
            let mid_sentence = block
                .text
                .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
            // Prose rather than a heading: long, wrapped, or a whole sentence and then more.
            let prev_open = prev.kind == BlockKind::Paragraph
                && !ends_sentence(&prev.text)
                && !prev.text.ends_with(':')
                && (!scan::chars_at_most(&prev.text, 100)
                    || prev.lines > 1
                    || mid_sentence
                    || has_inner_sentence_end(&prev.text));
            // The rest of a sentence: lower case, long, or a short end of it with its full stop
            // (`Dienst van de Raad over voldoende middelen beschikt.`), which no heading has.
            let continues = block.kind == BlockKind::Paragraph
                && !block.text.starts_with('#')
                && (mid_sentence
                    || !scan::chars_at_most(&block.text, 60)
                    || ends_sentence(&block.text));
            if block.after_gap && prev_open && continues {
                append_line(&mut prev.text, &block.text, words);
                prev.lines += block.lines;
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// Whether `text` ends a sentence somewhere inside: `.`, `?` or `!` (and the note markers
/// after it: `beschikt.⁵`, `beschikt.<sup>5</sup>`), a space and a capital, after a word that
/// starts in lower case or with a digit (`met 65%. Zonder`), so that initials and titles
/// (`A. Visser`, `Dr. Jansen`) do not count, and not after the first word, which is a
/// heading's number (`3. Detectie en privacy`).
fn has_inner_sentence_end(text: &str) -> bool {
    // One pass: whether the word being read opened in lower case or with a digit, and
    // whether it is the first word.
    let mut first_word = true;
    let mut opens_lower = false;
    let mut at_word_start = true;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            first_word &= at_word_start;
            at_word_start = true;
            continue;
        }
        if at_word_start {
            opens_lower = c.is_lowercase() || c.is_ascii_digit();
            at_word_start = false;
        }
        if matches!(c, '.' | '?' | '!') && !first_word && opens_lower {
            let after = skip_markers(&text[i + 1..]);
            let next = after.strip_prefix(' ').and_then(|rest| rest.chars().next());
            if next.is_some_and(char::is_uppercase) {
                return true;
            }
        }
    }
    false
}

/// `text` without the note markers it starts with: superscript digits, `<sup>n</sup>`.
fn skip_markers(text: &str) -> &str {
    let text = text.trim_start_matches(is_superscript_digit);
    text.strip_prefix("<sup>")
        .and_then(|rest| rest.split_once("</sup>"))
        .filter(|(inner, _)| inner.bytes().all(|b| b.is_ascii_digit() || b == b','))
        .map_or(text, |(_, after)| after)
}

/// Marks headings: Markdown `#` lines, lone bold lines, and short lines with no final full stop
/// that are followed by text (numbered ones included). A numbered line ending a sentence, or
/// one of several in a row, stays a list item.
fn classify_headings(mut blocks: Vec<Block>, shape: Shape) -> Vec<Block> {
    let max_len = if shape.double_spaced {
        shape.width * 3 / 4
    } else {
        120
    };
    let n = blocks.len();
    for k in 0..n {
        let b = &blocks[k];
        if b.lines != 1 {
            continue;
        }
        let raw = b.text.trim();
        let markdown = raw.starts_with('#');
        let bold = raw.starts_with("**") && raw.ends_with("**") && raw.len() > 4;
        // Or by a numbered heading under it (`1. Ultrafijn stof`, then `1.1 Blootstelling`).
        let followed_by_text = blocks[k + 1..].first().is_some_and(|next| {
            next.kind == BlockKind::Paragraph
                || next.kind == BlockKind::ListItem
                || next.kind == BlockKind::Heading
                    && next.text.starts_with(|c: char| c.is_ascii_digit())
        });
        let numbered_run = b.kind == BlockKind::ListItem;
        // Without `#` or bold only a plain heading is possible: most paragraphs are ruled out
        // before their markup is stripped.
        if !markdown
            && !bold
            && (!followed_by_text || numbered_run || stripped_longer_than(raw, max_len))
        {
            continue;
        }
        let text = strip_markup(raw);
        // A sentence with its note marker (`steunen.[^2]`) ends in its stop all the same.
        let ends_in_stop = strip_markup(crate::ingest::lines::trim_note_marker(raw))
            .ends_with(['.', ',', ';', ':', '-']);
        let plain = text.chars().count() <= max_len
            && text.split_whitespace().count() <= 15
            && !ends_in_stop
            && (text.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“'
            }) || form_field(&text))
            && followed_by_text
            && !numbered_run
            && !is_bullet(&text)
            && !is_date_line(&text);
        if markdown || (bold && !text.ends_with('.')) || plain {
            let text = text.into_owned();
            blocks[k].kind = BlockKind::Heading;
            blocks[k].text = text;
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_inside_a_text_but_not_numbers_initials_or_titles() {
        for text in [
            "steeg met 65%. Zonder de Digital Services",
            "het rapport uit 2023. Het kabinet",
            "Wat nu? Wij vragen",
            "voldoende middelen beschikt.⁵ De",
            "voldoende middelen beschikt.<sup>5</sup> De",
        ] {
            assert!(has_inner_sentence_end(text), "{text}");
        }
        for text in [
            "3. Detectie en privacy",
            "Het advies van A. Visser en",
            "Reactie op Dr. Jansen",
            "zie bijv. een rapport",
            "een zin die eindigt.",
            "een zin die eindigt.⁵",
            "een <sup>x</sup>. Zin",
            "",
        ] {
            assert!(!has_inner_sentence_end(text), "{text}");
        }
    }

    #[test]
    fn lone_numbers_and_bullets() {
        for yes in ["1.", "1.1.", "2.3.", "I.", "IV.", "a)"] {
            assert!(is_lone_number(yes), "{yes}");
        }
        for no in ["1", "2023.", "1.a.", "Ii.", "", "..."] {
            assert!(!is_lone_number(no), "{no}");
        }
        assert!(is_lone_bullet("•") && is_lone_bullet(" \u{F0B7} "));
        assert!(!is_lone_bullet("• text") && !is_lone_bullet("x"));
    }

    #[test]
    fn chapter_numbers_not_counts() {
        for yes in [
            "2. Proces",
            "1.1 Blootstelling",
            "1.16. Waarborgen",
            "3.2.1 Toezicht",
        ] {
            assert!(chapter_number(yes), "{yes}");
        }
        for no in [
            "22.769 kinderen kan helpen.",
            "1.250 meldingen",
            "2023 was",
            "1.1",
        ] {
            assert!(!chapter_number(no), "{no}");
        }
        assert!(ends_in_stop_and_marker("22.769 kinderen kan helpen.7"));
        assert!(ends_in_stop_and_marker("de positie van de Raad (EDPB).12"));
        for no in [
            "Wijziging van artikel 4.7",
            "De positie van Nederland",
            "In 2023",
        ] {
            assert!(!ends_in_stop_and_marker(no), "{no}");
        }
    }

    #[test]
    fn list_markers() {
        assert!(starts_list_item("1. Voorkomen dat het gebeurt"));
        assert!(starts_list_item("- punt"));
        assert!(starts_list_item("b) punt"));
        assert!(!starts_list_item("1 op de 8"));
        assert!(!starts_list_item("2023. Zo"));
    }

    #[test]
    fn lines_that_end_in_an_abbreviation_end_no_sentence() {
        for line in [
            "zoals beschreven in Kamerstuk nr.",
            "zie ook de brief van 3 maart jl.",
            "waaronder (o.a.",
            "gericht aan M.B.T.",
            "zoals Bijv.",
            "ondertekend door Prof.",
            "op p.",
        ] {
            assert!(ends_sentence(line), "{line}");
            assert!(!ends_sentence_not_abbreviated(line), "{line}");
        }
        for line in [
            "Dat is de brief.",
            "Het artikel.",
            "Het İ.e.",
            "Het nrsx.",
            "Zie (blz",
        ] {
            assert_eq!(
                ends_sentence_not_abbreviated(line),
                ends_sentence(line),
                "{line}"
            );
        }
        assert!(!ends_sentence_not_abbreviated("Zie nrs.."));
    }
}
