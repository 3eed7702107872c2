//! Reading and writing `state.json` so that nothing is lost and nothing breaks: writes go to a
//! temporary file in the same directory, are synced and renamed over the old file; every
//! change is made under an advisory lock (`state.json.lock`) to the state as it is on disk
//! right then, so two running instances merge their changes instead of overwriting each
//! other; a corrupt file is moved aside; a directory that cannot be written turns saving off
//! with a warning.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::{STATE_VERSION, State};

/// Why the state could not be read or written.
#[derive(Debug)]
pub enum StateError {
    Io(PathBuf, io::Error),
    /// The file is not valid state JSON; it was moved to the path given (if it could be).
    Corrupt(PathBuf, String, Option<PathBuf>),
    /// Written by a newer brieven.
    TooNew(PathBuf, u32),
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            StateError::Corrupt(p, e, Some(to)) => write!(
                f,
                "{}: corrupt state file ({e}); moved aside to {} and started afresh",
                p.display(),
                to.display()
            ),
            StateError::Corrupt(p, e, None) => {
                write!(
                    f,
                    "{}: corrupt state file ({e}); started afresh",
                    p.display()
                )
            }
            StateError::TooNew(p, v) => write!(
                f,
                "{}: written by a newer brieven (state version {v}, this one knows {STATE_VERSION}); not saving",
                p.display()
            ),
        }
    }
}

impl std::error::Error for StateError {}

/// `$XDG_STATE_HOME/brieven/state.json`, else `~/.local/state/brieven/state.json`, from the
/// process environment; `None` when neither variable is usable.
pub fn default_state_path() -> Option<PathBuf> {
    state_path_from(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

/// The state file's path from the values of `XDG_STATE_HOME` and `HOME` (relative values are
/// ignored, as the XDG specification asks).
pub fn state_path_from(
    xdg_state_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(xdg_state_home)
        .or_else(|| absolute(home).map(|h| h.join(".local").join("state")))
        .map(|dir| dir.join("brieven").join("state.json"))
}

/// The state and where it is kept.
#[derive(Debug)]
pub struct StateStore {
    path: Option<PathBuf>,
    state: State,
    saving: bool,
    /// Why changes are not saved, when they are not (but for `--no-state`).
    not_saving: Option<String>,
    warnings: Vec<String>,
}

impl StateStore {
    /// Reads the state at `path` (`None`: `--no-state`, nothing read or written). A missing
    /// file is a fresh state; problems become warnings (see [`StateStore::take_warnings`]).
    pub fn open(path: Option<PathBuf>) -> StateStore {
        let mut store = StateStore {
            saving: path.is_some(),
            path,
            state: State::default(),
            not_saving: None,
            warnings: Vec::new(),
        };
        if let Some(path) = store.path.clone() {
            store.state = store.read(&path).unwrap_or_default();
            remove_stale_temp_files(&path);
        }
        store
    }

    /// The state at [`default_state_path`], or no saving when there is no such path.
    pub fn open_default() -> StateStore {
        let path = default_state_path();
        let mut store = StateStore::open(path.clone());
        if path.is_none() {
            let why = "no state directory (neither XDG_STATE_HOME nor HOME is set); not saving";
            store.warnings.push(why.into());
            store.not_saving = Some(why.into());
        }
        store
    }

    /// The state as last read or changed.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The state file, when there is one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether changes are written to disk.
    pub fn is_saving(&self) -> bool {
        self.saving
    }

    /// Why changes are not written to disk, when a state file is meant to be kept but cannot
    /// be (unwritable, too new, no state directory); `None` while saving, and with
    /// `--no-state`.
    pub fn not_saving(&self) -> Option<&str> {
        self.not_saving.as_deref()
    }

    /// Warnings since the last call, for the status line or stderr.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Reads the file again (what another instance saved).
    pub fn reload(&mut self) {
        if let Some(path) = self.path.clone().filter(|_| self.saving) {
            self.state = self.read(&path).unwrap_or_else(|| self.state.clone());
        }
    }

    /// Makes a change and saves it. With saving on, `change` is applied to the state as it is
    /// on disk now (under the lock), so changes of other instances are kept; the result is
    /// then the state in memory. When saving fails, saving is turned off with a warning and
    /// the change is kept in memory.
    pub fn update<R>(&mut self, change: impl FnOnce(&mut State) -> R) -> R {
        let Some(path) = self.path.clone().filter(|_| self.saving) else {
            return change(&mut self.state);
        };
        let lock = match lock(&path) {
            Ok(lock) => lock,
            Err(e) => {
                self.stop_saving(&e);
                return change(&mut self.state);
            }
        };
        let on_disk = self.read(&path);
        if !self.saving {
            // Unreadable or written by a newer version: keep the change in memory only.
            return change(&mut self.state);
        }
        // A file corrupted while we ran was moved aside: go on from what this instance knows.
        let mut state = on_disk.unwrap_or_else(|| self.state.clone());
        let result = change(&mut state);
        if let Err(e) = write_atomically(&path, &state) {
            self.stop_saving(&e);
        }
        drop(lock);
        self.state = state;
        result
    }

    fn stop_saving(&mut self, e: &StateError) {
        self.saving = false;
        self.not_saving = Some(e.to_string());
        self.warnings.push(format!(
            "cannot save the state: {e}; going on without saving"
        ));
    }

    /// The state on disk (a fresh one when there is no file); `None`, with a warning, when it
    /// cannot be used: corrupt (then moved aside), unreadable or too new (then saving is off).
    fn read(&mut self, path: &Path) -> Option<State> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Some(State::default()),
            Err(e) => {
                // Not readable: never overwrite what we cannot see.
                self.stop_saving(&StateError::Io(path.to_path_buf(), e));
                return None;
            }
        };
        match parse(&bytes) {
            Ok(mut state) if state.version <= STATE_VERSION => {
                state.number_cards();
                Some(state)
            }
            Ok(state) => {
                let e = StateError::TooNew(path.to_path_buf(), state.version);
                self.saving = false;
                self.not_saving = Some(e.to_string());
                self.warnings.push(e.to_string());
                None
            }
            Err(reason) => {
                let moved = move_aside(path);
                self.warnings
                    .push(StateError::Corrupt(path.to_path_buf(), reason, moved.ok()).to_string());
                None
            }
        }
    }
}

/// Parses state JSON; the version is checked before the rest so a newer file is recognised
/// even when its shape changed.
fn parse(bytes: &[u8]) -> Result<State, String> {
    #[derive(serde::Deserialize)]
    struct Versioned {
        version: u32,
    }
    let versioned: Versioned = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if versioned.version > STATE_VERSION {
        return Ok(State {
            version: versioned.version,
            ..State::default()
        });
    }
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

/// Renames a corrupt file to `state.json.corrupt-<unix time>` (with `-n` added when taken).
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut target = path.with_file_name(format!("{name}.corrupt-{secs}"));
    let mut n = 1;
    while target.exists() {
        target = path.with_file_name(format!("{name}.corrupt-{secs}-{n}"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// Takes the advisory lock `state.json.lock` beside `path` (making the directory), held until
/// the file is dropped. File systems without locks are used without.
fn lock(path: &Path) -> Result<File, StateError> {
    let io_err = |p: &Path| {
        let p = p.to_path_buf();
        move |e| StateError::Io(p, e)
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::private::create_private_dir(dir).map_err(io_err(dir))?;
    let lock_path = path.with_extension("json.lock");
    let file = crate::private::private_file()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_err(&lock_path))?;
    // A file system without locks still gets atomic renames: never invalid JSON, at worst a
    // lost update.
    let _ = file.lock();
    Ok(file)
}

/// Writes `state` to a fresh temporary file beside `path`, syncs it, renames it over `path`
/// and syncs the directory.
fn write_atomically(path: &Path, state: &State) -> Result<(), StateError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let json = serde_json::to_vec_pretty(state)
        .map_err(|e| StateError::Io(path.to_path_buf(), io::Error::other(e)))?;
    let written = (|| {
        let mut file = crate::private::private_file()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(&json)?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(StateError::Io(dir.to_path_buf(), e));
    }
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// How old a temporary state file must be to be taken for one a killed writer left (a
/// writer renames its file within a moment of making it).
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files (`.state.json.tmp-PID-N`) beside `path` that are an hour old:
/// a writer killed between writing and renaming leaves one (as large as the state) behind.
fn remove_stale_temp_files(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(&prefix)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMP));
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}
