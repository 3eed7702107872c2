//! The reader's first screen from the on-disk index (issue 17): while the letters load, the
//! letter list (date, sender, subject) comes from the index's rows and the letter the reader
//! opens on is decoded from the cache by itself, so a large archive shows a usable screen
//! before any letter is parsed or loaded, and the reader works on it meanwhile (see `early`).
//! Without a current index there is no preview, and the progress screen shows instead.

use std::collections::HashMap;
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

/// The reader over `letters` (the rows of [`rows`]) as `make` builds it, with the letters it
/// needs whole decoded from `index` first: those of the saved jump list `jumps` (letter ids,
/// oldest first), whose places are worked out in their text, and the one it opens on (the
/// newest of them, else the first in the date order); and which letters those are. `None`
/// when one does not decode.
pub fn app(
    mut letters: Vec<Letter>,
    index: &Index,
    jumps: &[&str],
    make: impl Fn(Vec<Letter>) -> App,
) -> Option<(App, Vec<usize>)> {
    let by_id: HashMap<&str, usize> = (letters.iter().enumerate())
        .rev()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut whole: Vec<usize> = jumps
        .iter()
        .filter_map(|id| by_id.get(id).copied())
        .collect();
    drop(by_id);
    if whole.is_empty() {
        let first =
            (0..letters.len()).min_by_key(|&i| (letters[i].date.is_none(), letters[i].date));
        whole.extend(first);
    }
    whole.sort_unstable();
    whole.dedup();
    for &i in &whole {
        *letters.get_mut(i)? = (*index.letter(i)?).clone();
    }
    (!index.damaged()).then(|| (make(letters), whole))
}
