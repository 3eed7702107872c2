//! `brieven search "art:7"`: an article of the act in the library (the first act that has it,
//! or the one the query's other words name: `art:3 2031/77`),
//! and the letters that discuss it, each mention in its paragraph or note: the concordance of
//! an article. `brieven show ACT --article 7` prints the article itself (see `show`).

use std::process::ExitCode;

use anyhow::Result;
use brieven::act::links::Spot;
use brieven::act::{self, Discussion};
use brieven::citation::{Anchor, Citation, Location};
use brieven::i18n::Lang;
use brieven::model::Letter;
use brieven::text::sanitize;
use serde::Serialize;

/// The article number an `art:` query asks for (`art:7`, `art:7a`, `artikel:7`, `article:7`).
pub fn article_query(query: &str) -> Option<String> {
    query.split_whitespace().find_map(|word| {
        let (name, value) = word.split_once(':')?;
        let named = ["art", "artikel", "article"].contains(&name.to_lowercase().as_str());
        let value = value.trim().to_lowercase();
        (named
            && !value.is_empty()
            && value.len() <= 6
            && value.starts_with(|c: char| c.is_ascii_digit())
            && value.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(value)
    })
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    query: &'a str,
    article: Option<JsonProvision>,
    discussed_in: Vec<JsonDiscussion>,
}

#[derive(Serialize)]
struct JsonProvision {
    letter: String,
    section: usize,
    number: String,
    title: Option<String>,
    citation: String,
}

#[derive(Serialize)]
struct JsonDiscussion {
    letter: String,
    #[serde(flatten)]
    location: Location,
    /// The mention as written (`artikel 7 lid 1`).
    mention: String,
    articles: Vec<String>,
    snippet: String,
}

/// Answers an `art:` query: exit 1 when no act in the library has the article. The query's
/// other words may name the act (`art:3 2031/77`, `art:7 com(2022) 209`): the first act that has
/// the article and whose id, subject or reference holds them all, else the first that has it.
pub fn run(letters: &[Letter], query: &str, number: &str, json: bool) -> Result<ExitCode> {
    let words: Vec<String> = (query.split_whitespace())
        .filter(|w| article_query(w).is_none())
        .map(str::to_lowercase)
        .collect();
    let named = |l: &Letter| {
        let names = [Some(&l.id), l.subject.as_ref(), l.reference.as_ref()]
            .into_iter()
            .flatten()
            .map(|n| n.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        !words.is_empty() && words.iter().all(|w| names.contains(w.as_str()))
    };
    let having =
        || (letters.iter().enumerate()).filter_map(|(i, l)| l.article(number).map(|s| (i, s, l)));
    let found = (having().find(|(_, _, l)| named(l)))
        .or_else(|| having().next())
        .map(|(i, section, _)| (i, section));
    let Some((act_index, section)) = found else {
        if json {
            super::emit_json(&JsonArticle {
                query,
                article: None,
                discussed_in: Vec::new(),
            })?;
        } else {
            eprintln!("brieven: no act in the library has an article {number}");
        }
        return Ok(ExitCode::from(1));
    };
    let act_letter = &letters[act_index];
    let division = act_letter.division(section);
    let title = division.and_then(|d| d.title.clone());
    let citation = Citation::of(act_letter, Anchor::Section { section })
        .map(|c| c.reference(Lang::En))
        .unwrap_or_default();
    let discussed: Vec<Discussion> = act::discussions(letters, act_index)
        .into_iter()
        .filter(|d| {
            d.mention
                .articles
                .iter()
                .any(|a| a.eq_ignore_ascii_case(number))
        })
        .collect();
    if json {
        let out = JsonArticle {
            query,
            article: Some(JsonProvision {
                letter: act_letter.id.clone(),
                section: section + 1,
                number: number.to_string(),
                title,
                citation,
            }),
            discussed_in: discussed
                .iter()
                .map(|d| {
                    let letter = &letters[d.letter];
                    let (text, location) = spot_text(letter, d.spot);
                    JsonDiscussion {
                        letter: letter.id.clone(),
                        location,
                        mention: text
                            .chars()
                            .skip(d.mention.at)
                            .take(d.mention.len)
                            .collect(),
                        articles: d.mention.articles.clone(),
                        snippet: snippet(text, d.mention.at, d.mention.len, false),
                    }
                })
                .collect(),
        };
        super::emit_json(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::from("ARTICLE\n");
    let heading = title.map_or(citation.clone(), |t| format!("{citation} — {t}"));
    out.push_str(&format!(
        "{}  {}  §{}\n",
        sanitize(&heading),
        sanitize(&act_letter.id),
        section + 1
    ));
    if let Some(first) = act_letter.sections[section].paragraphs.first() {
        out.push_str(&format!(
            "    {}\n",
            sanitize(&snippet(&first.text, 0, 0, false))
        ));
    }
    out.push_str(&format!("\nDISCUSSED IN ({} mentions)\n", discussed.len()));
    for d in &discussed {
        let letter = &letters[d.letter];
        let (text, _) = spot_text(letter, d.spot);
        let date = letter.date.map_or("-".to_string(), |d| d.to_string());
        let place = match d.spot {
            Spot::Paragraph { section, paragraph } => format!(
                "§{} ¶{}",
                section + 1,
                brieven::citation::paragraph_number(letter, section, paragraph)
            ),
            Spot::Note { number } => format!("note {number}"),
        };
        out.push_str(&format!(
            "{}  {place}  {}, {}\n    {}\n",
            sanitize(&letter.id),
            sanitize(letter.sender_or_unknown()),
            date,
            sanitize(&snippet(text, d.mention.at, d.mention.len, true)),
        ));
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The text of a paragraph or note, and its location.
fn spot_text(letter: &Letter, spot: Spot) -> (&str, Location) {
    match spot {
        Spot::Paragraph { section, paragraph } => (
            letter.sections[section].paragraphs[paragraph].text.as_str(),
            Location::paragraph(letter, section, paragraph),
        ),
        Spot::Note { number } => (
            letter.footnote(number).map_or("", |n| n.text.as_str()),
            Location::of_place(letter, brieven::register::Place::Footnote { number }),
        ),
    }
}

/// Up to 60 characters either side of a mention (`len` chars at `at`), the mention in brackets
/// when `mark`.
fn snippet(text: &str, at: usize, len: usize, mark: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = at.saturating_sub(60);
    let to = (at + len + 60).min(chars.len());
    let at = at.min(chars.len());
    let end = (at + len).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from..at]);
    if mark {
        out.push('[');
    }
    out.extend(&chars[at..end]);
    if mark {
        out.push(']');
    }
    out.extend(&chars[end..to]);
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_queries_name_an_article() {
        assert_eq!(article_query("art:7").as_deref(), Some("7"));
        assert_eq!(article_query("Artikel:7a").as_deref(), Some("7a"));
        assert_eq!(article_query("in:003 article:10").as_deref(), Some("10"));
        assert_eq!(article_query("art:"), None);
        assert_eq!(article_query("art:x"), None);
        assert_eq!(article_query("artikel 7"), None);
    }
}
