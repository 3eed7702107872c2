//! Word pools and the sentence machine of the corpus generator: Dutch sentences about the
//! CSAM-verordening built from templates, regulatory terms, organisations, people, numbers and
//! compound words (so the vocabulary grows with the corpus, as in real text).

use crate::names::{CITIES, SURNAMES, person};
use crate::rng::Rng;

/// Month names as the letters write them: the library's own list.
pub use brieven::dates::MONTHS_NL as MONTHS;
pub const TERMS: &[&str] = &[
    "de CSAM-verordening",
    "het detectiebevel",
    "end-to-end encryptie",
    "client-side scanning",
    "hash-matching",
    "het EU-centrum",
    "de interim-verordening",
    "vrijwillige detectie",
    "de risicobeoordeling",
    "leeftijdsverificatie",
    "het verwijderingsbevel",
    "de Digital Services Act",
    "de AVG",
    "grooming",
    "sextortion",
    "bekend beeldmateriaal",
    "nieuw beeldmateriaal",
    "de rechterlijke toets",
    "het Handvest van de grondrechten",
    "de e-Privacyrichtlijn",
    "upload moderation",
    "PhotoDNA",
    "de algemene oriëntatie",
    "de triloog",
];

pub const ORGS: &[&str] = &[
    "NCMEC",
    "de IWF",
    "Europol",
    "Offlimits",
    "Bits of Freedom",
    "de Europese Commissie",
    "het Europees Parlement",
    "de Raad",
    "de EDPS",
    "de Autoriteit Persoonsgegevens",
    "het WODC",
    "de Nationale Politie",
    "het Openbaar Ministerie",
    "de ATKM",
    "INHOPE",
    "ECPAT",
    "Defence for Children",
    "de Raad van State",
    "de Juridische Dienst van de Raad",
    "Thorn",
];

const PREFIXES: &[&str] = &[
    "kinder",
    "privacy",
    "detectie",
    "meld",
    "opsporings",
    "encryptie",
    "toezicht",
    "beeld",
    "data",
    "hulp",
    "slachtoffer",
    "platform",
    "bewijs",
    "risico",
    "rechts",
    "grond",
    "dienst",
    "chat",
    "bericht",
    "preventie",
    "misbruik",
    "jeugd",
    "school",
    "bescherming",
    "onderzoeks",
    "politie",
    "handhavings",
    "verwijder",
    "scan",
    "beleids",
    "zorg",
    "media",
    "wet",
    "netwerk",
];

const SUFFIXES: &[&str] = &[
    "bescherming",
    "beleid",
    "kader",
    "plicht",
    "instantie",
    "technologie",
    "verzoek",
    "procedure",
    "analyse",
    "rapport",
    "maatregel",
    "aanpak",
    "dienst",
    "centrum",
    "toets",
    "bevoegdheid",
    "systeem",
    "methode",
    "keten",
    "capaciteit",
    "gegevens",
    "melding",
    "protocol",
    "monitor",
    "budget",
    "overleg",
    "norm",
    "lijn",
    "registratie",
    "sector",
    "taak",
    "vraag",
    "signaal",
    "strategie",
];

const ADJECTIVES: &[&str] = &[
    "effectieve",
    "proportionele",
    "zorgvuldige",
    "gerichte",
    "structurele",
    "Europese",
    "nationale",
    "onafhankelijke",
    "technische",
    "juridische",
    "brede",
    "snelle",
    "duurzame",
    "heldere",
    "strikte",
    "beperkte",
    "verplichte",
    "vrijwillige",
];

const TEMPLATES: &[&str] = &[
    "Wij vragen u om {term} niet los te zien van {compound} en {compound}.",
    "In {year} ontving {org} ruim {count} meldingen over {term}, waarvan een groot deel via {compound} binnenkwam.",
    "Volgens {org} is {term} alleen aanvaardbaar met een {adj} {compound}.",
    "Het kabinet heeft in {month} {year} aangegeven dat {term} onder voorwaarden mogelijk moet blijven.",
    "{person} wees er tijdens het debat op dat {term} gevolgen heeft voor {compound} in alle lidstaten.",
    "De zorgen over {term} zijn bekend, maar een {adj} {compound} kan die zorgen wegnemen.",
    "Uit onderzoek van {org} blijkt dat {percent}% van de jongeren te maken krijgt met {term}.",
    "Een {adj} {compound} vraagt om heldere afspraken tussen {org} en {org}.",
    "Daarom pleiten wij voor {term} met een {adj} {compound} en periodieke evaluatie.",
    "Het voorstel van {org} gaat uit van {term}, terwijl {org} juist waarschuwt voor {compound}.",
    "Wij delen de analyse dat {term} de {compound} van burgers raakt.",
    "Tegelijkertijd mag {term} er niet toe leiden dat {compound} en {compound} onder druk komen te staan.",
    "Sinds {day} {month} {year} werkt {org} met een {adj} {compound} voor aanbieders van online diensten.",
    "De inzet van Nederland in de JBZ-raad is erop gericht dat {term} beperkt blijft tot {term}.",
    "Wij zien in de praktijk dat {compound} zonder {compound} weinig oplevert.",
    "Aanbieders van berichtendiensten wijzen erop dat {term} technisch niet te verenigen is met {term}.",
    "Het aantal meldingen bij {org} steeg tussen {year} en {year2} met {percent}%.",
    "Volgens {person} van {org} is een {adj} {compound} de enige begaanbare weg.",
    "De Europese Commissie stelt in haar effectbeoordeling dat {term} jaarlijks {count} kinderen kan helpen.",
    "Het is van groot belang dat {org} over voldoende {compound} beschikt.",
    "Wij onderschrijven de doelen van de verordening, maar {term} schiet op dit punt tekort.",
    "De motie-{surname} vraagt de regering om {term} uit te sluiten zolang {compound} ontbreekt.",
    "In {city} werken {org} en {org} samen aan een {adj} {compound}.",
    "Kinderen hebben recht op bescherming en op privacy, en {term} moet beide recht doen.",
    "De Autoriteit Persoonsgegevens concludeerde dat {term} een {adj} inbreuk op de {compound} kan vormen.",
    "Een detectiebevel mag alleen na een rechterlijke toets worden gegeven, voor ten hoogste {months} maanden.",
    "Wij raden aan om {compound} en {compound} onder te brengen bij het EU-centrum.",
    "In de triloog van {month} {year} werd gesproken over {term} en over {compound}.",
    "Het rapport van {org} uit {year} noemt {count} gevallen waarin {term} tot een veroordeling leidde.",
    "Daarbij verdient de positie van slachtoffers een {adj} plek in het {compound}.",
    "Zonder {term} blijft een groot deel van het materiaal buiten beeld, zo stelt {org}.",
    "Wij verzoeken u de minister te vragen om {term} in de Raad te steunen.",
    "De vraag is of {term} proportioneel is, gelet op de {compound} en de {compound}.",
    "Het bericht van {person} op {day} {month} maakte duidelijk dat {org} zich beraadt op {term}.",
    "Volgens cijfers van {org} ging het in {year} om {count} unieke afbeeldingen en video's.",
    "Het Hongaarse en het Belgische voorzitterschap legden elk een compromistekst voor over {term}.",
];

/// A short heading pool per section.
pub const HEADINGS: &[&str] = &[
    "Waarom is er wetgeving nodig?",
    "Detectie en privacy",
    "Het EU-centrum",
    "Waarborgen en proces",
    "Versleuteling",
    "Preventie",
    "De rol van hulplijnen",
    "Detectiebevelen",
    "Bekend en nieuw materiaal",
    "Client-side scanning",
    "De positie van Nederland",
    "Toezicht en handhaving",
    "Cijfers over meldingen",
    "Slachtoffers centraal",
    "Leeftijdsverificatie",
    "Grondrechten",
    "Vrijwillige detectie",
    "Stand van de onderhandelingen",
    "Europol en opsporing",
    "Onze aanbevelingen",
    "Hash-matching",
    "Wat vragen wij?",
];

const DOMAINS: &[&str] = &[
    "www.missingkids.org",
    "www.iwf.org.uk",
    "www.europol.europa.eu",
    "eur-lex.europa.eu",
    "www.tweedekamer.nl",
    "www.rijksoverheid.nl",
    "www.bitsoffreedom.nl",
    "www.offlimits.nl",
    "edps.europa.eu",
    "www.wodc.nl",
    "www.consilium.europa.eu",
    "www.europarl.europa.eu",
];

/// A Dutch compound word (two parts, sometimes three).
pub fn compound(rng: &mut Rng) -> String {
    let mut w = String::from(rng.pick(PREFIXES));
    if rng.chance(0.25) {
        w.push_str(rng.pick(PREFIXES));
    }
    w.push_str(rng.pick(SUFFIXES));
    w
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One sentence, ending in a full stop.
pub fn sentence(rng: &mut Rng) -> String {
    let template = rng.pick(TEMPLATES);
    let mut out = String::with_capacity(template.len() + 80);
    let mut rest: &str = template;
    let year = rng.range(2018, 2024);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap_or(0);
        let fill = match &rest[open + 1..close] {
            "term" => rng.pick(TERMS).to_string(),
            "org" => rng.pick(ORGS).to_string(),
            "compound" => compound(rng),
            "adj" => rng.pick(ADJECTIVES).to_string(),
            "person" => person(rng),
            "surname" => capitalise(rng.pick(SURNAMES)),
            "city" => rng.pick(CITIES).to_string(),
            "year" => year.to_string(),
            "year2" => (year + rng.range(1, 3)).to_string(),
            "month" => rng.pick(&MONTHS).to_string(),
            "months" => rng.range(6, 24).to_string(),
            "day" => rng.range(1, 28).to_string(),
            "percent" => rng.range(5, 95).to_string(),
            "count" => thousands(rng.range(120, 90_000)),
            other => other.to_string(),
        };
        out.push_str(&fill);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    capitalise(&out)
}

/// `57.000`-style numbers.
fn thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{}.{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// A footnote's text; `markdown` allows link syntax.
pub fn note(rng: &mut Rng, markdown: bool) -> String {
    let domain = rng.pick(DOMAINS);
    let path = format!(
        "{}/{}-{}",
        rng.range(2019, 2025),
        compound(rng),
        rng.range(1, 9999)
    );
    let url = format!("https://{domain}/{path}");
    let session = rng.range(2020, 2025);
    match rng.below(5) {
        0 => format!(
            "Kamerstukken II {session}/{:02}, 26643, nr. {}.",
            (session + 1) % 100,
            rng.range(700, 1200)
        ),
        1 if markdown => format!("[Rapport over {} \\({domain}\\)]({url})", compound(rng)),
        2 if markdown => format!("<{url}>"),
        3 => format!(
            "Zie {}, {} over {}, {}, p. {}.",
            rng.pick(ORGS),
            "rapport",
            compound(rng),
            rng.range(2019, 2025),
            rng.range(2, 140)
        ),
        _ => url,
    }
}
