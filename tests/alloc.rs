//! Large blocks go back to the system when freed (`brieven::alloc`): a first search frees
//! many, and at 10,000 letters keeping them in the heap was about 60 MiB of its peak. Its own
//! test binary, so that no other test's memory moves the resident set measured here.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn a_large_block_freed_after_a_larger_one_leaves_the_resident_set() {
    /// The resident set in KiB.
    fn resident() -> usize {
        let status = std::fs::read_to_string("/proc/self/status").expect("status");
        let line = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .expect("VmRSS");
        line.split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .expect("a number")
    }
    assert!(brieven::alloc::map_large_blocks());
    // Left to itself, glibc would now serve blocks up to 16 MiB from the heap.
    drop(std::hint::black_box(vec![1u8; 16 << 20]));
    let before = resident();
    for _ in 0..4 {
        // Written (not zeroed by the system), so that its pages are resident.
        let block = std::hint::black_box(vec![1u8; 8 << 20]);
        assert!(resident() >= before + 7 * 1024, "the block is resident");
        drop(block);
        let after = resident();
        assert!(
            after < before + 1024,
            "{after} KiB resident after, {before} before"
        );
    }
}
