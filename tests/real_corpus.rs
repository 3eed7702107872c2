//! The real corpus (`tests/real/`): documents nobody on the team wrote, in the forms people
//! have them (PDF, DOCX/ODT, HTML, and text made from them by pdftotext, PyMuPDF, a browser's
//! copy, a website's Markdown), each scored against truth probes written by reading the
//! document. Every file is read through the real entry point, `ingest::read_file`, and must
//! score at least the floor its probe file states, so a regression fails here.
//!
//! `cargo test --test real_corpus -- --nocapture` prints the table per file and per kind of
//! probe (`scripts/score_real.sh`); `REAL_CORPUS_FAILURES=1` also lists each failed probe,
//! `REAL_CORPUS_ONLY=text` limits the run to files whose name holds `text`.

#[path = "real_corpus/probes.rs"]
mod probes;
#[path = "real_corpus/score.rs"]
mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use probes::ProbeFile;
use score::{KINDS, Outcome};

fn real_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real")
}

/// Every probe file, sorted by name.
fn probe_files() -> Vec<(String, ProbeFile)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(real_dir())
        .expect("tests/real exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".probes.toml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("probe file reads");
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let probes = ProbeFile::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.trim_end_matches(".probes.toml").to_string(), probes)
        })
        .collect()
}

/// What made the file: the converter of a text form, or the original's format.
fn form_kind(file: &str) -> &'static str {
    const KNOWN: [(&str, &str); 11] = [
        (".pdftotext.txt", "pdftotext"),
        (".raw.txt", "PDF text, other tool"),
        (".layout.txt", "pdftotext -layout"),
        (".pymupdf.txt", "PyMuPDF"),
        (".web.txt", "web copy"),
        (".md", "Markdown site"),
        (".pdf", "PDF"),
        (".docx", "DOCX"),
        (".odt", "ODT"),
        (".html", "HTML"),
        (".htm", "HTML"),
    ];
    KNOWN
        .iter()
        .find(|(end, _)| file.ends_with(end))
        .map_or("other", |(_, kind)| kind)
}

fn is_text_form(kind: &str) -> bool {
    !matches!(kind, "PDF" | "DOCX" | "ODT" | "HTML")
}

struct Scored {
    document: String,
    file: String,
    kind: &'static str,
    floor: f64,
    outcomes: Vec<Outcome>,
    error: Option<String>,
}

fn score_all() -> Vec<Scored> {
    let only = std::env::var("REAL_CORPUS_ONLY").unwrap_or_default();
    let mut scored = Vec::new();
    for (document, probes) in probe_files() {
        for form in &probes.forms {
            if !form.file.contains(&only) {
                continue;
            }
            let path = real_dir().join(&form.file);
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (named in {document})", form.file));
            let id = form.file.split('.').next().unwrap_or("letter");
            let extension = Path::new(&form.file).extension().and_then(|e| e.to_str());
            let read = brieven::ingest::read_file(id, &form.file, extension, &bytes);
            let outcomes = score::evaluate(&probes, read.as_ref().ok());
            scored.push(Scored {
                document: document.clone(),
                file: form.file.clone(),
                kind: form_kind(&form.file),
                floor: form.floor,
                outcomes,
                error: read.err().map(|e| e.to_string()),
            });
        }
    }
    scored
}

fn pct(passed: usize, total: usize) -> String {
    if total == 0 {
        "–".to_string()
    } else {
        format!("{:.0}%", 100.0 * passed as f64 / total as f64)
    }
}

fn count(outcomes: &[Outcome]) -> (usize, usize) {
    (outcomes.iter().filter(|o| o.passed).count(), outcomes.len())
}

/// The table, in Markdown: per file, per kind of probe, and totals for text forms and
/// originals.
fn table(scored: &[Scored]) -> String {
    let mut t = String::new();
    t.push_str("| document | file (made by) | probes passed | score | floor |\n");
    t.push_str("| --- | --- | --- | --- | --- |\n");
    for s in scored {
        let (p, n) = count(&s.outcomes);
        let note = s
            .error
            .as_ref()
            .map_or(String::new(), |e| format!(" (not read: {e})"));
        t.push_str(&format!(
            "| {} | {} ({}){} | {p}/{n} | {} | {:.0}% |\n",
            s.document,
            s.file,
            s.kind,
            note,
            pct(p, n),
            100.0 * s.floor
        ));
    }
    t.push('\n');
    let mut header = String::from("| probes on |");
    let mut rule = String::from("| --- |");
    for k in KINDS {
        header.push_str(&format!(" {k} |"));
        rule.push_str(" --- |");
    }
    header.push_str(" all |\n");
    rule.push_str(" --- |\n");
    t.push_str(&header);
    t.push_str(&rule);
    let mut groups: BTreeMap<&str, Vec<&Outcome>> = BTreeMap::new();
    for s in scored {
        let group = if is_text_form(s.kind) {
            "text forms"
        } else {
            "originals"
        };
        groups.entry(group).or_default().extend(s.outcomes.iter());
        groups.entry(s.kind).or_default().extend(s.outcomes.iter());
    }
    for (group, outcomes) in groups.iter().rev() {
        t.push_str(&format!("| {group} |"));
        for k in KINDS {
            let of: Vec<&&Outcome> = outcomes.iter().filter(|o| o.kind == k).collect();
            let p = of.iter().filter(|o| o.passed).count();
            t.push_str(&format!(" {} |", pct(p, of.len())));
        }
        let p = outcomes.iter().filter(|o| o.passed).count();
        t.push_str(&format!(
            " {} ({p}/{}) |\n",
            pct(p, outcomes.len()),
            outcomes.len()
        ));
    }
    t
}

#[test]
fn every_file_scores_at_least_its_floor() {
    let scored = score_all();
    println!("{}", table(&scored));
    let failures = std::env::var_os("REAL_CORPUS_FAILURES").is_some();
    let mut below = Vec::new();
    for s in &scored {
        if failures {
            for o in s.outcomes.iter().filter(|o| !o.passed) {
                println!("{}: {} failed: {}", s.file, o.kind, o.what);
            }
        }
        let share = score::share(&s.outcomes);
        // Floors are written to whole percents; a hair below is rounding, not a regression.
        if share + 1e-9 < s.floor {
            below.push(format!(
                "{}: {:.1}% is below its floor {:.1}%",
                s.file,
                100.0 * share,
                100.0 * s.floor
            ));
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}

/// The harness itself: every file it names exists, every document has probes, and a wrong
/// probe fails where the right one passes.
#[test]
fn the_probes_can_fail() {
    let files = probe_files();
    assert!(!files.is_empty(), "no probe files in tests/real");
    for (name, p) in &files {
        assert!(!p.forms.is_empty(), "{name}: no forms");
        for f in &p.forms {
            assert!(
                real_dir().join(&f.file).exists(),
                "{name}: {} missing",
                f.file
            );
            assert!((0.0..=1.0).contains(&f.floor), "{name}: floor out of range");
        }
    }
    let letter = brieven::ingest::parse_text(
        "probe",
        "probe",
        "Den Haag, 3 februari 2023\n\nGeachte voorzitter,\n\nDit is een zin die over\ntwee regels loopt.\n\nEen tweede alinea.\n",
    );
    let right = ProbeFile::parse(
        "forms = []\ntogether = [\"zin die over twee regels\"]\n\
         apart = [[\"Dit is\", \"tweede alinea\"]]\nabsent = [\"Pagina\"]\n\
         [meta]\ndate = \"2023-02-03\"\nplace = \"den  haag\"\n",
    )
    .unwrap();
    let outcomes = score::evaluate(&right, Some(&letter));
    assert!(outcomes.iter().all(|o| o.passed), "{outcomes:?}");
    let wrong = ProbeFile::parse(
        "forms = []\ntogether = [\"twee regels loopt. Een tweede\"]\n\
         apart = [[\"Dit is\", \"twee regels\"]]\nabsent = [\"tweede alinea\"]\n\
         [meta]\ndate = \"2023-02-04\"\nplace = \"Utrecht\"\n",
    )
    .unwrap();
    let outcomes = score::evaluate(&wrong, Some(&letter));
    assert!(outcomes.iter().all(|o| !o.passed), "{outcomes:?}");
    assert!(score::evaluate(&right, None).iter().all(|o| !o.passed));
}
