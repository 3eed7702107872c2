//! The words of a text, folded (see [`crate::text::fold`]), and the passages of a block of
//! letters with their words, for building the index.

use std::collections::HashMap;

use super::{Passage, WordMap};
use crate::model::Letter;
use crate::register::Place;
use crate::text::fold_char;

/// The words of folded text: runs of letters and digits.
pub(crate) fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The passages of a block of letters with their words, numbered within the block.
#[derive(Default)]
pub(super) struct Block {
    pub(super) passages: Vec<Passage>,
    /// The block's distinct words, in the order they first occur.
    pub(super) words: Vec<String>,
    /// Per passage, the block numbers of its distinct words (in no order): passage `p`'s are
    /// `ids[ends[p - 1]..ends[p]]`.
    pub(super) ids: Vec<u32>,
    pub(super) ends: Vec<usize>,
}

impl Block {
    /// Reads `letters`, the first of which is letter number `first`.
    pub(super) fn read(letters: &[Letter], first: usize) -> Block {
        let mut block = Block::default();
        let mut numbers: WordMap = HashMap::default();
        let mut word = String::new();
        let mut last_seen: Vec<u32> = Vec::new();
        for (i, letter) in letters.iter().enumerate() {
            // A letter beyond the 4,294,967,295th has no number in a `Passage` and no
            // occurrences in the register either: it is not indexed.
            let Ok(number) = u32::try_from(first + i) else {
                break;
            };
            for (place, text) in crate::register::texts(letter) {
                if place == Place::Meta {
                    continue;
                }
                block.passages.push(Passage {
                    letter: number,
                    place,
                });
                // The passage a word was last seen in (plus one): each word is listed once
                // per passage, without sorting.
                let passage = block.passages.len() as u32;
                for_each_word(text, &mut word, |w| {
                    let n = match numbers.get(w) {
                        Some(&n) => n,
                        None => {
                            let n = block.words.len() as u32;
                            numbers.insert(w.to_string(), n);
                            block.words.push(w.to_string());
                            last_seen.push(0);
                            n
                        }
                    };
                    if last_seen[n as usize] != passage {
                        last_seen[n as usize] = passage;
                        block.ids.push(n);
                    }
                });
                block.ends.push(block.ids.len());
            }
        }
        block
    }
}

/// What an ASCII byte is in a word.
#[derive(Clone, Copy)]
enum Alnum {
    No,
    /// A lower-case letter or a digit: folds to itself.
    Lower,
    Upper,
}

/// [`Alnum`] of every byte (`No` for all but ASCII letters and digits).
const ALNUM: [Alnum; 256] = {
    let mut table = [Alnum::No; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_uppercase() {
            table[b] = Alnum::Upper;
        } else if c.is_ascii_alphanumeric() {
            table[b] = Alnum::Lower;
        }
        b += 1;
    }
    table
};

/// Calls `f` with each word of `text` folded (see [`words`]: the same words as
/// `words(&fold_str(text))`), in order, using `word` as the buffer; ASCII is folded in place,
/// other characters with [`fold_char`].
fn for_each_word(text: &str, word: &mut String, mut f: impl FnMut(&str)) {
    let mut folded = String::new();
    word.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits: folding it is lower-casing it, and a word
            // already in lower case is passed as it stands.
            let (mut run, mut upper) = (at, false);
            while let Some(&b) = bytes.get(run) {
                match ALNUM[usize::from(b)] {
                    Alnum::No => break,
                    Alnum::Lower => {}
                    Alnum::Upper => upper = true,
                }
                run += 1;
            }
            let part = &text[at..run];
            at = run;
            // A non-ASCII letter may continue the word (`Zegerius` in `Yeşilgöz-Zegerius`
            // does not, `ö` in `Yeşilgöz` does).
            let open = bytes.get(at).is_some_and(|b| !b.is_ascii());
            if word.is_empty() && !open && !upper {
                f(part);
                continue;
            }
            let from = word.len();
            word.push_str(part);
            word[from..].make_ascii_lowercase();
            if !open {
                f(word);
                word.clear();
            }
            continue;
        }
        if b.is_ascii() {
            if !word.is_empty() {
                f(word);
                word.clear();
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        folded.clear();
        fold_char(c, &mut folded);
        for c in folded.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                f(word);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_those_of_the_folded_text() {
        let mut buffer = String::new();
        for text in [
            "Yeşilgöz-Zegerius (JBZ-Raad), 28 sept. 2023: Straße ÆØ ı’s",
            "",
            "  ..  ",
            "ǅemal ﬁnal Ⅻ ①",
            "Café CAFÉ caféS ÉCOLE école abc’def abcßDEF ß x",
        ] {
            let mut ours = Vec::new();
            for_each_word(text, &mut buffer, |w| ours.push(w.to_string()));
            let folded = crate::text::fold_str(text);
            let expected: Vec<&str> = words(&folded).collect();
            assert_eq!(ours, expected, "{text:?}");
        }
    }
}
