//! Evaluates a document's probes against the letter brieven made of one of its files.
//!
//! Matching is tolerant but honest: text is compared without regard to case, runs of white
//! space, soft hyphens and the kind of dash or quote; a leading article (`de`, `het`, `the`)
//! of a recipient and the title of a signatory (`drs.`) are optional; references are compared without any white space (a kerned
//! `I E NW/BSK` is not the reference `IENW/BSK`); dates are exact. A footnote probe passes only
//! if the note with that number holds the text part and every URL; a marker probe only if the
//! note number stands in a paragraph right after the given words; a file that gives no letter
//! fails every probe.

use brieven::model::Letter;

use crate::probes::ProbeFile;

/// The kinds of probe, in the table's column order.
pub const KINDS: [&str; 13] = [
    "date",
    "place",
    "sender",
    "recipient",
    "signatory",
    "subject",
    "reference",
    "heading",
    "footnote",
    "marker",
    "together",
    "apart",
    "absent",
];

/// One probe's outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub kind: &'static str,
    /// What was probed, for a failure report.
    pub what: String,
    pub passed: bool,
}

/// Lower case, one space for every run of white space, no soft hyphens, one kind of dash and
/// quote, no white space at the ends.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{ad}' | '\u{200b}' => continue,
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            '‘' | '’' | '‚' | '`' | '´' => '\'',
            '“' | '”' | '„' => '"',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `norm` without trailing punctuation: for the words before a marker.
fn norm_words(s: &str) -> String {
    let n = norm(s);
    n.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
        .to_string()
}

fn without_article(s: &str) -> &str {
    ["de ", "het ", "the "]
        .iter()
        .find_map(|a| s.strip_prefix(a))
        .unwrap_or(s)
}

fn same(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

/// A name without the academic or professional title before it (`drs.`, `mr.`, `prof. dr.`).
fn without_titles(s: &str) -> &str {
    let mut s = s;
    while let Some(rest) = ["drs. ", "dr. ", "mr. ", "ir. ", "ing. ", "prof. ", "dr "]
        .iter()
        .find_map(|t| s.strip_prefix(t))
    {
        s = rest;
    }
    s
}

/// A kind of name probe: the names wanted, the names found, what may be left off a name.
type NameList<'a> = (&'static str, &'a [String], &'a [String], fn(&str) -> &str);

/// Every probe of `probes` against what reading one file gave.
pub fn evaluate(probes: &ProbeFile, letter: Option<&Letter>) -> Vec<Outcome> {
    let mut out = Vec::new();
    let mut push =
        |kind: &'static str, what: String, passed: bool| out.push(Outcome { kind, what, passed });
    let empty = Letter::default();
    let l = letter.unwrap_or(&empty);
    let m = &probes.meta;
    if let Some(date) = &m.date {
        push(
            "date",
            date.clone(),
            l.date.map(|d| d.to_string()).as_deref() == Some(date.as_str()),
        );
    }
    let fields = [
        ("place", &m.place, &l.place),
        ("sender", &m.sender, &l.sender),
        ("subject", &m.subject, &l.subject),
    ];
    for (kind, want, got) in fields {
        if let Some(want) = want {
            let passed = got
                .as_deref()
                .is_some_and(|g| want.values().iter().any(|v| same(g, v)));
            push(kind, want.values().join(" | "), passed);
        }
    }
    if let Some(p) = &m.reference {
        let squeeze = |s: &str| norm(s).replace(' ', "");
        let passed = l
            .reference
            .as_deref()
            .is_some_and(|r| p.values().iter().any(|v| squeeze(v) == squeeze(r)));
        push("reference", p.values().join(" | "), passed);
    }
    // One probe per name listed; what may be left off a name is stripped from both sides.
    let lists: [NameList; 2] = [
        (
            "recipient",
            &m.recipients[..],
            &l.recipients[..],
            without_article,
        ),
        (
            "signatory",
            &m.signatories[..],
            &l.signed_by[..],
            without_titles,
        ),
    ];
    for (kind, wanted, got, strip) in lists {
        for w in wanted {
            let want = norm(w);
            let passed = got.iter().any(|g| strip(&norm(g)) == strip(&want));
            push(kind, w.clone(), passed);
        }
    }

    // Headings: each found as a heading after the one found before it.
    // An act's labelled division is one heading, `Article 1 — Scope`, where the page set its
    // label and title as two: both count, in their order.
    let found: Vec<String> = l
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let heading = s.heading.as_deref().unwrap_or_default();
            match l.division(i).and_then(|d| d.title.as_ref()) {
                Some(title) => match heading.strip_suffix(title.as_str()) {
                    Some(label) => vec![norm(label.trim_end_matches([' ', '—'])), norm(title)],
                    None => vec![norm(heading)],
                },
                None => s.heading.as_deref().map(norm).into_iter().collect(),
            }
        })
        .collect();
    let mut from = 0;
    for h in &probes.headings {
        let want = norm(h);
        match found[from..].iter().position(|f| *f == want) {
            Some(i) => {
                from += i + 1;
                push("heading", h.clone(), true);
            }
            None => push("heading", h.clone(), false),
        }
    }

    for f in &probes.footnotes {
        let passed = l.footnote(f.number).is_some_and(|note| {
            norm(&note.text).contains(&norm(&f.text))
                && f.urls.iter().all(|u| note.urls.iter().any(|g| g == u))
        });
        push("footnote", format!("{}: {}", f.number, f.text), passed);
    }

    let paragraphs: Vec<&brieven::model::Paragraph> = l.paragraphs().map(|(_, _, p)| p).collect();
    for mk in &probes.markers {
        let want = norm_words(&mk.after);
        let passed = paragraphs.iter().any(|p| {
            p.notes.iter().any(|r| {
                r.number == mk.number && {
                    let before: String = p.text.chars().take(r.at).collect();
                    norm_words(&before).ends_with(&want)
                }
            })
        });
        push(
            "marker",
            format!("{} after {:?}", mk.number, mk.after),
            passed,
        );
    }

    let texts: Vec<String> = paragraphs.iter().map(|p| norm(&p.text)).collect();
    for t in &probes.together {
        let want = norm(t);
        push(
            "together",
            t.clone(),
            texts.iter().any(|p| p.contains(&want)),
        );
    }
    for [a, b] in &probes.apart {
        let (a_n, b_n) = (norm(a), norm(b));
        let has_a = texts.iter().any(|p| p.contains(&a_n));
        let has_b = texts.iter().any(|p| p.contains(&b_n));
        let joined = texts.iter().any(|p| p.contains(&a_n) && p.contains(&b_n));
        push("apart", format!("{a:?} / {b:?}"), has_a && has_b && !joined);
    }
    let headings = found;
    for t in &probes.absent {
        let want = norm(t);
        // An empty body holds no furniture, but it is no success either.
        let passed = !texts.is_empty()
            && !texts
                .iter()
                .chain(headings.iter())
                .any(|p| p.contains(&want));
        push("absent", t.clone(), passed);
    }
    out
}

/// The share of probes passed, 0 to 1 (1 for a file without probes).
pub fn share(outcomes: &[Outcome]) -> f64 {
    if outcomes.is_empty() {
        return 1.0;
    }
    outcomes.iter().filter(|o| o.passed).count() as f64 / outcomes.len() as f64
}
