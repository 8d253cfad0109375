//! Synthetic datasets in the dataset format (docs/dataset.md), for
//! benchmarks and scale tests. They never stand in for real data: the title
//! says "synthetic" in both languages, every incident title starts with
//! "Synthetic incident", and every source link points at example.org.
//!
//! The output is a pure function of `(count, seed)`. The generator uses its
//! own small PRNG and only arithmetic that rounds identically everywhere
//! (no `sin`, `cos`, `powi`, `ln` from the platform's maths library), so the
//! same arguments give the same bytes on every machine. Each incident draws
//! from its own stream, so the incidents of a smaller dataset are a prefix
//! of those of a larger one with the same seed.
//!
//! The mix imitates the real default dataset (`data/incidents.json`): the
//! same six patterns, mostly ISIS attacks in the Badia, Homs, Deir ez-Zor
//! and Raqqa with some around Damascus, uncertain dates and places, and
//! casualty figures as competing claims.

use std::io::{self, Write};

use serde::Serialize;

use crate::dataset::governorate_name;
use crate::text::{Lang, Text};
use crate::time::calendar::{civil_from_days, days_from_civil, days_in_month};

/// Writes a synthetic dataset of `count` incidents as JSON text.
///
/// Same `count` and `seed`, same bytes. See [`write_dataset`] to stream a
/// large dataset to a file instead of building it in memory.
pub fn generate(count: usize, seed: u64) -> String {
    // About 650 bytes an incident plus the fixed tables.
    let mut buf = Vec::with_capacity(count.saturating_mul(700).saturating_add(80_000));
    write_dataset(count, seed, &mut buf).expect("writing to memory does not fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// Streams a synthetic dataset of `count` incidents to `out`.
///
/// The layout is compact JSON with one table entry or incident per line, so
/// the file stays small yet diffs and `head` stay readable.
pub fn write_dataset<W: Write>(count: usize, seed: u64, mut out: W) -> io::Result<()> {
    let sources = SourcePool::new();
    out.write_all(b"{\"format\":\"incident-atlas\",\"version\":1,\n\"meta\":")?;
    serde_json::to_writer(&mut out, &meta(count, seed))?;
    write_list(&mut out, "patterns", PATTERNS.iter().map(PatternOut::from))?;
    write_list(&mut out, "actors", ACTORS.iter().map(NamedOut::from))?;
    write_list(
        &mut out,
        "claimants",
        CLAIMANTS.iter().map(ClaimantOut::from),
    )?;
    write_list(&mut out, "sources", sources.entries())?;
    write_list(
        &mut out,
        "incidents",
        (0..count).map(|index| incident(index, seed, &sources)),
    )?;
    out.write_all(b"}\n")?;
    out.flush()
}

/// `,"key":[` then one item a line, then `]`.
fn write_list<W: Write, T: Serialize>(
    out: &mut W,
    key: &str,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    write!(out, ",\n\"{key}\":[")?;
    for (i, item) in items.enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"\n]")
}

// ---------------------------------------------------------------------------
// Randomness

/// SplitMix64 (Steele, Lea & Flood, 2014): one add and a mixing function per
/// number. Plenty for test data, and small enough to own instead of
/// depending on a crate whose stream could change between versions.
struct SplitMix64 {
    state: u64,
}

/// The golden-ratio increment of SplitMix64.
const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's output function: a strong 64-bit bit mixer.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl SplitMix64 {
    /// The stream of one incident: mixing seed and index keeps neighbouring
    /// incidents' streams apart (plain `seed + index` would overlap them).
    fn for_incident(seed: u64, index: usize) -> SplitMix64 {
        SplitMix64 {
            state: mix64(seed) ^ mix64((index as u64).wrapping_add(GOLDEN_GAMMA)),
        }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix64(self.state)
    }

    /// A number in `0..n` (n > 0). Multiply-shift: its bias of under
    /// n / 2^64 is far below anything a test could see.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// Uniform in `[0, 1)`, from the top 53 bits.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// An item picked with probability proportional to its weight.
    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u32 = items.iter().map(&weight).sum();
        let mut ticket = self.below(total as usize) as u32;
        for item in items {
            let w = weight(item);
            if ticket < w {
                return item;
            }
            ticket -= w;
        }
        &items[items.len() - 1]
    }

    /// Index into a table of weights.
    fn weighted_index(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut ticket = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if ticket < w {
                return i;
            }
            ticket -= w;
        }
        weights.len() - 1
    }

    /// `k` distinct indexes of `0..n` (k ≤ n) in random order, by a partial
    /// Fisher–Yates shuffle.
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut pool: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            pool.swap(i, j);
        }
        pool.truncate(k.min(n));
        pool
    }

    /// A point uniformly inside a disc of `radius_km`, as (east, north) km.
    /// Rejection sampling needs no trigonometry.
    fn offset_in_disc(&mut self, radius_km: f64) -> (f64, f64) {
        loop {
            let x = 2.0 * self.unit() - 1.0;
            let y = 2.0 * self.unit() - 1.0;
            if x * x + y * y <= 1.0 {
                return (x * radius_km, y * radius_km);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Geography

/// A named place incidents happen at or near. Coordinates are rounded
/// approximations for realism, not a gazetteer.
struct Town {
    en: &'static str,
    ar: &'static str,
    governorate: &'static str,
    lat: f64,
    lon: f64,
    /// How often incidents happen around it, relative to the other towns.
    weight: u32,
    /// How far from it a "near" or "area" point may fall: small by the
    /// coast and the borders, so points stay in Syria.
    spread_km: f64,
}

const fn town(
    en: &'static str,
    ar: &'static str,
    governorate: &'static str,
    (lat, lon): (f64, f64),
    weight: u32,
    spread_km: f64,
) -> Town {
    Town {
        en,
        ar,
        governorate,
        lat,
        lon,
        weight,
        spread_km,
    }
}

/// Towns by governorate; each governorate's seat comes first, and stands
/// for the whole governorate when a place is only known to that precision.
/// The weights put about half the incidents in Homs, Deir ez-Zor and Raqqa
/// (the Badia) and a tenth around Damascus.
#[rustfmt::skip]
const TOWNS: &[Town] = &[
    town("Homs", "حمص", "homs", (34.73, 36.71), 3, 12.0),
    town("Palmyra", "تدمر", "homs", (34.56, 38.28), 8, 25.0),
    town("As-Sukhnah", "السخنة", "homs", (34.88, 38.87), 6, 25.0),
    town("Al-Qaryatayn", "القريتين", "homs", (34.23, 37.24), 3, 25.0),
    town("T4 airbase", "مطار التيفور", "homs", (34.52, 37.63), 3, 20.0),
    town("Al-Furqlus", "الفرقلس", "homs", (34.65, 37.07), 2, 20.0),
    town("Arak", "آراك", "homs", (34.67, 38.57), 3, 25.0),
    town("Deir ez-Zor", "دير الزور", "deir-ez-zor", (35.34, 40.14), 6, 20.0),
    town("Al-Mayadin", "الميادين", "deir-ez-zor", (35.02, 40.45), 5, 20.0),
    town("Al-Bukamal", "البوكمال", "deir-ez-zor", (34.45, 40.92), 4, 10.0),
    town("Hajin", "هجين", "deir-ez-zor", (34.69, 40.83), 2, 12.0),
    town("Kabajeb", "كباجب", "deir-ez-zor", (35.16, 39.63), 3, 25.0),
    town("Ash-Shula", "الشولا", "deir-ez-zor", (35.20, 39.87), 2, 25.0),
    town("Al-Busayrah", "البصيرة", "deir-ez-zor", (35.15, 40.43), 2, 15.0),
    town("Raqqa", "الرقة", "ar-raqqa", (35.95, 39.01), 4, 20.0),
    town("Tabqa", "الطبقة", "ar-raqqa", (35.84, 38.55), 2, 20.0),
    town("Ma'dan", "معدان", "ar-raqqa", (35.74, 39.66), 2, 25.0),
    town("Resafa", "الرصافة", "ar-raqqa", (35.63, 38.76), 3, 25.0),
    town("Hama", "حماة", "hama", (35.13, 36.75), 1, 12.0),
    town("Salamiyah", "السلمية", "hama", (35.01, 37.05), 3, 20.0),
    town("Ithriyah", "أثريا", "hama", (35.37, 37.40), 4, 25.0),
    town("Uqayribat", "عقيربات", "hama", (35.17, 37.34), 2, 20.0),
    town("Aleppo", "حلب", "aleppo", (36.20, 37.16), 1, 12.0),
    town("Khanasser", "خناصر", "aleppo", (35.78, 37.50), 3, 20.0),
    town("As-Safira", "السفيرة", "aleppo", (36.07, 37.37), 1, 15.0),
    town("Maskanah", "مسكنة", "aleppo", (35.96, 38.04), 2, 20.0),
    town("Damascus", "دمشق", "damascus", (33.51, 36.29), 3, 5.0),
    town("Douma", "دوما", "rif-dimashq", (33.57, 36.40), 1, 8.0),
    town("Ad-Dumayr", "الضمير", "rif-dimashq", (33.64, 36.69), 2, 20.0),
    town("Jayrud", "جيرود", "rif-dimashq", (33.81, 36.74), 1, 20.0),
    town("Al-Qutayfah", "القطيفة", "rif-dimashq", (33.74, 36.60), 1, 12.0),
    town("Yabroud", "يبرود", "rif-dimashq", (33.97, 36.66), 1, 10.0),
    town("Al-Kiswah", "الكسوة", "rif-dimashq", (33.36, 36.24), 1, 8.0),
    town("As-Suwayda", "السويداء", "as-suwayda", (32.71, 36.57), 2, 12.0),
    town("Shahba", "شهبا", "as-suwayda", (32.85, 36.63), 1, 12.0),
    town("Salkhad", "صلخد", "as-suwayda", (32.49, 36.71), 1, 10.0),
    town("Daraa", "درعا", "daraa", (32.62, 36.10), 3, 8.0),
    town("Nawa", "نوى", "daraa", (32.89, 36.04), 1, 8.0),
    town("Tafas", "طفس", "daraa", (32.74, 36.07), 1, 8.0),
    town("Busra al-Sham", "بصرى الشام", "daraa", (32.52, 36.48), 1, 10.0),
    town("Khan Arnabah", "خان أرنبة", "quneitra", (33.18, 35.89), 1, 6.0),
    town("Tartus", "طرطوس", "tartus", (34.89, 35.89), 1, 5.0),
    town("Safita", "صافيتا", "tartus", (34.82, 36.12), 1, 8.0),
    town("Latakia", "اللاذقية", "latakia", (35.52, 35.79), 1, 5.0),
    town("Al-Haffah", "الحفة", "latakia", (35.60, 36.03), 1, 8.0),
    town("Idlib", "إدلب", "idlib", (35.93, 36.63), 1, 10.0),
    town("Saraqib", "سراقب", "idlib", (35.86, 36.80), 1, 10.0),
    town("Abu al-Duhur", "أبو الظهور", "idlib", (35.74, 37.05), 1, 12.0),
    town("Al-Hasakah", "الحسكة", "al-hasakah", (36.50, 40.75), 2, 15.0),
    town("Ash-Shaddadi", "الشدادي", "al-hasakah", (36.06, 40.73), 2, 20.0),
    town("Al-Hol", "الهول", "al-hasakah", (36.39, 41.15), 1, 15.0),
    town("Qamishli", "القامشلي", "al-hasakah", (37.05, 41.23), 1, 6.0),
];

/// A road that "on the X–Y road" incidents happen along.
struct Road {
    en: &'static str,
    ar: &'static str,
    from: (f64, f64),
    to: (f64, f64),
    weight: u32,
}

const ROADS: &[Road] = &[
    Road {
        en: "Palmyra–Deir ez-Zor road",
        ar: "طريق تدمر – دير الزور",
        from: (34.56, 38.28),
        to: (35.34, 40.14),
        weight: 5,
    },
    Road {
        en: "Homs–Palmyra road",
        ar: "طريق حمص – تدمر",
        from: (34.73, 36.71),
        to: (34.56, 38.28),
        weight: 3,
    },
    Road {
        en: "Ithriyah–Resafa road",
        ar: "طريق أثريا – الرصافة",
        from: (35.37, 37.40),
        to: (35.63, 38.76),
        weight: 3,
    },
    Road {
        en: "Salamiyah–Ithriyah road",
        ar: "طريق السلمية – أثريا",
        from: (35.01, 37.05),
        to: (35.37, 37.40),
        weight: 2,
    },
    Road {
        en: "Ad-Dumayr–Palmyra road",
        ar: "طريق الضمير – تدمر",
        from: (33.64, 36.69),
        to: (34.56, 38.28),
        weight: 2,
    },
    Road {
        en: "Deir ez-Zor–Al-Mayadin road",
        ar: "طريق دير الزور – الميادين",
        from: (35.34, 40.14),
        to: (35.02, 40.45),
        weight: 2,
    },
    Road {
        en: "Al-Mayadin–Al-Bukamal road",
        ar: "طريق الميادين – البوكمال",
        from: (35.02, 40.45),
        to: (34.45, 40.92),
        weight: 2,
    },
];

/// The nominal centre of "the Syrian Badia" for region-precision places.
const BADIA_CENTRE: (f64, f64) = (34.70, 38.40);

/// Governorates the Badia spreads over.
const BADIA_GOVERNORATES: &[&str] = &["homs", "deir-ez-zor", "ar-raqqa", "hama"];

/// Syria's rough extent, a little inside the box the tests check, so that
/// jitter never pushes a point out of the country's frame.
const LAT_RANGE: (f64, f64) = (32.3, 37.3);
const LON_RANGE: (f64, f64) = (35.6, 42.3);

const KM_PER_DEGREE_LAT: f64 = 111.2;

/// cos(x) for |x| ≤ π/2 by its Taylor series. `f64::cos` comes from the
/// platform's maths library, whose last bits differ between systems; plain
/// `+` and `×` round the same everywhere, which byte-identical output needs.
fn cos_taylor(x: f64) -> f64 {
    let x2 = x * x;
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0)))
}

/// Moves (lat, lon) by (east, north) km, keeps it inside Syria's frame and
/// rounds it to 4 decimals (about 10 m), which keeps the file small.
fn displace((lat, lon): (f64, f64), (east_km, north_km): (f64, f64)) -> (f64, f64) {
    let km_per_degree_lon = KM_PER_DEGREE_LAT * cos_taylor(lat.to_radians());
    let lat = (lat + north_km / KM_PER_DEGREE_LAT).clamp(LAT_RANGE.0, LAT_RANGE.1);
    let lon = (lon + east_km / km_per_degree_lon).clamp(LON_RANGE.0, LON_RANGE.1);
    (round_to(lat, 1e4), round_to(lon, 1e4))
}

fn round_to(value: f64, scale: f64) -> f64 {
    (value * scale).round() / scale
}

/// The governorate of the nearest town: good enough for points along roads.
fn governorate_near((lat, lon): (f64, f64)) -> &'static str {
    // Longitude degrees are about 0.82 of latitude degrees at Syria's
    // latitude; exactness does not matter for "nearest".
    let distance2 = |t: &Town| {
        let dlat = t.lat - lat;
        let dlon = (t.lon - lon) * 0.82;
        dlat * dlat + dlon * dlon
    };
    TOWNS
        .iter()
        .min_by(|a, b| distance2(a).total_cmp(&distance2(b)))
        .map_or("homs", |t| t.governorate)
}

/// "north-east" and the like for an offset, in English and Arabic.
fn compass(east: f64, north: f64) -> (&'static str, &'static str) {
    // Within 22.5° of an axis (tan 22.5° ≈ 0.414) it counts as that axis.
    let vertical = if north.abs() > east.abs() * 0.414 {
        north.signum()
    } else {
        0.0
    };
    let horizontal = if east.abs() > north.abs() * 0.414 {
        east.signum()
    } else {
        0.0
    };
    match (vertical as i8, horizontal as i8) {
        (1, 0) => ("north", "شمال"),
        (1, 1) => ("north-east", "شمال شرق"),
        (0, 1) => ("east", "شرق"),
        (-1, 1) => ("south-east", "جنوب شرق"),
        (-1, 0) => ("south", "جنوب"),
        (-1, -1) => ("south-west", "جنوب غرب"),
        (0, -1) => ("west", "غرب"),
        _ => ("north-west", "شمال غرب"),
    }
}

// ---------------------------------------------------------------------------
// Vocabulary

/// An attack pattern: the default dataset's six, with how they show up in
/// synthetic incidents.
struct PatternDef {
    id: &'static str,
    label: (&'static str, &'static str),
    description: (&'static str, &'static str),
    color: &'static str,
    shape: &'static str,
    /// Share of incidents with this as their main pattern.
    weight: u32,
    /// The pattern in an incident title.
    headline: (&'static str, &'static str),
    /// Patterns it is combined with in two-pattern incidents.
    partners: &'static [usize],
    /// What it hits, with weights.
    targets: &'static [TargetDef],
    /// Scale of the death toll it typically causes.
    typical_killed: f64,
}

struct TargetDef {
    kind: &'static str,
    description: (&'static str, &'static str),
    weight: u32,
}

const BUS_AMBUSH: usize = 0;
const HIT_AND_RUN: usize = 1;
const ROADSIDE_BOMB: usize = 2;
const POSITION_ATTACK: usize = 3;
const KIDNAPPING: usize = 4;
const EXPLOSION: usize = 5;

const fn target(kind: &'static str, en: &'static str, ar: &'static str, weight: u32) -> TargetDef {
    TargetDef {
        kind,
        description: (en, ar),
        weight,
    }
}

// Ids, labels, descriptions, colours and shapes as in data/incidents.json.
const PATTERNS: [PatternDef; 6] = [
    PatternDef {
        id: "bus-ambush",
        label: ("Attack on troop bus or transport", "استهداف حافلة مبيت أو آلية لنقل العناصر"),
        description: (
            "An attack on a bus or other vehicle carrying military personnel, such as a personnel shuttle bus (“bus mabeet”).",
            "هجوم على حافلة أو آلية تقلّ عسكريين، كحافلات المبيت التي تنقل العناصر.",
        ),
        color: "#d55e00",
        shape: "circle",
        weight: 24,
        headline: ("bus ambush", "كمين لحافلة"),
        partners: &[ROADSIDE_BOMB, KIDNAPPING, HIT_AND_RUN],
        targets: &[
            target("military-transport", "troop bus", "حافلة مبيت للعناصر", 6),
            target("military-transport", "military vehicle", "آلية عسكرية", 3),
            target("civilian-transport", "passenger bus", "حافلة ركاب", 2),
        ],
        typical_killed: 40.0,
    },
    PatternDef {
        id: "hit-and-run",
        label: ("Hit-and-run raid", "إغارة سريعة وانسحاب"),
        description: (
            "A quick raid followed by immediate withdrawal from the scene, without holding ground.",
            "إغارة سريعة يعقبها انسحاب مباشر من مسرح العمليات دون السيطرة على الأرض.",
        ),
        color: "#0072b2",
        shape: "square",
        weight: 20,
        headline: ("hit-and-run raid", "إغارة سريعة"),
        partners: &[KIDNAPPING, POSITION_ATTACK],
        targets: &[
            target("checkpoint", "checkpoint", "حاجز", 4),
            target("military-position", "army post", "نقطة عسكرية", 3),
            target("civilians", "shepherds", "رعاة أغنام", 1),
        ],
        typical_killed: 20.0,
    },
    PatternDef {
        id: "roadside-bomb",
        label: ("Roadside bomb (IED)", "عبوة ناسفة على الطريق"),
        description: (
            "An improvised explosive device planted on or beside a road and set off against a passing vehicle.",
            "عبوة ناسفة تُزرع على الطريق أو إلى جانبه وتُفجَّر لدى مرور آلية.",
        ),
        color: "#009e73",
        shape: "triangle",
        weight: 18,
        headline: ("roadside bomb", "عبوة ناسفة"),
        partners: &[BUS_AMBUSH, HIT_AND_RUN],
        targets: &[
            target("military-transport", "military vehicle", "آلية عسكرية", 5),
            target("civilian-transport", "truffle hunters' car", "سيارة لجامعي الكمأة", 2),
            target("other", "fuel tanker", "صهريج وقود", 1),
        ],
        typical_killed: 15.0,
    },
    PatternDef {
        id: "position-attack",
        label: ("Attack on military positions", "هجوم على مواقع عسكرية"),
        description: (
            "An attack on military positions, posts or bases.",
            "هجوم على مواقع أو نقاط أو قواعد عسكرية.",
        ),
        color: "#cc79a7",
        shape: "diamond",
        weight: 22,
        headline: ("attack on positions", "هجوم على مواقع"),
        partners: &[HIT_AND_RUN, EXPLOSION],
        targets: &[
            target("military-position", "army post", "نقطة عسكرية", 4),
            target("military-position", "militia position", "موقع لميليشيا مساندة", 3),
            target("checkpoint", "checkpoint", "حاجز", 2),
        ],
        typical_killed: 35.0,
    },
    PatternDef {
        id: "kidnapping",
        label: ("Kidnapping", "خطف"),
        description: ("People taken by the attackers.", "خطف أشخاص على يد المهاجمين."),
        color: "#e69f00",
        shape: "cross",
        weight: 7,
        headline: ("kidnapping", "خطف"),
        partners: &[HIT_AND_RUN, BUS_AMBUSH],
        targets: &[
            target("civilians", "truffle hunters", "جامعو الكمأة", 3),
            target("civilian-transport", "passenger bus", "حافلة ركاب", 1),
            target("military-transport", "soldiers on leave", "عناصر في إجازة", 1),
        ],
        typical_killed: 5.0,
    },
    PatternDef {
        id: "explosion",
        label: ("Explosion (device not specified)", "انفجار (دون تحديد نوع العبوة)"),
        description: (
            "An explosion whose device or placement the reports do not specify.",
            "انفجار لا تحدد التقارير نوع العبوة التي سببته ولا مكان زرعها.",
        ),
        color: "#56b4e9",
        shape: "star",
        weight: 9,
        headline: ("explosion", "انفجار"),
        partners: &[POSITION_ATTACK, ROADSIDE_BOMB],
        targets: &[
            target("infrastructure", "gas pipeline", "خط غاز", 2),
            target("infrastructure", "power line", "خط كهرباء", 1),
            target("military-position", "army post", "نقطة عسكرية", 2),
            target("unknown", "unclear target", "هدف غير واضح", 1),
        ],
        typical_killed: 20.0,
    },
];

/// (id, English, Arabic)
const ACTORS: [(&str, &str, &str); 3] = [
    (
        "isis",
        "Islamic State (ISIS)",
        "تنظيم الدولة الإسلامية (داعش)",
    ),
    (
        "armed-group-a",
        "Armed group A (synthetic)",
        "مجموعة مسلحة أ (اصطناعية)",
    ),
    (
        "armed-group-b",
        "Armed group B (synthetic)",
        "مجموعة مسلحة ب (اصطناعية)",
    ),
];

/// Who names the perpetrator: (attribution, weight). "unknown" comes with
/// no actor, as the loader expects.
const ATTRIBUTIONS: [(&str, u32); 5] = [
    ("claimed", 15),
    ("asserted", 10),
    ("believed", 30),
    ("alleged", 20),
    ("unknown", 25),
];

struct ClaimantDef {
    id: &'static str,
    name: (&'static str, &'static str),
    kind: &'static str,
    /// How the claimant's counts compare with the "true" toll: government
    /// sources play losses down, monitors count high.
    bias: (f64, f64),
}

const CLAIMANTS: [ClaimantDef; 8] = [
    ClaimantDef {
        id: "state-agency",
        name: (
            "State news agency (synthetic)",
            "وكالة الأنباء الرسمية (اصطناعية)",
        ),
        kind: "government",
        bias: (0.4, 0.9),
    },
    ClaimantDef {
        id: "defence-ministry",
        name: ("Ministry of Defence (synthetic)", "وزارة الدفاع (اصطناعية)"),
        kind: "government",
        bias: (0.3, 0.8),
    },
    ClaimantDef {
        id: "monitor-a",
        name: ("Monitoring group A (synthetic)", "مجموعة رصد أ (اصطناعية)"),
        kind: "monitor",
        bias: (0.9, 1.4),
    },
    ClaimantDef {
        id: "monitor-b",
        name: (
            "Documentation network B (synthetic)",
            "شبكة توثيق ب (اصطناعية)",
        ),
        kind: "monitor",
        bias: (0.9, 1.2),
    },
    ClaimantDef {
        id: "outlet-a",
        name: (
            "Outlet A, own reporting (synthetic)",
            "الموقع أ، رواية الموقع (اصطناعي)",
        ),
        kind: "media",
        bias: (0.8, 1.3),
    },
    ClaimantDef {
        id: "outlet-a-correspondent",
        name: (
            "Outlet A correspondent (synthetic)",
            "مراسل الموقع أ (اصطناعي)",
        ),
        kind: "media",
        bias: (0.8, 1.2),
    },
    ClaimantDef {
        id: "outlet-b",
        name: (
            "Outlet B, own reporting (synthetic)",
            "الموقع ب، رواية الموقع (اصطناعي)",
        ),
        kind: "media",
        bias: (0.7, 1.3),
    },
    ClaimantDef {
        id: "local-network-c",
        name: (
            "Local news network C (synthetic)",
            "شبكة أخبار محلية ج (اصطناعية)",
        ),
        kind: "media",
        bias: (0.9, 1.5),
    },
];

/// Non-numeric wordings of a figure, by the size they suit: (at least this
/// many, wordings). "Dozens" for three people would read as a bug.
const FIGURE_WORDS: [(u32, [(&str, &str); 2]); 3] = [
    (24, [("dozens", "العشرات"), ("a large number", "عدد كبير")]),
    (10, [("a large number", "عدد كبير"), ("others", "آخرون")]),
    (2, [("several", "عدد من"), ("others", "آخرون")]),
];

/// (slug, English, Arabic, language of its reports)
const OUTLETS: [(&str, &str, &str, &str); 6] = [
    ("outlet-a", "Outlet A", "الموقع أ", "ar"),
    (
        "state-agency",
        "State news agency",
        "وكالة الأنباء الرسمية",
        "ar",
    ),
    ("monitor-a", "Monitoring group A", "مجموعة رصد أ", "ar"),
    ("outlet-b", "Outlet B", "الموقع ب", "ar"),
    ("wire-d", "Wire agency D", "وكالة الأنباء د", "en"),
    (
        "network-c",
        "Local news network C",
        "شبكة أخبار محلية ج",
        "ar",
    ),
];

// ---------------------------------------------------------------------------
// Time

const FIRST_YEAR: i32 = 2014;
const LAST_YEAR: i32 = 2024;

/// Incidents per year, relative: a rise as the insurgency moved into the
/// desert after 2019.
const YEAR_WEIGHTS: [u32; 11] = [4, 5, 6, 8, 7, 9, 12, 13, 11, 12, 8];

/// Incidents per month, relative: most in spring (the Badia's truffle
/// season), a smaller peak in autumn, fewest in high summer.
const MONTH_WEIGHTS: [u32; 12] = [9, 13, 15, 14, 10, 7, 6, 6, 8, 10, 9, 8];

/// (precision, weight): mostly exact days, as in news reports.
const DATE_PRECISIONS: [(&str, u32); 7] = [
    ("exact", 58),
    ("days", 10),
    ("week", 7),
    ("part-of-month", 9),
    ("month", 8),
    ("season", 5),
    ("year", 3),
];

use crate::i18n::MONTHS_EN;

/// Levantine and standard names together, as Syrian outlets write them.
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيو",
    "تموز/يوليو",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

fn iso_date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "12 March 2021" / "12 آذار/مارس 2021"
fn spoken_date(day: i64) -> (String, String) {
    let (y, m, d) = civil_from_days(day);
    let month = (m - 1) as usize;
    (
        format!("{d} {} {y}", MONTHS_EN[month]),
        format!("{d} {} {y}", MONTHS_AR[month]),
    )
}

// ---------------------------------------------------------------------------
// Sources

/// How many periodic reports the incidents cite.
const SOURCE_POOL_SIZE: usize = 300;

/// The report the synthetic dataset pretends to be built from; some
/// incidents cite it, so "not in the primary report" shows up too.
const PRIMARY_SOURCE_ID: &str = "synth-primary";

/// The pool of sources: periodic security roundups spread evenly from
/// 2014 to early 2025, so every incident can cite reports published after it.
struct SourcePool {
    /// Publication day (days since 1970) of each roundup, ascending.
    days: Vec<i64>,
}

impl SourcePool {
    fn new() -> SourcePool {
        let first = days_from_civil(FIRST_YEAR, 1, 1);
        // Past the last incident, so late ones still find reports after them.
        let last = days_from_civil(LAST_YEAR + 1, 3, 31);
        let span = last - first;
        let n = SOURCE_POOL_SIZE as i64;
        let days = (1..=n).map(|k| first + k * span / n).collect();
        SourcePool { days }
    }

    fn id(index: usize) -> String {
        format!("src-{:03}", index + 1)
    }

    fn entries(&self) -> impl Iterator<Item = SourceOut> + '_ {
        let primary = SourceOut {
            id: PRIMARY_SOURCE_ID.into(),
            outlet: Text::new("Synthetic data generator", "مولّد البيانات الاصطناعية"),
            title: Some(Text::new(
                "Synthetic compendium of incidents, 2014–2024 (not real)",
                "مجموعة حوادث اصطناعية، 2014–2024 (ليست حقيقية)",
            )),
            url: "https://example.org/synthetic/compendium".into(),
            date: iso_date(days_from_civil(LAST_YEAR + 1, 4, 1)),
            language: "en",
        };
        let roundups = self.days.iter().enumerate().map(|(index, &day)| {
            let (slug, en, ar, language) = OUTLETS[index % OUTLETS.len()];
            let number = index + 1;
            let (year, month, _) = civil_from_days(day);
            SourceOut {
                id: SourcePool::id(index),
                outlet: Text::new(en, ar),
                title: Some(Text {
                    en: Some(format!("Security roundup no. {number}")),
                    ar: Some(format!("الحصيلة الأمنية رقم {number}")),
                }),
                url: format!("https://example.org/{slug}/{year}/{month:02}/roundup-{number}"),
                date: iso_date(day),
                language,
            }
        });
        std::iter::once(primary).chain(roundups)
    }

    /// 1–3 distinct sources for an incident that ended on `end_day`: among
    /// the first few roundups published on or after that day, sometimes
    /// with the primary report in place of one of them.
    fn cite(&self, end_day: i64, rng: &mut SplitMix64) -> Vec<String> {
        const WINDOW: usize = 5;
        let count = [1, 2, 3][rng.weighted_index(&[55, 30, 15])];
        let first = self
            .days
            .partition_point(|&day| day < end_day)
            .min(self.days.len() - WINDOW);
        let mut ids: Vec<String> = rng
            .distinct(WINDOW, count)
            .into_iter()
            .map(|k| SourcePool::id(first + k))
            .collect();
        if rng.chance(0.3) {
            ids[0] = PRIMARY_SOURCE_ID.into();
        }
        ids
    }
}

// ---------------------------------------------------------------------------
// Output shapes: the JSON format with its field order, optional fields left
// out when absent to keep the file compact.

#[derive(Serialize)]
struct MetaOut {
    title: Text,
    description: Text,
    attribution: Text,
    primary_source: &'static str,
    default_language: &'static str,
    default_view: ViewOut,
}

#[derive(Serialize)]
struct ViewOut {
    region: &'static str,
}

#[derive(Serialize)]
struct PatternOut {
    id: &'static str,
    label: Text,
    description: Text,
    color: &'static str,
    shape: &'static str,
}

impl From<&PatternDef> for PatternOut {
    fn from(p: &PatternDef) -> PatternOut {
        PatternOut {
            id: p.id,
            label: Text::new(p.label.0, p.label.1),
            description: Text::new(p.description.0, p.description.1),
            color: p.color,
            shape: p.shape,
        }
    }
}

#[derive(Serialize)]
struct NamedOut {
    id: &'static str,
    name: Text,
}

impl From<&(&'static str, &'static str, &'static str)> for NamedOut {
    fn from(&(id, en, ar): &(&'static str, &'static str, &'static str)) -> NamedOut {
        NamedOut {
            id,
            name: Text::new(en, ar),
        }
    }
}

#[derive(Serialize)]
struct ClaimantOut {
    id: &'static str,
    name: Text,
    kind: &'static str,
}

impl From<&ClaimantDef> for ClaimantOut {
    fn from(c: &ClaimantDef) -> ClaimantOut {
        ClaimantOut {
            id: c.id,
            name: Text::new(c.name.0, c.name.1),
            kind: c.kind,
        }
    }
}

#[derive(Serialize)]
struct SourceOut {
    id: String,
    outlet: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Text>,
    url: String,
    date: String,
    language: &'static str,
}

#[derive(Serialize)]
struct IncidentOut {
    id: String,
    title: Text,
    when: WhenOut,
    #[serde(rename = "where")]
    location: WhereOut,
    patterns: Vec<&'static str>,
    perpetrator: PerpetratorOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<TargetOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    casualties: Vec<ClaimOut>,
    sources: Vec<String>,
}

#[derive(Serialize)]
struct WhenOut {
    start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    precision: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_reported: Option<Text>,
}

#[derive(Serialize)]
struct WhereOut {
    places: Vec<PlaceOut>,
}

#[derive(Serialize)]
struct PlaceOut {
    name: Text,
    lat: f64,
    lon: f64,
    precision: &'static str,
    radius_km: Kilometres,
    governorate: &'static str,
}

/// A distance written as `10` rather than serde's `10.0` when it is whole:
/// a few bytes an incident, megabytes at scale.
struct Kilometres(f64);

impl Serialize for Kilometres {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let whole = self.0 as u32;
        if f64::from(whole) == self.0 {
            serializer.serialize_u32(whole)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

#[derive(Serialize)]
struct PerpetratorOut {
    /// `null` when nobody is named.
    actor: Option<&'static str>,
    attribution: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    according_to: Vec<String>,
}

#[derive(Serialize)]
struct TargetOut {
    kind: &'static str,
    description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    disputed: Option<Text>,
}

#[derive(Serialize)]
struct ClaimOut {
    claimant: &'static str,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    killed: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wounded: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kidnapped: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    killed_or_wounded: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    victims: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<Text>,
}

/// A figure in each of its JSON forms (docs/dataset.md, "Figure").
#[derive(Serialize)]
#[serde(untagged)]
enum FigureOut {
    Exact(u32),
    Approx { approx: u32 },
    AtLeast { at_least: u32 },
    MoreThan { more_than: u32 },
    Range { min: u32, max: u32 },
    Words { text: Text },
}

// ---------------------------------------------------------------------------
// Generation

fn meta(count: usize, seed: u64) -> MetaOut {
    MetaOut {
        title: Text::new(
            "SYNTHETIC test data — not real incidents",
            "بيانات اصطناعية للاختبار — ليست حوادث حقيقية",
        ),
        description: Text {
            en: Some(format!(
                "{count} made-up incidents for benchmarks and scale tests (seed {seed}). \
                 Places, dates, figures and sources are random: none of this happened."
            )),
            ar: Some(format!(
                "حوادث مختلَقة لاختبارات الأداء والحجم (عددها {count}، البذرة {seed}). \
                 الأماكن والتواريخ والأرقام والمصادر عشوائية، ولم يقع شيء من ذلك."
            )),
        },
        attribution: Text::new(
            "Generated by Incident Atlas's synth tool. Town coordinates are rounded approximations.",
            "ولّدتها أداة synth في «أطلس الحوادث». إحداثيات المدن تقريبية.",
        ),
        primary_source: PRIMARY_SOURCE_ID,
        default_language: "ar",
        default_view: ViewOut { region: "syria" },
    }
}

fn incident(index: usize, seed: u64, sources: &SourcePool) -> IncidentOut {
    let rng = &mut SplitMix64::for_incident(seed, index);
    let number = index + 1;

    let main_pattern = rng.weighted_index(&PATTERNS.map(|p| p.weight));
    let mut pattern_indexes = vec![main_pattern];
    if rng.chance(0.2) {
        let partners = PATTERNS[main_pattern].partners;
        pattern_indexes.push(partners[rng.below(partners.len())]);
    }
    let pattern = &PATTERNS[main_pattern];

    let (when, end_day) = when(rng);
    let first = place(rng);
    let mut places = vec![first.place];
    let mut headline_place = first.headline;
    // A few reports lump attacks in two areas into one incident.
    if rng.chance(0.05) {
        let second = place(rng);
        places.push(second.place);
        headline_place = (
            format!("{} and {}", headline_place.0, second.headline.0),
            format!("{} و{}", headline_place.1, second.headline.1),
        );
    }

    let title = Text {
        en: Some(format!(
            "Synthetic incident {number} — {} {}",
            pattern.headline.0, headline_place.0
        )),
        ar: Some(format!(
            "حادثة اصطناعية {number} — {} {}",
            pattern.headline.1, headline_place.1
        )),
    };

    let sources = sources.cite(end_day, rng);
    let perpetrator = perpetrator(rng, &sources);
    let target_def = rng.weighted(pattern.targets, |t| t.weight);
    let target = rng.chance(0.9).then(|| TargetOut {
        kind: target_def.kind,
        description: Text::new(target_def.description.0, target_def.description.1),
        disputed: rng.chance(0.05).then(|| disputed(target_def.kind)),
    });
    let casualties = claims(rng, pattern, &pattern_indexes, target_def.kind, &sources);

    IncidentOut {
        id: format!("synth-{number}"),
        title,
        when,
        location: WhereOut { places },
        patterns: pattern_indexes.iter().map(|&i| PATTERNS[i].id).collect(),
        perpetrator,
        target,
        casualties,
        sources,
    }
}

/// When the incident happened, with its last day (days since 1970) for
/// picking sources published after it.
fn when(rng: &mut SplitMix64) -> (WhenOut, i64) {
    let year = FIRST_YEAR + rng.weighted_index(&YEAR_WEIGHTS) as i32;
    let month = rng.weighted_index(&MONTH_WEIGHTS) as u32 + 1;
    let month_length = days_in_month(year, month);
    let day = rng.between(1, month_length);
    let precision = rng.weighted(&DATE_PRECISIONS, |p| p.1).0;
    let month_en = MONTHS_EN[(month - 1) as usize];
    let month_ar = MONTHS_AR[(month - 1) as usize];

    // (first day, last day, wording) of the interval.
    let (start, end, as_reported) = match precision {
        "exact" => {
            let start = days_from_civil(year, month, day);
            // Some reports give the hour, mostly evening and night.
            let start_text = if rng.chance(0.35) {
                let hour = if rng.chance(0.6) {
                    (17 + rng.below(10)) % 24
                } else {
                    rng.below(24)
                };
                let minute = rng.below(12) * 5;
                format!("{}T{hour:02}:{minute:02}", iso_date(start))
            } else {
                iso_date(start)
            };
            let when = WhenOut {
                start: start_text,
                end: None,
                precision,
                as_reported: None,
            };
            return (when, start);
        }
        "days" => {
            // "in the days before" a report: 2–4 days up to it.
            let (start, end) = fit_interval(days_from_civil(year, month, day), rng.between(2, 4));
            let (en, ar) = spoken_date(end);
            (
                start,
                end,
                (
                    format!("in the days before {en}"),
                    format!("في الأيام التي سبقت {ar}"),
                ),
            )
        }
        "week" => {
            let (start, end) = fit_interval(days_from_civil(year, month, day), 7);
            let (en, ar) = spoken_date(end);
            (
                start,
                end,
                (
                    format!("in the week to {en}"),
                    format!("خلال الأسبوع المنتهي في {ar}"),
                ),
            )
        }
        "part-of-month" => {
            // Early, mid and late: days 1–10, 11–20 and 21 to the end.
            let third = (day.min(30) - 1) / 10;
            let (first, last) = [(1, 10), (11, 20), (21, month_length)][third as usize];
            let (en, ar) =
                [("early", "مطلع"), ("mid-", "منتصف"), ("late", "أواخر")][third as usize];
            let en = if en.ends_with('-') {
                format!("{en}{month_en} {year}")
            } else {
                format!("{en} {month_en} {year}")
            };
            (
                days_from_civil(year, month, first),
                days_from_civil(year, month, last),
                (en, format!("{ar} {month_ar} {year}")),
            )
        }
        "month" => (
            days_from_civil(year, month, 1),
            days_from_civil(year, month, month_length),
            (
                format!("{month_en} {year}"),
                format!("في شهر {month_ar} {year}"),
            ),
        ),
        "season" => {
            // Thirds of the year: "early", "mid-" and "late" 2021.
            let third = (month - 1) / 4;
            let (first_month, last_month) = (third * 4 + 1, third * 4 + 4);
            let (en, ar) = [
                (format!("early {year}"), format!("مطلع عام {year}")),
                (format!("mid-{year}"), format!("منتصف عام {year}")),
                (format!("late {year}"), format!("أواخر عام {year}")),
            ][third as usize]
                .clone();
            (
                days_from_civil(year, first_month, 1),
                days_from_civil(year, last_month, days_in_month(year, last_month)),
                (en, ar),
            )
        }
        _ => (
            days_from_civil(year, 1, 1),
            days_from_civil(year, 12, 31),
            (format!("{year}"), format!("عام {year}")),
        ),
    };
    let when = WhenOut {
        start: iso_date(start),
        end: Some(iso_date(end)),
        precision,
        as_reported: Some(Text {
            en: Some(as_reported.0),
            ar: Some(as_reported.1),
        }),
    };
    (when, end)
}

/// An interval of `length` days starting at `start`, shifted to lie within
/// the generated years.
fn fit_interval(start: i64, length: u32) -> (i64, i64) {
    let length = i64::from(length);
    let first = days_from_civil(FIRST_YEAR, 1, 1);
    let last = days_from_civil(LAST_YEAR, 12, 31);
    let start = start.clamp(first, last - length + 1);
    (start, start + length - 1)
}

/// A place and how the title refers to it ("near Palmyra").
struct GeneratedPlace {
    place: PlaceOut,
    headline: (String, String),
}

fn place(rng: &mut SplitMix64) -> GeneratedPlace {
    let town = rng.weighted(TOWNS, |t| t.weight);
    let precision = ["exact", "near", "area", "region"][rng.weighted_index(&[15, 45, 28, 12])];
    let at = (town.lat, town.lon);
    let generated = |name: (String, String),
                     headline: (String, String),
                     point: (f64, f64),
                     radius_km: f64,
                     governorate: &'static str| GeneratedPlace {
        place: PlaceOut {
            name: Text {
                en: Some(name.0),
                ar: Some(name.1),
            },
            lat: point.0,
            lon: point.1,
            precision,
            radius_km: Kilometres(radius_km),
            governorate,
        },
        headline,
    };
    let town_name = (town.en.to_owned(), town.ar.to_owned());
    match precision {
        "exact" => {
            let point = displace(at, rng.offset_in_disc(1.5_f64.min(town.spread_km)));
            let headline = (format!("in {}", town.en), format!("في {}", town.ar));
            let radius = [0.5, 1.0][rng.below(2)];
            generated(town_name, headline, point, radius, town.governorate)
        }
        "near" => {
            let point = displace(at, rng.offset_in_disc(town.spread_km.min(12.0)));
            let name = (format!("near {}", town.en), format!("قرب {}", town.ar));
            let radius = [5.0, 10.0, 15.0][rng.below(3)];
            generated(name.clone(), name, point, radius, town.governorate)
        }
        "area" if rng.chance(0.4) => {
            let road = rng.weighted(ROADS, |r| r.weight);
            let along = 0.1 + 0.8 * rng.unit();
            let on_road = (
                road.from.0 + (road.to.0 - road.from.0) * along,
                road.from.1 + (road.to.1 - road.from.1) * along,
            );
            let point = displace(on_road, rng.offset_in_disc(3.0));
            let name = (road.en.to_owned(), road.ar.to_owned());
            let headline = (format!("on the {}", road.en), format!("على {}", road.ar));
            let radius = [20.0, 30.0, 40.0][rng.below(3)];
            generated(name, headline, point, radius, governorate_near(point))
        }
        "area" => {
            let offset = rng.offset_in_disc(town.spread_km);
            let point = displace(at, offset);
            let radius = [20.0, 30.0, 40.0][rng.below(3)];
            // Desert towns get "east of X"; small spreads read as the
            // town's countryside.
            let name = if town.spread_km >= 15.0 && rng.chance(0.6) {
                let (en, ar) = compass(offset.0, offset.1);
                (format!("{en} of {}", town.en), format!("{ar} {}", town.ar))
            } else {
                (format!("rural {}", town.en), format!("ريف {}", town.ar))
            };
            let headline = if name.0.starts_with("rural") {
                (format!("in {}", name.0), format!("في {}", name.1))
            } else {
                name.clone()
            };
            generated(name, headline, point, radius, town.governorate)
        }
        _ if BADIA_GOVERNORATES.contains(&town.governorate) && rng.chance(0.5) => {
            let name = ("the Syrian Badia".to_owned(), "البادية السورية".to_owned());
            let headline = (format!("in {}", name.0), format!("في {}", name.1));
            let point = displace(BADIA_CENTRE, (0.0, 0.0));
            generated(name, headline, point, 150.0, governorate_near(point))
        }
        _ => {
            // Known only to the governorate: the seat as nominal centre, as
            // the real dataset does.
            let seat = TOWNS
                .iter()
                .find(|t| t.governorate == town.governorate)
                .unwrap_or(town);
            let en = governorate_name(town.governorate, Lang::En).unwrap_or(town.en);
            let ar = governorate_name(town.governorate, Lang::Ar).unwrap_or(town.ar);
            let name = (format!("{en} governorate"), format!("محافظة {ar}"));
            let headline = (format!("in {}", name.0), format!("في {}", name.1));
            let point = displace((seat.lat, seat.lon), (0.0, 0.0));
            let radius = [75.0, 100.0][rng.below(2)];
            generated(name, headline, point, radius, town.governorate)
        }
    }
}

fn perpetrator(rng: &mut SplitMix64, sources: &[String]) -> PerpetratorOut {
    let attribution = rng.weighted(&ATTRIBUTIONS, |a| a.1).0;
    if attribution == "unknown" {
        return PerpetratorOut {
            actor: None,
            attribution,
            according_to: Vec::new(),
        };
    }
    let actor = ACTORS[rng.weighted_index(&[85, 10, 5])].0;
    PerpetratorOut {
        actor: Some(actor),
        attribution,
        according_to: vec![sources[rng.below(sources.len())].clone()],
    }
}

fn disputed(target_kind: &str) -> Text {
    if target_kind.starts_with("civilian") {
        Text::new(
            "One side said the dead were fighters, not civilians.",
            "قال أحد الأطراف إن القتلى مقاتلون لا مدنيون.",
        )
    } else {
        Text::new(
            "Government media said the dead were civilians.",
            "قالت وسائل الإعلام الحكومية إن القتلى مدنيون.",
        )
    }
}

/// Who the claimants say died, by target kind.
fn victims(target_kind: &str) -> Option<Text> {
    match target_kind {
        "military-transport" | "military-position" | "checkpoint" => Some(Text::new(
            "soldiers and militiamen",
            "عسكريون وعناصر ميليشيات",
        )),
        "civilian-transport" | "civilians" => Some(Text::new("civilians", "مدنيون")),
        "infrastructure" => Some(Text::new("workers and guards", "عمال وحراس")),
        _ => None,
    }
}

/// 0–3 claims by distinct claimants, scattered around one "true" toll the
/// way competing reports are.
fn claims(
    rng: &mut SplitMix64,
    pattern: &PatternDef,
    pattern_indexes: &[usize],
    target_kind: &str,
    sources: &[String],
) -> Vec<ClaimOut> {
    let count = rng.weighted_index(&[15, 45, 28, 12]);
    if count == 0 {
        return Vec::new();
    }
    // Cubing a uniform number gives many small tolls and a few large ones.
    let u = rng.unit();
    let killed = u * u * u * pattern.typical_killed;
    let wounded = rng
        .chance(0.6)
        .then(|| killed * (0.5 + 2.0 * rng.unit()) + rng.below(4) as f64);
    let kidnapped = (pattern_indexes.contains(&KIDNAPPING) && rng.chance(0.85))
        .then(|| f64::from(rng.between(1, 12)));
    let missing = rng.chance(0.03).then(|| f64::from(rng.between(1, 5)));
    let only_combined = rng.chance(0.06);

    rng.distinct(CLAIMANTS.len(), count)
        .into_iter()
        .map(|claimant_index| {
            let claimant = &CLAIMANTS[claimant_index];
            let bias = claimant.bias.0 + (claimant.bias.1 - claimant.bias.0) * rng.unit();
            let mut as_claimed = |truth: f64| figure(rng, (truth * bias).round() as u32);
            let (killed, wounded, killed_or_wounded) = if only_combined {
                let combined = killed + wounded.unwrap_or(0.0);
                (None, None, Some(as_claimed(combined)))
            } else {
                (Some(as_claimed(killed)), wounded.map(&mut as_claimed), None)
            };
            let kidnapped = kidnapped.map(&mut as_claimed);
            let missing = missing.map(&mut as_claimed);
            ClaimOut {
                claimant: claimant.id,
                source: sources[rng.below(sources.len())].clone(),
                killed,
                wounded,
                missing,
                kidnapped,
                killed_or_wounded,
                victims: if rng.chance(0.15) {
                    victims(target_kind)
                } else {
                    None
                },
                note: rng
                    .chance(0.02)
                    .then(|| Text::new("Figure revised later.", "عُدّلت الحصيلة لاحقاً.")),
            }
        })
        .collect()
}

/// A count as a claimant might word it: mostly exact, sometimes rounded,
/// bounded, a range, or words. Small counts stay exact where a bound would
/// read oddly ("more than 0").
fn figure(rng: &mut SplitMix64, value: u32) -> FigureOut {
    match rng.weighted_index(&[55, 10, 11, 7, 10, 7]) {
        1 if value >= 3 => FigureOut::Approx {
            approx: if value >= 10 {
                (value + 2) / 5 * 5
            } else {
                value
            },
        },
        2 if value >= 1 => FigureOut::AtLeast { at_least: value },
        3 if value >= 1 => FigureOut::MoreThan { more_than: value },
        4 => FigureOut::Range {
            min: value,
            max: value + 1 + rng.below(value as usize / 4 + 2) as u32,
        },
        5 if value >= 2 => {
            let wordings = FIGURE_WORDS
                .iter()
                .find(|(at_least, _)| value >= *at_least)
                .map_or(FIGURE_WORDS[2].1, |(_, wordings)| *wordings);
            let (en, ar) = wordings[rng.below(wordings.len())];
            FigureOut::Words {
                text: Text::new(en, ar),
            }
        }
        _ => FigureOut::Exact(value),
    }
}
