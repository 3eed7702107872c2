//! People named after a title: `Minister van Justitie en Veiligheid Van Weel`, `het lid Van
//! Ginneken c.s.`, `motie Van Weerdenburg c.s.`, `de Leden Dassen en Van der Lee`,
//! `Staatssecretaris Rechtsbescherming Struycken`, with the role the title gives.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::detect::{ORG_WORDS, PARTICLES, is_capitalised, is_initials};
use super::key;

/// A person named after a title.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TitledPerson {
    /// The name as it is best shown (`Van Weel`, `Yesilgöz-Zegerius`).
    pub name: String,
    /// Other forms seen (`D. Yesilgöz-Zegerius`).
    pub aliases: Vec<String>,
    pub role: String,
}

/// Capitalised words that are no part of a name.
const NOT_NAMES: &[&str] = &["tweede", "eerste", "de", "het", "een", "europese", "eu"];

/// Words that name a government portfolio (`Justitie en Veiligheid`).
const PORTFOLIO: &[&str] = &[
    "justitie",
    "veiligheid",
    "binnenlandse",
    "zaken",
    "koninkrijksrelaties",
    "economische",
    "buitenlandse",
    "digitalisering",
    "rechtsbescherming",
    "klimaat",
    "onderwijs",
    "cultuur",
    "wetenschap",
    "volksgezondheid",
    "welzijn",
    "sport",
    "sociale",
    "werkgelegenheid",
    "financien",
    "defensie",
    "infrastructuur",
    "waterstaat",
    "landbouw",
    "natuur",
    "voedselkwaliteit",
    "visserij",
    "asiel",
    "migratie",
    "groene",
    "groei",
    "jeugd",
    "preventie",
    "volkshuisvesting",
    "ruimtelijke",
    "ordening",
    "toeslagen",
    "douane",
    "fiscaliteit",
    "handel",
    "ontwikkelingshulp",
    "herstel",
    "groningen",
    "participatie",
    "integratie",
    "media",
    "medische",
    "zorg",
    "langdurige",
    "primair",
    "voortgezet",
];

/// Title words (folded) and the role they give.
fn title_role(word: &str) -> Option<&'static str> {
    Some(match word {
        "minister" => "Minister",
        "staatssecretaris" => "Staatssecretaris",
        "minister president" | "premier" => "Minister-president",
        "eurocommissaris" => "Eurocommissaris",
        "kamerlid" | "kamerleden" | "lid" | "leden" | "motie" | "tweede kamerlid" => "Kamerlid",
        _ => return None,
    })
}

/// Whether a word (leading non-letters trimmed) may be a title, without folding it: titles
/// start with one of these letters, and their first two letters (when ASCII) are one of
/// these pairs. Most words are rejected here.
fn could_be_title(first: &str) -> bool {
    const PAIRS: &[&[u8; 2]] = &[
        b"mi", b"st", b"pr", b"eu", b"ka", b"li", b"le", b"mo", b"tw",
    ];
    let initial = first.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(
        initial,
        Some(b'm' | b's' | b'p' | b'e' | b'k' | b'l' | b't')
    ) || first.len() > 24
    {
        return false;
    }
    match first.as_bytes() {
        [a, b, ..] if b.is_ascii() => {
            PAIRS.contains(&&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        _ => true,
    }
}

/// Whether `text` may hold a title at all. A title word folds to one of [`title_role`]'s, so
/// a text of ASCII only (where folding is lower-casing) holds one only if it holds one of
/// these in some case; most texts are told apart here, without splitting them into words.
fn may_hold_title(text: &str) -> bool {
    static TITLES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "minister",
                "staatssecretaris",
                "premier",
                "eurocommissaris",
                "lid",
                "leden",
                "motie",
            ])
            .ok()
    });
    !text.is_ascii() || TITLES.as_ref().is_none_or(|titles| titles.is_match(text))
}

/// The people named after a title in `text`.
pub(crate) fn titled_people(text: &str) -> Vec<TitledPerson> {
    if !may_hold_title(text) {
        return Vec::new();
    }
    let raw: Vec<&str> = crate::dates::split_words(text)
        .map(|(start, end, _)| &text[start..end])
        .collect();
    let core = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphabetic() && c != '.' && c != '\'')
            .trim_end_matches(|c: char| !c.is_alphabetic())
            .to_string()
    };
    let ends_clause = |w: &str| {
        let t = w.trim_end_matches(|c: char| c.is_numeric() || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c));
        t.ends_with([',', '.', ';', ':', ')', '?', '!']) && !is_initials(t)
    };
    let folded = |w: &str| key(&core(w));
    let mut people = Vec::new();
    for i in 0..raw.len() {
        // Titles start with one of these letters: skip other words without folding them.
        let first = match raw[i].as_bytes()[0] {
            b if b.is_ascii_alphabetic() => raw[i],
            _ => raw[i].trim_start_matches(|c: char| !c.is_alphabetic()),
        };
        if !could_be_title(first) {
            continue;
        }
        let title = folded(raw[i]);
        let Some(role) = title_role(&title) else {
            continue;
        };
        if ends_clause(raw[i])
            || (title == "lid" && (i == 0 || folded(raw[i - 1]) != "het"))
            || (title == "minister" && raw[i].contains('-'))
        {
            continue;
        }
        let mut j = i + 1;
        let mut role = role.to_string();
        if matches!(title.as_str(), "minister" | "staatssecretaris") {
            let portfolio_at = |k: usize| {
                raw.get(k)
                    .is_some_and(|w| PORTFOLIO.contains(&folded(w).as_str()))
            };
            let mut words = Vec::new();
            if raw
                .get(j)
                .is_some_and(|w| matches!(folded(w).as_str(), "van" | "voor"))
                && portfolio_at(j + 1)
            {
                words.push(core(raw[j]));
                j += 1;
            }
            let mut stop = false;
            while words.len() < 8
                && (portfolio_at(j)
                    || (raw.get(j).is_some_and(|w| folded(w) == "en") && portfolio_at(j + 1)))
            {
                words.push(core(raw[j]));
                stop = ends_clause(raw[j]);
                j += 1;
                if stop {
                    break;
                }
            }
            if !words.is_empty() {
                role = format!("{role} {}", words.join(" "));
            }
            if stop {
                continue;
            }
        }
        let plural = matches!(title.as_str(), "leden" | "kamerleden");
        while let Some((name, initials, next)) = name_at(&raw, j, &core, &ends_clause) {
            let mut aliases = Vec::new();
            if !initials.is_empty() {
                aliases.push(format!("{initials} {name}"));
            }
            // `motie van Bakker`: the motion of Bakker, or of Van Bakker.
            if title == "motie" && raw[i + 1] == "van" && name.split(' ').count() > 1 {
                aliases.extend(name.split_once(' ').map(|(_, rest)| rest.to_string()));
            }
            people.push(TitledPerson {
                name,
                aliases,
                role: role.clone(),
            });
            j = next;
            if !(plural && raw.get(j).is_some_and(|w| core(w) == "en")) {
                break;
            }
            j += 1;
        }
    }
    people
}

/// The name starting at word `j`: `[initials] [particles] Capitalised [Capitalised...]`, with
/// the initials apart and the index of the word after it.
fn name_at(
    raw: &[&str],
    mut j: usize,
    core: &dyn Fn(&str) -> String,
    ends_clause: &dyn Fn(&str) -> bool,
) -> Option<(String, String, usize)> {
    let mut initials = Vec::new();
    while let Some(w) = raw
        .get(j)
        .filter(|w| initials.len() < 4 && (is_initials(&core(w)) || is_initials(w)))
    {
        initials.push(w.trim_end_matches(',').to_string());
        j += 1;
    }
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut capitalised = 0;
    while let Some(w) = raw.get(j) {
        let c = core(w);
        let k = key(&c);
        let particle = PARTICLES.contains(&k.as_str());
        let name_word = !particle
            && is_capitalised(&c)
            && title_role(&k).is_none()
            && !ORG_WORDS.contains(&k.as_str())
            && !NOT_NAMES.contains(&k.as_str())
            && !PORTFOLIO.contains(&k.as_str())
            && crate::dates::month_number(&c).is_none();
        if !(particle || (name_word && capitalised < 3)) || k == "c.s" {
            break;
        }
        j += 1;
        words.push((c, j));
        capitalised += usize::from(name_word);
        if ends_clause(w) {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|(w, _)| PARTICLES.contains(&key(w).as_str()))
    {
        words.pop();
    }
    let (Some(&(_, next)), true) = (words.last(), capitalised > 0) else {
        return None;
    };
    let words: Vec<String> = words.into_iter().map(|(w, _)| w).collect();
    let j = next;
    let mut name = words.join(" ");
    if let Some(first) = name.chars().next().filter(|c| c.is_lowercase()) {
        name = first.to_uppercase().chain(name.chars().skip(1)).collect();
    }
    Some((name, initials.join(" "), j))
}
