//! The publisher a cited note names by its own structure: a title's `| Publisher` or
//! `- Publisher` tail, a `(site.nl)`, else its URL's registered site.

use crate::model::Footnote;

/// A publisher a note names by its structure, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publisher {
    /// Written after the title: `... | Statista`, `... - NRC`.
    Named(String),
    /// A site: in brackets after the title (`... (nos.nl)`), else its first URL's.
    Site(String),
}

impl Publisher {
    pub(super) fn name(&self) -> &str {
        match self {
            Publisher::Named(n) | Publisher::Site(n) => n,
        }
    }
}

/// The publisher a note names by its own structure: a last ` | ` part (`WhatsApp penetration
/// rate in Europe 2023 | Statista`), a site in brackets at the end (`... (eerstekamer.nl)`), a
/// short capitalised last part after ` - ` (`... Parijs - NRC`), else the site of its first URL
/// (without `www.`). `None` when the note states none of these.
pub fn publisher(note: &Footnote) -> Option<Publisher> {
    let text = note.text.trim().trim_end_matches('.');
    let short = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && s.chars().count() <= 40
            && s.split_whitespace().count() <= 4
            && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_lowercase())
            && !s.contains("://")
    };
    if let Some((_, last)) = text.rsplit_once(" | ")
        && short(last)
    {
        return Some(Publisher::Named(last.trim().to_string()));
    }
    if let Some(inner) = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, i)| i)
        && is_site(inner)
    {
        return Some(Publisher::Site(inner.to_ascii_lowercase()));
    }
    // After a dash only a name: capitalised, without digits (`Recht op privacy - Artikel 16
    // Kinderrechtenverdrag` names a title's part, no publisher).
    if let Some((_, last)) = text.rsplit_once(" - ")
        && short(last)
        && last.trim().starts_with(char::is_uppercase)
        && !last.contains(|c: char| c.is_ascii_digit())
    {
        return Some(Publisher::Named(last.trim().to_string()));
    }
    let url = note.urls.first()?;
    let host = url
        .split_once("://")?
        .1
        .split(['/', '?', '#', ':'])
        .next()?;
    is_site(host).then(|| Publisher::Site(registered(host).to_ascii_lowercase()))
}

/// The domain a host name belongs to: `offlimits.nl` for `jaarverslag2023.offlimits.nl`,
/// `iwf.org.uk` for `www.iwf.org.uk` (a second level such as `org.uk` keeps three labels).
fn registered(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let second_level = ["co", "org", "ac", "gov", "com", "net", "edu"];
    let keep = if labels.len() >= 3 && second_level.contains(&labels[labels.len() - 2]) {
        3
    } else {
        2
    };
    let skip: usize = labels[..labels.len().saturating_sub(keep)]
        .iter()
        .map(|l| l.len() + 1)
        .sum();
    &host[skip..]
}

/// `nos.nl`, `missingkids.org`, `Rijksoverheid.nl`: a host name of letters, digits and hyphens
/// with a dot and a top-level domain of letters.
fn is_site(s: &str) -> bool {
    let Some((name, tld)) = s.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// Whether an organisation's name is the one a site stands for: `Bits of Freedom` for
/// `bitsoffreedom.nl`, `Offlimits` for `jaarverslag2023.offlimits.nl`.
pub(super) fn names_site(name: &str, site: &str) -> bool {
    let squeezed: String = crate::text::fold_str(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let labels: Vec<&str> = site.split('.').collect();
    squeezed.len() >= 3
        && labels[..labels.len().saturating_sub(1)]
            .iter()
            .any(|l| l.eq_ignore_ascii_case(&squeezed))
}
