//! Mentions of an act's articles in a letter's text: `artikel 7`, `art. 7 lid 1`, `Article
//! 7(4)`, `Articles 7 and 10`, `artikelen 7 tot en met 11`. Whether a mention is of the act
//! the letters discuss or of another instrument is decided by the instrument named next to the
//! number (`artikel 16 van het VN-Kinderrechtenverdrag`, `art. 8 EVRM`, `Article 6(1)(c)
//! GDPR`), else by the instrument the sentence names last before it (`Het Kinderrechtenverdrag
//! noemt in artikel 19 ...`), else by the letter: a letter about the regulation means its
//! articles.

use serde::Serialize;

/// One mention: where it stands (in `char`s into the text) and the articles it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleMention {
    pub at: usize,
    pub len: usize,
    /// The article numbers, in the order named (a range spelt out).
    pub articles: Vec<String>,
    /// The paragraph of the first article, where the mention gives one (`lid 1`, `7(1)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
}

/// What the words next to a mention say it is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Of {
    TheAct,
    Other,
}

/// The mentions in `text` of the articles of the act the letters discuss. `about_the_act`
/// says whether the letter is about it (see [`is_about_the_act`]): then a mention that nothing
/// near it assigns is the act's.
pub fn article_mentions(text: &str, about_the_act: bool) -> Vec<ArticleMention> {
    article_mentions_named(text, about_the_act, &|_| None)
        .into_iter()
        .map(|(m, _)| m)
        .collect()
}

/// The mentions in `text` of the articles of the acts of a library, each with the act the
/// words next to it name by number (`named` reads a stretch of lower-case text and gives an
/// act's index in the library): the words after the mention up to the next mention or the
/// sentence's end, unless they name another instrument or the act the letters discuss in
/// words; else the sentence before it. A mention no act is named for is one of the act the
/// letters discuss (`None`) when [`article_mentions`] would give it, else left out.
pub fn article_mentions_named(
    text: &str,
    about_the_act: bool,
    named: &dyn Fn(&str) -> Option<usize>,
) -> Vec<(ArticleMention, Option<usize>)> {
    // Cheap first: most paragraphs name no article.
    let lower = text.to_lowercase();
    if !lower.contains("art") {
        return Vec::new();
    }
    let chars: Vec<char> = text
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(after) = keyword_at(&chars, i) else {
            i += 1;
            continue;
        };
        let Some((articles, paragraph, end)) = numbers(&chars, after) else {
            i = after;
            continue;
        };
        let mention = ArticleMention {
            at: i,
            len: end - i,
            articles,
            paragraph,
        };
        // The words after it first (an act by its number, else what they name), then the
        // sentence before it (the same).
        let sentence = || -> String { chars[sentence_start(&chars, i)..i].iter().collect() };
        let decided = match named(&words_after(&chars, end)) {
            Some(k) => Some(Some(k)),
            None => match named_after(&chars, end) {
                Some(of) => (of == Of::TheAct).then_some(None),
                None => match named(&sentence()) {
                    Some(k) => Some(Some(k)),
                    None => {
                        let of = named_before(&chars, i).unwrap_or(if about_the_act {
                            Of::TheAct
                        } else {
                            Of::Other
                        });
                        (of == Of::TheAct).then_some(None)
                    }
                },
            },
        };
        if let Some(act) = decided {
            out.push((mention, act));
        }
        i = end;
    }
    out
}

/// The words after a mention that may name its act: up to 80 characters, the sentence's end
/// or the next mention's keyword.
fn words_after(chars: &[char], end: usize) -> String {
    let window = &chars[end..chars.len().min(end + 80)];
    let stop = (0..window.len())
        .find(|&k| {
            let here = end + k;
            ends_sentence(chars, here) || (k > 0 && keyword_at(chars, here).is_some())
        })
        .unwrap_or(window.len());
    window[..stop].iter().collect()
}

/// Where the sentence holding `at` starts.
fn sentence_start(chars: &[char], at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&k| ends_sentence(chars, k))
        .map_or(0, |k| k + 1)
}

/// Whether the character at `k` ends a sentence (or a clause, `;`): a stop before a space or
/// the text's end, but not an abbreviation's full stop before a number or a word in lower case
/// (`nr. 575/2013`, `o.a. de`).
fn ends_sentence(chars: &[char], k: usize) -> bool {
    let next = chars[k + 1..].iter().find(|c| !c.is_whitespace());
    matches!(chars[k], '.' | ';' | '!' | '?')
        && chars.get(k + 1).is_none_or(|c| c.is_whitespace())
        && !(chars[k] == '.' && next.is_some_and(|c| c.is_ascii_digit() || c.is_lowercase()))
}

/// Whether a letter's text is about the regulation (names a regulation, the proposal, the
/// CSAM or CSA regulation): its unassigned article mentions are the act's.
pub fn is_about_the_act(texts: impl IntoIterator<Item = impl AsRef<str>>) -> bool {
    texts.into_iter().any(|t| {
        let t = t.as_ref().to_lowercase();
        [
            "verordening",
            "regulation",
            "voorstel",
            "proposal",
            "csam",
            "csar",
            "chat control",
        ]
        .iter()
        .any(|w| t.contains(w))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(k, w)| chars.get(k) == Some(&w))
}

/// `artikel`, `artikelen`, `art.`, `article`, `articles` at `i` (a word start): where the
/// number should start.
fn keyword_at(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && is_word_char(chars[i - 1]) {
        return None;
    }
    for word in [
        "artikelen",
        "artikel",
        "articles",
        "article",
        "arts.",
        "art.",
    ] {
        if starts_with(chars, i, word) {
            let end = i + word.chars().count();
            if !word.ends_with('.') && chars.get(end).is_some_and(|&c| is_word_char(c)) {
                continue;
            }
            let mut k = end;
            while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                k += 1;
            }
            return (k > end || word.ends_with('.')).then_some(k);
        }
    }
    None
}

/// One article number at `k`: 1–3 digits and a letter (`7a`); its end.
fn number_at(chars: &[char], k: usize) -> Option<(String, usize)> {
    let mut e = k;
    while e < chars.len() && chars[e].is_ascii_digit() && e - k < 4 {
        e += 1;
    }
    if e == k || e - k > 3 || chars.get(e).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if chars.get(e).is_some_and(|c| c.is_ascii_lowercase())
        && !chars.get(e + 1).is_some_and(|&c| is_word_char(c))
    {
        e += 1;
    }
    if chars.get(e).is_some_and(|&c| is_word_char(c)) {
        return None;
    }
    Some((chars[k..e].iter().collect(), e))
}

/// The numbers after a keyword: `7`, `7(4)`, `7 lid 1`, `7, lid 1`, `7 and 10`, `7 tot en met
/// 11`, `7-11`; the articles, the first one's paragraph, and the end.
fn numbers(chars: &[char], at: usize) -> Option<(Vec<String>, Option<u32>, usize)> {
    let (first, mut end) = number_at(chars, at)?;
    let mut articles = vec![first];
    let mut paragraph = None;
    let (p, e) = paragraph_at(chars, end);
    if p.is_some() {
        paragraph = p;
        end = e;
    }
    loop {
        let mut matched = None;
        for (sep, range) in [
            (" tot en met ", true),
            (" t/m ", true),
            (" tot ", true),
            (" to ", true),
            ("–", true),
            ("-", true),
            (" – ", true),
            (", ", false),
            (" en ", false),
            (" and ", false),
            (" of ", false),
            (" or ", false),
        ] {
            if starts_with(chars, end, sep) {
                let k = end + sep.chars().count();
                if let Some((n, e)) = number_at(chars, k) {
                    matched = Some((n, e, range));
                    break;
                }
            }
        }
        let Some((n, e, range)) = matched else { break };
        let (_, e) = paragraph_at(chars, e);
        if range {
            let from: u32 = articles.last().and_then(|a| a.parse().ok()).unwrap_or(0);
            let to: u32 = n.parse().unwrap_or(0);
            if to > from && to - from <= 40 {
                articles.extend((from + 1..=to).map(|x| x.to_string()));
            } else {
                articles.push(n);
            }
        } else {
            articles.push(n);
        }
        end = e;
    }
    Some((articles, paragraph, end))
}

/// A paragraph after an article's number: `(4)`, `(4)(a)`, ` lid 1`, `, lid 1`, `,
/// paragraph 1`; the paragraph and the end (`end` unchanged when there is none).
fn paragraph_at(chars: &[char], end: usize) -> (Option<u32>, usize) {
    let digits = |k: usize| {
        let mut e = k;
        while chars.get(e).is_some_and(char::is_ascii_digit) {
            e += 1;
        }
        (e > k && e - k <= 3).then(|| {
            let n: String = chars[k..e].iter().collect();
            (n.parse::<u32>().ok(), e)
        })
    };
    if chars.get(end) == Some(&'(')
        && let Some((n, e)) = digits(end + 1)
        && chars.get(e) == Some(&')')
    {
        let mut e = e + 1;
        // Points and subparagraphs after it: `(a)`, `(c)`, `(ii)`.
        while chars.get(e) == Some(&'(') {
            let close = (e + 1..chars.len().min(e + 6)).find(|&k| chars[k] == ')');
            match close {
                Some(c) if chars[e + 1..c].iter().all(|c| c.is_alphanumeric()) => e = c + 1,
                _ => break,
            }
        }
        return (n, e);
    }
    for lead in [
        " lid ",
        ", lid ",
        " paragraph ",
        ", paragraph ",
        ", eerste lid",
        " eerste lid",
    ] {
        if starts_with(chars, end, lead) {
            let k = end + lead.chars().count();
            if lead.ends_with("eerste lid") {
                return (Some(1), k);
            }
            if let Some((n, e)) = digits(k) {
                return (n, e);
            }
        }
    }
    (None, end)
}

/// Words that name an instrument other than the act (lower case, matched as a word's start or
/// inside a compound: `VN-Kinderrechtenverdrag`).
const OTHER: &[&str] = &[
    "verdrag",
    "convention",
    "treaty",
    "handvest",
    "charter",
    "evrm",
    "echr",
    "ivrk",
    "uncrc",
    "avg",
    "gdpr",
    "grondwet",
    "wetboek",
    "sv",
    "sr",
    "awb",
    "richtlijn",
    "directive",
    "dsa",
    "digital services act",
    "eprivacy",
    "e-privacy",
    "tfeu",
    "vweu",
    "teu",
    "veu",
    "interim",
    "tijdelijke",
    "wet",
];

/// Words that name the act the letters discuss.
const THE_ACT: &[&str] = &[
    "verordening",
    "regulation",
    "voorstel",
    "proposal",
    "csam",
    "csar",
    "csa-",
    "com(2022)",
    "commissievoorstel",
];

/// What the words right after a mention name: `van het VN-Kinderrechtenverdrag`, `of the
/// proposal`, `EVRM`, `GDPR`, `van de CSAM-verordening`.
fn named_after(chars: &[char], end: usize) -> Option<Of> {
    let rest: String = chars[end..chars.len().min(end + 80)].iter().collect();
    let rest = rest.trim_start_matches([',', ' ', '\u{a0}']);
    let mut words = rest.split_whitespace();
    let first = words.next()?;
    let linked = ["van", "of", "uit", "der", "des", "in"].contains(&first);
    let name: Vec<&str> = if linked {
        let mut w: Vec<&str> = words.take(4).collect();
        if w.first()
            .is_some_and(|a| ["het", "de", "the", "dit", "deze", "this"].contains(a))
        {
            w.remove(0);
        }
        w
    } else {
        vec![first]
    };
    let name = name.join(" ");
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    classify(name, linked)
}

/// Whether a name is the act's or another instrument's. A regulation named with its own
/// number (`Verordening (EU) 2016/679`) is another one.
fn classify(name: &str, linked: bool) -> Option<Of> {
    let first = name.split_whitespace().next().unwrap_or("");
    let numbered = name
        .split_whitespace()
        .skip(1)
        .take(2)
        .any(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()));
    let word_of = |list: &[&str], w: &str| {
        list.iter().any(|o| {
            let o_is_word = o.len() <= 4;
            if o_is_word {
                w.trim_matches(|c: char| !c.is_alphanumeric()) == *o
            } else {
                w.contains(o)
            }
        })
    };
    if word_of(OTHER, first) || (word_of(THE_ACT, first) && numbered) {
        return Some(Of::Other);
    }
    if word_of(THE_ACT, first) {
        return Some(Of::TheAct);
    }
    // `van het VN-Kinderrechtenverdrag`: the instrument's word may come after a qualifier.
    if linked {
        let words: Vec<&str> = name.split_whitespace().collect();
        for w in words.iter().take(3) {
            if word_of(OTHER, w) {
                return Some(Of::Other);
            }
            if word_of(THE_ACT, w) {
                return Some(if numbered { Of::Other } else { Of::TheAct });
            }
        }
    }
    None
}

/// What the sentence names last before a mention.
fn named_before(chars: &[char], at: usize) -> Option<Of> {
    let start = sentence_start(chars, at);
    let sentence: String = chars[start..at].iter().collect();
    sentence
        .split_whitespace()
        .rev()
        .find_map(|w| classify(w, false).filter(|_| !w.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<(String, Vec<String>, Option<u32>)> {
        article_mentions(text, true)
            .into_iter()
            .map(|m| {
                (
                    text.chars().skip(m.at).take(m.len).collect(),
                    m.articles,
                    m.paragraph,
                )
            })
            .collect()
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn mentions_in_dutch_and_english_with_paragraphs_and_ranges() {
        assert_eq!(
            named("Het detectiebevel van artikel 7 gaat te ver."),
            [("artikel 7".into(), strings(&["7"]), None)]
        );
        assert_eq!(
            named("Zie art. 7 lid 1 en artikel 10, lid 3."),
            [
                ("art. 7 lid 1".into(), strings(&["7"]), Some(1)),
                ("artikel 10, lid 3".into(), strings(&["10"]), Some(3)),
            ]
        );
        assert_eq!(
            named("Under Article 7(4) the authority may act."),
            [("Article 7(4)".into(), strings(&["7"]), Some(4))]
        );
        assert_eq!(
            named("Articles 7 and 10 are the core."),
            [("Articles 7 and 10".into(), strings(&["7", "10"]), None)]
        );
        assert_eq!(
            named("De artikelen 7 tot en met 11 regelen de detectie."),
            [(
                "artikelen 7 tot en met 11".into(),
                strings(&["7", "8", "9", "10", "11"]),
                None
            )]
        );
        assert_eq!(
            named("Article 7 and Article 10 of the proposal."),
            [
                ("Article 7".into(), strings(&["7"]), None),
                ("Article 10".into(), strings(&["10"]), None),
            ]
        );
    }

    #[test]
    fn other_instruments_articles_are_not_the_acts() {
        for text in [
            "Dit is in lijn met artikel 19 van het VN-Kinderrechtenverdrag, waarin staat dat.",
            "Het VN Kinderrechtenverdrag benadrukt ook expliciet in artikel 16 dat de privacy telt.",
            "Recht op privacy - Artikel 16 Kinderrechtenverdrag",
            "Zie art. 8 EVRM en artikel 125p Sv.",
            "the ground referred to in Article 6(1)(c) GDPR, which provides",
            "Article 8 of the European Convention on Human Rights applies.",
            "artikel 5 van de Verordening (EU) 2016/679 blijft gelden.",
            "De interim-verordening regelt in artikel 3 de vrijwillige detectie.",
        ] {
            assert_eq!(named(text), [], "{text}");
        }
    }

    #[test]
    fn the_letters_subject_decides_what_nothing_else_does() {
        assert_eq!(article_mentions("Artikel 7 is onaanvaardbaar.", false), []);
        assert_eq!(
            article_mentions("Artikel 7 is onaanvaardbaar.", true).len(),
            1
        );
        assert_eq!(
            article_mentions(
                "Artikel 7 van de CSAM-verordening is onaanvaardbaar.",
                false
            )
            .len(),
            1
        );
        assert!(is_about_the_act(["Over de CSAM-verordening."]));
        assert!(!is_about_the_act(["Over het weer."]));
        // No article without a keyword, nor a number that is a year or an amount.
        assert_eq!(named("In 2022 stelde de Commissie 7 artikelen voor."), []);
        assert_eq!(named("artikel 2023/1234"), []);
    }
}
