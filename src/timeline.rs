//! Letters and the dated events they mention on one time axis. Every date
//! [`crate::dates::find_dates`] finds in a paragraph becomes a mention of the event on that day
//! (or month, or year); mentions of the same date are one [`Event`], with each letter and place
//! that mentions it, so the reader can jump to the mention. The words around a date say what
//! kind of event it is (council meeting, debate, motion, report, deadline).

use serde::Serialize;

use crate::dates::find_dates;
use crate::i18n::Lang;
use crate::model::{Date, Letter};
use crate::text::fold_str;

/// What happened on a date, as the words around it say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A meeting of the Council (JBZ-raad), Coreper or the European Council.
    Council,
    /// A debate of another or no stated form.
    Debate,
    /// A commissiedebat: a committee's debate with the minister.
    CommitteeDebate,
    /// A tweeminutendebat: the short plenary debate after a committee's, where motions are
    /// filed.
    ShortDebate,
    /// A schriftelijk overleg: questions and answers in writing.
    WrittenConsultation,
    /// A rondetafelgesprek: a committee's round-table hearing.
    RoundTable,
    Motion,
    /// A vote (stemming) in the Kamer.
    Vote,
    /// A letter to parliament (Kamerbrief).
    Letter,
    Report,
    Deadline,
}

impl EventKind {
    /// Its name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            EventKind::Council => s.event_council,
            EventKind::Debate => s.event_debate,
            EventKind::CommitteeDebate => s.event_committee_debate,
            EventKind::ShortDebate => s.event_short_debate,
            EventKind::WrittenConsultation => s.event_written_consultation,
            EventKind::RoundTable => s.event_round_table,
            EventKind::Vote => s.event_vote,
            EventKind::Letter => s.event_kamerbrief,
            EventKind::Motion => s.event_motion,
            EventKind::Report => s.event_report,
            EventKind::Deadline => s.event_deadline,
        }
    }
}

/// Words (folded, matched at the start of a word) that say what kind of event a date is.
const KIND_WORDS: &[(&str, EventKind)] = &[
    ("jbz-raad", EventKind::Council),
    ("jbz raad", EventKind::Council),
    ("raadsvergadering", EventKind::Council),
    ("raad van ministers", EventKind::Council),
    ("council", EventKind::Council),
    ("coreper", EventKind::Council),
    ("europese raad", EventKind::Council),
    ("commissiedebat", EventKind::CommitteeDebate),
    ("committee debate", EventKind::CommitteeDebate),
    ("tweeminutendebat", EventKind::ShortDebate),
    ("schriftelijk overleg", EventKind::WrittenConsultation),
    ("schriftelijke overleg", EventKind::WrittenConsultation),
    ("written consultation", EventKind::WrittenConsultation),
    ("rondetafelgesprek", EventKind::RoundTable),
    ("round table", EventKind::RoundTable),
    ("round-table", EventKind::RoundTable),
    ("plenair debat", EventKind::Debate),
    ("debat", EventKind::Debate),
    ("debate", EventKind::Debate),
    ("hearing", EventKind::RoundTable),
    ("motie", EventKind::Motion),
    ("motion", EventKind::Motion),
    ("stemming", EventKind::Vote),
    ("vote", EventKind::Vote),
    ("kamerbrief", EventKind::Letter),
    ("geinformeerd", EventKind::Letter),
    ("informeerde", EventKind::Letter),
    ("informed", EventKind::Letter),
    ("brief", EventKind::Letter),
    ("letter", EventKind::Letter),
    ("rapport", EventKind::Report),
    ("report", EventKind::Report),
    ("jaarverslag", EventKind::Report),
    ("publiceerde", EventKind::Report),
    ("published", EventKind::Report),
    ("deadline", EventKind::Deadline),
    ("uiterlijk", EventKind::Deadline),
    ("verloopt", EventKind::Deadline),
    ("expires", EventKind::Deadline),
    ("loopt af", EventKind::Deadline),
];

/// How far (in chars) around a date its context reaches.
const CONTEXT_CHARS: usize = 60;

/// One place a date is mentioned: a paragraph, or the letter's subject (`Rondetafelgesprek
/// ... d.d. 2 oktober 2024`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Index of the letter in the corpus.
    pub letter: usize,
    pub letter_id: String,
    /// Whether the date stands in the letter's subject (then section and paragraph are 0 and
    /// their numbers none).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_subject: bool,
    /// Section and paragraph, from 0.
    #[serde(skip)]
    pub section: usize,
    #[serde(skip)]
    pub paragraph: usize,
    /// The same place as JSON gives it and citations number it: `§ n` and `¶ n` from 1, the
    /// paragraph counted through the letter.
    #[serde(rename = "section", skip_serializing_if = "Option::is_none")]
    pub section_number: Option<usize>,
    #[serde(rename = "paragraph", skip_serializing_if = "Option::is_none")]
    pub paragraph_number: Option<usize>,
    /// Offset and length in `char`s into the paragraph text (or the subject).
    pub at: usize,
    pub len: usize,
    /// The date as written.
    pub surface: String,
    /// The words around it, within its sentence.
    pub context: String,
}

/// A date the letters mention, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Written once, by the entry the event stands at.
    #[serde(skip)]
    pub date: Date,
    pub kind: Option<EventKind>,
    pub mentions: Vec<Mention>,
}

/// What stands at a point of the time axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum TimelineItem {
    /// A letter, on the day it was written.
    Letter {
        letter: usize,
        id: String,
        sender: Option<String>,
        subject: Option<String>,
    },
    Event(Event),
}

/// One point of the time axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    pub date: Date,
    #[serde(flatten)]
    pub item: TimelineItem,
}

/// The letters and events in date order (oldest first), and the letters without a date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub entries: Vec<TimelineEntry>,
    pub undated_letters: Vec<usize>,
}

impl Timeline {
    /// The timeline of `letters`; `with_years` keeps events known only by their year
    /// (`sinds 1995`, `in 2023`), which are mostly background rather than events.
    pub fn build(letters: &[Letter], with_years: bool) -> Timeline {
        let mut timeline = Timeline::default();
        let mut events: Vec<Event> = Vec::new();
        // An act the letters discuss is no part of the debate's time line.
        for (i, letter) in letters.iter().enumerate().filter(|(_, l)| !l.is_act()) {
            match letter.date {
                Some(date) => timeline.entries.push(TimelineEntry {
                    date,
                    item: TimelineItem::Letter {
                        letter: i,
                        id: letter.id.clone(),
                        sender: letter.sender.clone(),
                        subject: letter.subject.clone(),
                    },
                }),
                None => timeline.undated_letters.push(i),
            }
            // The subject's dates (a hearing's `d.d. 2 oktober 2024`), then the paragraphs'.
            let places = (letter.subject.iter().map(|t| (None, t.as_str()))).chain(
                letter
                    .paragraphs()
                    .map(|(s, p, para)| (Some((s, p)), para.text.as_str())),
            );
            for (place, text) in places {
                for m in find_dates(text, letter.date) {
                    if m.date.month.is_none() && !with_years {
                        continue;
                    }
                    let (s, p) = place.unwrap_or((0, 0));
                    let mention = Mention {
                        letter: i,
                        letter_id: letter.id.clone(),
                        in_subject: place.is_none(),
                        section: s,
                        paragraph: p,
                        section_number: place.map(|_| s + 1),
                        paragraph_number: place
                            .map(|_| crate::citation::paragraph_number(letter, s, p)),
                        at: m.at,
                        len: m.len,
                        surface: m.surface,
                        context: context(text, m.at, m.len),
                    };
                    match events.iter_mut().find(|e| e.date == m.date) {
                        Some(event) => event.mentions.push(mention),
                        None => events.push(Event {
                            date: m.date,
                            kind: None,
                            mentions: vec![mention],
                        }),
                    }
                }
            }
        }
        for mut event in events {
            event.kind = event
                .mentions
                .iter()
                .find_map(|m| kind_near(&letters[m.letter], m));
            timeline.entries.push(TimelineEntry {
                date: event.date,
                item: TimelineItem::Event(event),
            });
        }
        timeline.entries.sort_by(|a, b| {
            a.date.cmp(&b.date).then_with(|| {
                let rank = |e: &TimelineEntry| matches!(e.item, TimelineItem::Letter { .. });
                rank(a).cmp(&rank(b))
            })
        });
        timeline
    }

    /// Newest first instead of oldest first.
    pub fn reverse(&mut self) {
        self.entries.reverse();
    }
}

/// The kind of event the date belongs to, within its sentence: where a kind word is what
/// another one is about (`het debat over de JBZ-raad op 11 december`), the head of the phrase,
/// the first kind word before the date with `over`, `van`, `voor`, `about` or `on` between it
/// and the next; else a kind word the date follows within three words (`de Kamerbrief van 28
/// juni over de motie`); else the nearest kind word (`op 28 juni jl. geïnformeerd`).
fn kind_near(letter: &Letter, m: &Mention) -> Option<EventKind> {
    let text = match m.in_subject {
        true => letter.subject.as_deref()?,
        false => {
            &letter
                .sections
                .get(m.section)?
                .paragraphs
                .get(m.paragraph)?
                .text
        }
    };
    let (start, end) = sentence(text, m.at, m.len);
    let chars: Vec<char> = text.chars().collect();
    let before = fold_str(&chars[start..m.at].iter().collect::<String>());
    let after = fold_str(
        &chars[(m.at + m.len).min(end)..end]
            .iter()
            .collect::<String>(),
    );
    // The clause the date stands in: from the last comma or semicolon before it.
    let clause_start = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    // Kind words in the clause before the date, by where they start (a longer word at the same
    // place wins: `tweeminutendebat`, not `debat`).
    let mut found: Vec<(usize, usize, EventKind)> = Vec::new();
    for &(word, kind) in KIND_WORDS {
        for i in word_starts(clause, word) {
            match found.iter_mut().find(|(at, _, _)| *at == i) {
                Some(f) if f.1 < word.len() => *f = (i, word.len(), kind),
                Some(_) => {}
                None => found.push((i, word.len(), kind)),
            }
        }
    }
    found.sort_unstable_by_key(|&(at, len, _)| (at, len));
    let about = |between: &str| {
        [" over ", " van ", " voor ", " about ", " on ", " of the "]
            .iter()
            .any(|w| between.contains(w))
    };
    let mut head: Option<(usize, EventKind)> = None;
    for (k, &(at, len, kind)) in found.iter().enumerate() {
        let chained = found
            .get(k + 1)
            .is_some_and(|&(next, _, _)| about(&clause[at + len..next]));
        if chained {
            head = Some((at, kind));
            break;
        }
    }
    if let Some((_, kind)) = head {
        return Some(kind);
    }
    // A kind word the date follows closely (`de Kamerbrief van 28 juni`, `de JBZ-raad op 8
    // december`) is the date's, whatever follows it.
    if let Some(&(at, len, kind)) = found.last()
        && clause[at + len..].split_whitespace().count() <= 3
    {
        return Some(kind);
    }
    let mut best: Option<(usize, EventKind)> = None;
    for &(word, kind) in KIND_WORDS {
        let found_before = word_starts(&before, word)
            .last()
            .map(|&i| before[i..].chars().count());
        let found_after = word_starts(&after, word)
            .first()
            .map(|&i| after[..i].chars().count());
        for distance in [found_before, found_after].into_iter().flatten() {
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, kind));
            }
        }
    }
    best.map(|(_, kind)| kind)
}

/// Byte offsets in `haystack` where `word` starts a word.
fn word_starts(haystack: &str, word: &str) -> Vec<usize> {
    haystack
        .match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            haystack[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .collect()
}

/// The char range of the sentence around `at..at + len`: from after the previous `. ` (or
/// `? `, `! `) to the next one.
fn sentence(text: &str, at: usize, len: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let ends_sentence = |i: usize| {
        matches!(chars.get(i), Some('.' | '?' | '!'))
            && chars.get(i + 1).is_some_and(|c| c.is_whitespace())
            && chars.get(i + 2).is_some_and(|c| c.is_uppercase())
    };
    let start = (0..at.min(chars.len()))
        .rev()
        .find(|&i| ends_sentence(i))
        .map_or(0, |i| i + 2);
    let end = (at + len..chars.len())
        .find(|&i| ends_sentence(i))
        .map_or(chars.len(), |i| i + 1);
    (start.min(at), end.max((at + len).min(chars.len())))
}

/// The words around a mention, within its sentence, at most [`CONTEXT_CHARS`] each side,
/// with `…` where cut.
fn context(text: &str, at: usize, len: usize) -> String {
    let (start, end) = sentence(text, at, len);
    let chars: Vec<char> = text.chars().collect();
    let mut from = start.max(at.saturating_sub(CONTEXT_CHARS));
    while from > start && !chars[from - 1].is_whitespace() {
        from += 1;
        if from >= at {
            break;
        }
    }
    let mut to = end.min(at + len + CONTEXT_CHARS);
    while to < end && to > at + len && !chars[to].is_whitespace() {
        to -= 1;
    }
    let mut out = String::new();
    if from > start {
        out.push('…');
    }
    out.extend(chars[from..to].iter());
    let out = out.trim().to_string();
    if to < end { format!("{out}…") } else { out }
}

#[cfg(test)]
mod tests;
