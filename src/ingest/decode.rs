//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1252 for bytes
//! that are not UTF-8; line ends (CRLF, lone CR) become LF. Whatever had to be guessed or
//! replaced is reported as a warning.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text and what decoding noticed.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Whether the bytes start with a UTF-16 byte-order mark.
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Decodes `bytes` into text with LF line ends.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8_or_fallback(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, had_errors) = UTF_16LE.decode_without_bom_handling(rest);
        if had_errors {
            warnings.push("invalid UTF-16: replaced undecodable units with U+FFFD".to_string());
        }
        text.into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, had_errors) = UTF_16BE.decode_without_bom_handling(rest);
        if had_errors {
            warnings.push("invalid UTF-16: replaced undecodable units with U+FFFD".to_string());
        }
        text.into_owned()
    } else {
        utf8_or_fallback(bytes, &mut warnings)
    };
    Decoded {
        text: normalize_line_ends(text),
        warnings,
    }
}

fn utf8_or_fallback(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            // Windows-1252 maps every byte but five; text in it reads right when those five
            // (0x81, 0x8D, 0x8F, 0x90, 0x9D) are absent.
            if !bytes
                .iter()
                .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
            {
                warnings.push(format!(
                    "line {line}: not UTF-8 (byte 0x{:02X}); read as Windows-1252",
                    bytes[at]
                ));
                WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned()
            } else {
                warnings.push(format!(
                    "line {line}: not UTF-8 (byte 0x{:02X}); undecodable bytes replaced with U+FFFD",
                    bytes[at]
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
    }
}

fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped_and_line_ends_unified() {
        let d = decode(b"\xEF\xBB\xBFa\r\nb\rc\n");
        assert_eq!(d.text, "a\nb\nc\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let d = decode(b"caf\xE9 \x93quote\x94\n");
        assert_eq!(d.text, "café “quote”\n");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("Windows-1252"), "{:?}", d.warnings);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Geachte heer,\r\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, "Geachte heer,\n");
    }

    #[test]
    fn undecodable_bytes_become_replacement_characters() {
        let d = decode(b"a\x81b");
        assert_eq!(d.text, "a\u{FFFD}b");
        assert!(d.warnings[0].contains("U+FFFD"));
    }
}
