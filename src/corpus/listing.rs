//! Which letter files the command line's paths name, and what their directories' listings
//! showed of the letters' sidecars.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{CorpusError, is_letter};
use crate::cache::stamp::{self, Stamp};

/// The letter files of some paths, in order, and for each whether its sidecar
/// (`<name>.toml`) is known to be absent: the file was listed from a directory that has no
/// entry of that name (compared without case, so a case-insensitive file system never hides
/// one). A file named by itself knows nothing of its sidecar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub files: Vec<PathBuf>,
    sidecar_absent: Vec<bool>,
    /// What each path named gave, in order.
    pub named: Vec<Named>,
}

/// One path the command line named, as it was listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub path: PathBuf,
    /// How many letter files it gave (one for a file named by itself).
    pub files: usize,
    /// Whether it is a directory (else a file named by itself).
    pub directory: bool,
    /// For a directory: its stamp, taken before its entries were read, and when that stamp
    /// was taken. While the directory keeps that stamp (not too close to when it was taken),
    /// its entries are those read: an entry added, removed or renamed changes its times. `None`
    /// for a file, and for a directory whose letter files could change without its entries
    /// changing (it holds a symbolic link that was left out: its target may become a letter
    /// file).
    pub dir: Option<(Stamp, i128)>,
}

impl Listing {
    /// Whether the listing showed no sidecar of file `i` (so it need not be looked at).
    pub fn sidecar_absent(&self, i: usize) -> bool {
        self.sidecar_absent.get(i).copied().unwrap_or(false)
    }

    /// Files named without a listing: nothing is known of their sidecars.
    pub fn of_files(files: Vec<PathBuf>) -> Listing {
        Listing {
            sidecar_absent: vec![false; files.len()],
            named: Vec::new(),
            files,
        }
    }
}

/// See [`super::Corpus::letter_files`]; this also keeps what the listings showed.
pub fn list(paths: &[PathBuf]) -> Result<Listing, CorpusError> {
    let mut listing = Listing::default();
    for path in paths {
        // The time first, then the directory's stamp, then its entries (see `Named::dir`).
        let taken = stamp::now();
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CorpusError::NotFound(path.clone()),
            _ => CorpusError::Unreadable(path.clone(), e),
        })?;
        if !meta.is_dir() {
            listing.files.push(path.clone());
            listing.sidecar_absent.push(false);
            listing.named.push(Named {
                path: path.clone(),
                files: 1,
                directory: false,
                dir: None,
            });
            continue;
        }
        let mut dir = Some((Stamp::of_metadata(&meta), taken));
        let mut tomls = HashSet::new();
        let mut found: Vec<PathBuf> = Vec::new();
        let mut others: Vec<String> = Vec::new();
        for entry in fs::read_dir(path)
            .map_err(|e| CorpusError::Unreadable(path.clone(), e))?
            .filter_map(|entry| entry.ok())
        {
            let name = entry.file_name();
            if Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            {
                tomls.insert(name.to_string_lossy().to_lowercase());
            }
            // Regular files only: a FIFO could block, a device never end. A broken link
            // stays in, to be reported as unreadable (the entry's type is known without a
            // look at the file, but for links).
            let regular = entry.file_type().is_ok_and(|t| {
                t.is_file()
                    || t.is_symlink() && fs::metadata(entry.path()).map_or(true, |m| m.is_file())
            });
            let path = entry.path();
            if !regular && entry.file_type().map_or(true, |t| t.is_symlink()) {
                dir = None;
            }
            if regular && is_letter(&path) {
                found.push(path);
            } else if regular && !name.to_string_lossy().to_lowercase().ends_with(".toml") {
                others.push(name.to_string_lossy().into_owned());
            }
        }
        if found.is_empty() {
            others.sort_unstable();
            return Err(CorpusError::NoLetters(path.clone(), others));
        }
        // One directory: comparing the paths' bytes orders them by file name, and is much
        // cheaper than comparing them component by component.
        found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        listing.named.push(Named {
            path: path.clone(),
            files: found.len(),
            directory: true,
            dir,
        });
        for file in found {
            let sidecar = file.with_extension("toml");
            let absent = sidecar
                .file_name()
                .is_some_and(|n| !tomls.contains(&n.to_string_lossy().to_lowercase()));
            listing.sidecar_absent.push(absent);
            listing.files.push(file);
        }
    }
    Ok(listing)
}
