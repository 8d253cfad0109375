//! Every piece of interface text, in Arabic and English, and the number and
//! date formats of each language. Components ask here; none holds a string.

pub use crate::dataset::governorate_name;
use crate::dataset::{Attribution, ClaimantKind, DatePrecision, PlacePrecision, TargetKind, When};
use crate::text::Lang;
use crate::time::{CivilDateTime, Seconds, TickUnit};

macro_rules! catalog {
    ($($key:ident => $en:literal, $ar:literal;)+) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key),+ }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),+];
        }

        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match (key, lang) {
                $((Key::$key, Lang::En) => $en, (Key::$key, Lang::Ar) => $ar,)+
            }
        }
    };
}

catalog! {
    AppName => "Incident Atlas", "أطلس الحوادث";
    Loading => "Loading incidents…", "جارٍ تحميل الحوادث…";
    LoadFailed => "The dataset could not be loaded", "تعذّر تحميل مجموعة البيانات";
    ProblemsHeading => "This dataset has problems", "في مجموعة البيانات هذه مشكلات";
    ProblemsIntro => "Fix these in the JSON file and reload. Each line says where the problem is.", "صحّح هذه المشكلات في ملف JSON ثم أعد التحميل. يبيّن كل سطر موضع المشكلة.";
    WarningsHeading => "Warnings", "تنبيهات";
    Retry => "Try again", "إعادة المحاولة";
    Patterns => "Attack patterns", "أنماط الهجمات";
    ShowAll => "Show all", "إظهار الكل";
    Timeline => "Timeline", "الخط الزمني";
    Map => "Map", "الخريطة";
    Shown => "incidents shown", "حادثة معروضة";
    Of => "of", "من";
    Close => "Close", "إغلاق";
    When => "When", "متى";
    AsReported => "As reported", "كما ورد";
    Interpretation => "interpretation", "تفسير";
    CompilersTranslation => "translated by the dataset's compilers", "ترجمة معدّي مجموعة البيانات";
    Where => "Where", "أين";
    Perpetrator => "Perpetrator", "الجهة المنفذة";
    NobodyNamed => "Not named", "غير مسمّاة";
    Target => "Target", "الهدف";
    Disputed => "Disputed", "محلّ خلاف";
    CasualtyClaims => "Casualty claims", "أعداد الضحايا بحسب كل جهة";
    ClaimsIntro => "Figures are claims. Each is shown as its claimant gave it; they are never added together.", "الأرقام ادّعاءات؛ يُعرض كلّ منها كما أوردته الجهة التي قدّمته، ولا تُجمع معًا.";
    NoClaims => "No casualty figures were reported.", "لم تُذكر أعداد للضحايا.";
    Claimant => "Claimant", "الجهة";
    Killed => "Killed", "قتلى";
    Wounded => "Wounded", "جرحى";
    Missing => "Missing", "مفقودون";
    Kidnapped => "Kidnapped", "مخطوفون";
    KilledOrWounded => "Killed or wounded", "قتلى وجرحى";
    Victims => "Victims, per this claimant", "الضحايا بحسب هذه الجهة";
    ReportedIn => "Reported in", "ورد في";
    Sources => "Sources", "المصادر";
    Note => "Note", "ملاحظة";
    NotInPrimary => "Not in the primary report: from corroborating reports.", "لم ترد في التقرير الأساسي؛ مصدرها تقارير أخرى.";
    InOtherLanguage => "(in Arabic)", "(بالإنجليزية)";
    Language => "Language", "اللغة";
    OtherLanguageName => "العربية", "English";
    Radius => "within about", "في حدود";
    Km => "km", "كم";
    Legend => "Legend", "دليل الرموز";
    LegendImprecise => "Shaded circle: place known only approximately (its radius)", "دائرة مظلّلة: موقع تقريبي (نصف قطرها هامش الخطأ)";
    LegendSize => "Marker size: the highest number killed that any claimant gives", "حجم الرمز: أعلى عدد قتلى تذكره أيّ جهة";
    LegendSpan => "Bar: date known only to a period", "شريط: تاريخ معروف ضمن فترة فقط";
    LegendOccupied => "Hatched: the Golan Heights, occupied by Israel since {year}; Syrian territory under international law", "مخطّط: الجولان، تحتلّه إسرائيل منذ عام {year}، وهو أرض سورية بموجب القانون الدولي";
    CloseLegend => "Close the legend", "إغلاق دليل الرموز";
    CloseFilters => "Close the filters", "إغلاق عوامل التصفية";
    ActiveFilters => "active", "مفعّلة";
    ShowList => "Incident list", "قائمة الحوادث";
    SelectIncident => "Select an incident on the map or the timeline to read what happened and who says what.", "اختر حادثة على الخريطة أو الخط الزمني لقراءة ما جرى وما تقوله كل جهة.";
    IncidentList => "Incidents", "الحوادث";
    Updated => "Updated", "آخر تحديث";
    MapAttribution => "Boundaries: Natural Earth. Towns: GeoNames (CC BY 4.0).", "الحدود: Natural Earth. المدن: GeoNames ‏(CC BY 4.0).";
    MapLabel => "Map of incidents in Syria", "خريطة الحوادث في سوريا";
    TimelineLabel => "Timeline of incidents", "الخط الزمني للحوادث";
    RegionSyria => "All Syria", "كل سوريا";
    RegionBadia => "Badia", "البادية";
    RegionDeirEzZor => "Deir ez-Zor", "دير الزور";
    RegionDamascus => "Damascus", "دمشق";
    Regions => "Show region", "عرض منطقة";
    ZoomIn => "Zoom in", "تكبير";
    ZoomOut => "Zoom out", "تصغير";
    ResetView => "Reset view", "إعادة الضبط";
    IncidentsHere => "incidents here", "حوادث هنا";
    ClusterHint => "Click to zoom in", "انقر للتكبير";
    AndMore => "and more", "وغيرها";
    MapKeys => "Arrow keys pan, + and − zoom, 0 resets.", "تحرّك الأسهم الخريطة، و+ و− للتكبير والتصغير، و0 لإعادة الضبط.";
    TimeRange => "Time range", "الفترة الزمنية";
    From => "From", "من";
    To => "To", "إلى";
    ClearRange => "Clear range", "إلغاء التحديد";
    Play => "Play", "تشغيل";
    Pause => "Pause", "إيقاف مؤقت";
    Speed => "Speed", "السرعة";
    TimelineKeys => "Drag across the chart to select a period; drag the axis to move through time.", "اسحب فوق المخطط لتحديد فترة، واسحب المحور للتنقّل عبر الزمن.";
    TimelineZoomIn => "Zoom in on time", "تكبير الخط الزمني";
    TimelineZoomOut => "Zoom out in time", "تصغير الخط الزمني";
    TimelineReset => "Show the whole period", "عرض الفترة كاملة";
    ListDate => "Date", "التاريخ";
    ListIncident => "Incident", "الحادثة";
    ListPattern => "Pattern", "النمط";
    ListKilled => "Killed (range of claims)", "القتلى (مدى الادعاءات)";
    ShowMore => "Show more", "عرض المزيد";
    ListCaption => "Incidents shown, one per row; select one to read its details.", "الحوادث المعروضة، حادثة في كل صف؛ اختر إحداها لقراءة تفاصيلها.";
    NoneShown => "No incident matches the filters.", "لا توجد حادثة تطابق عوامل التصفية.";
    Filters => "Filters", "عوامل التصفية";
    Search => "Search titles, summaries and places", "ابحث في العناوين والملخصات والأماكن";
    FacetActor => "Perpetrator", "الجهة المنفذة";
    FacetAttribution => "Attribution", "درجة الإسناد";
    FacetTarget => "Target", "الهدف";
    FacetGovernorate => "Governorate", "المحافظة";
    FacetRegion => "Area", "المنطقة";
    FacetClaimant => "Casualty claims by", "ادعاءات الضحايا من";
    FacetSource => "Source", "المصدر";
    OtherGovernorate => "Outside Syria's governorates", "خارج المحافظات السورية";
    AtLeastKilled => "At least this many killed", "عدد القتلى لا يقل عن";
    KilledBasis => "By", "بحسب";
    BasisHighest => "the highest claim", "أعلى ادعاء";
    BasisLowest => "the lowest claim", "أدنى ادعاء";
    ClearAll => "Clear all filters", "إلغاء كل عوامل التصفية";
    Opens => "opens in a new tab", "يفتح في لسان جديد";
    Embed => "Embed", "تضمين";
    EmbedTitle => "Embed this atlas in an article", "تضمين الأطلس في مقال";
    EmbedIntro => "Paste this code into the HTML of your page where the atlas should appear. It opens on the current view and in the current language, and the frame adjusts its height to its content.", "الصق هذا الرمز في شيفرة HTML لصفحتك حيث تريد أن يظهر الأطلس. يُفتح على العرض الحالي وباللغة الحالية، ويضبط الإطار ارتفاعه على قدر محتواه.";
    EmbedCode => "Embed code", "رمز التضمين";
    Copy => "Copy code", "نسخ الرمز";
    Copied => "Copied to the clipboard.", "نُسخ الرمز إلى الحافظة.";
    CopyFailed => "Could not copy automatically: the code is selected, press Ctrl+C (⌘C on a Mac).", "تعذّر النسخ تلقائيًا: الرمز محدَّد، اضغط Ctrl+C ‏(⌘C على ماك).";
    Theme => "Colours", "الألوان";
    ThemeLight => "Light", "فاتحة";
    ThemeDark => "Dark", "داكنة";
    ThemeAuto => "Follow the reader's setting", "بحسب إعداد القارئ";
    AboutData => "About this atlas", "عن هذا الأطلس";
    OpenFull => "Open the full atlas", "افتح الأطلس كاملًا";
}

/// How a date precision reads, after a date ("known to the month").
pub fn precision_label(lang: Lang, p: DatePrecision) -> &'static str {
    use DatePrecision::*;
    match (lang, p) {
        (Lang::En, Exact) => "exact date",
        (Lang::En, Days) => "within a few days",
        (Lang::En, Week) => "within a week",
        (Lang::En, PartOfMonth) => "part of a month",
        (Lang::En, Month) => "known to the month",
        (Lang::En, Season) => "part of a year",
        (Lang::En, Year) => "known to the year",
        (Lang::Ar, Exact) => "تاريخ دقيق",
        (Lang::Ar, Days) => "في غضون أيام",
        (Lang::Ar, Week) => "في غضون أسبوع",
        (Lang::Ar, PartOfMonth) => "جزء من شهر",
        (Lang::Ar, Month) => "معروف بالشهر",
        (Lang::Ar, Season) => "جزء من سنة",
        (Lang::Ar, Year) => "معروف بالسنة",
    }
}

pub fn place_precision_label(lang: Lang, p: PlacePrecision) -> &'static str {
    use PlacePrecision::*;
    match (lang, p) {
        (Lang::En, Exact) => "exact location",
        (Lang::En, Near) => "near a named place",
        (Lang::En, Area) => "somewhere in an area",
        (Lang::En, Region) => "somewhere in a region",
        (Lang::Ar, Exact) => "موقع دقيق",
        (Lang::Ar, Near) => "قرب مكان مسمّى",
        (Lang::Ar, Area) => "في منطقة ما",
        (Lang::Ar, Region) => "في إقليم واسع",
    }
}

pub fn attribution_label(lang: Lang, a: Attribution) -> &'static str {
    use Attribution::*;
    match (lang, a) {
        (Lang::En, Claimed) => "claimed responsibility",
        (Lang::En, Asserted) => "stated by the source as fact",
        (Lang::En, Believed) => "believed responsible",
        (Lang::En, Alleged) => "alleged by one party",
        (Lang::En, Unknown) => "not stated",
        (Lang::Ar, Claimed) => "تبنّى الهجوم",
        (Lang::Ar, Asserted) => "ينسبه المصدر إليه بوصفه حقيقة",
        (Lang::Ar, Believed) => "يُعتقد أنه المسؤول",
        (Lang::Ar, Alleged) => "اتهام من أحد الأطراف",
        (Lang::Ar, Unknown) => "غير مذكورة",
    }
}

pub fn claimant_kind_label(lang: Lang, k: ClaimantKind) -> &'static str {
    use ClaimantKind::*;
    match (lang, k) {
        (Lang::En, Government) => "government",
        (Lang::En, Opposition) => "opposition",
        (Lang::En, Monitor) => "monitor",
        (Lang::En, Media) => "media",
        (Lang::En, International) => "international",
        (Lang::En, Other) => "other",
        (Lang::Ar, Government) => "حكومية",
        (Lang::Ar, Opposition) => "معارضة",
        (Lang::Ar, Monitor) => "جهة توثيق",
        (Lang::Ar, Media) => "إعلام",
        (Lang::Ar, International) => "دولية",
        (Lang::Ar, Other) => "أخرى",
    }
}

pub fn target_label(lang: Lang, k: TargetKind) -> &'static str {
    use TargetKind::*;
    match (lang, k) {
        (Lang::En, MilitaryTransport) => "military transport",
        (Lang::En, MilitaryPosition) => "military position",
        (Lang::En, Checkpoint) => "checkpoint",
        (Lang::En, CivilianTransport) => "civilian transport",
        (Lang::En, Civilians) => "civilians",
        (Lang::En, Infrastructure) => "infrastructure",
        (Lang::En, Other) => "other",
        (Lang::En, Unknown) => "unknown",
        (Lang::Ar, MilitaryTransport) => "نقل عسكري",
        (Lang::Ar, MilitaryPosition) => "موقع عسكري",
        (Lang::Ar, Checkpoint) => "حاجز",
        (Lang::Ar, CivilianTransport) => "نقل مدني",
        (Lang::Ar, Civilians) => "مدنيون",
        (Lang::Ar, Infrastructure) => "بنية تحتية",
        (Lang::Ar, Other) => "أخرى",
        (Lang::Ar, Unknown) => "غير معروف",
    }
}

/// English month names (also used by the synthetic data generator).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// The month names used in Syria (and the Levant).
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

/// Numeral style, by its Unicode (CLDR) numbering-system id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digits {
    /// Arabic-Indic digits ٠١٢٣ (in Arabic; English keeps its own).
    Arab,
    /// Western digits 0123, in Arabic too.
    Latn,
}

impl Digits {
    pub fn id(self) -> &'static str {
        match self {
            Digits::Arab => "arab",
            Digits::Latn => "latn",
        }
    }

    /// Reads an id, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Digits> {
        let s = s.trim();
        [Digits::Arab, Digits::Latn]
            .into_iter()
            .find(|d| d.id().eq_ignore_ascii_case(s))
    }
}

/// How numbers and dates are written: the language, and the reader's
/// choice of digits (the URL's `digits=`), if any. A small value passed to
/// every formatting function, so that no setting is process-wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale {
    pub lang: Lang,
    /// `None`: the language's usual digits.
    pub digits: Option<Digits>,
}

impl Locale {
    pub fn new(lang: Lang, digits: Option<Digits>) -> Locale {
        Locale { lang, digits }
    }

    /// Whether digits are written 0–9: always in English, and in Arabic
    /// when the reader asked for them.
    fn western_digits(self) -> bool {
        self.lang == Lang::En || self.digits == Some(Digits::Latn)
    }
}

/// A language with its usual digits.
impl From<Lang> for Locale {
    fn from(lang: Lang) -> Locale {
        Locale { lang, digits: None }
    }
}

/// Digits as the locale writes them: Arabic-Indic in Arabic, unless the
/// reader chose Western digits.
pub fn digits(locale: impl Into<Locale>, s: &str) -> String {
    let locale = locale.into();
    if locale.western_digits() {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('\u{0660}' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A text with a `{year}` in it (the legend's line on the Golan), the
/// year written in the locale's digits (no thousands separator).
pub fn with_year(locale: impl Into<Locale>, key: Key, year: i32) -> String {
    let locale = locale.into();
    t(locale.lang, key).replace("{year}", &digits(locale, &year.to_string()))
}

/// The one-line summary over the views: how many incidents are shown of
/// how many, and the dates they span (`span`: the earliest start and the
/// latest end of those shown, `[start, end)`).
/// "5 of 7 incidents shown · 30 December 2020 – 6 March 2022".
pub fn view_summary(
    locale: impl Into<Locale>,
    shown: u64,
    total: u64,
    span: Option<(Seconds, Seconds)>,
) -> String {
    let locale = locale.into();
    let l = locale.lang;
    let count = format!(
        "{} {} {} {}",
        number(locale, shown),
        t(l, Key::Of),
        number(locale, total),
        t(l, Key::Shown)
    );
    match span {
        Some((start, end)) if shown > 0 => {
            format!("{count} · {}", date_range(locale, start, end, false))
        }
        _ => count,
    }
}

/// A count, with thousands separators (Arabic uses its own separator).
pub fn number(locale: impl Into<Locale>, n: u64) -> String {
    let locale = locale.into();
    let lang = locale.lang;
    let plain = n.to_string();
    let mut grouped = String::with_capacity(plain.len() + plain.len() / 3);
    let sep = if lang == Lang::Ar { '\u{066C}' } else { ',' };
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    digits(locale, &grouped)
}

fn month_name(lang: Lang, month: u32, short: bool) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match (lang, short) {
        (Lang::Ar, _) => MONTHS_AR[i],
        (Lang::En, true) => MONTHS_EN_SHORT[i],
        (Lang::En, false) => MONTHS_EN[i],
    }
}

/// A day, e.g. "30 December 2020" / "30 كانون الأول 2020", with the time
/// when it is known.
pub fn date(locale: impl Into<Locale>, t: Seconds, with_time: bool) -> String {
    let locale = locale.into();
    let lang = locale.lang;
    let d = CivilDateTime::from_seconds(t);
    let mut s = format!("{} {} {}", d.day, month_name(lang, d.month, false), d.year);
    if with_time {
        s.push_str(&format!(", {:02}:{:02}", d.hour, d.minute));
    }
    digits(locale, &s)
}

/// An interval [start, end) as a reader says it, naming its first and last
/// day: "1–10 October 2020", "1 May – 31 August 2021", "30 December 2020".
pub fn date_range(
    locale: impl Into<Locale>,
    start: Seconds,
    end: Seconds,
    has_time: bool,
) -> String {
    let locale = locale.into();
    let lang = locale.lang;
    let a = CivilDateTime::from_seconds(start);
    // `end` is exclusive for whole days: show the last day.
    let last = if has_time { end } else { end - 1 };
    let b = CivilDateTime::from_seconds(last.max(start));
    if (a.year, a.month, a.day) == (b.year, b.month, b.day) {
        return date(locale, start, has_time);
    }
    let s = if a.year != b.year {
        format!(
            "{} {} {} – {} {} {}",
            a.day,
            month_name(lang, a.month, false),
            a.year,
            b.day,
            month_name(lang, b.month, false),
            b.year
        )
    } else if a.month != b.month {
        format!(
            "{} {} – {} {} {}",
            a.day,
            month_name(lang, a.month, false),
            b.day,
            month_name(lang, b.month, false),
            b.year
        )
    } else {
        format!(
            "{}–{} {} {}",
            a.day,
            b.day,
            month_name(lang, a.month, false),
            a.year
        )
    };
    digits(locale, &s)
}

/// The word before an approximate time ("about 16:00").
fn about(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "about",
        Lang::Ar => "نحو",
    }
}

/// An incident's date as the detail panel gives it: its interval, with
/// "about" before a time of day the reports give only approximately
/// ("30 December 2020, about 16:00").
pub fn incident_date(locale: impl Into<Locale>, when: &When) -> String {
    let locale = locale.into();
    let text = date_range(locale, when.start, when.end, when.has_time);
    // Only a single day shows its time; a span names days alone.
    if !(when.has_time && when.approximate_time) || text != date(locale, when.start, true) {
        return text;
    }
    let lang = locale.lang;
    let d = CivilDateTime::from_seconds(when.start);
    let s = format!(
        "{} {} {}, {} {:02}:{:02}",
        d.day,
        month_name(lang, d.month, false),
        d.year,
        about(lang),
        d.hour,
        d.minute
    );
    digits(locale, &s)
}

/// A tick label on the time axis.
pub fn tick_label(
    locale: impl Into<Locale>,
    t: Seconds,
    unit: TickUnit,
    starts_larger_unit: bool,
) -> String {
    let locale = locale.into();
    let lang = locale.lang;
    let d = CivilDateTime::from_seconds(t);
    let s = match unit {
        TickUnit::Year => d.year.to_string(),
        TickUnit::Month if starts_larger_unit => d.year.to_string(),
        TickUnit::Month => month_name(lang, d.month, true).to_owned(),
        TickUnit::Day if starts_larger_unit => month_name(lang, d.month, true).to_owned(),
        TickUnit::Day => d.day.to_string(),
        TickUnit::Hour if starts_larger_unit => {
            format!("{} {}", d.day, month_name(lang, d.month, true))
        }
        TickUnit::Hour => format!("{:02}:00", d.hour),
    };
    digits(locale, &s)
}

/// A casualty figure as a reader should see it, or `None` for words (the
/// caller shows the claimant's own wording).
pub fn figure(locale: impl Into<Locale>, f: &crate::dataset::Figure) -> Option<String> {
    use crate::dataset::Figure::*;
    let locale = locale.into();
    let n = |v: &u32| number(locale, u64::from(*v));
    let s = match (locale.lang, f) {
        (_, Exact(v)) => n(v),
        (Lang::En, Approx(v)) => format!("about {}", n(v)),
        (Lang::Ar, Approx(v)) => format!("نحو {}", n(v)),
        (Lang::En, AtLeast(v)) => format!("at least {}", n(v)),
        (Lang::Ar, AtLeast(v)) => format!("{} على الأقل", n(v)),
        (Lang::En, MoreThan(v)) => format!("more than {}", n(v)),
        (Lang::Ar, MoreThan(v)) => format!("أكثر من {}", n(v)),
        (_, Range(a, b)) => format!("{}–{}", n(a), n(b)),
        (_, Words(_)) => return None,
    };
    Some(s)
}

/// Why a dataset could not be fetched (the app's load errors other than
/// an invalid dataset, whose problems have their own words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchFailure<'a> {
    /// The `data=` parameter is not an http(s) URL.
    UnsafeUrl { url: &'a str },
    /// The request failed; `reason` is the browser's (untranslated).
    Network { url: &'a str, reason: &'a str },
    /// The server answered with an error status.
    Status { url: &'a str, status: u16 },
}

/// A fetch failure in `lang`.
pub fn fetch_failure(lang: Lang, failure: FetchFailure<'_>) -> String {
    match (lang, failure) {
        (Lang::En, FetchFailure::UnsafeUrl { url }) => format!(
            "The data parameter must be a web address starting with http:// or https://, got {url:?}."
        ),
        (Lang::Ar, FetchFailure::UnsafeUrl { url }) => format!(
            "يجب أن يكون المُعامل data عنوان ويب يبدأ بـ http:// أو https://، لكنه {url:?}."
        ),
        (Lang::En, FetchFailure::Network { url, reason }) => {
            format!("Could not reach {url}: {reason}")
        }
        (Lang::Ar, FetchFailure::Network { url, reason }) => {
            format!("تعذّر الوصول إلى {url}: {reason}")
        }
        (Lang::En, FetchFailure::Status { url, status }) => {
            format!("The server answered {status} for {url}.")
        }
        (Lang::Ar, FetchFailure::Status { url, status }) => {
            format!("ردّ الخادم بالرمز {status} على طلب {url}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_summary_counts_and_spans() {
        let day = |d: &str| CivilDateTime::parse(d).map(|d| d.to_seconds()).unwrap_or(0);
        let span = Some((day("2020-12-30"), day("2022-03-07")));
        assert_eq!(
            view_summary(Lang::En, 5, 7, span),
            "5 of 7 incidents shown · 30 December 2020 – 6 March 2022"
        );
        assert_eq!(view_summary(Lang::En, 0, 7, span), "0 of 7 incidents shown");
        let ar = view_summary(Lang::Ar, 5, 7, span);
        assert!(ar.starts_with("٥ من ٧ حادثة معروضة · "), "{ar}");
        assert!(ar.contains("٢٠٢٢"), "{ar}");
        let latn = view_summary(Locale::new(Lang::Ar, Some(Digits::Latn)), 5, 7, span);
        assert!(latn.starts_with("5 من 7"), "{latn}");
    }

    #[test]
    fn the_occupied_note_names_the_golan_and_the_law_in_both_languages() {
        let en = with_year(Lang::En, Key::LegendOccupied, 1967);
        assert!(en.contains("occupied by Israel since 1967"), "{en}");
        assert!(
            en.contains("Syrian territory under international law"),
            "{en}"
        );
        let ar = with_year(Lang::Ar, Key::LegendOccupied, 1967);
        assert!(ar.contains("الجولان") && ar.contains("١٩٦٧"), "{ar}");
        assert!(ar.contains("القانون الدولي"), "{ar}");
        assert!(!ar.contains('{'), "{ar}");
        let latn = with_year(
            Locale::new(Lang::Ar, Some(Digits::Latn)),
            Key::LegendOccupied,
            1967,
        );
        assert!(latn.contains("1967"), "{latn}");
    }

    fn when(start: &str, end: Option<&str>, approximate_time: bool) -> When {
        let parse = |s: &str| CivilDateTime::parse(s).map(|d| d.to_seconds()).unwrap_or(0);
        let start_s = parse(start);
        When {
            start: start_s,
            end: end.map(parse).unwrap_or(start_s),
            precision: DatePrecision::Exact,
            has_time: start.contains('T'),
            approximate_time,
            as_reported: None,
            as_reported_translated: Vec::new(),
        }
    }

    #[test]
    fn an_approximate_time_says_about() {
        let about = when("2020-12-30T16:00", None, true);
        assert_eq!(
            incident_date(Lang::En, &about),
            "30 December 2020, about 16:00"
        );
        let ar = incident_date(Lang::Ar, &about);
        assert!(ar.contains("نحو ١٦:٠٠") || ar.contains("نحو 16:00"), "{ar}");
        let exact = when("2020-12-30T16:00", None, false);
        assert_eq!(incident_date(Lang::En, &exact), "30 December 2020, 16:00");
        // A span shows no time, so no "about" either.
        let span = when("2022-01-02T20:00", Some("2022-01-04T02:00"), true);
        assert!(!incident_date(Lang::En, &span).contains("about"));
    }

    #[test]
    fn every_key_has_both_languages() {
        for key in Key::ALL {
            assert!(!t(Lang::En, *key).is_empty(), "{key:?}");
            assert!(!t(Lang::Ar, *key).is_empty(), "{key:?}");
        }
    }

    /// A key no code asks for is a string nobody reads or translates
    /// with care: every key must be used outside this catalogue.
    #[test]
    fn every_key_is_used() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        let mut code = String::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        assert!(code.contains("Key::"), "the sources were not found");
        let unused: Vec<String> = Key::ALL
            .iter()
            .map(|k| format!("Key::{k:?}"))
            .filter(|name| {
                !code.match_indices(name.as_str()).any(|(i, _)| {
                    !code[i + name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            })
            .collect();
        assert!(unused.is_empty(), "never used: {unused:?}");
    }

    #[test]
    fn fetch_failures_in_both_languages() {
        let url = "https://example.org/d.json";
        for failure in [
            FetchFailure::UnsafeUrl { url: "file:///x" },
            FetchFailure::Network { url, reason: "x" },
            FetchFailure::Status { url, status: 404 },
        ] {
            let (en, ar) = (
                fetch_failure(Lang::En, failure),
                fetch_failure(Lang::Ar, failure),
            );
            assert!(
                ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{ar}"
            );
            assert!(
                !en.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{en}"
            );
            // The address is data: quoted as it is in both.
            let shown = if let FetchFailure::UnsafeUrl { url } = failure {
                url
            } else {
                url
            };
            assert!(en.contains(shown) && ar.contains(shown), "{en} / {ar}");
        }
    }

    #[test]
    fn arabic_digits_and_grouping() {
        assert_eq!(number(Lang::En, 100_000), "100,000");
        assert_eq!(number(Lang::Ar, 27), "٢٧");
        assert_eq!(number(Lang::Ar, 1234), "١٬٢٣٤");
    }

    #[test]
    fn the_locale_chooses_the_digits() {
        let western = Locale::new(Lang::Ar, Some(Digits::Latn));
        assert_eq!(number(western, 1234), "1٬234");
        assert_eq!(date(western, at("2020-12-30"), false), "30 كانون الأول 2020");
        let arabic = Locale::new(Lang::Ar, Some(Digits::Arab));
        assert_eq!(number(arabic, 27), "٢٧");
        // English keeps its digits whatever is asked.
        assert_eq!(number(Locale::new(Lang::En, Some(Digits::Arab)), 27), "27");
        // Two locales side by side: nothing is process-wide.
        assert_eq!(digits(Lang::Ar, "12"), "١٢");
        assert_eq!(digits(western, "12"), "12");
        let claim = crate::dataset::Figure::AtLeast(12);
        assert_eq!(figure(western, &claim).as_deref(), Some("12 على الأقل"));
        assert_eq!(
            tick_label(western, at("2021-01-01"), TickUnit::Year, false),
            "2021"
        );
    }

    fn at(s: &str) -> Seconds {
        CivilDateTime::parse(s).expect("valid").to_seconds()
    }

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(date(Lang::En, at("2020-12-30"), false), "30 December 2020");
        assert_eq!(
            date(Lang::Ar, at("2020-12-30"), false),
            "٣٠ كانون الأول ٢٠٢٠"
        );
        assert_eq!(
            date(Lang::En, at("2020-12-30T16:00"), true),
            "30 December 2020, 16:00"
        );
    }

    #[test]
    fn ranges_read_naturally() {
        let day = 86_400;
        assert_eq!(
            date_range(Lang::En, at("2020-10-01"), at("2020-10-10") + day, false),
            "1–10 October 2020"
        );
        assert_eq!(
            date_range(Lang::En, at("2021-05-01"), at("2021-08-31") + day, false),
            "1 May – 31 August 2021"
        );
        assert_eq!(
            date_range(Lang::En, at("2020-12-30"), at("2020-12-30") + day, false),
            "30 December 2020"
        );
    }

    #[test]
    fn tick_labels() {
        assert_eq!(
            tick_label(Lang::En, at("2021-01-01"), TickUnit::Month, true),
            "2021"
        );
        assert_eq!(
            tick_label(Lang::En, at("2021-03-01"), TickUnit::Month, false),
            "Mar"
        );
        assert_eq!(
            tick_label(Lang::Ar, at("2021-03-01"), TickUnit::Month, false),
            "آذار"
        );
        assert_eq!(
            tick_label(Lang::Ar, at("2021-01-01"), TickUnit::Year, false),
            "٢٠٢١"
        );
    }
}
