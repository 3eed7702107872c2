//! `brieven cache [dir|clear]`: where the cache of parsed letters is and what it holds, or
//! emptying it. The cache only saves time (see `brieven::cache`); clearing it loses nothing.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Print the cache directory.
    Dir,
    /// Remove every cache file.
    Clear,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let Some(cache) = brieven::cache::Cache::from_env() else {
        bail!("no cache directory: neither XDG_CACHE_HOME nor HOME is an absolute path");
    };
    let dir = cache.dir().display();
    match args.action {
        Some(Action::Dir) => super::emit(&format!("{dir}\n"))?,
        Some(Action::Clear) => {
            let removed = cache
                .clear()
                .with_context(|| format!("{dir}: cannot clear the cache"))?;
            super::emit(&format!("{dir}: removed {removed} cache file(s)\n"))?;
        }
        None => {
            let (files, bytes) = cache
                .usage()
                .with_context(|| format!("{dir}: cannot read the cache"))?;
            super::emit(&format!(
                "{dir}: {files} cache file(s), {:.1} MB\n",
                bytes as f64 / 1e6
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
