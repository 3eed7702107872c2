//! Contact lines: the letterhead's and the footer's addresses, phones, e-mail and web
//! addresses, registry numbers, told line by line by [`is_contact`]: a cheap look at the byte
//! pairs a clue needs first, then the clues themselves.

use super::patterns::{postal_city, starts_with_ignore_case};
use super::scan::{self, Bytes};

/// A line of contact details: e-mail, web address, phone, postcode, PO box, KvK or IBAN, or
/// a letterhead list with `■` separators. Sentences are not contact lines.
pub fn is_contact(text: &str) -> bool {
    let short = text.len() <= 140 || (text.len() <= 560 && text.chars().count() <= 140);
    short && may_be_contact(text) && has_contact_clues(text)
}

/// The clues of [`is_contact`], looked for one by one (most lines are ruled out before, by
/// [`may_be_contact`]).
fn has_contact_clues(text: &str) -> bool {
    let word_count = text.split_whitespace().count();
    let bullet_list = text.contains('■');
    if word_count > 6 && text.ends_with('.') && !bullet_list {
        return false; // a sentence
    }
    let mut words = text.split_whitespace();
    let email_or_web = words.any(|w| {
        w.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
            || w.starts_with("www.")
            || w.starts_with("http://")
            || w.starts_with("https://")
    });
    let ci = |needle: &str| {
        text.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    // A sentence that mentions a phone (`Ad 1, vanaf de mobiele telefoon.`) gives no number.
    let sentence_without_number =
        text.ends_with('.') && text.bytes().filter(u8::is_ascii_digit).count() < 6;
    let phone =
        text.contains("+31") || ((ci("tel.") || ci("telefoon")) && !sentence_without_number);
    let registry = ci("kvk") || ci("iban") || ci("btw");
    let po_box =
        starts_with_ignore_case(text, "postbus") || starts_with_ignore_case(text, "p.o. box");
    let address = (bullet_list || word_count <= 8) && postal_city(text).is_some();
    email_or_web || phone || registry || po_box || address
}

/// A necessary condition for [`is_contact`]: one of its clues as `is_contact` looks for them
/// (`@`; `+31`, `tel.`, `telefoon`, `kvk`, `iban`, `btw` anywhere in any case; `www.`, `http://`,
/// `https://` at the start of a word; `postbus`, `p.o. box` at the start), or what a Dutch
/// postcode with a city needs ([`postal_city`]). One pass over the byte pairs: only a pair that
/// a clue holds ([`is_clue_pair`]) leads to a closer look, which in running text is rare.
fn may_be_contact(text: &str) -> bool {
    if starts_like_po_box(text) {
        return true;
    }
    let mut from = 0;
    while let Some(i) = scan::find_pair(text.as_bytes(), from, is_clue_pair) {
        let (clue, next) = clue_at(text, i);
        if clue {
            return true;
        }
        from = next;
    }
    false
}

/// `postbus` or `p.o. box` at the start, in any case.
fn starts_like_po_box(text: &str) -> bool {
    starts_with_ignore_case(text, "postbus") || starts_with_ignore_case(text, "p.o. box")
}

/// Whether the pair at byte `i` of `text` that [`is_clue_pair`] holds for starts a clue; and
/// the byte the search for the next goes on from.
fn clue_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // Whether `word` stands at byte `at` (in any case).
    let word_at = |at: usize, word: &str| {
        bytes
            .get(at..)
            .is_some_and(|rest| starts_with_ignore_case_bytes(rest, word.as_bytes()))
    };
    let word_start = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    };
    let clue = match bytes[i] {
        b'0'..=b'9' => {
            if i > 0 && bytes[i - 1].is_ascii_digit() {
                return (false, i + 1); // inside a run of digits looked at from its start
            }
            let end = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .map_or(bytes.len(), |n| i + n);
            return (end - i == 4 && postcode_follows(&text[end..]), end);
        }
        b'@' => true,
        b'+' => word_at(i, "+31"),
        b'w' => bytes[i..].starts_with(b"www.") && word_start(i),
        // `http`: the pair is its `tp`.
        b't' => {
            i >= 2
                && (bytes[i - 2..].starts_with(b"http://")
                    || bytes[i - 2..].starts_with(b"https://"))
                && word_start(i - 2)
        }
        // `tel.`: its `l.`; `telefoon`: its `fo`.
        b'l' | b'L' => i >= 2 && word_at(i - 2, "tel."),
        b'f' | b'F' => i >= 4 && word_at(i - 4, "telefoon"),
        b'k' | b'K' => word_at(i, "kvk"),
        b'i' | b'I' => word_at(i, "iban"),
        _ => word_at(i, "btw"),
    };
    (clue, i + 1)
}

/// Whether the bytes `a`, `b` can hold a contact clue: `@` and any byte, `+3`, `ww`, `tp` (of
/// `http`), and in either case `l.` (of `tel.`), `fo` (of `telefoon`), `kv`, `ib`, `bt`; or two
/// digits. The pairs are rare in running text (`te` and `ht` are not: `tegen`, `recht`), and
/// the test is made of comparisons, so that [`scan::find_pair`] is vectorised.
fn is_clue_pair<B: Bytes>(a: B, b: B) -> B::Mask {
    let (la, lb) = (a.lower(), b.lower());
    a.is(b'@')
        | (a.is(b'+') & b.is(b'3'))
        | (a.is(b'w') & b.is(b'w'))
        | (a.is(b't') & b.is(b'p'))
        | (la.is(b'l') & b.is(b'.'))
        | (la.is(b'f') & lb.is(b'o'))
        | (la.is(b'k') & lb.is(b'v'))
        | (la.is(b'i') & lb.is(b'b'))
        | (la.is(b'b') & lb.is(b't'))
        | (a.within(b'0', b'9') & b.within(b'0', b'9'))
}

/// Whether `bytes` start with the ASCII `word`, in any case.
fn starts_with_ignore_case_bytes(bytes: &[u8], word: &[u8]) -> bool {
    bytes
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
}

/// Whether what follows a run of exactly four digits makes a postcode with a city: white space,
/// two capitals and white space again (`2500 EH Den Haag`), as [`postal_city`] needs it.
fn postcode_follows(rest: &str) -> bool {
    let letters = rest.trim_start();
    letters.len() < rest.len()
        && letters
            .as_bytes()
            .get(..2)
            .is_some_and(|l| l.iter().all(u8::is_ascii_uppercase))
        && letters[2..].starts_with(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_lines_but_not_sentences() {
        assert!(is_contact(
            "Nieuwezijds Voorburgwal 120 III, 1012 SH Amsterdam ■ +31 20 261 52 32"
        ));
        assert!(is_contact(
            "info@example.nl ■ www.example.nl ■ KvK 412 17 108"
        ));
        assert!(is_contact("Postbus 20301"));
        assert!(is_contact("2500 EH Den Haag"));
        assert!(!is_contact(
            "Lees meer over ons werk op www.example.nl en in ons jaarverslag."
        ));
        assert!(!is_contact("Offlimits"));
        assert!(is_contact("Tel. 070 123 45 67"));
        assert!(is_contact(
            "Bezoekadres: Turfmarkt 147 ■ IBAN NL00 BANK 0123 4567 89"
        ));
        assert!(is_contact("zie https://example.nl"));
        assert!(!is_contact("zie xhttps://example.nl"));
        // A sentence that names a phone gives no number; a label with one does.
        assert!(!is_contact("Ad 1, vanaf de mobiele telefoon."));
        assert!(is_contact("Telefoon 070 123 45 67."));
    }

    /// [`may_be_contact`] only rules lines out that the clues themselves would rule out: on
    /// every line of the seed letters, and on lines made to sit at the edges of its pair table
    /// (clues at the start, at the end, after non-ASCII white space, inside digit runs).
    #[test]
    fn the_contact_prefilter_loses_no_contact_line() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut lines: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(dir).expect("seeds/") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("seed letter");
                lines.extend(text.lines().map(str::to_owned));
            }
        }
        lines.extend(
            [
                "www.example.nl",
                "\u{a0}www.example.nl",
                "WWW.EXAMPLE.NL en meer",
                "a@b.nl",
                "x @b.nl",
                "+31",
                "TELEFOON",
                "hotel.",
                "Kvk",
                "Ibaniez",
                "BTW",
                "postbus 1",
                "P.O. Box 1",
                "12345 AB Stad",
                "1234 AB Stad",
                "x1234 AB Stad",
                "nr 1234 AB  Den Haag",
                "99 1234 AB Stad",
                "1234\u{3000}AB Stad",
                "Telefoonnummer: 06",
            ]
            .map(str::to_owned),
        );
        assert!(
            lines.len() > 500,
            "the seeds hold more lines than {}",
            lines.len()
        );
        let mut contacts = 0;
        for line in &lines {
            let clues = has_contact_clues(line);
            assert!(may_be_contact(line) || !clues, "prefilter drops {line:?}");
            contacts += usize::from(clues);
        }
        assert!(
            contacts >= 20,
            "only {contacts} contact lines: the test looks at too few"
        );
    }
}
