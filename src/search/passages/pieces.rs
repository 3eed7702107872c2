//! The index in pieces of bounded size, for the on-disk cache.

use super::{Passage, PassageIndex};

/// A piece of a stored [`PassageIndex`] (see [`PassageIndex::pieces`]).
#[derive(Debug, bitcode::Encode, bitcode::Decode)]
pub(crate) enum Piece {
    Passages(Vec<Passage>),
    /// Consecutive words with their postings.
    Words(Vec<String>, Vec<Vec<u32>>),
    Sorted(Vec<u32>),
}

/// Items per stored piece: a piece of words with their postings stays around a megabyte.
const PIECE: usize = 1 << 12;

impl PassageIndex {
    /// The index as pieces of bounded size, made one at a time.
    pub(crate) fn pieces(&self) -> impl Iterator<Item = Piece> + '_ {
        let passages = self
            .passages
            .chunks(PIECE * 8)
            .map(|c| Piece::Passages(c.to_vec()));
        // Words go by how many postings they carry: one common word has thousands.
        let mut start = 0;
        let words = std::iter::from_fn(move || {
            let mut end = start;
            let mut postings = 0;
            while end < self.words.len() && (end == start || postings < PIECE * 8) {
                postings += self.postings[end].len() + 1;
                end += 1;
            }
            let piece = (end > start).then(|| {
                Piece::Words(
                    self.words[start..end].to_vec(),
                    self.postings[start..end].to_vec(),
                )
            });
            start = end;
            piece
        });
        let sorted = self
            .sorted
            .chunks(PIECE * 8)
            .map(|c| Piece::Sorted(c.to_vec()));
        passages.chain(words).chain(sorted)
    }

    /// The index from its pieces, in order; `None` when they do not fit together.
    pub(crate) fn from_pieces(pieces: impl IntoIterator<Item = Piece>) -> Option<PassageIndex> {
        let mut index = PassageIndex::default();
        for piece in pieces {
            match piece {
                Piece::Passages(passages) => index.passages.extend(passages),
                Piece::Words(words, postings) => {
                    (words.len() == postings.len()).then_some(())?;
                    index.words.extend(words);
                    index.postings.extend(postings);
                }
                Piece::Sorted(sorted) => index.sorted.extend(sorted),
            }
        }
        let (words, passages) = (index.words.len(), index.passages.len());
        let fits = index.sorted.len() == words
            && index.sorted.iter().all(|&w| (w as usize) < words)
            && index
                .postings
                .iter()
                .flatten()
                .all(|&p| (p as usize) < passages);
        fits.then_some(())?;
        index.ids.reserve(words);
        for (id, word) in index.words.iter().enumerate() {
            index.ids.insert(word.clone(), id as u32);
        }
        Some(index)
    }
}
