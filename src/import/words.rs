//! The import interface's text in Arabic and English: the "Open data"
//! control, the progress, the report (rows loaded, left out, skipped with
//! their row and column), the mapping step and the export buttons.
//!
//! Kept beside the importers rather than in `i18n`'s catalogue so that the
//! import's words live in one place; numbers go through `i18n::number`
//! (Arabic-Indic digits unless the URL chose Western ones). The importers'
//! own reasons ("\"31/02/2021\" is not a date") are English: the report
//! frames them ("الصف ٢١٤، العمود event_date: …") and marks them `lang=en`.

use super::report::{ImportReport, RowProblem};
use crate::i18n::{number, Locale};
use crate::text::Lang;

macro_rules! words {
    ($($key:ident => $en:literal, $ar:literal;)+) => {
        /// A piece of the import interface's text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum W { $($key),+ }

        impl W {
            pub const ALL: &'static [W] = &[$(W::$key),+];
        }

        /// The text of `key` in `lang`.
        pub fn w(lang: Lang, key: W) -> &'static str {
            match (key, lang) {
                $((W::$key, Lang::En) => $en, (W::$key, Lang::Ar) => $ar,)+
            }
        }
    };
}

words! {
    OpenData => "Open data", "فتح بيانات";
    OpenDataLabel => "Open data: a file from your computer (CSV, TSV, ACLED, UCDP GED, GeoJSON or dataset JSON)", "فتح بيانات: ملف من حاسوبك (CSV أو TSV أو ACLED أو UCDP GED أو GeoJSON أو JSON مجموعة بيانات)";
    LocalOnly => "The file is read in this browser; nothing is uploaded.", "يُقرأ الملف في هذا المتصفح، ولا يُرفع أي شيء.";
    DropHere => "Drop the file to open it. It is read here; nothing is uploaded.", "أفلت الملف لفتحه. يُقرأ هنا ولا يُرفع أي شيء.";
    Reading => "Reading", "جارٍ قراءة";
    RowsSoFar => "rows", "صفاً";
    Cancel => "Cancel", "إلغاء";
    Cancelled => "The import was cancelled; the atlas is as it was.", "أُلغي الاستيراد، وبقي الأطلس كما كان.";
    ImportFailed => "The file could not be imported", "تعذّر استيراد الملف";
    Dismiss => "Close", "إغلاق";
    ReportHeading => "Import report", "تقرير الاستيراد";
    KeepOutside => "Keep them", "إبقاؤها";
    LeaveOutside => "Leave them out", "استبعادها";
    SkippedHeading => "Skipped rows", "صفوف متروكة";
    NotesHeading => "Notes", "ملاحظات";
    MappingHeading => "Which column holds what?", "أي عمود يحمل ماذا؟";
    MappingIntro => "This spreadsheet is not an ACLED or UCDP export. The atlas proposes a column for each field; change any choice, check the preview, then load.", "هذا الجدول ليس تصديراً من ACLED أو UCDP. يقترح الأطلس عموداً لكل حقل؛ غيّر ما شئت، وتحقق من المعاينة، ثم حمّل.";
    NoColumn => "(none)", "(لا شيء)";
    FieldDate => "Date", "التاريخ";
    FieldDateEnd => "End date", "تاريخ النهاية";
    FieldPlace => "Place name", "اسم المكان";
    FieldPlaceAr => "Place name (Arabic)", "اسم المكان (بالعربية)";
    FieldLat => "Latitude", "خط العرض";
    FieldLon => "Longitude", "خط الطول";
    FieldLatLon => "One \"lat, lon\" column", "عمود واحد «عرض، طول»";
    FieldPattern => "Pattern", "النمط";
    FieldActor => "Actor", "الفاعل";
    FieldFatalities => "Fatalities", "القتلى";
    FieldSource => "Source", "المصدر";
    FieldTitle => "Title", "العنوان";
    FieldTitleAr => "Title (Arabic)", "العنوان (بالعربية)";
    FieldDescription => "Description", "الوصف";
    FieldDescriptionAr => "Description (Arabic)", "الوصف (بالعربية)";
    DayMonthLabel => "Dates such as 03/04/2020", "تواريخ مثل 03/04/2020";
    DayMonthAuto => "as the column suggests (day first if nothing tells)", "كما يوحي العمود (اليوم أولاً إن لم يتبيّن)";
    DayFirst => "day first: 3 April", "اليوم أولاً: 3 نيسان";
    MonthFirst => "month first: March 4", "الشهر أولاً: 4 آذار";
    Preview => "Preview of the first rows", "معاينة الصفوف الأولى";
    PreviewRow => "Row", "الصف";
    PreviewWhen => "Date", "التاريخ";
    PreviewWhere => "Place", "المكان";
    PreviewWhat => "Incident", "الحادثة";
    PreviewNone => "No row of the preview becomes an incident with this mapping.", "لا يصبح أي صف من المعاينة حادثةً بهذا الربط.";
    LoadMapped => "Load", "تحميل";
    SaveMapping => "Save mapping", "حفظ الربط";
    UseMapping => "Use a saved mapping", "استخدام ربط محفوظ";
    MappingUnusable => "The mapping is not complete", "الربط غير مكتمل";
    Export => "Export", "تصدير";
    ExportCsv => "Shown incidents as CSV", "الحوادث المعروضة بصيغة CSV";
    ExportGeoJson => "Shown incidents as GeoJSON", "الحوادث المعروضة بصيغة GeoJSON";
    ExportDataset => "Whole dataset as dataset JSON", "مجموعة البيانات كاملةً بصيغة JSON";
    ExportLocal => "Made in this browser from what is loaded; nothing is sent.", "يُنشأ في هذا المتصفح مما حُمّل، ولا يُرسل شيء.";
}

/// A country as a file names it, in the page's language (the common
/// neighbours; others as the file writes them).
pub fn country_name(lang: Lang, name: &str) -> String {
    const AR: &[(&str, &str)] = &[
        ("syria", "سوريا"),
        ("iraq", "العراق"),
        ("yemen", "اليمن"),
        ("lebanon", "لبنان"),
        ("turkey", "تركيا"),
        ("türkiye", "تركيا"),
        ("jordan", "الأردن"),
        ("israel", "إسرائيل"),
        ("palestine", "فلسطين"),
        ("iran", "إيران"),
        ("saudi arabia", "السعودية"),
        ("egypt", "مصر"),
        ("libya", "ليبيا"),
        ("outside the map", "خارج الخريطة"),
    ];
    match lang {
        Lang::En => name.to_owned(),
        Lang::Ar => AR
            .iter()
            .find(|(en, _)| en.eq_ignore_ascii_case(name.trim()))
            .map_or_else(|| name.to_owned(), |(_, ar)| (*ar).to_owned()),
    }
}

/// "ACLED: 1,204 rows read, 1,190 loaded, 10 left out, 4 skipped".
pub fn summary(locale: Locale, r: &ImportReport) -> String {
    let n = |v: usize| number(locale, v as u64);
    match locale.lang {
        Lang::En => format!(
            "{}: {} rows read, {} loaded, {} left out, {} skipped",
            r.format,
            n(r.rows),
            n(r.loaded),
            n(r.left_out_total()),
            n(r.skipped)
        ),
        Lang::Ar => format!(
            "{}: قُرئ {} صفاً، حُمّل منها {}، واستُبعد {}، وتُرك {}",
            r.format,
            n(r.rows),
            n(r.loaded),
            n(r.left_out_total()),
            n(r.skipped)
        ),
    }
}

/// "3,912 rows outside Syria were left out: Iraq 1,630, Yemen 904, …"
/// (largest first, five at most), or `None` when none were; `kept` says
/// the rows were kept instead ("… are shown").
pub fn left_out_notice(locale: Locale, r: &ImportReport) -> Option<String> {
    let total = r.left_out_total();
    if total == 0 {
        return None;
    }
    let lang = locale.lang;
    let mut by_count: Vec<(&String, &usize)> = r.left_out.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let sep = if lang == Lang::Ar { "، " } else { ", " };
    let listed: Vec<String> = by_count
        .iter()
        .take(5)
        .map(|(c, k)| format!("{} {}", country_name(lang, c), number(locale, **k as u64)))
        .collect();
    let more = if by_count.len() > 5 { "…" } else { "" };
    let list = if more.is_empty() {
        listed.join(sep)
    } else {
        format!("{}{sep}{more}", listed.join(sep))
    };
    let place = country_name(lang, r.kept_to.as_deref().unwrap_or("outside the map"));
    let count = number(locale, total as u64);
    Some(match lang {
        Lang::En => {
            let (rows, were) = if total == 1 {
                ("row", "was")
            } else {
                ("rows", "were")
            };
            match r.kept_to.as_deref() {
                Some(p) => format!("{count} {rows} outside {p} {were} left out: {list}"),
                None => format!("{count} {rows} outside the map {were} left out: {list}"),
            }
        }
        Lang::Ar => format!("استُبعد {count} صفاً خارج {place}: {list}"),
    })
}

/// "row 214, column event_date: " / "الصف ٢١٤، العمود event_date: ": the
/// place of a problem; its reason follows (in English).
pub fn location(locale: Locale, p: &RowProblem) -> String {
    let row = number(locale, p.row as u64);
    match (locale.lang, &p.column) {
        (Lang::En, Some(c)) => format!("row {row}, column {c}: "),
        (Lang::En, None) => format!("row {row}: "),
        (Lang::Ar, Some(c)) => format!("الصف {row}، العمود {c}: "),
        (Lang::Ar, None) => format!("الصف {row}: "),
    }
}

/// "… and 12 more" / "… و١٢ غيرها".
pub fn and_more(locale: Locale, n: usize) -> String {
    let k = number(locale, n as u64);
    match locale.lang {
        Lang::En => format!("… and {k} more"),
        Lang::Ar => format!("… و{k} غيرها"),
    }
}

/// "Reading acled.csv: 45% (12,345 rows)".
pub fn progress(locale: Locale, file: &str, fraction: f64, rows: usize) -> String {
    let percent = number(locale, (fraction.clamp(0.0, 1.0) * 100.0).floor() as u64);
    let rows = number(locale, rows as u64);
    let lang = locale.lang;
    format!(
        "{} {file}: {percent}% ({rows} {})",
        w(lang, W::Reading),
        w(lang, W::RowsSoFar)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Digits;

    fn report() -> ImportReport {
        let mut r = ImportReport {
            format: "ACLED".into(),
            kept_to: Some("Syria".into()),
            rows: 12,
            loaded: 7,
            ..ImportReport::default()
        };
        for _ in 0..3 {
            r.leave_out("Iraq");
        }
        r.leave_out("Lebanon");
        r.skip(RowProblem::new(214, Some("event_date"), "not a date"));
        r
    }

    #[test]
    fn every_word_has_both_languages() {
        for &k in W::ALL {
            assert!(!w(Lang::En, k).is_empty() && !w(Lang::Ar, k).is_empty());
            assert_ne!(w(Lang::En, k), w(Lang::Ar, k), "{k:?}");
        }
    }

    #[test]
    fn left_out_notice_in_both_languages() {
        let r = report();
        let en = Locale::new(Lang::En, None);
        assert_eq!(
            left_out_notice(en, &r).as_deref(),
            Some("4 rows outside Syria were left out: Iraq 3, Lebanon 1")
        );
        let ar = Locale::new(Lang::Ar, None);
        assert_eq!(
            left_out_notice(ar, &r).as_deref(),
            Some("استُبعد ٤ صفاً خارج سوريا: العراق ٣، لبنان ١")
        );
        let latn = Locale::new(Lang::Ar, Some(Digits::Latn));
        assert!(left_out_notice(latn, &r).is_some_and(|s| s.contains("العراق 3")));
        assert_eq!(left_out_notice(en, &ImportReport::default()), None);
    }

    #[test]
    fn long_lists_are_cut_after_five() {
        let mut r = ImportReport::default();
        for (i, c) in ["A", "B", "C", "D", "E", "F"].iter().enumerate() {
            for _ in 0..=i {
                r.leave_out(c);
            }
        }
        let en = Locale::new(Lang::En, None);
        let notice = left_out_notice(en, &r).unwrap_or_default();
        assert_eq!(
            notice,
            "21 rows outside the map were left out: F 6, E 5, D 4, C 3, B 2, …"
        );
    }

    #[test]
    fn summary_and_location() {
        let r = report();
        let en = Locale::new(Lang::En, None);
        assert_eq!(
            summary(en, &r),
            "ACLED: 12 rows read, 7 loaded, 4 left out, 1 skipped"
        );
        assert_eq!(
            location(en, &r.skip_reasons[0]),
            "row 214, column event_date: "
        );
        let ar = Locale::new(Lang::Ar, None);
        assert_eq!(
            location(ar, &r.skip_reasons[0]),
            "الصف ٢١٤، العمود event_date: "
        );
        assert!(summary(ar, &r).contains("حُمّل منها ٧"));
        assert_eq!(
            progress(en, "a.csv", 0.456, 12345),
            "Reading a.csv: 45% (12,345 rows)"
        );
        assert_eq!(and_more(en, 3), "… and 3 more");
    }
}
