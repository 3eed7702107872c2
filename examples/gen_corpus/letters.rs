//! One generated letter by seed and number: its file name, text and spec. Shared by the
//! generator's `main` and the benches (which include these modules by path), so both see the
//! same letters for the same seed.

use crate::layouts;
use crate::rng::Rng;
use crate::spec::{self, Layout, Size, Spec};

/// The layouts take turns.
pub fn layout_of(index: usize) -> Layout {
    [
        Layout::Sup,
        Layout::Pdf,
        Layout::Ministry,
        Layout::PdfText,
        Layout::PyMuPdf,
    ][index % 5]
}

/// Letter `index` of the corpus with `seed`: (file name, text, spec).
pub fn letter(seed: u64, index: usize, layout: Layout, size: Size) -> (String, String, Spec) {
    let mut rng = Rng::derive(seed, index as u64);
    let spec = spec::build(&mut rng, layout, size);
    let text = layouts::write(&spec, &mut rng);
    let ext = if layout == Layout::Pdf || layout.converted() {
        "txt"
    } else {
        "md"
    };
    let name = format!("{index:05}_{:016x}.{ext}", rng.next());
    (name, text, spec)
}

/// The first `n` letters of the corpus with `seed`, at normal size: (file name, text).
#[allow(dead_code)] // used by the benches
pub fn corpus(seed: u64, n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let (name, text, _) = letter(seed, i, layout_of(i), Size::Normal);
            (name, text)
        })
        .collect()
}
