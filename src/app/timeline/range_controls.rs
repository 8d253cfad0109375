//! The keyboard-operable side of the brush: start and end dates, a clear
//! button, and playback of a moving time window.

use leptos::prelude::*;

use super::super::behaviours::reduced_motion::prefers_reduced_motion;
use super::super::state::{Atlas, Ui, UiLang};
use crate::i18n::{t, Key};
use crate::time::playback::{Motion, Playback};
use crate::time::{CivilDateTime, Seconds, DAY};

fn date_value(t: Seconds) -> String {
    let d = CivilDateTime::from_seconds(t);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn parse_date(s: &str) -> Option<Seconds> {
    CivilDateTime::parse(s.trim()).ok().map(|d| d.to_seconds())
}

#[component]
pub fn RangeControls() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let (lo, hi) = atlas.dataset.time_extent().unwrap_or((0, DAY));
    let (min, max) = (date_value(lo), date_value(hi - 1));
    // The end input shows the last day included (the range is exclusive).
    let start_value = move || ui.time().map(|(a, _)| date_value(a)).unwrap_or_default();
    let end_value = move || {
        ui.time()
            .map(|(_, b)| date_value(b - 1))
            .unwrap_or_default()
    };
    // Typing a date fires a change per segment (month, day, then each digit
    // of the year), so values outside the data's years or that would turn
    // the range inside out are passing states: they are ignored, never
    // allowed to drag the other end along.
    let set_start = move |v: String| {
        let Some(a) = parse_date(&v).filter(|a| (lo - DAY..hi).contains(a)) else {
            return;
        };
        let b = ui.time_untracked().map_or(hi, |(_, b)| b);
        if a < b {
            ui.set_time(Some((a, b)));
        }
    };
    let set_end = move |v: String| {
        let Some(b) = parse_date(&v)
            .map(|b| b + DAY)
            .filter(|b| (lo..=hi + DAY).contains(b))
        else {
            return;
        };
        let a = ui.time_untracked().map_or(lo, |(a, _)| a);
        if a < b {
            ui.set_time(Some((a, b)));
        }
    };

    // The running playback, if any (its number tells a stale frame loop
    // to stop), and whether the button shows "pause".
    let playing = RwSignal::new(false);
    let speed = StoredValue::new(1.0f64);
    let running = StoredValue::new(None::<Running>);
    let runs = StoredValue::new(0u64);
    let play = move || {
        if playing.get_untracked() {
            playing.set(false);
            running.set_value(None);
            return;
        }
        let motion = if prefers_reduced_motion() {
            Motion::Jump
        } else {
            Motion::Glide
        };
        let playback = Playback::start(
            (lo, hi),
            ui.time_untracked(),
            now(),
            speed.get_value(),
            motion,
        );
        runs.update_value(|n| *n += 1);
        let id = runs.get_value();
        running.set_value(Some(Running { id, playback }));
        playing.set(true);
        step(ui, playing, running, id);
    };
    let set_speed = move |v: f64| {
        speed.set_value(v);
        running.update_value(|r| {
            if let Some(r) = r {
                r.playback = r.playback.with_speed(now(), v);
            }
        });
    };

    view! {
        <div class="range-controls" role="group" aria-label=move || t(lang.get(), Key::TimeRange)>
            <label>
                <span>{move || t(lang.get(), Key::From)}</span>
                <input
                    type="date"
                    class="range-start"
                    min=min.clone()
                    max=max.clone()
                    prop:value=start_value
                    on:change=move |e| set_start(event_target_value(&e))
                />
            </label>
            <label>
                <span>{move || t(lang.get(), Key::To)}</span>
                <input
                    type="date"
                    class="range-end"
                    min=min
                    max=max
                    prop:value=end_value
                    on:change=move |e| set_end(event_target_value(&e))
                />
            </label>
            <button
                class="link-button range-clear"
                disabled=move || ui.time().is_none()
                on:click=move |_| ui.set_time(None)
            >
                {move || t(lang.get(), Key::ClearRange)}
            </button>
            <span class="range-play">
                <button class="button play" aria-pressed=move || if playing.get() { "true" } else { "false" } on:click=move |_| play()>
                    {move || if playing.get() { format!("⏸ {}", t(lang.get(), Key::Pause)) } else { format!("▶ {}", t(lang.get(), Key::Play)) }}
                </button>
                <label>
                    <span class="visually-hidden">{move || t(lang.get(), Key::Speed)}</span>
                    <select class="play-speed" on:change=move |e| {
                        if let Ok(v) = event_target_value(&e).parse::<f64>() {
                            set_speed(v);
                        }
                    }>
                        <option value="0.5">"0.5×"</option>
                        <option value="1" selected>"1×"</option>
                        <option value="2">"2×"</option>
                        <option value="4">"4×"</option>
                    </select>
                </label>
            </span>
        </div>
    }
}

/// A playback under way, numbered so that a frame loop of an earlier one
/// stops.
#[derive(Clone, Copy)]
struct Running {
    id: u64,
    playback: Playback,
}

/// The page clock, ms.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// One frame of playback `id`: puts the window where the clock says and
/// reschedules itself until the end of the data or a stop.
fn step(ui: Ui, playing: RwSignal<bool>, running: StoredValue<Option<Running>>, id: u64) {
    request_animation_frame(move || {
        let Some(r) = running.get_value().filter(|r| r.id == id) else {
            return;
        };
        let position = r.playback.at(now());
        ui.set_time(Some(position.window));
        if position.ended {
            playing.set(false);
            running.set_value(None);
            return;
        }
        step(ui, playing, running, id);
    });
}
