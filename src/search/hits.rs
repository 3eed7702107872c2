//! Turning scored entities and passages into [`Hit`]s: what the letters and the register
//! say about each, and the passages where the best entities occur under any of their names.

use std::collections::HashSet;

use super::passages::{self, Passage};
use super::{Hit, HitKind, PassageHit, Query, Source, entities};
use crate::register::{Occurrence, Place, key};

/// Passages where the best-matching entities occur under any of their names (`EOKM` for a
/// query `offlimits`), ranked below passages that hold the query's own words.
pub(super) fn occurrence_passages(
    source: &impl Source,
    hits: &[Hit],
    query: &Query,
    allowed: Option<&[bool]>,
    limit: usize,
) -> Vec<Hit> {
    let seen: HashSet<(usize, Place)> = hits
        .iter()
        .filter_map(|h| h.passage.as_ref().map(|p| (p.letter_index, p.place)))
        .collect();
    let mut strong: Vec<&Hit> = hits
        .iter()
        .filter(|h| h.entity.is_some() && h.score >= entities::SUBSTRING)
        .collect();
    strong.sort_by_key(|h| std::cmp::Reverse(h.score));
    let mut out = Vec::new();
    for (rank, hit) in strong.into_iter().take(3).enumerate() {
        let Some(entity) = hit.entity else {
            continue;
        };
        let mut places: Vec<(Passage, Vec<(usize, usize)>)> = Vec::new();
        for o in source.occurrences(entity).iter() {
            let wanted = o.place != Place::Meta
                && allowed.is_none_or(|a| a.get(o.letter_index()).copied().unwrap_or(false))
                && (!query.notes || matches!(o.place, Place::Footnote { .. }))
                && !seen.contains(&(o.letter_index(), o.place));
            if !wanted {
                continue;
            }
            let chars = o.chars();
            let range = (chars.start, chars.end);
            let key = Passage {
                letter: o.letter,
                place: o.place,
            };
            if let Some((_, ranges)) = places.iter_mut().find(|(k, _)| *k == key) {
                ranges.push(range);
            } else if places.len() < limit {
                places.push((key, vec![range]));
            } else {
                break;
            }
        }
        for (passage, ranges) in places {
            if let Some(snippet) = passages::snippet_at(source, passage, &ranges) {
                let score = entities::FUZZY - 1_000_000 - 1000 * rank as i64;
                out.extend(passage_hit(source, passage, snippet, score));
            }
        }
    }
    out
}

/// Which letters an `in:` filter lets through (none: all).
pub(super) fn allowed_letters(source: &impl Source, filters: &[String]) -> Option<Vec<bool>> {
    if filters.is_empty() {
        return None;
    }
    let filters: Vec<String> = filters.iter().map(|f| key(f)).collect();
    Some(
        (0..source.letter_count())
            .map(|l| {
                let Some(l) = source.letter(l) else {
                    return false;
                };
                let id = key(l.id);
                let sender = l.sender.map(key).unwrap_or_default();
                filters
                    .iter()
                    .any(|f| id.contains(f.as_str()) || sender.contains(f.as_str()))
            })
            .collect(),
    )
}

pub(super) fn entity_hit(
    source: &impl Source,
    id: usize,
    score: i64,
    name: usize,
    allowed: Option<&[bool]>,
) -> Option<Hit> {
    let ok = |l: usize| allowed.is_none_or(|a| a.get(l).copied().unwrap_or(false));
    let e = source.entity_names(id)?;
    let all = source.occurrences(id);
    let occurrences = all.iter().filter(|o| ok(o.letter_index())).count();
    if occurrences == 0 {
        return None;
    }
    let ids = letter_ids(source, &all, ok);
    Some(Hit {
        kind: e.kind.into(),
        label: e.label.clone(),
        aliases: e.aliases.clone(),
        gloss: e.gloss.clone().or_else(|| e.role.clone()),
        score,
        positions: Vec::new(),
        letters: ids,
        occurrences,
        entity: Some(id),
        matched_alias: name.checked_sub(1).and_then(|a| e.aliases.get(a).cloned()),
        passage: None,
    })
}

/// The ids of the letters `occurrences` are in, each once, in letter order, those `ok` lets
/// through. Occurrences come in letter order (the register finds them letter by letter), so
/// the letters are usually read off in one pass; otherwise they are sorted first.
fn letter_ids(
    source: &impl Source,
    occurrences: &[Occurrence],
    ok: impl Fn(usize) -> bool,
) -> Vec<String> {
    let id = |l: usize| source.letter(l).map(|l| l.id.to_string());
    if occurrences.is_sorted_by_key(Occurrence::letter_index) {
        let mut ids = Vec::new();
        let mut last = None;
        for l in occurrences.iter().map(Occurrence::letter_index) {
            if last != Some(l) {
                last = Some(l);
                if ok(l) {
                    ids.extend(id(l));
                }
            }
        }
        return ids;
    }
    let mut letters: Vec<usize> = occurrences.iter().map(|o| o.letter_index()).collect();
    letters.sort_unstable();
    letters.dedup();
    letters
        .into_iter()
        .filter(|&l| ok(l))
        .filter_map(id)
        .collect()
}

pub(super) fn passage_hit(
    source: &impl Source,
    passage: Passage,
    snippet: passages::Snippet,
    score: i64,
) -> Option<Hit> {
    let letter = source.letter(passage.letter_index())?;
    let (section, paragraph) = match passage.place {
        Place::Paragraph { section, paragraph } => (section as usize, paragraph as usize),
        Place::Heading { section } => (section as usize, 0),
        Place::Footnote { number } => (0, number as usize),
        Place::Meta => (0, 0),
    };
    let label = match letter.date {
        Some(d) => format!("{}, {d}", letter.sender_or_unknown()),
        None => letter.sender_or_unknown().to_string(),
    };
    Some(Hit {
        kind: HitKind::Passage,
        label,
        aliases: Vec::new(),
        gloss: None,
        score,
        positions: snippet.positions,
        letters: vec![letter.id.to_string()],
        occurrences: snippet.matches,
        entity: None,
        matched_alias: None,
        passage: Some(PassageHit {
            letter: letter.id.to_string(),
            letter_index: passage.letter_index(),
            place: passage.place,
            section,
            paragraph,
            at: snippet.at,
            snippet: snippet.text,
            matches: snippet.ranges,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;
    use crate::search::{Memory, SearchIndex, tests::letter};

    /// Letters in order or not, repeated, out of range, some filtered out: each letter's id
    /// once, in letter order, as a sort of the letters gives them.
    #[test]
    fn letter_ids_are_each_letter_once_in_order() {
        let letters: Vec<_> = (0..6)
            .map(|i| letter(&format!("l{i}"), "x", "", &["tekst"], &[]))
            .collect();
        let register = Register::build(&letters);
        let index = SearchIndex::new(&letters, &register);
        let source = Memory {
            letters: &letters,
            register: &register,
            index: &index,
        };
        let at = |l: u32| Occurrence::new(l as usize, Place::Meta, 0, 1).unwrap();
        let ok = |l: usize| l != 3;
        for order in [
            vec![0, 0, 1, 3, 3, 4, 5, 5, 9],
            vec![5, 0, 4, 4, 1, 0, 9, 3, 2],
            vec![],
            vec![2],
        ] {
            let occurrences: Vec<Occurrence> = order.iter().map(|&l| at(l)).collect();
            let mut expected: Vec<u32> = order.clone();
            expected.sort_unstable();
            expected.dedup();
            let expected: Vec<String> = expected
                .into_iter()
                .filter(|&l| ok(l as usize) && l < 6)
                .map(|l| format!("l{l}"))
                .collect();
            assert_eq!(letter_ids(&source, &occurrences, ok), expected, "{order:?}");
        }
    }
}
