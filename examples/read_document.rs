//! Prints the document a reader makes of a file, before the passes: each line with the role,
//! page and weight its format states, then the notes. For developing readers:
//!
//! cargo run --example read_document -- FILE
use brieven::ingest::read;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_document FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let ext = std::path::Path::new(&path)
        .extension()
        .and_then(|e| e.to_str());
    if std::env::var_os("ROWS").is_some() {
        match read::pdf::debug_rows(&bytes) {
            Ok(rows) => print!("{rows}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
        return;
    }
    let doc = match read::read(ext, &bytes) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    for (i, line) in doc.text.split('\n').enumerate() {
        let info = doc.info(i);
        let line = brieven::text::sanitize(line);
        let line = line.replace(['\u{E000}', '\u{E001}'], "^");
        println!(
            "{:<12} p{:<3} {} | {line}",
            format!("{:?}", info.role),
            info.page,
            if info.bold { "b" } else { " " }
        );
    }
    for note in doc.notes.iter().flatten() {
        println!(
            "note {} (p. {:?}): {} {:?}",
            note.number,
            note.page,
            brieven::text::sanitize(&note.text),
            note.urls
        );
    }
    for w in &doc.warnings {
        println!("warning: {w}");
    }
}
