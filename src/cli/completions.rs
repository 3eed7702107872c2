//! `brieven completions <shell>` and `brieven man`: shell completions and a man page
//! generated from the clap definition of the command line, so they never drift from it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell: bash, elvish, fish, powershell or zsh.
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write brieven.1 and one page per subcommand (brieven-quote.1, ...) into this directory
    /// instead of printing brieven.1.
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = crate::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "brieven", &mut out);
    super::emit_bytes(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(args: ManArgs) -> Result<ExitCode> {
    let command = crate::Cli::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
            clap_mangen::generate_to(command, &dir)
                .with_context(|| format!("{}: cannot write the man pages", dir.display()))?;
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(command).render(&mut out)?;
            super::emit_bytes(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
