//! Files and directories for what is the user's own (the state: quotes and reading history;
//! the cache: the letters' text): made readable by the owner only, and a directory someone
//! else could have written to is not trusted.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` (and its parents) readable by its owner only (0700); an existing one of the
/// user's that others could read (0755, as older versions made it) is made private too.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        let meta = fs::metadata(dir)?;
        if meta.uid() == user() && meta.mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    builder.create(dir)
}

/// Options for a file readable and writable by its owner only (0600) when created.
pub fn private_file() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Why `dir` is not to be trusted, when it is not: owned by another user, or writable by
/// others (then anyone could put a file there that stands in for the user's own). A missing
/// directory is trusted (it will be made private).
pub fn untrusted_dir(dir: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::symlink_metadata(dir).ok()?;
        if meta.uid() != user() {
            return Some(format!(
                "{}: owned by another user (uid {}); not trusted",
                crate::text::sanitize_line(&dir.display().to_string()),
                meta.uid()
            ));
        }
        if meta.mode() & 0o022 != 0 {
            return Some(format!(
                "{}: writable by others (mode {:o}); not trusted",
                crate::text::sanitize_line(&dir.display().to_string()),
                meta.mode() & 0o7777
            ));
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// The effective user id of this process.
#[cfg(unix)]
fn user() -> u32 {
    // SAFETY: geteuid has no preconditions, touches no memory of ours and cannot fail.
    unsafe { libc::geteuid() }
}
