//! The interface in English and Dutch: every label, message and word of the citation form, one
//! [`Strings`] table per [`Lang`], and how the language is chosen (`--lang`, the config file,
//! then the locale in `LC_ALL`, `LC_MESSAGES` or `LANG`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::{Date, Stance};

mod tables;

pub use tables::{EN, NL};

/// An interface language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Nl,
}

/// A language name that is neither `en` nor `nl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language '{}' (expected en or nl)", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "nl" | "dutch" | "nederlands" => Ok(Lang::Nl),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The language a locale name asks for: `nl`, `nl_NL.UTF-8`, `nl-BE` give Dutch, any other
    /// set locale English; `None` for an empty value.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let locale = locale.trim();
        if locale.is_empty() {
            return None;
        }
        let lower = locale.to_ascii_lowercase();
        Some(
            if lower == "nl"
                || lower.starts_with("nl_")
                || lower.starts_with("nl-")
                || lower.starts_with("nl.")
            {
                Lang::Nl
            } else {
                Lang::En
            },
        )
    }

    /// The language to use: `--lang`, else the config file's, else the first set one of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (read through `env`), else English.
    pub fn choose(
        flag: Option<Lang>,
        config: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or(config)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|var| env(var).as_deref().and_then(Lang::from_locale))
            })
            .unwrap_or_default()
    }

    /// [`Lang::choose`] with the process environment.
    pub fn choose_from_env(flag: Option<Lang>, config: Option<Lang>) -> Lang {
        Lang::choose(flag, config, |var| std::env::var(var).ok())
    }

    /// The interface strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Nl => &NL,
        }
    }

    /// A date written out: `18 September 2024` / `18 september 2024`, `September 2024`, `2024`.
    pub fn date_long(self, date: Date) -> String {
        let months = &self.strings().months;
        let month = date
            .month
            .and_then(|m| months.get(usize::from(m).wrapping_sub(1)));
        match (month, date.day) {
            (Some(m), Some(d)) => format!("{d} {m} {}", date.year),
            (Some(m), None) => format!("{m} {}", date.year),
            _ => date.year.to_string(),
        }
    }

    /// The name of a stance.
    pub fn stance(self, stance: Stance) -> &'static str {
        let s = self.strings();
        match stance {
            Stance::Supports => s.stance_supports,
            Stance::Opposes => s.stance_opposes,
            Stance::Mixed => s.stance_mixed,
            Stance::Neutral => s.stance_neutral,
        }
    }
}

/// Every string the interface shows, in one language. Strings with `{}` take one argument,
/// filled in by [`fill`].
#[derive(Debug)]
pub struct Strings {
    pub months: [&'static str; 12],
    // Citation form.
    pub letter_to: &'static str,
    pub letter: &'static str,
    pub and_others: &'static str,
    pub article: &'static str,
    pub note: &'static str,
    /// The abbreviation before a page number in a citation (`p. 3`).
    pub page: &'static str,
    pub section: &'static str,
    pub undated: &'static str,
    pub unknown_sender: &'static str,
    // Stances.
    pub stance_supports: &'static str,
    pub stance_opposes: &'static str,
    pub stance_mixed: &'static str,
    pub stance_neutral: &'static str,
    // Pane and view titles.
    pub title_letters: &'static str,
    pub title_outline: &'static str,
    pub title_text: &'static str,
    pub title_notes: &'static str,
    pub title_positions: &'static str,
    pub title_timeline: &'static str,
    pub title_cards: &'static str,
    pub title_help: &'static str,
    pub title_warnings: &'static str,
    pub title_search: &'static str,
    pub title_register: &'static str,
    // Column headers.
    pub col_date: &'static str,
    pub col_sender: &'static str,
    pub col_to: &'static str,
    pub col_stance: &'static str,
    pub col_summary: &'static str,
    pub col_terms: &'static str,
    pub col_event: &'static str,
    pub col_mentioned_in: &'static str,
    // Status line messages.
    pub msg_copied_citation: &'static str,
    pub msg_copied_url: &'static str,
    pub msg_opened_url: &'static str,
    pub msg_no_url: &'static str,
    /// `{}`: a note's URL with another scheme (or none), sanitized and shortened.
    pub msg_not_http: &'static str,
    /// `{}`: a note's http(s) URL that is badly formed, sanitized and shortened.
    pub msg_bad_url: &'static str,
    pub msg_pinned: &'static str,
    pub msg_card_deleted: &'static str,
    /// A card change found the card gone (removed by another instance meanwhile).
    pub msg_card_gone: &'static str,
    /// `{}`: why a card change could not be saved.
    pub msg_card_not_saved: &'static str,
    pub msg_stack_empty: &'static str,
    pub msg_label_prompt: &'static str,
    pub msg_stack_prompt: &'static str,
    pub msg_state_not_saved: &'static str,
    pub msg_state_corrupt: &'static str,
    pub msg_config_error: &'static str,
    pub msg_no_state: &'static str,
    /// `{}` of `{}` letters loaded.
    pub msg_loading: &'static str,
    pub msg_nothing_to_quote: &'static str,
    pub msg_select_note: &'static str,
    pub msg_computing: &'static str,
    pub msg_open_failed: &'static str,
    /// `{}×{}` now, `{}×{}` needed.
    pub msg_too_small: &'static str,
    pub outline_opening: &'static str,
    /// `{}`: the section's number.
    pub outline_section: &'static str,
    /// `{}`: the note's number.
    pub note_undefined: &'static str,
    pub hint_cards: &'static str,
    pub hint_views: &'static str,
    pub label_stack: &'static str,
    pub msg_nothing_to_jump: &'static str,
    pub msg_oldest_jump: &'static str,
    pub msg_newest_jump: &'static str,
    pub msg_last_letter: &'static str,
    pub msg_first_letter: &'static str,
    pub msg_last_section: &'static str,
    pub msg_last_paragraph: &'static str,
    /// The search overlay's title.
    pub search_title: &'static str,
    pub search_building: &'static str,
    pub search_searching: &'static str,
    /// `1 result` and `{} results`.
    pub result_one: &'static str,
    pub result_many: &'static str,
    /// A hit in more than three letters: `{} letters`.
    pub letters_many: &'static str,
    /// Where `n`/`N` are in their trail: `{} of {}`.
    pub trail_position: &'static str,
    /// The trail of passages found for a query: `passages for “{}”`.
    pub trail_passages: &'static str,
    /// The warnings overlay's title, with their count.
    pub warnings_title: &'static str,
    /// At the foot of an overlay with more below.
    pub more_below: &'static str,
    /// Before a letter's own reference in a citation: `ref.`, `kenmerk`.
    pub reference_label: &'static str,
    pub msg_first_paragraph: &'static str,
    pub msg_no_markers: &'static str,
    pub msg_note_selected: &'static str,
    pub msg_select_marker: &'static str,
    pub msg_not_loaded: &'static str,
    pub hint_search: &'static str,
    pub hint_register: &'static str,
    pub hint_overlay: &'static str,
    pub hint_letters: &'static str,
    pub hint_outline: &'static str,
    pub hint_reading: &'static str,
    pub hint_footnotes: &'static str,
    pub title_keys: &'static str,
    pub hint_tabs: &'static str,
    pub label_subject: &'static str,
    pub label_reference: &'static str,
    pub group_debate: &'static str,
    pub group_in_cards: &'static str,
    pub group_in_views: &'static str,
    // Help texts of the issue-5 keys.
    pub help_positions: &'static str,
    pub help_timeline: &'static str,
    pub help_pin: &'static str,
    pub help_open_stack: &'static str,
    pub help_copy_citation: &'static str,
    pub help_open_url: &'static str,
    pub help_copy_url: &'static str,
    pub help_sort: &'static str,
    pub help_card_jump: &'static str,
    pub help_card_delete: &'static str,
    pub help_card_label: &'static str,
    pub help_new_stack: &'static str,
    // Timeline.
    pub event_council: &'static str,
    pub event_debate: &'static str,
    pub event_committee_debate: &'static str,
    pub event_short_debate: &'static str,
    pub event_written_consultation: &'static str,
    pub event_round_table: &'static str,
    pub event_vote: &'static str,
    pub event_kamerbrief: &'static str,
    pub event_motion: &'static str,
    pub event_report: &'static str,
    pub event_deadline: &'static str,
    pub event_letter: &'static str,
    // Briefing.
    pub briefing_title: &'static str,
    pub briefing_sources: &'static str,
    // Messages of `brieven cards`: each `{}` is filled in order by [`fill_all`].
    pub cards_pinned: &'static str,
    pub cards_removed: &'static str,
    pub cards_one: &'static str,
    pub cards_many: &'static str,
}

/// A key's help text or group title from the reader's keymap (written in English) in `lang`;
/// the English text itself when there is no translation.
pub fn reader_text(lang: Lang, english: &'static str) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::Nl => tables::READER_NL
            .iter()
            .find(|(en, _)| *en == english)
            .map_or(english, |(_, nl)| nl),
    }
}

/// `template` with its `{}` replaced by `arg`.
pub fn fill(template: &str, arg: &str) -> String {
    template.replacen("{}", arg, 1)
}

/// `template` with each `{}` replaced by the next of `args`, in order.
pub fn fill_all(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut parts = template.split("{}");
    out.push_str(parts.next().unwrap_or(""));
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or("{}"));
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_and_flags_choose_the_language() {
        let env = |lang: &'static str| move |var: &str| (var == "LANG").then(|| lang.to_string());
        assert_eq!(Lang::choose(None, None, env("nl_NL.UTF-8")), Lang::Nl);
        assert_eq!(Lang::choose(None, None, env("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::choose(None, None, env("")), Lang::En);
        assert_eq!(Lang::choose(None, Some(Lang::En), env("nl_BE")), Lang::En);
        assert_eq!(
            Lang::choose(Some(Lang::Nl), Some(Lang::En), env("C")),
            Lang::Nl
        );
        let all = |var: &str| match var {
            "LC_ALL" => Some("nl_NL".to_string()),
            "LANG" => Some("en_US".to_string()),
            _ => None,
        };
        assert_eq!(Lang::choose(None, None, all), Lang::Nl);
        assert_eq!("NL".parse::<Lang>(), Ok(Lang::Nl));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let d = Date::ymd(2024, 9, 18).unwrap();
        assert_eq!(Lang::En.date_long(d), "18 September 2024");
        assert_eq!(Lang::Nl.date_long(d), "18 september 2024");
        assert_eq!(Lang::Nl.date_long(Date::ym(2023, 5).unwrap()), "mei 2023");
        assert_eq!(Lang::En.date_long(Date::y(2023)), "2023");
    }

    #[test]
    fn reader_texts_are_looked_up_by_their_english() {
        assert_eq!(
            reader_text(Lang::Nl, "No warnings."),
            "Geen waarschuwingen."
        );
        assert_eq!(reader_text(Lang::En, "No warnings."), "No warnings.");
        assert_eq!(
            reader_text(Lang::Nl, "not in the table"),
            "not in the table"
        );
        for (en, nl) in tables::READER_NL {
            assert!(!en.is_empty() && !nl.is_empty());
        }
    }

    #[test]
    fn templates_are_filled_in_order() {
        let s = Lang::Nl.strings();
        assert_eq!(
            fill_all(s.cards_pinned, &["002", "¶ 4", "JBZ-raad", "1"]),
            "002 ¶ 4 vastgezet op 'JBZ-raad' als kaart 1"
        );
        assert_eq!(fill_all("{} en {}", &["a"]), "a en {}");
        assert_eq!(
            fill(s.msg_pinned, "debat"),
            "Vastgezet op de stapel 'debat'"
        );
    }
}
