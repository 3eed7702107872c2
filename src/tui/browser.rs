//! Opening a note's URL in the browser: the platform's opener (`xdg-open`, `open`) started
//! directly with the URL as its one argument, never through a shell, its output to null so
//! the screen stays intact, and waited for on a thread of its own so the reader never blocks.

use std::io;
use std::process::{Command, Stdio};

/// The program that opens URLs on this platform.
fn opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

/// Starts the browser on `url` (already checked to be http or https).
pub fn open(url: &str) -> io::Result<()> {
    let mut child = Command::new(opener())
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    // Reap it when it ends, without waiting here.
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
