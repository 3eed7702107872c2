//! `brieven export [PATHS...]`: every letter as JSON on stdout.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Letter files or directories; none means the embedded letters.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let corpus = super::load(&args.paths)?;
    println!("{}", brieven::export::letters_json(&corpus.letters));
    Ok(ExitCode::SUCCESS)
}
