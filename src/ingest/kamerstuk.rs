//! Parliamentary papers as the Staten-Generaal publish them (officielebekendmakingen.nl, in
//! PDF, ODT and HTML alike): a head of `Tweede Kamer der Staten-Generaal` and `Vergaderjaar
//! 2020–2021`, then for a Kamerstuk the dossier (`32 545  Wet- en regelgeving financiële
//! markten`) and the paper's number with its title in capitals (`Nr. 143  MOTIE VAN DE LEDEN
//! INGE VAN DIJK EN GRINWIS`, `BRIEF VAN DE MINISTER VAN FINANCIËN`), or for the Aanhangsel
//! van de Handelingen the number of the questions and who asked and who answered them
//! (`Vragen van de leden ... (ingezonden 3 juni 2021).`, `Antwoord van Minister Koolmees
//! (...) (ontvangen 21 juni 2021).`). The paper's number is its reference, its title its
//! subject, its author (the title's `van ...`, or who answered) its sender, and the date it was
//! tabled or received its date.

use std::collections::HashMap;

use super::lines::Line;
use super::scan;
use crate::dates;
use crate::model::Date;

/// What a parliamentary paper's head states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    /// `Kamerstuk 32 545, nr. 143`, `Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 3235`;
    /// empty where the text does not print the number.
    pub reference: String,
    pub subject: String,
    pub sender: Option<String>,
    pub date: Option<Date>,
    /// The lines that print the paper's frame, not its text: the chamber and session year
    /// over it, the colophon (`kst-32545-143`, `ISSN 0921 - 7371`) and each page's footer
    /// (`Tweede Kamer, vergaderjaar 2020–2021, 32 545, nr. 143`).
    pub frame: Vec<usize>,
    /// The dossier's number (`32 545`): its line is no addressee.
    pub dossier: String,
    /// Who signed a motion: the names under `en gaat over tot de orde van de dag.`
    pub signatories: Vec<String>,
}

/// How far into the text a paper's head is looked for, in lines that are not blank.
const HEAD: usize = 40;

/// The paper's head, where the text opens as a parliamentary paper does.
pub fn paper(lines: &[Line<'_>]) -> Option<Paper> {
    let head: Vec<&str> = lines
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .take(HEAD)
        .collect();
    let chamber = head.iter().any(|t| {
        t.starts_with("Tweede Kamer der Staten-Generaal")
            || t.starts_with("Eerste Kamer der Staten-Generaal")
    });
    let year = head
        .iter()
        .find_map(|t| t.strip_prefix("Vergaderjaar "))
        .map(|rest| rest.split(['|', ' ']).next().unwrap_or("").trim())
        .filter(|year| chamber && !year.is_empty());
    let mut paper = match year {
        Some(year) => kamerstuk(&head, lines).or_else(|| aanhangsel(&head, Some(year)))?,
        // Without the chamber's head (the HTML edition prints none), the dossier and the
        // paper's number, or the questions and their answer, must open the text.
        None => {
            let opening = &head[..head.len().min(4)];
            kamerstuk(opening, lines).or_else(|| aanhangsel(opening, None))?
        }
    };
    let mut in_head = 0;
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        in_head += 1;
        let head_line = in_head <= HEAD
            && (t.starts_with("Tweede Kamer der Staten-Generaal")
                || t.starts_with("Eerste Kamer der Staten-Generaal")
                || t.starts_with("Vergaderjaar ")
                || t.starts_with("Voorgesteld "));
        let colophon = t.starts_with("ISSN ")
            || t.starts_with("Tweede Kamer, vergaderjaar ")
            || t.starts_with("Eerste Kamer, vergaderjaar ")
            || is_paper_id(t);
        if head_line || colophon {
            paper.frame.push(i);
        }
    }
    paper.signatories = motion_signatories(lines, &paper.frame);
    Some(paper)
}

/// The members who sign a motion, one name a line under its closing formula.
fn motion_signatories(lines: &[Line<'_>], frame: &[usize]) -> Vec<String> {
    let Some(close) = lines
        .iter()
        .position(|l| l.text.trim() == "en gaat over tot de orde van de dag.")
    else {
        return Vec::new();
    };
    lines[close + 1..]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.trim().is_empty())
        .take_while(|&(k, l)| {
            let t = l.text.trim();
            !frame.contains(&(close + 1 + k))
                && scan::chars_at_most(t, 40)
                && t.starts_with(char::is_uppercase)
                && t.split_whitespace().count() <= 5
                && !t.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | ';'))
        })
        .map(|(_, l)| l.text.trim().to_string())
        .collect()
}

/// The paper's identifier as the colophon prints it: `kst-32545-143`, `ah-tk-20202021-3235`.
fn is_paper_id(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() >= 3
        && !text.contains(' ')
        && parts[0].bytes().all(|b| b.is_ascii_lowercase())
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && parts
            .iter()
            .any(|p| p.len() >= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A Kamerstuk: the dossier's number, `Nr. n` and the title in capitals (recased as the
/// letter's `lines` write its words: counted only here, for a paper).
fn kamerstuk(head: &[&str], lines: &[Line<'_>]) -> Option<Paper> {
    let dossier = head.iter().find_map(|t| dossier_number(t))?;
    let (at, number, rest) = head.iter().enumerate().find_map(|(k, t)| {
        let rest = t.strip_prefix("Nr. ")?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then(|| {
            (
                k,
                &rest[..digits],
                rest[digits..].trim().trim_start_matches('|').trim(),
            )
        })
    })?;
    // The title in capitals: after the number on its line, or on a line of its own (a
    // PDF's column puts the number apart from it).
    let title = std::iter::once(rest)
        .chain(head[at + 1..].iter().copied())
        .chain(head[..at].iter().rev().copied())
        .find(|t| in_capitals(t))?;
    let subject = Words::of(lines).recase(title);
    // `MOTIE VAN DE LEDEN ...`, `BRIEF VAN DE MINISTER VAN ...`: who, after the first `van`.
    let sender = subject
        .split_once(" van ")
        .map(|(_, who)| who.trim())
        .map(|who| {
            who.strip_prefix("de ")
                .or_else(|| who.strip_prefix("het "))
                .unwrap_or(who)
        })
        .map(|who| {
            who.strip_prefix("leden ")
                .or_else(|| who.strip_prefix("lid "))
                .unwrap_or(who)
                .to_string()
        })
        .filter(|who| !who.is_empty());
    let date = head.iter().find_map(|t| {
        let rest = t.strip_prefix("Voorgesteld ")?;
        dates::find_full_date(rest).map(|(d, _, _)| d)
    });
    Some(Paper {
        reference: format!("Kamerstuk {dossier}, nr. {number}"),
        dossier,
        subject,
        sender,
        date,
        frame: Vec::new(),
        signatories: Vec::new(),
    })
}

/// The questions of members and the government's answers, as the Aanhangsel van de
/// Handelingen prints them under their number.
fn aanhangsel(head: &[&str], year: Option<&str>) -> Option<Paper> {
    let headed = head
        .iter()
        .any(|t| t.contains("Aanhangsel van de Handelingen"));
    let asked = head.iter().find(|t| t.starts_with("Vragen van "))?;
    let answer = head.iter().find(|t| t.starts_with("Antwoord van "));
    // Without its head (the HTML edition), the questions and the answer with their dates.
    let dated = asked.contains("(ingezonden") && answer.is_some_and(|a| a.contains("(ontvangen"));
    if !(headed || dated) {
        return None;
    }
    let number = head
        .iter()
        .find(|t| (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()));
    let subject = asked
        .split(" (ingezonden")
        .next()
        .unwrap_or(asked)
        .trim_end_matches('.')
        .to_string();
    let sender = answer.map(|t| {
        let who = &t["Antwoord van ".len()..];
        who.split(" (ontvangen")
            .next()
            .unwrap_or(who)
            .trim_end_matches('.')
            .to_string()
    });
    let date = answer.and_then(|t| {
        let (_, received) = t.split_once("(ontvangen ")?;
        let received = received.split(')').next().unwrap_or(received);
        dates::find_full_date(received).map(|(d, _, _)| d)
    });
    Some(Paper {
        reference: match (year, number) {
            (Some(year), Some(number)) => {
                format!("Aanhangsel Handelingen, vergaderjaar {year}, nr. {number}")
            }
            _ => String::new(),
        },
        dossier: String::new(),
        subject,
        sender,
        date,
        frame: Vec::new(),
        signatories: Vec::new(),
    })
}

/// A dossier's number at a line's start: `32 545`, `36 200-VI`, `21 501-20`.
fn dossier_number(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| {
        b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    if !(digits(0, 2) && b.get(2) == Some(&b' ') && digits(3, 3)) {
        return None;
    }
    let end = text[6..]
        .find(|c: char| c.is_whitespace() || c == '|')
        .map_or(text.len(), |k| k + 6);
    let number = &text[..end];
    (end == 6 || number[6..].starts_with('-')).then(|| number.to_string())
}

/// A title set in capitals: three words of letters or more, and no small letter.
fn in_capitals(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .count()
        >= 3
        && !text.chars().any(char::is_lowercase)
}

/// How the text writes its words where they are not in capitals, to write a title set in
/// capitals as the text would (`INGE VAN DIJK` -> `Inge van Dijk`).
struct Words {
    forms: HashMap<String, String>,
}

impl Words {
    fn of(lines: &[Line<'_>]) -> Words {
        // Each word's forms with their counts: the most frequent one wins (`de` over the
        // `De` that opens a sentence).
        let mut counts: HashMap<String, HashMap<&str, usize>> = HashMap::new();
        for line in lines {
            for word in line.text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                if word.chars().any(char::is_lowercase) {
                    *counts
                        .entry(word.to_lowercase())
                        .or_default()
                        .entry(word)
                        .or_default() += 1;
                }
            }
        }
        let forms = counts
            .into_iter()
            .filter_map(|(lower, forms)| {
                let (form, _) = forms
                    .into_iter()
                    .max_by_key(|&(form, n)| (n, std::cmp::Reverse(form)))?;
                Some((lower, form.to_string()))
            })
            .collect();
        Words { forms }
    }

    /// `text` in the case the text writes its words in, the first word capitalised.
    fn recase(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for (k, word) in text.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let lower = word.to_lowercase();
            let form = self.forms.get(&lower).cloned().unwrap_or(lower);
            if k == 0 {
                let mut chars = form.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(&form);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dossier_numbers() {
        assert_eq!(dossier_number("32 545").as_deref(), Some("32 545"));
        assert_eq!(
            dossier_number("36 200-VI Vaststelling").as_deref(),
            Some("36 200-VI")
        );
        assert_eq!(
            dossier_number("32 545 | Wet- en regelgeving").as_deref(),
            Some("32 545")
        );
        assert_eq!(dossier_number("2500 EA Den Haag"), None);
        assert_eq!(dossier_number("12 maart 2021"), None);
    }

    #[test]
    fn paper_ids() {
        assert!(is_paper_id("kst-32545-143"));
        assert!(is_paper_id("ah-tk-20202021-3235"));
        assert!(!is_paper_id("end-to-end"));
        assert!(!is_paper_id("COVID-19"));
    }

    #[test]
    fn capitals() {
        assert!(in_capitals("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"));
        assert!(!in_capitals("Motie van de leden"));
        assert!(!in_capitals("NR. 143"));
        assert!(!in_capitals("ISSN 0921 - 7371"));
    }
}
