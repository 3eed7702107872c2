//! What the debate CLI tests share: a temporary home with its own state and config
//! directories, and the citation the tests expect for ¶ 4 of the Offlimits letter.

#![allow(dead_code)]

use std::process::{Command, Output};

/// A home for one test: its own state and config directories.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn state(&self) -> std::path::PathBuf {
        self.dir.path().join("state")
    }

    pub fn config(&self) -> std::path::PathBuf {
        self.dir.path().join("config")
    }

    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brieven"));
        cmd.env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .args(args)
        .env("XDG_STATE_HOME", self.state())
        .env("XDG_CONFIG_HOME", self.config())
        .env("HOME", self.dir.path())
        .env("LANG", "C")
        .env("COLUMNS", "100")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("the binary runs")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_env(args, &[])
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub const OFFLIMITS: &str = "002_33ff405ba249e90c";

pub const CITATION_EN: &str = "” — Offlimits (Robbert Hoving), letter to the Minister van Justitie en Veiligheid Van \
    Weel et al., 18 September 2024, ¶ 4 (note 1: Bits of Freedom, \
    https://www.bitsoffreedom.nl/20240912-quick-analysis-hupres-posal-csar.pdf; note 2: Recht op \
    privacy - Artikel 16 Kinderrechtenverdrag)\n";
