//! Copying to the clipboard through the terminal with OSC 52 (`ESC ] 52 ; c ; base64 BEL`),
//! which works over SSH and inside tmux (with `set-clipboard on`) because it needs no display
//! server. The reader's `y` and `Y` write [`osc52`] to the terminal; this module only builds
//! and reads the sequence, it never writes anything.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The payload size (base64 bytes) beyond which some terminals drop the sequence (xterm's and
/// hterm's limits are near 100 kB); longer text is still sent, but callers may warn.
pub const OSC52_SAFE_LEN: usize = 74_994;

/// How the sequence travels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Osc52Route {
    /// Straight to the terminal (and to tmux, which passes it on with `set-clipboard on`).
    #[default]
    Direct,
    /// Wrapped in tmux's DCS passthrough, for tmux with `allow-passthrough on` but
    /// `set-clipboard off`.
    TmuxPassthrough,
}

/// The OSC 52 sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    osc52_via(text, Osc52Route::Direct)
}

/// [`osc52`] along a route.
pub fn osc52_via(text: &str, route: Osc52Route) -> String {
    let payload = STANDARD.encode(text.as_bytes());
    match route {
        Osc52Route::Direct => format!("\x1b]52;c;{payload}\x07"),
        Osc52Route::TmuxPassthrough => format!("\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\"),
    }
}

/// Whether the text would make a payload longer than [`OSC52_SAFE_LEN`].
pub fn too_long_for_osc52(text: &str) -> bool {
    text.len().div_ceil(3) * 4 > OSC52_SAFE_LEN
}

/// The text of every OSC 52 clipboard write in `output` (terminal output, as a test reads
/// it), in order; payloads that are not base64 of UTF-8 are skipped.
pub fn decode_osc52(output: &str) -> Vec<String> {
    output
        .split("\x1b]52;")
        .skip(1)
        .filter_map(|rest| {
            let (_selection, rest) = rest.split_once(';')?;
            let end = rest.find(['\x07', '\x1b'])?;
            let bytes = STANDARD.decode(&rest[..end]).ok()?;
            String::from_utf8(bytes).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_round_trips_through_osc52() {
        let citation = "“Detectie schaadt de privacy.” — Offlimits, brief aan de Minister e.a., 18 september 2024, ¶ 4";
        let seq = osc52(citation);
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
        assert_eq!(decode_osc52(&format!("junk{seq}more")), [citation]);
        let tmux = osc52_via(citation, Osc52Route::TmuxPassthrough);
        assert!(tmux.starts_with("\x1bPtmux;\x1b\x1b]52;c;") && tmux.ends_with("\x07\x1b\\"));
        assert_eq!(decode_osc52(&tmux), [citation]);
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn long_text_is_flagged() {
        assert!(!too_long_for_osc52(&"a".repeat(50_000)));
        assert!(too_long_for_osc52(&"a".repeat(60_000)));
    }
}
