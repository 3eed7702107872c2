//! The cache gives what loading without it gives, whatever happened to the letter files or to
//! the cache file in between; it only saves work.

use std::fs;
use std::time::{Duration, SystemTime};

use super::*;

const LETTER: &str = "Utrecht, 14 maart 2025\n\nGeachte leden,\n\nDe NCMEC meldt nieuw materiaal; \
     de Europese Commissie (EC) wil een detectiebevel.\n\nMet vriendelijke groet,\n\nStichting Voorbeeld\n";

struct Setup {
    _dirs: tempfile::TempDir,
    letters: PathBuf,
    cache: Cache,
}

/// Four letters, one of them empty (a warning), one with a sidecar; their times set an hour
/// back so they are not "racy".
fn setup() -> Setup {
    let dirs = tempfile::tempdir().expect("temporary directory");
    let letters = dirs.path().join("letters");
    fs::create_dir(&letters).expect("mkdir");
    for i in 0..3 {
        let text = LETTER.replace("14 maart", &format!("{} maart", 10 + i));
        fs::write(letters.join(format!("00{i}.txt")), text).expect("write");
    }
    fs::write(letters.join("003.txt"), " \n").expect("write");
    fs::write(letters.join("001.toml"), "stance = \"supports\"\n").expect("write");
    for entry in fs::read_dir(&letters).expect("read dir") {
        age(&entry.expect("entry").path(), 3600);
    }
    let cache = Cache::at(dirs.path().join("cache"));
    Setup {
        _dirs: dirs,
        letters,
        cache,
    }
}

/// Sets a file's modification time `seconds` into the past.
fn age(path: &Path, seconds: u64) {
    let file = fs::File::options().append(true).open(path).expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .expect("set time");
}

fn files(s: &Setup) -> Vec<PathBuf> {
    Corpus::letter_files(std::slice::from_ref(&s.letters)).expect("letter files")
}

fn stats(reused: usize, parsed: usize) -> Stats {
    Stats {
        reused,
        reread: 0,
        parsed,
    }
}

/// Loads through the cache, saves, and checks the corpus against a load without the cache.
fn load_and_save(s: &Setup) -> (Corpus, Cached) {
    let files = files(s);
    let (corpus, mut cached) = s.cache.load(std::slice::from_ref(&s.letters), &files, None);
    let plain = Corpus::load_files(&files, None);
    assert_eq!(corpus.letters, plain.letters);
    assert_eq!(corpus.warnings, plain.warnings);
    cached.save(&corpus.letters).expect("saved");
    (corpus, cached)
}

#[test]
fn a_second_load_takes_every_letter_from_the_cache() {
    let s = setup();
    let (corpus, cached) = load_and_save(&s);
    assert_eq!(corpus.letters.len(), 3);
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    assert_eq!(cached.stats, stats(0, 4));
    let (_, cached) = load_and_save(&s);
    assert_eq!(cached.stats, stats(4, 0));
    assert!(!cached.needs_saving());
    assert_eq!(s.cache.usage().expect("usage").0, 1);
}

#[test]
fn a_changed_letter_is_parsed_again_and_only_it() {
    let s = setup();
    load_and_save(&s);
    let changed = s.letters.join("002.txt");
    fs::write(
        &changed,
        LETTER.replace("nieuw materiaal", "bekend materiaal"),
    )
    .expect("write");
    age(&changed, 60);
    let (corpus, cached) = load_and_save(&s);
    assert_eq!(cached.stats, stats(3, 1));
    let text = &corpus.letters[2].sections[0].paragraphs[0].text;
    assert!(text.contains("bekend materiaal"), "{text}");
}

#[test]
fn a_letter_added_or_removed_costs_one_parse_at_most() {
    let s = setup();
    let (corpus, mut cached) = load_and_save(&s);
    cached.search(&corpus.letters, &[]).expect("built");
    cached.save(&corpus.letters).expect("saved");
    let added = s.letters.join("0015.txt");
    fs::write(&added, LETTER.replace("NCMEC", "Europol")).expect("write");
    age(&added, 60);
    let (corpus, mut cached) = load_and_save(&s);
    assert_eq!(cached.stats, stats(4, 1));
    assert_eq!(corpus.letters.len(), 4);
    // Other letters, so the register and index are built again.
    let (register, _) = cached.search(&corpus.letters, &[]).expect("built");
    assert!(cached.needs_saving());
    assert_eq!(*register, Register::build(&corpus.letters));
    cached.save(&corpus.letters).expect("saved");
    fs::remove_file(s.letters.join("000.txt")).expect("remove");
    let (corpus, mut cached) = load_and_save(&s);
    assert_eq!(cached.stats, stats(4, 0));
    let (register, _) = cached.search(&corpus.letters, &[]).expect("built");
    assert!(cached.needs_saving(), "a letter fewer: built again");
    assert_eq!(*register, Register::build(&corpus.letters));
}

#[test]
fn a_touched_letter_is_checked_by_hash_and_kept() {
    let s = setup();
    load_and_save(&s);
    let (corpus, mut cached) = load_and_save(&s);
    cached.search(&corpus.letters, &[]).expect("built");
    cached.save(&corpus.letters).expect("saved");
    age(&s.letters.join("000.txt"), 30);
    // `list` after a touch: the file is read and hashed, its letter kept.
    let (_, cached) = load_and_save(&s);
    assert_eq!(
        cached.stats,
        Stats {
            reused: 4,
            reread: 1,
            parsed: 0
        }
    );
    // The new time is stored: the next load need not read the file; and what `list` did
    // not ask for, the register and index, was kept.
    let (corpus, mut cached) = load_and_save(&s);
    assert_eq!(cached.stats, stats(4, 0));
    cached.search(&corpus.letters, &[]).expect("from the cache");
    assert!(
        !cached.needs_saving(),
        "register and index were carried over"
    );
}

#[test]
fn a_change_in_the_same_clock_tick_is_caught_by_hash() {
    let s = setup();
    let file = s.letters.join("000.txt");
    // Written "now": its time is too close to the cache's to be trusted.
    fs::write(&file, LETTER).expect("write");
    let time = fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("time");
    load_and_save(&s);
    // Same size, same time, other bytes.
    fs::write(&file, LETTER.replace("NCMEC", "IWF  ")).expect("write");
    fs::File::options()
        .append(true)
        .open(&file)
        .and_then(|f| f.set_modified(time))
        .expect("set time");
    let (corpus, cached) = load_and_save(&s);
    assert_eq!(cached.stats.parsed, 1);
    assert!(
        corpus.letters[0].sections[0].paragraphs[0]
            .text
            .contains("IWF")
    );
}

#[test]
fn a_new_or_changed_sidecar_is_applied() {
    let s = setup();
    load_and_save(&s);
    let sidecar = s.letters.join("002.toml");
    fs::write(&sidecar, "stance = \"opposes\"\n").expect("write");
    age(&sidecar, 60);
    let (corpus, cached) = load_and_save(&s);
    assert_eq!(cached.stats.parsed, 1);
    assert_eq!(
        corpus.letters[2].stance,
        Some(crate::model::Stance::Opposes)
    );
    fs::remove_file(&sidecar).expect("remove");
    let (corpus, _) = load_and_save(&s);
    assert_eq!(corpus.letters[2].stance, None);
}

#[test]
fn the_register_and_index_come_back_while_nothing_changed() {
    let s = setup();
    let (corpus, mut cached) = load_and_save(&s);
    let (register, index) = cached.search(&corpus.letters, &[]).expect("built");
    assert!(cached.needs_saving());
    cached.save(&corpus.letters).expect("saved");

    let (corpus, mut cached) = load_and_save(&s);
    let (again, index_again) = cached.search(&corpus.letters, &[]).expect("from the cache");
    assert!(!cached.needs_saving(), "nothing was built");
    assert_eq!(*again, *register);
    let hits = |i: &SearchIndex| i.search(&corpus.letters, &register, "detectiebevel", 10);
    assert_eq!(hits(&index_again), hits(&index));
    assert!(!hits(&index).is_empty());

    // Other register files: built again.
    let extra = "[[entity]]\nkind = \"term\"\nlabel = \"Bekend of nieuw materiaal\"\naliases = [\"nieuw materiaal\"]\n";
    let (with_extra, _) = cached.search(&corpus.letters, &[extra]).expect("built");
    assert!(cached.needs_saving());
    let term = with_extra
        .find("Bekend of nieuw materiaal")
        .expect("the extra term");
    assert_eq!(term.occurrences.len(), 3);
    assert!(register.find("Bekend of nieuw materiaal").is_none());

    // A letter changed: built again, even with the same register files.
    fs::write(
        s.letters.join("001.txt"),
        LETTER.replace("NCMEC", "Europol"),
    )
    .expect("write");
    age(&s.letters.join("001.txt"), 60);
    let (corpus, mut cached) = load_and_save(&s);
    cached.search(&corpus.letters, &[]).expect("built");
    assert!(cached.needs_saving());
}

#[test]
fn a_damaged_cache_file_is_never_trusted() {
    let s = setup();
    let (corpus, mut cached) = load_and_save(&s);
    cached.search(&corpus.letters, &[]).expect("built");
    cached.save(&corpus.letters).expect("saved");
    let path = file::cache_files(s.cache.dir()).expect("files").remove(0);
    let good = fs::read(&path).expect("read");
    // Flip a byte at every step through the file, cut it short, fill it with noise: each
    // load still gives exactly what loading without the cache gives (load_and_save checks).
    let step = (good.len() / 60).max(1);
    for at in (0..good.len()).step_by(step) {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        fs::write(&path, &bad).expect("write");
        let (corpus, mut cached) = load_and_save(&s);
        let (register, _) = cached.search(&corpus.letters, &[]).expect("register");
        assert_eq!(
            *register,
            Register::build(&corpus.letters),
            "byte {at} flipped"
        );
    }
    for bad in [
        &good[..good.len() / 2],
        &b"BRIEVEN\x01 not a cache"[..],
        &[],
    ] {
        fs::write(&path, bad).expect("write");
        let (_, cached) = load_and_save(&s);
        assert_eq!(cached.stats.reused, 0);
    }
}

#[test]
fn a_cache_that_cannot_be_written_costs_nothing_but_time() {
    let s = setup();
    let blocked = Cache::at(s.letters.join("000.txt").join("cache"));
    let files = files(&s);
    let (corpus, mut cached) = blocked.load(std::slice::from_ref(&s.letters), &files, None);
    assert_eq!(corpus.letters, Corpus::load_files(&files, None).letters);
    assert!(cached.save(&corpus.letters).is_err());
}

/// Every letter file's bytes and modification time.
fn contents_and_times(s: &Setup) -> Vec<(Vec<u8>, SystemTime)> {
    files(s)
        .iter()
        .map(|f| {
            let time = fs::metadata(f).and_then(|m| m.modified()).expect("time");
            (fs::read(f).expect("read"), time)
        })
        .collect()
}

#[test]
fn letter_files_are_only_read() {
    let s = setup();
    let before = contents_and_times(&s);
    for _ in 0..2 {
        let (corpus, mut cached) = load_and_save(&s);
        cached.search(&corpus.letters, &[]).expect("built");
        cached.save(&corpus.letters).expect("saved");
    }
    assert_eq!(before, contents_and_times(&s));
    let names: Vec<_> = fs::read_dir(&s.letters)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names.len(),
        5,
        "nothing added beside the letters: {names:?}"
    );
}

#[test]
fn old_cache_files_are_pruned_when_another_is_written() {
    let s = setup();
    load_and_save(&s);
    let old = file::cache_files(s.cache.dir()).expect("files").remove(0);
    let killed = s.cache.dir().join("0123456789abcdef.cache.999.tmp");
    fs::write(&killed, b"half").expect("write");
    age(&old, 31 * 24 * 3600);
    age(&killed, 2 * 3600);
    // Another list of files: another cache file, and the old ones go.
    let one = vec![s.letters.join("000.txt")];
    let (corpus, mut cached) = s.cache.load(&one, &one, None);
    cached.save(&corpus.letters).expect("saved");
    let left = file::cache_files(s.cache.dir()).expect("files");
    assert_eq!(left.len(), 1, "{left:?}");
    assert_ne!(left[0], old);
    assert_eq!(s.cache.clear().expect("cleared"), 1);
    assert_eq!(s.cache.usage().expect("usage"), (0, 0));
}

/// Sets a file's modification time to `time` (as `touch -d` does).
fn set_time(path: &Path, time: SystemTime) {
    let file = fs::File::options().append(true).open(path).expect("open");
    file.set_modified(time).expect("set time");
}

/// Loads: one letter is parsed anew, and the first letter says `word`.
fn parsed_once_with(s: &Setup, word: &str) {
    let (corpus, cached) = load_and_save(s);
    assert_eq!(cached.stats.parsed, 1, "{:?}", cached.stats);
    let mut paragraphs = corpus.letters[0]
        .sections
        .iter()
        .flat_map(|sec| &sec.paragraphs);
    assert!(paragraphs.any(|p| p.text.contains(word)), "{word}");
}

#[test]
fn a_letter_changed_with_its_size_and_time_kept_is_read_again() {
    let s = setup();
    load_and_save(&s);
    let file = s.letters.join("000.txt");
    let time = fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("time");
    // `sed -i` with the time set back: same size, same modification time, new bytes.
    let changed = fs::read_to_string(&file)
        .expect("read")
        .replace("NCMEC", "NCMEX");
    fs::write(&file, changed).expect("write");
    set_time(&file, time);
    parsed_once_with(&s, "NCMEX");
    // `cp -p` then `mv`: a new file (inode) with the old one's size and time.
    let copy = s.letters.join("copy.tmp");
    fs::write(&copy, LETTER.replace("NCMEC", "NCMEY")).expect("write");
    set_time(&copy, time);
    fs::rename(&copy, &file).expect("mv");
    parsed_once_with(&s, "NCMEY");
}

#[cfg(unix)]
#[test]
fn a_cache_directory_others_may_write_to_is_neither_read_nor_written() {
    use std::os::unix::fs::PermissionsExt;
    let s = setup();
    load_and_save(&s);
    fs::set_permissions(s.cache.dir(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let before = file::cache_files(s.cache.dir()).expect("files");
    let files = files(&s);
    let (corpus, mut cached) = s.cache.load(std::slice::from_ref(&s.letters), &files, None);
    assert_eq!(cached.stats, stats(0, 4), "nothing taken from it");
    assert!(
        corpus.warnings[0].contains("writable by others")
            && corpus.warnings[0].contains("not used"),
        "{:?}",
        corpus.warnings
    );
    assert_eq!(corpus.letters, Corpus::load_files(&files, None).letters);
    cached.save(&corpus.letters).expect("nothing to save");
    assert_eq!(file::cache_files(s.cache.dir()).expect("files"), before);
}
