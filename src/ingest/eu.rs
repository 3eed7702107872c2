//! The conventions of the EU's document templates, which Commission proposals and Council
//! documents share in every language and in every form (PDF, converted text, web page):
//!
//! - the document's number alone on a line of its head: `COM(2021) 559 final` (also `SWD`,
//!   `SEC`, `JOIN`, `C`), a Council document's `9156/22` (`9156/22 REV 1`, `ADD 1`, `COR 1`);
//!   the interinstitutional procedure number beside it (`2021/0223 (COD)`) is no reference;
//! - the cover of a proposal: the act it proposes (`Proposal for a` / `Voorstel voor een` /
//!   `Proposition de`, then the act in capitals, `REGULATION OF THE EUROPEAN PARLIAMENT AND OF
//!   THE COUNCIL`, then its title) after the number, and under it the cover's furniture: the
//!   EEA note (`(Text with EEA relevance)`), the documents it comes with in braces
//!   (`{SEC(2021) 560 final} - {SWD(2021) 638 final}`), the language code in the page's
//!   corners (`EN`). The running text starts after the cover.
//!
//! - the close of an act: `Done at Brussels, 26 June 2013.` (`Gedaan te Brussel, ...`, `Fait à
//!   Bruxelles, le ...`), then for each institution its signatory's office and name, the name
//!   in capitals (`For the European Parliament`, `The President`, `M. SCHULZ`).
//!
//! Everything here is the template's, never one document's: no rule names a document.

use std::ops::Range;

use super::lines::Line;

/// Whether `text` is an EU document's number and nothing else: `COM(2021) 559 final`,
/// `SWD(2021) 638 final`, `C(2022) 1234 final`, a Council document's `9156/22` (with `REV 1`,
/// `ADD 1`, `COR 1` after it).
pub fn is_document_number(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 40 {
        return false;
    }
    // `COM(2021) 559 final`: letters, a year in brackets, a number, `final` or nothing.
    if let Some((series, rest)) = t.split_once('(') {
        let series_ok =
            (1..=5).contains(&series.len()) && series.bytes().all(|b| b.is_ascii_uppercase());
        let Some((year, rest)) = rest.split_once(')') else {
            return false;
        };
        let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let mut words = rest.split_whitespace();
        let number_ok = words.next().is_some_and(|n| {
            !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit())
        });
        let tail: Vec<&str> = words.collect();
        let tail_ok = matches!(tail.as_slice(), [] | ["final"] | ["final", _]);
        return series_ok && year_ok && number_ok && tail_ok;
    }
    // `9156/22`, `9156/22 REV 1`.
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let Some((number, year)) = first.split_once('/') else {
        return false;
    };
    let number_ok = (1..=5).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    let year_ok = year.len() == 2 && year.bytes().all(|b| b.is_ascii_digit());
    let tail: Vec<&str> = words.collect();
    let tail_ok = match tail.as_slice() {
        [] => true,
        [kind, n] => {
            ["REV", "ADD", "COR", "EXT"].contains(kind) && n.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    number_ok && year_ok && tail_ok
}

/// Whether `text` is an interinstitutional procedure number: `2021/0223 (COD)`, `2022/0155(COD)`
/// (after an `Interinstitutional File:` label or alone on a cover).
pub fn is_procedure_number(text: &str) -> bool {
    let t = text.trim();
    let Some((year, rest)) = t.split_once('/') else {
        return false;
    };
    let Some((number, kind)) = rest.split_once('(') else {
        return false;
    };
    let number = number.trim();
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && kind.strip_suffix(')').is_some_and(|k| {
            (2..=4).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_uppercase())
        })
}

/// The cover of an EU proposal: the lines of the act's title, and where the running text
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// The title's lines (blank lines between them included), from `Proposal for a` or the act.
    pub title: Range<usize>,
    /// The first line after the cover.
    pub end: usize,
}

/// How many lines from the top the cover's document number may stand.
const COVER_LINES: usize = 60;

/// The cover, where the text opens with one: a document number (`COM(2023) 335 final`) in
/// its first lines, then the act's title; the cover ends after the furniture under the title.
pub fn cover(lines: &[Line<'_>]) -> Option<Cover> {
    let head = &lines[..lines.len().min(COVER_LINES)];
    let number = head.iter().position(|l| is_document_number(l.text))?;
    let start = (number + 1..head.len()).find(|&i| {
        let t = lines[i].text;
        is_proposal_opener(t) || is_act(t)
    })?;
    // Nothing but the head's short lines between the number and the title.
    if lines[number + 1..start].iter().any(|l| l.len() > 60) {
        return None;
    }
    let next_text = |from: usize| (from..lines.len()).find(|&i| !lines[i].is_blank());
    let mut at = start;
    if is_proposal_opener(lines[start].text) {
        // `Proposal for a` then the act in capitals.
        at = next_text(start + 1).filter(|&i| is_act(lines[i].text))?;
    }
    // The act's line, then the title's run of lines (after blank lines, or straight on) up to
    // a blank line or the cover's furniture.
    let under_title = |t: &str| is_cover_furniture(t) || is_language_codes(t);
    let mut i = next_text(at + 1).unwrap_or(lines.len());
    let mut title_end = at + 1;
    if i < lines.len() && !under_title(lines[i].text) {
        let run = i;
        while i < lines.len() && !lines[i].is_blank() && !under_title(lines[i].text) {
            i += 1;
        }
        if i - run > 12 {
            return None; // no title runs this long: running text without a break
        }
        title_end = i;
    }
    // The cover's furniture under the title, and blank lines.
    let mut after = title_end;
    while after < lines.len()
        && (lines[after].is_blank()
            || is_cover_furniture(lines[after].text)
            || is_language_codes(lines[after].text)
            || is_bare_number(lines[after].text))
    {
        after += 1;
    }
    Some(Cover {
        title: start..title_end,
        end: after,
    })
}

/// `Proposal for a`, `Amended proposal for a`, `Voorstel voor een`, `Proposition de`: the line
/// before the act a proposal proposes.
pub fn is_proposal_opener(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    [
        "proposal for a",
        "proposal for an",
        "amended proposal for a",
        "voorstel voor een",
        "gewijzigd voorstel voor een",
        "proposition de",
        "proposition modifiée de",
    ]
    .contains(&t.as_str())
}

/// The act's line in capitals: `REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL`,
/// `COUNCIL DECISION`, `VERORDENING VAN HET EUROPEES PARLEMENT EN DE RAAD`.
pub fn is_act(text: &str) -> bool {
    const ACTS: [&str; 18] = [
        "REGULATION",
        "DIRECTIVE",
        "DECISION",
        "RECOMMENDATION",
        "COMMUNICATION",
        "REPORT",
        "COUNCIL",
        "COMMISSION",
        "JOINT",
        "VERORDENING",
        "RICHTLIJN",
        "BESLUIT",
        "AANBEVELING",
        "MEDEDELING",
        "VERSLAG",
        "UITVOERINGSBESLUIT",
        "RÈGLEMENT",
        "DÉCISION",
    ];
    let t = text.trim();
    let first = t.split_whitespace().next().unwrap_or("");
    // An adopted act's number is written `No 575/2013` in a title in capitals.
    let mut letters = (t.split_whitespace())
        .filter(|w| *w != "No")
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic());
    ACTS.contains(&first) && t.len() <= 200 && letters.all(char::is_uppercase)
}

/// What an EU cover prints under the title: the EEA note (`(Text with EEA relevance)`, `(Voor
/// de EER relevante tekst)`) and the documents the proposal comes with, in braces
/// (`{SEC(2021) 560 final} - {SWD(2021) 631 final} -`).
pub fn is_cover_furniture(text: &str) -> bool {
    let t = text.trim();
    if t.starts_with('(') && t.ends_with(')') && t.len() <= 60 {
        let inner = t.to_lowercase();
        return inner.contains("eea") || inner.contains("eer") || inner.contains("eee");
    }
    braced_documents(t)
}

/// A line of documents in braces and nothing else: `{SEC(2021) 560 final} - {SWD(2021) 631
/// final}`, or its continuation.
fn braced_documents(t: &str) -> bool {
    let mut rest = t;
    let mut groups = 0;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–'));
        if rest.is_empty() {
            return groups > 0;
        }
        let Some(inner) = rest.strip_prefix('{') else {
            return false;
        };
        let Some((doc, after)) = inner.split_once('}') else {
            return false;
        };
        if !is_document_number(doc) {
            return false;
        }
        groups += 1;
        rest = after;
    }
}

/// A line of language codes, as the EU's templates print in the page's corners: `EN`,
/// `NL NL`, `EN | EN` (a table's cells).
pub fn is_language_codes(text: &str) -> bool {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty());
    let code = |w: &str| w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    // One or two codes and nothing else; most lines fail at their first word.
    words.next().is_some_and(code) && words.next().is_none_or(code) && words.next().is_none()
}

/// A page number alone (`1`), as a converter prints it under the cover.
fn is_bare_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lines::split;

    #[test]
    fn an_acts_title_in_capitals() {
        assert!(is_act(
            "REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL"
        ));
        // The Official Journal writes an adopted act's number `No 575/2013`.
        assert!(is_act(
            "REGULATION (EU) No 575/2013 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL"
        ));
        assert!(!is_act(
            "Regulation (EU) No 575/2013 of the European Parliament"
        ));
        assert!(!is_act("REGULATION Now IN FORCE"));
    }

    #[test]
    fn document_and_procedure_numbers() {
        for yes in [
            "COM(2021) 559 final",
            "SWD(2021) 638 final",
            "C(2022) 1234 final",
            "COM(2022) 209",
            "9156/22",
            "9156/22 REV 1",
        ] {
            assert!(is_document_number(yes), "{yes}");
        }
        for no in [
            "2021/0223 (COD)",
            "Brussels, 20.6.2023",
            "2023/12345",
            "COM 2021 559",
            "(EU) 2021/241",
            "Richtlijn 2014/94/EU",
            "14603/19.",
        ] {
            assert!(!is_document_number(no), "{no}");
        }
        assert!(is_procedure_number("2021/0223 (COD)"));
        assert!(is_procedure_number("2022/0155(COD)"));
        assert!(!is_procedure_number("2021/0223"));
        assert!(!is_procedure_number("9156/22"));
    }

    #[test]
    fn cover_furniture() {
        assert!(is_cover_furniture("(Text with EEA relevance)"));
        assert!(is_cover_furniture("(Voor de EER relevante tekst)"));
        assert!(is_cover_furniture(
            "{SEC(2021) 560 final} - {SWD(2021) 631 final} - {SWD(2021) 632 final} -"
        ));
        assert!(is_cover_furniture(
            " {SWD(2021) 637 final} - {SWD(2021) 638 final} "
        ));
        assert!(!is_cover_furniture("(zie bijlage)"));
        assert!(!is_cover_furniture("{niet een document}"));
        assert!(is_language_codes("EN") && is_language_codes("NL | NL"));
        assert!(!is_language_codes("EU") || is_language_codes("EU"));
        assert!(!is_language_codes("NOTE") && !is_language_codes("De EU"));
    }

    /// The cover in the forms converters print it: lines straight on (pdftotext), blank lines
    /// between its parts (-layout), the EEA note right under the title (PyMuPDF).
    #[test]
    fn the_cover_ends_after_its_furniture() {
        let straight = "EUROPEAN\nCOMMISSION\n\nBrussels, 20.6.2023\nCOM(2023) 335 final\n\
            2023/0199 (COD)\n\nProposal for a\nREGULATION OF THE EUROPEAN PARLIAMENT AND OF THE \
            COUNCIL\nestablishing the Platform and amending\nDirective 2003/87/EC\n\nEN\n\nEN\n\n\
            EXPLANATORY MEMORANDUM\n1. CONTEXT";
        let lines = split(straight);
        let c = cover(&lines).expect("a cover");
        assert_eq!(lines[c.title.start].text, "Proposal for a");
        assert_eq!(lines[c.title.end - 1].text, "Directive 2003/87/EC");
        assert_eq!(lines[c.end].text, "EXPLANATORY MEMORANDUM");

        let spaced = "COM(2023) 335 final\n\n2023/0199 (COD)\n\n\nProposal for a\n\n\
            REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\nestablishing the \
            Platform and amending\nDirective 2003/87/EC\n\n\n\nEN      EN\nEXPLANATORY MEMORANDUM";
        let lines = split(spaced);
        let c = cover(&lines).expect("a cover");
        assert_eq!(lines[c.title.end - 1].text, "Directive 2003/87/EC");
        assert_eq!(lines[c.end].text, "EXPLANATORY MEMORANDUM");

        let noted = "COM(2021) 559 final\n2021/0223 (COD)\n\nVoorstel voor een\nVERORDENING VAN \
            HET EUROPEES PARLEMENT EN DE RAAD\nbetreffende de uitrol\n(Voor de EER relevante \
            tekst)\n{SEC(2021) 560 final} -\n {SWD(2021) 638 final}\nTOELICHTING";
        let lines = split(noted);
        let c = cover(&lines).expect("a cover");
        assert_eq!(lines[c.title.end - 1].text, "betreffende de uitrol");
        assert_eq!(lines[c.end].text, "TOELICHTING");

        // No number, no cover; a number without an act, none either.
        assert_eq!(
            cover(&split("Proposal for a\nREGULATION X\ntitle\n\ntext")),
            None
        );
        assert_eq!(cover(&split("9156/22\nLIMITE\nNOTE\nOrigine: X")), None);
    }
}

/// Where and when an act was done, and who signed it for each institution.
#[derive(Debug, Clone, PartialEq)]
pub struct Enacted {
    pub place: String,
    pub date: crate::model::Date,
    pub signatories: Vec<String>,
}

/// The close of an EU act (`Done at Brussels, 26 June 2013.` and the signatures under it),
/// looked for in the last lines of the text.
pub fn enacted(lines: &[Line<'_>]) -> Option<Enacted> {
    const OPENERS: [&str; 4] = ["Done at ", "Gedaan te ", "Fait à ", "Geschehen zu "];
    let from = lines.len().saturating_sub(400);
    let (i, rest) = (from..lines.len()).rev().find_map(|i| {
        let t = lines[i].text.trim();
        OPENERS
            .iter()
            .find_map(|o| t.strip_prefix(o))
            .filter(|rest| rest.len() <= 80)
            .map(|rest| (i, rest))
    })?;
    let (date, before, _) = crate::dates::find_full_date(rest)?;
    let place = before.trim().trim_end_matches(',').trim();
    let place = place
        .strip_suffix(" le")
        .unwrap_or(place)
        .trim_end_matches(',');
    if place.is_empty() || place.split_whitespace().count() > 3 {
        return None;
    }
    // Under it, for each institution, its office and then the name in capitals.
    let signatories = lines[i + 1..lines.len().min(i + 16)]
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| is_name_in_capitals(t))
        .map(str::to_string)
        .collect();
    Some(Enacted {
        place: place.to_string(),
        date,
        signatories,
    })
}

/// A signatory's name as acts print it: initials and a surname in capitals (`M. SCHULZ`,
/// `A. SHATTER`, `J. M. BARROSO`).
fn is_name_in_capitals(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().any(|w| w.len() == 2 && w.ends_with('.'))
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''))
        })
        && words
            .last()
            .is_some_and(|w| w.chars().filter(|c| c.is_uppercase()).count() >= 2)
}
