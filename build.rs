//! Rebuilds the binary when anything in `seeds/` or `reference/` changes (the letters, their
//! sidecars, the register and the acts they discuss are embedded at compile time), and names the build for the on-disk cache: a hash
//! of the sources and the locked dependencies, so that a cache written by another build (other
//! parsing rules, other types) is never read.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    println!("cargo:rerun-if-changed=reference");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    hash_tree(Path::new("src"), &mut hasher);
    if let Ok(lock) = std::fs::read("Cargo.lock") {
        lock.hash(&mut hasher);
    }
    println!("cargo:rustc-env=BRIEVEN_BUILD={:016x}", hasher.finish());
}

/// Hashes every file under `dir`, names and contents, in name order.
fn hash_tree(dir: &Path, hasher: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            hash_tree(&path, hasher);
        } else if let Ok(bytes) = std::fs::read(&path) {
            path.hash(hasher);
            bytes.hash(hasher);
        }
    }
}
