//! The JSON forms the CLI prints, built with serde from the model (the CLI streams them to
//! stdout).

use serde::Serialize;

use crate::model::Letter;

/// `brieven export`: `{"letters": [...]}`.
#[derive(Debug, Serialize)]
pub struct LettersExport<'a> {
    pub letters: &'a [Letter],
}

/// Writes `value` as JSON (indented when `pretty`) with every character that must not reach a
/// terminal raw escaped as `\uXXXX`: serde_json escapes the C0 controls only, so C1 controls,
/// DEL and bidi overrides from a file name, a sidecar or a cache would pass through. A reader
/// of the JSON gets the same strings back.
pub fn write_json<W: std::io::Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    let written = if pretty {
        let mut ser = serde_json::Serializer::with_formatter(
            out,
            Escaping(serde_json::ser::PrettyFormatter::new()),
        );
        value.serialize(&mut ser)
    } else {
        let mut ser = serde_json::Serializer::with_formatter(
            out,
            Escaping(serde_json::ser::CompactFormatter),
        );
        value.serialize(&mut ser)
    };
    written.map_err(std::io::Error::from)
}

/// [`write_json`], indented, as a string.
pub fn to_json_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_json(&mut out, value, true).map_err(serde_json::Error::io)?;
    // serde_json writes UTF-8 only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// A JSON formatter that writes as `F` does but escapes unsafe characters in strings.
struct Escaping<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        w.write_all(crate::text::escape_unsafe_in_json(fragment).as_bytes())
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn c1_del_and_bidi_controls_are_escaped_and_read_back_the_same() {
        let value = serde_json::json!({ "t\u{9b}": ["a\u{85}b\u{7f}\u{202e}c\u{2066}\x1b", 1] });
        for pretty in [false, true] {
            let mut out = Vec::new();
            super::write_json(&mut out, &value, pretty).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(!text.chars().any(crate::text::is_unsafe_char), "{text:?}");
            assert!(
                text.contains("a\\u0085b\\u007f\\u202ec\\u2066\\u001b"),
                "{text}"
            );
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, value);
        }
    }
}
