//! Tests of reading the config file, its errors with line and column, and NO_COLOR.

use super::*;

#[test]
fn a_full_config_is_read() {
    let (config, warnings) = Config::parse(
        "theme = \"light\"\nlang = \"nl\"\n\n[keys]\nquit = \"ctrl+q\"\npin = [\"m\", \"alt+p\"]\n",
        "config.toml",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.theme, Theme::Light);
    assert_eq!(config.lang, Some(Lang::Nl));
    let pin: Vec<String> = config
        .keys_for("pin")
        .unwrap()
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(pin, ["m", "alt+p"]);
    assert_eq!(config.keys_for("quit").unwrap()[0].to_string(), "ctrl+q");
    assert!(config.keys_for("help").is_none());
}

#[test]
fn an_empty_or_missing_file_gives_the_defaults() {
    assert_eq!(Config::parse("", "c"), (Config::default(), Vec::new()));
    let dir = tempfile::tempdir().unwrap();
    let (config, warnings) = Config::load(Some(&dir.path().join("config.toml")));
    assert_eq!(config, Config::default());
    assert!(warnings.is_empty());
    assert_eq!(Config::default().theme, Theme::Dark);
}

#[test]
fn a_syntax_error_names_line_and_column_and_the_defaults_are_used() {
    let text = "theme = \"light\"\nlang = nl\n";
    let (config, warnings) = Config::parse(text, "/home/u/.config/brieven/config.toml");
    assert_eq!(config, Config::default());
    assert_eq!(warnings.len(), 1);
    let w = &warnings[0];
    assert_eq!((w.line, w.column), (Some(2), Some(8)), "{w}");
    assert!(
        w.to_string()
            .starts_with("/home/u/.config/brieven/config.toml:2:8: "),
        "{w}"
    );
    assert!(w.to_string().ends_with("; defaults used"), "{w}");
}

#[test]
fn a_bad_value_or_unknown_field_names_its_place() {
    let (config, warnings) = Config::parse("lang = \"en\"\n\ntheme = \"blue\"\n", "c");
    assert_eq!(config, Config::default());
    assert_eq!(
        (warnings[0].line, warnings[0].column),
        (Some(3), Some(9)),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].message.contains("blue") || warnings[0].message.contains("variant"),
        "{}",
        warnings[0]
    );

    let (_, warnings) = Config::parse("theme = \"dark\"\ncolour = 3\n", "c");
    assert_eq!(warnings[0].line, Some(2), "{}", warnings[0]);
    assert!(warnings[0].message.contains("colour"), "{}", warnings[0]);
}

#[test]
fn a_bad_key_drops_only_that_binding() {
    let text = "theme = \"plain\"\n[keys]\nquit = \"q\"\npin = \"hyper+m\"\n";
    let (config, warnings) = Config::parse(text, "c");
    assert_eq!(config.theme, Theme::Plain);
    assert!(config.keys_for("quit").is_some());
    assert!(config.keys_for("pin").is_none());
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].line, warnings[0].column), (Some(4), Some(7)));
    assert!(
        warnings[0]
            .message
            .starts_with("keys.pin: 'hyper+m' is not a key"),
        "{}",
        warnings[0]
    );
}

#[test]
fn unknown_actions_are_dropped_with_their_place() {
    let (mut config, _) = Config::parse("[keys]\nquit = \"q\"\nfly = \"f\"\n", "c");
    let warnings = config.retain_known_actions(&["quit", "help"], "c");
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].to_string(),
        "c:3:7: keys.fly: no such action (known: quit, help); binding ignored"
    );
    assert_eq!(config.keys.len(), 1);
}

#[test]
fn no_color_makes_the_theme_plain() {
    assert_eq!(
        Theme::choose(Theme::Light, Some(OsStr::new("1"))),
        Theme::Plain
    );
    assert_eq!(
        Theme::choose(Theme::Light, Some(OsStr::new(""))),
        Theme::Light
    );
    assert_eq!(Theme::choose(Theme::Dark, None), Theme::Dark);
}

#[test]
fn line_and_column_count_characters() {
    assert_eq!(line_column("ab\ncé\nx", 6), (2, 3));
    assert_eq!(line_column("", 10), (1, 1));
    assert_eq!(
        config_path_from(None, Some("/home/u".into())),
        Some(PathBuf::from("/home/u/.config/brieven/config.toml"))
    );
}

#[test]
fn a_key_bound_twice_is_reported_with_its_lines() {
    let text =
        "[keys]\nquit = \"x\"\n# pins\npin = [\"m\", \"x\"]\ncopy = \"X\"\nhelp = \"shift+x\"\n";
    let (config, warnings) = Config::parse(text, "config.toml");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(
        warnings[0].to_string(),
        "config.toml:4:7: keys.pin: x is bound twice: to quit on line 2 already; ignored here"
    );
    // `shift+x` is `X`, which copy has.
    assert_eq!(
        warnings[1].to_string(),
        "config.toml:6:8: keys.help: X is bound twice: to copy on line 5 already; ignored here"
    );
    // The first binding keeps the key; the second keeps its others.
    assert_eq!(config.keys_for("quit").unwrap()[0].to_string(), "x");
    let pin: Vec<String> = (config.keys_for("pin").unwrap().iter())
        .map(|k| k.to_string())
        .collect();
    assert_eq!(pin, ["m"]);
    assert!(config.keys_for("help").is_none());
}
