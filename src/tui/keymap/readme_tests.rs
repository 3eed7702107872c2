//! The README's reader sections name every key the reader binds, as the help writes it.

use super::{BINDINGS, label};

/// The README's text about the reader: "The reader", and "Quoting, cue cards and overviews
/// in the reader".
fn reader_sections() -> String {
    let readme = include_str!("../../../README.md");
    let part = |from: &str, to: &str| -> String {
        let rest = readme.split(from).nth(1).expect(from);
        rest.split(to).next().unwrap_or(rest).to_string()
    };
    part("\n## The reader\n", "\n## Command-line reference")
        + &part(
            "\n### Quoting, cue cards and overviews in the reader\n",
            "\n### State and settings",
        )
}

/// The keys the README writes in backticks (`` `\|` `` is `|`), and digit ranges (`1`–`4`).
fn written_keys(text: &str) -> (Vec<String>, Vec<(u32, u32)>) {
    let parts: Vec<&str> = text.split('`').collect();
    let mut keys = Vec::new();
    let mut ranges = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            continue;
        }
        keys.push(part.replace("\\|", "|"));
        let next = parts.get(i + 2).and_then(|n| n.parse::<u32>().ok());
        if let (Ok(a), Some("–"), Some(b)) = (part.parse::<u32>(), parts.get(i + 1).copied(), next)
        {
            ranges.push((a, b));
        }
    }
    (keys, ranges)
}

#[test]
fn the_readme_names_every_key_of_the_reader() {
    let text = reader_sections();
    let (keys, ranges) = written_keys(&text);
    let mut missing = Vec::new();
    for b in BINDINGS.iter() {
        for key in b.keys {
            let name = label(key);
            let in_range = name
                .parse::<u32>()
                .is_ok_and(|d| ranges.iter().any(|&(a, z)| (a..=z).contains(&d)));
            if !in_range && !keys.contains(&name) {
                missing.push(format!("{:?} {name}: {}", b.context, b.help));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the README:\n{}",
        missing.join("\n")
    );
}
