//! Rebuilds the binary when anything in `seeds/` changes: the letters, their sidecars and the
//! register are embedded at compile time.

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    println!("cargo:rerun-if-changed=build.rs");
}
