// The generator's modules, for the tests and benches that make corpora with it:
// `include!("../examples/gen_corpus/outside.rs");` at a test's or bench's root (the paths
// below are resolved from this file's folder). The generator's own `main.rs` declares them
// itself.

#[allow(dead_code)]
#[path = "layouts.rs"]
mod layouts;
#[allow(dead_code)]
#[path = "letters.rs"]
mod letters;
#[allow(dead_code)]
#[path = "names.rs"]
mod names;
#[allow(dead_code)]
#[path = "pdftext.rs"]
mod pdftext;
#[allow(dead_code)]
#[path = "rng.rs"]
mod rng;
#[allow(dead_code)]
#[path = "spec.rs"]
mod spec;
#[allow(dead_code)]
#[path = "vocab.rs"]
mod vocab;
