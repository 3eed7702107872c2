//! Which mentions of articles in a letter link to the proposal's articles: all of them in
//! letters written for the test (Dutch and English), none of the other instruments' (the
//! Convention on the Rights of the Child, the Charter, the ECHR, the GDPR), none in the five
//! seed letters, whose two mentions are both the Convention's.

use brieven::act::{first_act, letter_mentions};
use brieven::corpus::Corpus;
use brieven::model::Letter;

fn proposal(corpus: &Corpus) -> &Letter {
    &corpus.letters[first_act(&corpus.letters).expect("the proposal is embedded")]
}

/// Each linked mention as written, with the articles it names.
fn links(letter: &Letter, act: &Letter) -> Vec<(String, Vec<String>, Option<u32>)> {
    letter_mentions(letter, act)
        .into_iter()
        .map(|(s, p, m)| {
            let text = &letter.sections[s].paragraphs[p].text;
            (
                text.chars().skip(m.at).take(m.len).collect(),
                m.articles,
                m.paragraph,
            )
        })
        .collect()
}

fn fixtures() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    Corpus::load(&[dir]).expect("the test letters load")
}

/// The links of a test letter to the embedded proposal.
fn fixture_links(id: &str) -> Vec<(String, Vec<String>, Option<u32>)> {
    let embedded = Corpus::embedded();
    let corpus = fixtures();
    let letter = corpus.letters.iter().find(|l| l.id == id).unwrap();
    links(letter, proposal(&embedded))
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn no_seed_letter_links_the_conventions_articles() {
    let corpus = Corpus::embedded();
    let act = proposal(&corpus);
    let letters: Vec<&Letter> = corpus.letters.iter().filter(|l| !l.is_act()).collect();
    assert_eq!(letters.len(), 5);
    // The seeds do name articles: `artikel 16` (002, 004: `Het VN Kinderrechtenverdrag
    // benadrukt ... in artikel 16`) and `artikel 19 van het VN-Kinderrechtenverdrag` (004),
    // all the Convention's.
    let named: usize = letters
        .iter()
        .map(|l| {
            l.paragraphs()
                .filter(|(_, _, p)| p.text.to_lowercase().contains("artikel 1"))
                .count()
        })
        .sum();
    assert_eq!(named, 3);
    for letter in letters {
        assert_eq!(links(letter, act), [], "{}", letter.id);
    }
}

#[test]
fn a_dutch_letters_mentions_link_and_other_instruments_do_not() {
    assert_eq!(
        fixture_links("brief_artikelen"),
        [
            ("artikel 7".into(), names(&["7"]), None),
            ("art. 10 lid 3".into(), names(&["10"]), Some(3)),
            (
                "artikelen 7 tot en met 11".into(),
                names(&["7", "8", "9", "10", "11"]),
                None
            ),
            ("artikel 7, lid 1".into(), names(&["7"]), Some(1)),
        ]
    );
}

#[test]
fn an_english_letters_mentions_link_and_other_instruments_do_not() {
    // `Article 6(1)(c) GDPR`, `Article 8 of the European Convention` and `Article 90` (which
    // the proposal does not have) are no links.
    assert_eq!(
        fixture_links("letter_articles"),
        [
            ("Article 7(4)".into(), names(&["7"]), Some(4)),
            ("Articles 7 and 10".into(), names(&["7", "10"]), None),
        ]
    );
}

#[test]
fn an_act_links_to_nothing_and_nothing_links_without_an_act() {
    let embedded = Corpus::embedded();
    let act = proposal(&embedded);
    assert_eq!(links(act, act), []);
    let corpus = fixtures();
    let letter = &corpus.letters[0];
    assert_eq!(letter_mentions(letter, letter), []);
}
