//! The keyboard-operable side of the brush: start and end dates, a clear
//! button, and playback of a moving time window.

use leptos::prelude::*;

use super::super::behaviours::reduced_motion::prefers_reduced_motion;
use super::super::state::{Atlas, Ui, UiLang};
use crate::i18n::{t, Key};
use crate::time::{CivilDateTime, Seconds, DAY};

/// How long playing the whole dataset takes at 1×, in ms.
const PLAY_MS: f64 = 20_000.0;

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

    let playing = RwSignal::new(false);
    let speed = RwSignal::new(1.0f64);
    let run = StoredValue::new(0u64);
    let play = move || {
        if playing.get_untracked() {
            playing.set(false);
            run.update_value(|r| *r += 1);
            return;
        }
        // The window: the current selection's width, else a twelfth of the
        // data; it starts where the selection is, or at the beginning.
        let total = (hi - lo).max(DAY);
        let (start, width) = match ui.time_untracked() {
            Some((a, b)) if b - a < total && b < hi => (a, b - a),
            _ => (lo, (total / 12).max(DAY)),
        };
        playing.set(true);
        run.update_value(|r| *r += 1);
        let id = run.get_value();
        step(Playback {
            ui,
            playing,
            run,
            id,
            speed,
            window: (start, width),
            extent: (lo, hi),
            began: window().performance().map_or(0.0, |p| p.now()),
            jumpy: prefers_reduced_motion(),
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
                            speed.set(v);
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

/// A running playback: what each frame needs to move the window on.
#[derive(Clone, Copy)]
struct Playback {
    ui: Ui,
    playing: RwSignal<bool>,
    run: StoredValue<u64>,
    /// This playback's number; a newer one (or a stop) ends it.
    id: u64,
    speed: RwSignal<f64>,
    /// The window's start when playback began, and its width.
    window: (Seconds, Seconds),
    /// The data's time extent.
    extent: (Seconds, Seconds),
    /// When playback began (ms, `performance.now()`).
    began: f64,
    /// Reduced motion: jump by a window a second instead of gliding.
    jumpy: bool,
}

/// One frame of playback: moves the window on and reschedules itself
/// until it reaches the end or is stopped.
fn step(p: Playback) {
    request_animation_frame(move || {
        if p.run.get_value() != p.id || !p.playing.get_untracked() {
            return;
        }
        let (start, width) = p.window;
        let (lo, hi) = p.extent;
        let elapsed = window().performance().map_or(0.0, |perf| perf.now()) - p.began;
        let total = (hi - lo).max(DAY) as f64;
        let travelled = if p.jumpy {
            (elapsed / 1000.0).floor() * width as f64
        } else {
            elapsed / PLAY_MS * total * p.speed.get_untracked()
        };
        let a = (start + travelled as Seconds).min(hi - width);
        p.ui.set_time(Some((a, a + width)));
        if a + width >= hi {
            p.playing.set(false);
            return;
        }
        step(p);
    });
}
