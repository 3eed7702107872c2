//! Tests of the state as a user lives it: cards survive a restart, a corrupt file is moved
//! aside, an unwritable directory only warns, two instances never break the file.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::*;

fn card(letter: &str, paragraph: usize, quote: &str) -> CueCard {
    CueCard {
        id: 0,
        letter: letter.into(),
        anchor: Anchor::Paragraph {
            section: 0,
            paragraph,
        },
        label: None,
        quote: quote.into(),
        citation: None,
        pinned_at: 0,
    }
}

fn state_file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("brieven").join("state.json")
}

#[test]
fn cards_positions_and_jumps_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    let mut store = StateStore::open(Some(path.clone()));
    assert!(store.take_warnings().is_empty());
    store.update(|s| {
        s.current_stack = Some("JBZ-raad".into());
        s.pin(
            "JBZ-raad",
            CueCard {
                label: Some("encryptie".into()),
                ..card("002", 3, "Detectie schaadt de privacy.")
            },
        );
        s.pin("JBZ-raad", card("003", 0, "Europol bevestigt."));
        s.set_position(
            "003",
            ReadingPosition {
                section: 2,
                paragraph: 1,
                scroll: 14,
            },
        );
        s.jumps.push(Jump {
            letter: "003".into(),
            position: ReadingPosition::default(),
        });
    });
    drop(store);

    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 1);

    let mut again = StateStore::open(Some(path.clone()));
    assert!(again.take_warnings().is_empty());
    let state = again.state();
    assert_eq!(state.current_stack_name(), "JBZ-raad");
    let stack = state.stack("JBZ-raad").unwrap();
    assert_eq!(stack.cards.len(), 2);
    assert_eq!(stack.cards[0].label.as_deref(), Some("encryptie"));
    assert_eq!(stack.cards[0].quote, "Detectie schaadt de privacy.");
    assert_eq!(
        stack.cards[0].anchor,
        Anchor::Paragraph {
            section: 0,
            paragraph: 3
        }
    );
    assert_eq!(state.position("003").scroll, 14);
    assert_eq!(state.position("004"), ReadingPosition::default());
    assert_eq!(state.jumps.entries.len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_corrupt_file_is_moved_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"{\"version\": 1, \"stacks\": [{\"na").unwrap();
    let mut store = StateStore::open(Some(path.clone()));
    let warnings = store.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("corrupt state file"), "{warnings:?}");
    assert!(warnings[0].contains("state.json.corrupt-"), "{warnings:?}");
    assert!(store.state().stacks.is_empty());
    let aside: Vec<PathBuf> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("state.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        b"{\"version\": 1, \"stacks\": [{\"na"
    );
    assert!(!path.exists());
    store.update(|s| s.pin("default", card("001", 0, "Tekst.")));
    assert!(store.is_saving());
    let fresh = StateStore::open(Some(path));
    assert_eq!(fresh.state().stack("default").unwrap().cards.len(), 1);
}

#[test]
fn a_file_corrupted_while_running_loses_nothing_this_instance_knows() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    let mut store = StateStore::open(Some(path.clone()));
    store.update(|s| s.pin("default", card("001", 0, "Een.")));
    std::fs::write(&path, b"\0\0garbage").unwrap();
    store.update(|s| s.pin("default", card("001", 1, "Twee.")));
    assert!(store.take_warnings()[0].contains("corrupt state file"));
    let again = StateStore::open(Some(path));
    assert_eq!(again.state().stack("default").unwrap().cards.len(), 2);
}

#[test]
fn an_unwritable_directory_warns_and_goes_on_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the directory should be: no one, not even root, can create the directory.
    std::fs::write(dir.path().join("brieven"), b"not a directory").unwrap();
    let mut store = StateStore::open(Some(state_file(&dir)));
    store.update(|s| s.pin("default", card("001", 0, "Tekst.")));
    let warnings = store.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("cannot save the state: "),
        "{warnings:?}"
    );
    assert!(
        warnings[0].ends_with("going on without saving"),
        "{warnings:?}"
    );
    assert!(!store.is_saving());
    assert_eq!(store.state().stack("default").unwrap().cards.len(), 1);
    store.update(|s| s.pin("default", card("001", 1, "Meer.")));
    assert!(
        store.take_warnings().is_empty(),
        "the warning is given once"
    );
    assert_eq!(store.state().stack("default").unwrap().cards.len(), 2);
}

#[test]
fn without_a_path_nothing_is_read_or_written() {
    let mut store = StateStore::open(None);
    store.update(|s| s.pin("default", card("001", 0, "Tekst.")));
    assert!(!store.is_saving());
    assert!(store.path().is_none());
    assert!(store.take_warnings().is_empty());
    assert_eq!(store.state().stack("default").unwrap().cards.len(), 1);
}

#[test]
fn a_file_from_a_newer_version_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let newer = br#"{"version": 99, "decks": {"x": 1}}"#;
    std::fs::write(&path, newer).unwrap();
    let mut store = StateStore::open(Some(path.clone()));
    assert!(store.take_warnings()[0].contains("newer brieven"));
    store.update(|s| s.pin("default", card("001", 0, "Tekst.")));
    assert_eq!(std::fs::read(&path).unwrap(), newer);
}

#[test]
fn two_instances_writing_at_once_keep_every_card_and_valid_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (path, done) = (path.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                if let Ok(bytes) = std::fs::read(&path) {
                    serde_json::from_slice::<State>(&bytes).expect("the file is always valid JSON");
                    reads += 1;
                }
            }
            reads
        })
    };
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = StateStore::open(Some(path));
                for i in 0..40 {
                    store.update(|s| s.pin("debat", card(who, i, &format!("{who} {i}"))));
                    store.update(|s| {
                        s.set_position(
                            who,
                            ReadingPosition {
                                section: 0,
                                paragraph: i,
                                scroll: 0,
                            },
                        )
                    });
                }
                store.take_warnings()
            })
        })
        .collect();
    for w in writers {
        assert!(w.join().unwrap().is_empty());
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
    let state = StateStore::open(Some(path)).state().clone();
    let cards = &state.stack("debat").unwrap().cards;
    assert_eq!(cards.len(), 80, "no instance overwrote the other's cards");
    for who in ["a", "b"] {
        let mine: Vec<usize> = cards
            .iter()
            .filter(|c| c.letter == who)
            .map(|c| match c.anchor {
                Anchor::Paragraph { paragraph, .. } => paragraph,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            mine,
            (0..40).collect::<Vec<_>>(),
            "each instance's cards in order"
        );
        assert_eq!(state.position(who).paragraph, 39);
    }
}

#[test]
fn cards_are_reordered_and_deleted() {
    let mut state = State::default();
    for i in 0..3 {
        state.pin("s", card("x", i, &i.to_string()));
    }
    let id = |s: &State, i: usize| s.stack("s").unwrap().cards[i].id;
    let third = id(&state, 2);
    assert!(state.move_card_id("s", third, 0));
    let order = |s: &State| {
        s.stack("s")
            .unwrap()
            .cards
            .iter()
            .map(|c| c.quote.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&state), ["2", "0", "1"]);
    assert!(!state.move_card_id("s", 99, 0));
    let second = id(&state, 1);
    assert!(state.label_card_id("s", second, Some("l".into())));
    assert_eq!(
        state.remove_card_id("s", second).unwrap().label.as_deref(),
        Some("l")
    );
    assert!(state.remove_card_id("s", second).is_none());
    assert!(!state.label_card_id("s", second, None));
    assert_eq!(state.remove_card("s", 1).unwrap().quote, "1");
    assert!(state.remove_card("s", 7).is_none());
    assert_eq!(order(&state), ["2"]);
    state.current_stack = Some("s".into());
    assert!(state.delete_stack("s"));
    assert_eq!(state.current_stack_name(), DEFAULT_STACK);
}

#[test]
fn the_jump_list_drops_the_forward_part_and_keeps_a_limit() {
    let jump = |i: usize| Jump {
        letter: i.to_string(),
        position: ReadingPosition::default(),
    };
    let mut jumps = JumpList::default();
    for i in 0..5 {
        jumps.push(jump(i));
    }
    jumps.cursor = 2;
    jumps.push(jump(9));
    let letters: Vec<_> = jumps.entries.iter().map(|j| j.letter.as_str()).collect();
    assert_eq!(letters, ["0", "1", "9"]);
    assert_eq!(jumps.cursor, 3);
    for i in 0..300 {
        jumps.push(jump(i));
    }
    assert_eq!(jumps.entries.len(), JUMP_LIMIT);
    assert_eq!(jumps.entries.last().unwrap().letter, "299");
}

#[test]
fn the_state_path_follows_xdg() {
    assert_eq!(
        state_path_from(Some("/x/state".into()), Some("/home/u".into())),
        Some(PathBuf::from("/x/state/brieven/state.json"))
    );
    assert_eq!(
        state_path_from(Some("relative".into()), Some("/home/u".into())),
        Some(PathBuf::from("/home/u/.local/state/brieven/state.json"))
    );
    assert_eq!(state_path_from(None, None), None);
}

#[test]
fn a_change_by_id_finds_its_card_after_another_instance_changed_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    let mut a = StateStore::open(Some(path.clone()));
    a.update(|s| {
        for i in 0..6 {
            s.pin("s", card("x", i, &i.to_string()));
        }
    });
    // A's third card; B removes the first meanwhile.
    let third = a.state().stack("s").unwrap().cards[2].id;
    let mut b = StateStore::open(Some(path.clone()));
    b.update(|s| s.remove_card("s", 0));
    let quotes = |store: &StateStore| -> Vec<String> {
        let cards = &store.state().stack("s").unwrap().cards;
        cards.iter().map(|c| c.quote.clone()).collect()
    };
    assert!(a.update(|s| s.move_card_id("s", third, 0)));
    assert_eq!(quotes(&a), ["2", "1", "3", "4", "5"]);
    assert!(a.update(|s| s.remove_card_id("s", third)).is_some());
    assert_eq!(quotes(&a), ["1", "3", "4", "5"]);
    // Gone: nothing else changes.
    assert!(b.update(|s| s.remove_card_id("s", third)).is_none());
    assert!(!b.update(|s| s.label_card_id("s", third, Some("l".into()))));
    assert_eq!(quotes(&b), ["1", "3", "4", "5"]);
    assert!(b.state().stacks[0].cards.iter().all(|c| c.label.is_none()));
}

#[test]
fn cards_of_an_older_file_get_ids_when_read_the_same_in_every_instance() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let card = |q: &str| {
        format!(r#"{{"letter": "x", "anchor": {{"kind": "note", "number": 1}}, "quote": "{q}"}}"#)
    };
    let old = format!(
        r#"{{"version": 1, "stacks": [{{"name": "s", "cards": [{}, {}, {}]}}]}}"#,
        card("a"),
        card("b"),
        card("c")
    );
    std::fs::write(&path, old).unwrap();
    let ids = |store: &StateStore| -> Vec<u64> {
        store.state().stacks[0].cards.iter().map(|c| c.id).collect()
    };
    let (a, b) = (
        StateStore::open(Some(path.clone())),
        StateStore::open(Some(path.clone())),
    );
    assert_eq!(ids(&a), [1, 2, 3]);
    assert_eq!(ids(&a), ids(&b));
}

#[cfg(unix)]
#[test]
fn the_state_is_private_and_stale_temporary_files_are_removed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    let brieven = path.parent().unwrap();
    // A directory an older version made 0755, with what killed writers left.
    std::fs::create_dir_all(brieven).unwrap();
    std::fs::set_permissions(brieven, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stale = brieven.join(".state.json.tmp-4242-0");
    let fresh = brieven.join(".state.json.tmp-4243-0");
    let other = brieven.join("notes.tmp-1");
    for f in [&stale, &fresh, &other] {
        std::fs::write(f, "{").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for f in [&stale, &other] {
        let file = std::fs::File::options().write(true).open(f).unwrap();
        file.set_modified(two_hours_ago).unwrap();
    }
    let mut store = StateStore::open(Some(path.clone()));
    assert!(!stale.exists(), "a stale temporary file is removed");
    assert!(fresh.exists(), "one a writer may be using is kept");
    assert!(other.exists(), "only brieven's own files are touched");
    store.update(|s| s.pin("s", card("x", 0, "q")));
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(brieven), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&path.with_extension("json.lock")), 0o600);
}

#[test]
fn annotations_survive_a_restart_cleaned_and_an_empty_one_removes_them() {
    use crate::model::{Letter, Stance};
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(&dir);
    let mut store = StateStore::open(Some(path.clone()));
    let given = Annotation {
        stance: Some(Stance::Opposes),
        summary: Some("  Tegen detectie\u{1b}[31m in chats \n".into()),
        tags: vec!["JBZ-raad".into(), "  ".into(), "encryptie\u{7}".into()],
    };
    store.update(|s| {
        s.annotate("brief_a", &given);
        s.annotate("brief_b", &Annotation::default());
    });
    drop(store);
    let store = StateStore::open(Some(path.clone()));
    let kept = store.state().annotation("brief_a").expect("kept");
    assert_eq!(kept.stance, Some(Stance::Opposes));
    let summary = kept.summary.clone().unwrap();
    assert!(summary.starts_with("Tegen detectie") && summary.ends_with("in chats"));
    assert!(!summary.chars().any(char::is_control), "{summary:?}");
    assert_eq!(kept.tags.len(), 2);
    assert!(kept.tags.iter().all(|t| !t.chars().any(char::is_control)));
    assert!(store.state().annotation("brief_b").is_none());
    // A letter takes them in place of its own; a value not given leaves its own.
    let mut letter = Letter {
        id: "brief_a".into(),
        stance: Some(Stance::Supports),
        summary: Some("Uit de sidecar.".into()),
        ..Letter::default()
    };
    Annotation {
        stance: Some(Stance::Mixed),
        ..Annotation::default()
    }
    .apply(&mut letter);
    assert_eq!(letter.stance, Some(Stance::Mixed));
    assert_eq!(letter.summary.as_deref(), Some("Uit de sidecar."));
    kept.apply(&mut letter);
    assert_eq!(letter.stance, Some(Stance::Opposes));
    assert_eq!(letter.summary, kept.summary);
    // Emptied, it goes; a file without annotations reads as before.
    let mut store = StateStore::open(Some(path.clone()));
    store.update(|s| s.annotate("brief_a", &Annotation::default()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("annotations"), "{text}");
}
