//! Copying to the clipboard through the terminal with OSC 52 (`ESC ] 52 ; c ; base64 BEL`),
//! which works over SSH and inside tmux (with `set-clipboard on`) because it needs no display
//! server. The reader's `y` and `Y` write [`osc52`] to the terminal; this module only builds
//! and reads the sequence, it never writes anything.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The longest OSC 52 sequence sent, in bytes. Terminals cap what they take and drop (or cut)
/// a longer copy without telling: hterm's and the osc52.vim plugin's limit is 100,000 bytes,
/// xterm and tmux take more (tmux buffers up to 1 MiB of a sequence), some take much less
/// (termux about 7 kB). 100,000 is what most terminals accept.
pub const OSC52_MAX_SEQUENCE: usize = 100_000;

/// The most bytes of text whose [`osc52`] sequence stays within [`OSC52_MAX_SEQUENCE`]: the
/// sequence is `ESC ] 52 ; c ;` (7 bytes), the text in base64 (4 bytes per 3), and `BEL`.
pub const OSC52_MAX_TEXT: usize = (OSC52_MAX_SEQUENCE - 8) / 4 * 3;

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

/// Whether the text would make a sequence longer than [`OSC52_MAX_SEQUENCE`].
pub fn too_long_for_osc52(text: &str) -> bool {
    text.len() > OSC52_MAX_TEXT
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
    fn long_text_is_flagged_where_its_sequence_passes_the_limit() {
        assert_eq!(OSC52_MAX_TEXT, 74_994);
        let longest = "a".repeat(OSC52_MAX_TEXT);
        assert!(!too_long_for_osc52(&longest));
        assert!(osc52(&longest).len() <= OSC52_MAX_SEQUENCE);
        let longer = "a".repeat(OSC52_MAX_TEXT + 3);
        assert!(too_long_for_osc52(&longer));
        assert!(osc52(&longer).len() > OSC52_MAX_SEQUENCE);
    }
}
