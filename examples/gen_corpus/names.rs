//! Names for the corpus generator: people (initials or first names with Dutch and European
//! surnames) and the cities letters are written in.

use crate::rng::Rng;

pub const SURNAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Berg",
    "van Dijk",
    "Yilmaz",
    "El Amrani",
    "Kaya",
    "Öztürk",
    "Ramdin",
    "Pinas",
    "Nguyen",
    "Wójcik",
    "Horváth",
    "Schäfer",
    "Müller",
    "Lefèvre",
    "García",
    "Rossi",
    "Novák",
];

pub const INITIALS: &[&str] = &[
    "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.", "J.", "K.", "L.", "M.", "N.", "P.", "R.",
    "S.", "T.", "W.", "J.A.", "M.C.", "P.J.", "H.W.", "E.M.",
];

pub const FIRST_NAMES: &[&str] = &[
    "Anna", "Petra", "Marc", "Robbert", "Fatima", "Jeroen", "Sanne", "Daan", "Noor", "Mehmet",
    "Lotte", "Pieter", "Eva", "Joris", "Samira", "Thomas", "Ilse", "Ruben", "Yara", "Bas",
    "Hanneke", "Kofi", "Sophie", "Willem",
];

pub const CITIES: &[&str] = &[
    "Amsterdam",
    "Utrecht",
    "Den Haag",
    "Leiden",
    "Rotterdam",
    "Groningen",
    "Nijmegen",
    "Eindhoven",
    "Zwolle",
    "Maastricht",
    "Arnhem",
    "Haarlem",
    "Delft",
    "Tilburg",
    "Brussel",
];

/// `J.A. de Vries` or `Anna de Vries`.
pub fn person(rng: &mut Rng) -> String {
    let surname = rng.pick(SURNAMES);
    if rng.chance(0.5) {
        format!("{} {}", rng.pick(INITIALS), surname)
    } else {
        format!("{} {}", rng.pick(FIRST_NAMES), surname)
    }
}
