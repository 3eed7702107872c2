//! How the process asks the system for memory.
//!
//! glibc serves blocks from 128 KiB up with their own mappings, returned to the system when
//! freed, but it raises that threshold to the size of every such block freed (up to 32 MiB).
//! A first search frees many large growing vectors (the letters' parsing buffers, the
//! register's occurrence lists, the index's postings): after the first few, blocks of
//! megabytes came from the heap's arenas instead, where what is freed stays with the process
//! between what is still held. At 10,000 letters that was about 60 MiB of the peak resident
//! set (BENCHMARKS.md, "Memory"). Fixing the threshold where it starts keeps them mapped.

/// Keeps glibc's threshold for mapping a block by itself at its default, 128 KiB, rather than
/// raising it as blocks are freed. Whether it was set (always, on glibc; elsewhere nothing is
/// done).
pub fn map_large_blocks() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `mallopt` only sets a parameter of the allocator; glibc takes its lock.
        unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}
