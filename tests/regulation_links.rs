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

/// The links of every act in a library of the embedded letters and the proposal, the act in
/// `tests/fixtures/acts/` and a letter there that cites both: (where, mention, act's id,
/// articles).
fn two_act_links() -> Vec<(String, String, String, Vec<String>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acts");
    library_links(&[dir], "letter_two_acts")
}

/// The links of letter `id` in a library of the embedded letters and the files `paths` name.
fn library_links(
    paths: &[std::path::PathBuf],
    id: &str,
) -> Vec<(String, String, String, Vec<String>)> {
    use brieven::act::links::{Spot, links};
    let mut corpus = Corpus::embedded();
    corpus
        .letters
        .extend(Corpus::load(paths).expect("the test files load").letters);
    let letter = corpus.letters.iter().find(|l| l.id == id).unwrap();
    links(&corpus.letters, letter)
        .into_iter()
        .map(|l| {
            let (place, text) = match l.spot {
                Spot::Paragraph { section, paragraph } => (
                    format!("¶{paragraph}"),
                    letter.sections[section].paragraphs[paragraph].text.clone(),
                ),
                Spot::Note { number } => (
                    format!("note {number}"),
                    letter.footnote(number).unwrap().text.clone(),
                ),
            };
            let mention = text
                .chars()
                .skip(l.mention.at)
                .take(l.mention.len)
                .collect();
            (
                place,
                mention,
                corpus.letters[l.act].id.clone(),
                l.mention.articles,
            )
        })
        .collect()
}

/// A link as `library_links` gives it: where, the mention, the act's id, its one article.
fn at(
    place: &str,
    mention: &str,
    act: &str,
    article: &str,
) -> (String, String, String, Vec<String>) {
    (
        place.to_string(),
        mention.to_string(),
        act.to_string(),
        names(&[article]),
    )
}

#[test]
fn every_act_gets_links_decided_by_the_instrument_named_and_notes_link_too() {
    let proposal = "com-2022-209-en";
    let platform = "platform_act";
    let links = two_act_links();
    assert_eq!(
        links,
        [
            // `Regulation (EU) 2031/77` is the act in the library with that number, not the
            // proposal (which also has an Article 3 and 4).
            at("¶0", "Article 3", platform, "3"),
            at("¶0", "Article 7", proposal, "7"),
            at("¶1", "Article 4", platform, "4"),
            at("¶1", "Article 4", proposal, "4"),
            // In the note: the proposal's Article 12; the Convention's article 16 is no link.
            at("note 1", "Article 12", proposal, "12"),
        ]
    );
}

/// A real act from the Official Journal beside the proposal: a mention that names it by its
/// number (`Verordening (EU) nr. 575/2013`, `Regulation (EU) No 575/2013`) links to it, one
/// that names the CSAM regulation to the proposal, in Dutch and English.
#[test]
fn a_real_official_journal_act_is_linked_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let act = dir.path().join("crr.html");
    std::fs::copy(
        root.join("tests/real/eurlex-oj-crr-575-2013-excerpt.html"),
        &act,
    )
    .unwrap();
    let letter = dir.path().join("brief_banken.md");
    std::fs::write(
        &letter,
        "# Bankenvereniging\n\nAan de Tweede Kamer\n\nDen Haag, 3 maart 2025\n\n\
         Betreft: de CSAM-verordening en het bankentoezicht\n\nGeachte Kamerleden,\n\n\
         Artikel 4 van Verordening (EU) nr. 575/2013 bepaalt wat een kredietinstelling is; \
         artikel 7 van de CSAM-verordening regelt het detectiebevel.\n\n\
         Article 521 of Regulation (EU) No 575/2013 was never meant for messaging services.\n\n\
         Met vriendelijke groet,\n\nBankenvereniging\n",
    )
    .unwrap();
    let crr = "crr";
    let proposal = "com-2022-209-en";
    assert_eq!(
        library_links(&[act, letter], "brief_banken"),
        [
            at("¶0", "Artikel 4", crr, "4"),
            at("¶0", "artikel 7", proposal, "7"),
            at("¶1", "Article 521", crr, "521"),
        ]
    );
}
