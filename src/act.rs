//! Legislative acts in the library (a regulation, a directive; see `ingest::act` for how their
//! structure is read): how a place in one is cited (`COM(2022) 209, Article 7(1)`, `recital
//! 12`, `Annex I`), rather than by the `¶ n` that letters are cited by.

pub mod definitions;
pub mod links;
pub mod mentions;

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::{DivisionKind, Letter};

/// A provision of an act: an article (with its paragraph and point where the place is one), a
/// recital, an annex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Provision {
    Article {
        number: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        paragraph: Option<u32>,
        /// The point: `a` of `(a)`, `1` of a numbered point.
        #[serde(skip_serializing_if = "Option::is_none")]
        point: Option<String>,
    },
    Recital {
        number: u32,
    },
    Annex {
        number: Option<String>,
    },
}

impl Provision {
    /// `Article 7(1)(a)`, `recital 12`, `Annex I`; in Dutch `artikel 7(1)(a)`, `overweging
    /// 12`, `bijlage I`.
    pub fn render(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Provision::Article {
                number,
                paragraph,
                point,
            } => {
                let mut out = format!("{} {number}", if nl { "artikel" } else { "Article" });
                if let Some(p) = paragraph {
                    out.push_str(&format!("({p})"));
                }
                match point {
                    // A numbered point would read as a paragraph (`Article 4(1)`) or as a
                    // paragraph's point (`Article 4(1)(1)`): `Article 4(1), point (1)`.
                    Some(c) if c.starts_with(|c: char| c.is_ascii_digit()) => {
                        out.push_str(&format!(", {} ({c})", if nl { "punt" } else { "point" }))
                    }
                    Some(c) => out.push_str(&format!("({c})")),
                    None => {}
                }
                out
            }
            Provision::Recital { number } => {
                format!("{} {number}", if nl { "overweging" } else { "recital" })
            }
            Provision::Annex { number } => {
                let word = if nl { "bijlage" } else { "Annex" };
                match number {
                    Some(n) => format!("{word} {n}"),
                    None => word.to_string(),
                }
            }
        }
    }
}

/// The provision section `section` (and paragraph `paragraph` of it, both from 0) is in, for
/// an act; `None` for a letter and for the act's other parts (memorandum, preamble).
pub fn provision(letter: &Letter, section: usize, paragraph: Option<usize>) -> Option<Provision> {
    let division = letter.division(section)?;
    let paragraphs = &letter.sections.get(section)?.paragraphs;
    match division.kind {
        DivisionKind::Article => {
            let number = division.number.clone()?;
            let Some(p) = paragraph else {
                return Some(Provision::Article {
                    number,
                    paragraph: None,
                    point: None,
                });
            };
            // The numbered paragraph (`1. The Coordinating Authority ...`) the place is in.
            let numbered = paragraphs
                .get(..=p.min(paragraphs.len().saturating_sub(1)))?
                .iter()
                .rev()
                .find_map(|para| paragraph_number(&para.text));
            let point = paragraphs
                .get(p)
                .and_then(|para| point_letter(&para.text))
                .filter(|_| numbered.is_some())
                .map(String::from);
            Some(Provision::Article {
                number,
                paragraph: numbered,
                point,
            })
        }
        DivisionKind::Recitals => {
            let text = &paragraphs.get(paragraph?)?.text;
            let inner = text.strip_prefix('(')?.split(')').next()?;
            Some(Provision::Recital {
                number: inner.parse().ok()?,
            })
        }
        DivisionKind::Annex => Some(Provision::Annex {
            number: division.number.clone(),
        }),
        _ => None,
    }
}

/// `1.` opening an article's paragraph.
fn paragraph_number(text: &str) -> Option<u32> {
    let (first, _) = text.split_once(' ')?;
    let digits = first.strip_suffix('.')?;
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())?
}

/// `(a)` opening a point.
fn point_letter(text: &str) -> Option<char> {
    let mut chars = text.strip_prefix('(')?.chars();
    let c = chars.next().filter(char::is_ascii_lowercase)?;
    (chars.next() == Some(')')).then_some(c)
}

/// A paragraph or note of a letter that mentions an article of an act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discussion {
    /// The letter's index in the corpus.
    pub letter: usize,
    pub spot: links::Spot,
    pub mention: mentions::ArticleMention,
}

/// The mentions of the articles of act `act` (its index in `letters`) in each paragraph and
/// note of the letters (see [`links::links`]): what the reader links, and the concordance of
/// an article.
pub fn discussions(letters: &[Letter], act: usize) -> Vec<Discussion> {
    let mut out = Vec::new();
    for (i, letter) in letters.iter().enumerate() {
        out.extend(
            (links::links(letters, letter).into_iter())
                .filter(|l| l.act == act)
                .map(|l| Discussion {
                    letter: i,
                    spot: l.spot,
                    mention: l.mention,
                }),
        );
    }
    out
}

/// The mentions of `act`'s articles in one letter's paragraphs: section, paragraph and mention
/// (only articles the act has; none in an act itself), as if it were the library's only act.
pub fn letter_mentions(
    letter: &Letter,
    act: &Letter,
) -> Vec<(usize, usize, mentions::ArticleMention)> {
    if letter.is_act() || !act.is_act() {
        return Vec::new();
    }
    let about = mentions::is_about_the_act(
        letter
            .subject
            .iter()
            .map(String::as_str)
            .chain(letter.paragraphs().map(|(_, _, p)| p.text.as_str())),
    );
    let mut out = Vec::new();
    for (s, p, para) in letter.paragraphs() {
        for mut m in mentions::article_mentions(&para.text, about) {
            m.articles.retain(|a| act.article(a).is_some());
            if !m.articles.is_empty() {
                out.push((s, p, m));
            }
        }
    }
    out
}

/// The first act of the library: the one the letters discuss, which an article mention that
/// names no act by its number is of.
pub fn first_act(letters: &[Letter]) -> Option<usize> {
    letters.iter().position(Letter::is_act)
}

/// How an act is named in a citation: its document number without `final` (`COM(2022) 209`),
/// else its subject.
pub fn short_name(letter: &Letter) -> Option<String> {
    let reference = letter.reference.as_deref().map(|r| {
        r.trim()
            .strip_suffix("final")
            .map_or(r.trim(), str::trim_end)
            .to_string()
    });
    reference.or_else(|| {
        let subject = letter.subject.as_deref()?;
        Some(act_number(subject).unwrap_or_else(|| subject.to_string()))
    })
}

/// An adopted act's number as its title writes it: `Regulation (EU) 2024/1689`, `Directive
/// (EU) 2018/1972`, `Regulation (EU) No 531/2012`, from `REGULATION (EU) 2024/1689 OF THE
/// EUROPEAN PARLIAMENT ...` too (then in the case citations use).
fn act_number(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let kinds = [
        "regulation",
        "directive",
        "decision",
        "verordening",
        "richtlijn",
    ];
    let at = words.windows(3).position(|w| {
        kinds.contains(&w[0].to_lowercase().as_str())
            && w[1].starts_with('(')
            && w[1].ends_with(')')
            && w[1].len() <= 16
    })?;
    let mut end = at + 2;
    if words.get(end).is_some_and(|w| *w == "No" || *w == "nr.") {
        end += 1;
    }
    let number = words.get(end)?.trim_end_matches([',', ';', '.']);
    let (a, b) = number.split_once('/')?;
    if a.is_empty() || b.is_empty() || !(a.chars().chain(b.chars())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let kind = words[at];
    let kind = if kind.chars().all(|c| !c.is_lowercase()) {
        let lower = kind.to_lowercase();
        let mut chars = lower.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    } else {
        kind.to_string()
    };
    let mut out = vec![kind, words[at + 1].to_string()];
    out.extend(words[at + 2..end].iter().map(|w| w.to_string()));
    out.push(number.to_string());
    Some(out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provisions_render_in_both_languages() {
        let p = Provision::Article {
            number: "7".into(),
            paragraph: Some(1),
            point: Some("a".into()),
        };
        assert_eq!(p.render(Lang::En), "Article 7(1)(a)");
        assert_eq!(p.render(Lang::Nl), "artikel 7(1)(a)");
        let point = |p: &str| Provision::Article {
            number: "2".into(),
            paragraph: None,
            point: Some(p.into()),
        };
        assert_eq!(point("a").render(Lang::En), "Article 2(a)");
        assert_eq!(point("12").render(Lang::En), "Article 2, point (12)");
        assert_eq!(point("12").render(Lang::Nl), "artikel 2, punt (12)");
        let under_paragraph = Provision::Article {
            number: "4".into(),
            paragraph: Some(1),
            point: Some("1".into()),
        };
        assert_eq!(under_paragraph.render(Lang::En), "Article 4(1), point (1)");
        assert_eq!(
            Provision::Recital { number: 12 }.render(Lang::Nl),
            "overweging 12"
        );
        assert_eq!(paragraph_number("12. The EU Centre"), Some(12));
        assert_eq!(paragraph_number("2022. The EU Centre"), None);
        assert_eq!(point_letter("(b) the fact"), Some('b'));
        assert_eq!(point_letter("(iv) the fact"), None);
        assert_eq!(
            act_number("REGULATION (EU) 2024/1689 OF THE EUROPEAN PARLIAMENT").as_deref(),
            Some("Regulation (EU) 2024/1689")
        );
        assert_eq!(
            act_number("Regulation (EU) No 531/2012 on roaming").as_deref(),
            Some("Regulation (EU) No 531/2012")
        );
        assert_eq!(act_number("Regulation on messaging platforms"), None);
    }
}
