//! Tests of the timeline: events grouped by date across letters, with kinds and exact places.

use super::*;
use crate::corpus::Corpus;
use crate::model::{Paragraph, Section};

fn letter(id: &str, date: Option<Date>, paragraphs: &[&str]) -> Letter {
    Letter {
        id: id.into(),
        date,
        sender: Some(format!("Sender {id}")),
        sections: vec![Section {
            paragraphs: paragraphs
                .iter()
                .map(|t| Paragraph {
                    text: t.to_string(),
                    ..Paragraph::default()
                })
                .collect(),
            ..Section::default()
        }],
        ..Letter::default()
    }
}

fn letters() -> Vec<Letter> {
    vec![
        letter(
            "kinderrechten",
            Date::ymd(2024, 12, 5),
            &[
                "Bij het debat over de JBZ-raad op 11 december a.s. heeft u de kans. Sinds 1995 werkt het.",
            ],
        ),
        letter(
            "minister",
            Date::ymd(2023, 9, 18),
            &[
                "In een tweeminutendebat op 20 april jl. diende het lid Van Ginneken c.s. een motie in.",
                "Uw Kamer heb ik op 28 juni jl. geïnformeerd. In mei 2023 publiceerde het WODC het rapport.",
            ],
        ),
        letter("later", None, &["Op 11 december 2024 besluit de Raad."]),
    ]
}

fn event(t: &Timeline, date: Date) -> &Event {
    t.entries
        .iter()
        .find_map(|e| match &e.item {
            TimelineItem::Event(ev) if ev.date == date => Some(ev),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no event on {date}"))
}

#[test]
fn a_date_belongs_to_the_head_of_its_phrase_and_the_kinds_are_the_kamers() {
    let kinds = |sentence: &str| {
        let t = Timeline::build(&[letter("x", None, &[sentence])], false);
        t.entries
            .iter()
            .find_map(|e| match &e.item {
                TimelineItem::Event(ev) => Some(ev.kind),
                _ => None,
            })
            .flatten()
    };
    assert_eq!(
        kinds("Het commissiedebat over de JBZ-raad op 4 oktober 2023 is uitgesteld."),
        Some(EventKind::CommitteeDebate)
    );
    assert_eq!(
        kinds("In de Kamerbrief van 28 juni 2023 over de motie-Van Ginneken staat het."),
        Some(EventKind::Letter)
    );
    assert_eq!(
        kinds("Het schriftelijk overleg over de JBZ-raad van 25 september 2023 volgt."),
        Some(EventKind::WrittenConsultation)
    );
    assert_eq!(
        kinds("De stemmingen van 3 oktober 2023 gingen over de moties."),
        Some(EventKind::Vote)
    );
    assert_eq!(
        kinds("Tijdens de JBZ-raad op 8 december 2023 werd gesproken."),
        Some(EventKind::Council)
    );
    assert_eq!(
        kinds("Het rondetafelgesprek van 2 oktober 2024 bracht deskundigen samen."),
        Some(EventKind::RoundTable)
    );
    assert_eq!(EventKind::ShortDebate.name(Lang::Nl), "tweeminutendebat");
}

#[test]
fn mentions_of_one_date_in_several_letters_are_one_event() {
    let letters = letters();
    let t = Timeline::build(&letters, false);
    let ev = event(&t, Date::ymd(2024, 12, 11).unwrap());
    // The first mention's date is the debate's (about the council meeting).
    assert_eq!(ev.kind, Some(EventKind::Debate));
    let ids: Vec<&str> = ev.mentions.iter().map(|m| m.letter_id.as_str()).collect();
    assert_eq!(ids, ["kinderrechten", "later"]);
    for m in &ev.mentions {
        let text = &letters[m.letter].sections[m.section].paragraphs[m.paragraph].text;
        let found: String = text.chars().skip(m.at).take(m.len).collect();
        assert_eq!(found, m.surface, "the offsets point at the date as written");
    }
    assert_eq!(ev.mentions[0].surface, "11 december a.s.");
    assert_eq!(
        ev.mentions[0].context,
        "Bij het debat over de JBZ-raad op 11 december a.s. heeft u de kans."
    );
}

#[test]
fn the_words_around_a_date_give_its_kind() {
    let t = Timeline::build(&letters(), false);
    assert_eq!(
        event(&t, Date::ymd(2023, 4, 20).unwrap()).kind,
        Some(EventKind::ShortDebate)
    );
    // `Uw Kamer heb ik op 28 juni geïnformeerd`: a letter to parliament.
    assert_eq!(
        event(&t, Date::ymd(2023, 6, 28).unwrap()).kind,
        Some(EventKind::Letter)
    );
    let report = event(&t, Date::ym(2023, 5).unwrap());
    assert_eq!(report.kind, Some(EventKind::Report));
    assert_eq!(
        (report.mentions[0].section, report.mentions[0].paragraph),
        (0, 1)
    );
    assert_eq!(EventKind::Council.name(Lang::Nl), "raadsvergadering");
}

#[test]
fn letters_and_events_share_one_axis_in_date_order() {
    let mut t = Timeline::build(&letters(), false);
    let dates: Vec<String> = t.entries.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2023-04-20",
            "2023-05",
            "2023-06-28",
            "2023-09-18",
            "2024-12-05",
            "2024-12-11"
        ]
    );
    assert!(matches!(
        t.entries[3].item,
        TimelineItem::Letter { letter: 1, .. }
    ));
    assert_eq!(t.undated_letters, [2]);
    t.reverse();
    assert_eq!(t.entries[0].date.to_string(), "2024-12-11");
    let with_years = Timeline::build(&letters(), true);
    assert!(with_years.entries.iter().any(|e| e.date == Date::y(1995)));
    assert!(!t.entries.iter().any(|e| e.date == Date::y(1995)));
}

#[test]
fn the_embedded_letters_mention_the_jbz_council_of_december_2024() {
    let corpus = Corpus::embedded();
    let t = Timeline::build(&corpus.letters, false);
    let ev = event(&t, Date::ymd(2024, 12, 11).unwrap());
    assert!(
        ev.mentions.iter().any(|m| m.context.contains("JBZ-raad")),
        "{ev:?}"
    );
    let letters = t
        .entries
        .iter()
        .filter(|e| matches!(e.item, TimelineItem::Letter { .. }))
        .count();
    // The letters, not the act they discuss.
    assert_eq!(
        letters,
        corpus.letters.iter().filter(|l| !l.is_act()).count()
    );
}

#[test]
fn a_date_in_a_subject_is_on_the_timeline_with_its_kind() {
    let mut hearing = letter(
        "offlimits",
        Date::ymd(2024, 9, 4),
        &["Wij danken u voor de uitnodiging."],
    );
    hearing.subject =
        Some("Position paper Rondetafelgesprek Online Kinderrechten d.d. 2 oktober 2024".into());
    let timeline = Timeline::build(&[hearing], false);
    let event = timeline
        .entries
        .iter()
        .find_map(|e| match &e.item {
            TimelineItem::Event(event) if e.date == Date::ymd(2024, 10, 2).unwrap() => Some(event),
            _ => None,
        })
        .expect("the hearing's date is on the timeline");
    assert_eq!(event.kind, Some(EventKind::RoundTable));
    let m = &event.mentions[0];
    assert!(m.in_subject);
    assert_eq!(m.surface, "2 oktober 2024");
    let json = serde_json::to_value(m).unwrap();
    assert_eq!(json["in_subject"], true);
    assert!(json.get("paragraph").is_none(), "{json}");
}
