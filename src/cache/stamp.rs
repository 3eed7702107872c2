//! What identifies a file's contents without reading it: size, modification time, and (as git
//! keeps them) the change time, inode and device, with the hash of its bytes once they have
//! been read. The change time cannot be set back as the modification time can (`touch -d`),
//! and a file replaced by another (`cp -p` then `mv`) has a new inode.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// A modification time this close to (or after) the moment an entry was taken may hide a
/// later change in the same clock tick (coarse file-system timestamps): such a file is checked
/// by hash, as git does with "racily clean" entries.
pub(crate) const RACY_NANOS: i128 = 2_000_000_000;

/// Size, modification and change times (nanoseconds since the epoch), inode, device and
/// xxh3 hash of a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub struct Stamp {
    pub size: u64,
    pub mtime: i128,
    pub ctime: i128,
    pub inode: u64,
    pub device: u64,
    pub hash: u64,
}

impl Stamp {
    /// The size and time of the file at `path` (hash 0 until [`Stamp::with_hash`]); `None`
    /// when it cannot be looked at.
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of_metadata(&m))
    }

    /// The stamp of what `meta` describes (hash 0).
    pub fn of_metadata(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (ctime, inode, device) = {
            use std::os::unix::fs::MetadataExt;
            let ctime = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
            (ctime, meta.ino(), meta.dev())
        };
        #[cfg(not(unix))]
        let (ctime, inode, device) = (0, 0, 0);
        Stamp {
            size: meta.len(),
            mtime: meta.modified().map_or(0, nanos),
            ctime,
            inode,
            device,
            hash: 0,
        }
    }

    /// [`Stamp::of`] the file `name` in the directory `dir` (opened, at `dir_path`): looked up
    /// from the open directory, not along the whole path again. On Linux one `statx` asking
    /// for the four fields a stamp needs (the device always comes); the same numbers as
    /// [`Stamp::of`] gives, which the standard library also reads with `statx`.
    pub fn at(dir: &std::fs::File, dir_path: &Path, name: &str) -> Option<Stamp> {
        #[cfg(target_os = "linux")]
        if let Some(stamp) = statx_at(dir, name) {
            return Some(stamp);
        }
        let _ = dir;
        Stamp::of(&dir_path.join(name))
    }

    /// This stamp with the hash of the file's `bytes`.
    pub fn with_hash(self, bytes: &[u8]) -> Stamp {
        Stamp {
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
            ..self
        }
    }

    /// Whether a file stamped `self` when an entry was taken at `taken` is, going by `now`'s
    /// size, times, inode and device, still the same file (without reading it).
    pub fn same_file(&self, now: &Stamp, taken: i128) -> bool {
        self.size == now.size
            && self.mtime == now.mtime
            && self.ctime == now.ctime
            && self.inode == now.inode
            && self.device == now.device
            && self.mtime < taken - RACY_NANOS
    }
}

/// `statx` of `name` relative to the open directory `dir`, following a symbolic link as
/// `std::fs::metadata` does; `None` when it fails or lacks a field (the caller then asks the
/// standard library).
#[cfg(target_os = "linux")]
fn statx_at(dir: &std::fs::File, name: &str) -> Option<Stamp> {
    use std::os::fd::AsRawFd;
    // A name fits on the stack; a longer one (or one with a NUL) is left to the fallback.
    let mut buffer = [0u8; 256];
    let bytes = name.as_bytes();
    (bytes.len() < buffer.len() && !bytes.contains(&0)).then_some(())?;
    buffer[..bytes.len()].copy_from_slice(bytes);
    let want = libc::STATX_SIZE | libc::STATX_MTIME | libc::STATX_CTIME | libc::STATX_INO;
    // Safety: `buffer` is NUL-terminated (zeroed past the name); `out` is written by the
    // kernel and read only when the call succeeded.
    let mut out: libc::statx = unsafe { std::mem::zeroed() };
    let done = unsafe {
        libc::statx(
            dir.as_raw_fd(),
            buffer.as_ptr().cast(),
            libc::AT_STATX_SYNC_AS_STAT,
            want,
            &mut out,
        )
    };
    (done == 0 && out.stx_mask & want == want).then_some(())?;
    let time =
        |t: libc::statx_timestamp| i128::from(t.tv_sec) * 1_000_000_000 + i128::from(t.tv_nsec);
    Some(Stamp {
        size: out.stx_size,
        mtime: time(out.stx_mtime),
        ctime: time(out.stx_ctime),
        inode: out.stx_ino,
        device: libc::makedev(out.stx_dev_major, out.stx_dev_minor),
        hash: 0,
    })
}

/// [`Stamp::same_file`] for a file that may not exist (a sidecar): absent both times is the
/// same.
pub fn same_optional(before: Option<Stamp>, now: Option<Stamp>, taken: i128) -> bool {
    match (before, now) {
        (None, None) => true,
        (Some(before), Some(now)) => before.same_file(&now, taken),
        _ => false,
    }
}

/// Now, in nanoseconds since the epoch.
pub fn now() -> i128 {
    nanos(SystemTime::now())
}

fn nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}
