//! What a dataset problem says, as a kind with its details, worded in
//! Arabic and in English. The loader says which problem it found; the page
//! words it in the reader's language. Values quoted from the file (ids,
//! dates, numbers) stay as the file spells them.

use std::fmt;

use super::model::{Attribution, DatePrecision};
use crate::text::Lang;

/// The kind of entry a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Pattern,
    Actor,
    Claimant,
    Source,
}

impl Entry {
    pub const ALL: [Entry; 4] = [Entry::Pattern, Entry::Actor, Entry::Claimant, Entry::Source];

    fn name(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Entry::Pattern) => "pattern",
            (Lang::En, Entry::Actor) => "actor",
            (Lang::En, Entry::Claimant) => "claimant",
            (Lang::En, Entry::Source) => "source",
            (Lang::Ar, Entry::Pattern) => "نمط",
            (Lang::Ar, Entry::Actor) => "جهة فاعلة",
            (Lang::Ar, Entry::Claimant) => "جهة مُدّعية",
            (Lang::Ar, Entry::Source) => "مصدر",
        }
    }
}

/// What a JSON value is, for "expected a list, got …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonKind {
    pub const ALL: [JsonKind; 6] = [
        JsonKind::Null,
        JsonKind::Bool,
        JsonKind::Number,
        JsonKind::Text,
        JsonKind::List,
        JsonKind::Object,
    ];

    pub fn of(value: &serde_json::Value) -> JsonKind {
        use serde_json::Value;
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, JsonKind::Null) => "null",
            (Lang::En, JsonKind::Bool) => "true/false",
            (Lang::En, JsonKind::Number) => "a number",
            (Lang::En, JsonKind::Text) => "text",
            (Lang::En, JsonKind::List) => "a list",
            (Lang::En, JsonKind::Object) => "an object",
            (Lang::Ar, JsonKind::Null) => "null",
            (Lang::Ar, JsonKind::Bool) => "true/false",
            (Lang::Ar, JsonKind::Number) => "عددًا",
            (Lang::Ar, JsonKind::Text) => "نصًّا",
            (Lang::Ar, JsonKind::List) => "قائمة",
            (Lang::Ar, JsonKind::Object) => "كائنًا",
        }
    }
}

/// What is wrong at a location in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// The text is not JSON; `detail` is the parser's (English) finding.
    NotJson {
        detail: String,
    },
    /// The document is JSON but not an object.
    NotAnObject,
    /// A table is not a list.
    NotAList {
        got: JsonKind,
    },
    /// A part does not have the format's shape; `detail` is the decoder's
    /// (English) finding, e.g. "missing field `id`".
    Shape {
        detail: String,
    },
    Missing,
    /// A text with neither language.
    NoText,
    /// A date that does not parse; `detail` is the calendar's (English)
    /// reason.
    BadDate {
        value: String,
        detail: String,
    },
    /// A value outside a closed vocabulary; `allowed` lists it ("a, b, c").
    NotOneOf {
        got: String,
        allowed: String,
    },
    BadId {
        id: String,
    },
    /// `first` is the path of the entry that already has the id.
    DuplicateId {
        id: String,
        first: String,
    },
    /// `known` lists the first few ids of the table, `more` when there are
    /// others.
    UnknownId {
        what: Entry,
        id: String,
        known: Vec<String>,
        more: bool,
    },
    WrongFormat {
        got: String,
    },
    MissingFormat,
    /// `got` is the version as written, `None` when there is none.
    WrongVersion {
        got: Option<String>,
    },
    BadColour {
        got: String,
    },
    UnsafeUrl {
        got: String,
    },
    MissingReferences {
        what: Entry,
    },
    NoReferences {
        what: Entry,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    /// A non-exact period that lasts no time.
    NoLength {
        precision: DatePrecision,
    },
    NoPlaces,
    NotLatitude {
        value: String,
    },
    NotLongitude {
        value: String,
    },
    BadRadius {
        value: String,
    },
    UnknownGovernorate {
        got: String,
        known: String,
    },
    AttributionWithoutActor {
        attribution: Attribution,
    },
    ClaimSourceNotListed,
    NoFigure,
    /// A count that is not a whole number of people.
    NotACount {
        got: String,
    },
    RangeBackwards {
        min: u32,
        max: u32,
    },
    FigureTextShape,
    FigureTextEmpty,
    NotAFigure {
        got: String,
    },
    /// `km`: how far the place is from the rest, rounded.
    SwappedCoordinates {
        lat: String,
        lon: String,
        km: String,
    },
    /// `approximate_time` on a date that has no time of day.
    ApproximateWithoutTime,
    /// `as_reported_translated` names a language (`"ar"`, `"en"`) the
    /// text is not given in.
    TranslationOfNoText {
        lang: &'static str,
    },
    /// An interpretation of a pattern the incident does not list.
    InterpretsUnlistedPattern {
        id: String,
    },
    /// A second interpretation of the same pattern.
    InterpretedTwice {
        id: String,
    },
    /// A problem in a story (a dataset's `story`, or a story file).
    Story(crate::story::StoryMessage),
    /// Text from code that gives no kind (e.g. an importer's own
    /// finding): shown as is, in whatever language it was written.
    Untranslated(String),
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Untranslated(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Untranslated(text.to_owned())
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

const FIGURE_FORMS: &str =
    "{\"approx\": n}, {\"at_least\": n}, {\"more_than\": n}, {\"min\": n, \"max\": m}";
const FIGURE_WORDS: &str = "{\"text\": {...}}";

impl Message {
    /// Whether the message contains `needle` in English (for tests and
    /// searches written before messages had kinds).
    pub fn contains(&self, needle: &str) -> bool {
        self.text(Lang::En).contains(needle)
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Message::*;
        let en = lang == Lang::En;
        match self {
            NotJson { detail } if en => format!("this is not valid JSON ({detail})"),
            NotJson { detail } => format!("هذا ليس JSON صالحًا ({detail})"),
            NotAnObject if en => {
                "the dataset must be a JSON object with \"meta\" and \"incidents\"".into()
            }
            NotAnObject => "يجب أن تكون مجموعة البيانات كائن JSON فيه \"meta\" و\"incidents\"".into(),
            NotAList { got } if en => format!("expected a list, got {}", got.name(lang)),
            NotAList { got } => format!("يُنتظر هنا قائمة، لكن وُجد {}", got.name(lang)),
            Shape { detail } if en => detail.clone(),
            Shape { detail } => format!("لا يوافق هذا الموضع صيغة مجموعة البيانات ({detail})"),
            Missing if en => "is missing".into(),
            Missing => "مفقود".into(),
            NoText if en => "give the text in Arabic (\"ar\") or English (\"en\")".into(),
            NoText => "اكتب النص بالعربية (\"ar\") أو بالإنجليزية (\"en\")".into(),
            BadDate { detail, .. } if en => detail.clone(),
            BadDate { value, .. } => format!(
                "{value:?} ليس تاريخًا صالحًا؛ يُكتب التاريخ مثل 2020-12-30 (أو 2020-12-30T16:00)"
            ),
            NotOneOf { got, allowed } if en => format!("expected one of {allowed}, got {got:?}"),
            NotOneOf { got, allowed } => {
                format!("القيمة {got:?} غير مقبولة؛ القيم المقبولة: {allowed}")
            }
            BadId { id } if en => format!("an id must be a word without spaces, got {id:?}"),
            BadId { id } => format!("يجب أن يكون المعرّف كلمة بلا مسافات، لكنه {id:?}"),
            DuplicateId { id, first } if en => format!("duplicate id {id:?} (also {first})"),
            DuplicateId { id, first } => format!("المعرّف {id:?} مكرّر (وهو أيضًا في {first})"),
            UnknownId {
                what,
                id,
                known,
                more,
            } => {
                let mut listed = known.join(", ");
                if *more {
                    listed.push_str(", …");
                }
                match (en, known.is_empty()) {
                    (true, true) => format!(
                        "unknown {} id {id:?} (known: none are defined)",
                        what.name(lang)
                    ),
                    (true, false) => {
                        format!("unknown {} id {id:?} (known: {listed})", what.name(lang))
                    }
                    (false, true) => format!(
                        "لا يوجد {} بالمعرّف {id:?} (لم يُعرَّف أيّ منها)",
                        what.name(lang)
                    ),
                    (false, false) => format!(
                        "لا يوجد {} بالمعرّف {id:?} (المعرّفات الموجودة: {listed})",
                        what.name(lang)
                    ),
                }
            }
            WrongFormat { got } if en => format!(
                "expected \"incident-atlas\", got {got:?}: is this an Incident Atlas dataset?"
            ),
            WrongFormat { got } => format!(
                "يُنتظر \"incident-atlas\"، لكن وُجد {got:?}: هل هذه مجموعة بيانات لأطلس الحوادث؟"
            ),
            MissingFormat if en => "is missing (it must be \"incident-atlas\")".into(),
            MissingFormat => "مفقود (يجب أن يكون \"incident-atlas\")".into(),
            WrongVersion { got } if en => format!(
                "this app reads version 1 datasets, got {}",
                got.as_deref().unwrap_or("nothing")
            ),
            WrongVersion { got } => format!(
                "يقرأ هذا التطبيق مجموعات البيانات من الإصدار 1، لكن وُجد {}",
                got.as_deref().unwrap_or("لا شيء")
            ),
            BadColour { got } if en => format!("expected a colour like \"#d55e00\", got {got:?}"),
            BadColour { got } => format!("يُنتظر لون مثل \"#d55e00\"، لكن وُجد {got:?}"),
            UnsafeUrl { got } if en => format!(
                "only web links starting with https:// or http:// are allowed, got {got:?}"
            ),
            UnsafeUrl { got } => format!(
                "لا تُقبل إلا روابط الويب التي تبدأ بـ https:// أو http://، لكن وُجد {got:?}"
            ),
            MissingReferences { what } if en => {
                format!("is missing (list at least one {} id)", what.name(lang))
            }
            MissingReferences { what } => {
                format!("مفقود (اذكر معرّف {} واحد على الأقل)", what.name(lang))
            }
            NoReferences { what } if en => format!("list at least one {} id", what.name(lang)),
            NoReferences { what } => format!("اذكر معرّف {} واحد على الأقل", what.name(lang)),
            EndBeforeStart { start, end } if en => {
                format!("the end {end} is before the start {start}")
            }
            EndBeforeStart { start, end } => format!("النهاية {end} تسبق البداية {start}"),
            NoLength { precision } if en => format!(
                "a date of precision {:?} is a period, but this one has no length: give an \"end\" after the start, or dates without a time of day",
                precision.id()
            ),
            NoLength { precision } => format!(
                "التاريخ بدقة {:?} فترة، لكن هذه الفترة بلا طول: أضف \"end\" بعد البداية، أو اكتب التواريخ دون وقت من اليوم",
                precision.id()
            ),
            NoPlaces if en => "list at least one place".into(),
            NoPlaces => "اذكر مكانًا واحدًا على الأقل".into(),
            NotLatitude { value } if en => {
                format!("{value} is not a latitude (it must be between -90 and 90)")
            }
            NotLatitude { value } => {
                format!("{value} ليس خط عرض (يجب أن يكون بين ‎-90 و90)")
            }
            NotLongitude { value } if en => {
                format!("{value} is not a longitude (it must be between -180 and 180)")
            }
            NotLongitude { value } => {
                format!("{value} ليس خط طول (يجب أن يكون بين ‎-180 و180)")
            }
            BadRadius { value } if en => {
                format!("expected a distance in km above 0 and at most 2000, got {value}")
            }
            BadRadius { value } => format!(
                "يُنتظر بُعد بالكيلومترات أكبر من 0 ولا يتجاوز 2000، لكن وُجد {value}"
            ),
            UnknownGovernorate { got, known } if en => {
                format!("{got:?} is not one of Syria's governorates ({known})")
            }
            UnknownGovernorate { got, known } => {
                format!("{got:?} ليست من محافظات سوريا ({known})")
            }
            AttributionWithoutActor { attribution } if en => {
                format!("is {:?} but no actor is named", attribution.id())
            }
            AttributionWithoutActor { attribution } => {
                format!("قيمته {:?} لكن لم تُسمَّ أيّ جهة فاعلة", attribution.id())
            }
            ClaimSourceNotListed if en => {
                "this source is not in the incident's \"sources\" list; add it there".into()
            }
            ClaimSourceNotListed => {
                "هذا المصدر ليس في قائمة \"sources\" للحادثة؛ أضفه إليها".into()
            }
            NoFigure if en => {
                "gives no figure (killed, wounded, missing, kidnapped or killed_or_wounded)".into()
            }
            NoFigure => {
                "لا يذكر أيّ رقم (killed أو wounded أو missing أو kidnapped أو killed_or_wounded)"
                    .into()
            }
            NotACount { got } if en => format!("expected a whole number of people, got {got}"),
            NotACount { got } => format!("يُنتظر عدد صحيح من الأشخاص، لكن وُجد {got}"),
            RangeBackwards { min, max } if en => {
                format!("the range {min}–{max} runs backwards (min is more than max)")
            }
            RangeBackwards { min, max } => {
                format!("المدى {min}–{max} معكوس (min أكبر من max)")
            }
            FigureTextShape if en => "text: expected {\"en\": \"...\", \"ar\": \"...\"}".into(),
            FigureTextShape => "text: يُنتظر {\"en\": \"...\", \"ar\": \"...\"}".into(),
            FigureTextEmpty if en => "text: give the wording in Arabic or English".into(),
            FigureTextEmpty => "text: اكتب الصياغة بالعربية أو بالإنجليزية".into(),
            NotAFigure { got } if en => {
                format!("expected a whole number, {FIGURE_FORMS} or {FIGURE_WORDS}, got {got}")
            }
            NotAFigure { got } => {
                format!("يُنتظر عدد صحيح أو أحد الأشكال {FIGURE_FORMS} أو {FIGURE_WORDS}، لكن وُجد {got}")
            }
            SwappedCoordinates { lat, lon, km } if en => format!(
                "lat and lon look swapped: (lat {lat}, lon {lon}) is {km} km from the rest of the data; swapped, it would lie among them"
            ),
            SwappedCoordinates { lat, lon, km } => format!(
                "يبدو أن lat وlon متبادلان: النقطة (lat {lat}، lon {lon}) تبعد {km} كم عن بقية البيانات؛ ولو بودلتا لوقعت بينها"
            ),
            ApproximateWithoutTime if en => {
                "\"about\" qualifies a time of day, but the start gives only a date: give the time (e.g. 2020-12-30T16:00) or remove approximate_time".into()
            }
            ApproximateWithoutTime => {
                "كلمة «نحو» تصف وقتًا من اليوم، لكن البداية تاريخ بلا وقت: اذكر الوقت (مثل 2020-12-30T16:00) أو احذف approximate_time".into()
            }
            TranslationOfNoText { lang: code } if en => format!(
                "marks the {code:?} text as a translation, but as_reported has no {code:?} text"
            ),
            TranslationOfNoText { lang: code } => format!(
                "يصف النص {code:?} بأنه ترجمة، لكن as_reported لا يتضمن نصًّا {code:?}"
            ),
            InterpretsUnlistedPattern { id } if en => format!(
                "pattern {id:?} is not in the incident's \"patterns\" list; add it there or remove its interpretation"
            ),
            InterpretsUnlistedPattern { id } => format!(
                "النمط {id:?} ليس في قائمة \"patterns\" للحادثة؛ أضفه إليها أو احذف تفسيره"
            ),
            InterpretedTwice { id } if en => {
                format!("pattern {id:?} is already interpreted above; give one basis per pattern")
            }
            InterpretedTwice { id } => {
                format!("للنمط {id:?} تفسير سابق؛ اذكر أساسًا واحدًا لكل نمط")
            }
            Story(m) => m.text(lang),
            Untranslated(text) => text.clone(),
        }
    }

    /// One message of every kind, for tests that each is worded in both
    /// languages.
    pub fn examples() -> Vec<Message> {
        use Message::*;
        let s = |x: &str| x.to_owned();
        let mut all = vec![
            NotJson { detail: s("EOF") },
            NotAnObject,
            Shape {
                detail: s("missing field `id`"),
            },
            Missing,
            NoText,
            BadDate {
                value: s("30/12"),
                detail: s("expected a date"),
            },
            NotOneOf {
                got: s("x"),
                allowed: s("a, b"),
            },
            BadId { id: s("a b") },
            DuplicateId {
                id: s("a"),
                first: s("incidents[0]"),
            },
            WrongFormat { got: s("geojson") },
            MissingFormat,
            WrongVersion { got: None },
            WrongVersion { got: Some(s("2")) },
            BadColour { got: s("red") },
            UnsafeUrl {
                got: s("javascript:x"),
            },
            EndBeforeStart {
                start: s("2021-05-01"),
                end: s("2021-04-01"),
            },
            NoPlaces,
            NotLatitude { value: s("134.2") },
            NotLongitude { value: s("200") },
            BadRadius { value: s("0") },
            UnknownGovernorate {
                got: s("narnia"),
                known: s("homs"),
            },
            ClaimSourceNotListed,
            NoFigure,
            NotACount { got: s("1.5") },
            RangeBackwards { min: 5, max: 2 },
            FigureTextShape,
            FigureTextEmpty,
            NotAFigure { got: s("true") },
            SwappedCoordinates {
                lat: s("38"),
                lon: s("35"),
                km: s("400"),
            },
            ApproximateWithoutTime,
            TranslationOfNoText { lang: "ar" },
            InterpretsUnlistedPattern {
                id: s("hit-and-run"),
            },
            InterpretedTwice {
                id: s("hit-and-run"),
            },
            Story(crate::story::StoryMessage::NoSteps),
        ];
        all.extend(JsonKind::ALL.map(|got| NotAList { got }));
        all.extend(
            DatePrecision::ALL
                .iter()
                .map(|&precision| NoLength { precision }),
        );
        all.extend(
            Attribution::ALL
                .iter()
                .map(|&attribution| AttributionWithoutActor { attribution }),
        );
        for what in Entry::ALL {
            all.push(MissingReferences { what });
            all.push(NoReferences { what });
            for known in [Vec::new(), vec![s("a")]] {
                all.push(UnknownId {
                    what,
                    id: s("x"),
                    known,
                    more: true,
                });
            }
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arabic script, so that an Arabic message left in English shows.
    fn has_arabic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    #[test]
    fn every_kind_is_worded_in_both_languages() {
        let examples = Message::examples();
        for m in &examples {
            let (en, ar) = (m.text(Lang::En), m.text(Lang::Ar));
            assert!(!en.is_empty() && !has_arabic(&en), "{m:?}: {en}");
            assert!(has_arabic(&ar), "{m:?}: {ar}");
            assert_ne!(en, ar, "{m:?}");
        }
        // Every kind has an example: this match names each (a new kind
        // does not compile until it is named here), and the count of
        // distinct kinds among the examples must be the number named.
        for m in &examples {
            match m {
                Message::Untranslated(_) => panic!("examples are translated"),
                Message::NotJson { .. }
                | Message::NotAnObject
                | Message::NotAList { .. }
                | Message::Shape { .. }
                | Message::Missing
                | Message::NoText
                | Message::BadDate { .. }
                | Message::NotOneOf { .. }
                | Message::BadId { .. }
                | Message::DuplicateId { .. }
                | Message::UnknownId { .. }
                | Message::WrongFormat { .. }
                | Message::MissingFormat
                | Message::WrongVersion { .. }
                | Message::BadColour { .. }
                | Message::UnsafeUrl { .. }
                | Message::MissingReferences { .. }
                | Message::NoReferences { .. }
                | Message::EndBeforeStart { .. }
                | Message::NoLength { .. }
                | Message::NoPlaces
                | Message::NotLatitude { .. }
                | Message::NotLongitude { .. }
                | Message::BadRadius { .. }
                | Message::UnknownGovernorate { .. }
                | Message::AttributionWithoutActor { .. }
                | Message::ClaimSourceNotListed
                | Message::NoFigure
                | Message::NotACount { .. }
                | Message::RangeBackwards { .. }
                | Message::FigureTextShape
                | Message::FigureTextEmpty
                | Message::NotAFigure { .. }
                | Message::SwappedCoordinates { .. }
                | Message::ApproximateWithoutTime
                | Message::TranslationOfNoText { .. }
                | Message::InterpretsUnlistedPattern { .. }
                | Message::InterpretedTwice { .. }
                | Message::Story(_) => {}
            }
        }
        let kinds: std::collections::HashSet<_> =
            examples.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 39);
    }

    #[test]
    fn english_reads_as_before() {
        let m = Message::UnknownId {
            what: Entry::Pattern,
            id: "ambush".into(),
            known: vec!["bus-ambush".into()],
            more: false,
        };
        assert_eq!(
            m.to_string(),
            "unknown pattern id \"ambush\" (known: bus-ambush)"
        );
        assert_eq!(Message::from("as is").text(Lang::Ar), "as is");
    }
}
