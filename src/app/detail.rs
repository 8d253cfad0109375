//! The detail panel of the selected incident: what happened, when and
//! where as reported and as interpreted, who is blamed and how firmly,
//! every casualty claim side by side with who made it, and the sources.

use leptos::prelude::*;

use super::state::{Atlas, Ui, UiLang};
use super::text::Localized;
use crate::dataset::{Claim, Dataset, Figure, Incident};
use crate::i18n::{
    attribution_label, claimant_kind_label, date, figure, governorate_name, incident_date, number,
    place_precision_label, precision_label, t, target_label, Key, Locale,
};

#[component]
pub fn DetailPanel() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let dataset = atlas.dataset.clone();
    move || {
        let locale = lang.locale();
        let l = locale.lang;
        match ui.selected.get() {
            None => view! {
                <aside class="panel detail detail-empty">
                    <p>{t(l, Key::SelectIncident)}</p>
                </aside>
            }
            .into_any(),
            Some(i) => match dataset.incidents.get(i as usize) {
                None => ().into_any(),
                Some(inc) => incident_view(&dataset, inc, locale, ui).into_any(),
            },
        }
    }
}

fn incident_view(ds: &Dataset, inc: &Incident, locale: Locale, ui: Ui) -> impl IntoView {
    let l = locale.lang;
    let not_in_primary = ds.meta.primary_source.is_some_and(|p| !inc.cites(p));
    let patterns = inc
        .patterns
        .iter()
        .filter_map(|&p| ds.patterns.get(p).map(|pattern| (pattern, inc.interpretation(p))))
        .map(|(p, basis)| {
            // A pattern the compiler read into the reports says so, and on
            // what it rests.
            let basis = basis.cloned().map(|b| {
                view! { <span class="interpretation">" (" {t(l, Key::Interpretation)} ": " <Localized text=b/> ")"</span> }
            });
            view! {
                <li class="chip" style=("--chip", p.color.clone())><Localized text=p.label.clone()/>{basis}</li>
            }
        })
        .collect_view();
    let when = &inc.when;
    let interpreted = incident_date(locale, when);
    // The mark goes with the language the page shows the text in.
    let translation_mark = move |text: &crate::text::Text, translated: &[crate::text::Lang]| {
        text.shown_in(l)
            .is_some_and(|shown| translated.contains(&shown))
            .then(|| view! { <span class="muted translated">" (" {t(l, Key::CompilersTranslation)} ")"</span> })
    };
    let when_translated = when
        .as_reported
        .as_ref()
        .and_then(|r| translation_mark(r, &when.as_reported_translated));
    let where_translated = inc
        .where_as_reported
        .as_ref()
        .and_then(|r| translation_mark(r, &inc.where_as_reported_translated));
    let places = inc
        .places
        .iter()
        .map(|p| {
            let gov = p
                .governorate
                .as_deref()
                .and_then(|g| governorate_name(g, l));
            let radius = format!(
                "{}, {} {} {}",
                place_precision_label(l, p.precision),
                t(l, Key::Radius),
                number(locale, p.radius_km.round() as u64),
                t(l, Key::Km)
            );
            view! {
                <li>
                    <Localized text=p.name.clone()/>
                    {gov.map(|g| view! { <span class="muted">" · " {g}</span> })}
                    <br/>
                    <span class="muted">{radius}</span>
                </li>
            }
        })
        .collect_view();
    let perpetrator = inc.perpetrator.clone();
    let actor = perpetrator
        .actor
        .and_then(|a| ds.actors.get(a))
        .map(|a| a.name.clone());
    let according: Vec<String> = perpetrator
        .according_to
        .iter()
        .filter_map(|s| ds.sources.get(*s))
        .map(|s| s.outlet.pick(l).to_owned())
        .collect();
    let target = inc.target.clone();
    let sources = inc
        .sources
        .iter()
        .filter_map(|s| ds.sources.get(*s))
        .map(|s| {
            let outlet = s.outlet.clone();
            let title = s.title.clone();
            let date_text = s
                .date
                .as_deref()
                .and_then(|d| crate::time::CivilDateTime::parse(d).ok())
                .map(|d| date(locale, d.to_seconds(), false));
            // Only http(s) URLs survive validation; they open in a new tab
            // without giving the target page a handle on this one.
            let link = s.url.clone().map(|url| {
                view! {
                    <a href=url target="_blank" rel="noopener noreferrer nofollow">
                        {title.clone().map(|t| view! { <Localized text=t/> })}
                        {title.is_none().then(|| t(l, Key::Sources))}
                        <span class="visually-hidden">" (" {t(l, Key::Opens)} ")"</span>
                    </a>
                }
            });
            let plain_title = if s.url.is_none() {
                s.title.clone()
            } else {
                None
            };
            let quote = s.quote.clone();
            view! {
                <li>
                    <strong><Localized text=outlet/></strong>
                    {plain_title.map(|t| view! { " — " <Localized text=t/> })}
                    {link.map(|a| view! { " — " {a} })}
                    {date_text.map(|d| view! { <span class="muted">" · " {d}</span> })}
                    {quote.map(|q| view! { <blockquote><Localized text=q/></blockquote> })}
                </li>
            }
        })
        .collect_view();
    let title = inc.title.clone();
    let summary = inc.summary.clone();
    let as_reported = when.as_reported.clone();
    let where_reported = inc.where_as_reported.clone();
    let note = inc.note.clone();
    let precision = precision_label(l, when.precision);
    let attribution = attribution_label(l, perpetrator.attribution);
    let close = move |_| ui.selected.set(None);
    view! {
        <aside class="panel detail" aria-labelledby="detail-title" data-incident=inc.id.clone()>
            <div class="detail-head">
                <h2 id="detail-title" tabindex="-1"><Localized text=title/></h2>
                <button class="close" on:click=close aria-label=t(l, Key::Close) title=t(l, Key::Close)>"×"</button>
            </div>
            {not_in_primary.then(|| view! { <p class="badge">{t(l, Key::NotInPrimary)}</p> })}
            <ul class="chips">{patterns}</ul>
            {summary.map(|s| view! { <p class="summary-text"><Localized text=s/></p> })}
            <dl class="facts">
                <dt>{t(l, Key::When)}</dt>
                <dd>
                    <span class="interpreted">{interpreted}</span>
                    <span class="muted">" (" {precision} ")"</span>
                    {as_reported.map(|r| view! { <br/><span class="reported">{t(l, Key::AsReported)} ": «" <Localized text=r/> "»"</span> })}
                    {when_translated}
                </dd>
                <dt>{t(l, Key::Where)}</dt>
                <dd>
                    <ul class="plain">{places}</ul>
                    {where_reported.map(|r| view! { <span class="reported">{t(l, Key::AsReported)} ": «" <Localized text=r/> "»"</span> })}
                    {where_translated}
                </dd>
                <dt>{t(l, Key::Perpetrator)}</dt>
                <dd>
                    {match actor {
                        Some(a) => view! { <Localized text=a/> }.into_any(),
                        None => t(l, Key::NobodyNamed).into_any(),
                    }}
                    <span class="muted">" (" {attribution} ")"</span>
                    {(!according.is_empty()).then(|| view! { <br/><span class="muted">{t(l, Key::ReportedIn)} ": " {according.join(", ")}</span> })}
                </dd>
                {target.map(|tg| view! {
                    <dt>{t(l, Key::Target)}</dt>
                    <dd>
                        {target_label(l, tg.kind)}
                        {tg.description.map(|d| view! { ": " <Localized text=d/> })}
                        {tg.disputed.map(|d| view! { <p class="disputed"><strong>{t(l, Key::Disputed)} ": "</strong><Localized text=d/></p> })}
                    </dd>
                })}
            </dl>
            <ClaimsTable claims=inc.claims.clone()/>
            <h3>{t(l, Key::Sources)}</h3>
            <ul class="sources">{sources}</ul>
            {note.map(|n| view! { <h3>{t(l, Key::Note)}</h3><p class="note"><Localized text=n/></p> })}
        </aside>
    }
}

/// The claims side by side: one row per claim, one column per kind of
/// figure that any claim gives.
#[component]
fn ClaimsTable(claims: Vec<Claim>) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = expect_context::<UiLang>();
    let locale = lang.locale_untracked();
    let l = locale.lang;
    let ds = atlas.dataset.clone();
    type Pick = fn(&Claim) -> Option<&Figure>;
    let columns: Vec<(Key, Pick)> = vec![
        (Key::Killed, |c| c.killed.as_ref()),
        (Key::Wounded, |c| c.wounded.as_ref()),
        (Key::KilledOrWounded, |c| c.killed_or_wounded.as_ref()),
        (Key::Missing, |c| c.missing.as_ref()),
        (Key::Kidnapped, |c| c.kidnapped.as_ref()),
    ];
    let columns: Vec<(Key, Pick)> = columns
        .into_iter()
        .filter(|(_, pick)| claims.iter().any(|c| pick(c).is_some()))
        .collect();
    if claims.is_empty() {
        return view! {
            <h3>{t(l, Key::CasualtyClaims)}</h3>
            <p class="muted">{t(l, Key::NoClaims)}</p>
        }
        .into_any();
    }
    let head = columns
        .iter()
        .map(|(k, _)| view! { <th scope="col">{t(l, *k)}</th> })
        .collect_view();
    let rows = claims
        .iter()
        .map(|c| {
            let claimant = ds.claimants.get(c.claimant);
            let name = claimant.map(|x| x.name.clone()).unwrap_or_default();
            let kind = claimant.map(|x| claimant_kind_label(l, x.kind)).unwrap_or("");
            let source = ds.sources.get(c.source).map(|s| s.outlet.clone()).unwrap_or_default();
            let cells = columns
                .iter()
                .map(|(_, pick)| {
                    let cell = match pick(c) {
                        None => view! { <span class="muted">"—"</span> }.into_any(),
                        Some(Figure::Words(w)) => view! { <span class="words">"«" <Localized text=w.clone()/> "»"</span> }.into_any(),
                        Some(f) => figure(locale, f).unwrap_or_default().into_any(),
                    };
                    view! { <td class="figure">{cell}</td> }
                })
                .collect_view();
            let extra = c.victims.clone().map(|v| view! { <div class="muted">{t(l, Key::Victims)} ": " <Localized text=v/></div> });
            let note = c.note.clone().map(|n| view! { <div class="claim-note"><Localized text=n/></div> });
            let when = c.date.as_deref().and_then(|d| crate::time::CivilDateTime::parse(d).ok()).map(|d| date(locale, d.to_seconds(), false));
            view! {
                <tr>
                    <th scope="row">
                        <Localized text=name/>
                        <span class="kind">{kind}</span>
                        <div class="muted">{t(l, Key::ReportedIn)} ": " <Localized text=source/> {when.map(|w| view! { ", " {w} })}</div>
                        {extra}
                        {note}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{t(l, Key::CasualtyClaims)}</h3>
        <p class="muted small">{t(l, Key::ClaimsIntro)}</p>
        <div class="table-scroll">
            <table class="claims">
                <thead><tr><th scope="col">{t(l, Key::Claimant)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
