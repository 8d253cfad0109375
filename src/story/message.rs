//! What a story problem says, worded in Arabic and English. A story's
//! problems are dataset problems ([`crate::dataset::Problem`], with
//! [`crate::dataset::Message::Story`]), so the page lists them the same way.

use crate::text::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryMessage {
    /// `steps` is empty.
    NoSteps,
    /// More steps than a story may have.
    TooManySteps { max: usize },
    /// A time range that does not read; `got` as written.
    BadRange { got: String },
    /// A step selects an incident the dataset does not have.
    UnknownIncident { id: String },
    /// A filter value the dataset does not have; `known` lists the first
    /// few ("a, b, c, …").
    UnknownValue {
        filter: String,
        id: String,
        known: String,
    },
    /// A filter name that is not one; `known` lists the names.
    UnknownFilter { name: String, known: String },
    /// The same facet as `only` and `-except`.
    OnlyAndExcept { filter: String },
    /// A view with both `region` and `map`.
    RegionAndMap,
    /// A zoom outside what the map can show.
    BadZoom {
        got: String,
        min: String,
        max: String,
    },
    /// A story file from another site.
    NotSameOrigin { url: String },
}

impl StoryMessage {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use StoryMessage::*;
        let en = lang == Lang::En;
        match self {
            NoSteps if en => "a story needs at least one step".into(),
            NoSteps => "تحتاج القصة إلى خطوة واحدة على الأقل".into(),
            TooManySteps { max } if en => format!("a story may have at most {max} steps"),
            TooManySteps { max } => format!("لا يجوز أن تزيد خطوات القصة على {max}"),
            BadRange { got } if en => format!(
                "expected a range like \"2020-10-01..2021-03-01\" (dates or date-times, the end excluded and after the start), got {got:?}"
            ),
            BadRange { got } => format!(
                "يُنتظر مدى مثل \"2020-10-01..2021-03-01\" (تواريخ أو تواريخ مع أوقات، والنهاية غير داخلة وبعد البداية)، لكن وُجد {got:?}"
            ),
            UnknownIncident { id } if en => format!("no incident with id {id:?} in the dataset"),
            UnknownIncident { id } => format!("لا توجد في مجموعة البيانات حادثة بالمعرّف {id:?}"),
            UnknownValue { filter, id, known } if en => {
                format!("the dataset has no {filter} {id:?} (known: {known})")
            }
            UnknownValue { filter, id, known } => format!(
                "لا توجد في مجموعة البيانات قيمة {id:?} لعامل التصفية {filter} (الموجود: {known})"
            ),
            UnknownFilter { name, known } if en => {
                format!("{name:?} is not a filter (filters: {known})")
            }
            UnknownFilter { name, known } => {
                format!("{name:?} ليس عامل تصفية (عوامل التصفية: {known})")
            }
            OnlyAndExcept { filter } if en => format!(
                "{filter:?} and \"{filter}-except\" are both given: list the values to show, or the values to hide"
            ),
            OnlyAndExcept { filter } => format!(
                "ذُكر {filter:?} و\"{filter}-except\" معًا: اذكر القيم المعروضة أو القيم المخفية"
            ),
            RegionAndMap if en => "give either \"region\" or \"map\", not both".into(),
            RegionAndMap => "اذكر \"region\" أو \"map\"، لا كليهما".into(),
            BadZoom { got, min, max } if en => {
                format!("the zoom {got} is outside {min}..{max}")
            }
            BadZoom { got, min, max } => format!("التكبير {got} خارج المدى {min}..{max}"),
            NotSameOrigin { url } if en => format!(
                "a story file must come from the atlas's own site (a path like stories/my-story.json), got {url:?}"
            ),
            NotSameOrigin { url } => format!(
                "يجب أن يكون ملف القصة على موقع الأطلس نفسه (مسار مثل stories/my-story.json)، لكنه {url:?}"
            ),
        }
    }

    /// One message of every kind, for the test that each is worded in both
    /// languages.
    pub fn examples() -> Vec<StoryMessage> {
        use StoryMessage::*;
        let s = |x: &str| x.to_owned();
        vec![
            NoSteps,
            TooManySteps { max: 200 },
            BadRange { got: s("2020") },
            UnknownIncident { id: s("x") },
            UnknownValue {
                filter: s("pattern"),
                id: s("x"),
                known: s("a, b"),
            },
            UnknownFilter {
                name: s("colour"),
                known: s("pattern, q"),
            },
            OnlyAndExcept {
                filter: s("pattern"),
            },
            RegionAndMap,
            BadZoom {
                got: s("99"),
                min: s("-10"),
                max: s("20"),
            },
            NotSameOrigin {
                url: s("https://example.org/s.json"),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_arabic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    #[test]
    fn every_kind_is_worded_in_both_languages() {
        let examples = StoryMessage::examples();
        let kinds: std::collections::HashSet<_> =
            examples.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 10, "one example per kind");
        for m in &examples {
            let (en, ar) = (m.text(Lang::En), m.text(Lang::Ar));
            assert!(!en.is_empty() && !has_arabic(&en), "{m:?}: {en}");
            assert!(has_arabic(&ar), "{m:?}: {ar}");
        }
    }
}
