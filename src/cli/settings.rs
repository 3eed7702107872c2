//! What the debate commands share: the interface language (`--lang`, the config file, the
//! locale), the config file's warnings on stderr, and writing to a pipe that may close.

use brieven::config::{Config, default_config_path};
use brieven::i18n::Lang;
use brieven::text::sanitize;

/// Reads `--lang` values (`en`, `nl`).
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
        .map_err(|e: brieven::i18n::UnknownLang| e.to_string())
}

/// The config file, its problems reported on stderr (defaults used for what is wrong).
pub fn config() -> Config {
    let path = default_config_path();
    let (config, warnings) = Config::load(path.as_deref());
    for w in warnings {
        eprintln!("brieven: warning: {}", sanitize(&w.to_string()));
    }
    config
}

/// The language to print in: `--lang`, else the config file's, else the locale.
pub fn lang(flag: Option<Lang>) -> Lang {
    if flag.is_some() {
        return Lang::choose_from_env(flag, None);
    }
    Lang::choose_from_env(None, config().lang)
}
