//! Which note URLs may be opened: only `http` and `https`, with a host, and without spaces or
//! control characters, so a letter can never make the reader's `o` run a program, open a local
//! file or pass options to the browser. The opening itself (a crate that starts the browser
//! without a shell) is the reader's.

use std::fmt;

/// Why a URL is not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Another scheme (`file:`, `javascript:`, `mailto:`, ...), or none.
    NotHttp(String),
    /// An http or https URL without `//` after its scheme, without a host, or with spaces or
    /// control characters in it.
    Malformed(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |u: &str| crate::text::sanitize(u).into_owned();
        match self {
            LinkError::NotHttp(u) => write!(f, "not an http or https link: {}", shown(u)),
            LinkError::Malformed(u) => write!(f, "not a well-formed link: {}", shown(u)),
        }
    }
}

impl std::error::Error for LinkError {}

/// `url` (trimmed) when it may be opened. A URL whose scheme is http or https is malformed,
/// not of another scheme, when what follows it is wrong (`https:/x`, `https:///etc/passwd`).
pub fn openable_url(url: &str) -> Result<&str, LinkError> {
    let url = url.trim();
    let web =
        |scheme: &str| scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let Some((_, after)) = url.split_once(':').filter(|(scheme, _)| web(scheme)) else {
        return Err(LinkError::NotHttp(url.to_string()));
    };
    let Some(rest) = after.strip_prefix("//") else {
        return Err(LinkError::Malformed(url.to_string()));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || crate::text::is_unsafe_char(c);
    if host.is_empty() || host.starts_with('-') || url.chars().any(bad_char) {
        return Err(LinkError::Malformed(url.to_string()));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_open() {
        for ok in [
            "https://www.bitsoffreedom.nl/x.pdf",
            " http://example.org ",
            "HTTPS://example.org/a?b=c#d",
        ] {
            assert_eq!(openable_url(ok), Ok(ok.trim()));
        }
        for not_http in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "mailto:a@b.nl",
            "www.example.org",
            "ftp://x.org",
        ] {
            assert!(
                matches!(openable_url(not_http), Err(LinkError::NotHttp(_))),
                "{not_http}"
            );
        }
        for bad in [
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://x.org/\x1b]52",
            "https://-x.org",
            "https://x.org/\u{202E}",
        ] {
            assert!(
                matches!(openable_url(bad), Err(LinkError::Malformed(_))),
                "{bad:?}"
            );
        }
        assert!(
            !LinkError::Malformed("https://x/\x1b".into())
                .to_string()
                .contains('\x1b')
        );
    }

    #[test]
    fn a_web_address_written_wrong_is_malformed_not_of_another_scheme() {
        for bad in [
            "https:///etc/passwd",
            "https:/example.org",
            "http:example.org",
            "HTTPS:\\\\example.org",
            "https:x://example.org",
        ] {
            assert_eq!(
                openable_url(bad),
                Err(LinkError::Malformed(bad.to_string())),
                "{bad:?}"
            );
        }
        for other in [
            "httpx://example.org",
            "xhttps://example.org",
            "example.org/https://x",
        ] {
            assert_eq!(
                openable_url(other),
                Err(LinkError::NotHttp(other.to_string())),
                "{other:?}"
            );
        }
    }
}
