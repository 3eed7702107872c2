//! Metadata from the header and the closing: the letter's own date and place, sender,
//! signatories, recipients, subject and reference.
//!
//! The date is the one the header states (a `Datum` label, or a line that is a date with at most
//! a place beside it), never one the text merely mentions. Recipients come from the address
//! block (the first block of the header that is not letterhead, a label or a sidebar), or from
//! the salutation. The sender comes from the closing (`Namens X`, `De Minister van X,`, a role
//! line under a signature), else from a footer's contact block or the letterhead.
//!
//! Lines a format states to be [`Role::Aside`] (a letterhead's side column) are read for their
//! labels (`Datum`, `Ons kenmerk`), never as the address block; the first name in such a
//! column is the sender when the closing names none, its postal city the place when no return
//! address gives one.

use super::closing;
use super::contact;
use super::document::{LineInfo, Role};
use super::eu;
use super::layout::{Furniture, Regions};
use super::lines::Line;
use super::markup::strip_markup;
use super::patterns::{self, Label, title_case};
use crate::dates;
use crate::model::Date;

/// What the metadata pass found.
#[derive(Debug, Default)]
pub struct Meta {
    pub date: Option<Date>,
    pub place: Option<String>,
    pub sender: Option<String>,
    pub signed_by: Vec<String>,
    pub recipients: Vec<String>,
    pub subject: Option<String>,
    pub reference: Option<String>,
    pub salutation: Option<String>,
    /// What could not be read, as `line N: ...`.
    pub warnings: Vec<String>,
}

/// Extracts the metadata.
///
/// `removed` marks the lines other passes took (note definitions, furniture); `stated` is what
/// the format states about each line (empty for text).
pub fn extract(
    lines: &[Line<'_>],
    regions: &Regions,
    furniture: &Furniture,
    removed: &[bool],
    stated: &[LineInfo],
) -> Meta {
    let header = &lines[regions.header.clone()];
    let is_aside = |i: usize| stated.get(i).is_some_and(|s| s.role == Role::Aside);
    // An EU cover's title is the subject; it and the furniture under it are no address.
    let cover = regions.cover.as_ref();
    let on_cover = |i: usize| {
        cover.is_some_and(|c| {
            c.title.contains(&i)
                || (i < c.end
                    && (eu::is_cover_furniture(lines[i].text)
                        || eu::is_language_codes(lines[i].text)))
        })
    };
    let (blocks, aside_blocks) = header_blocks(header, regions.header.start, is_aside, on_cover);
    let mut aside_name = None;
    let mut aside_city = None;
    let mut meta = Meta {
        salutation: regions.salutation.map(|i| {
            let line = lines[i].plain();
            patterns::opening_salutation(line)
                .unwrap_or(line)
                .to_string()
        }),
        subject: cover.map(|c| {
            let words: Vec<String> = lines[c.title.clone()]
                .iter()
                .filter(|l| !l.is_blank())
                .map(|l| l.plain().to_owned())
                .collect();
            words.join(" ")
        }),
        ..Meta::default()
    };
    // Where the letterhead's name was last continued: (block, line).
    let mut letterhead_at = None;
    let mut letterhead_name = None;
    let mut return_city = None;
    let mut header_city = None;
    let mut address_block = None;
    let mut from_label = None;
    let mut to_label: Vec<String> = Vec::new();
    let (paired, in_pairs) = labels_apart(&blocks, &aside_blocks);
    for (label, value) in paired {
        match label {
            Label::Date => meta.date = dates::find_full_date(&value).map(|(d, _, _)| d),
            Label::Subject => meta.subject = Some(value),
            Label::Reference => meta.reference = Some(value),
            _ => {}
        }
    }
    // Blocks read as values: of labels over each other, or of the label before them.
    let mut values = in_pairs;
    for (k, block) in blocks.iter().enumerate() {
        if values[k] {
            continue;
        }
        let mut j = 0;
        let mut plain_lines = 0;
        while j < block.len() {
            let raw = block[j];
            let text = strip_markup(raw);
            // A row of labels (`Datum Kenmerk Uw brief van`) with their values on the next
            // line, in the same order.
            if let Some(labels) = label_row(&text)
                && let Some(next) = block.get(j + 1)
            {
                for (label, value) in row_values(&labels, &strip_markup(next)) {
                    match label {
                        Label::Date if meta.date.is_none() => {
                            meta.date = dates::find_full_date(&value).map(|(d, _, _)| d)
                        }
                        Label::Reference if meta.reference.is_none() => {
                            meta.reference = Some(value)
                        }
                        _ => {}
                    }
                }
                j += 2;
                continue;
            }
            if let Some((label, value)) = patterns::label(&text) {
                // A value may run on over the next lines, or stand alone on the next line.
                let subject = label == Label::Subject;
                let mut value = if subject {
                    patterns::label(&strip_markup(before_side_label(raw)))
                        .map_or(String::new(), |(_, v)| v.to_string())
                } else {
                    value.to_string()
                };
                let mut k2 = j + 1;
                while k2 < block.len() && patterns::label(&strip_markup(block[k2])).is_none() {
                    if !value.is_empty() && !subject {
                        break;
                    }
                    let cut = if subject {
                        before_side_label(block[k2])
                    } else {
                        block[k2]
                    };
                    // A label beside the line: the lines under it are that label's.
                    let last = cut.len() < block[k2].trim_end().len();
                    let more = strip_markup(cut);
                    k2 += 1;
                    if last {
                        value = format!("{value} {more}").trim().to_string();
                        break;
                    }
                    if subject && interleaved(&more) {
                        continue; // the letterhead's column between the subject's lines
                    }
                    value = if value.is_empty() {
                        more.into_owned()
                    } else {
                        format!("{value} {more}")
                    };
                }
                // A subject whose label a converter put under its first line (`Gereedstelling
                // MQ-9 Reaper` / `Betreft`): the line above starts it.
                if subject && j > 0 && (value.is_empty() || value.starts_with(char::is_lowercase)) {
                    let above = strip_markup(block[j - 1]);
                    if patterns::label(&above).is_none()
                        && !interleaved(&above)
                        && dates::find_full_date(&above).is_none()
                        && above.split_whitespace().count() >= 2
                    {
                        value = if value.is_empty() {
                            above.into_owned()
                        } else {
                            format!("{above} {value}")
                        };
                    }
                }
                // A label that ends its block alone has its value in the next block: a head
                // table whose two columns a converter printed apart (`Objet:`, a blank line,
                // the value). Not where labels stand over each other (`Datum` / `Betreft`,
                // their values in a block of their own, in their order).
                let label_above = j > 0
                    && patterns::label(&strip_markup(block[j - 1]))
                        .is_some_and(|(_, v)| v.is_empty());
                if value.is_empty()
                    && k2 == block.len()
                    && !label_above
                    && let Some(next) = blocks.get(k + 1)
                    && !aside_blocks[k + 1]
                    && next
                        .iter()
                        .all(|l| patterns::label(&strip_markup(l)).is_none())
                {
                    let lines: Vec<String> =
                        next.iter().map(|l| strip_markup(l).into_owned()).collect();
                    value = lines.join(if label == Label::To { "; " } else { " " });
                    values[k + 1] = true;
                }
                match label {
                    Label::Date if meta.date.is_none() => {
                        meta.date = dates::find_full_date(&value).map(|(d, _, _)| d)
                    }
                    Label::From if from_label.is_none() && !value.is_empty() => {
                        from_label = Some(value.trim_end_matches([',', ';']).to_string())
                    }
                    Label::To => to_label.extend(
                        value
                            .split(';')
                            .map(|v| v.trim().trim_end_matches(',').to_string())
                            .filter(|v| !v.is_empty()),
                    ),
                    Label::Subject if meta.subject.is_none() && !value.is_empty() => {
                        meta.subject = Some(value)
                    }
                    Label::Reference if meta.reference.is_none() && !value.is_empty() => {
                        meta.reference = Some(value)
                    }
                    _ => {}
                }
                j = k2;
                continue;
            }
            if meta.subject.is_none()
                && let Some(title) = fiche_title(&text)
            {
                meta.subject = Some(title.to_string());
                j += 1;
                continue;
            }
            if meta.date.is_none()
                && let Some((date, before, after)) = dates::find_full_date(&text)
                && let Some(place) = place_beside_date(before, after)
            {
                meta.date = Some(date);
                meta.place = place;
                j += 1;
                continue;
            }
            // An EU document's number alone on its line (`COM(2021) 559 final`, `9156/22`) is
            // its reference; the procedure's number beside it (`2021/0223 (COD)`) is none.
            if eu::is_document_number(&text) || eu::is_procedure_number(&text) {
                if meta.reference.is_none() && eu::is_document_number(&text) {
                    meta.reference = Some(text.into_owned());
                }
                j += 1;
                continue;
            }
            if raw.trim_start().starts_with('>') || text.to_lowercase().starts_with("retouradres") {
                return_city = return_city.or_else(|| patterns::postal_city(&text));
            } else if is_letterhead(raw, &text) {
                if letterhead_name.is_none() && !text.contains('■') {
                    letterhead_name = Some(name_case(&text));
                    letterhead_at = Some((k, j));
                } else if letterhead_at == Some((k, j.wrapping_sub(1)))
                    && !raw.starts_with('#')
                    && let Some(name) = &mut letterhead_name
                {
                    // A name in capitals over two lines (`EUROPEAN` / `COMMISSION`) is one.
                    name.push(' ');
                    name.push_str(&name_case(&text));
                    letterhead_at = Some((k, j));
                }
            } else if aside_blocks[k] {
                if aside_name.is_none()
                    && !contact::is_contact(&text)
                    && !patterns::is_postal_line(&text)
                {
                    aside_name = Some(text.to_string());
                }
                aside_city = aside_city.or_else(|| patterns::postal_city(&text));
            } else {
                plain_lines += 1;
                if address_block.is_some() && header_city.is_none() {
                    header_city = patterns::postal_city(&text);
                }
            }
            j += 1;
        }
        let own = senders_letterhead(block);
        if own && letterhead_name.is_none() {
            letterhead_name = Some(strip_markup(block[0]).into_owned());
        }
        let sidebar = own || aside_blocks[k] || block[0].trim_start().starts_with(['*', '_']);
        let to = block
            .first()
            .is_some_and(|l| strip_markup(l).to_lowercase().starts_with("aan "));
        // A letter without a salutation whose head opens with one line of name (the date
        // at most under it), no `Aan`, no postal line, names its sender there (a position paper's organisation over its
        // date and title); an address block has more lines or says whom it is for.
        let lone_name = k == 0
            && block
                .iter()
                .skip(1)
                .all(|l| dates::find_full_date(l).is_some())
            && plain_lines == 1
            && !to
            && meta.salutation.is_none()
            && header_city.is_none()
            && dates::find_full_date(block[0]).is_none()
            && block[0].chars().any(char::is_uppercase);
        if lone_name && letterhead_name.is_none() {
            letterhead_name = Some(strip_markup(block[0]).into_owned());
        } else if plain_lines > 0
            && !sidebar
            && (address_block.is_none() || to)
            && address_block != Some(usize::MAX)
        {
            address_block = Some(if to { usize::MAX } else { k });
            meta.recipients = recipients(block);
        }
    }
    if meta.date.is_none()
        && let Some(line) = header
            .iter()
            .find(|l| matches!(patterns::label(l.plain()), Some((Label::Date, _))))
    {
        meta.warnings.push(format!(
            "line {}: the letter's date could not be read: {}",
            line.no,
            line.plain()
        ));
    }
    if let Some(kamer) = kamer_addressee(header)
        && !meta
            .recipients
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&kamer))
    {
        meta.recipients = vec![kamer];
    }
    if !to_label.is_empty() {
        meta.recipients = to_label;
    }
    if meta.recipients.is_empty()
        && let Some(s) = &meta.salutation
    {
        meta.recipients = salutation_addressee(s).into_iter().collect();
    }
    let closing = closing::closing(
        &lines[regions.closing.clone()],
        &removed[regions.closing.clone()],
    );
    meta.signed_by = closing.signed_by;
    meta.sender = if cover.is_some() {
        // The institution on an EU document's cover sends it; the closing of the act it
        // proposes (`For the Council`) does not.
        from_label
            .or(letterhead_name)
            .or(closing.sender)
            .or(aside_name)
    } else {
        closing
            .sender
            .or(from_label)
            .or(aside_name)
            .or_else(|| furniture.footer_name.clone())
            .or(letterhead_name)
            .or_else(|| ministry_in_header(header))
    };
    if meta.place.is_none() {
        meta.place = return_city
            .or(aside_city)
            .or(header_city)
            .or_else(|| furniture.footer_city.clone());
    }
    meta
}

/// The header (its first line being line `first`) split at blank lines (and the lines
/// `left_out`) and where aside lines begin or end, each block its lines; and for each block
/// whether its lines are asides.
fn header_blocks<'a>(
    header: &[Line<'a>],
    first: usize,
    is_aside: impl Fn(usize) -> bool,
    left_out: impl Fn(usize) -> bool,
) -> (Vec<Vec<&'a str>>, Vec<bool>) {
    let mut blocks: Vec<Vec<&'a str>> = vec![Vec::new()];
    let mut asides = vec![false];
    for (i, line) in header.iter().enumerate() {
        let aside = is_aside(first + i);
        let last_open = blocks.last().is_some_and(|b| !b.is_empty());
        if line.is_blank() || left_out(first + i) {
            if last_open {
                blocks.push(Vec::new());
                asides.push(false);
            }
            continue;
        }
        if last_open && asides.last() != Some(&aside) {
            blocks.push(Vec::new());
            asides.push(aside);
        }
        if let (Some(b), Some(a)) = (blocks.last_mut(), asides.last_mut()) {
            if b.is_empty() {
                *a = aside;
            }
            b.push(line.text);
        }
    }
    let keep: Vec<bool> = blocks.iter().map(|b| !b.is_empty()).collect();
    let mut k = keep.iter();
    asides.retain(|_| *k.next().unwrap_or(&false));
    blocks.retain(|b| !b.is_empty());
    (blocks, asides)
}

/// The sender's own letterhead in the header: a name over contact lines, one of them a way to
/// reach the sender (phone, fax, e-mail, website), which an addressee's block never gives
/// (`Autoriteit Persoonsgegevens` / `Postbus ...` / `T 070 8888 500 - F ...` / `ap.nl`).
fn senders_letterhead(block: &[&str]) -> bool {
    let reach = |t: &str| {
        let t = t.trim();
        let phone = ["T ", "F ", "Tel", "tel", "+31"].iter().any(|p| {
            t.strip_prefix(p).is_some_and(|r| {
                r.trim_start_matches(['.', ':', ' '])
                    .starts_with(|c: char| c.is_ascii_digit())
            })
        });
        let web = t.split_whitespace().any(|w| {
            w.contains('@')
                || w.starts_with("www.")
                || w.starts_with("http")
                || w.rsplit_once('.').is_some_and(|(name, tld)| {
                    name.len() >= 2
                        && (2..=4).contains(&tld.len())
                        && tld.bytes().all(|b| b.is_ascii_lowercase())
                        && name
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
                })
        });
        phone || web
    };
    let Some((first, rest)) = block.split_first() else {
        return false;
    };
    let first = strip_markup(first);
    let contacts = rest
        .iter()
        .filter(|l| {
            let t = strip_markup(l);
            contact::is_contact(&t) || patterns::is_postal_line(&t) || reach(&t)
        })
        .count();
    !contact::is_contact(&first)
        && patterns::label(&first).is_none()
        && first.split_whitespace().count() <= 6
        && contacts >= 2
        && rest.iter().any(|l| reach(&strip_markup(l)))
}

/// The labels of a line that holds nothing else, two at least (`Datum Kenmerk Uw brief van`).
fn label_row(text: &str) -> Option<Vec<Label>> {
    let mut labels = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (label, value) = patterns::label(rest)?;
        labels.push(label);
        rest = value;
    }
    (labels.len() >= 2).then_some(labels)
}

/// The values of a row of labels, read from the line under it in order: a date where a date
/// label stands, one word for a reference. Reading stops at the first other label, whose
/// value's extent is unknown.
fn row_values(labels: &[Label], line: &str) -> Vec<(Label, String)> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    for &label in labels {
        let value = match label {
            Label::Date => match dates::find_full_date(rest) {
                Some((_, before, after)) if before.trim().is_empty() => {
                    rest[..rest.len() - after.len()].trim()
                }
                _ => break,
            },
            Label::Reference => match rest.split_whitespace().next() {
                Some(word) => word,
                None => break,
            },
            _ => break,
        };
        out.push((label, value.to_string()));
        rest = rest[value.len()..].trim_start();
    }
    out
}

/// A line of the letterhead's column that a converter interleaved with a header value: a
/// contact line, a short street line (`Plein 4`, not `Nederland 2022`), or a note's number.
fn interleaved(text: &str) -> bool {
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    let note_number = text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit());
    note_number
        || contact::is_contact(text)
        || (patterns::is_postal_line(text)
            && text.split_whitespace().count() <= 3
            && !text
                .split_whitespace()
                .any(|w| year(w.trim_matches(['(', ')', ',', '.']))))
}

/// `raw` without a label a converter appended after a gap of two spaces or more (`klimaat
/// Caribisch Nederland  Uw kenmerk`): the column beside it.
fn before_side_label(raw: &str) -> &str {
    let t = raw.trim_end();
    let mut from = 0;
    while let Some(gap) = t[from..].find("  ").map(|g| from + g) {
        let rest = t[gap..].trim_start();
        if patterns::label(rest).is_some() && gap > 0 {
            return t[..gap].trim_end();
        }
        from = gap + 2;
    }
    t
}

/// The ministry a letterhead names over several lines, each but the last ending in a word that
/// goes on (`Ministerie van` / `Binnenlandse Zaken en` / `Koninkrijksrelaties`), read past what a
/// converter interleaved: the addressee, contact and postal lines, labels.
fn ministry_in_header(header: &[Line<'_>]) -> Option<String> {
    let texts: Vec<String> = header
        .iter()
        .filter(|l| !l.is_blank() && l.len() <= 80)
        .map(|l| strip_markup(l.text).into_owned())
        .collect();
    let start = texts.iter().position(|t| {
        patterns::starts_with_ignore_case(t, "ministerie van")
            || patterns::starts_with_ignore_case(t, "ministerie voor")
    })?;
    let goes_on = |t: &str| {
        let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
        ["van", "voor", "en", "de", "der", "het"].contains(&last.as_str()) || t.ends_with(',')
    };
    let mut name = texts[start].clone();
    let mut k = start + 1;
    while goes_on(&name) && k < texts.len() && k <= start + 6 {
        let t = &texts[k];
        k += 1;
        let lower = t.to_lowercase();
        let interleaved = lower.contains("voorzitter")
            || lower.starts_with("der staten")
            || lower.starts_with("aan ")
            || contact::is_contact(t)
            || patterns::is_postal_line(t)
            || patterns::label(t).is_some()
            || !t.starts_with(char::is_uppercase);
        if interleaved {
            continue;
        }
        name.push(' ');
        name.push_str(t);
    }
    (!goes_on(&name) && name.split_whitespace().count() >= 3).then_some(name)
}

/// The addressee of a Kamerbrief, `(Aan) de Voorzitter van de Tweede Kamer` with its
/// `der Staten-Generaal`, which a converter may have put a few lines further down, under
/// letterhead lines it interleaved (`Koninkrijksrelaties`), or cut at its hyphen
/// (`der Staten-` ... `Generaal`); what a converter appended on the addressee's line
/// (`Ministerie van Defensie`) is left out. A copy's addressee (`Afschrift aan`) is none.
fn kamer_addressee(header: &[Line<'_>]) -> Option<String> {
    const OPENING: &str = "voorzitter van de ";
    // Each line as far as a wide gap: what stands beyond it is the letterhead's column
    // (`pdftotext -layout`).
    let texts: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank() && l.len() <= 160)
        .map(|(i, l)| {
            let left = l.text.find("   ").map_or(l.text, |gap| &l.text[..gap]);
            (i, strip_markup(left).into_owned())
        })
        .collect();
    for (k, (_, text)) in texts.iter().enumerate() {
        let lower = text.to_lowercase();
        let Some(start) = ["aan de ", "de ", ""]
            .iter()
            .find(|p| lower.starts_with(&format!("{p}{OPENING}")))
            .map(|p| if p.starts_with("aan ") { 7 } else { 0 })
        else {
            continue;
        };
        let copy = k > 0 && {
            let above = texts[k - 1].1.to_lowercase();
            above.starts_with("afschrift") || above.starts_with("kopie")
        };
        if copy {
            continue;
        }
        let after = start
            + if lower[start..].starts_with("de ") {
                3
            } else {
                0
            }
            + OPENING.len();
        let Some(chamber) = ["tweede kamer", "eerste kamer"]
            .iter()
            .find(|c| lower[after..].starts_with(**c))
        else {
            continue;
        };
        let kamer_end = after + chamber.len();
        let mut name = text[start..kamer_end].to_string();
        let rest = text[kamer_end..].trim();
        let rest_lower = rest.to_lowercase();
        if rest_lower.starts_with("der staten") {
            name.push(' ');
            name.push_str(rest.trim_end_matches(','));
        } else if let Some(der) = texts[k + 1..]
            .iter()
            .take(4)
            .find(|(_, t)| t.to_lowercase().starts_with("der staten"))
        {
            name.push(' ');
            name.push_str(der.1.trim_end_matches(','));
        }
        if name.ends_with('-')
            && let Some(tail) = texts[k + 1..]
                .iter()
                .take(4)
                .find(|(_, t)| t.eq_ignore_ascii_case("generaal"))
        {
            name.push_str(&tail.1);
        }
        return Some(name);
    }
    None
}

/// Labels and values that a converter printed apart, the two columns one after the other: a
/// block of bare labels (`Datum`, `Betreft`) and the next block their values in the same
/// order, the last label taking the lines left (a subject over two lines). Returns the
/// pairs, and for each block whether it was read so. A date label whose value is no date
/// means the blocks are no such pair.
fn labels_apart(blocks: &[Vec<&str>], asides: &[bool]) -> (Vec<(Label, String)>, Vec<bool>) {
    let mut pairs = Vec::new();
    let mut in_pairs = vec![false; blocks.len()];
    for k in 0..blocks.len().saturating_sub(1) {
        let labels: Option<Vec<Label>> = blocks[k]
            .iter()
            .map(|l| match patterns::label(&strip_markup(l)) {
                Some((label, "")) => Some(label),
                _ => None,
            })
            .collect();
        let values = &blocks[k + 1];
        let Some(labels) = labels.filter(|l| l.len() >= 2 && l.len() <= values.len()) else {
            continue;
        };
        if asides[k] != asides[k + 1]
            || values
                .iter()
                .any(|v| patterns::label(&strip_markup(v)).is_some())
        {
            continue;
        }
        let found: Vec<(Label, String)> = labels
            .iter()
            .enumerate()
            .map(|(n, &label)| {
                let lines = if n + 1 == labels.len() {
                    &values[n..]
                } else {
                    &values[n..=n]
                };
                let value: Vec<String> =
                    lines.iter().map(|v| strip_markup(v).into_owned()).collect();
                (label, value.join(" "))
            })
            .collect();
        if found
            .iter()
            .any(|(label, v)| *label == Label::Date && dates::find_full_date(v).is_none())
        {
            continue;
        }
        pairs.extend(found);
        in_pairs[k] = true;
        in_pairs[k + 1] = true;
    }
    (pairs, in_pairs)
}

/// The title line of a BNC-fiche, the Dutch government's form on a Commission proposal:
/// `Fiche 1: Wijziging verordeningen ...`.
fn fiche_title(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("Fiche ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let title = rest[digits..].strip_prefix(':')?.trim();
    (digits > 0 && digits <= 3 && !title.is_empty()).then_some(text)
}

/// `# NAME`, an all-caps line, or a list of names with `■` between them.
fn is_letterhead(raw: &str, text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    raw.starts_with('#')
        || text.contains('■')
        || (letters.len() >= 3
            && letters.iter().all(|c| c.is_uppercase())
            && !text.chars().any(|c| c.is_ascii_digit()))
}

/// `OFFLIMITS` -> `Offlimits`; mixed case is kept.
fn name_case(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        text.to_string()
    } else {
        title_case(text)
    }
}

/// The place written beside a date line (`Leiden, ` / `, Leiden`), `Some(None)` for a date
/// alone, `None` when the line says more than a date and a place.
fn place_beside_date(before: &str, after: &str) -> Option<Option<String>> {
    let clean = |s: &str| {
        // A weekday beside the date is no place: `Den Haag, dinsdag 3 februari 2025`.
        let mut words: Vec<&str> = s
            .split_whitespace()
            .filter(|w| !dates::is_weekday(w.trim_matches([',', '.'])))
            .collect();
        // French writes an article before the date: `Bruxelles, le 18 mai 2022`.
        if words.last() == Some(&"le") {
            words.pop();
        }
        words
            .join(" ")
            .trim_matches([',', '.', ' '])
            .trim()
            .to_string()
    };
    let (before, after) = (clean(before), clean(after));
    let place = match (before.is_empty(), after.is_empty()) {
        (true, true) => return Some(None),
        (false, true) => before,
        (true, false) => after,
        (false, false) => return None,
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    let is_place = words.len() <= 3
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || ["aan", "den", "de"].contains(w));
    is_place.then_some(Some(place))
}

/// The addressees in an address block: names and offices, without postal lines, `Aan` and
/// `T.a.v.`; a line starting in lower case continues the one before.
fn recipients(block: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A label alone on its line (`Datum`) has its value on the next: no addressee either.
    let mut value_next = false;
    for raw in block {
        let mut text = strip_markup(raw).into_owned();
        let label = patterns::label(&text);
        if std::mem::replace(&mut value_next, label.is_some_and(|(_, v)| v.is_empty())) {
            continue;
        }
        // A page's number over the address (`1`) is no addressee.
        let number = !text.trim().is_empty() && text.trim().bytes().all(|b| b.is_ascii_digit());
        if contact::is_contact(&text)
            || patterns::is_postal_line(&text)
            || label.is_some()
            || number
        {
            continue;
        }
        for prefix in ["aan ", "t.a.v. ", "t.a.v ", "attn: ", "attn. ", "to: "] {
            if text.to_lowercase().starts_with(prefix) {
                text = text[prefix.len()..].trim().to_string();
            }
        }
        if text.to_lowercase().starts_with("de ") && raw.to_lowercase().starts_with("aan de ") {
            text = text[3..].to_string();
        }
        let text = text.trim_end_matches([',', ';']).trim().to_string();
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if text.starts_with(|c: char| c.is_lowercase()) => {
                prev.push(' ');
                prev.push_str(&text);
            }
            _ => out.push(text),
        }
    }
    out
}

/// `Geachte woordvoerder,` -> `woordvoerder`.
fn salutation_addressee(salutation: &str) -> Option<String> {
    let rest = salutation.split_once(' ')?.1;
    let rest = rest
        .strip_prefix("heer ")
        .or_else(|| rest.strip_prefix("mevrouw "))
        .unwrap_or(rest);
    let name = rest.trim().trim_end_matches([',', ':', '!']).trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_beside_dates() {
        assert_eq!(
            place_beside_date("Leiden, ", ""),
            Some(Some("Leiden".into()))
        );
        assert_eq!(
            place_beside_date(" ", ", Den Haag "),
            Some(Some("Den Haag".into()))
        );
        assert_eq!(place_beside_date("", ""), Some(None));
        assert_eq!(place_beside_date("Op ", " vergaderde de raad"), None);
        assert_eq!(
            place_beside_date("Den Haag, dinsdag ", ""),
            Some(Some("Den Haag".into()))
        );
        assert_eq!(place_beside_date("maandag ", ""), Some(None));
        assert_eq!(
            place_beside_date("Bruxelles, le ", ""),
            Some(Some("Bruxelles".into()))
        );
    }

    #[test]
    fn addressees_from_blocks_and_salutations() {
        let block = [
            "Aan de Voorzitter van de Tweede Kamer",
            "der Staten-Generaal",
            "Postbus 20018",
            "2500 EA DEN HAAG",
        ];
        assert_eq!(
            recipients(&block),
            vec!["Voorzitter van de Tweede Kamer der Staten-Generaal"]
        );
        assert_eq!(
            salutation_addressee("Geachte woordvoerder,").as_deref(),
            Some("woordvoerder")
        );
    }
}
