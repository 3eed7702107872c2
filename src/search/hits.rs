//! Turning scored entities and passages into [`Hit`]s: what the letters and the register
//! say about each, and the passages where the best entities occur under any of their names.

use std::cell::OnceCell;
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
    let (occurrences, letter_count, first_letters) =
        count_letters(&source.occurrences(id), ok, source.letter_count());
    if occurrences == 0 {
        return None;
    }
    Some(Hit {
        kind: e.kind.into(),
        label: e.label.clone(),
        aliases: e.aliases.clone(),
        gloss: e.gloss.clone().or_else(|| e.role.clone()),
        score,
        positions: Vec::new(),
        letter_count,
        first_letters,
        occurrences,
        entity: Some(id),
        matched_alias: name.checked_sub(1).and_then(|a| e.aliases.get(a).cloned()),
        passage: None,
    })
}

/// How many of its letters a hit names ([`Hit::first_letters`]).
pub const FIRST_LETTERS: usize = 10;

/// Every letter hits occur in, read from the register when asked: a [`Hit`] carries only how
/// many and the first few ([`Hit::letter_count`], [`Hit::first_letters`]), as a screen shows
/// them. A frequent entity of a large archive occurs in most of its letters (`e` at 100,000
/// letters: 881,081 letters over the best 200 entities), and the reader's search named every
/// one of them on every key.
pub struct HitLetters<'a, S> {
    source: &'a S,
    /// The `in:` filters of the query.
    filters: Vec<String>,
    /// The letters they let through (none: every letter), worked out when first asked.
    allowed: OnceCell<Option<Vec<bool>>>,
}

impl<'a, S: Source> HitLetters<'a, S> {
    /// For the hits of `query` in `source`: its `in:` filter applies, as it did to the hits.
    pub fn new(source: &'a S, query: &str) -> HitLetters<'a, S> {
        HitLetters {
            source,
            filters: Query::parse(query).letters,
            allowed: OnceCell::new(),
        }
    }

    /// The letters `hit` occurs in by number, each once, in letter order: [`Hit::first_letters`]
    /// and the rest, [`Hit::letter_count`] in all.
    pub fn of(&self, hit: &Hit) -> Vec<usize> {
        let (Some(id), None) = (hit.entity, &hit.passage) else {
            return hit.first_letters.clone();
        };
        let allowed = (self.allowed)
            .get_or_init(|| allowed_letters(self.source, &self.filters))
            .as_deref();
        let ok = |l: usize| allowed.is_none_or(|a| a.get(l).copied().unwrap_or(false));
        let letters = self.source.letter_count();
        let mut all = Vec::with_capacity(hit.letter_count);
        let occurrences = self.source.occurrences(id);
        each_letter(&occurrences, |l| l < letters && ok(l), |l| all.push(l));
        all
    }
}

/// What `occurrences` come to within `ok`: how many, how many letters (below `letters`) they
/// are in, and the first [`FIRST_LETTERS`] of those letters in order. Occurrences usually come
/// in letter order (the register finds them letter by letter) and are then gone over once (a
/// frequent entity of a large archive has hundreds of thousands); otherwise they are counted
/// and their letters sorted apart.
fn count_letters(
    occurrences: &[Occurrence],
    ok: impl Fn(usize) -> bool,
    letters: usize,
) -> (usize, usize, Vec<usize>) {
    let (mut within, mut count, mut first) = (0, 0, Vec::new());
    let mut last: Option<(usize, bool)> = None;
    for o in occurrences {
        let l = o.letter_index();
        let wanted = match last {
            Some((last, wanted)) if last == l => wanted,
            Some((last, _)) if l < last => {
                return count_letters_unordered(occurrences, ok, letters);
            }
            _ => {
                let wanted = ok(l);
                if wanted && l < letters {
                    count += 1;
                    if first.len() < FIRST_LETTERS {
                        first.push(l);
                    }
                }
                last = Some((l, wanted));
                wanted
            }
        };
        within += usize::from(wanted);
    }
    (within, count, first)
}

/// [`count_letters`] for occurrences not in letter order.
fn count_letters_unordered(
    occurrences: &[Occurrence],
    ok: impl Fn(usize) -> bool,
    letters: usize,
) -> (usize, usize, Vec<usize>) {
    let within = occurrences.iter().filter(|o| ok(o.letter_index())).count();
    let (mut count, mut first) = (0, Vec::new());
    each_letter(
        occurrences,
        |l| l < letters && ok(l),
        |l| {
            count += 1;
            if first.len() < FIRST_LETTERS {
                first.push(l);
            }
        },
    );
    (within, count, first)
}

/// `f` for each letter `occurrences` are in that `ok` lets through, once, in letter order.
/// Occurrences come in letter order (the register finds them letter by letter), so the
/// letters are usually read off in one pass; otherwise they are sorted first.
fn each_letter(occurrences: &[Occurrence], ok: impl Fn(usize) -> bool, mut f: impl FnMut(usize)) {
    if occurrences.is_sorted_by_key(Occurrence::letter_index) {
        let mut last = None;
        for l in occurrences.iter().map(Occurrence::letter_index) {
            if last != Some(l) {
                last = Some(l);
                if ok(l) {
                    f(l);
                }
            }
        }
        return;
    }
    let mut letters: Vec<usize> = occurrences.iter().map(|o| o.letter_index()).collect();
    letters.sort_unstable();
    letters.dedup();
    letters.into_iter().filter(|&l| ok(l)).for_each(f);
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
        letter_count: 1,
        first_letters: vec![passage.letter_index()],
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

    /// Letters in order or not, repeated, some filtered out: each letter once, in letter
    /// order, as a sort of the letters gives them.
    #[test]
    fn each_letter_is_given_once_in_order() {
        let at = |l: u32| Occurrence::new(l as usize, Place::Meta, 0, 1).unwrap();
        let ok = |l: usize| l != 3 && l < 6;
        for order in [
            vec![0, 0, 1, 3, 3, 4, 5, 5, 9],
            vec![5, 0, 4, 4, 1, 0, 9, 3, 2],
            vec![],
            vec![2],
        ] {
            let occurrences: Vec<Occurrence> = order.iter().map(|&l| at(l)).collect();
            let mut expected: Vec<usize> = order.iter().map(|&l| l as usize).collect();
            expected.sort_unstable();
            expected.dedup();
            expected.retain(|&l| ok(l));
            let mut given = Vec::new();
            each_letter(&occurrences, ok, |l| given.push(l));
            assert_eq!(given, expected, "{order:?}");
        }
    }

    /// The count, letters and first letters of one pass are those of a count and
    /// [`each_letter`] apart (as `entity_hit` had them), with occurrences in letter order or
    /// not, letters past the end, and a filter or none.
    #[test]
    fn one_pass_counts_as_two() {
        use proptest::prelude::*;
        let at = |l: u32| Occurrence::new(l as usize, Place::Meta, 0, 1).unwrap();
        let occurrences = prop::collection::vec(0u32..40, 0..120);
        let cases = (occurrences, any::<bool>(), 1usize..60, 0usize..5);
        proptest!(|((mut order, sorted, letters, every) in cases)| {
            if sorted {
                order.sort_unstable();
            }
            let occurrences: Vec<Occurrence> = order.iter().map(|&l| at(l)).collect();
            let ok = |l: usize| every == 0 || l % every != 1;
            let within = occurrences.iter().filter(|o| ok(o.letter_index())).count();
            let mut all = Vec::new();
            each_letter(&occurrences, |l| l < letters && ok(l), |l| all.push(l));
            let first = all[..all.len().min(FIRST_LETTERS)].to_vec();
            let counted = count_letters(&occurrences, ok, letters);
            prop_assert_eq!(counted, (within, all.len(), first));
        });
    }
}
