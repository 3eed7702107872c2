//! The reader's first screen from the on-disk index (issue 17): while the letters load, the
//! letter list (date, sender, subject) comes from the index's rows and the letter the reader
//! opens on is decoded from the cache by itself, so a large archive shows a usable screen
//! before any letter is parsed or loaded. Keys typed meanwhile are kept and acted on once the
//! letters are in (see `loading`). Without a current index there is no preview, and the
//! progress screen shows instead.

use std::path::PathBuf;

use brieven::cache::Cache;
use brieven::cache::index::Index;
use brieven::corpus::Corpus;
use brieven::model::Letter;

use super::app::App;

/// The letters of the current index of `paths` in `cache`: a row's fields for each (no text),
/// and the index to decode letters from.
pub fn rows(paths: &[PathBuf], cache: &Cache) -> Option<(Vec<Letter>, Index)> {
    let listing = Corpus::letter_listing(paths).ok()?;
    let index = cache.open_index(paths, &listing, None)?;
    let letters = (0..index.len())
        .map(|i| {
            let row = index.row(i)?;
            Some(Letter {
                id: row.id.to_string(),
                date: row.date,
                sender: row.sender.map(str::to_string),
                subject: row.subject.map(str::to_string),
                stance: row.stance,
                ..Letter::default()
            })
        })
        .collect::<Option<Vec<_>>>()?;
    (!index.damaged()).then_some((letters, index))
}

/// The reader over `letters` (the rows of [`rows`]) with the letter `open` (the app `make`
/// builds over them opens on) decoded whole from `index`: the screen the reader will show
/// once the letters are in. `None` when that letter does not decode.
pub fn app(
    mut letters: Vec<Letter>,
    index: &Index,
    make: impl Fn(Vec<Letter>) -> App,
) -> Option<App> {
    let open = make(letters.clone()).current;
    let whole = index.letter(open)?;
    *letters.get_mut(open)? = (*whole).clone();
    (!index.damaged()).then(|| make(letters))
}
